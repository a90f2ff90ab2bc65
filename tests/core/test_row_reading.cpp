// Reading rows never turns an error into a shorter answer (issue #19, docs/reliability.md): the one
// runner (Database::eachRow/forEachRow/value, RowReader::forEach) reports a damaged page as
// CannotOpen, and no other loop over QSqlQuery::next() remains in core, app or ui. The write-ahead
// log is trusted only when whole.
#include <catch2/catch.hpp>

#include "storage/auditlog.h"
#include "storage/rowreader.h"
#include "testsupport.h"
#include "workflow/organizationservice.h"
#include "workflow/problemservice.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QtEndian>

using namespace rectrack::core;
using rectrack::test::copyRegister;
using rectrack::test::copyWithWal;
using rectrack::test::overwrite;
using rectrack::test::TempRegister;

namespace {

constexpr int kPageSize = 4096;
constexpr int kWalFrame = kPageSize + 24;

void fill(TempRegister &reg, int problems)
{
    OrganizationService org(*reg.db);
    ProblemService service(*reg.db);
    const qint64 unit = *org.ensureUnit(QStringLiteral("市某局党组"));
    Transaction tx(*reg.db);
    for (int i = 0; i < problems; ++i) {
        Problem p;
        p.unitId = unit;
        p.registrationNo = QStringLiteral("R-%1").arg(i);
        p.description = QStringLiteral("问题 %1：公务用车管理不规范，存在未按规定登记使用车辆的情况").arg(i);
        p.feedbackDate = QDate(2020, 4, 10);
        REQUIRE(service.registerProblem(p, {}).ok());
    }
    REQUIRE(tx.commit().ok());
}

QByteArray hashOf(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

} // namespace

TEST_CASE("no loop over QSqlQuery::next() outside the row runner", "[storage][rows]")
{
    // The runner's own loops (database.h, rowreader.h/.cpp) are the only ones allowed; a
    // QRegularExpressionMatchIterator named `it` (it.next()) is not a query.
    const QRegularExpression call(QStringLiteral(R"(\b(\w+)\s*(\.|->)\s*next\s*\(\s*\))"));
    const QStringList runner{QStringLiteral("core/storage/database.h"),
                             QStringLiteral("core/storage/rowreader.h"),
                             QStringLiteral("core/storage/rowreader.cpp")};
    QStringList offenders;
    int scanned = 0;
    for (const char *folder : {"core", "app", "ui"}) {
        QDirIterator files(QStringLiteral(RECTRACK_SOURCE_DIR "/") + QLatin1String(folder),
                           {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                           QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QString path = files.next();
            const QString relative = path.mid(QStringLiteral(RECTRACK_SOURCE_DIR "/").size());
            if (runner.contains(relative))
                continue;
            QFile f(path);
            REQUIRE(f.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(f.readAll());
            ++scanned;
            int line = 1;
            qsizetype from = 0;
            for (auto m = call.globalMatch(text); m.hasNext();) {
                const auto match = m.next();
                if (match.captured(1) == QLatin1String("it") && text.contains(QLatin1String("globalMatch")))
                    continue;
                line += int(text.mid(from, match.capturedStart() - from).count(u'\n'));
                from = match.capturedStart();
                offenders << QStringLiteral("%1:%2: %3").arg(relative).arg(line).arg(match.captured(0));
            }
        }
    }
    INFO(offenders.join(u'\n').toStdString());
    CHECK(scanned > 100);
    CHECK(offenders.isEmpty());
}

TEST_CASE("the row runner reports a damaged page instead of ending the rows", "[file][storage][rows][damage]")
{
    TempRegister reg;
    fill(reg, 400);
    // Count, and find a leaf page of the problems table that is not its root.
    auto count = reg.db->value(QStringLiteral("SELECT count(*) FROM problems"));
    REQUIRE(count.ok());
    CHECK(count->toInt() == 400);
    auto leaf = reg.db->value(QStringLiteral(
        "SELECT pageno FROM dbstat WHERE name = 'problems' AND pagetype = 'leaf' AND pageno <> (SELECT "
        "rootpage FROM sqlite_master WHERE name = 'problems') ORDER BY pageno LIMIT 1 OFFSET 3"));
    REQUIRE(leaf.ok());
    REQUIRE(leaf->toInt() > 1);
    reg.db.reset();
    overwrite(reg.path, qint64(leaf->toInt() - 1) * kPageSize, QByteArray(8, '\xff'));
    auto db = Database::open(reg.path); // the cheap check reads roots only: it opens
    REQUIRE(db.ok());

    int rows = 0;
    const Status scan = (*db)->forEachRow(QStringLiteral("SELECT id, description FROM problems NOT INDEXED"),
                                          {}, [&](const SqlRow &) { ++rows; });
    REQUIRE_FALSE(scan.ok());
    CHECK(scan.error().code == ErrorCode::CannotOpen);
    CHECK(scan.error().message.contains(reg.path));
    CHECK(scan.error().message.contains(QStringLiteral("damaged")));
    CHECK(rows < 400); // it stopped at the page, and said so

    // A bool callback that stops early never reaches the page: no error.
    CHECK((*db)
              ->forEachRow(QStringLiteral("SELECT id FROM problems NOT INDEXED"), {},
                           [](const SqlRow &) { return false; })
              .ok());
    // value() over the damage reports it; a Status callback's own error is passed through.
    auto total = (*db)->value(QStringLiteral("SELECT sum(length(description)) FROM problems NOT INDEXED"));
    REQUIRE_FALSE(total.ok());
    CHECK(total.error().code == ErrorCode::CannotOpen);
    const Status own =
        (*db)->forEachRow(QStringLiteral("SELECT id FROM problems"), {}, [](const SqlRow &) -> Status {
            return Error{ErrorCode::InputRefused, QStringLiteral("stop here")};
        });
    REQUIRE_FALSE(own.ok());
    CHECK(own.error().message == QStringLiteral("stop here"));
    // RowReader (the raw sqlite3 path) maps it the same way.
    RowReader raw(**db, QStringLiteral("SELECT id, description FROM problems NOT INDEXED"));
    const Status rawScan = raw.forEach([](const RowReader &) {});
    REQUIRE_FALSE(rawScan.ok());
    CHECK(rawScan.error().code == ErrorCode::CannotOpen);
    // scalar() cannot return the error: it records it for rectrack-cli.
    CHECK_FALSE(
        (*db)->scalar(QStringLiteral("SELECT count(description) FROM problems NOT INDEXED")).isValid());
    CHECK(Database::damageSeen());
    CHECK(Database::damageMessage().contains(QStringLiteral("damaged")));
}

TEST_CASE("a flipped bit in a WAL frame's salt is damage, not the end of the log",
          "[file][storage][damage][wal]")
{
    // Issue #19: SQLite took the frame for one of an older generation and dropped every later
    // transaction; the close then checkpointed and deleted the log.
    TempRegister reg;
    reg.db.reset();
    const QString copy = reg.dir.filePath(QStringLiteral("salt.rtreg"));
    copyWithWal(reg.path, copy, 12);
    const QString wal = copy + QStringLiteral("-wal");
    REQUIRE(QFile(wal).size() > 32 + 12 * kWalFrame);
    QFile f(wal);
    REQUIRE(f.open(QIODevice::ReadWrite));
    REQUIRE(f.seek(32 + 5 * kWalFrame + 8)); // frame 6's first salt
    char byte = 0;
    REQUIRE(f.getChar(&byte));
    REQUIRE(f.seek(32 + 5 * kWalFrame + 8));
    REQUIRE(f.putChar(char(byte ^ 0x04)));
    f.close();
    const QByteArray walBefore = hashOf(wal);
    const QByteArray dbBefore = hashOf(copy);

    auto db = Database::open(copy);
    REQUIRE_FALSE(db.ok());
    CHECK(db.error().code == ErrorCode::CannotOpen);
    CHECK(db.error().message.contains(QStringLiteral("frame 6")));
    CHECK(hashOf(wal) == walBefore);
    CHECK(hashOf(copy) == dbBefore);
}

TEST_CASE("an invalid frame the WAL index counts as committed is damage, past it a torn write",
          "[file][storage][damage][wal]")
{
    // The rule for a full-length last frame with a bad checksum (docs/reliability.md): the WAL
    // index (-shm) records how far the log was committed. Within that mark it is damage and
    // refused; without an index that vouches for it, it is a write torn by a crash before its
    // commit returned, and left out as SQLite does.
    TempRegister reg;
    OrganizationService org(*reg.db);
    REQUIRE(reg.db->exec(QStringLiteral("PRAGMA wal_autocheckpoint=0")).ok());
    for (int i = 0; i < 6; ++i)
        REQUIRE(org.ensureUnit(QStringLiteral("单位 %1").arg(i)).ok());
    // Taken while the writer still holds the register open: the -shm is current.
    const QString copy = reg.dir.filePath(QStringLiteral("index.rtreg"));
    copyRegister(reg.path, copy);
    REQUIRE(QFile::copy(reg.path + QStringLiteral("-shm"), copy + QStringLiteral("-shm")));
    const QString wal = copy + QStringLiteral("-wal");
    const qint64 frames = (QFile(wal).size() - 32) / kWalFrame;
    REQUIRE(frames >= 6);
    // Damage the page of the last frame (its commit frame): full length, bad checksum.
    overwrite(wal, 32 + (frames - 1) * kWalFrame + 24 + 100, QByteArray(8, '\x5a'));

    SECTION("with the index that counted it committed: refused, both files untouched")
    {
        const QByteArray walBefore = hashOf(wal);
        auto db = Database::open(copy);
        REQUIRE_FALSE(db.ok());
        CHECK(db.error().code == ErrorCode::CannotOpen);
        CHECK(db.error().message.contains(QStringLiteral("frame %1").arg(frames)));
        CHECK(hashOf(wal) == walBefore);
    }
    SECTION("without an index: a torn last write, the transactions before it kept")
    {
        QFile::remove(copy + QStringLiteral("-shm"));
        auto db = Database::open(copy);
        REQUIRE(db.ok());
        CHECK((*db)->scalar(QStringLiteral("SELECT count(*) FROM units")).toInt() == 5);
        CHECK(Verifier::verify(**db).ok());
    }
}
