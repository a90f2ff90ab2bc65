#include "audithistory.h"

#include "domain/types.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace rectrack::core {

namespace {

// Tables whose rows belong to one problem through their problem_id column.
const char *const kChildTables[] = {"problem_states",     "measures",           "measure_problems",
                                    "progress_entries",   "evidence",           "reviews",
                                    "extension_requests", "supervision_actions"};

struct Label
{
    const char *table; ///< nullptr: any table
    const char *column;
    const char *text;
};

// Column labels in the glossary's words (DESIGN.md); table-specific ones first.
const Label kLabels[] = {
    {"problems", "description", QT_TRANSLATE_NOOP("AuditHistory", "Problem")},
    {"problems", "registration_no", QT_TRANSLATE_NOOP("AuditHistory", "Registration number")},
    {"problems", "inspection_id", QT_TRANSLATE_NOOP("AuditHistory", "Inspection")},
    {"problems", "unit_id", QT_TRANSLATE_NOOP("AuditHistory", "Inspected unit")},
    {"problems", "source_level", QT_TRANSLATE_NOOP("AuditHistory", "Source")},
    {"problems", "category_id", QT_TRANSLATE_NOOP("AuditHistory", "Category")},
    {"problems", "example", QT_TRANSLATE_NOOP("AuditHistory", "Typical example")},
    {"problems", "root_cause", QT_TRANSLATE_NOOP("AuditHistory", "Root cause")},
    {"problems", "responsible_office", QT_TRANSLATE_NOOP("AuditHistory", "Responsible office")},
    {"problems", "lead_leader", QT_TRANSLATE_NOOP("AuditHistory", "Leader in charge")},
    {"problems", "responsible_person", QT_TRANSLATE_NOOP("AuditHistory", "Person responsible")},
    {"problems", "original_deadline", QT_TRANSLATE_NOOP("AuditHistory", "Original deadline")},
    {"problems", "systemic", QT_TRANSLATE_NOOP("AuditHistory", "Systemic")},
    {"problems", "immediate", QT_TRANSLATE_NOOP("AuditHistory", "Rectify immediately")},
    {"problems", "feedback_date", QT_TRANSLATE_NOOP("AuditHistory", "Feedback date")},
    {"problems", "closed_out_date", QT_TRANSLATE_NOOP("AuditHistory", "Closed-out date")},
    {"problems", "progress", QT_TRANSLATE_NOOP("AuditHistory", "Latest progress")},
    {"problems", "repeats_problem_id", QT_TRANSLATE_NOOP("AuditHistory", "Repeats problem")},
    {"problem_states", "changed_on", QT_TRANSLATE_NOOP("AuditHistory", "Date")},
    {"measures", "seq", QT_TRANSLATE_NOOP("AuditHistory", "Number")},
    {"measures", "content", QT_TRANSLATE_NOOP("AuditHistory", "Measure")},
    {"measures", "type", QT_TRANSLATE_NOOP("AuditHistory", "Type")},
    {"measures", "owner", QT_TRANSLATE_NOOP("AuditHistory", "Owner")},
    {"measure_problems", "measure_id", QT_TRANSLATE_NOOP("AuditHistory", "Measure")},
    {"progress_entries", "entry_date", QT_TRANSLATE_NOOP("AuditHistory", "Date")},
    {"progress_entries", "text", QT_TRANSLATE_NOOP("AuditHistory", "Progress")},
    {"progress_entries", "author", QT_TRANSLATE_NOOP("AuditHistory", "Reported by")},
    {"progress_entries", "measure_id", QT_TRANSLATE_NOOP("AuditHistory", "Measure")},
    {"evidence", "original_name", QT_TRANSLATE_NOOP("AuditHistory", "File name")},
    {"evidence", "mime_type", QT_TRANSLATE_NOOP("AuditHistory", "File type")},
    {"evidence", "size", QT_TRANSLATE_NOOP("AuditHistory", "Size (bytes)")},
    {"evidence", "added_on", QT_TRANSLATE_NOOP("AuditHistory", "Added on")},
    {"evidence", "measure_id", QT_TRANSLATE_NOOP("AuditHistory", "Measure")},
    {"evidence", "progress_id", QT_TRANSLATE_NOOP("AuditHistory", "Progress entry")},
    {"reviews", "step", QT_TRANSLATE_NOOP("AuditHistory", "Review step")},
    {"reviews", "reviewer", QT_TRANSLATE_NOOP("AuditHistory", "Reviewer")},
    {"reviews", "review_date", QT_TRANSLATE_NOOP("AuditHistory", "Review date")},
    {"reviews", "approved", QT_TRANSLATE_NOOP("AuditHistory", "Approved")},
    {"reviews", "opinion", QT_TRANSLATE_NOOP("AuditHistory", "Opinion")},
    {"extension_requests", "measure_id", QT_TRANSLATE_NOOP("AuditHistory", "Measure")},
    {"extension_requests", "requested_on", QT_TRANSLATE_NOOP("AuditHistory", "Requested on")},
    {"extension_requests", "requested_deadline", QT_TRANSLATE_NOOP("AuditHistory", "Requested deadline")},
    {"extension_requests", "reason", QT_TRANSLATE_NOOP("AuditHistory", "Reason")},
    {"extension_requests", "decision", QT_TRANSLATE_NOOP("AuditHistory", "Decision")},
    {"extension_requests", "decided_on", QT_TRANSLATE_NOOP("AuditHistory", "Decided on")},
    {"extension_requests", "decided_by", QT_TRANSLATE_NOOP("AuditHistory", "Decided by")},
    {"supervision_actions", "kind", QT_TRANSLATE_NOOP("AuditHistory", "Kind")},
    {"supervision_actions", "action_date", QT_TRANSLATE_NOOP("AuditHistory", "Date")},
    {"supervision_actions", "actor", QT_TRANSLATE_NOOP("AuditHistory", "By")},
    {"supervision_actions", "unit_id", QT_TRANSLATE_NOOP("AuditHistory", "Inspected unit")},
    {"supervision_actions", "campaign", QT_TRANSLATE_NOOP("AuditHistory", "Campaign")},
    {"supervision_actions", "visitors", QT_TRANSLATE_NOOP("AuditHistory", "Visitors")},
    {"supervision_actions", "findings", QT_TRANSLATE_NOOP("AuditHistory", "Findings")},
    {"supervision_actions", "satisfaction", QT_TRANSLATE_NOOP("AuditHistory", "Satisfaction")},
    {"supervision_actions", "follow_up", QT_TRANSLATE_NOOP("AuditHistory", "Follow-up")},
    {nullptr, "state", QT_TRANSLATE_NOOP("AuditHistory", "State")},
    {nullptr, "deadline", QT_TRANSLATE_NOOP("AuditHistory", "Deadline")},
    {nullptr, "deadline_note", QT_TRANSLATE_NOOP("AuditHistory", "Deadline note")},
    {nullptr, "completed_date", QT_TRANSLATE_NOOP("AuditHistory", "Completed on")},
    {nullptr, "note", QT_TRANSLATE_NOOP("AuditHistory", "Note")},
};

const char *const kRecordLabels[][2] = {
    {"problems", QT_TRANSLATE_NOOP("AuditHistory", "Problem")},
    {"problem_states", QT_TRANSLATE_NOOP("AuditHistory", "State history")},
    {"measures", QT_TRANSLATE_NOOP("AuditHistory", "Measure")},
    {"measure_problems", QT_TRANSLATE_NOOP("AuditHistory", "Integrated measure")},
    {"progress_entries", QT_TRANSLATE_NOOP("AuditHistory", "Progress entry")},
    {"evidence", QT_TRANSLATE_NOOP("AuditHistory", "Evidence")},
    {"reviews", QT_TRANSLATE_NOOP("AuditHistory", "Review")},
    {"extension_requests", QT_TRANSLATE_NOOP("AuditHistory", "Extension request")},
    {"supervision_actions", QT_TRANSLATE_NOOP("AuditHistory", "Supervision")},
};

bool skipped(const QString &column)
{
    return column == QLatin1String("id") || column == QLatin1String("uuid") ||
           column == QLatin1String("version") || column == QLatin1String("problem_id") ||
           column == QLatin1String("sha256");
}

QJsonObject parse(const QString &json)
{
    return json.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(json.toUtf8()).object();
}

} // namespace

QString AuditHistory::fieldLabel(const QString &table, const QString &column)
{
    for (const Label &l : kLabels) {
        if (l.table && table == QLatin1String(l.table) && column == QLatin1String(l.column))
            return tr(l.text);
    }
    for (const Label &l : kLabels) {
        if (!l.table && column == QLatin1String(l.column))
            return tr(l.text);
    }
    return column;
}

QString AuditHistory::recordLabel(const QString &table)
{
    for (const auto &r : kRecordLabels) {
        if (table == QLatin1String(r[0]))
            return tr(r[1]);
    }
    return table;
}

QString AuditHistory::displayValue(const QString &table, const QString &column, const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return {};
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (column == QLatin1String("systemic") || column == QLatin1String("immediate") ||
            column == QLatin1String("approved"))
            return d != 0 ? tr("yes") : tr("no");
        return d == double(qint64(d)) ? QString::number(qint64(d)) : QString::number(d);
    }
    const QString s = value.toString();
    if (column == QLatin1String("state")) {
        if (table == QLatin1String("measures")) {
            if (const auto m = Names::measureState(s))
                return Names::display(*m);
        } else if (const auto p = Names::problemState(s)) {
            return Names::display(*p);
        }
    }
    if (column == QLatin1String("type") && table == QLatin1String("measures")) {
        if (const auto t = Names::measureType(s))
            return Names::display(*t);
    }
    if (column == QLatin1String("source_level")) {
        if (const auto l = Names::sourceLevel(s))
            return Names::display(*l);
    }
    if (column == QLatin1String("step")) {
        if (const auto st = Names::reviewStep(s))
            return Names::display(*st);
    }
    if (column == QLatin1String("kind") && table == QLatin1String("supervision_actions")) {
        if (const auto k = Names::supervisionKind(s))
            return Names::display(*k);
    }
    return s;
}

QString AuditHistory::problemEntriesSql(const Dialect &dialect)
{
    QStringList children;
    for (const char *t : kChildTables)
        children << QLatin1Char('\'') + QLatin1String(t) + QLatin1Char('\'');
    // The problem's own entries come through the (entity, entity_id) index; the rows of the child
    // tables are found by the problem_id in their snapshots, so deleted ones are included too,
    // through the index audit_problem (schema step 3 → 4), whose expression this repeats verbatim.
    return QStringLiteral(
               "SELECT id, at, actor, entity, entity_id, action, before_json, after_json FROM audit_log "
               "WHERE (entity = 'problems' AND entity_id = ?) OR (entity IN (%1) AND %2 = ?) ORDER BY id")
        .arg(children.join(QStringLiteral(", ")), dialect.auditProblemId());
}

QList<HistoryLine> AuditHistory::forProblem(Database &db, qint64 problemId)
{
    QList<HistoryLine> out;
    // A read error is recorded by the runner (Database::damageSeen()) and gives no history.
    const Status s =
        db.forEachRow(problemEntriesSql(db.dialect()), {problemId, problemId}, [&](const SqlRow &row) {
            const SqlRow *r = &row;
            HistoryLine base;
            base.entryId = r->value(0).toLongLong();
            base.at = QDateTime::fromString(r->value(1).toString(), Qt::ISODateWithMs);
            base.actor = r->value(2).toString();
            base.table = r->value(3).toString();
            base.rowId = r->value(4).toLongLong();
            base.action = r->value(5).toString();
            const QJsonObject before = parse(r->value(6).toString());
            const QJsonObject after = parse(r->value(7).toString());
            base.record = recordLabel(base.table);
            if (base.table == QLatin1String("measures")) {
                const QJsonValue seq = after.contains(QLatin1String("seq"))
                                           ? after.value(QLatin1String("seq"))
                                           : before.value(QLatin1String("seq"));
                if (seq.isDouble())
                    base.record = tr("Measure %1").arg(qint64(seq.toDouble()));
            }
            QStringList columns = before.keys() + after.keys();
            columns.removeDuplicates();
            // Keys of QJsonObject are sorted; keep the table's column order instead where known.
            std::stable_sort(columns.begin(), columns.end(), [&](const QString &a, const QString &b) {
                auto index = [&](const QString &c) {
                    int i = 0;
                    for (const Label &l : kLabels) {
                        if ((!l.table || base.table == QLatin1String(l.table)) &&
                            c == QLatin1String(l.column))
                            return i;
                        ++i;
                    }
                    return i;
                };
                return index(a) < index(b);
            });
            for (const QString &column : std::as_const(columns)) {
                if (skipped(column))
                    continue;
                const QJsonValue o = before.value(column);
                const QJsonValue n = after.value(column);
                if (o == n)
                    continue;
                HistoryLine line = base;
                line.field = column;
                line.fieldLabel = fieldLabel(base.table, column);
                line.oldValue = displayValue(base.table, column, o);
                line.newValue = displayValue(base.table, column, n);
                // Units and categories by name rather than by their row id.
                const QString lookup = column == QLatin1String("unit_id")       ? QStringLiteral("units")
                                       : column == QLatin1String("category_id") ? QStringLiteral("categories")
                                                                                : QString();
                if (!lookup.isEmpty()) {
                    auto name = [&](const QJsonValue &v) {
                        const QVariant found =
                            v.isDouble()
                                ? db.scalar(QStringLiteral("SELECT name FROM %1 WHERE id = ?").arg(lookup),
                                            {qint64(v.toDouble())})
                                : QVariant();
                        return found.isValid() ? found.toString() : displayValue(base.table, column, v);
                    };
                    line.oldValue = name(o);
                    line.newValue = name(n);
                }
                if (line.oldValue.isEmpty() && line.newValue.isEmpty())
                    continue;
                out.append(line);
            }
        });
    if (!s)
        return {};
    return out;
}

} // namespace rectrack::core
