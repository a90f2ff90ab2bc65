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
    QString copyTo;  ///< 抄送 (referrals.copy_to), as written; empty when none
    QDate dueDate;   ///< the date the recipient is to respond by (referrals.due_date); invalid = none
    QString pattern; ///< name of the common-problem pattern it was raised from (issue #27); empty = none
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
    qint64 id = 0;        ///< rowid in the kind's table
    qint64 problemId = 0; ///< the linked problem, 0 = none
    qint64 unitId = 0;
    QString name;      ///< the rule's name or the accountability form; empty for funds
    double amount = 0; ///< people held accountable, or yuan recovered; 0 for rules
    QDate date;
    QString unit;
    QString owner;   ///< a rule to establish: who establishes it (rules_established.owner)
    QDate dueDate;   ///< a rule to establish: by when (rules_established.due_date); invalid = none
    QString pattern; ///< name of the common-problem pattern it was raised from (issue #27)
};

/// The table an outcome of @p kind lives in (rules_established, accountability, funds_recovered).
QString outcomeTable(OutcomeRow::Kind kind);

/// Referrals issued in one calendar year, by kind (抄告单, 专题报告, 要情专报).
struct ReferralYear
{
    int year = 0;
    int referralSheets = 0;
    int thematicReports = 0;
    int keySituationReports = 0;
    int total() const { return referralSheets + thematicReports + keySituationReports; }
};

/// A 集成整改 link: a (municipal) problem and the central or provincial problem it repeats.
struct RepeatLinkRow
{
    qint64 problemId = 0;
    QString registrationNo;
    QString unit;
    QString description;
    qint64 repeatedId = 0;
    QString repeatedRegistrationNo;
    SourceLevel repeatedSource = SourceLevel::Central;
    QString repeatedDescription;
};

/// One unit on the must-cover list of the term running on the as-of date (巡察全覆盖).
struct CoverageUnitRow
{
    qint64 termId = 0;
    qint64 unitId = 0;
    QString term;
    QString category;
    QString unit;
    bool covered = false; ///< inspected in the term by a kind that counts (Statistics::coverage)
};

/// A problem as editors offer it for picking (referral links, outcomes, 集成整改).
struct ProblemChoice
{
    qint64 id = 0;
    QString registrationNo;
    QString unit;
    qint64 unitId = 0;
    SourceLevel source = SourceLevel::Municipal;
    QString description;
};

/// An inspection as editors offer it for picking: "unit · round" with its ids.
struct InspectionChoice
{
    qint64 id = 0;
    qint64 unitId = 0;
    QString label;
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

/// Referrals issued up to @p asOf per year of issue, ascending; undated referrals are left out.
QList<ReferralYear> referralsByYear(Database &db, const QDate &asOf);
/// Problems linked to the problem they repeat, by registration number.
QList<RepeatLinkRow> repeatLinks(Database &db);
/// The must-cover list of the term of Statistics::coverage(@p asOf), by category then unit; a unit is
/// covered under the same rule as there (kinds of Statistics::coverageKinds, entered by @p asOf).
QList<CoverageUnitRow> coverageUnits(Database &db, const QDate &asOf);

/// Every problem, by registration number then id.
QList<ProblemChoice> problemChoices(Database &db);
/// Every inspection labelled "unit · round" (or "unit · source level" outside rounds), by unit and round.
QList<InspectionChoice> inspectionChoices(Database &db);

} // namespace OversightRegisters

} // namespace rectrack::core
