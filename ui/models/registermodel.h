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
        Outcomes,
        Coverage,   ///< the term's must-cover list, unit by unit (巡察全覆盖)
        RepeatLinks ///< 集成整改: municipal problems linked to the problem they repeat
    };
    /// True for a row tinted red (an overdue clue).
    static constexpr int OverdueRole = Qt::UserRole + 1;
    /// The row's record id (clue, referral, evaluation, return visit, outcome rowid, unit on the
    /// must-cover list, linked problem).
    static constexpr int IdRole = Qt::UserRole + 2;
    /// The value a column sorts by: dates as QDate, counts and scores as numbers, else the text.
    static constexpr int SortRole = Qt::UserRole + 3;
    /// The row's kind: core::ReferralKind for referrals, core::OutcomeRow::Kind for outcomes, as int; else
    /// -1.
    static constexpr int KindRole = Qt::UserRole + 4;
    /// True for a row the view's "only" filter keeps: an overdue clue, a unit still to cover.
    static constexpr int FlaggedRole = Qt::UserRole + 5;

    explicit RegisterModel(Register reg, QObject *parent = nullptr);

    /// The register's display name (线索台账 …).
    static QString title(Register reg);
    /// A short key for file names (clues, referrals, evaluations, return-visits, outcomes, coverage,
    /// integrated-rectification).
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
        qint64 id = 0;
        int kind = -1;
        bool flagged = false;
        QVariantList sortKeys; ///< per column; missing = the text
    };
    QStringList headers() const;
    /// Columns holding numbers (right-aligned).
    QList<int> numericColumns() const;

    Register m_register;
    QList<Row> m_rows;
};

} // namespace rectrack::ui
