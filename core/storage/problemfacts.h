#pragma once

#include "database.h"

#include <QCoreApplication>

namespace rectrack::core {

/**
 * Defers the problem_facts rows of newly inserted problems and measures (schema step 4) to one
 * statement at the end of a bulk insert (ledger imports, `generate`), where the per-row triggers
 * would cost the insert several percent.
 *
 * In a file, only the AFTER INSERT triggers on problems and measures are dropped (inside the
 * caller's Transaction, so a rollback restores them). On a server no trigger is dropped (no DDL
 * while others work): the trigger functions leave the problems inserted from now on out, for the
 * caller's transaction only (Dialect::deferFacts); row by row, every new problem would update
 * the same few problem_tally rows again and again, each update one more row version to step over
 * until the transaction ends. Every other trigger stays, so changes to existing
 * problems (a new state, an extension, an edit, a measure removed) keep their rows right meanwhile;
 * a new problem simply has no row until finish(). finish() computes the rows of the problems
 * inserted since construction (id above the highest id then), recounts the measures of older
 * problems that got new measures, and recreates the triggers from the schema's own statements.
 */
class ProblemFactsDeferral
{
    Q_DECLARE_TR_FUNCTIONS(ProblemFactsDeferral)
public:
    explicit ProblemFactsDeferral(Database &db);
    /// Whether the insert triggers were dropped; when false, error() says why.
    bool active() const { return m_active; }
    const Error &error() const { return m_error; }
    /// Fills the deferred rows and recreates the insert triggers.
    Status finish();

    /// Recomputes the whole of problem_facts from the register (tests, repairs): the rows the
    /// triggers keep, for every live problem. One transaction (a savepoint inside another).
    static Status rebuild(Database &db);

    /// Rows of problem_facts that differ from a recomputation from the base tables (problems,
    /// the state history's last entry, the last approved problem-level extension, the measures),
    /// counted both ways; 0 when the triggers kept it right. Read by `verify`.
    static qint64 staleFacts(Database &db);
    /// Rows of problem_tally (those not fallen to zero) that differ from the sums of problem_facts.
    static qint64 staleTally(Database &db);
    /// Rows of problem_latest_state (schema step 3) that differ from the state history's last
    /// entries by (changed_on, id).
    static qint64 staleLatestStates(Database &db);

private:
    Database &m_db;
    bool m_active = false;
    bool m_keptTriggers = false; // a server: nothing was dropped, the triggers defer the new problems
    Error m_error;
    qint64 m_lastProblem = 0; // highest problem id at construction
    qint64 m_lastMeasure = 0; // highest measure id at construction
};

} // namespace rectrack::core
