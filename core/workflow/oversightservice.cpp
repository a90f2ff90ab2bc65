#include "oversightservice.h"

#include "registerlevel.h"

#include "exchange/sitescope.h"

#include "storage/schema.h"

#include "storage/auditlog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

namespace rectrack::core {

QString referralKindKey(ReferralKind kind)
{
    switch (kind) {
    case ReferralKind::ReferralSheet:
        return QStringLiteral("referral_sheet");
    case ReferralKind::ThematicReport:
        return QStringLiteral("thematic_report");
    case ReferralKind::KeySituationReport:
        return QStringLiteral("key_situation_report");
    }
    return {};
}

QString referralKindName(ReferralKind kind)
{
    switch (kind) {
    case ReferralKind::ReferralSheet:
        return OversightService::tr("Referral sheet");
    case ReferralKind::ThematicReport:
        return OversightService::tr("Thematic report");
    case ReferralKind::KeySituationReport:
        return OversightService::tr("Key-situation report");
    }
    return {};
}

EvaluationTemplate EvaluationTemplate::builtIn()
{
    EvaluationTemplate t;
    t.name = QStringLiteral("整改效果评价（百分制扣分）");
    t.criteria = {QStringLiteral("研究部署"), QStringLiteral("任务落实"), QStringLiteral("组织保障"),
                  QStringLiteral("群众满意度"), QStringLiteral("总体成效")};
    t.maxDeduction = {15, 35, 15, 15, 20};
    return t;
}

double EvaluationTemplate::score(const QList<double> &deductions) const
{
    double s = 100;
    for (int i = 0; i < deductions.size() && i < maxDeduction.size(); ++i)
        s -= std::clamp(deductions[i], 0.0, maxDeduction[i]);
    return std::max(0.0, s);
}

QString EvaluationTemplate::grade(double s) const
{
    if (s >= good)
        return QStringLiteral("好");
    if (s >= fairlyGood)
        return QStringLiteral("较好");
    if (s >= average)
        return QStringLiteral("一般");
    return QStringLiteral("差");
}

bool EvaluationTemplate::needsSecondRectification(const QString &grade)
{
    return grade == QStringLiteral("一般") || grade == QStringLiteral("差");
}

namespace {

QVariantMap clueValues(const Clue &c)
{
    return {{QStringLiteral("inspection_id"), sqlId(c.inspectionId)},
            {QStringLiteral("summary"), c.summary.trimmed()},
            {QStringLiteral("persons_count"), c.personsCount},
            {QStringLiteral("persons_roles"), sqlText(c.personsRoles.trimmed())},
            {QStringLiteral("receiver"), sqlText(c.receiver.trimmed())},
            {QStringLiteral("transfer_date"), sqlDate(c.transferDate)},
            {QStringLiteral("due_date"), sqlDate(c.dueDate)},
            {QStringLiteral("disposal_state"),
             c.resultDate.isValid() ? QStringLiteral("disposed") : QStringLiteral("pending")},
            {QStringLiteral("result"), sqlText(c.result.trimmed())},
            {QStringLiteral("result_date"), sqlDate(c.resultDate)}};
}

QVariantMap referralValues(const Referral &ref)
{
    return {{QStringLiteral("kind"), referralKindKey(ref.kind)},
            {QStringLiteral("number"), sqlText(ref.number.trimmed())},
            {QStringLiteral("issued_on"), sqlDate(ref.issuedOn)},
            {QStringLiteral("recipient"), sqlText(ref.recipient.trimmed())},
            {QStringLiteral("subject"), ref.subject.trimmed()},
            {QStringLiteral("response"), sqlText(ref.response.trimmed())},
            {QStringLiteral("response_date"), sqlDate(ref.responseDate)}};
}

QVariantMap evaluationValues(const Evaluation &e, const EvaluationTemplate &tmpl)
{
    QJsonArray criteria;
    for (int i = 0; i < tmpl.criteria.size(); ++i)
        criteria.append(QJsonObject{{QStringLiteral("criterion"), tmpl.criteria[i]},
                                    {QStringLiteral("deduction"), e.deductions.value(i)}});
    return {{QStringLiteral("inspection_id"), sqlId(e.inspectionId)},
            {QStringLiteral("unit_id"), e.unitId},
            {QStringLiteral("template"), tmpl.name},
            {QStringLiteral("score"), e.score},
            {QStringLiteral("grade"), e.grade},
            {QStringLiteral("evaluated_on"), sqlDate(e.evaluatedOn)},
            {QStringLiteral("second_rectification"), e.secondRectification ? 1 : 0},
            {QStringLiteral("note"), sqlText(e.note)},
            {QStringLiteral("criteria_json"),
             QString::fromUtf8(QJsonDocument(criteria).toJson(QJsonDocument::Compact))}};
}

QVariantMap visitValues(const ReturnVisit &v)
{
    return {{QStringLiteral("unit_id"), v.unitId},
            {QStringLiteral("action_date"), toIso(v.date)},
            {QStringLiteral("campaign"), sqlText(v.campaign.trimmed())},
            {QStringLiteral("visitors"), sqlText(v.visitors.trimmed())},
            {QStringLiteral("findings"), sqlText(v.findings.trimmed())},
            {QStringLiteral("satisfaction"), sqlText(v.satisfaction.trimmed())},
            {QStringLiteral("follow_up"), sqlText(v.followUp.trimmed())}};
}

/// True when @p table has a row with key @p id (schema::keyColumn).
bool exists(Database &db, const QString &table, qint64 id)
{
    return db.scalar(
                 QStringLiteral("SELECT count(*) FROM %1 WHERE %2 = ?").arg(table, schema::keyColumn(table)),
                 {id})
               .toInt() > 0;
}

} // namespace

QString OversightService::clueProblem(const Clue &c)
{
    if (c.summary.trimmed().isEmpty())
        return tr("A clue needs a summary.");
    if (!c.transferDate.isValid())
        return tr("A clue needs its transfer date.");
    if (c.personsCount < 0)
        return tr("The number of persons involved cannot be negative.");
    static const QRegularExpression idNumber(QStringLiteral("\\d{17}[\\dXx]|\\d{15}"));
    if (c.personsRoles.contains(idNumber) || c.summary.contains(idNumber))
        return tr("Record the persons' roles only, never ID numbers.");
    if (c.dueDate.isValid() && c.dueDate < c.transferDate)
        return tr("The due date cannot be before the transfer date.");
    if (c.resultDate.isValid() && c.resultDate < c.transferDate)
        return tr("The disposal cannot be before the transfer.");
    if (c.resultDate.isValid() && c.result.trimmed().isEmpty())
        return tr("A disposal date needs the disposal result.");
    return {};
}

Result<qint64> OversightService::addClue(Clue c)
{
    if (const QString why = clueProblem(c); !why.isEmpty())
        return Error{ErrorCode::InputRefused, why};
    if (!c.dueDate.isValid())
        c.dueDate = c.transferDate.addMonths(3);
    return withTransaction(m_db,
                           [&] { return AuditLog::insert(m_db, QStringLiteral("clues"), clueValues(c)); });
}

Status OversightService::updateClue(Clue c)
{
    if (const QString why = clueProblem(c); !why.isEmpty())
        return Error{ErrorCode::InputRefused, why};
    if (!c.dueDate.isValid())
        c.dueDate = c.transferDate.addMonths(3);
    return withTransaction(
        m_db, [&] { return AuditLog::update(m_db, QStringLiteral("clues"), c.id, clueValues(c)); });
}

Status OversightService::deleteClue(qint64 clueId)
{
    return withTransaction(m_db, [&] { return AuditLog::remove(m_db, QStringLiteral("clues"), clueId); });
}

Status OversightService::disposeClue(qint64 clueId, const QString &result, const QDate &date)
{
    if (result.trimmed().isEmpty() || !date.isValid())
        return Error{ErrorCode::InputRefused, tr("A disposal needs its result and date.")};
    return withTransaction(m_db, [&] {
        return AuditLog::update(m_db, QStringLiteral("clues"), clueId,
                                {{QStringLiteral("disposal_state"), QStringLiteral("disposed")},
                                 {QStringLiteral("result"), result.trimmed()},
                                 {QStringLiteral("result_date"), toIso(date)}});
    });
}

// The lists and lookups below return plain values: a read error gives the rows read before it, and
// a damaged page is recorded by the database (Database::damageSeen()).
QList<Clue> OversightService::clues()
{
    QList<Clue> out;
    (void)m_db.forEachRow(
        QStringLiteral("SELECT id, inspection_id, summary, persons_count, persons_roles, receiver, "
                       "transfer_date, due_date, disposal_state, result, result_date FROM clues "
                       "ORDER BY transfer_date, id"),
        {}, [&](const SqlRow &r) {
            Clue c;
            c.id = r.integer(0);
            c.inspectionId = r.integer(1);
            c.summary = r.text(2);
            c.personsCount = r.int32(3);
            c.personsRoles = r.text(4);
            c.receiver = r.text(5);
            c.transferDate = fromIso(r.text(6));
            c.dueDate = fromIso(r.text(7));
            c.disposalState = r.text(8);
            c.result = r.text(9);
            c.resultDate = fromIso(r.text(10));
            out.append(c);
        });
    return out;
}

bool OversightService::isClueOverdue(const Clue &c, const QDate &asOf)
{
    if (!c.dueDate.isValid() || c.transferDate > asOf)
        return false;
    const bool disposedByThen = c.resultDate.isValid() && c.resultDate <= asOf;
    return !disposedByThen && c.dueDate < asOf;
}

Result<qint64> OversightService::addReferral(const Referral &ref)
{
    if (ref.subject.trimmed().isEmpty())
        return Error{ErrorCode::InputRefused, tr("A referral needs a subject.")};
    if (ref.issuedOn.isValid() && ref.responseDate.isValid() && ref.responseDate < ref.issuedOn)
        return Error{ErrorCode::InputRefused, tr("The response cannot be before the referral was issued.")};
    return withTransaction(m_db, [&]() -> Result<qint64> {
        auto id = AuditLog::insert(m_db, QStringLiteral("referrals"), referralValues(ref));
        if (!id)
            return id;
        for (qint64 p : ref.problemIds) {
            auto link =
                AuditLog::insert(m_db, QStringLiteral("referral_problems"),
                                 {{QStringLiteral("referral_id"), *id}, {QStringLiteral("problem_id"), p}});
            if (!link)
                return link.error();
        }
        return id;
    });
}

std::optional<Referral> OversightService::referral(qint64 referralId)
{
    Referral f;
    bool found = false;
    (void)m_db.forEachRow(QStringLiteral("SELECT id, kind, number, issued_on, recipient, subject, response, "
                                         "response_date FROM referrals WHERE id = ?"),
                          {referralId}, [&](const SqlRow &r) {
                              found = true;
                              f.id = r.integer(0);
                              const QString kind = r.text(1);
                              f.kind = kind == referralKindKey(ReferralKind::ThematicReport)
                                           ? ReferralKind::ThematicReport
                                       : kind == referralKindKey(ReferralKind::KeySituationReport)
                                           ? ReferralKind::KeySituationReport
                                           : ReferralKind::ReferralSheet;
                              f.number = r.text(2);
                              f.issuedOn = fromIso(r.text(3));
                              f.recipient = r.text(4);
                              f.subject = r.text(5);
                              f.response = r.text(6);
                              f.responseDate = fromIso(r.text(7));
                              return false;
                          });
    if (!found)
        return std::nullopt;
    (void)m_db.forEachRow(
        QStringLiteral("SELECT problem_id FROM referral_problems WHERE referral_id = ? ORDER BY problem_id"),
        {referralId}, [&](const SqlRow &row) { f.problemIds << row.integer(0); });
    return f;
}

Status OversightService::updateReferral(const Referral &ref)
{
    if (ref.subject.trimmed().isEmpty())
        return Error{ErrorCode::InputRefused, tr("A referral needs a subject.")};
    if (ref.issuedOn.isValid() && ref.responseDate.isValid() && ref.responseDate < ref.issuedOn)
        return Error{ErrorCode::InputRefused, tr("The response cannot be before the referral was issued.")};
    return withTransaction(m_db, [&]() -> Status {
        if (auto s = AuditLog::update(m_db, QStringLiteral("referrals"), ref.id, referralValues(ref)); !s)
            return s;
        QHash<qint64, qint64> current; // problem id → link rowid
        if (const Status read = m_db.forEachRow(
                QStringLiteral("SELECT problem_id, rowid FROM referral_problems WHERE referral_id = ?"),
                {ref.id}, [&](const SqlRow &row) { current.insert(row.integer(0), row.integer(1)); });
            !read)
            return read.error();
        for (auto it = current.cbegin(); it != current.cend(); ++it) {
            if (!ref.problemIds.contains(it.key())) {
                if (auto s = AuditLog::remove(m_db, QStringLiteral("referral_problems"), it.value()); !s)
                    return s;
            }
        }
        for (qint64 p : ref.problemIds) {
            if (current.contains(p))
                continue;
            if (!exists(m_db, QStringLiteral("problems"), p))
                return Error{ErrorCode::InputRefused, tr("The problem #%1 does not exist.").arg(p)};
            auto link = AuditLog::insert(
                m_db, QStringLiteral("referral_problems"),
                {{QStringLiteral("referral_id"), ref.id}, {QStringLiteral("problem_id"), p}});
            if (!link)
                return link.error();
            current.insert(p, *link);
        }
        return okStatus();
    });
}

Status OversightService::deleteReferral(qint64 referralId)
{
    return withTransaction(m_db, [&]() -> Status {
        QList<qint64> rowids;
        if (const Status read =
                m_db.forEachRow(QStringLiteral("SELECT rowid FROM referral_problems WHERE referral_id = ?"),
                                {referralId}, [&](const SqlRow &row) { rowids << row.integer(0); });
            !read)
            return read.error();
        for (qint64 rowid : rowids) {
            if (auto s = AuditLog::remove(m_db, QStringLiteral("referral_problems"), rowid); !s)
                return s;
        }
        return AuditLog::remove(m_db, QStringLiteral("referrals"), referralId);
    });
}

Status OversightService::recordResponse(qint64 referralId, const QString &response, const QDate &date)
{
    const QDate issued = fromIso(
        m_db.scalar(QStringLiteral("SELECT issued_on FROM referrals WHERE id = ?"), {referralId}).toString());
    if (issued.isValid() && date.isValid() && date < issued)
        return Error{ErrorCode::InputRefused, tr("The response cannot be before the referral was issued.")};
    return withTransaction(m_db, [&] {
        return AuditLog::update(m_db, QStringLiteral("referrals"), referralId,
                                {{QStringLiteral("response"), response.trimmed()},
                                 {QStringLiteral("response_date"), sqlDate(date)}});
    });
}

Result<qint64> OversightService::addEvaluation(Evaluation e, const EvaluationTemplate &tmpl)
{
    if (e.unitId <= 0)
        return Error{ErrorCode::InputRefused, tr("An evaluation needs the evaluated unit.")};
    e.score = tmpl.score(e.deductions);
    e.grade = tmpl.grade(e.score);
    e.secondRectification = EvaluationTemplate::needsSecondRectification(e.grade);
    return withTransaction(m_db, [&] {
        return AuditLog::insert(m_db, QStringLiteral("evaluations"), evaluationValues(e, tmpl));
    });
}

std::optional<Evaluation> OversightService::evaluation(qint64 id)
{
    Evaluation e;
    bool found = false;
    (void)m_db.forEachRow(
        QStringLiteral("SELECT id, inspection_id, unit_id, template, score, grade, evaluated_on, "
                       "second_rectification, note, criteria_json FROM evaluations WHERE id = ?"),
        {id}, [&](const SqlRow &r) {
            found = true;
            e.id = r.integer(0);
            e.inspectionId = r.integer(1);
            e.unitId = r.integer(2);
            e.templateName = r.text(3);
            e.score = r.real(4);
            e.grade = r.text(5);
            e.evaluatedOn = fromIso(r.text(6));
            e.secondRectification = r.int32(7) != 0;
            e.note = r.text(8);
            const QJsonArray criteria = QJsonDocument::fromJson(r.text(9).toUtf8()).array();
            for (const QJsonValue &c : criteria)
                e.deductions << c.toObject().value(QStringLiteral("deduction")).toDouble();
            return false;
        });
    if (!found)
        return std::nullopt;
    return e;
}

Status OversightService::updateEvaluation(Evaluation e, const EvaluationTemplate &tmpl)
{
    if (e.unitId <= 0)
        return Error{ErrorCode::InputRefused, tr("An evaluation needs the evaluated unit.")};
    e.score = tmpl.score(e.deductions);
    e.grade = tmpl.grade(e.score);
    e.secondRectification = EvaluationTemplate::needsSecondRectification(e.grade);
    return withTransaction(m_db, [&] {
        return AuditLog::update(m_db, QStringLiteral("evaluations"), e.id, evaluationValues(e, tmpl));
    });
}

Status OversightService::deleteEvaluation(qint64 id)
{
    return withTransaction(m_db, [&] { return AuditLog::remove(m_db, QStringLiteral("evaluations"), id); });
}

Result<qint64> OversightService::addCampaign(const Campaign &c)
{
    if (c.name.trimmed().isEmpty())
        return Error{ErrorCode::InputRefused, tr("A campaign needs a name.")};
    if (c.start.isValid() && c.end.isValid() && c.end < c.start)
        return Error{ErrorCode::InputRefused, tr("A campaign cannot end before it starts.")};
    return withTransaction(m_db, [&]() -> Result<qint64> {
        auto id = AuditLog::insert(m_db, QStringLiteral("campaigns"),
                                   {{QStringLiteral("name"), c.name.trimmed()},
                                    {QStringLiteral("start_date"), sqlDate(c.start)},
                                    {QStringLiteral("end_date"), sqlDate(c.end)}});
        if (!id)
            return id;
        for (qint64 r : c.roundIds) {
            auto link =
                AuditLog::insert(m_db, QStringLiteral("campaign_rounds"),
                                 {{QStringLiteral("campaign_id"), *id}, {QStringLiteral("round_id"), r}});
            if (!link)
                return link.error();
        }
        return id;
    });
}

QList<qint64> OversightService::unitsWithUnfinishedProblems(qint64 campaignId, const QDate &asOf)
{
    QList<qint64> out;
    const QString d = toIso(asOf);
    (void)m_db.forEachRow(
        QStringLiteral(
            "SELECT DISTINCT u.id, u.name FROM problems p JOIN inspections i ON i.id = p.inspection_id "
            "JOIN campaign_rounds cr ON cr.round_id = i.round_id JOIN units u ON u.id = p.unit_id "
            "WHERE cr.campaign_id = ? AND p.feedback_date <= ? AND COALESCE((SELECT s.state FROM "
            "problem_states s WHERE s.problem_id = p.id AND s.changed_on <= ? ORDER BY s.changed_on DESC, "
            "s.id DESC LIMIT 1), 'registered') NOT IN ('completed', 'closed_out') ORDER BY u.name"),
        {campaignId, d, d}, [&](const SqlRow &r) { out << r.integer(0); });
    return out;
}

QList<qint64> OversightService::unitsWithUnfinishedProblemsInRounds(const QList<qint64> &roundIds,
                                                                    const QDate &asOf)
{
    QList<qint64> out;
    if (roundIds.isEmpty())
        return out;
    QStringList ids;
    for (qint64 id : roundIds)
        ids << QString::number(id);
    const QString d = toIso(asOf);
    (void)m_db.forEachRow(
        QStringLiteral(
            "SELECT DISTINCT u.id, u.name FROM problems p JOIN inspections i ON i.id = p.inspection_id "
            "JOIN units u ON u.id = p.unit_id WHERE i.round_id IN (%1) AND p.feedback_date <= ? AND "
            "COALESCE((SELECT s.state FROM problem_states s WHERE s.problem_id = p.id AND s.changed_on <= ? "
            "ORDER BY s.changed_on DESC, s.id DESC LIMIT 1), 'registered') NOT IN ('completed', "
            "'closed_out') "
            "ORDER BY u.name")
            .arg(ids.join(u',')),
        {d, d}, [&](const SqlRow &r) { out << r.integer(0); });
    return out;
}

Result<qint64> OversightService::addReturnVisit(const ReturnVisit &v)
{
    if (v.unitId <= 0 || !v.date.isValid())
        return Error{ErrorCode::InputRefused, tr("A return visit needs the unit and the date.")};
    QVariantMap values = visitValues(v);
    values.insert(QStringLiteral("kind"), QStringLiteral("return_visit"));
    values.insert(QStringLiteral("actor"), sqlText(m_db.actor()));
    return withTransaction(
        m_db, [&] { return AuditLog::insert(m_db, QStringLiteral("supervision_actions"), values); });
}

Status OversightService::updateReturnVisit(const ReturnVisit &v)
{
    if (v.unitId <= 0 || !v.date.isValid())
        return Error{ErrorCode::InputRefused, tr("A return visit needs the unit and the date.")};
    if (const Status s =
            exchange::SiteScopes::checkWritable(m_db, QStringLiteral("supervision_actions"), v.id);
        !s)
        return s;
    return withTransaction(m_db, [&] {
        return AuditLog::update(m_db, QStringLiteral("supervision_actions"), v.id, visitValues(v));
    });
}

Status OversightService::deleteReturnVisit(qint64 id)
{
    if (const Status s = exchange::SiteScopes::checkWritable(m_db, QStringLiteral("supervision_actions"), id);
        !s)
        return s;
    return withTransaction(m_db,
                           [&] { return AuditLog::remove(m_db, QStringLiteral("supervision_actions"), id); });
}

Status OversightService::linkRepeatedProblem(qint64 problemId, qint64 repeatedProblemId)
{
    if (problemId == repeatedProblemId)
        return Error{ErrorCode::InputRefused, tr("A problem cannot repeat itself.")};
    const auto levelOf = [&](qint64 id) {
        return Names::sourceLevel(
            m_db.scalar(QStringLiteral("SELECT source_level FROM problems WHERE id = ?"), {id}).toString());
    };
    const std::optional<SourceLevel> own = levelOf(problemId);
    const std::optional<SourceLevel> level = levelOf(repeatedProblemId);
    if (!own || !level)
        return Error{ErrorCode::InputRefused, tr("Both problems must exist.")};
    // 集成整改: a problem repeats one fed back by a higher level (a district problem may repeat a
    // municipal one, a municipal problem a provincial or central one).
    const auto rank = [](SourceLevel l) {
        return std::find(sourceLevelOrder.begin(), sourceLevelOrder.end(), l) - sourceLevelOrder.begin();
    };
    if (rank(*level) >= rank(*own))
        return Error{ErrorCode::InputRefused,
                     tr("A %1 problem can only repeat a problem fed back by a higher level than %1.")
                         .arg(Names::display(*own))};
    return withTransaction(m_db, [&] {
        return AuditLog::update(m_db, QStringLiteral("problems"), problemId,
                                {{QStringLiteral("repeats_problem_id"), repeatedProblemId}});
    });
}

Status OversightService::unlinkRepeatedProblem(qint64 problemId)
{
    return withTransaction(m_db, [&] {
        return AuditLog::update(m_db, QStringLiteral("problems"), problemId,
                                {{QStringLiteral("repeats_problem_id"), QVariant()}});
    });
}

Status OversightService::shareMeasure(qint64 measureId, qint64 problemId)
{
    return withTransaction(m_db, [&]() -> Status {
        auto r = AuditLog::insert(
            m_db, QStringLiteral("measure_problems"),
            {{QStringLiteral("measure_id"), measureId}, {QStringLiteral("problem_id"), problemId}});
        if (!r)
            return r.error();
        return okStatus();
    });
}

Result<qint64> OversightService::addRuleEstablished(qint64 problemId, qint64 unitId, const QString &name,
                                                    const QDate &date)
{
    if (name.trimmed().isEmpty())
        return Error{ErrorCode::InputRefused, tr("A rule needs a name.")};
    return withTransaction(m_db, [&] {
        return AuditLog::insert(m_db, QStringLiteral("rules_established"),
                                {{QStringLiteral("problem_id"), sqlId(problemId)},
                                 {QStringLiteral("unit_id"), sqlId(unitId)},
                                 {QStringLiteral("name"), name.trimmed()},
                                 {QStringLiteral("established_on"), sqlDate(date)}});
    });
}

Result<qint64> OversightService::addAccountability(qint64 problemId, qint64 unitId, const QString &form,
                                                   int persons, const QDate &date)
{
    if (form.trimmed().isEmpty() || persons < 1)
        return Error{ErrorCode::InputRefused, tr("Accountability needs its form and at least one person.")};
    return withTransaction(m_db, [&] {
        return AuditLog::insert(m_db, QStringLiteral("accountability"),
                                {{QStringLiteral("problem_id"), sqlId(problemId)},
                                 {QStringLiteral("unit_id"), sqlId(unitId)},
                                 {QStringLiteral("form"), form.trimmed()},
                                 {QStringLiteral("persons"), persons},
                                 {QStringLiteral("decided_on"), sqlDate(date)}});
    });
}

Result<qint64> OversightService::addFundsRecovered(qint64 problemId, qint64 unitId, double yuan,
                                                   const QDate &date)
{
    if (yuan <= 0)
        return Error{ErrorCode::InputRefused, tr("Recovered funds must be a positive amount.")};
    return withTransaction(m_db, [&] {
        return AuditLog::insert(m_db, QStringLiteral("funds_recovered"),
                                {{QStringLiteral("problem_id"), sqlId(problemId)},
                                 {QStringLiteral("unit_id"), sqlId(unitId)},
                                 {QStringLiteral("amount_yuan"), yuan},
                                 {QStringLiteral("recovered_on"), sqlDate(date)}});
    });
}

QList<Campaign> OversightService::campaigns()
{
    QList<Campaign> out;
    (void)m_db.forEachRow(
        QStringLiteral("SELECT id, name, start_date, end_date FROM campaigns ORDER BY start_date, id"), {},
        [&](const SqlRow &r) {
            Campaign c;
            c.id = r.integer(0);
            c.name = r.text(1);
            c.start = fromIso(r.text(2));
            c.end = fromIso(r.text(3));
            out.append(c);
        });
    for (Campaign &c : out) {
        (void)m_db.forEachRow(
            QStringLiteral("SELECT round_id FROM campaign_rounds WHERE campaign_id = ? ORDER BY round_id"),
            {c.id}, [&](const SqlRow &row) { c.roundIds << row.integer(0); });
    }
    return out;
}

Status OversightService::updateCampaign(const Campaign &c)
{
    if (c.name.trimmed().isEmpty())
        return Error{ErrorCode::InputRefused, tr("A campaign needs a name.")};
    if (c.roundIds.isEmpty())
        return Error{ErrorCode::InputRefused, tr("A campaign needs at least one round.")};
    if (c.start.isValid() && c.end.isValid() && c.end < c.start)
        return Error{ErrorCode::InputRefused, tr("A campaign cannot end before it starts.")};
    const QString oldName =
        m_db.scalar(QStringLiteral("SELECT name FROM campaigns WHERE id = ?"), {c.id}).toString();
    return withTransaction(m_db, [&]() -> Status {
        if (auto s = AuditLog::update(m_db, QStringLiteral("campaigns"), c.id,
                                      {{QStringLiteral("name"), c.name.trimmed()},
                                       {QStringLiteral("start_date"), sqlDate(c.start)},
                                       {QStringLiteral("end_date"), sqlDate(c.end)}});
            !s)
            return s;
        QHash<qint64, qint64> current; // round id → link rowid
        if (const Status read = m_db.forEachRow(
                QStringLiteral("SELECT round_id, rowid FROM campaign_rounds WHERE campaign_id = ?"), {c.id},
                [&](const SqlRow &row) { current.insert(row.integer(0), row.integer(1)); });
            !read)
            return read.error();
        for (auto it = current.cbegin(); it != current.cend(); ++it) {
            if (!c.roundIds.contains(it.key())) {
                if (auto s = AuditLog::remove(m_db, QStringLiteral("campaign_rounds"), it.value()); !s)
                    return s;
            }
        }
        for (qint64 r : c.roundIds) {
            if (current.contains(r))
                continue;
            if (!exists(m_db, QStringLiteral("rounds"), r))
                return Error{ErrorCode::InputRefused, tr("The round #%1 does not exist.").arg(r)};
            auto link =
                AuditLog::insert(m_db, QStringLiteral("campaign_rounds"),
                                 {{QStringLiteral("campaign_id"), c.id}, {QStringLiteral("round_id"), r}});
            if (!link)
                return link.error();
        }
        if (!oldName.isEmpty() && oldName != c.name.trimmed()) {
            QList<qint64> visits;
            if (const Status read = m_db.forEachRow(
                    QStringLiteral("SELECT id FROM supervision_actions WHERE kind = 'return_visit' "
                                   "AND campaign = ?"),
                    {oldName}, [&](const SqlRow &row) { visits << row.integer(0); });
                !read)
                return read.error();
            for (qint64 id : visits) {
                if (auto s = AuditLog::update(m_db, QStringLiteral("supervision_actions"), id,
                                              {{QStringLiteral("campaign"), c.name.trimmed()}});
                    !s)
                    return s;
            }
        }
        return okStatus();
    });
}

Status OversightService::deleteCampaign(qint64 campaignId)
{
    const QString name =
        m_db.scalar(QStringLiteral("SELECT name FROM campaigns WHERE id = ?"), {campaignId}).toString();
    const int visits = m_db.scalar(QStringLiteral("SELECT count(*) FROM supervision_actions WHERE kind = "
                                                  "'return_visit' AND campaign = ?"),
                                   {name})
                           .toInt();
    if (visits > 0)
        return Error{ErrorCode::InputRefused,
                     tr("The campaign has %n return visit(s); delete them first.", nullptr, visits)};
    return withTransaction(m_db, [&]() -> Status {
        QList<qint64> rowids;
        if (const Status read =
                m_db.forEachRow(QStringLiteral("SELECT rowid FROM campaign_rounds WHERE campaign_id = ?"),
                                {campaignId}, [&](const SqlRow &row) { rowids << row.integer(0); });
            !read)
            return read.error();
        for (qint64 rowid : rowids) {
            if (auto s = AuditLog::remove(m_db, QStringLiteral("campaign_rounds"), rowid); !s)
                return s;
        }
        return AuditLog::remove(m_db, QStringLiteral("campaigns"), campaignId);
    });
}

Status OversightService::updateRuleEstablished(qint64 id, qint64 problemId, qint64 unitId,
                                               const QString &name, const QDate &date)
{
    if (name.trimmed().isEmpty())
        return Error{ErrorCode::InputRefused, tr("A rule needs a name.")};
    return withTransaction(m_db, [&] {
        return AuditLog::update(m_db, QStringLiteral("rules_established"), id,
                                {{QStringLiteral("problem_id"), sqlId(problemId)},
                                 {QStringLiteral("unit_id"), sqlId(unitId)},
                                 {QStringLiteral("name"), name.trimmed()},
                                 {QStringLiteral("established_on"), sqlDate(date)}});
    });
}

Status OversightService::updateAccountability(qint64 id, qint64 problemId, qint64 unitId, const QString &form,
                                              int persons, const QDate &date)
{
    if (form.trimmed().isEmpty() || persons < 1)
        return Error{ErrorCode::InputRefused, tr("Accountability needs its form and at least one person.")};
    return withTransaction(m_db, [&] {
        return AuditLog::update(m_db, QStringLiteral("accountability"), id,
                                {{QStringLiteral("problem_id"), sqlId(problemId)},
                                 {QStringLiteral("unit_id"), sqlId(unitId)},
                                 {QStringLiteral("form"), form.trimmed()},
                                 {QStringLiteral("persons"), persons},
                                 {QStringLiteral("decided_on"), sqlDate(date)}});
    });
}

Status OversightService::updateFundsRecovered(qint64 id, qint64 problemId, qint64 unitId, double yuan,
                                              const QDate &date)
{
    if (yuan <= 0)
        return Error{ErrorCode::InputRefused, tr("Recovered funds must be a positive amount.")};
    return withTransaction(m_db, [&] {
        return AuditLog::update(m_db, QStringLiteral("funds_recovered"), id,
                                {{QStringLiteral("problem_id"), sqlId(problemId)},
                                 {QStringLiteral("unit_id"), sqlId(unitId)},
                                 {QStringLiteral("amount_yuan"), yuan},
                                 {QStringLiteral("recovered_on"), sqlDate(date)}});
    });
}

Status OversightService::deleteOutcome(const QString &table, qint64 id)
{
    static const QStringList tables{QStringLiteral("rules_established"), QStringLiteral("accountability"),
                                    QStringLiteral("funds_recovered")};
    if (!tables.contains(table))
        return Error{ErrorCode::InputRefused, tr("Unknown outcome table %1.").arg(table)};
    return withTransaction(m_db, [&] { return AuditLog::remove(m_db, table, id); });
}

int OversightService::performanceAssessmentMonths()
{
    return std::max(1,
                    m_db.meta(QStringLiteral("performance_assessment_months"), QStringLiteral("6")).toInt());
}

Status OversightService::setPerformanceAssessmentMonths(int months)
{
    if (months < 1 || months > 36)
        return Error{ErrorCode::InputRefused,
                     tr("The performance-assessment period must be 1 to 36 months.")};
    return withTransaction(m_db, [&] {
        return m_db.setMeta(QStringLiteral("performance_assessment_months"), QString::number(months));
    });
}

bool OversightService::coverageCountsFollowUp()
{
    return m_db.meta(QStringLiteral("coverage_counts_follow_up")) == QLatin1String("1");
}

Status OversightService::setCoverageCountsFollowUp(bool on)
{
    return withTransaction(m_db, [&] {
        return m_db.setMeta(QStringLiteral("coverage_counts_follow_up"),
                            on ? QStringLiteral("1") : QStringLiteral("0"));
    });
}

} // namespace rectrack::core
