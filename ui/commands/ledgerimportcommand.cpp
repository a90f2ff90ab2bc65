#include "ledgerimportcommand.h"

namespace rectrack::ui {

LedgerImportCommand::LedgerImportCommand(std::function<core::Database *()> database,
                                         const QString &registerPath, QList<Item> items,
                                         std::function<void()> changed,
                                         std::function<void(const QString &)> error)
    : ImportCommand(std::move(database), registerPath, std::move(changed), std::move(error)),
      m_items(std::move(items))
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

QString LedgerImportCommand::closedMessage() const
{
    return tr("The register the ledgers were imported into is no longer open.");
}

core::Status LedgerImportCommand::takeBack(core::Database &db)
{
    core::Transaction tx(db);
    core::Status s = tx.active() ? core::okStatus() : core::Status(tx.error());
    for (qsizetype i = m_items.size() - 1; s && i >= 0; --i)
        s = core::LedgerUpdateUndo::revert(db, m_items[i].before, m_items[i].report);
    if (s)
        s = tx.commit();
    if (!s)
        tx.rollback();
    return s;
}

core::Status LedgerImportCommand::applyAgain(core::Database &db)
{
    core::Transaction tx(db);
    if (!tx.active())
        return tx.error();
    QList<Item> again = m_items;
    for (Item &item : again) {
        item.before = core::LedgerUpdateUndo::capture(db, item.path, item.options);
        item.report = core::LedgerImporter::importFile(db, item.path, item.options);
        if (!item.report.ok()) {
            tx.rollback();
            return core::Error{core::ErrorCode::InputRefused, item.report.errors.first().toString()};
        }
    }
    if (const core::Status s = tx.commit(); !s) {
        tx.rollback();
        return s;
    }
    m_items = again;
    return core::okStatus();
}

} // namespace rectrack::ui
