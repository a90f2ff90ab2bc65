#include "reportcontent.h"

#include "exchange/unitduplicates.h"
#include "reporttiming.h"
#include "storage/rowreader.h"

#include <QCollator>
#include <QHash>
#include <QLocale>
#include <QSet>

#include <algorithm>

namespace rectrack::core {

namespace {

/// Conditions that restrict problems (alias p) to a scope, live problems only; binds appended to @p binds.
QString problemScopeSql(Database &db, const StatsFilter &f, QVariantList &binds)
{
    // Soft-deleted problems are not reported.
    return QStringLiteral(" AND p.deleted_at IS NULL") + Statistics::problemFilterSql(db, f, binds);
}

/// Conditions restricting rows of a table with unit_id (alias x) and optional inspection_id.
QString unitScopeSql(Database &db, const StatsFilter &f, QVariantList &binds, bool hasInspection)
{
    QString where;
    if (!f.unit.isEmpty()) {
        where += QStringLiteral(" AND x.unit_id IN (%1)").arg(exchange::UnitDuplicates::unitsNamedSql(db));
        binds << f.unit;
    }
    if (!f.round.isEmpty() && hasInspection) {
        where +=
            QStringLiteral(" AND x.inspection_id IN (SELECT i.id FROM inspections i JOIN rounds r ON r.id = "
                           "i.round_id WHERE r.label = ?)");
        binds << f.round;
    } else if (!f.round.isEmpty()) {
        where +=
            QStringLiteral(" AND x.unit_id IN (SELECT i.unit_id FROM inspections i JOIN rounds r ON r.id = "
                           "i.round_id WHERE r.label = ?)");
        binds << f.round;
    }
    if (f.source) {
        where += QStringLiteral(" AND x.unit_id IN (SELECT unit_id FROM inspections WHERE source_level = ?)");
        binds << Names::key(*f.source);
    }
    if (f.site)
        where += QStringLiteral(" AND ") + f.site->ownsSql(QStringLiteral("x.uuid"), binds);
    return where;
}

QDate monthEnd(const QDate &d)
{
    return QDate(d.year(), d.month(), d.daysInMonth());
}

/// Every unit of the scope: all units for the whole register, else those the scope reaches
/// (the named unit; units inspected in the round or at the source level).
Result<QStringList> unitsInScope(Database &db, const StatsFilter &f)
{
    QVariantList binds;
    QString sql = QStringLiteral("SELECT u.name FROM units u WHERE 1 = 1");
    if (!f.unit.isEmpty()) {
        sql += QStringLiteral(" AND u.name = ?");
        binds << f.unit;
    }
    if (!f.round.isEmpty()) {
        sql += QStringLiteral(
            " AND (u.id IN (SELECT i.unit_id FROM inspections i JOIN rounds r ON r.id = i.round_id "
            "WHERE r.label = ?) OR u.id IN (SELECT p.unit_id FROM problems p JOIN inspections i ON "
            "i.id = p.inspection_id JOIN rounds r ON r.id = i.round_id WHERE r.label = ?))");
        binds << f.round << f.round;
    }
    if (f.source) {
        sql += QStringLiteral(
            " AND (u.id IN (SELECT unit_id FROM inspections WHERE source_level = ?) OR u.id IN "
            "(SELECT unit_id FROM problems WHERE source_level = ?))");
        binds << Names::key(*f.source) << Names::key(*f.source);
    }
    if (f.site)
        sql += QStringLiteral(" AND ") + f.site->reachesUnitSql(QStringLiteral("u.id"), binds);
    auto q = db.exec(sql, binds);
    if (!q)
        return q.error();
    QStringList names;
    const Status read = db.eachRow(*q, [&](const SqlRow &row) { names << row.text(0); });
    if (!read)
        return read.error();
    return names;
}

/// Units inspected (by a kind that counts for coverage) in the term running on @p asOf.
Result<QSet<QString>> inspectedThisTerm(Database &db, const QDate &asOf)
{
    const QString d = toIso(asOf);
    QSet<QString> out;
    const Status s = db.forEachRow(
        QStringLiteral("SELECT DISTINCT u.name FROM inspections i JOIN rounds r ON r.id = i.round_id "
                       "JOIN units u ON u.id = i.unit_id WHERE r.term_id = (SELECT id FROM terms WHERE "
                       "start_date IS NULL OR start_date <= ? ORDER BY (end_date IS NULL OR end_date >= "
                       "?) DESC, start_date DESC, id DESC LIMIT 1) AND i.kind <> 'follow_up' AND "
                       "coalesce(i.entry_date, r.start_date) <= ?"),
        {d, d, d}, [&](const SqlRow &r) { out.insert(r.text(0)); });
    if (!s)
        return s.error();
    return out;
}

/// An ISO date (YYYY-MM-DD) as the integer YYYYMMDD, 0 when malformed: comparable and cheap.
int dayKey(QByteArrayView iso)
{
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-')
        return 0;
    int v = 0;
    for (const int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        const char c = iso[i];
        if (c < '0' || c > '9')
            return 0;
        v = v * 10 + (c - '0');
    }
    return v;
}

int dayKey(const QDate &d)
{
    return d.year() * 10000 + d.month() * 100 + d.day();
}

/// Cumulative registered and done problems at each month end from the first feedback to asOf.
/// Counted from events rather than per problem and month: registrations by feedback date, and
/// each problem's done/not-done transitions replayed from its dated state history in order
/// (changed_on, id) as +1/-1 on the day they take effect (never before the problem's feedback
/// date). A point's figures are the sums of the events up to its date, which are the figures
/// Statistics::compute gives as of that date (tests/core/test_report_content.cpp checks it).
Result<QList<CumulativePoint>> cumulativeSeries(Database &db, const StatsFilter &f, const QDate &asOf)
{
    const QString d = toIso(asOf);
    QByteArrayList doneKeys; // the states that count as done, as stored
    for (const ProblemState st : {ProblemState::Registered, ProblemState::InProgress, ProblemState::Completed,
                                  ProblemState::ClosedOut, ProblemState::LongTerm}) {
        if (isDone(st))
            doneKeys << Names::key(st).toUtf8();
    }
    // One pass over the problems in id order with their history up to asOf (a problem without
    // history gives one row with NULLs): the problems table is read once, in rowid order, and the
    // history through its covering index problem_states_asof.
    QHash<int, qint64> registeredOn; // day -> problems registered that day
    QHash<int, qint64> doneDelta;    // day -> change of the number of done problems
    int firstDay = 0;
    {
        QVariantList binds{d};
        const QString where = problemScopeSql(db, f, binds);
        binds << d;
        RowReader rows(
            db,
            QStringLiteral("SELECT p.id, p.feedback_date, s.changed_on, s.state FROM problems p LEFT "
                           "JOIN problem_states s ON s.problem_id = p.id AND s.changed_on <= ? WHERE "
                           "1 = 1") +
                where + QStringLiteral(" AND p.feedback_date <= ? ORDER BY p.id, s.changed_on, s.id"),
            binds);
        qint64 lastId = -1;
        bool wasDone = false;
        int registered = 0;
        const Status read = rows.forEach([&](const RowReader &row) {
            const qint64 id = row.integer(0);
            if (id != lastId) {
                lastId = id;
                wasDone = false;
                registered = dayKey(row.text(1));
                if (registered == 0)
                    return; // a malformed feedback date: not on the time axis
                ++registeredOn[registered];
                if (firstDay == 0 || registered < firstDay)
                    firstDay = registered;
            }
            if (registered == 0)
                return;
            const QByteArrayView state = row.text(3);
            if (state.isEmpty())
                return; // no history
            const bool done = std::any_of(doneKeys.cbegin(), doneKeys.cend(),
                                          [&](const QByteArray &k) { return state == k; });
            if (done == wasDone)
                return;
            const int on = dayKey(row.text(2));
            if (on == 0)
                return; // a malformed date is no transition
            doneDelta[std::max(on, registered)] += done ? 1 : -1;
            wasDone = done;
        });
        if (!read)
            return read.error();
    }
    QList<CumulativePoint> points;
    if (firstDay == 0)
        return points;
    const QDate first(firstDay / 10000, firstDay / 100 % 100, firstDay % 100);
    auto sorted = [](const QHash<int, qint64> &byDay) {
        QList<std::pair<int, qint64>> out;
        out.reserve(byDay.size());
        for (auto it = byDay.cbegin(); it != byDay.cend(); ++it)
            out.append({it.key(), it.value()});
        std::sort(out.begin(), out.end());
        return out;
    };
    const QList<std::pair<int, qint64>> registered = sorted(registeredOn);
    const QList<std::pair<int, qint64>> done = sorted(doneDelta);

    QList<QDate> dates;
    for (QDate m = monthEnd(first); m < asOf; m = monthEnd(m.addDays(1)))
        dates << m;
    dates << asOf;
    // Many months: keep at most 48 points (every n-th month end, always the last).
    if (dates.size() > 48) {
        const int step = int((dates.size() + 47) / 48);
        QList<QDate> thinned;
        for (int i = int(dates.size()) - 1; i >= 0; i -= step)
            thinned.prepend(dates[i]);
        dates = thinned;
    }
    qsizetype r = 0, k = 0;
    qint64 registeredSum = 0, doneSum = 0;
    for (const QDate &date : std::as_const(dates)) {
        const int day = dayKey(date);
        for (; r < registered.size() && registered[r].first <= day; ++r)
            registeredSum += registered[r].second;
        for (; k < done.size() && done[k].first <= day; ++k)
            doneSum += done[k].second;
        CumulativePoint pt;
        pt.date = date;
        pt.registered = registeredSum;
        pt.done = doneSum;
        points << pt;
    }
    return points;
}

Status supervisionFigures(Database &db, const StatsFilter &f, const QDate &asOf, SupervisionFigures &out)
{
    const QString d = toIso(asOf);
    // Clues transferred by asOf (as `rectrack-cli summary` counts them): disposal reported when the
    // result date is on or before asOf; overdue when not reported and the due date has passed.
    {
        QVariantList binds{d, d, d, d};
        QString scope;
        if (f.site)
            scope += QStringLiteral(" AND ") + f.site->ownsSql(QStringLiteral("x.uuid"), binds);
        if (!f.unit.isEmpty() || !f.round.isEmpty() || f.source) {
            QVariantList ib;
            QString iw;
            if (!f.unit.isEmpty()) {
                iw += QStringLiteral(" AND i.unit_id = (SELECT id FROM units WHERE name = ?)");
                ib << f.unit;
            }
            if (!f.round.isEmpty()) {
                iw += QStringLiteral(" AND i.round_id = (SELECT id FROM rounds WHERE label = ?)");
                ib << f.round;
            }
            if (f.source) {
                iw += QStringLiteral(" AND i.source_level = ?");
                ib << Names::key(*f.source);
            }
            scope += QStringLiteral(" AND x.inspection_id IN (SELECT i.id FROM inspections i WHERE 1 = 1") +
                     iw + QStringLiteral(")");
            binds << ib;
        }
        auto q = db.exec(
            QStringLiteral(
                "SELECT coalesce(x.receiver, ''), count(*), count(*) FILTER (WHERE x.result_date <= ?), "
                "count(*) FILTER (WHERE NOT coalesce(x.result_date <= ?, false) AND x.due_date IS NOT NULL "
                "AND x.due_date < ?) "
                "FROM clues x WHERE x.transfer_date <= ?") +
                scope + QStringLiteral(" GROUP BY 1 ORDER BY 2 DESC, 1"),
            binds);
        if (!q)
            return q.error();
        const Status read = db.eachRow(*q, [&](const SqlRow &row) {
            const qint64 n = row.integer(1);
            const qint64 disposed = row.integer(2);
            out.clues.total += n;
            out.clues.disposed += disposed;
            out.clues.pendingOverdue += row.integer(3);
            out.clues.byReceiver << NamedCount{row.text(0), n, disposed};
        });
        if (!read)
            return read.error();
        out.clues.pending = out.clues.total - out.clues.disposed;
    }
    // Referrals: by kind; a scope keeps those that concern a problem of the scope.
    {
        QVariantList binds{d, d};
        QString scope;
        if (!f.isEmpty()) {
            QVariantList pb;
            const QString pw = problemScopeSql(db, f, pb);
            scope = QStringLiteral(
                        " AND x.id IN (SELECT rp.referral_id FROM referral_problems rp JOIN problems p ON "
                        "p.id = rp.problem_id WHERE 1 = 1") +
                    pw + QStringLiteral(")");
            binds << pb;
        }
        auto q = db.exec(
            QStringLiteral("SELECT x.kind, count(*), count(*) FILTER (WHERE x.response_date IS NOT NULL AND "
                           "x.response_date <= ?) FROM referrals x WHERE x.issued_on <= ?") +
                scope + QStringLiteral(" GROUP BY 1 ORDER BY 1"),
            binds);
        if (!q)
            return q.error();
        const Status read = db.eachRow(*q, [&](const SqlRow &row) {
            out.referralsByKind << NamedCount{row.text(0), row.integer(1), row.integer(2)};
        });
        if (!read)
            return read.error();
        // 抄告单, 专题报告, 要情专报 in that order, others after.
        auto rank = [](const QString &k) {
            static const QStringList order{QStringLiteral("referral_sheet"),
                                           QStringLiteral("thematic_report"),
                                           QStringLiteral("key_situation_report")};
            const auto i = order.indexOf(k);
            return i < 0 ? 99 : int(i);
        };
        std::stable_sort(
            out.referralsByKind.begin(), out.referralsByKind.end(),
            [&](const NamedCount &a, const NamedCount &b) { return rank(a.name) < rank(b.name); });
    }
    // Evaluations by grade.
    {
        QVariantList binds{d};
        const QString scope = unitScopeSql(db, f, binds, true);
        auto q = db.exec(
            QStringLiteral("SELECT coalesce(x.grade, ''), count(*), sum(x.score), count(x.score), "
                           "count(*) FILTER (WHERE x.second_rectification <> 0) FROM evaluations x WHERE "
                           "x.evaluated_on <= ?") +
                scope + QStringLiteral(" GROUP BY 1"),
            binds);
        if (!q)
            return q.error();
        double scoreSum = 0;
        qint64 scored = 0;
        const Status read = db.eachRow(*q, [&](const SqlRow &row) {
            const qint64 n = row.integer(1);
            out.evaluations.total += n;
            scoreSum += row.real(2);
            scored += row.integer(3);
            out.evaluations.secondRectification += row.integer(4);
            out.evaluations.byGrade << NamedCount{row.text(0), n, 0};
        });
        if (!read)
            return read.error();
        out.evaluations.averageScore = scored ? scoreSum / double(scored) : 0.0;
        static const QStringList grades{QStringLiteral("好"), QStringLiteral("较好"), QStringLiteral("一般"),
                                        QStringLiteral("差")};
        std::stable_sort(out.evaluations.byGrade.begin(), out.evaluations.byGrade.end(),
                         [](const NamedCount &a, const NamedCount &b) {
                             const auto ra = grades.indexOf(a.name), rb = grades.indexOf(b.name);
                             return (ra < 0 ? 99 : ra) < (rb < 0 ? 99 : rb);
                         });
    }
    // Rules established.
    {
        QVariantList binds{d};
        const QString scope = unitScopeSql(db, f, binds, false);
        auto q = db.exec(
            QStringLiteral("SELECT coalesce(u.name, ''), x.name, x.established_on FROM rules_established x "
                           "LEFT JOIN units u ON u.id = x.unit_id WHERE coalesce(x.established_on, '') <= "
                           "?") +
                scope + QStringLiteral(" ORDER BY x.established_on DESC, x.id DESC"),
            binds);
        if (!q)
            return q.error();
        const Status read = db.eachRow(*q, [&](const SqlRow &row) {
            ++out.rulesCount;
            if (out.rules.size() < 30)
                out.rules << RuleRow{row.text(0), row.text(1), fromIso(row.text(2))};
        });
        if (!read)
            return read.error();
    }
    // Accountability by form: persons and decisions.
    {
        QVariantList binds{d};
        const QString scope = unitScopeSql(db, f, binds, false);
        auto q = db.exec(QStringLiteral("SELECT x.form, sum(x.persons), count(*) FROM accountability x WHERE "
                                        "x.decided_on <= ?") +
                             scope + QStringLiteral(" GROUP BY 1 ORDER BY 2 DESC, 1"),
                         binds);
        if (!q)
            return q.error();
        const Status read = db.eachRow(*q, [&](const SqlRow &row) {
            out.accountabilityByForm << NamedCount{row.text(0), row.integer(1), row.integer(2)};
        });
        if (!read)
            return read.error();
    }
    // Funds recovered.
    {
        QVariantList binds{d};
        const QString scope = unitScopeSql(db, f, binds, false);
        auto q = db.exec(
            QStringLiteral("SELECT count(*), coalesce(sum(x.amount_yuan), 0) FROM funds_recovered x WHERE "
                           "x.recovered_on <= ?") +
                scope,
            binds);
        if (!q)
            return q.error();
        const Status read = db.eachRow(*q, [&](const SqlRow &row) {
            out.fundsCount = row.integer(0);
            out.fundsYuan = row.real(1);
            return false;
        });
        if (!read)
            return read;
    }
    return okStatus();
}

Result<QList<AppendixRow>> appendixRows(Database &db, const StatsFilter &f, const QDate &asOf)
{
    QVariantList binds{toIso(asOf), toIso(asOf)};
    const QString where = problemScopeSql(db, f, binds);
    binds << toIso(asOf);
    auto q = db.exec(
        QStringLiteral(
            "SELECT p.registration_no, u.name, p.source_level, p.description, p.responsible_office, "
            "p.lead_leader, "
            "COALESCE((SELECT e.requested_deadline FROM extension_requests e WHERE e.problem_id = p.id AND "
            "e.measure_id IS NULL AND e.decision = 'approved' AND e.decided_on <= ? ORDER BY e.decided_on "
            "DESC, "
            "e.id DESC LIMIT 1), p.original_deadline), p.deadline_note, COALESCE((SELECT s.state FROM "
            "problem_states s WHERE s.problem_id = p.id AND s.changed_on <= ? ORDER BY s.changed_on DESC, "
            "s.id "
            "DESC LIMIT 1), 'registered') FROM problems p JOIN units u ON u.id = p.unit_id WHERE 1 = 1") +
            where + QStringLiteral(" AND p.feedback_date <= ? ORDER BY u.name, p.id"),
        binds);
    if (!q)
        return q.error();
    QList<AppendixRow> rows;
    const Status read = db.eachRow(*q, [&](const SqlRow &row) {
        AppendixRow r;
        r.registrationNo = row.text(0);
        r.unit = row.text(1);
        r.source = Names::sourceLevel(row.text(2)).value_or(SourceLevel::Municipal);
        r.description = row.text(3);
        r.responsibleOffice = row.text(4);
        r.leadLeader = row.text(5);
        r.deadline = fromIso(row.text(6));
        r.deadlineNote = row.text(7);
        r.state = Names::problemState(row.text(8)).value_or(ProblemState::Registered);
        rows << r;
    });
    if (!read)
        return read.error();
    QCollator collator(QLocale(QLocale::Chinese, QLocale::China));
    collator.setNumericMode(true);
    std::stable_sort(rows.begin(), rows.end(), [&](const AppendixRow &a, const AppendixRow &b) {
        return collator.compare(a.unit, b.unit) < 0;
    });
    return rows;
}

} // namespace

QString ReportBuilder::defaultTitle()
{
    return tr("Report on the Rectification of Inspection Findings");
}

QString ReportBuilder::defaultIssuer()
{
    return tr("Office of the Inspection Work Leading Group");
}

QString ReportBuilder::referralKindName(const QString &key)
{
    if (key == QLatin1String("referral_sheet") || key == QLatin1String("referral"))
        return tr("Referral sheets");
    if (key == QLatin1String("thematic_report"))
        return tr("Thematic reports");
    if (key == QLatin1String("key_situation_report") || key == QLatin1String("key_report"))
        return tr("Key-situation reports");
    return key;
}

Result<ReportContent> ReportBuilder::build(Database &db, const ReportOptions &options)
{
    if (!options.asOf.isValid())
        return Error{ErrorCode::Usage, tr("The report needs a valid as-of date.")};
    if (options.since.isValid() && options.since >= options.asOf)
        return Error{ErrorCode::Usage, tr("The comparison date %1 must be before the as-of date %2.")
                                           .arg(toIso(options.since), toIso(options.asOf))};
    const StatsFilter &f = options.scope;
    if (!f.unit.isEmpty()) {
        const auto unit = db.value(QStringLiteral("SELECT id FROM units WHERE name = ?"), {f.unit});
        if (!unit)
            return unit.error();
        if (!unit->isValid())
            return Error{ErrorCode::InputRefused, tr("The register has no unit named \"%1\".").arg(f.unit)};
    }
    if (!f.round.isEmpty()) {
        const auto round = db.value(QStringLiteral("SELECT id FROM rounds WHERE label = ?"), {f.round});
        if (!round)
            return round.error();
        if (!round->isValid())
            return Error{ErrorCode::InputRefused,
                         tr("The register has no round labelled \"%1\".").arg(f.round)};
    }

    ReportContent c;
    c.options = options;
    if (c.options.title.isEmpty())
        c.options.title = defaultTitle();
    if (c.options.issuer.isEmpty())
        c.options.issuer = db.meta(QStringLiteral("issuing_body"), defaultIssuer());
    if (c.options.marking.isEmpty()) {
        // A report made from data that came with a security marking carries that marking.
        auto markings = exchange::SiteScopes::receivedMarkings(db, f.site);
        if (!markings)
            return markings.error();
        c.options.marking = markings->join(QStringLiteral("、"));
    }
    c.asOf = options.asOf;
    c.since = options.since;
    QStringList scopeParts;
    if (!f.round.isEmpty())
        scopeParts << f.round;
    if (!f.unit.isEmpty())
        scopeParts << f.unit;
    if (f.source)
        scopeParts << Names::display(*f.source);
    if (f.site)
        scopeParts << f.site->office;
    if (f.unit.isEmpty() && !db.seesWholeRegister()) {
        // A unit login (issue #23) sees its units' problems only: the scope names them.
        QStringList units;
        if (const Status s =
                db.forEachRow(QStringLiteral("SELECT DISTINCT u.name FROM problems p JOIN units u ON "
                                             "u.id = p.unit_id ORDER BY u.name"),
                              {}, [&](const SqlRow &r) { units << r.text(0); });
            !s)
            return s.error();
        scopeParts << units.join(QStringLiteral("、"));
    }
    c.scopeLabel = scopeParts.isEmpty() ? tr("Whole register") : scopeParts.join(QStringLiteral(" · "));

    ReportTiming timing;
    // Headline figures and groups.
    auto byUnit = Statistics::compute(db, c.asOf, GroupBy::Unit, f);
    if (!byUnit)
        return byUnit.error();
    c.total = byUnit->total;
    c.coverage = byUnit->coverage;
    auto byRound = Statistics::compute(db, c.asOf, GroupBy::Round, f);
    if (!byRound)
        return byRound.error();
    // Problems outside any round (central and provincial feedback) form a group with no label: leave it out.
    QSet<QString> labels;
    if (const Status s = db.forEachRow(QStringLiteral("SELECT label FROM rounds"), {},
                                       [&](const SqlRow &r) { labels.insert(r.text(0)); });
        !s)
        return s.error();
    for (const GroupCounts &g : std::as_const(byRound->groups)) {
        if (labels.contains(g.key))
            c.byRound << g;
    }
    auto bySource = Statistics::compute(db, c.asOf, GroupBy::Source, f);
    if (!bySource)
        return bySource.error();
    c.bySource = bySource->groups;
    if (!f.site && db.mayRead(QStringLiteral("exchange_sites"))) {
        auto sites = exchange::SiteScopes::owning(db);
        if (!sites)
            return sites.error();
        if (sites->size() > 1) {
            auto bySite = Statistics::compute(db, c.asOf, GroupBy::Site, f);
            if (!bySite)
                return bySite.error();
            c.bySite = bySite->groups;
        }
    }
    timing.mark("content: statistics by unit, round and source");

    QHash<QString, Counts> sinceByUnit;
    if (c.since.isValid()) {
        auto s = Statistics::compute(db, c.since, GroupBy::Unit, f);
        if (!s)
            return s.error();
        c.totalSince = s->total;
        c.coverageSince = s->coverage;
        for (const GroupCounts &g : std::as_const(s->groups))
            sinceByUnit.insert(g.key, g.counts);
    }

    // Per-unit table: every unit of the scope, units without problems included.
    auto names = unitsInScope(db, f);
    if (!names)
        return names.error();
    QHash<QString, Counts> countsByUnit;
    for (const GroupCounts &g : std::as_const(byUnit->groups))
        countsByUnit.insert(g.key, g.counts);
    QStringList all = *names;
    for (const GroupCounts &g : std::as_const(byUnit->groups)) {
        if (!all.contains(g.key))
            all << g.key;
    }
    QHash<QString, QString> categories;
    if (const Status s = db.forEachRow(QStringLiteral("SELECT name, coalesce(category, '') FROM units"), {},
                                       [&](const SqlRow &r) { categories.insert(r.text(0), r.text(1)); });
        !s)
        return s.error();
    const auto inspectedRead = inspectedThisTerm(db, c.asOf);
    if (!inspectedRead)
        return inspectedRead.error();
    const QSet<QString> &inspected = *inspectedRead;
    QCollator collator(QLocale(QLocale::Chinese, QLocale::China));
    collator.setNumericMode(true);
    std::sort(all.begin(), all.end(),
              [&](const QString &a, const QString &b) { return collator.compare(a, b) < 0; });
    for (const QString &name : std::as_const(all)) {
        UnitReportRow row;
        row.unit = name;
        row.category = categories.value(name);
        row.counts = countsByUnit.value(name);
        if (c.since.isValid())
            row.since = sinceByUnit.value(name);
        row.inspectedThisTerm = inspected.contains(name);
        c.units << row;
    }

    timing.mark("content: units of the scope");
    // Overdue problems (点人点事) and their ageing.
    auto overdue = Statistics::overdue(db, c.asOf, f);
    if (!overdue)
        return overdue.error();
    c.overdueTotal = overdue->size();
    c.overdue = overdue->mid(0, std::max(0, options.overdueLimit));
    c.ageing = {AgeingBucket{0, 30, 0}, AgeingBucket{31, 90, 0}, AgeingBucket{91, 180, 0},
                AgeingBucket{181, -1, 0}};
    for (const OverdueItem &it : std::as_const(*overdue)) {
        for (AgeingBucket &b : c.ageing) {
            if (it.daysOverdue >= b.fromDays && (b.toDays < 0 || it.daysOverdue <= b.toDays)) {
                ++b.count;
                break;
            }
        }
    }

    timing.mark("content: overdue list");
    auto series = cumulativeSeries(db, f, c.asOf);
    if (!series)
        return series.error();
    c.cumulative = *series;

    timing.mark("content: cumulative series");
    // The office's registers and its common problems are not every login's (issue #23): a unit
    // login's report leaves sections VI and VII out, as for a register without them.
    const bool officeRegisters =
        db.mayRead(QStringLiteral("clues")) && db.mayRead(QStringLiteral("patterns"));
    if (officeRegisters) {
        if (const Status s = supervisionFigures(db, f, c.asOf, c.supervision); !s)
            return s.error();
    }
    timing.mark("content: supervision figures");
    if (officeRegisters) {
        // A scoped report counts the patterns' members in its scope only.
        Result<QList<PatternFigures>> patterns = QList<PatternFigures>{};
        if (f.isEmpty()) {
            patterns = PatternService(db).figures(c.asOf);
        } else {
            QVariantList binds;
            QSet<qint64> scope;
            if (const Status s = db.forEachRow(QStringLiteral("SELECT p.id FROM problems p WHERE 1 = 1") +
                                                   problemScopeSql(db, f, binds),
                                               binds, [&](const SqlRow &r) { scope.insert(r.integer(0)); });
                !s)
                return s.error();
            patterns = PatternService(db).figures(c.asOf, scope);
        }
        if (!patterns)
            return patterns.error();
        c.patternsTotal = int(patterns->size());
        c.patternSettings = PatternService(db).settings();
        c.patterns = patterns->mid(0, ReportContent::kReportPatterns);
        timing.mark("content: common problems");
    }

    if (options.appendix) {
        auto rows = appendixRows(db, f, c.asOf);
        if (!rows)
            return rows.error();
        c.appendix = *rows;
        timing.mark("content: appendix");
    }
    return c;
}

} // namespace rectrack::core
