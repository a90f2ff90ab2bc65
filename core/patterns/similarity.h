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
 *  5. groupPairs() / groupSets(): joins the pairs at or above the suggest threshold (default 0.60) by
 * union-find; in each group the medoid is the member with the largest summed similarity to the others (pairs
 * below the possible threshold count 0), and a member below the possible threshold (default 0.45) with the
 * medoid is dropped, so that a chain of small steps does not join unrelated texts.
 *  6. SimilarityIndex: the same sets kept for incremental use: the texts similar to one new text
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
 * Groups of two or more of @p count texts from their similar @p pairs (similarPairs() at
 * thresholds.possible or lower): union-find over the pairs ≥ thresholds.suggest; in each set the
 * medoid is the member with the largest summed similarity over the given pairs ≥ thresholds.possible
 * (ties: the lowest index); members whose similarity with the medoid is below thresholds.possible
 * leave the group. Groups ordered by their lowest member.
 */
std::vector<Group> groupPairs(int count, const std::vector<SimilarPair> &pairs, const Thresholds &thresholds);

/**
 * groupPairs() for @p sets from their @p pairs at or above the suggest threshold (similarPairs() at
 * thresholds.suggest, cheaper than at the possible threshold): the pairs within each joined set that
 * reach thresholds.possible are computed exactly (Dice of every two members) for the medoid and its
 * check. Time grows with the square of the largest joined set.
 */
std::vector<Group> groupSets(const std::vector<std::vector<Bigram>> &sets,
                             const std::vector<SimilarPair> &pairs, const Thresholds &thresholds);

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
