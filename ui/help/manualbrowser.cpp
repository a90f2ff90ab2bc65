#include "manualbrowser.h"

#include "manual.h"

#include <QAbstractTextDocumentLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace rectrack::ui {

namespace {

enum Role
{
    PageRole = Qt::UserRole + 1,
    SectionRole
};

/// A QTextBrowser whose images (the screenshots) are no wider than 760 pixels.
class ManualTextBrowser : public QTextBrowser
{
public:
    using QTextBrowser::QTextBrowser;
    QVariant loadResource(int type, const QUrl &name) override
    {
        QVariant v = QTextBrowser::loadResource(type, name);
        if (type == QTextDocument::ImageResource) {
            QImage image = v.value<QImage>();
            if (image.isNull())
                image.loadFromData(v.toByteArray());
            if (!image.isNull() && image.width() > 760)
                return image.scaledToWidth(760, Qt::SmoothTransformation);
            if (!image.isNull())
                return image;
        }
        return v;
    }
};

} // namespace

ManualBrowser::ManualBrowser(const QString &language, QWidget *parent)
    : QWidget(parent, Qt::Window), m_language(language.isEmpty() ? Manual::language() : language)
{
    setObjectName(QStringLiteral("manualBrowser"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("User manual"));

    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("manualSearch"));
    m_search->setPlaceholderText(tr("Search the manual"));
    m_search->setClearButtonEnabled(true);
    m_found = new QLabel;
    m_contents = new QTreeWidget;
    m_contents->setHeaderHidden(true);
    m_contents->setObjectName(QStringLiteral("manualContents"));
    m_browser = new ManualTextBrowser;
    m_browser->setObjectName(QStringLiteral("manualPage"));
    m_browser->setOpenExternalLinks(false);

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_found);
    leftLayout->addWidget(m_contents, 1);
    auto *splitter = new QSplitter;
    splitter->addWidget(left);
    splitter->addWidget(m_browser);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({260, 780});
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(splitter);
    resize(1080, 760);

    fillContents();
    connect(m_contents, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) { showItem(item); });
    connect(m_contents, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) { showItem(item); });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) { search(text); });
    connect(m_search, &QLineEdit::returnPressed, this, &ManualBrowser::findNext);
    // A link to another page (03-measures.md) keeps the contents in step.
    connect(m_browser, &QTextBrowser::sourceChanged, this, [this](const QUrl &url) {
        const ManualPage page = Manual::readPage(QLatin1Char(':') + url.path());
        m_current = page.id;
        for (int i = 0; i < m_contents->topLevelItemCount(); ++i) {
            QTreeWidgetItem *item = m_contents->topLevelItem(i);
            if (item->data(0, PageRole).toString() == page.id && m_contents->currentItem() != item &&
                (!m_contents->currentItem() || m_contents->currentItem()->parent() != item))
                m_contents->setCurrentItem(item);
        }
    });
    auto *find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, m_search, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    auto *next = new QShortcut(QKeySequence::FindNext, this);
    connect(next, &QShortcut::activated, this, &ManualBrowser::findNext);
    if (m_contents->topLevelItemCount() > 0)
        showItem(m_contents->topLevelItem(0));
}

void ManualBrowser::fillContents()
{
    for (const ManualPage &page : Manual::pages(m_language)) {
        auto *item = new QTreeWidgetItem(m_contents, {page.title});
        item->setData(0, PageRole, page.id);
        item->setData(0, Qt::UserRole, page.path);
        for (const QString &section : page.sections()) {
            auto *child = new QTreeWidgetItem(item, {section});
            child->setData(0, PageRole, page.id);
            child->setData(0, SectionRole, section);
            child->setData(0, Qt::UserRole, page.path);
        }
    }
}

void ManualBrowser::showItem(QTreeWidgetItem *item)
{
    if (!item)
        return;
    const QString path = item->data(0, Qt::UserRole).toString();
    const QString id = item->data(0, PageRole).toString();
    if (id != m_current || m_browser->source().isEmpty()) {
        m_current = id;
        m_browser->setSource(QUrl(QStringLiteral("qrc") + path), QTextDocument::MarkdownResource);
    }
    m_contents->setCurrentItem(item);
    const QString section = item->data(0, SectionRole).toString();
    if (section.isEmpty())
        m_browser->verticalScrollBar()->setValue(0);
    else
        scrollToSection(section);
}

bool ManualBrowser::showPage(const QString &id, const QString &section)
{
    for (int i = 0; i < m_contents->topLevelItemCount(); ++i) {
        QTreeWidgetItem *page = m_contents->topLevelItem(i);
        if (page->data(0, PageRole).toString() != id)
            continue;
        QTreeWidgetItem *target = page;
        for (int j = 0; j < page->childCount(); ++j)
            if (!section.isEmpty() && page->child(j)->data(0, SectionRole).toString() == section)
                target = page->child(j);
        page->setHidden(false);
        target->setHidden(false);
        showItem(target);
        return true;
    }
    return false;
}

QString ManualBrowser::currentTitle() const
{
    for (int i = 0; i < m_contents->topLevelItemCount(); ++i)
        if (m_contents->topLevelItem(i)->data(0, PageRole).toString() == m_current)
            return m_contents->topLevelItem(i)->text(0);
    return {};
}

void ManualBrowser::scrollToSection(const QString &section)
{
    QTextDocument *doc = m_browser->document();
    for (int n = 0; n < doc->blockCount(); ++n) {
        const QTextBlock block = doc->findBlockByNumber(n);
        if (block.blockFormat().headingLevel() > 1 && block.text().trimmed() == section) {
            const QRectF r = doc->documentLayout()->blockBoundingRect(block);
            m_browser->verticalScrollBar()->setValue(int(r.top()));
            return;
        }
    }
}

int ManualBrowser::search(const QString &text)
{
    const QString needle = text.trimmed();
    int pages = 0;
    for (int i = 0; i < m_contents->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_contents->topLevelItem(i);
        const ManualPage page = Manual::readPage(item->data(0, Qt::UserRole).toString());
        const bool holds = needle.isEmpty() || page.markdown.contains(needle, Qt::CaseInsensitive);
        item->setHidden(!holds);
        if (holds && !needle.isEmpty()) {
            ++pages;
            item->setExpanded(true);
        }
    }
    if (needle.isEmpty()) {
        m_found->clear();
        return 0;
    }
    m_found->setText(pages ? tr("Found on %n page(s); Enter finds the next.", nullptr, pages)
                           : tr("Not found in the manual."));
    if (pages) {
        // Show the first page that holds the text, unless the page shown holds it.
        QTreeWidgetItem *first = nullptr;
        for (int i = 0; i < m_contents->topLevelItemCount() && !first; ++i)
            if (!m_contents->topLevelItem(i)->isHidden())
                first = m_contents->topLevelItem(i);
        bool currentHolds = false;
        for (int i = 0; i < m_contents->topLevelItemCount(); ++i) {
            QTreeWidgetItem *item = m_contents->topLevelItem(i);
            if (item->data(0, PageRole).toString() == m_current && !item->isHidden())
                currentHolds = true;
        }
        if (!currentHolds)
            showItem(first);
        m_browser->moveCursor(QTextCursor::Start);
        m_browser->find(needle);
    }
    return pages;
}

void ManualBrowser::findNext()
{
    const QString needle = m_search->text().trimmed();
    if (needle.isEmpty())
        return;
    if (m_browser->find(needle))
        return;
    // Not further on this page: the next page that holds it, from its start.
    int at = -1;
    for (int i = 0; i < m_contents->topLevelItemCount(); ++i)
        if (m_contents->topLevelItem(i)->data(0, PageRole).toString() == m_current)
            at = i;
    const int n = m_contents->topLevelItemCount();
    for (int k = 1; k <= n; ++k) {
        QTreeWidgetItem *item = m_contents->topLevelItem((at + k) % n);
        if (item->isHidden())
            continue;
        showItem(item);
        m_browser->moveCursor(QTextCursor::Start);
        m_browser->find(needle);
        return;
    }
}

ManualBrowser *ManualBrowser::open(QWidget *from, const QString &id, const QString &section)
{
    QWidget *owner = from ? from->window() : nullptr;
    ManualBrowser *browser =
        owner ? owner->findChild<ManualBrowser *>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
    if (!browser)
        browser = new ManualBrowser(Manual::language(), owner);
    browser->showPage(id, section);
    browser->show();
    browser->raise();
    browser->activateWindow();
    return browser;
}

void installContextHelp(QWidget *dialog, std::function<QString()> page)
{
    auto *shortcut = new QShortcut(QKeySequence::HelpContents, dialog);
    shortcut->setContext(Qt::WindowShortcut);
    dialog->setProperty("manualPage", page());
    QObject::connect(shortcut, &QShortcut::activated, dialog, [dialog, page] {
        const QString id = page();
        dialog->setProperty("manualPage", id);
        ManualBrowser::open(dialog, id);
    });
}

void installContextHelp(QWidget *dialog, const QString &page)
{
    installContextHelp(dialog, [page] { return page; });
}

} // namespace rectrack::ui
