#pragma once

#include "domain/result.h"
#include "sheet.h"

#include <QByteArray>
#include <QCoreApplication>

namespace rectrack::core {

/**
 * Reads a CSV ledger into a one-sheet Workbook (RFC 4180 as Excel and WPS write it).
 *
 * The encoding is detected: a UTF-8 or UTF-16 byte-order mark; else UTF-8 when the bytes are
 * valid UTF-8; else GB18030 (a superset of GBK and GB2312, what Chinese Excel saves as "CSV").
 * Fields are separated by commas (tabs or semicolons when the first record uses those and no
 * commas); quoted fields may hold separators, doubled quotes and line breaks; records end
 * with CRLF, LF or CR. Row numbers are record numbers, as a spreadsheet program shows them.
 *
 * Errors (InputRefused, message naming the file): an empty file, a binary file (NUL bytes or
 * bytes that are no text in any of the encodings), a quoted field left open at the end.
 */
class CsvReader
{
    Q_DECLARE_TR_FUNCTIONS(rectrack::core::CsvReader)
public:
    static Result<Workbook> read(const QString &path, const QString &displayName = {});
    /// Parses CSV bytes already in memory; @p fileName is used in messages. The bytes are released
    /// once decoded (pass them with std::move to save their memory). A field of more than
    /// SafeFile::kMaxCellChars characters or more than SafeFile::kMaxCells non-empty fields is
    /// refused, naming the limit.
    static Result<Workbook> parse(QByteArray data, const QString &fileName);

    /// The text of @p data in the detected encoding; @p encoding receives its name
    /// ("UTF-8", "UTF-8 BOM", "UTF-16", "GB18030"). Empty optional when no encoding fits.
    static std::optional<QString> decode(const QByteArray &data, QString *encoding = nullptr);
};

} // namespace rectrack::core
