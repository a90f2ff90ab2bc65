#include "sites.h"

#include "signing.h"
#include "storage/auditlog.h"

namespace rectrack::core::exchange {

namespace {

const char *const kColumns = "SELECT id, uuid, site_uuid, office, public_key, fingerprint, private_key, "
                             "is_self, last_sent_seq, last_received_seq, acked_seq FROM exchange_sites";

Site siteOf(const SqlRow &r)
{
    Site s;
    s.id = r.integer(0);
    s.rowUuid = r.text(1);
    s.siteUuid = r.text(2);
    s.office = r.text(3);
    s.publicKey = QByteArray::fromBase64(r.text(4).toLatin1());
    s.fingerprint = r.text(5);
    s.privateKey = r.value(6).toByteArray();
    s.self = r.integer(7) != 0;
    s.lastSentSeq = r.integer(8);
    s.lastReceivedSeq = r.integer(9);
    s.ackedSeq = r.integer(10);
    return s;
}

} // namespace

Status Sites::setup(Database &db, const QString &office, Algorithm algorithm)
{
    const QString name = office.trimmed();
    if (name.isEmpty())
        return Error{ErrorCode::InputRefused, tr("The office name must not be empty.")};
    return withTransaction(db, [&]() -> Status {
        auto existing = db.value(QStringLiteral("SELECT office FROM exchange_sites WHERE is_self = 1"));
        if (!existing)
            return existing.error();
        if (existing->isValid())
            return Error{ErrorCode::InputRefused,
                         tr("This register is already the site of %1; its identity is made once, since its "
                            "partners know it by its key.")
                             .arg(existing->toString())};
        const KeyPair keys = generateKeyPair(algorithm);
        if (keys.publicKey.isEmpty())
            return Error{ErrorCode::Internal, tr("No signing key could be made (OpenSSL).")};
        auto id =
            AuditLog::insert(db, QStringLiteral("exchange_sites"),
                             {{QStringLiteral("site_uuid"), Database::newUuid()},
                              {QStringLiteral("office"), name},
                              {QStringLiteral("public_key"), QString::fromLatin1(keys.publicKey.toBase64())},
                              {QStringLiteral("fingerprint"), fingerprint(keys.publicKey)},
                              {QStringLiteral("private_key"), keys.privateKey},
                              {QStringLiteral("is_self"), 1},
                              {QStringLiteral("added_on"), toIso(db.clock().today())}});
        if (!id)
            return id.error();
        return okStatus();
    });
}

Result<Site> Sites::self(Database &db)
{
    std::optional<Site> found;
    const Status s = db.forEachRow(QString::fromLatin1(kColumns) + QStringLiteral(" WHERE is_self = 1"), {},
                                   [&](const SqlRow &r) { found = siteOf(r); });
    if (!s)
        return s.error();
    if (!found)
        return Error{ErrorCode::InputRefused,
                     tr("The register %1 is not set up for exchange: give it an office name first "
                        "(rectrack-cli exchange setup DB --office NAME).")
                         .arg(db.path())};
    return *found;
}

Result<QList<Site>> Sites::partners(Database &db)
{
    QList<Site> out;
    const Status s = db.forEachRow(QString::fromLatin1(kColumns) +
                                       QStringLiteral(" WHERE is_self = 0 ORDER BY office, id"),
                                   {}, [&](const SqlRow &r) { out << siteOf(r); });
    if (!s)
        return s.error();
    return out;
}

Result<std::optional<Site>> Sites::findPartner(Database &db, const QString &text)
{
    auto all = partners(db);
    if (!all)
        return all.error();
    for (const Site &p : *all)
        if (!p.siteUuid.isEmpty() && p.siteUuid.compare(text.trimmed(), Qt::CaseInsensitive) == 0)
            return std::optional<Site>(p);
    for (const Site &p : *all)
        if (p.office == text.trimmed())
            return std::optional<Site>(p);
    return std::optional<Site>();
}

Result<QList<PackageRecord>> Sites::packages(Database &db)
{
    QList<PackageRecord> out;
    const Status s = db.forEachRow(
        QStringLiteral(
            "SELECT p.direction, coalesce(s.office, ''), p.seq, p.sha256, coalesce(p.file_name, ''), "
            "coalesce(p.created, ''), coalesce(p.ack_seq, 0), coalesce(p.counts_json, '') FROM "
            "exchange_packages p LEFT JOIN exchange_sites s ON s.uuid = p.partner ORDER BY p.id DESC"),
        {}, [&](const SqlRow &r) {
            out << PackageRecord{r.text(0) == QLatin1String("sent"),
                                 r.text(1),
                                 r.integer(2),
                                 r.text(3),
                                 r.text(4),
                                 r.text(5),
                                 r.integer(6),
                                 r.text(7)};
        });
    if (!s)
        return s.error();
    return out;
}

} // namespace rectrack::core::exchange
