#include <catch2/catch.hpp>

#include "patterns/similarity.h"

#include <QRandomGenerator>
#include <QStringList>

#include <cmath>
#include <map>

using namespace rectrack::core::patterns;

namespace {

// The ten texts of issue #27's acceptance: a1 … a5, b1, b2, c1 … c3 (indexes 0 … 9).
const QStringList kTexts = {
    QStringLiteral("公务用车管理不规范，存在未按规定登记使用车辆的情况"),
    QStringLiteral("公务用车管理不规范，未按规定登记使用车辆"),
    QStringLiteral("公务用车管理不规范"),
    QStringLiteral("公务用车管理不规范，未按规定登记使用车辆"),
    QStringLiteral("公务用车管理不规范，存在未按规定登记使用车辆的情况"),
    QStringLiteral("理论学习中心组学习流于形式"),
    QStringLiteral("理论学习中心组学习不深入，流于形式"),
    QStringLiteral("“三重一大”决策制度执行不到位"),
    QStringLiteral("落实意识形态工作责任制不到位"),
    QStringLiteral("落实全面从严治党主体责任不到位"),
};

double rounded3(double v)
{
    return std::round(v * 1000) / 1000;
}

std::vector<std::vector<Bigram>> setsOf(const QStringList &texts)
{
    std::vector<std::vector<Bigram>> out;
    for (const QString &t : texts)
        out.push_back(bigrams(t));
    return out;
}

} // namespace

TEST_CASE("normalisation keeps CJK, letters and digits, NFKC and case folded", "[patterns][similarity]")
{
    CHECK(normalise(QStringLiteral("“三重一大”决策制度执行不到位")) ==
          QStringLiteral("三重一大决策制度执行不到位"));
    CHECK(normalise(QStringLiteral("Ａ１ b，2021年")) == QStringLiteral("a1b2021年"));
    CHECK(normalise(QStringLiteral("（一）  ")) == QStringLiteral("一"));
    CHECK(bigrams(QStringLiteral("公务用车")).size() == 3);
    CHECK(bigrams(QStringLiteral("学习学习")).size() == 2); // 学习, 习学: a set
    CHECK(bigrams(QStringLiteral("。")).empty());
    CHECK(bigrams(QStringLiteral("车")).size() == 1);
}

TEST_CASE("Dice of the acceptance texts", "[patterns][similarity]")
{
    const auto s = setsOf(kTexts);
    CHECK(s[0].size() == 22); // 用车 twice
    CHECK(s[1].size() == 17);
    CHECK(s[2].size() == 8);
    CHECK(rounded3(dice(s[0], s[1])) == Approx(0.821));
    CHECK(rounded3(dice(s[1], s[2])) == Approx(0.640));
    CHECK(rounded3(dice(s[0], s[2])) == Approx(0.533));
    CHECK(rounded3(dice(s[5], s[6])) == Approx(0.800));
    CHECK(rounded3(dice(s[8], s[9])) == Approx(0.296));
    CHECK(rounded3(dice(s[7], s[8])) == Approx(0.160));
    CHECK(dice(s[0], s[4]) == 1.0);
    CHECK(textSimilarity(kTexts[1], kTexts[3]) == 1.0);
}

TEST_CASE("at 0.60 the acceptance texts group as a1…a5 (medoid a2), b1 b2, c alone", "[patterns][similarity]")
{
    const auto s = setsOf(kTexts);
    const Thresholds t;
    const auto pairs = similarPairs(s, t.possible, 1);
    const auto groups = groupPairs(int(s.size()), pairs, t);
    REQUIRE(groups.size() == 2);
    CHECK(groups[0].members == std::vector<int>{0, 1, 2, 3, 4});
    CHECK(groups[0].medoid == 1);
    REQUIRE(groups[0].similarityToMedoid.size() == 5);
    CHECK(rounded3(groups[0].similarityToMedoid[0]) == Approx(0.821));
    CHECK(groups[0].similarityToMedoid[1] == 1.0);
    CHECK(rounded3(groups[0].similarityToMedoid[2]) == Approx(0.640));
    CHECK(groups[0].similarityToMedoid[3] == 1.0);
    CHECK(groups[1].members == std::vector<int>{5, 6});
    CHECK(rounded3(groups[1].similarityToMedoid[0] * groups[1].similarityToMedoid[1]) == Approx(0.800));
}

TEST_CASE("groups from the sets joined at 0.60 are the same as from the pairs at 0.45",
          "[patterns][similarity]")
{
    // Every pair within the joined sets of these texts reaches 0.45, so the pairs at 0.45 are all of
    // them and both ways give the same medoids.
    const auto s = setsOf(kTexts);
    const Thresholds t;
    const auto fromPossible = groupPairs(int(s.size()), similarPairs(s, t.possible, 1), t);
    const auto joined = joinedSets(s, t.suggest, 2);
    REQUIRE(joined.size() == 2);
    CHECK(joined[0] == std::vector<int>{0, 1, 2, 3, 4});
    CHECK(joined[1] == std::vector<int>{5, 6});
    const auto fromSuggest = groupSets(s, joined, t);
    REQUIRE(fromSuggest.size() == fromPossible.size());
    for (std::size_t i = 0; i < fromSuggest.size(); ++i) {
        CHECK(fromSuggest[i].members == fromPossible[i].members);
        CHECK(fromSuggest[i].medoid == fromPossible[i].medoid);
        CHECK(fromSuggest[i].similarityToMedoid == fromPossible[i].similarityToMedoid);
    }
}

TEST_CASE("a chain of small steps does not join texts far from the medoid", "[patterns][similarity]")
{
    // x0–x1 and x1–x2 pass 0.60; x0–x2 is below 0.45, so the medoid x1 keeps both; a member joined
    // only through a neighbour far from the medoid is dropped.
    const Thresholds t{0.6, 0.45};
    // Hand-made pairs: 0–1 0.7, 1–2 0.7, 2–3 0.65, 0–2 0.5; 3 reaches the medoid (2 or 1) below 0.45.
    const std::vector<SimilarPair> pairs = {{0, 1, 0.7}, {0, 2, 0.5}, {1, 2, 0.7}, {2, 3, 0.65}};
    const auto groups = groupPairs(5, pairs, t);
    REQUIRE(groups.size() == 1);
    // sums: 0 → 1.2, 1 → 1.4, 2 → 1.85, 3 → 0.65: medoid 2; 0 (0.5), 1 (0.7), 3 (0.65) stay.
    CHECK(groups[0].medoid == 2);
    CHECK(groups[0].members == std::vector<int>{0, 1, 2, 3});
    const std::vector<SimilarPair> chain = {{0, 1, 0.7}, {1, 2, 0.7}, {2, 3, 0.7}, {3, 4, 0.7}};
    const auto g2 = groupPairs(5, chain, t);
    REQUIRE(g2.size() == 1);
    // sums 0.7, 1.4, 1.4, 1.4, 0.7: medoid 1 (lowest index of the ties); 3 and 4 do not reach it.
    CHECK(g2[0].medoid == 1);
    CHECK(g2[0].members == std::vector<int>{0, 1, 2});
}

TEST_CASE("the filtered all-pairs search finds exactly the pairs of a brute-force search",
          "[patterns][similarity]")
{
    // Random texts over a small alphabet of CJK characters with shared phrases, so that many pairs
    // are near the thresholds.
    QRandomGenerator rng(27);
    const QStringList phrases = {QStringLiteral("公务用车"),     QStringLiteral("管理不规范"),
                                 QStringLiteral("未按规定"),     QStringLiteral("登记使用"),
                                 QStringLiteral("落实责任制"),   QStringLiteral("不到位"),
                                 QStringLiteral("学习流于形式"), QStringLiteral("决策制度")};
    QStringList texts;
    for (int i = 0; i < 1500; ++i) {
        QString t;
        const int parts = 1 + int(rng.bounded(4));
        for (int k = 0; k < parts; ++k)
            t += phrases[int(rng.bounded(phrases.size()))];
        if (rng.bounded(2))
            t += QChar(char16_t(0x4e00 + rng.bounded(50)));
        texts << t;
    }
    const auto s = setsOf(texts);
    for (const double threshold : {0.45, 0.6, 0.8}) {
        std::vector<std::pair<int, int>> brute;
        for (int a = 0; a < int(s.size()); ++a)
            for (int b = a + 1; b < int(s.size()); ++b)
                if (dice(s[std::size_t(a)], s[std::size_t(b)]) + 1e-12 >= threshold)
                    brute.emplace_back(a, b);
        for (const int threads : {1, 2}) {
            const auto fast = similarPairs(s, threshold, threads);
            std::vector<std::pair<int, int>> got;
            for (const auto &p : fast)
                got.emplace_back(p.a, p.b);
            INFO("threshold " << threshold << " threads " << threads);
            CHECK(got.size() == brute.size());
            CHECK(got == brute);

            // The joined sets are the connected components of the brute-force pairs.
            std::vector<int> parent(s.size());
            for (std::size_t i = 0; i < parent.size(); ++i)
                parent[i] = int(i);
            const auto root = [&](int x) {
                while (parent[std::size_t(x)] != x)
                    x = parent[std::size_t(x)];
                return x;
            };
            for (const auto &[a, b] : brute)
                parent[std::size_t(std::max(root(a), root(b)))] = std::min(root(a), root(b));
            std::map<int, std::vector<int>> components;
            for (int i = 0; i < int(s.size()); ++i)
                components[root(i)].push_back(i);
            std::vector<std::vector<int>> expected;
            for (auto &[r, members] : components)
                if (members.size() > 1)
                    expected.push_back(members);
            CHECK(joinedSets(s, threshold, threads) == expected);
        }
    }
}

TEST_CASE("thousands of near-identical texts make one group in linear memory, medoid by the exact sums",
          "[patterns][similarity]")
{
    // 3,000 copies of one sentence, numbered as a generated register numbers them, and 3,000 of
    // another: 9 million pairs above 0.60, which are never stored.
    QStringList texts;
    for (int i = 1; i <= 3000; ++i) {
        texts << QStringLiteral("落实意识形态工作责任制不到位，阵地管理存在薄弱环节（%1）").arg(i);
        texts << QStringLiteral("党员教育管理不严，部分党员党费交纳不及时（%1）").arg(i);
    }
    texts << QStringLiteral("落实意识形态工作责任制不到位，阵地管理存在薄弱环节"); // joins the first group
    const auto s = setsOf(texts);
    const Thresholds t;
    const auto joined = joinedSets(s, t.suggest, 2);
    REQUIRE(joined.size() == 2);
    CHECK(joined[0].size() == 3001);
    CHECK(joined[1].size() == 3000);
    const auto groups = groupSets(s, joined, t);
    REQUIRE(groups.size() == 2);

    // The medoid is the member with the largest summed Dice, checked here pair by pair over the
    // second group (3,000 members: 4.5 million pairs).
    std::vector<double> sums(joined[1].size(), 0.0);
    for (std::size_t i = 0; i < joined[1].size(); ++i)
        for (std::size_t j = i + 1; j < joined[1].size(); ++j) {
            const double d = dice(s[std::size_t(joined[1][i])], s[std::size_t(joined[1][j])]);
            sums[i] += d;
            sums[j] += d;
        }
    std::size_t best = 0;
    for (std::size_t i = 1; i < sums.size(); ++i)
        if (sums[i] > sums[best] * (1 + 1e-9))
            best = i;
    CHECK(groups[1].medoid == joined[1][best]);
    CHECK(groups[1].members == joined[1]);
}

TEST_CASE("the incremental index finds the same texts as the all-pairs search", "[patterns][similarity]")
{
    SimilarityIndex index;
    for (int i = 0; i < kTexts.size(); ++i)
        index.add(i + 1, kTexts[i]);
    CHECK(index.size() == 10);
    const auto matches = index.similarTo(kTexts[1], 0.45, 2);
    REQUIRE(matches.size() == 4);
    CHECK(matches[0].id == 4); // a4 = a2
    CHECK(matches[0].similarity == 1.0);
    CHECK(matches[1].id == 1);
    CHECK(matches[2].id == 5);
    CHECK(matches[3].id == 3);
    CHECK(rounded3(matches[3].similarity) == Approx(0.640));
    index.remove(4);
    CHECK(index.similarTo(kTexts[1], 0.45, 2).size() == 3);
    CHECK(index.similarTo(QStringLiteral("落实意识形态工作责任制不到位"), 0.3).size() == 1);
}
