#include "safetycontroller.h"

#include "dialogs/historydialog.h"
#include "dialogs/restorebackupdialog.h"
#include "storage/backupset.h"
#include "storage/clockcheck.h"
#include "storage/database.h"
#include "views/mainwindow.h"

#include <QApplication>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QThread>
#include <QToolButton>

#include <optional>

namespace rectrack::ui {

namespace {
const QString kIntervalKey = QStringLiteral("backup/intervalMinutes");
const QString kKeepKey = QStringLiteral("backup/keep");
} // namespace

SafetyController::SafetyController(MainWindow *window) : QObject(window), m_window(window)
{
    m_banner = new QFrame(window);
    m_banner->setObjectName(QStringLiteral("safetyBanner"));
    m_banner->setStyleSheet(
        QStringLiteral("#safetyBanner { background: #fff4ce; border-bottom: 1px solid #e0c060; }"));
    auto *layout = new QHBoxLayout(m_banner);
    layout->setContentsMargins(10, 6, 6, 6);
    auto *icon = new QLabel(m_banner);
    icon->setPixmap(window->style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(20, 20));
    icon->setAlignment(Qt::AlignTop);
    layout->addWidget(icon);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextFormat(Qt::PlainText);
    layout->addWidget(m_bannerText, 1);
    auto *close = new QToolButton(m_banner);
    close->setText(QStringLiteral("×"));
    close->setAutoRaise(true);
    close->setToolTip(tr("Hide this warning"));
    layout->addWidget(close, 0, Qt::AlignTop);
    connect(close, &QToolButton::clicked, m_banner, &QWidget::hide);
    m_banner->hide();

    connect(&m_timer, &QTimer::timeout, this, [this] { backupNow(); });
    m_damageWatch.setInterval(1000);
    connect(&m_damageWatch, &QTimer::timeout, this, [this] {
        if (m_damageShown || !core::Database::damageSeen())
            return;
        m_damageShown = true;
        m_timer.stop();
        m_messages << tr("%1 Lists and figures on screen may be incomplete. Close the register and restore a "
                         "backup; automatic backups are stopped so that they keep the good copies.")
                          .arg(core::Database::damageMessage());
        showMessages();
    });
    connect(this, &SafetyController::backupFinished, this, [this](const QString &path, const QString &error) {
        if (!error.isEmpty())
            m_window->statusBar()->showMessage(tr("The automatic backup failed: %1").arg(error), 15000);
        else if (!path.isEmpty())
            m_window->statusBar()->showMessage(tr("Backup written: %1").arg(QFileInfo(path).fileName()),
                                               5000);
    });
}

SafetyController::~SafetyController()
{
    // The window is being torn down: let a running backup finish, but deliver nothing to it.
    if (m_worker) {
        m_worker->disconnect(this);
        m_worker->wait();
        delete m_worker;
        m_worker = nullptr;
    }
}

int SafetyController::intervalMinutes()
{
    return QSettings().value(kIntervalKey, core::BackupSet::kDefaultIntervalMinutes).toInt();
}

int SafetyController::keep()
{
    return qMax(1, QSettings().value(kKeepKey, core::BackupSet::kDefaultKeep).toInt());
}

void SafetyController::setBackupSettings(int intervalMinutes, int keep)
{
    QSettings s;
    s.setValue(kIntervalKey, intervalMinutes);
    s.setValue(kKeepKey, keep);
}

void SafetyController::registerOpened(core::Database *db)
{
    m_path = db->path();
    m_lastHead = -1;
    // A register opened anew starts without the damage another one showed.
    core::Database::resetDamageSeen();
    m_damageShown = false;
    m_messages = db->openWarnings();
    if (const QString clock = core::ClockCheck::warning(*db); !clock.isEmpty())
        m_messages << clock;
    showMessages();
    m_damageWatch.start();
    if (db->onServer()) {
        // A server register has no backups next to it: they are the server's (docs/server.md).
        m_path.clear();
        m_timer.stop();
        return;
    }
    m_folder = core::BackupSet::folderFor(m_path);
    reloadSettings();
    if (intervalMinutes() > 0)
        backupNow();
}

void SafetyController::registerClosed()
{
    m_timer.stop();
    m_damageWatch.stop();
    m_path.clear();
    m_folder.clear();
    m_messages.clear();
    showMessages();
}

void SafetyController::reloadSettings()
{
    const int minutes = intervalMinutes();
    if (minutes > 0 && !m_path.isEmpty() && !m_damageShown)
        m_timer.start(minutes * 60 * 1000);
    else
        m_timer.stop();
}

void SafetyController::showMessages()
{
    m_bannerText->setText(m_messages.join(QLatin1Char('\n')));
    m_banner->setVisible(!m_messages.isEmpty());
}

bool SafetyController::backupNow()
{
    if (m_path.isEmpty() || m_worker || m_damageShown)
        return false;
    struct Outcome
    {
        std::optional<core::Result<core::BackupSet::Taken>> result;
    };
    auto outcome = std::make_shared<Outcome>();
    const QString path = m_path;
    const QString folder = m_folder;
    const int k = keep();
    const qint64 skip = m_lastHead;
    // VACUUM INTO on a connection of the worker's own: the window stays responsive.
    // The first backup of a session is skipped when the newest backup already holds the register
    // as it is (reopening an unchanged register copied the whole file again: 1.3 GB and about
    // 10 s of CPU at 100,000 problems).
    m_worker = QThread::create([=] {
        const qint64 unchanged = skip >= 0 ? skip : core::BackupSet::unchangedSinceNewest(path, folder);
        outcome->result = core::BackupSet::take(path, folder, k, unchanged);
    });
    connect(m_worker, &QThread::finished, this, [this, outcome] {
        m_worker->deleteLater();
        m_worker = nullptr;
        QString written;
        QString error;
        if (outcome->result && outcome->result->ok()) {
            m_lastHead = (*outcome->result)->auditHead;
            written = (*outcome->result)->path;
            if (!written.isEmpty())
                m_lastBackup = written;
            m_lastError.clear();
        } else if (outcome->result) {
            error = outcome->result->error().message;
            m_lastError = error;
        }
        Q_EMIT backupFinished(written, error);
    });
    m_worker->start(QThread::LowPriority);
    return true;
}

void SafetyController::waitForBackup()
{
    if (!m_worker)
        return;
    m_worker->wait();
    // Deliver its (queued) finished signal now, so that the state is up to date.
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
}

void SafetyController::restoreBackup()
{
    if (m_path.isEmpty())
        return;
    waitForBackup();
    RestoreBackupDialog dialog(m_path, m_folder, m_window);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedBackup().isEmpty())
        return;
    const QString backup = dialog.selectedBackup();
    if (QMessageBox::question(
            m_window, tr("Restore backup"),
            tr("Replace the register %1 by the backup %2?\n\nThe register as it is now is backed "
               "up first, so this can be undone by restoring that backup.")
                .arg(QFileInfo(m_path).fileName(), QFileInfo(backup).fileName())) != QMessageBox::Yes)
        return;
    const QString path = m_path;
    const QString folder = m_folder;
    m_window->closeRegister();
    auto restored = core::BackupSet::restore(path, backup, folder, keep());
    m_window->openRegister(path);
    if (!restored) {
        QMessageBox::critical(m_window, tr("Restore backup"), restored.error().message);
        return;
    }
    QMessageBox::information(m_window, tr("Restore backup"),
                             tr("The backup %1 was restored. The register as it was before is kept as %2.")
                                 .arg(QFileInfo(backup).fileName(), QFileInfo(*restored).fileName()));
}

void SafetyController::showHistory(qint64 problemId)
{
    if (!m_window->database() || problemId <= 0)
        return;
    HistoryDialog dialog(*m_window->database(), problemId, m_window);
    dialog.exec();
}

} // namespace rectrack::ui
