// Live updates on a server register (issue #24): every committed change of an audited table sends a
// notification on the channel "rectrack" carrying only table, id and version, at COMMIT; a rolled
// back change sends none; a transaction of many rows sends 200 and then one "*"; a register of
// schema 7 gets the triggers by its migration step. Tagged [.pgonly]: the pg run only.
#include <catch2/catch.hpp>

#include "storage/auditlog.h"
#include "storage/database.h"
#include "storage/postgres/postgresschema.h"
#include "storage/schema.h"
#include "testsupport.h"
#include "workflow/organizationservice.h"
#include "workflow/problemservice.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDriver>
#include <QUrl>

using namespace rectrack;
using namespace rectrack::core;
using namespace rectrack::test;

namespace {

/// A second connection to the register that LISTENs and collects the payloads it receives.
struct Listener
{
    explicit Listener(const QString &url)
    {
        auto r = Database::open(url);
        REQUIRE(r);
        db = std::move(r).value();
        QSqlDriver *driver = db->sql().driver();
        REQUIRE(driver->subscribeToNotification(postgres::kChangeChannel));
        QObject::connect(driver, &QSqlDriver::notification, driver,
                         [this](const QString &, QSqlDriver::NotificationSource, const QVariant &payload) {
                             payloads << QJsonDocument::fromJson(payload.toString().toUtf8()).object();
                         });
    }
    /// Waits up to @p ms for at least @p n payloads (a little longer for any that follow).
    QList<QJsonObject> wait(int n, int ms = 3000)
    {
        QElapsedTimer t;
        t.start();
        while (payloads.size() < n && t.elapsed() < ms)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        const qint64 settle = t.elapsed() + 200;
        while (t.elapsed() < settle)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        return std::exchange(payloads, {});
    }
    std::unique_ptr<Database> db;
    QList<QJsonObject> payloads;
};

} // namespace

TEST_CASE("a server register notifies every committed change with only table, id and version",
          "[.pgonly][server][live]")
{
    REQUIRE(testOnServer());
    TempRegister reg;
    Listener listener(reg.path);
    OrganizationService org(*reg.db);

    const qint64 unit = *org.ensureUnit(QStringLiteral("市卫健委党组"), QStringLiteral("市直单位"));
    QList<QJsonObject> got = listener.wait(1);
    REQUIRE(got.size() == 1);
    CHECK(got[0].keys() ==
          QStringList{QStringLiteral("id"), QStringLiteral("table"), QStringLiteral("version")});
    CHECK(got[0].value(QLatin1String("table")).toString() == QStringLiteral("units"));
    CHECK(got[0].value(QLatin1String("id")).toInteger() == unit);
    CHECK(got[0].value(QLatin1String("version")).isNull());

    // A problem: its row and its measure's, each with its version; an update sends the new version.
    Problem p;
    p.unitId = unit;
    p.description = QStringLiteral("通知只带编号和版本，不带内容");
    p.feedbackDate = QDate(2021, 1, 15);
    Measure m;
    m.content = QStringLiteral("措施一");
    const qint64 id = *ProblemService(*reg.db).registerProblem(p, {m});
    got = listener.wait(2);
    QStringList tables;
    for (const QJsonObject &o : got) {
        tables << o.value(QLatin1String("table")).toString();
        // Never data: no description or content travels.
        CHECK_FALSE(QJsonDocument(o).toJson().contains("通知"));
    }
    CHECK(tables.contains(QStringLiteral("problems")));
    CHECK(tables.contains(QStringLiteral("measures")));
    Problem stored = *ProblemService(*reg.db).problem(id);
    stored.note = QStringLiteral("改一下");
    REQUIRE(ProblemService(*reg.db).updateProblem(stored));
    got = listener.wait(1);
    REQUIRE(got.size() == 1);
    CHECK(got[0].value(QLatin1String("table")).toString() == QStringLiteral("problems"));
    CHECK(got[0].value(QLatin1String("id")).toInteger() == id);
    CHECK(got[0].value(QLatin1String("version")).toInteger() == stored.version + 1);

    // Rolled back: nothing.
    {
        Transaction tx(*reg.db);
        REQUIRE(tx.active());
        REQUIRE(org.ensureUnit(QStringLiteral("回滚单位"), QString()));
        tx.rollback();
    }
    CHECK(listener.wait(1, 500).isEmpty());

    // 250 rows in one transaction: the first 200, then one "*".
    const Status many = withTransaction(*reg.db, [&]() -> Status {
        for (int i = 0; i < 250; ++i)
            if (auto r = org.ensureUnit(QStringLiteral("单位%1").arg(i), QString()); !r)
                return r.error();
        return okStatus();
    });
    REQUIRE(many);
    got = listener.wait(201);
    REQUIRE(got.size() == 201);
    CHECK(got.last().value(QLatin1String("table")).toString() == QStringLiteral("*"));
    CHECK(got.first().value(QLatin1String("table")).toString() == QStringLiteral("units"));
}

TEST_CASE("a server register of schema 7 gets the live-update triggers by its migration",
          "[.pgonly][server][live]")
{
    REQUIRE(testOnServer());
    TempRegister reg;
    const QString triggers = QStringLiteral("SELECT count(*) FROM pg_trigger WHERE tgname = 'rt_notify'");
    CHECK(reg.db->scalar(triggers).toInt() == schema::auditedTables().size());
    {
        ServerConnection admin(reg.path);
        admin.exec(QStringLiteral("DROP FUNCTION rt_notify_change() CASCADE"));
        admin.exec(QStringLiteral("UPDATE schema_version SET version = 7"));
    }
    reg.reopen();
    CHECK(reg.db->schemaVersion() == schema::kVersion);
    CHECK(reg.db->scalar(triggers).toInt() == schema::auditedTables().size());
    // Owned by the register's owner role and a checking function like the others.
    CHECK(
        reg.db
            ->scalar(QStringLiteral("SELECT pg_get_userbyid(proowner) || ' ' || prosecdef FROM pg_proc WHERE "
                                    "proname = 'rt_notify_change'"))
            .toString() == QStringLiteral("%1_owner true").arg(QUrl(reg.path).path().mid(1)));
}

TEST_CASE("a server register of schema 9 gets step 10's trigger conditions and deferring functions",
          "[.pgonly][server]")
{
    REQUIRE(testOnServer());
    TempRegister reg;
    // The rt_notify trigger of every audited table, the audit chain check and the three guards, and
    // (step 11 → 12) the statistics triggers of a new state, problem and measure.
    const QString conditioned =
        QStringLiteral("SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal AND tgqual IS NOT NULL");
    const int expected = int(schema::auditedTables().size()) + 4 + 3;
    CHECK(reg.db->scalar(conditioned).toInt() == expected);
    const QString function = QStringLiteral(
        "SELECT pg_get_userbyid(proowner) || ' ' || prosecdef || ' ' || (proconfig IS NOT NULL) || ' ' || "
        "(position('rt_deferred(NEW.problem_id)' in prosrc) > 0) FROM pg_proc WHERE proname = "
        "'rt_problem_states_trigger'");
    const QString owner = QUrl(reg.path).path().mid(1) + QStringLiteral("_owner");
    CHECK(reg.db->scalar(function).toString() == owner + QStringLiteral(" true true true"));
    {
        // Back to schema 9: the triggers without their conditions, the state trigger's old body
        // (CREATE OR REPLACE also drops SECURITY DEFINER and the search path).
        ServerConnection admin(reg.path);
        admin.exec(QStringLiteral(
            "DO $$ DECLARE r record; BEGIN FOR r IN SELECT pg_get_triggerdef(oid) AS def FROM pg_trigger "
            "WHERE "
            "NOT tgisinternal AND tgqual IS NOT NULL LOOP EXECUTE replace(regexp_replace(r.def, ' WHEN "
            "\\(.*\\) "
            "EXECUTE', ' EXECUTE'), 'CREATE TRIGGER', 'CREATE OR REPLACE TRIGGER'); END LOOP; END $$"));
        admin.exec(QStringLiteral(
            "CREATE OR REPLACE FUNCTION rt_problem_states_trigger() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN IF TG_OP <> 'INSERT' THEN PERFORM rt_latest_state(OLD.problem_id); END IF; IF TG_OP <> "
            "'DELETE' THEN PERFORM rt_latest_state(NEW.problem_id); END IF; RETURN NULL; END $$"));
        admin.exec(QStringLiteral("UPDATE schema_version SET version = 9"));
    }
    CHECK(reg.db->scalar(conditioned).toInt() == 0);
    CHECK(reg.db->scalar(function).toString() == owner + QStringLiteral(" false false false"));
    reg.reopen();
    CHECK(reg.db->schemaVersion() == schema::kVersion);
    CHECK(reg.db->scalar(conditioned).toInt() == expected);
    CHECK(reg.db->scalar(function).toString() == owner + QStringLiteral(" true true true"));
    // The migrated register still works: a problem with its state, its statistics rows, its chain.
    ProblemService ps(*reg.db);
    auto unit = OrganizationService(*reg.db).ensureUnit(QStringLiteral("市农业农村局"));
    REQUIRE(unit);
    Problem p;
    p.unitId = *unit;
    p.description = QStringLiteral("台账不全");
    p.feedbackDate = QDate(2021, 1, 15);
    auto id = ps.registerProblem(p);
    REQUIRE(id);
    REQUIRE(ps.writeState(*id, ProblemState::InProgress, QDate(2021, 2, 1)).ok());
    CHECK(reg.db
              ->scalar(QStringLiteral("SELECT state || ' ' || changed_on FROM problem_latest_state WHERE "
                                      "problem_id = ?"),
                       {*id})
              .toString() == QStringLiteral("in_progress 2021-02-01"));
    CHECK(Verifier::verify(*reg.db).ok());
}
