// Opening a register on a PostgreSQL server (issue #22): the server's half of Database::open().
// The file's half (header and WAL checks, pragmas, journal modes) is in database.cpp.

#include "postgresdialect.h"
#include "storage/database.h"
#include "storage/schema.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QRegularExpression>
#include <QSqlError>
#include <QUrl>
#include <QUrlQuery>

namespace rectrack::core {

namespace {

QAtomicInt g_serverConnections;

Error cannotOpen(const QString &message)
{
    return Error{ErrorCode::CannotOpen, message};
}

/// A libpq connection URI taken apart for Qt's QPSQL driver, which builds its own conninfo
/// string: every parameter goes into the connect options, values quoted as libpq wants.
struct ServerAddress
{
    QString options; ///< "key='value';…" for QSqlDatabase::setConnectOptions
    QString display; ///< the URL without a password, for messages and titles
    QString error;   ///< why the URL was refused (empty when usable)
};

QString conninfoValue(QString v)
{
    v.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    v.replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + v + QLatin1Char('\'');
}

ServerAddress parseServerUrl(const QString &text)
{
    ServerAddress out;
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() ||
        (url.scheme() != QLatin1String("postgresql") && url.scheme() != QLatin1String("postgres"))) {
        out.error =
            Database::tr("%1 is not a PostgreSQL address of the form postgresql://user@host:port/database.")
                .arg(text.section(u'@', -1));
        return out;
    }
    QStringList options;
    if (!url.host().isEmpty())
        options << QStringLiteral("host=") + conninfoValue(url.host());
    if (url.port() != -1)
        options << QStringLiteral("port=%1").arg(url.port());
    if (!url.userName().isEmpty())
        options << QStringLiteral("user=") + conninfoValue(url.userName());
    if (!url.password().isEmpty())
        options << QStringLiteral("password=") + conninfoValue(url.password());
    const QString dbname = url.path().mid(1);
    if (!dbname.isEmpty())
        options << QStringLiteral("dbname=") + conninfoValue(dbname);
    static const QRegularExpression keyword(QStringLiteral("^[a-z_]+$"));
    bool timeout = false;
    QUrlQuery displayQuery;
    for (const auto &[key, value] : QUrlQuery(url).queryItems(QUrl::FullyDecoded)) {
        if (!keyword.match(key).hasMatch()) {
            out.error = Database::tr("The server address has an invalid parameter “%1”.").arg(key);
            return out;
        }
        options << key + u'=' + conninfoValue(value);
        timeout = timeout || key == QLatin1String("connect_timeout");
        if (key != QLatin1String("password"))
            displayQuery.addQueryItem(key, value);
    }
    // An unreachable server is an error after a while, not a hang.
    if (!timeout)
        options << QStringLiteral("connect_timeout=10");
    out.options = options.join(u';');
    QUrl shown = url;
    shown.setPassword(QString());
    shown.setQuery(displayQuery);
    out.display = shown.toString(QUrl::PrettyDecoded);
    return out;
}

/// The tables of the connection's current schema (public by default).
Result<qint64> tablesInSchema(Database &db)
{
    // pg_class, not information_schema: that lists only the tables the login may use.
    auto n =
        db.value(QStringLiteral("SELECT count(*) FROM pg_class c WHERE c.relnamespace = "
                                "current_schema()::regnamespace AND c.relkind IN ('r', 'v', 'm', 'p', 'f')"));
    if (!n)
        return n.error();
    return n->toLongLong();
}

/// Serialises schema creation and upgrades between clients that open one database at once.
constexpr qint64 kSchemaLock = 0x5254524B00000002;

} // namespace

Result<std::unique_ptr<Database>> Database::openServer(const QString &url, OpenMode mode)
{
    const ServerAddress address = parseServerUrl(url);
    if (!address.error.isEmpty())
        return cannotOpen(address.error);
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return cannotOpen(tr("Cannot open %1: Qt's PostgreSQL driver is not installed (Debian package "
                             "libqt6sql6-psql).")
                              .arg(address.display));
    std::unique_ptr<Database> db(new Database);
    db->m_dialect = std::make_unique<PostgresDialect>();
    db->m_path = address.display;
    db->m_actor = qEnvironmentVariable("USER", QStringLiteral("operator"));
    db->m_connection = QStringLiteral("rectrack-server-%1").arg(g_serverConnections.fetchAndAddRelaxed(1));
    db->m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), db->m_connection);
    db->m_db.setConnectOptions(address.options);
    if (!db->m_db.open()) {
        // CONNECT is granted to the register's roles only (accesscontrol.cpp).
        if (db->m_db.lastError().nativeErrorCode() == QLatin1String("42501") ||
            db->m_db.lastError().databaseText().contains(QLatin1String("CONNECT privilege"))) {
            const QUrl u(url);
            QString login = QUrlQuery(u).queryItemValue(QStringLiteral("user"));
            if (login.isEmpty())
                login = u.userName().isEmpty() ? qEnvironmentVariable("USER") : u.userName();
            return cannotOpen(tr("The login %1 has no role in the register %2. The security administrator "
                                 "gives it one with rectrack-cli server user add.")
                                  .arg(login, address.display));
        }
        return cannotOpen(tr("Cannot connect to the server register %1: %2")
                              .arg(address.display, db->m_db.lastError().databaseText().trimmed()));
    }
    if (const Status s = db->setUpServerConnection(); !s)
        return s.error();
    if (const Status s = db->initialiseServer(mode); !s)
        return s.error();
    if (const Status s = db->startServerSession(); !s)
        return s.error();
    return db;
}

Status Database::setUpServerConnection()
{
    // Session settings: notices (CREATE EXTENSION IF NOT EXISTS …) stay on the server; times in
    // UTC whatever the server's zone (the register stores ISO text, the audit chain UTC).
    for (const char *setting : {"SET client_min_messages = warning", "SET TIME ZONE 'UTC'"}) {
        if (auto r = exec(QString::fromLatin1(setting)); !r)
            return cannotOpen(tr("Cannot open %1: %2").arg(m_path, r.error().message));
    }
    return okStatus();
}

Status Database::reconnect()
{
    if (!onServer())
        return okStatus();
    m_db.close();
    m_auditHead.clear();
    if (m_pending)
        m_pending->discard();
    if (!m_db.open())
        return cannotOpen(tr("Cannot connect to the server register %1: %2")
                              .arg(m_path, m_db.lastError().databaseText().trimmed()));
    if (const Status s = setUpServerConnection(); !s)
        return s;
    return startServerSession();
}

Status Database::startServerSession()
{
    auto session = value(QStringLiteral("SELECT session_user::text"));
    if (!session)
        return session.error();
    m_actor = session->toString();
    auto kinds = value(QStringLiteral("SELECT array_to_string(rt_login_kinds(), ',')"));
    if (!kinds)
        return kinds.error();
    m_loginRoles = kinds->toString().split(u',', Qt::SkipEmptyParts);
    auto all = value(QStringLiteral("SELECT rt_sees_all()"));
    if (!all)
        return all.error();
    m_seesWholeRegister = all->toBool();
    // The login history the security auditor reads (accesscontrol.cpp).
    if (auto r = exec(
            QStringLiteral("SELECT rt_session_start(?)"),
            {QString(QCoreApplication::applicationName() + u' ' + QCoreApplication::applicationVersion())});
        !r)
        return r.error();
    return okStatus();
}

Error Database::serverError(const QSqlError &error, const QString &context) const
{
    const QString state = error.nativeErrorCode();
    const QString text = error.databaseText();
    static const QRegularExpression refusal(QStringLiteral("rectrack:([a-z_0-9]+)(?::([^\\n]*))?"));
    const QRegularExpressionMatch m = refusal.match(text);
    const QString key = m.hasMatch() ? m.captured(1) : QString();
    const QString login = m_actor;
    auto refused = [](const QString &message) { return Error{ErrorCode::InputRefused, message}; };
    if (state == QLatin1String("40001") || state == QLatin1String("40P01") || key == QLatin1String("chain")) {
        Error e{ErrorCode::Internal,
                tr("The server register %1 was busy with another change; this one was not saved. Try again.")
                    .arg(m_path)};
        e.transient = true;
        return e;
    }
    if (key == QLatin1String("write"))
        return refused(tr("The login %1 may only read this register: the change was not saved.").arg(login));
    if (key == QLatin1String("close_out"))
        return refused(tr("Only the inspection office may close out a problem or reopen a closed-out one; "
                          "the login %1 may not. Nothing was changed.")
                           .arg(login));
    if (key == QLatin1String("review3"))
        return refused(
            tr("Only the inspection office may record the inspection office's review; the login %1 "
               "may not. Nothing was changed.")
                .arg(login));
    if (key == QLatin1String("delete"))
        return refused(tr("Only the inspection office may delete or restore a problem; the login %1 may not. "
                          "Nothing was changed.")
                           .arg(login));
    if (key == QLatin1String("secadmin"))
        return refused(
            tr("Only the security administrator may manage logins; the login %1 may not.").arg(login));
    if (key == QLatin1String("kind"))
        return refused(tr("Unknown role: use sysadmin, secadmin, auditor, office, unit or leader."));
    if (key == QLatin1String("login"))
        return refused(tr(
            "A login name is letters, digits or _ . @ -, at most 63 bytes (21 Chinese characters), does not "
            "start with pg_ and is not a group role of the register."));
    if (key == QLatin1String("units"))
        return refused(tr("A unit login needs at least one --unit; other roles take none."));
    if (key == QLatin1String("unknown_unit"))
        return refused(tr("The register has no unit named “%1”.").arg(m.captured(2).trimmed()));
    if (key == QLatin1String("login_taken"))
        return refused(tr("That name belongs to a server role that is not a login, or to a superuser."));
    if (key == QLatin1String("self"))
        return refused(tr("A security administrator cannot remove their own login."));
    if (key == QLatin1String("not_a_user"))
        return refused(tr("That login has no role in this register."));
    if (key == QLatin1String("dbname"))
        return refused(tr("The database name is too long for its role names (at most 54 bytes)."));
    if (state == QLatin1String("42501")) {
        // "permission denied for table measures", "new row violates row-level security policy for
        // table \"problems\"".
        static const QRegularExpression table(
            QStringLiteral("(?:table|relation|function) \"?([A-Za-z_0-9]+)"));
        const QString what = table.match(text).captured(1);
        return refused(
            tr("The login %1 may not do this in the register (%2): refused by the server. Nothing was "
               "changed.")
                .arg(login, what.isEmpty() ? context.left(60) : what));
    }
    if (state.startsWith(QLatin1String("08")) || state == QLatin1String("57P01") ||
        state == QLatin1String("57P02") || state == QLatin1String("57P03") || !m_db.isOpen())
        return Error{
            ErrorCode::Internal,
            tr("The connection to the server register %1 was lost: the change was not saved.").arg(m_path)};
    return Error{ErrorCode::Internal, tr("Database error: %1 (%2)").arg(error.text(), context)};
}

Status Database::initialiseServer(OpenMode mode)
{
    auto present = value(QStringLiteral("SELECT to_regclass('schema_version') IS NOT NULL"));
    if (!present)
        return cannotOpen(tr("Cannot open %1: %2").arg(m_path, present.error().message));
    if (!present->toBool()) {
        auto tables = tablesInSchema(*this);
        if (!tables)
            return tables.error();
        if (*tables > 0)
            return Error{ErrorCode::CannotOpen,
                         tr("The database %1 holds %n other table(s): it is not a Rectrack register. Use an "
                            "empty database.",
                            nullptr, int(*tables))
                             .arg(m_path)};
        if (mode == OpenMode::Existing)
            return cannotOpen(tr("The database %1 holds no register yet. Create one there with "
                                 "rectrack-cli server init.")
                                  .arg(m_path));
        // Chinese search needs trigrams of Chinese characters, which pg_trgm only makes under a
        // UTF-8 character classification (../shared/notes/server.md §3).
        auto ctype =
            value(QStringLiteral("SELECT datctype FROM pg_database WHERE datname = current_database()"));
        if (!ctype)
            return ctype.error();
        static const QRegularExpression utf8(QStringLiteral("utf-?8"),
                                             QRegularExpression::CaseInsensitiveOption);
        if (!utf8.match(ctype->toString()).hasMatch())
            return Error{ErrorCode::InputRefused,
                         tr("The database %1 has the character classification (LC_CTYPE) “%2”, under which "
                            "the server cannot search Chinese text. Create the database with LC_CTYPE "
                            "C.UTF-8 or zh_CN.UTF-8, e.g. CREATE DATABASE … TEMPLATE template0 LC_CTYPE "
                            "'C.UTF-8' LC_COLLATE 'C.UTF-8'.")
                             .arg(m_path, ctype->toString())};
        Transaction tx(*this);
        if (!tx.active())
            return tx.error();
        if (auto r = exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kSchemaLock)); !r)
            return r.error();
        // Another client may have created the register while this one waited for the lock.
        auto again = value(QStringLiteral("SELECT to_regclass('schema_version') IS NOT NULL"));
        if (!again)
            return again.error();
        if (again->toBool()) {
            tx.rollback();
            return initialiseServer(OpenMode::Existing);
        }
        m_createdHere = true;
        if (const Status s = createSchema(); !s)
            return s;
        return tx.commit();
    }
    // A login with no role here may not even read the schema version: say so, not "not a register".
    auto member = value(QStringLiteral("SELECT has_table_privilege('schema_version', 'SELECT')"));
    if (!member)
        return cannotOpen(tr("Cannot open %1: %2").arg(m_path, member.error().message));
    if (!member->toBool())
        return cannotOpen(
            tr("The login %1 has no role in the register %2. The security administrator gives it "
               "one with rectrack-cli server user add.")
                .arg(value(QStringLiteral("SELECT session_user::text"))->toString(), m_path));
    auto checked = value(QStringLiteral("SELECT to_regprocedure('rt_sees_all()') IS NOT NULL"));
    if (!checked)
        return cannotOpen(tr("Cannot open %1: %2").arg(m_path, checked.error().message));
    if (!checked->toBool())
        return cannotOpen(
            tr("The server register %1 was made by a development version of Rectrack without logins "
               "and roles. Create it again with rectrack-cli server init and server push.")
                .arg(m_path));
    if (m_dialect->applicationId(*this) != qint64(schema::kApplicationId))
        return cannotOpen(tr("The database %1 is not a Rectrack register.").arg(m_path));
    const int version = schemaVersion();
    if (version > schema::kVersion)
        return cannotOpen(tr("The register %1 was written by a newer version of Rectrack (schema %2; this "
                             "program reads up to %3). Please update Rectrack.")
                              .arg(m_path)
                              .arg(version)
                              .arg(schema::kVersion));
    if (version < schema::kVersion)
        return migrate(version);
    return okStatus();
}

} // namespace rectrack::core
