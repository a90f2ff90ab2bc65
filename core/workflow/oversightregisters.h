#pragma once

/**
 * Read-only rows of the supervision registers kept beside the ledgers (线索台账, 抄告和专报,
 * 整改效果评价, 专项督办与回访, 整改成果), as the app's register views list them. Written through
 * OversightService; read here.
 */

#include "domain/entities.h"
#include "storage/database.h"

namespace rectrack::core {

/// A referral or report with the number of problems it concerns.
struct ReferralRow
{
    Referral referral;
    int problemCount = 0;
};

/// An evaluation with the evaluated unit's name.
struct EvaluationRow
{
    Evaluation evaluation;
    QString unit;
};

/// A return visit with the visited unit's name.
struct ReturnVisitRow
{
    ReturnVisit visit;
    QString unit;
};

/// One outcome: a rule established, an accountability decision or funds recovered.
struct OutcomeRow
{
    enum class Kind
    {
        RuleEstablished,
        Accountability,
        FundsRecovered
    };
    Kind kind = Kind::RuleEstablished;
    QString name;      ///< the rule's name or the accountability form; empty for funds
    double amount = 0; ///< people held accountable, or yuan recovered; 0 for rules
    QDate date;
    QString unit;
};

namespace OversightRegisters {

/// Referrals and reports by date of issue, then id.
QList<ReferralRow> referrals(Database &db);
/// Evaluations by date, then unit.
QList<EvaluationRow> evaluations(Database &db);
/// Return visits (supervision actions of kind return_visit) by date, then id.
QList<ReturnVisitRow> returnVisits(Database &db);
/// Rules established, then accountability, then funds recovered, each by date and id.
QList<OutcomeRow> outcomes(Database &db);

} // namespace OversightRegisters

} // namespace rectrack::core
