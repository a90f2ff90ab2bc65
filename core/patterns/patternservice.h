#pragma once

/**
 * Common and recurring problems (共性问题, 屡查屡犯, issue #27): patterns of problems that a person
 * confirmed as the same problem, their figures, and suggestions for new ones.
 *
 * Nothing counts until a person accepts it. suggestions() runs the similarity search of
 * similarity.h over every live problem and offers (a) new groups of two or more problems that no
 * pattern holds and (b) problems that join a confirmed pattern's group ("additions"), never a
 * problem a person excluded from that pattern. Decisions are stored in patterns / pattern_members
 * (schema step 6), audited, and kept whatever happens to the register afterwards: the similarity is
 * only ever a suggestion.
 *
 * Every edit (accept, rename, exclude, include, move, merge, split, delete) is a PatternChange: the
 * affected patterns before and after. apply() writes the "after" side in one transaction, and
 * applying the reversed change undoes it exactly (the app's undo stack keeps the changes).
 *
 * Figures of a pattern (as of a date, from the dated state history): units, rounds, problems, closed
 * out, closeOutRate = closed out ÷ problems; common (共性) when its problems span at least
 * PatternSettings::commonUnits units (default 3: no official number exists). Recurrence (屡查屡犯):
 * a member of a unit fed back after another member of the same unit had been closed out (closed out
 * before the later feedback date) is a recurrence event; failing that, a member fed back while an
 * earlier member of its unit (earlier feedback date) is still not closed out on the as-of date is an
 * 未整改到位 event, counted apart. Units count the units with at least one such event.
 */

#include "domain/entities.h"
#include "domain/result.h"
#include "domain/types.h"
#include "patterns/similarity.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QSet>

#include <optional>

namespace rectrack::core {

/// Register settings of the pattern search (meta keys pattern_suggest_threshold,
/// pattern_possible_threshold, pattern_common_units).
struct PatternSettings
{
    patterns::Thresholds thresholds;
    int commonUnits = 3; ///< a pattern is 共性 when its problems span at least this many units
    bool operator==(const PatternSettings &o) const
    {
        return thresholds.suggest == o.thresholds.suggest && thresholds.possible == o.thresholds.possible &&
               commonUnits == o.commonUnits;
    }
};

/// A confirmed pattern as stored: its members and the problems excluded from it (problem ids,
/// ascending).
struct Pattern
{
    qint64 id = 0; ///< 0 for a pattern not stored yet
    QString uuid;  ///< empty for a pattern not stored yet
    QString name;
    QDate createdOn;
    QList<qint64> members;
    QList<qint64> excluded;
    bool operator==(const Pattern &) const = default;
};

/// An edit of patterns: the affected patterns before and after. A pattern only in `before` is
/// deleted, one only in `after` created (id 0: a new id; else that id and uuid, as on redo).
struct PatternChange
{
    QList<Pattern> before;
    QList<Pattern> after;
    /// The change that undoes this one.
    PatternChange reversed() const { return {after, before}; }
};

/// A problem as patterns show it, with its state on the figures' as-of date.
struct PatternProblem
{
    qint64 id = 0;
    QString registrationNo;
    qint64 unitId = 0;
    QString unit;
    QString round; ///< label of the inspection's round; empty outside rounds
    QString text;
    QDate feedbackDate;
    ProblemState state = ProblemState::Registered;
};

/// One member of a pattern in its figures.
struct PatternMember
{
    PatternProblem problem;
    double similarity = 0;    ///< Dice with the pattern's medoid (1 for the medoid)
    bool recurrence = false;  ///< fed back after another member of its unit was closed out
    bool unrectified = false; ///< fed back while an earlier member of its unit is still open (未整改到位)
    bool added = false;       ///< a suggested addition to a confirmed pattern
};

/// Figures of a confirmed pattern or of a suggestion.
struct PatternFigures
{
    qint64 patternId = 0; ///< 0 for a new suggestion
    QString name;
    bool suggested = false;
    bool common = false;
    int units = 0;
    int rounds = 0;
    int problems = 0;
    int closedOut = 0;
    double closeOutRate = 0; ///< closedOut ÷ problems
    int recurrenceUnits = 0;
    int recurrenceEvents = 0;
    int unrectifiedUnits = 0;
    int unrectifiedEvents = 0;
    qint64 medoidId = 0;
    QList<PatternMember> members; ///< medoid first, then by similarity, feedback date, number
    QStringList referrals;        ///< subjects of the referrals raised from the pattern
    QStringList rules;            ///< names of the rule-building items raised from it
};

/// A problem similar to another one (the detail pane's "similar problems").
struct SimilarProblem
{
    PatternProblem problem;
    double similarity = 0;
    bool possible = false; ///< below the suggest threshold: shown for review only
    qint64 patternId = 0;  ///< the confirmed pattern holding it, 0 = none
};

/// A referral (抄告单) raised from a pattern: to the responsible department, with copy-to and a due
/// date for its response (referrals.copy_to, referrals.due_date).
struct PatternReferral
{
    Referral referral;
    QString copyTo;
    QDate dueDate;
};

/// A rule-building item (建章立制) raised from a pattern.
struct PatternRule
{
    QString name;
    QString owner;
    QDate dueDate;
};

/**
 * Confirmed patterns, their figures and suggestions. Writes are audited transactions. Errors:
 * InputRefused (with a message naming the problem or pattern) for edits that do not apply; Internal
 * for SQL failures.
 */
class PatternService
{
    Q_DECLARE_TR_FUNCTIONS(PatternService)
public:
    explicit PatternService(Database &db) : m_db(db) {}

    /// The register's settings (defaults for keys never written).
    PatternSettings settings();
    /// Validates (0 < possible ≤ suggest ≤ 1, common units 2–100) and writes them.
    Status saveSettings(const PatternSettings &settings);
    /// Why @p settings cannot be saved; empty when they can.
    static QString settingsProblem(const PatternSettings &settings);

    /// Every confirmed pattern, by id.
    QList<Pattern> patterns();
    /// The pattern @p id; nullopt when missing.
    std::optional<Pattern> pattern(qint64 id);
    /// The confirmed pattern holding @p problemId as a member; 0 when none.
    qint64 patternOf(qint64 problemId);

    /// Figures of every confirmed pattern on @p asOf: common ones first, then by units, problems and
    /// name.
    Result<QList<PatternFigures>> figures(const QDate &asOf);
    /// figures(@p asOf) of the members in @p scope only (a report scoped to a round, unit, source
    /// or site): each pattern counts its members in the scope, and a pattern with none there is
    /// left out; common and recurrence are judged on those members.
    Result<QList<PatternFigures>> figures(const QDate &asOf, const QSet<qint64> &scope);
    /// Figures of one pattern (members and excluded as given) on @p asOf.
    Result<PatternFigures> figures(const Pattern &pattern, const QDate &asOf);

    /// Suggested patterns and additions to confirmed ones (see the top of this file), figures on
    /// @p asOf, ordered as figures(). @p threads as patterns::joinedSets().
    Result<QList<PatternFigures>> suggestions(const QDate &asOf, int threads = 0);

    /// Writes @p change.after (see PatternChange) in one transaction and returns the change as
    /// stored (new patterns with their ids and uuids), ready for reversed(). Refused when a problem
    /// would be a member of two patterns, a pattern has no name or fewer than one member, or a
    /// problem is missing.
    Result<PatternChange> apply(const PatternChange &change);

    /// Change that confirms a pattern named @p name of @p members, taking them out of other patterns.
    Result<PatternChange> acceptChange(const QString &name, const QList<qint64> &members);
    /// Change that adds @p problems to the pattern @p patternId (taking them out of other patterns).
    Result<PatternChange> addChange(qint64 patternId, const QList<qint64> &problems);
    /// Change that renames a pattern.
    Result<PatternChange> renameChange(qint64 patternId, const QString &name);
    /// Change that takes @p problemId out of its pattern and keeps it from being suggested there again.
    Result<PatternChange> excludeChange(qint64 patternId, qint64 problemId);
    /// Change that moves @p problemId from its pattern into @p toPatternId.
    Result<PatternChange> moveChange(qint64 problemId, qint64 toPatternId);
    /// Change that merges @p fromPatternId into @p intoPatternId (members and exclusions).
    Result<PatternChange> mergeChange(qint64 intoPatternId, qint64 fromPatternId);
    /// Change that moves @p problems of a pattern into a new pattern named @p name.
    Result<PatternChange> splitChange(qint64 patternId, const QList<qint64> &problems, const QString &name);
    /// Change that deletes a pattern (its problems stay in the register).
    Result<PatternChange> removeChange(qint64 patternId);

    /// Confirms every suggestion of suggestions(@p asOf): new groups named after their medoid's text,
    /// additions added to their pattern. One transaction. Returns the number of patterns written.
    Result<int> acceptAll(const QDate &asOf);

    /// Raises a referral (抄告单 by default) from the pattern: linked to the pattern and to its
    /// members. Returns the referral's id.
    Result<qint64> raiseReferral(qint64 patternId, PatternReferral raised);
    /// Raises a rule-building item (建章立制) with owner and due date from the pattern. Returns its id.
    Result<qint64> raiseRule(qint64 patternId, const PatternRule &rule);

    /// Every live problem's text by id (ascending), to build a SimilarityIndex.
    Result<QList<QPair<qint64, QString>>> problemTexts();
    /// Problems similar to @p problemId (Dice ≥ the possible threshold) from @p index, with their
    /// patterns, by similarity descending then id. @p limit > 0 keeps the first @p limit of them
    /// (only those are read from the register: a common text can have thousands of similar
    /// problems); @p total, when given, receives how many there are in all.
    Result<QList<SimilarProblem>> similarProblems(const patterns::SimilarityIndex &index, qint64 problemId,
                                                  int limit = 0, int *total = nullptr);

private:
    Result<QHash<qint64, PatternProblem>> load(const QList<qint64> &ids, const QDate &asOf,
                                               QHash<qint64, QList<QPair<QDate, ProblemState>>> *history);
    PatternFigures compute(const QList<qint64> &members, const QHash<qint64, PatternProblem> &problems,
                           const QHash<qint64, QList<QPair<QDate, ProblemState>>> &history, const QDate &asOf,
                           const PatternSettings &settings);
    Database &m_db;
};

} // namespace rectrack::core
