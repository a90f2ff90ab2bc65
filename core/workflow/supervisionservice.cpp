#include "supervisionservice.h"

#include "exchange/sitescope.h"

#include "storage/auditlog.h"

namespace rectrack::core {

Status SupervisionService::changeState(qint64 problemId, ProblemState to, QDate date)
{
    if (!date.isValid())
        date = m_db.clock().today();
    const auto p = m_problems.problem(problemId);
    if (!p)
        return Error{ErrorCode::InputRefused, tr("The problem #%1 does not exist.").arg(problemId)};
    if (to == ProblemState::ClosedOut)
        return closeOut(problemId, date);
    if (const Status s = Workflow::checkTransition(p->state, to, m_problems.transitionContext(problemId)); !s)
        return s;
    if (p->state == to)
        return okStatus();
    return withTransaction(m_db, [&] { return m_problems.writeState(problemId, to, date); });
}

Result<qint64> SupervisionService::addReview(const Review &review)
{
    const auto p = m_problems.problem(review.problemId);
    if (!p)
        return Error{ErrorCode::InputRefused, tr("The problem #%1 does not exist.").arg(review.problemId)};
    if (p->state != ProblemState::Completed)
        return Error{ErrorCode::InputRefused,
                     tr("Only a completed problem can be reviewed for close-out; this one is "
                        "%1.")
                         .arg(Names::display(p->state))};
    if (review.reviewer.trimmed().isEmpty())
        return Error{ErrorCode::InputRefused, tr("A review needs the reviewer's name.")};
    const QDate date = review.date.isValid() ? review.date : m_db.clock().today();
    // Steps go in order since the last completion.
    const QString since = toIso(p->completedDate.isValid() ? p->completedDate : p->feedbackDate);
    const int stepIndex = int(review.step);
    for (int prior = 0; prior < stepIndex; ++prior) {
        const int ok =
            m_db.scalar(QStringLiteral("SELECT count(*) FROM reviews WHERE problem_id = ? AND step = ? AND "
                                       "approved = 1 AND review_date >= ?"),
                        {review.problemId, Names::key(ReviewStep(prior)), since})
                .toInt();
        if (ok == 0)
            return Error{ErrorCode::InputRefused,
                         tr("The review by the %1 must come first.").arg(Names::display(ReviewStep(prior)))};
    }
    return withTransaction(m_db, [&]() -> Result<qint64> {
        auto id = AuditLog::insert(m_db, QStringLiteral("reviews"),
                                   {{QStringLiteral("problem_id"), review.problemId},
                                    {QStringLiteral("step"), Names::key(review.step)},
                                    {QStringLiteral("reviewer"), review.reviewer.trimmed()},
                                    {QStringLiteral("review_date"), toIso(date)},
                                    {QStringLiteral("approved"), review.approved ? 1 : 0},
                                    {QStringLiteral("opinion"), sqlText(review.opinion)}});
        if (!id)
            return id;
        if (!review.approved) {
            // A problem held here for another site (a district's, at the city) keeps its state: the
            // rejection is recorded and travels to the owner in the next package; the state is the
            // owner's to change (docs/exchange.md "The return flow").
            auto owner = exchange::SiteScopes::heldFor(m_db, QStringLiteral("problems"), review.problemId);
            if (!owner)
                return owner.error();
            if (owner->isEmpty())
                if (const Status s = m_problems.writeState(review.problemId, ProblemState::InProgress, date);
                    !s)
                    return s.error();
        }
        return id;
    });
}

// The lists below return plain values: a read error gives the rows read before it, and a damaged
// page is recorded by the database (Database::damageSeen()).
QList<Review> SupervisionService::reviews(qint64 problemId)
{
    QList<Review> out;
    (void)m_db.forEachRow(
        QStringLiteral("SELECT id, problem_id, step, reviewer, review_date, approved, opinion FROM "
                       "reviews WHERE problem_id = ? ORDER BY review_date, id"),
        {problemId}, [&](const SqlRow &r) {
            out.append(Review{r.integer(0), r.integer(1),
                              Names::reviewStep(r.text(2)).value_or(ReviewStep::UnitLeader), r.text(3),
                              fromIso(r.text(4)), r.value(5).toBool(), r.text(6)});
        });
    return out;
}

Status SupervisionService::closeOut(qint64 problemId, QDate date)
{
    if (!date.isValid())
        date = m_db.clock().today();
    const auto p = m_problems.problem(problemId);
    if (!p)
        return Error{ErrorCode::InputRefused, tr("The problem #%1 does not exist.").arg(problemId)};
    if (const Status s = Workflow::checkTransition(p->state, ProblemState::ClosedOut,
                                                   m_problems.transitionContext(problemId));
        !s)
        return s;
    return withTransaction(m_db,
                           [&] { return m_problems.writeState(problemId, ProblemState::ClosedOut, date); });
}

Result<qint64> SupervisionService::requestExtension(qint64 problemId, const QDate &newDeadline,
                                                    const QString &reason, QDate requestedOn)
{
    const auto p = m_problems.problem(problemId);
    if (!p)
        return Error{ErrorCode::InputRefused, tr("The problem #%1 does not exist.").arg(problemId)};
    if (isDone(p->state))
        return Error{ErrorCode::InputRefused, tr("A completed problem needs no extension.")};
    if (!newDeadline.isValid() || (p->deadline.isValid() && newDeadline <= p->deadline))
        return Error{ErrorCode::InputRefused,
                     tr("The new deadline must be later than the current one (%1).").arg(toIso(p->deadline))};
    if (!requestedOn.isValid())
        requestedOn = m_db.clock().today();
    return withTransaction(m_db, [&] {
        return AuditLog::insert(m_db, QStringLiteral("extension_requests"),
                                {{QStringLiteral("problem_id"), problemId},
                                 {QStringLiteral("requested_on"), toIso(requestedOn)},
                                 {QStringLiteral("requested_deadline"), toIso(newDeadline)},
                                 {QStringLiteral("reason"), sqlText(reason)},
                                 {QStringLiteral("decision"), QStringLiteral("pending")}});
    });
}

Status SupervisionService::decideExtension(qint64 requestId, bool approved, const QString &decidedBy,
                                           QDate decidedOn)
{
    bool found = false;
    qint64 problemId = 0;
    QString newDeadline;
    QString decision;
    if (const Status s = m_db.forEachRow(
            QStringLiteral(
                "SELECT problem_id, requested_deadline, decision FROM extension_requests WHERE id = ?"),
            {requestId},
            [&](const SqlRow &r) {
                found = true;
                problemId = r.integer(0);
                newDeadline = r.text(1);
                decision = r.text(2);
                return false;
            });
        !s)
        return s;
    if (!found)
        return Error{ErrorCode::InputRefused, tr("The extension request #%1 does not exist.").arg(requestId)};
    if (decision != QLatin1String("pending"))
        return Error{ErrorCode::InputRefused, tr("The extension request has already been decided.")};
    if (!decidedOn.isValid())
        decidedOn = m_db.clock().today();
    return withTransaction(m_db, [&]() -> Status {
        if (const Status s =
                AuditLog::update(m_db, QStringLiteral("extension_requests"), requestId,
                                 {{QStringLiteral("decision"),
                                   approved ? QStringLiteral("approved") : QStringLiteral("rejected")},
                                  {QStringLiteral("decided_on"), toIso(decidedOn)},
                                  {QStringLiteral("decided_by"), sqlText(decidedBy)}});
            !s)
            return s;
        if (!approved)
            return okStatus();
        // The original deadline stays in original_deadline.
        return AuditLog::update(m_db, QStringLiteral("problems"), problemId,
                                {{QStringLiteral("deadline"), newDeadline}});
    });
}

QList<ExtensionRequest> SupervisionService::extensions(qint64 problemId)
{
    QList<ExtensionRequest> out;
    (void)m_db.forEachRow(
        QStringLiteral("SELECT id, problem_id, requested_on, requested_deadline, reason, decision, "
                       "decided_on, decided_by FROM extension_requests WHERE problem_id = ? ORDER BY id"),
        {problemId}, [&](const SqlRow &r) {
            out.append(ExtensionRequest{r.integer(0), r.integer(1), fromIso(r.text(2)), fromIso(r.text(3)),
                                        r.text(4), r.text(5), fromIso(r.text(6)), r.text(7)});
        });
    return out;
}

Status SupervisionService::withdrawExtension(qint64 requestId)
{
    const QVariant decision =
        m_db.scalar(QStringLiteral("SELECT decision FROM extension_requests WHERE id = ?"), {requestId});
    if (!decision.isValid())
        return Error{ErrorCode::InputRefused, tr("The extension request #%1 does not exist.").arg(requestId)};
    if (decision.toString() != QLatin1String("pending"))
        return Error{ErrorCode::InputRefused, tr("The extension request has already been decided.")};
    return withTransaction(
        m_db, [&] { return AuditLog::remove(m_db, QStringLiteral("extension_requests"), requestId); });
}

Result<qint64> SupervisionService::addAction(const SupervisionAction &a)
{
    if (a.problemId <= 0 && a.unitId <= 0)
        return Error{ErrorCode::InputRefused, tr("A supervision action concerns a problem or a unit.")};
    return withTransaction(m_db, [&] {
        return AuditLog::insert(
            m_db, QStringLiteral("supervision_actions"),
            {{QStringLiteral("problem_id"), sqlId(a.problemId)},
             {QStringLiteral("unit_id"), sqlId(a.unitId)},
             {QStringLiteral("kind"), Names::key(a.kind)},
             {QStringLiteral("action_date"), toIso(a.date.isValid() ? a.date : m_db.clock().today())},
             {QStringLiteral("actor"), sqlText(a.actor.isEmpty() ? m_db.actor() : a.actor)},
             {QStringLiteral("note"), sqlText(a.note)},
             {QStringLiteral("campaign"), sqlText(a.campaign)}});
    });
}

QList<SupervisionAction> SupervisionService::actions(qint64 problemId)
{
    QList<SupervisionAction> out;
    (void)m_db.forEachRow(
        QStringLiteral("SELECT id, problem_id, unit_id, kind, action_date, actor, note, campaign FROM "
                       "supervision_actions WHERE problem_id = ? ORDER BY action_date, id"),
        {problemId}, [&](const SqlRow &r) {
            out.append(SupervisionAction{r.integer(0), r.integer(1), r.integer(2),
                                         Names::supervisionKind(r.text(3)).value_or(SupervisionKind::Urge),
                                         fromIso(r.text(4)), r.text(5), r.text(6), r.text(7)});
        });
    return out;
}

Status SupervisionService::removeAction(qint64 actionId)
{
    if (!m_db.scalar(QStringLiteral("SELECT id FROM supervision_actions WHERE id = ?"), {actionId}).isValid())
        return Error{ErrorCode::InputRefused, tr("The supervision action #%1 does not exist.").arg(actionId)};
    if (const Status s =
            exchange::SiteScopes::checkWritable(m_db, QStringLiteral("supervision_actions"), actionId);
        !s)
        return s;
    return withTransaction(
        m_db, [&] { return AuditLog::remove(m_db, QStringLiteral("supervision_actions"), actionId); });
}

} // namespace rectrack::core
