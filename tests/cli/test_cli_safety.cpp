// rectrack-cli and the everyday hazards of issue #13: verified backups, a clock behind the log,
// read-only registers.
#include <catch2/catch.hpp>

#include "storage/database.h"
#include "testsupport.h"
#include "workflow/organizationservice.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

using rectrack::test::RegisterLocation;
using rectrack::test::runCli;
using rectrack::test::TempRegister;

TEST_CASE("backup writes a copy that verify accepts, and never backs up on its own", "[cli][safety][pg]")
{
    RegisterLocation reg(QStringLiteral("demo.db"));
    const QTemporaryDir &dir = reg.dir;
    const QString db = reg.path;
    REQUIRE(runCli({QStringLiteral("demo"), db}).exitCode == 0);
    const QString copy = dir.filePath(QStringLiteral("b.db"));
    const auto backup = runCli({QStringLiteral("backup"), db, copy});
    CHECK(backup.exitCode == 0);
    CHECK(backup.out.trimmed() == QStringLiteral("Wrote and verified the backup %1.").arg(copy));
    const auto verify = runCli({QStringLiteral("verify"), copy});
    CHECK(verify.exitCode == 0);
    // Same figures in the copy.
    const QStringList stats{QStringLiteral("stats"), QStringLiteral("--format"), QStringLiteral("json")};
    CHECK(runCli(QStringList{stats.first(), db} + stats.mid(1)).out ==
          runCli(QStringList{stats.first(), copy} + stats.mid(1)).out);
    // An existing destination is refused, not overwritten.
    const auto again = runCli({QStringLiteral("backup"), db, copy});
    CHECK(again.exitCode == 2);
    // The CLI takes no automatic backups: only the two files (and nothing like demo.db.backups); a
    // register on the server leaves the backup alone in the folder.
    const QStringList expected = rectrack::test::testOnServer()
                                     ? QStringList{QStringLiteral("b.db")}
                                     : QStringList{QStringLiteral("b.db"), QStringLiteral("demo.db")};
    CHECK(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries) == expected);
}

TEST_CASE("write commands warn on stderr when the clock is behind the log, with the exit code unchanged",
          "[cli][safety][pg]")
{
    // Entries written by a machine whose clock said 2099: this machine's clock is behind them.
    TempRegister future(QDate(2099, 6, 1));
    REQUIRE(rectrack::core::OrganizationService(*future.db).ensureUnit(QStringLiteral("市某局党组")).ok());
    future.db.reset();
    TempRegister present;
    REQUIRE(rectrack::core::OrganizationService(*present.db).ensureUnit(QStringLiteral("市某局党组")).ok());
    present.db.reset();
    const QString missing = future.dir.filePath(QStringLiteral("missing.xlsx"));
    const QStringList unit{QStringLiteral("--unit"), QStringLiteral("市某局党组")};

    const auto behind = runCli(QStringList{QStringLiteral("import"), future.path, missing} + unit);
    const auto normal = runCli(QStringList{QStringLiteral("import"), present.path, missing} + unit);
    CHECK(behind.err.startsWith(QStringLiteral("rectrack-cli: warning: The computer's clock says ")));
    CHECK(behind.err.contains(QStringLiteral("but the register already holds a change made at 2099-06-01")));
    CHECK_FALSE(normal.err.contains(QStringLiteral("clock")));
    CHECK(behind.exitCode == normal.exitCode);
    CHECK(behind.exitCode == 2);
    // A read command says nothing about the clock.
    const auto stats = runCli({QStringLiteral("stats"), future.path});
    CHECK(stats.exitCode == 0);
    CHECK(stats.err.isEmpty());
}

TEST_CASE("a read-only register is read by the CLI and write commands are refused", "[cli][safety][mount]")
{
    QTemporaryDir mnt;
    if (QProcess::execute(QStringLiteral("mount"),
                          {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                           QStringLiteral("size=8m"), QStringLiteral("tmpfs"), mnt.path()}) != 0) {
        WARN("mount -t tmpfs is not allowed here (needs root): the read-only CLI test did not run");
        return;
    }
    struct Unmount
    {
        QString path;
        ~Unmount() { QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), path}); }
    } unmount{mnt.path()};
    const QString db = mnt.filePath(QStringLiteral("ro.rtreg"));
    REQUIRE(runCli({QStringLiteral("init"), db}).exitCode == 0);
    REQUIRE(QProcess::execute(QStringLiteral("mount"),
                              {QStringLiteral("-o"), QStringLiteral("remount,ro"), mnt.path()}) == 0);
    const auto verify = runCli({QStringLiteral("verify"), db});
    CHECK(verify.exitCode == 0);
    const auto import = runCli({QStringLiteral("import"), db, mnt.filePath(QStringLiteral("x.xlsx")),
                                QStringLiteral("--unit"), QStringLiteral("市某局党组")});
    CHECK(import.exitCode == 2);
    CHECK(import.err.contains(
        QStringLiteral("is read-only (the file, its folder or the drive cannot be written); "
                       "nothing was changed.")));
}
