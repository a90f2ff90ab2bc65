#pragma once

#include <QString>

namespace rectrack::core {

/**
 * Cells of every CSV file Rectrack writes (exports, `stats`/`overdue --format csv`), and their
 * reading back (docs/reliability.md §6).
 *
 * Formula injection (OWASP "CSV Injection"): Excel and WPS take a cell that begins with =, +, -,
 * @, a tab or a carriage return as a formula, so a problem text `=HYPERLINK(…)` would run when the
 * file is opened. Such a cell is written with a leading apostrophe (`'=HYPERLINK(…)`), which the
 * spreadsheet shows as text; a plain number (-3, +1.5) is left as it is. The importer drops a
 * leading apostrophe before one of those characters, so a CSV round trip keeps the text.
 */
namespace CsvText {

/// Whether @p cell would start a formula in a spreadsheet (and is not a plain number).
bool startsFormula(const QString &cell);
/// @p cell with a leading apostrophe when startsFormula(), else unchanged.
QString neutralised(const QString &cell);
/// The inverse for the importer: an apostrophe followed by =, +, -, @, tab or CR is dropped.
QString restored(const QString &cell);
/// One RFC 4180 field: neutralised, then quoted (quotes doubled) when it holds a comma, a quote or
/// a line break.
QString field(const QString &cell);

} // namespace CsvText

} // namespace rectrack::core
