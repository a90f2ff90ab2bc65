// rectrack_pg_client: one clerk of the concurrency test (tests/core/test_server_concurrency.cpp,
// issue #23), editing shared problems of a server register through the core services for a while.
//
//   rectrack_pg_client URL TAG SECONDS SEED THINK_MS PROBLEM_ID...
//
// Between two steps the clerk pauses THINK_MS on average (uniform from half to one and a half
// times it; 0: no pause, the server saturated).
// Each step picks one of the problems and does one of:
//   - a counter increment: reads the problem, writes note = note + 1 stating the version it read; a
//     stale save (someone saved since) is counted, the problem read again and the increment tried
//     again, so that every increment acknowledged is one the register must hold;
//   - a progress entry "TAG-n";
//   - a measure state (pending, in progress or completed) on one of its measures;
//   - the first review step (approved) on a completed problem.
// Only after a call returned success is its line printed ("inc PID", "progress PID TEXT",
// "measure MID STATE", "review PID"), with "ms X" (the call's time) after each, "stale" for each
// stale refusal and "fail MESSAGE" for any other failure. Ends with "done". Exit 0, or 4 when the
// register cannot be opened.

#include "storage/database.h"
#include "workflow/problemservice.h"
#include "workflow/supervisionservice.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTextStream>
#include <QThread>

#include <array>
#include <cstdio>

using namespace rectrack::core;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments().mid(1);
    if (args.size() < 6) {
        std::fprintf(stderr, "usage: rectrack_pg_client URL TAG SECONDS SEED THINK_MS PROBLEM_ID...\n");
        return 1;
    }
    auto opened = Database::open(args.at(0));
    if (!opened) {
        std::fprintf(stderr, "client: %s\n", qPrintable(opened.error().message));
        return 4;
    }
    Database &db = **opened;
    const QString tag = args.at(1);
    const qint64 seconds = args.at(2).toLongLong();
    QRandomGenerator random(args.at(3).toUInt());
    const int think = args.at(4).toInt();
    QList<qint64> problems;
    for (const QString &a : args.mid(5))
        problems << a.toLongLong();
    ProblemService service(db);
    SupervisionService supervision(db);
    QTextStream out(stdout);
    auto done = [&](const QString &line, const QElapsedTimer &t) {
        out << line << "\nms " << QString::number(double(t.nsecsElapsed()) / 1e6, 'f', 3) << '\n';
        out.flush();
    };
    QElapsedTimer clock;
    clock.start();
    int n = 0;
    while (clock.elapsed() < seconds * 1000) {
        if (think > 0)
            QThread::msleep(ulong(think / 2 + int(random.bounded(think + 1))));
        const qint64 pid = problems.at(int(random.bounded(qsizetype(problems.size()))));
        const int op = int(random.bounded(10));
        QElapsedTimer t;
        if (op < 4) {
            // The counter: read, add one, save stating the version read.
            for (int attempt = 0; attempt < 50; ++attempt) {
                auto p = service.problem(pid);
                if (!p)
                    break;
                p->note = QString::number(p->note.toLongLong() + 1);
                t.start();
                const Status s = service.updateProblem(*p);
                if (s) {
                    done(QStringLiteral("inc %1").arg(pid), t);
                    break;
                }
                if (!s.error().staleEdit) {
                    out << "fail " << s.error().message << '\n';
                    break;
                }
                out << "stale\n";
            }
        } else if (op < 7) {
            const QString text = QStringLiteral("%1-%2").arg(tag).arg(++n);
            t.start();
            if (auto r = service.addProgress(ProgressEntry{0, pid, 0, QDate(2021, 1, 15), text, {}}))
                done(QStringLiteral("progress %1 %2").arg(pid).arg(text), t);
            else
                out << "fail " << r.error().message << '\n';
        } else if (op < 9) {
            const QList<Measure> measures = service.measures(pid);
            if (measures.isEmpty())
                continue;
            const Measure m = measures.at(int(random.bounded(qsizetype(measures.size()))));
            const MeasureState state =
                std::array{MeasureState::Pending, MeasureState::InProgress, MeasureState::Completed}.at(
                    random.bounded(3));
            t.start();
            if (const Status s = service.setMeasureState(m.id, state, QDate(2021, 1, 15)))
                done(QStringLiteral("measure %1 %2").arg(m.id).arg(int(state)), t);
            else
                out << "fail " << s.error().message << '\n';
        } else {
            auto p = service.problem(pid);
            if (!p || p->state != ProblemState::Completed)
                continue;
            t.start();
            if (auto r = supervision.addReview(Review{0, pid, ReviewStep::UnitLeader, tag, QDate(2021, 1, 15),
                                                      true, QStringLiteral("同意")}))
                done(QStringLiteral("review %1").arg(pid), t);
            else
                out << "fail " << r.error().message << '\n';
        }
        out.flush();
    }
    out << "done\n";
    out.flush();
    return 0;
}
