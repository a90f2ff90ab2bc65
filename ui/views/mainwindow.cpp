#include "mainwindow.h"

#include "auditlogview.h"
#include "commands/exchangeimportcommand.h"
#include "dashboardview.h"
#include "demo/demoregister.h"
#include "detailpane.h"
#include "dialogs/categoryeditor.h"
#include "dialogs/conflictdialog.h"
#include "dialogs/connectdialog.h"
#include "dialogs/exchangedialog.h"
#include "dialogs/exportpackagedialog.h"
#include "dialogs/importpackagedialog.h"
#include "dialogs/importwizard.h"
#include "dialogs/passwordstore.h"
#include "dialogs/welcomedialog.h"
#include "editingcontroller.h"
#include "exchange/sites.h"
#include "exchange/unitduplicates.h"
#include "filterbar.h"
#include "help/manualbrowser.h"
#include "io/ledgerexporter.h"
#include "ledgerview.h"
#include "liveupdates.h"
#include "models/labels.h"
#include "models/measureledgermodel.h"
#include "models/problemledgermodel.h"
#include "navigationpane.h"
#include "patterns/patternsview.h"
#include "patterns/similarproblems.h"
#include "registerview.h"
#include "report/ledgerprint.h"
#include "report/reportdialog.h"
#include "safety/safetycontroller.h"
#include "stats/statistics.h"
#include "statusfigures.h"
#include "userspage.h"
#include "workerlocation.h"
#include "workflow/categoryservice.h"
#include "workflow/organizationservice.h"
#include "workflow/problemservice.h"
#include "workflow/registersettings.h"
#include "workflow/savedviewservice.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QDir>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImage>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <utility>

namespace rectrack::ui {

namespace {
constexpr int kMaxRecent = 8;
constexpr int kMaxPrintRows = 2000;
const QString kRecentKey = QStringLiteral("register/recent");
const QString kLastKey = QStringLiteral("register/last");
const QString kLastServerKey = QStringLiteral("server/last");

QString registerFileFilter()
{
    return MainWindow::tr("Rectrack registers (*.rtreg *.db *.sqlite);;All files (*)");
}
} // namespace

/// Wait cursor and a busy bar in the status bar while a query or a build runs in the GUI thread.
class BusyScope
{
public:
    BusyScope(MainWindow *w, const QString &what) : m_w(w)
    {
        QApplication::setOverrideCursor(Qt::WaitCursor);
        m_w->m_busy->show();
        m_w->statusBar()->showMessage(what);
        QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
    }
    ~BusyScope()
    {
        m_w->m_busy->hide();
        m_w->statusBar()->clearMessage();
        QApplication::restoreOverrideCursor();
    }
    BusyScope(const BusyScope &) = delete;
    BusyScope &operator=(const BusyScope &) = delete;

private:
    MainWindow *m_w;
};

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    m_asOf = QDate::currentDate();
    m_problems = new ProblemLedgerModel(this);
    m_measures = new MeasureLedgerModel(this);

    m_navigation = new NavigationPane(this);
    m_filterBar = new FilterBar(this);
    m_problemView = new LedgerView(this);
    m_problemView->setObjectName(QStringLiteral("problemLedger"));
    m_problemView->setModel(m_problems);
    m_measureView = new LedgerView(this);
    m_measureView->setObjectName(QStringLiteral("measureLedger"));
    m_measureView->setModel(m_measures);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(m_problemView, tr("Problem ledger"));
    m_tabs->addTab(m_measureView, tr("Rectification ledger"));
    m_dashboard = new DashboardView(this);
    m_dashboard->setObjectName(QStringLiteral("dashboard"));
    m_tabs->addTab(m_dashboard, tr("Dashboard"));
    m_registerView = new RegisterView(this);
    m_registerView->setObjectName(QStringLiteral("registers"));
    m_tabs->addTab(m_registerView, tr("Supervision registers"));
    m_patternsView = new PatternsView(this);
    m_patternsView->setObjectName(QStringLiteral("commonProblems"));
    m_tabs->addTab(m_patternsView, tr("Common problems"));
    m_tabs->setDocumentMode(true);
    m_detail = new DetailPane(this);
    m_safety = new SafetyController(this);

    auto *centre = new QWidget(this);
    auto *cl = new QVBoxLayout(centre);
    cl->setContentsMargins(0, 0, 0, 0);
    cl->setSpacing(0);
    m_live = new LiveUpdates(this);
    cl->addWidget(m_live->banner());
    cl->addWidget(m_safety->banner());
    m_asOfBanner = new QFrame(this);
    m_asOfBanner->setObjectName(QStringLiteral("asOfBanner"));
    m_asOfBanner->setStyleSheet(QStringLiteral("#asOfBanner { background: #e8f0fe; border-bottom: 1px solid "
                                               "#8ab4f8; } #asOfBanner QLabel { color: #174ea6; }"));
    {
        auto *bl = new QHBoxLayout(m_asOfBanner);
        bl->setContentsMargins(10, 6, 10, 6);
        m_asOfBannerText = new QLabel(m_asOfBanner);
        m_asOfBannerText->setWordWrap(true);
        bl->addWidget(m_asOfBannerText, 1);
        auto *back = new QPushButton(tr("Back to today"), m_asOfBanner);
        back->setObjectName(QStringLiteral("asOfBackButton"));
        connect(back, &QPushButton::clicked, this, [this] {
            if (m_db)
                setAsOf(m_db->defaultAsOf());
        });
        bl->addWidget(back);
    }
    m_asOfBanner->hide();
    cl->addWidget(m_asOfBanner);
    cl->addWidget(m_filterBar);
    cl->addWidget(m_tabs, 1);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_navigation);
    m_splitter->addWidget(centre);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 0);
    m_splitter->setSizes({230, 880, 330});
    m_splitter->setCollapsible(1, false);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_splitter);
    m_auditView = new AuditLogView(this);
    m_pages->addWidget(m_auditView);
    m_usersPage = new UsersPage(this);
    m_pages->addWidget(m_usersPage);
    setCentralWidget(m_pages);

    m_figures = new QLabel(this);
    m_statusFigures = new StatusFigures(this);
    connect(m_statusFigures, &StatusFigures::ready, this, [this](const core::Result<core::Counts> &counts) {
        if (!counts) {
            m_figures->setText(counts.error().message);
            return;
        }
        const core::Counts &c = *counts;
        m_figures->setText(
            tr("Problems %1 · done %2 · completion rate %3 · overdue %4")
                .arg(c.problems)
                .arg(c.done())
                // With no problems there is no rate: "—", not 0%.
                .arg(c.problems ? core::Statistics::formatPercent(c.completionRate()) : QStringLiteral("—"))
                .arg(c.overdue));
    });
    m_count = new QLabel(this);
    m_serverLabel = new QLabel(this);
    m_serverLabel->setObjectName(QStringLiteral("serverLabel"));
    m_serverLabel->hide();
    m_asOfEdit = new QDateEdit(m_asOf, this);
    m_asOfEdit->setCalendarPopup(true);
    m_asOfEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_asOfEdit->setToolTip(tr("Figures and traffic lights as of this date"));
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->hide();
    statusBar()->addPermanentWidget(m_busy);
    statusBar()->addPermanentWidget(m_serverLabel);
    statusBar()->addPermanentWidget(m_count);
    statusBar()->addPermanentWidget(m_figures);
    statusBar()->addPermanentWidget(new QLabel(tr("As of"), this));
    statusBar()->addPermanentWidget(m_asOfEdit);
    connect(m_asOfEdit, &QDateEdit::dateChanged, this, [this](QDate d) {
        if (d != m_asOf)
            setAsOf(d);
    });

    connect(m_navigation, &NavigationPane::scopeSelected, this,
            [this](const core::LedgerFilter &scope, const QString &title, bool savedView) {
                m_drill.reset();
                if (m_tabs->currentIndex() == RegistersTab)
                    m_tabs->setCurrentIndex(ProblemTab);
                if (savedView) {
                    m_scope = {};
                    m_filterBar->setFilter(scope);
                } else {
                    m_scope = scope;
                }
                m_scopeTitle = title;
                applyFilter();
            });
    connect(m_navigation, &NavigationPane::registerSelected, this, [this](int reg) {
        m_registerView->showRegister(RegisterView::Register(reg));
        m_tabs->setCurrentIndex(RegistersTab);
        updateCounts();
    });
    connect(m_registerView, &RegisterView::changed, this, &MainWindow::updateCounts);
    connect(m_patternsView, &PatternsView::problemActivated, this,
            [this](qint64 problem) { m_editing->openProblem(problem); });
    connect(m_patternsView, &PatternsView::registersChanged, this,
            [this] { m_registerView->setDatabase(registersDatabase(), m_asOf); });
    connect(m_navigation, &NavigationPane::removeViewRequested, this, &MainWindow::removeView);
    connect(m_filterBar, &FilterBar::filterChanged, this, [this] {
        m_drill.reset();
        applyFilter();
    });
    connect(m_dashboard, &DashboardView::drillDown, this, &MainWindow::showProblems);
    connect(m_filterBar, &FilterBar::saveViewRequested, this, &MainWindow::saveCurrentView);
    for (LedgerView *v : {m_problemView, m_measureView}) {
        connect(v->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                &MainWindow::updateDetail);
        connect(v->model(), &QAbstractItemModel::modelReset, this, &MainWindow::updateDetail);
    }
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        // The detail pane describes a ledger row: the dashboard and the registers have none and
        // need the room; the filter bar filters the ledgers only.
        m_detail->setVisible(index != DashboardTab && index != RegistersTab && index != PatternsTab);
        m_filterBar->setVisible(index != RegistersTab && index != PatternsTab);
        if (index == MeasureTab)
            applyPendingMeasureFilter();
        else
            applyPendingProblemFilter();
        refreshStaleTab(index);
        updateDetail();
        updateCounts();
        updateDashboard();
    });
    // Sorting re-queries in core; show the busy indicator while it runs.
    for (LedgerView *v : {m_problemView, m_measureView}) {
        v->setSortingEnabled(false);
        v->horizontalHeader()->setSectionsClickable(true);
        v->horizontalHeader()->setSortIndicatorShown(true);
        connect(v->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
                [this, v](int column, Qt::SortOrder order) {
                    BusyScope busy(this, tr("Sorting…"));
                    v->model()->sort(column, order);
                });
    }

    buildActions();
    connect(m_live, &LiveUpdates::changed, this, &MainWindow::refreshLive);
    connect(m_live, &LiveUpdates::reconnected, this,
            [this] { statusBar()->showMessage(tr("Connected to the server again."), 5000); });
    updateTitle();
    restoreLayout();
    resize(1440, 900);
    QSettings settings;
    if (settings.contains(QStringLiteral("window/geometry")))
        restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    if (!settings.contains(QStringLiteral("window/splitter")))
        m_splitter->setSizes({250, width() - 250 - 350, 350});
}

MainWindow::~MainWindow()
{
    m_problems->setDatabase(nullptr);
    m_measures->setDatabase(nullptr);
}

void MainWindow::buildActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newAction = file->addAction(tr("&New register…"), this, &MainWindow::newRegister);
    newAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N)); // Ctrl+N: new problem
    QAction *open = file->addAction(tr("&Open register…"), this, &MainWindow::openDialog);
    open->setShortcut(QKeySequence::Open);
    QAction *connectAction = file->addAction(tr("Connect to &server…"), this, [this] { connectServer(); });
    connectAction->setObjectName(QStringLiteral("connectServerAction"));
    m_recentMenu = file->addMenu(tr("Open &recent"));
    rebuildRecentMenu();
    file->addSeparator();
    QAction *print = file->addAction(tr("&Print preview…"), this, &MainWindow::printPreview);
    print->setShortcut(QKeySequence::Print);
    QAction *report = file->addAction(tr("Export &report…"), this, &MainWindow::exportReport);
    report->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    QAction *exportLedger = file->addAction(tr("Export &ledger…"), this, &MainWindow::exportLedgerDialog);
    exportLedger->setObjectName(QStringLiteral("exportLedgerAction"));
    exportLedger->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    // 文件 → 交换: packages between registers (issue #26, docs/exchange.md).
    QMenu *exchange = file->addMenu(tr("E&xchange"));
    exchange->setObjectName(QStringLiteral("exchangeMenu"));
    QAction *writePackage =
        exchange->addAction(tr("&Write exchange package…"), this, &MainWindow::writeExchangePackage);
    writePackage->setObjectName(QStringLiteral("writePackageAction"));
    QAction *importPackage =
        exchange->addAction(tr("&Import exchange package…"), this, &MainWindow::importExchangePackage);
    importPackage->setObjectName(QStringLiteral("importPackageAction"));
    exchange->addSeparator();
    QAction *exchangeStatus = exchange->addAction(tr("Exchange &status…"), this,
                                                  [this] { showExchange(ExchangeDialog::PartnersTab); });
    exchangeStatus->setObjectName(QStringLiteral("exchangeStatusAction"));
    QAction *conflicts = exchange->addAction(tr("&Conflicts to decide…"), this,
                                             [this] { showExchange(ExchangeDialog::ConflictsTab); });
    conflicts->setObjectName(QStringLiteral("exchangeConflictsAction"));
    file->addSeparator();
    const qsizetype before = file->actions().size();
    ImportWizard::installActions(this, file, [this] {
        m_navigation->refresh();
        applyFilter();
        updateFigures();
    });
    m_officeActions = file->actions().mid(before, 1); // Import ledgers…
    m_fileActions << file->addAction(tr("Restore &backup…"), m_safety, &SafetyController::restoreBackup);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *copy = edit->addAction(tr("&Copy rows"), this, &MainWindow::copyRows);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    QAction *find = edit->addAction(tr("&Find…"), m_filterBar, &FilterBar::focusSearch);
    find->setShortcut(QKeySequence::Find);
    m_editing = new EditingController(this);
    m_editing->addActions(edit);
    m_editing->setSelection([this]() -> qint64 {
        const QModelIndex current = currentView()->selectionModel()->currentIndex();
        return current.isValid() ? current.data(LedgerModel::ProblemIdRole).toLongLong() : 0;
    });
    connect(m_editing, &EditingController::changed, this, &MainWindow::refreshAfterEdit);
    connect(m_editing, &EditingController::changed, m_patternsView, [this] { m_patternsView->reload(); });
    for (LedgerView *v : {m_problemView, m_measureView}) {
        // Enter or a double-click opens the row's problem in the editor.
        connect(v, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
            if (historical()) {
                statusBar()->showMessage(
                    tr("The register as it stood on %1 is read-only; go back to today to edit.")
                        .arg(Labels::date(m_asOf)),
                    6000);
                return;
            }
            m_editing->openProblem(index.data(LedgerModel::ProblemIdRole).toLongLong());
        });
        m_editing->attachView(v);
    }
    for (LedgerView *v : {m_problemView, m_measureView}) {
        auto *c = new QAction(tr("Copy rows"), v);
        c->setShortcut(QKeySequence::Copy);
        c->setShortcutContext(Qt::WidgetShortcut);
        connect(c, &QAction::triggered, v, &LedgerView::copySelection);
        v->addAction(c);
        auto *history = new QAction(tr("History…"), v);
        connect(history, &QAction::triggered, this, [this, v] {
            m_safety->showHistory(v->currentIndex().data(LedgerModel::ProblemIdRole).toLongLong());
        });
        v->addAction(history);
    }

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *problems =
        view->addAction(tr("&Problem ledger"), this, [this] { m_tabs->setCurrentIndex(ProblemTab); });
    problems->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    QAction *measures =
        view->addAction(tr("&Rectification ledger"), this, [this] { m_tabs->setCurrentIndex(MeasureTab); });
    measures->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    QAction *dashboard =
        view->addAction(tr("&Dashboard"), this, [this] { m_tabs->setCurrentIndex(DashboardTab); });
    dashboard->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    view->addSeparator();
    view->addAction(tr("&Save current view…"), this, &MainWindow::saveCurrentView);
    QAction *refresh = view->addAction(tr("Re&fresh"), this, [this] {
        applyFilter();
        updateFigures();
    });
    refresh->setShortcut(QKeySequence::Refresh);

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    m_settingsAction = tools->addAction(tr("&Settings…"), this, &MainWindow::showSettings);

    m_adminMenu = menuBar()->addMenu(tr("&Administration"));
    m_adminMenu->setObjectName(QStringLiteral("adminMenu"));
    QAction *users = m_adminMenu->addAction(tr("&Users and rights…"), this, &MainWindow::showUsers);
    users->setObjectName(QStringLiteral("usersAction"));
    m_adminMenu->menuAction()->setVisible(false);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *manual =
        help->addAction(tr("&User manual"), this, [this] { ManualBrowser::open(this, helpPage()); });
    manual->setObjectName(QStringLiteral("manualAction"));
    manual->setShortcut(QKeySequence::HelpContents);
    help->addSeparator();
    help->addAction(tr("&About Rectrack"), this, &MainWindow::about);
}

QString MainWindow::demoRegisterPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("demo.rtreg"));
}

core::Status MainWindow::ensureDemoRegister(const QString &path)
{
    if (QFileInfo::exists(path))
        return core::okStatus();
    QDir().mkpath(QFileInfo(path).absolutePath());
    auto db = core::Database::open(path, core::Database::OpenMode::CreateIfMissing);
    if (!db)
        return db.error();
    const core::Status s = core::DemoRegister::build(**db);
    if (!s) {
        db->reset();
        QFile::remove(path);
    }
    return s;
}

bool MainWindow::createRegister(const QString &path, const QString &termName, const QString &office,
                                core::exchange::Algorithm algorithm)
{
    if (QFileInfo::exists(path)) {
        QMessageBox::warning(this, tr("New register"), tr("The file %1 already exists.").arg(path));
        return false;
    }
    {
        auto db = core::Database::open(path, core::Database::OpenMode::CreateIfMissing);
        if (!db) {
            QMessageBox::critical(this, tr("New register"), db.error().message);
            return false;
        }
        // A new register starts with the standard categories of political inspection.
        if (const core::Status s = core::CategoryService(**db).addStandardCategories(); !s) {
            QMessageBox::critical(this, tr("New register"), s.error().message);
            return false;
        }
        if (!termName.trimmed().isEmpty()) {
            const QDate today = QDate::currentDate();
            auto term =
                core::OrganizationService(**db).addTerm({0, termName.trimmed(), today, today.addYears(5)});
            if (!term) {
                QMessageBox::critical(this, tr("New register"), term.error().message);
                return false;
            }
        }
        // The register's site for exchange packages (issue #25), when the office is named.
        if (!office.trimmed().isEmpty()) {
            if (const core::Status s = core::exchange::Sites::setup(**db, office, algorithm); !s) {
                QMessageBox::critical(this, tr("New register"), s.error().message);
                return false;
            }
        }
    }
    return openRegister(path);
}

core::Result<std::unique_ptr<core::Database>> MainWindow::openDatabase(QString &location)
{
    const bool server = core::Database::isServerLocation(location);
    auto db = [&] {
        BusyScope busy(
            this, tr("Opening %1…")
                      .arg(server ? ConnectDialog::shortName(location) : QFileInfo(location).fileName()));
        return core::Database::open(location, core::Database::OpenMode::Existing);
    }();
    if (!db && server && ConnectDialog::passwordRequired(db.error().message) &&
        !location.contains(QLatin1String("password="))) {
        // A password remembered in the system keychain comes first.
        if (const QString stored = PasswordStore::read(location); !stored.isEmpty()) {
            BusyScope busy(this, tr("Opening %1…").arg(ConnectDialog::shortName(location)));
            const QString withStored = ConnectDialog::withPassword(location, stored);
            auto again = core::Database::open(withStored, core::Database::OpenMode::Existing);
            if (again) {
                location = withStored;
                return again;
            }
            if (ConnectDialog::passwordRequired(again.error().message))
                PasswordStore::remove(location); // changed on the server: forget it, ask below
        }
        // The server wants a password that ~/.pgpass and PGPASSWORD did not give: ask, use it for
        // this connection only.
        bool ok = false;
        const QString password =
            QInputDialog::getText(this, tr("Connect to a server register"),
                                  tr("Password for %1:").arg(ConnectDialog::shortName(location)),
                                  QLineEdit::Password, QString(), &ok);
        if (ok && !password.isEmpty()) {
            BusyScope busy(this, tr("Opening %1…").arg(ConnectDialog::shortName(location)));
            location = ConnectDialog::withPassword(location, password);
            return core::Database::open(location, core::Database::OpenMode::Existing);
        }
    }
    return db;
}

bool MainWindow::connectServer()
{
    ConnectDialog dialog(this);
    const QString last = QSettings().value(kLastServerKey).toString();
    if (!last.isEmpty())
        dialog.setUrl(last);
    for (;;) {
        if (dialog.exec() != QDialog::Accepted)
            return false;
        QString location = dialog.urlWithPassword();
        auto db = [&]() -> core::Result<std::unique_ptr<core::Database>> {
            BusyScope busy(this, tr("Opening %1…").arg(ConnectDialog::shortName(dialog.url())));
            auto r = core::Database::open(location, core::Database::OpenMode::Existing);
            // None typed: a password remembered in the system keychain.
            if (!r && dialog.passwordEdit()->text().isEmpty() &&
                ConnectDialog::passwordRequired(r.error().message))
                if (const QString stored = PasswordStore::read(dialog.url()); !stored.isEmpty()) {
                    location = ConnectDialog::withPassword(dialog.url(), stored);
                    return core::Database::open(location, core::Database::OpenMode::Existing);
                }
            return r;
        }();
        if (db) {
            if (dialog.remember() && !dialog.passwordEdit()->text().isEmpty()) {
                QString error;
                if (!PasswordStore::write(dialog.url(), dialog.passwordEdit()->text(), &error))
                    QMessageBox::warning(this, tr("Connect to a server register"),
                                         tr("Connected, but the password could not be kept in the system "
                                            "keychain: %1")
                                             .arg(error));
            }
            showRegister(std::move(db).value(), location);
            return true;
        }
        dialog.setMessage(db.error().message);
        if (ConnectDialog::passwordRequired(db.error().message))
            dialog.passwordEdit()->setFocus();
    }
}

QString MainWindow::roleText(const QStringList &roles)
{
    QStringList words;
    for (const QString &r : roles) {
        if (r == QLatin1String("office"))
            words << tr("inspection office");
        else if (r == QLatin1String("unit"))
            words << tr("unit clerk");
        else if (r == QLatin1String("leader"))
            words << tr("leader");
        else if (r == QLatin1String("auditor"))
            words << tr("security auditor");
        else if (r == QLatin1String("secadmin"))
            words << tr("security administrator");
        else if (r == QLatin1String("sysadmin"))
            words << tr("system administrator");
        else
            words << r;
    }
    return words.join(QStringLiteral("、"));
}

bool MainWindow::openRegister(const QString &path, bool quiet)
{
    QString location = path;
    auto db = openDatabase(location);
    if (!db) {
        if (!quiet)
            QMessageBox::critical(this, tr("Cannot open the register"), db.error().message);
        return false;
    }
    showRegister(std::move(db).value(), location);
    return true;
}

void MainWindow::showRegister(std::unique_ptr<core::Database> db, const QString &path)
{
    closeRegister();
    m_db = std::move(db);
    if (m_db->onServer())
        setWorkerLocation(*m_db, path);
    // The security auditor and administrator read no problems (issue #23): their own page only.
    m_readsLedgers = m_db->mayRead(QStringLiteral("problems"));
    const bool secadmin = m_db->loginRoles().contains(QLatin1String("secadmin"));
    const bool auditor = m_db->loginRoles().contains(QLatin1String("auditor"));
    m_pages->setCurrentWidget(m_readsLedgers         ? static_cast<QWidget *>(m_splitter)
                              : secadmin && !auditor ? static_cast<QWidget *>(m_usersPage)
                                                     : m_auditView);
    if (!m_readsLedgers) {
        if (m_pages->currentWidget() == m_usersPage)
            m_usersPage->setDatabase(m_db.get());
        else
            m_auditView->setDatabase(m_db.get());
        updateTitle();
        applyRole();
        m_live->setDatabase(m_db.get());
        QSettings settings;
        addRecent(m_db->path());
        settings.setValue(kLastKey, m_db->path());
        settings.setValue(kLastServerKey, m_db->path());
        return;
    }
    m_safety->registerOpened(m_db.get());
    QSettings settings;
    const QString operatorName = settings.value(QStringLiteral("user/operator")).toString();
    m_db->setActor(operatorName.isEmpty() ? qEnvironmentVariable("USER", QStringLiteral("rectrack"))
                                          : operatorName);
    m_asOf = m_db->defaultAsOf();
    {
        const QSignalBlocker block(m_asOfEdit);
        m_asOfEdit->setDate(m_asOf);
    }
    updateHistorical();
    loadRegisterSettings();
    m_filterBar->setDatabase(m_db.get());
    m_dashboard->setDatabase(m_db.get());
    // The office's registers and common problems only for a login that reads them (not a unit's).
    m_readsRegisters = m_db->mayRead(QStringLiteral("clues"));
    m_readsPatterns = m_db->mayRead(QStringLiteral("patterns"));
    m_registerView->setDatabase(registersDatabase(), m_asOf);
    m_editing->setDatabase(m_db.get());
    SimilarProblems::reset();
    m_patternsView->setDatabase(m_readsPatterns ? m_db.get() : nullptr, m_editing->context(), m_asOf);
    m_drill.reset();
    m_dashboardDirty = true;
    {
        // The tree selects "all problems"; the ledgers are queried once, below.
        const QSignalBlocker block(m_navigation);
        m_navigation->setDatabase(m_db.get());
    }
    m_scope = {};
    m_scopeTitle = tr("All problems");
    applyFilter();
    // The rectification ledger is queried when its tab is shown (applyPendingMeasureFilter).
    updateFigures();
    updateTitle();
    applyRole();
    m_live->setDatabase(m_db.get());
    // A server register is remembered by its address without the password (Database::path()).
    const QString location = m_db->onServer() ? m_db->path() : QFileInfo(path).absoluteFilePath();
    addRecent(location);
    settings.setValue(kLastKey, location);
    if (m_db->onServer())
        settings.setValue(kLastServerKey, location);
}

void MainWindow::closeRegister()
{
    m_pendingMeasureFilter.reset();
    m_pendingProblemFilter.reset();
    m_stale.clear();
    m_statusFigures->cancel();
    m_figures->clear();
    m_live->setDatabase(nullptr);
    m_auditView->setDatabase(nullptr);
    m_usersPage->setDatabase(nullptr);
    m_pages->setCurrentWidget(m_splitter);
    m_readsLedgers = true;
    m_readsRegisters = true;
    m_readsPatterns = true;
    m_editing->setDatabase(nullptr);
    m_problems->setDatabase(nullptr);
    m_measures->setDatabase(nullptr);
    m_filterBar->setDatabase(nullptr);
    m_dashboard->setDatabase(nullptr);
    m_registerView->setDatabase(nullptr, {});
    m_patternsView->setDatabase(nullptr, nullptr, {});
    SimilarProblems::reset();
    m_navigation->setDatabase(nullptr);
    m_detail->showNothing();
    m_safety->registerClosed();
    if (m_db)
        forgetWorkerLocation(*m_db);
    m_db.reset();
    updateHistorical();
    updateTitle();
}

void MainWindow::loadRegisterSettings()
{
    if (!m_db)
        return;
    const core::RegisterSettings s = core::SettingsService(*m_db).load();
    m_thresholds = s.thresholds;
    LightPalette palette;
    palette.red = QColor(s.redColor);
    palette.yellow = QColor(s.yellowColor);
    palette.green = QColor(s.greenColor);
    m_problems->setPalette(palette);
    m_measures->setPalette(palette);
}

core::LedgerFilter MainWindow::effectiveFilter() const
{
    return m_drill ? *m_drill : scopeFilter();
}

void MainWindow::showProblems(const core::LedgerFilter &filter, const QString &title)
{
    if (!m_db)
        return;
    m_drill = filter;
    m_scopeTitle = title;
    m_tabs->setCurrentIndex(ProblemTab);
    applyFilter();
}

core::LedgerFilter MainWindow::scopeFilter() const
{
    core::LedgerFilter f = m_filterBar->filter();
    if (m_scope.termId > 0)
        f.termId = m_scope.termId;
    if (m_scope.roundId > 0 && f.roundId == 0)
        f.roundId = m_scope.roundId;
    if (m_scope.inspectionId > 0)
        f.inspectionId = m_scope.inspectionId;
    if (m_scope.unitId > 0 && f.unitId == 0)
        f.unitId = m_scope.unitId;
    if (!m_scope.states.isEmpty() && f.states.isEmpty())
        f.states = m_scope.states;
    if (m_scope.light && !f.light)
        f.light = m_scope.light;
    return f;
}

void MainWindow::applyFilter()
{
    if (!m_db)
        return;
    BusyScope busy(this, tr("Searching…"));
    m_filterBar->setDrillDown(m_drill ? m_scopeTitle : QString());
    const core::LedgerFilter f = effectiveFilter();
    const core::LedgerContext ctx = ledgerContext();
    if (m_tabs->currentIndex() == MeasureTab) {
        // The hidden problem ledger likewise: re-reading its 100,000 ids was half of a filter
        // change on the rectification ledger (docs/benchmarks.md, round 3).
        m_pendingProblemFilter = f;
        m_pendingMeasureFilter.reset();
        m_measures->setQuery(m_db.get(), f, ctx);
    } else {
        m_pendingProblemFilter.reset();
        m_problems->setQuery(m_db.get(), f, ctx);
        m_pendingMeasureFilter = f; // queried when its tab is shown (applyPendingMeasureFilter)
    }
    updateCounts();
    if (!m_drill) { // a click-through keeps the dashboard's scope
        m_dashboardDirty = true;
        updateDashboard();
    }
}

void MainWindow::applyPendingMeasureFilter()
{
    if (!m_pendingMeasureFilter || !m_db)
        return;
    BusyScope busy(this, tr("Searching…"));
    const core::LedgerFilter f = *std::exchange(m_pendingMeasureFilter, std::nullopt);
    m_stale.remove(MeasureTab); // read now
    m_measures->setQuery(m_db.get(), f, ledgerContext());
}

void MainWindow::applyPendingProblemFilter()
{
    if (!m_pendingProblemFilter || !m_db)
        return;
    BusyScope busy(this, tr("Searching…"));
    const core::LedgerFilter f = *std::exchange(m_pendingProblemFilter, std::nullopt);
    m_stale.remove(ProblemTab); // read now
    m_problems->setQuery(m_db.get(), f, ledgerContext());
}

void MainWindow::updateDashboard()
{
    if (!m_db || !m_dashboardDirty || m_tabs->currentIndex() != DashboardTab)
        return;
    m_dashboardDirty = false;
    // The navigation's term and smart lists (已逾期, 待销号, 长期坚持) pick rows of the ledgers;
    // they are no filter the user set, so the dashboard (which always shows every state) does not
    // name them as filters it leaves out. What the filter bar sets is named.
    core::LedgerFilter f = scopeFilter();
    const core::LedgerFilter bar = m_filterBar->filter();
    f.termId = 0;
    f.states = bar.states;
    f.light = bar.light;
    m_dashboard->refresh(f, m_asOf, m_thresholds);
}

void MainWindow::setAsOf(const QDate &date)
{
    if (!date.isValid())
        return;
    m_asOf = date;
    {
        const QSignalBlocker block(m_asOfEdit);
        m_asOfEdit->setDate(date);
    }
    updateHistorical();
    const core::LedgerContext ctx = ledgerContext();
    BusyScope busy(this, tr("Computing…"));
    if (!m_pendingProblemFilter) // else the context is applied with the filter
        m_problems->setContext(ctx);
    if (!m_pendingMeasureFilter)
        m_measures->setContext(ctx);
    m_registerView->setDatabase(registersDatabase(), m_asOf);
    m_patternsView->setAsOf(m_asOf, historical());
    updateFigures();
    updateCounts();
    updateDetail();
    m_dashboardDirty = true;
    updateDashboard();
}

bool MainWindow::historical() const
{
    return m_db && m_asOf.isValid() && m_asOf < m_db->defaultAsOf();
}

core::LedgerContext MainWindow::ledgerContext() const
{
    return core::LedgerContext{m_asOf, m_thresholds, historical()};
}

void MainWindow::updateHistorical()
{
    const bool past = historical();
    m_editing->setReadOnly(past);
    if (past)
        m_asOfBannerText->setText(
            tr("As of %1: the register as it stood that day (problems fed back by then, each with its "
               "state, deadline and warning light on that day). Read-only.")
                .arg(Labels::date(m_asOf)));
    m_asOfBanner->setVisible(past);
}

QString MainWindow::headline() const
{
    m_statusFigures->wait();
    return m_figures->text();
}

void MainWindow::updateFigures()
{
    if (!m_db) {
        m_statusFigures->cancel();
        m_figures->clear();
        return;
    }
    // On a worker thread: 0.4 s of CPU at 100,000 problems (docs/benchmarks.md, round 3).
    m_statusFigures->request(m_db.get(), m_asOf);
}

void MainWindow::updateCounts()
{
    if (!m_db) {
        m_count->clear();
        return;
    }
    if (m_tabs->currentIndex() == RegistersTab) {
        m_count->setText(m_registerView->titleText());
        return;
    }
    const bool problems = m_tabs->currentIndex() != MeasureTab;
    // An empty ledger says why: an empty register how to begin, else that nothing matches.
    const bool emptyRegister = !m_db->scalar(QStringLiteral("SELECT 1 FROM problems LIMIT 1")).isValid();
    const QString empty = emptyRegister ? tr("No problems yet. Press Ctrl+N to register the first feedback.")
                                        : tr("Nothing matches the filter on this date.");
    m_problemView->setEmptyText(empty);
    m_measureView->setEmptyText(emptyRegister ? empty : tr("Nothing matches the filter on this date."));
    const QString scope = m_scopeTitle.isEmpty() ? QString() : m_scopeTitle + QStringLiteral(" · ");
    m_count->setText(scope + (problems ? tr("%n problem(s) shown", nullptr, m_problems->rowCount())
                                       : tr("%n measure(s) shown", nullptr, m_measures->rowCount())));
}

void MainWindow::refreshAfterEdit()
{
    if (!m_db)
        return;
    for (LedgerView *v : {m_problemView, m_measureView}) {
        auto *model = static_cast<LedgerModel *>(v->model());
        if ((model == m_measures && m_pendingMeasureFilter) ||
            (model == m_problems && m_pendingProblemFilter) ||
            m_stale.contains(model == m_measures ? MeasureTab : ProblemTab))
            continue; // re-queried when its tab is shown
        refreshKeepingCurrent(v);
    }
    m_navigation->refresh(); // a new inspection, changed problem counts
    updateFigures();
    updateCounts();
    m_dashboardDirty = true;
    updateDashboard();
    updateDetail();
}

void MainWindow::refreshKeepingCurrent(LedgerView *v)
{
    auto *model = static_cast<LedgerModel *>(v->model());
    const qint64 id = model->idAt(v->selectionModel()->currentIndex().row());
    const int column = std::max(0, v->selectionModel()->currentIndex().column());
    model->refresh();
    if (const int row = id > 0 ? model->rowOf(id) : -1; row >= 0)
        v->setCurrentIndex(model->index(row, column));
}

void MainWindow::refreshStaleTab(int index)
{
    if (!m_db || !m_stale.remove(index))
        return;
    if (index == ProblemTab && !m_pendingProblemFilter)
        refreshKeepingCurrent(m_problemView);
    else if (index == MeasureTab && !m_pendingMeasureFilter)
        refreshKeepingCurrent(m_measureView);
    else if (index == RegistersTab)
        m_registerView->refreshKeepingSelection();
    else if (index == PatternsTab)
        m_patternsView->reload();
}

void MainWindow::applyRole()
{
    const bool server = m_db && m_db->onServer();
    const QStringList roles = m_db ? m_db->loginRoles() : QStringList();
    const bool office = !server || roles.contains(QLatin1String("office"));
    for (QAction *a : m_officeActions)
        a->setVisible(office);
    for (QAction *a : m_fileActions)
        a->setVisible(!server);
    m_adminMenu->menuAction()->setVisible(roles.contains(QLatin1String("secadmin")));
    // Settings and categories: the office's and the system administrator's.
    m_settingsAction->setVisible(!server || office || roles.contains(QLatin1String("sysadmin")));
    // The registers of clues, referrals, evaluations … and the common problems are the office's:
    // a unit login does not read them.
    if (m_db && m_readsLedgers) {
        m_tabs->setTabVisible(RegistersTab, m_readsRegisters);
        m_tabs->setTabVisible(PatternsTab, m_readsPatterns);
    } else {
        m_tabs->setTabVisible(RegistersTab, true);
        m_tabs->setTabVisible(PatternsTab, true);
    }
}

void MainWindow::showUsers()
{
    if (!m_db)
        return;
    if (m_pages->currentWidget() == m_usersPage)
        return; // already the page shown
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Users and rights"));
    auto *layout = new QVBoxLayout(&dialog);
    auto *page = new UsersPage(&dialog);
    page->setDatabase(m_db.get());
    layout->addWidget(page);
    dialog.resize(900, 520);
    dialog.exec();
}

void MainWindow::refreshLive(const QSet<QString> &tables, const QSet<qint64> &problems)
{
    if (!m_db)
        return;
    if (!m_readsLedgers) {
        if (m_pages->currentWidget() == m_usersPage)
            m_usersPage->reload();
        else
            m_auditView->reload();
        return;
    }
    // What the shown tab shows is read again; the current row, the selection and the scroll
    // positions stay where they were (refreshAfterEdit keeps the current row by its id). The
    // hidden tabs are read again when shown (refreshStaleTab).
    const int shown = m_tabs->currentIndex();
    const bool all = tables.contains(QStringLiteral("*"));
    for (const int tab : {int(ProblemTab), int(MeasureTab)}) {
        if (tab != shown)
            m_stale.insert(tab);
    }
    if (shown != RegistersTab && m_tabs->isTabVisible(RegistersTab))
        m_stale.insert(RegistersTab);
    if (shown != PatternsTab && m_tabs->isTabVisible(PatternsTab) &&
        (all || tables.contains(QStringLiteral("patterns")) ||
         tables.contains(QStringLiteral("pattern_members"))))
        m_stale.insert(PatternsTab);
    QList<std::pair<int, int>> scroll;
    for (LedgerView *v : {m_problemView, m_measureView})
        scroll.append({v->verticalScrollBar()->value(), v->horizontalScrollBar()->value()});
    refreshAfterEdit();
    int i = 0;
    for (LedgerView *v : {m_problemView, m_measureView}) {
        v->verticalScrollBar()->setValue(scroll[i].first);
        v->horizontalScrollBar()->setValue(scroll[i].second);
        ++i;
    }
    if (shown == RegistersTab)
        m_registerView->refreshKeepingSelection();
    if (shown == PatternsTab && (all || tables.contains(QStringLiteral("patterns")) ||
                                 tables.contains(QStringLiteral("pattern_members"))))
        m_patternsView->reload();
    m_editing->problemsChangedElsewhere(all ? QSet<qint64>{0} : problems);
    statusBar()->showMessage(tr("Updated with changes saved by others."), 3000);
}

core::Database *MainWindow::registersDatabase() const
{
    return m_readsRegisters ? m_db.get() : nullptr;
}

LedgerView *MainWindow::currentView() const
{
    return m_tabs->currentIndex() == MeasureTab ? m_measureView : m_problemView;
}

void MainWindow::updateDetail()
{
    LedgerView *v = currentView();
    const QModelIndex current = v->selectionModel()->currentIndex();
    if (!m_db || !current.isValid()) {
        m_detail->showNothing();
        return;
    }
    const qint64 problemId = current.data(LedgerModel::ProblemIdRole).toLongLong();
    const qint64 measureId = v == m_measureView ? current.data(LedgerModel::IdRole).toLongLong() : 0;
    m_detail->showProblem(*m_db, problemId, measureId, ledgerContext());
}

void MainWindow::updateTitle()
{
    m_serverLabel->setVisible(m_db && m_db->onServer());
    if (m_db && m_db->onServer()) {
        const QString role = roleText(m_db->loginRoles());
        const QString who = role.isEmpty() ? m_db->actor() : tr("%1 (%2)").arg(m_db->actor(), role);
        setWindowTitle(tr("%1 — %2 - Rectrack inspection rectification register")
                           .arg(ConnectDialog::shortName(m_db->path()), who));
        m_serverLabel->setText(tr("Server %1 · login %2").arg(ConnectDialog::shortName(m_db->path()), who));
        m_serverLabel->setToolTip(m_db->path());
    } else if (m_db) {
        setWindowTitle(
            tr("%1 - Rectrack inspection rectification register").arg(QFileInfo(m_db->path()).fileName()));
    } else {
        setWindowTitle(tr("Rectrack inspection rectification register"));
    }
}

void MainWindow::addRecent(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(kRecentKey, recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(kRecentKey).toStringList();
    for (const QString &path : recent) {
        const bool server = core::Database::isServerLocation(path);
        QAction *a = m_recentMenu->addAction(server ? tr("Server: %1").arg(ConnectDialog::shortName(path))
                                                    : QDir::toNativeSeparators(path),
                                             this, [this, path] { openRegister(path); });
        if (server)
            a->setToolTip(path);
        a->setEnabled(server || QFileInfo::exists(path));
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::newRegister()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("New register"), QString(), registerFileFilter());
    if (!path.isEmpty())
        createRegister(path.contains(QLatin1Char('.')) ? path : path + QStringLiteral(".rtreg"));
}

void MainWindow::openDialog()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open register"), QString(), registerFileFilter());
    if (!path.isEmpty())
        openRegister(path);
}

void MainWindow::saveCurrentView()
{
    if (!m_db)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save view"), tr("Name of the view:"),
                                               QLineEdit::Normal, m_scopeTitle, &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    auto r = core::SavedViewService(*m_db).save(name, effectiveFilter());
    if (!r) {
        QMessageBox::warning(this, tr("Save view"), r.error().message);
        return;
    }
    const QSignalBlocker block(m_navigation);
    m_navigation->reloadSavedViews();
}

void MainWindow::removeView(qint64 id, const QString &name)
{
    if (!m_db || QMessageBox::question(this, tr("Delete saved view"),
                                       tr("Delete the saved view %1?").arg(name)) != QMessageBox::Yes)
        return;
    if (const core::Status s = core::SavedViewService(*m_db).remove(id); !s)
        QMessageBox::warning(this, tr("Delete saved view"), s.error().message);
    const QSignalBlocker block(m_navigation);
    m_navigation->reloadSavedViews();
}

namespace {

/// The columns of @p view as it shows them: logical indexes in visual order, hidden ones left out.
QList<int> shownColumns(const LedgerView *view)
{
    QList<int> cols;
    const QHeaderView *h = view->horizontalHeader();
    for (int visual = 0; visual < h->count(); ++visual) {
        const int logical = h->logicalIndex(visual);
        if (!h->isSectionHidden(logical))
            cols << logical;
    }
    return cols;
}

/// The line under a printed ledger cut at kMaxPrintRows rows (empty when every row is printed).
QString printNote(const LedgerView *view, int printed)
{
    const int all = view->model() ? view->model()->rowCount() : 0;
    return all > printed ? MainWindow::tr("First %1 of %2 rows; narrow the filter to print the rest.")
                               .arg(printed)
                               .arg(all)
                         : QString();
}

} // namespace

void MainWindow::printPreview()
{
    LedgerView *view = currentView();
    const QString title = QStringLiteral("%1 — %2 (%3)")
                              .arg(m_tabs->tabText(m_tabs->currentIndex()),
                                   m_scopeTitle.isEmpty() ? tr("All problems") : m_scopeTitle,
                                   tr("as of %1").arg(m_asOf.toString(Qt::ISODate)));
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape,
                                      QMarginsF(12, 10, 12, 10), QPageLayout::Millimeter));
    QPrintPreviewDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print preview"));
    // The busy indicator and its status text run until the pages are painted, and end before the
    // preview shows them.
    auto busy = std::make_unique<BusyScope>(this, tr("Preparing the print preview…"));
    const ReportTable table = LedgerPrint::table(view->model(), shownColumns(view), kMaxPrintRows);
    const QString note = printNote(view, int(table.rows.size()));
    connect(&dialog, &QPrintPreviewDialog::paintRequested, this, [&](QPrinter *p) {
        QPainter painter(p);
        LedgerPrint::paint(
            painter, p, QRectF(QPointF(0, 0), p->pageLayout().paintRectPixels(p->resolution()).size()),
            [p] { p->newPage(); }, title, table, note);
        busy.reset();
    });
    dialog.resize(1100, 800);
    dialog.exec();
    busy.reset();
}

void MainWindow::copyRows()
{
    const int n = currentView()->copySelection();
    statusBar()->showMessage(tr("%n row(s) copied", nullptr, n), 3000);
}

SettingsDialog *MainWindow::createSettingsDialog()
{
    QSettings settings;
    SettingsDialog::Values v;
    if (m_db)
        v.reg = core::SettingsService(*m_db).load();
    v.operatorName = settings.value(QStringLiteral("user/operator")).toString();
    v.language = settings.value(QStringLiteral("user/language"), QStringLiteral("zh_CN")).toString();
    v.backupIntervalMinutes = SafetyController::intervalMinutes();
    v.backupKeep = SafetyController::keep();
    auto *dialog = new SettingsDialog(v, this);
    if (m_db)
        dialog->addCategoryEditor(new CategoryEditor(*m_db, m_editing->context(), dialog));
    return dialog;
}

bool MainWindow::applySettings(const SettingsDialog::Values &values)
{
    QSettings settings;
    settings.setValue(QStringLiteral("user/operator"), values.operatorName);
    settings.setValue(QStringLiteral("user/language"), values.language);
    SafetyController::setBackupSettings(values.backupIntervalMinutes, values.backupKeep);
    m_safety->reloadSettings();
    if (!m_db)
        return true;
    if (!values.operatorName.isEmpty())
        m_db->setActor(values.operatorName);
    if (const core::Status s = core::SettingsService(*m_db).save(values.reg); !s) {
        QMessageBox::warning(this, tr("Settings"), s.error().message);
        return false;
    }
    loadRegisterSettings();
    setAsOf(m_asOf);
    return true;
}

void MainWindow::showSettings()
{
    SettingsDialog *dialog = createSettingsDialog();
    if (dialog->exec() == QDialog::Accepted)
        applySettings(dialog->values());
    dialog->deleteLater();
}

QString MainWindow::helpPage() const
{
    if (historical())
        return QStringLiteral("as-of");
    switch (m_tabs->currentIndex()) {
    case DashboardTab:
        return QStringLiteral("dashboard-report");
    case RegistersTab:
        return QStringLiteral("supervision");
    case PatternsTab:
        return QStringLiteral("common-problems");
    default:
        return QStringLiteral("overview");
    }
}

void MainWindow::about()
{
    QMessageBox::about(
        this, tr("About Rectrack"),
        tr("<h3>Rectrack %1</h3><p>Inspection rectification supervision register: the problem "
           "ledger and the rectification ledger on one platform.</p><p>Runs offline; the register "
           "is one local file.</p>")
            .arg(QCoreApplication::applicationVersion()));
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (settings.contains(QStringLiteral("window/state")))
        restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    if (settings.contains(QStringLiteral("window/splitter")))
        m_splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
    const QList<std::pair<LedgerView *, QString>> views{{m_problemView, QStringLiteral("ledger/problems")},
                                                        {m_measureView, QStringLiteral("ledger/measures")}};
    for (const auto &[view, key] : views) {
        QHeaderView *h = view->horizontalHeader();
        if (settings.contains(key)) {
            h->restoreState(settings.value(key).toByteArray());
            continue;
        }
        // First start: widths that fit the usual content of each column.
        const int em = view->fontMetrics().horizontalAdvance(QChar(0x4E2D));
        if (view == m_problemView) {
            const int widths[] = {7, 9, 24, 7, 5, 4, 8, 9, 9, 8, 6, 9, 4, 16, 7};
            for (int c = 0; c < ProblemLedgerModel::ColumnCount; ++c)
                h->resizeSection(c, widths[c] * em + 8);
        } else {
            const int widths[] = {6, 3, 17, 5, 8, 7, 5, 4, 18, 9, 8, 9, 8};
            for (int c = 0; c < MeasureLedgerModel::ColumnCount; ++c)
                h->resizeSection(c, widths[c] * em + 8);
        }
    }
}

void MainWindow::saveLayout()
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("ledger/problems"), m_problemView->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("ledger/measures"), m_measureView->horizontalHeader()->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    event->accept();
}

bool MainWindow::saveScreenshots(const QString &dir)
{
    QDir().mkpath(dir);
    bool ok = true;
    auto settle = [this] {
        m_statusFigures->wait(); // the status bar's figures
        for (int i = 0; i < 5; ++i)
            QCoreApplication::processEvents();
    };
    auto shoot = [&](QWidget *w, const QString &name) {
        settle();
        ok = w->grab().save(QDir(dir).filePath(name)) && ok;
    };
    auto selectFirst = [](LedgerView *v) {
        if (v->model()->rowCount() > 0) {
            v->selectRow(0);
            v->setCurrentIndex(v->model()->index(0, 0));
        }
    };
    setGeometry(0, 0, 1440, 900);
    if (!m_readsLedgers) {
        // The security auditor's or administrator's own page, at both screen sizes.
        const QString page =
            m_pages->currentWidget() == m_usersPage ? QStringLiteral("users") : QStringLiteral("audit-log");
        shoot(this, page + QStringLiteral("-1440x900.png"));
        setGeometry(0, 0, 1024, 768);
        shoot(this, page + QStringLiteral("-1024x768.png"));
        return ok;
    }
    m_splitter->setSizes({230, 1440 - 230 - 340, 340});
    settle();
    m_navigation->selectSmartList(NavigationPane::SmartList::All);
    m_tabs->setCurrentIndex(ProblemTab);
    selectFirst(m_problemView);
    shoot(this, QStringLiteral("problem-ledger.png"));
    m_tabs->setCurrentIndex(MeasureTab);
    selectFirst(m_measureView);
    shoot(this, QStringLiteral("rectification-ledger.png"));
    m_tabs->setCurrentIndex(ProblemTab);
    m_navigation->selectSmartList(NavigationPane::SmartList::Overdue);
    selectFirst(m_problemView);
    shoot(this, QStringLiteral("overdue.png"));
    // The register as it stood on a past date, under its banner (the demo: 2020-06-30).
    m_navigation->selectSmartList(NavigationPane::SmartList::All);
    const QDate today = m_db ? m_db->defaultAsOf() : m_asOf;
    setAsOf(QDate(today.year() - 1, 6, 30));
    selectFirst(m_problemView);
    shoot(this, QStringLiteral("as-of-banner.png"));
    setAsOf(today);
    // Page 2 of the printed problem ledger (A4 landscape, as Ctrl+P prints it): the header row
    // repeats on it.
    {
        const QSizeF paper(1123, 794); // A4 landscape at 96 dpi
        QImage image(paper.toSize(), QImage::Format_RGB32);
        image.setDotsPerMeterX(3780); // 96 dpi
        image.setDotsPerMeterY(3780);
        image.fill(Qt::white);
        QImage page2;
        int page = 1;
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        const ReportTable table =
            LedgerPrint::table(m_problemView->model(), shownColumns(m_problemView), kMaxPrintRows);
        const qreal margin = 12 / 25.4 * 96;
        LedgerPrint::paint(
            painter, &image,
            QRectF(margin, margin * 10 / 12, paper.width() - 2 * margin,
                   paper.height() - 2 * margin * 10 / 12),
            [&] {
                if (++page == 3)
                    page2 = image.copy();
                painter.fillRect(QRectF(QPointF(0, 0), paper), Qt::white);
            },
            tr("Problem ledger"), table, printNote(m_problemView, int(table.rows.size())));
        painter.end();
        if (page2.isNull())
            page2 = image;
        ok = page2.save(QDir(dir).filePath(QStringLiteral("print-preview-page2.png"))) && ok;
    }
    // The main window at 1024×768: the navigation labels and the status bar stay readable.
    setGeometry(0, 0, 1024, 768);
    m_splitter->setSizes({200, 1024 - 200, 0});
    selectFirst(m_problemView);
    shoot(this, QStringLiteral("main-window-1024x768.png"));
    setGeometry(0, 0, 1440, 900);
    m_splitter->setSizes({230, 1440 - 230 - 340, 340});
    // The user manual (帮助 → 操作手册) at its page on measures, progress and evidence.
    {
        auto *manual = new ManualBrowser({}, this); // deletes itself when closed
        manual->setGeometry(0, 0, 1080, 720);
        manual->showPage(QStringLiteral("measures"));
        manual->show();
        shoot(manual, QStringLiteral("manual.png"));
        manual->close();
    }
    SettingsDialog *dialog = createSettingsDialog();
    if (auto *categories = dialog->findChild<CategoryEditor *>()) {
        const auto tree = core::CategoryService(*m_db).tree();
        if (!tree.isEmpty())
            categories->select(tree.first().id); // the editor's buttons enabled
    }
    dialog->show();
    shoot(dialog, QStringLiteral("settings.png"));
    dialog->close();
    dialog->deleteLater();
    {
        WelcomeDialog welcome(this);
        welcome.show();
        shoot(&welcome, QStringLiteral("welcome.png"));
        welcome.close();
    }
    {
        // 文件 → 连接服务器…, filled in with this server's address (an example for a file).
        ConnectDialog connectDialog(this);
        connectDialog.setUrl(m_db && m_db->onServer()
                                 ? m_db->path()
                                 : QStringLiteral("postgresql://wang.fang@db.office.local/rectrack"));
        connectDialog.show();
        shoot(&connectDialog, QStringLiteral("connect.png"));
        connectDialog.close();
    }
    if (m_db && m_problems->rowCount() > 0) {
        // The conflict view as a second clerk meets it: the first problem, changed by another login
        // while this one typed (sample edits, nothing is saved).
        if (const auto read = core::ProblemService(*m_db).problem(m_problems->idAt(0))) {
            core::Problem theirs = *read;
            theirs.description += QStringLiteral("（已按市委巡察组反馈意见修改）");
            theirs.deadline = read->deadline.isValid() ? read->deadline.addMonths(3) : QDate(2021, 6, 30);
            core::Problem mine = *read;
            mine.note = QStringLiteral("已约谈相关责任人，整改方案报区委审定。");
            mine.responsiblePerson = QStringLiteral("陈某某");
            QHash<qint64, QString> categories;
            for (const auto &[id, name, depth] : core::LedgerQuery(*m_db).categories())
                categories.insert(id, name);
            const QString change =
                QStringLiteral("{\"actor\":\"li.ming\",\"at\":\"%1\"}")
                    .arg(QDateTime::currentDateTimeUtc().addSecs(-120).toString(Qt::ISODate));
            ConflictDialog conflict(*read, mine, theirs, change, categories, this);
            conflict.show();
            shoot(&conflict, QStringLiteral("conflict.png"));
            conflict.close();
        }
    }
    m_navigation->selectSmartList(NavigationPane::SmartList::All);
    // The dashboard at the two common screen sizes, once its worker has delivered the figures.
    m_tabs->setCurrentIndex(DashboardTab);
    const QSize sizes[] = {{1440, 900}, {1024, 768}};
    for (const QSize &size : sizes) {
        setGeometry(0, 0, size.width(), size.height());
        m_splitter->setSizes({size.width() >= 1400 ? 230 : 190, size.width(), 0});
        QElapsedTimer timer;
        timer.start();
        while (m_dashboard->isBusy() && timer.elapsed() < 60000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        shoot(this, QStringLiteral("dashboard-%1x%2.png").arg(size.width()).arg(size.height()));
    }
    // Each supervision register, picked in the navigation tree.
    setGeometry(0, 0, 1440, 900);
    m_splitter->setSizes({230, 1440 - 230, 0});
    // The supervision registers and the editors' samples where the login may see them (a unit login
    // on a server reads neither the office's registers nor the whole register the samples copy).
    const bool registers = m_tabs->isTabVisible(RegistersTab);
    for (RegisterModel::Register reg : RegisterModel::all()) {
        if (!registers)
            break;
        m_navigation->selectRegister(int(reg));
        shoot(this, QStringLiteral("register-%1.png").arg(RegisterModel::key(reg)));
    }
    if (registers)
        ok = m_registerView->saveEditorScreenshots(dir) && ok;
    m_navigation->selectSmartList(NavigationPane::SmartList::All);
    m_tabs->setCurrentIndex(ProblemTab);
    setGeometry(0, 0, 1440, 900);
    if (m_db && m_db->seesWholeRegister() && m_editing->mayRegister())
        ok = m_editing->saveScreenshots(dir) && ok; // registration dialog, problem editor, review
    // An exchange site (issue #26): the 交换 page, its conflict list, the export dialog, and the import
    // preview of the first package (.rtx) found in @p dir.
    if (m_db && core::exchange::Sites::self(*m_db)) {
        ExchangeDialog page(*m_db, this);
        page.show();
        shoot(&page, QStringLiteral("exchange.png"));
        page.tabs()->setCurrentIndex(ExchangeDialog::ConflictsTab);
        if (page.conflictsTable()->rowCount() > 0)
            page.conflictsTable()->selectRow(0);
        shoot(&page, QStringLiteral("exchange-conflicts.png"));
        page.tabs()->setCurrentIndex(ExchangeDialog::DuplicatesTab);
        if (page.duplicatesTable()->rowCount() > 0)
            page.duplicatesTable()->selectRow(0);
        shoot(&page, QStringLiteral("exchange-duplicates.png"));
        page.close();
        ExportPackageDialog writer(*m_db, this);
        writer.markingBox()->setCurrentText(QStringLiteral("内部资料"));
        writer.show();
        shoot(&writer, QStringLiteral("exchange-export.png"));
        writer.close();
        const QStringList packages = QDir(dir).entryList({QStringLiteral("*.rtx")}, QDir::Files, QDir::Name);
        if (!packages.isEmpty()) {
            ImportPackageDialog preview(*m_db, this);
            preview.setPackage(QDir(dir).filePath(packages.first()));
            preview.show();
            shoot(&preview, QStringLiteral("exchange-import-preview.png"));
            preview.close();
        }
    }
    return ok;
}

core::Result<int> MainWindow::exportLedger(const QString &path)
{
    if (!m_db)
        return core::Error{core::ErrorCode::InputRefused, tr("No register is open.")};
    const bool measures = m_tabs->currentIndex() == MeasureTab;
    if (measures)
        applyPendingMeasureFilter();
    else
        applyPendingProblemFilter();
    LedgerModel *model = measures ? static_cast<LedgerModel *>(m_measures) : m_problems;
    core::ExportOptions o;
    o.kind = measures ? core::LedgerKind::Measures : core::LedgerKind::Problems;
    QList<qint64> ids;
    ids.reserve(model->rowCount());
    for (int r = 0; r < model->rowCount(); ++r)
        ids << model->idAt(r);
    o.ids = ids;
    if (historical())
        o.asOf = m_asOf;
    BusyScope busy(this, tr("Exporting…"));
    return core::LedgerExporter::exportTo(*m_db, o, path);
}

void MainWindow::exportLedgerDialog()
{
    if (!m_db)
        return;
    const bool measures = m_tabs->currentIndex() == MeasureTab;
    const QString name = measures ? tr("Rectification ledger") : tr("Problem ledger");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export ledger"),
                                                      QDir::home().filePath(name + QStringLiteral(".xlsx")),
                                                      tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"));
    if (path.isEmpty())
        return;
    const QString target = path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) ||
                                   path.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive)
                               ? path
                               : path + QStringLiteral(".xlsx");
    auto rows = exportLedger(target);
    if (!rows) {
        QMessageBox::warning(this, tr("Export ledger"), rows.error().message);
        return;
    }
    statusBar()->showMessage(
        tr("%n row(s) written to %1", nullptr, *rows).arg(QDir::toNativeSeparators(target)), 6000);
}

bool MainWindow::exchangeSite()
{
    if (!m_db)
        return false;
    auto me = core::exchange::Sites::self(*m_db);
    if (!me) {
        QMessageBox::information(this, tr("Exchange"), me.error().message);
        return false;
    }
    return true;
}

void MainWindow::writeExchangePackage()
{
    if (!exchangeSite())
        return;
    ExportPackageDialog dialog(*m_db, this);
    dialog.exec();
}

void MainWindow::importExchangePackage()
{
    if (!exchangeSite())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Import exchange package"), QDir::homePath(),
                                                      tr("Exchange packages (*.rtx)"));
    if (path.isEmpty())
        return;
    importExchangePackageFile(path);
}

void MainWindow::importExchangePackageFile(const QString &path)
{
    if (!m_db)
        return;
    ImportPackageDialog dialog(*m_db, this);
    dialog.setPackage(path);
    if (dialog.exec() != QDialog::Accepted || !dialog.result())
        return;
    const core::exchange::ImportResult &r = *dialog.result();
    // The whole package as one step on the window's undo stack (Ctrl+Z takes it back).
    auto refresh = [this] {
        if (!m_db)
            return;
        m_navigation->refresh();
        applyFilter();
        updateFigures();
    };
    if (!dialog.undo().empty())
        ImportWizard::undoStackFor(this)->push(
            new ExchangeImportCommand([this] { return database(); }, m_db->path(), dialog.packagePath(),
                                      dialog.trusted(), r, dialog.undo(), refresh,
                                      [this](const QString &message) {
                                          QMessageBox::warning(this, tr("Import exchange package"), message);
                                      }));
    refresh();
    statusBar()->showMessage(tr("Applied package %1 from %2: %3 new, %4 updated, %5 conflicts.")
                                 .arg(r.seq)
                                 .arg(r.sender)
                                 .arg(r.total.added)
                                 .arg(r.total.updated)
                                 .arg(r.total.conflicts),
                             10000);
    if (r.total.conflicts > 0)
        showExchange(ExchangeDialog::ConflictsTab);
    else if (r.possibleDuplicates > 0)
        showExchange(ExchangeDialog::DuplicatesTab);
}

void MainWindow::showExchange(int tab)
{
    if (!exchangeSite())
        return;
    ExchangeDialog dialog(*m_db, this);
    dialog.tabs()->setCurrentIndex(tab);
    auto refresh = [this] {
        applyFilter();
        updateFigures();
    };
    connect(&dialog, &ExchangeDialog::registerChanged, this, refresh);
    dialog.setUndoStack(
        ImportWizard::undoStackFor(this), [this] { return database(); }, refresh);
    dialog.exec();
}

void MainWindow::exportReport()
{
    if (!m_db)
        return;
    // Units as the statistics by unit name them (a district's unit kept apart with its office).
    const QStringList units = core::exchange::UnitDuplicates::groupNames(*m_db);
    QStringList rounds;
    for (const core::Round &r : core::OrganizationService(*m_db).rounds())
        rounds << r.label;
    ReportDialog dlg(units, rounds, m_db->defaultAsOf(), this);
    // The report follows the current scope of the ledger (unit, round, source level).
    const core::LedgerFilter filter = effectiveFilter();
    core::StatsFilter scope;
    if (filter.unitId > 0)
        scope.unit = core::exchange::UnitDuplicates::groupName(*m_db, filter.unitId);
    if (filter.roundId > 0)
        scope.round = m_db->scalar(QStringLiteral("SELECT label FROM rounds WHERE id = ?"), {filter.roundId})
                          .toString();
    scope.source = filter.source;
    dlg.setScope(scope);
    connect(&dlg, &ReportDialog::exportRequested, &dlg, [&](const ReportRequest &r) {
        QApplication::setOverrideCursor(Qt::WaitCursor);
        const core::Status s = writeReport(*m_db, r.options, r.path, [&](int p) { dlg.setProgress(p); });
        QApplication::restoreOverrideCursor();
        dlg.finish(s);
        if (s)
            statusBar()->showMessage(tr("Report written to %1").arg(QDir::toNativeSeparators(r.path)), 10000);
    });
    dlg.exec();
}

} // namespace rectrack::ui
