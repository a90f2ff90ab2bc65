#include "bulkinserter.h"

#include "auditlog.h"

#include <QJsonObject>
#include <QSqlError>

#include <algorithm>

namespace rectrack::core {

namespace {

QVariant parseDefault(const QVariant &dflt)
{
    if (dflt.isNull())
        return QVariant();
    QString text = dflt.toString().trimmed();
    if (text.startsWith(u'\'') && text.endsWith(u'\'') && text.size() >= 2)
        return text.mid(1, text.size() - 2).replace(QStringLiteral("''"), QStringLiteral("'"));
    bool ok = false;
    const qlonglong i = text.toLongLong(&ok);
    if (ok)
        return i;
    const double d = text.toDouble(&ok);
    if (ok)
        return d;
    return QVariant();
}

/// Appends @p v as AuditLog::compactJson would write AuditLog::jsonOf(@p v), byte for byte.
/// Returns false for what the direct path does not reproduce (doubles, and text needing JSON
/// escapes or holding lone surrogates); the caller then takes the QJsonObject path.
bool appendJson(QByteArray &out, const QVariant &v)
{
    if (v.isNull()) {
        out += "null";
        return true;
    }
    switch (v.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
    case QMetaType::ULongLong:
    case QMetaType::UInt:
        out += QByteArray::number(v.toLongLong());
        return true;
    case QMetaType::Double:
        return false;
    default:
        break;
    }
    const QString text = v.toString();
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u == u'"' || u == u'\\' || c.isSurrogate())
            return false;
    }
    out += '"';
    out += text.toUtf8();
    out += '"';
    return true;
}

} // namespace

BulkInserter::BulkInserter(Database &db, const QString &table, const QStringList &columns)
    : m_db(db), m_table(table), m_insert(db.sql()), m_audit(db.sql())
{
    auto info = db.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table));
    QStringList insertColumns = columns;
    m_addUuid = !columns.contains(QStringLiteral("uuid"));
    while (info && info->next()) {
        const QString name = info->value(1).toString();
        const QString type = info->value(2).toString().toUpper();
        m_tableColumns << name;
        m_skip << (type == QLatin1String("BLOB"));
        m_defaults << parseDefault(info->value(4));
        if (name == QLatin1String("id") && info->value(5).toInt() == 1)
            m_sourceIndex << -2;
        else if (name == QLatin1String("uuid") && m_addUuid)
            m_sourceIndex << -3;
        else
            m_sourceIndex << int(columns.indexOf(name));
    }
    if (m_addUuid)
        insertColumns << QStringLiteral("uuid");
    // QJsonObject writes its keys sorted; the direct JSON path writes them in that order.
    for (int c = 0; c < m_tableColumns.size(); ++c) {
        if (!m_skip[c])
            m_jsonOrder << c;
    }
    std::sort(m_jsonOrder.begin(), m_jsonOrder.end(),
              [this](int a, int b) { return m_tableColumns[a] < m_tableColumns[b]; });
    for (int c = 0; c < m_tableColumns.size(); ++c)
        m_jsonKeys << '"' + m_tableColumns[c].toUtf8() + "\":";
    QStringList marks;
    for (int i = 0; i < insertColumns.size(); ++i)
        marks << QStringLiteral("?");
    m_insert.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                         .arg(table, insertColumns.join(u','), marks.join(u',')));
    m_audit.prepare(
        QStringLiteral("INSERT INTO audit_log (at, actor, entity, entity_id, action, before_json, "
                       "after_json, prev_hash, hash) VALUES (?,?,?,?,?,NULL,?,?,?)"));
    m_at = db.clock().now().toUTC().toString(Qt::ISODateWithMs);
}

Result<qint64> BulkInserter::insert(const QVariantList &values)
{
    QString uuid;
    for (int i = 0; i < values.size(); ++i)
        m_insert.bindValue(i, values[i]);
    if (m_addUuid) {
        uuid = Database::newUuid();
        m_insert.bindValue(int(values.size()), uuid);
    }
    if (!m_insert.exec())
        return Error{ErrorCode::Internal,
                     tr("Database error: %1 (%2)").arg(m_insert.lastError().text(), m_table)};
    const qint64 id = m_insert.lastInsertId().toLongLong();

    auto valueOf = [&](int c) -> QVariant {
        const int src = m_sourceIndex[c];
        if (src == -2)
            return id;
        if (src == -3)
            return uuid;
        if (src >= 0)
            return values[src];
        return m_defaults[c];
    };
    // The snapshot as AuditLog::compactJson writes it: built directly as UTF-8 (most of the cost
    // of a bulk insert was the QJsonObject round trip), else through QJsonObject.
    QByteArray json;
    json.reserve(512);
    json += '{';
    bool direct = true;
    for (int c : std::as_const(m_jsonOrder)) {
        if (json.size() > 1)
            json += ',';
        json += m_jsonKeys[c];
        if (!appendJson(json, valueOf(c))) {
            direct = false;
            break;
        }
    }
    json += '}';
    QString a;
    if (direct && !m_jsonOrder.isEmpty()) {
        a = QString::fromUtf8(json);
    } else {
        QJsonObject after;
        for (int c : std::as_const(m_jsonOrder))
            after.insert(m_tableColumns[c], AuditLog::jsonOf(valueOf(c)));
        a = AuditLog::compactJson(after);
    }
    QString prev = m_db.cachedAuditHead();
    if (prev.isEmpty()) {
        const QVariant head =
            m_db.scalar(QStringLiteral("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1"));
        prev = head.isValid() ? head.toString() : AuditLog::kGenesisHash;
    }
    const QString hash =
        AuditLog::chainHash(prev, m_at, m_db.actor(), m_table, id, QStringLiteral("insert"), QString(), a);
    m_audit.bindValue(0, m_at);
    m_audit.bindValue(1, m_db.actor());
    m_audit.bindValue(2, m_table);
    m_audit.bindValue(3, id);
    m_audit.bindValue(4, QStringLiteral("insert"));
    m_audit.bindValue(5, a);
    m_audit.bindValue(6, prev);
    m_audit.bindValue(7, hash);
    if (!m_audit.exec())
        return Error{ErrorCode::Internal,
                     tr("Database error: %1 (%2)").arg(m_audit.lastError().text(), m_table)};
    m_db.setCachedAuditHead(hash);
    return id;
}

} // namespace rectrack::core
