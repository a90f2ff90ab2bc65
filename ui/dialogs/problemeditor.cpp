#include "problemeditor.h"

#include "exchange/sitescope.h"

#include "conflictdialog.h"
#include "help/manualbrowser.h"

#include "commands/problemcommands.h"
#include "models/filesize.h"
#include "models/labels.h"
#include "sourcelevelchoice.h"
#include "storage/ledgerquery.h"
#include "workflow/organizationservice.h"
#include "workflow/problemservice.h"
#include "workflow/registerlevel.h"
#include "workflow/supervisionservice.h"
#include "workflow/workflow.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDesktopServices>
#include <QDir>
#include <QDragEnterEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QMimeDatabase>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QUndoStack>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <optional>

namespace rectrack::ui {

using core::MeasureState;
using core::ProblemState;

namespace {

constexpr qint64 kMaxEvidenceBytes = 200LL * 1024 * 1024; // one file; the register holds them all

QDateEdit *dateEdit(const QString &name, QWidget *parent)
{
    auto *e = new QDateEdit(parent);
    e->setObjectName(name);
    e->setCalendarPopup(true);
    e->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    return e;
}

QPushButton *button(const QString &text, const QString &name, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(name);
    b->setAutoDefault(false);
    return b;
}

QTableWidget *table(const QStringList &headers, const QString &name, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setObjectName(name);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->horizontalHeader()->setStretchLastSection(true);
    t->setWordWrap(true);
    return t;
}

QTableWidgetItem *readOnly(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    item->setToolTip(text);
    return item;
}

/// Temporary copies of opened evidence files live as long as the program.
QTemporaryDir &openedEvidenceDir()
{
    static QTemporaryDir dir;
    return dir;
}

} // namespace

ProblemEditor::ProblemEditor(core::Database &db, EditContext *context, qint64 problemId, QWidget *parent)
    : QDialog(parent), m_db(db), m_ctx(context), m_id(problemId)
{
    setObjectName(QStringLiteral("problemEditor"));
    setAttribute(Qt::WA_DeleteOnClose);
    setAcceptDrops(true);
    setWindowTitle(tr("Problem"));

    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("editorHeader"));
    m_header->setWordWrap(true);
    QFont bold = m_header->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_header->setFont(bold);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("editorMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("QLabel { color: #b42318; background: #fef3f2; padding: 4px; }"));
    m_message->hide();
    m_reload = button(tr("Reload"), QStringLiteral("reloadProblem"), this);
    m_reload->hide();
    connect(m_reload, &QPushButton::clicked, this, [this] {
        clearMessage();
        reload();
    });
    auto *messageRow = new QHBoxLayout;
    messageRow->addWidget(m_message, 1);
    messageRow->addWidget(m_reload);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("editorTabs"));
    m_tabs->addTab(buildFields(), tr("Problem"));
    m_tabs->addTab(buildMeasures(), tr("Measures"));
    m_tabs->addTab(buildProgress(), tr("Progress and evidence"));
    m_tabs->addTab(buildSupervision(), tr("Supervision and extension"));
    m_tabs->addTab(buildReview(), tr("Review and close-out"));
    // F1: the manual's page of the tab shown.
    installContextHelp(this, [this] {
        switch (m_tabs->currentIndex()) {
        case MeasuresTab:
        case ProgressTab:
            return QStringLiteral("measures");
        case SupervisionTab:
            return QStringLiteral("supervision");
        case ReviewTab:
            return QStringLiteral("review");
        default:
            return QStringLiteral("registration");
        }
    });

    auto *undo = button(tr("Undo"), QStringLiteral("editorUndo"), this);
    auto *redo = button(tr("Redo"), QStringLiteral("editorRedo"), this);
    auto *close = button(tr("Close"), QStringLiteral("editorClose"), this);
    // The editor is a window of its own: it takes Ctrl+Z / Ctrl+Shift+Z itself (a text field
    // being typed in keeps them for its own text).
    undo->setShortcut(QKeySequence::Undo);
    redo->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    connect(undo, &QPushButton::clicked, m_ctx->stack(), &QUndoStack::undo);
    connect(redo, &QPushButton::clicked, m_ctx->stack(), &QUndoStack::redo);
    connect(m_ctx->stack(), &QUndoStack::canUndoChanged, undo, &QPushButton::setEnabled);
    connect(m_ctx->stack(), &QUndoStack::canRedoChanged, redo, &QPushButton::setEnabled);
    undo->setEnabled(m_ctx->stack()->canUndo());
    redo->setEnabled(m_ctx->stack()->canRedo());
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    auto *hint = new QLabel(tr("Changes are saved as you make them; Ctrl+Z undoes the last one."), this);
    hint->setStyleSheet(QStringLiteral("color: palette(mid);"));
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(hint, 1);
    bottom->addWidget(undo);
    bottom->addWidget(redo);
    bottom->addWidget(close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addLayout(messageRow);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(bottom);

    connect(m_ctx, &EditContext::changed, this, &ProblemEditor::reload);
    connect(m_ctx, &EditContext::failed, this, [this](const QString &message) {
        showError({core::ErrorCode::InputRefused, message});
    });
    resize(1060, 760);
    // Ctrl+Z / Ctrl+Shift+Z from inside a field: the field keeps them while it has typing of its
    // own to undo, otherwise they reach the editor's undo stack (see eventFilter).
    for (QLineEdit *e : findChildren<QLineEdit *>())
        e->installEventFilter(this);
    for (QPlainTextEdit *e : findChildren<QPlainTextEdit *>())
        e->installEventFilter(this);
    reload();
    applyRole();
    // A problem held here for another office (a district's problem in the city's register, issue
    // #26) is read-only here: said before an edit is tried (a save would be refused), naming the
    // office that owns it. This office's own supervision of it can still be added.
    if (const auto owner = core::exchange::SiteScopes::heldFor(m_db, QStringLiteral("problems"), problemId);
        owner && !owner->isEmpty()) {
        auto *held = new QLabel(tr("This problem belongs to %1: it is read-only here, and only %1 changes it "
                                   "(its next exchange package brings the change). This office's supervision "
                                   "and reviews of it can still be added.")
                                    .arg(*owner),
                                this);
        held->setObjectName(QStringLiteral("heldNote"));
        held->setWordWrap(true);
        held->setStyleSheet(QStringLiteral("QLabel { color: #1d4ed8; background: #eff6ff; padding: 4px; }"));
        layout->insertWidget(1, held);
        lockRegistration();
    }
}

// ---- building -----------------------------------------------------------------------------

QWidget *ProblemEditor::buildFields()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_regNo = new QLineEdit(page);
    m_regNo->setObjectName(QStringLiteral("registrationNo"));
    m_unit = new QLabel(page);
    m_unit->setObjectName(QStringLiteral("unit"));
    m_category = new QComboBox(page);
    m_category->setObjectName(QStringLiteral("category"));
    m_source = new QComboBox(page);
    m_source->setObjectName(QStringLiteral("source"));
    SourceLevelChoice::fill(m_source);
    auto text = [page, this](const QString &name, int lines) {
        auto *e = new QPlainTextEdit(page);
        e->setObjectName(name);
        e->setTabChangesFocus(true);
        e->setFixedHeight(e->fontMetrics().lineSpacing() * lines + 12);
        e->installEventFilter(this);
        return e;
    };
    m_description = text(QStringLiteral("description"), 3);
    m_example = text(QStringLiteral("example"), 2);
    m_rootCause = text(QStringLiteral("rootCause"), 2);
    m_office = new QLineEdit(page);
    m_office->setObjectName(QStringLiteral("responsibleOffice"));
    m_leader = new QLineEdit(page);
    m_leader->setObjectName(QStringLiteral("leadLeader"));
    m_person = new QLineEdit(page);
    m_person->setObjectName(QStringLiteral("responsiblePerson"));
    m_deadline = dateEdit(QStringLiteral("deadline"), page);
    m_originalDeadline = new QLabel(page);
    m_originalDeadline->setObjectName(QStringLiteral("originalDeadline"));
    m_deadlineNote = new QLineEdit(page);
    m_deadlineNote->setObjectName(QStringLiteral("deadlineNote"));
    m_deadlineNote->setPlaceholderText(tr("e.g. 长期坚持 when there is no fixed date"));
    m_immediate = new QCheckBox(tr("Immediate rectification"), page);
    m_immediate->setObjectName(QStringLiteral("immediate"));
    m_systemic = new QCheckBox(tr("Systemic problem"), page);
    m_systemic->setObjectName(QStringLiteral("systemic"));
    m_note = text(QStringLiteral("note"), 2);

    auto *deadlineRow = new QHBoxLayout;
    deadlineRow->addWidget(m_deadline);
    deadlineRow->addWidget(m_originalDeadline, 1);
    auto *flags = new QHBoxLayout;
    flags->addWidget(m_immediate);
    flags->addWidget(m_systemic);
    flags->addStretch(1);

    form->addRow(tr("Registration no.:"), m_regNo);
    form->addRow(tr("Unit:"), m_unit);
    form->addRow(tr("Source:"), m_source);
    form->addRow(tr("Category:"), m_category);
    form->addRow(tr("Description:"), m_description);
    form->addRow(tr("Typical example:"), m_example);
    form->addRow(tr("Root cause:"), m_rootCause);
    form->addRow(tr("Responsible office:"), m_office);
    form->addRow(tr("Lead leader:"), m_leader);
    form->addRow(tr("Responsible person:"), m_person);
    form->addRow(tr("Deadline:"), deadlineRow);
    form->addRow(tr("Deadline note:"), m_deadlineNote);
    form->addRow(QString(), flags);
    form->addRow(tr("Note:"), m_note);

    for (QLineEdit *e : {m_regNo, m_office, m_leader, m_person, m_deadlineNote})
        connect(e, &QLineEdit::editingFinished, this, &ProblemEditor::commitFields);
    connect(m_deadline, &QDateEdit::editingFinished, this, &ProblemEditor::commitFields);
    for (QCheckBox *c : {m_immediate, m_systemic})
        connect(c, &QCheckBox::toggled, this, &ProblemEditor::commitFields);
    for (QComboBox *c : {m_category, m_source})
        connect(c, &QComboBox::activated, this, &ProblemEditor::commitFields);

    // State and the workflow buttons.
    auto *stateBox = new QGroupBox(tr("State"), page);
    m_state = new QLabel(stateBox);
    m_state->setObjectName(QStringLiteral("stateLabel"));
    m_start = button(tr("Start rectification"), QStringLiteral("startWork"), stateBox);
    m_longTerm = button(tr("Mark long-term"), QStringLiteral("markLongTerm"), stateBox);
    m_completed = button(tr("Mark rectification complete"), QStringLiteral("markCompleted"), stateBox);
    connect(m_start, &QPushButton::clicked, this, [this] { changeState(ProblemState::InProgress); });
    connect(m_longTerm, &QPushButton::clicked, this, [this] { changeState(ProblemState::LongTerm); });
    connect(m_completed, &QPushButton::clicked, this, [this] { changeState(ProblemState::Completed); });
    auto *stateColumn = new QVBoxLayout(stateBox);
    auto *stateRow = new QHBoxLayout;
    stateRow->addWidget(m_state, 1);
    stateRow->addWidget(m_start);
    stateRow->addWidget(m_longTerm);
    stateRow->addWidget(m_completed);
    stateColumn->addLayout(stateRow);
    m_stateHint = new QLabel(stateBox);
    m_stateHint->setObjectName(QStringLiteral("stateHint"));
    m_stateHint->setWordWrap(true);
    m_stateHint->setStyleSheet(QStringLiteral("color: #9a6700"));
    stateColumn->addWidget(m_stateHint);

    auto *v = new QVBoxLayout(page);
    v->addLayout(form);
    v->addWidget(stateBox);
    v->addStretch(1);

    // Tab order follows the form, then the workflow buttons.
    QWidget *order[] = {m_regNo,    m_source, m_category, m_description, m_example,      m_rootCause,
                        m_office,   m_leader, m_person,   m_deadline,    m_deadlineNote, m_immediate,
                        m_systemic, m_note,   m_start,    m_longTerm,    m_completed};
    for (size_t i = 1; i < std::size(order); ++i)
        setTabOrder(order[i - 1], order[i]);
    return page;
}

QWidget *ProblemEditor::buildMeasures()
{
    auto *page = new QWidget(this);
    m_measures = table({tr("No."), tr("Measure"), tr("Type"), tr("Owner"), tr("Deadline"), tr("State")},
                       QStringLiteral("measureTable"), page);
    m_measures->horizontalHeader()->setStretchLastSection(false);
    m_measures->horizontalHeader()->setSectionResizeMode(ContentColumn, QHeaderView::Stretch);
    const int em = fontMetrics().horizontalAdvance(QChar(0x4E2D));
    m_measures->setColumnWidth(SeqColumn, 3 * em);
    m_measures->setColumnWidth(TypeColumn, 7 * em);
    m_measures->setColumnWidth(OwnerColumn, 8 * em);
    m_measures->setColumnWidth(DeadlineColumn, 8 * em);
    m_measures->setColumnWidth(StateColumn, 7 * em);
    connect(m_measures, &QTableWidget::cellChanged, this, &ProblemEditor::measureCellChanged);

    m_removeMeasure = button(tr("Remove"), QStringLiteral("removeMeasure"), page);
    m_up = button(tr("Move up"), QStringLiteral("moveMeasureUp"), page);
    m_down = button(tr("Move down"), QStringLiteral("moveMeasureDown"), page);
    connect(m_removeMeasure, &QPushButton::clicked, this, &ProblemEditor::removeMeasure);
    connect(m_up, &QPushButton::clicked, this, [this] { moveMeasure(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveMeasure(1); });
    auto *rowButtons = new QHBoxLayout;
    rowButtons->addWidget(
        new QLabel(tr("Edit a cell to change it; the type and state change at once."), page), 1);
    rowButtons->addWidget(m_up);
    rowButtons->addWidget(m_down);
    rowButtons->addWidget(m_removeMeasure);

    auto *addBox = new QGroupBox(tr("New measure"), page);
    m_newContent = new QLineEdit(addBox);
    m_newContent->setObjectName(QStringLiteral("measureContent"));
    m_newContent->setPlaceholderText(tr("What will be done"));
    m_newType = new QComboBox(addBox);
    m_newType->setObjectName(QStringLiteral("measureType"));
    for (core::MeasureType t :
         {core::MeasureType::Immediate, core::MeasureType::Deadline, core::MeasureType::LongTerm})
        m_newType->addItem(Labels::measureType(t), int(t));
    m_newType->setCurrentIndex(1);
    m_newOwner = new QLineEdit(addBox);
    m_newOwner->setObjectName(QStringLiteral("measureOwner"));
    m_newOwner->setPlaceholderText(tr("Owner"));
    m_newDeadline = dateEdit(QStringLiteral("measureDeadline"), addBox);
    auto *add = button(tr("Add measure"), QStringLiteral("addMeasure"), addBox);
    connect(add, &QPushButton::clicked, this, &ProblemEditor::addMeasure);
    connect(m_newContent, &QLineEdit::returnPressed, this, &ProblemEditor::addMeasure);
    auto *grid = new QHBoxLayout(addBox);
    grid->addWidget(m_newContent, 3);
    grid->addWidget(m_newType);
    grid->addWidget(m_newOwner, 1);
    grid->addWidget(m_newDeadline);
    grid->addWidget(add);

    auto *v = new QVBoxLayout(page);
    v->addWidget(m_measures, 1);
    v->addLayout(rowButtons);
    v->addWidget(addBox);
    return page;
}

QWidget *ProblemEditor::buildProgress()
{
    auto *page = new QWidget(this);
    auto *progressBox = new QGroupBox(tr("Progress"), page);
    m_progress =
        table({tr("Date"), tr("Author"), tr("Progress")}, QStringLiteral("progressTable"), progressBox);
    m_progress->setEditTriggers(QAbstractItemView::NoEditTriggers);
    const int em = fontMetrics().horizontalAdvance(QChar(0x4E2D));
    m_progress->setColumnWidth(0, 7 * em);
    m_progress->setColumnWidth(1, 9 * em);
    m_progressDate = dateEdit(QStringLiteral("progressDate"), progressBox);
    m_progressText = new QLineEdit(progressBox);
    m_progressText->setObjectName(QStringLiteral("progressText"));
    m_progressText->setPlaceholderText(tr("What has been done"));
    auto *add = button(tr("Add progress"), QStringLiteral("addProgress"), progressBox);
    connect(add, &QPushButton::clicked, this, &ProblemEditor::addProgress);
    connect(m_progressText, &QLineEdit::returnPressed, this, &ProblemEditor::addProgress);
    auto *row = new QHBoxLayout;
    row->addWidget(m_progressDate);
    row->addWidget(m_progressText, 1);
    row->addWidget(add);
    auto *pv = new QVBoxLayout(progressBox);
    pv->addWidget(m_progress, 1);
    pv->addLayout(row);

    auto *evidenceBox = new QGroupBox(tr("Evidence (drop files here)"), page);
    m_evidence = new QListWidget(evidenceBox);
    m_evidence->setObjectName(QStringLiteral("evidenceList"));
    m_evidence->setAcceptDrops(false); // the dialog takes the drop
    auto *attach = button(tr("Attach…"), QStringLiteral("attachEvidence"), evidenceBox);
    m_openEvidence = button(tr("Open"), QStringLiteral("openEvidence"), evidenceBox);
    m_saveEvidence = button(tr("Save as…"), QStringLiteral("saveEvidence"), evidenceBox);
    m_removeEvidence = button(tr("Remove"), QStringLiteral("removeEvidence"), evidenceBox);
    connect(attach, &QPushButton::clicked, this, &ProblemEditor::attachDialog);
    connect(m_openEvidence, &QPushButton::clicked, this, &ProblemEditor::openEvidence);
    connect(m_saveEvidence, &QPushButton::clicked, this, &ProblemEditor::saveEvidence);
    connect(m_removeEvidence, &QPushButton::clicked, this, &ProblemEditor::removeEvidence);
    connect(m_evidence, &QListWidget::itemActivated, this, &ProblemEditor::openEvidence);
    auto updateButtons = [this] {
        const bool any = m_evidence->currentRow() >= 0;
        m_openEvidence->setEnabled(any);
        m_saveEvidence->setEnabled(any);
        m_removeEvidence->setEnabled(any);
    };
    connect(m_evidence, &QListWidget::currentRowChanged, this, updateButtons);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(attach);
    buttons->addWidget(m_openEvidence);
    buttons->addWidget(m_saveEvidence);
    buttons->addWidget(m_removeEvidence);
    buttons->addStretch(1);
    auto *ev = new QVBoxLayout(evidenceBox);
    ev->addWidget(m_evidence, 1);
    ev->addLayout(buttons);

    auto *v = new QVBoxLayout(page);
    v->addWidget(progressBox, 3);
    v->addWidget(evidenceBox, 2);
    return page;
}

QWidget *ProblemEditor::buildSupervision()
{
    auto *page = new QWidget(this);
    const int em = fontMetrics().horizontalAdvance(QChar(0x4E2D));

    auto *actionBox = new QGroupBox(tr("Supervision actions"), page);
    m_actions =
        table({tr("Date"), tr("Action"), tr("By"), tr("Note")}, QStringLiteral("actionTable"), actionBox);
    m_actions->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_actions->setColumnWidth(0, 7 * em);
    m_actions->setColumnWidth(1, 6 * em);
    m_actions->setColumnWidth(2, 6 * em);
    m_actionKind = new QComboBox(actionBox);
    m_actionKind->setObjectName(QStringLiteral("actionKind"));
    for (core::SupervisionKind k : {core::SupervisionKind::Urge, core::SupervisionKind::Reminder,
                                    core::SupervisionKind::Warning, core::SupervisionKind::SupervisionLetter,
                                    core::SupervisionKind::Interview, core::SupervisionKind::ReturnVisit})
        m_actionKind->addItem(core::Names::display(k), int(k));
    m_actionDate = dateEdit(QStringLiteral("actionDate"), actionBox);
    m_actionNote = new QLineEdit(actionBox);
    m_actionNote->setObjectName(QStringLiteral("actionNote"));
    m_actionNote->setPlaceholderText(tr("Note"));
    auto *addAction = button(tr("Record action"), QStringLiteral("addAction"), actionBox);
    connect(addAction, &QPushButton::clicked, this, &ProblemEditor::addAction);
    auto *row = new QHBoxLayout;
    row->addWidget(m_actionKind);
    row->addWidget(m_actionDate);
    row->addWidget(m_actionNote, 1);
    row->addWidget(addAction);
    auto *av = new QVBoxLayout(actionBox);
    av->addWidget(m_actions, 1);
    av->addLayout(row);

    auto *extBox = new QGroupBox(tr("Deadline extension"), page);
    m_extensions =
        table({tr("Requested on"), tr("New deadline"), tr("Reason"), tr("Decision"), tr("Decided")},
              QStringLiteral("extensionTable"), extBox);
    m_extensions->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_extensions->setColumnWidth(0, 7 * em);
    m_extensions->setColumnWidth(1, 7 * em);
    m_extensions->setColumnWidth(2, 16 * em);
    m_extensions->setColumnWidth(3, 5 * em);
    m_extensionDeadline = dateEdit(QStringLiteral("extensionDeadline"), extBox);
    m_extensionReason = new QLineEdit(extBox);
    m_extensionReason->setObjectName(QStringLiteral("extensionReason"));
    m_extensionReason->setPlaceholderText(tr("Reason"));
    m_requestExtension = button(tr("Request extension"), QStringLiteral("requestExtension"), extBox);
    m_approveExtension = button(tr("Approve"), QStringLiteral("approveExtension"), extBox);
    m_rejectExtension = button(tr("Reject"), QStringLiteral("rejectExtension"), extBox);
    connect(m_requestExtension, &QPushButton::clicked, this, &ProblemEditor::requestExtension);
    connect(m_approveExtension, &QPushButton::clicked, this, [this] { decideExtension(true); });
    connect(m_rejectExtension, &QPushButton::clicked, this, [this] { decideExtension(false); });
    connect(m_extensions, &QTableWidget::currentCellChanged, this, [this] {
        const int r = m_extensions->currentRow();
        const bool pending =
            r >= 0 && r < m_extensionRows.size() && m_extensionRows[r].decision == QLatin1String("pending");
        m_approveExtension->setEnabled(pending);
        m_rejectExtension->setEnabled(pending);
    });
    m_deadlines = new QLabel(extBox);
    m_deadlines->setObjectName(QStringLiteral("extensionDeadlines"));
    auto *erow = new QHBoxLayout;
    erow->addWidget(new QLabel(tr("New deadline"), extBox));
    erow->addWidget(m_extensionDeadline);
    erow->addWidget(m_extensionReason, 1);
    erow->addWidget(m_requestExtension);
    erow->addWidget(m_approveExtension);
    erow->addWidget(m_rejectExtension);
    auto *evl = new QVBoxLayout(extBox);
    evl->addWidget(m_deadlines);
    evl->addWidget(m_extensions, 1);
    evl->addLayout(erow);

    auto *v = new QVBoxLayout(page);
    v->addWidget(actionBox, 1);
    v->addWidget(extBox, 1);
    return page;
}

QWidget *ProblemEditor::buildReview()
{
    auto *page = new QWidget(this);
    const int em = fontMetrics().horizontalAdvance(QChar(0x4E2D));
    m_reviews = table({tr("Date"), tr("Step"), tr("Reviewer"), tr("Decision"), tr("Opinion")},
                      QStringLiteral("reviewTable"), page);
    m_reviews->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_reviews->setColumnWidth(0, 7 * em);
    m_reviews->setColumnWidth(1, 12 * em);
    m_reviews->setColumnWidth(2, 10 * em);
    m_reviews->setColumnWidth(3, 5 * em);

    auto *box = new QGroupBox(tr("Review step"), page);
    m_nextStep = new QLabel(box);
    m_nextStep->setObjectName(QStringLiteral("nextReviewStep"));
    QFont f = m_nextStep->font();
    f.setBold(true);
    m_nextStep->setFont(f);
    m_reviewer = new QLineEdit(box);
    m_reviewer->setObjectName(QStringLiteral("reviewer"));
    m_reviewDate = dateEdit(QStringLiteral("reviewDate"), box);
    m_opinion = new QLineEdit(box);
    m_opinion->setObjectName(QStringLiteral("reviewOpinion"));
    m_opinion->setPlaceholderText(tr("Opinion"));
    m_approve = button(tr("Approve"), QStringLiteral("approveReview"), box);
    m_reject = button(tr("Reject (back to in progress)"), QStringLiteral("rejectReview"), box);
    m_closeOut = button(tr("Close out"), QStringLiteral("closeOut"), box);
    m_reviewHint = new QLabel(box);
    m_reviewHint->setObjectName(QStringLiteral("reviewHint"));
    m_reviewHint->setWordWrap(true);
    connect(m_approve, &QPushButton::clicked, this, [this] { review(true); });
    connect(m_reject, &QPushButton::clicked, this, [this] { review(false); });
    connect(m_closeOut, &QPushButton::clicked, this, &ProblemEditor::closeOut);
    auto *form = new QFormLayout;
    form->addRow(tr("Next step:"), m_nextStep);
    form->addRow(tr("Reviewer:"), m_reviewer);
    form->addRow(tr("Date:"), m_reviewDate);
    form->addRow(tr("Opinion:"), m_opinion);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_approve);
    buttons->addWidget(m_reject);
    buttons->addStretch(1);
    buttons->addWidget(m_closeOut);
    auto *bv = new QVBoxLayout(box);
    bv->addLayout(form);
    bv->addLayout(buttons);
    bv->addWidget(m_reviewHint);
    auto *note =
        new QLabel(tr("Review decisions and close-out are records: they cannot be undone; a wrong decision "
                      "is corrected by a new review."),
                   page);
    note->setWordWrap(true);
    note->setStyleSheet(QStringLiteral("color: palette(mid);"));

    auto *v = new QVBoxLayout(page);
    v->addWidget(m_reviews, 1);
    v->addWidget(box);
    v->addWidget(note);
    return page;
}

// ---- filling ------------------------------------------------------------------------------

void ProblemEditor::reload()
{
    const auto p = core::ProblemService(m_db).problem(m_id);
    if (!p) {
        showError({core::ErrorCode::InputRefused, tr("The problem #%1 no longer exists.").arg(m_id)});
        return;
    }
    m_problem = *p;
    m_filling = true;
    fillFields();
    fillMeasures();
    fillProgress();
    fillSupervision();
    fillReview();
    updateStateButtons();
    m_filling = false;
}

void ProblemEditor::fillFields()
{
    const core::Problem &p = m_problem;
    const QString unit =
        m_db.scalar(QStringLiteral("SELECT name FROM units WHERE id = ?"), {p.unitId}).toString();
    setWindowTitle(
        tr("Problem %1 — %2")
            .arg(p.registrationNo.isEmpty() ? QStringLiteral("#%1").arg(p.id) : p.registrationNo, unit));
    QString header =
        p.registrationNo.isEmpty() ? p.description : p.registrationNo + QStringLiteral("  ") + p.description;
    if (p.deletedAt.isValid())
        header += QStringLiteral("  ") + tr("(deleted)");
    m_header->setText(header);
    m_regNo->setText(p.registrationNo);
    m_unit->setText(unit);
    m_source->setCurrentIndex(m_source->findData(int(p.source)));
    m_category->clear();
    m_category->addItem(tr("(none)"), qint64(0));
    for (const auto &[id, name, depth] : core::LedgerQuery(m_db).categories())
        m_category->addItem(QString(depth, QChar(0x3000)) + name, id); // indented by ideographic spaces
    m_category->setCurrentIndex(std::max(0, m_category->findData(p.categoryId)));
    for (auto [edit, value] : {std::pair{m_description, p.description}, std::pair{m_example, p.example},
                               std::pair{m_rootCause, p.rootCause}, std::pair{m_note, p.note}})
        if (edit->toPlainText() != value)
            edit->setPlainText(value);
    m_office->setText(p.responsibleOffice);
    m_leader->setText(p.leadLeader);
    m_person->setText(p.responsiblePerson);
    m_deadline->setDate(p.deadline.isValid() ? p.deadline : p.feedbackDate);
    m_originalDeadline->setText(
        p.originalDeadline.isValid() && p.originalDeadline != p.deadline
            ? tr("original deadline %1, extended").arg(Labels::date(p.originalDeadline))
            : QString());
    m_deadlineNote->setText(p.deadlineNote);
    m_immediate->setChecked(p.immediate);
    m_systemic->setChecked(p.systemic);
    m_state->setText(
        tr("%1 · registered %2").arg(Labels::state(p.state), Labels::date(p.feedbackDate)) +
        (p.completedDate.isValid() && core::isDone(p.state)
             ? tr(" · completed %1").arg(Labels::date(p.completedDate))
             : QString()) +
        (p.closedOutDate.isValid() ? tr(" · closed out %1").arg(Labels::date(p.closedOutDate)) : QString()));
}

void ProblemEditor::fillMeasures()
{
    // Rows are updated in place: a state box or a cell may be the sender of the change that led
    // here, and must not be deleted under it.
    m_measureRows = core::ProblemService(m_db).measures(m_id);
    const int n = int(m_measureRows.size());
    m_measures->setRowCount(n);
    const bool editable = m_problem.state != ProblemState::ClosedOut;
    auto itemAt = [this](int r, int c, bool readOnlyCell) {
        QTableWidgetItem *item = m_measures->item(r, c);
        if (!item) {
            item = readOnlyCell ? readOnly(QString()) : new QTableWidgetItem;
            m_measures->setItem(r, c, item);
        }
        return item;
    };
    for (int r = 0; r < n; ++r) {
        const core::Measure &m = m_measureRows[r];
        itemAt(r, SeqColumn, true)->setText(QString::number(m.seq));
        QTableWidgetItem *content = itemAt(r, ContentColumn, false);
        content->setText(m.content);
        content->setToolTip(m.content);
        itemAt(r, OwnerColumn, false)->setText(m.owner);
        itemAt(r, DeadlineColumn, false)
            ->setText(m.deadline.isValid() ? Labels::date(m.deadline) : m.deadlineNote);

        auto *type = qobject_cast<QComboBox *>(m_measures->cellWidget(r, TypeColumn));
        if (!type) {
            type = new QComboBox(m_measures);
            type->setObjectName(QStringLiteral("measureTypeCombo"));
            for (core::MeasureType t :
                 {core::MeasureType::Immediate, core::MeasureType::Deadline, core::MeasureType::LongTerm})
                type->addItem(Labels::measureType(t), int(t));
            connect(type, &QComboBox::activated, this, [this, r, type] {
                if (r >= m_measureRows.size())
                    return;
                core::Measure after = m_measureRows[r];
                after.type = core::MeasureType(type->currentData().toInt());
                if (after.type != m_measureRows[r].type)
                    run(commands::updateMeasure(m_ctx, m_db, m_measureRows[r], after));
            });
            m_measures->setCellWidget(r, TypeColumn, type);
        }
        type->setCurrentIndex(type->findData(int(m.type)));
        type->setEnabled(editable);

        auto *state = qobject_cast<QComboBox *>(m_measures->cellWidget(r, StateColumn));
        if (!state) {
            state = new QComboBox(m_measures);
            state->setObjectName(QStringLiteral("measureStateCombo"));
            for (core::MeasureState s : {MeasureState::Pending, MeasureState::InProgress,
                                         MeasureState::LongTerm, MeasureState::Completed})
                state->addItem(Labels::measureState(s), int(s));
            connect(state, &QComboBox::activated, this, [this, r, state] {
                if (r >= m_measureRows.size())
                    return;
                const auto to = core::MeasureState(state->currentData().toInt());
                if (to != m_measureRows[r].state)
                    run(commands::setMeasureState(m_ctx, m_db, m_measureRows[r], to, m_db.clock().today()));
            });
            m_measures->setCellWidget(r, StateColumn, state);
        }
        state->setCurrentIndex(state->findData(int(m.state)));
        state->setEnabled(editable);
    }
    m_measures->resizeRowsToContents();
    m_measures->setEditTriggers(editable
                                    ? QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                                          QAbstractItemView::AnyKeyPressed
                                    : QAbstractItemView::NoEditTriggers);
    m_removeMeasure->setEnabled(editable);
    m_up->setEnabled(editable);
    m_down->setEnabled(editable);
    if (m_newDeadline->date() == QDate(2000, 1, 1))
        m_newDeadline->setDate(m_problem.deadline.isValid() ? m_problem.deadline : m_db.clock().today());
}

void ProblemEditor::fillProgress()
{
    const QList<core::ProgressEntry> entries = core::ProblemService(m_db).progress(m_id);
    m_progress->setRowCount(int(entries.size()));
    for (int r = 0; r < entries.size(); ++r) {
        m_progress->setItem(r, 0, readOnly(Labels::date(entries[r].date)));
        m_progress->setItem(r, 1, readOnly(entries[r].author));
        m_progress->setItem(r, 2, readOnly(entries[r].text));
    }
    m_progress->resizeRowsToContents();
    if (!m_progressDate->date().isValid() || m_progressDate->date() == QDate(2000, 1, 1))
        m_progressDate->setDate(m_db.clock().today());
    m_evidenceRows = core::ProblemService(m_db).evidence(m_id);
    m_evidence->clear();
    for (const core::Evidence &e : m_evidenceRows)
        m_evidence->addItem(
            tr("%1  (%2, added %3)").arg(e.originalName, fileSizeText(e.size), Labels::date(e.addedOn)));
    m_openEvidence->setEnabled(false);
    m_saveEvidence->setEnabled(false);
    m_removeEvidence->setEnabled(false);
}

void ProblemEditor::fillSupervision()
{
    const QList<core::SupervisionAction> actions = core::SupervisionService(m_db).actions(m_id);
    m_actions->setRowCount(int(actions.size()));
    for (int r = 0; r < actions.size(); ++r) {
        m_actions->setItem(r, 0, readOnly(Labels::date(actions[r].date)));
        m_actions->setItem(r, 1, readOnly(core::Names::display(actions[r].kind)));
        // A supervision action that came from another site (the city's 督办 on this district's problem)
        // is marked as that office's: it is read-only here (core::exchange::SiteScopes::checkWritable).
        const auto owner =
            core::exchange::SiteScopes::heldFor(m_db, QStringLiteral("supervision_actions"), actions[r].id);
        const QString actor = owner && !owner->isEmpty()
                                  ? tr("%1 (%2, read-only here)").arg(actions[r].actor, *owner)
                                  : actions[r].actor;
        m_actions->setItem(r, 2, readOnly(actor));
        m_actions->setItem(r, 3, readOnly(actions[r].note));
    }
    if (m_actionDate->date() == QDate(2000, 1, 1))
        m_actionDate->setDate(m_db.clock().today());

    m_extensionRows = core::SupervisionService(m_db).extensions(m_id);
    m_extensions->setRowCount(int(m_extensionRows.size()));
    for (int r = 0; r < m_extensionRows.size(); ++r) {
        const core::ExtensionRequest &e = m_extensionRows[r];
        const QString decision = e.decision == QLatin1String("approved")   ? tr("approved")
                                 : e.decision == QLatin1String("rejected") ? tr("rejected")
                                                                           : tr("pending");
        m_extensions->setItem(r, 0, readOnly(Labels::date(e.requestedOn)));
        m_extensions->setItem(r, 1, readOnly(Labels::date(e.requestedDeadline)));
        m_extensions->setItem(r, 2, readOnly(e.reason));
        m_extensions->setItem(r, 3, readOnly(decision));
        m_extensions->setItem(r, 4,
                              readOnly(e.decidedOn.isValid()
                                           ? tr("%1 by %2").arg(Labels::date(e.decidedOn), e.decidedBy)
                                           : QString()));
    }
    // The original deadline stays visible after an approved extension (DESIGN.md §1.6).
    m_deadlines->setText(
        m_problem.originalDeadline.isValid() && m_problem.originalDeadline != m_problem.deadline
            ? tr("Current deadline %1 · original deadline %2")
                  .arg(Labels::date(m_problem.deadline), Labels::date(m_problem.originalDeadline))
            : tr("Current deadline %1")
                  .arg(m_problem.deadline.isValid() ? Labels::date(m_problem.deadline)
                                                    : m_problem.deadlineNote));
    const QDate base = m_problem.deadline.isValid() ? m_problem.deadline : m_db.clock().today();
    if (m_extensionDeadline->date() <= base)
        m_extensionDeadline->setDate(base.addMonths(1));
    m_requestExtension->setEnabled(!core::isDone(m_problem.state));
    m_requestExtension->setToolTip(
        core::isDone(m_problem.state) ? tr("A completed problem needs no extension.") : QString());
    m_approveExtension->setEnabled(false);
    m_rejectExtension->setEnabled(false);
    for (int r = int(m_extensionRows.size()) - 1; r >= 0; --r) {
        if (m_extensionRows[r].decision == QLatin1String("pending")) {
            m_extensions->setCurrentCell(r, 0);
            m_approveExtension->setEnabled(true);
            m_rejectExtension->setEnabled(true);
            break;
        }
    }
}

void ProblemEditor::fillReview()
{
    const QList<core::Review> reviews = core::SupervisionService(m_db).reviews(m_id);
    m_reviews->setRowCount(int(reviews.size()));
    for (int r = 0; r < reviews.size(); ++r) {
        m_reviews->setItem(r, 0, readOnly(Labels::date(reviews[r].date)));
        m_reviews->setItem(r, 1, readOnly(Labels::reviewStep(reviews[r].step)));
        m_reviews->setItem(r, 2, readOnly(reviews[r].reviewer));
        m_reviews->setItem(r, 3, readOnly(reviews[r].approved ? tr("approved") : tr("rejected")));
        m_reviews->setItem(r, 4, readOnly(reviews[r].opinion));
    }
    m_reviews->resizeRowsToContents();

    // The next step: the first one without an approval since the problem was last completed
    // (the order core's SupervisionService::addReview enforces).
    std::optional<core::ReviewStep> next;
    if (m_problem.state == ProblemState::Completed) {
        for (int step = 0; step < 3 && !next; ++step) {
            const bool approved = std::any_of(reviews.begin(), reviews.end(), [&](const core::Review &r) {
                return int(r.step) == step && r.approved && r.date >= m_problem.completedDate;
            });
            if (!approved)
                next = core::ReviewStep(step);
        }
    }
    m_nextStep->setProperty("step", next ? int(*next) : -1);
    if (m_reviewer->text().isEmpty())
        m_reviewer->setText(m_db.actor());
    if (m_reviewDate->date() == QDate(2000, 1, 1))
        m_reviewDate->setDate(m_db.clock().today());

    const bool reviewable = m_problem.state == ProblemState::Completed && next.has_value();
    m_approve->setEnabled(reviewable);
    m_reject->setEnabled(reviewable);
    const core::Status close = core::Workflow::checkTransition(
        m_problem.state, ProblemState::ClosedOut, core::ProblemService(m_db).transitionContext(m_id));
    m_closeOut->setEnabled(close.ok() && m_problem.state != ProblemState::ClosedOut);
    if (m_problem.state == ProblemState::ClosedOut) {
        m_nextStep->setText(tr("Closed out on %1").arg(Labels::date(m_problem.closedOutDate)));
        m_reviewHint->setText(QString());
    } else if (m_problem.state != ProblemState::Completed) {
        m_nextStep->setText(tr("None yet"));
        m_reviewHint->setText(tr("The review starts when the rectification is marked complete (now: %1).")
                                  .arg(Labels::state(m_problem.state)));
    } else if (next) {
        m_nextStep->setText(tr("Step %1 of 3: %2").arg(int(*next) + 1).arg(Labels::reviewStep(*next)));
        m_reviewHint->setText(close.ok() ? QString() : close.error().message);
    } else {
        m_nextStep->setText(tr("All three steps approved"));
        m_reviewHint->setText(close.ok() ? tr("The problem can be closed out.") : close.error().message);
    }
    m_closeOut->setToolTip(close.ok() ? QString() : close.error().message);
}

void ProblemEditor::updateStateButtons()
{
    const core::TransitionContext ctx = core::ProblemService(m_db).transitionContext(m_id);
    auto setup = [&](QPushButton *b, ProblemState to) {
        const core::Status s = core::Workflow::checkTransition(m_problem.state, to, ctx);
        b->setEnabled(s.ok() && m_problem.state != to && !m_problem.deletedAt.isValid());
        b->setToolTip(s.ok() ? QString() : s.error().message);
    };
    setup(m_start, ProblemState::InProgress);
    setup(m_longTerm, ProblemState::LongTerm);
    setup(m_completed, ProblemState::Completed);
    // Why the rectification cannot be marked complete yet, in visible text (core's reason: no
    // measures on record, or measures not finished).
    const core::Status complete =
        core::Workflow::checkTransition(m_problem.state, ProblemState::Completed, ctx);
    m_stateHint->setText(!complete.ok() && !core::isDone(m_problem.state) && !m_problem.deletedAt.isValid()
                             ? complete.error().message
                             : QString());
    m_stateHint->setVisible(!m_stateHint->text().isEmpty());
    m_start->setText(m_problem.state == ProblemState::LongTerm ? tr("Back to in progress")
                                                               : tr("Start rectification"));
    // A completed problem leaves "completed" only through a rejected review.
    if (m_problem.state == ProblemState::Completed) {
        m_start->setEnabled(false);
        m_start->setToolTip(tr("A completed problem goes back to in progress through a rejected review."));
    }
}

// ---- editing ------------------------------------------------------------------------------

core::Problem ProblemEditor::formProblem() const
{
    core::Problem p = m_problem;
    p.registrationNo = m_regNo->text().trimmed();
    p.source = core::SourceLevel(m_source->currentData().toInt());
    p.categoryId = m_category->currentData().toLongLong();
    p.description = m_description->toPlainText().trimmed();
    p.example = m_example->toPlainText().trimmed();
    p.rootCause = m_rootCause->toPlainText().trimmed();
    p.responsibleOffice = m_office->text().trimmed();
    p.leadLeader = m_leader->text().trimmed();
    p.responsiblePerson = m_person->text().trimmed();
    if (m_problem.deadline.isValid() || m_deadline->date() != m_problem.feedbackDate)
        p.deadline = m_deadline->date();
    p.deadlineNote = m_deadlineNote->text().trimmed();
    p.immediate = m_immediate->isChecked();
    p.systemic = m_systemic->isChecked();
    p.note = m_note->toPlainText().trimmed();
    return p;
}

void ProblemEditor::commitFields()
{
    if (m_filling || m_resolving || m_problem.id == 0)
        return;
    const core::Problem after = formProblem();
    const core::Problem &b = m_problem;
    const bool same = after.registrationNo == b.registrationNo && after.source == b.source &&
                      after.categoryId == b.categoryId && after.description == b.description &&
                      after.example == b.example && after.rootCause == b.rootCause &&
                      after.responsibleOffice == b.responsibleOffice && after.leadLeader == b.leadLeader &&
                      after.responsiblePerson == b.responsiblePerson && after.deadline == b.deadline &&
                      after.deadlineNote == b.deadlineNote && after.immediate == b.immediate &&
                      after.systemic == b.systemic && after.note == b.note;
    if (same)
        return;
    const core::Status s = m_ctx->run(commands::updateProblem(m_ctx, m_db, m_problem, after));
    if (s) {
        clearMessage();
        return;
    }
    if (s.error().staleEdit) { // another login saved it meanwhile: both versions, nothing lost
        resolveConflict(after, s.error());
        return;
    }
    showError(s.error());
    // Refused: show what is stored. A lost connection keeps the typing, to be saved once it is back.
    if (!m_reload->isVisible() && m_db.connected())
        reload();
}

bool ProblemEditor::hasUnsavedTyping() const
{
    const core::Problem a = formProblem();
    const core::Problem &b = m_problem;
    return !(a.registrationNo == b.registrationNo && a.source == b.source && a.categoryId == b.categoryId &&
             a.description == b.description && a.example == b.example && a.rootCause == b.rootCause &&
             a.responsibleOffice == b.responsibleOffice && a.leadLeader == b.leadLeader &&
             a.responsiblePerson == b.responsiblePerson && a.deadline == b.deadline &&
             a.deadlineNote == b.deadlineNote && a.immediate == b.immediate && a.systemic == b.systemic &&
             a.note == b.note);
}

void ProblemEditor::changedElsewhere()
{
    if (m_resolving)
        return;
    if (!hasUnsavedTyping()) {
        reload();
        return;
    }
    m_message->setText(
        tr("Someone else has just changed this problem. What you typed is kept; saving it shows "
           "both versions."));
    m_message->show();
}

ConflictDialog *ProblemEditor::conflictDialog() const
{
    for (ConflictDialog *d : findChildren<ConflictDialog *>(QStringLiteral("conflictDialog")))
        if (d->isVisible())
            return d;
    return nullptr;
}

void ProblemEditor::resolveConflict(const core::Problem &mine, const core::Error &error)
{
    const auto theirs = core::ProblemService(m_db).problem(m_id);
    if (!theirs) {
        showError({core::ErrorCode::InputRefused, tr("The problem #%1 no longer exists.").arg(m_id)});
        return;
    }
    QHash<qint64, QString> categories;
    for (const auto &[id, name, depth] : core::LedgerQuery(m_db).categories())
        categories.insert(id, name);
    m_resolving = true;
    showError(error);
    m_reload->hide();
    auto *dialog = new ConflictDialog(m_problem, mine, *theirs, error.staleChange, categories, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const core::Problem read = m_problem;
    connect(
        dialog, &ConflictDialog::chosen, this, [this, read, mine, fresh = *theirs](ConflictDialog::Choice c) {
            if (!m_resolving)
                return; // rejected() after a button: already handled
            m_resolving = false;
            m_problem = fresh; // their version is the one edited from now on
            switch (c) {
            case ConflictDialog::Choice::KeepMine: {
                const core::Problem merged = ConflictDialog::merged(read, mine, fresh);
                const core::Status s = m_ctx->run(commands::updateProblem(m_ctx, m_db, m_problem, merged));
                if (!s) {
                    showError(s.error()); // typing stays in the fields
                    return;
                }
                clearMessage();
                reload();
                break;
            }
            case ConflictDialog::Choice::TakeTheirs:
                clearMessage();
                reload();
                break;
            case ConflictDialog::Choice::Edit:
                // The fields keep what was typed; the next save goes onto their version.
                m_message->setText(
                    tr("Your text is kept in the fields; it is saved onto their version when you "
                       "leave a field."));
                m_message->show();
                break;
            }
        });
    dialog->open();
}

bool ProblemEditor::run(QUndoCommand *command)
{
    const core::Status s = m_ctx->run(command);
    if (s)
        clearMessage();
    else
        showError(s.error());
    return s.ok();
}

void ProblemEditor::applyRole()
{
    const QStringList roles = m_db.loginRoles();
    if (roles.isEmpty() || roles.contains(QLatin1String("office")))
        return;
    // A unit login (issue #23): the problem's progress and notes; the office registers the rest,
    // reviews last and closes out.
    lockRegistration();
}

void ProblemEditor::lockRegistration()
{
    m_closeOut->hide();
    for (QLineEdit *e : {m_regNo, m_office, m_leader, m_person, m_deadlineNote})
        e->setReadOnly(true);
    for (QPlainTextEdit *e : {m_description, m_example, m_rootCause})
        e->setReadOnly(true);
    m_deadline->setReadOnly(true);
    for (QWidget *w : std::initializer_list<QWidget *>{m_source, m_category, m_immediate, m_systemic})
        w->setEnabled(false);
}

void ProblemEditor::showError(const core::Error &error)
{
    m_message->setText(error.message);
    m_message->show();
    m_reload->setVisible(error.staleEdit);
}

void ProblemEditor::clearMessage()
{
    m_message->clear();
    m_message->hide();
    m_reload->hide();
}

void ProblemEditor::done(int result)
{
    commitFields();
    if (m_resolving)
        return; // the conflict view is open: the editor stays, with what was typed
    QDialog::done(result);
}

void ProblemEditor::setCurrentTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab));
}

QString ProblemEditor::message() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

bool ProblemEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        const bool undo = key->matches(QKeySequence::Undo);
        const bool redo =
            key->matches(QKeySequence::Redo) ||
            QKeySequence(key->keyCombination()) == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z);
        if (undo || redo) {
            bool own = false; // the field's own typing to undo or redo
            if (auto *line = qobject_cast<QLineEdit *>(watched))
                own = undo ? line->isUndoAvailable() : line->isRedoAvailable();
            else if (auto *text = qobject_cast<QPlainTextEdit *>(watched))
                own = undo ? text->document()->isUndoAvailable() : text->document()->isRedoAvailable();
            if (!own)
                return true; // not accepted: the editor's shortcut takes it
        }
    }
    if (event->type() == QEvent::FocusOut &&
        (watched == m_description || watched == m_example || watched == m_rootCause || watched == m_note))
        commitFields();
    return QDialog::eventFilter(watched, event);
}

void ProblemEditor::changeState(ProblemState to)
{
    commitFields();
    run(commands::changeState(m_ctx, m_db, m_id, to, m_db.clock().today()));
}

void ProblemEditor::measureCellChanged(int row, int column)
{
    if (m_filling || row < 0 || row >= m_measureRows.size())
        return;
    const core::Measure &before = m_measureRows[row];
    core::Measure after = before;
    const QString text = m_measures->item(row, column)->text().trimmed();
    switch (column) {
    case ContentColumn:
        after.content = text;
        break;
    case OwnerColumn:
        after.owner = text;
        break;
    case DeadlineColumn: {
        const QDate d = QDate::fromString(text, Qt::ISODate);
        after.deadline = d;
        after.deadlineNote = d.isValid() ? QString() : text;
        break;
    }
    default:
        return;
    }
    if (after.content == before.content && after.owner == before.owner && after.deadline == before.deadline &&
        after.deadlineNote == before.deadlineNote)
        return;
    if (!run(commands::updateMeasure(m_ctx, m_db, before, after))) {
        m_filling = true;
        fillMeasures();
        m_filling = false;
    }
}

void ProblemEditor::addMeasure()
{
    core::Measure m;
    m.problemId = m_id;
    m.content = m_newContent->text().trimmed();
    m.type = core::MeasureType(m_newType->currentData().toInt());
    m.owner = m_newOwner->text().trimmed();
    m.deadline = m.type == core::MeasureType::LongTerm ? QDate() : m_newDeadline->date();
    if (m.type == core::MeasureType::LongTerm)
        m.deadlineNote = core::Names::display(core::MeasureType::LongTerm);
    if (run(commands::addMeasure(m_ctx, m_db, m))) {
        m_newContent->clear();
        m_newContent->setFocus();
    }
}

void ProblemEditor::removeMeasure()
{
    const int r = m_measures->currentRow();
    if (r < 0 || r >= m_measureRows.size())
        return;
    run(commands::removeMeasure(m_ctx, m_db, m_measureRows[r]));
}

void ProblemEditor::moveMeasure(int delta)
{
    const int r = m_measures->currentRow();
    const int to = r + delta;
    if (r < 0 || to < 0 || to >= m_measureRows.size())
        return;
    if (run(commands::moveMeasure(m_ctx, m_db, m_measureRows[r].id, r, to)))
        m_measures->setCurrentCell(to, ContentColumn);
}

void ProblemEditor::addProgress()
{
    core::ProgressEntry e;
    e.problemId = m_id;
    e.date = m_progressDate->date();
    e.text = m_progressText->text().trimmed();
    e.author = m_db.actor();
    if (run(commands::addProgress(m_ctx, m_db, e)))
        m_progressText->clear();
}

int ProblemEditor::attachFiles(const QStringList &paths)
{
    int stored = 0;
    for (const QString &path : paths) {
        QFile file(path);
        const QFileInfo info(path);
        if (!info.isFile()) {
            showError(
                {core::ErrorCode::InputRefused, tr("%1 is not a file.").arg(QDir::toNativeSeparators(path))});
            continue;
        }
        if (info.size() > kMaxEvidenceBytes) {
            showError(
                {core::ErrorCode::InputRefused, tr("%1 is larger than %2 and is not stored in the register.")
                                                    .arg(info.fileName(), fileSizeText(kMaxEvidenceBytes))});
            continue;
        }
        if (!file.open(QIODevice::ReadOnly)) {
            showError({core::ErrorCode::InputRefused,
                       tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString())});
            continue;
        }
        const QString mime = QMimeDatabase().mimeTypeForFile(info).name();
        if (run(commands::addEvidence(m_ctx, m_db, m_id, info.fileName(), file.readAll(), mime)))
            ++stored;
    }
    return stored;
}

void ProblemEditor::attachDialog()
{
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Attach evidence"));
    attachFiles(paths);
}

void ProblemEditor::openEvidence()
{
    const int r = m_evidence->currentRow();
    if (r < 0 || r >= m_evidenceRows.size() || !openedEvidenceDir().isValid())
        return;
    const core::Evidence &e = m_evidenceRows[r];
    // A folder per evidence id keeps the original name and never overwrites another file.
    const QString folder = openedEvidenceDir().filePath(QString::number(e.id));
    QDir().mkpath(folder);
    const QString path = QDir(folder).filePath(QFileInfo(e.originalName).fileName());
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(core::ProblemService(m_db).evidenceData(e.id)) < 0) {
        showError({core::ErrorCode::Internal, tr("Cannot write %1: %2").arg(path, out.errorString())});
        return;
    }
    out.close();
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
        showError({core::ErrorCode::Internal,
                   tr("No program opens %1; use Save as… instead.").arg(e.originalName)});
}

void ProblemEditor::saveEvidence()
{
    const int r = m_evidence->currentRow();
    if (r < 0 || r >= m_evidenceRows.size())
        return;
    const core::Evidence &e = m_evidenceRows[r];
    const QString path = QFileDialog::getSaveFileName(this, tr("Save evidence"), e.originalName);
    if (path.isEmpty())
        return;
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(core::ProblemService(m_db).evidenceData(e.id)) < 0)
        showError({core::ErrorCode::Internal, tr("Cannot write %1: %2").arg(path, out.errorString())});
}

void ProblemEditor::removeEvidence()
{
    const int r = m_evidence->currentRow();
    if (r >= 0 && r < m_evidenceRows.size())
        run(commands::removeEvidence(m_ctx, m_db, m_evidenceRows[r]));
}

void ProblemEditor::addAction()
{
    core::SupervisionAction a;
    a.problemId = m_id;
    a.unitId = m_problem.unitId;
    a.kind = core::SupervisionKind(m_actionKind->currentData().toInt());
    a.date = m_actionDate->date();
    a.note = m_actionNote->text().trimmed();
    if (run(commands::addAction(m_ctx, m_db, a)))
        m_actionNote->clear();
}

void ProblemEditor::requestExtension()
{
    if (run(commands::requestExtension(m_ctx, m_db, m_id, m_extensionDeadline->date(),
                                       m_extensionReason->text().trimmed(), m_db.clock().today())))
        m_extensionReason->clear();
}

void ProblemEditor::decideExtension(bool approved)
{
    const int r = m_extensions->currentRow();
    if (r < 0 || r >= m_extensionRows.size())
        return;
    const core::Status s = core::SupervisionService(m_db).decideExtension(m_extensionRows[r].id, approved,
                                                                          m_db.actor(), m_db.clock().today());
    if (!s) {
        showError(s.error());
        return;
    }
    clearMessage();
    m_ctx->notifyChanged();
}

void ProblemEditor::review(bool approved)
{
    const int step = m_nextStep->property("step").toInt();
    if (step < 0)
        return;
    core::Review r;
    r.problemId = m_id;
    r.step = core::ReviewStep(step);
    r.reviewer = m_reviewer->text().trimmed();
    r.date = m_reviewDate->date();
    r.approved = approved;
    r.opinion = m_opinion->text().trimmed();
    // A review decision is a record: say exactly what will be recorded and ask first.
    const QString question = tr("Record step %1 of 3 (%2) for %3: %4 by %5 on %6, opinion \"%7\"?\n\nA "
                                "review decision is a record "
                                "and cannot be undone; a mistake is corrected by a new review.")
                                 .arg(step + 1)
                                 .arg(Labels::reviewStep(r.step), m_problem.registrationNo,
                                      approved ? tr("approved") : tr("rejected (back to in progress)"),
                                      r.reviewer, Labels::date(r.date), r.opinion);
    if (!confirmRecord(approved ? tr("Approve review") : tr("Reject review"), question))
        return;
    auto id = core::SupervisionService(m_db).addReview(r);
    if (!id) {
        showError(id.error());
        return;
    }
    clearMessage();
    m_opinion->clear();
    // A record: the edits before it can no longer be taken back one by one.
    m_ctx->stack()->clear();
    m_ctx->notifyChanged();
}

void ProblemEditor::closeOut()
{
    if (!confirmRecord(tr("Close out"),
                       tr("Close out %1 on %2 (销号)?\n\nClosing out is a record and cannot be undone.")
                           .arg(m_problem.registrationNo, Labels::date(m_reviewDate->date()))))
        return;
    const core::Status s = core::SupervisionService(m_db).closeOut(m_id, m_reviewDate->date());
    if (!s) {
        showError(s.error());
        return;
    }
    clearMessage();
    m_ctx->stack()->clear();
    m_ctx->notifyChanged();
}

bool ProblemEditor::confirmRecord(const QString &title, const QString &text)
{
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Yes | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("confirmRecord"));
    box.setDefaultButton(QMessageBox::Cancel);
    box.button(QMessageBox::Yes)->setText(tr("Record"));
    return box.exec() == QMessageBox::Yes;
}

void ProblemEditor::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls()) {
        for (const QUrl &url : event->mimeData()->urls()) {
            if (url.isLocalFile()) {
                event->acceptProposedAction();
                return;
            }
        }
    }
    QDialog::dragEnterEvent(event);
}

void ProblemEditor::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    m_tabs->setCurrentIndex(ProgressTab);
    attachFiles(paths);
}

} // namespace rectrack::ui
