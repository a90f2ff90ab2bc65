#pragma once

#include "database.h"

#include <QCoreApplication>

namespace rectrack::core {

/**
 * Suspends the full-text index triggers for a bulk write and rebuilds the index at the end.
 *
 * FTS5 flushes its pending terms at every statement savepoint, so row-by-row trigger updates
 * make large inserts several times slower; a single 'rebuild' at the end is much cheaper. Use
 * inside a Transaction: dropping and recreating the triggers is part of it, so a rollback leaves
 * the schema as it was. The triggers are recreated from the schema's own statements.
 */
class SearchIndexSuspension
{
    Q_DECLARE_TR_FUNCTIONS(SearchIndexSuspension)
public:
    explicit SearchIndexSuspension(Database &db);
    /// Whether the triggers were dropped; when false, error() says why.
    bool active() const { return m_active; }
    const Error &error() const { return m_error; }
    /// Rebuilds problems_fts and measures_fts and recreates the triggers.
    Status finish();

private:
    Database &m_db;
    bool m_active = false;
    Error m_error;
};

/**
 * Defers the indexing of newly inserted problems and measures to one statement per table, for
 * bulk inserts into a register that is already large (ledger imports), where SearchIndexSuspension's
 * full rebuild would cost more than the insert itself.
 *
 * Only the AFTER INSERT triggers are dropped (inside the caller's Transaction, so a rollback
 * restores them); the update and delete triggers stay, so updating an existing row keeps the index
 * right. Rows inserted meanwhile are not in the index yet: call catchUp() before updating or
 * deleting one of them. finish() indexes the remaining new rows (id above the highest id seen at
 * construction or at the last catchUp) and recreates the triggers.
 */
class SearchIndexDeferral
{
    Q_DECLARE_TR_FUNCTIONS(SearchIndexDeferral)
public:
    explicit SearchIndexDeferral(Database &db);
    /// Whether the insert triggers were dropped; when false, error() says why.
    bool active() const { return m_active; }
    const Error &error() const { return m_error; }
    /// Indexes the problems and measures inserted since construction or the last catchUp().
    Status catchUp();
    /// catchUp(), then recreates the insert triggers.
    Status finish();

private:
    Database &m_db;
    bool m_active = false;
    Error m_error;
    qint64 m_problemsIndexed = 0; // highest problem id in the index
    qint64 m_measuresIndexed = 0; // highest measure id in the index
};

} // namespace rectrack::core
