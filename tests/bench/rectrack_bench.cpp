// rectrack-bench: times the operations of DESIGN.md §8 on synthetic registers and prints a
// Markdown table with the target, the median of several runs, and where one applies a baseline:
// the same query run by the plain sqlite3 shell on the same file (process start included).
//
//   build/tests/bench/rectrack-bench --sizes 10000,100000 --cache /tmp/rectrack-bench --runs 5
//
// Registers are generated once per size into the cache folder (rectrack-cli generate's code).
// Each row also gives the CPU time (user + system) of the median run: the development machine is
// shared, so wall time alone mostly measures the load. With --cli, the full PDF report is timed
// by running `rectrack-cli report` (the report renderer lives in the GUI library), and the peak
// memory of `rectrack-cli import` of the 100,000-row ledger is measured (issue #20: 300 MB).
//
// With --server ADMIN_URL (a PostgreSQL superuser's URL, e.g. the one tests/pg/pgserver.sh writes)
// the benchmark compares the two backends instead (issue #22): each size's register file is copied
// into its own database on that server (rectrack_bench_N, made by `rectrack-cli server init` and
// `server push`, the push timed; kept like the files in --cache for later runs, drop it to time the
// push again), then the same operations, through the same core code, run on the file and on the
// server, and one table gives both times, their ratio and the server target.
//
//   build/tests/bench/rectrack-bench --sizes 100000 --runs 3 --cache /tmp/rectrack-bench
//       --cli build/app/rectrack-cli --server "$(cat STATE_DIR/url)"        (one command line)

#include "demo/syntheticregister.h"
#include "io/ledgerexporter.h"
#include "io/ledgerimporter.h"
#include "stats/statistics.h"
#include "storage/database.h"
#include "storage/ledgerquery.h"

#include "measuredrun.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTextStream>
#include <QUrl>
#include <QUrlQuery>

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

/// One line of the backend comparison: the same operation on the file and on the server.
struct Comparison
{
    QString operation;
    int size;
    double targetMs; ///< the server target of issue #22
    Timing file{-1, -1};
    Timing server{-1, -1};
};

/// Runs `psql ADMIN_URL -c SQL`; false (with psql's message on @p err) when it fails.
bool psql(const QString &adminUrl, const QString &sql, QTextStream &err)
{
    QProcess p;
    p.start(QStringLiteral("psql"), {adminUrl, QStringLiteral("-qAtX"), QStringLiteral("-v"),
                                     QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-c"), sql});
    p.waitForFinished(-1);
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        err << "psql: " << p.readAllStandardError() << '\n';
        return false;
    }
    return true;
}

/// The URL of database @p name on the server of @p adminUrl (same host, port, user and options).
QString databaseUrl(const QString &adminUrl, const QString &name)
{
    QUrl url(adminUrl);
    url.setPath(QLatin1Char('/') + name);
    return url.toString();
}

/// A fresh, empty database @p name (dropped first when it exists): UTF-8 with a C.UTF-8 LC_CTYPE.
bool createDatabase(const QString &adminUrl, const QString &name, QTextStream &err)
{
    return psql(adminUrl, QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name), err) &&
           psql(adminUrl,
                QStringLiteral("CREATE DATABASE %1 TEMPLATE template0 ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' "
                               "LC_COLLATE 'C.UTF-8'")
                    .arg(name),
                err);
}

bool databaseExists(const QString &adminUrl, const QString &name)
{
    QProcess p;
    p.start(QStringLiteral("psql"),
            {adminUrl, QStringLiteral("-qAtX"), QStringLiteral("-c"),
             QStringLiteral("SELECT 1 FROM pg_database WHERE datname = '%1'").arg(name)});
    p.waitForFinished(-1);
    return p.exitCode() == 0 && p.readAllStandardOutput().trimmed() == "1";
}

/// Runs rectrack-cli @p cli with @p args; false (with its message on @p err) when it fails.
bool runCli(const QString &cli, const QStringList &args, QTextStream &err)
{
    QProcess p;
    p.start(cli, args);
    p.waitForFinished(-1);
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        err << "rectrack-cli " << args.join(u' ') << ": " << p.readAllStandardError() << '\n';
        return false;
    }
    return true;
}

/// The first ledger page (100 rows) of @p ids.
void firstPage(Database &db, const Result<QList<qint64>> &ids, const LedgerContext &context)
{
    if (ids)
        (void)LedgerQuery(db).problemRows(ids->mid(0, 100), context);
}

/**
 * The backend comparison of --server (see the file comment). Returns the process exit code.
 */
int compareBackends(const QCommandLineParser &parser, const QList<int> &sizes, int runs, const QDir &cache,
                    const std::function<bool(const QString &)> &wanted)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString admin = parser.value(QStringLiteral("server"));
    const QString cli = parser.value(QStringLiteral("cli"));
    QList<Comparison> rows;
    auto find = [&rows](const QString &op, int n, double target) -> Comparison & {
        for (Comparison &c : rows) {
            if (c.operation == op && c.size == n)
                return c;
        }
        rows << Comparison{op, n, target};
        return rows.last();
    };
    auto generated = [&](int n) -> QString {
        const QString path = cache.filePath(QStringLiteral("register-%1.rtreg").arg(n));
        if (QFile::exists(path))
            return path;
        err << "generating " << n << " problems into " << path << "…\n";
        err.flush();
        auto db = Database::open(path, Database::OpenMode::CreateIfMissing);
        if (!db || !SyntheticRegister::generate(**db, n, 1))
            return {};
        return path;
    };

    for (const int n : sizes) {
        const QString file = generated(n);
        if (file.isEmpty()) {
            err << "generation failed\n";
            return 1;
        }
        const QString dbName = QStringLiteral("rectrack_bench_%1").arg(n);
        const QString url = databaseUrl(admin, dbName);
        if (!databaseExists(admin, dbName)) {
            if (cli.isEmpty()) {
                err << "--server needs --cli to push the register to the server\n";
                return 2;
            }
            err << "pushing " << file << " to " << url << "…\n";
            err.flush();
            if (!createDatabase(admin, dbName, err) ||
                !runCli(cli, {QStringLiteral("server"), QStringLiteral("init"), url}, err))
                return 1;
            QElapsedTimer t;
            const double cpu = cpuNowMs();
            t.start();
            const bool pushed =
                runCli(cli, {QStringLiteral("server"), QStringLiteral("push"), file, url}, err);
            const Timing push{t.nsecsElapsed() / 1e6, cpuNowMs() - cpu};
            if (!pushed) {
                psql(admin, QStringLiteral("DROP DATABASE IF EXISTS %1").arg(dbName), err);
                return 1;
            }
            find(QStringLiteral("server push (rectrack-cli server push)"), n, 60000).server = push;
        }

        const QList<std::pair<QString, int>> locations{{file, 0}, {url, 1}};
        for (const auto &[location, backend] : locations) {
            auto record = [&, backend = backend](const QString &op, double target, const Timing &t) {
                Comparison &c = find(op, n, target);
                (backend == 0 ? c.file : c.server) = t;
            };
            auto run = [&, location = location](const QString &op, double target,
                                                const std::function<void(Database &)> &fn) {
                if (!wanted(op))
                    return;
                auto db = Database::open(location);
                if (!db) {
                    err << db.error().message << '\n';
                    return;
                }
                record(op, target, timeRunsCpu(runs, [&] { fn(**db); }));
            };
            auto ledger = [](LedgerSort sort, const QString &search = {}) {
                return [sort, search](Database &db) {
                    LedgerContext context;
                    context.asOf = db.defaultAsOf();
                    LedgerFilter filter;
                    filter.search = search;
                    LedgerQuery query(db);
                    firstPage(db, query.ids(Ledger::Problems, filter, context, sort), context);
                };
            };
            const QString open = QStringLiteral("open register + first ledger page");
            if (wanted(open)) {
                record(open, 500, timeRunsCpu(runs, [&, location = location] {
                           auto db = Database::open(location);
                           if (db)
                               ledger(LedgerSort::Id)(**db);
                       }));
            }
            run(QStringLiteral("dashboard statistics (total + by round)"), 300,
                [](Database &db) { (void)Statistics::compute(db, db.defaultAsOf(), GroupBy::Round); });
            run(QStringLiteral("statistics as of 2021-06-30 (by unit)"), 800,
                [](Database &db) { (void)Statistics::compute(db, QDate(2021, 6, 30), GroupBy::Unit); });
            run(QStringLiteral("search, 4 characters (电梯加装), first page"), 150,
                ledger(LedgerSort::Id, QStringLiteral("电梯加装")));
            run(QStringLiteral("search, 2 characters (电梯), first page"), 150,
                ledger(LedgerSort::Id, QStringLiteral("电梯")));
            run(QStringLiteral("sort by deadline, first page"), 400, ledger(LedgerSort::Deadline));
            run(QStringLiteral("sort by unit (pinyin), first page"), 400, ledger(LedgerSort::Unit));
            run(QStringLiteral("overdue list (as of 2021-06-30)"), 0,
                [](Database &db) { (void)Statistics::overdue(db, QDate(2021, 6, 30)); });
            if (!cli.isEmpty() && wanted(QStringLiteral("report"))) {
                const QString pdf = cache.filePath(QStringLiteral("report-%1-%2.pdf").arg(n).arg(backend));
                record(QStringLiteral("full PDF report (rectrack-cli report)"), 4000,
                       timeRunsCpu(std::min(runs, 3), [&, location = location] {
                           runCli(cli, {QStringLiteral("report"), location, QStringLiteral("-o"), pdf}, err);
                       }));
            }
        }
    }

    // A 10,000-row ledger (the 10,000-problem register's problem ledger) imported into a new,
    // empty register on each backend; creating the register is not timed.
    if (wanted(QStringLiteral("import"))) {
        const QString source = generated(10000);
        const QString csv = cache.filePath(QStringLiteral("ledger-10000.csv"));
        const QString xlsx = cache.filePath(QStringLiteral("ledger-10000.xlsx"));
        {
            auto db = Database::open(source);
            if (!db)
                return 1;
            ExportOptions o;
            for (const QString &f : {csv, xlsx}) {
                if (!QFile::exists(f))
                    (void)LedgerExporter::exportTo(**db, o, f);
            }
        }
        const QString fileTarget = cache.filePath(QStringLiteral("import-target.rtreg"));
        const QString importDb = QStringLiteral("rectrack_bench_import");
        const QString serverTarget = databaseUrl(admin, importDb);
        for (const QString &ledgerFile : {xlsx, csv}) {
            for (const int backend : {0, 1}) {
                QList<Timing> t;
                for (int i = 0; i < runs; ++i) {
                    if (backend == 0) {
                        for (const QString &suffix :
                             {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
                            QFile::remove(fileTarget + suffix);
                    } else if (!createDatabase(admin, importDb, err)) {
                        return 1;
                    }
                    auto db = Database::open(backend == 0 ? fileTarget : serverTarget,
                                             Database::OpenMode::CreateIfMissing);
                    if (!db) {
                        err << db.error().message << '\n';
                        return 1;
                    }
                    QElapsedTimer timer;
                    const double cpu = cpuNowMs();
                    timer.start();
                    ImportOptions o;
                    o.unit = QStringLiteral("某单位");
                    const ImportReport r = LedgerImporter::importFile(**db, ledgerFile, o);
                    t << Timing{timer.nsecsElapsed() / 1e6, cpuNowMs() - cpu};
                    if (!r.ok())
                        err << "import failed: " << r.errors.first().message << '\n';
                }
                std::sort(t.begin(), t.end(),
                          [](const Timing &a, const Timing &b) { return a.wallMs < b.wallMs; });
                Comparison &c = find(
                    QStringLiteral("import 10,000-row .%1").arg(QFileInfo(ledgerFile).suffix()), 10000, 4000);
                (backend == 0 ? c.file : c.server) = t[t.size() / 2];
            }
        }
        psql(admin, QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(importDb), err);
    }

    auto ms = [](double v) { return v < 0 ? QStringLiteral("–") : QString::number(v, 'f', 1); };
    out << "| operation | problems | SQLite ms (CPU) | PostgreSQL ms (CPU) | ratio | target ms (server) |\n";
    out << "|---|---:|---:|---:|---:|---:|\n";
    for (const Comparison &r : rows) {
        out << "| " << r.operation << " | " << r.size << " | " << ms(r.file.wallMs) << " ("
            << ms(r.file.cpuMs) << ") | " << ms(r.server.wallMs) << " (" << ms(r.server.cpuMs) << ") | "
            << (r.file.wallMs > 0 && r.server.wallMs >= 0
                    ? QString::number(r.server.wallMs / r.file.wallMs, 'f', 1)
                    : QStringLiteral("–"))
            << " | " << (r.targetMs > 0 ? QString::number(r.targetMs) : QStringLiteral("–"))
            << (r.targetMs > 0 && r.server.wallMs > r.targetMs ? QStringLiteral(" **missed**") : QString())
            << " |\n";
    }
    out << "\nCPU: user + system of this process and the rectrack-cli it runs; the server's own CPU is not "
           "counted.\npeak resident memory of this process: "
        << peakRssKb() / 1024 << " MB\n";
    return 0;
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
    parser.addOption({QStringLiteral("server"),
                      QStringLiteral("compare with a PostgreSQL server: the admin URL (a superuser's) of a "
                                     "server where the benchmark may create databases rectrack_bench_*"),
                      QStringLiteral("URL")});
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
    if (parser.isSet(QStringLiteral("server"))) {
        QList<int> sizes;
        for (const QString &sizeText : parser.value(QStringLiteral("sizes")).split(u','))
            if (sizeText.toInt() > 0)
                sizes << sizeText.toInt();
        return compareBackends(parser, sizes, runs, cache, wanted);
    }
    QTextStream out(stdout);
    QTextStream err(stderr);
    QList<Row> rows;
    struct MemoryRow
    {
        QString operation;
        double peakMb;
        double seconds;
    };
    QList<MemoryRow> memoryRows;

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

        // Issue #20: the whole problem ledger of the 100,000-problem register, as .csv and .xlsx,
        // imported by `rectrack-cli import` into an empty register (and rehearsed with --dry-run)
        // within 300 MB of resident memory: the peak of the rectrack-cli process (wait4).
        if (n == 100000 && parser.isSet(QStringLiteral("cli")) && wanted(QStringLiteral("import memory"))) {
            const QString cli = parser.value(QStringLiteral("cli"));
            const QString target = cache.filePath(QStringLiteral("import-memory-target.rtreg"));
            for (const QString &file : {csv, xlsx}) {
                if (!QFile::exists(file)) {
                    auto db = Database::open(path);
                    ExportOptions o;
                    o.kind = LedgerKind::Problems;
                    if (!db || !LedgerExporter::exportTo(**db, o, file)) {
                        err << "export of " << file << " failed\n";
                        continue;
                    }
                }
                for (const bool dryRun : {true, false}) {
                    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
                        QFile::remove(target + suffix);
                    (void)rectrack::test::runMeasured(cli, {QStringLiteral("init"), target});
                    QStringList args{QStringLiteral("import"), target, file};
                    if (dryRun)
                        args << QStringLiteral("--dry-run");
                    QElapsedTimer t;
                    t.start();
                    const auto m = rectrack::test::runMeasured(cli, args);
                    if (m.exitCode != 0)
                        err << "import of " << file << " failed: " << m.err << '\n';
                    memoryRows << MemoryRow{
                        QStringLiteral("import 100,000-row .%1%2")
                            .arg(QFileInfo(file).suffix(), dryRun ? QStringLiteral(" --dry-run") : QString()),
                        m.peakMb, t.elapsed() / 1000.0};
                }
            }
            for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
                QFile::remove(target + suffix);
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
    if (!memoryRows.isEmpty()) {
        out << "\n| import (rectrack-cli, issue #20) | peak resident MB | target MB | wall s |\n";
        out << "|---|---:|---:|---:|\n";
        for (const MemoryRow &r : memoryRows)
            out << "| " << r.operation << " | " << QString::number(r.peakMb, 'f', 0) << " | 300"
                << (r.peakMb > 300 ? " **missed**" : "") << " | " << QString::number(r.seconds, 'f', 1)
                << " |\n";
    }
    out << "\npeak resident memory of this process: " << peakRssKb() / 1024 << " MB\n";
    return 0;
}
