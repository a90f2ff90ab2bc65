#include "testsupport.h"

#include "charts/reportcharts.h"
#include "demo/demoregister.h"
#include "models/problemledgermodel.h"
#include "stats/statistics.h"
#include "views/dashboardview.h"
#include "views/filterbar.h"
#include "views/mainwindow.h"
#include "views/navigationpane.h"

#include <QPageSize>

#include <QProcess>

#include <QPrinter>

#include <QAbstractBarSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QLabel>
#include <QPieSeries>
#include <QPieSlice>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>

#include <catch2/catch.hpp>

#include <cmath>

using namespace rectrack;
using namespace rectrack::core;
using rectrack::ui::DashboardView;
using rectrack::ui::MainWindow;
using rectrack::ui::NavigationPane;

namespace {

QBarSet *barSet(QChart *chart, int index = 0)
{
    for (QAbstractSeries *s : chart->series()) {
        if (auto *bars = qobject_cast<QAbstractBarSeries *>(s))
            return index < bars->count() ? bars->barSets().at(index) : nullptr;
    }
    return nullptr;
}

QPieSeries *pie(QChart *chart)
{
    for (QAbstractSeries *s : chart->series()) {
        if (auto *p = qobject_cast<QPieSeries *>(s))
            return p;
    }
    return nullptr;
}

/// The window on the demo register with the dashboard shown and computed.
struct DemoDashboard
{
    test::TempRegister reg;
    std::unique_ptr<MainWindow> window;
    DashboardView *dash = nullptr;
    QDate asOf;

    DemoDashboard()
    {
        QStandardPaths::setTestModeEnabled(true);
        REQUIRE(DemoRegister::build(*reg.db).ok());
        reg.db.reset(); // the window and the dashboard's worker open the file themselves
        window = std::make_unique<MainWindow>();
        REQUIRE(window->openRegister(reg.path, true));
        window->resize(1440, 900);
        window->show();
        dash = window->dashboard();
        asOf = window->asOf();
        waitFor([&] { window->tabs()->setCurrentIndex(MainWindow::DashboardTab); });
    }

    /// Runs @p action and waits until the dashboard has shown new figures.
    template <typename F> void waitFor(F action)
    {
        QSignalSpy spy(dash, &DashboardView::updated);
        action();
        REQUIRE((spy.count() > 0 || spy.wait(60000)));
        REQUIRE_FALSE(dash->isBusy());
        REQUIRE(dash->data().error.isEmpty());
    }
};

} // namespace

TEST_CASE("the dashboard shows core's statistics of the demo register", "[ui][dashboard][demo]")
{
    DemoDashboard d;
    CHECK(d.asOf == DemoRegister::referenceDate());
    auto db = Database::open(d.reg.path);
    REQUIRE(db.ok());
    const ReportContent &content = d.dash->data().content;
    CHECK(content.asOf == d.asOf);
    CHECK(content.since == d.asOf.addMonths(-1));

    // Headline figures.
    auto total = Statistics::compute(**db, d.asOf);
    REQUIRE(total.ok());
    CHECK(content.total.problems == total->total.problems);
    CHECK(content.total.done() == total->total.done());
    const QString headline = d.dash->headlineText();
    CHECK(headline.contains(Statistics::formatPercent(total->total.completionRate())));
    CHECK(headline.contains(QString::number(total->total.problems)));
    // The change since the compare-with date: done problems as a signed count.
    REQUIRE(content.totalSince);
    auto then = Statistics::compute(**db, content.since);
    REQUIRE(then.ok());
    CHECK(content.totalSince->done() == then->total.done());
    CHECK(headline.contains(QStringLiteral("Done %1 +%2")
                                .arg(total->total.done())
                                .arg(total->total.done() - then->total.done())));

    // By source level: one bar per level in the content's order, valued at the completion rate.
    auto bySource = Statistics::compute(**db, d.asOf, GroupBy::Source);
    REQUIRE(bySource.ok());
    QBarSet *source = barSet(d.dash->chart(DashboardView::Chart::BySource));
    REQUIRE(source);
    REQUIRE(source->count() == bySource->groups.size());
    QList<double> rounded;
    for (const GroupCounts &g : bySource->groups) {
        qsizetype i = 0;
        while (i < content.bySource.size() && content.bySource[i].key != g.key)
            ++i;
        REQUIRE(i < content.bySource.size());
        CHECK(source->at(int(i)) == Approx(g.counts.completionRate() * 100.0));
        rounded << std::round(source->at(int(i)) * 100.0) / 100.0;
    }
    std::sort(rounded.begin(), rounded.end());
    CHECK(rounded == QList<double>{54.63, 100.0, 100.0});

    // By round: each bar (named on the category axis) valued at its round's rate. Problems with
    // no round (central and provincial inspections) have no bar.
    auto byRound = Statistics::compute(**db, d.asOf, GroupBy::Round);
    REQUIRE(byRound.ok());
    QChart *rounds = d.dash->chart(DashboardView::Chart::ByRound);
    QBarSet *round = barSet(rounds);
    REQUIRE(round);
    CHECK(round->count() == content.byRound.size());
    QStringList roundNames;
    for (QAbstractAxis *a : rounds->axes()) {
        if (auto *c = qobject_cast<QBarCategoryAxis *>(a))
            roundNames = c->categories();
    }
    REQUIRE(roundNames.size() == round->count());
    for (int i = 0; i < round->count(); ++i) {
        QString name = roundNames[i].remove(u'\n');
        if (name.endsWith(QStringLiteral(" (0%)")))
            name.chop(5);
        bool found = false;
        for (const GroupCounts &g : byRound->groups) {
            if (g.key == name) {
                found = true;
                CHECK(round->at(i) == Approx(g.counts.completionRate() * 100.0));
            }
        }
        CHECK(found);
    }

    // Status donut: slice values are the state counts.
    QPieSeries *states = pie(d.dash->chart(DashboardView::Chart::Status));
    REQUIRE(states);
    CHECK(states->sum() == Approx(double(total->total.problems)));
    for (QPieSlice *slice : states->slices()) {
        if (slice->label().startsWith(ui::ReportCharts::stateName(ProblemState::Completed) + u':'))
            CHECK(slice->value() == Approx(double(total->total.completed)));
        if (slice->label().startsWith(ui::ReportCharts::stateName(ProblemState::ClosedOut) + u':'))
            CHECK(slice->value() == Approx(double(total->total.closedOut)));
    }

    // Overdue ageing adds up to the overdue count.
    QBarSet *ageing = barSet(d.dash->chart(DashboardView::Chart::Ageing));
    REQUIRE(ageing);
    CHECK(ageing->sum() == Approx(double(total->total.overdue)));

    // Every chart can be saved as PNG.
    const QString png = d.reg.dir.filePath(QStringLiteral("source.png"));
    CHECK(d.dash->card(DashboardView::Chart::BySource)->savePng(png));
    CHECK(QImage(png).width() > 100);

    // The whole dashboard prints: figures and chart titles as text, charts two by two.
    const QString pdf =
        qEnvironmentVariable("RECTRACK_KEEP_PDF", d.reg.dir.filePath(QStringLiteral("dashboard.pdf")));
    {
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(pdf);
        printer.setPageSize(QPageSize(QPageSize::A4));
        printer.setPageOrientation(QPageLayout::Landscape);
        CHECK(d.dash->print(&printer) == 2); // figures and four charts, then three charts
    }
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    REQUIRE(text.waitForFinished(30000));
    const QString printed = QString::fromUtf8(text.readAllStandardOutput());
    CHECK(printed.contains(Statistics::formatPercent(total->total.completionRate())));
    CHECK(printed.contains(d.dash->chart(DashboardView::Chart::BySource)->title()));
}

TEST_CASE("a click on the dashboard filters the ledger to the same problems", "[ui][dashboard][demo]")
{
    DemoDashboard d;
    auto db = Database::open(d.reg.path);
    REQUIRE(db.ok());
    const ReportContent &content = d.dash->data().content;
    QTabWidget *tabs = d.window->tabs();
    auto shown = [&] { return qint64(d.window->problemModel()->rowCount()); };
    // Back to the dashboard: a click-through keeps the dashboard's scope, so nothing is recomputed.
    auto back = [&] {
        tabs->setCurrentIndex(MainWindow::DashboardTab);
        REQUIRE_FALSE(d.dash->isBusy());
    };

    SECTION("a source level's bar")
    {
        auto bySource = Statistics::compute(**db, d.asOf, GroupBy::Source);
        REQUIRE(bySource.ok());
        for (int i = 0; i < content.bySource.size(); ++i) {
            Q_EMIT barSet(d.dash->chart(DashboardView::Chart::BySource))->clicked(i);
            CHECK(tabs->currentIndex() == MainWindow::ProblemTab);
            CHECK(shown() == content.bySource[i].counts.problems);
            back();
        }
        qint64 sum = 0;
        for (const GroupCounts &g : bySource->groups)
            sum += g.counts.problems;
        CHECK(sum == content.total.problems);
    }

    SECTION("a unit's bar: the lowest rate is on top")
    {
        QChart *units = d.dash->chart(DashboardView::Chart::ByUnit);
        QBarSet *set = barSet(units);
        REQUIRE(set);
        const int top = set->count() - 1; // horizontal bars run bottom-up
        QString unit;
        for (QAbstractAxis *a : units->axes(Qt::Vertical)) {
            if (auto *c = qobject_cast<QBarCategoryAxis *>(a))
                unit = c->categories().at(top);
        }
        REQUIRE_FALSE(unit.isEmpty());
        Q_EMIT set->clicked(top);
        StatsFilter f;
        f.unit = unit.endsWith(QStringLiteral(" (0%)")) ? unit.chopped(5) : unit;
        auto stats = Statistics::compute(**db, d.asOf, GroupBy::None, f);
        REQUIRE(stats.ok());
        CHECK(stats->total.problems > 0);
        CHECK(shown() == stats->total.problems);
        CHECK(d.window->effectiveFilter().unitId > 0);
    }

    SECTION("a state's slice and the overdue buckets")
    {
        QPieSeries *states = pie(d.dash->chart(DashboardView::Chart::Status));
        REQUIRE(states);
        for (QPieSlice *slice : states->slices()) {
            Q_EMIT slice->clicked();
            CHECK(shown() == qint64(slice->value()));
            back();
        }
        QBarSet *ageing = barSet(d.dash->chart(DashboardView::Chart::Ageing));
        REQUIRE(ageing);
        for (int i = 0; i < ageing->count(); ++i) {
            Q_EMIT barSet(d.dash->chart(DashboardView::Chart::Ageing))->clicked(i);
            CHECK(shown() == qint64(content.ageing[i].count));
            back();
        }
    }

    SECTION("a traffic light's bar")
    {
        Q_EMIT barSet(d.dash->chart(DashboardView::Chart::Lights), 0)->clicked(0);
        CHECK(shown() == d.dash->data().red);
        CHECK(d.window->effectiveFilter().light == WarningLight::Red);
    }
}

TEST_CASE("the dashboard follows the filter's source level and the as-of date", "[ui][dashboard][demo]")
{
    DemoDashboard d;
    auto db = Database::open(d.reg.path);
    REQUIRE(db.ok());
    LedgerFilter f;
    f.source = SourceLevel::Municipal;
    d.waitFor([&] {
        d.window->filterBar()->setFilter(f);
        Q_EMIT d.window->filterBar()->filterChanged();
    });
    StatsFilter sf;
    sf.source = SourceLevel::Municipal;
    auto stats = Statistics::compute(**db, d.asOf, GroupBy::None, sf);
    REQUIRE(stats.ok());
    CHECK(d.dash->data().content.total.problems == stats->total.problems);
    CHECK(d.dash->statsScope().source == SourceLevel::Municipal);

    const QDate earlier = d.asOf.addMonths(-3);
    d.waitFor([&] { d.window->setAsOf(earlier); });
    CHECK(d.dash->data().content.asOf == earlier);
    auto before = Statistics::compute(**db, earlier, GroupBy::None, sf);
    REQUIRE(before.ok());
    CHECK(d.dash->data().content.total.done() == before->total.done());
}

TEST_CASE("the dashboard names only the filters the user set as not applying to it", "[ui][dashboard][demo]")
{
    DemoDashboard d;
    auto *note = d.dash->findChild<QLabel *>(QStringLiteral("dashboardNote"));
    REQUIRE(note);
    CHECK(note->isHidden());
    // A smart list (已逾期) is no filter: no warning, and the dashboard still covers the register.
    d.waitFor([&] { d.window->navigation()->selectSmartList(NavigationPane::SmartList::Overdue); });
    CHECK(note->isHidden());
    CHECK(d.dash->data().content.total.problems == 258);
    // A warning-light filter set in the filter bar is named.
    LedgerFilter f;
    f.light = WarningLight::Red;
    d.waitFor([&] {
        d.window->filterBar()->setFilter(f);
        Q_EMIT d.window->filterBar()->filterChanged();
    });
    CHECK_FALSE(note->isHidden());
    CHECK(note->text() ==
          QStringLiteral("The dashboard covers the unit, round and source level of the current "
                         "filter; these filters do not apply to it: traffic light."));
}

TEST_CASE("at a past date the dashboard's click-through lists the problems as they stood",
          "[ui][dashboard][demo][asof]")
{
    DemoDashboard d;
    const QDate past(2020, 6, 30);
    d.waitFor([&] { d.window->setAsOf(past); });
    const ReportContent &content = d.dash->data().content;
    CHECK(content.total.problems == 162);
    QTabWidget *tabs = d.window->tabs();
    QPieSeries *states = pie(d.dash->chart(DashboardView::Chart::Status));
    REQUIRE(states);
    qint64 sum = 0;
    for (QPieSlice *slice : states->slices()) {
        Q_EMIT slice->clicked();
        CHECK(tabs->currentIndex() == MainWindow::ProblemTab);
        CHECK(d.window->problemModel()->rowCount() == qint64(slice->value()));
        sum += d.window->problemModel()->rowCount();
        tabs->setCurrentIndex(MainWindow::DashboardTab);
    }
    CHECK(sum == 162);
    // The traffic lights of that day, too.
    Q_EMIT barSet(d.dash->chart(DashboardView::Chart::Lights), 0)->clicked(0);
    CHECK(d.window->problemModel()->rowCount() == d.dash->data().red);
}
