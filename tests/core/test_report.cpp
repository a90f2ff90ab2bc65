#include <catch2/catch.hpp>

#include "test_report_fixture.h"
#include "testsupport.h"

#include "demo/demoregister.h"
#include "report/reportcontent.h"

using namespace rectrack::core;
using rectrack::test::TempRegister;

namespace {

const UnitReportRow *findUnit(const ReportContent &c, const QString &name)
{
    for (const UnitReportRow &r : c.units) {
        if (r.unit == name)
            return &r;
    }
    return nullptr;
}

} // namespace

TEST_CASE("report content of a known register has its headline figures", "[report]")
{
    TempRegister reg;
    rectrack::test::buildReportFixture(*reg.db);
    ReportOptions o;
    o.asOf = QDate(2021, 1, 15);
    o.since = QDate(2020, 11, 1);
    auto r = ReportBuilder::build(*reg.db, o);
    REQUIRE(r.ok());
    const ReportContent &c = *r;

    CHECK(c.total.problems == 7);
    CHECK(c.total.done() == 4);
    CHECK(c.total.closedOut == 2);
    CHECK(c.total.longTerm == 1);
    CHECK(c.total.overdue == 2);
    CHECK(Statistics::formatPercent(c.total.completionRate()) == QStringLiteral("57.14%"));
    REQUIRE(c.totalSince.has_value());
    CHECK(c.totalSince->done() == 3);
    CHECK(c.totalSince->problems == 7);

    CHECK(c.coverage.mustCover == 3);
    CHECK(c.coverage.covered == 2);
    CHECK(Statistics::formatPercent(c.coverage.rate()) == QStringLiteral("66.67%"));

    // Central problems: 100% done.
    REQUIRE(c.bySource.size() == 2);
    CHECK(c.bySource[0].counts.problems == 2);
    CHECK(c.bySource[0].counts.completionRate() == 1.0);
    CHECK(c.bySource[1].counts.problems == 5);

    REQUIRE(c.byRound.size() == 1);
    CHECK(c.byRound[0].key == QStringLiteral("第九轮第一批"));
    CHECK(c.byRound[0].counts.problems == 5);

    // Every unit, the one with no problems included.
    REQUIRE(c.units.size() == 4);
    const UnitReportRow *none = findUnit(c, QStringLiteral("市国有资产监督管理委员会"));
    REQUIRE(none);
    CHECK(none->counts.problems == 0);
    CHECK_FALSE(none->inspectedThisTerm);
    const UnitReportRow *b = findUnit(c, QStringLiteral("市住房和城乡建设局机关党委"));
    REQUIRE(b);
    CHECK(b->counts.problems == 2);
    CHECK(b->counts.done() == 1);
    CHECK(b->counts.overdue == 1);
    REQUIRE(b->since.has_value());
    CHECK(b->since->done() == 0);
    CHECK(b->inspectedThisTerm);

    // The most overdue first, with their leaders.
    REQUIRE(c.overdue.size() == 2);
    CHECK(c.overdueTotal == 2);
    CHECK(c.overdueRest() == 0);
    CHECK(c.overdue[0].registrationNo == QStringLiteral("B-1"));
    CHECK(c.overdue[0].daysOverdue == 199);
    CHECK(c.overdue[0].leadLeader == QStringLiteral("赵六"));
    CHECK(c.overdue[1].daysOverdue == 45);
    REQUIRE(c.ageing.size() == 4);
    CHECK(c.ageing[0].count == 0);
    CHECK(c.ageing[1].count == 1);
    CHECK(c.ageing[2].count == 0);
    CHECK(c.ageing[3].count == 1);

    // Cumulative series: April 2020 to the as-of date.
    REQUIRE(c.cumulative.size() == 10);
    CHECK(c.cumulative.first().date == QDate(2020, 4, 30));
    CHECK(c.cumulative.first().registered == 2);
    CHECK(c.cumulative.first().done == 0);
    CHECK(c.cumulative[6].date == QDate(2020, 10, 31));
    CHECK(c.cumulative[6].done == 3);
    CHECK(c.cumulative.last().date == QDate(2021, 1, 15));
    CHECK(c.cumulative.last().registered == 7);
    CHECK(c.cumulative.last().done == 4);

    // Supervision sections present where the register has rows.
    CHECK(c.supervision.clues.total == 2);
    CHECK(c.supervision.clues.disposed == 1);
    CHECK(c.supervision.clues.pendingOverdue == 1);
    REQUIRE(c.supervision.referralsByKind.size() == 1);
    CHECK(c.supervision.referralsByKind[0].count == 1);
    CHECK(c.supervision.rulesCount == 1);
    REQUIRE(c.supervision.accountabilityByForm.size() == 1);
    CHECK(c.supervision.accountabilityByForm[0].count == 2);
    CHECK_FALSE(c.supervision.hasEvaluations());
    CHECK_FALSE(c.supervision.hasFunds());
    CHECK(c.appendix.isEmpty());
}

TEST_CASE("report content narrows to a unit, a round and a source level", "[report]")
{
    TempRegister reg;
    rectrack::test::buildReportFixture(*reg.db);
    ReportOptions o;
    o.asOf = QDate(2021, 1, 15);
    o.appendix = true;

    o.scope.unit = QStringLiteral("市交通运输局");
    auto unit = ReportBuilder::build(*reg.db, o);
    REQUIRE(unit.ok());
    CHECK(unit->total.problems == 3);
    CHECK(unit->units.size() == 1);
    CHECK(unit->appendix.size() == 3);
    CHECK(unit->supervision.clues.total == 1);
    CHECK(unit->supervision.rulesCount == 1);
    CHECK_FALSE(unit->supervision.hasAccountability());

    o.scope = {};
    o.scope.round = QStringLiteral("第九轮第一批");
    auto round = ReportBuilder::build(*reg.db, o);
    REQUIRE(round.ok());
    CHECK(round->total.problems == 5);
    CHECK(round->units.size() == 2);
    CHECK(round->scopeLabel == QStringLiteral("第九轮第一批"));

    o.scope = {};
    o.scope.source = SourceLevel::Central;
    auto central = ReportBuilder::build(*reg.db, o);
    REQUIRE(central.ok());
    CHECK(central->total.problems == 2);
    CHECK(central->total.completionRate() == 1.0);
    CHECK(central->overdueTotal == 0);
}

TEST_CASE("report content refuses a bad scope or dates", "[report]")
{
    TempRegister reg;
    rectrack::test::buildReportFixture(*reg.db, false);
    ReportOptions o;
    CHECK(ReportBuilder::build(*reg.db, o).error().code == ErrorCode::Usage);
    o.asOf = QDate(2021, 1, 15);
    o.since = QDate(2021, 2, 1);
    CHECK(ReportBuilder::build(*reg.db, o).error().code == ErrorCode::Usage);
    o.since = {};
    o.scope.unit = QStringLiteral("不存在的单位");
    CHECK(ReportBuilder::build(*reg.db, o).error().code == ErrorCode::InputRefused);

    // A register with no supervision rows leaves those sections out; the overdue list is capped.
    o.scope = {};
    o.overdueLimit = 1;
    auto r = ReportBuilder::build(*reg.db, o);
    REQUIRE(r.ok());
    CHECK(r->supervision.isEmpty());
    CHECK(r->overdue.size() == 1);
    CHECK(r->overdueRest() == 1);
}

TEST_CASE("report content of the demo register", "[report][demo]")
{
    TempRegister reg;
    REQUIRE(DemoRegister::build(*reg.db).ok());
    ReportOptions o;
    o.asOf = DemoRegister::referenceDate();
    auto r = ReportBuilder::build(*reg.db, o);
    REQUIRE(r.ok());
    const ReportContent &c = *r;

    CHECK(c.total.problems == 258);
    CHECK(c.total.problems == c.total.done() + c.total.longTerm + c.total.inProgress + c.total.registered);
    // Central and provincial feedback: all done.
    REQUIRE(c.bySource.size() >= 3);
    CHECK(c.bySource[0].counts.problems == 20);
    CHECK(c.bySource[0].counts.done() == 20);
    CHECK(c.bySource[1].counts.problems == 22);
    CHECK(c.bySource[1].counts.done() == 22);
    CHECK(Statistics::formatPercent(c.bySource[0].counts.completionRate()) == QStringLiteral("100%"));
    // Coverage of 十二届市委: 99 of 105 = 94.29%.
    CHECK(c.coverage.mustCover == 105);
    CHECK(c.coverage.covered == 99);
    CHECK(Statistics::formatPercent(c.coverage.rate()) == QStringLiteral("94.29%"));
    // Every unit of the register in the per-unit table, those without problems included.
    CHECK(c.units.size() == reg.db->scalar(QStringLiteral("SELECT count(*) FROM units")).toInt());
    qint64 sum = 0;
    bool someWithout = false;
    for (const UnitReportRow &u : c.units) {
        sum += u.counts.problems;
        someWithout = someWithout || u.counts.problems == 0;
    }
    CHECK(sum == 258);
    CHECK(someWithout);
    // Overdue list capped at 50, the most overdue first, the rest counted.
    CHECK(c.overdueTotal == c.total.overdue);
    CHECK(c.overdue.size() == std::min<qsizetype>(50, c.overdueTotal));
    for (qsizetype i = 1; i < c.overdue.size(); ++i)
        CHECK(c.overdue[i - 1].daysOverdue >= c.overdue[i].daysOverdue);
    qint64 aged = 0;
    for (const AgeingBucket &b : c.ageing)
        aged += b.count;
    CHECK(aged == c.overdueTotal);
    CHECK(c.cumulative.last().registered == 258);
    CHECK(c.cumulative.last().done == c.total.done());
    // The seed's supervision figures (as `rectrack-cli summary` gives them).
    CHECK(c.supervision.clues.total == 12);
    CHECK(c.supervision.clues.disposed == 8);
    CHECK(c.supervision.clues.pendingOverdue == 1);
    REQUIRE(c.supervision.referralsByKind.size() == 3);
    CHECK(c.supervision.referralsByKind[0].count == 43);
    CHECK(c.supervision.referralsByKind[1].count == 23);
    CHECK(c.supervision.referralsByKind[2].count == 3);
    CHECK(c.supervision.rulesCount == 35);
    CHECK(c.supervision.fundsYuan == Approx(2542500));
    qint64 persons = 0;
    for (const NamedCount &n : c.supervision.accountabilityByForm)
        persons += n.count;
    CHECK(persons == 30);
}
