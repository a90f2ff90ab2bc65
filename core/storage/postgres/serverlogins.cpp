#include "serverlogins.h"

#include "postgresdialect.h"
#include "storage/database.h"

#include <libpq-fe.h>

namespace rectrack::core {

namespace {

Status onServerOnly(const Database &db)
{
    if (db.onServer())
        return okStatus();
    return Error{ErrorCode::Usage,
                 ServerLogins::tr("Logins and roles exist only in a register on a server; a register file "
                                  "has one operator.")};
}

} // namespace

Status ServerLogins::add(Database &db, const QString &login, const QString &role, const QStringList &units,
                         const std::optional<QString> &password)
{
    if (const Status s = onServerOnly(db); !s)
        return s;
    QVariant verifier;
    if (password) {
        if (password->isEmpty())
            return Error{ErrorCode::InputRefused, tr("The password is empty.")};
        PGconn *conn = postgres::libpqHandle(db);
        char *encrypted = conn ? PQencryptPasswordConn(conn, password->toUtf8().constData(),
                                                       login.toUtf8().constData(), "scram-sha-256")
                               : nullptr;
        if (!encrypted)
            return Error{
                ErrorCode::Internal,
                tr("The password could not be encrypted: %1")
                    .arg(conn ? QString::fromUtf8(PQerrorMessage(conn)).trimmed() : QStringLiteral("libpq"))};
        verifier = QString::fromLatin1(encrypted);
        PQfreemem(encrypted);
    }
    QStringList names;
    for (const QString &u : units)
        names << u.trimmed();
    // A text[] literal: every element double-quoted, quotes and backslashes escaped.
    QStringList elements;
    for (QString n : names) {
        n.replace(u'\\', QStringLiteral("\\\\"));
        n.replace(u'"', QStringLiteral("\\\""));
        elements << u'"' + n + u'"';
    }
    return withTransaction(db, [&]() -> Status {
        auto r = db.exec(QStringLiteral("SELECT rt_user_add(?, ?, ?, CAST(? AS text[]))"),
                         {login.trimmed(), verifier, role, QString(u'{' + elements.join(u',') + u'}')});
        if (!r)
            return r.error();
        return okStatus();
    });
}

Status ServerLogins::remove(Database &db, const QString &login)
{
    if (const Status s = onServerOnly(db); !s)
        return s;
    return withTransaction(db, [&]() -> Status {
        auto r = db.exec(QStringLiteral("SELECT rt_user_remove(?)"), {login.trimmed()});
        if (!r)
            return r.error();
        return okStatus();
    });
}

Result<QList<ServerLogin>> ServerLogins::list(Database &db)
{
    if (const Status s = onServerOnly(db); !s)
        return s.error();
    QList<ServerLogin> out;
    const Status s =
        db.forEachRow(QStringLiteral("SELECT login_name, role_kind, unit_names FROM rt_user_list()"), {},
                      [&](const SqlRow &r) {
                          out << ServerLogin{r.text(0), r.text(1),
                                             r.value(2).isNull() ? QStringList() : r.text(2).split(u',')};
                      });
    if (!s)
        return s.error();
    return out;
}

} // namespace rectrack::core
