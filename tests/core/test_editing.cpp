#include <catch2/catch.hpp>

#include "io/ledgerexporter.h"
#include "report/reportcontent.h"
#include "stats/statistics.h"
#include "storage/auditlog.h"
#include "storage/ledgerquery.h"
#include "storage/schema.h"
#include "testsupport.h"
#include "workflow/organizationservice.h"
#include "workflow/problemservice.h"
#include "workflow/registrationnumber.h"
#include "workflow/supervisionservice.h"

#include <QFile>
#include <QSqlQuery>

using namespace rectrack::core;
using rectrack::test::TempRegister;

namespace {

struct Fixture
{
    TempRegister reg{QDate(2021, 1, 15)};
    OrganizationService org{*reg.db};
    ProblemService problems{*reg.db};
    SupervisionService supervision{*reg.db};
    qint64 unit = *org.ensureUnit(QStringLiteral("市财政局党组"));

    qint64 add(const QString &no, int measures = 1)
    {
        Problem p;
        p.unitId = unit;
        p.registrationNo = no;
        p.description = QStringLiteral("问题") + no;
        p.feedbackDate = QDate(2021, 1, 5);
        p.deadline = QDate(2021, 4, 5);
        QList<Measure> ms;
        for (int i = 0; i < measures; ++i) {
            Measure m;
            m.content = QStringLiteral("措施%1").arg(i + 1);
            ms << m;
        }
        auto id = problems.registerProblem(p, ms);
        REQUIRE(id.ok());
        return *id;
    }

    QStringList schemaSql()
    {
        QStringList out;
        auto q = reg.db->exec(QStringLiteral("SELECT type, name, coalesce(sql, '') FROM sqlite_master "
                                             "ORDER BY type, name"));
        while (q && q->next())
            out << q->value(0).toString() + u' ' + q->value(1).toString() + u' ' + q->value(2).toString();
        return out;
    }
};

qint64 auditCount(Database &db, const QString &entity, const QString &action)
{
    return db
        .scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = ? AND action = ?"),
                {entity, action})
        .toLongLong();
}

} // namespace

TEST_CASE("a schema-1 register migrates to the fresh schema and keeps its problems",
          "[file][editing][schema]")
{
    Fixture fresh;
    const QStringList freshSchema = fresh.schemaSql();

    TempRegister reg;
    REQUIRE(reg.replaceWith(QStringLiteral(RECTRACK_SOURCE_DIR "/tests/data/schema/v1.rtk")));
    auto db = Database::open(reg.path);
    REQUIRE(db.ok());
    CHECK((*db)->schemaVersion() == schema::kVersion);
    CHECK(QFile::exists(reg.path + QStringLiteral(".schema1.bak")));
    CHECK((*db)->scalar(QStringLiteral("SELECT count(*) FROM problems WHERE deleted_at IS NULL")).toInt() ==
          3);

    // The audit chain and every row's last logged state still verify: the new column is NULL.
    const VerifyReport verified = Verifier::verify(**db);
    CHECK(verified.faults == QStringList{});
    CHECK(verified.rowsChecked > 0);

    QStringList migrated;
    auto q = (*db)->exec(QStringLiteral("SELECT type, name, coalesce(sql, '') FROM sqlite_master ORDER BY "
                                        "type, name"));
    while (q && q->next())
        migrated << q->value(0).toString() + u' ' + q->value(1).toString() + u' ' + q->value(2).toString();
    CHECK(migrated == freshSchema);

    // The migrated file works: a problem can be deleted and leaves the statistics.
    ProblemService problems(**db);
    const qint64 first = (*db)->scalar(QStringLiteral("SELECT min(id) FROM problems")).toLongLong();
    REQUIRE(problems.deleteProblem(first).ok());
    auto stats = Statistics::compute(**db, QDate(2021, 1, 15));
    REQUIRE(stats.ok());
    CHECK(stats->total.problems == 2);
    // Deleting is logged, so the file still verifies; a deletion behind the program's back does not.
    CHECK(Verifier::verify(**db).faults == QStringList{});
    REQUIRE((*db)
                ->exec(QStringLiteral("UPDATE problems SET deleted_at = '2021-01-15T00:00:00Z' WHERE id = ?"),
                       {first + 1})
                .ok());
    const VerifyReport tampered = Verifier::verify(**db);
    REQUIRE(tampered.faults.size() == 1);
    CHECK(tampered.faults[0].contains(QStringLiteral("differs from its last logged state")));
}

TEST_CASE("a deleted problem leaves the ledgers and statistics until it is restored", "[editing][stats]")
{
    Fixture f;
    const qint64 a = f.add(QStringLiteral("1"), 2);
    const qint64 b = f.add(QStringLiteral("2"), 3);
    const qint64 c = f.add(QStringLiteral("3"), 1);
    // b is done: its only completed problem, so deleting it changes the completion rate.
    for (const Measure &m : f.problems.measures(b))
        REQUIRE(f.problems.setMeasureState(m.id, MeasureState::Completed, QDate(2021, 1, 10)).ok());
    REQUIRE(f.supervision.changeState(b, ProblemState::Completed, QDate(2021, 1, 10)).ok());

    auto before = Statistics::compute(*f.reg.db, QDate(2021, 1, 15));
    REQUIRE(before.ok());
    CHECK(before->total.problems == 3);
    CHECK(before->total.measures == 6);
    CHECK(before->total.completed == 1);
    CHECK(before->total.completionRate() == Approx(1.0 / 3));

    f.reg.db->setActor(QStringLiteral("王科员"));
    REQUIRE(f.problems.deleteProblem(b).ok());
    CHECK(f.problems.problem(b)->deletedAt.date() == QDate(2021, 1, 15));
    const Status again = f.problems.deleteProblem(b);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().message.contains(QStringLiteral("already deleted")));

    auto after = Statistics::compute(*f.reg.db, QDate(2021, 1, 15));
    REQUIRE(after.ok());
    CHECK(after->total.problems == 2);
    CHECK(after->total.measures == 3);
    CHECK(after->total.completed == 0);
    CHECK(after->total.completionRate() == 0.0);

    LedgerQuery ledger(*f.reg.db);
    auto ids = ledger.ids(Ledger::Problems, {}, {}, LedgerSort::Id, Qt::AscendingOrder);
    REQUIRE(ids.ok());
    CHECK(*ids == QList<qint64>{a, c});
    auto measureIds = ledger.ids(Ledger::Measures, {}, {}, LedgerSort::Id, Qt::AscendingOrder);
    REQUIRE(measureIds.ok());
    CHECK(measureIds->size() == 3);

    // Exports and reports leave it out too.
    ExportOptions problemsLedger;
    problemsLedger.kind = LedgerKind::Problems;
    auto exported = LedgerExporter::build(*f.reg.db, problemsLedger);
    REQUIRE(exported.ok());
    CHECK(exported->rows.size() == 2);
    ExportOptions measuresLedger;
    measuresLedger.kind = LedgerKind::Measures;
    auto exportedMeasures = LedgerExporter::build(*f.reg.db, measuresLedger);
    REQUIRE(exportedMeasures.ok());
    CHECK(exportedMeasures->rows.size() == 3);
    ReportOptions ro;
    ro.asOf = QDate(2021, 1, 15);
    auto report = ReportBuilder::build(*f.reg.db, ro);
    REQUIRE(report.ok());
    CHECK(report->total.problems == 2);
    CHECK(report->total.completed == 0);

    const QList<Problem> deleted = f.problems.deletedProblems();
    REQUIRE(deleted.size() == 1);
    CHECK(deleted.first().id == b);
    CHECK(deleted.first().description == QStringLiteral("问题2"));

    REQUIRE(f.problems.restoreProblem(b).ok());
    CHECK(f.problems.deletedProblems().isEmpty());
    auto restored = Statistics::compute(*f.reg.db, QDate(2021, 1, 15));
    REQUIRE(restored.ok());
    CHECK(restored->total.problems == 3);
    CHECK(restored->total.completed == 1);
    CHECK_FALSE(f.problems.restoreProblem(b).ok());

    // Both steps are on the record with the operator's name.
    CHECK(f.reg.db
              ->scalar(QStringLiteral("SELECT count(*) FROM (SELECT actor FROM audit_log WHERE entity = "
                                      "'problems' AND entity_id = ? AND action = 'update' ORDER BY id DESC "
                                      "LIMIT 2) t WHERE actor = ?"),
                       {b, f.reg.db->actor()}) // 王科员; on a server the login (issue #23)
              .toInt() == 2);
}

TEST_CASE("progress, evidence, actions and extensions can be taken back for undo", "[editing][undo]")
{
    Fixture f;
    const qint64 id = f.add(QStringLiteral("1"), 2);

    auto e = f.problems.addProgress({0, id, 0, QDate(2021, 1, 12), QStringLiteral("已制定整改方案"), {}});
    REQUIRE(e.ok());
    CHECK(f.problems.problem(id)->state == ProblemState::InProgress);
    CHECK(f.problems.problem(id)->progress == QStringLiteral("已制定整改方案"));
    REQUIRE(f.problems.removeProgress(*e).ok());
    CHECK(f.problems.progress(id).isEmpty());
    CHECK(f.problems.problem(id)->state == ProblemState::Registered);
    CHECK(f.problems.problem(id)->progress.isEmpty());
    CHECK(f.problems.stateAsOf(id, QDate(2021, 1, 15)) == ProblemState::Registered);
    CHECK(auditCount(*f.reg.db, QStringLiteral("progress_entries"), QStringLiteral("delete")) == 1);
    CHECK(auditCount(*f.reg.db, QStringLiteral("problem_states"), QStringLiteral("delete")) == 1);

    // With two entries, removing the newer one brings the older summary back and keeps the state.
    auto e1 = f.problems.addProgress({0, id, 0, QDate(2021, 1, 12), QStringLiteral("第一次进展"), {}});
    auto e2 = f.problems.addProgress({0, id, 0, QDate(2021, 1, 14), QStringLiteral("第二次进展"), {}});
    REQUIRE((e1.ok() && e2.ok()));
    REQUIRE(f.problems.removeProgress(*e2).ok());
    CHECK(f.problems.problem(id)->progress == QStringLiteral("第一次进展"));
    CHECK(f.problems.problem(id)->state == ProblemState::InProgress);
    CHECK_FALSE(f.problems.removeProgress(*e2).ok());

    auto ev = f.problems.addEvidence(id, 0, QStringLiteral("会议纪要.pdf"), QByteArray("%PDF-1.4"));
    REQUIRE(ev.ok());
    REQUIRE(f.problems.removeEvidence(*ev).ok());
    CHECK(f.problems.evidence(id).isEmpty());

    SupervisionAction a;
    a.problemId = id;
    a.kind = SupervisionKind::Interview;
    a.date = QDate(2021, 1, 13);
    auto act = f.supervision.addAction(a);
    REQUIRE(act.ok());
    REQUIRE(f.supervision.removeAction(*act).ok());
    CHECK(f.supervision.actions(id).isEmpty());

    auto ext = f.supervision.requestExtension(id, QDate(2021, 6, 30), QStringLiteral("需招标"));
    REQUIRE(ext.ok());
    REQUIRE(f.supervision.withdrawExtension(*ext).ok());
    CHECK(f.supervision.extensions(id).isEmpty());
    auto ext2 = f.supervision.requestExtension(id, QDate(2021, 6, 30), QStringLiteral("需招标"));
    REQUIRE(f.supervision.decideExtension(*ext2, true, QStringLiteral("巡察办")).ok());
    const Status decided = f.supervision.withdrawExtension(*ext2);
    REQUIRE_FALSE(decided.ok());
    CHECK(decided.error().message.contains(QStringLiteral("already been decided")));
    CHECK(f.problems.problem(id)->deadline == QDate(2021, 6, 30));
    CHECK(f.problems.problem(id)->originalDeadline == QDate(2021, 4, 5));
}

TEST_CASE("measures are reordered and a state change is taken back, but not a close-out", "[editing][undo]")
{
    Fixture f;
    const qint64 id = f.add(QStringLiteral("1"), 3);
    QList<Measure> ms = f.problems.measures(id);
    REQUIRE(ms.size() == 3);
    REQUIRE(f.problems.moveMeasure(ms[2].id, 0).ok());
    QList<Measure> moved = f.problems.measures(id);
    CHECK(moved[0].content == QStringLiteral("措施3"));
    CHECK(moved[1].content == QStringLiteral("措施1"));
    CHECK(moved[2].content == QStringLiteral("措施2"));
    CHECK((moved[0].seq == 1 && moved[1].seq == 2 && moved[2].seq == 3));

    REQUIRE(f.supervision.changeState(id, ProblemState::LongTerm, QDate(2021, 1, 14)).ok());
    REQUIRE(f.problems.revertState(id, ProblemState::LongTerm).ok());
    CHECK(f.problems.problem(id)->state == ProblemState::Registered);
    const Status wrong = f.problems.revertState(id, ProblemState::LongTerm);
    REQUIRE_FALSE(wrong.ok()); // only the registration row is left
    CHECK(f.problems.revertState(id, ProblemState::ClosedOut)
              .error()
              .message.contains(QStringLiteral("record")));
}

TEST_CASE("registration numbers follow the configured pattern", "[editing][numbers]")
{
    const RegistrationNumber::Fields fields{QStringLiteral("第十五轮"), QStringLiteral("市财政局"),
                                            QDate(2021, 1, 5)};
    CHECK(RegistrationNumber::format(QStringLiteral("{round}-{unit}-{seq:03}"), fields, 7) ==
          QStringLiteral("第十五轮-市财政局-007"));
    CHECK(RegistrationNumber::format(QStringLiteral("{yyyy}-{seq:3}"), fields, 12) ==
          QStringLiteral("2021-012"));
    CHECK(RegistrationNumber::format(QStringLiteral("{yyyy}-{seq}"), fields, 12) ==
          QStringLiteral("2021-12"));
    CHECK(RegistrationNumber::seqOf(QStringLiteral("{yyyy}-{seq:3}"), fields, QStringLiteral("2021-041")) ==
          41);
    CHECK(RegistrationNumber::seqOf(QStringLiteral("{yyyy}-{seq:3}"), fields, QStringLiteral("2020-041")) ==
          0);

    Fixture f;
    const QString pattern = QStringLiteral("{yyyy}-{seq:3}");
    CHECK(RegistrationNumber::nextSeq(*f.reg.db, pattern, fields) == 1);
    f.add(QStringLiteral("2021-001"));
    f.add(QStringLiteral("2021-009"));
    f.add(QStringLiteral("2020-050"));
    CHECK(RegistrationNumber::nextSeq(*f.reg.db, pattern, fields) == 10);
}

TEST_CASE("an edited registration number already used in the unit is refused, other units may share it",
          "[editing][numbers]")
{
    Fixture f;
    const qint64 a = f.add(QStringLiteral("2021-001"));
    const qint64 b = f.add(QStringLiteral("2021-002"));
    const qint64 logBefore = AuditLog::length(*f.reg.db);

    Problem edited = *f.problems.problem(b);
    edited.registrationNo = QStringLiteral("2021-001");
    const Status refused = f.problems.updateProblem(edited);
    CHECK(refused.error().message ==
          QStringLiteral("The registration number 2021-001 is already used in this unit."));
    CHECK(f.problems.problem(b)->registrationNo == QStringLiteral("2021-002"));
    CHECK(AuditLog::length(*f.reg.db) == logBefore);

    // Other fields of a problem keep their number; a free number is taken.
    edited = *f.problems.problem(a);
    edited.responsiblePerson = QStringLiteral("陈某某");
    REQUIRE(f.problems.updateProblem(edited).ok());
    edited = *f.problems.problem(b);
    edited.registrationNo = QStringLiteral("2021-003");
    REQUIRE(f.problems.updateProblem(edited).ok());
    CHECK(f.problems.problem(b)->registrationNo == QStringLiteral("2021-003"));

    // The same number in another unit is fine.
    Problem other = *f.problems.problem(a);
    other.id = 0;
    other.unitId = *f.org.ensureUnit(QStringLiteral("市审计局党组"));
    other.registrationNo = QStringLiteral("2021-009");
    const qint64 c = *f.problems.registerProblem(other);
    Problem moved = *f.problems.problem(c);
    moved.registrationNo = QStringLiteral("2021-001");
    CHECK(f.problems.updateProblem(moved).ok());
}
