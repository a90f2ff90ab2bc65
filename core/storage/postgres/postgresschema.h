#pragma once

#include <QString>
#include <QStringList>

/// The register's schema on a PostgreSQL server (issue #22): the tables of schema.cpp with the same
/// names and columns, the statistics triggers in PL/pgSQL, pg_trgm indexes for text search.
namespace rectrack::core::postgres {

/// Statements that create the current schema (version @p version) in an empty database, one per
/// entry, ending with the row of schema_version.
QStringList createStatements(quint32 applicationId, int version);
/// The exchange tables (schema step 6 → 7, issue #25), as createStatements() makes them.
QStringList exchangeStatements();

/// The channel of the live-update notifications (LISTEN "rectrack").
inline constexpr QLatin1String kChangeChannel("rectrack");

/**
 * Statements that make every committed change of an audited table (schema::auditedTables()) send a
 * notification on kChangeChannel (issue #24): a row trigger calls pg_notify, which the server
 * delivers at COMMIT (nothing for a rolled-back change). The payload is compact JSON with only
 * {"table": name, "id": key (schema::keyColumn), "version": row version (problems and measures;
 * null elsewhere)}, never data: notifications are not filtered by row-level security, so a client
 * re-reads what it shows under its own login. A transaction that changes more than 200 rows sends
 * those 200 and then one {"table": "*"} (re-read everything), so that a bulk import does not send
 * a notification per row. Part of a new server register and of schema step 6 → 7, which the
 * register's installer login runs (it creates triggers on the owner's tables).
 */
QStringList liveUpdateStatements();
/// The rt_notify trigger of every audited table (liveUpdateStatements()'s, and unit_duplicates') with
/// the condition of schema step 9 → 10: no call past a transaction's 201st notification.
QStringList notifyTriggers();
/// Schema step 8 → 9 on a server (issue #26, schema::unitDuplicateStatements()): units.name no
/// longer UNIQUE, the index units_name, unit_duplicates with its change notification. Its grants
/// are postgres::unitDuplicateGrants().
QStringList unitDuplicateStatements();
/// The change notification of unit_duplicates (liveUpdateStatements() covers the tables before
/// schema 9).
QString unitDuplicateNotify();

/**
 * Schema step 9 → 10 on a server (docs/benchmarks.md, "10,000-row import into a server
 * register"): the per-row trigger work of a bulk insert cut where it changes nothing. The state
 * history's, the problems' and the measures' statistics triggers return at once for a new row of a
 * problem whose rows are deferred (rt_deferred: ProblemFactsDeferral fills problem_latest_state,
 * problem_facts and problem_tally for them once); rt_notify runs only until a transaction's 201st
 * notification; the audit chain check and the role guards run only for a login their first line
 * would let through anyway (WHEN conditions: the owner's members, the office). The same functions
 * and triggers as createStatements() makes them, replacing the older ones.
 */
QStringList bulkWriteStatements();
/**
 * Schema step 10 → 11 on a server: GIN indexes over the characters of the searchable texts
 * (problems_text_chars over description, example and progress; measures_text_chars over content),
 * for search terms of one or two characters, which have no trigram (pg_trgm's indexes then read
 * every entry: at 100,000 problems the 2-character search took 150–290 ms, docs/benchmarks.md).
 * A file has nothing to change (its short terms are scanned, schema::migrationSteps()).
 */
QStringList textCharactersStatements();
/**
 * Schema step 11 → 12 on a server (docs/benchmarks.md, issue #22): less work per row of a bulk
 * insert again. The statistics triggers of the state history, the problems and the measures get a
 * trigger of their own for INSERT with a WHEN condition, so that a new row of a deferred problem
 * (rt_deferred) queues no event and calls no PL/pgSQL function only to return; the audit_problem
 * index and the unit login's policy on audit_log (auditUnitPolicyStatements()) read the snapshots'
 * problem_id as json instead of jsonb (auditProblemId()). The same triggers, index and policy as
 * createStatements() makes them.
 */
QStringList insertTriggerStatements();
/**
 * No planner statistics for the expressions of textCharactersStatements()' indexes: ANALYZE would
 * build the arrays of a 30,000-row sample and count their elements (1.1–1.4 s more for `ANALYZE
 * problems` at 100,000 problems); the planner's default estimate for `@>` still picks the index.
 * Part of a new register and of step 11; PostgresDialect::afterCopy() sets it again on the indexes
 * it rebuilds (pg_get_indexdef() does not carry it).
 */
QStringList textCharactersStatistics();
/**
 * The indexed expression of textCharactersStatements() over row @p alias of @p table (problems or
 * measures): the characters of its texts as text[] (string_to_array(text, NULL)). The condition
 * `expression @> string_to_array(term, NULL)` selects through the index the rows that hold every
 * character of the term; a substring test of the term itself (strpos) keeps the exact matches.
 */
QString textCharacters(const QString &table, const QString &alias);

/// The setting (of one transaction) above whose problem id the statistics triggers leave the
/// problem_facts and problem_tally rows to a grouped fill (PostgresDialect::deferFacts).
inline constexpr QLatin1String kFactsDeferredAfter("rectrack.facts_deferred_after");

/// schema::problemTallyFill in PostgreSQL's SQL: the problem_facts rows that @p condition (SQL over
/// `problem_facts f`) selects added to problem_tally, with the keys and values of rt_tally_add.
QString problemTallyFill(const QString &condition);

/// The expression of the audit_problem index: the problem_id in an entry's snapshots (bigint).
QString auditProblemId();

} // namespace rectrack::core::postgres
