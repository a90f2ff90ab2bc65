#include "postgresdialect.h"

#include "accesscontrol.h"
#include "copydigest.h"
#include "postgresschema.h"
#include "storage/database.h"
#include "storage/schema.h"

#include <QLocale>
#include <QSqlDriver>
#include <QSqlError>

#include <libpq-fe.h>

#include <charconv>
#include <future>
#include <optional>
#include <vector>

namespace rectrack::core {

QStringList PostgresDialect::createStatements() const
{
    return postgres::createStatements(schema::kApplicationId, schema::kVersion);
}

QList<QStringList> PostgresDialect::migrationSteps() const
{
    // The server schema starts at version 6 (the first one with a server backend): no steps below.
    QList<QStringList> steps;
    for (int v = 1; v < 6; ++v)
        steps << QStringList();
    // 6 → 7: exchange packages (issue #25).
    steps << postgres::exchangeStatements() + postgres::exchangeMigration();
    // 7 → 8: live updates (issue #24). The function goes to the owner role and is made a checking
    // function like the others (accessControlStatements() does this for a new register).
    steps
        << postgres::liveUpdateStatements() +
               QStringList{QStringLiteral(
                   "DO $$ DECLARE f text := 'rt_notify_change()'; BEGIN "
                   "EXECUTE format('ALTER FUNCTION %s OWNER TO %I', f, current_database() || '_owner'); "
                   "EXECUTE format('ALTER FUNCTION %s SECURITY DEFINER', f); "
                   "EXECUTE format('ALTER FUNCTION %s SET search_path = %I, pg_temp', f, current_schema()); "
                   "EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f); END $$")};
    // 8 → 9: possible duplicate units (issue #26).
    steps << postgres::unitDuplicateStatements() + postgres::unitDuplicateMigration();
    // 9 → 10: less trigger work per row of a bulk insert (docs/benchmarks.md, issue #22).
    steps << postgres::bulkWriteStatements();
    // 10 → 11: indexes for search terms of one or two characters.
    steps << postgres::textCharactersStatements();
    // 11 → 12: less work per row of a bulk insert again (docs/benchmarks.md, issue #22).
    steps << postgres::insertTriggerStatements();
    return steps;
}

int PostgresDialect::schemaVersion(Database &db) const
{
    const QVariant v = db.scalar(QStringLiteral("SELECT version FROM schema_version"));
    return v.isValid() ? v.toInt() : -1;
}

QString PostgresDialect::setSchemaVersion(int version) const
{
    return QStringLiteral("UPDATE schema_version SET version = %1").arg(version);
}

qint64 PostgresDialect::applicationId(Database &db) const
{
    return db.scalar(QStringLiteral("SELECT application_id FROM schema_version")).toLongLong();
}

Result<QStringList> PostgresDialect::integrityCheck(Database &) const
{
    // The server keeps its own pages (checksums, WAL replay); what verify adds on top is the
    // register's own check: the audit chain, the rows and the statistics tables.
    return QStringList();
}

Status PostgresDialect::lockAuditChain(Database &db) const
{
    auto r = db.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kAuditChainLock));
    if (!r)
        return r.error();
    return okStatus();
}

QString PostgresDialect::containsCondition(const QString &column) const
{
    return QStringLiteral("%1 LIKE ?").arg(column);
}

QString PostgresDialect::containsPattern(const QString &term) const
{
    QString t = term;
    t.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    t.replace(QLatin1Char('%'), QLatin1String("\\%"));
    t.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + t + QLatin1Char('%');
}

QString PostgresDialect::tallyKey(const QString &expr) const
{
    return QStringLiteral("quote_nullable(%1)").arg(expr);
}

QString PostgresDialect::deferFacts(qint64 after) const
{
    // A setting of this transaction only (set_config's is_local), read by the trigger functions
    // through rt_deferred(); other sessions' triggers are not affected. Rolled back with it.
    return QStringLiteral("SELECT set_config('%1', '%2', true)")
        .arg(postgres::kFactsDeferredAfter, after < 0 ? QString() : QString::number(after));
}

QString PostgresDialect::tallyFill(const QString &condition) const
{
    return postgres::problemTallyFill(condition);
}

QString PostgresDialect::auditProblemId() const
{
    return postgres::auditProblemId();
}

Result<QList<TableColumn>> PostgresDialect::columns(Database &db, const QString &table) const
{
    QList<TableColumn> out;
    const Status s = db.forEachRow(
        // The catalog, not information_schema: that lists only columns the login may use.
        QStringLiteral(
            "SELECT a.attname, format_type(a.atttypid, a.atttypmod), pg_get_expr(d.adbin, "
            "d.adrelid), CASE WHEN a.attidentity <> '' THEN 'YES' ELSE 'NO' END FROM pg_attribute a "
            "JOIN pg_class c ON c.oid = a.attrelid LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid "
            "AND d.adnum = a.attnum WHERE c.relnamespace = current_schema()::regnamespace AND "
            "c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped AND a.attname <> 'rowid' ORDER "
            "BY a.attnum"),
        {table}, [&](const SqlRow &r) {
            // Defaults read back as 'regular'::text: the literal without its cast.
            QString dflt = r.text(2);
            if (const qsizetype cast = dflt.lastIndexOf(QLatin1String("::"));
                cast > 0 && dflt.startsWith(u'\''))
                dflt.truncate(cast);
            out << TableColumn{r.text(0), r.text(1) == QLatin1String("bytea"), dflt,
                               r.text(0) == QLatin1String("id") && r.text(3) == QLatin1String("YES"),
                               r.text(1)};
        });
    if (!s)
        return s.error();
    return out;
}

Error postgres::libpqError(Database &db, PGconn *conn, PGresult *result, const QString &context)
{
    const QString state =
        result ? QString::fromLatin1(PQresultErrorField(result, PG_DIAG_SQLSTATE)) : QString();
    const QString message = QString::fromUtf8(result ? PQresultErrorMessage(result) : PQerrorMessage(conn));
    if (result)
        PQclear(result);
    return db.writeError(QSqlError(QString(), message.trimmed(), QSqlError::StatementError, state), context);
}

PGconn *postgres::libpqHandle(Database &db)
{
    const QVariant handle = db.sql().driver() ? db.sql().driver()->handle() : QVariant();
    // Registered as "PGconn*"; Qt 6 names the metatype by the struct's own name, "pg_conn*".
    if (!handle.isValid() ||
        (qstrcmp(handle.typeName(), "PGconn*") != 0 && qstrcmp(handle.typeName(), "pg_conn*") != 0))
        return nullptr;
    return *static_cast<PGconn *const *>(handle.constData());
}

namespace {

/// Appends @p v as a 4-byte big-endian integer (the binary format's lengths and headers).
void appendInt32(QByteArray &out, qint32 v)
{
    const quint32 u = quint32(v);
    const char bytes[4] = {char(u >> 24), char(u >> 16), char(u >> 8), char(u)};
    out.append(bytes, 4);
}

/// Appends @p value, stored as Database::portableBind binds it, as one element of a binary text[]
/// array: its length and its text as the column's input function reads it (-1 for NULL). A
/// QByteArray is bytes for a bytea column (@p bytes: its hex form) and UTF-8 text for any other.
/// Returns whether the element is NULL.
bool appendElement(QByteArray &out, const QVariant &value, bool bytes)
{
    if (value.isNull()) {
        appendInt32(out, -1);
        return true;
    }
    auto append = [&out](QByteArrayView text) {
        appendInt32(out, qint32(text.size()));
        out.append(text.data(), text.size());
    };
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong: {
        char digits[24];
        const auto r = std::to_chars(digits, digits + sizeof digits, value.toLongLong());
        append(QByteArrayView(digits, qsizetype(r.ptr - digits)));
        break;
    }
    case QMetaType::QByteArray: {
        const auto *data = static_cast<const QByteArray *>(value.constData());
        append(bytes ? QByteArray("\\x" + data->toHex()) : *data);
        break;
    }
    case QMetaType::QString:
        append(static_cast<const QString *>(value.constData())->toUtf8());
        break;
    case QMetaType::ULongLong:
        append(QByteArray::number(value.toULongLong()));
        break;
    case QMetaType::Double:
    case QMetaType::Float:
        // The shortest text that reads back as the same double (what QPSQL writes for a bound double).
        append(QByteArray::number(value.toDouble(), 'g', QLocale::FloatingPointShortest));
        break;
    default: {
        // Dates, times and booleans as Database::portableBind binds them.
        const QVariant v = Database::portableBind(value);
        append(v.typeId() == QMetaType::Int ? QByteArray::number(v.toInt()) : v.toString().toUtf8());
        break;
    }
    }
    return false;
}

} // namespace

Status PostgresDialect::insertRows(Database &db, const QString &table, const QStringList &columns,
                                   const QVariantList &values) const
{
    if (values.isEmpty())
        return okStatus();
    const QString sql = QStringLiteral("COPY %1 (%2) FROM STDIN").arg(table, columns.join(u','));
    PGconn *conn = postgres::libpqHandle(db);
    if (!conn)
        return Error{ErrorCode::Internal, QStringLiteral("COPY %1: no libpq connection").arg(table)};
    PGresult *start = PQexec(conn, sql.toUtf8().constData());
    if (PQresultStatus(start) != PGRES_COPY_IN)
        return postgres::libpqError(db, conn, start, sql);
    PQclear(start);
    QByteArray data;
    const int width = int(columns.size());
    for (qsizetype i = 0; i < values.size(); ++i) {
        postgres::appendCopyValue(data, values.at(i));
        data += (i + 1) % width == 0 ? '\n' : '\t';
    }
    const bool sent = PQputCopyData(conn, data.constData(), int(data.size())) == 1;
    if (PQputCopyEnd(conn, sent ? nullptr : "rectrack: the rows could not be sent") != 1)
        return postgres::libpqError(db, conn, nullptr, sql);
    // The COPY's result, then the null that ends the command.
    PGresult *result = PQgetResult(conn);
    Status status =
        PQresultStatus(result) == PGRES_COMMAND_OK ? okStatus() : postgres::libpqError(db, conn, result, sql);
    if (status)
        PQclear(result);
    while (PGresult *more = PQgetResult(conn))
        PQclear(more);
    return status;
}

namespace {

/// A batch the server refused, as libpq said it (no Database: runBatch() may run on a thread).
struct BatchRefusal
{
    QString table;
    QString state; ///< SQLSTATE
    QString message;
};

/// Adds @p batch (Dialect::insertBatch) over @p conn; the refusal when the server refused it.
std::optional<BatchRefusal> runBatch(PGconn *conn, const RowBatch &batch)
{
    const QList<TableColumn> &columns = batch.columns;
    const qsizetype width = columns.size();
    if (batch.values.isEmpty() || width == 0)
        return std::nullopt;
    const qsizetype rows = batch.values.size() / width;
    // One array per column in array_recv's binary format: dimensions (1), whether it holds a NULL,
    // the element type (text, oid 25), the length and lower bound of the dimension, then each
    // element. Each value goes to the server as its text, cast there to the column's type: nothing
    // is parsed as SQL.
    QList<QByteArray> arrays(width);
    for (qsizetype c = 0; c < width; ++c) {
        QByteArray &a = arrays[c];
        qsizetype size = 20 + 4 * rows;
        for (qsizetype r = 0; r < rows; ++r) {
            const QVariant &v = batch.values[r * width + c];
            size += v.typeId() == QMetaType::QByteArray
                        ? static_cast<const QByteArray *>(v.constData())->size()
                        : 20;
        }
        a.reserve(size);
        appendInt32(a, 1);
        appendInt32(a, 0);
        appendInt32(a, 25);
        appendInt32(a, qint32(rows));
        appendInt32(a, 1);
        const bool bytes = columns[c].type == QLatin1String("bytea");
        bool hasNull = false;
        for (qsizetype r = 0; r < rows; ++r)
            hasNull = appendElement(a, batch.values[r * width + c], bytes) || hasNull;
        if (hasNull)
            a[7] = 1;
    }
    // INSERT INTO t (a, b) SELECT u.v1::bigint, u.v2 FROM unnest($1::text[], $2::text[]) WITH
    // ORDINALITY AS u(v1, v2, n) ORDER BY u.n: the rows in the order given (identity ids too).
    QStringList names, casts, params, aliases;
    for (qsizetype c = 0; c < width; ++c) {
        const QString alias = QStringLiteral("v%1").arg(c + 1);
        names << columns[c].name;
        casts << (columns[c].type == QLatin1String("text")
                      ? QStringLiteral("u.%1").arg(alias)
                      : QStringLiteral("u.%1::%2").arg(alias, columns[c].type));
        params << QStringLiteral("$%1::text[]").arg(c + 1);
        aliases << alias;
    }
    const QString sql =
        QStringLiteral(
            "INSERT INTO %1 (%2) SELECT %3 FROM unnest(%4) WITH ORDINALITY AS u(%5, n) ORDER BY u.n")
            .arg(batch.table, names.join(u','), casts.join(u','), params.join(u','), aliases.join(u','));
    std::vector<const char *> data(static_cast<size_t>(width));
    std::vector<int> lengths(static_cast<size_t>(width));
    const std::vector<int> formats(static_cast<size_t>(width), 1);
    for (qsizetype c = 0; c < width; ++c) {
        data[size_t(c)] = arrays[c].constData();
        lengths[size_t(c)] = int(arrays[c].size());
    }
    PGresult *result = PQexecParams(conn, sql.toUtf8().constData(), int(width), nullptr, data.data(),
                                    lengths.data(), formats.data(), 0);
    std::optional<BatchRefusal> refusal;
    if (PQresultStatus(result) != PGRES_COMMAND_OK)
        refusal = BatchRefusal{
            batch.table,
            result ? QString::fromLatin1(PQresultErrorField(result, PG_DIAG_SQLSTATE)) : QString(),
            QString::fromUtf8(result ? PQresultErrorMessage(result) : PQerrorMessage(conn)).trimmed()};
    PQclear(result);
    return refusal;
}

/// The error of @p refusal as Database::queryError gives it for the same error through QPSQL.
Status refusalStatus(Database &db, const std::optional<BatchRefusal> &refusal)
{
    if (!refusal)
        return okStatus();
    return db.queryError(QSqlError(QString(), refusal->message, QSqlError::StatementError, refusal->state),
                         refusal->table);
}

/// Batches a thread sends over the connection (PostgresDialect::sendBatches).
class ThreadSentBatches final : public SentBatches
{
public:
    ThreadSentBatches(Database &db, PGconn *conn, QList<RowBatch> batches) : m_db(db)
    {
        m_result = std::async(std::launch::async, [conn, batches = std::move(batches)] {
            for (const RowBatch &batch : batches) {
                if (auto refusal = runBatch(conn, batch))
                    return refusal;
            }
            return std::optional<BatchRefusal>();
        });
    }
    ~ThreadSentBatches() override
    {
        if (m_result.valid())
            m_result.wait();
    }
    Status wait() override { return refusalStatus(m_db, m_result.get()); }

private:
    Database &m_db;
    std::future<std::optional<BatchRefusal>> m_result;
};

} // namespace

Status PostgresDialect::insertBatch(Database &db, const QString &table, const QList<TableColumn> &columns,
                                    const QVariantList &values) const
{
    PGconn *conn = postgres::libpqHandle(db);
    if (!conn)
        return Error{ErrorCode::Internal, QStringLiteral("%1: no libpq connection").arg(table)};
    return refusalStatus(db, runBatch(conn, RowBatch{table, columns, values}));
}

std::unique_ptr<SentBatches> PostgresDialect::sendBatches(Database &db, QList<RowBatch> batches) const
{
    // The connection is taken here, on the caller's thread (Database::sql() is not the thread's).
    PGconn *conn = postgres::libpqHandle(db);
    if (!conn)
        return Dialect::sendBatches(db, std::move(batches)); // insertBatch's error
    return std::make_unique<ThreadSentBatches>(db, conn, std::move(batches));
}

namespace {

/// ALTER TABLE statements that switch off (@p enable false) or on the triggers beforeCopy()
/// suspends: audit_log_check (rt_audit_check: the chain check, from which the owner's members are
/// exempt anyway) and every audited table's rt_notify; the guards of the close-out and review
/// rules (they hold other logins to their roles; only the tables' owner may run ALTER TABLE, so
/// only the owner copies); the statistics triggers, which the copy's deferral (ProblemFactsDeferral)
/// makes return at once for every copied problem, and problem_states_latest, whose table
/// the deferral's finish() fills in one statement instead of a DELETE and INSERT per state row (348,000 at
/// 100,000 problems). ALTER TABLE is transactional in PostgreSQL and takes the table's exclusive
/// lock: no other session ever sees the triggers off.
QStringList copyTriggerStatements(bool enable)
{
    const QString verb = enable ? QStringLiteral("ENABLE") : QStringLiteral("DISABLE");
    QStringList out{QStringLiteral("ALTER TABLE audit_log %1 TRIGGER audit_log_check").arg(verb)};
    for (const QString &table : schema::auditedTables())
        out << QStringLiteral("ALTER TABLE %1 %2 TRIGGER rt_notify").arg(table, verb);
    for (const char *trigger :
         {"problem_states problem_states_guard", "problem_states problem_states_latest",
          "problem_states problem_states_latest_insert", "reviews reviews_guard", "problems problems_facts",
          "problems problems_facts_insert", "measures measures_facts", "measures measures_facts_insert",
          "extension_requests extension_requests_facts"}) {
        const QStringList parts = QString::fromLatin1(trigger).split(u' ');
        out << QStringLiteral("ALTER TABLE %1 %2 TRIGGER %3").arg(parts.at(0), verb, parts.at(1));
    }
    return out;
}

/// The transaction-local setting naming the tables whose FORCE ROW LEVEL SECURITY a copy lifted.
constexpr QLatin1String kCopyForced("rectrack.copy_forced");

/// The copied tables as an SQL array of regclass, for the catalog queries below.
QString copiedTablesArray()
{
    const QStringList tables = schema::auditedTables() << QStringLiteral("audit_log");
    return QStringLiteral("ARRAY['%1']::regclass[]").arg(tables.join(QStringLiteral("','")));
}

/// The separator of the statements kept in the setting rectrack.copy_rebuild.
QString rebuildSeparator()
{
    return QStringLiteral("\n;\n");
}

} // namespace

Status PostgresDialect::beforeCopy(Database &db) const
{
    for (const QString &statement : copyTriggerStatements(false)) {
        if (auto r = db.exec(statement); !r)
            return r.error();
    }
    // Rows go in fastest into tables without their secondary indexes and foreign keys: each row
    // otherwise updates every index (the trigram GIN indexes, audit_problem parsing each entry's
    // JSON) and looks up every parent row. They are dropped here and built again after the copy,
    // in one pass each (afterCopy()), inside the same transaction; their definitions wait in a
    // transaction-local setting. Primary keys and unique constraints stay (the copy's ids).
    const QString tables = copiedTablesArray();
    const QString collect =
        QStringLiteral(
            "SELECT set_config('rectrack.copy_rebuild', coalesce(string_agg(def, E'%1' ORDER BY ord, name), "
            "''), true) FROM (SELECT 1 AS ord, c.relname::text AS name, pg_get_indexdef(i.indexrelid) AS def "
            "FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = ANY(%2) AND NOT "
            "EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid) UNION ALL SELECT 2, "
            "k.conname::text, format('ALTER TABLE %s ADD CONSTRAINT %I %s', k.conrelid::regclass, k.conname, "
            "pg_get_constraintdef(k.oid)) FROM pg_constraint k WHERE k.contype = 'f' AND k.conrelid = "
            "ANY(%2)) d")
            .arg(rebuildSeparator(), tables);
    const QString drop =
        QStringLiteral(
            "DO $$ DECLARE r record; BEGIN FOR r IN SELECT k.conrelid::regclass AS t, k.conname FROM "
            "pg_constraint k WHERE k.contype = 'f' AND k.conrelid = ANY(%1) LOOP EXECUTE format('ALTER TABLE "
            "%s DROP CONSTRAINT %I', r.t, r.conname); END LOOP; FOR r IN SELECT i.indexrelid::regclass AS ix "
            "FROM pg_index i WHERE i.indrelid = ANY(%1) AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE "
            "k.conindid = i.indexrelid) LOOP EXECUTE format('DROP INDEX %s', r.ix); END LOOP; END $$")
            .arg(tables);
    // Then the tables are emptied by TRUNCATE (new, empty files in this transaction: they hold at
    // most what the copy deleted), so that COPY … (FREEZE) may write their rows frozen and their
    // pages all-visible (copyInStart()): no later read sets hint bits page by page, and the VACUUM
    // after the push finds nothing to do (at 100,000 problems it rewrote about 1.7 GB of pages).
    // A table that a foreign key of another table still points to (units, from login_units) cannot
    // be truncated alone and is copied as before.
    const QString truncate =
        QStringLiteral(
            "DO $$ DECLARE t text; BEGIN SELECT string_agg(c::text, ', ') INTO t FROM unnest(%1) AS c WHERE "
            "NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.contype = 'f' AND k.confrelid = c); IF t IS "
            "NOT NULL THEN EXECUTE 'TRUNCATE ' || t; PERFORM set_config('%2', t, true); END IF; END $$")
            .arg(tables, postgres::kCopyFrozen);
    // COPY FROM is refused into a table whose row-level security applies to the login ("COPY FROM
    // not supported with row-level security"), and FORCE ROW LEVEL SECURITY (audit_log and the
    // register's tables, accessControlStatements()) holds the owner to it too: the documented
    // installer login, not a superuser, could not push. The owner lifts FORCE for the copy, inside
    // the transaction (ALTER TABLE holds the table's exclusive lock: no other session sees it), and
    // afterCopy() puts it back on the same tables (kept in a transaction-local setting).
    const QString unforce =
        QStringLiteral(
            "DO $$ DECLARE r record; t text := ''; BEGIN FOR r IN SELECT c.oid::regclass AS tab FROM "
            "pg_class c "
            "WHERE c.oid = ANY(%1) AND c.relforcerowsecurity LOOP EXECUTE format('ALTER TABLE %s NO FORCE "
            "ROW "
            "LEVEL SECURITY', r.tab); t := t || r.tab::text || ','; END LOOP; PERFORM set_config('%2', t, "
            "true); END $$")
            .arg(tables, kCopyForced);
    for (const QString &statement :
         {collect, drop, truncate, unforce, QStringLiteral("SET LOCAL maintenance_work_mem = '256MB'")}) {
        if (auto r = db.exec(statement); !r)
            return r.error();
    }
    return okStatus();
}

Status PostgresDialect::afterCopy(Database &db) const
{
    // The indexes, then the foreign keys (each checked in one pass over its table).
    auto rebuild = db.value(QStringLiteral("SELECT current_setting('rectrack.copy_rebuild', true)"));
    if (!rebuild)
        return rebuild.error();
    const QString rebuildText = rebuild->toString();
    for (const QString &statement :
         rebuildText.split(rebuildSeparator(), Qt::SkipEmptyParts) + postgres::textCharactersStatistics()) {
        if (auto r = db.exec(statement); !r)
            return r.error();
    }
    // Row-level security forced again where beforeCopy() lifted it.
    auto forced = db.value(QStringLiteral("SELECT current_setting('%1', true)").arg(kCopyForced));
    if (!forced)
        return forced.error();
    for (const QString &table : forced->toString().split(u',', Qt::SkipEmptyParts)) {
        if (auto r = db.exec(QStringLiteral("ALTER TABLE %1 FORCE ROW LEVEL SECURITY").arg(table)); !r)
            return r.error();
    }
    // The latest state of every copied problem is the copy's ProblemFactsDeferral's (finish()).
    for (const QString &statement : copyTriggerStatements(true)) {
        if (auto r = db.exec(statement); !r)
            return r.error();
    }
    // One notification for the whole copy: anything may have changed (LiveUpdates reads "*").
    if (auto r = db.exec(
            QStringLiteral("SELECT pg_notify('%1', '{\"table\":\"*\"}')").arg(postgres::kChangeChannel));
        !r)
        return r.error();

    // Every identity column's sequence moves past the highest key copied in.
    QList<std::pair<QString, QString>> identities;
    const Status read =
        db.forEachRow(QStringLiteral("SELECT table_name, column_name FROM information_schema.columns "
                                     "WHERE table_schema = current_schema() AND is_identity = 'YES'"),
                      {}, [&](const SqlRow &r) {
                          identities.append({r.text(0), r.text(1)});
                      });
    if (!read)
        return read;
    for (const auto &[table, column] : identities) {
        auto r =
            db.exec(QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', '%2'), coalesce(max(%2), 0) + "
                                   "1, false) FROM %1")
                        .arg(table, column));
        if (!r)
            return r.error();
    }
    return okStatus();
}

Result<QStringList> PostgresDialect::tables(Database &db) const
{
    QStringList out;
    const Status s = db.forEachRow(QStringLiteral("SELECT c.relname FROM pg_class c WHERE c.relnamespace = "
                                                  "current_schema()::regnamespace AND c.relkind = 'r' ORDER "
                                                  "BY c.relname"),
                                   {}, [&](const SqlRow &r) {
                                       // Who may log in is the server's own, never a file's.
                                       if (!postgres::accessTables().contains(r.text(0)))
                                           out << r.text(0);
                                   });
    if (!s)
        return s.error();
    return out;
}

} // namespace rectrack::core
