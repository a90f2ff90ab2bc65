#pragma once

/**
 * Phase timings of report generation, for profiling (docs/benchmarks.md, round 3): when the
 * environment variable RECTRACK_REPORT_TIMING is set (to anything but 0), each mark() writes one
 * line to stderr: "report timing: PHASE wall W ms, cpu C ms" (CPU = user + system of the whole
 * process since the previous mark, so it includes other threads). Silent otherwise; costs one
 * environment lookup per ReportTiming.
 */

#include <QElapsedTimer>

namespace rectrack::core {

/// Measures the wall and CPU time between successive marks; see the file comment.
class ReportTiming
{
public:
    ReportTiming();
    /// Whether RECTRACK_REPORT_TIMING asks for timings.
    static bool enabled();
    /// Prints the time since the previous mark (or construction) under @p phase, when enabled.
    void mark(const char *phase);

private:
    bool m_enabled = false;
    QElapsedTimer m_wall;
    double m_cpuMs = 0;
};

} // namespace rectrack::core
