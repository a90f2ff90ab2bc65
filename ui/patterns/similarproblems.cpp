#include "similarproblems.h"

#include "models/labels.h"
#include "patterns/patternservice.h"
#include "storage/rowreader.h"

namespace rectrack::ui {

namespace {

struct Cache
{
    QString path; ///< the register indexed
    const core::Database *db = nullptr;
    qint64 lastAudit = 0; ///< the newest audit entry reflected in the index
    core::patterns::SimilarityIndex index;
};

Cache &cache()
{
    static Cache c;
    return c;
}

} // namespace

void SimilarProblems::reset()
{
    cache() = Cache{};
}

const core::patterns::SimilarityIndex &SimilarProblems::index(core::Database &db)
{
    Cache &c = cache();
    if (c.db != &db || c.path != db.path()) {
        c = Cache{};
        c.db = &db;
        c.path = db.path();
        c.lastAudit = db.scalar(QStringLiteral("SELECT coalesce(max(id), 0) FROM audit_log")).toLongLong();
        if (auto texts = core::PatternService(db).problemTexts())
            for (const auto &[id, text] : *texts)
                c.index.add(id, text);
        return c.index;
    }
    // Problems written since the last look: re-read each one's text (or drop it when deleted).
    const qint64 newest =
        db.scalar(QStringLiteral("SELECT coalesce(max(id), 0) FROM audit_log")).toLongLong();
    if (newest == c.lastAudit)
        return c.index;
    QList<qint64> changed;
    {
        core::RowReader rows(
            db,
            QStringLiteral("SELECT DISTINCT entity_id FROM audit_log WHERE id > ? AND entity = "
                           "'problems'"),
            {c.lastAudit});
        (void)rows.forEach([&](const core::RowReader &) { changed << rows.integer(0); });
    }
    for (const qint64 id : std::as_const(changed)) {
        const QVariant text = db.scalar(
            QStringLiteral("SELECT description FROM problems WHERE id = ? AND deleted_at IS NULL"), {id});
        if (text.isValid())
            c.index.add(id, text.toString());
        else
            c.index.remove(id);
    }
    c.lastAudit = newest;
    return c.index;
}

QString SimilarProblems::html(core::Database &db, qint64 problemId)
{
    int count = 0;
    auto similar = core::PatternService(db).similarProblems(index(db), problemId, kShown, &count);
    if (!similar)
        count = 0;
    QString h = QStringLiteral("<h4>%1 (%2)</h4>").arg(tr("Similar problems")).arg(count);
    if (!similar || similar->isEmpty())
        return h + QStringLiteral("<p style=\"color:#777\">%1</p>")
                       .arg(tr("No similar problem in the register."));
    h += QStringLiteral("<ul>");
    core::PatternService service(db);
    for (const core::SimilarProblem &s : *similar) {
        const QString pattern =
            s.patternId ? service.pattern(s.patternId).value_or(core::Pattern{}).name : QString();
        h += QStringLiteral("<li>%1 %2<br><span style=\"color:#555\">%3 · %4 · %5 · %6%7</span></li>")
                 .arg(s.problem.registrationNo.toHtmlEscaped(), s.problem.text.toHtmlEscaped(),
                      s.possible ? tr("possible, %1").arg(s.similarity, 0, 'f', 2)
                                 : tr("same pattern, %1").arg(s.similarity, 0, 'f', 2),
                      s.problem.unit.toHtmlEscaped(), s.problem.round.toHtmlEscaped(),
                      Labels::state(s.problem.state),
                      pattern.isEmpty()
                          ? QString()
                          : QStringLiteral(" · ") + tr("pattern: %1").arg(pattern.toHtmlEscaped()));
    }
    h += QStringLiteral("</ul>");
    if (count > similar->size())
        h += QStringLiteral("<p style=\"color:#777\">%1</p>")
                 .arg(tr("… and %n more.", nullptr, int(count - similar->size())));
    return h;
}

} // namespace rectrack::ui
