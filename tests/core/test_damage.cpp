// Damaged files (issue 12, docs/reliability.md): what open refuses cheaply, what verify finds.
// Refusals of files that are not registers at all are in test_storage.cpp.
#include <catch2/catch.hpp>

#include "storage/auditlog.h"
#include "testsupport.h"
#include "workflow/organizationservice.h"
#include "workflow/problemservice.h"

#include <QFile>
#include <QtEndian>

using namespace rectrack::core;
using rectrack::test::copyRegister;
using rectrack::test::copyWithWal;
using rectrack::test::overwrite;
using rectrack::test::TempRegister;

namespace {

constexpr int kPageSize = 4096;
constexpr int kWalFrame = kPageSize + 24;

/// A register with enough problems that the problems table has leaf pages below its root.
void fill(TempRegister &reg, int problems)
{
    OrganizationService org(*reg.db);
    ProblemService service(*reg.db);
    const qint64 unit = *org.ensureUnit(QStringLiteral("市某局党组"));
    Transaction tx(*reg.db);
    for (int i = 0; i < problems; ++i) {
        Problem p;
        p.unitId = unit;
        p.registrationNo = QStringLiteral("D-%1").arg(i);
        p.description =
            QStringLiteral("问题 %1：财务管理制度执行不严，报销审核把关不严，台账记录不全").arg(i);
        p.feedbackDate = QDate(2020, 4, 10);
        Measure m;
        m.content = QStringLiteral("修订财务报销审核制度");
        REQUIRE(service.registerProblem(p, {m}).ok());
    }
    REQUIRE(tx.commit().ok());
}

Error openError(const QString &path)
{
    auto r = Database::open(path);
    if (r.ok())
        return Error{ErrorCode::Internal, QStringLiteral("opened")};
    return r.error();
}

} // namespace

TEST_CASE("damage to the root page of any table or index is refused on open", "[file][storage][damage]")
{
    TempRegister reg;
    fill(reg, 50);
    QList<std::pair<QString, int>> trees;
    {
        auto r = reg.db->exec(QStringLiteral("SELECT name, rootpage FROM sqlite_master WHERE rootpage > 0"));
        REQUIRE(r.ok());
        while (r->next())
            trees.append({r->value(0).toString(), r->value(1).toInt()});
    }
    reg.db.reset();
    REQUIRE(trees.size() > 50); // every table, index and FTS shadow table
    const QString copy = reg.dir.filePath(QStringLiteral("damaged.rtreg"));
    for (const auto &[name, root] : trees) {
        for (const QByteArray &bytes : {QByteArray(1, '\x01'), QByteArray(8, '\xff')}) {
            INFO(name.toStdString() << " root page " << root);
            copyRegister(reg.path, copy);
            overwrite(copy, qint64(root - 1) * kPageSize, bytes); // the b-tree page header
            const Error e = openError(copy);
            CHECK(e.code == ErrorCode::CannotOpen);
            CHECK(e.message.contains(copy));
            CHECK(e.message.contains(name));
        }
    }
    // The untouched register still opens: the check itself does not refuse good files.
    CHECK(Database::open(reg.path).ok());
}

TEST_CASE("damage inside a table is found by verify and refused where it is read", "[file][storage][damage]")
{
    TempRegister reg;
    fill(reg, 200);
    const int leaf = reg.db
                         ->scalar(QStringLiteral("SELECT max(pageno) FROM dbstat WHERE name = 'problems' "
                                                 "AND pagetype = 'leaf'"))
                         .toInt();
    REQUIRE(leaf > 0);
    reg.db.reset();
    overwrite(reg.path, qint64(leaf - 1) * kPageSize, QByteArray(8, '\xff'));

    // The cheap check reads root pages only: the file opens.
    reg.reopen();
    const VerifyReport report = Verifier::verify(*reg.db);
    REQUIRE_FALSE(report.ok());
    CHECK(report.faults.first().contains(QStringLiteral("integrity check")));
    // A statement that meets the damaged page reports the file as damaged (exit 4), not as an
    // internal error.
    auto scan = reg.db->exec(QStringLiteral("SELECT count(*), sum(length(description)) FROM problems"));
    REQUIRE_FALSE(scan.ok());
    CHECK(scan.error().code == ErrorCode::CannotOpen);
    CHECK(scan.error().message.contains(reg.path));
}

TEST_CASE("a WAL holding committed transactions is replayed after a crash", "[file][storage][damage][wal]")
{
    TempRegister reg;
    reg.db.reset();
    const QString copy = copyWithWal(reg.path, reg.dir.filePath(QStringLiteral("crash.rtreg")), 30);
    REQUIRE(QFile(copy + QStringLiteral("-wal")).size() > 30 * kWalFrame);
    auto db = Database::open(copy);
    REQUIRE(db.ok());
    CHECK((*db)->scalar(QStringLiteral("SELECT count(*) FROM units")).toInt() == 30);
    CHECK(Verifier::verify(**db).ok());
}

TEST_CASE("a damaged WAL is refused instead of silently dropping committed transactions",
          "[file][storage][damage][wal]")
{
    TempRegister reg;
    reg.db.reset();
    const QString copy = reg.dir.filePath(QStringLiteral("crash.rtreg"));
    copyWithWal(reg.path, copy, 30);
    const QString wal = copy + QStringLiteral("-wal");
    const qint64 frames = (QFile(wal).size() - 32) / kWalFrame;
    REQUIRE(frames > 30);

    SECTION("a page in the middle of the log")
    {
        overwrite(wal, 32 + (frames / 2) * kWalFrame + 24 + 200, QByteArray(16, '\x5a'));
        const Error e = openError(copy);
        CHECK(e.code == ErrorCode::CannotOpen);
        CHECK(e.message.contains(wal));
        CHECK(e.message.contains(QStringLiteral("frame %1").arg(frames / 2 + 1)));
        // Refused before SQLite saw the log: the log is still there, untouched, to be rescued.
        CHECK(QFile(wal).size() == 32 + frames * kWalFrame);
    }
    SECTION("a frame header")
    {
        overwrite(wal, 32 + 3 * kWalFrame, QByteArray(4, '\0')); // page number 0
        CHECK(openError(copy).code == ErrorCode::CannotOpen);
    }
    SECTION("the log header")
    {
        overwrite(wal, 12, QByteArray(4, '\x7f')); // the checkpoint sequence, under the checksum
        const Error e = openError(copy);
        CHECK(e.code == ErrorCode::CannotOpen);
        CHECK(e.message.contains(wal));
    }
    SECTION("a torn last frame (a crash mid-write) is normal and opens")
    {
        QFile f(wal);
        REQUIRE(f.resize(f.size() - 1000));
        auto db = Database::open(copy);
        REQUIRE(db.ok());
        CHECK((*db)->scalar(QStringLiteral("SELECT count(*) FROM units")).toInt() == 29);
        CHECK(Verifier::verify(**db).ok());
    }
}

TEST_CASE("a checkpoint killed half-way (header ahead of the file) opens from its WAL",
          "[file][storage][damage][wal]")
{
    TempRegister reg;
    reg.db.reset();
    const QString copy = copyWithWal(reg.path, reg.dir.filePath(QStringLiteral("checkpoint.rtreg")), 30);
    // A checkpoint writes page 1 first: its page count runs ahead of the file until the other
    // pages follow. Found by the kill harness (seed 54263, kill 64), refused as truncated before.
    QFile f(copy);
    const quint32 pages = quint32(f.size() / kPageSize) + 7;
    QByteArray count(4, '\0');
    qToBigEndian(pages, count.data());
    overwrite(copy, 28, count);
    {
        auto db = Database::open(copy);
        REQUIRE(db.ok());
        CHECK((*db)->scalar(QStringLiteral("SELECT count(*) FROM units")).toInt() == 30);
        CHECK(Verifier::verify(**db).ok());
    } // closed: checkpointed, the WAL removed
    // Without its WAL the same header is a truncated file.
    QFile::remove(copy + QStringLiteral("-wal"));
    overwrite(copy, 28, count);
    CHECK(openError(copy).message.contains(QStringLiteral("shorter than its header says")));
}
