// Operating safely day to day (issue #13): rotating backups and restore, stale edits, the history
// of a problem, clocks behind the log, and where the file lives (share, read-only, full disk, FAT32).
#include <catch2/catch.hpp>

#include "storage/audithistory.h"
#include "storage/auditlog.h"
#include "storage/backupset.h"
#include "storage/clockcheck.h"
#include "storage/filelocation.h"
#include "testsupport.h"
#include "workflow/organizationservice.h"
#include "workflow/problemservice.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlRecord>

using namespace rectrack::core;
using rectrack::test::TempRegister;

namespace {

qint64 seedProblem(Database &db, const QString &description = QStringLiteral("财务管理制度执行不严"))
{
    OrganizationService org(db);
    ProblemService problems(db);
    Problem p;
    p.unitId = *org.ensureUnit(QStringLiteral("市某局党组"));
    p.description = description;
    p.feedbackDate = QDate(2020, 4, 10);
    p.deadline = QDate(2020, 7, 10);
    Measure m;
    m.content = QStringLiteral("修订财务报销审核制度");
    auto id = problems.registerProblem(p, {m});
    REQUIRE(id.ok());
    return *id;
}

/// Every row of every table (audit log included), as text: two registers with the same dump have
/// the same content.
QStringList dump(Database &db)
{
    QStringList out;
    auto tables = db.exec(QStringLiteral(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' ORDER BY name"));
    REQUIRE(tables.ok());
    QStringList names;
    while (tables->next())
        names << tables->value(0).toString();
    for (const QString &t : std::as_const(names)) {
        auto r = db.exec(QStringLiteral("SELECT * FROM %1 ORDER BY rowid").arg(t));
        REQUIRE(r.ok());
        while (r->next()) {
            QStringList cells;
            for (int i = 0; i < r->record().count(); ++i)
                cells << r->value(i).toString();
            out << t + u':' + cells.join(u'|');
        }
    }
    return out;
}

/// A file-location probe that answers what the test says.
class FakeProbe : public FileLocationProbe
{
public:
    explicit FakeProbe(FileLocation l) : m_location(std::move(l)) {}
    FileLocation probe(const QString &path) const override
    {
        FileLocation l = m_location;
        if (l.fileSize == 0)
            l.fileSize = QFileInfo(path).size();
        return l;
    }

private:
    FileLocation m_location;
};

struct ProbeOverride
{
    explicit ProbeOverride(const FileLocationProbe &p) { FileLocationProbe::setOverride(&p); }
    ~ProbeOverride() { FileLocationProbe::setOverride(nullptr); }
};

/// A small tmpfs mounted for one test (needs root and a kernel that lets us mount).
struct TmpfsMount
{
    QTemporaryDir dir;
    bool mounted = false;
    explicit TmpfsMount(const QString &size)
    {
        mounted =
            QProcess::execute(QStringLiteral("mount"),
                              {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                               QStringLiteral("size=") + size, QStringLiteral("tmpfs"), dir.path()}) == 0;
    }
    bool remount(const QString &options)
    {
        return QProcess::execute(QStringLiteral("mount"),
                                 {QStringLiteral("-o"), QStringLiteral("remount,") + options, dir.path()}) ==
               0;
    }
    ~TmpfsMount()
    {
        if (mounted)
            QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), dir.path()});
    }
    QString path(const QString &name) const { return dir.filePath(name); }
};

} // namespace

// ---- 1. Backups -----------------------------------------------------------------------------

TEST_CASE("a backup restores the register to the same content", "[file][safety][backup]")
{
    TempRegister reg;
    const qint64 id = seedProblem(*reg.db);
    const QStringList before = dump(*reg.db);
    const QString folder = BackupSet::folderFor(reg.path);
    CHECK(folder == reg.dir.filePath(QStringLiteral("register.rtreg.backups")));
    auto taken = BackupSet::take(reg.path, folder, 5, -1, QDateTime(QDate(2021, 1, 15), QTime(9, 0)));
    REQUIRE(taken.ok());
    CHECK(QFileInfo(taken->path).fileName() == QStringLiteral("register-20210115-090000.rtreg"));

    // Work goes on after the backup …
    ProblemService problems(*reg.db);
    Problem p = *problems.problem(id);
    p.description = QStringLiteral("改过的描述");
    REQUIRE(problems.updateProblem(p).ok());
    seedProblem(*reg.db, QStringLiteral("第二个问题"));
    CHECK(dump(*reg.db) != before);

    // … and the backup brings the register back exactly, after backing up the current state.
    reg.db.reset();
    auto restored = BackupSet::restore(reg.path, taken->path, folder, 5);
    REQUIRE(restored.ok());
    CHECK(QFileInfo::exists(*restored));
    CHECK(BackupSet::list(reg.path, folder).size() == 2);
    reg.reopen();
    CHECK(dump(*reg.db) == before);
    CHECK(Verifier::verify(*reg.db).ok());
    CHECK(reg.db->scalar(QStringLiteral("SELECT count(*) FROM problems")).toInt() == 1);

    // The safety copy holds the state that was replaced: two problems, the edited description.
    auto replaced = Database::open(*restored);
    REQUIRE(replaced.ok());
    CHECK((*replaced)->scalar(QStringLiteral("SELECT count(*) FROM problems")).toInt() == 2);
    CHECK((*replaced)
              ->scalar(QStringLiteral("SELECT description FROM problems WHERE id = ?"), {id})
              .toString() == QStringLiteral("改过的描述"));
}

TEST_CASE("rotation keeps the newest K backups and skips an unchanged register", "[file][safety][backup]")
{
    TempRegister reg;
    seedProblem(*reg.db);
    const QString folder = BackupSet::folderFor(reg.path);
    // A file of another name in the folder is never touched by rotation.
    QFile other(QDir(folder).filePath(QStringLiteral("notes.rtreg")));
    REQUIRE(other.open(QIODevice::WriteOnly));
    other.write("x");
    other.close();
    for (int hour = 1; hour <= 5; ++hour)
        REQUIRE(BackupSet::take(reg.path, folder, 3, -1, QDateTime(QDate(2021, 1, 15), QTime(hour, 0))).ok());
    // Two in the same second get a sequence number and still sort as newer.
    auto same = BackupSet::take(reg.path, folder, 3, -1, QDateTime(QDate(2021, 1, 15), QTime(5, 0)));
    REQUIRE(same.ok());
    CHECK(QFileInfo(same->path).fileName() == QStringLiteral("register-20210115-050000_02.rtreg"));
    QStringList names;
    for (const QString &p : BackupSet::list(reg.path, folder))
        names << QFileInfo(p).fileName();
    CHECK(names == QStringList{QStringLiteral("register-20210115-050000_02.rtreg"),
                               QStringLiteral("register-20210115-050000.rtreg"),
                               QStringLiteral("register-20210115-040000.rtreg")});
    CHECK(QFileInfo::exists(other.fileName()));

    // Reopening the unchanged register: its newest backup already holds it.
    CHECK(BackupSet::unchangedSinceNewest(reg.path, folder) == same->auditHead);
    CHECK(BackupSet::unchangedSinceNewest(reg.path, reg.dir.filePath(QStringLiteral("no-such-folder"))) ==
          -1);

    // Nothing changed since the last backup: no new file.
    auto skipped = BackupSet::take(reg.path, folder, 3, same->auditHead);
    REQUIRE(skipped.ok());
    CHECK(skipped->path.isEmpty());
    CHECK(BackupSet::list(reg.path, folder).size() == 3);
    // A change: a new backup, still three kept.
    seedProblem(*reg.db, QStringLiteral("又一个问题"));
    auto changed =
        BackupSet::take(reg.path, folder, 3, same->auditHead, QDateTime(QDate(2021, 1, 15), QTime(6, 0)));
    REQUIRE(changed.ok());
    CHECK(changed->auditHead > same->auditHead);
    CHECK(BackupSet::list(reg.path, folder).first() == changed->path);
    CHECK(BackupSet::list(reg.path, folder).size() == 3);
    CHECK(BackupSet::unchangedSinceNewest(reg.path, folder) == changed->auditHead);
    // A change after the newest backup: it no longer holds the register.
    seedProblem(*reg.db, QStringLiteral("再一个问题"));
    CHECK(BackupSet::unchangedSinceNewest(reg.path, folder) == -1);
    // A newest backup that cannot be read is no match either.
    {
        QFile damaged(QDir(folder).filePath(QStringLiteral("register-20991231-235959.rtreg")));
        REQUIRE(damaged.open(QIODevice::WriteOnly));
        damaged.write(QByteArray(4096, 'x'));
    }
    CHECK(
        BackupSet::list(reg.path, folder).first().endsWith(QStringLiteral("register-20991231-235959.rtreg")));
    CHECK(BackupSet::unchangedSinceNewest(reg.path, folder) == -1);
}

TEST_CASE("a backup is described by its date and headline figures", "[file][safety][backup]")
{
    TempRegister reg;
    const qint64 id = seedProblem(*reg.db);
    seedProblem(*reg.db, QStringLiteral("第二个问题"));
    ProblemService problems(*reg.db);
    REQUIRE(problems.writeState(id, ProblemState::Completed, QDate(2020, 6, 1)).ok());
    auto taken = BackupSet::take(reg.path, BackupSet::folderFor(reg.path), 5, -1,
                                 QDateTime(QDate(2021, 1, 15), QTime(10, 30, 5)));
    REQUIRE(taken.ok());
    const BackupInfo info = BackupSet::describe(taken->path);
    CHECK(info.error.isEmpty());
    CHECK(info.taken == QDateTime(QDate(2021, 1, 15), QTime(10, 30, 5)));
    CHECK(info.problems == 2);
    CHECK(info.completionRate == Approx(0.5));
    CHECK(info.size == QFileInfo(taken->path).size());
}

// ---- 2. Stale edits -------------------------------------------------------------------------

TEST_CASE("a stale save is refused and names who changed the row and when", "[safety][stale]")
{
    TempRegister reg;
    const qint64 id = seedProblem(*reg.db);
    // A second clerk on another connection to the same file.
    auto other = Database::open(reg.path);
    INFO((other.ok() ? QString() : other.error().message).toStdString());
    REQUIRE(other.ok());
    FixedClock otherClock(QDateTime(QDate(2021, 1, 15), QTime(8, 45), Qt::UTC));
    (*other)->setClock(&otherClock);
    (*other)->setActor(QStringLiteral("王丽"));

    ProblemService mine(*reg.db);
    ProblemService theirs(**other);
    Problem a = *mine.problem(id);
    Problem b = *theirs.problem(id);
    CHECK(a.version == b.version);
    b.responsiblePerson = QStringLiteral("李四");
    REQUIRE(theirs.updateProblem(b).ok());

    a.description = QStringLiteral("我的修改");
    const Status refused = mine.updateProblem(a);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().staleEdit);
    CHECK(refused.error().code == ErrorCode::InputRefused);
    const QString when = otherClock.now().toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    // On a server the actor is the login, whatever the program says (issue #23).
    CHECK(refused.error().message ==
          QStringLiteral(
              "The problem was changed by %1 at %2 since you opened it; reload it to see the change, "
              "then edit again. Changed: responsible_person.")
              .arg((*other)->actor(), when));
    // Nothing of the refused save landed; after a reload the save goes through.
    CHECK(mine.problem(id)->description == QStringLiteral("财务管理制度执行不严"));
    Problem reloaded = *mine.problem(id);
    CHECK(reloaded.responsiblePerson == QStringLiteral("李四"));
    reloaded.description = QStringLiteral("我的修改");
    CHECK(mine.updateProblem(reloaded).ok());
    CHECK(mine.problem(id)->description == QStringLiteral("我的修改"));
}

TEST_CASE("measures carry a version: a stale measure save is refused", "[safety][stale]")
{
    TempRegister reg;
    const qint64 id = seedProblem(*reg.db);
    auto other = Database::open(reg.path);
    REQUIRE(other.ok());
    (*other)->setActor(QStringLiteral("张三"));
    ProblemService mine(*reg.db);
    ProblemService theirs(**other);
    Measure m = mine.measures(id).first();
    CHECK(m.version == 1);
    // A state change from anywhere counts as a change of the row.
    REQUIRE(theirs.setMeasureState(m.id, MeasureState::InProgress, QDate(2020, 5, 1)).ok());
    CHECK(mine.measures(id).first().version == 2);
    m.content = QStringLiteral("改过的措施");
    const Status refused = mine.updateMeasure(m);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().staleEdit);
    // On a server the actor is the login, whatever the program says (issue #23).
    CHECK(refused.error().message.startsWith(
        QStringLiteral("The measure was changed by %1 at ").arg((*other)->actor())));
    Measure fresh = mine.measures(id).first();
    fresh.content = QStringLiteral("改过的措施");
    REQUIRE(mine.updateMeasure(fresh).ok());
    CHECK(mine.measures(id).first().content == QStringLiteral("改过的措施"));
    CHECK(mine.measures(id).first().state == MeasureState::InProgress);
    CHECK(mine.measures(id).first().version == 3);
    CHECK(Verifier::verify(*reg.db).ok());
}

TEST_CASE("a progress entry also moves the problem's version on", "[safety][stale]")
{
    TempRegister reg;
    const qint64 id = seedProblem(*reg.db);
    ProblemService problems(*reg.db);
    Problem p = *problems.problem(id);
    ProgressEntry e;
    e.problemId = id;
    e.date = QDate(2020, 5, 2);
    e.text = QStringLiteral("已完成制度修订初稿");
    REQUIRE(problems.addProgress(e).ok());
    // The editor's copy predates the progress entry: saving it would overwrite the latest progress.
    const Status refused = problems.updateProblem(p);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().staleEdit);
}

// ---- 3. History -----------------------------------------------------------------------------

TEST_CASE("the history of a problem lists its edits in order with old and new values", "[safety][history]")
{
    TempRegister reg;
    const qint64 id = seedProblem(*reg.db);
    seedProblem(*reg.db, QStringLiteral("别的问题")); // its entries must not appear
    ProblemService problems(*reg.db);
    reg.clock.setToday(QDate(2021, 1, 16));
    reg.db->setActor(QStringLiteral("李明"));
    Problem p = *problems.problem(id);
    p.description = QStringLiteral("财务管理制度执行不严格");
    p.responsiblePerson = QStringLiteral("张三");
    REQUIRE(problems.updateProblem(p).ok());
    const qint64 measureId = problems.measures(id).first().id;
    REQUIRE(problems.setMeasureState(measureId, MeasureState::Completed, QDate(2020, 6, 30)).ok());

    const QList<HistoryLine> h = AuditHistory::forProblem(*reg.db, id);
    QStringList lines;
    for (const HistoryLine &l : h)
        lines << QStringLiteral("%1|%2|%3|%4|%5|%6")
                     .arg(l.actor, l.record, l.field, l.oldValue, l.newValue,
                          l.at.date().toString(Qt::ISODate));
    INFO(lines.join(u'\n').toStdString());
    // Registration: the problem's fields, its state history row and its measure; then the edits,
    // in the log's order, each with its old and new value.
    QStringList expected{
        QStringLiteral("tester|Problem|description||财务管理制度执行不严|2021-01-15"),
        QStringLiteral("tester|Problem|unit_id||市某局党组|2021-01-15"),
        QStringLiteral("tester|Problem|source_level||municipal|2021-01-15"),
        QStringLiteral("tester|Problem|original_deadline||2020-07-10|2021-01-15"),
        QStringLiteral("tester|Problem|systemic||no|2021-01-15"),
        QStringLiteral("tester|Problem|immediate||no|2021-01-15"),
        QStringLiteral("tester|Problem|feedback_date||2020-04-10|2021-01-15"),
        QStringLiteral("tester|Problem|state||Not started|2021-01-15"),
        QStringLiteral("tester|Problem|deadline||2020-07-10|2021-01-15"),
        QStringLiteral("tester|State history|changed_on||2020-04-10|2021-01-15"),
        QStringLiteral("tester|State history|state||Not started|2021-01-15"),
        QStringLiteral("tester|Measure 1|seq||1|2021-01-15"),
        QStringLiteral("tester|Measure 1|content||修订财务报销审核制度|2021-01-15"),
        QStringLiteral("tester|Measure 1|type||By deadline|2021-01-15"),
        QStringLiteral("tester|Measure 1|state||Not started|2021-01-15"),
        QStringLiteral("李明|Problem|description|财务管理制度执行不严|财务管理制度执行不严格|2021-01-16"),
        QStringLiteral("李明|Problem|responsible_person||张三|2021-01-16"),
        QStringLiteral("李明|Measure 1|state|Not started|Completed|2021-01-16"),
        QStringLiteral("李明|Measure 1|completed_date||2020-06-30|2021-01-16"),
    };
    if (rectrack::test::testOnServer()) {
        // The actor is the login there (issue #23): the names set by setActor do not apply.
        static const QRegularExpression named(QStringLiteral("^(tester|李明)\\|"));
        for (QString &e : expected)
            e.replace(named, reg.db->actor() + u'|');
    }
    CHECK(lines == expected);
    for (qsizetype i = 1; i < h.size(); ++i)
        CHECK(h.at(i - 1).entryId <= h.at(i).entryId);
    for (const QString &l : lines)
        CHECK_FALSE(l.contains(QStringLiteral("别的问题")));
    CHECK(h.constFirst().fieldLabel == QStringLiteral("Problem"));
    CHECK(h.constLast().fieldLabel == QStringLiteral("Completed on"));
    CHECK(AuditHistory::fieldLabel(QStringLiteral("problems"), QStringLiteral("responsible_person")) ==
          QStringLiteral("Person responsible"));
    CHECK(AuditHistory::forProblem(*reg.db, 999).isEmpty());
}

// ---- 4. Clocks ------------------------------------------------------------------------------

TEST_CASE("a clock earlier than the newest audit entry gives a warning, the log keeps its order",
          "[safety][clock]")
{
    TempRegister reg; // clock: 2021-01-15 00:00 UTC
    seedProblem(*reg.db);
    CHECK(ClockCheck::warning(*reg.db).isEmpty());
    // Within a minute is tolerated (two machines' clocks never agree exactly).
    FixedClock slightly(QDateTime(QDate(2021, 1, 14), QTime(23, 59, 30), Qt::UTC));
    reg.db->setClock(&slightly);
    CHECK(ClockCheck::warning(*reg.db).isEmpty());

    FixedClock behind(QDateTime(QDate(2020, 12, 1), QTime(9, 0), Qt::UTC));
    reg.db->setClock(&behind);
    CHECK(ClockCheck::clockBehind(*reg.db) == QDateTime(QDate(2021, 1, 15), QTime(0, 0), Qt::UTC));
    const QString warning = ClockCheck::warning(*reg.db);
    CHECK(warning.startsWith(QStringLiteral("The computer's clock says %1, but the register already holds a "
                                            "change made at %2.")
                                 .arg(behind.now().toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                      QDateTime(QDate(2021, 1, 15), QTime(0, 0), Qt::UTC)
                                          .toLocalTime()
                                          .toString(QStringLiteral("yyyy-MM-dd HH:mm")))));

    // Writing anyway: the entry goes to the end of the log (by sequence) and the chain holds.
    const qint64 before = AuditLog::length(*reg.db);
    const qint64 second = seedProblem(*reg.db, QStringLiteral("时钟回拨后登记的问题"));
    CHECK(AuditLog::length(*reg.db) > before);
    const QVariant lastEntity =
        reg.db->scalar(QStringLiteral("SELECT entity_id FROM audit_log WHERE entity = "
                                      "'problems' ORDER BY id DESC LIMIT 1"));
    CHECK(lastEntity.toLongLong() == second);
    CHECK(AuditLog::newestTime(*reg.db) == behind.now());
    CHECK(Verifier::verify(*reg.db).ok());
    // The newest entry is now the one of the wrong clock: set right again, no warning.
    reg.db->setClock(&reg.clock);
    CHECK(ClockCheck::warning(*reg.db).isEmpty());
}

// ---- 5. Where the file lives ----------------------------------------------------------------

TEST_CASE("a register on a network drive opens in rollback-journal mode with a warning",
          "[file][safety][location]")
{
    TempRegister reg;
    seedProblem(*reg.db);
    reg.db.reset();
    FileLocation share;
    share.kind = FileLocation::Kind::Network;
    share.fileSystem = QStringLiteral("cifs");
    const FakeProbe probe(share);
    {
        const ProbeOverride o(probe);
        auto db = Database::open(reg.path);
        REQUIRE(db.ok());
        CHECK((*db)->journalMode() == QStringLiteral("delete"));
        REQUIRE((*db)->openWarnings().size() == 1);
        CHECK((*db)->openWarnings().first().contains(QStringLiteral("network drive (cifs)")));
        // It still works: a write goes through with the rollback journal.
        seedProblem(**db, QStringLiteral("共享盘上登记的问题"));
        CHECK((*db)->scalar(QStringLiteral("SELECT count(*) FROM problems")).toInt() == 2);
        CHECK_FALSE(QFileInfo::exists(reg.path + QStringLiteral("-wal")));
    }
    // Back on a local disk: WAL again, no warning.
    auto local = Database::open(reg.path);
    REQUIRE(local.ok());
    CHECK((*local)->journalMode() == QStringLiteral("wal"));
    CHECK((*local)->openWarnings().isEmpty());
}

TEST_CASE("a register on FAT32 above 3.5 GB gets a warning", "[file][safety][location]")
{
    TempRegister reg;
    reg.db.reset();
    FileLocation stick;
    stick.kind = FileLocation::Kind::Fat;
    stick.fileSystem = QStringLiteral("vfat");
    stick.fileSize = qint64(3700) * 1024 * 1024;
    const FakeProbe big(stick);
    {
        const ProbeOverride o(big);
        auto db = Database::open(reg.path);
        REQUIRE(db.ok());
        REQUIRE((*db)->openWarnings().size() == 1);
        CHECK((*db)->openWarnings().first().contains(QStringLiteral("is 3700 MB on a FAT32 drive")));
    }
    stick.fileSize = qint64(3000) * 1024 * 1024;
    const FakeProbe small(stick);
    const ProbeOverride o(small);
    auto db = Database::open(reg.path);
    REQUIRE(db.ok());
    CHECK((*db)->openWarnings().isEmpty());
}

TEST_CASE("a read-only register opens and reads, writes are refused clearly", "[file][safety][location]")
{
    TempRegister reg;
    const qint64 id = seedProblem(*reg.db);
    reg.db.reset();
    FileLocation ro;
    ro.readOnly = true;
    const FakeProbe probe(ro);
    const ProbeOverride o(probe);
    auto db = Database::open(reg.path);
    REQUIRE(db.ok());
    CHECK((*db)->readOnly());
    CHECK((*db)->openWarnings().size() == 1);
    ProblemService problems(**db);
    CHECK(problems.problem(id)->description == QStringLiteral("财务管理制度执行不严"));
    Problem p = *problems.problem(id);
    p.description = QStringLiteral("改不了");
    const Status refused = problems.updateProblem(p);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::InputRefused);
    CHECK(refused.error().message.contains(QStringLiteral("is read-only: the change was not saved")));
    CHECK(problems.problem(id)->description == QStringLiteral("财务管理制度执行不严"));
}

TEST_CASE("a register on a read-only mount opens and reads", "[safety][location][mount]")
{
    TmpfsMount mnt(QStringLiteral("8m"));
    if (!mnt.mounted) {
        WARN("mount -t tmpfs is not allowed here (needs root); the injected-probe test covers the logic");
        return;
    }
    const QString path = mnt.path(QStringLiteral("ro.rtreg"));
    {
        auto db = Database::open(path, Database::OpenMode::CreateIfMissing);
        REQUIRE(db.ok());
        seedProblem(**db);
    }
    REQUIRE(mnt.remount(QStringLiteral("ro")));
    auto db = Database::open(path);
    REQUIRE(db.ok());
    CHECK((*db)->readOnly());
    CHECK((*db)->scalar(QStringLiteral("SELECT description FROM problems")).toString() ==
          QStringLiteral("财务管理制度执行不严"));
    CHECK(Verifier::verify(**db).ok());
    auto refused = OrganizationService(**db).ensureUnit(QStringLiteral("新单位"));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.contains(QStringLiteral("is read-only: the change was not saved")));
    // A backup of a read-only register goes to the user's data folder instead of beside it.
    CHECK_FALSE(BackupSet::folderFor(path).startsWith(mnt.dir.path()));
}

TEST_CASE("a write to a full file system fails cleanly and loses nothing committed",
          "[safety][location][mount]")
{
    TmpfsMount mnt(QStringLiteral("3m"));
    if (!mnt.mounted) {
        WARN("mount -t tmpfs is not allowed here (needs root): the full-disk test did not run");
        return;
    }
    const QString path = mnt.path(QStringLiteral("full.rtreg"));
    auto db = Database::open(path, Database::OpenMode::CreateIfMissing);
    REQUIRE(db.ok());
    const qint64 id = seedProblem(**db);
    ProblemService problems(**db);
    QByteArray scan(200 * 1024, '\0');
    int stored = 0;
    Status last = okStatus();
    for (int i = 0; i < 40 && last.ok(); ++i) {
        for (qsizetype k = 0; k < scan.size(); ++k)
            scan[k] = char((k * 31 + i * 7) & 0xff);
        auto r = problems.addEvidence(id, 0, QStringLiteral("扫描件%1.pdf").arg(i), scan,
                                      QStringLiteral("application/pdf"));
        if (r.ok())
            ++stored;
        else
            last = r.error();
    }
    REQUIRE_FALSE(last.ok());
    CHECK(stored >= 3);
    CHECK(last.error().message.contains(QStringLiteral("is full: the change was not saved")));
    // Everything committed before is there, on this connection and on a fresh one.
    CHECK((*db)->scalar(QStringLiteral("SELECT count(*) FROM evidence")).toInt() == stored);
    auto reader = Database::open(path);
    REQUIRE(reader.ok());
    CHECK((*reader)->scalar(QStringLiteral("SELECT count(*) FROM evidence")).toInt() == stored);
    CHECK(Verifier::verify(**reader).ok());
    reader->reset();
    // Space freed: work goes on.
    REQUIRE(mnt.remount(QStringLiteral("size=16m")));
    CHECK(problems.addEvidence(id, 0, QStringLiteral("补充.pdf"), scan).ok());
    CHECK((*db)->scalar(QStringLiteral("SELECT count(*) FROM evidence")).toInt() == stored + 1);
    db->reset();
    auto after = Database::open(path);
    REQUIRE(after.ok());
    CHECK(Verifier::verify(**after).ok());
}
