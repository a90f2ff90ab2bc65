#pragma once

/**
 * Which exchange site owns a row (issue #26, docs/exchange.md "Sites and ownership"): the one
 * place the rule lives for the statistics, the ledgers' export and the report. A row held for
 * another site is listed in exchange_rows with its owner (owner_site = that site's UUID); every
 * other row is this register's own. `stats --by site` groups by it, `--site NAME` scopes to it.
 * Plain SQL on exchange_rows: the same on a register file and on a server.
 */

#include "storage/database.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace rectrack::core::exchange {

/// One owning site as a scope: this register's own rows, or those held for one partner.
struct SiteScope
{
    QString siteUuid; ///< the site's UUID (empty for a register that is not a site: its own rows)
    QString office;   ///< its office name, as `--site` names it
    bool self = false;

    /**
     * An SQL condition (no leading AND) true for a row whose UUID is the expression @p uuidExpr
     * (e.g. "p.uuid") when this site owns it; binds appended to @p binds. Own rows: no entry in
     * exchange_rows; a partner's: an entry naming it as the owner.
     */
    QString ownsSql(const QString &uuidExpr, QVariantList &binds) const;
    /// ownsSql for a problem given by its local id expression @p idExpr (e.g. "p.problem_id").
    QString ownsProblemSql(const QString &idExpr, QVariantList &binds) const;
    /// ownsSql for a unit (alias expression @p idExpr of units.id): the units this site owns and
    /// the units its problems are registered under (a district's unit whose name was already taken
    /// here is represented by the row here).
    QString reachesUnitSql(const QString &idExpr, QVariantList &binds) const;
};

class SiteScopes
{
    Q_DECLARE_TR_FUNCTIONS(rectrack::core::exchange::SiteScopes)
public:
    /**
     * The site named @p name (office name or site UUID): this register's own, or a partner.
     * InputRefused naming the sites there are when there is no such site.
     */
    static Result<SiteScope> find(Database &db, const QString &name);
    /// The sites that own rows here: this register first (always, also when it is not a site:
    /// then with the office name "(this register)"), then every partner that sent a package, by
    /// office name in pinyin order.
    static Result<QList<SiteScope>> owning(Database &db);

    /// The office that owns row @p id of @p table when it is held here for another site (a row
    /// that came in a package: the city's supervision action on a district's problem); empty for
    /// this register's own rows.
    static Result<QString> heldFor(Database &db, const QString &table, qint64 id);
    /**
     * The return flow's rule (issue #26): a row held here for another site is read-only here, its
     * owner alone changes it (the next package brings the change). InputRefused naming the owner
     * when row @p id of @p table is held for another site; ok otherwise. Services call it before
     * changing or deleting a row.
     */
    static Status checkWritable(Database &db, const QString &table, qint64 id);
    /**
     * checkWritable for the row whose UUID is @p uuid (any exchanged table). AuditLog::update and
     * AuditLog::remove call it for every change, so that no service can change a row held for
     * another site (only the exchange import does, under AuditLog::HeldRowWrites). A login that may
     * not read exchange_rows (a unit login on a server) is not checked here.
     */
    static Status checkWritableUuid(Database &db, const QString &uuid);

    /// The security markings (密级/知悉范围) of the latest package received from each partner whose
    /// rows @p scope covers (every partner when unset, none for this register's own rows), distinct,
    /// in partner order: what a report made from their data carries when it is given none.
    static Result<QStringList> receivedMarkings(Database &db, const std::optional<SiteScope> &scope);
};

} // namespace rectrack::core::exchange
