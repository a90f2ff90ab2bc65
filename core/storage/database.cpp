#include "database.h"

#include "schema.h"
#include "sqlite/sqlitedialect.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlRecord>
#include <QThread>
#include <QUrl>
#include <QUuid>
#include <QtEndian>

#include <cstring>

namespace rectrack::core {

namespace {

Error cannotOpen(const QString &message)
{
    return Error{ErrorCode::CannotOpen, message};
}

/// SQLite's result codes for a damaged file: SQLITE_CORRUPT (11) and SQLITE_NOTADB (26), also as
/// extended codes (SQLITE_CORRUPT_INDEX = 779: the low byte is the primary code).
bool isCorruption(const QSqlError &e)
{
    bool ok = false;
    const int code = e.nativeErrorCode().toInt(&ok) & 0xff;
    return ok && (code == 11 || code == 26);
}

/// The first damage any register of this process met while reading (Database::damageSeen()).
/// Reads run on worker threads too (the dashboard's figures): the message is guarded.
QAtomicInt g_damageSeen;
QAtomicInt g_refusedSeen;

QString &refusedText()
{
    static QString text;
    return text;
}
QMutex g_damageMutex;
QString &damageText()
{
    static QString text;
    return text;
}

// The WAL format (https://www.sqlite.org/fileformat2.html#walformat): a 32-byte header, then
// frames of a 24-byte header and one page. Checksums run cumulatively over the header and
// every frame, in 32-bit words of the byte order named by the magic number.
} // namespace

bool Database::isServerLocation(const QString &location)
{
    return location.startsWith(QLatin1String("postgresql://")) ||
           location.startsWith(QLatin1String("postgres://"));
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, OpenMode mode)
{
    // A server's half is in postgres/serverregister.cpp, a file's in sqlite/fileregister.cpp.
    if (isServerLocation(path))
        return openServer(path, mode);
    return openFile(path, mode);
}

Database::~Database()
{
    close();
}

void Database::close()
{
    if (m_connection.isEmpty())
        return;
    if (m_pending)
        m_pending->settle(); // nothing may be on its way over a closed connection
    if (m_db.isOpen() && !onServer()) {
        // Fold the WAL back without waiting: a TRUNCATE checkpoint waits (busy timeout) for every
        // other process's readers and writers, which stalled a read-only command for seconds
        // while another process kept writing. When this is the last connection, SQLite itself
        // checkpoints fully on close and removes the WAL, so the file still stands alone.
        {
            QSqlQuery q(m_db);
            q.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"));
        }
        m_db.close();
    }
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connection);
    m_connection.clear();
    if (m_location.readOnly) {
        // What a read-only open created is removed: an empty log and its index, both with the
        // register's read-only mode. A log that holds frames is never removed.
        const QString wal = m_path + QStringLiteral("-wal");
        if (!m_walExisted && QFileInfo(wal).size() == 0)
            QFile::remove(wal);
        if (!m_shmExisted && !QFileInfo::exists(wal))
            QFile::remove(m_path + QStringLiteral("-shm"));
    }
}
Status Database::createSchema()
{
    for (const QString &stmt : m_dialect->createStatements()) {
        QSqlQuery q(m_db);
        if (!q.exec(stmt))
            return Error{ErrorCode::Internal,
                         tr("Cannot create the register %1: %2").arg(m_path, q.lastError().text())};
    }
    if (auto r = exec(m_dialect->setSchemaVersion(schema::kVersion)); !r)
        return r.error();
    return setMeta(QStringLiteral("created_at"), clock().now().toString(Qt::ISODate));
}

Status Database::migrate(int from)
{
    // A copy of a file is taken before any step runs (DESIGN.md §4); a server's own backups are
    // the DBA's (pg_dump), and each step is one transaction there too.
    const QString copy = m_path + QStringLiteral(".schema%1.bak").arg(from);
    if (!onServer()) {
        QFile::remove(copy);
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("VACUUM INTO ?"));
        q.addBindValue(copy);
        if (!q.exec())
            return cannotOpen(tr("Cannot copy %1 before upgrading it: %2").arg(m_path, q.lastError().text()));
    }
    const QList<QStringList> steps = m_dialect->migrationSteps();
    // A step may rebuild a table (8 → 9 copies units): SQLite's foreign keys are switched off for
    // the steps (a pragma that does nothing inside a transaction) and checked after them.
    auto foreignKeys = [&](bool on) {
        QSqlQuery q(m_db);
        return q.exec(on ? QStringLiteral("PRAGMA foreign_keys=ON")
                         : QStringLiteral("PRAGMA foreign_keys=OFF"));
    };
    if (!onServer() && !foreignKeys(false))
        return cannotOpen(tr("Upgrading %1 failed: the foreign keys cannot be switched off.").arg(m_path));
    const Status stepped = [&]() -> Status {
        for (int v = from; v < schema::kVersion; ++v) {
            Transaction tx(*this);
            if (!tx.active())
                return tx.error();
            for (const QString &stmt : steps.value(v - 1)) {
                QSqlQuery q(m_db);
                if (!q.exec(stmt))
                    return cannotOpen(tr("Upgrading %1 to schema %2 failed: %3")
                                          .arg(m_path)
                                          .arg(v + 1)
                                          .arg(q.lastError().text()));
            }
            QSqlQuery q(m_db);
            if (!q.exec(m_dialect->setSchemaVersion(v + 1)))
                return cannotOpen(q.lastError().text());
            if (const Status s = tx.commit(); !s)
                return s;
        }
        return okStatus();
    }();
    if (!onServer()) {
        if (!foreignKeys(true))
            return cannotOpen(tr("Upgrading %1 failed: the foreign keys cannot be switched on.").arg(m_path));
        if (stepped) {
            auto broken = value(QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check"));
            if (!broken || broken->toLongLong() > 0)
                return cannotOpen(
                    tr("Upgrading %1 failed: a reference no longer points at a row.").arg(m_path));
        }
    }
    return stepped;
}

Error Database::queryError(const QSqlError &error, const QString &context)
{
    // A damaged page met while working: the same exit as a file refused on open.
    if (!onServer() && isCorruption(error)) {
        const Error e = cannotOpen(tr("The file %1 is damaged (%2). Restore a backup; rectrack-cli verify on "
                                      "a copy lists the damage.")
                                       .arg(m_path, error.databaseText()));
        const QMutexLocker lock(&g_damageMutex);
        if (g_damageSeen.testAndSetOrdered(0, 1))
            damageText() = e.message;
        return e;
    }
    const Error e = writeError(error, context);
    // A statement the server refused (the login's role, issue #23) or lost: recorded like damage,
    // so that a caller that cannot return the error (scalar()) does not give a shorter answer.
    if (onServer() && !e.transient && (error.nativeErrorCode() == QLatin1String("42501") || !m_db.isOpen())) {
        const QMutexLocker lock(&g_damageMutex);
        if (g_refusedSeen.testAndSetOrdered(0, 1))
            refusedText() = e.message;
    }
    return e;
}

bool Database::mayRead(const QString &table)
{
    if (!onServer())
        return true;
    auto may = value(QStringLiteral("SELECT has_table_privilege(?, 'SELECT')"), {table});
    return may && may->toBool();
}

bool Database::refusalSeen()
{
    return g_refusedSeen.loadAcquire() != 0;
}

QString Database::refusalMessage()
{
    const QMutexLocker lock(&g_damageMutex);
    return refusedText();
}

Error Database::sqliteError(int code, const QString &text, const QString &context)
{
    return queryError(QSqlError(QString(), text, QSqlError::StatementError, QString::number(code)), context);
}

Status Database::readStatus(const QSqlQuery &q)
{
    if (!q.lastError().isValid())
        return okStatus();
    return queryError(q.lastError(), q.lastQuery());
}

bool Database::damageSeen()
{
    return g_damageSeen.loadAcquire() != 0;
}

void Database::resetDamageSeen()
{
    const QMutexLocker lock(&g_damageMutex);
    g_damageSeen.storeRelease(0);
    damageText().clear();
    g_refusedSeen.storeRelease(0);
    refusedText().clear();
}

QString Database::damageMessage()
{
    const QMutexLocker lock(&g_damageMutex);
    return damageText();
}

/// A bound value as both backends store it: booleans as 0/1 (the schema's flags are integer
/// columns; PostgreSQL refuses TRUE there), dates and times as the ISO text Qt's SQLite driver
/// writes (PostgreSQL's driver would send typed literals in another format into the text columns).
QVariant Database::portableBind(const QVariant &v)
{
    if (v.isNull())
        return v;
    switch (v.typeId()) {
    case QMetaType::Bool:
        return QVariant(v.toBool() ? 1 : 0);
    case QMetaType::QDate:
        return QVariant(v.toDate().toString(Qt::ISODate));
    case QMetaType::QDateTime:
        return QVariant(v.toDateTime().toString(Qt::ISODateWithMs));
    case QMetaType::QTime:
        return QVariant(v.toTime().toString(QStringLiteral("hh:mm:ss.zzz")));
    default:
        return v;
    }
}

Status Database::flushPendingWrites()
{
    if (!m_pending || m_flushing)
        return okStatus();
    m_flushing = true;
    const Status s = m_pending->flush();
    m_flushing = false;
    return s;
}

Result<QSqlQuery> Database::exec(const QString &sql, const QVariantList &binds)
{
    // Rows a bulk writer holds back go first: this statement may read them.
    if (const Status s = flushPendingWrites(); !s)
        return s.error();
    QSqlQuery q(m_db);
    // A file's rows are read as SQLite steps. A server's come whole (libpq buffers the result): in
    // Qt's forward-only mode the driver reads them row by row, and any other statement on the
    // connection while a loop reads them (a lookup per row) would discard the rest.
    q.setForwardOnly(!onServer());
    // Without values to bind, one round trip: a server statement is then not PREPAREd, EXECUTEd
    // and DEALLOCATEd (and SET, which cannot be prepared, runs as well).
    if (binds.isEmpty()) {
        if (!q.exec(sql))
            return queryError(q.lastError(), sql);
        return q;
    }
    if (!q.prepare(sql))
        return queryError(q.lastError(), sql);
    for (const QVariant &b : binds)
        q.addBindValue(portableBind(b));
    if (!q.exec())
        return queryError(q.lastError(), sql);
    return q;
}

Result<QVariant> Database::value(const QString &sql, const QVariantList &binds)
{
    QVariant first;
    const Status s = forEachRow(sql, binds, [&](const SqlRow &r) {
        first = r.value(0);
        return false;
    });
    if (!s)
        return s.error();
    return first;
}

QVariant Database::scalar(const QString &sql, const QVariantList &binds)
{
    auto r = value(sql, binds);
    return r ? *r : QVariant();
}

QString Database::meta(const QString &key, const QString &fallback) const
{
    const QVariant v =
        const_cast<Database *>(this)->scalar(QStringLiteral("SELECT value FROM meta WHERE key = ?"), {key});
    return v.isValid() ? v.toString() : fallback;
}

Status Database::setMeta(const QString &key, const QString &value)
{
    auto r = exec(QStringLiteral("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET "
                                 "value = excluded.value"),
                  {key, value});
    if (!r)
        return r.error();
    return okStatus();
}

QDate Database::referenceDate() const
{
    return QDate::fromString(meta(QStringLiteral("reference_date")), Qt::ISODate);
}

QDate Database::defaultAsOf() const
{
    const QDate ref = referenceDate();
    return ref.isValid() ? ref : clock().today();
}

int Database::schemaVersion() const
{
    return m_dialect->schemaVersion(*const_cast<Database *>(this));
}

void Database::setClock(const Clock *clock)
{
    m_clock = clock ? clock : &m_systemClock;
}

QString Database::newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

Transaction::Transaction(Database &db) : m_db(db)
{
    if (db.readOnly()) {
        m_error =
            db.writeError(QSqlError(QString(), QString(), QSqlError::StatementError, QStringLiteral("8")),
                          QStringLiteral("BEGIN"));
        return;
    }
    // Held-back rows belong to the enclosing transaction, not to a savepoint that may roll back.
    if (const Status s = db.flushPendingWrites(); !s) {
        m_error = s.error();
        return;
    }
    QSqlQuery q(db.sql());
    if (db.m_txDepth > 0)
        m_savepoint = QStringLiteral("sp%1").arg(db.m_txDepth);
    if (q.exec(m_savepoint.isEmpty() ? db.dialect().beginTransaction()
                                     : QStringLiteral("SAVEPOINT ") + m_savepoint)) {
        m_active = true;
        ++db.m_txDepth;
        // One writer at a time (Dialect::lockAuditChain): on a server its first statement.
        if (m_savepoint.isEmpty()) {
            if (const Status s = db.dialect().lockAuditChain(db); !s) {
                m_error = s.error();
                rollback();
            }
        }
    } else {
        const QString code = q.lastError().nativeErrorCode();
        if (db.readOnly() || code == QLatin1String("8") || code == QLatin1String("13"))
            m_error = db.writeError(q.lastError(), QStringLiteral("BEGIN"));
        else
            m_error = Error{ErrorCode::Internal,
                            tr("The register is busy or cannot be written: %1").arg(q.lastError().text())};
    }
}

Transaction::~Transaction()
{
    rollback();
}

Status Transaction::commit()
{
    if (!m_active)
        return m_error;
    if (const Status s = m_db.flushPendingWrites(); !s) {
        rollback();
        return s;
    }
    QSqlQuery q(m_db.sql());
    if (!q.exec(m_savepoint.isEmpty() ? QStringLiteral("COMMIT")
                                      : QStringLiteral("RELEASE ") + m_savepoint)) {
        const QString code = q.lastError().nativeErrorCode();
        const Error e = code == QLatin1String("13") || code == QLatin1String("10") ||
                                code == QLatin1String("8") || m_db.onServer()
                            ? m_db.writeError(q.lastError(), QStringLiteral("COMMIT"))
                            : Error{ErrorCode::Internal, tr("Saving failed: %1").arg(q.lastError().text())};
        rollback();
        return e;
    }
    m_active = false;
    if (--m_db.m_txDepth == 0)
        m_db.m_auditHead.clear();
    return okStatus();
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    if (m_db.m_pending)
        m_db.m_pending->discard(); // held since the savepoint (or BEGIN): rolled back with it
    QSqlQuery q(m_db.sql());
    if (m_savepoint.isEmpty()) {
        q.exec(QStringLiteral("ROLLBACK"));
    } else {
        q.exec(QStringLiteral("ROLLBACK TO ") + m_savepoint);
        q.exec(QStringLiteral("RELEASE ") + m_savepoint);
    }
    m_active = false;
    --m_db.m_txDepth;
    m_db.m_auditHead.clear(); // entries were rolled back: read the head again
}

void retryPause(int attempt)
{
    const int ms = (5 << attempt) + int(QRandomGenerator::global()->bounded(10));
    QThread::msleep(ulong(ms));
}

} // namespace rectrack::core
