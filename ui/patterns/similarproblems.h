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
    /// The section as HTML (a heading and a list; "none" when there are none).
    static QString html(core::Database &db, qint64 problemId);
    /// The index of @p db's live problems, brought up to date (see above).
    static const core::patterns::SimilarityIndex &index(core::Database &db);
    /// Forgets the index (the register was closed).
    static void reset();
};

} // namespace rectrack::ui
