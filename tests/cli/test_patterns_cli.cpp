#include <catch2/catch.hpp>

#include "patternfixture.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using rectrack::test::CliRun;
using rectrack::test::runCli;
using rectrack::test::TempRegister;

namespace {

QJsonArray patternsOf(const CliRun &run)
{
    return QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("patterns")).toArray();
}

} // namespace

TEST_CASE("rectrack-cli patterns suggests, accepts and lists the acceptance register's patterns",
          "[cli][patterns][pg]")
{
    TempRegister reg;
    rectrack::test::buildPatternRegister(*reg.db);
    reg.db.reset();

    // Nothing confirmed yet.
    CliRun run =
        runCli({QStringLiteral("patterns"), reg.path, QStringLiteral("--format"), QStringLiteral("json")});
    REQUIRE(run.exitCode == 0);
    CHECK(patternsOf(run).isEmpty());

    run = runCli({QStringLiteral("patterns"), reg.path, QStringLiteral("--suggest"),
                  QStringLiteral("--format"), QStringLiteral("json")});
    REQUIRE(run.exitCode == 0);
    QJsonArray suggested = patternsOf(run);
    REQUIRE(suggested.size() == 2);
    const QJsonObject s0 = suggested[0].toObject();
    CHECK(s0.value(QStringLiteral("suggested")).toBool());
    CHECK(s0.value(QStringLiteral("name")).toString() ==
          QStringLiteral("公务用车管理不规范，未按规定登记使用车辆"));
    const QJsonArray m0 = s0.value(QStringLiteral("members")).toArray();
    REQUIRE(m0.size() == 5);
    CHECK(m0[0].toObject().value(QStringLiteral("registrationNo")).toString() == QStringLiteral("a2"));
    CHECK(m0[0].toObject().value(QStringLiteral("similarity")).toDouble() == 1.0);
    CHECK(m0[2].toObject().value(QStringLiteral("registrationNo")).toString() == QStringLiteral("a1"));
    CHECK(m0[2].toObject().value(QStringLiteral("similarity")).toDouble() == 0.8205);
    CHECK(m0[2].toObject().value(QStringLiteral("unit")).toString() == QStringLiteral("甲"));
    CHECK(m0[4].toObject().value(QStringLiteral("similarity")).toDouble() == 0.64);

    run = runCli({QStringLiteral("patterns"), reg.path, QStringLiteral("--suggest"),
                  QStringLiteral("--accept"), QStringLiteral("--format"), QStringLiteral("json")});
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);

    run = runCli({QStringLiteral("patterns"), reg.path, QStringLiteral("--format"), QStringLiteral("json")});
    REQUIRE(run.exitCode == 0);
    const QJsonArray confirmed = patternsOf(run);
    REQUIRE(confirmed.size() == 2);
    const QJsonObject a = confirmed[0].toObject();
    CHECK(a.keys() == QStringList{QStringLiteral("closeOutRate"), QStringLiteral("closedOut"),
                                  QStringLiteral("common"), QStringLiteral("members"), QStringLiteral("name"),
                                  QStringLiteral("problems"), QStringLiteral("recurrenceEvents"),
                                  QStringLiteral("recurrenceUnits"), QStringLiteral("rounds"),
                                  QStringLiteral("suggested"), QStringLiteral("units")});
    CHECK_FALSE(a.value(QStringLiteral("suggested")).toBool());
    CHECK(a.value(QStringLiteral("common")).toBool());
    CHECK(a.value(QStringLiteral("units")).toInt() == 4);
    CHECK(a.value(QStringLiteral("rounds")).toInt() == 3);
    CHECK(a.value(QStringLiteral("problems")).toInt() == 5);
    CHECK(a.value(QStringLiteral("closedOut")).toInt() == 3);
    CHECK(a.value(QStringLiteral("closeOutRate")).toDouble() == 0.6);
    CHECK(a.value(QStringLiteral("recurrenceUnits")).toInt() == 1);
    CHECK(a.value(QStringLiteral("recurrenceEvents")).toInt() == 1);
    const QJsonObject b = confirmed[1].toObject();
    CHECK_FALSE(b.value(QStringLiteral("common")).toBool());
    CHECK(b.value(QStringLiteral("units")).toInt() == 2);
    CHECK(b.value(QStringLiteral("problems")).toInt() == 2);
    // Counts are JSON numbers.
    CHECK(run.out.contains(QStringLiteral("\"units\": 4")));

    // Nothing left to suggest; the table names the common pattern.
    run = runCli({QStringLiteral("patterns"), reg.path, QStringLiteral("--suggest"),
                  QStringLiteral("--format"), QStringLiteral("json")});
    CHECK(patternsOf(run).isEmpty());
    run = runCli({QStringLiteral("patterns"), reg.path, QStringLiteral("--lang"), QStringLiteral("zh_CN")});
    REQUIRE(run.exitCode == 0);
    CHECK(run.out.contains(QStringLiteral("公务用车管理不规范，未按规定登记使用车辆")));
    CHECK(run.out.contains(QStringLiteral("60%")));

    // Usage errors.
    CHECK(runCli({QStringLiteral("patterns"), reg.path, QStringLiteral("--accept")}).exitCode == 1);
    CHECK(runCli({QStringLiteral("patterns"), reg.path, QStringLiteral("--format"), QStringLiteral("csv")})
              .exitCode == 1);
}
