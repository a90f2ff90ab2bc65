// 文件 → 连接服务器… (issue #24): the address the dialog builds from its fields and reads back, the
// password kept out of it (added only for the connection, any character surviving the URL), the
// short name shown in titles and menus, and the keychain's key without a password.
#include <catch2/catch.hpp>

#include "dialogs/connectdialog.h"
#include "dialogs/passwordstore.h"

#include <QCheckBox>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QSpinBox>
#include <QUrl>
#include <QUrlQuery>

using rectrack::ui::ConnectDialog;
using rectrack::ui::PasswordStore;

TEST_CASE("the connect dialog builds a server address without the password", "[ui][connect]")
{
    ConnectDialog d;
    d.hostEdit()->setText(QStringLiteral("db.office.local"));
    d.portEdit()->setValue(5433);
    d.databaseEdit()->setText(QStringLiteral("rectrack"));
    d.loginEdit()->setText(QStringLiteral("wang.fang"));
    d.passwordEdit()->setText(QStringLiteral("p&w=1#密 码"));
    CHECK(d.url() == QStringLiteral("postgresql://wang.fang@db.office.local:5433/rectrack"));
    // The password reaches the connection only, intact whatever its characters.
    const QUrl withPassword(d.urlWithPassword());
    CHECK(QUrlQuery(withPassword).queryItemValue(QStringLiteral("password"), QUrl::FullyDecoded) ==
          QStringLiteral("p&w=1#密 码"));
    CHECK(PasswordStore::key(d.urlWithPassword()) == PasswordStore::key(d.url()));
    CHECK_FALSE(PasswordStore::key(d.urlWithPassword()).contains(QStringLiteral("p%26w")));
    CHECK(ConnectDialog::shortName(d.url()) == QStringLiteral("rectrack @ db.office.local"));

    // The default port is left out; a socket folder goes into the query, as libpq wants it.
    d.portEdit()->setValue(5432);
    d.hostEdit()->setText(QStringLiteral("/var/run/postgresql"));
    const QUrl socket(d.url());
    CHECK(socket.host().isEmpty());
    CHECK(socket.path() == QStringLiteral("/rectrack"));
    CHECK(QUrlQuery(socket).queryItemValue(QStringLiteral("host"), QUrl::FullyDecoded) ==
          QStringLiteral("/var/run/postgresql"));
    CHECK(QUrlQuery(socket).queryItemValue(QStringLiteral("user")) == QStringLiteral("wang.fang"));
    CHECK(ConnectDialog::shortName(d.url()) == QStringLiteral("rectrack @ local"));

    // Read back from an address (the last server, a recent entry); its password is ignored.
    ConnectDialog e;
    e.setUrl(QStringLiteral("postgresql:///rt_1?host=/tmp/pg.x&port=54321&user=li.ming&password=secret"));
    CHECK(e.hostEdit()->text() == QStringLiteral("/tmp/pg.x"));
    CHECK(e.portEdit()->value() == 54321);
    CHECK(e.databaseEdit()->text() == QStringLiteral("rt_1"));
    CHECK(e.loginEdit()->text() == QStringLiteral("li.ming"));
    CHECK(e.passwordEdit()->text().isEmpty());
    CHECK_FALSE(e.url().contains(QStringLiteral("secret")));

    // The keychain choice is offered only where this build has one.
    CHECK(d.rememberBox()->isVisibleTo(&d) == PasswordStore::available());
    CHECK_FALSE(d.remember());

    // libpq's words for a password wanted or refused.
    CHECK(ConnectDialog::passwordRequired(QStringLiteral("fe_sendauth: no password supplied")));
    CHECK(ConnectDialog::passwordRequired(
        QStringLiteral("FATAL:  password authentication failed for user \"x\"")));
    CHECK_FALSE(
        ConnectDialog::passwordRequired(QStringLiteral("could not connect to server: Connection refused")));
}

TEST_CASE("a keychain that cannot be reached refuses at once and remembers nothing", "[ui][connect]")
{
    // The test environment has no Secret Service on a session bus.
    const QString location = QStringLiteral("postgresql://nobody@keychain.test/rectrack");
    QElapsedTimer t;
    t.start();
    QString error;
    const bool written = PasswordStore::write(location, QStringLiteral("pw"), &error);
    if (!written) {
        CHECK_FALSE(error.isEmpty());
        CHECK(PasswordStore::read(location).isEmpty());
    } else {
        // A developer's desktop with a keychain: what was written reads back, and is removed again.
        CHECK(PasswordStore::read(location) == QStringLiteral("pw"));
        PasswordStore::remove(location);
        CHECK(PasswordStore::read(location).isEmpty());
    }
    CHECK(t.elapsed() < 30000);
}
