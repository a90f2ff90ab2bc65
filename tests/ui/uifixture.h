#pragma once

// A small known register for the ui tests, built through the core services (reference date
// 2021-01-15). Unit names sort differently in pinyin (北京 bei < 湖里 hu < 思明 si) and in code
// points (北 U+5317 < 思 U+601D < 湖 U+6E56), so a pinyin sort is visible.
//
//   no.   unit          round  source      office  leader  deadline    state        light on 2021-01-15
//   A-1   湖里区建设局   第一轮  municipal   财务处   张某某   2020-12-31  in progress  red
//   A-2   湖里区建设局   第一轮  municipal   规划处   李某某   2021-01-20  registered   yellow
//   A-10  思明区委       第一轮  municipal   组织部   张某某   2021-02-01  registered   green
//   A-3   思明区委       第一轮  municipal   财务处   王某某   2020-10-31  completed    none
//   B-1   北京办事处     第二轮  provincial  办公室   李某某   2021-06-30  long-term    none
//   B-2   北京办事处     第二轮  provincial  办公室   王某某   2020-12-01  closed out   none
// "电梯" occurs in A-1's description, in A-2's measure (加装电梯) and in B-2's description.

#include "testsupport.h"
#include "workflow/organizationservice.h"
#include "workflow/problemservice.h"

#include <catch2/catch.hpp>

namespace rectrack::test {

struct UiFixture
{
    TempRegister reg;
    qint64 round1 = 0, round2 = 0, term = 0, categoryParent = 0, categoryChild = 0;
    qint64 huli = 0, siming = 0, beijing = 0;
    qint64 inspHuli = 0, inspSiming = 0, inspBeijing = 0;
    QHash<QString, qint64> problemIds;

    UiFixture()
    {
        using namespace rectrack::core;
        Database &db = *reg.db;
        OrganizationService org(db);
        term = *org.addTerm({0, QStringLiteral("十二届市委"), QDate(2016, 11, 1), QDate(2021, 10, 31)});
        round1 = *org.addRound({0, term, QStringLiteral("第一轮"), 1, 1, QDate(2020, 3, 1), 1, 3});
        round2 = *org.addRound({0, term, QStringLiteral("第二轮"), 2, 1, QDate(2020, 9, 1), 1, 2});
        huli = *org.ensureUnit(QStringLiteral("湖里区建设局"), QStringLiteral("市直单位"));
        siming = *org.ensureUnit(QStringLiteral("思明区委"), QStringLiteral("区"));
        beijing = *org.ensureUnit(QStringLiteral("北京办事处"), QStringLiteral("市直单位"));
        categoryParent = *org.ensureCategory(QStringLiteral("党的领导"));
        categoryChild = *org.ensureCategory(QStringLiteral("落实决策部署"), categoryParent);
        const qint64 other = *org.ensureCategory(QStringLiteral("全面从严治党"));
        auto inspection = [&](qint64 round, qint64 unit, SourceLevel source, InspectionKind kind) {
            Inspection i;
            i.roundId = round;
            i.unitId = unit;
            i.source = source;
            i.kind = kind;
            i.feedbackDate = round == round1 ? QDate(2020, 6, 30) : QDate(2020, 11, 30);
            return *org.addInspection(i);
        };
        inspHuli = inspection(round1, huli, SourceLevel::Municipal, InspectionKind::Regular);
        inspSiming = inspection(round1, siming, SourceLevel::Municipal, InspectionKind::Regular);
        inspBeijing = inspection(round2, beijing, SourceLevel::Provincial, InspectionKind::Thematic);

        ProblemService problems(db);
        auto add = [&](const char *no, qint64 insp, qint64 unit, SourceLevel source, qint64 category,
                       const char *description, const char *office, const char *leader, QDate deadline,
                       ProblemState state, QStringList measures) {
            Problem p;
            p.registrationNo = QString::fromUtf8(no);
            p.inspectionId = insp;
            p.unitId = unit;
            p.source = source;
            p.categoryId = category;
            p.description = QString::fromUtf8(description);
            p.responsibleOffice = QString::fromUtf8(office);
            p.leadLeader = QString::fromUtf8(leader);
            p.responsiblePerson = QStringLiteral("某某");
            p.deadline = deadline;
            p.state = state;
            p.feedbackDate = insp == inspBeijing ? QDate(2020, 11, 30) : QDate(2020, 6, 30);
            QList<Measure> ms;
            for (const QString &text : measures) {
                Measure m;
                m.content = text;
                m.owner = QStringLiteral("责任人甲");
                m.deadline = deadline;
                m.state = isDone(state) ? MeasureState::Completed : MeasureState::InProgress;
                ms << m;
            }
            auto id = problems.registerProblem(p, ms, QDate(2020, 12, 10));
            REQUIRE(id.ok());
            problemIds.insert(p.registrationNo, *id);
        };
        add("A-1", inspHuli, huli, SourceLevel::Municipal, categoryChild,
            "老旧小区电梯加装补贴发放不及时，群众反映强烈", "财务处", "张某某", QDate(2020, 12, 31),
            ProblemState::InProgress, {QStringLiteral("清理积压补贴申请")});
        add("A-2", inspHuli, huli, SourceLevel::Municipal, categoryParent, "工程招投标监管不严", "规划处",
            "李某某", QDate(2021, 1, 20), ProblemState::Registered,
            {QStringLiteral("修订招投标管理办法，加装电梯项目纳入监管"), QStringLiteral("开展专项检查")});
        add("A-10", inspSiming, siming, SourceLevel::Municipal, other, "基层党组织建设薄弱", "组织部",
            "张某某", QDate(2021, 2, 1), ProblemState::Registered, {QStringLiteral("开展支部评星定级")});
        add("A-3", inspSiming, siming, SourceLevel::Municipal, other, "财务报销制度执行不严", "财务处",
            "王某某", QDate(2020, 10, 31), ProblemState::Completed, {QStringLiteral("修订财务报销制度")});
        add("B-1", inspBeijing, beijing, SourceLevel::Provincial, other, "干部队伍建设统筹不够", "办公室",
            "李某某", QDate(2021, 6, 30), ProblemState::LongTerm, {QStringLiteral("制定干部队伍建设规划")});
        add("B-2", inspBeijing, beijing, SourceLevel::Provincial, other, "电梯维保合同管理混乱", "办公室",
            "王某某", QDate(2020, 12, 1), ProblemState::ClosedOut, {QStringLiteral("重新签订维保合同")});
        Transaction tx(db);
        REQUIRE(db.setMeta(QStringLiteral("reference_date"), QStringLiteral("2021-01-15")).ok());
        REQUIRE(tx.commit().ok());
    }
};

} // namespace rectrack::test
