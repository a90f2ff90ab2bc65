// Crash safety and concurrent writers (issue 12, docs/reliability.md).
//
// The default run is short (RECTRACK_DEFAULT_KILLS kills, RECTRACK_DEFAULT_CONCURRENCY_SECONDS of
// two writers); configure with -DRECTRACK_LONG_TESTS=ON for the 200-kill loop and the 30 s run, or
// override at run time: RECTRACK_KILLS=200 RECTRACK_CONCURRENCY_SECONDS=30 ctest -L reliability.
#include <catch2/catch.hpp>

#include "harness.h"
#include "storage/auditlog.h"
#include "storage/database.h"
#include "testsupport.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <cstdio>

using namespace rectrack::test;
using rectrack::core::Database;

namespace {

/// A fresh register is started after this many kills, so that verify stays cheap in long runs.
constexpr int kFreshEvery = 50;

QString newRegister(const QTemporaryDir &dir, int number)
{
    const QString path = dir.filePath(QStringLiteral("kill%1.rtreg").arg(number));
    auto db = Database::open(path, Database::OpenMode::CreateIfMissing);
    REQUIRE(db.ok());
    return path;
}

/// Copies the register and its WAL as the kill left them (not the -shm, which SQLite rebuilds),
/// so that the check does not checkpoint the original and the next writer meets a hot WAL.
QString copyAsLeft(const QString &path, const QString &copy)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
        QFile::remove(copy + suffix);
        if (QFile::exists(path + suffix))
            REQUIRE(QFile::copy(path + suffix, copy + suffix));
    }
    return copy;
}

/// Whether @p p still runs after waiting up to @p ms (waitForFinished also lets QProcess notice an
/// exit, as there is no event loop here).
bool running(QProcess &p, int ms)
{
    if (p.state() != QProcess::NotRunning)
        p.waitForFinished(ms);
    return p.state() != QProcess::NotRunning;
}

void removeRegister(const QString &path)
{
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
}

} // namespace

TEST_CASE("a writer killed at random moments loses no committed transaction", "[reliability][kill]")
{
    const int kills = envInt("RECTRACK_KILLS", RECTRACK_DEFAULT_KILLS);
    const int maxDelayMs = envInt("RECTRACK_KILL_MAX_MS", 400);
    const quint32 seed =
        quint32(envInt("RECTRACK_KILL_SEED", int(QDateTime::currentMSecsSinceEpoch() % 100000)));
    INFO("RECTRACK_KILL_SEED=" << seed);
    QRandomGenerator rng(seed);
    QTemporaryDir dir;
    REQUIRE(dir.isValid());

    QString path;
    QList<WriterLog> logs;
    qint64 committed = 0, checked = 0, inFlightFound = 0, killedBeforeReady = 0;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < kills; ++i) {
        if (i % kFreshEvery == 0) {
            if (!path.isEmpty())
                removeRegister(path);
            path = newRegister(dir, i / kFreshEvery);
            logs.clear();
        }
        WriterLog log;
        log.tag = QStringLiteral("k%1").arg(i);
        auto writer = startWriter(path, log.tag, {QStringLiteral("--seed"), QString::number(rng.generate())});
        writer->waitForFinished(1 + int(rng.bounded(maxDelayMs)));
        if (writer->state() == QProcess::NotRunning) {
            FAIL_CHECK("the writer stopped by itself: exit " << writer->exitCode() << ", "
                                                             << writer->readAllStandardError().toStdString());
            break;
        }
        writer->kill(); // SIGKILL
        REQUIRE(writer->waitForFinished(10000));
        log.parse(writer->readAllStandardOutput());
        committed += log.printed.size();
        killedBeforeReady += log.ready ? 0 : 1;
        logs << log;

        // Every fourth check opens the original (recovery and checkpoint by the program itself);
        // the others check a copy of the files as the kill left them.
        const bool onCopy = i % 4 != 3;
        const QString checkPath =
            onCopy ? copyAsLeft(path, dir.filePath(QStringLiteral("check.rtreg"))) : path;
        const QStringList faults = verifyFaults(checkPath);
        INFO("after kill " << i << " (" << log.printed.size()
                           << " commits printed): " << faults.join(u'\n').toStdString());
        REQUIRE(faults.isEmpty());
        QString error;
        const auto markers = markersIn(checkPath, &error);
        REQUIRE(error.isEmpty());
        const QStringList lost = compare(logs, markers, true);
        INFO(lost.join(u'\n').toStdString());
        REQUIRE(lost.isEmpty());
        for (const WriterLog &l : logs)
            checked += l.printed.size();
        // Killed after COMMIT and before its line: in the register, allowed, counted.
        inFlightFound += markers.value(log.tag).contains(log.last + 1) ? 1 : 0;
        if (onCopy)
            removeRegister(checkPath);
    }
    std::printf("kill harness: %d kills survived (%lld before the writer was ready), %lld transactions "
                "printed as committed, %lld marker checks, %lld in-flight commits found without a line, "
                "%.1f s, seed %u\n",
                kills, killedBeforeReady, committed, checked, inFlightFound, timer.elapsed() / 1000.0, seed);
    CHECK(committed > 0);
}

TEST_CASE("two writers and the command line on one register: every write arrives",
          "[reliability][concurrency]")
{
    const int seconds = envInt("RECTRACK_CONCURRENCY_SECONDS", RECTRACK_DEFAULT_CONCURRENCY_SECONDS);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shared.rtreg"));
    {
        auto db = Database::open(path, Database::OpenMode::CreateIfMissing);
        REQUIRE(db.ok());
    }
    const QStringList extra{QStringLiteral("--seconds"), QString::number(seconds)};
    auto a = startWriter(path, QStringLiteral("a"), extra);
    auto b = startWriter(path, QStringLiteral("b"), extra);

    // Meanwhile the command line reads the same file: stats, and verify, which must see one
    // consistent snapshot while both writers commit.
    int cliRuns = 0;
    QElapsedTimer timer;
    timer.start();
    while (running(*a, 1) || running(*b, 1)) {
        const bool verify = cliRuns % 2 == 1;
        const CliRun run =
            verify
                ? runCli({QStringLiteral("verify"), path})
                : runCli({QStringLiteral("stats"), path, QStringLiteral("--format"), QStringLiteral("json")});
        INFO((verify ? "verify" : "stats") << " during the writes: " << run.err.toStdString());
        CHECK(run.exitCode == 0);
        ++cliRuns;
        if (timer.elapsed() > (seconds + 120) * 1000LL)
            break;
    }
    REQUIRE_FALSE(running(*a, 60000));
    REQUIRE_FALSE(running(*b, 60000));
    const double writeSeconds = timer.elapsed() / 1000.0;
    QList<WriterLog> logs;
    for (QProcess *p : {a.get(), b.get()}) {
        INFO(p->readAllStandardError().toStdString());
        CHECK(p->exitStatus() == QProcess::NormalExit);
        CHECK(p->exitCode() == 0);
    }
    for (auto [p, tag] : {std::pair{a.get(), "a"}, std::pair{b.get(), "b"}}) {
        WriterLog log;
        log.tag = QString::fromLatin1(tag);
        log.parse(p->readAllStandardOutput());
        CHECK(log.printed.size() > 0);
        CHECK(log.printed.size() == log.last); // no gaps: every transaction committed
        logs << log;
    }
    QString error;
    const auto markers = markersIn(path, &error);
    REQUIRE(error.isEmpty());
    const QStringList lost = compare(logs, markers, false);
    INFO(lost.join(u'\n').toStdString());
    CHECK(lost.isEmpty());
    const QStringList faults = verifyFaults(path);
    INFO(faults.join(u'\n').toStdString());
    CHECK(faults.isEmpty());
    std::printf("concurrency: %d s asked, %.1f s taken, writer a %lld and writer b %lld transactions, all "
                "%lld found; %d "
                "rectrack-cli runs alongside\n",
                seconds, writeSeconds, qint64(logs.at(0).printed.size()), qint64(logs.at(1).printed.size()),
                qint64(logs.at(0).printed.size() + logs.at(1).printed.size()), cliRuns);
}

TEST_CASE("imports killed at random moments are all or nothing", "[reliability][kill][import]")
{
    // Each `rectrack-cli import` is one transaction: after a SIGKILL the unit holds either none or
    // all of the ledger's 24 problems, every earlier import that exited 0 is complete, and the
    // register verifies.
    QTemporaryDir dir;
    const QString db = newRegister(dir, 900);
    const QString ledger = sharedData(QStringLiteral("ledgers/transport-bureau-ledger.xlsx"));
    const int kills = envInt("RECTRACK_IMPORT_KILLS", 8);
    const quint32 seed =
        quint32(envInt("RECTRACK_KILL_SEED", int(QDateTime::currentMSecsSinceEpoch() % 100000)));
    std::printf("import kill seed %u\n", seed);
    QRandomGenerator rng(seed);
    QStringList completed;
    int landed = 0;
    for (int k = 0; k < kills; ++k) {
        const QString unit = QStringLiteral("市交通运输局党组-%1").arg(k);
        QProcess p;
        p.start(QStringLiteral(RECTRACK_CLI_PATH),
                {QStringLiteral("import"), db, ledger, QStringLiteral("--unit"), unit,
                 QStringLiteral("--lang"), QStringLiteral("en")});
        REQUIRE(p.waitForStarted());
        const bool stillRunning = running(p, int(rng.bounded(5, 250)));
        if (stillRunning) {
            p.kill();
            p.waitForFinished();
        } else if (p.exitCode() == 0) {
            completed << unit;
        }
        auto reg = Database::open(db);
        REQUIRE(reg.ok());
        const int n =
            (*reg)
                ->scalar(QStringLiteral("SELECT count(*) FROM problems p JOIN units u ON u.id = p.unit_id "
                                        "WHERE u.name = ?"),
                         {unit})
                .toInt();
        INFO("kill " << k << " unit problems " << n);
        CHECK((n == 0 || n == 24));
        landed += n == 24 ? 1 : 0;
        for (const QString &done : completed)
            CHECK((*reg)
                      ->scalar(QStringLiteral(
                                   "SELECT count(*) FROM problems p JOIN units u ON u.id = p.unit_id WHERE "
                                   "u.name = ?"),
                               {done})
                      .toInt() == 24);
        const rectrack::core::VerifyReport report = rectrack::core::Verifier::verify(**reg);
        CHECK(report.faults.join(u'\n').toStdString() == "");
    }
    std::printf("import kills: %d, imports landed: %d, exited 0 before the kill: %lld\n", kills, landed,
                static_cast<long long>(completed.size()));
}
