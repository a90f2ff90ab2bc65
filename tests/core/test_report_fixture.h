#pragma once

// A small register with hand-counted report figures, shared by the report tests (core and ui).
//
// As of 2021-01-15: 7 problems; done 4 (2 central closed out, 甲局 1 completed, 乙局 1 completed),
// completion rate 57.14%; 1 long-term; overdue 2 (甲局 45 days, 乙局 199 days); coverage 2 of 3
// units (66.67%); 丙局 is on the must-cover list with no inspection and no problems.
// As of 2020-11-01: done 3 (乙局's second problem was completed on 2020-12-20).
// Supervision: 2 clues (1 disposed), 1 referral sheet, 1 rule established, 2 persons held accountable.

#include "storage/database.h"
#include "workflow/organizationservice.h"
#include "workflow/problemservice.h"

#include <stdexcept>

namespace rectrack::test {

inline qint64 must(const core::Result<qint64> &r)
{
    if (!r)
        throw std::runtime_error(r.error().message.toStdString());
    return *r;
}

inline void buildReportFixture(core::Database &db, bool withSupervision = true)
{
    using namespace rectrack::core;
    OrganizationService org(db);
    ProblemService problems(db);
    const qint64 term =
        must(org.addTerm(Term{0, QStringLiteral("十二届市委"), QDate(2016, 11, 1), QDate(2021, 10, 31)}));
    Round round;
    round.termId = term;
    round.label = QStringLiteral("第九轮第一批");
    round.roundNo = 9;
    round.batchNo = 1;
    round.start = QDate(2020, 3, 1);
    const qint64 roundId = must(org.addRound(round));
    const qint64 a = must(org.ensureUnit(QStringLiteral("市交通运输局"), QStringLiteral("市直单位")));
    const qint64 b =
        must(org.ensureUnit(QStringLiteral("市住房和城乡建设局机关党委"), QStringLiteral("市直单位")));
    const qint64 c =
        must(org.ensureUnit(QStringLiteral("市国有资产监督管理委员会"), QStringLiteral("国有企业")));
    const qint64 city = must(org.ensureUnit(QStringLiteral("厦门市委"), QString()));
    for (qint64 u : {a, b, c})
        org.setMustCover(term, u);

    auto inspect = [&](qint64 unit, qint64 rid, SourceLevel source) {
        Inspection i;
        i.roundId = rid;
        i.unitId = unit;
        i.source = source;
        i.entryDate = QDate(2020, 3, 10);
        i.feedbackDate = QDate(2020, 5, 1);
        return must(org.addInspection(i));
    };
    const qint64 ia = inspect(a, roundId, SourceLevel::Municipal);
    const qint64 ib = inspect(b, roundId, SourceLevel::Municipal);
    const qint64 ic = inspect(city, 0, SourceLevel::Central);

    auto add = [&](qint64 unit, qint64 insp, SourceLevel source, const QString &no, ProblemState state,
                   QDate feedback, QDate deadline, QDate stateDate, const QString &leader) {
        Problem p;
        p.registrationNo = no;
        p.unitId = unit;
        p.inspectionId = insp;
        p.source = source;
        p.description = QStringLiteral("问题") + no + QStringLiteral("：落实全面从严治党主体责任不到位");
        p.responsibleOffice = QStringLiteral("办公室");
        p.leadLeader = leader;
        p.responsiblePerson = QStringLiteral("王五");
        p.deadline = deadline;
        p.originalDeadline = deadline;
        p.state = state;
        p.feedbackDate = feedback;
        return must(problems.registerProblem(p, {}, stateDate));
    };
    add(city, ic, SourceLevel::Central, QStringLiteral("Z-1"), ProblemState::ClosedOut, QDate(2020, 4, 1),
        QDate(2020, 9, 30), QDate(2020, 10, 1), QStringLiteral("张三"));
    add(city, ic, SourceLevel::Central, QStringLiteral("Z-2"), ProblemState::ClosedOut, QDate(2020, 4, 1),
        QDate(2020, 9, 30), QDate(2020, 10, 1), QStringLiteral("张三"));
    add(a, ia, SourceLevel::Municipal, QStringLiteral("A-1"), ProblemState::Completed, QDate(2020, 5, 1),
        QDate(2020, 8, 31), QDate(2020, 8, 1), QStringLiteral("李四"));
    const qint64 late = add(a, ia, SourceLevel::Municipal, QStringLiteral("A-2"), ProblemState::InProgress,
                            QDate(2020, 5, 1), QDate(2020, 12, 1), QDate(2020, 6, 1), QStringLiteral("李四"));
    add(a, ia, SourceLevel::Municipal, QStringLiteral("A-3"), ProblemState::LongTerm, QDate(2020, 5, 1),
        QDate(2020, 9, 30), QDate(2020, 9, 1), QStringLiteral("李四"));
    const qint64 later = add(b, ib, SourceLevel::Municipal, QStringLiteral("B-1"), ProblemState::Registered,
                             QDate(2020, 5, 1), QDate(2020, 6, 30), QDate(), QStringLiteral("赵六"));
    add(b, ib, SourceLevel::Municipal, QStringLiteral("B-2"), ProblemState::Completed, QDate(2020, 5, 1),
        QDate(2020, 12, 31), QDate(2020, 12, 20), QStringLiteral("赵六"));

    if (!withSupervision)
        return;
    auto exec = [&](const QString &sql, const QVariantList &binds) {
        if (!db.exec(sql, binds))
            throw std::runtime_error("fixture insert failed");
    };
    exec(QStringLiteral(
             "INSERT INTO clues (uuid, inspection_id, summary, receiver, transfer_date, due_date, "
             "disposal_state, result_date) VALUES (?, ?, '线索一', '市纪委监委', '2020-06-01', '2020-09-01', "
             "'concluded', '2020-08-15')"),
         {Database::newUuid(), ia});
    exec(QStringLiteral(
             "INSERT INTO clues (uuid, inspection_id, summary, receiver, transfer_date, due_date) VALUES "
             "(?, ?, '线索二', '市委组织部', '2020-06-01', '2020-09-01')"),
         {Database::newUuid(), ib});
    exec(
        QStringLiteral("INSERT INTO referrals (uuid, kind, number, issued_on, recipient, subject) VALUES (?, "
                       "'referral_sheet', '1', '2020-07-01', '市财政局', '专项资金管理')"),
        {Database::newUuid()});
    exec(QStringLiteral("INSERT INTO referral_problems (referral_id, problem_id, uuid) VALUES (1, ?, ?)"),
         {late, Database::newUuid()});
    exec(QStringLiteral("INSERT INTO rules_established (uuid, unit_id, name, established_on) VALUES (?, ?, "
                        "'公务用车管理办法', '2020-09-01')"),
         {Database::newUuid(), a});
    exec(QStringLiteral(
             "INSERT INTO accountability (uuid, unit_id, form, persons, decided_on) VALUES (?, ?, '诫勉', 2, "
             "'2020-10-01')"),
         {Database::newUuid(), b});
    Q_UNUSED(later);
}

} // namespace rectrack::test
