// Benchmark of the pattern search (issue #27, docs/benchmarks.md): suggesting patterns for N
// problems (all-pairs Dice ≥ 0.45 over character bigrams, then union-find groups at 0.60 checked
// against their medoid) and updating one new problem's suggestions in the incremental index.
//
// Run: build/tests/bench/rectrack-patterns-bench [--problems 100000] [--threads 2] [--seed 27]
//      [--register FILE]   (also PatternService::suggestions over the problems of a register)
//
// The texts are generated: each problem joins two or three clauses drawn from a pool of
// subject × predicate phrases of inspection feedback (about 2,000 clauses), with a unit name in a
// third of them and 4 to 12 characters of specifics (who, what, how much) in each, so that there
// are many near-duplicates (the same problem found in many units) without every text being like
// every other. The time depends on how many pairs pass the filters, i.e. on the register's texts.
#include "patterns/patternservice.h"
#include "patterns/similarity.h"
#include "storage/database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTextStream>

#include <sys/resource.h>

using namespace rectrack::core;

namespace {

double peakMb()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_maxrss) / 1024.0;
}

QStringList generate(int n, quint32 seed)
{
    const QStringList subjects = {QStringLiteral("公务用车管理"),   QStringLiteral("意识形态工作责任制"),
                                  QStringLiteral("中心组理论学习"), QStringLiteral("三重一大决策制度"),
                                  QStringLiteral("财务报销审核"),   QStringLiteral("政府采购"),
                                  QStringLiteral("工程项目招投标"), QStringLiteral("干部选拔任用"),
                                  QStringLiteral("党费收缴"),       QStringLiteral("支部组织生活"),
                                  QStringLiteral("公务接待"),       QStringLiteral("专项资金使用"),
                                  QStringLiteral("巡察整改"),       QStringLiteral("审计整改"),
                                  QStringLiteral("风险隐患排查"),   QStringLiteral("惠民资金拨付"),
                                  QStringLiteral("干部档案管理"),   QStringLiteral("警示教育"),
                                  QStringLiteral("合同管理"),       QStringLiteral("国有资产管理"),
                                  QStringLiteral("安全生产责任"),   QStringLiteral("信访举报办理"),
                                  QStringLiteral("基层减负"),       QStringLiteral("作风建设"),
                                  QStringLiteral("内控制度建设"),   QStringLiteral("执纪问责"),
                                  QStringLiteral("人才队伍建设"),   QStringLiteral("统计数据质量"),
                                  QStringLiteral("办公用房管理"),   QStringLiteral("津补贴发放")};
    const QStringList predicates = {QStringLiteral("不规范"),           QStringLiteral("落实不到位"),
                                    QStringLiteral("流于形式"),         QStringLiteral("执行不严格"),
                                    QStringLiteral("存在薄弱环节"),     QStringLiteral("推进滞后"),
                                    QStringLiteral("监督把关不严"),     QStringLiteral("制度不健全"),
                                    QStringLiteral("整改不彻底"),       QStringLiteral("未建立长效机制"),
                                    QStringLiteral("台账记录不完整"),   QStringLiteral("责任压得不实"),
                                    QStringLiteral("存在违规问题"),     QStringLiteral("程序不规范"),
                                    QStringLiteral("问题反弹回潮"),     QStringLiteral("未按规定登记"),
                                    QStringLiteral("审批手续不全"),     QStringLiteral("研究部署不够"),
                                    QStringLiteral("检查考核不严"),     QStringLiteral("宣传教育不足"),
                                    QStringLiteral("底数不清"),         QStringLiteral("工作机制不完善"),
                                    QStringLiteral("信息公开不及时"),   QStringLiteral("配套措施缺失"),
                                    QStringLiteral("督促指导不够"),     QStringLiteral("资料归档不全"),
                                    QStringLiteral("标准把握不准"),     QStringLiteral("专项治理不深入"),
                                    QStringLiteral("运行管理粗放"),     QStringLiteral("分工不明确"),
                                    QStringLiteral("问题查处不力"),     QStringLiteral("风险防控不到位"),
                                    QStringLiteral("衔接不畅"),         QStringLiteral("效果不明显"),
                                    QStringLiteral("重视程度不够"),     QStringLiteral("主体责任缺位"),
                                    QStringLiteral("日常管理松懈"),     QStringLiteral("资金使用效益不高"),
                                    QStringLiteral("未严格执行规定"),   QStringLiteral("存在廉洁风险"),
                                    QStringLiteral("问题整改不及时"),   QStringLiteral("监管存在盲区"),
                                    QStringLiteral("长效机制不健全"),   QStringLiteral("工作不够扎实"),
                                    QStringLiteral("未形成闭环"),       QStringLiteral("存在随意性"),
                                    QStringLiteral("把关不严"),         QStringLiteral("流程不清晰"),
                                    QStringLiteral("统筹不够"),         QStringLiteral("存在短板"),
                                    QStringLiteral("督查督办不力"),     QStringLiteral("执行走样"),
                                    QStringLiteral("建设滞后"),         QStringLiteral("覆盖不全"),
                                    QStringLiteral("压力传导层层递减"), QStringLiteral("存在形式主义"),
                                    QStringLiteral("监督缺位"),         QStringLiteral("台账不规范"),
                                    QStringLiteral("成效不明显"),       QStringLiteral("落实打折扣"),
                                    QStringLiteral("问题屡查屡犯"),     QStringLiteral("整改质效不高"),
                                    QStringLiteral("制度执行不力"),     QStringLiteral("管理失之于宽松软")};
    QStringList units;
    for (int i = 0; i < 300; ++i)
        units << QStringLiteral("第%1单位").arg(i + 1);
    QRandomGenerator rng(seed);
    QStringList out;
    out.reserve(n);
    for (int i = 0; i < n; ++i) {
        QString t;
        if (rng.bounded(3) == 0)
            t += units[int(rng.bounded(units.size()))];
        const int clauses = 2 + int(rng.bounded(2));
        for (int k = 0; k < clauses; ++k) {
            if (k)
                t += QStringLiteral("，");
            t +=
                subjects[int(rng.bounded(subjects.size()))] + predicates[int(rng.bounded(predicates.size()))];
        }
        // The specifics every real problem has (who, what, how much): 4 to 12 characters from the
        // 3,500 code points after U+4E00.
        t += QStringLiteral("，");
        const int detail = 4 + int(rng.bounded(9));
        for (int k = 0; k < detail; ++k)
            t += QChar(char16_t(0x4e00 + rng.bounded(3500)));
        out << t;
    }
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("problems"), QStringLiteral("number of problems"), QStringLiteral("n"),
                      QStringLiteral("100000")});
    parser.addOption({QStringLiteral("threads"), QStringLiteral("worker threads"), QStringLiteral("n"),
                      QStringLiteral("2")});
    parser.addOption(
        {QStringLiteral("seed"), QStringLiteral("seed"), QStringLiteral("n"), QStringLiteral("27")});
    parser.addOption({QStringLiteral("register"),
                      QStringLiteral("also time PatternService::suggestions on it"), QStringLiteral("file")});
    parser.addOption({QStringLiteral("pairs"), QStringLiteral("also time similarPairs (every pair stored)")});
    parser.addHelpOption();
    parser.process(app);
    QTextStream out(stdout);
    const int n = parser.value(QStringLiteral("problems")).toInt();
    const int threads = parser.value(QStringLiteral("threads")).toInt();
    const patterns::Thresholds t;

    QElapsedTimer timer;
    const QStringList texts = generate(n, parser.value(QStringLiteral("seed")).toUInt());
    out << "problems " << n << ", threads " << threads << Qt::endl;

    timer.start();
    std::vector<std::vector<patterns::Bigram>> sets;
    sets.reserve(std::size_t(n));
    for (const QString &s : texts)
        sets.push_back(patterns::bigrams(s));
    const qint64 bigramMs = timer.restart();
    const auto joined = patterns::joinedSets(sets, t.suggest, threads);
    const qint64 pairsMs = timer.restart();
    const auto groups = patterns::groupSets(sets, joined, t);
    const qint64 groupMs = timer.restart();
    std::size_t grouped = 0, largest = 0;
    for (const auto &g : groups) {
        grouped += g.members.size();
        largest = std::max(largest, g.members.size());
    }
    out << "normalise + bigrams " << bigramMs << " ms; all pairs >= " << t.suggest << ": " << joined.size()
        << " joined sets in " << pairsMs << " ms; groups at " << t.suggest << ": " << groups.size() << " ("
        << grouped << " problems, largest " << largest << ") in " << groupMs << " ms; total "
        << (bigramMs + pairsMs + groupMs) << " ms; peak RSS " << QString::number(peakMb(), 'f', 0) << " MB"
        << Qt::endl;

    if (parser.isSet(QStringLiteral("pairs"))) {
        timer.restart();
        const auto pairs = patterns::similarPairs(sets, t.suggest, threads);
        out << "similarPairs >= " << t.suggest << ": " << pairs.size() << " pairs in " << timer.elapsed()
            << " ms" << Qt::endl;
    }

    // Incremental: the index of all problems, then one new problem's suggestions.
    timer.restart();
    patterns::SimilarityIndex index;
    for (int i = 0; i < n; ++i)
        index.add(i + 1, texts[i]);
    const qint64 indexMs = timer.restart();
    const QStringList probes = generate(200, 99);
    QElapsedTimer one;
    qint64 worstUs = 0, totalUs = 0;
    std::size_t found = 0;
    for (int i = 0; i < probes.size(); ++i) {
        one.start();
        index.add(n + 1 + i, probes[i]);
        found += index.similarTo(probes[i], t.possible, n + 1 + i).size();
        const qint64 us = one.nsecsElapsed() / 1000;
        worstUs = std::max(worstUs, us);
        totalUs += us;
    }
    out << "index of " << n << " problems built in " << indexMs << " ms; adding one problem and finding its "
        << "similar ones: mean " << QString::number(double(totalUs) / probes.size() / 1000.0, 'f', 2)
        << " ms, worst " << QString::number(double(worstUs) / 1000.0, 'f', 2) << " ms ("
        << found / probes.size() << " similar on average); peak RSS " << QString::number(peakMb(), 'f', 0)
        << " MB" << Qt::endl;

    if (parser.isSet(QStringLiteral("register"))) {
        auto db = Database::open(parser.value(QStringLiteral("register")));
        if (!db) {
            out << db.error().message << Qt::endl;
            return 4;
        }
        timer.restart();
        auto s = PatternService(**db).suggestions((*db)->defaultAsOf(), threads);
        out << "PatternService::suggestions on " << parser.value(QStringLiteral("register")) << ": "
            << (s ? s->size() : -1) << " suggestions in " << timer.elapsed() << " ms; peak RSS "
            << QString::number(peakMb(), 'f', 0) << " MB" << Qt::endl;
    }
    return 0;
}
