#pragma once

/**
 * The main window of the desktop app: the navigation tree (smart lists, term → round/batch →
 * inspection, saved views) on the left, the filter bar and the two ledgers as tabs in the middle,
 * the read-only detail pane on the right, and the headline figures at the as-of date in the
 * status bar. A third tab, the dashboard (DashboardView), shows the figures and charts of the
 * current scope; clicking a bar or slice opens the problem ledger on exactly those problems. Geometry,
 * splitters, column widths, the last register and the recent files are kept in QSettings.
 */

#include "dialogs/settingsdialog.h"
#include "exchange/signing.h"
#include "storage/database.h"
#include "storage/ledgerquery.h"

#include <QMainWindow>

#include <memory>
#include <optional>

class QDateEdit;
class QLabel;
class QMenu;
class QProgressBar;
class QSplitter;
class QStackedWidget;
class QTabWidget;

namespace rectrack::ui {

class AuditLogView;
class UsersPage;
class DashboardView;
class DetailPane;
class EditingController;
class FilterBar;
class LedgerView;
class LiveUpdates;
class MeasureLedgerModel;
class NavigationPane;
class ProblemLedgerModel;
class PatternsView;
class RegisterView;
class SafetyController;
class StatusFigures;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    /// Tabs of the ledger area.
    enum Tab
    {
        ProblemTab = 0,
        MeasureTab = 1,
        DashboardTab = 2,
        RegistersTab = 3, ///< the supervision register picked in the navigation tree
        PatternsTab = 4   ///< 共性问题: common and recurring problems (issue #27)
    };

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens the register at @p path; shows a message and returns false when it cannot be opened.
    /// @p quiet suppresses the message box (tests, start-up).
    bool openRegister(const QString &path, bool quiet = false);
    /**
     * 文件 → 连接服务器…: asks for a server register's address, login and password (ConnectDialog)
     * until it opens or the user cancels; false when cancelled.
     */
    bool connectServer();
    /**
     * 文件 → 交换 → 导入交换包… once the file @p path is chosen: the preview dialog, then (when 导入
     * applied it) the whole package as one step on the window's undo stack (Ctrl+Z takes it back).
     * The files, figures and navigation are refreshed.
     */
    void importExchangePackageFile(const QString &path);
    /// The login's role in words ("inspection office", "unit clerk" …; several joined by "、"),
    /// empty on a file register.
    static QString roleText(const QStringList &roles);
    /// The status bar's label naming the server, database, login and role (hidden on a file).
    QLabel *serverLabel() const { return m_serverLabel; }
    /// Live updates and the reconnect banner of a server register (issue #24).
    LiveUpdates *liveUpdates() const { return m_live; }
    /// The security auditor's page (shown instead of the ledgers for such a login).
    AuditLogView *auditView() const { return m_auditView; }
    /// The security administrator's page (shown instead of the ledgers for such a login).
    UsersPage *usersPage() const { return m_usersPage; }
    /// 管理 → 用户和权限…: the security administrator's page in a dialog.
    void showUsers();
    /// Whether the open register's login reads the ledgers (false for the auditor and the
    /// security administrator, who see their own pages only).
    bool readsLedgers() const { return m_readsLedgers; }
    /// Creates a new empty register at @p path and opens it; with @p office, makes it an exchange site
    /// signing with @p algorithm.
    bool createRegister(const QString &path, const QString &termName = {}, const QString &office = {},
                        core::exchange::Algorithm algorithm = core::exchange::Algorithm::Ed25519);
    /// Closes the open register, if any.
    void closeRegister();

    /// Where the demo register lives: the user's data folder (QStandardPaths::AppDataLocation).
    static QString demoRegisterPath();
    /// Creates the demo register at @p path with core::DemoRegister unless it exists.
    static core::Status ensureDemoRegister(const QString &path);

    core::Database *database() const { return m_db.get(); }
    ProblemLedgerModel *problemModel() const { return m_problems; }
    /// The measure ledger's model; it follows filter changes when its tab is shown.
    MeasureLedgerModel *measureModel() const { return m_measures; }
    LedgerView *problemView() const { return m_problemView; }
    LedgerView *measureView() const { return m_measureView; }
    NavigationPane *navigation() const { return m_navigation; }
    FilterBar *filterBar() const { return m_filterBar; }
    DetailPane *detailPane() const { return m_detail; }
    QTabWidget *tabs() const { return m_tabs; }
    DashboardView *dashboard() const { return m_dashboard; }
    RegisterView *registerView() const { return m_registerView; }
    PatternsView *patternsView() const { return m_patternsView; }
    /// Editing: undo stack, feedback registration, the problem editor, soft delete.
    EditingController *editing() const { return m_editing; }
    /// Backups, restore, history and the warning banner (issue #13).
    SafetyController *safety() const { return m_safety; }

    /// The as-of date of the figures and traffic lights.
    QDate asOf() const { return m_asOf; }
    /// Changes the as-of date: recomputes the figures and the lights. A date before the register's
    /// default as-of date (its reference date, else today) shows the register as it stood that
    /// day, read-only, under a banner with a button back to the default date.
    void setAsOf(const QDate &date);
    /// True while the as-of date is in the past: the ledgers, the smart lists, the detail pane and
    /// the dashboard's click-through show the register as it stood on asOf(), and editing is off.
    bool historical() const;
    /// The manual page F1 opens here (帮助 → 操作手册): the page of the tab shown ("overview" for
    /// the ledgers, "dashboard-report", "supervision", "common-problems"), "as-of" while a past
    /// 截至 date is shown.
    QString helpPage() const;
    /// The context the ledgers are queried with: asOf(), the thresholds and historical().
    core::LedgerContext ledgerContext() const;
    /// The headline figures as shown in the status bar.
    QString headline() const;
    /// The filter the ledgers show: a dashboard click-through's filter while one is shown, else
    /// scopeFilter().
    core::LedgerFilter effectiveFilter() const;
    /// The navigation scope combined with the filter bar (what the dashboard follows).
    core::LedgerFilter scopeFilter() const;
    /// Shows exactly the problems of @p filter in the problem ledger, titled @p title (the
    /// dashboard's click-through). Cleared when the navigation or the filter bar changes.
    void showProblems(const core::LedgerFilter &filter, const QString &title);

    /**
     * Writes the ledger of the current tab (the rectification ledger on its tab, else the problem
     * ledger) to @p path (.xlsx or .csv, by its extension) as `rectrack-cli export` does: the
     * rows the view shows under the current filter, as they stood on a past as-of date. Returns
     * the number of rows written, or core's error.
     */
    core::Result<int> exportLedger(const QString &path);

    /// Shows the settings dialog (non-blocking when @p modal is false) and returns it.
    SettingsDialog *createSettingsDialog();
    /// Applies the values of the settings dialog: register settings through core, the rest to QSettings.
    bool applySettings(const SettingsDialog::Values &values);

    /// Saves 1440×900 screenshots of the problem ledger, the rectification ledger, the overdue
    /// smart list, the settings dialog, the dashboard (also at 1024×768) and each supervision
    /// register (register-<name>.png) as PNG files in @p dir. Returns false on a write error.
    bool saveScreenshots(const QString &dir);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    /// Opens @p location, asking for the password when a server wants one that was not given
    /// (then @p location gets it, in memory only).
    core::Result<std::unique_ptr<core::Database>> openDatabase(QString &location);
    /// Shows @p db (just opened from @p location) in the window.
    void showRegister(std::unique_ptr<core::Database> db, const QString &location);
    /// Menus, actions and tabs as the login's role allows (issue #24).
    void applyRole();
    /// Re-reads what the window shows after changes committed by others (LiveUpdates), keeping
    /// the selection, the scroll positions and open editors.
    void refreshLive(const QSet<QString> &tables, const QSet<qint64> &problems);
    void restoreLayout();
    void saveLayout();
    void applyFilter();
    void updateFigures();
    void updateCounts();
    void updateDetail();
    /// After an edit: reloads both ledgers (keeping the current row), the figures and the dashboard.
    void refreshAfterEdit();
    /// Reads @p v's rows again, keeping its current row (by id) and column.
    void refreshKeepingCurrent(LedgerView *v);
    /// Refreshes what a live update left stale while its tab was hidden (m_stale), now shown.
    void refreshStaleTab(int index);
    void updateDashboard();
    /// Queries the measure ledger with the filter it missed while its tab was hidden.
    void applyPendingMeasureFilter();
    void applyPendingProblemFilter();
    void clearDrill();
    /// Shows or hides the as-of banner and makes editing read-only while historical().
    void updateHistorical();
    void updateTitle();
    void loadRegisterSettings();
    void addRecent(const QString &path);
    void rebuildRecentMenu();
    void newRegister();
    void openDialog();
    void saveCurrentView();
    void removeView(qint64 id, const QString &name);
    void printPreview();
    /// File → Export report…: the committee report of the current scope as PDF or .odt.
    void exportReport();
    /// File → Export ledger…: asks for the file, then exportLedger().
    void exportLedgerDialog();
    /// File → Exchange → Write exchange package… (ExportPackageDialog).
    void writeExchangePackage();
    /// File → Exchange → Import exchange package… (ImportPackageDialog, with its preview).
    void importExchangePackage();
    /// File → Exchange → Exchange status and conflicts… (ExchangeDialog at @p tab).
    void showExchange(int tab);
    /// Whether the register is an exchange site; else says how to make it one.
    bool exchangeSite();
    void copyRows();
    void showSettings();
    void about();
    LedgerView *currentView() const;

    std::unique_ptr<core::Database> m_db;
    ProblemLedgerModel *m_problems;
    MeasureLedgerModel *m_measures;
    NavigationPane *m_navigation;
    FilterBar *m_filterBar;
    QTabWidget *m_tabs;
    LedgerView *m_problemView;
    LedgerView *m_measureView;
    DashboardView *m_dashboard;
    RegisterView *m_registerView;
    PatternsView *m_patternsView;
    DetailPane *m_detail;
    EditingController *m_editing = nullptr;
    SafetyController *m_safety;
    QSplitter *m_splitter;
    QLabel *m_figures;
    StatusFigures *m_statusFigures; ///< computes m_figures' text on a worker thread
    QLabel *m_count;
    QDateEdit *m_asOfEdit;
    QWidget *m_asOfBanner; ///< shown while historical()
    QLabel *m_asOfBannerText;
    QProgressBar *m_busy;
    QMenu *m_recentMenu = nullptr;
    QStackedWidget *m_pages;   ///< the ledgers' splitter, or the auditor's page
    AuditLogView *m_auditView; ///< the security auditor's page
    UsersPage *m_usersPage;    ///< the security administrator's page
    QMenu *m_adminMenu = nullptr;
    QLabel *m_serverLabel;
    LiveUpdates *m_live;
    bool m_readsLedgers = true;
    bool m_readsRegisters = true; ///< the login reads the office's supervision registers
    bool m_readsPatterns = true;  ///< the login reads the common problems
    /// The register for the supervision registers' view: none for a login that may not read them.
    core::Database *registersDatabase() const;
    QList<QAction *> m_officeActions; ///< actions of the inspection office only (imports)
    QList<QAction *> m_fileActions;   ///< actions of a register file only (restore a backup)
    QAction *m_settingsAction = nullptr;
    core::LedgerFilter m_scope;
    std::optional<core::LedgerFilter> m_drill; ///< a dashboard click-through's filter
    bool m_dashboardDirty = true;              ///< scope or date changed since the dashboard's last refresh
    /// The measure ledger's filter while its tab is hidden: applied when the tab is shown (at
    /// 100,000 problems re-reading all 300,000 measure ids at every filter change is most of the
    /// pause; docs/benchmarks.md). Empty when the measure model is current.
    std::optional<core::LedgerFilter> m_pendingMeasureFilter;
    /// The problem ledger's filter while the rectification ledger is shown (the same deferral).
    std::optional<core::LedgerFilter> m_pendingProblemFilter;
    /// Tabs (MainWindow::Tab) whose view others' changes left stale while hidden: a live update
    /// re-reads the shown tab only, each other tab when it is shown (at 100,000 problems re-reading
    /// the hidden rectification ledger and registers was most of a live update; docs/benchmarks.md).
    QSet<int> m_stale;
    QString m_scopeTitle;
    QDate m_asOf;
    core::WarningThresholds m_thresholds;
    friend class BusyScope;
};

} // namespace rectrack::ui
