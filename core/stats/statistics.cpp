#include "statistics.h"

#include "exchange/unitduplicates.h"
#include "workflow/workflow.h"

#include <QCollator>
#include <QHash>
#include <QLocale>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace rectrack::core {

namespace {

// Problems as they stood on date @D (substituted as an ISO date literal made from a QDate, so
// never user text): state, deadline and existence on that date. The deadline expression @DL is
// the original deadline unless the register has approved extensions (see deadlineExpr). Measures
// are counted in one grouped pass; soft-deleted problems are left out; "p.feedback_date || ''" (no index can
// answer it: SQLite's unary + is not PostgreSQL's) keeps the scan in rowid order, which makes the per-problem
// history lookups sequential instead of random.
const char *const kProblemsAsOf =
    "SELECT p.id, p.unit_id, p.inspection_id, p.category_id, p.responsible_office, p.lead_leader, "
    "p.source_level, p.registration_no, p.description, p.responsible_person, "
    "@ST AS st, @DL AS dl, coalesce(mm.mc, 0) AS "
    "mc "
    "FROM problems p LEFT JOIN (SELECT problem_id, count(*) AS mc FROM measures GROUP BY problem_id) mm "
    "ON mm.problem_id = p.id WHERE p.feedback_date || '' <= '@D' AND p.deleted_at IS NULL";

// The same (soft-deleted problems left out), reduced to what the counts need (no texts), with the filter @F
// applied to p before the per-problem history lookups, so a filtered figure only looks up the problems it
// counts. The measures are counted per problem through the measures_problem index: at 100,000 problems half
// the time of joining the grouped count (0.11 s against 0.23 s CPU in the sqlite3 shell).
const char *const kCountsAsOf =
    "SELECT p.unit_id, p.inspection_id, p.category_id, p.responsible_office, p.lead_leader, p.source_level, "
    "@ST AS st, @DL AS dl, (SELECT count(*) FROM "
    "measures m WHERE m.problem_id = p.id) AS mc FROM problems p WHERE p.feedback_date || '' <= '@D' AND "
    "p.deleted_at IS NULL @F";

// A problem's state on @D: its last history entry by (changed_on, id) up to @D, read from the
// covering index problem_states_asof; 'registered' without history.
const char *const kStateFromHistory =
    "COALESCE((SELECT s.state FROM problem_states s WHERE s.problem_id = p.id "
    "AND s.changed_on <= '@D' ORDER BY s.changed_on DESC, s.id DESC LIMIT 1), "
    "'registered')";

bool g_forceHistory = false;

// On the problem_facts row p (schema step 4): the state on @D is the latest one unless it changed
// after @D (rare for a past date: 6% of the problems on 2021-06-30 in the generated register), then
// the history lookup of kStateFromHistory.
const char *const kFactsState =
    "CASE WHEN p.state_changed_on IS NULL OR p.state_changed_on <= '@D' THEN p.state ELSE COALESCE((SELECT "
    "s.state FROM problem_states s WHERE s.problem_id = p.problem_id AND s.changed_on <= '@D' ORDER BY "
    "s.changed_on DESC, s.id DESC LIMIT 1), 'registered') END";

// The deadline on @D: the current one unless the extension that set it was approved after @D, then
// the lookup of kDeadlineWithExtensions.
const char *const kFactsDeadline =
    "CASE WHEN p.deadline_decided_on IS NULL OR p.deadline_decided_on <= '@D' THEN p.deadline ELSE "
    "COALESCE((SELECT e.requested_deadline FROM extension_requests e WHERE e.problem_id = p.problem_id AND "
    "e.measure_id IS NULL AND e.decision = 'approved' AND e.decided_on <= '@D' ORDER BY e.decided_on DESC, "
    "e.id DESC LIMIT 1), (SELECT o.original_deadline FROM problems o WHERE o.id = p.problem_id)) END";

// kCountsAsOf on problem_facts: the narrow rows (no texts, measures counted) of the problems that
// exist on @D, with the filter @F on p.
const char *const kFactsCountsAsOf =
    "SELECT p.unit_id, p.inspection_id, p.category_id, p.responsible_office, p.lead_leader, p.source_level, "
    "#ST AS st, #DL AS dl, p.measures AS mc FROM problem_facts p WHERE p.feedback_date <= '@D' @F";

QString withFacts(QString sql, const QDate &asOf)
{
    sql.replace(QStringLiteral("#ST"), QString::fromLatin1(kFactsState));
    sql.replace(QStringLiteral("#DL"), QString::fromLatin1(kFactsDeadline));
    return sql.replace(QStringLiteral("@D"), asOf.toString(Qt::ISODate));
}

/// The problem_tally dim (and problem_facts column) a grouping reads (see schema step 4).
std::pair<QString, QString> tallyDim(GroupBy by)
{
    switch (by) {
    case GroupBy::Round:
    case GroupBy::Kind:
        return {QStringLiteral("inspection"), QStringLiteral("inspection_id")};
    case GroupBy::Unit:
        return {QStringLiteral("unit"), QStringLiteral("unit_id")};
    case GroupBy::Office:
        return {QStringLiteral("office"), QStringLiteral("responsible_office")};
    case GroupBy::Category:
        return {QStringLiteral("category"), QStringLiteral("category_id")};
    case GroupBy::Leader:
        return {QStringLiteral("leader"), QStringLiteral("lead_leader")};
    case GroupBy::None:
    case GroupBy::Source:
    case GroupBy::Site:
        break;
    }
    return {QStringLiteral("source"), QStringLiteral("source_level")};
}

const char *const kDeadlineWithExtensions = "COALESCE((SELECT e.requested_deadline FROM extension_requests e "
                                            "WHERE e.problem_id = p.id AND e.measure_id "
                                            "IS NULL AND e.decision = 'approved' AND e.decided_on <= '@D' "
                                            "ORDER BY e.decided_on DESC, e.id DESC LIMIT 1), "
                                            "p.original_deadline)";

QString filterSql(Database &db, const StatsFilter &f, QVariantList &binds)
{
    QString where;
    if (!f.unit.isEmpty()) {
        where += QStringLiteral(" AND u.id IN (%1)").arg(exchange::UnitDuplicates::unitsNamedSql(db));
        binds << f.unit;
    }
    if (!f.round.isEmpty()) {
        where += QStringLiteral(" AND r.label = ?");
        binds << f.round;
    }
    if (f.source) {
        where += QStringLiteral(" AND ps.source_level = ?");
        binds << Names::key(*f.source);
    }
    if (f.site)
        where += QStringLiteral(" AND ") + f.site->ownsProblemSql(QStringLiteral("ps.id"), binds);
    return where;
}

/// Statistics::problemFilterSql for problem_facts p: the unit and round through the problems' indexes
/// (problems_unit, problems_inspection), so a one-unit figure reads that unit's rows only.
QString factsFilterSql(Database &db, const StatsFilter &f, QVariantList &binds)
{
    QString where;
    if (!f.unit.isEmpty()) {
        where += QStringLiteral(" AND p.problem_id IN (SELECT id FROM problems WHERE unit_id IN (%1))")
                     .arg(exchange::UnitDuplicates::unitsNamedSql(db));
        binds << f.unit;
    }
    if (!f.round.isEmpty()) {
        where +=
            QStringLiteral(" AND p.problem_id IN (SELECT id FROM problems WHERE inspection_id IN (SELECT "
                           "i.id FROM inspections i JOIN rounds r ON r.id = i.round_id WHERE r.label = ?))");
        binds << f.round;
    }
    if (f.source) {
        where += QStringLiteral(" AND p.source_level = ?");
        binds << Names::key(*f.source);
    }
    if (f.site)
        where += QStringLiteral(" AND ") + f.site->ownsProblemSql(QStringLiteral("p.problem_id"), binds);
    return where;
}

/// The column of kCountsAsOf the counts are first grouped on, before the (few) named rows of
/// units, inspections, rounds or categories are joined: grouping 100,000 problems on an id and
/// joining a few thousand groups is much cheaper than joining every problem.
QString rawGroupExpr(GroupBy by)
{
    switch (by) {
    case GroupBy::None:
        return QStringLiteral("''");
    case GroupBy::Round:
    case GroupBy::Kind:
        return QStringLiteral("ps.inspection_id");
    case GroupBy::Unit:
        return QStringLiteral("ps.unit_id");
    case GroupBy::Office:
        return QStringLiteral("ps.responsible_office");
    case GroupBy::Source:
        return QStringLiteral("ps.source_level");
    case GroupBy::Category:
        return QStringLiteral("ps.category_id");
    case GroupBy::Leader:
        return QStringLiteral("ps.lead_leader");
    case GroupBy::Site:
        break; // compute() counts each site on its own (siteGroups)
    }
    return QStringLiteral("''");
}

/// The named key of a group of rawGroupExpr and the round's start date (the order of rounds):
/// the columns, and the joins they need, of the query over the groups g.
std::pair<QString, QString> namedGroupSql(Database &db, GroupBy by)
{
    switch (by) {
    case GroupBy::Round:
        return {
            QStringLiteral("r.label, min(r.start_date)"),
            QStringLiteral("LEFT JOIN inspections i ON i.id = g.k LEFT JOIN rounds r ON r.id = i.round_id")};
    case GroupBy::Kind:
        return {QStringLiteral("i.kind, NULL"), QStringLiteral("LEFT JOIN inspections i ON i.id = g.k")};
    case GroupBy::Unit:
        // By the name the unit is counted under: a partner's unit merged into one here counts as
        // that unit, one of an undecided or kept-apart pair apart (exchange::UnitDuplicates).
        return {QStringLiteral("u.name, NULL"), QStringLiteral("LEFT JOIN (%1) u ON u.id = g.k")
                                                    .arg(exchange::UnitDuplicates::groupNamesSql(db))};
    case GroupBy::Category:
        return {QStringLiteral("c.name, NULL"), QStringLiteral("LEFT JOIN categories c ON c.id = g.k")};
    case GroupBy::None:
    case GroupBy::Office:
    case GroupBy::Source:
    case GroupBy::Leader:
    case GroupBy::Site:
        break;
    }
    return {QStringLiteral("g.k, NULL"), QString()};
}

/// The history path's query for @D (setForceHistory): every state looked up in the history.
QString withDate(QString sql, const QDate &asOf)
{
    sql.replace(QStringLiteral("@ST"), QString::fromLatin1(kStateFromHistory));
    return sql.replace(QStringLiteral("@D"), asOf.toString(Qt::ISODate));
}

/// The deadline on @D: the last extension approved by then, else the original deadline. The
/// per-problem lookup is skipped when the register has no approved extension by that date.
QString withDeadline(QString sql, Database &db, const QDate &asOf)
{
    const bool extensions =
        db.scalar(QStringLiteral(
                      "SELECT EXISTS (SELECT 1 FROM extension_requests WHERE decision = 'approved' AND "
                      "decided_on <= ?)"),
                  {toIso(asOf)})
            .toBool();
    return sql.replace(QStringLiteral("@DL"), extensions ? QString::fromLatin1(kDeadlineWithExtensions)
                                                         : QStringLiteral("p.original_deadline"));
}

// MATERIALIZED: computed once per problem. Flattened into the outer query, each reference to
// ps.st or ps.dl would run its correlated subquery again (eight times per problem here).
QString withAsOf()
{
    return QStringLiteral("WITH ps AS MATERIALIZED (") + QString::fromLatin1(kProblemsAsOf) +
           QStringLiteral(") ");
}

QString fromAsOf()
{
    return QStringLiteral(
        "FROM ps LEFT JOIN units u ON u.id = ps.unit_id LEFT JOIN inspections i ON i.id = "
        "ps.inspection_id LEFT JOIN rounds r ON r.id = i.round_id LEFT JOIN categories c ON c.id = "
        "ps.category_id WHERE 1 = 1");
}

/// The term coverage uses on @p asOf (0 when none has begun), or the read error.
Result<qint64> termOn(Database &db, const QDate &asOf);
/// Statistics::coverage() with the read error (a damaged page: CannotOpen).
Result<Coverage> readCoverage(Database &db, const QDate &asOf);

} // namespace

QString Statistics::problemFilterSql(Database &db, const StatsFilter &f, QVariantList &binds)
{
    QString where;
    if (!f.unit.isEmpty()) {
        where += QStringLiteral(" AND p.unit_id IN (%1)").arg(exchange::UnitDuplicates::unitsNamedSql(db));
        binds << f.unit;
    }
    if (!f.round.isEmpty()) {
        where +=
            QStringLiteral(" AND p.inspection_id IN (SELECT i.id FROM inspections i JOIN rounds r ON r.id = "
                           "i.round_id WHERE r.label = ?)");
        binds << f.round;
    }
    if (f.source) {
        where += QStringLiteral(" AND p.source_level = ?");
        binds << Names::key(*f.source);
    }
    if (f.site)
        where += QStringLiteral(" AND ") + f.site->ownsSql(QStringLiteral("p.uuid"), binds);
    return where;
}

void Counts::add(const Counts &o)
{
    problems += o.problems;
    measures += o.measures;
    completed += o.completed;
    closedOut += o.closedOut;
    longTerm += o.longTerm;
    inProgress += o.inProgress;
    registered += o.registered;
    overdue += o.overdue;
}

Coverage Coverage::combine(const QList<CoverageGroup> &groups)
{
    Coverage c;
    c.byCategory = groups;
    for (const CoverageGroup &g : groups) {
        c.mustCover += g.mustCover;
        c.covered += g.covered;
    }
    return c;
}

Result<StatsResult> Statistics::compute(Database &db, const QDate &asOf, GroupBy by,
                                        const StatsFilter &filter)
{
    if (by == GroupBy::Site) {
        // One group per owning site (this register's own office first, then the partners by
        // name), each counted under its site scope; the total and coverage as without grouping.
        auto result = compute(db, asOf, GroupBy::None, filter);
        if (!result)
            return result;
        auto sites = exchange::SiteScopes::owning(db);
        if (!sites)
            return sites.error();
        for (const exchange::SiteScope &site : std::as_const(*sites)) {
            if (filter.site && filter.site->siteUuid != site.siteUuid)
                continue;
            StatsFilter scoped = filter;
            scoped.site = site;
            auto one = compute(db, asOf, GroupBy::None, scoped);
            if (!one)
                return one.error();
            result->groups.append(GroupCounts{site.office, one->total});
        }
        return result;
    }
    QVariantList binds;
    const QString where =
        g_forceHistory ? Statistics::problemFilterSql(db, filter, binds) : factsFilterSql(db, filter, binds);
    // Counted per raw key (g), then named: see rawGroupExpr. Three sources of g, the same figures:
    // problem_tally (the dashboard: no filter, nothing dated after asOf), a scan of problem_facts,
    // or (forced) the history lookups per problem.
    const auto named = namedGroupSql(db, by);
    const QString grouped = QStringLiteral(
        "g AS (SELECT %1 AS k, count(*) AS n, sum(ps.mc) AS m, count(*) FILTER (WHERE ps.st = "
        "'completed') AS c1, count(*) FILTER (WHERE ps.st = 'closed_out') AS c2, count(*) FILTER (WHERE "
        "ps.st = 'long_term') AS c3, count(*) FILTER (WHERE ps.st = 'in_progress') AS c4, count(*) "
        "FILTER (WHERE ps.st = 'registered') AS c5, count(*) FILTER (WHERE ps.st IN ('registered', "
        "'in_progress') AND ps.dl IS NOT NULL AND ps.dl < '@D') AS c6 FROM ps GROUP BY 1) ");
    const QString outer =
        QStringLiteral(
            "SELECT %1, sum(n), sum(m), sum(c1), sum(c2), sum(c3), sum(c4), sum(c5), sum(c6) FROM g "
            "%2 GROUP BY 1")
            .arg(named.first, named.second);
    QString sql;
    if (filter.isEmpty() && usesTally(db, asOf)) {
        // Per state from the tally; the overdue ones (open, deadline before asOf) from the index
        // problem_facts_state. Groups whose rows all fell to 0 problems are left out, as a scan
        // would not see them.
        const auto [dim, column] = tallyDim(by);
        // problem_tally.value holds ids and texts alike (text on a server): ids are read back as
        // integers to join their names. Grouped on the value, not the key: the same groups, and
        // every selected column is then grouped or aggregated.
        const bool idDim = column.endsWith(QLatin1String("_id"));
        const QString key = by == GroupBy::None ? QStringLiteral("''")
                            : idDim             ? QStringLiteral("CAST(t.value AS BIGINT)")
                                                : QStringLiteral("t.value");
        const QString overdueKey = by == GroupBy::None ? QStringLiteral("''") : QStringLiteral("p.") + column;
        sql =
            QStringLiteral(
                "WITH g AS (SELECT %1 AS k, sum(t.problems) AS n, sum(t.measures) AS m, sum(CASE t.state "
                "WHEN "
                "'completed' THEN t.problems ELSE 0 END) AS c1, sum(CASE t.state WHEN 'closed_out' THEN "
                "t.problems ELSE 0 END) AS c2, sum(CASE t.state WHEN 'long_term' THEN t.problems ELSE 0 END) "
                "AS c3, sum(CASE t.state WHEN 'in_progress' THEN t.problems ELSE 0 END) AS c4, sum(CASE "
                "t.state WHEN 'registered' THEN t.problems ELSE 0 END) AS c5, 0 AS c6 FROM problem_tally t "
                "WHERE t.dim = '%2' GROUP BY t.value HAVING sum(t.problems) > 0 UNION ALL SELECT %3, 0, 0, "
                "0, "
                "0, 0, 0, 0, count(*) FROM problem_facts p WHERE p.state IN ('registered', 'in_progress') "
                "AND p.deadline IS NOT NULL AND p.deadline < '@D' GROUP BY 1) ")
                .arg(key, dim, overdueKey) +
            outer;
        sql.replace(QStringLiteral("@D"), asOf.toString(Qt::ISODate));
    } else if (!g_forceHistory) {
        sql = withFacts(QStringLiteral("WITH ps AS MATERIALIZED (") +
                            QString::fromLatin1(kFactsCountsAsOf).replace(QStringLiteral("@F"), where) +
                            QStringLiteral("), ") + grouped.arg(rawGroupExpr(by)) + outer,
                        asOf);
    } else {
        sql =
            withDate(withDeadline(QStringLiteral("WITH ps AS MATERIALIZED (") +
                                      QString::fromLatin1(kCountsAsOf).replace(QStringLiteral("@F"), where) +
                                      QStringLiteral("), ") + grouped.arg(rawGroupExpr(by)) + outer,
                                  db, asOf),
                     asOf);
    }
    auto q = db.exec(sql, binds);
    if (!q)
        return q.error();
    StatsResult result;
    result.asOf = asOf;
    QList<std::pair<QString, std::pair<QString, Counts>>> rows; // raw key, (sort key, counts)
    if (const Status s = db.eachRow(*q,
                                    [&](const SqlRow &r) {
                                        Counts c;
                                        c.problems = r.integer(2);
                                        c.measures = r.integer(3);
                                        c.completed = r.integer(4);
                                        c.closedOut = r.integer(5);
                                        c.longTerm = r.integer(6);
                                        c.inProgress = r.integer(7);
                                        c.registered = r.integer(8);
                                        c.overdue = r.integer(9);
                                        result.total.add(c);
                                        rows.append({r.text(0), {r.text(1), c}});
                                    });
        !s)
        return s.error();
    if (by == GroupBy::Category) {
        // Every category is a group, those no problem names with zero counts (a new register's
        // standard categories, a category added in 设置): the same list the editor shows.
        QSet<QString> seen;
        for (const auto &row : std::as_const(rows))
            seen.insert(row.first);
        const Status s =
            db.forEachRow(QStringLiteral("SELECT DISTINCT name FROM categories"), {}, [&](const SqlRow &r) {
                if (!seen.contains(r.text(0)))
                    rows.append({r.text(0), {QString(), Counts{}}});
            });
        if (!s)
            return s.error();
    }
    if (by != GroupBy::None) {
        QCollator collator(QLocale(QLocale::Chinese, QLocale::China));
        collator.setNumericMode(true);
        auto rank = [by](const QString &raw) -> int {
            if (by == GroupBy::Source)
                return int(Names::sourceLevel(raw).value_or(SourceLevel::District));
            if (by == GroupBy::Kind)
                return int(Names::inspectionKind(raw).value_or(InspectionKind::FollowUp));
            return 0;
        };
        std::sort(rows.begin(), rows.end(), [&](const auto &a, const auto &b) {
            if (a.first.isEmpty() != b.first.isEmpty())
                return b.first.isEmpty(); // "not set" last
            if (rank(a.first) != rank(b.first))
                return rank(a.first) < rank(b.first);
            if (by == GroupBy::Round && a.second.first != b.second.first)
                return a.second.first < b.second.first; // rounds in time order
            return collator.compare(a.first, b.first) < 0;
        });
        for (const auto &[raw, rest] : rows) {
            QString key = raw;
            if (by == GroupBy::Source)
                key = Names::sourceLevel(raw) ? Names::display(*Names::sourceLevel(raw)) : raw;
            else if (by == GroupBy::Kind)
                key = Names::inspectionKind(raw) ? Names::display(*Names::inspectionKind(raw)) : raw;
            if (key.isEmpty())
                key = tr("(not set)");
            result.groups.append(GroupCounts{key, rest.second});
        }
    }
    const auto cover = readCoverage(db, asOf);
    if (!cover)
        return cover.error();
    result.coverage = *cover;
    return result;
}

qint64 Statistics::coverageTerm(Database &db, const QDate &asOf)
{
    // No error to return: a damaged page gives 0 and is recorded (Database::damageSeen()).
    const auto term = termOn(db, asOf);
    return term ? *term : 0;
}

QString Statistics::coverageKindsSql(Database &db)
{
    QStringList kinds{QStringLiteral("'regular'"), QStringLiteral("'thematic'"), QStringLiteral("'elevated'"),
                      QStringLiteral("'flexible'"), QStringLiteral("'cross'")};
    if (db.meta(QStringLiteral("coverage_counts_follow_up")) == QLatin1String("1"))
        kinds << QStringLiteral("'follow_up'");
    return kinds.join(u',');
}

Coverage Statistics::coverage(Database &db, const QDate &asOf)
{
    // No error to return: a damaged page gives no coverage and is recorded (Database::damageSeen()).
    const auto c = readCoverage(db, asOf);
    return c ? *c : Coverage{};
}

namespace {

Result<qint64> termOn(Database &db, const QDate &asOf)
{
    const QString d = toIso(asOf);
    const auto id =
        db.value(QStringLiteral("SELECT id FROM terms WHERE start_date IS NULL OR start_date <= ? "
                                "ORDER BY (end_date IS NULL OR end_date >= ?) DESC, start_date DESC, id DESC "
                                "LIMIT 1"),
                 {d, d});
    if (!id)
        return id.error();
    return id->toLongLong();
}

Result<Coverage> readCoverage(Database &db, const QDate &asOf)
{
    const QString d = toIso(asOf);
    const auto term = termOn(db, asOf);
    if (!term)
        return term.error();
    const qint64 termId = *term;
    if (termId <= 0)
        return Coverage{};
    const auto termName = db.value(QStringLiteral("SELECT name FROM terms WHERE id = ?"), {termId});
    if (!termName)
        return termName.error();
    QList<CoverageGroup> groups;
    const Status s = db.forEachRow(
        QStringLiteral(
            "SELECT coalesce(u.category, ''), count(*), count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "
            "inspections i JOIN rounds r ON r.id = i.round_id WHERE i.unit_id = tu.unit_id AND r.term_id = "
            "tu.term_id AND i.kind IN (%1) AND coalesce(i.entry_date, r.start_date) <= ?)) FROM term_units "
            "tu JOIN units u ON u.id = "
            "tu.unit_id WHERE tu.term_id = ? AND tu.must_cover = 1 GROUP BY 1 ORDER BY 1")
            .arg(Statistics::coverageKindsSql(db)),
        {d, termId}, [&](const SqlRow &r) {
            groups.append(CoverageGroup{r.text(0), r.integer(1), r.integer(2)});
        });
    if (!s)
        return s.error();
    Coverage c = Coverage::combine(groups);
    c.term = termName->toString();
    return c;
}

} // namespace

Result<QList<OverdueItem>> Statistics::overdue(Database &db, const QDate &asOf, const StatsFilter &filter)
{
    QVariantList binds;
    QString sql;
    if (!g_forceHistory) {
        // From problem_facts: the deadline on asOf first, then the state of those past it (the
        // history is looked up only where the state changed after asOf), then the texts of the few
        // overdue ones.
        const QString where = factsFilterSql(db, filter, binds);
        sql = withFacts(
            QStringLiteral(
                "WITH o AS MATERIALIZED (SELECT p.problem_id, p.state, p.state_changed_on, #DL AS dl "
                "FROM problem_facts p WHERE p.feedback_date <= '@D' %1), ps AS MATERIALIZED (SELECT "
                "p.problem_id AS id, p.dl, #ST AS st FROM o p WHERE p.dl IS NOT NULL AND p.dl < "
                "'@D') SELECT ps.id, q.registration_no, u.name, q.description, q.responsible_office, "
                "q.lead_leader, q.responsible_person, ps.dl, ps.st FROM ps JOIN problems q ON q.id = "
                "ps.id LEFT JOIN units u ON u.id = q.unit_id WHERE ps.st IN ('registered', "
                "'in_progress') ORDER BY ps.dl, ps.id")
                .arg(where),
            asOf);
    } else {
        const QString where = filterSql(db, filter, binds);
        sql = withDate(
            withDeadline(withAsOf() +
                             QStringLiteral("SELECT ps.id, ps.registration_no, u.name, ps.description, "
                                            "ps.responsible_office, ps.lead_leader, "
                                            "ps.responsible_person, ps.dl, ps.st ") +
                             fromAsOf() + where +
                             QStringLiteral(" AND ps.st IN ('registered', 'in_progress') AND ps.dl IS "
                                            "NOT NULL AND ps.dl < '@D' ORDER BY ps.dl, ps.id"),
                         db, asOf),
            asOf);
    }
    auto q = db.exec(sql, binds);
    if (!q)
        return q.error();
    QList<OverdueItem> out;
    const Status s = db.eachRow(*q, [&](const SqlRow &r) {
        OverdueItem it;
        it.problemId = r.integer(0);
        it.registrationNo = r.text(1);
        it.unit = r.text(2);
        it.description = r.text(3);
        it.responsibleOffice = r.text(4);
        it.leadLeader = r.text(5);
        it.responsiblePerson = r.text(6);
        it.deadline = fromIso(r.text(7));
        it.state = Names::problemState(r.text(8)).value_or(ProblemState::Registered);
        it.daysOverdue = Workflow::overdueDays(it.deadline, asOf);
        out.append(it);
    });
    if (!s)
        return s.error();
    return out;
}

bool Statistics::usesLatestState(Database &db, const QDate &asOf)
{
    if (g_forceHistory)
        return false;
    // An indexed MAX; an empty history gives '' (every date is after it). String comparison, as
    // the history lookup's "changed_on <= @D".
    const QVariant newest =
        db.scalar(QStringLiteral("SELECT coalesce(max(changed_on), '') FROM problem_latest_state"));
    return newest.isValid() && newest.toString() <= toIso(asOf);
}

bool Statistics::usesTally(Database &db, const QDate &asOf)
{
    // The tally counts over all units: a login that sees only some (a unit's, issue #23) counts
    // its own problems from problem_facts instead.
    if (g_forceHistory || !db.seesWholeRegister())
        return false;
    // Indexed MAXes (the problems' feedback dates include soft-deleted ones: a later one only
    // means the scan is taken); the approved extensions are few. '' when there are none.
    const QVariant newest = db.scalar(QStringLiteral(
        "SELECT coalesce(max(v), '') FROM (SELECT max(changed_on) AS v FROM problem_latest_state UNION ALL "
        "SELECT max(feedback_date) FROM problems UNION ALL SELECT max(decided_on) FROM extension_requests "
        "WHERE measure_id IS NULL AND decision = 'approved') AS newest"));
    return newest.isValid() && newest.toString() <= toIso(asOf);
}

void Statistics::setForceHistory(bool force)
{
    g_forceHistory = force;
}

std::optional<GroupBy> Statistics::groupByFromKey(const QString &key)
{
    static const QHash<QString, GroupBy> map{
        {QStringLiteral("round"), GroupBy::Round},       {QStringLiteral("unit"), GroupBy::Unit},
        {QStringLiteral("office"), GroupBy::Office},     {QStringLiteral("source"), GroupBy::Source},
        {QStringLiteral("category"), GroupBy::Category}, {QStringLiteral("kind"), GroupBy::Kind},
        {QStringLiteral("leader"), GroupBy::Leader},     {QStringLiteral("site"), GroupBy::Site},
        {QStringLiteral("none"), GroupBy::None}};
    const auto it = map.constFind(key);
    if (it == map.cend())
        return std::nullopt;
    return *it;
}

double Statistics::round4(double fraction)
{
    return std::round(fraction * 10000.0) / 10000.0;
}

QString Statistics::formatPercent(double fraction)
{
    const double pct = std::round(fraction * 10000.0) / 100.0;
    QString s = QString::number(pct, 'f', 2);
    while (s.endsWith(u'0'))
        s.chop(1);
    if (s.endsWith(u'.'))
        s.chop(1);
    return s + u'%';
}

} // namespace rectrack::core
