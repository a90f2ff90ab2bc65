#include <catch2/catch.hpp>

#include "dialogs/welcomedialog.h"
#include "exchange/sites.h"
#include "testsupport.h"
#include "views/mainwindow.h"
#include "workflow/organizationservice.h"

#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>

using rectrack::ui::MainWindow;
using rectrack::ui::WelcomeDialog;

TEST_CASE("the first-run dialog offers a new register, an existing one or the demo", "[ui][welcome]")
{
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir dir;
    WelcomeDialog dialog;
    CHECK(dialog.choice() == WelcomeDialog::Choice::None);
    // Creating needs a committee/term name and a file.
    dialog.termNameEdit()->clear();
    CHECK_FALSE(dialog.createButton()->isEnabled());
    dialog.termNameEdit()->setText(QStringLiteral("十二届区委"));
    dialog.pathEdit()->setText(dir.filePath(QStringLiteral("区委巡察")));
    CHECK(dialog.createButton()->isEnabled());
    dialog.createButton()->click();
    CHECK(dialog.choice() == WelcomeDialog::Choice::Create);
    CHECK(dialog.path() == dir.filePath(QStringLiteral("区委巡察.rtreg")));
    CHECK(dialog.termName() == QStringLiteral("十二届区委"));

    dialog.officeEdit()->setText(QStringLiteral(" 思明区委巡察办 "));
    CHECK(dialog.office() == QStringLiteral("思明区委巡察办"));

    // The main window creates the register with its term and, with an office named, its site.
    MainWindow window;
    REQUIRE(window.createRegister(dialog.path(), dialog.termName(), dialog.office()));
    REQUIRE(window.database());
    const QList<rectrack::core::Term> terms = rectrack::core::OrganizationService(*window.database()).terms();
    REQUIRE(terms.size() == 1);
    CHECK(terms.first().name == QStringLiteral("十二届区委"));
    const auto site = rectrack::core::exchange::Sites::self(*window.database());
    REQUIRE(site.ok());
    CHECK(site->office == QStringLiteral("思明区委巡察办"));
    CHECK(site->publicKey.size() == 32);

    WelcomeDialog demo;
    demo.demoButton()->click();
    CHECK(demo.choice() == WelcomeDialog::Choice::Demo);
}
