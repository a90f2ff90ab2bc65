#include <catch2/catch.hpp>

#include "demo/demoregister.h"
#include "models/filesize.h"
#include "models/labels.h"
#include "storage/ledgerquery.h"
#include "testsupport.h"
#include "views/detailpane.h"
#include "workflow/problemservice.h"

using namespace rectrack;
using namespace rectrack::core;

TEST_CASE("the detail pane's state line names the day a done problem was completed or closed out",
          "[ui][detail]")
{
    test::TempRegister reg;
    REQUIRE(DemoRegister::build(*reg.db).ok());
    ProblemService problems(*reg.db);
    qint64 completed = 0, closedOut = 0;
    (void)reg.db->forEachRow(QStringLiteral("SELECT id, state FROM problems ORDER BY id"), {},
                             [&](const SqlRow &r) {
                                 if (r.text(1) == QLatin1String("completed") && completed == 0)
                                     completed = r.integer(0);
                                 if (r.text(1) == QLatin1String("closed_out") && closedOut == 0)
                                     closedOut = r.integer(0);
                             });
    REQUIRE(completed > 0);
    REQUIRE(closedOut > 0);
    const Problem c = *problems.problem(completed);
    const Problem x = *problems.problem(closedOut);
    REQUIRE(c.completedDate.isValid());
    REQUIRE(x.closedOutDate.isValid());

    ui::DetailPane pane;
    LedgerContext today;
    today.asOf = DemoRegister::referenceDate();
    pane.showProblem(*reg.db, completed, 0, today);
    CHECK(pane.toPlainText().contains(QStringLiteral("%1 %2 · completed %3")
                                          .arg(c.registrationNo, ui::Labels::state(ProblemState::Completed),
                                               c.completedDate.toString(Qt::ISODate))));
    pane.showProblem(*reg.db, closedOut, 0, today);
    CHECK(pane.toPlainText().contains(QStringLiteral("%1 %2 · closed out %3")
                                          .arg(x.registrationNo, ui::Labels::state(ProblemState::ClosedOut),
                                               x.closedOutDate.toString(Qt::ISODate))));
    // The day before it was completed, the problem was not done: no date on its state line.
    LedgerContext before = today;
    before.asOf = c.completedDate.addDays(-1);
    before.historical = true;
    pane.showProblem(*reg.db, completed, 0, before);
    CHECK_FALSE(pane.toPlainText().contains(QStringLiteral(" · completed ")));
}

TEST_CASE("file sizes are shown in one format, in KB", "[ui][detail]")
{
    CHECK(ui::fileSizeText(0) == QStringLiteral("0.0 KB"));
    CHECK(ui::fileSizeText(400) == QStringLiteral("0.4 KB"));
    CHECK(ui::fileSizeText(12800) == QStringLiteral("12.5 KB"));
    CHECK(ui::fileSizeText(2 * 1024 * 1024) == QStringLiteral("2,048 KB"));
    CHECK(ui::fileSizeText(50LL * 1024 * 1024) == QStringLiteral("51,200 KB"));
}
