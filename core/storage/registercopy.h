#pragma once

/**
 * Moving a whole register between the backends (issue #22): a file onto the office's server
 * (`rectrack-cli server push FILE URL`) and a server register into a file (`rectrack-cli backup
 * URL DEST`, for hand-off and offline use).
 *
 * Every row of every table is copied as it is: the same integer ids (and the hidden rowids of the
 * two-column-key tables, which the audit log names), the same UUIDs, the audit log entry for entry,
 * so the audit chain, its head hash and every row's last logged state carry over unchanged. The
 * statistics tables (problem_latest_state, problem_facts, problem_tally) are not copied: the
 * destination's own triggers compute them from the copied rows. The destination must be a new
 * register: nothing but what creating it wrote (its standard categories), which is replaced.
 *
 * After the copy, in the same transaction, the destination is checked against the source: the
 * row count of every table, and the caller's own check (the command line compares the statistics
 * by every grouping). Into a file, the copy is verified as a whole (Verifier::verify: chain, rows
 * against their last logged states, statistics tables) and its chain head compared with the
 * source's. Onto a server, re-reading millions of audit entries through Qt's QPSQL took longer
 * than the copy (docs/benchmarks.md), so the source is checked as it is read (every audit entry's
 * hash and link, every evidence file's SHA-256) and the server's rows are compared with the rows
 * sent, table by table, by a digest of their COPY text (postgres/copydigest.h), then the statistics
 * tables against a recomputation. Equal rows and a valid source chain make the same valid chain.
 * What this does not repeat is verify's check of every row against its last logged state: a row
 * changed behind the program's back in the source file is copied as it is, and `verify` of the
 * server register reports it as `verify` of the file would. Any difference rolls everything back.
 */

#include "database.h"

#include <QCoreApplication>

#include <functional>

namespace rectrack::core {

class RegisterCopy
{
    Q_DECLARE_TR_FUNCTIONS(RegisterCopy)
public:
    /// Called with (rows copied so far, rows in all); the copy goes on while it returns true.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    /**
     * Copies register @p from into the new register @p to (see the file comment) in one
     * transaction of @p to, then checks it (and runs @p check, inside that transaction). Errors: InputRefused
     * when @p to already holds data; VerifyFault when a check of the source or of the copy fails
     * (nothing is left in @p to); the database's error when a write fails.
     */
    using Check = std::function<Status(Database &from, Database &to)>;
    static Status copy(Database &from, Database &to, const Check &check = {}, const Progress &progress = {});

    /// The tables copied, parents before children (foreign keys).
    static QStringList tables();
};

} // namespace rectrack::core
