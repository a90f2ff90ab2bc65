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
 *     const Status s = rows.forEach([&](const RowReader &row) { use(row.integer(0), row.text(1)); });
 *     if (!s) return s.error();
 *
 * Errors are those of Database::exec(): a damaged page is CannotOpen ("the file … is damaged"),
 * never the end of the rows.
 */
class RowReader
{
    Q_DECLARE_TR_FUNCTIONS(RowReader)
public:
    RowReader(Database &db, const QString &sql, const QVariantList &binds = {});
    ~RowReader();
    RowReader(const RowReader &) = delete;
    RowReader &operator=(const RowReader &) = delete;

    /// Calls @p fn(const RowReader &) with each row in order (its integer() and text() read the
    /// current row); returns the error of preparing or stepping the statement, if any.
    template <typename Fn> Status forEach(Fn &&fn)
    {
        for (bool more = step(); more; more = step())
            fn(static_cast<const RowReader &>(*this));
        return m_status;
    }
    /// Integer value of @p column in the current row (0 for NULL).
    qint64 integer(int column) const;
    /// Text of @p column in the current row as UTF-8 (empty for NULL); valid until next().
    QByteArrayView text(int column) const;
    /// Ok, or the error of preparing or stepping the statement (see exec()).
    const Status &status() const { return m_status; }

private:
    /// Steps to the next row; false at the end and on an error (then status() holds it).
    bool step();
    Database &m_db;
    QString m_sql;
    sqlite3_stmt *m_stmt = nullptr;
    QSqlQuery m_query;              // fallback without a sqlite3 handle
    mutable QByteArrayList m_texts; // fallback: the current row's texts
    Status m_status = okStatus();
};

} // namespace rectrack::core
