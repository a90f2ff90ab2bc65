#include <catch2/catch.hpp>

#include "io/ledgerrules.h"

using namespace rectrack::core;

namespace {
QString s(const char *utf8)
{
    return QString::fromUtf8(utf8);
}
} // namespace

TEST_CASE("headers are recognised by keyword, not exact text", "[import][rules]")
{
    CHECK(LedgerRules::fieldForHeader(s("问题描述")) == LedgerField::Problem);
    CHECK(LedgerRules::fieldForHeader(s("反馈问题")) == LedgerField::Problem);
    CHECK(LedgerRules::fieldForHeader(s("问题表现")) == LedgerField::Problem);
    CHECK(LedgerRules::fieldForHeader(s("问 题 内 容")) == LedgerField::Problem);
    CHECK(LedgerRules::fieldForHeader(s("整改举措")) == LedgerField::Measures);
    CHECK(LedgerRules::fieldForHeader(s("完成时限")) == LedgerField::Deadline);
    CHECK(LedgerRules::fieldForHeader(s("时间节点")) == LedgerField::Deadline);
    CHECK(LedgerRules::fieldForHeader(s("责任领导")) == LedgerField::LeadLeader);
    CHECK(LedgerRules::fieldForHeader(s("责任处室")) == LedgerField::ResponsibleOffice);
    CHECK(LedgerRules::fieldForHeader(s("责任单位（处室）")) == LedgerField::ResponsibleOffice);
    CHECK(LedgerRules::fieldForHeader(s("责任人")) == LedgerField::ResponsiblePerson);
    CHECK(LedgerRules::fieldForHeader(s("整改结果")) == LedgerField::Status);
    CHECK(LedgerRules::fieldForHeader(s("状态")) == LedgerField::Status);
    CHECK(LedgerRules::fieldForHeader(s("整改进展情况")) == LedgerField::Progress);
    CHECK(LedgerRules::fieldForHeader(s("问题类型")) == LedgerField::Category);
    CHECK(LedgerRules::fieldForHeader(s("问题编号")) == LedgerField::RegistrationNo);
    CHECK(LedgerRules::fieldForHeader(s("序号")) == LedgerField::Seq);
    CHECK(LedgerRules::fieldForHeader(s("佐证材料")) == LedgerField::Evidence);
    CHECK(LedgerRules::fieldForHeader(s("备注")) == LedgerField::Note);
    CHECK_FALSE(LedgerRules::fieldForHeader(s("督办次数")).has_value());
    CHECK(LedgerRules::fieldFromKey(QStringLiteral("Problem")) == LedgerField::Problem);
    CHECK(LedgerRules::fieldFromKey(QStringLiteral("leadleader")) == LedgerField::LeadLeader);
    CHECK_FALSE(LedgerRules::fieldFromKey(QStringLiteral("nonsense")).has_value());
}

TEST_CASE("status words map to states by rule", "[import][rules]")
{
    bool known = false;
    CHECK(LedgerRules::stateForWord(s("已销号"), &known) == ProblemState::ClosedOut);
    CHECK(known);
    CHECK(LedgerRules::stateForWord(s("同意销号")) == ProblemState::ClosedOut);
    CHECK(LedgerRules::stateForWord(s("待销号")) == ProblemState::Completed);
    CHECK(LedgerRules::stateForWord(s("长期坚持")) == ProblemState::LongTerm);
    CHECK(LedgerRules::stateForWord(s("基本完成")) == ProblemState::LongTerm);
    CHECK(LedgerRules::stateForWord(s("持续整改")) == ProblemState::LongTerm);
    CHECK(LedgerRules::stateForWord(s("已完成")) == ProblemState::Completed);
    CHECK(LedgerRules::stateForWord(s("完成")) == ProblemState::Completed);
    CHECK(LedgerRules::stateForWord(s("已整改")) == ProblemState::Completed);
    CHECK(LedgerRules::stateForWord(s("完成整改")) == ProblemState::Completed);
    CHECK(LedgerRules::stateForWord(s("已办结")) == ProblemState::Completed);
    CHECK(LedgerRules::stateForWord(s("正在推进")) == ProblemState::InProgress);
    CHECK(LedgerRules::stateForWord(s("整改中")) == ProblemState::InProgress);
    CHECK(LedgerRules::stateForWord(s("未完成")) == ProblemState::InProgress);
    CHECK(LedgerRules::stateForWord(s("推进中")) == ProblemState::InProgress);
    CHECK(LedgerRules::stateForWord(s("未启动")) == ProblemState::Registered);
    CHECK(LedgerRules::stateForWord(s("待整改")) == ProblemState::Registered);
    CHECK(LedgerRules::stateForWord(QString(), &known) == ProblemState::Registered);
    CHECK(known);
    LedgerRules::stateForWord(s("待定"), &known);
    CHECK_FALSE(known);
    // Every word the exporter writes reads back as its state.
    for (ProblemState st : {ProblemState::Registered, ProblemState::InProgress, ProblemState::LongTerm,
                            ProblemState::Completed, ProblemState::ClosedOut})
        CHECK(LedgerRules::stateForWord(LedgerRules::wordForState(st)) == st);
}

TEST_CASE("deadlines in every spelling, full-width digits and date words", "[import][rules]")
{
    const QDate d(2021, 3, 31);
    for (const char *t : {"2021-03-31", "2021/3/31", "2021.3.31", "2021年3月31日", "2021年3月31日前",
                          "２０２１年３月３１日", "２０２１．３．３１", "20210331", "44286"})
        CHECK(LedgerRules::parseDeadline(s(t), 2020).date == d);
    CHECK(LedgerRules::parseDeadline(s("6月底前"), 2021).date == QDate(2021, 6, 30));
    CHECK(LedgerRules::parseDeadline(s("2021年6月底"), 2000).date == QDate(2021, 6, 30));
    CHECK(LedgerRules::parseDeadline(s("年底前"), 2021).date == QDate(2021, 12, 31));
    CHECK(LedgerRules::parseDeadline(s("9月30日前"), 2021).date == QDate(2021, 9, 30));
    CHECK(LedgerRules::parseDeadline(s("上半年"), 2021).date == QDate(2021, 6, 30));
    CHECK(LedgerRules::parseDeadline(s("第三季度"), 2021).date == QDate(2021, 9, 30));
    const DeadlineValue bad = LedgerRules::parseDeadline(s("2021年13月5日"), 2021);
    CHECK(bad.invalid);
    CHECK(LedgerRules::parseDeadline(s("2021-02-30"), 2021).invalid);
    const DeadlineValue now = LedgerRules::parseDeadline(s("立行立改"), 2021);
    CHECK_FALSE(now.date.isValid());
    CHECK(now.immediate);
    CHECK(now.note == s("立行立改"));
    const DeadlineValue lt = LedgerRules::parseDeadline(s("长期坚持"), 2021);
    CHECK(lt.longTerm);
    CHECK(lt.note == s("长期坚持"));
    const DeadlineValue q = LedgerRules::parseDeadline(s("每季度"), 2021);
    CHECK_FALSE(q.date.isValid());
    CHECK(q.note == s("每季度"));
    CHECK_FALSE(q.unrecognised);
}

TEST_CASE("numbered measures in one cell are split", "[import][rules]")
{
    CHECK(LedgerRules::splitMeasures(s("1.甲；\n2.乙；\n3.丙。")) ==
          QStringList{s("甲"), s("乙"), s("丙。")});
    CHECK(LedgerRules::splitMeasures(s("1、甲\n2、乙")) == QStringList{s("甲"), s("乙")});
    CHECK(LedgerRules::splitMeasures(s("（1）甲；（2）乙")) == QStringList{s("甲"), s("乙")});
    CHECK(LedgerRules::splitMeasures(s("(1)甲 (2)乙")) == QStringList{s("甲"), s("乙")});
    CHECK(LedgerRules::splitMeasures(s("①甲②乙③丙")) == QStringList{s("甲"), s("乙"), s("丙")});
    CHECK(LedgerRules::splitMeasures(s("一是甲；二是乙")) == QStringList{s("甲"), s("乙")});
    CHECK(LedgerRules::splitMeasures(s("１．甲\n２．乙")) == QStringList{s("甲"), s("乙")});
    // Numbers inside the text are no markers; an unnumbered cell is one measure.
    CHECK(LedgerRules::splitMeasures(s("追缴12.6万元，3.5%以上")) ==
          QStringList{s("追缴12.6万元，3.5%以上")});
    CHECK(LedgerRules::splitMeasures(s("建立台账。")) == QStringList{s("建立台账。")});
    CHECK(LedgerRules::splitMeasures(QString()).isEmpty());
    // A stray "2." without a "1." does not split.
    CHECK(LedgerRules::splitMeasures(s("见附件 2.xlsx")).size() == 1);
}

TEST_CASE("section rows and categories lose their numbering and counts", "[import][rules]")
{
    CHECK(LedgerRules::cleanCategory(s("一、落实党的路线方针政策方面（共8个问题）")) ==
          s("落实党的路线方针政策方面"));
    CHECK(LedgerRules::cleanCategory(s("（二）全面从严治党方面(5个)")) == s("全面从严治党方面"));
    CHECK(LedgerRules::cleanCategory(s("第三部分：组织建设方面")) == s("组织建设方面"));
    CHECK(LedgerRules::cleanCategory(s("党风廉政建设")) == s("党风廉政建设"));
    CHECK(LedgerRules::looksLikeSection(s("一、落实党的路线方针政策方面（共8个问题）")));
    CHECK(LedgerRules::looksLikeSection(s("（三）组织建设")));
    CHECK_FALSE(LedgerRules::looksLikeSection(s("公务用车管理不规范，存在未按规定登记使用车辆的情况")));
    CHECK(LedgerRules::isSummary(s("合计：共24个问题")));
    CHECK(LedgerRules::isSummary(s("总 计")));
    CHECK_FALSE(LedgerRules::isSummary(s("落实合计划")));
    CHECK(LedgerRules::toHalfWidth(s("２０２１．３．３１")) == QStringLiteral("2021.3.31"));
    CHECK(LedgerRules::findDate(s("填报日期：2021年6月30日")) == QDate(2021, 6, 30));
}

TEST_CASE("a bare 问题 names the problem only as the header's noun", "[import][rules]")
{
    CHECK(LedgerRules::fieldForHeader(s("存在问题")) == LedgerField::Problem);
    CHECK(LedgerRules::fieldForHeader(s("问题")) == LedgerField::Problem);
    CHECK(LedgerRules::fieldForHeader(s("巡察发现的问题")) == LedgerField::Problem);
    CHECK(LedgerRules::fieldForHeader(s("问题（事项）")) == LedgerField::Problem);
    CHECK(LedgerRules::fieldForHeader(s("问题简要描述")) == LedgerField::Problem);
    // Columns that describe the problem are not the problem: 问题来源 before 问题描述 took its place.
    CHECK_FALSE(LedgerRules::fieldForHeader(s("问题来源")).has_value());
    CHECK_FALSE(LedgerRules::fieldForHeader(s("问题性质")).has_value());
    CHECK(LedgerRules::fieldForHeader(s("问题领域")) == LedgerField::Category);
    // Header spellings offices use.
    CHECK(LedgerRules::fieldForHeader(s("整改措施及时限")) == LedgerField::Measures);
    CHECK(LedgerRules::fieldForHeader(s("整改措施及完成情况")) == LedgerField::Measures);
    // A rectification ledger's columns about each measure are that field of the row.
    CHECK(LedgerRules::fieldForHeader(s("措施状态")) == LedgerField::Status);
    CHECK(LedgerRules::fieldForHeader(s("措施完成情况")) == LedgerField::Status);
    CHECK(LedgerRules::fieldForHeader(s("措施完成时限")) == LedgerField::Deadline);
    CHECK_FALSE(LedgerRules::fieldForHeader(s("措施类型")).has_value());
    CHECK(LedgerRules::fieldForHeader(s("措施序号")) == LedgerField::Seq);
    CHECK(LedgerRules::fieldForHeader(s("Measure status")) == LedgerField::Status);
    CHECK_FALSE(LedgerRules::fieldForHeader(s("Measure no.")).has_value());
    CHECK_FALSE(LedgerRules::fieldForHeader(s("Measure type")).has_value());
    CHECK(LedgerRules::fieldForHeader(s("Rectification measures")) == LedgerField::Measures);
    CHECK(LedgerRules::fieldForHeader(s("Owner")) == LedgerField::ResponsiblePerson);
    CHECK(LedgerRules::fieldForHeader(s("整改期限")) == LedgerField::Deadline);
    CHECK(LedgerRules::fieldForHeader(s("整改\n时限")) == LedgerField::Deadline);
    CHECK(LedgerRules::fieldForHeader(s("分管领导")) == LedgerField::LeadLeader);
    CHECK(LedgerRules::fieldForHeader(s("牵头领导")) == LedgerField::LeadLeader);
    CHECK(LedgerRules::fieldForHeader(s("责任单位（部门）")) == LedgerField::ResponsibleOffice);
    CHECK(LedgerRules::fieldForHeader(s("责任单位（人）")) == LedgerField::ResponsibleOffice);
    CHECK(LedgerRules::fieldForHeader(s("责任单位及责任人")) == LedgerField::ResponsibleOffice);
    CHECK(LedgerRules::fieldForHeader(s("整改责任人")) == LedgerField::ResponsiblePerson);
    CHECK(LedgerRules::fieldForHeader(s("单位负责人")) == LedgerField::ResponsiblePerson);
    CHECK(LedgerRules::fieldForHeader(s("整改状态")) == LedgerField::Status);
    CHECK(LedgerRules::fieldForHeader(s("是否完成")) == LedgerField::Status);
    CHECK(LedgerRules::fieldForHeader(s("进展情况")) == LedgerField::Progress);
    CHECK(LedgerRules::fieldForHeader(s("整改任务")) == LedgerField::Measures);
    CHECK(LedgerRules::fieldForHeader(s("时间要求")) == LedgerField::Deadline);
    CHECK(LedgerRules::fieldForHeader(s("整改落实情况")) == LedgerField::Progress);
    CHECK(LedgerRules::fieldForHeader(s("整改完成情况")) == LedgerField::Status);
}

TEST_CASE("yes/no answers and partial completion", "[import][rules]")
{
    bool known = false;
    CHECK(LedgerRules::stateForWord(s("是"), &known, s("是否完成")) == ProblemState::Completed);
    CHECK(known);
    CHECK(LedgerRules::stateForWord(s("否"), &known, s("是否完成")) == ProblemState::InProgress);
    CHECK(known);
    CHECK(LedgerRules::stateForWord(s("是"), nullptr, s("是否销号")) == ProblemState::ClosedOut);
    CHECK(LedgerRules::stateForWord(s("否"), nullptr, s("是否销号")) == ProblemState::Completed);
    CHECK(LedgerRules::stateForWord(s("是"), nullptr, s("是否整改到位")) == ProblemState::Completed);
    CHECK(LedgerRules::stateForWord(s("√"), nullptr, s("完成情况")) == ProblemState::Completed);
    CHECK(LedgerRules::stateForWord(s("×")) == ProblemState::InProgress);
    CHECK(LedgerRules::stateForWord(QStringLiteral("TRUE"), nullptr, s("是否完成")) ==
          ProblemState::Completed);
    CHECK(LedgerRules::stateForWord(QStringLiteral("FALSE"), nullptr, s("是否完成")) ==
          ProblemState::InProgress);
    CHECK(LedgerRules::stateForWord(s("部分完成")) == ProblemState::InProgress);
    CHECK(LedgerRules::stateForWord(s("已整改到位")) == ProblemState::Completed);
    CHECK(LedgerRules::stateForWord(s("立行立改已完成")) == ProblemState::Completed);
    CHECK(LedgerRules::stateForWord(s("正在整改")) == ProblemState::InProgress);
    CHECK(LedgerRules::stateForWord(s("持续推进")) == ProblemState::LongTerm);
    CHECK(LedgerRules::stateForWord(s("是否")) == ProblemState::Registered); // not an answer
}

TEST_CASE("parenthesized and negative circled numbers split measures", "[import][rules]")
{
    CHECK(LedgerRules::splitMeasures(s("⑴加强学习⑵完善制度⑶强化监督")) ==
          QStringList{s("加强学习"), s("完善制度"), s("强化监督")});
    CHECK(LedgerRules::splitMeasures(s("❶加强学习；❷完善制度")) == QStringList{s("加强学习"), s("完善制度")});
    CHECK(LedgerRules::splitMeasures(s("一是加强学习；二是完善制度；三是强化监督。")) ==
          QStringList{s("加强学习"), s("完善制度"), s("强化监督。")});
    CHECK(LedgerRules::splitMeasures(s("统一是前提")).size() == 1);
}

TEST_CASE("deadline periods, years alone and dates with a time", "[import][rules]")
{
    CHECK(LedgerRules::parseDeadline(s("2021年3月-6月"), 2000).date == QDate(2021, 6, 30));
    CHECK(LedgerRules::parseDeadline(s("2021年3月至6月底"), 2000).date == QDate(2021, 6, 30));
    CHECK(LedgerRules::parseDeadline(s("2021.3～2021.9"), 2000).date == QDate(2021, 9, 30));
    CHECK(LedgerRules::parseDeadline(s("3月-5月"), 2021).date == QDate(2021, 5, 31));
    CHECK(LedgerRules::parseDeadline(s("2021-03-01至2021-06-30"), 2000).date == QDate(2021, 6, 30));
    CHECK(LedgerRules::parseDeadline(s("2021-06-30"), 2000).date == QDate(2021, 6, 30));
    CHECK(LedgerRules::parseDeadline(s("2021年"), 2000).date == QDate(2021, 12, 31));
    CHECK(LedgerRules::parseDeadline(s("2021年度内"), 2000).date == QDate(2021, 12, 31));
    CHECK_FALSE(LedgerRules::parseDeadline(s("2021年"), 2000).unrecognised);
    CHECK(LedgerRules::parseDeadline(s("2021-06-30 00:00:00"), 2000).date == QDate(2021, 6, 30));
    CHECK(LedgerRules::parseDeadline(s("2021/6/5 0:00"), 2000).date == QDate(2021, 6, 5));
    CHECK(LedgerRules::parseDeadline(s("2021-06-05T00:00:00"), 2000).date == QDate(2021, 6, 5));
    const DeadlineValue now = LedgerRules::parseDeadline(s("即知即改"), 2021);
    CHECK_FALSE(now.date.isValid());
    CHECK(now.immediate);
    CHECK(LedgerRules::parseDeadline(s("2021年13月5日"), 2000).invalid);
}

TEST_CASE("numbered measures that lost their line breaks still split, other numbers do not",
          "[import][rules]")
{
    CHECK(LedgerRules::splitMeasures(s("1.加强学习2.完善制度3.强化监督")) ==
          QStringList{s("加强学习"), s("完善制度"), s("强化监督")});
    CHECK(LedgerRules::splitMeasures(s("1.组织学习2次，培训2.5小时")).size() == 1);
    CHECK(LedgerRules::splitMeasures(s("1.对2、3号楼进行整改")).size() == 1);
    CHECK(LedgerRules::splitMeasures(s("完成第2.项")).size() == 1);
}
