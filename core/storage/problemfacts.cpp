#include "problemfacts.h"

#include "schema.h"

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
/// them to problem_tally in one grouped statement instead of row by row.
Status refill(Database &db, qint64 after)
{
    const QVariantList binds{after};
    RT_TRY(run(db, QStringLiteral("DELETE FROM problem_facts WHERE problem_id > ?"), binds));
    RT_TRY(run(db, QStringLiteral("DROP TRIGGER problem_facts_tally_ai")));
    const bool extensions =
        db.scalar(QStringLiteral("SELECT EXISTS (SELECT 1 FROM extension_requests WHERE problem_id > ? AND "
                                 "decision = 'approved')"),
                  binds)
            .toBool();
    RT_TRY(run(db, schema::problemFactsFill(QStringLiteral("p.id > ?"), extensions), binds));
    RT_TRY(run(db, schema::problemTallyFill(QStringLiteral("f.problem_id > ?")), binds));
    return run(db, triggerStatement("problem_facts_tally_ai"));
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
    RT_TRY(run(db, QStringLiteral("DROP TRIGGER problem_facts_tally_ad")));
    RT_TRY(run(db, QStringLiteral("DELETE FROM problem_facts")));
    RT_TRY(run(db, triggerStatement("problem_facts_tally_ad")));
    RT_TRY(run(db, QStringLiteral("DELETE FROM problem_tally")));
    RT_TRY(refill(db, std::numeric_limits<qint64>::min()));
    return tx.commit();
}

#undef RT_TRY

} // namespace rectrack::core
