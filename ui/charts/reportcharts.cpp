#include "reportcharts.h"

#include "workflow/registerlevel.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QDateTimeAxis>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPieSeries>
#include <QPieSlice>
#include <QValueAxis>

#include <algorithm>

namespace rectrack::ui {

namespace {

using core::ReportContent;
using core::Statistics;

constexpr double kWidth = 720.0; ///< scene width every chart is laid out for
const char *const kSizeProperty = "rectrackPreferredSize";

QString family(const ChartStyle &s)
{
    return s.fontFamily.isEmpty() ? reportFontFamily() : s.fontFamily;
}

QFont font(const ChartStyle &s, double scale = 1.0, bool bold = false)
{
    return reportPixelFont(int(s.pixelSize * scale + 0.5), bold, family(s));
}

/// A chart with the report's look: white, no drop shadow, title font and legend styled.
QChart *newChart(const ChartStyle &s, const QString &title, double height)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setTitleFont(font(s, 1.2, true));
    chart->setTitleBrush(s.text);
    chart->setBackgroundRoundness(0);
    chart->setDropShadowEnabled(false);
    chart->setBackgroundBrush(Qt::white);
    chart->setMargins(QMargins(8, 8, 8, 8));
    chart->setAnimationOptions(s.animated ? QChart::SeriesAnimations : QChart::NoAnimation);
    chart->legend()->setFont(font(s));
    chart->legend()->setLabelColor(s.text);
    chart->setProperty(kSizeProperty, QSizeF(kWidth, height));
    chart->resize(kWidth, height);
    return chart;
}

void styleAxis(QAbstractAxis *axis, const ChartStyle &s)
{
    axis->setLabelsFont(font(s));
    axis->setLabelsColor(s.text);
    axis->setTitleFont(font(s));
    axis->setTruncateLabels(false);
    axis->setGridLineColor(QColor(0xdd, 0xdd, 0xdd));
}

/// Percentage axis 0–100 with ticks every 20 (the bar labels sit past the bars' ends).
/// Adds @p series (bars of counts, each labelled with its value above it) to @p chart, over a
/// category axis of @p labels and a count axis from 0 with room above @p maxValue.
void addCountSeries(QChart *chart, QBarSeries *series, const QStringList &labels, qint64 maxValue,
                    const ChartStyle &style)
{
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsFormat(QStringLiteral("@value"));
    series->setLabelsPrecision(10);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(labels);
    styleAxis(x, style);
    x->setGridLineVisible(false);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QValueAxis;
    y->setRange(0, double(maxValue) * 1.15 + 1);
    y->setLabelFormat(QStringLiteral("%d"));
    y->applyNiceNumbers();
    styleAxis(y, style);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
}

QValueAxis *percentAxis(const ChartStyle &s)
{
    auto *axis = new QValueAxis;
    axis->setRange(0, 100);
    axis->setTickCount(6);
    axis->setLabelFormat(QStringLiteral("%.0f%%"));
    styleAxis(axis, s);
    return axis;
}

/// A name broken into lines of at most @p perLine characters, for labels under vertical bars.
QString wrapped(const QString &name, int perLine)
{
    if (name.size() <= perLine)
        return name;
    QStringList lines;
    if (name.contains(u' ')) { // words: break between them
        QString line;
        for (const QString &word : name.split(u' ', Qt::SkipEmptyParts)) {
            if (!line.isEmpty() && line.size() + 1 + word.size() > perLine) {
                lines << line;
                line.clear();
            }
            line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
        }
        lines << line;
    } else { // Chinese: any character boundary
        for (int i = 0; i < name.size(); i += perLine)
            lines << name.mid(i, perLine);
    }
    return lines.join(u'\n');
}

/// Qt Charts draws no label on a bar of value 0: name its rate on the axis instead.
QString withZeroRate(const QString &name, double rate)
{
    return rate > 0.0 ? name : ReportCharts::tr("%1 (0%)").arg(name);
}

double percent(const core::Counts &c)
{
    return c.completionRate() * 100.0;
}

/// Bars of completion rates labelled with the rate as the report writes it (98.71%, 100%).
QBarSet *rateSet(const ChartStyle &s, const QString &name, const QList<double> &rates)
{
    auto *set = new QBarSet(name);
    set->setColor(s.primary);
    set->setBorderColor(s.primary);
    set->setLabelFont(font(s, 0.95));
    set->setLabelColor(s.text);
    for (double r : rates)
        set->append(r);
    return set;
}

void labelBars(QAbstractBarSeries *series)
{
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsFormat(QStringLiteral("@value%"));
    series->setLabelsPrecision(4);
}

/// Vertical completion-rate bars over named groups.
QChart *verticalRateChart(const ChartStyle &s, const QString &title, const QStringList &names,
                          const QList<double> &rates)
{
    auto *chart = newChart(s, title, 360);
    auto *series = new QBarSeries;
    series->append(rateSet(s, ReportCharts::tr("Completion rate"), rates));
    series->setBarWidth(names.size() <= 2 ? 0.4 : 0.6);
    labelBars(series);
    chart->addSeries(series);
    // Wrap long names so that every label fits under its bar.
    const int perBar = names.isEmpty() ? 8 : int((kWidth - 80) / names.size() / (s.pixelSize + 1));
    QStringList labels;
    for (qsizetype i = 0; i < names.size(); ++i)
        labels << wrapped(withZeroRate(names[i], rates[i]), std::max(2, perBar));
    auto *x = new QBarCategoryAxis;
    x->append(labels);
    styleAxis(x, s);
    x->setGridLineVisible(false);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = percentAxis(s);
    y->setMax(110); // headroom for the label of a 100% bar
    y->setTickType(QValueAxis::TicksDynamic);
    y->setTickAnchor(0);
    y->setTickInterval(20);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    chart->legend()->setVisible(false);
    return chart;
}

/// Horizontal completion-rate bars, @p names from top to bottom, names in full on the left.
QChart *horizontalRateChart(const ChartStyle &s, const QString &title, const QStringList &names,
                            const QList<double> &rates)
{
    const double barPitch = s.pixelSize * 1.9;
    auto *chart = newChart(s, title, std::max(200.0, 110 + barPitch * double(names.size())));
    auto *series = new QHorizontalBarSeries;
    // Horizontal bars run bottom-up: append in reverse so that the first name is on top.
    QStringList reversedNames;
    QList<double> reversedRates;
    for (qsizetype i = names.size() - 1; i >= 0; --i) {
        reversedNames << withZeroRate(names[i], rates[i]);
        reversedRates << rates[i];
    }
    series->append(rateSet(s, ReportCharts::tr("Completion rate"), reversedRates));
    series->setBarWidth(0.7);
    labelBars(series);
    chart->addSeries(series);
    auto *y = new QBarCategoryAxis;
    y->append(reversedNames);
    styleAxis(y, s);
    y->setGridLineVisible(false);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    auto *x = percentAxis(s);
    x->setMax(115);
    x->setTickType(QValueAxis::TicksDynamic);
    x->setTickAnchor(0);
    x->setTickInterval(20);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    chart->legend()->setVisible(false);
    return chart;
}

} // namespace

QString reportFontFamily()
{
    static const QString cached = [] {
        const QStringList candidates{QStringLiteral("WenQuanYi Micro Hei"), QStringLiteral("文泉驿微米黑"),
                                     QStringLiteral("文泉驛微米黑")};
        for (const QString &c : candidates) {
            if (QFontDatabase::hasFamily(c))
                return c;
        }
        for (const QString &f : QFontDatabase::families()) {
            if ((f.contains(QLatin1String("Micro Hei")) || f.contains(QStringLiteral("微米黑"))) &&
                !f.contains(QLatin1String("Mono")) && !f.contains(QStringLiteral("等宽")))
                return f;
        }
        return QGuiApplication::font().family();
    }();
    return cached;
}

QFont reportPixelFont(int pixelSize, bool bold, const QString &familyName)
{
    QFont f(familyName.isEmpty() ? reportFontFamily() : familyName);
    f.setPixelSize(std::max(1, pixelSize));
    f.setBold(bold);
    f.setStyleStrategy(QFont::PreferOutline);
    return f;
}

QString ReportCharts::sourceName(core::SourceLevel level)
{
    switch (level) {
    case core::SourceLevel::Central:
        return tr("Central inspection");
    case core::SourceLevel::Provincial:
        return tr("Provincial inspection");
    case core::SourceLevel::Municipal:
        return tr("Municipal inspection");
    case core::SourceLevel::District:
        return tr("District inspection");
    }
    return {};
}

QString ReportCharts::sourceKeyName(const QString &key)
{
    for (auto level : core::sourceLevelOrder) {
        if (key == core::Names::display(level) || key == core::Names::key(level))
            return sourceName(level);
    }
    return key;
}

QString ReportCharts::stateName(core::ProblemState state)
{
    return core::Names::display(state); // one table of names, in core
}

QString ReportCharts::ageingLabel(const core::AgeingBucket &b)
{
    if (b.toDays < 0)
        return tr("over %1 days").arg(b.fromDays - 1);
    return tr("%1–%2 days").arg(b.fromDays).arg(b.toDays);
}

QSizeF ReportCharts::preferredChartSize(const QChart *chart)
{
    const QVariant v = chart ? chart->property(kSizeProperty) : QVariant();
    return v.isValid() ? v.toSizeF() : QSizeF(kWidth, 360);
}

QChart *ReportCharts::completionByRound(const ReportContent &content, const ChartStyle &style)
{
    QStringList names;
    QList<double> rates;
    for (const core::GroupCounts &g : content.byRound) {
        names << g.key;
        rates << percent(g.counts);
    }
    if (names.size() > 6)
        return horizontalRateChart(style, tr("Completion rate by round"), names, rates);
    return verticalRateChart(style, tr("Completion rate by round"), names, rates);
}

QChart *ReportCharts::completionBySource(const ReportContent &content, const ChartStyle &style)
{
    QStringList names;
    QList<double> rates;
    for (const core::GroupCounts &g : content.bySource) {
        names << tr("%1 (%2)").arg(sourceKeyName(g.key)).arg(g.counts.problems);
        rates << percent(g.counts);
    }
    return verticalRateChart(style, tr("Completion rate by source of the problems"), names, rates);
}

QChart *ReportCharts::comparisonBySite(const ReportContent &content, const ChartStyle &style)
{
    auto *chart = newChart(style, tr("Problems by inspection office"), 340);
    auto *problems = new QBarSet(tr("Problems"));
    auto *done = new QBarSet(tr("Done"));
    auto *closed = new QBarSet(tr("Closed out"));
    const QList<QColor> colours{QColor(0x9a, 0xb8, 0xdc), style.primary, QColor(0x2e, 0x8b, 0x57)};
    QStringList labels;
    qint64 maxValue = 1;
    const int perBar =
        content.bySite.isEmpty() ? 8 : int((kWidth - 80) / content.bySite.size() / (style.pixelSize + 1));
    for (const core::GroupCounts &g : content.bySite) {
        problems->append(double(g.counts.problems));
        done->append(double(g.counts.done()));
        closed->append(double(g.counts.closedOut));
        maxValue = std::max(maxValue, g.counts.problems);
        labels << wrapped(g.key, std::max(2, perBar)) + u'\n' +
                      tr("completion %1")
                          .arg(g.counts.problems > 0 ? Statistics::formatPercent(g.counts.completionRate())
                                                     : QStringLiteral("—"));
    }
    auto *series = new QBarSeries;
    int i = 0;
    for (QBarSet *set : {problems, done, closed}) {
        set->setColor(colours.at(i));
        set->setBorderColor(colours.at(i++));
        set->setLabelFont(font(style, 0.95));
        set->setLabelColor(style.text);
        series->append(set);
    }
    series->setBarWidth(0.7);
    addCountSeries(chart, series, labels, maxValue, style);
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

QChart *ReportCharts::completionByUnit(const ReportContent &content, int maxUnits, const ChartStyle &style)
{
    QList<const core::UnitReportRow *> rows;
    for (const core::UnitReportRow &r : content.units) {
        if (r.counts.problems > 0)
            rows << &r;
    }
    // Lowest rate first; among equal rates, more unfinished problems first.
    std::stable_sort(rows.begin(), rows.end(),
                     [](const core::UnitReportRow *a, const core::UnitReportRow *b) {
                         if (a->counts.completionRate() != b->counts.completionRate())
                             return a->counts.completionRate() < b->counts.completionRate();
                         return a->counts.problems - a->counts.done() > b->counts.problems - b->counts.done();
                     });
    // Many units: the ones not yet at 100% are those a meeting discusses.
    QString title = tr("Completion rate by unit");
    if (maxUnits > 0 && rows.size() > maxUnits) {
        qsizetype unfinished = 0;
        while (unfinished < rows.size() && rows[unfinished]->counts.completionRate() < 1.0)
            ++unfinished;
        if (unfinished > 0 && unfinished <= maxUnits) {
            const qsizetype withProblems = rows.size();
            rows = rows.mid(0, unfinished);
            title = tr("Completion rate of the %1 units below 100% (of %2 units with problems)")
                        .arg(unfinished)
                        .arg(withProblems);
        } else {
            rows = rows.mid(0, maxUnits);
            title = tr("Completion rate of the %1 units with the lowest rates").arg(maxUnits);
        }
    }
    QStringList names;
    QList<double> rates;
    for (const core::UnitReportRow *r : std::as_const(rows)) {
        names << r->unit;
        rates << percent(r->counts);
    }
    return horizontalRateChart(style, title, names, rates);
}

QChart *ReportCharts::statusDistribution(const ReportContent &content, const ChartStyle &style)
{
    auto *chart = newChart(style, tr("Problems by state"), 340);
    auto *series = new QPieSeries;
    series->setHoleSize(0.45);
    series->setPieSize(0.78);
    const core::Counts &c = content.total;
    const struct
    {
        QString name;
        qint64 n;
        QColor colour;
    } slices[] = {
        // The open states (in progress, not started) are often the small slices of a large
        // register (8% and 2% at 100,000 problems): side by side their labels printed over each
        // other, so each follows a larger slice.
        {stateName(core::ProblemState::ClosedOut), c.closedOut, style.primary},
        {stateName(core::ProblemState::InProgress), c.inProgress, QColor(0x9a, 0xa8, 0xb8)},
        {stateName(core::ProblemState::Completed), c.completed, QColor(0x5d, 0x9c, 0xd8)},
        {stateName(core::ProblemState::Registered), c.registered, QColor(0x5b, 0x5b, 0x5b)},
        {stateName(core::ProblemState::LongTerm), c.longTerm, QColor(0xe0, 0xa4, 0x32)},
    };
    for (const auto &sl : slices) {
        if (sl.n <= 0)
            continue;
        const double share = c.problems ? double(sl.n) / double(c.problems) : 0.0;
        auto *slice = series->append(
            tr("%1: %2 (%3)").arg(sl.name).arg(sl.n).arg(Statistics::formatPercent(share)), double(sl.n));
        slice->setColor(sl.colour);
        slice->setBorderColor(Qt::white);
        slice->setLabelFont(font(style));
        slice->setLabelColor(style.text);
        slice->setLabelPosition(QPieSlice::LabelOutside);
        slice->setLabelArmLengthFactor(0.12);
        slice->setLabelVisible(true);
    }
    // The labels stand beside the ring, left or right by the middle of their slice (the slices
    // run clockwise from 12 o'clock): the ring is kept small enough, and moved a little towards
    // the side of the shorter labels, that the longest label of each side fits (at a dashboard
    // chart's narrowest, 560 pixels, 已销号 over 40% sat on the right and was cut off).
    double leftEms = 0, rightEms = 0, at = 0;
    const double total = series->sum();
    for (const QPieSlice *slice : series->slices()) {
        const double middle = total > 0 ? (at + slice->value() / 2) / total : 0;
        at += slice->value();
        double ems = 0;
        for (const QChar ch : slice->label())
            ems += ch.unicode() >= 0x2E80 ? 1.0 : 0.55;
        (middle < 0.5 ? rightEms : leftEms) = std::max(middle < 0.5 ? rightEms : leftEms, ems);
    }
    series->setPieSize(0.5);
    series->setHoleSize(0.4);
    series->setHorizontalPosition(
        leftEms + rightEms > 0
            ? std::clamp(0.5 + 0.1 * (leftEms - rightEms) / (leftEms + rightEms), 0.42, 0.58)
            : 0.5);
    chart->addSeries(series);
    // Labels beside the slices say everything; a legend would be truncated at print width.
    chart->legend()->setVisible(false);
    return chart;
}

QChart *ReportCharts::cumulativeCompletion(const ReportContent &content, const ChartStyle &style)
{
    auto *chart = newChart(style, tr("Problems registered and done, cumulative"), 340);
    auto *registered = new QLineSeries;
    registered->setName(tr("Registered"));
    auto *done = new QLineSeries;
    done->setName(tr("Done (completed and closed out)"));
    qint64 maxValue = 1;
    for (const core::CumulativePoint &p : content.cumulative) {
        const double x = double(p.date.startOfDay().toMSecsSinceEpoch());
        registered->append(x, double(p.registered));
        done->append(x, double(p.done));
        maxValue = std::max(maxValue, p.registered);
    }
    QPen pr(style.secondary);
    pr.setWidthF(2.5);
    registered->setPen(pr);
    QPen pd(style.primary);
    pd.setWidthF(2.5);
    done->setPen(pd);
    chart->addSeries(registered);
    chart->addSeries(done);
    auto *x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("yyyy-MM"));
    const int points = int(content.cumulative.size());
    x->setTickCount(std::clamp(points, 2, 7));
    if (points >= 1) {
        QDateTime first = content.cumulative.first().date.startOfDay();
        QDateTime last = content.cumulative.last().date.startOfDay();
        if (first == last)
            first = first.addMonths(-1);
        x->setRange(first, last);
    }
    styleAxis(x, style);
    chart->addAxis(x, Qt::AlignBottom);
    registered->attachAxis(x);
    done->attachAxis(x);
    auto *y = new QValueAxis;
    y->setRange(0, double(maxValue));
    y->setLabelFormat(QStringLiteral("%d"));
    y->applyNiceNumbers();
    styleAxis(y, style);
    chart->addAxis(y, Qt::AlignLeft);
    registered->attachAxis(y);
    done->attachAxis(y);
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

QChart *ReportCharts::overdueAgeing(const ReportContent &content, const ChartStyle &style)
{
    auto *chart = newChart(style, tr("Overdue problems by days past the deadline"), 300);
    auto *set = new QBarSet(tr("Overdue problems"));
    set->setColor(style.alert);
    set->setBorderColor(style.alert);
    set->setLabelFont(font(style, 0.95));
    set->setLabelColor(style.text);
    QStringList labels;
    qint64 maxValue = 1;
    for (const core::AgeingBucket &b : content.ageing) {
        labels << ageingLabel(b);
        set->append(double(b.count));
        maxValue = std::max(maxValue, b.count);
    }
    auto *series = new QBarSeries;
    series->append(set);
    series->setBarWidth(0.5);
    addCountSeries(chart, series, labels, maxValue, style);
    chart->legend()->setVisible(false);
    return chart;
}

} // namespace rectrack::ui
