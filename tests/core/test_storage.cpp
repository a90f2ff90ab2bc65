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

TEST_CASE("a new register carries the application id, schema version and WAL", "[file][storage]")
{
    TempRegister reg;
    CHECK(reg.db->schemaVersion() == schema::kVersion);
    CHECK(reg.db->scalar(QStringLiteral("PRAGMA application_id")).toLongLong() ==
          qint64(schema::kApplicationId));
    CHECK(reg.db->scalar(QStringLiteral("PRAGMA journal_mode")).toString() == QStringLiteral("wal"));
    CHECK(reg.db->scalar(QStringLiteral("PRAGMA foreign_keys")).toInt() == 1);
    CHECK(reg.db->defaultAsOf() == QDate(2021, 1, 15)); // no reference date: the clock's today
}

TEST_CASE("files that are not registers are refused on open", "[file][storage]")
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

TEST_CASE("a register of a newer schema is refused, not touched", "[file][storage]")
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
    // verify compares a digest of each row with its logged state, null members left out on both
    // sides (a column a later schema step added): a null given a value, a value made null, and
    // text that spells a null member are each a change.
    SECTION("a null column of a problem given a value")
    {
        REQUIRE(rectrack::test::runSqlite(
                    reg.path, QStringLiteral("UPDATE problems SET note='补记' WHERE id=%1;").arg(id)) == 0);
        reg.reopen();
        const VerifyReport report = Verifier::verify(*reg.db);
        REQUIRE(report.faults.size() == 1);
        CHECK(report.faults.first() == QStringLiteral("Row %1 of problems differs from its last logged state "
                                                      "(changed behind the program's back).")
                                           .arg(id));
    }
    SECTION("a problem's text column made null, or given text that spells a null member")
    {
        const QString sql =
            GENERATE(QStringLiteral("UPDATE problems SET deadline=NULL WHERE id=%1;"),
                     QStringLiteral("UPDATE problems SET note=',\"note\":null' WHERE id=%1;"),
                     QStringLiteral("UPDATE problems SET note='{\"note\":null}' WHERE id=%1;"));
        REQUIRE(rectrack::test::runSqlite(reg.path, sql.arg(id)) == 0);
        reg.reopen();
        const VerifyReport report = Verifier::verify(*reg.db);
        REQUIRE(report.faults.size() == 1);
        CHECK(report.faults.first().startsWith(QStringLiteral("Row %1 of problems differs").arg(id)));
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
        const VerifyReport report = Verifier::verify(*reg.db);
        REQUIRE_FALSE(report.ok());
        CHECK(report.faults.first() ==
              QStringLiteral("Audit log entry 4 does not follow the entry before it (an entry was removed or "
                             "inserted)."));
    }
    SECTION("a register row deleted")
    {
        REQUIRE(rectrack::test::runSqlite(reg.path, QStringLiteral("DELETE FROM measures;")) == 0);
        reg.reopen();
        const VerifyReport report = Verifier::verify(*reg.db);
        REQUIRE(report.faults.size() == 1);
        CHECK(report.faults.first() ==
              QStringLiteral("Row 1 of measures was deleted behind the program's back."));
    }
    SECTION("a register row inserted")
    {
        REQUIRE(rectrack::test::runSqlite(
                    reg.path, QStringLiteral("INSERT INTO measures (uuid, problem_id, content) VALUES "
                                             "('x-1', %1, '补录措施');")
                                  .arg(id)) == 0);
        reg.reopen();
        const VerifyReport report = Verifier::verify(*reg.db);
        REQUIRE(report.faults.size() == 1);
        CHECK(
            report.faults.first() ==
            QStringLiteral("Row 2 of measures is not in the audit log (written behind the program's back)."));
    }
    SECTION("an audit entry inserted into the middle of the chain")
    {
        REQUIRE(
            rectrack::test::runSqlite(
                reg.path, QStringLiteral("UPDATE audit_log SET id = id + 10 WHERE id >= 3; "
                                         "INSERT INTO audit_log (id, at, actor, entity, entity_id, action, "
                                         "prev_hash, hash) SELECT 3, at, actor, entity, entity_id, action, "
                                         "hash, hash FROM audit_log WHERE id = 2;")) == 0);
        reg.reopen();
        const VerifyReport report = Verifier::verify(*reg.db);
        REQUIRE_FALSE(report.ok());
        CHECK(report.faults.first().startsWith(QStringLiteral("Audit log entry 3 ")));
    }
}

TEST_CASE("a chain rewritten consistently passes alone and is caught by a noted head",
          "[file][storage][audit]")
{
    TempRegister reg;
    const qint64 id = seed(reg);
    const VerifyReport before = Verifier::verify(*reg.db);
    REQUIRE(before.ok());
    REQUIRE(before.headId == 4);
    CHECK(before.headHash ==
          reg.db->scalar(QStringLiteral("SELECT hash FROM audit_log WHERE id = 4")).toString());
    const AuditAnchor noted{before.headId, before.headHash};
    CHECK(AuditAnchor::parse(QStringLiteral("4:") + before.headHash.toUpper())->hash == before.headHash);
    CHECK_FALSE(AuditAnchor::parse(QStringLiteral("4:abc")));
    CHECK(Verifier::verify(*reg.db, noted).ok());

    // Someone with the file and the source rewrites the problem's deadline, the entries that
    // logged it, and every hash from there to the end of the chain.
    reg.db.reset();
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("forger"));
        raw.setDatabaseName(reg.path);
        REQUIRE(raw.open());
        QSqlQuery q(raw);
        REQUIRE(q.exec(QStringLiteral("UPDATE problems SET deadline = '2020-12-31' WHERE id = %1").arg(id)));
        REQUIRE(q.exec(QStringLiteral("UPDATE audit_log SET after_json = replace(after_json, "
                                      "'\"deadline\":\"2020-07-10\"', '\"deadline\":\"2020-12-31\"') "
                                      "WHERE entity = 'problems'")));
        REQUIRE(
            q.exec(QStringLiteral("SELECT id, at, actor, entity, entity_id, action, before_json, after_json "
                                  "FROM audit_log ORDER BY id")));
        QString prev(64, u'0');
        QList<std::pair<qint64, std::pair<QString, QString>>> rewritten;
        while (q.next()) {
            const QString hash = AuditLog::chainHash(
                prev, q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                q.value(4).toLongLong(), q.value(5).toString(), q.value(6).toString(), q.value(7).toString());
            rewritten.append({q.value(0).toLongLong(), {prev, hash}});
            prev = hash;
        }
        for (const auto &[entry, hashes] : rewritten) {
            QSqlQuery u(raw);
            u.prepare(QStringLiteral("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?"));
            u.addBindValue(hashes.first);
            u.addBindValue(hashes.second);
            u.addBindValue(entry);
            REQUIRE(u.exec());
        }
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("forger"));
    reg.reopen();
    REQUIRE(reg.db->scalar(QStringLiteral("SELECT deadline FROM problems")).toString() ==
            QStringLiteral("2020-12-31"));
    // The limit of a self-contained chain: consistent forgery passes.
    CHECK(Verifier::verify(*reg.db).ok());
    // The head noted in the minutes does not.
    const VerifyReport report = Verifier::verify(*reg.db, noted);
    REQUIRE(report.faults.size() == 1);
    CHECK(report.faults.first().startsWith(QStringLiteral("Audit log entry 4 no longer has the hash noted")));
    // Cutting the log short below the noted entry is caught too.
    REQUIRE(reg.db->exec(QStringLiteral("DELETE FROM audit_log WHERE id = 4")).ok());
    CHECK(Verifier::verify(*reg.db, noted).faults.join(u'\n').contains(QStringLiteral("is missing")));
}

TEST_CASE("a backup is a verified, complete copy", "[file][storage][backup]")
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
