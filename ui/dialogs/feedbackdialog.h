#pragma once

/**
 * Registers a feedback (反馈): a new inspection (round/batch, unit, team, kind, source level,
 * feedback date) and the problems it hands over, entered fast in one table. Registration
 * numbers come from the register's pattern (core::RegistrationNumber; e.g. {round}-{unit}-{seq:03})
 * and follow the round, unit and date until a number is typed over; the deadline defaults to
 * the end of the round's concentrated rectification period (集中整改期). Several problems can be
 * pasted at once from a spreadsheet (one per line, columns separated by tabs in the table's order).
 *
 * The dialog never writes: the caller takes draft() and registers it (EditingController).
 */

#include "domain/entities.h"
#include "workflow/registersettings.h"
#include "workflow/registrationnumber.h"

#include <QDialog>

#include <functional>
#include <tuple>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace rectrack::ui {

/// What the registration dialog hands back.
struct FeedbackDraft
{
    QString round; ///< round/batch label; empty for feedback outside a round
    QString unit;
    QString team;
    core::InspectionKind kind = core::InspectionKind::Regular;
    core::SourceLevel source = core::SourceLevel::Municipal;
    QString theme;
    QDate feedbackDate;
    /// The problems, with registrationNo, description, categoryId, leadLeader, responsibleOffice,
    /// responsiblePerson, deadline and immediate set (unit and inspection are filled on registration).
    QList<core::Problem> problems;
};

class FeedbackDialog : public QDialog
{
    Q_OBJECT
public:
    /// Columns of the problem table, also the order of pasted columns after the number.
    enum Column
    {
        NumberColumn,
        DescriptionColumn,
        CategoryColumn,
        LeaderColumn,
        OfficeColumn,
        PersonColumn,
        DeadlineColumn,
        ImmediateColumn,
        ColumnCount
    };

    /// What the dialog offers; filled by the caller from core.
    struct Choices
    {
        QStringList rounds;
        QStringList units;
        QStringList teams;
        QList<std::tuple<qint64, QString, int>> categories; ///< (id, name, depth), tree order
        core::RegisterSettings settings;
        /// The next free running number for a pattern and fields (core::RegistrationNumber::nextSeq).
        std::function<int(const core::RegistrationNumber::Fields &)> nextSeq;
        QDate today;
        /// The source level preselected (SourceLevelChoice::defaultFor the register's own level).
        core::SourceLevel source = core::SourceLevel::Municipal;
    };

    explicit FeedbackDialog(const Choices &choices, QWidget *parent = nullptr);

    /// Pre-selects the inspection fields (e.g. from the problem selected in the ledger).
    void setInspection(const QString &round, const QString &unit, core::SourceLevel source,
                       core::InspectionKind kind, const QDate &feedbackDate);

    /// Appends an empty problem row and puts the cursor in its description.
    void addRow();
    /// Adds one row per line of @p text (tab-separated columns: description, category, lead
    /// leader, office, person, deadline, 立行立改); returns the rows added.
    int pasteRows(const QString &text);
    /// Pastes the clipboard's text.
    int pasteClipboard();

    /// The dialog's content; problems with an empty description are left out.
    FeedbackDraft draft() const;

    /// The default deadline of problems fed back on @p feedbackDate in @p round.
    QDate defaultDeadline() const;

private:
    /// 集中整改期 of the round entered (its own setting, else the register's default), in months.
    int concentratedMonths() const;
    void renumber();
    void validate();
    void setCategory(int row, const QString &name);

    Choices m_choices;
    QComboBox *m_round;
    QComboBox *m_unit;
    QComboBox *m_team;
    QComboBox *m_kind;
    QComboBox *m_source;
    QLineEdit *m_theme;
    QDateEdit *m_date;
    QLabel *m_pattern;
    QTableWidget *m_table;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
    bool m_updating = false;
};

} // namespace rectrack::ui
