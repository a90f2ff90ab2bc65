#include "registermodel.h"

#include "labels.h"
#include "ledgermodel.h"
#include "workflow/oversightregisters.h"
#include "workflow/oversightservice.h"

#include <QLocale>

namespace rectrack::ui {

RegisterModel::RegisterModel(Register reg, QObject *parent) : QAbstractTableModel(parent), m_register(reg) {}

QList<RegisterModel::Register> RegisterModel::all()
{
    return {Register::Clues,    Register::Referrals, Register::Evaluations, Register::ReturnVisits,
            Register::Outcomes, Register::Coverage,  Register::RepeatLinks};
}

QString RegisterModel::title(Register reg)
{
    switch (reg) {
    case Register::Clues:
        return tr("Clue register");
    case Register::Referrals:
        return tr("Referrals and reports");
    case Register::Evaluations:
        return tr("Rectification-effect evaluations");
    case Register::ReturnVisits:
        return tr("Supervision campaigns and return visits");
    case Register::Outcomes:
        return tr("Rectification outcomes");
    case Register::Coverage:
        return tr("Inspection coverage");
    case Register::RepeatLinks:
        return tr("Integrated rectification");
    }
    return {};
}

QString RegisterModel::key(Register reg)
{
    switch (reg) {
    case Register::Clues:
        return QStringLiteral("clues");
    case Register::Referrals:
        return QStringLiteral("referrals");
    case Register::Evaluations:
        return QStringLiteral("evaluations");
    case Register::ReturnVisits:
        return QStringLiteral("return-visits");
    case Register::Outcomes:
        return QStringLiteral("outcomes");
    case Register::Coverage:
        return QStringLiteral("coverage");
    case Register::RepeatLinks:
        return QStringLiteral("integrated-rectification");
    }
    return {};
}

QStringList RegisterModel::headers() const
{
    switch (m_register) {
    case Register::Clues:
        return {tr("Transfer date"), tr("Clue summary"),   tr("Persons involved"), tr("Receiver"),
                tr("Due date"),      tr("Disposal state"), tr("Disposal result")};
    case Register::Referrals:
        return {tr("Kind"),     tr("Number"),   tr("Date"),    tr("Recipient"),    tr("Subject"),
                tr("Problems"), tr("Response"), tr("Copy to"), tr("Response due"), tr("Common problem")};
    case Register::Evaluations:
        return {tr("Unit"), tr("Evaluation date"), tr("Score"), tr("Grade"), tr("Second rectification")};
    case Register::ReturnVisits:
        return {tr("Campaign"), tr("Unit"),         tr("Visit date"), tr("Visitors"),
                tr("Findings"), tr("Satisfaction"), tr("Follow-up")};
    case Register::Outcomes:
        return {tr("Category"), tr("Name / form"), tr("People or amount"), tr("Date"),
                tr("Unit"),     tr("Owner"),       tr("Due date"),         tr("Common problem")};
    case Register::Coverage:
        return {tr("Unit category"), tr("Unit"), tr("Covered"), tr("Term")};
    case Register::RepeatLinks:
        return {tr("Registration no."),
                tr("Unit"),
                tr("Problem"),
                tr("Repeats (source)"),
                tr("Repeated problem no."),
                tr("Repeated problem")};
    }
    return {};
}

QList<int> RegisterModel::numericColumns() const
{
    switch (m_register) {
    case Register::Clues:
        return {2};
    case Register::Referrals:
        return {5};
    case Register::Evaluations:
        return {2};
    case Register::ReturnVisits:
        return {};
    case Register::Outcomes:
        return {2};
    case Register::Coverage:
    case Register::RepeatLinks:
        return {};
    }
    return {};
}

void RegisterModel::load(core::Database *db, const QDate &asOf)
{
    beginResetModel();
    m_rows.clear();
    if (db) {
        const QLocale locale;
        switch (m_register) {
        case Register::Clues:
            for (const core::Clue &c : core::OversightService(*db).clues()) {
                const bool disposed = c.resultDate.isValid() && c.resultDate <= asOf;
                QString result = c.result;
                if (c.resultDate.isValid())
                    result = tr("%1 (%2)").arg(c.result, Labels::date(c.resultDate));
                const bool overdue = core::OversightService::isClueOverdue(c, asOf);
                m_rows.append(
                    {{Labels::date(c.transferDate), c.summary,
                      c.personsRoles.isEmpty()
                          ? QString::number(c.personsCount)
                          : tr("%1 (%2)").arg(QString::number(c.personsCount), c.personsRoles),
                      c.receiver, Labels::date(c.dueDate), disposed ? tr("Disposed") : tr("Pending"), result},
                     overdue,
                     c.id,
                     -1,
                     overdue,
                     {c.transferDate, {}, c.personsCount, {}, c.dueDate}});
            }
            break;
        case Register::Referrals:
            for (const core::ReferralRow &r : core::OversightRegisters::referrals(*db)) {
                const core::Referral &f = r.referral;
                QString response = f.response;
                if (f.responseDate.isValid())
                    response = tr("%1 (%2)").arg(f.response, Labels::date(f.responseDate));
                // Past its response date without a response: overdue, as a clue past its due date.
                const bool late = r.dueDate.isValid() && r.dueDate < asOf && f.response.trimmed().isEmpty();
                m_rows.append({{core::referralKindName(f.kind), f.number, Labels::date(f.issuedOn),
                                f.recipient, f.subject, QString::number(r.problemCount), response, r.copyTo,
                                Labels::date(r.dueDate), r.pattern},
                               late,
                               f.id,
                               int(f.kind),
                               false,
                               {{}, {}, f.issuedOn, {}, {}, r.problemCount, {}, {}, r.dueDate}});
            }
            break;
        case Register::Evaluations:
            for (const core::EvaluationRow &r : core::OversightRegisters::evaluations(*db)) {
                const core::Evaluation &e = r.evaluation;
                m_rows.append({{r.unit, Labels::date(e.evaluatedOn), locale.toString(e.score, 'f', 1),
                                e.grade, e.secondRectification ? tr("Yes") : tr("No")},
                               false,
                               e.id,
                               -1,
                               e.secondRectification,
                               {{}, e.evaluatedOn, e.score}});
            }
            break;
        case Register::ReturnVisits:
            for (const core::ReturnVisitRow &r : core::OversightRegisters::returnVisits(*db)) {
                const core::ReturnVisit &v = r.visit;
                m_rows.append({{v.campaign, r.unit, Labels::date(v.date), v.visitors, v.findings,
                                v.satisfaction, v.followUp},
                               false,
                               v.id,
                               -1,
                               false,
                               {{}, {}, v.date}});
            }
            break;
        case Register::Outcomes:
            for (const core::OutcomeRow &o : core::OversightRegisters::outcomes(*db)) {
                QString category, amount;
                switch (o.kind) {
                case core::OutcomeRow::Kind::RuleEstablished:
                    category = tr("Rule established");
                    break;
                case core::OutcomeRow::Kind::Accountability:
                    category = tr("Accountability");
                    amount = tr("%n person(s)", nullptr, int(o.amount));
                    break;
                case core::OutcomeRow::Kind::FundsRecovered:
                    category = tr("Funds recovered");
                    amount = tr("%1 yuan").arg(locale.toString(o.amount, 'f', 2));
                    break;
                }
                m_rows.append({{category, o.name, amount, Labels::date(o.date), o.unit, o.owner,
                                Labels::date(o.dueDate), o.pattern},
                               false,
                               o.id,
                               int(o.kind),
                               false,
                               {{}, {}, o.amount, o.date, {}, {}, o.dueDate}});
            }
            break;
        case Register::Coverage:
            for (const core::CoverageUnitRow &u : core::OversightRegisters::coverageUnits(*db, asOf))
                m_rows.append({{u.category, u.unit, u.covered ? tr("Yes") : tr("Not yet"), u.term},
                               false,
                               u.unitId,
                               -1,
                               !u.covered,
                               {}});
            break;
        case Register::RepeatLinks:
            for (const core::RepeatLinkRow &l : core::OversightRegisters::repeatLinks(*db))
                m_rows.append({{l.registrationNo, l.unit, l.description, Labels::source(l.repeatedSource),
                                l.repeatedRegistrationNo, l.repeatedDescription},
                               false,
                               l.problemId,
                               int(l.repeatedSource),
                               false,
                               {}});
            break;
        }
    }
    endResetModel();
}

int RegisterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RegisterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(headers().size());
}

QVariant RegisterModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return row.cells.value(index.column());
    case Qt::BackgroundRole:
        if (row.overdue)
            return LightPalette().tint(core::WarningLight::Red);
        if (m_register == Register::Coverage && row.flagged) // a unit still to cover
            return LightPalette().tint(core::WarningLight::Yellow);
        return {};
    case Qt::ForegroundRole:
        if (row.overdue)
            return LightPalette().red.darker(130);
        return {};
    case Qt::TextAlignmentRole:
        if (numericColumns().contains(index.column()))
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case OverdueRole:
        return row.overdue;
    case IdRole:
        return row.id;
    case KindRole:
        return row.kind;
    case FlaggedRole:
        return row.flagged;
    case SortRole: {
        const QVariant key = row.sortKeys.value(index.column());
        return key.isValid() ? key : QVariant(row.cells.value(index.column()));
    }
    default:
        return {};
    }
}

QVariant RegisterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (orientation == Qt::Horizontal)
        return headers().value(section);
    return section + 1;
}

} // namespace rectrack::ui
