#include "similarity.h"

#include <QThread>

#include <algorithm>
#include <cmath>
#include <map>
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

namespace {

// The prepared all-pairs search of similarPairs() and joinedSets(): the sets ranked by global bigram
// frequency (rarest first), laid out by size in one array, and the inverted index over their
// indexing prefixes. Records are addressed by their position in size order; probe() compares one
// record with every record before it.
class PairSearch
{
public:
    PairSearch(const std::vector<std::vector<Bigram>> &sets, double threshold) : m_threshold(threshold)
    {
        const std::size_t n = sets.size();
        // Rank the bigrams by frequency, rarest first: prefixes then hold rare bigrams and the
        // postings probed are short.
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
        m_words = (byFrequency.size() + 63) / 64;

        std::vector<std::vector<std::uint32_t>> ranked(n);
        for (std::size_t i = 0; i < n; ++i) {
            ranked[i].reserve(sets[i].size());
            for (const Bigram b : sets[i])
                ranked[i].push_back(rank.at(b));
            std::sort(ranked[i].begin(), ranked[i].end());
        }
        rank.clear();

        // Records by size (then index); a record is compared with the records before it in this order.
        m_order.resize(n);
        std::iota(m_order.begin(), m_order.end(), 0);
        std::stable_sort(m_order.begin(), m_order.end(), [&](int a, int b) {
            return ranked[std::size_t(a)].size() < ranked[std::size_t(b)].size();
        });

        // Inverted index over every record's indexing prefix: rank → positions in `order`,
        // ascending. A record y is only ever compared with records x at least as long (later in
        // `order`), and then Dice ≥ t needs |x∩y| ≥ t·(|x|+|y|)/2 ≥ t·|y|: its first
        // |y| − ⌈t·|y|⌉ + 1 bigrams suffice. Each entry also holds the bigram's index in y, for the
        // positional filter of probe().
        m_postings.resize(byFrequency.size());
        for (std::size_t pos = 0; pos < n; ++pos) {
            const auto &r = ranked[std::size_t(m_order[pos])];
            const int need = std::max(1, int(std::ceil(threshold * double(r.size()) - 1e-9)));
            const std::size_t p = r.size() >= std::size_t(need) ? r.size() - std::size_t(need) + 1 : 0;
            for (std::size_t k = 0; k < p; ++k)
                m_postings[r[k]].emplace_back(std::uint32_t(pos), std::uint32_t(k));
        }
        m_sizeAt.resize(n);
        for (std::size_t pos = 0; pos < n; ++pos)
            m_sizeAt[pos] = std::uint32_t(ranked[std::size_t(m_order[pos])].size());
        // The ranked sets once more, one after another in `order`: a candidate's bigrams are read
        // from one dense array (the verification reads them for millions of candidates, and
        // separate vectors made each read a cache miss).
        m_startAt.assign(n + 1, 0);
        for (std::size_t pos = 0; pos < n; ++pos)
            m_startAt[pos + 1] = m_startAt[pos] + m_sizeAt[pos];
        m_flat.reserve(m_startAt[n]);
        for (std::size_t pos = 0; pos < n; ++pos) {
            auto &r = ranked[std::size_t(m_order[pos])];
            m_flat.insert(m_flat.end(), r.begin(), r.end());
            r = {};
        }
    }

    std::size_t size() const { return m_order.size(); }
    /// The index (in the caller's sets) of the record at @p pos.
    int indexAt(std::size_t pos) const { return m_order[pos]; }

    /// One worker's working memory for probe().
    struct Scratch
    {
        // Per candidate: 0 unseen, 1 dropped (cannot reach the threshold), else 2 + the overlap
        // counted in the prefixes so far.
        std::vector<std::uint32_t> seen;
        std::vector<std::uint32_t> touched;
        // The probe's bigrams as a bitset over the ranks: a candidate is verified by looking up each
        // of its bigrams (no branchy merge of two lists; the verification is most of the work).
        std::vector<std::uint64_t> inX;
        // probeJoin(): the candidates seen, one bit each (fits the first-level cache where `seen`
        // does not; most entries visited are candidates seen before).
        std::vector<std::uint64_t> seenBits;
    };
    Scratch scratch() const
    {
        return {std::vector<std::uint32_t>(size(), 0),
                {},
                std::vector<std::uint64_t>(m_words, 0),
                std::vector<std::uint64_t>((size() + 63) / 64, 0)};
    }

    /**
     * Compares the record at @p pos with every record before it: calls @p found(pos, other, dice) for
     * each that reaches the threshold, in position order. Candidates are gathered over the whole
     * prefix first, so that the positional filter sees each one's overlap in the prefixes.
     */
    template <typename Found> void probe(std::size_t pos, Scratch &sc, Found &&found) const
    {
        const std::span<const std::uint32_t> x = setAt(pos);
        if (x.empty())
            return;
        const double t = m_threshold;
        forEachEntry(pos, [&](std::uint32_t other, std::size_t k, std::uint32_t j) {
            std::uint32_t &state = sc.seen[other];
            if (state == 1)
                return;
            // Positional filter (PPJoin): the overlap so far, this bigram and all that can still
            // match after these positions must reach t·(|x|+|y|)/2.
            const std::uint32_t ySize = m_sizeAt[other];
            const std::uint32_t sofar = state ? state - 2 : 0;
            const std::uint32_t rest =
                std::min(std::uint32_t(x.size() - k - 1), std::uint32_t(ySize - j - 1));
            const double needed = t * double(x.size() + ySize) / 2.0 - 1e-9;
            if (!state)
                sc.touched.push_back(other);
            state = double(sofar + 1 + rest) < needed ? 1 : sofar + 1 + 2;
        });
        markProbe(x, sc, true);
        // In position order the candidates' bigrams are read front to back through the array.
        std::sort(sc.touched.begin(), sc.touched.end());
        for (const std::uint32_t other : sc.touched) {
            const bool dropped = sc.seen[other] == 1;
            sc.seen[other] = 0;
            if (dropped)
                continue;
            const double s = verified(x.size(), sc, other);
            if (s >= 0)
                found(pos, std::size_t(other), s);
        }
        markProbe(x, sc, false);
        sc.touched.clear();
    }

    /**
     * Joins the record at @p pos in @p uf (a union-find over positions) with every record before it
     * that reaches the threshold. Each candidate is decided when first seen: skipped when already
     * joined to the probe (its pair would not change the sets), else filtered and verified. At first
     * sight no bigram before these positions is shared (both sets are in rank order, and an earlier
     * shared one would lie in both prefixes and have been seen), so 1 + the bigrams left after them
     * bounds the overlap. Among thousands of near-identical texts nearly every candidate is already
     * joined, and costs one lookup instead of a verification.
     */
    void probeJoin(std::size_t pos, Scratch &sc, UnionFind &uf) const
    {
        const std::span<const std::uint32_t> x = setAt(pos);
        if (x.empty())
            return;
        const double t = m_threshold;
        markProbe(x, sc, true);
        int root = uf.find(int(pos));
        forEachEntry(pos, [&](std::uint32_t other, std::size_t k, std::uint32_t j) {
            std::uint64_t &word = sc.seenBits[other >> 6];
            const std::uint64_t bit = std::uint64_t(1) << (other & 63);
            if (word & bit)
                return;
            word |= bit;
            sc.touched.push_back(other);
            if (uf.find(int(other)) == root)
                return;
            const std::uint32_t ySize = m_sizeAt[other];
            const std::uint32_t rest =
                std::min(std::uint32_t(x.size() - k - 1), std::uint32_t(ySize - j - 1));
            if (double(1 + rest) < t * double(x.size() + ySize) / 2.0 - 1e-9)
                return;
            if (verified(x.size(), sc, other) >= 0) {
                uf.join(int(pos), int(other));
                root = uf.find(int(pos));
            }
        });
        markProbe(x, sc, false);
        for (const std::uint32_t other : sc.touched)
            sc.seenBits[other >> 6] = 0;
        sc.touched.clear();
    }

private:
    std::span<const std::uint32_t> setAt(std::size_t pos) const
    {
        return std::span<const std::uint32_t>(m_flat.data() + m_startAt[pos], m_sizeAt[pos]);
    }

    // Calls @p visit(other, k, j) for each entry of the postings of the probe's prefix bigrams x[k]
    // (k ascending) whose record is before @p pos and long enough (length filter), j being the
    // bigram's index in that record.
    template <typename Visit> void forEachEntry(std::size_t pos, Visit &&visit) const
    {
        const std::span<const std::uint32_t> x = setAt(pos);
        const double t = m_threshold;
        const double minSize = t / (2.0 - t) * double(x.size());
        const std::size_t p = std::min(prefixLength(x.size(), t), x.size());
        // Postings are by position, so by size: start at the first record long enough.
        const auto minSizeInt = std::uint32_t(std::max(0.0, std::ceil(minSize - 1e-9)));
        for (std::size_t k = 0; k < p; ++k) {
            const auto &list = m_postings[x[k]];
            auto it = std::lower_bound(list.begin(), list.end(), minSizeInt,
                                       [&](const std::pair<std::uint32_t, std::uint32_t> &e,
                                           std::uint32_t size) { return m_sizeAt[e.first] < size; });
            for (; it != list.end() && it->first < pos; ++it)
                visit(it->first, k, it->second);
        }
    }

    // Sets (@p on) or clears the probe's bigrams @p x in the scratch bitset.
    static void markProbe(std::span<const std::uint32_t> x, Scratch &sc, bool on)
    {
        for (const std::uint32_t r : x) {
            if (on)
                sc.inX[r >> 6] |= std::uint64_t(1) << (r & 63);
            else
                sc.inX[r >> 6] = 0;
        }
    }

    // The Dice of the marked probe (@p xSize bigrams) with the record at @p other when it reaches
    // the threshold, else −1.
    double verified(std::size_t xSize, const Scratch &sc, std::uint32_t other) const
    {
        const std::span<const std::uint32_t> y = setAt(other);
        const std::size_t total = xSize + y.size();
        const auto need = std::size_t(std::max(0.0, std::ceil(m_threshold * double(total) / 2.0 - 1e-9)));
        const std::size_t common = overlapWithBits(sc.inX, y, need);
        const double s = 2.0 * double(common) / double(total);
        return common >= need && s + 1e-12 >= m_threshold ? s : -1.0;
    }

    double m_threshold;
    std::size_t m_words = 0;
    std::vector<int> m_order;
    std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> m_postings;
    std::vector<std::uint32_t> m_sizeAt;
    std::vector<std::size_t> m_startAt;
    std::vector<std::uint32_t> m_flat;
};

// Runs @p work(w) for w in [0, workers) on that many threads (on this one when workers is 1).
template <typename Work> void onWorkers(int workers, Work &&work)
{
    if (workers == 1) {
        work(0);
        return;
    }
    std::vector<std::thread> pool;
    for (int w = 0; w < workers; ++w)
        pool.emplace_back(work, w);
    for (auto &t : pool)
        t.join();
}

int workerCount(std::size_t n, int threads)
{
    const int wanted = std::max(1, threads > 0 ? threads : QThread::idealThreadCount());
    return n < 1000 ? 1 : wanted;
}

} // namespace

std::vector<SimilarPair> similarPairs(const std::vector<std::vector<Bigram>> &sets, double threshold,
                                      int threads)
{
    std::vector<SimilarPair> out;
    if (sets.size() < 2 || threshold <= 0 || threshold > 1)
        return out;
    const PairSearch search(sets, threshold);
    const int workers = workerCount(search.size(), threads);
    std::vector<std::vector<SimilarPair>> found(static_cast<std::size_t>(workers));
    onWorkers(workers, [&](int w) {
        PairSearch::Scratch sc = search.scratch();
        auto &mine = found[std::size_t(w)];
        for (std::size_t pos = std::size_t(w); pos < search.size(); pos += std::size_t(workers))
            search.probe(pos, sc, [&](std::size_t x, std::size_t y, double s) {
                const int a = search.indexAt(x), b = search.indexAt(y);
                mine.push_back({std::min(a, b), std::max(a, b), s});
            });
    });
    for (auto &f : found)
        out.insert(out.end(), f.begin(), f.end());
    std::sort(out.begin(), out.end(),
              [](const SimilarPair &l, const SimilarPair &r) { return l.a != r.a ? l.a < r.a : l.b < r.b; });
    return out;
}

std::vector<std::vector<int>> joinedSets(const std::vector<std::vector<Bigram>> &sets, double threshold,
                                         int threads)
{
    std::vector<std::vector<int>> out;
    if (sets.size() < 2 || threshold <= 0 || threshold > 1)
        return out;
    const PairSearch search(sets, threshold);
    const int n = int(search.size());
    const int workers = workerCount(search.size(), threads);
    // Each worker joins the pairs it finds in its own union-find over positions (probeJoin()), and
    // the workers' sets are joined at the end. Memory stays
    // O(n) per worker however many pairs there are (near-identical texts give millions).
    std::vector<UnionFind> joined(static_cast<std::size_t>(workers), UnionFind(n));
    onWorkers(workers, [&](int w) {
        PairSearch::Scratch sc = search.scratch();
        UnionFind &uf = joined[std::size_t(w)];
        for (std::size_t pos = std::size_t(w); pos < search.size(); pos += std::size_t(workers))
            search.probeJoin(pos, sc, uf);
    });
    UnionFind all(n);
    for (UnionFind &uf : joined)
        for (int pos = 0; pos < n; ++pos)
            all.join(pos, uf.find(pos));
    std::unordered_map<int, std::vector<int>> byRoot;
    for (int pos = 0; pos < n; ++pos)
        byRoot[all.find(pos)].push_back(search.indexAt(std::size_t(pos)));
    for (auto &[root, members] : byRoot) {
        if (members.size() < 2)
            continue;
        std::sort(members.begin(), members.end());
        out.push_back(std::move(members));
    }
    std::sort(out.begin(), out.end(), [](const auto &l, const auto &r) { return l.front() < r.front(); });
    return out;
}

namespace {

// The index of the largest of @p sums; sums within a relative 1e-9 are ties (sums added up in another
// order differ in their last bits), won by the lowest index. 0 when empty.
std::size_t largest(const std::vector<double> &sums)
{
    std::size_t best = 0;
    for (std::size_t i = 1; i < sums.size(); ++i)
        if (sums[i] > sums[best] + 1e-9 * std::max(1.0, sums[best]))
            best = i;
    return best;
}

// Summed Dice of each of @p n sets (@p setAt(i)) with every other, without visiting the pairs:
// Σ_j 2·|Ai∩Aj| ÷ (|Ai| + |Aj|) = Σ_s 2 ÷ (|Ai| + s) · Σ_{b∈Ai} (sets of size s holding b), over the
// distinct set sizes s, less i's own term (1). Linear in the bigrams times the distinct sizes, where
// the pairs are quadratic (a group of 6,000 near-identical texts is 18 million pairs).
template <typename SetAt> std::vector<double> summedDice(std::size_t n, SetAt &&setAt)
{
    std::map<std::size_t, std::unordered_map<Bigram, std::uint32_t>> holdersBySize;
    for (std::size_t i = 0; i < n; ++i)
        for (const Bigram b : setAt(i))
            ++holdersBySize[setAt(i).size()][b];
    std::vector<double> sums;
    sums.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const std::vector<Bigram> &a = setAt(i);
        double sum = 0;
        for (const auto &[size, holders] : holdersBySize) {
            std::uint64_t common = 0;
            for (const Bigram b : a) {
                const auto it = holders.find(b);
                if (it != holders.end())
                    common += it->second;
            }
            sum += 2.0 * double(common) / double(a.size() + size);
        }
        sums.push_back(a.empty() ? 0.0 : sum - 1.0);
    }
    return sums;
}

// The group of one joined set (@p members ascending) from each member's summed similarity to the
// others (@p sums, parallel to members): the medoid has the largest sum (largest()), and
// a member whose similarity with it (@p toMedoid(medoid, member)) is below thresholds.possible leaves.
// Fewer than two members left: no group (members empty).
template <typename ToMedoid>
Group groupAround(const std::vector<int> &members, const std::vector<double> &sums, ToMedoid &&toMedoid,
                  const Thresholds &thresholds)
{
    Group g;
    g.medoid = members[largest(sums)];
    for (const int m : members) {
        const double s = m == g.medoid ? 1.0 : toMedoid(g.medoid, m);
        if (m != g.medoid && s + 1e-12 < thresholds.possible)
            continue;
        g.members.push_back(m);
        g.similarityToMedoid.push_back(s);
    }
    if (g.members.size() < 2)
        g.members.clear();
    return g;
}

void sortGroups(std::vector<Group> &groups)
{
    std::sort(groups.begin(), groups.end(),
              [](const Group &l, const Group &r) { return l.members.front() < r.members.front(); });
}

} // namespace

std::vector<Group> groupPairs(int count, const std::vector<SimilarPair> &pairs, const Thresholds &thresholds)
{
    UnionFind uf(count);
    for (const SimilarPair &p : pairs)
        if (p.similarity + 1e-12 >= thresholds.suggest)
            uf.join(p.a, p.b);
    std::unordered_map<int, std::vector<int>> sets; // members per root, ascending
    for (int i = 0; i < count; ++i)
        sets[uf.find(i)].push_back(i);
    // Summed similarity per member, and the similarity of each given pair, within each set.
    std::unordered_map<int, double> sum;
    std::unordered_map<std::uint64_t, double> pairSimilarity;
    const auto key = [](int a, int b) {
        return (std::uint64_t(std::uint32_t(std::min(a, b))) << 32) | std::uint32_t(std::max(a, b));
    };
    for (const SimilarPair &p : pairs)
        if (uf.find(p.a) == uf.find(p.b)) {
            sum[p.a] += p.similarity;
            sum[p.b] += p.similarity;
            pairSimilarity[key(p.a, p.b)] = p.similarity;
        }
    std::vector<Group> out;
    for (const auto &[root, members] : sets) {
        if (members.size() < 2)
            continue;
        std::vector<double> sums;
        for (const int m : members)
            sums.push_back(sum.count(m) ? sum[m] : 0.0);
        Group g = groupAround(
            members, sums,
            [&](int medoid, int m) {
                const auto it = pairSimilarity.find(key(medoid, m));
                return it == pairSimilarity.end() ? 0.0 : it->second;
            },
            thresholds);
        if (!g.members.empty())
            out.push_back(std::move(g));
    }
    sortGroups(out);
    return out;
}

std::vector<Group> groupSets(const std::vector<std::vector<Bigram>> &sets,
                             const std::vector<std::vector<int>> &joined, const Thresholds &thresholds)
{
    std::vector<Group> out;
    for (const std::vector<int> &members : joined) {
        if (members.size() < 2)
            continue;
        const std::vector<double> sums =
            summedDice(members.size(), [&](std::size_t i) -> const std::vector<Bigram> & {
                return sets[std::size_t(members[i])];
            });
        Group g = groupAround(
            members, sums,
            [&](int medoid, int m) { return dice(sets[std::size_t(medoid)], sets[std::size_t(m)]); },
            thresholds);
        if (!g.members.empty())
            out.push_back(std::move(g));
    }
    sortGroups(out);
    return out;
}

int medoid(const std::vector<std::vector<Bigram>> &sets)
{
    if (sets.empty())
        return -1;
    return int(largest(
        summedDice(sets.size(), [&](std::size_t i) -> const std::vector<Bigram> & { return sets[i]; })));
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
