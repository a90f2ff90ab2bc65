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

} // namespace rectrack::core
