#include <catch2/catch.hpp>

#include "exchange/sites.h"
#include "testsupport.h"
#include "workflow/organizationservice.h"
#include "workflow/registerlevel.h"

using namespace rectrack::core;
using rectrack::test::TempRegister;

TEST_CASE("the source levels are listed from the highest down", "[registerlevel]")
{
    REQUIRE(sourceLevelOrder.size() == 4);
    CHECK(sourceLevelOrder[0] == SourceLevel::Central);
    CHECK(sourceLevelOrder[1] == SourceLevel::Provincial);
    CHECK(sourceLevelOrder[2] == SourceLevel::Municipal);
    CHECK(sourceLevelOrder[3] == SourceLevel::District);
}

TEST_CASE("a committee or office name names its level", "[registerlevel]")
{
    CHECK(sourceLevelNamedIn(QStringLiteral("思明区委巡察办")) == SourceLevel::District);
    CHECK(sourceLevelNamedIn(QStringLiteral("中共厦门市思明区委巡察工作领导小组办公室")) ==
          SourceLevel::District);
    CHECK(sourceLevelNamedIn(QStringLiteral("同安县委巡察办")) == SourceLevel::District);
    CHECK(sourceLevelNamedIn(QStringLiteral("十二届市委")) == SourceLevel::Municipal);
    CHECK(sourceLevelNamedIn(QStringLiteral("厦门市委巡察整改监督台账（示例）")) == SourceLevel::Municipal);
    CHECK(sourceLevelNamedIn(QStringLiteral("福建省委巡视办")) == SourceLevel::Provincial);
    CHECK(sourceLevelNamedIn(QStringLiteral("广西壮族自治区党委巡视办")) == SourceLevel::Provincial);
    CHECK_FALSE(sourceLevelNamedIn(QStringLiteral("巡察办")).has_value());
    CHECK_FALSE(sourceLevelNamedIn(QString()).has_value());
}

TEST_CASE("the register's level comes from its office, its title or its term", "[registerlevel]")
{
    SECTION("a register that says nothing of itself is municipal")
    {
        TempRegister reg;
        CHECK(registerSourceLevel(*reg.db) == SourceLevel::Municipal);
    }
    SECTION("a district term")
    {
        TempRegister reg;
        REQUIRE(OrganizationService(*reg.db)
                    .addTerm({0, QStringLiteral("十三届区委"), QDate(2021, 10, 1), {}})
                    .ok());
        CHECK(registerSourceLevel(*reg.db) == SourceLevel::District);
    }
    SECTION("the exchange site's office comes before the title and the term")
    {
        TempRegister reg;
        REQUIRE(OrganizationService(*reg.db)
                    .addTerm({0, QStringLiteral("十二届市委"), QDate(2016, 11, 1), {}})
                    .ok());
        REQUIRE(
            reg.db->setMeta(QStringLiteral("register_title"), QStringLiteral("厦门市委巡察整改台账")).ok());
        CHECK(registerSourceLevel(*reg.db) == SourceLevel::Municipal);
        REQUIRE(exchange::Sites::setup(*reg.db, QStringLiteral("思明区委巡察办")).ok());
        CHECK(registerSourceLevel(*reg.db) == SourceLevel::District);
    }
}
