#pragma once

#include "domain/entities.h"

#include <QDialog>
#include <QHash>

class QLabel;
class QPushButton;
class QTableWidget;

namespace rectrack::ui {

/**
 * "Someone else changed this problem" (issue #24): shown by the problem editor when a save is
 * refused because another login changed the problem since the editor read it (Error::staleEdit).
 * Both versions side by side, field by field — the value as the editor read it, theirs (with who
 * changed it and when, from Error::staleChange) and yours (what was typed, never lost) — and three
 * ways on: keep mine (your changed fields saved over their version, their other changes kept),
 * take theirs (your typing dropped), or edit (their version becomes the one you edit, your typing
 * stays in the fields to merge by hand). Fields changed on neither side are not listed.
 */
class ConflictDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Choice
    {
        KeepMine,
        TakeTheirs,
        Edit
    };

    /// @p read the problem as the editor read it, @p mine as typed, @p theirs as stored now,
    /// @p staleChange Error::staleChange (JSON: actor, at, fields), @p categories the category
    /// names by id.
    ConflictDialog(const core::Problem &read, const core::Problem &mine, const core::Problem &theirs,
                   const QString &staleChange, const QHash<qint64, QString> &categories,
                   QWidget *parent = nullptr);

    /// The field rows shown: field name, theirs, yours.
    QTableWidget *table() const { return m_table; }
    QPushButton *keepMineButton() const { return m_keepMine; }
    QPushButton *takeTheirsButton() const { return m_takeTheirs; }
    QPushButton *editButton() const { return m_edit; }
    /// Who changed it and when, as shown above the table.
    QString whoText() const;

    /// @p theirs with every field where @p mine differs from @p read set to @p mine's value (keep mine).
    static core::Problem merged(const core::Problem &read, const core::Problem &mine,
                                const core::Problem &theirs);

Q_SIGNALS:
    void chosen(rectrack::ui::ConflictDialog::Choice choice);

private:
    QLabel *m_who;
    QTableWidget *m_table;
    QPushButton *m_keepMine;
    QPushButton *m_takeTheirs;
    QPushButton *m_edit;
};

} // namespace rectrack::ui
