#include <catch2/catch.hpp>

#include "dialogs/welcomedialog.h"
#include "exchange/sites.h"
#include "testsupport.h"
#include "views/mainwindow.h"
#include "workflow/organizationservice.h"

#include <QComboBox>
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
    CHECK(site->algorithm() == rectrack::core::exchange::Algorithm::Ed25519);

    // An office that must use national algorithms: SM2 over SM3, chosen with the office.
    WelcomeDialog sm2;
    CHECK_FALSE(sm2.algorithmBox()->isEnabled()); // no office, no site
    sm2.officeEdit()->setText(QStringLiteral("湖里区委巡察办"));
    CHECK(sm2.algorithmBox()->isEnabled());
    REQUIRE(sm2.algorithmBox()->count() == 2);
    CHECK(sm2.algorithm() == rectrack::core::exchange::Algorithm::Ed25519);
    sm2.algorithmBox()->setCurrentIndex(1);
    CHECK(sm2.algorithm() == rectrack::core::exchange::Algorithm::Sm2);
    MainWindow national;
    REQUIRE(national.createRegister(dir.filePath(QStringLiteral("湖里.rtreg")), QStringLiteral("十二届区委"),
                                    sm2.office(), sm2.algorithm()));
    const auto huli = rectrack::core::exchange::Sites::self(*national.database());
    REQUIRE(huli.ok());
    CHECK(huli->office == QStringLiteral("湖里区委巡察办"));
    CHECK(huli->algorithm() == rectrack::core::exchange::Algorithm::Sm2);
    CHECK(rectrack::core::exchange::algorithmName(huli->algorithm()) == QStringLiteral("SM2-SM3"));

    WelcomeDialog demo;
    demo.demoButton()->click();
    CHECK(demo.choice() == WelcomeDialog::Choice::Demo);
}
