/*
 * A full disk and a read-only disk without mounting anything (tests only, issue #20): a library the
 * CLI tests load with LD_PRELOAD into rectrack-cli where no small tmpfs can be mounted (no user
 * namespaces, e.g. as root in a chroot, where a folder's mode does not stop root either).
 *
 * RECTRACK_TEST_FULL_DIR=DIR: the folder DIR behaves like a full file system. Files can be created
 * and opened, but every write of one byte or more to a file under DIR (write, pwrite, writev,
 * fwrite, fputs, fputc, growing ftruncate, fallocate) and fsync of such a file fail with ENOSPC;
 * statvfs/statfs of a path under DIR, or of the file system that holds DIR, report no free blocks.
 *
 * RECTRACK_TEST_READONLY_DIR=DIR: the folder DIR behaves like a read-only file system: opening a
 * file under it for writing or creating one (open, openat, creat, fopen, mkstemp and its variants),
 * making or removing a name (mkdir, unlink, rename, link, symlink) fail with EROFS; statvfs/statfs
 * of a path under DIR report ST_RDONLY.
 *
 * Both folders are compared by their absolute path as given (the tests pass canonical ones).
 * Everything else is passed to the C library unchanged.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

enum Kind
{
    Normal = 0,
    Full = 1,
    ReadOnly = 2
};

static void *next(const char *name)
{
    return dlsym(RTLD_NEXT, name);
}

#define REAL(ret, name, args)                                                                                \
    static ret(*real_##name) args;                                                                           \
    if (!real_##name)                                                                                        \
        real_##name = (ret(*) args)next(#name);

static int under(const char *abs, const char *dir)
{
    if (!dir || !*dir)
        return 0;
    const size_t n = strlen(dir);
    return strncmp(abs, dir, n) == 0 && (abs[n] == '\0' || abs[n] == '/');
}

/* The kind of @p path (relative to @p dirfd, AT_FDCWD for the working folder). */
static int kindAt(int dirfd, const char *path)
{
    const char *full = getenv("RECTRACK_TEST_FULL_DIR");
    const char *ro = getenv("RECTRACK_TEST_READONLY_DIR");
    if (!path || ((!full || !*full) && (!ro || !*ro)))
        return Normal;
    char abs[PATH_MAX * 2];
    if (path[0] == '/') {
        snprintf(abs, sizeof abs, "%s", path);
    } else {
        char base[PATH_MAX];
        if (dirfd == AT_FDCWD) {
            if (!getcwd(base, sizeof base))
                return Normal;
        } else {
            char link[64];
            snprintf(link, sizeof link, "/proc/self/fd/%d", dirfd);
            const ssize_t len = readlink(link, base, sizeof base - 1);
            if (len < 0)
                return Normal;
            base[len] = '\0';
        }
        snprintf(abs, sizeof abs, "%s/%s", base, path);
    }
    if (under(abs, full))
        return Full;
    if (under(abs, ro))
        return ReadOnly;
    return Normal;
}

static int kindOf(const char *path)
{
    return kindAt(AT_FDCWD, path);
}

static int kindOfFd(int fd)
{
    if (fd < 0 || (!getenv("RECTRACK_TEST_FULL_DIR") && !getenv("RECTRACK_TEST_READONLY_DIR")))
        return Normal;
    char link[64];
    char target[PATH_MAX];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    const ssize_t len = readlink(link, target, sizeof target - 1);
    if (len <= 0 || target[0] != '/')
        return Normal;
    target[len] = '\0';
    return kindOf(target);
}

/* True when the file system holding @p path also holds the full folder (a statfs of the mount's
 * root, as Qt's QStorageInfo makes it, must see the full disk too). */
static int sameDeviceAsFull(const char *path)
{
    const char *full = getenv("RECTRACK_TEST_FULL_DIR");
    struct stat a;
    struct stat b;
    if (!full || !*full || !path)
        return 0;
    return stat(path, &a) == 0 && stat(full, &b) == 0 && a.st_dev == b.st_dev;
}

static int sameDeviceAsFullFd(int fd)
{
    const char *full = getenv("RECTRACK_TEST_FULL_DIR");
    struct stat a;
    struct stat b;
    if (!full || !*full)
        return 0;
    return fstat(fd, &a) == 0 && stat(full, &b) == 0 && a.st_dev == b.st_dev;
}

static int writes(int flags)
{
    return (flags & (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC | O_APPEND)) != 0;
}

static int fail(int e)
{
    errno = e;
    return -1;
}

/* --- opening and naming --------------------------------------------------------------------- */

int open(const char *path, int flags, ...)
{
    REAL(int, open, (const char *, int, ...))
    mode_t mode = 0;
    if (flags & (O_CREAT | O_TMPFILE)) {
        va_list ap;
        va_start(ap, flags);
        mode = va_arg(ap, mode_t);
        va_end(ap);
    }
    if (writes(flags) && kindOf(path) == ReadOnly)
        return fail(EROFS);
    return real_open(path, flags, mode);
}

int open64(const char *path, int flags, ...)
{
    REAL(int, open64, (const char *, int, ...))
    mode_t mode = 0;
    if (flags & (O_CREAT | O_TMPFILE)) {
        va_list ap;
        va_start(ap, flags);
        mode = va_arg(ap, mode_t);
        va_end(ap);
    }
    if (writes(flags) && kindOf(path) == ReadOnly)
        return fail(EROFS);
    return real_open64(path, flags, mode);
}

int __open_2(const char *path, int flags)
{
    REAL(int, __open_2, (const char *, int))
    if (writes(flags) && kindOf(path) == ReadOnly)
        return fail(EROFS);
    return real___open_2(path, flags);
}

int __open64_2(const char *path, int flags)
{
    REAL(int, __open64_2, (const char *, int))
    if (writes(flags) && kindOf(path) == ReadOnly)
        return fail(EROFS);
    return real___open64_2(path, flags);
}

int openat(int dirfd, const char *path, int flags, ...)
{
    REAL(int, openat, (int, const char *, int, ...))
    mode_t mode = 0;
    if (flags & (O_CREAT | O_TMPFILE)) {
        va_list ap;
        va_start(ap, flags);
        mode = va_arg(ap, mode_t);
        va_end(ap);
    }
    if (writes(flags) && kindAt(dirfd, path) == ReadOnly)
        return fail(EROFS);
    return real_openat(dirfd, path, flags, mode);
}

int openat64(int dirfd, const char *path, int flags, ...)
{
    REAL(int, openat64, (int, const char *, int, ...))
    mode_t mode = 0;
    if (flags & (O_CREAT | O_TMPFILE)) {
        va_list ap;
        va_start(ap, flags);
        mode = va_arg(ap, mode_t);
        va_end(ap);
    }
    if (writes(flags) && kindAt(dirfd, path) == ReadOnly)
        return fail(EROFS);
    return real_openat64(dirfd, path, flags, mode);
}

int creat(const char *path, mode_t mode)
{
    REAL(int, creat, (const char *, mode_t))
    if (kindOf(path) == ReadOnly)
        return fail(EROFS);
    return real_creat(path, mode);
}

int creat64(const char *path, mode_t mode)
{
    REAL(int, creat64, (const char *, mode_t))
    if (kindOf(path) == ReadOnly)
        return fail(EROFS);
    return real_creat64(path, mode);
}

static int writeMode(const char *mode)
{
    return mode && (strchr(mode, 'w') || strchr(mode, 'a') || strchr(mode, '+'));
}

FILE *fopen(const char *path, const char *mode)
{
    REAL(FILE *, fopen, (const char *, const char *))
    if (writeMode(mode) && kindOf(path) == ReadOnly) {
        errno = EROFS;
        return NULL;
    }
    return real_fopen(path, mode);
}

FILE *fopen64(const char *path, const char *mode)
{
    REAL(FILE *, fopen64, (const char *, const char *))
    if (writeMode(mode) && kindOf(path) == ReadOnly) {
        errno = EROFS;
        return NULL;
    }
    return real_fopen64(path, mode);
}

/* mkstemp and its variants open the file inside the C library, past the open above. */
#define MKTEMP(name, params, args)                                                                           \
    int name params                                                                                          \
    {                                                                                                        \
        REAL(int, name, params)                                                                              \
        if (kindOf(templ) == ReadOnly)                                                                       \
            return fail(EROFS);                                                                              \
        return real_##name args;                                                                             \
    }

MKTEMP(mkstemp, (char *templ), (templ))
MKTEMP(mkstemp64, (char *templ), (templ))
MKTEMP(mkstemps, (char *templ, int suffixlen), (templ, suffixlen))
MKTEMP(mkstemps64, (char *templ, int suffixlen), (templ, suffixlen))
MKTEMP(mkostemp, (char *templ, int flags), (templ, flags))
MKTEMP(mkostemp64, (char *templ, int flags), (templ, flags))
MKTEMP(mkostemps, (char *templ, int suffixlen, int flags), (templ, suffixlen, flags))
MKTEMP(mkostemps64, (char *templ, int suffixlen, int flags), (templ, suffixlen, flags))

int mkdir(const char *path, mode_t mode)
{
    REAL(int, mkdir, (const char *, mode_t))
    if (kindOf(path) == ReadOnly)
        return fail(EROFS);
    return real_mkdir(path, mode);
}

int unlink(const char *path)
{
    REAL(int, unlink, (const char *))
    if (kindOf(path) == ReadOnly)
        return fail(EROFS);
    return real_unlink(path);
}

int rename(const char *from, const char *to)
{
    REAL(int, rename, (const char *, const char *))
    if (kindOf(from) == ReadOnly || kindOf(to) == ReadOnly)
        return fail(EROFS);
    return real_rename(from, to);
}

int link(const char *from, const char *to)
{
    REAL(int, link, (const char *, const char *))
    if (kindOf(to) == ReadOnly)
        return fail(EROFS);
    return real_link(from, to);
}

int symlink(const char *target, const char *path)
{
    REAL(int, symlink, (const char *, const char *))
    if (kindOf(path) == ReadOnly)
        return fail(EROFS);
    return real_symlink(target, path);
}

/* --- writing -------------------------------------------------------------------------------- */

static int refusedWrite(int fd, size_t count)
{
    if (count == 0)
        return 0;
    const int k = kindOfFd(fd);
    if (k == Full)
        return ENOSPC;
    if (k == ReadOnly)
        return EROFS;
    return 0;
}

static size_t iovBytes(const struct iovec *iov, int n)
{
    size_t total = 0;
    for (int i = 0; i < n; ++i)
        total += iov[i].iov_len;
    return total;
}

ssize_t write(int fd, const void *buf, size_t count)
{
    REAL(ssize_t, write, (int, const void *, size_t))
    const int e = refusedWrite(fd, count);
    if (e)
        return fail(e);
    return real_write(fd, buf, count);
}

ssize_t pwrite(int fd, const void *buf, size_t count, off_t offset)
{
    REAL(ssize_t, pwrite, (int, const void *, size_t, off_t))
    const int e = refusedWrite(fd, count);
    if (e)
        return fail(e);
    return real_pwrite(fd, buf, count, offset);
}

ssize_t pwrite64(int fd, const void *buf, size_t count, off64_t offset)
{
    REAL(ssize_t, pwrite64, (int, const void *, size_t, off64_t))
    const int e = refusedWrite(fd, count);
    if (e)
        return fail(e);
    return real_pwrite64(fd, buf, count, offset);
}

ssize_t writev(int fd, const struct iovec *iov, int n)
{
    REAL(ssize_t, writev, (int, const struct iovec *, int))
    const int e = refusedWrite(fd, iovBytes(iov, n));
    if (e)
        return fail(e);
    return real_writev(fd, iov, n);
}

ssize_t pwritev(int fd, const struct iovec *iov, int n, off_t offset)
{
    REAL(ssize_t, pwritev, (int, const struct iovec *, int, off_t))
    const int e = refusedWrite(fd, iovBytes(iov, n));
    if (e)
        return fail(e);
    return real_pwritev(fd, iov, n, offset);
}

ssize_t pwritev64(int fd, const struct iovec *iov, int n, off64_t offset)
{
    REAL(ssize_t, pwritev64, (int, const struct iovec *, int, off64_t))
    const int e = refusedWrite(fd, iovBytes(iov, n));
    if (e)
        return fail(e);
    return real_pwritev64(fd, iov, n, offset);
}

/* The C library's streams write their buffers inside the library: refused before buffering. */
size_t fwrite(const void *buf, size_t size, size_t n, FILE *stream)
{
    REAL(size_t, fwrite, (const void *, size_t, size_t, FILE *))
    const int e = refusedWrite(fileno(stream), size * n);
    if (e) {
        errno = e;
        return 0;
    }
    return real_fwrite(buf, size, n, stream);
}

int fputs(const char *s, FILE *stream)
{
    REAL(int, fputs, (const char *, FILE *))
    const int e = refusedWrite(fileno(stream), strlen(s));
    if (e) {
        errno = e;
        return EOF;
    }
    return real_fputs(s, stream);
}

int fputc(int c, FILE *stream)
{
    REAL(int, fputc, (int, FILE *))
    const int e = refusedWrite(fileno(stream), 1);
    if (e) {
        errno = e;
        return EOF;
    }
    return real_fputc(c, stream);
}

int fsync(int fd)
{
    REAL(int, fsync, (int))
    if (kindOfFd(fd) == Full)
        return fail(ENOSPC);
    return real_fsync(fd);
}

int fdatasync(int fd)
{
    REAL(int, fdatasync, (int))
    if (kindOfFd(fd) == Full)
        return fail(ENOSPC);
    return real_fdatasync(fd);
}

static int grows(int fd, off64_t length)
{
    struct stat st;
    return fstat(fd, &st) == 0 && length > st.st_size;
}

int ftruncate(int fd, off_t length)
{
    REAL(int, ftruncate, (int, off_t))
    const int k = kindOfFd(fd);
    if (k == ReadOnly)
        return fail(EROFS);
    if (k == Full && grows(fd, length))
        return fail(ENOSPC);
    return real_ftruncate(fd, length);
}

int ftruncate64(int fd, off64_t length)
{
    REAL(int, ftruncate64, (int, off64_t))
    const int k = kindOfFd(fd);
    if (k == ReadOnly)
        return fail(EROFS);
    if (k == Full && grows(fd, length))
        return fail(ENOSPC);
    return real_ftruncate64(fd, length);
}

int fallocate(int fd, int mode, off_t offset, off_t len)
{
    REAL(int, fallocate, (int, int, off_t, off_t))
    if (len > 0 && kindOfFd(fd) == Full)
        return fail(ENOSPC);
    return real_fallocate(fd, mode, offset, len);
}

int fallocate64(int fd, int mode, off64_t offset, off64_t len)
{
    REAL(int, fallocate64, (int, int, off64_t, off64_t))
    if (len > 0 && kindOfFd(fd) == Full)
        return fail(ENOSPC);
    return real_fallocate64(fd, mode, offset, len);
}

int posix_fallocate(int fd, off_t offset, off_t len)
{
    REAL(int, posix_fallocate, (int, off_t, off_t))
    if (len > 0 && kindOfFd(fd) == Full)
        return ENOSPC;
    return real_posix_fallocate(fd, offset, len);
}

int posix_fallocate64(int fd, off64_t offset, off64_t len)
{
    REAL(int, posix_fallocate64, (int, off64_t, off64_t))
    if (len > 0 && kindOfFd(fd) == Full)
        return ENOSPC;
    return real_posix_fallocate64(fd, offset, len);
}

/* --- free space and flags ------------------------------------------------------------------- */

#define STATVFS(name, type, arg, isFull, kind)                                                               \
    int name(arg, struct type *buf)                                                                          \
    {                                                                                                        \
        REAL(int, name, (arg, struct type *))                                                                \
        const int r = real_##name(a, buf);                                                                   \
        if (r == 0 && (isFull)) {                                                                            \
            buf->f_bfree = 0;                                                                                \
            buf->f_bavail = 0;                                                                               \
        }                                                                                                    \
        if (r == 0 && (kind) == ReadOnly)                                                                    \
            buf->FLAG |= ST_RDONLY;                                                                          \
        return r;                                                                                            \
    }

#define FLAG f_flag
STATVFS(statvfs, statvfs, const char *a, kindOf(a) == Full || sameDeviceAsFull(a), kindOf(a))
STATVFS(statvfs64, statvfs64, const char *a, kindOf(a) == Full || sameDeviceAsFull(a), kindOf(a))
STATVFS(fstatvfs, statvfs, int a, kindOfFd(a) == Full || sameDeviceAsFullFd(a), kindOfFd(a))
STATVFS(fstatvfs64, statvfs64, int a, kindOfFd(a) == Full || sameDeviceAsFullFd(a), kindOfFd(a))
#undef FLAG
#define FLAG f_flags
STATVFS(statfs, statfs, const char *a, kindOf(a) == Full || sameDeviceAsFull(a), kindOf(a))
STATVFS(statfs64, statfs64, const char *a, kindOf(a) == Full || sameDeviceAsFull(a), kindOf(a))
STATVFS(fstatfs, statfs, int a, kindOfFd(a) == Full || sameDeviceAsFullFd(a), kindOfFd(a))
STATVFS(fstatfs64, statfs64, int a, kindOfFd(a) == Full || sameDeviceAsFullFd(a), kindOfFd(a))
#undef FLAG
