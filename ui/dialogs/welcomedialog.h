#pragma once

#include "exchange/signing.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QPushButton;

namespace rectrack::ui {

/**
 * First run: greets the user when there is no register yet, says in two lines what a register is
 * and offers three choices — create a new register (committee/term name and where to save it),
 * open an existing one, connect to a register on the office's server, or open the demo register.
 * The office name (optional) makes the new register a site for exchange packages (issue #25), signing
 * with Ed25519 or, for an office that must use national algorithms, SM2 over SM3 (issue #26). The
 * dialog only returns the choice; the caller creates or opens the file.
 */
class WelcomeDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Choice
    {
        None,
        Create,
        Open,
        Demo,
        Connect ///< connect to a register on the office's server (the caller shows ConnectDialog)
    };

    explicit WelcomeDialog(QWidget *parent = nullptr);

    Choice choice() const { return m_choice; }
    /// The committee/term name for a new register (e.g. 十二届市委).
    QString termName() const;
    /// The inspection office's name for exchange packages (思明区委巡察办), empty when not given.
    QString office() const;
    /// The new site's signature algorithm (Ed25519 unless 国密 SM2/SM3 is chosen); used with an office.
    core::exchange::Algorithm algorithm() const;
    /// The file to create (with .rtreg added when it has no suffix) or the file to open.
    QString path() const;

    QLineEdit *termNameEdit() const { return m_termName; }
    QLineEdit *pathEdit() const { return m_path; }
    QLineEdit *officeEdit() const { return m_office; }
    QComboBox *algorithmBox() const { return m_algorithm; }
    QPushButton *createButton() const { return m_create; }
    QPushButton *demoButton() const { return m_demo; }
    QPushButton *connectButton() const { return m_connect; }

private:
    void updateButtons();
    void finish(Choice choice);

    Choice m_choice = Choice::None;
    QString m_openPath;
    QLineEdit *m_termName;
    QLineEdit *m_path;
    QLineEdit *m_office;
    QComboBox *m_algorithm;
    QPushButton *m_create;
    QPushButton *m_open;
    QPushButton *m_demo;
    QPushButton *m_connect;
};

} // namespace rectrack::ui
