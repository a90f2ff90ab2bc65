#include "problemcommands.h"

#include "workflow/problemservice.h"
#include "workflow/supervisionservice.h"

#include <QCoreApplication>

namespace rectrack::ui::commands {

using core::Status;

namespace {

const QString kMeasures = QStringLiteral("measures");
const QString kProgress = QStringLiteral("progress_entries");
const QString kEvidence = QStringLiteral("evidence");
const QString kActions = QStringLiteral("supervision_actions");
const QString kExtensions = QStringLiteral("extension_requests");

/// Translation context of the command names shown in the Edit menu (撤销/重做).
class Commands
{
    Q_DECLARE_TR_FUNCTIONS(Commands)
};

/// The current row @p into with the fields that differ between @p from and @p to set as in @p to:
/// an edit (or its undo) touches only what it changed, not a field someone else changed since.
core::Problem withChanges(core::Problem into, const core::Problem &from, const core::Problem &to)
{
    auto take = [](auto &field, const auto &before, const auto &after) {
        if (before != after)
            field = after;
    };
    take(into.registrationNo, from.registrationNo, to.registrationNo);
    take(into.source, from.source, to.source);
    take(into.categoryId, from.categoryId, to.categoryId);
    take(into.description, from.description, to.description);
    take(into.example, from.example, to.example);
    take(into.rootCause, from.rootCause, to.rootCause);
    take(into.responsibleOffice, from.responsibleOffice, to.responsibleOffice);
    take(into.leadLeader, from.leadLeader, to.leadLeader);
    take(into.responsiblePerson, from.responsiblePerson, to.responsiblePerson);
    take(into.deadline, from.deadline, to.deadline);
    take(into.deadlineNote, from.deadlineNote, to.deadlineNote);
    take(into.systemic, from.systemic, to.systemic);
    take(into.immediate, from.immediate, to.immediate);
    take(into.note, from.note, to.note);
    return into;
}

Status missing(qint64 id)
{
    return core::Error{core::ErrorCode::InputRefused,
                       Commands::tr("The problem #%1 no longer exists.").arg(id)};
}

Status asStatus(const core::Result<qint64> &r)
{
    return r ? core::okStatus() : Status(r.error());
}

/**
 * A command whose redo inserts a row of @p table through @p insert and whose undo removes it
 * through @p remove. A redone insert gets a new id: the context maps the first id to it.
 */
QUndoCommand *insertCommand(EditContext *ctx, const QString &table, const QString &text,
                            std::function<core::Result<qint64>()> insert,
                            std::function<Status(qint64)> remove)
{
    auto id = std::make_shared<qint64>(0);
    auto apply = [ctx, table, insert, id]() -> Status {
        auto r = insert();
        if (!r)
            return r.error();
        if (*id == 0)
            *id = *r;
        else
            ctx->remap(table, *id, *r);
        return core::okStatus();
    };
    auto revert = [ctx, table, remove, id] { return remove(ctx->resolve(table, *id)); };
    return new ServiceCommand(ctx, text, apply, revert);
}

} // namespace

QUndoCommand *updateProblem(EditContext *ctx, core::Database &db, const core::Problem &before,
                            const core::Problem &after)
{
    auto first = std::make_shared<bool>(true);
    auto write = [&db, first](const core::Problem &from, const core::Problem &to) -> Status {
        const auto current = core::ProblemService(db).problem(to.id);
        if (!current)
            return missing(to.id);
        core::Problem p = withChanges(*current, from, to);
        if (*first) // the editor's version: someone else's change in between is a stale edit
            p.version = to.version;
        *first = false;
        return core::ProblemService(db).updateProblem(p);
    };
    return new ServiceCommand(
        ctx, Commands::tr("Edit problem %1").arg(after.registrationNo),
        [write, before, after] { return write(before, after); },
        [write, before, after] { return write(after, before); });
}

QUndoCommand *registerProblems(EditContext *ctx, core::Database &db,
                               std::function<core::Result<QList<qint64>>()> registration,
                               std::shared_ptr<QList<qint64>> ids)
{
    auto apply = [&db, registration, ids]() -> Status {
        if (ids->isEmpty()) {
            auto r = registration();
            if (!r)
                return r.error();
            *ids = *r;
            return core::okStatus();
        }
        return core::withTransaction(db, [&]() -> Status {
            for (qint64 id : *ids)
                if (const Status s = core::ProblemService(db).restoreProblem(id); !s)
                    return s;
            return core::okStatus();
        });
    };
    auto revert = [&db, ids]() -> Status {
        return core::withTransaction(db, [&]() -> Status {
            for (qint64 id : *ids)
                if (const Status s = core::ProblemService(db).deleteProblem(id); !s)
                    return s;
            return core::okStatus();
        });
    };
    return new ServiceCommand(ctx, Commands::tr("Register problems"), apply, revert);
}

QUndoCommand *deleteProblem(EditContext *ctx, core::Database &db, qint64 problemId, const QString &label)
{
    return new ServiceCommand(
        ctx, Commands::tr("Delete problem %1").arg(label),
        [&db, problemId] { return core::ProblemService(db).deleteProblem(problemId); },
        [&db, problemId] { return core::ProblemService(db).restoreProblem(problemId); });
}

QUndoCommand *restoreProblem(EditContext *ctx, core::Database &db, qint64 problemId, const QString &label)
{
    return new ServiceCommand(
        ctx, Commands::tr("Restore problem %1").arg(label),
        [&db, problemId] { return core::ProblemService(db).restoreProblem(problemId); },
        [&db, problemId] { return core::ProblemService(db).deleteProblem(problemId); });
}

QUndoCommand *changeState(EditContext *ctx, core::Database &db, qint64 problemId, core::ProblemState to,
                          const QDate &date)
{
    return new ServiceCommand(
        ctx, Commands::tr("Set state to %1").arg(core::Names::display(to)),
        [&db, problemId, to, date] { return core::SupervisionService(db).changeState(problemId, to, date); },
        [&db, problemId, to] { return core::ProblemService(db).revertState(problemId, to); });
}

QUndoCommand *addMeasure(EditContext *ctx, core::Database &db, const core::Measure &measure)
{
    auto id = std::make_shared<qint64>(0);
    auto seq = std::make_shared<int>(0);
    auto apply = [ctx, &db, measure, id, seq]() -> Status {
        core::ProblemService service(db);
        auto r = service.addMeasure(measure);
        if (!r)
            return r.error();
        if (*id == 0) {
            *id = *r;
            *seq = service.measures(measure.problemId).size();
            return core::okStatus();
        }
        ctx->remap(kMeasures, *id, *r);
        return service.moveMeasure(*r, *seq - 1);
    };
    auto revert = [ctx, &db, id] {
        return core::ProblemService(db).removeMeasure(ctx->resolve(kMeasures, *id));
    };
    return new ServiceCommand(ctx, Commands::tr("Add measure"), apply, revert);
}

QUndoCommand *updateMeasure(EditContext *ctx, core::Database &db, const core::Measure &before,
                            const core::Measure &after)
{
    auto write = [ctx, &db](core::Measure m) {
        m.id = ctx->resolve(kMeasures, m.id);
        // The position may have changed since: keep the current one.
        for (const core::Measure &current : core::ProblemService(db).measures(m.problemId))
            if (current.id == m.id)
                m.seq = current.seq;
        return core::ProblemService(db).updateMeasure(m);
    };
    return new ServiceCommand(
        ctx, Commands::tr("Edit measure"), [write, after] { return write(after); },
        [write, before] { return write(before); });
}

QUndoCommand *setMeasureState(EditContext *ctx, core::Database &db, const core::Measure &before,
                              core::MeasureState to, const QDate &date)
{
    return new ServiceCommand(
        ctx, Commands::tr("Set measure state to %1").arg(core::Names::display(to)),
        [ctx, &db, before, to, date] {
            return core::ProblemService(db).setMeasureState(ctx->resolve(kMeasures, before.id), to, date);
        },
        [ctx, &db, before] {
            return core::ProblemService(db).setMeasureState(ctx->resolve(kMeasures, before.id), before.state,
                                                            before.completedDate);
        });
}

QUndoCommand *removeMeasure(EditContext *ctx, core::Database &db, const core::Measure &measure)
{
    auto apply = [ctx, &db, measure] {
        return core::ProblemService(db).removeMeasure(ctx->resolve(kMeasures, measure.id));
    };
    auto revert = [ctx, &db, measure]() -> Status {
        core::ProblemService service(db);
        return core::withTransaction(db, [&]() -> Status {
            auto r = service.addMeasure(measure);
            if (!r)
                return r.error();
            ctx->remap(kMeasures, measure.id, *r);
            return service.moveMeasure(*r, measure.seq - 1);
        });
    };
    return new ServiceCommand(ctx, Commands::tr("Remove measure"), apply, revert);
}

QUndoCommand *moveMeasure(EditContext *ctx, core::Database &db, qint64 measureId, int from, int to)
{
    return new ServiceCommand(
        ctx, Commands::tr("Move measure"),
        [ctx, &db, measureId, to] {
            return core::ProblemService(db).moveMeasure(ctx->resolve(kMeasures, measureId), to);
        },
        [ctx, &db, measureId, from] {
            return core::ProblemService(db).moveMeasure(ctx->resolve(kMeasures, measureId), from);
        });
}

QUndoCommand *addProgress(EditContext *ctx, core::Database &db, const core::ProgressEntry &entry)
{
    return insertCommand(
        ctx, kProgress, Commands::tr("Add progress"),
        [&db, entry] { return core::ProblemService(db).addProgress(entry); },
        [&db](qint64 id) { return core::ProblemService(db).removeProgress(id); });
}

QUndoCommand *addEvidence(EditContext *ctx, core::Database &db, qint64 problemId, const QString &name,
                          const QByteArray &data, const QString &mimeType)
{
    return insertCommand(
        ctx, kEvidence, Commands::tr("Attach evidence %1").arg(name),
        [&db, problemId, name, data, mimeType] {
            return core::ProblemService(db).addEvidence(problemId, 0, name, data, mimeType);
        },
        [&db](qint64 id) { return core::ProblemService(db).removeEvidence(id); });
}

QUndoCommand *removeEvidence(EditContext *ctx, core::Database &db, const core::Evidence &evidence)
{
    const QByteArray data = core::ProblemService(db).evidenceData(ctx->resolve(kEvidence, evidence.id));
    auto apply = [ctx, &db, evidence] {
        return core::ProblemService(db).removeEvidence(ctx->resolve(kEvidence, evidence.id));
    };
    auto revert = [ctx, &db, evidence, data]() -> Status {
        auto r = core::ProblemService(db).addEvidence(evidence.problemId, evidence.measureId,
                                                      evidence.originalName, data, evidence.mimeType);
        if (r)
            ctx->remap(kEvidence, evidence.id, *r);
        return asStatus(r);
    };
    return new ServiceCommand(ctx, Commands::tr("Remove evidence %1").arg(evidence.originalName), apply,
                              revert);
}

QUndoCommand *addAction(EditContext *ctx, core::Database &db, const core::SupervisionAction &action)
{
    return insertCommand(
        ctx, kActions, Commands::tr("Record %1").arg(core::Names::display(action.kind)),
        [&db, action] { return core::SupervisionService(db).addAction(action); },
        [&db](qint64 id) { return core::SupervisionService(db).removeAction(id); });
}

QUndoCommand *requestExtension(EditContext *ctx, core::Database &db, qint64 problemId, const QDate &deadline,
                               const QString &reason, const QDate &requestedOn)
{
    return insertCommand(
        ctx, kExtensions, Commands::tr("Request extension"),
        [&db, problemId, deadline, reason, requestedOn] {
            return core::SupervisionService(db).requestExtension(problemId, deadline, reason, requestedOn);
        },
        [&db](qint64 id) { return core::SupervisionService(db).withdrawExtension(id); });
}

} // namespace rectrack::ui::commands
