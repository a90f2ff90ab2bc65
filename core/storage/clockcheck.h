#pragma once

#include "database.h"

#include <QCoreApplication>
#include <QDateTime>

namespace rectrack::core {

/**
 * The system clock against the audit log (issue #13): offline machines drift, and a clock set
 * back makes new entries look older than entries already in the log. The log keeps its order
 * regardless, since entries are ordered and chained by their sequence number (audit_log.id),
 * never by time; but dates taken from a wrong clock (today, progress dates) would be wrong, so the
 * app and the CLI warn before writing.
 */
class ClockCheck
{
    Q_DECLARE_TR_FUNCTIONS(ClockCheck)
public:
    /// Tolerance for clocks of different machines writing one register: one minute.
    static constexpr qint64 kToleranceSeconds = 60;

    /// The newest audit entry's time when @p db's clock is earlier than it (beyond the tolerance),
    /// else an invalid QDateTime.
    static QDateTime clockBehind(Database &db);

    /// A translated warning naming the system time and the newest entry's time; empty when the
    /// clock is not behind the log.
    static QString warning(Database &db);
};

} // namespace rectrack::core
