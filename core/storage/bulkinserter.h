#pragma once

#include "database.h"
#include "sha256.h"

#include <QCoreApplication>
#include <QStringList>
#include <QVariantList>

#include <algorithm>

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
 *
 * On a server every statement is a round trip (about 120 µs on the same machine; two a row made a
 * 10,000-row import take 16–21 s), so rows are held back and sent many to a statement: the ids
 * are drawn from the table's identity sequence ahead (one `SELECT nextval(…) FROM
 * generate_series(1, n)` for the rows expect() announced, else one id at a time), each row and its
 * audit entry (hashed here, in chain order) wait in the connection's Database::PendingWrites, and
 * they are sent by Dialect::insertBatch (one INSERT of up to 4,000 rows with one bound array a
 * column: nothing for the server to parse) before any other statement of the connection, at a
 * savepoint and at COMMIT, or when 4,000 entries wait: the tables in the order of
 * schema::auditedTables(), so a row's parent is there before it, then the audit entries, in chain
 * order, ids ascending. A rollback drops them. Outside a Transaction each insert is sent at once.
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

    /// About @p rows more rows will follow (an upper bound: the ids of rows that do not come are
    /// skipped on a server). On a server their ids are drawn in one statement, at most this many
    /// (and 10,000) at a time; without it one a row. Nothing changes on a file.
    void expect(qint64 rows) { m_expected = std::max<qint64>(rows, 0); }

private:
    Result<qint64> insertRaw(const QVariantList &values);
    /// The server path: the row and its audit entry held back in the connection's pending writes.
    Result<qint64> insertHeld(const QVariantList &values);
    /// The next id of the table's identity sequence, drawn ahead (see expect()).
    Result<qint64> nextId();
    /// Fills m_utf8 and m_jsonText for @p values (the UTF-8 text of each string value).
    void prepareText(const QVariantList &values);
    /// The row's snapshot into m_json (as AuditLog::compactJson writes it).
    void buildJson(const QVariantList &values, qint64 id, const QByteArray &uuid);
    /// The next step of the audit chain for row @p id with snapshot m_json: the previous hash
    /// into @p prev, the entry's hash returned (and cached as the head).
    Result<QByteArray> chainStep(qint64 id, QByteArray &prev);
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
    // On a server: rows held back (Database::PendingWrites), ids drawn ahead.
    bool m_held = false;
    QList<TableColumn> m_heldColumns;  // the key unless bound, the caller's columns, the uuid unless bound
    QList<TableColumn> m_auditColumns; // audit_log's, in the order of the held entries' values
    QString m_keyColumn;
    int m_keyBound = -1; // index of the key among the caller's values, -1 when drawn here
    QList<qint64> m_ids; // drawn, not used yet (ascending; next at m_nextId)
    qsizetype m_nextId = 0;
    qint64 m_expected = 0; // rows announced by expect() and not inserted yet
    QString m_at;
    int m_boundCount = 0; // columns the caller binds
    // Raw path: constant parts of the audit entries (bound once), per-row buffers reused.
    QByteArray m_atUtf8, m_actorUtf8, m_tableUtf8, m_actionUtf8;
    QByteArray m_hashMiddle; // ␟at␟actor␟entity␟
    QByteArray m_hashAction; // ␟insert␟␟
    QByteArrayList m_utf8;   // per bound value: its UTF-8 text, when bound as such
    QList<bool> m_utf8Valid; // per bound value: m_utf8 holds its text
    QList<bool> m_jsonText;  // per bound value: text written into the snapshot as is
    std::string m_json;
    Sha256 m_sha;
};

} // namespace rectrack::core
