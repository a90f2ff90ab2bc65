#include "cluedialog.h"

#include "help/manualbrowser.h"
#include "workflow/oversightservice.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>

namespace rectrack::ui {

using namespace RegisterEditing;

ClueDialog::ClueDialog(const core::Clue &initial, const RegisterChoices &choices, QWidget *parent)
    : QDialog(parent), m_initial(initial)
{
    setObjectName(QStringLiteral("clueDialog"));
    setWindowTitle(initial.id ? tr("Edit clue") : tr("New clue"));
    installContextHelp(this, QStringLiteral("clues")); // F1: the manual's page
    m_summary = new QPlainTextEdit(initial.summary, this);
    m_summary->setObjectName(QStringLiteral("clueSummary"));
    m_summary->setTabChangesFocus(true);
    m_summary->setFixedHeight(m_summary->fontMetrics().height() * 4 + 12);
    m_inspection = new QComboBox(this);
    m_inspection->setObjectName(QStringLiteral("clueInspection"));
    m_inspection->addItem(tr("(none)"), qint64(0));
    for (const core::InspectionChoice &i : choices.inspections)
        m_inspection->addItem(i.label, i.id);
    selectId(m_inspection, initial.inspectionId);
    m_personsCount = new QSpinBox(this);
    m_personsCount->setObjectName(QStringLiteral("cluePersonsCount"));
    m_personsCount->setRange(0, 999);
    m_personsCount->setValue(initial.personsCount);
    m_personsRoles = new QLineEdit(initial.personsRoles, this);
    m_personsRoles->setObjectName(QStringLiteral("cluePersonsRoles"));
    m_personsRoles->setPlaceholderText(tr("Roles only, e.g. 科长2名; never ID numbers"));
    m_receiver = new QComboBox(this);
    m_receiver->setObjectName(QStringLiteral("clueReceiver"));
    m_receiver->setEditable(true);
    m_receiver->addItems(
        {tr("Discipline inspection and supervision commission"), tr("Organisation department")});
    m_receiver->setCurrentText(initial.receiver.isEmpty() ? m_receiver->itemText(0) : initial.receiver);
    m_receiver->setToolTip(tr("纪委监委, 组织部 or another receiver (type its name)"));
    const QDate transfer = initial.transferDate.isValid() ? initial.transferDate : choices.asOf;
    m_transfer = dateEdit(transfer, QStringLiteral("clueTransferDate"), this);
    m_due = dateEdit(initial.dueDate.isValid() ? initial.dueDate : transfer.addMonths(3),
                     QStringLiteral("clueDueDate"), this);
    m_due->setToolTip(tr("Disposal is due 3 months after the transfer unless set otherwise."));
    m_dueTouched = initial.dueDate.isValid() && initial.dueDate != transfer.addMonths(3);
    m_disposed = new QCheckBox(tr("Disposal result reported"), this);
    m_disposed->setObjectName(QStringLiteral("clueDisposed"));
    m_disposed->setChecked(initial.resultDate.isValid());
    m_result = new QLineEdit(initial.result, this);
    m_result->setObjectName(QStringLiteral("clueResult"));
    m_resultDate = dateEdit(initial.resultDate.isValid() ? initial.resultDate : choices.asOf,
                            QStringLiteral("clueResultDate"), this);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("clueMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b3261e"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);

    auto *form = new QFormLayout;
    form->addRow(tr("Clue:"), m_summary);
    form->addRow(tr("Source inspection:"), m_inspection);
    form->addRow(tr("Persons involved:"), m_personsCount);
    form->addRow(tr("Their roles:"), m_personsRoles);
    form->addRow(tr("Receiver:"), m_receiver);
    form->addRow(tr("Transfer date:"), m_transfer);
    form->addRow(tr("Due date:"), m_due);
    form->addRow(QString(), m_disposed);
    form->addRow(tr("Disposal result:"), m_result);
    form->addRow(tr("Result date:"), m_resultDate);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    setMinimumWidth(520);

    connect(m_transfer, &QDateEdit::dateChanged, this, [this](const QDate &d) {
        if (!m_dueTouched) {
            const QSignalBlocker block(m_due);
            m_due->setDate(d.addMonths(3));
        }
        validate();
    });
    connect(m_due, &QDateEdit::dateChanged, this, [this] {
        m_dueTouched = true;
        validate();
    });
    connect(m_disposed, &QCheckBox::toggled, this, [this](bool on) {
        m_result->setEnabled(on);
        m_resultDate->setEnabled(on);
        validate();
    });
    for (QLineEdit *e : {m_personsRoles, m_result})
        connect(e, &QLineEdit::textChanged, this, &ClueDialog::validate);
    connect(m_summary, &QPlainTextEdit::textChanged, this, &ClueDialog::validate);
    connect(m_resultDate, &QDateEdit::dateChanged, this, &ClueDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_result->setEnabled(m_disposed->isChecked());
    m_resultDate->setEnabled(m_disposed->isChecked());
    validate();
}

core::Clue ClueDialog::clue() const
{
    core::Clue c = m_initial;
    c.summary = m_summary->toPlainText().trimmed();
    c.inspectionId = currentId(m_inspection);
    c.personsCount = m_personsCount->value();
    c.personsRoles = m_personsRoles->text().trimmed();
    c.receiver = m_receiver->currentText().trimmed();
    c.transferDate = m_transfer->date();
    c.dueDate = m_due->date();
    if (m_disposed->isChecked()) {
        c.result = m_result->text().trimmed();
        c.resultDate = m_resultDate->date();
        c.disposalState = QStringLiteral("disposed");
    } else {
        c.result.clear();
        c.resultDate = {};
        c.disposalState = QStringLiteral("pending");
    }
    return c;
}

void ClueDialog::validate()
{
    const QString why = core::OversightService::clueProblem(clue());
    m_message->setText(why);
    m_message->setVisible(!why.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
}

} // namespace rectrack::ui
