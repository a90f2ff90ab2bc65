#include "sqlitedialect.h"

#include "storage/database.h"
#include "storage/schema.h"

namespace rectrack::core {

QStringList SqliteDialect::createStatements() const
{
    return schema::createStatements();
}

QList<QStringList> SqliteDialect::migrationSteps() const
{
    return schema::migrationSteps();
}

int SqliteDialect::schemaVersion(Database &db) const
{
    const QVariant v = db.scalar(QStringLiteral("PRAGMA user_version"));
    return v.isValid() ? v.toInt() : -1;
}

QString SqliteDialect::setSchemaVersion(int version) const
{
    return QStringLiteral("PRAGMA user_version=%1").arg(version);
}

qint64 SqliteDialect::applicationId(Database &db) const
{
    return db.scalar(QStringLiteral("PRAGMA application_id")).toLongLong();
}

Result<QStringList> SqliteDialect::integrityCheck(Database &db) const
{
    QStringList faults;
    const Status s = db.forEachRow(QStringLiteral("PRAGMA integrity_check"), {}, [&](const SqlRow &r) {
        if (r.text(0) != QLatin1String("ok"))
            faults << r.text(0);
    });
    if (!s)
        return s.error();
    return faults;
}

QString SqliteDialect::containsCondition(const QString &column) const
{
    return QStringLiteral("instr(%1, ?) > 0").arg(column);
}

QString SqliteDialect::tallyFill(const QString &condition) const
{
    return schema::problemTallyFill(condition);
}

QString SqliteDialect::tallyKey(const QString &expr) const
{
    return QStringLiteral("quote(%1)").arg(expr);
}

QString SqliteDialect::auditProblemId() const
{
    return QStringLiteral(
        "coalesce(json_extract(after_json, '$.problem_id'), json_extract(before_json, '$.problem_id'))");
}

Result<QList<TableColumn>> SqliteDialect::columns(Database &db, const QString &table) const
{
    QList<TableColumn> out;
    const Status s =
        db.forEachRow(QStringLiteral("PRAGMA table_info(%1)").arg(table), {}, [&](const SqlRow &info) {
            out << TableColumn{info.text(1), info.text(2).toUpper() == QLatin1String("BLOB"), info.text(4),
                               info.text(1) == QLatin1String("id") && info.int32(5) == 1};
        });
    if (!s)
        return s.error();
    return out;
}

Result<QStringList> SqliteDialect::tables(Database &db) const
{
    QStringList out;
    const Status s =
        db.forEachRow(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name "
                                     "NOT LIKE 'sqlite%' ORDER BY name"),
                      {}, [&](const SqlRow &r) { out << r.text(0); });
    if (!s)
        return s.error();
    return out;
}

Status SqliteDialect::insertRows(Database &db, const QString &table, const QStringList &columns,
                                 const QVariantList &values) const
{
    if (values.isEmpty())
        return okStatus();
    const QString row = QStringLiteral("(") + QStringList(columns.size(), QStringLiteral("?")).join(u',') +
                        QStringLiteral(")");
    const QString sql =
        QStringLiteral("INSERT INTO %1 (%2) VALUES %3")
            .arg(table, columns.join(u','), QStringList(values.size() / columns.size(), row).join(u','));
    if (auto r = db.exec(sql, values); !r)
        return r.error();
    return okStatus();
}

} // namespace rectrack::core
