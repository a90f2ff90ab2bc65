#include "uifixture.h"

#include "models/measureledgermodel.h"
#include "models/problemledgermodel.h"
#include "views/detailpane.h"
#include "views/filterbar.h"
#include "views/ledgerview.h"
#include "views/mainwindow.h"
#include "views/navigationpane.h"
#include "workflow/savedviewservice.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLineEdit>
#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
#include <QPrinter>
#include <QSettings>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace rectrack;
using namespace rectrack::core;
using rectrack::ui::MainWindow;
using rectrack::ui::NavigationPane;

namespace {

/// Keeps the tests' QSettings and data folder out of the user's.
struct TestSettings
{
    TestSettings() { QStandardPaths::setTestModeEnabled(true); }
};

QStringList topLevelTexts(QTreeWidget *tree)
{
    QStringList out;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        out << tree->topLevelItem(i)->text(0);
    return out;
}

} // namespace

TEST_CASE("the main window opens a register at its reference date", "[ui][window]")
{
    TestSettings settings;
    test::UiFixture fx;
    fx.reg.db.reset(); // the window opens the file itself
    MainWindow window;
    REQUIRE(window.openRegister(fx.reg.path, true));
    window.show();
    QApplication::processEvents();

    CHECK(window.asOf() == QDate(2021, 1, 15));
    CHECK(window.problemModel()->rowCount() == 6);
    CHECK(window.measureModel()->rowCount() == 0); // queried when its tab is first shown
    window.tabs()->setCurrentIndex(MainWindow::MeasureTab);
    CHECK(window.measureModel()->rowCount() == 7);
    window.tabs()->setCurrentIndex(MainWindow::ProblemTab);
    // Problem ledger, rectification ledger, dashboard, registers, 共性问题.
    CHECK(window.tabs()->count() == 5);
    // Headline figures: 6 problems, A-3 completed and B-2 closed out are done (2/6 = 33.33%),
    // A-1 overdue (B-1 is long-term: not done, not overdue).
    CHECK(window.headline() == QStringLiteral("Problems 6 · done 2 · completion rate 33.33% · overdue 1"));

    // Navigation: smart lists, the term, the supervision registers, saved views.
    const QStringList top = topLevelTexts(window.navigation());
    CHECK(top == (QStringList{QStringLiteral("Smart lists"), QStringLiteral("十二届市委"),
                              QStringLiteral("Supervision registers"), QStringLiteral("Saved views")}));
    QTreeWidgetItem *term = window.navigation()->topLevelItem(1);
    REQUIRE(term->childCount() == 2);
    CHECK(term->child(0)->text(0) == QStringLiteral("第一轮"));
    REQUIRE(term->child(1)->childCount() == 1);
    CHECK(term->child(1)->child(0)->text(0).startsWith(QStringLiteral("北京办事处")));

    window.navigation()->selectSmartList(NavigationPane::SmartList::Overdue);
    REQUIRE(window.problemModel()->rowCount() == 1);
    CHECK(window.problemModel()->index(0, ui::ProblemLedgerModel::RegistrationNo).data().toString() ==
          QStringLiteral("A-1"));
    window.navigation()->selectSmartList(NavigationPane::SmartList::AwaitingCloseOut);
    CHECK(window.problemModel()->rowCount() == 1);
    window.navigation()->selectSmartList(NavigationPane::SmartList::LongTerm);
    CHECK(window.problemModel()->rowCount() == 1);

    // Picking a round scopes both ledgers.
    window.navigation()->setCurrentItem(term->child(1));
    CHECK(window.problemModel()->rowCount() == 2);
    window.tabs()->setCurrentIndex(1); // the hidden measure ledger is queried when shown
    CHECK(window.measureModel()->rowCount() == 2);
    // A scope picked while the rectification ledger is shown: the problem ledger follows when
    // its tab is shown again.
    window.navigation()->selectSmartList(NavigationPane::SmartList::All);
    CHECK(window.measureModel()->rowCount() == 7);
    window.tabs()->setCurrentIndex(0);
    CHECK(window.problemModel()->rowCount() == 6);

    // A later as-of date: A-2 (deadline 2021-01-20) is overdue too.
    window.navigation()->selectSmartList(NavigationPane::SmartList::Overdue);
    window.setAsOf(QDate(2021, 1, 25));
    CHECK(window.problemModel()->rowCount() == 2);
    CHECK(window.headline().endsWith(QStringLiteral("overdue 2")));

    // The search field: two characters, with the overdue scope still applied.
    window.navigation()->selectSmartList(NavigationPane::SmartList::All);
    QLineEdit *search = window.filterBar()->searchField();
    search->setText(QStringLiteral("电梯"));
    QTest::keyClick(search, Qt::Key_Return);
    CHECK(window.problemModel()->rowCount() == 3);
    CHECK(window.effectiveFilter().search == QStringLiteral("电梯"));

    // Selecting a row fills the detail pane.
    window.problemView()->setCurrentIndex(window.problemModel()->index(0, 0));
    CHECK(window.detailPane()->toPlainText().contains(QStringLiteral("老旧小区电梯加装补贴发放不及时")));
    CHECK(window.detailPane()->toPlainText().contains(QStringLiteral("清理积压补贴申请")));
}

TEST_CASE("settings and screenshots from the main window", "[ui][window]")
{
    TestSettings settings;
    test::UiFixture fx;
    fx.reg.db.reset();
    MainWindow window;
    REQUIRE(window.openRegister(fx.reg.path, true));
    ui::SettingsDialog *dialog = window.createSettingsDialog();
    ui::SettingsDialog::Values v = dialog->values();
    CHECK(v.reg.thresholds.greenDays == 20);
    CHECK(v.reg.rounds.size() == 2);
    v.reg.thresholds = {30, 20};
    v.operatorName = QStringLiteral("巡察办张三");
    REQUIRE(window.applySettings(v));
    CHECK(window.database()->actor() == QStringLiteral("巡察办张三"));
    // A-10 (17 days left) turns yellow under the new thresholds.
    window.navigation()->selectSmartList(NavigationPane::SmartList::All);
    CHECK(window.problemModel()->index(2, 0).data(ui::LedgerModel::LightRole).toInt() ==
          int(WarningLight::Yellow));
    delete dialog;

    QTemporaryDir dir;
    REQUIRE(window.saveScreenshots(dir.path()));
    for (const char *name : {"problem-ledger.png", "rectification-ledger.png", "overdue.png", "settings.png"})
        CHECK(QFileInfo(QDir(dir.path()).filePath(QString::fromLatin1(name))).size() > 1000);
}

TEST_CASE("the window opens a register of 100 000 problems", "[ui][window][scale]")
{
    TestSettings settings;
    test::TempRegister reg;
    Database &db = *reg.db;
    {
        OrganizationService org(db);
        const qint64 term =
            *org.addTerm({0, QStringLiteral("十二届市委"), QDate(2016, 11, 1), QDate(2021, 10, 31)});
        const qint64 round =
            *org.addRound({0, term, QStringLiteral("第一轮"), 1, 1, QDate(2020, 3, 1), 1, 3});
        QList<qint64> inspections;
        QList<qint64> units;
        for (int u = 0; u < 20; ++u) {
            const qint64 unit = *org.ensureUnit(QStringLiteral("单位%1").arg(u));
            Inspection i;
            i.roundId = round;
            i.unitId = unit;
            i.feedbackDate = QDate(2020, 6, 30);
            inspections << *org.addInspection(i);
            units << unit;
        }
        // One transaction for the whole register. Rows are inserted with one prepared statement
        // (the services' per-row audit entries would make this test take minutes); the FTS
        // triggers of the schema index them as usual.
        Transaction tx(db);
        REQUIRE(tx.active());
        const QStringList offices{QStringLiteral("财务处"), QStringLiteral("办公室"),
                                  QStringLiteral("规划处")};
        QSqlQuery q = db.query();
        REQUIRE(q.prepare(QStringLiteral("INSERT INTO problems (uuid, registration_no, inspection_id, "
                                         "unit_id, description, responsible_office, "
                                         "lead_leader, deadline, original_deadline, state, feedback_date) "
                                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")));
        const QStringList states{QStringLiteral("registered"), QStringLiteral("in_progress"),
                                 QStringLiteral("completed"), QStringLiteral("closed_out")};
        for (int n = 0; n < 100000; ++n) {
            const QString deadline = QDate(2020, 9, 30).addDays(n % 200).toString(Qt::ISODate);
            q.addBindValue(Database::newUuid());
            q.addBindValue(QStringLiteral("%1-%2").arg(n % 20).arg(n));
            q.addBindValue(inspections[n % 20]);
            q.addBindValue(units[n % 20]);
            q.addBindValue(n == 77777 ? QStringLiteral("老旧小区电梯加装补贴发放不及时")
                                      : QStringLiteral("问题%1：制度执行不到位").arg(n));
            q.addBindValue(offices[n % 3]);
            q.addBindValue(QStringLiteral("领导%1").arg(n % 50));
            q.addBindValue(deadline);
            q.addBindValue(deadline);
            q.addBindValue(states[n % 4]);
            q.addBindValue(QStringLiteral("2020-06-30"));
            if (!q.exec())
                FAIL("insert failed at row " << n);
        }
        REQUIRE(tx.commit().ok());
    }
    const QString path = reg.path;
    reg.db.reset();

    QElapsedTimer timer;
    timer.start();
    MainWindow window;
    REQUIRE(window.openRegister(path, true));
    window.show();
    QApplication::processEvents();
    WARN("opened 100,000 problems in " << timer.elapsed() << " ms (timing belongs to the benchmark)");
    ui::ProblemLedgerModel *model = window.problemModel();
    CHECK(model->rowCount() == 100000);
    CHECK(model->index(99999, 0).data(ui::LedgerModel::IdRole).toLongLong() > 0);
    CHECK(window.headline().startsWith(QStringLiteral("Problems 100000 ")));
    window.problemView()->scrollToBottom();
    QApplication::processEvents();

    QLineEdit *search = window.filterBar()->searchField();
    search->setText(QStringLiteral("电梯"));
    QTest::keyClick(search, Qt::Key_Return);
    REQUIRE(model->rowCount() == 1);
    CHECK(model->index(0, ui::ProblemLedgerModel::Description)
              .data()
              .toString()
              .startsWith(QStringLiteral("老旧小区")));
    search->setText(QStringLiteral("电梯加装补贴"));
    QTest::keyClick(search, Qt::Key_Return);
    CHECK(model->rowCount() == 1);
    search->clear();
    QTest::keyClick(search, Qt::Key_Return);
    model->sort(ui::ProblemLedgerModel::Office, Qt::AscendingOrder);
    CHECK(model->rowCount() == 100000);
    CHECK(model->index(0, ui::ProblemLedgerModel::Office).data().toString() == QStringLiteral("办公室"));
    CHECK(model->index(99999, ui::ProblemLedgerModel::Office).data().toString() == QStringLiteral("规划处"));
}

TEST_CASE("saved views appear in the navigation tree and restore their filter", "[ui][window]")
{
    TestSettings settings;
    test::UiFixture fx;
    LedgerFilter f;
    f.office = QStringLiteral("财务处");
    REQUIRE(SavedViewService(*fx.reg.db).save(QStringLiteral("财务处问题"), f).ok());
    fx.reg.db.reset();
    MainWindow window;
    REQUIRE(window.openRegister(fx.reg.path, true));
    QTreeWidget *tree = window.navigation();
    QTreeWidgetItem *views = tree->topLevelItem(tree->topLevelItemCount() - 1);
    REQUIRE(views->childCount() == 1);
    CHECK(views->child(0)->text(0) == QStringLiteral("财务处问题"));
    tree->setCurrentItem(views->child(0));
    CHECK(window.filterBar()->filter().office == QStringLiteral("财务处"));
    CHECK(window.problemModel()->rowCount() == 2);
}

TEST_CASE("column widths and the splitter reopen as they were", "[ui][window]")
{
    TestSettings settings;
    QSettings().clear();
    test::UiFixture fx;
    fx.reg.db.reset();
    {
        MainWindow window;
        REQUIRE(window.openRegister(fx.reg.path, true));
        window.show();
        window.problemView()->horizontalHeader()->resizeSection(ui::ProblemLedgerModel::Unit, 333);
        window.close();
    }
    MainWindow again;
    CHECK(again.problemView()->horizontalHeader()->sectionSize(ui::ProblemLedgerModel::Unit) == 333);
    CHECK(QSettings().value(QStringLiteral("register/last")).toString() ==
          QFileInfo(fx.reg.path).absoluteFilePath());
    QSettings().clear();
}

TEST_CASE("Ctrl+P paints the current ledger, and the status bar's progress text ends when the preview shows",
          "[ui][window][print]")
{
    TestSettings settings;
    test::UiFixture fx;
    fx.reg.db.reset();
    MainWindow window;
    REQUIRE(window.openRegister(fx.reg.path, true));
    window.show();
    QAction *print = nullptr;
    for (QAction *a : window.findChildren<QAction *>())
        if (a->shortcut() == QKeySequence(QKeySequence::Print))
            print = a;
    REQUIRE(print);
    bool seen = false;
    QString message = QStringLiteral("(not looked at)");
    int pages = -1;
    QTimer poll;
    poll.setInterval(50);
    QObject::connect(&poll, &QTimer::timeout, &window, [&] {
        auto *preview = qobject_cast<QPrintPreviewDialog *>(QApplication::activeModalWidget());
        if (!preview || !preview->isVisible())
            return;
        QApplication::processEvents();
        seen = true;
        message = window.statusBar()->currentMessage();
        if (auto *widget = preview->findChild<QPrintPreviewWidget *>())
            pages = widget->pageCount();
        poll.stop();
        preview->reject();
    });
    poll.start();
    print->trigger();
    REQUIRE(seen);
    INFO(message.toStdString());
    // "Preparing the print preview…" has ended (another message, such as the backup written on
    // opening, may still be shown).
    CHECK_FALSE(message.startsWith(QStringLiteral("Preparing the print preview")));
    CHECK(message != QStringLiteral("(not looked at)"));
    CHECK(pages == 1); // the header and six problems of the fixture on one A4 landscape page
    CHECK(QApplication::overrideCursor() == nullptr);
}

TEST_CASE("the main window fits a 1024×768 screen, whichever tab is shown", "[ui][window]")
{
    // The tab pages share one minimum width (a stacked widget's is its widest page's): one row of
    // ten buttons on the 共性问题 page made the whole window 1048 pixels wide.
    TestSettings settings;
    test::UiFixture fx;
    fx.reg.db.reset();
    MainWindow window;
    REQUIRE(window.openRegister(fx.reg.path, true));
    window.resize(1024, 768);
    window.show();
    QApplication::processEvents();
    for (int i = 0; i < window.tabs()->count(); ++i) {
        INFO(window.tabs()->tabText(i).toStdString());
        CHECK(window.tabs()->widget(i)->minimumSizeHint().width() <= 800);
    }
    CHECK(window.minimumSizeHint().width() <= 1024);
    CHECK(window.width() == 1024);
}
