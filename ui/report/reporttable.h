#pragma once

/**
 * The tables of the committee-meeting report (DESIGN.md §7) as data, and their two renderings:
 *  - toHtml(): an HTML table for the .odt body (QTextDocumentWriter), as the report always wrote it;
 *  - ReportTablePainter: the PDF, painted with QPainter row by row onto the pages of a
 *    ReportPageFlow. The header row is repeated at the top of every page the table reaches, a row
 *    is never split across pages (only a row taller than a whole page continues on the next one,
 *    line by line), and long cells wrap (at word boundaries, else anywhere, so that Chinese text
 *    wraps) to their measured height. Numbers, dates, rates and registration numbers
 *    (14-1-02-04) and short header words (已完成, 问题来源) never break inside: their columns are
 *    widened to fit them, taking the room from the columns that can spare it.
 *
 * Laying a 4,000-row table out as rich text (QTextDocument) took 15 s of CPU at 100,000 problems,
 * and its cost grew with the square of the rows (docs/benchmarks.md, round 3); painting is linear.
 */

#include <QFont>
#include <QList>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class QPainter;
class QTextLayout;
class QPaintDevice;

namespace rectrack::ui {

/// One table of the report: a header row, column widths and rows of cells.
struct ReportTable
{
    enum class Style
    {
        Text,   ///< left-aligned, wraps
        Number, ///< right-aligned
        Late,   ///< right-aligned, bold red (overdue counts and days)
        NoWrap  ///< left-aligned on one line (dates)
    };
    struct Cell
    {
        QString text; ///< '\n' starts a new line
        Style style = Style::Text;
    };

    QStringList headers;
    QList<int> widths;  ///< share of the text width per column (any scale: 30, 10 = 3 : 1); empty = equal
    bool small = false; ///< 8 pt cells (long lists) instead of 9 pt
    QList<QList<Cell>> rows;

    /**
     * The table as HTML (class grid or small, a header row in <thead>, numbers right-aligned),
     * cut into tables of at most @p chunkRows rows each with its header row (0 = one table).
     */
    QString toHtml(int chunkRows = 0) const;
};

/// The page geometry shared by the report and the manual PDFs (ReportRenderer, ManualRenderer):
/// 300 dpi, margins in millimetres in the spirit of GB/T 9704 (37/35/28/26 for the body text of
/// official documents; a document with tables keeps their spirit with a little less at top and
/// bottom).
namespace reportpage {
inline constexpr int kDpi = 300;
inline constexpr double kTopMm = 30, kBottomMm = 28, kLeftMm = 28, kRightMm = 26;
/// @p v millimetres in PDF dots at kDpi.
inline double mm(double v)
{
    return v / 25.4 * kDpi;
}
/// A font of @p family at @p pt points.
QFont pointFont(const QString &family, double pt, bool bold = false);
/**
 * Paints a body page's furniture: the running header (@p left and @p right above a thin rule) and
 * the page number in the style of official documents (— @p number —) below the text area.
 * @p body is the text area, @p pageHeight the page's height, both in dots.
 */
void paintFurniture(QPainter &painter, const QString &family, const QRectF &body, qreal pageHeight,
                    const QString &left, const QString &right, int number);
} // namespace reportpage

/**
 * Where the PDF body is being written: the current page and the height already used on it.
 * newPage() ends the page (the writer's newPage()) and lets the owner paint the next page's
 * running header and page number. Lengths are device units (the PDF writer's dots).
 */
class ReportPageFlow
{
public:
    /// @p body: the text area of a page; @p startPage(n) is called for each body page n = 1, 2, …
    /// after the writer moved to it (the first body page included).
    ReportPageFlow(const QRectF &body, std::function<void(int bodyPage)> startPage);

    /// Moves to the next page (y = 0).
    void newPage();
    /// Starts the first body page when none is started yet.
    void ensurePage();

    const QRectF &body() const { return m_body; }
    /// Height used on the current page, from the top of the text area.
    qreal y() const { return m_y; }
    void setY(qreal y) { m_y = y; }
    /// Height left on the current page.
    qreal remaining() const { return m_body.height() - m_y; }
    /// Body pages started so far (the cover is not counted).
    int pages() const { return m_pages; }

private:
    QRectF m_body;
    std::function<void(int)> m_startPage;
    qreal m_y = 0;
    int m_pages = 0;
};

/// Paints ReportTables for one PDF: fonts, metrics and a cache of text widths shared by all tables.
class ReportTablePainter
{
public:
    /// @p device: the PDF writer (its resolution sets the metrics); @p family: reportFontFamily().
    ReportTablePainter(QPainter &painter, QPaintDevice *device, const QString &family);
    ~ReportTablePainter();
    ReportTablePainter(const ReportTablePainter &) = delete;
    ReportTablePainter &operator=(const ReportTablePainter &) = delete;

    /**
     * Paints @p table at the flow's current position, moving to new pages as needed (with the
     * header row again at the top of each), and leaves the flow below the table. @p rowDone, when
     * given, is called after each row with the number of rows painted so far.
     */
    void paint(const ReportTable &table, ReportPageFlow &flow, const std::function<void(int)> &rowDone = {});

private:
    /// A font of the tables with its metrics on the device and the widths of texts measured in it.
    struct FontSlot;
    /// Width of @p text on one line (cached: numbers and names repeat).
    qreal advance(FontSlot &slot, const QString &text);
    /// Height of @p text wrapped into @p width; when @p paint, also draws it with its top left at @p at.
    /// @p text wrapped into @p width (at word boundaries, else anywhere); its height in *@p height.
    std::shared_ptr<QTextLayout> layOut(FontSlot &slot, const QString &text, qreal width, Qt::Alignment align,
                                        qreal *height);
    /// @p lines, when given, receives the number of lines.
    qreal wrapped(FontSlot &slot, const QString &text, qreal width, Qt::Alignment align, bool paint,
                  const QPointF &at, int *lines = nullptr);
    /// The table font of @p pointSize (bold or not), made on first use.
    FontSlot &slotFor(double pointSize, bool bold);

    QPainter &m_painter;
    QPaintDevice *m_device;
    QString m_family;
    QList<FontSlot *> m_slots; // header, 9 pt, 9 pt bold, 8 pt, 8 pt bold; owned
    qreal m_padX = 0, m_padY = 0, m_gap = 0, m_pen = 0;
};

} // namespace rectrack::ui
