#pragma once

#include "domain/entities.h"
#include "problemservice.h"
#include "storage/database.h"

#include <QCoreApplication>

namespace rectrack::core {

/**
 * Supervision (督办) of a problem through to close-out (销号): checked state changes, the
 * three-step close-out review (unit leader → unit rectification group → inspection office;
 * a rejection sends the problem back to in progress), close-out itself, deadline extensions
 * (the original deadline stays visible) and supervision actions (催办, 提醒书, 告诫书, 督办函,
 * 约谈, 回访). Every call is one transaction with its audit-log entries.
 */
class SupervisionService
{
    Q_DECLARE_TR_FUNCTIONS(SupervisionService)
public:
    explicit SupervisionService(Database &db) : m_db(db), m_problems(db) {}

    /// Moves a problem to @p to on @p date (default today) if the workflow allows it.
    Status changeState(qint64 problemId, ProblemState to, QDate date = {});

    /// Records a review step. Steps go in order; a review is only taken for a completed problem.
    /// A rejection sends the problem back to in progress.
    Result<qint64> addReview(const Review &review);
    QList<Review> reviews(qint64 problemId);

    /// Closes the problem out (销号) on @p date, when completed, every measure finished and all
    /// three review steps approved since its last completion.
    Status closeOut(qint64 problemId, QDate date = {});

    /// Requests a new deadline; pending until decided.
    Result<qint64> requestExtension(qint64 problemId, const QDate &newDeadline, const QString &reason,
                                    QDate requestedOn = {});
    /// Approves or rejects a request; approval moves the deadline and keeps the original.
    Status decideExtension(qint64 requestId, bool approved, const QString &decidedBy, QDate decidedOn = {});
    QList<ExtensionRequest> extensions(qint64 problemId);
    /// Withdraws a pending extension request (undo of requestExtension). Decided requests are
    /// records and are refused.
    Status withdrawExtension(qint64 requestId);

    Result<qint64> addAction(const SupervisionAction &action);
    QList<SupervisionAction> actions(qint64 problemId);
    /// Removes a supervision action (undo of addAction).
    Status removeAction(qint64 actionId);

private:
    Database &m_db;
    ProblemService m_problems;
};

} // namespace rectrack::core
