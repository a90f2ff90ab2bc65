#pragma once

#include <QStringList>
#include <QTextStream>

namespace rectrack::cli {

/// Display width of text in a terminal: CJK and full-width characters take two columns.
int displayWidth(const QString &text);

/**
 * @p text safe to print on a terminal: control characters (C0 but see below, DEL, C1: ESC, BEL …)
 * become visible escapes (\x1b, \n, \r, \t) and bidirectional controls (U+202A–U+202E,
 * U+2066–U+2069, U+200E, U+200F, U+061C) become \u202e …, so text from a register or a ledger
 * can neither drive the terminal nor reorder what is shown. With @p keepNewlines, LF and tab are
 * kept (messages of several lines).
 */
QString terminalText(const QString &text, bool keepNewlines = false);

/// Prints rows as an aligned plain-text table (first row is the header); numbers right-aligned.
/// Every cell goes through terminalText().
void printTable(QTextStream &out, const QList<QStringList> &rows);

/// Prints rows as CSV (RFC 4180 quoting; cells that would start a formula get an apostrophe, core::CsvText).
void printCsv(QTextStream &out, const QList<QStringList> &rows);

} // namespace rectrack::cli
