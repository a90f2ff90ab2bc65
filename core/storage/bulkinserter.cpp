#include "bulkinserter.h"

#include "auditlog.h"

#include <QCryptographicHash>
#include <QJsonObject>
#include <QSqlDriver>
#include <QSqlError>

#include <sqlite3.h>

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

/// Binds @p v to parameter @p i (1-based) as Qt's QSQLITE driver does (QSQLiteResult::exec): null,
/// blob, integer, double, else text. Returns the SQLite result code.
int bindLikeQt(sqlite3_stmt *stmt, int i, const QVariant &v)
{
    if (v.isNull())
        return sqlite3_bind_null(stmt, i);
    switch (v.typeId()) {
    case QMetaType::QByteArray: {
        const QByteArray *ba = static_cast<const QByteArray *>(v.constData());
        return sqlite3_bind_blob(stmt, i, ba->constData(), int(ba->size()), SQLITE_TRANSIENT);
    }
    case QMetaType::Int:
    case QMetaType::Bool:
        return sqlite3_bind_int(stmt, i, v.toInt());
    case QMetaType::Double:
        return sqlite3_bind_double(stmt, i, v.toDouble());
    case QMetaType::UInt:
    case QMetaType::LongLong:
        return sqlite3_bind_int64(stmt, i, v.toLongLong());
    case QMetaType::ULongLong:
        return sqlite3_bind_int64(stmt, i, qint64(v.toULongLong()));
    case QMetaType::QString: {
        const QString *str = static_cast<const QString *>(v.constData());
        return sqlite3_bind_text16(stmt, i, str->unicode(), int(str->size() * sizeof(QChar)),
                                   SQLITE_TRANSIENT);
    }
    default: {
        // QDateTime, QDate, QTime and the rest as text, as the driver's default branch.
        const QString str = v.toString();
        return sqlite3_bind_text16(stmt, i, str.unicode(), int(str.size() * sizeof(QChar)), SQLITE_TRANSIENT);
    }
    }
}

int bindText(sqlite3_stmt *stmt, int i, const QString &s)
{
    return sqlite3_bind_text16(stmt, i, s.unicode(), int(s.size() * sizeof(QChar)), SQLITE_TRANSIENT);
}

/// Runs a bound statement to completion and resets it; false on error (message in @p error).
bool stepOnce(sqlite3 *handle, sqlite3_stmt *stmt, QString *error)
{
    const int rc = sqlite3_step(stmt);
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    if (rc == SQLITE_DONE)
        return true;
    *error = QString::fromUtf8(sqlite3_errmsg(handle));
    return false;
}

} // namespace

BulkInserter::~BulkInserter()
{
    sqlite3_finalize(m_rawInsert);
    sqlite3_finalize(m_rawAudit);
}

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
    const QString insertSql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                                  .arg(table, insertColumns.join(u','), marks.join(u','));
    const QString auditSql =
        QStringLiteral("INSERT INTO audit_log (at, actor, entity, entity_id, action, "
                       "before_json, after_json, prev_hash, hash) VALUES (?,?,?,?,?,NULL,?,?,?)");
    m_at = db.clock().now().toUTC().toString(Qt::ISODateWithMs);
    // On SQLite, the statements run on the connection's own handle: QSqlQuery's binding (a
    // formatted placeholder name and a hash lookup per value) was a fifth of an import's time.
    const QVariant handle = db.sql().driver() ? db.sql().driver()->handle() : QVariant();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
        m_handle = *static_cast<sqlite3 *const *>(handle.constData());
    if (m_handle &&
        sqlite3_prepare_v2(m_handle, insertSql.toUtf8().constData(), -1, &m_rawInsert, nullptr) ==
            SQLITE_OK &&
        sqlite3_prepare_v2(m_handle, auditSql.toUtf8().constData(), -1, &m_rawAudit, nullptr) == SQLITE_OK)
        return;
    sqlite3_finalize(m_rawInsert);
    sqlite3_finalize(m_rawAudit);
    m_rawInsert = m_rawAudit = nullptr;
    m_handle = nullptr;
    m_insert.prepare(insertSql);
    m_audit.prepare(auditSql);
}

Result<qint64> BulkInserter::insert(const QVariantList &values)
{
    QString uuid;
    if (m_addUuid)
        uuid = Database::newUuid();
    qint64 id = 0;
    if (m_handle) {
        QString error;
        for (int i = 0; i < values.size(); ++i)
            bindLikeQt(m_rawInsert, i + 1, values[i]);
        if (m_addUuid)
            bindText(m_rawInsert, int(values.size()) + 1, uuid);
        if (!stepOnce(m_handle, m_rawInsert, &error))
            return Error{ErrorCode::Internal, tr("Database error: %1 (%2)").arg(error, m_table)};
        id = sqlite3_last_insert_rowid(m_handle);
    } else {
        for (int i = 0; i < values.size(); ++i)
            m_insert.bindValue(i, values[i]);
        if (m_addUuid)
            m_insert.bindValue(int(values.size()), uuid);
        if (!m_insert.exec())
            return Error{ErrorCode::Internal,
                         tr("Database error: %1 (%2)").arg(m_insert.lastError().text(), m_table)};
        id = m_insert.lastInsertId().toLongLong();
    }

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
    QByteArray after;
    if (direct && !m_jsonOrder.isEmpty()) {
        after = json;
    } else {
        QJsonObject object;
        for (int c : std::as_const(m_jsonOrder))
            object.insert(m_tableColumns[c], AuditLog::jsonOf(valueOf(c)));
        after = AuditLog::compactJson(object).toUtf8();
    }
    QString prev = m_db.cachedAuditHead();
    if (prev.isEmpty()) {
        const QVariant head =
            m_db.scalar(QStringLiteral("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1"));
        prev = head.isValid() ? head.toString() : AuditLog::kGenesisHash;
    }
    // AuditLog::chainHash over the same text, fed as UTF-8 without building it as one QString.
    const QChar sep(0x1f);
    const QString action = QStringLiteral("insert");
    QCryptographicHash sha(QCryptographicHash::Sha256);
    sha.addData(QString(prev + sep + m_at + sep + m_db.actor() + sep + m_table + sep + QString::number(id) +
                        sep + action + sep + sep)
                    .toUtf8());
    sha.addData(after);
    const QString hash = QString::fromLatin1(sha.result().toHex());
    if (m_handle) {
        bindText(m_rawAudit, 1, m_at);
        bindText(m_rawAudit, 2, m_db.actor());
        bindText(m_rawAudit, 3, m_table);
        sqlite3_bind_int64(m_rawAudit, 4, id);
        bindText(m_rawAudit, 5, action);
        sqlite3_bind_text(m_rawAudit, 6, after.constData(), int(after.size()), SQLITE_TRANSIENT);
        bindText(m_rawAudit, 7, prev);
        bindText(m_rawAudit, 8, hash);
        QString error;
        if (!stepOnce(m_handle, m_rawAudit, &error))
            return Error{ErrorCode::Internal, tr("Database error: %1 (%2)").arg(error, m_table)};
    } else {
        m_audit.bindValue(0, m_at);
        m_audit.bindValue(1, m_db.actor());
        m_audit.bindValue(2, m_table);
        m_audit.bindValue(3, id);
        m_audit.bindValue(4, action);
        m_audit.bindValue(5, QString::fromUtf8(after));
        m_audit.bindValue(6, prev);
        m_audit.bindValue(7, hash);
        if (!m_audit.exec())
            return Error{ErrorCode::Internal,
                         tr("Database error: %1 (%2)").arg(m_audit.lastError().text(), m_table)};
    }
    m_db.setCachedAuditHead(hash);
    return id;
}

} // namespace rectrack::core
