#pragma once

/**
 * Keeps the manual true to the app (issue #28, "kept true"). The manual marks what it names:
 *  - menu paths bold with arrows, optionally followed by the shortcut in brackets:
 *    **文件 → 导入台账…**（Ctrl+I）, **File → Import ledgers…** (Ctrl+I);
 *  - dialog titles in corner brackets before 对话框 (「登记反馈问题」对话框), in English in curly
 *    quotes before "dialog" (the “Register feedback” dialog);
 *  - buttons, tabs and other labels in 【】 (【标记整改完成】); English pages write them in square
 *    brackets not followed by a link target ([Mark rectification complete]);
 *  - screenshots as Markdown images (../../screenshots/NAME.png);
 *  - links to other pages as Markdown links to their files ([“备份、校验与故障处理”](13-backup.md)).
 * ManualCheck lists every reference that the app does not have: a menu path missing from the
 * main window's menus (or with another shortcut), a title or label missing from the translation
 * (zh_CN) or the sources (en), a screenshot that is not there. An empty list means the manual is
 * in step with the app.
 */

#include "manual.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <functional>

class QMenuBar;

namespace rectrack::ui {

/// One thing a manual page names.
struct ManualReference
{
    enum Kind
    {
        MenuPath,    ///< "文件 → 导入台账…"
        DialogTitle, ///< "登记反馈问题"
        Label,       ///< a button, tab or field label: "标记整改完成"
        Screenshot,  ///< "welcome.png"
        Link         ///< a link to another page: "13-backup.md"
    };
    Kind kind = MenuPath;
    QString text;
    QString shortcut; ///< for a menu path: the shortcut written after it ("Ctrl+I"), else empty
    int line = 0;     ///< 1-based line in the page
};

/// What the app has, to check the manual against.
struct AppVocabulary
{
    /// Menu paths as shown ("文件 → 导入台账…", accelerators removed) → the action's shortcut
    /// in portable text ("Ctrl+I", empty when it has none).
    QHash<QString, QString> menuPaths;
    /// Every window title, button, tab and label the app shows in the manual's language
    /// (accelerators removed).
    QSet<QString> texts;
};

class ManualCheck
{
public:
    /// The references of one page, in order.
    static QList<ManualReference> references(const ManualPage &page);
    /// @p text without accelerators: "导入台账(&I)…" → "导入台账…", "&File" → "File".
    static QString withoutAccelerator(const QString &text);
    /// Every menu path of @p bar with its shortcut, hidden menus and actions included.
    static QHash<QString, QString> menuPaths(const QMenuBar *bar);
    /**
     * The texts of the Qt translation files @p tsFiles: their translations when @p language is
     * zh_CN, their English sources otherwise (accelerators removed; placeholders kept).
     */
    static QSet<QString> translationTexts(const QStringList &tsFiles, const QString &language);
    /**
     * Every reference of @p pages the app lacks, one message each naming the page file, line and
     * text (e.g. "02-registration.md:14: menu path 编辑 → 新增问题… is not in the app's menus").
     * @p screenshotExists tells whether a screenshot file name exists; a link must name the file of
     * one of @p pages.
     */
    static QStringList mismatches(const QList<ManualPage> &pages, const AppVocabulary &app,
                                  const std::function<bool(const QString &)> &screenshotExists);
};

} // namespace rectrack::ui
