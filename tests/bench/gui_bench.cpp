// rectrack-gui-bench: opens a register in the real main window (run it under Xvfb or with
// QT_QPA_PLATFORM=offscreen) and times what a user does first: open and paint, scroll, sort,
// filter, search, the dashboard. Each step ends when the event queue is empty and the window has
// been painted again (grab()), so the times include models, views and painting.
//
//   xvfb-run -s "-screen 0 1440x900x24" build/tests/bench/rectrack-gui-bench FILE|URL
//       [--shots DIR] [--no-backup] [--lang zh_CN]
//
// On a server register (a postgresql:// URL) the last step is another client's change: see there.
// The README's live-update picture is its --shots picture on the demo register on a server:
//   rectrack-cli demo URL && rectrack-gui-bench URL --lang zh_CN --shots DIR

#include "dialogs/historydialog.h"
#include "i18n.h"
#include "models/measureledgermodel.h"
#include "models/problemledgermodel.h"
#include "safety/safetycontroller.h"
#include "views/dashboardview.h"
#include "views/filterbar.h"
#include "views/ledgerview.h"
#include "views/liveupdates.h"
#include "views/mainwindow.h"
#include "workflow/problemservice.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextStream>
#include <QThread>
#include <QTime>
#include <QTimer>

#include <sys/resource.h>

using namespace rectrack;

namespace {

double cpuMs()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
}

/// CPU time of the calling (GUI) thread only: the backup on open runs on a worker thread.
double threadCpuMs()
{
    rusage u{};
    getrusage(RUSAGE_THREAD, &u);
    return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
}

long peakRssMb()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // keep the user's settings out
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        QTextStream(stderr)
            << "usage: rectrack-gui-bench FILE|URL [--shots DIR] [--no-backup] [--lang zh_CN]\n";
        return 2;
    }
    // The register is the first argument that is not an option (or an option's value).
    QString path;
    for (int i = 1; i < args.size() && path.isEmpty(); ++i) {
        if (args[i] == QLatin1String("--shots") || args[i] == QLatin1String("--lang"))
            ++i;
        else if (!args[i].startsWith(QLatin1String("--")))
            path = args[i];
    }
    if (path.isEmpty()) {
        QTextStream(stderr)
            << "usage: rectrack-gui-bench FILE|URL [--shots DIR] [--no-backup] [--lang zh_CN]\n";
        return 2;
    }
    // --lang zh_CN: the window in Chinese, as the app shows it (for --shots); English by default.
    installTranslations(languageFromArguments(args, QStringLiteral("en")));
    const int shotsAt = int(args.indexOf(QStringLiteral("--shots")));
    const QString shots = shotsAt > 0 && shotsAt + 1 < args.size() ? args[shotsAt + 1] : QString();
    // --no-backup: no backup on open. The first backup copies the whole register (1.2 GB at
    // 100,000 problems) on a worker thread for about 10 s, which slows the window's own thread
    // two- to threefold on this 2-core machine; without it the steps measure the window alone.
    if (args.contains(QStringLiteral("--no-backup")))
        ui::SafetyController::setBackupSettings(0, ui::SafetyController::keep());
    QTextStream out(stdout);
    out << "| step | wall ms | CPU ms (process) | CPU ms (GUI thread) |\n|---|---:|---:|---:|\n";

    ui::MainWindow window;
    auto settle = [&](const QString &name) {
        for (int i = 0; i < 3; ++i)
            QApplication::processEvents();
        const QPixmap shot = window.grab();
        if (!shots.isEmpty())
            shot.save(QDir(shots).filePath(name + QStringLiteral(".png")));
    };
    auto step = [&](const QString &name, const std::function<void()> &fn) {
        QElapsedTimer t;
        const double cpu = cpuMs();
        const double thread = threadCpuMs();
        t.start();
        fn();
        settle(name);
        out << "| " << name << " | " << t.elapsed() << " | " << qRound(cpuMs() - cpu) << " | "
            << qRound(threadCpuMs() - thread) << " |\n";
        out.flush();
    };

    bool opened = false;
    step(QStringLiteral("open register, show first ledger page"), [&] {
        window.resize(1440, 900);
        window.show();
        opened = window.openRegister(path, true);
    });
    if (!opened) {
        QTextStream(stderr) << "cannot open " << path << '\n';
        return 1;
    }
    ui::LedgerView *view = window.problemView();
    QScrollBar *bar = view->verticalScrollBar();
    const int rows = window.problemModel()->rowCount();
    out << "| (rows in the problem ledger: " << rows << ") | | | |\n";
    step(QStringLiteral("scroll to the end"), [&] { bar->setValue(bar->maximum()); });
    step(QStringLiteral("scroll to the middle"), [&] { bar->setValue(bar->maximum() / 2); });
    step(QStringLiteral("20 page-downs from the top"), [&] {
        bar->setValue(0);
        for (int i = 0; i < 20; ++i) {
            bar->triggerAction(QAbstractSlider::SliderPageStepAdd);
            QApplication::processEvents();
            view->viewport()->repaint();
        }
    });
    step(QStringLiteral("sort by deadline"),
         [&] { view->sortByColumn(ui::ProblemLedgerModel::Deadline, Qt::AscendingOrder); });
    step(QStringLiteral("sort by unit"),
         [&] { view->sortByColumn(ui::ProblemLedgerModel::Unit, Qt::AscendingOrder); });
    step(QStringLiteral("sort by deadline, descending"),
         [&] { view->sortByColumn(ui::ProblemLedgerModel::Deadline, Qt::DescendingOrder); });
    step(QStringLiteral("filter: one unit, in progress"), [&] {
        core::LedgerFilter f = window.filterBar()->filter();
        f.unitId = 7;
        f.states = {core::ProblemState::InProgress};
        window.showProblems(f, QStringLiteral("bench"));
    });
    out << "| (rows after the filter: " << window.problemModel()->rowCount() << ") | | | |\n";
    step(QStringLiteral("clear the filter"), [&] {
        window.filterBar()->setFilter({});
        Q_EMIT window.filterBar()->filterChanged();
    });
    for (const QString &text : {QStringLiteral("电梯加装"), QStringLiteral("电梯")}) {
        // Typed into the search field: the bar waits 300 ms for typing to pause, which is not
        // counted; the step is what happens when that timer fires (filterChanged).
        {
            const QSignalBlocker quiet(window.filterBar()->searchField());
            window.filterBar()->searchField()->setText(text);
        }
        step(QStringLiteral("search \"%1\" (after the typing pause)").arg(text),
             [&] { Q_EMIT window.filterBar()->filterChanged(); });
        out << "| (rows found: " << window.problemModel()->rowCount() << ") | | | |\n";
    }
    step(QStringLiteral("dashboard tab"),
         [&] { window.tabs()->setCurrentIndex(ui::MainWindow::DashboardTab); });
    // The dashboard's figures are built on a worker thread while its tab is shown; wait for them
    // (process CPU = the worker's) so that they do not run alongside the steps below.
    step(QStringLiteral("dashboard figures built in the background"), [&] {
        while (window.dashboard()->isBusy()) {
            QApplication::processEvents(QEventLoop::AllEvents, 50);
            QThread::msleep(5);
        }
    });
    step(QStringLiteral("back to the problem ledger"),
         [&] { window.tabs()->setCurrentIndex(ui::MainWindow::ProblemTab); });
    // The measure ledger follows filter changes when its tab is shown: here the last search.
    step(QStringLiteral("rectification ledger tab (applies the search)"),
         [&] { window.tabs()->setCurrentIndex(ui::MainWindow::MeasureTab); });
    out << "| (rows in the rectification ledger: " << window.measureModel()->rowCount() << ") | | | |\n";
    step(QStringLiteral("clear the filter on the rectification ledger"), [&] {
        window.filterBar()->setFilter({});
        Q_EMIT window.filterBar()->filterChanged();
    });
    // Round 3: the rectification ledger filtered and sorted while shown, then a problem's history.
    step(QStringLiteral("rectification ledger: filter one unit"), [&] {
        core::LedgerFilter f = window.filterBar()->filter();
        f.unitId = 7;
        window.filterBar()->setFilter(f);
        Q_EMIT window.filterBar()->filterChanged();
    });
    out << "| (rows: " << window.measureModel()->rowCount() << ") | | | |\n";
    step(QStringLiteral("rectification ledger: clear the filter again"), [&] {
        window.filterBar()->setFilter({});
        Q_EMIT window.filterBar()->filterChanged();
    });
    step(QStringLiteral("rectification ledger: sort by deadline"),
         [&] { window.measureView()->sortByColumn(ui::MeasureLedgerModel::Deadline, Qt::AscendingOrder); });
    step(QStringLiteral("rectification ledger: sort by state, descending"),
         [&] { window.measureView()->sortByColumn(ui::MeasureLedgerModel::State, Qt::DescendingOrder); });
    step(QStringLiteral("rectification ledger: scroll to the middle"), [&] {
        QScrollBar *mbar = window.measureView()->verticalScrollBar();
        mbar->setValue(mbar->maximum() / 2);
    });
    step(QStringLiteral("problem ledger tab"),
         [&] { window.tabs()->setCurrentIndex(ui::MainWindow::ProblemTab); });
    step(QStringLiteral("select a problem in the middle (detail pane)"), [&] {
        const QModelIndex at = window.problemModel()->index(rows / 2, 0);
        view->scrollTo(at);
        view->setCurrentIndex(at);
    });
    const qint64 problemId = window.problemModel()->idAt(rows / 2);
    int historyLines = 0;
    step(QStringLiteral("history dialog of problem %1 (open and paint)").arg(problemId), [&] {
        ui::HistoryDialog dialog(*window.database(), problemId, &window);
        dialog.show();
        QApplication::processEvents();
        dialog.grab();
        historyLines = dialog.table()->rowCount();
    });
    out << "| (history lines: " << historyLines << ") | | | |\n";

    // Another client's change (issue #24): a second connection to the same register (another
    // clerk's Rectrack) edits the description of the problem selected above; the step ends when
    // this window's ledger shows the new text (live update: notification, gathering pause,
    // re-reading the page and the detail pane). Its --shots picture is the README's live update.
    // A register file has no live updates (one desk), so the step is timed on a server only.
    if (window.liveUpdates()->listening()) {
        const qint64 changedId = problemId;
        auto other = core::Database::open(path, core::Database::OpenMode::Existing);
        if (!other) {
            QTextStream(stderr) << "cannot open a second connection: " << other.error().message << '\n';
            return 1;
        }
        core::ProblemService otherClerk(**other);
        std::optional<core::Problem> p = otherClerk.problem(changedId);
        if (!p) {
            QTextStream(stderr) << "problem " << changedId << " not found\n";
            return 1;
        }
        // The other clerk's addition, with the time so that every run changes the text.
        const QString mark = QStringLiteral("（另一位办事员");
        p->description = p->description.left(p->description.indexOf(mark) >= 0 ? p->description.indexOf(mark)
                                                                               : p->description.size()) +
                         mark +
                         QStringLiteral(" %1 补充：已约谈相关责任人）")
                             .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")));
        const QString text = p->description;
        // Its row, found once: rowOf() asks the register for the row of an id in the current
        // order (a query over the whole ledger), which the polling below must not repeat.
        const int changedRow = window.problemModel()->rowOf(changedId);
        auto shown = [&] {
            return window.problemModel()->idAt(changedRow) == changedId &&
                   window.problemModel()
                           ->index(changedRow, ui::ProblemLedgerModel::Description)
                           .data(Qt::DisplayRole)
                           .toString() == text;
        };
        bool saved = false;
        qint64 commitMs = 0;
        qint64 signalledMs = -1; // when LiveUpdates::changed() came, after its gathering pause
        QElapsedTimer commit;
        QObject::connect(window.liveUpdates(), &ui::LiveUpdates::changed, &window, [&] {
            if (signalledMs < 0 && commit.isValid())
                signalledMs = commit.elapsed();
        });
        // Two seconds of quiet first: nothing of the steps above may still be under way.
        QElapsedTimer quiet;
        quiet.start();
        while (quiet.elapsed() < 2000)
            QApplication::processEvents(QEventLoop::AllEvents, 50);
        step(QStringLiteral("another client's change shown (commit to repaint)"), [&] {
            commit.start();
            saved = bool(otherClerk.updateProblem(*p));
            commitMs = commit.elapsed();
            QElapsedTimer limit;
            limit.start();
            while (saved && !shown() && limit.elapsed() < 10000) {
                QApplication::processEvents(QEventLoop::AllEvents, 5);
                QThread::msleep(1);
            }
        });
        out << "| (the other client's save took " << commitMs << " ms of it, the window was told at "
            << signalledMs << " ms; shown: " << (shown() ? "yes" : "no")
            << (saved ? "" : "; the save was refused") << ") | | | |\n";
    } else {
        out << "| another client's change shown | n/a (a register file has no live updates) | | |\n";
    }
    out << "\npeak resident memory: " << peakRssMb() << " MB\n";
    return 0;
}
