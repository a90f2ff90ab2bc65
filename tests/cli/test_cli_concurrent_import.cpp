#include <catch2/catch.hpp>

#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

using rectrack::test::RegisterLocation;
using rectrack::test::runCli;
using rectrack::test::sharedData;

// Issue 12: two `rectrack-cli import` runs started at the same moment on one register, for two
// different units, both exit 0 and leave both ledgers' problems (BEGIN IMMEDIATE + busy timeout).
TEST_CASE("two imports started at once on one register both succeed", "[cli][concurrency][import][pg]")
{
    RegisterLocation reg(QStringLiteral("shared.rtreg"));
    const QString db = reg.path;
    REQUIRE(runCli({QStringLiteral("init"), db}).exitCode == 0);

    for (int round = 0; round < 3; ++round) {
        QProcess a;
        QProcess b;
        const QString unitA = QStringLiteral("市交通运输局党组%1").arg(round);
        const QString unitB = QStringLiteral("市农业农村局党组%1").arg(round);
        a.start(QStringLiteral(RECTRACK_CLI_PATH),
                {QStringLiteral("import"), db,
                 sharedData(QStringLiteral("ledgers/transport-bureau-ledger.xlsx")), QStringLiteral("--unit"),
                 unitA, QStringLiteral("--lang"), QStringLiteral("en")});
        b.start(QStringLiteral(RECTRACK_CLI_PATH),
                {QStringLiteral("import"), db,
                 sharedData(QStringLiteral("ledgers/agriculture-bureau-ledger-gbk.csv")),
                 QStringLiteral("--unit"), unitB, QStringLiteral("--lang"), QStringLiteral("en")});
        REQUIRE(a.waitForFinished(120000));
        REQUIRE(b.waitForFinished(120000));
        INFO(QString::fromUtf8(a.readAllStandardError() + b.readAllStandardError()).toStdString());
        CHECK(a.exitCode() == 0);
        CHECK(b.exitCode() == 0);
    }

    const auto stats = runCli({QStringLiteral("stats"), db, QStringLiteral("--by"), QStringLiteral("unit"),
                               QStringLiteral("--format"), QStringLiteral("json")});
    REQUIRE(stats.exitCode == 0);
    const QJsonObject root = QJsonDocument::fromJson(stats.out.toUtf8()).object();
    CHECK(root.value(QStringLiteral("total")).toObject().value(QStringLiteral("problems")).toInt() ==
          3 * (24 + 18));
    int transport = 0;
    int agriculture = 0;
    for (const QJsonValue &g : root.value(QStringLiteral("groups")).toArray()) {
        const QString key = g.toObject().value(QStringLiteral("key")).toString();
        const int n = g.toObject().value(QStringLiteral("problems")).toInt();
        if (key.startsWith(QStringLiteral("市交通运输局党组"))) {
            transport += n;
            CHECK(n == 24);
        }
        if (key.startsWith(QStringLiteral("市农业农村局党组"))) {
            agriculture += n;
            CHECK(n == 18);
        }
    }
    CHECK(transport == 72);
    CHECK(agriculture == 54);
    CHECK(runCli({QStringLiteral("verify"), db}).exitCode == 0);
}

// Two `init` of one new path (or one empty server database) started at the same moment: exactly one
// creates the register, the other is refused with the "already exists" message (exit 2), never a raw
// SQLite or server error, and the register verifies.
TEST_CASE("two inits of one path started at once: one creates, the other is refused",
          "[cli][concurrency][pg]")
{
    for (int round = 0; round < 8; ++round) {
        RegisterLocation reg(QStringLiteral("new.rtreg"));
        const QString db = reg.path;
        QProcess a;
        QProcess b;
        const QStringList args{QStringLiteral("init"), db, QStringLiteral("--lang"), QStringLiteral("en")};
        a.start(QStringLiteral(RECTRACK_CLI_PATH), args);
        b.start(QStringLiteral(RECTRACK_CLI_PATH), args);
        REQUIRE(a.waitForFinished(60000));
        REQUIRE(b.waitForFinished(60000));
        const QString errors = QString::fromUtf8(a.readAllStandardError() + b.readAllStandardError());
        INFO(errors.toStdString());
        CHECK(QList<int>{a.exitCode(), b.exitCode()}.count(0) == 1);
        CHECK(QList<int>{a.exitCode(), b.exitCode()}.count(2) == 1);
        CHECK(
            errors ==
            (rectrack::test::testOnServer()
                 ? QStringLiteral("rectrack-cli: The database %1 already holds a register.\n")
                 : QStringLiteral("rectrack-cli: The file %1 already exists; init creates a new register.\n"))
                .arg(db));
        CHECK(runCli({QStringLiteral("verify"), db}).exitCode == 0);
    }
}
