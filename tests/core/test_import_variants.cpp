// Ledgers as other offices keep them: other header words, layouts, encodings and files saved by
// Excel, WPS and LibreOffice. Each case is a ledger the importer once read wrongly; the expected
// values are what a person reading the ledger counts.
#include <catch2/catch.hpp>

#include "importfixtures.h"
#include "testsupport.h"

#include "io/csvreader.h"
#include "io/ledgerimporter.h"
#include "stats/statistics.h"
#include "storage/auditlog.h"
#include "workflow/problemservice.h"

#include <QStringEncoder>

using namespace rectrack::core;
using namespace rectrack::test;

namespace {

QString s(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QString writeBytes(TempRegister &reg, const QString &name, const QByteArray &data)
{
    const QString path = reg.dir.filePath(name);
    REQUIRE(writeFile(path, data));
    return path;
}

ImportOptions unitOptions()
{
    ImportOptions o;
    o.unit = s("某单位");
    o.feedbackDate = QDate(2021, 1, 10);
    return o;
}

ImportReport importOk(TempRegister &reg, const QString &path, const ImportOptions &o = unitOptions())
{
    ImportReport r = LedgerImporter::importFile(*reg.db, path, o);
    for (const ImportIssue &e : r.errors)
        UNSCOPED_INFO(e.toString().toStdString());
    REQUIRE(r.ok());
    return r;
}

Counts totals(TempRegister &reg)
{
    auto r = Statistics::compute(*reg.db, QDate(2021, 12, 31));
    REQUIRE(r.ok());
    return r->total;
}

QStringList categoryKeys(TempRegister &reg)
{
    auto r = Statistics::compute(*reg.db, QDate(2021, 12, 31), GroupBy::Category);
    REQUIRE(r.ok());
    QStringList keys;
    for (const GroupCounts &g : r->groups) {
        if (g.counts.problems > 0)
            keys << g.key;
    }
    keys.sort();
    return keys;
}

Problem problem(TempRegister &reg, const QString &description)
{
    const qint64 id =
        reg.db->scalar(QStringLiteral("SELECT id FROM problems WHERE description = ?"), {description})
            .toLongLong();
    const auto p = ProblemService(*reg.db).problem(id);
    REQUIRE(p);
    return *p;
}

int measureCount(TempRegister &reg, const QString &description)
{
    return int(ProblemService(*reg.db).measures(problem(reg, description).id).size());
}

} // namespace

TEST_CASE("other header words, a 是否完成 column of 是/否, 1、 row numbers, empty trailing columns",
          "[import][variants]")
{
    TempRegister reg;
    const QString path =
        writeBytes(reg, QStringLiteral("a.csv"),
                   s("序号,存在问题,整改举措,整改期限,分管领导,责任单位（部门）,是否完成,备注,,\r\n"
                     "1、,学习不深入,1、制定学习计划；2、开展专题学习,2021年6月底前,张某,办公室,是,,,\r\n"
                     "2、,制度不健全,完善制度,2021/3/31,李某,人事科,否,已部分完成,,\r\n"
                     "3、,监督不到位,①加强监督②建立台账③定期通报,2021.3.31,王某,纪检组,是,,,\r\n")
                       .toUtf8());
    const ImportReport r = importOk(reg, path);
    CHECK(r.warnings.isEmpty());
    const Counts c = totals(reg);
    CHECK(c.problems == 3);
    CHECK(c.measures == 6);
    CHECK(c.completed == 2);
    CHECK(c.inProgress == 1);
    CHECK(c.registered == 0);
    const Problem p = problem(reg, s("制度不健全"));
    CHECK(p.state == ProblemState::InProgress);
    CHECK(p.leadLeader == s("李某"));
    CHECK(p.responsibleOffice == s("人事科"));
    CHECK(p.deadline == QDate(2021, 3, 31));
    CHECK(p.note == s("已部分完成"));
    CHECK(problem(reg, s("学习不深入")).deadline == QDate(2021, 6, 30));
}

TEST_CASE("a column describing the problem (问题来源) before the problem column does not take its place",
          "[import][variants]")
{
    TempRegister reg;
    const QString path = writeBytes(reg, QStringLiteral("src.csv"),
                                    s("序号,问题来源,问题类型,问题描述,整改措施,整改时限,状态\n"
                                      "1,巡察反馈,党建,问题一,措施,2021-03-31,已完成\n"
                                      "2,巡察反馈,作风,问题二,措施,2021-03-31,整改中\n")
                                        .toUtf8());
    const ImportReport r = importOk(reg, path);
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].column == s("问题来源")); // kept as a note, named in a warning
    const Counts c = totals(reg);
    CHECK(c.problems == 2);
    CHECK(c.completed == 1);
    CHECK(c.inProgress == 1);
    CHECK(categoryKeys(reg) == QStringList{s("作风"), s("党建")});
    CHECK(problem(reg, s("问题一")).note == s("问题来源：巡察反馈"));
}

TEST_CASE("title, attachment label, fill-in and blank rows above a header on row 5, notes and signatures "
          "below the summary row",
          "[import][variants]")
{
    TempRegister reg;
    const QString path = writeBytes(reg, QStringLiteral("t.csv"),
                                    s("附件2,,,,,,\n"
                                      "某某局巡察反馈问题整改落实情况台账,,,,,,\n"
                                      "填报单位：某某局,,,,,填报日期：2019年5月20日,\n"
                                      ",,,,,,\n"
                                      "序号,反馈问题,整改措施,完成时限,责任领导,责任部门,整改状态\n"
                                      "1,问题一,措施,3月31日,张某,办公室,已完成\n"
                                      "2,问题二,措施,年底前,张某,办公室,整改中\n"
                                      "3,问题三,措施,每季度,张某,办公室,基本完成\n"
                                      "合计,3个问题,,,,,\n"
                                      "填表人：赵某,,,审核人：钱某,,联系电话：12345678,\n"
                                      "注：整改状态填写已完成、整改中或基本完成。,,,,,,\n")
                                        .toUtf8());
    ImportOptions o = unitOptions();
    o.feedbackDate = QDate(); // the year comes from the fill-in date
    const ImportReport r = importOk(reg, path, o);
    CHECK(r.headerRow == 5);
    const Counts c = totals(reg);
    CHECK(c.problems == 3);
    CHECK(c.completed == 1);
    CHECK(c.inProgress == 1);
    CHECK(c.longTerm == 1);
    CHECK(categoryKeys(reg).size() == 1); // all uncategorised: no footnote became a category
    CHECK(problem(reg, s("问题一")).deadline == QDate(2019, 3, 31));
    CHECK(problem(reg, s("问题二")).deadline == QDate(2019, 12, 31));
    CHECK(problem(reg, s("问题三")).deadlineNote == s("每季度"));
}

TEST_CASE("the year of dates without one comes from the title when no fill-in date is written",
          "[import][variants]")
{
    TempRegister reg;
    const QString path =
        writeBytes(reg, QStringLiteral("y.csv"),
                   s("附件1\n2019年度巡察整改台账\n问题描述,整改时限\n问题一,6月底前\n").toUtf8());
    ImportOptions o = unitOptions();
    o.feedbackDate = QDate();
    importOk(reg, path, o);
    CHECK(problem(reg, s("问题一")).deadline == QDate(2019, 6, 30));
}

TEST_CASE("a category written once above its problems (a merged cell saved as CSV) is filled down "
          "until the next section",
          "[import][variants]")
{
    TempRegister reg;
    const QString path = writeBytes(reg, QStringLiteral("c.csv"),
                                    s("序号,问题类别,问题描述,整改措施,整改时限,完成情况\n"
                                      "一、第一部分,,,,,\n"
                                      "1,党的建设,问题一,措施,2021-03-31,已完成\n"
                                      "2,,问题二,措施,2021-03-31,已完成\n"
                                      "3,作风建设,问题三,措施,2021-03-31,已完成\n"
                                      "4,,问题四,措施,2021-03-31,已完成\n"
                                      "二、第二部分,,,,,\n"
                                      "5,,问题五,措施,2021-03-31,已完成\n")
                                        .toUtf8());
    importOk(reg, path);
    CHECK(totals(reg).problems == 5);
    CHECK(problem(reg, s("问题二")).categoryId == problem(reg, s("问题一")).categoryId);
    CHECK(problem(reg, s("问题四")).categoryId == problem(reg, s("问题三")).categoryId);
    CHECK(problem(reg, s("问题五")).categoryId != problem(reg, s("问题四")).categoryId);
    CHECK(categoryKeys(reg) == QStringList{s("作风建设"), s("党的建设"), s("第二部分")});
}

TEST_CASE("a two-row header without merged cells (a CSV) combines parent and child", "[import][variants]")
{
    TempRegister reg;
    const QString path = writeBytes(reg, QStringLiteral("h.csv"),
                                    s("序号,问题,,整改措施,责任主体,,整改时限,整改情况,\n"
                                      ",类别,问题表现,,牵头领导,责任单位,,整改进展,完成情况\n"
                                      "1,党建,问题一,1.措施；2.措施,张某,办公室,2021-06-30,推进中,已完成\n"
                                      "2,作风,问题二,措施,张某,办公室,2021-06-30,推进中,正在整改\n")
                                        .toUtf8());
    const ImportReport r = importOk(reg, path);
    CHECK(r.headerRow == 2);
    CHECK(r.warnings.isEmpty());
    const Counts c = totals(reg);
    CHECK(c.problems == 2);
    CHECK(c.measures == 3);
    CHECK(c.completed == 1);
    CHECK(c.inProgress == 1);
    CHECK(categoryKeys(reg) == QStringList{s("作风"), s("党建")});
    const Problem p = problem(reg, s("问题一"));
    CHECK(p.leadLeader == s("张某"));
    CHECK(p.responsibleOffice == s("办公室"));
    CHECK(p.progress == s("推进中"));
}

TEST_CASE("rows with measures but no problem text or row number continue the problem above",
          "[import][variants]")
{
    TempRegister reg;
    const QString path = writeBytes(reg, QStringLiteral("m.csv"),
                                    s("序号,问题描述,整改措施,责任单位,整改时限,完成情况\n"
                                      "1,问题一,措施一,办公室,2021-03-31,已完成\n"
                                      ",,措施二,人事科,2021-03-31,已完成\n"
                                      ",,一、措施三,人事科,2021-03-31,已完成\n"
                                      "2,问题二,措施四,办公室,2021-03-31,已完成\n")
                                        .toUtf8());
    importOk(reg, path);
    CHECK(totals(reg).problems == 2);
    CHECK(totals(reg).measures == 4);
    CHECK(measureCount(reg, s("问题一")) == 3);

    // A numbered row without problem text is still an error.
    const QString bad = writeBytes(reg, QStringLiteral("bad.csv"),
                                   s("序号,问题描述,整改措施\n1,问题甲,措施\n2,,措施\n").toUtf8());
    const ImportReport r = LedgerImporter::importFile(*reg.db, bad, unitOptions());
    REQUIRE_FALSE(r.ok());
    CHECK(r.errors[0].row == 3);
    CHECK(r.errors[0].column == s("问题描述"));
}

TEST_CASE("CSV separators and encodings: a title line above semicolon GBK, tab GB18030, Excel's "
          "Unicode text (UTF-16 LE, tabs, CRLF in quoted cells)",
          "[import][variants]")
{
    TempRegister reg;
    QStringEncoder gbk("GB18030");
    REQUIRE(gbk.isValid());
    const QString semicolon = writeBytes(
        reg, QStringLiteral("semi.csv"),
        QByteArray(gbk.encode(s("某局整改台账\r\n"
                                "序号;问题描述;整改措施;整改时限;完成情况\r\n"
                                "1;问题一，含逗号, 和半角逗号;1.措施；2.措施;2021年3月31日;已完成\r\n"
                                "2;问题二;措施;2021年3月;立行立改已完成\r\n"))));
    importOk(reg, semicolon);
    CHECK(totals(reg).problems == 2);
    CHECK(totals(reg).measures == 3);
    CHECK(problem(reg, s("问题一，含逗号, 和半角逗号")).deadline == QDate(2021, 3, 31));

    TempRegister reg2;
    const QString tab =
        writeBytes(reg2, QStringLiteral("tab.csv"),
                   QByteArray(gbk.encode(s("某局整改台账\n序号\t问题描述\t整改措施\t整改时限\t完成情况\n"
                                           "1\t问题一\t1.措施；2.措施\t2021年3月31日\t已完成\n"))));
    importOk(reg2, tab);
    CHECK(totals(reg2).problems == 1);
    CHECK(totals(reg2).measures == 2);

    TempRegister reg3;
    QStringEncoder utf16(QStringConverter::Utf16LE);
    const QByteArray unicodeText =
        QByteArray("\xFF\xFE", 2) +
        QByteArray(utf16.encode(s("序号\t问题描述\t整改措施\t整改时限\t完成情况\r\n"
                                  "1\t问题一\t\"1.措施\r\n2.措施\"\t2021/3/31\t已完成\r\n"
                                  "2\t问题二\t措施\t2021-03-31\t持续推进\r\n")));
    importOk(reg3, writeBytes(reg3, QStringLiteral("unicode.txt"), unicodeText));
    const Counts c = totals(reg3);
    CHECK(c.problems == 2);
    CHECK(c.measures == 3);
    CHECK(c.completed == 1);
    CHECK(c.longTerm == 1);
}

TEST_CASE("an x:-prefixed WPS workbook of inline strings after a 说明 sheet, dates in date styles and "
          "month formats, booleans",
          "[import][variants]")
{
    TempRegister reg;
    const QByteArray main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    // The ledger sheet with the prefix x: for the main namespace, as some generators write it.
    auto cell = [](const char *ref, const QString &text) -> QByteArray {
        return "<x:c r=\"" + QByteArray(ref) + "\" t=\"inlineStr\"><x:is><x:t>" + xmlEscape(text) +
               "</x:t></x:is></x:c>";
    };
    auto date = [](const char *ref, int serial, int style) -> QByteArray {
        return "<x:c r=\"" + QByteArray(ref) + "\" s=\"" + QByteArray::number(style) + "\"><x:v>" +
               QByteArray::number(serial) + "</x:v></x:c>";
    };
    QByteArray ledger = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><x:worksheet xmlns:x=\"" + main +
                        "\"><x:sheetData><x:row r=\"1\">" + cell("A1", s("2021年度巡察整改台账")) +
                        "</x:row><x:row r=\"2\">" + cell("A2", s("序号")) + cell("B2", s("问题类别")) +
                        cell("C2", s("问题内容")) + cell("D2", s("整改举措")) + cell("E2", s("整改\n时限")) +
                        cell("F2", s("是否完成")) + "</x:row>";
    const struct
    {
        const char *category;
        const char *problem;
        const char *measures;
        int serial;
        int style;
        const char *done;
    } rows[] = {{"党建", "问题一", "1.措施\n2.措施", 44286, 1, "是"},  // 2021-03-31, m/d/yyyy
                {"", "问题二", "措施", 44286, 3, "否"},                // 2021年3月31日 (built-in 31)
                {"作风", "问题三", "⑴措施⑵措施⑶措施", 44348, 4, "是"}, // 2021-06-01 shown as 2021年6月
                {"", "问题四", "措施", 44348, 5, "是"}};               // the same, custom month format
    for (int i = 0; i < 4; ++i) {
        const QByteArray n = QByteArray::number(i + 3);
        ledger += "<x:row r=\"" + n + "\">" + cell(QByteArray("A" + n).constData(), QString::number(i + 1));
        if (*rows[i].category)
            ledger += cell(QByteArray("B" + n).constData(), s(rows[i].category));
        ledger += cell(QByteArray("C" + n).constData(), s(rows[i].problem)) +
                  cell(QByteArray("D" + n).constData(), s(rows[i].measures)) +
                  date(QByteArray("E" + n).constData(), rows[i].serial, rows[i].style) +
                  cell(QByteArray("F" + n).constData(), s(rows[i].done)) + "</x:row>";
    }
    ledger += "<x:row r=\"7\">" + cell("A7", s("合计")) + cell("C7", s("4个问题")) +
              "</x:row></x:sheetData><x:mergeCells><x:mergeCell ref=\"B3:B4\"/><x:mergeCell ref=\"B5:B6\"/>"
              "</x:mergeCells></x:worksheet>";
    auto parts =
        workbookParts({{s("说明"), sheetXml({{s("填表说明")}, {s("1. 问题内容：填写反馈的问题。")}})},
                       {s("台账"), ledger}});
    parts[QStringLiteral("xl/styles.xml")] =
        "<?xml version=\"1.0\"?><styleSheet xmlns=\"" + main +
        "\"><numFmts count=\"1\"><numFmt numFmtId=\"177\" "
        "formatCode=\"[$-804]yyyy&quot;年&quot;m&quot;月&quot;;@\"/></numFmts><cellXfs count=\"6\"><xf "
        "numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"0\"/><xf numFmtId=\"31\"/><xf "
        "numFmtId=\"57\"/><xf numFmtId=\"177\"/></cellXfs></styleSheet>";
    const QString path = reg.dir.filePath(QStringLiteral("wps.xlsx"));
    REQUIRE(writeZip(path, parts));
    const ImportReport r = importOk(reg, path);
    CHECK(r.sheet == s("台账"));
    const Counts c = totals(reg);
    CHECK(c.problems == 4);
    CHECK(c.measures == 7);
    CHECK(c.completed == 3);
    CHECK(c.inProgress == 1);
    CHECK(categoryKeys(reg) == QStringList{s("作风"), s("党建")});
    CHECK(problem(reg, s("问题一")).deadline == QDate(2021, 3, 31));
    CHECK(problem(reg, s("问题二")).deadline == QDate(2021, 3, 31));
    CHECK(problem(reg, s("问题三")).deadline == QDate(2021, 6, 30)); // 2021年6月 means June
    CHECK(problem(reg, s("问题四")).deadline == QDate(2021, 6, 30));
}

TEST_CASE("ledgers saved by LibreOffice Calc (shared strings, its own styles)", "[import][variants]")
{
    const QString dir = QStringLiteral(RECTRACK_SOURCE_DIR "/tests/data/ledgers/");
    {
        TempRegister reg;
        const ImportReport r = importOk(reg, dir + QStringLiteral("libreoffice-two-row-header.xlsx"));
        CHECK(r.headerRow == 2);
        const Counts c = totals(reg);
        CHECK(c.problems == 2);
        CHECK(c.measures == 3);
        CHECK(c.completed == 1);
        CHECK(c.inProgress == 1);
        CHECK(categoryKeys(reg) == QStringList{s("作风"), s("党建")});
    }
    {
        TempRegister reg;
        ImportOptions o = unitOptions();
        o.feedbackDate = QDate();
        const ImportReport r =
            importOk(reg, dir + QStringLiteral("libreoffice-title-rows-footnotes.xlsx"), o);
        CHECK(r.headerRow == 5);
        const Counts c = totals(reg);
        CHECK(c.problems == 3);
        CHECK(c.completed == 1);
        CHECK(c.inProgress == 1);
        CHECK(c.longTerm == 1);
        CHECK(problem(reg, s("问题一")).deadline == QDate(2021, 3, 31)); // 3月31日 in the fill-in year
    }
}

TEST_CASE("ledgers saved by LibreOffice as .xls (BIFF8) and by LibreOffice Writer as .docx and .doc",
          "[import][variants][xls][docx]")
{
    const QString dir = QStringLiteral(RECTRACK_SOURCE_DIR "/tests/data/ledgers/");
    {
        // The shared transport ledger (tests/data/shared), saved by LibreOffice Calc as .xls: the
        // same values as its .xlsx (the shared ledger's .expected.json).
        TempRegister reg;
        importOk(reg, dir + QStringLiteral("libreoffice-transport-ledger.xls"));
        const Counts c = totals(reg);
        CHECK(c.problems == 24);
        CHECK(c.measures == 53);
        CHECK(c.completed == 9);
        CHECK(c.closedOut == 7);
        CHECK(c.longTerm == 4);
        CHECK(c.inProgress == 4);
        CHECK(c.registered == 0);
        CHECK(categoryKeys(reg) == QStringList{s("落实党的路线方针政策和党中央重大决策部署方面"),
                                               s("落实全面从严治党战略部署方面"),
                                               s("落实巡视巡察整改和主题教育整改方面"),
                                               s("落实新时代党的组织路线方面")});
    }
    {
        // The shared GB18030 agriculture ledger, opened in LibreOffice and saved as .xls.
        TempRegister reg;
        importOk(reg, dir + QStringLiteral("libreoffice-agriculture-ledger.xls"));
        const Counts c = totals(reg);
        CHECK(c.problems == 18);
        CHECK(c.measures == 39);
        CHECK(c.completed == 8);
        CHECK(c.longTerm == 3);
        CHECK(c.inProgress == 7);
    }
    {
        // Writer's table: a problem cell merged down (vMerge) over one measure per row, each row
        // with its own state; the problem's state follows from its measures.
        TempRegister reg;
        importOk(reg, dir + QStringLiteral("libreoffice-writer-merged-measures.docx"));
        const Counts c = totals(reg);
        CHECK(c.problems == 3);
        CHECK(c.measures == 7);
        CHECK(problem(reg, s("工程项目招投标管理不规范，存在化整为零规避招标的情况")).state ==
              ProblemState::LongTerm);
        CHECK(problem(reg, s("干部教育培训流于形式")).state == ProblemState::InProgress);
        CHECK(problem(reg, s("物业维修资金监管存在漏洞")).state == ProblemState::Registered);
    }
    {
        // The same document saved by Writer as Word 97–2003 is refused with how to save it.
        TempRegister reg;
        const ImportReport r = LedgerImporter::importFile(
            *reg.db, dir + QStringLiteral("libreoffice-writer-word97.doc"), unitOptions());
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].message.contains(QStringLiteral(".docx")));
        CHECK(totals(reg).problems == 0);
    }
}

TEST_CASE("of 整改情况 and 完成情况, the column naming completion is the status, the other the progress",
          "[import][variants]")
{
    TempRegister reg;
    const QString path = writeBytes(reg, QStringLiteral("two-status.csv"),
                                    s("序号,问题描述,整改措施,整改时限,整改情况,完成情况\n"
                                      "1,问题一,措施,2021-03-31,已召开专题会议，未完成的事项持续推进,已完成\n"
                                      "2,问题二,措施,2021-03-31,已制定方案,正在整改\n")
                                        .toUtf8());
    const ImportReport r = importOk(reg, path);
    CHECK(r.warnings.isEmpty());
    const Counts c = totals(reg);
    CHECK(c.completed == 1);
    CHECK(c.inProgress == 1);
    CHECK(problem(reg, s("问题一")).progress == s("已召开专题会议，未完成的事项持续推进"));
}

TEST_CASE("a 填表说明 sheet with a filled-in example before the ledger sheet is passed over",
          "[import][variants]")
{
    TempRegister reg;
    const QString path = reg.dir.filePath(QStringLiteral("example.xlsx"));
    REQUIRE(writeZip(
        path,
        workbookParts({{s("填表说明"), sheetXml({{s("序号"), s("问题描述"), s("整改措施"), s("完成情况")},
                                                 {s("示例"), s("示例问题"), s("示例措施"), s("已完成")}})},
                       {s("整改台账"), sheetXml({{s("序号"), s("问题描述"), s("整改措施"), s("完成情况")},
                                                 {s("1"), s("问题一"), s("措施"), s("整改中")},
                                                 {s("2"), s("问题二"), s("措施"), s("已完成")}})}})));
    const ImportReport r = importOk(reg, path);
    CHECK(r.sheet == s("整改台账"));
    CHECK(totals(reg).problems == 2);
}

TEST_CASE(
    "a problem row with only its row number (1、 or （一）) and problem text is a problem, not a section",
    "[import][variants]")
{
    TempRegister reg;
    const QString path = writeBytes(reg, QStringLiteral("ordinal.csv"),
                                    s("序号,问题描述,整改措施,完成情况\n"
                                      "一,党的建设,,\n"
                                      "（一）,问题一,措施,已完成\n"
                                      "（二）,问题二,,\n"
                                      "二、,作风建设,,\n"
                                      "1、,问题三,措施,已完成\n"
                                      "2、,问题四,,\n")
                                        .toUtf8());
    importOk(reg, path);
    const Counts c = totals(reg);
    CHECK(c.problems == 4);
    CHECK(c.measures == 2);
    CHECK(c.completed == 2);
    CHECK(c.registered == 2);
    CHECK(categoryKeys(reg) == QStringList{s("作风建设"), s("党的建设")});
}

TEST_CASE("summary rows in other words: 小 计, 总 计, 共2个问题，已完成1个", "[import][variants]")
{
    TempRegister reg;
    const QString path = writeBytes(reg, QStringLiteral("sum.csv"),
                                    s("序号,问题描述,整改措施,完成情况\n"
                                      "1,问题一,措施,已完成\n"
                                      "小 计,1,,\n"
                                      "2,问题二,措施,整改中\n"
                                      "3,共5个单位未按时报送,措施,整改中\n"
                                      "共3个问题，已完成1个，完成率33.3%,,,\n"
                                      ",共3项,,\n"
                                      "总 计,3,1,\n")
                                        .toUtf8());
    const ImportReport r = importOk(reg, path);
    CHECK(r.skippedRows == 4);
    const Counts c = totals(reg);
    CHECK(c.problems == 3); // a problem whose text starts with a count is still a problem
    CHECK(c.completed == 1);
    CHECK(c.inProgress == 2);
    CHECK(categoryKeys(reg).size() == 1);
}

TEST_CASE("a row of column numbers under the header is not a problem", "[import][variants]")
{
    TempRegister reg;
    const QString path = writeBytes(reg, QStringLiteral("colnum.csv"),
                                    s("序号,问题描述,整改措施,整改时限,完成情况\n"
                                      "1,2,3,4,5\n"
                                      "1,问题一,措施,2021-03-31,已完成\n")
                                        .toUtf8());
    const ImportReport r = importOk(reg, path);
    CHECK(r.skippedRows == 1);
    CHECK(totals(reg).problems == 1);
    CHECK(r.problems.first().row == 3);
}

namespace {

/// Everything recognition found in a ledger, as text: two recognitions are equal when this is.
QString dumpLedger(const RecognizedLedger &L)
{
    QStringList out{L.file,
                    L.sheet,
                    L.title,
                    L.fillInDate.toString(Qt::ISODate),
                    QString::number(L.headerRow),
                    QString::number(L.skippedRows),
                    L.categories.join(u'|')};
    for (const LedgerColumn &c : L.columns)
        out << QStringLiteral("col %1 %2 %3 %4").arg(c.index).arg(c.header).arg(int(c.field)).arg(c.mapped);
    for (const LedgerRow &r : L.rows) {
        QStringList states;
        for (ProblemState st : r.measureStates)
            states << QString::number(int(st));
        QStringList deadlines;
        for (const QDate &d : r.measureDeadlines)
            deadlines << d.toString(Qt::ISODate);
        out << QStringList{QString::number(r.rowNumber),
                           r.unit,
                           r.registrationNo,
                           r.category,
                           r.description,
                           r.measures.join(u'|'),
                           states.join(u','),
                           deadlines.join(u','),
                           r.leadLeader,
                           r.responsibleOffice,
                           r.responsiblePerson,
                           r.deadline.toString(Qt::ISODate),
                           r.deadlineNote,
                           QString::number(r.immediate),
                           QString::number(r.longTerm),
                           r.progress,
                           r.statusWord,
                           QString::number(int(r.state)),
                           r.evidence,
                           r.note}
                   .join(u'\t');
    }
    for (const auto *issues : {&L.errors, &L.warnings}) {
        for (const ImportIssue &i : *issues)
            out << i.toString();
        out << QStringLiteral("--");
    }
    return out.join(u'\n');
}

} // namespace

TEST_CASE("recognition that frees each row's cells as it goes gives the same ledger (issue #20)",
          "[import][variants][memory]")
{
    // The importer gives its workbook up to recognition, which frees each data row's cells once the
    // row is read (a 100,000-row ledger then never holds its cells and its ledger rows whole at
    // once). Every ledger file the tests have, merged problem cells among them (Word's vMerge,
    // Excel's merged categories), must read the same as from a workbook that is kept whole.
    QStringList files;
    for (const QString &folder : {QStringLiteral(RECTRACK_SOURCE_DIR "/tests/data/ledgers"),
                                  QStringLiteral(RECTRACK_SHARED_DATA_DIR "/ledgers")}) {
        const QDir dir(folder);
        for (const QString &name : dir.entryList({QStringLiteral("*.xlsx"), QStringLiteral("*.xls"),
                                                  QStringLiteral("*.docx"), QStringLiteral("*.csv")},
                                                 QDir::Files, QDir::Name))
            files << dir.filePath(name);
    }
    // A generated ledger whose problem cells are merged down over one measure per row, with a
    // category and a unit merged over every problem: rows whose cells later rows read.
    TempRegister reg;
    {
        QList<QStringList> rows{
            {s("序号"), s("问题类别"), s("问题描述"), s("整改措施"), s("完成情况"), s("被巡察单位")}};
        QByteArray merges;
        auto merge = [&merges](char column, int top, int bottom) { // 1-based rows
            merges += "<mergeCell ref=\"" + QByteArray(1, column) + QByteArray::number(top) + ":" +
                      QByteArray(1, column) + QByteArray::number(bottom) + "\"/>";
        };
        for (int p = 0; p < 5; ++p) {
            const int top = int(rows.size()) + 1;
            for (int m = 0; m < 3; ++m)
                rows << QStringList{m == 0 ? QString::number(p + 1) : QString(),
                                    p == 0 && m == 0 ? s("党的建设方面") : QString(),
                                    m == 0 ? s("问题%1").arg(p + 1) : QString(),
                                    s("措施%1-%2").arg(p + 1).arg(m + 1),
                                    m == 2 && p % 2 == 0 ? s("已完成") : s("整改中"),
                                    p == 0 && m == 0 ? s("市第一中学") : QString()};
            merge('A', top, top + 2);
            merge('C', top, top + 2);
        }
        merge('B', 2, int(rows.size()));
        merge('F', 2, int(rows.size())); // the unit, read from row 2 by every problem
        const QString path = reg.dir.filePath(QStringLiteral("merged.xlsx"));
        REQUIRE(writeZip(
            path, workbookParts({{s("台账"), sheetXml(rows, "<mergeCells>" + merges + "</mergeCells>")}})));
        files << path;
    }
    REQUIRE(files.size() >= 8);
    RecognizerOptions ro;
    ro.unit = s("某单位");
    ro.fallbackYear = 2021;
    int recognizedRows = 0;
    for (const QString &file : files) {
        INFO(file.toStdString());
        auto kept = LedgerImporter::readFile(file);
        REQUIRE(kept.ok());
        const int sheet = LedgerRecognizer::chooseSheet(*kept, QString(), ro, nullptr);
        REQUIRE(sheet >= 0);
        const RecognizedLedger whole = LedgerRecognizer::recognize(*kept, kept->sheets[sheet], ro);
        auto given = LedgerImporter::readFile(file);
        REQUIRE(given.ok());
        const RecognizedLedger freed = LedgerRecognizer::recognize(std::move(*given), sheet, ro);
        CHECK(dumpLedger(freed).toStdString() == dumpLedger(whole).toStdString());
        CHECK(!whole.rows.isEmpty());
        recognizedRows += int(whole.rows.size());
        if (file.endsWith(QLatin1String("merged.xlsx"))) {
            REQUIRE(freed.rows.size() == 5);
            CHECK(freed.rows[4].measures == QStringList{s("措施5-1"), s("措施5-2"), s("措施5-3")});
            CHECK(freed.rows[4].category == s("党的建设方面"));
            CHECK(freed.rows[4].unit == s("市第一中学"));
            CHECK(freed.rows[4].measureStates == QList<ProblemState>{ProblemState::InProgress,
                                                                     ProblemState::InProgress,
                                                                     ProblemState::Completed});
        }
    }
    CHECK(recognizedRows > 50);
}
