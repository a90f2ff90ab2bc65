#pragma once

/**
 * Where a register file lives, and what that means for opening it (DESIGN.md §4, issue #13):
 *
 * - on a network file system (SMB/CIFS, NFS, …) WAL mode is unsafe because its shared-memory
 *   index does not work across machines, so the register is opened in rollback-journal mode
 *   (journal_mode=DELETE) with a warning;
 * - a file that cannot be written (the file, its folder or the whole mount is read-only) is opened
 *   read-only: reading works, every write is refused by SQLite;
 * - on FAT32 (vfat) a file cannot grow beyond 4 GiB, so a register above kFatWarnBytes gets a
 *   warning.
 *
 * The probe that answers these questions is injectable (FileLocationProbe::setOverride) so that
 * tests can pretend a file is on a share or on a stick.
 */

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace rectrack::core {

/// What a probe found out about the file system holding a register.
struct FileLocation
{
    enum class Kind
    {
        Local,   ///< an ordinary local file system (ext4, btrfs, xfs, tmpfs …)
        Network, ///< SMB/CIFS/SMB2, NFS, AFS, Coda, NCP, 9p: no WAL
        Fat      ///< vfat/msdos (FAT12/16/32): files end at 4 GiB
    };
    Kind kind = Kind::Local;
    QString fileSystem;    ///< a short name of the file system ("ext4/other", "cifs", "nfs", "vfat" …)
    bool readOnly = false; ///< the file, its folder or the mount cannot be written
    qint64 fileSize = 0;   ///< bytes of the register file (0 when it does not exist yet)
};

/**
 * Finds out where a file lives: statfs(2) f_type for the kind (magic numbers of linux/magic.h),
 * statvfs ST_RDONLY and access(W_OK) of the file and its folder for read-only.
 */
class FileLocationProbe
{
public:
    virtual ~FileLocationProbe() = default;
    /// The location of @p path (an existing file, or a file about to be created in an existing folder).
    virtual FileLocation probe(const QString &path) const;

    /// The probe in use: the override when set, else the real one.
    static const FileLocationProbe &current();
    /// Replaces the probe (tests). Pass nullptr to restore the real one. Not thread-safe: set it
    /// before opening registers.
    static void setOverride(const FileLocationProbe *probe);

    /// Registers on FAT32 above this size (3.5 GiB) get a warning: the file system ends at 4 GiB.
    static constexpr qint64 kFatWarnBytes = qint64(3584) * 1024 * 1024;
};

/// The warnings a location gives when a register is opened there (translated; empty when none).
class FileLocationWarnings
{
    Q_DECLARE_TR_FUNCTIONS(FileLocationWarnings)
public:
    static QStringList forLocation(const QString &path, const FileLocation &location);
};

} // namespace rectrack::core
