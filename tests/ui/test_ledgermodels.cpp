#include "uifixture.h"

#include "models/labels.h"
#include "models/measureledgermodel.h"
#include "models/problemledgermodel.h"
#include "storage/ledgerquery.h"
#include "views/ledgerview.h"
#include "workflow/registersettings.h"
#include "workflow/savedviewservice.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QItemSelectionModel>

using namespace rectrack;
using namespace rectrack::core;
using rectrack::ui::LedgerModel;
using rectrack::ui::MeasureLedgerModel;
using rectrack::ui::ProblemLedgerModel;

namespace {

const LedgerContext kContext{QDate(2021, 1, 15), WarningThresholds{}};

QStringList column(const QAbstractItemModel &m, int col)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.index(r, col).data().toString();
    return out;
}

QStringList sorted(QStringList l)
{
    l.sort();
    return l;
}

/// Registration numbers of the problems that pass @p f.
QStringList problemsFor(ProblemLedgerModel &model, const LedgerFilter &f)
{
    model.setFilter(f);
    return sorted(column(model, ProblemLedgerModel::RegistrationNo));
}

} // namespace

TEST_CASE("ledger models pass QAbstractItemModelTester through filters and sorts", "[ui][models]")
{
    test::UiFixture fx;
    ProblemLedgerModel problems;
    MeasureLedgerModel measures;
    QAbstractItemModelTester t1(&problems, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester t2(&measures, QAbstractItemModelTester::FailureReportingMode::Fatal);
    for (LedgerModel *m : {static_cast<LedgerModel *>(&problems), static_cast<LedgerModel *>(&measures)}) {
        m->setContext(kContext);
        m->setDatabase(fx.reg.db.get());
        for (int c = 0; c < m->columnCount(); ++c) {
            m->sort(c, Qt::AscendingOrder);
            m->sort(c, Qt::DescendingOrder);
        }
        LedgerFilter f;
        f.search = QStringLiteral("电梯");
        m->setFilter(f);
        m->setFilter({});
        m->setDatabase(nullptr);
        CHECK(m->rowCount() == 0);
        m->setDatabase(fx.reg.db.get());
    }
    CHECK(problems.rowCount() == 6);
    CHECK(measures.rowCount() == 7);
    CHECK(problems.columnCount() == ProblemLedgerModel::ColumnCount);
    CHECK(measures.columnCount() == MeasureLedgerModel::ColumnCount);
}

TEST_CASE("the problem ledger shows the register's values and lights", "[ui][models]")
{
    test::UiFixture fx;
    ProblemLedgerModel model;
    model.setContext(kContext);
    model.setDatabase(fx.reg.db.get());
    REQUIRE(model.rowCount() == 6);
    CHECK(model.lastError().isEmpty());
    // Registration order by default.
    CHECK(column(model, ProblemLedgerModel::RegistrationNo) ==
          QStringList{QStringLiteral("A-1"), QStringLiteral("A-2"), QStringLiteral("A-10"),
                      QStringLiteral("A-3"), QStringLiteral("B-1"), QStringLiteral("B-2")});
    const int a1 = 0;
    CHECK(model.index(a1, ProblemLedgerModel::Unit).data().toString() == QStringLiteral("湖里区建设局"));
    CHECK(model.index(a1, ProblemLedgerModel::Round).data().toString() == QStringLiteral("第一轮"));
    CHECK(model.index(a1, ProblemLedgerModel::Category).data().toString() == QStringLiteral("落实决策部署"));
    CHECK(model.index(a1, ProblemLedgerModel::Deadline).data().toString() == QStringLiteral("2020-12-31"));
    CHECK(model.index(a1, ProblemLedgerModel::Measures).data().toInt() == 1);
    CHECK(model.index(a1, ProblemLedgerModel::State).data().toString() ==
          ui::Labels::state(ProblemState::InProgress));
    CHECK(model.index(a1, 0).data(LedgerModel::IdRole).toLongLong() ==
          fx.problemIds.value(QStringLiteral("A-1")));
    CHECK(model.index(a1, 0).data(LedgerModel::StateRole).toString() == QStringLiteral("in_progress"));

    QList<int> lights;
    for (int r = 0; r < model.rowCount(); ++r)
        lights << model.index(r, 0).data(LedgerModel::LightRole).toInt();
    CHECK(lights == QList<int>{int(WarningLight::Red), int(WarningLight::Yellow), int(WarningLight::Green),
                               int(WarningLight::None), int(WarningLight::None), int(WarningLight::None)});
    // Colour in the light column, tint on the row; none on a done row.
    CHECK(model.index(0, ProblemLedgerModel::Light).data(Qt::DecorationRole).value<QColor>() ==
          model.palette().red);
    CHECK(model.index(0, ProblemLedgerModel::Description).data(Qt::BackgroundRole).value<QColor>().isValid());
    CHECK_FALSE(model.index(3, ProblemLedgerModel::Description).data(Qt::BackgroundRole).isValid());
    CHECK(model.index(0, ProblemLedgerModel::Light).data().toString() ==
          ui::Labels::light(WarningLight::Red));
    CHECK(model.index(0, ProblemLedgerModel::Light)
              .data(Qt::ToolTipRole)
              .toString()
              .contains(QStringLiteral("15")));

    // A later as-of date turns A-2 (deadline 2021-01-20) red.
    model.setContext({QDate(2021, 1, 25), WarningThresholds{}});
    CHECK(model.index(1, 0).data(LedgerModel::LightRole).toInt() == int(WarningLight::Red));
}

TEST_CASE("ledgers sort by any column, Chinese in pinyin order", "[ui][models]")
{
    test::UiFixture fx;
    ProblemLedgerModel model;
    model.setContext(kContext);
    model.setDatabase(fx.reg.db.get());
    model.sort(ProblemLedgerModel::Unit, Qt::AscendingOrder);
    CHECK(column(model, ProblemLedgerModel::Unit) ==
          QStringList{QStringLiteral("北京办事处"), QStringLiteral("北京办事处"),
                      QStringLiteral("湖里区建设局"), QStringLiteral("湖里区建设局"),
                      QStringLiteral("思明区委"), QStringLiteral("思明区委")});
    model.sort(ProblemLedgerModel::Unit, Qt::DescendingOrder);
    CHECK(model.index(0, ProblemLedgerModel::Unit).data().toString() == QStringLiteral("思明区委"));
    CHECK(model.index(5, ProblemLedgerModel::Unit).data().toString() == QStringLiteral("北京办事处"));

    // Registration numbers compare numbers by value: A-3 before A-10.
    model.sort(ProblemLedgerModel::RegistrationNo, Qt::AscendingOrder);
    CHECK(column(model, ProblemLedgerModel::RegistrationNo) ==
          QStringList{QStringLiteral("A-1"), QStringLiteral("A-2"), QStringLiteral("A-3"),
                      QStringLiteral("A-10"), QStringLiteral("B-1"), QStringLiteral("B-2")});
    // Offices in pinyin: 办公室 (ban) < 财务处 (cai) < 规划处 (gui) < 组织部 (zu).
    model.sort(ProblemLedgerModel::Office, Qt::AscendingOrder);
    CHECK(column(model, ProblemLedgerModel::Office) ==
          QStringList{QStringLiteral("办公室"), QStringLiteral("办公室"), QStringLiteral("财务处"),
                      QStringLiteral("财务处"), QStringLiteral("规划处"), QStringLiteral("组织部")});
    model.sort(ProblemLedgerModel::Deadline, Qt::AscendingOrder);
    CHECK(column(model, ProblemLedgerModel::Deadline).first() == QStringLiteral("2020-10-31"));
    CHECK(column(model, ProblemLedgerModel::Deadline).last() == QStringLiteral("2021-06-30"));
    model.sort(ProblemLedgerModel::Light, Qt::DescendingOrder);
    CHECK(column(model, ProblemLedgerModel::RegistrationNo).mid(0, 3) ==
          QStringList{QStringLiteral("A-1"), QStringLiteral("A-2"), QStringLiteral("A-10")});
    model.sort(ProblemLedgerModel::State, Qt::AscendingOrder);
    CHECK(model.index(0, 0).data(LedgerModel::StateRole).toString() == QStringLiteral("registered"));
    CHECK(model.index(5, 0).data(LedgerModel::StateRole).toString() == QStringLiteral("closed_out"));

    MeasureLedgerModel measures;
    measures.setContext(kContext);
    measures.setDatabase(fx.reg.db.get());
    measures.sort(MeasureLedgerModel::Unit, Qt::AscendingOrder);
    CHECK(measures.index(0, MeasureLedgerModel::Unit).data().toString() == QStringLiteral("北京办事处"));
    CHECK(measures.index(6, MeasureLedgerModel::Unit).data().toString() == QStringLiteral("思明区委"));
}

TEST_CASE("filters return the right problems", "[ui][models]")
{
    test::UiFixture fx;
    ProblemLedgerModel model;
    model.setContext(kContext);
    model.setDatabase(fx.reg.db.get());
    const auto list = [](std::initializer_list<const char *> l) {
        QStringList out;
        for (const char *s : l)
            out << QString::fromUtf8(s);
        out.sort();
        return out;
    };
    LedgerFilter f;
    f.roundId = fx.round2;
    CHECK(problemsFor(model, f) == list({"B-1", "B-2"}));
    f = {};
    f.termId = fx.term;
    model.setFilter(f);
    CHECK(model.rowCount() == 6);
    f = {};
    f.unitId = fx.siming;
    CHECK(problemsFor(model, f) == list({"A-10", "A-3"}));
    f = {};
    f.inspectionId = fx.inspHuli;
    CHECK(problemsFor(model, f) == list({"A-1", "A-2"}));
    f = {};
    f.office = QStringLiteral("财务处");
    CHECK(problemsFor(model, f) == list({"A-1", "A-3"}));
    f = {};
    f.leader = QStringLiteral("张某某");
    CHECK(problemsFor(model, f) == list({"A-1", "A-10"}));
    f = {};
    f.source = SourceLevel::Provincial;
    CHECK(problemsFor(model, f) == list({"B-1", "B-2"}));
    f = {};
    f.categoryId = fx.categoryParent; // the category and its children
    CHECK(problemsFor(model, f) == list({"A-1", "A-2"}));
    f = {};
    f.states = {ProblemState::Completed};
    CHECK(problemsFor(model, f) == list({"A-3"}));
    f.states = {ProblemState::LongTerm};
    CHECK(problemsFor(model, f) == list({"B-1"}));
    f = {};
    f.light = WarningLight::Red;
    CHECK(problemsFor(model, f) == list({"A-1"}));
    f.light = WarningLight::Yellow;
    CHECK(problemsFor(model, f) == list({"A-2"}));
    f.light = WarningLight::Green;
    CHECK(problemsFor(model, f) == list({"A-10"}));
    f.light = WarningLight::None;
    CHECK(problemsFor(model, f) == list({"A-3", "B-1", "B-2"}));
    f = {};
    f.deadlineFrom = QDate(2021, 1, 1);
    f.deadlineTo = QDate(2021, 2, 28);
    CHECK(problemsFor(model, f) == list({"A-10", "A-2"}));
    // Filters combine.
    f = {};
    f.unitId = fx.huli;
    f.leader = QStringLiteral("李某某");
    CHECK(problemsFor(model, f) == list({"A-2"}));
    // A filter survives a JSON round trip (saved views).
    f.search = QStringLiteral("电梯");
    f.light = WarningLight::Yellow;
    f.deadlineTo = QDate(2021, 3, 1);
    f.states = {ProblemState::Registered, ProblemState::InProgress};
    CHECK(LedgerFilter::fromJson(f.toJson()) == f);
}

TEST_CASE("search finds problems and measures, two-character terms included", "[ui][models]")
{
    test::UiFixture fx;
    ProblemLedgerModel problems;
    problems.setContext(kContext);
    problems.setDatabase(fx.reg.db.get());
    LedgerFilter f;
    // Two characters: below the trigram index, answered by the substring fallback. A-2 matches
    // through its measure text.
    f.search = QStringLiteral("电梯");
    CHECK(problemsFor(problems, f) ==
          (QStringList{QStringLiteral("A-1"), QStringLiteral("A-2"), QStringLiteral("B-2")}));
    // Three or more characters: FTS5.
    f.search = QStringLiteral("电梯加装");
    CHECK(problemsFor(problems, f) == QStringList{QStringLiteral("A-1")});
    f.search = QStringLiteral("加装电梯");
    CHECK(problemsFor(problems, f) == QStringList{QStringLiteral("A-2")});
    f.search = QStringLiteral("招投标");
    CHECK(problemsFor(problems, f) == QStringList{QStringLiteral("A-2")});
    // Terms are AND-ed; a registration number is found too.
    f.search = QStringLiteral("电梯 维保");
    CHECK(problemsFor(problems, f) == QStringList{QStringLiteral("B-2")});
    f.search = QStringLiteral("A-10");
    CHECK(problemsFor(problems, f) == QStringList{QStringLiteral("A-10")});
    f.search = QStringLiteral("不存在的内容");
    CHECK(problemsFor(problems, f).isEmpty());
    // Quotes cannot break the FTS query.
    f.search = QStringLiteral("\"电梯\"加装");
    problems.setFilter(f);
    CHECK(problems.lastError().isEmpty());

    MeasureLedgerModel measures;
    measures.setContext(kContext);
    measures.setDatabase(fx.reg.db.get());
    f.search = QStringLiteral("电梯");
    measures.setFilter(f);
    // A-1's measure (problem text), A-2's first measure (own text) and B-2's measure (problem text).
    QStringList found = column(measures, MeasureLedgerModel::Content);
    found.sort();
    QStringList expected{QStringLiteral("清理积压补贴申请"),
                         QStringLiteral("修订招投标管理办法，加装电梯项目纳入监管"),
                         QStringLiteral("重新签订维保合同")};
    expected.sort();
    CHECK(found == expected);
    f.search = QStringLiteral("专项检查");
    measures.setFilter(f);
    REQUIRE(measures.rowCount() == 1);
    CHECK(measures.index(0, MeasureLedgerModel::RegistrationNo).data().toString() == QStringLiteral("A-2"));
    CHECK(measures.index(0, MeasureLedgerModel::Seq).data().toInt() == 2);
    CHECK(measures.index(0, 0).data(LedgerModel::ProblemIdRole).toLongLong() ==
          fx.problemIds.value(QStringLiteral("A-2")));
}

TEST_CASE("the rectification ledger lights measures on their own deadlines", "[ui][models]")
{
    test::UiFixture fx;
    MeasureLedgerModel measures;
    measures.setContext(kContext);
    measures.setDatabase(fx.reg.db.get());
    LedgerFilter f;
    f.light = WarningLight::Red;
    measures.setFilter(f);
    REQUIRE(measures.rowCount() == 1);
    CHECK(measures.index(0, MeasureLedgerModel::Content).data().toString() ==
          QStringLiteral("清理积压补贴申请"));
    CHECK(measures.index(0, MeasureLedgerModel::Deadline).data().toString() == QStringLiteral("2020-12-31"));
    CHECK(measures.index(0, MeasureLedgerModel::Owner).data().toString() == QStringLiteral("责任人甲"));
    f.light = WarningLight::Yellow;
    measures.setFilter(f);
    CHECK(measures.rowCount() == 2);
}

TEST_CASE("selected rows copy as tab-separated text", "[ui][views]")
{
    test::UiFixture fx;
    ProblemLedgerModel model;
    model.setContext(kContext);
    model.setDatabase(fx.reg.db.get());
    ui::LedgerView view;
    view.setModel(&model);
    for (int c = 0; c < ProblemLedgerModel::ColumnCount; ++c)
        view.setColumnHidden(c, c != ProblemLedgerModel::RegistrationNo && c != ProblemLedgerModel::Unit);
    view.selectionModel()->select(model.index(2, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    view.selectionModel()->select(model.index(0, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    const QString tsv = view.selectedRowsAsTsv();
    CHECK(tsv == QStringLiteral("No.\tInspected unit\nA-1\t湖里区建设局\nA-10\t思明区委\n"));
    CHECK(view.copySelection() == 2);
    CHECK(QApplication::clipboard()->text() == tsv);
}

TEST_CASE("register settings and saved views are stored in the register", "[ui][settings]")
{
    test::UiFixture fx;
    SettingsService settings(*fx.reg.db);
    RegisterSettings s = settings.load();
    CHECK(s.thresholds.greenDays == 20);
    CHECK(s.thresholds.yellowDays == 10);
    REQUIRE(s.rounds.size() == 2);
    CHECK(s.rounds.at(1).label == QStringLiteral("第二轮"));
    CHECK(s.rounds.at(1).concentratedMonths == 2);
    s.thresholds = {30, 20};
    s.redColor = QStringLiteral("#ff0000");
    s.rounds[0].concentratedMonths = 2;
    REQUIRE(settings.save(s).ok());
    const RegisterSettings back = settings.load();
    CHECK(back == s);
    CHECK(SettingsService::thresholds(*fx.reg.db).greenDays == 30);

    RegisterSettings bad = s;
    bad.thresholds = {5, 10};
    CHECK_FALSE(SettingsService::validate(bad).ok());
    bad = s;
    bad.greenColor = QStringLiteral("green");
    CHECK_FALSE(SettingsService::validate(bad).ok());
    bad = s;
    bad.registrationPattern = QStringLiteral("{yyyy}");
    CHECK_FALSE(SettingsService::validate(bad).ok());

    // With 30/20 thresholds, A-10 (17 days left) is yellow.
    ProblemLedgerModel model;
    model.setContext({QDate(2021, 1, 15), SettingsService::thresholds(*fx.reg.db)});
    model.setDatabase(fx.reg.db.get());
    CHECK(model.index(2, 0).data(LedgerModel::LightRole).toInt() == int(WarningLight::Yellow));

    SavedViewService views(*fx.reg.db);
    LedgerFilter f;
    f.office = QStringLiteral("财务处");
    auto id = views.save(QStringLiteral("财务处问题"), f);
    REQUIRE(id.ok());
    CHECK_FALSE(views.save(QStringLiteral("  "), f).ok());
    f.light = WarningLight::Red;
    REQUIRE(views.save(QStringLiteral("财务处问题"), f).ok()); // replaces
    const QList<SavedView> all = views.views();
    REQUIRE(all.size() == 1);
    CHECK(all.first().id == *id);
    CHECK(all.first().filter == f);
    REQUIRE(views.remove(*id).ok());
    CHECK(views.views().isEmpty());
}
