#pragma once

/**
 * Chart builders shared by the committee report and the dashboard (Qt Charts, Qt 6 API).
 *
 * Each builder turns report content (core::ReportContent) into a new QChart that the caller
 * owns: put it in a QChartView for the screen, or in a QGraphicsScene and render the scene into
 * a QPainter for a vector PDF (ReportRenderer does this). Every text item gets the style's font
 * explicitly, sized in pixels, so that a chart laid out offscreen keeps its proportions when the
 * scene is scaled into a page, and so that the PDF embeds a font that round-trips in pdftotext
 * (WenQuanYi Micro Hei; Noto CJK writes Kangxi radicals for 至/月/日, DESIGN.md §10).
 *
 * Each chart carries its preferred size in scene pixels (preferredChartSize): bar charts over
 * units grow in height with the number of units so that no name is cut; long names are shown in
 * full on horizontal bars and wrapped where they sit under vertical bars.
 */

#include "report/reportcontent.h"

#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QSizeF>

class QChart;

namespace rectrack::ui {

/// Fonts and colours of the charts. The defaults suit print and screen alike.
struct ChartStyle
{
    QString fontFamily;                 ///< empty = reportFontFamily()
    int pixelSize = 13;                 ///< base text size in scene pixels (titles are larger, ticks equal)
    QColor primary{0x1f, 0x5f, 0xa8};   ///< done / completion bars
    QColor secondary{0x9a, 0xa8, 0xb8}; ///< registered / totals
    QColor alert{0xc0, 0x39, 0x2b};     ///< overdue
    QColor text{0x20, 0x20, 0x20};
    bool animated = false; ///< animations for the dashboard; never for print
};

/// Builders of the report's charts. Every function returns a new chart owned by the caller.
class ReportCharts
{
    Q_DECLARE_TR_FUNCTIONS(ReportCharts)
public:
    /// Completion rate (%) per round/batch in time order, each bar labelled with its rate.
    static QChart *completionByRound(const core::ReportContent &content, const ChartStyle &style = {});

    /**
     * Completion rate (%) per unit as horizontal bars, lowest rate at the top, full unit names on
     * the category axis. Only units with problems are drawn; when more than @p maxUnits have
     * problems, the @p maxUnits with the lowest rates are shown and the title says so.
     */
    static QChart *completionByUnit(const core::ReportContent &content, int maxUnits = 30,
                                    const ChartStyle &style = {});

    /// Completion rate (%) per source level (中央巡视, 省委巡视, 市委巡察, 区县委巡察).
    static QChart *completionBySource(const core::ReportContent &content, const ChartStyle &style = {});

    /**
     * The city's comparison of its districts (issue #26): per owning office of content.bySite
     * (this register's first), three bars (problems, done, closed out) labelled with their counts,
     * the office's completion rate under its name. An empty chart when bySite is empty.
     */
    static QChart *comparisonBySite(const core::ReportContent &content, const ChartStyle &style = {});

    /// Problems by state as a donut: closed out, completed, long-term, in progress, registered.
    static QChart *statusDistribution(const core::ReportContent &content, const ChartStyle &style = {});

    /// Cumulative problems registered and done, month by month up to the as-of date (lines).
    static QChart *cumulativeCompletion(const core::ReportContent &content, const ChartStyle &style = {});

    /// Overdue problems by days late: 0–30, 31–90, 91–180, more than 180.
    static QChart *overdueAgeing(const core::ReportContent &content, const ChartStyle &style = {});

    /// The size (scene pixels) a builder laid its chart out for; render at this size and scale.
    static QSizeF preferredChartSize(const QChart *chart);

    /// Display name of a source level for the report (中央巡视 …), independent of core's catalogue.
    static QString sourceName(core::SourceLevel level);
    /// The source group's display key turned into the report's name (keys come from Names::display).
    static QString sourceKeyName(const QString &key);
    /// Display name of a problem state for the report (已销号, 已完成待销号, 长期坚持, 整改中, 未启动).
    static QString stateName(core::ProblemState state);
    /// Label of an ageing bucket: "0–30 days", "more than 180 days".
    static QString ageingLabel(const core::AgeingBucket &bucket);
};

/**
 * The font family of reports and charts: WenQuanYi Micro Hei, looked up with
 * QFontDatabase::hasFamily under its Latin and its localised names (文泉驿微米黑 under zh_CN),
 * else the application's default family. The result is cached.
 */
QString reportFontFamily();

/// A font of @p family (empty = reportFontFamily()) sized in pixels.
QFont reportPixelFont(int pixelSize, bool bold = false, const QString &family = {});

} // namespace rectrack::ui
