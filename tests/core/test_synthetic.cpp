#include <catch2/catch.hpp>

#include "demo/syntheticregister.h"
#include "stats/statistics.h"
#include "storage/auditlog.h"
#include "testsupport.h"

using namespace rectrack::core;
using rectrack::test::TempRegister;

TEST_CASE("a synthetic register has the requested size and passes verification", "[synthetic]")
{
    TempRegister reg;
    int calls = 0;
    const Status generated = SyntheticRegister::generate(*reg.db, 1000, 7, [&](int, int) { ++calls; });
    INFO((generated.ok() ? QString() : generated.error().message).toStdString());
    REQUIRE(generated.ok());
    CHECK(calls == 2); // after 1,000 and at the end
    CHECK(reg.db->scalar(QStringLiteral("SELECT count(*) FROM problems")).toInt() == 1000);
    CHECK(reg.db->scalar(QStringLiteral("SELECT count(*) FROM measures")).toInt() == 3000);
    CHECK(reg.db->scalar(QStringLiteral("SELECT count(*) FROM evidence")).toInt() == 10);
    CHECK(reg.db->scalar(QStringLiteral("SELECT count(*) FROM units")).toInt() == 40 + 2);
    const int entries = reg.db->scalar(QStringLiteral("SELECT count(*) FROM progress_entries")).toInt();
    const int started =
        reg.db->scalar(QStringLiteral("SELECT count(*) FROM problems WHERE state <> 'registered'")).toInt();
    CHECK(entries == 10 * started);
    CHECK(reg.db->referenceDate() == QDate(2021, 10, 31));

    auto stats = Statistics::compute(*reg.db, reg.db->defaultAsOf());
    REQUIRE(stats.ok());
    const Counts &c = stats->total;
    CHECK(c.problems == 1000);
    CHECK(c.registered + c.inProgress + c.longTerm + c.completed + c.closedOut == 1000);
    CHECK(c.closedOut > c.inProgress); // most of a term's problems are closed out by its end
    CHECK(stats->coverage.mustCover == 42);
    CHECK(stats->coverage.covered == 40);
    // The stored state equals the last state of the history.
    CHECK(reg.db
              ->scalar(QStringLiteral(
                  "SELECT count(*) FROM problems p WHERE p.state <> (SELECT s.state FROM "
                  "problem_states s WHERE s.problem_id = p.id ORDER BY s.changed_on DESC, s.id "
                  "DESC LIMIT 1)"))
              .toInt() == 0);

    const VerifyReport report = Verifier::verify(*reg.db);
    CHECK(report.faults.join(u'\n').toStdString() == "");
    CHECK(report.auditEntries == report.rowsChecked);

    // Same seed, same register.
    TempRegister again;
    REQUIRE(SyntheticRegister::generate(*again.db, 1000, 7).ok());
    CHECK(again.db->scalar(QStringLiteral("SELECT group_concat(state) FROM problems")) ==
          reg.db->scalar(QStringLiteral("SELECT group_concat(state) FROM problems")));
    CHECK_FALSE(SyntheticRegister::generate(*again.db, 10, 7).ok()); // not empty
}
