#pragma once

#include "database.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QVariantList>

struct sqlite3_stmt;

namespace rectrack::core {

/**
 * Reads the rows of one SELECT without a QVariant per value, for scans of hundreds of thousands
 * of rows where QSqlQuery::value() costs more than SQLite itself (the report's cumulative series
 * at 100,000 problems: docs/benchmarks.md, round 3). On SQLite the statement runs on the
 * connection's own sqlite3 handle (as BulkInserter's inserts do); on another driver it falls back
 * to a forward-only QSqlQuery. Binds: strings, integers, doubles and null QVariants.
 *
 *     RowReader rows(db, "SELECT id, changed_on FROM problem_states WHERE problem_id = ?", {42});
 *     while (rows.next()) use(rows.integer(0), rows.text(1));
 *     if (!rows.status()) return rows.status().error();
 */
class RowReader
{
    Q_DECLARE_TR_FUNCTIONS(RowReader)
public:
    RowReader(Database &db, const QString &sql, const QVariantList &binds = {});
    ~RowReader();
    RowReader(const RowReader &) = delete;
    RowReader &operator=(const RowReader &) = delete;

    /// Steps to the next row; false at the end and on an error (then status() holds it).
    bool next();
    /// Integer value of @p column in the current row (0 for NULL).
    qint64 integer(int column) const;
    /// Text of @p column in the current row as UTF-8 (empty for NULL); valid until next().
    QByteArrayView text(int column) const;
    /// Ok, or the error of preparing or stepping the statement (Internal).
    const Status &status() const { return m_status; }

private:
    sqlite3_stmt *m_stmt = nullptr;
    QSqlQuery m_query;              // fallback without a sqlite3 handle
    mutable QByteArrayList m_texts; // fallback: the current row's texts
    Status m_status = okStatus();
};

} // namespace rectrack::core
