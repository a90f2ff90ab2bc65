#pragma once

#include <QStringList>
#include <QTextStream>

namespace rectrack::cli {

/// Display width of text in a terminal: CJK and full-width characters take two columns.
int displayWidth(const QString &text);

/// Prints rows as an aligned plain-text table (first row is the header); numbers right-aligned.
void printTable(QTextStream &out, const QList<QStringList> &rows);

/// Prints rows as CSV (RFC 4180 quoting).
void printCsv(QTextStream &out, const QList<QStringList> &rows);

} // namespace rectrack::cli
