#pragma once

#include "statistics.h"
#include "storage/database.h"

#include <QMap>

namespace rectrack::core {

/**
 * Supervision figures beside the ledgers as of a date (`rectrack-cli summary`, the report's
 * supervision sections): referrals issued by kind, transferred clues (total, disposed, overdue:
 * due date passed without a reported result), units evaluated and their grades, units in
 * performance assessment, coverage and outcomes.
 *
 * Units in performance assessment (unitsPastSixMonths): units with at least one problem whose
 * feedback is more than N months old (N = the register setting performance_assessment_months,
 * default 6, DESIGN.md §1.8) and that is not closed out on the date.
 */
struct SupervisionSummary
{
    QDate asOf;
    int referralSheets = 0;
    int thematicReports = 0;
    int keySituationReports = 0;
    int cluesTotal = 0;
    int cluesDisposed = 0;
    int cluesOverdue = 0;
    int unitsEvaluated = 0;
    QMap<QString, int> evaluationsByGrade;
    int unitsPastSixMonths = 0;
    Coverage coverage;
    int rulesEstablished = 0;
    int peopleHeldAccountable = 0;
    double fundsRecoveredYuan = 0;

    static SupervisionSummary compute(Database &db, const QDate &asOf);
};

} // namespace rectrack::core
