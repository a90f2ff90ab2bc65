#pragma once

/**
 * The stages of LedgerRecognizer::recognize (DESIGN.md §6, docs/ledger-import.md), each a
 * function of its own with its own tests (tests/core/test_ledger_stages.cpp), so that one
 * ledger's path through recognition can be read one stage at a time:
 *
 *  1. choose the sheet (LedgerRecognizer::chooseSheet);
 *  2. find the title and header rows (readTitleRows; the header search stays inside the
 *     recognizer);
 *  3. map the columns (settleStatusColumns, assignColumns);
 *  4. walk the rows: skip summaries and notes (isSummaryOrNote), start sections
 *     (sectionHeading), fill down, continue problems and read units (in recognize);
 *  5. read each row's fields (readDeadline, readState, notesOf).
 *
 * Row and column numbers are 0-based indexes into the Sheet unless they say otherwise; issues go
 * into the RecognizedLedger with the row number as the spreadsheet numbers it.
 */

#include "ledgerrecognizer.h"

#include <optional>

namespace rectrack::core::LedgerStages {

/// The texts written in one row itself (not merged into it from above), by 0-based column;
/// hidden columns take no part.
using RowTexts = QList<QPair<int, QString>>;
RowTexts rowTexts(const Sheet &sheet, int r);

/// Whether sheet row @p r holds no problem: a summary row (合计, 总计 …), a count of the ledger's
/// problems (共12个问题，已完成8个) without measures (in @p measuresColumn, -1 for none), a row of
/// column numbers right under the header (1 2 3 … or A B C …, when @p firstDataRow), or notes and
/// signatures (注：…, 填表人：…) with no problem text (@p problemText).
bool isSummaryOrNote(const Sheet &sheet, int r, const RowTexts &texts, bool firstDataRow,
                     const QString &problemText, int measuresColumn);

/// The category a section row starts, cleaned (一、…方面（共5个问题）→ …方面); empty for any other
/// row. A section row has one text (perhaps with a heading number such as 一 or 一、 in the 序号
/// column) reading as a heading, merged across columns, or standing alone in the row number or
/// category column. Row numbers of problems (1、 / (1) / ① / （一）) make none.
std::optional<QString> sectionHeading(const Sheet &sheet, int r, const RowTexts &texts, int seqCol,
                                      int categoryCol, int problemCol);

/// Two status columns (整改情况 and 完成情况): the one naming completion (完成情况, 状态, 是否…, 结果,
/// 销号) stays the status, the other one becomes the progress when there is no progress column.
void settleStatusColumns(QList<LedgerColumn> &columns);

/// Each field's column (0-based index): the first column of a field; a second one becomes a note,
/// with a warning in @p L; a column no rule recognises is named in a warning (its values are
/// kept as notes).
QHash<LedgerField, int> assignColumns(QList<LedgerColumn> &columns, RecognizedLedger &L);

/// Above the header (rows before @p headerRow, 0-based): the title (the first text that is not an
/// attachment label, 附件2, or a fill-in field) and the fill-in date go into @p L; returns the first
/// year written there (2021年), 0 when none.
int readTitleRows(const Sheet &sheet, int headerRow, RecognizedLedger &L);

/// The deadline of @p row from the cell at sheet row @p r, column @p dc: a date cell (shown as a
/// month: the month's end), an Excel serial number, or words (LedgerRules::parseDeadline in
/// @p year). An impossible date is an error in @p L, words without a date a warning.
void readDeadline(const Workbook &wb, const Sheet &sheet, int r, int dc, int year, const QString &header,
                  LedgerRow &row, RecognizedLedger &L);

/// The state of @p row: from the status column headed @p statusHeader (empty when the ledger has
/// none) by LedgerRules::stateForWord, a word no rule covers being a warning (registered);
/// without a status column from the progress text, where a sentence no rule covers means in
/// progress.
void readState(const QString &statusHeader, const QString &statusWord, LedgerRow &row, RecognizedLedger &L);

/// The note of sheet row @p r: 备注 as written, the evidence and unrecognised columns as
/// "header：value" lines.
QString notesOf(const Sheet &sheet, int r, const QList<LedgerColumn> &columns);

} // namespace rectrack::core::LedgerStages
