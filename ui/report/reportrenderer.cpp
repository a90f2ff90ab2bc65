#include "reportrenderer.h"

#include "charts/reportcharts.h"
#include "io/safefile.h"
#include "patterns/patternreporttext.h"
#include "report/reporttiming.h"

#include <QAbstractTextDocumentLayout>
#include <QChart>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGraphicsScene>
#include <QImage>
#include <QLocale>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QRawFont>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextDocumentWriter>
#include <QTextFrame>
#include <QTextObjectInterface>
#include <QUrl>

#include <zlib.h>

#include <cerrno>
#include <cmath>

namespace rectrack::ui {

namespace {

using core::Statistics;

using namespace reportpage; // page geometry shared with the manual: kDpi, margins, mm()

/**
 * @p s with bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) and control
 * characters other than line feed and tab shown as [U+202E]: a right-to-left override in a problem
 * text is seen in the report, not obeyed (it would reverse what follows it).
 */
QString shownControls(const QString &s)
{
    QString out;
    out.reserve(s.size());
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        const bool bidi = (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069) || u == 0x200E ||
                          u == 0x200F || u == 0x061C;
        const bool control = (u < 0x20 && u != u'\n' && u != u'\t') || u == 0x7F || (u >= 0x80 && u <= 0x9F);
        if (bidi || control)
            out +=
                QStringLiteral("[U+%1]").arg(QString::number(int(u), 16).toUpper().rightJustified(4, u'0'));
        else
            out += c;
    }
    return out;
}

/// Whether the report font or any installed font (Qt falls back to them) has a glyph for @p ucs4.
bool renderable(char32_t ucs4)
{
    static QHash<char32_t, bool> cache;
    if (const auto it = cache.constFind(ucs4); it != cache.constEnd())
        return it.value();
    bool found = QRawFont::fromFont(QFont(rectrack::ui::reportFontFamily())).supportsCharacter(ucs4);
    for (const QString &family : QFontDatabase::families()) {
        if (found)
            break;
        found = QRawFont::fromFont(QFont(family)).supportsCharacter(ucs4);
    }
    cache.insert(ucs4, found);
    return found;
}

QString esc(const QString &s)
{
    return shownControls(s).toHtmlEscaped();
}

QString num(qint64 n)
{
    return QString::number(n);
}

QString pct(double f)
{
    return Statistics::formatPercent(f);
}

enum ChartId
{
    SourceChart,
    StatusChart,
    RoundChart,
    CumulativeChart,
    AgeingChart,
    UnitChart,
    ChartCount
};

/**
 * Image handler of the PDF body: the body's images are the charts (named chart:N), drawn from
 * their scenes as vector graphics, as wide as the text (no taller than a page, keeping the
 * aspect ratio). Registered for QTextFormat::ImageObject, so the document needs no rewriting.
 */
class ChartObject : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)
public:
    ChartObject(const QList<QGraphicsScene *> &scenes, const QSizeF &maxSize, QObject *parent = nullptr)
        : QObject(parent), m_scenes(scenes), m_maxSize(maxSize)
    {
    }
    QSizeF intrinsicSize(QTextDocument *, int, const QTextFormat &format) override
    {
        const QGraphicsScene *scene = sceneOf(format);
        if (!scene || scene->sceneRect().isEmpty())
            return {};
        const QSizeF s = scene->sceneRect().size();
        QSizeF out(m_maxSize.width(), m_maxSize.width() * s.height() / s.width());
        if (out.height() > m_maxSize.height()) // a tall unit chart still fits one page
            out = QSizeF(m_maxSize.height() * s.width() / s.height(), m_maxSize.height());
        return out;
    }
    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *, int,
                    const QTextFormat &format) override
    {
        QGraphicsScene *scene = sceneOf(format);
        if (!scene)
            return;
        // The layout also asks for objects of the neighbouring page; draw only this page's.
        if (m_clip.isValid() && !m_clip.contains(rect.center()))
            return;
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        scene->render(painter, rect, scene->sceneRect(), Qt::KeepAspectRatio);
        painter->restore();
    }

    /// The page being drawn, in document coordinates (invalid = draw everything).
    void setClip(const QRectF &clip) { m_clip = clip; }

private:
    QGraphicsScene *sceneOf(const QTextFormat &format) const
    {
        const QString name = format.toImageFormat().name();
        if (!name.startsWith(QLatin1String("chart:")))
            return nullptr;
        return m_scenes.value(name.mid(6).toInt(), nullptr);
    }

    QList<QGraphicsScene *> m_scenes;
    QSizeF m_maxSize;
    QRectF m_clip;
};

const char *const kNumerals[] = {
    QT_TRANSLATE_NOOP("ReportRenderer", "I"),   QT_TRANSLATE_NOOP("ReportRenderer", "II"),
    QT_TRANSLATE_NOOP("ReportRenderer", "III"), QT_TRANSLATE_NOOP("ReportRenderer", "IV"),
    QT_TRANSLATE_NOOP("ReportRenderer", "V"),   QT_TRANSLATE_NOOP("ReportRenderer", "VI"),
    QT_TRANSLATE_NOOP("ReportRenderer", "VII"), QT_TRANSLATE_NOOP("ReportRenderer", "VIII"),
    QT_TRANSLATE_NOOP("ReportRenderer", "IX"),  QT_TRANSLATE_NOOP("ReportRenderer", "X")};

/// A PDF text string as UTF-16BE hex with a byte-order mark: <FEFF...>.
QByteArray pdfHexString(const QString &s)
{
    QByteArray out("<FEFF");
    for (const QChar c : s)
        out += QByteArray::number(c.unicode(), 16).rightJustified(4, '0').toUpper();
    out += '>';
    return out;
}

/// Little-endian readers and writers for the zip structures.
quint32 le32(const QByteArray &b, qsizetype at)
{
    return quint32(quint8(b[at])) | quint32(quint8(b[at + 1])) << 8 | quint32(quint8(b[at + 2])) << 16 |
           quint32(quint8(b[at + 3])) << 24;
}
quint16 le16(const QByteArray &b, qsizetype at)
{
    return quint16(quint8(b[at]) | quint8(b[at + 1]) << 8);
}
void put32(QByteArray &b, quint32 v)
{
    for (int i = 0; i < 4; ++i)
        b += char((v >> (8 * i)) & 0xff);
}
void put16(QByteArray &b, quint16 v)
{
    b += char(v & 0xff);
    b += char(v >> 8);
}

/// Raw-deflate data inflated to @p size bytes, or empty on error.
QByteArray inflateRaw(const QByteArray &data, qsizetype size)
{
    QByteArray out(size, Qt::Uninitialized);
    z_stream z{};
    if (inflateInit2(&z, -MAX_WBITS) != Z_OK)
        return {};
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    z.avail_in = uInt(data.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    const int rc = inflate(&z, Z_FINISH);
    inflateEnd(&z);
    return rc == Z_STREAM_END && qsizetype(z.total_out) == size ? out : QByteArray();
}

/**
 * LibreOffice and WPS take fo:font-size, fo:font-weight and fo:font-family for Latin script
 * only; Chinese text needs the style:*-asian twins, which Qt's ODF writer does not write. This
 * adds them to every text style of content.xml, so headings and the cover keep their size and
 * weight in Chinese too.
 */
QByteArray withAsianFontProperties(QByteArray xml, const QString &family)
{
    static const QRegularExpression props(QStringLiteral("<style:text-properties\\b[^>]*>"));
    QString text = QString::fromUtf8(xml);
    QString out;
    qsizetype last = 0;
    for (auto it = props.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        QString tag = m.captured(0);
        QString extra;
        for (const char *name : {"font-size", "font-weight", "font-style"}) {
            const QRegularExpression re(QStringLiteral("fo:%1=\"([^\"]*)\"").arg(QLatin1String(name)));
            const auto v = re.match(tag);
            if (v.hasMatch() && !tag.contains(QStringLiteral("style:%1-asian").arg(QLatin1String(name))))
                extra += QStringLiteral(" style:%1-asian=\"%2\"").arg(QLatin1String(name), v.captured(1));
        }
        if (!tag.contains(QLatin1String("style:font-family-asian")))
            extra += QStringLiteral(" style:font-family-asian=\"%1\"").arg(family.toHtmlEscaped());
        const qsizetype close = tag.endsWith(QLatin1String("/>")) ? tag.size() - 2 : tag.size() - 1;
        tag.insert(close, extra);
        out += QStringView(text).mid(last, m.capturedStart() - last);
        out += tag;
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out.toUtf8();
}

/// Rewrites content.xml of the OpenDocument zip at @p path through @p fix; other entries are copied.
bool rewriteOdfContent(const QString &path, const std::function<QByteArray(QByteArray)> &fix)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray zip = f.readAll();
    f.close();
    const qsizetype eocd = zip.lastIndexOf(QByteArray("PK\x05\x06", 4));
    if (eocd < 0 || eocd + 22 > zip.size())
        return false;
    const int entries = le16(zip, eocd + 10);
    qsizetype cd = le32(zip, eocd + 16);
    QByteArray body, central;
    for (int i = 0; i < entries; ++i) {
        if (cd + 46 > zip.size() || le32(zip, cd) != 0x02014b50)
            return false;
        const quint16 method = le16(zip, cd + 10);
        quint32 crc = le32(zip, cd + 16);
        quint32 csize = le32(zip, cd + 20);
        quint32 usize = le32(zip, cd + 24);
        const quint16 nameLen = le16(zip, cd + 28), extraLen = le16(zip, cd + 30),
                      commentLen = le16(zip, cd + 32);
        const QByteArray name = zip.mid(cd + 46, nameLen);
        const qsizetype local = le32(zip, cd + 42);
        if (local + 30 > zip.size() || le32(zip, local) != 0x04034b50)
            return false;
        const qsizetype dataAt = local + 30 + le16(zip, local + 26) + le16(zip, local + 28);
        QByteArray data = zip.mid(dataAt, csize);
        quint16 outMethod = method;
        if (name == "content.xml") {
            QByteArray xml = method == 8 ? inflateRaw(data, usize) : method == 0 ? data : QByteArray();
            if (xml.isEmpty())
                return false;
            data = fix(xml);
            outMethod = 0; // stored: no deflate needed
            crc = quint32(crc32(0L, reinterpret_cast<const Bytef *>(data.constData()), uInt(data.size())));
            csize = usize = quint32(data.size());
        }
        const quint32 offset = quint32(body.size());
        // Local header without a data descriptor (flags 0): sizes and CRC written up front.
        put32(body, 0x04034b50);
        put16(body, 20);
        put16(body, 0);
        put16(body, outMethod);
        put32(body, le32(zip, cd + 12)); // time and date
        put32(body, crc);
        put32(body, csize);
        put32(body, usize);
        put16(body, nameLen);
        put16(body, 0);
        body += name;
        body += data;
        put32(central, 0x02014b50);
        put16(central, le16(zip, cd + 4));
        put16(central, 20);
        put16(central, 0);
        put16(central, outMethod);
        put32(central, le32(zip, cd + 12));
        put32(central, crc);
        put32(central, csize);
        put32(central, usize);
        put16(central, nameLen);
        put16(central, 0);
        put16(central, 0);
        put16(central, 0);
        put16(central, le16(zip, cd + 36));
        put32(central, le32(zip, cd + 38));
        put32(central, offset);
        central += name;
        cd += 46 + nameLen + extraLen + commentLen;
    }
    QByteArray out = body + central;
    put32(out, 0x06054b50);
    put16(out, 0);
    put16(out, 0);
    put16(out, quint16(entries));
    put16(out, quint16(entries));
    put32(out, quint32(central.size()));
    put32(out, quint32(body.size()));
    put16(out, 0);
    QFile w(path);
    return w.open(QIODevice::WriteOnly | QIODevice::Truncate) && w.write(out) == out.size() && w.flush();
}

} // namespace

namespace {

/// The scope as the report names it: core's label, with the source level in the report's words.
QString scopeText(const core::ReportContent &c)
{
    if (!c.options.scope.source)
        return c.scopeLabel;
    QStringList parts;
    if (!c.options.scope.round.isEmpty())
        parts << c.options.scope.round;
    if (!c.options.scope.unit.isEmpty())
        parts << c.options.scope.unit;
    parts << ReportCharts::sourceName(*c.options.scope.source);
    return parts.join(QStringLiteral(" · "));
}

} // namespace

struct ReportRenderer::Charts
{
    QList<QGraphicsScene *> scenes; // each owns its chart
    ~Charts() { qDeleteAll(scenes); }
};

ReportRenderer::ReportRenderer(core::ReportContent content)
    : m_content(std::move(content)), m_charts(std::make_unique<Charts>())
{
    core::ReportTiming timing;
    QList<QChart *> charts(ChartCount, nullptr);
    charts[SourceChart] = ReportCharts::completionBySource(m_content);
    charts[StatusChart] = ReportCharts::statusDistribution(m_content);
    charts[RoundChart] = ReportCharts::completionByRound(m_content);
    charts[CumulativeChart] = ReportCharts::cumulativeCompletion(m_content);
    charts[AgeingChart] = ReportCharts::overdueAgeing(m_content);
    charts[UnitChart] = ReportCharts::completionByUnit(m_content, 30);
    for (QChart *chart : std::as_const(charts)) {
        auto *scene = new QGraphicsScene;
        scene->addItem(chart);
        const QSizeF size = ReportCharts::preferredChartSize(chart);
        chart->setGeometry(QRectF(QPointF(0, 0), size));
        scene->setSceneRect(QRectF(QPointF(0, 0), size));
        m_charts->scenes << scene;
    }
    // Let the charts lay themselves out (they do so on posted layout requests).
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    timing.mark("charts");
}

ReportRenderer::~ReportRenderer() = default;

QString ReportRenderer::formatDate(const QDate &date)
{
    if (!date.isValid())
        return {};
    return tr("%1-%2-%3", "date: year, month, day").arg(date.year()).arg(date.month()).arg(date.day());
}

QString ReportRenderer::subject() const
{
    return tr("%1, as of %2").arg(scopeText(m_content), formatDate(m_content.asOf));
}

QList<ReportRenderer::BodyPart> ReportRenderer::bodyParts(bool withCover) const
{
    const core::ReportContent &c = m_content;
    QList<BodyPart> parts;
    QString h; // HTML since the last table
    // A table ends the HTML before it: the PDF paints tables itself (ReportTablePainter).
    auto table = [&](ReportTable t) {
        if (!h.isEmpty())
            parts << BodyPart{h, std::nullopt};
        h.clear();
        parts << BodyPart{QString(), std::move(t)};
    };

    if (withCover) {
        // The .odt's cover. Sizes are set on spans: the ODF writer keeps character formats but not
        // a paragraph's font, and blank paragraphs stand in for the top margins it drops.
        auto line = [&](const QString &text, int pt, bool bold, const char *align) {
            h += QStringLiteral("<p align=\"%1\"><span style=\"font-size: %2pt;%3\">%4</span></p>")
                     .arg(QLatin1String(align))
                     .arg(pt)
                     .arg(bold ? QStringLiteral(" font-weight: bold;") : QString(), esc(text));
        };
        auto blank = [&](int n) {
            for (int i = 0; i < n; ++i)
                h += QStringLiteral("<p><span style=\"font-size: 14pt;\">&nbsp;</span></p>");
        };
        if (!c.options.marking.isEmpty())
            line(c.options.marking, 14, true, "left");
        blank(6);
        line(c.options.title, 24, true, "center");
        blank(2);
        line(tr("Scope: %1").arg(scopeText(c)), 15, false, "center");
        line(tr("Figures as of %1").arg(formatDate(c.asOf)), 15, false, "center");
        if (c.since.isValid())
            line(tr("Compared with %1").arg(formatDate(c.since)), 15, false, "center");
        blank(8);
        line(c.options.issuer, 16, false, "center");
        h +=
            QStringLiteral("<p align=\"center\" style=\"page-break-after: always;\"><span style=\"font-size: "
                           "14pt;\">%1</span></p>")
                .arg(esc(formatDate(c.asOf)));
    }

    int section = 0;
    auto heading = [&](const QString &title, bool newPage = false) {
        const QString no = section < 10 ? tr(kNumerals[section]) : QString::number(section + 1);
        ++section;
        h += QStringLiteral("<h2%1><span style=\"font-size: 15pt; font-weight: bold;\">%2</span></h2>")
                 .arg(newPage ? QStringLiteral(" style=\"page-break-before: always;\"") : QString(),
                      esc(tr("%1. %2", "section number and title").arg(no, title)));
    };
    auto para = [&](const QString &text) { h += QStringLiteral("<p class=\"body\">%1</p>").arg(esc(text)); };
    auto chart = [&](ChartId id) {
        const QRectF r = m_charts->scenes[id]->sceneRect();
        h += QStringLiteral("<p class=\"fig\"><img src=\"chart:%1\" width=\"%2\" height=\"%3\"></p>")
                 .arg(int(id))
                 .arg(int(r.width()))
                 .arg(int(r.height()));
    };
    using Cell = ReportTable::Cell;
    using Style = ReportTable::Style;
    auto text = [](const QString &t) { return Cell{shownControls(t), Style::Text}; };
    auto number = [](const QString &t) { return Cell{t, Style::Number}; };
    auto late = [](qint64 n) { return Cell{num(n), n ? Style::Late : Style::Number}; };

    // I. Overall situation: the headline figures.
    heading(tr("Overall situation"));
    const core::Counts &t = c.total;
    para(tr("As of %1, the register holds %2 problems; %3 are done (%4 of them closed out), a completion "
            "rate of "
            "%5. %6 are long-term, %7 in progress and %8 not started; %9 are overdue.")
             .arg(formatDate(c.asOf), num(t.problems), num(t.done()), num(t.closedOut),
                  pct(t.completionRate()), num(t.longTerm), num(t.inProgress), num(t.registered),
                  num(t.overdue)));
    if (c.coverage.mustCover > 0) {
        QStringList categories;
        for (const core::CoverageGroup &g : c.coverage.byCategory)
            categories << tr("%1 %2 of %3 (%4)")
                              .arg(g.category.isEmpty() ? tr("other units") : g.category)
                              .arg(g.covered)
                              .arg(g.mustCover)
                              .arg(pct(g.rate()));
        para(tr("Inspection coverage of %1: %2 of the %3 units on the must-cover list have been inspected, a "
                "coverage rate of %4 (%5).")
                 .arg(c.coverage.term)
                 .arg(c.coverage.covered)
                 .arg(c.coverage.mustCover)
                 .arg(pct(c.coverage.rate()), categories.join(tr("; "))));
    }
    if (c.totalSince) {
        const core::Counts &s = *c.totalSince;
        const double pp = (t.completionRate() - s.completionRate()) * 100.0;
        para(tr("Since %1, %2 more problems have been done and %3 registered; the completion rate went from "
                "%4 to %5 "
                "(%6 percentage points).")
                 .arg(formatDate(c.since), num(t.done() - s.done()), num(t.problems - s.problems),
                      pct(s.completionRate()), pct(t.completionRate()),
                      (pp >= 0 ? QStringLiteral("+") : QString()) +
                          QString::number(std::round(pp * 100.0) / 100.0, 'f', 2)));
    }
    // Headline figures as a row of boxes.
    {
        const QStringList labels{tr("Problems"),   tr("Done"),    tr("Completion rate"),
                                 tr("Closed out"), tr("Overdue"), tr("Coverage rate")};
        const QStringList values{
            num(t.problems),         num(t.done()),
            pct(t.completionRate()), num(t.closedOut),
            num(t.overdue),          c.coverage.mustCover > 0 ? pct(c.coverage.rate()) : QStringLiteral("—")};
        h += QStringLiteral(
            "<table class=\"grid\" border=\"1\" cellspacing=\"0\" cellpadding=\"6\" width=\"100%\" "
            "style=\"margin-top: 8pt;\"><tr>");
        for (int i = 0; i < values.size(); ++i)
            h += QStringLiteral(
                     "<td align=\"center\" style=\"font-size: 16pt; font-weight: bold; color: %1;\">%2</td>")
                     .arg(i == 4 && t.overdue > 0 ? QStringLiteral("#c0392b") : QStringLiteral("#1f5fa8"),
                          esc(values[i]));
        h += QStringLiteral("</tr><tr>");
        for (const QString &l : labels)
            h += QStringLiteral("<td align=\"center\" style=\"font-size: 9pt;\">%1</td>").arg(esc(l));
        h += QStringLiteral("</tr></table>");
    }

    // II. By source and by state.
    heading(tr("Rectification by source of the problems"));
    // The columns of the tables by source and by office: a group's name, then its counts.
    const auto countsHeaders = [](const QString &group) {
        return QStringList{group,           tr("Problems"), tr("Done"),    tr("Closed out"),
                           tr("Long-term"), tr("Not done"), tr("Overdue"), tr("Completion rate")};
    };
    // @p dashWhenEmpty: a group without problems shows "—" for its rate instead of 0%.
    const auto countsRow = [&](const QString &name, const core::Counts &k, bool dashWhenEmpty = false) {
        return QList<Cell>{
            text(name),
            number(num(k.problems)),
            number(num(k.done())),
            number(num(k.closedOut)),
            number(num(k.longTerm)),
            number(num(k.inProgress + k.registered)),
            late(k.overdue),
            number(dashWhenEmpty && k.problems == 0 ? QStringLiteral("—") : pct(k.completionRate()))};
    };
    {
        ReportTable sources;
        sources.headers = countsHeaders(tr("Source"));
        for (const core::GroupCounts &g : c.bySource)
            sources.rows << countsRow(ReportCharts::sourceKeyName(g.key), g.counts);
        sources.rows << countsRow(tr("Total"), t);
        table(std::move(sources));
    }
    chart(SourceChart);
    chart(StatusChart);
    // The city's view (issue #26): each office whose rows the register holds, its own first.
    if (!c.bySite.isEmpty()) {
        h += QStringLiteral("<h3><span style=\"font-size: 12pt; font-weight: bold;\">%1</span></h3>")
                 .arg(esc(tr("Table: rectification by inspection office (%1 offices)").arg(c.bySite.size())));
        ReportTable sites;
        sites.headers = countsHeaders(tr("Inspection office"));
        sites.widths = {30, 9, 9, 9, 9, 9, 9, 16}; // an office name of 14 characters on one line
        for (const core::GroupCounts &g : c.bySite)
            sites.rows << countsRow(g.key, g.counts, true);
        sites.rows << countsRow(tr("Total"), t, true);
        table(std::move(sites));
    }

    // III. Rounds and progress over time.
    heading(tr("Progress by round and over time"));
    if (!c.byRound.isEmpty())
        chart(RoundChart);
    chart(CumulativeChart);
    chart(AgeingChart);

    // IV. Every unit of the scope.
    heading(tr("Rectification by unit"), true);
    chart(UnitChart);
    {
        QStringList headers{tr("No."),      tr("Unit"),       tr("Problems"),
                            tr("Done"),     tr("Closed out"), tr("Long-term"),
                            tr("Not done"), tr("Overdue"),    tr("Completion rate")};
        // The unit column takes a 15-character name on one line.
        QList<int> widths{6, 34, 8, 8, 8, 8, 8, 8, 12};
        if (c.since.isValid()) {
            headers << tr("Newly done");
            widths = {6, 32, 7, 7, 7, 7, 7, 7, 10, 10};
        }
        h += QStringLiteral("<h3><span style=\"font-size: 12pt; font-weight: bold;\">%1</span></h3>")
                 .arg(esc(tr("Table: rectification of every unit (%1 units)").arg(c.units.size())));
        ReportTable units;
        units.headers = headers;
        units.widths = widths;
        units.rows.reserve(c.units.size());
        int no = 0;
        for (const core::UnitReportRow &u : c.units) {
            const core::Counts &k = u.counts;
            QList<Cell> r{number(num(++no)),
                          text(u.unit),
                          number(num(k.problems)),
                          number(num(k.done())),
                          number(num(k.closedOut)),
                          number(num(k.longTerm)),
                          number(num(k.inProgress + k.registered)),
                          late(k.overdue),
                          number(k.problems ? pct(k.completionRate()) : QStringLiteral("—"))};
            if (c.since.isValid())
                r << number(num(k.done() - (u.since ? u.since->done() : 0)));
            units.rows << std::move(r);
        }
        table(std::move(units));
        h += QStringLiteral("<p class=\"note\">%1</p>")
                 .arg(esc(tr("Done = completed and closed out; long-term problems are not counted as done. "
                             "Completion rate = done ÷ problems. — = no problems registered.")) +
                      (c.since.isValid() ? esc(tr(" Newly done = done since %1.").arg(formatDate(c.since)))
                                         : QString()));
    }

    // V. Overdue problems with the people responsible (点人点事).
    heading(tr("Overdue problems and the leaders responsible"), true);
    if (c.overdueTotal == 0) {
        para(tr("As of %1, no problem is past its deadline.").arg(formatDate(c.asOf)));
    } else {
        para(tr("As of %1, %2 problems are past their deadline and not done. The %3 most overdue are listed "
                "with "
                "their lead leaders.")
                 .arg(formatDate(c.asOf))
                 .arg(c.overdueTotal)
                 .arg(c.overdue.size()));
        ReportTable list;
        list.headers = QStringList{
            tr("No."),      tr("Unit"),         tr("Reg. no."),    tr("Problem"),
            tr("Deadline"), tr("Days overdue"), tr("Lead leader"), tr("Responsible office and person")};
        list.widths = {5, 12, 8, 28, 12, 6, 13, 16};
        list.small = true;
        int no = 0;
        for (const core::OverdueItem &o : c.overdue) {
            QString problem = o.description;
            if (problem.size() > 60)
                problem = problem.left(59) + QChar(0x2026);
            QString who = o.responsibleOffice;
            if (!o.responsiblePerson.isEmpty())
                who += (who.isEmpty() ? QString() : QStringLiteral("\n")) + o.responsiblePerson;
            list.rows << QList<Cell>{number(num(++no)),
                                     text(o.unit),
                                     text(o.registrationNo),
                                     text(problem),
                                     Cell{core::toIso(o.deadline), Style::NoWrap},
                                     Cell{num(o.daysOverdue), Style::Late},
                                     text(o.leadLeader),
                                     text(who)};
        }
        table(std::move(list));
        if (c.overdueRest() > 0)
            para(tr("A further %1 overdue problems are not listed here; see the problem ledger.")
                     .arg(c.overdueRest()));
    }

    // VI. Supervision outcomes, where the register has them.
    const core::SupervisionFigures &sv = c.supervision;
    if (!sv.isEmpty()) {
        heading(tr("Supervision and outcomes"));
        if (sv.hasClues()) {
            h += QStringLiteral("<h3><span style=\"font-size: 12pt; font-weight: bold;\">%1</span></h3>")
                     .arg(esc(tr("Problem clues transferred")));
            para(tr("%1 problem clues have been transferred; disposal has been reported for %2, %3 are "
                    "pending, of "
                    "which %4 are past the three-month due date.")
                     .arg(sv.clues.total)
                     .arg(sv.clues.disposed)
                     .arg(sv.clues.pending)
                     .arg(sv.clues.pendingOverdue));
            ReportTable clues;
            clues.headers = QStringList{tr("Received by"), tr("Clues"), tr("Disposal reported")};
            for (const core::NamedCount &r : sv.clues.byReceiver)
                clues.rows << QList<Cell>{text(r.name.isEmpty() ? tr("(not set)") : r.name),
                                          number(num(r.count)), number(num(r.extra))};
            table(std::move(clues));
        }
        if (sv.hasReferrals()) {
            h += QStringLiteral("<h3><span style=\"font-size: 12pt; font-weight: bold;\">%1</span></h3>")
                     .arg(esc(tr("Referral sheets and reports")));
            ReportTable referrals;
            referrals.headers = QStringList{tr("Kind"), tr("Issued"), tr("Answered")};
            for (const core::NamedCount &r : sv.referralsByKind)
                referrals.rows << QList<Cell>{text(core::ReportBuilder::referralKindName(r.name)),
                                              number(num(r.count)), number(num(r.extra))};
            table(std::move(referrals));
        }
        if (sv.hasEvaluations()) {
            h += QStringLiteral("<h3><span style=\"font-size: 12pt; font-weight: bold;\">%1</span></h3>")
                     .arg(esc(tr("Rectification-effect evaluations")));
            QStringList grades;
            for (const core::NamedCount &g : sv.evaluations.byGrade)
                grades << tr("%1: %2").arg(g.name.isEmpty() ? tr("(no grade)") : g.name).arg(g.count);
            para(tr("%1 evaluations, average score %2 (%3); %4 units must rectify a second time.")
                     .arg(sv.evaluations.total)
                     .arg(QString::number(sv.evaluations.averageScore, 'f', 1), grades.join(tr("; ")))
                     .arg(sv.evaluations.secondRectification));
        }
        if (sv.hasRules()) {
            h += QStringLiteral("<h3><span style=\"font-size: 12pt; font-weight: bold;\">%1</span></h3>")
                     .arg(esc(tr("Rules established")));
            para(tr("%1 rules and regulations have been established or revised.").arg(sv.rulesCount));
            ReportTable rules;
            rules.headers = QStringList{tr("Unit"), tr("Rule"), tr("Date")};
            for (const core::RuleRow &r : sv.rules)
                rules.rows << QList<Cell>{text(r.unit), text(r.name), text(core::toIso(r.date))};
            table(std::move(rules));
            if (sv.rulesCount > sv.rules.size())
                h += QStringLiteral("<p class=\"note\">%1</p>")
                         .arg(esc(tr("The %1 most recent of %2 are listed.")
                                      .arg(sv.rules.size())
                                      .arg(sv.rulesCount)));
        }
        if (sv.hasAccountability()) {
            h += QStringLiteral("<h3><span style=\"font-size: 12pt; font-weight: bold;\">%1</span></h3>")
                     .arg(esc(tr("Accountability")));
            ReportTable accountability;
            accountability.headers = QStringList{tr("Form"), tr("Persons"), tr("Decisions")};
            for (const core::NamedCount &r : sv.accountabilityByForm)
                accountability.rows << QList<Cell>{text(r.name), number(num(r.count)), number(num(r.extra))};
            table(std::move(accountability));
        }
        if (sv.hasFunds()) {
            h += QStringLiteral("<h3><span style=\"font-size: 12pt; font-weight: bold;\">%1</span></h3>")
                     .arg(esc(tr("Funds recovered")));
            para(tr("%1 recoveries, %2 yuan in all.")
                     .arg(sv.fundsCount)
                     .arg(QLocale().toString(sv.fundsYuan, 'f', 2)));
        }
    }

    // VII. Common and recurring problems (共性问题, issue #27), when patterns were confirmed.
    if (!c.patterns.isEmpty()) {
        heading(PatternReportText::heading());
        para(PatternReportText::summary(c.patterns, c.patternsTotal));
        ReportTable patterns;
        patterns.headers = PatternReportText::headers();
        patterns.widths = {30, 7, 7, 7, 7, 9, 10, 23};
        patterns.small = true;
        for (const core::PatternFigures &f : c.patterns)
            patterns.rows << QList<Cell>{text(PatternReportText::name(f)),
                                         number(num(f.units)),
                                         number(num(f.rounds)),
                                         number(num(f.problems)),
                                         number(num(f.closedOut)),
                                         number(core::Statistics::formatPercent(f.closeOutRate)),
                                         text(PatternReportText::recurrences(f)),
                                         text(PatternReportText::outcomes(f))};
        table(std::move(patterns));
        h +=
            QStringLiteral("<p class=\"note\">%1</p>").arg(esc(PatternReportText::method(c.patternSettings)));
    }

    // Appendix: the full problem ledger of the scope.
    if (c.options.appendix) {
        h += QStringLiteral("<h2 style=\"page-break-before: always;\"><span style=\"font-size: 15pt; "
                            "font-weight: bold;\">%1</span></h2>")
                 .arg(esc(tr("Appendix: problem ledger (%1 problems)").arg(c.appendix.size())));
        ReportTable ledger;
        ledger.headers = QStringList{tr("No."),         tr("Unit"),     tr("Reg. no."),
                                     tr("Source"),      tr("Problem"),  tr("Responsible office"),
                                     tr("Lead leader"), tr("Deadline"), tr("State")};
        ledger.widths = {5, 12, 8, 7, 29, 9, 11, 11, 8};
        ledger.small = true;
        ledger.rows.reserve(c.appendix.size());
        int no = 0;
        for (const core::AppendixRow &r : c.appendix)
            ledger.rows << QList<Cell>{number(num(++no)),
                                       text(r.unit),
                                       text(r.registrationNo),
                                       text(ReportCharts::sourceName(r.source)),
                                       text(r.description),
                                       text(r.responsibleOffice),
                                       text(r.leadLeader),
                                       text(r.deadline.isValid() ? core::toIso(r.deadline) : r.deadlineNote),
                                       text(ReportCharts::stateName(r.state))};
        table(std::move(ledger));
    }
    // Characters outside the Basic Multilingual Plane (𠮷 and other rare characters of names) that
    // no installed font has would print as empty boxes: the report names them.
    QList<char32_t> missing;
    const auto scan = [&](const QString &chunk) {
        for (qsizetype i = 0; i + 1 < chunk.size(); ++i) {
            if (!chunk[i].isHighSurrogate() || !chunk[i + 1].isLowSurrogate())
                continue;
            const char32_t ucs4 = QChar::surrogateToUcs4(chunk[i], chunk[i + 1]);
            if (!missing.contains(ucs4) && !renderable(ucs4))
                missing << ucs4;
        }
    };
    scan(h);
    for (const BodyPart &part : std::as_const(parts)) {
        scan(part.html);
        if (part.table) {
            for (const QList<ReportTable::Cell> &row : part.table->rows)
                for (const ReportTable::Cell &cell : row)
                    scan(cell.text);
        }
    }
    if (!missing.isEmpty()) {
        QStringList names;
        for (const char32_t ucs4 : std::as_const(missing))
            names << QStringLiteral("%1 (U+%2)")
                         .arg(QString::fromUcs4(&ucs4, 1), QString::number(uint(ucs4), 16).toUpper());
        para(tr("These characters have no glyph in the fonts installed on this computer and print as empty "
                "boxes: %1. Install a font that has them (for example fonts-hanazono) and write the report "
                "again.")
                 .arg(names.join(QStringLiteral("、"))));
    }
    if (!h.isEmpty())
        parts << BodyPart{h, std::nullopt};
    return parts;
}

QString ReportRenderer::htmlHead()
{
    return QStringLiteral(
               "<html><head><meta charset=\"utf-8\"><style>"
               "body { font-family: '%1'; font-size: 11pt; }"
               "h2 { font-size: 15pt; font-weight: bold; margin-top: 14pt; margin-bottom: 6pt; }"
               "h3 { font-size: 12pt; font-weight: bold; margin-top: 10pt; margin-bottom: 4pt; }"
               "p { margin-top: 3pt; margin-bottom: 3pt; line-height: 150%; }"
               "p.body { text-indent: 22pt; }"
               "p.note { font-size: 9pt; color: #444444; }"
               "table.grid, table.small { border-collapse: collapse; border-color: #7f7f7f; font-size: 9pt; }"
               "table.small td { font-size: 8pt; }"
               "th { background-color: #e8edf3; font-weight: bold; }"
               "td.n { text-align: right; }"
               "td.late { color: #c0392b; font-weight: bold; text-align: right; }"
               "p.fig { text-align: center; margin-top: 6pt; margin-bottom: 6pt; line-height: 100%; }"
               "</style></head><body>")
        .arg(reportFontFamily());
}

QString ReportRenderer::html(bool withCover) const
{
    // Long tables are cut into tables of 80 rows (each with its header row): the .odt's readers
    // handle them better, and so did Qt's table layout when the PDF was laid out as rich text.
    constexpr int kChunkRows = 80;
    QString h = htmlHead();
    for (const BodyPart &part : bodyParts(withCover))
        h += part.table ? part.table->toHtml(kChunkRows) : part.html;
    return h + QStringLiteral("</body></html>");
}

core::Status ReportRenderer::write(const QString &path, const Progress &progress)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("pdf"))
        return writePdf(path, progress);
    if (suffix == QLatin1String("odt"))
        return writeOdt(path, progress);
    return core::Error{
        core::ErrorCode::Usage,
        tr("Cannot write a report as \"%1\": the file name must end in .pdf or .odt.").arg(path)};
}

core::Status ReportRenderer::writePdf(const QString &path, const Progress &progress)
{
    core::SafeOutput output(path);
    if (const core::Status s = output.open(); !s)
        return s;
    if (const core::Status s = writePdfFile(output.tempPath(), path, progress); !s)
        return s;
    return output.commit();
}

core::Status ReportRenderer::writeOdt(const QString &path, const Progress &progress)
{
    core::SafeOutput output(path);
    if (const core::Status s = output.open(); !s)
        return s;
    if (const core::Status s = writeOdtFile(output.tempPath(), path, progress); !s)
        return s;
    return output.commit();
}

core::Status ReportRenderer::writePdfFile(const QString &path, const QString &shown, const Progress &progress)
{
    const core::ReportContent &c = m_content;
    if (progress)
        progress(0);
    QPdfWriter writer(path);
    writer.setResolution(kDpi);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    writer.setTitle(c.options.title);
    writer.setCreator(QStringLiteral("Rectrack ") + QStringLiteral(RECTRACK_VERSION));

    const QRectF page(0, 0, writer.width(), writer.height());
    const QRectF body(mm(kLeftMm), mm(kTopMm), page.width() - mm(kLeftMm) - mm(kRightMm),
                      page.height() - mm(kTopMm) - mm(kBottomMm));
    const QString family = reportFontFamily();

    core::ReportTiming timing;
    const QList<BodyPart> parts = bodyParts(false);
    timing.mark("pdf: body parts");
    QPainter painter;
    if (!painter.begin(&writer))
        return core::SafeFile::writeError(shown, errno, tr("Cannot write %1.").arg(shown));
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);

    auto pointFont = [&](double pt, bool bold = false) {
        QFont f(family);
        f.setPointSizeF(pt);
        f.setBold(bold);
        return f;
    };

    // Cover: marking at the top left, title centred, scope and dates, issuing body near the foot.
    {
        painter.setPen(Qt::black);
        if (!c.options.marking.isEmpty()) {
            painter.setFont(pointFont(14, true));
            painter.drawText(QRectF(mm(kLeftMm), mm(30), body.width(), mm(12)),
                             Qt::AlignLeft | Qt::AlignVCenter, shownControls(c.options.marking));
        }
        painter.setFont(pointFont(24, true));
        painter.setPen(QColor(0xb0, 0x1c, 0x1c));
        painter.drawText(QRectF(mm(kLeftMm), mm(80), body.width(), mm(40)),
                         Qt::AlignHCenter | Qt::AlignVCenter | Qt::TextWordWrap,
                         shownControls(c.options.title));
        QPen rule(QColor(0xb0, 0x1c, 0x1c));
        rule.setWidthF(mm(0.6));
        painter.setPen(rule);
        painter.drawLine(QPointF(mm(kLeftMm), mm(126)), QPointF(page.width() - mm(kRightMm), mm(126)));
        painter.setPen(Qt::black);
        painter.setFont(pointFont(15));
        QStringList lines{tr("Scope: %1").arg(scopeText(c)), tr("Figures as of %1").arg(formatDate(c.asOf))};
        if (c.since.isValid())
            lines << tr("Compared with %1").arg(formatDate(c.since));
        double y = mm(140);
        for (const QString &line : lines) {
            painter.drawText(QRectF(mm(kLeftMm), y, body.width(), mm(12)),
                             Qt::AlignHCenter | Qt::AlignVCenter, line);
            y += mm(13);
        }
        painter.setFont(pointFont(16));
        painter.drawText(QRectF(mm(kLeftMm), mm(225), body.width(), mm(14)),
                         Qt::AlignHCenter | Qt::AlignVCenter, c.options.issuer);
        painter.setFont(pointFont(14));
        painter.drawText(QRectF(mm(kLeftMm), mm(240), body.width(), mm(12)),
                         Qt::AlignHCenter | Qt::AlignVCenter, formatDate(c.asOf));
    }

    const QString headerLeft = c.options.title;
    const QString headerRight = c.options.marking.isEmpty()
                                    ? tr("As of %1").arg(formatDate(c.asOf))
                                    : tr("%1 · as of %2").arg(c.options.marking, formatDate(c.asOf));
    // Each body page: running header and rule, and the page number in the style of official
    // documents (— 1 —).
    ReportPageFlow flow(body, [&](int bodyPage) {
        writer.newPage();
        reportpage::paintFurniture(painter, family, body, page.height(), headerLeft, headerRight, bodyPage);
    });

    // Progress: by rows of the tables and by runs of text, which cost about as much as 20 rows.
    qint64 work = 0, worked = 0;
    for (const BodyPart &part : parts)
        work += part.table ? part.table->rows.size() : 20;
    auto advance = [&](qint64 units) {
        worked += units;
        if (progress)
            progress(int(5 + 90 * worked / std::max<qint64>(1, work)));
    };

    ReportTablePainter tables(painter, &writer, family);
    const QString head = htmlHead();
    QFont base(family);
    base.setPointSizeF(11);
    for (const BodyPart &part : parts) {
        if (part.table) {
            qint64 reported = 0;
            tables.paint(*part.table, flow, [&](int rows) {
                if (rows - reported >= 200 || rows == part.table->rows.size()) {
                    advance(rows - reported);
                    reported = rows;
                }
            });
            continue;
        }
        // A run of text: laid out by QTextDocument as one long page of the body's width, then
        // placed element by element (paragraph, heading, figure, the headline figures' table):
        // an element that does not fit in the rest of the page starts the next one, a heading
        // keeps some room below it for what it introduces, and page-break-before is honoured.
        flow.ensurePage();
        QTextDocument doc;
        doc.documentLayout()->setPaintDevice(&writer);
        doc.setDefaultFont(base);
        doc.setDocumentMargin(0);
        doc.setTextWidth(body.width());
        auto *handler = new ChartObject(m_charts->scenes, QSizeF(body.width(), body.height() * 0.92), &doc);
        doc.documentLayout()->registerHandler(QTextFormat::ImageObject, handler);
        doc.setHtml(head + part.html + QStringLiteral("</body></html>"));
        QAbstractTextDocumentLayout *layout = doc.documentLayout();
        // The top-level elements and their extents in the document. A frame (the headline
        // figures' table) reaches from the element before it to the one after it:
        // frameBoundingRect() of a table is offset by its first cell's position.
        struct Element
        {
            QRectF rect;
            bool frame = false;
            bool breakBefore = false;
            bool heading = false;
        };
        QList<Element> elements;
        for (auto it = doc.rootFrame()->begin(); !it.atEnd(); ++it) {
            Element e;
            if (QTextFrame *frame = it.currentFrame()) {
                e.frame = true;
                e.breakBefore = frame->frameFormat().pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore;
            } else {
                const QTextBlock block = it.currentBlock();
                if (block.text().isEmpty())
                    continue; // the empty block Qt keeps after a table
                e.rect = layout->blockBoundingRect(block);
                e.breakBefore = block.blockFormat().pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore;
                e.heading = block.blockFormat().headingLevel() > 0;
            }
            elements << e;
        }
        for (qsizetype i = 0; i < elements.size(); ++i) {
            if (!elements[i].frame)
                continue;
            const qreal top = i > 0 ? elements[i - 1].rect.bottom() : 0;
            const qreal bottom = i + 1 < elements.size() && !elements[i + 1].frame
                                     ? elements[i + 1].rect.top()
                                     : layout->documentSize().height();
            elements[i].rect = QRectF(0, top, body.width(), bottom - top);
        }
        qreal previousBottom = 0;
        for (const Element &e : std::as_const(elements)) {
            const QRectF &r = e.rect;
            const qreal gap = std::max<qreal>(0, r.top() - previousBottom);
            previousBottom = r.bottom();
            // A heading keeps room below it for what it introduces.
            const qreal keep = e.heading ? mm(25) : 0;
            if (flow.y() > 0 && (e.breakBefore || flow.y() + gap + r.height() + keep > body.height()))
                flow.newPage();
            const qreal y = flow.y() > 0 ? flow.y() + gap : 0;
            painter.save();
            painter.translate(body.left(), body.top() + y - r.top());
            QAbstractTextDocumentLayout::PaintContext ctx;
            ctx.clip = QRectF(-mm(0.5), r.top(), body.width() + mm(1), r.height());
            ctx.palette.setColor(QPalette::Text, Qt::black);
            painter.setClipRect(ctx.clip);
            handler->setClip(ctx.clip);
            layout->draw(&painter, ctx);
            painter.restore();
            flow.setY(y + r.height());
        }
        advance(20);
    }
    flow.ensurePage();
    const int bodyPages = flow.pages();
    timing.mark("pdf: pages");
    if (!painter.end())
        return core::SafeFile::writeError(shown, errno, tr("Cannot write %1.").arg(shown));
    timing.mark("pdf: finish file");
    m_pageCount = bodyPages + 1;
    if (!setPdfInfo(path, c.options.title, subject(),
                    QStringLiteral("Rectrack ") + QStringLiteral(RECTRACK_VERSION)))
        return core::SafeFile::writeError(shown, errno,
                                          tr("Cannot set the document properties of %1.").arg(shown));
    if (progress)
        progress(100);
    return core::okStatus();
}

core::Status ReportRenderer::writeOdtFile(const QString &path, const QString &shown, const Progress &progress)
{
    if (progress)
        progress(0);
    QTextDocument doc;
    QFont base(reportFontFamily());
    base.setPointSizeF(11);
    doc.setDefaultFont(base);
    doc.setMetaInformation(QTextDocument::DocumentTitle, m_content.options.title);
    // Charts as images, twice the scene size for a sharp print.
    for (int i = 0; i < m_charts->scenes.size(); ++i) {
        QGraphicsScene *scene = m_charts->scenes[i];
        const QSizeF size = scene->sceneRect().size();
        QImage image((size * 2).toSize(), QImage::Format_ARGB32_Premultiplied);
        image.setDotsPerMeterX(2 * 3780);
        image.setDotsPerMeterY(2 * 3780);
        image.fill(Qt::white);
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        p.setRenderHint(QPainter::TextAntialiasing);
        scene->render(&p, QRectF(QPointF(0, 0), size * 2), scene->sceneRect());
        p.end();
        doc.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("chart:%1").arg(i)), image);
        if (progress)
            progress(10 + 60 * (i + 1) / int(m_charts->scenes.size()));
    }
    doc.setHtml(html(true));
    {
        QTextDocumentWriter writer(path, "odf");
        if (!writer.write(&doc))
            return core::SafeFile::writeError(
                shown, errno,
                tr("Cannot write %1: %2")
                    .arg(shown, writer.device() ? writer.device()->errorString() : QString()));
    }
    const QString family = reportFontFamily();
    if (!rewriteOdfContent(path,
                           [&](QByteArray xml) { return withAsianFontProperties(std::move(xml), family); }))
        return core::SafeFile::writeError(shown, errno, tr("Cannot set the Chinese fonts of %1.").arg(shown));
    if (progress)
        progress(100);
    return core::okStatus();
}

bool setPdfInfo(const QString &path, const QString &title, const QString &subject, const QString &creator)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite))
        return false;
    const QByteArray data = f.readAll();
    // The last trailer: /Size, /Root and /Info, and the last startxref offset.
    const qsizetype trailerAt = data.lastIndexOf("trailer");
    const qsizetype startxrefAt = data.lastIndexOf("startxref");
    if (trailerAt < 0 || startxrefAt < 0)
        return false;
    const QString trailer = QString::fromLatin1(data.mid(trailerAt, startxrefAt - trailerAt));
    const auto size = QRegularExpression(QStringLiteral("/Size\\s+(\\d+)")).match(trailer);
    const auto root = QRegularExpression(QStringLiteral("/Root\\s+(\\d+\\s+\\d+\\s+R)")).match(trailer);
    const auto prev = QRegularExpression(QStringLiteral("startxref\\s+(\\d+)"))
                          .match(QString::fromLatin1(data.mid(startxrefAt)));
    if (!size.hasMatch() || !root.hasMatch() || !prev.hasMatch())
        return false;
    const int objNo = size.captured(1).toInt();
    QByteArray update = data.endsWith('\n') ? QByteArray() : QByteArray("\n");
    const qint64 objOffset = data.size() + update.size();
    update += QByteArray::number(objNo) + " 0 obj\n<<\n/Title " + pdfHexString(title) + "\n/Subject " +
              pdfHexString(subject) + "\n/Creator " + pdfHexString(creator) + "\n/Producer " +
              pdfHexString(QStringLiteral("Rectrack (Qt ") + QString::fromLatin1(qVersion()) + u')') +
              "\n/CreationDate (D:" +
              QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1() +
              "Z)\n>>\nendobj\n";
    const qint64 xrefOffset = data.size() + update.size();
    update += "xref\n" + QByteArray::number(objNo) + " 1\n" +
              QByteArray::number(objOffset).rightJustified(10, '0') + " 00000 n \n";
    update += "trailer\n<<\n/Size " + QByteArray::number(objNo + 1) + "\n/Root " +
              root.captured(1).toLatin1() + "\n/Info " + QByteArray::number(objNo) + " 0 R\n/Prev " +
              prev.captured(1).toLatin1() + "\n>>\nstartxref\n" + QByteArray::number(xrefOffset) +
              "\n%%EOF\n";
    f.seek(data.size());
    return f.write(update) == update.size() && f.flush();
}

} // namespace rectrack::ui

#include "reportrenderer.moc"
