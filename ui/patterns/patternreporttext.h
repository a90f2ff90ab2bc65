#pragma once

#include "patterns/patternservice.h"

#include <QCoreApplication>
#include <QStringList>

namespace rectrack::ui {

/**
 * The words of the report's 共性问题 section (issue #27), kept with the patterns so that their
 * translations live in patterns_zh_CN.ts: the heading, a summary sentence, the table's headers and
 * cells, and the one-line note on the method (with the register's thresholds).
 */
class PatternReportText
{
    Q_DECLARE_TR_FUNCTIONS(PatternReportText)
public:
    static QString heading();
    /// "N patterns confirmed, M of them common …" over @p shown of @p total patterns.
    static QString summary(const QList<core::PatternFigures> &shown, int total);
    static QStringList headers();
    /// The pattern's name, marked 共性 when it is common.
    static QString name(const core::PatternFigures &f);
    /// "units/events" of recurrence, and of 未整改到位 when there are any.
    static QString recurrences(const core::PatternFigures &f);
    /// Referral subjects and rule names raised from the pattern, or "—".
    static QString outcomes(const core::PatternFigures &f);
    /// One line on how patterns are found and counted.
    static QString method(const core::PatternSettings &settings);
};

} // namespace rectrack::ui
