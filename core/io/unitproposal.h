#pragma once

#include <QString>
#include <QStringList>

namespace rectrack::core {

/**
 * The unit a ledger belongs to, proposed from its title (or, when it has none, e.g. a CSV, from
 * its file name) for the import wizard; the user confirms or changes it.
 *
 * A unit of the register named in the text wins (the longest when several are). Otherwise the
 * words before the ledger's own name are taken: a leading year (2021年, 2021年度) and 关于 are
 * dropped, and the text is cut at the first of 巡察, 巡视, 反馈问题, 问题整改, 整改, 问题台账, 台账,
 * 问题清单, or before 关于 (so 市交通运输局党组巡察反馈问题整改台账 → 市交通运输局党组,
 * 市农业农村局党组问题台账 → 市农业农村局党组), and a leading 中共 or 中国共产党 is dropped
 * (中共市交通运输局党组关于市委第三巡察组 反馈问题整改落实台账 → 市交通运输局党组); the exporter's English
 * title "Problem ledger of X" gives X. Empty when nothing of at least two characters is left.
 */
class UnitProposal
{
public:
    static QString fromLedger(const QString &title, const QString &fileName, const QStringList &knownUnits);
    /// The unit named by one text (a title or a file's base name), by the rules above.
    static QString fromText(const QString &text, const QStringList &knownUnits);
};

} // namespace rectrack::core
