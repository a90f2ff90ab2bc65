// Schema step 8 → 9 (issue #26): units.name no longer UNIQUE (a partner's unit of the same name is a
// unit of its own, exchange::UnitDuplicates), the units table rebuilt under the same ids.
#include <catch2/catch.hpp>

#include "storage/auditlog.h"
#include "storage/schema.h"
#include "testsupport.h"

#include <QFile>

using namespace rectrack::core;
using rectrack::test::TempRegister;

TEST_CASE("the schema-1 fixture migrates to units of non-unique names with every reference kept",
          "[file][schema][duplicates]")
{
    TempRegister reg;
    REQUIRE(reg.replaceWith(QStringLiteral(RECTRACK_SOURCE_DIR "/tests/data/schema/v1.rtk")));
    auto db = Database::open(reg.path);
    REQUIRE(db.ok());
    Database &d = **db;
    CHECK(d.schemaVersion() == schema::kVersion);
    // Foreign keys on again, none broken; every problem still finds its unit.
    CHECK(d.scalar(QStringLiteral("PRAGMA foreign_keys")).toInt() == 1);
    CHECK(d.scalar(QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")).toInt() == 0);
    const int problems = d.scalar(QStringLiteral("SELECT count(*) FROM problems")).toInt();
    CHECK(problems == 3);
    CHECK(d.scalar(QStringLiteral("SELECT count(*) FROM problems p JOIN units u ON u.id = p.unit_id"))
              .toInt() == problems);
    CHECK(d.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name IN ('units_name', "
                                  "'unit_duplicates')"))
              .toInt() == 2);
    // A second unit of a name is taken (the exchange import's partner unit), a uuid still unique.
    const QString name = d.scalar(QStringLiteral("SELECT name FROM units ORDER BY id LIMIT 1")).toString();
    REQUIRE_FALSE(name.isEmpty());
    CHECK(d.exec(QStringLiteral("INSERT INTO units (uuid, name) VALUES ('u-9', ?)"), {name}).ok());
    CHECK_FALSE(d.exec(QStringLiteral("INSERT INTO units (uuid, name) VALUES ('u-9', 'x')")).ok());
    // A reference to no unit is still refused.
    CHECK_FALSE(d.exec(QStringLiteral("UPDATE problems SET unit_id = 999999")).ok());
}
