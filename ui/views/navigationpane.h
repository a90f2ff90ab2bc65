#pragma once

#include "storage/ledgerquery.h"

#include <QTreeWidget>

namespace rectrack::ui {

/**
 * The navigation tree: smart lists (all problems, overdue, awaiting close-out, long-term), the
 * register by term → round/batch → inspection (the inspected unit), and the saved views. A register
 * that holds other exchange sites' rows (a city's) shows one branch per site, its own first, each
 * with that site's terms, rounds and inspections (issue #26). Picking
 * an item emits scopeSelected() with the filter it stands for.
 */
class NavigationPane : public QTreeWidget
{
    Q_OBJECT
public:
    /// What an item stands for.
    enum class Kind
    {
        SmartList,
        Term,
        Round,
        Inspection,
        SavedView,
        Group,
        Register ///< a supervision register (RegisterModel::Register in the id)
    };
    /// Smart lists, in display order.
    enum class SmartList
    {
        All,
        Overdue,
        AwaitingCloseOut,
        LongTerm
    };

    explicit NavigationPane(QWidget *parent = nullptr);

    /// Rebuilds the tree from @p db (nullptr empties it) and selects "all problems".
    void setDatabase(core::Database *db);
    /// Rebuilds the tree from the same register after a change (a new inspection, problem counts),
    /// keeping the current item, the expanded branches and the scroll position; emits nothing.
    void refresh();
    /// Rebuilds the saved-views branch only.
    void reloadSavedViews();
    /// Selects a smart list (emits scopeSelected).
    void selectSmartList(SmartList list);

    /// Selects the supervision register @p reg (a RegisterModel::Register; emits registerSelected).
    void selectRegister(int reg);

    /// The filter a smart list stands for.
    static core::LedgerFilter smartListFilter(SmartList list);

Q_SIGNALS:
    /// The user picked an item: @p scope is its filter, @p title its name; @p savedView is true
    /// for a saved view (whose filter replaces the filter bar's).
    void scopeSelected(const core::LedgerFilter &scope, const QString &title, bool savedView);
    /// The user picked a supervision register (a RegisterModel::Register).
    void registerSelected(int reg);
    /// The user asked to delete a saved view.
    void removeViewRequested(qint64 id, const QString &name);

private:
    QTreeWidgetItem *addItem(QTreeWidgetItem *parent, const QString &text, Kind kind,
                             const core::LedgerFilter &f, qint64 id = 0);
    void onCurrentChanged(QTreeWidgetItem *item);

    core::Database *m_db = nullptr;
    QTreeWidgetItem *m_views = nullptr;
    QList<QTreeWidgetItem *> m_smart;
    QList<QTreeWidgetItem *> m_registers;
};

} // namespace rectrack::ui
