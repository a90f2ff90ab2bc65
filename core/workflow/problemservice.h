#pragma once

#include "domain/entities.h"
#include "storage/database.h"
#include "workflow.h"

#include <QCoreApplication>

namespace rectrack::core {

/**
 * Registration (挂号) and the rectification record of problems: problems, their measures,
 * dated progress entries and evidence files. Every call is one transaction (a savepoint when
 * the caller already holds one) that also appends to the audit log.
 *
 * State changes, reviews, close-out, extensions and supervision actions are in SupervisionService.
 */
class ProblemService
{
    Q_DECLARE_TR_FUNCTIONS(ProblemService)
public:
    explicit ProblemService(Database &db) : m_db(db) {}

    /**
     * Registers a problem with its measures. The state history starts with "registered" on the
     * feedback date. When @p p.state is not Registered (an imported ledger row), that state is
     * recorded as history on @p stateDate (default: the feedback date) without workflow checks,
     * and a closed-out row gets an import record standing in for its reviews (DESIGN.md §6).
     * Errors: InputRefused when the description, unit or feedback date is missing, or the
     * registration number is already used in the unit.
     */
    Result<qint64> registerProblem(const Problem &p, const QList<Measure> &measures = {},
                                   QDate stateDate = {});

    /// Updates the editable fields (not state, not deadline extensions). Refused when the row
    /// changed since @p p.version was read (stale edit: InputRefused with Error::staleEdit set and
    /// a message naming who changed it last and when, from the audit log).
    Status updateProblem(const Problem &p);

    /// The problem with @p id, deleted or not (see Problem::deletedAt).
    std::optional<Problem> problem(qint64 id);

    /**
     * Soft delete: the problem keeps its rows and history but leaves the ledgers, statistics,
     * reports and exports until restored. Errors: InputRefused when it does not exist or is
     * already deleted.
     */
    Status deleteProblem(qint64 id);
    /// Brings a soft-deleted problem back. Errors: InputRefused when it is not deleted.
    Status restoreProblem(qint64 id);
    /// Soft-deleted problems, most recently deleted first.
    QList<Problem> deletedProblems();
    /// Problem id by registration number within a unit, or 0.
    qint64 findByRegistrationNo(qint64 unitId, const QString &registrationNo);

    QList<Measure> measures(qint64 problemId);
    Result<qint64> addMeasure(const Measure &m);
    /// Updates a measure's fields; refused like updateProblem when the row changed since
    /// @p m.version was read (stale edit).
    Status updateMeasure(const Measure &m);
    /// Sets a measure's state; completing the last unfinished measure does not complete the
    /// problem by itself (that is a separate, reviewed step).
    Status setMeasureState(qint64 measureId, MeasureState state, QDate date = {});
    Status removeMeasure(qint64 measureId);
    /// Moves a measure to position @p index (0-based, clamped) among its problem's measures and
    /// renumbers them 1…n in the new order.
    Status moveMeasure(qint64 measureId, int index);

    /// Adds a progress entry; a registered problem moves to in progress on the entry's date.
    Result<qint64> addProgress(const ProgressEntry &e);
    QList<ProgressEntry> progress(qint64 problemId);
    /**
     * Removes a progress entry (the inverse of addProgress, for undo). The problem's progress
     * summary becomes the newest remaining entry's text (unchanged when it was not this entry's
     * text); when no entry remains and the newest state-history row is the move to in progress
     * on the entry's date, that move is taken back too, so the problem is registered again.
     */
    Status removeProgress(qint64 entryId);

    /// Stores an evidence file inside the register (blob, SHA-256, size, original name).
    Result<qint64> addEvidence(qint64 problemId, qint64 measureId, const QString &originalName,
                               const QByteArray &data, const QString &mimeType = {});
    QList<Evidence> evidence(qint64 problemId);
    QByteArray evidenceData(qint64 evidenceId);
    /// Removes an evidence file from the register.
    Status removeEvidence(qint64 evidenceId);

    /// The problem's state on @p date from the dated history (Registered before any entry).
    ProblemState stateAsOf(qint64 problemId, const QDate &date);

    /// Facts for Workflow::checkTransition about the problem now.
    TransitionContext transitionContext(qint64 problemId);

    /// Writes a state change with its history row; no workflow check (callers check first).
    Status writeState(qint64 problemId, ProblemState state, const QDate &date);

    /**
     * Takes back the newest state change (for undo): removes the newest history row when it is
     * @p expected and not the first one, and puts the problem in the state of the row before it.
     * Refused for close-out (a record, corrected by a new entry) and when the newest row is not
     * @p expected (something else happened since).
     */
    Status revertState(qint64 problemId, ProblemState expected);

private:
    /// The stale-edit refusal for row @p id of @p table read at version @p readVersion: who changed
    /// it last and when (message), and each field changed since, both values (Error::staleChange).
    Error staleEdit(const QString &table, qint64 id, int readVersion) const;

    Database &m_db;
};

} // namespace rectrack::core
