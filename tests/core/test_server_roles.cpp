// Logins and roles on a server register (issue #23): what each role may and may not read and
// write, through the program and through plain SQL as that login; stale saves; the retry of
// transient failures. Tagged [.pgonly]: registered only in the pg run (tests/CMakeLists.txt).
#include <catch2/catch.hpp>

#include "demo/demoregister.h"
#include "stats/statistics.h"
#include "storage/auditlog.h"
#include "storage/database.h"
#include "storage/postgres/accesscontrol.h"
#include "storage/postgres/serverlogins.h"
#include "testsupport.h"
#include "workflow/categoryservice.h"
#include "workflow/organizationservice.h"
#include "workflow/problemservice.h"
#include "workflow/supervisionservice.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

#include <stdexcept>

using namespace rectrack;
using namespace rectrack::core;
using namespace rectrack::test;

namespace {

const QString kUnit = QStringLiteral("市卫健委党组"); // 14 problems in the demo

std::unique_ptr<Database> openAs(const QString &url)
{
    auto r = Database::open(url);
    INFO((r ? QString() : r.error().message).toStdString());
    REQUIRE(r);
    return std::move(r).value();
}

/// The demo register on a fresh server database with one login per role, each with a password.
/// Login names carry a random suffix: logins are the whole server's, and tests run in parallel.
struct RoleRegister
{
    RoleRegister() : url(createServerDatabase())
    {
        auto r = Database::open(url, Database::OpenMode::CreateIfMissing);
        if (!r)
            throw std::runtime_error(r.error().message.toStdString());
        admin = std::move(r).value();
        if (const Status s = DemoRegister::build(*admin); !s)
            throw std::runtime_error(s.error().message.toStdString());
        const QString suffix = QString::number(QRandomGenerator::global()->generate64() % 1000000000, 36);
        for (const QString &kind : postgres::roleKinds()) {
            const QString login = kind + u'_' + suffix;
            logins.insert(kind, login);
            const Status s = ServerLogins::add(
                *admin, login, kind, kind == QLatin1String("unit") ? QStringList{kUnit} : QStringList(),
                password(kind));
            if (!s)
                throw std::runtime_error(s.error().message.toStdString());
        }
    }
    ~RoleRegister()
    {
        admin.reset();
        dropServerDatabase(url);
        ServerConnection server(pgAdminUrl());
        for (const QString &login : std::as_const(logins))
            server.exec(QStringLiteral("DROP ROLE IF EXISTS \"%1\"").arg(login));
    }
    static QString password(const QString &kind)
    {
        return QStringLiteral("pw-") + kind + QStringLiteral("-密码");
    }
    /// The URL of the login of role @p kind.
    QString as(const QString &kind) const { return serverUrlAs(url, logins.value(kind), password(kind)); }
    qint64 count(const QString &sql) { return admin->scalar(sql).toLongLong(); }

    QString url;
    std::unique_ptr<Database> admin;
    QHash<QString, QString> logins; ///< role kind → login
};

/// Whether @p sql, run as the login of @p url through plain SQL, is refused by the server.
bool refusedSql(const QString &url, const QString &sql)
{
    ServerConnection c(url);
    try {
        c.exec(sql);
    } catch (const std::runtime_error &) {
        return true;
    }
    return false;
}

qint64 countSql(const QString &url, const QString &sql)
{
    ServerConnection c(url);
    return c.scalar(sql).toLongLong();
}

/// A completed problem of @p unit whose measures are all finished (ready for the reviews).
qint64 completedProblemOf(Database &db, const QString &unit)
{
    return db
        .scalar(
            QStringLiteral("SELECT p.id FROM problems p JOIN units u ON u.id = p.unit_id WHERE u.name = ? "
                           "AND p.state = 'completed' AND p.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM "
                           "measures m WHERE m.problem_id = p.id AND m.state NOT IN ('completed', "
                           "'long_term')) ORDER BY p.id LIMIT 1"),
            {unit})
        .toLongLong();
}

} // namespace

TEST_CASE("server roles: a unit login sees and changes only its units' problems", "[.pgonly][server][roles]")
{
    REQUIRE(testOnServer());
    RoleRegister reg;
    const qint64 total = reg.count(QStringLiteral("SELECT count(*) FROM problems"));
    const qint64 mine = reg.count(QStringLiteral("SELECT count(*) FROM problems p JOIN units u ON u.id = "
                                                 "p.unit_id WHERE u.name = '市卫健委党组'"));
    REQUIRE(mine == 14);
    REQUIRE(total > 100);
    const QString unitUrl = reg.as(QStringLiteral("unit"));

    SECTION("through plain SQL")
    {
        CHECK(countSql(unitUrl, QStringLiteral("SELECT count(*) FROM problems")) == 14);
        CHECK(countSql(unitUrl, QStringLiteral("SELECT count(*) FROM problem_facts")) == 14);
        CHECK(countSql(unitUrl, QStringLiteral("SELECT count(*) FROM problem_tally")) == 0);
        CHECK(
            countSql(unitUrl, QStringLiteral("SELECT count(*) FROM measures")) ==
            reg.count(QStringLiteral("SELECT count(*) FROM measures m JOIN problems p ON p.id = m.problem_id "
                                     "JOIN units u ON u.id = p.unit_id WHERE u.name = '市卫健委党组'")));
        // The audit log: the entries of its problems and their rows, nothing of other units.
        const qint64 entries = reg.count(
            QStringLiteral("SELECT count(*) FROM audit_log a WHERE (CASE WHEN a.entity = 'problems' THEN "
                           "a.entity_id ELSE %1 END) IN (SELECT p.id FROM problems p JOIN units u ON u.id = "
                           "p.unit_id WHERE u.name = '市卫健委党组')")
                .arg(reg.admin->dialect().auditProblemId()));
        CHECK(entries > 14);
        CHECK(countSql(unitUrl, QStringLiteral("SELECT count(*) FROM audit_log")) == entries);
        CHECK(countSql(unitUrl, QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'units'")) ==
              0);
        // An update of every problem reaches its 14 only (a column it may write).
        {
            ServerConnection c(unitUrl);
            CHECK(c.scalar(QStringLiteral("WITH u AS (UPDATE problems SET note = note RETURNING 1) SELECT "
                                          "count(*) FROM u"))
                      .toLongLong() == 14);
        }
        CHECK(refusedSql(unitUrl, QStringLiteral("UPDATE problems SET description = 'x'")));
        CHECK(refusedSql(unitUrl, QStringLiteral("DELETE FROM problems")));
        CHECK(refusedSql(unitUrl, QStringLiteral("UPDATE problems SET deleted_at = '2021-01-01'")));
        CHECK(refusedSql(unitUrl, QStringLiteral("UPDATE problems SET state = 'closed_out'")));
        CHECK(refusedSql(unitUrl, QStringLiteral("SELECT count(*) FROM clues")));
        CHECK(refusedSql(unitUrl, QStringLiteral("SELECT count(*) FROM referrals")));
        CHECK(refusedSql(unitUrl, QStringLiteral("SELECT count(*) FROM login_history")));
        CHECK(refusedSql(unitUrl, QStringLiteral("UPDATE audit_log SET actor = 'x'")));
        // A measure moved to another unit's problem, or an entry that does not continue the chain.
        const qint64 otherProblem =
            reg.count(QStringLiteral("SELECT min(p.id) FROM problems p JOIN units u ON u.id = p.unit_id "
                                     "WHERE u.name <> '市卫健委党组'"));
        CHECK(refusedSql(unitUrl, QStringLiteral("UPDATE measures SET problem_id = %1").arg(otherProblem)));
        CHECK(refusedSql(unitUrl,
                         QStringLiteral("INSERT INTO audit_log (at, actor, entity, entity_id, action, "
                                        "prev_hash, hash) VALUES ('x', current_user, 'x', 1, 'x', 'x', "
                                        "'x')")));
        CHECK(reg.count(QStringLiteral("SELECT count(*) FROM problems WHERE description = 'x'")) == 0);
    }

    SECTION("through the program")
    {
        auto db = openAs(unitUrl);
        CHECK(db->actor() == reg.logins.value(QStringLiteral("unit")));
        CHECK(db->loginRoles() == QStringList{QStringLiteral("unit")});
        CHECK_FALSE(db->seesWholeRegister());
        auto stats = Statistics::compute(*db, DemoRegister::referenceDate());
        REQUIRE(stats);
        CHECK(stats->total.problems == 14);
        auto office = openAs(reg.as(QStringLiteral("office")));
        CHECK(office->seesWholeRegister());
        auto all = Statistics::compute(*office, DemoRegister::referenceDate());
        REQUIRE(all);
        CHECK(all->total.problems == total - reg.count(QStringLiteral("SELECT count(*) FROM problems WHERE "
                                                                      "deleted_at IS NOT NULL")));

        // Progress on its own problem: written, and the audit entry names the login.
        ProblemService problems(*db);
        const qint64 own = reg.count(QStringLiteral("SELECT min(p.id) FROM problems p JOIN units u ON u.id = "
                                                    "p.unit_id WHERE u.name = '市卫健委党组'"));
        auto entry = problems.addProgress(
            ProgressEntry{0, own, 0, QDate(2021, 1, 10), QStringLiteral("已召开专题会"), {}});
        REQUIRE(entry);
        CHECK(reg.admin->scalar(QStringLiteral("SELECT actor FROM audit_log ORDER BY id DESC LIMIT 1"))
                  .toString() == reg.logins.value(QStringLiteral("unit")));
        // Another unit's problem does not exist for it.
        const qint64 other = reg.count(QStringLiteral("SELECT min(p.id) FROM problems p JOIN units u ON u.id "
                                                      "= p.unit_id WHERE u.name <> '市卫健委党组'"));
        const qint64 before = reg.count(QStringLiteral("SELECT count(*) FROM progress_entries"));
        CHECK_FALSE(
            problems.addProgress(ProgressEntry{0, other, 0, QDate(2021, 1, 10), QStringLiteral("x"), {}}));
        CHECK(reg.count(QStringLiteral("SELECT count(*) FROM progress_entries")) == before);

        // Reviews 1 and 2 are the unit's; the third and close-out the office's.
        const qint64 done = completedProblemOf(*reg.admin, kUnit);
        REQUIRE(done > 0);
        SupervisionService unitSupervision(*db);
        // Reviews since the last completion: dated after it.
        const QDate day = DemoRegister::referenceDate();
        REQUIRE(unitSupervision.addReview(
            Review{0, done, ReviewStep::UnitLeader, QStringLiteral("张"), day, true, {}}));
        REQUIRE(unitSupervision.addReview(
            Review{0, done, ReviewStep::UnitGroup, QStringLiteral("李"), day, true, {}}));
        auto third = unitSupervision.addReview(
            Review{0, done, ReviewStep::InspectionOffice, QStringLiteral("王"), day, true, {}});
        REQUIRE_FALSE(third);
        CHECK(third.error().code == ErrorCode::InputRefused);
        CHECK(third.error().message.contains(QStringLiteral("inspection office")));
        SupervisionService officeSupervision(*office);
        REQUIRE(officeSupervision.addReview(
            Review{0, done, ReviewStep::InspectionOffice, QStringLiteral("王"), day, true, {}}));
        const Status closeByUnit = unitSupervision.closeOut(done, day);
        REQUIRE_FALSE(closeByUnit);
        CHECK(closeByUnit.error().code == ErrorCode::InputRefused);
        CHECK(
            closeByUnit.error().message.contains(QStringLiteral("Only the inspection office may close out")));
        CHECK(
            reg.admin->scalar(QStringLiteral("SELECT state FROM problems WHERE id = ?"), {done}).toString() ==
            QStringLiteral("completed"));
        REQUIRE(officeSupervision.closeOut(done, day));
        CHECK(
            reg.admin->scalar(QStringLiteral("SELECT state FROM problems WHERE id = ?"), {done}).toString() ==
            QStringLiteral("closed_out"));
        // Deleting is the office's too.
        const Status deleted = problems.deleteProblem(own);
        REQUIRE_FALSE(deleted);
        CHECK(deleted.error().message.contains(QStringLiteral("Only the inspection office may delete")));

        const VerifyReport report = Verifier::verify(*reg.admin);
        INFO(report.faults.join(u'\n').toStdString());
        CHECK(report.ok());
    }
}

TEST_CASE("server roles: leader, auditor, security and system administrators", "[.pgonly][server][roles]")
{
    REQUIRE(testOnServer());
    RoleRegister reg;
    const qint64 total = reg.count(QStringLiteral("SELECT count(*) FROM problems"));
    const qint64 entries = reg.count(QStringLiteral("SELECT count(*) FROM audit_log"));

    SECTION("leader: reads everything a report needs, writes nothing")
    {
        const QString url = reg.as(QStringLiteral("leader"));
        CHECK(countSql(url, QStringLiteral("SELECT count(*) FROM problems")) == total);
        CHECK(countSql(url, QStringLiteral("SELECT count(*) FROM clues")) ==
              reg.count(QStringLiteral("SELECT count(*) FROM clues")));
        CHECK(refusedSql(url, QStringLiteral("UPDATE problems SET note = note")));
        CHECK(refusedSql(url, QStringLiteral("INSERT INTO units (name, uuid) VALUES ('x', 'x')")));
        auto db = openAs(url);
        CHECK(db->seesWholeRegister());
        auto stats = Statistics::compute(*db, DemoRegister::referenceDate());
        REQUIRE(stats);
        CHECK(stats->total.problems > 100);
        ProblemService problems(*db);
        auto refused =
            problems.addProgress(ProgressEntry{0,
                                               reg.count(QStringLiteral("SELECT min(id) FROM problems")),
                                               0,
                                               QDate(2021, 1, 10),
                                               QStringLiteral("x"),
                                               {}});
        REQUIRE_FALSE(refused);
        CHECK(refused.error().code == ErrorCode::InputRefused);
        CHECK(reg.count(QStringLiteral("SELECT count(*) FROM audit_log")) == entries);
    }
    SECTION("auditor: the audit log and the login history, nothing else")
    {
        const QString url = reg.as(QStringLiteral("auditor"));
        auto db = openAs(url); // recorded in the login history
        CHECK(db->loginRoles() == QStringList{QStringLiteral("auditor")});
        CHECK(countSql(url, QStringLiteral("SELECT count(*) FROM audit_log")) == entries);
        CHECK(countSql(url,
                       QStringLiteral("SELECT count(*) FROM login_history WHERE login = current_user")) >= 1);
        CHECK(refusedSql(url, QStringLiteral("SELECT count(*) FROM problems")));
        CHECK(refusedSql(url, QStringLiteral("SELECT count(*) FROM measures")));
        CHECK(refusedSql(url, QStringLiteral("DELETE FROM login_history")));
        CHECK_FALSE(Statistics::compute(*db, DemoRegister::referenceDate()));
        auto logins = ServerLogins::list(*db);
        REQUIRE(logins);
        CHECK(logins->size() == 6);
        CHECK_FALSE(
            ServerLogins::add(*db, QStringLiteral("x_auditor_made"), QStringLiteral("office"), {}, {}));
    }
    SECTION("security administrator: logins and roles, nothing else")
    {
        const QString url = reg.as(QStringLiteral("secadmin"));
        CHECK(refusedSql(url, QStringLiteral("SELECT count(*) FROM problems")));
        CHECK(refusedSql(url, QStringLiteral("SELECT count(*) FROM audit_log")));
        CHECK(refusedSql(url, QStringLiteral("SELECT count(*) FROM login_history")));
        auto db = openAs(url);
        const QString login = QStringLiteral("made_") + reg.logins.value(QStringLiteral("unit"));
        const Status unknown = ServerLogins::add(*db, login, QStringLiteral("unit"),
                                                 {QStringLiteral("没有这个单位")}, QStringLiteral("p"));
        REQUIRE_FALSE(unknown);
        CHECK(unknown.error().message.contains(QStringLiteral("没有这个单位")));
        CHECK_FALSE(ServerLogins::add(*db, login, QStringLiteral("root"), {}, QStringLiteral("p")));
        CHECK_FALSE(ServerLogins::add(*db, login, QStringLiteral("unit"), {}, QStringLiteral("p")));
        CHECK_FALSE(ServerLogins::add(*db, QStringLiteral("postgres"), QStringLiteral("office"), {}, {}));
        // 22 Chinese characters are 66 bytes: the server would cut the name at 63.
        const Status tooLong =
            ServerLogins::add(*db, QString(22, QChar(0x738B)), QStringLiteral("office"), {}, {});
        REQUIRE_FALSE(tooLong);
        CHECK(tooLong.error().message.contains(QStringLiteral("at most 63 bytes")));
        CHECK(reg.count(QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname LIKE '王王王%'")) == 0);
        REQUIRE(ServerLogins::add(*db, login, QStringLiteral("unit"), {kUnit}, QStringLiteral("新密码")));
        auto logins = ServerLogins::list(*db);
        REQUIRE(logins);
        bool listed = false;
        for (const ServerLogin &l : *logins)
            listed = listed ||
                     (l.login == login && l.role == QLatin1String("unit") && l.units == QStringList{kUnit});
        CHECK(listed);
        CHECK(countSql(serverUrlAs(reg.url, login, QStringLiteral("新密码")),
                       QStringLiteral("SELECT count(*) FROM problems")) == 14);
        // The password is checked (scram-sha-256 in the test server's pg_hba.conf).
        CHECK_FALSE(Database::open(serverUrlAs(reg.url, login, QStringLiteral("wrong"))));
        REQUIRE(ServerLogins::remove(*db, login));
        CHECK(reg.count(QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = '%1'").arg(login)) ==
              0);
        CHECK_FALSE(ServerLogins::remove(*db, login));
    }
    SECTION("system administrator: reference data, reads the rest for backups, no problem edits")
    {
        const QString url = reg.as(QStringLiteral("sysadmin"));
        CHECK(countSql(url, QStringLiteral("SELECT count(*) FROM problems")) == total);
        CHECK(refusedSql(url, QStringLiteral("UPDATE problems SET note = note")));
        CHECK(refusedSql(url, QStringLiteral("SELECT count(*) FROM login_history")));
        auto db = openAs(url);
        CategoryService categories(*db);
        const qint64 before = reg.count(QStringLiteral("SELECT count(*) FROM categories"));
        REQUIRE(categories.add(QStringLiteral("新增类别")));
        CHECK(reg.count(QStringLiteral("SELECT count(*) FROM categories")) == before + 1);
        CHECK(reg.admin->scalar(QStringLiteral("SELECT actor FROM audit_log ORDER BY id DESC LIMIT 1"))
                  .toString() == reg.logins.value(QStringLiteral("sysadmin")));
        const VerifyReport report = Verifier::verify(*reg.admin);
        INFO(report.faults.join(u'\n').toStdString());
        CHECK(report.ok());
    }
    SECTION("a login without a role in this register cannot open it")
    {
        ServerConnection server(pgAdminUrl());
        const QString stranger = QStringLiteral("stranger_") + reg.logins.value(QStringLiteral("unit"));
        server.exec(QStringLiteral("CREATE ROLE \"%1\" LOGIN PASSWORD 'pw'").arg(stranger));
        auto r = Database::open(serverUrlAs(reg.url, stranger, QStringLiteral("pw")));
        server.exec(QStringLiteral("DROP ROLE \"%1\"").arg(stranger));
        REQUIRE_FALSE(r);
        INFO(r.error().message.toStdString());
        CHECK(r.error().code == ErrorCode::CannotOpen);
        CHECK(r.error().message.contains(QStringLiteral("has no role in the register")));
    }
}

TEST_CASE("server roles: two saves of one problem from the same version, the second refused with the first's "
          "change",
          "[.pgonly][server][roles]")
{
    REQUIRE(testOnServer());
    RoleRegister reg;
    const QString second = QStringLiteral("office2_") + reg.logins.value(QStringLiteral("office"));
    REQUIRE(ServerLogins::add(*reg.admin, second, QStringLiteral("office"), {}, QStringLiteral("pw2")));
    auto a = openAs(reg.as(QStringLiteral("office")));
    auto b = openAs(serverUrlAs(reg.url, second, QStringLiteral("pw2")));
    const qint64 id = reg.count(QStringLiteral("SELECT min(id) FROM problems"));
    ProblemService pa(*a);
    ProblemService pb(*b);
    auto mineA = pa.problem(id);
    auto mineB = pb.problem(id);
    REQUIRE(mineA);
    REQUIRE(mineB);
    REQUIRE(mineA->version == mineB->version);
    const QString oldDescription = mineA->description;
    mineA->description = QStringLiteral("甲修改的问题描述");
    REQUIRE(pa.updateProblem(*mineA));
    mineB->note = QStringLiteral("乙的备注");
    const Status refused = pb.updateProblem(*mineB);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().staleEdit);
    CHECK(refused.error().message.contains(reg.logins.value(QStringLiteral("office"))));
    const QJsonObject change = QJsonDocument::fromJson(refused.error().staleChange.toUtf8()).object();
    CHECK(change.value(QLatin1String("actor")).toString() == reg.logins.value(QStringLiteral("office")));
    const QJsonObject fields = change.value(QLatin1String("fields")).toObject();
    CHECK(fields.keys() == QStringList{QStringLiteral("description")});
    CHECK(fields.value(QLatin1String("description")).toObject().value(QLatin1String("was")).toString() ==
          oldDescription);
    CHECK(fields.value(QLatin1String("description")).toObject().value(QLatin1String("now")).toString() ==
          QStringLiteral("甲修改的问题描述"));
    // Nothing lost: B reloads, keeps its note, saves; both changes are in the row.
    auto reloaded = pb.problem(id);
    REQUIRE(reloaded);
    reloaded->note = mineB->note;
    REQUIRE(pb.updateProblem(*reloaded));
    CHECK(reg.admin
              ->scalar(QStringLiteral("SELECT description || '|' || note FROM problems WHERE id = ?"), {id})
              .toString() == QStringLiteral("甲修改的问题描述|乙的备注"));
    b.reset();
    REQUIRE(ServerLogins::remove(*reg.admin, second));
}

TEST_CASE("server roles: a transient failure is retried, the transaction runs once",
          "[.pgonly][server][roles]")
{
    REQUIRE(testOnServer());
    RoleRegister reg;
    const qint64 id = reg.count(QStringLiteral("SELECT min(id) FROM problems"));
    ServerConnection server(reg.url);
    // Fails the first @p n inserts of progress entries with @p code, then lets them through.
    server.exec(QStringLiteral("SET client_min_messages = warning"));
    auto inject = [&](const QString &code, int n) {
        server.exec(QStringLiteral("DROP TRIGGER IF EXISTS t_fail ON progress_entries"));
        server.exec(QStringLiteral("DROP SEQUENCE IF EXISTS t_fail"));
        server.exec(QStringLiteral("CREATE SEQUENCE t_fail"));
        server.exec(QStringLiteral("CREATE OR REPLACE FUNCTION t_fail_once() RETURNS trigger LANGUAGE "
                                   "plpgsql SECURITY DEFINER AS $$ "
                                   "BEGIN IF nextval('t_fail') <= %1 THEN RAISE EXCEPTION 'injected' USING "
                                   "ERRCODE = '%2'; END IF; RETURN NEW; END $$")
                        .arg(n)
                        .arg(code));
        server.exec(
            QStringLiteral("CREATE TRIGGER t_fail BEFORE INSERT ON progress_entries FOR EACH ROW EXECUTE "
                           "FUNCTION t_fail_once()"));
    };
    auto db = openAs(reg.as(QStringLiteral("office")));
    ProblemService problems(*db);
    const qint64 before = reg.count(QStringLiteral("SELECT count(*) FROM progress_entries"));
    const qint64 entries = reg.count(QStringLiteral("SELECT count(*) FROM audit_log"));
    SECTION("serialization failure, then deadlock: run again, once each")
    {
        inject(QStringLiteral("40001"), 2);
        REQUIRE(
            problems.addProgress(ProgressEntry{0, id, 0, QDate(2021, 1, 10), QStringLiteral("第一次"), {}}));
        CHECK(server.scalar(QStringLiteral("SELECT last_value FROM t_fail")).toInt() == 3);
        inject(QStringLiteral("40P01"), 1);
        REQUIRE(
            problems.addProgress(ProgressEntry{0, id, 0, QDate(2021, 1, 11), QStringLiteral("第二次"), {}}));
        CHECK(reg.count(QStringLiteral("SELECT count(*) FROM progress_entries")) == before + 2);
        const VerifyReport report = Verifier::verify(*reg.admin);
        INFO(report.faults.join(u'\n').toStdString());
        CHECK(report.ok());
    }
    SECTION("a failure that persists: five attempts, then the error, nothing written")
    {
        inject(QStringLiteral("40001"), 100);
        auto r = problems.addProgress(ProgressEntry{0, id, 0, QDate(2021, 1, 10), QStringLiteral("x"), {}});
        REQUIRE_FALSE(r);
        INFO(r.error().message.toStdString());
        CHECK(r.error().transient);
        CHECK(server.scalar(QStringLiteral("SELECT last_value FROM t_fail")).toInt() == 5);
        CHECK(reg.count(QStringLiteral("SELECT count(*) FROM progress_entries")) == before);
        CHECK(reg.count(QStringLiteral("SELECT count(*) FROM audit_log")) == entries);
    }
    SECTION("another error is not retried")
    {
        inject(QStringLiteral("22000"), 100);
        REQUIRE_FALSE(
            problems.addProgress(ProgressEntry{0, id, 0, QDate(2021, 1, 10), QStringLiteral("x"), {}}));
        CHECK(server.scalar(QStringLiteral("SELECT last_value FROM t_fail")).toInt() == 1);
    }
}
