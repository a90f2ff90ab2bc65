#include "testsupport.h"

#include "demo/demoregister.h"
#include "models/registerfilterproxy.h"
#include "models/registermodel.h"
#include "views/mainwindow.h"
#include "views/navigationpane.h"
#include "views/registerview.h"
#include "workflow/oversightservice.h"

#include <QAbstractItemModelTester>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>

#include <catch2/catch.hpp>

using namespace rectrack;
using namespace rectrack::core;
using rectrack::ui::MainWindow;
using rectrack::ui::NavigationPane;
using rectrack::ui::RegisterModel;
using Register = rectrack::ui::RegisterModel::Register;

namespace {

QStringList headers(const QAbstractItemModel *m)
{
    QStringList out;
    for (int c = 0; c < m->columnCount(); ++c)
        out << m->headerData(c, Qt::Horizontal).toString();
    return out;
}

} // namespace

TEST_CASE("each supervision register of the demo register is a view in the navigation tree",
          "[ui][registers][demo]")
{
    QStandardPaths::setTestModeEnabled(true);
    test::TempRegister reg;
    REQUIRE(DemoRegister::build(*reg.db).ok());
    reg.db.reset();
    MainWindow window;
    REQUIRE(window.openRegister(reg.path, true));
    window.resize(1440, 900);
    window.show();

    const QList<std::pair<Register, int>> expected{
        {Register::Clues, 12},        {Register::Referrals, 69},        {Register::Evaluations, 7},
        {Register::ReturnVisits, 20}, {Register::Outcomes, 35 + 4 + 6}, {Register::Coverage, 105},
        {Register::RepeatLinks, 0}};
    for (const auto &[which, rows] : expected) {
        INFO(RegisterModel::key(which).toStdString());
        window.navigation()->selectRegister(int(which));
        CHECK(window.tabs()->currentIndex() == MainWindow::RegistersTab);
        CHECK(window.registerView()->current() == which);
        REQUIRE(window.registerView()->table()->model() == window.registerView()->proxy());
        auto *shown = qobject_cast<RegisterModel *>(window.registerView()->proxy()->sourceModel());
        REQUIRE(shown == window.registerView()->model(which));
        CHECK(shown->rowCount() == rows);
        QAbstractItemModelTester tester(shown, QAbstractItemModelTester::FailureReportingMode::Fatal);
        shown->load(window.database(), window.asOf()); // a reset under the tester
        CHECK(shown->rowCount() == rows);
        // Edited through the editor dialogs only: no cell is editable in place.
        for (int r = 0; r < shown->rowCount(); ++r)
            CHECK_FALSE(shown->flags(shown->index(r, 0)).testFlag(Qt::ItemIsEditable));
        CHECK(window.registerView()->titleText().contains(RegisterModel::title(which)));
    }

    // Headers as the office's registers name them (the app runs in English in the tests).
    CHECK(headers(window.registerView()->model(Register::Clues)).size() == 7);
    // … and, for referrals raised from a common problem, copy-to, response date and the pattern.
    CHECK(headers(window.registerView()->model(Register::Referrals)).size() == 10);
    CHECK(headers(window.registerView()->model(Register::Evaluations)).size() == 5);
    CHECK(headers(window.registerView()->model(Register::ReturnVisits)).size() == 7);
    CHECK(headers(window.registerView()->model(Register::Outcomes)).size() >= 4);
    CHECK(headers(window.registerView()->model(Register::Coverage)).size() == 4);
    CHECK(headers(window.registerView()->model(Register::RepeatLinks)).size() == 6);

    // Overdue clues are the rows tinted red, exactly those core counts as overdue.
    RegisterModel *clues = window.registerView()->model(Register::Clues);
    auto db = Database::open(reg.path);
    REQUIRE(db.ok());
    int overdue = 0;
    for (const Clue &c : OversightService(**db).clues())
        overdue += OversightService::isClueOverdue(c, window.asOf()) ? 1 : 0;
    int red = 0;
    for (int r = 0; r < clues->rowCount(); ++r) {
        const bool isRed = clues->index(r, 0).data(RegisterModel::OverdueRole).toBool();
        red += isRed ? 1 : 0;
        CHECK(clues->index(r, 0).data(Qt::BackgroundRole).isValid() == isRed);
    }
    CHECK(red == overdue);

    // Outcome categories: 35 rules, 4 accountability decisions, 6 recoveries.
    RegisterModel *outcomes = window.registerView()->model(Register::Outcomes);
    QMap<QString, int> byCategory;
    for (int r = 0; r < outcomes->rowCount(); ++r)
        ++byCategory[outcomes->index(r, 0).data().toString()];
    CHECK(byCategory.size() == 3);
    CHECK(byCategory.value(RegisterModel::tr("Rule established")) == 35);
    CHECK(byCategory.value(RegisterModel::tr("Accountability")) == 4);
    CHECK(byCategory.value(RegisterModel::tr("Funds recovered")) == 6);

    // Going back to a ledger item leaves the register page.
    window.navigation()->selectSmartList(NavigationPane::SmartList::Overdue);
    CHECK(window.tabs()->currentIndex() == MainWindow::ProblemTab);

    // Closing the register empties the registers.
    window.closeRegister();
    CHECK(window.registerView()->model(Register::Referrals)->rowCount() == 0);
}
