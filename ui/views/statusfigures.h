#pragma once

#include "stats/statistics.h"
#include "storage/database.h"

#include <QDate>
#include <QObject>

#include <memory>
#include <optional>

class QThread;

namespace rectrack::ui {

/**
 * The headline figures of the status bar (problems, done, completion rate, overdue: the total of
 * core::Statistics::compute on an as-of date), computed on a worker thread with a connection of
 * its own. At 100,000 problems that computation costs about 0.4 s of CPU, which the window spent
 * on its own thread at every open, edit and as-of change before the first page could be painted.
 *
 * One worker at a time: a request made while one runs waits and only the latest is computed.
 * Registers without a file (in memory) are computed at once on the caller's connection.
 */
class StatusFigures : public QObject
{
    Q_OBJECT
public:
    explicit StatusFigures(QObject *parent = nullptr);
    /// Waits for a running worker and drops its result.
    ~StatusFigures() override;

    /// Computes the figures of @p db on @p asOf; ready() follows (at once for an in-memory register).
    void request(core::Database *db, const QDate &asOf);
    /// Forgets a waiting request and ignores the running one (the register is being closed).
    void cancel();
    /// Blocks until the latest request has been computed and ready() emitted.
    void wait();
    /// Whether a request is being computed or waits.
    bool busy() const { return m_worker != nullptr; }

Q_SIGNALS:
    /// The figures of the latest request, or the error that prevented them.
    void ready(const core::Result<core::Counts> &counts);

private:
    struct Request
    {
        QString path;
        QDate asOf;
    };
    void start(const Request &request);

    QThread *m_worker = nullptr;
    std::optional<Request> m_waiting;
    quint64 m_generation = 0; ///< bumped by cancel(): results of older workers are dropped
};

} // namespace rectrack::ui
