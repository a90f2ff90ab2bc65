#pragma once

#include "registerchoices.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace rectrack::ui {

/**
 * Editor of one referral or report (抄告单, 专题报告, 要情专报): kind, number, date, recipient,
 * subject, the problems it concerns (checked in a filterable list of the register's problems;
 * many-to-many) and the response with its date. OK needs a subject; the caller stores referral()
 * through core::OversightService.
 */
class ReferralDialog : public QDialog
{
    Q_OBJECT
public:
    ReferralDialog(const core::Referral &initial, const RegisterChoices &choices, QWidget *parent = nullptr);

    /// The referral as entered, with the checked problems in ascending id order.
    core::Referral referral() const;

private:
    void validate();
    void filterProblems(const QString &text);

    core::Referral m_initial;
    QComboBox *m_kind;
    QLineEdit *m_number;
    QDateEdit *m_date;
    QLineEdit *m_recipient;
    QLineEdit *m_subject;
    QLineEdit *m_problemFilter;
    QListWidget *m_problems;
    QLabel *m_problemCount;
    QCheckBox *m_responded;
    QLineEdit *m_response;
    QDateEdit *m_responseDate;
    QDialogButtonBox *m_buttons;
};

} // namespace rectrack::ui
