#pragma once

#include "domain/clock.h"
#include "storage/database.h"

#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QVariant>

#include <memory>

namespace rectrack::test {

/// A fresh register in its own temporary directory, with a fixed clock (default 2021-01-15).
struct TempRegister
{
    explicit TempRegister(QDate today = QDate(2021, 1, 15));
    ~TempRegister();
    QString path;
    QTemporaryDir dir;
    core::FixedClock clock;
    std::unique_ptr<core::Database> db;
    /// Closes and reopens the database (e.g. after changing the file with another program).
    void reopen();
    /// Closes the database and puts a writable copy of the register file @p fixture (e.g. an old
    /// schema's tests/data/schema/vN.rtk) in its place, not opened; false when it cannot be copied.
    bool replaceWith(const QString &fixture);
};

/**
 * Where a CLI test keeps a register it only uses as a register (through rectrack-cli's DB argument):
 * in the pg run (testOnServer()) a fresh empty database on the test server, dropped again on
 * destruction; otherwise @p fileName in a temporary directory of its own, not yet created. `dir` is
 * there in both runs for the test's other files (ledgers, exports, reports, backups).
 */
struct RegisterLocation
{
    explicit RegisterLocation(const QString &fileName = QStringLiteral("d.rtreg"));
    ~RegisterLocation();
    RegisterLocation(const RegisterLocation &) = delete;
    RegisterLocation &operator=(const RegisterLocation &) = delete;
    QTemporaryDir dir;
    /// A file path in `dir`, or the database's URL (libpq URI form, see createServerDatabase()).
    QString path;
};

/// Output of one rectrack-cli run.
struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

/// Runs the built rectrack-cli with @p args (English messages unless args name --lang), writing
/// @p input to its standard input (then closed).
CliRun runCli(const QStringList &args, int timeoutMs = 120000, const QByteArray &input = {});

/// Path of a file under tests/data/shared (a copy of the shared realistic ledgers with their expected
/// values).
QString sharedData(const QString &relative);

/// Runs the sqlite3 shell on @p db (psql on a server URL) with one SQL script; returns its exit code.
int runSqlite(const QString &db, const QString &sql);

/**
 * Runs one query on a register (sqlite3 on a file, `psql -A -t` on a server URL) and returns what it
 * prints: one line per row, columns separated by '|', each line ending in a newline in both cases.
 */
QString sqlOutput(const QString &db, const QString &sql);

/// Writes @p bytes over the file at @p offset (damage for the refusal tests).
void overwrite(const QString &path, qint64 offset, const QByteArray &bytes);

/// Copies a register with its WAL (not the -shm) to @p copy, replacing an older copy.
void copyRegister(const QString &path, const QString &copy);

/**
 * Leaves @p path with a WAL of at least @p commits committed transactions (one unit each) and
 * returns a copy of the file and its WAL taken while the connection was still open, as after a
 * crash. Frames are pageSize + 24 bytes after the 32-byte WAL header.
 */
QString copyWithWal(const QString &path, const QString &copy, int commits);

/**
 * True when this test process runs against the PostgreSQL test server: RECTRACK_TEST_BACKEND is
 * "pg", as ctest sets it for the second, "pg:"-prefixed registration of the core and cli tests
 * (tests/CMakeLists.txt, docs/testing.md).
 */
bool testOnServer();

/**
 * The admin URL of the test server (libpq URI form, e.g.
 * `postgresql:///postgres?host=/tmp/rectrack-pg.AbC123&port=54321&user=postgres`), read from the
 * file that RECTRACK_TEST_PG_URL_FILE names; tests/pg/pgserver.sh writes it when the
 * pg_server_start test starts the server.
 * @throws std::runtime_error naming the variable or file when it is unset, missing or empty.
 */
QString pgAdminUrl();

/**
 * Creates an empty database on the test server (`rt_` + 16 random hex digits, UTF-8, LC_COLLATE and
 * LC_CTYPE C.UTF-8 from template0, so pg_trgm makes trigrams of Chinese text) and returns its URL:
 * the admin URL with the database name replaced.
 * @throws std::runtime_error with the server's message when the server cannot be reached or the
 *         database cannot be made.
 */
QString createServerDatabase();

/// @p url (libpq URI form) with the login @p login and its @p password in its query, in place of
/// the user it named (the role tests of issue #23).
QString serverUrlAs(const QString &url, const QString &login, const QString &password);

/**
 * Drops a database made by createServerDatabase() (`DROP DATABASE … WITH (FORCE)`, which ends the
 * sessions still connected to it). Only names of the form rt_<hex> are accepted.
 * @throws std::runtime_error when the URL names another database or the drop fails.
 */
void dropServerDatabase(const QString &url);

/**
 * A QPSQL connection to a server URL (libpq URI form as pgAdminUrl()) under a connection name of
 * its own; closed and removed from QSqlDatabase's registry on destruction. For test set-up and
 * checks only: the code under test opens its own connections.
 */
class ServerConnection
{
public:
    /// Opens the connection. @throws std::runtime_error with the driver's message on failure.
    explicit ServerConnection(const QString &url);
    ~ServerConnection();
    ServerConnection(const ServerConnection &) = delete;
    ServerConnection &operator=(const ServerConnection &) = delete;

    /// Runs one statement. @throws std::runtime_error with the statement and the server's message.
    void exec(const QString &sql);
    /// Runs one query and returns the first column of its first row (invalid without a row).
    /// @throws std::runtime_error with the statement and the server's message.
    QVariant scalar(const QString &sql);

private:
    QString m_name;
};

} // namespace rectrack::test
