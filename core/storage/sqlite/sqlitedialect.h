#pragma once

#include "storage/dialect.h"

namespace rectrack::core {

/**
 * The register file's dialect (SQLite 3.40, Debian 12): the schema of schema.cpp, PRAGMA
 * user_version for the version, BEGIN IMMEDIATE (one writer at a time, others wait out the busy
 * timeout), FTS5 trigram tables for text search, quote() keys in problem_tally.
 */
class SqliteDialect final : public Dialect
{
public:
    Kind kind() const override { return Kind::File; }
    QStringList createStatements() const override;
    QList<QStringList> migrationSteps() const override;
    int schemaVersion(Database &db) const override;
    QString setSchemaVersion(int version) const override;
    qint64 applicationId(Database &db) const override;
    Result<QStringList> integrityCheck(Database &db) const override;
    QString beginReadSnapshot() const override { return QStringLiteral("BEGIN"); }
    QString beginTransaction() const override { return QStringLiteral("BEGIN IMMEDIATE"); }
    Status lockAuditChain(Database &) const override { return okStatus(); }
    QString auditHeadQuery() const override
    {
        return QStringLiteral("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1");
    }
    QString containsCondition(const QString &column) const override;
    QString containsPattern(const QString &term) const override { return term; }
    QString tallyKey(const QString &expr) const override;
    QString tallyValue(const QString &expr) const override { return expr; }
    QString auditProblemId() const override;
    Result<QList<TableColumn>> columns(Database &db, const QString &table) const override;
    Result<QStringList> tables(Database &db) const override;
    Status insertRows(Database &db, const QString &table, const QStringList &columns,
                      const QVariantList &values) const override;
    Status insertBatch(Database &db, const QString &table, const QList<TableColumn> &columns,
                       const QVariantList &values) const override;
    Status beforeCopy(Database &) const override { return okStatus(); } // no checking triggers
    Status afterCopy(Database &) const override { return okStatus(); }  // rowids follow max(rowid)
    bool suspendsTriggers() const override { return true; }
    QString deferFacts(qint64) const override { return {}; }
    QString tallyFill(const QString &condition) const override;
};

} // namespace rectrack::core
