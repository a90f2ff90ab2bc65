#include "dashboardview.h"

#include "workerlocation.h"

#include "charts/reportcharts.h"
#include "exchange/unitduplicates.h"
#include "models/labels.h"
#include "models/ledgermodel.h"
#include "stats/statistics.h"
#include "workflow/registerlevel.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QClipboard>
#include <QDateEdit>
#include <QFileDialog>
#include <QGraphicsScene>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QLegend>
#include <QMessageBox>
#include <QPageSize>
#include <QPainter>
#include <QPieSeries>
#include <QPieSlice>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QTextDocument>
#include <QThread>
#include <QToolButton>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace rectrack::ui {

namespace {

using core::ProblemState;
using core::WarningLight;

/// Figures computed in the worker thread on its own connection to @p path.
DashboardData compute(const QString &path, const core::ReportOptions &options, const core::LedgerFilter &base,
                      const core::WarningThresholds &thresholds)
{
    DashboardData out;
    auto db = core::Database::open(path, core::Database::OpenMode::Existing);
    if (!db) {
        out.error = db.error().message;
        return out;
    }
    auto content = core::ReportBuilder::build(**db, options);
    if (!content) {
        out.error = content.error().message;
        return out;
    }
    out.content = std::move(content).value();
    core::LedgerQuery query(**db);
    // At a past date the lights of the problems as they stood then (MainWindow::historical).
    const core::LedgerContext context{options.asOf, thresholds, options.asOf < (*db)->defaultAsOf()};
    for (auto [light, target] :
         {std::pair{WarningLight::Red, &out.red}, std::pair{WarningLight::Yellow, &out.yellow},
          std::pair{WarningLight::Green, &out.green}}) {
        core::LedgerFilter f = base;
        f.light = light;
        auto ids = query.ids(core::Ledger::Problems, f, context);
        *target = ids ? ids->size() : 0;
    }
    return out;
}

/// Categories of the chart's bar category axis, whitespace removed (labels under bars are wrapped).
QStringList categories(QChart *chart)
{
    QStringList out;
    for (QAbstractAxis *axis : chart->axes()) {
        if (auto *c = qobject_cast<QBarCategoryAxis *>(axis)) {
            for (QString s : c->categories())
                out << s.remove(QRegularExpression(QStringLiteral("\\s")));
        }
    }
    return out;
}

QString squeezed(QString s)
{
    return s.remove(QRegularExpression(QStringLiteral("\\s")));
}

/// The first bar set of the chart's first bar series.
QBarSet *firstBarSet(QChart *chart)
{
    for (QAbstractSeries *s : chart->series()) {
        if (auto *bars = qobject_cast<QAbstractBarSeries *>(s); bars && bars->count() > 0)
            return bars->barSets().first();
    }
    return nullptr;
}

/// A signed difference: +12, −3, ±0.
QString signedCount(qint64 d)
{
    if (d == 0)
        return QStringLiteral("±0");
    return d > 0 ? QStringLiteral("+%1").arg(d) : QStringLiteral("−%1").arg(-d);
}

/// A signed difference of two fractions in percentage points, up to two decimals: +3.4, −0.25.
QString signedPoints(double d)
{
    const double points = std::round(d * 10000.0) / 100.0;
    if (points == 0.0)
        return QStringLiteral("±0");
    QString s = QString::number(std::abs(points), 'f', 2);
    while (s.endsWith(u'0'))
        s.chop(1);
    if (s.endsWith(u'.'))
        s.chop(1);
    return (points > 0 ? QStringLiteral("+") : QStringLiteral("−")) + s;
}

} // namespace

// ---------------------------------------------------------------------------------------------

ChartCard::ChartCard(QWidget *parent) : QFrame(parent)
{
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(QStringLiteral("rectrack--ui--ChartCard { background: white; }"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(2);
    auto *tools = new QHBoxLayout;
    tools->addStretch(1);
    auto *copy = new QToolButton(this);
    copy->setText(tr("Copy"));
    copy->setToolTip(tr("Copy the chart to the clipboard as an image"));
    copy->setAutoRaise(true);
    connect(copy, &QToolButton::clicked, this, &ChartCard::copyToClipboard);
    auto *save = new QToolButton(this);
    save->setText(tr("Save PNG…"));
    save->setToolTip(tr("Save the chart as a PNG image"));
    save->setAutoRaise(true);
    connect(save, &QToolButton::clicked, this, &ChartCard::saveDialog);
    tools->addWidget(copy);
    tools->addWidget(save);
    layout->addLayout(tools);
    m_view = new QChartView(this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setFrameShape(QFrame::NoFrame);
    layout->addWidget(m_view, 1);
}

void ChartCard::setChart(QChart *chart)
{
    QChart *old = m_view->chart();
    m_view->setChart(chart);
    delete old;
    const QSizeF preferred = ReportCharts::preferredChartSize(chart);
    m_view->setMinimumHeight(int(std::min(preferred.height(), 900.0)));
}

QChart *ChartCard::chart() const
{
    return m_view->chart();
}

QImage ChartCard::image() const
{
    return m_view->grab().toImage();
}

void ChartCard::copyToClipboard()
{
    QApplication::clipboard()->setImage(image());
}

bool ChartCard::savePng(const QString &path) const
{
    return image().save(path, "PNG");
}

void ChartCard::saveDialog()
{
    QString path = QFileDialog::getSaveFileName(
        this, tr("Save chart"), chart() ? chart()->title() : QString(), tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive))
        path += QStringLiteral(".png");
    if (!savePng(path))
        QMessageBox::warning(this, tr("Save chart"), tr("Cannot write %1.").arg(path));
}

// ---------------------------------------------------------------------------------------------

DashboardView::DashboardView(QWidget *parent) : QWidget(parent)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);

    // Top bar: scope, compare-with date, busy indicator.
    auto *bar = new QWidget(this);
    auto *bl = new QHBoxLayout(bar);
    bl->setContentsMargins(8, 6, 8, 6);
    m_scopeLabel = new QLabel(bar);
    m_scopeLabel->setTextFormat(Qt::PlainText);
    QFont bold = m_scopeLabel->font();
    bold.setBold(true);
    m_scopeLabel->setFont(bold);
    bl->addWidget(m_scopeLabel);
    bl->addStretch(1);
    m_busyLabel = new QLabel(tr("Computing…"), bar);
    m_progress = new QProgressBar(bar);
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(120);
    m_busyLabel->hide();
    m_progress->hide();
    bl->addWidget(m_busyLabel);
    bl->addWidget(m_progress);
    m_compare = new QCheckBox(tr("Change since"), bar);
    m_compare->setToolTip(tr("Show the change since this date (the last meeting)"));
    m_compare->setChecked(true);
    m_sinceEdit = new QDateEdit(bar);
    m_sinceEdit->setCalendarPopup(true);
    m_sinceEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    bl->addWidget(m_compare);
    bl->addWidget(m_sinceEdit);
    auto *printButton = new QPushButton(tr("Print…"), bar);
    printButton->setToolTip(tr("Print the whole dashboard (preview first)"));
    bl->addWidget(printButton);
    connect(printButton, &QPushButton::clicked, this, &DashboardView::printPreview);
    outer->addWidget(bar);
    connect(m_compare, &QCheckBox::toggled, this, [this](bool on) {
        m_sinceEdit->setEnabled(on);
        if (m_last)
            start(*m_last);
    });
    connect(m_sinceEdit, &QDateEdit::dateChanged, this, [this] {
        if (m_last && m_compare->isChecked())
            start(*m_last);
    });

    // Scrolling content: the note, the headline figures and the charts.
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    auto *cl = new QVBoxLayout(content);
    cl->setContentsMargins(8, 0, 8, 8);
    m_note = new QLabel(content);
    m_note->setObjectName(QStringLiteral("dashboardNote"));
    m_note->setWordWrap(true);
    m_note->setStyleSheet(QStringLiteral("color: #8a5a00;"));
    m_note->hide();
    cl->addWidget(m_note);

    m_figureGrid = new QGridLayout;
    m_figureGrid->setSpacing(6);
    for (int i = 0; i < 7; ++i) {
        auto *label = new QLabel(content);
        label->setTextFormat(Qt::RichText);
        label->setAlignment(Qt::AlignCenter);
        label->setFrameShape(QFrame::StyledPanel);
        label->setStyleSheet(QStringLiteral("QLabel { background: white; padding: 4px; }"));
        label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Minimum);
        m_figures << label;
    }
    cl->addLayout(m_figureGrid);

    m_chartArea = new QWidget(content);
    m_grid = new QGridLayout(m_chartArea);
    m_grid->setContentsMargins(0, 6, 0, 0);
    m_grid->setSpacing(8);
    for (Chart c : {Chart::ByRound, Chart::BySource, Chart::Status, Chart::Lights, Chart::Cumulative,
                    Chart::Ageing, Chart::ByUnit, Chart::BySite}) {
        auto *card = new ChartCard(m_chartArea);
        m_cards.insert(c, card);
    }
    m_cards[Chart::BySite]->hide(); // until figures show other sites' rows
    cl->addWidget(m_chartArea);
    cl->addStretch(1);
    scroll->setWidget(content);
    outer->addWidget(scroll, 1);
    relayout();
}

DashboardView::~DashboardView()
{
    m_pending.reset();
    if (m_thread) {
        m_thread->disconnect(this);
        m_thread->wait();
        delete m_thread;
    }
}

void DashboardView::setDatabase(core::Database *db)
{
    m_db = db;
    m_last.reset();
    m_pending.reset();
}

QDate DashboardView::since() const
{
    return m_compare->isChecked() ? m_sinceEdit->date() : QDate();
}

void DashboardView::setSince(const QDate &date)
{
    {
        const QSignalBlocker b1(m_compare);
        const QSignalBlocker b2(m_sinceEdit);
        m_compare->setChecked(date.isValid());
        m_sinceEdit->setEnabled(date.isValid());
        if (date.isValid())
            m_sinceEdit->setDate(date);
    }
    if (m_last)
        start(*m_last);
}

bool DashboardView::isBusy() const
{
    return m_thread != nullptr;
}

QChart *DashboardView::chart(Chart which) const
{
    ChartCard *c = m_cards.value(which);
    return c ? c->chart() : nullptr;
}

qint64 DashboardView::unitId(const QString &name) const
{
    return m_db ? m_db->scalar(QStringLiteral("SELECT id FROM units WHERE name = ?"), {name}).toLongLong()
                : 0;
}

qint64 DashboardView::roundId(const QString &label) const
{
    return m_db ? m_db->scalar(QStringLiteral("SELECT id FROM rounds WHERE label = ?"), {label}).toLongLong()
                : 0;
}

void DashboardView::refresh(const core::LedgerFilter &scope, const QDate &asOf,
                            const core::WarningThresholds &thresholds)
{
    if (!m_db || !asOf.isValid())
        return;
    Request r;
    r.path = workerLocation(*m_db);
    r.thresholds = thresholds;
    r.options.asOf = asOf;
    // The statistics know a unit, a round and a source level; an inspection is its unit and round.
    core::LedgerFilter base;
    QStringList ignored;
    qint64 unit = scope.unitId;
    qint64 round = scope.roundId;
    if (scope.inspectionId > 0) {
        // A read error leaves the scope at what was chosen; a damaged page is recorded by the
        // database and the statistics that follow fail with it.
        (void)m_db->forEachRow(QStringLiteral("SELECT unit_id, round_id FROM inspections WHERE id = ?"),
                               {scope.inspectionId}, [&](const core::SqlRow &row) {
                                   if (unit == 0)
                                       unit = row.integer(0);
                                   if (round == 0)
                                       round = row.integer(1);
                                   return false;
                               });
    }
    QStringList scopeNames;
    if (round > 0) {
        r.options.scope.round =
            m_db->scalar(QStringLiteral("SELECT label FROM rounds WHERE id = ?"), {round}).toString();
        base.roundId = round;
        scopeNames << r.options.scope.round;
    }
    if (unit > 0) {
        r.options.scope.unit = core::exchange::UnitDuplicates::groupName(*m_db, unit);
        base.unitId = unit;
        scopeNames << r.options.scope.unit;
    }
    if (scope.source) {
        r.options.scope.source = scope.source;
        base.source = scope.source;
        scopeNames << Labels::source(*scope.source);
    }
    if (scope.termId > 0)
        ignored << tr("term");
    if (scope.categoryId > 0)
        ignored << tr("category");
    if (!scope.office.isEmpty())
        ignored << tr("responsible office");
    if (!scope.leader.isEmpty())
        ignored << tr("lead leader");
    if (!scope.states.isEmpty())
        ignored << tr("state");
    if (scope.light)
        ignored << tr("traffic light");
    if (scope.deadlineFrom.isValid() || scope.deadlineTo.isValid())
        ignored << tr("deadline");
    if (!scope.search.trimmed().isEmpty())
        ignored << tr("search");
    r.base = base;
    m_scopeLabel->setText(
        tr("Scope: %1 · as of %2")
            .arg(scopeNames.isEmpty() ? tr("whole register") : scopeNames.join(QStringLiteral(" · ")),
                 asOf.toString(Qt::ISODate)));
    m_note->setText(ignored.isEmpty()
                        ? QString()
                        : tr("The dashboard covers the unit, round and source level of the current filter; "
                             "these filters do not apply to it: %1.")
                              .arg(ignored.join(tr(", "))));
    m_note->setVisible(!ignored.isEmpty());
    // Default comparison: one month before the as-of date (the usual interval between meetings).
    if (!m_sinceEdit->date().isValid() || m_sinceEdit->date() >= asOf || asOf != m_asOf) {
        const QSignalBlocker block(m_sinceEdit);
        m_sinceEdit->setMaximumDate(asOf.addDays(-1));
        m_sinceEdit->setDate(asOf.addMonths(-1));
    }
    m_asOf = asOf;
    m_last = r;
    start(r);
}

void DashboardView::start(const Request &request)
{
    Request r = request;
    r.options.since = since();
    if (m_thread) { // one worker at a time: the latest request waits
        m_pending = r;
        return;
    }
    m_busyLabel->show();
    m_progress->show();
    auto result = std::make_shared<DashboardData>();
    m_thread = QThread::create([result, r] { *result = compute(r.path, r.options, r.base, r.thresholds); });
    connect(m_thread, &QThread::finished, this, [this, result, r] { finished(result, r); });
    m_thread->start(QThread::LowPriority);
}

void DashboardView::finished(const std::shared_ptr<DashboardData> &data, const Request &request)
{
    m_thread->wait();
    m_thread->deleteLater();
    m_thread = nullptr;
    if (m_pending) { // a newer request came in: drop this result
        const Request next = *m_pending;
        m_pending.reset();
        start(next);
        return;
    }
    m_busyLabel->hide();
    m_progress->hide();
    m_base = request.base;
    m_thresholds = request.thresholds;
    showData(*data);
    Q_EMIT updated();
}

void DashboardView::showData(const DashboardData &data)
{
    m_data = data;
    if (!data.error.isEmpty()) {
        m_note->setText(data.error);
        m_note->show();
        return;
    }
    const core::ReportContent &c = data.content;
    ChartStyle style;
    style.pixelSize = 12;
    m_cards[Chart::ByRound]->setChart(ReportCharts::completionByRound(c, style));
    m_cards[Chart::ByUnit]->setChart(ReportCharts::completionByUnit(c, 30, style));
    m_cards[Chart::BySource]->setChart(ReportCharts::completionBySource(c, style));
    m_cards[Chart::Status]->setChart(ReportCharts::statusDistribution(c, style));
    m_cards[Chart::Cumulative]->setChart(ReportCharts::cumulativeCompletion(c, style));
    m_cards[Chart::Ageing]->setChart(ReportCharts::overdueAgeing(c, style));
    // The city's comparison of its districts, when the register holds their rows (issue #26).
    m_cards[Chart::BySite]->setChart(ReportCharts::comparisonBySite(c, style));
    m_cards[Chart::BySite]->setVisible(!c.bySite.isEmpty());

    // Traffic lights of the ledger: one bar set per light so each has its colour.
    auto *lights = new QChart;
    lights->setTitle(tr("Traffic lights on %1").arg(c.asOf.toString(Qt::ISODate)));
    lights->setTitleFont(reportPixelFont(int(style.pixelSize * 1.2 + 0.5), true));
    lights->setBackgroundRoundness(0);
    lights->setMargins(QMargins(8, 8, 8, 8));
    auto *series = new QBarSeries;
    const LightPalette palette;
    qint64 maxValue = 1;
    for (auto [light, n] :
         {std::pair{WarningLight::Red, data.red}, std::pair{WarningLight::Yellow, data.yellow},
          std::pair{WarningLight::Green, data.green}}) {
        auto *set = new QBarSet(tr("%1: %2").arg(Labels::light(light)).arg(n));
        set->append(double(n));
        set->setColor(palette.color(light));
        set->setBorderColor(palette.color(light));
        set->setLabelFont(reportPixelFont(style.pixelSize));
        set->setLabelColor(style.text);
        series->append(set);
        maxValue = std::max(maxValue, n);
    }
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsFormat(QStringLiteral("@value"));
    series->setLabelsPrecision(10);
    series->setBarWidth(0.7);
    lights->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(tr("Problems"));
    x->setLabelsFont(reportPixelFont(style.pixelSize));
    x->setGridLineVisible(false);
    lights->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QValueAxis;
    y->setRange(0, double(maxValue) * 1.15 + 1);
    y->setLabelFormat(QStringLiteral("%d"));
    y->applyNiceNumbers();
    y->setLabelsFont(reportPixelFont(style.pixelSize));
    lights->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    lights->legend()->setFont(reportPixelFont(style.pixelSize));
    lights->legend()->setAlignment(Qt::AlignBottom);
    lights->resize(720, 300);
    m_cards[Chart::Lights]->setChart(lights);
    m_cards[Chart::Lights]->view()->setMinimumHeight(300);

    for (ChartCard *card : std::as_const(m_cards)) {
        card->view()->setToolTip(tr("Click a bar or a slice to open the problems behind it"));
        card->chart()->setBackgroundBrush(Qt::white);
    }
    m_cards[Chart::Cumulative]->view()->setToolTip(QString());
    m_cards[Chart::BySite]->view()->setToolTip(QString());
    connectClicks();
    showHeadline();
}

void DashboardView::connectClicks()
{
    const core::ReportContent &c = m_data.content;
    // Rounds and units: match the clicked category (wrapping and "(0%)" aside) to a group name.
    auto byName = [this](Chart which, const QStringList &names, auto toFilter) {
        QChart *ch = chart(which);
        QBarSet *set = ch ? firstBarSet(ch) : nullptr;
        if (!set)
            return;
        const QStringList cats = categories(ch);
        connect(set, &QBarSet::clicked, this, [this, cats, names, toFilter](int index) {
            if (index < 0 || index >= cats.size())
                return;
            // The label is the name, or the name with its rate when the bar is empty ("… (0%)"):
            // the longest name the label begins with, followed by nothing or by a bracket.
            QString best;
            for (const QString &name : names) {
                const QString key = squeezed(name);
                if (!cats[index].startsWith(key) || key.size() <= squeezed(best).size())
                    continue;
                const QString rest = cats[index].mid(key.size());
                if (rest.isEmpty() || rest.startsWith(u'(') || rest.startsWith(QChar(0xFF08)))
                    best = name;
            }
            if (!best.isEmpty())
                drill(toFilter(best), best);
        });
    };
    QStringList rounds;
    for (const core::GroupCounts &g : c.byRound)
        rounds << g.key;
    byName(Chart::ByRound, rounds, [this](const QString &name) {
        core::LedgerFilter f;
        f.roundId = roundId(name);
        return f;
    });
    QStringList units;
    for (const core::UnitReportRow &u : c.units)
        units << u.unit;
    byName(Chart::ByUnit, units, [this](const QString &name) {
        core::LedgerFilter f;
        f.unitId = unitId(name);
        return f;
    });
    // Source levels: the bars follow content.bySource in order.
    if (QBarSet *set = firstBarSet(chart(Chart::BySource))) {
        QList<std::optional<core::SourceLevel>> levels;
        for (const core::GroupCounts &g : c.bySource) {
            std::optional<core::SourceLevel> level;
            for (auto l : core::sourceLevelOrder) {
                if (g.key == core::Names::display(l) || g.key == core::Names::key(l))
                    level = l;
            }
            levels << level;
        }
        connect(set, &QBarSet::clicked, this, [this, levels](int index) {
            if (index < 0 || index >= levels.size() || !levels[index])
                return;
            core::LedgerFilter f;
            f.source = levels[index];
            drill(f, ReportCharts::sourceName(*levels[index]));
        });
    }
    // States: each slice of the donut is one state.
    for (QAbstractSeries *s : chart(Chart::Status)->series()) {
        auto *pie = qobject_cast<QPieSeries *>(s);
        if (!pie)
            continue;
        for (QPieSlice *slice : pie->slices()) {
            for (ProblemState st : {ProblemState::ClosedOut, ProblemState::Completed, ProblemState::LongTerm,
                                    ProblemState::InProgress, ProblemState::Registered}) {
                if (!slice->label().startsWith(ReportCharts::stateName(st) + QLatin1Char(':')))
                    continue;
                connect(slice, &QPieSlice::clicked, this, [this, st] {
                    core::LedgerFilter f;
                    f.states = {st};
                    drill(f, ReportCharts::stateName(st));
                });
                connect(slice, &QPieSlice::hovered, slice, [slice](bool on) { slice->setExploded(on); });
            }
        }
    }
    // Ageing: overdue problems (deadline passed, not done and not long-term) late by the bucket's days.
    if (QBarSet *set = firstBarSet(chart(Chart::Ageing))) {
        const QList<core::AgeingBucket> buckets = c.ageing;
        const QDate asOf = c.asOf;
        connect(set, &QBarSet::clicked, this, [this, buckets, asOf](int index) {
            if (index < 0 || index >= buckets.size())
                return;
            const core::AgeingBucket &b = buckets[index];
            core::LedgerFilter f;
            f.states = {ProblemState::Registered, ProblemState::InProgress};
            f.deadlineTo = asOf.addDays(-std::max(1, b.fromDays));
            if (b.toDays >= 0)
                f.deadlineFrom = asOf.addDays(-b.toDays);
            drill(f, tr("Overdue %1").arg(ReportCharts::ageingLabel(b)));
        });
    }
    // Lights: one bar set per light.
    for (QAbstractSeries *s : chart(Chart::Lights)->series()) {
        auto *bars = qobject_cast<QAbstractBarSeries *>(s);
        if (!bars)
            continue;
        const QList<WarningLight> order{WarningLight::Red, WarningLight::Yellow, WarningLight::Green};
        for (int i = 0; i < bars->count() && i < order.size(); ++i) {
            const WarningLight light = order[i];
            connect(bars->barSets()[i], &QBarSet::clicked, this, [this, light] {
                core::LedgerFilter f;
                f.light = light;
                drill(f, Labels::light(light));
            });
        }
    }
}

void DashboardView::drill(const core::LedgerFilter &extra, const QString &title)
{
    core::LedgerFilter f = extra;
    if (f.unitId == 0)
        f.unitId = m_base.unitId;
    if (f.roundId == 0)
        f.roundId = m_base.roundId;
    if (!f.source)
        f.source = m_base.source;
    Q_EMIT drillDown(f, tr("Dashboard: %1").arg(title));
}

void DashboardView::showHeadline()
{
    const core::ReportContent &c = m_data.content;
    const core::Counts &t = c.total;
    const std::optional<core::Counts> &s = c.totalSince;
    auto cell = [](const QString &caption, const QString &value, const QString &change) {
        return QStringLiteral("<div style='color:#555'>%1</div><div style='font-size:16pt; font-weight:bold; "
                              "color:#1f5fa8'>%2</div><div style='color:#555'>%3</div>")
            .arg(caption.toHtmlEscaped(), value.toHtmlEscaped(),
                 change.isEmpty() ? QStringLiteral("&nbsp;") : change.toHtmlEscaped());
    };
    // The change since the compare-with date shown in the bar above, in counts and in points.
    auto countChange = [&](qint64 now, qint64 before) { return s ? signedCount(now - before) : QString(); };
    auto rateChange = [&](double now, double before) {
        return s ? tr("%1 points").arg(signedPoints(now - before)) : QString();
    };
    using core::Statistics;
    m_figures[0]->setText(
        cell(tr("Problems"), QString::number(t.problems), countChange(t.problems, s ? s->problems : 0)));
    m_figures[1]->setText(
        cell(tr("Done"), QString::number(t.done()), countChange(t.done(), s ? s->done() : 0)));
    m_figures[2]->setText(
        cell(tr("Completion rate"),
             t.problems ? Statistics::formatPercent(t.completionRate()) : QStringLiteral("—"),
             rateChange(t.completionRate(), s ? s->completionRate() : 0)));
    m_figures[3]->setText(
        cell(tr("Long-term"), QString::number(t.longTerm), countChange(t.longTerm, s ? s->longTerm : 0)));
    m_figures[4]->setText(
        cell(tr("Overdue"), QString::number(t.overdue), countChange(t.overdue, s ? s->overdue : 0)));
    m_figures[5]->setText(cell(tr("Close-out rate"),
                               t.problems ? Statistics::formatPercent(t.closeOutRate()) : QStringLiteral("—"),
                               rateChange(t.closeOutRate(), s ? s->closeOutRate() : 0)));
    const std::optional<core::Coverage> &cs = c.coverageSince;
    m_figures[6]->setText(
        cell(tr("Coverage"), c.coverage.mustCover ? Statistics::formatPercent(c.coverage.rate()) : tr("none"),
             cs && c.coverage.mustCover ? tr("%1 points").arg(signedPoints(c.coverage.rate() - cs->rate()))
                                        : QString()));
    m_figures[6]->setToolTip(tr("%1 of %2 units to cover in the term %3 are covered")
                                 .arg(c.coverage.covered)
                                 .arg(c.coverage.mustCover)
                                 .arg(c.coverage.term));
    m_figures[0]->setToolTip(tr("Problems registered by the as-of date in the scope"));
    m_figures[4]->setToolTip(tr("Deadline passed and not done (long-term problems are not overdue)"));
}

QString DashboardView::headlineText() const
{
    QStringList out;
    for (QLabel *l : m_figures) {
        QTextDocument doc;
        doc.setHtml(l->text());
        out << doc.toPlainText().simplified();
    }
    return out.join(QStringLiteral(" | "));
}

void DashboardView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void DashboardView::relayout()
{
    // Two columns when there is room for two charts side by side, else one; the headline figures
    // in one row of seven, else in two rows.
    const int columns = width() >= 1000 ? 2 : 1;
    if (columns == m_columns)
        return;
    m_columns = columns;
    const int perRow = columns == 2 ? 7 : 4;
    for (QLabel *l : std::as_const(m_figures))
        m_figureGrid->removeWidget(l);
    for (int i = 0; i < m_figures.size(); ++i)
        m_figureGrid->addWidget(m_figures[i], i / perRow, i % perRow);
    for (int i = 0; i < 7; ++i)
        m_figureGrid->setColumnStretch(i, i < perRow ? 1 : 0);
    for (ChartCard *card : std::as_const(m_cards))
        m_grid->removeWidget(card);
    // The small charts first, in pairs; the cumulative curve and the charts that grow with the
    // number of rounds and units take a full row each.
    int row = 0;
    int col = 0;
    for (Chart c : {Chart::BySource, Chart::Status, Chart::Lights, Chart::Ageing}) {
        m_grid->addWidget(m_cards[c], row, col);
        if (++col == columns) {
            col = 0;
            ++row;
        }
    }
    for (Chart c : {Chart::BySite, Chart::Cumulative, Chart::ByRound, Chart::ByUnit})
        m_grid->addWidget(m_cards[c], row++, 0, 1, columns);
    for (int i = 0; i < 2; ++i)
        m_grid->setColumnStretch(i, i < columns ? 1 : 0);
}

void DashboardView::printPreview()
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(QPageSize::A4));
    printer.setPageOrientation(QPageLayout::Landscape);
    QPrintPreviewDialog preview(&printer, this);
    preview.setWindowTitle(tr("Print dashboard"));
    connect(&preview, &QPrintPreviewDialog::paintRequested, this, [this](QPrinter *p) { print(p); });
    preview.exec();
}

int DashboardView::print(QPrinter *printer) const
{
    // Page 1: the scope line and the headline figures, then two charts per row, two rows per
    // landscape page. Charts are drawn from their scenes, so they stay vectors with real text.
    QPainter painter(printer);
    const QRectF page = printer->pageLayout().paintRectPixels(printer->resolution());
    const double mm = printer->resolution() / 25.4;
    QFont font(reportFontFamily());
    font.setPointSizeF(11);
    painter.setFont(font);
    double y = page.top();
    const QString scope = m_scopeLabel->text();
    painter.drawText(QRectF(page.left(), y, page.width(), 10 * mm), Qt::AlignLeft | Qt::AlignVCenter, scope);
    y += 12 * mm;
    const double cell = page.width() / std::max<qsizetype>(1, m_figures.size());
    for (int i = 0; i < m_figures.size(); ++i) {
        QTextDocument doc;
        doc.setDefaultFont(font);
        doc.setHtml(m_figures[i]->text());
        doc.setTextWidth(cell / (printer->resolution() / 96.0));
        QTextOption centred(Qt::AlignHCenter);
        doc.setDefaultTextOption(centred);
        painter.save();
        painter.translate(page.left() + i * cell, y);
        painter.scale(printer->resolution() / 96.0, printer->resolution() / 96.0);
        doc.drawContents(&painter);
        painter.restore();
    }
    y += 28 * mm;
    int pages = 1;
    const double gap = 6 * mm;
    const double chartWidth = (page.width() - gap) / 2;
    const double chartHeight = (page.height() - 40 * mm - gap) / 2;
    // Wide charts two by two; tall ones (rates by round or unit with many bars) a page each.
    QList<QChart *> wide;
    QList<QChart *> tall;
    for (ChartCard *card : m_cards) {
        QChart *chart = card && !card->isHidden() ? card->chart() : nullptr;
        if (!chart || !chart->scene())
            continue;
        const QRectF r = chart->sceneBoundingRect();
        (r.height() > r.width() * 0.9 ? tall : wide) << chart;
    }
    int column = 0;
    for (QChart *chart : wide) {
        if (column == 0 && y + chartHeight > page.bottom() + 1) {
            printer->newPage();
            ++pages;
            y = page.top();
        }
        const QRectF target(page.left() + column * (chartWidth + gap), y, chartWidth, chartHeight);
        chart->scene()->render(&painter, target, chart->sceneBoundingRect(), Qt::KeepAspectRatio);
        if (++column == 2) {
            column = 0;
            y += chartHeight + gap;
        }
    }
    for (QChart *chart : tall) {
        printer->newPage();
        ++pages;
        chart->scene()->render(&painter, page, chart->sceneBoundingRect(), Qt::KeepAspectRatio);
    }
    return pages;
}

} // namespace rectrack::ui
