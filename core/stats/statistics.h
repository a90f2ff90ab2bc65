#pragma once

/**
 * Statistics of the register as published in rectification-progress notices (DESIGN.md §5),
 * computed as of any date from the dated state history:
 *  - a problem exists on D when its feedback (registration) date is on or before D;
 *  - its state on D is the last problem_states entry dated on or before D;
 *  - its deadline on D is the last extension approved on or before D, else the original one;
 *  - overdue on D: a dated deadline before D and not completed, closed out or long-term.
 * completionRate = (completed + closedOut) ÷ problems; long-term problems are not done.
 */

#include "domain/types.h"
#include "exchange/sitescope.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>

#include <optional>

namespace rectrack::core {

/// Problem counts per state (COUNTS in the JSON of `rectrack-cli stats`).
struct Counts
{
    qint64 problems = 0;
    qint64 measures = 0;
    qint64 completed = 0; ///< rectification complete, not yet closed out
    qint64 closedOut = 0;
    qint64 longTerm = 0;
    qint64 inProgress = 0;
    qint64 registered = 0;
    qint64 overdue = 0;

    qint64 done() const { return completed + closedOut; }
    /// (completed + closedOut) ÷ problems, 0 for no problems.
    double completionRate() const { return problems ? double(done()) / double(problems) : 0.0; }
    /// closedOut ÷ problems.
    double closeOutRate() const { return problems ? double(closedOut) / double(problems) : 0.0; }
    void add(const Counts &o);
};

/// What to group by (`stats --by`).
enum class GroupBy
{
    None,
    Round,
    Unit,
    Office,
    Source,
    Category,
    Kind,
    Leader,
    Site ///< the owning exchange site (exchange::SiteScope): this register's own office, then each partner
};

/// Restricts statistics to part of the register (report scopes, `--unit`, `--round`, `--site`).
struct StatsFilter
{
    QString unit;  ///< unit name as the statistics by unit name it (UnitDuplicates), empty = all
    QString round; ///< round label, empty = all
    std::optional<SourceLevel> source;
    /// The rows one exchange site owns (`--site`, issue #26); unset = every site.
    std::optional<exchange::SiteScope> site;
    /// No restriction at all: the whole register.
    bool isEmpty() const { return unit.isEmpty() && round.isEmpty() && !source && !site; }
};

struct GroupCounts
{
    QString key; ///< display name of the group (unit name, round label, 中央巡视 …)
    Counts counts;
};

/// Coverage of one unit category of the must-cover list.
struct CoverageGroup
{
    QString category;
    qint64 mustCover = 0;
    qint64 covered = 0;
    double rate() const { return mustCover ? double(covered) / double(mustCover) : 0.0; }
};

/// 巡察全覆盖率 over a term's must-cover list (DESIGN.md §1.9).
struct Coverage
{
    QString term;
    qint64 mustCover = 0;
    qint64 covered = 0;
    QList<CoverageGroup> byCategory;
    double rate() const { return mustCover ? double(covered) / double(mustCover) : 0.0; }
    /// Overall figures as the sum of the categories (e.g. 51/62 and 80/95 → 131/157 = 83.44%).
    static Coverage combine(const QList<CoverageGroup> &groups);
};

struct StatsResult
{
    QDate asOf;
    Counts total;
    QList<GroupCounts> groups;
    Coverage coverage;
};

/// One overdue problem with the people responsible (点人点事).
struct OverdueItem
{
    qint64 problemId = 0;
    QString registrationNo;
    QString unit;
    QString description;
    QString responsibleOffice;
    QString leadLeader;
    QString responsiblePerson;
    QDate deadline;
    int daysOverdue = 0;
    ProblemState state = ProblemState::Registered;
};

class Statistics
{
    Q_DECLARE_TR_FUNCTIONS(Statistics)
public:
    /// Counts (and groups) as of @p asOf, with the coverage of the term running on that date.
    static Result<StatsResult> compute(Database &db, const QDate &asOf, GroupBy by = GroupBy::None,
                                       const StatsFilter &filter = {});

    /// Coverage of the term that contains @p asOf (else the latest term begun by then).
    /// Follow-up reviews (回头看) count only when the register's setting coverage_counts_follow_up is 1.
    static Coverage coverage(Database &db, const QDate &asOf);
    /// Id of the term coverage() uses on @p asOf; 0 when no term has begun.
    static qint64 coverageTerm(Database &db, const QDate &asOf);
    /// The inspection kinds that count towards coverage, as a quoted SQL list ('regular', …).
    static QString coverageKindsSql(Database &db);

    /// Problems overdue on @p asOf, most overdue first.
    static Result<QList<OverdueItem>> overdue(Database &db, const QDate &asOf,
                                              const StatsFilter &filter = {});

    /// Whether every problem's state on @p asOf is its latest one (problem_latest_state): true when
    /// @p asOf is on or after the newest problem_states.changed_on of the register (false while
    /// setForceHistory is on). Since schema step 4 the figures read problem_tally (usesTally) or
    /// problem_facts, which look the state up per problem where it changed after @p asOf.
    static bool usesLatestState(Database &db, const QDate &asOf);

    /// Whether compute() without a filter reads the counts from problem_tally (schema step 4)
    /// instead of scanning problem_facts: true when @p asOf is on or after every date that can
    /// change a figure (the newest state change, feedback date and approved problem extension),
    /// so that every live problem exists on @p asOf with its latest state and current deadline.
    /// False while setForceHistory is on.
    static bool usesTally(Database &db, const QDate &asOf);

    /// Tests and benchmarks: always look states and deadlines up in the history, on the problems
    /// table (the figures before schema step 4; false restores problem_tally and problem_facts).
    /// Process-wide; not thread-safe against a running computation.
    static void setForceHistory(bool force);

    /// SQL conditions (" AND …", on problems aliased p) restricting problems to @p filter's unit
    /// (by exchange::UnitDuplicates::unitsNamedSql), round label and source level; the bound
    /// values are appended to @p binds. Deleted problems are not excluded here. Shared by the
    /// statistics and the report's content.
    static QString problemFilterSql(Database &db, const StatsFilter &filter, QVariantList &binds);
    /// Parses a `--by` word (round, unit, office, source, category, kind, leader).
    static std::optional<GroupBy> groupByFromKey(const QString &key);

    /// A fraction rounded to 4 places, as JSON carries rates.
    static double round4(double fraction);
    /// A fraction as a percentage with up to two decimals, trailing zeros dropped (98.71%, 100%).
    static QString formatPercent(double fraction);
};

} // namespace rectrack::core
