#pragma once

#include "domain/result.h"
#include "sheet.h"

#include <QCoreApplication>

namespace rectrack::core {

/**
 * Reads an Excel 97–2003 workbook (.xls, BIFF8; Excel 5/95 BIFF5; as saved by Excel, WPS and
 * LibreOffice) into the Workbook the .xlsx reader fills, so every ledger rule applies unchanged.
 *
 * The compound-file container is read by CompoundFile, the "Workbook" (BIFF8) or "Book" (BIFF5)
 * stream record by record ([MS-XLS]):
 *  - sheets from BOUNDSHEET (worksheets only, in workbook order; visibility → Sheet::hidden);
 *  - text from the shared string table (SST, strings continued across CONTINUE records with
 *    their repeated option byte), LABEL, RSTRING and the STRING result of a formula; BIFF5's
 *    8-bit strings in the workbook's CODEPAGE (936 → GBK);
 *  - numbers from NUMBER, RK, MULRK and formula results; booleans and errors from BOOLERR;
 *  - dates told from numbers by the cell's XF → FORMAT (custom codes with y/d codes, built-in
 *    date formats 14–17, 22, 27–36, 50–58), in the workbook's date system (DATEMODE: 1904);
 *  - MERGEDCELLS ranges, hidden rows (ROW flag fDyZero; DEFAULTROWHEIGHT for rows without a
 *    ROW record), hidden columns (COLINFO) — reported, not applied, as for .xlsx.
 * The declared DIMENSIONS are never used to allocate: cells are collected as they are found and
 * rows exist up to the last one with content; a workbook whose rows would hold more than
 * kMaxCells cells in all is refused.
 *
 * Errors (ErrorCode::InputRefused, message naming the file): not a compound file or a damaged
 * one, no workbook stream, an encrypted workbook (FILEPASS: a password to open), a BIFF version
 * other than 5 or 8, a damaged record or string table, too many cells.
 */
class XlsReader
{
    Q_DECLARE_TR_FUNCTIONS(rectrack::core::XlsReader)
public:
    /// Cells of all the rows of a workbook together (each row counted up to its last cell).
    static constexpr qint64 kMaxCells = 4'000'000;

    /// Reads the .xls at @p path; @p displayName (default: the file name) is used in messages.
    static Result<Workbook> read(const QString &path, const QString &displayName = {});
    /// Reads .xls bytes (the compound file) already in memory.
    static Result<Workbook> parse(const QByteArray &data, const QString &fileName);
    /// Reads a BIFF5/BIFF8 workbook stream (the "Workbook" or "Book" stream's bytes).
    static Result<Workbook> parseWorkbookStream(const QByteArray &stream, const QString &fileName);
};

} // namespace rectrack::core
