#include "ledgerview.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMimeData>

#include <algorithm>

namespace rectrack::ui {

namespace {
QString cellText(const QAbstractItemModel *model, int row, int column)
{
    QString s = model->index(row, column).data(Qt::DisplayRole).toString();
    s.replace(QLatin1Char('\t'), QLatin1Char(' '));
    s.replace(QLatin1Char('\r'), QLatin1Char(' '));
    s.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return s;
}
} // namespace

LedgerView::LedgerView(QWidget *parent) : QTableView(parent)
{
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSortingEnabled(true);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    horizontalHeader()->setSectionsMovable(true);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    setContextMenuPolicy(Qt::ActionsContextMenu);
}

QList<int> LedgerView::visibleColumns() const
{
    QList<int> cols;
    if (!model())
        return cols;
    const QHeaderView *h = horizontalHeader();
    for (int visual = 0; visual < h->count(); ++visual) {
        const int logical = h->logicalIndex(visual);
        if (!h->isSectionHidden(logical))
            cols << logical;
    }
    return cols;
}

QString LedgerView::selectedRowsAsTsv() const
{
    if (!model() || !selectionModel())
        return {};
    QList<int> rows;
    for (const QModelIndex &i : selectionModel()->selectedRows())
        rows << i.row();
    std::sort(rows.begin(), rows.end());
    if (rows.isEmpty())
        return {};
    const QList<int> cols = visibleColumns();
    QStringList lines;
    QStringList header;
    for (int c : cols)
        header << model()->headerData(c, Qt::Horizontal).toString();
    lines << header.join(QLatin1Char('\t'));
    for (int r : rows) {
        QStringList cells;
        for (int c : cols)
            cells << cellText(model(), r, c);
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

int LedgerView::copySelection()
{
    const QString tsv = selectedRowsAsTsv();
    if (tsv.isEmpty())
        return 0;
    QApplication::clipboard()->setText(tsv);
    return int(tsv.count(QLatin1Char('\n'))) - 1;
}

QString LedgerView::toHtml(const QString &title, int maxRows) const
{
    if (!model())
        return {};
    const QList<int> cols = visibleColumns();
    QString html =
        QStringLiteral("<html><head><meta charset=\"utf-8\"></head><body><h3>%1</h3>"
                       "<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\"><tr>")
            .arg(title.toHtmlEscaped());
    for (int c : cols)
        html += QStringLiteral("<th>%1</th>")
                    .arg(model()->headerData(c, Qt::Horizontal).toString().toHtmlEscaped());
    html += QStringLiteral("</tr>");
    const int rows = std::min(model()->rowCount(), maxRows);
    for (int r = 0; r < rows; ++r) {
        html += QStringLiteral("<tr>");
        for (int c : cols)
            html += QStringLiteral("<td>%1</td>").arg(cellText(model(), r, c).toHtmlEscaped());
        html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table>");
    if (model()->rowCount() > rows)
        html += QStringLiteral("<p>%1</p>")
                    .arg(tr("First %1 of %2 rows; narrow the filter to print the rest.")
                             .arg(rows)
                             .arg(model()->rowCount()));
    return html + QStringLiteral("</body></html>");
}

void LedgerView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy)) {
        copySelection();
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

} // namespace rectrack::ui
