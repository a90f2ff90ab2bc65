#pragma once

#include "blockledgermodel.h"

#include <QHash>

namespace rectrack::ui {

/// The rectification ledger (整改台账): one row per measure, with owner, deadline and state.
class MeasureLedgerModel : public BlockLedgerModel<core::MeasureRow>
{
    Q_OBJECT
public:
    enum Column
    {
        RegistrationNo, ///< 问题编号
        Seq,            ///< 序号 of the measure within its problem
        Content,        ///< 整改措施
        Type,           ///< 措施类型 (立行立改, 限期整改, 长期坚持)
        Owner,          ///< 责任人
        Deadline,       ///< 完成时限
        State,          ///< 措施状态
        Light,          ///< 预警
        Problem,        ///< 问题描述
        Unit,           ///< 被巡察单位
        Office,         ///< 责任单位
        Leader,         ///< 牵头领导
        Round,          ///< 轮次
        ColumnCount
    };
    Q_ENUM(Column)

    explicit MeasureLedgerModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    core::LedgerSort sortKey(int column) const override;
    core::Result<QList<core::MeasureRow>> fetchRows(core::LedgerQuery &query,
                                                    const QList<qint64> &ids) const override;
};

} // namespace rectrack::ui
