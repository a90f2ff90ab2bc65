#pragma once

/**
 * The audit log: one row per change (who, when, entity, row id, action, the row before and
 * after as compact JSON), each row's hash = SHA-256 over its content and the previous row's
 * hash, so that changing, inserting or deleting a log row, or changing a register row behind
 * the program's back, is detected by verify() (DESIGN.md §4, `rectrack-cli verify`).
 *
 * Rows are written through the helpers in this file, which take the before/after snapshots
 * inside the caller's transaction; services never write audited tables directly.
 */

#include "database.h"

#include <QJsonObject>
#include <QStringList>
#include <QVariantMap>

#include <optional>

namespace rectrack::core {

class AuditLog
{
    Q_DECLARE_TR_FUNCTIONS(AuditLog)
public:
    /// The row of @p table with rowid @p id as a JSON object (all columns but BLOBs, which are
    /// represented by their sha256 column); an empty object when there is no such row.
    static Result<QJsonObject> snapshot(Database &db, const QString &table, qint64 id);

    /// Inserts a row (a new uuid is added unless @p values has one) and records it. Returns the rowid.
    static Result<qint64> insert(Database &db, const QString &table, QVariantMap values);
    /**
     * Updates the given columns of a row and records before/after. Errors when the row is missing.
     * A row held here for another exchange site (docs/exchange.md "Sites and ownership") is
     * refused (InputRefused naming the owning office, nothing written) unless a HeldRowWrites lives.
     */
    static Status update(Database &db, const QString &table, qint64 id, const QVariantMap &values);
    /// Deletes a row and records it; a row held for another site is refused as in update().
    static Status remove(Database &db, const QString &table, qint64 id);

    /**
     * While one lives on this thread, update() and remove() may change rows held here for another
     * exchange site. Only the exchange import (the owner's package brings the change) and its undo
     * take one: every other writer goes through the refusal (issue #26: the city edits a district's
     * problem in its register, the district's next package would replace the edit silently).
     */
    class HeldRowWrites
    {
    public:
        HeldRowWrites();
        ~HeldRowWrites();
        HeldRowWrites(const HeldRowWrites &) = delete;
        HeldRowWrites &operator=(const HeldRowWrites &) = delete;
        /// Whether one lives on this thread.
        static bool active();
    };

    /// Appends one log entry; @p before / @p after may be empty objects (insert / delete).
    static Status record(Database &db, const QString &entity, qint64 id, const QString &action,
                         const QJsonObject &before, const QJsonObject &after);

    /// Hex SHA-256 that chains an entry to the previous one.
    static QString chainHash(const QString &prevHash, const QString &at, const QString &actor,
                             const QString &entity, qint64 id, const QString &action, const QString &before,
                             const QString &after);

    /// Number of entries in the log.
    static qint64 length(Database &db);

    /// Who last changed a row, and when (the newest entry for it, by sequence).
    struct Change
    {
        QString actor;
        QDateTime at; ///< UTC; invalid when the row has no entry
    };
    /// The newest audit entry of @p table row @p id; an empty Change when there is none.
    static Change lastChange(Database &db, const QString &table, qint64 id);
    /// Time of the newest entry of the whole log (by sequence, not by time); invalid when empty.
    static QDateTime newestTime(Database &db);

    /// previous-hash of the first entry.
    static const QString kGenesisHash;
    /// A column value as it appears in snapshots (integers, reals, text, null).
    static QJsonValue jsonOf(const QVariant &v);
    /// Canonical compact JSON of a snapshot (keys sorted); empty for an empty object.
    static QString compactJson(const QJsonObject &o);
};

/// Findings of a full verification; ok() when no fault was found.
struct VerifyReport
{
    QStringList faults; ///< in the order found: the first broken audit entry comes first
    qint64 auditEntries = 0;
    qint64 rowsChecked = 0;
    qint64 headId = 0; ///< id of the last audit entry (0 when the log is empty)
    QString headHash;  ///< its hash: noted outside the register, it pins the whole history
    bool ok() const { return faults.isEmpty(); }
};

/**
 * An audit entry's hash noted outside the register (in the minutes of a meeting, on paper),
 * as printed by `rectrack-cli verify`. The chain makes every entry's hash depend on all entries
 * before it, so someone who rewrites history and recomputes the whole chain consistently passes
 * the chain check, but cannot keep an anchor's hash: verify with the anchor catches it.
 */
struct AuditAnchor
{
    qint64 entryId = 0;
    QString hash;
    /// Parses "ID:HASH" (as printed by verify); nullopt when malformed.
    static std::optional<AuditAnchor> parse(const QString &text);
};

/**
 * Full verification (`rectrack-cli verify`): PRAGMA integrity_check, the schema (version,
 * application id, tables), the audit chain, every audited row against its last logged state,
 * and every evidence blob against its SHA-256; with an @p anchor, also that the anchored entry
 * still has the noted hash. Runs in one read transaction (one snapshot while others write).
 * Slow on large registers: not run on open.
 *
 * What the chain detects: a log entry changed, removed or inserted; a row changed, inserted or
 * deleted without a matching entry. What it cannot detect alone: someone with the file and this
 * source code who rewrites rows and recomputes every hash from the change to the end. Only a
 * hash kept outside the file (an AuditAnchor) shows that.
 */
class Verifier
{
    Q_DECLARE_TR_FUNCTIONS(Verifier)
public:
    static VerifyReport verify(Database &db, const std::optional<AuditAnchor> &anchor = std::nullopt);
};

} // namespace rectrack::core
