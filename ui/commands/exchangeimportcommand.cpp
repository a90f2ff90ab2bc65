#include "exchangeimportcommand.h"

namespace rectrack::ui {

ExchangeImportCommand::ExchangeImportCommand(std::function<core::Database *()> database,
                                             const QString &registerPath, const QString &packagePath,
                                             bool trust, const core::exchange::ImportResult &result,
                                             core::exchange::ImportUndo undo, std::function<void()> changed,
                                             std::function<void(const QString &)> error)
    : m_database(std::move(database)), m_registerPath(registerPath), m_packagePath(packagePath),
      m_trust(trust), m_undo(std::move(undo)), m_changed(std::move(changed)), m_error(std::move(error))
{
    setText(tr("Import of exchange package %1 from %2").arg(result.seq).arg(result.sender));
}

core::Database *ExchangeImportCommand::checkedDatabase()
{
    core::Database *db = m_database ? m_database() : nullptr;
    if (!db || db->path() != m_registerPath) {
        if (m_error)
            m_error(tr("The register the package was imported into is no longer open."));
        return nullptr;
    }
    return db;
}

void ExchangeImportCommand::undo()
{
    if (!m_applied)
        return;
    core::Database *db = checkedDatabase();
    if (!db)
        return;
    if (const core::Status s = core::exchange::Exchange::undoImport(*db, m_undo); !s) {
        if (m_error)
            m_error(s.error().message);
    } else {
        m_applied = false;
    }
    if (m_changed)
        m_changed();
}

void ExchangeImportCommand::redo()
{
    if (m_applied)
        return; // the first redo: the dialog has imported already
    core::Database *db = checkedDatabase();
    if (!db)
        return;
    core::exchange::ImportUndo again;
    auto r = core::exchange::Exchange::importPackage(*db, m_packagePath, false, m_trust, &again);
    if (!r) {
        if (m_error)
            m_error(r.error().message);
    } else if (r->outcome != core::exchange::ImportResult::Outcome::Applied || again.empty()) {
        if (m_error)
            m_error(tr("The package %1 is already covered: it was not imported again.").arg(r->seq));
    } else {
        m_undo = std::move(again);
        m_applied = true;
    }
    if (m_changed)
        m_changed();
}

} // namespace rectrack::ui
