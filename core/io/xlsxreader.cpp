#include "xlsxreader.h"

#include "domain/types.h"
#include "safefile.h"

#include <unzip.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QMap>
#include <QXmlStreamReader>

#include <cmath>
#include <memory>

namespace rectrack::core {

namespace {

// Transitional and strict namespaces of the parts read here.
const QStringList kMainNs{QStringLiteral("http://schemas.openxmlformats.org/spreadsheetml/2006/main"),
                          QStringLiteral("http://purl.oclc.org/ooxml/spreadsheetml/main")};
const QStringList kRelNs{
    QStringLiteral("http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
    QStringLiteral("http://purl.oclc.org/ooxml/officeDocument/relationships")};
const QString kPackageRelNs = QStringLiteral("http://schemas.openxmlformats.org/package/2006/relationships");

/// Parts read whole (relationships, workbook, styles): these are small in any real workbook.
constexpr qint64 kMaxPartSize = qint64(16) * 1024 * 1024;
// Rows beyond the last row with content are dropped; a formatted row 1048576 creates nothing.
constexpr int kMaxRows = 1048576;
constexpr int kMaxColumns = 16384;

bool isMain(const QXmlStreamReader &x)
{
    // As a view: a QString per element was a tenth of reading a sheet.
    return kMainNs.contains(x.namespaceUri());
}
bool isMain(const QXmlStreamReader &x, QStringView local)
{
    return x.name() == local && isMain(x);
}

struct Relationship
{
    QString type;
    QString target; ///< resolved part name without a leading slash
};

/// Part name of the relationship file of @p part ("xl/workbook.xml" → "xl/_rels/workbook.xml.rels").
QString relsPartOf(const QString &part)
{
    const int slash = int(part.lastIndexOf(u'/'));
    const QString dir = slash >= 0 ? part.left(slash + 1) : QString();
    return dir + QStringLiteral("_rels/") + part.mid(slash + 1) + QStringLiteral(".rels");
}

QString resolveTarget(const QString &sourcePart, const QString &target)
{
    QString t = target;
    t.replace(u'\\', u'/');
    if (t.startsWith(u'/'))
        return QDir::cleanPath(t).mid(1);
    const int slash = int(sourcePart.lastIndexOf(u'/'));
    const QString dir = slash >= 0 ? sourcePart.left(slash + 1) : QString();
    return QDir::cleanPath(QStringLiteral("/") + dir + t).mid(1);
}

/// Column and row (0-based) of a reference like "AB12"; false when it is not one.
bool parseRef(QStringView ref, int &row, int &column)
{
    int i = 0;
    int col = 0;
    while (i < ref.size() && ref[i].isLetter() && ref[i].unicode() < 128) {
        col = col * 26 + (ref[i].toUpper().unicode() - u'A' + 1);
        if (col > kMaxColumns)
            return false;
        ++i;
    }
    if (i == 0 || i == ref.size())
        return false;
    bool ok = false;
    const int r = ref.mid(i).toInt(&ok);
    if (!ok || r < 1 || r > kMaxRows)
        return false;
    row = r - 1;
    column = col - 1;
    return true;
}

bool parseRange(QStringView ref, CellRange &range)
{
    const qsizetype colon = ref.indexOf(u':');
    if (colon < 0)
        return parseRef(ref, range.top, range.left) &&
               ((range.bottom = range.top), (range.right = range.left), true);
    return parseRef(ref.left(colon), range.top, range.left) &&
           parseRef(ref.mid(colon + 1), range.bottom, range.right) && range.bottom >= range.top &&
           range.right >= range.left;
}

/// Reads the text of an <si> or <is> element: <t> directly or inside rich-text runs <r>;
/// phonetic runs <rPh> are skipped. The reader stands on the start element.
QString readRichText(QXmlStreamReader &x)
{
    QString text;
    const int depthEnd = 0;
    int depth = 0;
    while (!x.atEnd()) {
        x.readNext();
        if (x.isStartElement()) {
            if (x.name() == u"rPh") {
                x.skipCurrentElement();
                continue;
            }
            if (x.name() == u"t") {
                text += x.readElementText();
                continue;
            }
            ++depth;
        } else if (x.isEndElement()) {
            if (depth == depthEnd)
                break;
            --depth;
        }
    }
    return text;
}

/**
 * The current entry of an open zip as a sequential device, so that QXmlStreamReader parses a
 * sheet or the shared strings as they are inflated instead of from a copy of the whole part. Past
 * @c limit expanded bytes (a zip bomb) it reports an error and sets tooLarge; a damaged entry
 * (bad data, CRC) sets zipError.
 */
class ZipEntryDevice : public QIODevice
{
public:
    ZipEntryDevice(unzFile zip, qint64 limit) : m_zip(zip), m_limit(limit) { open(QIODevice::ReadOnly); }
    bool isSequential() const override { return true; }
    bool tooLarge = false;
    int zipError = 0;

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        if (tooLarge || zipError)
            return -1;
        const int n = unzReadCurrentFile(m_zip, data, unsigned(std::min<qint64>(maxSize, 1 << 20)));
        if (n < 0) {
            zipError = n;
            return -1;
        }
        m_read += n;
        if (m_read > m_limit) {
            tooLarge = true;
            return -1;
        }
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    unzFile m_zip;
    qint64 m_limit;
    qint64 m_read = 0;
};

class Package
{
public:
    Package(const QString &path, QString displayName) : m_path(path), m_name(std::move(displayName)) {}
    ~Package()
    {
        if (m_zip)
            unzClose(m_zip);
    }
    Package(const Package &) = delete;
    Package &operator=(const Package &) = delete;

    std::optional<Error> open()
    {
        m_zip = unzOpen64(QFile::encodeName(m_path).constData());
        if (!m_zip)
            return refused(
                XlsxReader::tr("%1 is not a readable .xlsx workbook: the zip archive is damaged or "
                               "incomplete.")
                    .arg(m_name));
        for (int rc = unzGoToFirstFile(m_zip); rc == UNZ_OK; rc = unzGoToNextFile(m_zip)) {
            unz_file_info64 info;
            char name[1024];
            if (unzGetCurrentFileInfo64(m_zip, &info, name, sizeof name, nullptr, 0, nullptr, 0) != UNZ_OK)
                return refused(
                    XlsxReader::tr("%1 is not a readable .xlsx workbook: the zip archive is damaged or "
                                   "incomplete.")
                        .arg(m_name));
            const QString n = QString::fromUtf8(name);
            m_names.insert(n.toLower(), n);
            m_sizes.insert(n.toLower(), qint64(info.uncompressed_size));
        }
        return std::nullopt;
    }

    bool has(const QString &part) const { return m_sizes.contains(part.toLower()); }

    /// The bytes of @p part; an Error when it is missing or damaged (bad CRC, truncated data).
    Result<QByteArray> part(const QString &name)
    {
        if (!has(name))
            return refused(
                XlsxReader::tr("%1 is not a complete workbook: the part %2 is missing.").arg(m_name, name));
        const qint64 size = m_sizes.value(name.toLower());
        if (size > kMaxPartSize)
            return expandedTooLarge(name);
        const QByteArray stored = m_names.value(name.toLower()).toUtf8();
        auto damaged = [&](int code) {
            return refused(XlsxReader::tr("%1 is damaged: the part %2 cannot be read (zip error %3).")
                               .arg(m_name, name)
                               .arg(code));
        };
        if (int rc = unzLocateFile(m_zip, stored.constData(), 1); rc != UNZ_OK)
            return damaged(rc);
        if (int rc = unzOpenCurrentFile(m_zip); rc != UNZ_OK)
            return damaged(rc);
        QByteArray data;
        data.reserve(qsizetype(std::min<qint64>(size, kMaxPartSize)));
        char buf[65536];
        int n = 0;
        while ((n = unzReadCurrentFile(m_zip, buf, sizeof buf)) > 0) {
            data.append(buf, n);
            if (data.size() > kMaxPartSize)
                break;
        }
        const int closed = unzCloseCurrentFile(m_zip);
        if (n < 0)
            return damaged(n);
        if (closed != UNZ_OK)
            return damaged(closed);
        if (data.size() > kMaxPartSize)
            return expandedTooLarge(name);
        return data;
    }

    /// Opens @p name as the current entry and returns a device that inflates it while it is read
    /// (at most SafeFile::kMaxExpandedBytes); close with closeStream(), which reports damage or size.
    Result<std::unique_ptr<ZipEntryDevice>> stream(const QString &name)
    {
        if (!has(name))
            return refused(
                XlsxReader::tr("%1 is not a complete workbook: the part %2 is missing.").arg(m_name, name));
        const QByteArray stored = m_names.value(name.toLower()).toUtf8();
        if (int rc = unzLocateFile(m_zip, stored.constData(), 1); rc != UNZ_OK)
            return damagedPart(name, rc);
        if (int rc = unzOpenCurrentFile(m_zip); rc != UNZ_OK)
            return damagedPart(name, rc);
        return std::make_unique<ZipEntryDevice>(m_zip, SafeFile::kMaxExpandedBytes);
    }

    /// Closes the entry opened by stream(); the error of a part too large or damaged, if any.
    std::optional<Error> closeStream(const QString &name, const ZipEntryDevice &device)
    {
        const int closed = unzCloseCurrentFile(m_zip);
        if (device.tooLarge)
            return expandedTooLarge(name);
        if (device.zipError)
            return damagedPart(name, device.zipError);
        // UNZ_CRCERROR only when the whole entry was read; a parse stopped early is not damage.
        if (closed != UNZ_OK && closed != UNZ_CRCERROR)
            return damagedPart(name, closed);
        return std::nullopt;
    }

    Error damagedPart(const QString &name, int code) const
    {
        return refused(XlsxReader::tr("%1 is damaged: the part %2 cannot be read (zip error %3).")
                           .arg(m_name, name)
                           .arg(code));
    }

    Error expandedTooLarge(const QString &name) const
    {
        return SafeFile::limitError(m_name,
                                    XlsxReader::tr("%1 MB of XML in the part %2 once expanded")
                                        .arg(QLocale().toString(SafeFile::kMaxExpandedBytes >> 20), name));
    }

    /// Relationships of @p sourcePart ("" for the package), by id. A missing .rels is no relationship.
    Result<QMap<QString, Relationship>> relationships(const QString &sourcePart)
    {
        QMap<QString, Relationship> out;
        const QString relsName =
            sourcePart.isEmpty() ? QStringLiteral("_rels/.rels") : relsPartOf(sourcePart);
        if (!has(relsName))
            return out;
        auto data = part(relsName);
        if (!data)
            return data.error();
        QXmlStreamReader x(*data);
        while (x.readNextStartElement()) {
            if (x.name() == u"Relationships" && x.namespaceUri() == kPackageRelNs)
                continue;
            if (x.name() == u"Relationship" && x.namespaceUri() == kPackageRelNs) {
                const auto a = x.attributes();
                if (a.value(QStringLiteral("TargetMode")) != u"External")
                    out.insert(a.value(QStringLiteral("Id")).toString(),
                               {a.value(QStringLiteral("Type")).toString(),
                                resolveTarget(sourcePart, a.value(QStringLiteral("Target")).toString())});
            }
            x.skipCurrentElement();
        }
        if (x.hasError())
            return xmlError(relsName, x);
        return out;
    }

    Error xmlError(const QString &partName, const QXmlStreamReader &x) const
    {
        return refused(XlsxReader::tr("%1 is damaged: the part %2 is not well-formed XML (line %3: %4).")
                           .arg(m_name, partName)
                           .arg(x.lineNumber())
                           .arg(x.errorString()));
    }

    Error refused(const QString &message) const { return Error{ErrorCode::InputRefused, message}; }
    const QString &name() const { return m_name; }

private:
    QString m_path;
    QString m_name;
    unzFile m_zip = nullptr;
    QHash<QString, QString> m_names; ///< lower-case part name → name as stored
    QHash<QString, qint64> m_sizes;
};

Relationship firstOfType(const QMap<QString, Relationship> &rels, QStringView typeSuffix)
{
    for (const Relationship &r : rels) {
        if (r.type.endsWith(typeSuffix))
            return r;
    }
    return {};
}

struct Styles
{
    QList<bool> xfIsDate;  ///< per cellXfs index
    QList<bool> xfIsMonth; ///< per cellXfs index: a date format without the day (yyyy"年"m"月")
};

Result<Styles> readStyles(Package &pkg, const QString &partName)
{
    Styles s;
    if (partName.isEmpty())
        return s;
    auto data = pkg.part(partName);
    if (!data)
        return data.error();
    QHash<int, QString> custom;
    QXmlStreamReader x(*data);
    bool inCellXfs = false;
    while (!x.atEnd()) {
        x.readNext();
        if (x.isStartElement() && isMain(x)) {
            if (x.name() == u"numFmt") {
                custom.insert(x.attributes().value(QStringLiteral("numFmtId")).toInt(),
                              x.attributes().value(QStringLiteral("formatCode")).toString());
            } else if (x.name() == u"cellXfs") {
                inCellXfs = true;
            } else if (x.name() == u"xf" && inCellXfs) {
                const int id = x.attributes().value(QStringLiteral("numFmtId")).toInt();
                const bool isDate = custom.contains(id) ? XlsxReader::isDateFormat(custom.value(id))
                                                        : XlsxReader::isBuiltinDateFormat(id);
                s.xfIsDate.append(isDate);
                // Built-in month formats: mmm-yy (17) and the Chinese yyyy"年"m"月" (27, 50, 52, 57).
                s.xfIsMonth.append(isDate &&
                                   (custom.contains(id) ? XlsxReader::isMonthFormat(custom.value(id))
                                                        : QList<int>{17, 27, 50, 52, 57}.contains(id)));
            }
        } else if (x.isEndElement() && isMain(x, u"cellXfs")) {
            inCellXfs = false;
        }
    }
    if (x.hasError())
        return pkg.xmlError(partName, x);
    return s;
}

Result<QStringList> readSharedStrings(Package &pkg, const QString &partName)
{
    QStringList out;
    if (partName.isEmpty())
        return out;
    auto device = pkg.stream(partName);
    if (!device)
        return device.error();
    QXmlStreamReader x(device->get());
    qint64 chars = 0;
    bool tooMany = false;
    while (!x.atEnd()) {
        x.readNext();
        if (x.isStartElement() && isMain(x, u"si")) {
            out.append(readRichText(x));
            chars += out.last().size();
            if (chars > SafeFile::kMaxSharedChars) {
                tooMany = true;
                break;
            }
        }
    }
    if (auto e = pkg.closeStream(partName, **device))
        return *e;
    if (tooMany)
        return SafeFile::limitError(pkg.name(), XlsxReader::tr("%1 characters of shared strings")
                                                    .arg(QLocale().toString(SafeFile::kMaxSharedChars)));
    if (x.hasError())
        return pkg.xmlError(partName, x);
    return out;
}

struct SheetEntry
{
    QString name;
    bool hidden = false;
    QString part;
};

Result<Sheet> readWorksheetXml(Package &pkg, const SheetEntry &entry, const QStringList &strings,
                               const Styles &styles, bool date1904, qint64 &cells, QIODevice *device);

/// Reads one worksheet; @p cells counts the cell slots of all sheets read so far (a row holds
/// one slot per column up to its last cell), bounded by SafeFile::kMaxCells.
Result<Sheet> readWorksheet(Package &pkg, const SheetEntry &entry, const QStringList &strings,
                            const Styles &styles, bool date1904, qint64 &cells)
{
    auto device = pkg.stream(entry.part);
    if (!device)
        return device.error();
    auto result = readWorksheetXml(pkg, entry, strings, styles, date1904, cells, device->get());
    if (auto e = pkg.closeStream(entry.part, **device))
        return *e;
    return result;
}

Result<Sheet> readWorksheetXml(Package &pkg, const SheetEntry &entry, const QStringList &strings,
                               const Styles &styles, bool date1904, qint64 &cells, QIODevice *device)
{
    Sheet sheet;
    sheet.name = entry.name;
    sheet.hidden = entry.hidden;
    QMap<int, SheetRow> rows;
    QXmlStreamReader x(device);
    int rowIndex = -1;
    int colIndex = -1;
    while (!x.atEnd()) {
        x.readNext();
        if (!x.isStartElement() || !isMain(x))
            continue;
        const QStringView n = x.name();
        const QXmlStreamAttributes a = x.attributes();
        if (n == u"col") {
            if (a.value(QStringLiteral("hidden")) == u"1" || a.value(QStringLiteral("hidden")) == u"true") {
                const int lo = std::max(1, a.value(QStringLiteral("min")).toInt());
                const int hi = std::min(kMaxColumns, a.value(QStringLiteral("max")).toInt());
                for (int c = lo; c <= hi; ++c)
                    sheet.hiddenColumns.insert(c - 1);
            }
        } else if (n == u"row") {
            const int r =
                a.hasAttribute(QStringLiteral("r")) ? a.value(QStringLiteral("r")).toInt() - 1 : rowIndex + 1;
            if (r < 0 || r >= kMaxRows)
                return pkg.refused(XlsxReader::tr("%1 is damaged: sheet %2 has an invalid row number.")
                                       .arg(pkg.name(), entry.name));
            rowIndex = r;
            colIndex = -1;
            SheetRow &row = rows[r];
            row.number = r + 1;
            row.hidden =
                a.value(QStringLiteral("hidden")) == u"1" || a.value(QStringLiteral("hidden")) == u"true";
        } else if (n == u"c") {
            int r = rowIndex;
            int c = colIndex + 1;
            if (a.hasAttribute(QStringLiteral("r")) && !parseRef(a.value(QStringLiteral("r")), r, c))
                return pkg.refused(XlsxReader::tr("%1 is damaged: sheet %2 has an invalid cell reference %3.")
                                       .arg(pkg.name(), entry.name, a.value(QStringLiteral("r")).toString()));
            if (r < 0)
                r = 0;
            colIndex = c;
            const QString type = a.value(QStringLiteral("t")).toString();
            const int style = a.value(QStringLiteral("s")).toInt();
            QString value;
            QString inlineText;
            bool hasInline = false;
            while (x.readNextStartElement()) {
                if (x.name() == u"v")
                    value = x.readElementText();
                else if (x.name() == u"is") {
                    inlineText = readRichText(x);
                    hasInline = true;
                } else
                    x.skipCurrentElement();
            }
            Cell cell;
            if (type == u"s") {
                bool ok = false;
                const int idx = value.trimmed().toInt(&ok);
                if (!value.trimmed().isEmpty()) {
                    if (!ok || idx < 0 || idx >= strings.size())
                        return pkg.refused(
                            XlsxReader::tr("%1 is damaged: cell %2 of sheet %3 refers to a missing "
                                           "shared string.")
                                .arg(pkg.name(), columnLetters(c) + QString::number(r + 1), entry.name));
                    cell.kind = Cell::Kind::Text;
                    cell.text = strings[idx];
                }
            } else if (type == u"inlineStr" || hasInline) {
                cell.kind = Cell::Kind::Text;
                cell.text = hasInline ? inlineText : value;
            } else if (type == u"str") {
                cell.kind = Cell::Kind::Text;
                cell.text = value;
            } else if (type == u"b") {
                cell.kind = Cell::Kind::Boolean;
                cell.text = value.trimmed() == u"1" ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
            } else if (type == u"e") {
                cell.kind = Cell::Kind::Error;
                cell.text = value;
            } else if (type == u"d") {
                const QDate d = QDate::fromString(value.left(10), Qt::ISODate);
                cell.kind = d.isValid() ? Cell::Kind::Date : Cell::Kind::Text;
                cell.date = d;
                cell.text = d.isValid() ? d.toString(Qt::ISODate) : value;
            } else if (!value.trimmed().isEmpty()) {
                bool ok = false;
                const double v = value.trimmed().toDouble(&ok);
                if (!ok) {
                    cell.kind = Cell::Kind::Text;
                    cell.text = value;
                } else {
                    cell.number = v;
                    const bool isDate =
                        style >= 0 && style < styles.xfIsDate.size() && styles.xfIsDate[style];
                    const QDate d = isDate ? XlsxReader::dateFromSerial(v, date1904) : QDate();
                    if (d.isValid()) {
                        cell.kind = Cell::Kind::Date;
                        cell.date = d;
                        cell.monthOnly = style < styles.xfIsMonth.size() && styles.xfIsMonth[style];
                        cell.text = cell.monthOnly ? d.toString(QStringLiteral("yyyy-MM")) : toIso(d);
                    } else {
                        cell.kind = Cell::Kind::Number;
                        cell.text = XlsxReader::numberText(v);
                    }
                }
            }
            if (cell.text.size() > SafeFile::kMaxCellChars)
                return SafeFile::limitError(pkg.name(),
                                            XlsxReader::tr("%1 characters in one cell (%2 of sheet %3)")
                                                .arg(QLocale().toString(SafeFile::kMaxCellChars),
                                                     columnLetters(c) + QString::number(r + 1), entry.name));
            if (cell.kind != Cell::Kind::Empty) {
                SheetRow &row = rows[r];
                row.number = r + 1;
                if (row.cells.size() <= c) {
                    cells += c + 1 - row.cells.size();
                    if (cells > SafeFile::kMaxCells)
                        return SafeFile::limitError(
                            pkg.name(),
                            XlsxReader::tr("%1 cells").arg(QLocale().toString(SafeFile::kMaxCells)));
                    // Grow geometrically: resizing by one cell at a time copied the row per cell.
                    if (row.cells.capacity() <= c)
                        row.cells.reserve(std::max<qsizetype>(c + 1, 2 * row.cells.capacity()));
                    row.cells.resize(c + 1);
                }
                row.cells[c] = std::move(cell);
            }
        } else if (n == u"mergeCell") {
            CellRange range;
            if (parseRange(a.value(QStringLiteral("ref")), range) &&
                (range.bottom > range.top || range.right > range.left))
                sheet.merges.append(range);
        }
    }
    if (x.hasError())
        return pkg.xmlError(entry.part, x);

    // Rows up to the last one with content (or the bottom of a merge starting above it).
    int last = -1;
    for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
        for (const Cell &c : it->cells) {
            if (!c.isEmpty()) {
                last = std::max(last, it.key());
                break;
            }
        }
    }
    for (const CellRange &m : std::as_const(sheet.merges)) {
        if (m.top <= last)
            last = std::max(last, std::min(m.bottom, last + 1));
    }
    sheet.rows.resize(last + 1);
    for (int i = 0; i <= last; ++i) {
        sheet.rows[i] = rows.value(i);
        sheet.rows[i].number = i + 1;
    }
    return sheet;
}

} // namespace

QDate XlsxReader::dateFromSerial(double serial, bool date1904)
{
    if (!std::isfinite(serial) || serial < 0 || serial > 2958465) // 9999-12-31
        return {};
    const qint64 days = qint64(std::floor(serial));
    if (date1904)
        return QDate(1904, 1, 1).addDays(days);
    if (days < 1)
        return {};
    if (days < 60)
        return QDate(1899, 12, 31).addDays(days);
    if (days == 60) // Excel's 1900-02-29, which did not exist
        return QDate(1900, 2, 28);
    return QDate(1899, 12, 30).addDays(days);
}

bool XlsxReader::isBuiltinDateFormat(int id)
{
    return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

bool XlsxReader::isDateFormat(const QString &formatCode)
{
    // Only the first section (positive numbers) matters.
    bool inQuote = false;
    int bracket = 0;
    for (qsizetype i = 0; i < formatCode.size(); ++i) {
        const QChar ch = formatCode[i];
        if (inQuote) {
            if (ch == u'"')
                inQuote = false;
            continue;
        }
        if (ch == u'"') {
            inQuote = true;
        } else if (ch == u'\\' || ch == u'_' || ch == u'*') {
            ++i;
        } else if (ch == u'[') {
            ++bracket;
        } else if (ch == u']') {
            bracket = std::max(0, bracket - 1);
        } else if (bracket == 0) {
            if (ch == u';')
                return false;
            const QChar l = ch.toLower();
            if (l == u'y' || l == u'd' || l == u'e')
                return true;
        }
    }
    return false;
}

Result<Workbook> XlsxReader::read(const QString &path, const QString &displayName)
{
    const QString name = displayName.isEmpty() ? QFileInfo(path).fileName() : displayName;
    Package pkg(path, name);
    if (auto e = pkg.open())
        return *e;
    auto rootRels = pkg.relationships({});
    if (!rootRels)
        return rootRels.error();
    const Relationship officeDoc = firstOfType(*rootRels, u"/officeDocument");
    if (officeDoc.target.isEmpty() || !pkg.has(officeDoc.target))
        return pkg.refused(
            tr("%1 is a zip archive but not an Excel workbook (no workbook part is referenced).").arg(name));
    auto wbRels = pkg.relationships(officeDoc.target);
    if (!wbRels)
        return wbRels.error();
    auto wbData = pkg.part(officeDoc.target);
    if (!wbData)
        return wbData.error();

    Workbook wb;
    wb.fileName = name;
    QList<SheetEntry> entries;
    QXmlStreamReader x(*wbData);
    bool sawWorkbook = false;
    while (!x.atEnd()) {
        x.readNext();
        if (!x.isStartElement())
            continue;
        if (isMain(x, u"workbook"))
            sawWorkbook = true;
        if (isMain(x, u"workbookPr")) {
            const auto v = x.attributes().value(QStringLiteral("date1904"));
            wb.date1904 = v == u"1" || v == u"true";
        } else if (isMain(x, u"sheet")) {
            SheetEntry e;
            QString rid;
            for (const QXmlStreamAttribute &attr : x.attributes()) {
                if (attr.name() == u"id" && kRelNs.contains(attr.namespaceUri().toString()))
                    rid = attr.value().toString();
                else if (attr.name() == u"name" && attr.namespaceUri().isEmpty())
                    e.name = attr.value().toString();
                else if (attr.name() == u"state" && attr.namespaceUri().isEmpty())
                    e.hidden = attr.value() != u"visible";
            }
            const Relationship rel = wbRels->value(rid);
            if (rel.type.endsWith(u"/worksheet")) {
                e.part = rel.target;
                entries.append(e);
            }
        }
    }
    if (x.hasError())
        return pkg.xmlError(officeDoc.target, x);
    if (!sawWorkbook)
        return pkg.refused(tr("%1 is a zip archive but not an Excel workbook.").arg(name));
    if (entries.isEmpty())
        return pkg.refused(tr("%1 has no worksheet.").arg(name));

    auto styles = readStyles(pkg, firstOfType(*wbRels, u"/styles").target);
    if (!styles)
        return styles.error();
    auto strings = readSharedStrings(pkg, firstOfType(*wbRels, u"/sharedStrings").target);
    if (!strings)
        return strings.error();
    qint64 cells = 0;
    for (const SheetEntry &e : std::as_const(entries)) {
        auto sheet = readWorksheet(pkg, e, *strings, *styles, wb.date1904, cells);
        if (!sheet)
            return sheet.error();
        wb.sheets.append(std::move(sheet).value());
    }
    return wb;
}

bool XlsxReader::isMonthFormat(const QString &formatCode)
{
    bool inQuote = false;
    int bracket = 0;
    for (qsizetype i = 0; i < formatCode.size(); ++i) {
        const QChar ch = formatCode[i];
        if (inQuote) {
            inQuote = ch != u'"';
            continue;
        }
        if (ch == u'"')
            inQuote = true;
        else if (ch == u'\\' || ch == u'_' || ch == u'*')
            ++i;
        else if (ch == u'[')
            ++bracket;
        else if (ch == u']')
            bracket = std::max(0, bracket - 1);
        else if (bracket == 0 && ch == u';')
            break;
        else if (bracket == 0 && (ch.toLower() == u'd' || ch.toLower() == u'h' || ch.toLower() == u's'))
            return false;
    }
    return true;
}

QString XlsxReader::numberText(double v)
{
    if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15)
        return QString::number(qint64(v));
    return QString::number(v, 'g', 15);
}

} // namespace rectrack::core
