#pragma once

/**
 * Helpers of the reliability tests: running rectrack_reliability_writer, reading back the lines it
 * printed after each commit, and comparing them with the markers the register holds.
 *
 * A writer run is identified by its tag; its transaction n leaves "[tag#n]" in the audit log. A
 * run's lines are the promise: every printed n must be in the register, and the only n allowed in
 * the register without a line is the one in flight when the writer was killed (last printed + 1).
 */

#include <QHash>
#include <QProcess>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>

namespace rectrack::test {

/// What one writer run printed: the commits it promised, and the last of them.
struct WriterLog
{
    QString tag;
    QSet<qint64> printed;
    qint64 last = 0;
    bool ready = false;
    /// Parses the writer's stdout ("ready TAG", "commit TAG n" lines; a torn last line is ignored).
    void parse(const QByteArray &out);
};

/// Starts the writer on @p db with @p tag; extra arguments such as --seconds follow.
std::unique_ptr<QProcess> startWriter(const QString &db, const QString &tag, const QStringList &extra = {});

/// Markers "[tag#n]" found in the audit log of the register at @p path, by tag. Opens the file
/// with Database::open; on failure fills @p error and returns an empty map.
QHash<QString, QSet<qint64>> markersIn(const QString &path, QString *error);

/// Compares the writers' logs with the markers; returns a description of each discrepancy.
/// When @p allowInFlight, each run may also have last + 1 in the register (killed mid-commit).
QStringList compare(const QList<WriterLog> &logs, const QHash<QString, QSet<qint64>> &markers,
                    bool allowInFlight);

/// Opens the register and runs Verifier::verify; returns the faults (or the open error).
QStringList verifyFaults(const QString &path);

/// Integer from the environment variable @p name, or @p fallback when unset or not a number.
int envInt(const char *name, int fallback);

} // namespace rectrack::test
