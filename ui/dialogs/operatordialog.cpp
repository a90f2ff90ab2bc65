#include "operatordialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace rectrack::ui {

OperatorDialog::OperatorDialog(const QString &suggestion, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("operatorDialog"));
    setWindowTitle(tr("Operator"));
    auto *text = new QLabel(tr("Every change to the register is recorded in the audit log with the name of "
                               "the person who made it. Please enter your name:"),
                            this);
    text->setWordWrap(true);
    // Wide enough for each line of the prompt (the Chinese one puts the question on a line of its
    // own), so that it never breaks inside a word such as 姓名; English wraps at spaces.
    int widest = 0;
    for (const QString &line : text->text().split(QLatin1Char('\n')))
        widest = std::max(widest, text->fontMetrics().horizontalAdvance(line) + 8);
    text->setMinimumWidth(std::min(widest, 640));
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
    resize(std::max(420, sizeHint().width()), sizeHint().height());
}

QString OperatorDialog::name() const
{
    return m_name->text().trimmed();
}

} // namespace rectrack::ui
