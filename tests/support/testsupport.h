#pragma once

#include "domain/clock.h"
#include "storage/database.h"

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

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
};

/// Output of one rectrack-cli run.
struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

/// Runs the built rectrack-cli with @p args (English messages unless args name --lang).
CliRun runCli(const QStringList &args, int timeoutMs = 120000);

/// Path of a file under tests/data/shared (a copy of the shared realistic ledgers with their expected
/// values).
QString sharedData(const QString &relative);

/// Runs the sqlite3 shell on @p db with one SQL script; returns its exit code.
int runSqlite(const QString &db, const QString &sql);

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

} // namespace rectrack::test
