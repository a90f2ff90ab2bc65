#pragma once

// Small ledger files made inside the tests: .xlsx packages zipped from XML with minizip (so
// that each reader feature can be exercised part by part) and CSV bytes in any encoding.

#include <zip.h>

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace rectrack::test {

/// Writes a zip of @p parts (part name → bytes) to @p path.
inline bool writeZip(const QString &path, const QMap<QString, QByteArray> &parts)
{
    zipFile zf = zipOpen64(QFile::encodeName(path).constData(), APPEND_STATUS_CREATE);
    if (!zf)
        return false;
    bool ok = true;
    for (auto it = parts.cbegin(); it != parts.cend() && ok; ++it) {
        zip_fileinfo info{};
        const QByteArray name = it.key().toUtf8();
        ok = zipOpenNewFileInZip64(zf, name.constData(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                                   Z_DEFAULT_COMPRESSION, 0) == ZIP_OK &&
             zipWriteInFileInZip(zf, it.value().constData(), unsigned(it.value().size())) == ZIP_OK &&
             zipCloseFileInZip(zf) == ZIP_OK;
    }
    return zipClose(zf, nullptr) == ZIP_OK && ok;
}

inline QByteArray xmlEscape(const QString &s)
{
    return s.toHtmlEscaped().toUtf8();
}

/// A worksheet: each cell string is inline text, or "#d:N" (serial N with the date style 1),
/// "#n:N" (a number), "#s:K" (shared string K), "" (no cell). @p extra goes after sheetData
/// (mergeCells); @p before goes before it (cols); @p hiddenRows are 1-based.
inline QByteArray sheetXml(const QList<QStringList> &rows, const QByteArray &extra = {},
                           const QByteArray &before = {}, const QList<int> &hiddenRows = {},
                           const QByteArray &ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main")
{
    QByteArray x =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"" + ns + "\">";
    x += before + "<sheetData>";
    for (int r = 0; r < rows.size(); ++r) {
        x += "<row r=\"" + QByteArray::number(r + 1) + "\"" +
             (hiddenRows.contains(r + 1) ? " hidden=\"1\"" : "") + ">";
        for (int c = 0; c < rows[r].size(); ++c) {
            const QString v = rows[r][c];
            if (v.isEmpty())
                continue;
            const QByteArray ref = QByteArray(1, char('A' + c)) + QByteArray::number(r + 1);
            if (v.startsWith(QLatin1String("#d:")))
                x += "<c r=\"" + ref + "\" s=\"1\"><v>" + v.mid(3).toUtf8() + "</v></c>";
            else if (v.startsWith(QLatin1String("#n:")))
                x += "<c r=\"" + ref + "\"><v>" + v.mid(3).toUtf8() + "</v></c>";
            else if (v.startsWith(QLatin1String("#s:")))
                x += "<c r=\"" + ref + "\" t=\"s\"><v>" + v.mid(3).toUtf8() + "</v></c>";
            else
                x += "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">" + xmlEscape(v) +
                     "</t></is></c>";
        }
        x += "</row>";
    }
    x += "</sheetData>" + extra + "</worksheet>";
    return x;
}

/// The parts of a workbook with @p sheets (name → worksheet XML), the workbook part at
/// @p workbookPart (default xl/workbook.xml, to check that parts are found through relationships).
inline QMap<QString, QByteArray>
workbookParts(const QList<QPair<QString, QByteArray>> &sheets, const QByteArray &sharedStrings = {},
              bool date1904 = false, const QString &workbookPart = QStringLiteral("xl/workbook.xml"),
              const QStringList &hiddenSheets = {})
{
    QMap<QString, QByteArray> parts;
    const QString dir = workbookPart.left(workbookPart.lastIndexOf(u'/') + 1);
    const QString file = workbookPart.mid(dir.size());
    parts[QStringLiteral("[Content_Types].xml")] =
        "<?xml version=\"1.0\"?><Types "
        "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"rels\" "
        "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>";
    parts[QStringLiteral("_rels/.rels")] =
        "<?xml version=\"1.0\"?><Relationships "
        "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" "
        "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        "officeDocument\" Target=\"" +
        workbookPart.toUtf8() + "\"/></Relationships>";
    QByteArray wb =
        "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/"
        "main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">";
    wb += date1904 ? "<workbookPr date1904=\"1\"/>" : "<workbookPr/>";
    wb += "<sheets>";
    QByteArray rels = "<?xml version=\"1.0\"?><Relationships "
                      "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
    for (int i = 0; i < sheets.size(); ++i) {
        const QByteArray id = "rId" + QByteArray::number(i + 10);
        wb += "<sheet name=\"" + xmlEscape(sheets[i].first) + "\" sheetId=\"" + QByteArray::number(i + 1) +
              "\" r:id=\"" + id + "\"" + (hiddenSheets.contains(sheets[i].first) ? " state=\"hidden\"" : "") +
              "/>";
        const QByteArray target = "sheets/s" + QByteArray::number(i + 1) + ".xml";
        rels += "<Relationship Id=\"" + id +
                "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
                "Target=\"" +
                target + "\"/>";
        parts[dir + QString::fromUtf8(target)] = sheets[i].second;
    }
    wb += "</sheets></workbook>";
    rels += "<Relationship Id=\"rId2\" "
            "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
            "styles\" Target=\"styles.xml\"/>";
    if (!sharedStrings.isEmpty()) {
        rels += "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                "relationships/sharedStrings\" Target=\"strings.xml\"/>";
        parts[dir + QStringLiteral("strings.xml")] = sharedStrings;
    }
    rels += "</Relationships>";
    parts[workbookPart] = wb;
    parts[dir + QStringLiteral("_rels/") + file + QStringLiteral(".rels")] = rels;
    // Style 0: General; style 1: built-in date format 14; style 2: a custom Chinese date format.
    parts[dir + QStringLiteral("styles.xml")] =
        "<?xml version=\"1.0\"?><styleSheet "
        "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        "<numFmts count=\"1\"><numFmt numFmtId=\"170\" "
        "formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
        "</numFmts><cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf "
        "numFmtId=\"170\"/></cellXfs>"
        "</styleSheet>";
    return parts;
}

inline bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    return f.write(data) == data.size();
}

} // namespace rectrack::test
