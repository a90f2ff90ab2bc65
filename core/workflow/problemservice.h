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

    std::optional<Problem> problem(qint64 id);
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

    /// Adds a progress entry; a registered problem moves to in progress on the entry's date.
    Result<qint64> addProgress(const ProgressEntry &e);
    QList<ProgressEntry> progress(qint64 problemId);

    /// Stores an evidence file inside the register (blob, SHA-256, size, original name).
    Result<qint64> addEvidence(qint64 problemId, qint64 measureId, const QString &originalName,
                               const QByteArray &data, const QString &mimeType = {});
    QList<Evidence> evidence(qint64 problemId);
    QByteArray evidenceData(qint64 evidenceId);

    /// The problem's state on @p date from the dated history (Registered before any entry).
    ProblemState stateAsOf(qint64 problemId, const QDate &date);

    /// Facts for Workflow::checkTransition about the problem now.
    TransitionContext transitionContext(qint64 problemId);

    /// Writes a state change with its history row; no workflow check (callers check first).
    Status writeState(qint64 problemId, ProblemState state, const QDate &date);

private:
    /// The stale-edit refusal for row @p id of @p table: who changed it last and when.
    Error staleEdit(const QString &table, qint64 id) const;

    Database &m_db;
};

} // namespace rectrack::core
