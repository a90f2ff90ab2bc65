#include <catch2/catch.hpp>

#include "stats/statistics.h"
#include "testsupport.h"
#include "workflow/organizationservice.h"
#include "workflow/problemservice.h"

using namespace rectrack::core;
using rectrack::test::TempRegister;

namespace {

qint64 addImported(ProblemService &problems, qint64 unitId, int n, ProblemState state, QDate feedback,
                   QDate deadline)
{
    Problem p;
    p.unitId = unitId;
    p.description = QStringLiteral("问题 %1").arg(n);
    p.feedbackDate = feedback;
    p.deadline = deadline;
    p.state = state;
    auto id = problems.registerProblem(p, {}, feedback.addDays(30));
    REQUIRE(id.ok());
    return *id;
}

} // namespace

TEST_CASE("completion rate of the public example: 697 problems, 688 done, 4 long-term, 5 not done", "[stats]")
{
    TempRegister reg;
    OrganizationService org(*reg.db);
    ProblemService problems(*reg.db);
    const qint64 unit = *org.ensureUnit(QStringLiteral("某区委"));
    Transaction tx(*reg.db);
    const QDate fb(2020, 3, 1);
    for (int i = 0; i < 688; ++i)
        addImported(problems, unit, i, i % 3 == 0 ? ProblemState::ClosedOut : ProblemState::Completed, fb,
                    QDate(2020, 6, 1));
    for (int i = 0; i < 4; ++i)
        addImported(problems, unit, 1000 + i, ProblemState::LongTerm, fb, QDate(2020, 6, 1));
    for (int i = 0; i < 5; ++i)
        addImported(problems, unit, 2000 + i, ProblemState::InProgress, fb, QDate(2020, 6, 1));
    REQUIRE(tx.commit().ok());

    auto r = Statistics::compute(*reg.db, QDate(2021, 1, 15));
    REQUIRE(r.ok());
    const Counts &c = r->total;
    CHECK(c.problems == 697);
    CHECK(c.done() == 688);
    CHECK(c.closedOut == 230);
    CHECK(c.completed == 458);
    CHECK(c.longTerm == 4);
    CHECK(c.inProgress == 5);
    CHECK(c.overdue == 5); // deadline 2020-06-01 passed, not done
    CHECK(Statistics::round4(c.completionRate()) == Approx(0.9871));
    CHECK(Statistics::formatPercent(c.completionRate()) == QStringLiteral("98.71%"));
    CHECK(Statistics::round4(c.closeOutRate()) == Approx(0.33));
}

TEST_CASE("rates are shown with up to two decimals and no trailing zeros", "[stats]")
{
    CHECK(Statistics::formatPercent(1.0) == QStringLiteral("100%"));
    CHECK(Statistics::formatPercent(0.76) == QStringLiteral("76%"));
    CHECK(Statistics::formatPercent(688.0 / 697.0) == QStringLiteral("98.71%"));
    CHECK(Statistics::formatPercent(33.0 / 35.0) == QStringLiteral("94.29%"));
    CHECK(Statistics::formatPercent(0.375) == QStringLiteral("37.5%"));
    CHECK(Statistics::formatPercent(0.0) == QStringLiteral("0%"));
    CHECK(Statistics::round4(2.0 / 3.0) == Approx(0.6667));
}

TEST_CASE("coverage 51 of 62 and 80 of 95 gives 131/157 overall", "[stats][coverage]")
{
    const Coverage pure = Coverage::combine({{QStringLiteral("A"), 62, 51}, {QStringLiteral("B"), 95, 80}});
    CHECK(pure.mustCover == 157);
    CHECK(pure.covered == 131);
    CHECK(Statistics::round4(pure.rate()) == Approx(0.8344));

    // The same through the register: must-cover list, inspections in the term's rounds.
    TempRegister reg;
    OrganizationService org(*reg.db);
    const qint64 term =
        *org.addTerm({0, QStringLiteral("某届区委"), QDate(2016, 11, 1), QDate(2021, 10, 31)});
    const qint64 round = *org.addRound({0, term, QStringLiteral("第一轮"), 1, 0, QDate(2017, 3, 1), 1, 3});
    const qint64 lateRound =
        *org.addRound({0, term, QStringLiteral("第九轮"), 9, 0, QDate(2021, 3, 1), 1, 3});
    auto fill = [&](const QString &category, int total, int covered) {
        for (int i = 0; i < total; ++i) {
            const qint64 unit = *org.ensureUnit(QStringLiteral("%1单位%2").arg(category).arg(i), category);
            REQUIRE(org.setMustCover(term, unit).ok());
            Inspection ins;
            ins.unitId = unit;
            ins.entryDate = i < covered ? QDate(2017, 3, 1) : QDate(2021, 3, 1);
            ins.roundId = i < covered ? round : lateRound;
            REQUIRE(org.addInspection(ins).ok());
            if (i == covered) {
                // A follow-up review (回头看) does not count by default (DESIGN.md §1.9).
                Inspection followUp = ins;
                followUp.kind = InspectionKind::FollowUp;
                followUp.roundId = round;
                followUp.entryDate = QDate(2018, 1, 1);
                REQUIRE(org.addInspection(followUp).ok());
            }
        }
    };
    fill(QStringLiteral("乡镇（街道）"), 62, 51);
    fill(QStringLiteral("区直单位"), 95, 80);
    const Coverage c = Statistics::coverage(*reg.db, QDate(2021, 1, 15));
    CHECK(c.term == QStringLiteral("某届区委"));
    CHECK(c.mustCover == 157);
    CHECK(c.covered == 131);
    REQUIRE(c.byCategory.size() == 2);
    CHECK(c.byCategory[0].covered + c.byCategory[1].covered == 131);
    CHECK(Statistics::round4(c.rate()) == Approx(0.8344));
    // Counting follow-up reviews is a setting.
    {
        Transaction tx(*reg.db);
        REQUIRE(reg.db->setMeta(QStringLiteral("coverage_counts_follow_up"), QStringLiteral("1")).ok());
        REQUIRE(tx.commit().ok());
    }
    CHECK(Statistics::coverage(*reg.db, QDate(2021, 1, 15)).covered == 133);
    // After the ninth round has entered, everything is covered.
    CHECK(Statistics::coverage(*reg.db, QDate(2021, 3, 2)).covered == 157);
}

TEST_CASE("grouped statistics use display names and keep every group", "[stats]")
{
    TempRegister reg;
    OrganizationService org(*reg.db);
    ProblemService problems(*reg.db);
    const qint64 a = *org.ensureUnit(QStringLiteral("市甲局党组"));
    const qint64 b = *org.ensureUnit(QStringLiteral("市乙局党组"));
    const qint64 cat = *org.ensureCategory(QStringLiteral("落实全面从严治党战略部署方面"));
    Problem p;
    p.unitId = a;
    p.categoryId = cat;
    p.description = QStringLiteral("甲一");
    p.feedbackDate = QDate(2020, 5, 1);
    p.source = SourceLevel::Central;
    p.state = ProblemState::Completed;
    REQUIRE(problems.registerProblem(p).ok());
    p.description = QStringLiteral("乙一");
    p.unitId = b;
    p.source = SourceLevel::Provincial;
    p.state = ProblemState::InProgress;
    REQUIRE(problems.registerProblem(p).ok());

    auto bySource = Statistics::compute(*reg.db, QDate(2021, 1, 1), GroupBy::Source);
    REQUIRE(bySource.ok());
    REQUIRE(bySource->groups.size() == 2);
    CHECK(bySource->groups[0].key == QStringLiteral("central"));
    CHECK(bySource->groups[0].counts.completionRate() == 1.0);
    CHECK(bySource->groups[1].key == QStringLiteral("provincial"));
    CHECK(bySource->groups[1].counts.inProgress == 1);

    auto byCategory = Statistics::compute(*reg.db, QDate(2021, 1, 1), GroupBy::Category);
    REQUIRE(byCategory->groups.size() == 1);
    CHECK(byCategory->groups[0].key == QStringLiteral("落实全面从严治党战略部署方面"));
    CHECK(byCategory->groups[0].counts.problems == 2);

    StatsFilter onlyB;
    onlyB.unit = QStringLiteral("市乙局党组");
    auto filtered = Statistics::compute(*reg.db, QDate(2021, 1, 1), GroupBy::Unit, onlyB);
    REQUIRE(filtered->groups.size() == 1);
    CHECK(filtered->total.problems == 1);
    CHECK(filtered->groups[0].key == QStringLiteral("市乙局党组"));
}
