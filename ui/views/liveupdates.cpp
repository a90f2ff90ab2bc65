#include "liveupdates.h"

#include "storage/postgres/postgresschema.h"

#include <QDateTime>
#include <QFrame>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSqlDriver>
#include <QStyle>

namespace rectrack::ui {

LiveUpdates::LiveUpdates(QWidget *window) : QObject(window)
{
    auto *banner = new QFrame(window);
    banner->setObjectName(QStringLiteral("connectionBanner"));
    banner->setStyleSheet(QStringLiteral("#connectionBanner { background: #fce8e6; border-bottom: 1px solid "
                                         "#ee675c; } #connectionBanner QLabel { color: #a50e0e; }"));
    auto *layout = new QHBoxLayout(banner);
    layout->setContentsMargins(10, 6, 10, 6);
    auto *icon = new QLabel(banner);
    icon->setPixmap(window->style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(20, 20));
    layout->addWidget(icon);
    m_bannerText = new QLabel(banner);
    m_bannerText->setWordWrap(true);
    layout->addWidget(m_bannerText, 1);
    banner->hide();
    m_banner = banner;

    m_gather.setSingleShot(true);
    m_gather.setInterval(150);
    connect(&m_gather, &QTimer::timeout, this, [this] {
        const QSet<QString> tables = std::exchange(m_tables, {});
        const QSet<qint64> problems = std::exchange(m_problems, {});
        if (!tables.isEmpty())
            Q_EMIT changed(tables, problems);
    });
    m_check.setInterval(1000);
    connect(&m_check, &QTimer::timeout, this, &LiveUpdates::checkConnection);
}

void LiveUpdates::setDatabase(core::Database *db)
{
    if (m_db && m_db->connected() && m_listening)
        m_db->sql().driver()->disconnect(this);
    m_db = db;
    m_listening = false;
    m_reconnecting = false;
    m_tables.clear();
    m_problems.clear();
    m_gather.stop();
    m_check.stop();
    m_banner->hide();
    if (!m_db || !m_db->onServer())
        return;
    subscribe();
    m_check.start();
}

void LiveUpdates::subscribe()
{
    QSqlDriver *driver = m_db->sql().driver();
    const QString channel = core::postgres::kChangeChannel;
    m_listening =
        driver->subscribedToNotifications().contains(channel) || driver->subscribeToNotification(channel);
    connect(driver, &QSqlDriver::notification, this, &LiveUpdates::notified, Qt::UniqueConnection);
}

void LiveUpdates::notified(const QString &name, QSqlDriver::NotificationSource source,
                           const QVariant &payload)
{
    if (name != core::postgres::kChangeChannel || source == QSqlDriver::SelfSource)
        return;
    const QJsonObject o = QJsonDocument::fromJson(payload.toString().toUtf8()).object();
    const QString table = o.value(QLatin1String("table")).toString();
    if (table.isEmpty())
        return;
    m_tables.insert(table);
    if (table == QLatin1String("problems"))
        m_problems.insert(o.value(QLatin1String("id")).toVariant().toLongLong());
    if (!m_gather.isActive())
        m_gather.start();
}

void LiveUpdates::checkConnection()
{
    if (!m_db || !m_db->onServer())
        return;
    if (m_reconnecting) {
        if (!m_db->reconnect()) {
            m_bannerText->setText(tr("The connection to the server is lost (tried again at %1). Rectrack "
                                     "keeps trying; what you "
                                     "typed is kept and can be saved once the server is back.")
                                      .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))));
            return;
        }
        m_reconnecting = false;
        m_banner->hide();
        subscribe();
        Q_EMIT reconnected();
        m_tables.insert(QStringLiteral("*"));
        m_gather.start();
        return;
    }
    bool up = m_db->connected();
    // A silently dropped network shows only when something is sent: every fifth look, when no
    // transaction is open.
    if (up && ++m_ticks % 5 == 0 && m_db->transactionDepth() == 0)
        up = m_db->exec(QStringLiteral("SELECT 1")).ok() || m_db->connected();
    if (!up)
        lost();
}

void LiveUpdates::lost()
{
    m_reconnecting = true;
    m_listening = false;
    m_bannerText->setText(tr("The connection to the server is lost. Rectrack is reconnecting; what you typed "
                             "is kept and can be saved once the server is back."));
    m_banner->show();
    Q_EMIT connectionLost();
}

} // namespace rectrack::ui
