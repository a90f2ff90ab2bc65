#pragma once

#include "models/registermodel.h"

#include <QWidget>

class QLabel;
class QTableView;

namespace rectrack::ui {

/**
 * The read-only page of the supervision registers: a title with the row count and a table of
 * the register picked in the navigation tree (线索台账, 抄告和专报, 整改效果评价, 专项督办与回访,
 * 整改成果).
 */
class RegisterView : public QWidget
{
    Q_OBJECT
public:
    using Register = RegisterModel::Register;

    explicit RegisterView(QWidget *parent = nullptr);

    /// Reads every register from @p db (nullptr empties them) as of @p asOf.
    void setDatabase(core::Database *db, const QDate &asOf);
    /// Shows @p reg.
    void showRegister(Register reg);
    Register current() const { return m_current; }

    RegisterModel *model(Register reg) const { return m_models.at(int(reg)); }
    QTableView *table() const { return m_table; }
    QString titleText() const;

private:
    void updateTitle();

    QList<RegisterModel *> m_models;
    QLabel *m_title;
    QTableView *m_table;
    Register m_current = Register::Clues;
};

} // namespace rectrack::ui
