#pragma once

#include "exchange/conflicts.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace rectrack::ui {

/**
 * The 交换 page (文件 → 交换 → 交换情况和冲突…, issue #26): this site with its key fingerprint; the
 * partners with their fingerprints, the last package sent to and received from each and what each
 * has not acknowledged; every package sent and received; and 冲突待处理, the conflict queue with the
 * record, field, both values, the other site and the time, where a person keeps this register's
 * value, accepts the partner's or edits it (core::exchange::Conflicts::resolve: audited, sent back
 * with the next package). Reads and decides through core only.
 */
class ExchangeDialog : public QDialog
{
    Q_OBJECT
public:
    enum Tab
    {
        PartnersTab,
        PackagesTab,
        ConflictsTab
    };

    ExchangeDialog(core::Database &db, QWidget *parent = nullptr);

    /// Reads everything again.
    void reload();
    /// Decides the conflict of the selected row (the first row of the conflict when it spans
    /// several fields); shows core's message and returns false when refused.
    bool decideSelected(core::exchange::Conflicts::Decision decision, const QString &field = {},
                        const QString &value = {});

    QTabWidget *tabs() const { return m_tabs; }
    QTableWidget *partnersTable() const { return m_partners; }
    QTableWidget *packagesTable() const { return m_packages; }
    QTableWidget *conflictsTable() const { return m_conflicts; }
    QLabel *conflictCountLabel() const { return m_count; }
    QLabel *messageLabel() const { return m_message; }
    QPushButton *keepButton() const { return m_keep; }
    QPushButton *acceptButton() const { return m_accept; }
    QPushButton *editButton() const { return m_edit; }

Q_SIGNALS:
    /// A decision changed the register (accept or edit changed a row).
    void registerChanged();

private:
    void fillConflicts();
    void editSelected();
    void updateButtons();
    qint64 selectedConflict() const;

    core::Database &m_db;
    QList<core::exchange::Conflict> m_open;
    QLabel *m_site;
    QTabWidget *m_tabs;
    QTableWidget *m_partners;
    QTableWidget *m_packages;
    QTableWidget *m_conflicts;
    QLabel *m_count;
    QLabel *m_message;
    QPushButton *m_keep;
    QPushButton *m_accept;
    QPushButton *m_edit;
};

} // namespace rectrack::ui
