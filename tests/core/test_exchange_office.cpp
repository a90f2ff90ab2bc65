// Exchange in the office (issue #26): the site scope of statistics, the conflict queue with its
// decisions travelling back, and the return flow of the city's supervision to a district.
#include <catch2/catch.hpp>

#include "exchange/conflicts.h"
#include "exchange/exchange.h"
#include "exchange/package.h"
#include "exchange/signing.h"
#include "exchange/sites.h"
#include "exchange/sitescope.h"
#include "exchange/unitduplicates.h"
#include "exchangefixtures.h"
#include "stats/statistics.h"
#include "storage/auditlog.h"
#include "testsupport.h"
#include "workflow/categoryservice.h"
#include "workflow/organizationservice.h"
#include "workflow/problemservice.h"
#include "workflow/supervisionservice.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>

using namespace rectrack::core;
using namespace rectrack::core::exchange;
using rectrack::test::readAll;
using rectrack::test::TempRegister;
using rectrack::test::writeAll;

namespace {

/// A register that is a site, with one unit of its own.
struct Office
{
    Office(const QString &office, const QString &unitName)
    {
        REQUIRE(CategoryService(*reg.db).addStandardCategories().ok());
        REQUIRE(Sites::setup(*reg.db, office).ok());
        auto u = OrganizationService(*reg.db).ensureUnit(unitName);
        REQUIRE(u.ok());
        unit = *u;
        self = *Sites::self(*reg.db);
    }
    Database &db() { return *reg.db; }

    qint64 addProblem(const QString &text, QDate deadline = QDate(2020, 12, 31))
    {
        Problem p;
        p.unitId = unit;
        p.registrationNo = QStringLiteral("R-%1").arg(++serial);
        p.description = text;
        p.feedbackDate = QDate(2020, 4, 10);
        p.deadline = deadline;
        Measure m;
        m.content = text + QStringLiteral(" 措施");
        m.deadline = QDate(2020, 10, 31);
        auto id = ProblemService(db()).registerProblem(p, {m});
        REQUIRE(id.ok());
        return *id;
    }

    /// Writes the package for @p to and returns its path.
    QString exportTo(const QString &to)
    {
        ExportOptions o;
        o.to = to;
        o.output = out.path();
        auto r = Exchange::exportPackage(db(), o);
        REQUIRE(r.ok());
        return r->file;
    }

    ImportResult importFrom(const QString &file)
    {
        auto r = Exchange::importPackage(db(), file, false, true);
        REQUIRE(r.ok());
        return *r;
    }

    QString uuidOf(const QString &table, qint64 id)
    {
        return db().scalar(QStringLiteral("SELECT uuid FROM %1 WHERE id = ?").arg(table), {id}).toString();
    }
    qint64 idOf(const QString &table, const QString &uuid)
    {
        return db()
            .scalar(QStringLiteral("SELECT id FROM %1 WHERE uuid = ?").arg(table), {uuid})
            .toLongLong();
    }

    TempRegister reg{QDate(2020, 9, 1)};
    QTemporaryDir out;
    qint64 unit = 0;
    int serial = 0;
    Site self;
};

/// @p file (a package of @p sender) with extra problem rows @p claims added to rows.json, the
/// manifest's hash of it updated and signed again with the sender's key: a package that changes
/// rows the receiver owns (as a register copied from another one would send).
QString withClaims(Office &sender, const QString &file, const QList<QJsonObject> &claims)
{
    return rectrack::test::withExtraProblems(file, claims, sender.self.privateKey,
                                             sender.out.filePath(QStringLiteral("claims.rtx")));
}

/// The package form of problem @p uuid of @p office with @p changes applied.
QJsonObject claimOf(Office &office, const QString &uuid, const QJsonObject &changes)
{
    auto held = Exchange::heldRows(office.db());
    REQUIRE(held.ok());
    QJsonObject values = QJsonDocument::fromJson(held->value(uuid).json.toUtf8()).object();
    for (auto it = changes.begin(); it != changes.end(); ++it)
        values.insert(it.key(), it.value());
    return QJsonObject{{QStringLiteral("uuid"), uuid},
                       {QStringLiteral("version"), 999999},
                       {QStringLiteral("values"), values}};
}

} // namespace

TEST_CASE("the site scope counts each office's own problems", "[exchange][office]")
{
    Office city(QStringLiteral("市委巡察办"), QStringLiteral("市财政局"));
    Office siming(QStringLiteral("思明区委巡察办"), QStringLiteral("思明区教育局"));
    city.addProblem(QStringLiteral("市级问题一"));
    for (int i = 0; i < 3; ++i)
        siming.addProblem(QStringLiteral("区级问题%1").arg(i + 1), QDate(2020, 6, 30));
    city.importFrom(siming.exportTo(QStringLiteral("市委巡察办")));

    auto bySite = Statistics::compute(city.db(), QDate(2020, 9, 1), GroupBy::Site);
    REQUIRE(bySite.ok());
    REQUIRE(bySite->groups.size() == 2);
    CHECK(bySite->groups.at(0).key == QStringLiteral("市委巡察办"));
    CHECK(bySite->groups.at(0).counts.problems == 1);
    CHECK(bySite->groups.at(0).counts.overdue == 0);
    CHECK(bySite->groups.at(1).key == QStringLiteral("思明区委巡察办"));
    CHECK(bySite->groups.at(1).counts.problems == 3);
    CHECK(bySite->groups.at(1).counts.measures == 3);
    CHECK(bySite->groups.at(1).counts.overdue == 3);
    CHECK(bySite->total.problems == 4);

    StatsFilter f;
    f.site = *SiteScopes::find(city.db(), QStringLiteral("思明区委巡察办"));
    for (const bool history : {false, true}) {
        Statistics::setForceHistory(history);
        auto scoped = Statistics::compute(city.db(), QDate(2020, 9, 1), GroupBy::Unit, f);
        REQUIRE(scoped.ok());
        REQUIRE(scoped->groups.size() == 1);
        CHECK(scoped->groups.at(0).key == QStringLiteral("思明区教育局"));
        CHECK(scoped->total.problems == 3);
        auto overdue = Statistics::overdue(city.db(), QDate(2020, 9, 1), f);
        REQUIRE(overdue.ok());
        CHECK(overdue->size() == 3);
    }
    Statistics::setForceHistory(false);
    f.site = *SiteScopes::find(city.db(), city.self.siteUuid);
    CHECK(f.site->self);
    CHECK(Statistics::compute(city.db(), QDate(2020, 9, 1), GroupBy::None, f)->total.problems == 1);
    const auto unknown = SiteScopes::find(city.db(), QStringLiteral("湖里区委巡察办"));
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().code == ErrorCode::InputRefused);
    CHECK(unknown.error().message.contains(QStringLiteral("思明区委巡察办")));
}

TEST_CASE("conflicts go to a person: listed with both values, decided, audited and sent back",
          "[exchange][office]")
{
    Office city(QStringLiteral("市委巡察办"), QStringLiteral("市财政局"));
    Office siming(QStringLiteral("思明区委巡察办"), QStringLiteral("思明区教育局"));
    const QString first =
        city.uuidOf(QStringLiteral("problems"), city.addProblem(QStringLiteral("市级问题一")));
    const QString second =
        city.uuidOf(QStringLiteral("problems"), city.addProblem(QStringLiteral("市级问题二")));
    const QString third =
        city.uuidOf(QStringLiteral("problems"), city.addProblem(QStringLiteral("市级问题三")));
    siming.addProblem(QStringLiteral("区级问题"));
    // The district's package claims three of the city's problems, each with another text.
    const QString file = withClaims(
        siming, siming.exportTo(QStringLiteral("市委巡察办")),
        {claimOf(city, first, {{QStringLiteral("description"), QStringLiteral("区里改过的问题一")}}),
         claimOf(city, second, {{QStringLiteral("description"), QStringLiteral("区里改过的问题二")}}),
         claimOf(city, third, {{QStringLiteral("description"), QStringLiteral("区里改过的问题三")}})});
    const ImportResult imported = city.importFrom(file);
    CHECK(imported.total.conflicts == 3);
    CHECK(*Conflicts::openCount(city.db()) == 3);
    auto open = Conflicts::list(city.db());
    REQUIRE(open.ok());
    REQUIRE(open->size() == 3);
    const Conflict c1 = open->at(0);
    CHECK(c1.kind == QStringLiteral("owned_here"));
    CHECK(c1.partnerOffice == QStringLiteral("思明区委巡察办"));
    CHECK(c1.entity == QStringLiteral("problems"));
    CHECK(c1.rowUuid == first);
    CHECK(c1.record == QStringLiteral("R-1 市级问题一"));
    REQUIRE(c1.fields.size() == 1);
    CHECK(c1.fields.at(0).field == QStringLiteral("description"));
    CHECK(c1.fields.at(0).ours == QStringLiteral("市级问题一"));
    CHECK(c1.fields.at(0).theirs == QStringLiteral("区里改过的问题一"));
    CHECK(c1.recordedAt.startsWith(QStringLiteral("2020-09-01")));

    const qint64 auditBefore = AuditLog::length(city.db());
    // Keep, accept, edit.
    REQUIRE(Conflicts::resolve(city.db(), open->at(0).id, Conflicts::Decision::Keep).ok());
    REQUIRE(Conflicts::resolve(city.db(), open->at(1).id, Conflicts::Decision::Accept).ok());
    REQUIRE(Conflicts::resolve(city.db(), open->at(2).id, Conflicts::Decision::Edit,
                               QStringLiteral("description"), QStringLiteral("市区共同确认的问题三"))
                .ok());
    auto text = [&](const QString &uuid) {
        return city.db()
            .scalar(QStringLiteral("SELECT description FROM problems WHERE uuid = ?"), {uuid})
            .toString();
    };
    CHECK(text(first) == QStringLiteral("市级问题一"));
    CHECK(text(second) == QStringLiteral("区里改过的问题二"));
    CHECK(text(third) == QStringLiteral("市区共同确认的问题三"));
    CHECK(*Conflicts::openCount(city.db()) == 0);
    // Each decision is an audited change of its conflict; accept and edit also of the problem.
    CHECK(AuditLog::length(city.db()) == auditBefore + 5);
    CHECK(city.db()
              .scalar(QStringLiteral(
                  "SELECT count(*) FROM audit_log WHERE entity = 'exchange_conflicts' AND action = "
                  "'update'"))
              .toLongLong() == 3);
    // Decided once only; accept and edit only for a row this register owns.
    const Status again = Conflicts::resolve(city.db(), open->at(0).id, Conflicts::Decision::Keep);
    CHECK(again.error().code == ErrorCode::InputRefused);
    auto all = Conflicts::list(city.db(), true);
    REQUIRE(all->size() == 3);
    CHECK(all->at(0).decision == QStringLiteral("keep"));
    CHECK(all->at(2).decision == QStringLiteral("edit"));
    CHECK(all->at(2).decisionText.contains(QStringLiteral("市区共同确认的问题三")));

    // The decisions travel back with the city's next package and are recorded once at the district.
    const QString back = city.exportTo(QStringLiteral("思明区委巡察办"));
    const ImportResult atDistrict = siming.importFrom(back);
    CHECK(atDistrict.decisionsReceived == 3);
    auto received = Conflicts::list(siming.db(), true);
    REQUIRE(received.ok());
    REQUIRE(received->size() == 3);
    for (const Conflict &c : *received) {
        CHECK(c.kind == QStringLiteral("partner_decision"));
        CHECK(c.partnerOffice == QStringLiteral("市委巡察办"));
        CHECK_FALSE(c.open());
    }
    CHECK(*Conflicts::openCount(siming.db()) == 0);
    const QString edited = received->at(0).decision == QStringLiteral("edit") ? received->at(0).decisionText
                           : received->at(1).decision == QStringLiteral("edit")
                               ? received->at(1).decisionText
                               : received->at(2).decisionText;
    CHECK(edited.contains(QStringLiteral("市委巡察办")));
    // A replay of the package, or the next one repeating them, adds none.
    CHECK(Exchange::importPackage(siming.db(), back, false, false)->outcome ==
          ImportResult::Outcome::AlreadyCovered);
    REQUIRE(city.importFrom(siming.exportTo(QStringLiteral("市委巡察办"))).total.conflicts == 0);
    const ImportResult next = siming.importFrom(city.exportTo(QStringLiteral("思明区委巡察办")));
    CHECK(next.decisionsReceived == 0);
    CHECK(Conflicts::list(siming.db(), true)->size() == 3);
}

TEST_CASE("accept and edit are refused for a conflict about a row this register does not own",
          "[exchange][office]")
{
    Office city(QStringLiteral("市委巡察办"), QStringLiteral("市交通运输局"));
    Office siming(QStringLiteral("思明区委巡察办"), QStringLiteral("思明区教育局"));
    siming.addProblem(QStringLiteral("区级问题"));
    // The district's team has the name of the city's: a name taken here, for a person.
    REQUIRE(OrganizationService(city.db()).ensureTeam(QStringLiteral("第一巡察组")).ok());
    REQUIRE(OrganizationService(siming.db()).ensureTeam(QStringLiteral("第一巡察组")).ok());
    const ImportResult r = city.importFrom(siming.exportTo(QStringLiteral("市委巡察办")));
    CHECK(r.total.conflicts == 1);
    auto open = Conflicts::list(city.db());
    REQUIRE(open->size() == 1);
    CHECK(open->at(0).kind == QStringLiteral("name_taken"));
    CHECK(open->at(0).entity == QStringLiteral("teams"));
    const Status accept = Conflicts::resolve(city.db(), open->at(0).id, Conflicts::Decision::Accept);
    REQUIRE_FALSE(accept.ok());
    CHECK(accept.error().code == ErrorCode::InputRefused);
    CHECK(*Conflicts::openCount(city.db()) == 1);
    REQUIRE(Conflicts::resolve(city.db(), open->at(0).id, Conflicts::Decision::Keep).ok());
    CHECK(*Conflicts::openCount(city.db()) == 0);
}

TEST_CASE(
    "the return flow: the city's supervision of a district's problem reaches the district, read-only there",
    "[exchange][office]")
{
    Office city(QStringLiteral("市委巡察办"), QStringLiteral("市财政局"));
    Office siming(QStringLiteral("思明区委巡察办"), QStringLiteral("思明区教育局"));
    const qint64 problem = siming.addProblem(QStringLiteral("区级问题"));
    const QString problemUuid = siming.uuidOf(QStringLiteral("problems"), problem);
    city.importFrom(siming.exportTo(QStringLiteral("市委巡察办")));

    // The city sends a supervision letter about the district's problem.
    SupervisionAction letter;
    letter.problemId = city.idOf(QStringLiteral("problems"), problemUuid);
    letter.kind = SupervisionKind::SupervisionLetter;
    letter.date = QDate(2020, 9, 1);
    letter.actor = QStringLiteral("市委巡察办 王某");
    letter.note = QStringLiteral("请于9月底前报送整改进展");
    auto added = SupervisionService(city.db()).addAction(letter);
    REQUIRE(added.ok());
    const ImportResult back = siming.importFrom(city.exportTo(QStringLiteral("思明区委巡察办")));
    // The letter, under the district's unit (the city's own unit travels with the package too).
    CHECK(back.byUnit.value(QStringLiteral("思明区教育局")).added == 1);
    CHECK(back.total.added == 2);
    CHECK(back.total.conflicts == 0);

    // At the district: on its problem, marked as the city's.
    const QList<SupervisionAction> actions = SupervisionService(siming.db()).actions(problem);
    REQUIRE(actions.size() == 1);
    CHECK(actions.at(0).kind == SupervisionKind::SupervisionLetter);
    CHECK(actions.at(0).note == QStringLiteral("请于9月底前报送整改进展"));
    CHECK(*SiteScopes::heldFor(siming.db(), QStringLiteral("supervision_actions"), actions.at(0).id) ==
          QStringLiteral("市委巡察办"));
    CHECK(SiteScopes::heldFor(siming.db(), QStringLiteral("problems"), problem)->isEmpty());
    // The district cannot change it: the service refuses, naming the owner, and nothing changes.
    const qint64 auditBefore = AuditLog::length(siming.db());
    const Status removed = SupervisionService(siming.db()).removeAction(actions.at(0).id);
    REQUIRE_FALSE(removed.ok());
    CHECK(removed.error().code == ErrorCode::InputRefused);
    CHECK(removed.error().message.contains(QStringLiteral("市委巡察办")));
    CHECK(AuditLog::length(siming.db()) == auditBefore);
    CHECK(SupervisionService(siming.db()).actions(problem).size() == 1);
    // The city itself may remove its own letter; the removal travels as a tombstone.
    REQUIRE(SupervisionService(city.db()).removeAction(*added).ok());
    const ImportResult gone = siming.importFrom(city.exportTo(QStringLiteral("思明区委巡察办")));
    CHECK(gone.total.deleted == 1);
    CHECK(SupervisionService(siming.db()).actions(problem).isEmpty());
    // The district's acknowledgement travels back: its next package acknowledges the city's second.
    const QString ack = siming.exportTo(QStringLiteral("市委巡察办"));
    CHECK(Exchange::checkPackage(ack)->manifest.value(QLatin1String("ack")).toInteger() == 2);
}

TEST_CASE(
    "a district's problem held in the city's register is read-only there: no edit is overwritten silently",
    "[exchange][office]")
{
    Office city(QStringLiteral("市委巡察办"), QStringLiteral("市财政局"));
    Office siming(QStringLiteral("思明区委巡察办"), QStringLiteral("思明区教育局"));
    const qint64 problem = siming.addProblem(QStringLiteral("区级问题"));
    const QString problemUuid = siming.uuidOf(QStringLiteral("problems"), problem);
    REQUIRE(city.importFrom(siming.exportTo(QStringLiteral("市委巡察办"))).total.conflicts == 0);
    const qint64 held = city.idOf(QStringLiteral("problems"), problemUuid);
    REQUIRE(held > 0);
    ProblemService cityProblems(city.db());
    const qint64 auditBefore = AuditLog::length(city.db());

    // Every change of the district's rows at the city is refused, naming the district, and
    // writes nothing: the problem, its soft deletion, its state, its measure, its unit.
    auto refusedHere = [&](const Status &s) {
        REQUIRE_FALSE(s.ok());
        CHECK(s.error().code == ErrorCode::InputRefused);
        CHECK(s.error().message.contains(QStringLiteral("思明区委巡察办")));
    };
    Problem edited = *cityProblems.problem(held);
    edited.description = QStringLiteral("市级改写的描述");
    refusedHere(cityProblems.updateProblem(edited));
    refusedHere(cityProblems.deleteProblem(held));
    refusedHere(SupervisionService(city.db()).changeState(held, ProblemState::InProgress, QDate(2020, 9, 1)));
    const QList<Measure> measures = cityProblems.measures(held);
    REQUIRE(measures.size() == 1);
    Measure measure = measures.at(0);
    measure.content = QStringLiteral("市级改写的措施");
    refusedHere(cityProblems.updateMeasure(measure));
    refusedHere(cityProblems.removeMeasure(measure.id));
    const qint64 districtUnit = cityProblems.problem(held)->unitId;
    refusedHere(AuditLog::update(city.db(), QStringLiteral("units"), districtUnit,
                                 {{QStringLiteral("name"), QStringLiteral("改名")}}));
    CHECK(AuditLog::length(city.db()) == auditBefore);
    CHECK(cityProblems.problem(held)->description == QStringLiteral("区级问题"));
    CHECK(cityProblems.problem(held)->state == ProblemState::Registered);
    CHECK(cityProblems.measures(held).at(0).content == QStringLiteral("区级问题 措施"));
    // The city's own rows stay writable.
    const qint64 own = city.addProblem(QStringLiteral("市级问题"));
    Problem mine = *cityProblems.problem(own);
    mine.description = QStringLiteral("市级问题（改）");
    CHECK(cityProblems.updateProblem(mine).ok());

    // The city's supervision of the district's problem is its own rows: allowed.
    SupervisionAction letter;
    letter.problemId = held;
    letter.kind = SupervisionKind::SupervisionLetter;
    letter.date = QDate(2020, 9, 1);
    letter.note = QStringLiteral("请报送整改进展");
    REQUIRE(SupervisionService(city.db()).addAction(letter).ok());
    SupervisionAction interview = letter;
    interview.kind = SupervisionKind::Interview;
    REQUIRE(SupervisionService(city.db()).addAction(interview).ok());
    CHECK(SupervisionService(city.db()).actions(held).size() == 2);

    // The district completes the problem; the city's review decisions on it are recorded (the
    // rejection leaves the district's state alone: the district changes it), and travel back.
    REQUIRE(SupervisionService(siming.db())
                .changeState(problem, ProblemState::InProgress, QDate(2020, 8, 1))
                .ok());
    const qint64 districtMeasure = ProblemService(siming.db()).measures(problem).at(0).id;
    REQUIRE(ProblemService(siming.db())
                .setMeasureState(districtMeasure, MeasureState::Completed, QDate(2020, 8, 15))
                .ok());
    REQUIRE(SupervisionService(siming.db())
                .changeState(problem, ProblemState::Completed, QDate(2020, 8, 20))
                .ok());
    Problem districtEdit = *ProblemService(siming.db()).problem(problem);
    districtEdit.description = QStringLiteral("区级问题（区里改）");
    REQUIRE(ProblemService(siming.db()).updateProblem(districtEdit).ok());
    const ImportResult second = city.importFrom(siming.exportTo(QStringLiteral("市委巡察办")));
    CHECK(second.total.conflicts == 0);
    CHECK(second.total.added == 2);   // the two state-history rows
    CHECK(second.total.updated == 2); // the problem and its measure
    CHECK(cityProblems.problem(held)->description == QStringLiteral("区级问题（区里改）"));
    CHECK(cityProblems.problem(held)->state == ProblemState::Completed);
    Review review;
    review.problemId = held;
    review.step = ReviewStep::UnitLeader;
    review.reviewer = QStringLiteral("市委巡察办 李某");
    review.date = QDate(2020, 9, 1);
    review.approved = false;
    review.opinion = QStringLiteral("佐证材料不足");
    REQUIRE(SupervisionService(city.db()).addReview(review).ok());
    CHECK(cityProblems.problem(held)->state == ProblemState::Completed);
    CHECK(SupervisionService(city.db()).reviews(held).size() == 1);
    const ImportResult back = siming.importFrom(city.exportTo(QStringLiteral("思明区委巡察办")));
    CHECK(back.total.conflicts == 0);
    const QList<Review> atDistrict = SupervisionService(siming.db()).reviews(problem);
    REQUIRE(atDistrict.size() == 1);
    CHECK(atDistrict.at(0).opinion == QStringLiteral("佐证材料不足"));
    CHECK_FALSE(atDistrict.at(0).approved);
    CHECK(SupervisionService(siming.db()).actions(problem).size() == 2);
    // Nothing was decided silently: no conflict on either side.
    CHECK(Conflicts::list(city.db(), true)->isEmpty());
    CHECK(Conflicts::list(siming.db(), true)->isEmpty());
}

TEST_CASE("an applied package is taken back as one step, and can be imported again", "[exchange][office]")
{
    Office city(QStringLiteral("市委巡察办"), QStringLiteral("市财政局"));
    Office siming(QStringLiteral("思明区委巡察办"), QStringLiteral("思明区教育局"));
    const qint64 first = siming.addProblem(QStringLiteral("区级问题一"));
    siming.addProblem(QStringLiteral("区级问题二"));
    const QString firstUuid = siming.uuidOf(QStringLiteral("problems"), first);
    auto problemsAtCity = [&] {
        return city.db().scalar(QStringLiteral("SELECT count(*) FROM problems")).toLongLong();
    };
    auto heldAtCity = [&] {
        return city.db().scalar(QStringLiteral("SELECT count(*) FROM exchange_rows")).toLongLong();
    };
    city.addProblem(QStringLiteral("市级问题"));
    REQUIRE(problemsAtCity() == 1);

    const QString package1 = siming.exportTo(QStringLiteral("市委巡察办"));
    ImportUndo undo1;
    auto applied = Exchange::importPackage(city.db(), package1, false, true, &undo1);
    REQUIRE(applied.ok());
    // The unit, two problems, their measures and their first state-history rows.
    CHECK(applied->total.added == 7);
    CHECK(problemsAtCity() == 3);
    CHECK_FALSE(undo1.empty());
    const qint64 heldAfterFirst = heldAtCity();
    CHECK(heldAfterFirst == applied->total.added);

    // Undone: the district's rows, the partner and the package record are gone; the chain verifies.
    REQUIRE(Exchange::undoImport(city.db(), undo1).ok());
    CHECK(problemsAtCity() == 1);
    CHECK(heldAtCity() == 0);
    CHECK(Sites::partners(city.db())->isEmpty());
    CHECK(city.db().scalar(QStringLiteral("SELECT count(*) FROM exchange_packages")).toLongLong() == 0);
    CHECK(Verifier::verify(city.db()).ok());
    // So the same package is new again (a first package: it needs the trust again).
    REQUIRE_FALSE(Exchange::importPackage(city.db(), package1, false, false).ok());
    auto again = Exchange::importPackage(city.db(), package1, false, true, &undo1);
    REQUIRE(again.ok());
    CHECK(again->outcome == ImportResult::Outcome::Applied);
    CHECK(again->total.added == applied->total.added);
    CHECK(problemsAtCity() == 3);

    // The district changes a problem and removes a measure: the undo writes the problem back and
    // brings the measure back.
    Problem changed = *ProblemService(siming.db()).problem(first);
    changed.description = QStringLiteral("区级问题一（改）");
    REQUIRE(ProblemService(siming.db()).updateProblem(changed).ok());
    REQUIRE(
        ProblemService(siming.db()).removeMeasure(ProblemService(siming.db()).measures(first).at(0).id).ok());
    const QString package2 = siming.exportTo(QStringLiteral("市委巡察办"));
    ImportUndo undo2;
    auto second = Exchange::importPackage(city.db(), package2, false, false, &undo2);
    REQUIRE(second.ok());
    CHECK(second->total.updated == 1);
    CHECK(second->total.deleted == 1);
    const qint64 held = city.idOf(QStringLiteral("problems"), firstUuid);
    ProblemService cityProblems(city.db());
    CHECK(cityProblems.problem(held)->description == QStringLiteral("区级问题一（改）"));
    CHECK(cityProblems.measures(held).isEmpty());

    // The first import cannot be undone while the second has changed its rows: nothing changes.
    const qint64 auditBefore = AuditLog::length(city.db());
    const Status refused = Exchange::undoImport(city.db(), undo1);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::InputRefused);
    CHECK(AuditLog::length(city.db()) == auditBefore);

    REQUIRE(Exchange::undoImport(city.db(), undo2).ok());
    CHECK(cityProblems.problem(held)->description == QStringLiteral("区级问题一"));
    REQUIRE(cityProblems.measures(held).size() == 1);
    CHECK(cityProblems.measures(held).at(0).content == QStringLiteral("区级问题一 措施"));
    CHECK(heldAtCity() == heldAfterFirst);
    CHECK(Sites::partners(city.db())->at(0).lastReceivedSeq == 1);
    CHECK(Verifier::verify(city.db()).ok());
    // The package is new again, and applies as before.
    auto redo = Exchange::importPackage(city.db(), package2, false, false, &undo2);
    REQUIRE(redo.ok());
    CHECK(redo->total.updated == 1);
    CHECK(redo->total.deleted == 1);
    CHECK(cityProblems.measures(held).isEmpty());
    // The district's rows held at the city compare equal to the district's own.
    auto atDistrict = Exchange::heldRows(siming.db());
    auto atCity = Exchange::heldRows(city.db());
    CHECK(atCity->value(firstUuid).json == atDistrict->value(firstUuid).json);
}

namespace {

/// Runs the openssl command line with @p args; its exit code.
int openssl(const QStringList &args, QByteArray *output = nullptr)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("openssl"), args);
    REQUIRE(p.waitForFinished(30000));
    if (output)
        *output = p.readAll();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace

TEST_CASE("a site may sign with SM2 over SM3, and the openssl command line verifies its package",
          "[exchange][office]")
{
    TempRegister reg(QDate(2020, 9, 1));
    REQUIRE(CategoryService(*reg.db).addStandardCategories().ok());
    REQUIRE(Sites::setup(*reg.db, QStringLiteral("思明区委巡察办"), Algorithm::Sm2).ok());
    const Site me = *Sites::self(*reg.db);
    CHECK(me.algorithm() == Algorithm::Sm2);
    CHECK(me.publicKey.size() == 91); // DER SubjectPublicKeyInfo of a point on the SM2 curve
    CHECK(me.fingerprint.size() == 39);
    REQUIRE(OrganizationService(*reg.db).ensureUnit(QStringLiteral("思明区教育局")).ok());

    QTemporaryDir out;
    ExportOptions o;
    o.to = QStringLiteral("市委巡察办");
    o.output = out.path();
    auto exported = Exchange::exportPackage(*reg.db, o);
    REQUIRE(exported.ok());
    auto package = Exchange::checkPackage(exported->file);
    REQUIRE(package.ok());
    CHECK(package->manifest.value(QLatin1String("sender"))
              .toObject()
              .value(QLatin1String("algorithm"))
              .toString() == QStringLiteral("SM2-SM3"));
    CHECK(package->fingerprint == me.fingerprint);

    // The openssl command line verifies the manifest's signature with the distinguishing ID
    // 1234567812345678, and refuses it under another ID or for a changed manifest.
    const QByteArray signature =
        QByteArray::fromBase64(package->entries.value(QStringLiteral("manifest.sig")).trimmed());
    REQUIRE_FALSE(signature.isEmpty());
    const QString pem = out.filePath(QStringLiteral("pub.pem"));
    const QString sig = out.filePath(QStringLiteral("manifest.sig.der"));
    const QString manifest = out.filePath(QStringLiteral("manifest.json"));
    const QString changed = out.filePath(QStringLiteral("changed.json"));
    writeAll(pem, publicKeyPem(me.publicKey));
    writeAll(sig, signature);
    writeAll(manifest, package->manifestJson);
    writeAll(changed, QByteArray(package->manifestJson).replace("思明区委巡察办", "湖里区委巡察办"));
    auto verifyWith = [&](const QString &message, const char *id) {
        QByteArray text;
        const int code = openssl({QStringLiteral("pkeyutl"), QStringLiteral("-verify"),
                                  QStringLiteral("-pubin"), QStringLiteral("-inkey"), pem,
                                  QStringLiteral("-rawin"), QStringLiteral("-digest"), QStringLiteral("sm3"),
                                  QStringLiteral("-pkeyopt"), QStringLiteral("distid:") + QLatin1String(id),
                                  QStringLiteral("-in"), message, QStringLiteral("-sigfile"), sig},
                                 &text);
        return std::make_pair(code, QString::fromUtf8(text));
    };
    const auto good = verifyWith(manifest, "1234567812345678");
    CHECK(good.first == 0);
    CHECK(good.second.contains(QStringLiteral("Signature Verified Successfully")));
    CHECK(verifyWith(manifest, "8765432187654321").first != 0);
    CHECK(verifyWith(changed, "1234567812345678").first != 0);
    // And the other way round: a signature made by the openssl command line verifies here.
    const QString key = out.filePath(QStringLiteral("key.pem"));
    REQUIRE(openssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("SM2"),
                     QStringLiteral("-out"), key}) == 0);
    REQUIRE(openssl({QStringLiteral("pkey"), QStringLiteral("-in"), key, QStringLiteral("-pubout"),
                     QStringLiteral("-outform"), QStringLiteral("DER"), QStringLiteral("-out"),
                     out.filePath(QStringLiteral("theirs.der"))}) == 0);
    REQUIRE(
        openssl({QStringLiteral("pkeyutl"), QStringLiteral("-sign"), QStringLiteral("-inkey"), key,
                 QStringLiteral("-rawin"), QStringLiteral("-digest"), QStringLiteral("sm3"),
                 QStringLiteral("-pkeyopt"), QStringLiteral("distid:1234567812345678"), QStringLiteral("-in"),
                 manifest, QStringLiteral("-out"), out.filePath(QStringLiteral("theirs.sig"))}) == 0);
    QFile theirsKey(out.filePath(QStringLiteral("theirs.der")));
    QFile theirsSig(out.filePath(QStringLiteral("theirs.sig")));
    REQUIRE(theirsKey.open(QIODevice::ReadOnly));
    REQUIRE(theirsSig.open(QIODevice::ReadOnly));
    const QByteArray theirPublic = theirsKey.readAll();
    const QByteArray theirSignature = theirsSig.readAll();
    CHECK(verify(theirPublic, package->manifestJson, theirSignature));
    CHECK_FALSE(verify(theirPublic, package->manifestJson + ' ', theirSignature));
    CHECK_FALSE(verify(me.publicKey, package->manifestJson, theirSignature));

    // An Ed25519 city takes the SM2 district's package in, and knows it by its SM2 key.
    Office city(QStringLiteral("市委巡察办"), QStringLiteral("市财政局"));
    auto imported = Exchange::importPackage(city.db(), exported->file, false, true);
    REQUIRE(imported.ok());
    CHECK(imported->senderFingerprint == me.fingerprint);
    CHECK(imported->total.added == 1);
    auto partner = Sites::findPartner(city.db(), me.siteUuid);
    REQUIRE(partner.ok());
    REQUIRE(partner->has_value());
    CHECK((*partner)->algorithm() == Algorithm::Sm2);
    // A manifest that claims Ed25519 for an SM2 key is refused.
    auto entries = PackageArchive::read(readAll(exported->file), QStringLiteral("p"));
    REQUIRE(entries.ok());
    QJsonObject m = QJsonDocument::fromJson(entries->at(0).second).object();
    QJsonObject sender = m.value(QLatin1String("sender")).toObject();
    sender.insert(QStringLiteral("algorithm"), QStringLiteral("Ed25519"));
    m.insert(QStringLiteral("sender"), sender);
    const QByteArray json = QJsonDocument(m).toJson(QJsonDocument::Indented);
    (*entries)[0].second = json;
    (*entries)[1].second = sign(me.privateKey, json).toBase64() + '\n';
    const QString claimed = out.filePath(QStringLiteral("claimed.rtx"));
    writeAll(claimed, *PackageArchive::write(*entries));
    const auto refused = Exchange::checkPackage(claimed);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.contains(QStringLiteral("Ed25519")));
}

namespace {

/// The problems counted per unit group of `stats --by unit` in @p db, as "name=problems/measures"
/// joined by " | ".
std::string byUnit(Database &db)
{
    auto r = Statistics::compute(db, QDate(2020, 9, 1), GroupBy::Unit);
    REQUIRE(r.ok());
    QStringList out;
    for (const GroupCounts &g : r->groups)
        out << QStringLiteral("%1=%2/%3").arg(g.key).arg(g.counts.problems).arg(g.counts.measures);
    return out.join(QStringLiteral(" | ")).toStdString();
}

} // namespace

TEST_CASE("a unit two districts registered under the city's unit's name is a possible duplicate for a person",
          "[exchange][office][duplicates]")
{
    // The same name three times: the city's, the district's, and one written with a full-width
    // digit (the same after NFKC).
    Office city(QStringLiteral("市委巡察办"), QStringLiteral("市第1中学"));
    Office siming(QStringLiteral("思明区委巡察办"), QStringLiteral("市第1中学"));
    Office huli(QStringLiteral("湖里区委巡察办"), QStringLiteral("市第１中学"));
    city.addProblem(QStringLiteral("市级问题一"));
    city.addProblem(QStringLiteral("市级问题二"));
    siming.addProblem(QStringLiteral("思明问题"));
    for (const QString &t :
         {QStringLiteral("湖里问题一"), QStringLiteral("湖里问题二"), QStringLiteral("湖里问题三")})
        huli.addProblem(t);
    const qint64 auditBefore = AuditLog::length(city.db());

    // Each district's unit comes in as a unit of its own, owned by the district: nothing merged.
    const ImportResult fromSiming = city.importFrom(siming.exportTo(QStringLiteral("市委巡察办")));
    CHECK(fromSiming.total.conflicts == 0);
    CHECK(fromSiming.possibleDuplicates == 1);
    const ImportResult fromHuli = city.importFrom(huli.exportTo(QStringLiteral("市委巡察办")));
    CHECK(fromHuli.total.conflicts == 0);
    CHECK(fromHuli.possibleDuplicates == 1); // paired with the city's unit, not with 思明's as well
    CHECK(city.db().scalar(QStringLiteral("SELECT count(*) FROM units")).toLongLong() == 3);
    CHECK(city.idOf(QStringLiteral("units"), siming.uuidOf(QStringLiteral("units"), siming.unit)) !=
          city.unit);
    CHECK(Conflicts::list(city.db(), true)->isEmpty());
    auto open = UnitDuplicates::list(city.db());
    REQUIRE(open.ok());
    REQUIRE(open->size() == 2);
    CHECK(*UnitDuplicates::openCount(city.db()) == 2);
    const UnitDuplicate first = open->at(0);
    CHECK(first.unitId == city.unit);
    CHECK(first.unitName == QStringLiteral("市第1中学"));
    CHECK(first.unitOffice == QStringLiteral("市委巡察办"));
    CHECK(first.otherUnitName == QStringLiteral("市第1中学"));
    CHECK(first.otherOffice == QStringLiteral("思明区委巡察办"));
    CHECK(first.decision == QStringLiteral("open"));
    CHECK(open->at(1).otherUnitName == QStringLiteral("市第１中学"));
    CHECK(open->at(1).otherOffice == QStringLiteral("湖里区委巡察办"));
    // Counted apart while undecided, the districts' units named with their office.
    // In pinyin order: 湖 (hu) before 思 (si).
    const std::string apart =
        "市第1中学=2/2 | 市第１中学（湖里区委巡察办）=3/3 | 市第1中学（思明区委巡察办）=1/1";
    CHECK(byUnit(city.db()) == apart);
    // The records are audited rows; the import wrote them.
    CHECK(city.db()
              .scalar(QStringLiteral(
                          "SELECT count(*) FROM audit_log WHERE entity = 'unit_duplicates' AND id > ?"),
                      {auditBefore})
              .toLongLong() == 2);

    // Merged, the three count as the city's unit: 2 + 1 + 3 problems (and measures).
    REQUIRE(UnitDuplicates::decide(city.db(), first.id, UnitDuplicates::Decision::Merge).ok());
    REQUIRE(UnitDuplicates::decide(city.db(), open->at(1).id, UnitDuplicates::Decision::Merge).ok());
    CHECK(*UnitDuplicates::openCount(city.db()) == 0);
    CHECK(byUnit(city.db()) == "市第1中学=6/6");
    auto stats = Statistics::compute(city.db(), QDate(2020, 9, 1), GroupBy::Unit);
    CHECK(stats->total.problems == 6);
    // The same figures from the history lookups as from the tally.
    Statistics::setForceHistory(true);
    const std::string fromHistory = byUnit(city.db());
    Statistics::setForceHistory(false);
    CHECK(fromHistory == "市第1中学=6/6");
    // The districts' rows are not rewritten: their problems stay under their own units.
    CHECK(city.db()
              .scalar(QStringLiteral("SELECT count(*) FROM problems WHERE unit_id = ?"), {city.unit})
              .toLongLong() == 2);
    auto decided = UnitDuplicates::list(city.db(), true);
    REQUIRE(decided->size() == 2);
    CHECK(decided->at(0).decision == QStringLiteral("merged"));
    CHECK_FALSE(decided->at(0).decidedAt.isEmpty());
    CHECK(decided->at(0).decidedBy == city.db().actor());
    // A decided record is not decided again.
    const Status again = UnitDuplicates::decide(city.db(), first.id, UnitDuplicates::Decision::KeepApart);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == ErrorCode::InputRefused);

    // Undone (the app's 撤销 reopens it): 思明's unit counts apart again.
    REQUIRE(UnitDuplicates::reopen(city.db(), first.id).ok());
    CHECK(*UnitDuplicates::openCount(city.db()) == 1);
    CHECK(byUnit(city.db()) == "市第1中学=5/5 | 市第1中学（思明区委巡察办）=1/1");

    // Kept apart: two units, and 思明's next package does not offer the pair again.
    REQUIRE(UnitDuplicates::decide(city.db(), first.id, UnitDuplicates::Decision::KeepApart).ok());
    CHECK(*UnitDuplicates::openCount(city.db()) == 0);
    siming.addProblem(QStringLiteral("思明问题二"));
    const ImportResult next = city.importFrom(siming.exportTo(QStringLiteral("市委巡察办")));
    CHECK(next.total.added == 3); // the problem, its measure and the measure's link to it
    CHECK(next.possibleDuplicates == 0);
    CHECK(*UnitDuplicates::openCount(city.db()) == 0);
    CHECK(UnitDuplicates::list(city.db(), true)->size() == 2);
    CHECK(byUnit(city.db()) == "市第1中学=5/5 | 市第1中学（思明区委巡察办）=2/2");
    // Every decision is in the audit log: two merges, a reopening, a keep-apart.
    CHECK(city.db()
              .scalar(QStringLiteral(
                  "SELECT count(*) FROM audit_log WHERE entity = 'unit_duplicates' AND action = "
                  "'update'"))
              .toLongLong() == 4);
}
