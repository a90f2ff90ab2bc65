#pragma once

/**
 * Printing a ledger (文件 → 打印预览…, Ctrl+P): the rows of the ledger shown, painted with the
 * report's table painter (ReportTablePainter) so that the header row repeats on every page, a row
 * is never split across pages unless it is taller than a page, and numbers, dates and
 * registration numbers never break inside. Columns are sized by their content, so that 问题描述
 * and 整改措施 get the width. The title heads the first page; the others carry it as a running
 * header, and every page its number (— n —).
 */

#include "reporttable.h"

#include <functional>

class QAbstractItemModel;
class QPainter;
class QPaintDevice;

namespace rectrack::ui::LedgerPrint {

/**
 * The first @p maxRows rows of @p model as a table of its columns @p columns (logical indexes, in
 * the order shown). Each column's width is its share of the mean length of its text (the header
 * and up to 200 rows, in ems: a Chinese character one, a Latin one about half), at least three
 * characters, and half as much again for long texts (问题描述, 整改措施, 最新进展); cells are
 * plain text (the painter keeps numbers, dates and registration numbers on one line).
 */
ReportTable table(const QAbstractItemModel *model, const QList<int> &columns, int maxRows);

/**
 * Paints @p title, @p table and @p note (a line below the table, may be empty) on @p device
 * through @p painter (already begun on it), within @p paper (the printable area in device units).
 * @p newPage moves the device to a fresh page (QPrinter::newPage()). Returns the pages painted.
 */
int paint(QPainter &painter, QPaintDevice *device, const QRectF &paper, const std::function<void()> &newPage,
          const QString &title, const ReportTable &table, const QString &note);

} // namespace rectrack::ui::LedgerPrint
