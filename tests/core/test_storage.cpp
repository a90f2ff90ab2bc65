#include <catch2/catch.hpp>

#include "storage/auditlog.h"
#include "storage/backup.h"
#include "storage/schema.h"
#include "testsupport.h"
#include "workflow/organizationservice.h"
#include "workflow/problemservice.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>

using namespace rectrack::core;
using rectrack::test::TempRegister;

namespace {

qint64 seed(TempRegister &reg)
{
    OrganizationService org(*reg.db);
    ProblemService problems(*reg.db);
    Problem p;
    p.unitId = *org.ensureUnit(QStringLiteral("市某局党组"));
    p.description = QStringLiteral("财务管理制度执行不严");
    p.feedbackDate = QDate(2020, 4, 10);
    p.deadline = QDate(2020, 7, 10);
    Measure m;
    m.content = QStringLiteral("修订财务报销审核制度");
    return *problems.registerProblem(p, {m});
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

} // namespace

TEST_CASE("a new register carries the application id, schema version and WAL", "[storage]")
{
    TempRegister reg;
    CHECK(reg.db->schemaVersion() == schema::kVersion);
    CHECK(reg.db->scalar(QStringLiteral("PRAGMA application_id")).toLongLong() ==
          qint64(schema::kApplicationId));
    CHECK(reg.db->scalar(QStringLiteral("PRAGMA journal_mode")).toString() == QStringLiteral("wal"));
    CHECK(reg.db->scalar(QStringLiteral("PRAGMA foreign_keys")).toInt() == 1);
    CHECK(reg.db->defaultAsOf() == QDate(2021, 1, 15)); // no reference date: the clock's today
}

TEST_CASE("files that are not registers are refused on open", "[storage]")
{
    QTemporaryDir dir;
    const QString text = dir.filePath(QStringLiteral("notes.txt"));
    writeFile(text, QByteArray("这不是数据库\n").repeated(100));
    auto r1 = Database::open(text);
    REQUIRE_FALSE(r1.ok());
    CHECK(r1.error().code == ErrorCode::CannotOpen);
    CHECK(r1.error().message.contains(text));

    // Another program's SQLite database.
    const QString foreign = dir.filePath(QStringLiteral("other.sqlite"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
        db.setDatabaseName(foreign);
        REQUIRE(db.open());
        QSqlQuery q(db);
        REQUIRE(q.exec(QStringLiteral("CREATE TABLE t(x)")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
    auto r2 = Database::open(foreign);
    REQUIRE_FALSE(r2.ok());
    CHECK(r2.error().message.contains(QStringLiteral("another program")));

    // The first half of a register.
    TempRegister reg;
    seed(reg);
    reg.db.reset();
    QFile f(reg.path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QByteArray all = f.readAll();
    f.close();
    const QString half = dir.filePath(QStringLiteral("half.rtreg"));
    writeFile(half, all.left(all.size() / 2));
    auto r3 = Database::open(half);
    REQUIRE_FALSE(r3.ok());
    CHECK(r3.error().code == ErrorCode::CannotOpen);

    // A missing file is not created by a plain open.
    auto r4 = Database::open(dir.filePath(QStringLiteral("missing.rtreg")));
    REQUIRE_FALSE(r4.ok());
    CHECK_FALSE(QFile::exists(dir.filePath(QStringLiteral("missing.rtreg"))));
}

TEST_CASE("a register of a newer schema is refused, not touched", "[storage]")
{
    TempRegister reg;
    REQUIRE(reg.db->exec(QStringLiteral("PRAGMA user_version = %1").arg(schema::kVersion + 1)).ok());
    reg.db.reset();
    auto r = Database::open(reg.path);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::CannotOpen);
    CHECK(r.error().message.contains(QStringLiteral("newer version")));
}

TEST_CASE("the audit chain detects rows changed behind the program's back", "[storage][audit]")
{
    TempRegister reg;
    const qint64 id = seed(reg);
    REQUIRE(Verifier::verify(*reg.db).ok());
    const qint64 entries = AuditLog::length(*reg.db);
    CHECK(entries == 4); // unit, problem, its first state, its measure
    reg.db.reset();

    SECTION("a problem row")
    {
        REQUIRE(rectrack::test::runSqlite(
                    reg.path,
                    QStringLiteral("UPDATE problems SET state='closed_out' WHERE id=%1;").arg(id)) == 0);
        reg.reopen();
        const VerifyReport report = Verifier::verify(*reg.db);
        REQUIRE_FALSE(report.ok());
        CHECK(report.faults.join(u'\n').contains(QStringLiteral("problems")));
    }
    SECTION("an audit-log row")
    {
        REQUIRE(rectrack::test::runSqlite(
                    reg.path, QStringLiteral("UPDATE audit_log SET actor='someone' WHERE id=2;")) == 0);
        reg.reopen();
        const VerifyReport report = Verifier::verify(*reg.db);
        REQUIRE_FALSE(report.ok());
        CHECK(report.faults.first().contains(QStringLiteral("altered")));
    }
    SECTION("a deleted audit-log row")
    {
        REQUIRE(rectrack::test::runSqlite(reg.path, QStringLiteral("DELETE FROM audit_log WHERE id=3;")) ==
                0);
        reg.reopen();
        CHECK_FALSE(Verifier::verify(*reg.db).ok());
    }
}

TEST_CASE("a backup is a verified, complete copy", "[storage][backup]")
{
    TempRegister reg;
    seed(reg);
    const QString dest = reg.dir.filePath(QStringLiteral("copy.rtreg"));
    REQUIRE(Backup::writeCopy(*reg.db, dest).ok());
    auto copy = Database::open(dest);
    REQUIRE(copy.ok());
    CHECK((*copy)->scalar(QStringLiteral("SELECT count(*) FROM problems")).toInt() == 1);
    CHECK(Verifier::verify(**copy).ok());
    // An existing destination is never overwritten.
    CHECK_FALSE(Backup::writeCopy(*reg.db, dest).ok());
}

TEST_CASE("nested transactions are savepoints: an inner failure rolls back only itself", "[storage]")
{
    TempRegister reg;
    OrganizationService org(*reg.db);
    Transaction outer(*reg.db);
    REQUIRE(org.ensureUnit(QStringLiteral("甲")).ok());
    {
        Transaction inner(*reg.db);
        REQUIRE(inner.active());
        REQUIRE(AuditLog::insert(*reg.db, QStringLiteral("units"),
                                 {{QStringLiteral("name"), QStringLiteral("乙")}})
                    .ok());
        // destroyed without commit: rolled back
    }
    REQUIRE(outer.commit().ok());
    CHECK(reg.db->scalar(QStringLiteral("SELECT group_concat(name) FROM units")).toString() ==
          QStringLiteral("甲"));
    CHECK(Verifier::verify(*reg.db).ok());
}
