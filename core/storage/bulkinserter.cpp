#include "bulkinserter.h"

#include "schema.h"

#include "auditlog.h"
#include "sha256.h"

#include <QJsonObject>
#include <QSqlDriver>
#include <QSqlError>

#include <sqlite3.h>

#include <algorithm>
#include <charconv>

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

/// Appends @p n in decimal (QByteArray::number formats through a generic path: 2% of an import).
void appendNumber(std::string &out, qint64 n)
{
    char digits[24];
    const auto r = std::to_chars(digits, digits + sizeof digits, n);
    out.append(digits, size_t(r.ptr - digits));
}

/// Appends @p v as AuditLog::compactJson would write AuditLog::jsonOf(@p v), byte for byte.
/// Returns false for what the direct path does not reproduce (doubles, and text needing JSON
/// escapes or holding lone surrogates); the caller then takes the QJsonObject path.
bool appendJson(std::string &out, const QVariant &v)
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
        appendNumber(out, v.toLongLong());
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
    const QByteArray utf8 = text.toUtf8();
    out += '"';
    out.append(utf8.constData(), size_t(utf8.size()));
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

/// What a text needs: JSON escapes (control characters, '"', '\\'), or UTF-16 binding (any
/// surrogate: Qt's UTF-8 conversion and SQLite's differ on lone ones, so such text is bound as
/// the driver binds it).
struct TextTraits
{
    bool escapes = false;
    bool surrogates = false;
};

TextTraits traitsOf(const QString &text)
{
    TextTraits t;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u == u'"' || u == u'\\')
            t.escapes = true;
        else if (c.isSurrogate())
            t.surrogates = true;
    }
    return t;
}

/// Runs a bound statement to completion and resets it; false on error (message in @p error).
bool stepOnce(sqlite3 *handle, sqlite3_stmt *stmt, QString *error)
{
    // Every parameter is bound again before the next step (or constant): no clear_bindings.
    const int rc = sqlite3_step(stmt);
    sqlite3_reset(stmt);
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
    QStringList insertColumns = columns;
    m_addUuid = !columns.contains(QStringLiteral("uuid"));
    const auto tableColumns = db.dialect().columns(db, table);
    m_columnsRead = tableColumns ? okStatus() : Status(tableColumns.error());
    for (const TableColumn &column : tableColumns ? *tableColumns : QList<TableColumn>()) {
        m_tableColumns << column.name;
        m_skip << column.blob;
        m_defaults << parseDefault(column.defaultSql.isEmpty() ? QVariant() : QVariant(column.defaultSql));
        if (column.rowKey)
            m_sourceIndex << -2;
        else if (column.name == QLatin1String("uuid") && m_addUuid)
            m_sourceIndex << -3;
        else
            m_sourceIndex << int(columns.indexOf(column.name));
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
        m_jsonKeys.push_back('"' + m_tableColumns[c].toStdString() + "\":");
    QStringList marks;
    for (int i = 0; i < insertColumns.size(); ++i)
        marks << QStringLiteral("?");
    QString insertSql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
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
    m_boundCount = int(columns.size());
    if (m_handle &&
        sqlite3_prepare_v2(m_handle, insertSql.toUtf8().constData(), -1, &m_rawInsert, nullptr) ==
            SQLITE_OK &&
        sqlite3_prepare_v2(m_handle, auditSql.toUtf8().constData(), -1, &m_rawAudit, nullptr) == SQLITE_OK) {
        // The constant parts of every audit entry, bound once and kept (SQLITE_STATIC: members).
        const char sep = '\x1f';
        m_atUtf8 = m_at.toUtf8();
        m_actorUtf8 = m_db.actor().toUtf8();
        m_tableUtf8 = m_table.toUtf8();
        m_actionUtf8 = QByteArrayLiteral("insert");
        m_hashMiddle = sep + m_atUtf8 + sep + m_actorUtf8 + sep + m_tableUtf8 + sep;
        m_hashAction = sep + m_actionUtf8 + sep + sep;
        sqlite3_bind_text(m_rawAudit, 1, m_atUtf8.constData(), int(m_atUtf8.size()), SQLITE_STATIC);
        sqlite3_bind_text(m_rawAudit, 2, m_actorUtf8.constData(), int(m_actorUtf8.size()), SQLITE_STATIC);
        sqlite3_bind_text(m_rawAudit, 3, m_tableUtf8.constData(), int(m_tableUtf8.size()), SQLITE_STATIC);
        sqlite3_bind_text(m_rawAudit, 5, m_actionUtf8.constData(), int(m_actionUtf8.size()), SQLITE_STATIC);
        m_json.reserve(1024);
        return;
    }
    sqlite3_finalize(m_rawInsert);
    sqlite3_finalize(m_rawAudit);
    m_rawInsert = m_rawAudit = nullptr;
    m_handle = nullptr;
    // Another driver (the server): the key comes back with the row, never from lastInsertId()
    // (lastval() there is the last id any trigger drew). Results whole, not row by row: the audit
    // insert follows on the same connection.
    m_insert.setForwardOnly(false);
    m_insert.prepare(insertSql + QStringLiteral(" RETURNING ") + schema::keyColumn(table));
    m_audit.prepare(auditSql);
}

QVariant BulkInserter::valueOf(int column, const QVariantList &values, qint64 id, const QString &uuid) const
{
    const int src = m_sourceIndex[column];
    if (src == -2)
        return id;
    if (src == -3)
        return uuid;
    if (src >= 0)
        return values[src];
    return m_defaults[column];
}

QString BulkInserter::objectJson(const QVariantList &values, qint64 id, const QString &uuid) const
{
    QJsonObject object;
    for (int c : std::as_const(m_jsonOrder))
        object.insert(m_tableColumns[c], AuditLog::jsonOf(valueOf(c, values, id, uuid)));
    return AuditLog::compactJson(object);
}

Result<QString> BulkInserter::chainHead()
{
    const QString cached = m_db.cachedAuditHead();
    if (!cached.isEmpty())
        return cached;
    if (const Status s = m_db.dialect().lockAuditChain(m_db); !s)
        return s.error();
    auto head = m_db.value(QStringLiteral("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1"));
    if (!head)
        return head.error();
    return head->isValid() ? head->toString() : QString(AuditLog::kGenesisHash);
}

Result<qint64> BulkInserter::insert(const QVariantList &values)
{
    if (values.size() != m_boundCount) // a programming error: no translation
        return Error{ErrorCode::Internal,
                     tr("Database error: %1 (%2)")
                         .arg(QStringLiteral("%1 values for %2 columns").arg(values.size()).arg(m_boundCount),
                              m_table)};
    if (!m_columnsRead)
        return m_columnsRead.error();
    if (m_handle)
        return insertRaw(values);
    QString uuid;
    if (m_addUuid)
        uuid = Database::newUuid();
    for (int i = 0; i < values.size(); ++i)
        m_insert.bindValue(i, Database::portableBind(values[i]));
    if (m_addUuid)
        m_insert.bindValue(int(values.size()), uuid);
    if (!m_insert.exec() || !m_insert.first())
        return m_db.queryError(m_insert.lastError(), m_table);
    const qint64 id = m_insert.value(0).toLongLong();

    const QString after = objectJson(values, id, uuid);
    auto head = chainHead();
    if (!head)
        return head.error();
    const QString prev = *head;
    const QString action = QStringLiteral("insert");
    const QString hash = AuditLog::chainHash(prev, m_at, m_db.actor(), m_table, id, action, QString(), after);
    m_audit.bindValue(0, m_at);
    m_audit.bindValue(1, m_db.actor());
    m_audit.bindValue(2, m_table);
    m_audit.bindValue(3, id);
    m_audit.bindValue(4, action);
    m_audit.bindValue(5, after.isEmpty() ? QVariant() : QVariant(after));
    m_audit.bindValue(6, prev);
    m_audit.bindValue(7, hash);
    if (!m_audit.exec())
        return m_db.queryError(m_audit.lastError(), m_table);
    m_db.setCachedAuditHead(hash);
    return id;
}

Result<qint64> BulkInserter::insertRaw(const QVariantList &values)
{
    // Each text value is converted to UTF-8 once and used twice: bound (SQLite stores UTF-8; text
    // bound as UTF-16 was converted by SQLite, 16% of an import) and written into the snapshot.
    const int n = int(values.size());
    m_utf8.resize(n);
    m_jsonText.resize(n);
    for (int i = 0; i < n; ++i) {
        const QVariant &v = values[i];
        m_jsonText[i] = false;
        if (v.typeId() == QMetaType::QString && !v.isNull()) {
            const QString *text = static_cast<const QString *>(v.constData());
            const TextTraits t = traitsOf(*text);
            if (!t.surrogates) {
                m_utf8[i] = text->toUtf8();
                m_jsonText[i] = !t.escapes;
                sqlite3_bind_text(m_rawInsert, i + 1, m_utf8[i].constData(), int(m_utf8[i].size()),
                                  SQLITE_STATIC);
                continue;
            }
        }
        bindLikeQt(m_rawInsert, i + 1, v);
    }
    const QByteArray uuid = m_addUuid ? Database::newUuid().toLatin1() : QByteArray();
    if (m_addUuid)
        sqlite3_bind_text(m_rawInsert, n + 1, uuid.constData(), int(uuid.size()), SQLITE_STATIC);
    QString error;
    if (!stepOnce(m_handle, m_rawInsert, &error))
        return m_db.sqliteError(sqlite3_extended_errcode(m_handle), error, m_table);
    const qint64 id = sqlite3_last_insert_rowid(m_handle);

    // The snapshot as AuditLog::compactJson writes it: built directly as UTF-8 (most of the cost
    // of a bulk insert was the QJsonObject round trip), else through QJsonObject.
    std::string &json = m_json;
    json.clear();
    json += '{';
    bool direct = true;
    for (int c : std::as_const(m_jsonOrder)) {
        if (json.size() > 1)
            json += ',';
        json += m_jsonKeys[size_t(c)];
        const int src = m_sourceIndex[c];
        if (src == -2) {
            appendNumber(json, id);
        } else if (src == -3) {
            json += '"';
            json.append(uuid.constData(), size_t(uuid.size()));
            json += '"';
        } else if (src >= 0 && m_jsonText[src]) {
            json += '"';
            json.append(m_utf8[src].constData(), size_t(m_utf8[src].size()));
            json += '"';
        } else if (!appendJson(json, src >= 0 ? values[src] : m_defaults[c])) {
            direct = false;
            break;
        }
    }
    json += '}';
    if (!direct || m_jsonOrder.isEmpty())
        json = objectJson(values, id, QString::fromLatin1(uuid)).toStdString();
    auto head = chainHead();
    if (!head)
        return head.error();
    const QByteArray prev = head->toLatin1();
    // AuditLog::chainHash over the same text (prev␟at␟actor␟entity␟id␟insert␟␟after), fed as
    // UTF-8 without building it as one QString.
    std::string idText;
    appendNumber(idText, id);
    m_sha.add(prev);
    m_sha.add(m_hashMiddle);
    m_sha.add(QByteArrayView(idText.data(), qsizetype(idText.size())));
    m_sha.add(m_hashAction);
    m_sha.add(QByteArrayView(json.data(), qsizetype(json.size())));
    const QByteArray hash = m_sha.hex();
    // at, actor, entity and action are bound once (constructor).
    sqlite3_bind_int64(m_rawAudit, 4, id);
    if (json.empty())
        sqlite3_bind_null(m_rawAudit, 6);
    else
        sqlite3_bind_text(m_rawAudit, 6, json.data(), int(json.size()), SQLITE_STATIC);
    sqlite3_bind_text(m_rawAudit, 7, prev.constData(), int(prev.size()), SQLITE_STATIC);
    sqlite3_bind_text(m_rawAudit, 8, hash.constData(), int(hash.size()), SQLITE_STATIC);
    if (!stepOnce(m_handle, m_rawAudit, &error))
        return m_db.sqliteError(sqlite3_extended_errcode(m_handle), error, m_table);
    m_db.setCachedAuditHead(QString::fromLatin1(hash));
    return id;
}

} // namespace rectrack::core
