#pragma once

/**
 * What differs between the two storage backends of a register (DESIGN.md §11, issue #22): a
 * register file (SQLite, core/storage/sqlite/) or a register on the office's PostgreSQL server
 * (core/storage/postgres/). Everything else in core is written once, in the SQL both speak
 * (CTEs, window functions, `INSERT … RETURNING id`, `ON CONFLICT`), and never asks which backend it
 * runs on: only the storage layer (Database, AuditLog, the search and statistics tables) calls a
 * Dialect.
 *
 * Each answer is either a statement, a piece of SQL, or an action on the open connection.
 */

#include "domain/result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <memory>

namespace rectrack::core {

class Database;

/// A column of a register table as the bulk writers need it.
struct TableColumn
{
    QString name;
    bool blob = false;   ///< binary data (evidence files): left out of audit snapshots
    QString defaultSql;  ///< the default as an SQL literal ('text', 1, 0.5), empty when none
    bool rowKey = false; ///< the integer primary key the database assigns (id)
    QString type;        ///< the declared SQL type ("bigint", "text"; a file's as declared)
};

/// Rows of one table for Dialect::insertBatch / sendBatches: one value per column a row, one row
/// after another.
struct RowBatch
{
    QString table;
    QList<TableColumn> columns;
    QVariantList values;
};

/// Batches of rows on their way to the database (Dialect::sendBatches).
class SentBatches
{
public:
    virtual ~SentBatches() = default;
    /// Waits until the database has taken or refused every batch; the first refusal as
    /// Dialect::insertBatch gives it (the batches after it are not sent). Call it before any other
    /// use of the connection, and only once.
    virtual Status wait() = 0;
};

class Dialect
{
public:
    enum class Kind
    {
        File,  ///< SQLite: one file on one desk (or a share, in rollback-journal mode)
        Server ///< PostgreSQL 15 on the office's intranet server
    };

    virtual ~Dialect() = default;
    virtual Kind kind() const = 0;

    /// Statements that create the current schema in an empty register, one per entry.
    virtual QStringList createStatements() const = 0;
    /// Upgrade steps: entry i takes a register from version i + 1 to i + 2.
    virtual QList<QStringList> migrationSteps() const = 0;
    /// The schema version stored in the register (-1 when none can be read).
    virtual int schemaVersion(Database &db) const = 0;
    /// Statement that stores @p version as the register's schema version.
    virtual QString setSchemaVersion(int version) const = 0;

    /// The application id stored in the register (schema::kApplicationId for a Rectrack register).
    virtual qint64 applicationId(Database &db) const = 0;
    /// The database's own consistency check (pages, indexes): one line per fault, none when sound.
    virtual Result<QStringList> integrityCheck(Database &db) const = 0;

    /// The statement that starts a read transaction seeing one snapshot (verify, backups).
    virtual QString beginReadSnapshot() const = 0;
    /// The statement that starts a write transaction (one user action).
    virtual QString beginTransaction() const = 0;
    /// Serialises writers: called by Transaction right after beginTransaction() (and again, a
    /// no-op then, before the audit chain's head is read). One writer at a time, as on a file: the
    /// audit chain is one sequence anyway, and a check made inside the transaction (a row's
    /// version, a unique number, the statistics rows) then still holds when its write commits.
    /// Readers are never blocked. A no-op where the database itself admits one writer.
    virtual Status lockAuditChain(Database &db) const = 0;
    /// The statement giving the hash of the newest audit-log entry (no row when the log is empty),
    /// whatever part of the log the login may read.
    virtual QString auditHeadQuery() const = 0;

    /// SQL condition: text column @p column contains the bound parameter (one `?`), which the
    /// caller binds to containsPattern(term). Uses the trigram index where the term allows.
    virtual QString containsCondition(const QString &column) const = 0;
    /// The bound value for containsCondition().
    virtual QString containsPattern(const QString &term) const = 0;

    /// SQL expression: the key of problem_tally for the value of expression @p expr (distinct for
    /// NULL, '' and numbers, as GROUP BY keeps them).
    virtual QString tallyKey(const QString &expr) const = 0;
    /// SQL expression: the value of expression @p expr as problem_tally.value holds it (untyped in a
    /// file; text on a server).
    virtual QString tallyValue(const QString &expr) const = 0;
    /// SQL expression over audit_log: the problem_id in an entry's after or before snapshot (the
    /// expression of the audit_problem index, repeated verbatim by its queries).
    virtual QString auditProblemId() const = 0;

    /// The columns of @p table in their order, without the server's rowid key column (which a file
    /// keeps hidden).
    virtual Result<QList<TableColumn>> columns(Database &db, const QString &table) const = 0;
    /// Names of the tables of the register (no internal tables of the database itself).
    virtual Result<QStringList> tables(Database &db) const = 0;
    /// Adds rows to @p table (RegisterCopy): @p values holds the rows one after another, each with
    /// one value per entry of @p columns, in that order (values.size() a multiple of
    /// columns.size()). Triggers fire as for INSERT. A file takes one multi-row INSERT (at most
    /// 32,766 values); a server takes COPY … FROM STDIN through libpq, because Qt's QPSQL sends each
    /// INSERT value as an escaped literal (about 65 µs a row, docs/benchmarks.md). Errors as
    /// Database::writeError.
    virtual Status insertRows(Database &db, const QString &table, const QStringList &columns,
                              const QVariantList &values) const = 0;
    /// Adds rows to @p table by INSERT (BulkInserter's batches on a server), so that row-level
    /// security, the constraints and every trigger apply as to any INSERT; insertRows' COPY is
    /// refused under row-level security. @p values holds the rows one after another, one value per
    /// entry of @p columns (as columns() gives them, type included); the rows go in in that order,
    /// so an identity column draws their ids in it. Values are stored as Database::portableBind
    /// binds them; a QByteArray is bytes for a binary column and UTF-8 text for any other. A
    /// server binds one binary text[] array per column to one `INSERT … SELECT … FROM unnest()`
    /// through libpq, so that it parses no literal (a 1,000-row VALUES list cost as much in
    /// PostgreSQL's parser and planner as the insert itself, docs/benchmarks.md); a file takes
    /// multi-row INSERTs. Errors as Database::queryError, nothing of the batch kept.
    virtual Status insertBatch(Database &db, const QString &table, const QList<TableColumn> &columns,
                               const QVariantList &values) const = 0;
    /// insertBatch() for each of @p batches in turn, where the backend can in the background: a
    /// server sends them from a thread of their own while the caller goes on building the next
    /// rows (the client's work then overlaps the server's, docs/benchmarks.md); the caller must not
    /// use the connection until the result's wait() (Database::sql() waits), nor run an event loop
    /// meanwhile (Qt's QPSQL reads a subscribed notification on the connection from it). A file
    /// adds them at once (this default).
    virtual std::unique_ptr<SentBatches> sendBatches(Database &db, QList<RowBatch> batches) const;
    /// Before rows are copied into a new, empty register (RegisterCopy, inside its transaction):
    /// a server suspends the row triggers that only guard other writers (the audit chain check,
    /// the live-update notifications), which cost about as much as the copy itself at 100,000
    /// problems (docs/benchmarks.md). afterCopy() restores them in the same transaction.
    virtual Status beforeCopy(Database &db) const = 0;
    /// After rows were copied in with their own ids (RegisterCopy): the next ids continue after them,
    /// and what beforeCopy() suspended is restored.
    virtual Status afterCopy(Database &db) const = 0;
    /// Whether bulk writers may drop and recreate the statistics and search triggers around a
    /// large insert (a file: one writer; a server: never DDL while others work).
    virtual bool suspendsTriggers() const = 0;
    /// Where triggers stay during a bulk insert (suspendsTriggers() false): the statement that makes
    /// the statistics triggers of this transaction leave out the problems with an id above
    /// @p after, whose problem_facts and problem_tally rows ProblemFactsDeferral then fills once, in
    /// grouped statements (row by row, every new problem would update the same few problem_tally
    /// rows again and again); @p after < 0 ends that. Empty where the triggers are suspended.
    virtual QString deferFacts(qint64 after) const = 0;
    /// The statement adding the problem_facts rows that @p condition (SQL over `problem_facts f`)
    /// selects to problem_tally (schema::problemTallyFill in this backend's SQL).
    virtual QString tallyFill(const QString &condition) const = 0;
};

} // namespace rectrack::core
