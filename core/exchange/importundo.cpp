// The undo of an applied exchange package (Exchange::undoImport): the app's 撤销 of 导入交换包….
#include "exchange.h"

#include "storage/auditlog.h"
#include "storage/schema.h"

#include <QHash>
#include <QJsonDocument>
#include <QSet>

namespace rectrack::core::exchange {

namespace {

struct Entry
{
    QString entity;
    qint64 rowId = 0;
    QString action;
    QJsonObject before;
    QJsonObject after;
};

QJsonObject parsed(const QString &json)
{
    return json.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(json.toUtf8()).object();
}

/// @p o without the row's `version` counter (an edit and its undo in the app count up a version
/// while the values come back the same).
QJsonObject withoutVersion(QJsonObject o)
{
    o.remove(QStringLiteral("version"));
    return o;
}

/// The columns of snapshot @p o as values to write (the key column left out when @p withKey is false).
QVariantMap valuesOf(const QString &table, const QJsonObject &o, bool withKey)
{
    QVariantMap out;
    const QString key = schema::keyColumn(table);
    for (auto it = o.begin(); it != o.end(); ++it)
        if (withKey || it.key() != key)
            out.insert(it.key(), it.value().isNull() ? QVariant() : it.value().toVariant());
    return out;
}

} // namespace

Status Exchange::undoImport(Database &db, const ImportUndo &undo)
{
    if (undo.empty())
        return Error{ErrorCode::InputRefused, tr("There is no package import to undo.")};
    Transaction tx(db);
    if (!tx.active())
        return tx.error();
    QList<Entry> entries;
    if (const Status s = db.forEachRow(
            QStringLiteral(
                "SELECT entity, entity_id, action, coalesce(before_json, ''), coalesce(after_json, '') "
                "FROM audit_log WHERE id > ? AND id <= ? ORDER BY id DESC"),
            {undo.auditBefore, undo.auditAfter},
            [&](const SqlRow &r) {
                entries << Entry{r.text(0), r.integer(1), r.text(2), parsed(r.text(3)), parsed(r.text(4))};
            });
        !s)
        return s;
    // Nothing the import wrote may have changed since: each row as the import's last entry left it.
    QSet<QString> checked;
    for (const Entry &e : std::as_const(entries)) {
        const QString key = e.entity + u'#' + QString::number(e.rowId);
        if (checked.contains(key))
            continue;
        checked.insert(key);
        auto now = AuditLog::snapshot(db, e.entity, e.rowId);
        if (!now)
            return now.error();
        if (withoutVersion(*now) != withoutVersion(e.after))
            return Error{
                ErrorCode::InputRefused,
                tr("The package import cannot be undone: the record %1 #%2 it wrote was changed since.")
                    .arg(e.entity)
                    .arg(e.rowId)};
    }
    {
        // The package's rows are held for their owner: the undo writes them as the import did.
        AuditLog::HeldRowWrites heldRows;
        for (const Entry &e : std::as_const(entries)) {
            Status s = okStatus();
            if (e.action == QLatin1String("insert")) {
                s = AuditLog::remove(db, e.entity, e.rowId);
            } else if (e.action == QLatin1String("update")) {
                QVariantMap values = valuesOf(e.entity, e.before, false);
                const QString uuid = e.before.value(QLatin1String("uuid")).toString();
                if (e.entity == QLatin1String("evidence") && undo.evidenceData.contains(uuid))
                    values.insert(QStringLiteral("data"), undo.evidenceData.value(uuid));
                s = AuditLog::update(db, e.entity, e.rowId, values);
            } else {
                QVariantMap values = valuesOf(e.entity, e.before, true);
                const QString uuid = e.before.value(QLatin1String("uuid")).toString();
                if (e.entity == QLatin1String("evidence"))
                    values.insert(QStringLiteral("data"), undo.evidenceData.value(uuid));
                auto added = AuditLog::insert(db, e.entity, values);
                if (!added)
                    s = added.error();
            }
            if (!s)
                return s;
        }
    }
    // The bookkeeping as it was: rows the import began to hold are let go, those it changed restored.
    QHash<QString, QVariantList> now;
    if (const Status s = db.forEachRow(
            QStringLiteral("SELECT uuid, entity, owner_site, version, deleted, alias_of FROM exchange_rows"),
            {},
            [&](const SqlRow &r) {
                now.insert(r.text(0),
                           {r.value(0), r.value(1), r.value(2), r.value(3), r.value(4), r.value(5)});
            });
        !s)
        return s;
    auto same = [](const QVariantList &a, const QVariantList &b) {
        for (qsizetype i = 0; i < a.size(); ++i)
            if (a.at(i).isNull() != b.at(i).isNull() || a.at(i).toString() != b.at(i).toString())
                return false;
        return true;
    };
    for (const QVariantList &row : undo.heldBefore) {
        const QString uuid = row.at(0).toString();
        const auto it = now.constFind(uuid);
        if (it != now.cend() && same(*it, row)) {
            now.remove(uuid);
            continue;
        }
        now.remove(uuid);
        if (auto r = db.exec(
                QStringLiteral("INSERT INTO exchange_rows (uuid, entity, owner_site, version, deleted, "
                               "alias_of) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (uuid) DO UPDATE SET "
                               "entity = excluded.entity, owner_site = excluded.owner_site, version = "
                               "excluded.version, deleted = excluded.deleted, alias_of = "
                               "excluded.alias_of"),
                row);
            !r)
            return r.error();
    }
    for (auto it = now.cbegin(); it != now.cend(); ++it)
        if (auto r = db.exec(QStringLiteral("DELETE FROM exchange_rows WHERE uuid = ?"), {it.key()}); !r)
            return r.error();
    return tx.commit();
}

} // namespace rectrack::core::exchange
