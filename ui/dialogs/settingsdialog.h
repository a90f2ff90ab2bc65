#pragma once

#include "workflow/registersettings.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QVBoxLayout;

namespace rectrack::ui {

/**
 * The settings dialog. Register settings (warning thresholds and colours, registration-number
 * pattern, default and per-round deadlines) live in the register; the operator name and the
 * language are the user's (QSettings). The dialog never writes: the caller reads values() after
 * exec() and hands them to core::SettingsService and QSettings. OK is enabled only while
 * core::SettingsService::validate accepts the input; its message is shown otherwise.
 */
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    /// What the dialog edits.
    struct Values
    {
        core::RegisterSettings reg;
        QString operatorName;
        QString language;               ///< zh_CN or en
        int backupIntervalMinutes = 30; ///< automatic backups while the register changes; 0 = off
        int backupKeep = 10;            ///< backups kept per register
    };

    explicit SettingsDialog(const Values &initial, QWidget *parent = nullptr);

    /// The values as entered.
    Values values() const;

    /// Shows @p editor (the category editor, which applies its changes at once) in a 问题类别
    /// group of the dialog; the dialog takes ownership.
    void addCategoryEditor(QWidget *editor);

private:
    void validate();
    QPushButton *colourButton(const QString &colour);
    static void setButtonColour(QPushButton *button, const QString &colour);

    core::RegisterSettings m_initial;
    QSpinBox *m_green;
    QSpinBox *m_yellow;
    QPushButton *m_redColour;
    QPushButton *m_yellowColour;
    QPushButton *m_greenColour;
    QLineEdit *m_pattern;
    QSpinBox *m_plan;
    QSpinBox *m_concentrated;
    QTableWidget *m_rounds;
    QLineEdit *m_operator;
    QComboBox *m_language;
    QSpinBox *m_backupInterval;
    QSpinBox *m_backupKeep;
    QVBoxLayout *m_right;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
};

} // namespace rectrack::ui
