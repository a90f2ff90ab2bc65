#include "ledgerimporter.h"

#include "ledgerfile.h"
#include "safefile.h"

#include "storage/bulkwritecache.h"
#include "storage/problemfacts.h"
#include "storage/searchindex.h"
#include "workflow/bulkregistration.h"
#include "workflow/organizationservice.h"
#include "workflow/problemservice.h"
#include "workflow/registersettings.h"
#include "workflow/registrationnumber.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <functional>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace rectrack::core {

namespace {

MeasureState measureStateFor(ProblemState s)
{
    switch (s) {
    case ProblemState::Registered:
        return MeasureState::Pending;
    case ProblemState::InProgress:
        return MeasureState::InProgress;
    case ProblemState::LongTerm:
        return MeasureState::LongTerm;
    case ProblemState::Completed:
    case ProblemState::ClosedOut:
        return MeasureState::Completed;
    }
    return MeasureState::Pending;
}

/// The inspection of (unit, round, source) the imported problems belong to, or 0 when the unit has
/// none yet (the caller creates it).
Result<qint64> findInspection(Database &db, qint64 unitId, qint64 roundId, SourceLevel source)
{
    auto id =
        roundId > 0
            ? db.value(QStringLiteral("SELECT id FROM inspections WHERE unit_id = ? AND round_id = ? AND "
                                      "source_level = ? ORDER BY id LIMIT 1"),
                       {unitId, roundId, Names::key(source)})
            : db.value(QStringLiteral("SELECT id FROM inspections WHERE unit_id = ? AND round_id IS NULL "
                                      "AND source_level = ? ORDER BY id LIMIT 1"),
                       {unitId, Names::key(source)});
    if (!id)
        return id.error();
    return id->isValid() ? id->toLongLong() : qint64(0);
}

/// The term a round that starts on @p start is filed under: the one whose period holds that day,
/// else the latest that began before it, else the first; 0 when the register has no term (the
/// round is then "other feedback", as a round typed without a term always was).
qint64 termOf(const QList<Term> &terms, const QDate &start)
{
    const Term *best = nullptr;
    for (const Term &t : terms) {
        const bool began = !t.start.isValid() || t.start <= start;
        if (began && (!t.end.isValid() || start <= t.end))
            return t.id;
        if (began && (!best || (best->start.isValid() && t.start > best->start)))
            best = &t;
    }
    if (best)
        return best->id;
    return terms.isEmpty() ? 0 : terms.first().id;
}

} // namespace

ProblemState LedgerImporter::problemStateFromMeasures(const QList<ProblemState> &measures)
{
    if (measures.isEmpty())
        return ProblemState::Registered;
    auto done = [](ProblemState s) { return s == ProblemState::Completed || s == ProblemState::ClosedOut; };
    if (std::all_of(measures.cbegin(), measures.cend(),
                    [](ProblemState s) { return s == ProblemState::ClosedOut; }))
        return ProblemState::ClosedOut;
    if (std::all_of(measures.cbegin(), measures.cend(), done))
        return ProblemState::Completed;
    if (std::all_of(measures.cbegin(), measures.cend(),
                    [&done](ProblemState s) { return done(s) || s == ProblemState::LongTerm; }))
        return ProblemState::LongTerm;
    if (std::all_of(measures.cbegin(), measures.cend(),
                    [](ProblemState s) { return s == ProblemState::Registered; }))
        return ProblemState::Registered;
    return ProblemState::InProgress;
}

LedgerRow LedgerImporter::withStateFromMeasures(const LedgerRow &row)
{
    if (row.measureStates.isEmpty() || row.measureStates.size() != row.measures.size())
        return row;
    LedgerRow out = row;
    out.state = problemStateFromMeasures(row.measureStates);
    for (const QDate &d : row.measureDeadlines) {
        if (d.isValid() && (!out.deadline.isValid() || d > out.deadline))
            out.deadline = d;
    }
    return out;
}

Result<Workbook> LedgerImporter::readFile(const QString &path, const QString &displayName)
{
    const QString name = displayName.isEmpty() ? QFileInfo(path).fileName() : displayName;
    // Only a regular file within the size limit, checked before any reader opens it.
    if (const Status s = SafeFile::checkInput(path, name); !s)
        return s.error();
    return LedgerFile::read(path, displayName);
}

UnitNames::UnitNames(Database &db)
{
    for (const Unit &u : OrganizationService(db).units()) {
        m_byName.insert(u.name, u);
        const QString key = LedgerRules::unitKey(u.name);
        if (!m_byKey.contains(key) || u.id < m_byKey.value(key).id)
            m_byKey.insert(key, u);
    }
}

std::optional<Unit> UnitNames::find(const QString &name) const
{
    // The name exactly as registered wins over another way of writing it (both may be units).
    if (const auto exact = m_byName.constFind(name.trimmed()); exact != m_byName.cend())
        return *exact;
    const auto it = m_byKey.constFind(LedgerRules::unitKey(name));
    if (it == m_byKey.cend())
        return std::nullopt;
    return *it;
}

namespace {

/// One unit an import writes to: its inspection, the problems it had before the import (the
/// identities rows are matched against) and the registration numbers taken in it.
struct TargetUnit
{
    qint64 id = 0;
    QString name;
    qint64 inspectionId = 0;
    int report = 0;                                    ///< index in ImportReport::units
    QHash<QString, qint64> byNumber;                   ///< registration number → problem
    QHash<std::pair<QString, QString>, qint64> byText; ///< (text, office) → first problem
    QHash<qint64, QString> deletedOn;                  ///< soft-deleted problems: deletion date
    QSet<QString> takenNumbers;                        ///< the register's and the ledger's numbers
};

/// Reads the problems @p unit had before the import into its lookups. Per row, "WHERE unit_id = ?
/// AND registration_no = ?" scans the unit's problems (SQLite picks the unit index), which made
/// large imports quadratic.
Status loadIdentities(Database &db, TargetUnit &unit)
{
    auto q =
        db.exec(QStringLiteral("SELECT id, description, coalesce(responsible_office, ''), "
                               "registration_no, deleted_at FROM problems WHERE unit_id = ? ORDER BY id"),
                {unit.id});
    if (!q)
        return q.error();
    return db.eachRow(*q, [&](const SqlRow &r) {
        const qint64 id = r.integer(0);
        if (!r.isNull(3)) {
            unit.takenNumbers.insert(r.text(3));
            if (!unit.byNumber.contains(r.text(3)))
                unit.byNumber.insert(r.text(3), id);
        }
        const std::pair<QString, QString> key{r.text(1), r.text(2)};
        if (!unit.byText.contains(key))
            unit.byText.insert(key, id);
        if (!r.isNull(4))
            unit.deletedOn.insert(id, r.text(4).left(10));
    });
}

/// Registration numbers for imported problems that have none: the register's pattern, one
/// running number per filled pattern text (units share it when the pattern has no {unit}),
/// skipping the numbers a unit has already or that the ledger gives another of its rows.
class NumberSource
{
public:
    NumberSource(Database &db, const QString &round, const QDate &feedback)
        : m_db(db), m_pattern(SettingsService(db).load().registrationPattern), m_round(round),
          m_feedback(feedback)
    {
    }

    QString next(TargetUnit &unit)
    {
        const RegistrationNumber::Fields fields{m_round, unit.name, m_feedback};
        const QString key = RegistrationNumber::format(m_pattern, fields, 0);
        auto it = m_seq.find(key);
        if (it == m_seq.end())
            it = m_seq.insert(key, RegistrationNumber::nextSeq(m_db, m_pattern, fields));
        QString number;
        do {
            number = RegistrationNumber::format(m_pattern, fields, (*it)++);
        } while (unit.takenNumbers.contains(number));
        unit.takenNumbers.insert(number);
        return number;
    }

private:
    Database &m_db;
    QString m_pattern;
    QString m_round;
    QDate m_feedback;
    QHash<QString, int> m_seq;
};

/// The first 20 names of @p names, then how many more: a city's first combined ledger can name
/// thousands of new units, and the warning must stay readable (the dry run lists them all).
QString shortList(const QStringList &names)
{
    constexpr qsizetype kShown = 20;
    const QString shown = names.mid(0, kShown).join(LedgerImporter::tr(", "));
    if (names.size() <= kShown)
        return shown;
    return LedgerImporter::tr("%1 and %n more", "", int(names.size() - kShown)).arg(shown);
}

/// Stage 1: reads the file, chooses the sheet and recognises it; the report takes the sheet,
/// header, columns, issues and counts. Empty when the file cannot be imported (the report says
/// why): unreadable, no ledger sheet, no unit for its rows, or errors in its cells.
std::optional<RecognizedLedger> recognizeLedger(Database &db, const QString &path,
                                                const ImportOptions &options, ImportReport &report)
{
    auto fileError = [&report](const QString &message) {
        report.errors << ImportIssue{report.file, report.sheet, 0, {}, message};
        return std::nullopt;
    };
    auto wb = LedgerImporter::readFile(path, report.file);
    if (!wb)
        return fileError(wb.error().message);
    const QDate today = db.clock().today();
    RecognizerOptions ro;
    ro.map = options.map;
    ro.year = options.feedbackDate.isValid() ? options.feedbackDate.year() : 0;
    ro.fallbackYear = today.year();
    ro.unit = options.unit.trimmed();
    Error sheetError;
    const int sheetIndex = LedgerRecognizer::chooseSheet(*wb, options.sheet, ro, &sheetError);
    if (sheetIndex < 0)
        return fileError(sheetError.message);
    // The workbook is given up: its cells are freed row by row as the ledger rows are made.
    RecognizedLedger ledger = LedgerRecognizer::recognize(std::move(*wb), sheetIndex, ro);
    const bool unitColumn = std::any_of(ledger.columns.cbegin(), ledger.columns.cend(),
                                        [](const LedgerColumn &c) { return c.field == LedgerField::Unit; });
    if (ro.unit.isEmpty() && !unitColumn)
        return fileError(
            LedgerImporter::tr("the unit the ledger belongs to is missing (--unit); the ledger has "
                               "no unit column (被巡察单位) that names it."));
    report.sheet = ledger.sheet;
    report.headerRow = ledger.headerRow;
    report.columns = ledger.columns;
    report.errors = ledger.errors;
    report.warnings = ledger.warnings;
    report.categories = ledger.categories;
    report.skippedRows = ledger.skippedRows;
    for (auto it = options.map.cbegin(); it != options.map.cend(); ++it) {
        const QString key = it.key().simplified();
        const bool used =
            std::any_of(ledger.columns.cbegin(), ledger.columns.cend(), [&key](const LedgerColumn &c) {
                return c.mapped && (c.header.simplified() == key || c.header.simplified().endsWith(key));
            });
        if (!used && ledger.headerRow > 0)
            report.warnings << ImportIssue{
                report.file, report.sheet, ledger.headerRow, it.key(),
                LedgerImporter::tr("--map names a header the ledger does not have.")};
    }
    if (!report.ok())
        return std::nullopt;
    return ledger;
}

/// Stage 2: the round of the import (0 for none), created under the register's term when the
/// register does not have it.
Result<qint64> ensureRound(Database &db, OrganizationService &org, const ImportOptions &options,
                           const QDate &feedback, ImportReport &report)
{
    if (options.round.trimmed().isEmpty())
        return qint64(0);
    if (auto r = org.roundByLabel(options.round))
        return r->id;
    Round nr;
    nr.label = options.round.trimmed();
    nr.start = feedback;
    nr.termId = termOf(org.terms(), feedback);
    // The register's default deadlines of a new round, as a round typed on registration gets.
    const RegisterSettings settings = SettingsService(db).load();
    nr.planMonths = settings.defaultPlanMonths;
    nr.concentratedMonths = settings.defaultConcentratedMonths;
    auto id = org.addRound(nr);
    if (id)
        report.roundCreated = true;
    return id;
}

/// The units an import writes to, and which of them each ledger row goes to.
struct ImportTargets
{
    QList<TargetUnit> units;
    QList<int> ofRow;  ///< per ledger row: index in units
    int failedRow = 0; ///< the row whose unit could not be created, when resolveUnits fails
};

/// Stage 3: the unit of each row, in order of first appearance: the register's unit of that
/// name (written any usual way, UnitNames), else a new one under the name as the ledger writes
/// it (listed in a warning when the names come from a unit column); each with its inspection of
/// (unit, round, source) and the identities of its problems before the import. Everything is read
/// first, then the new units and inspections are written through @p bulk (in the order of the
/// rows, as one at a time would), so that a server gets them in a few statements instead of a dozen
/// round trips each.
Result<ImportTargets> resolveUnits(Database &db, BulkRegistration &bulk, const RecognizedLedger &ledger,
                                   qint64 roundId, const ImportOptions &options, const QDate &feedback,
                                   ImportReport &report)
{
    const UnitNames names(db);
    QHash<QString, int> targetOf; // LedgerRules::unitKey → index in units
    ImportTargets targets;
    QList<int> firstRow; // per target: the ledger row that named it first
    targets.ofRow.reserve(ledger.rows.size());
    for (const LedgerRow &row : ledger.rows) {
        const QString key = LedgerRules::unitKey(row.unit);
        auto known = targetOf.constFind(key);
        if (known == targetOf.cend()) {
            TargetUnit t;
            ImportedUnit u;
            if (const auto existing = names.find(row.unit)) {
                t.id = existing->id;
                t.name = existing->name;
                if (const Status s = loadIdentities(db, t); !s)
                    return s.error();
                auto inspection = findInspection(db, t.id, roundId, options.source);
                if (!inspection)
                    return inspection.error();
                t.inspectionId = *inspection;
            } else {
                // A unit created here has no problems and no inspection yet: nothing to read.
                t.name = row.unit.trimmed();
                u.isNew = true;
                report.newUnits << t.name;
            }
            u.name = t.name;
            t.report = int(report.units.size());
            report.units << u;
            known = targetOf.insert(key, int(targets.units.size()));
            targets.units << t;
            firstRow << row.rowNumber;
        }
        TargetUnit &t = targets.units[*known];
        if (!row.registrationNo.isEmpty())
            t.takenNumbers.insert(row.registrationNo);
        targets.ofRow << *known;
    }
    qint64 newUnits = 0;
    qint64 newInspections = 0;
    for (const TargetUnit &t : std::as_const(targets.units)) {
        newUnits += t.id == 0 ? 1 : 0;
        newInspections += t.inspectionId == 0 ? 1 : 0;
    }
    if (newUnits + newInspections > 0)
        bulk.expectUnits(newUnits, newInspections);
    for (int i = 0; i < targets.units.size(); ++i) {
        TargetUnit &t = targets.units[i];
        if (t.id == 0) {
            auto id = bulk.addUnit(t.name);
            if (!id) {
                targets.failedRow = firstRow[i];
                return id.error();
            }
            t.id = *id;
        }
        if (t.inspectionId == 0) {
            Inspection inspection;
            inspection.unitId = t.id;
            inspection.roundId = roundId;
            inspection.source = options.source;
            inspection.feedbackDate = feedback;
            auto id = bulk.addInspection(inspection);
            if (!id)
                return id.error();
            t.inspectionId = *id;
        }
    }
    report.unitCreated = !report.newUnits.isEmpty();
    const bool unitColumn = std::any_of(ledger.columns.cbegin(), ledger.columns.cend(),
                                        [](const LedgerColumn &c) { return c.field == LedgerField::Unit; });
    if (unitColumn && report.unitCreated)
        report.warnings << ImportIssue{
            report.file,
            report.sheet,
            0,
            {},
            LedgerImporter::tr(
                "the register has no unit named %1; the import creates %n new unit(s) under the "
                "names as the ledger writes them.",
                "", int(report.newUnits.size()))
                .arg(shortList(report.newUnits))};
    return targets;
}

/// Stage 4a: a row that matches a problem of its unit updates that problem's progress (a dated
/// progress entry) and state (history, and its measures' states); deadlines, leaders and
/// measure texts stay. Returns whether anything changed.
Result<bool> updateProblem(ProblemService &ps, qint64 id, const LedgerRow &row, const QDate &today,
                           const std::function<QString()> &nextNumber, ImportedProblem &out)
{
    const auto p = ps.problem(id);
    if (!p)
        return Error{ErrorCode::Internal, LedgerImporter::tr("problem #%1 cannot be read.").arg(id)};
    out.id = id;
    out.registrationNo = p->registrationNo;
    bool changed = false;
    // A problem imported before every imported problem was registered with a number (issue #18)
    // gets one now, so that every row of the ledgers names its problem.
    if (p->registrationNo.trimmed().isEmpty()) {
        Problem numbered = *p;
        numbered.registrationNo = nextNumber();
        if (const Status s = ps.updateProblem(numbered); !s)
            return s.error();
        out.registrationNo = numbered.registrationNo;
        changed = true;
    }
    const QDate when = std::max(today, p->feedbackDate);
    if (!row.progress.isEmpty() && row.progress != p->progress) {
        ProgressEntry e;
        e.problemId = id;
        e.date = when;
        e.text = row.progress;
        if (auto entry = ps.addProgress(e); !entry)
            return entry.error();
        changed = true;
    }
    // addProgress moves a registered problem to in progress: compare with the state now.
    const auto now = ps.problem(id);
    const bool ownMeasureStates =
        !row.measureStates.isEmpty() && row.measureStates.size() == row.measures.size();
    if (now && now->state != row.state) {
        if (const Status s = ps.writeState(id, row.state, when); !s)
            return s.error();
        changed = true;
        if (!ownMeasureStates) {
            for (const Measure &m : ps.measures(id)) {
                if (const Status s = ps.setMeasureState(m.id, measureStateFor(row.state), when); !s)
                    return s.error();
            }
        }
    }
    // Rows that give each measure its own state (one measure per row): each measure of the
    // register takes the state of the row with its text; a measure no row names takes the
    // problem's.
    if (ownMeasureStates) {
        for (const Measure &m : ps.measures(id)) {
            const qsizetype i = row.measures.indexOf(m.content);
            const MeasureState target = measureStateFor(i >= 0 ? row.measureStates[i] : row.state);
            if (m.state == target)
                continue;
            if (const Status s = ps.setMeasureState(m.id, target, when); !s)
                return s.error();
            changed = true;
        }
    }
    return changed;
}

/// Stage 4b: the problem and measures a new row registers: the ledger's fields, its number or
/// else @p number, the measures in the problem's state with the row's 责任人 as their owner.
std::pair<Problem, QList<Measure>> newProblem(const LedgerRow &row, const TargetUnit &unit,
                                              const QString &number, qint64 categoryId,
                                              const ImportOptions &options, const QDate &feedback)
{
    Problem p;
    p.registrationNo = row.registrationNo.isEmpty() ? number : row.registrationNo;
    p.inspectionId = unit.inspectionId;
    p.unitId = unit.id;
    p.source = options.source;
    p.categoryId = categoryId;
    p.description = row.description;
    p.responsibleOffice = row.responsibleOffice;
    p.leadLeader = row.leadLeader;
    p.responsiblePerson = row.responsiblePerson;
    p.deadline = row.deadline;
    p.deadlineNote = row.deadlineNote;
    p.immediate = row.immediate;
    p.state = row.state;
    p.feedbackDate = feedback;
    p.progress = row.progress;
    p.note = row.note;
    QList<Measure> measures;
    for (qsizetype i = 0; i < row.measures.size(); ++i) {
        Measure m;
        m.content = row.measures[i];
        m.type = row.immediate ? MeasureType::Immediate
                               : (row.longTerm ? MeasureType::LongTerm : MeasureType::Deadline);
        m.owner = row.responsiblePerson; // 责任人: the person, not the office
        // One measure per row (a Word table's common layout): the row's own state and deadline.
        const bool own = i < row.measureStates.size() && i < row.measureDeadlines.size();
        m.deadline = own && row.measureDeadlines[i].isValid() ? row.measureDeadlines[i] : row.deadline;
        m.deadlineNote = row.deadlineNote;
        m.state = measureStateFor(own ? row.measureStates[i] : row.state);
        measures << m;
    }
    return {p, measures};
}

} // namespace

ImportReport LedgerImporter::importFile(Database &db, const QString &path, const ImportOptions &options)
{
    ImportReport report;
    report.dryRun = options.dryRun;
    report.file = options.displayName.isEmpty() ? QFileInfo(path).fileName() : options.displayName;
    std::optional<RecognizedLedger> ledger = recognizeLedger(db, path, options, report);
    if (!ledger)
        return report;
#ifdef __GLIBC__
    // The workbook (over a million cells for 100,000 rows) is freed now; give its pages back to
    // the system before the write fills the page cache (issue #20: ≤ 300 MB for 100,000 rows).
    malloc_trim(0);
#endif
    const QDate today = db.clock().today();
    const QDate feedback = options.feedbackDate.isValid() ? options.feedbackDate : today;

    // Write (or rehearse) everything in one transaction, in a page cache that holds it.
    const BulkWriteCache cache(db, 16);
    Transaction tx(db);
    auto fail = [&](const Error &e, int row = 0) {
        tx.rollback();
        report.internalError = e.code != ErrorCode::InputRefused;
        report.errors << ImportIssue{report.file, report.sheet, row, {}, e.message};
        report.problems.clear();
        report.units.clear();
        report.created = report.updated = report.unchanged = report.measures = 0;
        return report;
    };
    if (!tx.active())
        return fail(tx.error());
    OrganizationService org(db);
    ProblemService ps(db);
    const auto roundId = ensureRound(db, org, options, feedback, report);
    if (!roundId)
        return fail(roundId.error());
    BulkRegistration bulk(db);
    ImportTargets targets;
    if (auto t = resolveUnits(db, bulk, *ledger, *roundId, options, feedback, report))
        targets = std::move(*t);
    else
        return fail(t.error(), targets.failedRow);

    // New problems go through the bulk path (prepared, audited inserts; the search index
    // catches up once at the end), matching ones through the services row by row. Rows are
    // matched against the problems of their unit as they were before this import.
    SearchIndexDeferral searchIndex(db);
    if (!searchIndex.active())
        return fail(searchIndex.error());
    ProblemFactsDeferral facts(db); // statistics rows of the new problems: one statement at the end
    if (!facts.active())
        return fail(facts.error());
    NumberSource numbers(db, options.round.trimmed(), feedback);
    QHash<QString, qint64> categoryIds;
    // A problem merged over one measure per row takes its state from its measures (i18a).
    // In place: a second list of 100,000 rows would cost another ~50 MB (issue #20's bound).
    QList<LedgerRow> &rows = ledger->rows;
    for (LedgerRow &row : rows) {
        if (!row.measureStates.isEmpty())
            row = withStateFromMeasures(row);
    }
    const auto existingOf = [](const LedgerRow &row, const TargetUnit &unit) {
        return !row.registrationNo.isEmpty()
                   ? unit.byNumber.value(row.registrationNo)
                   : unit.byText.value({row.description.trimmed(), row.responsibleOffice});
    };
    {
        // The rows the new problems will write, so that a server draws their ids ahead (one
        // statement per table instead of one per row).
        qint64 problems = 0;
        qint64 states = 0;
        qint64 measures = 0;
        qint64 reviews = 0;
        for (int i = 0; i < rows.size(); ++i) {
            if (existingOf(rows[i], targets.units[targets.ofRow[i]]) > 0)
                continue;
            ++problems;
            states += rows[i].state == ProblemState::Registered ? 1 : 2;
            measures += rows[i].measures.size();
            reviews += rows[i].state == ProblemState::ClosedOut ? 1 : 0;
        }
        if (problems > 0)
            bulk.expect(problems, states, measures, reviews);
        // The units' registration numbers as loadIdentities read them in this transaction.
        for (const TargetUnit &unit : std::as_const(targets.units))
            bulk.knowNumbers(unit.id, QSet<QString>(unit.byNumber.keyBegin(), unit.byNumber.keyEnd()));
    }

    for (int i = 0; i < rows.size(); ++i) {
        // The row before is written (or rehearsed): its texts are no longer needed.
        if (i > 0)
            rows[i - 1] = LedgerRow();
        const LedgerRow &row = rows[i];
        TargetUnit &unit = targets.units[targets.ofRow[i]];
        ImportedUnit &unitReport = report.units[unit.report];
        ImportedProblem out;
        out.row = row.rowNumber;
        out.unit = unit.name;
        out.registrationNo = row.registrationNo;
        out.description = row.description;
        out.category = row.category;
        out.state = row.state;
        out.measures = int(row.measures.size());

        const qint64 existing = existingOf(row, unit);
        if (existing > 0 && unit.deletedOn.contains(existing)) {
            // A problem deleted from the register stays deleted: the row changes nothing.
            report.warnings << ImportIssue{
                report.file, report.sheet, row.rowNumber, QString(),
                tr("the problem %1 was deleted from the register on %2, so this row "
                   "is skipped; restore it (Edit → Deleted problems) to update it "
                   "from the ledger.")
                    .arg(row.registrationNo.isEmpty() ? row.description.left(20) : row.registrationNo,
                         unit.deletedOn.value(existing))};
            out.id = existing;
            out.action = ImportedProblem::Action::Unchanged;
            report.unchanged++;
            unitReport.unchanged++;
            report.problems << out;
            continue;
        }
        if (existing > 0) {
            // The update triggers of the search index need the row indexed already.
            if (const Status s = searchIndex.catchUp(); !s)
                return fail(s.error(), row.rowNumber);
            const auto changed = updateProblem(
                ps, existing, row, today, [&] { return numbers.next(unit); }, out);
            if (!changed)
                return fail(changed.error(), row.rowNumber);
            out.action = *changed ? ImportedProblem::Action::Updated : ImportedProblem::Action::Unchanged;
            (*changed ? report.updated : report.unchanged)++;
            (*changed ? unitReport.updated : unitReport.unchanged)++;
            report.problems << out;
            continue;
        }

        qint64 categoryId = 0;
        if (!row.category.isEmpty()) {
            auto known = categoryIds.constFind(row.category);
            if (known == categoryIds.cend()) {
                auto cat = org.ensureCategory(row.category);
                if (!cat)
                    return fail(cat.error(), row.rowNumber);
                known = categoryIds.insert(row.category, *cat);
            }
            categoryId = *known;
        }
        const QString number = row.registrationNo.isEmpty() ? numbers.next(unit) : QString();
        const auto [problem, measures] = newProblem(row, unit, number, categoryId, options, feedback);
        auto id = bulk.registerProblem(problem, measures, feedback);
        if (!id)
            return fail(id.error(), row.rowNumber);
        out.registrationNo = problem.registrationNo;
        out.id = options.dryRun ? 0 : *id;
        out.action = ImportedProblem::Action::Created;
        ++report.created;
        report.measures += int(measures.size());
        ++unitReport.created;
        unitReport.measures += int(measures.size());
        report.problems << out;
    }

    // Every row is written: the ledger's rows (~40 MB of row values at 100,000 rows, one block)
    // go back to the system before the search index catches up, which needs memory of its own.
    ledger.reset();
#ifdef __GLIBC__
    malloc_trim(0);
#endif
    if (options.dryRun) {
        tx.rollback();
        return report;
    }
    if (const Status s = searchIndex.finish(); !s)
        return fail(s.error());
    if (const Status s = facts.finish(); !s)
        return fail(s.error());
    if (const Status s = tx.commit(); !s)
        return fail(s.error());
    return report;
}

} // namespace rectrack::core
