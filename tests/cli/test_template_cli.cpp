#include <catch2/catch.hpp>

#include "../core/importfixtures.h"
#include "testsupport.h"

#include <unzip.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace rectrack::test;

namespace {

QString s(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

/// Every part of a zip (part name → bytes).
QMap<QString, QByteArray> readZip(const QString &path)
{
    QMap<QString, QByteArray> parts;
    unzFile zf = unzOpen64(QFile::encodeName(path).constData());
    REQUIRE(zf != nullptr);
    for (int rc = unzGoToFirstFile(zf); rc == UNZ_OK; rc = unzGoToNextFile(zf)) {
        char name[512];
        unz_file_info64 info{};
        REQUIRE(unzGetCurrentFileInfo64(zf, &info, name, sizeof name, nullptr, 0, nullptr, 0) == UNZ_OK);
        REQUIRE(unzOpenCurrentFile(zf) == UNZ_OK);
        QByteArray data(qsizetype(info.uncompressed_size), '\0');
        REQUIRE(unzReadCurrentFile(zf, data.data(), unsigned(data.size())) == int(data.size()));
        unzCloseCurrentFile(zf);
        parts.insert(QString::fromUtf8(name), data);
    }
    unzClose(zf);
    return parts;
}

/// A row of inline-string cells, as a user typing into the template leaves it (columns A…).
QByteArray inlineRow(int row, const QStringList &cells)
{
    QByteArray x = "<row r=\"" + QByteArray::number(row) + "\">";
    for (int c = 0; c < cells.size(); ++c) {
        if (cells[c].isEmpty())
            continue;
        x += "<c r=\"" + QByteArray(1, char('A' + c)) + QByteArray::number(row) +
             "\" t=\"inlineStr\"><is><t>" + xmlEscape(cells[c]) + "</t></is></c>";
    }
    return x + "</row>";
}

QJsonObject statsTotal(const QString &db)
{
    const CliRun r =
        runCli({QStringLiteral("stats"), db, QStringLiteral("--format"), QStringLiteral("json")});
    REQUIRE(r.exitCode == 0);
    return QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("total")).toObject();
}

} // namespace

TEST_CASE("template → fill two rows → import creates exactly those two problems, no mapping",
          "[cli][template][pg]")
{
    RegisterLocation reg(QStringLiteral("r.rtreg"));
    const QTemporaryDir &dir = reg.dir;
    const QString tpl = dir.filePath(QStringLiteral("t.xlsx"));
    const QString unit = s("市交通运输局党组");
    const CliRun made =
        runCli({QStringLiteral("template"), QStringLiteral("-o"), tpl, QStringLiteral("--unit"), unit,
                QStringLiteral("--lang"), QStringLiteral("zh_CN")});
    INFO(made.err.toStdString());
    REQUIRE(made.exitCode == 0);

    QMap<QString, QByteArray> parts = readZip(tpl);
    // Three sheets: the ledger, the instructions and the hidden lists.
    const QByteArray workbook = parts.value(QStringLiteral("xl/workbook.xml"));
    CHECK(workbook.contains(s("name=\"问题台账\"").toUtf8()));
    CHECK(workbook.contains(s("name=\"填表说明\"").toUtf8()));
    CHECK(workbook.contains("state=\"hidden\""));
    QByteArray sheet = parts.value(QStringLiteral("xl/worksheets/sheet1.xml"));
    REQUIRE_FALSE(sheet.isEmpty());
    // Validation lists on the category (C) and status (K) columns of the data rows.
    CHECK(sheet.contains("<dataValidations count=\"2\">"));
    CHECK(sheet.contains("sqref=\"K3:K502\""));
    CHECK(sheet.contains("sqref=\"C3:C502\""));
    CHECK(sheet.count("type=\"list\"") == 2);
    const QByteArray strings = parts.value(QStringLiteral("xl/sharedStrings.xml"));
    for (const char *word : {"未启动", "整改中", "长期坚持", "已完成", "已销号", "市交通运输局党组问题台账",
                             "整改时限", "完成情况"})
        CHECK(strings.contains(QByteArray(word)));

    // The empty template imports as a ledger with no problems.
    const QString db = reg.path;
    REQUIRE(runCli({QStringLiteral("init"), db}).exitCode == 0);

    // Fill in two rows below the header (序号 编号 类别 问题 措施 牵头领导 责任单位 责任人 时限 进展 完成情况
    // 备注).
    const QByteArray rows =
        inlineRow(3, {QStringLiteral("1"), QStringLiteral("JT-01"), s("落实全面从严治党战略部署方面"),
                      s("公务用车管理不规范"), s("1. 清理公务用车台账\n2. 建立用车审批制度"), s("张局长"),
                      s("办公室"), s("李主任"), QStringLiteral("2021-06-30"), s("已清理台账"), s("整改中"),
                      QString()}) +
        inlineRow(4, {QStringLiteral("2"), QStringLiteral("JT-02"), s("落实新时代党的组织路线方面"),
                      s("干部档案审核不到位"), s("开展干部档案专项审核"), s("王书记"), s("组织人事科"),
                      s("赵科长"), s("长期坚持"), QString(), s("已完成"), s("立查立改")});
    const qsizetype end = sheet.indexOf("</sheetData>");
    REQUIRE(end > 0);
    sheet.insert(end, rows);
    parts.insert(QStringLiteral("xl/worksheets/sheet1.xml"), sheet);
    const QString filled = dir.filePath(QStringLiteral("filled.xlsx"));
    REQUIRE(writeZip(filled, parts));

    const CliRun imp = runCli({QStringLiteral("import"), db, filled, QStringLiteral("--unit"), unit});
    INFO(imp.out.toStdString());
    INFO(imp.err.toStdString());
    REQUIRE(imp.exitCode == 0);
    CHECK(imp.err.isEmpty()); // no warning: every column recognised, nothing to map
    const QJsonObject total = statsTotal(db);
    CHECK(total.value(QStringLiteral("problems")).toInt() == 2);
    CHECK(total.value(QStringLiteral("measures")).toInt() == 3);
    CHECK(total.value(QStringLiteral("inProgress")).toInt() == 1);
    CHECK(total.value(QStringLiteral("completed")).toInt() == 1);

    const QString csv = dir.filePath(QStringLiteral("out.csv"));
    REQUIRE(runCli({QStringLiteral("export"), db, QStringLiteral("--ledger"), QStringLiteral("problems"),
                    QStringLiteral("-o"), csv, QStringLiteral("--unit"), unit})
                .exitCode == 0);
    QFile f(csv);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QStringList lines =
        QString::fromUtf8(f.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 3);
    CHECK(lines[1].startsWith(s("1,JT-01,落实全面从严治党战略部署方面,公务用车管理不规范,")));
    CHECK(lines[1].contains(QStringLiteral("2021-06-30")));
    CHECK(lines[2].startsWith(s("2,JT-02,落实新时代党的组织路线方面,干部档案审核不到位,开展干部档案专项审核,"
                                "王书记,组织人事科,赵科长,长期坚持,")));
}

TEST_CASE("template usage errors", "[cli][template]")
{
    QTemporaryDir dir;
    CHECK(runCli({QStringLiteral("template")}).exitCode == 1);
    CHECK(runCli({QStringLiteral("template"), QStringLiteral("-o"), dir.filePath(QStringLiteral("t.csv"))})
              .exitCode == 1);
    const CliRun r = runCli({QStringLiteral("template"), QStringLiteral("-o"),
                             dir.filePath(QStringLiteral("no/such/dir/t.xlsx"))});
    CHECK(r.exitCode == 2);
}
