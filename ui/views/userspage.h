#pragma once

#include "storage/database.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace rectrack::ui {

/**
 * 管理 → 用户和权限… (issue #24): the security administrator's page. Lists the register's logins with
 * their role and units (core::ServerLogins::list), adds a login or gives an existing one a role
 * (login, role, the units of a unit login, a password turned into a SCRAM verifier on this machine),
 * and removes one — what `rectrack-cli server user add|list|remove` does; the server checks that the
 * caller is the security administrator. Shown in place of the ledgers for a security administrator's
 * login, and in a dialog from the 管理 menu.
 */
class UsersPage : public QWidget
{
    Q_OBJECT
public:
    explicit UsersPage(QWidget *parent = nullptr);

    /// Lists the logins of @p db (nullptr: empty).
    void setDatabase(core::Database *db);
    /// Reads the list again.
    void reload();

    QTableWidget *table() const { return m_table; }
    QLineEdit *loginEdit() const { return m_login; }
    QComboBox *roleCombo() const { return m_role; }
    /// The units of a unit login, separated by 、 or commas.
    QLineEdit *unitsEdit() const { return m_units; }
    QLineEdit *passwordEdit() const { return m_password; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }
    /// The last message (a refusal or what was done).
    QString message() const;

    /// Adds (or gives a role to) the login in the fields; false with the message shown on refusal.
    bool addLogin();
    /// Removes the selected login after asking when @p confirm; false on refusal or cancel.
    bool removeSelected(bool confirm = true);

private:
    void updateFields();

    core::Database *m_db = nullptr;
    QTableWidget *m_table;
    QLineEdit *m_login;
    QComboBox *m_role;
    QLineEdit *m_units;
    QLineEdit *m_password;
    QPushButton *m_add;
    QPushButton *m_remove;
    QLabel *m_message;
};

} // namespace rectrack::ui
