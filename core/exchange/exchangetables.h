#pragma once

/**
 * The tables an exchange package carries (issue #25), parents before children, with the foreign
 * keys a package writes as UUIDs, and the canonical form of one row: every column but the local
 * integer key, the uuid (the row's key in the package), the evidence bytes (sent as a file of their
 * own) and the links to registers that do not travel (pattern_id); foreign keys as the referenced
 * row's UUID. Internal to core/exchange.
 */

#include "storage/database.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QStringList>

#include <optional>

namespace rectrack::core::exchange {

struct TableSpec
{
    QString name;
    QString group; ///< empty: always sent; else the --include name of an optional register
    QList<QPair<QString, QString>> foreignKeys; ///< column, referenced table
    QString uniqueName; ///< a UNIQUE name column (units.name …): a row of another UUID with that name is a
                        ///< conflict
};

/// Every exchanged table, parents first.
const QList<TableSpec> &tableSpecs();
/// The spec of @p table; nullptr when it is not exchanged.
const TableSpec *specOf(const QString &table);
/// The tables sent for the optional registers @p include (the always-sent ones first), in order.
QList<TableSpec> tablesFor(const QStringList &include);
/// Tables and columns that refer to rows of @p table (a deleted row that is still referred to is
/// kept: deleting it would take rows with it that nobody sent a tombstone for).
QList<QPair<QString, QString>> referencesTo(const QString &table);
/// The UUIDs of the standard categories (shared by every register, never sent).
const QSet<QString> &standardCategoryUuids();

/// A package value as a value to bind: whole numbers as integers, other numbers as reals, null as
/// a null QVariant, booleans as 0/1, text as text.
QVariant bindOf(const QJsonValue &v);

/// Reads rows in their canonical form, caching the UUIDs of referenced rows.
class RowReader
{
public:
    explicit RowReader(Database &db) : m_db(db) {}
    /// The canonical values of row @p uuid of @p table; nullopt when there is no such row.
    Result<std::optional<QJsonObject>> values(const QString &table, const QString &uuid);
    /// The UUID of row @p id of @p table (empty when there is none).
    Result<QString> uuidOf(const QString &table, qint64 id);

private:
    Database &m_db;
    QHash<QString, QHash<qint64, QString>> m_uuids;
};

} // namespace rectrack::core::exchange
