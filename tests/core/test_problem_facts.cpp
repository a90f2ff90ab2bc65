#include <catch2/catch.hpp>

#include "demo/demoregister.h"
#include "demo/syntheticregister.h"
#include "io/ledgerimporter.h"
#include "stats/statistics.h"
#include "storage/auditlog.h"
#include "storage/problemfacts.h"
#include "storage/schema.h"
#include "testsupport.h"
#include "workflow/problemservice.h"
#include "workflow/supervisionservice.h"

#include <QFile>

using namespace rectrack::core;
using rectrack::test::TempRegister;

// Schema step 4: problem_facts and problem_tally, and the statistics read from them (the tally for
// the dashboard, a scan of the facts otherwise), against the history lookups of the problems table.

namespace {

/// Forces the history lookup while alive.
struct HistoryOnly
{
    HistoryOnly() { Statistics::setForceHistory(true); }
    ~HistoryOnly() { Statistics::setForceHistory(false); }
};

QString figures(const Counts &c)
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

/// Every figure of a statistics result (total, one line per group) and the overdue list.
QString allFigures(Database &db, const QDate &asOf, GroupBy by, const StatsFilter &filter = {})
{
    auto r = Statistics::compute(db, asOf, by, filter);
    REQUIRE(r.ok());
    QStringList out{QStringLiteral("total ") + figures(r->total)};
    for (const GroupCounts &g : r->groups)
        out << g.key + u' ' + figures(g.counts);
    auto overdue = Statistics::overdue(db, asOf, filter);
    REQUIRE(overdue.ok());
    for (const OverdueItem &it : *overdue)
        out << QStringLiteral("overdue %1 %2 %3 %4 %5")
                   .arg(it.problemId)
                   .arg(toIso(it.deadline))
                   .arg(int(it.state))
                   .arg(it.unit, it.responsiblePerson);
    return out.join(u'\n');
}

/// The fast paths give the history's figures on @p asOf for every grouping, with and without a
/// filter; returns the number of groupings compared.
int compareWithHistory(Database &db, const QDate &asOf)
{
    INFO("as of " << toIso(asOf).toStdString());
    StatsFilter unit;
    unit.unit = db.scalar(QStringLiteral("SELECT name FROM units ORDER BY id LIMIT 1")).toString();
    StatsFilter source;
    source.source = SourceLevel::Municipal;
    int compared = 0;
    for (const StatsFilter &filter : {StatsFilter{}, unit, source}) {
        for (GroupBy by : {GroupBy::None, GroupBy::Round, GroupBy::Unit, GroupBy::Office, GroupBy::Source,
                           GroupBy::Category, GroupBy::Kind, GroupBy::Leader}) {
            const QString fast = allFigures(db, asOf, by, filter);
            QString history;
            {
                HistoryOnly force;
                CHECK_FALSE(Statistics::usesTally(db, asOf));
                history = allFigures(db, asOf, by, filter);
            }
            CHECK(fast.toStdString() == history.toStdString());
            ++compared;
        }
    }
    return compared;
}

int staleFacts(Database &db)
{
    return int(ProblemFactsDeferral::staleFacts(db));
}

int staleTally(Database &db)
{
    return int(ProblemFactsDeferral::staleTally(db));
}

/// Both derived tables equal their recomputation.
void checkDerived(Database &db)
{
    CHECK(staleFacts(db) == 0);
    CHECK(staleTally(db) == 0);
    CHECK(ProblemFactsDeferral::staleLatestStates(db) == 0);
    CHECK(db.scalar(QStringLiteral("SELECT count(*) FROM problem_facts")).toLongLong() ==
          db.scalar(QStringLiteral("SELECT count(*) FROM problems WHERE deleted_at IS NULL")).toLongLong());
}

qint64 number(Database &db, const QString &sql, const QVariantList &binds = {})
{
    return db.scalar(sql, binds).toLongLong();
}

} // namespace

TEST_CASE("the demo's statistics from problem_tally and problem_facts equal the history's",
          "[statistics][scale]")
{
    TempRegister reg;
    REQUIRE(DemoRegister::build(*reg.db).ok());
    checkDerived(*reg.db);
    const QDate ref = reg.db->defaultAsOf();
    CHECK(Statistics::usesTally(*reg.db, ref));
    const QString newest =
        reg.db->scalar(QStringLiteral("SELECT max(changed_on) FROM problem_states")).toString();
    CHECK_FALSE(Statistics::usesTally(*reg.db, fromIso(newest).addDays(-1)));
    int compared = 0;
    for (const QDate &d : {ref, ref.addYears(2), fromIso(newest).addDays(-1), QDate(2020, 9, 30),
                           QDate(2020, 3, 1), QDate(2019, 1, 1)})
        compared += compareWithHistory(*reg.db, d);
    CHECK(compared == 6 * 3 * 8);
}

TEST_CASE("problem_facts and problem_tally follow every kind of change, and the figures stay the history's",
          "[statistics][scale]")
{
    TempRegister reg;
    REQUIRE(SyntheticRegister::generate(*reg.db, 300, 11).ok()); // facts deferred, filled once
    checkDerived(*reg.db);
    CHECK(number(*reg.db, QStringLiteral("SELECT count(*) FROM problem_facts")) == 300);
    CHECK(number(*reg.db, QStringLiteral("SELECT sum(measures) FROM problem_facts")) ==
          number(*reg.db, QStringLiteral("SELECT count(*) FROM measures")));
    const QDate end =
        fromIso(reg.db->scalar(QStringLiteral("SELECT max(changed_on) FROM problem_states")).toString());
    REQUIRE(end > QDate(2018, 6, 1));
    const QDate past = end.addMonths(-5);
    auto compareAll = [&] {
        checkDerived(*reg.db);
        CHECK(Statistics::usesTally(*reg.db, end.addDays(30)));
        compareWithHistory(*reg.db, end.addDays(30));
        compareWithHistory(*reg.db, past);
    };
    compareAll();
    ProblemService problems(*reg.db);
    SupervisionService supervision(*reg.db);
    const qint64 open = number(
        *reg.db, QStringLiteral("SELECT min(problem_id) FROM problem_facts WHERE state = 'in_progress'"));
    const qint64 closed = number(
        *reg.db, QStringLiteral("SELECT min(problem_id) FROM problem_facts WHERE state = 'closed_out'"));
    REQUIRE(open > 0);
    REQUIRE(closed > 0);

    // A back-dated state change: the latest state stays, the past figures move.
    {
        Transaction tx(*reg.db);
        const QDate closedOn = fromIso(
            reg.db
                ->scalar(QStringLiteral("SELECT state_changed_on FROM problem_facts WHERE problem_id = ?"),
                         {closed})
                .toString());
        REQUIRE(problems.writeState(closed, ProblemState::InProgress, closedOn.addDays(-3)).ok());
        REQUIRE(tx.commit().ok());
    }
    CHECK(reg.db->scalar(QStringLiteral("SELECT state FROM problem_facts WHERE problem_id = ?"), {closed})
              .toString() == QStringLiteral("closed_out"));
    compareAll();

    // An extension approved after the past date: the current deadline moves; before its decision
    // the facts path looks the deadline up.
    const QString original =
        reg.db->scalar(QStringLiteral("SELECT original_deadline FROM problems WHERE id = ?"), {open})
            .toString();
    auto request =
        supervision.requestExtension(open, end.addDays(20), QStringLiteral("需要更多时间"), past.addDays(5));
    REQUIRE(request.ok());
    REQUIRE(supervision.decideExtension(*request, true, QStringLiteral("王某"), past.addDays(10)).ok());
    CHECK(
        reg.db
            ->scalar(QStringLiteral("SELECT deadline || ' ' || deadline_decided_on FROM problem_facts WHERE "
                                    "problem_id = ?"),
                     {open})
            .toString() == toIso(end.addDays(20)) + u' ' + toIso(past.addDays(10)));
    CHECK(original != toIso(end.addDays(20)));
    compareAll();
    compareWithHistory(*reg.db, past.addDays(9));
    compareWithHistory(*reg.db, past.addDays(10));

    // A measure added, then removed.
    const qint64 before =
        number(*reg.db, QStringLiteral("SELECT measures FROM problem_facts WHERE problem_id = ?"), {open});
    Measure m;
    m.problemId = open;
    m.content = QStringLiteral("补充措施");
    auto added = problems.addMeasure(m);
    REQUIRE(added.ok());
    CHECK(number(*reg.db, QStringLiteral("SELECT measures FROM problem_facts WHERE problem_id = ?"),
                 {open}) == before + 1);
    compareAll();
    REQUIRE(problems.removeMeasure(*added).ok());
    CHECK(number(*reg.db, QStringLiteral("SELECT measures FROM problem_facts WHERE problem_id = ?"),
                 {open}) == before);
    compareAll();

    // Soft delete removes the problem from every figure; restore brings it back.
    const auto totalBefore = Statistics::compute(*reg.db, end.addDays(30));
    REQUIRE(totalBefore.ok());
    REQUIRE(problems.deleteProblem(open).ok());
    CHECK(number(*reg.db, QStringLiteral("SELECT count(*) FROM problem_facts WHERE problem_id = ?"),
                 {open}) == 0);
    const auto totalDeleted = Statistics::compute(*reg.db, end.addDays(30));
    REQUIRE(totalDeleted.ok());
    CHECK(totalDeleted->total.problems == totalBefore->total.problems - 1);
    CHECK(totalDeleted->total.measures == totalBefore->total.measures - before);
    compareAll();
    REQUIRE(problems.restoreProblem(open).ok());
    const auto totalRestored = Statistics::compute(*reg.db, end.addDays(30));
    REQUIRE(totalRestored.ok());
    CHECK(figures(totalRestored->total) == figures(totalBefore->total));
    compareAll();

    // A state change dated after every other one, then taken back (undo).
    const qint64 registered = number(
        *reg.db, QStringLiteral("SELECT min(problem_id) FROM problem_facts WHERE state = 'registered'"));
    REQUIRE(registered > 0);
    {
        Transaction tx(*reg.db);
        REQUIRE(problems.writeState(registered, ProblemState::InProgress, end.addDays(3)).ok());
        REQUIRE(tx.commit().ok());
    }
    CHECK_FALSE(Statistics::usesTally(*reg.db, end.addDays(2)));
    compareWithHistory(*reg.db, end.addDays(2));
    compareAll();
    REQUIRE(problems.revertState(registered, ProblemState::InProgress).ok());
    CHECK(reg.db->scalar(QStringLiteral("SELECT state FROM problem_facts WHERE problem_id = ?"), {registered})
              .toString() == QStringLiteral("registered"));
    compareAll();

    // Raw edits in the sqlite3 shell's way: a problem moved to another unit with its office
    // cleared, a measure deleted, an extension's decision date changed, a problem deleted for good.
    REQUIRE(reg.db
                ->exec(QStringLiteral(
                           "UPDATE problems SET unit_id = (SELECT max(id) FROM units), responsible_office "
                           "= NULL, lead_leader = '' WHERE id = ?"),
                       {closed})
                .ok());
    REQUIRE(
        reg.db->exec(QStringLiteral("DELETE FROM measures WHERE id = (SELECT min(id) FROM measures)")).ok());
    REQUIRE(reg.db
                ->exec(QStringLiteral("UPDATE extension_requests SET decided_on = ? WHERE id = ?"),
                       {toIso(past.addDays(-40)), *request})
                .ok());
    REQUIRE(
        reg.db
            ->exec(QStringLiteral("UPDATE problem_states SET changed_on = ? WHERE id = (SELECT max(id) FROM "
                                  "problem_states WHERE problem_id = ?)"),
                   {toIso(past.addDays(1)), closed})
            .ok());
    const qint64 gone = number(*reg.db, QStringLiteral("SELECT max(id) FROM problems"));
    REQUIRE(reg.db->exec(QStringLiteral("DELETE FROM problems WHERE id = ?"), {gone}).ok());
    CHECK(number(*reg.db, QStringLiteral("SELECT count(*) FROM problem_facts")) == 299);
    compareAll();

    // The rebuild gives the rows the triggers kept.
    const QString kept = allFigures(*reg.db, end.addDays(30), GroupBy::Unit);
    REQUIRE(ProblemFactsDeferral::rebuild(*reg.db).ok());
    checkDerived(*reg.db);
    CHECK(allFigures(*reg.db, end.addDays(30), GroupBy::Unit).toStdString() == kept.toStdString());
}

TEST_CASE("a ledger import defers problem_facts for its new rows and keeps the updated ones right",
          "[statistics][scale][import]")
{
    TempRegister reg;
    REQUIRE(SyntheticRegister::generate(*reg.db, 40, 3).ok());
    const QString path = reg.dir.filePath(QStringLiteral("ledger.csv"));
    {
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("编号,问题描述,问题类别,整改措施,责任单位,整改时限,完成情况,整改进展\n"
                               "B-1,问题甲,作风建设,\"1.措施一\n2.措施二\",办公室,2021-06-30,已销号,已整改\n"
                               "B-2,问题乙,作风建设,措施三,人事处,2021-03-31,整改中,正在推进\n"
                               "B-3,问题丙,纪律建设,措施四,办公室,2020-09-30,未启动,\n")
                    .toUtf8());
    }
    ImportOptions o;
    o.unit = QStringLiteral("测试局党组");
    o.feedbackDate = QDate(2020, 6, 10);
    const ImportReport first = LedgerImporter::importFile(*reg.db, path, o);
    REQUIRE(first.errors.isEmpty());
    CHECK(first.created == 3);
    checkDerived(*reg.db);
    CHECK(number(*reg.db, QStringLiteral("SELECT count(*) FROM problem_facts")) == 43);
    CHECK(reg.db
              ->scalar(
                  QStringLiteral("SELECT group_concat(state || ':' || measures || ':' || deadline, ' ') FROM "
                                 "(SELECT f.* FROM problem_facts f JOIN problems p ON p.id = f.problem_id "
                                 "WHERE p.registration_no LIKE 'B-%' ORDER BY p.registration_no) AS s"))
              .toString() ==
          QStringLiteral("closed_out:2:2021-06-30 in_progress:1:2021-03-31 registered:1:2020-09-30"));
    // Importing again updates the existing rows through the services while the deferral is on.
    {
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("编号,问题描述,问题类别,整改措施,责任单位,整改时限,完成情况,整改进展\n"
                               "B-2,问题乙,作风建设,措施三,人事处,2021-03-31,已完成,已完成整改\n"
                               "B-3,问题丙,纪律建设,措施四,办公室,2020-09-30,整改中,开始整改\n"
                               "B-4,问题丁,纪律建设,措施五,办公室,2020-12-31,未启动,\n")
                    .toUtf8());
    }
    const ImportReport second = LedgerImporter::importFile(*reg.db, path, o);
    REQUIRE(second.errors.isEmpty());
    CHECK(second.created == 1);
    CHECK(second.updated == 2);
    checkDerived(*reg.db);
    CHECK(number(*reg.db, QStringLiteral("SELECT count(*) FROM problem_facts")) == 44);
    CHECK(reg.db
              ->scalar(
                  QStringLiteral("SELECT group_concat(state, ' ') FROM (SELECT f.state FROM problem_facts f "
                                 "JOIN problems p ON p.id = f.problem_id WHERE p.registration_no LIKE 'B-%' "
                                 "ORDER BY p.registration_no) AS s"))
              .toString() == QStringLiteral("closed_out completed in_progress registered"));
    compareWithHistory(*reg.db, reg.db->defaultAsOf());
    compareWithHistory(*reg.db, QDate(2020, 12, 1));
}

TEST_CASE("the schema-1 fixture migrates to step 4 with problem_facts and problem_tally filled and verifies",
          "[file][statistics][scale][schema]")
{
    TempRegister reg;
    REQUIRE(reg.replaceWith(QStringLiteral(RECTRACK_SOURCE_DIR "/tests/data/schema/v1.rtk")));
    auto db = Database::open(reg.path);
    REQUIRE(db.ok());
    CHECK((*db)->schemaVersion() == schema::kVersion);
    CHECK((*db)->scalar(QStringLiteral("SELECT count(*) FROM problem_facts")).toInt() ==
          (*db)->scalar(QStringLiteral("SELECT count(*) FROM problems WHERE deleted_at IS NULL")).toInt());
    CHECK((*db)->scalar(QStringLiteral("SELECT count(*) FROM problem_facts")).toInt() > 0);
    checkDerived(**db);
    CHECK(Verifier::verify(**db).faults == QStringList{});
    compareWithHistory(**db, QDate(2021, 1, 15));
    compareWithHistory(**db, QDate(2020, 6, 30));
}

TEST_CASE("verify reports statistics tables that no longer match the problems and passes after a rebuild",
          "[statistics][scale][verify]")
{
    TempRegister reg;
    REQUIRE(DemoRegister::build(*reg.db).ok());
    REQUIRE(Verifier::verify(*reg.db).ok());
    const qint64 id = number(*reg.db, QStringLiteral("SELECT min(problem_id) FROM problem_facts"));
    // Derived data changed behind the triggers' back (not audited, so only this check sees it).
    REQUIRE(
        reg.db
            ->exec(QStringLiteral("UPDATE problem_facts SET measures = measures + 1 WHERE problem_id = ?"),
                   {id})
            .ok());
    CHECK(ProblemFactsDeferral::staleFacts(*reg.db) == 2); // the changed row, both ways
    const VerifyReport stale = Verifier::verify(*reg.db);
    REQUIRE(stale.faults.size() == 1);
    CHECK(stale.faults[0].startsWith(
        QStringLiteral("The statistics tables (problem_latest_state, problem_facts, "
                       "problem_tally) differ")));
    // problem_latest_state out of step with the history is reported too.
    REQUIRE(ProblemFactsDeferral::rebuild(*reg.db).ok());
    REQUIRE(Verifier::verify(*reg.db).ok());
    REQUIRE(reg.db
                ->exec(QStringLiteral("DELETE FROM problem_latest_state WHERE problem_id = (SELECT "
                                      "min(problem_id) FROM problem_latest_state)"))
                .ok());
    CHECK(ProblemFactsDeferral::staleLatestStates(*reg.db) == 1);
    CHECK(Verifier::verify(*reg.db).faults.size() == 1);
}
