#include "docxreader.h"

#include "ledgerfile.h"

#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QXmlStreamReader>

#include <unzip.h>

namespace rectrack::core {

namespace {

constexpr qint64 kMaxPartSize = qint64(256) * 1024 * 1024;
constexpr int kMaxColumns = 256;
constexpr qint64 kMaxCells = 4'000'000;

const QStringList kWordNs{QStringLiteral("http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
                          QStringLiteral("http://purl.oclc.org/ooxml/wordprocessingml/main")};
const QString kPackageRelNs = QStringLiteral("http://schemas.openxmlformats.org/package/2006/relationships");
const QString kMarkupCompatNs = QStringLiteral("http://schemas.openxmlformats.org/markup-compatibility/2006");

/// Reads one part of a zip (case-insensitive name); empty optional when it is missing.
Result<std::optional<QByteArray>> zipPart(unzFile zip, const QString &name, const QString &fileName)
{
    const QByteArray stored = name.toUtf8();
    if (unzLocateFile(zip, stored.constData(), 2) != UNZ_OK)
        return std::optional<QByteArray>();
    unz_file_info64 info;
    auto damaged = [&] {
        return Error{ErrorCode::InputRefused,
                     DocxReader::tr("%1 is damaged: the part %2 cannot be read.").arg(fileName, name)};
    };
    if (unzGetCurrentFileInfo64(zip, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK)
        return damaged();
    if (qint64(info.uncompressed_size) > kMaxPartSize)
        return Error{ErrorCode::InputRefused,
                     DocxReader::tr("%1: the part %2 is too large to be a ledger.").arg(fileName, name)};
    if (unzOpenCurrentFile(zip) != UNZ_OK)
        return damaged();
    QByteArray data;
    data.reserve(qsizetype(info.uncompressed_size));
    char buf[65536];
    int n = 0;
    while ((n = unzReadCurrentFile(zip, buf, sizeof buf)) > 0 && data.size() <= kMaxPartSize)
        data.append(buf, n);
    const int closed = unzCloseCurrentFile(zip);
    if (n < 0 || closed != UNZ_OK || data.size() > kMaxPartSize)
        return damaged();
    return std::optional<QByteArray>(data);
}

/// The main document part named by the package relationships, else word/document.xml.
QString mainPartName(const QByteArray &rels)
{
    QXmlStreamReader x(rels);
    while (!x.atEnd()) {
        x.readNext();
        if (x.isStartElement() && x.name() == u"Relationship" && x.namespaceUri() == kPackageRelNs &&
            x.attributes().value(QStringLiteral("Type")).endsWith(u"/officeDocument")) {
            QString target = x.attributes().value(QStringLiteral("Target")).toString();
            while (target.startsWith(u'/'))
                target.remove(0, 1);
            if (!target.isEmpty())
                return target;
        }
    }
    return QStringLiteral("word/document.xml");
}

/// One cell of a table row as the document writes it.
struct TableCell
{
    enum class VMerge
    {
        None,
        Restart,
        Continue
    };
    int span = 1;
    VMerge vMerge = VMerge::None;
    QStringList paragraphs;
};

struct TableRow
{
    int gridBefore = 0;
    QList<TableCell> cells;
};

struct Table
{
    int gridColumns = 0; ///< w:gridCol elements of its w:tblGrid
    QStringList titles;
    QList<TableRow> rows;
};

/// What a row shows: its cells' texts and spans.
QStringList rowKey(const TableRow &row)
{
    QStringList key{QString::number(row.gridBefore)};
    for (const TableCell &c : row.cells)
        key << QString::number(c.span) + u':' + c.paragraphs.join(u'\n');
    return key;
}

/// Adds @p table to @p tables, or to the table before it when it continues that one: Word splits
/// a long table in two when a paragraph mark gets between its rows, so a table right after
/// another (no text between) on the same grid is read as its continuation, without a row that
/// repeats one of the first rows of the table it continues (a header repeated by hand).
void addTable(QList<Table> &tables, Table &&table)
{
    if (tables.isEmpty() || !table.titles.isEmpty() || table.gridColumns == 0 ||
        table.gridColumns != tables.last().gridColumns) {
        tables << std::move(table);
        return;
    }
    Table &first = tables.last();
    QList<QStringList> head;
    for (qsizetype i = 0; i < std::min<qsizetype>(first.rows.size(), DocxReader::kTitleParagraphs); ++i)
        head << rowKey(first.rows[i]);
    for (TableRow &row : table.rows) {
        if (!head.contains(rowKey(row)))
            first.rows << std::move(row);
    }
}

/// Lays a table out on its grid: cell texts, gridSpan and vMerge ranges.
Sheet buildSheet(const Table &t, const QString &name)
{
    Sheet sheet;
    sheet.name = name;
    for (const QString &title : t.titles) {
        SheetRow row;
        Cell c;
        c.kind = Cell::Kind::Text;
        c.text = title;
        row.cells << c;
        sheet.rows << row;
    }
    QMap<int, CellRange> open; // vertical merges still open, by left column
    auto close = [&sheet](const CellRange &m) {
        if (m.bottom > m.top || m.right > m.left)
            sheet.merges << m;
    };
    for (const TableRow &tr : t.rows) {
        const int r = int(sheet.rows.size());
        SheetRow row;
        QSet<int> continued;
        int column = std::clamp(tr.gridBefore, 0, kMaxColumns);
        for (const TableCell &tc : tr.cells) {
            if (column >= kMaxColumns)
                break;
            const int span = std::clamp(tc.span, 1, kMaxColumns - column);
            if (tc.vMerge == TableCell::VMerge::Continue && open.contains(column)) {
                open[column].bottom = r;
                continued.insert(column);
                column += span;
                continue;
            }
            QStringList lines;
            for (const QString &p : tc.paragraphs) {
                if (!p.trimmed().isEmpty())
                    lines << p;
            }
            if (!lines.isEmpty()) {
                if (row.cells.size() <= column)
                    row.cells.resize(column + 1);
                Cell &c = row.cells[column];
                c.kind = Cell::Kind::Text;
                c.text = lines.join(u'\n');
            }
            const CellRange range{r, column, r, column + span - 1};
            if (tc.vMerge == TableCell::VMerge::Restart) {
                if (open.contains(column))
                    close(open.take(column));
                open.insert(column, range);
                continued.insert(column);
            } else {
                close(range);
            }
            column += span;
        }
        for (auto it = open.begin(); it != open.end();) {
            if (continued.contains(it.key())) {
                ++it;
            } else {
                close(it.value());
                it = open.erase(it);
            }
        }
        sheet.rows << row;
    }
    for (const CellRange &m : std::as_const(open))
        close(m);
    for (int i = 0; i < sheet.rows.size(); ++i)
        sheet.rows[i].number = i + 1;
    return sheet;
}

bool isWord(const QXmlStreamReader &x)
{
    return kWordNs.contains(x.namespaceUri());
}

} // namespace

Result<Workbook> DocxReader::read(const QString &path, const QString &displayName)
{
    const QString name = displayName.isEmpty() ? QFileInfo(path).fileName() : displayName;
    unzFile zip = unzOpen64(QFile::encodeName(path).constData());
    if (!zip)
        return Error{
            ErrorCode::InputRefused,
            tr("%1 is not a readable .docx document: the zip archive is damaged or incomplete.").arg(name)};
    auto rels = zipPart(zip, QStringLiteral("_rels/.rels"), name);
    Result<std::optional<QByteArray>> document = std::optional<QByteArray>();
    QString part = QStringLiteral("word/document.xml");
    if (rels) {
        if (rels->has_value())
            part = mainPartName(**rels);
        document = zipPart(zip, part, name);
    }
    unzClose(zip);
    if (!rels)
        return rels.error();
    if (!document)
        return document.error();
    if (!document->has_value())
        return Error{ErrorCode::InputRefused,
                     tr("%1 is not a complete Word document: the part %2 is missing.").arg(name, part)};
    return parseDocument(**document, name);
}

Result<Workbook> DocxReader::parseDocument(const QByteArray &xml, const QString &fileName)
{
    Workbook wb;
    wb.fileName = fileName;
    wb.isDocument = true;
    QXmlStreamReader x(xml);
    QStringList above;    // non-empty paragraphs since the last top-level table
    QList<QString> texts; // paragraphs being read (a text box's paragraphs inside a paragraph)
    int depth = 0;        // open w:tbl elements
    QList<Table> tables;  // the top-level tables read
    Table table;          // the top-level table being read
    std::optional<TableRow> row;
    std::optional<TableCell> cell;
    qint64 cells = 0;
    while (!x.atEnd()) {
        x.readNext();
        if (x.isStartElement()) {
            if (x.namespaceUri() == kMarkupCompatNs && x.name() == u"Fallback") {
                x.skipCurrentElement();
                continue;
            }
            if (!isWord(x))
                continue;
            const auto n = x.name();
            if (n == u"del" || n == u"moveFrom" || n == u"pPr" || n == u"rPr") {
                x.skipCurrentElement();
            } else if (n == u"tbl") {
                if (++depth == 1) {
                    table = Table{};
                    table.titles = above.mid(std::max<qsizetype>(0, above.size() - kTitleParagraphs));
                    above.clear();
                }
            } else if (depth == 1 && n == u"gridCol") {
                ++table.gridColumns;
            } else if (depth == 1 && n == u"tr") {
                row = TableRow{};
            } else if (depth == 1 && n == u"tc" && row) {
                cell = TableCell{};
            } else if (depth == 1 && n == u"gridBefore" && row && !cell) {
                row->gridBefore = x.attributes().value(kWordNs[0], QStringLiteral("val")).toInt();
                if (row->gridBefore == 0)
                    row->gridBefore = x.attributes().value(kWordNs[1], QStringLiteral("val")).toInt();
            } else if (depth == 1 && n == u"gridSpan" && cell) {
                const auto a = x.attributes();
                const int span = a.hasAttribute(kWordNs[0], QStringLiteral("val"))
                                     ? a.value(kWordNs[0], QStringLiteral("val")).toInt()
                                     : a.value(kWordNs[1], QStringLiteral("val")).toInt();
                cell->span = std::clamp(span, 1, kMaxColumns);
            } else if (depth == 1 && n == u"vMerge" && cell) {
                const auto a = x.attributes();
                const auto val = a.hasAttribute(kWordNs[0], QStringLiteral("val"))
                                     ? a.value(kWordNs[0], QStringLiteral("val"))
                                     : a.value(kWordNs[1], QStringLiteral("val"));
                cell->vMerge = val == u"restart" ? TableCell::VMerge::Restart : TableCell::VMerge::Continue;
            } else if (n == u"p") {
                texts << QString();
            } else if (n == u"t" && !texts.isEmpty()) {
                texts.last() += x.readElementText(QXmlStreamReader::IncludeChildElements);
            } else if ((n == u"br" || n == u"cr") && !texts.isEmpty()) {
                texts.last() += u'\n';
            } else if (n == u"tab" && !texts.isEmpty() && depth > 0) {
                texts.last() += u'\t';
            }
        } else if (x.isEndElement() && isWord(x)) {
            const auto n = x.name();
            if (n == u"p" && !texts.isEmpty()) {
                const QString text = texts.takeLast();
                if (!texts.isEmpty())
                    texts.last() += (texts.last().isEmpty() ? QString() : QStringLiteral("\n")) + text;
                else if (depth == 0 && !text.trimmed().isEmpty())
                    above << text.trimmed();
                else if (depth > 0 && cell)
                    cell->paragraphs << text;
            } else if (depth == 1 && n == u"tc" && cell && row) {
                row->cells << *cell;
                cell.reset();
                if (++cells > kMaxCells)
                    return Error{ErrorCode::InputRefused,
                                 tr("%1 holds more than %2 table cells, far more than a ledger.")
                                     .arg(fileName)
                                     .arg(kMaxCells)};
            } else if (depth == 1 && n == u"tr" && row) {
                table.rows << *row;
                row.reset();
            } else if (n == u"tbl" && depth > 0) {
                if (--depth == 0) {
                    addTable(tables, std::move(table));
                    table = Table{};
                }
            }
        }
    }
    if (x.hasError())
        return Error{ErrorCode::InputRefused,
                     tr("%1 is damaged: its document is not well-formed XML (line %2: %3).")
                         .arg(fileName)
                         .arg(x.lineNumber())
                         .arg(x.errorString())};
    for (const Table &t : std::as_const(tables))
        wb.sheets << buildSheet(t, tr("Table %1").arg(wb.sheets.size() + 1));
    if (wb.sheets.isEmpty())
        return Error{ErrorCode::InputRefused, LedgerFile::noLedgerTableMessage(fileName)};
    return wb;
}

} // namespace rectrack::core
