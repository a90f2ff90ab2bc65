#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace rectrack::core {

class Database;

/// One login of a server register as the security administrator sees it.
struct ServerLogin
{
    QString login;     ///< the PostgreSQL role the person logs in with
    QString role;      ///< sysadmin, secadmin, auditor, office, unit or leader
    QStringList units; ///< the units of a unit login, by name, sorted; empty for other roles
};

/**
 * The logins of a register on a server (issue #23, `rectrack-cli server user`), through the
 * security administrator's SECURITY DEFINER functions of accesscontrol.cpp: the server checks that
 * the caller is the register's security administrator, whatever program calls them.
 *
 * Errors: Usage on a register file (one operator, no logins); InputRefused for what the server
 * refuses (not the security administrator, an unknown role or unit, a bad login name), with the
 * reason in words.
 */
class ServerLogins
{
    Q_DECLARE_TR_FUNCTIONS(ServerLogins)
public:
    /**
     * Creates login @p login (or gives an existing login of this server a role here) with role
     * @p role and, for a unit login, the units named @p units (at least one). A @p password is
     * turned into a SCRAM-SHA-256 verifier by libpq on this machine (as psql's \password does), so
     * the password itself never reaches the server or its log; without one the login can only
     * log in as the server's pg_hba.conf allows otherwise.
     */
    static Status add(Database &db, const QString &login, const QString &role, const QStringList &units,
                      const std::optional<QString> &password);
    /// Takes every role of this register from @p login and forgets its units; the login itself is
    /// dropped unless it still has a role in another register of the server.
    static Status remove(Database &db, const QString &login);
    /// The logins with a role in this register, by login and role (a login with two roles is two
    /// entries). The security administrator and the auditor may list them.
    static Result<QList<ServerLogin>> list(Database &db);
};

} // namespace rectrack::core
