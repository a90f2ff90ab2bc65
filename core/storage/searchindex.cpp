#include "searchindex.h"

#include "schema.h"

#include <QRegularExpression>

namespace rectrack::core {

namespace {

QStringList triggerStatements()
{
    QStringList out;
    for (const QString &s : schema::createStatements()) {
        if (s.startsWith(QLatin1String("CREATE TRIGGER")) && s.contains(QLatin1String("_fts")))
            out << s;
    }
    return out;
}

QString triggerName(const QString &statement)
{
    static const QRegularExpression name(QStringLiteral("^CREATE TRIGGER (\\w+)"));
    return name.match(statement).captured(1);
}

QStringList insertTriggerStatements()
{
    QStringList out;
    for (const QString &s : triggerStatements()) {
        if (triggerName(s).endsWith(QLatin1String("_ai")))
            out << s;
    }
    return out;
}

} // namespace

SearchIndexSuspension::SearchIndexSuspension(Database &db) : m_db(db)
{
    if (db.transactionDepth() == 0) {
        m_error =
            Error{ErrorCode::Internal, tr("The search index can only be suspended inside a transaction.")};
        return;
    }
    m_active = true;
    // A server's trigram indexes are the database's own: kept as rows are written, nothing to drop.
    if (!db.dialect().suspendsTriggers())
        return;
    m_active = false;
    for (const QString &s : triggerStatements()) {
        auto r = db.exec(QStringLiteral("DROP TRIGGER IF EXISTS %1").arg(triggerName(s)));
        if (!r) {
            m_error = r.error();
            return;
        }
    }
    m_active = true;
}

Status SearchIndexSuspension::finish()
{
    if (!m_active)
        return m_error;
    if (!m_db.dialect().suspendsTriggers()) {
        m_active = false;
        return okStatus();
    }
    for (const char *rebuild : {"INSERT INTO problems_fts(problems_fts) VALUES ('rebuild')",
                                "INSERT INTO measures_fts(measures_fts) VALUES ('rebuild')"}) {
        if (auto r = m_db.exec(QString::fromLatin1(rebuild)); !r)
            return r.error();
    }
    for (const QString &s : triggerStatements()) {
        if (auto r = m_db.exec(s); !r)
            return r.error();
    }
    m_active = false;
    return okStatus();
}

SearchIndexDeferral::SearchIndexDeferral(Database &db) : m_db(db)
{
    if (db.transactionDepth() == 0) {
        m_error =
            Error{ErrorCode::Internal,
                  SearchIndexSuspension::tr("The search index can only be suspended inside a transaction.")};
        return;
    }
    if (!db.dialect().suspendsTriggers()) {
        m_active = true;
        return;
    }
    m_problemsIndexed = db.scalar(QStringLiteral("SELECT coalesce(max(id), 0) FROM problems")).toLongLong();
    m_measuresIndexed = db.scalar(QStringLiteral("SELECT coalesce(max(id), 0) FROM measures")).toLongLong();
    for (const QString &s : insertTriggerStatements()) {
        auto r = db.exec(QStringLiteral("DROP TRIGGER IF EXISTS %1").arg(triggerName(s)));
        if (!r) {
            m_error = r.error();
            return;
        }
    }
    m_active = true;
}

Status SearchIndexDeferral::catchUp()
{
    if (!m_active)
        return m_error;
    if (!m_db.dialect().suspendsTriggers())
        return okStatus();
    const qint64 problems =
        m_db.scalar(QStringLiteral("SELECT coalesce(max(id), 0) FROM problems")).toLongLong();
    const qint64 measures =
        m_db.scalar(QStringLiteral("SELECT coalesce(max(id), 0) FROM measures")).toLongLong();
    if (problems > m_problemsIndexed) {
        auto r =
            m_db.exec(QStringLiteral("INSERT INTO problems_fts(rowid, description, example, progress) "
                                     "SELECT id, description, example, progress FROM problems WHERE id > ? "
                                     "ORDER BY id"),
                      {m_problemsIndexed});
        if (!r)
            return r.error();
        m_problemsIndexed = problems;
    }
    if (measures > m_measuresIndexed) {
        auto r = m_db.exec(QStringLiteral("INSERT INTO measures_fts(rowid, content) SELECT id, content FROM "
                                          "measures WHERE id > ? ORDER BY id"),
                           {m_measuresIndexed});
        if (!r)
            return r.error();
        m_measuresIndexed = measures;
    }
    return okStatus();
}

Status SearchIndexDeferral::finish()
{
    if (const Status s = catchUp(); !s)
        return s;
    if (!m_db.dialect().suspendsTriggers()) {
        m_active = false;
        return okStatus();
    }
    for (const QString &s : insertTriggerStatements()) {
        if (auto r = m_db.exec(s); !r)
            return r.error();
    }
    m_active = false;
    return okStatus();
}

} // namespace rectrack::core
