#include <catch2/catch.hpp>

#include "dialogs/feedbackdialog.h"
#include "dialogs/importwizard.h"
#include "dialogs/registerchoices.h"
#include "dialogs/repeatlinkdialog.h"
#include "dialogs/sourcelevelchoice.h"
#include "models/labels.h"
#include "testsupport.h"
#include "views/editingcontroller.h"
#include "views/filterbar.h"
#include "views/mainwindow.h"
#include "workflow/organizationservice.h"
#include "workflow/oversightregisters.h"
#include "workflow/problemservice.h"
#include "workflow/registerlevel.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QSettings>
#include <QStandardPaths>

#include <memory>

using namespace rectrack;
using namespace rectrack::core;
using rectrack::ui::FeedbackDialog;
using rectrack::ui::Labels;
using rectrack::ui::MainWindow;

namespace {

/// The levels a combo offers, in its order (item data, skipping an "All" item without data).
QList<SourceLevel> offered(const QComboBox *combo)
{
    QList<SourceLevel> out;
    for (int i = 0; i < combo->count(); ++i)
        if (combo->itemData(i).isValid())
            out << SourceLevel(combo->itemData(i).toInt());
    return out;
}

const QList<SourceLevel> kOrder{SourceLevel::Central, SourceLevel::Provincial, SourceLevel::Municipal,
                                SourceLevel::District};

/// A district register (term 十三届区委) with one municipal problem, opened in the main window.
struct DistrictWindow
{
    DistrictWindow()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().remove(QStringLiteral("feedback/source"));
        OrganizationService org(*reg.db);
        REQUIRE(org.addTerm({0, QStringLiteral("十三届区委"), QDate(2021, 10, 1), QDate(2026, 9, 30)}).ok());
        const qint64 unit = *org.ensureUnit(QStringLiteral("思明区财政局党组"));
        Inspection i;
        i.unitId = unit;
        i.source = SourceLevel::Municipal;
        i.feedbackDate = QDate(2020, 12, 1);
        const qint64 insp = *org.addInspection(i);
        Problem p;
        p.unitId = unit;
        p.inspectionId = insp;
        p.source = SourceLevel::Municipal;
        p.registrationNo = QStringLiteral("市-01");
        p.description = QStringLiteral("预算执行不严格");
        p.feedbackDate = QDate(2020, 12, 1);
        municipalProblem = *ProblemService(*reg.db).registerProblem(p);
        reg.db.reset(); // the window opens the file itself
        REQUIRE(window.openRegister(reg.path, true));
        window.database()->setClock(&reg.clock);
        window.editing()->setOperator(QStringLiteral("王科员"));
    }
    ~DistrictWindow()
    {
        window.closeRegister();
        QSettings().remove(QStringLiteral("feedback/source"));
    }
    QComboBox *feedbackSource(FeedbackDialog *d)
    {
        return d->findChild<QComboBox *>(QStringLiteral("feedbackSource"));
    }

    test::TempRegister reg;
    MainWindow window;
    qint64 municipalProblem = 0;
};

} // namespace

TEST_CASE("a district register registers district feedback by default and remembers the last level",
          "[ui][sources]")
{
    DistrictWindow w;
    CHECK(registerSourceLevel(*w.window.database()) == SourceLevel::District);
    {
        std::unique_ptr<FeedbackDialog> d(w.window.editing()->createFeedbackDialog(nullptr));
        QComboBox *source = w.feedbackSource(d.get());
        REQUIRE(source);
        CHECK(offered(source) == kOrder);
        CHECK(source->currentText() == Labels::source(SourceLevel::District));
    }
    {
        ui::ImportWizard wizard(w.window.database());
        auto *source = wizard.findChild<QComboBox *>(QStringLiteral("source"));
        REQUIRE(source);
        CHECK(offered(source) == kOrder);
        CHECK(SourceLevel(source->currentData().toInt()) == SourceLevel::District);
    }
    // A municipal feedback registered in the district register: the next one defaults to it.
    ui::FeedbackDraft draft;
    draft.unit = QStringLiteral("思明区财政局党组");
    draft.source = SourceLevel::Municipal;
    draft.feedbackDate = QDate(2021, 1, 10);
    Problem p;
    p.registrationNo = QStringLiteral("市-02");
    p.description = QStringLiteral("政府采购不规范");
    draft.problems << p;
    REQUIRE(w.window.editing()->registerFeedback(draft).ok());
    CHECK(QSettings().value(QStringLiteral("feedback/source/district")).toString() ==
          QStringLiteral("municipal"));
    {
        std::unique_ptr<FeedbackDialog> d(w.window.editing()->createFeedbackDialog(nullptr));
        CHECK(w.feedbackSource(d.get())->currentText() == Labels::source(SourceLevel::Municipal));
    }
    {
        ui::ImportWizard wizard(w.window.database());
        CHECK(SourceLevel(wizard.findChild<QComboBox *>(QStringLiteral("source"))->currentData().toInt()) ==
              SourceLevel::Municipal);
    }
    // The remembered choice is the district registers': a municipal register still starts at its own.
    CHECK(ui::SourceLevelChoice::defaultFor(SourceLevel::Municipal) == SourceLevel::Municipal);
    // The filter bar lists the levels in the same order.
    auto *filterSource =
        w.window.findChild<ui::FilterBar *>()->findChild<QComboBox *>(QStringLiteral("filterSource"));
    REQUIRE(filterSource);
    CHECK(offered(filterSource) == kOrder);
}

TEST_CASE("the integrated-rectification dialog names the register's own level", "[ui][sources]")
{
    DistrictWindow w;
    ui::RegisterChoices choices;
    choices.problems = OversightRegisters::problemChoices(*w.window.database());
    choices.ownSource = registerSourceLevel(*w.window.database());
    ProblemService problems(*w.window.database());
    Problem p;
    p.unitId = problems.problem(w.municipalProblem)->unitId;
    p.inspectionId = problems.problem(w.municipalProblem)->inspectionId;
    p.source = SourceLevel::District;
    p.registrationNo = QStringLiteral("区-01");
    p.description = QStringLiteral("预算执行不严格（区级）");
    p.feedbackDate = QDate(2021, 1, 10);
    const auto registered = problems.registerProblem(p);
    INFO((registered ? QString() : registered.error().message).toStdString());
    REQUIRE(registered.ok());
    const qint64 district = *registered;
    choices.problems = OversightRegisters::problemChoices(*w.window.database());

    ui::RepeatLinkDialog d(0, 0, choices);
    auto *own = d.findChild<QComboBox *>(QStringLiteral("repeatProblem"));
    auto *target = d.findChild<QComboBox *>(QStringLiteral("repeatTarget"));
    REQUIRE(own);
    REQUIRE(target);
    // The register's own (district) problem on the left, the municipal one it may repeat on the right.
    REQUIRE(own->count() == 2);
    CHECK(own->itemText(0) ==
          QStringLiteral("(choose a %1 problem)").arg(Labels::source(SourceLevel::District)));
    CHECK(own->itemData(1).toLongLong() == district);
    REQUIRE(target->count() == 2);
    CHECK(target->itemData(1).toLongLong() == w.municipalProblem);
    QStringList labels;
    for (const QLabel *l : d.findChildren<QLabel *>())
        labels << l->text();
    CHECK(labels.contains(QStringLiteral("%1 problem:").arg(Labels::source(SourceLevel::District))));
    CHECK_FALSE(labels.contains(QStringLiteral("%1 problem:").arg(Labels::source(SourceLevel::Municipal))));
}
