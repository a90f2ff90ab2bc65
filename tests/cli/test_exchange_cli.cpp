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
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
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

TEST_CASE("init --office --algorithm sm2 makes a new register an SM2 site at once", "[cli][exchange][pg]")
{
    RegisterLocation d(QStringLiteral("d.rtreg"));
    RegisterLocation e(QStringLiteral("e.rtreg"));
    // Refused before anything is created: an unknown algorithm, an algorithm without an office.
    const CliRun unknown =
        runCli({QStringLiteral("init"), d.path, QStringLiteral("--office"), s("思明区委巡察办"),
                QStringLiteral("--algorithm"), QStringLiteral("rsa")});
    CHECK(unknown.exitCode == 1);
    CHECK(unknown.err.contains(QStringLiteral("ed25519 or sm2")));
    const CliRun noOffice =
        runCli({QStringLiteral("init"), d.path, QStringLiteral("--algorithm"), QStringLiteral("sm2")});
    CHECK(noOffice.exitCode == 1);
    CHECK(noOffice.err.contains(QStringLiteral("--office")));
    if (!rectrack::test::testOnServer())
        CHECK_FALSE(QFileInfo::exists(d.path));
    const CliRun init = runCli({QStringLiteral("init"), d.path, QStringLiteral("--office"),
                                s("思明区委巡察办"), QStringLiteral("--algorithm"), QStringLiteral("SM2")});
    REQUIRE(init.exitCode == 0);
    CHECK(init.out.contains(QStringLiteral("Fingerprint of its signing key (SM2-SM3): ")));
    CHECK(runCli({QStringLiteral("exchange"), QStringLiteral("status"), d.path})
              .out.contains(QStringLiteral("(SM2-SM3)")));
    // Without --algorithm: Ed25519, as before.
    const CliRun plain =
        runCli({QStringLiteral("init"), e.path, QStringLiteral("--office"), s("湖里区委巡察办")});
    REQUIRE(plain.exitCode == 0);
    CHECK(plain.out.contains(QStringLiteral("Fingerprint of its signing key (Ed25519): ")));
}

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
/// sites, the transport ledger imported into d, and d's first package to the city (exported with
/// @p exportArgs added; the export's run in @p exported when given; the ledger imported with
/// @p importArgs added): its path.
QString districtPackage(const RegisterLocation &c, const RegisterLocation &d,
                        const QStringList &exportArgs = {}, CliRun *exported = nullptr,
                        const QStringList &importArgs = {})
{
    REQUIRE(runCli({QStringLiteral("init"), c.path, QStringLiteral("--office"), s("市委巡察办")}).exitCode ==
            0);
    REQUIRE(
        runCli({QStringLiteral("init"), d.path, QStringLiteral("--office"), s("思明区委巡察办")}).exitCode ==
        0);
    REQUIRE(runCli(QStringList{QStringLiteral("import"), d.path,
                               sharedData(QStringLiteral("ledgers/transport-bureau-ledger.xlsx")),
                               QStringLiteral("--unit"), s("市交通运输局")} +
                   importArgs)
                .exitCode == 0);
    const QString out = d.dir.filePath(QStringLiteral("out"));
    const CliRun run =
        runCli(QStringList{QStringLiteral("exchange"), QStringLiteral("export"), d.path,
                           QStringLiteral("--to"), s("市委巡察办"), QStringLiteral("-o"), out} +
               exportArgs);
    REQUIRE(run.exitCode == 0);
    if (exported)
        *exported = run;
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

namespace {

/// The problem counts of the group @p key in `stats --format json` output @p json.
QJsonObject groupOf(const QString &json, const QString &key)
{
    for (const QJsonValue &g :
         QJsonDocument::fromJson(json.toUtf8()).object().value(QStringLiteral("groups")).toArray())
        if (g.toObject().value(QStringLiteral("key")).toString() == key)
            return g.toObject();
    FAIL("no group " << key.toStdString());
    return {};
}

QString pdfText(const QString &pdf)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"),
            {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
    REQUIRE(p.waitForFinished(60000));
    REQUIRE(p.exitCode() == 0);
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

TEST_CASE("the city sees each district's data as that district's: stats --by site, --site scopes, status",
          "[cli][exchange][pg]")
{
    RegisterLocation c(QStringLiteral("c.rtreg"));
    RegisterLocation d(QStringLiteral("d.rtreg"));
    RegisterLocation h(QStringLiteral("h.rtreg"));
    // 思明 sends the transport ledger (24 problems) with districtPackage; 湖里 the agriculture
    // ledger (18); the city registers 24 problems of its own unit.
    const QString fromSiming = districtPackage(c, d);
    REQUIRE(
        runCli({QStringLiteral("init"), h.path, QStringLiteral("--office"), s("湖里区委巡察办")}).exitCode ==
        0);
    REQUIRE(runCli({QStringLiteral("import"), h.path,
                    sharedData(QStringLiteral("ledgers/agriculture-bureau-ledger-gbk.csv")),
                    QStringLiteral("--unit"), s("市农业农村局党组")})
                .exitCode == 0);
    REQUIRE(runCli({QStringLiteral("exchange"), QStringLiteral("export"), h.path, QStringLiteral("--to"),
                    s("市委巡察办"), QStringLiteral("-o"), h.dir.filePath(QStringLiteral("out")),
                    QStringLiteral("--marking"), s("内部资料")})
                .exitCode == 0);
    const QString fromHuli = packageIn(h.dir.filePath(QStringLiteral("out")));
    REQUIRE(runCli({QStringLiteral("import"), c.path,
                    sharedData(QStringLiteral("ledgers/transport-bureau-ledger.xlsx")),
                    QStringLiteral("--unit"), s("市财政局")})
                .exitCode == 0);
    for (const QString &package : {fromSiming, fromHuli})
        REQUIRE(runCli({QStringLiteral("exchange"), QStringLiteral("import"), c.path, package,
                        QStringLiteral("--trust")})
                    .exitCode == 0);

    const CliRun bySite =
        runCli({QStringLiteral("stats"), c.path, QStringLiteral("--by"), QStringLiteral("site"),
                QStringLiteral("--format"), QStringLiteral("json")});
    REQUIRE(bySite.exitCode == 0);
    const QJsonArray groups =
        QJsonDocument::fromJson(bySite.out.toUtf8()).object().value(QStringLiteral("groups")).toArray();
    REQUIRE(groups.size() == 3);
    // The register's own office first, then its partners in pinyin order (湖里 hu, 思明 si).
    CHECK(groups.at(0).toObject().value(QStringLiteral("key")).toString() == s("市委巡察办"));
    CHECK(groups.at(1).toObject().value(QStringLiteral("key")).toString() == s("湖里区委巡察办"));
    CHECK(groups.at(2).toObject().value(QStringLiteral("key")).toString() == s("思明区委巡察办"));
    CHECK(groupOf(bySite.out, s("市委巡察办")).value(QStringLiteral("problems")).toInteger() == 24);
    const QJsonObject siming = groupOf(bySite.out, s("思明区委巡察办"));
    CHECK(siming.value(QStringLiteral("problems")).toInteger() == 24);
    CHECK(siming.value(QStringLiteral("measures")).toInteger() == 53);
    CHECK(siming.value(QStringLiteral("closedOut")).toInteger() == 7);
    CHECK(siming.value(QStringLiteral("completionRate")).toDouble() == 0.6667);
    const QJsonObject huli = groupOf(bySite.out, s("湖里区委巡察办"));
    CHECK(huli.value(QStringLiteral("problems")).toInteger() == 18);
    CHECK(huli.value(QStringLiteral("measures")).toInteger() == 39);
    CHECK(huli.value(QStringLiteral("completionRate")).toDouble() == 0.4444);
    CHECK(QJsonDocument::fromJson(bySite.out.toUtf8())
              .object()
              .value(QStringLiteral("total"))
              .toObject()
              .value(QStringLiteral("problems"))
              .toInteger() == 66);

    // --site: the district's figures in the city are the district's own.
    const CliRun scoped = runCli({QStringLiteral("stats"), c.path, QStringLiteral("--site"),
                                  s("思明区委巡察办"), QStringLiteral("--by"), QStringLiteral("unit"),
                                  QStringLiteral("--format"), QStringLiteral("json")});
    REQUIRE(scoped.exitCode == 0);
    CHECK(scoped.out == statsByUnit(d.path));
    const CliRun own = runCli({QStringLiteral("stats"), c.path, QStringLiteral("--site"), s("市委巡察办"),
                               QStringLiteral("--format"), QStringLiteral("json")});
    REQUIRE(own.exitCode == 0);
    CHECK(QJsonDocument::fromJson(own.out.toUtf8())
              .object()
              .value(QStringLiteral("total"))
              .toObject()
              .value(QStringLiteral("problems"))
              .toInteger() == 24);
    const CliRun unknown =
        runCli({QStringLiteral("stats"), c.path, QStringLiteral("--site"), s("同安区委巡察办")});
    CHECK(unknown.exitCode == 2);
    CHECK(unknown.err.contains(s("同安区委巡察办")));
    CHECK(unknown.err.contains(s("湖里区委巡察办")));

    // overdue --site lists only that district's units, as the district lists them.
    const CliRun overdue =
        runCli({QStringLiteral("overdue"), c.path, QStringLiteral("--site"), s("湖里区委巡察办"),
                QStringLiteral("--as-of"), QStringLiteral("2030-01-01"), QStringLiteral("--format"),
                QStringLiteral("json")});
    REQUIRE(overdue.exitCode == 0);
    const CliRun overdueHere =
        runCli({QStringLiteral("overdue"), h.path, QStringLiteral("--as-of"), QStringLiteral("2030-01-01"),
                QStringLiteral("--format"), QStringLiteral("json")});
    REQUIRE(overdueHere.exitCode == 0);
    CHECK(QJsonDocument::fromJson(overdue.out.toUtf8()).object().value(QStringLiteral("count")).toInteger() ==
          QJsonDocument::fromJson(overdueHere.out.toUtf8())
              .object()
              .value(QStringLiteral("count"))
              .toInteger());
    CHECK_FALSE(overdue.out.contains(s("市交通运输局")));

    // export --site: the district's problem ledger only.
    const QString csv = c.dir.filePath(QStringLiteral("siming.csv"));
    const CliRun exported =
        runCli({QStringLiteral("export"), c.path, QStringLiteral("--ledger"), QStringLiteral("problems"),
                QStringLiteral("--site"), s("思明区委巡察办"), QStringLiteral("-o"), csv});
    REQUIRE(exported.exitCode == 0);
    CHECK(exported.out.contains(QStringLiteral("24 row(s)")));
    const QString csvText = QString::fromUtf8(readAll(csv));
    CHECK(csvText.contains(s("市交通运输局")));
    CHECK_FALSE(csvText.contains(s("市财政局")));
    CHECK_FALSE(csvText.contains(s("市农业农村局党组")));

    // report --site: only that district's units and figures.
    const QString pdf = c.dir.filePath(QStringLiteral("siming.pdf"));
    const CliRun report = runCli({QStringLiteral("report"), c.path, QStringLiteral("--site"),
                                  s("思明区委巡察办"), QStringLiteral("-o"), pdf});
    REQUIRE(report.exitCode == 0);
    const QString text = pdfText(pdf);
    CHECK(text.contains(s("思明区委巡察办")));
    CHECK(text.contains(s("市交通运输局")));
    CHECK_FALSE(text.contains(s("市财政局")));
    CHECK_FALSE(text.contains(s("市农业农村局")));
    CHECK(text.contains(QStringLiteral("66.67%")));
    CHECK_FALSE(text.contains(s("内部资料")));
    // A report made from 湖里's data carries the security marking its package came with.
    const QString huliPdf = c.dir.filePath(QStringLiteral("huli.pdf"));
    REQUIRE(runCli({QStringLiteral("report"), c.path, QStringLiteral("--site"), s("湖里区委巡察办"),
                    QStringLiteral("-o"), huliPdf})
                .exitCode == 0);
    const QString huliText = pdfText(huliPdf);
    CHECK(huliText.contains(s("内部资料")));
    CHECK(huliText.contains(s("市农业农村局党组")));
    CHECK_FALSE(huliText.contains(s("市交通运输局")));

    // status: both partners with the last sequence received from each.
    const CliRun status = runCli({QStringLiteral("exchange"), QStringLiteral("status"), c.path});
    REQUIRE(status.exitCode == 0);
    CHECK(status.out.contains(s("思明区委巡察办")));
    CHECK(status.out.contains(s("湖里区委巡察办")));
    const QString partners = sqlOutput(
        c.path,
        QStringLiteral("SELECT office, last_received_seq FROM exchange_sites WHERE is_self = 0 ORDER BY id"));
    CHECK(partners == s("思明区委巡察办|1\n湖里区委巡察办|1\n"));
}

TEST_CASE("exchange conflicts lists open conflicts, decides them, and the decision travels back",
          "[cli][exchange][pg]")
{
    RegisterLocation c(QStringLiteral("c.rtreg"));
    RegisterLocation d(QStringLiteral("d.rtreg"));
    const QString package =
        districtPackage(c, d, {}, nullptr, {QStringLiteral("--round"), s("十二届第一轮")});
    // The city has a round of the same label: the district's round is a name taken here.
    REQUIRE(
        runCli({QStringLiteral("import"), c.path,
                sharedData(QStringLiteral("ledgers/agriculture-bureau-ledger-gbk.csv")),
                QStringLiteral("--unit"), s("市农业农村局"), QStringLiteral("--round"), s("十二届第一轮")})
            .exitCode == 0);
    const CliRun imp = runCli(
        {QStringLiteral("exchange"), QStringLiteral("import"), c.path, package, QStringLiteral("--trust")});
    REQUIRE(imp.exitCode == 0);
    CHECK(imp.out.contains(QStringLiteral("Conflicts go to a person: rectrack-cli exchange conflicts DB")));

    const CliRun list = runCli({QStringLiteral("exchange"), QStringLiteral("conflicts"), c.path});
    REQUIRE(list.exitCode == 0);
    CHECK(list.out.startsWith(QStringLiteral("1 open conflicts.\n")));
    CHECK(list.out.contains(s("十二届第一轮 (rounds)")));
    CHECK(list.out.contains(s("思明区委巡察办")));
    CHECK(list.out.contains(QStringLiteral("the name is already taken here by another row")));
    const QString id = sqlOutput(c.path, QStringLiteral("SELECT id FROM exchange_conflicts")).trimmed();
    REQUIRE_FALSE(id.isEmpty());
    const QString before = state(c.path);
    // Only a row this register owns can take the partner's values: refused, nothing changed.
    const CliRun accept = runCli({QStringLiteral("exchange"), QStringLiteral("conflicts"), c.path,
                                  QStringLiteral("--resolve"), id, QStringLiteral("--accept")});
    CHECK(accept.exitCode == 2);
    CHECK(accept.err.contains(QStringLiteral("it can only be kept")));
    CHECK(state(c.path) == before);
    const CliRun zh =
        runCli({QStringLiteral("exchange"), QStringLiteral("conflicts"), c.path, QStringLiteral("--resolve"),
                id, QStringLiteral("--accept"), QStringLiteral("--lang"), QStringLiteral("zh_CN")});
    CHECK(zh.err.contains(s("只能保留本台账现状")));
    const CliRun keep = runCli({QStringLiteral("exchange"), QStringLiteral("conflicts"), c.path,
                                QStringLiteral("--resolve"), id, QStringLiteral("--keep")});
    REQUIRE(keep.exitCode == 0);
    CHECK(keep.out.contains(QStringLiteral("0 open.")));
    // The decision is an audited change of the conflict.
    CHECK(sqlOutput(c.path,
                    QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'exchange_conflicts' AND "
                                   "action = 'update'")) == QStringLiteral("1\n"));
    CHECK(runCli({QStringLiteral("exchange"), QStringLiteral("conflicts"), c.path}).out ==
          QStringLiteral("No open conflicts.\n"));
    CHECK(runCli({QStringLiteral("exchange"), QStringLiteral("conflicts"), c.path, QStringLiteral("--all")})
              .out.contains(QStringLiteral("kept this register's row")));

    // It travels back with the city's next package.
    const QString back = c.dir.filePath(QStringLiteral("back"));
    const CliRun exp = runCli({QStringLiteral("exchange"), QStringLiteral("export"), c.path,
                               QStringLiteral("--to"), s("思明区委巡察办"), QStringLiteral("-o"), back});
    REQUIRE(exp.exitCode == 0);
    CHECK(exp.out.contains(s("1 decisions on conflicts with 思明区委巡察办 go back with it.")));
    const CliRun atDistrict = runCli({QStringLiteral("exchange"), QStringLiteral("import"), d.path,
                                      packageIn(back), QStringLiteral("--trust")});
    REQUIRE(atDistrict.exitCode == 0);
    CHECK(atDistrict.out.contains(
        s("1 decisions of 市委巡察办 on conflicts about rows of this register recorded")));
    const CliRun received =
        runCli({QStringLiteral("exchange"), QStringLiteral("conflicts"), d.path, QStringLiteral("--all")});
    // The city's own round of that label is, in turn, a name taken at the district.
    CHECK(received.out.startsWith(QStringLiteral("1 open conflicts.\n")));
    CHECK(received.out.contains(s("市委巡察办 decided: kept this register's row")));
}

TEST_CASE(
    "exchange inspect checks a package without a register, and the security marking is in the manifest, the "
    "note and the import",
    "[cli][exchange][pg]")
{
    RegisterLocation c(QStringLiteral("c.rtreg"));
    RegisterLocation d(QStringLiteral("d.rtreg"));
    CliRun exp;
    const QString package = districtPackage(c, d, {QStringLiteral("--marking"), s("内部资料")}, &exp);
    CHECK(exp.out.contains(s("Security marking: 内部资料")));
    const QString fingerprint =
        sqlOutput(d.path, QStringLiteral("SELECT fingerprint FROM exchange_sites WHERE is_self = 1"))
            .trimmed();
    REQUIRE(fingerprint.size() == 39);

    const CliRun inspect = runCli({QStringLiteral("exchange"), QStringLiteral("inspect"), package});
    REQUIRE(inspect.exitCode == 0);
    CHECK(inspect.out.contains(s("Security marking: 内部资料")));
    CHECK(inspect.out.contains(s("Sender: 思明区委巡察办")));
    CHECK(inspect.out.contains(s("Receiver: 市委巡察办")));
    CHECK(inspect.out.contains(QStringLiteral("Fingerprint of the sender's key (Ed25519): ") + fingerprint));
    CHECK(inspect.out.contains(QStringLiteral("Sequence 1, acknowledging 0")));
    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(readAll(package), QCryptographicHash::Sha256).toHex());
    CHECK(inspect.out.contains(QStringLiteral("SHA-256 of the file: ") + sha));
    const auto entries = core::exchange::PackageArchive::read(readAll(package), QStringLiteral("p"));
    REQUIRE(entries.ok());
    for (const auto &[name, data] : *entries) {
        if (name == QLatin1String("rows.json"))
            CHECK(inspect.out.contains(
                QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex())));
        if (name == s("说明.txt"))
            CHECK(QString::fromUtf8(data).contains(s("密级/知悉范围：内部资料")));
        if (name == QLatin1String("manifest.json"))
            CHECK(QJsonDocument::fromJson(data).object().value(QStringLiteral("marking")).toString() ==
                  s("内部资料"));
    }
    const CliRun zh = runCli({QStringLiteral("exchange"), QStringLiteral("inspect"), package,
                              QStringLiteral("--lang"), QStringLiteral("zh_CN")});
    CHECK(zh.out.contains(s("密级/知悉范围：内部资料")));
    CHECK(zh.out.contains(s("压缩包完整，签名与清单相符")));

    // One changed byte: refused with exit 2 by inspect too.
    QByteArray bytes = readAll(package);
    bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x01);
    const QString bad = d.dir.filePath(QStringLiteral("bad.rtx"));
    writeAll(bad, bytes);
    const CliRun refused = runCli({QStringLiteral("exchange"), QStringLiteral("inspect"), bad});
    CHECK(refused.exitCode == 2);
    CHECK(refused.err.contains(QStringLiteral("bad.rtx")));

    // The import shows the marking.
    const CliRun imp = runCli(
        {QStringLiteral("exchange"), QStringLiteral("import"), c.path, package, QStringLiteral("--trust")});
    REQUIRE(imp.exitCode == 0);
    CHECK(imp.out.contains(s("Security marking of the package: 内部资料")));
}

TEST_CASE("exchange setup --algorithm sm2 makes a site that signs with SM2 over SM3", "[cli][exchange][pg]")
{
    RegisterLocation c(QStringLiteral("c.rtreg"));
    RegisterLocation d(QStringLiteral("d.rtreg"));
    REQUIRE(runCli({QStringLiteral("init"), c.path, QStringLiteral("--office"), s("市委巡察办")}).exitCode ==
            0);
    REQUIRE(runCli({QStringLiteral("init"), d.path}).exitCode == 0);
    const CliRun unknown =
        runCli({QStringLiteral("exchange"), QStringLiteral("setup"), d.path, QStringLiteral("--office"),
                s("思明区委巡察办"), QStringLiteral("--algorithm"), QStringLiteral("rsa")});
    CHECK(unknown.exitCode == 1);
    CHECK(unknown.err.contains(QStringLiteral("ed25519 or sm2")));
    const CliRun setup =
        runCli({QStringLiteral("exchange"), QStringLiteral("setup"), d.path, QStringLiteral("--office"),
                s("思明区委巡察办"), QStringLiteral("--algorithm"), QStringLiteral("sm2")});
    REQUIRE(setup.exitCode == 0);
    CHECK(setup.out.contains(QStringLiteral("Fingerprint of its signing key (SM2-SM3): ")));
    CHECK(runCli({QStringLiteral("exchange"), QStringLiteral("status"), d.path})
              .out.contains(QStringLiteral("(SM2-SM3)")));
    REQUIRE(runCli({QStringLiteral("import"), d.path,
                    sharedData(QStringLiteral("ledgers/transport-bureau-ledger.xlsx")),
                    QStringLiteral("--unit"), s("市交通运输局")})
                .exitCode == 0);
    const QString out = d.dir.filePath(QStringLiteral("out"));
    REQUIRE(runCli({QStringLiteral("exchange"), QStringLiteral("export"), d.path, QStringLiteral("--to"),
                    s("市委巡察办"), QStringLiteral("-o"), out})
                .exitCode == 0);
    const CliRun inspect = runCli({QStringLiteral("exchange"), QStringLiteral("inspect"), packageIn(out)});
    REQUIRE(inspect.exitCode == 0);
    CHECK(inspect.out.contains(QStringLiteral("Fingerprint of the sender's key (SM2-SM3): ")));
    REQUIRE(runCli({QStringLiteral("exchange"), QStringLiteral("import"), c.path, packageIn(out),
                    QStringLiteral("--trust")})
                .exitCode == 0);
    CHECK(statsByUnit(c.path) == statsByUnit(d.path));
}

TEST_CASE("exchange duplicates lists a district's unit of the city's unit's name, and merged, stats count "
          "them as one",
          "[cli][exchange][pg]")
{
    RegisterLocation c(QStringLiteral("c.rtreg"));
    RegisterLocation d(QStringLiteral("d.rtreg"));
    const QString package = districtPackage(c, d);
    // The city registered a unit of the same name itself: 24 problems (53 measures) on each side.
    REQUIRE(runCli({QStringLiteral("import"), c.path,
                    sharedData(QStringLiteral("ledgers/transport-bureau-ledger.xlsx")),
                    QStringLiteral("--unit"), s("市交通运输局")})
                .exitCode == 0);
    const CliRun imp = runCli(
        {QStringLiteral("exchange"), QStringLiteral("import"), c.path, package, QStringLiteral("--trust")});
    REQUIRE(imp.exitCode == 0);
    CHECK(imp.out.contains(s("1 units of 思明区委巡察办 have the name of a unit here: possible duplicates")));
    CHECK_FALSE(imp.out.contains(QStringLiteral("Conflicts go to a person")));

    // Listed, in a table and as JSON; counted apart while undecided.
    const CliRun table = runCli({QStringLiteral("exchange"), QStringLiteral("duplicates"), c.path});
    REQUIRE(table.exitCode == 0);
    CHECK(table.out.startsWith(QStringLiteral("1 open possible duplicate units.\n")));
    CHECK(table.out.contains(s("思明区委巡察办")));
    const CliRun json = runCli({QStringLiteral("exchange"), QStringLiteral("duplicates"), c.path,
                                QStringLiteral("--format"), QStringLiteral("json")});
    REQUIRE(json.exitCode == 0);
    const QJsonObject listed = QJsonDocument::fromJson(json.out.toUtf8()).object();
    CHECK(listed.value(QStringLiteral("open")).toInt() == 1);
    const QJsonArray items = listed.value(QStringLiteral("duplicates")).toArray();
    REQUIRE(items.size() == 1);
    const QJsonObject item = items.at(0).toObject();
    CHECK(item.value(QStringLiteral("unit")).toString() == s("市交通运输局"));
    CHECK(item.value(QStringLiteral("unitOffice")).toString() == s("市委巡察办"));
    CHECK(item.value(QStringLiteral("otherUnit")).toString() == s("市交通运输局"));
    CHECK(item.value(QStringLiteral("otherOffice")).toString() == s("思明区委巡察办"));
    CHECK(item.value(QStringLiteral("decision")).toString() == QStringLiteral("open"));
    CHECK(item.value(QStringLiteral("open")).toBool());
    const QString id = QString::number(item.value(QStringLiteral("id")).toInteger());
    const QString apart = statsByUnit(c.path);
    CHECK(groupOf(apart, s("市交通运输局")).value(QStringLiteral("problems")).toInt() == 24);
    CHECK(groupOf(apart, s("市交通运输局（思明区委巡察办）")).value(QStringLiteral("problems")).toInt() ==
          24);
    // --unit names a unit as the statistics by unit do: the city's own, or the district's with its
    // office; the figures equal that unit's group, not both units of the name together.
    const auto unitTotal = [&c](const QString &unit) {
        const CliRun r = runCli({QStringLiteral("stats"), c.path, QStringLiteral("--unit"), unit,
                                 QStringLiteral("--format"), QStringLiteral("json")});
        REQUIRE(r.exitCode == 0);
        return QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("total")).toObject();
    };
    CHECK(unitTotal(s("市交通运输局")).value(QStringLiteral("problems")).toInt() == 24);
    CHECK(unitTotal(s("市交通运输局（思明区委巡察办）")).value(QStringLiteral("problems")).toInt() == 24);
    QTemporaryDir out;
    const CliRun exported = runCli({QStringLiteral("export"), c.path, QStringLiteral("--ledger"),
                                    QStringLiteral("problems"), QStringLiteral("--unit"), s("市交通运输局"),
                                    QStringLiteral("-o"), out.filePath(QStringLiteral("city-unit.csv"))});
    REQUIRE(exported.exitCode == 0);
    CHECK(exported.out.startsWith(QStringLiteral("24 row(s) written to "))); // the city's own
    const CliRun unknownUnit = runCli(
        {QStringLiteral("overdue"), c.path, QStringLiteral("--unit"), s("市交通运输局（湖里区委巡察办）")});
    CHECK(unknownUnit.exitCode == 2);
    CHECK(unknownUnit.err.contains(s("市交通运输局（思明区委巡察办）")));

    // Usage errors exit 1, an unknown record 2; nothing changed by either.
    const QString before = state(c.path);
    CHECK(runCli({QStringLiteral("exchange"), QStringLiteral("duplicates"), c.path,
                  QStringLiteral("--format"), QStringLiteral("xml")})
              .exitCode == 1);
    CHECK(runCli({QStringLiteral("exchange"), QStringLiteral("duplicates"), c.path, QStringLiteral("--merge"),
                  id, QStringLiteral("--keep-apart"), id})
              .exitCode == 1);
    const CliRun unknown = runCli({QStringLiteral("exchange"), QStringLiteral("duplicates"), c.path,
                                   QStringLiteral("--merge"), QStringLiteral("99")});
    CHECK(unknown.exitCode == 2);
    CHECK(unknown.err.contains(QStringLiteral("There is no possible duplicate unit 99.")));
    CHECK(state(c.path) == before);

    // Merged: one group of 48 problems and 106 measures; the district's problems keep their unit.
    const CliRun merge = runCli(
        {QStringLiteral("exchange"), QStringLiteral("duplicates"), c.path, QStringLiteral("--merge"), id});
    REQUIRE(merge.exitCode == 0);
    CHECK(merge.out.contains(QStringLiteral("0 open.")));
    const QString merged = statsByUnit(c.path);
    const QJsonArray groups =
        QJsonDocument::fromJson(merged.toUtf8()).object().value(QStringLiteral("groups")).toArray();
    REQUIRE(groups.size() == 1);
    CHECK(groupOf(merged, s("市交通运输局")).value(QStringLiteral("problems")).toInt() == 48);
    CHECK(groupOf(merged, s("市交通运输局")).value(QStringLiteral("measures")).toInt() == 106);
    CHECK(unitTotal(s("市交通运输局")).value(QStringLiteral("problems")).toInt() == 48);
    CHECK(sqlOutput(c.path, QStringLiteral("SELECT count(DISTINCT unit_id) FROM problems")) ==
          QStringLiteral("2\n"));
    // Decided once: a second decision is refused (exit 2); the list shows it with its decision.
    CHECK(runCli({QStringLiteral("exchange"), QStringLiteral("duplicates"), c.path,
                  QStringLiteral("--keep-apart"), id})
              .exitCode == 2);
    const CliRun after = runCli({QStringLiteral("exchange"), QStringLiteral("duplicates"), c.path});
    CHECK(after.out.startsWith(QStringLiteral("No open possible duplicate units.\n")));
    CHECK(after.out.contains(QStringLiteral("merged")));
    CHECK(sqlOutput(c.path,
                    QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'unit_duplicates'")) ==
          QStringLiteral("2\n"));
}
