#include "bulkregistration.h"

#include "organizationservice.h"
#include "problemservice.h"

namespace rectrack::core {

namespace {

const QStringList kProblemColumns{QStringLiteral("registration_no"),
                                  QStringLiteral("inspection_id"),
                                  QStringLiteral("unit_id"),
                                  QStringLiteral("source_level"),
                                  QStringLiteral("category_id"),
                                  QStringLiteral("description"),
                                  QStringLiteral("example"),
                                  QStringLiteral("root_cause"),
                                  QStringLiteral("responsible_office"),
                                  QStringLiteral("lead_leader"),
                                  QStringLiteral("responsible_person"),
                                  QStringLiteral("deadline_note"),
                                  QStringLiteral("systemic"),
                                  QStringLiteral("immediate"),
                                  QStringLiteral("progress"),
                                  QStringLiteral("note"),
                                  QStringLiteral("deadline"),
                                  QStringLiteral("original_deadline"),
                                  QStringLiteral("feedback_date"),
                                  QStringLiteral("state"),
                                  QStringLiteral("completed_date"),
                                  QStringLiteral("closed_out_date")};

} // namespace

BulkRegistration::BulkRegistration(Database &db) : m_db(db) {}

BulkRegistration::~BulkRegistration() = default;

Result<const QSet<QString> *> BulkRegistration::usedNumbers(qint64 unitId)
{
    auto it = m_numbers.find(unitId);
    if (it == m_numbers.end()) {
        QSet<QString> used;
        if (const Status s = m_db.forEachRow(
                QStringLiteral(
                    "SELECT registration_no FROM problems WHERE unit_id = ? AND registration_no IS NOT NULL"),
                {unitId}, [&](const SqlRow &r) { used.insert(r.text(0)); });
            !s)
            return s.error(); // nothing kept: a later row reads the numbers again
        it = m_numbers.insert(unitId, used);
    }
    return &*it;
}

void BulkRegistration::prepare()
{
    if (m_problems)
        return;
    m_problems = std::make_unique<BulkInserter>(m_db, QStringLiteral("problems"), kProblemColumns);
    m_states = std::make_unique<BulkInserter>(
        m_db, QStringLiteral("problem_states"),
        QStringList{QStringLiteral("problem_id"), QStringLiteral("changed_on"), QStringLiteral("state")});
    m_measures = std::make_unique<BulkInserter>(
        m_db, QStringLiteral("measures"),
        QStringList{QStringLiteral("problem_id"), QStringLiteral("seq"), QStringLiteral("content"),
                    QStringLiteral("type"), QStringLiteral("owner"), QStringLiteral("deadline"),
                    QStringLiteral("deadline_note"), QStringLiteral("state"),
                    QStringLiteral("completed_date")});
    m_reviews = std::make_unique<BulkInserter>(
        m_db, QStringLiteral("reviews"),
        QStringList{QStringLiteral("problem_id"), QStringLiteral("step"), QStringLiteral("reviewer"),
                    QStringLiteral("review_date"), QStringLiteral("approved"), QStringLiteral("opinion")});
}

void BulkRegistration::expect(qint64 problems, qint64 states, qint64 measures, qint64 reviews)
{
    prepare();
    m_problems->expect(problems);
    m_states->expect(states);
    m_measures->expect(measures);
    m_reviews->expect(reviews);
}

void BulkRegistration::prepareUnits()
{
    if (m_units)
        return;
    m_units = std::make_unique<BulkInserter>(m_db, QStringLiteral("units"),
                                             QStringList{QStringLiteral("name"), QStringLiteral("category")});
    // The columns OrganizationService::addInspection writes.
    m_inspections = std::make_unique<BulkInserter>(
        m_db, QStringLiteral("inspections"),
        QStringList{QStringLiteral("round_id"), QStringLiteral("unit_id"), QStringLiteral("team_id"),
                    QStringLiteral("kind"), QStringLiteral("source_level"), QStringLiteral("theme"),
                    QStringLiteral("entry_date"), QStringLiteral("feedback_date"), QStringLiteral("plan_due"),
                    QStringLiteral("report_due")});
}

void BulkRegistration::expectUnits(qint64 units, qint64 inspections)
{
    prepareUnits();
    m_units->expect(units);
    m_inspections->expect(inspections);
}

Result<qint64> BulkRegistration::addUnit(const QString &name)
{
    const QString n = name.trimmed();
    if (n.isEmpty())
        return Error{ErrorCode::InputRefused, OrganizationService::tr("A unit needs a name.")};
    prepareUnits();
    return m_units->insert({n, QVariant()});
}

Result<qint64> BulkRegistration::addInspection(const Inspection &i)
{
    if (i.unitId <= 0)
        return Error{ErrorCode::InputRefused,
                     OrganizationService::tr("An inspection needs an inspected unit.")};
    prepareUnits();
    return m_inspections->insert({sqlId(i.roundId), i.unitId, sqlId(i.teamId), Names::key(i.kind),
                                  Names::key(i.source), sqlText(i.theme), sqlDate(i.entryDate),
                                  sqlDate(i.feedbackDate), sqlDate(i.planDue), sqlDate(i.reportDue)});
}

void BulkRegistration::knowNumbers(qint64 unitId, const QSet<QString> &numbers)
{
    if (!m_numbers.contains(unitId))
        m_numbers.insert(unitId, numbers);
}

Result<qint64> BulkRegistration::registerProblem(const Problem &p, const QList<Measure> &measures,
                                                 QDate stateDate)
{
    // The checks and messages of ProblemService::registerProblem.
    if (p.description.trimmed().isEmpty())
        return Error{ErrorCode::InputRefused, ProblemService::tr("A problem needs a description.")};
    if (p.unitId <= 0)
        return Error{ErrorCode::InputRefused,
                     ProblemService::tr("A problem needs the unit it was fed back to.")};
    if (!p.feedbackDate.isValid())
        return Error{ErrorCode::InputRefused,
                     ProblemService::tr("A problem needs its feedback (registration) date.")};
    if (!p.registrationNo.isEmpty()) {
        const auto used = usedNumbers(p.unitId);
        if (!used)
            return used.error();
        if ((*used)->contains(p.registrationNo))
            return Error{ErrorCode::InputRefused,
                         ProblemService::tr("The registration number %1 is already used in this unit.")
                             .arg(p.registrationNo)};
    }
    if (!stateDate.isValid() || stateDate < p.feedbackDate)
        stateDate = p.feedbackDate;

    prepare();

    // The row as registerProblem leaves it after writeState(p.state, stateDate).
    const QDate original = p.originalDeadline.isValid() ? p.originalDeadline : p.deadline;
    const QString stateDay = toIso(stateDate);
    const bool closedOut = p.state == ProblemState::ClosedOut;
    const bool done = p.state == ProblemState::Completed || closedOut;
    auto id = m_problems->insert({sqlText(p.registrationNo),
                                  sqlId(p.inspectionId),
                                  p.unitId,
                                  Names::key(p.source),
                                  sqlId(p.categoryId),
                                  p.description.trimmed(),
                                  sqlText(p.example),
                                  sqlText(p.rootCause),
                                  sqlText(p.responsibleOffice),
                                  sqlText(p.leadLeader),
                                  sqlText(p.responsiblePerson),
                                  sqlText(p.deadlineNote),
                                  p.systemic ? 1 : 0,
                                  p.immediate ? 1 : 0,
                                  sqlText(p.progress),
                                  sqlText(p.note),
                                  sqlDate(p.deadline.isValid() ? p.deadline : original),
                                  sqlDate(original),
                                  toIso(p.feedbackDate),
                                  Names::key(p.state),
                                  done ? QVariant(stateDay) : QVariant(),
                                  closedOut ? QVariant(stateDay) : QVariant()});
    if (!id)
        return id;
    if (!p.registrationNo.isEmpty())
        m_numbers[p.unitId].insert(p.registrationNo);
    if (auto s = m_states->insert({*id, toIso(p.feedbackDate), Names::key(ProblemState::Registered)}); !s)
        return s.error();
    int seq = 0;
    for (const Measure &m : measures) {
        const QDate completed =
            m.state == MeasureState::Completed && !m.completedDate.isValid() ? stateDate : m.completedDate;
        auto mid = m_measures->insert({*id, ++seq, m.content.trimmed(), Names::key(m.type), sqlText(m.owner),
                                       sqlDate(m.deadline), sqlText(m.deadlineNote), Names::key(m.state),
                                       sqlDate(completed)});
        if (!mid)
            return mid.error();
    }
    if (p.state != ProblemState::Registered) {
        if (auto s = m_states->insert({*id, stateDay, Names::key(p.state)}); !s)
            return s.error();
        if (closedOut) {
            auto r = m_reviews->insert({*id, Names::key(ReviewStep::InspectionOffice),
                                        ProblemService::tr("Imported ledger"), stateDay, 1,
                                        ProblemService::tr("Closed out according to the imported ledger")});
            if (!r)
                return r.error();
        }
    }
    return id;
}

} // namespace rectrack::core
