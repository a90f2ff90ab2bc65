#pragma once

/**
 * The import wizard (File → Import ledgers…, issue #9): an office loads the ledgers its units
 * sent back, several files at once.
 *
 *  1. Files: one or several .xlsx/.csv files, and the round, source level and feedback date
 *     the new problems are registered under.
 *  2. Columns: per file, the sheet, the unit it belongs to (proposed from the ledger's title or
 *     file name, core::UnitProposal) and the column mapping: every column with what it was
 *     recognised as; unknown columns are marked and kept as notes unless the user assigns them.
 *  3. Preview: per file, the ledger as a table with every error highlighted at its cell (the
 *     row and column named in the message, as the importer reports them), the list of errors
 *     and warnings, and for a unit already in the register the monthly update it makes (state
 *     changes, progress, new, unchanged, no longer in the ledger; core::LedgerUpdatePlan).
 *     The preview is a dry run of the importer. Files with errors are skipped; the others can
 *     be unticked too.
 *  4. Import: the ticked files one after another with a progress bar, each all-or-nothing; the
 *     whole run becomes one LedgerImportCommand on the undo stack.
 *
 * The wizard never touches SQL: it reads through core::LedgerImporter/LedgerRecognizer and
 * writes through core::LedgerImporter.
 */

#include "commands/ledgerimportcommand.h"
#include "io/ledgerimporter.h"
#include "io/ledgerupdateplan.h"
#include "storage/database.h"

#include <QWizard>

#include <functional>
#include <optional>

class QComboBox;
class QDateEdit;
class QLabel;
class QListWidget;
class QMenu;
class QProgressBar;
class QTabWidget;
class QTableWidget;
class QTreeWidget;
class QUndoStack;
class QPlainTextEdit;

namespace rectrack::ui {

class MainWindow;

/// One file of the wizard and everything read or decided about it.
struct ImportFileEntry
{
    QString path;
    std::optional<core::Workbook> workbook;
    QString readError;                          ///< why the file cannot be read (then no workbook)
    int sheet = -1;                             ///< index into workbook->sheets
    QString unit;                               ///< the unit it belongs to (proposed, then the user's)
    QHash<QString, core::LedgerField> map;      ///< header → field chosen by the user
    core::RecognizedLedger ledger;              ///< the chosen sheet, recognised with map
    core::ImportReport preview;                 ///< dry run of the import
    std::optional<core::LedgerUpdatePlan> plan; ///< against the register (when the unit exists)
    bool include = true;                        ///< ticked for import
    bool unticked = false;                      ///< unticked by the user (not for its errors)
    bool done = false;                          ///< imported
    core::ImportReport result;                  ///< the real import's report

    QString fileName() const;
    /// Whether the recognised sheet has a unit column (a combined ledger, 汇总台账).
    bool hasUnitColumn() const;
    bool hasErrors() const { return !readError.isEmpty() || !preview.errors.isEmpty(); }
};

class ImportWizard : public QWizard
{
    Q_OBJECT
public:
    enum Page
    {
        FilesPage,
        MappingPage,
        PreviewPage,
        ImportPage
    };

    explicit ImportWizard(core::Database *db, QWidget *parent = nullptr);
    ~ImportWizard() override;

    /// Adds files to the list (also what the Add button does after its file dialog).
    void addFiles(const QStringList &paths);
    QList<ImportFileEntry> &entries() { return m_entries; }
    /// Options shared by every file (round, source level, feedback date).
    core::ImportOptions commonOptions() const;
    /// The import options of one file (common options + sheet, unit, map).
    core::ImportOptions optionsFor(const ImportFileEntry &entry) const;

    /// The file shown on the mapping and preview pages.
    int currentFile() const { return m_current; }
    void setCurrentFile(int index);
    /// Assigns @p field to the column with header @p header of the current file (the mapping step).
    void mapColumn(int column, core::LedgerField field);
    void setUnit(const QString &unit);

    QTableWidget *mappingTable() const { return m_mapping; }
    QTableWidget *previewTable() const { return m_preview; }
    QListWidget *previewFiles() const { return m_previewFiles; }
    QListWidget *issueList() const { return m_issues; }
    QTreeWidget *updateTree() const { return m_update; }
    QTabWidget *previewTabs() const { return m_previewTabs; }
    QProgressBar *progressBar() const { return m_progress; }

    /// The files imported by the last run (what the undo command holds).
    const QList<LedgerImportCommand::Item> &imported() const { return m_imported; }

    /// Runs the import of the ticked files (the import page does this when it is shown).
    void runImport();

    /// File → Import ledgers…: runs the wizard on @p window's register and pushes the import
    /// onto the window's undo stack (see undoStackFor).
    static void run(MainWindow *window, const std::function<void()> &changed);
    /// The window's undo stack: the QUndoStack child of @p window if there is one (the problem
    /// editor's), else one created for the imports, with "Undo import" actions added to @p menu.
    static QUndoStack *undoStackFor(QWidget *window, QMenu *menu = nullptr);
    /// Adds File → Import ledgers…, File → Export template… and File → Export ledgers by unit… to
    /// @p menu of @p window.
    static void installActions(MainWindow *window, QMenu *menu, const std::function<void()> &changed);
    /// File → Export template…: asks for a file name and writes core::LedgerTemplate.
    static void exportTemplate(MainWindow *window);
    /// Asks for a folder and writes the problem ledger of every unit there, one .xlsx per unit
    /// named after it (core::LedgerExporter::exportByUnit), to send back for the monthly update.
    static void exportByUnit(MainWindow *window);

Q_SIGNALS:
    /// Emitted after the import page ran: @p imported files were imported, @p failed were not.
    void importFinished(int imported, int failed);

protected:
    void initializePage(int id) override;
    bool validateCurrentPage() override;

private:
    void buildFilesPage();
    void buildMappingPage();
    void buildPreviewPage();
    void buildImportPage();
    void loadEntry(ImportFileEntry &entry);
    void recognizeEntry(ImportFileEntry &entry);
    void showMapping();
    void showPreview();
    void refreshPreviewList();
    void chooseSheet(int index);

    core::Database *m_db;
    QList<ImportFileEntry> m_entries;
    int m_current = 0;
    bool m_updating = false;

    QListWidget *m_files = nullptr;
    QComboBox *m_round = nullptr;
    QComboBox *m_source = nullptr;
    QDateEdit *m_feedback = nullptr;

    QComboBox *m_mappingFile = nullptr;
    QComboBox *m_sheet = nullptr;
    QComboBox *m_unit = nullptr;
    QLabel *m_mappingNote = nullptr;
    QTableWidget *m_mapping = nullptr;

    QListWidget *m_previewFiles = nullptr;
    QLabel *m_previewSummary = nullptr;
    QTabWidget *m_previewTabs = nullptr;
    QTableWidget *m_preview = nullptr;
    QListWidget *m_issues = nullptr;
    QLabel *m_issuesTitle = nullptr;
    QTreeWidget *m_update = nullptr;

    QProgressBar *m_progress = nullptr;
    QPlainTextEdit *m_log = nullptr;
    bool m_ran = false;
    QList<LedgerImportCommand::Item> m_imported;
};

} // namespace rectrack::ui
