#include "exchangetables.h"

#include "storage/auditlog.h"
#include "workflow/categoryservice.h"

#include <QSet>
#include <QSqlField>
#include <QSqlRecord>

#include <cmath>

namespace rectrack::core::exchange {

namespace {

using Fk = QList<QPair<QString, QString>>;

QPair<QString, QString> fk(const char *column, const char *table)
{
    return {QString::fromLatin1(column), QString::fromLatin1(table)};
}

QList<TableSpec> makeSpecs()
{
    const QString none;
    const QString name = QStringLiteral("name");
    return {
        {QStringLiteral("terms"), none, {}, {}},
        {QStringLiteral("rounds"), none, {fk("term_id", "terms")}, QStringLiteral("label")},
        {QStringLiteral("teams"), none, {}, name},
        {QStringLiteral("units"), none, {}, name},
        {QStringLiteral("term_units"), none, {fk("term_id", "terms"), fk("unit_id", "units")}, {}},
        {QStringLiteral("inspections"),
         none,
         {fk("round_id", "rounds"), fk("unit_id", "units"), fk("team_id", "teams")},
         {}},
        {QStringLiteral("categories"), none, {fk("parent_id", "categories")}, {}},
        {QStringLiteral("problems"),
         none,
         {fk("inspection_id", "inspections"), fk("unit_id", "units"), fk("category_id", "categories"),
          fk("repeats_problem_id", "problems")},
         {}},
        {QStringLiteral("problem_states"), none, {fk("problem_id", "problems")}, {}},
        {QStringLiteral("measures"), none, {fk("problem_id", "problems")}, {}},
        {QStringLiteral("measure_problems"),
         none,
         {fk("measure_id", "measures"), fk("problem_id", "problems")},
         {}},
        {QStringLiteral("progress_entries"),
         none,
         {fk("problem_id", "problems"), fk("measure_id", "measures")},
         {}},
        {QStringLiteral("evidence"),
         none,
         {fk("problem_id", "problems"), fk("measure_id", "measures"), fk("progress_id", "progress_entries")},
         {}},
        {QStringLiteral("reviews"), none, {fk("problem_id", "problems")}, {}},
        {QStringLiteral("extension_requests"),
         none,
         {fk("problem_id", "problems"), fk("measure_id", "measures")},
         {}},
        {QStringLiteral("supervision_actions"),
         none,
         {fk("problem_id", "problems"), fk("unit_id", "units")},
         {}},
        {QStringLiteral("clues"), QStringLiteral("clues"), {fk("inspection_id", "inspections")}, {}},
        {QStringLiteral("referrals"), QStringLiteral("referrals"), {}, {}},
        {QStringLiteral("referral_problems"),
         QStringLiteral("referrals"),
         {fk("referral_id", "referrals"), fk("problem_id", "problems")},
         {}},
        {QStringLiteral("rules_established"),
         QStringLiteral("rules"),
         {fk("problem_id", "problems"), fk("unit_id", "units")},
         {}},
        {QStringLiteral("accountability"),
         QStringLiteral("accountability"),
         {fk("problem_id", "problems"), fk("unit_id", "units")},
         {}},
        {QStringLiteral("funds_recovered"),
         QStringLiteral("accountability"),
         {fk("problem_id", "problems"), fk("unit_id", "units")},
         {}},
        {QStringLiteral("evaluations"),
         QStringLiteral("evaluations"),
         {fk("inspection_id", "inspections"), fk("unit_id", "units")},
         {}},
    };
}

/// Columns that stay local: the integer keys, the row's own UUID (the package's key), the
/// evidence bytes (a file of their own) and links to registers that never travel.
bool localOnly(const QString &column)
{
    static const QSet<QString> kLocal{QStringLiteral("id"), QStringLiteral("rowid"), QStringLiteral("uuid"),
                                      QStringLiteral("data"), QStringLiteral("pattern_id")};
    return kLocal.contains(column);
}

} // namespace

const QList<TableSpec> &tableSpecs()
{
    static const QList<TableSpec> specs = makeSpecs();
    return specs;
}

const TableSpec *specOf(const QString &table)
{
    for (const TableSpec &s : tableSpecs())
        if (s.name == table)
            return &s;
    return nullptr;
}

QList<TableSpec> tablesFor(const QStringList &include)
{
    QList<TableSpec> out;
    for (const TableSpec &s : tableSpecs())
        if (s.group.isEmpty() || include.contains(s.group))
            out << s;
    return out;
}

QList<QPair<QString, QString>> referencesTo(const QString &table)
{
    QList<QPair<QString, QString>> out;
    for (const TableSpec &s : tableSpecs())
        for (const auto &[column, target] : s.foreignKeys)
            if (target == table)
                out.append({s.name, column});
    if (table == QLatin1String("problems"))
        out.append({QStringLiteral("pattern_members"), QStringLiteral("problem_id")});
    return out;
}

const QSet<QString> &standardCategoryUuids()
{
    static const QSet<QString> uuids = [] {
        QSet<QString> s;
        for (const QString &n : CategoryService::standardNames())
            s.insert(CategoryService::standardUuid(n));
        return s;
    }();
    return uuids;
}

QVariant bindOf(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QVariant();
    case QJsonValue::Bool:
        return v.toBool() ? 1 : 0;
    case QJsonValue::Double: {
        const double d = v.toDouble();
        if (std::floor(d) == d && std::fabs(d) < 9007199254740992.0)
            return QVariant(qint64(d));
        return QVariant(d);
    }
    default:
        return v.toVariant().toString();
    }
}

Result<QString> RowReader::uuidOf(const QString &table, qint64 id)
{
    auto &cache = m_uuids[table];
    const auto it = cache.constFind(id);
    if (it != cache.cend())
        return *it;
    auto v = m_db.value(QStringLiteral("SELECT uuid FROM %1 WHERE id = ?").arg(table), {id});
    if (!v)
        return v.error();
    const QString uuid = v->isValid() ? v->toString() : QString();
    cache.insert(id, uuid);
    return uuid;
}

Result<std::optional<QJsonObject>> RowReader::values(const QString &table, const QString &uuid)
{
    const TableSpec *spec = specOf(table);
    std::optional<QSqlRecord> rec;
    const Status s = m_db.forEachRow(QStringLiteral("SELECT * FROM %1 WHERE uuid = ?").arg(table), {uuid},
                                     [&](const SqlRow &r) { rec = r.record(); });
    if (!s)
        return s.error();
    if (!rec)
        return std::optional<QJsonObject>();
    QJsonObject out;
    for (int i = 0; i < rec->count(); ++i) {
        const QString column = rec->fieldName(i);
        if (localOnly(column))
            continue;
        const QVariant v = rec->value(i);
        QString target;
        if (spec)
            for (const auto &[c, t] : spec->foreignKeys)
                if (c == column)
                    target = t;
        if (!target.isEmpty() && !v.isNull()) {
            auto ref = uuidOf(target, v.toLongLong());
            if (!ref)
                return ref.error();
            out.insert(column, ref->isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(*ref));
        } else {
            out.insert(column, AuditLog::jsonOf(v));
        }
    }
    return std::optional<QJsonObject>(out);
}

} // namespace rectrack::core::exchange
