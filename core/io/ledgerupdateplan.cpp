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
    auto q =
        db.exec(QStringLiteral("SELECT id FROM %1 WHERE problem_id = ? AND id > ? ORDER BY id").arg(table),
                {problemId, after});
    if (!q)
        return q.error();
    QList<qint64> rows;
    while (q->next())
        rows << q->value(0).toLongLong();
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

LedgerUpdatePlan LedgerUpdatePlan::compute(Database &db, const RecognizedLedger &ledger, const QString &unit)
{
    LedgerUpdatePlan plan;
    plan.unit = unit.trimmed();
    QList<RegisterProblem> problems;
    if (const auto u = OrganizationService(db).unitByName(plan.unit)) {
        plan.unitExists = true;
        auto q = db.exec(QStringLiteral("SELECT id, coalesce(registration_no, ''), description, "
                                        "coalesce(responsible_office, ''), state, coalesce(progress, ''), "
                                        "deleted_at IS NOT NULL FROM problems WHERE unit_id = ? ORDER BY id"),
                         {u->id});
        while (q && q->next()) {
            problems << RegisterProblem{
                q->value(0).toLongLong(),
                q->value(1).toString(),
                q->value(2).toString(),
                q->value(3).toString(),
                Names::problemState(q->value(4).toString()).value_or(ProblemState::Registered),
                q->value(5).toString(),
                q->value(6).toBool()};
        }
    }
    // The importer's identity rule (LedgerImporter::importFile): the registration number within
    // the unit, else the first problem with the same text and responsible office.
    QHash<QString, int> byNo;
    QHash<QPair<QString, QString>, int> byText;
    for (int i = int(problems.size()) - 1; i >= 0; --i) {
        if (!problems[i].registrationNo.isEmpty())
            byNo.insert(problems[i].registrationNo, i);
        byText.insert({problems[i].description, problems[i].office}, i);
    }
    QSet<int> matched;
    for (const LedgerRow &ledgerRow : ledger.rows) {
        const LedgerRow row = LedgerImporter::withStateFromMeasures(ledgerRow);
        PlannedChange c;
        c.row = row.rowNumber;
        c.registrationNo = row.registrationNo;
        c.description = row.description;
        c.after = row.state;
        c.before = row.state;
        c.progressAfter = row.progress;
        const int i = !row.registrationNo.isEmpty()
                          ? byNo.value(row.registrationNo, -1)
                          : byText.value({row.description.trimmed(), row.responsibleOffice}, -1);
        if (i < 0 || matched.contains(i)) {
            c.kind = PlannedChange::Kind::New;
            plan.changes << c;
            continue;
        }
        matched.insert(i);
        const RegisterProblem &p = problems[i];
        c.problemId = p.id;
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
    for (int i = 0; i < problems.size(); ++i) {
        if (matched.contains(i) || problems[i].deleted) // a deleted problem has left on purpose
            continue;
        const RegisterProblem &p = problems[i];
        PlannedChange c;
        c.kind = PlannedChange::Kind::Disappeared;
        c.problemId = p.id;
        c.registrationNo = p.registrationNo;
        c.description = p.description;
        c.before = c.after = p.state;
        c.progressBefore = c.progressAfter = p.progress;
        plan.changes << c;
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
    Error error;
    const int sheet = LedgerRecognizer::chooseSheet(*wb, options.sheet, ro, &error);
    if (sheet < 0)
        return error;
    return LedgerRecognizer::recognize(*wb, wb->sheets[sheet], ro);
}

LedgerUpdateSnapshot LedgerUpdateUndo::capture(Database &db, const QString &unit)
{
    LedgerUpdateSnapshot s;
    s.lastProgressId =
        db.scalar(QStringLiteral("SELECT coalesce(max(id), 0) FROM progress_entries")).toLongLong();
    s.lastStateId = db.scalar(QStringLiteral("SELECT coalesce(max(id), 0) FROM problem_states")).toLongLong();
    const auto u = OrganizationService(db).unitByName(unit.trimmed());
    if (!u)
        return s;
    s.unitId = u->id;
    auto q =
        db.exec(QStringLiteral("SELECT id, state, progress, completed_date, closed_out_date FROM problems "
                               "WHERE unit_id = ?"),
                {u->id});
    while (q && q->next()) {
        s.problems.insert(q->value(0).toLongLong(),
                          QVariantMap{{QStringLiteral("state"), q->value(1)},
                                      {QStringLiteral("progress"), q->value(2)},
                                      {QStringLiteral("completed_date"), q->value(3)},
                                      {QStringLiteral("closed_out_date"), q->value(4)}});
    }
    auto m =
        db.exec(QStringLiteral("SELECT m.id, m.state, m.completed_date FROM measures m JOIN problems p ON "
                               "p.id = m.problem_id WHERE p.unit_id = ?"),
                {u->id});
    while (m && m->next()) {
        s.measures.insert(m->value(0).toLongLong(),
                          QVariantMap{{QStringLiteral("state"), m->value(1)},
                                      {QStringLiteral("completed_date"), m->value(2)}});
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
        auto m = db.exec(QStringLiteral("SELECT id FROM measures WHERE problem_id = ?"), {id});
        if (!m)
            return m.error();
        QList<qint64> measures;
        while (m->next())
            measures << m->value(0).toLongLong();
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
