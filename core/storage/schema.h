#pragma once

#include <QStringList>

namespace rectrack::core::schema {

/// Current schema version, stored in PRAGMA user_version. Bump it and add a step to
/// migrationSteps() when the schema changes; never edit a step that has shipped.
inline constexpr int kVersion = 4;

/// PRAGMA application_id of a Rectrack register: "RTRK" as a big-endian 32-bit integer.
inline constexpr quint32 kApplicationId = 0x5254524B;

/// Statements that create the latest schema in an empty file, one statement per entry
/// (Qt's SQLite driver runs one statement per exec): the first schema followed by every
/// migration step, so that a new file and a migrated one are the same by construction.
/// Plain SQL: no custom collations or functions, so the file stays usable from the sqlite3 shell.
QStringList createStatements();

/// Statements that upgrade a file from version (index + 1) to (index + 2):
///  - step 1 → 2: soft delete of problems (`problems.deleted_at`, an ISO date-time; NULL = live).
///    Deleted problems stay in the file with their history and can be restored; ledgers,
///    statistics, reports and exports leave them out.
///  - step 2 → 3: indexes for scale (`problem_states_asof` covering the as-of lookups,
///    `problems_unit_regno`) and `problem_latest_state` (problem_id, changed_on, state): each
///    problem's last state history entry by (changed_on, id), kept by triggers on problem_states.
///    Derived data, not audited; Statistics uses it for as-of dates on or after every changed_on.
///  - step 3 → 4: `audit_problem`, an index on the problem_id in the audit snapshots (the
///    entries of a problem's child rows, AuditHistory::forProblem).
QList<QStringList> migrationSteps();

/// Tables whose rows are covered by the audit log (entity names used in audit_log.entity).
QStringList auditedTables();

} // namespace rectrack::core::schema
