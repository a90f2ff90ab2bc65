#include "labels.h"

#include <QDateTime>

namespace rectrack::ui {

QString Labels::state(core::ProblemState s)
{
    return core::Names::display(s); // one table of names, in core
}

QString Labels::measureState(core::MeasureState s)
{
    return core::Names::display(s);
}

QString Labels::measureType(core::MeasureType t)
{
    return core::Names::display(t);
}

QString Labels::source(core::SourceLevel s)
{
    switch (s) {
    case core::SourceLevel::Central:
        return tr("Central inspection");
    case core::SourceLevel::Provincial:
        return tr("Provincial inspection");
    case core::SourceLevel::Municipal:
        return tr("Municipal inspection");
    case core::SourceLevel::District:
        return tr("District inspection");
    }
    return {};
}

QString Labels::kind(core::InspectionKind k)
{
    return core::Names::display(k);
}

QString Labels::light(core::WarningLight w)
{
    return core::Names::display(w);
}

QString Labels::reviewStep(core::ReviewStep s)
{
    switch (s) {
    case core::ReviewStep::UnitLeader:
        return tr("Unit leader");
    case core::ReviewStep::UnitGroup:
        return tr("Unit rectification group");
    case core::ReviewStep::InspectionOffice:
        return tr("Inspection office");
    }
    return {};
}

QString Labels::date(const QDate &d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

QString Labels::localTime(const QString &isoUtc)
{
    const QDateTime t = QDateTime::fromString(isoUtc, Qt::ISODate);
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : isoUtc;
}

} // namespace rectrack::ui
