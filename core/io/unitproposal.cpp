#include "unitproposal.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace rectrack::core {

QString UnitProposal::fromText(const QString &text, const QStringList &knownUnits)
{
    const QString t = text.simplified();
    if (t.isEmpty())
        return {};
    QString best;
    for (const QString &u : knownUnits) {
        if (u.size() > best.size() && t.contains(u))
            best = u;
    }
    if (!best.isEmpty())
        return best;
    static const QRegularExpression english(QStringLiteral("^(?:Problem|Rectification) ledger of (.+)$"),
                                            QRegularExpression::CaseInsensitiveOption);
    if (const auto m = english.match(t); m.hasMatch())
        return m.captured(1).trimmed();
    QString s = t;
    static const QRegularExpression lead(QStringLiteral("^(?:\\d{4}\\s*年度?|关于|《)+"));
    s.remove(lead);
    static const QStringList cuts{QStringLiteral("巡察"),     QStringLiteral("巡视"),
                                  QStringLiteral("反馈问题"), QStringLiteral("问题整改"),
                                  QStringLiteral("整改"),     QStringLiteral("问题台账"),
                                  QStringLiteral("台账"),     QStringLiteral("问题清单")};
    qsizetype cut = -1;
    for (const QString &c : cuts) {
        const qsizetype i = s.indexOf(c);
        if (i >= 0 && (cut < 0 || i < cut))
            cut = i;
    }
    // "X关于市委第三巡察组反馈问题…": the unit is what comes before 关于.
    if (const qsizetype about = s.indexOf(QStringLiteral("关于")); about >= 2 && (cut < 0 || about < cut))
        cut = about;
    if (cut < 0)
        return {};
    s = s.left(cut);
    static const QRegularExpression tail(
        QStringLiteral("[\\s《》“”\"'（(：:、，,_\\-]+$|^[\\s《》“”\"'_\\-]+"));
    s.remove(tail);
    if (s.endsWith(QStringLiteral("关于")))
        s.chop(2);
    // The unit's name without the party prefix of an official title (中共市交通运输局党组 →
    // 市交通运输局党组).
    static const QRegularExpression party(QStringLiteral("^(?:中国共产党|中共)(?=.{2,})"));
    s.remove(party);
    return s.size() >= 2 ? s : QString();
}

QString UnitProposal::fromLedger(const QString &title, const QString &fileName, const QStringList &knownUnits)
{
    const QString fromTitle = fromText(title, knownUnits);
    if (!fromTitle.isEmpty())
        return fromTitle;
    return fromText(QFileInfo(fileName).completeBaseName(), knownUnits);
}

} // namespace rectrack::core
