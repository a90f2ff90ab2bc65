#include <catch2/catch.hpp>

#include "importfixtures.h"
#include "testsupport.h"

#include "io/ledgerimporter.h"
#include "io/ledgerupdateplan.h"
#include "io/unitproposal.h"
#include "stats/statistics.h"
#include "storage/auditlog.h"
#include "workflow/problemservice.h"

using namespace rectrack::core;
using namespace rectrack::test;

namespace {

QString s(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QString writeCsv(TempRegister &reg, const QString &name, const char *utf8)
{
    const QString path = reg.dir.filePath(name);
    REQUIRE(writeFile(path, QByteArray(utf8)));
    return path;
}

ImportOptions options()
{
    ImportOptions o;
    o.unit = s("市交通运输局党组");
    o.feedbackDate = QDate(2021, 1, 10);
    return o;
}

ProblemState stateOf(TempRegister &reg, const char *no)
{
    const qint64 unit =
        reg.db->scalar(QStringLiteral("SELECT id FROM units WHERE name = ?"), {options().unit}).toLongLong();
    const auto p = ProblemService(*reg.db).problem(ProblemService(*reg.db).findByRegistrationNo(unit, s(no)));
    REQUIRE(p.has_value());
    return p->state;
}

qint64 rows(TempRegister &reg, const char *table)
{
    return reg.db->scalar(QStringLiteral("SELECT count(*) FROM ") + QLatin1String(table)).toLongLong();
}

// The January ledger: four problems.
const char *kJanuary = "编号,问题描述,整改措施,责任单位,整改时限,整改进展,完成情况\n"
                       "JT-01,公务用车管理不规范,1.清理台账；2.建立制度,办公室,2021-06-30,,未启动\n"
                       "JT-02,干部档案审核不到位,专项审核,组织人事科,2021-03-31,已审核一半,整改中\n"
                       "JT-03,工程招标程序不严,修订招标办法,建设科,2021-05-31,已起草办法,整改中\n"
                       "JT-04,三重一大制度执行不到位,完善议事规则,办公室,2021-02-28,已修订,已完成\n";

// The February ledger: JT-01 starts (state change with progress), JT-02 gains progress,
// JT-03 is unchanged, JT-04 is gone from the ledger, JT-05 is new.
const char *kFebruary =
    "编号,问题描述,整改措施,责任单位,整改时限,整改进展,完成情况\n"
    "JT-01,公务用车管理不规范,1.清理台账；2.建立制度,办公室,2021-06-30,已清理台账,整改中\n"
    "JT-02,干部档案审核不到位,专项审核,组织人事科,2021-03-31,已全部审核,整改中\n"
    "JT-03,工程招标程序不严,修订招标办法,建设科,2021-05-31,已起草办法,整改中\n"
    "JT-05,意识形态工作责任制落实不力,1.制定清单；2.开展培训,宣传科,2021-04-30,,未启动\n";

} // namespace

TEST_CASE("an updated ledger is planned as state changes, progress, new and disappeared problems",
          "[import][update]")
{
    TempRegister reg;
    const QString jan = writeCsv(reg, QStringLiteral("jan.csv"), kJanuary);
    const QString feb = writeCsv(reg, QStringLiteral("feb.csv"), kFebruary);

    // Before the unit exists, every row is new.
    auto first = LedgerUpdatePlan::readLedger(*reg.db, jan, options());
    REQUIRE(first.ok());
    const LedgerUpdatePlan none = LedgerUpdatePlan::compute(*reg.db, *first, options().unit);
    CHECK_FALSE(none.unitExists);
    CHECK(none.count(PlannedChange::Kind::New) == 4);
    CHECK(none.changes.size() == 4);

    REQUIRE(LedgerImporter::importFile(*reg.db, jan, options()).ok());

    auto ledger = LedgerUpdatePlan::readLedger(*reg.db, feb, options());
    REQUIRE(ledger.ok());
    const LedgerUpdatePlan plan = LedgerUpdatePlan::compute(*reg.db, *ledger, options().unit);
    CHECK(plan.unitExists);
    CHECK(plan.changesAnything());
    REQUIRE(plan.changes.size() == 5);
    CHECK(plan.count(PlannedChange::Kind::StateChange) == 1);
    CHECK(plan.count(PlannedChange::Kind::Progress) == 1);
    CHECK(plan.count(PlannedChange::Kind::Unchanged) == 1);
    CHECK(plan.count(PlannedChange::Kind::New) == 1);
    CHECK(plan.count(PlannedChange::Kind::Disappeared) == 1);

    const PlannedChange &c1 = plan.changes[0];
    CHECK(c1.kind == PlannedChange::Kind::StateChange);
    CHECK(c1.row == 2);
    CHECK(c1.registrationNo == QStringLiteral("JT-01"));
    CHECK(c1.before == ProblemState::Registered);
    CHECK(c1.after == ProblemState::InProgress);
    CHECK(c1.progressBefore.isEmpty());
    CHECK(c1.progressAfter == s("已清理台账"));
    const PlannedChange &c2 = plan.changes[1];
    CHECK(c2.kind == PlannedChange::Kind::Progress);
    CHECK(c2.row == 3);
    CHECK(c2.progressBefore == s("已审核一半"));
    CHECK(c2.progressAfter == s("已全部审核"));
    CHECK(plan.changes[2].kind == PlannedChange::Kind::Unchanged);
    CHECK(plan.changes[2].registrationNo == QStringLiteral("JT-03"));
    CHECK(plan.changes[3].kind == PlannedChange::Kind::New);
    CHECK(plan.changes[3].row == 5);
    CHECK(plan.changes[3].problemId == 0);
    CHECK(plan.changes[3].description == s("意识形态工作责任制落实不力"));
    const PlannedChange &gone = plan.changes[4];
    CHECK(gone.kind == PlannedChange::Kind::Disappeared);
    CHECK(gone.row == 0);
    CHECK(gone.registrationNo == QStringLiteral("JT-04"));
    CHECK(gone.before == ProblemState::Completed);

    // Computing the plan changed nothing.
    CHECK(rows(reg, "problems") == 4);

    // Without registration numbers, problems match by text and responsible office.
    const QString plain = writeCsv(reg, QStringLiteral("plain.csv"),
                                   "问题描述,责任单位,完成情况\n公务用车管理不规范,办公室,已完成\n"
                                   "公务用车管理不规范,财务科,已完成\n");
    auto plainLedger = LedgerUpdatePlan::readLedger(*reg.db, plain, options());
    REQUIRE(plainLedger.ok());
    const LedgerUpdatePlan byText = LedgerUpdatePlan::compute(*reg.db, *plainLedger, options().unit);
    REQUIRE(byText.changes.size() == 5); // 2 rows + the 3 problems not matched
    CHECK(byText.changes[0].kind == PlannedChange::Kind::StateChange);
    CHECK(byText.changes[0].before == ProblemState::Registered);
    CHECK(byText.changes[0].after == ProblemState::Completed);
    CHECK(byText.changes[1].kind == PlannedChange::Kind::New);
    CHECK(byText.count(PlannedChange::Kind::Disappeared) == 3);
}

TEST_CASE("an applied monthly update is undone as one step, audit chain intact", "[import][update]")
{
    TempRegister reg;
    const QString jan = writeCsv(reg, QStringLiteral("jan.csv"), kJanuary);
    const QString feb = writeCsv(reg, QStringLiteral("feb.csv"), kFebruary);
    REQUIRE(LedgerImporter::importFile(*reg.db, jan, options()).ok());
    reg.clock.setToday(QDate(2021, 2, 20));

    const auto statsBefore = Statistics::compute(*reg.db, QDate(2021, 12, 31));
    REQUIRE(statsBefore.ok());
    const qint64 progressBefore = rows(reg, "progress_entries");
    const qint64 statesBefore = rows(reg, "problem_states");
    const qint64 measuresBefore = rows(reg, "measures");

    const LedgerUpdateSnapshot snapshot = LedgerUpdateUndo::capture(*reg.db, options().unit);
    CHECK(snapshot.problems.size() == 4);
    CHECK(snapshot.measures.size() == 5);
    const ImportReport report = LedgerImporter::importFile(*reg.db, feb, options());
    REQUIRE(report.ok());
    CHECK(report.created == 1);
    CHECK(report.updated == 2);
    CHECK(report.unchanged == 1);
    CHECK(rows(reg, "problems") == 5);
    CHECK(stateOf(reg, "JT-01") == ProblemState::InProgress);
    CHECK(rows(reg, "progress_entries") == progressBefore + 2);

    REQUIRE(LedgerUpdateUndo::revert(*reg.db, snapshot, report).ok());
    CHECK(rows(reg, "problems") == 4);
    CHECK(rows(reg, "measures") == measuresBefore);
    CHECK(rows(reg, "progress_entries") == progressBefore);
    CHECK(rows(reg, "problem_states") == statesBefore);
    CHECK(stateOf(reg, "JT-01") == ProblemState::Registered);
    const qint64 unit =
        reg.db->scalar(QStringLiteral("SELECT id FROM units WHERE name = ?"), {options().unit}).toLongLong();
    const auto jt02 = ProblemService(*reg.db).problem(
        ProblemService(*reg.db).findByRegistrationNo(unit, QStringLiteral("JT-02")));
    REQUIRE(jt02.has_value());
    CHECK(jt02->progress == s("已审核一半"));
    const auto statsAfter = Statistics::compute(*reg.db, QDate(2021, 12, 31));
    REQUIRE(statsAfter.ok());
    CHECK(statsAfter->total.problems == statsBefore->total.problems);
    CHECK(statsAfter->total.inProgress == statsBefore->total.inProgress);
    CHECK(statsAfter->total.registered == statsBefore->total.registered);
    CHECK(statsAfter->total.completed == statsBefore->total.completed);
    const VerifyReport verify = Verifier::verify(*reg.db);
    INFO(verify.faults.join(u'\n').toStdString());
    CHECK(verify.ok());

    // The same update applies again after the undo (redo), with the same outcome.
    const ImportReport again = LedgerImporter::importFile(*reg.db, feb, options());
    REQUIRE(again.ok());
    CHECK(again.created == 1);
    CHECK(again.updated == 2);
}

TEST_CASE("the unit is proposed from the ledger's title or file name", "[import][update]")
{
    const QStringList known{s("市交通运输局党组"), s("市交通运输局")};
    CHECK(UnitProposal::fromText(s("市交通运输局党组巡察反馈问题整改台账"), {}) == s("市交通运输局党组"));
    CHECK(UnitProposal::fromText(s("2021年市农业农村局党组问题台账"), {}) == s("市农业农村局党组"));
    CHECK(UnitProposal::fromText(s("关于市卫健委党组巡察整改情况的台账"), {}) == s("市卫健委党组"));
    CHECK(UnitProposal::fromText(s("《市教育局党组整改台账》"), {}) == s("市教育局党组"));
    CHECK(UnitProposal::fromText(QStringLiteral("Problem ledger of Transport Bureau"), {}) ==
          QStringLiteral("Transport Bureau"));
    // A unit of the register named anywhere wins, the longest first.
    CHECK(UnitProposal::fromText(s("十二届市委第十轮巡察市交通运输局党组反馈问题"), known) ==
          s("市交通运输局党组"));
    CHECK(UnitProposal::fromText(s("问题台账"), {}).isEmpty());
    CHECK(UnitProposal::fromText(s("填报说明"), {}).isEmpty());
    // No title (CSV): the file name.
    CHECK(UnitProposal::fromLedger(QString(), s("/tmp/市农业农村局党组整改台账.csv"), {}) ==
          s("市农业农村局党组"));
    CHECK(UnitProposal::fromLedger(s("市交通运输局党组问题台账"), s("x.csv"), {}) == s("市交通运输局党组"));
}
