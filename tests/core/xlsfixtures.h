#pragma once

// Small Excel 97–2003 (.xls) files made inside the tests: a compound-file (CFB, [MS-CFB]) writer
// and a BIFF8/BIFF5 workbook-stream writer ([MS-XLS]), enough to exercise each feature of
// XlsReader record by record.

#include "importfixtures.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringEncoder>
#include <QStringList>
#include <QtEndian>

#include <cstring>

namespace rectrack::test {

namespace xlsdetail {

inline void put16(QByteArray &b, quint16 v)
{
    char c[2];
    qToLittleEndian(v, c);
    b.append(c, 2);
}

inline void put32(QByteArray &b, quint32 v)
{
    char c[4];
    qToLittleEndian(v, c);
    b.append(c, 4);
}

inline void set32(QByteArray &b, qsizetype at, quint32 v)
{
    qToLittleEndian(v, b.data() + at);
}

inline void putDouble(QByteArray &b, double v)
{
    quint64 bits = 0;
    std::memcpy(&bits, &v, sizeof bits);
    char c[8];
    qToLittleEndian(bits, c);
    b.append(c, 8);
}

inline QByteArray record(quint16 type, const QByteArray &data)
{
    QByteArray r;
    put16(r, type);
    put16(r, quint16(data.size()));
    return r + data;
}

inline bool isNarrow(const QString &s)
{
    return std::all_of(s.cbegin(), s.cend(), [](QChar c) { return c.unicode() < 256; });
}

/// A BIFF8 XLUnicodeString: 16-bit count (8-bit with @p shortCount), option byte, characters.
inline QByteArray unicodeString(const QString &s, bool shortCount = false)
{
    QByteArray b;
    if (shortCount)
        b.append(char(s.size()));
    else
        put16(b, quint16(s.size()));
    const bool narrow = isNarrow(s);
    b.append(char(narrow ? 0 : 1));
    for (const QChar c : s) {
        if (narrow)
            b.append(char(c.unicode()));
        else
            put16(b, c.unicode());
    }
    return b;
}

} // namespace xlsdetail

/**
 * A compound file ([MS-CFB] version 3, 512-byte sectors) holding @p streams at its root, in
 * order. Streams shorter than 4096 bytes go to the mini stream (64-byte sectors), as Office does.
 */
inline QByteArray compoundFile(const QList<QPair<QString, QByteArray>> &streams)
{
    using namespace xlsdetail;
    constexpr quint32 kEnd = 0xFFFFFFFE;
    constexpr quint32 kFree = 0xFFFFFFFF;
    constexpr quint32 kFatSector = 0xFFFFFFFD;
    QByteArray mini;
    QList<quint32> miniFat;
    QList<quint32> start(streams.size(), kEnd);
    QList<bool> inMini(streams.size(), false);
    for (int i = 0; i < streams.size(); ++i) {
        const QByteArray &d = streams[i].second;
        if (d.isEmpty() || d.size() >= 4096)
            continue;
        inMini[i] = true;
        const int sectors = int((d.size() + 63) / 64);
        start[i] = quint32(miniFat.size());
        for (int s = 0; s < sectors; ++s)
            miniFat << (s + 1 < sectors ? quint32(miniFat.size() + 1) : kEnd);
        mini += d;
        mini += QByteArray(sectors * 64 - d.size(), '\0');
    }
    auto sectorsOf = [](qsizetype bytes) { return int((bytes + 511) / 512); };
    const int dirSectors = sectorsOf((streams.size() + 1) * 128);
    const int miniFatSectors = sectorsOf(miniFat.size() * 4);
    const int miniSectors = sectorsOf(mini.size());
    int regular = 0;
    for (int i = 0; i < streams.size(); ++i) {
        if (!inMini[i])
            regular += sectorsOf(streams[i].second.size());
    }
    const int other = dirSectors + miniFatSectors + miniSectors + regular;
    int fatSectors = 1;
    while (fatSectors * 128 < fatSectors + other)
        ++fatSectors;
    QList<quint32> fat;
    QByteArray body;
    for (int s = 0; s < fatSectors; ++s)
        fat << kFatSector;
    auto chain = [&fat, &body](const QByteArray &data, int sectors) -> quint32 {
        if (sectors == 0)
            return kEnd;
        const quint32 first = quint32(fat.size());
        for (int s = 0; s < sectors; ++s)
            fat << (s + 1 < sectors ? quint32(fat.size() + 1) : kEnd);
        body += data;
        body += QByteArray(qsizetype(sectors) * 512 - data.size(), '\0');
        return first;
    };
    // Directory: root, then one entry per stream, each the right sibling of the one before.
    QByteArray dir;
    auto entry = [&dir](const QString &name, quint8 type, quint32 child, quint32 right, quint32 first,
                        quint32 size) {
        QByteArray e(128, '\0');
        for (int i = 0; i < name.size() && i < 31; ++i)
            qToLittleEndian(name[i].unicode(), e.data() + 2 * i);
        qToLittleEndian(quint16((std::min<qsizetype>(name.size(), 31) + 1) * 2), e.data() + 0x40);
        e[0x42] = char(type);
        e[0x43] = 1; // black
        qToLittleEndian(quint32(0xFFFFFFFF), e.data() + 0x44);
        qToLittleEndian(right, e.data() + 0x48);
        qToLittleEndian(child, e.data() + 0x4C);
        qToLittleEndian(first, e.data() + 0x74);
        qToLittleEndian(size, e.data() + 0x78);
        dir += e;
    };
    // Sectors are laid out: FAT, directory, mini FAT, mini stream, then the regular streams.
    body.clear();
    const quint32 dirStart = quint32(fat.size());
    const quint32 miniFatStart = dirStart + quint32(dirSectors);
    const quint32 miniStart = miniFatStart + quint32(miniFatSectors);
    quint32 next = miniStart + quint32(miniSectors);
    QList<quint32> regularStart(streams.size(), kEnd);
    for (int i = 0; i < streams.size(); ++i) {
        if (inMini[i] || streams[i].second.isEmpty())
            continue;
        regularStart[i] = next;
        next += quint32(sectorsOf(streams[i].second.size()));
    }
    entry(QStringLiteral("Root Entry"), 5, streams.isEmpty() ? 0xFFFFFFFF : 1, 0xFFFFFFFF,
          miniSectors ? miniStart : kEnd, quint32(mini.size()));
    for (int i = 0; i < streams.size(); ++i)
        entry(streams[i].first, 2, 0xFFFFFFFF, i + 1 < streams.size() ? quint32(i + 2) : 0xFFFFFFFF,
              inMini[i] ? start[i] : regularStart[i], quint32(streams[i].second.size()));
    chain(dir, dirSectors);
    QByteArray miniFatBytes;
    for (const quint32 v : std::as_const(miniFat))
        put32(miniFatBytes, v);
    chain(miniFatBytes, miniFatSectors);
    chain(mini, miniSectors);
    for (int i = 0; i < streams.size(); ++i) {
        if (!inMini[i] && !streams[i].second.isEmpty())
            chain(streams[i].second, sectorsOf(streams[i].second.size()));
    }
    while (fat.size() < fatSectors * 128)
        fat << kFree;
    QByteArray fatBytes;
    for (const quint32 v : std::as_const(fat))
        put32(fatBytes, v);

    QByteArray header("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
    header += QByteArray(16, '\0');
    put16(header, 0x003E); // minor version
    put16(header, 3);      // major version
    put16(header, 0xFFFE); // byte order
    put16(header, 9);      // sector shift
    put16(header, 6);      // mini sector shift
    header += QByteArray(6, '\0');
    put32(header, 0); // directory sectors (0 in version 3)
    put32(header, quint32(fatSectors));
    put32(header, dirStart);
    put32(header, 0); // transaction signature
    put32(header, 4096);
    put32(header, miniFatSectors ? miniFatStart : kEnd);
    put32(header, quint32(miniFatSectors));
    put32(header, kEnd); // no DIFAT sectors
    put32(header, 0);
    for (int i = 0; i < 109; ++i)
        put32(header, i < fatSectors ? quint32(i) : kFree);
    return header + fatBytes + body;
}

/// One worksheet of a test .xls. Cells use the notation of sheetXml (importfixtures.h): plain
/// text (a shared string), "#d:N" (serial N, built-in date format 14), "#c:N" (serial N, custom
/// format yyyy"年"m"月"d"日"), "#n:N" (a number: RK when it is whole, NUMBER otherwise; runs of
/// whole numbers in one row as MULRK), "#l:T" (text T in a LABEL record), "#f:T" (a formula whose
/// string result T follows in a STRING record), "#g:T" (the same with a SHRFMLA record between
/// them), "" (no cell).
struct XlsSheet
{
    QString name;
    QList<QStringList> rows;
    QList<std::array<int, 4>> merges; ///< top, bottom, left, right (0-based)
    QList<int> hiddenRows;            ///< 1-based
    QList<int> hiddenColumns;         ///< 0-based
    int visibility = 0;               ///< 0 visible, 1 hidden, 2 very hidden
    int declaredRows = -1;            ///< DIMENSIONS; -1 = the real extent
    int declaredColumns = -1;
};

/// A BIFF8 "Workbook" stream (BIFF5 "Book" stream with @p biff5: 8-bit GBK strings in LABEL
/// records, no SST and no MERGEDCELLS) of @p sheets. @p extraGlobals is inserted before the
/// sheets' BOUNDSHEET records (a FILEPASS, say).
inline QByteArray xlsWorkbookStream(const QList<XlsSheet> &sheets, bool date1904 = false, bool biff5 = false,
                                    const QByteArray &extraGlobals = {})
{
    using namespace xlsdetail;
    QStringEncoder gbk("GB18030");
    auto bof = [biff5](quint16 type) {
        QByteArray d;
        put16(d, biff5 ? 0x0500 : 0x0600);
        put16(d, type);
        put16(d, 0x0DBB);
        put16(d, 0x07CC);
        if (!biff5) {
            put32(d, 0);
            put32(d, 0x06);
        }
        return record(0x0809, d);
    };
    auto shortText =
        [&](const QString &s) -> QByteArray { // BIFF5: 8-bit length + GBK bytes; BIFF8: XLUnicodeString
        if (!biff5)
            return unicodeString(s, true);
        const QByteArray b = gbk.encode(s);
        return QByteArray(1, char(b.size())) + b;
    };
    // Shared strings in order of first use.
    QStringList sst;
    int sstUses = 0;
    for (const XlsSheet &sh : sheets) {
        for (const QStringList &row : sh.rows) {
            for (const QString &v : row) {
                if (!v.isEmpty() && !v.startsWith(u'#')) {
                    ++sstUses;
                    if (!sst.contains(v))
                        sst << v;
                }
            }
        }
    }
    QByteArray globals = bof(0x0005);
    {
        QByteArray d;
        put16(d, biff5 ? 936 : 1200);
        globals += record(0x0042, d); // CODEPAGE
    }
    globals += extraGlobals;
    {
        QByteArray d;
        put16(d, date1904 ? 1 : 0);
        globals += record(0x0022, d); // DATEMODE
    }
    {
        QByteArray d;
        put16(d, 164);
        if (biff5) {
            const QByteArray code = gbk.encode(QString::fromUtf8("yyyy\"年\"m\"月\"d\"日\""));
            d += char(code.size());
            d += code;
        } else {
            d += unicodeString(QString::fromUtf8("yyyy\"年\"m\"月\"d\"日\""));
        }
        globals += record(0x041E, d); // FORMAT
    }
    // XF 0–15: General (style XFs and the default cell XF); 16: format 14; 17: format 164.
    for (int i = 0; i < 18; ++i) {
        QByteArray d;
        put16(d, 0);
        put16(d, i == 16 ? 14 : i == 17 ? 164 : 0);
        put16(d, i < 15 ? 0xFFF5 : 0x0001);
        d += QByteArray(biff5 ? 10 : 14, '\0');
        globals += record(0x00E0, d);
    }
    QList<qsizetype> sheetOffsetAt;
    for (const XlsSheet &sh : sheets) {
        QByteArray d;
        put32(d, 0);
        d += char(sh.visibility);
        d += char(0);
        d += shortText(sh.name);
        sheetOffsetAt << globals.size() + 4;
        globals += record(0x0085, d);
    }
    if (!biff5) {
        // SST split into CONTINUE records of at most 8224 bytes; a string cut in its characters
        // goes on in the next record after a repeated option byte.
        QList<QByteArray> parts{QByteArray()};
        put32(parts[0], quint32(sstUses));
        put32(parts[0], quint32(sst.size()));
        constexpr int kMax = 8224;
        for (const QString &s : std::as_const(sst)) {
            const bool narrow = isNarrow(s);
            const int width = narrow ? 1 : 2;
            if (parts.last().size() + 3 + width > kMax)
                parts << QByteArray();
            put16(parts.last(), quint16(s.size()));
            parts.last() += char(narrow ? 0 : 1);
            qsizetype done = 0;
            while (done < s.size()) {
                const qsizetype fit = (kMax - parts.last().size()) / width;
                if (fit == 0) {
                    parts << QByteArray(1, char(narrow ? 0 : 1));
                    continue;
                }
                const qsizetype n = std::min(fit, s.size() - done);
                for (qsizetype i = done; i < done + n; ++i) {
                    if (narrow)
                        parts.last() += char(s[i].unicode());
                    else
                        put16(parts.last(), s[i].unicode());
                }
                done += n;
            }
        }
        globals += record(0x00FC, parts[0]);
        for (int i = 1; i < parts.size(); ++i)
            globals += record(0x003C, parts[i]);
    }
    globals += record(0x000A, {});

    QByteArray stream = globals;
    for (int si = 0; si < sheets.size(); ++si) {
        const XlsSheet &sh = sheets[si];
        set32(stream, sheetOffsetAt[si], quint32(stream.size()));
        QByteArray s = bof(0x0010);
        int width = 0;
        for (const QStringList &row : sh.rows)
            width = std::max(width, int(row.size()));
        {
            QByteArray d;
            const int rows = sh.declaredRows >= 0 ? sh.declaredRows : int(sh.rows.size());
            const int cols = sh.declaredColumns >= 0 ? sh.declaredColumns : width;
            if (biff5) {
                put16(d, 0);
                put16(d, quint16(rows));
            } else {
                put32(d, 0);
                put32(d, quint32(rows));
            }
            put16(d, 0);
            put16(d, quint16(cols));
            put16(d, 0);
            s += record(0x0200, d); // DIMENSIONS
        }
        for (const int c : sh.hiddenColumns) {
            QByteArray d;
            put16(d, quint16(c));
            put16(d, quint16(c));
            put16(d, 2304);
            put16(d, 15);
            put16(d, 0x0001); // fHidden
            put16(d, 0);
            s += record(0x007D, d);
        }
        for (const int r : sh.hiddenRows) {
            QByteArray d;
            put16(d, quint16(r - 1));
            put16(d, 0);
            put16(d, quint16(width));
            put16(d, 0x8000 | 255);
            put16(d, 0);
            put16(d, 0);
            put32(d, 0x0100 | 0x20); // fDyZero: hidden
            s += record(0x0208, d);
        }
        auto cellHead = [](int r, int c, int xf) {
            QByteArray d;
            put16(d, quint16(r));
            put16(d, quint16(c));
            put16(d, quint16(xf));
            return d;
        };
        auto wholeNumber = [](const QString &v, qint32 *out) {
            if (!v.startsWith(QLatin1String("#n:")))
                return false;
            bool ok = false;
            const qint32 n = v.mid(3).toInt(&ok);
            if (ok && out)
                *out = n;
            return ok && n > -(1 << 29) && n < (1 << 29);
        };
        for (int r = 0; r < sh.rows.size(); ++r) {
            const QStringList &row = sh.rows[r];
            for (int c = 0; c < row.size(); ++c) {
                const QString v = row[c];
                if (v.isEmpty())
                    continue;
                qint32 whole = 0;
                if (wholeNumber(v, &whole)) {
                    int last = c;
                    while (last + 1 < row.size() && wholeNumber(row[last + 1], nullptr))
                        ++last;
                    if (last == c) {
                        QByteArray d = cellHead(r, c, 15);
                        put32(d, quint32(whole) << 2 | 2);
                        s += record(0x027E, d); // RK
                    } else {
                        QByteArray d;
                        put16(d, quint16(r));
                        put16(d, quint16(c));
                        for (int k = c; k <= last; ++k) {
                            qint32 n = 0;
                            wholeNumber(row[k], &n);
                            put16(d, 15);
                            put32(d, quint32(n) << 2 | 2);
                        }
                        put16(d, quint16(last));
                        s += record(0x00BD, d); // MULRK
                        c = last;
                    }
                } else if (v.startsWith(QLatin1String("#n:")) || v.startsWith(QLatin1String("#d:")) ||
                           v.startsWith(QLatin1String("#c:"))) {
                    QByteArray d = cellHead(r, c, v[1] == u'd' ? 16 : v[1] == u'c' ? 17 : 15);
                    putDouble(d, v.mid(3).toDouble());
                    s += record(0x0203, d); // NUMBER
                } else if (v.startsWith(QLatin1String("#f:")) || v.startsWith(QLatin1String("#g:"))) {
                    QByteArray d = cellHead(r, c, 15);
                    d += QByteArray("\0\0\0\0\0\0\xFF\xFF", 8); // a string result
                    put16(d, 0);
                    put32(d, 0);
                    put16(d, 3);
                    d += QByteArray("\x17\x00\x00", 3); // tStr "" (the formula's text is not read)
                    s += record(0x0006, d);
                    if (v[1] == u'g') // a shared formula: its SHRFMLA record comes before the STRING
                        s += record(0x04BC, QByteArray("\0\0\0\0\0\0\0\0\0\0", 10));
                    QByteArray str;
                    if (biff5) {
                        const QByteArray text = gbk.encode(v.mid(3));
                        put16(str, quint16(text.size()));
                        str += text;
                    } else {
                        str = unicodeString(v.mid(3));
                    }
                    s += record(0x0207, str); // STRING
                } else if (biff5 || v.startsWith(QLatin1String("#l:"))) {
                    const QString text = v.startsWith(QLatin1String("#l:")) ? v.mid(3) : v;
                    QByteArray d = cellHead(r, c, 15);
                    if (biff5) {
                        const QByteArray b = gbk.encode(text);
                        put16(d, quint16(b.size()));
                        d += b;
                    } else {
                        d += unicodeString(text);
                    }
                    s += record(0x0204, d); // LABEL
                } else {
                    QByteArray d = cellHead(r, c, 15);
                    put32(d, quint32(sst.indexOf(v)));
                    s += record(0x00FD, d); // LABELSST
                }
            }
        }
        if (!sh.merges.isEmpty() && !biff5) {
            QByteArray d;
            put16(d, quint16(sh.merges.size()));
            for (const auto &m : sh.merges) {
                for (const int v : m)
                    put16(d, quint16(v));
            }
            s += record(0x00E5, d);
        }
        s += record(0x000A, {});
        stream += s;
    }
    return stream;
}

/// An .xls file: a compound file whose "Workbook" (BIFF8) or "Book" (BIFF5) stream holds
/// @p sheets.
inline QByteArray xlsFile(const QList<XlsSheet> &sheets, bool date1904 = false, bool biff5 = false)
{
    return compoundFile({{biff5 ? QStringLiteral("Book") : QStringLiteral("Workbook"),
                          xlsWorkbookStream(sheets, date1904, biff5)}});
}

/// A ledger as a .xls sheet: title merged over the header, a date in built-in and custom
/// formats, a problem merged down two measure rows, a hidden row, a hidden column, a summary row.
inline XlsSheet sampleLedgerXls()
{
    XlsSheet sh;
    sh.name = QString::fromUtf8("台账");
    sh.rows = {
        {QString::fromUtf8("某局巡察整改台账")},
        {QString::fromUtf8("填报日期：2021年6月30日")},
        {QString::fromUtf8("序号"), QString::fromUtf8("问题描述"), QString::fromUtf8("整改措施"),
         QString::fromUtf8("责任单位"), QString::fromUtf8("整改时限"), QString::fromUtf8("完成情况"),
         QString::fromUtf8("内部备注")},
        {QStringLiteral("#n:1"), QString::fromUtf8("问题甲"), QString::fromUtf8("1.措施一\n2.措施二"),
         QString::fromUtf8("办公室"), QStringLiteral("#d:44377"), QString::fromUtf8("已完成"),
         QString::fromUtf8("甲")},
        {QStringLiteral("#n:2"), QString::fromUtf8("问题乙"), QString::fromUtf8("措施A"),
         QString::fromUtf8("财务科"), QStringLiteral("#c:44561"), QString::fromUtf8("正在推进")},
        {QString(), QString(), QString::fromUtf8("措施B")},
        {QStringLiteral("#n:3"), QString::fromUtf8("问题丙（已删除）"), QString::fromUtf8("措施"),
         QString::fromUtf8("人事科"), QStringLiteral("#d:44377"), QString::fromUtf8("已完成")},
        {QStringLiteral("#n:4"), QString::fromUtf8("#l:问题丁"), QString::fromUtf8("措施丁"),
         QString::fromUtf8("#f:人事科"), QString::fromUtf8("长期坚持"), QString::fromUtf8("持续推进")},
        {QString::fromUtf8("合计"), QString::fromUtf8("#f:共4个问题")},
    };
    sh.merges = {{0, 0, 0, 5}, {4, 5, 1, 1}, {4, 5, 0, 0}, {4, 5, 3, 3}, {4, 5, 4, 4}, {4, 5, 5, 5}};
    sh.hiddenRows = {7};
    sh.hiddenColumns = {6};
    return sh;
}

/// The same ledger as worksheet XML (.xlsx), for comparison.
inline QByteArray sampleLedgerXlsAsXlsx()
{
    QList<QStringList> rows = sampleLedgerXls().rows;
    for (QStringList &row : rows) {
        for (QString &v : row) {
            if (v.startsWith(QLatin1String("#l:")) || v.startsWith(QLatin1String("#f:")))
                v = v.mid(3);
            else if (v.startsWith(QLatin1String("#c:")))
                v = QStringLiteral("#d:") + v.mid(3);
        }
    }
    return sheetXml(
        rows,
        "<mergeCells><mergeCell ref=\"A1:F1\"/><mergeCell ref=\"B5:B6\"/><mergeCell ref=\"A5:A6\"/>"
        "<mergeCell ref=\"D5:D6\"/><mergeCell ref=\"E5:E6\"/><mergeCell ref=\"F5:F6\"/></mergeCells>",
        "<cols><col min=\"7\" max=\"7\" hidden=\"1\"/></cols>", {7});
}

} // namespace rectrack::test
