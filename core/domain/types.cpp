#include "types.h"

#include <array>
#include <utility>

namespace rectrack::core {

namespace {

template <typename E, std::size_t N>
QString keyOf(const std::array<std::pair<E, const char *>, N> &table, E value)
{
    for (const auto &[e, k] : table) {
        if (e == value)
            return QString::fromLatin1(k);
    }
    return {};
}

template <typename E, std::size_t N>
std::optional<E> valueOf(const std::array<std::pair<E, const char *>, N> &table, const QString &key)
{
    for (const auto &[e, k] : table) {
        if (key == QLatin1String(k))
            return e;
    }
    return std::nullopt;
}

constexpr std::array<std::pair<ProblemState, const char *>, 5> kProblemStates{{
    {ProblemState::Registered, "registered"},
    {ProblemState::InProgress, "in_progress"},
    {ProblemState::LongTerm, "long_term"},
    {ProblemState::Completed, "completed"},
    {ProblemState::ClosedOut, "closed_out"},
}};
constexpr std::array<std::pair<MeasureType, const char *>, 3> kMeasureTypes{{
    {MeasureType::Immediate, "immediate"},
    {MeasureType::Deadline, "deadline"},
    {MeasureType::LongTerm, "long_term"},
}};
constexpr std::array<std::pair<MeasureState, const char *>, 4> kMeasureStates{{
    {MeasureState::Pending, "pending"},
    {MeasureState::InProgress, "in_progress"},
    {MeasureState::LongTerm, "long_term"},
    {MeasureState::Completed, "completed"},
}};
constexpr std::array<std::pair<SourceLevel, const char *>, 4> kSourceLevels{{
    {SourceLevel::Central, "central"},
    {SourceLevel::Provincial, "provincial"},
    {SourceLevel::Municipal, "municipal"},
    {SourceLevel::District, "district"},
}};
constexpr std::array<std::pair<InspectionKind, const char *>, 6> kInspectionKinds{{
    {InspectionKind::Regular, "regular"},
    {InspectionKind::Thematic, "thematic"},
    {InspectionKind::Elevated, "elevated"},
    {InspectionKind::Flexible, "flexible"},
    {InspectionKind::Cross, "cross"},
    {InspectionKind::FollowUp, "follow_up"},
}};
constexpr std::array<std::pair<WarningLight, const char *>, 5> kLights{{
    {WarningLight::None, "none"},
    {WarningLight::Normal, "normal"},
    {WarningLight::Green, "green"},
    {WarningLight::Yellow, "yellow"},
    {WarningLight::Red, "red"},
}};
constexpr std::array<std::pair<ReviewStep, const char *>, 3> kReviewSteps{{
    {ReviewStep::UnitLeader, "unit_leader"},
    {ReviewStep::UnitGroup, "unit_group"},
    {ReviewStep::InspectionOffice, "inspection_office"},
}};
constexpr std::array<std::pair<SupervisionKind, const char *>, 6> kSupervisionKinds{{
    {SupervisionKind::Urge, "urge"},
    {SupervisionKind::Reminder, "reminder"},
    {SupervisionKind::Warning, "warning"},
    {SupervisionKind::SupervisionLetter, "supervision_letter"},
    {SupervisionKind::Interview, "interview"},
    {SupervisionKind::ReturnVisit, "return_visit"},
}};

} // namespace

QString Names::key(ProblemState s)
{
    return keyOf(kProblemStates, s);
}
QString Names::key(MeasureType t)
{
    return keyOf(kMeasureTypes, t);
}
QString Names::key(MeasureState s)
{
    return keyOf(kMeasureStates, s);
}
QString Names::key(SourceLevel s)
{
    return keyOf(kSourceLevels, s);
}
QString Names::key(InspectionKind k)
{
    return keyOf(kInspectionKinds, k);
}
QString Names::key(WarningLight w)
{
    return keyOf(kLights, w);
}
QString Names::key(ReviewStep s)
{
    return keyOf(kReviewSteps, s);
}
QString Names::key(SupervisionKind k)
{
    return keyOf(kSupervisionKinds, k);
}

std::optional<ProblemState> Names::problemState(const QString &k)
{
    return valueOf(kProblemStates, k);
}
std::optional<MeasureType> Names::measureType(const QString &k)
{
    return valueOf(kMeasureTypes, k);
}
std::optional<MeasureState> Names::measureState(const QString &k)
{
    return valueOf(kMeasureStates, k);
}
std::optional<SourceLevel> Names::sourceLevel(const QString &k)
{
    return valueOf(kSourceLevels, k);
}
std::optional<InspectionKind> Names::inspectionKind(const QString &k)
{
    return valueOf(kInspectionKinds, k);
}
std::optional<ReviewStep> Names::reviewStep(const QString &k)
{
    return valueOf(kReviewSteps, k);
}
std::optional<SupervisionKind> Names::supervisionKind(const QString &k)
{
    return valueOf(kSupervisionKinds, k);
}

QString Names::display(ProblemState s)
{
    // The one table of state names (issue #21): ledgers, filters, the detail pane, the dashboard,
    // the report's charts and the CLI tables all read it. A count labelled 已完成 ("done") is
    // completed + closed out; the completed state alone is 已完成待销号.
    switch (s) {
    case ProblemState::Registered:
        return tr("Not started");
    case ProblemState::InProgress:
        return tr("In progress");
    case ProblemState::LongTerm:
        return tr("Long-term");
    case ProblemState::Completed:
        return tr("Completed, awaiting close-out");
    case ProblemState::ClosedOut:
        return tr("Closed out");
    }
    return {};
}

QString Names::display(MeasureType t)
{
    switch (t) {
    case MeasureType::Immediate:
        return tr("Immediate");
    case MeasureType::Deadline:
        return tr("By deadline");
    case MeasureType::LongTerm:
        return tr("Long-term");
    }
    return {};
}

QString Names::display(MeasureState s)
{
    switch (s) {
    case MeasureState::Pending:
        return tr("Not started");
    case MeasureState::InProgress:
        return tr("In progress");
    case MeasureState::LongTerm:
        return tr("Long-term");
    case MeasureState::Completed:
        return tr("Completed");
    }
    return {};
}

QString Names::display(SourceLevel s)
{
    switch (s) {
    case SourceLevel::Central:
        return tr("central");
    case SourceLevel::Provincial:
        return tr("provincial");
    case SourceLevel::Municipal:
        return tr("municipal");
    case SourceLevel::District:
        return tr("district");
    }
    return {};
}

QString Names::display(InspectionKind k)
{
    switch (k) {
    case InspectionKind::Regular:
        return tr("Regular");
    case InspectionKind::Thematic:
        return tr("Thematic");
    case InspectionKind::Elevated:
        return tr("Elevated");
    case InspectionKind::Flexible:
        return tr("Flexible");
    case InspectionKind::Cross:
        return tr("Cross");
    case InspectionKind::FollowUp:
        return tr("Follow-up review");
    }
    return {};
}

QString Names::display(WarningLight w)
{
    switch (w) {
    case WarningLight::None:
        return QString();
    case WarningLight::Normal:
        return tr("Normal");
    case WarningLight::Green:
        return tr("Green");
    case WarningLight::Yellow:
        return tr("Yellow");
    case WarningLight::Red:
        return tr("Red");
    }
    return {};
}

QString Names::display(ReviewStep s)
{
    switch (s) {
    case ReviewStep::UnitLeader:
        return tr("Unit leader");
    case ReviewStep::UnitGroup:
        return tr("Unit rectification group");
    case ReviewStep::InspectionOffice:
        return tr("Inspection office");
    }
    return {};
}

QString Names::display(SupervisionKind k)
{
    switch (k) {
    case SupervisionKind::Urge:
        return tr("Urging");
    case SupervisionKind::Reminder:
        return tr("Reminder letter");
    case SupervisionKind::Warning:
        return tr("Warning letter");
    case SupervisionKind::SupervisionLetter:
        return tr("Supervision letter");
    case SupervisionKind::Interview:
        return tr("Interview");
    case SupervisionKind::ReturnVisit:
        return tr("Return visit");
    }
    return {};
}

QString toIso(const QDate &d)
{
    if (!d.isValid())
        return QString();
    int year = 0;
    int month = 0;
    int day = 0;
    d.getDate(&year, &month, &day);
    if (year < 1 || year > 9999)
        return d.toString(Qt::ISODate);
    // QDate::toString(Qt::ISODate) formats through QString::asprintf: 5% of a ledger import.
    char16_t text[10] = {char16_t(u'0' + year / 1000),
                         char16_t(u'0' + year / 100 % 10),
                         char16_t(u'0' + year / 10 % 10),
                         char16_t(u'0' + year % 10),
                         u'-',
                         char16_t(u'0' + month / 10),
                         char16_t(u'0' + month % 10),
                         u'-',
                         char16_t(u'0' + day / 10),
                         char16_t(u'0' + day % 10)};
    return QString(reinterpret_cast<const QChar *>(text), 10);
}

QDate fromIso(const QString &s)
{
    return s.isEmpty() ? QDate() : QDate::fromString(s, Qt::ISODate);
}

} // namespace rectrack::core
