#include "detailpane.h"

#include "models/filesize.h"

#include "models/labels.h"
#include "patterns/similarproblems.h"
#include "storage/ledgerquery.h"
#include "workflow/problemservice.h"
#include "workflow/supervisionservice.h"

namespace rectrack::ui {

namespace {
QString esc(const QString &s)
{
    return s.toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>"));
}

} // namespace

DetailPane::DetailPane(QWidget *parent) : QTextBrowser(parent)
{
    setOpenLinks(false);
    setReadOnly(true);
    showNothing();
}

void DetailPane::showNothing()
{
    setHtml(QStringLiteral("<p style=\"color:#777\">%1</p>")
                .arg(tr("Select a row to see the problem in detail.")));
}

void DetailPane::showProblem(core::Database &db, qint64 problemId, qint64 measureId,
                             const core::LedgerContext &context)
{
    core::ProblemService problems(db);
    core::SupervisionService supervision(db);
    const std::optional<core::Problem> p = problems.problem(problemId);
    auto rows = core::LedgerQuery(db).problemRows({problemId}, context);
    if (!p || !rows || rows->isEmpty()) {
        showNothing();
        return;
    }
    const core::ProblemRow &row = rows->first();
    // What is dated after a historical as-of date is left out (the problem as it stood then).
    const bool past = context.historical && context.asOf.isValid();
    auto by = [&](const QDate &d) { return !past || !d.isValid() || d <= context.asOf; };
    auto dated = [&](const QDate &d) { return past && d.isValid() && d > context.asOf ? QDate() : d; };
    QString h;
    if (past)
        h += QStringLiteral("<p style=\"color:#174ea6\">%1</p>")
                 .arg(tr("As it stood on %1").arg(Labels::date(context.asOf)).toHtmlEscaped());
    // The state line names the day the state was reached for a done problem (已完成待销号 · 2020-09-20).
    QString stateLine = Labels::state(row.state);
    if (row.state == core::ProblemState::ClosedOut && dated(p->closedOutDate).isValid())
        stateLine = tr("%1 · closed out %2").arg(stateLine, Labels::date(p->closedOutDate));
    else if (core::isDone(row.state) && dated(p->completedDate).isValid())
        stateLine = tr("%1 · completed %2").arg(stateLine, Labels::date(p->completedDate));
    h += QStringLiteral("<h3>%1 %2</h3>").arg(esc(p->registrationNo), esc(stateLine));
    h += QStringLiteral("<p>%1</p>").arg(esc(p->description));
    auto fact = [&h](const QString &label, const QString &value) {
        if (!value.isEmpty())
            h += QStringLiteral("<tr><td style=\"color:#555\">%1</td><td>%2</td></tr>")
                     .arg(label.toHtmlEscaped(), esc(value));
    };
    h += QStringLiteral("<table cellspacing=\"2\">");
    fact(tr("Inspected unit"), row.unit);
    fact(tr("Round"), row.round);
    fact(tr("Source"), Labels::source(p->source));
    fact(tr("Category"), row.category);
    fact(tr("Responsible office"), p->responsibleOffice);
    fact(tr("Lead leader"), p->leadLeader);
    fact(tr("Responsible person"), p->responsiblePerson);
    fact(tr("Feedback date"), Labels::date(p->feedbackDate));
    QString deadline = row.deadline.isValid() ? Labels::date(row.deadline) : p->deadlineNote;
    if (p->originalDeadline.isValid() && p->originalDeadline != row.deadline)
        deadline += tr(" (originally %1)").arg(Labels::date(p->originalDeadline));
    fact(tr("Deadline"), deadline);
    fact(tr("Completed on"), Labels::date(dated(p->completedDate)));
    fact(tr("Closed out on"), Labels::date(dated(p->closedOutDate)));
    fact(tr("Example"), p->example);
    fact(tr("Root cause"), p->rootCause);
    fact(tr("Note"), p->note);
    h += QStringLiteral("</table>");

    const QList<core::Measure> measures = problems.measures(problemId);
    h += QStringLiteral("<h4>%1 (%2)</h4>").arg(tr("Measures")).arg(measures.size());
    if (!measures.isEmpty()) {
        h += QStringLiteral("<ol>");
        for (const core::Measure &m : measures) {
            const QString style =
                m.id == measureId ? QStringLiteral(" style=\"background:#fff3c4\"") : QString();
            const QString when = m.deadline.isValid() ? Labels::date(m.deadline) : m.deadlineNote;
            // Completed after the as-of date: in progress on that day (LedgerQuery::measuresAsOf).
            const core::MeasureState state = m.state == core::MeasureState::Completed && !by(m.completedDate)
                                                 ? core::MeasureState::InProgress
                                                 : m.state;
            h += QStringLiteral("<li%1>%2<br><span style=\"color:#555\">%3 · %4 · %5 · %6</span></li>")
                     .arg(style, esc(m.content), esc(Labels::measureType(m.type)), esc(m.owner), esc(when),
                          esc(Labels::measureState(state)));
        }
        h += QStringLiteral("</ol>");
    }

    QList<core::ProgressEntry> progress = problems.progress(problemId);
    progress.removeIf([&](const core::ProgressEntry &e) { return !by(e.date); });
    h += QStringLiteral("<h4>%1 (%2)</h4>").arg(tr("Progress")).arg(progress.size());
    for (const core::ProgressEntry &e : progress)
        h += QStringLiteral("<p><b>%1</b> %2 <span style=\"color:#555\">%3</span></p>")
                 .arg(Labels::date(e.date), esc(e.text), esc(e.author));
    if (progress.isEmpty() && !row.progress.isEmpty())
        h += QStringLiteral("<p>%1</p>").arg(esc(row.progress));

    QList<core::Evidence> evidence = problems.evidence(problemId);
    evidence.removeIf([&](const core::Evidence &e) { return !by(e.addedOn); });
    h += QStringLiteral("<h4>%1 (%2)</h4>").arg(tr("Evidence")).arg(evidence.size());
    if (!evidence.isEmpty()) {
        h += QStringLiteral("<ul>");
        for (const core::Evidence &e : evidence)
            h += QStringLiteral("<li>%1 <span style=\"color:#555\">%2 · %3</span></li>")
                     .arg(esc(e.originalName), fileSizeText(e.size), Labels::date(e.addedOn));
        h += QStringLiteral("</ul>");
    }

    QList<core::ExtensionRequest> extensions = supervision.extensions(problemId);
    extensions.removeIf([&](const core::ExtensionRequest &e) { return !by(e.requestedOn); });
    if (!extensions.isEmpty()) {
        h += QStringLiteral("<h4>%1</h4><ul>").arg(tr("Deadline extensions"));
        for (const core::ExtensionRequest &e : extensions)
            h += QStringLiteral("<li>%1 → %2 (%3) %4</li>")
                     .arg(Labels::date(e.requestedOn), Labels::date(e.requestedDeadline),
                          e.decision == QLatin1String("approved")   ? tr("approved")
                          : e.decision == QLatin1String("rejected") ? tr("rejected")
                                                                    : tr("pending"),
                          esc(e.reason));
        h += QStringLiteral("</ul>");
    }

    QList<core::Review> reviews = supervision.reviews(problemId);
    reviews.removeIf([&](const core::Review &r) { return !by(r.date); });
    h += QStringLiteral("<h4>%1 (%2)</h4>").arg(tr("Reviews")).arg(reviews.size());
    for (const core::Review &r : reviews)
        h += QStringLiteral("<p><b>%1</b> %2 %3 · %4<br>%5</p>")
                 .arg(Labels::date(r.date), esc(Labels::reviewStep(r.step)), esc(r.reviewer),
                      r.approved ? tr("approved") : tr("rejected"), esc(r.opinion));
    h += SimilarProblems::html(db, problemId);
    setHtml(h);
}

} // namespace rectrack::ui
