#pragma once

/**
 * Live updates of a register on a server (issue #24, DESIGN.md §11). The server sends a
 * notification on the channel "rectrack" for every row of an audited table that a committed
 * transaction changed, carrying only {"table", "id", "version"} (postgres::liveUpdateStatements());
 * this object LISTENs on the register's connection (QSqlDriver::subscribeToNotification on QPSQL),
 * gathers what arrives for a moment and emits changed() once, so that the window re-reads what it
 * shows under its own login (notifications are not filtered by row-level security, data never
 * travels in them). Its own connection's notifications are left out: the editor already refreshed.
 *
 * It also watches the connection: when the server restarts or the network drops, a banner says so,
 * and the connection is opened again every few seconds (Database::reconnect()) and subscribed
 * again; what the user typed stays where it is. reconnected() follows, and changed() with "*"
 * (everything may have changed meanwhile).
 *
 * Nothing happens on a register file.
 */

#include "storage/database.h"

#include <QObject>
#include <QSet>
#include <QSqlDriver>
#include <QTimer>

class QLabel;
class QWidget;

namespace rectrack::ui {

class LiveUpdates : public QObject
{
    Q_OBJECT
public:
    /// @p window parents the banner (placed in the window's layout by the caller).
    explicit LiveUpdates(QWidget *window);

    /// The register shown (nullptr when none). Subscribes on a server register.
    void setDatabase(core::Database *db);
    /// The banner shown while the connection is lost.
    QWidget *banner() const { return m_banner; }
    /// Whether notifications are being received (a server register whose connection is up).
    bool listening() const { return m_listening; }
    /// Whether the connection is lost and being re-established.
    bool reconnecting() const { return m_reconnecting; }
    /// How long notifications are gathered before changed() (milliseconds, default 150).
    void setGatherMs(int ms) { m_gather.setInterval(ms); }
    /// How often the connection is looked at, and a reconnect tried while it is down (ms,
    /// default 1000; every fifth look sends a query, which finds a silently dropped network).
    void setCheckMs(int ms) { m_check.setInterval(ms); }
    /// Looks at the connection now (the periodic check): shows the banner and starts reconnecting
    /// when it is lost; while reconnecting, tries once.
    void checkConnection();

Q_SIGNALS:
    /// Rows changed by others were committed: @p tables names their tables ("*": anything may have
    /// changed), @p problems the ids of the problems rows among them.
    void changed(const QSet<QString> &tables, const QSet<qint64> &problems);
    /// The connection was lost (the banner is shown).
    void connectionLost();
    /// The connection is back and subscribed again.
    void reconnected();

private:
    void subscribe();
    void notified(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload);
    void lost();

    core::Database *m_db = nullptr;
    QWidget *m_banner;
    QLabel *m_bannerText;
    QTimer m_gather;
    QTimer m_check;
    int m_ticks = 0;
    bool m_listening = false;
    bool m_reconnecting = false;
    QSet<QString> m_tables;
    QSet<qint64> m_problems;
};

} // namespace rectrack::ui
