#pragma once

/**
 * Editing the register from the main window: the undo stack with its Edit-menu actions
 * (Undo Ctrl+Z, Redo Ctrl+Shift+Z), registering a feedback (Ctrl+N), opening the problem
 * editor (Enter or double-click on a ledger row), soft delete (confirmed, undoable) and the
 * list of deleted problems to restore. The operator's name is asked once before the first
 * change and kept in QSettings (user/operator); core::Database::setActor puts it on every
 * audit-log entry. After each change changed() is emitted: the main window refreshes the
 * ledgers and the status-bar figures.
 */

#include "commands/editcommand.h"
#include "dialogs/feedbackdialog.h"
#include "storage/database.h"

#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>

class QAction;
class QMenu;
class QWidget;

namespace rectrack::ui {

class ProblemEditor;

class EditingController : public QObject
{
    Q_OBJECT
public:
    explicit EditingController(QWidget *window);

    /// The register edited (nullptr when none is open). Clears the undo stack and closes editors.
    void setDatabase(core::Database *db);
    /**
     * Read-only while the main window shows a past as-of date (the register as it stood then):
     * new problem, open, delete and undo/redo are disabled, and openProblem() refuses.
     */
    void setReadOnly(bool readOnly);
    bool readOnly() const { return m_readOnly; }
    /// Tells which problem is selected in the ledger (0 when none).
    void setSelection(std::function<qint64()> currentProblem);
    /// Adds the editing actions to @p edit (the main window's Edit menu).
    void addActions(QMenu *edit);
    /// Makes Delete work on @p ledger (a ledger view) while it has the focus.
    void attachView(QWidget *ledger);

    EditContext *context() const { return m_ctx; }
    QAction *undoAction() const { return m_undo; }
    QAction *redoAction() const { return m_redo; }
    QAction *newProblemAction() const { return m_newProblem; }

    /// Asks the operator's name when none is known yet; false when the user cancels.
    bool ensureOperator();
    /// Sets the operator's name (QSettings user/operator and the database's actor).
    void setOperator(const QString &name);

    /// Whether the login may register, delete and restore problems (the inspection office; always
    /// on a file).
    bool mayRegister() const { return m_mayRegister; }
    /// Whether the login may edit problems at all (not a leader's, auditor's … login on a server).
    bool mayEdit() const { return m_mayEdit; }
    /// Problems changed by others were committed (LiveUpdates): the open editors of @p problems
    /// re-read them, or, holding unsaved typing, say so and keep it.
    void problemsChangedElsewhere(const QSet<qint64> &problems);
    /// The open problem editors.
    QList<ProblemEditor *> editors() const;

    /// Opens (or raises) the editor of @p problemId.
    ProblemEditor *openProblem(qint64 problemId);
    /// The registration dialog, pre-filled with the inspection of the selected problem; with none
    /// selected, its source level is the register's own or the last registered in a register of
    /// that level (SourceLevelChoice).
    FeedbackDialog *createFeedbackDialog(QWidget *parent);
    /// Registers a feedback as one undoable command; the ids of the new problems. Remembers its
    /// source level as the next default (SourceLevelChoice::remember).
    core::Result<QList<qint64>> registerFeedback(const FeedbackDraft &draft);
    /// Ctrl+N: the registration dialog; a single new problem opens in the editor.
    void newProblem();
    /// Soft-deletes a problem (undoable); asks first when @p confirm.
    bool deleteProblem(qint64 problemId, bool confirm = true);
    /// Restores a soft-deleted problem (undoable).
    bool restoreProblem(qint64 problemId);
    /// The deleted-problems list.
    void showDeleted();

    /**
     * Saves feedback-registration.png (the dialog with three pasted problems, not registered),
     * problem-editor.png, problem-editor-measures.png, problem-editor-evidence.png (a problem
     * with measures and evidence) and problem-editor-review.png (a completed problem in review)
     * in @p dir. The sample evidence and reviews go into a temporary copy of the register:
     * nothing is written to the register itself. Returns false on a write error.
     */
    bool saveScreenshots(const QString &dir);

Q_SIGNALS:
    /// The register changed: ledgers and figures reload.
    void changed();

private:
    QWidget *m_window;
    core::Database *m_db = nullptr;
    EditContext *m_ctx;
    std::function<qint64()> m_selection;
    bool m_operatorKnown = false;
    bool m_readOnly = false;
    bool m_mayRegister = true;
    bool m_mayEdit = true;
    void updateActions();
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    QAction *m_newProblem = nullptr;
    QAction *m_delete = nullptr;
    QList<QAction *> m_needDb;
    QList<QPointer<ProblemEditor>> m_editors;
};

} // namespace rectrack::ui
