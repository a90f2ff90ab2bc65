#include "similarity.h"

#include <QThread>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <span>
#include <thread>

namespace rectrack::core::patterns {

namespace {

// Least overlap a set of @p size needs with any set it can reach Dice ≥ t with: t·size ÷ (2 − t)
// (the other set holds at least t÷(2−t) of its size), rounded up; at least 1.
int minOverlap(std::size_t size, double t)
{
    const double bound = t * double(size) / (2.0 - t);
    return std::max(1, int(std::ceil(bound - 1e-9)));
}

// Number of a set's first (rarest) tokens that must include a shared one (prefix filter).
std::size_t prefixLength(std::size_t size, double t)
{
    const int overlap = minOverlap(size, t);
    return size >= std::size_t(overlap) ? size - std::size_t(overlap) + 1 : 0;
}

struct UnionFind
{
    std::vector<int> parent;
    explicit UnionFind(int n) : parent(std::size_t(n)) { std::iota(parent.begin(), parent.end(), 0); }
    int find(int x)
    {
        while (parent[std::size_t(x)] != x) {
            parent[std::size_t(x)] = parent[std::size_t(parent[std::size_t(x)])];
            x = parent[std::size_t(x)];
        }
        return x;
    }
    void join(int a, int b)
    {
        a = find(a);
        b = find(b);
        if (a != b)
            parent[std::size_t(std::max(a, b))] = std::min(a, b);
    }
};

// |x ∩ y| for x given as a bitset over the ranks, or any number below @p need as soon as the bigrams
// of y left cannot bring it there.
std::size_t overlapWithBits(const std::vector<std::uint64_t> &x, std::span<const std::uint32_t> y,
                            std::size_t need)
{
    std::size_t common = 0;
    const std::size_t ny = y.size();
    for (std::size_t k = 0; k < ny; ++k) {
        const std::uint32_t r = y[k];
        common += (x[r >> 6] >> (r & 63)) & 1U;
        if ((k & 7) == 7 && common + (ny - k - 1) < need)
            return common;
    }
    return common;
}

} // namespace

QString normalise(const QString &text)
{
    const QString nfkc = text.normalized(QString::NormalizationForm_KC);
    QString out;
    out.reserve(nfkc.size());
    for (const char32_t c : nfkc.toUcs4()) {
        if (!QChar::isLetterOrNumber(c))
            continue;
        const char32_t folded = QChar::toCaseFolded(c);
        if (QChar::requiresSurrogates(folded)) {
            out += QChar(QChar::highSurrogate(folded));
            out += QChar(QChar::lowSurrogate(folded));
        } else {
            out += QChar(char16_t(folded));
        }
    }
    return out;
}

std::vector<Bigram> bigrams(const QString &text)
{
    const QList<uint> cps = normalise(text).toUcs4();
    std::vector<Bigram> out;
    if (cps.size() == 1)
        out.push_back(Bigram(cps[0]) << 21);
    for (qsizetype i = 0; i + 1 < cps.size(); ++i)
        out.push_back((Bigram(cps[i]) << 21) | Bigram(cps[i + 1]));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

double textSimilarity(const QString &a, const QString &b)
{
    return dice(bigrams(a), bigrams(b));
}

std::vector<SimilarPair> similarPairs(const std::vector<std::vector<Bigram>> &sets, double threshold,
                                      int threads)
{
    const std::size_t n = sets.size();
    std::vector<SimilarPair> out;
    if (n < 2 || threshold <= 0 || threshold > 1)
        return out;

    // Rank the bigrams by frequency, rarest first: prefixes then hold rare bigrams and the postings
    // probed are short.
    std::unordered_map<Bigram, std::uint32_t> frequency;
    for (const auto &s : sets)
        for (const Bigram b : s)
            ++frequency[b];
    std::vector<std::pair<std::uint32_t, Bigram>> byFrequency;
    byFrequency.reserve(frequency.size());
    for (const auto &[b, f] : frequency)
        byFrequency.emplace_back(f, b);
    std::sort(byFrequency.begin(), byFrequency.end());
    std::unordered_map<Bigram, std::uint32_t> rank;
    rank.reserve(byFrequency.size());
    for (std::size_t i = 0; i < byFrequency.size(); ++i)
        rank.emplace(byFrequency[i].second, std::uint32_t(i));
    frequency.clear();

    std::vector<std::vector<std::uint32_t>> ranked(n);
    for (std::size_t i = 0; i < n; ++i) {
        ranked[i].reserve(sets[i].size());
        for (const Bigram b : sets[i])
            ranked[i].push_back(rank.at(b));
        std::sort(ranked[i].begin(), ranked[i].end());
    }
    rank.clear();

    // Records by size (then index); a record is compared with the records before it in this order.
    std::vector<int> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return ranked[std::size_t(a)].size() < ranked[std::size_t(b)].size();
    });

    // Inverted index over every record's indexing prefix: rank → positions in `order`, ascending.
    // A record y is only ever compared with records x at least as long (later in `order`), and
    // then Dice ≥ t needs |x∩y| ≥ t·(|x|+|y|)/2 ≥ t·|y|: its first |y| − ⌈t·|y|⌉ + 1 bigrams suffice.
    // Each entry also holds the bigram's index in y, for the positional filter below.
    std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> postings(byFrequency.size());
    for (std::size_t pos = 0; pos < n; ++pos) {
        const auto &r = ranked[std::size_t(order[pos])];
        const int need = std::max(1, int(std::ceil(threshold * double(r.size()) - 1e-9)));
        const std::size_t p = r.size() >= std::size_t(need) ? r.size() - std::size_t(need) + 1 : 0;
        for (std::size_t k = 0; k < p; ++k)
            postings[r[k]].emplace_back(std::uint32_t(pos), std::uint32_t(k));
    }
    std::vector<std::uint32_t> sizeAt(n);
    for (std::size_t pos = 0; pos < n; ++pos)
        sizeAt[pos] = std::uint32_t(ranked[std::size_t(order[pos])].size());
    // The ranked sets once more, one after another in `order`: a candidate's bigrams are read from
    // one dense array (the verification reads them for millions of candidates, and separate
    // vectors made each read a cache miss).
    std::vector<std::size_t> startAt(n + 1, 0);
    for (std::size_t pos = 0; pos < n; ++pos)
        startAt[pos + 1] = startAt[pos] + sizeAt[pos];
    std::vector<std::uint32_t> flat;
    flat.reserve(startAt[n]);
    for (std::size_t pos = 0; pos < n; ++pos) {
        auto &r = ranked[std::size_t(order[pos])];
        flat.insert(flat.end(), r.begin(), r.end());
        r = {};
    }
    const auto setAt = [&](std::size_t pos) {
        return std::span<const std::uint32_t>(flat.data() + startAt[pos], sizeAt[pos]);
    };

    const int wanted = std::max(1, threads > 0 ? threads : QThread::idealThreadCount());
    const int workers = n < 1000 ? 1 : wanted;
    std::vector<std::vector<SimilarPair>> found(static_cast<std::size_t>(workers));
    const std::size_t words = (byFrequency.size() + 63) / 64;
    auto work = [&, threshold](int w) {
        // Per candidate: 0 unseen, 1 dropped (cannot reach the threshold), else 2 + the overlap
        // counted in the prefixes so far.
        std::vector<std::uint32_t> seen(n, 0);
        std::vector<std::uint32_t> touched;
        // The probe's bigrams as a bitset over the ranks: a candidate is verified by looking up
        // each of its bigrams (no branchy merge of two lists; the verification is most of the work).
        std::vector<std::uint64_t> inX(words, 0);
        auto &mine = found[std::size_t(w)];
        for (std::size_t pos = std::size_t(w); pos < n; pos += std::size_t(workers)) {
            const std::span<const std::uint32_t> x = setAt(pos);
            if (x.empty())
                continue;
            const double minSize = threshold / (2.0 - threshold) * double(x.size());
            const std::size_t p = std::min(prefixLength(x.size(), threshold), x.size());
            // Postings are by position, so by size: start at the first record long enough.
            const auto minSizeInt = std::uint32_t(std::max(0.0, std::ceil(minSize - 1e-9)));
            for (std::size_t k = 0; k < p; ++k) {
                const auto &list = postings[x[k]];
                auto it = std::lower_bound(list.begin(), list.end(), minSizeInt,
                                           [&](const std::pair<std::uint32_t, std::uint32_t> &e,
                                               std::uint32_t size) { return sizeAt[e.first] < size; });
                for (; it != list.end(); ++it) {
                    const auto [other, j] = *it;
                    if (other >= pos)
                        break;
                    std::uint32_t &state = seen[other];
                    if (state == 1)
                        continue;
                    // Positional filter (PPJoin): the overlap so far, this bigram and all that can
                    // still match after these positions must reach t·(|x|+|y|)/2.
                    const std::uint32_t ySize = sizeAt[other];
                    const std::uint32_t sofar = state ? state - 2 : 0;
                    const std::uint32_t rest =
                        std::min(std::uint32_t(x.size() - k - 1), std::uint32_t(ySize - j - 1));
                    const double needed = threshold * double(x.size() + ySize) / 2.0 - 1e-9;
                    if (!state)
                        touched.push_back(other);
                    state = double(sofar + 1 + rest) < needed ? 1 : sofar + 1 + 2;
                }
            }
            for (const std::uint32_t r : x)
                inX[r >> 6] |= std::uint64_t(1) << (r & 63);
            // In position order the candidates' bigrams are read front to back through `flat`.
            std::sort(touched.begin(), touched.end());
            for (const std::uint32_t other : touched) {
                const bool dropped = seen[other] == 1;
                seen[other] = 0;
                if (dropped)
                    continue;
                const std::span<const std::uint32_t> y = setAt(other);
                const std::size_t total = x.size() + y.size();
                const auto need =
                    std::size_t(std::max(0.0, std::ceil(threshold * double(total) / 2.0 - 1e-9)));
                const std::size_t common = overlapWithBits(inX, y, need);
                const double s = 2.0 * double(common) / double(total);
                if (common >= need && s + 1e-12 >= threshold) {
                    const int a = order[pos], b = order[other];
                    mine.push_back({std::min(a, b), std::max(a, b), s});
                }
            }
            for (const std::uint32_t r : x)
                inX[r >> 6] = 0;
            touched.clear();
        }
    };
    if (workers == 1) {
        work(0);
    } else {
        std::vector<std::thread> pool;
        for (int w = 0; w < workers; ++w)
            pool.emplace_back(work, w);
        for (auto &t : pool)
            t.join();
    }
    for (auto &f : found)
        out.insert(out.end(), f.begin(), f.end());
    std::sort(out.begin(), out.end(),
              [](const SimilarPair &l, const SimilarPair &r) { return l.a != r.a ? l.a < r.a : l.b < r.b; });
    return out;
}

std::vector<Group> groupPairs(int count, const std::vector<SimilarPair> &pairs, const Thresholds &thresholds)
{
    UnionFind uf(count);
    for (const SimilarPair &p : pairs)
        if (p.similarity + 1e-12 >= thresholds.suggest)
            uf.join(p.a, p.b);

    // Members per root, ascending.
    std::unordered_map<int, std::vector<int>> sets;
    for (int i = 0; i < count; ++i) {
        sets[uf.find(i)].push_back(i);
    }
    // Pairs within a set (both ends share the root), by member: summed similarity and the
    // similarity to each other member.
    std::unordered_map<int, std::vector<const SimilarPair *>> within;
    for (const SimilarPair &p : pairs)
        if (p.similarity + 1e-12 >= thresholds.possible && uf.find(p.a) == uf.find(p.b) &&
            sets[uf.find(p.a)].size() > 1)
            within[uf.find(p.a)].push_back(&p);

    std::vector<Group> out;
    for (auto &[root, members] : sets) {
        if (members.size() < 2)
            continue;
        std::unordered_map<int, double> sum;
        for (const SimilarPair *p : within[root]) {
            sum[p->a] += p->similarity;
            sum[p->b] += p->similarity;
        }
        int medoid = members.front();
        double best = -1;
        for (const int m : members) {
            const double s = sum.count(m) ? sum[m] : 0.0;
            if (s > best + 1e-12) {
                best = s;
                medoid = m;
            }
        }
        std::unordered_map<int, double> toMedoid;
        for (const SimilarPair *p : within[root]) {
            if (p->a == medoid)
                toMedoid[p->b] = p->similarity;
            else if (p->b == medoid)
                toMedoid[p->a] = p->similarity;
        }
        Group g;
        g.medoid = medoid;
        for (const int m : members) {
            const double s = m == medoid ? 1.0 : (toMedoid.count(m) ? toMedoid[m] : 0.0);
            if (m != medoid && s + 1e-12 < thresholds.possible)
                continue;
            g.members.push_back(m);
            g.similarityToMedoid.push_back(s);
        }
        if (g.members.size() >= 2)
            out.push_back(std::move(g));
    }
    std::sort(out.begin(), out.end(),
              [](const Group &l, const Group &r) { return l.members.front() < r.members.front(); });
    return out;
}

std::vector<Group> groupSets(const std::vector<std::vector<Bigram>> &sets,
                             const std::vector<SimilarPair> &pairs, const Thresholds &thresholds)
{
    const int count = int(sets.size());
    UnionFind uf(count);
    for (const SimilarPair &p : pairs)
        if (p.similarity + 1e-12 >= thresholds.suggest)
            uf.join(p.a, p.b);
    std::unordered_map<int, std::vector<int>> components;
    for (const SimilarPair &p : pairs)
        if (p.similarity + 1e-12 >= thresholds.suggest)
            components[uf.find(p.a)];
    for (int i = 0; i < count; ++i) {
        const auto it = components.find(uf.find(i));
        if (it != components.end())
            it->second.push_back(i);
    }
    // Every pair within a component at or above the possible threshold, by exact Dice.
    std::vector<SimilarPair> within;
    for (const auto &[root, members] : components)
        for (std::size_t a = 0; a < members.size(); ++a)
            for (std::size_t b = a + 1; b < members.size(); ++b) {
                const double s = dice(sets[std::size_t(members[a])], sets[std::size_t(members[b])]);
                if (s + 1e-12 >= thresholds.possible)
                    within.push_back({members[a], members[b], s});
            }
    return groupPairs(count, within, thresholds);
}

void SimilarityIndex::add(qint64 id, const QString &text)
{
    remove(id);
    std::vector<Bigram> set = bigrams(text);
    for (const Bigram b : set)
        m_postings[b].push_back(id);
    m_sets.emplace(id, std::move(set));
}

void SimilarityIndex::remove(qint64 id)
{
    const auto it = m_sets.find(id);
    if (it == m_sets.end())
        return;
    for (const Bigram b : it->second) {
        auto &list = m_postings[b];
        list.erase(std::remove(list.begin(), list.end(), id), list.end());
        if (list.empty())
            m_postings.erase(b);
    }
    m_sets.erase(it);
}

std::vector<SimilarityIndex::Match> SimilarityIndex::similarTo(const QString &text, double threshold,
                                                               qint64 except) const
{
    std::vector<Match> out;
    const std::vector<Bigram> x = bigrams(text);
    if (x.empty() || threshold <= 0)
        return out;
    // Every other set is indexed whole, so the probe alone needs a prefix: any set reaching the
    // threshold shares one of the probe's |x| − minOverlap + 1 rarest bigrams.
    std::vector<std::pair<std::size_t, Bigram>> byRarity;
    byRarity.reserve(x.size());
    for (const Bigram b : x) {
        const auto it = m_postings.find(b);
        byRarity.emplace_back(it == m_postings.end() ? 0 : it->second.size(), b);
    }
    std::sort(byRarity.begin(), byRarity.end());
    const std::size_t p = std::min(prefixLength(x.size(), threshold), x.size());
    const double minSize = threshold / (2.0 - threshold) * double(x.size());
    const double maxSize = (2.0 - threshold) / threshold * double(x.size());
    // The candidates as one sorted list without duplicates (a hash set per posting was most of
    // the probe's time at 100,000 problems).
    std::vector<qint64> candidates;
    for (std::size_t k = 0; k < p; ++k) {
        const auto it = m_postings.find(byRarity[k].second);
        if (it == m_postings.end())
            continue;
        candidates.insert(candidates.end(), it->second.begin(), it->second.end());
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    for (const qint64 id : candidates) {
        if (id == except)
            continue;
        const auto &y = m_sets.at(id);
        if (double(y.size()) + 1e-9 < minSize || double(y.size()) - 1e-9 > maxSize)
            continue;
        const double s = dice(x, y);
        if (s + 1e-12 >= threshold)
            out.push_back({id, s});
    }
    std::sort(out.begin(), out.end(), [](const Match &l, const Match &r) {
        return l.similarity != r.similarity ? l.similarity > r.similarity : l.id < r.id;
    });
    return out;
}

} // namespace rectrack::core::patterns
