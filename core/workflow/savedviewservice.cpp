#include "savedviewservice.h"

#include "storage/auditlog.h"

#include <QCollator>
#include <QJsonDocument>
#include <QLocale>

#include <algorithm>

namespace rectrack::core {

QList<SavedView> SavedViewService::views()
{
    QList<SavedView> out;
    // A plain list for the view menu: a read error gives the views read before it, and a damaged
    // page is recorded by the database (Database::damageSeen()).
    (void)m_db.forEachRow(
        QStringLiteral("SELECT id, name, filter_json FROM saved_views"), {}, [&](const SqlRow &r) {
            SavedView v;
            v.id = r.integer(0);
            v.name = r.text(1);
            v.filter = LedgerFilter::fromJson(QJsonDocument::fromJson(r.text(2).toUtf8()).object());
            out << v;
        });
    QCollator collator(QLocale(QLocale::Chinese, QLocale::China));
    collator.setNumericMode(true);
    std::sort(out.begin(), out.end(),
              [&](const SavedView &a, const SavedView &b) { return collator.compare(a.name, b.name) < 0; });
    return out;
}

Result<qint64> SavedViewService::save(const QString &name, const LedgerFilter &filter)
{
    const QString n = name.trimmed();
    if (n.isEmpty())
        return Error{ErrorCode::InputRefused, tr("A saved view needs a name.")};
    const QString json = QString::fromUtf8(QJsonDocument(filter.toJson()).toJson(QJsonDocument::Compact));
    return withTransaction(m_db, [&]() -> Result<qint64> {
        const QVariant existing =
            m_db.scalar(QStringLiteral("SELECT id FROM saved_views WHERE name = ?"), {n});
        if (existing.isValid()) {
            const qint64 id = existing.toLongLong();
            if (const Status s = AuditLog::update(m_db, QStringLiteral("saved_views"), id,
                                                  {{QStringLiteral("filter_json"), json}});
                !s)
                return s.error();
            return id;
        }
        return AuditLog::insert(m_db, QStringLiteral("saved_views"),
                                {{QStringLiteral("name"), n}, {QStringLiteral("filter_json"), json}});
    });
}

Status SavedViewService::remove(qint64 id)
{
    return withTransaction(m_db, [&] { return AuditLog::remove(m_db, QStringLiteral("saved_views"), id); });
}

} // namespace rectrack::core
