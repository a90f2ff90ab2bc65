#include <catch2/catch.hpp>

#include "test_report_fixture.h"
#include "testsupport.h"

#include "demo/demoregister.h"
#include "demo/syntheticregister.h"
#include "report/reportcontent.h"
#include "stats/statistics.h"
#include "storage/rowreader.h"
#include "workflow/problemservice.h"

using namespace rectrack::core;
using rectrack::test::TempRegister;

namespace {

/// Every point of the report's cumulative series equals the statistics as of its date (problems
/// registered by then, and done then), computed by Statistics from the state history; returns
/// the number of points checked.
int checkSeriesAgainstStatistics(Database &db, const QDate &asOf, const StatsFilter &scope = {})
{
    ReportOptions o;
    o.asOf = asOf;
    o.scope = scope;
    auto c = ReportBuilder::build(db, o);
    REQUIRE(c.ok());
    REQUIRE_FALSE(c->cumulative.isEmpty());
    CHECK(c->cumulative.last().date == asOf);
    for (const CumulativePoint &pt : std::as_const(c->cumulative)) {
        Statistics::setForceHistory(true);
        auto s = Statistics::compute(db, pt.date, GroupBy::None, scope);
        Statistics::setForceHistory(false);
        REQUIRE(s.ok());
        INFO("as of " << pt.date.toString(Qt::ISODate).toStdString());
        CHECK(pt.registered == s->total.problems);
        CHECK(pt.done == s->total.done());
    }
    return int(c->cumulative.size());
}

} // namespace

TEST_CASE("the report's cumulative series equals the statistics as of each of its dates", "[report][scale]")
{
    SECTION("the hand-counted fixture, with a problem reopened and one done before its feedback date")
    {
        TempRegister reg;
        rectrack::test::buildReportFixture(*reg.db);
        ProblemService problems(*reg.db);
        const qint64 first =
            reg.db->scalar(QStringLiteral("SELECT min(id) FROM problems WHERE state = 'in_progress'"))
                .toLongLong();
        REQUIRE(first > 0);
        // Done, reopened, done again: +1, -1, +1 on those days.
        REQUIRE(problems.writeState(first, ProblemState::Completed, QDate(2020, 6, 10)).ok());
        REQUIRE(problems.writeState(first, ProblemState::InProgress, QDate(2020, 7, 5)).ok());
        REQUIRE(problems.writeState(first, ProblemState::Completed, QDate(2020, 9, 1)).ok());
        // A state dated before the problem's feedback date counts from the feedback date on.
        const qint64 late = reg.db
                                ->scalar(QStringLiteral(
                                    "SELECT id FROM problems ORDER BY feedback_date DESC, id DESC LIMIT 1"))
                                .toLongLong();
        const QDate feedback =
            fromIso(reg.db->scalar(QStringLiteral("SELECT feedback_date FROM problems WHERE id = ?"), {late})
                        .toString());
        REQUIRE(problems.writeState(late, ProblemState::Completed, feedback.addDays(-40)).ok());
        CHECK(checkSeriesAgainstStatistics(*reg.db, QDate(2021, 1, 15)) == 10);
        CHECK(checkSeriesAgainstStatistics(*reg.db, QDate(2020, 8, 1)) == 5);
        StatsFilter unit;
        unit.unit = QStringLiteral("市交通运输局");
        CHECK(checkSeriesAgainstStatistics(*reg.db, QDate(2021, 1, 15), unit) == 9);
    }
    SECTION("the demo register")
    {
        TempRegister reg;
        REQUIRE(DemoRegister::build(*reg.db).ok());
        CHECK(checkSeriesAgainstStatistics(*reg.db, DemoRegister::referenceDate()) > 12);
        StatsFilter source;
        source.source = SourceLevel::Municipal;
        CHECK(checkSeriesAgainstStatistics(*reg.db, DemoRegister::referenceDate(), source) > 12);
    }
    SECTION("a synthetic register over a whole term, thinned to 48 points")
    {
        TempRegister reg;
        REQUIRE(SyntheticRegister::generate(*reg.db, 600, 5).ok());
        CHECK(checkSeriesAgainstStatistics(*reg.db, SyntheticRegister::referenceDate()) <= 48);
        CHECK(checkSeriesAgainstStatistics(*reg.db, QDate(2019, 6, 30)) > 12);
    }
}

TEST_CASE("RowReader reads integers, texts and nulls and reports a bad statement", "[storage]")
{
    TempRegister reg;
    RowReader rows(*reg.db, QStringLiteral("SELECT ?, ?, NULL, 'Ab' || ?"),
                   {qint64(1) << 40, QStringLiteral("巡察"), QStringLiteral("整改")});
    int seen = 0;
    const Status read = rows.forEach([&](const RowReader &row) {
        ++seen;
        CHECK(row.integer(0) == (qint64(1) << 40));
        CHECK(QString::fromUtf8(row.text(1)) == QStringLiteral("巡察"));
        CHECK(row.text(2).isEmpty());
        CHECK(row.integer(2) == 0);
        CHECK(QString::fromUtf8(row.text(3)) == QStringLiteral("Ab整改"));
    });
    CHECK(seen == 1);
    CHECK(read.ok());

    RowReader bad(*reg.db, QStringLiteral("SELECT x FROM nowhere"));
    int badRows = 0;
    const Status failed = bad.forEach([&](const RowReader &) { ++badRows; });
    CHECK(badRows == 0);
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().code == ErrorCode::Internal);
    INFO(failed.error().message.toStdString());
    CHECK(failed.error().message.contains(QStringLiteral("nowhere")));
}
