#pragma once

#include "importcommand.h"

#include "exchange/unitduplicates.h"

#include <QCoreApplication>

namespace rectrack::ui {

/**
 * A decision on a possible duplicate unit (合并 / 保持独立 on the 交换 page, issue #26) as one
 * undoable step. The decision has been made when the command is pushed, so the first redo() does
 * nothing; undo() reopens the record (core::exchange::UnitDuplicates::reopen) and redo() decides it
 * the same way again, each an audited change. Acts on the register the decision was made in only
 * (ImportCommand's check); a failure changes nothing and goes to the error callback.
 */
class UnitDuplicateCommand : public ImportCommand
{
    Q_DECLARE_TR_FUNCTIONS(rectrack::ui::UnitDuplicateCommand)
public:
    UnitDuplicateCommand(std::function<core::Database *()> database, const QString &registerPath, qint64 id,
                         core::exchange::UnitDuplicates::Decision decision, std::function<void()> changed,
                         std::function<void(const QString &)> error);

protected:
    core::Status takeBack(core::Database &db) override;
    core::Status applyAgain(core::Database &db) override;
    QString closedMessage() const override;

private:
    qint64 m_id = 0;
    core::exchange::UnitDuplicates::Decision m_decision;
};

} // namespace rectrack::ui
