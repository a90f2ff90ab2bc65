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

} // namespace

SearchIndexSuspension::SearchIndexSuspension(Database &db) : m_db(db)
{
    if (db.transactionDepth() == 0) {
        m_error =
            Error{ErrorCode::Internal, tr("The search index can only be suspended inside a transaction.")};
        return;
    }
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

} // namespace rectrack::core
