#include "xlsreader.h"

#include "compoundfile.h"
#include "ledgerfile.h"
#include "xlsxreader.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMap>
#include <QStringDecoder>
#include <QtEndian>

#include <cmath>
#include <cstring>

namespace rectrack::core {

namespace {

// Record types ([MS-XLS] 2.3).
enum : quint16
{
    kBof = 0x0809,
    kEof = 0x000A,
    kContinue = 0x003C,
    kCodepage = 0x0042,
    kDatemode = 0x0022,
    kFilepass = 0x002F,
    kBoundsheet = 0x0085,
    kSst = 0x00FC,
    kFormat = 0x041E,
    kXf = 0x00E0,
    kLabelSst = 0x00FD,
    kLabel = 0x0204,
    kRString = 0x00D6,
    kNumber = 0x0203,
    kRk = 0x027E,
    kMulRk = 0x00BD,
    kFormula = 0x0006,
    kString = 0x0207,
    kBoolErr = 0x0205,
    kRow = 0x0208,
    kColInfo = 0x007D,
    kMergedCells = 0x00E5,
    kDefaultRowHeight = 0x0225,
    kSharedFormula = 0x04BC,
    kArray = 0x0221,
    kTable = 0x0236,
};

constexpr int kMaxColumns = 256;

/// One record: its type and data, with the data of the CONTINUE records that follow it.
struct Record
{
    quint16 type = 0;
    qsizetype offset = 0;   ///< of the record header in the stream
    QList<QByteArray> data; ///< data[0]: the record's own; then one per CONTINUE
};

/// Walks the records of a stream from an offset.
class RecordReader
{
public:
    RecordReader(const QByteArray &stream, qsizetype offset) : m_s(stream), m_pos(offset) {}

    /// The next record with its CONTINUE records; false at the end or on a truncated record.
    bool next(Record &r)
    {
        if (!header(r.type, r.offset))
            return false;
        r.data = {take()};
        if (m_broken)
            return false;
        quint16 type = 0;
        qsizetype at = 0;
        while (peekType(type) && type == kContinue) {
            header(type, at);
            r.data << take();
            if (m_broken)
                return false;
        }
        return true;
    }
    bool broken() const { return m_broken; }

private:
    bool header(quint16 &type, qsizetype &at)
    {
        if (m_pos + 4 > m_s.size()) {
            m_broken = m_pos < m_s.size() && m_pos + 4 > m_s.size() && !allZero(m_pos);
            return false;
        }
        at = m_pos;
        type = qFromLittleEndian<quint16>(m_s.constData() + m_pos);
        m_len = qFromLittleEndian<quint16>(m_s.constData() + m_pos + 2);
        m_pos += 4;
        return true;
    }
    bool peekType(quint16 &type) const
    {
        if (m_pos + 4 > m_s.size())
            return false;
        type = qFromLittleEndian<quint16>(m_s.constData() + m_pos);
        return true;
    }
    QByteArray take()
    {
        if (m_pos + m_len > m_s.size()) {
            m_broken = true;
            return {};
        }
        QByteArray d = m_s.mid(m_pos, m_len);
        m_pos += m_len;
        return d;
    }
    bool allZero(qsizetype from) const
    {
        for (qsizetype i = from; i < m_s.size(); ++i) {
            if (m_s[i] != 0)
                return false;
        }
        return true;
    }

    const QByteArray &m_s;
    qsizetype m_pos = 0;
    quint16 m_len = 0;
    bool m_broken = false;
};

/// Reads values from a record's data across its CONTINUE parts. Strings that cross into a
/// CONTINUE part start that part with a new option byte (compressed or UTF-16 characters).
class DataReader
{
public:
    explicit DataReader(const QList<QByteArray> &parts) : m_parts(parts) {}

    bool ok() const { return m_ok; }
    bool atEnd()
    {
        skipEmptyParts();
        return m_part >= m_parts.size();
    }
    quint8 u8()
    {
        quint8 v = 0;
        bytes(&v, 1);
        return v;
    }
    quint16 u16()
    {
        uchar b[2] = {};
        bytes(b, 2);
        return qFromLittleEndian<quint16>(b);
    }
    quint32 u32()
    {
        uchar b[4] = {};
        bytes(b, 4);
        return qFromLittleEndian<quint32>(b);
    }
    void skip(quint64 n)
    {
        while (n > 0 && m_ok) {
            skipEmptyParts();
            if (m_part >= m_parts.size()) {
                m_ok = false;
                return;
            }
            const qsizetype step = qsizetype(std::min<quint64>(n, quint64(left())));
            m_pos += step;
            n -= quint64(step);
        }
    }
    /// @p count characters, 8-bit (@p wide false, in @p codec or Latin-1) or UTF-16LE; a part
    /// boundary inside the characters is followed by an option byte when @p optionBytes.
    QString chars(quint32 count, bool wide, bool optionBytes, QStringDecoder *codec = nullptr)
    {
        QString out;
        QByteArray narrow;
        while (count > 0 && m_ok) {
            if (left() == 0) {
                ++m_part;
                m_pos = 0;
                if (m_part >= m_parts.size()) {
                    m_ok = false;
                    break;
                }
                if (optionBytes) {
                    flushNarrow(out, narrow, codec);
                    wide = (u8() & 1) != 0;
                }
                continue;
            }
            const qsizetype avail = wide ? left() / 2 : left();
            if (avail == 0) { // half a UTF-16 character at the end of a part
                m_ok = false;
                break;
            }
            const qsizetype n = std::min<qsizetype>(avail, count);
            const char *p = m_parts[m_part].constData() + m_pos;
            if (wide) {
                for (qsizetype i = 0; i < n; ++i)
                    out.append(QChar(qFromLittleEndian<quint16>(p + 2 * i)));
                m_pos += 2 * n;
            } else {
                narrow.append(p, n);
                m_pos += n;
            }
            count -= quint32(n);
        }
        flushNarrow(out, narrow, codec);
        return out;
    }
    /// A BIFF8 XLUnicodeString (16-bit length) or ShortXLUnicodeString (8-bit length).
    QString unicodeString(bool shortLength)
    {
        const quint32 count = shortLength ? u8() : u16();
        const quint8 flags = u8();
        return chars(count, (flags & 1) != 0, true);
    }

private:
    qsizetype left() const { return m_part < m_parts.size() ? m_parts[m_part].size() - m_pos : 0; }
    void skipEmptyParts()
    {
        while (m_part < m_parts.size() && left() == 0) {
            ++m_part;
            m_pos = 0;
        }
    }
    void bytes(void *dst, qsizetype n)
    {
        auto *out = static_cast<uchar *>(dst);
        while (n > 0) {
            skipEmptyParts();
            if (m_part >= m_parts.size()) {
                m_ok = false;
                return;
            }
            const qsizetype step = std::min(n, left());
            std::memcpy(out, m_parts[m_part].constData() + m_pos, size_t(step));
            out += step;
            m_pos += step;
            n -= step;
        }
    }
    static void flushNarrow(QString &out, QByteArray &narrow, QStringDecoder *codec)
    {
        if (narrow.isEmpty())
            return;
        out += codec && codec->isValid() ? QString(codec->decode(narrow)) : QString::fromLatin1(narrow);
        narrow.clear();
    }

    const QList<QByteArray> &m_parts;
    qsizetype m_part = 0;
    qsizetype m_pos = 0;
    bool m_ok = true;
};

double rkValue(quint32 rk)
{
    double v = 0;
    if (rk & 2) {
        v = double(qint32(rk) >> 2);
    } else {
        const quint64 bits = quint64(rk & 0xFFFFFFFCu) << 32;
        std::memcpy(&v, &bits, sizeof v);
    }
    return (rk & 1) ? v / 100 : v;
}

/// The 8-bit text encoding of a BIFF5 CODEPAGE value.
QByteArray codecName(quint16 codepage)
{
    switch (codepage) {
    case 936:
        return "GB18030"; // a superset of GBK
    case 950:
        return "Big5";
    case 65001:
        return "UTF-8";
    case 367:
    case 20127:
        return "US-ASCII";
    case 1200:
    case 0x8000:
    case 0x8001:
    case 10000:
        return "ISO-8859-1";
    default:
        return codepage >= 1250 && codepage <= 1258 ? QByteArray("windows-") + QByteArray::number(codepage)
                                                    : QByteArray("ISO-8859-1");
    }
}

struct Globals
{
    bool biff8 = true;
    bool date1904 = false;
    QByteArray codec = "ISO-8859-1";
    QStringList sst;
    QHash<int, QString> formats; ///< FORMAT id → code
    QList<int> xfFormat;         ///< per XF index: its format id
    struct SheetEntry
    {
        QString name;
        quint32 offset = 0;
        bool hidden = false;
    };
    QList<SheetEntry> sheets;
};

/// Reads the cells of one worksheet substream into @p sheet.
class SheetBuilder
{
public:
    SheetBuilder(const Globals &g, const QList<bool> &xfIsDate, const QList<bool> &xfIsMonth)
        : m_g(g), m_isDate(xfIsDate), m_isMonth(xfIsMonth)
    {
    }

    void setText(int row, int column, const QString &text)
    {
        Cell c;
        c.kind = Cell::Kind::Text;
        c.text = text;
        put(row, column, std::move(c));
    }
    void setNumber(int row, int column, int xf, double v)
    {
        Cell c;
        c.number = v;
        const bool isDate = xf >= 0 && xf < m_isDate.size() && m_isDate[xf];
        const QDate d = isDate ? XlsxReader::dateFromSerial(v, m_g.date1904) : QDate();
        if (d.isValid()) {
            c.kind = Cell::Kind::Date;
            c.date = d;
            c.monthOnly = m_isMonth[xf];
            c.text = c.monthOnly ? d.toString(QStringLiteral("yyyy-MM")) : d.toString(Qt::ISODate);
        } else {
            c.kind = Cell::Kind::Number;
            c.text = XlsxReader::numberText(v);
        }
        put(row, column, std::move(c));
    }
    void setBoolErr(int row, int column, quint8 value, bool error)
    {
        Cell c;
        if (error) {
            c.kind = Cell::Kind::Error;
            static const QHash<quint8, QString> names{
                {0x00, QStringLiteral("#NULL!")},  {0x07, QStringLiteral("#DIV/0!")},
                {0x0F, QStringLiteral("#VALUE!")}, {0x17, QStringLiteral("#REF!")},
                {0x1D, QStringLiteral("#NAME?")},  {0x24, QStringLiteral("#NUM!")},
                {0x2A, QStringLiteral("#N/A")}};
            c.text = names.value(value, QStringLiteral("#N/A"));
        } else {
            c.kind = Cell::Kind::Boolean;
            c.text = value ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
        }
        put(row, column, std::move(c));
    }

    QMap<int, QMap<int, Cell>> cells;
    QHash<int, bool> rowHidden; ///< rows with a ROW record: whether hidden
    bool rowsHiddenByDefault = false;

private:
    void put(int row, int column, Cell &&c)
    {
        if (row < 0 || column < 0 || column >= kMaxColumns)
            return;
        cells[row][column] = std::move(c);
    }

    const Globals &m_g;
    const QList<bool> &m_isDate;
    const QList<bool> &m_isMonth;
};

} // namespace

Result<Workbook> XlsReader::read(const QString &path, const QString &displayName)
{
    const QString name = displayName.isEmpty() ? QFileInfo(path).fileName() : displayName;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{ErrorCode::InputRefused, tr("%1 cannot be read: %2").arg(name, f.errorString())};
    return parse(f.readAll(), name);
}

Result<Workbook> XlsReader::parse(const QByteArray &data, const QString &fileName)
{
    auto cf = CompoundFile::parse(data, fileName);
    if (!cf)
        return cf.error();
    const QString streamName =
        cf->hasStream(QStringLiteral("Workbook")) ? QStringLiteral("Workbook") : QStringLiteral("Book");
    auto stream = cf->stream(streamName);
    if (!stream) {
        if (!cf->hasStream(streamName))
            return Error{
                ErrorCode::InputRefused,
                tr("%1 is an Office compound file without a workbook: it is not an Excel (.xls) file.")
                    .arg(fileName)};
        return stream.error();
    }
    return parseWorkbookStream(*stream, fileName);
}

Result<Workbook> XlsReader::parseWorkbookStream(const QByteArray &stream, const QString &fileName)
{
    auto refused = [&fileName](const QString &why) {
        return Error{ErrorCode::InputRefused,
                     tr("%1 is not a readable .xls workbook: %2.").arg(fileName, why)};
    };
    // The globals substream: BOF, then workbook records up to its EOF.
    RecordReader records(stream, 0);
    Record rec;
    if (!records.next(rec) || rec.type != kBof || rec.data[0].size() < 4)
        return refused(tr("the workbook stream does not begin with a BOF record"));
    const quint16 version = qFromLittleEndian<quint16>(rec.data[0].constData());
    if (version != 0x0600 && version != 0x0500)
        return refused(tr("it was saved in an Excel version older than Excel 5.0"));
    Globals g;
    g.biff8 = version == 0x0600;
    bool sawEof = false;
    while (!sawEof && records.next(rec)) {
        DataReader d(rec.data);
        switch (rec.type) {
        case kEof:
            sawEof = true;
            break;
        case kFilepass:
            return Error{ErrorCode::InputRefused, LedgerFile::passwordMessage(fileName)};
        case kCodepage:
            g.codec = codecName(d.u16());
            break;
        case kDatemode:
            g.date1904 = d.u16() == 1;
            break;
        case kBoundsheet: {
            Globals::SheetEntry e;
            e.offset = d.u32();
            e.hidden = (d.u8() & 3) != 0;
            const quint8 type = d.u8();
            if (g.biff8) {
                e.name = d.unicodeString(true);
            } else {
                QStringDecoder codec(g.codec.constData());
                e.name = d.chars(d.u8(), false, false, &codec);
            }
            if (!d.ok())
                return refused(tr("a sheet entry is damaged"));
            if (type == 0)
                g.sheets << e;
            break;
        }
        case kFormat: {
            const int id = d.u16();
            QString code;
            if (g.biff8) {
                code = d.unicodeString(false);
            } else {
                QStringDecoder codec(g.codec.constData());
                code = d.chars(d.u8(), false, false, &codec);
            }
            if (d.ok())
                g.formats.insert(id, code);
            break;
        }
        case kXf:
            d.u16();
            g.xfFormat << d.u16();
            break;
        case kSst: {
            if (!g.biff8)
                break;
            d.u32();
            const quint32 unique = d.u32();
            // Every string takes at least 3 bytes: a count beyond that is a lie, not a size.
            qsizetype total = 0;
            for (const QByteArray &p : std::as_const(rec.data))
                total += p.size();
            g.sst.reserve(qsizetype(std::min<quint64>(unique, quint64(total / 3 + 1))));
            for (quint32 i = 0; i < unique && !d.atEnd(); ++i) {
                const quint16 count = d.u16();
                const quint8 flags = d.u8();
                const quint16 runs = (flags & 0x08) ? d.u16() : 0;
                const quint32 ext = (flags & 0x04) ? d.u32() : 0;
                g.sst << d.chars(count, (flags & 1) != 0, true);
                d.skip(quint64(runs) * 4 + ext);
                if (!d.ok())
                    return refused(tr("the shared string table is damaged"));
            }
            break;
        }
        default:
            break;
        }
    }
    if (records.broken() || !sawEof)
        return refused(tr("the workbook stream is truncated"));

    // Date formats per XF.
    QList<bool> xfIsDate;
    QList<bool> xfIsMonth;
    for (const int id : std::as_const(g.xfFormat)) {
        const bool custom = g.formats.contains(id) && id >= 164;
        const bool isDate = custom
                                ? XlsxReader::isDateFormat(g.formats.value(id))
                                : (XlsxReader::isBuiltinDateFormat(id) ||
                                   (g.formats.contains(id) && XlsxReader::isDateFormat(g.formats.value(id))));
        xfIsDate << isDate;
        xfIsMonth << (isDate && (g.formats.contains(id) ? XlsxReader::isMonthFormat(g.formats.value(id))
                                                        : QList<int>{17, 27, 50, 52, 57}.contains(id)));
    }

    Workbook wb;
    wb.fileName = fileName;
    wb.date1904 = g.date1904;
    QStringDecoder codec(g.codec.constData());
    qint64 cellBudget = kMaxCells;
    for (const Globals::SheetEntry &entry : std::as_const(g.sheets)) {
        Sheet sheet;
        sheet.name = entry.name;
        sheet.hidden = entry.hidden;
        SheetBuilder b(g, xfIsDate, xfIsMonth);
        RecordReader sr(stream, entry.offset);
        if (!sr.next(rec) || rec.type != kBof)
            return refused(tr("sheet %1 cannot be found in the workbook stream").arg(entry.name));
        int depth = 1; // charts embedded in a sheet are substreams of their own
        int formulaRow = -1;
        int formulaColumn = -1;
        while (depth > 0 && sr.next(rec)) {
            if (rec.type == kBof) {
                ++depth;
                continue;
            }
            if (rec.type == kEof) {
                --depth;
                continue;
            }
            if (depth != 1)
                continue;
            DataReader d(rec.data);
            // A formula's STRING record may follow its SHRFMLA, ARRAY or TABLE record.
            if (rec.type == kSharedFormula || rec.type == kArray || rec.type == kTable)
                continue;
            const bool wasFormula = formulaRow >= 0;
            const int fRow = formulaRow;
            const int fColumn = formulaColumn;
            formulaRow = formulaColumn = -1;
            switch (rec.type) {
            case kLabelSst: {
                const int row = d.u16();
                const int column = d.u16();
                d.u16();
                const quint32 index = d.u32();
                if (d.ok() && index < quint32(g.sst.size()))
                    b.setText(row, column, g.sst[index]);
                break;
            }
            case kLabel:
            case kRString: {
                const int row = d.u16();
                const int column = d.u16();
                d.u16();
                const QString text =
                    g.biff8 ? d.unicodeString(false) : d.chars(d.u16(), false, false, &codec);
                if (d.ok())
                    b.setText(row, column, text);
                break;
            }
            case kNumber: {
                const int row = d.u16();
                const int column = d.u16();
                const int xf = d.u16();
                uchar raw[8] = {};
                for (uchar &byte : raw)
                    byte = d.u8();
                double v = 0;
                const quint64 bits = qFromLittleEndian<quint64>(raw);
                std::memcpy(&v, &bits, sizeof v);
                if (d.ok() && std::isfinite(v))
                    b.setNumber(row, column, xf, v);
                break;
            }
            case kRk: {
                const int row = d.u16();
                const int column = d.u16();
                const int xf = d.u16();
                const quint32 rk = d.u32();
                if (d.ok())
                    b.setNumber(row, column, xf, rkValue(rk));
                break;
            }
            case kMulRk: {
                const QByteArray &p = rec.data[0];
                if (p.size() < 6)
                    break;
                const int row = qFromLittleEndian<quint16>(p.constData());
                const int first = qFromLittleEndian<quint16>(p.constData() + 2);
                const qsizetype n = (p.size() - 6) / 6;
                for (qsizetype i = 0; i < n; ++i) {
                    const char *at = p.constData() + 4 + 6 * i;
                    b.setNumber(row, first + int(i), qFromLittleEndian<quint16>(at),
                                rkValue(qFromLittleEndian<quint32>(at + 2)));
                }
                break;
            }
            case kFormula: {
                const int row = d.u16();
                const int column = d.u16();
                const int xf = d.u16();
                uchar raw[8] = {};
                for (uchar &byte : raw)
                    byte = d.u8();
                if (!d.ok())
                    break;
                if (raw[6] == 0xFF && raw[7] == 0xFF) {
                    if (raw[0] == 0) { // a string: its text follows in a STRING record
                        formulaRow = row;
                        formulaColumn = column;
                    } else if (raw[0] == 1 || raw[0] == 2) {
                        b.setBoolErr(row, column, raw[2], raw[0] == 2);
                    }
                } else {
                    double v = 0;
                    const quint64 bits = qFromLittleEndian<quint64>(raw);
                    std::memcpy(&v, &bits, sizeof v);
                    if (std::isfinite(v))
                        b.setNumber(row, column, xf, v);
                }
                break;
            }
            case kString: {
                if (!wasFormula)
                    break;
                const QString text =
                    g.biff8 ? d.unicodeString(false) : d.chars(d.u16(), false, false, &codec);
                if (d.ok())
                    b.setText(fRow, fColumn, text);
                break;
            }
            case kBoolErr: {
                const int row = d.u16();
                const int column = d.u16();
                d.u16();
                const quint8 value = d.u8();
                const quint8 isError = d.u8();
                if (d.ok())
                    b.setBoolErr(row, column, value, isError != 0);
                break;
            }
            case kRow: {
                const int row = d.u16();
                d.skip(10);
                const quint32 flags = d.u32();
                if (d.ok())
                    b.rowHidden.insert(row, (flags & 0x20) != 0);
                break;
            }
            case kDefaultRowHeight: {
                const quint16 flags = d.u16();
                if (d.ok())
                    b.rowsHiddenByDefault = (flags & 0x02) != 0;
                break;
            }
            case kColInfo: {
                const int first = d.u16();
                const int last = std::min<int>(d.u16(), kMaxColumns - 1);
                d.u16();
                d.u16();
                const quint16 flags = d.u16();
                if (d.ok() && (flags & 1)) {
                    for (int c = first; c <= last; ++c)
                        sheet.hiddenColumns.insert(c);
                }
                break;
            }
            case kMergedCells: {
                const quint16 count = d.u16();
                for (quint16 i = 0; i < count; ++i) {
                    CellRange m;
                    m.top = d.u16();
                    m.bottom = d.u16();
                    m.left = d.u16();
                    m.right = d.u16();
                    if (!d.ok())
                        break;
                    if (m.bottom >= m.top && m.right >= m.left && m.right < kMaxColumns &&
                        (m.bottom > m.top || m.right > m.left))
                        sheet.merges << m;
                }
                break;
            }
            default:
                break;
            }
        }
        if (sr.broken())
            return refused(tr("sheet %1 is truncated").arg(entry.name));

        // Rows up to the last one with content (or the bottom of a merge starting above it).
        int last = -1;
        for (auto it = b.cells.cbegin(); it != b.cells.cend(); ++it) {
            for (const Cell &c : it.value()) {
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
        for (auto it = b.cells.cbegin(); it != b.cells.cend() && it.key() <= last; ++it)
            cellBudget -= it.value().isEmpty() ? 0 : it.value().lastKey() + 1;
        if (cellBudget < 0)
            return refused(tr("it holds more than %1 cells, far more than a ledger").arg(kMaxCells));
        sheet.rows.resize(last + 1);
        for (int i = 0; i <= last; ++i) {
            SheetRow &row = sheet.rows[i];
            row.number = i + 1;
            row.hidden = b.rowHidden.value(i, b.rowsHiddenByDefault);
            const auto it = b.cells.constFind(i);
            if (it == b.cells.cend() || it->isEmpty())
                continue;
            row.cells.resize(it->lastKey() + 1);
            for (auto c = it->cbegin(); c != it->cend(); ++c)
                row.cells[c.key()] = c.value();
        }
        wb.sheets << sheet;
    }
    if (wb.sheets.isEmpty())
        return refused(tr("it has no worksheet"));
    return wb;
}

} // namespace rectrack::core
