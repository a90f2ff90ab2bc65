#pragma once

#include "exchange/conflicts.h"
#include "exchange/unitduplicates.h"

#include <QDialog>

#include <functional>

class QLabel;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QUndoStack;

namespace rectrack::ui {

/**
 * The 交换 page (文件 → 交换 → 交换情况和冲突…, issue #26): this site with its key fingerprint; the
 * partners with their fingerprints, the last package sent to and received from each and what each
 * has not acknowledged; every package sent and received; and 冲突待处理, the conflict queue with the
 * record, field, both values, the other site and the time, where a person keeps this register's
 * value, accepts the partner's or edits it (core::exchange::Conflicts::resolve: audited, sent back
 * with the next package); and 疑似重复单位, the possible duplicate units (a partner's unit with the name
 * of a unit here, core::exchange::UnitDuplicates), which a person merges (after a confirmation) or
 * keeps apart, each decision one step of the window's undo stack (UnitDuplicateCommand). Reads and
 * decides through core only.
 */
class ExchangeDialog : public QDialog
{
    Q_OBJECT
public:
    enum Tab
    {
        PartnersTab,
        PackagesTab,
        ConflictsTab,
        DuplicatesTab
    };

    ExchangeDialog(core::Database &db, QWidget *parent = nullptr);
    /// Disconnects the tables first: their selection, cleared while the pages are deleted, would
    /// otherwise update buttons already gone.
    ~ExchangeDialog() override;

    /// Reads everything again.
    void reload();
    /// Decides the conflict of the selected row (the first row of the conflict when it spans
    /// several fields); shows core's message and returns false when refused.
    bool decideSelected(core::exchange::Conflicts::Decision decision, const QString &field = {},
                        const QString &value = {});

    /**
     * Decides the possible duplicate unit of the selected row; merging asks for a confirmation
     * first (confirm(), a dialog unless replaced by setConfirm). With an undo stack (setUndoStack)
     * the decision is pushed as one undoable step. Shows core's message and returns false when
     * refused or not confirmed.
     */
    bool decideDuplicate(core::exchange::UnitDuplicates::Decision decision);
    /// The undo stack decisions on possible duplicates go to, and how its commands reach the open
    /// register (nullptr: none) and report a change or a failure.
    void setUndoStack(QUndoStack *stack, std::function<core::Database *()> database,
                      std::function<void()> changed);
    /// Replaces the merge confirmation (tests): returns true to go on.
    void setConfirm(std::function<bool(const QString &)> confirm) { m_confirm = std::move(confirm); }

    QTabWidget *tabs() const { return m_tabs; }
    QTableWidget *duplicatesTable() const { return m_duplicates; }
    QLabel *duplicateCountLabel() const { return m_duplicateCount; }
    QPushButton *mergeButton() const { return m_merge; }
    QPushButton *keepApartButton() const { return m_keepApart; }
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
    void fillDuplicates();
    qint64 selectedDuplicate() const;
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
    QTableWidget *m_duplicates;
    QLabel *m_duplicateCount;
    QPushButton *m_merge;
    QPushButton *m_keepApart;
    QList<core::exchange::UnitDuplicate> m_duplicateList;
    QUndoStack *m_undoStack = nullptr;
    std::function<core::Database *()> m_database;
    std::function<void()> m_changed;
    std::function<bool(const QString &)> m_confirm;
};

} // namespace rectrack::ui
