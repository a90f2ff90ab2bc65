#include "ledgerfile.h"

#include "compoundfile.h"
#include "csvreader.h"
#include "docxreader.h"
#include "xlsreader.h"
#include "xlsxreader.h"

#include <QFile>
#include <QFileInfo>

#include <unzip.h>

namespace rectrack::core {

namespace {

/// A compound file larger than this is no ledger (an .xls holds at most 65,536 × 256 cells).
constexpr qint64 kMaxCompoundFileSize = qint64(512) * 1024 * 1024;

/// Which of the parts that tell a zip's kind it holds.
struct ZipParts
{
    bool opened = false;
    bool wordDocument = false; ///< word/document.xml
    bool contentTypes = false; ///< [Content_Types].xml
    bool mimetype = false;     ///< OpenDocument's mimetype
};

ZipParts zipParts(const QString &path)
{
    ZipParts p;
    unzFile zip = unzOpen64(QFile::encodeName(path).constData());
    if (!zip)
        return p;
    p.opened = true;
    p.wordDocument = unzLocateFile(zip, "word/document.xml", 2) == UNZ_OK;
    p.contentTypes = unzLocateFile(zip, "[Content_Types].xml", 2) == UNZ_OK;
    p.mimetype = unzLocateFile(zip, "mimetype", 1) == UNZ_OK;
    unzClose(zip);
    return p;
}

} // namespace

QString LedgerFile::passwordMessage(const QString &fileName)
{
    return tr("%1 is protected with a password to open; remove the password in Excel/WPS and save the file "
              "again.")
        .arg(fileName);
}

QString LedgerFile::noLedgerTableMessage(const QString &fileName)
{
    return tr("%1 is a Word document without a ledger table (a table with a problem column).").arg(fileName);
}

QString LedgerFile::foreignKind(const QByteArray &head)
{
    if (head.startsWith("%PDF"))
        return QStringLiteral("PDF");
    if (head.startsWith("\x89PNG\r\n\x1A\n"))
        return QStringLiteral("PNG");
    if (head.startsWith("\xFF\xD8\xFF"))
        return QStringLiteral("JPEG");
    if (head.startsWith("GIF87a") || head.startsWith("GIF89a"))
        return QStringLiteral("GIF");
    if (head.startsWith(QByteArray("II*\0", 4)) || head.startsWith(QByteArray("MM\0*", 4)))
        return QStringLiteral("TIFF");
    if (head.startsWith("RIFF") && head.mid(8, 4) == "WEBP")
        return QStringLiteral("WebP");
    // BMP: "BM", then a DIB header of one of the sizes Windows writes at offset 14.
    if (head.startsWith("BM") && head.size() >= 18) {
        const int dib =
            quint8(head[14]) | quint8(head[15]) << 8 | quint8(head[16]) << 16 | quint8(head[17]) << 24;
        if (dib == 12 || dib == 40 || dib == 52 || dib == 56 || dib == 64 || dib == 108 || dib == 124)
            return QStringLiteral("BMP");
    }
    return {};
}

Result<LedgerFileKind> LedgerFile::detect(const QString &path, const QString &displayName)
{
    const QString name = displayName.isEmpty() ? QFileInfo(path).fileName() : displayName;
    auto refused = [](const QString &message) { return Error{ErrorCode::InputRefused, message}; };
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return refused(tr("%1 cannot be read: %2").arg(name, f.errorString()));
    const QByteArray head = f.read(4096);
    if (head.isEmpty())
        return refused(tr("%1 is empty.").arg(name));

    if (head.startsWith("PK")) {
        f.close();
        const ZipParts parts = zipParts(path);
        if (parts.mimetype && !parts.contentTypes)
            return refused(tr("%1 is an OpenDocument file (.ods/.odt); save it as .xlsx or .docx in WPS or "
                              "LibreOffice, then import it.")
                               .arg(name));
        return parts.wordDocument ? LedgerFileKind::Docx : LedgerFileKind::Xlsx;
    }
    if (CompoundFile::hasSignature(head)) {
        if (f.size() > kMaxCompoundFileSize)
            return refused(tr("%1 is larger than 512 MB, far more than a ledger.").arg(name));
        f.seek(0);
        const QByteArray data = f.readAll();
        auto cf = CompoundFile::parse(data, name);
        if (!cf)
            return cf.error();
        if (cf->hasStream(QStringLiteral("EncryptionInfo")) ||
            cf->hasStream(QStringLiteral("EncryptedPackage")))
            return refused(passwordMessage(name));
        if (cf->hasStream(QStringLiteral("Workbook")) || cf->hasStream(QStringLiteral("Book")))
            return LedgerFileKind::Xls;
        if (cf->hasStream(QStringLiteral("WordDocument")))
            return refused(tr("%1 is a Word 97–2003 or WPS text document (.doc/.wps); save it as .docx in "
                              "Word/WPS, then import it.")
                               .arg(name));
        return refused(
            tr("%1 is an Office or WPS file that holds no workbook. If it is a WPS spreadsheet (.et), "
               "open it in WPS and save it as .xlsx (File → Save As → Excel workbook).")
                .arg(name));
    }
    if (const QString kind = foreignKind(head); !kind.isEmpty()) {
        return refused(
            kind == u"PDF"
                ? tr("%1 is a PDF file; import the ledger kept in Excel, WPS Spreadsheets or Word.").arg(name)
                : tr("%1 is an image (%2); import the ledger kept in Excel, WPS Spreadsheets or Word.")
                      .arg(name, kind));
    }
    if (head.startsWith("{\\rtf"))
        return refused(
            tr("%1 is a Word document in RTF; save it as .docx in Word/WPS, then import it.").arg(name));
    // Markup saved under a spreadsheet's name: a web page (systems export HTML tables as .xls)
    // or an Excel 2003 XML spreadsheet.
    const QByteArray lower = head.toLower();
    const QByteArray start = lower.startsWith("\xEF\xBB\xBF") ? lower.mid(3).trimmed() : lower.trimmed();
    if (start.startsWith('<')) {
        if (lower.contains("urn:schemas-microsoft-com:office:spreadsheet") && !lower.contains("<html"))
            return refused(
                tr("%1 is an Excel 2003 XML spreadsheet; open it in Excel/WPS and save it as .xlsx, "
                   "then import it.")
                    .arg(name));
        if (lower.contains("<html") || lower.contains("<table") || lower.contains("<!doctype html"))
            return refused(tr("%1 is a web page (HTML), not a workbook; open it in Excel/WPS and save it as "
                              ".xlsx, then import it.")
                               .arg(name));
    }
    return LedgerFileKind::Text;
}

Result<Workbook> LedgerFile::read(const QString &path, const QString &displayName)
{
    const QString name = displayName.isEmpty() ? QFileInfo(path).fileName() : displayName;
    auto kind = detect(path, name);
    if (!kind)
        return kind.error();
    switch (*kind) {
    case LedgerFileKind::Xlsx:
        return XlsxReader::read(path, name);
    case LedgerFileKind::Docx:
        return DocxReader::read(path, name);
    case LedgerFileKind::Xls: {
        auto wb = XlsReader::read(path, name);
        if (!wb && name.endsWith(QLatin1String(".et"), Qt::CaseInsensitive) &&
            !wb.error().message.contains(passwordMessage(name)))
            return Error{ErrorCode::InputRefused,
                         tr("%1 is a WPS spreadsheet (.et) that cannot be read (%2). Open it in WPS and save "
                            "it as .xlsx (File → Save As → Excel workbook), then import it.")
                             .arg(name, wb.error().message)};
        return wb;
    }
    case LedgerFileKind::Text:
        break;
    }
    if (name.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive))
        return Error{ErrorCode::InputRefused,
                     tr("%1 is not a readable .xlsx workbook: it is not a zip archive.").arg(name)};
    return CsvReader::read(path, name);
}

} // namespace rectrack::core
