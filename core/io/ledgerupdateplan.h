#pragma once

/**
 * Monthly update of a unit's ledger (issue #9): before an updated ledger is imported, the
 * register and the ledger are compared by the importer's identity rule (DESIGN.md §6: the
 * registration number within the unit, else the problem text and responsible office), and every
 * problem is put in one of five groups: new, state changes, gains progress (new progress text,
 * same state), unchanged, or disappeared (in the register for the unit but no longer in the
 * ledger; nothing is done to those). The office sees this plan before anything changes.
 *
 * After the import, LedgerUpdateUndo::revert() takes the register back to the state captured
 * by LedgerUpdateUndo::capture() just before it, in one transaction through the audit log: the
 * created problems are removed (their measures and history with them), the progress entries
 * and state-history rows the import added to the updated problems are removed, and the
 * updated problems' state, progress and dates and their measures' states are written back.
 * Units, rounds, inspections and categories the import created are kept (they are harmless and
 * other problems may use them by then). Every reverted row leaves an audit entry, so the
 * history of the register still shows that the import happened and was undone.
 */

#include "domain/result.h"
#include "ledgerimporter.h"
#include "ledgerrecognizer.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QHash>
#include <QVariantMap>

namespace rectrack::core {

/// What an updated ledger does to one problem.
struct PlannedChange
{
    enum class Kind
    {
        New,         ///< a row the register does not have: will be registered
        StateChange, ///< matched; the ledger's state differs from the register's
        Progress,    ///< matched; same state, new progress text
        Unchanged,   ///< matched; nothing to do
        Disappeared, ///< in the register for the unit, absent from the ledger: left as it is
    };
    Kind kind = Kind::New;
    int row = 0;          ///< ledger row (as the spreadsheet numbers it); 0 for Disappeared
    QString unit;         ///< the unit (the register's name; a new unit's name as written)
    qint64 problemId = 0; ///< the matched problem; 0 for New
    QString registrationNo;
    QString description;
    ProblemState before = ProblemState::Registered; ///< register state (New: same as after)
    ProblemState after = ProblemState::Registered;  ///< the ledger's state (Disappeared: same as before)
    QString progressBefore;
    QString progressAfter;
};

/// The comparison of a recognised ledger with the register, unit by unit.
struct LedgerUpdatePlan
{
    QString unit;                 ///< the unit of rows that name none (--unit)
    QStringList units;            ///< the units of the rows, in order of first appearance
    bool unitExists = false;      ///< the register has at least one of them
    QList<PlannedChange> changes; ///< ledger rows in order, then the disappeared problems by unit and id

    int count(PlannedChange::Kind kind) const;
    int count(PlannedChange::Kind kind, const QString &unit) const;
    /// Whether applying it would change anything (a new problem, a state change or progress).
    bool changesAnything() const;

    /**
     * Compares @p ledger with the problems of each unit its rows name (a row without one: @p unit),
     * found as the importer finds them (UnitNames). Reads only. Disappeared lists, for each of
     * those units, the problems no row matches. A ledger row that matches the same problem as an
     * earlier row is New for the second (the recognizer reports such rows as an error).
     */
    static LedgerUpdatePlan compute(Database &db, const RecognizedLedger &ledger, const QString &unit);

    /**
     * Reads and recognises @p path as LedgerImporter::importFile would with @p options (sheet,
     * --map, the year of dates from the feedback date, else the register's today). Errors:
     * InputRefused for an unreadable file or a workbook with no ledger sheet; errors inside
     * the ledger are in the returned ledger's errors.
     */
    static Result<RecognizedLedger> readLedger(Database &db, const QString &path,
                                               const ImportOptions &options);
};

/// The register state an import may change, captured just before it (see the header comment).
struct LedgerUpdateSnapshot
{
    qint64 unitId = 0;                   ///< the first captured unit; 0 when none existed yet
    QHash<qint64, QVariantMap> problems; ///< problem id → state, progress, completed/closed-out dates
    QHash<qint64, QVariantMap> measures; ///< measure id → state, completed date
    qint64 lastProgressId = 0;           ///< max(progress_entries.id) before the import
    qint64 lastStateId = 0;              ///< max(problem_states.id) before the import
};

class LedgerUpdateUndo
{
    Q_DECLARE_TR_FUNCTIONS(rectrack::core::LedgerUpdateUndo)
public:
    /// Captures the problems of @p unit (and their measures) before an import.
    static LedgerUpdateSnapshot capture(Database &db, const QString &unit);
    /// Captures the problems of every unit in @p units (names as a ledger writes them).
    static LedgerUpdateSnapshot capture(Database &db, const QStringList &units);
    /// Captures the problems of every unit the ledger at @p path names, and of options.unit.
    static LedgerUpdateSnapshot capture(Database &db, const QString &path, const ImportOptions &options);

    /**
     * Undoes the import described by @p report (which must be the report of the import that
     * followed @p before): one transaction, all-or-nothing. Errors: Internal on an SQL failure
     * (nothing changed), InputRefused when a created problem is gone already.
     */
    static Status revert(Database &db, const LedgerUpdateSnapshot &before, const ImportReport &report);
};

} // namespace rectrack::core
