#pragma once

/**
 * The registers kept beside the two ledgers (DESIGN.md §1.7–1.8): transferred problem clues
 * (线索台账, disposal due 3 months after transfer), referrals and reports (抄告单, 专题报告,
 * 要情专报) with the problems they concern, rectification-effect evaluations, supervision
 * campaigns with return visits, integrated rectification links (集成整改) and outcomes (建章立制,
 * accountability, funds recovered). Every change is one transaction with its audit entries.
 */

#include "domain/entities.h"
#include "storage/database.h"

#include <QCoreApplication>

namespace rectrack::core {

/// Key and display name of a referral kind (referral_sheet, thematic_report, key_situation_report).
QString referralKindKey(ReferralKind kind);
QString referralKindName(ReferralKind kind);

/**
 * Built-in evaluation template: deduction from 100 over five indicators (研究部署, 任务落实,
 * 组织保障, 群众满意度, 总体成效), grades 好 ≥ 90, 较好 ≥ 80, 一般 ≥ 60, 差 below, at
 * configurable cut-offs. 一般 and 差 open a second rectification.
 */
struct EvaluationTemplate
{
    QString name;
    QStringList criteria;
    QList<double> maxDeduction; ///< per criterion
    double good = 90;           ///< 好 at or above
    double fairlyGood = 80;     ///< 较好 at or above
    double average = 60;        ///< 一般 at or above; 差 below

    static EvaluationTemplate builtIn();
    /// 100 minus the deductions, each capped at its criterion's maximum; never below 0.
    double score(const QList<double> &deductions) const;
    QString grade(double score) const;
    static bool needsSecondRectification(const QString &grade);
};

class OversightService
{
    Q_DECLARE_TR_FUNCTIONS(OversightService)
public:
    explicit OversightService(Database &db) : m_db(db) {}

    /// Records a transferred clue; the due date defaults to 3 months after the transfer date.
    Result<qint64> addClue(Clue clue);
    /// Records the disposal result reported back by the receiver.
    Status disposeClue(qint64 clueId, const QString &result, const QDate &date);
    QList<Clue> clues();
    /// A clue is overdue on @p asOf when its due date has passed and no result was reported by then.
    static bool isClueOverdue(const Clue &clue, const QDate &asOf);
    /// Why @p clue cannot be stored (empty when it can): a summary and a transfer date are needed,
    /// the persons count is not negative, the due and result dates are not before the transfer.
    static QString clueProblem(const Clue &clue);
    /// Rewrites every field of the clue @p clue.id (due date defaulting as in addClue); the disposal
    /// state follows the result date (disposed when it is set). Errors on bad input or a missing clue.
    Status updateClue(Clue clue);
    /// Deletes the clue @p clueId (with its audit entry).
    Status deleteClue(qint64 clueId);

    Result<qint64> addReferral(const Referral &referral);
    Status recordResponse(qint64 referralId, const QString &response, const QDate &date);
    /// The referral @p referralId with the ids of the problems it concerns (ascending); nullopt when missing.
    std::optional<Referral> referral(qint64 referralId);
    /// Rewrites the referral @p ref.id and replaces its problem links by @p ref.problemIds (links
    /// removed and added one by one, each with its audit entry). Errors on an empty subject.
    Status updateReferral(const Referral &ref);
    /// Deletes a referral and its problem links.
    Status deleteReferral(qint64 referralId);

    /// Scores @p e.deductions with @p tmpl, sets score, grade and the second-rectification flag, stores it.
    Result<qint64> addEvaluation(Evaluation e,
                                 const EvaluationTemplate &tmpl = EvaluationTemplate::builtIn());

    /// The evaluation @p id with its per-criterion deductions (from criteria_json); nullopt when missing.
    std::optional<Evaluation> evaluation(qint64 id);
    /// Rescores and rewrites the evaluation @p e.id as addEvaluation does.
    Status updateEvaluation(Evaluation e, const EvaluationTemplate &tmpl = EvaluationTemplate::builtIn());
    Status deleteEvaluation(qint64 id);

    Result<qint64> addCampaign(const Campaign &campaign);
    /// Every campaign with its rounds, by start date and id.
    QList<Campaign> campaigns();
    /// Rewrites the campaign @p campaign.id and replaces its rounds (each link change audited). A
    /// renamed campaign renames its return visits too (they name their campaign). Needs a name
    /// and at least one round.
    Status updateCampaign(const Campaign &campaign);
    /// Deletes a campaign and its round links; refused while return visits name it.
    Status deleteCampaign(qint64 campaignId);
    /// Units with problems not done (neither completed nor closed out) on @p asOf among the
    /// inspections of the campaign's rounds, by unit name.
    QList<qint64> unitsWithUnfinishedProblems(qint64 campaignId, const QDate &asOf);
    /// The same for a set of rounds not (yet) stored as a campaign: ids of the units with problems
    /// not done on @p asOf among the inspections of @p roundIds, by unit name.
    QList<qint64> unitsWithUnfinishedProblemsInRounds(const QList<qint64> &roundIds, const QDate &asOf);
    Result<qint64> addReturnVisit(const ReturnVisit &visit);
    /// Rewrites the return visit @p visit.id (same checks as addReturnVisit).
    Status updateReturnVisit(const ReturnVisit &visit);
    Status deleteReturnVisit(qint64 id);

    /// Links a problem to the problem of a higher source level it repeats (集成整改: a municipal
    /// problem repeats a central or provincial one, a district problem also a municipal one).
    /// Refused when either problem is missing or the repeated one is not of a higher level.
    Status linkRepeatedProblem(qint64 problemId, qint64 repeatedProblemId);
    /// Removes the 集成整改 link of @p problemId.
    Status unlinkRepeatedProblem(qint64 problemId);
    /// Lets a measure serve a further problem besides its own.
    Status shareMeasure(qint64 measureId, qint64 problemId);

    Result<qint64> addRuleEstablished(qint64 problemId, qint64 unitId, const QString &name,
                                      const QDate &date);
    Result<qint64> addAccountability(qint64 problemId, qint64 unitId, const QString &form, int persons,
                                     const QDate &date);
    Result<qint64> addFundsRecovered(qint64 problemId, qint64 unitId, double yuan, const QDate &date);

    /// Rewrites a rule established (name, date, problem, unit).
    Status updateRuleEstablished(qint64 id, qint64 problemId, qint64 unitId, const QString &name,
                                 const QDate &date);
    /// Rewrites an accountability decision (form, persons ≥ 1, date, problem, unit).
    Status updateAccountability(qint64 id, qint64 problemId, qint64 unitId, const QString &form, int persons,
                                const QDate &date);
    /// Rewrites a recovery of funds (yuan > 0, date, problem, unit).
    Status updateFundsRecovered(qint64 id, qint64 problemId, qint64 unitId, double yuan, const QDate &date);
    /// Deletes an outcome from its table (rules_established, accountability or funds_recovered).
    Status deleteOutcome(const QString &table, qint64 id);

    /// Months after feedback from which a unit with a problem not closed out is in performance
    /// assessment (register setting performance_assessment_months, default 6, DESIGN.md §1.8).
    int performanceAssessmentMonths();
    /// Sets it (1–36 months).
    Status setPerformanceAssessmentMonths(int months);
    /// Whether follow-up reviews (回头看) count towards coverage (setting coverage_counts_follow_up).
    bool coverageCountsFollowUp();
    Status setCoverageCountsFollowUp(bool on);

private:
    Database &m_db;
};

} // namespace rectrack::core
