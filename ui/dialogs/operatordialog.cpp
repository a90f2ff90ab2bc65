#include "operatordialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace rectrack::ui {

OperatorDialog::OperatorDialog(const QString &suggestion, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("operatorDialog"));
    setWindowTitle(tr("Operator"));
    auto *text = new QLabel(tr("Every change to the register is recorded in the audit log with the name of "
                               "the person who made it. Please enter your name:"),
                            this);
    text->setWordWrap(true);
    m_name = new QLineEdit(suggestion, this);
    m_name->setObjectName(QStringLiteral("operatorName"));
    m_name->selectAll();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setEnabled(!suggestion.trimmed().isEmpty());
    connect(m_name, &QLineEdit::textChanged, this,
            [this](const QString &t) { m_ok->setEnabled(!t.trimmed().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(m_name);
    layout->addWidget(buttons);
    resize(420, sizeHint().height());
}

QString OperatorDialog::name() const
{
    return m_name->text().trimmed();
}

} // namespace rectrack::ui
