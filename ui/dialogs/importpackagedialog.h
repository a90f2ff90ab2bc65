#pragma once

#include "exchange/exchange.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace rectrack::ui {

/**
 * 文件 → 交换 → 导入交换包… (issue #26, docs/exchange.md): choose a package file; the dialog checks
 * it (archive, signature, hashes: core::exchange::Exchange::checkPackage), shows the sender, the
 * security marking and the sender's key fingerprint (large, to read out on the phone), and a
 * preview from a dry run: per unit the rows that would be new, updated, deleted, unchanged and
 * conflicting, before anything changes. A first package from a site needs the box "fingerprint
 * compared" ticked. 导入 applies it in one transaction (core does it all; the dialog holds no SQL)
 * and keeps what undoes it: MainWindow pushes it as one undoable step (ExchangeImportCommand).
 */
class ImportPackageDialog : public QDialog
{
    Q_OBJECT
public:
    ImportPackageDialog(core::Database &db, QWidget *parent = nullptr);

    /// Checks @p path and fills the preview (as choosing the file does).
    void setPackage(const QString &path);
    /// What the import did; nullopt until 导入 succeeded.
    const std::optional<core::exchange::ImportResult> &result() const { return m_result; }
    /// What takes the applied import back (for the undo stack); empty until 导入 succeeded.
    const core::exchange::ImportUndo &undo() const { return m_undo; }
    /// The package file chosen, and whether 导入 trusted its sender (a first package).
    const QString &packagePath() const { return m_file; }
    bool trusted() const;

    QLineEdit *pathEdit() const { return m_path; }
    QLabel *fingerprintLabel() const { return m_fingerprint; }
    QLabel *markingLabel() const { return m_marking; }
    QLabel *messageLabel() const { return m_message; }
    QCheckBox *trustBox() const { return m_trust; }
    QTableWidget *previewTable() const { return m_preview; }
    QPushButton *importButton() const { return m_import; }

private:
    void browse();
    void updateButton();
    void importNow();
    void showError(const QString &message);

    core::Database &m_db;
    QString m_file;
    bool m_firstPackage = false;
    bool m_applicable = false;
    std::optional<core::exchange::ImportResult> m_result;
    core::exchange::ImportUndo m_undo;
    QLineEdit *m_path;
    QLabel *m_sender;
    QLabel *m_marking;
    QLabel *m_fingerprintCaption;
    QLabel *m_fingerprint;
    QCheckBox *m_trust;
    QTableWidget *m_preview;
    QLabel *m_message;
    QPushButton *m_import;
};

} // namespace rectrack::ui
