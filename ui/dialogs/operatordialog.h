#pragma once

#include <QDialog>

class QLineEdit;
class QPushButton;

namespace rectrack::ui {

/**
 * Asks the operator's name once, before the first change to a register: every audit-log entry
 * carries it (core::Database::setActor). The caller keeps it in QSettings (user/operator), where
 * the settings dialog can change it later.
 */
class OperatorDialog : public QDialog
{
    Q_OBJECT
public:
    explicit OperatorDialog(const QString &suggestion, QWidget *parent = nullptr);
    /// The name entered, trimmed.
    QString name() const;

private:
    QLineEdit *m_name;
    QPushButton *m_ok;
};

} // namespace rectrack::ui
