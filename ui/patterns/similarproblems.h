#pragma once

#include "patterns/similarity.h"
#include "storage/database.h"

#include <QCoreApplication>

namespace rectrack::ui {

/**
 * The "similar problems" section of the problem detail pane (issue #27): the problems whose text
 * is similar to the shown one (Dice of character bigrams, core/patterns/similarity.h), those at or
 * above the suggest threshold as "same pattern", those between the possible and the suggest
 * threshold as "possible", each with its unit, round, state, similarity and the confirmed pattern
 * holding it.
 *
 * The bigram index of the register's problems is built once per open register and then kept up to
 * date incrementally: every call reads the problems changed since (the audit log's entries for
 * problems after the last one seen) and re-indexes only those, so a new problem is found at once.
 */
class SimilarProblems
{
    Q_DECLARE_TR_FUNCTIONS(SimilarProblems)
public:
    /// How many similar problems the section lists (the most similar first; the heading gives the
    /// number of all of them): a common text can have thousands, and each listed one is read
    /// from the register on the window's thread.
    static constexpr int kShown = 10;
    /// The section as HTML (a heading, the first kShown similar problems, "… and N more";
    /// "none" when there are none).
    static QString html(core::Database &db, qint64 problemId);
    /// The index of @p db's live problems, brought up to date (see above).
    static const core::patterns::SimilarityIndex &index(core::Database &db);
    /// Forgets the index (the register was closed).
    static void reset();
};

} // namespace rectrack::ui
