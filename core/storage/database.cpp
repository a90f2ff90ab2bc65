#include "database.h"

#include "schema.h"

#include <QAtomicInt>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlRecord>
#include <QUuid>

namespace rectrack::core {

namespace {

QAtomicInt g_connectionCounter;

quint32 bigEndian32(const QByteArray &b, int offset)
{
    return (quint32(quint8(b[offset])) << 24) | (quint32(quint8(b[offset + 1])) << 16) |
           (quint32(quint8(b[offset + 2])) << 8) | quint32(quint8(b[offset + 3]));
}

Error cannotOpen(const QString &message)
{
    return Error{ErrorCode::CannotOpen, message};
}

} // namespace

Status Database::checkFile(const QString &path)
{
    QFile f(path);
    if (!f.exists())
        return cannotOpen(tr("The file %1 does not exist.").arg(path));
    if (!f.open(QIODevice::ReadOnly))
        return cannotOpen(tr("The file %1 cannot be read: %2").arg(path, f.errorString()));
    const qint64 size = f.size();
    const QByteArray header = f.read(100);
    if (header.size() < 100 || !header.startsWith(QByteArrayLiteral("SQLite format 3\0")))
        return cannotOpen(
            tr("The file %1 is not a Rectrack register (it is not an SQLite database).").arg(path));
    quint32 pageSize = (quint32(quint8(header[16])) << 8) | quint32(quint8(header[17]));
    if (pageSize == 1)
        pageSize = 65536;
    if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0)
        return cannotOpen(tr("The file %1 is damaged: its header is invalid.").arg(path));
    const quint32 pageCount = bigEndian32(header, 28);
    const quint32 changeCounter = bigEndian32(header, 24);
    const quint32 validFor = bigEndian32(header, 92);
    if (changeCounter == validFor && qint64(pageCount) * pageSize > size)
        return cannotOpen(
            tr("The file %1 is damaged: it is shorter than its header says (truncated?).").arg(path));
    if (size % pageSize != 0)
        return cannotOpen(tr("The file %1 is damaged: its size is not a whole number of pages.").arg(path));
    const quint32 appId = bigEndian32(header, 68);
    if (appId != schema::kApplicationId)
        return cannotOpen(
            tr("The file %1 is an SQLite database of another program, not a Rectrack register.").arg(path));
    return okStatus();
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, OpenMode mode)
{
    const QFileInfo info(path);
    const bool exists = info.exists() && info.size() > 0;
    if (!exists && mode == OpenMode::Existing)
        return cannotOpen(tr("The file %1 does not exist.").arg(path));
    if (info.exists() && info.isDir())
        return cannotOpen(tr("%1 is a folder, not a register file.").arg(path));
    if (exists) {
        if (const Status s = checkFile(path); !s)
            return s.error();
    }

    std::unique_ptr<Database> db(new Database);
    db->m_path = path;
    db->m_actor = qEnvironmentVariable("USER", QStringLiteral("operator"));
    db->m_connection = QStringLiteral("rectrack-%1").arg(g_connectionCounter.fetchAndAddRelaxed(1));
    db->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), db->m_connection);
    db->m_db.setDatabaseName(path);
    db->m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db->m_db.open())
        return cannotOpen(tr("The file %1 cannot be opened: %2").arg(path, db->m_db.lastError().text()));
    if (const Status s = db->initialise(!exists); !s)
        return s.error();
    return db;
}

Database::~Database()
{
    close();
}

void Database::close()
{
    if (m_connection.isEmpty())
        return;
    if (m_db.isOpen()) {
        // Checkpoint so that the WAL is folded back and the file stands alone.
        {
            QSqlQuery q(m_db);
            q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        }
        m_db.close();
    }
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connection);
    m_connection.clear();
}

Status Database::initialise(bool created)
{
    auto pragma = [this](const QString &sql) -> Status {
        QSqlQuery q(m_db);
        if (!q.exec(sql))
            return cannotOpen(tr("The file %1 cannot be opened: %2").arg(m_path, q.lastError().text()));
        return okStatus();
    };
    // Touch the schema first: a damaged file fails here rather than on first use.
    {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")))
            return cannotOpen(
                tr("The file %1 is damaged or not a register: %2").arg(m_path, q.lastError().text()));
    }
    if (!created) {
        const int version = schemaVersion();
        if (version > schema::kVersion)
            return cannotOpen(
                tr("The register %1 was written by a newer version of Rectrack (schema %2; this "
                   "program reads up to %3). Please update Rectrack.")
                    .arg(m_path)
                    .arg(version)
                    .arg(schema::kVersion));
        if (version < 1)
            return cannotOpen(tr("The file %1 is not a Rectrack register.").arg(m_path));
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("SELECT 1 FROM audit_log LIMIT 1")))
            return cannotOpen(
                tr("The file %1 is damaged or not a register: %2").arg(m_path, q.lastError().text()));
    }
    for (const char *p : {"PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON", "PRAGMA synchronous=NORMAL"}) {
        if (const Status s = pragma(QString::fromLatin1(p)); !s)
            return s;
    }
    if (created) {
        if (const Status s = pragma(QStringLiteral("PRAGMA application_id=%1").arg(schema::kApplicationId));
            !s)
            return s;
        Transaction tx(*this);
        if (!tx.active())
            return tx.error();
        for (const QString &stmt : schema::createStatements()) {
            QSqlQuery q(m_db);
            if (!q.exec(stmt))
                return Error{ErrorCode::Internal,
                             tr("Cannot create the register %1: %2").arg(m_path, q.lastError().text())};
        }
        if (const Status s = pragma(QStringLiteral("PRAGMA user_version=%1").arg(schema::kVersion)); !s)
            return s;
        if (const Status s = setMeta(QStringLiteral("created_at"), clock().now().toString(Qt::ISODate)); !s)
            return s;
        return tx.commit();
    }
    const int version = schemaVersion();
    if (version < schema::kVersion)
        return migrate(version);
    return okStatus();
}

Status Database::migrate(int from)
{
    // A copy is taken before any step runs (DESIGN.md §4).
    const QString copy = m_path + QStringLiteral(".schema%1.bak").arg(from);
    QFile::remove(copy);
    {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("VACUUM INTO ?"));
        q.addBindValue(copy);
        if (!q.exec())
            return cannotOpen(tr("Cannot copy %1 before upgrading it: %2").arg(m_path, q.lastError().text()));
    }
    const QList<QStringList> steps = schema::migrationSteps();
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
        if (!q.exec(QStringLiteral("PRAGMA user_version=%1").arg(v + 1)))
            return cannotOpen(q.lastError().text());
        if (const Status s = tx.commit(); !s)
            return s;
    }
    return okStatus();
}

Result<QSqlQuery> Database::exec(const QString &sql, const QVariantList &binds)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return Error{ErrorCode::Internal, tr("Database error: %1 (%2)").arg(q.lastError().text(), sql)};
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec())
        return Error{ErrorCode::Internal, tr("Database error: %1 (%2)").arg(q.lastError().text(), sql)};
    return q;
}

QVariant Database::scalar(const QString &sql, const QVariantList &binds)
{
    auto r = exec(sql, binds);
    if (!r || !r->next())
        return {};
    return r->value(0);
}

QString Database::meta(const QString &key, const QString &fallback) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    q.addBindValue(key);
    if (q.exec() && q.next())
        return q.value(0).toString();
    return fallback;
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
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    return -1;
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
    QSqlQuery q(db.sql());
    if (db.m_txDepth > 0)
        m_savepoint = QStringLiteral("sp%1").arg(db.m_txDepth);
    if (q.exec(m_savepoint.isEmpty() ? QStringLiteral("BEGIN IMMEDIATE")
                                     : QStringLiteral("SAVEPOINT ") + m_savepoint)) {
        m_active = true;
        ++db.m_txDepth;
    } else {
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
    QSqlQuery q(m_db.sql());
    if (!q.exec(m_savepoint.isEmpty() ? QStringLiteral("COMMIT")
                                      : QStringLiteral("RELEASE ") + m_savepoint)) {
        const Error e{ErrorCode::Internal, tr("Saving failed: %1").arg(q.lastError().text())};
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

} // namespace rectrack::core
