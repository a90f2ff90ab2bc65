#include "measureledgermodel.h"

#include "labels.h"

namespace rectrack::ui {

MeasureLedgerModel::MeasureLedgerModel(QObject *parent) : BlockLedgerModel(core::Ledger::Measures, parent) {}

int MeasureLedgerModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

core::Result<QList<core::MeasureRow>> MeasureLedgerModel::fetchRows(core::LedgerQuery &query,
                                                                    const QList<qint64> &ids) const
{
    return query.measureRows(ids, context());
}

QVariant MeasureLedgerModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::MeasureRow *r = rowAt(index.row());
    if (!r)
        return {};
    const core::WarningLight light =
        core::LedgerQuery::measureLight(r->state, r->deadline, context().asOf, context().thresholds);
    switch (role) {
    case IdRole:
        return r->id;
    case ProblemIdRole:
        return r->problemId;
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
        if (index.column() == Content)
            return r->content;
        if (index.column() == Problem)
            return r->problem;
        if (index.column() == Light && light == core::WarningLight::Red)
            return tr("%n day(s) overdue", nullptr, core::Workflow::overdueDays(r->deadline, context().asOf));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Seq)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortKeyRole:
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    const bool raw = role == SortKeyRole;
    auto flat = [raw](const QString &s) {
        return raw ? s : QString(s).replace(QLatin1Char('\n'), QLatin1Char(' '));
    };
    switch (Column(index.column())) {
    case RegistrationNo:
        return r->registrationNo;
    case Seq:
        return r->seq;
    case Content:
        return flat(r->content);
    case Type:
        return raw ? QVariant(int(r->type)) : QVariant(Labels::measureType(r->type));
    case Owner:
        return r->owner;
    case Deadline:
        if (raw)
            return r->deadline;
        return r->deadline.isValid() ? Labels::date(r->deadline) : r->deadlineNote;
    case State:
        return raw ? QVariant(int(r->state)) : QVariant(Labels::measureState(r->state));
    case Light:
        return raw ? QVariant(int(light)) : QVariant(Labels::light(light));
    case Problem:
        return flat(r->problem);
    case Unit:
        return r->unit;
    case Office:
        return r->office;
    case Leader:
        return r->leader;
    case Round:
        return r->round;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant MeasureLedgerModel::headerData(int section, Qt::Orientation orientation, int role) const
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
        return tr("Problem no.");
    case Seq:
        return tr("Seq.");
    case Content:
        return tr("Measure");
    case Type:
        return tr("Type");
    case Owner:
        return tr("Owner");
    case Deadline:
        return tr("Deadline");
    case State:
        return tr("State");
    case Light:
        return tr("Warning");
    case Problem:
        return tr("Problem");
    case Unit:
        return tr("Inspected unit");
    case Office:
        return tr("Responsible office");
    case Leader:
        return tr("Lead leader");
    case Round:
        return tr("Round");
    case ColumnCount:
        break;
    }
    return {};
}

core::LedgerSort MeasureLedgerModel::sortKey(int column) const
{
    switch (Column(column)) {
    case RegistrationNo:
        return core::LedgerSort::RegistrationNo;
    case Seq:
        return core::LedgerSort::MeasureSeq;
    case Content:
        return core::LedgerSort::MeasureContent;
    case Type:
        return core::LedgerSort::MeasureType;
    case Owner:
        return core::LedgerSort::MeasureOwner;
    case Deadline:
        return core::LedgerSort::Deadline;
    case State:
        return core::LedgerSort::MeasureState;
    case Light:
        return core::LedgerSort::Light;
    case Problem:
        return core::LedgerSort::Description;
    case Unit:
        return core::LedgerSort::Unit;
    case Office:
        return core::LedgerSort::Office;
    case Leader:
        return core::LedgerSort::Leader;
    case Round:
        return core::LedgerSort::Round;
    case ColumnCount:
        break;
    }
    return core::LedgerSort::Id;
}

} // namespace rectrack::ui
