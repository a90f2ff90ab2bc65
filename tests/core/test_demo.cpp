#include <catch2/catch.hpp>

#include "demo/demoregister.h"
#include "stats/statistics.h"
#include "storage/auditlog.h"
#include "testsupport.h"

using namespace rectrack::core;
using rectrack::test::TempRegister;

TEST_CASE("the demo register gives Xiamen's published figures as of 2021-01-15", "[demo]")
{
    TempRegister reg;
    REQUIRE(DemoRegister::build(*reg.db).ok());
    CHECK(reg.db->referenceDate() == QDate(2021, 1, 15));
    CHECK(reg.db->defaultAsOf() == QDate(2021, 1, 15));

    auto bySource = Statistics::compute(*reg.db, QDate(2021, 1, 15), GroupBy::Source);
    REQUIRE(bySource.ok());
    REQUIRE(bySource->groups.size() >= 3);
    const GroupCounts central = bySource->groups[0];
    const GroupCounts provincial = bySource->groups[1];
    CHECK(central.counts.problems == 20);
    CHECK(central.counts.completionRate() == 1.0);
    CHECK(provincial.counts.problems == 22);
    CHECK(provincial.counts.completionRate() == 1.0);

    const Coverage &c = bySource->coverage;
    CHECK(c.term == QStringLiteral("十二届市委"));
    CHECK(c.mustCover == 105);
    CHECK(c.covered == 99);
    CHECK(std::abs(Statistics::round4(c.rate()) - 0.943) < 0.0005);

    // Some problems are overdue and some closed out; the 15th round's third batch has no feedback yet.
    CHECK(bySource->total.overdue > 0);
    CHECK(bySource->total.closedOut > 0);
    auto byRound = Statistics::compute(*reg.db, QDate(2021, 1, 15), GroupBy::Round);
    QStringList rounds;
    for (const GroupCounts &g : byRound->groups)
        rounds << g.key;
    CHECK(rounds.contains(QStringLiteral("第十五轮第二批")));
    CHECK_FALSE(rounds.contains(QStringLiteral("第十五轮第三批")));
    CHECK(reg.db
              ->scalar(QStringLiteral(
                  "SELECT count(*) FROM inspections i JOIN rounds r ON r.id = i.round_id WHERE "
                  "r.label = '第十五轮第三批' AND i.entry_date = '2020-12-28'"))
              .toInt() == 5);
    // 27 units had regular inspections in 2020.
    CHECK(reg.db
              ->scalar(
                  QStringLiteral("SELECT count(DISTINCT unit_id) FROM inspections WHERE kind = 'regular' AND "
                                 "entry_date BETWEEN '2020-01-01' AND '2020-12-31' AND round_id IS NOT NULL"))
              .toInt() == 27);
    // Thematic inspections: epidemic prevention in 4 aspects; rural revitalisation in 8 aspects,
    // over the six districts and 14 municipal lead units.
    CHECK(reg.db
              ->scalar(
                  QStringLiteral("SELECT count(DISTINCT p.category_id) FROM problems p JOIN inspections i ON "
                                 "i.id = p.inspection_id WHERE i.theme = '疫情防控'"))
              .toInt() == 4);
    CHECK(reg.db
              ->scalar(
                  QStringLiteral("SELECT count(DISTINCT p.category_id) FROM problems p JOIN inspections i ON "
                                 "i.id = p.inspection_id WHERE i.theme = '乡村振兴'"))
              .toInt() == 8);
    CHECK(reg.db
              ->scalar(
                  QStringLiteral("SELECT count(DISTINCT i.unit_id) FROM inspections i JOIN units u ON u.id = "
                                 "i.unit_id WHERE i.theme = '乡村振兴' AND u.category = '区'"))
              .toInt() == 6);
    CHECK(reg.db
              ->scalar(
                  QStringLiteral("SELECT count(DISTINCT i.unit_id) FROM inspections i JOIN units u ON u.id = "
                                 "i.unit_id WHERE i.theme = '乡村振兴' AND u.category <> '区'"))
              .toInt() == 14);

    // The history is real: as of mid-2020 fewer problems existed and fewer were done.
    auto mid = Statistics::compute(*reg.db, QDate(2020, 7, 1));
    CHECK(mid->total.problems < bySource->total.problems);
    CHECK(mid->total.done() < bySource->total.done());

    CHECK(Verifier::verify(*reg.db).ok());
    // Building twice is refused.
    CHECK_FALSE(DemoRegister::build(*reg.db).ok());
}
