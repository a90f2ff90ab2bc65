#pragma once

/**
 * The user manual (操作手册, issue #28): Markdown pages under docs/manual/<language>/, compiled into
 * the program's resources (:/docs/manual/zh_CN/NN-id.md, :/docs/manual/en/NN-id.md, and the
 * screenshots the pages show under :/docs/screenshots/), so the app and `rectrack-cli manual` read it
 * offline.
 *
 * A page is one file named NN-id.md (NN orders the pages, id names the page: "registration").
 * Its first line is its title (`# 登记反馈问题（挂号）`); `##` lines are its sections. The same ids
 * exist in every language. Menu paths are written bold with arrows (**文件 → 导入台账…**) and dialog
 * titles in corner brackets followed by 对话框 (「登记反馈问题」对话框; in English: the “Register
 * feedback” dialog), so that ManualCheck can find them and test them against the app.
 */

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace rectrack::ui {

/// One page of the manual.
struct ManualPage
{
    QString id;       ///< from the file name without its number: "registration"
    QString title;    ///< the text of the first `#` heading
    QString path;     ///< resource path, e.g. :/docs/manual/zh_CN/02-registration.md
    QString markdown; ///< the page as written
    /// The `##` headings, in order.
    QStringList sections() const;
    /// The screenshots the page shows: file names under docs/screenshots ("welcome.png").
    QStringList images() const;
};

/// The manual's pages and the language the app shows them in.
class Manual
{
    Q_DECLARE_TR_FUNCTIONS(rectrack::ui::Manual)
public:
    /// The language of the manual the app shows: zh_CN (default) or en; the app sets it from
    /// its own language (`--lang`).
    static QString language();
    static void setLanguage(const QString &language);

    /// The pages of @p language in order (zh_CN for a language without a manual); empty when
    /// the resources hold no manual.
    static QList<ManualPage> pages(const QString &language);
    /// Reads one Markdown page (its id, title and text) from @p path; a page with no `#` title
    /// takes its id as title.
    static ManualPage readPage(const QString &path);
    /// The resource folder of the screenshots the pages show (:/docs/screenshots).
    static QString screenshotFolder();
    /// The manual's title in the language of the installed translation (巡察整改监督台账 操作手册).
    static QString title();
};

} // namespace rectrack::ui
