#pragma once

#include <QString>

namespace rectrack::ui {

/**
 * Server passwords the user asked to remember (issue #24), in the system keychain (Secret Service,
 * KWallet; QtKeychain), never in Rectrack's settings or any file of its own. Keyed by the server
 * register's address without a password. Built only when QtKeychain (Debian package
 * qtkeychain-qt6-dev) was found at build time; otherwise available() is false and nothing is
 * remembered: the password is asked each time (or comes from ~/.pgpass, PGPASSWORD).
 */
class PasswordStore
{
public:
    /// Whether this build can use the system keychain.
    static bool available();
    /// The password remembered for @p location (a server URL; its own password is ignored), or an
    /// empty string when there is none, no keychain, or the keychain refused (locked, no service).
    static QString read(const QString &location);
    /// Remembers @p password for @p location; false with the keychain's reason in @p error.
    static bool write(const QString &location, const QString &password, QString *error);
    /// Forgets the password of @p location (a refused password, the user's wish).
    static void remove(const QString &location);
    /// The key of @p location: the URL without a password, as one string whatever its spelling.
    static QString key(const QString &location);
};

} // namespace rectrack::ui
