// The main window's safety parts (issue #13): automatic backups, the warning banner, History…
// and Restore backup….
#include "uifixture.h"

#include "demo/demoregister.h"
#include "dialogs/historydialog.h"
#include "dialogs/restorebackupdialog.h"
#include "models/problemledgermodel.h"
#include "safety/safetycontroller.h"
#include "storage/backupset.h"
#include "storage/filelocation.h"
#include "views/mainwindow.h"

#include <QFileInfo>
#include <QFrame>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>

using namespace rectrack;
using namespace rectrack::core;
using rectrack::ui::MainWindow;

namespace {

class ReadOnlyProbe : public FileLocationProbe
{
public:
    FileLocation probe(const QString &path) const override
    {
        FileLocation l = FileLocationProbe::probe(path);
        l.readOnly = true;
        return l;
    }
};

QString grabTo(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("RECTRACK_SAFETY_SCREENSHOTS");
    if (dir.isEmpty())
        return {};
    const QString path = dir + u'/' + name;
    w->grab().save(path);
    return path;
}

} // namespace

TEST_CASE("the app backs up on open and again only after a change", "[ui][safety]")
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().remove(QStringLiteral("backup"));
    test::UiFixture fx;
    MainWindow window;
    REQUIRE(window.openRegister(fx.reg.path, true));
    ui::SafetyController *safety = window.safety();
    safety->waitForBackup();
    CHECK(safety->lastError().isEmpty());
    CHECK(safety->backupFolder() ==
          QFileInfo(fx.reg.path).absolutePath() + QStringLiteral("/register.rtreg.backups"));
    REQUIRE(BackupSet::list(fx.reg.path, safety->backupFolder()).size() == 1);
    const QString first = safety->lastBackup();
    CHECK(BackupSet::list(fx.reg.path, safety->backupFolder()).first() == first);
    CHECK_FALSE(safety->banner()->isVisibleTo(&window)); // nothing to warn about

    // The timer fires with nothing changed: no new backup.
    REQUIRE(safety->backupNow());
    safety->waitForBackup();
    CHECK(BackupSet::list(fx.reg.path, safety->backupFolder()).size() == 1);
    // Someone changes the register: the next run writes one.
    REQUIRE(OrganizationService(*fx.reg.db).ensureUnit(QStringLiteral("新增单位")).ok());
    REQUIRE(safety->backupNow());
    safety->waitForBackup();
    CHECK(BackupSet::list(fx.reg.path, safety->backupFolder()).size() == 2);
    CHECK(safety->lastBackup() != first);

    // Reopened unchanged: the newest backup already holds it, so opening writes no copy.
    window.closeRegister();
    REQUIRE(window.openRegister(fx.reg.path, true));
    window.safety()->waitForBackup();
    CHECK(window.safety()->lastError().isEmpty());
    CHECK(BackupSet::list(fx.reg.path, safety->backupFolder()).size() == 2);
    // Changed while closed: the next open backs it up.
    window.closeRegister();
    REQUIRE(OrganizationService(*fx.reg.db).ensureUnit(QStringLiteral("又一个单位")).ok());
    REQUIRE(window.openRegister(fx.reg.path, true));
    window.safety()->waitForBackup();
    CHECK(BackupSet::list(fx.reg.path, safety->backupFolder()).size() == 3);

    // File → Restore backup… lists both with their headline figures.
    ui::RestoreBackupDialog dialog(fx.reg.path, safety->backupFolder(), &window);
    REQUIRE(dialog.table()->rowCount() == 3);
    CHECK(dialog.table()->item(0, 1)->text() == QStringLiteral("6"));
    CHECK(dialog.table()->item(1, 1)->text() == QStringLiteral("6"));
    CHECK(dialog.table()->item(0, 3)->text() == QStringLiteral("2021-01-15"));
    CHECK(dialog.selectedBackup() == safety->lastBackup());
    dialog.show();
    grabTo(&dialog, QStringLiteral("restore-backup.png"));
}

TEST_CASE("a read-only register opens with a banner and History… lists a problem's changes", "[ui][safety]")
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().setValue(QStringLiteral("backup/intervalMinutes"), 0); // no backups in this test
    test::UiFixture fx;
    const qint64 id = fx.problemIds.value(QStringLiteral("A-1"));
    {
        ProblemService problems(*fx.reg.db);
        Problem p = *problems.problem(id);
        fx.reg.db->setActor(QStringLiteral("李明"));
        p.responsiblePerson = QStringLiteral("陈某某");
        REQUIRE(problems.updateProblem(p).ok());
    }
    fx.reg.db.reset();
    const ReadOnlyProbe probe;
    FileLocationProbe::setOverride(&probe);
    MainWindow window;
    const bool opened = window.openRegister(fx.reg.path, true);
    FileLocationProbe::setOverride(nullptr);
    REQUIRE(opened);
    CHECK(window.database()->readOnly());
    CHECK(window.problemModel()->rowCount() == 6);
    REQUIRE(window.safety()->bannerMessages().size() == 1);
    CHECK(window.safety()->bannerMessages().first().contains(QStringLiteral("is read-only")));
    CHECK(window.safety()->banner()->isVisibleTo(&window));
    window.resize(1440, 900);
    window.show();
    grabTo(&window, QStringLiteral("read-only-banner.png"));

    ui::HistoryDialog history(*window.database(), id, &window);
    QTableWidget *t = history.table();
    REQUIRE(t->rowCount() >= 2);
    const int last = t->rowCount() - 1;
    CHECK(t->item(last, 1)->text() == QStringLiteral("李明"));
    CHECK(t->item(last, 2)->text() == QStringLiteral("Problem"));
    CHECK(t->item(last, 3)->text() == QStringLiteral("Person responsible"));
    CHECK(t->item(last, 4)->text() == QStringLiteral("某某"));
    CHECK(t->item(last, 5)->text() == QStringLiteral("陈某某"));
    CHECK(t->item(0, 1)->text() == QStringLiteral("tester"));
    history.show();
    grabTo(&history, QStringLiteral("history.png"));
    QSettings().remove(QStringLiteral("backup"));
}

TEST_CASE("a damaged page met on screen shows in the banner and stops the automatic backups",
          "[ui][safety][damage]")
{
    // Issue #19: a lookup that cannot return its error (a label, a list) records the damage;
    // the window says so instead of showing a shorter list as if it were whole.
    QStandardPaths::setTestModeEnabled(true);
    QSettings().remove(QStringLiteral("backup"));
    test::TempRegister reg;
    REQUIRE(DemoRegister::build(*reg.db).ok());
    const int leaf = reg.db
                         ->scalar(QStringLiteral("SELECT max(pageno) FROM dbstat WHERE name = 'units' AND "
                                                 "pagetype = 'leaf'"))
                         .toInt();
    REQUIRE(leaf > 1);
    reg.db.reset();
    test::overwrite(reg.path, qint64(leaf - 1) * 4096, QByteArray(8, '\xff'));

    MainWindow window;
    REQUIRE(window.openRegister(reg.path, true));
    ui::SafetyController *safety = window.safety();
    safety->waitForBackup();
    // The navigation tree and the filters read every unit: the damaged page is met on opening.
    QTRY_VERIFY_WITH_TIMEOUT(safety->bannerMessages().join(u' ').contains(QStringLiteral("damaged")), 5000);
    CHECK(safety->banner()->isVisibleTo(&window));
    CHECK(safety->bannerMessages().join(u' ').contains(reg.path));
    // No automatic backup runs on a damaged register.
    CHECK_FALSE(safety->backupNow());
}
