#include "supervisionsummary.h"

#include "workflow/oversightservice.h"

namespace rectrack::core {

SupervisionSummary SupervisionSummary::compute(Database &db, const QDate &asOf)
{
    SupervisionSummary s;
    s.asOf = asOf;
    const QString d = toIso(asOf);
    // The summary carries no error (its callers take a plain value): a read error leaves a figure
    // short, and a damaged page is recorded by the database (Database::damageSeen()), which
    // rectrack-cli checks before it reports.
    (void)db.forEachRow(
        QStringLiteral("SELECT kind, count(*) FROM referrals WHERE issued_on <= ? GROUP BY kind"), {d},
        [&](const SqlRow &r) {
            const QString kind = r.text(0);
            const int n = r.int32(1);
            if (kind == referralKindKey(ReferralKind::ReferralSheet))
                s.referralSheets = n;
            else if (kind == referralKindKey(ReferralKind::ThematicReport))
                s.thematicReports = n;
            else if (kind == referralKindKey(ReferralKind::KeySituationReport))
                s.keySituationReports = n;
        });
    OversightService oversight(db);
    for (const Clue &c : oversight.clues()) {
        if (!c.transferDate.isValid() || c.transferDate > asOf)
            continue;
        ++s.cluesTotal;
        if (c.resultDate.isValid() && c.resultDate <= asOf)
            ++s.cluesDisposed;
        if (OversightService::isClueOverdue(c, asOf))
            ++s.cluesOverdue;
    }
    s.unitsEvaluated =
        db.scalar(QStringLiteral("SELECT count(DISTINCT unit_id) FROM evaluations WHERE evaluated_on <= ?"),
                  {d})
            .toInt();
    (void)db.forEachRow(
        QStringLiteral("SELECT grade, count(*) FROM evaluations WHERE evaluated_on <= ? GROUP BY grade"), {d},
        [&](const SqlRow &r) { s.evaluationsByGrade.insert(r.text(0), r.int32(1)); });

    const int months = db.meta(QStringLiteral("performance_assessment_months"), QStringLiteral("6")).toInt();
    const QString cutoff = toIso(asOf.addMonths(-std::max(1, months)));
    s.unitsPastSixMonths =
        db.scalar(QStringLiteral(
                      "SELECT count(DISTINCT p.unit_id) FROM problems p WHERE p.feedback_date < ? AND "
                      "p.deleted_at IS NULL AND "
                      "COALESCE((SELECT st.state FROM problem_states st WHERE st.problem_id = p.id AND "
                      "st.changed_on <= ? ORDER BY st.changed_on DESC, st.id DESC LIMIT 1), 'registered') "
                      "<> 'closed_out'"),
                  {cutoff, d})
            .toInt();
    s.coverage = Statistics::coverage(db, asOf);
    s.rulesEstablished =
        db.scalar(QStringLiteral("SELECT count(*) FROM rules_established WHERE established_on <= ?"), {d})
            .toInt();
    s.peopleHeldAccountable =
        db.scalar(
              QStringLiteral("SELECT coalesce(sum(persons), 0) FROM accountability WHERE decided_on <= ?"),
              {d})
            .toInt();
    s.fundsRecoveredYuan =
        db.scalar(QStringLiteral(
                      "SELECT coalesce(sum(amount_yuan), 0) FROM funds_recovered WHERE recovered_on <= ?"),
                  {d})
            .toDouble();
    return s;
}

} // namespace rectrack::core
