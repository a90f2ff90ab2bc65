#include "demoregister.h"

#include "workflow/organizationservice.h"
#include "workflow/oversightservice.h"
#include "workflow/problemservice.h"
#include "workflow/supervisionservice.h"

#include <QStringList>

#include <array>

namespace rectrack::core {

namespace {

// ---- Names ---------------------------------------------------------------------------------

const char *const kPartyGovernment[] = {
    "市委办公厅",       "市人大常委会办公厅", "市政府办公厅",   "市政协办公厅",     "市纪委监委机关",
    "市委组织部",       "市委宣传部",         "市委统战部",     "市委政法委",       "市委政研室",
    "市委台港澳办",     "市委编办",           "市直机关工委",   "市委网信办",       "市委党校",
    "市委老干部局",     "市发改委党组",       "市教育局党组",   "市科技局党组",     "市工信局党组",
    "市公安局党委",     "市民政局党组",       "市司法局党组",   "市财政局党组",     "市人社局党组",
    "市资源规划局党组", "市生态环境局党组",   "市建设局党组",   "市交通运输局党组", "市农业农村局党组",
    "市水利局党组",     "市商务局党组",       "市文旅局党组",   "市卫健委党组",     "市退役军人局党组",
    "市应急局党组",     "市审计局党组",       "市国资委党委",   "市市场监管局党组", "市体育局党组",
    "市统计局党组",     "市医保局党组",       "市城管局党组",   "市园林局党组",     "市金融监管局党组",
    "市信访局党组",     "市民宗局党组",       "市港口局党组",   "市海洋发展局党组", "市大数据局党组",
    "市人防办党组",     "市机关事务局党组",   "驻京办党组",     "市总工会党组",     "团市委",
    "市妇联党组",       "市科协党组",         "市侨联党组",     "市文联党组",       "市社科联党组",
    "市残联党组",       "市红十字会党组",     "市中级法院党组", "市检察院党组",     "市工商联党组",
    "市贸促会党组",     "市供销社党组",       "市地方志办党组", "市档案馆党组",     "市公积金中心党组"};

const char *const kEnterprises[] = {"建发集团党委",
                                    "国贸控股集团党委",
                                    "象屿集团党委",
                                    "港务控股集团党委",
                                    "路桥集团党委",
                                    "轨道交通集团党委",
                                    "市政集团党委",
                                    "安居集团党委",
                                    "翔业集团党委",
                                    "金圆集团党委",
                                    "海翼集团党委",
                                    "夏商集团党委",
                                    "公交集团党委",
                                    "水务集团党委",
                                    "信息集团党委",
                                    "特房集团党委",
                                    "厦门理工学院党委",
                                    "厦门医学院党委",
                                    "厦门城市职业学院党委",
                                    "厦门海洋职业技术学院党委",
                                    "厦门华天涉外职业技术学院党委",
                                    "市第一医院党委",
                                    "市中医院党委",
                                    "市妇幼保健院党委",
                                    "市仙岳医院党委",
                                    "市儿童医院党委",
                                    "市第三医院党委",
                                    "市第五医院党委",
                                    "市疾控中心党委",
                                    "市广播电视集团党委",
                                    "厦门日报社党委",
                                    "市图书馆党委",
                                    "市科技馆党委",
                                    "市公共资源交易中心党委",
                                    "市产品质量监督检验院党委"};

// Not inspected yet this term: 4 + 2 of the 105 must-cover units (99/105 = 94.3%).
const char *const kNotCovered[] = {"市贸促会党组",     "市供销社党组", "市地方志办党组",
                                   "市公积金中心党组", "市科技馆党委", "市产品质量监督检验院党委"};

const char *const kDistricts[] = {"思明区委", "湖里区委", "集美区委", "海沧区委", "同安区委", "翔安区委"};

struct Batch
{
    int round;
    int batch;
    QDate start;
    QDate feedback; // invalid: no feedback yet
    std::array<const char *, 5> units;
};

const Batch kBatches2020[] = {
    {13,
     1,
     QDate(2020, 1, 6),
     QDate(2020, 4, 10),
     {"市发改委党组", "市教育局党组", "市科技局党组", "市工信局党组", nullptr}},
    {13,
     2,
     QDate(2020, 3, 16),
     QDate(2020, 6, 12),
     {"市民政局党组", "市司法局党组", "市财政局党组", "市人社局党组", nullptr}},
    {14,
     1,
     QDate(2020, 5, 11),
     QDate(2020, 8, 7),
     {"市交通运输局党组", "市农业农村局党组", "市水利局党组", "市商务局党组", nullptr}},
    {14,
     2,
     QDate(2020, 6, 29),
     QDate(2020, 9, 18),
     {"市文旅局党组", "市卫健委党组", "市应急局党组", "市审计局党组", nullptr}},
    {15,
     1,
     QDate(2020, 9, 7),
     QDate(2020, 11, 20),
     {"建发集团党委", "国贸控股集团党委", "象屿集团党委", nullptr, nullptr}},
    {15,
     2,
     QDate(2020, 10, 26),
     QDate(2020, 12, 25),
     {"市城管局党组", "市园林局党组", "市体育局党组", nullptr, nullptr}},
    {15,
     3,
     QDate(2020, 12, 28),
     QDate(),
     {"市委宣传部", "市委政研室", "市委台港澳办", "市民宗局党组", "驻京办党组"}},
};

// Outcome of a problem on the reference date, and the letters used to plan them per batch:
// X closed out, C completed (awaiting close-out), L long-term, I in progress, R registered.
const char *const kBatchOutcomes[] = {"XXXCL", "XCCLI", "CCIIL", "CIIIL", "IICIR", "RRIIR"};

const char *const kAspects[] = {"落实党的路线方针政策和党中央重大决策部署方面",
                                "落实全面从严治党战略部署方面", "落实新时代党的组织路线方面",
                                "落实巡视巡察整改和主题教育整改方面"};

// Problem texts per aspect (regular inspections), with a matching measure set.
struct ProblemText
{
    const char *description;
    std::array<const char *, 3> measures;
};

const ProblemText kRegularProblems[4][6] = {
    {{"贯彻落实市委关于优化营商环境的部署不够有力，部分审批事项承诺时限未兑现",
      {"梳理审批事项清单，逐项明确承诺时限", "建立审批时限预警和通报制度", "开展“回头看”督查并通报结果"}},
     {"推动高质量发展的思路举措不够实，重点项目推进滞后于年度计划",
      {"重新排定重点项目推进计划并挂图作战", "实行领导挂钩联系重点项目机制", nullptr}},
     {"落实意识形态工作责任制不到位，阵地管理存在薄弱环节",
      {"修订意识形态工作责任清单", "开展阵地管理专项检查", "每半年专题研判意识形态形势"}},
     {"服务保障民生工作有差距，老旧小区电梯加装补贴审核把关不严，部分补贴资金拨付滞后",
      {"全面复核已拨付的电梯加装补贴", "完善补贴审核流程并明确办理时限", nullptr}},
     {"防范化解重大风险意识不强，对行业领域风险隐患排查不深不细",
      {"开展风险隐患大排查并建立台账", "建立风险研判和分级处置机制", nullptr}},
     {"贯彻新发展理念有偏差，生态环境保护要求落实不到位",
      {"制定生态环境问题整改清单", "落实“一岗双责”考核", "长期坚持开展季度巡查"}}},
    {{"党组落实全面从严治党主体责任不到位，研究部署党风廉政建设流于形式",
      {"制定党组主体责任清单并专题研究部署", "建立党风廉政建设季度分析制度", nullptr}},
     {"落实中央八项规定精神不严格，公务接待和公车使用管理不规范",
      {"清理规范公务接待和公车使用", "修订公务接待管理办法", "开展违规问题专项检查"}},
     {"财务管理制度执行不严，部分经费报销审核把关不严",
      {"全面清理近三年经费报销凭证", "修订财务报销审核制度", nullptr}},
     {"政府采购和工程项目管理不规范，存在化整为零规避招标现象",
      {"开展政府采购和工程项目专项审计", "建立项目招标前置审查机制", nullptr}},
     {"形式主义官僚主义问题仍然存在，文山会海问题反弹",
      {"精简会议文件并实行总量控制", "建立基层减负监测点", nullptr}},
     {"廉政风险防控机制不健全，重点岗位轮岗交流不及时",
      {"梳理重点岗位廉政风险点", "制定重点岗位轮岗交流计划", nullptr}}},
    {{"基层党组织建设薄弱，部分支部组织生活不规范",
      {"开展支部组织生活专项检查", "建立支部书记述职评议制度", "长期坚持党建工作季度考核"}},
     {"干部队伍建设统筹谋划不够，年龄结构不合理",
      {"制定干部队伍建设三年规划", "加大优秀年轻干部培养选拔力度", nullptr}},
     {"选人用人工作不够规范，干部档案管理存在疏漏",
      {"开展干部人事档案专项审核", "完善选人用人工作纪实制度", nullptr}},
     {"党员教育管理不严，部分党员党费交纳不及时不足额",
      {"全面核查党费交纳情况并限期补缴", "建立党费收缴定期公示制度", nullptr}},
     {"人才工作机制不健全，专业技术人才引进培养不足",
      {"制定专业人才引进培养计划", "建立人才激励保障机制", nullptr}},
     {"机关党建与业务工作融合不够，“两张皮”现象依然存在",
      {"开展党建与业务融合示范创建", "将党建考核结果与绩效挂钩", nullptr}}},
    {{"上一轮巡察反馈问题整改不彻底，个别问题整改流于形式",
      {"对上一轮巡察问题逐项“回头看”", "对整改不到位问题重新制定措施", nullptr}},
     {"主题教育检视问题整改推进缓慢，整改台账管理不规范",
      {"完善主题教育整改台账", "建立整改销号审核制度", nullptr}},
     {"审计发现问题整改不到位，部分问题未建立长效机制",
      {"逐项对账审计发现问题", "针对共性问题建章立制", nullptr}},
     {"巡察整改日常监督不到位，整改成果运用不充分",
      {"建立整改日常监督机制", "将整改成效纳入年度考核", nullptr}},
     {"以案促改工作开展不深入，警示教育针对性不强",
      {"开展以案促改专题民主生活会", "编印典型案例警示教育读本", nullptr}},
     {"举一反三不够，同类问题在下属单位重复出现",
      {"组织下属单位开展同类问题自查", "建立问题共性分析通报制度", nullptr}}},
};

// Thematic inspection of epidemic prevention: problems in four aspects.
const char *const kEpidemicAspects[] = {"落实疫情防控主体责任方面", "常态化疫情防控措施落实方面",
                                        "防控物资和资金管理方面", "基层防控能力建设方面"};
const ProblemText kEpidemicProblems[] = {
    {"疫情防控领导责任压得不实，应急指挥体系运转不够顺畅",
     {"完善疫情防控应急指挥体系", "压实领导班子成员包片责任", nullptr}},
    {"疫情防控工作专题研究不够，风险研判不及时",
     {"建立疫情形势每周研判制度", "制定分级分类防控预案", nullptr}},
    {"常态化防控措施落实有松懈，公共场所测温扫码执行不严",
     {"开展公共场所防控措施专项督查", "建立通报问责机制", nullptr}},
    {"医疗机构预检分诊和院感防控存在漏洞", {"全面排查医疗机构院感风险", "开展院感防控全员培训", nullptr}},
    {"防控物资采购管理不规范，部分物资验收入库手续不全",
     {"清查防控物资采购和出入库台账", "修订应急物资管理办法", nullptr}},
    {"疫情防控专项资金使用进度慢，绩效评价缺失", {"加快专项资金拨付进度", "开展专项资金绩效评价", nullptr}},
    {"社区防控力量不足，网格员培训不到位", {"充实社区网格员队伍", "长期坚持开展网格员轮训", nullptr}},
    {"基层发热哨点建设滞后", {"推进基层发热哨点标准化建设", "建立哨点运行监测制度", nullptr}},
};
const char *const kEpidemicOutcomes = "XXCCLCIX";

// Thematic inspection of rural revitalisation: eight aspects, six districts and 14 municipal lead units.
const char *const kRuralAspects[] = {"产业振兴方面",     "人才振兴方面",          "文化振兴方面",
                                     "生态振兴方面",     "组织振兴方面",          "巩固拓展脱贫攻坚成果方面",
                                     "涉农资金管理方面", "农村集体“三资”管理方面"};
const ProblemText kRuralProblems[] = {
    {"农业产业化龙头企业培育不足，特色产业带动农民增收效果不明显",
     {"制定特色产业培育扶持计划", "建立龙头企业联农带农机制", nullptr}},
    {"乡村人才引育机制不健全，农村实用人才培训覆盖面不广",
     {"制定乡村人才振兴实施方案", "长期坚持开展农村实用人才培训", nullptr}},
    {"乡风文明建设抓手不多，移风易俗工作成效不明显", {"修订完善村规民约", "开展文明村镇创建活动", nullptr}},
    {"农村人居环境整治不彻底，部分村庄生活污水直排",
     {"完成农村生活污水治理项目建设", "建立农村环境长效管护机制", nullptr}},
    {"村级党组织战斗堡垒作用发挥不充分，软弱涣散村整顿不到位",
     {"开展软弱涣散村党组织集中整顿", "选派驻村第一书记", nullptr}},
    {"防止返贫动态监测帮扶机制落实不到位，监测对象识别不精准",
     {"全面排查监测对象并精准识别", "完善动态监测帮扶机制", nullptr}},
    {"涉农资金统筹整合不到位，部分项目资金闲置", {"清理盘活闲置涉农资金", "建立涉农资金项目库", nullptr}},
    {"农村集体“三资”管理不规范，集体资产出租未履行民主程序",
     {"开展农村集体“三资”清查", "规范集体资产出租民主决策程序", nullptr}},
};
const char *const kRuralLeadUnits[] = {"市农业农村局党组", "市发改委党组", "市财政局党组", "市资源规划局党组",
                                       "市生态环境局党组", "市水利局党组", "市人社局党组", "市教育局党组",
                                       "市卫健委党组",     "市民政局党组", "市商务局党组", "市文旅局党组",
                                       "市交通运输局党组", "市委组织部"};
const char *const kRuralOutcomes = "CCILXCIRCXLCICX";

const char *const kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵",
                                 "吴", "周", "徐", "孙", "林", "郑", "蔡"};
const char *const kLeaderRoles[] = {"党组书记", "党组副书记", "党组成员、副局长", "纪检监察组组长"};
const char *const kPersonRoles[] = {"办公室主任", "机关党委专职副书记", "人事处处长",
                                    "财务处处长", "规划处处长",         "法规处处长"};
const char *const kOffices[] = {"办公室", "机关党委", "人事处", "财务处", "规划处", "法规处"};

/// Deterministic sequence so that the demo register is the same on every machine.
class Sequence
{
public:
    int next(int bound)
    {
        m_state = m_state * 1103515245u + 12345u;
        return int((m_state >> 16) % unsigned(bound));
    }

private:
    unsigned m_state = 20210115u;
};

QString chineseNumber(int n)
{
    static const QString digits = QStringLiteral("零一二三四五六七八九");
    if (n < 10)
        return digits.at(n);
    if (n < 20)
        return QStringLiteral("十") + (n % 10 ? QString(digits.at(n % 10)) : QString());
    return QString(digits.at(n / 10)) + QStringLiteral("十") +
           (n % 10 ? QString(digits.at(n % 10)) : QString());
}

QString person(Sequence &seq, const char *role)
{
    return QString::fromUtf8(kSurnames[seq.next(15)]) + QStringLiteral("某某（") + QString::fromUtf8(role) +
           QStringLiteral("）");
}

/// Builds the demo inside one transaction; errors propagate.
class Builder
{
public:
    explicit Builder(Database &db) : m_db(db), m_org(db), m_problems(db), m_supervision(db) {}

    Status run();

private:
    Status check(const Status &s) { return s; }
    Result<qint64> addProblem(qint64 inspectionId, qint64 unitId, SourceLevel source, const QString &regNo,
                              const QString &aspect, const ProblemText &text, const QDate &feedback,
                              const QDate &deadline, char outcome, int index);
    Status playOutcome(qint64 problemId, const QDate &feedback, const QDate &deadline, char outcome,
                       int index);

    Status addOversight(qint64 termId);

    /// Rounds one to eight leave 20 units unfinished (the seed's 专项督办 campaign); rounds nine to
    /// twelve leave 11 problems completed but not yet closed out. With 13-1, 13-2, the epidemic
    /// inspection and the central/provincial feedback, 41 units are past six months.
    static char earlierOutcome(int round, int k, int index)
    {
        if (round <= 8 && (k < 2 || (k == 2 && round <= 4)))
            return index % 2 ? 'L' : 'I';
        if (round >= 9 && k < 3 && !(round == 12 && k == 2))
            return 'C';
        return 'X';
    }

    Database &m_db;
    QMap<int, qint64> m_earlierRounds;
    OrganizationService m_org;
    ProblemService m_problems;
    SupervisionService m_supervision;
    Sequence m_seq;
    QHash<QString, qint64> m_units;
    const QDate m_ref = DemoRegister::referenceDate();
};

#define RT_TRY(expr)                                                                                         \
    do {                                                                                                     \
        if (const Status s_ = (expr); !s_)                                                                   \
            return s_;                                                                                       \
    } while (0)
#define RT_TAKE(var, expr)                                                                                   \
    auto var##_r = (expr);                                                                                   \
    if (!var##_r)                                                                                            \
        return var##_r.error();                                                                              \
    const qint64 var = *var##_r

Result<qint64> Builder::addProblem(qint64 inspectionId, qint64 unitId, SourceLevel source,
                                   const QString &regNo, const QString &aspect, const ProblemText &text,
                                   const QDate &feedback, const QDate &deadline, char outcome, int index)
{
    RT_TAKE(categoryId, m_org.ensureCategory(aspect));
    Problem p;
    p.registrationNo = regNo;
    p.inspectionId = inspectionId;
    p.unitId = unitId;
    p.source = source;
    p.categoryId = categoryId;
    p.description = QString::fromUtf8(text.description);
    p.leadLeader = person(m_seq, kLeaderRoles[m_seq.next(4)]);
    const int office = m_seq.next(6);
    p.responsibleOffice = QString::fromUtf8(kOffices[office]);
    p.responsiblePerson = person(m_seq, kPersonRoles[office]);
    p.deadline = deadline;
    p.feedbackDate = feedback;
    p.immediate = index % 7 == 3;
    QList<Measure> measures;
    for (const char *m : text.measures) {
        if (!m)
            continue;
        Measure x;
        x.content = QString::fromUtf8(m);
        const bool longTerm = x.content.contains(QStringLiteral("长期坚持")) ||
                              x.content.contains(QStringLiteral("建立")) ||
                              x.content.contains(QStringLiteral("定期"));
        x.type = p.immediate && measures.isEmpty() ? MeasureType::Immediate
                 : longTerm && outcome == 'L'      ? MeasureType::LongTerm
                                                   : MeasureType::Deadline;
        x.owner = p.responsiblePerson;
        x.deadline = x.type == MeasureType::Immediate ? feedback.addDays(30) : deadline;
        if (x.type == MeasureType::LongTerm) {
            x.deadline = QDate();
            x.deadlineNote = QStringLiteral("长期坚持");
        }
        measures << x;
    }
    if (outcome == 'L' && std::none_of(measures.cbegin(), measures.cend(),
                                       [](const Measure &m) { return m.type == MeasureType::LongTerm; })) {
        measures.last().type = MeasureType::LongTerm;
        measures.last().deadline = QDate();
        measures.last().deadlineNote = QStringLiteral("长期坚持");
    }
    auto id = m_problems.registerProblem(p, measures);
    if (!id)
        return id;
    if (const Status s = playOutcome(*id, feedback, deadline, outcome, index); !s)
        return s.error();
    return id;
}

Status Builder::playOutcome(qint64 id, const QDate &feedback, const QDate &deadline, char outcome, int index)
{
    if (outcome == 'R')
        return okStatus();
    const QList<Measure> measures = m_problems.measures(id);
    // Work starts a week after feedback.
    const QDate start = std::min(feedback.addDays(7 + index % 5), m_ref);
    RT_TAKE(
        firstProgress,
        m_problems.addProgress(
            {0, id, 0, start,
             QStringLiteral("已召开专题会议研究整改，制定整改方案，明确责任分工和完成时限。"), QString()}));
    Q_UNUSED(firstProgress);
    // Date by which the outcome was reached: before the deadline for most, on the reference date at the
    // latest.
    QDate reached = deadline.isValid() ? deadline.addDays(-(5 + index % 20)) : feedback.addDays(80);
    reached = std::clamp(reached, start.addDays(10), m_ref.addDays(-3));
    if (outcome == 'I') {
        // Some measures done, the rest in progress.
        for (int i = 0; i < measures.size() - 1; ++i) {
            if ((index + i) % 2 == 0)
                RT_TRY(m_problems.setMeasureState(measures[i].id, MeasureState::Completed, reached));
            else
                RT_TRY(m_problems.setMeasureState(measures[i].id, MeasureState::InProgress, start));
        }
        RT_TRY(m_problems.setMeasureState(measures.last().id, MeasureState::InProgress, start));
        return m_problems
                       .addProgress({0, id, 0, std::min(start.addDays(30), m_ref),
                                     QStringLiteral("整改措施正在推进中，部分措施已完成。"), QString()})
                       .ok()
                   ? okStatus()
                   : Status(Error{ErrorCode::Internal, QStringLiteral("progress")});
    }
    for (const Measure &m : measures) {
        const MeasureState s =
            m.type == MeasureType::LongTerm ? MeasureState::LongTerm : MeasureState::Completed;
        RT_TRY(m_problems.setMeasureState(m.id, s, reached));
    }
    if (outcome == 'L') {
        RT_TAKE(p, m_problems.addProgress({0, id, 0, reached,
                                           QStringLiteral("阶段性整改任务已完成，长效机制持续推进中。"),
                                           QString()}));
        Q_UNUSED(p);
        return m_supervision.changeState(id, ProblemState::LongTerm, reached);
    }
    RT_TAKE(p, m_problems.addProgress(
                   {0, id, 0, reached, QStringLiteral("整改措施已全部完成，佐证材料已报送。"), QString()}));
    Q_UNUSED(p);
    RT_TAKE(ev, m_problems.addEvidence(
                    id, 0, QStringLiteral("整改情况报告.txt"),
                    QStringLiteral("整改情况报告（示例佐证材料）\n问题编号 %1\n").arg(id).toUtf8(),
                    QStringLiteral("text/plain")));
    Q_UNUSED(ev);
    RT_TRY(m_supervision.changeState(id, ProblemState::Completed, reached));
    if (outcome == 'C')
        return okStatus();
    // Close-out: three review steps, then 销号.
    const QDate r1 = std::min(reached.addDays(5), m_ref);
    const QDate r2 = std::min(reached.addDays(10), m_ref);
    const QDate r3 = std::min(reached.addDays(18), m_ref);
    RT_TAKE(a, m_supervision.addReview({0, id, ReviewStep::UnitLeader, person(m_seq, "党组书记"), r1, true,
                                        QStringLiteral("同意销号")}));
    RT_TAKE(b, m_supervision.addReview({0, id, ReviewStep::UnitGroup, person(m_seq, "整改工作领导小组组长"),
                                        r2, true, QStringLiteral("整改到位，同意报请销号")}));
    RT_TAKE(c,
            m_supervision.addReview({0, id, ReviewStep::InspectionOffice, person(m_seq, "市委巡察办副主任"),
                                     r3, true, QStringLiteral("经审核，同意销号")}));
    Q_UNUSED(a);
    Q_UNUSED(b);
    Q_UNUSED(c);
    return m_supervision.closeOut(id, r3);
}

Status Builder::run()
{
    RT_TRY(m_db.setMeta(QStringLiteral("reference_date"), toIso(m_ref)));
    RT_TRY(
        m_db.setMeta(QStringLiteral("register_title"), QStringLiteral("厦门市委巡察整改监督台账（示例）")));
    RT_TRY(
        m_db.setMeta(QStringLiteral("issuing_body"), QStringLiteral("中共厦门市委巡察工作领导小组办公室")));

    RT_TAKE(termId,
            m_org.addTerm({0, QStringLiteral("十二届市委"), QDate(2016, 11, 1), QDate(2021, 10, 31)}));
    QStringList covered;
    auto addUnits = [&](const char *const *names, int count, const QString &category) -> Status {
        for (int i = 0; i < count; ++i) {
            RT_TAKE(id, m_org.ensureUnit(QString::fromUtf8(names[i]), category));
            m_units.insert(QString::fromUtf8(names[i]), id);
            RT_TRY(m_org.setMustCover(termId, id, true));
        }
        return okStatus();
    };
    RT_TRY(addUnits(kPartyGovernment, int(std::size(kPartyGovernment)), QStringLiteral("党政机关")));
    RT_TRY(addUnits(kEnterprises, int(std::size(kEnterprises)), QStringLiteral("企事业单位")));
    for (const char *d : kDistricts) {
        RT_TAKE(id, m_org.ensureUnit(QString::fromUtf8(d), QStringLiteral("区")));
        m_units.insert(QString::fromUtf8(d), id);
    }
    RT_TAKE(cityId, m_org.ensureUnit(QStringLiteral("中共厦门市委"), QStringLiteral("市委")));

    // Units inspected in 2020 and those not yet covered; the rest were inspected in rounds one to twelve.
    QSet<QString> in2020;
    for (const Batch &b : kBatches2020) {
        for (const char *u : b.units) {
            if (u)
                in2020.insert(QString::fromUtf8(u));
        }
    }
    QSet<QString> notCovered;
    for (const char *u : kNotCovered)
        notCovered.insert(QString::fromUtf8(u));
    QStringList earlier;
    for (const char *u : kPartyGovernment) {
        if (!in2020.contains(QString::fromUtf8(u)) && !notCovered.contains(QString::fromUtf8(u)))
            earlier << QString::fromUtf8(u);
    }
    for (const char *u : kEnterprises) {
        if (!in2020.contains(QString::fromUtf8(u)) && !notCovered.contains(QString::fromUtf8(u)))
            earlier << QString::fromUtf8(u);
    }

    int teamNo = 0;
    auto team = [&]() -> Result<qint64> {
        return m_org.ensureTeam(QStringLiteral("市委第%1巡察组").arg(chineseNumber(1 + (teamNo++ % 8))));
    };

    // Rounds one to twelve (2017–2019): six units each, one problem each, closed out long ago.
    const int perRound = int((earlier.size() + 11) / 12);
    for (int r = 1; r <= 12; ++r) {
        const QDate start = QDate(2017, 3, 1).addDays((r - 1) * 75);
        RT_TAKE(roundId, m_org.addRound(
                             {0, termId, QStringLiteral("第%1轮").arg(chineseNumber(r)), r, 0, start, 1, 3}));
        for (int k = 0; k < perRound; ++k) {
            const int ui = (r - 1) * perRound + k;
            if (ui >= earlier.size())
                break;
            const QString unit = earlier[ui];
            RT_TAKE(teamId, team());
            Inspection ins;
            ins.roundId = roundId;
            ins.unitId = m_units.value(unit);
            ins.teamId = teamId;
            ins.entryDate = start;
            ins.feedbackDate = start.addDays(60);
            ins.planDue = ins.feedbackDate.addMonths(1);
            ins.reportDue = ins.feedbackDate.addMonths(3);
            RT_TAKE(insId, m_org.addInspection(ins));
            const int aspect = ui % 4;
            const ProblemText &text = kRegularProblems[aspect][(ui / 4) % 6];
            RT_TAKE(pid, addProblem(insId, ins.unitId, SourceLevel::Municipal,
                                    QStringLiteral("%1-%2-01").arg(r).arg(k + 1, 2, 10, QLatin1Char('0')),
                                    QString::fromUtf8(kAspects[aspect]), text, ins.feedbackDate,
                                    ins.feedbackDate.addMonths(3), earlierOutcome(r, k, ui), ui));
            m_earlierRounds.insert(r, roundId);
            Q_UNUSED(pid);
        }
    }

    // 2020: seven batches of regular inspections over 27 units.
    int batchIndex = 0;
    qint64 extendedProblem = 0;
    for (const Batch &b : kBatches2020) {
        RT_TAKE(roundId,
                m_org.addRound(
                    {0, termId,
                     QStringLiteral("第%1轮第%2批").arg(chineseNumber(b.round), chineseNumber(b.batch)),
                     b.round, b.batch, b.start, 1, 3}));
        int unitNo = 0;
        for (const char *u : b.units) {
            if (!u)
                continue;
            ++unitNo;
            const QString unit = QString::fromUtf8(u);
            RT_TAKE(teamId, team());
            Inspection ins;
            ins.roundId = roundId;
            ins.unitId = m_units.value(unit);
            ins.teamId = teamId;
            ins.entryDate = b.start;
            ins.feedbackDate = b.feedback;
            if (b.feedback.isValid()) {
                ins.planDue = b.feedback.addMonths(1);
                ins.reportDue = b.feedback.addMonths(3);
            }
            RT_TAKE(insId, m_org.addInspection(ins));
            if (!b.feedback.isValid())
                continue; // 第十五轮第三批: stationed since 2020-12-28, no feedback yet
            const QString outcomes = QString::fromLatin1(kBatchOutcomes[batchIndex]);
            for (int k = 0; k < 5; ++k) {
                const int aspect = k % 4;
                const int variant = (unitNo + k + batchIndex) % 6;
                char outcome = outcomes.at(k).toLatin1();
                if (unitNo % 2 == 0 && outcome == 'I' && batchIndex < 2)
                    outcome = 'C'; // fewer late problems in the older batches
                const QDate deadline = b.feedback.addMonths(3);
                RT_TAKE(pid,
                        addProblem(insId, ins.unitId, SourceLevel::Municipal,
                                   QStringLiteral("%1-%2-%3-%4")
                                       .arg(b.round)
                                       .arg(b.batch)
                                       .arg(unitNo, 2, 10, QLatin1Char('0'))
                                       .arg(k + 1, 2, 10, QLatin1Char('0')),
                                   QString::fromUtf8(kAspects[aspect]), kRegularProblems[aspect][variant],
                                   b.feedback, deadline, outcome, batchIndex * 10 + k));
                if (batchIndex == 3 && outcome == 'I' && !extendedProblem)
                    extendedProblem = pid;
            }
        }
        ++batchIndex;
    }
    // One extension, approved before the deadline passed (the original deadline stays visible).
    if (extendedProblem) {
        RT_TAKE(req, m_supervision.requestExtension(extendedProblem, QDate(2021, 3, 31),
                                                    QStringLiteral("涉及跨部门协调，需延长整改时限"),
                                                    QDate(2020, 12, 8)));
        RT_TRY(m_supervision.decideExtension(req, true, QStringLiteral("市委巡察办"), QDate(2020, 12, 12)));
    }

    // Thematic inspections of 2020.
    {
        RT_TAKE(roundId, m_org.addRound({0, termId, QStringLiteral("2020年疫情防控专项巡察"), 0, 0,
                                         QDate(2020, 4, 20), 1, 3}));
        RT_TAKE(teamId, team());
        const qint64 unitId = m_units.value(QStringLiteral("市卫健委党组"));
        RT_TAKE(insId,
                m_org.addInspection({0, roundId, unitId, teamId, InspectionKind::Thematic,
                                     SourceLevel::Municipal, QStringLiteral("疫情防控"), QDate(2020, 4, 20),
                                     QDate(2020, 6, 5), QDate(2020, 7, 5), QDate(2020, 9, 5)}));
        for (int k = 0; k < 8; ++k) {
            RT_TAKE(pid, addProblem(insId, unitId, SourceLevel::Municipal,
                                    QStringLiteral("YQ-%1").arg(k + 1, 2, 10, QLatin1Char('0')),
                                    QString::fromUtf8(kEpidemicAspects[k / 2]), kEpidemicProblems[k],
                                    QDate(2020, 6, 5), QDate(2020, 9, 5), kEpidemicOutcomes[k], k + 1));
            Q_UNUSED(pid);
        }
    }
    {
        RT_TAKE(roundId, m_org.addRound({0, termId, QStringLiteral("2020年乡村振兴专项巡察"), 0, 0,
                                         QDate(2020, 7, 6), 1, 3}));
        int n = 0;
        QStringList targets;
        for (const char *d : kDistricts)
            targets << QString::fromUtf8(d) << QString::fromUtf8(d);
        for (const char *u : kRuralLeadUnits)
            targets << QString::fromUtf8(u);
        qint64 lastUnit = 0;
        qint64 insId = 0;
        for (const QString &unit : targets) {
            const qint64 unitId = m_units.value(unit);
            if (unitId != lastUnit) {
                RT_TAKE(teamId, team());
                RT_TAKE(ins, m_org.addInspection({0, roundId, unitId, teamId, InspectionKind::Thematic,
                                                  SourceLevel::Municipal, QStringLiteral("乡村振兴"),
                                                  QDate(2020, 7, 6), QDate(2020, 9, 4), QDate(2020, 10, 4),
                                                  QDate(2020, 12, 4)}));
                insId = ins;
                lastUnit = unitId;
            }
            const int aspect = n % 8;
            RT_TAKE(pid, addProblem(insId, unitId, SourceLevel::Municipal,
                                    QStringLiteral("XC-%1").arg(n + 1, 2, 10, QLatin1Char('0')),
                                    QString::fromUtf8(kRuralAspects[aspect]), kRuralProblems[aspect],
                                    QDate(2020, 9, 4), QDate(2020, 12, 4), kRuralOutcomes[n % 15], n + 2));
            Q_UNUSED(pid);
            ++n;
        }
    }

    // Central and provincial feedback, rectified together (集成整改): all done.
    RT_TAKE(central, m_org.addInspection({0, 0, cityId, 0, InspectionKind::Regular, SourceLevel::Central,
                                          QString(), QDate(2019, 6, 10), QDate(2019, 8, 20),
                                          QDate(2019, 9, 20), QDate(2019, 11, 20)}));
    for (int k = 0; k < 20; ++k) {
        const int aspect = k % 4;
        RT_TAKE(pid,
                addProblem(central, cityId, SourceLevel::Central,
                           QStringLiteral("ZY-%1").arg(k + 1, 2, 10, QLatin1Char('0')),
                           QString::fromUtf8(kAspects[aspect]), kRegularProblems[aspect][(k / 4 + 1) % 6],
                           QDate(2019, 8, 20), QDate(2019, 11, 20), k < 14 ? 'X' : 'C', k));
        Q_UNUSED(pid);
    }
    RT_TAKE(provincial, m_org.addInspection({0, 0, cityId, 0, InspectionKind::Regular,
                                             SourceLevel::Provincial, QString(), QDate(2019, 10, 14),
                                             QDate(2020, 1, 10), QDate(2020, 2, 10), QDate(2020, 4, 10)}));
    for (int k = 0; k < 22; ++k) {
        const int aspect = (k + 1) % 4;
        RT_TAKE(pid,
                addProblem(provincial, cityId, SourceLevel::Provincial,
                           QStringLiteral("SW-%1").arg(k + 1, 2, 10, QLatin1Char('0')),
                           QString::fromUtf8(kAspects[aspect]), kRegularProblems[aspect][(k / 4 + 2) % 6],
                           QDate(2020, 1, 10), QDate(2020, 4, 10), k < 12 ? 'X' : 'C', k + 3));
        Q_UNUSED(pid);
    }
    return addOversight(termId);
}

Status Builder::addOversight(qint64 termId)
{
    Q_UNUSED(termId);
    OversightService oversight(m_db);
    // 前八轮巡察整改进展情况专项督办, with a return visit to every unfinished unit.
    Campaign campaign;
    campaign.name = QStringLiteral("前八轮巡察整改进展情况专项督办");
    campaign.start = QDate(2020, 10, 12);
    campaign.end = QDate(2020, 12, 18);
    for (int r = 1; r <= 8; ++r)
        campaign.roundIds << m_earlierRounds.value(r);
    RT_TAKE(campaignId, oversight.addCampaign(campaign));
    const QList<qint64> unfinished = oversight.unitsWithUnfinishedProblems(campaignId, QDate(2020, 10, 12));
    int n = 0;
    for (qint64 unitId : unfinished) {
        ReturnVisit v;
        v.unitId = unitId;
        v.campaign = campaign.name;
        v.date = QDate(2020, 10, 19).addDays(3 * n);
        v.visitors = QStringLiteral("市委第%1巡察组").arg(chineseNumber(1 + n % 8));
        v.findings = n % 3 == 0 ? QStringLiteral("长效机制建设仍需加强，个别措施推进缓慢")
                                : QStringLiteral("整改总体推进，部分问题需持续跟踪");
        v.satisfaction = n % 4 == 0 ? QStringLiteral("基本满意") : QStringLiteral("满意");
        v.followUp = QStringLiteral("列入下一阶段督办清单，按月报送进展");
        RT_TAKE(id, oversight.addReturnVisit(v));
        Q_UNUSED(id);
        ++n;
    }

    // Referrals issued in 2020: 43 抄告单, 23 专题报告, 3 要情专报.
    QList<qint64> municipal;
    RT_TRY(m_db.forEachRow(
        QStringLiteral("SELECT id FROM problems WHERE source_level = 'municipal' ORDER BY id"), {},
        [&](const SqlRow &row) { municipal << row.integer(0); }));
    const char *const recipients[] = {"市财政局", "市资源规划局", "市住房和城乡建设局",
                                      "市教育局", "市卫生健康委", "市人力资源和社会保障局",
                                      "市国资委", "市市场监管局"};
    const char *const subjects[] = {"关于规范公务接待管理的抄告",       "关于加强政府采购监管的抄告",
                                    "关于专项资金拨付滞后问题的抄告",   "关于干部人事档案管理问题的抄告",
                                    "关于基层党组织建设薄弱问题的抄告", "关于工程项目招投标不规范问题的抄告"};
    for (int i = 0; i < 43; ++i) {
        Referral ref;
        ref.kind = ReferralKind::ReferralSheet;
        ref.number = QStringLiteral("厦巡抄〔2020〕%1号").arg(i + 1);
        ref.issuedOn = QDate(2020, 2, 10).addDays(i * 7);
        ref.recipient = QString::fromUtf8(recipients[i % 8]);
        ref.subject = QString::fromUtf8(subjects[i % 6]);
        ref.problemIds = {municipal.value((i * 7) % municipal.size()),
                          municipal.value((i * 7 + 3) % municipal.size())};
        if (i < 35) {
            ref.response = QStringLiteral("已研究落实，相关制度已修订");
            ref.responseDate = ref.issuedOn.addDays(30);
        }
        RT_TAKE(id, oversight.addReferral(ref));
        Q_UNUSED(id);
    }
    const char *const themes[] = {"关于巡察发现的共性问题及整改建议的专题报告",
                                  "关于乡村振兴领域突出问题的专题报告", "关于国有企业巡察情况的专题报告",
                                  "关于疫情防控工作中形式主义问题的专题报告"};
    for (int i = 0; i < 23; ++i) {
        Referral ref;
        ref.kind = ReferralKind::ThematicReport;
        ref.number = QStringLiteral("厦巡专〔2020〕%1号").arg(i + 1);
        ref.issuedOn = QDate(2020, 3, 2).addDays(i * 12);
        ref.recipient = QStringLiteral("市委巡察工作领导小组");
        ref.subject = QString::fromUtf8(themes[i % 4]);
        ref.problemIds = {municipal.value((i * 11 + 5) % municipal.size())};
        RT_TAKE(id, oversight.addReferral(ref));
        Q_UNUSED(id);
    }
    for (int i = 0; i < 3; ++i) {
        Referral ref;
        ref.kind = ReferralKind::KeySituationReport;
        ref.number = QStringLiteral("厦巡要〔2020〕%1号").arg(i + 1);
        ref.issuedOn = QDate(2020, 5, 15).addDays(i * 60);
        ref.recipient = QStringLiteral("市委主要领导");
        ref.subject = QStringLiteral("巡察发现的重要情况专报");
        RT_TAKE(id, oversight.addReferral(ref));
        Q_UNUSED(id);
    }

    // Clues transferred in 2020: to the discipline commission and the organisation department.
    for (int i = 0; i < 12; ++i) {
        Clue c;
        c.summary = i % 4 == 3 ? QStringLiteral("反映某科室负责人在干部选拔中违规操作问题")
                               : QStringLiteral("反映某单位工作人员违规收受礼金、插手工程项目问题");
        c.personsCount = 1 + i % 3;
        c.personsRoles = i % 2 ? QStringLiteral("科级干部") : QStringLiteral("处级干部");
        c.receiver = i % 4 == 3 ? QStringLiteral("市委组织部") : QStringLiteral("市纪委监委");
        c.transferDate = QDate(2020, 4, 20).addDays(i * 21);
        if (i < 8) {
            c.result = i % 2 ? QStringLiteral("已立案审查") : QStringLiteral("已谈话函询，予以了结");
            c.resultDate = c.transferDate.addDays(60 + i * 3);
        }
        RT_TAKE(id, oversight.addClue(c));
        Q_UNUSED(id);
    }

    // Rectification-effect evaluations of seven units, 市农业农村局 among them.
    const char *const evaluated[] = {"市发改委党组", "市教育局党组", "市科技局党组",    "市工信局党组",
                                     "市司法局党组", "市财政局党组", "市农业农村局党组"};
    const QList<QList<double>> deductions{{2, 3, 1, 1, 2}, {3, 6, 2, 2, 3},  {1, 2, 1, 0, 1}, {4, 9, 3, 3, 4},
                                          {2, 4, 1, 2, 2}, {5, 12, 4, 6, 8}, {2, 5, 2, 1, 2}};
    for (int i = 0; i < 7; ++i) {
        Evaluation e;
        e.unitId = m_units.value(QString::fromUtf8(evaluated[i]));
        e.evaluatedOn = QDate(2020, 11, 2).addDays(i * 5);
        e.deductions = deductions[i];
        RT_TAKE(id, oversight.addEvaluation(e));
        Q_UNUSED(id);
    }

    // Outcomes: rules established, accountability, funds recovered.
    const char *const rules[] = {"公务接待管理办法", "政府采购内部控制规程", "干部人事档案管理细则",
                                 "专项资金管理办法", "党组议事规则",         "“三重一大”决策制度实施办法",
                                 "党费收缴管理办法"};
    for (int i = 0; i < 35; ++i) {
        const qint64 problem = municipal.value((i * 5) % municipal.size());
        const qint64 unit =
            m_db.scalar(QStringLiteral("SELECT unit_id FROM problems WHERE id = ?"), {problem}).toLongLong();
        RT_TAKE(id, oversight.addRuleEstablished(problem, unit, QString::fromUtf8(rules[i % 7]),
                                                 QDate(2020, 3, 1).addDays(i * 9)));
        Q_UNUSED(id);
    }
    const std::pair<const char *, int> accountability[] = {
        {"诫勉", 6}, {"组织处理", 11}, {"党纪处分", 4}, {"批评教育", 9}};
    int a = 0;
    for (const auto &[form, persons] : accountability) {
        RT_TAKE(id, oversight.addAccountability(municipal.value(a * 13), 0, QString::fromUtf8(form), persons,
                                                QDate(2020, 7, 1).addDays(a * 30)));
        Q_UNUSED(id);
        ++a;
    }
    for (int i = 0; i < 6; ++i) {
        RT_TAKE(id, oversight.addFundsRecovered(municipal.value(i * 17 + 2), 0, 180000.0 + i * 97500.0,
                                                QDate(2020, 6, 15).addDays(i * 25)));
        Q_UNUSED(id);
    }
    return okStatus();
}

} // namespace

Status DemoRegister::build(Database &db)
{
    if (db.scalar(QStringLiteral("SELECT count(*) FROM problems")).toLongLong() > 0)
        return Error{ErrorCode::InputRefused,
                     tr("The register already holds problems; the demo needs an empty one.")};
    // The demo's progress entries and audit records are by a demo clerk, not by the login name of
    // whoever built the file (or the English fallback "operator" shown in the Chinese 填报人 column).
    struct ActorScope
    {
        Database &db;
        QString saved;
        ~ActorScope() { db.setActor(saved); }
    } scope{db, db.actor()};
    db.setActor(tr("Inspection office clerk"));
    Transaction tx(db);
    if (!tx.active())
        return tx.error();
    Builder builder(db);
    if (const Status s = builder.run(); !s)
        return s;
    return tx.commit();
}

} // namespace rectrack::core
