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
 *
 * With @p direct, a register in WAL mode is switched to the rollback journal for the write and
 * back to WAL at the end: a transaction that writes a whole new register (SyntheticRegister)
 * otherwise writes every page twice, into the log and again at the checkpoint (a third of the
 * time of generating 10,000 problems was the kernel copying pages). The rollback journal only
 * keeps the pages that existed before the transaction, so a nearly empty register's journal
 * stays small and a crash still rolls the whole write back. Construct before the Transaction
 * (the journal mode cannot change inside one); when the switch is refused (another connection
 * has the file open), the write simply stays in WAL mode.
 */
class BulkWriteCache
{
public:
    /// Raises the page cache of @p db's connection to @p mebibytes (unless it is larger already).
    BulkWriteCache(Database &db, int mebibytes, bool direct = false);
    ~BulkWriteCache();
    BulkWriteCache(const BulkWriteCache &) = delete;
    BulkWriteCache &operator=(const BulkWriteCache &) = delete;

private:
    Database &m_db;
    QVariant m_previous; // PRAGMA cache_size before (pages when positive, KiB when negative)
    bool m_backToWal = false;
};

} // namespace rectrack::core
