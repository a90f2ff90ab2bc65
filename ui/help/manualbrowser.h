#pragma once

/**
 * The manual in the app (帮助 → 操作手册, F1; issue #28): a window with the contents (pages and
 * their sections) and a search field on the left and the page on the right, rendered from the
 * Markdown in the program's resources by QTextBrowser (offline; links between pages work,
 * screenshots are scaled to the window). F1 in a dialog opens the page for that dialog
 * (installContextHelp).
 */

#include <QPointer>
#include <QWidget>

#include <functional>

class QLineEdit;
class QTextBrowser;
class QTreeWidget;
class QTreeWidgetItem;
class QLabel;

namespace rectrack::ui {

class ManualBrowser : public QWidget
{
    Q_OBJECT
public:
    /// The manual of @p language (Manual::language() when empty), as a window over @p parent.
    explicit ManualBrowser(const QString &language = {}, QWidget *parent = nullptr);

    /// Shows the page @p id ("registration"), scrolled to its section @p section (a `##`
    /// heading) when given. Returns false (and changes nothing) for an unknown page.
    bool showPage(const QString &id, const QString &section = {});
    /// The id of the page shown.
    QString currentPage() const { return m_current; }
    /// The title of the page shown.
    QString currentTitle() const;
    /// Searches every page for @p text (case-insensitive): the contents keep only the pages that
    /// hold it, and the first match is selected; returns the number of pages that hold it.
    int search(const QString &text);

    QTextBrowser *browser() const { return m_browser; }
    QTreeWidget *contents() const { return m_contents; }

    /**
     * Opens (or raises) the manual window of the window of @p from at page @p id. The window is a
     * child window of @p from's window, so that it is usable while a modal dialog is open.
     */
    static ManualBrowser *open(QWidget *from, const QString &id, const QString &section = {});

private:
    void fillContents();
    void showItem(QTreeWidgetItem *item);
    void scrollToSection(const QString &section);
    void findNext();

    QString m_language;
    QString m_current;
    QLineEdit *m_search = nullptr;
    QLabel *m_found = nullptr;
    QTreeWidget *m_contents = nullptr;
    QTextBrowser *m_browser = nullptr;
};

/**
 * F1 in @p dialog opens the manual at the page that @p page returns when pressed (its current
 * tab may choose). The page id is also kept as the dialog's "manualPage" property.
 */
void installContextHelp(QWidget *dialog, std::function<QString()> page);
/// installContextHelp with a fixed page.
void installContextHelp(QWidget *dialog, const QString &page);

} // namespace rectrack::ui
