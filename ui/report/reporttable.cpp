#include "reporttable.h"

#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPainter>
#include <QRegularExpression>
#include <QTextLayout>

#include <algorithm>
#include <vector>

namespace rectrack::ui {

namespace {

QString cellHtml(const ReportTable::Cell &cell)
{
    QString text = cell.text.toHtmlEscaped();
    text.replace(u'\n', QStringLiteral("<br>"));
    switch (cell.style) {
    case ReportTable::Style::Number:
        return QStringLiteral("<td class=\"n\">%1</td>").arg(text);
    case ReportTable::Style::Late:
        return QStringLiteral("<td class=\"late\">%1</td>").arg(text);
    case ReportTable::Style::NoWrap:
        return QStringLiteral("<td nowrap>%1</td>").arg(text);
    case ReportTable::Style::Text:
        break;
    }
    return QStringLiteral("<td>%1</td>").arg(text);
}

/// A cell text that must not break inside: a number, a date, a rate or a registration number
/// (14-1-02-04, 2021-03-31, 98.71%, 15:30).
bool isToken(const QString &text)
{
    static const QRegularExpression kToken(QStringLiteral("^[0-9A-Za-z.%:/()（）+-]{1,24}$"));
    return kToken.match(text).hasMatch();
}

bool isCjk(QChar c)
{
    return c.unicode() >= 0x2E80;
}

/// A short Chinese cell that must not break inside either (已销号, 第三轮, 市委巡察, 办公室).
bool isShortWord(const QString &text)
{
    return text.size() <= 4 && !text.contains(u' ');
}

/// A header word that must not break inside: a Latin word (Completion), or a short Chinese
/// heading of up to four characters (已完成, 已销号, 未完成, 问题来源).
bool isHeaderWord(const QString &word)
{
    return std::none_of(word.cbegin(), word.cend(), isCjk) || word.size() <= 4;
}

const QColor kGrid(0x8a, 0x8a, 0x8a);
const QColor kHeaderFill(0xe8, 0xed, 0xf3);
const QColor kLate(0xc0, 0x39, 0x2b);

} // namespace

QFont reportpage::pointFont(const QString &family, double pt, bool bold)
{
    QFont f(family);
    f.setPointSizeF(pt);
    f.setBold(bold);
    return f;
}

void reportpage::paintFurniture(QPainter &painter, const QString &family, const QRectF &body,
                                qreal pageHeight, const QString &left, const QString &right, int number)
{
    painter.setPen(QColor(0x40, 0x40, 0x40));
    painter.setFont(pointFont(family, 9));
    const QRectF header(body.left(), mm(kTopMm) - mm(12), body.width(), mm(8));
    painter.drawText(header, Qt::AlignLeft | Qt::AlignBottom, left);
    painter.drawText(header, Qt::AlignRight | Qt::AlignBottom, right);
    QPen thin(QColor(0x80, 0x80, 0x80));
    thin.setWidthF(mm(0.25));
    painter.setPen(thin);
    painter.drawLine(QPointF(body.left(), mm(kTopMm) - mm(3)), QPointF(body.right(), mm(kTopMm) - mm(3)));
    painter.setPen(Qt::black);
    painter.setFont(pointFont(family, 11));
    painter.drawText(QRectF(body.left(), pageHeight - mm(kBottomMm) + mm(8), body.width(), mm(8)),
                     Qt::AlignHCenter | Qt::AlignVCenter, QStringLiteral("— %1 —").arg(number));
}

QString ReportTable::toHtml(int chunkRows) const
{
    QString head = QStringLiteral("<table class=\"%1\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
                                  "width=\"100%\"><thead><tr>")
                       .arg(small ? QStringLiteral("small") : QStringLiteral("grid"));
    double total = 0;
    for (const int w : widths)
        total += w;
    for (int i = 0; i < headers.size(); ++i)
        head += i < widths.size() && total > 0
                    ? QStringLiteral("<th width=\"%1%\">%2</th>")
                          .arg(qRound(100.0 * widths[i] / total))
                          .arg(headers[i].toHtmlEscaped())
                    : QStringLiteral("<th>%1</th>").arg(headers[i].toHtmlEscaped());
    head += QStringLiteral("</tr></thead><tbody>");
    const QString end = QStringLiteral("</tbody></table>");
    QString h = head;
    int inChunk = 0;
    for (const QList<Cell> &row : rows) {
        if (chunkRows > 0 && inChunk == chunkRows) {
            h += end + head;
            inChunk = 0;
        }
        ++inChunk;
        h += QStringLiteral("<tr>");
        for (const Cell &c : row)
            h += cellHtml(c);
        h += QStringLiteral("</tr>");
    }
    return h + end;
}

ReportPageFlow::ReportPageFlow(const QRectF &body, std::function<void(int)> startPage)
    : m_body(body), m_startPage(std::move(startPage))
{
}

void ReportPageFlow::newPage()
{
    ++m_pages;
    m_y = 0;
    if (m_startPage)
        m_startPage(m_pages);
}

void ReportPageFlow::ensurePage()
{
    if (m_pages == 0)
        newPage();
}

struct ReportTablePainter::FontSlot
{
    QFont font;
    QFontMetricsF metrics;
    qreal ascent;
    qreal height;
    QHash<QString, qreal> widths;

    FontSlot(const QFont &f, QPaintDevice *device)
        : font(f), metrics(f, device), ascent(metrics.ascent()), height(metrics.ascent() + metrics.descent())
    {
    }
};

ReportTablePainter::ReportTablePainter(QPainter &painter, QPaintDevice *device, const QString &family)
    : m_painter(painter), m_device(device), m_family(family)
{
    auto font = [&](double pt, bool bold) {
        QFont f(family);
        f.setPointSizeF(pt);
        f.setBold(bold);
        return new FontSlot(f, device);
    };
    m_slots = {font(9, true), font(9, false), font(9, true), font(8, false), font(8, true)};
    const double dotsPerMm = device->logicalDpiX() / 25.4;
    m_padX = 1.0 * dotsPerMm;
    m_padY = 0.7 * dotsPerMm;
    m_gap = 1.5 * dotsPerMm;
    m_pen = 0.2 * dotsPerMm;
}

ReportTablePainter::~ReportTablePainter()
{
    qDeleteAll(m_slots);
}

ReportTablePainter::FontSlot &ReportTablePainter::slotFor(double pointSize, bool bold)
{
    for (FontSlot *slot : std::as_const(m_slots)) {
        if (qFuzzyCompare(slot->font.pointSizeF(), pointSize) && slot->font.bold() == bold)
            return *slot;
    }
    QFont f(m_family);
    f.setPointSizeF(pointSize);
    f.setBold(bold);
    m_slots << new FontSlot(f, m_device);
    return *m_slots.last();
}

qreal ReportTablePainter::advance(FontSlot &slot, const QString &text)
{
    const auto it = slot.widths.constFind(text);
    if (it != slot.widths.cend())
        return *it;
    const qreal w = slot.metrics.horizontalAdvance(text);
    slot.widths.insert(text, w);
    return w;
}

std::shared_ptr<QTextLayout> ReportTablePainter::layOut(FontSlot &slot, const QString &text, qreal width,
                                                        Qt::Alignment align, qreal *height)
{
    QString t = text;
    t.replace(u'\n', QChar::LineSeparator);
    auto layout = std::make_shared<QTextLayout>(t, slot.font, m_device);
    QTextOption option(align);
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout->setTextOption(option);
    layout->beginLayout();
    qreal h = 0;
    for (QTextLine line = layout->createLine(); line.isValid(); line = layout->createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, h));
        h += line.height();
    }
    layout->endLayout();
    *height = std::max(h, slot.height);
    return layout;
}

qreal ReportTablePainter::wrapped(FontSlot &slot, const QString &text, qreal width, Qt::Alignment align,
                                  bool paint, const QPointF &at, int *lines)
{
    qreal h = 0;
    const auto layout = layOut(slot, text, width, align, &h);
    if (lines)
        *lines = layout->lineCount();
    if (paint)
        layout->draw(&m_painter, at);
    return h;
}

void ReportTablePainter::paint(const ReportTable &table, ReportPageFlow &flow,
                               const std::function<void(int)> &rowDone)
{
    flow.ensurePage();
    const QRectF &body = flow.body();
    const int columns = int(table.headers.size());
    if (columns == 0)
        return;
    // Column edges from the percentages (scaled to the full text width).
    QList<qreal> edges{0};
    {
        double total = 0;
        for (int i = 0; i < columns; ++i)
            total += i < table.widths.size() ? table.widths[i] : 100.0 / columns;
        double at = 0;
        for (int i = 0; i < columns; ++i) {
            at += (i < table.widths.size() ? table.widths[i] : 100.0 / columns) / total;
            edges << at * body.width();
        }
        edges.last() = body.width();
    }
    auto inner = [&](int col) { return edges[col + 1] - edges[col] - 2 * m_padX; };

    FontSlot &headerFont = *m_slots[0];
    FontSlot &plain = *m_slots[table.small ? 3 : 1];
    FontSlot &bold = *m_slots[table.small ? 4 : 2];

    // What must not break inside gets its width: every column is widened to its widest token
    // (number, date, rate, registration number, short word such as 已销号), taking the room from
    // the columns that have more than they need, in proportion to what they can spare. A column
    // never claims more than 35% of the width this way.
    {
        QList<qreal> need(columns, 0);
        // A short Chinese heading (已完成, 问题来源, 逾期天数) is widened for; a Latin word that does
        // not fit (Completion) gets a smaller font instead, below.
        for (int i = 0; i < columns; ++i) {
            for (const QString &word : table.headers[i].split(u' ', Qt::SkipEmptyParts)) {
                if (isHeaderWord(word) && std::any_of(word.cbegin(), word.cend(), isCjk))
                    need[i] = std::max(need[i], advance(headerFont, word));
            }
        }
        for (const QList<ReportTable::Cell> &row : table.rows) {
            for (int i = 0; i < columns && i < row.size(); ++i) {
                const ReportTable::Cell &cell = row[i];
                if (cell.text.isEmpty() || cell.text.contains(u'\n'))
                    continue;
                if (cell.style != ReportTable::Style::Text || isToken(cell.text) || isShortWord(cell.text))
                    need[i] = std::max(
                        need[i], advance(cell.style == ReportTable::Style::Late ? bold : plain, cell.text));
            }
        }
        QList<qreal> width(columns);
        for (int i = 0; i < columns; ++i) {
            need[i] = std::min(need[i] + 2 * m_padX + 1, 0.35 * body.width());
            width[i] = edges[i + 1] - edges[i];
        }
        // Room is taken first from what columns have beyond five characters (so that a column of
        // names is not squeezed to two characters a line), then from whatever they can spare.
        const qreal comfort = 5 * advance(plain, QStringLiteral("中")) + 2 * m_padX;
        for (const qreal floor : {comfort, qreal(0)}) {
            qreal deficit = 0, surplus = 0;
            for (int i = 0; i < columns; ++i) {
                deficit += std::max<qreal>(0, need[i] - width[i]);
                surplus += std::max<qreal>(0, width[i] - std::max(need[i], std::min(floor, width[i])));
            }
            if (deficit <= 0 || surplus <= 0)
                continue;
            const qreal moved = std::min(deficit, surplus);
            for (int i = 0; i < columns; ++i) {
                const qreal keep = std::max(need[i], std::min(floor, width[i]));
                if (width[i] < need[i])
                    width[i] += (need[i] - width[i]) * moved / deficit;
                else if (width[i] > keep)
                    width[i] -= (width[i] - keep) * moved / surplus;
            }
        }
        for (int i = 0; i < columns; ++i)
            edges[i + 1] = edges[i] + width[i];
        edges.last() = body.width();
    }

    // Header cells: a word that does not fit its column (Completion, Problems, 问题来源) gets a smaller font
    // (down to 6.5 pt) rather than being cut; text over several lines is wrapped into lines of
    // even length (问题/总数, not 问题总/数).
    struct HeaderCell
    {
        FontSlot *slot;
        qreal width;
        qreal height;
    };
    QList<HeaderCell> headerCells;
    qreal headerHeight = headerFont.height;
    for (int i = 0; i < columns; ++i) {
        const QString &text = table.headers[i];
        FontSlot *slot = &headerFont;
        qreal widest = 0;
        for (const QString &word : text.split(u' ', Qt::SkipEmptyParts)) {
            if (isHeaderWord(word))
                widest = std::max(widest, advance(*slot, word));
        }
        if (widest > inner(i))
            slot = &slotFor(std::max(6.5, 9.0 * inner(i) / widest - 0.05), true);
        int lines = 1;
        qreal width = inner(i);
        qreal height = wrapped(*slot, text, width, Qt::AlignHCenter, false, {}, &lines);
        if (lines > 1) {
            int evenLines = 0;
            const qreal even =
                std::max(advance(*slot, text) / lines * 1.08, widest * slot->font.pointSizeF() / 9.0);
            const qreal evenHeight =
                wrapped(*slot, text, std::min(width, even), Qt::AlignHCenter, false, {}, &evenLines);
            if (evenLines == lines) {
                width = std::min(width, even);
                height = evenHeight;
            }
        }
        headerCells << HeaderCell{slot, width, height};
        headerHeight = std::max(headerHeight, height);
    }
    headerHeight += 2 * m_padY;

    QPen gridPen(kGrid);
    gridPen.setWidthF(m_pen);
    const FontSlot *current = nullptr;
    auto useFont = [&](const FontSlot &slot) {
        if (current != &slot)
            m_painter.setFont(slot.font);
        current = &slot;
    };
    auto hline = [&](qreal y) {
        m_painter.setPen(gridPen);
        m_painter.drawLine(QPointF(body.left(), body.top() + y), QPointF(body.right(), body.top() + y));
    };
    auto drawHeader = [&](qreal y) {
        const QRectF r(body.left(), body.top() + y, body.width(), headerHeight);
        m_painter.fillRect(r, kHeaderFill);
        hline(y);
        m_painter.setPen(Qt::black);
        for (int i = 0; i < columns; ++i) {
            const HeaderCell &cell = headerCells[i];
            const qreal left = body.left() + edges[i] + m_padX + (inner(i) - cell.width) / 2;
            wrapped(*cell.slot, table.headers[i], cell.width, Qt::AlignHCenter, true,
                    QPointF(left, r.top() + (headerHeight - cell.height) / 2));
        }
        current = nullptr;
        hline(y + headerHeight);
    };
    auto verticals = [&](qreal top, qreal bottom) {
        m_painter.setPen(gridPen);
        for (const qreal x : std::as_const(edges))
            m_painter.drawLine(QPointF(body.left() + x, body.top() + top),
                               QPointF(body.left() + x, body.top() + bottom));
    };

    // Per cell of a row: its font, whether it fits on one line, and that line's width; else the
    // lines it wraps into (laid out once, for measuring and painting).
    struct Measured
    {
        FontSlot *slot = nullptr;
        bool oneLine = true;
        qreal width = 0;
        std::shared_ptr<QTextLayout> layout;
    };
    QList<Measured> measured(columns);
    auto measure = [&](const QList<ReportTable::Cell> &row) {
        qreal h = plain.height;
        for (int i = 0; i < columns; ++i) {
            const ReportTable::Cell *cell = i < row.size() ? &row[i] : nullptr;
            Measured &m = measured[i];
            m.slot = cell && cell->style == ReportTable::Style::Late ? &bold : &plain;
            m.layout.reset();
            if (!cell || cell->text.isEmpty()) {
                m.oneLine = true;
                m.width = 0;
                continue;
            }
            const bool multiLine = cell->text.contains(u'\n');
            m.width = multiLine ? 0 : advance(*m.slot, cell->text);
            m.oneLine = !multiLine &&
                        (m.width <= inner(i) || cell->style == ReportTable::Style::NoWrap ||
                         ((isToken(cell->text) || isShortWord(cell->text)) && m.width <= inner(i) + m_padX));
            if (!m.oneLine) {
                const bool right =
                    cell->style == ReportTable::Style::Number || cell->style == ReportTable::Style::Late;
                qreal height = 0;
                m.layout =
                    layOut(*m.slot, cell->text, inner(i), right ? Qt::AlignRight : Qt::AlignLeft, &height);
                h = std::max(h, height);
            }
        }
        return h + 2 * m_padY;
    };

    const qreal pageHeight = body.height();
    qreal y = flow.y() > 0 ? flow.y() + m_gap : 0;
    const qreal firstRow = table.rows.isEmpty() ? 0 : measure(table.rows.first());
    if (y + headerHeight + firstRow > pageHeight && flow.y() > 0) {
        flow.newPage();
        y = 0;
    }
    qreal segmentTop = y;
    drawHeader(y);
    y += headerHeight;
    int done = 0;
    std::vector<int> nextLine(columns); // per wrapped cell: its first line not yet painted
    for (const QList<ReportTable::Cell> &row : table.rows) {
        const qreal h = measure(row);
        // A row never splits: it goes to the next page, under the header row again, unless it is
        // the first on this page. Only a row taller than a whole page (a very long text) is
        // continued on the next page, line by line.
        if (y + h > pageHeight && y > segmentTop + headerHeight) {
            verticals(segmentTop, y);
            flow.newPage();
            segmentTop = 0;
            drawHeader(0);
            y = headerHeight;
        }
        std::fill(nextLine.begin(), nextLine.end(), 0);
        for (bool first = true;; first = false) {
            const qreal room = pageHeight - y - 2 * m_padY;
            qreal used = first ? plain.height : 0;
            bool more = false;
            for (int i = 0; i < columns && i < row.size(); ++i) {
                const ReportTable::Cell &cell = row[i];
                const Measured &m = measured[i];
                if (cell.text.isEmpty() || (m.oneLine && !first))
                    continue;
                const bool right =
                    cell.style == ReportTable::Style::Number || cell.style == ReportTable::Style::Late;
                m_painter.setPen(cell.style == ReportTable::Style::Late ? kLate : QColor(Qt::black));
                const qreal left = body.left() + edges[i] + m_padX;
                if (m.oneLine) {
                    useFont(*m.slot);
                    const qreal x = right ? body.left() + edges[i + 1] - m_padX - m.width : left;
                    m_painter.drawText(QPointF(x, body.top() + y + m_padY + m.slot->ascent), cell.text);
                    continue;
                }
                const QTextLayout &layout = *m.layout;
                int j = nextLine[i];
                if (j >= layout.lineCount())
                    continue;
                const qreal top = layout.lineAt(j).y();
                const QPointF origin(left, body.top() + y + m_padY - top);
                // The lines that fit on this page (at least one, so that every page moves on).
                do {
                    layout.lineAt(j).draw(&m_painter, origin);
                    ++j;
                } while (j < layout.lineCount() &&
                         layout.lineAt(j).y() + layout.lineAt(j).height() - top <= room);
                used = std::max(used, layout.lineAt(j - 1).y() + layout.lineAt(j - 1).height() - top);
                nextLine[i] = j;
                more = more || j < layout.lineCount();
                current = nullptr;
            }
            if (!more) {
                y += first ? h : used + 2 * m_padY;
                break;
            }
            y += used + 2 * m_padY;
            hline(y);
            verticals(segmentTop, y);
            flow.newPage();
            segmentTop = 0;
            drawHeader(0);
            y = headerHeight;
        }
        hline(y);
        ++done;
        if (rowDone)
            rowDone(done);
    }
    verticals(segmentTop, y);
    m_painter.setPen(Qt::black);
    flow.setY(y + m_gap);
}

} // namespace rectrack::ui
