#include <catch2/catch.hpp>

#include "demo/syntheticregister.h"
#include "storage/audithistory.h"
#include "testsupport.h"

#include <QSqlQuery>

using namespace rectrack::core;
using rectrack::test::TempRegister;

namespace {

QStringList plan(Database &db, qint64 problemId)
{
    QStringList out;
    QSqlQuery q = db.query();
    REQUIRE(q.prepare(QStringLiteral("EXPLAIN QUERY PLAN ") + AuditHistory::problemEntriesSql(db.dialect())));
    q.addBindValue(problemId);
    q.addBindValue(problemId);
    REQUIRE(q.exec());
    while (q.next())
        out << q.value(3).toString();
    return out;
}

QStringList lines(Database &db, qint64 problemId)
{
    QStringList out;
    for (const HistoryLine &l : AuditHistory::forProblem(db, problemId))
        out << QStringLiteral("%1|%2|%3|%4|%5|%6")
                   .arg(l.entryId)
                   .arg(l.record, l.field, l.oldValue, l.newValue, l.actor);
    return out;
}

} // namespace

TEST_CASE("a problem's history reads the audit log through its indexes, with the same lines as a scan",
          "[file][safety][history][scale]")
{
    TempRegister reg;
    REQUIRE(SyntheticRegister::generate(*reg.db, 120, 3).ok());
    Database &db = *reg.db;
    const qint64 id =
        db.scalar(QStringLiteral("SELECT min(id) FROM problems WHERE state = 'completed'")).toLongLong();
    REQUIRE(id > 0);
    const QStringList p = plan(db, id);
    INFO(p.join(u'\n').toStdString());
    CHECK(p.join(u'\n').contains(QStringLiteral("USING INDEX audit_problem")));
    CHECK(p.join(u'\n').contains(QStringLiteral("USING INDEX audit_entity")));
    const QStringList indexed = lines(db, id);
    // The problem, its 3 measures, state history and progress entries: dozens of lines.
    CHECK(indexed.size() > 20);

    // The same lines when the index is gone (a full scan), for this and two other problems.
    const qint64 other = id + 1;
    const QStringList indexedOther = lines(db, other);
    {
        Transaction tx(db);
        REQUIRE(db.exec(QStringLiteral("DROP INDEX audit_problem")).ok());
        CHECK_FALSE(plan(db, id).join(u'\n').contains(QStringLiteral("audit_problem")));
        CHECK(lines(db, id) == indexed);
        CHECK(lines(db, other) == indexedOther);
        // tx is not committed: the index stays.
    }
    CHECK(plan(db, id).join(u'\n').contains(QStringLiteral("USING INDEX audit_problem")));
}
