#pragma once

/**
 * Text similarity of problems, for finding common and recurring problems (共性问题, 屡查屡犯,
 * issue #27). Pure functions and plain data: no database, no Qt Sql.
 *
 * How it works:
 *  1. normalise(): NFKC, then keep letters (CJK ideographs included), digits and numbers, case
 *     folded. Punctuation, spaces and quotes go, and the text either side joins up.
 *  2. bigrams(): the set of adjacent code-point pairs of the normalised text. No word segmentation:
 *     problem texts are short Chinese sentences, and no segmenter is packaged for the target.
 *  3. dice(): 2·|A∩B| ÷ (|A| + |B|) on two bigram sets (0 when both are empty).
 *  4. similarPairs(): every pair of texts with Dice ≥ a threshold, exactly (no sampling), through an
 *     inverted index over the bigrams: bigrams are ranked by global frequency (rarest first); a set
 *     x can only reach Dice ≥ t with a set y when their prefixes of length |s| − ⌈t·|s|/(2−t)⌉ + 1
 *     share a bigram (prefix filter), and when t/(2−t) ≤ |y|/|x| ≤ (2−t)/t (length filter); the
 *     candidates are then verified with the exact Dice. A positional filter drops a candidate as
 *     soon as the bigrams left after the matching positions cannot reach the threshold (PPJoin).
 *     Runs on several threads.
 *  5. joinedSets(): the sets of texts joined by chains of pairs at or above the suggest threshold
 *     (default 0.60), by union-find during the search itself: a candidate already joined to the
 *     probe is not verified, and no pair is stored, so memory stays linear however many pairs there
 *     are (thousands of near-identical texts make millions).
 *  6. groupSets(): in each joined set the medoid is the member with the largest summed similarity to
 *     the others, and a member below the possible threshold (default 0.45) with the medoid is
 *     dropped, so that a chain of small steps does not join unrelated texts. groupPairs() does the
 *     same from a list of pairs.
 *  7. SimilarityIndex: the same sets kept for incremental use: the texts similar to one new text
 *     (through an inverted index over every bigram), in milliseconds at 100,000 problems.
 */

#include <QString>

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace rectrack::core::patterns {

/// Similarity thresholds (register settings pattern_suggest_threshold, pattern_possible_threshold).
struct Thresholds
{
    double suggest = 0.60;  ///< at or above: "same pattern", suggested
    double possible = 0.45; ///< at or above (and below suggest): shown as "possible" for review
};

/// One bigram: two code points, (first << 21) | second.
using Bigram = std::uint64_t;

/// NFKC-normalised @p text keeping only letters (CJK included) and numbers, case folded.
/// "“三重一大”决策" → "三重一大决策"; "Ａ１ b" → "a1b".
QString normalise(const QString &text);

/// The set of character bigrams of normalise(@p text), sorted and without duplicates. A text of one
/// character gives that character paired with 0 (so it is not empty); an empty text gives none.
std::vector<Bigram> bigrams(const QString &text);

/// Dice coefficient of two sorted sets without duplicates (bigrams() or ranked sets): 2·|A∩B| ÷
/// (|A| + |B|), in [0, 1]; 0 when both are empty.
template <typename T> double dice(const std::vector<T> &a, const std::vector<T> &b)
{
    if (a.empty() && b.empty())
        return 0;
    std::size_t i = 0, j = 0, common = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i] < b[j])
            ++i;
        else if (b[j] < a[i])
            ++j;
        else {
            ++common;
            ++i;
            ++j;
        }
    }
    return 2.0 * double(common) / double(a.size() + b.size());
}

/// Dice of the bigram sets of two texts.
double textSimilarity(const QString &a, const QString &b);

/// A pair of texts by their indexes (a < b) with their Dice coefficient.
struct SimilarPair
{
    int a = 0;
    int b = 0;
    double similarity = 0;
};

/**
 * Every pair of @p sets (sorted bigram sets, bigrams()) with Dice ≥ @p threshold (0 < threshold ≤ 1),
 * exactly, sorted by (a, b). Empty sets pair with nothing. @p threads worker threads (≥ 1; 0 = the
 * machine's ideal thread count). Time grows with the number of candidate pairs the filters leave.
 */
std::vector<SimilarPair> similarPairs(const std::vector<std::vector<Bigram>> &sets, double threshold,
                                      int threads = 0);

/// A suggested group: indexes of its members (ascending), its medoid and each member's Dice with it.
struct Group
{
    std::vector<int> members;
    int medoid = -1;
    std::vector<double> similarityToMedoid; ///< parallel to members; 1 for the medoid itself
};

/**
 * The sets of texts joined by chains of pairs with Dice ≥ @p threshold (the connected components of
 * similarPairs(@p sets, @p threshold)), exactly, each of two or more indexes ascending, ordered by
 * their lowest index. @p threads as similarPairs(). Memory O(n) per thread whatever the number of
 * pairs; time grows with the candidates the filters leave, less those already joined.
 */
std::vector<std::vector<int>> joinedSets(const std::vector<std::vector<Bigram>> &sets, double threshold,
                                         int threads = 0);

/**
 * Groups of two or more of @p count texts from given similar @p pairs (every pair to be counted,
 * e.g. similarPairs() at thresholds.possible; a pair not given counts 0): union-find over the pairs ≥
 * thresholds.suggest; in each set the medoid is the member with the largest summed similarity over
 * its given pairs within the set (ties: the lowest index); members whose similarity with the medoid
 * is below thresholds.possible leave the group. Groups ordered by their lowest member.
 */
std::vector<Group> groupPairs(int count, const std::vector<SimilarPair> &pairs, const Thresholds &thresholds);

/**
 * The suggested groups of @p sets from their @p joined sets (joinedSets() at thresholds.suggest): in
 * each, the medoid is the member with the largest summed Dice with every other member, exactly (ties:
 * the lowest index), and members whose Dice with the medoid is below thresholds.possible leave.
 * Groups of two or more, ordered by their lowest member. The same groups as groupPairs() given every
 * pair within the joined sets. Time linear in each set's bigrams times its distinct set sizes.
 */
std::vector<Group> groupSets(const std::vector<std::vector<Bigram>> &sets,
                             const std::vector<std::vector<int>> &joined, const Thresholds &thresholds);

/**
 * The medoid of @p sets (a group's bigram sets): the index of the set with the largest summed Dice
 * with every other, computed exactly without visiting the pairs (time linear in the bigrams times the
 * distinct set sizes); ties within a relative 1e-9 go to the lowest index. -1 when @p sets is empty.
 * The rule of groupSets() and of a confirmed pattern's medoid (PatternService).
 */
int medoid(const std::vector<std::vector<Bigram>> &sets);

/**
 * Bigram sets of many texts kept for incremental similarity: add() a text, similarTo() one text.
 * Keeps an inverted index (bigram → the ids holding it, ascending), so finding the texts similar to a
 * new one reads only the postings of its own bigrams and verifies the exact Dice. Not thread-safe.
 */
class SimilarityIndex
{
public:
    /// Adds (or replaces) the text of @p id.
    void add(qint64 id, const QString &text);
    /// Removes @p id; nothing when absent.
    void remove(qint64 id);
    /// Number of texts held.
    int size() const { return int(m_sets.size()); }

    /// A text similar to the probe, with its Dice.
    struct Match
    {
        qint64 id = 0;
        double similarity = 0;
    };
    /// Ids whose Dice with @p text is ≥ @p threshold, by similarity descending then id; @p except is
    /// left out (the probe's own id).
    std::vector<Match> similarTo(const QString &text, double threshold, qint64 except = 0) const;

private:
    std::unordered_map<qint64, std::vector<Bigram>> m_sets;
    std::unordered_map<Bigram, std::vector<qint64>> m_postings;
};

} // namespace rectrack::core::patterns
