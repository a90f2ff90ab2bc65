#include "labels.h"

namespace rectrack::ui {

QString Labels::state(core::ProblemState s)
{
    switch (s) {
    case core::ProblemState::Registered:
        return tr("Registered");
    case core::ProblemState::InProgress:
        return tr("In progress");
    case core::ProblemState::LongTerm:
        return tr("Long-term");
    case core::ProblemState::Completed:
        return tr("Completed");
    case core::ProblemState::ClosedOut:
        return tr("Closed out");
    }
    return {};
}

QString Labels::measureState(core::MeasureState s)
{
    switch (s) {
    case core::MeasureState::Pending:
        return tr("Not started");
    case core::MeasureState::InProgress:
        return tr("In progress");
    case core::MeasureState::LongTerm:
        return tr("Long-term");
    case core::MeasureState::Completed:
        return tr("Completed");
    }
    return {};
}

QString Labels::measureType(core::MeasureType t)
{
    switch (t) {
    case core::MeasureType::Immediate:
        return tr("Immediate");
    case core::MeasureType::Deadline:
        return tr("By deadline");
    case core::MeasureType::LongTerm:
        return tr("Long-term");
    }
    return {};
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
    switch (k) {
    case core::InspectionKind::Regular:
        return tr("Regular");
    case core::InspectionKind::Thematic:
        return tr("Thematic");
    case core::InspectionKind::Elevated:
        return tr("Elevated");
    case core::InspectionKind::Flexible:
        return tr("Flexible");
    case core::InspectionKind::Cross:
        return tr("Cross");
    case core::InspectionKind::FollowUp:
        return tr("Follow-up review");
    }
    return {};
}

QString Labels::light(core::WarningLight w)
{
    switch (w) {
    case core::WarningLight::None:
        return {};
    case core::WarningLight::Normal:
        return tr("Normal");
    case core::WarningLight::Green:
        return tr("Green");
    case core::WarningLight::Yellow:
        return tr("Yellow");
    case core::WarningLight::Red:
        return tr("Red");
    }
    return {};
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

} // namespace rectrack::ui
