#include "importwizard.h"

#include "help/manualbrowser.h"
#include "io/ledgerexporter.h"
#include "io/ledgerrules.h"
#include "io/ledgertemplate.h"
#include "io/unitproposal.h"
#include "sourcelevelchoice.h"
#include "views/mainwindow.h"
#include "workflow/organizationservice.h"
#include "workflow/registerlevel.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace rectrack::ui {

namespace {

const QColor kErrorColor(255, 199, 199);
const QColor kWarningColor(255, 236, 179);
const QColor kUnknownColor(255, 243, 205);
constexpr int kPreviewRowLimit = 5000;

const QList<core::LedgerField> kFields{core::LedgerField::Seq,
                                       core::LedgerField::RegistrationNo,
                                       core::LedgerField::Category,
                                       core::LedgerField::Problem,
                                       core::LedgerField::Measures,
                                       core::LedgerField::LeadLeader,
                                       core::LedgerField::ResponsibleOffice,
                                       core::LedgerField::ResponsiblePerson,
                                       core::LedgerField::Unit,
                                       core::LedgerField::Deadline,
                                       core::LedgerField::Progress,
                                       core::LedgerField::Status,
                                       core::LedgerField::Evidence,
                                       core::LedgerField::Note,
                                       core::LedgerField::Ignore};

QString stateName(core::ProblemState s)
{
    return core::Names::display(s);
}

} // namespace

bool ImportFileEntry::hasUnitColumn() const
{
    return std::any_of(ledger.columns.cbegin(), ledger.columns.cend(),
                       [](const core::LedgerColumn &c) { return c.field == core::LedgerField::Unit; });
}

QString ImportFileEntry::fileName() const
{
    return QFileInfo(path).fileName();
}

ImportWizard::ImportWizard(core::Database *db, QWidget *parent) : QWizard(parent), m_db(db)
{
    setWindowTitle(tr("Import ledgers"));
    installContextHelp(this, QStringLiteral("import-export")); // F1: the manual's page
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    buildFilesPage();
    buildMappingPage();
    buildPreviewPage();
    buildImportPage();
    resize(1180, 760);
}

ImportWizard::~ImportWizard() = default;

void ImportWizard::buildFilesPage()
{
    auto *page = new QWizardPage;
    page->setTitle(tr("Choose the ledgers"));
    page->setSubTitle(
        tr("Add the ledgers the units sent back (.xlsx, .xls, .et, .docx or .csv); each file is imported on "
           "its own, all or nothing."));
    m_files = new QListWidget;
    m_files->setObjectName(QStringLiteral("files"));
    m_files->setSelectionMode(QAbstractItemView::ExtendedSelection);
    auto *add = new QPushButton(tr("&Add files…"));
    auto *remove = new QPushButton(tr("&Remove"));
    connect(add, &QPushButton::clicked, this, [this] {
        const QStringList paths = QFileDialog::getOpenFileNames(
            this, tr("Add ledgers"), QString(),
            tr("Ledgers (*.xlsx *.xls *.et *.docx *.csv *.txt);;All files (*)"));
        addFiles(paths);
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const auto selected = m_files->selectedItems();
        QList<int> rows;
        for (QListWidgetItem *item : selected)
            rows << m_files->row(item);
        std::sort(rows.begin(), rows.end(), std::greater<>());
        for (const int r : rows) {
            delete m_files->takeItem(r);
            m_entries.removeAt(r);
        }
    });
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    auto *list = new QHBoxLayout;
    list->addWidget(m_files, 1);
    list->addLayout(buttons);

    m_round = new QComboBox;
    m_round->setObjectName(QStringLiteral("round"));
    m_round->setEditable(true);
    m_round->addItem(QString());
    m_source = new QComboBox;
    m_source->setObjectName(QStringLiteral("source"));
    SourceLevelChoice::fill(m_source);
    if (m_db)
        SourceLevelChoice::select(m_source, SourceLevelChoice::defaultFor(core::registerSourceLevel(*m_db)));
    m_feedback = new QDateEdit;
    m_feedback->setObjectName(QStringLiteral("feedbackDate"));
    m_feedback->setCalendarPopup(true);
    m_feedback->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    if (m_db) {
        for (const core::Round &r : core::OrganizationService(*m_db).rounds())
            m_round->addItem(r.label);
        m_feedback->setDate(m_db->clock().today());
    }
    auto *form = new QFormLayout;
    form->addRow(tr("Round / batch:"), m_round);
    form->addRow(tr("Source level:"), m_source);
    form->addRow(tr("Feedback date of new problems:"), m_feedback);

    auto *layout = new QVBoxLayout(page);
    layout->addLayout(list, 1);
    layout->addLayout(form);
    setPage(FilesPage, page);
}

void ImportWizard::buildMappingPage()
{
    auto *page = new QWizardPage;
    page->setTitle(tr("Sheet, unit and columns"));
    page->setSubTitle(
        tr("Check for each file the sheet, the unit it belongs to and what each column holds. "
           "Columns that were not recognised are marked and kept as notes unless you assign them."));
    m_mappingFile = new QComboBox;
    m_mappingFile->setObjectName(QStringLiteral("mappingFile"));
    m_sheet = new QComboBox;
    m_sheet->setObjectName(QStringLiteral("sheet"));
    m_unit = new QComboBox;
    m_unit->setObjectName(QStringLiteral("unit"));
    m_unit->setEditable(true);
    m_unit->setMinimumContentsLength(16);
    connect(m_mappingFile, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (!m_updating && i >= 0)
            setCurrentFile(i);
    });
    connect(m_sheet, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (!m_updating && i >= 0)
            chooseSheet(i);
    });
    connect(m_unit, &QComboBox::currentTextChanged, this, [this](const QString &text) {
        if (!m_updating)
            setUnit(text);
    });
    auto *top = new QFormLayout;
    top->addRow(tr("File:"), m_mappingFile);
    top->addRow(tr("Sheet:"), m_sheet);
    top->addRow(tr("Unit:"), m_unit);
    m_mappingNote = new QLabel;
    m_mappingNote->setWordWrap(true);
    m_mapping = new QTableWidget(0, 4);
    m_mapping->setObjectName(QStringLiteral("mapping"));
    m_mapping->setHorizontalHeaderLabels(
        {tr("Column"), tr("Header in the ledger"), tr("Holds"), tr("First values")});
    m_mapping->verticalHeader()->hide();
    m_mapping->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_mapping->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Interactive);
    m_mapping->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Interactive);
    m_mapping->horizontalHeader()->setStretchLastSection(true);
    m_mapping->setColumnWidth(1, 220);
    m_mapping->setColumnWidth(2, 190);
    m_mapping->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_mapping->setSelectionMode(QAbstractItemView::NoSelection);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(top);
    layout->addWidget(m_mappingNote);
    layout->addWidget(m_mapping, 1);
    setPage(MappingPage, page);
}

void ImportWizard::buildPreviewPage()
{
    auto *page = new QWizardPage;
    page->setTitle(tr("Preview"));
    page->setSubTitle(
        tr("Cells with errors are red, warnings yellow. Files with errors are skipped; the other "
           "ticked files are imported, each file all or nothing."));
    page->setCommitPage(true);
    page->setButtonText(QWizard::CommitButton, tr("&Import"));
    m_previewFiles = new QListWidget;
    m_previewFiles->setObjectName(QStringLiteral("previewFiles"));
    connect(m_previewFiles, &QListWidget::currentRowChanged, this, [this](int row) {
        if (!m_updating && row >= 0)
            setCurrentFile(row);
    });
    connect(m_previewFiles, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        const int row = m_previewFiles->row(item);
        if (!m_updating && row >= 0 && row < m_entries.size()) {
            m_entries[row].include = item->checkState() == Qt::Checked;
            m_entries[row].unticked = !m_entries[row].include;
        }
    });
    m_previewSummary = new QLabel;
    m_previewSummary->setObjectName(QStringLiteral("previewSummary"));
    m_previewSummary->setWordWrap(true);
    m_preview = new QTableWidget;
    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setWordWrap(false);
    m_preview->horizontalHeader()->setDefaultSectionSize(150);
    m_issues = new QListWidget;
    m_issues->setObjectName(QStringLiteral("issues"));
    m_issues->setWordWrap(true);
    m_update = new QTreeWidget;
    m_update->setObjectName(QStringLiteral("update"));
    m_update->setColumnCount(4);
    m_update->setHeaderLabels({tr("Row"), tr("Registration no."), tr("Problem"), tr("Change")});
    m_update->setColumnWidth(0, 130);
    m_update->setColumnWidth(1, 90);
    m_update->setColumnWidth(2, 360);
    m_previewTabs = new QTabWidget;
    m_previewTabs->addTab(m_preview, tr("Ledger"));
    m_previewTabs->addTab(m_update, tr("Changes to the register"));
    connect(m_issues, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const QPoint cell = item->data(Qt::UserRole).toPoint();
        if (cell.y() >= 0) {
            m_previewTabs->setCurrentWidget(m_preview);
            m_preview->setCurrentCell(cell.y(), std::max(0, cell.x()));
        }
    });
    // The errors stay in view under the ledger and the changes.
    auto *issuesBox = new QWidget;
    auto *issuesLayout = new QVBoxLayout(issuesBox);
    issuesLayout->setContentsMargins(0, 0, 0, 0);
    m_issuesTitle = new QLabel(tr("Errors and warnings"));
    issuesLayout->addWidget(m_issuesTitle);
    issuesLayout->addWidget(m_issues, 1);
    auto *vertical = new QSplitter(Qt::Vertical);
    vertical->addWidget(m_previewTabs);
    vertical->addWidget(issuesBox);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 1);

    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_previewSummary);
    rightLayout->addWidget(vertical, 1);
    auto *split = new QSplitter;
    split->addWidget(m_previewFiles);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    split->setSizes({280, 860});
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(split, 1);
    setPage(PreviewPage, page);
}

void ImportWizard::buildImportPage()
{
    auto *page = new QWizardPage;
    page->setTitle(tr("Import"));
    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("progress"));
    m_log = new QPlainTextEdit;
    m_log->setObjectName(QStringLiteral("log"));
    m_log->setReadOnly(true);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_progress);
    layout->addWidget(m_log, 1);
    setPage(ImportPage, page);
}

void ImportWizard::addFiles(const QStringList &paths)
{
    for (const QString &path : paths) {
        const bool known = std::any_of(m_entries.cbegin(), m_entries.cend(),
                                       [&path](const ImportFileEntry &e) { return e.path == path; });
        if (known || path.isEmpty())
            continue;
        ImportFileEntry e;
        e.path = path;
        loadEntry(e);
        m_entries << e;
        m_files->addItem(QDir::toNativeSeparators(path));
    }
}

core::ImportOptions ImportWizard::commonOptions() const
{
    core::ImportOptions o;
    o.round = m_round->currentText().trimmed();
    o.source = core::SourceLevel(m_source->currentData().toInt());
    o.feedbackDate = m_feedback->date();
    return o;
}

core::ImportOptions ImportWizard::optionsFor(const ImportFileEntry &entry) const
{
    core::ImportOptions o = commonOptions();
    o.unit = entry.unit.trimmed();
    o.map = entry.map;
    if (entry.workbook && entry.sheet >= 0 && entry.sheet < entry.workbook->sheets.size())
        o.sheet = entry.workbook->sheets[entry.sheet].name;
    return o;
}

void ImportWizard::loadEntry(ImportFileEntry &entry)
{
    auto wb = core::LedgerImporter::readFile(entry.path);
    if (!wb) {
        entry.readError = wb.error().message;
        entry.include = false;
        return;
    }
    entry.workbook = *wb;
    core::RecognizerOptions ro;
    core::Error error;
    entry.sheet = core::LedgerRecognizer::chooseSheet(*entry.workbook, {}, ro, &error);
    if (entry.sheet < 0) {
        entry.readError = error.message;
        entry.sheet = entry.workbook->sheets.isEmpty() ? -1 : 0;
    }
    recognizeEntry(entry);
    QStringList known;
    if (m_db) {
        for (const core::Unit &u : core::OrganizationService(*m_db).units())
            known << u.name;
    }
    // The recognizer's title; a CSV whose only title cell heads the first row may have had it
    // read as the parent of a two-row header, so a lone text in row 1 stands in for it.
    QString title = entry.ledger.title;
    if (title.isEmpty() && entry.sheet >= 0 && !entry.workbook->sheets[entry.sheet].rows.isEmpty()) {
        QStringList texts;
        for (const core::Cell &c : entry.workbook->sheets[entry.sheet].rows.first().cells) {
            if (!c.isEmpty())
                texts << c.text.trimmed();
        }
        if (texts.size() == 1)
            title = texts.first();
    }
    // A combined ledger (汇总台账) names each row's unit; the unit field then only names the unit
    // of rows with an empty unit cell, and its title names no unit.
    entry.unit = entry.hasUnitColumn() ? QString() : core::UnitProposal::fromLedger(title, entry.path, known);
}

void ImportWizard::recognizeEntry(ImportFileEntry &entry)
{
    if (!entry.workbook || entry.sheet < 0)
        return;
    const core::ImportOptions o = optionsFor(entry);
    core::RecognizerOptions ro;
    ro.map = o.map;
    ro.year = o.feedbackDate.isValid() ? o.feedbackDate.year() : 0;
    ro.fallbackYear = m_db ? m_db->clock().today().year() : QDate::currentDate().year();
    ro.unit = o.unit;
    entry.ledger =
        core::LedgerRecognizer::recognize(*entry.workbook, entry.workbook->sheets[entry.sheet], ro);
}

void ImportWizard::setCurrentFile(int index)
{
    if (index < 0 || index >= m_entries.size())
        return;
    m_current = index;
    if (currentId() == MappingPage)
        showMapping();
    else if (currentId() == PreviewPage)
        showPreview();
}

void ImportWizard::chooseSheet(int index)
{
    if (m_current >= m_entries.size())
        return;
    ImportFileEntry &e = m_entries[m_current];
    if (!e.workbook || index >= e.workbook->sheets.size())
        return;
    e.sheet = index;
    e.readError.clear();
    recognizeEntry(e);
    showMapping();
}

void ImportWizard::setUnit(const QString &unit)
{
    if (m_current < m_entries.size())
        m_entries[m_current].unit = unit.trimmed();
}

void ImportWizard::mapColumn(int column, core::LedgerField field)
{
    if (m_current >= m_entries.size())
        return;
    ImportFileEntry &e = m_entries[m_current];
    for (const core::LedgerColumn &c : std::as_const(e.ledger.columns)) {
        if (c.index == column && !c.header.isEmpty()) {
            e.map.insert(c.header, field);
            break;
        }
    }
    recognizeEntry(e);
    if (currentId() == MappingPage)
        showMapping();
}

void ImportWizard::showMapping()
{
    m_updating = true;
    m_mappingFile->clear();
    for (const ImportFileEntry &e : std::as_const(m_entries))
        m_mappingFile->addItem(e.fileName());
    m_mappingFile->setCurrentIndex(m_current);
    m_sheet->clear();
    m_mapping->setRowCount(0);
    m_unit->clear();
    if (m_db) {
        for (const core::Unit &u : core::OrganizationService(*m_db).units())
            m_unit->addItem(u.name);
    }
    if (m_current >= m_entries.size()) {
        m_updating = false;
        return;
    }
    const ImportFileEntry &e = m_entries[m_current];
    m_unit->setCurrentText(e.unit);
    if (!e.workbook) {
        m_mappingNote->setText(tr("This file cannot be read and will be skipped: %1").arg(e.readError));
        m_updating = false;
        return;
    }
    for (const core::Sheet &s : e.workbook->sheets)
        m_sheet->addItem(s.name.isEmpty() ? tr("(CSV)") : s.name);
    m_sheet->setCurrentIndex(e.sheet);
    m_sheet->setEnabled(e.workbook->sheets.size() > 1);

    const core::RecognizedLedger &l = e.ledger;
    if (l.headerRow == 0) {
        m_mappingNote->setText(!l.errors.isEmpty() ? l.errors.first().toString()
                                                   : tr("No header row was found on this sheet."));
        m_updating = false;
        return;
    }
    int unknown = 0;
    const core::Sheet &sheet = e.workbook->sheets[e.sheet];
    m_mapping->setRowCount(int(l.columns.size()));
    for (int i = 0; i < l.columns.size(); ++i) {
        const core::LedgerColumn &c = l.columns[i];
        const bool recognised = c.mapped || core::LedgerRules::fieldForHeader(c.header).has_value();
        const bool userMapped = e.map.contains(c.header);
        auto *letter = new QTableWidgetItem(core::columnLetters(c.index));
        letter->setData(Qt::UserRole, c.index);
        auto *header = new QTableWidgetItem(c.header);
        QStringList samples;
        for (int r = l.headerRow; r < sheet.rows.size() && samples.size() < 3; ++r) {
            const QString v = sheet.cell(r, c.index).text.simplified();
            if (!v.isEmpty())
                samples << (v.size() > 30 ? v.left(30) + QStringLiteral("…") : v);
        }
        auto *sample = new QTableWidgetItem(samples.join(QStringLiteral(" | ")));
        auto *combo = new QComboBox;
        combo->setObjectName(QStringLiteral("field%1").arg(c.index));
        for (const core::LedgerField f : kFields)
            combo->addItem(core::LedgerRules::fieldName(f), int(f));
        combo->setCurrentIndex(combo->findData(int(c.field)));
        const int column = c.index;
        connect(combo, &QComboBox::currentIndexChanged, this, [this, combo, column] {
            if (!m_updating)
                mapColumn(column, core::LedgerField(combo->currentData().toInt()));
        });
        if (!recognised && !userMapped) {
            ++unknown;
            for (QTableWidgetItem *item : {letter, header, sample})
                item->setBackground(kUnknownColor);
            header->setToolTip(tr("Not recognised: kept as a note unless you choose what it holds."));
            combo->setToolTip(header->toolTip());
        }
        m_mapping->setItem(i, 0, letter);
        m_mapping->setItem(i, 1, header);
        m_mapping->setCellWidget(i, 2, combo);
        m_mapping->setItem(i, 3, sample);
    }
    QString note =
        tr("Header in row %1; %n column(s) recognised", "", int(l.columns.size()) - unknown).arg(l.headerRow);
    if (unknown > 0)
        note += tr(", %n not recognised (marked)", "", unknown);
    if (!l.title.isEmpty())
        note += tr(". Title: %1").arg(l.title);
    m_mappingNote->setText(note);
    m_updating = false;
}

void ImportWizard::refreshPreviewList()
{
    m_updating = true;
    m_previewFiles->clear();
    for (const ImportFileEntry &e : std::as_const(m_entries)) {
        const int errors = e.readError.isEmpty() ? int(e.preview.errors.size()) : 1;
        const QString unit =
            e.plan && e.plan->units.size() > 1
                ? tr("%n unit(s)", "", int(e.plan->units.size()))
                : (e.unit.isEmpty() ? (e.hasUnitColumn() ? tr("units of the ledger") : tr("no unit"))
                                    : e.unit);
        QString text = e.fileName() + u'\n' + unit + QStringLiteral(" · ");
        text += errors > 0 ? tr("%n error(s): skipped", "", errors)
                           : tr("%n problem(s) ready", "", int(e.ledger.rows.size()));
        auto *item = new QListWidgetItem(text);
        item->setIcon(
            style()->standardIcon(errors > 0 ? QStyle::SP_MessageBoxCritical : QStyle::SP_DialogApplyButton));
        if (errors > 0) {
            item->setFlags(item->flags() & ~Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
            item->setForeground(QColor(160, 0, 0));
        } else {
            item->setCheckState(e.include ? Qt::Checked : Qt::Unchecked);
        }
        m_previewFiles->addItem(item);
    }
    m_previewFiles->setCurrentRow(m_current);
    m_updating = false;
}

void ImportWizard::showPreview()
{
    m_updating = true;
    m_previewFiles->setCurrentRow(m_current);
    m_preview->clear();
    m_preview->setRowCount(0);
    m_preview->setColumnCount(0);
    m_issues->clear();
    m_update->clear();
    m_updating = false;
    if (m_current >= m_entries.size())
        return;
    const ImportFileEntry &e = m_entries[m_current];
    if (!e.readError.isEmpty() || !e.workbook) {
        m_previewSummary->setText(tr("%1 cannot be imported: %2").arg(e.fileName(), e.readError));
        return;
    }
    const core::RecognizedLedger &l = e.ledger;
    const core::Sheet &sheet = e.workbook->sheets[e.sheet];
    const int first = l.headerRow; // 0-based index of the first row below the header
    const int rows = std::clamp(int(sheet.rows.size()) - first, 0, kPreviewRowLimit);
    const int cols = sheet.columnCount();
    m_preview->setRowCount(rows);
    m_preview->setColumnCount(cols);
    QStringList headers;
    QHash<QString, int> columnOf;
    for (int c = 0; c < cols; ++c)
        headers << core::columnLetters(c);
    for (const core::LedgerColumn &c : l.columns) {
        if (c.index < cols) {
            headers[c.index] = c.header.isEmpty() ? core::columnLetters(c.index) : c.header;
            columnOf.insert(c.header, c.index);
        }
    }
    m_preview->setHorizontalHeaderLabels(headers);
    QStringList rowLabels;
    for (int r = 0; r < rows; ++r) {
        rowLabels << QString::number(first + r + 1);
        for (int c = 0; c < cols; ++c) {
            const QString text = sheet.cell(first + r, c).text;
            if (!text.isEmpty())
                m_preview->setItem(r, c, new QTableWidgetItem(text.simplified()));
        }
    }
    m_preview->setVerticalHeaderLabels(rowLabels);
    m_preview->resizeColumnsToContents();
    for (int c = 0; c < cols; ++c)
        m_preview->setColumnWidth(c, std::clamp(m_preview->columnWidth(c), 60, 260));

    // Errors and warnings at their cells (the dry run's, which include the recognizer's).
    auto mark = [&](const core::ImportIssue &issue, bool error) {
        const int r = issue.row > 0 ? issue.row - first - 1 : -1;
        int c = columnOf.value(issue.column, -1);
        if (c < 0 && !issue.column.isEmpty()) {
            for (int i = 0; i < cols; ++i) {
                if (core::columnLetters(i) == issue.column)
                    c = i;
            }
        }
        auto *entry = new QListWidgetItem(
            style()->standardIcon(error ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning),
            issue.toString());
        entry->setData(Qt::UserRole, QPoint(c, r));
        m_issues->addItem(entry);
        if (r < 0 || r >= rows)
            return;
        const QList<int> targets = c >= 0 ? QList<int>{c} : [cols] {
            QList<int> all;
            for (int i = 0; i < cols; ++i)
                all << i;
            return all;
        }();
        for (const int t : targets) {
            QTableWidgetItem *item = m_preview->item(r, t);
            if (!item) {
                item = new QTableWidgetItem;
                m_preview->setItem(r, t, item);
            }
            if (error || item->background().color() != kErrorColor)
                item->setBackground(error ? kErrorColor : kWarningColor);
            item->setData(Qt::UserRole, error ? QStringLiteral("error") : QStringLiteral("warning"));
            const QString tip = item->toolTip();
            item->setToolTip(tip.isEmpty() ? issue.message : tip + u'\n' + issue.message);
        }
    };
    for (const core::ImportIssue &i : e.preview.errors)
        mark(i, true);
    for (const core::ImportIssue &i : e.preview.warnings)
        mark(i, false);

    // The monthly update: what the file changes in the register.
    using Kind = core::PlannedChange::Kind;
    if (e.plan) {
        const QList<std::pair<Kind, QString>> groups{
            {Kind::StateChange, tr("State changes")},
            {Kind::Progress, tr("New progress")},
            {Kind::New, tr("New problems")},
            {Kind::Disappeared, tr("No longer in the ledger (left as they are)")},
            {Kind::Unchanged, tr("Unchanged")}};
        for (const auto &[kind, name] : groups) {
            auto *group = new QTreeWidgetItem(m_update, {tr("%1 (%2)").arg(name).arg(e.plan->count(kind))});
            group->setFirstColumnSpanned(true);
            group->setData(0, Qt::UserRole, int(kind));
            for (const core::PlannedChange &c : e.plan->changes) {
                if (c.kind != kind)
                    continue;
                QString change;
                if (kind == Kind::StateChange)
                    change = tr("%1 → %2").arg(stateName(c.before), stateName(c.after));
                else if (kind == Kind::Progress)
                    change = c.progressAfter;
                else if (kind == Kind::New || kind == Kind::Unchanged)
                    change = stateName(c.after);
                else
                    change = stateName(c.before);
                if (kind == Kind::StateChange && !c.progressAfter.isEmpty() &&
                    c.progressAfter != c.progressBefore)
                    change += tr("; progress: %1").arg(c.progressAfter);
                new QTreeWidgetItem(group, {c.row > 0 ? tr("row %1").arg(c.row) : tr("in the register"),
                                            c.registrationNo, c.description.simplified(), change});
            }
            group->setExpanded(kind != Kind::Unchanged);
        }
    }

    QString summary;
    if (!e.preview.errors.isEmpty()) {
        summary = tr("%1: %n error(s). The file will be skipped; correct it and import it again.", "",
                     int(e.preview.errors.size()))
                      .arg(e.fileName());
    } else if (e.plan && e.plan->units.size() > 1) {
        // A combined ledger: the counts of each unit, one line each.
        QStringList lines{tr("%1 holds %n unit(s):", "", int(e.plan->units.size())).arg(e.fileName())};
        for (const QString &u : std::as_const(e.plan->units))
            lines << tr("%1: %2 new, %3 state change(s), %4 with new progress, %5 unchanged, %6 no longer in "
                        "the ledger.")
                         .arg(u)
                         .arg(e.plan->count(Kind::New, u))
                         .arg(e.plan->count(Kind::StateChange, u))
                         .arg(e.plan->count(Kind::Progress, u))
                         .arg(e.plan->count(Kind::Unchanged, u))
                         .arg(e.plan->count(Kind::Disappeared, u));
        if (!e.preview.newUnits.isEmpty())
            lines << tr("New units: %1").arg(e.preview.newUnits.join(tr(", ")));
        summary = lines.join(u'\n');
    } else if (e.plan && e.plan->unitExists) {
        summary = tr("%1 updates %2: %3 new, %4 state change(s), %5 with new progress, %6 unchanged, %7 no "
                     "longer in the ledger.")
                      .arg(e.fileName(), e.unit)
                      .arg(e.plan->count(Kind::New))
                      .arg(e.plan->count(Kind::StateChange))
                      .arg(e.plan->count(Kind::Progress))
                      .arg(e.plan->count(Kind::Unchanged))
                      .arg(e.plan->count(Kind::Disappeared));
    } else {
        summary =
            tr("%1: %n new problem(s) for %2.", "", int(e.ledger.rows.size())).arg(e.fileName(), e.unit);
    }
    if (!e.preview.warnings.isEmpty())
        summary += u' ' + tr("%n warning(s).", "", int(e.preview.warnings.size()));
    m_previewSummary->setText(summary);
    m_issuesTitle->setText(
        tr("Errors and warnings (%1)").arg(e.preview.errors.size() + e.preview.warnings.size()));
    if (!e.preview.errors.isEmpty())
        m_previewTabs->setCurrentWidget(m_preview);
}

void ImportWizard::initializePage(int id)
{
    if (id == MappingPage) {
        m_current = std::clamp(m_current, 0, int(std::max<qsizetype>(0, m_entries.size() - 1)));
        for (ImportFileEntry &e : m_entries)
            recognizeEntry(e); // the feedback year may have changed
        showMapping();
    } else if (id == PreviewPage) {
        for (ImportFileEntry &e : m_entries) {
            e.preview = {};
            e.plan.reset();
            if (!e.readError.isEmpty() || !m_db)
                continue;
            core::ImportOptions o = optionsFor(e);
            o.dryRun = true;
            e.preview = core::LedgerImporter::importFile(*m_db, e.path, o);
            if (e.preview.ok())
                e.plan = core::LedgerUpdatePlan::compute(*m_db, e.ledger, e.unit);
            // A file whose errors were mapped away since is ticked again unless the user unticked it.
            e.include = !e.hasErrors() && !e.unticked;
        }
        refreshPreviewList();
        showPreview();
    } else if (id == ImportPage) {
        runImport();
    }
    QWizard::initializePage(id);
}

bool ImportWizard::validateCurrentPage()
{
    if (currentId() == FilesPage && m_entries.isEmpty()) {
        QMessageBox::information(this, windowTitle(), tr("Add at least one ledger."));
        return false;
    }
    if (currentId() == MappingPage) {
        for (int i = 0; i < m_entries.size(); ++i) {
            if (m_entries[i].readError.isEmpty() && m_entries[i].unit.isEmpty() &&
                !m_entries[i].hasUnitColumn()) {
                setCurrentFile(i);
                m_mappingNote->setText(tr("Name the unit %1 belongs to.").arg(m_entries[i].fileName()));
                m_unit->setFocus();
                return false;
            }
        }
    }
    if (currentId() == PreviewPage) {
        const bool any = std::any_of(m_entries.cbegin(), m_entries.cend(),
                                     [](const ImportFileEntry &e) { return e.include && !e.hasErrors(); });
        if (!any) {
            m_previewSummary->setText(tr("No file can be imported: every file has errors or is unticked."));
            return false;
        }
    }
    return QWizard::validateCurrentPage();
}

void ImportWizard::runImport()
{
    if (m_ran || !m_db)
        return;
    m_ran = true;
    QList<int> ticked;
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].include && !m_entries[i].hasErrors())
            ticked << i;
    }
    m_progress->setRange(0, int(ticked.size()));
    m_progress->setValue(0);
    int failed = 0;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    for (const int i : std::as_const(ticked)) {
        ImportFileEntry &e = m_entries[i];
        m_log->appendPlainText(tr("Importing %1 for %2…")
                                   .arg(e.fileName(), e.plan && e.plan->units.size() > 1
                                                          ? e.plan->units.join(tr(", "))
                                                          : e.unit));
        QCoreApplication::processEvents();
        LedgerImportCommand::Item item;
        item.path = e.path;
        item.options = optionsFor(e);
        item.before = core::LedgerUpdateUndo::capture(*m_db, e.path, item.options);
        item.report = core::LedgerImporter::importFile(*m_db, e.path, item.options);
        e.result = item.report;
        if (item.report.ok()) {
            e.done = true;
            m_log->appendPlainText(tr("  %1 new, %2 updated, %3 unchanged.")
                                       .arg(item.report.created)
                                       .arg(item.report.updated)
                                       .arg(item.report.unchanged));
            if (item.report.units.size() > 1) {
                for (const core::ImportedUnit &u : std::as_const(item.report.units))
                    m_log->appendPlainText(tr("    %1: %2 new, %3 updated, %4 unchanged.")
                                               .arg(u.name)
                                               .arg(u.created)
                                               .arg(u.updated)
                                               .arg(u.unchanged));
            }
            m_imported << item;
        } else {
            ++failed;
            for (const core::ImportIssue &issue : item.report.errors)
                m_log->appendPlainText(QStringLiteral("  ") + issue.toString());
            m_log->appendPlainText(tr("  Nothing of this file was imported."));
        }
        m_progress->setValue(m_progress->value() + 1);
    }
    QApplication::restoreOverrideCursor();
    if (!m_imported.isEmpty())
        SourceLevelChoice::remember(core::registerSourceLevel(*m_db),
                                    core::SourceLevel(m_source->currentData().toInt()));
    const int skipped = int(m_entries.size() - ticked.size());
    m_log->appendPlainText(tr("Done: %1 file(s) imported, %2 failed, %3 skipped.")
                               .arg(m_imported.size())
                               .arg(failed)
                               .arg(skipped));
    Q_EMIT importFinished(int(m_imported.size()), failed);
}

QUndoStack *ImportWizard::undoStackFor(QWidget *window, QMenu *menu)
{
    // The window's own stack (the problem editor's, so that Edit → Undo and Ctrl+Z take back an
    // import too) when it has one, else the imports' own. Looked up when an import runs: the
    // editor's stack is created after the File menu.
    QUndoStack *own = nullptr;
    for (QUndoStack *stack : window->findChildren<QUndoStack *>()) {
        if (stack->objectName() != QLatin1String("importUndoStack"))
            return stack;
        own = stack;
    }
    if (own)
        return own;
    auto *stack = new QUndoStack(window);
    stack->setObjectName(QStringLiteral("importUndoStack"));
    if (menu) {
        QAction *undo = stack->createUndoAction(window, tr("Undo import"));
        QAction *redo = stack->createRedoAction(window, tr("Redo import"));
        menu->addAction(undo);
        menu->addAction(redo);
    }
    return stack;
}

void ImportWizard::run(MainWindow *window, const std::function<void()> &changed)
{
    core::Database *db = window->database();
    if (!db)
        return;
    ImportWizard wizard(db, window);
    wizard.exec();
    if (wizard.imported().isEmpty())
        return;
    QUndoStack *stack = undoStackFor(window);
    QWidget *parent = window;
    stack->push(new LedgerImportCommand(
        [window] { return window->database(); }, db->path(), wizard.imported(), changed,
        [parent](const QString &message) { QMessageBox::warning(parent, tr("Import ledgers"), message); }));
    changed();
}

void ImportWizard::exportTemplate(MainWindow *window)
{
    const QString path = QFileDialog::getSaveFileName(window, tr("Export template"),
                                                      tr("ledger template") + QStringLiteral(".xlsx"),
                                                      tr("Excel workbook (*.xlsx)"));
    if (path.isEmpty())
        return;
    core::TemplateOptions o;
    if (core::Database *db = window->database())
        o.categories = core::LedgerTemplate::registerCategories(*db);
    const QString file =
        path.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive) ? path : path + QStringLiteral(".xlsx");
    if (const core::Status s = core::LedgerTemplate::write(file, o); !s)
        QMessageBox::warning(window, tr("Export template"), s.error().message);
}

void ImportWizard::exportByUnit(MainWindow *window)
{
    core::Database *db = window->database();
    if (!db)
        return;
    const QString dir = QFileDialog::getExistingDirectory(window, tr("Export ledgers by unit"));
    if (dir.isEmpty())
        return;
    auto files = core::LedgerExporter::exportByUnit(*db, core::ExportOptions{}, dir);
    if (!files) {
        QMessageBox::warning(window, tr("Export ledgers by unit"), files.error().message);
        return;
    }
    QMessageBox::information(
        window, tr("Export ledgers by unit"),
        tr("%n ledger(s), one per unit, written to %1.", "", int(files->size())).arg(dir));
}

void ImportWizard::installActions(MainWindow *window, QMenu *menu, const std::function<void()> &changed)
{
    QAction *import =
        menu->addAction(tr("&Import ledgers…"), window, [window, changed] { run(window, changed); });
    import->setObjectName(QStringLiteral("importLedgers"));
    import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    QAction *tpl = menu->addAction(tr("Export &template…"), window, [window] { exportTemplate(window); });
    tpl->setObjectName(QStringLiteral("exportTemplate"));
    QAction *byUnit =
        menu->addAction(tr("Export ledgers by &unit…"), window, [window] { exportByUnit(window); });
    byUnit->setObjectName(QStringLiteral("exportLedgersByUnit"));
}

} // namespace rectrack::ui
