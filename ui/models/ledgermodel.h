#pragma once

/**
 * Table models of the two ledgers (问题台账, 整改台账).
 *
 * Both are windowed: refresh() asks core::LedgerQuery for the ordered ids of every row that
 * passes the filter (one query), rowCount() is their number, and data() loads the rows of a
 * window of kBlockSize ids the first time one of them is shown, keeping a bounded cache of
 * windows. A register of 100,000 problems therefore opens with one id query and one window.
 * Sorting (any column, Chinese in pinyin order) and filtering run in core and reset the model.
 */

#include "storage/ledgerquery.h"

#include <QAbstractTableModel>
#include <QColor>

namespace rectrack::ui {

/// Colours of the traffic lights, from the register's settings.
struct LightPalette
{
    QColor red{0xd9, 0x3a, 0x3a};
    QColor yellow{0xe0, 0xa4, 0x00};
    QColor green{0x2f, 0x9e, 0x44};

    /// The colour of @p light; invalid for None and Normal.
    QColor color(core::WarningLight light) const;
    /// A pale row tint of @p light (the colour blended into white); invalid when untinted.
    QColor tint(core::WarningLight light) const;
};

/// Shared mechanics of the ledger models: ids, filter, context, sort and the window cache.
class LedgerModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    /// Custom roles of both ledgers.
    enum Role
    {
        IdRole = Qt::UserRole + 1, ///< the row's id (problem id or measure id), qint64
        ProblemIdRole,             ///< the row's problem id, qint64
        LightRole,                 ///< the row's core::WarningLight as int
        StateRole,                 ///< the row's state key (e.g. in_progress)
        SortKeyRole,               ///< raw value of the cell (dates as QDate, counts as int)
    };
    Q_ENUM(Role)

    /// Rows loaded per window.
    static constexpr int kBlockSize = 200;

    explicit LedgerModel(core::Ledger ledger, QObject *parent = nullptr);

    /// Reads from @p db (not owned; nullptr empties the model). Resets the model.
    void setDatabase(core::Database *db);
    core::Database *database() const { return m_db; }

    /// Restricts the rows; resets the model.
    void setFilter(const core::LedgerFilter &filter);
    const core::LedgerFilter &filter() const { return m_filter; }

    /// As-of date and thresholds of the traffic lights; resets the model.
    void setContext(const core::LedgerContext &context);
    const core::LedgerContext &context() const { return m_context; }

    /// Sets database, filter and context at once and queries once (what a window does on open
    /// and on every filter change).
    void setQuery(core::Database *db, const core::LedgerFilter &filter, const core::LedgerContext &context);

    /// Light colours; repaints.
    void setPalette(const LightPalette &palette);
    const LightPalette &palette() const { return m_palette; }

    /// Queries the ids again (after a change of the register).
    void refresh();

    /// The id of the row @p row, 0 when out of range.
    qint64 idAt(int row) const;
    /// The row showing @p id, -1 when not shown.
    int rowOf(qint64 id) const;
    /// Message of the last failed query, empty when it succeeded.
    QString lastError() const { return m_error; }

    int rowCount(const QModelIndex &parent = {}) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

protected:
    /// The core sort key of column @p column.
    virtual core::LedgerSort sortKey(int column) const = 0;
    /// Loads the window @p block (rows block*kBlockSize …) into the subclass's cache.
    virtual void loadBlock(int block, const QList<qint64> &ids) const = 0;
    /// Drops every cached window.
    virtual void clearCache() const = 0;
    /// Ensures the window of @p row is loaded; returns its block index and offset.
    std::pair<int, int> ensureLoaded(int row) const;
    /// Whether the subclass holds @p block.
    virtual bool hasBlock(int block) const = 0;
    /// Number of windows held; the cache is cleared when it grows beyond a bound.
    virtual int blockCount() const = 0;

    mutable QString m_error;

private:
    core::Ledger m_ledger;
    core::Database *m_db = nullptr;
    core::LedgerFilter m_filter;
    core::LedgerContext m_context;
    LightPalette m_palette;
    QList<qint64> m_ids;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace rectrack::ui
