#include "problemledgermodel.h"

#include "labels.h"

namespace rectrack::ui {

ProblemLedgerModel::ProblemLedgerModel(QObject *parent) : BlockLedgerModel(core::Ledger::Problems, parent) {}

int ProblemLedgerModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

core::Result<QList<core::ProblemRow>> ProblemLedgerModel::fetchRows(core::LedgerQuery &query,
                                                                    const QList<qint64> &ids) const
{
    return query.problemRows(ids, context());
}

QVariant ProblemLedgerModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::ProblemRow *r = rowAt(index.row());
    if (!r)
        return {};
    const core::WarningLight light =
        core::Workflow::light(r->state, r->deadline, context().asOf, context().thresholds);
    switch (role) {
    case IdRole:
    case ProblemIdRole:
        return r->id;
    case LightRole:
        return int(light);
    case StateRole:
        return core::Names::key(r->state);
    case Qt::BackgroundRole:
        if (const QColor tint = palette().tint(light); tint.isValid())
            return tint;
        return {};
    case Qt::DecorationRole:
        if (index.column() == Light) {
            if (const QColor c = palette().color(light); c.isValid())
                return c;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Description)
            return r->description;
        if (index.column() == Progress)
            return r->progress;
        if (index.column() == Deadline && r->originalDeadline.isValid() && r->originalDeadline != r->deadline)
            return tr("Extended; original deadline %1").arg(Labels::date(r->originalDeadline));
        if (index.column() == Light && light == core::WarningLight::Red)
            return tr("%n day(s) overdue", nullptr, core::Workflow::overdueDays(r->deadline, context().asOf));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Measures)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortKeyRole:
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    const bool raw = role == SortKeyRole;
    switch (Column(index.column())) {
    case RegistrationNo:
        return r->registrationNo;
    case Unit:
        return r->unit;
    case Round:
        return r->round;
    case Source:
        return raw ? QVariant(int(r->source)) : QVariant(Labels::source(r->source));
    case Category:
        return r->category;
    case Description:
        return raw ? r->description : QString(r->description).replace(QLatin1Char('\n'), QLatin1Char(' '));
    case Office:
        return r->office;
    case Leader:
        return r->leader;
    case Person:
        return r->person;
    case Deadline:
        if (raw)
            return r->deadline;
        return r->deadline.isValid() ? Labels::date(r->deadline) : r->deadlineNote;
    case State:
        return raw ? QVariant(int(r->state)) : QVariant(Labels::state(r->state));
    case Light:
        return raw ? QVariant(int(light)) : QVariant(Labels::light(light));
    case Measures:
        return r->measureCount;
    case Progress:
        return raw ? r->progress : QString(r->progress).replace(QLatin1Char('\n'), QLatin1Char(' '));
    case FeedbackDate:
        return raw ? QVariant(r->feedbackDate) : QVariant(Labels::date(r->feedbackDate));
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ProblemLedgerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole && section >= 0 && section < rowCount())
            return section + 1;
        return {};
    }
    if (role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return {};
    switch (Column(section)) {
    case RegistrationNo:
        return tr("No.");
    case Unit:
        return tr("Inspected unit");
    case Round:
        return tr("Round");
    case Source:
        return tr("Source");
    case Category:
        return tr("Category");
    case Description:
        return tr("Problem");
    case Office:
        return tr("Responsible office");
    case Leader:
        return tr("Lead leader");
    case Person:
        return tr("Responsible person");
    case Deadline:
        return tr("Deadline");
    case State:
        return tr("State");
    case Light:
        return tr("Warning");
    case Measures:
        return tr("Measures");
    case Progress:
        return tr("Latest progress");
    case FeedbackDate:
        return tr("Feedback date");
    case ColumnCount:
        break;
    }
    return {};
}

core::LedgerSort ProblemLedgerModel::sortKey(int column) const
{
    switch (Column(column)) {
    case RegistrationNo:
        return core::LedgerSort::RegistrationNo;
    case Unit:
        return core::LedgerSort::Unit;
    case Round:
        return core::LedgerSort::Round;
    case Source:
        return core::LedgerSort::Source;
    case Category:
        return core::LedgerSort::Category;
    case Description:
        return core::LedgerSort::Description;
    case Office:
        return core::LedgerSort::Office;
    case Leader:
        return core::LedgerSort::Leader;
    case Person:
        return core::LedgerSort::Person;
    case Deadline:
        return core::LedgerSort::Deadline;
    case State:
        return core::LedgerSort::State;
    case Light:
        return core::LedgerSort::Light;
    case Measures:
        return core::LedgerSort::MeasureCount;
    case Progress:
        return core::LedgerSort::Progress;
    case FeedbackDate:
        return core::LedgerSort::FeedbackDate;
    case ColumnCount:
        break;
    }
    return core::LedgerSort::Id;
}

} // namespace rectrack::ui
