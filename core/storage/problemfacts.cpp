#include "problemfacts.h"

#include "schema.h"

#include <algorithm>
#include <limits>

namespace rectrack::core {

namespace {

#define RT_TRY(expr)                                                                                         \
    do {                                                                                                     \
        if (const Status s_ = (expr); !s_)                                                                   \
            return s_;                                                                                       \
    } while (0)

/// The schema's statement creating trigger @p name.
QString triggerStatement(const char *name)
{
    const QString prefix = QStringLiteral("CREATE TRIGGER %1 ").arg(QLatin1String(name));
    for (const QString &s : schema::createStatements()) {
        if (s.startsWith(prefix))
            return s;
    }
    return {};
}

Status run(Database &db, const QString &sql, const QVariantList &binds = {})
{
    if (auto r = db.exec(sql, binds); !r)
        return r.error();
    return okStatus();
}

/// Deletes the problem_facts rows of problems above @p after and computes them again, adding
/// them to problem_tally in one grouped statement instead of row by row. A file drops the tally's
/// insert trigger meanwhile; a server keeps its triggers (no DDL while others work) and has them
/// leave those problems out instead (Dialect::deferFacts), for this transaction only.
Status refill(Database &db, qint64 after)
{
    const QVariantList binds{after};
    const bool suspend = db.dialect().suspendsTriggers();
    RT_TRY(run(db, QStringLiteral("DELETE FROM problem_facts WHERE problem_id > ?"), binds));
    if (!suspend) {
        // A server's state-history trigger leaves these problems' latest states to this fill too
        // (schema step 9 → 10; a file keeps that trigger): each one's last entry by (changed_on, id).
        RT_TRY(run(db, QStringLiteral("DELETE FROM problem_latest_state WHERE problem_id > ?"), binds));
        RT_TRY(run(db,
                   QStringLiteral("INSERT INTO problem_latest_state(problem_id, changed_on, state) SELECT "
                                  "problem_id, changed_on, state FROM (SELECT problem_id, changed_on, state, "
                                  "row_number() OVER (PARTITION BY problem_id ORDER BY changed_on DESC, id "
                                  "DESC) AS rn FROM problem_states WHERE problem_id > ?) AS s WHERE rn = 1"),
                   binds));
    }
    // Problem ids are positive: deferring above 0 defers them all (a negative bound ends deferral).
    RT_TRY(run(db, suspend ? QStringLiteral("DROP TRIGGER problem_facts_tally_ai")
                           : db.dialect().deferFacts(std::max<qint64>(after, 0))));
    const bool extensions =
        db.scalar(QStringLiteral("SELECT EXISTS (SELECT 1 FROM extension_requests WHERE problem_id > ? AND "
                                 "decision = 'approved')"),
                  binds)
            .toBool();
    RT_TRY(run(db, schema::problemFactsFill(QStringLiteral("p.id > ?"), extensions), binds));
    RT_TRY(run(db, db.dialect().tallyFill(QStringLiteral("f.problem_id > ?")), binds));
    return run(db, suspend ? triggerStatement("problem_facts_tally_ai") : db.dialect().deferFacts(-1));
}

} // namespace

ProblemFactsDeferral::ProblemFactsDeferral(Database &db) : m_db(db)
{
    if (db.transactionDepth() == 0) {
        m_error =
            Error{ErrorCode::Internal, tr("The statistics table can only be deferred inside a transaction.")};
        return;
    }
    m_lastProblem = db.scalar(QStringLiteral("SELECT coalesce(max(id), 0) FROM problems")).toLongLong();
    m_lastMeasure = db.scalar(QStringLiteral("SELECT coalesce(max(id), 0) FROM measures")).toLongLong();
    if (!db.dialect().suspendsTriggers()) {
        // A server keeps every trigger (no DDL while others work): they leave the new problems out
        // for this transaction, and keep the older problems' rows right as the inserts go.
        if (const Status s = run(db, db.dialect().deferFacts(m_lastProblem)); !s) {
            m_error = s.error();
            return;
        }
        m_active = true;
        m_keptTriggers = true;
        return;
    }
    for (const char *name : {"problems_facts_ai", "measures_facts_ai"}) {
        if (const Status s = run(db, QStringLiteral("DROP TRIGGER IF EXISTS %1").arg(QLatin1String(name)));
            !s) {
            m_error = s.error();
            return;
        }
    }
    m_active = true;
}

Status ProblemFactsDeferral::finish()
{
    if (!m_active)
        return m_error;
    if (m_keptTriggers) {
        m_active = false;
        return refill(m_db, m_lastProblem);
    }
    // Older problems that got measures meanwhile (the update keeps problem_tally right); the new
    // problems are computed afresh by refill.
    RT_TRY(
        run(m_db,
            QStringLiteral("UPDATE problem_facts SET measures = (SELECT count(*) FROM measures m WHERE "
                           "m.problem_id = problem_facts.problem_id) WHERE problem_id <= ? AND problem_id IN "
                           "(SELECT problem_id FROM measures WHERE id > ?)"),
            {m_lastProblem, m_lastMeasure}));
    RT_TRY(refill(m_db, m_lastProblem));
    for (const char *name : {"problems_facts_ai", "measures_facts_ai"})
        RT_TRY(run(m_db, triggerStatement(name)));
    m_active = false;
    return okStatus();
}

Status ProblemFactsDeferral::rebuild(Database &db)
{
    Transaction tx(db);
    if (!tx.active())
        return tx.error();
    if (db.dialect().suspendsTriggers()) {
        RT_TRY(run(db, QStringLiteral("DROP TRIGGER problem_facts_tally_ad")));
        RT_TRY(run(db, QStringLiteral("DELETE FROM problem_facts")));
        RT_TRY(run(db, triggerStatement("problem_facts_tally_ad")));
    } else {
        RT_TRY(run(db, QStringLiteral("DELETE FROM problem_facts")));
    }
    RT_TRY(run(db, QStringLiteral("DELETE FROM problem_tally")));
    RT_TRY(refill(db, std::numeric_limits<qint64>::min()));
    return tx.commit();
}

#undef RT_TRY

namespace {

// The rows of problem_facts recomputed from the base tables (the history's last entry, the last
// approved problem-level extension), as the triggers of step 4 keep them.
const char *const kFactsRecomputed =
    "WITH h AS (SELECT problem_id, changed_on, state FROM (SELECT problem_id, changed_on, state, "
    "row_number() OVER (PARTITION BY problem_id ORDER BY changed_on DESC, id DESC) AS rn FROM "
    "problem_states) AS s WHERE rn = 1), x AS (SELECT problem_id, decided_on, requested_deadline FROM "
    "(SELECT problem_id, decided_on, requested_deadline, row_number() OVER (PARTITION BY problem_id "
    "ORDER BY decided_on DESC, id DESC) AS rn FROM extension_requests WHERE measure_id IS NULL AND "
    "decision = 'approved' AND decided_on IS NOT NULL) AS s WHERE rn = 1), r AS (SELECT p.id, p.unit_id, "
    "p.inspection_id, p.category_id, p.source_level, p.responsible_office, p.lead_leader, "
    "p.feedback_date, coalesce(h.state, 'registered'), h.changed_on, coalesce(x.requested_deadline, "
    "p.original_deadline), x.decided_on, (SELECT count(*) FROM measures m WHERE m.problem_id = p.id) "
    "FROM problems p LEFT JOIN h ON h.problem_id = p.id LEFT JOIN x ON x.problem_id = p.id WHERE "
    "p.deleted_at IS NULL) SELECT (SELECT count(*) FROM (SELECT * FROM r EXCEPT SELECT * FROM "
    "problem_facts) AS a) + (SELECT count(*) FROM (SELECT * FROM problem_facts EXCEPT SELECT * FROM r) AS b)";

// problem_latest_state recomputed from the history (step 3), compared both ways.
const char *const kLatestRecomputed =
    "WITH r AS (SELECT problem_id, changed_on, state FROM (SELECT problem_id, changed_on, state, "
    "row_number() OVER (PARTITION BY problem_id ORDER BY changed_on DESC, id DESC) AS rn FROM "
    "problem_states) AS s WHERE rn = 1) SELECT (SELECT count(*) FROM (SELECT * FROM r EXCEPT SELECT "
    "problem_id, changed_on, state FROM problem_latest_state) AS a) + (SELECT count(*) FROM (SELECT "
    "problem_id, changed_on, state FROM problem_latest_state EXCEPT SELECT * FROM r) AS b)";

} // namespace

qint64 ProblemFactsDeferral::staleFacts(Database &db)
{
    return db.scalar(QString::fromLatin1(kFactsRecomputed)).toLongLong();
}

qint64 ProblemFactsDeferral::staleTally(Database &db)
{
    QStringList parts;
    for (const auto &[dim, column] :
         {std::pair{"inspection", "inspection_id"}, std::pair{"unit", "unit_id"},
          std::pair{"category", "category_id"}, std::pair{"source", "source_level"},
          std::pair{"office", "responsible_office"}, std::pair{"leader", "lead_leader"}})
        parts << QStringLiteral(
                     "SELECT '%1', %2, state, count(*), sum(measures) FROM problem_facts GROUP BY %3, "
                     "state")
                     .arg(QLatin1String(dim), db.dialect().tallyValue(QLatin1String(column)),
                          QLatin1String(column));
    const QString sums = parts.join(QStringLiteral(" UNION ALL "));
    return db
        .scalar(
            QStringLiteral("WITH r AS (%1), t AS (SELECT dim, value, state, problems, measures FROM "
                           "problem_tally WHERE problems <> 0 OR measures <> 0) SELECT (SELECT count(*) FROM "
                           "(SELECT * FROM r EXCEPT SELECT * FROM t) AS a) + (SELECT count(*) FROM (SELECT * "
                           "FROM t EXCEPT SELECT * FROM r) AS b)")
                .arg(sums))
        .toLongLong();
}

qint64 ProblemFactsDeferral::staleLatestStates(Database &db)
{
    return db.scalar(QString::fromLatin1(kLatestRecomputed)).toLongLong();
}

} // namespace rectrack::core
