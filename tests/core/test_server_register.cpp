// A register on the PostgreSQL server (issue #22): what only the server backend does. Tagged
// [.pgonly]: hidden from the file run, registered only in the pg run (tests/CMakeLists.txt). The
// rest of the core suite runs on the server as well, through TempRegister.
#include <catch2/catch.hpp>

#include "storage/auditlog.h"
#include "storage/database.h"
#include "storage/registercopy.h"
#include "storage/schema.h"
#include "testsupport.h"
#include "workflow/organizationservice.h"
#include "workflow/problemservice.h"

#include <QTemporaryDir>

#include <atomic>
#include <thread>

using namespace rectrack;
using namespace rectrack::core;
using namespace rectrack::test;

namespace {

/// Opens @p url or fails the test with the error.
std::unique_ptr<Database> openServer(const QString &url,
                                     Database::OpenMode mode = Database::OpenMode::Existing)
{
    auto r = Database::open(url, mode);
    INFO((r ? QString() : r.error().message).toStdString());
    REQUIRE(r);
    return std::move(r).value();
}

QStringList columnNames(Database &db, const QString &table)
{
    QStringList out;
    const auto columns = db.dialect().columns(db, table);
    REQUIRE(columns);
    for (const TableColumn &c : *columns)
        out << c.name;
    return out;
}

} // namespace

TEST_CASE("a server register has the file's tables and columns, its version and application id",
          "[.pgonly][server]")
{
    REQUIRE(testOnServer());
    TempRegister server;
    QTemporaryDir dir;
    auto file = Database::open(dir.filePath(QStringLiteral("r.rtreg")), Database::OpenMode::CreateIfMissing);
    REQUIRE(file);
    CHECK(server.db->onServer());
    CHECK_FALSE((*file)->onServer());
    CHECK(server.db->schemaVersion() == schema::kVersion);
    CHECK(server.db->dialect().applicationId(*server.db) == qint64(schema::kApplicationId));
    const auto tables = server.db->dialect().tables(*server.db);
    REQUIRE(tables);
    for (const QString &table : RegisterCopy::tables() + QStringList{QStringLiteral("problem_latest_state"),
                                                                     QStringLiteral("problem_facts"),
                                                                     QStringLiteral("problem_tally")}) {
        INFO(table.toStdString());
        CHECK(tables->contains(table));
        CHECK(columnNames(*server.db, table) == columnNames(**file, table));
    }
    // Text compares and sorts byte for byte, as in the file, whatever the database's collation.
    CHECK(server.db
              ->scalar(QStringLiteral("SELECT collation_name FROM information_schema.columns WHERE "
                                      "table_name = 'units' AND column_name = 'name'"))
              .toString() == QStringLiteral("C"));
}

TEST_CASE("a server register of a newer schema or another program is refused, a foreign database too",
          "[.pgonly][server]")
{
    REQUIRE(testOnServer());
    const QString url = createServerDatabase();
    {
        ServerConnection c(url);
        c.exec(QStringLiteral("CREATE TABLE invoices (id integer)"));
    }
    auto foreign = Database::open(url, Database::OpenMode::CreateIfMissing);
    REQUIRE_FALSE(foreign);
    CHECK(foreign.error().code == ErrorCode::CannotOpen);
    CHECK(foreign.error().message.contains(QStringLiteral("1 other table")));
    {
        ServerConnection c(url);
        c.exec(QStringLiteral("DROP TABLE invoices"));
    }
    auto missing = Database::open(url, Database::OpenMode::Existing);
    REQUIRE_FALSE(missing);
    CHECK(missing.error().message.contains(QStringLiteral("server init")));

    openServer(url, Database::OpenMode::CreateIfMissing);
    {
        ServerConnection c(url);
        c.exec(QStringLiteral("UPDATE schema_version SET version = %1").arg(schema::kVersion + 1));
    }
    auto newer = Database::open(url);
    REQUIRE_FALSE(newer);
    CHECK(newer.error().message.contains(QStringLiteral("newer version")));
    {
        ServerConnection c(url);
        c.exec(QStringLiteral("UPDATE schema_version SET version = %1, application_id = 7")
                   .arg(schema::kVersion));
    }
    auto other = Database::open(url);
    REQUIRE_FALSE(other);
    CHECK(other.error().message.contains(QStringLiteral("not a Rectrack register")));
    dropServerDatabase(url);
}

TEST_CASE("a database whose LC_CTYPE cannot classify Chinese is refused as a new register",
          "[.pgonly][server]")
{
    REQUIRE(testOnServer());
    const QString name = QStringLiteral("rt_%1").arg(
        QString::number(quint64(QDateTime::currentMSecsSinceEpoch()), 16).rightJustified(16, u'0'));
    {
        ServerConnection admin(pgAdminUrl());
        admin.exec(QStringLiteral(
                       "CREATE DATABASE %1 TEMPLATE template0 ENCODING 'UTF8' LC_CTYPE 'C' LC_COLLATE 'C'")
                       .arg(name));
    }
    const QString url =
        QString(pgAdminUrl()).replace(QLatin1String("///postgres?"), QStringLiteral("///%1?").arg(name));
    auto r = Database::open(url, Database::OpenMode::CreateIfMissing);
    REQUIRE_FALSE(r);
    CHECK(r.error().message.contains(QStringLiteral("LC_CTYPE")));
    CHECK(r.error().message.contains(QStringLiteral("“C”")));
    {
        ServerConnection c(url);
        CHECK(
            c.scalar(QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).toInt() ==
            0);
    }
    dropServerDatabase(url);
}

TEST_CASE("concurrent writers on one server register keep one audit chain", "[.pgonly][server]")
{
    REQUIRE(testOnServer());
    TempRegister reg;
    const qint64 unit = *OrganizationService(*reg.db).ensureUnit(QStringLiteral("市某局党组"));
    // Four clerks register problems at the same moment, each on its own connection. Without the
    // chain step under a lock two entries would name the same previous hash (a fork).
    constexpr int kWriters = 4;
    constexpr int kEach = 15;
    std::atomic<int> failures{0};
    std::atomic<int> ready{0};
    std::vector<std::thread> writers;
    for (int w = 0; w < kWriters; ++w) {
        writers.emplace_back([&, w] {
            auto db = Database::open(reg.path);
            if (!db) {
                ++failures;
                return;
            }
            (*db)->setActor(QStringLiteral("clerk%1").arg(w));
            ++ready;
            while (ready.load() < kWriters)
                std::this_thread::yield();
            // Problems (whose statistics rows the writers share, which already orders them) and
            // units (nothing shared but the chain).
            ProblemService problems(**db);
            OrganizationService org(**db);
            for (int i = 0; i < kEach; ++i) {
                Problem p;
                p.unitId = unit;
                p.description = QStringLiteral("第%1位办事员登记的第%2个问题").arg(w).arg(i);
                p.feedbackDate = QDate(2020, 4, 10);
                if (!problems.registerProblem(p))
                    ++failures;
                if (!org.ensureUnit(QStringLiteral("第%1组被巡察单位%2").arg(w).arg(i)))
                    ++failures;
            }
        });
    }
    for (std::thread &t : writers)
        t.join();
    CHECK(failures.load() == 0);
    CHECK(reg.db->scalar(QStringLiteral("SELECT count(*) FROM problems")).toInt() == kWriters * kEach);
    // No two entries follow the same one, and the chain verifies end to end.
    CHECK(reg.db
              ->scalar(
                  QStringLiteral("SELECT count(*) FROM (SELECT prev_hash FROM audit_log GROUP BY prev_hash "
                                 "HAVING count(*) > 1) AS forks"))
              .toInt() == 0);
    const VerifyReport report = Verifier::verify(*reg.db);
    INFO(report.faults.join(u'\n').toStdString());
    CHECK(report.ok());
    CHECK(report.auditEntries ==
          reg.db->scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong());
}

TEST_CASE("a register file copied to the server and back keeps every row, the chain head and the figures",
          "[.pgonly][server]")
{
    REQUIRE(testOnServer());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("f.rtreg"));
    auto file = Database::open(path, Database::OpenMode::CreateIfMissing);
    REQUIRE(file);
    {
        OrganizationService org(**file);
        ProblemService problems(**file);
        Problem p;
        p.unitId = *org.ensureUnit(QStringLiteral("市某局党组"));
        // Every character COPY's text format escapes, and text that reads like its NULL marker.
        p.description = QStringLiteral("财务管理制度执行不严\t第二栏\n第二行\r\n\\N 不是空值 C:\\台账\\");
        p.feedbackDate = QDate(2020, 4, 10);
        p.deadline = QDate(2020, 7, 10);
        Measure m;
        m.content = QStringLiteral("修订财务报销审核制度");
        const auto id = problems.registerProblem(p, {m});
        REQUIRE(id);
        QByteArray bytes;
        for (int b = 0; b < 256; ++b)
            bytes.append(char(b));
        REQUIRE(problems.addEvidence(*id, 0, QStringLiteral("凭证\t.bin"), bytes + bytes));
        REQUIRE(org.ensureCategory(QStringLiteral("作风建设")));
    }
    const VerifyReport original = Verifier::verify(**file);
    REQUIRE(original.ok());

    TempRegister server;
    // The copy drops the secondary indexes and foreign keys and suspends triggers while rows go in
    // (PostgresDialect::beforeCopy); afterwards the schema is a new register's again.
    const QString schemaShape = QStringLiteral(
        "SELECT (SELECT string_agg(indexdef, ' | ' ORDER BY indexname) FROM pg_indexes WHERE schemaname = "
        "current_schema()) || ' # ' || (SELECT string_agg(conname || ' ' || pg_get_constraintdef(oid), ' | ' "
        "ORDER BY conname) FROM pg_constraint WHERE connamespace = current_schema()::regnamespace) || ' # ' "
        "|| (SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'O')");
    const QString freshShape = server.db->scalar(schemaShape).toString();
    REQUIRE(freshShape.contains(QStringLiteral("CREATE INDEX audit_problem")));
    REQUIRE(freshShape.contains(QStringLiteral("progress_entries_problem_id_fkey FOREIGN KEY")));
    REQUIRE(freshShape.endsWith(QStringLiteral(" # 0")));
    REQUIRE(RegisterCopy::copy(**file, *server.db));
    CHECK(server.db->scalar(schemaShape).toString() == freshShape);
    const VerifyReport copied = Verifier::verify(*server.db);
    CHECK(copied.ok());
    CHECK(copied.headId == original.headId);
    CHECK(copied.headHash == original.headHash);
    CHECK(server.db->scalar(QStringLiteral("SELECT count(*) FROM problem_facts")).toInt() == 1);
    CHECK(server.db->scalar(QStringLiteral("SELECT description FROM problems")).toString() ==
          QStringLiteral("财务管理制度执行不严\t第二栏\n第二行\r\n\\N 不是空值 C:\\台账\\"));
    CHECK(server.db->scalar(QStringLiteral("SELECT original_name FROM evidence")).toString() ==
          QStringLiteral("凭证\t.bin"));
    CHECK(server.db->scalar(QStringLiteral("SELECT count(*) FROM problems WHERE note IS NULL")).toInt() ==
          (*file)->scalar(QStringLiteral("SELECT count(*) FROM problems WHERE note IS NULL")).toInt());
    {
        const QByteArray stored =
            server.db->scalar(QStringLiteral("SELECT data FROM evidence")).toByteArray();
        CHECK(stored.size() == 512);
        CHECK(stored == (*file)->scalar(QStringLiteral("SELECT data FROM evidence")).toByteArray());
    }
    // New rows continue after the copied ids, and extend the same chain.
    const qint64 next = *OrganizationService(*server.db).ensureUnit(QStringLiteral("市另一局党组"));
    CHECK(next == (*file)->scalar(QStringLiteral("SELECT max(id) FROM units")).toLongLong() + 1);
    CHECK(Verifier::verify(*server.db).ok());

    // A second copy into the same, no longer new, register is refused and changes nothing.
    const qint64 entries = AuditLog::length(*server.db);
    const Status again = RegisterCopy::copy(**file, *server.db);
    REQUIRE_FALSE(again);
    CHECK(again.error().code == ErrorCode::InputRefused);
    CHECK(AuditLog::length(*server.db) == entries);

    // And back into a file.
    auto back =
        Database::open(dir.filePath(QStringLiteral("back.rtreg")), Database::OpenMode::CreateIfMissing);
    REQUIRE(back);
    REQUIRE(RegisterCopy::copy(*server.db, **back));
    const VerifyReport returned = Verifier::verify(**back);
    CHECK(returned.ok());
    CHECK(returned.headId == AuditLog::length(*server.db));
}
