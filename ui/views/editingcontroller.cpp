#include "editingcontroller.h"

#include "commands/problemcommands.h"
#include "dialogs/deletedproblemsdialog.h"
#include "dialogs/operatordialog.h"
#include "dialogs/problemeditor.h"
#include "storage/ledgerquery.h"
#include "workflow/organizationservice.h"
#include "workflow/problemservice.h"
#include "workflow/registersettings.h"
#include "workflow/registrationnumber.h"

#include <QAction>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QUndoStack>
#include <QWidget>

namespace rectrack::ui {

namespace {
const QString kOperatorKey = QStringLiteral("user/operator");
}

EditingController::EditingController(QWidget *window)
    : QObject(window), m_window(window), m_ctx(new EditContext(this))
{
    connect(m_ctx, &EditContext::changed, this, &EditingController::changed);
    connect(m_ctx, &EditContext::failed, this, [this](const QString &message) {
        // Shown by an open editor; without one, say it here.
        if (std::none_of(m_editors.begin(), m_editors.end(),
                         [](const auto &e) { return e && e->isVisible(); }))
            QMessageBox::warning(m_window, tr("Undo"), message);
    });
}

void EditingController::setDatabase(core::Database *db)
{
    for (const QPointer<ProblemEditor> &e : m_editors)
        if (e)
            e->close();
    m_editors.clear();
    m_ctx->stack()->clear();
    m_db = db;
    m_operatorKnown = db && !QSettings().value(kOperatorKey).toString().trimmed().isEmpty();
    for (QAction *a : m_needDb)
        a->setEnabled(db != nullptr);
}

void EditingController::setSelection(std::function<qint64()> currentProblem)
{
    m_selection = std::move(currentProblem);
}

void EditingController::addActions(QMenu *edit)
{
    QAction *first = edit->actions().isEmpty() ? nullptr : edit->actions().first();
    m_undo = m_ctx->stack()->createUndoAction(this, tr("&Undo"));
    m_undo->setObjectName(QStringLiteral("undoAction"));
    m_undo->setShortcut(QKeySequence::Undo);
    m_redo = m_ctx->stack()->createRedoAction(this, tr("&Redo"));
    m_redo->setObjectName(QStringLiteral("redoAction"));
    m_redo->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    edit->insertAction(first, m_undo);
    edit->insertAction(first, m_redo);
    edit->insertSeparator(first);

    m_newProblem = new QAction(tr("&New problem…"), this);
    m_newProblem->setObjectName(QStringLiteral("newProblemAction"));
    m_newProblem->setShortcut(QKeySequence::New);
    m_newProblem->setToolTip(tr("Register the problems of a feedback"));
    connect(m_newProblem, &QAction::triggered, this, &EditingController::newProblem);
    auto *open = new QAction(tr("&Open problem (Enter)"), this); // Enter: the ledgers' activated()
    open->setObjectName(QStringLiteral("openProblemAction"));
    connect(open, &QAction::triggered, this, [this] {
        if (m_selection && m_selection() > 0)
            openProblem(m_selection());
    });
    auto *remove = new QAction(tr("&Delete problem…"), this);
    remove->setObjectName(QStringLiteral("deleteProblemAction"));
    m_delete = remove;
    connect(remove, &QAction::triggered, this, [this] {
        if (m_selection && m_selection() > 0)
            deleteProblem(m_selection());
    });
    auto *deleted = new QAction(tr("Deleted &problems…"), this);
    deleted->setObjectName(QStringLiteral("deletedProblemsAction"));
    connect(deleted, &QAction::triggered, this, &EditingController::showDeleted);
    edit->insertAction(first, m_newProblem);
    edit->insertAction(first, open);
    edit->insertAction(first, remove);
    edit->insertAction(first, deleted);
    edit->insertSeparator(first);
    m_needDb = {m_newProblem, open, remove, deleted};
    for (QAction *a : m_needDb)
        a->setEnabled(m_db != nullptr);
}

void EditingController::attachView(QWidget *ledger)
{
    auto *remove = new QAction(m_delete->text(), ledger);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    connect(remove, &QAction::triggered, m_delete, &QAction::trigger);
    ledger->addAction(remove);
}

bool EditingController::ensureOperator()
{
    if (!m_db)
        return false;
    if (m_operatorKnown)
        return true;
    OperatorDialog dialog(QSettings().value(kOperatorKey).toString(), m_window);
    if (dialog.exec() != QDialog::Accepted || dialog.name().isEmpty())
        return false;
    setOperator(dialog.name());
    return true;
}

void EditingController::setOperator(const QString &name)
{
    QSettings().setValue(kOperatorKey, name.trimmed());
    m_operatorKnown = !name.trimmed().isEmpty();
    if (m_db && m_operatorKnown)
        m_db->setActor(name.trimmed());
}

ProblemEditor *EditingController::openProblem(qint64 problemId)
{
    if (!m_db || problemId <= 0 || !ensureOperator())
        return nullptr;
    for (const QPointer<ProblemEditor> &e : m_editors) {
        if (e && e->problemId() == problemId) {
            e->show();
            e->raise();
            e->activateWindow();
            return e;
        }
    }
    auto *editor = new ProblemEditor(*m_db, m_ctx, problemId, m_window);
    m_editors.removeAll(nullptr);
    m_editors << editor;
    editor->show();
    return editor;
}

FeedbackDialog *EditingController::createFeedbackDialog(QWidget *parent)
{
    if (!m_db)
        return nullptr;
    core::OrganizationService org(*m_db);
    FeedbackDialog::Choices c;
    for (const core::Round &r : org.rounds())
        c.rounds << r.label;
    for (const core::Unit &u : org.units())
        c.units << u.name;
    auto teams = m_db->exec(QStringLiteral("SELECT name FROM teams ORDER BY name"));
    while (teams && teams->next())
        c.teams << teams->value(0).toString();
    c.categories = core::LedgerQuery(*m_db).categories();
    c.settings = core::SettingsService(*m_db).load();
    core::Database *db = m_db;
    const QString pattern = c.settings.registrationPattern;
    c.nextSeq = [db, pattern](const core::RegistrationNumber::Fields &f) {
        return core::RegistrationNumber::nextSeq(*db, pattern, f);
    };
    c.today = m_db->clock().today();
    auto *dialog = new FeedbackDialog(c, parent ? parent : m_window);
    // Pre-fill with the inspection of the selected problem: the usual case is one more problem
    // of the feedback being entered.
    const qint64 selected = m_selection ? m_selection() : 0;
    if (const auto p = selected > 0 ? core::ProblemService(*m_db).problem(selected) : std::nullopt) {
        QString round;
        core::InspectionKind kind = core::InspectionKind::Regular;
        for (const core::Inspection &i : org.inspections()) {
            if (i.id != p->inspectionId)
                continue;
            kind = i.kind;
            for (const core::Round &r : org.rounds())
                if (r.id == i.roundId)
                    round = r.label;
        }
        const QString unit =
            m_db->scalar(QStringLiteral("SELECT name FROM units WHERE id = ?"), {p->unitId}).toString();
        dialog->setInspection(round, unit, p->source, kind, p->feedbackDate);
    }
    return dialog;
}

core::Result<QList<qint64>> EditingController::registerFeedback(const FeedbackDraft &draft)
{
    if (!m_db)
        return core::Error{core::ErrorCode::Usage, tr("No register is open.")};
    core::Database &db = *m_db;
    auto registration = [&db, draft]() -> core::Result<QList<qint64>> {
        return core::withTransaction(db, [&]() -> core::Result<QList<qint64>> {
            core::OrganizationService org(db);
            auto unit = org.ensureUnit(draft.unit);
            if (!unit)
                return unit.error();
            qint64 roundId = 0;
            if (!draft.round.isEmpty()) {
                if (const auto existing = org.roundByLabel(draft.round)) {
                    roundId = existing->id;
                } else {
                    const QList<core::Term> terms = org.terms();
                    core::Round r;
                    r.termId = terms.isEmpty() ? 0 : terms.last().id;
                    r.label = draft.round;
                    r.start = draft.feedbackDate;
                    const core::RegisterSettings s = core::SettingsService(db).load();
                    r.planMonths = s.defaultPlanMonths;
                    r.concentratedMonths = s.defaultConcentratedMonths;
                    auto id = org.addRound(r);
                    if (!id)
                        return id.error();
                    roundId = *id;
                }
            }
            qint64 teamId = 0;
            if (!draft.team.isEmpty()) {
                auto t = org.ensureTeam(draft.team);
                if (!t)
                    return t.error();
                teamId = *t;
            }
            // One inspection per round, unit and feedback date: more problems of the same
            // feedback join it.
            qint64 inspectionId = 0;
            for (const core::Inspection &i : org.inspections())
                if (i.roundId == roundId && i.unitId == *unit && i.feedbackDate == draft.feedbackDate)
                    inspectionId = i.id;
            if (inspectionId == 0) {
                core::Inspection i;
                i.roundId = roundId;
                i.unitId = *unit;
                i.teamId = teamId;
                i.kind = draft.kind;
                i.source = draft.source;
                i.theme = draft.theme;
                i.feedbackDate = draft.feedbackDate;
                auto id = org.addInspection(i);
                if (!id)
                    return id.error();
                inspectionId = *id;
            }
            QList<qint64> ids;
            core::ProblemService problems(db);
            for (core::Problem p : draft.problems) {
                p.unitId = *unit;
                p.inspectionId = inspectionId;
                p.source = draft.source;
                p.feedbackDate = draft.feedbackDate;
                auto id = problems.registerProblem(p);
                if (!id)
                    return id.error();
                ids << *id;
            }
            return ids;
        });
    };
    auto ids = std::make_shared<QList<qint64>>();
    const core::Status s = m_ctx->run(commands::registerProblems(m_ctx, db, registration, ids));
    if (!s)
        return s.error();
    return *ids;
}

void EditingController::newProblem()
{
    if (!m_db || !ensureOperator())
        return;
    FeedbackDialog *dialog = createFeedbackDialog(m_window);
    while (dialog->exec() == QDialog::Accepted) {
        auto ids = registerFeedback(dialog->draft());
        if (!ids) {
            QMessageBox::warning(dialog, tr("Register feedback"), ids.error().message);
            continue; // nothing was registered: correct and try again
        }
        if (ids->size() == 1)
            openProblem(ids->first());
        break;
    }
    dialog->deleteLater();
}

bool EditingController::deleteProblem(qint64 problemId, bool confirm)
{
    if (!m_db || !ensureOperator())
        return false;
    const auto p = core::ProblemService(*m_db).problem(problemId);
    if (!p)
        return false;
    const QString label = p->registrationNo.isEmpty() ? QStringLiteral("#%1").arg(p->id) : p->registrationNo;
    if (confirm && QMessageBox::question(
                       m_window, tr("Delete problem"),
                       tr("Delete the problem %1 (%2)?\n\nIt leaves the ledgers and statistics; Edit → "
                          "Deleted problems restores it, and Undo takes the deletion back.")
                           .arg(label, p->description.left(60))) != QMessageBox::Yes)
        return false;
    const core::Status s = m_ctx->run(commands::deleteProblem(m_ctx, *m_db, problemId, label));
    if (!s)
        QMessageBox::warning(m_window, tr("Delete problem"), s.error().message);
    return s.ok();
}

bool EditingController::restoreProblem(qint64 problemId)
{
    if (!m_db || !ensureOperator())
        return false;
    const auto p = core::ProblemService(*m_db).problem(problemId);
    const QString label =
        p && !p->registrationNo.isEmpty() ? p->registrationNo : QStringLiteral("#%1").arg(problemId);
    const core::Status s = m_ctx->run(commands::restoreProblem(m_ctx, *m_db, problemId, label));
    if (!s)
        QMessageBox::warning(m_window, tr("Restore problem"), s.error().message);
    return s.ok();
}

void EditingController::showDeleted()
{
    if (!m_db)
        return;
    DeletedProblemsDialog dialog(m_window);
    auto fill = [this, &dialog] {
        QList<DeletedProblemsDialog::Row> rows;
        for (const core::Problem &p : core::ProblemService(*m_db).deletedProblems())
            rows << DeletedProblemsDialog::Row{
                p,
                m_db->scalar(QStringLiteral("SELECT name FROM units WHERE id = ?"), {p.unitId}).toString()};
        dialog.setProblems(rows);
    };
    fill();
    connect(&dialog, &DeletedProblemsDialog::restoreRequested, this, [this, fill](qint64 id) {
        if (restoreProblem(id))
            fill();
    });
    dialog.exec();
}

} // namespace rectrack::ui
