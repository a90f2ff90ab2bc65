#pragma once

#include "domain/result.h"
#include "domain/types.h"
#include "exchange/sitescope.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QVariant>

#include <optional>

namespace rectrack::core {

/// Which ledger to export (DESIGN.md §1: the two ledgers and the clue register).
enum class LedgerKind
{
    Problems, ///< 问题台账: one row per problem, its measures numbered inside one cell
    Measures, ///< 整改台账: one row per measure
    Clues,    ///< 线索台账: one row per transferred clue
};

/// Filter of an export (`--unit`, `--round`, `--state`, `--site`).
struct ExportOptions
{
    LedgerKind kind = LedgerKind::Problems;
    QString unit;                      ///< unit name; empty = all
    QString round;                     ///< round label; empty = all
    std::optional<ProblemState> state; ///< problems (or the measures' problems) in this state
    /// Write the inspected-unit column (被巡察单位) also when @c unit names one unit, so that the
    /// ledger imports back into that unit without --unit.
    bool unitColumn = false;
    /// The ledgers as they stood on this date (`--as-of`, LedgerQuery::problemsAsOf): the problems
    /// fed back by then with their state and deadline on that day. Invalid = as they are now.
    QDate asOf;
    /// Only these rows (problem ids for the problem ledger, measure ids for the rectification
    /// ledger), e.g. what a filtered ledger view shows (文件 → 导出台账…); unset = every row.
    std::optional<QList<qint64>> ids;
    /// Only the rows one exchange site owns (`--site`, issue #26: problems and their measures, or
    /// clues); unset = every site.
    std::optional<exchange::SiteScope> site;
};

/// One file written by LedgerExporter::exportByUnit.
struct UnitLedgerFile
{
    QString unit;
    QString path;
    int rows = 0;
};

/// A ledger as a table: what both writers put on the page.
struct LedgerTable
{
    QString title;     ///< title row above the header (xlsx only)
    QString sheetName; ///< ≤ 31 characters, no []:*?/\ (Excel's rules)
    QStringList headers;
    QList<int> widths;        ///< column widths in characters
    QList<QVariantList> rows; ///< QString, QDate (written as a date) or integer values
};

/**
 * Writes the ledgers in the column layout the importer reads (DESIGN.md §6), so that an
 * exported problem ledger imports back to the same problems, measures, states and deadlines.
 *
 * .xlsx (libxlsxwriter): a title row merged across the columns, a bold header frozen below
 * it with an autofilter, wrapped text, set column widths, dates as real dates (yyyy-mm-dd);
 * text is cleaned of characters XML 1.0 cannot hold and cut to Excel's 32,767 characters.
 * .csv: UTF-8 with a byte-order mark (so that Excel picks the encoding), CRLF, RFC 4180
 * quoting, text that would start a formula prefixed with an apostrophe (CsvText), dates as YYYY-MM-DD, no
 * title row. Header words are translated (Chinese by default); the importer recognises both languages.
 */
class LedgerExporter
{
    Q_DECLARE_TR_FUNCTIONS(rectrack::core::LedgerExporter)
public:
    /// The table of a ledger under a filter. Errors: InputRefused for an unknown unit or round.
    static Result<LedgerTable> build(Database &db, const ExportOptions &options);

    /// Writes the table as a workbook (title row, header row, one row per record) to a temporary
    /// file beside @p path and renames it over @p path when complete, so a failed export leaves an
    /// older file as it was. Errors: InputRefused when the folder is missing or not writable.
    /// Both refuse @p path when it is the register @p registerPath (when given) or one of its files,
    /// or any register (SafeFile::checkOutput); a full disk is named as such. The .csv neutralises
    /// cells that would start a formula (CsvText).
    static Status writeXlsx(const LedgerTable &table, const QString &path, const QString &registerPath = {});
    static Status writeCsv(const LedgerTable &table, const QString &path, const QString &registerPath = {});

    /// build() then the writer chosen by the file's extension (.xlsx or .csv); returns the row count.
    /// For .xlsx, @p warnings (when given) receives one line per cell cut to Excel's 32,767
    /// characters ("row 12, column 整改措施: 40,000 characters, cut to 32,767 …"); a .csv keeps
    /// every character and gives no warning.
    static Result<int> exportTo(Database &db, const ExportOptions &options, const QString &path,
                                QStringList *warnings = nullptr);

    /**
     * One ledger per unit with rows under @p options (the unit named there only, else every
     * unit of the register that has any), each written as .xlsx to @p dir under the unit's name
     * made safe for a file name (safeFileName; "名 (2).xlsx" when two names meet), with the
     * inspected-unit column, so each imports back into its unit without --unit: the files to
     * send back to the units for their monthly update. Errors: InputRefused for a missing
     * folder or an unknown unit or round; a writer's error stops at that file.
     */
    static Result<QList<UnitLedgerFile>> exportByUnit(Database &db, const ExportOptions &options,
                                                      const QString &dir, QStringList *warnings = nullptr);

    /// @p name as a file name on Windows, macOS and Linux: no \\ / : * ? " < > | or control
    /// characters (each becomes _), no leading or trailing dots or spaces, at most 100 characters,
    /// never empty or a device name (CON, NUL …).
    static QString safeFileName(const QString &name);

    /// The cells of @p table longer than Excel's 32,767 characters, as warnings naming the row as
    /// the spreadsheet numbers it (the title and header take rows 1 and 2) and the column header.
    static QStringList longCellWarnings(const LedgerTable &table);

    /// @p text without characters XML 1.0 cannot hold (controls other than tab/LF/CR, U+FFFE/U+FFFF,
    /// unpaired surrogates).
    static QString xmlSafe(const QString &text);
    /// A valid Excel sheet name: forbidden characters replaced, at most 31 characters.
    static QString sheetName(const QString &name);
};

} // namespace rectrack::core
