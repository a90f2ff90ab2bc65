#include <catch2/catch.hpp>

#include "testsupport.h"

#include "io/ledgerimporter.h"
#include "storage/audithistory.h"
#include "storage/auditlog.h"
#include "workflow/organizationservice.h"
#include "workflow/problemservice.h"

#include <QSqlRecord>

using namespace rectrack::core;
using namespace rectrack::test;

namespace {

QString s(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QString rows(Database &db, const QString &sql)
{
    auto q = db.exec(sql);
    QStringList out;
    while (q && q->next()) {
        QStringList cells;
        for (int i = 0; i < q->record().count(); ++i)
            cells << (q->value(i).isNull() ? QStringLiteral("NULL") : q->value(i).toString());
        out << cells.join(u'|');
    }
    return out.join(u'\n');
}

/// The rows of @p table in id order, every column but the uuid and the version (row by row,
/// the state change after the insert moves the version on; the bulk path writes the final row).
QString tableRows(Database &db, const QString &table)
{
    QStringList columns;
    const auto info = db.dialect().columns(db, table);
    REQUIRE(info);
    for (const TableColumn &c : *info) {
        if (c.name != QLatin1String("uuid") && c.name != QLatin1String("version"))
            columns << c.name;
    }
    return rows(
        db, QStringLiteral("SELECT %1 FROM %2 ORDER BY %3").arg(columns.join(u','), table, columns.first()));
}

struct Expected
{
    const char *file;
    const char *unit;
    int problems;
    int measures;
    const char *states;        // problems by state
    const char *measureStates; // measures by state
    int history;               // problem_states rows
    int reviews;
    int withProgress;
    const char *audit; // audit entries by table
    int auditEntries;
};

} // namespace

// The importer writes new problems through BulkRegistration / BulkInserter (prepared statements,
// snapshots and chain hashes built in memory). Pinned on the two shared ledgers: the counts of
// every table, the audit entries, verify, the history view, and the same rows as registering each
// problem row by row through ProblemService.
TEST_CASE(
    "bulk imports of the shared ledgers write exactly the rows and audit entries of the row-by-row path",
    "[import][bulk]")
{
    const Expected cases[] = {
        {"transport-bureau-ledger.xlsx", "市交通运输局党组", 24, 53,
         "closed_out|7\ncompleted|9\nin_progress|4\nlong_term|4", "completed|32\nin_progress|12\nlong_term|9",
         48, 7, 24,
         "categories|4\ninspections|1\nmeasures|53\nproblem_states|48\nproblems|24\nreviews|7\nunits|1", 138},
        {"agriculture-bureau-ledger-gbk.csv", "市农业农村局党组", 18, 39,
         "completed|8\nin_progress|7\nlong_term|3", "completed|18\nin_progress|16\nlong_term|5", 36, 0, 0,
         "categories|4\ninspections|1\nmeasures|39\nproblem_states|36\nproblems|18\nunits|1", 99},
    };
    for (const Expected &e : cases) {
        INFO(e.file);
        TempRegister reg;
        ImportOptions o;
        o.unit = s(e.unit);
        const ImportReport r =
            LedgerImporter::importFile(*reg.db, sharedData(QStringLiteral("ledgers/") + s(e.file)), o);
        REQUIRE(r.errors.isEmpty());
        CHECK(r.created == e.problems);
        CHECK(r.measures == e.measures);
        Database &db = *reg.db;
        CHECK(db.scalar(QStringLiteral("SELECT count(*) FROM problems")).toInt() == e.problems);
        CHECK(
            rows(db, QStringLiteral("SELECT state, count(*) FROM problems GROUP BY state ORDER BY state")) ==
            s(e.states));
        CHECK(db.scalar(QStringLiteral("SELECT count(*) FROM measures")).toInt() == e.measures);
        CHECK(
            rows(db, QStringLiteral("SELECT state, count(*) FROM measures GROUP BY state ORDER BY state")) ==
            s(e.measureStates));
        CHECK(db.scalar(QStringLiteral("SELECT count(*) FROM problem_states")).toInt() == e.history);
        CHECK(db.scalar(QStringLiteral("SELECT count(*) FROM reviews")).toInt() == e.reviews);
        CHECK(db.scalar(QStringLiteral("SELECT count(*) FROM progress_entries")).toInt() == 0);
        CHECK(db.scalar(QStringLiteral("SELECT count(progress) FROM problems")).toInt() == e.withProgress);
        // Every problem was fed back on the import date (the test clock's today) and every state
        // written that day: "registered", then the ledger's state.
        CHECK(rows(db, QStringLiteral("SELECT changed_on, CASE WHEN state = 'registered' THEN 1 ELSE 0 END, "
                                      "count(*) FROM problem_states GROUP BY 1, 2 ORDER BY 1, 2")) ==
              QStringLiteral("2021-01-15|0|%1\n2021-01-15|1|%1").arg(e.problems));
        CHECK(rows(db, QStringLiteral("SELECT count(*) FROM problem_latest_state l JOIN problems p ON "
                                      "p.id = l.problem_id AND p.state = l.state")) ==
              QString::number(e.problems));
        // One insert entry per row written, and the chain verifies.
        CHECK(rows(db, QStringLiteral(
                           "SELECT entity, count(*) FROM audit_log GROUP BY entity ORDER BY entity")) ==
              s(e.audit));
        CHECK(db.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action <> 'insert'")).toInt() ==
              0);
        const VerifyReport v = Verifier::verify(db);
        CHECK(v.faults.join(u'\n').toStdString() == "");
        CHECK(v.auditEntries == e.auditEntries);
        CHECK(v.rowsChecked == e.auditEntries);

        // The History dialog's field-by-field view of an imported problem.
        const QList<HistoryLine> history = AuditHistory::forProblem(db, 1);
        const QString description =
            db.scalar(QStringLiteral("SELECT description FROM problems WHERE id = 1")).toString();
        CHECK(std::any_of(history.cbegin(), history.cend(), [&](const HistoryLine &l) {
            return l.table == QLatin1String("problems") && l.action == QLatin1String("insert") &&
                   l.field == QLatin1String("description") && l.newValue == description &&
                   l.oldValue.isEmpty();
        }));
        const int measuresOf1 =
            db.scalar(QStringLiteral("SELECT count(*) FROM measures WHERE problem_id = 1")).toInt();
        QSet<qint64> measureRows;
        QSet<qint64> stateRows;
        for (const HistoryLine &l : history) {
            if (l.table == QLatin1String("measures"))
                measureRows.insert(l.rowId);
            if (l.table == QLatin1String("problem_states"))
                stateRows.insert(l.rowId);
        }
        CHECK(measureRows.size() == measuresOf1);
        CHECK(stateRows.size() == 2);

        // The same problems registered one by one through ProblemService give the same rows.
        TempRegister slow;
        OrganizationService org(*slow.db);
        REQUIRE(org.ensureUnit(s(e.unit)).ok());
        Inspection inspection;
        inspection.unitId = 1;
        inspection.feedbackDate = QDate(2021, 1, 15);
        REQUIRE(org.addInspection(inspection).ok());
        auto categories = db.exec(QStringLiteral("SELECT name FROM categories ORDER BY id"));
        while (categories && categories->next())
            REQUIRE(org.ensureCategory(categories->value(0).toString()).ok());
        ProblemService bulkProblems(db);
        ProblemService slowProblems(*slow.db);
        for (qint64 id = 1; id <= e.problems; ++id) {
            const auto p = bulkProblems.problem(id);
            REQUIRE(p.has_value());
            auto again = slowProblems.registerProblem(*p, bulkProblems.measures(id), p->feedbackDate);
            REQUIRE(again.ok());
            CHECK(*again == id);
        }
        for (const char *table : {"units", "inspections", "categories", "problems", "problem_states",
                                  "measures", "reviews", "problem_latest_state"}) {
            INFO(table);
            const QString name = QString::fromLatin1(table);
            const QString bulkRows = tableRows(db, name);
            CHECK_FALSE((bulkRows.isEmpty() && name != QLatin1String("reviews")));
            CHECK(bulkRows.toStdString() == tableRows(*slow.db, name).toStdString());
        }
    }
}
