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

    Result<qint64> addReferral(const Referral &referral);
    Status recordResponse(qint64 referralId, const QString &response, const QDate &date);

    /// Scores @p e.deductions with @p tmpl, sets score, grade and the second-rectification flag, stores it.
    Result<qint64> addEvaluation(Evaluation e,
                                 const EvaluationTemplate &tmpl = EvaluationTemplate::builtIn());

    Result<qint64> addCampaign(const Campaign &campaign);
    /// Units with problems not done (neither completed nor closed out) on @p asOf among the
    /// inspections of the campaign's rounds, by unit name.
    QList<qint64> unitsWithUnfinishedProblems(qint64 campaignId, const QDate &asOf);
    Result<qint64> addReturnVisit(const ReturnVisit &visit);

    /// Links a (municipal) problem to the central or provincial problem it repeats (集成整改).
    Status linkRepeatedProblem(qint64 problemId, qint64 repeatedProblemId);
    /// Lets a measure serve a further problem besides its own.
    Status shareMeasure(qint64 measureId, qint64 problemId);

    Result<qint64> addRuleEstablished(qint64 problemId, qint64 unitId, const QString &name,
                                      const QDate &date);
    Result<qint64> addAccountability(qint64 problemId, qint64 unitId, const QString &form, int persons,
                                     const QDate &date);
    Result<qint64> addFundsRecovered(qint64 problemId, qint64 unitId, double yuan, const QDate &date);

private:
    Database &m_db;
};

} // namespace rectrack::core
