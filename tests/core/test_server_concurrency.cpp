// Many clerks on one server register at once (issue #23 item 4): 10 client processes
// (tests/pg/concurrencyclient.cpp), five office and five unit logins, edit the same problems for
// RECTRACK_PG_CONCURRENCY_SECONDS (default 30), pausing about RECTRACK_PG_CONCURRENCY_THINK_MS
// (default 100) between saves, and the register must hold every acknowledged write,
// lose no update, verify, and keep its statistics tables equal to their recomputation. Tagged
// [.pgonly]: registered only in the pg run. The figures are printed (docs/benchmarks.md).
#include <catch2/catch.hpp>

#include "demo/demoregister.h"
#include "storage/auditlog.h"
#include "storage/database.h"
#include "storage/postgres/serverlogins.h"
#include "storage/problemfacts.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>

#include <algorithm>
#include <iostream>
#include <memory>

using namespace rectrack;
using namespace rectrack::core;
using namespace rectrack::test;

namespace {

} // namespace

TEST_CASE("server concurrency: 10 clients edit shared problems, nothing acknowledged is lost",
          "[.pgonly][server][concurrency]")
{
    REQUIRE(testOnServer());
    const QString url = createServerDatabase();
    auto opened = Database::open(url, Database::OpenMode::CreateIfMissing);
    REQUIRE(opened);
    std::unique_ptr<Database> admin = std::move(opened).value();
    REQUIRE(DemoRegister::build(*admin));
    const QString unit = QStringLiteral("市卫健委党组");
    QStringList ids;
    REQUIRE(
        admin->forEachRow(QStringLiteral("SELECT p.id FROM problems p JOIN units u ON u.id = p.unit_id WHERE "
                                         "u.name = ? ORDER BY p.id"),
                          {unit}, [&](const SqlRow &r) { ids << r.text(0); }));
    REQUIRE(ids.size() == 14);
    const qint64 progressBefore =
        admin->scalar(QStringLiteral("SELECT count(*) FROM progress_entries")).toLongLong();
    const QString suffix = QString::number(QRandomGenerator::global()->generate64() % 1000000000, 36);
    QStringList logins;
    for (int i = 0; i < 10; ++i) {
        const bool office = i < 5;
        const QString login = QStringLiteral("c%1_%2").arg(i).arg(suffix);
        REQUIRE(ServerLogins::add(*admin, login, office ? QStringLiteral("office") : QStringLiteral("unit"),
                                  office ? QStringList() : QStringList{unit}, QStringLiteral("pw")));
        logins << login;
    }
    {
        // Each problem's note holds its counter, 0 to start with (an audited update, so that
        // verify still finds every row as its last logged state).
        Transaction tx(*admin);
        REQUIRE(tx.active());
        for (const QString &id : ids)
            REQUIRE(AuditLog::update(*admin, QStringLiteral("problems"), id.toLongLong(),
                                     {{QStringLiteral("note"), QStringLiteral("0")}}));
        REQUIRE(tx.commit());
    }

    const int seconds = qEnvironmentVariableIsSet("RECTRACK_PG_CONCURRENCY_SECONDS")
                            ? qEnvironmentVariableIntValue("RECTRACK_PG_CONCURRENCY_SECONDS")
                            : 30;
    // Each clerk pauses about this long between two saves (0: none, the server saturated).
    const int think = qEnvironmentVariableIsSet("RECTRACK_PG_CONCURRENCY_THINK_MS")
                          ? qEnvironmentVariableIntValue("RECTRACK_PG_CONCURRENCY_THINK_MS")
                          : 100;
    std::vector<std::unique_ptr<QProcess>> clients;
    QElapsedTimer wall;
    wall.start();
    for (int i = 0; i < 10; ++i) {
        auto p = std::make_unique<QProcess>();
        p->start(QStringLiteral(RECTRACK_PG_CLIENT_PATH),
                 QStringList{serverUrlAs(url, logins.at(i), QStringLiteral("pw")),
                             QStringLiteral("c%1").arg(i), QString::number(seconds),
                             QString::number(1000 + i), QString::number(think)} +
                     ids);
        REQUIRE(p->waitForStarted(10000));
        clients.push_back(std::move(p));
    }
    QHash<qint64, qint64> increments;
    QStringList progressTexts;
    QList<double> latencies;
    qint64 stale = 0;
    qint64 writes = 0;
    QStringList failures;
    for (auto &p : clients) {
        REQUIRE(p->waitForFinished((seconds + 120) * 1000));
        INFO(QString::fromUtf8(p->readAllStandardError()).toStdString());
        REQUIRE(p->exitCode() == 0);
        const QStringList lines =
            QString::fromUtf8(p->readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
        REQUIRE(lines.last() == QLatin1String("done"));
        for (const QString &line : lines) {
            const QStringList f = line.split(u' ');
            if (f.at(0) == QLatin1String("inc")) {
                ++increments[f.at(1).toLongLong()];
                ++writes;
            } else if (f.at(0) == QLatin1String("progress")) {
                progressTexts << f.at(2);
                ++writes;
            } else if (f.at(0) == QLatin1String("measure") || f.at(0) == QLatin1String("review")) {
                ++writes;
            } else if (f.at(0) == QLatin1String("ms")) {
                latencies << f.at(1).toDouble();
            } else if (f.at(0) == QLatin1String("stale")) {
                ++stale;
            } else if (f.at(0) == QLatin1String("fail")) {
                failures << line;
            }
        }
    }
    const double elapsed = double(wall.elapsed()) / 1000.0;
    INFO(failures.join(u'\n').toStdString());
    CHECK(failures.isEmpty());
    REQUIRE(writes > 10 * seconds);

    // No lost update: each problem's counter is the number of increments acknowledged on it.
    for (const QString &id : ids)
        CHECK(admin->scalar(QStringLiteral("SELECT note FROM problems WHERE id = ?"), {id}).toString() ==
              QString::number(increments.value(id.toLongLong())));
    // Every acknowledged progress entry is there, once; none that was not acknowledged.
    CHECK(admin->scalar(QStringLiteral("SELECT count(*) FROM progress_entries")).toLongLong() ==
          progressBefore + progressTexts.size());
    CHECK(admin
              ->scalar(
                  QStringLiteral("SELECT count(DISTINCT text) FROM progress_entries WHERE text ~ '^c[0-9]-'"))
              .toLongLong() == progressTexts.size());
    // Stale saves were refused (each refused save read again and counted): with ten clients on
    // fourteen problems, some always are.
    CHECK(stale > 0);
    // The audit chain and every row against its last logged state; the statistics tables.
    const VerifyReport report = Verifier::verify(*admin);
    INFO(report.faults.join(u'\n').toStdString());
    CHECK(report.ok());
    CHECK(ProblemFactsDeferral::staleFacts(*admin) == 0);
    CHECK(ProblemFactsDeferral::staleTally(*admin) == 0);
    CHECK(ProblemFactsDeferral::staleLatestStates(*admin) == 0);

    std::sort(latencies.begin(), latencies.end());
    const double p95 = latencies.isEmpty() ? 0 : latencies.at(int(double(latencies.size() - 1) * 0.95));
    const double p50 = latencies.isEmpty() ? 0 : latencies.at(latencies.size() / 2);
    std::cout << "concurrency (think " << think << " ms): " << writes << " writes in " << elapsed << " s ("
              << double(writes) / elapsed << " per s), save latency p50 " << p50 << " ms, p95 " << p95
              << " ms, stale refusals " << stale << '\n';

    admin.reset();
    dropServerDatabase(url);
    ServerConnection server(pgAdminUrl());
    for (const QString &login : logins)
        server.exec(QStringLiteral("DROP ROLE IF EXISTS \"%1\"").arg(login));
}
