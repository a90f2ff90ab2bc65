// exchange import (Exchange::importPackage).
#include "conflicts.h"
#include "exchange.h"
#include "exchangetables.h"
#include "package.h"
#include "signing.h"
#include "sites.h"
#include "unitduplicates.h"

#include "io/safefile.h"
#include "storage/auditlog.h"
#include "storage/schema.h"
#include "storage/sha256.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace rectrack::core::exchange {

namespace {

/// What this register knows of a row held for another site (exchange_rows).
struct Held
{
    QString owner;
    qint64 version = 0;
    bool deleted = false;
    QString aliasOf;
};

enum class Applied
{
    Added,
    Updated,
    Deleted,
    Unchanged,
    Conflict,
    Deferred ///< a referenced row is not there (yet)
};

class Applier
{
    Q_DECLARE_TR_FUNCTIONS(rectrack::core::exchange::Exchange)
public:
    Applier(Database &db, const QString &sender, const QString &partnerRow, qint64 seq,
            const QJsonObject &tables, const QHash<QString, QByteArray> &entries)
        : m_db(db), m_sender(sender), m_partner(partnerRow), m_seq(seq), m_tables(tables), m_entries(entries),
          m_reader(db)
    {
    }

    Status run(ImportResult &result)
    {
        if (const Status s = m_db.forEachRow(
                QStringLiteral("SELECT uuid, owner_site, version, deleted, alias_of FROM exchange_rows"), {},
                [&](const SqlRow &r) {
                    m_held.insert(r.text(0), {r.text(1), r.integer(2), r.integer(3) != 0, r.text(4)});
                });
            !s)
            return s;
        // Units and problems of the package, for the counts by unit.
        for (const QJsonValue &v : m_tables.value(QLatin1String("units")).toArray()) {
            const QJsonObject row = v.toObject();
            m_unitNames.insert(
                row.value(QLatin1String("uuid")).toString(),
                row.value(QLatin1String("values")).toObject().value(QLatin1String("name")).toString());
        }
        for (const QJsonValue &v : m_tables.value(QLatin1String("problems")).toArray()) {
            const QJsonObject row = v.toObject();
            m_problemUnits.insert(
                row.value(QLatin1String("uuid")).toString(),
                row.value(QLatin1String("values")).toObject().value(QLatin1String("unit_id")).toString());
        }
        for (auto it = m_tables.begin(); it != m_tables.end(); ++it)
            if (!specOf(it.key()))
                return Error{ErrorCode::InputRefused,
                             tr("The package holds rows of an unknown table %1.").arg(it.key())};
        const QList<TableSpec> &specs = tableSpecs();
        // Rows first, parents before children; rows whose reference is not there yet wait for the
        // next pass (a problem that repeats a problem later in the package).
        for (const TableSpec &spec : specs) {
            QList<QJsonObject> pending;
            for (const QJsonValue &v : m_tables.value(spec.name).toArray())
                if (!v.toObject().value(QLatin1String("deleted")).toBool())
                    pending << v.toObject();
            // In the order the sender wrote them (its audit sequence), so that new rows get ids in
            // its order here too: the state history breaks ties of one date by id.
            std::stable_sort(pending.begin(), pending.end(), [](const QJsonObject &a, const QJsonObject &b) {
                return a.value(QLatin1String("version")).toInteger() <
                       b.value(QLatin1String("version")).toInteger();
            });
            while (!pending.isEmpty()) {
                QList<QJsonObject> waiting;
                for (const QJsonObject &row : std::as_const(pending)) {
                    auto r = applyRow(spec, row);
                    if (!r)
                        return r.error();
                    if (*r == Applied::Deferred)
                        waiting << row;
                    else
                        count(result, spec, row, *r);
                }
                if (waiting.size() == pending.size()) {
                    for (const QJsonObject &row : std::as_const(waiting)) {
                        if (const Status s = conflict(spec.name, row, QStringLiteral("missing_reference"));
                            !s)
                            return s;
                        count(result, spec, row, Applied::Conflict);
                    }
                    break;
                }
                pending = waiting;
            }
        }
        // Then tombstones, children before parents.
        for (auto spec = specs.crbegin(); spec != specs.crend(); ++spec)
            for (const QJsonValue &v : m_tables.value(spec->name).toArray())
                if (v.toObject().value(QLatin1String("deleted")).toBool()) {
                    const QJsonObject row = v.toObject();
                    // Counted under the unit the row had here before it goes.
                    const QString unit = unitOf(*spec, row);
                    auto r = applyTombstone(*spec, row);
                    if (!r)
                        return r.error();
                    add(result, unit, *r);
                }
        return okStatus();
    }

private:
    Result<qint64> localId(const QString &table, const QString &uuid)
    {
        auto v = m_db.value(
            QStringLiteral("SELECT %1 FROM %2 WHERE uuid = ?").arg(schema::keyColumn(table), table), {uuid});
        if (!v)
            return v.error();
        return v->isValid() ? v->toLongLong() : qint64(0);
    }

    /// The local id a package reference to @p uuid in @p table stands for (0 when there is none).
    Result<qint64> resolve(const QString &table, const QString &uuid)
    {
        const auto it = m_held.constFind(uuid);
        const QString target = it != m_held.cend() && !it->aliasOf.isEmpty() ? it->aliasOf : uuid;
        return localId(table, target);
    }

    Status remember(const QString &table, const QString &uuid, qint64 version, bool deleted,
                    const QString &alias = {})
    {
        auto r = m_db.exec(
            QStringLiteral("INSERT INTO exchange_rows (uuid, entity, owner_site, version, deleted, "
                           "alias_of) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (uuid) DO UPDATE SET "
                           "entity = excluded.entity, owner_site = excluded.owner_site, version = "
                           "excluded.version, deleted = excluded.deleted, alias_of = excluded.alias_of"),
            {uuid, table, m_sender, version, deleted ? 1 : 0,
             alias.isEmpty() ? QVariant() : QVariant(alias)});
        if (!r)
            return r.error();
        m_held.insert(uuid, {m_sender, version, deleted, alias});
        return okStatus();
    }

    /// Records a row the package could not apply, once per row and kind while unresolved.
    Status conflict(const QString &table, const QJsonObject &row, const QString &kind)
    {
        const QString uuid = row.value(QLatin1String("uuid")).toString();
        auto known =
            m_db.value(QStringLiteral("SELECT 1 FROM exchange_conflicts WHERE row_uuid = ? AND kind = ? AND "
                                      "partner = ? AND resolution IS NULL"),
                       {uuid, kind, m_partner});
        if (!known)
            return known.error();
        if (known->isValid())
            return okStatus();
        auto id = AuditLog::insert(
            m_db, QStringLiteral("exchange_conflicts"),
            {{QStringLiteral("partner"), m_partner},
             {QStringLiteral("seq"), m_seq},
             {QStringLiteral("entity"), table},
             {QStringLiteral("row_uuid"), uuid},
             {QStringLiteral("kind"), kind},
             {QStringLiteral("incoming_json"),
              QString::fromUtf8(QJsonDocument(row).toJson(QJsonDocument::Compact))},
             {QStringLiteral("recorded_at"), m_db.clock().now().toUTC().toString(Qt::ISODate)}});
        return id ? okStatus() : Status(id.error());
    }

    Result<Applied> applyRow(const TableSpec &spec, const QJsonObject &row)
    {
        const QString uuid = row.value(QLatin1String("uuid")).toString();
        const qint64 version = row.value(QLatin1String("version")).toInteger();
        const QJsonObject values = row.value(QLatin1String("values")).toObject();
        if (uuid.isEmpty() || version <= 0)
            return Error{ErrorCode::InputRefused,
                         tr("The package holds a row of %1 without its UUID or version.").arg(spec.name)};
        const auto held = m_held.constFind(uuid);
        auto id = localId(spec.name, uuid);
        if (!id)
            return id.error();
        if (held != m_held.cend() && held->owner != m_sender) {
            if (const Status s = conflict(spec.name, row, QStringLiteral("owned_by_other_site")); !s)
                return s.error();
            return Applied::Conflict;
        }
        if (held == m_held.cend() && *id > 0) {
            // A row of this register (or a shared standard category): never overwritten.
            auto mine = m_reader.values(spec.name, uuid);
            if (!mine)
                return mine.error();
            if (*mine && **mine == values)
                return Applied::Unchanged;
            if (const Status s = conflict(spec.name, row, QStringLiteral("owned_here")); !s)
                return s.error();
            return Applied::Conflict;
        }
        if (held != m_held.cend() && version <= held->version)
            return Applied::Unchanged;
        if (held != m_held.cend() && !held->aliasOf.isEmpty()) {
            if (const Status s = remember(spec.name, uuid, version, false, held->aliasOf); !s)
                return s.error();
            return Applied::Conflict;
        }
        // The values to write, references as local ids.
        QVariantMap binds;
        for (auto it = values.begin(); it != values.end(); ++it)
            binds.insert(it.key(), bindOf(it.value()));
        for (const auto &[column, target] : spec.foreignKeys) {
            const QJsonValue ref = values.value(column);
            if (ref.isNull() || ref.isUndefined())
                continue;
            auto refId = resolve(target, ref.toString());
            if (!refId)
                return refId.error();
            if (*refId == 0)
                return Applied::Deferred;
            binds.insert(column, *refId);
        }
        if (spec.name == QLatin1String("evidence")) {
            // The file from the package, else the same file already here (--no-evidence).
            const QString sha = values.value(QLatin1String("sha256")).toString();
            const QString entry = QStringLiteral("evidence/") + sha;
            if (m_entries.contains(entry)) {
                binds.insert(QStringLiteral("data"), m_entries.value(entry));
            } else {
                auto data =
                    m_db.value(QStringLiteral("SELECT data FROM evidence WHERE sha256 = ? LIMIT 1"), {sha});
                if (!data)
                    return data.error();
                binds.insert(QStringLiteral("data"), data->toByteArray());
            }
        }
        Applied outcome = Applied::Updated;
        if (*id > 0) {
            auto mine = m_reader.values(spec.name, uuid);
            if (!mine)
                return mine.error();
            if (*mine && **mine == values) {
                outcome = Applied::Unchanged;
            } else if (const Status s = AuditLog::update(m_db, spec.name, *id, binds); !s) {
                return s.error();
            } else if (spec.name == QLatin1String("units")) {
                if (const Status d = recordDuplicates(*id, values.value(QLatin1String("name")).toString());
                    !d)
                    return d.error();
            }
        } else {
            // Units are matched by UUID only: a unit of another name-sake is a unit of its own, and
            // a possible duplicate for a person (recordDuplicates), never merged here.
            if (!spec.uniqueName.isEmpty() && spec.name != QLatin1String("units")) {
                auto taken = m_db.value(
                    QStringLiteral("SELECT uuid FROM %1 WHERE %2 = ?").arg(spec.name, spec.uniqueName),
                    {binds.value(spec.uniqueName)});
                if (!taken)
                    return taken.error();
                if (taken->isValid()) {
                    // Another row of that name is here: references to this one go to it.
                    if (const Status s = remember(spec.name, uuid, version, false, taken->toString()); !s)
                        return s.error();
                    if (const Status s = conflict(spec.name, row, QStringLiteral("name_taken")); !s)
                        return s.error();
                    return Applied::Conflict;
                }
            }
            binds.insert(QStringLiteral("uuid"), uuid);
            auto added = AuditLog::insert(m_db, spec.name, binds);
            if (!added)
                return added.error();
            outcome = Applied::Added;
            if (spec.name == QLatin1String("units"))
                if (const Status d = recordDuplicates(*added, values.value(QLatin1String("name")).toString());
                    !d)
                    return d.error();
        }
        if (const Status s = remember(spec.name, uuid, version, false); !s)
            return s.error();
        return outcome;
    }

    /**
     * Records unit @p unitId of the sender, named @p name, as a possible duplicate of every unit of
     * another site here whose name is the same (UnitDuplicates::normalisedName), once per pair: a
     * pair already recorded (open or decided) is not offered again.
     */
    Status recordDuplicates(qint64 unitId, const QString &name)
    {
        const QString wanted = UnitDuplicates::normalisedName(name);
        QList<qint64> sameName;
        if (const Status s = m_db.forEachRow(
                QStringLiteral("SELECT id, uuid, name FROM units WHERE id <> ?"), {unitId},
                [&](const SqlRow &r) {
                    const auto held = m_held.constFind(r.text(1));
                    const QString owner = held != m_held.cend() ? held->owner : QString();
                    if (owner != m_sender && UnitDuplicates::normalisedName(r.text(2)) == wanted)
                        sameName << r.integer(0);
                });
            !s)
            return s;
        // A name-sake that is itself the partner's unit of a pair with another name-sake is not
        // paired again: every later unit of a name is paired with the first one (the city's unit,
        // not each district's with each other district's).
        QList<qint64> firsts;
        for (const qint64 other : std::as_const(sameName)) {
            bool paired = false;
            for (const qint64 first : std::as_const(sameName)) {
                auto pair = m_db.value(
                    QStringLiteral("SELECT 1 FROM unit_duplicates WHERE unit_id = ? AND other_unit_id = ?"),
                    {first, other});
                if (!pair)
                    return pair.error();
                paired = paired || pair->isValid();
            }
            if (!paired)
                firsts << other;
        }
        for (const qint64 other : std::as_const(firsts)) {
            auto known =
                m_db.value(QStringLiteral("SELECT 1 FROM unit_duplicates WHERE (unit_id = ? AND "
                                          "other_unit_id = ?) OR (unit_id = ? AND other_unit_id = ?)"),
                           {other, unitId, unitId, other});
            if (!known)
                return known.error();
            if (known->isValid())
                continue;
            auto id = AuditLog::insert(
                m_db, QStringLiteral("unit_duplicates"),
                {{QStringLiteral("unit_id"), other},
                 {QStringLiteral("other_unit_id"), unitId},
                 {QStringLiteral("partner"), m_partner},
                 {QStringLiteral("found_at"), m_db.clock().now().toUTC().toString(Qt::ISODate)},
                 {QStringLiteral("decision"), QStringLiteral("open")}});
            if (!id)
                return id.error();
            ++m_duplicates;
        }
        return okStatus();
    }

public:
    /// Possible duplicate units this import recorded.
    qint64 duplicates() const { return m_duplicates; }

private:
    Result<Applied> applyTombstone(const TableSpec &spec, const QJsonObject &row)
    {
        const QString uuid = row.value(QLatin1String("uuid")).toString();
        const qint64 version = row.value(QLatin1String("version")).toInteger();
        const auto held = m_held.constFind(uuid);
        auto id = localId(spec.name, uuid);
        if (!id)
            return id.error();
        if ((held != m_held.cend() && held->owner != m_sender) || (held == m_held.cend() && *id > 0)) {
            const QString kind =
                held != m_held.cend() ? QStringLiteral("owned_by_other_site") : QStringLiteral("owned_here");
            if (const Status s = conflict(spec.name, row, kind); !s)
                return s.error();
            return Applied::Conflict;
        }
        if (held != m_held.cend() && version <= held->version)
            return Applied::Unchanged;
        Applied outcome = Applied::Unchanged;
        if (*id > 0) {
            // A row that rows of this register still refer to stays (deleting it would take them along).
            for (const auto &[table, column] : referencesTo(spec.name)) {
                if (!m_db.mayRead(table))
                    continue;
                auto used = m_db.value(
                    QStringLiteral("SELECT 1 FROM %1 WHERE %2 = ? LIMIT 1").arg(table, column), {*id});
                if (!used)
                    return used.error();
                if (used->isValid()) {
                    if (const Status s = conflict(spec.name, row, QStringLiteral("still_referenced")); !s)
                        return s.error();
                    return Applied::Conflict;
                }
            }
            if (const Status s = AuditLog::remove(m_db, spec.name, *id); !s)
                return s.error();
            outcome = Applied::Deleted;
        }
        if (const Status s = remember(spec.name, uuid, version, true); !s)
            return s.error();
        return outcome;
    }

    QString unitName(const QString &unitUuid)
    {
        if (unitUuid.isEmpty())
            return {};
        if (m_unitNames.contains(unitUuid))
            return m_unitNames.value(unitUuid);
        const auto held = m_held.constFind(unitUuid);
        const QString target = held != m_held.cend() && !held->aliasOf.isEmpty() ? held->aliasOf : unitUuid;
        const QString name =
            m_db.scalar(QStringLiteral("SELECT name FROM units WHERE uuid = ?"), {target}).toString();
        m_unitNames.insert(unitUuid, name);
        return name;
    }

    QString unitOfProblem(const QString &problemUuid)
    {
        if (problemUuid.isEmpty())
            return {};
        if (!m_problemUnits.contains(problemUuid))
            m_problemUnits.insert(
                problemUuid,
                m_db.scalar(QStringLiteral("SELECT u.uuid FROM problems p JOIN units u ON u.id = "
                                           "p.unit_id WHERE p.uuid = ?"),
                            {problemUuid})
                    .toString());
        return unitName(m_problemUnits.value(problemUuid));
    }

    /// The unit a row belongs to ("" for reference data), by the package or, for a tombstone, here.
    QString unitOf(const TableSpec &spec, const QJsonObject &row)
    {
        QJsonObject values = row.value(QLatin1String("values")).toObject();
        if (row.value(QLatin1String("deleted")).toBool()) {
            auto here = m_reader.values(spec.name, row.value(QLatin1String("uuid")).toString());
            if (here && *here)
                values = **here;
        }
        if (spec.name == QLatin1String("units"))
            return values.value(QLatin1String("name")).toString();
        if (spec.name == QLatin1String("problems") || values.contains(QLatin1String("unit_id"))) {
            const QString u = unitName(values.value(QLatin1String("unit_id")).toString());
            if (!u.isEmpty() || spec.name == QLatin1String("problems"))
                return u;
        }
        return unitOfProblem(values.value(QLatin1String("problem_id")).toString());
    }

    void add(ImportResult &result, const QString &unit, Applied a)
    {
        for (ImportCounts *c : {&result.byUnit[unit], &result.total}) {
            switch (a) {
            case Applied::Added:
                ++c->added;
                break;
            case Applied::Updated:
                ++c->updated;
                break;
            case Applied::Deleted:
                ++c->deleted;
                break;
            case Applied::Unchanged:
                ++c->unchanged;
                break;
            case Applied::Conflict:
            case Applied::Deferred:
                ++c->conflicts;
                break;
            }
        }
    }

    void count(ImportResult &result, const TableSpec &spec, const QJsonObject &row, Applied a)
    {
        add(result, unitOf(spec, row), a);
    }

    Database &m_db;
    QString m_sender;
    QString m_partner;
    qint64 m_seq;
    QJsonObject m_tables;
    const QHash<QString, QByteArray> &m_entries;
    RowReader m_reader;
    QHash<QString, Held> m_held;
    QHash<QString, QString> m_unitNames;
    qint64 m_duplicates = 0;
    QHash<QString, QString> m_problemUnits;
};

/// What undoImport needs, read inside the import's transaction before it writes: the audit head,
/// the exchange bookkeeping and the files of the evidence rows here that @p tables names.
Status captureUndo(Database &db, const QJsonObject &tables, ImportUndo &undo)
{
    auto head = db.value(QStringLiteral("SELECT max(id) FROM audit_log"));
    if (!head)
        return head.error();
    undo.auditBefore = head->toLongLong();
    if (const Status s = db.forEachRow(
            QStringLiteral("SELECT uuid, entity, owner_site, version, deleted, alias_of FROM exchange_rows"),
            {},
            [&](const SqlRow &r) {
                undo.heldBefore << QVariantList{r.value(0), r.value(1), r.value(2),
                                                r.value(3), r.value(4), r.value(5)};
            });
        !s)
        return s;
    for (const QJsonValue &v : tables.value(QLatin1String("evidence")).toArray()) {
        const QString uuid = v.toObject().value(QLatin1String("uuid")).toString();
        if (const Status s = db.forEachRow(
                QStringLiteral("SELECT data FROM evidence WHERE uuid = ?"), {uuid},
                [&](const SqlRow &r) { undo.evidenceData.insert(uuid, r.value(0).toByteArray()); });
            !s)
            return s;
    }
    return okStatus();
}

} // namespace

Result<CheckedPackage> Exchange::checkPackage(const QString &path)
{
    const QString shown = QFileInfo(path).fileName();
    if (const Status s = SafeFile::checkInput(path, shown, qint64(1) << 30); !s)
        return s.error();
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{ErrorCode::InputRefused,
                     tr("Cannot read the package %1: %2").arg(path, f.errorString())};
    const QByteArray bytes = f.readAll();
    f.close();
    auto entries = PackageArchive::read(bytes, shown);
    if (!entries)
        return entries.error();
    auto refuse = [&](const QString &why) {
        return Error{ErrorCode::InputRefused, tr("%1 is refused: %2").arg(shown, why)};
    };
    QHash<QString, QByteArray> byName;
    for (const auto &[name, data] : *entries) {
        if (byName.contains(name))
            return refuse(tr("the entry %1 is there twice.").arg(name));
        byName.insert(name, data);
    }
    if (!byName.contains(QStringLiteral("manifest.json")) || !byName.contains(QStringLiteral("manifest.sig")))
        return refuse(tr("it has no signed manifest; it is not a Rectrack exchange package."));
    const QByteArray manifestJson = byName.value(QStringLiteral("manifest.json"));
    QJsonParseError parseError;
    const QJsonObject manifest = QJsonDocument::fromJson(manifestJson, &parseError).object();
    if (parseError.error != QJsonParseError::NoError ||
        manifest.value(QLatin1String("format")).toString() != QLatin1String("rectrack-exchange"))
        return refuse(tr("its manifest is not a Rectrack exchange manifest."));
    if (manifest.value(QLatin1String("formatVersion")).toInteger() != 1)
        return refuse(tr("it is of package format %1, which this program does not read.")
                          .arg(manifest.value(QLatin1String("formatVersion")).toInteger()));
    const QJsonObject sender = manifest.value(QLatin1String("sender")).toObject();
    const QByteArray publicKey =
        QByteArray::fromBase64(sender.value(QLatin1String("publicKey")).toString().toLatin1());
    const QByteArray signature = QByteArray::fromBase64(
        byName.value(QStringLiteral("manifest.sig")).trimmed(), QByteArray::AbortOnBase64DecodingErrors);
    // The algorithm the manifest names (Ed25519 when it names none) must be the key's.
    const QString algorithm = sender.value(QLatin1String("algorithm")).toString(QStringLiteral("Ed25519"));
    if (algorithm != algorithmName(algorithmOf(publicKey)))
        return refuse(
            tr("its manifest names the signature algorithm %1, which its key is not.").arg(algorithm));
    if (!verify(publicKey, manifestJson, signature))
        return refuse(tr("its signature does not match its manifest (the package was changed or damaged)."));
    // Every entry as the signed manifest lists it, and nothing else.
    QSet<QString> listed;
    for (const QJsonValue &v : manifest.value(QLatin1String("entries")).toArray()) {
        const QJsonObject e = v.toObject();
        const QString name = e.value(QLatin1String("name")).toString();
        listed.insert(name);
        if (!byName.contains(name))
            return refuse(tr("the entry %1 that its manifest lists is missing.").arg(name));
        const QByteArray data = byName.value(name);
        if (QString::fromLatin1(Sha256::hexOf(data)) != e.value(QLatin1String("sha256")).toString() ||
            data.size() != e.value(QLatin1String("size")).toInteger())
            return refuse(tr("the entry %1 does not match its SHA-256 in the manifest.").arg(name));
    }
    for (auto it = byName.cbegin(); it != byName.cend(); ++it)
        if (it.key() != QLatin1String("manifest.json") && it.key() != QLatin1String("manifest.sig") &&
            !listed.contains(it.key()))
            return refuse(tr("the entry %1 is not in its manifest.").arg(it.key()));
    if (!listed.contains(QStringLiteral("rows.json")))
        return refuse(tr("it carries no rows.json."));
    CheckedPackage out;
    out.fileName = shown;
    out.bytes = bytes;
    out.manifest = manifest;
    out.manifestJson = manifestJson;
    out.publicKey = publicKey;
    out.fingerprint = fingerprint(publicKey);
    out.entries = byName;
    out.sha256 = QString::fromLatin1(Sha256::hexOf(bytes));
    return out;
}

Result<ImportResult> Exchange::importPackage(Database &db, const QString &path, bool dryRun, bool trust,
                                             ImportUndo *undo)
{
    auto checked = checkPackage(path);
    if (!checked)
        return checked.error();
    const QString &shown = checked->fileName;
    const QByteArray &bytes = checked->bytes;
    const QJsonObject &manifest = checked->manifest;
    const QHash<QString, QByteArray> &byName = checked->entries;
    const QByteArray &publicKey = checked->publicKey;
    const QJsonObject sender = manifest.value(QLatin1String("sender")).toObject();
    auto refuse = [&](const QString &why) {
        return Error{ErrorCode::InputRefused, tr("%1 is refused: %2").arg(shown, why)};
    };
    const qint64 schemaVersion = manifest.value(QLatin1String("schemaVersion")).toInteger();
    if (schemaVersion != schema::kVersion)
        return refuse(tr("it was made by a register of schema %1; this program is at schema %2. Update the "
                         "older program first.")
                          .arg(schemaVersion)
                          .arg(schema::kVersion));

    auto me = Sites::self(db);
    if (!me)
        return me.error();
    const QString senderSite = sender.value(QLatin1String("site")).toString();
    const QString senderOffice = sender.value(QLatin1String("office")).toString();
    const QString senderPrint = fingerprint(publicKey);
    if (senderSite.isEmpty() || senderOffice.isEmpty())
        return refuse(tr("its manifest does not name the sending site."));
    if (senderSite == me->siteUuid)
        return refuse(tr("it was sent by this register itself."));
    const QJsonObject receiver = manifest.value(QLatin1String("receiver")).toObject();
    const QString toSite = receiver.value(QLatin1String("site")).toString();
    const QString toOffice = receiver.value(QLatin1String("office")).toString();
    if (!(toSite == me->siteUuid || (toSite.isEmpty() && toOffice == me->office)))
        return refuse(tr("it is addressed to %1, not to this register (%2).").arg(toOffice, me->office));

    ImportResult result;
    result.sender = senderOffice;
    result.senderFingerprint = senderPrint;
    result.seq = manifest.value(QLatin1String("seq")).toInteger();
    result.marking = manifest.value(QLatin1String("marking")).toString();
    const qint64 ack = manifest.value(QLatin1String("ack")).toInteger();
    if (result.seq <= 0)
        return refuse(tr("its sequence number is missing."));

    // The sender as a partner: by its site UUID, else by the office name a first package went to.
    std::optional<Site> partner;
    {
        auto all = Sites::partners(db);
        if (!all)
            return all.error();
        for (const Site &p : *all)
            if (p.siteUuid == senderSite)
                partner = p;
        if (!partner)
            for (const Site &p : *all)
                if (p.siteUuid.isEmpty() && p.office == senderOffice)
                    partner = p;
    }
    if (partner && !partner->publicKey.isEmpty() && partner->publicKey != publicKey)
        return refuse(tr("it is signed by another key than the one known for %1 (fingerprint %2, known %3).")
                          .arg(senderOffice, senderPrint, partner->fingerprint));
    const bool known = partner && !partner->publicKey.isEmpty();
    if (!known && !trust)
        return Error{
            ErrorCode::InputRefused,
            tr("%1 comes from %2, a site not yet trusted here. Compare the fingerprint of its key with "
               "that office (by phone or on paper): %3. If it matches, import again with --trust.")
                .arg(shown, senderOffice, senderPrint)};
    if (partner) {
        result.lastApplied = partner->lastReceivedSeq;
        if (result.seq <= partner->lastReceivedSeq) {
            result.outcome = ImportResult::Outcome::AlreadyCovered;
            return result;
        }
    }
    result.trustedNow = !known;

    const QJsonObject rowsObject =
        QJsonDocument::fromJson(byName.value(QStringLiteral("rows.json"))).object();
    const QJsonObject tables = rowsObject.value(QLatin1String("tables")).toObject();
    // Evidence rows carry their file under its SHA-256, or (--no-evidence) only the hash: then the
    // file must already be here, else the row waits for a package that carries it.
    QJsonObject applicable = tables;
    {
        QJsonArray kept;
        for (const QJsonValue &v : tables.value(QLatin1String("evidence")).toArray()) {
            const QJsonObject row = v.toObject();
            if (row.value(QLatin1String("deleted")).toBool()) {
                kept << row;
                continue;
            }
            const QString sha =
                row.value(QLatin1String("values")).toObject().value(QLatin1String("sha256")).toString();
            if (byName.contains(QStringLiteral("evidence/") + sha) ||
                db.scalar(QStringLiteral("SELECT 1 FROM evidence WHERE sha256 = ? LIMIT 1"), {sha}).isValid())
                kept << row;
            else
                ++result.evidenceAwaited;
        }
        if (tables.contains(QLatin1String("evidence")))
            applicable.insert(QStringLiteral("evidence"), kept);
    }

    Transaction tx(db);
    if (!tx.active())
        return tx.error();
    ImportUndo captured;
    if (undo && !dryRun)
        if (const Status s = captureUndo(db, applicable, captured); !s)
            return s.error();
    QString partnerRow;
    if (!partner) {
        auto id = AuditLog::insert(db, QStringLiteral("exchange_sites"),
                                   {{QStringLiteral("site_uuid"), senderSite},
                                    {QStringLiteral("office"), senderOffice},
                                    {QStringLiteral("public_key"), QString::fromLatin1(publicKey.toBase64())},
                                    {QStringLiteral("fingerprint"), senderPrint},
                                    {QStringLiteral("is_self"), 0},
                                    {QStringLiteral("added_on"), toIso(db.clock().today())}});
        if (!id)
            return id.error();
        partnerRow =
            db.scalar(QStringLiteral("SELECT uuid FROM exchange_sites WHERE id = ?"), {*id}).toString();
        partner = Site{};
        partner->id = *id;
    } else {
        partnerRow = partner->rowUuid;
        if (!known)
            if (const Status s = AuditLog::update(
                    db, QStringLiteral("exchange_sites"), partner->id,
                    {{QStringLiteral("site_uuid"), senderSite},
                     {QStringLiteral("public_key"), QString::fromLatin1(publicKey.toBase64())},
                     {QStringLiteral("fingerprint"), senderPrint}});
                !s)
                return s.error();
    }
    Applier applier(db, senderSite, partnerRow, result.seq, applicable, byName);
    {
        // The owner's package changes the rows held here for it: the one writer that may.
        AuditLog::HeldRowWrites heldRows;
        if (const Status s = applier.run(result); !s)
            return s.error();
        result.possibleDuplicates = applier.duplicates();
    }
    auto decisions = Conflicts::recordPartnerDecisions(
        db, partnerRow, result.seq, rowsObject.value(QLatin1String("decisions")).toArray());
    if (!decisions)
        return decisions.error();
    result.decisionsReceived = *decisions;
    // The sender's audit-chain head and sequence, in this register's own chain.
    const QJsonObject head = manifest.value(QLatin1String("auditHead")).toObject();
    QJsonObject counts{{QStringLiteral("added"), result.total.added},
                       {QStringLiteral("updated"), result.total.updated},
                       {QStringLiteral("deleted"), result.total.deleted},
                       {QStringLiteral("unchanged"), result.total.unchanged},
                       {QStringLiteral("conflicts"), result.total.conflicts}};
    if (!result.marking.isEmpty())
        counts.insert(QStringLiteral("marking"), result.marking); // for reports made from its data
    auto recorded =
        AuditLog::insert(db, QStringLiteral("exchange_packages"),
                         {{QStringLiteral("direction"), QStringLiteral("received")},
                          {QStringLiteral("partner"), partnerRow},
                          {QStringLiteral("seq"), result.seq},
                          {QStringLiteral("sha256"), QString::fromLatin1(Sha256::hexOf(bytes))},
                          {QStringLiteral("file_name"), shown},
                          {QStringLiteral("audit_id"), head.value(QLatin1String("id")).toInteger()},
                          {QStringLiteral("audit_hash"), head.value(QLatin1String("hash")).toString()},
                          {QStringLiteral("ack_seq"), ack},
                          {QStringLiteral("created"), manifest.value(QLatin1String("created")).toString()},
                          {QStringLiteral("counts_json"),
                           QString::fromUtf8(QJsonDocument(counts).toJson(QJsonDocument::Compact))}});
    if (!recorded)
        return recorded.error();
    auto acked = db.value(QStringLiteral("SELECT acked_seq FROM exchange_sites WHERE id = ?"), {partner->id});
    if (!acked)
        return acked.error();
    if (const Status s =
            AuditLog::update(db, QStringLiteral("exchange_sites"), partner->id,
                             {{QStringLiteral("last_received_seq"), result.seq},
                              {QStringLiteral("acked_seq"), std::max(acked->toLongLong(), ack)}});
        !s)
        return s.error();
    if (dryRun) {
        tx.rollback();
        return result;
    }
    if (undo) {
        auto lastEntry = db.value(QStringLiteral("SELECT max(id) FROM audit_log"));
        if (!lastEntry)
            return lastEntry.error();
        captured.auditAfter = lastEntry->toLongLong();
    }
    if (const Status s = tx.commit(); !s)
        return s.error();
    if (undo)
        *undo = std::move(captured);
    return result;
}

} // namespace rectrack::core::exchange
