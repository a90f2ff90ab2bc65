#include "ledgermodel.h"

namespace rectrack::ui {

namespace {
constexpr int kMaxBlocks = 64;

QColor blend(const QColor &c, double amount)
{
    return QColor::fromRgbF(float(1.0 - amount + c.redF() * amount),
                            float(1.0 - amount + c.greenF() * amount),
                            float(1.0 - amount + c.blueF() * amount));
}
} // namespace

QColor LightPalette::color(core::WarningLight light) const
{
    switch (light) {
    case core::WarningLight::Red:
        return red;
    case core::WarningLight::Yellow:
        return yellow;
    case core::WarningLight::Green:
        return green;
    case core::WarningLight::None:
    case core::WarningLight::Normal:
        break;
    }
    return {};
}

QColor LightPalette::tint(core::WarningLight light) const
{
    const QColor c = color(light);
    if (!c.isValid() || light == core::WarningLight::Green)
        return {};
    return blend(c, light == core::WarningLight::Red ? 0.16 : 0.14);
}

LedgerModel::LedgerModel(core::Ledger ledger, QObject *parent) : QAbstractTableModel(parent), m_ledger(ledger)
{
    m_context.asOf = QDate::currentDate();
}

void LedgerModel::setDatabase(core::Database *db)
{
    m_db = db;
    refresh();
}

void LedgerModel::setFilter(const core::LedgerFilter &filter)
{
    m_filter = filter;
    refresh();
}

void LedgerModel::setContext(const core::LedgerContext &context)
{
    m_context = context;
    refresh();
}

void LedgerModel::setQuery(core::Database *db, const core::LedgerFilter &filter,
                           const core::LedgerContext &context)
{
    m_db = db;
    m_filter = filter;
    m_context = context;
    refresh();
}

void LedgerModel::setPalette(const LightPalette &palette)
{
    m_palette = palette;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1),
                           {Qt::BackgroundRole, Qt::DecorationRole, Qt::ForegroundRole});
}

void LedgerModel::refresh()
{
    beginResetModel();
    clearCache();
    m_ids.clear();
    m_error.clear();
    if (m_db) {
        core::LedgerQuery query(*m_db);
        const core::LedgerSort key = m_sortColumn >= 0 ? sortKey(m_sortColumn) : core::LedgerSort::Id;
        auto ids = query.ids(m_ledger, m_filter, m_context, key,
                             m_sortColumn >= 0 ? m_sortOrder : Qt::AscendingOrder);
        if (ids)
            m_ids = std::move(ids).value();
        else
            m_error = ids.error().message;
    }
    endResetModel();
}

qint64 LedgerModel::idAt(int row) const
{
    return row >= 0 && row < m_ids.size() ? m_ids.at(row) : 0;
}

int LedgerModel::rowOf(qint64 id) const
{
    return int(m_ids.indexOf(id));
}

int LedgerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

void LedgerModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= columnCount())
        return;
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    refresh();
}

std::pair<int, int> LedgerModel::ensureLoaded(int row) const
{
    const int block = row / kBlockSize;
    if (!hasBlock(block)) {
        if (blockCount() >= kMaxBlocks)
            clearCache();
        const int first = block * kBlockSize;
        loadBlock(block, m_ids.mid(first, kBlockSize));
    }
    return {block, row % kBlockSize};
}

} // namespace rectrack::ui
