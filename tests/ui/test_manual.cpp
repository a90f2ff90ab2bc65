// The user manual in the app (issue #28): F1 opens it at the page of what is on screen, and the
// manual is kept true to the app: every menu path, dialog title and label it names exists, every
// screenshot it shows is there, and a renamed menu item makes the check fail.
#include "uifixture.h"

#include "dialogs/feedbackdialog.h"
#include "dialogs/problemeditor.h"
#include "help/manual.h"
#include "help/manualbrowser.h"
#include "help/manualcheck.h"
#include "views/editingcontroller.h"
#include "views/mainwindow.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTranslator>
#include <QTreeWidget>
#include <QUrl>

#include <memory>
#include <vector>

using namespace rectrack;
using rectrack::ui::AppVocabulary;
using rectrack::ui::MainWindow;
using rectrack::ui::Manual;
using rectrack::ui::ManualBrowser;
using rectrack::ui::ManualCheck;
using rectrack::ui::ProblemEditor;

namespace {

/// The app's zh_CN translations installed while it lives (the ui tests otherwise run in English).
struct Chinese
{
    Chinese()
    {
        for (const QString &file : QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("*_zh_CN.qm")})) {
            auto t = std::make_unique<QTranslator>();
            REQUIRE(t->load(QStringLiteral(":/i18n/") + file));
            QCoreApplication::installTranslator(t.get());
            translators.push_back(std::move(t));
        }
        REQUIRE(translators.size() >= 5);
    }
    ~Chinese()
    {
        for (auto &t : translators)
            QCoreApplication::removeTranslator(t.get());
    }
    std::vector<std::unique_ptr<QTranslator>> translators;
};

/// A main window on the ui fixture's register, shown and active.
struct Window
{
    Window()
    {
        QStandardPaths::setTestModeEnabled(true);
        fx.reg.db.reset(); // the window opens the file itself
        REQUIRE(window.openRegister(fx.reg.path, true));
        window.editing()->setOperator(QStringLiteral("王科员"));
        window.show();
        activate(&window);
    }
    static void activate(QWidget *w)
    {
        QApplication::setActiveWindow(w);
        w->activateWindow();
        QApplication::processEvents();
        REQUIRE(QTest::qWaitForWindowActive(w));
    }
    /// The manual window over @p owner, or null.
    static ManualBrowser *manualOf(QWidget *owner)
    {
        return owner->findChild<ManualBrowser *>(QString(), Qt::FindDirectChildrenOnly);
    }
    test::UiFixture fx;
    MainWindow window;
};

QStringList translationFiles()
{
    QStringList out;
    const QDir dir(QStringLiteral(RECTRACK_SOURCE_DIR "/resources/translations"));
    for (const QString &f : dir.entryList({QStringLiteral("*_zh_CN.ts")}))
        out << dir.filePath(f);
    return out;
}

/// Whether the screenshot @p name is in the source tree and in the program's resources.
bool screenshotExists(const QString &name)
{
    return QFile::exists(QStringLiteral(RECTRACK_SOURCE_DIR "/docs/screenshots/") + name) &&
           QFile::exists(Manual::screenshotFolder() + u'/' + name);
}

} // namespace

TEST_CASE("F1 opens the manual at the page of the main window's tab and of the problem editor's tab",
          "[ui][manual]")
{
    Manual::setLanguage(QStringLiteral("zh_CN"));
    Window w;
    QAction *action = w.window.findChild<QAction *>(QStringLiteral("manualAction"));
    REQUIRE(action);
    CHECK(action->shortcut() == QKeySequence(Qt::Key_F1));

    // F1 on the problem ledger: the page on the main window.
    QTest::keyClick(&w.window, Qt::Key_F1);
    ManualBrowser *manual = Window::manualOf(&w.window);
    REQUIRE(manual);
    CHECK(manual->isVisible());
    CHECK(manual->currentPage() == QStringLiteral("overview"));
    CHECK(manual->currentTitle() == QStringLiteral("关于本手册与主窗口"));
    CHECK(manual->browser()->toPlainText().startsWith(QStringLiteral("关于本手册与主窗口")));
    // The contents list every page and its sections: 18 pages, the first of them the one shown.
    CHECK(manual->contents()->topLevelItemCount() == 18);
    CHECK(manual->contents()->currentItem()->text(0) == QStringLiteral("关于本手册与主窗口"));

    // F1 on the dashboard: the page on the dashboard and the meeting report.
    w.window.tabs()->setCurrentIndex(MainWindow::DashboardTab);
    Window::activate(&w.window);
    QTest::keyClick(&w.window, Qt::Key_F1);
    CHECK(Window::manualOf(&w.window) == manual); // the same window, now at another page
    CHECK(manual->currentPage() == QStringLiteral("dashboard-report"));
    CHECK(manual->currentTitle() == QStringLiteral("仪表盘与会议报告"));
    w.window.tabs()->setCurrentIndex(MainWindow::ProblemTab);

    // F1 while a past 截至 date is shown: the page on the as-of date and history.
    const QDate asOf = w.window.asOf();
    w.window.setAsOf(QDate(2020, 6, 30));
    REQUIRE(w.window.historical());
    Window::activate(&w.window);
    QTest::keyClick(&w.window, Qt::Key_F1);
    CHECK(manual->currentPage() == QStringLiteral("as-of"));
    CHECK(manual->currentTitle() == QStringLiteral("截至日期与历史"));
    w.window.setAsOf(asOf);

    // F1 in the problem editor: the page of the editor's tab, in a manual window over the editor
    // (usable while the editor is open).
    ProblemEditor *editor = w.window.editing()->openProblem(w.fx.problemIds.value(QStringLiteral("A-1")));
    REQUIRE(editor);
    editor->setCurrentTab(ProblemEditor::MeasuresTab);
    Window::activate(editor);
    QTest::keyClick(editor, Qt::Key_F1);
    ManualBrowser *editorManual = Window::manualOf(editor);
    REQUIRE(editorManual);
    CHECK(editorManual->currentPage() == QStringLiteral("measures"));
    CHECK(editorManual->currentTitle() == QStringLiteral("整改措施、进展与佐证材料"));
    CHECK(editor->property("manualPage").toString() == QStringLiteral("measures"));

    editor->setCurrentTab(ProblemEditor::ReviewTab);
    Window::activate(editor);
    QTest::keyClick(editor, Qt::Key_F1);
    CHECK(editorManual->currentPage() == QStringLiteral("review"));
    CHECK(editorManual->currentTitle() == QStringLiteral("审核与销号"));
    CHECK(editorManual->browser()->toPlainText().contains(QStringLiteral("销号")));
    editor->close();

    // F1 in the registration dialog: the page on registering feedback.
    std::unique_ptr<ui::FeedbackDialog> feedback(w.window.editing()->createFeedbackDialog(&w.window));
    feedback->show();
    Window::activate(feedback.get());
    QTest::keyClick(feedback.get(), Qt::Key_F1);
    ManualBrowser *feedbackManual = Window::manualOf(feedback.get());
    REQUIRE(feedbackManual);
    CHECK(feedbackManual->currentPage() == QStringLiteral("registration"));
    CHECK(feedbackManual->currentTitle() == QStringLiteral("登记反馈问题（挂号）"));
}

TEST_CASE("the manual follows the app's language and finds text on its pages", "[ui][manual]")
{
    Manual::setLanguage(QStringLiteral("en"));
    ManualBrowser manual;
    CHECK(manual.contents()->topLevelItemCount() == 18);
    REQUIRE(manual.showPage(QStringLiteral("review")));
    CHECK(manual.currentTitle() == QStringLiteral("Review and close-out"));
    CHECK_FALSE(manual.showPage(QStringLiteral("no-such-page")));
    CHECK(manual.currentPage() == QStringLiteral("review"));
    // A link to another page (as clicked in the text): the contents follow.
    manual.browser()->setSource(manual.browser()->source().resolved(QUrl(QStringLiteral("13-backup.md"))));
    CHECK(manual.currentPage() == QStringLiteral("backup"));
    CHECK(manual.contents()->currentItem()->text(0) ==
          QStringLiteral("Backup, verification and troubleshooting"));
    // A section of a page: the contents select it.
    REQUIRE(manual.showPage(QStringLiteral("backup"), QStringLiteral("Checking a register")));
    CHECK(manual.contents()->currentItem()->text(0) == QStringLiteral("Checking a register"));

    // Search: the pages that hold the word stay in the contents; the first is shown.
    const int pages = manual.search(QStringLiteral("pg_dump"));
    CHECK(pages == 2); // the server page and the IT staff's page
    int shown = 0;
    for (int i = 0; i < manual.contents()->topLevelItemCount(); ++i)
        shown += manual.contents()->topLevelItem(i)->isHidden() ? 0 : 1;
    CHECK(shown == 2);
    CHECK(manual.browser()->textCursor().selectedText() == QStringLiteral("pg_dump"));
    CHECK(manual.search(QStringLiteral("no such words here")) == 0);
    CHECK(manual.search(QString()) == 0);
    Manual::setLanguage(QStringLiteral("zh_CN"));

    // Both languages have the same pages, in the same order.
    QStringList zh, en;
    for (const auto &p : Manual::pages(QStringLiteral("zh_CN")))
        zh << p.id;
    for (const auto &p : Manual::pages(QStringLiteral("en")))
        en << p.id;
    CHECK(zh == en);
    CHECK(zh.size() == 18);
}

TEST_CASE("every menu path, dialog title, label and screenshot the manual names exists in the app",
          "[ui][manual]")
{
    Window w;
    AppVocabulary zh;
    {
        Chinese chinese;
        MainWindow window; // built under the translation: its menus in Chinese
        zh.menuPaths = ManualCheck::menuPaths(window.menuBar());
    }
    zh.texts = ManualCheck::translationTexts(translationFiles(), QStringLiteral("zh_CN"));
    REQUIRE(zh.menuPaths.value(QStringLiteral("文件 → 导入台账…")) == QStringLiteral("Ctrl+I"));
    REQUIRE(zh.menuPaths.value(QStringLiteral("帮助 → 操作手册")) == QStringLiteral("F1"));

    AppVocabulary en;
    en.menuPaths = ManualCheck::menuPaths(w.window.menuBar());
    en.texts = ManualCheck::translationTexts(translationFiles(), QStringLiteral("en"));
    REQUIRE(en.menuPaths.value(QStringLiteral("File → Import ledgers…")) == QStringLiteral("Ctrl+I"));

    const auto zhPages = Manual::pages(QStringLiteral("zh_CN"));
    const auto enPages = Manual::pages(QStringLiteral("en"));
    // Each mismatch names the page file, line and text, e.g.
    // 13-backup.md:25: menu path "文件 → 恢复备份文件…" is not in the app's menus
    const QStringList zhMismatches = ManualCheck::mismatches(zhPages, zh, screenshotExists);
    INFO(zhMismatches.join(u'\n').toStdString());
    CHECK(zhMismatches.isEmpty());
    const QStringList enMismatches = ManualCheck::mismatches(enPages, en, screenshotExists);
    INFO(enMismatches.join(u'\n').toStdString());
    CHECK(enMismatches.isEmpty());

    // The manual names a good many things, so the check has something to hold.
    QHash<int, int> kinds;
    QSet<QString> images;
    for (const auto &page : zhPages)
        for (const auto &r : ManualCheck::references(page)) {
            ++kinds[r.kind];
            if (r.kind == ui::ManualReference::Screenshot)
                images.insert(r.text);
        }
    CHECK(kinds.value(ui::ManualReference::MenuPath) >= 25);
    CHECK(kinds.value(ui::ManualReference::DialogTitle) >= 8);
    CHECK(kinds.value(ui::ManualReference::Label) >= 40);
    CHECK(images.size() >= 20);
    CHECK(kinds.value(ui::ManualReference::Link) >= 10);
}

TEST_CASE("the manual check fails when a menu item it names is renamed in the app", "[ui][manual]")
{
    Window w;
    // The app as it is: the English manual's references to 文件/File → 导入台账… are in step.
    const auto enPages = Manual::pages(QStringLiteral("en"));
    AppVocabulary app;
    app.texts = ManualCheck::translationTexts(translationFiles(), QStringLiteral("en"));
    app.menuPaths = ManualCheck::menuPaths(w.window.menuBar());
    REQUIRE(ManualCheck::mismatches(enPages, app, screenshotExists).isEmpty());

    // Rename the menu item in the running app, as a change to its source would.
    QAction *import = nullptr;
    for (QAction *a : w.window.findChildren<QAction *>())
        if (a->text() == QStringLiteral("&Import ledgers…"))
            import = a;
    REQUIRE(import);
    import->setText(QStringLiteral("&Load ledgers…"));
    app.menuPaths = ManualCheck::menuPaths(w.window.menuBar());
    const QStringList renamed = ManualCheck::mismatches(enPages, app, screenshotExists);
    REQUIRE_FALSE(renamed.isEmpty());
    for (const QString &m : renamed)
        CHECK(m.contains(QStringLiteral("menu path \"File → Import ledgers…\" is not in the app's menus")));
    CHECK(renamed.first().startsWith(QStringLiteral("07-import-export.md:")));

    // A changed shortcut is caught too.
    import->setText(QStringLiteral("&Import ledgers…"));
    import->setShortcut(QKeySequence(QStringLiteral("Ctrl+L")));
    app.menuPaths = ManualCheck::menuPaths(w.window.menuBar());
    const QStringList shortcut = ManualCheck::mismatches(enPages, app, screenshotExists);
    REQUIRE_FALSE(shortcut.isEmpty());
    CHECK(
        shortcut.first().contains(QStringLiteral("has the shortcut \"Ctrl+L\" in the app, not \"Ctrl+I\"")));

    // A dialog title, a label and a screenshot that are not in the app.
    ui::ManualPage page;
    page.path = QStringLiteral("99-test.md");
    page.markdown =
        QStringLiteral("# Test\n\nOpen the “Import ledgers” dialog and the “Import ledger” dialog.\n"
                       "Press [Mark rectification complete], not [Mark complete].\n"
                       "![x](../../screenshots/welcome.png) ![y](../../screenshots/nowhere.png)\n"
                       "See [\"Test\"](99-test.md) and [\"Gone\"](98-gone.md).\n");
    const QStringList found = ManualCheck::mismatches({page}, app, screenshotExists);
    CHECK(found ==
          (QStringList{
              QStringLiteral("99-test.md:3: dialog title \"Import ledger\" is not in the app"),
              QStringLiteral("99-test.md:4: label \"Mark complete\" is not in the app"),
              QStringLiteral("99-test.md:5: screenshot \"nowhere.png\" does not exist"),
              QStringLiteral("99-test.md:6: link to \"98-gone.md\", which is not a page of the manual")}));
}
