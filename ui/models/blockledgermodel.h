#pragma once

#include "ledgermodel.h"

#include "storage/ledgerquery.h"

#include <QHash>
#include <QList>

namespace rectrack::ui {

/**
 * The block cache shared by the ledger models: rows of type @p Row (core::ProblemRow,
 * core::MeasureRow) loaded one window of LedgerModel::kBlockSize ids at a time through
 * fetchRows(). Subclasses add the columns and the data() of their ledger.
 */
template <typename Row> class BlockLedgerModel : public LedgerModel
{
public:
    using LedgerModel::LedgerModel;

    /// The row @p row (loading its window), or nullptr when out of range.
    const Row *rowAt(int row) const
    {
        if (row < 0 || row >= rowCount())
            return nullptr;
        const auto [block, offset] = ensureLoaded(row);
        const QList<Row> &rows = m_blocks[block];
        return offset < rows.size() ? &rows[offset] : nullptr;
    }

protected:
    /// Reads the rows with @p ids (in that order) for one window.
    virtual core::Result<QList<Row>> fetchRows(core::LedgerQuery &query, const QList<qint64> &ids) const = 0;

    void loadBlock(int block, const QList<qint64> &ids) const override
    {
        if (!database())
            return;
        core::LedgerQuery query(*database());
        auto rows = fetchRows(query, ids);
        if (!rows) {
            m_error = rows.error().message;
            m_blocks.insert(block, {});
            return;
        }
        m_blocks.insert(block, std::move(rows).value());
    }
    void clearCache() const override { m_blocks.clear(); }
    bool hasBlock(int block) const override { return m_blocks.contains(block); }
    int blockCount() const override { return int(m_blocks.size()); }

private:
    mutable QHash<int, QList<Row>> m_blocks;
};

} // namespace rectrack::ui
