#include "sitescope.h"

#include "storage/schema.h"

#include <QCollator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>

namespace rectrack::core::exchange {

QString SiteScope::ownsSql(const QString &uuidExpr, QVariantList &binds) const
{
    if (self)
        return QStringLiteral("NOT EXISTS (SELECT 1 FROM exchange_rows xr WHERE xr.uuid = %1)").arg(uuidExpr);
    binds << siteUuid;
    return QStringLiteral("EXISTS (SELECT 1 FROM exchange_rows xr WHERE xr.uuid = %1 AND xr.owner_site = ?)")
        .arg(uuidExpr);
}

QString SiteScope::ownsProblemSql(const QString &idExpr, QVariantList &binds) const
{
    return QStringLiteral("%1 IN (SELECT sp.id FROM problems sp WHERE %2)")
        .arg(idExpr, ownsSql(QStringLiteral("sp.uuid"), binds));
}

QString SiteScope::reachesUnitSql(const QString &idExpr, QVariantList &binds) const
{
    const QString units = QStringLiteral("%1 IN (SELECT su.id FROM units su WHERE %2)")
                              .arg(idExpr, ownsSql(QStringLiteral("su.uuid"), binds));
    const QString problems = QStringLiteral("%1 IN (SELECT sp.unit_id FROM problems sp WHERE %2)")
                                 .arg(idExpr, ownsSql(QStringLiteral("sp.uuid"), binds));
    return QStringLiteral("(%1 OR %2)").arg(units, problems);
}

Result<QList<SiteScope>> SiteScopes::owning(Database &db)
{
    QList<SiteScope> out;
    SiteScope me;
    me.self = true;
    me.office = tr("(this register)");
    QList<SiteScope> partners;
    const Status s = db.forEachRow(
        QStringLiteral(
            "SELECT coalesce(site_uuid, ''), office, is_self, last_received_seq FROM exchange_sites "
            "ORDER BY office, id"),
        {}, [&](const SqlRow &r) {
            if (r.integer(2) != 0) {
                me.siteUuid = r.text(0);
                me.office = r.text(1);
            } else if (r.integer(3) > 0 && !r.text(0).isEmpty()) {
                partners << SiteScope{r.text(0), r.text(1), false};
            }
        });
    if (!s)
        return s.error();
    // Office names in Chinese (pinyin) order, the same on every backend.
    QCollator collator(QLocale(QLocale::Chinese, QLocale::China));
    std::stable_sort(partners.begin(), partners.end(), [&](const SiteScope &a, const SiteScope &b) {
        return collator.compare(a.office, b.office) < 0;
    });
    out << me << partners;
    return out;
}

Result<SiteScope> SiteScopes::find(Database &db, const QString &name)
{
    const QString wanted = name.trimmed();
    QList<SiteScope> all;
    bool haveSelf = false;
    const Status s = db.forEachRow(
        QStringLiteral(
            "SELECT coalesce(site_uuid, ''), office, is_self FROM exchange_sites ORDER BY office, id"),
        {}, [&](const SqlRow &r) {
            SiteScope site{r.text(0), r.text(1), r.integer(2) != 0};
            if (site.self)
                haveSelf = true;
            all << site;
        });
    if (!s)
        return s.error();
    for (const SiteScope &site : std::as_const(all))
        if (site.office == wanted ||
            (!site.siteUuid.isEmpty() && site.siteUuid.compare(wanted, Qt::CaseInsensitive) == 0))
            return site;
    QStringList names;
    for (const SiteScope &site : std::as_const(all))
        names << site.office;
    if (!haveSelf && names.isEmpty())
        return Error{ErrorCode::InputRefused,
                     tr("No site named \"%1\": this register is not set up for exchange and has no partners.")
                         .arg(wanted)};
    return Error{
        ErrorCode::InputRefused,
        tr("No site named \"%1\" here; the sites are: %2.").arg(wanted, names.join(QStringLiteral("、")))};
}

Result<QString> SiteScopes::heldFor(Database &db, const QString &table, qint64 id)
{
    auto v =
        db.value(QStringLiteral("SELECT coalesce(s.office, x.owner_site) FROM %1 t JOIN exchange_rows x ON "
                                "x.uuid = t.uuid LEFT JOIN exchange_sites s ON s.site_uuid = x.owner_site "
                                "WHERE t.%2 = ?")
                     .arg(table, schema::keyColumn(table)),
                 {id});
    if (!v)
        return v.error();
    return v->isValid() ? v->toString() : QString();
}

namespace {

Status refusedFor(const QString &owner)
{
    return Error{
        ErrorCode::InputRefused,
        SiteScopes::tr(
            "This record belongs to %1 (it came in an exchange package) and is read-only in this register: "
            "only %1 can change or delete it, and its next package brings the change.")
            .arg(owner)};
}

} // namespace

Status SiteScopes::checkWritable(Database &db, const QString &table, qint64 id)
{
    auto owner = heldFor(db, table, id);
    if (!owner)
        return owner.error();
    if (owner->isEmpty())
        return okStatus();
    return refusedFor(*owner);
}

Status SiteScopes::checkWritableUuid(Database &db, const QString &uuid)
{
    if (db.onServer() && !db.mayRead(QStringLiteral("exchange_rows")))
        return okStatus();
    auto owner =
        db.value(QStringLiteral("SELECT coalesce(s.office, x.owner_site) FROM exchange_rows x LEFT JOIN "
                                "exchange_sites s ON s.site_uuid = x.owner_site WHERE x.uuid = ?"),
                 {uuid});
    if (!owner)
        return owner.error();
    if (!owner->isValid())
        return okStatus();
    return refusedFor(owner->toString());
}

Result<QStringList> SiteScopes::receivedMarkings(Database &db, const std::optional<SiteScope> &scope)
{
    QStringList out;
    if (scope && scope->self)
        return out;
    if (!db.mayRead(QStringLiteral("exchange_packages")))
        return out;
    // The newest received package of each partner (the highest sequence), its counts with the marking.
    QVariantList binds;
    QString where;
    if (scope) {
        where = QStringLiteral(" AND s.site_uuid = ?");
        binds << scope->siteUuid;
    }
    const Status s = db.forEachRow(
        QStringLiteral(
            "SELECT coalesce(p.counts_json, '') FROM exchange_packages p JOIN exchange_sites s ON s.uuid = "
            "p.partner WHERE p.direction = 'received'%1 AND p.seq = (SELECT max(q.seq) FROM "
            "exchange_packages q WHERE q.direction = 'received' AND q.partner = p.partner) ORDER BY "
            "s.office, "
            "s.id")
            .arg(where),
        binds, [&](const SqlRow &r) {
            const QString marking = QJsonDocument::fromJson(r.text(0).toUtf8())
                                        .object()
                                        .value(QLatin1String("marking"))
                                        .toString();
            if (!marking.isEmpty() && !out.contains(marking))
                out << marking;
        });
    if (!s)
        return s.error();
    return out;
}

} // namespace rectrack::core::exchange
