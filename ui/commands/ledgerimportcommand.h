#pragma once

#include "io/ledgerimporter.h"
#include "io/ledgerupdateplan.h"

#include <QCoreApplication>
#include <QUndoCommand>

#include <functional>

namespace rectrack::ui {

/**
 * One run of the import wizard as one undoable step: every file it imported (a monthly update
 * or a first import). The imports have already happened when the command is pushed, so the
 * first redo() does nothing. undo() takes the register back to the state captured before each
 * import (core::LedgerUpdateUndo::revert, newest file first, all files in one transaction);
 * redo() imports the same files again with the same options (capturing a fresh snapshot), all
 * or nothing. A failure (the register was closed, a file changed or is gone, a created problem
 * was deleted since) leaves the register unchanged and is reported through the error callback.
 */
class LedgerImportCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(rectrack::ui::LedgerImportCommand)
public:
    /// One imported file: what to import again on redo and what to restore on undo.
    struct Item
    {
        QString path;
        core::ImportOptions options;
        core::LedgerUpdateSnapshot before;
        core::ImportReport report;
    };

    /// @p database gives the open register (nullptr when none); @p registerPath is the path of
    /// the register the imports went into: undo/redo refuse to act on another one.
    LedgerImportCommand(std::function<core::Database *()> database, const QString &registerPath,
                        QList<Item> items, std::function<void()> changed,
                        std::function<void(const QString &)> error);

    void undo() override;
    void redo() override;

    const QList<Item> &items() const { return m_items; }

private:
    core::Database *checkedDatabase();

    std::function<core::Database *()> m_database;
    QString m_registerPath;
    QList<Item> m_items;
    std::function<void()> m_changed;
    std::function<void(const QString &)> m_error;
    bool m_applied = true;
};

} // namespace rectrack::ui
