#include <catch2/catch.hpp>

#include "../core/test_report_fixture.h"
#include "testsupport.h"

#include "charts/reportcharts.h"
#include "demo/demoregister.h"
#include "demo/syntheticregister.h"
#include "report/reportcontent.h"
#include "report/reportrenderer.h"
#include "report/reporttable.h"

#include <QAbstractAxis>
#include <QBarCategoryAxis>
#include <QChart>
#include <QFile>
#include <QFontDatabase>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTranslator>

#include <memory>

using namespace rectrack;

namespace {

/// Text of a PDF as pdftotext extracts it under a Chinese locale.
QString pdfText(const QString &path)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LANG"), QStringLiteral("zh_CN.UTF-8"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("pdftotext"),
            {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

QString pdfInfo(const QString &path)
{
    QProcess p;
    p.start(QStringLiteral("pdfinfo"), {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path});
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

int pages(const QString &info)
{
    for (const QString &line : info.split(u'\n')) {
        if (line.startsWith(QLatin1String("Pages:")))
            return line.mid(6).trimmed().toInt();
    }
    return -1;
}

core::ReportContent fixtureContent(test::TempRegister &reg, bool appendix = false)
{
    test::buildReportFixture(*reg.db);
    core::ReportOptions o;
    o.asOf = QDate(2021, 1, 15);
    o.since = QDate(2020, 11, 1);
    o.title = QStringLiteral("不忘初心 名副其实：巡察整改报告");
    o.marking = QStringLiteral("内部资料 注意保存");
    o.appendix = appendix;
    auto r = core::ReportBuilder::build(*reg.db, o);
    REQUIRE(r.ok());
    return *r;
}

} // namespace

TEST_CASE("the report font is WenQuanYi Micro Hei, found under its localised name too", "[report][ui]")
{
    const QString family = ui::reportFontFamily();
    CHECK(QFontDatabase::hasFamily(family));
    CHECK((family.contains(QLatin1String("Micro Hei")) || family.contains(QStringLiteral("微米黑"))));
}

TEST_CASE("the PDF report has its pages, its text and its metadata", "[report][ui]")
{
    test::TempRegister reg;
    ui::ReportRenderer renderer(fixtureContent(reg, true));
    const QString path = reg.dir.filePath(QStringLiteral("report.pdf"));
    QList<int> progress;
    const core::Status s = renderer.writePdf(path, [&](int p) { progress << p; });
    REQUIRE(s.ok());
    REQUIRE(QFile::exists(path));
    CHECK(progress.first() == 0);
    CHECK(progress.last() == 100);

    const QString info = pdfInfo(path);
    CHECK(pages(info) == renderer.pageCount());
    CHECK(renderer.pageCount() >= 4);
    CHECK(info.contains(QStringLiteral("Title:           不忘初心 名副其实：巡察整改报告\n")));
    CHECK(info.contains(QStringLiteral("Subject:         ") + renderer.subject() + u'\n'));

    const QString text = pdfText(path);
    INFO(text.left(3000).toStdString());
    // English is the source language here (no translator installed in the tests).
    CHECK(text.contains(QStringLiteral("Completion rate")));
    CHECK(text.contains(QStringLiteral("57.14%"))); // headline completion rate
    CHECK(text.contains(QStringLiteral("66.67%"))); // coverage rate
    CHECK(text.contains(QStringLiteral("100%")));   // the central problems
    CHECK(text.contains(QStringLiteral("内部资料 注意保存")));
    for (const QString &unit : {QStringLiteral("市交通运输局"), QStringLiteral("市住房和城乡建设局机关党委"),
                                QStringLiteral("市国有资产监督管理委员会"), QStringLiteral("厦门市委")})
        CHECK(text.contains(unit));
    CHECK(text.contains(QStringLiteral("赵六")));             // the lead leader of the most overdue problem
    CHECK(text.contains(QStringLiteral("公务用车管理办法"))); // a rule established
    CHECK(text.contains(QStringLiteral("Done = completed and closed out")));
    CHECK(text.contains(QRegularExpression(QStringLiteral("—\\s*3\\s*—")))); // page numbers
    for (const QChar c : text)
        REQUIRE_FALSE((c.unicode() >= 0x2F00 && c.unicode() <= 0x2FDF)); // no Kangxi radicals
}

TEST_CASE("Chinese dates and headings round-trip through the PDF text layer", "[report][ui]")
{
    test::TempRegister reg;
    core::ReportContent content = fixtureContent(reg);
    // Dates written with 年月日 and the title with 至: the characters Noto CJK turns into radicals.
    content.options.title = QStringLiteral("截至目前整改情况 月报 日报");
    ui::ReportRenderer renderer(content);
    const QString path = reg.dir.filePath(QStringLiteral("dates.pdf"));
    REQUIRE(renderer.writePdf(path).ok());
    const QString text = pdfText(path);
    CHECK(text.contains(QStringLiteral("截至目前整改情况 月报 日报")));
    for (const QChar c : text)
        REQUIRE_FALSE((c.unicode() >= 0x2F00 && c.unicode() <= 0x2FDF));
}

TEST_CASE("the .odt report is written with the charts as images", "[report][ui]")
{
    test::TempRegister reg;
    ui::ReportRenderer renderer(fixtureContent(reg));
    const QString path = reg.dir.filePath(QStringLiteral("report.odt"));
    REQUIRE(renderer.write(path).ok());
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QByteArray zip = f.readAll();
    CHECK(zip.startsWith("PK"));
    CHECK(zip.contains("application/vnd.oasis.opendocument.text"));
    CHECK(zip.contains("Pictures/"));
    CHECK(renderer.write(reg.dir.filePath(QStringLiteral("report.docx"))).error().code ==
          core::ErrorCode::Usage);
}

TEST_CASE("charts carry every name in full and the rates as labels", "[report][ui][charts]")
{
    test::TempRegister reg;
    const core::ReportContent content = fixtureContent(reg);
    std::unique_ptr<QChart> units(ui::ReportCharts::completionByUnit(content));
    REQUIRE(units);
    const auto axes = units->axes(Qt::Vertical);
    REQUIRE(axes.size() == 1);
    CHECK_FALSE(axes.first()->truncateLabels());
    // Units with problems only (the one without is left out of the chart), lowest rate on top.
    auto *bars = qobject_cast<QBarCategoryAxis *>(axes.first());
    REQUIRE(bars);
    CHECK(bars->count() == 3);
    CHECK(bars->at(bars->count() - 1) == QStringLiteral("市交通运输局"));
    CHECK(bars->at(0) == QStringLiteral("厦门市委"));

    std::unique_ptr<QChart> ageing(ui::ReportCharts::overdueAgeing(content));
    auto *x = qobject_cast<QBarCategoryAxis *>(ageing->axes(Qt::Horizontal).first());
    REQUIRE(x);
    CHECK(x->categories() == QStringList{QStringLiteral("0–30 days"), QStringLiteral("31–90 days"),
                                         QStringLiteral("91–180 days"), QStringLiteral("over 180 days")});
    std::unique_ptr<QChart> status(ui::ReportCharts::statusDistribution(content));
    CHECK(status->titleFont().family() == ui::reportFontFamily());
    CHECK(ui::ReportCharts::preferredChartSize(units.get()).height() >= 200);
}

TEST_CASE("the demo register's report makes at least four A4 pages with every unit", "[report][ui][demo]")
{
    test::TempRegister reg;
    REQUIRE(core::DemoRegister::build(*reg.db).ok());
    core::ReportOptions o;
    o.asOf = core::DemoRegister::referenceDate();
    o.marking = QStringLiteral("内部资料 注意保存");
    auto content = core::ReportBuilder::build(*reg.db, o);
    REQUIRE(content.ok());
    ui::ReportRenderer renderer(*content);
    const QString path = reg.dir.filePath(QStringLiteral("demo.pdf"));
    REQUIRE(renderer.writePdf(path).ok());
    CHECK(renderer.pageCount() >= 4);
    CHECK(pages(pdfInfo(path)) == renderer.pageCount());
    const QString text = pdfText(path);
    CHECK(text.contains(QStringLiteral("94.29%")));
    for (const core::UnitReportRow &u : content->units)
        CHECK(text.contains(u.unit));
}

TEST_CASE("the Chinese report keeps its short headings and registration numbers on one line",
          "[report][ui][demo]")
{
    QTranslator core, report;
    REQUIRE(core.load(QStringLiteral(":/i18n/core_zh_CN.qm")));
    REQUIRE(report.load(QStringLiteral(":/i18n/report_zh_CN.qm")));
    QCoreApplication::installTranslator(&core);
    QCoreApplication::installTranslator(&report);
    test::TempRegister reg;
    REQUIRE(core::DemoRegister::build(*reg.db).ok());
    core::ReportOptions o;
    o.asOf = core::DemoRegister::referenceDate();
    auto content = core::ReportBuilder::build(*reg.db, o);
    REQUIRE(content.ok());
    ui::ReportRenderer renderer(*content);
    const QString path = reg.dir.filePath(QStringLiteral("demo-zh.pdf"));
    REQUIRE(renderer.writePdf(path).ok());
    QCoreApplication::removeTranslator(&report);
    QCoreApplication::removeTranslator(&core);

    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), QStringLiteral("-enc"),
                                          QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    REQUIRE(p.waitForFinished(60000));
    const QStringList lines = QString::fromUtf8(p.readAllStandardOutput()).split(u'\n');
    const auto words = [](const QString &line) { return line.simplified().split(u' '); };
    // The by-source table's header row: each heading whole on one line.
    const auto sourceHeader = std::find_if(lines.cbegin(), lines.cend(), [&](const QString &l) {
        return words(l).startsWith(QStringLiteral("问题来源"));
    });
    REQUIRE(sourceHeader != lines.cend());
    CHECK(words(*sourceHeader) == QStringList{QStringLiteral("问题来源"), QStringLiteral("问题总数"),
                                              QStringLiteral("已完成"), QStringLiteral("已销号"),
                                              QStringLiteral("长期坚持"), QStringLiteral("未完成"),
                                              QStringLiteral("逾期"), QStringLiteral("完成率")});
    // The unit table's header row, on every page it reaches.
    const qsizetype unitHeaders = std::count_if(lines.cbegin(), lines.cend(), [&](const QString &l) {
        const QStringList w = words(l);
        return w.startsWith(QStringLiteral("序号")) && w.contains(QStringLiteral("已完成")) &&
               w.contains(QStringLiteral("已销号")) && w.contains(QStringLiteral("未完成"));
    });
    CHECK(unitHeaders >= 3);
    // The overdue list: every registration number whole, next to its row number; 逾期天数 whole.
    CHECK(std::any_of(lines.cbegin(), lines.cend(),
                      [&](const QString &l) { return words(l).contains(QStringLiteral("逾期天数")); }));
    REQUIRE(content->overdue.size() == 41);
    int whole = 0;
    for (const core::OverdueItem &item : content->overdue) {
        for (const QString &l : lines) {
            if (words(l).contains(item.registrationNo)) {
                ++whole;
                break;
            }
        }
    }
    CHECK(whole == 41);
}

TEST_CASE("a unit table over several pages repeats its header row and lists every unit once",
          "[report][ui][scale]")
{
    // 5,000 problems: 210 units, about five pages of the per-unit table.
    test::TempRegister reg;
    REQUIRE(core::SyntheticRegister::generate(*reg.db, 5000, 3).ok());
    core::ReportOptions o;
    o.asOf = core::SyntheticRegister::referenceDate();
    auto content = core::ReportBuilder::build(*reg.db, o);
    REQUIRE(content.ok());
    REQUIRE(content->units.size() >= 200);
    ui::ReportRenderer renderer(*content);
    const QString path = reg.dir.filePath(QStringLiteral("units.pdf"));
    REQUIRE(renderer.writePdf(path).ok());

    // pdftotext -layout keeps each table row on one line; pages are separated by form feeds.
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), QStringLiteral("-enc"),
                                          QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    REQUIRE(p.waitForFinished(60000));
    const QStringList pages = QString::fromUtf8(p.readAllStandardOutput()).split(u'\f');
    REQUIRE(pages.size() >= renderer.pageCount());

    const QStringList headerWords{
        QStringLiteral("No."),  QStringLiteral("Unit"),    QStringLiteral("Problems"),
        QStringLiteral("Done"), QStringLiteral("Closed"),  QStringLiteral("Long-"),
        QStringLiteral("Not"),  QStringLiteral("Overdue"), QStringLiteral("Completion")};
    int previousPage = -1;
    QSet<int> tablePages;
    int no = 0;
    for (const core::UnitReportRow &u : content->units) {
        const core::Counts &k = u.counts;
        const QStringList cells{
            QString::number(++no),
            QRegularExpression::escape(u.unit),
            QString::number(k.problems),
            QString::number(k.done()),
            QString::number(k.closedOut),
            QString::number(k.longTerm),
            QString::number(k.inProgress + k.registered),
            QString::number(k.overdue),
            QRegularExpression::escape(k.problems ? core::Statistics::formatPercent(k.completionRate())
                                                  : QStringLiteral("—"))};
        const QRegularExpression row(QStringLiteral("^\\s*") + cells.join(QStringLiteral("\\s+")) +
                                         QStringLiteral("\\s*$"),
                                     QRegularExpression::MultilineOption);
        int found = 0, page = -1;
        for (int i = 0; i < pages.size(); ++i) {
            for (auto it = row.globalMatch(pages[i]); it.hasNext(); it.next()) {
                ++found;
                page = i;
            }
        }
        INFO("row " << no << " " << u.unit.toStdString());
        CHECK(found == 1); // every unit exactly once, its row whole on one page
        if (found != 1)
            continue;
        CHECK(page >= previousPage); // in order
        previousPage = page;
        if (!tablePages.contains(page)) {
            tablePages.insert(page);
            // The header row above this page's first row.
            const QString above = pages[page].left(row.match(pages[page]).capturedStart());
            for (const QString &word : headerWords)
                CHECK(above.contains(word));
        }
    }
    CHECK(no == content->units.size());
    CHECK(tablePages.size() >= 4);
}

TEST_CASE("a table row taller than a page continues on the next page with all its text", "[report][ui]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tall.pdf"));
    QString longText;
    for (int k = 0; k < 220; ++k)
        longText += QStringLiteral("第%1段落实整改主体责任。").arg(k);
    ui::ReportTable table;
    table.headers = QStringList{QStringLiteral("No."), QStringLiteral("Text")};
    table.widths = {10, 90};
    table.rows << QList<ui::ReportTable::Cell>{{QStringLiteral("1"), ui::ReportTable::Style::Number},
                                               {QStringLiteral("甲局短行"), ui::ReportTable::Style::Text}};
    table.rows << QList<ui::ReportTable::Cell>{{QStringLiteral("2"), ui::ReportTable::Style::Number},
                                               {longText, ui::ReportTable::Style::Text}};
    table.rows << QList<ui::ReportTable::Cell>{{QStringLiteral("3"), ui::ReportTable::Style::Number},
                                               {QStringLiteral("乙局短行"), ui::ReportTable::Style::Text}};
    int bodyPages = 0;
    {
        QPdfWriter writer(path);
        writer.setResolution(300);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF()));
        QPainter painter(&writer);
        const QRectF body(300, 300, writer.width() - 600, writer.height() - 600);
        ui::ReportPageFlow flow(body, [&](int page) {
            if (page > 1)
                writer.newPage();
        });
        ui::ReportTablePainter tables(painter, &writer, ui::reportFontFamily());
        tables.paint(table, flow);
        bodyPages = flow.pages();
    }
    CHECK(bodyPages >= 2);
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), QStringLiteral("-enc"),
                                          QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    REQUIRE(p.waitForFinished(60000));
    const QString text = QString::fromUtf8(p.readAllStandardOutput());
    CHECK(text.count(QStringLiteral("Text")) == bodyPages); // the header row on every page
    QString flat = text;
    flat.remove(QRegularExpression(QStringLiteral("\\s+")));
    flat.remove(QStringLiteral("No.Text"));
    // Every line of the long cell once, in order, between the rows before and after it.
    CHECK(flat == QStringLiteral("1甲局短行2") + longText + QStringLiteral("3乙局短行"));
}
