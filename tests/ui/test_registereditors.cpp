#include "testsupport.h"

#include "demo/demoregister.h"
#include "dialogs/campaigndialog.h"
#include "dialogs/cluedialog.h"
#include "dialogs/evaluationdialog.h"
#include "dialogs/outcomedialog.h"
#include "dialogs/referraldialog.h"
#include "dialogs/repeatlinkdialog.h"
#include "models/registerfilterproxy.h"
#include "models/registermodel.h"
#include "views/mainwindow.h"
#include "views/navigationpane.h"
#include "views/registerview.h"
#include "workflow/oversightservice.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

#include <catch2/catch.hpp>

#include <functional>

using namespace rectrack;
using rectrack::ui::MainWindow;
using rectrack::ui::RegisterModel;
using rectrack::ui::RegisterView;
using Register = rectrack::ui::RegisterModel::Register;

namespace {

/// Runs @p fn on the next modal dialog of type T (for which @p match holds, if given) once it is
/// shown (polling the event loop).
template <typename T> void whenModal(std::function<void(T *)> fn, std::function<bool(T *)> match = {})
{
    auto *timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, fn, match] {
        auto *d = qobject_cast<T *>(QApplication::activeModalWidget());
        if (d && d->isVisible() && (!match || match(d))) {
            timer->stop();
            timer->deleteLater();
            fn(d);
        }
    });
    timer->start();
}

template <typename T> T *child(QWidget *w, const char *name)
{
    T *c = w->findChild<T *>(QString::fromLatin1(name));
    REQUIRE(c != nullptr);
    return c;
}

void clickOk(QDialog *d)
{
    QPushButton *ok = d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    REQUIRE(ok->isEnabled());
    ok->click();
}

/// Answers the delete confirmation with @p button.
void answer(QMessageBox::StandardButton button)
{
    whenModal<QMessageBox>([button](QMessageBox *box) { box->button(button)->click(); });
}

/// The demo register open in a main window as of 2021-01-15.
struct DemoWindow
{
    test::TempRegister reg;
    MainWindow window;
    DemoWindow()
    {
        QStandardPaths::setTestModeEnabled(true);
        REQUIRE(core::DemoRegister::build(*reg.db).ok());
        reg.db.reset();
        REQUIRE(window.openRegister(reg.path, true));
        REQUIRE(window.asOf() == QDate(2021, 1, 15));
        window.resize(1440, 900);
        window.show();
    }
    RegisterView *view() { return window.registerView(); }
    void show(Register r) { window.navigation()->selectRegister(int(r)); }
    /// Proxy row whose column @p column reads @p text; -1 when none.
    int rowOf(int column, const QString &text)
    {
        auto *p = view()->proxy();
        for (int r = 0; r < p->rowCount(); ++r) {
            if (p->index(r, column).data().toString() == text)
                return r;
        }
        return -1;
    }
    void select(int row) { view()->table()->selectRow(row); }
};

} // namespace

TEST_CASE("adding a clue through its editor shows it, red when overdue on the as-of date",
          "[ui][registers][editor]")
{
    DemoWindow w;
    w.show(Register::Clues);
    RegisterModel *clues = w.view()->model(Register::Clues);
    REQUIRE(clues->rowCount() == 12);

    auto addClue = [&](const QString &summary, const QDate &transfer, const QDate &expectedDue) {
        whenModal<ui::ClueDialog>([=](ui::ClueDialog *d) {
            // OK is disabled until the clue has a summary.
            CHECK_FALSE(d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
            CHECK(child<QLabel>(d, "clueMessage")->text() ==
                  core::OversightService::tr("A clue needs a summary."));
            child<QPlainTextEdit>(d, "clueSummary")->setPlainText(summary);
            child<QSpinBox>(d, "cluePersonsCount")->setValue(2);
            child<QLineEdit>(d, "cluePersonsRoles")->setText(QStringLiteral("科长1名、科员1名"));
            child<QComboBox>(d, "clueReceiver")->setCurrentText(QStringLiteral("市委组织部"));
            child<QDateEdit>(d, "clueTransferDate")->setDate(transfer);
            // The due date follows the transfer: 3 months.
            CHECK(child<QDateEdit>(d, "clueDueDate")->date() == expectedDue);
            clickOk(d);
        });
        w.view()->addRecord();
    };
    addClue(QStringLiteral("反映某局干部违规经商办企业问题"), QDate(2020, 10, 10), QDate(2021, 1, 10));
    addClue(QStringLiteral("反映某局违规发放奖金问题"), QDate(2020, 10, 15), QDate(2021, 1, 15));
    CHECK(clues->rowCount() == 14);
    CHECK(w.view()->titleText().contains(QStringLiteral("14")));
    const int late = w.rowOf(1, QStringLiteral("反映某局干部违规经商办企业问题"));
    const int due = w.rowOf(1, QStringLiteral("反映某局违规发放奖金问题"));
    REQUIRE(late >= 0);
    REQUIRE(due >= 0);
    auto *p = w.view()->proxy();
    // Due 2021-01-10: overdue on 2021-01-15, red. Due on the as-of date itself: not yet.
    CHECK(p->index(late, 0).data(RegisterModel::OverdueRole).toBool());
    CHECK(p->index(late, 0).data(Qt::BackgroundRole).isValid());
    CHECK(p->index(late, 2).data().toString() == QStringLiteral("2 (科长1名、科员1名)"));
    CHECK(p->index(late, 3).data().toString() == QStringLiteral("市委组织部"));
    CHECK_FALSE(p->index(due, 0).data(RegisterModel::OverdueRole).toBool());
    CHECK_FALSE(p->index(due, 0).data(Qt::BackgroundRole).isValid());
    // Overdue only: the demo's one overdue clue and the new one.
    child<QCheckBox>(w.view(), "registerFlaggedOnly")->setChecked(true);
    CHECK(p->rowCount() == 2);
    CHECK(w.view()->summaryText().contains(QStringLiteral("2 overdue")));
}

TEST_CASE("editing a referral's linked problems changes its problem count", "[ui][registers][editor]")
{
    DemoWindow w;
    w.show(Register::Referrals);
    child<QLineEdit>(w.view(), "registerFilter")->setText(QStringLiteral("厦巡抄〔2020〕1号"));
    auto *p = w.view()->proxy();
    REQUIRE(p->rowCount() == 1);
    CHECK(p->index(0, 5).data().toString() == QStringLiteral("2"));
    int shownInDialog = -1;
    whenModal<ui::ReferralDialog>([&](ui::ReferralDialog *d) {
        CHECK(child<QLabel>(d, "referralProblemCount")->text() == QStringLiteral("2 problem(s) concerned"));
        auto *list = child<QListWidget>(d, "referralProblems");
        int added = 0;
        for (int i = 0; i < list->count() && added < 3; ++i) {
            if (list->item(i)->checkState() == Qt::Unchecked) {
                list->item(i)->setCheckState(Qt::Checked);
                ++added;
            }
        }
        CHECK(child<QLabel>(d, "referralProblemCount")->text() == QStringLiteral("5 problem(s) concerned"));
        // The problem filter hides, it does not uncheck.
        child<QLineEdit>(d, "referralProblemFilter")->setText(QStringLiteral("zzz-no-such-text"));
        CHECK(d->referral().problemIds.size() == 5);
        shownInDialog = int(d->referral().problemIds.size());
        clickOk(d);
    });
    // Enter on the current row opens the editor.
    w.view()->table()->setFocus();
    w.view()->table()->setCurrentIndex(p->index(0, 0));
    QTest::keyClick(w.view()->table(), Qt::Key_Return);
    CHECK(shownInDialog == 5);
    REQUIRE(p->rowCount() == 1);
    CHECK(p->index(0, 5).data().toString() == QStringLiteral("5"));
    CHECK(w.view()->model(Register::Referrals)->rowCount() == 69);
}

TEST_CASE("an evaluation with known deductions shows its score and grade live", "[ui][registers][editor]")
{
    DemoWindow w;
    w.show(Register::Evaluations);
    REQUIRE(w.view()->model(Register::Evaluations)->rowCount() == 7);
    whenModal<ui::EvaluationDialog>([](ui::EvaluationDialog *d) {
        auto *unit = child<QComboBox>(d, "evaluationUnit");
        unit->setCurrentIndex(unit->findText(QStringLiteral("市交通运输局党组")));
        REQUIRE(unit->currentIndex() > 0);
        CHECK(child<QLabel>(d, "evaluationScore")->text() == QStringLiteral("100.0"));
        CHECK(child<QLabel>(d, "evaluationGrade")->text() == QStringLiteral("好"));
        const double deductions[] = {3, 6, 2, 2, 3};
        for (int i = 0; i < 5; ++i)
            child<QDoubleSpinBox>(d, QStringLiteral("evaluationDeduction%1").arg(i).toLatin1().constData())
                ->setValue(deductions[i]);
        CHECK(d->scoreText() == QStringLiteral("84.0"));
        CHECK(d->gradeText() == QStringLiteral("较好"));
        CHECK(child<QLabel>(d, "evaluationSecondRectification")->text().isEmpty());
        const double worse[] = {5, 12, 4, 6, 8};
        for (int i = 0; i < 5; ++i)
            child<QDoubleSpinBox>(d, QStringLiteral("evaluationDeduction%1").arg(i).toLatin1().constData())
                ->setValue(worse[i]);
        CHECK(d->scoreText() == QStringLiteral("65.0"));
        CHECK(d->gradeText() == QStringLiteral("一般"));
        CHECK_FALSE(child<QLabel>(d, "evaluationSecondRectification")->text().isEmpty());
        // A deduction is capped at its criterion's maximum (研究部署: 15).
        auto *first = child<QDoubleSpinBox>(d, "evaluationDeduction0");
        first->setValue(40);
        CHECK(first->value() == 15);
        CHECK(d->scoreText() == QStringLiteral("55.0"));
        CHECK(d->gradeText() == QStringLiteral("差"));
        first->setValue(5);
        clickOk(d);
    });
    w.view()->addRecord();
    REQUIRE(w.view()->model(Register::Evaluations)->rowCount() == 8);
    const int row = w.rowOf(0, QStringLiteral("市交通运输局党组"));
    REQUIRE(row >= 0);
    auto *p = w.view()->proxy();
    CHECK(p->index(row, 2).data().toString() == QStringLiteral("65.0"));
    CHECK(p->index(row, 3).data().toString() == QStringLiteral("一般"));
    CHECK(p->index(row, 4).data().toString() == RegisterModel::tr("Yes"));
    CHECK(w.view()->summaryText().contains(QStringLiteral("8 units evaluated")));
}

TEST_CASE("deleting a register row asks first and removes it only on yes", "[ui][registers][editor]")
{
    DemoWindow w;
    w.show(Register::Clues);
    RegisterModel *clues = w.view()->model(Register::Clues);
    REQUIRE(clues->rowCount() == 12);
    auto *deleteButton = child<QPushButton>(w.view(), "registerDelete");
    CHECK_FALSE(deleteButton->isEnabled()); // nothing selected
    w.select(0);
    REQUIRE(deleteButton->isEnabled());
    answer(QMessageBox::No);
    deleteButton->click();
    CHECK(clues->rowCount() == 12);
    answer(QMessageBox::Yes);
    deleteButton->click();
    CHECK(clues->rowCount() == 11);

    // Outcomes: a recovery of funds deleted from its own table.
    w.show(Register::Outcomes);
    auto *kind = child<QComboBox>(w.view(), "registerKind");
    kind->setCurrentIndex(kind->findData(int(core::OutcomeRow::Kind::FundsRecovered)));
    REQUIRE(w.view()->proxy()->rowCount() == 6);
    w.select(0);
    answer(QMessageBox::Yes);
    deleteButton->click();
    CHECK(w.view()->proxy()->rowCount() == 5);
    CHECK(w.view()->model(Register::Outcomes)->rowCount() == 44);
    CHECK(w.view()->summaryText().startsWith(QStringLiteral("35 rules established")));
}

TEST_CASE("register views sort by header click and filter to exact row counts on the demo register",
          "[ui][registers][filter]")
{
    DemoWindow w;
    auto *p = w.view()->proxy();
    auto *filter = child<QLineEdit>(w.view(), "registerFilter");
    auto *kind = child<QComboBox>(w.view(), "registerKind");
    auto *flagged = child<QCheckBox>(w.view(), "registerFlaggedOnly");
    QHeaderView *header = w.view()->table()->horizontalHeader();

    // Referrals: kind, text, both; a header click sorts by date.
    w.show(Register::Referrals);
    REQUIRE(kind->isVisible());
    CHECK_FALSE(flagged->isVisible());
    CHECK(p->rowCount() == 69);
    const QList<std::pair<core::ReferralKind, int>> kinds{{core::ReferralKind::ReferralSheet, 43},
                                                          {core::ReferralKind::ThematicReport, 23},
                                                          {core::ReferralKind::KeySituationReport, 3}};
    for (const auto &[k, n] : kinds) {
        kind->setCurrentIndex(kind->findData(int(k)));
        CHECK(p->rowCount() == n);
    }
    kind->setCurrentIndex(0);
    filter->setText(QStringLiteral("市财政局"));
    CHECK(p->rowCount() == 6);
    filter->setText(QStringLiteral("公务接待"));
    CHECK(p->rowCount() == 8);
    CHECK(w.view()->titleText().contains(QStringLiteral("8 of 69")));
    filter->clear();
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                      QPoint(header->sectionViewportPosition(2) + 5, 5));
    CHECK(p->index(0, 2).data().toString() == QStringLiteral("2020-02-10"));
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                      QPoint(header->sectionViewportPosition(2) + 5, 5));
    CHECK(p->index(0, 2).data().toString() == QStringLiteral("2020-11-30"));
    // Referrals per year by kind above the table.
    QTableWidget *years = w.view()->referralYears();
    REQUIRE(years->isVisible());
    REQUIRE(years->rowCount() == 1);
    QStringList cells;
    for (int c = 0; c < years->columnCount(); ++c)
        cells << years->item(0, c)->text();
    CHECK(cells == QStringList{QStringLiteral("2020"), QStringLiteral("43"), QStringLiteral("23"),
                               QStringLiteral("3"), QStringLiteral("69")});

    // Clues: overdue only; the text filter; switching registers clears the filters.
    w.show(Register::Clues);
    CHECK_FALSE(years->isVisible());
    CHECK(filter->text().isEmpty());
    CHECK(p->rowCount() == 12);
    flagged->setChecked(true);
    CHECK(p->rowCount() == 1);
    CHECK(p->index(0, 4).data().toString() == QStringLiteral("2021-01-05"));
    flagged->setChecked(false);
    filter->setText(QStringLiteral("组织部"));
    CHECK(p->rowCount() == 3);
    filter->clear();

    // Evaluations sort by score as a number.
    w.show(Register::Evaluations);
    w.view()->table()->sortByColumn(2, Qt::AscendingOrder);
    CHECK(p->index(0, 2).data().toString() == QStringLiteral("65.0"));
    CHECK(p->index(6, 2).data().toString() == QStringLiteral("95.0"));
    flagged->setChecked(true); // second rectification only: 一般 77 and 65
    CHECK(p->rowCount() == 2);

    // Outcomes by kind.
    w.show(Register::Outcomes);
    CHECK(p->rowCount() == 45);
    kind->setCurrentIndex(kind->findData(int(core::OutcomeRow::Kind::RuleEstablished)));
    CHECK(p->rowCount() == 35);
    kind->setCurrentIndex(kind->findData(int(core::OutcomeRow::Kind::Accountability)));
    CHECK(p->rowCount() == 4);

    // Coverage: the must-cover list and the units still to cover.
    w.show(Register::Coverage);
    CHECK(p->rowCount() == 105);
    flagged->setChecked(true);
    CHECK(p->rowCount() == 6);
    filter->setText(QStringLiteral("企事业单位"));
    CHECK(p->rowCount() <= 6);
    CHECK(w.view()->summaryText().contains(QStringLiteral("94.3%")));

    // Return visits: the campaign and the units in performance assessment, with the definition.
    w.show(Register::ReturnVisits);
    CHECK(p->rowCount() == 20);
    CHECK(w.view()->summaryText().contains(QStringLiteral("Units in performance assessment: 41")));
    CHECK(w.view()->summaryText().contains(QStringLiteral("20 unit(s) with open problems")));
    QLabel *summary = child<QLabel>(w.view(), "registerSummary");
    CHECK(summary->toolTip().contains(QStringLiteral("6 month(s)")));
    CHECK(summary->toolTip().contains(QStringLiteral("not closed out")));
}

TEST_CASE("a campaign over rounds 1-8 lists the units with unfinished problems, return visits and outcomes "
          "are added",
          "[ui][registers][editor]")
{
    DemoWindow w;
    w.show(Register::ReturnVisits);
    QStringList listed;
    whenModal<ui::CampaignDialog>([&](ui::CampaignDialog *d) {
        child<QLineEdit>(d, "campaignName")->setText(QStringLiteral("前八轮巡察整改回头看"));
        auto *rounds = child<QListWidget>(d, "campaignRounds");
        REQUIRE(rounds->count() >= 8);
        for (int i = 0; i < 8; ++i)
            rounds->item(i)->setCheckState(Qt::Checked);
        listed = d->listedUnits();
        clickOk(d);
    });
    CHECK(child<QPushButton>(w.view(), "registerCampaign")->isVisible()); // its menu: new, edit, delete
    w.view()->addCampaign();
    CHECK(listed.size() == 20);
    CHECK(w.view()->summaryText().contains(QStringLiteral("前八轮巡察整改回头看: 20 unit(s)")));

    // A return visit within the new campaign offers exactly its 20 units.
    whenModal<QDialog>([&](QDialog *d) {
        REQUIRE(d->objectName() == QStringLiteral("returnVisitDialog"));
        child<QComboBox>(d, "visitCampaign")->setCurrentText(QStringLiteral("前八轮巡察整改回头看"));
        auto *unit = child<QComboBox>(d, "visitUnit");
        CHECK(unit->count() == 21); // "(choose a unit)" and the 20 units
        unit->setCurrentIndex(1);
        child<QLineEdit>(d, "visitVisitors")->setText(QStringLiteral("第一督导组"));
        clickOk(d);
    });
    child<QPushButton>(w.view(), "registerAdd")->click();
    CHECK(w.view()->model(Register::ReturnVisits)->rowCount() == 21);

    // An outcome: funds recovered, in yuan.
    w.show(Register::Outcomes);
    whenModal<ui::OutcomeDialog>([](ui::OutcomeDialog *d) {
        auto *kind = child<QComboBox>(d, "outcomeKind");
        kind->setCurrentIndex(kind->findData(int(core::OutcomeRow::Kind::FundsRecovered)));
        CHECK_FALSE(d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
        child<QDoubleSpinBox>(d, "outcomeYuan")->setValue(12345.6);
        clickOk(d);
    });
    child<QPushButton>(w.view(), "registerAdd")->click();
    CHECK(w.view()->model(Register::Outcomes)->rowCount() == 46);
}

TEST_CASE("integrated rectification links a municipal problem from the register view and unlinks it",
          "[ui][registers][editor]")
{
    DemoWindow w;
    w.show(Register::RepeatLinks);
    auto *p = w.view()->proxy();
    REQUIRE(p->rowCount() == 0);
    whenModal<ui::RepeatLinkDialog>([](ui::RepeatLinkDialog *d) {
        CHECK_FALSE(d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
        child<QComboBox>(d, "repeatProblem")->setCurrentIndex(1);
        child<QComboBox>(d, "repeatTarget")->setCurrentIndex(1);
        clickOk(d);
    });
    child<QPushButton>(w.view(), "registerAdd")->click();
    REQUIRE(p->rowCount() == 1);
    CHECK(p->index(0, 3).data().toString() != QString());
    w.select(0);
    answer(QMessageBox::Yes);
    child<QPushButton>(w.view(), "registerDelete")->click();
    CHECK(p->rowCount() == 0);
}

TEST_CASE("a campaign is edited from the register view, the assessment months and follow-up setting apply",
          "[ui][registers][editor]")
{
    DemoWindow w;
    w.show(Register::ReturnVisits);
    const QList<core::Campaign> campaigns = [&] {
        auto db = core::Database::open(w.reg.path);
        REQUIRE(db.ok());
        return core::OversightService(**db).campaigns();
    }();
    REQUIRE(campaigns.size() == 1);
    QStringList listed;
    whenModal<ui::CampaignDialog>([&](ui::CampaignDialog *d) {
        CHECK(d->listedUnits().size() == 20);
        auto *rounds = child<QListWidget>(d, "campaignRounds");
        for (int i = 0; i < rounds->count(); ++i) {
            if (rounds->item(i)->text() == QStringLiteral("第八轮"))
                rounds->item(i)->setCheckState(Qt::Unchecked);
        }
        listed = d->listedUnits();
        clickOk(d);
    });
    w.view()->editCampaign(campaigns.first().id);
    CHECK(listed.size() == 18);
    CHECK(w.view()->summaryText().contains(QStringLiteral("前八轮巡察整改进展情况专项督办: 18 unit(s)")));

    // Deleting a campaign its return visits name is refused with a message, nothing deleted.
    answer(QMessageBox::Yes);
    bool warned = false;
    whenModal<QMessageBox>(
        [&](QMessageBox *box) {
            warned = true;
            box->accept();
        },
        [](QMessageBox *box) { return box->text().contains(QStringLiteral("20 return visit(s)")); });
    w.view()->deleteCampaign(campaigns.first().id);
    CHECK(warned);
    CHECK(w.view()->summaryText().contains(QStringLiteral("前八轮巡察整改进展情况专项督办")));

    // Twelve months instead of six: 32 units instead of 41, and the tooltip says so.
    auto *months = child<QSpinBox>(w.view(), "registerAssessmentMonths");
    REQUIRE(months->isVisible());
    CHECK(months->value() == 6);
    months->setValue(12);
    CHECK(w.view()->summaryText().contains(QStringLiteral("Units in performance assessment: 32")));
    CHECK(child<QLabel>(w.view(), "registerSummary")->toolTip().contains(QStringLiteral("12 month(s)")));

    w.show(Register::Coverage);
    auto *followUp = child<QCheckBox>(w.view(), "registerFollowUpCounts");
    REQUIRE(followUp->isVisible());
    CHECK_FALSE(followUp->isChecked());
    followUp->setChecked(true);
    auto db = core::Database::open(w.reg.path);
    REQUIRE(db.ok());
    CHECK(core::OversightService(**db).coverageCountsFollowUp());
    // Units still to cover are tinted.
    auto *p = w.view()->proxy();
    child<QCheckBox>(w.view(), "registerFlaggedOnly")->setChecked(true);
    REQUIRE(p->rowCount() == 6);
    CHECK(p->index(0, 0).data(Qt::BackgroundRole).isValid());
}
