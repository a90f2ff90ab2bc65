#pragma once

#include "storage/database.h"

#include <QWidget>

class QLineEdit;
class QTabWidget;
class QTableWidget;

namespace rectrack::ui {

/**
 * The security auditor's page (安全审计员, issue #24): the register's audit log (time, login, action,
 * table, row) and the login history (time, login, address, program), newest first, the 2,000 newest
 * rows of each, filtered by a login or table name typed above them, and exported as CSV. Shown in
 * place of the ledgers for a login that reads the audit log but not the problems.
 */
class AuditLogView : public QWidget
{
    Q_OBJECT
public:
    explicit AuditLogView(QWidget *parent = nullptr);

    /// Reads the log of @p db (nullptr: empty).
    void setDatabase(core::Database *db);
    /// Reads both lists again (a live update).
    void reload();
    QTableWidget *auditTable() const { return m_audit; }
    QTableWidget *loginTable() const { return m_logins; }
    QLineEdit *filterEdit() const { return m_filter; }
    /// Writes the list shown to @p path as UTF-8 CSV with a BOM (opens in Excel and WPS); false
    /// with @p error on a write error.
    bool exportCsv(const QString &path, QString *error) const;

private:
    void applyFilter();

    core::Database *m_db = nullptr;
    QLineEdit *m_filter;
    QTabWidget *m_tabs;
    QTableWidget *m_audit;
    QTableWidget *m_logins;
};

} // namespace rectrack::ui
