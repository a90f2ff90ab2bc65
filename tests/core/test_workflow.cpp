#include <catch2/catch.hpp>

#include "workflow/workflow.h"

using namespace rectrack::core;

TEST_CASE("closing out needs completion, finished measures and approved reviews", "[workflow]")
{
    TransitionContext ctx;
    ctx.reviewsApproved = false;
    const Status s = Workflow::checkTransition(ProblemState::InProgress, ProblemState::ClosedOut, ctx);
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().code == ErrorCode::InputRefused);
    CHECK(s.error().message.contains(QStringLiteral("completed")));

    // No measures on record: nothing to be complete.
    const Status none = Workflow::checkTransition(ProblemState::InProgress, ProblemState::Completed, ctx);
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().message.contains(QStringLiteral("no rectification measures")));

    ctx.measures = 2;
    ctx.unfinishedMeasures = 2;
    const Status unfinished =
        Workflow::checkTransition(ProblemState::InProgress, ProblemState::Completed, ctx);
    REQUIRE_FALSE(unfinished.ok());
    CHECK(unfinished.error().message.contains(QStringLiteral("2 measure")));

    ctx.unfinishedMeasures = 0;
    CHECK(Workflow::checkTransition(ProblemState::InProgress, ProblemState::Completed, ctx).ok());
    CHECK_FALSE(Workflow::checkTransition(ProblemState::Completed, ProblemState::ClosedOut, ctx).ok());
    ctx.reviewsApproved = true;
    CHECK(Workflow::checkTransition(ProblemState::Completed, ProblemState::ClosedOut, ctx).ok());
    CHECK_FALSE(Workflow::checkTransition(ProblemState::ClosedOut, ProblemState::InProgress, ctx).ok());
    CHECK_FALSE(Workflow::checkTransition(ProblemState::InProgress, ProblemState::Registered, ctx).ok());
}

TEST_CASE("traffic lights follow the thresholds and ignore done and long-term items", "[workflow]")
{
    const QDate asOf(2021, 1, 15);
    CHECK(Workflow::light(ProblemState::InProgress, QDate(2021, 1, 14), asOf) == WarningLight::Red);
    CHECK(Workflow::light(ProblemState::InProgress, QDate(2021, 1, 15), asOf) == WarningLight::Yellow);
    CHECK(Workflow::light(ProblemState::InProgress, QDate(2021, 1, 25), asOf) == WarningLight::Yellow);
    CHECK(Workflow::light(ProblemState::InProgress, QDate(2021, 1, 26), asOf) == WarningLight::Green);
    CHECK(Workflow::light(ProblemState::Registered, QDate(2021, 2, 4), asOf) == WarningLight::Green);
    CHECK(Workflow::light(ProblemState::Registered, QDate(2021, 2, 5), asOf) == WarningLight::Normal);
    CHECK(Workflow::light(ProblemState::Completed, QDate(2020, 1, 1), asOf) == WarningLight::None);
    CHECK(Workflow::light(ProblemState::LongTerm, QDate(2020, 1, 1), asOf) == WarningLight::None);
    CHECK(Workflow::light(ProblemState::InProgress, QDate(), asOf) == WarningLight::None);
    WarningThresholds strict{30, 15};
    CHECK(Workflow::light(ProblemState::InProgress, QDate(2021, 1, 30), asOf, strict) ==
          WarningLight::Yellow);
    CHECK(Workflow::overdueDays(QDate(2021, 1, 5), asOf) == 10);
    CHECK(Workflow::overdueDays(QDate(2021, 1, 25), asOf) == 0);
}
