#pragma once

#include "commands/editcommand.h"
#include "storage/database.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace rectrack::ui {

/**
 * The 问题类别 editor of 设置: the category tree of the register with add, add a subcategory,
 * rename, move up and down, nest under the previous category or lift to the parent's level,
 * merge into another category, and delete an unused one. Each change is applied at once through
 * core::CategoryService as an undoable command on the main window's undo stack (its Undo and
 * Redo buttons, or Ctrl+Z / Ctrl+Shift+Z there), so it is in the audit log and offered at once
 * by 登记反馈问题 and the problem editor. A refused change leaves the tree as it was and shows
 * core's reason below it.
 *
 * The public operations take ids (the buttons ask for names and targets first), so that tests
 * drive them without dialogs.
 */
class CategoryEditor : public QWidget
{
    Q_OBJECT
public:
    CategoryEditor(core::Database &db, EditContext *context, QWidget *parent = nullptr);

    /// Re-reads the tree from the register, keeping the selection.
    void reload();
    /// The id of the selected category, 0 when none.
    qint64 selectedId() const;
    void select(qint64 id);
    /// The message of the last refused change (empty after a change that worked).
    QString message() const;

    core::Result<qint64> addCategory(const QString &name, qint64 parentId = 0);
    core::Status renameCategory(qint64 id, const QString &name);
    /// Moves @p id by @p delta places among its siblings (-1 up, +1 down).
    core::Status moveCategory(qint64 id, int delta);
    /// Puts @p id under the sibling above it.
    core::Status nestCategory(qint64 id);
    /// Puts @p id at its parent's level, right after the parent.
    core::Status liftCategory(qint64 id);
    core::Status mergeCategory(qint64 fromId, qint64 intoId);
    core::Status removeCategory(qint64 id);

private:
    core::Status run(const QString &text, ServiceCommand::Step apply, ServiceCommand::Step revert);
    core::Status moveTo(const QString &text, qint64 id, qint64 parentId, int position);
    void updateButtons();
    void askAdd(bool child);
    void askRename();
    void askMerge();

    core::Database &m_db;
    EditContext *m_ctx;
    QTreeWidget *m_tree;
    QLabel *m_message;
    QList<QPushButton *> m_needSelection;
    QPushButton *m_undo;
    QPushButton *m_redo;
};

} // namespace rectrack::ui
