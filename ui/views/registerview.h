#pragma once

#include "domain/entities.h"
#include "models/registermodel.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class QTableWidget;

namespace rectrack::ui {

class RegisterFilterProxy;
struct RegisterChoices;

/**
 * The page of the supervision registers: a title with the row count, a filter row (text, plus
 * overdue-only for clues, still-to-cover-only for coverage, the kind for referrals and outcomes),
 * a summary of the register's figures (referrals per year by kind, units in performance
 * assessment, coverage per category …) and a sortable table of the register picked in the
 * navigation tree (线索台账, 抄告和专报, 整改效果评价, 专项督办与回访, 整改成果, 巡察全覆盖, 集成整改).
 *
 * Add / Edit / Delete open the register's editor dialog (double-click or Enter edits a row);
 * each change goes through core::OversightService (or OrganizationService for the must-cover
 * list) in one transaction, deleting asks first, and the registers are read again.
 */
class RegisterView : public QWidget
{
    Q_OBJECT
public:
    using Register = RegisterModel::Register;

    explicit RegisterView(QWidget *parent = nullptr);
    ~RegisterView() override;

    /// Reads every register from @p db (nullptr empties them) as of @p asOf; edits write to @p db.
    void setDatabase(core::Database *db, const QDate &asOf);
    /// Shows @p reg (its filters cleared).
    void showRegister(Register reg);
    Register current() const { return m_current; }

    RegisterModel *model(Register reg) const { return m_models.at(int(reg)); }
    /// The sorted and filtered rows the table shows.
    RegisterFilterProxy *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    QString titleText() const;
    /// The figures line above the table (plain text).
    QString summaryText() const;
    /// The referrals-per-year table (year × 抄告单 / 专题报告 / 要情专报 / total).
    QTableWidget *referralYears() const { return m_referralYears; }

    /// Saves each register's editor, filled with the first record of the register (the campaign
    /// editor with the first eight rounds checked), as register-editor-<key>.png in @p dir.
    /// Returns false on a write error.
    bool saveEditorScreenshots(const QString &dir);
    /// Re-reads every register after changes committed by others (issue #24), keeping the selected
    /// record and the scroll position.
    void refreshKeepingSelection();

public Q_SLOTS:
    /// Opens the current register's editor for a new record.
    void addRecord();
    /// Opens the editor of the selected row.
    void editRecord();
    /// Asks, then deletes the selected row (or takes a unit off the must-cover list, or unlinks).
    void deleteRecord();
    /// Opens the editor of a new supervision campaign.
    void addCampaign();
    /// Opens the editor of the campaign @p campaignId (its rounds and units with open problems).
    void editCampaign(qint64 campaignId);
    /// Asks, then deletes the campaign @p campaignId (refused by core while return visits name it).
    void deleteCampaign(qint64 campaignId);

protected:
    void showEvent(QShowEvent *event) override;

Q_SIGNALS:
    /// A register was changed through an editor (the caller may refresh figures elsewhere).
    void changed();

private:
    void reload(qint64 selectId = 0);
    void updateTitle();
    void updateControls();
    void updateSummary();
    RegisterChoices choices() const;
    /// Units with open problems in the stored campaign named @p campaign (empty when none is).
    QList<qint64> campaignUnits(const QString &campaign) const;
    /// Names of the units with open problems in @p roundIds, by name.
    QStringList unitNamesWithOpenProblems(const QList<qint64> &roundIds) const;
    /// Opens the campaign editor on @p initial; returns the campaign entered, or nullopt.
    std::optional<core::Campaign> runCampaignDialog(const core::Campaign &initial);
    /// The menu of the campaign button: new, and edit or delete each stored campaign.
    void showCampaignMenu();
    /// Source-model id and kind of the selected row; id 0 when none.
    std::pair<qint64, int> selected() const;
    /// Shows @p message as a warning when @p ok is false; returns ok.
    bool report(bool ok, const QString &message);
    /// Shows the error of @p s (or @p r) as a warning; returns whether it succeeded.
    bool report(const core::Status &s);
    bool report(const core::Result<qint64> &r);

    QList<RegisterModel *> m_models;
    RegisterFilterProxy *m_proxy;
    core::Database *m_db = nullptr;
    QDate m_asOf;
    QLabel *m_title;
    QLineEdit *m_filter;
    QCheckBox *m_flaggedOnly;
    QComboBox *m_kind;
    QPushButton *m_campaign;
    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_delete;
    QCheckBox *m_followUpCounts;
    QLabel *m_monthsLabel;
    QSpinBox *m_months;
    QLabel *m_summary;
    QTableWidget *m_referralYears;
    QTableView *m_table;
    Register m_current = Register::Clues;
    bool m_summaryStale = false; ///< the figures are computed when the page is shown
};

} // namespace rectrack::ui
