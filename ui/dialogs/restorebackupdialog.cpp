#include "restorebackupdialog.h"

#include "models/filesize.h"

#include "help/manualbrowser.h"
#include "stats/statistics.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rectrack::ui {

RestoreBackupDialog::RestoreBackupDialog(const QString &registerPath, const QString &folder, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Restore backup"));
    installContextHelp(this, QStringLiteral("backup")); // F1: the manual's page
    auto *layout = new QVBoxLayout(this);
    auto *intro =
        new QLabel(tr("Backups of %1 in %2. Restoring replaces the register by the chosen backup; "
                      "the register as it is now is backed up first.")
                       .arg(QDir::toNativeSeparators(registerPath), QDir::toNativeSeparators(folder)),
                   this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    for (const QString &path : core::BackupSet::list(registerPath, folder))
        m_backups << core::BackupSet::describe(path);
    m_table = new QTableWidget(int(m_backups.size()), 5, this);
    m_table->setHorizontalHeaderLabels(
        {tr("Taken"), tr("Problems"), tr("Completion rate"), tr("As of"), tr("Size")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    for (int row = 0; row < m_backups.size(); ++row) {
        const core::BackupInfo &b = m_backups.at(row);
        const bool ok = b.error.isEmpty();
        const QStringList cells{b.taken.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                                ok ? QString::number(b.problems) : tr("cannot be read"),
                                ok ? core::Statistics::formatPercent(b.completionRate) : QString(),
                                ok ? b.asOf.toString(Qt::ISODate) : QString(), fileSizeText(b.size)};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            item->setToolTip(ok ? QDir::toNativeSeparators(b.path) : b.error);
            if (c > 0)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, c, item);
        }
    }
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    layout->addWidget(m_table, 1);
    if (m_backups.isEmpty())
        layout->addWidget(new QLabel(tr("There are no backups of this register yet."), this));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *restore = m_buttons->addButton(tr("Restore…"), QDialogButtonBox::AcceptRole);
    restore->setEnabled(false);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this, restore] { restore->setEnabled(!selectedBackup().isEmpty()); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    if (!m_backups.isEmpty())
        m_table->selectRow(0);
    resize(720, 420);
}

QString RestoreBackupDialog::selectedBackup() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty() || !m_backups.value(rows.first().row()).error.isEmpty())
        return {};
    return m_backups.value(rows.first().row()).path;
}

} // namespace rectrack::ui
