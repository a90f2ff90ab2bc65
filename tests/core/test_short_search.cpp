// Ledger search for terms of one or two characters (no trigram): a file scans the texts, a server
// reads the GIN indexes over the texts' characters (schema step 11, postgres::textCharacters()).
// Both must find exactly the rows whose texts hold the term as a substring (LIKE '%term%').
#include <catch2/catch.hpp>

#include "storage/ledgerquery.h"
#include "testsupport.h"
#include "workflow/organizationservice.h"
#include "workflow/problemservice.h"

using namespace rectrack::core;
using rectrack::test::TempRegister;

namespace {

QString s(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

/// The ids of @p ledger's rows that a search for @p term finds, in id order.
QList<qint64> found(Database &db, Ledger ledger, const QString &term)
{
    LedgerFilter f;
    f.search = term;
    auto ids = LedgerQuery(db).ids(ledger, f, LedgerContext{QDate(2021, 1, 15), {}, false}, LedgerSort::Id);
    REQUIRE(ids);
    return *ids;
}

} // namespace

TEST_CASE("a search for one or two characters finds exactly the rows holding them as a substring",
          "[ledger][search]")
{
    TempRegister reg;
    Database &db = *reg.db;
    OrganizationService org(db);
    ProblemService service(db);
    const qint64 unit = *org.ensureUnit(s("市某局党组"));
    // Problem i (id i + 1) with its description, example, progress, one measure and its number.
    struct Row
    {
        const char *description;
        const char *example;
        const char *progress;
        const char *measure;
        const char *number;
    };
    const QList<Row> rows{
        {"加装电梯进度滞后", "", "", "修订制度", "A-1"},         // 1: 电梯 in the description
        {"财务管理不严", "老旧小区电梯", "", "修订制度", "A-2"}, // 2: in the example
        {"财务管理不严", "", "电梯已加装", "修订制度", "A-3"},   // 3: in the progress
        {"财务管理不严", "", "", "更换电梯", "A-4"},             // 4: in a measure only
        {"梯子与电线", "", "", "修订制度", "A-5"},               // 5: both characters, not adjacent
        {"报销100%审核", "", "", "a_b", "电梯"},                 // 6: the number is the term; % and _
        {"报销审核", "", "", "修订制度", "A-7"},                 // 7: neither character
    };
    for (const Row &r : rows) {
        Problem p;
        p.unitId = unit;
        p.registrationNo = s(r.number);
        p.description = s(r.description);
        p.example = s(r.example);
        p.progress = s(r.progress);
        p.feedbackDate = QDate(2021, 1, 10);
        Measure m;
        m.content = s(r.measure);
        REQUIRE(service.registerProblem(p, {m}).ok());
    }
    // Measure ids equal problem ids here (one measure each, in order).
    CHECK(found(db, Ledger::Problems, s("电梯")) == QList<qint64>{1, 2, 3, 4, 6});
    CHECK(found(db, Ledger::Measures, s("电梯")) == QList<qint64>{1, 2, 3, 4, 6});
    // One character: problem 5 too; not problem 6, whose number is compared whole.
    CHECK(found(db, Ledger::Problems, s("梯")) == QList<qint64>{1, 2, 3, 4, 5});
    CHECK(found(db, Ledger::Measures, s("梯")) == QList<qint64>{1, 2, 3, 4, 5});
    CHECK(found(db, Ledger::Problems, s("电线")) == QList<qint64>{5});
    CHECK(found(db, Ledger::Problems, s("梯电")).isEmpty());
    // Characters that are wildcards in LIKE are plain text in a search.
    CHECK(found(db, Ledger::Problems, s("0%")) == QList<qint64>{6});
    CHECK(found(db, Ledger::Problems, s("%")) == QList<qint64>{6});
    CHECK(found(db, Ledger::Measures, s("_")) == QList<qint64>{6});
    CHECK(found(db, Ledger::Problems, s("a_")) == QList<qint64>{6});
    CHECK(found(db, Ledger::Problems, s("ab")).isEmpty());
    // Two terms: both must match (电梯 and 加装: problems 1 and 3).
    CHECK(found(db, Ledger::Problems, s("电梯 加装")) == QList<qint64>{1, 3});
    // A changed text is found under its new characters at once (the index follows writes).
    auto p = service.problem(7);
    REQUIRE(p);
    p->description = s("报销审核，电梯");
    REQUIRE(service.updateProblem(*p).ok());
    CHECK(found(db, Ledger::Problems, s("电梯")) == QList<qint64>{1, 2, 3, 4, 6, 7});
    if (db.onServer()) {
        // The server answers through the character indexes, which every new register has.
        CHECK(db.scalar(QStringLiteral("SELECT count(*) FROM pg_indexes WHERE indexname IN "
                                       "('problems_text_chars', 'measures_text_chars')"))
                  .toInt() == 2);
        // Without planner statistics of their expressions (postgres::textCharactersStatistics()).
        CHECK(db.scalar(QStringLiteral("SELECT count(*) FROM pg_attribute WHERE attrelid IN "
                                       "('problems_text_chars'::regclass, 'measures_text_chars'::regclass) "
                                       "AND attstattarget = 0"))
                  .toInt() == 2);
    }
}
