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
    if (key == QLatin1String("central"))
        return SourceLevel::Central;
    if (key == QLatin1String("provincial"))
        return SourceLevel::Provincial;
    return SourceLevel::Municipal;
}

} // namespace

QList<ReferralRow> referrals(Database &db)
{
    QList<ReferralRow> out;
    auto r = db.exec(QStringLiteral(
        "SELECT r.id, r.kind, r.number, r.issued_on, r.recipient, r.subject, r.response, r.response_date, "
        "(SELECT COUNT(*) FROM referral_problems rp WHERE rp.referral_id = r.id) FROM referrals r "
        "ORDER BY r.issued_on, r.id"));
    while (r && r->next()) {
        ReferralRow row;
        Referral &f = row.referral;
        f.id = r->value(0).toLongLong();
        const QString kind = r->value(1).toString();
        f.kind = kind == QLatin1String("thematic_report")        ? ReferralKind::ThematicReport
                 : kind == QLatin1String("key_situation_report") ? ReferralKind::KeySituationReport
                                                                 : ReferralKind::ReferralSheet;
        f.number = r->value(2).toString();
        f.issuedOn = fromIso(r->value(3).toString());
        f.recipient = r->value(4).toString();
        f.subject = r->value(5).toString();
        f.response = r->value(6).toString();
        f.responseDate = fromIso(r->value(7).toString());
        row.problemCount = r->value(8).toInt();
        out.append(row);
    }
    return out;
}

QList<EvaluationRow> evaluations(Database &db)
{
    QList<EvaluationRow> out;
    auto r = db.exec(QStringLiteral(
        "SELECT e.id, e.inspection_id, e.unit_id, e.template, e.score, e.grade, e.evaluated_on, "
        "e.second_rectification, e.note, u.name FROM evaluations e LEFT JOIN units u ON u.id = e.unit_id "
        "ORDER BY e.evaluated_on, u.name, e.id"));
    while (r && r->next()) {
        EvaluationRow row;
        Evaluation &e = row.evaluation;
        e.id = r->value(0).toLongLong();
        e.inspectionId = r->value(1).toLongLong();
        e.unitId = r->value(2).toLongLong();
        e.templateName = r->value(3).toString();
        e.score = r->value(4).toDouble();
        e.grade = r->value(5).toString();
        e.evaluatedOn = fromIso(r->value(6).toString());
        e.secondRectification = r->value(7).toInt() != 0;
        e.note = r->value(8).toString();
        row.unit = r->value(9).toString();
        out.append(row);
    }
    return out;
}

QList<ReturnVisitRow> returnVisits(Database &db)
{
    QList<ReturnVisitRow> out;
    auto r = db.exec(QStringLiteral(
        "SELECT a.id, a.unit_id, a.campaign, a.action_date, a.visitors, a.findings, a.satisfaction, "
        "a.follow_up, u.name FROM supervision_actions a LEFT JOIN units u ON u.id = a.unit_id "
        "WHERE a.kind = 'return_visit' ORDER BY a.action_date, a.id"));
    while (r && r->next()) {
        ReturnVisitRow row;
        ReturnVisit &v = row.visit;
        v.id = r->value(0).toLongLong();
        v.unitId = r->value(1).toLongLong();
        v.campaign = r->value(2).toString();
        v.date = fromIso(r->value(3).toString());
        v.visitors = r->value(4).toString();
        v.findings = r->value(5).toString();
        v.satisfaction = r->value(6).toString();
        v.followUp = r->value(7).toString();
        row.unit = r->value(8).toString();
        out.append(row);
    }
    return out;
}

QList<OutcomeRow> outcomes(Database &db)
{
    QList<OutcomeRow> out;
    auto read = [&](OutcomeRow::Kind kind, const QString &sql) {
        auto r = db.exec(sql);
        while (r && r->next()) {
            OutcomeRow row;
            row.kind = kind;
            row.name = r->value(0).toString();
            row.amount = r->value(1).toDouble();
            row.date = fromIso(r->value(2).toString());
            row.unit = r->value(3).toString();
            row.id = r->value(4).toLongLong();
            row.problemId = r->value(5).toLongLong();
            row.unitId = r->value(6).toLongLong();
            out.append(row);
        }
    };
    read(OutcomeRow::Kind::RuleEstablished,
         QStringLiteral("SELECT o.name, 0, o.established_on, u.name, o.id, o.problem_id, o.unit_id FROM "
                        "rules_established o LEFT JOIN units u "
                        "ON u.id = o.unit_id ORDER BY o.established_on, o.id"));
    read(OutcomeRow::Kind::Accountability,
         QStringLiteral("SELECT o.form, o.persons, o.decided_on, u.name, o.id, o.problem_id, o.unit_id FROM "
                        "accountability o LEFT JOIN units u "
                        "ON u.id = o.unit_id ORDER BY o.decided_on, o.id"));
    read(OutcomeRow::Kind::FundsRecovered,
         QStringLiteral("SELECT o.note, o.amount_yuan, o.recovered_on, u.name, o.id, o.problem_id, o.unit_id "
                        "FROM funds_recovered o LEFT JOIN "
                        "units u ON u.id = o.unit_id ORDER BY o.recovered_on, o.id"));
    return out;
}

QList<ReferralYear> referralsByYear(Database &db, const QDate &asOf)
{
    QList<ReferralYear> out;
    auto r = db.exec(QStringLiteral("SELECT CAST(substr(issued_on, 1, 4) AS INTEGER), kind, count(*) FROM "
                                    "referrals WHERE issued_on IS NOT NULL AND issued_on <= ? GROUP BY 1, 2 "
                                    "ORDER BY 1"),
                     {toIso(asOf)});
    while (r && r->next()) {
        const int year = r->value(0).toInt();
        if (out.isEmpty() || out.last().year != year)
            out.append(ReferralYear{year, 0, 0, 0});
        const QString kind = r->value(1).toString();
        const int n = r->value(2).toInt();
        if (kind == referralKindKey(ReferralKind::ThematicReport))
            out.last().thematicReports += n;
        else if (kind == referralKindKey(ReferralKind::KeySituationReport))
            out.last().keySituationReports += n;
        else
            out.last().referralSheets += n;
    }
    return out;
}

QList<RepeatLinkRow> repeatLinks(Database &db)
{
    QList<RepeatLinkRow> out;
    auto r = db.exec(QStringLiteral(
        "SELECT p.id, p.registration_no, u.name, p.description, q.id, q.registration_no, q.source_level, "
        "q.description FROM problems p JOIN problems q ON q.id = p.repeats_problem_id LEFT JOIN units u ON "
        "u.id = p.unit_id ORDER BY p.registration_no, p.id"));
    while (r && r->next()) {
        RepeatLinkRow row;
        row.problemId = r->value(0).toLongLong();
        row.registrationNo = r->value(1).toString();
        row.unit = r->value(2).toString();
        row.description = r->value(3).toString();
        row.repeatedId = r->value(4).toLongLong();
        row.repeatedRegistrationNo = r->value(5).toString();
        row.repeatedSource = sourceFromKey(r->value(6).toString());
        row.repeatedDescription = r->value(7).toString();
        out.append(row);
    }
    return out;
}

QList<CoverageUnitRow> coverageUnits(Database &db, const QDate &asOf)
{
    QList<CoverageUnitRow> out;
    const QString d = toIso(asOf);
    const qint64 termId = Statistics::coverageTerm(db, asOf);
    if (termId <= 0)
        return out;
    auto r = db.exec(
        QStringLiteral(
            "SELECT tu.term_id, tu.unit_id, t.name, coalesce(u.category, ''), u.name, EXISTS (SELECT 1 FROM "
            "inspections i JOIN rounds r ON r.id = i.round_id WHERE i.unit_id = tu.unit_id AND r.term_id = "
            "tu.term_id AND i.kind IN (%1) AND coalesce(i.entry_date, r.start_date) <= ?) FROM term_units tu "
            "JOIN units u ON u.id = tu.unit_id JOIN terms t ON t.id = tu.term_id WHERE tu.term_id = ? AND "
            "tu.must_cover = 1 ORDER BY 4, u.name")
            .arg(Statistics::coverageKindsSql(db)),
        {d, termId});
    while (r && r->next())
        out.append(CoverageUnitRow{r->value(0).toLongLong(), r->value(1).toLongLong(), r->value(2).toString(),
                                   r->value(3).toString(), r->value(4).toString(), r->value(5).toInt() != 0});
    return out;
}

QList<ProblemChoice> problemChoices(Database &db)
{
    QList<ProblemChoice> out;
    auto r = db.exec(QStringLiteral("SELECT p.id, p.registration_no, u.name, p.unit_id, p.source_level, "
                                    "p.description FROM problems p LEFT JOIN units u ON u.id = p.unit_id "
                                    "ORDER BY p.registration_no, p.id"));
    while (r && r->next())
        out.append(ProblemChoice{r->value(0).toLongLong(), r->value(1).toString(), r->value(2).toString(),
                                 r->value(3).toLongLong(), sourceFromKey(r->value(4).toString()),
                                 r->value(5).toString()});
    return out;
}

QList<InspectionChoice> inspectionChoices(Database &db)
{
    QList<InspectionChoice> out;
    auto r = db.exec(QStringLiteral("SELECT i.id, i.unit_id, u.name, coalesce(r.label, i.source_level) FROM "
                                    "inspections i JOIN units u ON "
                                    "u.id = i.unit_id LEFT JOIN rounds r ON r.id = i.round_id ORDER BY "
                                    "u.name, r.round_no, r.batch_no, i.id"));
    while (r && r->next())
        out.append(
            InspectionChoice{r->value(0).toLongLong(), r->value(1).toLongLong(),
                             QStringLiteral("%1 · %2").arg(r->value(2).toString(), r->value(3).toString())});
    return out;
}

} // namespace rectrack::core::OversightRegisters
