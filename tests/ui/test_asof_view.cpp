#include "testsupport.h"

#include "demo/demoregister.h"
#include "dialogs/categoryeditor.h"
#include "dialogs/feedbackdialog.h"
#include "dialogs/settingsdialog.h"
#include "io/csvreader.h"
#include "models/ledgermodel.h"
#include "models/problemledgermodel.h"
#include "stats/statistics.h"
#include "views/detailpane.h"
#include "views/editingcontroller.h"
#include "views/filterbar.h"
#include "views/mainwindow.h"
#include "workflow/categoryservice.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QUndoStack>

#include <catch2/catch.hpp>

using namespace rectrack;
using rectrack::ui::MainWindow;

namespace {

struct TestSettings
{
    TestSettings() { QStandardPaths::setTestModeEnabled(true); }
};

/// The texts a combo box offers.
QStringList items(const QComboBox *box)
{
    QStringList out;
    for (int i = 0; i < box->count(); ++i)
        out << box->itemText(i).trimmed();
    return out;
}

/// The categories the registration dialog offers in a new row (the empty choice left out).
QStringList feedbackCategories(MainWindow &window)
{
    ui::FeedbackDialog *dialog = window.editing()->createFeedbackDialog(&window);
    dialog->addRow();
    const auto *combo = dialog->findChild<QComboBox *>(QStringLiteral("feedbackCategory"));
    QStringList out = combo ? items(combo) : QStringList{QStringLiteral("(no combo)")};
    out.removeAll(QString());
    delete dialog;
    return out;
}

/// The state shown in the problem ledger's row of @p regNo, or "" when it is not listed.
QString stateOf(MainWindow &window, const QString &regNo)
{
    QAbstractItemModel *m = window.problemModel();
    for (int r = 0; r < m->rowCount(); ++r) {
        if (m->index(r, ui::ProblemLedgerModel::RegistrationNo).data().toString() == regNo)
            return m->index(r, ui::ProblemLedgerModel::State).data().toString();
    }
    return {};
}

} // namespace

TEST_CASE(
    "a new register offers the four standard categories, and one added in settings is offered and undoable",
    "[ui][categories]")
{
    TestSettings settings;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("new.rtreg"));
    MainWindow window;
    REQUIRE(window.createRegister(path, QStringLiteral("十三届区委")));
    window.editing()->setOperator(QStringLiteral("测试员"));

    CHECK(feedbackCategories(window) == core::CategoryService::standardNames());

    ui::SettingsDialog *dialog = window.createSettingsDialog();
    auto *editor = dialog->findChild<ui::CategoryEditor *>();
    REQUIRE(editor);
    auto *tree = editor->findChild<QTreeWidget *>(QStringLiteral("categoryTree"));
    REQUIRE(tree->topLevelItemCount() == 4);
    CHECK(tree->topLevelItem(0)->text(0) == QStringLiteral("落实党的路线方针政策和党中央重大决策部署方面"));
    CHECK(tree->topLevelItem(3)->text(0) == QStringLiteral("落实巡视巡察整改和主题教育整改方面"));

    // Added in settings: offered at once by the registration dialog, at the end.
    auto added = editor->addCategory(QStringLiteral("作风建设方面"));
    REQUIRE(added);
    CHECK(tree->topLevelItemCount() == 5);
    QStringList expected = core::CategoryService::standardNames();
    expected << QStringLiteral("作风建设方面");
    CHECK(feedbackCategories(window) == expected);
    // A duplicate is refused with a visible reason, and nothing is pushed.
    const int depth = window.editing()->context()->stack()->count();
    CHECK_FALSE(editor->addCategory(QStringLiteral("作风建设方面")));
    CHECK(editor->message().contains(QStringLiteral("作风建设方面")));
    CHECK(window.editing()->context()->stack()->count() == depth);

    // Nest it under the category above, then undo both: back to the four.
    REQUIRE(editor->nestCategory(*added));
    REQUIRE(tree->topLevelItemCount() == 4);
    CHECK(tree->topLevelItem(3)->child(0)->text(0) == QStringLiteral("作风建设方面"));
    window.editing()->undoAction()->trigger();
    CHECK(tree->topLevelItemCount() == 5);
    window.editing()->undoAction()->trigger();
    CHECK(tree->topLevelItemCount() == 4);
    CHECK(feedbackCategories(window) == core::CategoryService::standardNames());
    // Redo brings it back with its id.
    window.editing()->redoAction()->trigger();
    CHECK(feedbackCategories(window) == expected);
    delete dialog;
}

TEST_CASE("a past as-of date shows the register as it stood, read-only, with a way back", "[ui][asof]")
{
    TestSettings settings;
    test::TempRegister reg;
    REQUIRE(core::DemoRegister::build(*reg.db).ok());
    const QDate past(2020, 6, 30);
    auto stats = core::Statistics::compute(*reg.db, past);
    REQUIRE(stats);
    CHECK(stats->total.problems == 162);
    auto today = core::Statistics::compute(*reg.db, reg.db->defaultAsOf());
    REQUIRE(today);
    reg.db.reset();

    MainWindow window;
    REQUIRE(window.openRegister(reg.path, true));
    window.show();
    QApplication::processEvents();
    auto *banner = window.findChild<QWidget *>(QStringLiteral("asOfBanner"));
    REQUIRE(banner);
    CHECK_FALSE(banner->isVisible());
    CHECK(window.problemModel()->rowCount() == today->total.problems);
    CHECK(stateOf(window, QStringLiteral("YQ-08")) == QStringLiteral("Closed out"));

    window.setAsOf(past);
    CHECK(window.historical());
    CHECK(banner->isVisible());
    // The ledger counts what the dashboard counts on that day, each problem in its state then.
    CHECK(window.problemModel()->rowCount() == 162);
    CHECK(stateOf(window, QStringLiteral("YQ-08")) != QStringLiteral("Closed out"));
    CHECK_FALSE(stateOf(window, QStringLiteral("YQ-08")).isEmpty());
    CHECK_FALSE(window.editing()->newProblemAction()->isEnabled());

    // The dashboard's click-through (the done problems on that day) shows in the filter bar and
    // lists as many problems as the figure says; Clear ends it.
    core::LedgerFilter done;
    done.states = {core::ProblemState::Completed, core::ProblemState::ClosedOut};
    window.showProblems(done, QStringLiteral("Done"));
    CHECK(window.problemModel()->rowCount() == stats->total.done());
    auto *bar = window.findChild<ui::FilterBar *>();
    CHECK(bar->drillDown().contains(QStringLiteral("Done")));
    bar->setFilter({});
    Q_EMIT bar->filterChanged();
    CHECK(bar->drillDown().isEmpty());
    CHECK(window.problemModel()->rowCount() == 162);

    // 文件 → 导出台账… writes what the ledger shows, as it stood on that day.
    QTemporaryDir out;
    const QString csv = out.filePath(QStringLiteral("x.csv"));
    auto written = window.exportLedger(csv);
    INFO((written ? QString() : written.error().message).toStdString());
    REQUIRE(written);
    CHECK(*written == 162);
    auto book = core::CsvReader::read(csv);
    REQUIRE(book);
    CHECK(book->sheets.first().rows.size() == 1 + 162);

    // One click back to today: every problem, editable again.
    auto *back = banner->findChild<QPushButton *>(QStringLiteral("asOfBackButton"));
    REQUIRE(back);
    back->click();
    CHECK(window.asOf() == QDate(2021, 1, 15));
    CHECK_FALSE(window.historical());
    CHECK_FALSE(banner->isVisible());
    CHECK(window.problemModel()->rowCount() == today->total.problems);
    CHECK(window.editing()->newProblemAction()->isEnabled());
}
