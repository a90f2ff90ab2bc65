// Issue #18, the meaning of what is imported: a registration number for every problem, rows of
// one file that would be one problem, status sentences, combined ledgers (汇总台账) of many units,
// the unit proposed from a title, the round's term and the measures' responsible person.
#include <catch2/catch.hpp>

#include "importfixtures.h"
#include "testsupport.h"

#include "io/ledgerexporter.h"
#include "io/ledgerimporter.h"
#include "io/ledgerupdateplan.h"
#include "io/unitproposal.h"
#include "stats/statistics.h"
#include "storage/auditlog.h"
#include "workflow/organizationservice.h"
#include "workflow/problemservice.h"
#include "workflow/registersettings.h"

#include <QDir>
#include <QRegularExpression>

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
    REQUIRE(writeFile(path, text.toUtf8()));
    return path;
}

ImportOptions options(const QString &unit = {})
{
    ImportOptions o;
    o.unit = unit;
    o.feedbackDate = QDate(2021, 1, 10);
    return o;
}

/// Problems per unit ("unit=count" lines, sorted), as `stats --by unit` counts them.
QStringList problemsByUnit(TempRegister &reg)
{
    auto r = Statistics::compute(*reg.db, QDate(2021, 12, 31), GroupBy::Unit);
    REQUIRE(r.ok());
    QStringList out;
    for (const GroupCounts &g : r->groups) {
        if (g.counts.problems > 0)
            out << QStringLiteral("%1=%2").arg(g.key).arg(g.counts.problems);
    }
    out.sort();
    return out;
}

/// The registration numbers of the register's problems, in id order.
QStringList numbers(TempRegister &reg)
{
    QStringList out;
    auto q = reg.db->exec(QStringLiteral("SELECT coalesce(registration_no, '') FROM problems ORDER BY id"));
    REQUIRE(q.ok());
    while (q->next())
        out << q->value(0).toString();
    return out;
}

/// The first rule of LedgerRules::stateRules() that @p word matches; -1 when none does.
int ruleOf(const QString &word)
{
    QString key = LedgerRules::toHalfWidth(word).toLower();
    key.remove(QRegularExpression(QStringLiteral("\\s+")));
    const QList<StateRule> &rules = LedgerRules::stateRules();
    for (int i = 0; i < rules.size(); ++i) {
        if (QRegularExpression(rules[i].pattern).match(key).hasMatch())
            return i;
    }
    return -1;
}

/// A combined ledger of three units: 市水利局党组 (written two ways), 市交通运输局党组 and
/// 市财政局党组, the number 1 and the text 问题甲 in two units each.
const char *kCombined = "序号,被巡察单位,编号,问题描述,责任单位,整改措施,完成情况\n"
                        "1,市水利局党组,1,问题甲,办公室,措施一,已完成\n"
                        "2,中共市水利局党组,,问题乙,人事处,\"1.措施二 2.措施三\",整改中\n"
                        "3,市交通运输局党组,1,问题甲,办公室,措施四,未启动\n"
                        "4,市交通运输局党组,,问题丙,财务处,措施五,已销号\n"
                        "5,市财政局党组,,问题甲,办公室,措施六,整改中\n";

} // namespace

TEST_CASE("every imported problem gets a registration number from the register's pattern, numbers in "
          "the ledger are kept",
          "[import][semantics]")
{
    TempRegister reg;
    // A number of the pattern written in the ledger for a later row is not given again.
    const QString path = writeCsv(reg, QStringLiteral("n.csv"),
                                  s("编号,问题描述,责任单位\n,问题甲,办公室\n2021-002,问题乙,办公室\n,问题丙,"
                                    "办公室\nA-7,问题丁,办公室\n"));
    const ImportReport r = LedgerImporter::importFile(*reg.db, path, options(s("测试局党组")));
    REQUIRE(r.ok());
    CHECK(r.created == 4);
    CHECK(numbers(reg) == QStringList{s("2021-001"), s("2021-002"), s("2021-003"), s("A-7")});
    CHECK(r.problems[0].registrationNo == s("2021-001"));
    CHECK(r.problems[2].registrationNo == s("2021-003"));

    // Another unit's import continues the running number (the pattern has no {unit}); a pattern
    // with {unit} numbers each unit from 1.
    const QString other =
        writeCsv(reg, QStringLiteral("o.csv"), s("问题描述,责任单位\n问题甲,办公室\n问题乙,办公室\n"));
    REQUIRE(LedgerImporter::importFile(*reg.db, other, options(s("另一局党组"))).ok());
    CHECK(numbers(reg).mid(4) == QStringList{s("2021-004"), s("2021-005")});
    SettingsService settings(*reg.db);
    RegisterSettings rs = settings.load();
    rs.registrationPattern = QStringLiteral("{unit}-{seq:2}");
    REQUIRE(settings.save(rs).ok());
    REQUIRE(LedgerImporter::importFile(*reg.db, other, options(s("第三局党组"))).ok());
    CHECK(numbers(reg).mid(6) == QStringList{s("第三局党组-01"), s("第三局党组-02")});

    // A dry run reports the numbers it would give and writes nothing.
    ImportOptions dry = options(s("第四局党组"));
    dry.dryRun = true;
    const ImportReport d = LedgerImporter::importFile(*reg.db, other, dry);
    REQUIRE(d.ok());
    CHECK(d.problems[1].registrationNo == s("第四局党组-02"));
    CHECK(numbers(reg).size() == 8);

    // After the imports, the exported problem ledger has a number in every row.
    auto table = LedgerExporter::build(*reg.db, ExportOptions{});
    REQUIRE(table.ok());
    const qsizetype numberColumn = table->headers.indexOf(QStringLiteral("Registration no."));
    REQUIRE(numberColumn >= 0);
    REQUIRE(table->rows.size() == 8);
    for (const QVariantList &row : std::as_const(table->rows))
        CHECK(!row[numberColumn].toString().isEmpty());
}

TEST_CASE("two rows of one file with the same identity are an error naming both rows", "[import][semantics]")
{
    TempRegister reg;
    const QString twice =
        writeCsv(reg, QStringLiteral("t.csv"),
                 s("问题描述,责任单位,整改措施,整改时限\n问题甲,办公室,措施一,2021-03-31\n问题乙,"
                   "人事处,措施二,2021-04-30\n问题甲,办公室,措施三,2021-06-30\n"));
    const ImportReport r = LedgerImporter::importFile(*reg.db, twice, options(s("测试局党组")));
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].row == 4);
    CHECK(r.errors[0].column == s("问题描述"));
    CHECK(r.errors[0].message.contains(QStringLiteral("row 2")));
    CHECK(numbers(reg).isEmpty());

    // The same text for another responsible office is another problem.
    const QString offices =
        writeCsv(reg, QStringLiteral("o.csv"), s("问题描述,责任单位\n问题甲,办公室\n问题甲,人事处\n"));
    const ImportReport o = LedgerImporter::importFile(*reg.db, offices, options(s("测试局党组")));
    REQUIRE(o.ok());
    CHECK(o.created == 2);

    // Re-import matches a row with the problem the register had before: one row updates it, the
    // other row of the file (another office) is new.
    reg.clock.setToday(QDate(2021, 3, 1));
    const QString again =
        writeCsv(reg, QStringLiteral("a.csv"),
                 s("问题描述,责任单位,完成情况\n问题甲,办公室,已完成\n问题甲,财务处,未启动\n"));
    const ImportReport a = LedgerImporter::importFile(*reg.db, again, options(s("测试局党组")));
    REQUIRE(a.ok());
    CHECK(a.updated == 1);
    CHECK(a.created == 1);
    CHECK(problemsByUnit(reg) == QStringList{s("测试局党组=3")});
}

TEST_CASE("every status rule has a test row", "[import][semantics][rules]")
{
    struct Row
    {
        const char *word;
        ProblemState state;
    };
    const Row rows[] = {
        {"已完成，待销号", ProblemState::Completed},
        {"已完成整改，申请销号", ProblemState::Completed},
        {"计划2021年6月底前完成", ProblemState::InProgress},
        {"预计年底前完成", ProblemState::InProgress},
        {"争取9月底完成整改", ProblemState::InProgress},
        {"力争上半年完成", ProblemState::InProgress},
        {"已制定方案，计划于6月30日前完成", ProblemState::InProgress},
        {"预计6月底前完成销号", ProblemState::InProgress},
        {"已销号", ProblemState::ClosedOut},
        {"Closed out", ProblemState::ClosedOut},
        {"长期坚持", ProblemState::LongTerm},
        {"基本完成", ProblemState::LongTerm},
        {"持续推进", ProblemState::LongTerm},
        {"Long-term", ProblemState::LongTerm},
        {"未启动", ProblemState::Registered},
        {"待整改", ProblemState::Registered},
        {"正在推进", ProblemState::InProgress},
        {"部分完成", ProblemState::InProgress},
        {"整改中", ProblemState::InProgress},
        {"已完成", ProblemState::Completed},
        {"已按计划完成整改", ProblemState::Completed},
        {"已完成整改，确保整改成果不反弹", ProblemState::Completed},
        {"已整改到位", ProblemState::Completed},
        {"已办结", ProblemState::Completed},
        {"Completed", ProblemState::Completed},
    };
    QSet<int> covered;
    for (const Row &row : rows) {
        INFO(row.word);
        bool known = false;
        CHECK(LedgerRules::stateForWord(s(row.word), &known) == row.state);
        CHECK(known);
        const int rule = ruleOf(s(row.word));
        REQUIRE(rule >= 0);
        CHECK(LedgerRules::stateRules()[rule].state == row.state);
        covered.insert(rule);
    }
    // A rule added to the table without a row here fails this check.
    CHECK(covered.size() == LedgerRules::stateRules().size());
    bool known = true;
    CHECK(LedgerRules::stateForWord(s("见附件"), &known) == ProblemState::Registered);
    CHECK_FALSE(known);
}

TEST_CASE("status sentences in a progress column: plans are not completed", "[import][semantics]")
{
    TempRegister reg;
    CHECK(LedgerRules::fieldForHeader(s("整改落实情况")) == LedgerField::Progress);
    CHECK(LedgerRules::fieldForHeader(s("整改进展情况")) == LedgerField::Progress);
    const QString path =
        writeCsv(reg, QStringLiteral("p.csv"),
                 s("问题描述,整改落实情况\n问题甲,已完成整改并建立长效机制\n问题乙,"
                   "计划2021年6月底前完成\n问题丙,预计年底前"
                   "完成\n问题丁,已召开专题会，力争6月前完成\n问题戊,争取三季度完成\n问题己,\n"));
    const ImportReport r = LedgerImporter::importFile(*reg.db, path, options(s("测试局党组")));
    REQUIRE(r.ok());
    REQUIRE(r.problems.size() == 6);
    CHECK(r.problems[0].state == ProblemState::Completed);
    for (int i = 1; i <= 4; ++i)
        CHECK(r.problems[i].state == ProblemState::InProgress);
    CHECK(r.problems[5].state == ProblemState::Registered);
}

TEST_CASE("a combined ledger puts each row in the unit it names", "[import][semantics][units]")
{
    TempRegister reg;
    REQUIRE(OrganizationService(*reg.db).ensureUnit(s("市水利局党组")).ok());
    const QString path = writeCsv(reg, QStringLiteral("combined.csv"), s(kCombined));

    // A dry run counts per unit and changes nothing.
    ImportOptions dry = options();
    dry.dryRun = true;
    const ImportReport d = LedgerImporter::importFile(*reg.db, path, dry);
    REQUIRE(d.ok());
    REQUIRE(d.units.size() == 3);
    CHECK(d.units[0].name == s("市水利局党组"));
    CHECK_FALSE(d.units[0].isNew);
    CHECK(d.units[0].created == 2);
    CHECK(d.units[0].measures == 3);
    CHECK(d.units[1].name == s("市交通运输局党组"));
    CHECK(d.units[1].isNew);
    CHECK(d.units[1].created == 2);
    CHECK(d.units[2].name == s("市财政局党组"));
    CHECK(d.units[2].created == 1);
    CHECK(d.newUnits == QStringList{s("市交通运输局党组"), s("市财政局党组")});
    REQUIRE(d.warnings.size() == 1);
    CHECK(d.warnings[0].message.contains(s("市交通运输局党组, 市财政局党组")));
    CHECK(problemsByUnit(reg).isEmpty());

    // Without --unit: each unit its rows, under the names as written; the number 1 and the text
    // 问题甲 in two units are two problems each.
    const ImportReport r = LedgerImporter::importFile(*reg.db, path, options());
    REQUIRE(r.ok());
    CHECK(r.created == 5);
    CHECK(problemsByUnit(reg) ==
          QStringList{s("市交通运输局党组=2"), s("市水利局党组=2"), s("市财政局党组=1")});
    CHECK(r.problems[1].unit == s("市水利局党组"));
    CHECK(r.problems[3].state == ProblemState::ClosedOut);

    // Importing it again matches per unit: nothing new, nothing changed.
    const ImportReport again = LedgerImporter::importFile(*reg.db, path, options());
    REQUIRE(again.ok());
    CHECK(again.created == 0);
    CHECK(again.unchanged == 5);
    const LedgerUpdatePlan plan = LedgerUpdatePlan::compute(
        *reg.db, *LedgerUpdatePlan::readLedger(*reg.db, path, options()), QString());
    CHECK(plan.units == QStringList{s("市水利局党组"), s("市交通运输局党组"), s("市财政局党组")});
    CHECK(plan.count(PlannedChange::Kind::Unchanged, s("市交通运输局党组")) == 2);
    CHECK(plan.count(PlannedChange::Kind::Disappeared) == 0);
}

TEST_CASE("a combined ledger: empty unit cells, --unit, duplicates per unit", "[import][semantics][units]")
{
    TempRegister reg;
    const QString blank =
        writeCsv(reg, QStringLiteral("b.csv"),
                 s("被巡察单位,问题描述\n市水利局党组,问题甲\n,问题乙\n市审计局党组,问题丙\n"));
    const ImportReport refused = LedgerImporter::importFile(*reg.db, blank, options());
    REQUIRE(refused.errors.size() == 1);
    CHECK(refused.errors[0].row == 3);
    CHECK(refused.errors[0].column == s("被巡察单位"));
    CHECK(problemsByUnit(reg).isEmpty());

    // --unit names the unit of the rows with an empty unit cell only.
    const ImportReport r = LedgerImporter::importFile(*reg.db, blank, options(s("市审计局党组")));
    REQUIRE(r.ok());
    CHECK(problemsByUnit(reg) == QStringList{s("市审计局党组=2"), s("市水利局党组=1")});

    // One number twice in one unit written two ways is an error; in two units it is not.
    const QString twice =
        writeCsv(reg, QStringLiteral("t.csv"),
                 s("单位名称,问题编号,问题描述\n市水利局党组,X-1,问题甲\n市教育局党组,X-1,问"
                   "题乙\n中共市水利局党组,X-1,问题丙\n"));
    const ImportReport dup = LedgerImporter::importFile(*reg.db, twice, options());
    REQUIRE(dup.errors.size() == 1);
    CHECK(dup.errors[0].row == 4);
    CHECK(dup.errors[0].message.contains(QStringLiteral("row 2")));

    // A ledger with neither a unit column nor --unit is refused.
    const QString plain = writeCsv(reg, QStringLiteral("p.csv"), s("问题描述,责任单位\n问题甲,办公室\n"));
    const ImportReport none = LedgerImporter::importFile(*reg.db, plain, options());
    REQUIRE(none.errors.size() == 1);
    CHECK(none.errors[0].message.contains(QStringLiteral("--unit")));
}

TEST_CASE("the warning about new units names the first 20 and counts the rest", "[import][semantics][units]")
{
    TempRegister reg;
    QString csv = s("被巡察单位,问题描述\n");
    for (int i = 1; i <= 25; ++i)
        csv += s("第%1局党组,问题甲\n").arg(i, 2, 10, QLatin1Char('0'));
    const QString path = writeCsv(reg, QStringLiteral("many.csv"), csv);
    ImportOptions dry = options();
    dry.dryRun = true;
    const ImportReport r = LedgerImporter::importFile(*reg.db, path, dry);
    REQUIRE(r.ok());
    CHECK(r.newUnits.size() == 25);
    REQUIRE(r.warnings.size() == 1);
    const QString w = r.warnings[0].message;
    CHECK(w.contains(s("第01局党组, 第02局党组")));
    CHECK(w.contains(s("第20局党组 and 5 more")));
    CHECK_FALSE(w.contains(s("第21局党组")));
    CHECK(w.contains(QStringLiteral("creates 25 new unit(s)")));
}

TEST_CASE("unit names written another usual way are one unit", "[import][semantics][units]")
{
    CHECK(LedgerRules::unitKey(s("中共市水利局党组")) == LedgerRules::unitKey(s("市水利局党组")));
    CHECK(LedgerRules::unitKey(s("中国共产党市水利局党组")) == LedgerRules::unitKey(s("市水利局党组")));
    CHECK(LedgerRules::unitKey(s(" 市水利局 党组 ")) == LedgerRules::unitKey(s("市水利局党组")));
    CHECK(LedgerRules::unitKey(s("市水利局")) != LedgerRules::unitKey(s("市水利局党组")));
    CHECK(LedgerRules::fieldForHeader(s("被巡察单位")) == LedgerField::Unit);
    CHECK(LedgerRules::fieldForHeader(s("单位名称")) == LedgerField::Unit);
    CHECK(LedgerRules::fieldForHeader(s("被巡察党组织")) == LedgerField::Unit);
    CHECK(LedgerRules::fieldForHeader(s("单位")) == LedgerField::Unit);
    CHECK(LedgerRules::fieldForHeader(s("责任单位")) == LedgerField::ResponsibleOffice);
    CHECK(LedgerRules::fieldForHeader(s("责任单位名称")) == LedgerField::ResponsibleOffice);

    TempRegister reg;
    REQUIRE(OrganizationService(*reg.db).ensureUnit(s("中共市水利局党组")).ok());
    const QString path = writeCsv(reg, QStringLiteral("u.csv"), s("问题描述,责任单位\n问题甲,办公室\n"));
    const ImportReport r = LedgerImporter::importFile(*reg.db, path, options(s("市水利局党组")));
    REQUIRE(r.ok());
    CHECK(r.newUnits.isEmpty());
    CHECK(problemsByUnit(reg) == QStringList{s("中共市水利局党组=1")});
}

TEST_CASE("a problem ledger of many units exports and imports back unit by unit",
          "[import][semantics][units]")
{
    TempRegister reg;
    const QString path = writeCsv(reg, QStringLiteral("combined.csv"), s(kCombined));
    REQUIRE(LedgerImporter::importFile(*reg.db, path, options()).ok());
    const QStringList expected{s("市交通运输局党组=2"), s("市水利局党组=2"), s("市财政局党组=1")};
    REQUIRE(problemsByUnit(reg) == expected);

    // The whole ledger, into an empty register, without --unit.
    const QString all = reg.dir.filePath(QStringLiteral("all.xlsx"));
    REQUIRE(LedgerExporter::exportTo(*reg.db, ExportOptions{}, all).ok());
    TempRegister back;
    const ImportReport r = LedgerImporter::importFile(*back.db, all, options());
    REQUIRE(r.ok());
    CHECK(problemsByUnit(back) == expected);
    QStringList before = numbers(reg);
    QStringList after = numbers(back);
    before.sort();
    after.sort();
    CHECK(after == before);

    // One file per unit, named after it, each importing back to its unit's count.
    const QString dir = reg.dir.filePath(QStringLiteral("by-unit"));
    REQUIRE(QDir().mkpath(dir));
    auto files = LedgerExporter::exportByUnit(*reg.db, ExportOptions{}, dir);
    REQUIRE(files.ok());
    REQUIRE(files->size() == 3);
    QStringList names = QDir(dir).entryList(QDir::Files, QDir::Name);
    CHECK(names == QStringList{s("市交通运输局党组.xlsx"), s("市水利局党组.xlsx"), s("市财政局党组.xlsx")});
    TempRegister each;
    for (const UnitLedgerFile &f : std::as_const(*files)) {
        const ImportReport one = LedgerImporter::importFile(*each.db, f.path, options());
        REQUIRE(one.ok());
        CHECK(one.units.size() == 1);
        CHECK(one.units[0].name == f.unit);
    }
    CHECK(problemsByUnit(each) == expected);

    CHECK(LedgerExporter::safeFileName(s("市局/党组:第一*")) == s("市局_党组_第一_"));
    CHECK(LedgerExporter::safeFileName(QStringLiteral("..")) == QStringLiteral("_"));
    CHECK(LedgerExporter::safeFileName(QStringLiteral("CON")) == QStringLiteral("_CON"));
}

/// Each measure as "unit/number/text=state", sorted.
QStringList measureStates(TempRegister &reg)
{
    QStringList out;
    REQUIRE(reg.db
                ->forEachRow(
                    QStringLiteral("SELECT u.name, p.registration_no, m.content, m.state FROM measures m "
                                   "JOIN problems p ON p.id = m.problem_id JOIN units u ON u.id = "
                                   "p.unit_id"),
                    {},
                    [&](const SqlRow &q) {
                        out << QStringLiteral("%1/%2/%3=%4").arg(q.text(0), q.text(1), q.text(2), q.text(3));
                    })
                .ok());
    out.sort();
    return out;
}

TEST_CASE("the rectification ledger (one row per measure) imports back as problems with their measures",
          "[import][semantics][units]")
{
    TempRegister reg;
    const QString path = writeCsv(reg, QStringLiteral("combined.csv"), s(kCombined));
    REQUIRE(LedgerImporter::importFile(*reg.db, path, options()).ok());
    // 问题乙's two measures in two states: 措施二 completed, 措施三 still pending.
    ProblemService ps(*reg.db);
    const qint64 second =
        reg.db->scalar(QStringLiteral("SELECT id FROM measures WHERE content = ?"), {s("措施二")})
            .toLongLong();
    REQUIRE(ps.setMeasureState(second, MeasureState::Completed, QDate(2021, 2, 1)).ok());
    const QStringList states = measureStates(reg);
    REQUIRE(states.size() == 6);

    // The rectification ledger repeats 问题乙's number and text on two rows: one problem with two
    // measures, each in its own state, not a duplicate number.
    ExportOptions measuresLedger;
    measuresLedger.kind = LedgerKind::Measures;
    for (const QString &name : {QStringLiteral("m.xlsx"), QStringLiteral("m.csv")}) {
        const QString file = reg.dir.filePath(name);
        REQUIRE(LedgerExporter::exportTo(*reg.db, measuresLedger, file).ok());
        TempRegister back;
        const ImportReport r = LedgerImporter::importFile(*back.db, file, options());
        INFO(name.toStdString());
        REQUIRE(r.ok());
        CHECK(r.created == 5);
        CHECK(r.measures == 6);
        CHECK(problemsByUnit(back) == problemsByUnit(reg));
        CHECK(measureStates(back).join(u'|').toStdString() == states.join(u'|').toStdString());
        // The problem's state follows from its measures: one of two done is in progress.
        CHECK(
            back.db->scalar(QStringLiteral("SELECT state FROM problems WHERE description = ?"), {s("问题乙")})
                .toString() == QStringLiteral("in_progress"));
    }

    // Re-importing the ledger with 措施三 done now updates that measure alone and completes the
    // problem; the same number over another text stays an error.
    const QString again = writeCsv(
        reg, QStringLiteral("again.csv"),
        s("问题编号,被巡察单位,问题描述,整改措施,措施状态\n"
          "2021-001,市水利局党组,问题乙,措施二,已完成\n2021-001,市水利局党组,问题乙,措施三,已完成\n"));
    const QString numberOfSecond =
        reg.db
            ->scalar(QStringLiteral("SELECT registration_no FROM problems WHERE description = ?"),
                     {s("问题乙")})
            .toString();
    REQUIRE(numberOfSecond == QStringLiteral("2021-001"));
    const ImportReport u = LedgerImporter::importFile(*reg.db, again, options());
    REQUIRE(u.ok());
    CHECK(u.updated == 1);
    CHECK(u.created == 0);
    QStringList expected = states;
    expected.replaceInStrings(s("2021-001/措施三=in_progress"), s("2021-001/措施三=completed"));
    CHECK(measureStates(reg).join(u'|').toStdString() == expected.join(u'|').toStdString());

    const QString clash = writeCsv(reg, QStringLiteral("clash.csv"),
                                   s("问题编号,被巡察单位,问题描述,整改措施\nX-1,市财政局党组,问题丁,措施七\n"
                                     "X-1,市财政局党组,问题戊,措施八\n"));
    const ImportReport c = LedgerImporter::importFile(*reg.db, clash, options());
    REQUIRE(c.errors.size() == 1);
    CHECK(c.errors[0].row == 3);
    CHECK(c.errors[0].column == s("问题编号"));
}

TEST_CASE("a problem registered without a number before numbering gets one when an import matches it",
          "[import][semantics]")
{
    TempRegister reg;
    const QString path =
        writeCsv(reg, QStringLiteral("p.csv"), s("问题描述,责任单位\n问题甲,办公室\n问题乙,办公室\n"));
    REQUIRE(LedgerImporter::importFile(*reg.db, path, options(s("测试局党组"))).ok());
    REQUIRE(numbers(reg) == QStringList{s("2021-001"), s("2021-002")});
    // An older register: 问题甲 was imported when imports gave no number.
    const qint64 first =
        reg.db->scalar(QStringLiteral("SELECT id FROM problems WHERE description = ?"), {s("问题甲")})
            .toLongLong();
    REQUIRE(AuditLog::update(*reg.db, QStringLiteral("problems"), first,
                             {{QStringLiteral("registration_no"), QVariant()}})
                .ok());
    REQUIRE(numbers(reg) == QStringList{QString(), s("2021-002")});

    const QString update =
        writeCsv(reg, QStringLiteral("u.csv"), s("问题描述,责任单位,完成情况\n问题甲,办公室,整改中\n"));
    const ImportReport r = LedgerImporter::importFile(*reg.db, update, options(s("测试局党组")));
    REQUIRE(r.ok());
    CHECK(r.updated == 1);
    CHECK(r.problems[0].registrationNo == s("2021-003"));
    CHECK(numbers(reg) == QStringList{s("2021-003"), s("2021-002")});
}

TEST_CASE("the unit proposed from a title is the unit's name", "[import][semantics]")
{
    CHECK(UnitProposal::fromText(s("中共市交通运输局党组关于市委第三巡察组反馈问题整改落实台账"), {}) ==
          s("市交通运输局党组"));
    CHECK(UnitProposal::fromText(s("中国共产党市水利局党组巡察整改台账"), {}) == s("市水利局党组"));
    CHECK(UnitProposal::fromText(s("关于市卫健委党组巡察整改情况的台账"), {}) == s("市卫健委党组"));
    // A unit of the register named in the title wins, written as the register writes it.
    CHECK(UnitProposal::fromText(s("中共市交通运输局党组关于市委第三巡察组反馈问题整改落实台账"),
                                 {s("中共市交通运输局党组")}) == s("中共市交通运输局党组"));
}

TEST_CASE("an imported round is filed under the register's term, a measure's owner is the responsible "
          "person",
          "[import][semantics]")
{
    TempRegister reg;
    OrganizationService org(*reg.db);
    Term older;
    older.name = s("第十二届");
    older.start = QDate(2012, 1, 1);
    older.end = QDate(2016, 12, 31);
    REQUIRE(org.addTerm(older).ok());
    Term term;
    term.name = s("第十三届");
    term.start = QDate(2017, 1, 1);
    term.end = QDate(2021, 12, 31);
    const auto termId = org.addTerm(term);
    REQUIRE(termId.ok());

    const QString path =
        writeCsv(reg, QStringLiteral("r.csv"),
                 s("问题描述,整改措施,责任单位,责任人\n问题甲,\"1.措施一 2.措施二\",办公室,张三\n"));
    SettingsService settings(*reg.db);
    RegisterSettings rs = settings.load();
    rs.defaultConcentratedMonths = 2;
    REQUIRE(settings.save(rs).ok());
    ImportOptions o = options(s("测试局党组"));
    o.round = s("第十五轮第三批");
    const ImportReport r = LedgerImporter::importFile(*reg.db, path, o);
    REQUIRE(r.ok());
    CHECK(r.roundCreated);
    const auto round = org.roundByLabel(s("第十五轮第三批"));
    REQUIRE(round.has_value());
    CHECK(round->termId == *termId);
    CHECK(round->concentratedMonths == 2); // the register's default, as a round typed on registration

    ProblemService ps(*reg.db);
    const QList<Measure> measures = ps.measures(r.problems[0].id);
    REQUIRE(measures.size() == 2);
    CHECK(measures[0].owner == s("张三"));
    CHECK(measures[1].owner == s("张三"));
    CHECK(ps.problem(r.problems[0].id)->responsibleOffice == s("办公室"));
}
