#pragma once

#include <QDialog>
#include <QString>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace rectrack::ui {

/**
 * 文件 → 连接服务器… (issue #24): the address of a register on the office's PostgreSQL server —
 * host (a name, an address, or a unix-socket folder starting with /), port, database and login —
 * and the password. The password is only handed to the connection: never written to the
 * settings, the recent registers or the title; with "remember" ticked it goes to the system
 * keychain (PasswordStore), where the program looks first next time. Left empty, libpq looks for it where it
 * always does (~/.pgpass, PGPASSWORD, or no password: Kerberos, certificates, peer); the caller asks for one
 * when the server wants it (passwordRequired()).
 */
class ConnectDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectDialog(QWidget *parent = nullptr);

    /// Fills the fields from a server URL (libpq URI form, password ignored), e.g. the last server.
    void setUrl(const QString &url);
    /// The register's address without the password: postgresql://login@host:port/database, with
    /// the host as a query parameter when it is a socket folder.
    QString url() const;
    /// url() with the typed password added (empty password: url()); for Database::open only.
    QString urlWithPassword() const;
    /// Shows @p message (why the last attempt failed) above the buttons.
    void setMessage(const QString &message);

    QLineEdit *hostEdit() const { return m_host; }
    QSpinBox *portEdit() const { return m_port; }
    QLineEdit *databaseEdit() const { return m_database; }
    QLineEdit *loginEdit() const { return m_login; }
    QLineEdit *passwordEdit() const { return m_password; }
    QPushButton *connectButton() const { return m_connect; }
    /// "Remember the password in the system keychain" (shown only where PasswordStore::available()).
    QCheckBox *rememberBox() const { return m_remember; }
    /// Whether the user asked to remember the typed password.
    bool remember() const;

    /// Whether @p error (Database::open's message) says the server wants a password that was not
    /// given (libpq "no password supplied") or refused the one given.
    static bool passwordRequired(const QString &error);
    /// @p url (libpq URI form) with @p password added as its password parameter.
    static QString withPassword(const QString &url, const QString &password);
    /// A short name of a server register for menus and titles: "database @ host" (host "local"
    /// for a socket folder).
    static QString shortName(const QString &url);

private:
    void updateButtons();

    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_database;
    QLineEdit *m_login;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QLabel *m_message;
    QPushButton *m_connect;
};

} // namespace rectrack::ui
