#include "campaigndialog.h"

#include "help/manualbrowser.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>

namespace rectrack::ui {

using namespace RegisterEditing;

CampaignDialog::CampaignDialog(const core::Campaign &initial, const RegisterChoices &choices,
                               UnfinishedUnits unfinishedUnits, QWidget *parent)
    : QDialog(parent), m_initial(initial), m_unfinished(std::move(unfinishedUnits))
{
    setObjectName(QStringLiteral("campaignDialog"));
    setWindowTitle(initial.id ? tr("Edit supervision campaign") : tr("New supervision campaign"));
    installContextHelp(this, QStringLiteral("supervision")); // F1: the manual's page
    m_name = new QLineEdit(initial.name, this);
    m_name->setObjectName(QStringLiteral("campaignName"));
    m_name->setPlaceholderText(QStringLiteral("前八轮巡察整改进展情况专项督办"));
    m_start = dateEdit(initial.start.isValid() ? initial.start : choices.asOf,
                       QStringLiteral("campaignStart"), this);
    m_end = dateEdit(initial.end.isValid() ? initial.end : choices.asOf.addMonths(2),
                     QStringLiteral("campaignEnd"), this);
    m_rounds = new QListWidget(this);
    m_rounds->setObjectName(QStringLiteral("campaignRounds"));
    for (const core::Round &r : choices.rounds) {
        auto *item = new QListWidgetItem(r.label, m_rounds);
        item->setData(Qt::UserRole, r.id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(initial.roundIds.contains(r.id) ? Qt::Checked : Qt::Unchecked);
    }
    m_unitsTitle = new QLabel(this);
    m_unitsTitle->setObjectName(QStringLiteral("campaignUnitsTitle"));
    m_units = new QListWidget(this);
    m_units->setObjectName(QStringLiteral("campaignUnits"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);

    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Start:"), m_start);
    form->addRow(tr("End:"), m_end);
    auto *lists = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    left->addWidget(new QLabel(tr("Rounds covered:"), this));
    left->addWidget(m_rounds);
    auto *right = new QVBoxLayout;
    right->addWidget(m_unitsTitle);
    right->addWidget(m_units);
    lists->addLayout(left, 1);
    lists->addLayout(right, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(lists, 1);
    layout->addWidget(m_buttons);
    resize(680, 480);

    connect(m_name, &QLineEdit::textChanged, this, &CampaignDialog::update);
    connect(m_rounds, &QListWidget::itemChanged, this, &CampaignDialog::update);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    update();
}

core::Campaign CampaignDialog::campaign() const
{
    core::Campaign c = m_initial;
    c.name = m_name->text().trimmed();
    c.start = m_start->date();
    c.end = m_end->date();
    c.roundIds.clear();
    for (int i = 0; i < m_rounds->count(); ++i) {
        if (m_rounds->item(i)->checkState() == Qt::Checked)
            c.roundIds << m_rounds->item(i)->data(Qt::UserRole).toLongLong();
    }
    return c;
}

QStringList CampaignDialog::listedUnits() const
{
    QStringList out;
    for (int i = 0; i < m_units->count(); ++i)
        out << m_units->item(i)->text();
    return out;
}

void CampaignDialog::update()
{
    const core::Campaign c = campaign();
    const QStringList units = m_unfinished ? m_unfinished(c.roundIds) : QStringList{};
    m_units->clear();
    m_units->addItems(units);
    m_unitsTitle->setText(tr("Units with open problems: %n", nullptr, int(units.size())));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!c.name.isEmpty() && !c.roundIds.isEmpty());
}

} // namespace rectrack::ui
