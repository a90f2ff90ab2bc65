#include "problemservice.h"

#include "storage/auditlog.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <tuple>

namespace rectrack::core {

namespace {

const QString kProblems = QStringLiteral("problems");
const QString kMeasures = QStringLiteral("measures");

QVariantMap problemColumns(const Problem &p)
{
    return {{QStringLiteral("registration_no"), sqlText(p.registrationNo)},
            {QStringLiteral("inspection_id"), sqlId(p.inspectionId)},
            {QStringLiteral("unit_id"), p.unitId},
            {QStringLiteral("source_level"), Names::key(p.source)},
            {QStringLiteral("category_id"), sqlId(p.categoryId)},
            {QStringLiteral("description"), p.description.trimmed()},
            {QStringLiteral("example"), sqlText(p.example)},
            {QStringLiteral("root_cause"), sqlText(p.rootCause)},
            {QStringLiteral("responsible_office"), sqlText(p.responsibleOffice)},
            {QStringLiteral("lead_leader"), sqlText(p.leadLeader)},
            {QStringLiteral("responsible_person"), sqlText(p.responsiblePerson)},
            {QStringLiteral("deadline_note"), sqlText(p.deadlineNote)},
            {QStringLiteral("systemic"), p.systemic ? 1 : 0},
            {QStringLiteral("immediate"), p.immediate ? 1 : 0},
            {QStringLiteral("progress"), sqlText(p.progress)},
            {QStringLiteral("note"), sqlText(p.note)}};
}

QVariantMap measureColumns(const Measure &m)
{
    return {{QStringLiteral("problem_id"), m.problemId},
            {QStringLiteral("seq"), m.seq},
            {QStringLiteral("content"), m.content.trimmed()},
            {QStringLiteral("type"), Names::key(m.type)},
            {QStringLiteral("owner"), sqlText(m.owner)},
            {QStringLiteral("deadline"), sqlDate(m.deadline)},
            {QStringLiteral("deadline_note"), sqlText(m.deadlineNote)},
            {QStringLiteral("state"), Names::key(m.state)},
            {QStringLiteral("completed_date"), sqlDate(m.completedDate)}};
}

Problem problemFrom(const SqlRow &q)
{
    Problem p;
    p.id = q.value(0).toLongLong();
    p.registrationNo = q.value(1).toString();
    p.inspectionId = q.value(2).toLongLong();
    p.unitId = q.value(3).toLongLong();
    p.source = Names::sourceLevel(q.value(4).toString()).value_or(SourceLevel::Municipal);
    p.categoryId = q.value(5).toLongLong();
    p.description = q.value(6).toString();
    p.example = q.value(7).toString();
    p.rootCause = q.value(8).toString();
    p.responsibleOffice = q.value(9).toString();
    p.leadLeader = q.value(10).toString();
    p.responsiblePerson = q.value(11).toString();
    p.deadline = fromIso(q.value(12).toString());
    p.originalDeadline = fromIso(q.value(13).toString());
    p.deadlineNote = q.value(14).toString();
    p.state = Names::problemState(q.value(15).toString()).value_or(ProblemState::Registered);
    p.systemic = q.value(16).toBool();
    p.immediate = q.value(17).toBool();
    p.feedbackDate = fromIso(q.value(18).toString());
    p.completedDate = fromIso(q.value(19).toString());
    p.closedOutDate = fromIso(q.value(20).toString());
    p.progress = q.value(21).toString();
    p.note = q.value(22).toString();
    p.version = q.value(23).toInt();
    p.deletedAt = QDateTime::fromString(q.value(24).toString(), Qt::ISODate);
    return p;
}

} // namespace

Result<qint64> ProblemService::registerProblem(const Problem &p, const QList<Measure> &measures,
                                               QDate stateDate)
{
    if (p.description.trimmed().isEmpty())
        return Error{ErrorCode::InputRefused, tr("A problem needs a description.")};
    if (p.unitId <= 0)
        return Error{ErrorCode::InputRefused, tr("A problem needs the unit it was fed back to.")};
    if (!p.feedbackDate.isValid())
        return Error{ErrorCode::InputRefused, tr("A problem needs its feedback (registration) date.")};
    if (!p.registrationNo.isEmpty() && findByRegistrationNo(p.unitId, p.registrationNo) > 0)
        return Error{ErrorCode::InputRefused,
                     tr("The registration number %1 is already used in this unit.").arg(p.registrationNo)};
    if (!stateDate.isValid())
        stateDate = p.feedbackDate;
    if (stateDate < p.feedbackDate)
        stateDate = p.feedbackDate;

    return withTransaction(m_db, [&]() -> Result<qint64> {
        QVariantMap cols = problemColumns(p);
        const QDate original = p.originalDeadline.isValid() ? p.originalDeadline : p.deadline;
        cols.insert(QStringLiteral("deadline"), sqlDate(p.deadline.isValid() ? p.deadline : original));
        cols.insert(QStringLiteral("original_deadline"), sqlDate(original));
        cols.insert(QStringLiteral("feedback_date"), toIso(p.feedbackDate));
        cols.insert(QStringLiteral("state"), Names::key(ProblemState::Registered));
        auto id = AuditLog::insert(m_db, kProblems, cols);
        if (!id)
            return id;
        if (const Status s = writeState(*id, ProblemState::Registered, p.feedbackDate); !s)
            return s.error();
        int seq = 0;
        for (Measure m : measures) {
            m.problemId = *id;
            m.seq = ++seq;
            if (m.state == MeasureState::Completed && !m.completedDate.isValid())
                m.completedDate = stateDate;
            auto mid = AuditLog::insert(m_db, kMeasures, measureColumns(m));
            if (!mid)
                return mid.error();
        }
        if (p.state != ProblemState::Registered) {
            if (const Status s = writeState(*id, p.state, stateDate); !s)
                return s.error();
            if (p.state == ProblemState::ClosedOut) {
                // The ledger's 销号 stands in for the three review steps.
                auto r =
                    AuditLog::insert(m_db, QStringLiteral("reviews"),
                                     {{QStringLiteral("problem_id"), *id},
                                      {QStringLiteral("step"), Names::key(ReviewStep::InspectionOffice)},
                                      {QStringLiteral("reviewer"), tr("Imported ledger")},
                                      {QStringLiteral("review_date"), toIso(stateDate)},
                                      {QStringLiteral("approved"), 1},
                                      {QStringLiteral("opinion"), tr("Closed out according to the imported "
                                                                     "ledger")}});
                if (!r)
                    return r.error();
            }
        }
        return id;
    });
}

Status ProblemService::updateProblem(const Problem &p)
{
    return withTransaction(m_db, [&]() -> Status {
        const QVariant version =
            m_db.scalar(QStringLiteral("SELECT version FROM problems WHERE id = ?"), {p.id});
        if (!version.isValid())
            return Error{ErrorCode::InputRefused, tr("The problem #%1 does not exist.").arg(p.id)};
        if (version.toInt() != p.version)
            return staleEdit(kProblems, p.id, p.version);
        if (p.description.trimmed().isEmpty())
            return Error{ErrorCode::InputRefused, tr("A problem needs a description.")};
        // A number changed to one another problem of the unit holds is refused as at registration
        // (an unchanged number is left alone, so older duplicates do not block other edits).
        const QString oldNo =
            m_db.scalar(QStringLiteral("SELECT registration_no FROM problems WHERE id = ?"), {p.id})
                .toString();
        if (!p.registrationNo.isEmpty() && p.registrationNo != oldNo &&
            m_db.scalar(QStringLiteral("SELECT count(*) FROM problems WHERE unit_id = (SELECT unit_id FROM "
                                       "problems WHERE id = ?) AND registration_no = ? AND id <> ?"),
                        {p.id, p.registrationNo, p.id})
                    .toLongLong() > 0)
            return Error{
                ErrorCode::InputRefused,
                tr("The registration number %1 is already used in this unit.").arg(p.registrationNo)};
        QVariantMap cols = problemColumns(p);
        cols.insert(QStringLiteral("version"), p.version + 1);
        if (p.deadline.isValid() &&
            m_db.scalar(QStringLiteral("SELECT original_deadline FROM problems WHERE id=?"), {p.id}).isNull())
            cols.insert(QStringLiteral("original_deadline"), toIso(p.deadline));
        cols.insert(QStringLiteral("deadline"), sqlDate(p.deadline));
        return AuditLog::update(m_db, kProblems, p.id, cols);
    });
}

std::optional<Problem> ProblemService::problem(qint64 id)
{
    auto r = m_db.exec(
        QStringLiteral("SELECT id, registration_no, inspection_id, unit_id, source_level, category_id, "
                       "description, example, root_cause, responsible_office, lead_leader, "
                       "responsible_person, deadline, original_deadline, deadline_note, state, "
                       "systemic, immediate, feedback_date, completed_date, closed_out_date, progress, "
                       "note, version, deleted_at FROM problems WHERE id = ?"),
        {id});
    if (!r)
        return std::nullopt;
    // A lookup with no error to return: a read error gives no problem, and a damaged page is
    // recorded by the database (Database::damageSeen()).
    std::optional<Problem> out;
    (void)m_db.eachRow(*r, [&](const SqlRow &row) {
        out = problemFrom(row);
        return false;
    });
    return out;
}

Status ProblemService::deleteProblem(qint64 id)
{
    const auto p = problem(id);
    if (!p)
        return Error{ErrorCode::InputRefused, tr("The problem #%1 does not exist.").arg(id)};
    if (p->deletedAt.isValid())
        return Error{ErrorCode::InputRefused, tr("The problem #%1 is already deleted.").arg(id)};
    return withTransaction(m_db, [&] {
        return AuditLog::update(m_db, kProblems, id,
                                {{QStringLiteral("deleted_at"), m_db.clock().now().toString(Qt::ISODate)}});
    });
}

Status ProblemService::restoreProblem(qint64 id)
{
    const auto p = problem(id);
    if (!p)
        return Error{ErrorCode::InputRefused, tr("The problem #%1 does not exist.").arg(id)};
    if (!p->deletedAt.isValid())
        return Error{ErrorCode::InputRefused, tr("The problem #%1 is not deleted.").arg(id)};
    return withTransaction(m_db, [&] {
        return AuditLog::update(m_db, kProblems, id, {{QStringLiteral("deleted_at"), QVariant()}});
    });
}

QList<Problem> ProblemService::deletedProblems()
{
    QList<Problem> out;
    auto r = m_db.exec(
        QStringLiteral("SELECT id, registration_no, inspection_id, unit_id, source_level, category_id, "
                       "description, example, root_cause, responsible_office, lead_leader, "
                       "responsible_person, deadline, original_deadline, deadline_note, state, "
                       "systemic, immediate, feedback_date, completed_date, closed_out_date, progress, "
                       "note, version, deleted_at FROM problems WHERE deleted_at IS NOT NULL "
                       "ORDER BY deleted_at DESC, id DESC"));
    if (r)
        (void)m_db.eachRow(*r, [&](const SqlRow &row) { out.append(problemFrom(row)); });
    return out;
}

qint64 ProblemService::findByRegistrationNo(qint64 unitId, const QString &no)
{
    return m_db
        .scalar(QStringLiteral("SELECT id FROM problems WHERE unit_id = ? AND registration_no = ?"),
                {unitId, no})
        .toLongLong();
}

QList<Measure> ProblemService::measures(qint64 problemId)
{
    QList<Measure> out;
    (void)m_db.forEachRow(
        QStringLiteral("SELECT id, problem_id, seq, content, type, owner, deadline, deadline_note, "
                       "state, completed_date, version FROM measures WHERE problem_id = ? ORDER BY seq, id"),
        {problemId}, [&](const SqlRow &r) {
            Measure m;
            m.id = r.integer(0);
            m.problemId = r.integer(1);
            m.seq = r.int32(2);
            m.content = r.text(3);
            m.type = Names::measureType(r.text(4)).value_or(MeasureType::Deadline);
            m.owner = r.text(5);
            m.deadline = fromIso(r.text(6));
            m.deadlineNote = r.text(7);
            m.state = Names::measureState(r.text(8)).value_or(MeasureState::Pending);
            m.completedDate = fromIso(r.text(9));
            m.version = r.int32(10);
            out.append(m);
        });
    return out;
}

Result<qint64> ProblemService::addMeasure(const Measure &m)
{
    if (m.content.trimmed().isEmpty())
        return Error{ErrorCode::InputRefused, tr("A measure needs a text.")};
    if (!problem(m.problemId))
        return Error{ErrorCode::InputRefused, tr("The problem #%1 does not exist.").arg(m.problemId)};
    return withTransaction(m_db, [&]() -> Result<qint64> {
        Measure x = m;
        x.seq =
            m_db.scalar(QStringLiteral("SELECT coalesce(max(seq), 0) + 1 FROM measures WHERE problem_id = ?"),
                        {m.problemId})
                .toInt();
        return AuditLog::insert(m_db, kMeasures, measureColumns(x));
    });
}

Status ProblemService::updateMeasure(const Measure &m)
{
    if (m.content.trimmed().isEmpty())
        return Error{ErrorCode::InputRefused, tr("A measure needs a text.")};
    return withTransaction(m_db, [&]() -> Status {
        const QVariant version =
            m_db.scalar(QStringLiteral("SELECT version FROM measures WHERE id = ?"), {m.id});
        if (!version.isValid())
            return Error{ErrorCode::InputRefused, tr("The measure #%1 does not exist.").arg(m.id)};
        if (version.toInt() != m.version)
            return staleEdit(kMeasures, m.id, m.version);
        QVariantMap cols = measureColumns(m);
        cols.insert(QStringLiteral("version"), m.version + 1);
        return AuditLog::update(m_db, kMeasures, m.id, cols);
    });
}

Error ProblemService::staleEdit(const QString &table, qint64 id, int readVersion) const
{
    const AuditLog::Change change = AuditLog::lastChange(m_db, table, id);
    const QString what = table == kMeasures ? tr("The measure") : tr("The problem");
    Error e{ErrorCode::InputRefused,
            tr("%1 was changed by someone else since it was opened; reload it first.").arg(what), true};
    if (change.at.isValid())
        e.message =
            tr("%1 was changed by %2 at %3 since you opened it; reload it to see the change, then edit "
               "again.")
                .arg(what, change.actor,
                     change.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    // What changed since the version read: the row as the first later entry found it, against
    // the row now (issue #23: a caller shows both sides).
    QJsonObject was;
    QJsonObject now;
    (void)m_db.forEachRow(QStringLiteral("SELECT before_json, after_json FROM audit_log WHERE entity = ? AND "
                                         "entity_id = ? AND action = 'update' ORDER BY id"),
                          {table, id}, [&](const SqlRow &r) {
                              const QJsonObject before = QJsonDocument::fromJson(r.text(0).toUtf8()).object();
                              const QJsonObject after = QJsonDocument::fromJson(r.text(1).toUtf8()).object();
                              if (after.value(QLatin1String("version")).toInt() <= readVersion)
                                  return;
                              if (was.isEmpty())
                                  was = before;
                              now = after;
                          });
    QJsonObject fields;
    for (auto it = now.constBegin(); it != now.constEnd(); ++it) {
        if (it.key() == QLatin1String("version") || was.value(it.key()) == it.value())
            continue;
        fields.insert(it.key(), QJsonObject{{QStringLiteral("was"), was.value(it.key())},
                                            {QStringLiteral("now"), it.value()}});
    }
    if (!fields.isEmpty())
        e.message += u' ' + tr("Changed: %1.").arg(fields.keys().join(QStringLiteral(", ")));
    e.staleChange = QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("actor"), change.actor},
                                  {QStringLiteral("at"), change.at.toUTC().toString(Qt::ISODate)},
                                  {QStringLiteral("fields"), fields}})
            .toJson(QJsonDocument::Compact));
    return e;
}

Status ProblemService::setMeasureState(qint64 measureId, MeasureState state, QDate date)
{
    if (!date.isValid())
        date = m_db.clock().today();
    return withTransaction(m_db, [&] {
        return AuditLog::update(m_db, kMeasures, measureId,
                                {{QStringLiteral("state"), Names::key(state)},
                                 {QStringLiteral("completed_date"),
                                  state == MeasureState::Completed ? sqlDate(date) : QVariant()}});
    });
}

Status ProblemService::removeMeasure(qint64 measureId)
{
    return withTransaction(m_db, [&] { return AuditLog::remove(m_db, kMeasures, measureId); });
}

Status ProblemService::moveMeasure(qint64 measureId, int index)
{
    const qint64 problemId =
        m_db.scalar(QStringLiteral("SELECT problem_id FROM measures WHERE id = ?"), {measureId}).toLongLong();
    if (problemId <= 0)
        return Error{ErrorCode::InputRefused, tr("The measure #%1 does not exist.").arg(measureId)};
    QList<Measure> list = measures(problemId);
    const auto from =
        std::find_if(list.begin(), list.end(), [&](const Measure &m) { return m.id == measureId; });
    Measure moved = *from;
    list.erase(from);
    list.insert(std::clamp(index, 0, int(list.size())), moved);
    return withTransaction(m_db, [&]() -> Status {
        for (int i = 0; i < list.size(); ++i) {
            if (list[i].seq == i + 1)
                continue;
            if (const Status s =
                    AuditLog::update(m_db, kMeasures, list[i].id, {{QStringLiteral("seq"), i + 1}});
                !s)
                return s;
        }
        return okStatus();
    });
}

Result<qint64> ProblemService::addProgress(const ProgressEntry &e)
{
    if (e.text.trimmed().isEmpty())
        return Error{ErrorCode::InputRefused, tr("A progress entry needs a text.")};
    const auto p = problem(e.problemId);
    if (!p)
        return Error{ErrorCode::InputRefused, tr("The problem #%1 does not exist.").arg(e.problemId)};
    const QDate date = e.date.isValid() ? e.date : m_db.clock().today();
    if (date < p->feedbackDate)
        return Error{ErrorCode::InputRefused,
                     tr("Progress cannot be dated before the problem's feedback date %1.")
                         .arg(toIso(p->feedbackDate))};
    return withTransaction(m_db, [&]() -> Result<qint64> {
        auto id = AuditLog::insert(
            m_db, QStringLiteral("progress_entries"),
            {{QStringLiteral("problem_id"), e.problemId},
             {QStringLiteral("measure_id"), sqlId(e.measureId)},
             {QStringLiteral("entry_date"), toIso(date)},
             {QStringLiteral("text"), e.text.trimmed()},
             {QStringLiteral("author"), sqlText(e.author.isEmpty() ? m_db.actor() : e.author)}});
        if (!id)
            return id;
        if (const Status s = AuditLog::update(m_db, kProblems, e.problemId,
                                              {{QStringLiteral("progress"), e.text.trimmed()}});
            !s)
            return s.error();
        if (p->state == ProblemState::Registered) {
            if (const Status s = writeState(e.problemId, ProblemState::InProgress, date); !s)
                return s.error();
        }
        return id;
    });
}

Status ProblemService::removeProgress(qint64 entryId)
{
    bool found = false;
    qint64 problemId = 0;
    QString date;
    QString text;
    if (const Status s = m_db.forEachRow(
            QStringLiteral("SELECT problem_id, entry_date, text FROM progress_entries WHERE id = ?"),
            {entryId},
            [&](const SqlRow &r) {
                found = true;
                problemId = r.integer(0);
                date = r.text(1);
                text = r.text(2);
                return false;
            });
        !s)
        return s;
    if (!found)
        return Error{ErrorCode::InputRefused, tr("The progress entry #%1 does not exist.").arg(entryId)};
    return withTransaction(m_db, [&]() -> Status {
        if (const Status s = AuditLog::remove(m_db, QStringLiteral("progress_entries"), entryId); !s)
            return s;
        const QVariant newest =
            m_db.scalar(QStringLiteral("SELECT text FROM progress_entries WHERE problem_id "
                                       "= ? ORDER BY entry_date DESC, id DESC LIMIT 1"),
                        {problemId});
        const QString summary =
            m_db.scalar(QStringLiteral("SELECT progress FROM problems WHERE id = ?"), {problemId}).toString();
        if (summary == text) {
            if (const Status s = AuditLog::update(m_db, kProblems, problemId,
                                                  {{QStringLiteral("progress"), sqlText(newest.toString())}});
                !s)
                return s;
        }
        if (newest.isValid())
            return okStatus();
        // The entry started the work: with no progress left, the problem is registered again.
        bool startedByEntry = false;
        if (const Status s = m_db.forEachRow(
                QStringLiteral("SELECT state, changed_on FROM problem_states WHERE problem_id = ? "
                               "ORDER BY changed_on DESC, id DESC LIMIT 1"),
                {problemId},
                [&](const SqlRow &h) {
                    startedByEntry = h.text(0) == Names::key(ProblemState::InProgress) && h.text(1) == date;
                    return false;
                });
            !s)
            return s;
        if (startedByEntry)
            return revertState(problemId, ProblemState::InProgress);
        return okStatus();
    });
}

QList<ProgressEntry> ProblemService::progress(qint64 problemId)
{
    QList<ProgressEntry> out;
    (void)m_db.forEachRow(QStringLiteral("SELECT id, problem_id, measure_id, entry_date, text, author FROM "
                                         "progress_entries WHERE problem_id = ? ORDER BY entry_date, id"),
                          {problemId}, [&](const SqlRow &r) {
                              out.append(ProgressEntry{r.integer(0), r.integer(1), r.integer(2),
                                                       fromIso(r.text(3)), r.text(4), r.text(5)});
                          });
    return out;
}

Result<qint64> ProblemService::addEvidence(qint64 problemId, qint64 measureId, const QString &originalName,
                                           const QByteArray &data, const QString &mimeType)
{
    if (!problem(problemId))
        return Error{ErrorCode::InputRefused, tr("The problem #%1 does not exist.").arg(problemId)};
    if (originalName.trimmed().isEmpty())
        return Error{ErrorCode::InputRefused, tr("An evidence file needs a name.")};
    return withTransaction(m_db, [&] {
        return AuditLog::insert(
            m_db, QStringLiteral("evidence"),
            {{QStringLiteral("problem_id"), problemId},
             {QStringLiteral("measure_id"), sqlId(measureId)},
             {QStringLiteral("original_name"), originalName.trimmed()},
             {QStringLiteral("mime_type"), sqlText(mimeType)},
             {QStringLiteral("size"), qint64(data.size())},
             {QStringLiteral("sha256"),
              QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex())},
             {QStringLiteral("added_on"), toIso(m_db.clock().today())},
             {QStringLiteral("data"), data.isNull() ? QByteArray("") : data}});
    });
}

QList<Evidence> ProblemService::evidence(qint64 problemId)
{
    QList<Evidence> out;
    (void)m_db.forEachRow(
        QStringLiteral("SELECT id, problem_id, measure_id, original_name, mime_type, size, sha256, "
                       "added_on FROM evidence WHERE problem_id = ? ORDER BY id"),
        {problemId}, [&](const SqlRow &r) {
            out.append(Evidence{r.integer(0), r.integer(1), r.integer(2), r.text(3), r.text(4), r.integer(5),
                                r.text(6), fromIso(r.text(7))});
        });
    return out;
}

QByteArray ProblemService::evidenceData(qint64 evidenceId)
{
    return m_db.scalar(QStringLiteral("SELECT data FROM evidence WHERE id = ?"), {evidenceId}).toByteArray();
}

Status ProblemService::removeEvidence(qint64 evidenceId)
{
    if (!m_db.scalar(QStringLiteral("SELECT id FROM evidence WHERE id = ?"), {evidenceId}).isValid())
        return Error{ErrorCode::InputRefused, tr("The evidence file #%1 does not exist.").arg(evidenceId)};
    return withTransaction(m_db,
                           [&] { return AuditLog::remove(m_db, QStringLiteral("evidence"), evidenceId); });
}

ProblemState ProblemService::stateAsOf(qint64 problemId, const QDate &date)
{
    const QVariant s =
        m_db.scalar(QStringLiteral("SELECT state FROM problem_states WHERE problem_id = ? AND "
                                   "changed_on <= ? ORDER BY changed_on DESC, id DESC LIMIT 1"),
                    {problemId, toIso(date)});
    return Names::problemState(s.toString()).value_or(ProblemState::Registered);
}

TransitionContext ProblemService::transitionContext(qint64 problemId)
{
    TransitionContext ctx;
    ctx.measures =
        m_db.scalar(QStringLiteral("SELECT count(*) FROM measures WHERE problem_id = ?"), {problemId})
            .toInt();
    ctx.unfinishedMeasures =
        m_db.scalar(
                QStringLiteral("SELECT count(*) FROM measures WHERE problem_id = ? AND state IN ('pending', "
                               "'in_progress')"),
                {problemId})
            .toInt();
    ctx.longTermMeasures =
        m_db.scalar(
                QStringLiteral("SELECT count(*) FROM measures WHERE problem_id = ? AND state = 'long_term'"),
                {problemId})
            .toInt();
    // Approved reviews of all three steps, none rejected, since the last time it became completed.
    const QString since =
        m_db.scalar(QStringLiteral("SELECT changed_on FROM problem_states WHERE problem_id = ? AND "
                                   "state = 'completed' ORDER BY changed_on DESC, id DESC LIMIT 1"),
                    {problemId})
            .toString();
    if (!since.isEmpty()) {
        const int approvedSteps =
            m_db.scalar(QStringLiteral(
                            "SELECT count(DISTINCT step) FROM reviews WHERE problem_id = ? AND approved = 1 "
                            "AND review_date >= ?"),
                        {problemId, since})
                .toInt();
        ctx.reviewsApproved = approvedSteps == 3;
    }
    return ctx;
}

Status ProblemService::writeState(qint64 problemId, ProblemState state, const QDate &date)
{
    auto h = AuditLog::insert(m_db, QStringLiteral("problem_states"),
                              {{QStringLiteral("problem_id"), problemId},
                               {QStringLiteral("changed_on"), toIso(date)},
                               {QStringLiteral("state"), Names::key(state)}});
    if (!h)
        return h.error();
    QVariantMap cols{{QStringLiteral("state"), Names::key(state)}};
    if (state == ProblemState::Completed)
        cols.insert(QStringLiteral("completed_date"), toIso(date));
    if (state == ProblemState::ClosedOut) {
        cols.insert(QStringLiteral("closed_out_date"), toIso(date));
        if (m_db.scalar(QStringLiteral("SELECT completed_date FROM problems WHERE id = ?"), {problemId})
                .isNull())
            cols.insert(QStringLiteral("completed_date"), toIso(date));
    }
    if (state == ProblemState::InProgress || state == ProblemState::LongTerm)
        cols.insert(QStringLiteral("completed_date"), QVariant());
    return AuditLog::update(m_db, kProblems, problemId, cols);
}

} // namespace rectrack::core

namespace rectrack::core {

Status ProblemService::revertState(qint64 problemId, ProblemState expected)
{
    if (expected == ProblemState::ClosedOut)
        return Error{ErrorCode::InputRefused,
                     tr("A close-out is a record and cannot be undone; correct it by a new entry.")};
    QList<std::tuple<qint64, QString, QString>> rows;
    if (const Status s = m_db.forEachRow(
            QStringLiteral("SELECT id, state, changed_on FROM problem_states WHERE problem_id = ? "
                           "ORDER BY changed_on DESC, id DESC LIMIT 2"),
            {problemId},
            [&](const SqlRow &h) {
                rows.append({h.integer(0), h.text(1), h.text(2)});
            });
        !s)
        return s;
    if (rows.size() < 2 || std::get<1>(rows[0]) != Names::key(expected))
        return Error{ErrorCode::InputRefused,
                     tr("The problem's state has changed since; this change can no longer be taken back.")};
    const auto previous = Names::problemState(std::get<1>(rows[1])).value_or(ProblemState::Registered);
    return withTransaction(m_db, [&]() -> Status {
        if (const Status s = AuditLog::remove(m_db, QStringLiteral("problem_states"), std::get<0>(rows[0]));
            !s)
            return s;
        QVariantMap cols{{QStringLiteral("state"), Names::key(previous)}};
        cols.insert(QStringLiteral("completed_date"),
                    previous == ProblemState::Completed ? QVariant(std::get<2>(rows[1])) : QVariant());
        return AuditLog::update(m_db, kProblems, problemId, cols);
    });
}

} // namespace rectrack::core
