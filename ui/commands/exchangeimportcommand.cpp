#include "exchangeimportcommand.h"

namespace rectrack::ui {

ExchangeImportCommand::ExchangeImportCommand(std::function<core::Database *()> database,
                                             const QString &registerPath, const QString &packagePath,
                                             bool trust, const core::exchange::ImportResult &result,
                                             core::exchange::ImportUndo undo, std::function<void()> changed,
                                             std::function<void(const QString &)> error)
    : ImportCommand(std::move(database), registerPath, std::move(changed), std::move(error)),
      m_packagePath(packagePath), m_trust(trust), m_undo(std::move(undo))
{
    setText(tr("Import of exchange package %1 from %2").arg(result.seq).arg(result.sender));
}

QString ExchangeImportCommand::closedMessage() const
{
    return tr("The register the package was imported into is no longer open.");
}

core::Status ExchangeImportCommand::takeBack(core::Database &db)
{
    return core::exchange::Exchange::undoImport(db, m_undo);
}

core::Status ExchangeImportCommand::applyAgain(core::Database &db)
{
    core::exchange::ImportUndo again;
    auto r = core::exchange::Exchange::importPackage(db, m_packagePath, false, m_trust, &again);
    if (!r)
        return r.error();
    if (r->outcome != core::exchange::ImportResult::Outcome::Applied || again.empty())
        return core::Error{core::ErrorCode::InputRefused,
                           tr("The package %1 is already covered: it was not imported again.").arg(r->seq)};
    m_undo = std::move(again);
    return core::okStatus();
}

} // namespace rectrack::ui
