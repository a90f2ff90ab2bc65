// The stages of ledger recognition (core/io/ledgerstages.h), each on a small sheet of its own.
#include <catch2/catch.hpp>

#include "io/ledgerstages.h"

using namespace rectrack::core;

namespace {

QString s(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

/// A sheet of text cells ("" = empty), rows numbered 1, 2, 3 …
Sheet sheetOf(const QList<QStringList> &rows)
{
    Sheet sheet;
    sheet.name = QStringLiteral("S");
    for (int r = 0; r < rows.size(); ++r) {
        SheetRow row;
        row.number = r + 1;
        for (const QString &t : rows[r]) {
            Cell c;
            c.kind = t.isEmpty() ? Cell::Kind::Empty : Cell::Kind::Text;
            c.text = t;
            row.cells << c;
        }
        sheet.rows << row;
    }
    return sheet;
}

LedgerColumn column(int index, const char *header, LedgerField field)
{
    LedgerColumn c;
    c.index = index;
    c.header = s(header);
    c.field = field;
    return c;
}

} // namespace

TEST_CASE("stage: rows that hold no problem", "[import][stages]")
{
    const Sheet sheet = sheetOf({{s("1"), s("2"), s("3")},
                                 {s("合计"), QString(), QString()},
                                 {s("共12个问题，已完成8个"), QString(), QString()},
                                 {s("共3个问题"), QString(), s("措施一")},
                                 {s("填表人：张三"), s("审核人：李四"), QString()},
                                 {s("1"), s("问题甲"), s("措施一")}});
    using LedgerStages::isSummaryOrNote;
    using LedgerStages::rowTexts;
    CHECK(isSummaryOrNote(sheet, 0, rowTexts(sheet, 0), true, s("2"), 2));
    CHECK_FALSE(isSummaryOrNote(sheet, 0, rowTexts(sheet, 0), false, s("2"), 2));
    CHECK(isSummaryOrNote(sheet, 1, rowTexts(sheet, 1), false, QString(), 2));
    CHECK(isSummaryOrNote(sheet, 2, rowTexts(sheet, 2), false, QString(), 2));
    CHECK_FALSE(isSummaryOrNote(sheet, 3, rowTexts(sheet, 3), false, QString(), 2)); // it has measures
    CHECK(isSummaryOrNote(sheet, 4, rowTexts(sheet, 4), false, s("审核人：李四"), 2));
    CHECK_FALSE(isSummaryOrNote(sheet, 5, rowTexts(sheet, 5), false, s("问题甲"), 2));
}

TEST_CASE("stage: section rows start a category", "[import][stages]")
{
    // Columns: 0 序号, 1 问题类别, 2 问题描述.
    Sheet sheet = sheetOf({{s("一、落实主体责任方面（共5个问题）"), QString(), QString()},
                           {s("一"), QString(), s("党的建设方面")},
                           {s("1"), QString(), s("问题甲")},
                           {QString(), s("作风建设"), QString()},
                           {s("（一）"), QString(), s("问题乙")}});
    sheet.merges << CellRange{0, 0, 0, 2};
    using LedgerStages::rowTexts;
    using LedgerStages::sectionHeading;
    CHECK(sectionHeading(sheet, 0, rowTexts(sheet, 0), 0, 1, 2) == s("落实主体责任方面"));
    CHECK(sectionHeading(sheet, 1, rowTexts(sheet, 1), 0, 1, 2) == s("党的建设方面"));
    CHECK_FALSE(sectionHeading(sheet, 2, rowTexts(sheet, 2), 0, 1, 2).has_value());
    CHECK(sectionHeading(sheet, 3, rowTexts(sheet, 3), 0, 1, 2) == s("作风建设"));
    CHECK_FALSE(sectionHeading(sheet, 4, rowTexts(sheet, 4), 0, 1, 2).has_value());
}

TEST_CASE("stage: map the columns", "[import][stages]")
{
    QList<LedgerColumn> columns{
        column(0, "问题描述", LedgerField::Problem),  column(1, "整改情况", LedgerField::Status),
        column(2, "完成情况", LedgerField::Status),   column(3, "整改措施", LedgerField::Measures),
        column(4, "具体措施", LedgerField::Measures), column(5, "问题来源", LedgerField::Note)};
    LedgerStages::settleStatusColumns(columns);
    CHECK(columns[1].field == LedgerField::Progress);
    CHECK(columns[2].field == LedgerField::Status);
    RecognizedLedger L;
    L.headerRow = 2;
    const QHash<LedgerField, int> of = LedgerStages::assignColumns(columns, L);
    CHECK(of.value(LedgerField::Problem) == 0);
    CHECK(of.value(LedgerField::Progress) == 1);
    CHECK(of.value(LedgerField::Status) == 2);
    CHECK(of.value(LedgerField::Measures) == 3);
    CHECK(columns[4].field == LedgerField::Note); // a second measures column
    REQUIRE(L.warnings.size() == 2);
    CHECK(L.warnings[0].column == s("具体措施"));
    CHECK(L.warnings[1].column == s("问题来源"));
    CHECK(L.warnings[1].row == 2);
}

TEST_CASE("stage: title and fill-in rows", "[import][stages]")
{
    const Sheet sheet = sheetOf({{s("附件2"), QString()},
                                 {s("市水利局党组巡察反馈问题整改台账"), QString()},
                                 {s("填报单位：市水利局"), s("填报日期：2021年6月30日")},
                                 {s("问题描述"), s("整改措施")}});
    RecognizedLedger L;
    CHECK(LedgerStages::readTitleRows(sheet, 3, L) == 2021);
    CHECK(L.title == s("市水利局党组巡察反馈问题整改台账"));
    CHECK(L.fillInDate == QDate(2021, 6, 30));
}

TEST_CASE("stage: deadline, state and note of a row", "[import][stages]")
{
    Workbook wb;
    Sheet sheet = sheetOf({{s("2021年6月底前")}, {s("2021年13月5日")}, {s("每季度")}, {QString()}});
    Cell date;
    date.kind = Cell::Kind::Date;
    date.date = QDate(2021, 6, 1);
    date.monthOnly = true;
    date.text = QStringLiteral("2021-06-01");
    sheet.rows[3].cells[0] = date;
    RecognizedLedger L;
    LedgerRow a;
    a.rowNumber = 1;
    LedgerStages::readDeadline(wb, sheet, 0, 0, 2021, s("整改时限"), a, L);
    CHECK(a.deadline == QDate(2021, 6, 30));
    LedgerRow b;
    b.rowNumber = 2;
    LedgerStages::readDeadline(wb, sheet, 1, 0, 2021, s("整改时限"), b, L);
    REQUIRE(L.errors.size() == 1);
    CHECK(L.errors[0].row == 2);
    CHECK(L.errors[0].column == s("整改时限"));
    LedgerRow c;
    LedgerStages::readDeadline(wb, sheet, 2, 0, 2021, s("整改时限"), c, L);
    CHECK_FALSE(c.deadline.isValid());
    CHECK(c.deadlineNote == s("每季度"));
    LedgerRow d;
    LedgerStages::readDeadline(wb, sheet, 3, 0, 2021, s("整改时限"), d, L);
    CHECK(d.deadline == QDate(2021, 6, 30)); // a date shown as a month: its last day

    RecognizedLedger S;
    LedgerRow plan;
    LedgerStages::readState(s("完成情况"), s("计划6月底前完成"), plan, S);
    CHECK(plan.state == ProblemState::InProgress);
    LedgerRow unknown;
    unknown.rowNumber = 7;
    LedgerStages::readState(s("完成情况"), s("见附件"), unknown, S);
    CHECK(unknown.state == ProblemState::Registered);
    REQUIRE(S.warnings.size() == 1);
    CHECK(S.warnings[0].row == 7);
    LedgerRow progress;
    progress.progress = s("已召开专题会议研究");
    LedgerStages::readState(QString(), QString(), progress, S);
    CHECK(progress.state == ProblemState::InProgress);

    const Sheet notes = sheetOf({{s("问题甲"), s("见会议纪要"), s("已报送"), s("巡察")}});
    const QList<LedgerColumn> columns{
        column(0, "问题描述", LedgerField::Problem), column(1, "佐证材料", LedgerField::Evidence),
        column(2, "备注", LedgerField::Note), column(3, "问题来源", LedgerField::Note)};
    CHECK(LedgerStages::notesOf(notes, 0, columns) == s("佐证材料：见会议纪要\n已报送\n问题来源：巡察"));
}
