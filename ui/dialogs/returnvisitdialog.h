#pragma once

#include "registerchoices.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLineEdit;
class QPlainTextEdit;

namespace rectrack::ui {

/**
 * Editor of one return visit (回访) of a supervision campaign: campaign, unit, date, visitors,
 * findings, satisfaction (满意 / 基本满意 / 不满意 or typed) and follow-up. The unit list holds the
 * units with unfinished problems in the chosen campaign's rounds (as @p unfinishedUnits gives
 * them, through core), or every unit when the campaign is not a stored one.
 */
class ReturnVisitDialog : public QDialog
{
    Q_OBJECT
public:
    /// Unit ids with unfinished problems in the campaign named by the argument; empty when unknown.
    using UnfinishedUnits = std::function<QList<qint64>(const QString &campaign)>;

    ReturnVisitDialog(const core::ReturnVisit &initial, const RegisterChoices &choices,
                      UnfinishedUnits unfinishedUnits, QWidget *parent = nullptr);

    core::ReturnVisit visit() const;

private:
    void fillUnits();
    void validate();

    core::ReturnVisit m_initial;
    RegisterChoices m_choices;
    UnfinishedUnits m_unfinished;
    QComboBox *m_campaign;
    QComboBox *m_unit;
    QDateEdit *m_date;
    QLineEdit *m_visitors;
    QPlainTextEdit *m_findings;
    QComboBox *m_satisfaction;
    QLineEdit *m_followUp;
    QDialogButtonBox *m_buttons;
};

} // namespace rectrack::ui
