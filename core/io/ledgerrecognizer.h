#pragma once

#include "domain/result.h"
#include "domain/types.h"
#include "ledgerrules.h"
#include "sheet.h"

#include <QCoreApplication>
#include <QHash>

namespace rectrack::core {

/// One problem with a ledger, located as the spreadsheet shows it (DESIGN.md §6, §9).
struct ImportIssue
{
    QString file;
    QString sheet;  ///< empty for CSV
    int row = 0;    ///< row number as the spreadsheet numbers it; 0 = the whole file
    QString column; ///< the column's header text (or its letter when it has none)
    QString message;

    /// "file, sheet S, row 7, column "整改时限": message" (第7行 under zh_CN); a whole-file
    /// message that begins with the file's name is returned as it is.
    QString toString() const;
};

/// A column of the ledger and what it was recognised as.
struct LedgerColumn
{
    int index = 0; ///< 0-based
    QString header;
    LedgerField field = LedgerField::Note;
    bool mapped = false; ///< assigned by --map rather than by keyword
};

/// One problem row of a ledger, read and checked.
struct LedgerRow
{
    int rowNumber = 0; ///< as the spreadsheet numbers it
    /// The unit the row belongs to as written in its unit column (汇总台账), else
    /// RecognizerOptions::unit; empty when neither names one.
    QString unit;
    QString registrationNo;
    QString category; ///< cleaned (no numbering or counts)
    QString description;
    QStringList measures;
    /// Per measure, when the problem spans rows that each give their measure's own status and
    /// deadline (one measure per row under a problem cell merged down); else empty.
    QList<ProblemState> measureStates;
    QList<QDate> measureDeadlines; ///< per measure, alongside measureStates
    QString leadLeader;
    QString responsibleOffice;
    QString responsiblePerson;
    QDate deadline;
    QString deadlineNote;
    bool immediate = false;
    bool longTerm = false;
    QString progress;
    QString statusWord;
    ProblemState state = ProblemState::Registered;
    QString evidence;
    QString note; ///< 备注 and the unrecognised columns as "header：value" lines
};

/// Options of recognition.
struct RecognizerOptions
{
    /// --map HEADER=field: header text (as written) → field; overrides the keywords.
    QHash<QString, LedgerField> map;
    /// The year of dates written without one (6月底前, 年底前); 0 = from the ledger's title or
    /// fill-in date, else @c fallbackYear.
    int year = 0;
    int fallbackYear = 2000;
    /// The unit of rows whose unit cell is empty, or of every row when the ledger has no unit
    /// column (--unit); empty = none.
    QString unit;
};

/// What LedgerRecognizer found in one sheet.
struct RecognizedLedger
{
    QString file;
    QString sheet;
    QString title;     ///< first text above the header (the ledger's title)
    QDate fillInDate;  ///< a date written above the header (填报日期)
    int headerRow = 0; ///< row number of the (last) header row; 0 when none was found
    QList<LedgerColumn> columns;
    QList<LedgerRow> rows;
    QStringList categories; ///< in order of first appearance
    int skippedRows = 0;    ///< blank, hidden, section and summary rows
    QList<ImportIssue> errors;
    QList<ImportIssue> warnings;

    bool hasProblemColumn() const;
};

/**
 * Turns a sheet into ledger rows by the rules of DESIGN.md §6.
 *
 * The header row is the first of the top 30 rows whose cells name at least two fields, one of
 * them the problem; a row whose merged cells span several columns over a second row forms a
 * two-row header (parent + child text). Rows above it are the title and fill-in rows. Merged
 * cells below the header are read as the value of their top-left cell in the merge's first
 * column (a category merged down the rows of its problems); a problem cell merged down
 * several rows makes those rows one problem with the rows' measures. Hidden columns take no
 * part; hidden, blank and summary (合计) rows are skipped; a lone heading row (一、…方面（共5个
 * 问题）) sets the category of the rows below it. Every bad cell is an error; unknown
 * columns, unreadable status words and dates kept as words are warnings.
 *
 * Ledgers that lost their merges (saved as CSV) read the same way: a header row followed by a
 * row of field names is a two-row header whose parents stand over the empty cells to their
 * right; an empty category cell takes the category above it until the next section row; a row
 * with measures but no problem text, row number or registration number continues the problem
 * above. Note and signature rows (注：…, 填表人：…), a count of problems (共12个问题) and a row of
 * column numbers under the header are skipped.
 *
 * A unit column (被巡察单位, 单位名称 …) makes a combined ledger (汇总台账): each row belongs to the
 * unit it names, a row with an empty unit cell to RecognizerOptions::unit (an error when that is
 * empty too). Identity is per unit (LedgerRules::unitKey): two rows of one unit with the same
 * registration number, or without numbers and with the same problem text and responsible
 * office, are an error naming both rows; the same number or text in two units is two problems.
 */
class LedgerRecognizer
{
    Q_DECLARE_TR_FUNCTIONS(rectrack::core::LedgerRecognizer)
public:
    static RecognizedLedger recognize(const Workbook &workbook, const Sheet &sheet,
                                      const RecognizerOptions &options);

    /// The same for sheet @p sheetIndex of a workbook given up to it: each data row's cells are
    /// freed as soon as the row is read (the top row of a merged range when the range ends), so
    /// that the cells and the ledger rows of a 100,000-row ledger are never held whole at once
    /// (issue #20: an import within 300 MB). The result equals the one of the other overload.
    static RecognizedLedger recognize(Workbook &&workbook, int sheetIndex, const RecognizerOptions &options);

    /// The sheet to import: the one named @p sheetName, else the first visible sheet with a
    /// problem column whose name is not that of instructions or an example (说明, 填表说明, 示例,
    /// 模板), else the first such sheet. Returns -1 (and sets @p error) when there is none, and
    /// for a Word document (Workbook::isDocument) none of whose tables has a problem column.
    static int chooseSheet(const Workbook &workbook, const QString &sheetName,
                           const RecognizerOptions &options, Error *error);

private:
    /// recognize() of @p sheet; with @p release (the sheet's own rows), each data row's cells are
    /// freed once read.
    static RecognizedLedger recognizeSheet(const Workbook &workbook, const Sheet &sheet,
                                           const RecognizerOptions &options, QList<SheetRow> *release);
};

} // namespace rectrack::core
