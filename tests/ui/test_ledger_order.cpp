// The ledger models order their rows in the application (LedgerQuery::ids reads id and key
// without ORDER BY and sorts the pairs): on a synthetic register, after sorts and filters, the
// rows at the top, in the middle and at the end — and the whole order — are the rows a plain SQL
// ORDER BY gives.

#include <catch2/catch.hpp>

#include "testsupport.h"

#include "demo/syntheticregister.h"
#include "models/measureledgermodel.h"
#include "models/problemledgermodel.h"
#include "storage/ledgerquery.h"

#include <QCollator>
#include <QLocale>
#include <QSqlQuery>

using namespace rectrack;
using namespace rectrack::core;
using rectrack::ui::LedgerModel;
using rectrack::ui::MeasureLedgerModel;
using rectrack::ui::ProblemLedgerModel;

namespace {

const LedgerContext kContext{QDate(2019, 6, 30), WarningThresholds{}};

QList<qint64> sqlIds(Database &db, const QString &sql)
{
    QList<qint64> out;
    QSqlQuery q = db.query();
    REQUIRE(q.exec(sql));
    while (q.next())
        out << q.value(0).toLongLong();
    return out;
}

QList<qint64> modelIds(const LedgerModel &model)
{
    QList<qint64> out;
    for (int r = 0; r < model.rowCount(); ++r)
        out << model.idAt(r);
    return out;
}

/// The model's rows 0–4, the five around the middle and the last five (ids and displayed numbers)
/// are those of @p expected; then the whole order is.
void checkWindows(Database &db, const LedgerModel &model, const QList<qint64> &expected, const char *table,
                  const char *noColumn)
{
    REQUIRE(model.rowCount() == expected.size());
    REQUIRE(expected.size() >= 15);
    const int n = int(expected.size());
    for (int first : {0, n / 2 - 2, n - 5}) {
        for (int row = first; row < first + 5; ++row) {
            INFO("row " << row);
            CHECK(model.index(row, 0).data(LedgerModel::IdRole).toLongLong() == expected[row]);
            const QString no = db.scalar(QStringLiteral("SELECT p.registration_no FROM %1 WHERE %2 = ?")
                                             .arg(QLatin1String(table), QLatin1String(noColumn)),
                                         {expected[row]})
                                   .toString();
            CHECK(model.index(row, 0).data().toString() == no);
        }
    }
    CHECK(modelIds(model) == expected);
}

const char *const kProblems = "problems p";
const char *const kMeasures = "measures m JOIN problems p ON p.id = m.problem_id";

} // namespace

TEST_CASE("ledger rows after sorts and filters are those of a plain SQL ORDER BY", "[ui][models][scale]")
{
    test::TempRegister reg;
    REQUIRE(SyntheticRegister::generate(*reg.db, 400, 5).ok());
    Database &db = *reg.db;
    // Some problems and measures without a deadline (sorted last) and some problems deleted (not
    // on the ledgers).
    REQUIRE(db.exec(QStringLiteral("UPDATE problems SET deadline = NULL WHERE id % 7 = 0")).ok());
    REQUIRE(db.exec(QStringLiteral("UPDATE measures SET deadline = NULL WHERE id % 5 = 0")).ok());
    REQUIRE(
        db.exec(QStringLiteral("UPDATE problems SET deleted_at = '2021-01-01T00:00:00' WHERE id % 50 = 0"))
            .ok());

    ProblemLedgerModel problems;
    problems.setQuery(&db, {}, kContext);
    REQUIRE(problems.rowCount() == 392);
    const QString live = QStringLiteral(" FROM problems p WHERE p.deleted_at IS NULL");
    checkWindows(db, problems,
                 sqlIds(db, QStringLiteral("SELECT p.id") + live + QStringLiteral(" ORDER BY p.id")),
                 kProblems, "p.id");

    const QString state =
        QStringLiteral("(CASE p.state WHEN 'registered' THEN 0 WHEN 'in_progress' THEN 1 WHEN "
                       "'long_term' THEN 2 WHEN 'completed' THEN 3 ELSE 4 END)");
    const QString light = QStringLiteral(
        "(CASE WHEN p.state IN ('completed', 'closed_out', 'long_term') OR p.deadline IS NULL THEN 0 WHEN "
        "p.deadline < '2019-06-30' THEN 4 WHEN p.deadline <= '2019-07-10' THEN 3 WHEN p.deadline <= "
        "'2019-07-20' THEN 2 ELSE 1 END)");
    struct Case
    {
        int column;
        Qt::SortOrder order;
        QString orderBy;
    };
    const QList<Case> cases{
        {ProblemLedgerModel::Deadline, Qt::AscendingOrder,
         QStringLiteral("COALESCE(p.deadline, '9999'), p.id")},
        {ProblemLedgerModel::Deadline, Qt::DescendingOrder,
         QStringLiteral("COALESCE(p.deadline, '9999') DESC, p.id")},
        {ProblemLedgerModel::State, Qt::AscendingOrder, state + QStringLiteral(", p.id")},
        {ProblemLedgerModel::Light, Qt::DescendingOrder, light + QStringLiteral(" DESC, p.id")},
        {ProblemLedgerModel::FeedbackDate, Qt::AscendingOrder, QStringLiteral("p.feedback_date, p.id")},
        {ProblemLedgerModel::FeedbackDate, Qt::DescendingOrder, QStringLiteral("p.feedback_date DESC, p.id")},
        {ProblemLedgerModel::Measures, Qt::DescendingOrder,
         QStringLiteral("(SELECT count(*) FROM measures mc WHERE mc.problem_id = p.id) DESC, p.id")},
    };
    for (const Case &c : cases) {
        INFO("problem column " << c.column << " order " << int(c.order));
        problems.setFilter({});
        problems.sort(c.column, c.order);
        checkWindows(
            db, problems,
            sqlIds(db, QStringLiteral("SELECT p.id") + live + QStringLiteral(" ORDER BY ") + c.orderBy),
            kProblems, "p.id");
        // The same sort after a filter: in progress, deadline from 2018.
        LedgerFilter f;
        f.states = {ProblemState::InProgress, ProblemState::Registered};
        f.deadlineFrom = QDate(2018, 1, 1);
        problems.setFilter(f);
        checkWindows(
            db, problems,
            sqlIds(db, QStringLiteral("SELECT p.id") + live +
                           QStringLiteral(" AND p.state IN ('in_progress', 'registered') AND p.deadline >= "
                                          "'2018-01-01' ORDER BY ") +
                           c.orderBy),
            kProblems, "p.id");
    }

    // Pinyin order (unit names): non-decreasing by the collator, ties by id.
    problems.setFilter({});
    problems.sort(ProblemLedgerModel::Unit, Qt::DescendingOrder);
    QCollator collator(QLocale(QLocale::Chinese, QLocale::China));
    collator.setNumericMode(true);
    int descents = 0;
    for (int r = 1; r < problems.rowCount(); ++r) {
        const QString a = problems.index(r - 1, ProblemLedgerModel::Unit).data().toString();
        const QString b = problems.index(r, ProblemLedgerModel::Unit).data().toString();
        const int cmp = collator.compare(a, b);
        if (cmp < 0)
            ++descents;
        if (cmp == 0)
            CHECK(problems.idAt(r - 1) < problems.idAt(r));
    }
    CHECK(descents == 0);

    // The rectification ledger: 1,176 measures in problem and sequence order, by deadline, by state.
    MeasureLedgerModel measures;
    measures.setQuery(&db, {}, kContext);
    const QString liveMeasures =
        QStringLiteral(" FROM measures m JOIN problems p ON p.id = m.problem_id WHERE "
                       "p.deleted_at IS NULL");
    REQUIRE(measures.rowCount() == 1176);
    checkWindows(db, measures,
                 sqlIds(db, QStringLiteral("SELECT m.id") + liveMeasures +
                                QStringLiteral(" ORDER BY m.problem_id, m.seq")),
                 kMeasures, "m.id");
    const QList<Case> measureCases{
        {MeasureLedgerModel::Deadline, Qt::AscendingOrder,
         QStringLiteral("COALESCE(m.deadline, '9999'), m.id")},
        {MeasureLedgerModel::Deadline, Qt::DescendingOrder,
         QStringLiteral("COALESCE(m.deadline, '9999') DESC, m.id")},
        {MeasureLedgerModel::State, Qt::DescendingOrder,
         QStringLiteral(
             "(CASE m.state WHEN 'pending' THEN 0 WHEN 'in_progress' THEN 1 WHEN 'long_term' THEN 2 "
             "ELSE 3 END) DESC, m.id")},
    };
    for (const Case &c : measureCases) {
        INFO("measure column " << c.column << " order " << int(c.order));
        measures.setFilter({});
        measures.sort(c.column, c.order);
        checkWindows(db, measures,
                     sqlIds(db, QStringLiteral("SELECT m.id") + liveMeasures + QStringLiteral(" ORDER BY ") +
                                    c.orderBy),
                     kMeasures, "m.id");
        LedgerFilter f;
        f.states = {ProblemState::Completed};
        measures.setFilter(f);
        checkWindows(db, measures,
                     sqlIds(db, QStringLiteral("SELECT m.id") + liveMeasures +
                                    QStringLiteral(" AND p.state = 'completed' ORDER BY ") + c.orderBy),
                     kMeasures, "m.id");
    }
}
