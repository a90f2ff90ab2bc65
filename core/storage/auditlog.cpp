#include "auditlog.h"

#include "exchange/exchangetables.h"
#include "exchange/sitescope.h"
#include "problemfacts.h"
#include "schema.h"
#include "sha256.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlField>
#include <QSqlRecord>

#include <algorithm>
#include <cctype>
#include <cstring>

namespace rectrack::core {

const QString AuditLog::kGenesisHash = QString(64, QLatin1Char('0'));

namespace {

const QString &kGenesis = AuditLog::kGenesisHash;

thread_local int t_heldRowWrites = 0;

/// The ownership rule at the one place every audited change passes (issue #26): a row of an
/// exchanged table that is held here for another site is read-only unless the exchange import
/// writes it. @p before is the row's snapshot.
Status checkHeld(Database &db, const QString &table, const QJsonObject &before)
{
    if (t_heldRowWrites > 0 || !exchange::specOf(table))
        return okStatus();
    const QString uuid = before.value(QLatin1String("uuid")).toString();
    if (uuid.isEmpty())
        return okStatus();
    return exchange::SiteScopes::checkWritableUuid(db, uuid);
}

} // namespace

AuditLog::HeldRowWrites::HeldRowWrites()
{
    ++t_heldRowWrites;
}

AuditLog::HeldRowWrites::~HeldRowWrites()
{
    --t_heldRowWrites;
}

bool AuditLog::HeldRowWrites::active()
{
    return t_heldRowWrites > 0;
}

QJsonValue AuditLog::jsonOf(const QVariant &v)
{
    if (v.isNull())
        return QJsonValue::Null;
    switch (v.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
    case QMetaType::ULongLong:
    case QMetaType::UInt:
        return QJsonValue(v.toLongLong());
    case QMetaType::Double:
        return QJsonValue(v.toDouble());
    default:
        return QJsonValue(v.toString());
    }
}

namespace {

QJsonValue jsonOf(const QVariant &v)
{
    return AuditLog::jsonOf(v);
}

QJsonObject recordToJson(const QSqlRecord &rec, int skipFirst = 0)
{
    QJsonObject o;
    for (int i = skipFirst; i < rec.count(); ++i) {
        const QSqlField f = rec.field(i);
        // The server's key of a two-column-key table (postgresschema.cpp) is SQLite's hidden rowid,
        // which SELECT * leaves out of the file's snapshots.
        // A site's private signing key (exchange_sites) stays out of the log.
        if (f.metaType().id() == QMetaType::QByteArray || f.name() == QLatin1String("data") ||
            f.name() == QLatin1String("rowid") || f.name() == QLatin1String("private_key"))
            continue;
        o.insert(f.name(), jsonOf(rec.value(i)));
    }
    return o;
}

QString compact(const QJsonObject &o)
{
    return AuditLog::compactJson(o);
}

/// A row's last logged state in 16 bytes (verify keeps one per row of the register, not its
/// JSON: 1.9 million rows at 100,000 problems): the first half of the SHA-256 of the snapshot with
/// its null members left out (withoutNullMembers), so that a column the log does not name counts
/// as equal while the row holds NULL in it (a column added by a later schema step, schema 2:
/// problems.deleted_at, is NULL in the rows last logged before the step). All zero: deleted.
struct StateDigest
{
    quint64 first = 0;
    quint64 second = 0;
    bool operator==(const StateDigest &) const = default;
    bool deleted() const { return first == 0 && second == 0; }
};

/// @p json (one flat object as AuditLog::compactJson writes it) without its null members. A null
/// member is `"name":null` right after `{` or `,` and right before `,` or `}`, its name a column
/// name; such a sequence cannot lie inside a string value, whose quotes are escaped.
QByteArray withoutNullMembers(const QByteArray &json)
{
    QByteArray out;
    out.reserve(json.size());
    const qsizetype n = json.size();
    qsizetype i = 0;
    while (i < n) {
        const char c = json.at(i);
        if ((c == '{' || c == ',') && i + 1 < n && json.at(i + 1) == '"') {
            qsizetype j = i + 2;
            while (j < n && (std::isalnum(uchar(json.at(j))) || json.at(j) == '_'))
                ++j;
            const qsizetype end = j + 6; // after `":null`
            if (j > i + 2 && end < n && QByteArrayView(json).sliced(j, 6) == QByteArrayView("\":null") &&
                (json.at(end) == ',' || json.at(end) == '}')) {
                if (c == '{') {
                    out += '{';
                    i = json.at(end) == ',' ? end + 1 : end;
                } else {
                    i = end;
                }
                continue;
            }
        }
        out += c;
        ++i;
    }
    return out;
}

StateDigest stateDigest(const QString &json)
{
    if (json.isEmpty())
        return {};
    const QByteArray sha =
        QCryptographicHash::hash(withoutNullMembers(json.toUtf8()), QCryptographicHash::Sha256);
    StateDigest d;
    std::memcpy(&d.first, sha.constData(), 8);
    std::memcpy(&d.second, sha.constData() + 8, 8);
    if (d.deleted())
        d.second = 1; // a live row never reads as deleted
    return d;
}

/// Rows a server sends whole (Database::exec): a scan of millions (the audit log) goes through a
/// cursor of the verification's read transaction, @p batch rows a time, so that neither libpq
/// nor the program holds them all. A file steps through its rows anyway. @p fn as in
/// Database::forEachRow, returning bool (false stops).
template <typename Fn> Status scanRows(Database &db, bool inTransaction, const QString &sql, Fn &&fn)
{
    if (!db.onServer() || !inTransaction)
        return db.forEachRow(sql, {}, std::forward<Fn>(fn));
    constexpr int batch = 5000;
    if (auto r = db.exec(QStringLiteral("DECLARE rt_verify_scan NO SCROLL CURSOR FOR ") + sql); !r)
        return r.error();
    bool stopped = false;
    int rows = batch;
    while (!stopped && rows == batch) {
        rows = 0;
        const Status s = db.forEachRow(QStringLiteral("FETCH FORWARD %1 FROM rt_verify_scan").arg(batch), {},
                                       [&](const SqlRow &r) -> bool {
                                           ++rows;
                                           stopped = !fn(r);
                                           return !stopped;
                                       });
        if (!s)
            return s;
    }
    if (auto r = db.exec(QStringLiteral("CLOSE rt_verify_scan")); !r)
        return r.error();
    return okStatus();
}

} // namespace

QString AuditLog::compactJson(const QJsonObject &o)
{
    if (o.isEmpty())
        return QString();
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

Result<QJsonObject> AuditLog::snapshot(Database &db, const QString &table, qint64 id)
{
    QJsonObject out;
    const Status s =
        db.forEachRow(QStringLiteral("SELECT * FROM %1 WHERE %2 = ?").arg(table, schema::keyColumn(table)),
                      {id}, [&](const SqlRow &r) { out = recordToJson(r.record()); });
    if (!s)
        return s.error();
    return out;
}

Result<qint64> AuditLog::insert(Database &db, const QString &table, QVariantMap values)
{
    if (!values.contains(QStringLiteral("uuid")))
        values.insert(QStringLiteral("uuid"), Database::newUuid());
    QStringList cols;
    QStringList marks;
    QVariantList binds;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        cols << it.key();
        marks << QStringLiteral("?");
        binds << it.value();
    }
    // RETURNING, not lastInsertId(): on the server that reads lastval(), the id of the last row any
    // trigger inserted (../shared/notes/server.md §2).
    auto inserted = db.value(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) RETURNING %4")
                                 .arg(table, cols.join(u','), marks.join(u','), schema::keyColumn(table)),
                             binds);
    if (!inserted)
        return inserted.error();
    const qint64 id = inserted->toLongLong();
    auto after = snapshot(db, table, id);
    if (!after)
        return after.error();
    if (const Status s = record(db, table, id, QStringLiteral("insert"), {}, *after); !s)
        return s.error();
    return id;
}

Status AuditLog::update(Database &db, const QString &table, qint64 id, const QVariantMap &values)
{
    auto read = snapshot(db, table, id);
    if (!read)
        return read.error();
    const QJsonObject before = *read;
    if (before.isEmpty())
        return Error{ErrorCode::InputRefused, tr("The record %1 #%2 does not exist.").arg(table).arg(id)};
    if (const Status s = checkHeld(db, table, before); !s)
        return s;
    // Only the columns whose value changes are written: on a server a login may write some
    // columns of a row and not others (a unit clerk: the note, not the description; issue #23),
    // and an editor saves every field it shows.
    QStringList sets;
    QVariantList binds;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (before.contains(it.key()) && before.value(it.key()) == jsonOf(Database::portableBind(it.value())))
            continue;
        sets << it.key() + QStringLiteral(" = ?");
        binds << it.value();
    }
    if (sets.isEmpty())
        return okStatus();
    binds << id;
    auto r = db.exec(
        QStringLiteral("UPDATE %1 SET %2 WHERE %3 = ?").arg(table, sets.join(u','), schema::keyColumn(table)),
        binds);
    if (!r)
        return r.error();
    read = snapshot(db, table, id);
    if (!read)
        return read.error();
    QJsonObject after = *read;
    if (after == before)
        return okStatus();
    // Rows with a version column (problems, measures) count every change, so that an editor that
    // read an older version is refused (stale edit) whichever service changed the row meanwhile.
    if (before.contains(QLatin1String("version")) && !values.contains(QStringLiteral("version"))) {
        auto v = db.exec(QStringLiteral("UPDATE %1 SET version = version + 1 WHERE %2 = ?")
                             .arg(table, schema::keyColumn(table)),
                         {id});
        if (!v)
            return v.error();
        read = snapshot(db, table, id);
        if (!read)
            return read.error();
        after = *read;
    }
    return record(db, table, id, QStringLiteral("update"), before, after);
}

Status AuditLog::remove(Database &db, const QString &table, qint64 id)
{
    auto read = snapshot(db, table, id);
    if (!read)
        return read.error();
    const QJsonObject before = *read;
    if (before.isEmpty())
        return Error{ErrorCode::InputRefused, tr("The record %1 #%2 does not exist.").arg(table).arg(id)};
    if (const Status s = checkHeld(db, table, before); !s)
        return s;
    auto r =
        db.exec(QStringLiteral("DELETE FROM %1 WHERE %2 = ?").arg(table, schema::keyColumn(table)), {id});
    if (!r)
        return r.error();
    return record(db, table, id, QStringLiteral("delete"), before, {});
}

QString AuditLog::chainHash(const QString &prevHash, const QString &at, const QString &actor,
                            const QString &entity, qint64 id, const QString &action, const QString &before,
                            const QString &after)
{
    const QChar sep(0x1f);
    const QString text = prevHash + sep + at + sep + actor + sep + entity + sep + QString::number(id) + sep +
                         action + sep + before + sep + after;
    return QString::fromLatin1(Sha256::hexOf(text.toUtf8()));
}

Status AuditLog::record(Database &db, const QString &entity, qint64 id, const QString &action,
                        const QJsonObject &before, const QJsonObject &after)
{
    QString prevHash = db.cachedAuditHead();
    if (prevHash.isEmpty()) {
        // Concurrent writers on a server: one chain step at a time (the lock lasts until commit).
        if (const Status s = db.dialect().lockAuditChain(db); !s)
            return s;
        auto prev = db.value(db.dialect().auditHeadQuery());
        if (!prev)
            return prev.error();
        prevHash = prev->isValid() ? prev->toString() : kGenesis;
    }
    const QString at = db.clock().now().toUTC().toString(Qt::ISODateWithMs);
    const QString b = compact(before);
    const QString a = compact(after);
    const QString hash = chainHash(prevHash, at, db.actor(), entity, id, action, b, a);
    auto r =
        db.exec(QStringLiteral("INSERT INTO audit_log (at, actor, entity, entity_id, action, before_json, "
                               "after_json, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?)"),
                {at, db.actor(), entity, id, action, b.isEmpty() ? QVariant() : QVariant(b),
                 a.isEmpty() ? QVariant() : QVariant(a), prevHash, hash});
    if (!r)
        return r.error();
    // Keep the cached head current: BulkInserter continues the chain from it, and a stale head
    // would fork the chain when row-by-row and bulk entries interleave in one transaction.
    db.setCachedAuditHead(hash);
    return okStatus();
}

qint64 AuditLog::length(Database &db)
{
    return db.scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong();
}

AuditLog::Change AuditLog::lastChange(Database &db, const QString &table, qint64 id)
{
    Change change;
    // A read error is recorded by the runner (Database::damageSeen()); the change stays unknown.
    db.forEachRow(QStringLiteral("SELECT actor, at FROM audit_log WHERE entity = ? AND entity_id = ? "
                                 "ORDER BY id DESC LIMIT 1"),
                  {table, id}, [&](const SqlRow &r) {
                      change = {r.text(0), QDateTime::fromString(r.text(1), Qt::ISODateWithMs)};
                  });
    return change;
}

QDateTime AuditLog::newestTime(Database &db)
{
    // The sequence (id) orders the log and its hash chain; "at" is only what the writer's clock said.
    const QVariant at = db.scalar(QStringLiteral("SELECT at FROM audit_log ORDER BY id DESC LIMIT 1"));
    return at.isValid() ? QDateTime::fromString(at.toString(), Qt::ISODateWithMs) : QDateTime();
}

namespace {

/// Holds one read transaction for the whole verification, so that every step sees the same
/// snapshot while other processes keep writing (WAL readers do not block writers). Without it,
/// rows committed between reading the audit log and reading the tables look like rows written
/// behind the program's back.
class ReadSnapshot
{
public:
    explicit ReadSnapshot(Database &db) : m_db(db)
    {
        if (db.transactionDepth() == 0)
            m_open = db.exec(db.dialect().beginReadSnapshot()).ok();
    }
    ~ReadSnapshot()
    {
        if (m_open)
            m_db.exec(QStringLiteral("ROLLBACK"));
    }
    /// Whether this verification reads inside one transaction (its own or its caller's).
    bool inTransaction() const { return m_open || m_db.transactionDepth() > 0; }
    ReadSnapshot(const ReadSnapshot &) = delete;
    ReadSnapshot &operator=(const ReadSnapshot &) = delete;

private:
    Database &m_db;
    bool m_open = false;
};

} // namespace

std::optional<AuditAnchor> AuditAnchor::parse(const QString &text)
{
    const qsizetype colon = text.indexOf(u':');
    bool ok = false;
    const qint64 id = text.left(colon).toLongLong(&ok);
    const QString hash = text.mid(colon + 1).trimmed().toLower();
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    if (colon < 0 || !ok || id <= 0 || !hex.match(hash).hasMatch())
        return std::nullopt;
    return AuditAnchor{id, hash};
}

VerifyReport Verifier::verify(Database &db, const std::optional<AuditAnchor> &anchor)
{
    VerifyReport report;
    const ReadSnapshot snapshot(db);
    // 1. The database's own check of pages and indexes (SQLite's integrity_check).
    {
        const auto faults = db.dialect().integrityCheck(db);
        if (!faults) {
            report.faults << tr("The integrity check could not run: %1").arg(faults.error().message);
            return report;
        }
        for (const QString &line : *faults)
            report.faults << tr("SQLite integrity check: %1").arg(line);
    }
    // 2. Schema.
    if (db.schemaVersion() != schema::kVersion)
        report.faults << tr("Unexpected schema version %1 (expected %2).")
                             .arg(db.schemaVersion())
                             .arg(schema::kVersion);
    if (db.dialect().applicationId(db) != qint64(schema::kApplicationId))
        report.faults << tr("The application id is not Rectrack's.");
    const auto tables = db.dialect().tables(db);
    if (!tables) {
        report.faults << tables.error().message;
        return report;
    }
    for (const QString &t : schema::auditedTables() + QStringList{QStringLiteral("audit_log")}) {
        if (!tables->contains(t))
            report.faults << tr("Table %1 is missing.").arg(t);
    }
    if (!report.ok())
        return report;

    // 3. The audit chain, and the last logged state of every row.
    QHash<QString, QHash<qint64, StateDigest>> lastState; // table -> id -> last logged state
    bool anchorSeen = false;
    {
        QString prev = kGenesis;
        const Status s = scanRows(
            db, snapshot.inTransaction(),
            QStringLiteral("SELECT id, at, actor, entity, entity_id, action, before_json, after_json, "
                           "prev_hash, hash FROM audit_log ORDER BY id"),
            [&](const SqlRow &row) -> bool {
                const SqlRow *r = &row;
                ++report.auditEntries;
                const qint64 logId = r->value(0).toLongLong();
                const QString entity = r->value(3).toString();
                const qint64 entityId = r->value(4).toLongLong();
                const QString before = r->value(6).toString();
                const QString after = r->value(7).toString();
                const QString prevHash = r->value(8).toString();
                const QString hash = r->value(9).toString();
                if (prevHash != prev)
                    report.faults
                        << tr("Audit log entry %1 does not follow the entry before it (an entry was removed "
                              "or inserted).")
                               .arg(logId);
                const QString expect =
                    AuditLog::chainHash(prevHash, r->value(1).toString(), r->value(2).toString(), entity,
                                        entityId, r->value(5).toString(), before, after);
                if (expect != hash)
                    report.faults
                        << tr("Audit log entry %1 was altered (its hash does not match).").arg(logId);
                prev = hash;
                report.headId = logId;
                report.headHash = hash;
                anchorSeen = anchorSeen || (anchor && logId == anchor->entryId);
                if (anchor && logId == anchor->entryId && hash != anchor->hash)
                    report.faults << tr("Audit log entry %1 no longer has the hash noted for it (%2): the "
                                        "history up to it was rewritten.")
                                         .arg(logId)
                                         .arg(anchor->hash);
                lastState[entity].insert(entityId, stateDigest(after));
                return report.faults.size() <= 50;
            });
        if (!s) {
            report.faults << s.error().message;
            return report;
        }
        if (report.faults.size() > 50)
            return report;
    }
    if (anchor && !anchorSeen)
        report.faults << tr("Audit log entry %1, noted with its hash, is missing: the log was cut short "
                            "or rewritten.")
                             .arg(anchor->entryId);
    // 4. Every row equals its last logged state; no logged row is missing.
    for (const QString &table : schema::auditedTables()) {
        QSet<qint64> present;
        const QHash<qint64, StateDigest> logged = lastState.take(table);
        const Status s =
            scanRows(
                db, snapshot.inTransaction(),
                QStringLiteral("SELECT %1, * FROM %2").arg(schema::keyColumn(table), table),
                [&](const SqlRow &sqlRow) -> bool {
                    const SqlRow *r = &sqlRow;
                    ++report.rowsChecked;
                    const qint64 id = r->value(0).toLongLong();
                    present.insert(id);
                    const auto it = logged.constFind(id);
                    if (it == logged.cend() || it->deleted())
                        report.faults
                            << tr("Row %1 of %2 is not in the audit log (written behind the program's back).")
                                   .arg(id)
                                   .arg(table);
                    else if (*it != stateDigest(compact(recordToJson(r->record(), 1))))
                        report.faults
                            << tr("Row %1 of %2 differs from its last logged state (changed behind the "
                                  "program's back).")
                                   .arg(id)
                                   .arg(table);
                    return report.faults.size() <= 50;
                });
        if (!s) {
            report.faults << s.error().message;
            continue;
        }
        if (report.faults.size() > 50)
            return report;
        for (auto it = logged.cbegin(); it != logged.cend(); ++it) {
            if (!it->deleted() && !present.contains(it.key()))
                report.faults
                    << tr("Row %1 of %2 was deleted behind the program's back.").arg(it.key()).arg(table);
        }
    }
    // 5. Evidence blobs against their hashes.
    {
        const Status s = scanRows(
            db, snapshot.inTransaction(), QStringLiteral("SELECT id, sha256, data, size FROM evidence"),
            [&](const SqlRow &r) -> bool {
                const QByteArray data = r.value(2).toByteArray();
                const QString sha =
                    QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
                if (sha != r.text(1) || data.size() != r.integer(3))
                    report.faults << tr("Evidence file #%1 does not match its SHA-256.").arg(r.integer(0));
                return true;
            });
        if (!s)
            report.faults << s.error().message;
    }
    // 6. The derived tables the statistics read (schema steps 3 and 4) against a recomputation
    // from the base tables: a mismatch means figures on screen and in reports may be wrong.
    if (report.faults.isEmpty()) {
        const qint64 stale = ProblemFactsDeferral::staleLatestStates(db) +
                             ProblemFactsDeferral::staleFacts(db) + ProblemFactsDeferral::staleTally(db);
        if (stale > 0)
            report.faults << tr(
                "The statistics tables (problem_latest_state, problem_facts, problem_tally) differ "
                "from the problems, their state history and measures in %n row(s), so the "
                "figures may be wrong. Restore a backup, or report it to the Rectrack team.",
                nullptr, int(std::min<qint64>(stale, 1000000)));
    }
    return report;
}

} // namespace rectrack::core
