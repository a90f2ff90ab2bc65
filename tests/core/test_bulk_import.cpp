#include <catch2/catch.hpp>

#include "importfixtures.h"
#include "testsupport.h"

#include "io/ledgerimporter.h"
#include "storage/auditlog.h"
#include "storage/ledgerquery.h"
#include "workflow/problemservice.h"

#include <QSqlRecord>

using namespace rectrack::core;
using namespace rectrack::test;

namespace {

QString s(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QString column(TempRegister &reg, const QString &sql)
{
    auto q = reg.db->exec(sql);
    QStringList out;
    while (q && q->next()) {
        QStringList cells;
        for (int i = 0; i < q->record().count(); ++i)
            cells << (q->value(i).isNull() ? QStringLiteral("NULL") : q->value(i).toString());
        out << cells.join(u'|');
    }
    return out.join(u'\n');
}

} // namespace

// The importer registers new problems through BulkRegistration and defers the search index
// (SearchIndexDeferral); these are the rows ProblemService::registerProblem writes.
TEST_CASE("a bulk import writes the registered rows, keeps the search index and the audit chain",
          "[import][bulk]")
{
    TempRegister reg;
    const QString path = reg.dir.filePath(QStringLiteral("ledger.csv"));
    REQUIRE(writeFile(
        path, s("编号,问题描述,问题类别,整改措施,责任单位,整改时限,完成情况,整改进展\n"
                "A-1,问题甲,作风建设,\"1.措施一\n2.措施二\",办公室,2021-06-30,已销号,已整改\n"
                "A-2,\"含\"\"引号\"\"的问题乙\",作风建设,措施三,人事处,2021年3月31日,整改中,正在推进\n"
                ",问题丙,,,财务处,长期坚持,基本完成,\n"
                "A-3,问题丁,纪律建设,措施四,办公室,2021-09-30,未启动,\n")
                  .toUtf8()));
    ImportOptions o;
    o.unit = s("测试局党组");
    o.feedbackDate = QDate(2021, 1, 10);
    const ImportReport r = LedgerImporter::importFile(*reg.db, path, o);
    REQUIRE(r.errors.isEmpty());
    CHECK(r.created == 4);
    CHECK(r.measures == 4);
    // A row without a number gets the next one of the register's pattern ({yyyy}-{seq:3}).
    CHECK(r.problems[2].registrationNo == QStringLiteral("2021-001"));
    // An update of an imported row: 问题丙 matches by (text, office) and takes its progress and
    // state. Every update of a versioned row moves its version on (stale-edit check), 1 → 3.
    const QString update = reg.dir.filePath(QStringLiteral("update.csv"));
    REQUIRE(writeFile(update, s("问题描述,责任单位,整改时限,完成情况,整改进展\n"
                                "问题丙,财务处,长期坚持,已完成,持续推进\n")
                                  .toUtf8()));
    const ImportReport u = LedgerImporter::importFile(*reg.db, update, o);
    REQUIRE(u.errors.isEmpty());
    CHECK(u.updated == 1);

    CHECK(
        column(reg, QStringLiteral("SELECT registration_no, description, responsible_office, deadline, "
                                   "original_deadline, deadline_note, state, feedback_date, completed_date, "
                                   "closed_out_date, progress, version FROM problems ORDER BY id")) ==
        s("A-1|问题甲|办公室|2021-06-30|2021-06-30|NULL|closed_out|2021-01-10|2021-01-10|2021-01-10|已整改|"
          "1\n"
          "A-2|含\"引号\"的问题乙|人事处|2021-03-31|2021-03-31|NULL|in_progress|2021-01-10|NULL|NULL|"
          "正在推进|1\n"
          "2021-001|问题丙|财务处|NULL|NULL|长期坚持|completed|2021-01-10|2021-01-15|NULL|持续推进|3\n"
          "A-3|问题丁|办公室|2021-09-30|2021-09-30|NULL|registered|2021-01-10|NULL|NULL|NULL|1"));
    CHECK(
        column(reg, QStringLiteral("SELECT problem_id, changed_on, state FROM problem_states ORDER BY id")) ==
        s("1|2021-01-10|registered\n1|2021-01-10|closed_out\n2|2021-01-10|registered\n"
          "2|2021-01-10|in_progress\n3|2021-01-10|registered\n3|2021-01-10|long_term\n"
          "4|2021-01-10|registered\n3|2021-01-15|completed"));
    CHECK(column(reg, QStringLiteral("SELECT problem_id, seq, content, type, state, completed_date FROM "
                                     "measures ORDER BY id")) ==
          s("1|1|措施一|deadline|completed|2021-01-10\n1|2|措施二|deadline|completed|2021-01-10\n"
            "2|1|措施三|deadline|in_progress|NULL\n4|1|措施四|deadline|pending|NULL"));
    CHECK(column(reg, QStringLiteral("SELECT problem_id, step, review_date, approved FROM reviews")) ==
          QStringLiteral("1|inspection_office|2021-01-10|1"));

    // The search index holds the new rows: the ledger search finds them (a file's FTS5 tables, a
    // server's trigram indexes).
    auto found = [&](Ledger ledger, const QString &term) {
        LedgerFilter f;
        f.search = term;
        const auto ids = LedgerQuery(*reg.db).ids(ledger, f, LedgerContext{QDate(2021, 1, 15), {}, false});
        REQUIRE(ids);
        return *ids;
    };
    CHECK(found(Ledger::Problems, s("问题丙")).size() == 1);
    CHECK(found(Ledger::Problems, s("持续推进")).size() == 1);
    CHECK(found(Ledger::Measures, s("措施二")) == QList<qint64>{2});
    if (!reg.db->onServer()) {
        // The file's FTS5 tables are sound and their insert triggers are back.
        CHECK(reg.db
                  ->exec(QStringLiteral(
                      "INSERT INTO problems_fts(problems_fts, rank) VALUES ('integrity-check', 1)"))
                  .ok());
        CHECK(reg.db
                  ->exec(QStringLiteral(
                      "INSERT INTO measures_fts(measures_fts, rank) VALUES ('integrity-check', 1)"))
                  .ok());
        CHECK(reg.db
                  ->scalar(QStringLiteral(
                      "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_fts_ai'"))
                  .toInt() == 2);
    }
    ProblemService ps(*reg.db);
    Problem later;
    later.unitId = 1;
    later.description = s("之后登记的问题戊");
    later.feedbackDate = QDate(2021, 1, 15);
    REQUIRE(ps.registerProblem(later).ok());
    CHECK(found(Ledger::Problems, s("问题戊")).size() == 1);

    // Bulk and row-by-row audit entries interleave in one chain that verifies.
    const VerifyReport v = Verifier::verify(*reg.db);
    CHECK(v.faults.join(u'\n').toStdString() == "");
    CHECK(v.auditEntries > 20);
}
