#include "harness.h"

#include "storage/auditlog.h"
#include "storage/database.h"

#include <QRegularExpression>

namespace rectrack::test {

void WriterLog::parse(const QByteArray &out)
{
    const QList<QByteArray> lines = out.split('\n');
    // The last element follows the last newline: empty, or a line the kill cut short.
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        const QList<QByteArray> f = lines.at(i).trimmed().split(' ');
        if (f.size() == 2 && f.at(0) == "ready" && QString::fromUtf8(f.at(1)) == tag)
            ready = true;
        if (f.size() == 3 && f.at(0) == "commit" && QString::fromUtf8(f.at(1)) == tag) {
            const qint64 n = f.at(2).toLongLong();
            printed.insert(n);
            last = std::max(last, n);
        }
    }
}

std::unique_ptr<QProcess> startWriter(const QString &db, const QString &tag, const QStringList &extra)
{
    auto p = std::make_unique<QProcess>();
    p->setProcessChannelMode(QProcess::SeparateChannels);
    p->start(QStringLiteral(RECTRACK_WRITER_PATH), QStringList{db, tag} + extra);
    p->waitForStarted(10000);
    return p;
}

QHash<QString, QSet<qint64>> markersIn(const QString &path, QString *error)
{
    QHash<QString, QSet<qint64>> out;
    auto db = core::Database::open(path, core::Database::OpenMode::Existing);
    if (!db) {
        if (error)
            *error = db.error().message;
        return out;
    }
    static const QRegularExpression re(QStringLiteral("\\[([A-Za-z0-9]+)#(\\d+)\\]"));
    auto r = (*db)->exec(QStringLiteral("SELECT after_json FROM audit_log WHERE after_json IS NOT NULL"));
    if (!r) {
        if (error)
            *error = r.error().message;
        return out;
    }
    while (r->next()) {
        auto it = re.globalMatch(r->value(0).toString());
        while (it.hasNext()) {
            const auto m = it.next();
            out[m.captured(1)].insert(m.captured(2).toLongLong());
        }
    }
    return out;
}

QStringList compare(const QList<WriterLog> &logs, const QHash<QString, QSet<qint64>> &markers,
                    bool allowInFlight)
{
    QStringList problems;
    QSet<QString> tags;
    for (const WriterLog &log : logs) {
        tags.insert(log.tag);
        const QSet<qint64> present = markers.value(log.tag);
        for (qint64 n : log.printed) {
            if (!present.contains(n))
                problems << QStringLiteral("%1: transaction %2 was printed as committed but is missing")
                                .arg(log.tag)
                                .arg(n);
        }
        for (qint64 n : present) {
            if (log.printed.contains(n) || (allowInFlight && n == log.last + 1))
                continue;
            problems << QStringLiteral("%1: transaction %2 is in the register but was never committed "
                                       "(last printed %3)")
                            .arg(log.tag)
                            .arg(n)
                            .arg(log.last);
        }
    }
    for (auto it = markers.cbegin(); it != markers.cend(); ++it) {
        if (!tags.contains(it.key()))
            problems << QStringLiteral("unknown writer %1 in the register").arg(it.key());
    }
    return problems;
}

QStringList verifyFaults(const QString &path)
{
    auto db = core::Database::open(path, core::Database::OpenMode::Existing);
    if (!db)
        return {db.error().message};
    return core::Verifier::verify(**db).faults;
}

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok ? v : fallback;
}

} // namespace rectrack::test
