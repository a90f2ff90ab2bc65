#pragma once

#include "domain/result.h"

#include <QString>
#include <QUndoCommand>

#include <functional>

namespace rectrack::core {
class Database;
}

namespace rectrack::ui {

/**
 * An import that has already been applied when it is pushed, as one undoable step: the import
 * wizard's ledgers (LedgerImportCommand) and an exchange package (ExchangeImportCommand). The
 * first redo() does nothing; undo() calls takeBack() and redo() applyAgain() on the register the
 * import went into, and on no other: when that register is no longer open, nothing is done and
 * closedMessage() goes to the error callback. A failure of either leaves the step where it was
 * (applied or taken back) and its message goes to the error callback; @p changed is called after
 * every undo or redo that acted.
 */
class ImportCommand : public QUndoCommand
{
public:
    /// @p database gives the open register (nullptr when none); @p registerPath is the register
    /// the import went into.
    ImportCommand(std::function<core::Database *()> database, const QString &registerPath,
                  std::function<void()> changed, std::function<void(const QString &)> error);

    void undo() override;
    void redo() override;

    /// Whether the import is applied (after redo) or taken back (after undo).
    bool applied() const { return m_applied; }

protected:
    /// Takes the import back, in one transaction; an error changes nothing.
    virtual core::Status takeBack(core::Database &db) = 0;
    /// Imports the same again; an error changes nothing.
    virtual core::Status applyAgain(core::Database &db) = 0;
    /// What to say when the register the import went into is no longer open.
    virtual QString closedMessage() const = 0;

private:
    core::Database *checkedDatabase();
    void finish(const core::Status &s, bool appliedOnSuccess);

    std::function<core::Database *()> m_database;
    QString m_registerPath;
    std::function<void()> m_changed;
    std::function<void(const QString &)> m_error;
    bool m_applied = true;
};

} // namespace rectrack::ui
