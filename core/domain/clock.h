#pragma once

#include <QDate>
#include <QDateTime>

namespace rectrack::core {

/**
 * Injectable source of "now" (after KeePassXC's Clock). Services take the date of a change and
 * the timestamp of an audit entry from here, so tests fix time and offline machines can be
 * reasoned about. Deadlines are dates: "today" is the local calendar date.
 */
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const { return QDateTime::currentDateTimeUtc(); }
    virtual QDate today() const { return QDate::currentDate(); }
};

/// A clock stuck at a given instant, for tests and for replaying history.
class FixedClock : public Clock
{
public:
    explicit FixedClock(QDate day) : m_now(day.startOfDay(Qt::UTC)) {}
    explicit FixedClock(QDateTime now) : m_now(now) {}
    QDateTime now() const override { return m_now; }
    QDate today() const override { return m_now.date(); }
    void setToday(QDate day) { m_now = day.startOfDay(Qt::UTC); }

private:
    QDateTime m_now;
};

} // namespace rectrack::core
