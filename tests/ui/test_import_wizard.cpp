#include <catch2/catch.hpp>

#include "commands/ledgerimportcommand.h"
#include "dialogs/importwizard.h"
#include "io/ledgertemplate.h"
#include "testsupport.h"
#include "views/mainwindow.h"
#include "workflow/organizationservice.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLibraryInfo>
#include <QListWidget>
#include <QProgressBar>
#include <QTableWidget>
#include <QTranslator>
#include <QTreeWidget>
#include <QUndoStack>

using namespace rectrack;
using namespace rectrack::test;

namespace {

QString s(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QString writeCsv(const QTemporaryDir &dir, const QString &name, const char *utf8)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(utf8);
    return path;
}

qint64 count(core::Database &db, const QString &sql)
{
    return db.scalar(sql).toLongLong();
}

/// Installs the Chinese translations of the io and ui areas for the scope of one test.
struct Chinese
{
    QTranslator core, io, ui, qt;
    Chinese()
    {
        REQUIRE(core.load(QStringLiteral(":/i18n/core_zh_CN.qm")));
        REQUIRE(io.load(QStringLiteral(":/i18n/io_zh_CN.qm")));
        REQUIRE(ui.load(QStringLiteral(":/i18n/ui_zh_CN.qm")));
        if (qt.load(QStringLiteral("qtbase_zh_CN"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&qt);
        QCoreApplication::installTranslator(&core);
        QCoreApplication::installTranslator(&io);
        QCoreApplication::installTranslator(&ui);
    }
    ~Chinese()
    {
        QCoreApplication::removeTranslator(&ui);
        QCoreApplication::removeTranslator(&io);
        QCoreApplication::removeTranslator(&core);
        QCoreApplication::removeTranslator(&qt);
    }
};

/// Saves @p w as PNG under $RECTRACK_SCREENSHOT_DIR when it is set (docs/screenshots).
void screenshot(QWidget *w, const char *name)
{
    const QString dir = qEnvironmentVariable("RECTRACK_SCREENSHOT_DIR");
    const QPixmap shot = w->grab();
    CHECK_FALSE(shot.isNull());
    if (!dir.isEmpty())
        CHECK(shot.save(QDir(dir).filePath(QLatin1String(name))));
}

// A good ledger (title row naming the unit, an unknown column 督办次数) and a bad one (row 3:
// an impossible date under 整改时限).
const char *kGood = "市交通运输局党组巡察反馈问题整改台账,,,,,,\n"
                    "编号,问题描述,整改措施,责任单位,整改时限,完成情况,督办次数\n"
                    "JT-01,公务用车管理不规范,1.清理台账；2.建立制度,办公室,2021-06-30,整改中,2\n"
                    "JT-02,干部档案审核不到位,专项审核,组织人事科,2021-03-31,已完成,1\n";
const char *kBad = "序号,问题描述,整改措施,责任单位,整改时限,完成情况\n"
                   "1,高标准农田建设项目验收不严,开展复核,农田建设科,2021-06-30,整改中\n"
                   "2,涉农资金拨付滞后,加快拨付,财务科,2021年13月5日,整改中\n";

} // namespace

TEST_CASE("the import wizard imports the good file, skips the bad one and shows its error at its cell",
          "[ui][import]")
{
    Chinese zh;
    TempRegister reg;
    QTemporaryDir dir;
    const QString good = writeCsv(dir, s("交通局.csv"), kGood);
    const QString bad = writeCsv(dir, s("市农业农村局党组整改台账.csv"), kBad);

    ui::ImportWizard wizard(reg.db.get());
    wizard.addFiles({good, bad, good}); // the same file twice is listed once
    REQUIRE(wizard.entries().size() == 2);
    wizard.show();
    REQUIRE(wizard.currentId() == ui::ImportWizard::FilesPage);

    // Mapping: recognised columns pre-filled, the unknown one marked, units proposed.
    wizard.next();
    REQUIRE(wizard.currentId() == ui::ImportWizard::MappingPage);
    CHECK(wizard.entries()[0].unit == s("市交通运输局党组")); // from the title
    CHECK(wizard.entries()[1].unit == s("市农业农村局党组")); // from the file name
    QTableWidget *mapping = wizard.mappingTable();
    REQUIRE(mapping->rowCount() == 7);
    CHECK(mapping->item(4, 1)->text() == s("整改时限"));
    auto *deadline = qobject_cast<QComboBox *>(mapping->cellWidget(4, 2));
    REQUIRE(deadline);
    CHECK(deadline->currentText() == s("整改时限"));
    CHECK(core::LedgerField(deadline->currentData().toInt()) == core::LedgerField::Deadline);
    CHECK(mapping->item(6, 1)->text() == s("督办次数"));
    CHECK(mapping->item(6, 1)->background().color() == QColor(255, 243, 205)); // not recognised
    CHECK(mapping->item(4, 1)->background().style() == Qt::NoBrush);
    auto *unknown = qobject_cast<QComboBox *>(mapping->cellWidget(6, 2));
    REQUIRE(unknown);
    CHECK(core::LedgerField(unknown->currentData().toInt()) == core::LedgerField::Note);
    CHECK(mapping->item(6, 3)->text() == QStringLiteral("2 | 1"));
    screenshot(&wizard, "import-wizard-mapping.png");
    // The user says it holds nothing to keep.
    unknown = qobject_cast<QComboBox *>(mapping->cellWidget(6, 2));
    unknown->setCurrentIndex(unknown->findData(int(core::LedgerField::Ignore)));
    CHECK(wizard.entries()[0].map.value(s("督办次数")) == core::LedgerField::Ignore);
    CHECK(wizard.entries()[0].ledger.columns[6].field == core::LedgerField::Ignore);

    // Preview: the bad file's error at row 3, column 整改时限.
    wizard.next();
    REQUIRE(wizard.currentId() == ui::ImportWizard::PreviewPage);
    CHECK_FALSE(wizard.entries()[0].hasErrors());
    CHECK(wizard.entries()[1].hasErrors());
    CHECK(wizard.entries()[0].include);
    CHECK_FALSE(wizard.entries()[1].include);
    QListWidget *files = wizard.previewFiles();
    REQUIRE(files->count() == 2);
    CHECK(files->item(0)->checkState() == Qt::Checked);
    CHECK(files->item(1)->checkState() == Qt::Unchecked);
    CHECK_FALSE(files->item(1)->flags().testFlag(Qt::ItemIsUserCheckable));

    wizard.setCurrentFile(1);
    QTableWidget *preview = wizard.previewTable();
    REQUIRE(preview->rowCount() == 2);
    CHECK(preview->verticalHeaderItem(1)->text() == QStringLiteral("3"));
    CHECK(preview->horizontalHeaderItem(4)->text() == s("整改时限"));
    int errorCells = 0;
    for (int r = 0; r < preview->rowCount(); ++r) {
        for (int c = 0; c < preview->columnCount(); ++c) {
            const QTableWidgetItem *item = preview->item(r, c);
            if (item && item->data(Qt::UserRole).toString() == QLatin1String("error")) {
                ++errorCells;
                CHECK(r == 1);
                CHECK(c == 4);
            }
        }
    }
    CHECK(errorCells == 1);
    const QTableWidgetItem *cell = preview->item(1, 4);
    REQUIRE(cell);
    CHECK(cell->text() == s("2021年13月5日"));
    CHECK(cell->background().color() == QColor(255, 199, 199));
    CHECK_FALSE(cell->toolTip().isEmpty());
    QListWidget *issues = wizard.issueList();
    REQUIRE(issues->count() >= 1);
    const QString message = issues->item(0)->text();
    INFO(message.toStdString());
    CHECK(message.contains(s("第3行")));
    CHECK(message.contains(s("“整改时限”")) | message.contains(s("\"整改时限\"")));
    CHECK(issues->item(0)->data(Qt::UserRole).toPoint() == QPoint(4, 1));
    screenshot(&wizard, "import-wizard-preview.png");

    // The good file: two new problems for a unit not yet in the register.
    wizard.setCurrentFile(0);
    REQUIRE(wizard.entries()[0].plan.has_value());
    CHECK(wizard.entries()[0].plan->count(core::PlannedChange::Kind::New) == 2);
    CHECK(wizard.previewTable()->rowCount() == 2);

    // With the good file unticked too, nothing can be imported and the wizard stays.
    files->item(0)->setCheckState(Qt::Unchecked);
    CHECK_FALSE(wizard.entries()[0].include);
    wizard.next();
    CHECK(wizard.currentId() == ui::ImportWizard::PreviewPage);
    files->item(0)->setCheckState(Qt::Checked);
    CHECK(wizard.entries()[0].include);

    // Import: the good file goes in, the bad one changes nothing.
    const qint64 auditBefore = count(*reg.db, QStringLiteral("SELECT count(*) FROM audit_log"));
    wizard.next();
    REQUIRE(wizard.currentId() == ui::ImportWizard::ImportPage);
    CHECK(wizard.progressBar()->maximum() == 1);
    CHECK(wizard.progressBar()->value() == 1);
    REQUIRE(wizard.imported().size() == 1);
    CHECK(wizard.imported()[0].report.created == 2);
    CHECK(count(*reg.db, QStringLiteral("SELECT count(*) FROM problems")) == 2);
    CHECK(count(*reg.db, QStringLiteral("SELECT count(*) FROM measures")) == 3);
    core::OrganizationService org(*reg.db);
    REQUIRE(org.unitByName(s("市交通运输局党组")).has_value());
    CHECK_FALSE(org.unitByName(s("市农业农村局党组")).has_value());
    CHECK(count(*reg.db, QStringLiteral("SELECT count(*) FROM problems WHERE description LIKE '%农%'")) == 0);
    CHECK(count(*reg.db, QStringLiteral("SELECT count(*) FROM audit_log")) > auditBefore);

    // The run is one undoable step.
    QUndoStack stack;
    stack.push(new ui::LedgerImportCommand([&reg] { return reg.db.get(); }, reg.db->path(), wizard.imported(),
                                           {}, [](const QString &m) { FAIL(m.toStdString()); }));
    CHECK(count(*reg.db, QStringLiteral("SELECT count(*) FROM problems")) ==
          2); // the push does not re-import
    stack.undo();
    CHECK(count(*reg.db, QStringLiteral("SELECT count(*) FROM problems")) == 0);
    CHECK(count(*reg.db, QStringLiteral("SELECT count(*) FROM measures")) == 0);
    stack.redo();
    CHECK(count(*reg.db, QStringLiteral("SELECT count(*) FROM problems")) == 2);
}

TEST_CASE("the wizard shows a unit's monthly update before anything changes", "[ui][import]")
{
    Chinese zh;
    TempRegister reg;
    QTemporaryDir dir;
    const QString jan = writeCsv(dir, QStringLiteral("jan.csv"), kGood);
    core::ImportOptions o;
    o.unit = s("市交通运输局党组");
    REQUIRE(core::LedgerImporter::importFile(*reg.db, jan, o).ok());
    const QString feb =
        writeCsv(dir, QStringLiteral("feb.csv"),
                 "市交通运输局党组巡察反馈问题整改台账,,,,,,\n"
                 "编号,问题描述,整改措施,责任单位,整改时限,整改进展,完成情况\n"
                 "JT-01,公务用车管理不规范,1.清理台账；2.建立制度,办公室,2021-06-30,制度已印发,已完成\n"
                 "JT-03,意识形态工作责任制落实不力,开展培训,宣传科,2021-04-30,,未启动\n");
    ui::ImportWizard wizard(reg.db.get());
    wizard.addFiles({feb});
    wizard.show();
    wizard.next();
    CHECK(wizard.entries()[0].unit == s("市交通运输局党组"));
    wizard.next();
    REQUIRE(wizard.currentId() == ui::ImportWizard::PreviewPage);
    CHECK(count(*reg.db, QStringLiteral("SELECT count(*) FROM problems")) == 2); // nothing changed yet
    QTreeWidget *tree = wizard.updateTree();
    REQUIRE(tree->topLevelItemCount() == 5);
    CHECK(tree->topLevelItem(0)->text(0) == s("状态变化（1）"));
    REQUIRE(tree->topLevelItem(0)->childCount() == 1);
    CHECK(tree->topLevelItem(0)->child(0)->text(0) == s("第3行"));
    CHECK(tree->topLevelItem(0)->child(0)->text(1) == QStringLiteral("JT-01"));
    CHECK(tree->topLevelItem(0)->child(0)->text(3).startsWith(s("整改中 → 已完成")));
    CHECK(tree->topLevelItem(2)->text(0) == s("新增问题（1）"));
    CHECK(tree->topLevelItem(3)->text(0) == s("台账中已无（保持不变）（1）"));
    CHECK(tree->topLevelItem(3)->child(0)->text(1) == QStringLiteral("JT-02"));
    wizard.previewTabs()->setCurrentIndex(1);
    screenshot(&wizard, "import-wizard-update.png");
    wizard.next();
    REQUIRE(wizard.imported().size() == 1);
    CHECK(wizard.imported()[0].report.created == 1);
    CHECK(wizard.imported()[0].report.updated == 1);
    CHECK(count(*reg.db, QStringLiteral("SELECT count(*) FROM problems WHERE state = 'completed'")) == 2);
}

TEST_CASE("the wizard imports a combined ledger unit by unit and undoes it as one step", "[ui][import]")
{
    Chinese zh;
    TempRegister reg;
    REQUIRE(core::OrganizationService(*reg.db).ensureUnit(s("市水利局党组")).ok());
    QTemporaryDir dir;
    const QString ledger = writeCsv(dir, s("市委巡察反馈问题整改汇总台账.csv"),
                                    "序号,被巡察单位,问题描述,责任单位,整改措施,完成情况\n"
                                    "1,中共市水利局党组,问题甲,办公室,措施一,已完成\n"
                                    "2,市交通运输局党组,问题乙,人事处,措施二,整改中\n"
                                    "3,市交通运输局党组,问题丙,财务处,措施三,计划6月底前完成\n");
    ui::ImportWizard wizard(reg.db.get());
    wizard.addFiles({ledger});
    wizard.show();
    wizard.next();
    REQUIRE(wizard.currentId() == ui::ImportWizard::MappingPage);
    CHECK(wizard.entries()[0].hasUnitColumn());
    CHECK(wizard.entries()[0].unit.isEmpty()); // no unit is needed: the rows name theirs
    wizard.next();
    REQUIRE(wizard.currentId() == ui::ImportWizard::PreviewPage);
    REQUIRE(wizard.entries()[0].plan.has_value());
    const core::LedgerUpdatePlan &plan = *wizard.entries()[0].plan;
    CHECK(plan.units == QStringList{s("市水利局党组"), s("市交通运输局党组")});
    CHECK(plan.count(core::PlannedChange::Kind::New, s("市交通运输局党组")) == 2);
    auto *summary = wizard.findChild<QLabel *>(QStringLiteral("previewSummary"));
    REQUIRE(summary);
    INFO(summary->text().toStdString());
    CHECK(summary->text().contains(s("市交通运输局党组：新增 2 个")));
    CHECK(summary->text().contains(s("新建单位：市交通运输局党组")));
    wizard.next();
    REQUIRE(wizard.imported().size() == 1);
    const core::ImportReport &report = wizard.imported()[0].report;
    REQUIRE(report.units.size() == 2);
    CHECK(report.units[0].created == 1);
    CHECK(report.units[1].created == 2);
    CHECK(count(*reg.db, QStringLiteral("SELECT count(*) FROM units")) == 2);
    CHECK(count(*reg.db, QStringLiteral("SELECT count(*) FROM problems WHERE state = 'in_progress'")) == 2);

    QUndoStack stack;
    stack.push(new ui::LedgerImportCommand([&reg] { return reg.db.get(); }, reg.db->path(), wizard.imported(),
                                           {}, [](const QString &m) { FAIL(m.toStdString()); }));
    stack.undo();
    CHECK(count(*reg.db, QStringLiteral("SELECT count(*) FROM problems")) == 0);
    stack.redo();
    CHECK(count(*reg.db, QStringLiteral("SELECT count(*) FROM problems")) == 3);
}

TEST_CASE("File menu: Import ledgers… and Export template… are wired, with an undo stack for imports",
          "[ui][import]")
{
    ui::MainWindow window;
    auto *import = window.findChild<QAction *>(QStringLiteral("importLedgers"));
    REQUIRE(import);
    CHECK(import->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_I));
    CHECK(window.findChild<QAction *>(QStringLiteral("exportTemplate")));
    CHECK(window.findChild<QAction *>(QStringLiteral("exportLedgersByUnit")));
    QUndoStack *stack = ui::ImportWizard::undoStackFor(&window);
    REQUIRE(stack);
    // Imports share the editor's stack (Edit → Undo, Ctrl+Z) instead of keeping one of their own.
    CHECK(stack->objectName() != QLatin1String("importUndoStack"));
    CHECK(window.findChildren<QUndoStack *>().size() == 1);
    CHECK(stack == ui::ImportWizard::undoStackFor(&window)); // one stack, found again

    // The template of a register lists the register's own categories.
    TempRegister reg;
    core::OrganizationService org(*reg.db);
    REQUIRE(org.ensureCategory(s("党的建设方面")).ok());
    REQUIRE(org.ensureCategory(s("作风建设方面")).ok());
    CHECK(core::LedgerTemplate::registerCategories(*reg.db) ==
          QStringList{s("党的建设方面"), s("作风建设方面")});
}
