#include "i18n.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QStringList>
#include <QTranslator>

namespace rectrack {

bool installTranslations(const QString &language)
{
    QString lang = language;
    if (lang == QLatin1String("zh") || lang == QLatin1String("cn"))
        lang = QStringLiteral("zh_CN");
    if (lang.startsWith(QLatin1String("en"))) {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        return true;
    }
    QLocale::setDefault(QLocale(lang));
    bool any = false;
    // Installed .qm files (share/rectrack/translations beside bin/) take precedence over the
    // copies embedded at build time, so corrected wording can be shipped without a new build.
    const QDir installed(QCoreApplication::applicationDirPath() +
                         QStringLiteral("/../share/rectrack/translations"));
    const QDir embedded(QStringLiteral(":/i18n"));
    const QString pattern = QStringLiteral("*_%1.qm").arg(lang);
    const QDir dir = installed.entryList({pattern}, QDir::Files).isEmpty() ? embedded : installed;
    for (const QString &file : dir.entryList({pattern}, QDir::Files)) {
        auto *t = new QTranslator(QCoreApplication::instance());
        if (t->load(dir.filePath(file))) {
            QCoreApplication::installTranslator(t);
            any = true;
        } else {
            delete t;
        }
    }
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(QStringLiteral("qtbase_") + lang, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return any;
}

QString languageFromArguments(const QStringList &args, const QString &fallback)
{
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--lang") && i + 1 < args.size())
            return args[i + 1];
        if (args[i].startsWith(QLatin1String("--lang=")))
            return args[i].mid(7);
    }
    return fallback;
}

} // namespace rectrack
