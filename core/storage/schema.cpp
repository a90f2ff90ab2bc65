#include "schema.h"

#include <utility>

namespace rectrack::core::schema {

namespace {

// Common columns: integer id for joins, a UUID for exchange and merging between machines.
#define RT_ID "id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE"

const char *const kCreate[] = {
    // Register-wide settings: reference_date, warning thresholds, number pattern, operator.
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)",

    // 届: a party committee's term; its must-cover list is term_units.
    "CREATE TABLE terms (" RT_ID ", name TEXT NOT NULL, start_date TEXT, end_date TEXT)",
    // 轮/批: a round and batch of inspections within a term.
    "CREATE TABLE rounds (" RT_ID ", term_id INTEGER REFERENCES terms(id), label TEXT NOT NULL, "
    "round_no INTEGER, batch_no INTEGER, start_date TEXT, plan_months INTEGER NOT NULL DEFAULT 1, "
    "concentrated_months INTEGER NOT NULL DEFAULT 3, UNIQUE(label))",
    // 巡察组
    "CREATE TABLE teams (" RT_ID ", name TEXT NOT NULL UNIQUE, leader TEXT)",
    // 被巡察单位 (党组织); category is the coverage category (e.g. 市直单位, 国有企业).
    "CREATE TABLE units (" RT_ID ", name TEXT NOT NULL UNIQUE, category TEXT, district TEXT)",
    // Must-cover list of a term.
    "CREATE TABLE term_units (term_id INTEGER NOT NULL REFERENCES terms(id), "
    "unit_id INTEGER NOT NULL REFERENCES units(id), must_cover INTEGER NOT NULL DEFAULT 1, "
    "uuid TEXT NOT NULL UNIQUE, PRIMARY KEY (term_id, unit_id))",
    // 巡察: one team into one unit.
    "CREATE TABLE inspections (" RT_ID ", round_id INTEGER REFERENCES rounds(id), "
    "unit_id INTEGER NOT NULL REFERENCES units(id), team_id INTEGER REFERENCES teams(id), "
    "kind TEXT NOT NULL DEFAULT 'regular', source_level TEXT NOT NULL DEFAULT 'municipal', "
    "theme TEXT, entry_date TEXT, feedback_date TEXT, plan_due TEXT, report_due TEXT)",
    "CREATE INDEX inspections_unit ON inspections(unit_id)",
    // 问题类别 tree.
    "CREATE TABLE categories (" RT_ID ", parent_id INTEGER REFERENCES categories(id), "
    "name TEXT NOT NULL, sort_order INTEGER NOT NULL DEFAULT 0)",
    // 问题: from 挂号 to 销号.
    "CREATE TABLE problems (" RT_ID ", registration_no TEXT, "
    "inspection_id INTEGER REFERENCES inspections(id), unit_id INTEGER NOT NULL REFERENCES units(id), "
    "source_level TEXT NOT NULL DEFAULT 'municipal', category_id INTEGER REFERENCES categories(id), "
    "description TEXT NOT NULL, example TEXT, root_cause TEXT, responsible_office TEXT, "
    "lead_leader TEXT, responsible_person TEXT, deadline TEXT, original_deadline TEXT, "
    "deadline_note TEXT, state TEXT NOT NULL DEFAULT 'registered', systemic INTEGER NOT NULL DEFAULT 0, "
    "immediate INTEGER NOT NULL DEFAULT 0, feedback_date TEXT NOT NULL, completed_date TEXT, "
    "closed_out_date TEXT, progress TEXT, note TEXT, version INTEGER NOT NULL DEFAULT 1, "
    "repeats_problem_id INTEGER REFERENCES problems(id) ON DELETE SET NULL)",
    "CREATE INDEX problems_unit ON problems(unit_id)",
    "CREATE INDEX problems_inspection ON problems(inspection_id)",
    "CREATE INDEX problems_regno ON problems(registration_no)",
    "CREATE INDEX problems_feedback ON problems(feedback_date)",
    // Dated state history, the basis of every as-of statistic.
    "CREATE TABLE problem_states (id INTEGER PRIMARY KEY, problem_id INTEGER NOT NULL "
    "REFERENCES problems(id) ON DELETE CASCADE, changed_on TEXT NOT NULL, state TEXT NOT NULL, "
    "uuid TEXT NOT NULL UNIQUE)",
    "CREATE INDEX problem_states_by_problem ON problem_states(problem_id, changed_on, id)",
    // 整改措施
    "CREATE TABLE measures (" RT_ID
    ", problem_id INTEGER NOT NULL REFERENCES problems(id) ON DELETE CASCADE, "
    "seq INTEGER NOT NULL DEFAULT 1, content TEXT NOT NULL, type TEXT NOT NULL DEFAULT 'deadline', "
    "owner TEXT, deadline TEXT, deadline_note TEXT, state TEXT NOT NULL DEFAULT 'pending', "
    "completed_date TEXT, version INTEGER NOT NULL DEFAULT 1)",
    "CREATE INDEX measures_problem ON measures(problem_id, seq)",
    // 集成整改: one measure can serve further problems besides its own.
    "CREATE TABLE measure_problems (measure_id INTEGER NOT NULL REFERENCES measures(id) ON DELETE CASCADE, "
    "problem_id INTEGER NOT NULL REFERENCES problems(id) ON DELETE CASCADE, uuid TEXT NOT NULL UNIQUE, "
    "PRIMARY KEY (measure_id, problem_id))",
    // 整改进展
    "CREATE TABLE progress_entries (" RT_ID ", problem_id INTEGER NOT NULL REFERENCES problems(id) "
    "ON DELETE CASCADE, measure_id INTEGER REFERENCES measures(id) ON DELETE CASCADE, "
    "entry_date TEXT NOT NULL, text TEXT NOT NULL, author TEXT)",
    "CREATE INDEX progress_problem ON progress_entries(problem_id, entry_date)",
    // 佐证材料, stored inside the register.
    "CREATE TABLE evidence (" RT_ID
    ", problem_id INTEGER NOT NULL REFERENCES problems(id) ON DELETE CASCADE, "
    "measure_id INTEGER REFERENCES measures(id) ON DELETE SET NULL, "
    "progress_id INTEGER REFERENCES progress_entries(id) ON DELETE SET NULL, original_name TEXT NOT NULL, "
    "mime_type TEXT, size INTEGER NOT NULL, sha256 TEXT NOT NULL, added_on TEXT NOT NULL, data BLOB NOT "
    "NULL)",
    "CREATE INDEX evidence_problem ON evidence(problem_id)",
    // 审核: close-out review steps.
    "CREATE TABLE reviews (" RT_ID ", problem_id INTEGER NOT NULL REFERENCES problems(id) ON DELETE CASCADE, "
    "step TEXT NOT NULL, reviewer TEXT NOT NULL, review_date TEXT NOT NULL, approved INTEGER NOT NULL, "
    "opinion TEXT)",
    "CREATE INDEX reviews_problem ON reviews(problem_id)",
    // 申请延期
    "CREATE TABLE extension_requests (" RT_ID ", problem_id INTEGER NOT NULL REFERENCES problems(id) "
    "ON DELETE CASCADE, measure_id INTEGER REFERENCES measures(id) ON DELETE CASCADE, "
    "requested_on TEXT NOT NULL, requested_deadline TEXT NOT NULL, reason TEXT, "
    "decision TEXT NOT NULL DEFAULT 'pending', decided_on TEXT, decided_by TEXT)",
    "CREATE INDEX extensions_problem ON extension_requests(problem_id)",
    // 督办 (including 回访); problem_id or unit_id or both.
    "CREATE TABLE supervision_actions (" RT_ID
    ", problem_id INTEGER REFERENCES problems(id) ON DELETE CASCADE, "
    "unit_id INTEGER REFERENCES units(id), kind TEXT NOT NULL, action_date TEXT NOT NULL, "
    "actor TEXT, note TEXT, campaign TEXT, visitors TEXT, findings TEXT, satisfaction TEXT, follow_up TEXT)",
    // 专项督办: a supervision campaign over a set of rounds.
    "CREATE TABLE campaigns (" RT_ID ", name TEXT NOT NULL, start_date TEXT, end_date TEXT)",
    "CREATE TABLE campaign_rounds (campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE, "
    "round_id INTEGER NOT NULL REFERENCES rounds(id), uuid TEXT NOT NULL UNIQUE, PRIMARY KEY (campaign_id, "
    "round_id))",
    // 问题线索 / 移交
    "CREATE TABLE clues (" RT_ID ", inspection_id INTEGER REFERENCES inspections(id), summary TEXT NOT NULL, "
    "persons_count INTEGER, persons_roles TEXT, receiver TEXT, transfer_date TEXT, due_date TEXT, "
    "disposal_state TEXT NOT NULL DEFAULT 'pending', result TEXT, result_date TEXT)",
    // 抄告单 / 专题报告 / 要情专报
    "CREATE TABLE referrals (" RT_ID ", kind TEXT NOT NULL, number TEXT, issued_on TEXT, recipient TEXT, "
    "subject TEXT NOT NULL, response TEXT, response_date TEXT)",
    "CREATE TABLE referral_problems (referral_id INTEGER NOT NULL REFERENCES referrals(id) ON DELETE "
    "CASCADE, "
    "problem_id INTEGER NOT NULL REFERENCES problems(id) ON DELETE CASCADE, uuid TEXT NOT NULL UNIQUE, "
    "PRIMARY KEY (referral_id, problem_id))",
    // 建章立制
    "CREATE TABLE rules_established (" RT_ID
    ", problem_id INTEGER REFERENCES problems(id) ON DELETE SET NULL, "
    "unit_id INTEGER REFERENCES units(id), name TEXT NOT NULL, established_on TEXT)",
    // 问责: people held accountable, by form (诫勉, 组织处理, 党纪处分 …).
    "CREATE TABLE accountability (" RT_ID ", problem_id INTEGER REFERENCES problems(id) ON DELETE SET NULL, "
    "unit_id INTEGER REFERENCES units(id), form TEXT NOT NULL, persons INTEGER NOT NULL DEFAULT 1, "
    "decided_on TEXT, note TEXT)",
    // 追缴/挽回资金, in yuan.
    "CREATE TABLE funds_recovered (" RT_ID ", problem_id INTEGER REFERENCES problems(id) ON DELETE SET NULL, "
    "unit_id INTEGER REFERENCES units(id), amount_yuan REAL NOT NULL, recovered_on TEXT, note TEXT)",
    // 整改效果评价
    "CREATE TABLE evaluations (" RT_ID ", inspection_id INTEGER REFERENCES inspections(id), "
    "unit_id INTEGER REFERENCES units(id), template TEXT, score REAL, grade TEXT, evaluated_on TEXT, "
    "second_rectification INTEGER NOT NULL DEFAULT 0, note TEXT, criteria_json TEXT)",
    // Named filters of the ledger views.
    "CREATE TABLE saved_views (" RT_ID ", name TEXT NOT NULL UNIQUE, filter_json TEXT NOT NULL)",

    // Audit log: every change, chained by SHA-256 (see AuditLog).
    "CREATE TABLE audit_log (id INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, "
    "entity TEXT NOT NULL, entity_id INTEGER NOT NULL, action TEXT NOT NULL, before_json TEXT, "
    "after_json TEXT, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)",
    "CREATE INDEX audit_entity ON audit_log(entity, entity_id, id)",

    // Full-text search (trigram tokenizer, queries of 3+ characters; shorter ones use instr).
    "CREATE VIRTUAL TABLE problems_fts USING fts5(description, example, progress, content='problems', "
    "content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER problems_fts_ai AFTER INSERT ON problems BEGIN INSERT INTO problems_fts(rowid, "
    "description, example, progress) VALUES (new.id, new.description, new.example, new.progress); END",
    "CREATE TRIGGER problems_fts_ad AFTER DELETE ON problems BEGIN INSERT INTO problems_fts(problems_fts, "
    "rowid, description, example, progress) VALUES ('delete', old.id, old.description, old.example, "
    "old.progress); END",
    "CREATE TRIGGER problems_fts_au AFTER UPDATE OF description, example, progress ON problems BEGIN "
    "INSERT INTO problems_fts(problems_fts, rowid, description, example, progress) VALUES ('delete', "
    "old.id, old.description, old.example, old.progress); INSERT INTO problems_fts(rowid, description, "
    "example, progress) VALUES (new.id, new.description, new.example, new.progress); END",
    "CREATE VIRTUAL TABLE measures_fts USING fts5(content, content='measures', content_rowid='id', "
    "tokenize='trigram')",
    "CREATE TRIGGER measures_fts_ai AFTER INSERT ON measures BEGIN INSERT INTO measures_fts(rowid, content) "
    "VALUES (new.id, new.content); END",
    "CREATE TRIGGER measures_fts_ad AFTER DELETE ON measures BEGIN INSERT INTO measures_fts(measures_fts, "
    "rowid, content) VALUES ('delete', old.id, old.content); END",
    "CREATE TRIGGER measures_fts_au AFTER UPDATE OF content ON measures BEGIN INSERT INTO "
    "measures_fts(measures_fts, rowid, content) VALUES ('delete', old.id, old.content); INSERT INTO "
    "measures_fts(rowid, content) VALUES (new.id, new.content); END",
};

#undef RT_ID

} // namespace

QStringList createStatements()
{
    QStringList out;
    for (const char *s : kCreate)
        out << QString::fromUtf8(s);
    for (const QStringList &step : migrationSteps())
        out << step;
    return out;
}

// The body of a problem_latest_state trigger for the problem of row R (new or old): that
// problem's last history entry by (changed_on, id), or no row when it has none left.
#define RT_LATEST(R)                                                                                         \
    "DELETE FROM problem_latest_state WHERE problem_id = " R ".problem_id; INSERT INTO "                     \
    "problem_latest_state(problem_id, changed_on, state) SELECT problem_id, changed_on, state FROM "         \
    "problem_states WHERE problem_id = " R ".problem_id ORDER BY changed_on DESC, id DESC LIMIT 1;"

// A problem's row of problem_facts, computed from the register (problems with problem_latest_state,
// extension_requests and measures) for the problems the condition C selects; soft-deleted problems
// have no row. The deadline is the last extension approved (with a decision date) by
// (decided_on, id), else the original one, as Statistics' per-date lookup without a date bound.
#define RT_FACTS_SELECT(C)                                                                                   \
    "SELECT p.id, p.unit_id, p.inspection_id, p.category_id, p.source_level, p.responsible_office, "         \
    "p.lead_leader, p.feedback_date, coalesce(l.state, 'registered'), l.changed_on, "                        \
    "coalesce(e.requested_deadline, p.original_deadline), e.decided_on, (SELECT count(*) FROM measures m "   \
    "WHERE m.problem_id = p.id) FROM problems p LEFT JOIN problem_latest_state l ON l.problem_id = p.id "    \
    "LEFT JOIN extension_requests e ON e.id = (SELECT x.id FROM extension_requests x WHERE x.problem_id = "  \
    "p.id AND x.measure_id IS NULL AND x.decision = 'approved' AND x.decided_on IS NOT NULL ORDER BY "       \
    "x.decided_on DESC, x.id DESC LIMIT 1) WHERE " C " AND p.deleted_at IS NULL"

// RT_FACTS_SELECT for problems without an approved extension: the original deadline.
#define RT_FACTS_SELECT_NO_EXTENSIONS(C)                                                                     \
    "SELECT p.id, p.unit_id, p.inspection_id, p.category_id, p.source_level, p.responsible_office, "         \
    "p.lead_leader, p.feedback_date, coalesce(l.state, 'registered'), l.changed_on, p.original_deadline, "   \
    "NULL, (SELECT count(*) FROM measures m WHERE m.problem_id = p.id) FROM problems p LEFT JOIN "           \
    "problem_latest_state l ON l.problem_id = p.id WHERE " C " AND p.deleted_at IS NULL"

// Recomputes the problem_facts row of problem X (an SQL expression).
#define RT_FACTS(X)                                                                                          \
    "DELETE FROM problem_facts WHERE problem_id = " X                                                        \
    "; INSERT INTO problem_facts " RT_FACTS_SELECT("p.id = " X) ";"

// Copies the latest state of the problem of row R (new or old) from problem_latest_state into its
// problem_facts row.
#define RT_FACTS_STATE(R)                                                                                    \
    "UPDATE problem_facts SET state = coalesce((SELECT l.state FROM problem_latest_state l WHERE "           \
    "l.problem_id = " R ".problem_id), 'registered'), state_changed_on = (SELECT l.changed_on FROM "         \
    "problem_latest_state l WHERE l.problem_id = " R ".problem_id) WHERE problem_id = " R ".problem_id;"

// Recounts the measures of problem X in its problem_facts row.
#define RT_FACTS_MEASURES(X)                                                                                 \
    "UPDATE problem_facts SET measures = (SELECT count(*) FROM measures WHERE problem_id = " X               \
    ") WHERE problem_id = " X ";"

// problem_tally rows of the problem_facts row R (new or old), each counting N problems (1 or -1):
// one per grouping column (dim), keyed by quote() of the value so that NULL, '' and numbers stay
// distinct groups, as GROUP BY keeps them.
#define RT_TALLY_ROWS(R, N)                                                                                  \
    "SELECT * FROM (VALUES ('inspection', quote(" R ".inspection_id), " R ".inspection_id, " R ".state, " N  \
    ", " N " * " R ".measures), ('unit', quote(" R ".unit_id), " R ".unit_id, " R ".state, " N ", " N        \
    " * " R ".measures), ('category', quote(" R ".category_id), " R ".category_id, " R ".state, " N ", " N   \
    " * " R ".measures), ('source', quote(" R ".source_level), " R ".source_level, " R ".state, " N ", " N   \
    " * " R ".measures), ('office', quote(" R ".responsible_office), " R ".responsible_office, " R           \
    ".state, " N ", " N " * " R ".measures), ('leader', quote(" R ".lead_leader), " R ".lead_leader, " R     \
    ".state, " N ", " N " * " R ".measures))"

// Adds the rows of SELECT S (dim, key, value, state, problems, measures) to problem_tally.
#define RT_TALLY_ADD(S)                                                                                      \
    "INSERT INTO problem_tally(dim, key, value, state, problems, measures) " S                               \
    " WHERE true ON CONFLICT(dim, "                                                                          \
    "key, state) DO UPDATE SET problems = problems + excluded.problems, measures = measures + "              \
    "excluded.measures;"

QList<QStringList> migrationSteps()
{
    return {
        // 1 → 2: soft delete of problems (issue #4). A deleted problem keeps its rows; every
        // ledger, statistic and report reads "deleted_at IS NULL".
        {QStringLiteral("ALTER TABLE problems ADD COLUMN deleted_at TEXT")},
        // 2 → 3: scale (issue #11). A covering index for the per-problem as-of lookups (the state
        // is read from the index, no table read per problem), which replaces
        // problem_states_by_problem (its prefix); the importer's and findByRegistrationNo's lookup
        // of a number within a unit; and problem_latest_state, each problem's last history entry
        // by (changed_on, id), kept by triggers on problem_states whatever writes them (services,
        // bulk inserts, imports, the sqlite3 shell). Statistics read it instead of the history when
        // the as-of date is on or after every changed_on (Statistics::compute). It is derived data:
        // not audited, and filled here for the existing rows.
        {
            QStringLiteral(
                "CREATE INDEX problem_states_asof ON problem_states(problem_id, changed_on, id, state)"),
            QStringLiteral("DROP INDEX problem_states_by_problem"),
            QStringLiteral("CREATE INDEX problems_unit_regno ON problems(unit_id, registration_no)"),
            QStringLiteral(
                "CREATE TABLE problem_latest_state (problem_id INTEGER PRIMARY KEY, changed_on TEXT NOT "
                "NULL, state TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX problem_latest_state_changed ON problem_latest_state(changed_on)"),
            QStringLiteral(
                "INSERT INTO problem_latest_state(problem_id, changed_on, state) SELECT problem_id, "
                "changed_on, state FROM (SELECT problem_id, changed_on, state, row_number() OVER "
                "(PARTITION BY problem_id ORDER BY changed_on DESC, id DESC) AS rn FROM "
                "problem_states) WHERE rn = 1"),
            QStringLiteral(
                "CREATE TRIGGER problem_states_latest_ai AFTER INSERT ON problem_states BEGIN " RT_LATEST(
                    "new") " END"),
            QStringLiteral(
                "CREATE TRIGGER problem_states_latest_au AFTER UPDATE ON problem_states BEGIN " RT_LATEST(
                    "old") " " RT_LATEST("new") " END"),
            QStringLiteral(
                "CREATE TRIGGER problem_states_latest_ad AFTER DELETE ON problem_states BEGIN " RT_LATEST(
                    "old") " END"),
        },
        // 3 → 4: statistics at scale (issue #11). problem_facts holds, per live problem, what the
        // counts read: the grouping columns, the feedback date, the latest state and its date, the
        // current deadline and the decision date of the extension that set it, and the number of
        // measures. Kept by triggers on problems (insert, delete, update of those columns or of
        // deleted_at: soft delete removes the row, restore puts it back), problem_states (step 3's
        // triggers, redefined), measures and extension_requests, whatever writes them; bulk writers
        // defer the insert triggers and fill the new rows once (ProblemFactsDeferral). problem_tally
        // sums the rows per grouping column and state. Statistics read the tally for the dashboard
        // and otherwise scan the narrow table, looking a state or deadline up in the history only
        // when it changed after the as-of date. Derived data: not audited, filled here.
        {
            QStringLiteral(
                "CREATE TABLE problem_facts (problem_id INTEGER PRIMARY KEY, unit_id INTEGER, inspection_id "
                "INTEGER, category_id INTEGER, source_level TEXT, responsible_office TEXT, lead_leader TEXT, "
                "feedback_date TEXT, state TEXT NOT NULL, state_changed_on TEXT, deadline TEXT, "
                "deadline_decided_on TEXT, measures INTEGER NOT NULL)"),
            QStringLiteral("INSERT INTO problem_facts " RT_FACTS_SELECT("1")),
            // Problems by state and deadline: the overdue counts on a date, index-only for the total and
            // by round or unit (no partial index: opening a register reads every index without a WHERE).
            QStringLiteral(
                "CREATE INDEX problem_facts_state ON problem_facts(state, deadline, inspection_id, unit_id)"),
            // problem_tally: the number of live problems and of their measures per grouping column
            // (dim: inspection, unit, category, source, office, leader), value and latest state, kept
            // from problem_facts by triggers. Rows may fall to 0 problems and stay.
            QStringLiteral(
                "CREATE TABLE problem_tally (dim TEXT NOT NULL, key TEXT NOT NULL, value, state TEXT NOT "
                "NULL, "
                "problems INTEGER NOT NULL, measures INTEGER NOT NULL, PRIMARY KEY (dim, key, state))"),
            problemTallyFill(),
            QStringLiteral(
                "CREATE TRIGGER problem_facts_tally_ai AFTER INSERT ON problem_facts BEGIN " RT_TALLY_ADD(
                    RT_TALLY_ROWS("new", "1")) " END"),
            QStringLiteral(
                "CREATE TRIGGER problem_facts_tally_au AFTER UPDATE ON problem_facts WHEN old.state IS NOT "
                "new.state OR old.measures IS NOT new.measures OR old.inspection_id IS NOT new.inspection_id "
                "OR "
                "old.unit_id IS NOT new.unit_id OR old.category_id IS NOT new.category_id OR "
                "old.source_level "
                "IS NOT new.source_level OR old.responsible_office IS NOT new.responsible_office OR "
                "old.lead_leader IS NOT new.lead_leader BEGIN " RT_TALLY_ADD(RT_TALLY_ROWS("old", "-1"))
                    RT_TALLY_ADD(RT_TALLY_ROWS("new", "1")) " END"),
            QStringLiteral(
                "CREATE TRIGGER problem_facts_tally_ad AFTER DELETE ON problem_facts BEGIN " RT_TALLY_ADD(
                    RT_TALLY_ROWS("old", "-1")) " END"),
            QStringLiteral(
                "CREATE TRIGGER problems_facts_ai AFTER INSERT ON problems BEGIN " RT_FACTS("new.id") " END"),
            QStringLiteral("CREATE TRIGGER problems_facts_au AFTER UPDATE OF id, unit_id, inspection_id, "
                           "category_id, source_level, responsible_office, lead_leader, feedback_date, "
                           "original_deadline, deleted_at ON problems BEGIN DELETE FROM problem_facts WHERE "
                           "problem_id = old.id; " RT_FACTS("new.id") " END"),
            QStringLiteral("CREATE TRIGGER problems_facts_ad AFTER DELETE ON problems BEGIN DELETE FROM "
                           "problem_facts WHERE problem_id = old.id; END"),
            // The state history's triggers of step 3 also set the problem's latest state in its
            // facts row (inline: a trigger on problem_latest_state would run twice per change).
            QStringLiteral("DROP TRIGGER problem_states_latest_ai"),
            QStringLiteral("DROP TRIGGER problem_states_latest_au"),
            QStringLiteral("DROP TRIGGER problem_states_latest_ad"),
            QStringLiteral(
                "CREATE TRIGGER problem_states_latest_ai AFTER INSERT ON problem_states BEGIN " RT_LATEST(
                    "new") " " RT_FACTS_STATE("new") " END"),
            QStringLiteral(
                "CREATE TRIGGER problem_states_latest_au AFTER UPDATE ON problem_states BEGIN " RT_LATEST(
                    "old") " " RT_FACTS_STATE("old") " " RT_LATEST("new") " " RT_FACTS_STATE("new") " END"),
            QStringLiteral(
                "CREATE TRIGGER problem_states_latest_ad AFTER DELETE ON problem_states BEGIN " RT_LATEST(
                    "old") " " RT_FACTS_STATE("old") " END"),
            QStringLiteral(
                "CREATE TRIGGER measures_facts_ai AFTER INSERT ON measures BEGIN " RT_FACTS_MEASURES(
                    "new.problem_id") " END"),
            QStringLiteral(
                "CREATE TRIGGER measures_facts_au AFTER UPDATE OF problem_id ON measures "
                "BEGIN " RT_FACTS_MEASURES("old.problem_id") " " RT_FACTS_MEASURES("new.problem_id") " END"),
            QStringLiteral(
                "CREATE TRIGGER measures_facts_ad AFTER DELETE ON measures BEGIN " RT_FACTS_MEASURES(
                    "old.problem_id") " END"),
            QStringLiteral("CREATE TRIGGER extension_requests_facts_ai AFTER INSERT ON extension_requests "
                           "BEGIN " RT_FACTS("new.problem_id") " END"),
            QStringLiteral("CREATE TRIGGER extension_requests_facts_au AFTER UPDATE ON extension_requests "
                           "BEGIN " RT_FACTS("old.problem_id") " " RT_FACTS("new.problem_id") " END"),
            QStringLiteral("CREATE TRIGGER extension_requests_facts_ad AFTER DELETE ON extension_requests "
                           "BEGIN " RT_FACTS("old.problem_id") " END"),
        },
        // 4 → 5: a problem's history (AuditHistory::forProblem, the History… dialog) finds the
        // entries of its child rows by the problem_id in their snapshots: without an index that
        // read every entry of the audit log (2.2 s CPU for 1.7 million entries at 100,000
        // problems; 0.2 ms with it). An index on exactly that expression (the query repeats it
        // verbatim). Not partial: Database::checkRootPages reads every index with INDEXED BY,
        // which SQLite refuses for a partial one. Building it on that register: 3.7 s CPU, 24 MB.
        {
            QStringLiteral(
                "CREATE INDEX audit_problem ON audit_log(coalesce(json_extract(after_json, '$.problem_id'), "
                "json_extract(before_json, '$.problem_id')), id)"),
        },
        // 5 → 6: common and recurring problems (共性问题, 屡查屡犯, issue #27). A pattern is a set of
        // problems a person confirmed as the same problem (named, audited); pattern_members holds
        // its members and, with excluded = 1, the problems a person took out of it, so that they are
        // not suggested for it again. Referrals (抄告单) and rules (建章立制) raised from a pattern
        // name it; a rule-building item has an owner and a due date until it is established.
        {
            QStringLiteral(
                "CREATE TABLE patterns (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, name TEXT "
                "NOT NULL, created_on TEXT, note TEXT)"),
            QStringLiteral(
                "CREATE TABLE pattern_members (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, "
                "pattern_id INTEGER NOT NULL REFERENCES patterns(id) ON DELETE CASCADE, problem_id "
                "INTEGER NOT NULL REFERENCES problems(id) ON DELETE CASCADE, excluded INTEGER NOT "
                "NULL DEFAULT 0, UNIQUE (pattern_id, problem_id))"),
            QStringLiteral("CREATE INDEX pattern_members_problem ON pattern_members(problem_id)"),
            QStringLiteral("ALTER TABLE referrals ADD COLUMN pattern_id INTEGER REFERENCES patterns(id) ON "
                           "DELETE SET NULL"),
            QStringLiteral(
                "ALTER TABLE rules_established ADD COLUMN pattern_id INTEGER REFERENCES patterns(id) "
                "ON DELETE SET NULL"),
            QStringLiteral("ALTER TABLE referrals ADD COLUMN copy_to TEXT"),
            QStringLiteral("ALTER TABLE referrals ADD COLUMN due_date TEXT"),
            QStringLiteral("ALTER TABLE rules_established ADD COLUMN owner TEXT"),
            QStringLiteral("ALTER TABLE rules_established ADD COLUMN due_date TEXT"),
        },
        // 6 → 7: exchange packages between registers (issue #25, core/exchange/). See
        // exchangeStatements().
        exchangeStatements(),
        // 7 → 8: live updates on a server (issue #24, postgres::liveUpdateStatements()); a file has
        // nothing to change.
        {},
        // 8 → 9: possible duplicate units (issue #26), unitDuplicateStatements().
        unitDuplicateStatements(),
        // 9 → 10: less trigger work per row of a bulk insert on a server
        // (postgres::bulkWriteStatements()); a file suspends its triggers instead and has nothing to
        // change.
        {},
        // 10 → 11: on a server, indexes for search terms of one or two characters
        // (postgres::textCharactersStatements()); a file scans such terms and has nothing to change.
        {},
        // 11 → 12: on a server, less work per row of a bulk insert again
        // (postgres::insertTriggerStatements()); nothing to change in a file.
        {},
    };
}

QStringList unitDuplicateStatements()
{
    // units without UNIQUE on name: SQLite cannot drop a constraint, so the table is copied under
    // the same ids (every reference stays right) and renamed; Database::migrate runs the step with
    // foreign keys off and checks them afterwards. unit_duplicates: a partner's unit whose name
    // (trimmed, NFKC) is that of a unit of another site here, found by the exchange import, for a
    // person to merge (statistics, tree and reports count the two as unit_id) or keep apart. The
    // ids are plain integers, not foreign keys: a tombstone of the partner's unit must not be held
    // up by the record. Audited: each decision is an audit entry.
    return {
        QStringLiteral(
            "CREATE TABLE units_v9 (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, name TEXT NOT "
            "NULL, category TEXT, district TEXT)"),
        QStringLiteral("INSERT INTO units_v9 (id, uuid, name, category, district) SELECT id, uuid, name, "
                       "category, district FROM units"),
        QStringLiteral("DROP TABLE units"),
        QStringLiteral("ALTER TABLE units_v9 RENAME TO units"),
        QStringLiteral("CREATE INDEX units_name ON units(name)"),
        QStringLiteral("CREATE TABLE unit_duplicates (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, "
                       "unit_id INTEGER "
                       "NOT NULL, other_unit_id INTEGER NOT NULL, partner TEXT NOT NULL, found_at TEXT NOT "
                       "NULL, decision "
                       "TEXT NOT NULL DEFAULT 'open', decided_by TEXT, decided_at TEXT, UNIQUE (unit_id, "
                       "other_unit_id))"),
    };
}

QStringList exchangeStatements()
{
    // exchange_sites: this register's own site (is_self = 1: office name, Ed25519 key pair; the
    // private key is a BLOB, left out of audit snapshots) and its partner sites (office name, site
    // UUID once known, public key and its fingerprint, the last sequence sent to and received from
    // each, and the highest of ours each has acknowledged). exchange_packages: every package sent
    // and received (UNIQUE per direction, site and sequence: a replay cannot be applied twice even
    // by two processes at once). Both audited. exchange_rows: the rows this register holds for
    // other sites, by UUID: owner, the owner's version last applied, tombstone flag, and the local
    // row a row of the same name stands for (alias_of). Rows without an entry are this site's own;
    // a side table rather than an owner column on every table keeps the exchanged tables and their
    // audit snapshots as they were. Bookkeeping, not audited (as problem_facts). exchange_conflicts:
    // rows a package could not apply (owned here, owned by a third site, a name taken, a reference
    // missing), for the conflict queue; audited.
    return {
        QStringLiteral(
            "CREATE TABLE exchange_sites (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, site_uuid "
            "TEXT UNIQUE, office TEXT NOT NULL, public_key TEXT, fingerprint TEXT, private_key BLOB, is_self "
            "INTEGER NOT NULL DEFAULT 0, last_sent_seq INTEGER NOT NULL DEFAULT 0, last_received_seq INTEGER "
            "NOT NULL DEFAULT 0, acked_seq INTEGER NOT NULL DEFAULT 0, added_on TEXT)"),
        QStringLiteral(
            "CREATE TABLE exchange_packages (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, direction "
            "TEXT NOT NULL, partner TEXT NOT NULL, seq INTEGER NOT NULL, sha256 TEXT NOT NULL, file_name "
            "TEXT, audit_id INTEGER, audit_hash TEXT, ack_seq INTEGER, rows_hash TEXT, created TEXT, "
            "counts_json TEXT, UNIQUE (direction, partner, seq))"),
        QStringLiteral(
            "CREATE TABLE exchange_rows (uuid TEXT PRIMARY KEY, entity TEXT NOT NULL, owner_site TEXT NOT "
            "NULL, version INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0, alias_of TEXT)"),
        QStringLiteral(
            "CREATE TABLE exchange_conflicts (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, partner "
            "TEXT NOT NULL, seq INTEGER NOT NULL, entity TEXT NOT NULL, row_uuid TEXT NOT NULL, kind TEXT "
            "NOT "
            "NULL, incoming_json TEXT, recorded_at TEXT, resolution TEXT)"),
        QStringLiteral("CREATE INDEX exchange_conflicts_row ON exchange_conflicts(row_uuid)"),
    };
}

#undef RT_LATEST
#undef RT_FACTS
#undef RT_FACTS_STATE
#undef RT_FACTS_MEASURES

QString problemFactsFill(const QString &condition, bool extensions)
{
    if (!extensions)
        return QStringLiteral("INSERT INTO problem_facts " RT_FACTS_SELECT_NO_EXTENSIONS("%1"))
            .arg(condition);
    // condition: SQL over problems p, e.g. "p.id > 100".
    return QStringLiteral("INSERT INTO problem_facts " RT_FACTS_SELECT("%1")).arg(condition);
}

#undef RT_FACTS_SELECT
#undef RT_FACTS_SELECT_NO_EXTENSIONS

QString problemTallyFill(const QString &condition)
{
    // The facts rows are grouped on every grouping column and the state at once (one sort), then
    // each dim sums those few groups.
    QStringList parts;
    for (const auto &[dim, column] :
         {std::pair{"inspection", "inspection_id"}, std::pair{"unit", "unit_id"},
          std::pair{"category", "category_id"}, std::pair{"source", "source_level"},
          std::pair{"office", "responsible_office"}, std::pair{"leader", "lead_leader"}})
        parts << QStringLiteral("SELECT '%1', quote(c.%2), c.%2, c.state, sum(c.n), sum(c.m) FROM c GROUP BY "
                                "c.%2, c.state")
                     .arg(QLatin1String(dim), QLatin1String(column));
    return QStringLiteral(
               RT_TALLY_ADD(
                   "WITH c AS MATERIALIZED (SELECT inspection_id, unit_id, category_id, source_level, "
                   "responsible_office, lead_leader, state, count(*) AS n, sum(measures) AS m FROM "
                   "problem_facts f WHERE %1 GROUP BY 1, 2, 3, 4, 5, 6, 7) SELECT * FROM (%2)"))
        .arg(condition, parts.join(QStringLiteral(" UNION ALL ")));
}

#undef RT_TALLY_ROWS
#undef RT_TALLY_ADD

QString keyColumn(const QString &table)
{
    static const QStringList linkTables{QStringLiteral("term_units"), QStringLiteral("measure_problems"),
                                        QStringLiteral("campaign_rounds"),
                                        QStringLiteral("referral_problems")};
    return linkTables.contains(table) ? QStringLiteral("rowid") : QStringLiteral("id");
}

QStringList auditedTables()
{
    return {QStringLiteral("terms"),
            QStringLiteral("rounds"),
            QStringLiteral("teams"),
            QStringLiteral("units"),
            QStringLiteral("term_units"),
            QStringLiteral("inspections"),
            QStringLiteral("categories"),
            QStringLiteral("problems"),
            QStringLiteral("problem_states"),
            QStringLiteral("measures"),
            QStringLiteral("measure_problems"),
            QStringLiteral("progress_entries"),
            QStringLiteral("evidence"),
            QStringLiteral("reviews"),
            QStringLiteral("extension_requests"),
            QStringLiteral("supervision_actions"),
            QStringLiteral("campaigns"),
            QStringLiteral("campaign_rounds"),
            QStringLiteral("clues"),
            QStringLiteral("referrals"),
            QStringLiteral("referral_problems"),
            QStringLiteral("rules_established"),
            QStringLiteral("accountability"),
            QStringLiteral("funds_recovered"),
            QStringLiteral("evaluations"),
            QStringLiteral("saved_views"),
            QStringLiteral("patterns"),
            QStringLiteral("pattern_members"),
            QStringLiteral("exchange_sites"),
            QStringLiteral("exchange_packages"),
            QStringLiteral("exchange_conflicts"),
            QStringLiteral("unit_duplicates")};
}

} // namespace rectrack::core::schema
