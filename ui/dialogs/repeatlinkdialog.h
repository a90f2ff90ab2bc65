#pragma once

#include "registerchoices.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;

namespace rectrack::ui {

/**
 * Links a problem of the register's own level (RegisterChoices::ownSource: 市委巡察 in a city
 * register, 区县委巡察 in a district one) to the problem of a higher level it repeats (集成整改).
 * Statistics still count each problem once, in its own source level.
 */
class RepeatLinkDialog : public QDialog
{
    Q_OBJECT
public:
    /// @p problemId / @p repeatedId preselect a link being edited (0 = none).
    RepeatLinkDialog(qint64 problemId, qint64 repeatedId, const RegisterChoices &choices,
                     QWidget *parent = nullptr);

    qint64 problemId() const;
    qint64 repeatedId() const;

private:
    QComboBox *m_problem;
    QComboBox *m_repeated;
    QDialogButtonBox *m_buttons;
};

/// Picks a unit to put on the term's must-cover list (units already on it are not offered).
class MustCoverDialog : public QDialog
{
    Q_OBJECT
public:
    MustCoverDialog(const QString &term, const QList<core::Unit> &offered, QWidget *parent = nullptr);

    qint64 unitId() const;

private:
    QComboBox *m_unit;
    QDialogButtonBox *m_buttons;
};

} // namespace rectrack::ui
