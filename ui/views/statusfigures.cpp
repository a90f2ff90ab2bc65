#include "statusfigures.h"

#include "workerlocation.h"

#include <QCoreApplication>
#include <QThread>

namespace rectrack::ui {

namespace {

core::Result<core::Counts> totals(core::Database &db, const QDate &asOf)
{
    auto stats = core::Statistics::compute(db, asOf);
    if (!stats)
        return stats.error();
    return stats->total;
}

} // namespace

StatusFigures::StatusFigures(QObject *parent) : QObject(parent) {}

StatusFigures::~StatusFigures()
{
    if (m_worker) {
        m_worker->disconnect(this);
        m_worker->wait();
        delete m_worker;
        m_worker = nullptr;
    }
}

void StatusFigures::request(core::Database *db, const QDate &asOf)
{
    if (!db)
        return;
    const QString path = workerLocation(*db);
    if (path.isEmpty() || path == QLatin1String(":memory:")) {
        cancel();
        Q_EMIT ready(totals(*db, asOf));
        return;
    }
    const Request r{path, asOf};
    if (m_worker) {
        m_waiting = r;
        return;
    }
    start(r);
}

void StatusFigures::start(const Request &request)
{
    auto result = std::make_shared<std::optional<core::Result<core::Counts>>>();
    m_worker = QThread::create([result, request] {
        auto db = core::Database::open(request.path, core::Database::OpenMode::Existing);
        if (!db)
            *result = core::Result<core::Counts>(db.error());
        else
            *result = totals(**db, request.asOf);
    });
    const quint64 generation = m_generation;
    connect(m_worker, &QThread::finished, this, [this, result, generation] {
        m_worker->deleteLater();
        m_worker = nullptr;
        if (m_waiting) {
            start(*std::exchange(m_waiting, std::nullopt));
            return; // the newer request's figures follow
        }
        if (generation == m_generation && *result)
            Q_EMIT ready(**result);
    });
    m_worker->start(QThread::LowPriority);
}

void StatusFigures::cancel()
{
    m_waiting.reset();
    ++m_generation;
}

void StatusFigures::wait()
{
    while (m_worker) {
        m_worker->wait();
        // Deliver its (queued) finished signal now: it emits ready() or starts the waiting request.
        QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
    }
}

} // namespace rectrack::ui
