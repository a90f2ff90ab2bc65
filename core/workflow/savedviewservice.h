#pragma once

#include "domain/result.h"
#include "storage/database.h"
#include "storage/ledgerquery.h"

#include <QCoreApplication>
#include <QList>

namespace rectrack::core {

/// A named filter of the ledger views (saved_views table).
struct SavedView
{
    qint64 id = 0;
    QString name;
    LedgerFilter filter;
};

/// Saved views of the ledgers, shown in the navigation tree. Writes are audited transactions.
class SavedViewService
{
    Q_DECLARE_TR_FUNCTIONS(SavedViewService)
public:
    explicit SavedViewService(Database &db) : m_db(db) {}

    /// Every saved view, by name.
    QList<SavedView> views();
    /// Saves @p filter under @p name, replacing a view of that name. Returns its id.
    /// Errors: InputRefused for an empty name.
    Result<qint64> save(const QString &name, const LedgerFilter &filter);
    /// Deletes a saved view.
    Status remove(qint64 id);

private:
    Database &m_db;
};

} // namespace rectrack::core
