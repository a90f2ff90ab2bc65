#include "manualcheck.h"

#include <QAction>
#include <QFile>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QXmlStreamReader>

namespace rectrack::ui {

namespace {

/// Adds the actions of @p menu under @p prefix.
void collect(const QMenu *menu, const QString &prefix, QHash<QString, QString> &out)
{
    for (const QAction *action : menu->actions()) {
        if (action->isSeparator())
            continue;
        const QString path = prefix + QStringLiteral(" → ") + ManualCheck::withoutAccelerator(action->text());
        if (const QMenu *sub = action->menu())
            collect(sub, path, out);
        out.insert(path, action->shortcut().toString(QKeySequence::PortableText));
    }
}

int lineAt(const QString &text, qsizetype offset)
{
    return int(QStringView(text).left(offset).count(u'\n')) + 1;
}

} // namespace

QString ManualCheck::withoutAccelerator(const QString &text)
{
    static const QRegularExpression bracketed(QStringLiteral("\\(&.\\)"));
    QString out = text;
    out.remove(bracketed);
    // "&&" is a literal ampersand; a single "&" marks the accelerator.
    out.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    out.remove(u'&');
    out.replace(u'\x01', u'&');
    return out.trimmed();
}

QList<ManualReference> ManualCheck::references(const ManualPage &page)
{
    QList<ManualReference> out;
    const QString &md = page.markdown;
    // **A → B**, then an optional shortcut in brackets: （Ctrl+I） or (Ctrl+I).
    static const QRegularExpression menu(QStringLiteral(
        "\\*\\*([^*\\n]+? → [^*\\n]+?)\\*\\*(?:\\s?[（(]([A-Za-z0-9+]+(?:\\+[A-Za-z0-9]+)*)[）)])?"));
    for (auto it = menu.globalMatch(md); it.hasNext();) {
        const auto m = it.next();
        ManualReference r;
        r.kind = ManualReference::MenuPath;
        r.text = m.captured(1).trimmed();
        const QString shortcut = m.captured(2);
        // Only key names count as a shortcut ("Ctrl+I", "F1"), not words in brackets.
        static const QRegularExpression key(
            QStringLiteral("^(?:(?:Ctrl|Shift|Alt)\\+)*(?:[A-Z0-9]|F\\d+|Del|Return|Enter)$"));
        if (key.match(shortcut).hasMatch())
            r.shortcut = shortcut;
        r.line = lineAt(md, m.capturedStart());
        out << r;
    }
    static const QRegularExpression dialogZh(QStringLiteral("「([^」\\n]+)」(?:对话框|窗口|向导)"));
    static const QRegularExpression dialogEn(QStringLiteral("“([^”\\n]+)” (?:dialog|window|wizard)"));
    for (const QRegularExpression *re : {&dialogZh, &dialogEn})
        for (auto it = re->globalMatch(md); it.hasNext();) {
            const auto m = it.next();
            out << ManualReference{
                ManualReference::DialogTitle, m.captured(1), {}, lineAt(md, m.capturedStart())};
        }
    // 【按钮】, or [Button] in English (square brackets not followed by "(" or "[": not a link).
    static const QRegularExpression labelZh(QStringLiteral("【([^】\\n]+)】"));
    static const QRegularExpression labelEn(QStringLiteral("(?<![!\\]])\\[([A-Z][^\\]\\n]*)\\](?![(\\[:])"));
    for (const QRegularExpression *re : {&labelZh, &labelEn})
        for (auto it = re->globalMatch(md); it.hasNext();) {
            const auto m = it.next();
            out << ManualReference{ManualReference::Label, m.captured(1), {}, lineAt(md, m.capturedStart())};
        }
    static const QRegularExpression image(QStringLiteral("!\\[[^\\]]*\\]\\(([^)\\s]+)\\)"));
    for (auto it = image.globalMatch(md); it.hasNext();) {
        const auto m = it.next();
        const QString target = m.captured(1);
        out << ManualReference{ManualReference::Screenshot,
                               target.mid(target.lastIndexOf(u'/') + 1),
                               {},
                               lineAt(md, m.capturedStart())};
    }
    static const QRegularExpression link(QStringLiteral("(?<!!)\\[[^\\]\\n]*\\]\\(([^)\\s]+\\.md)\\)"));
    for (auto it = link.globalMatch(md); it.hasNext();) {
        const auto m = it.next();
        out << ManualReference{ManualReference::Link, m.captured(1), {}, lineAt(md, m.capturedStart())};
    }
    std::sort(out.begin(), out.end(),
              [](const ManualReference &a, const ManualReference &b) { return a.line < b.line; });
    return out;
}

QHash<QString, QString> ManualCheck::menuPaths(const QMenuBar *bar)
{
    QHash<QString, QString> out;
    for (const QAction *top : bar->actions())
        if (const QMenu *menu = top->menu())
            collect(menu, withoutAccelerator(top->text()), out);
    return out;
}

QSet<QString> ManualCheck::translationTexts(const QStringList &tsFiles, const QString &language)
{
    const bool chinese = language != QLatin1String("en");
    QSet<QString> out;
    for (const QString &file : tsFiles) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        QXmlStreamReader xml(&f);
        QString source;
        while (!xml.atEnd()) {
            if (!xml.readNextStartElement())
                continue;
            if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
                if (!chinese)
                    out.insert(withoutAccelerator(source));
            } else if (xml.name() == QLatin1String("translation") && chinese) {
                const QString t = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                out.insert(withoutAccelerator(t));
            }
        }
    }
    return out;
}

QStringList ManualCheck::mismatches(const QList<ManualPage> &pages, const AppVocabulary &app,
                                    const std::function<bool(const QString &)> &screenshotExists)
{
    QStringList out;
    QSet<QString> files;
    for (const ManualPage &page : pages)
        files.insert(QFileInfo(page.path).fileName());
    for (const ManualPage &page : pages) {
        const QString where = QFileInfo(page.path).fileName();
        for (const ManualReference &r : references(page)) {
            const QString at = QStringLiteral("%1:%2: ").arg(where).arg(r.line);
            switch (r.kind) {
            case ManualReference::MenuPath:
                if (!app.menuPaths.contains(r.text))
                    out << at + QStringLiteral("menu path \"%1\" is not in the app's menus").arg(r.text);
                else if (!r.shortcut.isEmpty() && app.menuPaths.value(r.text) != r.shortcut)
                    out << at + QStringLiteral(
                                    "menu path \"%1\" has the shortcut \"%2\" in the app, not \"%3\"")
                                    .arg(r.text, app.menuPaths.value(r.text), r.shortcut);
                break;
            case ManualReference::DialogTitle:
                if (!app.texts.contains(r.text))
                    out << at + QStringLiteral("dialog title \"%1\" is not in the app").arg(r.text);
                break;
            case ManualReference::Label:
                if (!app.texts.contains(r.text))
                    out << at + QStringLiteral("label \"%1\" is not in the app").arg(r.text);
                break;
            case ManualReference::Screenshot:
                if (!screenshotExists(r.text))
                    out << at + QStringLiteral("screenshot \"%1\" does not exist").arg(r.text);
                break;
            case ManualReference::Link:
                if (!files.contains(r.text))
                    out << at + QStringLiteral("link to \"%1\", which is not a page of the manual")
                                    .arg(r.text);
                break;
            }
        }
    }
    return out;
}

} // namespace rectrack::ui
