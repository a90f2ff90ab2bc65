#pragma once

#include "domain/entities.h"

#include <QDialog>

class QPushButton;
class QTableWidget;

namespace rectrack::ui {

/**
 * Lists the soft-deleted problems (number, unit, description, when deleted) and asks for one to
 * be restored. The dialog never writes: it emits restoreRequested and the caller runs the
 * undoable restore, then calls setProblems with the new list.
 */
class DeletedProblemsDialog : public QDialog
{
    Q_OBJECT
public:
    /// One row: the problem and its unit's name.
    using Row = std::pair<core::Problem, QString>;

    explicit DeletedProblemsDialog(QWidget *parent = nullptr);
    void setProblems(const QList<Row> &rows);

Q_SIGNALS:
    void restoreRequested(qint64 problemId);

private:
    QTableWidget *m_table;
    QPushButton *m_restore;
    QList<Row> m_rows;
};

} // namespace rectrack::ui
