#pragma once

/**
 * Storage of one register: one SQLite file (DESIGN.md §4), or a database on the office's
 * PostgreSQL server (DESIGN.md §11, issue #22). What differs between the two is a Dialect
 * (core/storage/sqlite/, core/storage/postgres/); everything else reads the same.
 *
 * Opening a file runs a cheap check (SQLite header, application id, page count against the
 * file size, schema version) and refuses anything that is not a Rectrack register or is newer
 * than this program. A file of an older schema is copied aside and migrated step by step.
 * Every write goes through a Transaction, which starts with BEGIN IMMEDIATE so that two
 * processes on one file wait for each other (busy timeout) instead of failing half-way.
 * SQLite-specific statements stay in this folder, so that a server backend can follow.
 */

#include "dialect.h"
#include "domain/clock.h"
#include "domain/result.h"
#include "domain/types.h"
#include "filelocation.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

#include <memory>
#include <type_traits>
#include <utility>

namespace rectrack::core {

class Database
{
    Q_DECLARE_TR_FUNCTIONS(Database)
public:
    enum class OpenMode
    {
        Existing,       ///< the file must exist and be a register
        CreateIfMissing ///< create a new register when the file does not exist
    };

    /**
     * Opens (or creates) the register at @p path. Errors: CannotOpen with a message naming
     * the file and the reason (missing, not SQLite, foreign application id, truncated,
     * newer schema, read-only and in need of an upgrade).
     *
     * Where the file lives matters (FileLocationProbe::current()): on a network file system the
     * register runs in rollback-journal mode instead of WAL; a file that cannot be written opens
     * read-only (readOnly(); every write then fails with a clear message); the reasons are in
     * openWarnings().
     */
    static Result<std::unique_ptr<Database>> open(const QString &path, OpenMode mode = OpenMode::Existing);

    /// Whether @p location names a register on a server (a PostgreSQL URL in libpq's form,
    /// "postgresql://…" or "postgres://…") rather than a file. open() takes both.
    static bool isServerLocation(const QString &location);

    /// The cheap check of DESIGN.md §4 on a file without opening it through SQLite: the header
    /// (magic, page size, page count against the file size, application id) and, when there is
    /// one, the write-ahead log (see checkWal()).
    static Status checkFile(const QString &path);

    /**
     * Checks the write-ahead log @p path + "-wal" before SQLite sees it. SQLite replays a WAL up
     * to its first frame that fails its checks and silently drops everything after it (and the
     * last connection's close then checkpoints and deletes the log), so a damaged frame in the
     * middle would lose transactions that were committed. Refused (CannotOpen; neither file is
     * touched, nothing is checkpointed): a WAL whose header is damaged while it holds frames; a
     * WAL in which a valid commit frame of the current generation follows an invalid frame
     * (a bad checksum, a bad page number, or a salt that no longer matches: one flipped bit of a
     * salt made SQLite take the rest of the log for an older generation); and an invalid frame
     * at or below the commit mark of the log's WAL index (-shm), which records how far the log
     * was committed. An invalid last stretch that nothing vouches for as committed is a torn
     * write (a crash before its commit returned) and passes, as SQLite treats it.
     * docs/reliability.md lists the cases and their tests. Reads only.
     */
    static Status checkWal(const QString &path);

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /// The connection, for a statement of the caller's own. Writes on their way in the background
    /// (PendingWrites::settle) are waited for first: the connection is the caller's alone.
    QSqlDatabase &sql()
    {
        if (m_pending)
            m_pending->settle();
        return m_db;
    }
    /// The register's location: the file's path, or the server URL without its password.
    QString path() const { return m_path; }
    /// What differs between the backends; for the storage layer only (services never ask).
    const Dialect &dialect() const { return *m_dialect; }
    /// True for a register on a server: for the command line and the app (where a file's backups,
    /// locks and paths do not apply), never for services.
    bool onServer() const { return m_dialect->kind() == Dialect::Kind::Server; }

    /// A prepared query on this connection.
    QSqlQuery query() const { return QSqlQuery(m_db); }

    /**
     * Runs one statement with positional bindings; returns the executed query, or the error:
     * CannotOpen ("the file … is damaged") for a damaged page (SQLITE_CORRUPT, SQLITE_NOTADB),
     * else writeError(). Read the rows of a SELECT through eachRow() (or use forEachRow()):
     * a bare loop over QSqlQuery::next() ends quietly on an error and gives a shorter answer.
     */
    Result<QSqlQuery> exec(const QString &sql, const QVariantList &binds = {});
    /// A value to bind as both backends store it: booleans as 0/1, dates and times as ISO text.
    static QVariant portableBind(const QVariant &v);

    /**
     * The one way to read the rows of a query (issue #19): calls @p fn with each row of the
     * executed query @p q, in order. @p fn returns void (read every row), bool (false stops
     * early) or Status (an error stops and is returned). An error while stepping to the next row
     * is returned, never taken for the end of the rows: a damaged page gives CannotOpen (exit 4),
     * anything else Internal.
     *
     *     auto q = db.exec("SELECT id, name FROM units WHERE term_id = ?", {termId});
     *     if (!q) return q.error();
     *     if (Status s = db.eachRow(*q, [&](const SqlRow &r) { names << r.text(1); }); !s) return s;
     */
    template <typename Fn> Status eachRow(QSqlQuery &q, Fn &&fn);
    /// exec() and eachRow() in one call.
    template <typename Fn> Status forEachRow(const QString &sql, const QVariantList &binds, Fn &&fn)
    {
        auto q = exec(sql, binds);
        if (!q)
            return q.error();
        return eachRow(*q, std::forward<Fn>(fn));
    }
    /// First column of the first row; an invalid QVariant when there is no row; the error when
    /// the statement or the read fails (damage: CannotOpen).
    Result<QVariant> value(const QString &sql, const QVariantList &binds = {});
    /**
     * First column of the first row, or an invalid QVariant when there is no row or the read
     * failed. For lookups whose caller has no way to carry an error (a label, an id for a
     * click): a read that fails on a damaged page is recorded (damageSeen()), and rectrack-cli
     * refuses to finish a command after one (exit 4, no output). Prefer value() where the
     * caller returns a Result or Status.
     */
    QVariant scalar(const QString &sql, const QVariantList &binds = {});

    /// The error of a query whose next() returned false: ok at the end of the rows, else the
    /// read error (CannotOpen for a damaged page). Used by eachRow().
    Status readStatus(const QSqlQuery &q);
    /// Maps a failed statement's error to the user-facing Error (see exec()).
    Error queryError(const QSqlError &error, const QString &context);
    /// The same for a statement run on the raw sqlite3 handle (BulkInserter, RowReader, the
    /// ledger's sort): @p code is SQLite's (extended) result code, @p text its message.
    Error sqliteError(int code, const QString &text, const QString &context);
    /// True once any register opened by this process met a damaged page while reading, even
    /// where the caller could not return the error (scalar()). rectrack-cli checks it before it
    /// reports success.
    static bool damageSeen();
    /// The message of the first damage seen (empty when none).
    static QString damageMessage();
    /// Forgets the damage (and refusals) seen so far (the app opening another register).
    static void resetDamageSeen();
    /// True once a server refused or lost a statement of this process (a login's role does not
    /// allow a read, issue #23; the connection dropped), even where the caller could not return
    /// the error. rectrack-cli then does not report success (exit 2).
    static bool refusalSeen();
    /// The message of the first refusal seen (empty when none).
    static QString refusalMessage();

    /// Register-wide setting from the meta table, or @p fallback.
    QString meta(const QString &key, const QString &fallback = {}) const;
    /// Writes a setting; call inside a Transaction.
    Status setMeta(const QString &key, const QString &value);

    /// The register's reference date (the default as-of date), or an invalid date.
    QDate referenceDate() const;
    /// The default as-of date: the reference date when set, else the clock's today.
    QDate defaultAsOf() const;

    int schemaVersion() const;

    /// True when the register was opened read-only (see FileLocation): reads work, writes fail.
    bool readOnly() const { return m_location.readOnly; }
    /// Where the file lives, as probed when it was opened.
    const FileLocation &location() const { return m_location; }
    /// Translated warnings about the file's location (network drive, read-only, FAT32 near 4 GB),
    /// for a banner in the app and stderr in the CLI; empty when there is nothing to say.
    QStringList openWarnings() const { return m_openWarnings; }
    /// True when this open created the register's schema (OpenMode::CreateIfMissing on a missing
    /// file); false when the file existed, or when another process created it at the same moment
    /// (then it was opened as an existing register).
    bool createdHere() const { return m_createdHere; }
    /// SQLite's journal mode in use ("wal", or "delete" on a network drive or read-only file).
    QString journalMode() const;

    /// The user-facing error for a failed write: a full disk (SQLITE_FULL) and a read-only
    /// register (SQLITE_READONLY) get messages that say what happened and that nothing already
    /// saved was lost; anything else "Database error: …" with @p context.
    Error writeError(const QSqlError &error, const QString &context) const;

    const Clock &clock() const { return *m_clock; }
    /// Replaces the clock (tests, replay). The database keeps a reference: keep it alive.
    void setClock(const Clock *clock);

    /// Name written into the audit log for changes made through this connection: on a server the
    /// login (the server refuses any other name), on a file the operator's name.
    QString actor() const { return m_actor; }
    /// Sets the operator's name of a file register; ignored on a server, where the login is the actor.
    void setActor(const QString &actor)
    {
        if (!onServer())
            m_actor = actor;
    }
    /// Whether this connection sees every problem of the register: always on a file; on a server
    /// false for a unit login, which sees the problems of its units only (issue #23). Derived
    /// tables that count over all units (problem_tally) are then not read.
    bool seesWholeRegister() const { return m_seesWholeRegister; }
    /// Whether this connection may read @p table: always on a file; on a server as the login's
    /// role allows (issue #23: a unit login does not read the office's registers, clues,
    /// referrals, evaluations, patterns …). For leaving out what a login may not see, never for
    /// telling the backends apart.
    bool mayRead(const QString &table);
    /// The login's role kinds in this register (sysadmin, secadmin, auditor, office, unit, leader;
    /// docs/server.md); empty on a file, where the one operator may do everything.
    QStringList loginRoles() const { return m_loginRoles; }

    /// A new random UUID in the form stored in every uuid column.
    static QString newUuid();

    /// Closes the connection (checkpointing the WAL). Called by the destructor.
    void close();

    /// Whether the connection is up: a file's always is; a server's is false once the server
    /// restarted or the network dropped (libpq's connection status), until reconnect().
    bool connected() const { return m_db.isOpen(); }
    /**
     * Connects to the server again after the connection was lost (issue #24), with the same address
     * and login, and starts the session as open() does (settings, roles, login history). Call it
     * outside any Transaction. Subscriptions to notifications are gone with the old connection:
     * subscribe again. A file: nothing to do. Errors: CannotOpen with the server's reason while it
     * is still unreachable.
     */
    Status reconnect();

    /// Nesting depth of open Transactions (inner ones are savepoints).
    int transactionDepth() const { return m_txDepth; }

    /// Hash of the newest audit-log entry, cached while a write transaction holds the lock (no
    /// other writer can append then); empty when unknown. Used by AuditLog to chain entries.
    QString cachedAuditHead() const { return m_auditHead; }
    void setCachedAuditHead(const QString &hash) { m_auditHead = m_txDepth > 0 ? hash : QString(); }

    /**
     * Writes held back to be sent many rows to a statement (BulkInserter on a server, where every
     * statement is a round trip). While any are held, each statement run through exec(), a
     * savepoint and COMMIT send them first (an error there is that statement's error), and a
     * rollback drops them: nothing reads around them, and a failure anywhere leaves nothing.
     * Some may be on their way already (sent in the background while the writer builds the next
     * rows): sql() waits for them before anyone else uses the connection, and a failure of theirs
     * is the error of the next flush().
     */
    class PendingWrites
    {
    public:
        virtual ~PendingWrites() = default;
        /// Sends everything held back, in the order it has to reach the database, and waits for it.
        virtual Status flush() = 0;
        /// Forgets everything held back (its transaction or savepoint was rolled back).
        virtual void discard() = 0;
        /// Waits for writes on their way in the background (none: returns at once); their failure
        /// is kept for flush().
        virtual void settle() {}
    };
    /// This connection's held-back writes, installed by their first writer (null before).
    PendingWrites *pendingWrites() const { return m_pending.get(); }
    void setPendingWrites(std::unique_ptr<PendingWrites> pending) { m_pending = std::move(pending); }
    /// Sends the held-back writes now (see PendingWrites); ok when there are none.
    Status flushPendingWrites();

private:
    friend class Transaction;
    int m_txDepth = 0;
    QString m_auditHead;
    std::unique_ptr<PendingWrites> m_pending;
    bool m_flushing = false;
    Database() = default;
    static Result<std::unique_ptr<Database>> openFile(const QString &path, OpenMode mode);
    static Result<std::unique_ptr<Database>> openServer(const QString &url, OpenMode mode);
    Status initialise(bool created);
    Status initialiseServer(OpenMode mode);
    /// The login's actor name, roles and view (a server register just opened).
    Status startServerSession();
    /// The session settings of a server connection just opened (time zone, notices).
    Status setUpServerConnection();
    /// writeError() for a statement refused by the server: refusals of the roles and checks of
    /// issue #23 in words, a transient failure marked so, a lost connection said so.
    Error serverError(const QSqlError &error, const QString &context) const;
    Status createSchema();
    Status checkRootPages();
    Status migrate(int from);
    bool openConnection(bool immutable);

    QSqlDatabase m_db;
    std::unique_ptr<Dialect> m_dialect;
    QString m_path;
    QString m_connection;
    QString m_actor;
    bool m_seesWholeRegister = true;
    QStringList m_loginRoles;
    FileLocation m_location;
    QStringList m_openWarnings;
    bool m_createdHere = false;
    /// Read-only opens: whether -wal and -shm existed before this open. SQLite creates them with
    /// the register's (read-only) mode and cannot remove them on close; left behind, they kept
    /// the register read-only after it was made writable again (issue #19). close() removes the
    /// ones this open created.
    bool m_walExisted = true;
    bool m_shmExisted = true;
    Clock m_systemClock;
    const Clock *m_clock = &m_systemClock;
};

/**
 * RAII write transaction: BEGIN IMMEDIATE on construction, ROLLBACK on destruction unless
 * commit() succeeded. One user action = one Transaction. A Transaction opened while another is
 * active becomes a SAVEPOINT, so services compose into one all-or-nothing import.
 */
class Transaction
{
    Q_DECLARE_TR_FUNCTIONS(Transaction)
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    /// Whether BEGIN succeeded; when false, error() says why (e.g. the file is locked).
    bool active() const { return m_active; }
    const Error &error() const { return m_error; }
    Status commit();
    void rollback();

private:
    Database &m_db;
    bool m_active = false;
    QString m_savepoint;
    Error m_error;
};

/// Waits before attempt @p attempt (1, 2, …) of a transaction that failed transiently: a few
/// milliseconds, doubling, with jitter so that two clients do not collide again.
void retryPause(int attempt);

/**
 * Runs @p fn (returning a Result or Status) inside one Transaction; commits on success. The one
 * retry wrapper of every write (issue #23): when the outermost transaction fails transiently
 * (Error::transient: a serialization failure or deadlock on the server), it is rolled back and
 * @p fn runs again from the start, up to 5 times. Inside another transaction (a savepoint) the
 * error goes up to the outer one, which is the one that can run again.
 */
template <typename Fn> auto withTransaction(Database &db, Fn fn) -> decltype(fn())
{
    const bool outermost = db.transactionDepth() == 0;
    for (int attempt = 1;; ++attempt) {
        Error failure;
        {
            Transaction tx(db);
            if (!tx.active()) {
                failure = tx.error();
            } else {
                auto r = fn();
                if (r) {
                    const Status s = tx.commit();
                    if (s)
                        return r;
                    failure = s.error();
                } else {
                    failure = r.error();
                }
            }
        }
        if (!outermost || !failure.transient || attempt == 5)
            return failure;
        retryPause(attempt);
    }
}

/**
 * One row of a query being read by Database::eachRow(); valid only inside the callback.
 * Columns are numbered from 0 in the order of the SELECT list.
 */
class SqlRow
{
public:
    explicit SqlRow(const QSqlQuery &q) : m_q(q) {}
    QVariant value(int column) const { return m_q.value(column); }
    qint64 integer(int column) const { return m_q.value(column).toLongLong(); }
    int int32(int column) const { return m_q.value(column).toInt(); }
    double real(int column) const { return m_q.value(column).toDouble(); }
    QString text(int column) const { return m_q.value(column).toString(); }
    bool isNull(int column) const { return m_q.value(column).isNull(); }
    /// A stored YYYY-MM-DD date, or an invalid QDate for NULL or a malformed value.
    QDate date(int column) const { return QDate::fromString(text(column), Qt::ISODate); }
    /// The whole row (column names and values), e.g. for the audit log's JSON copies.
    QSqlRecord record() const { return m_q.record(); }

private:
    const QSqlQuery &m_q;
};

template <typename Fn> Status Database::eachRow(QSqlQuery &q, Fn &&fn)
{
    using R = std::invoke_result_t<Fn &, const SqlRow &>;
    const SqlRow row(q);
    // The one loop over QSqlQuery::next() (tests/core/test_row_reading.cpp checks that no other
    // remains): next() is false at the end and on an error alike, so the error is looked at.
    for (bool more = q.next(); more; more = q.next()) {
        if constexpr (std::is_void_v<R>) {
            fn(row);
        } else if constexpr (std::is_same_v<R, bool>) {
            if (!fn(row))
                return okStatus();
        } else {
            if (Status s = fn(row); !s)
                return s;
        }
    }
    return readStatus(q);
}

/// A date as stored (YYYY-MM-DD), or NULL when invalid.
inline QVariant sqlDate(const QDate &d)
{
    return d.isValid() ? QVariant(toIso(d)) : QVariant();
}
/// A foreign key, or NULL for 0.
inline QVariant sqlId(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant();
}
/// Text, or NULL when empty.
inline QVariant sqlText(const QString &s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}

} // namespace rectrack::core
