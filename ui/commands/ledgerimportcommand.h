#pragma once

#include "importcommand.h"

#include "io/ledgerimporter.h"
#include "io/ledgerupdateplan.h"

#include <QCoreApplication>

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
class LedgerImportCommand : public ImportCommand
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

    const QList<Item> &items() const { return m_items; }

protected:
    core::Status takeBack(core::Database &db) override;
    core::Status applyAgain(core::Database &db) override;
    QString closedMessage() const override;

private:
    QList<Item> m_items;
};

} // namespace rectrack::ui
