#pragma once

#include "storage/ledgerquery.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QGridLayout;
class QLabel;
class QLineEdit;
class QTimer;

namespace rectrack::ui {

/**
 * The filter bar above the ledgers: a search field (Ctrl+F; FTS5 search, short terms by
 * substring) and choices of round, unit, responsible office, lead leader, source level,
 * category, state, traffic light and deadline range. Emits filterChanged() when the user
 * changes anything (search after a short pause while typing).
 */
class FilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit FilterBar(QWidget *parent = nullptr);

    /// Fills the choices from @p db (nullptr clears them) and resets the filter.
    void setDatabase(core::Database *db);
    /// The filter the widgets show.
    core::LedgerFilter filter() const;
    /// Shows @p filter (members the bar has no widget for are ignored); does not emit.
    void setFilter(const core::LedgerFilter &filter);
    /// Shows a dashboard click-through's description (@p title) in the bar, or hides it when
    /// empty. 清除 (Clear) emits filterChanged(), which ends the click-through.
    void setDrillDown(const QString &title);
    /// The click-through description shown, empty when none.
    QString drillDown() const;
    /// Focuses and selects the search field.
    void focusSearch();
    /// The search field (tests type into it).
    QLineEdit *searchField() const { return m_search; }

Q_SIGNALS:
    void filterChanged();
    void saveViewRequested();

private:
    void emitChanged();
    QComboBox *addCombo(const QString &label, QGridLayout *grid, int row, int column);

    QLineEdit *m_search;
    QTimer *m_searchTimer;
    QComboBox *m_round;
    QComboBox *m_unit;
    QComboBox *m_office;
    QComboBox *m_leader;
    QComboBox *m_source;
    QComboBox *m_category;
    QComboBox *m_state;
    QComboBox *m_light;
    QCheckBox *m_useDeadline;
    QLabel *m_drill;
    QDateEdit *m_from;
    QDateEdit *m_to;
    bool m_quiet = false;
};

} // namespace rectrack::ui
