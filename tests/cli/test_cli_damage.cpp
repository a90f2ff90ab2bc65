// Damaged and foreign files through rectrack-cli (issue 12, docs/reliability.md): each one gives a
// message naming the file and exit 4 from every command that opens the register, or 3 from
// verify when only the full integrity check finds the damage. Never a crash.
#include <catch2/catch.hpp>

#include "storage/database.h"
#include "storage/schema.h"
#include "testsupport.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtEndian>

#include <cstdio>
#include <functional>

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
        {"table leaf: problems (found by verify; stats meets it)",
         [&](const QString &f) { overwrite(f, qint64(problemsLeaf - 1) * kPageSize, QByteArray(8, '\xff')); },
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
