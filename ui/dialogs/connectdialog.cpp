#include "connectdialog.h"

#include "help/manualbrowser.h"
#include "passwordstore.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QUrl>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace rectrack::ui {

ConnectDialog::ConnectDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Connect to a server register"));
    installContextHelp(this, QStringLiteral("server")); // F1: the manual's page
    auto *layout = new QVBoxLayout(this);
    auto *about = new QLabel(tr("A register on the office's PostgreSQL server, shared by every clerk with a "
                                "login of their own. Your IT staff give you the address and the login."),
                             this);
    about->setWordWrap(true);
    layout->addWidget(about);
    auto *form = new QFormLayout;
    m_host = new QLineEdit(this);
    m_host->setObjectName(QStringLiteral("connectHost"));
    m_host->setPlaceholderText(tr("e.g. db.office.local"));
    form->addRow(tr("Server:"), m_host);
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("connectPort"));
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    form->addRow(tr("Port:"), m_port);
    m_database = new QLineEdit(this);
    m_database->setObjectName(QStringLiteral("connectDatabase"));
    m_database->setText(QStringLiteral("rectrack"));
    form->addRow(tr("Database:"), m_database);
    m_login = new QLineEdit(this);
    m_login->setObjectName(QStringLiteral("connectLogin"));
    m_login->setText(qEnvironmentVariable("USER"));
    form->addRow(tr("Login:"), m_login);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("connectPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("empty: from ~/.pgpass or PGPASSWORD"));
    form->addRow(tr("Password:"), m_password);
    m_remember = new QCheckBox(tr("Remember the password in the system keychain"), this);
    m_remember->setObjectName(QStringLiteral("connectRemember"));
    m_remember->setVisible(PasswordStore::available());
    form->addRow(QString(), m_remember);
    layout->addLayout(form);
    auto *note =
        new QLabel(PasswordStore::available()
                       ? tr("The password is used for this connection only and never written to a file; "
                            "ticked, it is kept in the system keychain.")
                       : tr("The password is used for this connection only and is never saved."),
                   this);
    note->setWordWrap(true);
    note->setStyleSheet(QStringLiteral("color: #5f6368;"));
    layout->addWidget(note);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("connectMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_message->hide();
    layout->addWidget(m_message);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_connect = buttons->addButton(tr("Connect"), QDialogButtonBox::AcceptRole);
    m_connect->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *e : {m_host, m_database, m_login})
        connect(e, &QLineEdit::textChanged, this, &ConnectDialog::updateButtons);
    updateButtons();
    resize(520, sizeHint().height());
}

void ConnectDialog::setUrl(const QString &text)
{
    const QUrl url(text);
    const QUrlQuery query(url);
    QString host = query.queryItemValue(QStringLiteral("host"), QUrl::FullyDecoded);
    if (host.isEmpty())
        host = url.host();
    m_host->setText(host);
    const QString port = query.queryItemValue(QStringLiteral("port"));
    m_port->setValue(!port.isEmpty() ? port.toInt() : url.port(5432));
    const QString user = query.queryItemValue(QStringLiteral("user"), QUrl::FullyDecoded);
    m_login->setText(!user.isEmpty() ? user : url.userName(QUrl::FullyDecoded));
    m_database->setText(url.path().mid(1));
}

QString ConnectDialog::url() const
{
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    const QString host = m_host->text().trimmed();
    QUrlQuery query;
    if (host.startsWith(u'/')) {
        // A socket folder cannot be a URL's host: libpq takes it as a parameter.
        query.addQueryItem(QStringLiteral("host"), host);
        if (m_port->value() != 5432)
            query.addQueryItem(QStringLiteral("port"), QString::number(m_port->value()));
        query.addQueryItem(QStringLiteral("user"), m_login->text().trimmed());
    } else {
        url.setHost(host.isEmpty() ? QStringLiteral("localhost") : host);
        if (m_port->value() != 5432)
            url.setPort(m_port->value());
        url.setUserName(m_login->text().trimmed());
    }
    url.setPath(u'/' + m_database->text().trimmed());
    if (!query.isEmpty())
        url.setQuery(query);
    return url.toString();
}

QString ConnectDialog::urlWithPassword() const
{
    return m_password->text().isEmpty() ? url() : withPassword(url(), m_password->text());
}

QString ConnectDialog::withPassword(const QString &text, const QString &password)
{
    QUrl url(text);
    QUrlQuery query(url);
    query.removeAllQueryItems(QStringLiteral("password"));
    // Percent-encoded so that & = + # in a password survive the URL.
    query.addQueryItem(QStringLiteral("password"), QString::fromLatin1(QUrl::toPercentEncoding(password)));
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

bool ConnectDialog::remember() const
{
    return PasswordStore::available() && m_remember->isChecked();
}

void ConnectDialog::setMessage(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

bool ConnectDialog::passwordRequired(const QString &error)
{
    return error.contains(QLatin1String("no password supplied")) ||
           error.contains(QLatin1String("password authentication failed"));
}

QString ConnectDialog::shortName(const QString &text)
{
    const QUrl url(text);
    QString host = QUrlQuery(url).queryItemValue(QStringLiteral("host"), QUrl::FullyDecoded);
    if (host.isEmpty())
        host = url.host();
    if (host.isEmpty() || host.startsWith(u'/'))
        host = tr("local");
    return tr("%1 @ %2").arg(url.path().mid(1), host);
}

void ConnectDialog::updateButtons()
{
    m_connect->setEnabled(!m_database->text().trimmed().isEmpty() && !m_login->text().trimmed().isEmpty());
}

} // namespace rectrack::ui
