#pragma once

/**
 * The problem editor: every field of one problem, its measures (add, reorder, type, owner,
 * deadline, state), dated progress entries, evidence files (attached by button or dropped on
 * the dialog, stored in the register, opened through a temporary copy or saved out), extension
 * requests and their decision (the original deadline stays shown), supervision actions (催办,
 * 提醒书, 告诫书, 督办函, 约谈, 回访) and the three-step close-out review ending in 销号.
 *
 * There is no Save button: each change is one undoable command (ui/commands) run as soon as a
 * field is left, a cell edited or a button pressed. Review decisions, close-out and extension
 * decisions are records: they go straight to core and are not undoable. Actions the workflow
 * forbids are disabled with core's reason as tooltip; a refusal by core (including a stale
 * edit, which offers to reload) is shown in the message line at the top, never in a blocking box.
 */

#include "commands/editcommand.h"
#include "domain/entities.h"
#include "storage/database.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace rectrack::ui {

class ProblemEditor : public QDialog
{
    Q_OBJECT
public:
    /// Tabs of the editor, in order.
    enum Tab
    {
        FieldsTab,
        MeasuresTab,
        ProgressTab,
        SupervisionTab,
        ReviewTab
    };

    /// Columns of the measure table.
    enum MeasureColumn
    {
        SeqColumn,
        ContentColumn,
        TypeColumn,
        OwnerColumn,
        DeadlineColumn,
        StateColumn,
        MeasureColumnCount
    };

    ProblemEditor(core::Database &db, EditContext *context, qint64 problemId, QWidget *parent = nullptr);

    qint64 problemId() const { return m_id; }
    /// The problem as last read from the register.
    const core::Problem &problem() const { return m_problem; }

    /// Re-reads the problem and everything under it.
    void reload();
    /// Stores @p paths as evidence files of the problem (one undoable command each); returns
    /// the number stored. Used by the Attach button and drag-and-drop.
    int attachFiles(const QStringList &paths);
    /// The message line (empty when the last action succeeded).
    QString message() const;
    /// Shows the tab @p tab.
    void setCurrentTab(Tab tab);

    /**
     * The problem was changed by another login (a live update, issue #24): re-read it when the
     * editor holds no unsaved typing, else keep the typing and say that a save will show both
     * versions.
     */
    void changedElsewhere();
    /// The conflict view while one is open (a save refused as stale), else nullptr.
    class ConflictDialog *conflictDialog() const;
    /// Whether the fields hold typing not yet saved.
    bool hasUnsavedTyping() const;

    /// Saves a field still being edited, then closes (Close, Esc or the window's close button).
    void done(int result) override;

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *buildFields();
    QWidget *buildMeasures();
    QWidget *buildProgress();
    QWidget *buildSupervision();
    QWidget *buildReview();
    void fillFields();
    void fillMeasures();
    void fillProgress();
    void fillSupervision();
    void fillReview();
    void updateStateButtons();

    /// Pushes the edited fields as one command when they differ from the stored problem.
    void commitFields();
    core::Problem formProblem() const;
    /// Runs a command; shows core's message on refusal. Returns whether it ran.
    bool run(QUndoCommand *command);
    /// Shows core's message (with a reload offer for a stale edit), or clears it.
    void showError(const core::Error &error);
    void clearMessage();

    void measureCellChanged(int row, int column);
    void addMeasure();
    void removeMeasure();
    void moveMeasure(int delta);
    void addProgress();
    void attachDialog();
    void openEvidence();
    void saveEvidence();
    void removeEvidence();
    void addAction();
    void requestExtension();
    void decideExtension(bool approved);
    void review(bool approved);
    void closeOut();
    /// Asks before a record (review decision, 销号) is written; true when the user confirms.
    bool confirmRecord(const QString &title, const QString &text);
    void changeState(core::ProblemState to);
    /// A save of @p mine was refused as stale (@p error): shows the conflict view.
    void resolveConflict(const core::Problem &mine, const core::Error &error);
    /// Fields and buttons as the login's role allows (a unit login: progress and notes only, no
    /// close-out).
    /// The registration's fields read-only and close-out hidden (a unit login; a problem held for
    /// another office).
    void lockRegistration();
    void applyRole();

    core::Database &m_db;
    EditContext *m_ctx;
    qint64 m_id;
    core::Problem m_problem;
    QList<core::Measure> m_measureRows;
    QList<core::Evidence> m_evidenceRows;
    QList<core::ExtensionRequest> m_extensionRows;
    bool m_filling = false;
    bool m_resolving = false; ///< a conflict view is open: no other save meanwhile

    QLabel *m_message;
    QPushButton *m_reload;
    QLabel *m_header;
    QTabWidget *m_tabs;

    // Fields
    QLineEdit *m_regNo;
    QLabel *m_unit;
    QComboBox *m_category;
    QComboBox *m_source;
    QPlainTextEdit *m_description;
    QPlainTextEdit *m_example;
    QPlainTextEdit *m_rootCause;
    QLineEdit *m_office;
    QLineEdit *m_leader;
    QLineEdit *m_person;
    QDateEdit *m_deadline;
    QLabel *m_originalDeadline;
    QLineEdit *m_deadlineNote;
    QCheckBox *m_immediate;
    QCheckBox *m_systemic;
    QPlainTextEdit *m_note;
    QLabel *m_state;
    QLabel *m_stateHint; ///< why 标记整改完成 (or another step) is not possible now, in visible text
    QPushButton *m_start;
    QPushButton *m_longTerm;
    QPushButton *m_completed;

    // Measures
    QTableWidget *m_measures;
    QLineEdit *m_newContent;
    QComboBox *m_newType;
    QLineEdit *m_newOwner;
    QDateEdit *m_newDeadline;
    QPushButton *m_removeMeasure;
    QPushButton *m_up;
    QPushButton *m_down;

    // Progress and evidence
    QTableWidget *m_progress;
    QDateEdit *m_progressDate;
    QLineEdit *m_progressText;
    QListWidget *m_evidence;
    QPushButton *m_openEvidence;
    QPushButton *m_saveEvidence;
    QPushButton *m_removeEvidence;

    // Supervision and extensions
    QTableWidget *m_actions;
    QComboBox *m_actionKind;
    QDateEdit *m_actionDate;
    QLineEdit *m_actionNote;
    QTableWidget *m_extensions;
    QLabel *m_deadlines;
    QDateEdit *m_extensionDeadline;
    QLineEdit *m_extensionReason;
    QPushButton *m_requestExtension;
    QPushButton *m_approveExtension;
    QPushButton *m_rejectExtension;

    // Review
    QTableWidget *m_reviews;
    QLabel *m_nextStep;
    QLineEdit *m_reviewer;
    QDateEdit *m_reviewDate;
    QLineEdit *m_opinion;
    QPushButton *m_approve;
    QPushButton *m_reject;
    QPushButton *m_closeOut;
    QLabel *m_reviewHint;
};

} // namespace rectrack::ui
