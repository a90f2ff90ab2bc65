#pragma once

/**
 * Sites of the exchange between registers (issue #25, docs/exchange.md): every register that
 * sends or takes in packages is a site with a UUID made once, an office name (思明区委巡察办) and
 * an Ed25519 key pair; the sites it exchanges with are its partners, known by office name, site
 * UUID and the fingerprint of their public key. Kept in exchange_sites (audited; the private key
 * is left out of the audit log).
 */

#include "signing.h"
#include "storage/database.h"

#include <QList>

#include <optional>

namespace rectrack::core::exchange {

struct Site
{
    qint64 id = 0;         ///< exchange_sites.id
    QString rowUuid;       ///< exchange_sites.uuid: the partner's key in exchange_packages
    QString siteUuid;      ///< the site's own UUID; empty for a partner known by office name only
    QString office;        ///< e.g. 市委巡察办
    QByteArray publicKey;  ///< raw Ed25519 key (32 bytes); empty until a first package was trusted
    QString fingerprint;   ///< see exchange::fingerprint(); empty without a key
    QByteArray privateKey; ///< this site only
    bool self = false;
    qint64 lastSentSeq = 0;     ///< the last package sent to this partner
    qint64 lastReceivedSeq = 0; ///< the last package applied from this partner
    qint64 ackedSeq = 0;        ///< the highest of our packages this partner has applied
    /// The signature algorithm of the site's key (by the key's form; Ed25519 until a key is known).
    Algorithm algorithm() const
    {
        return algorithmOf(publicKey.isEmpty() ? QByteArray(32, '\0') : publicKey);
    }
};

/// A package sent or received (exchange_packages), for the 交换 page and `exchange status`.
struct PackageRecord
{
    bool sent = false; ///< false: received
    QString partnerOffice;
    qint64 seq = 0;
    QString sha256;   ///< of the whole file
    QString fileName; ///< as written or as taken in
    QString created;  ///< the sender's creation time (UTC, ISO 8601)
    qint64 ackSeq = 0;
    QString countsJson; ///< the counts as recorded (rows …, or added/updated/… for a received one)
};

class Sites
{
    Q_DECLARE_TR_FUNCTIONS(rectrack::core::exchange::Sites)
public:
    /**
     * Makes this register a site: a new site UUID and key pair of @p algorithm (Ed25519, or SM2
     * with SM3 for offices that must use national algorithms: issue #26), office @p office
     * (trimmed, not empty). Refused (InputRefused) when the register already is a site: its
     * identity is made once, since partners know it by its key.
     */
    static Status setup(Database &db, const QString &office, Algorithm algorithm = Algorithm::Ed25519);
    /// This register's site; InputRefused ("not set up for exchange …") when it has none.
    static Result<Site> self(Database &db);
    /// The partner sites, by office name.
    static Result<QList<Site>> partners(Database &db);
    /// The partner with site UUID @p text, else the one with office name @p text; nullopt for none.
    static Result<std::optional<Site>> findPartner(Database &db, const QString &text);
    /// Every package sent and received, newest first.
    static Result<QList<PackageRecord>> packages(Database &db);
};

} // namespace rectrack::core::exchange
