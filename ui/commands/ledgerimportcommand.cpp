#include "ledgerimportcommand.h"

namespace rectrack::ui {

LedgerImportCommand::LedgerImportCommand(std::function<core::Database *()> database,
                                         const QString &registerPath, QList<Item> items,
                                         std::function<void()> changed,
                                         std::function<void(const QString &)> error)
    : m_database(std::move(database)), m_registerPath(registerPath), m_items(std::move(items)),
      m_changed(std::move(changed)), m_error(std::move(error))
{
    QStringList units;
    for (const Item &i : std::as_const(m_items)) {
        QStringList names;
        for (const core::ImportedUnit &u : i.report.units)
            names << u.name;
        if (names.isEmpty())
            names << i.options.unit;
        for (const QString &n : std::as_const(names)) {
            if (!n.isEmpty() && !units.contains(n))
                units << n;
        }
    }
    setText(tr("Import of %n ledger(s) (%1)", "", int(m_items.size())).arg(units.join(QStringLiteral("、"))));
}

core::Database *LedgerImportCommand::checkedDatabase()
{
    core::Database *db = m_database ? m_database() : nullptr;
    if (!db || db->path() != m_registerPath) {
        if (m_error)
            m_error(tr("The register the ledgers were imported into is no longer open."));
        return nullptr;
    }
    return db;
}

void LedgerImportCommand::undo()
{
    if (!m_applied)
        return;
    core::Database *db = checkedDatabase();
    if (!db)
        return;
    core::Transaction tx(*db);
    core::Status s = tx.active() ? core::okStatus() : core::Status(tx.error());
    for (qsizetype i = m_items.size() - 1; s && i >= 0; --i)
        s = core::LedgerUpdateUndo::revert(*db, m_items[i].before, m_items[i].report);
    if (s)
        s = tx.commit();
    if (!s) {
        tx.rollback();
        if (m_error)
            m_error(s.error().message);
    } else {
        m_applied = false;
    }
    if (m_changed)
        m_changed();
}

void LedgerImportCommand::redo()
{
    if (m_applied)
        return; // the first redo: the wizard has imported already
    core::Database *db = checkedDatabase();
    if (!db)
        return;
    core::Transaction tx(*db);
    QString failure = tx.active() ? QString() : tx.error().message;
    QList<Item> again = m_items;
    for (Item &item : again) {
        if (!failure.isEmpty())
            break;
        item.before = core::LedgerUpdateUndo::capture(*db, item.path, item.options);
        item.report = core::LedgerImporter::importFile(*db, item.path, item.options);
        if (!item.report.ok())
            failure = item.report.errors.first().toString();
    }
    if (failure.isEmpty()) {
        if (const core::Status s = tx.commit(); !s)
            failure = s.error().message;
    }
    if (!failure.isEmpty()) {
        tx.rollback();
        if (m_error)
            m_error(failure);
    } else {
        m_items = again;
        m_applied = true;
    }
    if (m_changed)
        m_changed();
}

} // namespace rectrack::ui
