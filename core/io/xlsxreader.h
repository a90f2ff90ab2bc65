#pragma once

#include "domain/result.h"
#include "sheet.h"

#include <QCoreApplication>

namespace rectrack::core {

/**
 * Reads an Office Open XML workbook (.xlsx as saved by Excel, WPS and LibreOffice, transitional
 * or strict namespaces) into a Workbook.
 *
 * The zip is read with the system minizip (libminizip, the library libxlsxwriter itself uses:
 * QuaZip cannot share a process with libxlsxwriter, as both export minizip's symbols with
 * different signatures); the parts are found through the package's relationship files
 * (_rels/.rels → workbook → worksheets, shared strings, styles), never by fixed paths, and
 * parsed with QXmlStreamReader matching elements by namespace URI and local name. Shared
 * strings, inline strings and rich-text runs (phonetic runs dropped) are read as text; the
 * cell's number format tells dates from numbers (built-in date formats 14–17, 22, 27–36, 50–58
 * and custom formats with y/d codes), in the workbook's date system (1900 or 1904). Merged
 * ranges, hidden rows and columns and hidden sheets are reported, not applied.
 *
 * Errors (ErrorCode::InputRefused, message naming the file): not a zip archive or a damaged
 * one (e.g. truncated), a zip that is not a workbook, a part that is not well-formed XML.
 */
class XlsxReader
{
    Q_DECLARE_TR_FUNCTIONS(rectrack::core::XlsxReader)
public:
    /// Reads the workbook at @p path; @p displayName (default: the file name) is used in messages.
    static Result<Workbook> read(const QString &path, const QString &displayName = {});

    /// The calendar date of an Excel serial date (whole days) in the 1900 or 1904 date system;
    /// invalid for serials before the system's epoch. The 1900 system counts the non-existent
    /// 1900-02-29 (serial 60), as Excel does.
    static QDate dateFromSerial(double serial, bool date1904);

    /// Whether a number format code shows a date (y, d or e codes outside quotes and brackets).
    static bool isDateFormat(const QString &formatCode);
    /// Whether a built-in number format id is a date format (14–17, 22, 27–36, 50–58).
    static bool isBuiltinDateFormat(int numFmtId);
    /// Whether a date format code shows no day: years and months only (yyyy"年"m"月", mmm-yy).
    static bool isMonthFormat(const QString &formatCode);
    /// The text of a number cell as a ledger shows it: whole numbers without a fraction
    /// (1e15 and above, and fractions, with 15 significant digits).
    static QString numberText(double v);
};

} // namespace rectrack::core
