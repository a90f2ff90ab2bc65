#include <catch2/catch.hpp>

#include "report/reportdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>

using namespace rectrack;

TEST_CASE("the export dialog returns the chosen scope, dates, marking and file", "[report][ui]")
{
    ui::ReportDialog dialog({QStringLiteral("市交通运输局党组"), QStringLiteral("海沧区委")},
                            {QStringLiteral("第一轮"), QStringLiteral("第十五轮第三批")}, QDate(2021, 1, 15));
    CHECK_FALSE(dialog.request().has_value()); // no file chosen yet

    auto *file = dialog.findChild<QLineEdit *>(QStringLiteral("file"));
    REQUIRE(file);
    file->setText(QStringLiteral("/tmp/会议材料"));
    dialog.setScope(core::StatsFilter{QStringLiteral("海沧区委"), QString(), std::nullopt, std::nullopt});

    auto r = dialog.request();
    REQUIRE(r.has_value());
    CHECK(r->options.scope.unit == QStringLiteral("海沧区委"));
    CHECK(r->options.asOf == QDate(2021, 1, 15));
    CHECK_FALSE(r->options.since.isValid());
    CHECK(r->path == QStringLiteral("/tmp/会议材料.pdf"));
    CHECK_FALSE(r->odt);
    CHECK_FALSE(r->options.marking.isEmpty());

    // Compare with a date after the as-of date: not allowed.
    auto *compare = dialog.findChild<QCheckBox *>(QStringLiteral("compare"));
    REQUIRE(compare);
    compare->setChecked(true);
    auto *since = dialog.findChild<QDateEdit *>(QStringLiteral("since"));
    REQUIRE(since);
    since->setDate(QDate(2021, 2, 1));
    CHECK_FALSE(dialog.request().has_value());
    CHECK_FALSE(dialog.problem().isEmpty());
    since->setDate(QDate(2020, 12, 31));
    r = dialog.request();
    REQUIRE(r.has_value());
    CHECK(r->options.since == QDate(2020, 12, 31));

    // Export emits the request.
    std::optional<ui::ReportRequest> emitted;
    QObject::connect(&dialog, &ui::ReportDialog::exportRequested,
                     [&](const ui::ReportRequest &req) { emitted = req; });
    auto *box = dialog.findChild<QDialogButtonBox *>();
    REQUIRE(box);
    for (QAbstractButton *b : box->buttons()) {
        if (box->buttonRole(b) == QDialogButtonBox::AcceptRole)
            b->click();
    }
    REQUIRE(emitted.has_value());
    CHECK(emitted->options.scope.unit == QStringLiteral("海沧区委"));
    dialog.finish(core::Error{core::ErrorCode::InputRefused, QStringLiteral("磁盘已满")});
    CHECK(dialog.result() == QDialog::Rejected);
}
