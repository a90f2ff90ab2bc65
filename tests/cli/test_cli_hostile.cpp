// Hostile and unlucky input (issue #20, docs/reliability.md §6): outputs that never land on the
// register, CSV formulas neutralised, strict arguments, terminal text shown escaped.
#include <catch2/catch.hpp>

#include "../core/importfixtures.h"
#include "measuredrun.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <vector>

using rectrack::test::CliRun;
using rectrack::test::RegisterLocation;
using rectrack::test::runCli;

namespace {

QString s(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

/// The demo register at @p db (a file path or a server URL).
QString demoAt(const QString &db)
{
    const CliRun r = runCli({QStringLiteral("demo"), db});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    return db;
}

/// The demo register in @p dir under @p name.
QString demo(const QTemporaryDir &dir, const QString &name)
{
    return demoAt(dir.filePath(name));
}

/// Files in @p dir other than those in @p keep (temporaries left behind would show here).
QStringList otherFiles(const QString &dir, const QStringList &keep)
{
    QStringList out;
    for (const QString &f : QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::System)) {
        if (!keep.contains(f))
            out << f;
    }
    return out;
}

} // namespace

TEST_CASE("an output that is the register, through a link or by its own name, is refused (exit 2)",
          "[cli][hostile][output]")
{
    QTemporaryDir dir;
    const QString db = demo(dir, QStringLiteral("d.rtreg"));
    const QByteArray before = fileBytes(db);

    // A symbolic link named like a report or an export, pointing at the register.
    const QString pdfLink = dir.filePath(QStringLiteral("out.pdf"));
    const QString csvLink = dir.filePath(QStringLiteral("out.csv"));
    const QString xlsxLink = dir.filePath(QStringLiteral("out.xlsx"));
    REQUIRE(QFile::link(db, pdfLink));
    REQUIRE(QFile::link(db, csvLink));
    REQUIRE(QFile::link(db, xlsxLink));
    const CliRun report = runCli({QStringLiteral("report"), db, QStringLiteral("-o"), pdfLink});
    CHECK(report.exitCode == 2);
    CHECK(report.err == QStringLiteral("rectrack-cli: %1 is the register %2 or one of its files; it is never "
                                       "overwritten by an output. Nothing was written; choose another file "
                                       "name.\n")
                            .arg(pdfLink, db));
    CHECK(report.out.isEmpty());
    CHECK(runCli({QStringLiteral("export"), db, QStringLiteral("-o"), csvLink}).exitCode == 2);
    CHECK(runCli({QStringLiteral("export"), db, QStringLiteral("-o"), xlsxLink}).exitCode == 2);
    CHECK(runCli({QStringLiteral("template"), QStringLiteral("-o"), xlsxLink}).exitCode == 2);
    // A hard link, and the register's own -wal name.
    const QString hard = dir.filePath(QStringLiteral("hard.odt"));
    REQUIRE(::link(QFile::encodeName(db).constData(), QFile::encodeName(hard).constData()) == 0);
    CHECK(runCli({QStringLiteral("report"), db, QStringLiteral("-o"), hard}).exitCode == 2);
    const CliRun wal =
        runCli({QStringLiteral("report"), db, QStringLiteral("-o"), db + QStringLiteral("-wal")});
    CHECK(wal.exitCode == 1); // not .pdf/.odt: refused before anything else
    CHECK(runCli({QStringLiteral("backup"), db, db + QStringLiteral("-wal")}).exitCode == 2);
    CHECK(runCli({QStringLiteral("backup"), db, pdfLink}).exitCode == 2);

    CHECK(fileBytes(db) == before);
    CHECK(QFileInfo(pdfLink).isSymLink());
    const CliRun verify = runCli({QStringLiteral("verify"), db});
    INFO(verify.err.toStdString());
    CHECK(verify.exitCode == 0);

    // A register named x.csv given as its own export output, in Chinese.
    const QString csvRegister = demo(dir, QStringLiteral("x.csv"));
    const QByteArray csvBefore = fileBytes(csvRegister);
    const CliRun self = runCli({QStringLiteral("export"), csvRegister, QStringLiteral("-o"), csvRegister,
                                QStringLiteral("--lang"), QStringLiteral("zh_CN")});
    CHECK(self.exitCode == 2);
    CHECK(self.err == s("rectrack-cli: %1 是台账 %2 "
                        "或其附属文件；输出永远不会覆盖台账。未写入任何内容，请另选文件名。\n")
                          .arg(csvRegister, csvRegister));
    CHECK(fileBytes(csvRegister) == csvBefore);
    CHECK(runCli({QStringLiteral("verify"), csvRegister}).exitCode == 0);
    CHECK(otherFiles(dir.path(),
                     {QStringLiteral("d.rtreg"), QStringLiteral("out.pdf"), QStringLiteral("out.csv"),
                      QStringLiteral("out.xlsx"), QStringLiteral("hard.odt"), QStringLiteral("x.csv")})
              .isEmpty());
}

TEST_CASE("outputs are written whole or not at all: a full disk names the cause and leaves no file",
          "[cli][hostile][output]")
{
    QTemporaryDir dir;
    const QString db = demo(dir, QStringLiteral("d.rtreg"));
    // A 64 KiB file system of our own (a user and mount namespace, or a mount namespace alone as
    // root), too small for the report and the export; an older export in it must stay as it was.
    // Where no namespace can be made (root in a chroot: no user namespaces, and mounting is refused)
    // or RECTRACK_TEST_NO_UNSHARE=1 asks for it, the same folders are made full and read-only for
    // rectrack-cli by tests/cli/diskfault_shim.c (LD_PRELOAD: writes there fail with ENOSPC or
    // EROFS, statvfs reports no free space or ST_RDONLY), with the same expected output.
    auto works = [](const QStringList &options) {
        QProcess probe;
        probe.start(QStringLiteral("unshare"), options + QStringList{QStringLiteral("true")});
        return probe.waitForFinished(10000) && probe.exitStatus() == QProcess::NormalExit &&
               probe.exitCode() == 0;
    };
    const bool forceShim = qEnvironmentVariable("RECTRACK_TEST_NO_UNSHARE") == QLatin1String("1");
    QStringList ns;
    if (!forceShim) {
        for (const QStringList &options :
             {QStringList{QStringLiteral("-rm")}, QStringList{QStringLiteral("-m")}}) {
            // A mount namespace that cannot mount (a chroot) does not count.
            if (works(options) &&
                works(options + QStringList{QStringLiteral("mount"), QStringLiteral("-t"),
                                            QStringLiteral("tmpfs"), QStringLiteral("tmpfs"), dir.path()})) {
                ns = options;
                break;
            }
        }
    }
    const bool shim = ns.isEmpty();
    INFO((shim ? "full and read-only disk simulated by the LD_PRELOAD shim"
               : "a 64 KiB tmpfs in a mount namespace (unshare)"));
    // Canonical paths: the shim compares them with the files' paths in /proc/self/fd.
    REQUIRE(QDir().mkpath(dir.filePath(QStringLiteral("full"))));
    REQUIRE(QDir().mkpath(dir.filePath(QStringLiteral("ro"))));
    const QString full = QFileInfo(dir.filePath(QStringLiteral("full"))).canonicalFilePath();
    const QString readOnly = QFileInfo(dir.filePath(QStringLiteral("ro"))).canonicalFilePath();
    const QString cli = QStringLiteral(RECTRACK_CLI_PATH);
    // The file system is filled first so that even the template (8 KB) cannot be written.
    QString script =
        QStringLiteral(
            "set -u; mount -t tmpfs -o size=64k tmpfs '%1' || exit 90; printf old > '%1/old.csv';"
            "head -c 60000 /dev/zero > '%1/filler';"
            "F '%2' report '%3' -o '%1/r.pdf' --lang zh_CN; echo \"report=$?\";"
            "F '%2' export '%3' --ledger measures -o '%1/old.csv' --lang zh_CN; echo \"export=$?\";"
            "F '%2' template -o '%1/t.xlsx' --lang zh_CN; echo \"template=$?\";"
            "F '%2' generate '%1/g.rtreg' --problems 10 --lang zh_CN; echo \"generate=$?\";"
            "ls -A '%1'; cat '%1/old.csv'; echo;"
            // A read-only file system: the cause in Chinese, not the C library's English.
            "mount -t tmpfs -o ro tmpfs '%4' || exit 91;"
            "R '%2' export '%3' -o '%4/x.csv' --lang zh_CN; echo \"readonly=$?\"")
            .arg(full, cli, db, readOnly);
    if (shim) {
        const QString preload =
            QStringLiteral(
                "LD_PRELOAD='%1' ASAN_OPTIONS=\"${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0\"")
                .arg(QStringLiteral(RECTRACK_DISKFAULT_SHIM));
        script.replace(
            QStringLiteral("mount -t tmpfs -o size=64k tmpfs '%1' || exit 90;").arg(full),
            QStringLiteral("F() { env %1 RECTRACK_TEST_FULL_DIR='%2' \"$@\"; };").arg(preload, full));
        script.replace(
            QStringLiteral("mount -t tmpfs -o ro tmpfs '%1' || exit 91;").arg(readOnly),
            QStringLiteral("R() { env %1 RECTRACK_TEST_READONLY_DIR='%2' \"$@\"; };").arg(preload, readOnly));
    } else {
        script.prepend(QStringLiteral("F() { \"$@\"; }; R() { \"$@\"; };"));
    }
    REQUIRE(!script.contains(QStringLiteral("mount -t")) == shim);
    QProcess p;
    if (shim)
        p.start(QStringLiteral("sh"), QStringList{QStringLiteral("-c"), script});
    else
        p.start(QStringLiteral("unshare"),
                ns + QStringList{QStringLiteral("sh"), QStringLiteral("-c"), script});
    REQUIRE(p.waitForFinished(120000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    const QString err = QString::fromUtf8(p.readAllStandardError());
    INFO(out.toStdString() << err.toStdString());
    CHECK(out ==
          QStringLiteral("report=2\nexport=2\ntemplate=2\ngenerate=2\nfiller\nold.csv\nold\nreadonly=2\n"));
    CHECK(err.count(s("磁盘空间不足")) == 4);
    CHECK(
        err.contains(s("rectrack-cli: 无法写入 %1/r.pdf：%1 中磁盘空间不足。未写入任何内容。\n").arg(full)));
    CHECK(err.contains(s("rectrack-cli: 无法写入 %1/x.csv：磁盘为只读\n").arg(readOnly)));
    CHECK(!err.contains(QStringLiteral("[ERROR]")));
}

TEST_CASE("CSV cells that would start a formula get an apostrophe and import back as the text",
          "[cli][hostile][csv][pg]")
{
    RegisterLocation reg(QStringLiteral("a.rtreg"));
    RegisterLocation reg2(QStringLiteral("b.rtreg"));
    RegisterLocation reg3(QStringLiteral("c.rtreg"));
    const QTemporaryDir &dir = reg.dir;
    const QString db = reg.path;
    REQUIRE(runCli({QStringLiteral("init"), db}).exitCode == 0);
    const QString formula = s("=HYPERLINK(\"http://x\",\"点击\")");
    // A ledger with formula-like texts, itself neutralised the way Excel users write it.
    const QString ledger = dir.filePath(QStringLiteral("in.csv"));
    {
        QFile f(ledger);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(s("序号,问题,整改措施,完成时限,完成情况\r\n"
                  "1,\"'=HYPERLINK(\"\"http://x\"\",\"\"点击\"\")\",'+cmd|' /C calc'!A0,2021-03-31,整改中\r\n"
                  "2,'@SUM(1+1),-2+3,2021-04-30,已完成\r\n"
                  "3,'普通文字,-5,2021-04-30,已完成\r\n")
                    .toUtf8());
    }
    const CliRun imported =
        runCli({QStringLiteral("import"), db, ledger, QStringLiteral("--unit"), s("某局")});
    INFO(imported.err.toStdString());
    REQUIRE(imported.exitCode == 0);

    const QString csv = dir.filePath(QStringLiteral("out.csv"));
    REQUIRE(runCli({QStringLiteral("export"), db, QStringLiteral("-o"), csv}).exitCode == 0);
    const QString text = QString::fromUtf8(fileBytes(csv));
    CHECK(text.contains(s(",\"'=HYPERLINK(\"\"http://x\"\",\"\"点击\"\")\",")));
    CHECK(text.contains(QStringLiteral(",'+cmd|' /C calc'!A0,")));
    CHECK(text.contains(QStringLiteral(",'@SUM(1+1),'-2+3,")));
    // An apostrophe before an ordinary character is the user's text and stays; a number stays a number.
    CHECK(text.contains(s(",'普通文字,-5,")));

    // Round trip: the CSV into an empty register, out as .xlsx and as JSON-free CSV again.
    const QString db2 = reg2.path;
    REQUIRE(runCli({QStringLiteral("init"), db2}).exitCode == 0);
    const CliRun back = runCli({QStringLiteral("import"), db2, csv, QStringLiteral("--unit"), s("某局")});
    INFO(back.err.toStdString());
    REQUIRE(back.exitCode == 0);
    const QString csv2 = dir.filePath(QStringLiteral("again.csv"));
    REQUIRE(runCli({QStringLiteral("export"), db2, QStringLiteral("-o"), csv2}).exitCode == 0);
    CHECK(fileBytes(csv2) == fileBytes(csv));
    const QString xlsx = dir.filePath(QStringLiteral("out.xlsx"));
    REQUIRE(runCli({QStringLiteral("export"), db2, QStringLiteral("-o"), xlsx}).exitCode == 0);
    const QString db3 = reg3.path;
    REQUIRE(runCli({QStringLiteral("init"), db3}).exitCode == 0);
    REQUIRE(runCli({QStringLiteral("import"), db3, xlsx, QStringLiteral("--unit"), s("某局")}).exitCode == 0);
    // The .xlsx holds the original text (a string cell, no apostrophe): read back through a CSV
    // export of the register it was imported into, which neutralises it again exactly once.
    const QString csv3 = dir.filePath(QStringLiteral("three.csv"));
    REQUIRE(runCli({QStringLiteral("export"), db3, QStringLiteral("-o"), csv3}).exitCode == 0);
    CHECK(fileBytes(csv3) == fileBytes(csv));
    const CliRun sql = rectrack::test::runCli(
        {QStringLiteral("stats"), db3, QStringLiteral("--format"), QStringLiteral("json")});
    CHECK(QJsonDocument::fromJson(sql.out.toUtf8())
              .object()
              .value(QStringLiteral("total"))
              .toObject()
              .value(QStringLiteral("problems")) == 3);
    CHECK(rectrack::test::sqlOutput(db3,
                                    QStringLiteral("SELECT description FROM problems ORDER BY id LIMIT 1")) ==
          formula + u'\n');
}

TEST_CASE("strict arguments: dates, unknown units, --lang without a value, an empty backup name",
          "[cli][hostile][args][pg]")
{
    RegisterLocation reg;
    const QString db = demoAt(reg.path);
    for (const char *bad :
         {"2021-01-01xyz", "2021-01-01T99:99", "2021-01-01T10:00", "2021-1-1", "2021-02-30"}) {
        INFO(bad);
        const CliRun r =
            runCli({QStringLiteral("stats"), db, QStringLiteral("--as-of"), QString::fromLatin1(bad)});
        CHECK(r.exitCode == 1);
        CHECK(r.err == QStringLiteral("rectrack-cli: The date \"%1\" is not valid; write it as YYYY-MM-DD.\n")
                           .arg(QString::fromLatin1(bad)));
        CHECK(runCli({QStringLiteral("overdue"), db, QStringLiteral("--as-of"), QString::fromLatin1(bad)})
                  .exitCode == 1);
    }
    CHECK(runCli({QStringLiteral("stats"), db, QStringLiteral("--as-of"), QStringLiteral("2021-01-01")})
              .exitCode == 0);

    const CliRun unit = runCli({QStringLiteral("stats"), db, QStringLiteral("--unit"), s("市交通局")});
    CHECK(unit.exitCode == 2);
    CHECK(unit.err.startsWith(s("rectrack-cli: The register has no unit named \"市交通局\". Closest: ")));
    CHECK(unit.out.isEmpty());
    const CliRun overdue =
        runCli({QStringLiteral("overdue"), db, QStringLiteral("--unit"), QStringLiteral("nobody")});
    CHECK(overdue.exitCode == 2);
    CHECK(overdue.err.startsWith(QStringLiteral("rectrack-cli: The register has no unit named \"nobody\".")));

    const CliRun lang = runCli({QStringLiteral("stats"), db, QStringLiteral("--lang")});
    CHECK(lang.exitCode == 1);
    CHECK(lang.err.startsWith(s("rectrack-cli: 选项 --lang 需要一个值。")));

    const CliRun backup = runCli({QStringLiteral("backup"), db, QString()});
    CHECK(backup.exitCode == 1);
    CHECK(backup.err == QStringLiteral("rectrack-cli: Usage: rectrack-cli backup DB DEST\n"));
}

TEST_CASE(
    "escape sequences, BEL, newlines and bidi controls reach the terminal escaped, the register as they were",
    "[cli][hostile][terminal][pg]")
{
    RegisterLocation reg(QStringLiteral("t.rtreg"));
    const QTemporaryDir &dir = reg.dir;
    const QString db = reg.path;
    REQUIRE(runCli({QStringLiteral("init"), db}).exitCode == 0);
    const QString ledger = dir.filePath(QStringLiteral("in.csv"));
    const QString hostile = s("清屏\x1b[2J响铃\x07换行\n反向\u202Etxt.exe");
    {
        QFile f(ledger);
        REQUIRE(f.open(QIODevice::WriteOnly));
        QString text =
            s("序号,问题,整改措施,完成时限,完成情况\r\n1,\"%1\",措施,2020-03-31,整改中\r\n").arg(hostile);
        // Ordinary rows around it: a file of mostly control characters would be taken for binary.
        for (int i = 2; i <= 6; ++i)
            text += s("%1,加强干部队伍建设和作风建设不够有力第%1项,健全制度并抓好落实,2021-06-30,已完成\r\n")
                        .arg(i);
        f.write(text.toUtf8());
    }
    const QString unit = s("某局\x1b]0;title\x07");
    const CliRun dry = runCli(
        {QStringLiteral("import"), db, ledger, QStringLiteral("--unit"), unit, QStringLiteral("--dry-run")});
    INFO(dry.err.toStdString());
    REQUIRE(dry.exitCode == 0);
    CHECK(!dry.out.contains(QChar(0x1b)));
    CHECK(!dry.out.contains(QChar(0x07)));
    CHECK(!dry.out.contains(QChar(0x202E)));
    // The registration number the import gives (issue #18) comes between the action and the state.
    CHECK(QRegularExpression(s("row 2: new, [0-9]{4}-001, In progress, 1 measure\\(s\\), "
                               "清屏\\\\x1b\\[2J响铃\\\\x07换行 反向\\\\u202etxt\\.exe\n"))
              .match(dry.out)
              .hasMatch());
    CHECK(dry.out.contains(s("New unit: 某局\\x1b]0;title\\x07\n")));

    REQUIRE(runCli({QStringLiteral("import"), db, ledger, QStringLiteral("--unit"), unit}).exitCode == 0);
    const CliRun overdue = runCli({QStringLiteral("overdue"), db});
    REQUIRE(overdue.exitCode == 0);
    CHECK(overdue.out.contains(
        s("某局\\x1b]0;title\\x07  清屏\\x1b[2J响铃\\x07换行\\n反向\\u202etxt.exe  2020-03-31")));
    CHECK(!overdue.out.contains(QChar(0x1b)));
    const CliRun byUnit =
        runCli({QStringLiteral("stats"), db, QStringLiteral("--by"), QStringLiteral("unit")});
    REQUIRE(byUnit.exitCode == 0);
    CHECK(byUnit.out.contains(s("\n某局\\x1b]0;title\\x07 ")));
    CHECK(!byUnit.out.contains(QChar(0x1b)));
    // A unit name with a control sequence in an error message is shown escaped too.
    const CliRun missing = runCli({QStringLiteral("stats"), db, QStringLiteral("--unit"), s("x\x1b[2J")});
    CHECK(missing.exitCode == 2);
    CHECK(missing.err.startsWith(
        s("rectrack-cli: The register has no unit named \"x\\x1b[2J\". Closest: 某局\\x1b]0;title\\x07.")));
    // The register keeps the text as it was given.
    CHECK(rectrack::test::sqlOutput(
              db, QStringLiteral("SELECT description FROM problems ORDER BY id LIMIT 1")) == hostile + u'\n');
}

namespace {

using Measured = rectrack::test::MeasuredRun;

/// One rectrack-cli run (in English) measured: exit code, peak resident memory and standard error.
Measured measureCli(QStringList args)
{
    args << QStringLiteral("--lang") << QStringLiteral("en");
    const Measured m = rectrack::test::runMeasured(QStringLiteral(RECTRACK_CLI_PATH), args);
    REQUIRE(m.exitCode != -1);
    return m;
}

} // namespace

TEST_CASE("only regular files within the size limit are read: a FIFO, a device, /dev/zero are refused",
          "[cli][hostile][limits]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("i.rtreg"));
    REQUIRE(runCli({QStringLiteral("init"), db}).exitCode == 0);
    const auto import = [&](const QString &file) {
        return runCli({QStringLiteral("import"), db, file, QStringLiteral("--unit"), s("某局"),
                       QStringLiteral("--dry-run")},
                      20000);
    };
    const CliRun zero = import(QStringLiteral("/dev/zero"));
    CHECK(zero.exitCode == 2);
    CHECK(zero.err.startsWith(
        QStringLiteral("error: zero is not a regular file (a pipe, a device or a socket); "
                       "only files are read.\n")));
    const QString fifo = dir.filePath(QStringLiteral("pipe.csv"));
    REQUIRE(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    const CliRun pipe = import(fifo); // would block forever if the FIFO were opened
    CHECK(pipe.exitCode == 2);
    CHECK(pipe.err.startsWith(QStringLiteral("error: pipe.csv is not a regular file")));
    const CliRun folder = import(dir.path());
    CHECK(folder.exitCode == 2);
    CHECK(folder.err.contains(QStringLiteral("is a folder, not a file.")));
    // 101 MB (sparse: no time or disk spent) is past the 100 MB limit.
    const QString big = dir.filePath(QStringLiteral("big.csv"));
    {
        QFile f(big);
        REQUIRE(f.open(QIODevice::WriteOnly));
        REQUIRE(f.resize(qint64(101) << 20));
    }
    const CliRun large = import(big);
    CHECK(large.exitCode == 2);
    CHECK(large.err.startsWith(
        QStringLiteral("error: big.csv is 101.0 MB, more than the limit of 100 MB for a file to import.\n")));
}

TEST_CASE("a CSV past the cell limits is refused naming the limit, within bounded memory",
          "[cli][hostile][limits]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("i.rtreg"));
    REQUIRE(runCli({QStringLiteral("init"), db}).exitCode == 0);
    // 2,000,001 one-letter cells (4 MB): one cell past the limit.
    const QString many = dir.filePath(QStringLiteral("many.csv"));
    {
        QFile f(many);
        REQUIRE(f.open(QIODevice::WriteOnly));
        QByteArray row = "a";
        for (int i = 1; i < 1000; ++i)
            row += ",a";
        row += "\n";
        for (int r = 0; r < 2000; ++r)
            f.write(row);
        f.write("a\n");
    }
    const Measured cells = measureCli({QStringLiteral("import"), db, many, QStringLiteral("--unit"),
                                       s("某局"), QStringLiteral("--dry-run")});
    CHECK(cells.exitCode == 2);
    CHECK(cells.err.startsWith(
        QStringLiteral("error: many.csv holds more than 2,000,000 cells, the limit "
                       "for a file to import; it was not imported. Split the ledger into "
                       "smaller files.\n")));
    CHECK(cells.peakMb < 500);
    // One cell of 1,000,001 characters.
    const QString longCell = dir.filePath(QStringLiteral("long.csv"));
    {
        QFile f(longCell);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("序号,问题\n1,");
        f.write(QByteArray(1000001, 'x'));
        f.write("\n");
    }
    const Measured cell = measureCli({QStringLiteral("import"), db, longCell, QStringLiteral("--unit"),
                                      s("某局"), QStringLiteral("--dry-run")});
    CHECK(cell.exitCode == 2);
    CHECK(cell.err.startsWith(
        QStringLiteral("error: long.csv holds more than 1,000,000 characters in one cell (row "
                       "2), the limit for a file to import;")));
}

TEST_CASE("generate is bounded, checks free space and leaves nothing when interrupted",
          "[cli][hostile][args]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("g.rtreg"));
    const CliRun tooMany =
        runCli({QStringLiteral("generate"), db, QStringLiteral("--problems"), QStringLiteral("1000001")});
    CHECK(tooMany.exitCode == 1);
    CHECK(tooMany.err == QStringLiteral("rectrack-cli: generate writes at most 1,000,000 problems.\n"));
    CHECK(!QFileInfo::exists(db));

    // Interrupted (SIGTERM) half-way: no register and no temporary file is left; a rerun works.
    QProcess p;
    p.start(QStringLiteral(RECTRACK_CLI_PATH),
            {QStringLiteral("generate"), db, QStringLiteral("--problems"), QStringLiteral("50000")});
    REQUIRE(p.waitForStarted());
    QThread::msleep(2500);
    REQUIRE(p.state() == QProcess::Running);
    p.terminate();
    REQUIRE(p.waitForFinished(20000));
    CHECK(p.exitStatus() == QProcess::CrashExit);
    CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System).isEmpty());
    const CliRun rerun = runCli({QStringLiteral("generate"), db, QStringLiteral("--problems"),
                                 QStringLiteral("20"), QStringLiteral("--quiet")});
    INFO(rerun.err.toStdString());
    CHECK(rerun.exitCode == 0);
    CHECK(runCli({QStringLiteral("verify"), db}).exitCode == 0);
    CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System) ==
          QStringList{QStringLiteral("g.rtreg")});
}

namespace {

/// Writes an .xlsx whose one sheet is @p sheetHead, then @p repeat × @p unit, then @p sheetTail,
/// deflated as it goes (a zip bomb stays a small file); @p sharedStrings likewise when not empty.
void writeBigXlsx(const QString &path, const QByteArray &sheetHead, const QByteArray &unit, qint64 repeat,
                  const QByteArray &sheetTail, const QByteArray &sstHead = {}, const QByteArray &sstUnit = {},
                  qint64 sstRepeat = 0, const QByteArray &sstTail = {})
{
    QMap<QString, QByteArray> parts = rectrack::test::workbookParts(
        {{QStringLiteral("Sheet1"), QByteArray()}}, sstHead.isEmpty() ? QByteArray() : QByteArray("x"));
    parts.remove(QStringLiteral("xl/sheets/s1.xml"));
    parts.remove(QStringLiteral("xl/strings.xml"));
    zipFile zf = zipOpen64(QFile::encodeName(path).constData(), APPEND_STATUS_CREATE);
    REQUIRE(zf != nullptr);
    const auto add = [&](const QByteArray &name, const QByteArray &head, const QByteArray &body, qint64 times,
                         const QByteArray &tail) {
        zip_fileinfo info{};
        REQUIRE(zipOpenNewFileInZip64(zf, name.constData(), &info, nullptr, 0, nullptr, 0, nullptr,
                                      Z_DEFLATED, 1, 1) == ZIP_OK);
        REQUIRE(zipWriteInFileInZip(zf, head.constData(), unsigned(head.size())) == ZIP_OK);
        // Bodies in blocks of about 1 MB.
        const qint64 perBlock = std::max<qint64>(1, (1 << 20) / std::max<qsizetype>(1, body.size()));
        const QByteArray block = body.repeated(qsizetype(perBlock));
        qint64 left = times;
        while (left >= perBlock) {
            REQUIRE(zipWriteInFileInZip(zf, block.constData(), unsigned(block.size())) == ZIP_OK);
            left -= perBlock;
        }
        const QByteArray rest = body.repeated(qsizetype(left));
        REQUIRE(zipWriteInFileInZip(zf, rest.constData(), unsigned(rest.size())) == ZIP_OK);
        REQUIRE(zipWriteInFileInZip(zf, tail.constData(), unsigned(tail.size())) == ZIP_OK);
        REQUIRE(zipCloseFileInZip(zf) == ZIP_OK);
    };
    for (auto it = parts.cbegin(); it != parts.cend(); ++it)
        add(it.key().toUtf8(), it.value(), {}, 0, {});
    add("xl/sheets/s1.xml", sheetHead, unit, repeat, sheetTail);
    if (!sstHead.isEmpty())
        add("xl/strings.xml", sstHead, sstUnit, sstRepeat, sstTail);
    REQUIRE(zipClose(zf, nullptr) == ZIP_OK);
}

const QByteArray kSheetHead =
    "<?xml version=\"1.0\"?><worksheet "
    "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
const QByteArray kSheetTail = "</sheetData></worksheet>";

} // namespace

TEST_CASE("hostile inputs are refused or read within 500 MB of memory (peak RSS measured)",
          "[cli][hostile][limits][memory]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("m.rtreg"));
    REQUIRE(runCli({QStringLiteral("init"), db}).exitCode == 0);
    const auto dryRun = [&](const QString &file) {
        return measureCli({QStringLiteral("import"), db, file, QStringLiteral("--unit"), s("某局"),
                           QStringLiteral("--dry-run")});
    };
    const auto report = [](const char *what, const Measured &m) {
        std::printf("peak RSS %-58s %7.1f MB (exit %d)\n", what, m.peakMb, m.exitCode);
        std::fflush(stdout);
    };

    // 1. A 250 MB CSV ledger: refused by its size before it is read.
    const QString csv250 = dir.filePath(QStringLiteral("250mb.csv"));
    {
        QFile f(csv250);
        REQUIRE(f.open(QIODevice::WriteOnly));
        const QByteArray line =
            s("1,加强干部队伍建设和作风建设不够有力,健全制度并抓好落实,2021-06-30,已完成\n").toUtf8();
        const QByteArray block = line.repeated((1 << 20) / line.size());
        while (f.size() < qint64(250) << 20)
            f.write(block);
    }
    const Measured m1 = dryRun(csv250);
    report("250 MB CSV", m1);
    CHECK(m1.exitCode == 2);
    CHECK(m1.err.contains(QStringLiteral("more than the limit of 100 MB for a file to import")));
    CHECK(m1.peakMb < 500);
    QFile::remove(csv250);

    // 2. A 99 MB CSV of one-letter cells: decoded, then refused at the cell limit.
    const QString csv99 = dir.filePath(QStringLiteral("99mb.csv"));
    {
        QFile f(csv99);
        REQUIRE(f.open(QIODevice::WriteOnly));
        const QByteArray block = QByteArray(QByteArray("a,").repeated(999) + "a\n").repeated(512);
        while (f.size() < qint64(99) << 20)
            f.write(block);
    }
    const Measured m2 = dryRun(csv99);
    report("99 MB CSV of 52 million cells (1,000 a row)", m2);
    CHECK(m2.exitCode == 2);
    CHECK(m2.err.contains(QStringLiteral("holds more than 2,000,000 cells")));
    CHECK(m2.peakMb < 500);
    // The same as one row: refused at Excel's 16,384 columns.
    {
        QFile f(csv99);
        REQUIRE(f.open(QIODevice::WriteOnly));
        const QByteArray block = QByteArray("a,").repeated(1 << 19);
        while (f.size() < qint64(99) << 20)
            f.write(block);
    }
    const Measured m2b = dryRun(csv99);
    report("99 MB CSV of 52 million cells in one row", m2b);
    CHECK(m2b.exitCode == 2);
    CHECK(m2b.err.contains(QStringLiteral("holds more than 16,384 fields in one row (row 1)")));
    CHECK(m2b.peakMb < 500);
    QFile::remove(csv99);

    // 3. A zip bomb: a sheet of empty cells that expands to 400 MB.
    const QString bomb = dir.filePath(QStringLiteral("bomb.xlsx"));
    writeBigXlsx(bomb, kSheetHead + "<row r=\"1\">", "<c/>", qint64(100) << 20, "</row>" + kSheetTail);
    INFO("bomb.xlsx: " << QFileInfo(bomb).size() << " bytes");
    const Measured m3 = dryRun(bomb);
    report("zip bomb .xlsx, sheet expanding to 400 MB", m3);
    CHECK(m3.exitCode == 2);
    CHECK(m3.err.contains(
        QStringLiteral("holds more than 256 MB of XML in the part xl/sheets/s1.xml once expanded")));
    CHECK(m3.peakMb < 500);

    // 4. Shared strings expanding to 500 MB.
    const QString sst = dir.filePath(QStringLiteral("sst.xlsx"));
    writeBigXlsx(
        sst, kSheetHead, {}, 0, kSheetTail,
        "<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">",
        "<si><t>" + QByteArray(10000, 'x') + "</t></si>", 50000, "</sst>");
    const Measured m4 = dryRun(sst);
    report("shared strings expanding to 500 MB", m4);
    CHECK(m4.exitCode == 2);
    CHECK(m4.err.contains(QStringLiteral("holds more than 50,000,000 characters of shared strings")));
    CHECK(m4.peakMb < 500);

    // 5. A 250,000-row sheet of ten cells a row (about 300 MB of XML): refused at the cell limit.
    const QString rows = dir.filePath(QStringLiteral("rows.xlsx"));
    QByteArray row = "<row>";
    for (int c = 0; c < 10; ++c)
        row +=
            "<c t=\"inlineStr\"><is><t>" + s("加强干部队伍建设和作风建设不够有力").toUtf8() + "</t></is></c>";
    row += "</row>";
    writeBigXlsx(rows, kSheetHead, row, 250000, kSheetTail);
    const Measured m5 = dryRun(rows);
    report("250,000-row sheet (10 cells a row)", m5);
    CHECK(m5.exitCode == 2);
    CHECK(m5.err.contains(QStringLiteral("holds more than 2,000,000 cells")));
    CHECK(m5.peakMb < 500);
}

TEST_CASE("the PDF report shows a right-to-left override and names characters no font has",
          "[cli][hostile][report][pg]")
{
    RegisterLocation reg(QStringLiteral("r.rtreg"));
    const QTemporaryDir &dir = reg.dir;
    const QString db = reg.path;
    REQUIRE(runCli({QStringLiteral("init"), db}).exitCode == 0);
    const QString ledger = dir.filePath(QStringLiteral("in.csv"));
    {
        QFile f(ledger);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(s("序号,问题,整改措施,牵头领导,完成时限,完成情况\r\n"
                  "1,吉\u202Egpj.exe问题,措施,\U00020BB7某某,2020-03-31,整改中\r\n"
                  "2,加强干部队伍建设和作风建设不够有力,健全制度并抓好落实,张三,2021-06-30,已完成\r\n")
                    .toUtf8());
    }
    REQUIRE(runCli({QStringLiteral("import"), db, ledger, QStringLiteral("--unit"), s("某局")}).exitCode ==
            0);
    const QString pdf = dir.filePath(QStringLiteral("r.pdf"));
    const CliRun report =
        runCli({QStringLiteral("report"), db, QStringLiteral("-o"), pdf, QStringLiteral("--appendix"),
                QStringLiteral("--lang"), QStringLiteral("zh_CN")});
    INFO(report.err.toStdString());
    REQUIRE(report.exitCode == 0);
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    REQUIRE(p.waitForFinished(60000));
    const QString text = QString::fromUtf8(p.readAllStandardOutput()).remove(u' ');
    CHECK(text.contains(s("吉[U+202E]gpj.exe问题")));
    CHECK(!text.contains(QChar(0x202E)));
    // Whether a font with 𠮷 (U+20BB7) is installed decides between the character and the note.
    QProcess fc;
    fc.start(QStringLiteral("fc-list"), {QStringLiteral(":charset=20bb7"), QStringLiteral("family")});
    REQUIRE(fc.waitForFinished(20000));
    const bool haveFont = !fc.readAllStandardOutput().trimmed().isEmpty();
    INFO("a font with U+20BB7 is installed: " << haveFont);
    if (haveFont) {
        CHECK(text.contains(s("\U00020BB7某某")));
        CHECK(!text.contains(QStringLiteral("U+20BB7")));
    } else {
        // The character itself has no glyph, so pdftotext cannot extract it; its code point can be.
        CHECK(text.contains(s("以下字符在本机已安装的字体中没有字形，打印为空白方框：")));
        CHECK(text.contains(s("(U+20BB7)。请安装")));
    }
}
