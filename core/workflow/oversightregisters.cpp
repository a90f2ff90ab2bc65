#include "oversightregisters.h"

#include "oversightservice.h"
#include "stats/statistics.h"

namespace rectrack::core {

QString outcomeTable(OutcomeRow::Kind kind)
{
    switch (kind) {
    case OutcomeRow::Kind::RuleEstablished:
        return QStringLiteral("rules_established");
    case OutcomeRow::Kind::Accountability:
        return QStringLiteral("accountability");
    case OutcomeRow::Kind::FundsRecovered:
        return QStringLiteral("funds_recovered");
    }
    return {};
}

} // namespace rectrack::core

namespace rectrack::core::OversightRegisters {

namespace {

SourceLevel sourceFromKey(const QString &key)
{
    return Names::sourceLevel(key).value_or(SourceLevel::Municipal);
}

} // namespace

// The lists below feed the registers' views and return plain values: a read error gives the rows
// read before it, and a damaged page is recorded by the database (Database::damageSeen()).

QList<ReferralRow> referrals(Database &db)
{
    QList<ReferralRow> out;
    (void)db.forEachRow(
        QStringLiteral(
            "SELECT r.id, r.kind, r.number, r.issued_on, r.recipient, r.subject, r.response, "
            "r.response_date, "
            "(SELECT COUNT(*) FROM referral_problems rp WHERE rp.referral_id = r.id), r.copy_to, r.due_date, "
            "(SELECT p.name FROM patterns p WHERE p.id = r.pattern_id) FROM referrals r "
            "ORDER BY r.issued_on, r.id"),
        {}, [&](const SqlRow &r) {
            ReferralRow row;
            Referral &f = row.referral;
            f.id = r.integer(0);
            const QString kind = r.text(1);
            f.kind = kind == QLatin1String("thematic_report")        ? ReferralKind::ThematicReport
                     : kind == QLatin1String("key_situation_report") ? ReferralKind::KeySituationReport
                                                                     : ReferralKind::ReferralSheet;
            f.number = r.text(2);
            f.issuedOn = fromIso(r.text(3));
            f.recipient = r.text(4);
            f.subject = r.text(5);
            f.response = r.text(6);
            f.responseDate = fromIso(r.text(7));
            row.problemCount = r.int32(8);
            row.copyTo = r.text(9);
            row.dueDate = fromIso(r.text(10));
            row.pattern = r.text(11);
            out.append(row);
        });
    return out;
}

QList<EvaluationRow> evaluations(Database &db)
{
    QList<EvaluationRow> out;
    (void)db.forEachRow(
        QStringLiteral(
            "SELECT e.id, e.inspection_id, e.unit_id, e.template, e.score, e.grade, e.evaluated_on, "
            "e.second_rectification, e.note, u.name FROM evaluations e LEFT JOIN units u ON u.id = e.unit_id "
            "ORDER BY e.evaluated_on, u.name, e.id"),
        {}, [&](const SqlRow &r) {
            EvaluationRow row;
            Evaluation &e = row.evaluation;
            e.id = r.integer(0);
            e.inspectionId = r.integer(1);
            e.unitId = r.integer(2);
            e.templateName = r.text(3);
            e.score = r.real(4);
            e.grade = r.text(5);
            e.evaluatedOn = fromIso(r.text(6));
            e.secondRectification = r.int32(7) != 0;
            e.note = r.text(8);
            row.unit = r.text(9);
            out.append(row);
        });
    return out;
}

QList<ReturnVisitRow> returnVisits(Database &db)
{
    QList<ReturnVisitRow> out;
    (void)db.forEachRow(
        QStringLiteral(
            "SELECT a.id, a.unit_id, a.campaign, a.action_date, a.visitors, a.findings, a.satisfaction, "
            "a.follow_up, u.name FROM supervision_actions a LEFT JOIN units u ON u.id = a.unit_id "
            "WHERE a.kind = 'return_visit' ORDER BY a.action_date, a.id"),
        {}, [&](const SqlRow &r) {
            ReturnVisitRow row;
            ReturnVisit &v = row.visit;
            v.id = r.integer(0);
            v.unitId = r.integer(1);
            v.campaign = r.text(2);
            v.date = fromIso(r.text(3));
            v.visitors = r.text(4);
            v.findings = r.text(5);
            v.satisfaction = r.text(6);
            v.followUp = r.text(7);
            row.unit = r.text(8);
            out.append(row);
        });
    return out;
}

QList<OutcomeRow> outcomes(Database &db)
{
    QList<OutcomeRow> out;
    auto read = [&](OutcomeRow::Kind kind, const QString &sql) {
        (void)db.forEachRow(sql, {}, [&](const SqlRow &r) {
            OutcomeRow row;
            row.kind = kind;
            row.name = r.text(0);
            row.amount = r.real(1);
            row.date = fromIso(r.text(2));
            row.unit = r.text(3);
            row.id = r.integer(4);
            row.problemId = r.integer(5);
            row.unitId = r.integer(6);
            row.owner = r.text(7);
            row.dueDate = fromIso(r.text(8));
            row.pattern = r.text(9);
            out.append(row);
        });
    };
    read(OutcomeRow::Kind::RuleEstablished,
         QStringLiteral("SELECT o.name, 0, o.established_on, u.name, o.id, o.problem_id, o.unit_id, o.owner, "
                        "o.due_date, (SELECT p.name FROM patterns p WHERE p.id = o.pattern_id) FROM "
                        "rules_established o LEFT JOIN units u "
                        "ON u.id = o.unit_id ORDER BY o.established_on, o.id"));
    read(
        OutcomeRow::Kind::Accountability,
        QStringLiteral("SELECT o.form, o.persons, o.decided_on, u.name, o.id, o.problem_id, o.unit_id, NULL, "
                       "NULL, NULL FROM accountability o LEFT JOIN units u "
                       "ON u.id = o.unit_id ORDER BY o.decided_on, o.id"));
    read(
        OutcomeRow::Kind::FundsRecovered,
        QStringLiteral("SELECT o.note, o.amount_yuan, o.recovered_on, u.name, o.id, o.problem_id, o.unit_id, "
                       "NULL, NULL, NULL FROM funds_recovered o LEFT JOIN "
                       "units u ON u.id = o.unit_id ORDER BY o.recovered_on, o.id"));
    return out;
}

QList<ReferralYear> referralsByYear(Database &db, const QDate &asOf)
{
    QList<ReferralYear> out;
    (void)db.forEachRow(
        QStringLiteral("SELECT CAST(substr(issued_on, 1, 4) AS INTEGER), kind, count(*) FROM "
                       "referrals WHERE issued_on IS NOT NULL AND issued_on <= ? GROUP BY 1, 2 "
                       "ORDER BY 1"),
        {toIso(asOf)}, [&](const SqlRow &r) {
            const int year = r.int32(0);
            if (out.isEmpty() || out.last().year != year)
                out.append(ReferralYear{year, 0, 0, 0});
            const QString kind = r.text(1);
            const int n = r.int32(2);
            if (kind == referralKindKey(ReferralKind::ThematicReport))
                out.last().thematicReports += n;
            else if (kind == referralKindKey(ReferralKind::KeySituationReport))
                out.last().keySituationReports += n;
            else
                out.last().referralSheets += n;
        });
    return out;
}

QList<RepeatLinkRow> repeatLinks(Database &db)
{
    QList<RepeatLinkRow> out;
    (void)db.forEachRow(
        QStringLiteral(
            "SELECT p.id, p.registration_no, u.name, p.description, q.id, q.registration_no, q.source_level, "
            "q.description FROM problems p JOIN problems q ON q.id = p.repeats_problem_id LEFT JOIN "
            "units u ON u.id = p.unit_id ORDER BY p.registration_no, p.id"),
        {}, [&](const SqlRow &r) {
            RepeatLinkRow row;
            row.problemId = r.integer(0);
            row.registrationNo = r.text(1);
            row.unit = r.text(2);
            row.description = r.text(3);
            row.repeatedId = r.integer(4);
            row.repeatedRegistrationNo = r.text(5);
            row.repeatedSource = sourceFromKey(r.text(6));
            row.repeatedDescription = r.text(7);
            out.append(row);
        });
    return out;
}

QList<CoverageUnitRow> coverageUnits(Database &db, const QDate &asOf)
{
    QList<CoverageUnitRow> out;
    const QString d = toIso(asOf);
    const qint64 termId = Statistics::coverageTerm(db, asOf);
    if (termId <= 0)
        return out;
    (void)db.forEachRow(
        QStringLiteral(
            "SELECT tu.term_id, tu.unit_id, t.name, coalesce(u.category, ''), u.name, EXISTS (SELECT 1 FROM "
            "inspections i JOIN rounds r ON r.id = i.round_id WHERE i.unit_id = tu.unit_id AND r.term_id = "
            "tu.term_id AND i.kind IN (%1) AND coalesce(i.entry_date, r.start_date) <= ?) FROM term_units tu "
            "JOIN units u ON u.id = tu.unit_id JOIN terms t ON t.id = tu.term_id WHERE tu.term_id = ? AND "
            "tu.must_cover = 1 ORDER BY 4, u.name")
            .arg(Statistics::coverageKindsSql(db)),
        {d, termId}, [&](const SqlRow &r) {
            out.append(CoverageUnitRow{r.integer(0), r.integer(1), r.text(2), r.text(3), r.text(4),
                                       r.int32(5) != 0});
        });
    return out;
}

QList<ProblemChoice> problemChoices(Database &db)
{
    QList<ProblemChoice> out;
    (void)db.forEachRow(QStringLiteral("SELECT p.id, p.registration_no, u.name, p.unit_id, p.source_level, "
                                       "p.description FROM problems p LEFT JOIN units u ON u.id = p.unit_id "
                                       "ORDER BY p.registration_no, p.id"),
                        {}, [&](const SqlRow &r) {
                            out.append(ProblemChoice{r.integer(0), r.text(1), r.text(2), r.integer(3),
                                                     sourceFromKey(r.text(4)), r.text(5)});
                        });
    return out;
}

QList<InspectionChoice> inspectionChoices(Database &db)
{
    QList<InspectionChoice> out;
    (void)db.forEachRow(
        QStringLiteral("SELECT i.id, i.unit_id, u.name, coalesce(r.label, i.source_level) FROM "
                       "inspections i JOIN units u ON "
                       "u.id = i.unit_id LEFT JOIN rounds r ON r.id = i.round_id ORDER BY "
                       "u.name, r.round_no, r.batch_no, i.id"),
        {}, [&](const SqlRow &r) {
            out.append(InspectionChoice{r.integer(0), r.integer(1),
                                        QStringLiteral("%1 · %2").arg(r.text(2), r.text(3))});
        });
    return out;
}

} // namespace rectrack::core::OversightRegisters
