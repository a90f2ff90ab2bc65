#include "rowreader.h"

#include <QSqlDriver>
#include <QSqlError>

#include <sqlite3.h>

namespace rectrack::core {

RowReader::RowReader(Database &db, const QString &sql, const QVariantList &binds)
    : m_db(db), m_sql(sql), m_query(db.sql())
{
    sqlite3 *handle = nullptr;
    const QVariant h = db.sql().driver() ? db.sql().driver()->handle() : QVariant();
    if (h.isValid() && qstrcmp(h.typeName(), "sqlite3*") == 0)
        handle = *static_cast<sqlite3 *const *>(h.constData());
    if (!handle) {
        auto q = db.exec(sql, binds);
        if (q)
            m_query = std::move(*q);
        else
            m_status = q.error();
        return;
    }
    auto fail = [&] {
        m_status =
            db.sqliteError(sqlite3_extended_errcode(handle), QString::fromUtf8(sqlite3_errmsg(handle)), sql);
    };
    if (sqlite3_prepare_v2(handle, sql.toUtf8().constData(), -1, &m_stmt, nullptr) != SQLITE_OK) {
        fail();
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
        return;
    }
    for (int i = 0; i < binds.size(); ++i) {
        const QVariant &b = binds[i];
        int rc = SQLITE_OK;
        if (b.isNull())
            rc = sqlite3_bind_null(m_stmt, i + 1);
        else if (b.typeId() == QMetaType::Int || b.typeId() == QMetaType::LongLong ||
                 b.typeId() == QMetaType::UInt || b.typeId() == QMetaType::Bool)
            rc = sqlite3_bind_int64(m_stmt, i + 1, b.toLongLong());
        else if (b.typeId() == QMetaType::Double)
            rc = sqlite3_bind_double(m_stmt, i + 1, b.toDouble());
        else {
            const QByteArray utf8 = b.toString().toUtf8();
            rc = sqlite3_bind_text(m_stmt, i + 1, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
        }
        if (rc != SQLITE_OK) {
            fail();
            return;
        }
    }
}

RowReader::~RowReader()
{
    sqlite3_finalize(m_stmt);
}

bool RowReader::step()
{
    if (!m_status)
        return false;
    if (!m_stmt) {
        if (!m_query.next()) { // the fallback's loop; the error is looked at here
            if (m_query.lastError().isValid())
                m_status = m_db.queryError(m_query.lastError(), m_sql);
            return false;
        }
        m_texts.clear();
        return true;
    }
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        m_status = m_db.sqliteError(sqlite3_extended_errcode(sqlite3_db_handle(m_stmt)),
                                    QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(m_stmt))), m_sql);
    return false;
}

qint64 RowReader::integer(int column) const
{
    if (m_stmt)
        return sqlite3_column_int64(m_stmt, column);
    return m_query.value(column).toLongLong();
}

QByteArrayView RowReader::text(int column) const
{
    if (m_stmt) {
        const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
        return p ? QByteArrayView(p, sqlite3_column_bytes(m_stmt, column)) : QByteArrayView();
    }
    QByteArrayList &texts = m_texts;
    while (texts.size() <= column)
        texts << QByteArray();
    texts[column] = m_query.value(column).toString().toUtf8();
    return texts[column];
}

} // namespace rectrack::core
