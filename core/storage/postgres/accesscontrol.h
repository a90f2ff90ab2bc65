#pragma once

#include <QString>
#include <QStringList>

/**
 * Who may read and write what in a register on a server (issue #23): PostgreSQL's own roles,
 * grants, row-level security and SECURITY DEFINER functions, so that the server enforces it for
 * the program and for `psql` alike. docs/server.md (section "Logins and roles") is the reader's
 * version; this file is the one place where the rules are written.
 *
 * Every person connects with their own login (a PostgreSQL role that can log in). `server init`
 * (the first open that creates the schema) makes seven group roles named after the database,
 * `<database>_<kind>`, so that two registers on one server never share memberships:
 *
 * | kind     | who (等级保护 三员分立 and the register's own users) | may |
 * |----------|------------------------------------------------------|-----|
 * | owner    | nobody logs in as it                                 | owns the tables and the checking
 * functions | | sysadmin | 系统管理员                                           | settings, categories, units
 * and other reference data; reads everything for backups | | secadmin | 安全保密管理员 | creates and removes
 * logins, assigns roles and units (rt_user_* functions); nothing else | | auditor  | 安全审计员 | reads the
 * audit log and the login history; nothing else | | office   | 巡察办工作人员 | everything of the register:
 * registers, supervises, third review, close-out, deletes | | unit     | a unit's or district office's clerk
 * | reads and edits only the problems of its units (login_units): measures, progress, evidence, extension
 * requests, review steps 1 and 2 | | leader   | 领导                                                 | reads
 * everything a report needs; writes nothing |
 *
 * A superuser (the DBA) is not held back by the server (PostgreSQL exempts superusers from
 * row-level security and can drop any check); `rectrack-cli verify` shows what one changed.
 */
namespace rectrack::core::postgres {

/// The kinds of group role, as `server user add --role` takes them (owner is not one).
QStringList roleKinds();

/// The tables that hold who may log in and who did (login_units, login_history): the server's own,
/// never copied to a file nor compared with one.
QStringList accessTables();

/// Statements (run once, after the schema's tables and functions exist, by a superuser or a login
/// with CREATEROLE) that create the group roles, hand every table and function to the owner role,
/// and install the grants, the row-level security policies and the checking triggers.
QStringList accessControlStatements();

/// The triggers of the audit chain check (audit_log_check) and of the close-out, review and delete
/// guards, each with a WHEN condition that skips the call for a login the function's first line lets
/// through (the owner's members for the chain check, the office for the guards): a SECURITY DEFINER
/// PL/pgSQL call per row otherwise (a second for a 10,000-row import's 66,000 audit entries). Part
/// of accessControlStatements() and of schema step 9 → 10 (CREATE OR REPLACE TRIGGER).
QStringList guardTriggerStatements();
/// The unit login's row-level security policy on audit_log made again, with the expression
/// auditProblemId() gives now (schema step 11 → 12 changed it; the policy holds it verbatim).
QStringList auditUnitPolicyStatements();

/// The DO-block statements granting the exchange tables (issue #25): the office all, the leader
/// and the system administrator SELECT, a unit login nothing. Part of accessControlStatements().
QStringList exchangeGrants();
/// Schema step 6 → 7 on a server made at schema 6, after postgres::exchangeStatements(): the
/// exchange tables to the owner role, their grants, the sequences to the writing roles.
QStringList exchangeMigration();
/// Schema step 8 → 9 on a server, after postgres::unitDuplicateStatements(): unit_duplicates to the
/// owner role, its grants (as the exchange tables'), the sequences to the writing roles.
QStringList unitDuplicateMigration();
/// The prefix of the messages the checking functions raise ("rectrack:"), followed by a key that
/// PostgresDialect turns into a translated message (close_out, review3, delete, role, actor, chain,
/// …).
inline constexpr QLatin1String kRefusalPrefix("rectrack:");

} // namespace rectrack::core::postgres
