#include "workflow.h"

namespace rectrack::core {

Status Workflow::checkTransition(ProblemState from, ProblemState to, const TransitionContext &ctx)
{
    auto refuse = [](const QString &why) { return Status(Error{ErrorCode::InputRefused, why}); };
    if (from == to)
        return okStatus();
    if (from == ProblemState::ClosedOut)
        return refuse(tr("The problem is already closed out; a closed-out problem cannot change state."));
    switch (to) {
    case ProblemState::Registered:
        return refuse(tr("A problem cannot go back to registered once work on it has been recorded."));
    case ProblemState::InProgress:
        return okStatus(); // start, resume after long-term, or back after a rejected review
    case ProblemState::LongTerm:
        if (from == ProblemState::Completed)
            return refuse(
                tr("A completed problem awaiting close-out cannot become long-term; reject its review "
                   "first."));
        return okStatus();
    case ProblemState::Completed:
        if (ctx.measures == 0)
            return refuse(tr("The problem cannot be marked completed: it has no rectification measures yet; "
                             "add them on the Measures tab."));
        if (ctx.unfinishedMeasures > 0)
            return refuse(tr("The problem cannot be marked completed: %n measure(s) are not finished.",
                             nullptr, ctx.unfinishedMeasures));
        return okStatus();
    case ProblemState::ClosedOut:
        if (from != ProblemState::Completed)
            return refuse(
                tr("Only a completed problem can be closed out; this one is %1.").arg(Names::display(from)));
        if (ctx.unfinishedMeasures > 0 || ctx.longTermMeasures > 0)
            return refuse(tr("The problem cannot be closed out: %n measure(s) are not finished.", nullptr,
                             ctx.unfinishedMeasures + ctx.longTermMeasures));
        if (!ctx.reviewsApproved)
            return refuse(
                tr("The problem cannot be closed out before the unit leader, the unit rectification "
                   "group and the inspection office have approved it."));
        return okStatus();
    }
    return refuse(tr("Unknown state."));
}

WarningLight Workflow::light(ProblemState state, const QDate &deadline, const QDate &asOf,
                             const WarningThresholds &thresholds)
{
    if (isDone(state) || state == ProblemState::LongTerm || !deadline.isValid())
        return WarningLight::None;
    const qint64 left = asOf.daysTo(deadline);
    if (left < 0)
        return WarningLight::Red;
    if (left <= thresholds.yellowDays)
        return WarningLight::Yellow;
    if (left <= thresholds.greenDays)
        return WarningLight::Green;
    return WarningLight::Normal;
}

int Workflow::overdueDays(const QDate &deadline, const QDate &asOf)
{
    if (!deadline.isValid() || !asOf.isValid())
        return 0;
    const qint64 d = deadline.daysTo(asOf);
    return d > 0 ? int(d) : 0;
}

bool Workflow::isOverdue(ProblemState state, const QDate &deadline, const QDate &asOf)
{
    return light(state, deadline, asOf) == WarningLight::Red;
}

} // namespace rectrack::core
