#include "patternservice.h"

#include "storage/auditlog.h"
#include "storage/rowreader.h"
#include "workflow/oversightservice.h"

#include <QCollator>
#include <QHash>
#include <QLocale>
#include <QSet>

#include <algorithm>
#include <array>
#include <map>

namespace rectrack::core {

namespace {

const QString kPatterns = QStringLiteral("patterns");
const QString kMembers = QStringLiteral("pattern_members");

QString idList(const QList<qint64> &ids)
{
    QStringList parts;
    parts.reserve(ids.size());
    for (const qint64 id : ids)
        parts << QString::number(id);
    return parts.join(u',');
}

QString text(QByteArrayView v)
{
    return QString::fromUtf8(v);
}

QList<qint64> sortedUnique(QList<qint64> ids)
{
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

// State on @p date from a problem's dated history (ascending); registered without an entry.
ProblemState stateOn(const QList<QPair<QDate, ProblemState>> &history, const QDate &date)
{
    ProblemState s = ProblemState::Registered;
    for (const auto &[on, state] : history) {
        if (on > date)
            break;
        s = state;
    }
    return s;
}

} // namespace

PatternSettings PatternService::settings()
{
    PatternSettings s;
    bool ok = false;
    const double suggest = m_db.meta(QStringLiteral("pattern_suggest_threshold")).toDouble(&ok);
    if (ok)
        s.thresholds.suggest = suggest;
    const double possible = m_db.meta(QStringLiteral("pattern_possible_threshold")).toDouble(&ok);
    if (ok)
        s.thresholds.possible = possible;
    const int units = m_db.meta(QStringLiteral("pattern_common_units")).toInt(&ok);
    if (ok)
        s.commonUnits = units;
    return s;
}

QString PatternService::settingsProblem(const PatternSettings &s)
{
    if (!(s.thresholds.possible > 0 && s.thresholds.possible <= s.thresholds.suggest &&
          s.thresholds.suggest <= 1))
        return tr("The similarity thresholds must satisfy 0 < possible ≤ suggest ≤ 1.");
    if (s.commonUnits < 2 || s.commonUnits > 100)
        return tr("A common problem must span 2 to 100 units.");
    return {};
}

Status PatternService::saveSettings(const PatternSettings &s)
{
    if (const QString problem = settingsProblem(s); !problem.isEmpty())
        return Error{ErrorCode::InputRefused, problem};
    return withTransaction(m_db, [&]() -> Status {
        if (Status r = m_db.setMeta(QStringLiteral("pattern_suggest_threshold"),
                                    QString::number(s.thresholds.suggest));
            !r)
            return r;
        if (Status r = m_db.setMeta(QStringLiteral("pattern_possible_threshold"),
                                    QString::number(s.thresholds.possible));
            !r)
            return r;
        return m_db.setMeta(QStringLiteral("pattern_common_units"), QString::number(s.commonUnits));
    });
}

QList<Pattern> PatternService::patterns()
{
    QList<Pattern> out;
    QHash<qint64, int> index;
    {
        RowReader rows(m_db, QStringLiteral("SELECT id, uuid, name, created_on FROM patterns ORDER BY id"));
        (void)rows.forEach([&](const RowReader &) {
            Pattern p;
            p.id = rows.integer(0);
            p.uuid = text(rows.text(1));
            p.name = text(rows.text(2));
            p.createdOn = fromIso(text(rows.text(3)));
            index.insert(p.id, int(out.size()));
            out << p;
        });
    }
    RowReader rows(m_db, QStringLiteral("SELECT pattern_id, problem_id, excluded FROM pattern_members "
                                        "ORDER BY pattern_id, problem_id"));
    (void)rows.forEach([&](const RowReader &) {
        const auto it = index.constFind(rows.integer(0));
        if (it == index.constEnd())
            return;
        Pattern &p = out[*it];
        (rows.integer(2) ? p.excluded : p.members) << rows.integer(1);
    });
    return out;
}

std::optional<Pattern> PatternService::pattern(qint64 id)
{
    for (const Pattern &p : patterns())
        if (p.id == id)
            return p;
    return std::nullopt;
}

qint64 PatternService::patternOf(qint64 problemId)
{
    return m_db
        .scalar(
            QStringLiteral("SELECT pattern_id FROM pattern_members WHERE problem_id = ? AND excluded = 0"),
            {problemId})
        .toLongLong();
}

Result<QHash<qint64, PatternProblem>>
PatternService::load(const QList<qint64> &ids, const QDate &asOf,
                     QHash<qint64, QList<QPair<QDate, ProblemState>>> *history)
{
    QHash<qint64, PatternProblem> out;
    const QList<qint64> wanted = sortedUnique(ids);
    for (qsizetype from = 0; from < wanted.size(); from += 500) {
        const QString in = idList(wanted.mid(from, 500));
        {
            RowReader rows(m_db,
                           QStringLiteral("SELECT p.id, p.registration_no, p.unit_id, u.name, r.label, "
                                          "p.description, p.feedback_date FROM problems p JOIN units u "
                                          "ON u.id = p.unit_id LEFT JOIN inspections i ON i.id = "
                                          "p.inspection_id LEFT JOIN rounds r ON r.id = i.round_id WHERE "
                                          "p.deleted_at IS NULL AND p.id IN (%1)")
                               .arg(in));
            (void)rows.forEach([&](const RowReader &) {
                PatternProblem p;
                p.id = rows.integer(0);
                p.registrationNo = text(rows.text(1));
                p.unitId = rows.integer(2);
                p.unit = text(rows.text(3));
                p.round = text(rows.text(4));
                p.text = text(rows.text(5));
                p.feedbackDate = fromIso(text(rows.text(6)));
                out.insert(p.id, p);
            });
            if (!rows.status())
                return rows.status().error();
        }
        RowReader states(m_db,
                         QStringLiteral("SELECT problem_id, changed_on, state FROM problem_states WHERE "
                                        "problem_id IN (%1) ORDER BY problem_id, changed_on, id")
                             .arg(in));
        (void)states.forEach([&](const RowReader &) {
            const auto state = Names::problemState(text(states.text(2)));
            if (state)
                (*history)[states.integer(0)].append({fromIso(text(states.text(1))), *state});
        });
        if (!states.status())
            return states.status().error();
    }
    for (auto it = out.begin(); it != out.end(); ++it)
        it->state = stateOn(history->value(it.key()), asOf);
    return out;
}

PatternFigures PatternService::compute(const QList<qint64> &memberIds,
                                       const QHash<qint64, PatternProblem> &problems,
                                       const QHash<qint64, QList<QPair<QDate, ProblemState>>> &history,
                                       const QDate &asOf, const PatternSettings &settings)
{
    PatternFigures f;
    QList<PatternProblem> members;
    for (const qint64 id : memberIds)
        if (problems.contains(id))
            members << problems.value(id);
    // Medoid: the largest summed similarity with the other members (patterns::medoid(), the rule of
    // the suggestions); each member's similarity is its Dice with the medoid.
    std::vector<std::vector<patterns::Bigram>> sets;
    for (const PatternProblem &p : members)
        sets.push_back(patterns::bigrams(p.text));
    const std::size_t n = sets.size();
    const std::size_t medoid = n ? std::size_t(patterns::medoid(sets)) : 0;
    // Members by unit: recurrence compares a member with the earlier members of its own unit.
    QHash<qint64, QList<qsizetype>> ofUnit;
    for (qsizetype i = 0; i < members.size(); ++i)
        ofUnit[members[i].unitId] << i;

    QSet<qint64> units, recurrenceUnits, unrectifiedUnits;
    QSet<QString> rounds;
    const auto closedOutBefore = [&](qint64 id, const QDate &date) {
        return stateOn(history.value(id), date.addDays(-1)) == ProblemState::ClosedOut;
    };
    for (std::size_t i = 0; i < n; ++i) {
        const PatternProblem &p = members[qsizetype(i)];
        PatternMember m;
        m.problem = p;
        m.similarity = i == medoid ? 1.0 : patterns::dice(sets[medoid], sets[i]);
        units.insert(p.unitId);
        if (!p.round.isEmpty())
            rounds.insert(p.round);
        if (p.state == ProblemState::ClosedOut)
            ++f.closedOut;
        bool earlierClosed = false, earlierOpen = false;
        for (const qsizetype j : ofUnit.value(p.unitId)) {
            const PatternProblem &q = members[j];
            if (q.id == p.id || !(q.feedbackDate < p.feedbackDate))
                continue;
            if (closedOutBefore(q.id, p.feedbackDate))
                earlierClosed = true;
            else if (q.state != ProblemState::ClosedOut)
                earlierOpen = true;
        }
        if (earlierClosed) {
            m.recurrence = true;
            ++f.recurrenceEvents;
            recurrenceUnits.insert(p.unitId);
        } else if (earlierOpen) {
            m.unrectified = true;
            ++f.unrectifiedEvents;
            unrectifiedUnits.insert(p.unitId);
        }
        f.members << m;
    }
    if (n)
        f.medoidId = members[qsizetype(medoid)].id;
    const qint64 medoidId = f.medoidId;
    std::stable_sort(f.members.begin(), f.members.end(), [&](const PatternMember &a, const PatternMember &b) {
        if ((a.problem.id == medoidId) != (b.problem.id == medoidId))
            return a.problem.id == medoidId;
        if (a.similarity != b.similarity)
            return a.similarity > b.similarity;
        if (a.problem.feedbackDate != b.problem.feedbackDate)
            return a.problem.feedbackDate < b.problem.feedbackDate;
        return a.problem.registrationNo < b.problem.registrationNo;
    });
    f.units = int(units.size());
    f.rounds = int(rounds.size());
    f.problems = int(n);
    f.closeOutRate = n ? double(f.closedOut) / double(n) : 0;
    f.recurrenceUnits = int(recurrenceUnits.size());
    f.unrectifiedUnits = int(unrectifiedUnits.size());
    f.common = f.units >= settings.commonUnits;
    Q_UNUSED(asOf)
    return f;
}

namespace {

void sortFigures(QList<PatternFigures> &list)
{
    QCollator collator(QLocale(QLocale::Chinese, QLocale::China));
    collator.setNumericMode(true);
    std::stable_sort(list.begin(), list.end(), [&](const PatternFigures &a, const PatternFigures &b) {
        if (a.common != b.common)
            return a.common;
        if (a.units != b.units)
            return a.units > b.units;
        if (a.problems != b.problems)
            return a.problems > b.problems;
        return collator.compare(a.name, b.name) < 0;
    });
}

} // namespace

Result<PatternFigures> PatternService::figures(const Pattern &pattern, const QDate &asOf)
{
    QHash<qint64, QList<QPair<QDate, ProblemState>>> history;
    auto problems = load(pattern.members, asOf, &history);
    if (!problems)
        return problems.error();
    // The register as it stood on @p asOf: members fed back after it do not count yet.
    QList<qint64> members;
    for (const qint64 id : pattern.members) {
        const auto it = problems->constFind(id);
        if (it != problems->cend() && (!it->feedbackDate.isValid() || it->feedbackDate <= asOf))
            members << id;
    }
    PatternFigures f = compute(members, *problems, history, asOf, settings());
    f.patternId = pattern.id;
    f.name = pattern.name;
    if (pattern.id > 0) {
        RowReader refs(m_db,
                       QStringLiteral("SELECT subject FROM referrals WHERE pattern_id = ? ORDER BY "
                                      "issued_on, id"),
                       {pattern.id});
        (void)refs.forEach([&](const RowReader &) { f.referrals << text(refs.text(0)); });
        RowReader rules(m_db,
                        QStringLiteral("SELECT name FROM rules_established WHERE pattern_id = ? ORDER BY "
                                       "id"),
                        {pattern.id});
        (void)rules.forEach([&](const RowReader &) { f.rules << text(rules.text(0)); });
        if (!refs.status())
            return refs.status().error();
        if (!rules.status())
            return rules.status().error();
    }
    return f;
}

Result<QList<PatternFigures>> PatternService::figures(const QDate &asOf)
{
    QList<PatternFigures> out;
    for (const Pattern &p : patterns()) {
        auto f = figures(p, asOf);
        if (!f)
            return f.error();
        if (f->problems > 0) // none of its members fed back by @p asOf yet
            out << *f;
    }
    sortFigures(out);
    return out;
}

Result<QList<PatternFigures>> PatternService::figures(const QDate &asOf, const QSet<qint64> &scope)
{
    QList<PatternFigures> out;
    for (Pattern p : patterns()) {
        p.members.erase(std::remove_if(p.members.begin(), p.members.end(),
                                       [&](qint64 id) { return !scope.contains(id); }),
                        p.members.end());
        if (p.members.isEmpty())
            continue;
        auto f = figures(p, asOf);
        if (!f)
            return f.error();
        if (f->problems > 0)
            out << *f;
    }
    sortFigures(out);
    return out;
}

Result<QList<QPair<qint64, QString>>> PatternService::problemTexts()
{
    QList<QPair<qint64, QString>> out;
    RowReader rows(
        m_db, QStringLiteral("SELECT id, description FROM problems WHERE deleted_at IS NULL ORDER BY id"));
    (void)rows.forEach([&](const RowReader &) { out.append({rows.integer(0), text(rows.text(1))}); });
    if (!rows.status())
        return rows.status().error();
    return out;
}

Result<QList<PatternFigures>> PatternService::suggestions(const QDate &asOf, int threads)
{
    const PatternSettings s = settings();
    auto texts = problemTexts();
    if (!texts)
        return texts.error();
    std::vector<std::vector<patterns::Bigram>> sets;
    sets.reserve(std::size_t(texts->size()));
    for (const auto &t : *texts)
        sets.push_back(patterns::bigrams(t.second));
    const auto groups =
        patterns::groupSets(sets, patterns::joinedSets(sets, s.thresholds.suggest, threads), s.thresholds);

    // Decisions: the pattern of each member, and the problems excluded from each pattern.
    QHash<qint64, qint64> memberOf;
    QSet<QPair<qint64, qint64>> excluded; // (pattern, problem)
    QHash<qint64, Pattern> byId;
    for (const Pattern &p : patterns()) {
        byId.insert(p.id, p);
        for (const qint64 m : p.members)
            memberOf.insert(m, p.id);
        for (const qint64 e : p.excluded)
            excluded.insert({p.id, e});
    }

    struct Pending
    {
        qint64 addTo = 0;
        QList<qint64> members; // the whole would-be pattern
        QSet<qint64> added;
        qint64 medoid = 0;
    };
    QList<Pending> pending;
    QList<qint64> all;
    for (const patterns::Group &g : groups) {
        QList<qint64> ids;
        std::map<qint64, int> held; // pattern → members of the group it holds
        for (const int m : g.members) {
            const qint64 id = (*texts)[m].first;
            ids << id;
            if (memberOf.contains(id))
                ++held[memberOf.value(id)];
        }
        Pending p;
        p.medoid = (*texts)[g.medoid].first;
        if (held.empty()) {
            p.members = ids;
        } else {
            p.addTo = std::max_element(held.begin(), held.end(), [](const auto &a, const auto &b) {
                          return a.second < b.second;
                      })->first;
            for (const qint64 id : ids)
                if (!memberOf.contains(id) && !excluded.contains({p.addTo, id}))
                    p.added.insert(id);
            if (p.added.isEmpty())
                continue;
            p.members = byId.value(p.addTo).members + QList<qint64>(p.added.cbegin(), p.added.cend());
        }
        if (p.members.size() < 2)
            continue;
        all << p.members;
        pending << p;
    }

    QHash<qint64, QList<QPair<QDate, ProblemState>>> history;
    auto problems = load(all, asOf, &history);
    if (!problems)
        return problems.error();
    QList<PatternFigures> out;
    for (const Pending &p : pending) {
        PatternFigures f = compute(p.members, *problems, history, asOf, s);
        f.suggested = true;
        f.patternId = p.addTo;
        if (p.addTo) {
            f.name = byId.value(p.addTo).name;
            for (PatternMember &m : f.members)
                m.added = p.added.contains(m.problem.id);
        } else {
            f.name = problems->value(p.medoid).text.trimmed();
        }
        out << f;
    }
    sortFigures(out);
    return out;
}

Result<PatternChange> PatternService::apply(const PatternChange &change)
{
    PatternChange stored = change;
    auto r = withTransaction(m_db, [&]() -> Status {
        QSet<qint64> kept;
        for (const Pattern &p : std::as_const(stored.after))
            if (p.id > 0)
                kept.insert(p.id);
        for (const Pattern &p : std::as_const(stored.before)) {
            if (p.id <= 0 || kept.contains(p.id))
                continue;
            if (m_db.scalar(QStringLiteral("SELECT (SELECT count(*) FROM referrals WHERE pattern_id = ?) + "
                                           "(SELECT count(*) FROM rules_established WHERE pattern_id = ?)"),
                            {p.id, p.id})
                    .toInt() > 0)
                return Error{ErrorCode::InputRefused,
                             tr("The pattern %1 has referrals or rules raised from it and cannot be removed.")
                                 .arg(p.name)};
            // Member rows first, each with its audit entry (the cascade would remove them unlogged).
            QList<qint64> rowIds;
            {
                RowReader rows(m_db, QStringLiteral("SELECT id FROM pattern_members WHERE pattern_id = ?"),
                               {p.id});
                (void)rows.forEach([&](const RowReader &) { rowIds << rows.integer(0); });
                if (!rows.status())
                    return rows.status();
            }
            for (const qint64 rowId : std::as_const(rowIds))
                if (Status s = AuditLog::remove(m_db, kMembers, rowId); !s)
                    return s;
            if (Status s = AuditLog::remove(m_db, kPatterns, p.id); !s)
                return s;
        }
        for (Pattern &p : stored.after) {
            p.name = p.name.trimmed();
            if (p.name.isEmpty())
                return Error{ErrorCode::InputRefused, tr("A pattern needs a name.")};
            if (p.members.isEmpty())
                return Error{ErrorCode::InputRefused, tr("The pattern %1 has no problems left.").arg(p.name)};
            p.members = sortedUnique(p.members);
            p.excluded = sortedUnique(p.excluded);
            const bool exists =
                p.id > 0 &&
                m_db.scalar(QStringLiteral("SELECT count(*) FROM patterns WHERE id = ?"), {p.id}).toInt() > 0;
            if (!exists) {
                QVariantMap values{{QStringLiteral("name"), p.name}};
                if (!p.createdOn.isValid())
                    p.createdOn = m_db.clock().today();
                values.insert(QStringLiteral("created_on"), toIso(p.createdOn));
                if (p.id > 0)
                    values.insert(QStringLiteral("id"), p.id);
                if (!p.uuid.isEmpty())
                    values.insert(QStringLiteral("uuid"), p.uuid);
                auto id = AuditLog::insert(m_db, kPatterns, values);
                if (!id)
                    return id.error();
                p.id = *id;
                p.uuid =
                    m_db.scalar(QStringLiteral("SELECT uuid FROM patterns WHERE id = ?"), {p.id}).toString();
            } else if (Status s = AuditLog::update(m_db, kPatterns, p.id, {{QStringLiteral("name"), p.name}});
                       !s) {
                return s;
            }
            // Member rows: wanted (problem → excluded) against those stored.
            QHash<qint64, int> wanted;
            for (const qint64 m : std::as_const(p.members))
                wanted.insert(m, 0);
            for (const qint64 e : std::as_const(p.excluded))
                if (!wanted.contains(e))
                    wanted.insert(e, 1);
            QList<std::array<qint64, 3>> rows; // row id, problem, excluded
            {
                RowReader memberRows(
                    m_db,
                    QStringLiteral("SELECT id, problem_id, excluded FROM pattern_members WHERE "
                                   "pattern_id = ?"),
                    {p.id});
                (void)memberRows.forEach([&](const RowReader &) {
                    rows.append({memberRows.integer(0), memberRows.integer(1), memberRows.integer(2)});
                });
                if (!memberRows.status())
                    return memberRows.status();
            }
            for (const auto &[rowId, problem, wasExcluded] : std::as_const(rows)) {
                if (!wanted.contains(problem)) {
                    if (Status s = AuditLog::remove(m_db, kMembers, rowId); !s)
                        return s;
                } else {
                    if (wanted.value(problem) != wasExcluded)
                        if (Status s = AuditLog::update(
                                m_db, kMembers, rowId, {{QStringLiteral("excluded"), wanted.value(problem)}});
                            !s)
                            return s;
                    wanted.remove(problem);
                }
            }
            QList<qint64> added = wanted.keys();
            std::sort(added.begin(), added.end());
            for (const qint64 problem : added) {
                if (m_db.scalar(QStringLiteral("SELECT count(*) FROM problems WHERE id = ?"), {problem})
                        .toInt() == 0)
                    return Error{ErrorCode::InputRefused, tr("Problem #%1 does not exist.").arg(problem)};
                auto id = AuditLog::insert(m_db, kMembers,
                                           {{QStringLiteral("pattern_id"), p.id},
                                            {QStringLiteral("problem_id"), problem},
                                            {QStringLiteral("excluded"), wanted.value(problem)}});
                if (!id)
                    return id.error();
            }
        }
        const QVariant twice = m_db.scalar(QStringLiteral(
            "SELECT coalesce(pr.registration_no, '#' || pr.id) FROM pattern_members m JOIN problems pr ON "
            "pr.id "
            "= m.problem_id WHERE m.excluded = 0 GROUP BY m.problem_id, pr.registration_no, pr.id HAVING "
            "count(*) > 1 LIMIT 1"));
        if (twice.isValid())
            return Error{ErrorCode::InputRefused,
                         tr("The problem %1 would belong to two patterns.").arg(twice.toString())};
        return okStatus();
    });
    if (!r)
        return r.error();
    return stored;
}

namespace {

// @p p without @p problems among its members.
Pattern without(Pattern p, const QList<qint64> &problems)
{
    for (const qint64 id : problems)
        p.members.removeAll(id);
    return p;
}

} // namespace

Result<PatternChange> PatternService::acceptChange(const QString &name, const QList<qint64> &members)
{
    if (members.isEmpty())
        return Error{ErrorCode::InputRefused, tr("A pattern needs at least one problem.")};
    PatternChange c;
    for (const Pattern &p : patterns()) {
        bool touched = false;
        for (const qint64 m : members)
            touched = touched || p.members.contains(m);
        if (!touched)
            continue;
        c.before << p;
        const Pattern rest = without(p, members);
        if (!rest.members.isEmpty())
            c.after << rest;
    }
    Pattern fresh;
    fresh.name = name.trimmed();
    fresh.members = sortedUnique(members);
    c.after << fresh;
    return c;
}

Result<PatternChange> PatternService::addChange(qint64 patternId, const QList<qint64> &problems)
{
    const auto target = pattern(patternId);
    if (!target)
        return Error{ErrorCode::InputRefused, tr("Pattern #%1 does not exist.").arg(patternId)};
    PatternChange c;
    for (const Pattern &p : patterns()) {
        if (p.id == patternId)
            continue;
        bool touched = false;
        for (const qint64 m : problems)
            touched = touched || p.members.contains(m);
        if (!touched)
            continue;
        c.before << p;
        const Pattern rest = without(p, problems);
        if (!rest.members.isEmpty())
            c.after << rest;
    }
    Pattern t = *target;
    c.before << t;
    t.members = sortedUnique(t.members + problems);
    for (const qint64 m : problems)
        t.excluded.removeAll(m);
    c.after << t;
    return c;
}

Result<PatternChange> PatternService::renameChange(qint64 patternId, const QString &name)
{
    const auto p = pattern(patternId);
    if (!p)
        return Error{ErrorCode::InputRefused, tr("Pattern #%1 does not exist.").arg(patternId)};
    Pattern after = *p;
    after.name = name.trimmed();
    return PatternChange{{*p}, {after}};
}

Result<PatternChange> PatternService::excludeChange(qint64 patternId, qint64 problemId)
{
    const auto p = pattern(patternId);
    if (!p)
        return Error{ErrorCode::InputRefused, tr("Pattern #%1 does not exist.").arg(patternId)};
    if (!p->members.contains(problemId))
        return Error{ErrorCode::InputRefused,
                     tr("Problem #%1 is not a member of the pattern %2.").arg(problemId).arg(p->name)};
    Pattern after = without(*p, {problemId});
    after.excluded = sortedUnique(after.excluded + QList<qint64>{problemId});
    if (after.members.isEmpty())
        return Error{ErrorCode::InputRefused, tr("The pattern %1 has no problems left.").arg(p->name)};
    return PatternChange{{*p}, {after}};
}

Result<PatternChange> PatternService::moveChange(qint64 problemId, qint64 toPatternId)
{
    return addChange(toPatternId, {problemId});
}

Result<PatternChange> PatternService::mergeChange(qint64 intoPatternId, qint64 fromPatternId)
{
    const auto into = pattern(intoPatternId);
    const auto from = pattern(fromPatternId);
    if (!into || !from || intoPatternId == fromPatternId)
        return Error{ErrorCode::InputRefused, tr("Choose two different patterns to merge.")};
    Pattern after = *into;
    after.members = sortedUnique(into->members + from->members);
    for (const qint64 e : from->excluded)
        if (!after.members.contains(e))
            after.excluded << e;
    after.excluded = sortedUnique(after.excluded);
    return PatternChange{{*into, *from}, {after}};
}

Result<PatternChange> PatternService::splitChange(qint64 patternId, const QList<qint64> &problems,
                                                  const QString &name)
{
    const auto p = pattern(patternId);
    if (!p)
        return Error{ErrorCode::InputRefused, tr("Pattern #%1 does not exist.").arg(patternId)};
    for (const qint64 m : problems)
        if (!p->members.contains(m))
            return Error{ErrorCode::InputRefused,
                         tr("Problem #%1 is not a member of the pattern %2.").arg(m).arg(p->name)};
    const Pattern rest = without(*p, problems);
    if (rest.members.isEmpty() || problems.isEmpty())
        return Error{ErrorCode::InputRefused, tr("A split leaves problems on both sides.")};
    Pattern fresh;
    fresh.name = name.trimmed();
    fresh.members = sortedUnique(problems);
    return PatternChange{{*p}, {rest, fresh}};
}

Result<PatternChange> PatternService::removeChange(qint64 patternId)
{
    const auto p = pattern(patternId);
    if (!p)
        return Error{ErrorCode::InputRefused, tr("Pattern #%1 does not exist.").arg(patternId)};
    return PatternChange{{*p}, {}};
}

Result<int> PatternService::acceptAll(const QDate &asOf)
{
    auto list = suggestions(asOf);
    if (!list)
        return list.error();
    auto r = withTransaction(m_db, [&]() -> Result<int> {
        int written = 0;
        for (const PatternFigures &f : std::as_const(*list)) {
            QList<qint64> ids;
            for (const PatternMember &m : f.members)
                ids << m.problem.id;
            auto change = f.patternId ? addChange(f.patternId, ids) : acceptChange(f.name, ids);
            if (!change)
                return change.error();
            if (auto applied = apply(*change); !applied)
                return applied.error();
            ++written;
        }
        return written;
    });
    return r;
}

Result<qint64> PatternService::raiseReferral(qint64 patternId, PatternReferral raised)
{
    Referral &referral = raised.referral;
    if (raised.dueDate.isValid() && referral.issuedOn.isValid() && raised.dueDate < referral.issuedOn)
        return Error{ErrorCode::InputRefused, tr("The due date cannot be before the referral was issued.")};
    const auto p = pattern(patternId);
    if (!p)
        return Error{ErrorCode::InputRefused, tr("Pattern #%1 does not exist.").arg(patternId)};
    referral.problemIds = p->members;
    return withTransaction(m_db, [&]() -> Result<qint64> {
        auto id = OversightService(m_db).addReferral(referral);
        if (!id)
            return id;
        if (Status s = AuditLog::update(m_db, QStringLiteral("referrals"), *id,
                                        {{QStringLiteral("pattern_id"), patternId},
                                         {QStringLiteral("copy_to"), sqlText(raised.copyTo.trimmed())},
                                         {QStringLiteral("due_date"), sqlDate(raised.dueDate)}});
            !s)
            return s.error();
        return id;
    });
}

Result<qint64> PatternService::raiseRule(qint64 patternId, const PatternRule &rule)
{
    if (!pattern(patternId))
        return Error{ErrorCode::InputRefused, tr("Pattern #%1 does not exist.").arg(patternId)};
    if (rule.name.trimmed().isEmpty())
        return Error{ErrorCode::InputRefused, tr("A rule-building item needs a name.")};
    return withTransaction(m_db, [&]() -> Result<qint64> {
        return AuditLog::insert(m_db, QStringLiteral("rules_established"),
                                {{QStringLiteral("name"), rule.name.trimmed()},
                                 {QStringLiteral("owner"), sqlText(rule.owner.trimmed())},
                                 {QStringLiteral("due_date"), sqlDate(rule.dueDate)},
                                 {QStringLiteral("pattern_id"), patternId}});
    });
}

Result<QList<SimilarProblem>> PatternService::similarProblems(const patterns::SimilarityIndex &index,
                                                              qint64 problemId, int limit, int *total)
{
    const PatternSettings s = settings();
    const QString own =
        m_db.scalar(QStringLiteral("SELECT description FROM problems WHERE id = ?"), {problemId}).toString();
    auto matches = index.similarTo(own, s.thresholds.possible, problemId);
    if (total)
        *total = int(matches.size());
    if (limit > 0 && matches.size() > size_t(limit))
        matches.resize(size_t(limit));
    QList<qint64> ids;
    for (const auto &m : matches)
        ids << m.id;
    QHash<qint64, QList<QPair<QDate, ProblemState>>> history;
    auto problems = load(ids, m_db.defaultAsOf(), &history);
    if (!problems)
        return problems.error();
    QHash<qint64, qint64> memberOf;
    for (const Pattern &p : patterns())
        for (const qint64 m : p.members)
            memberOf.insert(m, p.id);
    QList<SimilarProblem> out;
    for (const auto &m : matches) {
        if (!problems->contains(m.id))
            continue;
        SimilarProblem sp;
        sp.problem = problems->value(m.id);
        sp.similarity = m.similarity;
        sp.possible = m.similarity + 1e-12 < s.thresholds.suggest;
        sp.patternId = memberOf.value(m.id);
        out << sp;
    }
    return out;
}

} // namespace rectrack::core
