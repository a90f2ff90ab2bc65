#pragma once

#include <QStringList>

/// The register's schema on a PostgreSQL server (issue #22): the tables of schema.cpp with the same
/// names and columns, the statistics triggers in PL/pgSQL, pg_trgm indexes for text search.
namespace rectrack::core::postgres {

/// Statements that create the current schema (version @p version) in an empty database, one per
/// entry, ending with the row of schema_version.
QStringList createStatements(quint32 applicationId, int version);

/// The expression of the audit_problem index: the problem_id in an entry's snapshots (bigint).
QString auditProblemId();

} // namespace rectrack::core::postgres
