// rectrack_reliability_writer: a small program that edits a register through the core services
// in a loop, for the kill harness and the concurrency test (tests/reliability/).
//
//   rectrack_reliability_writer DB TAG [--seconds S] [--seed N]
//
// Each iteration is one transaction (an outer Transaction around one or more service calls,
// which become savepoints) that writes the marker "[TAG#n]" into at least one audited row, so
// that the audit log holds it after the commit. Only after COMMIT returned does the writer print
//
//   commit TAG n
//
// and flush stdout. A line printed is therefore a promise: the transaction is in the file. The
// harness kills the writer at random moments and checks that every printed marker is present and
// that at most the one transaction in flight (n = last printed + 1) is present without a line.
//
// Exit codes: 0 after --seconds (0 = run until killed, at most ten minutes), 2 when a service call
// fails (the message goes to stderr), 4 when the register cannot be opened.

#include "storage/database.h"
#include "workflow/organizationservice.h"
#include "workflow/problemservice.h"
#include "workflow/supervisionservice.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <cstdio>

using namespace rectrack::core;

namespace {

int failWith(const Error &e, int code)
{
    std::fprintf(stderr, "writer: %s\n", qPrintable(e.message));
    return code;
}

QList<qint64> ids(Database &db, const QString &sql)
{
    QList<qint64> out;
    auto r = db.exec(sql);
    while (r && r->next())
        out << r->value(0).toLongLong();
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: rectrack_reliability_writer DB TAG [--seconds S] [--seed N]\n");
        return 1;
    }
    const QString path = args.at(0);
    const QString tag = args.at(1);
    int seconds = 0;
    quint32 seed = QRandomGenerator::global()->generate();
    for (int i = 2; i + 1 < args.size(); i += 2) {
        if (args.at(i) == QLatin1String("--seconds"))
            seconds = args.at(i + 1).toInt();
        else if (args.at(i) == QLatin1String("--seed"))
            seed = args.at(i + 1).toUInt();
    }
    QRandomGenerator rng(seed);

    auto opened = Database::open(path, Database::OpenMode::Existing);
    if (!opened)
        return failWith(opened.error(), 4);
    Database &db = **opened;
    db.setActor(tag);
    std::printf("ready %s\n", qPrintable(tag));
    std::fflush(stdout);

    OrganizationService org(db);
    ProblemService problems(db);
    SupervisionService supervision(db);
    auto unit = org.ensureUnit(QStringLiteral("可靠性测试单位 %1").arg(tag));
    if (!unit)
        return failWith(unit.error(), 2);
    QList<qint64> problemIds = ids(db, QStringLiteral("SELECT id FROM problems ORDER BY id"));

    QElapsedTimer clock;
    clock.start();
    const qint64 limitMs = (seconds > 0 ? seconds : 600) * 1000LL;
    for (qint64 n = 1; clock.elapsed() < limitMs; ++n) {
        const QString mark = QStringLiteral("[%1#%2]").arg(tag).arg(n);
        const QDate day = QDate(2021, 1, 1).addDays(int(n % 300));
        int op = int(n % 5);
        if (problemIds.isEmpty())
            op = 0;
        const qint64 target = problemIds.isEmpty() ? 0 : problemIds.at(rng.bounded(int(problemIds.size())));
        qint64 newProblem = 0;

        Transaction tx(db);
        if (!tx.active())
            return failWith(tx.error(), 2);
        Status s = okStatus();
        switch (op) {
        case 0: { // a new problem with two measures
            Problem p;
            p.unitId = *unit;
            p.registrationNo = mark;
            p.description = QStringLiteral("问题 %1：制度执行不严，台账记录不全").arg(mark);
            p.feedbackDate = QDate(2021, 1, 1); // every later date of the loop is after it
            p.deadline = QDate(2021, 6, 30);
            Measure m1;
            m1.content = QStringLiteral("措施一 %1").arg(mark);
            Measure m2;
            m2.content = QStringLiteral("措施二 %1").arg(mark);
            m2.seq = 2;
            auto r = problems.registerProblem(p, {m1, m2});
            s = r ? okStatus() : Status(r.error());
            if (r)
                newProblem = *r;
            break;
        }
        case 1: { // a progress entry
            ProgressEntry e;
            e.problemId = target;
            e.date = day;
            e.text = QStringLiteral("进展 %1：已召开专题会议").arg(mark);
            e.author = tag;
            auto r = problems.addProgress(e);
            s = r ? okStatus() : Status(r.error());
            break;
        }
        case 2: { // an evidence file of 1–40 KB (overflow pages)
            QByteArray data(1024 * (1 + int(rng.bounded(40))), Qt::Uninitialized);
            for (char &c : data)
                c = char(rng.bounded(256));
            auto r = problems.addEvidence(target, 0, mark + QStringLiteral(".pdf"), data,
                                          QStringLiteral("application/pdf"));
            s = r ? okStatus() : Status(r.error());
            break;
        }
        case 3: { // several services in one transaction: an action, an extension request, an edit
            SupervisionAction a;
            a.problemId = target;
            a.kind = SupervisionKind::Urge;
            a.date = day;
            a.note = mark;
            auto r1 = supervision.addAction(a);
            auto r2 = supervision.requestExtension(target, day.addMonths(6), mark, day);
            std::optional<Problem> p = problems.problem(target);
            if (!r1)
                s = r1.error();
            else if (!r2)
                s = r2.error();
            else if (p) {
                p->note = QStringLiteral("备注 %1").arg(mark);
                s = problems.updateProblem(*p);
            }
            break;
        }
        default: { // a deletion and an insertion
            const QList<qint64> measures = ids(
                db, QStringLiteral("SELECT id FROM measures WHERE problem_id = %1 ORDER BY id").arg(target));
            if (measures.size() > 1)
                s = problems.removeMeasure(measures.first());
            if (s) {
                Measure m;
                m.problemId = target;
                m.seq = int(n % 1000);
                m.content = QStringLiteral("补充措施 %1").arg(mark);
                auto r = problems.addMeasure(m);
                s = r ? okStatus() : Status(r.error());
            }
            break;
        }
        }
        if (!s)
            return failWith(s.error(), 2);
        if (const Status c = tx.commit(); !c)
            return failWith(c.error(), 2);
        if (newProblem)
            problemIds << newProblem;
        std::printf("commit %s %lld\n", qPrintable(tag), static_cast<long long>(n));
        std::fflush(stdout);
    }
    return 0;
}
