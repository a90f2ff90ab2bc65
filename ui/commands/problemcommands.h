#pragma once

/**
 * The undoable edits of the problem editor and the registration dialog, as factories of
 * ServiceCommand (see editcommand.h). Each takes the values before the edit where the undo
 * needs them, and is run with EditContext::run, which pushes it only when core accepted it.
 * Not here on purpose: review decisions, close-out and extension decisions, which are records
 * corrected by a new entry.
 */

#include "domain/entities.h"
#include "editcommand.h"
#include "storage/database.h"

#include <functional>

namespace rectrack::ui::commands {

/// Edits the problem's fields (not state, not measures) from @p before to @p after. The first run
/// carries the version the editor read, so an edit of a row changed meanwhile is refused as stale.
QUndoCommand *updateProblem(EditContext *ctx, core::Database &db, const core::Problem &before,
                            const core::Problem &after);

/// Registers problems through @p registration (one transaction) and keeps their ids; undo
/// soft-deletes them, redo restores them.
QUndoCommand *registerProblems(EditContext *ctx, core::Database &db,
                               std::function<core::Result<QList<qint64>>()> registration,
                               std::shared_ptr<QList<qint64>> ids);

/// Soft-deletes a problem (undo restores it).
QUndoCommand *deleteProblem(EditContext *ctx, core::Database &db, qint64 problemId, const QString &label);
/// Restores a soft-deleted problem (undo deletes it again).
QUndoCommand *restoreProblem(EditContext *ctx, core::Database &db, qint64 problemId, const QString &label);

/// Moves the problem to @p to on @p date through the workflow (undo takes the change back).
QUndoCommand *changeState(EditContext *ctx, core::Database &db, qint64 problemId, core::ProblemState to,
                          const QDate &date);

QUndoCommand *addMeasure(EditContext *ctx, core::Database &db, const core::Measure &measure);
QUndoCommand *updateMeasure(EditContext *ctx, core::Database &db, const core::Measure &before,
                            const core::Measure &after);
/// Sets a measure's state on @p date (undo restores the old state and completion date).
QUndoCommand *setMeasureState(EditContext *ctx, core::Database &db, const core::Measure &before,
                              core::MeasureState to, const QDate &date);
/// Removes a measure (undo adds it again at its position).
QUndoCommand *removeMeasure(EditContext *ctx, core::Database &db, const core::Measure &measure);
/// Moves a measure from position @p from to @p to (0-based).
QUndoCommand *moveMeasure(EditContext *ctx, core::Database &db, qint64 measureId, int from, int to);

QUndoCommand *addProgress(EditContext *ctx, core::Database &db, const core::ProgressEntry &entry);
QUndoCommand *addEvidence(EditContext *ctx, core::Database &db, qint64 problemId, const QString &name,
                          const QByteArray &data, const QString &mimeType);
QUndoCommand *removeEvidence(EditContext *ctx, core::Database &db, const core::Evidence &evidence);
QUndoCommand *addAction(EditContext *ctx, core::Database &db, const core::SupervisionAction &action);
QUndoCommand *requestExtension(EditContext *ctx, core::Database &db, qint64 problemId, const QDate &deadline,
                               const QString &reason, const QDate &requestedOn);

} // namespace rectrack::ui::commands
