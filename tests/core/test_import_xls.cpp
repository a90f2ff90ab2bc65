#include <catch2/catch.hpp>

#include "importfixtures.h"
#include "testsupport.h"
#include "xlsfixtures.h"

#include "io/compoundfile.h"
#include "io/ledgerfile.h"
#include "io/ledgerimporter.h"
#include "io/xlsreader.h"

#include <QTemporaryDir>

using namespace rectrack::core;
using namespace rectrack::test;

namespace {

QString s(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

} // namespace

TEST_CASE("compound file: root streams, small streams in the mini stream, damage refused", "[import][xls]")
{
    const QByteArray big(5000, 'x');
    const QByteArray small("kleiner Strom");
    const QByteArray file = compoundFile({{QStringLiteral("Workbook"), big},
                                          {QStringLiteral("EncryptionInfo"), small},
                                          {QStringLiteral("Empty"), QByteArray()}});
    auto cf = CompoundFile::parse(file, QStringLiteral("c.xls"));
    REQUIRE(cf.ok());
    CHECK(cf->streamNames() ==
          QStringList{QStringLiteral("Workbook"), QStringLiteral("EncryptionInfo"), QStringLiteral("Empty")});
    CHECK(cf->hasStream(QStringLiteral("workbook")));
    CHECK(*cf->stream(QStringLiteral("Workbook")) == big);
    CHECK(*cf->stream(QStringLiteral("EncryptionInfo")) == small);
    CHECK(cf->stream(QStringLiteral("Empty"))->isEmpty());
    CHECK_FALSE(cf->stream(QStringLiteral("Book")).ok());

    // A truncated container and a FAT chain that loops are refused, naming the file.
    auto cut = CompoundFile::parse(file.left(1024), QStringLiteral("c.xls"));
    if (cut.ok())
        CHECK_FALSE(cut->stream(QStringLiteral("Workbook")).ok());
    QByteArray loop = file;
    // The Workbook stream's first regular sector points to itself.
    const quint32 fatSector = qFromLittleEndian<quint32>(file.constData() + 0x4C);
    const quint32 dirStart = qFromLittleEndian<quint32>(file.constData() + 0x30);
    const qsizetype dirAt = (qsizetype(dirStart) + 1) * 512;
    const quint32 wbStart = qFromLittleEndian<quint32>(file.constData() + dirAt + 128 + 0x74);
    qToLittleEndian(wbStart, loop.data() + (qsizetype(fatSector) + 1) * 512 + 4 * wbStart);
    auto looped = CompoundFile::parse(loop, QStringLiteral("c.xls"));
    REQUIRE(looped.ok());
    const auto stream = looped->stream(QStringLiteral("Workbook"));
    REQUIRE_FALSE(stream.ok());
    CHECK(stream.error().message.contains(QStringLiteral("c.xls")));
    CHECK_FALSE(CompoundFile::parse(QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + QByteArray(600, '\0'),
                                    QStringLiteral("z.xls"))
                    .ok());
}

TEST_CASE("xls: shared strings across CONTINUE, RK, MULRK, NUMBER, LABEL, formula strings, dates by format",
          "[import][xls]")
{
    // Two long strings force the SST over several CONTINUE records, one with 8-bit characters and
    // one with UTF-16 ones, each cut inside its characters.
    const QString longAscii = QString(9000, u'a') + QStringLiteral("END");
    QString longChinese;
    for (int i = 0; i < 6000; ++i)
        longChinese += QChar(0x4E00 + i % 500);
    XlsSheet sh;
    sh.name = s("数据");
    sh.rows = {
        {s("文本"), QStringLiteral("#n:7"), QStringLiteral("#n:8"), QStringLiteral("#n:-9"),
         QStringLiteral("#n:12.5")},
        {longAscii, longChinese, s("#l:标签"), s("#f:公式结果"), s("#g:共享公式")},
        {QStringLiteral("#d:44377"), QStringLiteral("#c:44561"), QStringLiteral("#n:44377"), s("文本")}};
    const QByteArray stream = xlsWorkbookStream({sh});
    REQUIRE(stream.contains(QByteArray("\x3C\x00", 2))); // CONTINUE records were written
    auto wb = XlsReader::parse(compoundFile({{QStringLiteral("Workbook"), stream}}), QStringLiteral("a.xls"));
    REQUIRE(wb.ok());
    REQUIRE(wb->sheets.size() == 1);
    const Sheet &t = wb->sheets[0];
    CHECK(t.name == s("数据"));
    CHECK_FALSE(wb->date1904);
    CHECK(t.rows.size() == 3);
    CHECK(t.cell(0, 0).text == s("文本"));
    CHECK(t.cell(0, 1).kind == Cell::Kind::Number);
    CHECK(t.cell(0, 1).text == QStringLiteral("7"));
    CHECK(t.cell(0, 2).text == QStringLiteral("8"));
    CHECK(t.cell(0, 3).number == -9);
    CHECK(t.cell(0, 4).text == QStringLiteral("12.5"));
    CHECK(t.cell(1, 0).text == longAscii);
    CHECK(t.cell(1, 1).text == longChinese);
    CHECK(t.cell(1, 2).text == s("标签"));
    CHECK(t.cell(1, 3).text == s("公式结果"));
    CHECK(t.cell(1, 4).text == s("共享公式"));
    CHECK(t.cell(2, 0).kind == Cell::Kind::Date);
    CHECK(t.cell(2, 0).date == QDate(2021, 6, 30));
    CHECK(t.cell(2, 0).text == QStringLiteral("2021-06-30"));
    CHECK(t.cell(2, 1).kind == Cell::Kind::Date); // custom yyyy"年"m"月"d"日"
    CHECK(t.cell(2, 1).date == QDate(2021, 12, 31));
    CHECK(t.cell(2, 2).kind == Cell::Kind::Number); // the same serial without a date format
    CHECK(t.cell(2, 3).text == s("文本"));          // a shared string used twice
}

TEST_CASE("xls: a date in each date system, merged cells, hidden rows, columns and sheets", "[import][xls]")
{
    XlsSheet visible = sampleLedgerXls();
    XlsSheet hidden;
    hidden.name = s("说明");
    hidden.rows = {{s("填表说明")}};
    hidden.visibility = 1;
    XlsSheet veryHidden;
    veryHidden.name = QStringLiteral("codes");
    veryHidden.rows = {{QStringLiteral("#n:1")}};
    veryHidden.visibility = 2;
    auto wb = XlsReader::parse(xlsFile({visible, hidden, veryHidden}), QStringLiteral("b.xls"));
    REQUIRE(wb.ok());
    REQUIRE(wb->sheets.size() == 3);
    CHECK_FALSE(wb->sheets[0].hidden);
    CHECK(wb->sheets[1].hidden);
    CHECK(wb->sheets[2].hidden);
    CHECK(wb->sheets[1].name == s("说明"));
    const Sheet &t = wb->sheets[0];
    REQUIRE(t.rows.size() == 9);
    CHECK(t.merges.size() == 6);
    const CellRange *m = t.mergeAt(5, 1);
    REQUIRE(m);
    CHECK((m->top == 4 && m->bottom == 5 && m->left == 1 && m->right == 1));
    REQUIRE(t.mergeAt(0, 3));
    CHECK(t.mergeAt(0, 3)->right == 5);
    CHECK(t.rows[6].hidden);
    CHECK(t.rows[6].number == 7);
    CHECK(std::count_if(t.rows.cbegin(), t.rows.cend(), [](const SheetRow &r) { return r.hidden; }) == 1);
    CHECK(t.hiddenColumns == QSet<int>{6});
    CHECK(t.cell(3, 4).date == QDate(2021, 6, 30));

    // The 1904 date system: serial 42915 is 2021-06-30 there.
    XlsSheet d;
    d.name = QStringLiteral("S");
    d.rows = {{QStringLiteral("#d:42915"), QStringLiteral("#c:1")}};
    auto wb1904 = XlsReader::parse(xlsFile({d}, true), QStringLiteral("c.xls"));
    REQUIRE(wb1904.ok());
    CHECK(wb1904->date1904);
    CHECK(wb1904->sheets[0].cell(0, 0).date == QDate(2021, 6, 30));
    CHECK(wb1904->sheets[0].cell(0, 1).date == QDate(1904, 1, 2));
    auto wb1900 = XlsReader::parse(xlsFile({d}, false), QStringLiteral("c.xls"));
    REQUIRE(wb1900.ok());
    CHECK(wb1900->sheets[0].cell(0, 0).date == QDate(2017, 6, 29));
}

TEST_CASE("xls: BIFF5 workbooks (Excel 5.0/95, Book stream) with GBK text", "[import][xls]")
{
    XlsSheet sh;
    sh.name = s("台账");
    sh.rows = {{s("问题描述"), s("整改时限")}, {s("问题甲"), QStringLiteral("#d:44377")}, {s("#f:公式")}};
    sh.hiddenRows = {2};
    auto wb = XlsReader::parse(xlsFile({sh}, false, true), QStringLiteral("old.xls"));
    REQUIRE(wb.ok());
    const Sheet &t = wb->sheets[0];
    CHECK(t.name == s("台账"));
    CHECK(t.cell(0, 0).text == s("问题描述"));
    CHECK(t.cell(1, 0).text == s("问题甲"));
    CHECK(t.cell(1, 1).date == QDate(2021, 6, 30));
    CHECK(t.cell(2, 0).text == s("公式"));
    CHECK(t.rows[1].hidden);
}

TEST_CASE("xls: declared dimensions are not allocated, encrypted and damaged workbooks are refused",
          "[import][xls]")
{
    XlsSheet sh;
    sh.name = QStringLiteral("S");
    sh.rows = {{s("问题描述")}, {s("问题甲")}};
    sh.declaredRows = 65536;
    sh.declaredColumns = 256;
    const QByteArray file = xlsFile({sh});
    CHECK(file.size() < 6 * 1024);
    auto wb = XlsReader::parse(file, QStringLiteral("big.xls"));
    REQUIRE(wb.ok());
    CHECK(wb->sheets[0].rows.size() == 2);
    CHECK(wb->sheets[0].columnCount() == 1);

    // A password to open: FILEPASS in the globals.
    QByteArray filepass;
    filepass += QByteArray("\x2F\x00\x06\x00\x01\x00\x01\x00\x01\x00", 10);
    const QByteArray encrypted =
        compoundFile({{QStringLiteral("Workbook"), xlsWorkbookStream({sh}, false, false, filepass)}});
    auto refused = XlsReader::parse(encrypted, QStringLiteral("pw.xls"));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message == LedgerFile::passwordMessage(QStringLiteral("pw.xls")));

    // Truncated streams and damaged bytes: refused or read, never a crash.
    const QByteArray stream = xlsWorkbookStream({sampleLedgerXls()});
    for (qsizetype cut = 0; cut < stream.size(); cut += 37) {
        auto r = XlsReader::parseWorkbookStream(stream.left(cut), QStringLiteral("cut.xls"));
        if (!r.ok())
            CHECK(r.error().message.contains(QStringLiteral("cut.xls")));
    }
    int refusedCount = 0;
    for (qsizetype at = 0; at < stream.size(); at += 11) {
        QByteArray bad = stream;
        bad[at] = char(bad[at] ^ 0x5A);
        auto r = XlsReader::parseWorkbookStream(bad, QStringLiteral("bad.xls"));
        refusedCount += r.ok() ? 0 : 1;
    }
    CHECK(refusedCount > 0);
    const QByteArray whole = xlsFile({sampleLedgerXls()});
    for (qsizetype at = 0; at < whole.size(); at += 13) {
        QByteArray bad = whole;
        bad[at] = char(bad[at] ^ 0xFF);
        (void)XlsReader::parse(bad, QStringLiteral("bad.xls"));
    }
}

TEST_CASE("xls: a ledger imports as the same ledger saved as .xlsx does", "[import][xls]")
{
    QTemporaryDir dir;
    const QString xls = dir.filePath(QStringLiteral("ledger.xls"));
    const QString xlsx = dir.filePath(QStringLiteral("ledger.xlsx"));
    REQUIRE(writeFile(xls, xlsFile({sampleLedgerXls()})));
    REQUIRE(writeZip(xlsx, workbookParts({{s("台账"), sampleLedgerXlsAsXlsx()}})));
    auto fromXls = LedgerImporter::readFile(xls);
    REQUIRE(fromXls.ok());
    RecognizerOptions ro;
    const RecognizedLedger a = LedgerRecognizer::recognize(*fromXls, fromXls->sheets[0], ro);
    auto fromXlsx = LedgerImporter::readFile(xlsx);
    REQUIRE(fromXlsx.ok());
    const RecognizedLedger b = LedgerRecognizer::recognize(*fromXlsx, fromXlsx->sheets[0], ro);
    CHECK(a.errors.isEmpty());
    CHECK(a.title == s("某局巡察整改台账"));
    REQUIRE(a.rows.size() == 3);
    CHECK(a.rows[0].description == s("问题甲"));
    CHECK(a.rows[0].measures == QStringList{s("措施一"), s("措施二")});
    CHECK(a.rows[0].deadline == QDate(2021, 6, 30));
    CHECK(a.rows[0].state == ProblemState::Completed);
    CHECK(a.rows[1].description == s("问题乙"));
    CHECK(a.rows[1].measures == QStringList{s("措施A"), s("措施B")});
    CHECK(a.rows[1].deadline == QDate(2021, 12, 31));
    CHECK(a.rows[1].state == ProblemState::InProgress);
    CHECK(a.rows[2].description == s("问题丁"));
    CHECK(a.rows[2].responsibleOffice == s("人事科"));
    CHECK(a.rows[2].state == ProblemState::LongTerm);
    REQUIRE(b.rows.size() == a.rows.size());
    for (int i = 0; i < a.rows.size(); ++i) {
        CHECK(a.rows[i].rowNumber == b.rows[i].rowNumber);
        CHECK(a.rows[i].description == b.rows[i].description);
        CHECK(a.rows[i].measures == b.rows[i].measures);
        CHECK(a.rows[i].deadline == b.rows[i].deadline);
        CHECK(a.rows[i].state == b.rows[i].state);
        CHECK(a.rows[i].responsibleOffice == b.rows[i].responsibleOffice);
    }
    CHECK(a.skippedRows == b.skippedRows);
    CHECK(a.warnings.size() == b.warnings.size());
}
