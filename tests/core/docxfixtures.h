#pragma once

// Small Word documents (.docx) made inside the tests: paragraphs and tables as WordprocessingML,
// zipped with the importfixtures.h helpers.

#include "importfixtures.h"

namespace rectrack::test {

/// A paragraph (w:p) of @p text; line breaks in the text become w:br.
inline QByteArray wordParagraph(const QString &text)
{
    QByteArray p = "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:b/></w:rPr>";
    const QStringList lines = text.split(u'\n');
    for (int i = 0; i < lines.size(); ++i) {
        if (i > 0)
            p += "<w:br/>";
        p += "<w:t xml:space=\"preserve\">" + xmlEscape(lines[i]) + "</w:t>";
    }
    return p + "</w:r></w:p>";
}

/**
 * A table (w:tbl). Each cell string is its text, its paragraphs separated by "¶"; a prefix
 * "^" makes it a vMerge continuation of the cell above (its text ignored), "v:" a vMerge
 * restart, "s2:" (any digit) a gridSpan; prefixes combine in the order "v:s2:".
 */
inline QByteArray wordTable(const QList<QStringList> &rows, int gridColumns)
{
    QByteArray t = "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid>";
    for (int c = 0; c < gridColumns; ++c)
        t += "<w:gridCol w:w=\"1200\"/>";
    t += "</w:tblGrid>";
    for (const QStringList &row : rows) {
        t += "<w:tr>";
        for (QString cell : row) {
            QByteArray props;
            if (cell == u"^") {
                props += "<w:vMerge/>";
                cell.clear();
            }
            if (cell.startsWith(QLatin1String("v:"))) {
                props += "<w:vMerge w:val=\"restart\"/>";
                cell = cell.mid(2);
            }
            if (cell.size() > 3 && cell.startsWith(u's') && cell[1].isDigit() && cell[2] == u':') {
                props = "<w:gridSpan w:val=\"" + QByteArray(1, char(cell[1].unicode())) + "\"/>" + props;
                cell = cell.mid(3);
            }
            t += "<w:tc><w:tcPr><w:tcW w:w=\"1200\" w:type=\"dxa\"/>" + props + "</w:tcPr>";
            const QStringList paragraphs = cell.split(QChar(0x00B6));
            for (const QString &p : paragraphs)
                t += "<w:p><w:r><w:t xml:space=\"preserve\">" + xmlEscape(p) + "</w:t></w:r></w:p>";
            t += "</w:tc>";
        }
        t += "</w:tr>";
    }
    return t + "</w:tbl>";
}

/// The parts of a .docx whose body is @p body (paragraphs and tables).
inline QMap<QString, QByteArray> docxParts(const QByteArray &body)
{
    QMap<QString, QByteArray> parts;
    parts[QStringLiteral("[Content_Types].xml")] =
        "<?xml version=\"1.0\"?><Types "
        "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"rels\" "
        "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Override "
        "PartName=\"/word/document.xml\" "
        "ContentType=\"application/"
        "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
    parts[QStringLiteral("_rels/.rels")] =
        "<?xml version=\"1.0\"?><Relationships "
        "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
        "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
        "Target=\"word/document.xml\"/></Relationships>";
    parts[QStringLiteral("word/document.xml")] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document "
        "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
        body +
        "<w:sectPr><w:pgSz w:w=\"16838\" w:h=\"11906\" "
        "w:orient=\"landscape\"/></w:sectPr></w:body></w:document>";
    return parts;
}

/// A ledger kept as a Word table: title paragraphs above it, a title row spanning the grid
/// (gridSpan), one measure per row under problem, number and office cells merged down (vMerge),
/// each row with its measure's own deadline and status.
inline QList<QStringList> sampleLedgerDocxRows()
{
    auto u = [](const char *s) { return QString::fromUtf8(s); };
    return {
        {u("s7:某局巡察反馈问题整改落实台账")},
        {u("序号"), u("问题描述"), u("整改措施"), u("责任单位"), u("整改时限"), u("完成情况"), u("备注")},
        {u("v:1"), u("v:问题甲"), u("措施一"), u("v:办公室"), u("2021-06-30"), u("已完成"), QString()},
        {u("^"), u("^"), u("措施二"), u("^"), u("2021-09-30"), u("已完成"), QString()},
        {u("^"), u("^"), u("措施三"), u("^"), u("2021-12-31"), u("已完成"), QString()},
        {u("v:2"), u("v:问题乙"), u("措施A"), u("v:财务科"), u("2021-06-30"), u("已完成"), QString()},
        {u("^"), u("^"), u("措施B"), u("^"), u("2021年12月底"), u("正在推进"), QString()},
        {u("v:3"), u("v:问题丙"), u("措施C"), u("v:人事科"), u("2021-06-30"), u("已完成"), QString()},
        {u("^"), u("^"), u("措施D"), u("^"), u("长期坚持"), u("持续推进"), QString()},
        {u("v:4"), u("v:问题丁"), u("措施E¶补充说明"), u("v:办公室"), u("2021-12-31"), u("未启动"),
         QString()},
        {u("^"), u("^"), u("措施F"), u("^"), u("2021-12-31"), u("未启动"), QString()},
        {u("5"), u("问题戊"), u("1.措施G¶2.措施H"), u("办公室"), u("2021-06-30"), u("已完成"), u("备注文字")},
    };
}

/// The body of the sample Word ledger: title and fill-in paragraphs, then the table.
inline QByteArray sampleLedgerDocxBody()
{
    return wordParagraph(QString::fromUtf8("某局巡察反馈问题整改落实台账")) +
           wordParagraph(QString::fromUtf8("填报日期：2021年6月30日")) +
           wordTable(sampleLedgerDocxRows(), 7) + wordParagraph(QString::fromUtf8("填表人：张三"));
}

/// The same ledger as an .xlsx worksheet (the table's cells and merges, without the paragraphs).
inline QByteArray sampleLedgerDocxAsXlsx()
{
    QList<QStringList> rows;
    for (QStringList row : sampleLedgerDocxRows()) {
        for (QString &v : row) {
            if (v == u"^")
                v.clear();
            if (v.startsWith(QLatin1String("v:")))
                v = v.mid(2);
            if (v.startsWith(QLatin1String("s7:")))
                v = v.mid(3);
            v.replace(QChar(0x00B6), u'\n');
        }
        rows << row;
    }
    QByteArray merges = "<mergeCells><mergeCell ref=\"A1:G1\"/>";
    for (const auto &[top, bottom] : {std::pair{3, 5}, {6, 7}, {8, 9}, {10, 11}}) {
        for (const char c : {'A', 'B', 'D'})
            merges += "<mergeCell ref=\"" + QByteArray(1, c) + QByteArray::number(top) + ":" +
                      QByteArray(1, c) + QByteArray::number(bottom) + "\"/>";
    }
    return sheetXml(rows, merges + "</mergeCells>");
}

} // namespace rectrack::test
