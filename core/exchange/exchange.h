#pragma once

/**
 * Exchange packages between registers (issue #25, DESIGN.md §12, docs/exchange.md).
 *
 * A package carries the latest state of every row this site owns that the receiving site has
 * not acknowledged, keyed by UUID (foreign keys as UUIDs), with tombstones for deleted rows,
 * evidence files under their SHA-256, a signed manifest, a sequence number and this register's
 * audit-chain head. Ownership: a row is this site's own unless exchange_rows names another owner
 * (the rows taken in from packages); the standard categories (name-based UUIDs, the same in every
 * register) belong to no site and never travel.
 *
 * Versions: a row's version is the id of the newest entry of the owner's audit log that names the
 * row's UUID (every change of a register row goes through the audit log, on both backends, in
 * commit order: one writer at a time). The receiver keeps the version it last applied per UUID
 * (exchange_rows) and applies a row only when the package's version is newer; equal or older ones
 * are unchanged, so replayed, duplicated and reordered packages change nothing, and a stale package
 * cannot bring back a deleted row. Rows are written through AuditLog (insert, update, remove), the
 * same path every service uses, so the statistics tables and the receiver's audit chain stay right
 * and `verify` passes.
 */

#include "storage/database.h"

#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QStringList>

namespace rectrack::core::exchange {

/// What `exchange export` builds.
struct ExportOptions
{
    QString to;           ///< the receiving site: office name or site UUID
    QString output;       ///< a folder (the file is named there) or a .rtx file path
    bool evidence = true; ///< false: evidence files left out, their hashes kept (--no-evidence)
    QStringList include;  ///< optional registers: clues, referrals, rules, accountability, evaluations
    bool full = false;    ///< every row this site owns, acknowledged or not (--full)
    /// The security marking (密级/知悉范围, e.g. 内部资料; --marking): in the manifest and 说明.txt,
    /// shown at import. Empty: none.
    QString marking;
};

/// A package written.
struct ExportResult
{
    QString file;     ///< the path written
    QString receiver; ///< office name
    qint64 seq = 0;
    QString sha256;  ///< of the whole file
    qint64 rows = 0; ///< rows, tombstones included
    qint64 tombstones = 0;
    qint64 evidenceFiles = 0;
    bool rebuilt = false; ///< nothing changed since the last package to that site: the same package again
    qint64 decisions = 0; ///< decisions on conflicts with the receiver sent back (cumulative)
};

/// Counts of one unit (or of the reference data, unit "") in an import.
struct ImportCounts
{
    qint64 added = 0;
    qint64 updated = 0;
    qint64 deleted = 0;
    qint64 unchanged = 0;
    qint64 conflicts = 0;
};

/// What `exchange import` did (or would do, in a dry run).
struct ImportResult
{
    enum class Outcome
    {
        Applied,        ///< rows applied (or, in a dry run, would be)
        AlreadyCovered, ///< the sequence is not newer than the last one applied from that site
    };
    Outcome outcome = Outcome::Applied;
    QString sender;            ///< office name
    QString senderFingerprint; ///< of the key that signed the package
    qint64 seq = 0;
    qint64 lastApplied = 0;  ///< the last sequence applied from that sender before this import
    bool trustedNow = false; ///< the sender's key was accepted with this import
    qint64 evidenceAwaited =
        0;           ///< evidence rows left for later: their file is neither in the package nor here
    QString marking; ///< the package's security marking (密级/知悉范围), empty for none
    qint64 decisionsReceived = 0;  ///< the sender's decisions on conflicts about our rows, new ones
    qint64 possibleDuplicates = 0; ///< units of the sender named as a unit of another site here (new pairs)
    QMap<QString, ImportCounts> byUnit; ///< by unit name; "" = reference data and rows of no unit
    ImportCounts total;
};

/// What Exchange::undoImport needs to take one applied package back, filled by importPackage.
struct ImportUndo
{
    qint64 auditBefore = 0; ///< the newest audit entry before the import (0: an empty log)
    qint64 auditAfter = 0;  ///< the newest audit entry the import wrote (== auditBefore: it wrote none)
    /// exchange_rows as it was: uuid, entity, owner_site, version, deleted, alias_of of each row.
    QList<QVariantList> heldBefore;
    /// The files of the evidence rows here that the package changes or deletes, by evidence UUID
    /// (the audit snapshots name a file by its SHA-256 only).
    QHash<QString, QByteArray> evidenceData;
    bool empty() const { return auditAfter <= auditBefore; }
};

/// A package file whose archive, signature and every entry's SHA-256 and size were checked
/// (Exchange::checkPackage): what `exchange inspect` prints; no register involved.
struct CheckedPackage
{
    QString fileName;
    QByteArray bytes;
    QString sha256; ///< of the whole file
    QJsonObject manifest;
    QByteArray manifestJson;
    QByteArray publicKey; ///< the sender's, from the manifest (the one that verified the signature)
    QString fingerprint;  ///< of publicKey
    QHash<QString, QByteArray> entries;
};

class Exchange
{
    Q_DECLARE_TR_FUNCTIONS(rectrack::core::exchange::Exchange)
public:
    /// The optional registers `--include` takes.
    static QStringList optionalRegisters();

    /**
     * Builds the package for @p options.to and writes it. A receiver not yet known is added as a
     * partner by office name (its first package is addressed by name). When nothing changed since
     * the last package to that site (the same rows and acknowledgement), the same package is built
     * again, byte for byte, under the same sequence. Errors: InputRefused (not set up, an unknown
     * --include, the output not writable), nothing written then.
     */
    static Result<ExportResult> exportPackage(Database &db, const ExportOptions &options);

    /**
     * Reads the package file @p path and checks, without a register, that the archive is intact
     * (rebuilt byte for byte), the manifest's signature matches the key it names, and every entry
     * matches its SHA-256 and size in the manifest with none unlisted. InputRefused with the reason
     * otherwise. Whether the key is the one the sender is known by is the import's check.
     */
    static Result<CheckedPackage> checkPackage(const QString &path);

    /**
     * Checks the package file @p path and applies it in one transaction. Refused (InputRefused,
     * nothing written) when the archive, the signature, a hash, the format or schema version, or the
     * receiver is wrong, when the sender is this site, when the sender is not yet trusted and
     * @p trust is false (the message gives the fingerprint to compare), and when a known sender's
     * package is signed by another key. A sequence not newer than the last applied from that sender
     * is AlreadyCovered and changes nothing. @p dryRun does everything and rolls it back. With
     * @p undo, an applied import also fills it with what undoImport needs to take it back.
     */
    static Result<ImportResult> importPackage(Database &db, const QString &path, bool dryRun, bool trust,
                                              ImportUndo *undo = nullptr);

    /**
     * Takes an applied package back (the app's 撤销 of 导入交换包…), in one transaction through the
     * audit log: every audit entry the import wrote is reverted, newest first (an added row removed,
     * an updated one written back, a deleted one, with its evidence file, inserted again), and the
     * exchange bookkeeping (exchange_rows) is restored, so the package counts as not received and
     * can be imported again. Each revert leaves an audit entry: the history shows the import and its
     * undoing. InputRefused, nothing changed, when a row the import wrote was changed since (by a
     * person or another package) or @p undo is empty.
     */
    static Status undoImport(Database &db, const ImportUndo &undo);

    /// The canonical form of every row this register holds of the exchanged tables (optional
    /// registers included), by UUID: the row as a package carries it (foreign keys as UUIDs), for
    /// comparing registers (tests, `exchange status`). Owner: this site's UUID or the owner's.
    struct HeldRow
    {
        QString table;
        QString owner;
        QString json;
    };
    static Result<QMap<QString, HeldRow>> heldRows(Database &db);
};

} // namespace rectrack::core::exchange
