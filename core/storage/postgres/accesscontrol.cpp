#include "accesscontrol.h"

#include "postgresdialect.h"
#include "postgresschema.h"

namespace rectrack::core::postgres {

namespace {

// The tables by what they hold. Every register table is in exactly one list (a test compares them
// with the schema: tests/core/test_server_roles.cpp).

/// Reference data: the organisation, the rounds and the settings. Everyone who works sees them;
/// the system administrator and the office write them.
const char *const kReference[] = {"meta",       "terms",      "rounds",    "teams",           "units",
                                  "term_units", "categories", "campaigns", "campaign_rounds", "saved_views"};
/// A problem's own rows: a unit login sees and edits those of its units only (row-level security).
const char *const kProblemData[] = {
    "problems", "problem_states", "measures",           "measure_problems",    "progress_entries",
    "evidence", "reviews",        "extension_requests", "supervision_actions", "inspections"};
/// The statistics tables, kept by the triggers (as the owner); the office's bulk imports fill them
/// too.
const char *const kDerived[] = {"problem_latest_state", "problem_facts", "problem_tally"};
/// The office's own registers (clues name people; referrals, accountability, evaluations).
const char *const kOfficeRegisters[] = {
    "clues",           "referrals",   "referral_problems", "rules_established", "accountability",
    "funds_recovered", "evaluations", "patterns",          "pattern_members"};

/// Exchange packages between registers (issue #25): the office sends and takes them in; the leader
/// and the system administrator read them (reports, backups); a unit login neither.
const char *const kExchange[] = {"exchange_sites", "exchange_packages", "exchange_rows",
                                 "exchange_conflicts"};
/// The exchange's decisions on possible duplicate units (issue #26, schema 9): granted as kExchange.
const char *const kExchangeDecisions[] = {"unit_duplicates"};

/// The unit login's condition on each problem table (SQL over the table's row), for its USING
/// and WITH CHECK. Subqueries on problems see what the login's own policy on problems lets it see.
QString unitCondition(const QString &table)
{
    const QString myUnits = QStringLiteral("unit_id = ANY ((SELECT rt_my_units())::bigint[])");
    const QString myProblem =
        QStringLiteral("EXISTS (SELECT 1 FROM problems p WHERE p.id = %1.problem_id)").arg(table);
    if (table == QLatin1String("problems") || table == QLatin1String("inspections") ||
        table == QLatin1String("problem_facts") || table == QLatin1String("term_units"))
        return myUnits;
    if (table == QLatin1String("supervision_actions"))
        return myUnits + QStringLiteral(" OR ") + myProblem;
    if (table == QLatin1String("audit_log"))
        // An entry belongs to a problem when it is the problem's own row or names its problem_id
        // (measures, progress, reviews …); entries of other tables (units, categories) are the
        // office's.
        return QStringLiteral("EXISTS (SELECT 1 FROM problems p WHERE p.id = CASE WHEN audit_log.entity = "
                              "'problems' THEN audit_log.entity_id ELSE %1 END)")
            .arg(auditProblemId());
    return myProblem;
}

/// The unit login's policy on table @p t (CREATE POLICY rt_unit, roles as dynamic() writes them).
/// Its entries in the audit log it may add whatever they name (the entry's own row is checked).
QString unitPolicy(const QString &t)
{
    return QStringLiteral("CREATE POLICY rt_unit ON %1 TO %R(unit) USING (%2) WITH CHECK (%3)")
        .arg(t, unitCondition(t),
             t == QLatin1String("audit_log") ? QStringLiteral("true") : unitCondition(t));
}

QString sqlList(const QStringList &items)
{
    QStringList quoted;
    for (const QString &i : items)
        quoted << u'\'' + i + u'\'';
    return QStringLiteral("ARRAY[%1]").arg(quoted.join(QStringLiteral(", ")));
}

template <size_t N> QStringList names(const char *const (&list)[N])
{
    QStringList out;
    for (const char *name : list)
        out << QString::fromLatin1(name);
    return out;
}

/// One GRANT (or other statement naming group roles) inside a DO block: %R(kind) in @p sql stands
/// for the role of that kind, %R(schema) for the register's schema. Role names are quoted
/// identifiers built from the database's name at run time.
QString dynamic(const QString &sql)
{
    QStringList args;
    QString out;
    int pos = 0;
    while (true) {
        const int at = sql.indexOf(QLatin1String("%R("), pos);
        if (at < 0) {
            out += sql.mid(pos);
            break;
        }
        const int close = sql.indexOf(u')', at);
        out += sql.mid(pos, at - pos) + QStringLiteral("%I");
        const QString kind = sql.mid(at + 3, close - at - 3);
        args << (kind == QLatin1String("schema") ? QStringLiteral("current_schema()")
                                                 : QStringLiteral("d || '_%1'").arg(kind));
        pos = close + 1;
    }
    out.replace(u'\'', QStringLiteral("''"));
    return QStringLiteral("EXECUTE format('%1'%2);")
        .arg(out, args.isEmpty() ? QString() : u", " + args.join(u", "));
}

QString doBlock(const QStringList &body)
{
    return QStringLiteral("DO $$ DECLARE d text := current_database(); BEGIN %1 END $$").arg(body.join(u' '));
}

} // namespace

namespace {

template <size_t N> QStringList exchangeGrantsOf(const char *const (&list)[N])
{
    QStringList body;
    for (const char *t : list) {
        const QString table = QString::fromLatin1(t);
        body << dynamic(
            QStringLiteral("GRANT SELECT, INSERT, UPDATE, DELETE ON %1 TO %R(office)").arg(table));
        for (const char *k : {"leader", "sysadmin"})
            body << dynamic(
                QStringLiteral("GRANT SELECT ON %1 TO %R(%2)").arg(table, QString::fromLatin1(k)));
    }
    return body;
}

} // namespace

QStringList guardTriggerStatements()
{
    // rt_has(kind) as a condition the trigger evaluates itself: no function call for the logins
    // the functions let through at once (a missing role lets nobody through, as rt_has says).
    const auto lacks = [](const char *kind) {
        return QStringLiteral(
                   "WHEN (NOT coalesce(pg_has_role(session_user, to_regrole(quote_ident(current_database() "
                   "|| '_%1')), 'MEMBER'), false))")
            .arg(QLatin1String(kind));
    };
    return {
        QStringLiteral("CREATE OR REPLACE TRIGGER audit_log_check BEFORE INSERT ON audit_log FOR EACH ROW %1 "
                       "EXECUTE FUNCTION rt_audit_check()")
            .arg(lacks("owner")),
        QStringLiteral(
            "CREATE OR REPLACE TRIGGER problems_guard BEFORE UPDATE OR DELETE ON problems FOR EACH "
            "ROW %1 EXECUTE FUNCTION rt_guard_problems()")
            .arg(lacks("office")),
        QStringLiteral("CREATE OR REPLACE TRIGGER problem_states_guard BEFORE INSERT OR UPDATE OR DELETE ON "
                       "problem_states FOR EACH ROW %1 EXECUTE FUNCTION rt_guard_states()")
            .arg(lacks("office")),
        QStringLiteral(
            "CREATE OR REPLACE TRIGGER reviews_guard BEFORE INSERT OR UPDATE OR DELETE ON reviews FOR "
            "EACH ROW %1 EXECUTE FUNCTION rt_guard_reviews()")
            .arg(lacks("office"))};
}

QStringList auditUnitPolicyStatements()
{
    return {doBlock({QStringLiteral("EXECUTE 'DROP POLICY IF EXISTS rt_unit ON audit_log';"),
                     dynamic(unitPolicy(QStringLiteral("audit_log")))})};
}

QStringList exchangeGrants()
{
    return exchangeGrantsOf(kExchange) + exchangeGrantsOf(kExchangeDecisions);
}

namespace {

// The migration step that brings an existing server register's roles to the exchange tables
// @p list: their grants, their owner role, and the sequences of their identity keys.
template <size_t N> QStringList exchangeMigrationOf(const char *const (&list)[N])
{
    QStringList body = exchangeGrantsOf(list);
    for (const char *t : list)
        body << QStringLiteral("EXECUTE format('ALTER TABLE %1 OWNER TO %I', d || '_owner');")
                    .arg(QString::fromLatin1(t));
    for (const char *k : {"office", "unit", "sysadmin"})
        body << dynamic(QStringLiteral("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %R(schema) TO %R(%1)")
                            .arg(QLatin1String(k)));
    return {doBlock(body)};
}

} // namespace

QStringList unitDuplicateMigration()
{
    return exchangeMigrationOf(kExchangeDecisions);
}

QStringList exchangeMigration()
{
    return exchangeMigrationOf(kExchange);
}

QStringList roleKinds()
{
    return {QStringLiteral("sysadmin"), QStringLiteral("secadmin"), QStringLiteral("auditor"),
            QStringLiteral("office"),   QStringLiteral("unit"),     QStringLiteral("leader")};
}

QStringList accessTables()
{
    return {QStringLiteral("login_units"), QStringLiteral("login_history")};
}

QStringList accessControlStatements()
{
    const QString kinds = sqlList(roleKinds());
    QStringList out;

    // Who may log in where: the units of each unit login, and every program login (the program
    // records it; psql sessions are in the server's own log when log_connections is on).
    out << QStringLiteral("CREATE TABLE login_units (login text COLLATE \"C\" NOT NULL, unit_id bigint NOT "
                          "NULL REFERENCES units(id) ON DELETE CASCADE, PRIMARY KEY (login, unit_id))")
        << QStringLiteral("CREATE TABLE login_history (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                          "login text COLLATE \"C\" NOT NULL, at text COLLATE \"C\" NOT NULL, address text "
                          "COLLATE \"C\", client text COLLATE \"C\")");

    // The group roles, `<database>_<kind>`. The owner owns everything and may create logins (only
    // through rt_user_add); it never logs in.
    out << QStringLiteral(
               "DO $$ DECLARE d text := current_database(); k text; BEGIN "
               "FOREACH k IN ARRAY ARRAY['owner', 'sysadmin', 'secadmin', 'auditor', 'office', 'unit', "
               "'leader'] LOOP "
               "IF octet_length(d || '_' || k) > 63 THEN RAISE EXCEPTION 'rectrack:dbname' USING ERRCODE = "
               "'22023'; END IF; "
               "IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = d || '_' || k) THEN "
               "EXECUTE format('CREATE ROLE %I NOLOGIN', d || '_' || k); END IF; END LOOP; "
               "EXECUTE format('ALTER ROLE %I NOLOGIN CREATEROLE', d || '_owner'); "
               "FOREACH k IN ARRAY %1 LOOP "
               "EXECUTE format('GRANT %I TO %I WITH ADMIN OPTION', d || '_' || k, d || '_owner'); END LOOP; "
               "IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN "
               "EXECUTE format('GRANT %I TO %I', d || '_owner', current_user); END IF; "
               // An owner of tables needs CREATE on their schema; every role uses it.
               "EXECUTE format('GRANT USAGE, CREATE ON SCHEMA %I TO %I', current_schema(), d || '_owner'); "
               "FOREACH k IN ARRAY %1 LOOP "
               "EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), d || '_' || k); END LOOP; "
               "EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', d); "
               "FOREACH k IN ARRAY %1 LOOP "
               "EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', d, d || '_' || k); END LOOP; "
               "END $$")
               .arg(kinds);

    // Role checks, for the policies, the triggers and the program (Database::seesWholeRegister).
    // session_user is the person's login also inside SECURITY DEFINER functions (where
    // current_user is the owner); a superuser is a member of every role.
    out << QStringLiteral("CREATE FUNCTION rt_role_name(kind text) RETURNS text LANGUAGE sql STABLE AS $$ "
                          "SELECT current_database() || '_' || kind $$")
        << QStringLiteral(
               "CREATE FUNCTION rt_has(kind text) RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT "
               "coalesce((SELECT pg_has_role(session_user, r.oid, 'MEMBER') FROM pg_roles r WHERE "
               "r.rolname = rt_role_name(kind)), false) $$")
        << QStringLiteral("CREATE FUNCTION rt_sees_all() RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT "
                          "rt_has('office') OR rt_has('leader') OR rt_has('sysadmin') $$")
        << QStringLiteral("CREATE FUNCTION rt_my_units() RETURNS bigint[] LANGUAGE sql STABLE SECURITY "
                          "DEFINER AS $$ SELECT coalesce(array_agg(unit_id), '{}') FROM login_units WHERE "
                          "login = session_user $$")
        << QStringLiteral(
               "CREATE FUNCTION rt_login_kinds() RETURNS text[] LANGUAGE sql STABLE AS $$ SELECT "
               "coalesce(array_agg(k ORDER BY o), '{}') FROM unnest(%1) WITH ORDINALITY AS x(k, o) "
               "WHERE rt_has(k) $$")
               .arg(kinds)
        // The newest hash of the chain, whatever part of the log the login may read.
        << QStringLiteral("CREATE FUNCTION rt_audit_head() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER "
                          "AS $$ SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1 $$")
        << QStringLiteral(
               "CREATE FUNCTION rt_session_start(client text) RETURNS void LANGUAGE sql SECURITY "
               "DEFINER AS $$ INSERT INTO login_history(login, at, address, client) VALUES "
               "(session_user, to_char(clock_timestamp() AT TIME ZONE 'UTC', "
               "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), host(inet_client_addr()), left(client, 200)) $$");

    // Appending to the audit chain: only logins that may change the register, the entry names the
    // login, continues the chain and carries its true hash (AuditLog::chainHash). The owner role's
    // members (the installer) and superusers are exempt: `server push` copies entries written by
    // others, and they could disable the trigger anyway (verify still checks the chain).
    out << QStringLiteral(
               "CREATE FUNCTION rt_audit_check() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$ "
               "DECLARE head text; last bigint; BEGIN "
               "IF rt_has('owner') THEN RETURN NEW; END IF; "
               "IF NOT (rt_has('office') OR rt_has('unit') OR rt_has('sysadmin')) THEN "
               "RAISE EXCEPTION 'rectrack:write' USING ERRCODE = '42501'; END IF; "
               "IF NEW.actor IS DISTINCT FROM session_user::text THEN "
               "RAISE EXCEPTION 'rectrack:actor' USING ERRCODE = '42501'; END IF; "
               "PERFORM pg_advisory_xact_lock(%1); "
               "SELECT a.hash, a.id INTO head, last FROM audit_log a ORDER BY a.id DESC LIMIT 1; "
               "IF NEW.prev_hash IS DISTINCT FROM coalesce(head, repeat('0', 64)) OR NEW.id <= "
               "coalesce(last, 0) "
               "OR NEW.hash IS DISTINCT FROM encode(sha256(convert_to(concat_ws(chr(31), NEW.prev_hash, "
               "NEW.at, "
               "NEW.actor, NEW.entity, NEW.entity_id::text, NEW.action, coalesce(NEW.before_json, ''), "
               "coalesce(NEW.after_json, '')), 'UTF8')), 'hex') THEN "
               "RAISE EXCEPTION 'rectrack:chain' USING ERRCODE = '42501'; END IF; RETURN NEW; END $$")
               .arg(PostgresDialect::kAuditChainLock);

    // Close-out, the third review and deleting are the office's (DESIGN.md §3, issue #23).
    out << QStringLiteral(
               "CREATE FUNCTION rt_guard_problems() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$ "
               "BEGIN IF rt_has('office') THEN RETURN coalesce(NEW, OLD); END IF; "
               "IF TG_OP = 'DELETE' OR NEW.deleted_at IS DISTINCT FROM OLD.deleted_at THEN "
               "RAISE EXCEPTION 'rectrack:delete' USING ERRCODE = '42501'; END IF; "
               "IF (NEW.state = 'closed_out') <> (OLD.state = 'closed_out') OR NEW.closed_out_date IS "
               "DISTINCT "
               "FROM OLD.closed_out_date THEN RAISE EXCEPTION 'rectrack:close_out' USING ERRCODE = '42501'; "
               "END IF; RETURN NEW; END $$")
        << QStringLiteral(
               "CREATE FUNCTION rt_guard_states() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$ "
               "BEGIN IF rt_has('office') THEN RETURN coalesce(NEW, OLD); END IF; "
               "IF (TG_OP <> 'DELETE' AND NEW.state = 'closed_out') OR (TG_OP <> 'INSERT' AND OLD.state = "
               "'closed_out') THEN RAISE EXCEPTION 'rectrack:close_out' USING ERRCODE = '42501'; END IF; "
               "RETURN coalesce(NEW, OLD); END $$")
        << QStringLiteral(
               "CREATE FUNCTION rt_guard_reviews() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$ "
               "BEGIN IF rt_has('office') THEN RETURN coalesce(NEW, OLD); END IF; "
               "IF (TG_OP <> 'DELETE' AND NEW.step = 'inspection_office') OR (TG_OP <> 'INSERT' AND "
               "OLD.step = 'inspection_office') THEN RAISE EXCEPTION 'rectrack:review3' USING ERRCODE = "
               "'42501'; END IF; RETURN coalesce(NEW, OLD); END $$");
    out << guardTriggerStatements();

    // Logins: the security administrator's functions (`rectrack-cli server user`).
    out << QStringLiteral(
               "CREATE FUNCTION rt_user_add(who text, verifier text, kind text, unit_names text[]) RETURNS "
               "void LANGUAGE plpgsql SECURITY DEFINER AS $$ DECLARE r record; missing text; BEGIN "
               "IF NOT rt_has('secadmin') THEN RAISE EXCEPTION 'rectrack:secadmin' USING ERRCODE = '42501'; "
               "END IF; "
               "IF kind IS NULL OR NOT kind = ANY (%1) THEN RAISE EXCEPTION 'rectrack:kind' USING ERRCODE = "
               "'22023'; END IF; "
               "IF who IS NULL OR who !~ '^[[:alnum:]_.@-]{1,63}$' OR octet_length(who) > 63 OR who ~ '^pg_' "
               "OR who LIKE "
               "current_database() || '\\_%' THEN RAISE EXCEPTION 'rectrack:login' USING ERRCODE = '22023'; "
               "END IF; "
               "IF (kind = 'unit') <> (coalesce(cardinality(unit_names), 0) > 0) THEN "
               "RAISE EXCEPTION 'rectrack:units' USING ERRCODE = '22023'; END IF; "
               "SELECT n INTO missing FROM unnest(unit_names) n WHERE NOT EXISTS (SELECT 1 FROM units u "
               "WHERE "
               "u.name = n) LIMIT 1; "
               "IF missing IS NOT NULL THEN RAISE EXCEPTION 'rectrack:unknown_unit:%', missing USING ERRCODE "
               "= "
               "'22023'; END IF; "
               "SELECT rolsuper, rolcanlogin INTO r FROM pg_roles WHERE rolname = who; "
               "IF NOT FOUND THEN IF verifier IS NULL THEN EXECUTE format('CREATE ROLE %I LOGIN', who); "
               "ELSE EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', who, verifier); END IF; "
               "ELSE IF r.rolsuper OR NOT r.rolcanlogin THEN RAISE EXCEPTION 'rectrack:login_taken' USING "
               "ERRCODE = '22023'; END IF; "
               "IF verifier IS NOT NULL THEN EXECUTE format('ALTER ROLE %I PASSWORD %L', who, verifier); END "
               "IF; END IF; "
               "EXECUTE format('GRANT %I TO %I', rt_role_name(kind), who); "
               "INSERT INTO login_units(login, unit_id) SELECT who, u.id FROM units u WHERE u.name = ANY "
               "(unit_names) ON CONFLICT DO NOTHING; END $$")
               .arg(kinds)
        << QStringLiteral(
               "CREATE FUNCTION rt_user_remove(who text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER AS "
               "$$ "
               "DECLARE k text; found_one boolean := false; BEGIN "
               "IF NOT rt_has('secadmin') THEN RAISE EXCEPTION 'rectrack:secadmin' USING ERRCODE = '42501'; "
               "END IF; "
               "IF who = session_user::text THEN RAISE EXCEPTION 'rectrack:self' USING ERRCODE = '22023'; "
               "END IF; "
               "FOREACH k IN ARRAY %1 LOOP "
               "IF EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles "
               "u ON u.oid = m.member WHERE g.rolname = rt_role_name(k) AND u.rolname = who) THEN "
               "EXECUTE format('REVOKE %I FROM %I', rt_role_name(k), who); found_one := true; END IF; "
               "END LOOP; "
               "IF NOT found_one THEN RAISE EXCEPTION 'rectrack:not_a_user' USING ERRCODE = '22023'; END IF; "
               "DELETE FROM login_units WHERE login = who; "
               // A login of no other register is dropped; one that is still used elsewhere stays.
               "IF NOT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles u ON u.oid = m.member WHERE "
               "u.rolname = who) THEN BEGIN EXECUTE format('DROP ROLE %I', who); EXCEPTION WHEN "
               "dependent_objects_still_exist OR object_in_use THEN NULL; END; END IF; END $$")
               .arg(kinds)
        << QStringLiteral(
               "CREATE FUNCTION rt_user_list() RETURNS TABLE(login_name text, role_kind text, unit_names "
               "text) LANGUAGE "
               "plpgsql STABLE SECURITY DEFINER AS $$ BEGIN "
               "IF NOT (rt_has('secadmin') OR rt_has('auditor')) THEN RAISE EXCEPTION 'rectrack:secadmin' "
               "USING ERRCODE = '42501'; END IF; "
               "RETURN QUERY SELECT u.rolname::text, k, (SELECT string_agg(x.name, ',' ORDER BY x.name) FROM "
               "login_units lu JOIN units x ON x.id = lu.unit_id WHERE lu.login = u.rolname::text) FROM "
               "unnest(%1) WITH ORDINALITY AS g(k, o) JOIN pg_roles gr ON gr.rolname = rt_role_name(g.k) "
               "JOIN pg_auth_members m ON m.roleid = gr.oid JOIN pg_roles u ON u.oid = m.member AND "
               "u.rolcanlogin ORDER BY 1, g.o; END $$")
               .arg(kinds);

    // The statistics triggers keep the derived tables as the owner, so that no login needs to
    // write them.
    out << QStringLiteral(
        "DO $$ DECLARE f record; BEGIN FOR f IN SELECT p.oid::regprocedure AS sig FROM pg_proc p WHERE "
        "p.pronamespace = current_schema()::regnamespace AND p.prorettype = 'trigger'::regtype AND "
        "p.proname LIKE 'rt\\_%' LOOP EXECUTE format('ALTER FUNCTION %s SECURITY DEFINER', f.sig); END LOOP; "
        "END $$");

    // Every table and function to the owner; functions callable by nobody but where granted below.
    out << QStringLiteral(
        "DO $$ DECLARE o text := current_database() || '_owner'; s text := current_schema(); r record; "
        "BEGIN FOR r IN SELECT c.relname FROM pg_class c WHERE c.relnamespace = s::regnamespace AND "
        "c.relkind = 'r' LOOP EXECUTE format('ALTER TABLE %I OWNER TO %I', r.relname, o); END LOOP; "
        "FOR r IN SELECT p.oid::regprocedure AS sig, p.prosecdef FROM pg_proc p WHERE p.pronamespace = "
        "s::regnamespace AND p.proname LIKE 'rt\\_%' LOOP "
        "EXECUTE format('ALTER FUNCTION %s OWNER TO %I', r.sig, o); "
        "EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', r.sig); "
        "IF r.prosecdef THEN EXECUTE format('ALTER FUNCTION %s SET search_path = %I, pg_temp', r.sig, s); "
        "END IF; END LOOP; END $$");

    // Grants. Functions every login may call (they tell the caller about itself only).
    QStringList grants;
    for (const char *f : {"rt_role_name(text)", "rt_has(text)", "rt_sees_all()", "rt_my_units()",
                          "rt_login_kinds()", "rt_audit_head()", "rt_session_start(text)",
                          "rt_user_add(text, text, text, text[])", "rt_user_remove(text)", "rt_user_list()"})
        grants << QStringLiteral("GRANT EXECUTE ON FUNCTION %1 TO PUBLIC").arg(QLatin1String(f));
    const QStringList reference = names(kReference);
    const QStringList problemData = names(kProblemData);
    const QStringList derived = names(kDerived);
    const QStringList officeRegisters = names(kOfficeRegisters);
    QStringList body;
    auto grant = [&](const QString &privileges, const QStringList &tables, const QString &kind) {
        for (const QString &t : tables)
            body << dynamic(QStringLiteral("GRANT %1 ON %2 TO %R(%3)").arg(privileges, t, kind));
    };
    body << exchangeGrants();
    for (const QString &k : roleKinds())
        grant(QStringLiteral("SELECT"), {QStringLiteral("schema_version"), QStringLiteral("meta")}, k);
    const QString all = QStringLiteral("SELECT, INSERT, UPDATE, DELETE");
    // office: the whole register.
    grant(all, reference + problemData + officeRegisters, QStringLiteral("office"));
    // The derived tables too: a bulk import fills the statistics rows of its new problems at its
    // end, in grouped statements (ProblemFactsDeferral), as the importing login.
    grant(all, derived, QStringLiteral("office"));
    grant(QStringLiteral("SELECT, INSERT"), {QStringLiteral("audit_log")}, QStringLiteral("office"));
    // leader: reads everything a report needs.
    grant(QStringLiteral("SELECT"),
          reference + problemData + derived + officeRegisters + QStringList{QStringLiteral("audit_log")},
          QStringLiteral("leader"));
    // sysadmin: the reference data; reads the rest for backups (a backup is a whole copy).
    grant(QStringLiteral("SELECT"),
          reference + problemData + derived + officeRegisters + QStringList{QStringLiteral("audit_log")},
          QStringLiteral("sysadmin"));
    grant(QStringLiteral("INSERT, UPDATE, DELETE"), reference, QStringLiteral("sysadmin"));
    grant(QStringLiteral("INSERT"), {QStringLiteral("audit_log")}, QStringLiteral("sysadmin"));
    // unit: its problems' rows (row-level security below).
    grant(QStringLiteral("SELECT"), reference + derived, QStringLiteral("unit"));
    grant(QStringLiteral(
              "SELECT, UPDATE (progress, state, completed_date, closed_out_date, note, version, deleted_at)"),
          {QStringLiteral("problems")}, QStringLiteral("unit"));
    grant(QStringLiteral("SELECT"), {QStringLiteral("inspections"), QStringLiteral("supervision_actions")},
          QStringLiteral("unit"));
    grant(QStringLiteral("SELECT, INSERT, DELETE"),
          {QStringLiteral("problem_states"), QStringLiteral("extension_requests")}, QStringLiteral("unit"));
    grant(all,
          {QStringLiteral("measures"), QStringLiteral("measure_problems"), QStringLiteral("progress_entries"),
           QStringLiteral("evidence")},
          QStringLiteral("unit"));
    grant(QStringLiteral("SELECT, INSERT"), {QStringLiteral("reviews"), QStringLiteral("audit_log")},
          QStringLiteral("unit"));
    // auditor: the audit log and the login history.
    grant(QStringLiteral("SELECT"), {QStringLiteral("audit_log"), QStringLiteral("login_history")},
          QStringLiteral("auditor"));
    for (const char *k : {"office", "unit", "sysadmin"})
        body << dynamic(QStringLiteral("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %R(schema) TO %R(%1)")
                            .arg(QLatin1String(k)));

    // Row-level security, forced on the owner too (its policy lets the triggers see everything).
    // term_units too: a unit login's coverage is that of its own units.
    const QStringList secured =
        problemData + derived + QStringList{QStringLiteral("audit_log"), QStringLiteral("term_units")};
    for (const QString &t : secured) {
        body << QStringLiteral("EXECUTE 'ALTER TABLE %1 ENABLE ROW LEVEL SECURITY';").arg(t)
             << QStringLiteral("EXECUTE 'ALTER TABLE %1 FORCE ROW LEVEL SECURITY';").arg(t);
        QString everyone = QStringLiteral("%R(owner), %R(office), %R(leader), %R(sysadmin)");
        if (t == QLatin1String("audit_log"))
            everyone += QStringLiteral(", %R(auditor)");
        body << dynamic(QStringLiteral("CREATE POLICY rt_all ON %1 TO %2 USING (true) WITH CHECK (true)")
                            .arg(t, everyone));
        if (t == QLatin1String("problem_tally"))
            continue; // counts over all units: a unit login's statistics come from problem_facts
        body << dynamic(unitPolicy(t));
    }
    out << grants << doBlock(body);
    return out;
}

} // namespace rectrack::core::postgres
