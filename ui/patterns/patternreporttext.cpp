#include "patternreporttext.h"

namespace rectrack::ui {

QString PatternReportText::heading()
{
    return tr("Common and recurring problems");
}

QString PatternReportText::summary(const QList<core::PatternFigures> &shown, int total)
{
    int common = 0, recurrenceUnits = 0, recurrenceEvents = 0;
    for (const core::PatternFigures &f : shown) {
        common += f.common ? 1 : 0;
        recurrenceUnits += f.recurrenceUnits;
        recurrenceEvents += f.recurrenceEvents;
    }
    QString s = tr("%1 patterns of the same problem have been confirmed; %2 of those listed are common to "
                   "several units, and problems were found again after close-out %3 times in %4 units.")
                    .arg(total)
                    .arg(common)
                    .arg(recurrenceEvents)
                    .arg(recurrenceUnits);
    if (total > shown.size())
        s += QLatin1Char(' ') + tr("The %1 most widespread are listed.").arg(shown.size());
    return s;
}

QStringList PatternReportText::headers()
{
    return {tr("Pattern"),
            tr("Units"),
            tr("Rounds"),
            tr("Problems"),
            tr("Closed out"),
            tr("Close-out rate"),
            tr("Found again (units/times)"),
            tr("Referrals and rules")};
}

QString PatternReportText::name(const core::PatternFigures &f)
{
    return f.common ? tr("%1 (common)").arg(f.name) : f.name;
}

QString PatternReportText::recurrences(const core::PatternFigures &f)
{
    QString s = QStringLiteral("%1/%2").arg(f.recurrenceUnits).arg(f.recurrenceEvents);
    if (f.unrectifiedEvents)
        s += QLatin1Char('\n') + tr("not rectified %1/%2").arg(f.unrectifiedUnits).arg(f.unrectifiedEvents);
    return s;
}

QString PatternReportText::outcomes(const core::PatternFigures &f)
{
    QStringList parts;
    for (const QString &r : f.referrals)
        parts << tr("Referral: %1").arg(r);
    for (const QString &r : f.rules)
        parts << tr("Rule: %1").arg(r);
    return parts.isEmpty() ? QStringLiteral("—") : parts.join(QLatin1Char('\n'));
}

QString PatternReportText::method(const core::PatternSettings &s)
{
    return tr("Method: problems whose texts share character pairs (Dice coefficient of character bigrams at "
              "least %1, each member at least %2 with the most typical problem) are suggested as one "
              "pattern and count only once a person has confirmed them; a pattern is common when it spans "
              "at least %3 units; found again means fed back in a unit after a problem of the same pattern "
              "there had been closed out.")
        .arg(s.thresholds.suggest, 0, 'f', 2)
        .arg(s.thresholds.possible, 0, 'f', 2)
        .arg(s.commonUnits);
}

} // namespace rectrack::ui
