#include <catch2/catch.hpp>

#include "demo/demoregister.h"
#include "stats/statistics.h"
#include "stats/supervisionsummary.h"
#include "storage/auditlog.h"
#include "testsupport.h"
#include "workflow/organizationservice.h"
#include "workflow/oversightservice.h"
#include "workflow/problemservice.h"

using namespace rectrack::core;
using rectrack::test::TempRegister;

TEST_CASE("a clue is overdue the day after its three-month due date, not before", "[oversight][clue]")
{
    TempRegister reg;
    OversightService oversight(*reg.db);
    Clue c;
    c.summary = QStringLiteral("反映某单位违规发放津补贴问题");
    c.receiver = QStringLiteral("市纪委监委");
    c.transferDate = QDate(2020, 9, 30);
    REQUIRE(oversight.addClue(c).ok());
    const Clue stored = oversight.clues().first();
    CHECK(stored.dueDate == QDate(2020, 12, 30)); // 3 months by default
    CHECK_FALSE(OversightService::isClueOverdue(stored, QDate(2020, 12, 30)));
    CHECK(OversightService::isClueOverdue(stored, QDate(2020, 12, 31)));
    CHECK(SupervisionSummary::compute(*reg.db, QDate(2020, 12, 30)).cluesOverdue == 0);
    CHECK(SupervisionSummary::compute(*reg.db, QDate(2020, 12, 31)).cluesOverdue == 1);
    // Disposal reported later: overdue until then, not after.
    REQUIRE(oversight.disposeClue(stored.id, QStringLiteral("已立案审查"), QDate(2021, 1, 10)).ok());
    const Clue disposed = oversight.clues().first();
    CHECK(OversightService::isClueOverdue(disposed, QDate(2021, 1, 9)));
    CHECK_FALSE(OversightService::isClueOverdue(disposed, QDate(2021, 1, 10)));
    const SupervisionSummary s = SupervisionSummary::compute(*reg.db, QDate(2021, 1, 15));
    CHECK(s.cluesTotal == 1);
    CHECK(s.cluesDisposed == 1);
    CHECK(s.cluesOverdue == 0);
}

TEST_CASE("the built-in evaluation template scores deductions from 100 and grades them",
          "[oversight][evaluation]")
{
    const EvaluationTemplate t = EvaluationTemplate::builtIn();
    REQUIRE(t.criteria.size() == 5);
    CHECK(t.score({2, 3, 1, 1, 2}) == Approx(91));
    CHECK(t.grade(91) == QStringLiteral("好"));
    CHECK(t.score({3, 6, 2, 2, 3}) == Approx(84));
    CHECK(t.grade(84) == QStringLiteral("较好"));
    CHECK(t.score({5, 12, 4, 6, 8}) == Approx(65));
    CHECK(t.grade(65) == QStringLiteral("一般"));
    CHECK(t.score({20, 50, 20, 20, 30}) == Approx(0)); // each deduction capped at its criterion's maximum
    CHECK(t.score({0, 40, 0, 0, 0}) == Approx(65));
    CHECK(t.grade(59.5) == QStringLiteral("差"));
    CHECK(EvaluationTemplate::needsSecondRectification(QStringLiteral("一般")));
    CHECK(EvaluationTemplate::needsSecondRectification(QStringLiteral("差")));
    CHECK_FALSE(EvaluationTemplate::needsSecondRectification(QStringLiteral("较好")));

    TempRegister reg;
    OrganizationService org(*reg.db);
    OversightService oversight(*reg.db);
    Evaluation e;
    e.unitId = *org.ensureUnit(QStringLiteral("市农业农村局党组"));
    e.evaluatedOn = QDate(2020, 11, 2);
    e.deductions = {5, 12, 4, 6, 8};
    REQUIRE(oversight.addEvaluation(e).ok());
    CHECK(reg.db->scalar(QStringLiteral("SELECT grade FROM evaluations")).toString() ==
          QStringLiteral("一般"));
    CHECK(reg.db->scalar(QStringLiteral("SELECT score FROM evaluations")).toDouble() == 65.0);
    CHECK(reg.db->scalar(QStringLiteral("SELECT second_rectification FROM evaluations")).toInt() == 1);
}

TEST_CASE("a linked municipal problem does not change the central group's counts", "[oversight][integrated]")
{
    TempRegister reg;
    OrganizationService org(*reg.db);
    ProblemService problems(*reg.db);
    OversightService oversight(*reg.db);
    const qint64 city = *org.ensureUnit(QStringLiteral("中共某市委"));
    const qint64 bureau = *org.ensureUnit(QStringLiteral("市某局党组"));
    Problem central;
    central.unitId = city;
    central.source = SourceLevel::Central;
    central.description = QStringLiteral("落实中央八项规定精神不严格");
    central.feedbackDate = QDate(2019, 8, 20);
    central.state = ProblemState::Completed;
    const qint64 centralId = *problems.registerProblem(central);
    Problem municipal = central;
    municipal.unitId = bureau;
    municipal.source = SourceLevel::Municipal;
    municipal.state = ProblemState::InProgress;
    const qint64 municipalId = *problems.registerProblem(municipal);
    auto before = Statistics::compute(*reg.db, QDate(2021, 1, 15), GroupBy::Source);
    REQUIRE(oversight.linkRepeatedProblem(municipalId, centralId).ok());
    Measure shared;
    shared.problemId = centralId;
    shared.content = QStringLiteral("修订公务接待管理办法");
    const qint64 measure = *problems.addMeasure(shared);
    REQUIRE(oversight.shareMeasure(measure, municipalId).ok());
    auto after = Statistics::compute(*reg.db, QDate(2021, 1, 15), GroupBy::Source);
    REQUIRE(after->groups.size() == 2);
    CHECK(after->groups[0].key == QStringLiteral("central"));
    CHECK(after->groups[0].counts.problems == 1);
    CHECK(after->groups[0].counts.completionRate() == 1.0);
    CHECK(after->groups[1].counts.problems == 1);
    CHECK(after->groups[1].counts.inProgress == 1);
    CHECK(after->total.problems == before->total.problems);
    CHECK_FALSE(oversight.linkRepeatedProblem(centralId, centralId).ok());
    CHECK(Verifier::verify(*reg.db).ok());
}

TEST_CASE("the demo's campaign over rounds 1-8 lists exactly the units with unfinished problems",
          "[oversight][demo]")
{
    TempRegister reg;
    REQUIRE(DemoRegister::build(*reg.db).ok());
    OversightService oversight(*reg.db);
    const qint64 campaign =
        reg.db
            ->scalar(QStringLiteral("SELECT id FROM campaigns WHERE name = '前八轮巡察整改进展情况专项督办'"))
            .toLongLong();
    REQUIRE(campaign > 0);
    const QList<qint64> units = oversight.unitsWithUnfinishedProblems(campaign, QDate(2021, 1, 15));
    // Hand check: units of rounds 1-8 with a problem that is neither completed nor closed out.
    const int expected =
        reg.db
            ->scalar(QStringLiteral(
                "SELECT count(DISTINCT p.unit_id) FROM problems p JOIN inspections i ON i.id = "
                "p.inspection_id JOIN rounds r ON r.id = i.round_id WHERE r.round_no BETWEEN 1 AND 8 "
                "AND r.batch_no = 0 AND p.state NOT IN ('completed', 'closed_out')"))
            .toInt();
    CHECK(expected == 20);
    CHECK(units.size() == 20);
    // A return visit to every unfinished unit.
    CHECK(reg.db
              ->scalar(QStringLiteral("SELECT count(DISTINCT unit_id) FROM supervision_actions WHERE kind = "
                                      "'return_visit' AND campaign = '前八轮巡察整改进展情况专项督办'"))
              .toInt() == 20);

    const SupervisionSummary s = SupervisionSummary::compute(*reg.db, QDate(2021, 1, 15));
    CHECK(s.referralSheets == 43);
    CHECK(s.thematicReports == 23);
    CHECK(s.keySituationReports == 3);
    CHECK(s.unitsEvaluated == 7);
    CHECK(s.unitsPastSixMonths == 41);
    CHECK(std::abs(Statistics::round4(s.coverage.rate()) - 0.943) < 0.0005);
    CHECK(reg.db
              ->scalar(
                  QStringLiteral("SELECT count(*) FROM evaluations e JOIN units u ON u.id = e.unit_id WHERE "
                                 "u.name = '市农业农村局党组'"))
              .toInt() == 1);
    // Six months are a setting.
    {
        Transaction tx(*reg.db);
        REQUIRE(reg.db->setMeta(QStringLiteral("performance_assessment_months"), QStringLiteral("12")).ok());
        REQUIRE(tx.commit().ok());
    }
    CHECK(SupervisionSummary::compute(*reg.db, QDate(2021, 1, 15)).unitsPastSixMonths < 41);
}
