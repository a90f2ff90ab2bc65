#include "testsupport.h"

#include "workflow/organizationservice.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

#include <stdexcept>

namespace rectrack::test {

namespace {

/// Where a libpq URI points: the fields QPSQL takes one by one, and the other query items
/// (sslmode, connect_timeout, …) as its `key=value` connect options.
struct ServerLocation
{
    QString host;
    int port = -1;
    QString user;
    QString password;
    QString dbname;
    QStringList options;
};

[[noreturn]] void fail(const QString &message)
{
    throw std::runtime_error(message.toStdString());
}

/// Parses `postgresql://[user[:password]@][host][:port][/dbname][?key=value&…]`; query items
/// host, port, user, password and dbname win over the parts before them, as in libpq.
ServerLocation parseServerUrl(const QString &url)
{
    const QUrl u(url, QUrl::StrictMode);
    if (!u.isValid() ||
        (u.scheme() != QLatin1String("postgresql") && u.scheme() != QLatin1String("postgres")))
        fail(QStringLiteral("not a PostgreSQL URL (postgresql://…): %1").arg(url));
    ServerLocation loc;
    loc.host = u.host(QUrl::FullyDecoded);
    loc.port = u.port(-1);
    loc.user = u.userName(QUrl::FullyDecoded);
    loc.password = u.password(QUrl::FullyDecoded);
    loc.dbname = u.path(QUrl::FullyDecoded).mid(1);
    const QUrlQuery query(u);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("host")) {
            loc.host = value;
        } else if (key == QLatin1String("port")) {
            bool ok = false;
            loc.port = value.toInt(&ok);
            if (!ok)
                fail(QStringLiteral("bad port '%1' in %2").arg(value, url));
        } else if (key == QLatin1String("user")) {
            loc.user = value;
        } else if (key == QLatin1String("password")) {
            loc.password = value;
        } else if (key == QLatin1String("dbname")) {
            loc.dbname = value;
        } else {
            loc.options << key + QLatin1Char('=') + value;
        }
    }
    return loc;
}

/// @p url with its database name replaced by @p name (in the path, or the dbname query item).
QString withDatabase(const QString &url, const QString &name)
{
    QUrl u(url);
    QUrlQuery query(u);
    if (query.hasQueryItem(QStringLiteral("dbname"))) {
        query.removeAllQueryItems(QStringLiteral("dbname"));
        query.addQueryItem(QStringLiteral("dbname"), name);
        u.setQuery(query);
    } else {
        u.setPath(QLatin1Char('/') + name);
    }
    return u.toString();
}

/// The name of a database made by createServerDatabase(): rt_ and hex digits, so that it needs no
/// quoting and dropServerDatabase() cannot drop anything else.
const QRegularExpression &testDatabaseName()
{
    static const QRegularExpression re(QStringLiteral("^rt_[0-9a-f]{16}$"));
    return re;
}

} // namespace

TempRegister::TempRegister(QDate today) : clock(today)
{
    // The pg run (RECTRACK_TEST_BACKEND=pg): the same register in a fresh database on the test server.
    path = testOnServer() ? createServerDatabase() : dir.filePath(QStringLiteral("register.rtreg"));
    auto r = core::Database::open(path, core::Database::OpenMode::CreateIfMissing);
    if (!r)
        throw std::runtime_error(r.error().message.toStdString());
    db = std::move(r).value();
    db->setClock(&clock);
    db->setActor(QStringLiteral("tester"));
    if (testOnServer()) {
        // The tests' own checks read lists with SQLite's group_concat(x [, separator]); the server
        // test database gets an aggregate of that name (tests only: the register never uses it).
        ServerConnection c(path);
        c.exec(QStringLiteral(
            "CREATE FUNCTION rt_test_concat(acc text, v anyelement, sep text) RETURNS text "
            "LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN v IS NULL THEN acc WHEN acc IS NULL "
            "THEN v::text ELSE acc || sep || v::text END $$"));
        c.exec(
            QStringLiteral("CREATE FUNCTION rt_test_concat(acc text, v anyelement) RETURNS text LANGUAGE sql "
                           "IMMUTABLE AS $$ SELECT rt_test_concat(acc, v, ',') $$"));
        c.exec(QStringLiteral(
            "CREATE AGGREGATE group_concat(anyelement, text) (SFUNC = rt_test_concat, STYPE = text)"));
        c.exec(QStringLiteral(
            "CREATE AGGREGATE group_concat(anyelement) (SFUNC = rt_test_concat, STYPE = text)"));
    }
}

TempRegister::~TempRegister()
{
    db.reset();
    if (core::Database::isServerLocation(path)) {
        try {
            dropServerDatabase(path);
        } catch (const std::exception &) {
            // A database left behind goes with the test server's folder.
        }
    }
}

bool TempRegister::replaceWith(const QString &fixture)
{
    db.reset();
    QFile::remove(path);
    if (!QFile::copy(fixture, path))
        return false;
    return QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
}

void TempRegister::reopen()
{
    db.reset();
    auto r = core::Database::open(path, core::Database::OpenMode::Existing);
    if (!r)
        throw std::runtime_error(r.error().message.toStdString());
    db = std::move(r).value();
    db->setClock(&clock);
    db->setActor(QStringLiteral("tester"));
}

RegisterLocation::RegisterLocation(const QString &fileName)
{
    path = testOnServer() ? createServerDatabase() : dir.filePath(fileName);
}

RegisterLocation::~RegisterLocation()
{
    if (core::Database::isServerLocation(path)) {
        try {
            dropServerDatabase(path);
        } catch (const std::exception &) {
            // A database left behind goes with the test server's folder.
        }
    }
}

CliRun runCli(const QStringList &args, int timeoutMs, const QByteArray &input)
{
    QProcess p;
    QStringList full = args;
    bool hasLang = false;
    for (const QString &a : args)
        hasLang = hasLang || a.startsWith(QLatin1String("--lang"));
    if (!hasLang)
        full << QStringLiteral("--lang") << QStringLiteral("en");
    p.start(QStringLiteral(RECTRACK_CLI_PATH), full);
    if (p.waitForStarted()) {
        p.write(input);
        p.closeWriteChannel();
    }
    CliRun run;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        run.err = QStringLiteral("timeout");
        return run;
    }
    run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    run.out = QString::fromUtf8(p.readAllStandardOutput());
    run.err = QString::fromUtf8(p.readAllStandardError());
    return run;
}

QString sharedData(const QString &relative)
{
    return QDir(QStringLiteral(RECTRACK_SHARED_DATA_DIR)).filePath(relative);
}

int runSqlite(const QString &db, const QString &sql)
{
    QProcess p;
    // A register on the test server is changed with psql, as a DBA would behind the program's back.
    if (core::Database::isServerLocation(db))
        p.start(QStringLiteral("psql"), {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
                                         QStringLiteral("ON_ERROR_STOP=1"), db, QStringLiteral("-c"), sql});
    else
        p.start(QStringLiteral("sqlite3"), {db, sql});
    p.waitForFinished(60000);
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

QString sqlOutput(const QString &db, const QString &sql)
{
    QProcess p;
    if (core::Database::isServerLocation(db))
        p.start(QStringLiteral("psql"),
                {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-A"), QStringLiteral("-t"),
                 QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), db, QStringLiteral("-c"), sql});
    else
        p.start(QStringLiteral("sqlite3"), {db, sql});
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

void overwrite(const QString &path, qint64 offset, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite) || !f.seek(offset) || f.write(bytes) != bytes.size())
        throw std::runtime_error("cannot damage " + path.toStdString());
}

void copyRegister(const QString &path, const QString &copy)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(copy + suffix);
    for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
        if (QFile::exists(path + suffix) && !QFile::copy(path + suffix, copy + suffix))
            throw std::runtime_error("cannot copy " + path.toStdString());
    }
}

QString copyWithWal(const QString &path, const QString &copy, int commits)
{
    auto db = core::Database::open(path, core::Database::OpenMode::Existing);
    if (!db)
        throw std::runtime_error(db.error().message.toStdString());
    // No automatic checkpoint: the frames stay in the WAL as after a crash.
    (*db)->exec(QStringLiteral("PRAGMA wal_autocheckpoint=0"));
    core::OrganizationService org(**db);
    const QString batch = core::Database::newUuid().left(8);
    for (int i = 0; i < commits; ++i) {
        if (!org.ensureUnit(QStringLiteral("WAL 测试单位 %1-%2").arg(batch).arg(i)))
            throw std::runtime_error("cannot write");
    }
    copyRegister(path, copy);
    return copy;
}

bool testOnServer()
{
    return qEnvironmentVariable("RECTRACK_TEST_BACKEND") == QLatin1String("pg");
}

QString pgAdminUrl()
{
    const QString file = qEnvironmentVariable("RECTRACK_TEST_PG_URL_FILE");
    if (file.isEmpty())
        fail(QStringLiteral(
            "RECTRACK_TEST_PG_URL_FILE is not set: the pg tests run through ctest (ctest -L pg), "
            "which starts the server (tests/pg/pgserver.sh) and sets it"));
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        fail(QStringLiteral("no test server URL in %1 (%2): the pg_server_start test "
                            "(tests/pg/pgserver.sh start) did not run or failed")
                 .arg(file, f.errorString()));
    const QString url = QString::fromUtf8(f.readAll()).trimmed();
    if (url.isEmpty())
        fail(QStringLiteral("the test server URL file %1 is empty").arg(file));
    return url;
}

QString createServerDatabase()
{
    const QString admin = pgAdminUrl();
    const QString name =
        QStringLiteral("rt_%1").arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'));
    ServerConnection server(admin);
    server.exec(QStringLiteral("CREATE DATABASE %1 TEMPLATE template0 ENCODING 'UTF8' "
                               "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'")
                    .arg(name));
    return withDatabase(admin, name);
}

QString serverUrlAs(const QString &url, const QString &login, const QString &password)
{
    QUrl u(url);
    QUrlQuery q(u);
    q.removeAllQueryItems(QStringLiteral("user"));
    q.removeAllQueryItems(QStringLiteral("password"));
    q.addQueryItem(QStringLiteral("user"), login);
    q.addQueryItem(QStringLiteral("password"), password);
    u.setQuery(q);
    return u.toString();
}

void dropServerDatabase(const QString &url)
{
    const QString name = parseServerUrl(url).dbname;
    if (!testDatabaseName().match(name).hasMatch())
        fail(QStringLiteral("refusing to drop database '%1': not made by createServerDatabase()").arg(name));
    ServerConnection server(pgAdminUrl());
    server.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name));
    // Its group roles (issue #23), which are the whole server's: `<database>_<kind>`.
    for (const char *kind : {"sysadmin", "secadmin", "auditor", "office", "unit", "leader", "owner"})
        server.exec(QStringLiteral("DROP ROLE IF EXISTS %1_%2").arg(name, QLatin1String(kind)));
}

ServerConnection::ServerConnection(const QString &url)
    : m_name(QStringLiteral("rectrack-test-pg-") + QUuid::createUuid().toString(QUuid::Id128))
{
    const ServerLocation loc = parseServerUrl(url);
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        fail(
            QStringLiteral("Qt's PostgreSQL driver QPSQL is not installed (Debian package libqt6sql6-psql)"));
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
        db.setHostName(loc.host);
        db.setPort(loc.port);
        db.setUserName(loc.user);
        db.setPassword(loc.password);
        db.setDatabaseName(loc.dbname);
        db.setConnectOptions(loc.options.join(QLatin1Char(';')));
        if (!db.open())
            error = db.lastError().text();
    }
    if (!error.isEmpty()) {
        QSqlDatabase::removeDatabase(m_name);
        fail(QStringLiteral("cannot connect to %1: %2").arg(url, error));
    }
}

ServerConnection::~ServerConnection()
{
    QSqlDatabase::database(m_name, false).close();
    QSqlDatabase::removeDatabase(m_name);
}

void ServerConnection::exec(const QString &sql)
{
    QSqlQuery q(QSqlDatabase::database(m_name, false));
    if (!q.exec(sql))
        fail(QStringLiteral("%1: %2").arg(sql, q.lastError().text()));
}

QVariant ServerConnection::scalar(const QString &sql)
{
    QSqlQuery q(QSqlDatabase::database(m_name, false));
    if (!q.exec(sql))
        fail(QStringLiteral("%1: %2").arg(sql, q.lastError().text()));
    if (!q.first())
        return {};
    return q.value(0);
}

} // namespace rectrack::test
