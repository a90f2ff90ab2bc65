#pragma once

/**
 * The check of a register copied onto a server (RegisterCopy, `rectrack-cli server push`): the
 * rows of every table, as COPY's text format writes them, hashed on both sides. The copier hashes
 * each source row as it would send it (copyRowText); the server's rows come back through
 * `COPY (SELECT … ORDER BY key) TO STDOUT` and are hashed as they stream in (copyOutDigest).
 * Equal digests mean the server holds the source's rows value for value, in the same key order:
 * every text character, integer, real, NULL and byte of evidence. This replaces re-reading and
 * re-checking the 1.7 million audit entries of a 100,000-problem register after the copy (about
 * 70 s through Qt's QPSQL, docs/benchmarks.md).
 */

#include "storage/database.h"

#include <QByteArray>
#include <QStringList>
#include <QVariant>

namespace rectrack::core::postgres {

/**
 * Appends one value in COPY's text format (PostgreSQL manual, COPY, "Text Format") to @p out: \N
 * for NULL, bytea as \\x and hex digits, integers in decimal, reals as PostgreSQL's float8 output
 * writes them (the shortest exact digits; fixed notation for decimal exponents from -4 to 14,
 * otherwise d.ddde±XX), text with backslash, tab, newline and carriage return escaped.
 */
void appendCopyValue(QByteArray &out, const QVariant &value);

/// The setting (of one transaction) naming the tables PostgresDialect::beforeCopy() emptied by
/// TRUNCATE, ", "-separated, which copyInStart() copies with FREEZE.
inline constexpr QLatin1String kCopyFrozen("rectrack.copy_frozen");

/**
 * One COPY @p table (@p columns) FROM STDIN on the server register @p db, fed with copyInSend()
 * and ended with copyInEnd(), while nothing else runs on the connection: the rows stream in one
 * statement, and the server stores them while the caller reads the next ones (1,000-row COPY
 * statements, each awaited, left client and server waiting for each other in turn). A table that
 * PostgresDialect::beforeCopy() emptied by TRUNCATE in this transaction is copied with FREEZE: its
 * rows are written frozen and its pages all-visible, so that nothing reads or writes them again
 * to set hint bits, and the closing VACUUM of `server push` has no page left to visit.
 * Errors: the server's, as Database::writeError; Internal on a file register.
 */
Status copyInStart(Database &db, const QString &table, const QStringList &columns);
/// Sends @p rows (COPY text lines, each ending in a newline) of the COPY copyInStart() began.
Status copyInSend(Database &db, const QByteArray &rows);
/// Ends the COPY of @p table: completes it when @p complete, else abandons it (the server
/// discards its rows and reports an error, which is dropped here); then the server's result.
Status copyInEnd(Database &db, const QString &table, bool complete);

/// What copyOutDigest() read back: the rows' digest and their number.
struct CopyDigest
{
    QByteArray sha256; ///< 64 lowercase hex digits
    qint64 rows = 0;
};

/**
 * The SHA-256 of `COPY (SELECT @p columns FROM @p table ORDER BY @p key) TO STDOUT` on the server
 * register @p db, inside its current transaction (bytea written as hex for it), and the number of
 * rows it wrote (each arrives as one piece of copy data).
 * Errors: the server's, as Database::writeError; Internal on a file register.
 */
Result<CopyDigest> copyOutDigest(Database &db, const QString &table, const QStringList &columns,
                                 const QString &key);

} // namespace rectrack::core::postgres
