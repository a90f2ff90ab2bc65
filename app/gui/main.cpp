#include "i18n.h"
#include "views/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("rectrack"));
    QApplication::setOrganizationName(QStringLiteral("Rectrack"));
    QApplication::setApplicationVersion(QStringLiteral(RECTRACK_VERSION));
    rectrack::installTranslations(rectrack::languageFromArguments(QApplication::arguments()));

    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(
        QCommandLineOption(QStringLiteral("lang"), QStringLiteral("zh_CN or en"), QStringLiteral("LANG")));
    parser.addPositionalArgument(QStringLiteral("register"), QStringLiteral("register file to open"));
    parser.process(app);

    rectrack::ui::MainWindow window;
    if (!parser.positionalArguments().isEmpty())
        window.openRegister(parser.positionalArguments().first());
    window.show();
    return app.exec();
}
