// Damaged and foreign files through rectrack-cli (issue 12, docs/reliability.md): each one gives a
// message naming the file and exit 4 from every command that opens the register, or 3 from
// verify when only the full integrity check finds the damage. Never a crash.
#include <catch2/catch.hpp>

#include "storage/database.h"
#include "storage/schema.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtEndian>

#include <cstdio>
#include <functional>
#include <unistd.h>

using rectrack::core::Database;
using rectrack::test::copyRegister;
using rectrack::test::copyWithWal;
using rectrack::test::overwrite;
using rectrack::test::runCli;

namespace {

constexpr int kPageSize = 4096;

QByteArray be32(quint32 v)
{
    QByteArray b(4, '\0');
    qToBigEndian(v, b.data());
    return b;
}

int pageOf(const QString &db, const QString &sql)
{
    auto r = Database::open(db);
    REQUIRE(r.ok());
    return (*r)->scalar(sql).toInt();
}

} // namespace

TEST_CASE("damaged and foreign files exit 4 (or 3 from verify) with a message naming the file",
          "[cli][damage]")
{
    QTemporaryDir dir;
    const QString demo = dir.filePath(QStringLiteral("demo.rtreg"));
    REQUIRE(runCli({QStringLiteral("demo"), demo}).exitCode == 0);
    const int problemsRoot =
        pageOf(demo, QStringLiteral("SELECT rootpage FROM sqlite_master WHERE name = 'problems'"));
    const int indexRoot =
        pageOf(demo, QStringLiteral("SELECT rootpage FROM sqlite_master WHERE name = 'problems_unit'"));
    const int uniqueRoot = pageOf(
        demo,
        QStringLiteral("SELECT rootpage FROM sqlite_master WHERE name = 'sqlite_autoindex_problems_1'"));
    const int auditRoot =
        pageOf(demo, QStringLiteral("SELECT rootpage FROM sqlite_master WHERE name = 'audit_log'"));
    const int problemsLeaf = pageOf(demo, QStringLiteral("SELECT max(pageno) FROM dbstat WHERE name = "
                                                         "'problems' AND pagetype = 'leaf'"));
    // The dashboard's overdue counts read this index (schema step 4); its last leaf holds open
    // problems.
    const int factsIndexLeaf = pageOf(demo, QStringLiteral("SELECT max(pageno) FROM dbstat WHERE name = "
                                                           "'problem_facts_state' AND pagetype = 'leaf'"));
    const qint64 size = QFile(demo).size();

    struct Damage
    {
        const char *what;
        std::function<void(const QString &)> apply;
        int verifyExit = 4; ///< 3 when only the integrity check finds it
        int statsExit = 4;
    };
    const QList<Damage> damages{
        {"header: magic string", [](const QString &f) { overwrite(f, 0, "Not SQLite at al"); }},
        {"header: page size", [](const QString &f) { overwrite(f, 16, QByteArray("\x12\x34", 2)); }},
        {"header: page count", [](const QString &f) { overwrite(f, 28, be32(0x00100000)); }},
        {"header: file format", [](const QString &f) { overwrite(f, 18, QByteArray("\x09\x09", 2)); }},
        {"header: schema format", [](const QString &f) { overwrite(f, 44, be32(9)); }},
        {"header: application id", [](const QString &f) { overwrite(f, 68, be32(0x12345678)); }},
        {"header: newer schema version",
         [](const QString &f) { overwrite(f, 60, be32(rectrack::core::schema::kVersion + 1)); }},
        {"page 1: sqlite_master b-tree header",
         [](const QString &f) { overwrite(f, 100, QByteArray(4, '\xff')); }},
        {"table root: problems",
         [&](const QString &f) {
             overwrite(f, qint64(problemsRoot - 1) * kPageSize, QByteArray(1, '\x01'));
         }},
        {"table root: audit_log",
         [&](const QString &f) {
             overwrite(f, qint64(auditRoot - 1) * kPageSize + 3, QByteArray(4, '\xff'));
         }},
        {"index root: problems_unit",
         [&](const QString &f) { overwrite(f, qint64(indexRoot - 1) * kPageSize, QByteArray(1, '\x01')); }},
        {"index root: unique uuid of problems",
         [&](const QString &f) { overwrite(f, qint64(uniqueRoot - 1) * kPageSize, QByteArray(8, '\xff')); }},
        {"table leaf: problems (found by verify; the statistics read problem_facts, not this page)",
         [&](const QString &f) { overwrite(f, qint64(problemsLeaf - 1) * kPageSize, QByteArray(8, '\xff')); },
         3, 0},
        {"index leaf: problem_facts_state (found by verify; stats meets it)",
         [&](const QString &f) {
             overwrite(f, qint64(factsIndexLeaf - 1) * kPageSize, QByteArray(8, '\xff'));
         },
         3, 4},
        {"last page overwritten (found by verify)",
         [&](const QString &f) { overwrite(f, size - kPageSize, QByteArray(kPageSize, '\xab')); }, 3, 0},
        {"truncated at a page boundary",
         [&](const QString &f) {
             QFile file(f);
             REQUIRE(file.resize(size / kPageSize / 2 * kPageSize));
         }},
        {"truncated inside a page",
         [&](const QString &f) {
             QFile file(f);
             REQUIRE(file.resize(size / 2 + 123));
         }},
        {"empty file",
         [](const QString &f) {
             QFile file(f);
             REQUIRE(file.resize(0));
         }},
        {"WAL: page in the middle",
         [&](const QString &f) {
             copyWithWal(demo, f, 30);
             overwrite(f + QStringLiteral("-wal"), 32 + 15 * (kPageSize + 24) + 24 + 100,
                       QByteArray(8, '\x5a'));
         }},
        {"WAL: header",
         [&](const QString &f) {
             copyWithWal(demo, f, 30);
             overwrite(f + QStringLiteral("-wal"), 16, QByteArray(4, '\x01'));
         }},
        {"another program's SQLite database",
         [](const QString &f) {
             QFile::remove(f);
             {
                 QSqlDatabase db =
                     QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
                 db.setDatabaseName(f);
                 REQUIRE(db.open());
                 QSqlQuery q(db);
                 REQUIRE(q.exec(QStringLiteral("CREATE TABLE contacts (name TEXT, phone TEXT)")));
                 REQUIRE(q.exec(QStringLiteral("INSERT INTO contacts VALUES ('张三', '12345')")));
                 db.close();
             }
             QSqlDatabase::removeDatabase(QStringLiteral("other"));
         }},
    };

    int tried = 0;
    for (const Damage &d : damages) {
        INFO(d.what);
        const QString file = dir.filePath(QStringLiteral("damaged%1.rtreg").arg(tried));
        copyRegister(demo, file);
        d.apply(file);
        for (const QString &command : {QStringLiteral("stats"), QStringLiteral("verify")}) {
            INFO(command.toStdString());
            const int expected = command == QLatin1String("verify") ? d.verifyExit : d.statsExit;
            const auto run = runCli({command, file});
            INFO(run.err.toStdString());
            CHECK(run.exitCode == expected); // never a crash (-2)
            if (expected != 0)
                CHECK(run.err.contains(expected == 4 ? file : QStringLiteral("integrity check")));
        }
        // The damaged file is reported, not repaired behind the user's back: opening it again
        // gives the same answer.
        if (d.verifyExit == 4)
            CHECK(runCli({QStringLiteral("overdue"), file}).exitCode == 4);
        ++tried;
    }
    std::printf("damaged files: %d kinds of damage tried through rectrack-cli stats, verify and overdue\n",
                tried);
}

TEST_CASE("a damaged file gives a Chinese message by default", "[cli][damage]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("d.rtreg"));
    REQUIRE(runCli({QStringLiteral("init"), db}).exitCode == 0);
    overwrite(db, 28, be32(0x00100000));
    const auto run = runCli({QStringLiteral("stats"), db, QStringLiteral("--lang"), QStringLiteral("zh_CN")});
    CHECK(run.exitCode == 4);
    CHECK(run.err.contains(db));
    CHECK(run.err.contains(QStringLiteral("损坏")));
}

TEST_CASE("a zero-byte register is called empty, not missing, and stays untouched", "[cli][damage]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("zero.rtreg"));
    {
        QFile f(db);
        REQUIRE(f.open(QIODevice::WriteOnly));
    }
    for (const QString &command :
         {QStringLiteral("stats"), QStringLiteral("verify"), QStringLiteral("overdue")}) {
        INFO(command.toStdString());
        const auto run = runCli({command, db, QStringLiteral("--lang"), QStringLiteral("zh_CN")});
        CHECK(run.exitCode == 4);
        CHECK(run.err.contains(db));
        CHECK(run.err.contains(QStringLiteral("空文件")));
        CHECK_FALSE(run.err.contains(QStringLiteral("不存在")));
        CHECK(QFileInfo(db).size() == 0);
        CHECK_FALSE(QFileInfo::exists(db + QStringLiteral("-wal")));
    }
    const auto en = runCli({QStringLiteral("stats"), db, QStringLiteral("--lang"), QStringLiteral("en")});
    CHECK(en.exitCode == 4);
    CHECK(en.err.contains(QStringLiteral("is empty (0 bytes)")));
}

namespace {

/// Runs rectrack-cli as an unprivileged user (uid/gid 65534 through setpriv when the tests run as
/// root, as on the CI machine), so that file permissions apply.
rectrack::test::CliRun runCliUnprivileged(const QStringList &args)
{
    QProcess p;
    QStringList full = args;
    full << QStringLiteral("--lang") << QStringLiteral("zh_CN");
    if (::geteuid() == 0) {
        full.prepend(QStringLiteral(RECTRACK_CLI_PATH));
        full = QStringList{QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                           QStringLiteral("--clear-groups")} +
               full;
        p.start(QStringLiteral("setpriv"), full);
    } else {
        p.start(QStringLiteral(RECTRACK_CLI_PATH), full);
    }
    rectrack::test::CliRun run;
    REQUIRE(p.waitForFinished(60000));
    run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    run.out = QString::fromUtf8(p.readAllStandardOutput());
    run.err = QString::fromUtf8(p.readAllStandardError());
    return run;
}

} // namespace

TEST_CASE("a read-only register or folder is read with a warning, not reported as damaged", "[cli][damage]")
{
    QTemporaryDir dir;
    const auto all = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                     QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther |
                     QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup;
    const auto readOnly = QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther;
    REQUIRE(QFile::setPermissions(dir.path(), all));
    const QString db = dir.filePath(QStringLiteral("r.rtreg"));
    REQUIRE(runCli({QStringLiteral("init"), db}).exitCode == 0);

    // The file is read-only, its folder writable.
    REQUIRE(QFile::setPermissions(db, readOnly));
    const QByteArray before = [&] {
        QFile f(db);
        REQUIRE(f.open(QIODevice::ReadOnly));
        return f.readAll();
    }();
    // Reading works, with the read-only warning (issue #13); a write is refused with exit 2.
    for (const QString &command : {QStringLiteral("stats"), QStringLiteral("verify")}) {
        INFO(command.toStdString());
        const auto run = runCliUnprivileged({command, db});
        INFO(run.err.toStdString());
        CHECK(run.exitCode == 0);
        CHECK(run.err.contains(QStringLiteral("警告：台账文件 %1 为只读").arg(db)));
        CHECK_FALSE(run.err.contains(QStringLiteral("损坏")));
    }
    {
        const QString ledger = dir.filePath(QStringLiteral("ledger.csv"));
        QFile csv(ledger);
        REQUIRE(csv.open(QIODevice::WriteOnly));
        csv.write(QStringLiteral("问题描述,整改时限\n问题甲,2021-06-30\n").toUtf8());
        csv.close();
        REQUIRE(QFile::setPermissions(ledger, all));
        const auto run = runCliUnprivileged(
            {QStringLiteral("import"), db, ledger, QStringLiteral("--unit"), QStringLiteral("测试局")});
        INFO(run.err.toStdString());
        CHECK(run.exitCode == 2);
        CHECK(run.err.contains(QStringLiteral("为只读（文件、所在文件夹或磁盘不可写入）；未做任何修改")));
    }

    // The file is writable, its folder read-only (no -wal/-shm can be created).
    const QString sub = dir.filePath(QStringLiteral("只读 文件夹"));
    REQUIRE(QDir().mkdir(sub));
    const QString inner = QDir(sub).filePath(QStringLiteral("台账.rtreg"));
    REQUIRE(QFile::copy(db, inner));
    REQUIRE(QFile::setPermissions(inner, QFileDevice::Permissions(all)));
    REQUIRE(QFile::setPermissions(sub, readOnly | QFileDevice::ExeOwner | QFileDevice::ExeGroup |
                                           QFileDevice::ExeOther));
    const auto run = runCliUnprivileged({QStringLiteral("stats"), inner});
    INFO(run.err.toStdString());
    CHECK(run.exitCode == 0);
    CHECK(run.err.contains(QStringLiteral("为只读")));
    CHECK_FALSE(run.err.contains(QStringLiteral("损坏")));
    CHECK_FALSE(QFileInfo::exists(inner + QStringLiteral("-wal")));
    REQUIRE(QFile::setPermissions(sub, QFileDevice::Permissions(all)));

    QFile after(db);
    REQUIRE(after.open(QIODevice::ReadOnly));
    CHECK(after.readAll() == before);
    after.close();

    // Read-only opens leave nothing behind that keeps the register read-only (issue #19: SQLite
    // made -wal and -shm with the file's read-only mode): made writable again, it takes an import.
    CHECK_FALSE(QFileInfo::exists(db + QStringLiteral("-wal")));
    CHECK_FALSE(QFileInfo::exists(db + QStringLiteral("-shm")));
    REQUIRE(QFile::setPermissions(db, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                          QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                          QFileDevice::ReadOther | QFileDevice::WriteOther));
    const QString ledger = dir.filePath(QStringLiteral("ledger.csv"));
    const auto imported = runCliUnprivileged(
        {QStringLiteral("import"), db, ledger, QStringLiteral("--unit"), QStringLiteral("测试局")});
    INFO(imported.err.toStdString());
    CHECK(imported.exitCode == 0);
    const auto stats =
        runCliUnprivileged({QStringLiteral("stats"), db, QStringLiteral("--format"), QStringLiteral("json")});
    CHECK(stats.out.contains(QStringLiteral("\"problems\": 1,")));
}
