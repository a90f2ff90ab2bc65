#pragma once

#include <QStringList>

namespace rectrack::core::schema {

/// Current schema version, stored in PRAGMA user_version. Bump it and add a step to
/// migrationSteps() when the schema changes; never edit a step that has shipped.
inline constexpr int kVersion = 12;

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
///  - step 3 → 4: `problem_facts`, one narrow row per live (not soft-deleted) problem: problem_id,
///    unit_id, inspection_id, category_id, source_level, responsible_office, lead_leader,
///    feedback_date, state (latest, 'registered' without history), state_changed_on (its date,
///    NULL without history), deadline (last approved problem-level extension by (decided_on, id),
///    else original_deadline), deadline_decided_on (NULL without such an extension), measures
///    (count of measures.problem_id). Kept by triggers on problems, problem_states (the step-3
///    triggers, redefined), measures and extension_requests. `problem_tally` (dim, key, value,
///    state, problems, measures) sums those rows per grouping column, value and state (triggers
///    on problem_facts); `problem_facts_state` indexes (state, deadline,
///    inspection_id, unit_id). Derived data, not
///    audited; the dashboard reads the tally (Statistics::usesTally), other figures scan the facts.
///  - step 4 → 5: `audit_problem`, an index on the problem_id in the audit snapshots (the
///    entries of a problem's child rows, AuditHistory::forProblem).
///  - step 5 → 6: common and recurring problems (issue #27): `patterns` (name, created_on, note) and
///    `pattern_members` (pattern_id, problem_id, excluded: 1 = taken out by a person, never
///    suggested for that pattern again), both audited; `referrals.pattern_id`, `copy_to`, `due_date` and
///    `rules_established.pattern_id`, `owner`, `due_date` (a rule-building item raised from a pattern).
///  - step 6 → 7: exchange packages between registers (issue #25): `exchange_sites`,
///    `exchange_packages`, `exchange_conflicts` (audited) and `exchange_rows` (the rows held for
///    other sites: owner, version, tombstone, alias; not audited). See exchangeStatements().
///  - step 7 → 8: on a server, a notification per committed change of an audited table (issue #24,
///    postgres::liveUpdateStatements()); nothing in a file.
///  - step 8 → 9: possible duplicate units (issue #26): `units.name` is no longer UNIQUE (a unit a
///    partner site registered under a name this register already has is a unit of its own, owned
///    by that site; own units keep distinct names by the services), an index `units_name`, and
///    `unit_duplicates` (unit_id, other_unit_id, partner, found_at, decision open / merged /
///    kept_apart, decided_by, decided_at; audited). See unitDuplicateStatements(). On a file the
///    units table is rebuilt, which Database::migrate runs with foreign keys off.
///  - step 9 → 10: on a server, less trigger work per row of a bulk insert
///    (postgres::bulkWriteStatements()); nothing in a file, which suspends its triggers instead.
///  - step 10 → 11: on a server, GIN indexes over the characters of the problem and measure texts
///    for search terms of one or two characters (postgres::textCharactersStatements()); nothing
///    in a file.
///  - step 11 → 12: on a server, no statistics trigger event for a new row of a deferred problem
///    and the audit snapshots' problem_id read as json (postgres::insertTriggerStatements());
///    nothing in a file.
QList<QStringList> migrationSteps();
/// The statements of step 8 → 9 in the file's SQL (the server's are in postgresschema.cpp).
QStringList unitDuplicateStatements();
/// The statements of step 6 → 7 in the file's SQL (the server's are in postgresschema.cpp).
QStringList exchangeStatements();

/// "INSERT INTO problem_facts SELECT …" computing the rows of the live problems that
/// @p condition (SQL over `problems p`, e.g. "p.id > 100" or "1") selects, from the register: the
/// rows the triggers of step 4 keep. Delete those problems' rows first. @p extensions false
/// leaves the extension lookup out (every deadline the original one): only when none of those
/// problems has an approved extension.
QString problemFactsFill(const QString &condition, bool extensions = true);

/// "INSERT INTO problem_tally … ON CONFLICT DO UPDATE" adding the problem_facts rows that
/// @p condition (SQL over `problem_facts f`) selects to problem_tally (step 4): per grouping
/// column (dim inspection, unit, category, source, office, leader), value and state, the number
/// of problems and the sum of their measures, added to what the table holds.
QString problemTallyFill(const QString &condition = QStringLiteral("1"));

/// The column that addresses a row of audited table @p table (audit_log.entity_id): "id", or for the
/// tables keyed by two columns (term_units, measure_problems, campaign_rounds, referral_problems)
/// "rowid": SQLite's implicit row id in a file, an identity column of that name on a server.
QString keyColumn(const QString &table);

/// Tables whose rows are covered by the audit log (entity names used in audit_log.entity).
QStringList auditedTables();

} // namespace rectrack::core::schema
