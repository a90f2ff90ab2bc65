#pragma once

/**
 * Undo commands of the editors (QUndoStack, Ctrl+Z / Ctrl+Shift+Z). Each command changes the
 * register through the core services, never through SQL, so every step (and every undo) lands
 * in the audit log with the operator's name. An undo calls the services with the previous
 * values (e.g. ProblemService::removeProgress for an added entry); review decisions and
 * close-out are records and never become commands.
 *
 * A command is pushed only after its first run succeeded (see EditContext::run), so a refused
 * edit leaves nothing on the stack. Rows re-created by a redo get new ids: EditContext keeps a
 * map from the first id to the current one, and commands resolve their ids through it.
 */

#include "domain/result.h"

#include <QHash>
#include <QObject>
#include <QUndoCommand>

#include <functional>

class QUndoStack;

namespace rectrack::ui {

/// The undo stack with the bookkeeping the commands share: id remapping and error reporting.
class EditContext : public QObject
{
    Q_OBJECT
public:
    explicit EditContext(QObject *parent = nullptr);

    QUndoStack *stack() const { return m_stack; }

    /// The current id of a row first stored as @p id in @p table (ids change when an undone
    /// insert is redone).
    qint64 resolve(const QString &table, qint64 id) const;
    /// Records that the row first stored as @p original in @p table is now @p current.
    void remap(const QString &table, qint64 original, qint64 current);

    /**
     * Runs @p command's first step; on success pushes it (without running it again) and emits
     * changed(); on failure deletes it and returns the error (nothing was changed).
     */
    core::Status run(QUndoCommand *command);

    /// Reports a failed undo or redo (e.g. the row was changed by a record since).
    void reportFailure(const core::Error &error);
    /// Emits changed(): ledgers, figures and open editors reload.
    void notifyChanged() { Q_EMIT changed(); }

Q_SIGNALS:
    /// The register changed (a command ran, was undone or redone, or a record was written).
    void changed();
    /// An undo or redo was refused by core; the message is core's.
    void failed(const QString &message);

private:
    QUndoStack *m_stack;
    QHash<QString, qint64> m_ids;
};

/**
 * A command made of two service calls: @p apply (redo) and @p revert (undo). Both return a
 * core::Status; a failure is reported through the context and leaves the command in place.
 */
class ServiceCommand : public QUndoCommand
{
public:
    using Step = std::function<core::Status()>;
    ServiceCommand(EditContext *context, const QString &text, Step apply, Step revert);

    /// The first run (EditContext::run calls it once before the push).
    core::Status firstRun();

    void redo() override;
    void undo() override;

private:
    EditContext *m_context;
    Step m_apply;
    Step m_revert;
    bool m_pushed = false;
};

} // namespace rectrack::ui
