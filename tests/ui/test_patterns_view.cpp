#include "testsupport.h"

#include "i18n.h"
#include "models/registermodel.h"
#include "patternfixture.h"
#include "patterns/patternservice.h"
#include "patterns/patternsview.h"
#include "views/detailpane.h"
#include "views/editingcontroller.h"
#include "views/mainwindow.h"
#include "views/registerview.h"
#include "workflow/problemservice.h"

#include <QAction>
#include <QApplication>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTreeWidget>

#include <catch2/catch.hpp>

using namespace rectrack;
using namespace rectrack::core;
using rectrack::ui::MainWindow;
using rectrack::ui::PatternsView;
using rectrack::ui::RegisterModel;
using Register = rectrack::ui::RegisterModel::Register;

TEST_CASE("the common-problems view suggests, accepts with undo and redo, and drills down to problems",
          "[ui][patterns]")
{
    QStandardPaths::setTestModeEnabled(true);
    test::TempRegister reg;
    const auto ids = test::buildPatternRegister(*reg.db);
    reg.db.reset();
    MainWindow window;
    REQUIRE(window.openRegister(reg.path, true));
    window.resize(1440, 900);
    window.show();
    window.tabs()->setCurrentIndex(MainWindow::PatternsTab);
    PatternsView *view = window.patternsView();
    REQUIRE(view->isVisible());
    // The search runs on its worker and says so; the suggestions follow.
    CHECK(view->searching());
    CHECK(view->summaryText().contains(QStringLiteral("Looking for similar problems")));
    view->waitForSuggestions();
    CHECK_FALSE(view->searching());
    CHECK_FALSE(view->summaryText().contains(QStringLiteral("Looking for similar problems")));

    // Shown: nothing confirmed, two suggestions (a1…a5 and b1 b2).
    QTreeWidget *tree = view->tree();
    REQUIRE(tree->topLevelItemCount() == 2);
    CHECK(tree->topLevelItem(0)->childCount() == 0);
    QTreeWidgetItem *suggestions = tree->topLevelItem(1);
    REQUIRE(suggestions->childCount() == 2);
    CHECK(suggestions->child(0)->text(PatternsView::NameColumn) ==
          QStringLiteral("公务用车管理不规范，未按规定登记使用车辆"));
    CHECK(suggestions->child(0)->childCount() == 5);
    CHECK(suggestions->child(0)->text(PatternsView::UnitsColumn) == QStringLiteral("4"));
    CHECK(suggestions->child(1)->childCount() == 2);

    // Accept the first under a name of its own: it becomes a confirmed, common pattern.
    REQUIRE(view->acceptSuggestion(0, QStringLiteral("公务用车管理不规范")).ok());
    REQUIRE(view->patterns().size() == 1);
    const PatternFigures &a = view->patterns().first();
    CHECK(a.name == QStringLiteral("公务用车管理不规范"));
    CHECK(a.common);
    CHECK(a.units == 4);
    CHECK(a.rounds == 3);
    CHECK(a.closedOut == 3);
    CHECK(a.recurrenceUnits == 1);
    CHECK(view->suggestions().size() == 1);
    QTreeWidgetItem *confirmed = tree->topLevelItem(0);
    REQUIRE(confirmed->childCount() == 1);
    QTreeWidgetItem *pattern = confirmed->child(0);
    CHECK(pattern->text(PatternsView::CommonColumn) == QStringLiteral("common"));
    CHECK(pattern->text(PatternsView::RateColumn) == QStringLiteral("60%"));
    CHECK(pattern->text(PatternsView::RecurrenceColumn) == QStringLiteral("1/1"));
    // Drill-down: the members, a4 marked as a recurrence; double-click asks to open the problem.
    REQUIRE(pattern->childCount() == 5);
    QStringList marked;
    for (int i = 0; i < pattern->childCount(); ++i)
        if (pattern->child(i)->text(PatternsView::CommonColumn) == QStringLiteral("recurrence"))
            marked << pattern->child(i)->text(PatternsView::NameColumn).section(u' ', 0, 0);
    CHECK(marked == QStringList{QStringLiteral("a4")});
    // (The main window would open the problem editor, which asks for the operator's name first.)
    QObject::disconnect(view, &PatternsView::problemActivated, &window, nullptr);
    qint64 opened = 0;
    QObject::connect(view, &PatternsView::problemActivated, [&](qint64 id) { opened = id; });
    Q_EMIT tree->itemDoubleClicked(pattern->child(0), 0);
    CHECK(opened == ids.value(QStringLiteral("a2")));

    // Undo and redo through the Edit menu's actions.
    window.editing()->undoAction()->trigger();
    CHECK(view->patterns().isEmpty());
    CHECK(PatternService(*window.database()).patterns().isEmpty());
    window.editing()->redoAction()->trigger();
    REQUIRE(view->patterns().size() == 1);
    CHECK(view->patterns().first().name == QStringLiteral("公务用车管理不规范"));

    // Exclude a3 (undoable), then rename.
    const qint64 pa = view->patterns().first().patternId;
    PatternService service(*window.database());
    REQUIRE(view->runChange(service.excludeChange(pa, ids.value(QStringLiteral("a3"))), QStringLiteral("x"))
                .ok());
    CHECK(view->patterns().first().problems == 4);
    CHECK(view->patterns().first().units == 3);
    window.editing()->undoAction()->trigger();
    CHECK(view->patterns().first().problems == 5);
    CHECK(view->summaryText().contains(QStringLiteral("1 confirmed patterns, 1 of them common")));
}

TEST_CASE("the detail pane lists similar problems and finds a new one at once", "[ui][patterns]")
{
    QStandardPaths::setTestModeEnabled(true);
    test::TempRegister reg;
    const auto ids = test::buildPatternRegister(*reg.db);
    reg.db.reset();
    MainWindow window;
    REQUIRE(window.openRegister(reg.path, true));
    window.detailPane()->showProblem(*window.database(), ids.value(QStringLiteral("a1")));
    QString text = window.detailPane()->toPlainText();
    CHECK(text.contains(QStringLiteral("Similar problems (4)")));
    CHECK(text.contains(QStringLiteral("a5 公务用车管理不规范，存在未按规定登记使用车辆的情况")));
    CHECK(text.contains(QStringLiteral("same pattern, 1.00")));
    CHECK(text.contains(QStringLiteral("possible, 0.53"))); // a3
    CHECK_FALSE(text.contains(QStringLiteral("b1")));

    // A problem registered afterwards is found on the next look (the index follows the audit log).
    Problem p;
    p.registrationNo = QStringLiteral("a6");
    p.unitId =
        window.database()->scalar(QStringLiteral("SELECT id FROM units WHERE name = '丙'")).toLongLong();
    p.feedbackDate = QDate(2020, 12, 1);
    p.description = QStringLiteral("公务用车管理不规范，存在未按规定登记使用公务车辆的情况");
    REQUIRE(ProblemService(*window.database()).registerProblem(p).ok());
    window.detailPane()->showProblem(*window.database(), ids.value(QStringLiteral("a1")));
    text = window.detailPane()->toPlainText();
    CHECK(text.contains(QStringLiteral("Similar problems (5)")));
    CHECK(text.contains(QStringLiteral("a6")));
    CHECK_FALSE(text.contains(QStringLiteral("more.")));

    // Eight more copies of a6's text: thirteen similar problems, the ten most similar listed (the
    // copies at 1.00 before a3 at 0.53), the heading and a closing line give all of them.
    for (int i = 7; i <= 14; ++i) {
        p.registrationNo = QStringLiteral("a%1").arg(i);
        REQUIRE(ProblemService(*window.database()).registerProblem(p).ok());
    }
    window.detailPane()->showProblem(*window.database(), ids.value(QStringLiteral("a1")));
    text = window.detailPane()->toPlainText();
    CHECK(text.contains(QStringLiteral("Similar problems (13)")));
    CHECK(text.contains(QStringLiteral("… and 3 more.")));
    CHECK(text.contains(QStringLiteral("a14 公务用车管理不规范")));
    CHECK_FALSE(text.contains(QStringLiteral("possible, 0.53"))); // a3, the least similar, not listed

    // A problem with nothing similar says so.
    window.detailPane()->showProblem(*window.database(), ids.value(QStringLiteral("c1")));
    CHECK(window.detailPane()->toPlainText().contains(QStringLiteral("No similar problem in the register.")));
}

namespace {

/// The pattern register (tests/support/patternfixture.h) with every suggestion accepted on
/// 2021-01-15.
void acceptAllPatterns(test::TempRegister &reg)
{
    test::buildPatternRegister(*reg.db);
    REQUIRE(PatternService(*reg.db).acceptAll(QDate(2021, 1, 15)).ok());
}

/// Opens @p reg (its own connection closed first) in @p window, shown at 1440×900.
void openShown(test::TempRegister &reg, MainWindow &window)
{
    reg.db.reset();
    REQUIRE(window.openRegister(reg.path, true));
    window.resize(1440, 900);
    window.show();
}

} // namespace

TEST_CASE("a referral raised from a pattern shows its copy-to, response date and pattern in the register",
          "[ui][patterns][registers]")
{
    QStandardPaths::setTestModeEnabled(true);
    test::TempRegister reg;
    acceptAllPatterns(reg);
    PatternService service(*reg.db);
    const Pattern first = service.patterns().at(0);
    PatternReferral r;
    r.referral.subject = QStringLiteral("关于公务用车管理问题的抄告单");
    r.referral.recipient = QStringLiteral("市机关事务管理局");
    r.referral.issuedOn = QDate(2021, 1, 10);
    r.copyTo = QStringLiteral("市财政局");
    r.dueDate = QDate(2021, 2, 10);
    REQUIRE(service.raiseReferral(first.id, r).ok());
    MainWindow window;
    openShown(reg, window);
    RegisterModel *referrals = window.registerView()->model(Register::Referrals);
    referrals->load(window.database(), QDate(2021, 2, 1));
    REQUIRE(referrals->rowCount() == 1);
    CHECK(referrals->headerData(7, Qt::Horizontal).toString() == QStringLiteral("Copy to"));
    CHECK(referrals->index(0, 7).data().toString() == QStringLiteral("市财政局"));
    CHECK(referrals->index(0, 8).data().toString() == QStringLiteral("2021-02-10"));
    CHECK(referrals->index(0, 9).data().toString() == first.name);
    // Before its response date it is not overdue; after it, without a response, it is.
    CHECK_FALSE(referrals->index(0, 0).data(RegisterModel::OverdueRole).toBool());
    referrals->load(window.database(), QDate(2021, 2, 11));
    CHECK(referrals->index(0, 0).data(RegisterModel::OverdueRole).toBool());
}

TEST_CASE("the common-problems view follows the window's as-of date, read-only in the past",
          "[ui][patterns][asof]")
{
    QStandardPaths::setTestModeEnabled(true);
    test::TempRegister reg;
    acceptAllPatterns(reg);
    MainWindow window;
    openShown(reg, window);
    window.tabs()->setCurrentIndex(MainWindow::PatternsTab);
    window.patternsView()->waitForSuggestions();
    QApplication::processEvents();
    const auto figuresOf = [&](const QString &namePrefix) {
        for (const PatternFigures &f : window.patternsView()->patterns())
            if (f.name.startsWith(namePrefix))
                return f;
        return PatternFigures{};
    };
    CHECK(figuresOf(QStringLiteral("公务用车")).problems == 5);

    // On 2019-12-31 only R1 and R2 were fed back: a1, a2 (closed out in August) and a3; b1, b2
    // open (b2 was closed out in January 2020). Three units: already common.
    window.setAsOf(QDate(2019, 12, 31));
    const PatternFigures a = figuresOf(QStringLiteral("公务用车"));
    CHECK(a.problems == 3);
    CHECK(a.units == 3);
    CHECK(a.closedOut == 2);
    CHECK(a.common);
    CHECK(a.recurrenceEvents == 0);
    CHECK(figuresOf(QStringLiteral("理论学习")).closedOut == 0);
    // Past: no decision can be made on this page.
    window.patternsView()->tree()->setCurrentItem(window.patternsView()->tree()->topLevelItem(0)->child(0));
    for (QPushButton *b : window.patternsView()->findChildren<QPushButton *>())
        if (b->text() != QStringLiteral("Refresh suggestions"))
            CHECK_FALSE(b->isEnabled());

    // Back to today: the figures and decisions are today's again.
    window.setAsOf(QDate::currentDate());
    CHECK(figuresOf(QStringLiteral("公务用车")).problems == 5);
    window.patternsView()->tree()->setCurrentItem(window.patternsView()->tree()->topLevelItem(0)->child(0));
    bool someEnabled = false;
    for (QPushButton *b : window.patternsView()->findChildren<QPushButton *>())
        someEnabled = someEnabled || (b->isEnabled() && b->text() != QStringLiteral("Refresh suggestions"));
    CHECK(someEnabled);
}

TEST_CASE("screenshot of the common-problems view", "[ui][patterns][screenshot]")
{
    // Writes common-problems.png into $RECTRACK_SCREENSHOT_DIR when it is set (README screenshot), in
    // Chinese as the app shows it (run this test alone then: the translators stay installed).
    QStandardPaths::setTestModeEnabled(true);
    const QString dir = qEnvironmentVariable("RECTRACK_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        REQUIRE(installTranslations(QStringLiteral("zh_CN")));
    test::TempRegister reg;
    acceptAllPatterns(reg);
    MainWindow window;
    openShown(reg, window);
    window.tabs()->setCurrentIndex(MainWindow::PatternsTab);
    window.patternsView()->waitForSuggestions();
    window.patternsView()->tree()->expandAll();
    CHECK(window.patternsView()->patterns().size() == 2);
    // The tab hides the filter bar and the detail pane: let the layout take their room before the
    // picture is taken (it showed two empty areas), and check that the view has the window's width.
    QApplication::processEvents();
    CHECK(window.patternsView()->width() > 1440 * 3 / 4);
    if (!dir.isEmpty())
        CHECK(window.grab().save(dir + QStringLiteral("/common-problems.png")));
}
