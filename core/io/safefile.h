#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace rectrack::core {

/**
 * The checks every file Rectrack reads or writes goes through (docs/reliability.md §6).
 *
 * Inputs: only a regular file (a symbolic link is followed) of at most kMaxInputBytes is read, so a
 * FIFO, a device (/dev/zero) or a directory is refused before any reader opens it; every importer's
 * dispatch calls checkInput() first.
 *
 * Outputs: a report, export, template or backup never lands on a register. checkOutput() refuses a
 * destination that is (by canonical path or by device and inode, so through any symbolic or hard
 * link) the register being worked on or one of its -wal, -shm or -journal files, and any existing
 * file that is itself a register (an SQLite file with the application id RTRK). SafeOutput then
 * writes to a temporary file in the destination's folder and renames it into place only when it is
 * complete.
 */
class SafeFile
{
    Q_DECLARE_TR_FUNCTIONS(rectrack::core::SafeFile)
public:
    /// Largest input file read (bytes): 100 MiB, beyond any office ledger (a 100,000-row ledger is
    /// about 40 MB as .csv), and small enough that reading it stays within 500 MB of memory.
    static constexpr qint64 kMaxInputBytes = qint64(100) << 20;

    /// Most cells read from one file (all sheets; a row holds one per column up to its last cell, a
    /// CSV one per field, blank lines included): 2,000,000, twenty columns of a 100,000-row ledger.
    /// Past it the reader stops and refuses the file (limitError).
    static constexpr qint64 kMaxCells = 2000000;
    /// Most characters in one cell: 1,000,000 (Excel holds 32,767; a .csv export keeps longer texts).
    static constexpr qint64 kMaxCellChars = 1000000;
    /// Most bytes one part of an .xlsx (a sheet, the shared strings) expands to: 256 MiB.
    static constexpr qint64 kMaxExpandedBytes = qint64(256) << 20;
    /// Most characters of text all the shared strings of an .xlsx hold together: 50,000,000.
    static constexpr qint64 kMaxSharedChars = 50000000;

    /// The error for a file past one of the limits above: "%1: more than %2 (the limit); the file
    /// was not read." with @p what naming the limit ("2,000,000 non-empty cells").
    static Error limitError(const QString &file, const QString &what);

    /**
     * Refuses @p path unless it is an existing regular file of at most @p maxBytes bytes; checked
     * with stat() before the file is opened, so a FIFO is never opened (which would block) and a
     * device never read. Errors (InputRefused, message naming the file as @p shown, default
     * @p path): missing, a directory, a FIFO, socket or device ("not a regular file"), larger than
     * @p maxBytes (naming the limit).
     */
    static Status checkInput(const QString &path, const QString &shown = {},
                             qint64 maxBytes = kMaxInputBytes);

    /**
     * Refuses (InputRefused) @p output when it is @p registerPath (empty: none given) or one of its
     * -wal/-shm/-journal files, by canonical path or by device and inode, or when it already exists
     * and is a register file. The message names both files and says nothing was written.
     */
    static Status checkOutput(const QString &output, const QString &registerPath = {});

    /// Whether the file at @p path (following links) starts like a Rectrack register: the SQLite
    /// header with the application id RTRK.
    static bool isRegisterFile(const QString &path);

    /**
     * The error for a failed write of @p path: "not enough disk space" (磁盘空间不足) when @p errnum
     * is ENOSPC or EDQUOT or the folder has less than 64 KiB free, "larger than this system allows"
     * for EFBIG, else @p detail (or the system's text for @p errnum). Code InputRefused.
     */
    static Error writeError(const QString &path, int errnum, const QString &detail = {});
    /// Bytes an unprivileged user may still write in the file system holding @p folder (statvfs
    /// f_bavail × f_frsize of the folder itself), or -1 when unknown. statvfs of the folder, not
    /// QStorageInfo, which looks the folder's mount up in /proc/self/mountinfo and finds none in a
    /// chroot or container.
    static qint64 freeBytes(const QString &folder);
};

/**
 * One output file written safely: the content goes to a temporary file in the destination's folder
 * (same file system, so the rename is atomic), which commit() flushes to disk and renames over the
 * destination. Until then the destination keeps its old content (or stays absent); the destructor
 * removes a temporary file that was not committed. A failure says why, naming the destination
 * ("磁盘空间不足" on a full disk), and never leaves a 0-byte or half-written destination.
 */
class SafeOutput
{
public:
    /// @p destination as given by the user; @p registerPath (when known) is refused as the output.
    explicit SafeOutput(QString destination, QString registerPath = {});
    ~SafeOutput();
    SafeOutput(const SafeOutput &) = delete;
    SafeOutput &operator=(const SafeOutput &) = delete;

    /// SafeFile::checkOutput, then creates the temporary file. Errors: InputRefused naming the
    /// destination (the register, a missing or read-only folder).
    Status open();
    /// The temporary file (absolute path) to write; valid after open().
    QString tempPath() const { return m_temp; }
    QString destination() const { return m_destination; }
    /// Writes @p data at the end of the temporary file; errors as SafeFile::writeError.
    Status append(const QByteArray &data);
    /**
     * Checks the output again (a link may have appeared meanwhile), flushes the temporary file to
     * disk (fsync), gives it the permissions of a new file (0666 & ~umask) and renames it to the
     * destination. With @p replace false an existing destination is refused (InputRefused) and
     * left as it is. Errors as SafeFile::writeError.
     */
    Status commit(bool replace = true);
    /// The error to report when the program that wrote tempPath() failed, with its own @p detail:
    /// a full disk is named as such (SafeFile::writeError with the current errno).
    Error failure(const QString &detail) const;

private:
    QString m_destination;
    QString m_register;
    QString m_temp;
    int m_fd = -1;
    bool m_committed = false;
};

/**
 * Silences the process's standard error (file descriptor 2) while it lives: libxlsxwriter prints
 * "[ERROR] workbook_close(): …" lines in English there, and its failures are reported through the
 * returned error code in the user's language instead (SafeOutput::failure). Restored on
 * destruction. Nested use is allowed.
 */
class QuietStderr
{
public:
    QuietStderr();
    ~QuietStderr();
    QuietStderr(const QuietStderr &) = delete;
    QuietStderr &operator=(const QuietStderr &) = delete;

private:
    int m_saved = -1;
};

} // namespace rectrack::core
