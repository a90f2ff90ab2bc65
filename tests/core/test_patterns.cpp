#include <catch2/catch.hpp>

#include "patternfixture.h"
#include "patterns/patternservice.h"
#include "storage/auditlog.h"
#include "storage/schema.h"
#include "testsupport.h"
#include "workflow/oversightregisters.h"

#include <QFile>

using namespace rectrack::core;
using rectrack::test::TempRegister;

namespace {

QStringList schemaSql(Database &db)
{
    QStringList out;
    auto q = db.exec(
        QStringLiteral("SELECT type, name, coalesce(sql, '') FROM sqlite_master ORDER BY type, name"));
    while (q && q->next())
        out << q->value(0).toString() + u' ' + q->value(1).toString() + u' ' + q->value(2).toString();
    return out;
}

QStringList regNos(const PatternFigures &f)
{
    QStringList out;
    for (const PatternMember &m : f.members)
        out << m.problem.registrationNo;
    return out;
}

} // namespace

TEST_CASE("the acceptance register suggests a1…a5 and b1 b2, and accepted, a is common with one recurrence",
          "[patterns]")
{
    TempRegister reg;
    const auto ids = rectrack::test::buildPatternRegister(*reg.db);
    PatternService service(*reg.db);
    const QDate asOf(2021, 1, 15);

    auto suggested = service.suggestions(asOf, 1);
    REQUIRE(suggested.ok());
    REQUIRE(suggested->size() == 2);
    const PatternFigures &a = suggested->at(0);
    CHECK(a.suggested);
    CHECK(a.name == QStringLiteral("公务用车管理不规范，未按规定登记使用车辆")); // the medoid a2's text
    CHECK(a.medoidId == ids.value(QStringLiteral("a2")));
    CHECK(regNos(a) == QStringList{QStringLiteral("a2"), QStringLiteral("a4"), QStringLiteral("a1"),
                                   QStringLiteral("a5"), QStringLiteral("a3")});
    CHECK(regNos(suggested->at(1)) == QStringList{QStringLiteral("b1"), QStringLiteral("b2")});

    // Nothing counts before a person accepts.
    CHECK(service.figures(asOf)->isEmpty());
    auto accepted = service.acceptAll(asOf);
    REQUIRE(accepted.ok());
    CHECK(*accepted == 2);
    auto figures = service.figures(asOf);
    REQUIRE(figures.ok());
    REQUIRE(figures->size() == 2);
    const PatternFigures &fa = figures->at(0);
    CHECK_FALSE(fa.suggested);
    CHECK(fa.common);
    CHECK(fa.units == 4);
    CHECK(fa.rounds == 3);
    CHECK(fa.problems == 5);
    CHECK(fa.closedOut == 3);
    CHECK(fa.closeOutRate == Approx(0.6));
    CHECK(fa.recurrenceUnits == 1);
    CHECK(fa.recurrenceEvents == 1);
    CHECK(fa.unrectifiedEvents == 0);
    for (const PatternMember &m : fa.members)
        CHECK(m.recurrence == (m.problem.registrationNo == QLatin1String("a4")));
    const PatternFigures &fb = figures->at(1);
    CHECK_FALSE(fb.common);
    CHECK(fb.units == 2);
    CHECK(fb.rounds == 1);
    CHECK(fb.closedOut == 1);
    CHECK(fb.closeOutRate == Approx(0.5));

    // As of 2020-01-15 a5 is not yet closed out: 2 of 5.
    CHECK(service.figures(QDate(2020, 1, 15))->at(0).closedOut == 2);
    // Accepted problems are no longer suggested.
    CHECK(service.suggestions(asOf, 1)->isEmpty());
    // The common threshold is a setting.
    PatternSettings s = service.settings();
    s.commonUnits = 5;
    REQUIRE(service.saveSettings(s).ok());
    CHECK_FALSE(service.figures(asOf)->at(0).common);
    s.thresholds.possible = 0.7;
    CHECK_FALSE(service.saveSettings(s).ok()); // possible above suggest
}

TEST_CASE("an earlier member still open makes a later one 未整改到位, counted apart from recurrence",
          "[patterns]")
{
    TempRegister reg;
    const auto ids = rectrack::test::buildPatternRegister(*reg.db);
    PatternService service(*reg.db);
    // a3 (丙, R2, open) and c2 (丙, R3) in one pattern: c2 was fed back while a3 is still open.
    auto change = service.acceptChange(QStringLiteral("测试"),
                                       {ids.value(QStringLiteral("a3")), ids.value(QStringLiteral("c2"))});
    REQUIRE(change.ok());
    REQUIRE(service.apply(*change).ok());
    const PatternFigures f = service.figures(QDate(2021, 1, 15))->at(0);
    CHECK(f.recurrenceEvents == 0);
    CHECK(f.unrectifiedUnits == 1);
    CHECK(f.unrectifiedEvents == 1);
}

TEST_CASE("pattern edits are audited, undone exactly and kept out of later suggestions", "[patterns]")
{
    TempRegister reg;
    const auto ids = rectrack::test::buildPatternRegister(*reg.db);
    PatternService service(*reg.db);
    const QDate asOf(2021, 1, 15);
    REQUIRE(service.acceptAll(asOf).ok());
    const QList<Pattern> start = service.patterns();
    REQUIRE(start.size() == 2);
    const qint64 pa = start[0].id, pb = start[1].id;
    const qint64 auditBefore = AuditLog::length(*reg.db);

    // Exclude a3: it leaves the pattern and is not suggested for it again.
    auto excluded = service.apply(*service.excludeChange(pa, ids.value(QStringLiteral("a3"))));
    REQUIRE(excluded.ok());
    CHECK(service.pattern(pa)->members.size() == 4);
    CHECK(service.pattern(pa)->excluded == QList<qint64>{ids.value(QStringLiteral("a3"))});
    CHECK(AuditLog::length(*reg.db) == auditBefore + 1);
    CHECK(service.suggestions(asOf, 1)->isEmpty());
    // Undo puts it back.
    REQUIRE(service.apply(excluded->reversed()).ok());
    CHECK(service.patterns() == start);

    // Rename, merge, split, move and delete, each undone.
    for (const auto &make : std::initializer_list<std::function<Result<PatternChange>()>>{
             [&] { return service.renameChange(pa, QStringLiteral("公务用车管理不规范")); },
             [&] { return service.mergeChange(pa, pb); },
             [&] {
                 return service.splitChange(
                     pa, {ids.value(QStringLiteral("a1")), ids.value(QStringLiteral("a5"))},
                     QStringLiteral("车辆登记"));
             },
             [&] { return service.moveChange(ids.value(QStringLiteral("b1")), pa); },
             [&] { return service.removeChange(pb); }}) {
        auto change = make();
        REQUIRE(change.ok());
        auto applied = service.apply(*change);
        REQUIRE(applied.ok());
        CHECK(service.patterns() != start);
        REQUIRE(service.apply(applied->reversed()).ok());
        CHECK(service.patterns() == start);
        // Redo gives the same patterns again (same ids for new ones).
        auto redone = service.apply(*applied);
        REQUIRE(redone.ok());
        CHECK(redone->after == applied->after);
        REQUIRE(service.apply(applied->reversed()).ok());
    }
    // A problem cannot be in two patterns.
    Pattern twice = *service.pattern(pb);
    twice.members << ids.value(QStringLiteral("a1"));
    auto refused = service.apply(PatternChange{{*service.pattern(pb)}, {twice}});
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.contains(QStringLiteral("a1")));
    CHECK(service.patterns() == start);

    // The register changes (a new problem like a2): decisions stay, the new one is suggested as an
    // addition to the pattern.
    Problem p;
    p.registrationNo = QStringLiteral("a6");
    p.unitId = reg.db->scalar(QStringLiteral("SELECT id FROM units WHERE name = '丙'")).toLongLong();
    p.feedbackDate = QDate(2020, 12, 1);
    p.description = QStringLiteral("公务用车管理不规范，未按规定登记使用公务车辆");
    const qint64 a6 = ProblemService(*reg.db).registerProblem(p).value();
    CHECK(service.patterns() == start);
    auto more = service.suggestions(asOf, 1);
    REQUIRE(more->size() == 1);
    CHECK(more->at(0).patternId == pa);
    int added = 0;
    for (const PatternMember &m : more->at(0).members)
        added += m.added ? 1 : 0;
    CHECK(added == 1);
    REQUIRE(service.acceptAll(asOf).ok());
    CHECK(service.patternOf(a6) == pa);

    // The whole register still verifies.
    const QStringList faults = Verifier::verify(*reg.db).faults;
    INFO(faults.mid(0, 3).join(u'\n').toStdString());
    CHECK(faults.isEmpty());
}

TEST_CASE("a referral and a rule-building item raised from a pattern are linked to it", "[patterns]")
{
    TempRegister reg;
    rectrack::test::buildPatternRegister(*reg.db);
    PatternService service(*reg.db);
    REQUIRE(service.acceptAll(QDate(2021, 1, 15)).ok());
    const qint64 pa = service.patterns().at(0).id;
    PatternReferral r;
    r.referral.subject = QStringLiteral("关于公务用车管理问题的抄告单");
    r.referral.recipient = QStringLiteral("市机关事务管理局");
    r.referral.issuedOn = QDate(2021, 1, 10);
    r.copyTo = QStringLiteral("市财政局");
    r.dueDate = QDate(2021, 2, 10);
    auto rid = service.raiseReferral(pa, r);
    REQUIRE(rid.ok());
    CHECK(
        reg.db
            ->scalar(QStringLiteral("SELECT copy_to || ' ' || due_date FROM referrals WHERE id = ?"), {*rid})
            .toString() == QStringLiteral("市财政局 2021-02-10"));
    const auto rows = OversightRegisters::referrals(*reg.db);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].problemCount == 5);
    // The referrals register shows what was raised: copy-to, response date and the pattern.
    CHECK(rows[0].copyTo == QStringLiteral("市财政局"));
    CHECK(rows[0].dueDate == QDate(2021, 2, 10));
    CHECK(rows[0].pattern == service.patterns().at(0).name);
    auto rule = service.raiseRule(
        pa, {QStringLiteral("公务用车使用登记办法"), QStringLiteral("市机关事务管理局"), QDate(2021, 6, 30)});
    REQUIRE(rule.ok());
    CHECK(reg.db
              ->scalar(QStringLiteral("SELECT owner || ' ' || due_date FROM rules_established WHERE id = ?"),
                       {*rule})
              .toString() == QStringLiteral("市机关事务管理局 2021-06-30"));
    const auto outcomes = OversightRegisters::outcomes(*reg.db);
    const auto ruleRow = std::find_if(outcomes.cbegin(), outcomes.cend(), [&](const OutcomeRow &o) {
        return o.id == *rule && o.kind == OutcomeRow::Kind::RuleEstablished;
    });
    REQUIRE(ruleRow != outcomes.cend());
    CHECK(ruleRow->owner == QStringLiteral("市机关事务管理局"));
    CHECK(ruleRow->dueDate == QDate(2021, 6, 30));
    CHECK(ruleRow->pattern == service.patterns().at(0).name);
    const PatternFigures f = *service.figures(*service.pattern(pa), QDate(2021, 1, 15));
    CHECK(f.referrals == QStringList{QStringLiteral("关于公务用车管理问题的抄告单")});
    CHECK(f.rules == QStringList{QStringLiteral("公务用车使用登记办法")});
    CHECK_FALSE(service.raiseRule(pa, {}).ok());
    // A pattern with referrals or rules stays (their link would be lost unlogged).
    auto removed = service.apply(*service.removeChange(pa));
    REQUIRE_FALSE(removed.ok());
    CHECK(removed.error().message.contains(QStringLiteral("公务用车")));
    CHECK(Verifier::verify(*reg.db).faults == QStringList{});
}

TEST_CASE("similar problems of one problem, with possible ones marked", "[patterns]")
{
    TempRegister reg;
    const auto ids = rectrack::test::buildPatternRegister(*reg.db);
    PatternService service(*reg.db);
    patterns::SimilarityIndex index;
    const auto texts = service.problemTexts();
    REQUIRE(texts.ok());
    for (const auto &[id, text] : *texts)
        index.add(id, text);
    auto similar = service.similarProblems(index, ids.value(QStringLiteral("a1")));
    REQUIRE(similar.ok());
    REQUIRE(similar->size() == 4);
    CHECK(similar->at(0).problem.registrationNo == QStringLiteral("a5"));
    CHECK(similar->at(3).problem.registrationNo == QStringLiteral("a3"));
    CHECK(similar->at(3).possible); // 0.533: between 0.45 and 0.60
    CHECK_FALSE(similar->at(1).possible);
}

TEST_CASE("a schema-5 register migrates to the fresh schema with patterns and still verifies",
          "[file][patterns][schema]")
{
    TempRegister fresh;
    const QStringList freshSchema = schemaSql(*fresh.db);
    TempRegister reg;
    REQUIRE(reg.replaceWith(QStringLiteral(RECTRACK_SOURCE_DIR "/tests/data/schema/v5.rtk")));
    auto db = Database::open(reg.path);
    REQUIRE(db.ok());
    CHECK((*db)->schemaVersion() == schema::kVersion);
    CHECK(schemaSql(**db) == freshSchema);
    CHECK((*db)->scalar(QStringLiteral("SELECT count(*) FROM problems")).toInt() == 3);
    CHECK(Verifier::verify(**db).faults == QStringList{});
    PatternService service(**db);
    CHECK(service.suggestions(QDate(2021, 1, 15), 1)->isEmpty());
    auto change = service.acceptChange(QStringLiteral("样例"), {1, 2});
    REQUIRE(change.ok());
    REQUIRE(service.apply(*change).ok());
    CHECK(service.patterns().size() == 1);
    CHECK(Verifier::verify(**db).faults == QStringList{});
}
