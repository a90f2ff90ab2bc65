#include "referraldialog.h"

#include "help/manualbrowser.h"
#include "workflow/oversightservice.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>

#include <algorithm>

namespace rectrack::ui {

using namespace RegisterEditing;

ReferralDialog::ReferralDialog(const core::Referral &initial, const RegisterChoices &choices, QWidget *parent)
    : QDialog(parent), m_initial(initial)
{
    setObjectName(QStringLiteral("referralDialog"));
    setWindowTitle(initial.id ? tr("Edit referral or report") : tr("New referral or report"));
    installContextHelp(this, QStringLiteral("clues")); // F1: the manual's page
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("referralKind"));
    for (core::ReferralKind k : {core::ReferralKind::ReferralSheet, core::ReferralKind::ThematicReport,
                                 core::ReferralKind::KeySituationReport})
        m_kind->addItem(core::referralKindName(k), int(k));
    m_kind->setCurrentIndex(m_kind->findData(int(initial.kind)));
    m_number = new QLineEdit(initial.number, this);
    m_number->setObjectName(QStringLiteral("referralNumber"));
    m_date = dateEdit(initial.issuedOn.isValid() ? initial.issuedOn : choices.asOf,
                      QStringLiteral("referralDate"), this);
    m_recipient = new QLineEdit(initial.recipient, this);
    m_recipient->setObjectName(QStringLiteral("referralRecipient"));
    m_subject = new QLineEdit(initial.subject, this);
    m_subject->setObjectName(QStringLiteral("referralSubject"));
    m_problemFilter = new QLineEdit(this);
    m_problemFilter->setObjectName(QStringLiteral("referralProblemFilter"));
    m_problemFilter->setPlaceholderText(tr("Filter problems by number, unit or text"));
    m_problemFilter->setClearButtonEnabled(true);
    m_problems = new QListWidget(this);
    m_problems->setObjectName(QStringLiteral("referralProblems"));
    m_problems->setMinimumHeight(m_problems->fontMetrics().height() * 9);
    for (const core::ProblemChoice &p : choices.problems) {
        auto *item = new QListWidgetItem(problemLabel(p), m_problems);
        item->setData(Qt::UserRole, p.id);
        item->setToolTip(p.description);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(initial.problemIds.contains(p.id) ? Qt::Checked : Qt::Unchecked);
    }
    m_problemCount = new QLabel(this);
    m_problemCount->setObjectName(QStringLiteral("referralProblemCount"));
    m_responded = new QCheckBox(tr("Response received"), this);
    m_responded->setObjectName(QStringLiteral("referralResponded"));
    m_responded->setChecked(!initial.response.isEmpty() || initial.responseDate.isValid());
    m_response = new QLineEdit(initial.response, this);
    m_response->setObjectName(QStringLiteral("referralResponse"));
    m_responseDate = dateEdit(initial.responseDate.isValid() ? initial.responseDate : choices.asOf,
                              QStringLiteral("referralResponseDate"), this);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);

    auto *form = new QFormLayout;
    form->addRow(tr("Kind:"), m_kind);
    form->addRow(tr("Number:"), m_number);
    form->addRow(tr("Date:"), m_date);
    form->addRow(tr("Recipient:"), m_recipient);
    form->addRow(tr("Subject:"), m_subject);
    form->addRow(tr("Problems concerned:"), m_problemFilter);
    form->addRow(QString(), m_problems);
    form->addRow(QString(), m_problemCount);
    form->addRow(QString(), m_responded);
    form->addRow(tr("Response:"), m_response);
    form->addRow(tr("Response date:"), m_responseDate);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    setMinimumWidth(600);

    connect(m_subject, &QLineEdit::textChanged, this, &ReferralDialog::validate);
    connect(m_problems, &QListWidget::itemChanged, this, &ReferralDialog::validate);
    connect(m_problemFilter, &QLineEdit::textChanged, this, &ReferralDialog::filterProblems);
    connect(m_responded, &QCheckBox::toggled, this, [this](bool on) {
        m_response->setEnabled(on);
        m_responseDate->setEnabled(on);
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_response->setEnabled(m_responded->isChecked());
    m_responseDate->setEnabled(m_responded->isChecked());
    validate();
}

core::Referral ReferralDialog::referral() const
{
    core::Referral r = m_initial;
    r.kind = core::ReferralKind(m_kind->currentData().toInt());
    r.number = m_number->text().trimmed();
    r.issuedOn = m_date->date();
    r.recipient = m_recipient->text().trimmed();
    r.subject = m_subject->text().trimmed();
    r.problemIds.clear();
    for (int i = 0; i < m_problems->count(); ++i) {
        if (m_problems->item(i)->checkState() == Qt::Checked)
            r.problemIds << m_problems->item(i)->data(Qt::UserRole).toLongLong();
    }
    std::sort(r.problemIds.begin(), r.problemIds.end());
    if (m_responded->isChecked()) {
        r.response = m_response->text().trimmed();
        r.responseDate = m_responseDate->date();
    } else {
        r.response.clear();
        r.responseDate = {};
    }
    return r;
}

void ReferralDialog::filterProblems(const QString &text)
{
    const QString t = text.trimmed();
    for (int i = 0; i < m_problems->count(); ++i) {
        QListWidgetItem *item = m_problems->item(i);
        item->setHidden(!t.isEmpty() && !item->text().contains(t, Qt::CaseInsensitive) &&
                        !item->toolTip().contains(t, Qt::CaseInsensitive));
    }
}

void ReferralDialog::validate()
{
    int checked = 0;
    for (int i = 0; i < m_problems->count(); ++i)
        checked += m_problems->item(i)->checkState() == Qt::Checked ? 1 : 0;
    m_problemCount->setText(tr("%n problem(s) concerned", nullptr, checked));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_subject->text().trimmed().isEmpty());
}

} // namespace rectrack::ui
