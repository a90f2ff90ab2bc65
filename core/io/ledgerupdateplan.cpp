#include "ledgerupdateplan.h"

#include "ledgerimporter.h"

#include "storage/auditlog.h"
#include "workflow/organizationservice.h"
#include "workflow/problemservice.h"

#include <QSet>

namespace rectrack::core {

namespace {

struct RegisterProblem
{
    qint64 id = 0;
    QString registrationNo;
    QString description;
    QString office;
    ProblemState state = ProblemState::Registered;
    QString progress;
    bool deleted = false; ///< soft-deleted: a matching row leaves it alone (LedgerImporter)
};

/// Removes, through the audit log, the rows of @p table that belong to @p problemId and have an
/// id above @p after.
Status removeRows(Database &db, const QString &table, qint64 problemId, qint64 after)
{
    QList<qint64> rows;
    if (const Status s = db.forEachRow(
            QStringLiteral("SELECT id FROM %1 WHERE problem_id = ? AND id > ? ORDER BY id").arg(table),
            {problemId, after}, [&](const SqlRow &r) { rows << r.integer(0); });
        !s)
        return s;
    for (const qint64 row : std::as_const(rows)) {
        if (const Status s = AuditLog::remove(db, table, row); !s)
            return s;
    }
    return okStatus();
}

} // namespace

int LedgerUpdatePlan::count(PlannedChange::Kind kind) const
{
    return int(std::count_if(changes.cbegin(), changes.cend(),
                             [kind](const PlannedChange &c) { return c.kind == kind; }));
}

bool LedgerUpdatePlan::changesAnything() const
{
    return count(PlannedChange::Kind::New) + count(PlannedChange::Kind::StateChange) +
               count(PlannedChange::Kind::Progress) >
           0;
}

int LedgerUpdatePlan::count(PlannedChange::Kind kind, const QString &unit) const
{
    return int(std::count_if(changes.cbegin(), changes.cend(), [kind, &unit](const PlannedChange &c) {
        return c.kind == kind && c.unit == unit;
    }));
}

LedgerUpdatePlan LedgerUpdatePlan::compute(Database &db, const RecognizedLedger &ledger, const QString &unit)
{
    LedgerUpdatePlan plan;
    plan.unit = unit.trimmed();
    const UnitNames names(db);

    // The problems of each unit the ledger names, as LedgerImporter::importFile groups them.
    struct UnitProblems
    {
        QString name;
        QList<RegisterProblem> problems;
        QHash<QString, int> byNo;
        QHash<QPair<QString, QString>, int> byText;
        QSet<int> matched;
    };
    QList<UnitProblems> units;
    QHash<QString, int> unitOf; // LedgerRules::unitKey → index in units
    auto unitFor = [&](const QString &written) -> UnitProblems & {
        const QString key = LedgerRules::unitKey(written);
        if (const auto it = unitOf.constFind(key); it != unitOf.cend())
            return units[*it];
        UnitProblems u;
        u.name = written.trimmed();
        if (const auto existing = names.find(written)) {
            u.name = existing->name;
            plan.unitExists = true;
            // The plan is a preview and carries no error: a damaged page is recorded by the
            // database (Database::damageSeen()), and the import that follows reads the rows again
            // and fails.
            (void)db.forEachRow(
                QStringLiteral("SELECT id, coalesce(registration_no, ''), description, "
                               "coalesce(responsible_office, ''), state, coalesce(progress, ''), "
                               "deleted_at IS NOT NULL FROM problems WHERE unit_id = ? ORDER BY id"),
                {existing->id}, [&](const SqlRow &r) {
                    u.problems << RegisterProblem{
                        r.integer(0),
                        r.text(1),
                        r.text(2),
                        r.text(3),
                        Names::problemState(r.text(4)).value_or(ProblemState::Registered),
                        r.text(5),
                        r.value(6).toBool()};
                });
            // The importer's identity rule: the registration number within the unit, else the
            // first problem with the same text and responsible office.
            for (int i = int(u.problems.size()) - 1; i >= 0; --i) {
                if (!u.problems[i].registrationNo.isEmpty())
                    u.byNo.insert(u.problems[i].registrationNo, i);
                u.byText.insert({u.problems[i].description, u.problems[i].office}, i);
            }
        }
        unitOf.insert(key, int(units.size()));
        plan.units << u.name;
        units << u;
        return units.last();
    };

    for (const LedgerRow &ledgerRow : ledger.rows) {
        const LedgerRow row = LedgerImporter::withStateFromMeasures(ledgerRow);
        UnitProblems &u = unitFor(row.unit.isEmpty() ? plan.unit : row.unit);
        PlannedChange c;
        c.row = row.rowNumber;
        c.unit = u.name;
        c.registrationNo = row.registrationNo;
        c.description = row.description;
        c.after = row.state;
        c.before = row.state;
        c.progressAfter = row.progress;
        const int i = !row.registrationNo.isEmpty()
                          ? u.byNo.value(row.registrationNo, -1)
                          : u.byText.value({row.description.trimmed(), row.responsibleOffice}, -1);
        if (i < 0 || u.matched.contains(i)) {
            c.kind = PlannedChange::Kind::New;
            plan.changes << c;
            continue;
        }
        u.matched.insert(i);
        const RegisterProblem &p = u.problems[i];
        c.problemId = p.id;
        c.registrationNo = p.registrationNo;
        c.before = p.state;
        c.progressBefore = p.progress;
        if (p.deleted) {
            // The import skips a row of a deleted problem (with a warning): nothing changes.
            c.after = p.state;
            c.progressAfter = p.progress;
            c.kind = PlannedChange::Kind::Unchanged;
        } else if (row.state != p.state)
            c.kind = PlannedChange::Kind::StateChange;
        else if (!row.progress.isEmpty() && row.progress != p.progress)
            c.kind = PlannedChange::Kind::Progress;
        else
            c.kind = PlannedChange::Kind::Unchanged;
        plan.changes << c;
    }
    if (ledger.rows.isEmpty() && !plan.unit.isEmpty())
        unitFor(plan.unit);
    for (const UnitProblems &u : std::as_const(units)) {
        for (int i = 0; i < u.problems.size(); ++i) {
            if (u.matched.contains(i) || u.problems[i].deleted) // a deleted problem has left on purpose
                continue;
            const RegisterProblem &p = u.problems[i];
            PlannedChange c;
            c.kind = PlannedChange::Kind::Disappeared;
            c.unit = u.name;
            c.problemId = p.id;
            c.registrationNo = p.registrationNo;
            c.description = p.description;
            c.before = c.after = p.state;
            c.progressBefore = c.progressAfter = p.progress;
            plan.changes << c;
        }
    }
    return plan;
}

Result<RecognizedLedger> LedgerUpdatePlan::readLedger(Database &db, const QString &path,
                                                      const ImportOptions &options)
{
    auto wb = LedgerImporter::readFile(path, options.displayName);
    if (!wb)
        return wb.error();
    RecognizerOptions ro;
    ro.map = options.map;
    ro.year = options.feedbackDate.isValid() ? options.feedbackDate.year() : 0;
    ro.fallbackYear = db.clock().today().year();
    ro.unit = options.unit.trimmed();
    Error error;
    const int sheet = LedgerRecognizer::chooseSheet(*wb, options.sheet, ro, &error);
    if (sheet < 0)
        return error;
    return LedgerRecognizer::recognize(std::move(*wb), sheet, ro);
}

LedgerUpdateSnapshot LedgerUpdateUndo::capture(Database &db, const QString &unit)
{
    return capture(db, QStringList{unit});
}

LedgerUpdateSnapshot LedgerUpdateUndo::capture(Database &db, const QString &path,
                                               const ImportOptions &options)
{
    QStringList units{options.unit};
    if (const auto ledger = LedgerUpdatePlan::readLedger(db, path, options)) {
        for (const LedgerRow &row : ledger->rows)
            units << row.unit;
    }
    return capture(db, units);
}

LedgerUpdateSnapshot LedgerUpdateUndo::capture(Database &db, const QStringList &units)
{
    LedgerUpdateSnapshot s;
    s.lastProgressId =
        db.scalar(QStringLiteral("SELECT coalesce(max(id), 0) FROM progress_entries")).toLongLong();
    s.lastStateId = db.scalar(QStringLiteral("SELECT coalesce(max(id), 0) FROM problem_states")).toLongLong();
    const UnitNames names(db);
    QSet<qint64> seen;
    for (const QString &unit : units) {
        const auto u = unit.trimmed().isEmpty() ? std::nullopt : names.find(unit);
        if (!u || seen.contains(u->id))
            continue;
        seen.insert(u->id);
        if (s.unitId == 0)
            s.unitId = u->id;
        // The snapshot carries no error: a damaged page is recorded by the database
        // (Database::damageSeen()), and the import that follows reads the same rows and fails.
        (void)db.forEachRow(
            QStringLiteral("SELECT id, state, progress, completed_date, closed_out_date FROM problems "
                           "WHERE unit_id = ?"),
            {u->id}, [&](const SqlRow &r) {
                s.problems.insert(r.integer(0), QVariantMap{{QStringLiteral("state"), r.value(1)},
                                                            {QStringLiteral("progress"), r.value(2)},
                                                            {QStringLiteral("completed_date"), r.value(3)},
                                                            {QStringLiteral("closed_out_date"), r.value(4)}});
            });
        (void)db.forEachRow(
            QStringLiteral("SELECT m.id, m.state, m.completed_date FROM measures m JOIN problems p ON "
                           "p.id = m.problem_id WHERE p.unit_id = ?"),
            {u->id}, [&](const SqlRow &r) {
                s.measures.insert(r.integer(0), QVariantMap{{QStringLiteral("state"), r.value(1)},
                                                            {QStringLiteral("completed_date"), r.value(2)}});
            });
    }
    return s;
}

Status LedgerUpdateUndo::revert(Database &db, const LedgerUpdateSnapshot &before, const ImportReport &report)
{
    Transaction tx(db);
    if (!tx.active())
        return tx.error();
    QList<qint64> updated;
    for (const ImportedProblem &p : report.problems) {
        if (p.action == ImportedProblem::Action::Created) {
            if (p.id <= 0)
                continue;
            if (!db.scalar(QStringLiteral("SELECT 1 FROM problems WHERE id = ?"), {p.id}).isValid())
                return Error{
                    ErrorCode::InputRefused,
                    tr("Problem #%1 of the import has been deleted since; the import cannot be undone.")
                        .arg(p.id)};
            // Children first, each through the audit log (a cascade would leave rows that verify
            // reports as deleted behind the program's back).
            for (const char *table : {"progress_entries", "evidence", "reviews", "extension_requests",
                                      "problem_states", "measures"}) {
                if (const Status s = removeRows(db, QString::fromLatin1(table), p.id, 0); !s)
                    return s;
            }
            if (const Status s = AuditLog::remove(db, QStringLiteral("problems"), p.id); !s)
                return s;
        } else if (p.action == ImportedProblem::Action::Updated) {
            updated << p.id;
        }
    }
    for (const qint64 id : std::as_const(updated)) {
        if (const Status s = removeRows(db, QStringLiteral("progress_entries"), id, before.lastProgressId);
            !s)
            return s;
        if (const Status s = removeRows(db, QStringLiteral("problem_states"), id, before.lastStateId); !s)
            return s;
        if (before.problems.contains(id)) {
            if (const Status s =
                    AuditLog::update(db, QStringLiteral("problems"), id, before.problems.value(id));
                !s)
                return s;
        }
        QList<qint64> measures;
        if (const Status s = db.forEachRow(QStringLiteral("SELECT id FROM measures WHERE problem_id = ?"),
                                           {id}, [&](const SqlRow &r) { measures << r.integer(0); });
            !s)
            return s;
        for (const qint64 mid : std::as_const(measures)) {
            if (!before.measures.contains(mid))
                continue;
            if (const Status s =
                    AuditLog::update(db, QStringLiteral("measures"), mid, before.measures.value(mid));
                !s)
                return s;
        }
    }
    return tx.commit();
}

} // namespace rectrack::core
