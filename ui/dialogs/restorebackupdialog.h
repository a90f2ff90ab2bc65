#pragma once

#include "storage/backupset.h"

#include <QDialog>

class QDialogButtonBox;
class QTableWidget;

namespace rectrack::ui {

/**
 * File → Restore backup…: the backups of the open register, newest first, with the time taken,
 * size and headline figures (problems, completion rate at the backup's as-of date). The caller
 * restores the chosen one (selectedBackup()) after its own confirmation.
 */
class RestoreBackupDialog : public QDialog
{
    Q_OBJECT
public:
    RestoreBackupDialog(const QString &registerPath, const QString &folder, QWidget *parent = nullptr);

    /// The backup chosen, empty when none.
    QString selectedBackup() const;
    QTableWidget *table() const { return m_table; }

private:
    QList<core::BackupInfo> m_backups;
    QTableWidget *m_table;
    QDialogButtonBox *m_buttons;
};

} // namespace rectrack::ui
