#pragma once

/**
 * The everyday-safety parts of the main window (issue #13), kept out of MainWindow:
 *
 * - the warning banner above the ledgers: register on a network drive, read-only, on FAT32 near
 *   4 GB, or a system clock earlier than the newest audit entry (shown on open, before the
 *   first write);
 * - automatic backups (core::BackupSet): one when a register is opened and one every N minutes
 *   while it has changed (its newest audit entry moved), keeping the last K; each runs on a
 *   worker thread with its own connection and is verified; N and K are user settings (QSettings
 *   backup/intervalMinutes, 0 = off, and backup/keep);
 * - File → Restore backup… and History… of a problem.
 */

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <memory>

class QFrame;
class QLabel;
class QThread;

namespace rectrack::core {
class Database;
}

namespace rectrack::ui {

class MainWindow;

class SafetyController : public QObject
{
    Q_OBJECT
public:
    explicit SafetyController(MainWindow *window);
    ~SafetyController() override;

    /// The warning banner (hidden while there is nothing to say); MainWindow places it.
    QFrame *banner() const { return m_banner; }
    /// The messages the banner shows now.
    QStringList bannerMessages() const { return m_messages; }

    /// A register was opened: banner, first backup, timer.
    void registerOpened(core::Database *db);
    /// The register is being closed: stops the timer (a running backup finishes on its own).
    void registerClosed();
    /// Rereads the backup settings (after the settings dialog).
    void reloadSettings();

    /// File → Restore backup…: lists the backups, confirms, restores, reopens.
    void restoreBackup();
    /// Shows the history of @p problemId of the open register.
    void showHistory(qint64 problemId);

    /// Starts a backup now unless one is running or nothing changed since the last; returns
    /// whether one was started.
    bool backupNow();
    /// Blocks until a running backup has finished (before closing or restoring).
    void waitForBackup();
    /// The folder backups of the open register go to (empty when none is open).
    QString backupFolder() const { return m_folder; }
    /// The last backup written (empty before the first) and the last error (empty when fine).
    QString lastBackup() const { return m_lastBackup; }
    QString lastError() const { return m_lastError; }

    /// Backup settings (QSettings) with their defaults.
    static int intervalMinutes();
    static int keep();
    static void setBackupSettings(int intervalMinutes, int keep);

Q_SIGNALS:
    /// A backup finished: @p path written, or @p error.
    void backupFinished(const QString &path, const QString &error);

private:
    void showMessages();

    MainWindow *m_window;
    QFrame *m_banner;
    QLabel *m_bannerText;
    QStringList m_messages;
    QString m_path;
    QString m_folder;
    QString m_lastBackup;
    QString m_lastError;
    qint64 m_lastHead = -1;
    QTimer m_timer;
    /// Looks once a second whether a read met a damaged page (core::Database::damageSeen()): the
    /// lists on screen may then be short, so the banner says so and automatic backups stop
    /// (a damaged copy must not rotate a good backup out).
    QTimer m_damageWatch;
    bool m_damageShown = false;
    QThread *m_worker = nullptr;
};

} // namespace rectrack::ui
