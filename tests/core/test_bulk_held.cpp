// BulkInserter's batches (issue #22 item 6): on a server the rows and their audit entries are held
// back and sent many to a statement; these tests pin what must not change with that, on both
// backends: a read in the same transaction sees the rows, row-by-row audit entries between bulk
// ones keep one chain in id order, an error anywhere leaves nothing, a rolled-back savepoint drops
// only its own rows, ids follow each other without gaps, and any text arrives as it was.
#include <catch2/catch.hpp>

#include "testsupport.h"

#include "storage/auditlog.h"
#include "storage/bulkinserter.h"

using namespace rectrack::core;
using namespace rectrack::test;

namespace {

QString s(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

qint64 count(Database &db, const QString &table)
{
    return db.scalar(QStringLiteral("SELECT count(*) FROM %1").arg(table)).toLongLong();
}

/// The audit log as "entity/entity_id" in id order, and whether every entry's prev_hash is the hash
/// of the entry before it (the chain follows the ids).
QStringList auditOrder(Database &db, bool &chained)
{
    QStringList out;
    QString prev = AuditLog::kGenesisHash;
    chained = true;
    const Status s =
        db.forEachRow(QStringLiteral("SELECT entity, entity_id, prev_hash, hash FROM audit_log ORDER BY id"),
                      {}, [&](const SqlRow &r) {
                          out << r.text(0) + u'/' + r.text(1);
                          chained = chained && r.text(2) == prev;
                          prev = r.text(3);
                      });
    REQUIRE(s.ok());
    return out;
}

void requireVerified(Database &db)
{
    const VerifyReport report = Verifier::verify(db);
    INFO(report.faults.join(u'\n').toStdString());
    REQUIRE(report.ok());
}

} // namespace

TEST_CASE("bulk rows are there for a read in the same transaction, and one chain with row-by-row entries",
          "[bulk][audit]")
{
    TempRegister reg;
    Database &db = *reg.db;
    {
        Transaction tx(db);
        REQUIRE(tx.active());
        BulkInserter units(db, QStringLiteral("units"), {QStringLiteral("name"), QStringLiteral("category")});
        units.expect(2); // exactly: the row-by-row insert below then takes the next id, as in a file
        const auto a = units.insert({s("甲单位"), QStringLiteral("bureau")});
        const auto b = units.insert({s("乙单位"), QVariant()});
        REQUIRE(a);
        REQUIRE(b);
        CHECK(*b == *a + 1);
        // A read sees both rows (on a server they were held back until this statement).
        CHECK(db.scalar(QStringLiteral("SELECT count(*) FROM units WHERE name IN (?, ?)"),
                        {s("甲单位"), s("乙单位")})
                  .toInt() == 2);
        // A row-by-row entry between bulk ones: after them in the chain and in id order.
        const auto c = AuditLog::insert(db, QStringLiteral("units"), {{QStringLiteral("name"), s("丙单位")}});
        REQUIRE(c);
        const auto d = units.insert({s("丁单位"), QStringLiteral("district")});
        REQUIRE(d);
        REQUIRE(tx.commit().ok());
    }
    bool chained = false;
    const QStringList order = auditOrder(db, chained);
    CHECK(chained);
    REQUIRE(order.size() == 4);
    CHECK(order.mid(0, 2) == QStringList{QStringLiteral("units/1"), QStringLiteral("units/2")});
    CHECK(order[2] == QStringLiteral("units/3"));
    CHECK(order[3] == QStringLiteral("units/4"));
    CHECK(db.scalar(QStringLiteral("SELECT name FROM units WHERE id = 4")).toString() == s("丁单位"));
    CHECK(db.scalar(QStringLiteral("SELECT category FROM units WHERE id = 2")).isNull());
    requireVerified(db);
}

TEST_CASE("a bulk insert that fails leaves nothing of its transaction", "[bulk][audit]")
{
    TempRegister reg;
    Database &db = *reg.db;
    {
        Transaction tx(db);
        REQUIRE(tx.active());
        BulkInserter units(db, QStringLiteral("units"), {QStringLiteral("name")});
        REQUIRE(units.insert({s("甲单位")}));
        REQUIRE(tx.commit().ok());
    }
    const qint64 unitsBefore = count(db, QStringLiteral("units"));
    const qint64 auditBefore = count(db, QStringLiteral("audit_log"));
    {
        Transaction tx(db);
        REQUIRE(tx.active());
        BulkInserter units(db, QStringLiteral("units"), {QStringLiteral("name")});
        BulkInserter states(
            db, QStringLiteral("problem_states"),
            {QStringLiteral("problem_id"), QStringLiteral("changed_on"), QStringLiteral("state")});
        REQUIRE(units.insert({s("乙单位")}));
        // A file refuses the duplicate name at once; a server when the held rows are sent (at the
        // latest at COMMIT). Either way the transaction fails as a whole.
        Status failed = okStatus();
        const auto duplicate = units.insert({s("甲单位")});
        if (!duplicate) {
            failed = duplicate.error();
        } else {
            const auto orphan =
                states.insert({qint64(999999), QStringLiteral("2021-01-10"), QStringLiteral("registered")});
            failed = orphan ? tx.commit() : Status(orphan.error());
        }
        CHECK(!failed.ok());
    }
    CHECK(count(db, QStringLiteral("units")) == unitsBefore);
    CHECK(count(db, QStringLiteral("audit_log")) == auditBefore);
    CHECK(count(db, QStringLiteral("problem_states")) == 0);
    requireVerified(db);
    // The register takes bulk rows again afterwards, continuing the chain.
    {
        Transaction tx(db);
        REQUIRE(tx.active());
        BulkInserter units(db, QStringLiteral("units"), {QStringLiteral("name")});
        REQUIRE(units.insert({s("丙单位")}));
        REQUIRE(tx.commit().ok());
    }
    CHECK(count(db, QStringLiteral("audit_log")) == auditBefore + 1);
    requireVerified(db);
}

TEST_CASE("a rolled-back savepoint drops only the bulk rows written inside it", "[bulk][audit]")
{
    TempRegister reg;
    Database &db = *reg.db;
    {
        Transaction tx(db);
        REQUIRE(tx.active());
        BulkInserter units(db, QStringLiteral("units"), {QStringLiteral("name")});
        REQUIRE(units.insert({s("外层一")}));
        {
            Transaction inner(db);
            REQUIRE(inner.active());
            REQUIRE(units.insert({s("内层")}));
            inner.rollback();
        }
        REQUIRE(units.insert({s("外层二")}));
        REQUIRE(tx.commit().ok());
    }
    QStringList names;
    REQUIRE(db.forEachRow(QStringLiteral("SELECT name FROM units ORDER BY id"), {}, [&](const SqlRow &r) {
                  names << r.text(0);
              }).ok());
    CHECK(names == QStringList{s("外层一"), s("外层二")});
    CHECK(count(db, QStringLiteral("audit_log")) == 2);
    requireVerified(db);
}

TEST_CASE("bulk ids follow each other and any text arrives as written", "[bulk][audit]")
{
    TempRegister reg;
    Database &db = *reg.db;
    // Quotes, backslashes, a dollar-quote tag, control characters, JSON escapes, emoji, Chinese.
    const QStringList texts{s("it's \"quoted\""),
                            QStringLiteral("back\\slash \\' \\\\"),
                            QStringLiteral("$rt$ and $rt0$ and $$"),
                            QStringLiteral("tab\there\nnew line\r\u0001"),
                            s("整改😀措施 ‘中文’"),
                            QStringLiteral("E'\\x41' /* -- */ ; DROP TABLE units;"),
                            QString()};
    QList<qint64> ids;
    {
        Transaction tx(db);
        REQUIRE(tx.active());
        BulkInserter units(db, QStringLiteral("units"), {QStringLiteral("name"), QStringLiteral("district")});
        units.expect(texts.size());
        for (int i = 0; i < texts.size(); ++i) {
            const auto id =
                units.insert({QStringLiteral("unit %1").arg(i), texts[i].isNull() ? QVariant() : texts[i]});
            REQUIRE(id);
            ids << *id;
        }
        REQUIRE(tx.commit().ok());
    }
    for (int i = 1; i < ids.size(); ++i)
        CHECK(ids[i] == ids[i - 1] + 1);
    for (int i = 0; i < texts.size(); ++i) {
        const QVariant stored =
            db.scalar(QStringLiteral("SELECT district FROM units WHERE id = ?"), {ids[i]});
        INFO(i);
        CHECK(stored.isNull() == texts[i].isNull());
        CHECK(stored.toString() == texts[i]);
    }
    // A row-by-row insert afterwards takes the next id: none was drawn and left unused.
    const auto next = AuditLog::insert(db, QStringLiteral("units"), {{QStringLiteral("name"), s("后来")}});
    REQUIRE(next);
    CHECK(*next == ids.last() + 1);
    requireVerified(db);
}

TEST_CASE("a batch refused while it was sent in the background fails its transaction with its own error",
          "[bulk][audit]")
{
    TempRegister reg;
    Database &db = *reg.db;
    const qint64 auditBefore = count(db, QStringLiteral("audit_log"));
    Status failed = okStatus();
    {
        Transaction tx(db);
        REQUIRE(tx.active());
        BulkInserter units(db, QStringLiteral("units"), {QStringLiteral("name")});
        BulkInserter states(
            db, QStringLiteral("problem_states"),
            {QStringLiteral("problem_id"), QStringLiteral("changed_on"), QStringLiteral("state")});
        units.expect(9000);
        // A state of a problem that does not exist among the first 4,000 entries: a file refuses it
        // at once; a server when that batch, sent in the background (BulkInserter), reaches it, and
        // says so at the next flush: at the latest the one of the 8,000th entry or the COMMIT.
        for (int i = 0; i < 9000 && failed.ok(); ++i) {
            const auto id = i == 10 ? states.insert({qint64(999999), QStringLiteral("2021-01-10"),
                                                     QStringLiteral("registered")})
                                    : units.insert({QStringLiteral("单位%1").arg(i)});
            if (!id)
                failed = id.error();
        }
        if (failed.ok())
            failed = tx.commit();
    }
    REQUIRE(!failed.ok());
    // The refusal itself, not a later statement's "current transaction is aborted".
    INFO(failed.error().message.toStdString());
    CHECK(failed.error().message.contains(QStringLiteral("problem_states")));
    CHECK(!failed.error().message.contains(QStringLiteral("aborted")));
    CHECK(count(db, QStringLiteral("units")) == 0);
    CHECK(count(db, QStringLiteral("problem_states")) == 0);
    CHECK(count(db, QStringLiteral("audit_log")) == auditBefore);
    requireVerified(db);
}

TEST_CASE("rows sent in the background are there for the next read, and the chain stays one", "[bulk][audit]")
{
    TempRegister reg;
    Database &db = *reg.db;
    {
        Transaction tx(db);
        REQUIRE(tx.active());
        BulkInserter units(db, QStringLiteral("units"), {QStringLiteral("name")});
        units.expect(4500); // exactly: the row-by-row entry below takes the next id, as in a file
        for (int i = 0; i < 4500; ++i)
            REQUIRE(units.insert({QStringLiteral("单位%1").arg(i)}));
        // 4,000 were sent in the background, 500 are held: a read sees all of them.
        CHECK(db.scalar(QStringLiteral("SELECT count(*) FROM units")).toLongLong() == 4500);
        // A row-by-row entry between them, then more bulk rows (sent in the background again).
        REQUIRE(AuditLog::insert(db, QStringLiteral("units"), {{QStringLiteral("name"), s("逐行单位")}}));
        units.expect(4500);
        for (int i = 4500; i < 9000; ++i)
            REQUIRE(units.insert({QStringLiteral("单位%1").arg(i)}));
        REQUIRE(tx.commit().ok());
    }
    CHECK(count(db, QStringLiteral("units")) == 9001);
    CHECK(count(db, QStringLiteral("audit_log")) == 9001);
    bool chained = false;
    const QStringList order = auditOrder(db, chained);
    CHECK(chained);
    REQUIRE(order.size() == 9001);
    for (int i = 0; i < order.size(); ++i) {
        INFO(i);
        REQUIRE(order[i] == QStringLiteral("units/%1").arg(i + 1));
    }
    CHECK(db.scalar(QStringLiteral("SELECT name FROM units WHERE id = 4501")).toString() == s("逐行单位"));
    CHECK(db.scalar(QStringLiteral("SELECT name FROM units WHERE id = 9001")).toString() ==
          QStringLiteral("单位8999"));
    requireVerified(db);
}
