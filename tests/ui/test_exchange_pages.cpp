// The app's exchange pages (issue #26): 生成交换包…, 导入交换包… with its preview, and the 交换 page
// with the conflict list where a person decides.
#include <catch2/catch.hpp>

#include "commands/editcommand.h"
#include "dialogs/exchangedialog.h"
#include "dialogs/exportpackagedialog.h"
#include "dialogs/importpackagedialog.h"
#include "dialogs/importwizard.h"
#include "dialogs/problemeditor.h"
#include "exchange/conflicts.h"
#include "exchange/exchange.h"
#include "exchange/package.h"
#include "exchange/signing.h"
#include "exchange/sites.h"
#include "exchange/sitescope.h"
#include "exchange/unitduplicates.h"
#include "report/reportcontent.h"
#include "report/reportrenderer.h"
#include "stats/statistics.h"
#include "storage/auditlog.h"
#include "testsupport.h"
#include "views/dashboardview.h"
#include "views/mainwindow.h"
#include "views/navigationpane.h"
#include "workflow/categoryservice.h"
#include "workflow/organizationservice.h"
#include "workflow/problemservice.h"
#include "workflow/supervisionservice.h"

#include <QAction>
#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QUndoStack>

using namespace rectrack::core;
using namespace rectrack::core::exchange;
using rectrack::test::TempRegister;
using rectrack::ui::ExchangeDialog;
using rectrack::ui::ExportPackageDialog;
using rectrack::ui::ImportPackageDialog;

namespace {

struct Office
{
    Office(const QString &office, const QString &unitName)
    {
        REQUIRE(CategoryService(*reg.db).addStandardCategories().ok());
        REQUIRE(Sites::setup(*reg.db, office).ok());
        unit = *OrganizationService(*reg.db).ensureUnit(unitName);
        self = *Sites::self(*reg.db);
    }
    Database &db() { return *reg.db; }
    QString addProblem(const QString &text)
    {
        Problem p;
        p.unitId = unit;
        p.registrationNo = QStringLiteral("R-%1").arg(++serial);
        p.description = text;
        p.feedbackDate = QDate(2020, 4, 10);
        p.deadline = QDate(2020, 12, 31);
        auto id = ProblemService(db()).registerProblem(p, {});
        REQUIRE(id.ok());
        return db().scalar(QStringLiteral("SELECT uuid FROM problems WHERE id = ?"), {*id}).toString();
    }
    QString exportTo(const QString &to, const QString &marking = {})
    {
        ExportOptions o;
        o.to = to;
        o.output = out.path();
        o.marking = marking;
        auto r = Exchange::exportPackage(db(), o);
        REQUIRE(r.ok());
        return r->file;
    }
    qint64 problems() { return db().scalar(QStringLiteral("SELECT count(*) FROM problems")).toLongLong(); }

    TempRegister reg{QDate(2020, 9, 1)};
    QTemporaryDir out;
    qint64 unit = 0;
    int serial = 0;
    Site self;
};

QByteArray readAll(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

/// @p file of @p sender with a row that changes @p office's problem @p uuid to @p text, signed again.
QString claiming(Office &sender, const QString &file, Office &owner, const QString &uuid, const QString &text)
{
    auto entries = PackageArchive::read(readAll(file), QStringLiteral("p"));
    REQUIRE(entries.ok());
    auto held = Exchange::heldRows(owner.db());
    QJsonObject values = QJsonDocument::fromJson(held->value(uuid).json.toUtf8()).object();
    values.insert(QStringLiteral("description"), text);
    for (qsizetype i = 0; i < entries->size(); ++i) {
        if (entries->at(i).first != QLatin1String("rows.json"))
            continue;
        QJsonObject rows = QJsonDocument::fromJson(entries->at(i).second).object();
        QJsonObject tables = rows.value(QLatin1String("tables")).toObject();
        QJsonArray problems = tables.value(QLatin1String("problems")).toArray();
        problems.append(QJsonObject{{QStringLiteral("uuid"), uuid},
                                    {QStringLiteral("version"), 999999},
                                    {QStringLiteral("values"), values}});
        tables.insert(QStringLiteral("problems"), problems);
        rows.insert(QStringLiteral("tables"), tables);
        (*entries)[i].second = QJsonDocument(rows).toJson(QJsonDocument::Compact);
    }
    QJsonObject manifest = QJsonDocument::fromJson(entries->at(0).second).object();
    QJsonArray listed = manifest.value(QLatin1String("entries")).toArray();
    for (qsizetype i = 0; i < listed.size(); ++i) {
        QJsonObject e = listed.at(i).toObject();
        for (const auto &[name, data] : *entries)
            if (name == e.value(QLatin1String("name")).toString()) {
                e.insert(
                    QStringLiteral("sha256"),
                    QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex()));
                e.insert(QStringLiteral("size"), qint64(data.size()));
            }
        listed.replace(i, e);
    }
    manifest.insert(QStringLiteral("entries"), listed);
    const QByteArray json = QJsonDocument(manifest).toJson(QJsonDocument::Indented);
    (*entries)[0].second = json;
    (*entries)[1].second = sign(sender.self.privateKey, json).toBase64() + '\n';
    const QString forged = sender.out.filePath(QStringLiteral("claim.rtx"));
    QFile f(forged);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(*PackageArchive::write(*entries));
    return forged;
}

} // namespace

TEST_CASE(
    "the import page previews a package per unit before anything changes, and a first package needs the "
    "fingerprint compared",
    "[ui][exchange]")
{
    Office city(QStringLiteral("市委巡察办"), QStringLiteral("市财政局"));
    Office siming(QStringLiteral("思明区委巡察办"), QStringLiteral("思明区教育局"));
    siming.addProblem(QStringLiteral("区级问题一"));
    siming.addProblem(QStringLiteral("区级问题二"));
    const QString file = siming.exportTo(QStringLiteral("市委巡察办"), QStringLiteral("内部资料"));

    ImportPackageDialog dialog(city.db());
    dialog.setPackage(file);
    CHECK(dialog.fingerprintLabel()->text() == siming.self.fingerprint);
    CHECK(dialog.fingerprintLabel()->font().pointSize() >= 18);
    CHECK(dialog.markingLabel()->text() == QStringLiteral("内部资料"));
    CHECK(dialog.trustBox()->isVisibleTo(&dialog));
    // The preview: per unit, before anything changed.
    QTableWidget *t = dialog.previewTable();
    REQUIRE(t->rowCount() == 2); // 思明区教育局, Total
    int unitRow = -1;
    for (int r = 0; r < t->rowCount(); ++r)
        if (t->item(r, 0)->text() == QStringLiteral("思明区教育局"))
            unitRow = r;
    REQUIRE(unitRow >= 0);
    // The unit, its two problems and their first state entries.
    CHECK(t->item(unitRow, 1)->text() == QStringLiteral("5"));
    CHECK(t->item(unitRow, 5)->text() == QStringLiteral("0"));
    CHECK(t->item(t->rowCount() - 1, 0)->text() == QStringLiteral("Total"));
    CHECK(city.problems() == 0);
    CHECK_FALSE(Sites::findPartner(city.db(), siming.self.siteUuid)->has_value());
    // Importing waits for the fingerprint comparison.
    CHECK_FALSE(dialog.importButton()->isEnabled());
    dialog.trustBox()->setChecked(true);
    REQUIRE(dialog.importButton()->isEnabled());
    dialog.importButton()->click();
    REQUIRE(dialog.result().has_value());
    CHECK(dialog.result()->total.added == 5);
    CHECK(dialog.result()->marking == QStringLiteral("内部资料"));
    CHECK(city.problems() == 2);

    // The next package from a known site: the fingerprint shown without the box; a replay is covered.
    siming.addProblem(QStringLiteral("区级问题三"));
    ImportPackageDialog next(city.db());
    next.setPackage(siming.exportTo(QStringLiteral("市委巡察办")));
    CHECK_FALSE(next.trustBox()->isVisibleTo(&next));
    CHECK(next.importButton()->isEnabled());
    ImportPackageDialog replay(city.db());
    replay.setPackage(file);
    CHECK_FALSE(replay.importButton()->isEnabled());
    CHECK(replay.messageLabel()->text().contains(QStringLiteral("already covered")));
    // A damaged file: the reason, no import.
    QByteArray bytes = readAll(file);
    bytes[100] = char(bytes[100] ^ 0x20);
    const QString bad = siming.out.filePath(QStringLiteral("bad.rtx"));
    QFile f(bad);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    f.close();
    ImportPackageDialog damaged(city.db());
    damaged.setPackage(bad);
    CHECK_FALSE(damaged.importButton()->isEnabled());
    CHECK(damaged.messageLabel()->text().contains(QStringLiteral("bad.rtx")));
}

TEST_CASE("导入交换包… is one undoable step: Ctrl+Z takes the whole package back, redo applies it again",
          "[ui][exchange]")
{
    Office city(QStringLiteral("市委巡察办"), QStringLiteral("市财政局"));
    Office siming(QStringLiteral("思明区委巡察办"), QStringLiteral("思明区教育局"));
    siming.addProblem(QStringLiteral("区级问题一"));
    siming.addProblem(QStringLiteral("区级问题二"));
    const QString file = siming.exportTo(QStringLiteral("市委巡察办"), QStringLiteral("内部资料"));
    city.reg.db.reset(); // the window opens the register
    rectrack::ui::MainWindow window;
    REQUIRE(window.openRegister(city.reg.path, true));
    Database &db = *window.database();
    auto problems = [&] { return db.scalar(QStringLiteral("SELECT count(*) FROM problems")).toLongLong(); };
    REQUIRE(problems() == 0);

    // The preview dialog: the fingerprint compared, 导入.
    QTimer::singleShot(0, [] {
        auto *dialog = qobject_cast<ImportPackageDialog *>(QApplication::activeModalWidget());
        CHECK(dialog);
        if (!dialog)
            return;
        dialog->trustBox()->setChecked(true);
        dialog->importButton()->click();
    });
    window.importExchangePackageFile(file);
    CHECK(problems() == 2);
    REQUIRE(Sites::partners(db)->size() == 1);
    QUndoStack *stack = rectrack::ui::ImportWizard::undoStackFor(&window);
    REQUIRE(stack->count() == 1);
    CHECK(stack->undoText() == QStringLiteral("Import of exchange package 1 from 思明区委巡察办"));

    // Edit → Undo (Ctrl+Z): the whole package, its partner and its record, in one step.
    QAction *undo = window.findChild<QAction *>(QStringLiteral("undoAction"));
    REQUIRE(undo);
    CHECK(undo->shortcut() == QKeySequence(QKeySequence::Undo));
    REQUIRE(undo->isEnabled());
    undo->trigger();
    CHECK(problems() == 0);
    CHECK(db.scalar(QStringLiteral("SELECT count(*) FROM exchange_rows")).toLongLong() == 0);
    CHECK(db.scalar(QStringLiteral("SELECT count(*) FROM exchange_packages")).toLongLong() == 0);
    CHECK(Sites::partners(db)->isEmpty());
    CHECK(Verifier::verify(db).ok());
    // Redo applies the same package again.
    stack->redo();
    CHECK(problems() == 2);
    CHECK(Sites::partners(db)->at(0).lastReceivedSeq == 1);
    CHECK(db.scalar(QStringLiteral("SELECT count(*) FROM exchange_packages")).toLongLong() == 1);
    // A package from a known site: no box to tick; a second step on the stack, undone alone.
    siming.addProblem(QStringLiteral("区级问题三"));
    const QString second = siming.exportTo(QStringLiteral("市委巡察办"));
    QTimer::singleShot(0, [] {
        auto *dialog = qobject_cast<ImportPackageDialog *>(QApplication::activeModalWidget());
        CHECK(dialog);
        if (!dialog)
            return;
        dialog->importButton()->click();
    });
    window.importExchangePackageFile(second);
    CHECK(problems() == 3);
    CHECK(stack->count() == 2);
    stack->undo();
    CHECK(problems() == 2);
    CHECK(Sites::partners(db)->at(0).lastReceivedSeq == 1);
}

namespace {

/// The text of a PDF, each table row on one line, runs of spaces made one.
QString pdfLines(const QString &path)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LANG"), QStringLiteral("zh_CN.UTF-8"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), QStringLiteral("-enc"),
                                          QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    REQUIRE(p.waitForFinished(60000));
    QStringList lines;
    for (const QString &line : QString::fromUtf8(p.readAllStandardOutput()).split(u'\n'))
        lines << line.simplified();
    return lines.join(u'\n');
}

/// Takes problem @p id through in progress (2020-06-01) to completed (2020-08-01), with the one
/// finished measure core asks for before a problem can be marked completed (issue #21).
void completeProblem(Database &db, qint64 id)
{
    Measure m;
    m.problemId = id;
    m.content = QStringLiteral("整改措施");
    const auto measure = ProblemService(db).addMeasure(m);
    REQUIRE(measure.ok());
    REQUIRE(SupervisionService(db).changeState(id, ProblemState::InProgress, QDate(2020, 6, 1)).ok());
    REQUIRE(ProblemService(db).setMeasureState(*measure, MeasureState::Completed, QDate(2020, 7, 31)).ok());
    REQUIRE(SupervisionService(db).changeState(id, ProblemState::Completed, QDate(2020, 8, 1)).ok());
}

} // namespace

TEST_CASE("the committee report of a city's register has a table by inspection office",
          "[ui][exchange][report]")
{
    Office city(QStringLiteral("市委巡察办"), QStringLiteral("市财政局"));
    Office siming(QStringLiteral("思明区委巡察办"), QStringLiteral("思明区教育局"));
    city.addProblem(QStringLiteral("市级问题"));
    const QString done = siming.addProblem(QStringLiteral("区级问题一"));
    siming.addProblem(QStringLiteral("区级问题二"));
    const qint64 doneId =
        siming.db().scalar(QStringLiteral("SELECT id FROM problems WHERE uuid = ?"), {done}).toLongLong();
    completeProblem(siming.db(), doneId);

    ReportOptions o;
    o.asOf = QDate(2021, 1, 15);
    // Before any package: the register holds its own rows only, no table by office.
    auto own = ReportBuilder::build(city.db(), o);
    REQUIRE(own.ok());
    CHECK(own->bySite.isEmpty());

    REQUIRE(
        Exchange::importPackage(city.db(), siming.exportTo(QStringLiteral("市委巡察办")), false, true).ok());
    auto content = ReportBuilder::build(city.db(), o);
    REQUIRE(content.ok());
    REQUIRE(content->bySite.size() == 2);
    CHECK(content->bySite.at(0).key == QStringLiteral("市委巡察办"));
    CHECK(content->bySite.at(1).key == QStringLiteral("思明区委巡察办"));
    const QString pdf = city.out.filePath(QStringLiteral("report.pdf"));
    rectrack::ui::ReportRenderer renderer(*content);
    REQUIRE(renderer.writePdf(pdf).ok());
    const QString text = pdfLines(pdf);
    INFO(text.toStdString());
    CHECK(text.contains(QStringLiteral("Table: rectification by inspection office (2 offices)")));
    // Office, problems, done, closed out, long-term, not done, overdue, completion rate.
    CHECK(text.contains(QStringLiteral("\n市委巡察办 1 0 0 0 1 1 0%\n")));
    CHECK(text.contains(QStringLiteral("\n思明区委巡察办 2 1 0 0 1 1 50%\n")));
    CHECK(text.contains(QStringLiteral("\nTotal 3 1 0 0 2 2 33.33%\n")));

    // A report of one office has no table by office.
    o.scope.site = *SiteScopes::find(city.db(), QStringLiteral("思明区委巡察办"));
    auto one = ReportBuilder::build(city.db(), o);
    REQUIRE(one.ok());
    CHECK(one->bySite.isEmpty());
    CHECK(one->total.problems == 2);
}

TEST_CASE("the dashboard of a city's register compares its offices", "[ui][exchange][dashboard]")
{
    Office city(QStringLiteral("市委巡察办"), QStringLiteral("市财政局"));
    Office siming(QStringLiteral("思明区委巡察办"), QStringLiteral("思明区教育局"));
    city.addProblem(QStringLiteral("市级问题"));
    const QString done = siming.addProblem(QStringLiteral("区级问题一"));
    siming.addProblem(QStringLiteral("区级问题二"));
    const qint64 doneId =
        siming.db().scalar(QStringLiteral("SELECT id FROM problems WHERE uuid = ?"), {done}).toLongLong();
    completeProblem(siming.db(), doneId);
    const QString file = siming.exportTo(QStringLiteral("市委巡察办"));

    auto show = [&](rectrack::ui::MainWindow &window) {
        window.resize(1440, 900);
        window.show();
        rectrack::ui::DashboardView *dash = window.dashboard();
        QSignalSpy spy(dash, &rectrack::ui::DashboardView::updated);
        window.tabs()->setCurrentIndex(rectrack::ui::MainWindow::DashboardTab);
        REQUIRE((spy.count() > 0 || spy.wait(60000)));
        REQUIRE_FALSE(dash->isBusy());
        return dash;
    };
    city.reg.db.reset(); // the window and the dashboard's worker open the file themselves
    {
        // Its own rows only: no comparison.
        rectrack::ui::MainWindow window;
        REQUIRE(window.openRegister(city.reg.path, true));
        CHECK(show(window)->card(rectrack::ui::DashboardView::Chart::BySite)->isHidden());
    }
    {
        auto db = Database::open(city.reg.path);
        REQUIRE(db.ok());
        REQUIRE(Exchange::importPackage(**db, file, false, true).ok());
    }
    rectrack::ui::MainWindow window;
    REQUIRE(window.openRegister(city.reg.path, true));
    rectrack::ui::DashboardView *dash = show(window);
    REQUIRE_FALSE(dash->card(rectrack::ui::DashboardView::Chart::BySite)->isHidden());
    QChart *chart = dash->chart(rectrack::ui::DashboardView::Chart::BySite);
    REQUIRE(chart);
    auto *series = qobject_cast<QBarSeries *>(chart->series().value(0));
    REQUIRE(series);
    REQUIRE(series->count() == 3);
    // Per office (the city first): problems, done, closed out.
    CHECK(series->barSets().at(0)->at(0) == 1);
    CHECK(series->barSets().at(0)->at(1) == 2);
    CHECK(series->barSets().at(1)->at(0) == 0);
    CHECK(series->barSets().at(1)->at(1) == 1);
    CHECK(series->barSets().at(2)->at(1) == 0);
    auto *x = qobject_cast<QBarCategoryAxis *>(chart->axes(Qt::Horizontal).value(0));
    REQUIRE(x);
    REQUIRE(x->categories().size() == 2);
    CHECK(x->categories().at(0) == QStringLiteral("市委巡察办\ncompletion 0%"));
    CHECK(x->categories().at(1).endsWith(QStringLiteral("\ncompletion 50%")));
    CHECK(QString(x->categories().at(1)).remove(u'\n').startsWith(QStringLiteral("思明区委巡察办")));
}

TEST_CASE("the navigation tree of a city's register shows each district's terms, rounds and units under it",
          "[ui][exchange][navigation]")
{
    Office city(QStringLiteral("市委巡察办"), QStringLiteral("市财政局"));
    Office siming(QStringLiteral("思明区委巡察办"), QStringLiteral("思明区教育局"));
    auto inspect = [](Office &office, const QString &term, const QString &round) {
        OrganizationService org(office.db());
        auto t = org.addTerm({0, term, QDate(2020, 1, 1), QDate(2024, 12, 31)});
        REQUIRE(t.ok());
        Round r;
        r.termId = *t;
        r.label = round;
        r.roundNo = 1;
        r.start = QDate(2020, 3, 1);
        auto rid = org.addRound(r);
        REQUIRE(rid.ok());
        Inspection i;
        i.roundId = *rid;
        i.unitId = office.unit;
        i.teamId = *org.ensureTeam(QStringLiteral("第一巡察组"));
        i.feedbackDate = QDate(2020, 4, 10);
        REQUIRE(org.addInspection(i).ok());
    };
    inspect(city, QStringLiteral("十二届市委"), QStringLiteral("第一轮"));
    inspect(siming, QStringLiteral("十二届区委"), QStringLiteral("区委第一轮"));
    // Before any package: the register's own tree at the top.
    rectrack::ui::NavigationPane own;
    own.setDatabase(&city.db());
    QStringList top;
    for (int i = 0; i < own.topLevelItemCount(); ++i)
        top << own.topLevelItem(i)->text(0);
    CHECK(top.contains(QStringLiteral("十二届市委")));

    REQUIRE(
        Exchange::importPackage(city.db(), siming.exportTo(QStringLiteral("市委巡察办")), false, true).ok());
    rectrack::ui::NavigationPane tree;
    tree.setDatabase(&city.db());
    QTreeWidgetItem *mine = nullptr;
    QTreeWidgetItem *district = nullptr;
    top.clear();
    for (int i = 0; i < tree.topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = tree.topLevelItem(i);
        top << item->text(0);
        if (item->text(0) == QStringLiteral("市委巡察办 (this register)"))
            mine = item;
        if (item->text(0) == QStringLiteral("思明区委巡察办"))
            district = item;
    }
    REQUIRE(mine);
    REQUIRE(district);
    // The register's own office first, then the district; no term at the top any more.
    CHECK(top.indexOf(mine->text(0)) + 1 == top.indexOf(district->text(0)));
    CHECK_FALSE(top.contains(QStringLiteral("十二届市委")));
    auto path = [](QTreeWidgetItem *branch) {
        REQUIRE(branch->childCount() == 1);
        QTreeWidgetItem *term = branch->child(0);
        REQUIRE(term->childCount() == 1);
        QTreeWidgetItem *round = term->child(0);
        REQUIRE(round->childCount() == 1);
        return QStringList{term->text(0), round->text(0), round->child(0)->text(0)};
    };
    CHECK(path(mine) == QStringList{QStringLiteral("十二届市委"), QStringLiteral("第一轮"),
                                    QStringLiteral("市财政局 · 0 problem(s)")});
    CHECK(path(district) == QStringList{QStringLiteral("十二届区委"), QStringLiteral("区委第一轮"),
                                        QStringLiteral("思明区教育局 · 0 problem(s)")});
}

TEST_CASE("the export page writes a package for a partner with a security marking", "[ui][exchange]")
{
    Office city(QStringLiteral("市委巡察办"), QStringLiteral("市财政局"));
    Office siming(QStringLiteral("思明区委巡察办"), QStringLiteral("思明区教育局"));
    siming.addProblem(QStringLiteral("区级问题一"));
    REQUIRE(
        Exchange::importPackage(city.db(), siming.exportTo(QStringLiteral("市委巡察办")), false, true).ok());

    ExportPackageDialog dialog(city.db());
    REQUIRE(dialog.partnerBox()->count() == 1);
    CHECK(dialog.partnerBox()->itemText(0) == QStringLiteral("思明区委巡察办"));
    QTemporaryDir dir;
    dialog.folderEdit()->setText(dir.path());
    dialog.evidenceBox()->setChecked(false);
    REQUIRE(dialog.includeBox(QStringLiteral("clues")));
    dialog.includeBox(QStringLiteral("clues"))->setChecked(true);
    dialog.markingBox()->setCurrentText(QStringLiteral("内部资料"));
    const ExportOptions o = dialog.options();
    CHECK(o.to == QStringLiteral("思明区委巡察办"));
    CHECK(o.include == QStringList{QStringLiteral("clues")});
    CHECK_FALSE(o.evidence);
    REQUIRE(dialog.exportButton()->isEnabled());
    dialog.exportButton()->click();
    REQUIRE(dialog.result().has_value());
    CHECK(dialog.result()->seq == 1);
    CHECK(dialog.messageLabel()->text().contains(dialog.result()->sha256));
    auto checked = Exchange::checkPackage(dialog.result()->file);
    REQUIRE(checked.ok());
    CHECK(checked->manifest.value(QLatin1String("marking")).toString() == QStringLiteral("内部资料"));
    CHECK(checked->manifest.value(QLatin1String("include")).toArray().size() == 1);
    CHECK(QString::fromUtf8(checked->entries.value(QStringLiteral("说明.txt")))
              .contains(QStringLiteral("密级/知悉范围：内部资料")));
    // No partner and no folder: nothing to write.
    dialog.folderEdit()->clear();
    CHECK_FALSE(dialog.exportButton()->isEnabled());
}

TEST_CASE(
    "the exchange page lists partners, packages and the conflicts a person decides, and the decision is "
    "audited and travels back",
    "[ui][exchange]")
{
    Office city(QStringLiteral("市委巡察办"), QStringLiteral("市财政局"));
    Office siming(QStringLiteral("思明区委巡察办"), QStringLiteral("思明区教育局"));
    const QString cityProblem = city.addProblem(QStringLiteral("市级问题"));
    siming.addProblem(QStringLiteral("区级问题"));
    const QString file = claiming(siming, siming.exportTo(QStringLiteral("市委巡察办")), city, cityProblem,
                                  QStringLiteral("区里改过的市级问题"));
    REQUIRE(Exchange::importPackage(city.db(), file, false, true)->total.conflicts == 1);

    ExchangeDialog page(city.db());
    REQUIRE(page.partnersTable()->rowCount() == 1);
    CHECK(page.partnersTable()->item(0, 0)->text() == QStringLiteral("思明区委巡察办"));
    CHECK(page.partnersTable()->item(0, 1)->text() == siming.self.fingerprint);
    CHECK(page.partnersTable()->item(0, 5)->text() == QStringLiteral("1"));
    REQUIRE(page.packagesTable()->rowCount() == 1);
    CHECK(page.packagesTable()->item(0, 0)->text() == QStringLiteral("received from"));
    CHECK(page.packagesTable()->item(0, 2)->text() == QStringLiteral("1"));
    // The register keeps the moment in UTC (…T…Z); the page shows it in this machine's local time.
    const QString created = Sites::packages(city.db())->at(0).created;
    REQUIRE(created.endsWith(u'Z'));
    CHECK(page.packagesTable()->item(0, 3)->text() == QDateTime::fromString(created, Qt::ISODate)
                                                          .toLocalTime()
                                                          .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    CHECK(page.tabs()->tabText(ExchangeDialog::ConflictsTab) == QStringLiteral("Conflicts to decide (1)"));
    CHECK(page.conflictCountLabel()->text().startsWith(QStringLiteral("1 open conflicts")));
    QTableWidget *t = page.conflictsTable();
    REQUIRE(t->rowCount() == 1);
    CHECK(t->item(0, 1)->text() == QStringLiteral("R-1 市级问题"));
    CHECK(t->item(0, 2)->text() == QStringLiteral("description"));
    CHECK(t->item(0, 3)->text() == QStringLiteral("市级问题"));
    CHECK(t->item(0, 4)->text() == QStringLiteral("区里改过的市级问题"));
    CHECK(t->item(0, 5)->text() == QStringLiteral("思明区委巡察办"));
    CHECK(t->item(0, 7)->text() == QStringLiteral("the package changes a row this register owns"));
    CHECK_FALSE(page.keepButton()->isEnabled());
    t->selectRow(0);
    CHECK(page.keepButton()->isEnabled());
    REQUIRE(page.acceptButton()->isEnabled());
    bool changed = false;
    QObject::connect(&page, &ExchangeDialog::registerChanged, [&] { changed = true; });
    page.acceptButton()->click();
    CHECK(changed);
    CHECK(t->rowCount() == 0);
    CHECK(page.conflictCountLabel()->text() == QStringLiteral("No open conflicts."));
    CHECK(city.db()
              .scalar(QStringLiteral("SELECT description FROM problems WHERE uuid = ?"), {cityProblem})
              .toString() == QStringLiteral("区里改过的市级问题"));
    CHECK(city.db()
              .scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'exchange_conflicts' AND "
                                     "action = 'update'"))
              .toLongLong() == 1);
    // The decision goes back with the city's next package.
    auto back =
        Exchange::importPackage(siming.db(), city.exportTo(QStringLiteral("思明区委巡察办")), false, true);
    REQUIRE(back.ok());
    CHECK(back->decisionsReceived == 1);
}

TEST_CASE("文件 → 交换 holds the exchange pages", "[ui][exchange]")
{
    rectrack::ui::MainWindow window;
    QMenu *menu = window.findChild<QMenu *>(QStringLiteral("exchangeMenu"));
    REQUIRE(menu);
    QStringList names;
    for (QAction *a : menu->actions())
        if (!a->isSeparator())
            names << a->objectName();
    CHECK(names == QStringList{QStringLiteral("writePackageAction"), QStringLiteral("importPackageAction"),
                               QStringLiteral("exchangeStatusAction"),
                               QStringLiteral("exchangeConflictsAction")});
}

TEST_CASE("the exchange page lists possible duplicate units, merging asks first and is one undoable step",
          "[ui][exchange][duplicates]")
{
    Office city(QStringLiteral("市委巡察办"), QStringLiteral("市财政局"));
    Office siming(QStringLiteral("思明区委巡察办"), QStringLiteral("市财政局"));
    city.addProblem(QStringLiteral("市级问题一"));
    city.addProblem(QStringLiteral("市级问题二"));
    siming.addProblem(QStringLiteral("区级问题"));
    REQUIRE(Exchange::importPackage(city.db(), siming.exportTo(QStringLiteral("市委巡察办")), false, true)
                ->possibleDuplicates == 1);
    auto unitGroups = [&] {
        auto r = Statistics::compute(city.db(), QDate(2020, 9, 1), GroupBy::Unit);
        REQUIRE(r.ok());
        QStringList out;
        for (const GroupCounts &g : r->groups)
            out << QStringLiteral("%1=%2").arg(g.key).arg(g.counts.problems);
        return out.join(QStringLiteral(" | ")).toStdString();
    };
    CHECK(unitGroups() == "市财政局=2 | 市财政局（思明区委巡察办）=1");
    // The report's unit chooser and a scope taken from the ledger name the units the same way.
    CHECK(UnitDuplicates::groupNames(city.db()) ==
          QStringList{QStringLiteral("市财政局"), QStringLiteral("市财政局（思明区委巡察办）")});
    const qint64 districtUnit =
        city.db().scalar(QStringLiteral("SELECT max(id) FROM units WHERE name = '市财政局'")).toLongLong();
    CHECK(UnitDuplicates::groupName(city.db(), districtUnit) == QStringLiteral("市财政局（思明区委巡察办）"));
    {
        StatsFilter scope;
        scope.unit = UnitDuplicates::groupName(city.db(), districtUnit);
        CHECK(Statistics::compute(city.db(), QDate(2020, 9, 1), GroupBy::None, scope)->total.problems == 1);
    }

    ExchangeDialog page(city.db());
    QUndoStack stack;
    bool changed = false;
    page.setUndoStack(
        &stack, [&] { return &city.db(); }, [&] { changed = true; });
    QStringList asked;
    bool answer = false;
    page.setConfirm([&](const QString &text) {
        asked << text;
        return answer;
    });
    CHECK(page.tabs()->tabText(ExchangeDialog::DuplicatesTab) ==
          QStringLiteral("Possible duplicate units (1)"));
    CHECK(page.duplicateCountLabel()->text().startsWith(QStringLiteral("1 open possible duplicate units")));
    QTableWidget *t = page.duplicatesTable();
    REQUIRE(t->rowCount() == 1);
    CHECK(t->item(0, 1)->text() == QStringLiteral("市财政局"));
    CHECK(t->item(0, 2)->text() == QStringLiteral("市委巡察办"));
    CHECK(t->item(0, 3)->text() == QStringLiteral("市财政局"));
    CHECK(t->item(0, 4)->text() == QStringLiteral("思明区委巡察办"));
    CHECK(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d$"))
              .match(t->item(0, 5)->text())
              .hasMatch()); // local time, not the stored UTC text
    CHECK(t->item(0, 6)->text() == QStringLiteral("open"));
    CHECK_FALSE(page.mergeButton()->isEnabled());
    t->selectRow(0);
    REQUIRE(page.mergeButton()->isEnabled());
    CHECK(page.keepApartButton()->isEnabled());

    // Not confirmed: nothing changes.
    page.mergeButton()->click();
    REQUIRE(asked.size() == 1);
    CHECK(asked.at(0).contains(QStringLiteral("思明区委巡察办")));
    CHECK(*UnitDuplicates::openCount(city.db()) == 1);
    CHECK(stack.count() == 0);

    // Confirmed: merged, one step on the undo stack; the three problems count as one unit.
    answer = true;
    t->selectRow(0);
    page.mergeButton()->click();
    CHECK(*UnitDuplicates::openCount(city.db()) == 0);
    CHECK(stack.count() == 1);
    CHECK(page.tabs()->tabText(ExchangeDialog::DuplicatesTab) == QStringLiteral("Possible duplicate units"));
    CHECK(t->item(0, 6)->text() == QStringLiteral("merged"));
    t->selectRow(0);
    CHECK_FALSE(page.mergeButton()->isEnabled());
    CHECK(unitGroups() == "市财政局=3");

    // Undo reopens it, redo merges again; each an audit entry.
    stack.undo();
    CHECK(changed);
    CHECK(*UnitDuplicates::openCount(city.db()) == 1);
    CHECK(unitGroups() == "市财政局=2 | 市财政局（思明区委巡察办）=1");
    stack.redo();
    CHECK(*UnitDuplicates::openCount(city.db()) == 0);
    CHECK(unitGroups() == "市财政局=3");
    CHECK(city.db()
              .scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'unit_duplicates' AND "
                                     "action = 'update'"))
              .toLongLong() == 3);
}

TEST_CASE(
    "the problem editor shows a district's problem held in the city's register as read-only before an edit",
    "[ui][exchange]")
{
    Office city(QStringLiteral("市委巡察办"), QStringLiteral("市财政局"));
    Office siming(QStringLiteral("思明区委巡察办"), QStringLiteral("思明区教育局"));
    const QString own = city.addProblem(QStringLiteral("市级问题"));
    const QString districts = siming.addProblem(QStringLiteral("区级问题"));
    REQUIRE(
        Exchange::importPackage(city.db(), siming.exportTo(QStringLiteral("市委巡察办")), false, true).ok());
    auto idOf = [&](const QString &uuid) {
        return city.db()
            .scalar(QStringLiteral("SELECT id FROM problems WHERE uuid = ?"), {uuid})
            .toLongLong();
    };
    rectrack::ui::EditContext ctx;
    {
        rectrack::ui::ProblemEditor editor(city.db(), &ctx, idOf(districts));
        auto *note = editor.findChild<QLabel *>(QStringLiteral("heldNote"));
        REQUIRE(note);
        CHECK(note->text().startsWith(
            QStringLiteral("This problem belongs to 思明区委巡察办: it is read-only here")));
        CHECK(editor.findChild<QPlainTextEdit *>(QStringLiteral("description"))->isReadOnly());
        CHECK(editor.findChild<QLineEdit *>(QStringLiteral("responsibleOffice"))->isReadOnly());
        CHECK_FALSE(editor.findChild<QWidget *>(QStringLiteral("category"))->isEnabled());
        CHECK(editor.findChild<QWidget *>(QStringLiteral("closeOut"))->isHidden());
    }
    rectrack::ui::ProblemEditor mine(city.db(), &ctx, idOf(own));
    CHECK_FALSE(mine.findChild<QLabel *>(QStringLiteral("heldNote")));
    CHECK_FALSE(mine.findChild<QPlainTextEdit *>(QStringLiteral("description"))->isReadOnly());
}
