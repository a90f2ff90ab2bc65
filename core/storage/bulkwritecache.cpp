#include "bulkwritecache.h"

namespace rectrack::core {

namespace {

/// The cache size in KiB that PRAGMA cache_size @p value means (negative: KiB; positive: pages).
qint64 kibOf(Database &db, qint64 value)
{
    if (value < 0)
        return -value;
    return value * db.scalar(QStringLiteral("PRAGMA page_size")).toLongLong() / 1024;
}

} // namespace

BulkWriteCache::BulkWriteCache(Database &db, int mebibytes, bool direct) : m_db(db)
{
    // A file's page cache and journal; a server sizes its own buffers.
    if (db.onServer())
        return;
    if (direct && db.transactionDepth() == 0 && db.journalMode() == QLatin1String("wal")) {
        const QVariant mode = db.scalar(QStringLiteral("PRAGMA journal_mode = DELETE"));
        m_backToWal = mode.toString().compare(QLatin1String("delete"), Qt::CaseInsensitive) == 0;
    }
    const QVariant previous = db.scalar(QStringLiteral("PRAGMA cache_size"));
    if (!previous.isValid() || kibOf(db, previous.toLongLong()) >= qint64(mebibytes) * 1024)
        return;
    if (db.exec(QStringLiteral("PRAGMA cache_size = -%1").arg(qint64(mebibytes) * 1024)))
        m_previous = previous;
}

BulkWriteCache::~BulkWriteCache()
{
    if (m_previous.isValid())
        m_db.exec(QStringLiteral("PRAGMA cache_size = %1").arg(m_previous.toLongLong()));
    if (m_backToWal)
        m_db.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
}

} // namespace rectrack::core
