#pragma once

/**
 * Domain vocabulary of the rectification register (DESIGN.md §1–2). Every enum is stored in
 * SQLite as its stable lower-case key (see toKey/fromKey), never as its integer value, so the
 * file stays readable with the plain sqlite3 shell and stable across versions.
 */

// core must build without Qt Gui/Widgets (DESIGN.md §3): fail loudly if a GUI module leaks in.
#if defined(RECTRACK_BUILDING_CORE) &&                                                                       \
    (defined(QT_GUI_LIB) || defined(QT_WIDGETS_LIB) || defined(QT_CHARTS_LIB))
#error "rectrack_core must not depend on Qt Gui, Widgets or Charts"
#endif

#include <QCoreApplication>
#include <QDate>
#include <QString>

#include <optional>

namespace rectrack::core {

/// State of a problem (DESIGN.md §5). Exactly one at any date.
enum class ProblemState
{
    Registered, ///< 已挂号: registered, work not started
    InProgress, ///< 整改中
    LongTerm,   ///< 基本完成/长期坚持: immediate part done, work continuing; not "done"
    Completed,  ///< 已完成: rectification complete, awaiting close-out review
    ClosedOut,  ///< 已销号
};

/// Kind of measure (整改措施类型).
enum class MeasureType
{
    Immediate,
    Deadline,
    LongTerm
};

/// State of one measure; measures follow the same vocabulary as problems minus close-out.
enum class MeasureState
{
    Pending,
    InProgress,
    LongTerm,
    Completed
};

/// Where a problem was fed back from (集成整改: rectified together).
enum class SourceLevel
{
    Central,
    Provincial,
    Municipal,
    District
};

/// Kind of inspection (巡察类型).
enum class InspectionKind
{
    Regular,
    Thematic,
    Elevated,
    Flexible,
    Cross,
    FollowUp
};

/// Traffic-light warning of an unfinished item (DESIGN.md §1.5). None = done or long-term.
enum class WarningLight
{
    None,
    Normal,
    Green,
    Yellow,
    Red
};

/// Steps of the close-out review, in order (unit leader → unit rectification group → office).
enum class ReviewStep
{
    UnitLeader,
    UnitGroup,
    InspectionOffice
};

/// Kinds of supervision action (督办).
enum class SupervisionKind
{
    Urge,
    Reminder,
    Warning,
    SupervisionLetter,
    Interview,
    ReturnVisit
};

/// Stable storage keys and translated display names for the enums above.
class Names
{
    Q_DECLARE_TR_FUNCTIONS(Names)
public:
    static QString key(ProblemState s);
    static QString key(MeasureType t);
    static QString key(MeasureState s);
    static QString key(SourceLevel s);
    static QString key(InspectionKind k);
    static QString key(WarningLight w);
    static QString key(ReviewStep s);
    static QString key(SupervisionKind k);

    static std::optional<ProblemState> problemState(const QString &key);
    static std::optional<MeasureType> measureType(const QString &key);
    static std::optional<MeasureState> measureState(const QString &key);
    static std::optional<SourceLevel> sourceLevel(const QString &key);
    static std::optional<InspectionKind> inspectionKind(const QString &key);
    static std::optional<ReviewStep> reviewStep(const QString &key);
    static std::optional<SupervisionKind> supervisionKind(const QString &key);

    /// Display names in the current UI language (Chinese by default). Source levels read
    /// 中央巡视/省委巡视/市委巡察/区县委巡察 in Chinese and central/provincial/… in English, the
    /// group keys of `stats --by source` (DESIGN.md §9).
    static QString display(ProblemState s);
    static QString display(MeasureType t);
    static QString display(MeasureState s);
    static QString display(SourceLevel s);
    static QString display(InspectionKind k);
    static QString display(WarningLight w);
    static QString display(ReviewStep s);
    static QString display(SupervisionKind k);
};

/// True for the states that completion-rate notices count as done (已完成 = completed + closed out).
inline bool isDone(ProblemState s)
{
    return s == ProblemState::Completed || s == ProblemState::ClosedOut;
}

/// ISO date helpers: every date in the register is a calendar date, stored as YYYY-MM-DD text.
QString toIso(const QDate &d);
QDate fromIso(const QString &s);

} // namespace rectrack::core
