#pragma once

/**
 * Read side of the two ledgers (问题台账 and 整改台账) for the desktop views.
 *
 * A ledger view is windowed: ids() returns the ordered ids of every row that passes a
 * LedgerFilter (one cheap query, sorted in SQL, or in the application with a Chinese QCollator
 * for text columns so that names sort in pinyin order), and problemRows()/measureRows() load the
 * rows of one window of those ids. 100,000 problems therefore open with one id query and one
 * window, however large the register is.
 *
 * Search (DESIGN.md §4): each whitespace-separated term of three or more characters is looked up
 * in the FTS5 trigram indexes (problems_fts, measures_fts); shorter terms such as 电梯 fall back
 * to instr() on the base tables. Terms are AND-ed. A problem matches when its description,
 * example or progress, or one of its measures, contains the term; a measure matches when its own
 * text or its problem's text does.
 *
 * Traffic lights are computed on the as-of date of a LedgerContext from the row's current state
 * and current deadline, with the register's thresholds (Workflow::light).
 *
 * A historical context (LedgerContext::historical, a past as-of date) shows the register as it
 * stood on that day, with the definitions of Statistics (DESIGN.md §5), so that a ledger's row
 * count equals the dashboard's count on that date: only the problems fed back by then, each with
 * its state on that day (its last state-history entry up to the date), its deadline on that day
 * (the last extension approved by then, else the original deadline), its completion and close-out
 * dates only when they fall on or before the day, and its progress as the last progress entry up
 * to the day. A measure completed after the day shows as in progress. Texts and the other fields
 * are today's (the register keeps no dated history of them).
 */

#include "database.h"
#include "domain/types.h"
#include "workflow/workflow.h"

#include <QCoreApplication>
#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>
#include <tuple>

namespace rectrack::core {

/// Which of the two ledgers a query reads.
enum class Ledger
{
    Problems, ///< 问题台账: one row per problem
    Measures, ///< 整改台账: one row per measure
};

/// Sort keys of the ledger columns. Text keys sort in Chinese pinyin order.
enum class LedgerSort
{
    Id,             ///< registration order (the default)
    RegistrationNo, ///< 编号, numeric-aware
    Unit,           ///< 被巡察单位
    Round,          ///< 轮次 (by start date, round and batch number)
    Source,         ///< 来源 (central first)
    Category,       ///< 问题类别
    Description,    ///< 问题描述
    Office,         ///< 责任单位
    Leader,         ///< 牵头领导
    Person,         ///< 责任人
    Deadline,       ///< 整改时限 (rows without a date last)
    State,          ///< 状态 (registered … closed out)
    Light,          ///< 预警 (red first when descending)
    MeasureCount,   ///< 措施数
    Progress,       ///< 最新进展
    FeedbackDate,   ///< 反馈日期
    MeasureSeq,     ///< 措施序号 (problem, then sequence)
    MeasureContent, ///< 整改措施
    MeasureType,    ///< 措施类型
    MeasureOwner,   ///< 措施责任人
    MeasureState,   ///< 措施状态
};

/**
 * A named filter of the ledger views; unset members do not restrict. Stored as JSON in the
 * saved_views table (toJson/fromJson), so it must stay backward compatible: add keys, never
 * rename them.
 */
struct LedgerFilter
{
    qint64 termId = 0;
    qint64 roundId = 0;
    qint64 inspectionId = 0;
    qint64 unitId = 0;
    qint64 categoryId = 0; ///< the category or any of its direct children
    QString office;        ///< 责任单位, exact
    QString leader;        ///< 牵头领导, exact
    std::optional<SourceLevel> source;
    QList<ProblemState> states;        ///< problem states (of the row's problem in the measure ledger)
    std::optional<WarningLight> light; ///< the row's own light on the as-of date
    QDate deadlineFrom;                ///< current deadline on or after
    QDate deadlineTo;                  ///< current deadline on or before
    QString search;                    ///< text search (see the file comment)

    bool isEmpty() const;
    QJsonObject toJson() const;
    static LedgerFilter fromJson(const QJsonObject &json);
    bool operator==(const LedgerFilter &) const = default;
};

/// Date and thresholds the traffic lights are computed on.
struct LedgerContext
{
    QDate asOf;
    WarningThresholds thresholds;
    /// Rows as they stood on asOf (see the file comment), not as they are today: the view of a
    /// past as-of date. False reads the current rows and only computes the lights on asOf.
    bool historical = false;
};

/// One row of the problem ledger.
struct ProblemRow
{
    qint64 id = 0;
    QString registrationNo;
    QString unit;
    QString round;
    SourceLevel source = SourceLevel::Municipal;
    QString category;
    QString description;
    QString office;
    QString leader;
    QString person;
    QDate deadline;
    QDate originalDeadline;
    QString deadlineNote;
    ProblemState state = ProblemState::Registered;
    int measureCount = 0;
    QString progress;
    QDate feedbackDate;
};

/// One row of the rectification ledger (a measure with its problem's key facts).
struct MeasureRow
{
    qint64 id = 0;
    qint64 problemId = 0;
    QString registrationNo;
    QString unit;
    QString round;
    QString problem; ///< the problem's description
    int seq = 0;
    QString content;
    core::MeasureType type = core::MeasureType::Deadline;
    QString owner;
    QString office;
    QString leader;
    QDate deadline;
    QString deadlineNote;
    core::MeasureState state = core::MeasureState::Pending;
    ProblemState problemState = ProblemState::Registered;
};

/// One inspection as a node of the navigation tree (term → round → inspection/unit).
struct InspectionNode
{
    qint64 id = 0;
    qint64 roundId = 0;
    qint64 termId = 0; ///< the round's term, 0 when none
    qint64 unitId = 0;
    QString unit;
    InspectionKind kind = InspectionKind::Regular;
    SourceLevel source = SourceLevel::Municipal;
    qint64 problems = 0;
};

/// Read-only queries of the ledger views. Never writes.
class LedgerQuery
{
    Q_DECLARE_TR_FUNCTIONS(LedgerQuery)
public:
    explicit LedgerQuery(Database &db) : m_db(db) {}

    /// Ordered ids of the rows of @p ledger that pass @p filter, sorted by @p sort (ties by id).
    Result<QList<qint64>> ids(Ledger ledger, const LedgerFilter &filter, const LedgerContext &context,
                              LedgerSort sort = LedgerSort::Id, Qt::SortOrder order = Qt::AscendingOrder);

    /// The problem rows of @p ids, in the order given (ids that do not exist, or, in a historical
    /// @p context, were not yet fed back, are skipped).
    Result<QList<ProblemRow>> problemRows(const QList<qint64> &ids, const LedgerContext &context = {});
    /// The measure rows of @p ids, in the order given.
    Result<QList<MeasureRow>> measureRows(const QList<qint64> &ids, const LedgerContext &context = {});

    /**
     * SQL of a derived table with the columns of `problems` as they stood on @p asOf (see the file
     * comment), holding only the problems fed back by then: use it in place of `problems` in a
     * FROM clause ("FROM " + problemsAsOf(d) + " p"). @p asOf goes in as an ISO literal made from
     * a QDate, never user text. Shared with the ledger export (`rectrack-cli export --as-of`).
     */
    static QString problemsAsOf(const QDate &asOf);
    /// The same for `measures`: a measure completed after @p asOf is in progress on that day.
    static QString measuresAsOf(const QDate &asOf);

    /// Distinct responsible offices (责任单位), in pinyin order.
    QStringList offices();
    /// Distinct lead leaders (牵头领导), in pinyin order.
    QStringList leaders();
    /// Every inspection with its unit, round, term and problem count.
    QList<InspectionNode> inspections();
    /// The category tree flattened in display order: (id, name, depth).
    QList<std::tuple<qint64, QString, int>> categories();

    /// The light of a measure: a measure's state read as the problem state it corresponds to.
    static WarningLight measureLight(core::MeasureState state, const QDate &deadline, const QDate &asOf,
                                     const WarningThresholds &thresholds);
    /// A problem state corresponding to a measure state (pending → registered …).
    static ProblemState asProblemState(core::MeasureState state);

    /// Splits a search text into terms (whitespace separated, quotes not special).
    static QStringList searchTerms(const QString &text);

private:
    Database &m_db;
};

} // namespace rectrack::core
