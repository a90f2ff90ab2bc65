#pragma once

#include <QTableView>

namespace rectrack::ui {

/**
 * A table view of one ledger: whole-row selection, sorting by any column (the model sorts in
 * core), fixed row height so that 100,000 rows scroll without measuring, copy of the selected
 * rows as tab-separated text (Ctrl+C; pastes into Excel/WPS as rows and columns). Printing
 * (Ctrl+P) paints the visible columns through LedgerPrint.
 */
class LedgerView : public QTableView
{
    Q_OBJECT
public:
    explicit LedgerView(QWidget *parent = nullptr);

    /// The selected rows as TSV: a header line, then one line per row in row order, the visible
    /// columns in their visual order. Tabs and line breaks inside cells become spaces.
    QString selectedRowsAsTsv() const;
    /// Puts selectedRowsAsTsv() on the clipboard; returns the number of rows copied.
    int copySelection();

    /// Text drawn in the middle of the view while it has no rows (how to begin, or that the
    /// filter matches nothing); empty draws nothing.
    void setEmptyText(const QString &text);
    QString emptyText() const { return m_emptyText; }

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    QList<int> visibleColumns() const;
    QString m_emptyText;
};

} // namespace rectrack::ui
