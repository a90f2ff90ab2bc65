#include "importcommand.h"

#include "storage/database.h"

namespace rectrack::ui {

ImportCommand::ImportCommand(std::function<core::Database *()> database, const QString &registerPath,
                             std::function<void()> changed, std::function<void(const QString &)> error)
    : m_database(std::move(database)), m_registerPath(registerPath), m_changed(std::move(changed)),
      m_error(std::move(error))
{
}

core::Database *ImportCommand::checkedDatabase()
{
    core::Database *db = m_database ? m_database() : nullptr;
    if (!db || db->path() != m_registerPath) {
        if (m_error)
            m_error(closedMessage());
        return nullptr;
    }
    return db;
}

void ImportCommand::finish(const core::Status &s, bool appliedOnSuccess)
{
    if (!s) {
        if (m_error)
            m_error(s.error().message);
    } else {
        m_applied = appliedOnSuccess;
    }
    if (m_changed)
        m_changed();
}

void ImportCommand::undo()
{
    if (!m_applied)
        return;
    if (core::Database *db = checkedDatabase())
        finish(takeBack(*db), false);
}

void ImportCommand::redo()
{
    if (m_applied)
        return; // the first redo: the import has happened already
    if (core::Database *db = checkedDatabase())
        finish(applyAgain(*db), true);
}

} // namespace rectrack::ui
