#include <catch2/catch.hpp>

#include "importfixtures.h"
#include "testsupport.h"

#include "io/csvreader.h"
#include "io/ledgerimporter.h"
#include "io/xlsxreader.h"

#include <QStringEncoder>
#include <QTemporaryDir>

using namespace rectrack::core;
using namespace rectrack::test;

namespace {
QString s(const char *utf8)
{
    return QString::fromUtf8(utf8);
}
} // namespace

TEST_CASE("xlsx: parts through relationships, shared, inline and rich-text strings, dates by style",
          "[import][xlsx]")
{
    QTemporaryDir dir;
    const QByteArray sst =
        "<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/"
        "main\"><si><t>问题描述</t></si><si><r><rPr><b/></rPr><t>整改</t></r><r><t>措施</t></r>"
        "<rPh sb=\"0\" eb=\"1\"><t>ZHENG</t></rPh></si></sst>";
    const QByteArray sheet =
        sheetXml({{QStringLiteral("#s:0"), QStringLiteral("#s:1"), s("整改时限"), s("数量")},
                  {s("问题甲"), s("措施"), QStringLiteral("#d:44377"), QStringLiteral("#n:44377")},
                  {s("问题乙"), s("措施"), QStringLiteral("#n:12.5"), QStringLiteral("#n:3")}});
    // The workbook lives at a non-standard path: only the relationships lead to it.
    const QString path = dir.filePath(QStringLiteral("a.xlsx"));
    REQUIRE(writeZip(path, workbookParts({{s("台账"), sheet}}, sst, false, QStringLiteral("book/main.xml"))));
    auto wb = XlsxReader::read(path);
    REQUIRE(wb.ok());
    REQUIRE(wb->sheets.size() == 1);
    const Sheet &sh = wb->sheets.first();
    CHECK(sh.name == s("台账"));
    CHECK(sh.cell(0, 0).text == s("问题描述"));
    CHECK(sh.cell(0, 1).text == s("整改措施")); // runs joined, phonetic run dropped
    CHECK(sh.cell(1, 2).kind == Cell::Kind::Date);
    CHECK(sh.cell(1, 2).date == QDate(2021, 6, 30));
    CHECK(sh.cell(1, 3).kind == Cell::Kind::Number);
    CHECK(sh.cell(1, 3).text == QStringLiteral("44377"));
    CHECK(sh.cell(2, 2).text == QStringLiteral("12.5"));
}

TEST_CASE("xlsx: the 1904 date system, custom date formats and serial conversion", "[import][xlsx]")
{
    CHECK(XlsxReader::dateFromSerial(44377, false) == QDate(2021, 6, 30));
    CHECK(XlsxReader::dateFromSerial(1, false) == QDate(1900, 1, 1));
    CHECK(XlsxReader::dateFromSerial(61, false) == QDate(1900, 3, 1));
    CHECK(XlsxReader::dateFromSerial(42915, true) == QDate(2021, 6, 30));
    CHECK(XlsxReader::isDateFormat(s("yyyy\"年\"m\"月\"d\"日\"")));
    CHECK(XlsxReader::isDateFormat(QStringLiteral("[$-804]yyyy/m/d")));
    CHECK_FALSE(XlsxReader::isDateFormat(QStringLiteral("0.00")));
    CHECK_FALSE(XlsxReader::isDateFormat(QStringLiteral("[Red]#,##0")));
    CHECK_FALSE(XlsxReader::isDateFormat(QStringLiteral("\"day\" 0")));
    CHECK(XlsxReader::isBuiltinDateFormat(14));
    CHECK(XlsxReader::isBuiltinDateFormat(31)); // yyyy"年"m"月"d"日" in Chinese locales
    CHECK_FALSE(XlsxReader::isBuiltinDateFormat(2));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("b.xlsx"));
    const QByteArray sheet =
        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        "<row r=\"1\"><c r=\"A1\" s=\"2\"><v>42915</v></c></row></sheetData></worksheet>";
    REQUIRE(writeZip(path, workbookParts({{QStringLiteral("S"), sheet}}, {}, true)));
    auto wb = XlsxReader::read(path);
    REQUIRE(wb.ok());
    CHECK(wb->date1904);
    CHECK(wb->sheets[0].cell(0, 0).date == QDate(2021, 6, 30));
}

TEST_CASE("xlsx: merged cells, hidden rows and columns, hidden sheets, strict namespace", "[import][xlsx]")
{
    QTemporaryDir dir;
    const QByteArray strict = "http://purl.oclc.org/ooxml/spreadsheetml/main";
    const QByteArray sheet = sheetXml({{s("标题")}, {s("甲"), s("乙"), s("丙")}, {s("x")}},
                                      "<mergeCells count=\"1\"><mergeCell ref=\"A1:C1\"/></mergeCells>",
                                      "<cols><col min=\"2\" max=\"2\" hidden=\"1\"/></cols>", {3}, strict);
    const QString path = dir.filePath(QStringLiteral("c.xlsx"));
    REQUIRE(writeZip(path,
                     workbookParts({{QStringLiteral("Hidden"), sheet}, {QStringLiteral("Shown"), sheet}}, {},
                                   false, QStringLiteral("xl/workbook.xml"), {QStringLiteral("Hidden")})));
    auto wb = XlsxReader::read(path);
    REQUIRE(wb.ok());
    REQUIRE(wb->sheets.size() == 2);
    CHECK(wb->sheets[0].hidden);
    CHECK_FALSE(wb->sheets[1].hidden);
    const Sheet &sh = wb->sheets[1];
    REQUIRE(sh.merges.size() == 1);
    CHECK(sh.merges[0].right == 2);
    CHECK(sh.hiddenColumns.contains(1));
    CHECK(sh.rows[2].hidden);
    CHECK_FALSE(sh.rows[1].hidden);
    CHECK(sh.cell(0, 0).text == s("标题"));
}

TEST_CASE("xlsx: damaged and foreign files are refused with a message", "[import][xlsx]")
{
    QTemporaryDir dir;
    const QString good = dir.filePath(QStringLiteral("g.xlsx"));
    REQUIRE(writeZip(good, workbookParts({{QStringLiteral("S"), sheetXml({{QStringLiteral("a")}})}})));
    QFile f(good);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    f.close();

    const QString truncated = dir.filePath(QStringLiteral("t.xlsx"));
    REQUIRE(writeFile(truncated, bytes.left(bytes.size() / 2)));
    auto t = XlsxReader::read(truncated);
    REQUIRE_FALSE(t.ok());
    CHECK(t.error().code == ErrorCode::InputRefused);
    CHECK(t.error().message.contains(QStringLiteral("t.xlsx")));

    const QString notBook = dir.filePath(QStringLiteral("z.xlsx"));
    REQUIRE(writeZip(notBook, {{QStringLiteral("readme.txt"), "hello"}}));
    auto z = XlsxReader::read(notBook);
    REQUIRE_FALSE(z.ok());
    CHECK(z.error().message.contains(QStringLiteral("not an Excel workbook")));

    auto parts = workbookParts({{QStringLiteral("S"), "<worksheet><sheetData><row>"}});
    const QString badXml = dir.filePath(QStringLiteral("x.xlsx"));
    REQUIRE(writeZip(badXml, parts));
    auto x = XlsxReader::read(badXml);
    REQUIRE_FALSE(x.ok());
    CHECK(x.error().message.contains(QStringLiteral("XML")));
}

TEST_CASE("csv: UTF-8, UTF-8 with BOM and GB18030 detected, quoted multi-line cells, CRLF and LF",
          "[import][csv]")
{
    const QString text =
        s("序号,问题描述,整改措施\r\n1,\"问题，甲\",\"1.措施一\n2.措施\"\"二\"\"\"\r\n2,问题乙,措施\r\n");
    const QByteArray utf8 = text.toUtf8();
    QStringEncoder gb("GB18030");
    const QByteArray gbk = gb.encode(text);
    REQUIRE_FALSE(gb.hasError());
    const QList<QByteArray> variants{utf8, QByteArray("\xEF\xBB\xBF" + utf8), gbk,
                                     QByteArray(utf8).replace("\r\n", "\n")};
    for (const QByteArray &data : variants) {
        QString enc;
        REQUIRE(CsvReader::decode(data, &enc).has_value());
        auto wb = CsvReader::parse(data, QStringLiteral("t.csv"));
        REQUIRE(wb.ok());
        const Sheet &sh = wb->sheets.first();
        REQUIRE(sh.rows.size() == 3);
        CHECK(sh.cell(1, 1).text == s("问题，甲"));
        CHECK(sh.cell(1, 2).text == s("1.措施一\n2.措施\"二\""));
        CHECK(sh.cell(2, 1).text == s("问题乙"));
        CHECK(sh.rows[2].number == 3);
    }
    QString enc;
    CsvReader::decode(gbk, &enc);
    CHECK(enc == QStringLiteral("GB18030"));
    CsvReader::decode(QByteArray("\xEF\xBB\xBF") + utf8, &enc);
    CHECK(enc == QStringLiteral("UTF-8 BOM"));
}

TEST_CASE("csv: empty, binary and unterminated files are refused", "[import][csv]")
{
    CHECK_FALSE(CsvReader::parse(QByteArray(), QStringLiteral("e.csv")).ok());
    CHECK_FALSE(CsvReader::parse("\xEF\xBB\xBF", QStringLiteral("e.csv")).ok());
    QByteArray binary;
    for (int i = 0; i < 512; ++i)
        binary.append(char(i * 37 % 256));
    auto b = CsvReader::parse(binary, QStringLiteral("b.csv"));
    REQUIRE_FALSE(b.ok());
    CHECK(b.error().message.contains(QStringLiteral("binary")));
    auto u = CsvReader::parse("a,b\n1,\"open", QStringLiteral("u.csv"));
    REQUIRE_FALSE(u.ok());
    CHECK(u.error().message.contains(QStringLiteral("row 2")));
}

TEST_CASE("files are read by content: xlsx, csv, old xls refused", "[import][csv][xlsx]")
{
    QTemporaryDir dir;
    const QString xls = dir.filePath(QStringLiteral("old.xls"));
    REQUIRE(writeFile(xls, QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") + QByteArray(100, '\0')));
    auto r = LedgerImporter::readFile(xls);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.contains(QStringLiteral(".xls")));
    const QString csvNamedXlsx = dir.filePath(QStringLiteral("plain.xlsx"));
    REQUIRE(writeFile(csvNamedXlsx, "a,b\n"));
    CHECK_FALSE(LedgerImporter::readFile(csvNamedXlsx).ok());
}

TEST_CASE("csv: the separator is the one the records agree on, Excel's sep= line names it", "[import][csv]")
{
    struct Case
    {
        const char *text;
        int columns;
    };
    const Case cases[] = {
        // A title line without separators above a semicolon ledger whose texts hold commas.
        {"某局整改台账\n序号;问题描述;整改措施\n1;问题，甲, 乙;措施\n2;问题丙;1,2,3,4,5\n", 3},
        // A title line with a comma above a tab ledger.
        {"台账（2021年, 第一批）\n序号\t问题描述\t整改措施\n1\t问题甲\t措施\n", 3},
        // A comma ledger whose quoted texts hold tabs and semicolons.
        {"序号,问题描述,整改措施\n1,\"甲;乙;丙\t丁\",措施\n2,戊,己\n", 3},
        {"sep=;\n序号;问题描述,含逗号;整改措施\n1;问题甲;措施\n", 3},
    };
    for (const Case &c : cases) {
        auto wb = CsvReader::parse(s(c.text).toUtf8(), QStringLiteral("t.csv"));
        REQUIRE(wb.ok());
        const Sheet &sh = wb->sheets.first();
        INFO(c.text);
        CHECK(sh.columnCount() == c.columns);
    }
    auto wb = CsvReader::parse(s("sep=;\r\n序号;问题描述,含逗号\r\n1;问题甲\r\n").toUtf8(),
                               QStringLiteral("t.csv"));
    REQUIRE(wb.ok());
    CHECK(wb->sheets.first().cell(0, 1).text == s("问题描述,含逗号"));
    CHECK(wb->sheets.first().rows.size() == 2);
}

TEST_CASE("xlsx: a date in a month format (yyyy\"年\"m\"月\") is marked as meaning the month",
          "[import][xlsx]")
{
    QTemporaryDir dir;
    auto parts = workbookParts(
        {{QStringLiteral("S"), sheetXml({{QStringLiteral("#d:44348"), QStringLiteral("#d:44348")}})}});
    // Style 1: the built-in Chinese month format 57; the fixture's custom style 2 shows the day.
    parts[QStringLiteral("xl/styles.xml")] =
        "<?xml version=\"1.0\"?><styleSheet "
        "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"57\"/></cellXfs></styleSheet>";
    const QString path = dir.filePath(QStringLiteral("m.xlsx"));
    REQUIRE(writeZip(path, parts));
    auto wb = XlsxReader::read(path);
    REQUIRE(wb.ok());
    const Cell &c = wb->sheets.first().cell(0, 0);
    CHECK(c.kind == Cell::Kind::Date);
    CHECK(c.date == QDate(2021, 6, 1));
    CHECK(c.monthOnly);
    CHECK(c.text == QStringLiteral("2021-06"));
}
