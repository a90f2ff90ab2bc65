#include <catch2/catch.hpp>

#include "../core/docxfixtures.h"
#include "../core/importfixtures.h"
#include "../core/xlsfixtures.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace rectrack::test;

namespace {

QString s(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QJsonObject statsTotal(const QString &db)
{
    const CliRun r =
        runCli({QStringLiteral("stats"), db, QStringLiteral("--format"), QStringLiteral("json")});
    REQUIRE(r.exitCode == 0);
    return QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("total")).toObject();
}

/// Imports @p ledger into a new register (a file, or a database on the test server in the pg run)
/// and returns the register's totals.
QJsonObject importedTotals(const QString &ledger)
{
    RegisterLocation reg(QFileInfo(ledger).fileName() + QStringLiteral(".rtreg"));
    const QString db = reg.path;
    REQUIRE(runCli({QStringLiteral("init"), db}).exitCode == 0);
    const CliRun r = runCli({QStringLiteral("import"), db, ledger, QStringLiteral("--unit"), s("测试局党组"),
                             QStringLiteral("--feedback-date"), QStringLiteral("2021-01-10")});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    return statsTotal(db);
}

} // namespace

TEST_CASE("import of a ledger saved as .xls or kept as a Word table gives the counts of the same .xlsx",
          "[cli][import][pg]")
{
    QTemporaryDir dir;
    const QString xls = dir.filePath(QStringLiteral("ledger.xls"));
    const QString xlsx = dir.filePath(QStringLiteral("ledger.xlsx"));
    REQUIRE(writeFile(xls, xlsFile({sampleLedgerXls()})));
    REQUIRE(writeZip(xlsx, workbookParts({{s("台账"), sampleLedgerXlsAsXlsx()}})));
    const QJsonObject fromXls = importedTotals(xls);
    CHECK(fromXls.value(QStringLiteral("problems")).toInt() == 3);
    CHECK(fromXls == importedTotals(xlsx));

    const QString docx = dir.filePath(QStringLiteral("word-ledger.docx"));
    const QString docxAsXlsx = dir.filePath(QStringLiteral("word-ledger.xlsx"));
    REQUIRE(writeZip(docx, docxParts(sampleLedgerDocxBody())));
    REQUIRE(writeZip(docxAsXlsx, workbookParts({{s("台账"), sampleLedgerDocxAsXlsx()}})));
    const QJsonObject fromDocx = importedTotals(docx);
    CHECK(fromDocx.value(QStringLiteral("problems")).toInt() == 5);
    CHECK(fromDocx.value(QStringLiteral("completed")).toInt() == 2);
    CHECK(fromDocx == importedTotals(docxAsXlsx));
}

TEST_CASE("files that are not ledgers are refused with exit code 2, named, and the register unchanged",
          "[cli][import][pg]")
{
    RegisterLocation reg(QStringLiteral("r.rtreg"));
    const QTemporaryDir &dir = reg.dir;
    const QString db = reg.path;
    REQUIRE(runCli({QStringLiteral("init"), db}).exitCode == 0);
    const QString good = dir.filePath(QStringLiteral("good.xls"));
    REQUIRE(writeFile(good, xlsFile({sampleLedgerXls()})));
    REQUIRE(
        runCli({QStringLiteral("import"), db, good, QStringLiteral("--unit"), s("测试局党组")}).exitCode ==
        0);
    const QJsonObject before = statsTotal(db);

    const QList<QPair<QString, QByteArray>> files{
        {QStringLiteral("report.doc"),
         compoundFile({{QStringLiteral("WordDocument"), QByteArray(700, 'w')}})},
        {QStringLiteral("locked.xlsx"),
         compoundFile({{QStringLiteral("EncryptionInfo"), QByteArray(200, 'i')},
                       {QStringLiteral("EncryptedPackage"), QByteArray(5000, 'p')}})},
        {QStringLiteral("scan.pdf"), QByteArray("%PDF-1.4\n")},
        {QStringLiteral("photo.png"), QByteArray("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16)},
    };
    QTemporaryDir minutesDir;
    const QString minutes = dir.filePath(QStringLiteral("minutes.docx"));
    REQUIRE(
        writeZip(minutes, docxParts(wordParagraph(s("会议纪要")) + wordTable({{s("姓名"), s("职务")}}, 2))));
    QStringList paths{minutes};
    for (const auto &[name, data] : files) {
        REQUIRE(writeFile(dir.filePath(name), data));
        paths << dir.filePath(name);
    }
    const QStringList expected{s("是 Word 文档，其中没有台账表格"), s("请在 Word/WPS 中另存为 .docx"),
                               s("设置了打开密码，请在 Excel/WPS 中取消密码后另存"),
                               s("请导入 Excel、WPS 表格或 Word 中的台账"),
                               s("请导入 Excel、WPS 表格或 Word 中的台账")};
    for (int i = 0; i < paths.size(); ++i) {
        const CliRun r = runCli({QStringLiteral("import"), db, paths[i], QStringLiteral("--unit"),
                                 s("测试局党组"), QStringLiteral("--lang"), QStringLiteral("zh_CN")});
        INFO(r.err.toStdString());
        CHECK(r.exitCode == 2);
        CHECK(r.err.contains(QFileInfo(paths[i]).fileName()));
        CHECK(r.err.contains(expected[i]));
        CHECK(statsTotal(db) == before);
    }
}
