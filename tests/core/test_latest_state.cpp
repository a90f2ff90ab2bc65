#include <catch2/catch.hpp>

#include "demo/demoregister.h"
#include "demo/syntheticregister.h"
#include "stats/statistics.h"
#include "storage/auditlog.h"
#include "storage/schema.h"
#include "testsupport.h"
#include "workflow/problemservice.h"

#include <QFile>

using namespace rectrack::core;
using rectrack::test::TempRegister;

namespace {

/// Forces the history lookup while alive.
struct ForceHistory
{
    ForceHistory() { Statistics::setForceHistory(true); }
    ~ForceHistory() { Statistics::setForceHistory(false); }
};

QString countsText(const Counts &c)
{
    return QStringLiteral("%1/%2/%3/%4/%5/%6/%7/%8")
        .arg(c.problems)
        .arg(c.measures)
        .arg(c.completed)
        .arg(c.closedOut)
        .arg(c.longTerm)
        .arg(c.inProgress)
        .arg(c.registered)
        .arg(c.overdue);
}

/// Every figure of a statistics result, one line per group, the total first.
QStringList statsText(Database &db, const QDate &asOf, GroupBy by)
{
    auto r = Statistics::compute(db, asOf, by);
    REQUIRE(r.ok());
    QStringList out{QStringLiteral("total ") + countsText(r->total)};
    for (const GroupCounts &g : r->groups)
        out << g.key + u' ' + countsText(g.counts);
    auto overdue = Statistics::overdue(db, asOf);
    REQUIRE(overdue.ok());
    for (const OverdueItem &it : *overdue)
        out << QStringLiteral("overdue %1 %2 %3")
                   .arg(it.problemId)
                   .arg(toIso(it.deadline))
                   .arg(int(it.state));
    return out;
}

/// Rows of problem_latest_state that differ from the history's last entry by (changed_on, id),
/// both ways (a missing or a stale row counts).
int staleLatestRows(Database &db)
{
    return db
        .scalar(QStringLiteral(
            "WITH h AS (SELECT problem_id, changed_on, state FROM (SELECT problem_id, changed_on, state, "
            "row_number() OVER (PARTITION BY problem_id ORDER BY changed_on DESC, id DESC) AS rn FROM "
            "problem_states) WHERE rn = 1) SELECT (SELECT count(*) FROM (SELECT * FROM h EXCEPT SELECT "
            "problem_id, changed_on, state FROM problem_latest_state)) + (SELECT count(*) FROM (SELECT "
            "problem_id, changed_on, state FROM problem_latest_state EXCEPT SELECT * FROM h))"))
        .toInt();
}

/// Fast path (when it applies) and history path give the same figures for every grouping.
void checkBothPaths(Database &db, const QDate &asOf)
{
    INFO("as of " << toIso(asOf).toStdString());
    for (GroupBy by : {GroupBy::None, GroupBy::Round, GroupBy::Unit, GroupBy::Category, GroupBy::Leader}) {
        const QStringList fast = statsText(db, asOf, by);
        QStringList history;
        {
            ForceHistory force;
            CHECK_FALSE(Statistics::usesLatestState(db, asOf));
            history = statsText(db, asOf, by);
        }
        CHECK(fast.join(u'\n').toStdString() == history.join(u'\n').toStdString());
    }
}

QString newestChange(Database &db)
{
    return db.scalar(QStringLiteral("SELECT max(changed_on) FROM problem_states")).toString();
}

} // namespace

TEST_CASE("statistics after the newest state change read problem_latest_state, with the history's figures",
          "[statistics][scale]")
{
    TempRegister reg;
    REQUIRE(DemoRegister::build(*reg.db).ok());
    CHECK(staleLatestRows(*reg.db) == 0);
    const QDate newest = fromIso(newestChange(*reg.db));
    REQUIRE(newest.isValid());
    CHECK(Statistics::usesLatestState(*reg.db, newest));
    CHECK(Statistics::usesLatestState(*reg.db, newest.addYears(3)));
    CHECK_FALSE(Statistics::usesLatestState(*reg.db, newest.addDays(-1)));

    for (const QDate &d : {newest, newest.addYears(3), reg.db->defaultAsOf(), newest.addDays(-1)})
        checkBothPaths(*reg.db, d);
    const auto total = Statistics::compute(*reg.db, newest.addYears(3));
    REQUIRE(total.ok());
    CHECK(total->total.problems ==
          reg.db->scalar(QStringLiteral("SELECT count(*) FROM problems WHERE deleted_at IS NULL"))
              .toLongLong());
}

TEST_CASE("problem_latest_state follows inserted, back-dated, edited and removed state changes",
          "[statistics][scale]")
{
    TempRegister reg;
    REQUIRE(SyntheticRegister::generate(*reg.db, 300, 11).ok());
    CHECK(staleLatestRows(*reg.db) == 0);
    CHECK(reg.db->scalar(QStringLiteral("SELECT count(*) FROM problem_latest_state")).toInt() ==
          reg.db->scalar(QStringLiteral("SELECT count(DISTINCT problem_id) FROM problem_states")).toInt());
    const QDate end = fromIso(newestChange(*reg.db));
    REQUIRE(end > QDate(2017, 1, 1));
    checkBothPaths(*reg.db, end);
    checkBothPaths(*reg.db, end.addMonths(-6));

    // A closed-out problem gets a back-dated entry: its last entry by date stays the close-out.
    const qint64 closed =
        reg.db->scalar(QStringLiteral("SELECT min(id) FROM problems WHERE state = 'closed_out'"))
            .toLongLong();
    REQUIRE(closed > 0);
    const QString closedOn =
        reg.db
            ->scalar(QStringLiteral("SELECT changed_on FROM problem_latest_state WHERE problem_id = ?"),
                     {closed})
            .toString();
    ProblemService service(*reg.db);
    {
        Transaction tx(*reg.db);
        REQUIRE(service.writeState(closed, ProblemState::InProgress, fromIso(closedOn).addDays(-3)).ok());
        REQUIRE(tx.commit().ok());
    }
    CHECK(
        reg.db
            ->scalar(QStringLiteral("SELECT state FROM problem_latest_state WHERE problem_id = ?"), {closed})
            .toString() == QStringLiteral("closed_out"));
    CHECK(staleLatestRows(*reg.db) == 0);
    checkBothPaths(*reg.db, end);

    // A registered problem (no history after its registration) moves on, dated at the end.
    const qint64 fresh =
        reg.db->scalar(QStringLiteral("SELECT min(id) FROM problems WHERE state = 'registered'"))
            .toLongLong();
    REQUIRE(fresh > 0);
    {
        Transaction tx(*reg.db);
        REQUIRE(service.writeState(fresh, ProblemState::InProgress, end).ok());
        REQUIRE(tx.commit().ok());
    }
    CHECK(
        reg.db->scalar(QStringLiteral("SELECT state FROM problem_latest_state WHERE problem_id = ?"), {fresh})
            .toString() == QStringLiteral("in_progress"));
    checkBothPaths(*reg.db, end);

    // Taken back (a history row removed), then an entry edited in place in the sqlite3 shell's way.
    REQUIRE(service.revertState(fresh, ProblemState::InProgress).ok());
    CHECK(
        reg.db->scalar(QStringLiteral("SELECT state FROM problem_latest_state WHERE problem_id = ?"), {fresh})
            .toString() == QStringLiteral("registered"));
    REQUIRE(
        reg.db
            ->exec(QStringLiteral("UPDATE problem_states SET changed_on = '2016-01-01' WHERE id = (SELECT "
                                  "max(id) FROM problem_states WHERE problem_id = ?)"),
                   {closed})
            .ok());
    CHECK(staleLatestRows(*reg.db) == 0);
    CHECK(
        reg.db
            ->scalar(QStringLiteral("SELECT state FROM problem_latest_state WHERE problem_id = ?"), {closed})
            .toString() == QStringLiteral("closed_out"));
    checkBothPaths(*reg.db, end);

    // After a dated change beyond every other, earlier dates take the history path.
    {
        Transaction tx(*reg.db);
        REQUIRE(service.writeState(fresh, ProblemState::InProgress, end.addDays(5)).ok());
        REQUIRE(tx.commit().ok());
    }
    CHECK_FALSE(Statistics::usesLatestState(*reg.db, end));
    CHECK(Statistics::usesLatestState(*reg.db, end.addDays(5)));
    checkBothPaths(*reg.db, end.addDays(5));

    // Deleting a problem removes its history and its latest row.
    REQUIRE(reg.db->exec(QStringLiteral("DELETE FROM problems WHERE id = ?"), {closed}).ok());
    CHECK(reg.db
              ->scalar(QStringLiteral("SELECT count(*) FROM problem_latest_state WHERE problem_id = ?"),
                       {closed})
              .toInt() == 0);
    CHECK(staleLatestRows(*reg.db) == 0);
}

TEST_CASE("the schema-1 fixture migrates with problem_latest_state filled and verifies",
          "[file][statistics][scale][schema]")
{
    TempRegister reg;
    REQUIRE(reg.replaceWith(QStringLiteral(RECTRACK_SOURCE_DIR "/tests/data/schema/v1.rtk")));
    auto db = Database::open(reg.path);
    REQUIRE(db.ok());
    CHECK((*db)->schemaVersion() == schema::kVersion);
    CHECK((*db)->scalar(QStringLiteral("SELECT count(*) FROM problem_latest_state")).toInt() == 3);
    CHECK(staleLatestRows(**db) == 0);
    CHECK(Verifier::verify(**db).faults == QStringList{});
    checkBothPaths(**db, QDate(2021, 1, 15));
}
