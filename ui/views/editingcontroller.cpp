#include "editingcontroller.h"

#include "commands/problemcommands.h"
#include "dialogs/deletedproblemsdialog.h"
#include "dialogs/operatordialog.h"
#include "dialogs/problemeditor.h"
#include "dialogs/sourcelevelchoice.h"
#include "storage/backup.h"
#include "storage/ledgerquery.h"
#include "workflow/organizationservice.h"
#include "workflow/problemservice.h"
#include "workflow/registerlevel.h"
#include "workflow/registersettings.h"
#include "workflow/registrationnumber.h"
#include "workflow/supervisionservice.h"

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QTemporaryDir>
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
    // What the login's role allows on a server (issue #23); on a file the operator may do everything.
    const QStringList roles = db ? db->loginRoles() : QStringList();
    const bool office = roles.isEmpty() || roles.contains(QLatin1String("office"));
    m_mayRegister = office;
    m_mayEdit = office || roles.contains(QLatin1String("unit"));
    updateActions();
}

void EditingController::updateActions()
{
    for (QAction *a : m_needDb) {
        const bool officeOnly = a != m_needDb.value(1); // all but "open problem"
        a->setEnabled(m_db != nullptr && !m_readOnly && m_mayEdit && (!officeOnly || m_mayRegister));
        a->setVisible(!officeOnly || m_mayRegister);
    }
}

QList<ProblemEditor *> EditingController::editors() const
{
    QList<ProblemEditor *> out;
    for (const QPointer<ProblemEditor> &e : m_editors)
        if (e)
            out << e;
    return out;
}

void EditingController::problemsChangedElsewhere(const QSet<qint64> &problems)
{
    for (ProblemEditor *e : editors())
        if (problems.contains(e->problemId()) || problems.contains(0))
            e->changedElsewhere();
}

void EditingController::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    updateActions();
    // The undo actions follow the stack; while read-only they stay off.
    if (m_undo && m_redo) {
        m_undo->setEnabled(!readOnly && m_ctx->stack()->canUndo());
        m_redo->setEnabled(!readOnly && m_ctx->stack()->canRedo());
    }
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
    // On a server the login is the name in the audit log (Database::actor()).
    if (m_operatorKnown || m_db->onServer())
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
    if (!m_db || problemId <= 0 || m_readOnly || !m_mayEdit || !ensureOperator())
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
    // A list to choose from: a read error gives the teams read before it (a damaged page is
    // recorded by the database).
    (void)m_db->forEachRow(QStringLiteral("SELECT name FROM teams ORDER BY name"), {},
                           [&](const core::SqlRow &row) { c.teams << row.text(0); });
    c.categories = core::LedgerQuery(*m_db).categories();
    c.settings = core::SettingsService(*m_db).load();
    core::Database *db = m_db;
    const QString pattern = c.settings.registrationPattern;
    c.nextSeq = [db, pattern](const core::RegistrationNumber::Fields &f) {
        return core::RegistrationNumber::nextSeq(*db, pattern, f);
    };
    c.today = m_db->clock().today();
    c.source = SourceLevelChoice::defaultFor(core::registerSourceLevel(*m_db));
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
    // The next feedback of this register's level defaults to the level just registered.
    SourceLevelChoice::remember(core::registerSourceLevel(db), draft.source);
    return *ids;
}

void EditingController::newProblem()
{
    if (!m_db || !m_mayRegister || !ensureOperator())
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

bool EditingController::saveScreenshots(const QString &dir)
{
    if (!m_db)
        return false;
    bool ok = true;
    auto shoot = [&](QWidget *w, const QString &name) {
        for (int i = 0; i < 5; ++i)
            QCoreApplication::processEvents();
        ok = w->grab().save(QDir(dir).filePath(name)) && ok;
    };
    {
        std::unique_ptr<FeedbackDialog> dialog(createFeedbackDialog(m_window));
        const auto rounds = core::OrganizationService(*m_db).rounds();
        const auto units = core::OrganizationService(*m_db).units();
        dialog->setInspection(rounds.isEmpty() ? QString() : rounds.last().label,
                              units.isEmpty() ? QString() : units.first().name, core::SourceLevel::Municipal,
                              core::InspectionKind::Regular, m_db->defaultAsOf());
        // Sample content as a clerk pastes it from a ledger (register data, not UI text).
        dialog->pasteRows(
            QStringLiteral("落实全面从严治党主体责任不到位\t\t张某某\t办公室\t李某某\n"
                           "“三重一大”决策制度执行不严格\t\t王某某\t财务科\t赵某某\n"
                           "公务用车管理不规范，存在公车私用现象\t\t张某某\t办公室\t孙某某\t\t是"));
        dialog->show();
        shoot(dialog.get(), QStringLiteral("feedback-registration.png"));
    }
    // The editor on a copy of the register, so that the sample evidence and reviews recorded for
    // the pictures do not change the register itself.
    QTemporaryDir tmp;
    const QString copyPath = tmp.filePath(QStringLiteral("screenshots.rtreg"));
    if (!tmp.isValid() || !core::Backup::writeCopy(*m_db, copyPath))
        return false;
    auto copy = core::Database::open(copyPath);
    if (!copy)
        return false;
    core::Database &db = **copy;
    db.setActor(m_db->actor());
    EditContext context;
    // A problem in progress with at least two measures and the most progress, with evidence.
    const qint64 inProgress =
        db.scalar(QStringLiteral(
                      "SELECT p.id FROM problems p WHERE p.deleted_at IS NULL AND (SELECT count(*) "
                      "FROM measures m WHERE m.problem_id = p.id) >= 2 ORDER BY p.state = 'in_progress' "
                      "DESC, (SELECT count(*) FROM progress_entries g WHERE g.problem_id = p.id) DESC, "
                      "p.id LIMIT 1"))
            .toLongLong();
    if (inProgress > 0) {
        // Sample evidence files (register data, not UI text).
        core::ProblemService service(db);
        service.addEvidence(inProgress, 0, QStringLiteral("整改工作专题会议纪要.pdf"), QByteArray(48213, 'x'),
                            QStringLiteral("application/pdf"));
        service.addEvidence(
            inProgress, 0, QStringLiteral("制度修订印发文件.docx"), QByteArray(23907, 'x'),
            QStringLiteral("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        service.addEvidence(inProgress, 0, QStringLiteral("现场整改照片.jpg"), QByteArray(812004, 'x'),
                            QStringLiteral("image/jpeg"));
        ProblemEditor editor(db, &context, inProgress, m_window);
        editor.setAttribute(Qt::WA_DeleteOnClose, false);
        editor.show();
        shoot(&editor, QStringLiteral("problem-editor.png"));
        editor.setCurrentTab(ProblemEditor::MeasuresTab);
        shoot(&editor, QStringLiteral("problem-editor-measures.png"));
        editor.setCurrentTab(ProblemEditor::ProgressTab);
        shoot(&editor, QStringLiteral("problem-editor-evidence.png"));
    }
    // A completed problem in review, two of its three steps approved.
    const qint64 inReview =
        db.scalar(
              QStringLiteral("SELECT p.id FROM problems p WHERE p.deleted_at IS NULL AND p.state = "
                             "'completed' AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.problem_id = p.id) "
                             "ORDER BY p.id LIMIT 1"))
            .toLongLong();
    if (inReview > 0) {
        const auto p = core::ProblemService(db).problem(inReview);
        const QDate done = p->completedDate.isValid() ? p->completedDate : p->feedbackDate;
        // Sample reviews (register data, not UI text).
        core::SupervisionService(db).addReview(
            {0, inReview, core::ReviewStep::UnitLeader, QStringLiteral("单位主要负责人 陈某某"),
             done.addDays(3), true, QStringLiteral("整改措施已落实，佐证材料齐全，同意报送。")});
        core::SupervisionService(db).addReview({0, inReview, core::ReviewStep::UnitGroup,
                                                QStringLiteral("整改工作领导小组 林某某"), done.addDays(7),
                                                true, QStringLiteral("经核查，整改到位，同意提请销号。")});
        ProblemEditor editor(db, &context, inReview, m_window);
        editor.setAttribute(Qt::WA_DeleteOnClose, false);
        editor.show();
        editor.setCurrentTab(ProblemEditor::ReviewTab);
        shoot(&editor, QStringLiteral("problem-editor-review.png"));
    }
    return ok;
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
