#pragma once

/**
 * Ledger import/export (DESIGN.md §6), in four steps:
 *
 *  1. A reader (XlsxReader, XlsReader, DocxReader, CsvReader; LedgerFile picks it by content)
 *     turns a file into a Workbook: sheets of rows of cells as
 *     the spreadsheet shows them (row numbers as the spreadsheet numbers them, merged ranges,
 *     hidden rows and columns, dates told from numbers by the cell's number format).
 *  2. LedgerRecognizer finds the header row, maps columns to fields by keyword (LedgerRules),
 *     and turns data rows into LedgerRow values; title, fill-in, section, blank, hidden and
 *     summary rows are skipped; every problem is reported as an ImportIssue naming file, sheet,
 *     row and column.
 *  3. LedgerImporter writes the rows into the register in one transaction (all-or-nothing),
 *     following the identity rule for re-import.
 *  4. LedgerExporter writes the problem ledger, the rectification ledger and the clue register
 *     as .xlsx or .csv in the layout the importer reads back.
 *
 * This file holds the plain values shared by the readers and the recognizer.
 */

#include <QDate>
#include <QList>
#include <QSet>
#include <QString>

namespace rectrack::core {

/// One cell as the spreadsheet shows it.
struct Cell
{
    enum class Kind : quint8
    {
        Empty,
        Text,
        Number,
        Date,
        Boolean,
        Error
    };
    // Ordered so that a cell is 48 bytes: a 100,000-row ledger holds over a million of them.
    QString text;      ///< displayed text (numbers without trailing zeros, dates as YYYY-MM-DD)
    double number = 0; ///< the value of a Number cell (also the serial of a Date cell)
    QDate date;        ///< the value of a Date cell
    Kind kind = Kind::Empty;
    bool monthOnly = false; ///< a Date cell shown without its day (yyyy"年"m"月"): the month is meant

    bool isEmpty() const { return kind == Kind::Empty || text.trimmed().isEmpty(); }
};

/// A rectangular merged range, 0-based inclusive row/column indexes.
struct CellRange
{
    int top = 0;
    int left = 0;
    int bottom = 0;
    int right = 0;
    bool contains(int row, int column) const
    {
        return row >= top && row <= bottom && column >= left && column <= right;
    }
};

/// One row; @c number is the row number as the spreadsheet shows it (1-based).
struct SheetRow
{
    int number = 0;
    bool hidden = false;
    QList<Cell> cells; ///< index = 0-based column; may be shorter than the sheet's width
};

/// One worksheet (or the whole of a CSV file).
struct Sheet
{
    QString name; ///< empty for CSV
    bool hidden = false;
    QList<SheetRow> rows; ///< rows[i].number == i + 1: every row up to the last one is present
    QList<CellRange> merges;
    QSet<int> hiddenColumns; ///< 0-based

    /// The cell at 0-based @p row / @p column, or an empty cell.
    const Cell &cell(int row, int column) const;
    /// Number of columns of the widest row.
    int columnCount() const;
    /// The merged range containing the cell, or nullptr.
    const CellRange *mergeAt(int row, int column) const;
};

/// The sheets of one file, in workbook order.
struct Workbook
{
    QString fileName; ///< file name as given, used in messages
    QList<Sheet> sheets;
    bool date1904 = false; ///< the workbook uses the 1904 date system
    bool isCsv = false;
    bool isDocument = false; ///< read from a Word document (.docx): one sheet per table
};

/// Column letters of a 0-based column index (0 → A, 27 → AB).
QString columnLetters(int column);

} // namespace rectrack::core
