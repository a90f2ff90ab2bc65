// The desktop app on a server register (issue #24): two windows on one register see each other's
// changes within a second with their selection kept; two editors saving one problem give the
// second the conflict view; a unit login's window shows only its units and no close-out; a dropped
// connection keeps the typed text, which saves once the app has reconnected. Tagged [.pgonly]:
// registered only in the pg run, against the test server (tests/CMakeLists.txt).
#include <catch2/catch.hpp>

#include "demo/demoregister.h"
#include "dialogs/conflictdialog.h"
#include "dialogs/connectdialog.h"
#include "dialogs/problemeditor.h"
#include "models/ledgermodel.h"
#include "models/measureledgermodel.h"
#include "models/problemledgermodel.h"
#include "storage/postgres/serverlogins.h"
#include "testsupport.h"
#include "views/auditlogview.h"
#include "views/editingcontroller.h"
#include "views/ledgerview.h"
#include "views/liveupdates.h"
#include "views/mainwindow.h"
#include "views/userspage.h"
#include "workflow/problemservice.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QTabWidget>
#include <QTableWidget>

#include <stdexcept>

using namespace rectrack;
using namespace rectrack::core;
using namespace rectrack::test;
using rectrack::ui::MainWindow;

namespace {

const QString kUnit = QStringLiteral("市卫健委党组"); // 14 problems in the demo

/// The demo register on a fresh server database with two office logins, a unit login (kUnit), a
/// leader, an auditor and a security administrator, each with a password.
struct AppServer
{
    AppServer() : url(createServerDatabase())
    {
        auto r = Database::open(url, Database::OpenMode::CreateIfMissing);
        if (!r)
            throw std::runtime_error(r.error().message.toStdString());
        admin = std::move(r).value();
        if (const Status s = DemoRegister::build(*admin); !s)
            throw std::runtime_error(s.error().message.toStdString());
        const QString suffix = QString::number(QRandomGenerator::global()->generate64() % 1000000000, 36);
        for (const auto &[name, kind] :
             {std::pair{"office1", "office"}, std::pair{"office2", "office"}, std::pair{"unit", "unit"},
              std::pair{"leader", "leader"}, std::pair{"auditor", "auditor"},
              std::pair{"secadmin", "secadmin"}}) {
            const QString login = QLatin1String(name) + u'_' + suffix;
            logins.insert(QLatin1String(name), login);
            const Status s = ServerLogins::add(
                *admin, login, QLatin1String(kind),
                QLatin1String(kind) == QLatin1String("unit") ? QStringList{kUnit} : QStringList(),
                QStringLiteral("pw-") + login);
            if (!s)
                throw std::runtime_error(s.error().message.toStdString());
        }
    }
    ~AppServer()
    {
        admin.reset();
        dropServerDatabase(url);
        ServerConnection server(pgAdminUrl());
        for (const QString &login : std::as_const(logins))
            server.exec(QStringLiteral("DROP ROLE IF EXISTS \"%1\"").arg(login));
    }
    QString as(const QString &name) const
    {
        return serverUrlAs(url, logins.value(name), QStringLiteral("pw-") + logins.value(name));
    }
    QString url;
    std::unique_ptr<Database> admin;
    QHash<QString, QString> logins;
};

/// Processes events until @p done or @p ms pass; returns the milliseconds waited.
template <typename Fn> qint64 waitFor(Fn done, int ms = 5000)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < ms)
        QApplication::processEvents(QEventLoop::AllEvents, 10);
    return t.elapsed();
}

qint64 currentId(MainWindow &w)
{
    return w.problemView()->currentIndex().data(ui::LedgerModel::ProblemIdRole).toLongLong();
}

QString descriptionShown(MainWindow &w, qint64 id)
{
    const int row = w.problemModel()->rowOf(id);
    return row < 0 ? QString()
                   : w.problemModel()
                         ->index(row, ui::ProblemLedgerModel::Description)
                         .data(Qt::DisplayRole)
                         .toString();
}

} // namespace

TEST_CASE("server app: an edit in one window appears in the other within a second, selection kept",
          "[.pgonly][server_app]")
{
    AppServer s;
    MainWindow w1;
    MainWindow w2;
    REQUIRE(w1.openRegister(s.as(QStringLiteral("office1")), true));
    REQUIRE(w2.openRegister(s.as(QStringLiteral("office2")), true));
    w1.show();
    w2.show();
    // Title and status bar name the server, the database, the login and its role.
    CHECK(w2.windowTitle().contains(s.logins.value(QStringLiteral("office2"))));
    CHECK(w2.serverLabel()->isVisible());
    CHECK(w2.serverLabel()->text().contains(ui::ConnectDialog::shortName(s.url)));
    REQUIRE(w2.liveUpdates()->listening());
    REQUIRE(w2.problemModel()->rowCount() > 10);

    // The other clerk's selection: row 5, scrolled.
    w2.problemView()->setCurrentIndex(w2.problemModel()->index(5, ui::ProblemLedgerModel::Description));
    const qint64 selected = currentId(w2);
    REQUIRE(selected > 0);
    const qint64 edited = w1.problemModel()->idAt(2);
    REQUIRE(edited != selected);

    // An edit in the first window's problem editor, saved when the editor closes.
    ui::ProblemEditor *editor = w1.editing()->openProblem(edited);
    REQUIRE(editor);
    const QString text = QStringLiteral("第二个窗口应当在一秒内看到这段文字");
    editor->findChild<QPlainTextEdit *>(QStringLiteral("description"))->setPlainText(text);
    editor->close();
    REQUIRE(s.admin->scalar(QStringLiteral("SELECT description FROM problems WHERE id = ?"), {edited})
                .toString() == text);
    const qint64 waited = waitFor([&] { return descriptionShown(w2, edited) == text; });
    CHECK(descriptionShown(w2, edited) == text);
    CHECK(waited < 1000);
    CHECK(currentId(w2) == selected);
}

TEST_CASE("server app: a live update re-reads the shown ledger at once and the hidden one when shown, "
          "its current row kept",
          "[.pgonly][server_app]")
{
    AppServer s;
    MainWindow w;
    REQUIRE(w.openRegister(s.as(QStringLiteral("office2")), true));
    w.show();
    REQUIRE(w.liveUpdates()->listening());
    // The clerk's current measure, row 3 of the rectification ledger; then back to the problems.
    w.tabs()->setCurrentIndex(MainWindow::MeasureTab);
    REQUIRE(w.measureModel()->rowCount() > 10);
    w.measureView()->setCurrentIndex(w.measureModel()->index(3, ui::MeasureLedgerModel::Content));
    const qint64 measureId = w.measureModel()->idAt(3);
    REQUIRE(measureId > 0);
    const QString before =
        w.measureModel()->index(3, ui::MeasureLedgerModel::Content).data(Qt::DisplayRole).toString();
    w.tabs()->setCurrentIndex(MainWindow::ProblemTab);

    // Another clerk (the installer's connection) rewrites that measure and a problem's text.
    ProblemService other(*s.admin);
    const qint64 problemId =
        s.admin->scalar(QStringLiteral("SELECT problem_id FROM measures WHERE id = ?"), {measureId})
            .toLongLong();
    Measure changed;
    for (const Measure &m : other.measures(problemId)) {
        if (m.id == measureId)
            changed = m;
    }
    REQUIRE(changed.id == measureId);
    changed.content = QStringLiteral("另一位办事员改写的整改措施");
    REQUIRE(other.updateMeasure(changed).ok());
    const qint64 shownProblem = w.problemModel()->idAt(1);
    const QString shownBefore = descriptionShown(w, shownProblem); // its page read and kept
    int updates = 0;
    QObject::connect(w.liveUpdates(), &ui::LiveUpdates::changed, &w, [&] { ++updates; });
    std::optional<Problem> p = other.problem(shownProblem);
    REQUIRE(p);
    p->description = QStringLiteral("另一位办事员改写的问题描述");
    REQUIRE(other.updateProblem(*p).ok());

    CHECK(descriptionShown(w, shownProblem) == shownBefore); // not before the live update
    // The problem ledger on screen shows it within a second …
    CHECK(waitFor([&] { return updates > 0 && descriptionShown(w, shownProblem) == p->description; }) < 1000);
    CHECK(descriptionShown(w, shownProblem) == p->description);
    // … the hidden rectification ledger was not read again …
    CHECK(w.measureModel()->index(3, ui::MeasureLedgerModel::Content).data(Qt::DisplayRole).toString() ==
          before);
    // … until its tab is shown: the new text, the clerk's current measure still current.
    w.tabs()->setCurrentIndex(MainWindow::MeasureTab);
    const int row = w.measureModel()->rowOf(measureId);
    REQUIRE(row >= 0);
    CHECK(w.measureModel()->index(row, ui::MeasureLedgerModel::Content).data(Qt::DisplayRole).toString() ==
          changed.content);
    CHECK(w.measureModel()->idAt(w.measureView()->currentIndex().row()) == measureId);
}

TEST_CASE("server app: two editors saving one problem give the second the conflict view",
          "[.pgonly][server_app]")
{
    AppServer s;
    MainWindow w1;
    MainWindow w2;
    REQUIRE(w1.openRegister(s.as(QStringLiteral("office1")), true));
    REQUIRE(w2.openRegister(s.as(QStringLiteral("office2")), true));
    const qint64 id = w1.problemModel()->idAt(0);
    ui::ProblemEditor *e1 = w1.editing()->openProblem(id);
    ui::ProblemEditor *e2 = w2.editing()->openProblem(id);
    REQUIRE(e1);
    REQUIRE(e2);
    auto field = [](ui::ProblemEditor *e, const char *name) {
        return e->findChild<QPlainTextEdit *>(QLatin1String(name));
    };
    auto stored = [&](const char *column) {
        return s.admin->scalar(
            QStringLiteral("SELECT %1 FROM problems WHERE id = ?").arg(QLatin1String(column)), {id});
    };
    // One round: the first editor saves @p theirs while the second holds @p mine; the second's
    // save then opens the conflict view.
    auto conflictRound = [&](const QString &theirs, const QString &mine) -> ui::ConflictDialog * {
        // The first editor has the latest version (its live update of the second's last save).
        waitFor([&] { return e1->problem().version == stored("version").toInt(); }, 2000);
        REQUIRE(e1->problem().version == stored("version").toInt());
        field(e2, "description")->setPlainText(mine);
        field(e1, "description")->setPlainText(theirs);
        const QPointer<ui::ProblemEditor> closing = e1;
        e1->done(QDialog::Accepted); // saves, closes the first editor
        waitFor([&] { return closing.isNull(); }, 2000);
        e1 = w1.editing()->openProblem(id);
        REQUIRE(e1);
        // The live update reaches the second editor, which keeps the typing and says so.
        waitFor([&] { return !e2->message().isEmpty(); }, 2000);
        CHECK_FALSE(e2->message().isEmpty());
        CHECK(field(e2, "description")->toPlainText() == mine);
        e2->done(QDialog::Accepted); // saving: refused as stale
        return e2->conflictDialog();
    };

    const QString note = QStringLiteral("第二位同志的备注");
    field(e2, "note")->setPlainText(note);
    const int v0 = stored("version").toInt();
    ui::ConflictDialog *conflict = conflictRound(QStringLiteral("第一位同志保存的问题描述"),
                                                 QStringLiteral("第二位同志正在输入的问题描述"));
    REQUIRE(conflict);
    CHECK(e2->isVisible());
    CHECK(conflict->whoText().contains(s.logins.value(QStringLiteral("office1"))));
    QTableWidget *table = conflict->table();
    QStringList fields;
    int descriptionRow = -1;
    for (int r = 0; r < table->rowCount(); ++r) {
        fields << table->item(r, 0)->text();
        if (table->item(r, 0)->text() == ui::ConflictDialog::tr("Problem"))
            descriptionRow = r;
    }
    CHECK(fields == QStringList{ui::ConflictDialog::tr("Problem"), ui::ConflictDialog::tr("Note")});
    REQUIRE(descriptionRow >= 0);
    CHECK(table->item(descriptionRow, 1)->text() == QStringLiteral("第一位同志保存的问题描述"));
    CHECK(table->item(descriptionRow, 2)->text() == QStringLiteral("第二位同志正在输入的问题描述"));
    CHECK(field(e2, "note")->toPlainText() == note);

    // Keep mine: my changed fields saved over their version.
    conflict->keepMineButton()->click();
    CHECK_FALSE(e2->conflictDialog());
    CHECK(stored("description").toString() == QStringLiteral("第二位同志正在输入的问题描述"));
    CHECK(stored("note").toString() == note);
    CHECK(stored("version").toInt() == v0 + 2);

    // Take theirs: the editor shows their version, nothing of mine saved.
    conflict = conflictRound(QStringLiteral("第二轮：第一位同志的文字"), QStringLiteral("第二轮：我的文字"));
    REQUIRE(conflict);
    conflict->takeTheirsButton()->click();
    CHECK(field(e2, "description")->toPlainText() == QStringLiteral("第二轮：第一位同志的文字"));
    CHECK(stored("description").toString() == QStringLiteral("第二轮：第一位同志的文字"));
    CHECK(stored("version").toInt() == v0 + 3);

    // Edit: the typing stays in the field and saves onto their version.
    conflict = conflictRound(QStringLiteral("第三轮：第一位同志的文字"), QStringLiteral("第三轮：我的文字"));
    REQUIRE(conflict);
    conflict->editButton()->click();
    CHECK_FALSE(e2->conflictDialog());
    CHECK(field(e2, "description")->toPlainText() == QStringLiteral("第三轮：我的文字"));
    e2->done(QDialog::Accepted);
    CHECK_FALSE(e2->conflictDialog());
    CHECK(stored("description").toString() == QStringLiteral("第三轮：我的文字"));
    CHECK(stored("version").toInt() == v0 + 5);
}

TEST_CASE("server app: each role's window", "[.pgonly][server_app]")
{
    AppServer s;
    {
        INFO("a unit login sees only its units' problems and has no close-out");
        MainWindow w;
        REQUIRE(w.openRegister(s.as(QStringLiteral("unit")), true));
        const qint64 expected =
            s.admin
                ->scalar(QStringLiteral("SELECT count(*) FROM problems p JOIN units u ON u.id = "
                                        "p.unit_id WHERE u.name = ? AND p.deleted_at IS NULL"),
                         {kUnit})
                .toLongLong();
        REQUIRE(expected == 14);
        CHECK(w.problemModel()->rowCount() == expected);
        for (int r = 0; r < w.problemModel()->rowCount(); ++r)
            CHECK(w.problemModel()->index(r, ui::ProblemLedgerModel::Unit).data().toString() == kUnit);
        CHECK(w.windowTitle().contains(MainWindow::tr("unit clerk")));
        CHECK_FALSE(w.editing()->mayRegister());
        CHECK(w.editing()->mayEdit());
        CHECK_FALSE(w.findChild<QAction *>(QStringLiteral("newProblemAction"))->isVisible());
        CHECK_FALSE(w.findChild<QAction *>(QStringLiteral("deleteProblemAction"))->isVisible());
        CHECK_FALSE(w.tabs()->isTabVisible(MainWindow::RegistersTab));
        ui::ProblemEditor *e = w.editing()->openProblem(w.problemModel()->idAt(0));
        REQUIRE(e);
        CHECK(e->findChild<QPushButton *>(QStringLiteral("closeOut"))->isHidden());
        CHECK(e->findChild<QPlainTextEdit *>(QStringLiteral("description"))->isReadOnly());
        CHECK_FALSE(e->findChild<QPlainTextEdit *>(QStringLiteral("note"))->isReadOnly());
        // What a unit login may write saves: the note.
        const qint64 unitProblem = e->problemId();
        e->findChild<QPlainTextEdit *>(QStringLiteral("note"))
            ->setPlainText(QStringLiteral("单位补充的备注"));
        e->done(QDialog::Accepted);
        CHECK(e->message().isEmpty());
        CHECK(s.admin->scalar(QStringLiteral("SELECT note FROM problems WHERE id = ?"), {unitProblem})
                  .toString() == QStringLiteral("单位补充的备注"));
    }
    {
        INFO("an office login has close-out and every action");
        MainWindow w;
        REQUIRE(w.openRegister(s.as(QStringLiteral("office1")), true));
        CHECK(w.editing()->mayRegister());
        CHECK(w.findChild<QAction *>(QStringLiteral("newProblemAction"))->isEnabled());
        ui::ProblemEditor *e = w.editing()->openProblem(w.problemModel()->idAt(0));
        REQUIRE(e);
        CHECK_FALSE(e->findChild<QPushButton *>(QStringLiteral("closeOut"))->isHidden());
    }
    {
        INFO("a leader reads and edits nothing");
        MainWindow w;
        REQUIRE(w.openRegister(s.as(QStringLiteral("leader")), true));
        CHECK(w.problemModel()->rowCount() > 14);
        CHECK_FALSE(w.editing()->mayEdit());
        CHECK_FALSE(w.editing()->openProblem(w.problemModel()->idAt(0)));
        CHECK_FALSE(w.findChild<QAction *>(QStringLiteral("openProblemAction"))->isEnabled());
    }
    {
        INFO("an auditor sees the audit log and the login history only");
        MainWindow w;
        REQUIRE(w.openRegister(s.as(QStringLiteral("auditor")), true));
        CHECK_FALSE(w.readsLedgers());
        CHECK(w.centralWidget()->findChild<ui::AuditLogView *>() == w.auditView());
        CHECK(w.auditView()->isVisibleTo(&w));
        const qint64 entries = s.admin->scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong();
        CHECK(w.auditView()->auditTable()->rowCount() == std::min<qint64>(entries, 2000));
        CHECK(w.auditView()->loginTable()->rowCount() >= 1);
        CHECK_FALSE(w.findChild<QMenu *>(QStringLiteral("adminMenu"))->menuAction()->isVisible());
    }
    {
        INFO("a security administrator manages the logins");
        MainWindow w;
        REQUIRE(w.openRegister(s.as(QStringLiteral("secadmin")), true));
        CHECK_FALSE(w.readsLedgers());
        ui::UsersPage *page = w.usersPage();
        CHECK(w.centralWidget()->findChild<ui::UsersPage *>() == page);
        CHECK(page->isVisibleTo(&w));
        QStringList rows;
        for (int r = 0; r < page->table()->rowCount(); ++r)
            rows << page->table()->item(r, 0)->text();
        for (const QString &login : std::as_const(s.logins))
            CHECK(rows.contains(login));
        // A new unit login with two units (what `server user add --role unit --unit …` does).
        const QString login = s.logins.value(QStringLiteral("unit")) + QStringLiteral("_new");
        s.logins.insert(QStringLiteral("new"), login);
        page->loginEdit()->setText(login);
        page->roleCombo()->setCurrentIndex(page->roleCombo()->findData(QStringLiteral("unit")));
        page->unitsEdit()->setText(kUnit + QStringLiteral("、市医保局党组"));
        page->passwordEdit()->setText(QStringLiteral("pw-") + login);
        REQUIRE(page->addLogin());
        auto logins = ServerLogins::list(*s.admin);
        REQUIRE(logins);
        bool found = false;
        for (const ServerLogin &l : *logins)
            if (l.login == login) {
                found = true;
                CHECK(l.role == QStringLiteral("unit"));
                CHECK(l.units == QStringList{QStringLiteral("市医保局党组"), kUnit});
            }
        CHECK(found);
        CHECK(Database::open(s.as(QStringLiteral("new"))).ok());
        // A unit that does not exist: refused in words, nothing added.
        page->loginEdit()->setText(login + QStringLiteral("2"));
        page->unitsEdit()->setText(QStringLiteral("不存在的单位"));
        CHECK_FALSE(page->addLogin());
        CHECK(page->message().contains(QStringLiteral("不存在的单位")));
        // Removing it.
        for (int r = 0; r < page->table()->rowCount(); ++r)
            if (page->table()->item(r, 0)->text() == login)
                page->table()->setCurrentCell(r, 0);
        REQUIRE(page->removeSelected(false));
        CHECK_FALSE(Database::open(s.as(QStringLiteral("new"))).ok());
    }
}

TEST_CASE("server app: a dropped connection keeps the typed text, which saves after the reconnect",
          "[.pgonly][server_app]")
{
    AppServer s;
    MainWindow w;
    REQUIRE(w.openRegister(s.as(QStringLiteral("office1")), true));
    w.liveUpdates()->setCheckMs(100);
    const qint64 id = w.problemModel()->idAt(1);
    ui::ProblemEditor *e = w.editing()->openProblem(id);
    REQUIRE(e);
    const QString typed = QStringLiteral("断线期间输入的备注，不能丢");
    e->findChild<QPlainTextEdit *>(QStringLiteral("note"))->setPlainText(typed);
    // The server ends the session (as on a restart or a dropped network).
    {
        ServerConnection admin(pgAdminUrl());
        admin.exec(
            QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '%1'")
                .arg(s.logins.value(QStringLiteral("office1"))));
    }
    waitFor([&] { return w.liveUpdates()->reconnecting(); }, 3000);
    CHECK(w.liveUpdates()->reconnecting());
    CHECK(w.liveUpdates()->banner()->isVisibleTo(&w));
    waitFor([&] { return !w.liveUpdates()->reconnecting(); }, 5000);
    REQUIRE_FALSE(w.liveUpdates()->reconnecting());
    CHECK_FALSE(w.liveUpdates()->banner()->isVisibleTo(&w));
    CHECK(w.liveUpdates()->listening());
    CHECK(e->findChild<QPlainTextEdit *>(QStringLiteral("note"))->toPlainText() == typed);
    e->close();
    CHECK(s.admin->scalar(QStringLiteral("SELECT note FROM problems WHERE id = ?"), {id}).toString() ==
          typed);
}
