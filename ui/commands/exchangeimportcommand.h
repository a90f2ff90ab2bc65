#pragma once

#include "importcommand.h"

#include "exchange/exchange.h"

#include <QCoreApplication>

namespace rectrack::ui {

/**
 * 导入交换包… as one undoable step (issue #26): the whole package. The import has happened when the
 * command is pushed, so the first redo() does nothing. undo() takes the package back
 * (core::exchange::Exchange::undoImport: one transaction through the audit log, the package counts
 * as not received again); redo() imports the same file again (trusting the sender as the first
 * import did). A failure (the register was closed, a row the import wrote was changed since, the
 * file is gone) leaves the register unchanged and is reported through the error callback.
 */
class ExchangeImportCommand : public ImportCommand
{
    Q_DECLARE_TR_FUNCTIONS(rectrack::ui::ExchangeImportCommand)
public:
    /// @p database gives the open register (nullptr when none); @p registerPath is the register
    /// the package went into: undo/redo refuse to act on another one. @p packagePath, @p trust,
    /// @p result and @p undo are those of the import that was just applied.
    ExchangeImportCommand(std::function<core::Database *()> database, const QString &registerPath,
                          const QString &packagePath, bool trust, const core::exchange::ImportResult &result,
                          core::exchange::ImportUndo undo, std::function<void()> changed,
                          std::function<void(const QString &)> error);

protected:
    core::Status takeBack(core::Database &db) override;
    core::Status applyAgain(core::Database &db) override;
    QString closedMessage() const override;

private:
    QString m_packagePath;
    bool m_trust = false;
    core::exchange::ImportUndo m_undo;
};

} // namespace rectrack::ui
