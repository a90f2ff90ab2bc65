// exchange export and the rows a register holds (Exchange::exportPackage, Exchange::heldRows).
#include "conflicts.h"
#include "exchange.h"
#include "exchangetables.h"
#include "package.h"
#include "signing.h"
#include "sites.h"

#include "io/safefile.h"
#include "storage/auditlog.h"
#include "storage/schema.h"
#include "storage/sha256.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>

#include <map>

namespace rectrack::core::exchange {

namespace {

QString hexOf(const QByteArray &data)
{
    return QString::fromLatin1(Sha256::hexOf(data));
}

/// A name that every file system takes: characters that Windows or a CD's file system refuse become _.
QString safeName(const QString &name)
{
    QString out = name;
    static const QRegularExpression bad(QStringLiteral("[\\\\/:*?\"<>|\\x00-\\x1f]"));
    out.replace(bad, QStringLiteral("_"));
    return out.trimmed().isEmpty() ? QStringLiteral("_") : out.trimmed();
}

/// The short Chinese note for the secrecy officer (说明.txt), from the manifest alone.
QByteArray officerNote(const QJsonObject &manifest)
{
    const QJsonObject sender = manifest.value(QLatin1String("sender")).toObject();
    const QJsonObject receiver = manifest.value(QLatin1String("receiver")).toObject();
    const QJsonObject counts = manifest.value(QLatin1String("counts")).toObject();
    QString t;
    t += QStringLiteral("巡察整改监督台账 数据交换包说明\n\n");
    if (const QString marking = manifest.value(QLatin1String("marking")).toString(); !marking.isEmpty())
        t += QStringLiteral("密级/知悉范围：%1\n").arg(marking);
    t += QStringLiteral("发送方：%1（站点 %2）\n")
             .arg(sender.value(QLatin1String("office")).toString(),
                  sender.value(QLatin1String("site")).toString());
    t += QStringLiteral("发送方公钥指纹：%1\n").arg(sender.value(QLatin1String("fingerprint")).toString());
    t += QStringLiteral("接收方：%1\n").arg(receiver.value(QLatin1String("office")).toString());
    t += QStringLiteral("包序号：%1（已收到对方的包至第 %2 号）\n")
             .arg(manifest.value(QLatin1String("seq")).toInteger())
             .arg(manifest.value(QLatin1String("ack")).toInteger());
    t += QStringLiteral("生成时间（UTC）：%1\n").arg(manifest.value(QLatin1String("created")).toString());
    t += QStringLiteral("数据行：%1 行（其中删除标记 %2 行）；佐证材料文件：%3 个%4\n\n")
             .arg(counts.value(QLatin1String("rows")).toInteger())
             .arg(counts.value(QLatin1String("tombstones")).toInteger())
             .arg(counts.value(QLatin1String("evidenceFiles")).toInteger())
             .arg(manifest.value(QLatin1String("evidenceIncluded")).toBool()
                      ? QString()
                      : QStringLiteral("（本包未附佐证材料文件，仅含其 SHA-256）"));
    t += QStringLiteral(
        "本文件是普通 zip 压缩包，内含：manifest.json（清单）、manifest.sig（发送方 Ed25519 "
        "签名）、rows.json（数据）、evidence/（佐证材料，以 SHA-256 命名）和本说明，不含可执行内容。"
        "导入时程序核对签名和每个文件的 SHA-256，任何一处被改动即整包拒收。\n"
        "首次接收某站点的包时，请通过电话或纸质回执与对方核对上面的公钥指纹。\n\n");
    t += QStringLiteral("各文件 SHA-256：\n");
    for (const QJsonValue &e : manifest.value(QLatin1String("entries")).toArray()) {
        const QJsonObject o = e.toObject();
        t += QStringLiteral("%1  %2（%3 字节）\n")
                 .arg(o.value(QLatin1String("sha256")).toString(), o.value(QLatin1String("name")).toString())
                 .arg(o.value(QLatin1String("size")).toInteger());
    }
    return t.toUtf8();
}

struct Collected
{
    QJsonObject tables;                     // table -> array of rows
    std::map<QString, QByteArray> evidence; // sha256 -> file
    qint64 rows = 0;
    qint64 tombstones = 0;
    QJsonObject perTable;
};

/// The rows this site owns whose newest audit entry is after @p baseline, except those that refer to
/// a row held here for a third site (the receiver @p receiverSite would miss what they refer to).
Result<Collected> collect(Database &db, const QList<TableSpec> &tables, qint64 baseline, bool withEvidence,
                          const QString &receiverSite)
{
    QHash<QString, QString> foreign; // uuid -> owner site
    if (const Status s = db.forEachRow(QStringLiteral("SELECT uuid, owner_site FROM exchange_rows"), {},
                                       [&](const SqlRow &r) { foreign.insert(r.text(0), r.text(1)); });
        !s)
        return s.error();
    QStringList names;
    QStringList marks;
    QVariantList binds{baseline};
    for (const TableSpec &t : tables) {
        names << t.name;
        marks << QStringLiteral("?");
        binds << t.name;
    }
    // uuid -> (table, newest entry id)
    QHash<QString, QPair<QString, qint64>> latest;
    const Status s = db.forEachRow(
        QStringLiteral("SELECT id, entity, before_json, after_json FROM audit_log WHERE id > ? AND entity IN "
                       "(%1) ORDER BY id")
            .arg(marks.join(u',')),
        binds, [&](const SqlRow &r) {
            const QString json = r.isNull(3) ? r.text(2) : r.text(3);
            const QString uuid =
                QJsonDocument::fromJson(json.toUtf8()).object().value(QLatin1String("uuid")).toString();
            if (!uuid.isEmpty())
                latest.insert(uuid, {r.text(1), r.integer(0)});
        });
    if (!s)
        return s.error();
    QHash<QString, QList<QJsonObject>> byTable;
    RowReader reader(db);
    Collected out;
    for (auto it = latest.cbegin(); it != latest.cend(); ++it) {
        const QString &uuid = it.key();
        const QString &table = it->first;
        if (foreign.contains(uuid) || standardCategoryUuids().contains(uuid))
            continue;
        auto values = reader.values(table, uuid);
        if (!values)
            return values.error();
        QJsonObject row{{QStringLiteral("uuid"), uuid}, {QStringLiteral("version"), it->second}};
        bool thirdSite = false;
        if (*values)
            for (const auto &fk : specOf(table)->foreignKeys) {
                const QString ref = (*values)->value(fk.first).toString();
                thirdSite = thirdSite || (foreign.contains(ref) && foreign.value(ref) != receiverSite);
            }
        if (thirdSite)
            continue;
        if (*values) {
            row.insert(QStringLiteral("values"), **values);
            if (table == QLatin1String("evidence") && withEvidence) {
                const QString sha = (*values)->value(QLatin1String("sha256")).toString();
                if (!out.evidence.count(sha)) {
                    auto data = db.value(QStringLiteral("SELECT data FROM evidence WHERE uuid = ?"), {uuid});
                    if (!data)
                        return data.error();
                    out.evidence[sha] = data->toByteArray();
                }
            }
        } else {
            row.insert(QStringLiteral("deleted"), true);
            ++out.tombstones;
        }
        byTable[table] << row;
        ++out.rows;
    }
    for (const TableSpec &t : tables) {
        QList<QJsonObject> rows = byTable.value(t.name);
        if (rows.isEmpty())
            continue;
        std::sort(rows.begin(), rows.end(), [](const QJsonObject &a, const QJsonObject &b) {
            return a.value(QLatin1String("uuid")).toString() < b.value(QLatin1String("uuid")).toString();
        });
        QJsonArray array;
        for (const QJsonObject &r : rows)
            array << r;
        out.tables.insert(t.name, array);
        out.perTable.insert(t.name, qint64(rows.size()));
    }
    return out;
}

/// The id of the audit entry that package @p seq sent to @p partner was built up to (0 for none).
Result<qint64> baselineOf(Database &db, const QString &partner, qint64 seq)
{
    if (seq <= 0)
        return qint64(0);
    auto v = db.value(QStringLiteral("SELECT audit_id FROM exchange_packages WHERE direction = 'sent' AND "
                                     "partner = ? AND seq = ?"),
                      {partner, seq});
    if (!v)
        return v.error();
    return v->isValid() ? v->toLongLong() : qint64(0);
}

} // namespace

QStringList Exchange::optionalRegisters()
{
    return {QStringLiteral("clues"), QStringLiteral("referrals"), QStringLiteral("rules"),
            QStringLiteral("accountability"), QStringLiteral("evaluations")};
}

Result<ExportResult> Exchange::exportPackage(Database &db, const ExportOptions &options)
{
    for (const QString &g : options.include)
        if (!optionalRegisters().contains(g))
            return Error{ErrorCode::InputRefused,
                         tr("Unknown register \"%1\" for --include; known: %2.")
                             .arg(g, optionalRegisters().join(QStringLiteral(", ")))};
    if (options.to.trimmed().isEmpty())
        return Error{ErrorCode::InputRefused, tr("Name the receiving site (--to OFFICE).")};
    QStringList include = options.include;
    include.sort();
    include.removeDuplicates();
    ExportResult result;
    QByteArray fileBytes;
    auto built = withTransaction(db, [&]() -> Status {
        // The audit-chain head the rows come from, before this export writes anything.
        qint64 currentHeadId = 0;
        QString currentHeadHash = AuditLog::kGenesisHash;
        if (const Status s =
                db.forEachRow(QStringLiteral("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"), {},
                              [&](const SqlRow &r) {
                                  currentHeadId = r.integer(0);
                                  currentHeadHash = r.text(1);
                              });
            !s)
            return s;
        auto me = Sites::self(db);
        if (!me)
            return me.error();
        auto found = Sites::findPartner(db, options.to);
        if (!found)
            return found.error();
        if (options.to.trimmed() == me->office || options.to.trimmed() == me->siteUuid)
            return Error{ErrorCode::InputRefused, tr("A register cannot send a package to itself.")};
        Site partner;
        if (*found) {
            partner = **found;
        } else {
            // A first package may be addressed by office name alone.
            auto id = AuditLog::insert(db, QStringLiteral("exchange_sites"),
                                       {{QStringLiteral("office"), options.to.trimmed()},
                                        {QStringLiteral("is_self"), 0},
                                        {QStringLiteral("added_on"), toIso(db.clock().today())}});
            if (!id)
                return id.error();
            auto again = Sites::findPartner(db, options.to);
            if (!again)
                return again.error();
            partner = **again;
        }
        auto baseline = options.full ? Result<qint64>(0) : baselineOf(db, partner.rowUuid, partner.ackedSeq);
        if (!baseline)
            return baseline.error();
        const QList<TableSpec> tables = tablesFor(include);
        auto rows = collect(db, tables, *baseline, options.evidence, partner.siteUuid);
        if (!rows)
            return rows.error();
        // The decisions on conflicts with this partner travel back with every package (cumulative, as
        // the rows): the partner records each once.
        auto decisions = Conflicts::decisionsFor(db, partner.rowUuid);
        if (!decisions)
            return decisions.error();
        QJsonObject rowsObject{{QStringLiteral("tables"), rows->tables}};
        if (!decisions->isEmpty())
            rowsObject.insert(QStringLiteral("decisions"), *decisions);
        const QByteArray rowsJson = QJsonDocument(rowsObject).toJson(QJsonDocument::Compact);
        const QString marking = options.marking.trimmed();
        const QString rowsHash =
            hexOf(rowsJson + (options.evidence ? "\n1" : "\n0") + include.join(u',').toUtf8() +
                  (marking.isEmpty() ? QByteArray() : "\n" + marking.toUtf8()));
        const qint64 ack = partner.lastReceivedSeq;

        // Nothing changed since the last package to that site: the same package again.
        qint64 seq = partner.lastSentSeq + 1;
        QString created = db.clock().now().toUTC().toString(Qt::ISODate);
        qint64 headId = currentHeadId;
        QString headHash = currentHeadHash;
        bool rebuilt = false;
        if (const Status s = db.forEachRow(
                QStringLiteral(
                    "SELECT seq, created, audit_id, audit_hash FROM exchange_packages WHERE direction "
                    "= 'sent' AND partner = ? AND seq = ? AND rows_hash = ? AND ack_seq = ?"),
                {partner.rowUuid, partner.lastSentSeq, rowsHash, ack},
                [&](const SqlRow &r) {
                    seq = r.integer(0);
                    created = r.text(1);
                    headId = r.integer(2);
                    headHash = r.text(3);
                    rebuilt = true;
                });
            !s)
            return s;

        PackageEntries entries;
        QJsonArray listed;
        auto add = [&](const QString &name, const QByteArray &data) {
            entries.append({name, data});
            listed << QJsonObject{{QStringLiteral("name"), name},
                                  {QStringLiteral("sha256"), hexOf(data)},
                                  {QStringLiteral("size"), qint64(data.size())}};
        };
        add(QStringLiteral("rows.json"), rowsJson);
        for (const auto &[sha, data] : rows->evidence)
            add(QStringLiteral("evidence/") + sha, data);
        QJsonObject manifest{
            {QStringLiteral("format"), QStringLiteral("rectrack-exchange")},
            {QStringLiteral("formatVersion"), 1},
            {QStringLiteral("schemaVersion"), schema::kVersion},
            {QStringLiteral("sender"),
             QJsonObject{{QStringLiteral("site"), me->siteUuid},
                         {QStringLiteral("office"), me->office},
                         {QStringLiteral("publicKey"), QString::fromLatin1(me->publicKey.toBase64())},
                         {QStringLiteral("fingerprint"), me->fingerprint}}},
            {QStringLiteral("receiver"), QJsonObject{{QStringLiteral("site"), partner.siteUuid},
                                                     {QStringLiteral("office"), partner.office}}},
            {QStringLiteral("seq"), seq},
            {QStringLiteral("ack"), ack},
            {QStringLiteral("created"), created},
            {QStringLiteral("auditHead"),
             QJsonObject{{QStringLiteral("id"), headId}, {QStringLiteral("hash"), headHash}}},
            {QStringLiteral("evidenceIncluded"), options.evidence},
            {QStringLiteral("include"), QJsonArray::fromStringList(include)},
            {QStringLiteral("counts"),
             QJsonObject{{QStringLiteral("rows"), rows->rows},
                         {QStringLiteral("tombstones"), rows->tombstones},
                         {QStringLiteral("evidenceFiles"), qint64(rows->evidence.size())},
                         {QStringLiteral("tables"), rows->perTable}}},
        };
        if (!marking.isEmpty())
            manifest.insert(QStringLiteral("marking"), marking);
        if (algorithmOf(me->publicKey) != Algorithm::Ed25519) {
            // Said only for SM2, so that an Ed25519 package stays as issue #25 made it.
            QJsonObject sender = manifest.value(QLatin1String("sender")).toObject();
            sender.insert(QStringLiteral("algorithm"), algorithmName(algorithmOf(me->publicKey)));
            manifest.insert(QStringLiteral("sender"), sender);
        }
        if (!decisions->isEmpty()) {
            QJsonObject counts = manifest.value(QLatin1String("counts")).toObject();
            counts.insert(QStringLiteral("decisions"), qint64(decisions->size()));
            manifest.insert(QStringLiteral("counts"), counts);
        }
        // The officer's note is listed too (its hash is in the manifest), so it cannot be changed unseen.
        QJsonObject forNote = manifest;
        forNote.insert(QStringLiteral("entries"), listed);
        add(QStringLiteral("说明.txt"), officerNote(forNote));
        manifest.insert(QStringLiteral("entries"), listed);
        const QByteArray manifestJson = QJsonDocument(manifest).toJson(QJsonDocument::Indented);
        const QByteArray signature = sign(me->privateKey, manifestJson);
        if (signature.isEmpty())
            return Error{ErrorCode::Internal, tr("The package could not be signed (OpenSSL).")};
        entries.prepend({QStringLiteral("manifest.sig"), signature.toBase64() + '\n'});
        entries.prepend({QStringLiteral("manifest.json"), manifestJson});
        auto zip = PackageArchive::write(entries);
        if (!zip)
            return zip.error();
        fileBytes = *zip;
        result.receiver = partner.office;
        result.seq = seq;
        result.sha256 = hexOf(fileBytes);
        result.rows = rows->rows;
        result.tombstones = rows->tombstones;
        result.evidenceFiles = qint64(rows->evidence.size());
        result.rebuilt = rebuilt;
        result.decisions = qint64(decisions->size());
        const QString fileName = QStringLiteral("%1-%2-%3-%4.rtx")
                                     .arg(safeName(me->office), safeName(partner.office))
                                     .arg(seq, 6, 10, QLatin1Char('0'))
                                     .arg(result.sha256.left(8));
        QFileInfo out(options.output);
        if (out.isDir() || !options.output.endsWith(QLatin1String(".rtx"), Qt::CaseInsensitive)) {
            if (!QDir().mkpath(options.output))
                return Error{ErrorCode::InputRefused, tr("Cannot create the folder %1.").arg(options.output)};
            result.file = QDir(options.output).filePath(fileName);
        } else {
            result.file = options.output;
        }
        if (rebuilt)
            return okStatus();
        auto recorded = AuditLog::insert(
            db, QStringLiteral("exchange_packages"),
            {{QStringLiteral("direction"), QStringLiteral("sent")},
             {QStringLiteral("partner"), partner.rowUuid},
             {QStringLiteral("seq"), seq},
             {QStringLiteral("sha256"), result.sha256},
             {QStringLiteral("file_name"), fileName},
             {QStringLiteral("audit_id"), headId},
             {QStringLiteral("audit_hash"), headHash},
             {QStringLiteral("ack_seq"), ack},
             {QStringLiteral("rows_hash"), rowsHash},
             {QStringLiteral("created"), created},
             {QStringLiteral("counts_json"),
              QString::fromUtf8(QJsonDocument(manifest.value(QLatin1String("counts")).toObject())
                                    .toJson(QJsonDocument::Compact))}});
        if (!recorded)
            return recorded.error();
        return AuditLog::update(db, QStringLiteral("exchange_sites"), partner.id,
                                {{QStringLiteral("last_sent_seq"), seq}});
    });
    if (!built)
        return built.error();
    if (const Status s = SafeFile::checkOutput(result.file, db.onServer() ? QString() : db.path()); !s)
        return s.error();
    QSaveFile f(result.file);
    if (!f.open(QIODevice::WriteOnly) || f.write(fileBytes) != fileBytes.size() || !f.commit())
        return Error{ErrorCode::InputRefused,
                     tr("Cannot write the package %1: %2").arg(result.file, f.errorString())};
    return result;
}

Result<QMap<QString, Exchange::HeldRow>> Exchange::heldRows(Database &db)
{
    QHash<QString, QString> owners;
    if (const Status s =
            db.forEachRow(QStringLiteral("SELECT uuid, owner_site FROM exchange_rows WHERE deleted = 0"), {},
                          [&](const SqlRow &r) { owners.insert(r.text(0), r.text(1)); });
        !s)
        return s.error();
    QString me;
    if (auto self = Sites::self(db))
        me = self->siteUuid;
    QMap<QString, HeldRow> out;
    RowReader reader(db);
    for (const TableSpec &t : tableSpecs()) {
        QStringList uuids;
        if (const Status s = db.forEachRow(QStringLiteral("SELECT uuid FROM %1").arg(t.name), {},
                                           [&](const SqlRow &r) { uuids << r.text(0); });
            !s)
            return s.error();
        for (const QString &u : std::as_const(uuids)) {
            auto v = reader.values(t.name, u);
            if (!v)
                return v.error();
            if (!*v)
                continue;
            const QString owner = standardCategoryUuids().contains(u) ? QString() : owners.value(u, me);
            out.insert(u,
                       {t.name, owner, QString::fromUtf8(QJsonDocument(**v).toJson(QJsonDocument::Compact))});
        }
    }
    return out;
}

} // namespace rectrack::core::exchange
