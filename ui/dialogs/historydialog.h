#pragma once

#include "storage/audithistory.h"

#include <QDialog>

class QTableWidget;

namespace rectrack::ui {

/**
 * History… of one problem: every change from the audit log (core::AuditHistory) in order, one
 * line per changed field: when (local time), who, what (the problem, a measure, a progress entry
 * …), field, old value, new value. Read-only.
 */
class HistoryDialog : public QDialog
{
    Q_OBJECT
public:
    HistoryDialog(core::Database &db, qint64 problemId, QWidget *parent = nullptr);

    /// The table (tests).
    QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table;
};

} // namespace rectrack::ui
