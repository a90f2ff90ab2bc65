#include "sqlitedialect.h"

#include "storage/database.h"
#include "storage/schema.h"

#include <algorithm>

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
                               info.text(1) == QLatin1String("id") && info.int32(5) == 1, info.text(2)};
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

Status SqliteDialect::insertBatch(Database &db, const QString &table, const QList<TableColumn> &columns,
                                  const QVariantList &values) const
{
    const qsizetype width = columns.size();
    if (values.isEmpty() || width == 0)
        return okStatus();
    QStringList names;
    for (const TableColumn &c : columns)
        names << c.name;
    // A QByteArray is bytes only for a binary column: elsewhere it is UTF-8 text.
    QVariantList binds;
    binds.reserve(values.size());
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QVariant &v = values[i];
        binds << (v.typeId() == QMetaType::QByteArray && !columns[i % width].blob
                      ? QVariant(QString::fromUtf8(v.toByteArray()))
                      : v);
    }
    // SQLite takes at most 32,766 bound values a statement.
    const qsizetype perStatement = std::max<qsizetype>(1, 32766 / width) * width;
    for (qsizetype start = 0; start < binds.size(); start += perStatement) {
        if (const Status s = insertRows(db, table, names, binds.mid(start, perStatement)); !s)
            return s;
    }
    return okStatus();
}

} // namespace rectrack::core
