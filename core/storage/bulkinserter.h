#pragma once

#include "database.h"
#include "sha256.h"

#include <QCoreApplication>
#include <QStringList>
#include <QVariantList>

#include <string>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace rectrack::core {

/**
 * Fast, audited inserts of many rows into one table (synthetic registers, large imports).
 * The INSERT is prepared once; the audit-log entry of each row is built from the bound values
 * (all columns of the table, in table order, id included) instead of re-reading the row, and the
 * hash chain is continued in memory. The result is the same as AuditLog::insert row by row, so
 * Verifier::verify accepts it. On SQLite the two INSERTs are prepared on the connection's own
 * sqlite3 handle and bound as the QSQLITE driver binds (storage-only, like the rest of SQLite). Use inside
 * one Transaction; not for tables with BLOB columns other than evidence.data (left out of the snapshot as
 * everywhere).
 */
class BulkInserter
{
    Q_DECLARE_TR_FUNCTIONS(BulkInserter)
public:
    /// Prepares inserts into @p table; @p columns are the columns the caller binds, in that
    /// order (uuid is added automatically when not listed). Other columns take their defaults.
    BulkInserter(Database &db, const QString &table, const QStringList &columns);
    ~BulkInserter();
    BulkInserter(const BulkInserter &) = delete;
    BulkInserter &operator=(const BulkInserter &) = delete;

    /// Inserts one row; @p values match the columns given to the constructor. Returns the rowid.
    Result<qint64> insert(const QVariantList &values);

private:
    Result<qint64> insertRaw(const QVariantList &values);
    /// The value of table column @p column in the row of @p values (its id, uuid or default).
    QVariant valueOf(int column, const QVariantList &values, qint64 id, const QString &uuid) const;
    /// The row's snapshot through QJsonObject (AuditLog::compactJson): the path for what the
    /// direct UTF-8 writer does not reproduce.
    QString objectJson(const QVariantList &values, qint64 id, const QString &uuid) const;
    /// The hash of the newest audit entry (cached while the transaction lasts).
    Result<QString> chainHead();

    Database &m_db;
    QString m_table;
    QStringList m_tableColumns; // all columns in table order
    QList<int> m_sourceIndex;   // per table column: index into bound values, -1 = default, -2 = id, -3 = uuid
    QVariantList m_defaults;    // per table column
    QList<bool> m_skip;         // BLOB columns left out of snapshots
    QList<int> m_jsonOrder;     // snapshot columns in key order (as QJsonObject sorts them)
    std::vector<std::string> m_jsonKeys; // per table column: "name":
    bool m_addUuid = false;
    Status m_columnsRead = okStatus(); // reading the table's columns failed: every insert fails
    // On SQLite: statements on the connection's handle (m_handle); else the QSqlQuery pair.
    sqlite3 *m_handle = nullptr;
    sqlite3_stmt *m_rawInsert = nullptr;
    sqlite3_stmt *m_rawAudit = nullptr;
    QSqlQuery m_insert;
    QSqlQuery m_audit;
    QString m_at;
    int m_boundCount = 0; // columns the caller binds
    // Raw path: constant parts of the audit entries (bound once), per-row buffers reused.
    QByteArray m_atUtf8, m_actorUtf8, m_tableUtf8, m_actionUtf8;
    QByteArray m_hashMiddle; // ␟at␟actor␟entity␟
    QByteArray m_hashAction; // ␟insert␟␟
    QByteArrayList m_utf8;   // per bound value: its UTF-8 text, when bound as such
    QList<bool> m_jsonText;  // per bound value: text written into the snapshot as is
    std::string m_json;
    Sha256 m_sha;
};

} // namespace rectrack::core
