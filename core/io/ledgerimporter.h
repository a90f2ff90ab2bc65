#pragma once

#include "domain/entities.h"
#include "domain/result.h"
#include "ledgerrecognizer.h"
#include "storage/database.h"

#include <QCoreApplication>

namespace rectrack::core {

/// Options of one import (`rectrack-cli import`, DESIGN.md §9).
struct ImportOptions
{
    /// The inspected unit the ledger belongs to (created when missing). Optional for a ledger with
    /// a unit column (汇总台账), where it names the unit of rows with an empty unit cell only.
    QString unit;
    QString round; ///< round/batch label (created when missing); empty = none
    SourceLevel source = SourceLevel::Municipal;
    QDate feedbackDate;              ///< registration date of new problems; invalid = the import day
    QString sheet;                   ///< sheet to read; empty = the ledger sheet found by its header
    QHash<QString, LedgerField> map; ///< --map HEADER=field
    bool dryRun = false;             ///< check and report, change nothing
    QString displayName;             ///< file name used in messages (default: the file's name)
};

/// One problem row and what the import did (or would do) with it.
struct ImportedProblem
{
    enum class Action
    {
        Created,
        Updated,
        Unchanged
    };
    int row = 0;
    QString unit;           ///< the register's name of the row's unit
    QString registrationNo; ///< as in the ledger, else the number the import gave the new problem
    QString description;
    QString category;
    ProblemState state = ProblemState::Registered;
    int measures = 0;
    Action action = Action::Created;
    qint64 id = 0; ///< 0 in a dry run of a new problem
};

/// What an import did (or would do) in one unit.
struct ImportedUnit
{
    QString name; ///< as in the register (a new unit: as the ledger wrote it)
    bool isNew = false;
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    int measures = 0; ///< measures of the created problems
};

/// The outcome of an import: nothing was written unless ok() and !dryRun.
struct ImportReport
{
    QString file;
    QString sheet;
    int headerRow = 0;
    QList<LedgerColumn> columns;
    QList<ImportIssue> errors;
    QList<ImportIssue> warnings;
    QList<ImportedProblem> problems;
    QStringList categories;
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    int measures = 0; ///< measures of the created problems
    int skippedRows = 0;
    QList<ImportedUnit> units; ///< in order of first appearance in the ledger
    QStringList newUnits;      ///< units the import created (or would create)
    bool unitCreated = false;  ///< !newUnits.isEmpty()
    bool roundCreated = false;
    bool dryRun = false;
    /// Internal (SQL) failure rather than bad input; the import was rolled back.
    bool internalError = false;

    bool ok() const { return errors.isEmpty(); }
};

/**
 * Imports an office's ledger (.xlsx, .xls, .docx or .csv) into the register (DESIGN.md §6).
 *
 * All-or-nothing: the file is read and every row checked first; any error (reported with file,
 * sheet, row and column) leaves the register untouched, and the writes run in one Transaction
 * (a savepoint inside a caller's), rolled back on any failure and always in a dry run.
 * Each row goes to its unit: the one named in its unit column (a combined ledger, 汇总台账),
 * else ImportOptions::unit. A name is the register's unit written another usual way when
 * LedgerRules::unitKey says so (中共市水利局党组 = 市水利局党组); otherwise a new unit is created
 * under the name as written, with a warning listing the new units.
 * Identity for re-import, per unit: the registration number, else (problem text, responsible
 * office), compared with the problems the register had before this import (two rows of one
 * file with one identity are an error of the recognizer). A matching problem gets the
 * ledger's progress (as a dated progress entry) and state (recorded as history, no workflow
 * checks, DESIGN.md §6); a new one is registered with its measures, which take the problem's
 * state and the row's responsible person, and with the ledger's registration number or else
 * the next one of the register's pattern (RegistrationNumber, unique within its unit). The
 * problems are attached to one inspection of (unit, round, source level), created when missing.
 */
class LedgerImporter
{
    Q_DECLARE_TR_FUNCTIONS(rectrack::core::LedgerImporter)
public:
    static ImportReport importFile(Database &db, const QString &path, const ImportOptions &options);

    /// Reads a ledger file into a Workbook, by content (LedgerFile: .xlsx, .docx, .xls, CSV text).
    /// Errors: InputRefused for a missing, empty, binary or damaged file and for the kinds that
    /// are refused (.doc, encrypted, PDF, images …), the message naming the file and its kind.
    static Result<Workbook> readFile(const QString &path, const QString &displayName = {});

    /// The state of a problem from its measures' states (a ledger with one measure per row under
    /// a problem cell merged down, issue 18): completed when all are (closed out when all are
    /// closed out), long-term when the open ones are long-term, registered when none has
    /// started (or there are none), in progress otherwise.
    static ProblemState problemStateFromMeasures(const QList<ProblemState> &measures);
    /// @p row with the state problemStateFromMeasures gives and the latest of its measures'
    /// deadlines, when its rows gave each measure its own (LedgerRow::measureStates); else @p row
    /// unchanged. The import and its preview (LedgerUpdatePlan) both read rows through it.
    static LedgerRow withStateFromMeasures(const LedgerRow &row);
};

/**
 * The register's units by the names a ledger writes for them (LedgerRules::unitKey): read once,
 * then looked up per row. find() is empty for a unit the register does not have.
 */
class UnitNames
{
public:
    explicit UnitNames(Database &db);
    std::optional<Unit> find(const QString &name) const;

private:
    QHash<QString, Unit> m_byName;
    QHash<QString, Unit> m_byKey;
};

} // namespace rectrack::core
