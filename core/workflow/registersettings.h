#pragma once

#include "domain/result.h"
#include "storage/database.h"
#include "workflow.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace rectrack::core {

/// Deadlines of one round: the plan and the rectification report are due this many months after feedback.
struct RoundDeadlines
{
    qint64 roundId = 0;
    QString label;
    int planMonths = 1;         ///< 整改方案 due (typically 1 month)
    int concentratedMonths = 3; ///< 集中整改期: report due (2 or 3 months)
    bool operator==(const RoundDeadlines &) const = default;
};

/**
 * Settings kept in the register itself, so that every machine that opens the file warns alike:
 * the traffic-light thresholds and colours (DESIGN.md §1.5: defaults 20 and 10 days), the
 * registration-number pattern and the default deadlines of new rounds (meta table), and each
 * round's own deadlines (rounds table). Colours are "#rrggbb" strings: core has no QColor.
 */
struct RegisterSettings
{
    WarningThresholds thresholds;
    QString redColor = QStringLiteral("#d93a3a");
    QString yellowColor = QStringLiteral("#e0a400");
    QString greenColor = QStringLiteral("#2f9e44");
    /// Pattern of new registration numbers: {unit} unit short name, {yyyy} year, {seq:N} number padded to N.
    QString registrationPattern = QStringLiteral("{yyyy}-{seq:3}");
    int defaultPlanMonths = 1;
    int defaultConcentratedMonths = 3;
    QList<RoundDeadlines> rounds;

    bool operator==(const RegisterSettings &o) const
    {
        return thresholds.greenDays == o.thresholds.greenDays &&
               thresholds.yellowDays == o.thresholds.yellowDays && redColor == o.redColor &&
               yellowColor == o.yellowColor && greenColor == o.greenColor &&
               registrationPattern == o.registrationPattern && defaultPlanMonths == o.defaultPlanMonths &&
               defaultConcentratedMonths == o.defaultConcentratedMonths && rounds == o.rounds;
    }
};

class SettingsService
{
    Q_DECLARE_TR_FUNCTIONS(SettingsService)
public:
    explicit SettingsService(Database &db) : m_db(db) {}

    /// The register's settings (defaults for keys never written).
    RegisterSettings load();
    /// Validates, then writes meta keys and changed round deadlines in one transaction.
    Status save(const RegisterSettings &settings);

    /// Pure validation: thresholds 0 < yellow ≤ green ≤ 365, months 1–12, colours #rrggbb,
    /// a pattern containing {seq}. Returns InputRefused with the first problem found.
    static Status validate(const RegisterSettings &settings);

    /// Reads the thresholds alone (the ledger views need them on every open).
    static WarningThresholds thresholds(Database &db);

private:
    Database &m_db;
};

} // namespace rectrack::core
