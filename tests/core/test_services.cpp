#include <catch2/catch.hpp>

#include "stats/statistics.h"
#include "storage/auditlog.h"
#include "testsupport.h"
#include "workflow/organizationservice.h"
#include "workflow/problemservice.h"
#include "workflow/supervisionservice.h"

#include <QCryptographicHash>

using namespace rectrack::core;
using rectrack::test::TempRegister;

namespace {

struct Fixture
{
    TempRegister reg{QDate(2020, 6, 1)};
    OrganizationService org{*reg.db};
    ProblemService problems{*reg.db};
    SupervisionService supervision{*reg.db};
    qint64 unit = *org.ensureUnit(QStringLiteral("市某局党组"));

    qint64 registerOne(int measures = 2, const QString &registrationNo = QStringLiteral("15-1-01-01"))
    {
        Problem p;
        p.unitId = unit;
        p.registrationNo = registrationNo;
        p.description = QStringLiteral("落实中央八项规定精神不严格，公务接待管理不规范");
        p.feedbackDate = QDate(2020, 4, 10);
        p.deadline = QDate(2020, 7, 10);
        QList<Measure> ms;
        for (int i = 0; i < measures; ++i) {
            Measure m;
            m.content = QStringLiteral("措施%1").arg(i + 1);
            m.deadline = QDate(2020, 7, 10);
            ms << m;
        }
        auto id = problems.registerProblem(p, ms);
        REQUIRE(id.ok());
        return *id;
    }
};

} // namespace

TEST_CASE("a problem goes from registration to close-out through the reviewed workflow",
          "[services][workflow]")
{
    Fixture f;
    const qint64 id = f.registerOne();
    CHECK(f.problems.problem(id)->state == ProblemState::Registered);

    REQUIRE(
        f.problems.addProgress({0, id, 0, QDate(2020, 4, 20), QStringLiteral("已制定整改方案"), {}}).ok());
    CHECK(f.problems.problem(id)->state == ProblemState::InProgress);

    // Completing with unfinished measures is refused, and says why.
    const Status early = f.supervision.changeState(id, ProblemState::Completed, QDate(2020, 5, 1));
    REQUIRE_FALSE(early.ok());
    CHECK(early.error().code == ErrorCode::InputRefused);
    CHECK(early.error().message.contains(QStringLiteral("2 measure")));

    const QList<Measure> ms = f.problems.measures(id);
    REQUIRE(ms.size() == 2);
    for (const Measure &m : ms)
        REQUIRE(f.problems.setMeasureState(m.id, MeasureState::Completed, QDate(2020, 5, 20)).ok());
    REQUIRE(f.supervision.changeState(id, ProblemState::Completed, QDate(2020, 5, 20)).ok());

    // Close-out without the reviews is refused.
    const Status noReview = f.supervision.closeOut(id, QDate(2020, 5, 21));
    REQUIRE_FALSE(noReview.ok());
    CHECK(noReview.error().message.contains(QStringLiteral("approved")));

    // Reviews go in order.
    auto outOfOrder = f.supervision.addReview(
        {0, id, ReviewStep::InspectionOffice, QStringLiteral("赵某某"), QDate(2020, 5, 22), true, {}});
    REQUIRE_FALSE(outOfOrder.ok());

    // A rejection sends the problem back to in progress.
    REQUIRE(f.supervision
                .addReview({0, id, ReviewStep::UnitLeader, QStringLiteral("王某某"), QDate(2020, 5, 22),
                            false, QStringLiteral("佐证材料不足")})
                .ok());
    CHECK(f.problems.problem(id)->state == ProblemState::InProgress);
    REQUIRE(f.supervision.changeState(id, ProblemState::Completed, QDate(2020, 5, 25)).ok());
    for (ReviewStep step : {ReviewStep::UnitLeader, ReviewStep::UnitGroup, ReviewStep::InspectionOffice})
        REQUIRE(f.supervision.addReview({0, id, step, QStringLiteral("李某某"), QDate(2020, 5, 28), true, {}})
                    .ok());
    REQUIRE(f.supervision.closeOut(id, QDate(2020, 5, 30)).ok());
    const Problem closed = *f.problems.problem(id);
    CHECK(closed.state == ProblemState::ClosedOut);
    CHECK(closed.closedOutDate == QDate(2020, 5, 30));

    // Nothing moves a closed-out problem.
    CHECK_FALSE(f.supervision.changeState(id, ProblemState::InProgress, QDate(2020, 6, 1)).ok());

    // The history answers "as of" questions.
    CHECK(f.problems.stateAsOf(id, QDate(2020, 4, 15)) == ProblemState::Registered);
    CHECK(f.problems.stateAsOf(id, QDate(2020, 5, 1)) == ProblemState::InProgress);
    CHECK(f.problems.stateAsOf(id, QDate(2020, 5, 23)) == ProblemState::InProgress);
    CHECK(f.problems.stateAsOf(id, QDate(2020, 5, 26)) == ProblemState::Completed);
    CHECK(f.problems.stateAsOf(id, QDate(2020, 6, 1)) == ProblemState::ClosedOut);
}

TEST_CASE("a problem without measures cannot be marked completed, in the service itself",
          "[services][workflow]")
{
    Fixture f;
    const qint64 id = f.registerOne(0);
    REQUIRE(f.supervision.changeState(id, ProblemState::InProgress, QDate(2020, 4, 20)).ok());
    const int states =
        f.reg.db->scalar(QStringLiteral("SELECT count(*) FROM problem_states WHERE problem_id = ?"), {id})
            .toInt();
    const Status s = f.supervision.changeState(id, ProblemState::Completed, QDate(2020, 5, 1));
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().code == ErrorCode::InputRefused);
    CHECK(s.error().message ==
          QStringLiteral("The problem cannot be marked completed: it has no rectification measures yet; add "
                         "them on the Measures tab."));
    // Nothing recorded: the state and its history are as they were.
    CHECK(f.problems.problem(id)->state == ProblemState::InProgress);
    CHECK(f.reg.db->scalar(QStringLiteral("SELECT count(*) FROM problem_states WHERE problem_id = ?"), {id})
              .toInt() == states);
    CHECK(f.problems.transitionContext(id).measures == 0);
    // With one finished measure it can.
    const qint64 other = f.registerOne(1, QStringLiteral("15-1-01-02"));
    for (const Measure &m : f.problems.measures(other))
        REQUIRE(f.problems.setMeasureState(m.id, MeasureState::Completed, QDate(2020, 5, 20)).ok());
    CHECK(f.problems.transitionContext(other).measures == 1);
    CHECK(f.supervision.changeState(other, ProblemState::Completed, QDate(2020, 5, 20)).ok());
    CHECK(f.problems.problem(other)->state == ProblemState::Completed);
}

TEST_CASE("statistics as of a past date return the earlier state", "[stats][asof]")
{
    Fixture f;
    const qint64 id = f.registerOne(1);
    REQUIRE(f.problems.addProgress({0, id, 0, QDate(2020, 4, 20), QStringLiteral("推进中"), {}}).ok());
    REQUIRE(
        f.problems
            .setMeasureState(f.problems.measures(id).first().id, MeasureState::Completed, QDate(2020, 8, 1))
            .ok());
    REQUIRE(f.supervision.changeState(id, ProblemState::Completed, QDate(2020, 8, 1)).ok());

    auto before = Statistics::compute(*f.reg.db, QDate(2020, 7, 31));
    REQUIRE(before.ok());
    CHECK(before->total.inProgress == 1);
    CHECK(before->total.completed == 0);
    CHECK(before->total.overdue == 1); // deadline 2020-07-10 passed, not done
    auto after = Statistics::compute(*f.reg.db, QDate(2020, 8, 1));
    CHECK(after->total.completed == 1);
    CHECK(after->total.overdue == 0);
    auto beforeFeedback = Statistics::compute(*f.reg.db, QDate(2020, 4, 9));
    CHECK(beforeFeedback->total.problems == 0);
}

TEST_CASE("an approved extension moves the deadline and keeps the original", "[services][extension]")
{
    Fixture f;
    const qint64 id = f.registerOne(1);
    auto bad =
        f.supervision.requestExtension(id, QDate(2020, 7, 1), QStringLiteral("太早"), QDate(2020, 6, 20));
    REQUIRE_FALSE(bad.ok());
    auto req = f.supervision.requestExtension(id, QDate(2020, 9, 30), QStringLiteral("跨部门协调"),
                                              QDate(2020, 6, 20));
    REQUIRE(req.ok());
    REQUIRE(f.supervision.decideExtension(*req, true, QStringLiteral("巡察办"), QDate(2020, 6, 25)).ok());
    const Problem p = *f.problems.problem(id);
    CHECK(p.deadline == QDate(2020, 9, 30));
    CHECK(p.originalDeadline == QDate(2020, 7, 10));
    CHECK_FALSE(
        f.supervision.decideExtension(*req, false, QStringLiteral("巡察办"), QDate(2020, 6, 26)).ok());
    // Overdue as of August under the extended deadline, not under the original one.
    CHECK(Statistics::compute(*f.reg.db, QDate(2020, 8, 1))->total.overdue == 0);
    CHECK(Statistics::compute(*f.reg.db, QDate(2020, 6, 24))->total.overdue == 0);
    CHECK(Statistics::compute(*f.reg.db, QDate(2020, 10, 1))->total.overdue == 1);
}

TEST_CASE("evidence is stored in the register with its hash", "[services][evidence]")
{
    Fixture f;
    const qint64 id = f.registerOne(1);
    const QByteArray data("整改报告", 12);
    auto ev = f.problems.addEvidence(id, 0, QStringLiteral("报告.docx"), data);
    REQUIRE(ev.ok());
    const QList<Evidence> list = f.problems.evidence(id);
    REQUIRE(list.size() == 1);
    CHECK(list.first().size == 12);
    CHECK(list.first().sha256 ==
          QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex()));
    CHECK(f.problems.evidenceData(*ev) == data);
    CHECK(Verifier::verify(*f.reg.db).ok());
}

TEST_CASE("a failed action changes nothing", "[services][transaction]")
{
    Fixture f;
    const qint64 before = AuditLog::length(*f.reg.db);
    Problem p;
    p.unitId = f.unit;
    p.feedbackDate = QDate(2020, 4, 10);
    auto r = f.problems.registerProblem(p); // no description
    REQUIRE_FALSE(r.ok());
    CHECK(AuditLog::length(*f.reg.db) == before);
    const qint64 id = f.registerOne(1);
    Problem dup = *f.problems.problem(id);
    auto again = f.problems.registerProblem(dup);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().message.contains(QStringLiteral("15-1-01-01")));
    CHECK(f.reg.db->scalar(QStringLiteral("SELECT count(*) FROM problems")).toInt() == 1);

    // A stale edit is refused.
    Problem edit = *f.problems.problem(id);
    Problem other = edit;
    other.leadLeader = QStringLiteral("张某某（党组书记）");
    REQUIRE(f.problems.updateProblem(other).ok());
    edit.leadLeader = QStringLiteral("李某某（党组书记）");
    CHECK_FALSE(f.problems.updateProblem(edit).ok());
    CHECK(f.problems.problem(id)->leadLeader == QStringLiteral("张某某（党组书记）"));
}
