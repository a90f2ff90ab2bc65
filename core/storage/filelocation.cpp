#include "filelocation.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sys/statvfs.h>
#include <sys/vfs.h>
#include <unistd.h>

namespace rectrack::core {

namespace {

const FileLocationProbe *g_override = nullptr;

// f_type values of linux/magic.h (and the CIFS/SMB2 ones of fs/smb/client), spelled out here so
// that the header is not needed.
constexpr unsigned long kSmb = 0x517B;
constexpr unsigned long kCifs = 0xFF534D42;
constexpr unsigned long kSmb2 = 0xFE534D42;
constexpr unsigned long kNfs = 0x6969;
constexpr unsigned long kAfs = 0x5346414F;
constexpr unsigned long kCoda = 0x73757245;
constexpr unsigned long kNcp = 0x564c;
constexpr unsigned long kV9fs = 0x01021997;
constexpr unsigned long kMsdos = 0x4d44;

FileLocation::Kind kindOf(unsigned long type, QString &name)
{
    switch (type) {
    case kSmb:
        name = QStringLiteral("smb");
        return FileLocation::Kind::Network;
    case kCifs:
        name = QStringLiteral("cifs");
        return FileLocation::Kind::Network;
    case kSmb2:
        name = QStringLiteral("smb2");
        return FileLocation::Kind::Network;
    case kNfs:
        name = QStringLiteral("nfs");
        return FileLocation::Kind::Network;
    case kAfs:
        name = QStringLiteral("afs");
        return FileLocation::Kind::Network;
    case kCoda:
        name = QStringLiteral("coda");
        return FileLocation::Kind::Network;
    case kNcp:
        name = QStringLiteral("ncp");
        return FileLocation::Kind::Network;
    case kV9fs:
        name = QStringLiteral("9p");
        return FileLocation::Kind::Network;
    case kMsdos:
        name = QStringLiteral("vfat");
        return FileLocation::Kind::Fat;
    default:
        name = QStringLiteral("0x%1").arg(type, 0, 16);
        return FileLocation::Kind::Local;
    }
}

} // namespace

FileLocation FileLocationProbe::probe(const QString &path) const
{
    FileLocation loc;
    const QFileInfo info(path);
    const QByteArray file = QFile::encodeName(info.absoluteFilePath());
    const QByteArray dir = QFile::encodeName(info.absolutePath());
    const bool exists = info.exists();
    loc.fileSize = exists ? info.size() : 0;
    struct statfs fs
    {
    };
    if (::statfs(exists ? file.constData() : dir.constData(), &fs) == 0)
        loc.kind = kindOf(static_cast<unsigned long>(fs.f_type), loc.fileSystem);
    struct statvfs vfs
    {
    };
    if (::statvfs(exists ? file.constData() : dir.constData(), &vfs) == 0 && (vfs.f_flag & ST_RDONLY))
        loc.readOnly = true;
    // SQLite writes the journal (or WAL) next to the file, so a read-only folder is read-only too.
    // access() answers for this user; root passes it on any mode, but not on a read-only mount.
    if ((exists && ::access(file.constData(), W_OK) != 0) || ::access(dir.constData(), W_OK) != 0)
        loc.readOnly = true;
    return loc;
}

const FileLocationProbe &FileLocationProbe::current()
{
    static const FileLocationProbe real;
    return g_override ? *g_override : real;
}

void FileLocationProbe::setOverride(const FileLocationProbe *probe)
{
    g_override = probe;
}

QStringList FileLocationWarnings::forLocation(const QString &path, const FileLocation &location)
{
    QStringList out;
    const QString name = QDir::toNativeSeparators(path);
    if (location.kind == FileLocation::Kind::Network)
        out << tr("The register %1 is on a network drive (%2). It is opened in the slower rollback-journal "
                  "mode, because the write-ahead log does not work across machines. Copy it to a local disk "
                  "to work faster and more safely.")
                   .arg(name, location.fileSystem);
    if (location.readOnly)
        out << tr("The register %1 is read-only (the file, its folder or the drive cannot be written). You "
                  "can read it, but changes cannot be saved.")
                   .arg(name);
    if (location.kind == FileLocation::Kind::Fat && location.fileSize > FileLocationProbe::kFatWarnBytes)
        out << tr("The register %1 is %2 MB on a FAT32 drive, which cannot hold files of 4 GB or more. Move "
                  "it to a drive formatted with NTFS, exFAT or ext4 before it grows further.")
                   .arg(name)
                   .arg(location.fileSize / (1024 * 1024));
    return out;
}

} // namespace rectrack::core
