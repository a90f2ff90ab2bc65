#pragma once

#include "registerchoices.h"

#include <QDialog>

#include <functional>

class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace rectrack::ui {

/**
 * Editor of a supervision campaign (专项督办) over a set of rounds, e.g. 前八轮巡察整改进展情况专项督办:
 * name, start and end, the rounds (checked), and — live, through @p unfinishedUnits (core) — the
 * units with unfinished problems in those rounds, which the campaign's return visits go to.
 */
class CampaignDialog : public QDialog
{
    Q_OBJECT
public:
    /// Names of the units with unfinished problems in the given rounds.
    using UnfinishedUnits = std::function<QStringList(const QList<qint64> &roundIds)>;

    CampaignDialog(const core::Campaign &initial, const RegisterChoices &choices,
                   UnfinishedUnits unfinishedUnits, QWidget *parent = nullptr);

    core::Campaign campaign() const;
    /// The units listed as having unfinished problems.
    QStringList listedUnits() const;

private:
    void update();

    core::Campaign m_initial;
    UnfinishedUnits m_unfinished;
    QLineEdit *m_name;
    QDateEdit *m_start;
    QDateEdit *m_end;
    QListWidget *m_rounds;
    QLabel *m_unitsTitle;
    QListWidget *m_units;
    QDialogButtonBox *m_buttons;
};

} // namespace rectrack::ui
