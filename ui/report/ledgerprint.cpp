#include "ledgerprint.h"

#include "charts/reportcharts.h"

#include <QAbstractItemModel>
#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPainter>

#include <algorithm>

namespace rectrack::ui::LedgerPrint {

namespace {

QString cellText(const QAbstractItemModel *model, int row, int column)
{
    QString s = model->index(row, column).data(Qt::DisplayRole).toString();
    s.replace(u'\t', u' ');
    s.replace(u'\r', u' ');
    s.replace(u'\n', u' ');
    return s;
}

} // namespace

ReportTable table(const QAbstractItemModel *model, const QList<int> &columns, int maxRows)
{
    ReportTable t;
    t.small = true;
    if (!model)
        return t;
    const int rows = std::min(model->rowCount(), maxRows);
    const int sample = std::min(rows, 200);
    // Text length in ems: a Chinese character is one, a Latin letter or digit about half.
    const auto ems = [](const QString &text) {
        double n = 0;
        for (const QChar ch : text)
            n += ch.unicode() >= 0x2E80 ? 1.0 : 0.55;
        return n;
    };
    for (const int c : columns) {
        const QString header = model->headerData(c, Qt::Horizontal).toString();
        double length = ems(header);
        for (int r = 0; r < sample; ++r)
            length += ems(cellText(model, r, c));
        const double mean = length / double(sample + 1);
        // Long texts (问题描述, 整改措施, 最新进展) get half as much again, the short ones keep at
        // least three characters; the painter widens a column to its numbers and dates.
        const double weight = mean > 12 ? std::min(mean * 1.5, 60.0) : std::max(mean, 3.0);
        t.headers << header;
        t.widths << qRound(10 * weight); // tenths: the painter takes the widths as shares
    }
    t.rows.reserve(rows);
    for (int r = 0; r < rows; ++r) {
        QList<ReportTable::Cell> cells;
        cells.reserve(columns.size());
        for (const int c : columns)
            cells << ReportTable::Cell{cellText(model, r, c)};
        t.rows << std::move(cells);
    }
    return t;
}

int paint(QPainter &painter, QPaintDevice *device, const QRectF &paper, const std::function<void()> &newPage,
          const QString &title, const ReportTable &table, const QString &note)
{
    const QString family = reportFontFamily();
    const double dotsPerMm = device->logicalDpiY() / 25.4;
    // A band above the table for the title (first page) or the running header, one below for the
    // page number.
    const qreal top = 9 * dotsPerMm, bottom = 7 * dotsPerMm;
    const QRectF body(paper.left(), paper.top() + top, paper.width(), paper.height() - top - bottom);
    ReportPageFlow flow(body, [&](int page) {
        if (page > 1)
            newPage();
        painter.setPen(Qt::black);
        if (page == 1) {
            painter.setFont(reportpage::pointFont(family, 12, true));
            painter.drawText(QRectF(paper.left(), paper.top(), paper.width(), top - 2 * dotsPerMm),
                             Qt::AlignLeft | Qt::AlignVCenter, title);
        } else {
            painter.setPen(QColor(0x40, 0x40, 0x40));
            painter.setFont(reportpage::pointFont(family, 8));
            painter.drawText(QRectF(paper.left(), paper.top(), paper.width(), top - 2 * dotsPerMm),
                             Qt::AlignLeft | Qt::AlignBottom, title);
        }
        painter.setPen(Qt::black);
        painter.setFont(reportpage::pointFont(family, 9));
        painter.drawText(
            QRectF(paper.left(), body.bottom() + 2 * dotsPerMm, paper.width(), bottom - 2 * dotsPerMm),
            Qt::AlignHCenter | Qt::AlignVCenter, QStringLiteral("— %1 —").arg(page));
    });
    ReportTablePainter tables(painter, device, family);
    tables.paint(table, flow);
    if (!note.isEmpty()) {
        const QFont font = reportpage::pointFont(family, 9);
        const qreal line = QFontMetricsF(font, device).height();
        if (flow.remaining() < line)
            flow.newPage();
        painter.setFont(font);
        painter.setPen(Qt::black);
        painter.drawText(QRectF(body.left(), body.top() + flow.y(), body.width(), line),
                         Qt::AlignLeft | Qt::AlignVCenter, note);
    }
    return flow.pages();
}

} // namespace rectrack::ui::LedgerPrint
