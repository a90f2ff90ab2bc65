#pragma once

/**
 * Synthetic registers for scale tests and benchmarks (`rectrack-cli generate`, DESIGN.md §8):
 * one term (2016-11-01 … 2021-10-31), 36 round batches, one unit per 25 problems (plus 5% of the
 * must-cover list not inspected yet), four aspects of categories, three measures and ten dated
 * progress entries per problem, one small evidence file per hundred problems, and states and
 * deadlines in realistic proportions for the time since feedback. Deterministic for a seed.
 * Every row goes through the audit log (BulkInserter), so `verify` passes on the result.
 */

#include "storage/database.h"

#include <QCoreApplication>

#include <functional>

namespace rectrack::core {

class SyntheticRegister
{
    Q_DECLARE_TR_FUNCTIONS(SyntheticRegister)
public:
    /// Reference date written into generated registers (the end of the term).
    static QDate referenceDate() { return QDate(2021, 10, 31); }

    /**
     * Fills an empty register with @p problems problems in one transaction. @p progress, when
     * given, is called with (done, total) problems every 1,000 problems.
     * Errors: InputRefused when the register is not empty or @p problems < 1.
     */
    static Status generate(Database &db, int problems, quint32 seed = 1,
                           const std::function<void(int, int)> &progress = {});
};

} // namespace rectrack::core
