#include "manual.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace rectrack::ui {

namespace {

QString g_language = QStringLiteral("zh_CN");

QString folderOf(const QString &language)
{
    return QStringLiteral(":/docs/manual/") + language;
}

} // namespace

QStringList ManualPage::sections() const
{
    QStringList out;
    static const QRegularExpression heading(QStringLiteral("^## +(.+?)\\s*$"),
                                            QRegularExpression::MultilineOption);
    for (auto it = heading.globalMatch(markdown); it.hasNext();)
        out << it.next().captured(1);
    return out;
}

QStringList ManualPage::images() const
{
    QStringList out;
    static const QRegularExpression image(QStringLiteral("!\\[[^\\]]*\\]\\(([^)\\s]+)\\)"));
    for (auto it = image.globalMatch(markdown); it.hasNext();) {
        const QString target = it.next().captured(1);
        out << target.mid(target.lastIndexOf(u'/') + 1);
    }
    return out;
}

QString Manual::language()
{
    return g_language;
}

void Manual::setLanguage(const QString &language)
{
    g_language = language.startsWith(QLatin1String("en")) ? QStringLiteral("en") : QStringLiteral("zh_CN");
}

ManualPage Manual::readPage(const QString &path)
{
    ManualPage page;
    page.path = path;
    QString stem = QFileInfo(path).completeBaseName();
    static const QRegularExpression number(QStringLiteral("^\\d+-"));
    page.id = stem.remove(number);
    QFile f(path);
    if (f.open(QIODevice::ReadOnly))
        page.markdown = QString::fromUtf8(f.readAll());
    static const QRegularExpression title(QStringLiteral("^# +(.+?)\\s*$"),
                                          QRegularExpression::MultilineOption);
    const auto m = title.match(page.markdown);
    page.title = m.hasMatch() ? m.captured(1) : page.id;
    return page;
}

QList<ManualPage> Manual::pages(const QString &language)
{
    QDir dir(folderOf(language));
    if (!dir.exists())
        dir.setPath(folderOf(QStringLiteral("zh_CN")));
    QList<ManualPage> out;
    for (const QString &name : dir.entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name))
        out << readPage(dir.filePath(name));
    return out;
}

QString Manual::screenshotFolder()
{
    return QStringLiteral(":/docs/screenshots");
}

QString Manual::title()
{
    return tr("Rectrack user manual");
}

} // namespace rectrack::ui
