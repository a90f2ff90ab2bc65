#pragma once

#include "exchange/exchange.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace rectrack::ui {

/**
 * 文件 → 交换 → 生成交换包… (issue #26, docs/exchange.md): the partner (a known site, or an office
 * name typed for a first package), the optional registers to include, with or without evidence
 * files, a security marking (密级/知悉范围, e.g. 内部资料) and the folder. 生成 writes the package
 * through core::exchange::Exchange::exportPackage and shows its file name and SHA-256 for the
 * transfer log.
 */
class ExportPackageDialog : public QDialog
{
    Q_OBJECT
public:
    ExportPackageDialog(core::Database &db, QWidget *parent = nullptr);

    /// The options as the dialog shows them.
    core::exchange::ExportOptions options() const;
    /// The package written; nullopt until 生成 succeeded.
    const std::optional<core::exchange::ExportResult> &result() const { return m_result; }

    QComboBox *partnerBox() const { return m_partner; }
    QCheckBox *evidenceBox() const { return m_evidence; }
    /// The box of optional register @p name (clues, referrals, rules, accountability, evaluations).
    QCheckBox *includeBox(const QString &name) const;
    QComboBox *markingBox() const { return m_marking; }
    QLineEdit *folderEdit() const { return m_folder; }
    QPushButton *exportButton() const { return m_export; }
    QLabel *messageLabel() const { return m_message; }

private:
    void exportNow();
    void updateButton();

    core::Database &m_db;
    std::optional<core::exchange::ExportResult> m_result;
    QComboBox *m_partner;
    QCheckBox *m_evidence;
    QList<QCheckBox *> m_include;
    QComboBox *m_marking;
    QLineEdit *m_folder;
    QLabel *m_message;
    QPushButton *m_export;
};

} // namespace rectrack::ui
