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

BulkWriteCache::BulkWriteCache(Database &db, int mebibytes) : m_db(db)
{
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
}

} // namespace rectrack::core
