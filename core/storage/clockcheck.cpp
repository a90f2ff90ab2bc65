#include "clockcheck.h"

#include "auditlog.h"

namespace rectrack::core {

QDateTime ClockCheck::clockBehind(Database &db)
{
    const QDateTime newest = AuditLog::newestTime(db);
    if (!newest.isValid())
        return {};
    return db.clock().now().secsTo(newest) > kToleranceSeconds ? newest : QDateTime();
}

QString ClockCheck::warning(Database &db)
{
    const QDateTime newest = clockBehind(db);
    if (!newest.isValid())
        return {};
    const QString format = QStringLiteral("yyyy-MM-dd HH:mm");
    return tr("The computer's clock says %1, but the register already holds a change made at %2. Check the "
              "date and time of this computer before saving: changes made now would carry the wrong date.")
        .arg(db.clock().now().toLocalTime().toString(format), newest.toLocalTime().toString(format));
}

} // namespace rectrack::core
