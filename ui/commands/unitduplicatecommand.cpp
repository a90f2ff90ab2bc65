#include "unitduplicatecommand.h"

namespace rectrack::ui {

UnitDuplicateCommand::UnitDuplicateCommand(std::function<core::Database *()> database,
                                           const QString &registerPath, qint64 id,
                                           core::exchange::UnitDuplicates::Decision decision,
                                           std::function<void()> changed,
                                           std::function<void(const QString &)> error)
    : ImportCommand(std::move(database), registerPath, std::move(changed), std::move(error)), m_id(id),
      m_decision(decision)
{
    setText(decision == core::exchange::UnitDuplicates::Decision::Merge
                ? tr("Merge possible duplicate unit %1").arg(id)
                : tr("Keep possible duplicate unit %1 apart").arg(id));
}

core::Status UnitDuplicateCommand::takeBack(core::Database &db)
{
    return core::exchange::UnitDuplicates::reopen(db, m_id);
}

core::Status UnitDuplicateCommand::applyAgain(core::Database &db)
{
    return core::exchange::UnitDuplicates::decide(db, m_id, m_decision);
}

QString UnitDuplicateCommand::closedMessage() const
{
    return tr("The register in which the possible duplicate unit was decided is no longer open.");
}

} // namespace rectrack::ui
