#include "uifixture.h"

#include "commands/editcommand.h"
#include "dialogs/conflictdialog.h"
#include "dialogs/deletedproblemsdialog.h"
#include "dialogs/feedbackdialog.h"
#include "dialogs/problemeditor.h"
#include "models/labels.h"
#include "models/problemledgermodel.h"
#include "views/editingcontroller.h"
#include "views/ledgerview.h"
#include "views/mainwindow.h"
#include "views/navigationpane.h"
#include "workflow/problemservice.h"
#include "workflow/supervisionservice.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <QUndoStack>

using namespace rectrack;
using namespace rectrack::core;
using rectrack::ui::ConflictDialog;
using rectrack::ui::EditingController;
using rectrack::ui::FeedbackDialog;
using rectrack::ui::MainWindow;
using rectrack::ui::ProblemEditor;

namespace {

struct EditingWindow
{
    EditingWindow()
    {
        QStandardPaths::setTestModeEnabled(true);
        fx.reg.db.reset(); // the window opens the file itself
        REQUIRE(window.openRegister(fx.reg.path, true));
        window.database()->setClock(&clock); // edits are dated on the register's reference date
        window.editing()->setOperator(QStringLiteral("王科员"));
        window.show();
        QApplication::processEvents();
        firstAudit = window.database()->scalar(QStringLiteral("SELECT max(id) FROM audit_log")).toLongLong();
    }
    ~EditingWindow() { window.closeRegister(); }

    template <typename T> T *child(QWidget *parent, const char *name)
    {
        T *w = parent->findChild<T *>(QString::fromLatin1(name));
        REQUIRE(w != nullptr);
        return w;
    }
    void click(QWidget *parent, const char *name)
    {
        auto *b = child<QPushButton>(parent, name);
        REQUIRE(b->isEnabled());
        b->click();
        QApplication::processEvents();
    }
    /// Clicks a button that asks for confirmation (a review decision, 销号), confirms, and returns
    /// the question asked.
    QString clickConfirmed(QWidget *parent, const char *name)
    {
        QString asked;
        QTimer::singleShot(0, [&asked] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            CHECK(box);
            if (!box)
                return;
            CHECK(box->objectName() == QStringLiteral("confirmRecord"));
            asked = box->text();
            box->button(QMessageBox::Yes)->click();
        });
        click(parent, name);
        return asked;
    }
    Problem problem(qint64 id) { return *ProblemService(*window.database()).problem(id); }

    /// Registers one problem of 湖里区建设局 in 第一轮 through the registration dialog.
    qint64 registerOne()
    {
        std::unique_ptr<FeedbackDialog> dialog(window.editing()->createFeedbackDialog(&window));
        child<QComboBox>(dialog.get(), "feedbackRound")->setCurrentText(QStringLiteral("第一轮"));
        child<QComboBox>(dialog.get(), "feedbackUnit")->setCurrentText(QStringLiteral("湖里区建设局"));
        REQUIRE(dialog->pasteRows(QStringLiteral(
                    "加装电梯补贴审核把关不严\t\t张某某\t财务处\t陈某某\t2021-03-31\t否")) == 1);
        auto *table = child<QTableWidget>(dialog.get(), "feedbackProblems");
        REQUIRE(table->rowCount() == 1);
        CHECK(table->item(0, FeedbackDialog::NumberColumn)->text() == QStringLiteral("2021-001"));
        CHECK(child<QPushButton>(dialog.get(), "feedbackRegister")->isEnabled());
        const ui::FeedbackDraft draft = dialog->draft();
        REQUIRE(draft.problems.size() == 1);
        CHECK(draft.problems[0].deadline == QDate(2021, 3, 31));
        CHECK(draft.problems[0].leadLeader == QStringLiteral("张某某"));
        auto ids = window.editing()->registerFeedback(draft);
        REQUIRE(ids.ok());
        REQUIRE(ids->size() == 1);
        return ids->first();
    }

    test::UiFixture fx;
    FixedClock clock{QDate(2021, 1, 15)};
    MainWindow window;
    qint64 firstAudit = 0;
};

} // namespace

TEST_CASE("the editor takes a problem from registration to close-out, on the record", "[ui][editing]")
{
    EditingWindow w;
    CHECK(w.window.headline() == QStringLiteral("Problems 6 · done 2 · completion rate 33.33% · overdue 1"));
    const qint64 id = w.registerOne();
    CHECK(w.window.problemModel()->rowCount() == 7);
    CHECK(w.window.headline() == QStringLiteral("Problems 7 · done 2 · completion rate 28.57% · overdue 1"));

    ProblemEditor *editor = w.window.editing()->openProblem(id);
    REQUIRE(editor != nullptr);
    CHECK(w.child<QLineEdit>(editor, "registrationNo")->text() == QStringLiteral("2021-001"));
    CHECK(w.child<QLineEdit>(editor, "leadLeader")->text() == QStringLiteral("张某某"));
    // No measures yet: marking the rectification complete is refused, the reason in visible text.
    CHECK_FALSE(w.child<QPushButton>(editor, "markCompleted")->isEnabled());
    // (The rule is core's: SupervisionService refuses it too, and the editor shows core's reason.)
    auto *hint = w.child<QLabel>(editor, "stateHint");
    CHECK(hint->text() == QStringLiteral("The problem cannot be marked completed: it has no rectification "
                                         "measures yet; add them on the Measures tab."));
    CHECK_FALSE(hint->isHidden());
    CHECK_FALSE(SupervisionService(*w.window.database())
                    .changeState(id, ProblemState::Completed, QDate(2021, 1, 15))
                    .ok());

    // Two measures.
    auto *content = w.child<QLineEdit>(editor, "measureContent");
    auto *owner = w.child<QLineEdit>(editor, "measureOwner");
    content->setText(QStringLiteral("逐户复核补贴发放台账"));
    owner->setText(QStringLiteral("财务处"));
    w.click(editor, "addMeasure");
    content->setText(QStringLiteral("修订补贴审核办法"));
    w.click(editor, "addMeasure");
    auto *measures = w.child<QTableWidget>(editor, "measureTable");
    REQUIRE(measures->rowCount() == 2);
    CHECK(measures->item(1, ProblemEditor::ContentColumn)->text() == QStringLiteral("修订补贴审核办法"));
    CHECK(ProblemService(*w.window.database()).measures(id).size() == 2);
    // Not finished yet: completing the problem and the review are disabled, with core's reason.
    CHECK_FALSE(w.child<QPushButton>(editor, "markCompleted")->isEnabled());
    CHECK(w.child<QPushButton>(editor, "markCompleted")->toolTip().contains(QStringLiteral("2 measure")));
    CHECK(hint->text() ==
          QStringLiteral("The problem cannot be marked completed: 2 measure(s) are not finished."));
    CHECK_FALSE(w.child<QPushButton>(editor, "approveReview")->isEnabled());
    CHECK_FALSE(w.child<QPushButton>(editor, "closeOut")->isEnabled());

    // Progress with an evidence file.
    w.child<QLineEdit>(editor, "progressText")->setText(QStringLiteral("已完成补贴台账复核"));
    w.click(editor, "addProgress");
    CHECK(w.child<QTableWidget>(editor, "progressTable")->rowCount() == 1);
    CHECK(w.child<QTableWidget>(editor, "progressTable")->item(0, 1)->text() == QStringLiteral("王科员"));
    CHECK(w.problem(id).state == ProblemState::InProgress);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("复核记录.txt"));
    {
        QFile f(file);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("2021-01-15 复核补贴申请 132 户");
    }
    CHECK(editor->attachFiles({file}) == 1);
    auto *evidence = w.child<QListWidget>(editor, "evidenceList");
    REQUIRE(evidence->count() == 1);
    CHECK(evidence->item(0)->text().startsWith(QStringLiteral("复核记录.txt")));
    const QList<Evidence> stored = ProblemService(*w.window.database()).evidence(id);
    REQUIRE(stored.size() == 1);
    CHECK(ProblemService(*w.window.database()).evidenceData(stored[0].id) ==
          QByteArray("2021-01-15 复核补贴申请 132 户"));

    // Undo of an edit restores the previous value; redo brings the edit back.
    auto *leader = w.child<QLineEdit>(editor, "leadLeader");
    leader->setText(QStringLiteral("李某某"));
    Q_EMIT leader->editingFinished();
    CHECK(w.problem(id).leadLeader == QStringLiteral("李某某"));
    QAction *undo = w.window.editing()->undoAction();
    REQUIRE(undo->isEnabled());
    undo->trigger();
    CHECK(w.problem(id).leadLeader == QStringLiteral("张某某"));
    CHECK(leader->text() == QStringLiteral("张某某"));
    w.window.editing()->redoAction()->trigger();
    CHECK(w.problem(id).leadLeader == QStringLiteral("李某某"));
    undo->trigger();
    CHECK(w.problem(id).leadLeader == QStringLiteral("张某某"));

    // Complete both measures through their state boxes, then the problem.
    for (int row = 0; row < 2; ++row) {
        auto *state = qobject_cast<QComboBox *>(measures->cellWidget(row, ProblemEditor::StateColumn));
        REQUIRE(state != nullptr);
        const int index = state->findData(int(MeasureState::Completed));
        state->setCurrentIndex(index);
        Q_EMIT state->activated(index);
        QApplication::processEvents();
    }
    for (const Measure &m : ProblemService(*w.window.database()).measures(id))
        CHECK(m.state == MeasureState::Completed);
    w.click(editor, "markCompleted");
    CHECK(w.problem(id).state == ProblemState::Completed);
    CHECK(w.window.headline() == QStringLiteral("Problems 7 · done 3 · completion rate 42.86% · overdue 1"));

    // A rejected review returns the problem to in progress.
    CHECK(w.child<QLabel>(editor, "nextReviewStep")->text().contains(QStringLiteral("Step 1 of 3")));
    w.child<QLineEdit>(editor, "reviewer")->setText(QStringLiteral("单位主要负责人"));
    w.child<QLineEdit>(editor, "reviewOpinion")->setText(QStringLiteral("佐证材料不全"));
    const QString asked = w.clickConfirmed(editor, "rejectReview");
    CHECK(asked.contains(QStringLiteral("step 1 of 3")));
    CHECK(asked.contains(QStringLiteral("佐证材料不全")));
    CHECK(asked.contains(QStringLiteral("cannot be undone")));
    CHECK(w.problem(id).state == ProblemState::InProgress);
    CHECK(w.window.headline() == QStringLiteral("Problems 7 · done 2 · completion rate 28.57% · overdue 1"));
    CHECK(w.child<QTableWidget>(editor, "reviewTable")->rowCount() == 1);
    CHECK_FALSE(undo->isEnabled()); // a review decision is a record, not undone

    // Completed again; the three steps approve it and 销号 closes it out.
    w.click(editor, "markCompleted");
    CHECK_FALSE(w.child<QPushButton>(editor, "closeOut")->isEnabled());
    const QStringList reviewers{QStringLiteral("单位主要负责人"), QStringLiteral("单位整改工作小组"),
                                QStringLiteral("市委巡察办")};
    for (int step = 0; step < 3; ++step) {
        CHECK(w.child<QLabel>(editor, "nextReviewStep")
                  ->text()
                  .contains(QStringLiteral("Step %1 of 3").arg(step + 1)));
        w.child<QLineEdit>(editor, "reviewer")->setText(reviewers[step]);
        w.child<QLineEdit>(editor, "reviewOpinion")->setText(QStringLiteral("同意"));
        CHECK(w.clickConfirmed(editor, "approveReview").contains(reviewers[step]));
        CHECK(w.problem(id).state == ProblemState::Completed);
    }
    CHECK_FALSE(w.child<QPushButton>(editor, "approveReview")->isEnabled());
    CHECK(w.clickConfirmed(editor, "closeOut").contains(QStringLiteral("2021-01-15")));
    const Problem closed = w.problem(id);
    CHECK(closed.state == ProblemState::ClosedOut);
    CHECK(closed.closedOutDate == QDate(2021, 1, 15));
    CHECK(w.window.headline() == QStringLiteral("Problems 7 · done 3 · completion rate 42.86% · overdue 1"));
    CHECK(
        w.child<QLabel>(editor, "stateLabel")->text().startsWith(ui::Labels::state(ProblemState::ClosedOut)));
    CHECK_FALSE(w.child<QPushButton>(editor, "closeOut")->isEnabled());
    CHECK(w.child<QTableWidget>(editor, "reviewTable")->rowCount() == 4);

    // The audit log holds every step, each with the operator's name.
    Database &db = *w.window.database();
    CHECK(db.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE id > ? AND actor <> '王科员'"),
                    {w.firstAudit})
              .toInt() == 0);
    auto count = [&](const char *entity, const char *action) {
        return db
            .scalar(
                QStringLiteral("SELECT count(*) FROM audit_log WHERE id > ? AND entity = ? AND action = ?"),
                {w.firstAudit, QString::fromLatin1(entity), QString::fromLatin1(action)})
            .toInt();
    };
    CHECK(count("problems", "insert") == 1);
    CHECK(count("measures", "insert") == 2);
    CHECK(count("progress_entries", "insert") == 1);
    CHECK(count("evidence", "insert") == 1);
    CHECK(count("reviews", "insert") == 4);
    CHECK(count("measures", "update") == 2);
    // registered, in progress, completed, in progress (rejection), completed, closed out
    CHECK(count("problem_states", "insert") == 6);
    // The lead-leader edit, its undo, redo and undo again are four updates on the record.
    CHECK(db.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE id > ? AND entity = 'problems' AND "
                                   "action = 'update' AND json_extract(before_json, '$.lead_leader') IS NOT "
                                   "json_extract(after_json, '$.lead_leader')"),
                    {w.firstAudit})
              .toInt() == 4);
    editor->close();
}

TEST_CASE("a stale edit is refused with core's message and both versions in the conflict view",
          "[ui][editing]")
{
    EditingWindow w;
    const qint64 id = w.fx.problemIds.value(QStringLiteral("A-2"));
    ProblemEditor *editor = w.window.editing()->openProblem(id);
    REQUIRE(editor != nullptr);
    // Someone else changes the problem meanwhile (another machine on the same file).
    Problem other = w.problem(id);
    other.responsiblePerson = QStringLiteral("另一人");
    REQUIRE(ProblemService(*w.window.database()).updateProblem(other).ok());

    auto *office = w.child<QLineEdit>(editor, "responsibleOffice");
    office->setText(QStringLiteral("审计处"));
    Q_EMIT office->editingFinished();
    // Core's message names who changed it (the other writer's operator name) and when.
    CHECK(editor->message().contains(
        QStringLiteral("The problem was changed by %1 at ").arg(w.window.database()->actor())));
    CHECK(w.problem(id).responsibleOffice == QStringLiteral("规划处"));
    CHECK_FALSE(w.window.editing()->undoAction()->isEnabled());
    // Both versions, field by field: theirs (the person) and mine (the office), nothing lost.
    ConflictDialog *conflict = editor->conflictDialog();
    REQUIRE(conflict);
    QStringList rows;
    for (int r = 0; r < conflict->table()->rowCount(); ++r)
        rows << conflict->table()->item(r, 0)->text() + u'|' + conflict->table()->item(r, 1)->text() + u'|' +
                    conflict->table()->item(r, 2)->text();
    CHECK(rows == QStringList{QStringLiteral("Responsible office|规划处|审计处"),
                              QStringLiteral("Responsible person|另一人|某某")});
    CHECK(office->text() == QStringLiteral("审计处"));
    conflict->takeTheirsButton()->click();
    CHECK(w.child<QLineEdit>(editor, "responsiblePerson")->text() == QStringLiteral("另一人"));
    CHECK(office->text() == QStringLiteral("规划处"));
    CHECK(editor->message().isEmpty());
    editor->close();
}

TEST_CASE("a deleted problem leaves the ledger and figures, undo and restore bring it back", "[ui][editing]")
{
    EditingWindow w;
    const qint64 id = w.fx.problemIds.value(QStringLiteral("A-3")); // completed: counts as done
    REQUIRE(w.window.editing()->deleteProblem(id, false));
    CHECK(w.window.problemModel()->rowCount() == 5);
    CHECK(w.window.headline() == QStringLiteral("Problems 5 · done 1 · completion rate 20% · overdue 1"));
    CHECK(ProblemService(*w.window.database()).deletedProblems().size() == 1);
    w.window.editing()->undoAction()->trigger();
    CHECK(w.window.problemModel()->rowCount() == 6);
    CHECK(w.window.headline() == QStringLiteral("Problems 6 · done 2 · completion rate 33.33% · overdue 1"));
    w.window.editing()->redoAction()->trigger();
    CHECK(w.window.problemModel()->rowCount() == 5);
    REQUIRE(w.window.editing()->restoreProblem(id));
    CHECK(w.window.problemModel()->rowCount() == 6);
    CHECK(ProblemService(*w.window.database()).deletedProblems().isEmpty());
    // Ctrl+N registers a problem; Ctrl+Shift+Z redoes.
    CHECK(w.window.editing()->newProblemAction()->shortcut() == QKeySequence(QKeySequence::New));
    CHECK(w.window.editing()->redoAction()->shortcuts().contains(
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)));
}

TEST_CASE("the registration dialog numbers pasted problems from the pattern", "[ui][editing]")
{
    EditingWindow w;
    std::unique_ptr<FeedbackDialog> dialog(w.window.editing()->createFeedbackDialog(&w.window));
    w.child<QComboBox>(dialog.get(), "feedbackUnit")->setCurrentText(QStringLiteral("思明区委"));
    CHECK_FALSE(w.child<QPushButton>(dialog.get(), "feedbackRegister")->isEnabled()); // no problem yet
    CHECK(dialog->pasteRows(QStringLiteral(
              "问题甲\t全面从严治党\t张某某\n\n问题乙\t\t李某某\t办公室\t\t2021年6月30日\t是\r\n")) == 2);
    auto *table = w.child<QTableWidget>(dialog.get(), "feedbackProblems");
    REQUIRE(table->rowCount() == 2);
    CHECK(table->item(0, FeedbackDialog::NumberColumn)->text() == QStringLiteral("2021-001"));
    CHECK(table->item(1, FeedbackDialog::NumberColumn)->text() == QStringLiteral("2021-002"));
    // Default deadline: feedback (2021-01-15) + the register's 3-month concentrated period.
    CHECK(table->item(0, FeedbackDialog::DeadlineColumn)->text() == QStringLiteral("2021-04-15"));
    const ui::FeedbackDraft d = dialog->draft();
    REQUIRE(d.problems.size() == 2);
    CHECK(d.problems[0].categoryId > 0);
    CHECK(d.problems[1].deadline == QDate(2021, 6, 30));
    CHECK(d.problems[1].immediate);
    CHECK_FALSE(d.problems[0].immediate);
    CHECK(w.child<QPushButton>(dialog.get(), "feedbackRegister")->isEnabled());
    // A number typed over stays; a duplicate is refused before anything is written.
    table->item(1, FeedbackDialog::NumberColumn)->setText(QStringLiteral("2021-001"));
    CHECK_FALSE(w.child<QPushButton>(dialog.get(), "feedbackRegister")->isEnabled());
    CHECK(w.child<QLabel>(dialog.get(), "feedbackMessage")->text().contains(QStringLiteral("2021-001")));
}

TEST_CASE("the registration dialog refuses an impossible deadline and reads 6月底前 as the importer does",
          "[ui][editing]")
{
    EditingWindow w;
    std::unique_ptr<FeedbackDialog> dialog(w.window.editing()->createFeedbackDialog(&w.window));
    w.child<QComboBox>(dialog.get(), "feedbackUnit")->setCurrentText(QStringLiteral("思明区委"));
    REQUIRE(dialog->pasteRows(QStringLiteral("问题甲\t\t\t\t\t6月底前\n问题乙\t\t\t\t\t2021-02-30\n"
                                             "问题丙\t\t\t\t\t长期坚持\n")) == 3);
    auto *table = w.child<QTableWidget>(dialog.get(), "feedbackProblems");
    REQUIRE(table->rowCount() == 3);
    CHECK(table->item(1, FeedbackDialog::DeadlineColumn)->text() == QStringLiteral("2021-02-30"));
    CHECK_FALSE(w.child<QPushButton>(dialog.get(), "feedbackRegister")->isEnabled());
    CHECK(w.child<QLabel>(dialog.get(), "feedbackMessage")->text() ==
          QStringLiteral("Row 2: the deadline \"2021-02-30\" is not a valid date."));

    // A deadline before the feedback (2021-01-15) is a slip, refused too.
    table->item(1, FeedbackDialog::DeadlineColumn)->setText(QStringLiteral("2020-12-31"));
    CHECK_FALSE(w.child<QPushButton>(dialog.get(), "feedbackRegister")->isEnabled());
    CHECK(w.child<QLabel>(dialog.get(), "feedbackMessage")->text() ==
          QStringLiteral("Row 2: the deadline 2020-12-31 is before the feedback date 2021-01-15."));

    table->item(1, FeedbackDialog::DeadlineColumn)->setText(QStringLiteral("2021-02-28"));
    CHECK(w.child<QPushButton>(dialog.get(), "feedbackRegister")->isEnabled());
    CHECK(w.child<QLabel>(dialog.get(), "feedbackMessage")->text().isEmpty());
    const ui::FeedbackDraft d = dialog->draft();
    REQUIRE(d.problems.size() == 3);
    CHECK(d.problems[0].deadline == QDate(2021, 6, 30)); // the feedback date's year (2021-01-15)
    CHECK(d.problems[0].deadlineNote.isEmpty());
    CHECK(d.problems[1].deadline == QDate(2021, 2, 28));
    CHECK_FALSE(d.problems[2].deadline.isValid());
    CHECK(d.problems[2].deadlineNote == QStringLiteral("长期坚持"));
}

TEST_CASE("extensions keep the original deadline, actions are undone, Enter opens the editor",
          "[ui][editing]")
{
    EditingWindow w;
    const qint64 id = w.fx.problemIds.value(QStringLiteral("A-2")); // deadline 2021-01-20

    // Enter on a ledger row opens its problem in the editor.
    ui::LedgerView *view = w.window.problemView();
    const int row = w.window.problemModel()->rowOf(id);
    REQUIRE(row >= 0);
    view->setFocus();
    view->setCurrentIndex(w.window.problemModel()->index(row, 0));
    QTest::keyClick(view, Qt::Key_Return);
    QApplication::processEvents();
    ProblemEditor *editor = nullptr;
    for (ProblemEditor *e : w.window.findChildren<ProblemEditor *>())
        if (e->problemId() == id && e->isVisible())
            editor = e;
    REQUIRE(editor != nullptr);

    // Extension request and approval: the deadline moves, the original stays shown.
    w.child<QDateEdit>(editor, "extensionDeadline")->setDate(QDate(2021, 3, 31));
    w.child<QLineEdit>(editor, "extensionReason")->setText(QStringLiteral("需履行招标程序"));
    w.click(editor, "requestExtension");
    auto *extensions = w.child<QTableWidget>(editor, "extensionTable");
    REQUIRE(extensions->rowCount() == 1);
    CHECK(extensions->item(0, 3)->text() == QStringLiteral("pending"));
    CHECK(w.problem(id).deadline == QDate(2021, 1, 20));
    w.click(editor, "approveExtension");
    CHECK(w.problem(id).deadline == QDate(2021, 3, 31));
    CHECK(w.problem(id).originalDeadline == QDate(2021, 1, 20));
    CHECK(extensions->item(0, 3)->text() == QStringLiteral("approved"));
    CHECK(extensions->item(0, 4)->text() == QStringLiteral("2021-01-15 by 王科员"));
    CHECK(w.child<QLabel>(editor, "originalDeadline")->text().contains(QStringLiteral("2021-01-20")));
    CHECK(w.child<QLabel>(editor, "extensionDeadlines")->text() ==
          QStringLiteral("Current deadline 2021-03-31 · original deadline 2021-01-20"));
    CHECK_FALSE(w.child<QPushButton>(editor, "approveExtension")->isEnabled());

    // A supervision action (约谈) is recorded with its date and note, and undone.
    auto *kind = w.child<QComboBox>(editor, "actionKind");
    kind->setCurrentIndex(kind->findData(int(SupervisionKind::Interview)));
    w.child<QDateEdit>(editor, "actionDate")->setDate(QDate(2021, 1, 14));
    w.child<QLineEdit>(editor, "actionNote")->setText(QStringLiteral("约谈单位主要负责人"));
    w.click(editor, "addAction");
    auto *actions = w.child<QTableWidget>(editor, "actionTable");
    REQUIRE(actions->rowCount() == 1);
    CHECK(actions->item(0, 0)->text() == QStringLiteral("2021-01-14"));
    CHECK(actions->item(0, 1)->text() == Names::display(SupervisionKind::Interview));
    CHECK(actions->item(0, 3)->text() == QStringLiteral("约谈单位主要负责人"));
    w.window.editing()->undoAction()->trigger();
    CHECK(actions->rowCount() == 0);
    CHECK(SupervisionService(*w.window.database()).actions(id).isEmpty());

    // Measures: reorder and undo.
    auto *measures = w.child<QTableWidget>(editor, "measureTable");
    REQUIRE(measures->rowCount() == 2);
    measures->setCurrentCell(1, ProblemEditor::ContentColumn);
    w.click(editor, "moveMeasureUp");
    CHECK(ProblemService(*w.window.database()).measures(id)[0].content == QStringLiteral("开展专项检查"));
    CHECK(measures->item(0, ProblemEditor::ContentColumn)->text() == QStringLiteral("开展专项检查"));
    w.window.editing()->undoAction()->trigger();
    CHECK(ProblemService(*w.window.database()).measures(id)[0].content ==
          QStringLiteral("修订招投标管理办法，加装电梯项目纳入监管"));
    editor->close();
}

TEST_CASE("problems are pasted from the clipboard, the deleted list asks for a restore", "[ui][editing]")
{
    EditingWindow w;
    std::unique_ptr<FeedbackDialog> dialog(w.window.editing()->createFeedbackDialog(&w.window));
    w.child<QComboBox>(dialog.get(), "feedbackUnit")->setCurrentText(QStringLiteral("北京办事处"));
    QApplication::clipboard()->setText(QStringLiteral("问题一\t\t\t办公室\n问题二\n问题三\t党的领导"));
    CHECK(dialog->pasteClipboard() == 3);
    const ui::FeedbackDraft d = dialog->draft();
    REQUIRE(d.problems.size() == 3);
    CHECK(d.problems[0].responsibleOffice == QStringLiteral("办公室"));
    CHECK(d.problems[1].description == QStringLiteral("问题二"));
    CHECK(d.problems[2].categoryId == w.fx.categoryParent);
    CHECK(d.problems[2].registrationNo == QStringLiteral("2021-003"));

    const qint64 id = w.fx.problemIds.value(QStringLiteral("B-1"));
    REQUIRE(w.window.editing()->deleteProblem(id, false));
    ui::DeletedProblemsDialog deleted;
    QList<ui::DeletedProblemsDialog::Row> rows;
    for (const Problem &p : ProblemService(*w.window.database()).deletedProblems())
        rows << ui::DeletedProblemsDialog::Row{p, QStringLiteral("北京办事处")};
    deleted.setProblems(rows);
    auto *table = w.child<QTableWidget>(&deleted, "deletedProblems");
    REQUIRE(table->rowCount() == 1);
    CHECK(table->item(0, 0)->text() == QStringLiteral("B-1"));
    CHECK(table->item(0, 2)->text() == QStringLiteral("干部队伍建设统筹不够"));
    CHECK_FALSE(w.child<QPushButton>(&deleted, "restoreProblem")->isEnabled());
    qint64 asked = 0;
    QObject::connect(&deleted, &ui::DeletedProblemsDialog::restoreRequested, [&](qint64 p) { asked = p; });
    table->setCurrentCell(0, 0);
    w.click(&deleted, "restoreProblem");
    CHECK(asked == id);
}

TEST_CASE("undo and redo follow a row re-created several times", "[ui][editing]")
{
    EditingWindow w;
    const qint64 id = w.fx.problemIds.value(QStringLiteral("A-1"));
    ProblemEditor *editor = w.window.editing()->openProblem(id);
    REQUIRE(editor != nullptr);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("照片.jpg"));
    {
        QFile f(file);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("JPEG");
    }
    QAction *undo = w.window.editing()->undoAction();
    QAction *redo = w.window.editing()->redoAction();
    auto evidence = [&] { return ProblemService(*w.window.database()).evidence(id); };
    auto *list = w.child<QListWidget>(editor, "evidenceList");
    REQUIRE(editor->attachFiles({file}) == 1);
    undo->trigger();
    CHECK(evidence().isEmpty());
    redo->trigger(); // the file is stored again, under a new id
    REQUIRE(evidence().size() == 1);
    list->setCurrentRow(0);
    w.click(editor, "removeEvidence");
    CHECK(evidence().isEmpty());
    undo->trigger(); // back once more, under a third id
    REQUIRE(evidence().size() == 1);
    CHECK(ProblemService(*w.window.database()).evidenceData(evidence()[0].id) == QByteArray("JPEG"));
    undo->trigger(); // the attachment itself: it finds the third id
    CHECK(evidence().isEmpty());
    CHECK(editor->message().isEmpty());
    redo->trigger();
    redo->trigger();
    CHECK(evidence().isEmpty());
    CHECK(list->count() == 0);
    CHECK(editor->message().isEmpty());
    editor->close();
}

TEST_CASE("the navigation tree shows a new feedback's inspection at once and keeps the user's place",
          "[ui][editing]")
{
    EditingWindow w;
    ui::NavigationPane *nav = w.window.navigation();
    const auto roundTexts = [nav] {
        QStringList texts;
        QTreeWidgetItem *round = nav->topLevelItem(1)->child(0);
        for (int i = 0; i < round->childCount(); ++i)
            texts << round->child(i)->text(0);
        return texts;
    };
    const QStringList before = roundTexts();
    // The user looks at 思明区委's inspection.
    QTreeWidgetItem *siming = nav->topLevelItem(1)->child(0)->child(1);
    REQUIRE(siming->text(0).startsWith(QStringLiteral("思明区委")));
    nav->setCurrentItem(siming);
    QApplication::processEvents();
    const int shown = w.window.problemModel()->rowCount();

    w.registerOne(); // 湖里区建设局, 第一轮, fed back on the dialog's date: a new inspection
    const QStringList after = roundTexts();
    INFO(before.join(u'|').toStdString() + " -> " + after.join(u'|').toStdString());
    CHECK(after == before + QStringList{QStringLiteral("湖里区建设局 · 1 problem(s)")});
    // Still on 思明区委, with its rows.
    REQUIRE(nav->currentItem() != nullptr);
    CHECK(nav->currentItem()->text(0).startsWith(QStringLiteral("思明区委")));
    CHECK(w.window.problemModel()->rowCount() == shown);
}
