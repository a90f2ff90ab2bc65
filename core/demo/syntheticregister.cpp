#include "syntheticregister.h"

#include "domain/types.h"
#include "storage/bulkinserter.h"
#include "storage/bulkwritecache.h"
#include "storage/problemfacts.h"
#include "storage/searchindex.h"
#include "workflow/organizationservice.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace rectrack::core {

namespace {

const char *const kCities[] = {"福州", "厦门", "泉州", "漳州", "莆田", "三明", "南平", "龙岩", "宁德"};
const char *const kDepartments[] = {"发改委", "教育局",     "科技局",     "工信局",     "民政局",
                                    "司法局", "财政局",     "人社局",     "资源规划局", "生态环境局",
                                    "住建局", "交通运输局", "农业农村局", "水利局",     "商务局",
                                    "文旅局", "卫健委",     "应急局",     "审计局",     "市场监管局",
                                    "统计局", "医保局",     "城管局",     "林业局",     "体育局"};
const char *const kAspects[] = {"落实党的路线方针政策和党中央重大决策部署方面",
                                "落实全面从严治党战略部署方面", "落实新时代党的组织路线方面",
                                "落实巡视巡察整改和主题教育整改方面"};
const char *const kProblems[] = {"贯彻落实上级重大决策部署不够有力，部分重点任务推进滞后",
                                 "落实意识形态工作责任制不到位，阵地管理存在薄弱环节",
                                 "服务保障民生工作有差距，惠民资金拨付滞后",
                                 "防范化解重大风险意识不强，风险隐患排查不深不细",
                                 "党组落实全面从严治党主体责任不到位，研究部署流于形式",
                                 "落实中央八项规定精神不严格，公务接待管理不规范",
                                 "财务管理制度执行不严，经费报销审核把关不严",
                                 "政府采购和工程项目管理不规范，存在规避招标现象",
                                 "形式主义官僚主义问题仍然存在，文山会海问题反弹",
                                 "基层党组织建设薄弱，部分支部组织生活不规范",
                                 "选人用人工作不够规范，干部档案管理存在疏漏",
                                 "党员教育管理不严，部分党员党费交纳不及时",
                                 "上一轮巡察反馈问题整改不彻底，个别问题整改流于形式",
                                 "审计发现问题整改不到位，未建立长效机制",
                                 "老旧小区电梯加装补贴审核把关不严，补贴资金拨付滞后",
                                 "以案促改工作开展不深入，警示教育针对性不强"};
const char *const kMeasures[] = {"制定专项整改方案，明确责任分工和完成时限",
                                 "开展专项检查并建立问题台账",
                                 "修订完善相关管理制度",
                                 "组织专题学习和警示教育",
                                 "建立定期通报和督查机制",
                                 "对相关责任人进行批评教育",
                                 "开展“回头看”巩固整改成效"};
const char *const kProgress[] = {"已召开专题会议研究整改工作", "已完成问题排查，建立整改台账",
                                 "相关制度已修订并印发执行",   "已组织开展专项检查",
                                 "整改措施正在推进中",         "已报送阶段性整改情况报告",
                                 "已完成整改并报送佐证材料"};
const char *const kOffices[] = {"办公室", "机关党委", "人事处", "财务处", "规划处", "法规处", "审批处"};
const char *const kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄",
                                 "赵", "吴", "周", "徐", "孙", "林", "郑"};

#define RT_TRY(expr)                                                                                         \
    do {                                                                                                     \
        if (const Status s_ = (expr); !s_)                                                                   \
            return s_;                                                                                       \
    } while (0)

QString iso(const QDate &d)
{
    return toIso(d);
}

/// The texts of @p items, converted once (not once per generated row).
template <std::size_t N> QStringList texts(const char *const (&items)[N])
{
    QStringList out;
    for (const char *item : items)
        out << QString::fromUtf8(item);
    return out;
}

} // namespace

Status SyntheticRegister::generate(Database &db, int problems, quint32 seed,
                                   const std::function<void(int, int)> &progress)
{
    if (problems < 1)
        return Error{ErrorCode::InputRefused, tr("The number of problems must be at least 1.")};
    if (db.scalar(QStringLiteral("SELECT count(*) FROM problems")).toLongLong() > 0)
        return Error{ErrorCode::InputRefused,
                     tr("The register already holds problems; generate needs an empty one.")};

    QRandomGenerator rng(seed);
    auto pick = [&rng](int n) { return int(rng.bounded(n)); };
    // One transaction that writes a whole register: a page cache that holds much of it, and the
    // pages written once (rollback journal) instead of into the log and again at the checkpoint.
    const BulkWriteCache cache(db, 256, true);
    Transaction tx(db);
    if (!tx.active())
        return tx.error();
    OrganizationService org(db);
    SearchIndexSuspension searchIndex(db);
    if (!searchIndex.active())
        return searchIndex.error();
    ProblemFactsDeferral facts(db); // statistics rows: one statement at the end
    if (!facts.active())
        return facts.error();
    RT_TRY(db.setMeta(QStringLiteral("reference_date"), iso(referenceDate())));
    RT_TRY(db.setMeta(QStringLiteral("register_title"),
                      tr("Synthetic register (%n problems)", nullptr, problems)));

    const QDate termStart(2016, 11, 1);
    auto term = org.addTerm({0, QStringLiteral("第十二届省委"), termStart, QDate(2021, 10, 31)});
    if (!term)
        return term.error();

    // 12 rounds of 3 batches between 2017 and mid-2021.
    QList<qint64> rounds;
    QList<QDate> roundStarts;
    for (int r = 0; r < 12; ++r) {
        for (int b = 0; b < 3; ++b) {
            const QDate start = QDate(2017, 2, 1).addDays(r * 130 + b * 40);
            auto id = org.addRound(
                {0, *term, QStringLiteral("第%1轮第%2批").arg(r + 1).arg(b + 1), r + 1, b + 1, start, 1, 3});
            if (!id)
                return id.error();
            rounds << *id;
            roundStarts << start;
        }
    }
    QList<qint64> categories;
    for (const char *a : kAspects) {
        auto id = org.ensureCategory(QString::fromUtf8(a));
        if (!id)
            return id.error();
        categories << *id;
    }

    const int unitCount = std::max(1, (problems + 24) / 25);
    const int notCovered = std::max(1, unitCount / 20);
    BulkInserter units(db, QStringLiteral("units"), {QStringLiteral("name"), QStringLiteral("category")});
    BulkInserter termUnits(
        db, QStringLiteral("term_units"),
        {QStringLiteral("term_id"), QStringLiteral("unit_id"), QStringLiteral("must_cover")});
    BulkInserter inspections(db, QStringLiteral("inspections"),
                             {QStringLiteral("round_id"), QStringLiteral("unit_id"), QStringLiteral("kind"),
                              QStringLiteral("source_level"), QStringLiteral("entry_date"),
                              QStringLiteral("feedback_date"), QStringLiteral("plan_due"),
                              QStringLiteral("report_due")});
    struct UnitRow
    {
        qint64 id;
        qint64 inspection;
        QDate feedback;
        QString name;
    };
    QList<UnitRow> inspected;
    for (int u = 0; u < unitCount + notCovered; ++u) {
        const QString name =
            QStringLiteral("%1市%2党组（%3）")
                .arg(QString::fromUtf8(kCities[u % 9]), QString::fromUtf8(kDepartments[(u / 9) % 25]))
                .arg(u + 1);
        const QString category = u % 3 == 0 ? QStringLiteral("企事业单位") : QStringLiteral("党政机关");
        auto id = units.insert({name, category});
        if (!id)
            return id.error();
        if (auto t = termUnits.insert({*term, *id, 1}); !t)
            return t.error();
        if (u >= unitCount)
            continue; // on the must-cover list, not inspected yet
        const int r = u % rounds.size();
        const QDate entry = roundStarts[r];
        const QDate feedback = entry.addDays(60);
        auto ins = inspections.insert(
            {rounds[r], *id, u % 10 == 9 ? QStringLiteral("thematic") : QStringLiteral("regular"),
             u % 50 == 0 ? QStringLiteral("provincial") : QStringLiteral("municipal"), iso(entry),
             iso(feedback), iso(feedback.addMonths(1)), iso(feedback.addMonths(3))});
        if (!ins)
            return ins.error();
        inspected.append({*id, *ins, feedback, name});
    }

    BulkInserter problemRows(
        db, QStringLiteral("problems"),
        {QStringLiteral("registration_no"), QStringLiteral("inspection_id"), QStringLiteral("unit_id"),
         QStringLiteral("source_level"), QStringLiteral("category_id"), QStringLiteral("description"),
         QStringLiteral("responsible_office"), QStringLiteral("lead_leader"),
         QStringLiteral("responsible_person"), QStringLiteral("deadline"),
         QStringLiteral("original_deadline"), QStringLiteral("deadline_note"), QStringLiteral("state"),
         QStringLiteral("immediate"), QStringLiteral("feedback_date"), QStringLiteral("completed_date"),
         QStringLiteral("closed_out_date"), QStringLiteral("progress")});
    BulkInserter states(
        db, QStringLiteral("problem_states"),
        {QStringLiteral("problem_id"), QStringLiteral("changed_on"), QStringLiteral("state")});
    BulkInserter measures(db, QStringLiteral("measures"),
                          {QStringLiteral("problem_id"), QStringLiteral("seq"), QStringLiteral("content"),
                           QStringLiteral("type"), QStringLiteral("owner"), QStringLiteral("deadline"),
                           QStringLiteral("deadline_note"), QStringLiteral("state"),
                           QStringLiteral("completed_date")});
    BulkInserter entries(db, QStringLiteral("progress_entries"),
                         {QStringLiteral("problem_id"), QStringLiteral("entry_date"), QStringLiteral("text"),
                          QStringLiteral("author")});
    BulkInserter evidence(db, QStringLiteral("evidence"),
                          {QStringLiteral("problem_id"), QStringLiteral("original_name"),
                           QStringLiteral("mime_type"), QStringLiteral("size"), QStringLiteral("sha256"),
                           QStringLiteral("added_on"), QStringLiteral("data")});

    const QDate end = referenceDate();
    const QStringList surnames = texts(kSurnames);
    const QStringList problemTexts = texts(kProblems);
    const QStringList offices = texts(kOffices);
    const QStringList progressTexts = texts(kProgress);
    const QStringList measureTexts = texts(kMeasures);
    for (int i = 0; i < problems; ++i) {
        const UnitRow &unit = inspected[i % inspected.size()];
        const QDate fb = unit.feedback;
        const QDate deadline = fb.addDays(90);
        const qint64 age = fb.daysTo(end);
        // States in realistic proportions, later feedback less advanced.
        const int roll = pick(100);
        QString state;
        if (age < 120)
            state = roll < 15   ? QStringLiteral("registered")
                    : roll < 75 ? QStringLiteral("in_progress")
                    : roll < 90 ? QStringLiteral("completed")
                                : QStringLiteral("long_term");
        else
            state = roll < 2    ? QStringLiteral("registered")
                    : roll < 10 ? QStringLiteral("in_progress")
                    : roll < 20 ? QStringLiteral("long_term")
                    : roll < 40 ? QStringLiteral("completed")
                                : QStringLiteral("closed_out");
        const QDate started = std::min(fb.addDays(3 + pick(14)), end);
        QDate completed = std::min(fb.addDays(30 + pick(120)), end);
        const QDate closed = std::min(completed.addDays(15 + pick(60)), end);
        const bool done = state == QLatin1String("completed") || state == QLatin1String("closed_out");
        const QString person = surnames[pick(14)] + QStringLiteral("某某（处长）");
        auto pid = problemRows.insert(
            {QStringLiteral("P%1").arg(i + 1, 6, 10, QLatin1Char('0')), unit.inspection, unit.id,
             i % 50 == 0 ? QStringLiteral("provincial") : QStringLiteral("municipal"), categories[i % 4],
             QString(problemTexts[pick(16)] + QStringLiteral("（%1）").arg(i + 1)), offices[pick(7)],
             QString(surnames[pick(14)] + QStringLiteral("某某（党组书记）")), person, iso(deadline),
             iso(deadline), QVariant(), state, i % 9 == 0 ? 1 : 0, iso(fb),
             done ? QVariant(iso(completed)) : QVariant(),
             state == QLatin1String("closed_out") ? QVariant(iso(closed)) : QVariant(),
             progressTexts[pick(7)]});
        if (!pid)
            return pid.error();
        // State history.
        auto addState = [&](const QDate &d, const QString &s) -> Status {
            auto r = states.insert({*pid, iso(d), s});
            return r ? okStatus() : Status(r.error());
        };
        RT_TRY(addState(fb, QStringLiteral("registered")));
        if (state != QLatin1String("registered"))
            RT_TRY(addState(started, QStringLiteral("in_progress")));
        if (state == QLatin1String("long_term"))
            RT_TRY(addState(std::min(fb.addDays(80), end), QStringLiteral("long_term")));
        if (done)
            RT_TRY(addState(completed, QStringLiteral("completed")));
        if (state == QLatin1String("closed_out"))
            RT_TRY(addState(closed, QStringLiteral("closed_out")));
        // Three measures.
        for (int m = 0; m < 3; ++m) {
            const bool longTerm = state == QLatin1String("long_term") && m == 2;
            QString mstate = done                                   ? QStringLiteral("completed")
                             : longTerm                             ? QStringLiteral("long_term")
                             : state == QLatin1String("registered") ? QStringLiteral("pending")
                             : state == QLatin1String("long_term")
                                 ? QStringLiteral("completed")
                                 : (m == 0 ? QStringLiteral("completed") : QStringLiteral("in_progress"));
            auto mid = measures.insert({*pid, m + 1, measureTexts[(i + m) % 7],
                                        longTerm ? QStringLiteral("long_term") : QStringLiteral("deadline"),
                                        person, longTerm ? QVariant() : QVariant(iso(deadline)),
                                        longTerm ? QVariant(QStringLiteral("长期坚持")) : QVariant(), mstate,
                                        mstate == QLatin1String("completed")
                                            ? QVariant(iso(std::min(completed, end)))
                                            : QVariant()});
            if (!mid)
                return mid.error();
        }
        // Ten progress entries spread from feedback to the reference date.
        if (state != QLatin1String("registered")) {
            const qint64 span = std::max<qint64>(1, started.daysTo(end));
            for (int e = 0; e < 10; ++e) {
                const QDate d = started.addDays(span * e / 10);
                auto eid = entries.insert({*pid, iso(d), progressTexts[(i + e) % 7], person});
                if (!eid)
                    return eid.error();
            }
        }
        if (i % 100 == 0) {
            QByteArray blob(2048, '\0');
            for (int b = 0; b < blob.size(); ++b)
                blob[b] = char(rng.bounded(256));
            const QString sha =
                QString::fromLatin1(QCryptographicHash::hash(blob, QCryptographicHash::Sha256).toHex());
            auto ev = evidence.insert({*pid, QStringLiteral("佐证材料%1.pdf").arg(i + 1),
                                       QStringLiteral("application/pdf"), qint64(blob.size()), sha,
                                       iso(std::min(completed, end)), blob});
            if (!ev)
                return ev.error();
        }
        if (progress && (i + 1) % 1000 == 0)
            progress(i + 1, problems);
    }
    RT_TRY(searchIndex.finish());
    RT_TRY(facts.finish());
    if (progress)
        progress(problems, problems);
    return tx.commit();
}

} // namespace rectrack::core
