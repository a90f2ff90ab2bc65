#include "ledgerimporter.h"

#include "ledgerfile.h"

#include "storage/bulkwritecache.h"
#include "storage/problemfacts.h"
#include "storage/searchindex.h"
#include "workflow/bulkregistration.h"
#include "workflow/organizationservice.h"
#include "workflow/problemservice.h"

#include <QFile>
#include <QFileInfo>

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

/// The inspection of (unit, round, source) the imported problems belong to; created when missing.
Result<qint64> ensureInspection(Database &db, qint64 unitId, qint64 roundId, SourceLevel source,
                                const QDate &feedback)
{
    const QVariant id =
        roundId > 0
            ? db.scalar(QStringLiteral("SELECT id FROM inspections WHERE unit_id = ? AND round_id = ? AND "
                                       "source_level = ? ORDER BY id LIMIT 1"),
                        {unitId, roundId, Names::key(source)})
            : db.scalar(
                  QStringLiteral("SELECT id FROM inspections WHERE unit_id = ? AND round_id IS NULL AND "
                                 "source_level = ? ORDER BY id LIMIT 1"),
                  {unitId, Names::key(source)});
    if (id.isValid())
        return id.toLongLong();
    Inspection i;
    i.unitId = unitId;
    i.roundId = roundId;
    i.source = source;
    i.feedbackDate = feedback;
    return OrganizationService(db).addInspection(i);
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
    return LedgerFile::read(path, displayName);
}

ImportReport LedgerImporter::importFile(Database &db, const QString &path, const ImportOptions &options)
{
    ImportReport report;
    report.dryRun = options.dryRun;
    report.file = options.displayName.isEmpty() ? QFileInfo(path).fileName() : options.displayName;
    auto fileError = [&report](const QString &message) {
        report.errors << ImportIssue{report.file, report.sheet, 0, {}, message};
        return report;
    };
    if (options.unit.trimmed().isEmpty())
        return fileError(tr("the unit the ledger belongs to is missing (--unit)."));

    auto wb = readFile(path, report.file);
    if (!wb)
        return fileError(wb.error().message);

    const QDate today = db.clock().today();
    const QDate feedback = options.feedbackDate.isValid() ? options.feedbackDate : today;
    RecognizerOptions ro;
    ro.map = options.map;
    ro.year = options.feedbackDate.isValid() ? options.feedbackDate.year() : 0;
    ro.fallbackYear = today.year();
    Error sheetError;
    const int sheetIndex = LedgerRecognizer::chooseSheet(*wb, options.sheet, ro, &sheetError);
    if (sheetIndex < 0)
        return fileError(sheetError.message);
    const RecognizedLedger ledger = LedgerRecognizer::recognize(*wb, wb->sheets[sheetIndex], ro);
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
            report.warnings << ImportIssue{report.file, report.sheet, ledger.headerRow, it.key(),
                                           tr("--map names a header the ledger does not have.")};
    }
    if (!report.ok())
        return report;

    // 2. Write (or rehearse) everything in one transaction, in a page cache that holds it.
    const BulkWriteCache cache(db, 256);
    Transaction tx(db);
    if (!tx.active()) {
        report.internalError = true;
        return fileError(tx.error().message);
    }
    auto fail = [&](const Error &e, int row = 0) {
        tx.rollback();
        report.internalError = e.code != ErrorCode::InputRefused;
        report.errors << ImportIssue{report.file, report.sheet, row, {}, e.message};
        report.problems.clear();
        report.created = report.updated = report.unchanged = report.measures = 0;
        return report;
    };
    OrganizationService org(db);
    ProblemService ps(db);
    report.unitCreated = !org.unitByName(options.unit).has_value();
    auto unitId = org.ensureUnit(options.unit);
    if (!unitId)
        return fail(unitId.error());
    qint64 roundId = 0;
    if (!options.round.trimmed().isEmpty()) {
        if (auto r = org.roundByLabel(options.round)) {
            roundId = r->id;
        } else {
            Round nr;
            nr.label = options.round.trimmed();
            nr.start = feedback;
            auto id = org.addRound(nr);
            if (!id)
                return fail(id.error());
            roundId = *id;
            report.roundCreated = true;
        }
    }
    auto inspectionId = ensureInspection(db, *unitId, roundId, options.source, feedback);
    if (!inspectionId)
        return fail(inspectionId.error());

    // New problems go through the bulk path (prepared, audited inserts; the search index
    // catches up once at the end), matching ones through the services row by row. Identity
    // without a registration number is looked up in memory: (problem text, responsible office)
    // of the unit's problems, first id wins as in "ORDER BY id LIMIT 1".
    SearchIndexDeferral searchIndex(db);
    if (!searchIndex.active())
        return fail(searchIndex.error());
    ProblemFactsDeferral facts(db); // statistics rows of the new problems: one statement at the end
    if (!facts.active())
        return fail(facts.error());
    BulkRegistration bulk(db);
    QHash<QString, qint64> byNumber;
    QHash<qint64, QString> deletedOn; // soft-deleted problems of the unit: their deletion date
    QHash<std::pair<QString, QString>, qint64> byText;
    auto remember = [&byText](const std::pair<QString, QString> &key, qint64 id) {
        if (!byText.contains(key))
            byText.insert(key, id);
    };
    {
        // Per row, "WHERE unit_id = ? AND registration_no = ?" scans the unit's problems (SQLite
        // picks the unit index), which made large imports quadratic.
        auto q =
            db.exec(QStringLiteral("SELECT id, description, coalesce(responsible_office, ''), "
                                   "registration_no, deleted_at FROM problems WHERE unit_id = ? ORDER BY id"),
                    {*unitId});
        if (!q)
            return fail(q.error());
        while (q->next()) {
            if (!q->value(3).isNull() && !byNumber.contains(q->value(3).toString()))
                byNumber.insert(q->value(3).toString(), q->value(0).toLongLong());
            remember({q->value(1).toString(), q->value(2).toString()}, q->value(0).toLongLong());
            if (!q->value(4).isNull())
                deletedOn.insert(q->value(0).toLongLong(), q->value(4).toString().left(10));
        }
    }
    QHash<QString, qint64> categoryIds;

    for (const LedgerRow &ledgerRow : ledger.rows) {
        const LedgerRow row = withStateFromMeasures(ledgerRow);
        ImportedProblem out;
        out.row = row.rowNumber;
        out.registrationNo = row.registrationNo;
        out.description = row.description;
        out.category = row.category;
        out.state = row.state;
        out.measures = int(row.measures.size());

        qint64 existing = 0;
        if (!row.registrationNo.isEmpty())
            existing = byNumber.value(row.registrationNo);
        else
            existing = byText.value({row.description.trimmed(), row.responsibleOffice});
        if (existing > 0 && deletedOn.contains(existing)) {
            // A problem deleted from the register stays deleted: the row changes nothing.
            report.warnings << ImportIssue{
                report.file, report.sheet, row.rowNumber, QString(),
                tr("the problem %1 was deleted from the register on %2, so this row "
                   "is skipped; restore it (Edit → Deleted problems) to update it "
                   "from the ledger.")
                    .arg(row.registrationNo.isEmpty() ? row.description.left(20) : row.registrationNo,
                         deletedOn.value(existing))};
            out.id = existing;
            out.action = ImportedProblem::Action::Unchanged;
            report.unchanged++;
            report.problems << out;
            continue;
        }
        if (existing > 0) {
            // The update triggers of the search index need the row indexed already.
            if (const Status s = searchIndex.catchUp(); !s)
                return fail(s.error(), row.rowNumber);
            const auto p = ps.problem(existing);
            if (!p)
                return fail(Error{ErrorCode::Internal, tr("problem #%1 cannot be read.").arg(existing)},
                            row.rowNumber);
            out.id = existing;
            bool changed = false;
            const QDate when = std::max(today, p->feedbackDate);
            if (!row.progress.isEmpty() && row.progress != p->progress) {
                ProgressEntry e;
                e.problemId = existing;
                e.date = when;
                e.text = row.progress;
                auto id = ps.addProgress(e);
                if (!id)
                    return fail(id.error(), row.rowNumber);
                changed = true;
            }
            // addProgress moves a registered problem to in progress: compare with the state now.
            const auto now = ps.problem(existing);
            if (now && now->state != row.state) {
                if (const Status s = ps.writeState(existing, row.state, when); !s)
                    return fail(s.error(), row.rowNumber);
                for (const Measure &m : ps.measures(existing)) {
                    if (const Status s = ps.setMeasureState(m.id, measureStateFor(row.state), when); !s)
                        return fail(s.error(), row.rowNumber);
                }
                changed = true;
            }
            out.action = changed ? ImportedProblem::Action::Updated : ImportedProblem::Action::Unchanged;
            (changed ? report.updated : report.unchanged)++;
            report.problems << out;
            continue;
        }

        Problem p;
        p.registrationNo = row.registrationNo;
        p.inspectionId = *inspectionId;
        p.unitId = *unitId;
        p.source = options.source;
        if (!row.category.isEmpty()) {
            auto known = categoryIds.constFind(row.category);
            if (known == categoryIds.cend()) {
                auto cat = org.ensureCategory(row.category);
                if (!cat)
                    return fail(cat.error(), row.rowNumber);
                known = categoryIds.insert(row.category, *cat);
            }
            p.categoryId = *known;
        }
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
            m.owner = row.responsibleOffice;
            const bool own = i < row.measureStates.size() && i < row.measureDeadlines.size();
            m.deadline = own && row.measureDeadlines[i].isValid() ? row.measureDeadlines[i] : row.deadline;
            m.deadlineNote = row.deadlineNote;
            m.state = measureStateFor(own ? row.measureStates[i] : row.state);
            measures << m;
        }
        auto id = bulk.registerProblem(p, measures, feedback);
        if (!id)
            return fail(id.error(), row.rowNumber);
        remember({p.description.trimmed(), sqlText(p.responsibleOffice).toString()}, *id);
        if (!p.registrationNo.isEmpty())
            byNumber.insert(p.registrationNo, *id);
        out.id = options.dryRun ? 0 : *id;
        out.action = ImportedProblem::Action::Created;
        ++report.created;
        report.measures += int(measures.size());
        report.problems << out;
    }

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
