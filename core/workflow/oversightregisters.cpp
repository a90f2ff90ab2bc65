#include "oversightregisters.h"

namespace rectrack::core::OversightRegisters {

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
            out.append(row);
        }
    };
    read(OutcomeRow::Kind::RuleEstablished,
         QStringLiteral(
             "SELECT o.name, 0, o.established_on, u.name FROM rules_established o LEFT JOIN units u "
             "ON u.id = o.unit_id ORDER BY o.established_on, o.id"));
    read(OutcomeRow::Kind::Accountability,
         QStringLiteral(
             "SELECT o.form, o.persons, o.decided_on, u.name FROM accountability o LEFT JOIN units u "
             "ON u.id = o.unit_id ORDER BY o.decided_on, o.id"));
    read(OutcomeRow::Kind::FundsRecovered,
         QStringLiteral(
             "SELECT o.note, o.amount_yuan, o.recovered_on, u.name FROM funds_recovered o LEFT JOIN "
             "units u ON u.id = o.unit_id ORDER BY o.recovered_on, o.id"));
    return out;
}

} // namespace rectrack::core::OversightRegisters
