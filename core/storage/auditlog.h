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

namespace rectrack::core {

class AuditLog
{
    Q_DECLARE_TR_FUNCTIONS(AuditLog)
public:
    /// The row of @p table with rowid @p id as a JSON object (all columns but BLOBs, which are
    /// represented by their sha256 column); an empty object when there is no such row.
    static QJsonObject snapshot(Database &db, const QString &table, qint64 id);

    /// Inserts a row (a new uuid is added unless @p values has one) and records it. Returns the rowid.
    static Result<qint64> insert(Database &db, const QString &table, QVariantMap values);
    /// Updates the given columns of a row and records before/after. Errors when the row is missing.
    static Status update(Database &db, const QString &table, qint64 id, const QVariantMap &values);
    /// Deletes a row and records it.
    static Status remove(Database &db, const QString &table, qint64 id);

    /// Appends one log entry; @p before / @p after may be empty objects (insert / delete).
    static Status record(Database &db, const QString &entity, qint64 id, const QString &action,
                         const QJsonObject &before, const QJsonObject &after);

    /// Hex SHA-256 that chains an entry to the previous one.
    static QString chainHash(const QString &prevHash, const QString &at, const QString &actor,
                             const QString &entity, qint64 id, const QString &action, const QString &before,
                             const QString &after);

    /// Number of entries in the log.
    static qint64 length(Database &db);

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
    QStringList faults;
    qint64 auditEntries = 0;
    qint64 rowsChecked = 0;
    bool ok() const { return faults.isEmpty(); }
};

/**
 * Full verification (`rectrack-cli verify`): PRAGMA integrity_check, the schema (version,
 * application id, tables), the audit chain, every audited row against its last logged state,
 * and every evidence blob against its SHA-256. Slow on large registers: not run on open.
 */
class Verifier
{
    Q_DECLARE_TR_FUNCTIONS(Verifier)
public:
    static VerifyReport verify(Database &db);
};

} // namespace rectrack::core
