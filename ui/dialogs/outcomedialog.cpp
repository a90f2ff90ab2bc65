#include "outcomedialog.h"

#include "help/manualbrowser.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace rectrack::ui {

using namespace RegisterEditing;
using Kind = core::OutcomeRow::Kind;

OutcomeDialog::OutcomeDialog(const core::OutcomeRow &initial, bool editing, const RegisterChoices &choices,
                             QWidget *parent)
    : QDialog(parent), m_initial(initial), m_choices(choices)
{
    setObjectName(QStringLiteral("outcomeDialog"));
    setWindowTitle(editing ? tr("Edit outcome") : tr("New outcome"));
    installContextHelp(this, QStringLiteral("clues")); // F1: the manual's page
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("outcomeKind"));
    m_kind->addItem(tr("Rule established"), int(Kind::RuleEstablished));
    m_kind->addItem(tr("Accountability"), int(Kind::Accountability));
    m_kind->addItem(tr("Funds recovered"), int(Kind::FundsRecovered));
    m_kind->setCurrentIndex(m_kind->findData(int(initial.kind)));
    m_kind->setEnabled(!editing);
    m_nameLabel = new QLabel(this);
    m_name = new QLineEdit(initial.name, this);
    m_name->setObjectName(QStringLiteral("outcomeName"));
    m_persons = new QSpinBox(this);
    m_persons->setObjectName(QStringLiteral("outcomePersons"));
    m_persons->setRange(1, 9999);
    m_persons->setValue(initial.kind == Kind::Accountability ? std::max(1, int(initial.amount)) : 1);
    m_yuan = new QDoubleSpinBox(this);
    m_yuan->setObjectName(QStringLiteral("outcomeYuan"));
    m_yuan->setRange(0, 1e12);
    m_yuan->setDecimals(2);
    m_yuan->setGroupSeparatorShown(true);
    m_yuan->setSuffix(tr(" yuan"));
    m_yuan->setValue(initial.kind == Kind::FundsRecovered ? initial.amount : 0);
    m_date =
        dateEdit(initial.date.isValid() ? initial.date : choices.asOf, QStringLiteral("outcomeDate"), this);
    m_problem = new QComboBox(this);
    m_problem->setObjectName(QStringLiteral("outcomeProblem"));
    m_problem->addItem(tr("(none)"), qint64(0));
    for (const core::ProblemChoice &p : choices.problems)
        m_problem->addItem(problemLabel(p), p.id);
    selectId(m_problem, initial.problemId);
    m_unit = new QComboBox(this);
    m_unit->setObjectName(QStringLiteral("outcomeUnit"));
    m_unit->addItem(tr("(none)"), qint64(0));
    for (const core::Unit &u : choices.units)
        m_unit->addItem(u.name, u.id);
    selectId(m_unit, initial.unitId);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);

    auto *form = m_form = new QFormLayout;
    form->addRow(tr("Kind:"), m_kind);
    form->addRow(m_nameLabel, m_name);
    form->addRow(tr("People held accountable:"), m_persons);
    form->addRow(tr("Amount recovered:"), m_yuan);
    form->addRow(tr("Date:"), m_date);
    form->addRow(tr("Linked problem:"), m_problem);
    form->addRow(tr("Unit:"), m_unit);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    setMinimumWidth(560);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &OutcomeDialog::update);
    connect(m_name, &QLineEdit::textChanged, this, &OutcomeDialog::update);
    connect(m_yuan, &QDoubleSpinBox::valueChanged, this, &OutcomeDialog::update);
    // Picking a problem picks its unit.
    connect(m_problem, &QComboBox::currentIndexChanged, this, [this] {
        const qint64 id = currentId(m_problem);
        for (const core::ProblemChoice &p : m_choices.problems) {
            if (p.id == id)
                selectId(m_unit, p.unitId);
        }
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    update();
}

core::OutcomeRow OutcomeDialog::outcome() const
{
    core::OutcomeRow o = m_initial;
    o.kind = Kind(m_kind->currentData().toInt());
    o.name = o.kind == Kind::FundsRecovered ? QString() : m_name->text().trimmed();
    o.amount = o.kind == Kind::Accountability   ? m_persons->value()
               : o.kind == Kind::FundsRecovered ? m_yuan->value()
                                                : 0;
    o.date = m_date->date();
    o.problemId = currentId(m_problem);
    o.unitId = currentId(m_unit);
    return o;
}

void OutcomeDialog::update()
{
    const Kind kind = Kind(m_kind->currentData().toInt());
    m_form->setRowVisible(m_name, kind != Kind::FundsRecovered);
    m_form->setRowVisible(m_persons, kind == Kind::Accountability);
    m_form->setRowVisible(m_yuan, kind == Kind::FundsRecovered);
    m_nameLabel->setText(kind == Kind::Accountability ? tr("Form:") : tr("Rule:"));
    m_name->setPlaceholderText(kind == Kind::Accountability ? tr("e.g. 诫勉谈话, 党纪处分") : QString());
    const core::OutcomeRow o = outcome();
    const bool ok = kind == Kind::FundsRecovered ? o.amount > 0 : !o.name.isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

} // namespace rectrack::ui
