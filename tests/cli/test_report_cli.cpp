#include <catch2/catch.hpp>

#include "testsupport.h"

#include "stats/statistics.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

using rectrack::test::CliRun;
using rectrack::test::RegisterLocation;
using rectrack::test::runCli;

namespace {

QString tool(const QString &program, const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LANG"), QStringLiteral("zh_CN.UTF-8"));
    p.setProcessEnvironment(env);
    p.start(program, args);
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

QStringList unitNames(const QString &db)
{
    return rectrack::test::sqlOutput(db, QStringLiteral("SELECT name FROM units"))
        .split(u'\n', Qt::SkipEmptyParts);
}

} // namespace

TEST_CASE("rectrack-cli report writes the demo register's report as PDF and .odt", "[cli][report][pg]")
{
    RegisterLocation reg(QStringLiteral("demo.rtreg"));
    const QTemporaryDir &dir = reg.dir;
    const QString db = reg.path;
    REQUIRE(runCli({QStringLiteral("demo"), db}).exitCode == 0);
    const QString pdf = dir.filePath(QStringLiteral("r.pdf"));

    QElapsedTimer timer;
    timer.start();
    const CliRun run =
        runCli({QStringLiteral("report"), db, QStringLiteral("-o"), pdf, QStringLiteral("--as-of"),
                QStringLiteral("2021-01-15"), QStringLiteral("--marking"),
                QStringLiteral("内部资料 注意保存"), QStringLiteral("--lang"), QStringLiteral("zh_CN")});
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    WARN("report of the demo register took " << timer.elapsed() << " ms");
    CHECK(run.out.contains(QStringLiteral("r.pdf")));
    // The file name stands apart from the Chinese words around it, as in the other commands' messages.
    CHECK(run.out.startsWith(QStringLiteral("已生成报告 ") + pdf + QStringLiteral("（共 ")));
    CHECK(run.out.trimmed().endsWith(QStringLiteral(" 页）。")));

    const QString info =
        tool(QStringLiteral("pdfinfo"), {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf});
    CHECK(info.contains(QStringLiteral("Title:           巡察整改工作情况报告\n")));
    CHECK(info.contains(QStringLiteral("Page size:       595 x 842 pts (A4)")));
    // Every font embedded: the "emb" column of pdffonts says yes on each font line.
    const QStringList fonts = tool(QStringLiteral("pdffonts"), {pdf}).split(u'\n', Qt::SkipEmptyParts).mid(2);
    REQUIRE_FALSE(fonts.isEmpty());
    for (const QString &line : fonts)
        CHECK(line.split(u' ', Qt::SkipEmptyParts).value(line.split(u' ', Qt::SkipEmptyParts).size() - 5) ==
              QStringLiteral("yes"));

    const QString text = tool(QStringLiteral("pdftotext"),
                              {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
    CHECK(text.contains(QStringLiteral("完成率")));
    CHECK(text.contains(QStringLiteral("中央巡视")));
    CHECK(text.contains(QStringLiteral("省委巡视")));
    CHECK(text.contains(QStringLiteral("94.29%"))); // coverage rate
    // The register's completion rate as `stats` computes it, and the supervision figures of `summary`.
    const CliRun stats =
        runCli({QStringLiteral("stats"), db, QStringLiteral("--format"), QStringLiteral("json")});
    REQUIRE(stats.exitCode == 0);
    const double rate = QJsonDocument::fromJson(stats.out.toUtf8())
                            .object()
                            .value(QStringLiteral("total"))
                            .toObject()
                            .value(QStringLiteral("completionRate"))
                            .toDouble();
    REQUIRE(rate > 0.5);
    CHECK(text.contains(rectrack::core::Statistics::formatPercent(rate)));
    CHECK(text.contains(QStringLiteral("抄告单")));
    CHECK(text.contains(QStringLiteral("截至2021年1月15日")));
    // The central (20 of 20) and provincial (22 of 22) rows of the source table read 100%.
    CHECK(text.contains(
        QRegularExpression(QStringLiteral("中央巡视\\s+20\\s+20\\s+14\\s+0\\s+0\\s+0\\s+100%"))));
    CHECK(text.contains(
        QRegularExpression(QStringLiteral("省委巡视\\s+22\\s+22\\s+12\\s+0\\s+0\\s+0\\s+100%"))));
    const QStringList units = unitNames(db);
    REQUIRE(units.size() > 100);
    for (const QString &unit : units)
        CHECK(text.contains(unit));
    for (const QChar c : text)
        REQUIRE_FALSE((c.unicode() >= 0x2F00 && c.unicode() <= 0x2FDF));

    const QString odt = dir.filePath(QStringLiteral("r.odt"));
    REQUIRE(runCli({QStringLiteral("report"), db, QStringLiteral("-o"), odt, QStringLiteral("--since"),
                    QStringLiteral("2020-12-31"), QStringLiteral("--appendix")})
                .exitCode == 0);
    QFile f(odt);
    REQUIRE(f.open(QIODevice::ReadOnly));
    CHECK(f.readAll().contains("Pictures/"));
}

TEST_CASE("rectrack-cli report refuses bad arguments with the documented exit codes", "[cli][report][pg]")
{
    RegisterLocation reg(QStringLiteral("demo.rtreg"));
    const QTemporaryDir &dir = reg.dir;
    const QString db = reg.path;
    REQUIRE(runCli({QStringLiteral("demo"), db}).exitCode == 0);
    CHECK(runCli({QStringLiteral("report"), db}).exitCode == 1);
    CHECK(runCli({QStringLiteral("report"), db, QStringLiteral("-o"), dir.filePath(QStringLiteral("r.docx"))})
              .exitCode == 1);
    CHECK(runCli({QStringLiteral("report"), db, QStringLiteral("-o"), dir.filePath(QStringLiteral("r.pdf")),
                  QStringLiteral("--since"), QStringLiteral("2021-02-01")})
              .exitCode == 1);
    const CliRun noUnit =
        runCli({QStringLiteral("report"), db, QStringLiteral("-o"), dir.filePath(QStringLiteral("r.pdf")),
                QStringLiteral("--unit"), QStringLiteral("不存在的单位")});
    CHECK(noUnit.exitCode == 2);
    CHECK(noUnit.err.contains(QStringLiteral("不存在的单位")));
    const QString nowhere = dir.filePath(QStringLiteral("没有/r.pdf"));
    const CliRun noFolder = runCli({QStringLiteral("report"), db, QStringLiteral("-o"), nowhere,
                                    QStringLiteral("--lang"), QStringLiteral("zh_CN")});
    CHECK(noFolder.exitCode == 2);
    CHECK(noFolder.err.contains(QStringLiteral("无法写入 ") + nowhere + QStringLiteral("：")));
    CHECK(runCli({QStringLiteral("report"), dir.filePath(QStringLiteral("missing.rtreg")),
                  QStringLiteral("-o"), dir.filePath(QStringLiteral("r.pdf"))})
              .exitCode == 4);
    CHECK_FALSE(QFile::exists(dir.filePath(QStringLiteral("r.pdf"))));
    // A unit's report: that unit's problems only.
    const QString unitPdf = dir.filePath(QStringLiteral("unit.pdf"));
    REQUIRE(runCli({QStringLiteral("report"), db, QStringLiteral("-o"), unitPdf, QStringLiteral("--unit"),
                    QStringLiteral("市交通运输局党组")})
                .exitCode == 0);
    const QString text = tool(QStringLiteral("pdftotext"), {QStringLiteral("-enc"), QStringLiteral("UTF-8"),
                                                            unitPdf, QStringLiteral("-")});
    CHECK(text.contains(QStringLiteral("市交通运输局党组")));
    CHECK_FALSE(text.contains(QStringLiteral("市城管局党组")));
}
