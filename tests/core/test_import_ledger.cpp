#include <catch2/catch.hpp>

#include "importfixtures.h"
#include "testsupport.h"

#include "io/ledgerimporter.h"
#include "io/ledgerupdateplan.h"
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

QString writeCsv(TempRegister &reg, const QString &name, const QString &text)
{
    const QString path = reg.dir.filePath(name);
    writeFile(path, text.toUtf8());
    return path;
}

ImportOptions unitOptions(const char *unit = "测试局党组")
{
    ImportOptions o;
    o.unit = s(unit);
    o.feedbackDate = QDate(2021, 1, 10);
    return o;
}

Counts totals(TempRegister &reg)
{
    auto r = Statistics::compute(*reg.db, QDate(2021, 12, 31));
    REQUIRE(r.ok());
    return r->total;
}

QStringList categoryKeys(TempRegister &reg)
{
    auto r = Statistics::compute(*reg.db, QDate(2021, 12, 31), GroupBy::Category);
    REQUIRE(r.ok());
    QStringList keys;
    for (const GroupCounts &g : r->groups)
        keys << g.key;
    keys.sort();
    return keys;
}

} // namespace

TEST_CASE("two-row header with a merged parent, sections, merged categories, hidden and summary rows",
          "[import][ledger]")
{
    TempRegister reg;
    const QByteArray sheet =
        sheetXml({{s("某局巡察整改台账")},
                  {s("填报日期：2021年3月1日")},
                  {s("序号"), s("问题"), QString(), s("整改措施"), s("责任主体"), QString(), s("整改时限"),
                   s("整改情况"), QString(), s("督办次数")},
                  {QString(), s("类别"), s("问题表现"), QString(), s("牵头领导"), s("责任单位"), QString(),
                   s("整改进展"), s("完成情况")},
                  {s("一、党的建设方面（共2个问题）")},
                  {QStringLiteral("#n:1"), s("党建"), s("问题一"), s("1.措施甲；2.措施乙"), s("书记"),
                   s("办公室"), s("6月底前"), s("推进中"), s("已完成"), QStringLiteral("#n:2")},
                  {QStringLiteral("#n:2"), QString(), s("问题二"), s("（1）措施丙（2）措施丁（3）措施戊"),
                   s("书记"), s("人事处"), QStringLiteral("#d:44377"), QString(), s("正在整改")},
                  {QStringLiteral("#n:3"), QString(), s("隐藏的问题"), s("措施"), QString(), QString(),
                   QString(), QString(), s("已完成")},
                  {s("二"), s("作风建设方面")},
                  {QStringLiteral("#n:4"), QString(), s("问题四"), s("措施己"), s("局长"), s("财务处"),
                   s("立行立改"), QString(), s("已销号")},
                  {},
                  {s("合计"), QString(), s("共3个问题")}},
                 "<mergeCells><mergeCell ref=\"A1:J1\"/><mergeCell ref=\"A3:A4\"/><mergeCell ref=\"B3:C3\"/>"
                 "<mergeCell ref=\"E3:F3\"/><mergeCell ref=\"G3:G4\"/><mergeCell ref=\"H3:I3\"/><mergeCell "
                 "ref=\"J3:J4\"/>"
                 "<mergeCell ref=\"A5:J5\"/><mergeCell ref=\"B6:B8\"/></mergeCells>",
                 {}, {8});
    const QString path = reg.dir.filePath(QStringLiteral("two.xlsx"));
    REQUIRE(writeZip(path, workbookParts({{s("说明"), sheetXml({{s("填表说明")}})}, {s("台账"), sheet}})));

    ImportOptions o = unitOptions();
    o.feedbackDate = {};
    const ImportReport r = LedgerImporter::importFile(*reg.db, path, o);
    for (const ImportIssue &e : r.errors)
        UNSCOPED_INFO(e.toString().toStdString());
    REQUIRE(r.ok());
    CHECK(r.sheet == s("台账")); // the sheet with a ledger header, not the first one
    CHECK(r.headerRow == 4);
    CHECK(r.created == 3);
    CHECK(r.measures == 6);
    // 督办次数 is not a known column: kept as a note, named in a warning.
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].column == s("督办次数"));
    CHECK(r.warnings[0].row == 4);

    const Counts c = totals(reg);
    CHECK(c.problems == 3);
    CHECK(c.measures == 6);
    CHECK(c.completed == 1);
    CHECK(c.inProgress == 1);
    CHECK(c.closedOut == 1);
    CHECK(categoryKeys(reg) == QStringList{s("作风建设方面"), s("党建")});

    ProblemService ps(*reg.db);
    const auto p1 = ps.problem(
        reg.db->scalar(QStringLiteral("SELECT id FROM problems WHERE description = ?"), {s("问题一")})
            .toLongLong());
    REQUIRE(p1);
    CHECK(p1->deadline == QDate(2021, 6, 30)); // 6月底前 in the year of the fill-in date
    CHECK(p1->leadLeader == s("书记"));
    CHECK(p1->progress == s("推进中"));
    CHECK(p1->note.contains(s("督办次数：2")));
    const auto p4 = ps.problem(
        reg.db->scalar(QStringLiteral("SELECT id FROM problems WHERE description = ?"), {s("问题四")})
            .toLongLong());
    REQUIRE(p4);
    CHECK(p4->deadlineNote == s("立行立改"));
    CHECK(p4->immediate);
    CHECK(p4->feedbackDate == reg.clock.today());
}

TEST_CASE("the map option assigns an unrecognised column, a ledger without a problem column is refused",
          "[import][ledger]")
{
    TempRegister reg;
    const QString path = writeCsv(reg, QStringLiteral("m.csv"),
                                  s("序号,巡察指出,整改措施,整改时限\n1,问题甲,措施,2021-05-01\n"));
    const qint64 auditBefore = AuditLog::length(*reg.db);
    const ImportReport refused = LedgerImporter::importFile(*reg.db, path, unitOptions());
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.errors[0].row == 1);
    CHECK(refused.errors[0].toString().contains(QStringLiteral("problem column")));
    CHECK(AuditLog::length(*reg.db) == auditBefore);

    ImportOptions o = unitOptions();
    o.map.insert(s("巡察指出"), LedgerField::Problem);
    const ImportReport ok = LedgerImporter::importFile(*reg.db, path, o);
    REQUIRE(ok.ok());
    CHECK(ok.created == 1);
}

TEST_CASE("a bad CSV reports every bad row and column and changes nothing", "[import][ledger]")
{
    TempRegister reg;
    const QString good =
        writeCsv(reg, QStringLiteral("g.csv"), s("问题描述,整改时限,完成情况\n旧问题,2021-03-01,整改中\n"));
    REQUIRE(LedgerImporter::importFile(*reg.db, good, unitOptions()).ok());
    const Counts before = totals(reg);
    const qint64 auditBefore = AuditLog::length(*reg.db);

    const QString bad =
        writeCsv(reg, QStringLiteral("bad.csv"),
                 s("序号,问题描述,整改时限,完成情况\n1,问题甲,2021年13月5日,整改中\n2,问题乙,2021-06-30\n"
                   "3,问题丙,2021-06-30,已完成\n"));
    const ImportReport r = LedgerImporter::importFile(*reg.db, bad, unitOptions());
    REQUIRE(r.errors.size() == 2);
    CHECK(r.errors[0].row == 2);
    CHECK(r.errors[0].column == s("整改时限"));
    CHECK(r.errors[0].message.contains(s("2021年13月5日")));
    CHECK(r.errors[1].row == 3);
    CHECK(r.errors[1].column == s("完成情况"));
    CHECK(r.errors[0].toString().startsWith(QStringLiteral("bad.csv, row 2, column")));
    const Counts after = totals(reg);
    CHECK(after.problems == before.problems);
    CHECK(after.measures == before.measures);
    CHECK(AuditLog::length(*reg.db) == auditBefore);
}

TEST_CASE("re-import updates progress and state by identity, adds new problems, never duplicates",
          "[import][ledger]")
{
    TempRegister reg;
    const QString v1 = writeCsv(reg, QStringLiteral("v1.csv"),
                                s("编号,问题描述,责任单位,整改进展,完成情况\nA-1,问题甲,办公室,,未启动\n,"
                                  "问题乙,人事处,已部署,整改中\n"));
    REQUIRE(LedgerImporter::importFile(*reg.db, v1, unitOptions()).ok());
    CHECK(totals(reg).problems == 2);

    reg.clock.setToday(QDate(2021, 3, 1));
    const QString v2 = writeCsv(
        reg, QStringLiteral("v2.csv"),
        s("编号,问题描述,责任单位,整改进展,完成情况\nA-1,问题甲（措辞改了）,办公室,已整改到位,已完成\n"
          ",问题乙,人事处,已部署,整改中\n,问题丙,财务处,,未启动\n"));
    const ImportReport r = LedgerImporter::importFile(*reg.db, v2, unitOptions());
    REQUIRE(r.ok());
    CHECK(r.updated == 1);
    CHECK(r.unchanged == 1);
    CHECK(r.created == 1);
    const Counts c = totals(reg);
    CHECK(c.problems == 3);
    CHECK(c.completed == 1);
    // The state history keeps the earlier state: on 1 February problem A-1 was not yet complete.
    ProblemService ps(*reg.db);
    const qint64 a1 = ps.findByRegistrationNo(
        reg.db->scalar(QStringLiteral("SELECT id FROM units")).toLongLong(), QStringLiteral("A-1"));
    REQUIRE(a1 > 0);
    CHECK(ps.stateAsOf(a1, QDate(2021, 2, 1)) == ProblemState::Registered);
    CHECK(ps.stateAsOf(a1, QDate(2021, 3, 1)) == ProblemState::Completed);
    CHECK(ps.problem(a1)->progress == s("已整改到位"));

    // The same ledger for another unit creates that unit's problems.
    REQUIRE(LedgerImporter::importFile(*reg.db, v2, unitOptions("另一局党组")).ok());
    CHECK(totals(reg).problems == 6);
}

TEST_CASE("two rows with one registration number are an error naming both rows", "[import][ledger]")
{
    TempRegister reg;
    const QString path =
        writeCsv(reg, QStringLiteral("d.csv"), s("问题编号,问题描述\nX-1,甲\nX-2,乙\nX-1,丙\n"));
    const ImportReport r = LedgerImporter::importFile(*reg.db, path, unitOptions());
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].row == 4);
    CHECK(r.errors[0].column == s("问题编号"));
    CHECK(r.errors[0].message.contains(QStringLiteral("row 2")));
    CHECK(totals(reg).problems == 0);
}

TEST_CASE("a problem cell merged down several rows is one problem with each row's measures",
          "[import][ledger]")
{
    TempRegister reg;
    const QByteArray sheet =
        sheetXml({{s("问题描述"), s("整改措施"), s("完成情况")},
                  {s("问题甲"), s("措施一"), s("已完成")},
                  {QString(), s("措施二")},
                  {s("问题乙"), s("措施三"), s("整改中")}},
                 "<mergeCells><mergeCell ref=\"A2:A3\"/><mergeCell ref=\"C2:C3\"/></mergeCells>");
    const QString path = reg.dir.filePath(QStringLiteral("m.xlsx"));
    REQUIRE(writeZip(path, workbookParts({{QStringLiteral("S"), sheet}})));
    const ImportReport r = LedgerImporter::importFile(*reg.db, path, unitOptions());
    REQUIRE(r.ok());
    CHECK(r.created == 2);
    CHECK(r.measures == 3);
}

TEST_CASE("a dry run reports and changes nothing", "[import][ledger]")
{
    TempRegister reg;
    const QString path =
        writeCsv(reg, QStringLiteral("d.csv"), s("问题描述,整改措施\n甲,1.一 2.二\n乙,三\n"));
    const qint64 audit = AuditLog::length(*reg.db);
    ImportOptions o = unitOptions();
    o.dryRun = true;
    o.round = s("第十轮");
    const ImportReport r = LedgerImporter::importFile(*reg.db, path, o);
    REQUIRE(r.ok());
    CHECK(r.created == 2);
    CHECK(r.measures == 3);
    CHECK(r.unitCreated);
    CHECK(r.roundCreated);
    CHECK(AuditLog::length(*reg.db) == audit);
    CHECK(totals(reg).problems == 0);
}

TEST_CASE("a damaged workbook is refused with a message that names the file once", "[import][ledger]")
{
    TempRegister reg;
    // A zip archive, but with no workbook part: refused as a whole file, before any row.
    const QString path = reg.dir.filePath(QStringLiteral("zipped.xlsx"));
    {
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        // An empty zip archive: only the end-of-central-directory record.
        f.write(QByteArray("PK\x05\x06", 4) + QByteArray(18, '\0'));
    }
    const qint64 auditBefore = AuditLog::length(*reg.db);
    const ImportReport r = LedgerImporter::importFile(*reg.db, path, unitOptions());
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].row == 0);
    const QString text = r.errors[0].toString();
    CHECK(text.startsWith(QStringLiteral("zipped.xlsx ")));
    CHECK(text.count(QStringLiteral("zipped.xlsx")) == 1);
    CHECK(AuditLog::length(*reg.db) == auditBefore);
    // A row-level issue keeps its place prefix.
    const ImportIssue rowIssue{
        QStringLiteral("a.csv"), {}, 4, QStringLiteral("整改时限"), QStringLiteral("a.csv")};
    CHECK(rowIssue.toString().startsWith(QStringLiteral("a.csv, row 4")));
}

TEST_CASE("re-import leaves a deleted problem deleted and unchanged, with a warning naming its row",
          "[import][ledger]")
{
    TempRegister reg;
    const QString v1 = writeCsv(reg, QStringLiteral("v1.csv"),
                                s("编号,问题描述,责任单位,整改进展,完成情况\nA-1,问题甲,办公室,,未启动\n"
                                  "A-2,问题乙,人事处,已部署,整改中\n,问题丙,财务处,,未启动\n"));
    REQUIRE(LedgerImporter::importFile(*reg.db, v1, unitOptions()).ok());
    ProblemService ps(*reg.db);
    const qint64 unit = reg.db->scalar(QStringLiteral("SELECT id FROM units")).toLongLong();
    const qint64 a1 = ps.findByRegistrationNo(unit, QStringLiteral("A-1"));
    const qint64 c =
        reg.db->scalar(QStringLiteral("SELECT id FROM problems WHERE description = ?"), {s("问题丙")})
            .toLongLong();
    REQUIRE(a1 > 0);
    REQUIRE(c > 0);
    reg.clock.setToday(QDate(2021, 2, 1));
    REQUIRE(ps.deleteProblem(a1).ok()); // matched by number
    REQUIRE(ps.deleteProblem(c).ok());  // matched by text and office

    reg.clock.setToday(QDate(2021, 3, 1));
    const QString v2 =
        writeCsv(reg, QStringLiteral("v2.csv"),
                 s("编号,问题描述,责任单位,整改进展,完成情况\nA-1,问题甲,办公室,已整改到位,已完成\n"
                   "A-2,问题乙,人事处,已整改到位,已完成\n,问题丙,财务处,已整改,已完成\n"));

    // The monthly-update preview: A-2 changes, the deleted two are unchanged and not "disappeared".
    auto ledger = LedgerUpdatePlan::readLedger(*reg.db, v2, unitOptions());
    REQUIRE(ledger.ok());
    const LedgerUpdatePlan plan = LedgerUpdatePlan::compute(*reg.db, *ledger, s("测试局党组"));
    REQUIRE(plan.changes.size() == 3);
    CHECK(plan.changes[0].kind == PlannedChange::Kind::Unchanged);
    CHECK(plan.changes[1].kind == PlannedChange::Kind::StateChange);
    CHECK(plan.changes[2].kind == PlannedChange::Kind::Unchanged);

    const qint64 auditBefore = AuditLog::length(*reg.db);
    const ImportReport r = LedgerImporter::importFile(*reg.db, v2, unitOptions());
    REQUIRE(r.ok());
    CHECK(r.created == 0);
    CHECK(r.updated == 1);
    CHECK(r.unchanged == 2);
    REQUIRE(r.warnings.size() == 2);
    CHECK(r.warnings[0].row == 2);
    CHECK(r.warnings[0].toString() ==
          QStringLiteral(
              "v2.csv, row 2: the problem A-1 was deleted from the register on 2021-02-01, so this row is "
              "skipped; restore it (Edit → Deleted problems) to update it from the ledger."));
    CHECK(r.warnings[1].row == 4);
    CHECK(r.warnings[1].message.contains(s("问题丙")));
    // The deleted problems are as they were: still deleted, state and progress untouched.
    CHECK(ps.problem(a1)->state == ProblemState::Registered);
    CHECK(ps.problem(a1)->progress.isEmpty());
    CHECK(reg.db->scalar(QStringLiteral("SELECT count(*) FROM problems WHERE deleted_at IS NOT NULL"))
              .toInt() == 2);
    CHECK(ps.problem(ps.findByRegistrationNo(unit, QStringLiteral("A-2")))->state == ProblemState::Completed);
    CHECK(totals(reg).problems == 1);
    CHECK(totals(reg).completed == 1);
    CHECK(AuditLog::length(*reg.db) > auditBefore); // A-2's update only
}
