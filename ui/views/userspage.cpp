#include "userspage.h"

#include "storage/postgres/serverlogins.h"
#include "views/mainwindow.h"
#include "workflow/organizationservice.h"

#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rectrack::ui {

UsersPage::UsersPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("usersPage"));
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("Users and rights of this register"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    layout->addWidget(title);
    auto *row = new QHBoxLayout;
    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("usersTable"));
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({tr("Login"), tr("Role"), tr("Units")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    row->addWidget(m_table, 3);

    auto *box = new QGroupBox(tr("Add a login or give it a role"), this);
    auto *form = new QFormLayout(box);
    m_login = new QLineEdit(box);
    m_login->setObjectName(QStringLiteral("userLogin"));
    m_login->setPlaceholderText(tr("e.g. wang.fang"));
    form->addRow(tr("Login:"), m_login);
    m_role = new QComboBox(box);
    m_role->setObjectName(QStringLiteral("userRole"));
    for (const char *kind : {"office", "unit", "leader", "sysadmin", "secadmin", "auditor"})
        m_role->addItem(MainWindow::roleText({QLatin1String(kind)}), QLatin1String(kind));
    form->addRow(tr("Role:"), m_role);
    m_units = new QLineEdit(box);
    m_units->setObjectName(QStringLiteral("userUnits"));
    m_units->setPlaceholderText(tr("unit names, separated by 、"));
    form->addRow(tr("Units (unit login):"), m_units);
    m_password = new QLineEdit(box);
    m_password->setObjectName(QStringLiteral("userPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("empty: keep an existing login's password"));
    form->addRow(tr("Password:"), m_password);
    m_add = new QPushButton(tr("Add"), box);
    m_add->setObjectName(QStringLiteral("addUser"));
    form->addRow(QString(), m_add);
    row->addWidget(box, 2);
    layout->addLayout(row, 1);

    auto *bottom = new QHBoxLayout;
    m_remove = new QPushButton(tr("Remove the selected login…"), this);
    m_remove->setObjectName(QStringLiteral("removeUser"));
    bottom->addWidget(m_remove);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    bottom->addWidget(m_message, 1);
    layout->addLayout(bottom);

    connect(m_role, &QComboBox::currentIndexChanged, this, &UsersPage::updateFields);
    connect(m_login, &QLineEdit::textChanged, this, &UsersPage::updateFields);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &UsersPage::updateFields);
    connect(m_add, &QPushButton::clicked, this, [this] { addLogin(); });
    connect(m_remove, &QPushButton::clicked, this, [this] { removeSelected(); });
    updateFields();
}

void UsersPage::setDatabase(core::Database *db)
{
    m_db = db;
    m_units->clear();
    // The unit names as a completion where the login may read them (the server checks each name).
    QStringList names;
    if (m_db && m_db->mayRead(QStringLiteral("units")))
        for (const core::Unit &u : core::OrganizationService(*m_db).units())
            names << u.name;
    m_units->setCompleter(names.isEmpty() ? nullptr : new QCompleter(names, m_units));
    reload();
}

void UsersPage::reload()
{
    m_table->setRowCount(0);
    if (!m_db)
        return;
    const auto logins = core::ServerLogins::list(*m_db);
    if (!logins) {
        m_message->setText(logins.error().message);
        return;
    }
    m_table->setRowCount(int(logins->size()));
    for (int r = 0; r < logins->size(); ++r) {
        const core::ServerLogin &l = logins->at(r);
        auto *login = new QTableWidgetItem(l.login);
        login->setData(Qt::UserRole, l.login);
        m_table->setItem(r, 0, login);
        m_table->setItem(r, 1, new QTableWidgetItem(MainWindow::roleText({l.role})));
        m_table->setItem(r, 2, new QTableWidgetItem(l.units.join(QStringLiteral("、"))));
    }
    m_table->resizeColumnsToContents();
    updateFields();
}

QString UsersPage::message() const
{
    return m_message->text();
}

void UsersPage::updateFields()
{
    const bool unit = m_role->currentData().toString() == QLatin1String("unit");
    m_units->setEnabled(unit);
    m_add->setEnabled(m_db && !m_login->text().trimmed().isEmpty());
    m_remove->setEnabled(m_db && m_table->currentRow() >= 0);
}

bool UsersPage::addLogin()
{
    if (!m_db)
        return false;
    QStringList units;
    if (m_role->currentData().toString() == QLatin1String("unit"))
        for (const QString &name :
             m_units->text().split(QRegularExpression(QStringLiteral("[、,，;；]")), Qt::SkipEmptyParts))
            units << name.trimmed();
    const QString login = m_login->text().trimmed();
    const std::optional<QString> password =
        m_password->text().isEmpty() ? std::nullopt : std::optional<QString>(m_password->text());
    const core::Status s =
        core::ServerLogins::add(*m_db, login, m_role->currentData().toString(), units, password);
    m_password->clear();
    if (!s) {
        m_message->setText(s.error().message);
        return false;
    }
    m_message->setText(tr("The login %1 now has the role %2.").arg(login, m_role->currentText()));
    m_login->clear();
    m_units->clear();
    reload();
    return true;
}

bool UsersPage::removeSelected(bool confirm)
{
    if (!m_db || m_table->currentRow() < 0)
        return false;
    const QString login = m_table->item(m_table->currentRow(), 0)->data(Qt::UserRole).toString();
    if (confirm &&
        QMessageBox::question(this, tr("Remove login"),
                              tr("Take every role in this register from %1?").arg(login)) != QMessageBox::Yes)
        return false;
    const core::Status s = core::ServerLogins::remove(*m_db, login);
    if (!s) {
        m_message->setText(s.error().message);
        return false;
    }
    m_message->setText(tr("The login %1 was removed from this register.").arg(login));
    reload();
    return true;
}

} // namespace rectrack::ui
