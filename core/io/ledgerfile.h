#pragma once

#include "domain/result.h"
#include "sheet.h"

#include <QByteArray>
#include <QCoreApplication>

namespace rectrack::core {

/// The kinds of file a ledger is read from.
enum class LedgerFileKind
{
    Xlsx, ///< Office Open XML workbook (zip)
    Docx, ///< Office Open XML document (zip holding word/document.xml): its tables
    Xls,  ///< Excel 97–2003 / WPS workbook (compound file holding a Workbook or Book stream)
    Text  ///< CSV or tab-separated text
};

/**
 * Tells what a file is by its content, never by its name's extension, and reads a ledger file
 * with the reader of its kind (DESIGN.md §6, docs/ledger-import.md "Files").
 *
 *  - a zip: a .docx when it holds word/document.xml, else an .xlsx;
 *  - a compound file (OLE2): by its streams — Workbook/Book → .xls (also WPS .et files, which
 *    are BIFF workbooks); EncryptionInfo + EncryptedPackage → a workbook or document with a
 *    password to open; WordDocument → a Word 97–2003 or WPS text document; anything else →
 *    an Office/WPS file without a workbook;
 *  - %PDF, PNG, JPEG, GIF, BMP, TIFF, RTF, HTML and Excel 2003 XML are recognised and refused;
 *  - anything else is read as text.
 * Every refusal is ErrorCode::InputRefused with a message naming the file and what it is.
 */
class LedgerFile
{
    Q_DECLARE_TR_FUNCTIONS(rectrack::core::LedgerFile)
public:
    /// The kind of the file at @p path, or the refusal; @p displayName is used in messages.
    static Result<LedgerFileKind> detect(const QString &path, const QString &displayName = {});
    /// Reads the file at @p path with the reader of its kind.
    static Result<Workbook> read(const QString &path, const QString &displayName = {});

    /// The refusal of a file protected with a password to open (an encrypted .xlsx/.docx, or
    /// an .xls with a FILEPASS record).
    static QString passwordMessage(const QString &fileName);
    /// The refusal of a Word document none of whose tables has a problem column.
    static QString noLedgerTableMessage(const QString &fileName);

    /// The kind of a file that is none of the readable ones, told from its first bytes
    /// ("PDF", "PNG" …); empty when the bytes are none of the known kinds.
    static QString foreignKind(const QByteArray &head);
};

} // namespace rectrack::core
