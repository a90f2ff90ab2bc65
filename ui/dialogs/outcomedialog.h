#pragma once

#include "registerchoices.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace rectrack::ui {

/**
 * Editor of one rectification outcome (整改成果): a rule established (建章立制: name, date, linked
 * problem), an accountability decision (问责: form, number of people) or funds recovered (yuan).
 * The kind is fixed when editing. The caller stores outcome() through core::OversightService.
 */
class OutcomeDialog : public QDialog
{
    Q_OBJECT
public:
    OutcomeDialog(const core::OutcomeRow &initial, bool editing, const RegisterChoices &choices,
                  QWidget *parent = nullptr);

    /// The outcome as entered: name is the rule's name or the form, amount the people or the yuan.
    core::OutcomeRow outcome() const;

private:
    void update();

    core::OutcomeRow m_initial;
    RegisterChoices m_choices;
    QComboBox *m_kind;
    QLabel *m_nameLabel;
    QLineEdit *m_name;
    QSpinBox *m_persons;
    QDoubleSpinBox *m_yuan;
    QDateEdit *m_date;
    QComboBox *m_problem;
    QComboBox *m_unit;
    QDialogButtonBox *m_buttons;
    QFormLayout *m_form;
};

} // namespace rectrack::ui
