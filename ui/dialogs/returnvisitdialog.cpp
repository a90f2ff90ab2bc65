#include "returnvisitdialog.h"

#include "help/manualbrowser.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>

namespace rectrack::ui {

using namespace RegisterEditing;

ReturnVisitDialog::ReturnVisitDialog(const core::ReturnVisit &initial, const RegisterChoices &choices,
                                     UnfinishedUnits unfinishedUnits, QWidget *parent)
    : QDialog(parent), m_initial(initial), m_choices(choices), m_unfinished(std::move(unfinishedUnits))
{
    setObjectName(QStringLiteral("returnVisitDialog"));
    setWindowTitle(initial.id ? tr("Edit return visit") : tr("New return visit"));
    installContextHelp(this, QStringLiteral("supervision")); // F1: the manual's page
    m_campaign = new QComboBox(this);
    m_campaign->setObjectName(QStringLiteral("visitCampaign"));
    m_campaign->setEditable(true);
    m_campaign->addItems(choices.campaigns);
    if (!initial.campaign.isEmpty())
        m_campaign->setCurrentText(initial.campaign);
    else if (!choices.campaigns.isEmpty())
        m_campaign->setCurrentIndex(choices.campaigns.size() - 1);
    m_unit = new QComboBox(this);
    m_unit->setObjectName(QStringLiteral("visitUnit"));
    m_date =
        dateEdit(initial.date.isValid() ? initial.date : choices.asOf, QStringLiteral("visitDate"), this);
    m_visitors = new QLineEdit(initial.visitors, this);
    m_visitors->setObjectName(QStringLiteral("visitVisitors"));
    m_findings = new QPlainTextEdit(initial.findings, this);
    m_findings->setObjectName(QStringLiteral("visitFindings"));
    m_findings->setTabChangesFocus(true);
    m_findings->setFixedHeight(m_findings->fontMetrics().height() * 4 + 12);
    m_satisfaction = new QComboBox(this);
    m_satisfaction->setObjectName(QStringLiteral("visitSatisfaction"));
    m_satisfaction->setEditable(true);
    m_satisfaction->addItems({QStringLiteral("满意"), QStringLiteral("基本满意"), QStringLiteral("不满意")});
    m_satisfaction->setCurrentText(initial.satisfaction.isEmpty() ? QStringLiteral("满意")
                                                                  : initial.satisfaction);
    m_followUp = new QLineEdit(initial.followUp, this);
    m_followUp->setObjectName(QStringLiteral("visitFollowUp"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);

    auto *form = new QFormLayout;
    form->addRow(tr("Campaign:"), m_campaign);
    form->addRow(tr("Unit:"), m_unit);
    form->addRow(tr("Visit date:"), m_date);
    form->addRow(tr("Visitors:"), m_visitors);
    form->addRow(tr("Findings:"), m_findings);
    form->addRow(tr("Satisfaction:"), m_satisfaction);
    form->addRow(tr("Follow-up:"), m_followUp);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    setMinimumWidth(520);

    connect(m_campaign, &QComboBox::currentTextChanged, this, [this] {
        fillUnits();
        validate();
    });
    connect(m_unit, &QComboBox::currentIndexChanged, this, &ReturnVisitDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    fillUnits();
    selectId(m_unit, initial.unitId);
    validate();
}

void ReturnVisitDialog::fillUnits()
{
    const qint64 keep = currentId(m_unit) ? currentId(m_unit) : m_initial.unitId;
    const QList<qint64> unfinished =
        m_unfinished ? m_unfinished(m_campaign->currentText().trimmed()) : QList<qint64>{};
    const QSignalBlocker block(m_unit);
    m_unit->clear();
    m_unit->addItem(tr("(choose a unit)"), qint64(0));
    for (const core::Unit &u : m_choices.units) {
        // A stored campaign lists its units with unfinished problems (and the visit's own unit).
        if (unfinished.isEmpty() || unfinished.contains(u.id) || u.id == m_initial.unitId)
            m_unit->addItem(u.name, u.id);
    }
    selectId(m_unit, keep);
}

core::ReturnVisit ReturnVisitDialog::visit() const
{
    core::ReturnVisit v = m_initial;
    v.campaign = m_campaign->currentText().trimmed();
    v.unitId = currentId(m_unit);
    v.date = m_date->date();
    v.visitors = m_visitors->text().trimmed();
    v.findings = m_findings->toPlainText().trimmed();
    v.satisfaction = m_satisfaction->currentText().trimmed();
    v.followUp = m_followUp->text().trimmed();
    return v;
}

void ReturnVisitDialog::validate()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(currentId(m_unit) > 0);
}

} // namespace rectrack::ui
