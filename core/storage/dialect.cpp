#include "dialect.h"

namespace rectrack::core {

namespace {

/// Batches a backend added at once (Dialect::sendBatches' default): wait() gives the outcome.
class AddedBatches final : public SentBatches
{
public:
    explicit AddedBatches(Status status) : m_status(std::move(status)) {}
    Status wait() override { return m_status; }

private:
    Status m_status;
};

} // namespace

std::unique_ptr<SentBatches> Dialect::sendBatches(Database &db, QList<RowBatch> batches) const
{
    Status status = okStatus();
    for (const RowBatch &batch : std::as_const(batches)) {
        status = insertBatch(db, batch.table, batch.columns, batch.values);
        if (!status)
            break;
    }
    return std::make_unique<AddedBatches>(std::move(status));
}

} // namespace rectrack::core
