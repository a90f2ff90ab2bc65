#pragma once

#include "database.h"

namespace rectrack::core {

/**
 * A larger SQLite page cache for the length of one bulk write (ledger imports, synthetic
 * registers), restored to the connection's previous size at destruction.
 *
 * With the default cache (2 MB) a transaction that writes tens of megabytes spills dirty pages
 * into the write-ahead log long before it commits, and reads them back from there whenever an
 * index insert lands on one of them: in `perf` of a 10,000-row import, a sixth of the time was
 * the kernel copying those pages (pread/pwrite). The cache grows only as pages are used, so a
 * small import costs no more memory than before. A connection setting, not a schema change.
 */
class BulkWriteCache
{
public:
    /// Raises the page cache of @p db's connection to @p mebibytes (unless it is larger already).
    BulkWriteCache(Database &db, int mebibytes);
    ~BulkWriteCache();
    BulkWriteCache(const BulkWriteCache &) = delete;
    BulkWriteCache &operator=(const BulkWriteCache &) = delete;

private:
    Database &m_db;
    QVariant m_previous; // PRAGMA cache_size before (pages when positive, KiB when negative)
};

} // namespace rectrack::core
