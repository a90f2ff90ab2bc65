// A register file (SQLite): the file's half of Database (DESIGN.md §4). The cheap checks of a file
// before SQLite reads it (header, application id, size, the write-ahead log), opening it in WAL or
// rollback-journal mode by where it lives, read-only opens, the root-page check, SQLite's error
// codes. The server's half is postgres/serverregister.cpp; what both share is database.cpp.
#include "storage/database.h"

#include "sqlitedialect.h"
#include "storage/schema.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QSqlError>
#include <QSqlRecord>
#include <QThread>
#include <QUrl>
#include <QUuid>
#include <QtEndian>

#include <cstring>

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

/// SQLite's result codes for a damaged file: SQLITE_CORRUPT (11) and SQLITE_NOTADB (26), also as
/// extended codes (SQLITE_CORRUPT_INDEX = 779: the low byte is the primary code).
constexpr quint32 kWalMagic = 0x377f0682;
constexpr int kWalHeader = 32;
constexpr int kWalFrameHeader = 24;

struct WalSum
{
    quint32 s0 = 0;
    quint32 s1 = 0;
    bool operator==(const WalSum &) const = default;
};

WalSum walChecksum(bool bigEndianWords, const QByteArray &data, qsizetype from, qsizetype length, WalSum sum)
{
    for (qsizetype i = from; i + 8 <= from + length; i += 8) {
        const quint32 x0 =
            bigEndianWords ? bigEndian32(data, int(i)) : qFromLittleEndian<quint32>(data.constData() + i);
        const quint32 x1 = bigEndianWords ? bigEndian32(data, int(i + 4))
                                          : qFromLittleEndian<quint32>(data.constData() + i + 4);
        sum.s0 += x0 + sum.s1;
        sum.s1 += x1 + sum.s0;
    }
    return sum;
}

/**
 * How far the write-ahead log was committed, as its WAL index (the -shm file) records it: the
 * index header's mxFrame, when the -shm file exists, both copies of its header agree, it is
 * initialised, and it belongs to this generation of the log (its salts are the log header's).
 * 0 when that cannot be told. Layout: https://www.sqlite.org/walformat.html#the_wal_index_file_format
 * (two copies of a 48-byte WalIndexHdr in native byte order; mxFrame at offset 16, aSalt at 32,
 * copied byte for byte from the log header's salts at offset 16).
 */
quint32 committedFrames(const QString &shmPath, const QByteArray &walHeader)
{
    QFile shm(shmPath);
    if (!shm.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray h = shm.read(96);
    if (h.size() < 96 || h.left(48) != h.mid(48, 48) || h[12] != 1)
        return 0;
    quint32 version = 0;
    quint32 mxFrame = 0;
    memcpy(&version, h.constData(), 4);
    memcpy(&mxFrame, h.constData() + 16, 4);
    if (version != 3007000 || h.mid(32, 8) != walHeader.mid(16, 8))
        return 0;
    return mxFrame;
}

/**
 * Scans a WAL; returns 0 when it is sound (or empty), -1 when its header is damaged while it
 * holds frames, or the 1-based number of the first invalid frame when the log shows that frames
 * after it were committed (changes SQLite would drop without a word, since it replays a log up
 * to its first invalid frame):
 *  - a valid commit frame of this generation follows it (a frame whose salt no longer matches,
 *    e.g. one flipped bit, is not taken for the end of the log when valid frames follow), or
 *  - the WAL index (@p committed, from committedFrames()) says the log was committed past it.
 * An invalid last stretch that nothing vouches for is a torn write: a transaction whose commit
 * never returned (a crash while writing, or a frame header written over a longer old log before
 * its page), which SQLite rightly leaves out.
 */
qint64 scanWal(QFile &wal, quint32 committed)
{
    const QByteArray header = wal.read(kWalHeader);
    const qint64 size = wal.size();
    if (header.size() < kWalHeader)
        return 0;
    const quint32 magic = bigEndian32(header, 0);
    const quint32 pageSize = bigEndian32(header, 8);
    const bool sane = (magic & 0xFFFFFFFE) == kWalMagic && pageSize >= 512 && pageSize <= 65536 &&
                      (pageSize & (pageSize - 1)) == 0;
    const bool big = magic & 1;
    if (!sane ||
        walChecksum(big, header, 0, 24, {}) != WalSum{bigEndian32(header, 24), bigEndian32(header, 28)})
        return size >= kWalHeader + kWalFrameHeader + 512 ? -1 : 0;
    const quint32 salt1 = bigEndian32(header, 16);
    const quint32 salt2 = bigEndian32(header, 20);
    WalSum previous{bigEndian32(header, 24), bigEndian32(header, 28)};
    qint64 firstBad = 0;
    for (qint64 frame = 1;; ++frame) {
        const QByteArray f = wal.read(kWalFrameHeader + pageSize);
        if (f.size() < kWalFrameHeader + qsizetype(pageSize))
            return firstBad != 0 && firstBad <= qint64(committed) ? firstBad : 0;
        const bool thisGeneration = bigEndian32(f, 8) == salt1 && bigEndian32(f, 12) == salt2;
        const WalSum stored{bigEndian32(f, 16), bigEndian32(f, 20)};
        WalSum sum = walChecksum(big, f, 0, 8, previous);
        sum = walChecksum(big, f, kWalFrameHeader, pageSize, sum);
        const bool valid = thisGeneration && bigEndian32(f, 0) != 0 && sum == stored;
        if (!valid && firstBad == 0)
            firstBad = frame;
        if (valid && firstBad != 0 && bigEndian32(f, 4) != 0)
            return firstBad; // a commit after the damage
        // Frames of an earlier generation (after a checkpoint restarted the log) follow the end of
        // this one; the scan goes on through them, which no valid frame of this one can follow.
        previous = stored;
    }
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
    // A checkpoint copies pages from the WAL in page order, page 1 (and its page count) first:
    // killed half-way, it leaves a file shorter than its header says, and SQLite finishes the
    // job from the WAL on the next open. So the count is only held against the size when no
    // WAL with frames is waiting (the kill harness found this: a register refused after a crash).
    const qint64 walSize = QFileInfo(path + QStringLiteral("-wal")).size();
    if (changeCounter == validFor && walSize <= 32 && qint64(pageCount) * pageSize > size)
        return cannotOpen(
            tr("The file %1 is damaged: it is shorter than its header says (truncated?).").arg(path));
    if (size % pageSize != 0)
        return cannotOpen(tr("The file %1 is damaged: its size is not a whole number of pages.").arg(path));
    const quint32 appId = bigEndian32(header, 68);
    if (appId != schema::kApplicationId)
        return cannotOpen(
            tr("The file %1 is an SQLite database of another program, not a Rectrack register.").arg(path));
    return checkWal(path);
}

Status Database::checkWal(const QString &path)
{
    const QString walPath = path + QStringLiteral("-wal");
    qint64 damage = 0;
    // A second look after a pause tells damage from a WAL that another process was resetting
    // while we read it.
    for (int attempt = 0; attempt < 2; ++attempt) {
        QFile wal(walPath);
        if (!wal.exists() || !wal.open(QIODevice::ReadOnly))
            return okStatus();
        const QByteArray walHeader = wal.peek(kWalHeader);
        damage = scanWal(wal, committedFrames(path + QStringLiteral("-shm"), walHeader));
        if (damage == 0)
            return okStatus();
        if (attempt == 0)
            QThread::msleep(200);
    }
    if (damage < 0)
        return cannotOpen(tr("The file %1 cannot be opened: the header of its write-ahead log %2 is damaged, "
                             "so the changes in the log would be lost. Keep both files and restore a backup, "
                             "or move %2 aside to open the register without those changes.")
                              .arg(path, walPath));
    return cannotOpen(tr("The file %1 cannot be opened: its write-ahead log %2 is damaged at frame %3, and "
                         "changes committed after that frame would be lost. Keep both files and restore a "
                         "backup, or move %2 aside to open the register without the changes in the log.")
                          .arg(path, walPath)
                          .arg(damage));
}

Result<std::unique_ptr<Database>> Database::openFile(const QString &path, OpenMode mode)
{
    const QFileInfo info(path);
    const bool exists = info.exists() && info.size() > 0;
    if (info.exists() && info.isDir())
        return cannotOpen(tr("%1 is a folder, not a register file.").arg(path));
    // A zero-byte file is what an interrupted copy or a full disk leaves: say so rather than
    // "does not exist", and do not turn it into an empty register behind the user's back.
    if (info.exists() && !exists && mode == OpenMode::Existing)
        return cannotOpen(tr("The file %1 is empty (0 bytes): it is not a Rectrack register. "
                             "Was a copy interrupted? Restore the register from a backup.")
                              .arg(path));
    if (!exists && mode == OpenMode::Existing)
        return cannotOpen(tr("The file %1 does not exist.").arg(path));
    if (exists) {
        if (const Status s = checkFile(path); !s)
            return s.error();
    }

    std::unique_ptr<Database> db(new Database);
    db->m_dialect = std::make_unique<SqliteDialect>();
    db->m_path = path;
    db->m_location = FileLocationProbe::current().probe(path);
    db->m_openWarnings = FileLocationWarnings::forLocation(path, db->m_location);
    if (!exists && db->m_location.readOnly)
        return cannotOpen(
            tr("The register %1 cannot be created: the folder or drive is read-only.").arg(path));
    db->m_actor = qEnvironmentVariable("USER", QStringLiteral("operator"));
    // A read-only WAL register on a read-only folder or mount has no -shm to read through: SQLite
    // cannot open it unless told that nobody writes it (immutable), which is true there.
    // Immutable would ignore a write-ahead log left behind by a crash, hiding committed changes:
    // then the register must be opened where it can be written.
    const bool walWaiting = QFileInfo(path + QStringLiteral("-wal")).size() > 32;
    db->m_walExisted = QFileInfo::exists(path + QStringLiteral("-wal"));
    db->m_shmExisted = QFileInfo::exists(path + QStringLiteral("-shm"));
    if (!db->openConnection(false) && !(db->m_location.readOnly && !walWaiting && db->openConnection(true))) {
        if (db->m_location.readOnly && walWaiting)
            return cannotOpen(
                tr("The register %1 is read-only and its last changes are still in its write-ahead "
                   "log %1-wal, which cannot be read here. Copy both files to a folder you can "
                   "write to and open the copy.")
                    .arg(path));
        return cannotOpen(tr("The file %1 cannot be opened: %2").arg(path, db->m_db.lastError().text()));
    }
    if (const Status s = db->initialise(!exists); !s)
        return s.error();
    return db;
}

bool Database::openConnection(bool immutable)
{
    if (!m_connection.isEmpty()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connection);
    }
    m_connection = QStringLiteral("rectrack-%1").arg(g_connectionCounter.fetchAndAddRelaxed(1));
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000");
    if (m_location.readOnly)
        options += QStringLiteral(";QSQLITE_OPEN_READONLY");
    if (immutable) {
        options += QStringLiteral(";QSQLITE_OPEN_URI");
        m_db.setDatabaseName(QStringLiteral("file:") +
                             QString::fromLatin1(QUrl::toPercentEncoding(QFileInfo(m_path).absoluteFilePath(),
                                                                         QByteArrayLiteral("/"))) +
                             QStringLiteral("?mode=ro&immutable=1"));
    } else {
        m_db.setDatabaseName(m_path);
    }
    m_db.setConnectOptions(options);
    if (!m_db.open())
        return false;
    // Opening is lazy: the first read tells whether SQLite can get at the file (and its WAL index).
    QSqlQuery q(m_db);
    return q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !m_location.readOnly || immutable;
}

Status Database::initialise(bool created)
{
    auto pragma = [this](const QString &sql) -> Status {
        QSqlQuery q(m_db);
        if (!q.exec(sql)) {
            // A full disk while a new register is set up is named as such (writeError), not as
            // a file that cannot be opened.
            if (q.lastError().nativeErrorCode() == QLatin1String("13"))
                return writeError(q.lastError(), sql);
            return cannotOpen(tr("The file %1 cannot be opened: %2").arg(m_path, q.lastError().text()));
        }
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
        if (const Status s = checkRootPages(); !s)
            return s;
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("SELECT 1 FROM audit_log LIMIT 1")))
            return cannotOpen(
                tr("The file %1 is damaged or not a register: %2").arg(m_path, q.lastError().text()));
    }
    // The application id goes into the file itself before WAL mode starts, so that another
    // connection's header check accepts a new register while its creator still holds it open.
    if (created) {
        if (const Status s = pragma(QStringLiteral("PRAGMA application_id=%1").arg(schema::kApplicationId));
            !s)
            return s;
    }
    // WAL needs shared memory between the processes that use the file, which network file
    // systems do not provide: there, the rollback journal (DESIGN.md §4, issue #13). A read-only
    // connection cannot change the journal mode and needs none.
    if (!m_location.readOnly) {
        const bool network = m_location.kind == FileLocation::Kind::Network;
        if (const Status s = pragma(network ? QStringLiteral("PRAGMA journal_mode=DELETE")
                                            : QStringLiteral("PRAGMA journal_mode=WAL"));
            !s)
            return s;
        if (const Status s = pragma(network ? QStringLiteral("PRAGMA synchronous=FULL")
                                            : QStringLiteral("PRAGMA synchronous=NORMAL"));
            !s)
            return s;
    }
    if (const Status s = pragma(QStringLiteral("PRAGMA foreign_keys=ON")); !s)
        return s;
    if (created) {
        Transaction tx(*this);
        if (!tx.active())
            return tx.error();
        // Another process may have created the same new file at the same moment (two `init` of one
        // path): its schema is there once this write transaction starts. Open it as it is.
        {
            auto objects = value(QStringLiteral("SELECT count(*) FROM sqlite_master"));
            if (!objects)
                return objects.error();
            if (objects->toInt() > 0) {
                tx.rollback();
                return initialise(false);
            }
        }
        m_createdHere = true;
        if (const Status s = createSchema(); !s)
            return s;
        return tx.commit();
    }
    const int version = schemaVersion();
    if (version < schema::kVersion) {
        if (m_location.readOnly)
            return cannotOpen(tr("The register %1 was written by an older version of Rectrack and must be "
                                 "upgraded, but it is read-only. Copy it to a folder you can write to.")
                                  .arg(m_path));
        return migrate(version);
    }
    return okStatus();
}

QString Database::journalMode() const
{
    if (onServer())
        return QString();
    return const_cast<Database *>(this)->scalar(QStringLiteral("PRAGMA journal_mode")).toString().toLower();
}

Error Database::writeError(const QSqlError &error, const QString &context) const
{
    if (onServer())
        return serverError(error, context);
    // Primary result codes: SQLITE_READONLY 8, SQLITE_IOERR 10, SQLITE_FULL 13. SQLite rolls the
    // transaction back on these, so what was committed before stays as it was.
    const QString code = error.nativeErrorCode();
    if (code == QLatin1String("13") || error.databaseText().contains(QLatin1String("disk is full")))
        return Error{ErrorCode::Internal,
                     tr("The disk holding %1 is full: the change was not saved (everything saved before is "
                        "intact). Free some space, then try again.")
                         .arg(QDir::toNativeSeparators(m_path))};
    if (code == QLatin1String("8") || m_location.readOnly)
        return Error{ErrorCode::InputRefused, tr("The register %1 is read-only: the change was not saved.")
                                                  .arg(QDir::toNativeSeparators(m_path))};
    if (code == QLatin1String("10"))
        return Error{ErrorCode::Internal,
                     tr("The register %1 could not be written (input/output error: %2): the change was not "
                        "saved (everything saved before is intact).")
                         .arg(QDir::toNativeSeparators(m_path), error.databaseText())};
    return Error{ErrorCode::Internal, tr("Database error: %1 (%2)").arg(error.text(), context)};
}

Status Database::checkRootPages()
{
    // One cursor per table and index reads its root page and the path to its first leaf: a few
    // page reads each, so damage to any b-tree's root is refused on open. Damage deeper inside a
    // b-tree needs a full scan: that is verify's integrity_check (DESIGN.md §4).
    QList<std::pair<QString, QString>> statements;
    {
        auto quoted = [](QString name) -> QString {
            return u'"' + name.replace(u'"', QStringLiteral("\"\"")) + u'"';
        };
        const Status s = forEachRow(
            QStringLiteral("SELECT type, name, tbl_name FROM sqlite_master WHERE rootpage > 0 AND "
                           "type IN ('table', 'index') ORDER BY rootpage"),
            {}, [&](const SqlRow &r) {
                const QString name = r.text(1);
                statements.append(
                    {name, r.text(0) == QLatin1String("table")
                               ? QStringLiteral("SELECT 1 FROM %1 NOT INDEXED LIMIT 1").arg(quoted(name))
                               : QStringLiteral("SELECT 1 FROM %1 INDEXED BY %2 LIMIT 1")
                                     .arg(quoted(r.text(2)), quoted(name))});
            });
        if (!s)
            return cannotOpen(
                tr("The file %1 is damaged or not a register: %2").arg(m_path, s.error().message));
    }
    for (const auto &[name, sql] : statements) {
        QSqlQuery q(m_db);
        if (!q.exec(sql))
            return cannotOpen(tr("The file %1 is damaged: %2 cannot be read (%3). Restore a backup.")
                                  .arg(m_path, name, q.lastError().databaseText()));
    }
    return okStatus();
}

} // namespace rectrack::core
