#include "compoundfile.h"

#include <QSet>
#include <QtEndian>

#include <vector>

namespace rectrack::core {

namespace {

constexpr quint32 kEndOfChain = 0xFFFFFFFE;
constexpr quint32 kNoStream = 0xFFFFFFFF;
constexpr quint32 kMaxRegularSector = 0xFFFFFFFA;
const QByteArray kSignature("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);

quint16 u16(const QByteArray &d, qsizetype at)
{
    return qFromLittleEndian<quint16>(d.constData() + at);
}

quint32 u32(const QByteArray &d, qsizetype at)
{
    return qFromLittleEndian<quint32>(d.constData() + at);
}

} // namespace

bool CompoundFile::hasSignature(const QByteArray &head)
{
    return head.startsWith(kSignature);
}

Result<CompoundFile> CompoundFile::parse(const QByteArray &data, const QString &fileName)
{
    auto damaged = [&fileName](const QString &what) {
        return Error{ErrorCode::InputRefused,
                     tr("%1 is an Office compound file that cannot be read: %2.").arg(fileName, what)};
    };
    if (!hasSignature(data) || data.size() < 512)
        return damaged(tr("the header is missing"));
    CompoundFile cf;
    cf.m_data = data;
    cf.m_fileName = fileName;
    const quint16 major = u16(data, 0x1A);
    cf.m_sectorShift = u16(data, 0x1E);
    cf.m_miniShift = u16(data, 0x20);
    if ((cf.m_sectorShift != 9 && cf.m_sectorShift != 12) || cf.m_miniShift != 6 ||
        (major != 3 && major != 4))
        return damaged(tr("the header is damaged"));
    cf.m_miniCutoff = u32(data, 0x38);
    const qsizetype sectorSize = qsizetype(1) << cf.m_sectorShift;
    const qsizetype sectorCount = data.size() / sectorSize; // sectors after the header, at most
    if (sectorCount < 1)
        return damaged(tr("the file is truncated"));

    // The FAT: sectors listed in the header's 109 DIFAT entries, then in the DIFAT chain.
    const quint32 fatSectors = u32(data, 0x2C);
    if (fatSectors > quint32(sectorCount))
        return damaged(tr("the allocation table is larger than the file"));
    QList<quint32> fatSectorList;
    for (int i = 0; i < 109 && quint32(fatSectorList.size()) < fatSectors; ++i)
        fatSectorList << u32(data, 0x4C + 4 * i);
    quint32 difat = u32(data, 0x44);
    QSet<quint32> seenDifat;
    const int perDifat = int(sectorSize / 4) - 1;
    while (quint32(fatSectorList.size()) < fatSectors && difat <= kMaxRegularSector) {
        const qsizetype at = (qsizetype(difat) + 1) << cf.m_sectorShift;
        if (seenDifat.contains(difat) || at + sectorSize > data.size())
            return damaged(tr("the allocation table is damaged"));
        seenDifat.insert(difat);
        for (int i = 0; i < perDifat && quint32(fatSectorList.size()) < fatSectors; ++i)
            fatSectorList << u32(data, at + 4 * i);
        difat = u32(data, at + 4 * perDifat);
    }
    if (quint32(fatSectorList.size()) < fatSectors)
        return damaged(tr("the allocation table is damaged"));
    cf.m_fat.reserve(fatSectorList.size() * (sectorSize / 4));
    for (const quint32 s : std::as_const(fatSectorList)) {
        const qsizetype at = (qsizetype(s) + 1) << cf.m_sectorShift;
        if (s > kMaxRegularSector || at + sectorSize > data.size())
            return damaged(tr("the allocation table is damaged"));
        for (qsizetype i = 0; i < sectorSize / 4; ++i)
            cf.m_fat << u32(data, at + 4 * i);
    }

    // The directory, then the mini FAT and the mini stream (held by the root entry).
    auto dir = cf.readChain(u32(data, 0x30), 0, false);
    if (!dir || dir->size() < 128)
        return damaged(tr("the directory is damaged"));
    const qsizetype entries = dir->size() / 128;
    auto entryName = [&dir](qsizetype e) {
        const qsizetype at = e * 128;
        const int bytes = std::min<int>(u16(*dir, at + 0x40), 64);
        QString name;
        for (int i = 0; i + 1 < bytes; i += 2) {
            const char16_t ch = u16(*dir, at + i);
            if (ch == 0)
                break;
            name.append(QChar(ch));
        }
        return name;
    };
    auto entrySize = [&dir, major](qsizetype e) {
        const quint64 low = u32(*dir, e * 128 + 0x78);
        return major == 3 ? low : low | (quint64(u32(*dir, e * 128 + 0x7C)) << 32);
    };
    if (quint8(dir->at(0x42)) != 5)
        return damaged(tr("the directory has no root entry"));
    if (const quint32 miniFatStart = u32(data, 0x3C); miniFatStart <= kMaxRegularSector) {
        auto miniFat = cf.readChain(miniFatStart, 0, false);
        if (!miniFat)
            return damaged(tr("the small-stream allocation table is damaged"));
        for (qsizetype i = 0; i + 4 <= miniFat->size(); i += 4)
            cf.m_miniFat << u32(*miniFat, i);
        auto mini = cf.readChain(u32(*dir, 0x74), entrySize(0), false);
        if (!mini)
            return damaged(tr("the small-stream container is damaged"));
        cf.m_miniStream = *mini;
    }

    // Root-level streams: the red-black tree under the root's child, walked with a visited set.
    QList<quint32> pending{u32(*dir, 0x4C)};
    QSet<quint32> visited;
    while (!pending.isEmpty()) {
        const quint32 e = pending.takeLast();
        if (e == kNoStream)
            continue;
        if (e >= quint32(entries) || visited.contains(e))
            return damaged(tr("the directory is damaged"));
        visited.insert(e);
        const qsizetype at = qsizetype(e) * 128;
        pending << u32(*dir, at + 0x44) << u32(*dir, at + 0x48);
        if (quint8(dir->at(at + 0x42)) == 2)
            cf.m_streams << Entry{entryName(e), u32(*dir, at + 0x74), entrySize(e)};
    }
    return cf;
}

Result<QByteArray> CompoundFile::readChain(quint32 start, quint64 size, bool mini) const
{
    // size 0: the whole chain (the directory and the mini FAT carry no size).
    const QList<quint32> &fat = mini ? m_miniFat : m_fat;
    const QByteArray &source = mini ? m_miniStream : m_data;
    const int shift = mini ? m_miniShift : m_sectorShift;
    const qsizetype sectorSize = qsizetype(1) << shift;
    const qsizetype base = mini ? 0 : sectorSize;
    auto damaged = [this] {
        return Error{
            ErrorCode::InputRefused,
            tr("%1 is an Office compound file that cannot be read: a stream is damaged.").arg(m_fileName)};
    };
    if (size > quint64(source.size()))
        return damaged();
    QByteArray out;
    out.reserve(qsizetype(size));
    quint32 sector = start;
    std::vector<bool> visited(size_t(fat.size()), false); // a chain that comes back is damaged
    while (sector != kEndOfChain && (size == 0 || quint64(out.size()) < size)) {
        if (sector >= quint32(fat.size()) || visited[sector])
            return damaged();
        visited[sector] = true;
        const qsizetype at = base + (qsizetype(sector) << shift);
        if (at + sectorSize > source.size()) {
            // The last sector of a file may be cut short by writers that do not pad it.
            if (at >= source.size())
                return damaged();
            out.append(source.constData() + at, source.size() - at);
        } else {
            out.append(source.constData() + at, sectorSize);
        }
        sector = fat[sector];
    }
    if (size > 0) {
        if (quint64(out.size()) < size)
            return damaged();
        out.truncate(qsizetype(size));
    }
    return out;
}

QStringList CompoundFile::streamNames() const
{
    QStringList names;
    for (const Entry &e : m_streams)
        names << e.name;
    return names;
}

bool CompoundFile::hasStream(const QString &name) const
{
    return std::any_of(m_streams.cbegin(), m_streams.cend(),
                       [&name](const Entry &e) { return e.name.compare(name, Qt::CaseInsensitive) == 0; });
}

Result<QByteArray> CompoundFile::stream(const QString &name) const
{
    for (const Entry &e : m_streams) {
        if (e.name.compare(name, Qt::CaseInsensitive) == 0) {
            if (e.size == 0)
                return QByteArray();
            return readChain(e.start, e.size, e.size < m_miniCutoff);
        }
    }
    return Error{ErrorCode::InputRefused, tr("%1 has no %2 stream.").arg(m_fileName, name)};
}

} // namespace rectrack::core
