#include "ledgerview.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMimeData>
#include <QPainter>
#include <QRegularExpression>

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
    const int rows = std::min(model()->rowCount(), maxRows);
    // Columns sized by content: each gets a share of the width by the mean length of its text
    // (the header and up to 200 rows), between 4 and 40 characters, so that 问题描述 and
    // 整改措施 get the room and dates stay on one line.
    QList<double> weight;
    double total = 0;
    for (int c : cols) {
        const QString header = model()->headerData(c, Qt::Horizontal).toString();
        qsizetype length = header.size();
        const int sample = std::min(rows, 200);
        for (int r = 0; r < sample; ++r)
            length += cellText(model(), r, c).size();
        const double w = std::clamp(double(length) / double(sample + 1), 4.0, 40.0);
        weight << w;
        total += w;
    }
    // <thead>: QTextDocument repeats the header row at the top of every printed page.
    QString html =
        QStringLiteral("<html><head><meta charset=\"utf-8\"></head><body><h3>%1</h3>"
                       "<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\"><thead><tr>")
            .arg(title.toHtmlEscaped());
    for (int i = 0; i < cols.size(); ++i)
        html += QStringLiteral("<th width=\"%1%\">%2</th>")
                    .arg(qRound(100.0 * weight[i] / total))
                    .arg(model()->headerData(cols[i], Qt::Horizontal).toString().toHtmlEscaped());
    html += QStringLiteral("</tr></thead>");
    for (int r = 0; r < rows; ++r) {
        html += QStringLiteral("<tr>");
        for (int c : cols) {
            // Dates, numbers and registration numbers never break inside (other text wraps, so that
            // the table keeps to the page's width).
            const QString text = cellText(model(), r, c);
            static const QRegularExpression kUnbreakable(QStringLiteral("^[0-9A-Za-z.%:/-]{1,16}$"));
            const QString cell = kUnbreakable.match(text).hasMatch()
                                     ? QStringLiteral("<td style=\"white-space:nowrap\">%1</td>")
                                     : QStringLiteral("<td>%1</td>");
            html += cell.arg(text.toHtmlEscaped());
        }
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

void LedgerView::setEmptyText(const QString &text)
{
    if (text == m_emptyText)
        return;
    m_emptyText = text;
    viewport()->update();
}

void LedgerView::paintEvent(QPaintEvent *event)
{
    QTableView::paintEvent(event);
    if (m_emptyText.isEmpty() || (model() && model()->rowCount() > 0))
        return;
    QPainter p(viewport());
    p.setPen(palette().color(QPalette::PlaceholderText));
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 1.2);
    p.setFont(f);
    p.drawText(viewport()->rect().adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap,
               m_emptyText);
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
