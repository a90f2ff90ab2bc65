#include <catch2/catch.hpp>

#include "report/ledgerprint.h"

#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardItemModel>
#include <QTemporaryDir>

using rectrack::ui::ReportTable;
namespace LedgerPrint = rectrack::ui::LedgerPrint;

namespace {

/// The pages of a PDF as pdftotext -layout extracts them (one string per page).
QStringList pdfPages(const QString &path)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), QStringLiteral("-enc"),
                                          QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    REQUIRE(p.waitForFinished(60000));
    QStringList pages = QString::fromUtf8(p.readAllStandardOutput()).split(u'\f');
    while (!pages.isEmpty() && pages.last().trimmed().isEmpty())
        pages.removeLast();
    return pages;
}

/// 60 problems: a registration number, a description of 1 to 6 lines (row 30: longer than a
/// page), a deadline, a state and a unit. Each description starts "START-n " and ends " END-n"
/// (words, so that a line never breaks inside them).
QStandardItemModel *ledger(QObject *parent)
{
    auto *m = new QStandardItemModel(0, 5, parent);
    m->setHorizontalHeaderLabels({QStringLiteral("编号"), QStringLiteral("问题描述"),
                                  QStringLiteral("整改时限"), QStringLiteral("状态"),
                                  QStringLiteral("被巡察单位")});
    for (int i = 1; i <= 60; ++i) {
        const int repeat = i == 30 ? 400 : (i % 6) * 6 + 1;
        const QString description = QStringLiteral("START-%1 ").arg(i) +
                                    QStringLiteral("落实全面从严治党主体责任不到位，").repeated(repeat) +
                                    QStringLiteral(" END-%1").arg(i);
        m->appendRow({new QStandardItem(QStringLiteral("14-1-02-%1").arg(i, 2, 10, QLatin1Char('0'))),
                      new QStandardItem(description), new QStandardItem(QStringLiteral("2021-03-31")),
                      new QStandardItem(QStringLiteral("已完成")),
                      new QStandardItem(QStringLiteral("市委老干部局"))});
    }
    return m;
}

} // namespace

TEST_CASE("a printed ledger repeats its header, keeps rows whole and numbers and dates unbroken",
          "[ui][print]")
{
    QObject owner;
    QStandardItemModel *model = ledger(&owner);
    const ReportTable table = LedgerPrint::table(model, {0, 1, 2, 3, 4}, 2000);
    REQUIRE(table.rows.size() == 60);
    REQUIRE(table.widths.size() == 5);
    // The description gets the width.
    CHECK(*std::max_element(table.widths.cbegin(), table.widths.cend()) == table.widths[1]);

    QTemporaryDir dir;
    const QString path = qEnvironmentVariableIsSet("KEEP_PDF") ? QStringLiteral("/tmp/fwx/ledger.pdf")
                                                               : dir.filePath(QStringLiteral("ledger.pdf"));
    int pages = 0;
    {
        QPdfWriter writer(path);
        writer.setResolution(300);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape,
                                         QMarginsF(12, 10, 12, 10), QPageLayout::Millimeter));
        QPainter painter(&writer);
        const QRectF paper(QPointF(0, 0), writer.pageLayout().paintRectPixels(writer.resolution()).size());
        pages = LedgerPrint::paint(
            painter, &writer, paper, [&] { writer.newPage(); },
            QStringLiteral("问题台账 — 全部问题（截至 2021-01-15）"), table, QString());
    }
    const QStringList text = pdfPages(path);
    REQUIRE(pages >= 3);
    REQUIRE(text.size() == pages);

    for (int p = 0; p < pages; ++p) {
        INFO("page " << p + 1);
        // The header row on every page, and the page number at its foot.
        CHECK(text[p].contains(QStringLiteral("整改时限")));
        CHECK(text[p].contains(QStringLiteral("被巡察单位")));
        CHECK(QString(text[p]).remove(u' ').contains(QStringLiteral("—%1—").arg(p + 1)));
    }
    CHECK(text[0].contains(QStringLiteral("问题台账 — 全部问题（截至 2021-01-15）")));

    const QString all = text.join(QString());
    // Registration numbers, dates and short states on one line each: every one found whole.
    CHECK(all.count(QStringLiteral("2021-03-31")) == 60);
    CHECK(all.count(QStringLiteral("已完成")) == 60);
    for (int i = 1; i <= 60; ++i) {
        INFO("row " << i);
        CHECK(all.count(QStringLiteral("14-1-02-%1").arg(i, 2, 10, QLatin1Char('0'))) == 1);
        // A row is never split across pages, except row 30, which is taller than a page.
        int first = -1, last = -1;
        for (int p = 0; p < pages; ++p) {
            static const QRegularExpression kWord(QStringLiteral("[^0-9A-Z-]"));
            const QStringList words = QString(text[p]).replace(kWord, QStringLiteral(" ")).split(u' ');
            if (words.contains(QStringLiteral("START-%1").arg(i)))
                first = p;
            if (words.contains(QStringLiteral("END-%1").arg(i)))
                last = p;
        }
        REQUIRE(first >= 0);
        REQUIRE(last >= 0);
        if (i == 30)
            CHECK(last > first);
        else
            CHECK(last == first);
    }
}
