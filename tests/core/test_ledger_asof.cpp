#include <catch2/catch.hpp>

#include "io/ledgerexporter.h"
#include "stats/statistics.h"
#include "storage/ledgerquery.h"
#include "testsupport.h"
#include "workflow/organizationservice.h"
#include "workflow/problemservice.h"
#include "workflow/supervisionservice.h"

using namespace rectrack::core;
using rectrack::test::TempRegister;

namespace {

/// Two problems of one unit: 甲 fed back 2020-04-10 (deadline 2020-07-10, extended on 2020-08-01
/// to 2020-09-30, in progress on 2020-05-01, completed on 2020-09-20), 乙 fed back 2020-10-01.
struct AsOfRegister
{
    TempRegister reg;
    qint64 first = 0;
    qint64 second = 0;

    AsOfRegister()
    {
        OrganizationService org(*reg.db);
        ProblemService problems(*reg.db);
        SupervisionService supervision(*reg.db);
        const qint64 unit = *org.ensureUnit(QStringLiteral("市某局党组"));
        Problem p;
        p.unitId = unit;
        p.registrationNo = QStringLiteral("甲");
        p.description = QStringLiteral("公务接待管理不规范");
        p.feedbackDate = QDate(2020, 4, 10);
        p.deadline = QDate(2020, 7, 10);
        Measure m;
        m.content = QStringLiteral("修订接待办法");
        m.deadline = QDate(2020, 7, 10);
        first = *problems.registerProblem(p, {m});
        REQUIRE(supervision.changeState(first, ProblemState::InProgress, QDate(2020, 5, 1)));
        const qint64 request = *supervision.requestExtension(
            first, QDate(2020, 9, 30), QStringLiteral("制度修订需上会"), QDate(2020, 7, 1));
        REQUIRE(supervision.decideExtension(request, true, QStringLiteral("巡察办"), QDate(2020, 8, 1)));
        for (const Measure &x : problems.measures(first))
            REQUIRE(problems.setMeasureState(x.id, MeasureState::Completed, QDate(2020, 9, 15)));
        REQUIRE(supervision.changeState(first, ProblemState::Completed, QDate(2020, 9, 20)));
        p.registrationNo = QStringLiteral("乙");
        p.description = QStringLiteral("公车使用管理不规范");
        p.feedbackDate = QDate(2020, 10, 1);
        p.deadline = QDate(2020, 12, 31);
        second = *problems.registerProblem(p, {});
    }
};

} // namespace

TEST_CASE("a historical ledger shows the problems as they stood on the as-of date", "[ledger][asof]")
{
    AsOfRegister r;
    LedgerQuery query(*r.reg.db);
    const WarningThresholds thresholds;

    // Today's view: both problems, 甲 completed with the extended deadline.
    auto now = query.ids(Ledger::Problems, {}, LedgerContext{QDate(2020, 6, 30), thresholds, false});
    REQUIRE(now);
    CHECK(now->size() == 2);

    // On 2020-06-30: only 甲, in progress, its original deadline, red a fortnight later.
    const LedgerContext june{QDate(2020, 6, 30), thresholds, true};
    auto ids = query.ids(Ledger::Problems, {}, june);
    REQUIRE(ids);
    REQUIRE(*ids == QList<qint64>{r.first});
    auto rows = query.problemRows(*ids, june);
    REQUIRE(rows);
    CHECK(rows->first().state == ProblemState::InProgress);
    CHECK(rows->first().deadline == QDate(2020, 7, 10));
    CHECK(query.problemRows({r.second}, june)->isEmpty()); // not yet fed back
    // The same count as the statistics on that day, and a state filter on the day's states.
    CHECK(qint64(ids->size()) == Statistics::compute(*r.reg.db, QDate(2020, 6, 30))->total.problems);
    LedgerFilter completed;
    completed.states = {ProblemState::Completed};
    CHECK(query.ids(Ledger::Problems, completed, june)->isEmpty());
    // Its measure was completed later: in progress that day.
    const LedgerContext juneMeasures{QDate(2020, 6, 30), thresholds, true};
    auto measureIds = query.ids(Ledger::Measures, {}, juneMeasures);
    REQUIRE(measureIds->size() == 1);
    CHECK(query.measureRows(*measureIds, juneMeasures)->first().state == MeasureState::InProgress);

    // On 2020-08-15: the extended deadline applies; still in progress, not overdue.
    const LedgerContext august{QDate(2020, 8, 15), thresholds, true};
    auto augustRows = query.problemRows({r.first}, august);
    REQUIRE(augustRows->size() == 1);
    CHECK(augustRows->first().deadline == QDate(2020, 9, 30));
    LedgerFilter red;
    red.light = WarningLight::Red;
    CHECK(query.ids(Ledger::Problems, red, august)->isEmpty());

    // The export as of a date is the same view.
    ExportOptions o;
    o.asOf = QDate(2020, 6, 30);
    auto table = LedgerExporter::build(*r.reg.db, o);
    REQUIRE(table);
    REQUIRE(table->rows.size() == 1);
    o.asOf = QDate(2020, 12, 31);
    CHECK(LedgerExporter::build(*r.reg.db, o)->rows.size() == 2);
    // Restricted to the rows a filtered view shows.
    o.ids = QList<qint64>{r.second};
    auto only = LedgerExporter::build(*r.reg.db, o);
    REQUIRE(only->rows.size() == 1);
    CHECK(only->rows.first().at(1).toString() == QStringLiteral("乙"));
}
