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

/// The columns of an audit entry held on a server, in the order of its values (insertHeld()).
constexpr const char *kAuditColumns =
    "at,actor,entity,entity_id,action,before_json,after_json,prev_hash,hash";

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

/// Rows held back on a server connection (Database::PendingWrites): per table the rows, and the
/// audit entries in chain order. flush() sends the tables in the order of schema::auditedTables()
/// (parents before the rows that refer to them), then the audit entries, each in batches of up to
/// 4,000 rows (Dialect::insertBatch: one INSERT with one bound array a column).
class HeldRows final : public Database::PendingWrites
{
public:
    /// @p auditColumns: audit_log's columns in the order of the entries' values.
    HeldRows(Database &db, QList<TableColumn> auditColumns)
        : m_db(db), m_auditColumns(std::move(auditColumns))
    {
    }

    /// The buffer for rows into @p table with @p columns (one value per column a row).
    int table(const QString &table, const QList<TableColumn> &columns)
    {
        for (int i = 0; i < m_tables.size(); ++i) {
            if (m_tables[i].table == table && sameNames(m_tables[i].columns, columns))
                return i;
        }
        const qsizetype rank = schema::auditedTables().indexOf(table);
        m_tables.append(Table{table, int(rank < 0 ? 1000 + m_tables.size() : rank), columns, {}});
        return int(m_tables.size() - 1);
    }
    void addRow(int table, QVariantList &&values) { m_tables[table].values.append(std::move(values)); }
    void addAudit(QVariantList &&values)
    {
        m_audit.append(std::move(values));
        ++m_entries;
    }
    /// Audit entries held (each with its row).
    qsizetype size() const { return m_entries; }

    /// Sends everything held and waits for it (a failure of what was on its way comes first).
    Status flush() override
    {
        Status s = settled();
        for (const RowBatch &batch : takeBatches()) {
            if (s)
                s = m_db.dialect().insertBatch(m_db, batch.table, batch.columns, batch.values);
        }
        discard();
        return s;
    }
    /// Sends everything held without waiting (Dialect::sendBatches): the caller builds the next
    /// rows meanwhile. An error is that of what was sent before (or of this send at once).
    Status flushInBackground()
    {
        if (const Status s = settled(); !s) {
            discard();
            return s;
        }
        QList<RowBatch> batches = takeBatches();
        if (!batches.isEmpty())
            m_onTheWay = m_db.dialect().sendBatches(m_db, std::move(batches));
        return okStatus();
    }
    void settle() override
    {
        if (!m_onTheWay)
            return;
        // Reset before waiting: the wait's error handling may ask for the connection (sql()).
        const auto sent = std::move(m_onTheWay);
        m_failed = sent->wait();
    }
    void discard() override
    {
        settle();
        m_failed = okStatus();
        for (Table &t : m_tables)
            t.values.clear();
        m_audit.clear();
        m_entries = 0;
    }
    ~HeldRows() override { settle(); }
    /// Waits for what is on its way: its outcome (ok when nothing was), no longer kept for flush().
    Status settled()
    {
        settle();
        return std::exchange(m_failed, okStatus());
    }

private:
    struct Table
    {
        QString table;
        int rank = 0;
        QList<TableColumn> columns;
        QVariantList values;
    };

    static bool sameNames(const QList<TableColumn> &a, const QList<TableColumn> &b)
    {
        return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                          [](const TableColumn &x, const TableColumn &y) { return x.name == y.name; });
    }

    /// What is held as batches, the tables in the order of schema::auditedTables() (parents
    /// first), then the audit entries in chain order; the buffers are left empty. Not COPY
    /// (Dialect::insertRows): the server refuses COPY FROM into a table under row-level security,
    /// which audit_log is for every login but a superuser.
    QList<RowBatch> takeBatches()
    {
        QList<int> order;
        for (int i = 0; i < m_tables.size(); ++i)
            order << i;
        std::stable_sort(order.begin(), order.end(),
                         [this](int a, int b) { return m_tables[a].rank < m_tables[b].rank; });
        QList<RowBatch> batches;
        for (int i : std::as_const(order)) {
            if (!m_tables[i].values.isEmpty())
                batches << RowBatch{m_tables[i].table, m_tables[i].columns,
                                    std::exchange(m_tables[i].values, {})};
        }
        if (!m_audit.isEmpty())
            batches << RowBatch{QStringLiteral("audit_log"), m_auditColumns, std::exchange(m_audit, {})};
        m_entries = 0;
        return batches;
    }

    Database &m_db;
    QList<TableColumn> m_auditColumns;
    QList<Table> m_tables;
    QVariantList m_audit;
    qsizetype m_entries = 0;
    std::unique_ptr<SentBatches> m_onTheWay; // sent in the background, not waited for yet
    Status m_failed = okStatus();            // the outcome of what was on its way, until flush()
};

} // namespace

BulkInserter::~BulkInserter()
{
    sqlite3_finalize(m_rawInsert);
    sqlite3_finalize(m_rawAudit);
}

BulkInserter::BulkInserter(Database &db, const QString &table, const QStringList &columns)
    : m_db(db), m_table(table)
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
    m_boundCount = int(columns.size());
    m_at = db.clock().now().toUTC().toString(Qt::ISODateWithMs);
    // The constant parts of every audit entry and of its hash.
    const char sep = '\x1f';
    m_atUtf8 = m_at.toUtf8();
    m_actorUtf8 = m_db.actor().toUtf8();
    m_tableUtf8 = m_table.toUtf8();
    m_actionUtf8 = QByteArrayLiteral("insert");
    m_hashMiddle = sep + m_atUtf8 + sep + m_actorUtf8 + sep + m_tableUtf8 + sep;
    m_hashAction = sep + m_actionUtf8 + sep + sep;
    m_json.reserve(1024);

    // On SQLite, the statements run on the connection's own handle: QSqlQuery's binding (a
    // formatted placeholder name and a hash lookup per value) was a fifth of an import's time.
    const QVariant handle = db.sql().driver() ? db.sql().driver()->handle() : QVariant();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
        m_handle = *static_cast<sqlite3 *const *>(handle.constData());
    if (!m_handle) {
        // A server: rows are held back and sent many to a statement, with the ids drawn ahead.
        m_held = true;
        m_keyColumn = schema::keyColumn(table);
        m_keyBound = int(columns.indexOf(m_keyColumn));
        QStringList held = insertColumns;
        if (m_keyBound < 0)
            held.prepend(m_keyColumn);
        // The held columns and audit_log's, with their types (Dialect::insertBatch casts to them).
        auto columnsNamed = [](const QList<TableColumn> &all, const QStringList &names,
                               QList<TableColumn> &out) {
            for (const QString &name : names) {
                const auto it = std::find_if(all.begin(), all.end(),
                                             [&](const TableColumn &c) { return c.name == name; });
                if (it == all.end())
                    return false;
                out << *it;
            }
            return true;
        };
        // A table keyed by two columns in a file has its rowid on the server, which columns()
        // leaves out (Dialect::columns): an identity column of its own.
        QList<TableColumn> known = tableColumns ? *tableColumns : QList<TableColumn>();
        if (std::none_of(known.begin(), known.end(),
                         [&](const TableColumn &c) { return c.name == m_keyColumn; }))
            known << TableColumn{m_keyColumn, false, QString(), true, QStringLiteral("bigint")};
        if (m_columnsRead && !columnsNamed(known, held, m_heldColumns))
            m_columnsRead =
                Error{ErrorCode::Internal,
                      tr("Database error: %1 (%2)").arg(QStringLiteral("unknown column"), m_table)};
        const auto auditColumns = db.dialect().columns(db, QStringLiteral("audit_log"));
        if (!auditColumns) {
            if (m_columnsRead)
                m_columnsRead = auditColumns.error();
        } else if (m_columnsRead &&
                   !columnsNamed(*auditColumns, QString::fromLatin1(kAuditColumns).split(u','),
                                 m_auditColumns)) {
            m_columnsRead = Error{ErrorCode::Internal,
                                  tr("Database error: %1 (%2)")
                                      .arg(QStringLiteral("unknown column"), QStringLiteral("audit_log"))};
        }
        return;
    }
    QStringList marks;
    for (int i = 0; i < insertColumns.size(); ++i)
        marks << QStringLiteral("?");
    const QString insertSql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                                  .arg(table, insertColumns.join(u','), marks.join(u','));
    const QString auditSql =
        QStringLiteral("INSERT INTO audit_log (at, actor, entity, entity_id, action, "
                       "before_json, after_json, prev_hash, hash) VALUES (?,?,?,?,?,NULL,?,?,?)");
    if (sqlite3_prepare_v2(m_handle, insertSql.toUtf8().constData(), -1, &m_rawInsert, nullptr) !=
            SQLITE_OK ||
        sqlite3_prepare_v2(m_handle, auditSql.toUtf8().constData(), -1, &m_rawAudit, nullptr) != SQLITE_OK) {
        if (m_columnsRead)
            m_columnsRead = m_db.sqliteError(sqlite3_extended_errcode(m_handle),
                                             QString::fromUtf8(sqlite3_errmsg(m_handle)), m_table);
        return;
    }
    // The constant parts of every audit entry, bound once and kept (SQLITE_STATIC: members).
    sqlite3_bind_text(m_rawAudit, 1, m_atUtf8.constData(), int(m_atUtf8.size()), SQLITE_STATIC);
    sqlite3_bind_text(m_rawAudit, 2, m_actorUtf8.constData(), int(m_actorUtf8.size()), SQLITE_STATIC);
    sqlite3_bind_text(m_rawAudit, 3, m_tableUtf8.constData(), int(m_tableUtf8.size()), SQLITE_STATIC);
    sqlite3_bind_text(m_rawAudit, 5, m_actionUtf8.constData(), int(m_actionUtf8.size()), SQLITE_STATIC);
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
    if (m_held)
        return insertHeld(values);
    return insertRaw(values);
}

void BulkInserter::prepareText(const QVariantList &values)
{
    const int n = int(values.size());
    m_utf8.resize(n);
    m_utf8Valid.resize(n);
    m_jsonText.resize(n);
    for (int i = 0; i < n; ++i) {
        const QVariant &v = values[i];
        m_jsonText[i] = false;
        m_utf8Valid[i] = false;
        if (v.typeId() == QMetaType::QString && !v.isNull()) {
            const QString *text = static_cast<const QString *>(v.constData());
            const TextTraits t = traitsOf(*text);
            if (!t.surrogates) {
                m_utf8[i] = text->toUtf8();
                m_utf8Valid[i] = true;
                m_jsonText[i] = !t.escapes;
            }
        }
    }
}

void BulkInserter::buildJson(const QVariantList &values, qint64 id, const QByteArray &uuid)
{
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
}

Result<QByteArray> BulkInserter::chainStep(qint64 id, QByteArray &prev)
{
    auto head = chainHead();
    if (!head)
        return head.error();
    prev = head->toLatin1();
    // AuditLog::chainHash over the same text (prev␟at␟actor␟entity␟id␟insert␟␟after), fed as
    // UTF-8 without building it as one QString.
    std::string idText;
    appendNumber(idText, id);
    m_sha.add(prev);
    m_sha.add(m_hashMiddle);
    m_sha.add(QByteArrayView(idText.data(), qsizetype(idText.size())));
    m_sha.add(m_hashAction);
    m_sha.add(QByteArrayView(m_json.data(), qsizetype(m_json.size())));
    QByteArray hash = m_sha.hex();
    m_db.setCachedAuditHead(QString::fromLatin1(hash));
    return hash;
}

Result<qint64> BulkInserter::insertRaw(const QVariantList &values)
{
    // Each text value is converted to UTF-8 once and used twice: bound (SQLite stores UTF-8; text
    // bound as UTF-16 was converted by SQLite, 16% of an import) and written into the snapshot.
    prepareText(values);
    const int n = int(values.size());
    for (int i = 0; i < n; ++i) {
        const QVariant &v = values[i];
        if (m_utf8Valid[i])
            sqlite3_bind_text(m_rawInsert, i + 1, m_utf8[i].constData(), int(m_utf8[i].size()),
                              SQLITE_STATIC);
        else
            bindLikeQt(m_rawInsert, i + 1, v);
    }
    const QByteArray uuid = m_addUuid ? Database::newUuid().toLatin1() : QByteArray();
    if (m_addUuid)
        sqlite3_bind_text(m_rawInsert, n + 1, uuid.constData(), int(uuid.size()), SQLITE_STATIC);
    QString error;
    if (!stepOnce(m_handle, m_rawInsert, &error))
        return m_db.sqliteError(sqlite3_extended_errcode(m_handle), error, m_table);
    const qint64 id = sqlite3_last_insert_rowid(m_handle);

    buildJson(values, id, uuid);
    QByteArray prev;
    const auto hash = chainStep(id, prev);
    if (!hash)
        return hash.error();
    // at, actor, entity and action are bound once (constructor).
    sqlite3_bind_int64(m_rawAudit, 4, id);
    if (m_json.empty())
        sqlite3_bind_null(m_rawAudit, 6);
    else
        sqlite3_bind_text(m_rawAudit, 6, m_json.data(), int(m_json.size()), SQLITE_STATIC);
    sqlite3_bind_text(m_rawAudit, 7, prev.constData(), int(prev.size()), SQLITE_STATIC);
    sqlite3_bind_text(m_rawAudit, 8, hash->constData(), int(hash->size()), SQLITE_STATIC);
    if (!stepOnce(m_handle, m_rawAudit, &error)) {
        m_db.setCachedAuditHead(QString::fromLatin1(prev));
        return m_db.sqliteError(sqlite3_extended_errcode(m_handle), error, m_table);
    }
    return id;
}

Result<qint64> BulkInserter::nextId()
{
    if (m_nextId >= m_ids.size()) {
        // Drawn ahead as announced (expect()), never more than 10,000 at a time; else one.
        const qint64 count = std::clamp<qint64>(m_expected, 1, 10000);
        m_ids.clear();
        m_nextId = 0;
        // What was sent in the background is waited for first (its error is this insert's: the
        // server ignores anything after it); the rows held stay held, drawing ids reads none.
        if (auto *held = dynamic_cast<HeldRows *>(m_db.pendingWrites())) {
            if (const Status s = held->settled(); !s)
                return s.error();
        }
        QSqlQuery q(m_db.sql());
        // The sequence looked up once (as an argument of nextval() it was looked up per id: 70 ms
        // for 10,000 ids).
        if (!q.exec(
                QStringLiteral("WITH s AS MATERIALIZED (SELECT pg_get_serial_sequence('%1', '%2')::regclass "
                               "AS seq) SELECT nextval(s.seq) FROM s, generate_series(1, %3)")
                    .arg(m_table, m_keyColumn)
                    .arg(count)))
            return m_db.queryError(q.lastError(), m_table);
        if (const Status s = m_db.eachRow(q, [&](const SqlRow &r) { m_ids << r.integer(0); }); !s)
            return s.error();
        std::sort(m_ids.begin(), m_ids.end());
        if (m_ids.isEmpty())
            return Error{ErrorCode::Internal,
                         tr("Database error: %1 (%2)").arg(QStringLiteral("no id drawn"), m_table)};
    }
    if (m_expected > 0)
        --m_expected;
    return m_ids[m_nextId++];
}

Result<qint64> BulkInserter::insertHeld(const QVariantList &values)
{
    auto *held = dynamic_cast<HeldRows *>(m_db.pendingWrites());
    if (!held) {
        auto rows = std::make_unique<HeldRows>(m_db, m_auditColumns);
        held = rows.get();
        m_db.setPendingWrites(std::move(rows));
    }
    // The key: the caller's when it binds one, else drawn ahead.
    qint64 id = 0;
    if (m_keyBound >= 0) {
        id = values[m_keyBound].toLongLong();
    } else {
        const auto drawn = nextId();
        if (!drawn)
            return drawn.error();
        id = *drawn;
    }
    prepareText(values);
    const QByteArray uuid = m_addUuid ? Database::newUuid().toLatin1() : QByteArray();

    buildJson(values, id, uuid);
    QByteArray prev;
    const auto hash = chainStep(id, prev);
    if (!hash)
        return hash.error();
    // The row in the order of m_heldColumns: the key unless the caller binds it, the caller's
    // values, the uuid unless the caller binds it.
    // Text goes as the UTF-8 already made for the snapshot (Dialect::insertBatch: a QByteArray is
    // UTF-8 text for a text column).
    QVariantList row;
    row.reserve(m_heldColumns.size());
    if (m_keyBound < 0)
        row << id;
    for (qsizetype i = 0; i < values.size(); ++i)
        row << (m_utf8Valid[i] ? QVariant(m_utf8[i]) : values[i]);
    if (m_addUuid)
        row << uuid;
    // The audit entry in the order of kAuditColumns: the snapshot as the hash read it.
    const QVariant after =
        m_json.empty() ? QVariant() : QVariant(QByteArray(m_json.data(), qsizetype(m_json.size())));
    held->addRow(held->table(m_table, m_heldColumns), std::move(row));
    held->addAudit({m_atUtf8, m_actorUtf8, m_tableUtf8, id, m_actionUtf8, QVariant(), after, prev, *hash});
    // Outside a transaction each row is sent at once; inside, every 4,000 entries in the
    // background (an error of theirs is that of the next flush: at the latest the COMMIT's).
    if (m_db.transactionDepth() == 0) {
        if (const Status s = m_db.flushPendingWrites(); !s)
            return s.error();
    } else if (held->size() >= 4000) {
        if (const Status s = held->flushInBackground(); !s)
            return s.error();
    }
    return id;
}

} // namespace rectrack::core
