#include "reporttiming.h"

#include <QByteArray>

#include <cstdio>
#include <ctime>

namespace rectrack::core {

namespace {

double processCpuMs()
{
    timespec ts{};
    if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) != 0)
        return 0;
    return double(ts.tv_sec) * 1000.0 + double(ts.tv_nsec) / 1e6;
}

} // namespace

ReportTiming::ReportTiming() : m_enabled(enabled())
{
    if (!m_enabled)
        return;
    m_wall.start();
    m_cpuMs = processCpuMs();
}

bool ReportTiming::enabled()
{
    const QByteArray v = qgetenv("RECTRACK_REPORT_TIMING");
    return !v.isEmpty() && v != "0";
}

void ReportTiming::mark(const char *phase)
{
    if (!m_enabled)
        return;
    const double cpu = processCpuMs();
    std::fprintf(stderr, "report timing: %s wall %lld ms, cpu %.0f ms\n", phase,
                 static_cast<long long>(m_wall.restart()), cpu - m_cpuMs);
    m_cpuMs = cpu;
}

} // namespace rectrack::core
