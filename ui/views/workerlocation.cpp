#include "workerlocation.h"

#include <QHash>
#include <QMutex>

namespace rectrack::ui {

namespace {

QMutex g_mutex;

QHash<const core::Database *, QString> &locations()
{
    static QHash<const core::Database *, QString> map;
    return map;
}

} // namespace

QString workerLocation(const core::Database &db)
{
    const QMutexLocker lock(&g_mutex);
    return locations().value(&db, db.path());
}

void setWorkerLocation(const core::Database &db, const QString &location)
{
    const QMutexLocker lock(&g_mutex);
    locations().insert(&db, location);
}

void forgetWorkerLocation(const core::Database &db)
{
    const QMutexLocker lock(&g_mutex);
    locations().remove(&db);
}

} // namespace rectrack::ui
