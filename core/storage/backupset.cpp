#include "backupset.h"

#include "auditlog.h"
#include "backup.h"
#include "stats/statistics.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

#include <cstdio>
#include <optional>

namespace rectrack::core {

namespace {

QRegularExpression patternFor(const QString &registerPath)
{
    return QRegularExpression(
        QStringLiteral("^%1-(\\d{8}-\\d{6})(?:_(\\d+))?\\.rtreg$")
            .arg(QRegularExpression::escape(QFileInfo(registerPath).completeBaseName())));
}

bool writableFolder(const QString &dir)
{
    if (!QDir().mkpath(dir))
        return false;
    QFile probe(QDir(dir).filePath(QStringLiteral(".rectrack-write-test")));
    if (!probe.open(QIODevice::WriteOnly))
        return false;
    probe.close();
    probe.remove();
    return !FileLocationProbe::current().probe(QDir(dir).filePath(QStringLiteral("x"))).readOnly;
}

} // namespace

QString BackupSet::folderFor(const QString &registerPath)
{
    const QFileInfo info(registerPath);
    const QString beside = info.absoluteDir().filePath(info.fileName() + QStringLiteral(".backups"));
    if (QFileInfo(beside).isDir() || writableFolder(beside))
        return beside;
    const QString data = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const QString fallback = QDir(data).filePath(QStringLiteral("backups/") + info.fileName());
    QDir().mkpath(fallback);
    return fallback;
}

namespace {

/// The newest audit entry (id, hash) of the file at @p path, read through a read-only connection
/// of its own; nullopt when the file cannot be read as a register.
std::optional<std::pair<qint64, QString>> auditHeadOf(const QString &path)
{
    std::optional<std::pair<qint64, QString>> head;
    const QString name =
        QStringLiteral("rectrack-backup-head-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"));
        if (db.open()) {
            // A read error leaves the head unknown (std::nullopt): the backup is then written.
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"))) {
                if (q.first())
                    head = std::make_pair(q.value(0).toLongLong(), q.value(1).toString());
                else if (!q.lastError().isValid())
                    head = std::make_pair(qint64(0), QString()); // an empty log
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return head;
}

} // namespace

qint64 BackupSet::unchangedSinceNewest(const QString &registerPath, const QString &folder)
{
    const QStringList backups = list(registerPath, folder);
    if (backups.isEmpty())
        return -1;
    const auto backup = auditHeadOf(backups.first());
    const auto current = auditHeadOf(registerPath);
    if (!backup || !current || *backup != *current)
        return -1;
    return current->first;
}

QStringList BackupSet::list(const QString &registerPath, const QString &folder)
{
    const QRegularExpression re = patternFor(registerPath);
    QStringList names;
    for (const QString &name : QDir(folder).entryList({QStringLiteral("*.rtreg")}, QDir::Files)) {
        const auto m = re.match(name);
        if (m.hasMatch())
            names << name;
    }
    std::sort(names.begin(), names.end(), [&](const QString &a, const QString &b) {
        const auto ma = re.match(a);
        const auto mb = re.match(b);
        if (ma.captured(1) != mb.captured(1))
            return ma.captured(1) > mb.captured(1);
        return ma.captured(2).toInt() > mb.captured(2).toInt();
    });
    QStringList out;
    for (const QString &n : std::as_const(names))
        out << QDir(folder).filePath(n);
    return out;
}

int BackupSet::rotate(const QString &registerPath, const QString &folder, int keep)
{
    const QStringList all = list(registerPath, folder);
    int removed = 0;
    for (qsizetype i = qMax(1, keep); i < all.size(); ++i)
        removed += QFile::remove(all.at(i)) ? 1 : 0;
    return removed;
}

Result<BackupSet::Taken> BackupSet::take(const QString &registerPath, const QString &folder, int keep,
                                         qint64 skipIfAuditHead, const QDateTime &at)
{
    if (!QDir().mkpath(folder))
        return Error{ErrorCode::InputRefused, tr("The backup folder %1 cannot be created.").arg(folder)};
    auto db = Database::open(registerPath, Database::OpenMode::Existing);
    if (!db)
        return db.error();
    Taken taken;
    taken.auditHead =
        (*db)->scalar(QStringLiteral("SELECT coalesce(max(id), 0) FROM audit_log")).toLongLong();
    if (skipIfAuditHead >= 0 && taken.auditHead == skipIfAuditHead)
        return taken;
    const QString stamp = (at.isValid() ? at : QDateTime::currentDateTime())
                              .toLocalTime()
                              .toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QString base = QFileInfo(registerPath).completeBaseName() + u'-' + stamp;
    QString path = QDir(folder).filePath(base + QStringLiteral(".rtreg"));
    for (int n = 2; QFileInfo::exists(path); ++n)
        path = QDir(folder).filePath(base + QStringLiteral("_%1.rtreg").arg(n, 2, 10, QLatin1Char('0')));
    if (const Status s = Backup::writeCopy(**db, path); !s)
        return s.error();
    (*db)->close();
    taken.path = path;
    rotate(registerPath, folder, keep);
    return taken;
}

BackupInfo BackupSet::describe(const QString &backupPath)
{
    BackupInfo info;
    info.path = backupPath;
    const QFileInfo fi(backupPath);
    info.size = fi.size();
    static const QRegularExpression stamp(QStringLiteral("-(\\d{8}-\\d{6})(?:_\\d+)?\\.rtreg$"));
    const auto m = stamp.match(fi.fileName());
    info.taken = m.hasMatch() ? QDateTime::fromString(m.captured(1), QStringLiteral("yyyyMMdd-HHmmss"))
                              : fi.lastModified();
    auto db = Database::open(backupPath, Database::OpenMode::Existing);
    if (!db) {
        info.error = db.error().message;
        return info;
    }
    info.asOf = (*db)->defaultAsOf();
    auto stats = Statistics::compute(**db, info.asOf);
    if (!stats) {
        info.error = stats.error().message;
        return info;
    }
    info.problems = stats->total.problems;
    info.completionRate = stats->total.completionRate();
    return info;
}

Result<QString> BackupSet::restore(const QString &registerPath, const QString &backupPath,
                                   const QString &folder, int keep)
{
    {
        auto check = Database::open(backupPath, Database::OpenMode::Existing);
        if (!check)
            return check.error();
    }
    // Copy first: rotation after the safety backup below may delete the chosen file.
    const QString staging = registerPath + QStringLiteral(".restoring");
    QFile::remove(staging);
    if (!QFile::copy(backupPath, staging))
        return Error{ErrorCode::InputRefused,
                     tr("The backup cannot be copied next to the register %1.").arg(registerPath)};
    auto safety = take(registerPath, folder, keep + 1);
    if (!safety) {
        QFile::remove(staging);
        return safety.error();
    }
    if (QFileInfo::exists(registerPath + QStringLiteral("-wal"))) {
        QFile::remove(staging);
        return Error{ErrorCode::InputRefused,
                     tr("The register %1 is still open in another program; close it there, then restore.")
                         .arg(registerPath)};
    }
    QFile::remove(registerPath + QStringLiteral("-shm"));
    // rename(2) replaces the register in one step: a crash leaves either the old or the new file.
    if (std::rename(QFile::encodeName(staging).constData(), QFile::encodeName(registerPath).constData()) !=
        0) {
        QFile::remove(staging);
        return Error{ErrorCode::InputRefused, tr("The register %1 cannot be replaced.").arg(registerPath)};
    }
    return safety->path;
}

} // namespace rectrack::core
