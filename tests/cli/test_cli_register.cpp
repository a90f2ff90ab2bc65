#include <catch2/catch.hpp>

#include "io/csvreader.h"
#include "storage/database.h"
#include "testsupport.h"
#include "workflow/categoryservice.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace rectrack;
using rectrack::test::RegisterLocation;
using rectrack::test::runCli;
using rectrack::test::runSqlite;

namespace {

QJsonObject groupNamed(const QJsonArray &groups, const QString &key)
{
    for (const QJsonValue &g : groups) {
        if (g.toObject().value(QStringLiteral("key")).toString() == key)
            return g.toObject();
    }
    return {};
}

} // namespace

TEST_CASE("demo then stats by source gives the published figures", "[cli][pg]")
{
    RegisterLocation reg(QStringLiteral("d.db"));
    const QString db = reg.path;
    const auto demo = runCli({QStringLiteral("demo"), db});
    REQUIRE(demo.exitCode == 0);

    const auto stats = runCli({QStringLiteral("stats"), db, QStringLiteral("--by"), QStringLiteral("source"),
                               QStringLiteral("--as-of"), QStringLiteral("2021-01-15"),
                               QStringLiteral("--format"), QStringLiteral("json")});
    REQUIRE(stats.exitCode == 0);
    const QJsonObject root = QJsonDocument::fromJson(stats.out.toUtf8()).object();
    CHECK(root.value(QStringLiteral("asOf")).toString() == QStringLiteral("2021-01-15"));
    const QJsonArray groups = root.value(QStringLiteral("groups")).toArray();
    const QJsonObject central = groupNamed(groups, QStringLiteral("central"));
    CHECK(central.value(QStringLiteral("problems")).toInt() == 20);
    CHECK(central.value(QStringLiteral("completionRate")).toDouble() == 1.0);
    const QJsonObject provincial = groupNamed(groups, QStringLiteral("provincial"));
    CHECK(provincial.value(QStringLiteral("problems")).toInt() == 22);
    CHECK(provincial.value(QStringLiteral("completionRate")).toDouble() == 1.0);
    const double rate =
        root.value(QStringLiteral("coverage")).toObject().value(QStringLiteral("rate")).toDouble();
    CHECK(std::abs(rate - 0.943) < 0.0005);
    for (const char *field : {"problems", "measures", "completed", "closedOut", "longTerm", "inProgress",
                              "registered", "overdue", "completionRate", "closeOutRate"})
        CHECK(root.value(QStringLiteral("total")).toObject().contains(QLatin1String(field)));

    // Chinese is the default language: the group keys are the source levels' Chinese names.
    const auto zh = runCli({QStringLiteral("stats"), db, QStringLiteral("--by"), QStringLiteral("source"),
                            QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--lang"),
                            QStringLiteral("zh_CN")});
    REQUIRE(zh.exitCode == 0);
    const QJsonArray zhGroups =
        QJsonDocument::fromJson(zh.out.toUtf8()).object().value(QStringLiteral("groups")).toArray();
    CHECK(groupNamed(zhGroups, QStringLiteral("中央巡视")).value(QStringLiteral("problems")).toInt() == 20);
    CHECK(groupNamed(zhGroups, QStringLiteral("省委巡视")).value(QStringLiteral("problems")).toInt() == 22);

    // The overdue list names the responsible people; CSV and table forms work.
    const auto overdue =
        runCli({QStringLiteral("overdue"), db, QStringLiteral("--format"), QStringLiteral("json")});
    REQUIRE(overdue.exitCode == 0);
    const QJsonObject o = QJsonDocument::fromJson(overdue.out.toUtf8()).object();
    const int count = o.value(QStringLiteral("count")).toInt();
    CHECK(count == root.value(QStringLiteral("total")).toObject().value(QStringLiteral("overdue")).toInt());
    CHECK(count > 0);
    CHECK(o.value(QStringLiteral("problems"))
              .toArray()
              .first()
              .toObject()
              .value(QStringLiteral("leadLeader"))
              .toString()
              .contains(QStringLiteral("某某")));
    const auto csv = runCli({QStringLiteral("stats"), db, QStringLiteral("--by"), QStringLiteral("unit"),
                             QStringLiteral("--format"), QStringLiteral("csv")});
    REQUIRE(csv.exitCode == 0);
    CHECK(csv.out.contains(QStringLiteral("市科技局党组,5,")));

    // An earlier as-of date gives the earlier state.
    const auto early =
        runCli({QStringLiteral("stats"), db, QStringLiteral("--as-of"), QStringLiteral("2020-01-01"),
                QStringLiteral("--format"), QStringLiteral("json")});
    const QJsonObject earlyTotal =
        QJsonDocument::fromJson(early.out.toUtf8()).object().value(QStringLiteral("total")).toObject();
    CHECK(earlyTotal.value(QStringLiteral("problems")).toInt() <
          root.value(QStringLiteral("total")).toObject().value(QStringLiteral("problems")).toInt());
}

TEST_CASE("verify passes on the demo and fails after changes behind the program's back", "[cli][verify][pg]")
{
    RegisterLocation reg(QStringLiteral("d.db"));
    const QTemporaryDir &dir = reg.dir;
    const QString db = reg.path;
    REQUIRE(runCli({QStringLiteral("demo"), db}).exitCode == 0);
    CHECK(runCli({QStringLiteral("verify"), db}).exitCode == 0);

    const QString copy = dir.filePath(QStringLiteral("copy.db"));
    const auto backup = runCli({QStringLiteral("backup"), db, copy});
    REQUIRE(backup.exitCode == 0);
    CHECK(runCli({QStringLiteral("verify"), copy}).exitCode == 0);
    CHECK(runCli({QStringLiteral("backup"), db, copy}).exitCode == 2); // never overwrites

    REQUIRE(runSqlite(db, QStringLiteral("UPDATE problems SET lead_leader = '某某' WHERE id = 7;")) == 0);
    const auto tampered = runCli({QStringLiteral("verify"), db});
    CHECK(tampered.exitCode == 3);
    CHECK(tampered.err.contains(QStringLiteral("problems")));

    REQUIRE(runSqlite(copy, QStringLiteral(
                                "UPDATE audit_log SET at = '2020-01-01T00:00:00Z' WHERE id = 10;")) == 0);
    const auto altered = runCli({QStringLiteral("verify"), copy});
    CHECK(altered.exitCode == 3);
    // The first broken entry is named first.
    CHECK(altered.err.startsWith(QStringLiteral("rectrack-cli: Audit log entry 10 was altered")));
}

TEST_CASE("verify prints the chain head and checks it later with --anchor", "[cli][verify][pg]")
{
    RegisterLocation reg(QStringLiteral("d.db"));
    const QString db = reg.path;
    REQUIRE(runCli({QStringLiteral("demo"), db}).exitCode == 0);
    const auto first = runCli({QStringLiteral("verify"), db});
    REQUIRE(first.exitCode == 0);
    const QRegularExpression head(QStringLiteral("head.*: (\\d+:[0-9a-f]{64})"));
    const auto m = head.match(first.out);
    REQUIRE(m.hasMatch());
    const QString anchor = m.captured(1);
    CHECK(runCli({QStringLiteral("verify"), db, QStringLiteral("--anchor"), anchor}).exitCode == 0);
    CHECK(runCli({QStringLiteral("verify"), db, QStringLiteral("--anchor"), QStringLiteral("12:xyz")})
              .exitCode == 1);
    // A wrong hash for the entry is a fault, named with the entry.
    QString wrong = anchor;
    wrong[wrong.size() - 1] = wrong.back() == u'0' ? u'1' : u'0';
    const auto forged = runCli({QStringLiteral("verify"), db, QStringLiteral("--anchor"), wrong});
    CHECK(forged.exitCode == 3);
    CHECK(forged.err.contains(
        QStringLiteral("Audit log entry %1 no longer has the hash").arg(anchor.section(u':', 0, 0))));
    // Chinese by default.
    const auto zh = runCli({QStringLiteral("verify"), db, QStringLiteral("--lang"), QStringLiteral("zh_CN")});
    CHECK(zh.out.contains(anchor));
}

TEST_CASE("files that are not registers exit 4 with a message", "[cli]")
{
    QTemporaryDir dir;
    const QString text = dir.filePath(QStringLiteral("a.txt"));
    {
        QFile f(text);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("hello, this is not a register\n");
    }
    const auto r1 = runCli({QStringLiteral("stats"), text});
    CHECK(r1.exitCode == 4);
    CHECK(r1.err.contains(text));

    const QString db = dir.filePath(QStringLiteral("d.db"));
    REQUIRE(runCli({QStringLiteral("demo"), db}).exitCode == 0);
    QFile full(db);
    REQUIRE(full.open(QIODevice::ReadOnly));
    const QByteArray bytes = full.readAll();
    full.close();
    const QString half = dir.filePath(QStringLiteral("half.db"));
    {
        QFile f(half);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(bytes.left(bytes.size() / 2));
    }
    const auto r2 = runCli({QStringLiteral("stats"), half});
    CHECK(r2.exitCode == 4);
    CHECK_FALSE(r2.err.isEmpty());
    CHECK(runCli({QStringLiteral("verify"), half}).exitCode == 4);
    CHECK(runCli({QStringLiteral("stats"), dir.filePath(QStringLiteral("missing.db"))}).exitCode == 4);

    // Chinese message by default.
    const auto zh =
        runCli({QStringLiteral("stats"), text, QStringLiteral("--lang"), QStringLiteral("zh_CN")});
    CHECK(zh.exitCode == 4);
    CHECK(zh.err.contains(QStringLiteral("不是")));
}

TEST_CASE("usage errors exit 1", "[cli][pg]")
{
    CHECK(runCli({}).exitCode == 1);
    CHECK(runCli({QStringLiteral("frobnicate")}).exitCode == 1);
    CHECK(runCli({QStringLiteral("stats")}).exitCode == 1);
    RegisterLocation reg(QStringLiteral("e.db"));
    const QString db = reg.path;
    REQUIRE(runCli({QStringLiteral("init"), db}).exitCode == 0);
    CHECK(runCli({QStringLiteral("init"), db}).exitCode == 2);
    CHECK(runCli({QStringLiteral("stats"), db, QStringLiteral("--by"), QStringLiteral("colour")}).exitCode ==
          1);
    CHECK(runCli({QStringLiteral("stats"), db, QStringLiteral("--as-of"), QStringLiteral("2021-13-01")})
              .exitCode == 1);
    CHECK(runCli({QStringLiteral("stats"), db, QStringLiteral("--format"), QStringLiteral("xml")}).exitCode ==
          1);
    // An unknown language is a usage error, said in Chinese, not a silent switch to English.
    const auto fr = runCli({QStringLiteral("stats"), db, QStringLiteral("--lang"), QStringLiteral("fr")});
    CHECK(fr.exitCode == 1);
    CHECK(fr.err == QStringLiteral("rectrack-cli: 未知语言“fr”（可用 zh_CN 或 en）。\n"));
    CHECK(fr.out.isEmpty());
    CHECK(runCli({QStringLiteral("stats"), db, QStringLiteral("--lang=zh")}).exitCode == 0);
    // The usage error names the word that was wrong before the synopsis.
    const auto bogus =
        runCli({QStringLiteral("stats"), db, QStringLiteral("--colour"), QStringLiteral("red")});
    CHECK(bogus.exitCode == 1);
    CHECK(bogus.err.startsWith(
        QStringLiteral("rectrack-cli: Unknown option \"--colour\".\nrectrack-cli: Usage: "
                       "rectrack-cli stats DB")));
    const auto noValue = runCli({QStringLiteral("stats"), db, QStringLiteral("--by")});
    CHECK(noValue.exitCode == 1);
    CHECK(noValue.err.startsWith(QStringLiteral("rectrack-cli: The option --by needs a value.\n")));
    const auto zhBogus = runCli({QStringLiteral("export"), db, QStringLiteral("--colour=red"),
                                 QStringLiteral("--lang"), QStringLiteral("zh_CN")});
    CHECK(zhBogus.exitCode == 1);
    CHECK(zhBogus.err.startsWith(QStringLiteral("rectrack-cli: 未知选项“--colour=red”。\n")));
    const auto v = runCli({QStringLiteral("--version")});
    CHECK(v.exitCode == 0);
    CHECK(v.out.startsWith(QStringLiteral("rectrack-cli ")));
}

TEST_CASE("summary gives the seed's supervision figures on the demo register", "[cli][summary][pg]")
{
    RegisterLocation reg(QStringLiteral("d.db"));
    const QString db = reg.path;
    REQUIRE(runCli({QStringLiteral("demo"), db}).exitCode == 0);
    const auto r = runCli({QStringLiteral("summary"), db, QStringLiteral("--as-of"),
                           QStringLiteral("2021-01-15"), QStringLiteral("--format"), QStringLiteral("json")});
    REQUIRE(r.exitCode == 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    const QJsonObject referrals = o.value(QStringLiteral("referrals")).toObject();
    CHECK(referrals.value(QStringLiteral("referralSheet")).toInt() == 43);
    CHECK(referrals.value(QStringLiteral("thematicReport")).toInt() == 23);
    CHECK(referrals.value(QStringLiteral("keySituationReport")).toInt() == 3);
    CHECK(o.value(QStringLiteral("evaluations")).toObject().value(QStringLiteral("units")).toInt() == 7);
    CHECK(o.value(QStringLiteral("unitsPastSixMonths")).toInt() == 41);
    const double rate =
        o.value(QStringLiteral("coverage")).toObject().value(QStringLiteral("rate")).toDouble();
    CHECK(std::abs(rate - 0.943) < 0.0005);
    const QJsonObject clues = o.value(QStringLiteral("clues")).toObject();
    CHECK(clues.value(QStringLiteral("total")).toInt() == 12);
    CHECK(clues.value(QStringLiteral("disposed")).toInt() == 8);
    const QJsonObject outcomes = o.value(QStringLiteral("outcomes")).toObject();
    CHECK(outcomes.value(QStringLiteral("rulesEstablished")).toInt() == 35);
    CHECK(outcomes.value(QStringLiteral("peopleHeldAccountable")).toInt() == 30);
    CHECK(outcomes.value(QStringLiteral("fundsRecoveredYuan")).toDouble() == 2542500.0);
    // Before any referral was issued.
    const auto early =
        runCli({QStringLiteral("summary"), db, QStringLiteral("--as-of"), QStringLiteral("2020-01-01"),
                QStringLiteral("--format"), QStringLiteral("json")});
    CHECK(QJsonDocument::fromJson(early.out.toUtf8())
              .object()
              .value(QStringLiteral("referrals"))
              .toObject()
              .value(QStringLiteral("referralSheet"))
              .toInt() == 0);
    CHECK(
        runCli({QStringLiteral("summary"), db, QStringLiteral("--format"), QStringLiteral("xml")}).exitCode ==
        1);
    // The same figures as a table, one figure per line, in the default language.
    const auto table = runCli({QStringLiteral("summary"), db, QStringLiteral("--format"),
                               QStringLiteral("table"), QStringLiteral("--lang"), QStringLiteral("zh_CN")});
    REQUIRE(table.exitCode == 0);
    QHash<QString, QString> figures;
    for (const QString &line : table.out.split(u'\n', Qt::SkipEmptyParts)) {
        const QStringList cells = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        REQUIRE(cells.size() >= 2);
        figures.insert(cells.first(), cells.mid(1).join(u' '));
    }
    CHECK(figures.value(QStringLiteral("统计截止日期")) == QStringLiteral("2021-01-15"));
    CHECK(figures.value(QStringLiteral("抄告单")) == QStringLiteral("43"));
    CHECK(figures.value(QStringLiteral("专题报告")) == QStringLiteral("23"));
    CHECK(figures.value(QStringLiteral("要情专报")) == QStringLiteral("3"));
    CHECK(figures.value(QStringLiteral("已办结问题线索")) == QStringLiteral("8"));
    CHECK(figures.value(QStringLiteral("逾期未办结问题线索")) == QStringLiteral("1"));
    CHECK(figures.value(QStringLiteral("超过绩效考核期限仍有问题未销号的单位")) == QStringLiteral("41"));
    CHECK(figures.value(QStringLiteral("巡察全覆盖")) == QStringLiteral("99/105 (94.29%)"));
    CHECK(figures.value(QStringLiteral("追缴资金（元）")) == QStringLiteral("2542500.00"));
}

TEST_CASE("the demo register's records are by a demo clerk, in the CLI's language", "[cli][pg]")
{
    RegisterLocation reg(QStringLiteral("demo.rtreg"));
    const QString db = reg.path;
    REQUIRE(
        runCli({QStringLiteral("demo"), db, QStringLiteral("--lang"), QStringLiteral("zh_CN")}).exitCode ==
        0);
    auto distinct = [&](const QString &sql) {
        auto opened = rectrack::core::Database::open(db);
        REQUIRE(opened);
        QStringList values;
        QSqlQuery q((*opened)->sql());
        REQUIRE(q.exec(sql));
        while (q.next())
            values << q.value(0).toString();
        return values;
    };
    // Not the login name of whoever built it, nor the fallback "operator". On a server the actor
    // is the login (issue #23): the test server's superuser.
    const QString clerk =
        test::testOnServer() ? QStringLiteral("postgres") : QStringLiteral("巡察办工作人员");
    CHECK(distinct(QStringLiteral("SELECT DISTINCT author FROM progress_entries")) == QStringList{clerk});
    CHECK(distinct(QStringLiteral("SELECT DISTINCT actor FROM audit_log")) == QStringList{clerk});
}

TEST_CASE("init creates the four standard categories and export --as-of writes the ledger as it stood",
          "[cli][asof][pg]")
{
    RegisterLocation reg(QStringLiteral("new.rtreg"));
    const QTemporaryDir &dir = reg.dir;
    const QString db = reg.path;
    REQUIRE(runCli({QStringLiteral("init"), db}).exitCode == 0);
    const auto stats =
        runCli({QStringLiteral("stats"), db, QStringLiteral("--by"), QStringLiteral("category"),
                QStringLiteral("--format"), QStringLiteral("json")});
    REQUIRE(stats.exitCode == 0);
    const QJsonArray groups =
        QJsonDocument::fromJson(stats.out.toUtf8()).object().value(QStringLiteral("groups")).toArray();
    QStringList keys;
    for (const QJsonValue &g : groups) {
        keys << g.toObject().value(QStringLiteral("key")).toString();
        CHECK(g.toObject().value(QStringLiteral("problems")).toInt(-1) == 0);
    }
    keys.sort();
    QStringList expected = core::CategoryService::standardNames();
    expected.sort();
    CHECK(keys == expected);

    // The demo on 2020-06-30: 162 problems fed back by then, as the figures count them.
    RegisterLocation demoReg(QStringLiteral("demo.rtreg"));
    const QString demo = demoReg.path;
    REQUIRE(runCli({QStringLiteral("demo"), demo}).exitCode == 0);
    const QString csv = dir.filePath(QStringLiteral("x.csv"));
    const auto exported =
        runCli({QStringLiteral("export"), demo, QStringLiteral("--ledger"), QStringLiteral("problems"),
                QStringLiteral("--as-of"), QStringLiteral("2020-06-30"), QStringLiteral("-o"), csv});
    REQUIRE(exported.exitCode == 0);
    CHECK(exported.out.contains(QStringLiteral("162")));
    auto book = core::CsvReader::read(csv);
    REQUIRE(book);
    CHECK(book->sheets.first().rows.size() == 1 + 162); // the header and one row per problem
    const auto measures =
        runCli({QStringLiteral("export"), demo, QStringLiteral("--ledger"), QStringLiteral("measures"),
                QStringLiteral("--as-of"), QStringLiteral("2020-06-30"), QStringLiteral("-o"),
                dir.filePath(QStringLiteral("m.csv"))});
    CHECK(measures.exitCode == 0);
    CHECK(runCli({QStringLiteral("export"), demo, QStringLiteral("--as-of"), QStringLiteral("30.6.2020"),
                  QStringLiteral("-o"), csv})
              .exitCode == 1);
}
