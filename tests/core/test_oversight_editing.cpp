#include <catch2/catch.hpp>

#include "demo/demoregister.h"
#include "stats/statistics.h"
#include "stats/supervisionsummary.h"
#include "storage/auditlog.h"
#include "testsupport.h"
#include "workflow/organizationservice.h"
#include "workflow/oversightregisters.h"
#include "workflow/oversightservice.h"
#include "workflow/problemservice.h"

using namespace rectrack::core;
using rectrack::test::TempRegister;

namespace {

qint64 addProblem(Database &db, qint64 unit, SourceLevel source, const QString &description)
{
    Problem p;
    p.unitId = unit;
    p.source = source;
    p.description = description;
    p.feedbackDate = QDate(2020, 6, 30);
    return *ProblemService(db).registerProblem(p);
}

} // namespace

TEST_CASE("clues are edited and deleted with audit entries, bad input changes nothing",
          "[oversight][clue][edit]")
{
    TempRegister reg;
    OversightService oversight(*reg.db);
    Clue c;
    c.summary = QStringLiteral("反映某局违规公款吃喝问题");
    c.personsCount = 2;
    c.personsRoles = QStringLiteral("科长1名、副科长1名");
    c.receiver = QStringLiteral("市纪委监委");
    c.transferDate = QDate(2020, 10, 20);
    const qint64 id = *oversight.addClue(c);
    const qint64 logBefore = AuditLog::length(*reg.db);

    Clue edited = oversight.clues().first();
    edited.transferDate = QDate(2020, 11, 2);
    edited.dueDate = {}; // defaults again to 3 months after the (new) transfer
    edited.personsCount = 3;
    REQUIRE(oversight.updateClue(edited).ok());
    CHECK(AuditLog::length(*reg.db) == logBefore + 1);
    Clue stored = oversight.clues().first();
    CHECK(stored.id == id);
    CHECK(stored.dueDate == QDate(2021, 2, 2));
    CHECK(stored.personsCount == 3);
    CHECK(stored.disposalState == QStringLiteral("pending"));
    CHECK_FALSE(OversightService::isClueOverdue(stored, QDate(2021, 2, 2)));
    CHECK(OversightService::isClueOverdue(stored, QDate(2021, 2, 3)));

    // Refused: an ID number among the roles, a due date before the transfer, a result date without result.
    Clue bad = stored;
    bad.personsRoles = QStringLiteral("张某 350203198001011234");
    CHECK_FALSE(OversightService::clueProblem(bad).isEmpty());
    CHECK_FALSE(oversight.updateClue(bad).ok());
    bad = stored;
    bad.dueDate = QDate(2020, 10, 1);
    CHECK(oversight.updateClue(bad).error().code == ErrorCode::InputRefused);
    bad = stored;
    bad.resultDate = QDate(2021, 1, 5);
    CHECK_FALSE(oversight.updateClue(bad).ok());
    CHECK(AuditLog::length(*reg.db) == logBefore + 1);
    CHECK(oversight.clues().first().personsRoles == QStringLiteral("科长1名、副科长1名"));

    // Disposed through the editor: a result and its date.
    stored.result = QStringLiteral("已初核了结");
    stored.resultDate = QDate(2021, 1, 8);
    REQUIRE(oversight.updateClue(stored).ok());
    CHECK(oversight.clues().first().disposalState == QStringLiteral("disposed"));

    REQUIRE(oversight.deleteClue(id).ok());
    CHECK(oversight.clues().isEmpty());
    CHECK(AuditLog::length(*reg.db) == logBefore + 3);
    CHECK_FALSE(oversight.deleteClue(id).ok());
    CHECK(Verifier::verify(*reg.db).ok());
}

TEST_CASE("a referral's problem links are replaced one by one, a missing problem rolls everything back",
          "[oversight][referral][edit]")
{
    TempRegister reg;
    OrganizationService org(*reg.db);
    OversightService oversight(*reg.db);
    const qint64 unit = *org.ensureUnit(QStringLiteral("市住建局党组"));
    const qint64 p1 = addProblem(*reg.db, unit, SourceLevel::Municipal, QStringLiteral("工程招投标监管不严"));
    const qint64 p2 = addProblem(*reg.db, unit, SourceLevel::Municipal, QStringLiteral("保障房分配不规范"));
    const qint64 p3 =
        addProblem(*reg.db, unit, SourceLevel::Municipal, QStringLiteral("物业专项资金管理混乱"));
    Referral r;
    r.kind = ReferralKind::ReferralSheet;
    r.number = QStringLiteral("抄告〔2020〕7号");
    r.issuedOn = QDate(2020, 8, 3);
    r.recipient = QStringLiteral("市住建局");
    r.subject = QStringLiteral("关于住房保障领域共性问题的抄告");
    r.problemIds = {p1, p2};
    const qint64 id = *oversight.addReferral(r);
    CHECK(OversightRegisters::referrals(*reg.db).first().problemCount == 2);

    Referral edited = *oversight.referral(id);
    CHECK(edited.problemIds == QList<qint64>{p1, p2});
    edited.problemIds = {p2, p3};
    edited.kind = ReferralKind::ThematicReport;
    edited.response = QStringLiteral("已专题研究整改");
    edited.responseDate = QDate(2020, 9, 1);
    const qint64 logBefore = AuditLog::length(*reg.db);
    REQUIRE(oversight.updateReferral(edited).ok());
    // One update of the referral, one link removed (p1), one added (p3).
    CHECK(AuditLog::length(*reg.db) == logBefore + 3);
    const Referral stored = *oversight.referral(id);
    CHECK(stored.problemIds == QList<qint64>{p2, p3});
    CHECK(stored.kind == ReferralKind::ThematicReport);
    CHECK(stored.responseDate == QDate(2020, 9, 1));
    CHECK(OversightRegisters::referrals(*reg.db).first().problemCount == 2);

    // A problem that does not exist: nothing changes, not even the subject.
    Referral bad = stored;
    bad.subject = QStringLiteral("改了的标题");
    bad.problemIds = {p1, 9999};
    CHECK_FALSE(oversight.updateReferral(bad).ok());
    CHECK(oversight.referral(id)->problemIds == QList<qint64>{p2, p3});
    CHECK(oversight.referral(id)->subject == QStringLiteral("关于住房保障领域共性问题的抄告"));
    CHECK(AuditLog::length(*reg.db) == logBefore + 3);
    bad = stored;
    bad.subject = QStringLiteral("  ");
    CHECK_FALSE(oversight.updateReferral(bad).ok());
    // A response dated before the referral (2020-08-03) is refused, by both ways of recording it.
    bad = stored;
    bad.responseDate = QDate(2020, 8, 2);
    CHECK(oversight.updateReferral(bad).error().message ==
          QStringLiteral("The response cannot be before the referral was issued."));
    CHECK(oversight.recordResponse(id, QStringLiteral("已整改"), QDate(2020, 8, 2)).error().message ==
          QStringLiteral("The response cannot be before the referral was issued."));
    bad.id = 0;
    CHECK_FALSE(oversight.addReferral(bad).ok());
    CHECK(oversight.referral(id)->responseDate == QDate(2020, 9, 1));
    CHECK(AuditLog::length(*reg.db) == logBefore + 3);
    REQUIRE(oversight.recordResponse(id, QStringLiteral("已专题研究整改"), QDate(2020, 8, 3)).ok());
    CHECK(oversight.referral(id)->responseDate == QDate(2020, 8, 3));

    REQUIRE(oversight.deleteReferral(id).ok());
    CHECK_FALSE(oversight.referral(id).has_value());
    CHECK(reg.db->scalar(QStringLiteral("SELECT count(*) FROM referral_problems")).toInt() == 0);
    CHECK(AuditLog::length(*reg.db) == logBefore + 4 + 3); // two links and the referral
    CHECK(Verifier::verify(*reg.db).ok());
}

TEST_CASE("referrals per year by kind: the demo's 2020 and one added in 2021", "[oversight][referral][demo]")
{
    TempRegister reg;
    REQUIRE(DemoRegister::build(*reg.db).ok());
    QList<ReferralYear> years = OversightRegisters::referralsByYear(*reg.db, QDate(2021, 1, 15));
    REQUIRE(years.size() == 1);
    CHECK(years[0].year == 2020);
    CHECK(years[0].referralSheets == 43);
    CHECK(years[0].thematicReports == 23);
    CHECK(years[0].keySituationReports == 3);
    CHECK(years[0].total() == 69);

    Referral r;
    r.kind = ReferralKind::KeySituationReport;
    r.issuedOn = QDate(2021, 1, 12);
    r.subject = QStringLiteral("关于某单位整改严重滞后的要情专报");
    REQUIRE(OversightService(*reg.db).addReferral(r).ok());
    years = OversightRegisters::referralsByYear(*reg.db, QDate(2021, 1, 15));
    REQUIRE(years.size() == 2);
    CHECK(years[1].year == 2021);
    CHECK(years[1].keySituationReports == 1);
    CHECK(years[1].total() == 1);
    // As of a date before it, the new report does not count.
    CHECK(OversightRegisters::referralsByYear(*reg.db, QDate(2021, 1, 11)).size() == 1);
}

TEST_CASE("evaluations are rescored on edit, 一般 opens a second rectification",
          "[oversight][evaluation][edit]")
{
    TempRegister reg;
    OrganizationService org(*reg.db);
    OversightService oversight(*reg.db);
    Evaluation e;
    e.unitId = *org.ensureUnit(QStringLiteral("市农业农村局党组"));
    e.evaluatedOn = QDate(2020, 11, 2);
    e.deductions = {3, 6, 2, 2, 3};
    const qint64 id = *oversight.addEvaluation(e);
    Evaluation stored = *oversight.evaluation(id);
    CHECK(stored.score == Approx(84));
    CHECK(stored.grade == QStringLiteral("较好"));
    CHECK_FALSE(stored.secondRectification);
    CHECK(stored.deductions == QList<double>{3, 6, 2, 2, 3});

    stored.deductions = {5, 12, 4, 6, 8};
    stored.score = 99; // ignored: core rescores
    REQUIRE(oversight.updateEvaluation(stored).ok());
    stored = *oversight.evaluation(id);
    CHECK(stored.score == Approx(65));
    CHECK(stored.grade == QStringLiteral("一般"));
    CHECK(stored.secondRectification);
    stored.unitId = 0;
    CHECK_FALSE(oversight.updateEvaluation(stored).ok());
    REQUIRE(oversight.deleteEvaluation(id).ok());
    CHECK_FALSE(oversight.evaluation(id).has_value());
}

TEST_CASE("return visits and outcomes are edited and deleted", "[oversight][edit]")
{
    TempRegister reg;
    OrganizationService org(*reg.db);
    OversightService oversight(*reg.db);
    const qint64 unit = *org.ensureUnit(QStringLiteral("市交通运输局党组"));
    ReturnVisit v;
    v.unitId = unit;
    v.campaign = QStringLiteral("前八轮巡察整改进展情况专项督办");
    v.date = QDate(2020, 12, 10);
    v.satisfaction = QStringLiteral("基本满意");
    const qint64 visit = *oversight.addReturnVisit(v);
    v.id = visit;
    v.satisfaction = QStringLiteral("满意");
    v.followUp = QStringLiteral("2021年3月底前再次回访");
    REQUIRE(oversight.updateReturnVisit(v).ok());
    REQUIRE(OversightRegisters::returnVisits(*reg.db).size() == 1);
    CHECK(OversightRegisters::returnVisits(*reg.db).first().visit.satisfaction == QStringLiteral("满意"));
    v.date = {};
    CHECK_FALSE(oversight.updateReturnVisit(v).ok());
    REQUIRE(oversight.deleteReturnVisit(visit).ok());
    CHECK(OversightRegisters::returnVisits(*reg.db).isEmpty());

    const qint64 problem =
        addProblem(*reg.db, unit, SourceLevel::Municipal, QStringLiteral("超标准配备公务用车"));
    const qint64 rule =
        *oversight.addRuleEstablished(problem, unit, QStringLiteral("公务用车管理办法"), QDate(2020, 9, 1));
    const qint64 acc =
        *oversight.addAccountability(problem, unit, QStringLiteral("诫勉谈话"), 1, QDate(2020, 9, 5));
    const qint64 funds = *oversight.addFundsRecovered(problem, unit, 12000, QDate(2020, 9, 9));
    REQUIRE(
        oversight.updateAccountability(acc, problem, unit, QStringLiteral("党纪处分"), 3, QDate(2020, 9, 6))
            .ok());
    REQUIRE(oversight.updateFundsRecovered(funds, problem, unit, 15800.5, QDate(2020, 9, 9)).ok());
    CHECK_FALSE(oversight.updateFundsRecovered(funds, problem, unit, 0, QDate(2020, 9, 9)).ok());
    CHECK_FALSE(oversight.updateRuleEstablished(rule, problem, unit, QString(), QDate(2020, 9, 1)).ok());
    const QList<OutcomeRow> outcomes = OversightRegisters::outcomes(*reg.db);
    REQUIRE(outcomes.size() == 3);
    CHECK(outcomes[1].name == QStringLiteral("党纪处分"));
    CHECK(outcomes[1].amount == 3);
    CHECK(outcomes[1].problemId == problem);
    CHECK(outcomes[2].amount == Approx(15800.5));
    CHECK(outcomes[2].id == funds);
    REQUIRE(oversight.deleteOutcome(outcomeTable(OutcomeRow::Kind::RuleEstablished), rule).ok());
    CHECK_FALSE(oversight.deleteOutcome(QStringLiteral("problems"), problem).ok());
    CHECK(OversightRegisters::outcomes(*reg.db).size() == 2);
    CHECK(Verifier::verify(*reg.db).ok());
}

TEST_CASE("integrated rectification links only to central or provincial problems and can be undone",
          "[oversight][integrated][edit]")
{
    TempRegister reg;
    OrganizationService org(*reg.db);
    OversightService oversight(*reg.db);
    const qint64 unit = *org.ensureUnit(QStringLiteral("市财政局党组"));
    const qint64 provincial =
        addProblem(*reg.db, unit, SourceLevel::Provincial, QStringLiteral("预算执行不严格"));
    const qint64 municipal =
        addProblem(*reg.db, unit, SourceLevel::Municipal, QStringLiteral("预算执行不严格（市级）"));
    const qint64 other = addProblem(*reg.db, unit, SourceLevel::Municipal, QStringLiteral("政府采购不规范"));
    const Status same = oversight.linkRepeatedProblem(municipal, other); // a municipal problem is no target
    REQUIRE_FALSE(same.ok());
    CHECK(same.error().message ==
          QStringLiteral(
              "A municipal problem can only repeat a problem fed back by a higher level than municipal."));
    CHECK_FALSE(oversight.linkRepeatedProblem(municipal, 9999).ok());
    REQUIRE(oversight.linkRepeatedProblem(municipal, provincial).ok());
    QList<RepeatLinkRow> links = OversightRegisters::repeatLinks(*reg.db);
    REQUIRE(links.size() == 1);
    CHECK(links[0].problemId == municipal);
    CHECK(links[0].repeatedId == provincial);
    CHECK(links[0].repeatedSource == SourceLevel::Provincial);
    REQUIRE(oversight.unlinkRepeatedProblem(municipal).ok());
    CHECK(OversightRegisters::repeatLinks(*reg.db).isEmpty());
}

TEST_CASE("a district problem repeats a municipal one in integrated rectification, not the reverse",
          "[oversight][integrated][edit]")
{
    TempRegister reg;
    OrganizationService org(*reg.db);
    OversightService oversight(*reg.db);
    const qint64 unit = *org.ensureUnit(QStringLiteral("思明区财政局党组"));
    const qint64 municipal =
        addProblem(*reg.db, unit, SourceLevel::Municipal, QStringLiteral("预算执行不严格"));
    const qint64 district =
        addProblem(*reg.db, unit, SourceLevel::District, QStringLiteral("预算执行不严格（区级）"));
    CHECK_FALSE(oversight.linkRepeatedProblem(municipal, district).ok());
    REQUIRE(oversight.linkRepeatedProblem(district, municipal).ok());
    const QList<RepeatLinkRow> links = OversightRegisters::repeatLinks(*reg.db);
    REQUIRE(links.size() == 1);
    CHECK(links[0].problemId == district);
    CHECK(links[0].repeatedSource == SourceLevel::Municipal);
}

TEST_CASE("the must-cover list unit by unit agrees with the coverage figures of the demo",
          "[oversight][coverage][demo]")
{
    TempRegister reg;
    REQUIRE(DemoRegister::build(*reg.db).ok());
    const QDate asOf(2021, 1, 15);
    const QList<CoverageUnitRow> rows = OversightRegisters::coverageUnits(*reg.db, asOf);
    const Coverage c = Statistics::coverage(*reg.db, asOf);
    CHECK(rows.size() == 105);
    QMap<QString, std::pair<int, int>> byCategory; // must cover, covered
    for (const CoverageUnitRow &r : rows) {
        ++byCategory[r.category].first;
        byCategory[r.category].second += r.covered ? 1 : 0;
    }
    REQUIRE(byCategory.size() == c.byCategory.size());
    for (const CoverageGroup &g : c.byCategory) {
        CHECK(byCategory.value(g.category).first == g.mustCover);
        CHECK(byCategory.value(g.category).second == g.covered);
    }
    CHECK(byCategory.value(QStringLiteral("党政机关")).first == 70);
    CHECK(byCategory.value(QStringLiteral("企事业单位")).first == 35);
    const int toCover =
        int(std::count_if(rows.cbegin(), rows.cend(), [](const CoverageUnitRow &r) { return !r.covered; }));
    CHECK(toCover == int(c.mustCover - c.covered));
    CHECK(toCover == 6);

    // Taking a unit still to cover off the list raises the rate.
    auto uncovered =
        std::find_if(rows.cbegin(), rows.cend(), [](const CoverageUnitRow &r) { return !r.covered; });
    REQUIRE(OrganizationService(*reg.db).setMustCover(uncovered->termId, uncovered->unitId, false).ok());
    CHECK(OversightRegisters::coverageUnits(*reg.db, asOf).size() == 104);
    CHECK(Statistics::coverage(*reg.db, asOf).mustCover == 104);
    CHECK(Statistics::coverage(*reg.db, asOf).covered == c.covered);
}

TEST_CASE("units with unfinished problems in a set of rounds equal those of the stored campaign",
          "[oversight][campaign][demo]")
{
    TempRegister reg;
    REQUIRE(DemoRegister::build(*reg.db).ok());
    OversightService oversight(*reg.db);
    const QList<Campaign> campaigns = oversight.campaigns();
    REQUIRE(campaigns.size() == 1);
    CHECK(campaigns[0].roundIds.size() == 8);
    const QDate asOf(2021, 1, 15);
    CHECK(oversight.unitsWithUnfinishedProblemsInRounds(campaigns[0].roundIds, asOf) ==
          oversight.unitsWithUnfinishedProblems(campaigns[0].id, asOf));
    CHECK(oversight.unitsWithUnfinishedProblemsInRounds(campaigns[0].roundIds, asOf).size() == 20);
    CHECK(oversight.unitsWithUnfinishedProblemsInRounds({}, asOf).isEmpty());
}

TEST_CASE("a campaign's rounds are edited, a rename follows into its return visits, deletion waits for them",
          "[oversight][campaign][edit][demo]")
{
    TempRegister reg;
    REQUIRE(DemoRegister::build(*reg.db).ok());
    OversightService oversight(*reg.db);
    const QDate asOf(2021, 1, 15);
    Campaign c = oversight.campaigns().first();
    const QString oldName = c.name;
    c.roundIds.removeLast(); // rounds 1-7
    c.name = QStringLiteral("前七轮巡察整改进展情况专项督办");
    const qint64 logBefore = AuditLog::length(*reg.db);
    REQUIRE(oversight.updateCampaign(c).ok());
    // The campaign, one round link removed, and its 20 return visits renamed. Rounds 1-7 leave 18
    // units with problems neither completed nor closed out on 2021-01-15 (20 for rounds 1-8).
    CHECK(AuditLog::length(*reg.db) == logBefore + 1 + 1 + 20);
    CHECK(oversight.campaigns().first().roundIds.size() == 7);
    CHECK(oversight.unitsWithUnfinishedProblems(c.id, asOf).size() == 18);
    CHECK(
        reg.db
            ->scalar(QStringLiteral("SELECT count(*) FROM supervision_actions WHERE campaign = ?"), {c.name})
            .toInt() == 20);
    CHECK(
        reg.db
            ->scalar(QStringLiteral("SELECT count(*) FROM supervision_actions WHERE campaign = ?"), {oldName})
            .toInt() == 0);
    c.roundIds.clear();
    CHECK_FALSE(oversight.updateCampaign(c).ok());
    c.roundIds = {9999};
    CHECK_FALSE(oversight.updateCampaign(c).ok());
    CHECK(oversight.campaigns().first().roundIds.size() == 7);
    // Dates in the wrong order are refused, the campaign as it was.
    c.roundIds = {1, 2};
    Campaign backwards = c;
    backwards.end = backwards.start.addDays(-1);
    const qint64 logBackwards = AuditLog::length(*reg.db);
    const Status refused = oversight.updateCampaign(backwards);
    CHECK(refused.error().message == QStringLiteral("A campaign cannot end before it starts."));
    backwards.id = 0;
    CHECK_FALSE(oversight.addCampaign(backwards).ok());
    CHECK(AuditLog::length(*reg.db) == logBackwards);
    CHECK(oversight.campaigns().size() == 1);
    CHECK(oversight.campaigns().first().roundIds.size() == 7);
    CHECK(oversight.campaigns().first().end == c.end);

    CHECK_FALSE(oversight.deleteCampaign(c.id).ok()); // 20 return visits name it
    const qint64 id = *oversight.addCampaign(
        Campaign{0, QStringLiteral("第九至十轮整改督办"), asOf, asOf.addMonths(1), {9, 10}});
    REQUIRE(oversight.deleteCampaign(id).ok());
    CHECK(oversight.campaigns().size() == 1);
    CHECK(reg.db->scalar(QStringLiteral("SELECT count(*) FROM campaign_rounds WHERE campaign_id = ?"), {id})
              .toInt() == 0);
    CHECK(Verifier::verify(*reg.db).ok());
}

TEST_CASE("the performance-assessment months and whether follow-up reviews count are register settings",
          "[oversight][settings][demo]")
{
    TempRegister reg;
    REQUIRE(DemoRegister::build(*reg.db).ok());
    OversightService oversight(*reg.db);
    const QDate asOf(2021, 1, 15);
    CHECK(oversight.performanceAssessmentMonths() == 6);
    CHECK(SupervisionSummary::compute(*reg.db, asOf).unitsPastSixMonths == 41);
    REQUIRE(oversight.setPerformanceAssessmentMonths(12).ok());
    CHECK(oversight.performanceAssessmentMonths() == 12);
    // Units with a problem fed back before 2020-01-15 and not closed out on 2021-01-15.
    CHECK(SupervisionSummary::compute(*reg.db, asOf).unitsPastSixMonths == 32);
    CHECK_FALSE(oversight.setPerformanceAssessmentMonths(0).ok());
    CHECK(oversight.performanceAssessmentMonths() == 12);
    CHECK_FALSE(oversight.coverageCountsFollowUp());
    REQUIRE(oversight.setCoverageCountsFollowUp(true).ok());
    CHECK(oversight.coverageCountsFollowUp());
    CHECK(Statistics::coverageKindsSql(*reg.db).contains(QStringLiteral("'follow_up'")));
}
