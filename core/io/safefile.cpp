#include "safefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace rectrack::core {

namespace {

/// Device and inode of @p path following links; false when it does not exist.
bool fileId(const QString &path, dev_t &dev, ino_t &ino)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return false;
    dev = st.st_dev;
    ino = st.st_ino;
    return true;
}

QString canonicalOrAbsolute(const QString &path)
{
    const QFileInfo fi(path);
    const QString c = fi.canonicalFilePath();
    return c.isEmpty() ? fi.absoluteFilePath() : c;
}

/// The cause of a failed file operation in the user's language (the C library's text is English
/// under the C locale); uncommon errors keep the system's text.
QString systemText(int errnum)
{
    switch (errnum) {
    case EACCES:
    case EPERM:
        return SafeFile::tr("permission denied");
    case ENOENT:
        return SafeFile::tr("no such file or folder");
    case EROFS:
        return SafeFile::tr("the drive is read-only");
    case ENOTDIR:
        return SafeFile::tr("a part of the path is not a folder");
    case EISDIR:
        return SafeFile::tr("it is a folder");
    case ENAMETOOLONG:
        return SafeFile::tr("the file name is too long");
    case EIO:
        return SafeFile::tr("input/output error (a damaged disk or a lost connection)");
    default:
        return QString::fromLocal8Bit(std::strerror(errnum));
    }
}

} // namespace

Status SafeFile::checkInput(const QString &path, const QString &shown, qint64 maxBytes)
{
    const QString name = shown.isEmpty() ? path : shown;
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return Error{ErrorCode::InputRefused, tr("%1 cannot be read: %2").arg(name, systemText(errno))};
    if (S_ISDIR(st.st_mode))
        return Error{ErrorCode::InputRefused, tr("%1 is a folder, not a file.").arg(name)};
    if (!S_ISREG(st.st_mode))
        return Error{
            ErrorCode::InputRefused,
            tr("%1 is not a regular file (a pipe, a device or a socket); only files are read.").arg(name)};
    if (qint64(st.st_size) > maxBytes) {
        const QLocale locale;
        return Error{ErrorCode::InputRefused,
                     tr("%1 is %2 MB, more than the limit of %3 MB for a file to import.")
                         .arg(name, locale.toString(double(st.st_size) / (1 << 20), 'f', 1),
                              locale.toString(maxBytes >> 20))};
    }
    return okStatus();
}

Error SafeFile::limitError(const QString &file, const QString &what)
{
    return Error{ErrorCode::InputRefused,
                 tr("%1 holds more than %2, the limit for a file to import; it was not imported. Split the "
                    "ledger into smaller files.")
                     .arg(file, what)};
}

bool SafeFile::isRegisterFile(const QString &path)
{
    QFile f(path);
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0 || !S_ISREG(st.st_mode) ||
        !f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = f.read(72);
    // SQLite header (16 bytes of magic) and the application id at offset 68, big-endian "RTRK".
    return head.size() == 72 && head.startsWith(QByteArray("SQLite format 3\0", 16)) &&
           head.mid(68, 4) == QByteArray("RTRK");
}

Status SafeFile::checkOutput(const QString &output, const QString &registerPath)
{
    const auto refused = [&](const QString &reg) {
        return Error{ErrorCode::InputRefused,
                     tr("%1 is the register %2 or one of its files; it is never overwritten by an output. "
                        "Nothing was written; choose another file name.")
                         .arg(output, reg)};
    };
    if (!registerPath.isEmpty()) {
        const QString out = canonicalOrAbsolute(output);
        dev_t outDev = 0;
        ino_t outIno = 0;
        const bool outExists = fileId(output, outDev, outIno);
        for (const char *companion : {"", "-wal", "-shm", "-journal"}) {
            const QString file = registerPath + QLatin1String(companion);
            if (canonicalOrAbsolute(file) == out)
                return refused(registerPath);
            dev_t dev = 0;
            ino_t ino = 0;
            if (outExists && fileId(file, dev, ino) && dev == outDev && ino == outIno)
                return refused(registerPath);
        }
    }
    if (isRegisterFile(output))
        return refused(output);
    for (const char *companion : {"-wal", "-shm", "-journal"}) {
        if (output.endsWith(QLatin1String(companion))) {
            const QString base = output.left(output.size() - qsizetype(std::strlen(companion)));
            if (isRegisterFile(base))
                return refused(base);
        }
    }
    return okStatus();
}

Error SafeFile::writeError(const QString &path, int errnum, const QString &detail)
{
    const QString folder = QFileInfo(path).absolutePath();
    const qint64 free = freeBytes(folder);
    const bool nearlyFull = free >= 0 && free < 64 * 1024;
    if (errnum == ENOSPC || errnum == EDQUOT || nearlyFull)
        return Error{
            ErrorCode::InputRefused,
            tr("%1 cannot be written: not enough disk space in %2. Nothing was written.").arg(path, folder)};
    if (errnum == EFBIG)
        return Error{ErrorCode::InputRefused,
                     tr("%1 cannot be written: the file would be larger than this system allows. Nothing "
                        "was written.")
                         .arg(path)};
    return Error{ErrorCode::InputRefused,
                 tr("%1 cannot be written: %2")
                     .arg(path, detail.isEmpty() ? systemText(errnum ? errnum : EIO) : detail)};
}

qint64 SafeFile::freeBytes(const QString &folder)
{
    struct statvfs vfs
    {
    };
    if (::statvfs(QFile::encodeName(folder).constData(), &vfs) != 0)
        return -1;
    return qint64(vfs.f_bavail) * qint64(vfs.f_frsize);
}

SafeOutput::SafeOutput(QString destination, QString registerPath)
    : m_destination(std::move(destination)), m_register(std::move(registerPath))
{
}

SafeOutput::~SafeOutput()
{
    if (m_fd >= 0)
        ::close(m_fd);
    if (!m_committed && !m_temp.isEmpty())
        ::unlink(QFile::encodeName(m_temp).constData());
}

Status SafeOutput::open()
{
    if (const Status s = SafeFile::checkOutput(m_destination, m_register); !s)
        return s;
    const QFileInfo fi(m_destination);
    if (fi.isDir())
        return Error{ErrorCode::InputRefused, SafeFile::tr("%1 is a folder, not a file.").arg(m_destination)};
    const QDir dir = fi.absoluteDir();
    if (!dir.exists())
        return Error{ErrorCode::InputRefused,
                     SafeFile::tr("%1 cannot be written: the folder %2 does not exist.")
                         .arg(m_destination, dir.path())};
    // Hidden, in the same folder (an atomic rename), with the destination's suffix (writers that
    // choose their format by it).
    const QString suffix = fi.suffix().isEmpty() ? QString() : u'.' + fi.suffix();
    QByteArray templ = QFile::encodeName(
        dir.filePath(u'.' + fi.completeBaseName() + QStringLiteral(".tmp-XXXXXX") + suffix));
    m_fd = ::mkstemps(templ.data(), int(QFile::encodeName(suffix).size()));
    if (m_fd < 0)
        return SafeFile::writeError(m_destination, errno);
    m_temp = QFile::decodeName(templ);
    return okStatus();
}

Status SafeOutput::append(const QByteArray &data)
{
    const char *p = data.constData();
    qsizetype left = data.size();
    while (left > 0) {
        const ssize_t n = ::write(m_fd, p, size_t(left));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return SafeFile::writeError(m_destination, errno);
        }
        p += n;
        left -= n;
    }
    return okStatus();
}

Error SafeOutput::failure(const QString &detail) const
{
    return SafeFile::writeError(m_destination, errno, detail);
}

Status SafeOutput::commit(bool replace)
{
    if (m_temp.isEmpty())
        return SafeFile::writeError(m_destination, EBADF);
    if (const Status s = SafeFile::checkOutput(m_destination, m_register); !s)
        return s;
    const QByteArray temp = QFile::encodeName(m_temp);
    const QByteArray dest = QFile::encodeName(m_destination);
    // The writer may have replaced the file (libxlsxwriter, QPdfWriter open it by name): sync what
    // is there now.
    const int fd = ::open(temp.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        const int e = errno;
        if (fd >= 0)
            ::close(fd);
        return SafeFile::writeError(m_destination, e);
    }
    ::close(fd);
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::chmod(temp.constData(), 0666 & ~mask);
    if (!replace) {
        // link() fails with EEXIST rather than replacing a file that appeared meanwhile. File systems
        // without hard links (FAT32 sticks, some shares) get a check and a rename instead.
        if (::link(temp.constData(), dest.constData()) == 0) {
            ::unlink(temp.constData());
        } else if (errno == EEXIST) {
            return Error{ErrorCode::InputRefused,
                         SafeFile::tr("The file %1 already exists.").arg(m_destination)};
        } else if (errno == EPERM || errno == ENOTSUP || errno == EOPNOTSUPP || errno == ENOSYS) {
            struct stat st
            {
            };
            if (::lstat(dest.constData(), &st) == 0)
                return Error{ErrorCode::InputRefused,
                             SafeFile::tr("The file %1 already exists.").arg(m_destination)};
            if (std::rename(temp.constData(), dest.constData()) != 0)
                return SafeFile::writeError(m_destination, errno);
        } else {
            return SafeFile::writeError(m_destination, errno);
        }
    } else if (std::rename(temp.constData(), dest.constData()) != 0) {
        return SafeFile::writeError(m_destination, errno);
    }
    m_committed = true;
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    // The rename itself is made durable by syncing the folder.
    if (const int dirFd = ::open(QFile::encodeName(QFileInfo(m_destination).absolutePath()).constData(),
                                 O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    return okStatus();
}

QuietStderr::QuietStderr()
{
    std::fflush(stderr);
    const int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (null < 0)
        return;
    m_saved = ::dup(2);
    if (m_saved >= 0)
        ::dup2(null, 2);
    ::close(null);
}

QuietStderr::~QuietStderr()
{
    if (m_saved < 0)
        return;
    std::fflush(stderr);
    ::dup2(m_saved, 2);
    ::close(m_saved);
}

} // namespace rectrack::core
