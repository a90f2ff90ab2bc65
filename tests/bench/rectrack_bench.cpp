// rectrack-bench: times the operations of DESIGN.md §8 on synthetic registers and prints a
// Markdown table with the target, the median of several runs, and where one applies a baseline:
// the same query run by the plain sqlite3 shell on the same file (process start included).
//
//   build/tests/bench/rectrack-bench --sizes 10000,100000 --cache /tmp/rectrack-bench --runs 5
//
// Registers are generated once per size into the cache folder (rectrack-cli generate's code).
// Each row also gives the CPU time (user + system) of the median run: the development machine is
// shared, so wall time alone mostly measures the load. With --cli, the full PDF report is timed
// by running `rectrack-cli report` (the report renderer lives in the GUI library).

#include "demo/syntheticregister.h"
#include "io/ledgerexporter.h"
#include "io/ledgerimporter.h"
#include "stats/statistics.h"
#include "storage/database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTextStream>

#include <sys/resource.h>

#include <algorithm>
#include <functional>

using namespace rectrack::core;

namespace {

struct Row
{
    QString operation;
    int size;
    double targetMs; // 0 = no target
    double medianMs;
    double baselineMs; // < 0 = none
    double cpuMs = -1; // user + system of the median run; < 0 = not measured
};

/// CPU time (user + system) of this process and its waited-for children, in ms.
double cpuNowMs()
{
    double ms = 0;
    for (int who : {RUSAGE_SELF, RUSAGE_CHILDREN}) {
        rusage u{};
        getrusage(who, &u);
        ms += (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
    }
    return ms;
}

struct Timing
{
    double wallMs = 0;
    double cpuMs = 0;
};

/// The run with the median wall time (and its CPU time).
Timing timeRunsCpu(int runs, const std::function<void()> &fn)
{
    QList<Timing> t;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        const double cpu = cpuNowMs();
        timer.start();
        fn();
        t << Timing{timer.nsecsElapsed() / 1e6, cpuNowMs() - cpu};
    }
    std::sort(t.begin(), t.end(), [](const Timing &a, const Timing &b) { return a.wallMs < b.wallMs; });
    return t.isEmpty() ? Timing{} : t[t.size() / 2];
}

double timeRuns(int runs, const std::function<void()> &fn)
{
    return timeRunsCpu(runs, fn).wallMs;
}

double sqliteShell(const QString &file, const QString &sql, int runs)
{
    return timeRuns(runs, [&] {
        QProcess p;
        p.start(QStringLiteral("sqlite3"), {file, sql});
        p.waitForFinished(600000);
        p.readAllStandardOutput();
    });
}

long peakRssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    }
    return -1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("sizes"), QStringLiteral("problem counts"), QStringLiteral("N,N"),
                      QStringLiteral("10000,100000")});
    parser.addOption({QStringLiteral("cache"), QStringLiteral("folder for generated registers"),
                      QStringLiteral("DIR"), QDir::temp().filePath(QStringLiteral("rectrack-bench"))});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("runs per operation"), QStringLiteral("N"),
                      QStringLiteral("5")});
    parser.addOption({QStringLiteral("cli"), QStringLiteral("rectrack-cli to time the full report with"),
                      QStringLiteral("PATH")});
    parser.addOption(
        {QStringLiteral("only"),
         QStringLiteral("run only the operations whose name contains one of the comma-separated TEXT "
                        "(e.g. statistics,overdue)"),
         QStringLiteral("TEXT")});
    parser.addHelpOption();
    parser.process(app);
    const QStringList only = parser.value(QStringLiteral("only")).split(u',', Qt::SkipEmptyParts);
    auto wanted = [&only](const QString &op) {
        return only.isEmpty() ||
               std::any_of(only.cbegin(), only.cend(), [&op](const QString &w) { return op.contains(w); });
    };
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    QDir cache(parser.value(QStringLiteral("cache")));
    cache.mkpath(QStringLiteral("."));
    QTextStream out(stdout);
    QTextStream err(stderr);
    QList<Row> rows;

    for (const QString &sizeText : parser.value(QStringLiteral("sizes")).split(u',')) {
        const int n = sizeText.toInt();
        if (n <= 0)
            continue;
        const QString path = cache.filePath(QStringLiteral("register-%1.rtreg").arg(n));
        if (!QFile::exists(path)) {
            err << "generating " << n << " problems into " << path << "…\n";
            err.flush();
            auto db = Database::open(path, Database::OpenMode::CreateIfMissing);
            QElapsedTimer t;
            const double cpu = cpuNowMs();
            t.start();
            if (!db || !SyntheticRegister::generate(**db, n, 1)) {
                err << "generation failed\n";
                return 1;
            }
            rows << Row{QStringLiteral("generate"), n, 60000, double(t.elapsed()), -1, cpuNowMs() - cpu};
        }
        const QString sqlFirstPage = QStringLiteral(
            "SELECT p.id, p.registration_no, u.name, p.description, p.deadline, p.state FROM problems p "
            "JOIN units u ON u.id = p.unit_id ORDER BY p.id LIMIT 100");
        const QString sqlSortDeadline =
            QStringLiteral("SELECT p.id, p.deadline FROM problems p ORDER BY p.deadline, p.id LIMIT 100");
        const QString sqlSortUnit =
            QStringLiteral("SELECT p.id, u.name FROM problems p JOIN units u ON u.id = "
                           "p.unit_id ORDER BY u.name, p.id LIMIT 100");
        const QString sqlFilter =
            QStringLiteral("SELECT count(*) FROM problems WHERE unit_id = 7 AND state = "
                           "'in_progress'");
        const QString sqlSearch3 =
            QStringLiteral("SELECT count(*) FROM problems_fts WHERE problems_fts MATCH '\"电梯加装\"'");
        const QString sqlSearch2 =
            QStringLiteral("SELECT count(*) FROM problems WHERE instr(description, '电梯') > 0");

        auto run = [&](const QString &op, double target, const std::function<void(Database &)> &fn,
                       const QString &baselineSql = {}) {
            if (!wanted(op))
                return;
            auto db = Database::open(path);
            if (!db) {
                err << db.error().message << '\n';
                return;
            }
            const Timing ms = timeRunsCpu(runs, [&] { fn(**db); });
            const double base = baselineSql.isEmpty() ? -1 : sqliteShell(path, baselineSql, runs);
            rows << Row{op, n, target, ms.wallMs, base, ms.cpuMs};
        };
        auto query = [](const QString &sql) {
            return [sql](Database &db) {
                auto q = db.exec(sql);
                while (q && q->next()) {
                }
            };
        };
        const Timing open = !wanted(QStringLiteral("open register")) ? Timing{} : timeRunsCpu(runs, [&] {
            auto db = Database::open(path);
            auto q = (*db)->exec(sqlFirstPage);
            while (q && q->next()) {
            }
        });
        if (wanted(QStringLiteral("open register")))
            rows << Row{QStringLiteral("open register + first ledger page"),
                        n,
                        500,
                        open.wallMs,
                        sqliteShell(path, sqlFirstPage, runs),
                        open.cpuMs};
        run(QStringLiteral("sort by deadline (first page)"), 300, query(sqlSortDeadline), sqlSortDeadline);
        run(QStringLiteral("sort by unit (first page)"), 300, query(sqlSortUnit), sqlSortUnit);
        run(QStringLiteral("filter unit + state"), 300, query(sqlFilter), sqlFilter);
        run(QStringLiteral("search, 4 characters (FTS5 trigram)"), 100, query(sqlSearch3), sqlSearch3);
        run(QStringLiteral("search, 2 characters (instr fallback)"), 100, query(sqlSearch2), sqlSearch2);
        run(QStringLiteral("filtered statistics (one unit, by round)"), 200, [](Database &db) {
            StatsFilter f;
            f.unit = db.scalar(QStringLiteral("SELECT name FROM units WHERE id = 7")).toString();
            (void)Statistics::compute(db, db.defaultAsOf(), GroupBy::Round, f);
        });
        run(QStringLiteral("dashboard statistics (total + by round)"), 200,
            [](Database &db) { (void)Statistics::compute(db, db.defaultAsOf(), GroupBy::Round); });
        run(QStringLiteral("statistics as of 2021-06-30"), 500,
            [](Database &db) { (void)Statistics::compute(db, QDate(2021, 6, 30), GroupBy::Unit); });
        run(QStringLiteral("coverage"), 200,
            [](Database &db) { (void)Statistics::coverage(db, db.defaultAsOf()); });
        run(QStringLiteral("overdue list"), 500,
            [](Database &db) { (void)Statistics::overdue(db, QDate(2021, 6, 30)); });

        // Export of the full problem ledger, then import of a 10,000-row ledger.
        const QString xlsx = cache.filePath(QStringLiteral("ledger-%1.xlsx").arg(n));
        const QString csv = cache.filePath(QStringLiteral("ledger-%1.csv").arg(n));
        run(QStringLiteral("export problem ledger to .xlsx"), 0, [&](Database &db) {
            ExportOptions o;
            o.kind = LedgerKind::Problems;
            QFile::remove(xlsx);
            (void)LedgerExporter::exportTo(db, o, xlsx);
        });
        if (n == 10000 && wanted(QStringLiteral("import"))) {
            {
                auto db = Database::open(path);
                ExportOptions o;
                QFile::remove(csv);
                (void)LedgerExporter::exportTo(**db, o, csv);
            }
            for (const QString &file : {xlsx, csv}) {
                const Timing ms = timeRunsCpu(runs, [&] {
                    const QString target = cache.filePath(QStringLiteral("import-target.rtreg"));
                    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
                        QFile::remove(target + suffix);
                    auto db = Database::open(target, Database::OpenMode::CreateIfMissing);
                    ImportOptions o;
                    o.unit = QStringLiteral("某单位");
                    const ImportReport r = LedgerImporter::importFile(**db, file, o);
                    if (!r.ok())
                        err << "import failed: " << r.errors.first().message << '\n';
                });
                rows << Row{QStringLiteral("import 10,000-row %1").arg(QFileInfo(file).suffix()),
                            n,
                            2000,
                            ms.wallMs,
                            -1,
                            ms.cpuMs};
            }
        }

        if (parser.isSet(QStringLiteral("cli")) && wanted(QStringLiteral("report"))) {
            const QString pdf = cache.filePath(QStringLiteral("report-%1.pdf").arg(n));
            const Timing ms = timeRunsCpu(std::min(runs, 3), [&] {
                QProcess p;
                p.start(parser.value(QStringLiteral("cli")),
                        {QStringLiteral("report"), path, QStringLiteral("-o"), pdf});
                p.waitForFinished(-1);
                if (p.exitCode() != 0)
                    err << "report failed: " << p.readAllStandardError() << '\n';
            });
            rows << Row{
                QStringLiteral("full PDF report (rectrack-cli report)"), n, 3000, ms.wallMs, -1, ms.cpuMs};
        }
    }

    out << "| operation | problems | target ms | median ms | CPU ms | sqlite3 shell ms | ratio |\n";
    out << "|---|---:|---:|---:|---:|---:|---:|\n";
    for (const Row &r : rows) {
        out << "| " << r.operation << " | " << r.size << " | "
            << (r.targetMs > 0 ? QString::number(r.targetMs) : QStringLiteral("–")) << " | "
            << QString::number(r.medianMs, 'f', 1) << " | "
            << (r.cpuMs >= 0 ? QString::number(r.cpuMs, 'f', 1) : QStringLiteral("–")) << " | "
            << (r.baselineMs >= 0 ? QString::number(r.baselineMs, 'f', 1) : QStringLiteral("–")) << " | "
            << (r.baselineMs > 0 ? QString::number(r.medianMs / r.baselineMs, 'f', 2) : QStringLiteral("–"))
            << " |\n";
    }
    out << "\npeak resident memory of this process: " << peakRssKb() / 1024 << " MB\n";
    return 0;
}
