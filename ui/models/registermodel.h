#pragma once

#include "storage/database.h"

#include <QAbstractTableModel>
#include <QDate>

namespace rectrack::ui {

/**
 * A read-only table of one supervision register (线索台账, 抄告和专报, 整改效果评价, 专项督办与回访,
 * 整改成果), read through core::OversightService / core::OversightRegisters. Clues overdue on the
 * as-of date are tinted red like overdue problems.
 */
class RegisterModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Register
    {
        Clues,
        Referrals,
        Evaluations,
        ReturnVisits,
        Outcomes
    };
    /// True for a row tinted red (an overdue clue).
    static constexpr int OverdueRole = Qt::UserRole + 1;

    explicit RegisterModel(Register reg, QObject *parent = nullptr);

    /// The register's display name (线索台账 …).
    static QString title(Register reg);
    /// A short key for file names (clues, referrals, evaluations, return-visits, outcomes).
    static QString key(Register reg);
    static QList<Register> all();

    Register which() const { return m_register; }
    /// Reads the register from @p db (nullptr empties it) as of @p asOf.
    void load(core::Database *db, const QDate &asOf);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QStringList cells;
        bool overdue = false;
    };
    QStringList headers() const;
    /// Columns holding numbers (right-aligned).
    QList<int> numericColumns() const;

    Register m_register;
    QList<Row> m_rows;
};

} // namespace rectrack::ui
