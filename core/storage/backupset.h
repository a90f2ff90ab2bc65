#pragma once

/**
 * Automatic rotating backups of a register (issue #13).
 *
 * Where they go: a folder `<register file name>.backups/` beside the register (it travels with
 * the register when the folder is copied, and people find it), or, when that folder cannot be
 * written (a read-only share, a write-protected stick), `<AppDataLocation>/backups/<register
 * file name>/`. Each backup is `<base name>-yyyyMMdd-HHmmss.rtreg` (local time; `_02`, `_03` …
 * when two are taken in one second), written with `VACUUM INTO` over a connection of its own and
 * verified (Backup::writeCopy). Rotation keeps the newest K files of that pattern and never
 * touches other files in the folder.
 *
 * All functions open their own connections, so they may run on a worker thread.
 */

#include "database.h"

#include <QCoreApplication>
#include <QDateTime>

namespace rectrack::core {

/// A backup file with its headline figures, for File → Restore backup….
struct BackupInfo
{
    QString path;
    QDateTime taken;           ///< from the file name (local time)
    qint64 size = 0;           ///< bytes
    qint64 problems = 0;       ///< problems in the backup
    double completionRate = 0; ///< (completed + closed out) ÷ problems at the backup's default as-of date
    QDate asOf;                ///< that date
    QString error;             ///< why the figures are missing (the file cannot be opened); empty when fine
};

class BackupSet
{
    Q_DECLARE_TR_FUNCTIONS(BackupSet)
public:
    /// Default settings: a backup every 30 minutes while the register changes, keep the last 10.
    static constexpr int kDefaultIntervalMinutes = 30;
    static constexpr int kDefaultKeep = 10;

    /// The backup folder of @p registerPath (see the class comment); created when missing.
    static QString folderFor(const QString &registerPath);

    /// What take() did.
    struct Taken
    {
        QString path;         ///< the new backup; empty when skipped because nothing changed
        qint64 auditHead = 0; ///< id of the newest audit entry in the register when it was taken
    };

    /**
     * Writes a verified backup of @p registerPath into @p folder, then deletes the oldest backups
     * beyond @p keep. When @p skipIfAuditHead is ≥ 0 and the register's newest audit entry is
     * still that one, nothing is written (the register has not changed). @p at names the file
     * (default: now). Errors: those of Database::open and Backup::writeCopy; InputRefused when the
     * folder cannot be created.
     */
    static Result<Taken> take(const QString &registerPath, const QString &folder, int keep,
                              qint64 skipIfAuditHead = -1, const QDateTime &at = {});

    /**
     * The id of the register's newest audit entry when the newest backup of @p registerPath in
     * @p folder ends with that same entry (id and hash): the register has not changed since that
     * backup, so a backup on opening can be skipped (pass it to take() as skipIfAuditHead).
     * Otherwise -1: no backup, a backup that cannot be read, or a register changed since. The
     * backup is read through a read-only connection of its own (never migrated or written).
     */
    static qint64 unchangedSinceNewest(const QString &registerPath, const QString &folder);

    /// The backups of @p registerPath in @p folder, newest first (file names of the pattern only).
    static QStringList list(const QString &registerPath, const QString &folder);
    /// Deletes the oldest backups beyond @p keep (≥ 1); returns how many were deleted.
    static int rotate(const QString &registerPath, const QString &folder, int keep);
    /// Opens @p backupPath read-only and reads its headline figures.
    static BackupInfo describe(const QString &backupPath);

    /**
     * Replaces the register at @p registerPath by the backup @p backupPath. The backup is checked
     * and copied aside first, then the current register is itself backed up into @p folder (so a
     * restore can be undone; rotation keeps @p keep + 1 then), then the copy replaces the register
     * with one rename. The caller must have closed its own connection. Errors: CannotOpen when
     * the backup does not open as a register; InputRefused when the register is still open
     * elsewhere (its WAL is present) or the files cannot be written. Returns the path of the
     * backup taken of the replaced register.
     */
    static Result<QString> restore(const QString &registerPath, const QString &backupPath,
                                   const QString &folder, int keep);
};

} // namespace rectrack::core
