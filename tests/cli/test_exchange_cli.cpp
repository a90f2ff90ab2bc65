// rectrack-cli exchange: the acceptance scenario of issue #25 (a district's ledger reaches the city
// by package), replays, tampered and re-signed packages.
#include <catch2/catch.hpp>

#include "exchange/package.h"
#include "exchange/signing.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QThread>

using namespace rectrack;
using rectrack::test::CliRun;
using rectrack::test::RegisterLocation;
using rectrack::test::runCli;
using rectrack::test::sharedData;
using rectrack::test::sqlOutput;

namespace {

QString s(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(f.write(bytes) == bytes.size());
}

/// The one .rtx file in @p dir.
QString packageIn(const QString &dir)
{
    const QStringList files = QDir(dir).entryList({QStringLiteral("*.rtx")}, QDir::Files);
    REQUIRE(files.size() == 1);
    return QDir(dir).filePath(files.first());
}

/// What a register holds, for "nothing changed": the audit chain's length and head.
QString state(const QString &db)
{
    return sqlOutput(db, QStringLiteral("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"));
}

QString statsByUnit(const QString &db)
{
    const CliRun r = runCli({QStringLiteral("stats"), db, QStringLiteral("--by"), QStringLiteral("unit"),
                             QStringLiteral("--format"), QStringLiteral("json")});
    REQUIRE(r.exitCode == 0);
    return r.out;
}

} // namespace

TEST_CASE("a district's ledger reaches the city by exchange package and levels it again later",
          "[cli][exchange][pg]")
{
    RegisterLocation c(QStringLiteral("c.rtreg"));
    RegisterLocation d(QStringLiteral("d.rtreg"));
    REQUIRE(runCli({QStringLiteral("init"), c.path, QStringLiteral("--office"), s("市委巡察办")}).exitCode ==
            0);
    const CliRun initD =
        runCli({QStringLiteral("init"), d.path, QStringLiteral("--office"), s("思明区委巡察办")});
    REQUIRE(initD.exitCode == 0);
    CHECK(initD.out.contains(s("思明区委巡察办")));
    REQUIRE(runCli({QStringLiteral("import"), d.path,
                    sharedData(QStringLiteral("ledgers/transport-bureau-ledger.xlsx")),
                    QStringLiteral("--unit"), s("市交通运输局")})
                .exitCode == 0);
    const QString out1 = d.dir.filePath(QStringLiteral("out1"));
    const CliRun exp = runCli({QStringLiteral("exchange"), QStringLiteral("export"), d.path,
                               QStringLiteral("--to"), s("市委巡察办"), QStringLiteral("-o"), out1});
    REQUIRE(exp.exitCode == 0);
    const QString package = packageIn(out1);
    CHECK(QFileInfo(package).fileName().startsWith(s("思明区委巡察办-市委巡察办-000001-")));
    // The file name ends in the first 8 hex digits of the file's SHA-256.
    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(readAll(package), QCryptographicHash::Sha256).toHex());
    CHECK(QFileInfo(package).completeBaseName().endsWith(sha.left(8)));
    CHECK(exp.out.contains(sha));

    // Without --trust: refused, the fingerprint printed, nothing changed.
    const QString before = state(c.path);
    const CliRun untrusted = runCli({QStringLiteral("exchange"), QStringLiteral("import"), c.path, package});
    CHECK(untrusted.exitCode == 2);
    CHECK(untrusted.err.contains(QStringLiteral("--trust")));
    CHECK(state(c.path) == before);

    // The dry run counts per unit.
    const CliRun dry = runCli({QStringLiteral("exchange"), QStringLiteral("import"), c.path, package,
                               QStringLiteral("--dry-run"), QStringLiteral("--trust")});
    REQUIRE(dry.exitCode == 0);
    CHECK(dry.out.contains(s("市交通运输局")));
    CHECK(dry.out.contains(QStringLiteral("Dry run")));
    CHECK(dry.out.contains(QStringLiteral("would be trusted; a dry run stores nothing.")));
    CHECK(state(c.path) == before);
    // The dry run trusted nothing: without --trust the package is still refused.
    CHECK(runCli({QStringLiteral("exchange"), QStringLiteral("import"), c.path, package}).exitCode == 2);

    const CliRun imp = runCli(
        {QStringLiteral("exchange"), QStringLiteral("import"), c.path, package, QStringLiteral("--trust")});
    REQUIRE(imp.exitCode == 0);
    CHECK(imp.out.contains(QStringLiteral("Applied package 1")));
    CHECK(statsByUnit(c.path) == statsByUnit(d.path));
    CHECK(sqlOutput(c.path, QStringLiteral("SELECT count(*) FROM problems")) == QStringLiteral("24\n"));

    // A second import of that package: exit 0, nothing changed.
    const QString after = state(c.path);
    const CliRun again = runCli({QStringLiteral("exchange"), QStringLiteral("import"), c.path, package});
    CHECK(again.exitCode == 0);
    CHECK(again.out.contains(QStringLiteral("already covered")));
    CHECK(state(c.path) == after);

    // Another ledger into d; the next package, without --trust, levels c again.
    REQUIRE(runCli({QStringLiteral("import"), d.path,
                    sharedData(QStringLiteral("ledgers/agriculture-bureau-ledger-gbk.csv")),
                    QStringLiteral("--unit"), s("市农业农村局")})
                .exitCode == 0);
    CHECK(statsByUnit(c.path) != statsByUnit(d.path));
    const QString out2 = d.dir.filePath(QStringLiteral("out2"));
    REQUIRE(runCli({QStringLiteral("exchange"), QStringLiteral("export"), d.path, QStringLiteral("--to"),
                    s("市委巡察办"), QStringLiteral("-o"), out2})
                .exitCode == 0);
    const QString package2 = packageIn(out2);
    CHECK(QFileInfo(package2).fileName().contains(QStringLiteral("-000002-")));
    REQUIRE(runCli({QStringLiteral("exchange"), QStringLiteral("import"), c.path, package2}).exitCode == 0);
    CHECK(statsByUnit(c.path) == statsByUnit(d.path));
    CHECK(sqlOutput(c.path, QStringLiteral("SELECT count(*) FROM problems")) == QStringLiteral("42\n"));

    // Both registers verify; status shows the partner and what it has not acknowledged.
    CHECK(runCli({QStringLiteral("verify"), c.path}).exitCode == 0);
    CHECK(runCli({QStringLiteral("verify"), d.path}).exitCode == 0);
    const CliRun status = runCli({QStringLiteral("exchange"), QStringLiteral("status"), d.path});
    REQUIRE(status.exitCode == 0);
    CHECK(status.out.contains(s("市委巡察办")));
    CHECK(status.out.contains(QStringLiteral("Not acknowledged")));

    // The city's package back acknowledges both: the district's next package is empty.
    const QString back = c.dir.filePath(QStringLiteral("back"));
    REQUIRE(runCli({QStringLiteral("exchange"), QStringLiteral("export"), c.path, QStringLiteral("--to"),
                    s("思明区委巡察办"), QStringLiteral("-o"), back})
                .exitCode == 0);
    REQUIRE(runCli({QStringLiteral("exchange"), QStringLiteral("import"), d.path, packageIn(back),
                    QStringLiteral("--trust")})
                .exitCode == 0);
    const CliRun empty =
        runCli({QStringLiteral("exchange"), QStringLiteral("export"), d.path, QStringLiteral("--to"),
                s("市委巡察办"), QStringLiteral("-o"), d.dir.filePath(QStringLiteral("out3"))});
    REQUIRE(empty.exitCode == 0);
    CHECK(empty.out.contains(QStringLiteral("0 rows (0 deletions), 0 evidence files")));
}

namespace {

/// The city register @p c (市委巡察办) and the district register @p d (思明区委巡察办) made as
/// sites, the transport ledger imported into d, and d's first package to the city: its path.
QString districtPackage(const RegisterLocation &c, const RegisterLocation &d)
{
    REQUIRE(runCli({QStringLiteral("init"), c.path, QStringLiteral("--office"), s("市委巡察办")}).exitCode ==
            0);
    REQUIRE(
        runCli({QStringLiteral("init"), d.path, QStringLiteral("--office"), s("思明区委巡察办")}).exitCode ==
        0);
    REQUIRE(runCli({QStringLiteral("import"), d.path,
                    sharedData(QStringLiteral("ledgers/transport-bureau-ledger.xlsx")),
                    QStringLiteral("--unit"), s("市交通运输局")})
                .exitCode == 0);
    const QString out = d.dir.filePath(QStringLiteral("out"));
    REQUIRE(runCli({QStringLiteral("exchange"), QStringLiteral("export"), d.path, QStringLiteral("--to"),
                    s("市委巡察办"), QStringLiteral("-o"), out})
                .exitCode == 0);
    return packageIn(out);
}

} // namespace

TEST_CASE("a package with a flipped byte or signed by another key is refused with exit 2 and nothing changed",
          "[cli][exchange][pg]")
{
    RegisterLocation c(QStringLiteral("c.rtreg"));
    RegisterLocation d(QStringLiteral("d.rtreg"));
    const QString package = districtPackage(c, d);
    const QByteArray good = readAll(package);
    const QString bad = d.dir.filePath(QStringLiteral("bad.rtx"));
    const QString before = state(c.path);

    // A flipped byte in the manifest, in the rows, in the zip's central directory, and the last byte.
    const qsizetype rows = good.indexOf("\"tables\"");
    REQUIRE(rows > 0);
    for (const qsizetype at : {qsizetype(40), qsizetype(200), rows + 30, good.size() - 60, good.size() - 1}) {
        QByteArray b = good;
        b[at] = char(b[at] ^ 0x04);
        writeAll(bad, b);
        const CliRun r = runCli(
            {QStringLiteral("exchange"), QStringLiteral("import"), c.path, bad, QStringLiteral("--trust")});
        INFO("byte " << at);
        CHECK(r.exitCode == 2);
        CHECK((r.err.contains(QStringLiteral("refused")) || r.err.contains(QStringLiteral("not an intact"))));
    }
    CHECK(state(c.path) == before);

    // The district's package applied; then one re-signed by another key that claims the district.
    REQUIRE(runCli({QStringLiteral("exchange"), QStringLiteral("import"), c.path, package,
                    QStringLiteral("--trust")})
                .exitCode == 0);
    auto entries = core::exchange::PackageArchive::read(good, QStringLiteral("p"));
    REQUIRE(entries.ok());
    QJsonObject manifest = QJsonDocument::fromJson(entries->at(0).second).object();
    QJsonObject sender = manifest.value(QLatin1String("sender")).toObject();
    const core::exchange::KeyPair other = core::exchange::generateKeyPair();
    sender.insert(QStringLiteral("publicKey"), QString::fromLatin1(other.publicKey.toBase64()));
    manifest.insert(QStringLiteral("sender"), sender);
    manifest.insert(QStringLiteral("seq"), 7);
    const QByteArray json = QJsonDocument(manifest).toJson(QJsonDocument::Indented);
    (*entries)[0].second = json;
    (*entries)[1].second = core::exchange::sign(other.privateKey, json).toBase64() + '\n';
    writeAll(bad, *core::exchange::PackageArchive::write(*entries));
    const QString applied = state(c.path);
    const CliRun forged = runCli(
        {QStringLiteral("exchange"), QStringLiteral("import"), c.path, bad, QStringLiteral("--trust")});
    CHECK(forged.exitCode == 2);
    CHECK(forged.err.contains(QStringLiteral("another key")));
    CHECK(forged.err.contains(core::exchange::fingerprint(other.publicKey)));
    CHECK(state(c.path) == applied);
    CHECK(runCli({QStringLiteral("verify"), c.path}).exitCode == 0);
}

TEST_CASE("an import killed at any moment leaves the register as before or fully applied", "[cli][exchange]")
{
    RegisterLocation c(QStringLiteral("c.rtreg"));
    RegisterLocation d(QStringLiteral("d.rtreg"));
    const QString package = districtPackage(c, d);
    const QString before = state(c.path);
    int untouched = 0;
    int applied = 0;
    for (const int delayMs : {5, 20, 40, 60, 80, 100, 130, 160, 200, 260, 400}) {
        const QString copy = c.dir.filePath(QStringLiteral("copy%1.rtreg").arg(delayMs));
        rectrack::test::copyRegister(c.path, copy);
        QProcess p;
        p.start(QStringLiteral(RECTRACK_CLI_PATH), {QStringLiteral("exchange"), QStringLiteral("import"),
                                                    copy, package, QStringLiteral("--trust")});
        REQUIRE(p.waitForStarted());
        QThread::msleep(static_cast<unsigned long>(delayMs));
        p.kill();
        p.waitForFinished();
        INFO("killed after " << delayMs << " ms");
        const QString problems = sqlOutput(copy, QStringLiteral("SELECT count(*) FROM problems"));
        const QString packages = sqlOutput(copy, QStringLiteral("SELECT count(*) FROM exchange_packages"));
        if (problems == QStringLiteral("0\n")) {
            CHECK(packages == QStringLiteral("0\n"));
            CHECK(state(copy) == before);
            ++untouched;
        } else {
            CHECK(problems == QStringLiteral("24\n"));
            CHECK(packages == QStringLiteral("1\n"));
            ++applied;
        }
        CHECK(runCli({QStringLiteral("verify"), copy}).exitCode == 0);
        // Taking the package in again completes it (or finds it already covered).
        REQUIRE(runCli({QStringLiteral("exchange"), QStringLiteral("import"), copy, package,
                        QStringLiteral("--trust")})
                    .exitCode == 0);
        CHECK(sqlOutput(copy, QStringLiteral("SELECT count(*) FROM problems")) == QStringLiteral("24\n"));
    }
    CHECK(untouched + applied == 11);
    CHECK(untouched > 0);
}
