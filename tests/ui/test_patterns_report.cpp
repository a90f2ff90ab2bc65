#include <catch2/catch.hpp>

#include "patternfixture.h"
#include "testsupport.h"

#include "patterns/patternservice.h"
#include "report/reportcontent.h"
#include "report/reportrenderer.h"

#include <QProcess>
#include <QRegularExpression>

using namespace rectrack;

namespace {

/// pdftotext -layout of @p path under a Chinese locale, with runs of spaces made one.
QString pdfText(const QString &path)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LANG"), QStringLiteral("zh_CN.UTF-8"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), QStringLiteral("-enc"),
                                          QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput())
        .replace(QRegularExpression(QStringLiteral("[ \\t]+")), QStringLiteral(" "));
}

} // namespace

TEST_CASE("the committee report has a 共性问题 section read back from the PDF", "[report][ui][patterns]")
{
    test::TempRegister reg;
    test::buildPatternRegister(*reg.db);
    core::PatternService service(*reg.db);
    const QDate asOf(2021, 1, 15);

    // Without confirmed patterns the section is left out.
    core::ReportOptions o;
    o.asOf = asOf;
    auto before = core::ReportBuilder::build(*reg.db, o);
    REQUIRE(before.ok());
    CHECK(before->patterns.isEmpty());

    REQUIRE(service.acceptAll(asOf).ok());
    const qint64 pa = service.figures(asOf)->first().patternId;
    core::PatternReferral r;
    r.referral.subject = QStringLiteral("公务用车管理抄告单");
    r.referral.recipient = QStringLiteral("市机关事务管理局");
    r.referral.issuedOn = QDate(2021, 1, 10);
    REQUIRE(service.raiseReferral(pa, r).ok());
    REQUIRE(service
                .raiseRule(pa, {QStringLiteral("公务用车登记办法"), QStringLiteral("市机关事务管理局"),
                                QDate(2021, 6, 30)})
                .ok());

    auto content = core::ReportBuilder::build(*reg.db, o);
    REQUIRE(content.ok());
    REQUIRE(content->patterns.size() == 2);
    CHECK(content->patternsTotal == 2);
    // A report of round R1 counts the members fed back in R1 only: a1 (甲) and a2 (乙), both
    // closed out; the 理论学习 pattern (R2) has none there and is left out.
    core::ReportOptions r1 = o;
    r1.scope.round = QStringLiteral("R1");
    auto scoped = core::ReportBuilder::build(*reg.db, r1);
    REQUIRE(scoped.ok());
    REQUIRE(scoped->patterns.size() == 1);
    CHECK(scoped->patternsTotal == 1);
    CHECK(scoped->patterns[0].problems == 2);
    CHECK(scoped->patterns[0].units == 2);
    CHECK(scoped->patterns[0].closedOut == 2);
    CHECK_FALSE(scoped->patterns[0].common);
    ui::ReportRenderer renderer(*content);
    const QString path = reg.dir.filePath(QStringLiteral("report.pdf"));
    REQUIRE(renderer.writePdf(path).ok());
    const QString text = pdfText(path);
    INFO(text.toStdString());
    CHECK(text.contains(QStringLiteral("Common and recurring problems")));
    CHECK(text.contains(
        QStringLiteral("2 patterns of the same problem have been confirmed; 1 of those listed are")));
    // The common pattern's row: units 4, rounds 3, problems 5, closed out 3, 60%, found again 1/1.
    // (pdftotext -layout wraps the long name and the referral's subject inside their cells.)
    CHECK(text.contains(QRegularExpression(
        QStringLiteral("公务用车管理不规范，未按规定登记\\S* 4 3 5 3 60% 1/1 Referral:"))));
    CHECK(text.contains(QStringLiteral("使用车辆 (common)")));
    CHECK(text.contains(QStringLiteral("Rule: 公务用车登记办法")));
    CHECK(text.contains(QRegularExpression(QStringLiteral("理论学习中心组学习流于形式 2 1 2 1 50% 0/0 —"))));
    CHECK(text.contains(QStringLiteral("Method:")));
    CHECK(text.contains(QStringLiteral("at least 0.60")));
}
