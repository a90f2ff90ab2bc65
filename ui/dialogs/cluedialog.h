#pragma once

#include "registerchoices.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace rectrack::ui {

/**
 * Editor of one transferred clue (线索台账): the clue, its source inspection, the persons
 * involved (count and roles — never ID numbers), the receiver (纪委监委, 组织部 or another), the
 * transfer and due dates (due 3 months after transfer unless changed), the disposal result and
 * its date. OK is enabled while core::OversightService::clueProblem accepts the input; the caller
 * stores clue() through core.
 */
class ClueDialog : public QDialog
{
    Q_OBJECT
public:
    ClueDialog(const core::Clue &initial, const RegisterChoices &choices, QWidget *parent = nullptr);

    /// The clue as entered (id kept from the initial clue).
    core::Clue clue() const;

private:
    void validate();

    core::Clue m_initial;
    bool m_dueTouched = false;
    QPlainTextEdit *m_summary;
    QComboBox *m_inspection;
    QSpinBox *m_personsCount;
    QLineEdit *m_personsRoles;
    QComboBox *m_receiver;
    QDateEdit *m_transfer;
    QDateEdit *m_due;
    QCheckBox *m_disposed;
    QLineEdit *m_result;
    QDateEdit *m_resultDate;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
};

} // namespace rectrack::ui
