// rectrack: the desktop application. Parses the command line, installs the translations and
// opens a register in the main window: the file named on the command line, else the last one,
// else the demo register in the user's data folder (created on first start).
#include "dialogs/welcomedialog.h"
#include "help/manual.h"
#include "i18n.h"
#include "views/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <QTimer>

#include <cstdio>
#include <cstring>

namespace {

/// Whether @p argv asks only for text output (--version, --help): then no display is needed.
bool textOnly(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--version") || !std::strcmp(argv[i], "-v") ||
            !std::strcmp(argv[i], "--help") || !std::strcmp(argv[i], "-h"))
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    if (textOnly(argc, argv))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("rectrack"));
    QApplication::setOrganizationName(QStringLiteral("Rectrack"));
    QApplication::setApplicationVersion(QStringLiteral(RECTRACK_VERSION));
    const QString language = rectrack::languageFromArguments(
        QApplication::arguments(),
        QSettings().value(QStringLiteral("user/language"), QStringLiteral("zh_CN")).toString());
    rectrack::installTranslations(language);
    rectrack::ui::Manual::setLanguage(language); // 帮助 → 操作手册 in the language of the app

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Inspection rectification supervision register"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(QCommandLineOption(QStringLiteral("lang"),
                                        QApplication::translate("main", "Language: zh_CN or en."),
                                        QStringLiteral("LANG")));
    QCommandLineOption demoOption(
        QStringLiteral("demo"),
        QApplication::translate("main", "Open the demo register (created on first use)."));
    parser.addOption(demoOption);
    QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                  QApplication::translate("main", "Save screenshots to DIR and quit."),
                                  QStringLiteral("DIR"));
    screenshot.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(screenshot);
    parser.addPositionalArgument(
        QStringLiteral("register"),
        QApplication::translate("main",
                                "Register file, or server register (postgresql://login@host/database)."),
        QStringLiteral("[FILE|URL]"));
    parser.process(app);

    rectrack::ui::MainWindow window;
    QString path;
    auto openDemo = [&window, &path] {
        // The demo register in the user's data folder, built by the same code as `rectrack-cli demo`.
        const QString demo = rectrack::ui::MainWindow::demoRegisterPath();
        const rectrack::core::Status s = rectrack::ui::MainWindow::ensureDemoRegister(demo);
        if (!s)
            QMessageBox::warning(&window, QApplication::translate("main", "Demo register"),
                                 s.error().message);
        else if (window.openRegister(demo))
            path = demo;
    };
    if (parser.isSet(demoOption)) {
        openDemo();
    } else if (!parser.positionalArguments().isEmpty()) {
        path = parser.positionalArguments().first();
        if (!window.openRegister(path))
            path.clear();
    } else {
        const QString last = QSettings().value(QStringLiteral("register/last")).toString();
        const bool server = rectrack::core::Database::isServerLocation(last);
        if (!last.isEmpty() && (server || QFileInfo::exists(last)) && window.openRegister(last, true)) {
            path = last;
        } else if (parser.isSet(screenshot)) {
            openDemo();
        } else {
            // No register yet: greet the user and let them create, open or try the demo.
            rectrack::ui::WelcomeDialog welcome;
            welcome.exec();
            switch (welcome.choice()) {
            case rectrack::ui::WelcomeDialog::Choice::Create:
                if (window.createRegister(welcome.path(), welcome.termName(), welcome.office(),
                                          welcome.algorithm()))
                    path = welcome.path();
                break;
            case rectrack::ui::WelcomeDialog::Choice::Open:
                if (window.openRegister(welcome.path()))
                    path = welcome.path();
                break;
            case rectrack::ui::WelcomeDialog::Choice::Demo:
                openDemo();
                break;
            case rectrack::ui::WelcomeDialog::Choice::Connect:
                if (window.connectServer())
                    path = window.database()->path();
                break;
            case rectrack::ui::WelcomeDialog::Choice::None:
                break;
            }
        }
    }
    // The first start opens maximized, so that the status bar with the 截至 date is on screen at
    // 1024×768 too; later starts restore the saved geometry. Screenshots keep their fixed sizes.
    if (!QSettings().contains(QStringLiteral("window/geometry")) && !parser.isSet(screenshot))
        window.showMaximized();
    else
        window.show();

    if (parser.isSet(screenshot)) {
        const QString dir = parser.value(screenshot);
        QTimer::singleShot(300, &window, [&window, dir] {
            const bool ok = window.saveScreenshots(dir);
            std::fprintf(ok ? stdout : stderr, "%s\n", ok ? "screenshots saved" : "screenshots failed");
            QApplication::exit(ok ? 0 : 1);
        });
    }
    return app.exec();
}
