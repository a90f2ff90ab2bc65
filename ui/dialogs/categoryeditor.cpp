#include "categoryeditor.h"

#include "workflow/categoryservice.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

#include <memory>

namespace rectrack::ui {

namespace {
constexpr int kIdRole = Qt::UserRole + 1;
}

CategoryEditor::CategoryEditor(core::Database &db, EditContext *context, QWidget *parent)
    : QWidget(parent), m_db(db), m_ctx(context)
{
    setObjectName(QStringLiteral("categoryEditor"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("categoryTree"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Category"), tr("Problems")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);
    m_tree->setWordWrap(true);
    layout->addWidget(m_tree, 1);

    auto *buttons = new QGridLayout;
    auto button = [this, buttons](const QString &text, int row, int column, bool needSelection, auto slot) {
        auto *b = new QPushButton(text, this);
        connect(b, &QPushButton::clicked, this, slot);
        buttons->addWidget(b, row, column);
        if (needSelection)
            m_needSelection << b;
        return b;
    };
    button(tr("Add…"), 0, 0, false, [this] { askAdd(false); });
    button(tr("Add subcategory…"), 0, 1, true, [this] { askAdd(true); });
    button(tr("Rename…"), 0, 2, true, [this] { askRename(); });
    button(tr("Merge into…"), 0, 3, true, [this] { askMerge(); });
    button(tr("Move up"), 1, 0, true, [this] { moveCategory(selectedId(), -1); });
    button(tr("Move down"), 1, 1, true, [this] { moveCategory(selectedId(), 1); });
    button(tr("Nest under the one above"), 1, 2, true, [this] { nestCategory(selectedId()); });
    button(tr("Lift one level"), 1, 3, true, [this] { liftCategory(selectedId()); });
    button(tr("Delete"), 2, 0, true, [this] { removeCategory(selectedId()); });
    m_undo = button(tr("Undo"), 2, 2, false, [this] { m_ctx->stack()->undo(); });
    m_redo = button(tr("Redo"), 2, 3, false, [this] { m_ctx->stack()->redo(); });
    layout->addLayout(buttons);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("categoryMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #c0392b"));
    layout->addWidget(m_message);
    auto *hint = new QLabel(tr("Changes to the categories take effect at once and can be undone."), this);
    hint->setWordWrap(true);
    layout->addWidget(hint);

    connect(m_tree, &QTreeWidget::currentItemChanged, this, &CategoryEditor::updateButtons);
    connect(m_ctx, &EditContext::changed, this, &CategoryEditor::reload);
    connect(m_ctx->stack(), &QUndoStack::canUndoChanged, this, &CategoryEditor::updateButtons);
    connect(m_ctx->stack(), &QUndoStack::canRedoChanged, this, &CategoryEditor::updateButtons);
    reload();
}

void CategoryEditor::reload()
{
    const qint64 selected = selectedId();
    m_tree->clear();
    QList<QTreeWidgetItem *> parents; // by depth
    for (const core::CategoryNode &n : core::CategoryService(m_db).tree()) {
        auto *item = n.depth > 0 && n.depth <= parents.size() ? new QTreeWidgetItem(parents[n.depth - 1])
                                                              : new QTreeWidgetItem(m_tree);
        item->setText(0, n.name);
        item->setText(1, QString::number(n.problems));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        item->setData(0, kIdRole, n.id);
        parents.resize(n.depth);
        parents << item;
    }
    m_tree->expandAll();
    select(selected);
    updateButtons();
}

qint64 CategoryEditor::selectedId() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    return item ? item->data(0, kIdRole).toLongLong() : 0;
}

void CategoryEditor::select(qint64 id)
{
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if ((*it)->data(0, kIdRole).toLongLong() == id) {
            m_tree->setCurrentItem(*it);
            return;
        }
    }
}

QString CategoryEditor::message() const
{
    return m_message->text();
}

void CategoryEditor::updateButtons()
{
    const bool selected = selectedId() > 0;
    for (QPushButton *b : std::as_const(m_needSelection))
        b->setEnabled(selected);
    m_undo->setEnabled(m_ctx->stack()->canUndo());
    m_redo->setEnabled(m_ctx->stack()->canRedo());
}

core::Status CategoryEditor::run(const QString &text, ServiceCommand::Step apply, ServiceCommand::Step revert)
{
    const core::Status s = m_ctx->run(new ServiceCommand(m_ctx, text, std::move(apply), std::move(revert)));
    m_message->setText(s ? QString() : s.error().message);
    return s;
}

core::Result<qint64> CategoryEditor::addCategory(const QString &name, qint64 parentId)
{
    auto id = std::make_shared<qint64>(0);
    const QString uuid = core::Database::newUuid();
    core::Database &db = m_db;
    const core::Status s = run(
        tr("Add category %1").arg(name.trimmed()),
        [&db, id, uuid, name, parentId]() -> core::Status {
            auto r = core::CategoryService(db).add(name, parentId, uuid, -1, *id);
            if (!r)
                return r.error();
            *id = *r;
            return core::okStatus();
        },
        [&db, id] { return core::CategoryService(db).remove(*id); });
    if (!s)
        return s.error();
    select(*id);
    return *id;
}

core::Status CategoryEditor::renameCategory(qint64 id, const QString &name)
{
    const auto node = core::CategoryService(m_db).byId(id);
    if (!node)
        return core::Error{core::ErrorCode::InputRefused, tr("Choose a category first.")};
    core::Database &db = m_db;
    const QString before = node->name;
    return run(
        tr("Rename category %1").arg(before),
        [&db, id, name] { return core::CategoryService(db).rename(id, name); },
        [&db, id, before] { return core::CategoryService(db).rename(id, before); });
}

core::Status CategoryEditor::moveTo(const QString &text, qint64 id, qint64 parentId, int position)
{
    const auto node = core::CategoryService(m_db).byId(id);
    if (!node)
        return core::Error{core::ErrorCode::InputRefused, tr("Choose a category first.")};
    core::Database &db = m_db;
    const qint64 oldParent = node->parentId;
    // Its place among its siblings as the editor shows them (sort_order may have gaps).
    int oldPosition = 0;
    for (const core::CategoryNode &n : core::CategoryService(m_db).tree()) {
        if (n.id == id)
            break;
        if (n.parentId == oldParent && n.depth == node->depth)
            ++oldPosition;
    }
    const core::Status s = run(
        text,
        [&db, id, parentId, position] { return core::CategoryService(db).move(id, parentId, position); },
        [&db, id, oldParent, oldPosition] {
            return core::CategoryService(db).move(id, oldParent, oldPosition);
        });
    if (s)
        select(id);
    return s;
}

core::Status CategoryEditor::moveCategory(qint64 id, int delta)
{
    const auto node = core::CategoryService(m_db).byId(id);
    if (!node)
        return core::Error{core::ErrorCode::InputRefused, tr("Choose a category first.")};
    QList<qint64> siblings;
    for (const core::CategoryNode &n : core::CategoryService(m_db).tree()) {
        if (n.parentId == node->parentId)
            siblings << n.id;
    }
    const int from = int(siblings.indexOf(id));
    const int to = from + delta;
    if (to < 0 || to >= siblings.size())
        return core::okStatus(); // already first or last
    return moveTo(delta < 0 ? tr("Move category %1 up").arg(node->name)
                            : tr("Move category %1 down").arg(node->name),
                  id, node->parentId, to);
}

core::Status CategoryEditor::nestCategory(qint64 id)
{
    const auto node = core::CategoryService(m_db).byId(id);
    if (!node)
        return core::Error{core::ErrorCode::InputRefused, tr("Choose a category first.")};
    qint64 above = 0;
    for (const core::CategoryNode &n : core::CategoryService(m_db).tree()) {
        if (n.id == id)
            break;
        if (n.parentId == node->parentId)
            above = n.id;
    }
    if (above == 0) {
        m_message->setText(tr("%1 has no category above it at its level to go under.").arg(node->name));
        return core::Error{core::ErrorCode::InputRefused, m_message->text()};
    }
    return moveTo(tr("Nest category %1").arg(node->name), id, above, -1);
}

core::Status CategoryEditor::liftCategory(qint64 id)
{
    core::CategoryService service(m_db);
    const auto node = service.byId(id);
    if (!node)
        return core::Error{core::ErrorCode::InputRefused, tr("Choose a category first.")};
    if (node->parentId == 0)
        return core::okStatus(); // already at the top level
    const auto parent = service.byId(node->parentId);
    int position = 0;
    for (const core::CategoryNode &n : service.tree()) {
        if (n.parentId == parent->parentId) {
            ++position;
            if (n.id == parent->id)
                break;
        }
    }
    return moveTo(tr("Lift category %1").arg(node->name), id, parent->parentId, position);
}

core::Status CategoryEditor::mergeCategory(qint64 fromId, qint64 intoId)
{
    core::CategoryService service(m_db);
    const auto from = service.byId(fromId);
    const auto into = service.byId(intoId);
    if (!from || !into)
        return core::Error{core::ErrorCode::InputRefused, tr("Choose a category first.")};
    core::Database &db = m_db;
    auto merged = std::make_shared<core::CategoryMerge>();
    const core::Status s = run(
        tr("Merge category %1 into %2").arg(from->name, into->name),
        [&db, fromId, intoId, merged]() -> core::Status {
            auto r = core::CategoryService(db).merge(fromId, intoId);
            if (!r)
                return r.error();
            *merged = *r;
            return core::okStatus();
        },
        [&db, merged] { return core::CategoryService(db).unmerge(*merged); });
    if (s)
        select(intoId);
    return s;
}

core::Status CategoryEditor::removeCategory(qint64 id)
{
    const auto node = core::CategoryService(m_db).byId(id);
    if (!node)
        return core::Error{core::ErrorCode::InputRefused, tr("Choose a category first.")};
    core::Database &db = m_db;
    const core::CategoryNode before = *node;
    int position = 0;
    for (const core::CategoryNode &n : core::CategoryService(m_db).tree()) {
        if (n.id == id)
            break;
        if (n.parentId == before.parentId)
            ++position;
    }
    return run(
        tr("Delete category %1").arg(before.name), [&db, id] { return core::CategoryService(db).remove(id); },
        [&db, before, position]() -> core::Status {
            auto r =
                core::CategoryService(db).add(before.name, before.parentId, before.uuid, position, before.id);
            if (!r)
                return r.error();
            return core::okStatus();
        });
}

void CategoryEditor::askAdd(bool child)
{
    const qint64 parent = child ? selectedId() : 0;
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, child ? tr("Add subcategory") : tr("Add category"),
                              tr("Name of the category:"), QLineEdit::Normal, QString(), &ok);
    if (ok && !name.trimmed().isEmpty())
        addCategory(name, parent);
}

void CategoryEditor::askRename()
{
    const auto node = core::CategoryService(m_db).byId(selectedId());
    if (!node)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename category"), tr("Name of the category:"),
                                               QLineEdit::Normal, node->name, &ok);
    if (ok && name.trimmed() != node->name)
        renameCategory(node->id, name);
}

void CategoryEditor::askMerge()
{
    const qint64 from = selectedId();
    QStringList names;
    QList<qint64> ids;
    for (const core::CategoryNode &n : core::CategoryService(m_db).tree()) {
        if (n.id == from)
            continue;
        names << QString(n.depth * 2, QLatin1Char(' ')) + n.name;
        ids << n.id;
    }
    if (ids.isEmpty())
        return;
    bool ok = false;
    const QString target = QInputDialog::getItem(
        this, tr("Merge category"),
        tr("Merge %1 into (its problems and subcategories move there, then it is deleted):")
            .arg(m_tree->currentItem()->text(0)),
        names, 0, false, &ok);
    if (ok)
        mergeCategory(from, ids.at(names.indexOf(target)));
}

} // namespace rectrack::ui
