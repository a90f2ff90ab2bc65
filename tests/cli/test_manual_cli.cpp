// rectrack-cli manual (issue #28): the user manual as an A4 PDF, Chinese by default, English with
// --lang en; checked with poppler's tools as a reader would see it.
#include <catch2/catch.hpp>

#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

using rectrack::test::CliRun;
using rectrack::test::runCli;

namespace {

QString tool(const QString &program, const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LANG"), QStringLiteral("zh_CN.UTF-8"));
    p.setProcessEnvironment(env);
    p.start(program, args);
    REQUIRE(p.waitForFinished(60000));
    return QString::fromUtf8(p.readAllStandardOutput());
}

/// @p s without any white space (a long title may wrap in the PDF's text).
QString squeezed(QString s)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return s.remove(space);
}

int pages(const QString &pdf)
{
    const auto m =
        QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(tool(QStringLiteral("pdfinfo"), {pdf}));
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

/// Rows of `pdfimages -list` (after its two header lines).
int images(const QString &pdf)
{
    return int(tool(QStringLiteral("pdfimages"), {QStringLiteral("-list"), pdf})
                   .split(u'\n', Qt::SkipEmptyParts)
                   .size()) -
           2;
}

const QStringList kChineseTitles{
    QStringLiteral("新建台账与首次使用"),
    QStringLiteral("登记反馈问题（挂号）"),
    QStringLiteral("整改措施、进展与佐证材料"),
    QStringLiteral("审核与销号"),
    QStringLiteral("督办、回访与整改效果评价"),
    QStringLiteral("线索、抄告与建章立制"),
    QStringLiteral("导入和导出台账（Excel、WPS、Word 表格、汇总台账）"),
    QStringLiteral("截至日期与历史"),
    QStringLiteral("仪表盘与会议报告"),
    QStringLiteral("共性问题与屡查屡犯"),
    QStringLiteral("多人使用：连接服务器、角色与权限"),
    QStringLiteral("离线交换包"),
    QStringLiteral("备份、校验与故障处理"),
    QStringLiteral("命令行"),
    QStringLiteral("术语表"),
    QStringLiteral("给保密管理员"),
    QStringLiteral("给信息技术人员"),
};

const QStringList kEnglishTitles{
    QStringLiteral("Creating a register and first use"),
    QStringLiteral("Registering feedback (挂号)"),
    QStringLiteral("Measures, progress and evidence"),
    QStringLiteral("Review and close-out"),
    QStringLiteral("Supervision, return visits and rectification-effect evaluation"),
    QStringLiteral("Clues, referrals and rule-building"),
    QStringLiteral("Importing and exporting ledgers (Excel, WPS, Word tables, combined ledgers)"),
    QStringLiteral("As-of date and history"),
    QStringLiteral("Dashboard and meeting report"),
    QStringLiteral("Common and recurring problems"),
    QStringLiteral("Several users: server, roles and rights"),
    QStringLiteral("Offline exchange packages"),
    QStringLiteral("Backup, verification and troubleshooting"),
    QStringLiteral("Command line"),
    QStringLiteral("Glossary"),
    QStringLiteral("For the secrecy officer"),
    QStringLiteral("For the IT staff"),
};

/// How many screenshots the manual's pages in @p language show: the Markdown images
/// (](../../screenshots/NAME.png)) of docs/manual/<language>/*.md, counted in the sources so that
/// a page that gains or loses a picture keeps this test right.
int screenshotsShown(const QString &language)
{
    const QDir pages(QStringLiteral(RECTRACK_SOURCE_DIR "/docs/manual/") + language);
    const QStringList files = pages.entryList({QStringLiteral("*.md")}, QDir::Files);
    REQUIRE(files.size() >= 15);
    static const QRegularExpression image(QStringLiteral("\\]\\(\\.\\./\\.\\./screenshots/[^)]+\\.png\\)"));
    int n = 0;
    for (const QString &name : files) {
        QFile f(pages.filePath(name));
        REQUIRE(f.open(QIODevice::ReadOnly));
        for (QRegularExpressionMatchIterator it = image.globalMatch(QString::fromUtf8(f.readAll()));
             it.hasNext(); it.next())
            ++n;
    }
    return n;
}

} // namespace

TEST_CASE("rectrack-cli manual writes the user manual as an A4 PDF with every task and its screenshots",
          "[cli][manual]")
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("操作手册.pdf"));
    // As an office runs it: no --lang, so Chinese (runCli would add --lang en).
    QProcess cli;
    cli.start(QStringLiteral(RECTRACK_CLI_PATH), {QStringLiteral("manual"), QStringLiteral("-o"), pdf});
    REQUIRE(cli.waitForFinished(120000));
    CliRun run;
    run.exitCode = cli.exitCode();
    run.out = QString::fromUtf8(cli.readAllStandardOutput());
    run.err = QString::fromUtf8(cli.readAllStandardError());
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    const int n = pages(pdf);
    CHECK(n >= 20);
    const int shown = screenshotsShown(QStringLiteral("zh_CN"));
    CHECK(shown >= 10);
    CHECK(run.out.trimmed() ==
          QStringLiteral("已写出操作手册 %1（共 %2 页，截图 %3 幅）。").arg(pdf).arg(n).arg(shown));

    const QString text = tool(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    const QString flat = squeezed(text);
    for (const QString &title : kChineseTitles) {
        INFO(title.toStdString());
        CHECK(flat.contains(squeezed(title)));
    }
    // The cover, the contents with page numbers, running page numbers, the real menu names.
    CHECK(text.contains(QStringLiteral("巡察整改监督台账 操作手册")));
    CHECK(flat.contains(QStringLiteral("目录")));
    CHECK(QRegularExpression(QStringLiteral("审核与销号\\s*\\.*\\s*\\d+")).match(text).hasMatch());
    CHECK(text.contains(QStringLiteral("— %1 —").arg(n)));
    CHECK(flat.contains(QStringLiteral("文件→导入台账…（Ctrl+I）")));
    // Chinese text round-trips (至/月/日 are not Kangxi radicals), in a font embedded in the file.
    CHECK(flat.contains(QStringLiteral("截至日期")));
    CHECK_FALSE(text.contains(QChar(0x2F47))); // ⽇ KANGXI RADICAL SUN
    const QString fonts = tool(QStringLiteral("pdffonts"), {pdf});
    const QStringList fontRows = fonts.split(u'\n', Qt::SkipEmptyParts).mid(2);
    REQUIRE(fontRows.size() >= 1);
    CHECK(fontRows.first().startsWith(QStringLiteral("WenQuanYiMicroHei ")));
    for (const QString &row : fontRows) // name, type, encoding, then emb = yes
        CHECK(QRegularExpression(QStringLiteral("Identity-H\\s+yes ")).match(row).hasMatch());
    // The screenshots are in it, each page's pictures.
    CHECK(images(pdf) == shown);
    const QString info = tool(QStringLiteral("pdfinfo"), {pdf});
    CHECK(info.contains(QStringLiteral("595 x 842 pts (A4)")));
    CHECK(QRegularExpression(QStringLiteral("Title:\\s+巡察整改监督台账 操作手册\n")).match(info).hasMatch());
}

TEST_CASE("rectrack-cli manual --lang en writes the English manual", "[cli][manual]")
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("manual.pdf"));
    const CliRun run = runCli({QStringLiteral("manual"), QStringLiteral("-o"), pdf, QStringLiteral("--lang"),
                               QStringLiteral("en")});
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    CHECK(run.out.startsWith(QStringLiteral("Wrote the user manual ")));
    CHECK(pages(pdf) >= 20);
    CHECK(screenshotsShown(QStringLiteral("en")) >= 10);
    CHECK(images(pdf) == screenshotsShown(QStringLiteral("en")));
    const QString text = tool(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    const QString flat = squeezed(text);
    for (const QString &title : kEnglishTitles) {
        INFO(title.toStdString());
        CHECK(flat.contains(squeezed(title)));
    }
    CHECK(text.contains(QStringLiteral("Rectrack user manual")));
    CHECK(text.contains(QStringLiteral("Contents")));
    CHECK(flat.contains(QStringLiteral("File→Importledgers…(Ctrl+I)")));
    // The English manual, not the Chinese one.
    CHECK_FALSE(flat.contains(squeezed(QStringLiteral("新建台账与首次使用"))));
}

TEST_CASE("rectrack-cli manual refuses a missing or wrong output name", "[cli][manual]")
{
    QTemporaryDir dir;
    const CliRun none = runCli({QStringLiteral("manual"), QStringLiteral("--lang"), QStringLiteral("zh_CN")});
    CHECK(none.exitCode == 1);
    CHECK(none.err.contains(QStringLiteral("请用 -o 文件.pdf 指定要写入的文件。")));
    const QString odt = dir.filePath(QStringLiteral("m.odt"));
    const CliRun wrong = runCli({QStringLiteral("manual"), QStringLiteral("-o"), odt,
                                 QStringLiteral("--lang"), QStringLiteral("zh_CN")});
    CHECK(wrong.exitCode == 1);
    CHECK(wrong.err.contains(QStringLiteral("文件名必须以 .pdf 结尾")));
    CHECK_FALSE(QFile::exists(odt));
}
