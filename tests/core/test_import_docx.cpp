#include <catch2/catch.hpp>

#include "docxfixtures.h"
#include "importfixtures.h"
#include "testsupport.h"
#include "xlsfixtures.h"

#include "io/docxreader.h"
#include "io/ledgerfile.h"
#include "io/ledgerimporter.h"
#include "io/ledgerupdateplan.h"
#include "workflow/problemservice.h"

#include <QTemporaryDir>

using namespace rectrack::core;
using namespace rectrack::test;

namespace {

QString s(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

ImportOptions unitOptions()
{
    ImportOptions o;
    o.unit = s("测试局党组");
    o.feedbackDate = QDate(2021, 1, 10);
    return o;
}

} // namespace

TEST_CASE("docx: tables as sheets, paragraphs above as title rows, gridSpan and vMerge as merges",
          "[import][docx]")
{
    const QByteArray body =
        wordParagraph(s("前言")) + wordTable({{s("甲"), s("乙")}}, 2) + sampleLedgerDocxBody();
    auto wb = DocxReader::parseDocument(docxParts(body).value(QStringLiteral("word/document.xml")),
                                        QStringLiteral("t.docx"));
    REQUIRE(wb.ok());
    CHECK(wb->isDocument);
    REQUIRE(wb->sheets.size() == 2);
    CHECK(wb->sheets[0].name == QStringLiteral("Table 1"));
    CHECK(wb->sheets[0].rows.size() == 2); // 前言, then the table's row
    CHECK(wb->sheets[0].cell(1, 1).text == s("乙"));
    const Sheet &t = wb->sheets[1];
    // Two title paragraphs, then the 12 rows of the table; the paragraph below is not read.
    REQUIRE(t.rows.size() == 14);
    CHECK(t.rows[13].number == 14);
    CHECK(t.cell(0, 0).text == s("某局巡察反馈问题整改落实台账"));
    CHECK(t.cell(1, 0).text == s("填报日期：2021年6月30日"));
    CHECK(t.cell(2, 0).text == s("某局巡察反馈问题整改落实台账"));
    REQUIRE(t.mergeAt(2, 6));
    CHECK((t.mergeAt(2, 6)->left == 0 && t.mergeAt(2, 6)->right == 6 && t.mergeAt(2, 6)->bottom == 2));
    CHECK(t.cell(4, 1).text == s("问题甲"));
    REQUIRE(t.mergeAt(6, 1));
    CHECK((t.mergeAt(6, 1)->top == 4 && t.mergeAt(6, 1)->bottom == 6));
    CHECK(t.cell(5, 1).isEmpty());
    CHECK(t.cell(5, 2).text == s("措施二"));
    CHECK(t.cell(11, 2).text == s("措施E\n补充说明")); // a cell's paragraphs joined with line breaks
    CHECK(t.cell(13, 2).text == s("1.措施G\n2.措施H"));
    CHECK_FALSE(t.mergeAt(13, 1));
    // 1 title row span + 4 problems × 3 merged columns.
    CHECK(t.merges.size() == 13);
}

TEST_CASE("docx: gridBefore, strict namespace, deleted text, no table, damaged XML", "[import][docx]")
{
    const QByteArray strict =
        "<w:document xmlns:w=\"http://purl.oclc.org/ooxml/wordprocessingml/main\"><w:body><w:p><w:r><w:t>标题"
        "</w:t><w:del><w:r><w:delText>删</w:delText></w:r></w:del></w:r></"
        "w:p><w:tbl><w:tr><w:trPr><w:gridBefore "
        "w:val=\"1\"/></w:trPr><w:tc><w:p><w:r><w:t>问题描述</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body>"
        "</w:document>";
    auto wb = DocxReader::parseDocument(strict, QStringLiteral("s.docx"));
    REQUIRE(wb.ok());
    CHECK(wb->sheets[0].cell(0, 0).text == s("标题"));
    CHECK(wb->sheets[0].cell(1, 0).isEmpty());
    CHECK(wb->sheets[0].cell(1, 1).text == s("问题描述"));

    auto none = DocxReader::parseDocument(
        docxParts(wordParagraph(s("只有文字"))).value(QStringLiteral("word/document.xml")),
        QStringLiteral("note.docx"));
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().message == LedgerFile::noLedgerTableMessage(QStringLiteral("note.docx")));
    auto broken = DocxReader::parseDocument("<w:document xmlns:w=\"http://schemas.openxmlformats.org/"
                                            "wordprocessingml/2006/main\"><w:body><w:tbl>",
                                            QStringLiteral("broken.docx"));
    REQUIRE_FALSE(broken.ok());
    CHECK(broken.error().message.contains(QStringLiteral("broken.docx")));
}

TEST_CASE("docx: one measure per row under a merged problem, the problem's state follows its measures",
          "[import][docx]")
{
    TempRegister reg;
    const QString path = reg.dir.filePath(QStringLiteral("ledger.docx"));
    REQUIRE(writeZip(path, docxParts(sampleLedgerDocxBody())));
    const ImportReport r = LedgerImporter::importFile(*reg.db, path, unitOptions());
    INFO((r.errors.isEmpty() ? QString() : r.errors.first().toString()).toStdString());
    REQUIRE(r.ok());
    CHECK(r.sheet == QStringLiteral("Table 1"));
    CHECK(r.headerRow == 4);
    REQUIRE(r.problems.size() == 5);
    CHECK(r.created == 5);
    CHECK(r.measures == 11);
    const QList<ProblemState> states{ProblemState::Completed, ProblemState::InProgress,
                                     ProblemState::LongTerm, ProblemState::Registered,
                                     ProblemState::Completed};
    const QList<int> measures{3, 2, 2, 2, 2};
    ProblemService ps(*reg.db);
    for (int i = 0; i < 5; ++i) {
        INFO(i);
        CHECK(r.problems[i].state == states[i]);
        CHECK(r.problems[i].measures == measures[i]);
        const auto p = ps.problem(r.problems[i].id);
        REQUIRE(p);
        CHECK(p->state == states[i]);
    }
    // Each row's deadline and state are its measure's; the problem's deadline is the latest.
    const QList<Measure> ofB = ps.measures(r.problems[1].id);
    REQUIRE(ofB.size() == 2);
    CHECK(ofB[0].content == s("措施A"));
    CHECK(ofB[0].state == MeasureState::Completed);
    CHECK(ofB[0].deadline == QDate(2021, 6, 30));
    CHECK(ofB[1].state == MeasureState::InProgress);
    CHECK(ofB[1].deadline == QDate(2021, 12, 31));
    CHECK(ps.problem(r.problems[1].id)->deadline == QDate(2021, 12, 31));
    const QList<Measure> ofC = ps.measures(r.problems[2].id);
    REQUIRE(ofC.size() == 2);
    CHECK(ofC[0].state == MeasureState::Completed);
    CHECK(ofC[1].state == MeasureState::LongTerm);
    const QList<Measure> ofD = ps.measures(r.problems[3].id);
    REQUIRE(ofD.size() == 2);
    CHECK(ofD[0].content == s("措施E\n补充说明"));
    CHECK(ofD[0].state == MeasureState::Pending);
    const QList<Measure> ofE = ps.measures(r.problems[4].id);
    REQUIRE(ofE.size() == 2);
    CHECK(ofE[1].content == s("措施H"));

    // The preview of the wizard (LedgerUpdatePlan) shows the states the import gives.
    {
        TempRegister empty;
        auto ledger = LedgerUpdatePlan::readLedger(*empty.db, path, unitOptions());
        REQUIRE(ledger.ok());
        const LedgerUpdatePlan plan = LedgerUpdatePlan::compute(*empty.db, *ledger, s("测试局党组"));
        REQUIRE(plan.changes.size() == 5);
        for (int i = 0; i < 5; ++i)
            CHECK(plan.changes[i].after == states[i]);
    }

    // The same ledger as .xlsx gives the same problems, states and measures.
    TempRegister other;
    const QString xlsx = other.dir.filePath(QStringLiteral("ledger.xlsx"));
    REQUIRE(writeZip(xlsx, workbookParts({{s("台账"), sampleLedgerDocxAsXlsx()}})));
    const ImportReport x = LedgerImporter::importFile(*other.db, xlsx, unitOptions());
    REQUIRE(x.ok());
    REQUIRE(x.problems.size() == 5);
    CHECK(x.measures == 11);
    for (int i = 0; i < 5; ++i) {
        CHECK(x.problems[i].state == states[i]);
        CHECK(x.problems[i].measures == measures[i]);
        CHECK(x.problems[i].description == r.problems[i].description);
    }
}

TEST_CASE("files are told by content, documents, encrypted files, PDFs and images are refused",
          "[import][docx][xls]")
{
    QTemporaryDir dir;
    auto path = [&dir](const QString &name) { return dir.filePath(name); };
    // Kinds that are read, each under a misleading name.
    REQUIRE(writeZip(path(QStringLiteral("word.xlsx")), docxParts(sampleLedgerDocxBody())));
    CHECK(*LedgerFile::detect(path(QStringLiteral("word.xlsx"))) == LedgerFileKind::Docx);
    REQUIRE(writeFile(path(QStringLiteral("book.csv")), xlsFile({sampleLedgerXls()})));
    CHECK(*LedgerFile::detect(path(QStringLiteral("book.csv"))) == LedgerFileKind::Xls);
    REQUIRE(writeFile(path(QStringLiteral("wps.et")), xlsFile({sampleLedgerXls()})));
    auto et = LedgerFile::read(path(QStringLiteral("wps.et")));
    REQUIRE(et.ok());
    CHECK(et->sheets[0].name == s("台账"));
    REQUIRE(writeFile(path(QStringLiteral("text.xls")), s("序号\t问题描述\n1\t问题甲\n").toUtf8()));
    CHECK(*LedgerFile::detect(path(QStringLiteral("text.xls"))) == LedgerFileKind::Text);

    struct Refused
    {
        QString name;
        QByteArray data;
        QString message;
    };
    QByteArray bmp("BM", 2);
    bmp += QByteArray(12, '\0');
    bmp += QByteArray("\x28\0\0\0", 4);
    bmp += QByteArray(40, '\0');
    const QList<Refused> refused{
        {QStringLiteral("doc.docx"), compoundFile({{QStringLiteral("WordDocument"), QByteArray(600, 'w')}}),
         QStringLiteral("doc.docx is a Word 97–2003 or WPS text document (.doc/.wps); save it as .docx in "
                        "Word/WPS, then import it.")},
        {QStringLiteral("secret.xlsx"),
         compoundFile({{QStringLiteral("EncryptionInfo"), QByteArray(200, 'i')},
                       {QStringLiteral("EncryptedPackage"), QByteArray(5000, 'p')}}),
         LedgerFile::passwordMessage(QStringLiteral("secret.xlsx"))},
        {QStringLiteral("other.xls"), compoundFile({{QStringLiteral("Contents"), QByteArray(100, 'c')}}),
         QStringLiteral(
             "other.xls is an Office or WPS file that holds no workbook. If it is a WPS spreadsheet "
             "(.et), open it in WPS and save it as .xlsx (File → Save As → Excel workbook).")},
        {QStringLiteral("scan.xlsx"), QByteArray("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n"),
         QStringLiteral(
             "scan.xlsx is a PDF file; import the ledger kept in Excel, WPS Spreadsheets or Word.")},
        {QStringLiteral("photo.csv"), QByteArray("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16),
         QStringLiteral(
             "photo.csv is an image (PNG); import the ledger kept in Excel, WPS Spreadsheets or Word.")},
        {QStringLiteral("photo.xls"), QByteArray("\xFF\xD8\xFF\xE0\0\x10JFIF", 10),
         QStringLiteral(
             "photo.xls is an image (JPEG); import the ledger kept in Excel, WPS Spreadsheets or Word.")},
        {QStringLiteral("a.gif"), QByteArray("GIF89a\x01\0\x01\0"),
         QStringLiteral(
             "a.gif is an image (GIF); import the ledger kept in Excel, WPS Spreadsheets or Word.")},
        {QStringLiteral("a.bmp"), bmp,
         QStringLiteral(
             "a.bmp is an image (BMP); import the ledger kept in Excel, WPS Spreadsheets or Word.")},
        {QStringLiteral("a.tif"), QByteArray("II*\0\x08\0\0\0", 8),
         QStringLiteral(
             "a.tif is an image (TIFF); import the ledger kept in Excel, WPS Spreadsheets or Word.")},
        {QStringLiteral("a.rtf"), QByteArray("{\\rtf1\\ansi 台账}"),
         QStringLiteral("a.rtf is a Word document in RTF; save it as .docx in Word/WPS, then import it.")},
        {QStringLiteral("web.xls"), QByteArray("\xEF\xBB\xBF<html><body><table><tr><td>1</td></tr></table>"),
         QStringLiteral(
             "web.xls is a web page (HTML), not a workbook; open it in Excel/WPS and save it as .xlsx, "
             "then import it.")},
        {QStringLiteral("x2003.xls"),
         QByteArray(
             "<?xml version=\"1.0\"?>\n<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\">"),
         QStringLiteral(
             "x2003.xls is an Excel 2003 XML spreadsheet; open it in Excel/WPS and save it as .xlsx, "
             "then import it.")},
    };
    for (const Refused &r : refused) {
        INFO(r.name.toStdString());
        REQUIRE(writeFile(path(r.name), r.data));
        auto wb = LedgerImporter::readFile(path(r.name));
        REQUIRE_FALSE(wb.ok());
        CHECK(wb.error().code == ErrorCode::InputRefused);
        CHECK(wb.error().message == r.message);
    }

    // A Word document with tables but no ledger table, read through the importer.
    TempRegister reg;
    const QString noLedger = reg.dir.filePath(QStringLiteral("minutes.docx"));
    REQUIRE(writeZip(noLedger, docxParts(wordParagraph(s("会议纪要")) +
                                         wordTable({{s("姓名"), s("职务")}, {s("张三"), s("科长")}}, 2))));
    const ImportReport report = LedgerImporter::importFile(*reg.db, noLedger, unitOptions());
    REQUIRE(report.errors.size() == 1);
    CHECK(report.errors[0].message == LedgerFile::noLedgerTableMessage(QStringLiteral("minutes.docx")));
    CHECK(report.created == 0);
}

TEST_CASE("docx: a table Word split in two is read as one, without the header repeated by hand",
          "[import][docx]")
{
    const QList<QStringList> rows = sampleLedgerDocxRows();
    const QByteArray split = wordParagraph(s("某局巡察反馈问题整改落实台账")) + wordTable(rows.mid(0, 5), 7) +
                             "<w:p/>" + wordTable(QList<QStringList>{rows[1]} + rows.mid(5), 7) +
                             wordParagraph(s("附表")) + wordTable(rows.mid(1, 3), 7);
    TempRegister reg;
    const QString path = reg.dir.filePath(QStringLiteral("split.docx"));
    REQUIRE(writeZip(path, docxParts(split)));
    auto wb = LedgerImporter::readFile(path);
    REQUIRE(wb.ok());
    REQUIRE(wb->sheets.size() == 2); // the table after 附表 is a table of its own
    CHECK(wb->sheets[0].rows.size() == 1 + 12);
    const ImportReport r = LedgerImporter::importFile(*reg.db, path, unitOptions());
    REQUIRE(r.ok());
    CHECK(r.created == 5);
    CHECK(r.measures == 11);
    CHECK(r.problems[1].state == ProblemState::InProgress);
}

TEST_CASE("a problem's state from its measures' states, one case per rule", "[import][docx]")
{
    using S = ProblemState;
    const struct
    {
        QList<S> measures;
        S problem;
    } rules[] = {
        {{S::Completed, S::Completed}, S::Completed},    // all completed
        {{S::ClosedOut, S::Completed}, S::Completed},    // all done, not all closed out
        {{S::ClosedOut, S::ClosedOut}, S::ClosedOut},    // all closed out
        {{S::Completed, S::LongTerm}, S::LongTerm},      // the open ones are long-term
        {{S::LongTerm, S::LongTerm}, S::LongTerm},       //
        {{S::Registered, S::Registered}, S::Registered}, // none has started
        {{}, S::Registered},                             // no measures
        {{S::Completed, S::Registered}, S::InProgress},  // otherwise in progress
        {{S::LongTerm, S::Registered}, S::InProgress},   //
        {{S::InProgress, S::Registered}, S::InProgress}, //
    };
    for (const auto &r : rules) {
        INFO(r.measures.size());
        CHECK(LedgerImporter::problemStateFromMeasures(r.measures) == r.problem);
    }
}
