#pragma once

#include "blockledgermodel.h"

#include <QHash>

namespace rectrack::ui {

/// The problem ledger (问题台账): one row per registered problem, from 挂号 to 销号.
class ProblemLedgerModel : public BlockLedgerModel<core::ProblemRow>
{
    Q_OBJECT
public:
    enum Column
    {
        RegistrationNo, ///< 编号
        Unit,           ///< 被巡察单位
        Description,    ///< 问题描述
        Deadline,       ///< 整改时限 (the current one; the original in the tooltip)
        State,          ///< 状态
        Light,          ///< 预警: the traffic light on the as-of date
        Office,         ///< 责任单位
        Leader,         ///< 牵头领导
        Person,         ///< 责任人
        Round,          ///< 轮次
        Source,         ///< 来源
        Category,       ///< 问题类别
        Measures,       ///< 措施数
        Progress,       ///< 最新进展
        FeedbackDate,   ///< 反馈日期
        ColumnCount
    };
    Q_ENUM(Column)

    explicit ProblemLedgerModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    core::LedgerSort sortKey(int column) const override;
    core::Result<QList<core::ProblemRow>> fetchRows(core::LedgerQuery &query,
                                                    const QList<qint64> &ids) const override;
};

} // namespace rectrack::ui
