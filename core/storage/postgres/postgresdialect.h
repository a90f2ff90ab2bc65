#pragma once

#include "storage/dialect.h"

struct pg_conn;
struct pg_result;

namespace rectrack::core {

/**
 * A register on a PostgreSQL 15 server (issue #22, ../shared/notes/server.md): the schema of
 * postgresschema.cpp, the version in the schema_version table, write transactions in READ
 * COMMITTED, each taking a transaction-level advisory lock as its first statement, so that writers
 * follow one another as on a file and every statement after the lock sees all earlier commits
 * (under REPEATABLE READ the snapshot would predate the lock and fork the audit chain); read
 * snapshots in REPEATABLE READ READ ONLY; pg_trgm LIKE for text search; the roles and row-level
 * security of accesscontrol.cpp.
 */
class PostgresDialect final : public Dialect
{
public:
    /// The advisory lock key of the audit chain ("RTRK" and 1).
    static constexpr qint64 kAuditChainLock = 0x5254524B00000001;

    Kind kind() const override { return Kind::Server; }
    QStringList createStatements() const override;
    QList<QStringList> migrationSteps() const override;
    int schemaVersion(Database &db) const override;
    QString setSchemaVersion(int version) const override;
    qint64 applicationId(Database &db) const override;
    Result<QStringList> integrityCheck(Database &db) const override;
    QString beginReadSnapshot() const override
    {
        return QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    }
    QString beginTransaction() const override
    {
        return QStringLiteral("BEGIN ISOLATION LEVEL READ COMMITTED");
    }
    Status lockAuditChain(Database &db) const override;
    QString auditHeadQuery() const override
    {
        // rt_audit_head() reads the whole log for a login whose own view of it is its units'.
        return QStringLiteral("SELECT h FROM rt_audit_head() h WHERE h IS NOT NULL");
    }
    QString containsCondition(const QString &column) const override;
    QString containsPattern(const QString &term) const override;
    QString tallyKey(const QString &expr) const override;
    QString tallyValue(const QString &expr) const override { return QStringLiteral("(%1)::text").arg(expr); }
    QString auditProblemId() const override;
    Result<QList<TableColumn>> columns(Database &db, const QString &table) const override;
    Result<QStringList> tables(Database &db) const override;
    Status insertRows(Database &db, const QString &table, const QStringList &columns,
                      const QVariantList &values) const override;
    Status insertBatch(Database &db, const QString &table, const QList<TableColumn> &columns,
                       const QVariantList &values) const override;
    std::unique_ptr<SentBatches> sendBatches(Database &db, QList<RowBatch> batches) const override;
    Status beforeCopy(Database &db) const override;
    Status afterCopy(Database &db) const override;
    bool suspendsTriggers() const override { return false; }
    QString deferFacts(qint64 after) const override;
    QString tallyFill(const QString &condition) const override;
};

namespace postgres {
/// The libpq connection under the server register @p db (Qt's QPSQL driver hands it out), for
/// what QPSQL does not offer (COPY, PQencryptPasswordConn); nullptr on a file register.
pg_conn *libpqHandle(Database &db);
/// The server's error for a libpq command as Database::writeError gives it for the same error
/// through QPSQL (message and SQLSTATE): from @p result (cleared) or, without one, @p conn's;
/// @p context names the statement.
Error libpqError(Database &db, pg_conn *conn, pg_result *result, const QString &context);
} // namespace postgres

} // namespace rectrack::core
