// rectrack-cli with a register on the PostgreSQL test server (issue #22's acceptance): server init,
// server push, the same figures as the file byte for byte, verify, import, report and backup on a
// server register, and the refusals. Tagged [.pgonly]: hidden from the file run and from a plain run
// of the binary, registered only in the pg run (tests/CMakeLists.txt, "pg:" prefix).
#include <catch2/catch.hpp>

#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUrl>
#include <QUrlQuery>

using namespace rectrack::test;

namespace {

QString s(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

/// A database made by createServerDatabase() (or another rt_<hex> one), dropped at the end.
struct ServerDatabase
{
    explicit ServerDatabase(const QString &u = createServerDatabase()) : url(u) {}
    ~ServerDatabase()
    {
        try {
            dropServerDatabase(url);
        } catch (const std::exception &) {
            // A database left behind goes with the test server's folder.
        }
    }
    ServerDatabase(const ServerDatabase &) = delete;
    ServerDatabase &operator=(const ServerDatabase &) = delete;
    QString url;
};

CliRun run(const QStringList &args)
{
    CliRun r = runCli(args);
    INFO(QStringLiteral("rectrack-cli %1\n%2").arg(args.join(u' '), r.err).toStdString());
    return r;
}

/// `stats DB --by BY --as-of D --format json`.
CliRun stats(const QString &db, const QString &by, const QString &asOf)
{
    return runCli({QStringLiteral("stats"), db, QStringLiteral("--by"), by, QStringLiteral("--as-of"), asOf,
                   QStringLiteral("--format"), QStringLiteral("json")});
}

QJsonObject groupNamed(const QString &statsJson, const QString &key)
{
    for (const QJsonValue &g :
         QJsonDocument::fromJson(statsJson.toUtf8()).object().value(QStringLiteral("groups")).toArray()) {
        if (g.toObject().value(QStringLiteral("key")).toString() == key)
            return g.toObject();
    }
    return {};
}

QJsonObject total(const QString &statsJson)
{
    return QJsonDocument::fromJson(statsJson.toUtf8()).object().value(QStringLiteral("total")).toObject();
}

/// The demo register in @p dir, pushed into a fresh server register (server init, server push).
QString demoFile(const QTemporaryDir &dir)
{
    const QString file = dir.filePath(QStringLiteral("d.rtreg"));
    const CliRun demo = runCli({QStringLiteral("demo"), file});
    INFO(demo.err.toStdString());
    REQUIRE(demo.exitCode == 0);
    return file;
}

void pushDemo(const QString &file, const QString &url)
{
    const CliRun init = runCli({QStringLiteral("server"), QStringLiteral("init"), url});
    INFO(init.err.toStdString());
    REQUIRE(init.exitCode == 0);
    CHECK(init.out.startsWith(QStringLiteral("Created the register on the server: postgresql://")));
    const CliRun push = runCli({QStringLiteral("server"), QStringLiteral("push"), file, url});
    INFO(push.err.toStdString());
    REQUIRE(push.exitCode == 0);
    CHECK(push.out.startsWith(QStringLiteral("Copied %1 to the server register postgresql://").arg(file)));
    CHECK(push.out.contains(QStringLiteral("and checked it (rows, audit chain, statistics).")));
}

QString pdfText(const QString &pdf)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"),
            {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

/// The admin URL with its database name replaced (the admin URL names the database "postgres").
QString onDatabase(const QString &name)
{
    QString url = pgAdminUrl();
    REQUIRE(url.contains(QLatin1String("///postgres?")));
    return url.replace(QLatin1String("///postgres?"), QStringLiteral("///%1?").arg(name));
}

int publicTables(const QString &url)
{
    ServerConnection c(url);
    return c.scalar(QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).toInt();
}

} // namespace

TEST_CASE("server push: stats and overdue of the server register equal the file's byte for byte, verify "
          "passes and catches a changed description",
          "[.pgonly][pg_cli]")
{
    REQUIRE(testOnServer());
    QTemporaryDir dir;
    const QString file = demoFile(dir);
    ServerDatabase server;
    pushDemo(file, server.url);

    for (const char *asOf :
         {"2019-06-30", "2020-01-01", "2020-06-30", "2020-12-31", "2021-01-15", "2022-06-30"}) {
        for (const char *by : {"source", "unit", "round", "category", "kind", "leader"}) {
            INFO(asOf << " by " << by);
            const CliRun onFile = stats(file, QLatin1String(by), QLatin1String(asOf));
            const CliRun onServer = stats(server.url, QLatin1String(by), QLatin1String(asOf));
            INFO(onServer.err.toStdString());
            REQUIRE(onFile.exitCode == 0);
            REQUIRE(onServer.exitCode == 0);
            CHECK(onServer.err.isEmpty());
            CHECK(onServer.out == onFile.out);
        }
    }
    // Not two empty answers: the published figures of the demo (as the file test checks them).
    const QString bySource = stats(server.url, QStringLiteral("source"), QStringLiteral("2021-01-15")).out;
    CHECK(groupNamed(bySource, QStringLiteral("central")).value(QStringLiteral("problems")).toInt() == 20);
    CHECK(groupNamed(bySource, QStringLiteral("provincial")).value(QStringLiteral("problems")).toInt() == 22);
    CHECK(groupNamed(stats(server.url, QStringLiteral("unit"), QStringLiteral("2021-01-15")).out,
                     s("市科技局党组"))
              .value(QStringLiteral("problems"))
              .toInt() == 5);
    CHECK(total(stats(server.url, QStringLiteral("source"), QStringLiteral("2020-01-01")).out)
              .value(QStringLiteral("problems"))
              .toInt() < total(bySource).value(QStringLiteral("problems")).toInt());

    for (const QStringList &extra :
         {QStringList{}, QStringList{QStringLiteral("--as-of"), QStringLiteral("2020-06-30")}}) {
        const QStringList args = QStringList{QStringLiteral("--format"), QStringLiteral("json")} + extra;
        const CliRun onFile = runCli(QStringList{QStringLiteral("overdue"), file} + args);
        const CliRun onServer = runCli(QStringList{QStringLiteral("overdue"), server.url} + args);
        INFO(onServer.err.toStdString());
        REQUIRE(onFile.exitCode == 0);
        REQUIRE(onServer.exitCode == 0);
        CHECK(onServer.out == onFile.out);
    }
    const QJsonObject overdue =
        QJsonDocument::fromJson(runCli({QStringLiteral("overdue"), server.url, QStringLiteral("--format"),
                                        QStringLiteral("json")})
                                    .out.toUtf8())
            .object();
    CHECK(overdue.value(QStringLiteral("count")).toInt() ==
          total(bySource).value(QStringLiteral("overdue")).toInt());
    CHECK(overdue.value(QStringLiteral("count")).toInt() > 0);

    // The push suspended the audit chain check and the live-update notifications inside its own
    // transaction only: every one of them is on again (rt_notify on each of the 31 audited tables).
    CHECK(sqlOutput(server.url, QStringLiteral("SELECT count(*) FROM pg_trigger WHERE tgname = "
                                               "'audit_log_check' AND tgenabled = 'O'"))
              .trimmed() == QStringLiteral("1"));
    CHECK(sqlOutput(server.url, QStringLiteral("SELECT count(*) FROM pg_trigger WHERE tgname = 'rt_notify' "
                                               "AND tgenabled = 'O'"))
              .trimmed()
              .toInt() >= 31);
    CHECK(sqlOutput(server.url, QStringLiteral("SELECT count(*) FROM pg_trigger WHERE tgname IN "
                                               "('audit_log_check', 'rt_notify') AND tgenabled <> 'O'"))
              .trimmed() == QStringLiteral("0"));

    // verify checks the chain, the rows and the statistics tables on the server as on the file.
    const CliRun verified = runCli({QStringLiteral("verify"), server.url});
    INFO(verified.err.toStdString());
    CHECK(verified.exitCode == 0);
    CHECK(verified.out.contains(QStringLiteral("head")));
    const QString id = sqlOutput(server.url, QStringLiteral("SELECT min(id) + 6 FROM problems")).trimmed();
    REQUIRE_FALSE(id.isEmpty());
    REQUIRE(
        runSqlite(server.url,
                  QStringLiteral("UPDATE problems SET description = description || '（已改）' WHERE id = %1")
                      .arg(id)) == 0);
    const CliRun tampered = runCli({QStringLiteral("verify"), server.url});
    CHECK(tampered.exitCode == 3);
    CHECK(tampered.err.contains(QStringLiteral("problems")));
    CHECK(tampered.err.contains(id));
    // The file it came from is untouched.
    CHECK(runCli({QStringLiteral("verify"), file}).exitCode == 0);
}

TEST_CASE("import and report on a server register give what they give on a file", "[.pgonly][pg_cli]")
{
    REQUIRE(testOnServer());
    QTemporaryDir dir;
    ServerDatabase server;
    const QString file = dir.filePath(QStringLiteral("r.rtreg"));
    REQUIRE(run({QStringLiteral("server"), QStringLiteral("init"), server.url}).exitCode == 0);
    REQUIRE(run({QStringLiteral("init"), file}).exitCode == 0);

    const QString ledger = sharedData(QStringLiteral("ledgers/transport-bureau-ledger.xlsx"));
    QFile expectedFile(sharedData(QStringLiteral("ledgers/transport-bureau-ledger.expected.json")));
    REQUIRE(expectedFile.open(QIODevice::ReadOnly));
    const QJsonObject expected = QJsonDocument::fromJson(expectedFile.readAll()).object();
    const QString unit = expected.value(QStringLiteral("unit")).toString();
    REQUIRE(unit == s("市交通运输局党组"));
    const QStringList importArgs{ledger,
                                 QStringLiteral("--unit"),
                                 unit,
                                 QStringLiteral("--feedback-date"),
                                 QStringLiteral("2021-01-10"),
                                 QStringLiteral("--source"),
                                 QStringLiteral("municipal")};
    const CliRun onServer = run(QStringList{QStringLiteral("import"), server.url} + importArgs);
    REQUIRE(onServer.exitCode == 0);
    const CliRun onFile = run(QStringList{QStringLiteral("import"), file} + importArgs);
    REQUIRE(onFile.exitCode == 0);
    CHECK(onServer.out == QString(onFile.out).replace(file, server.url));

    const QString asOf = QStringLiteral("2021-01-15");
    const QJsonObject t = total(stats(server.url, QStringLiteral("unit"), asOf).out);
    for (const char *key :
         {"problems", "measures", "completed", "closedOut", "longTerm", "inProgress", "registered"})
        CHECK(t.value(QLatin1String(key)).toInt() == expected.value(QLatin1String(key)).toInt());
    CHECK(t.value(QStringLiteral("completionRate")).toDouble() ==
          Approx(expected.value(QStringLiteral("completionRate")).toDouble()).margin(1e-9));
    for (const char *by : {"unit", "category", "kind", "leader", "source"}) {
        INFO(by);
        CHECK(stats(server.url, QLatin1String(by), asOf).out == stats(file, QLatin1String(by), asOf).out);
    }
    // Importing the same ledger again changes nothing.
    REQUIRE(run(QStringList{QStringLiteral("import"), server.url} + importArgs).exitCode == 0);
    CHECK(total(stats(server.url, QStringLiteral("unit"), asOf).out) == t);
    CHECK(run({QStringLiteral("verify"), server.url}).exitCode == 0);

    // The report: the same text as the file's report, with the unit, its figures and the title.
    const QString serverPdf = dir.filePath(QStringLiteral("server.pdf"));
    const QString filePdf = dir.filePath(QStringLiteral("file.pdf"));
    const QStringList reportArgs{QStringLiteral("--as-of"), asOf, QStringLiteral("--appendix"),
                                 QStringLiteral("--lang"), QStringLiteral("zh_CN")};
    const CliRun report =
        run(QStringList{QStringLiteral("report"), server.url, QStringLiteral("-o"), serverPdf} + reportArgs);
    REQUIRE(report.exitCode == 0);
    CHECK(report.out.startsWith(QStringLiteral("已生成报告 ") + serverPdf + QStringLiteral("（共 ")));
    REQUIRE(run(QStringList{QStringLiteral("report"), file, QStringLiteral("-o"), filePdf} + reportArgs)
                .exitCode == 0);
    const QString text = pdfText(serverPdf);
    CHECK(text.contains(s("巡察整改工作情况报告")));
    CHECK(text.contains(s("截至2021年1月15日")));
    CHECK(text.contains(unit));
    CHECK(text.contains(s("66.67%"))); // the ledger's completion rate, 16 of 24
    CHECK(text == pdfText(filePdf));
}

TEST_CASE("backup of a server register writes a verified file with the server's figures", "[.pgonly][pg_cli]")
{
    REQUIRE(testOnServer());
    QTemporaryDir dir;
    const QString file = demoFile(dir);
    ServerDatabase server;
    pushDemo(file, server.url);
    // A change made on the server after the push goes into the backup.
    REQUIRE(run({QStringLiteral("import"), server.url,
                 sharedData(QStringLiteral("ledgers/agriculture-bureau-ledger-gbk.csv")),
                 QStringLiteral("--unit"), s("市农业农村局党组测试"), QStringLiteral("--feedback-date"),
                 QStringLiteral("2021-01-10")})
                .exitCode == 0);

    const QString copy = dir.filePath(QStringLiteral("copy.rtreg"));
    const CliRun backup = run({QStringLiteral("backup"), server.url, copy});
    REQUIRE(backup.exitCode == 0);
    CHECK(backup.out.trimmed() == QStringLiteral("Wrote and verified the backup %1.").arg(copy));
    CHECK(run({QStringLiteral("verify"), copy}).exitCode == 0);
    for (const char *by : {"source", "unit", "category", "leader"}) {
        for (const char *asOf : {"2020-06-30", "2021-01-15"}) {
            INFO(by << " " << asOf);
            const CliRun a = stats(server.url, QLatin1String(by), QLatin1String(asOf));
            REQUIRE(a.exitCode == 0);
            CHECK(stats(copy, QLatin1String(by), QLatin1String(asOf)).out == a.out);
        }
    }
    const QString byUnit = stats(copy, QStringLiteral("unit"), QStringLiteral("2021-01-15")).out;
    CHECK(groupNamed(byUnit, s("市农业农村局党组测试")).value(QStringLiteral("problems")).toInt() == 18);
    CHECK(groupNamed(byUnit, s("市科技局党组")).value(QStringLiteral("problems")).toInt() == 5);
    // The demo's problems plus the 18 of the ledger.
    CHECK(total(byUnit).value(QStringLiteral("problems")).toInt() ==
          total(stats(file, QStringLiteral("unit"), QStringLiteral("2021-01-15")).out)
                  .value(QStringLiteral("problems"))
                  .toInt() +
              18);
    // An existing destination is refused, not overwritten.
    CHECK(run({QStringLiteral("backup"), server.url, copy}).exitCode == 2);
    CHECK(run({QStringLiteral("verify"), copy}).exitCode == 0);
}

TEST_CASE("server push by the installer login of docs/server.md (CREATEROLE, not a superuser) copies "
          "the register and keeps row-level security forced",
          "[.pgonly][pg_cli]")
{
    // COPY FROM is refused into a table under forced row-level security ("COPY FROM not supported
    // with row-level security"), which held the installer, the database's owner, to it: every push
    // but a superuser's failed with exit 2.
    REQUIRE(testOnServer());
    QTemporaryDir dir;
    const QString file = demoFile(dir);
    ServerDatabase server;
    const QString database = server.url.section(u'?', 0, 0).section(u'/', -1);
    const QString installer = database + QStringLiteral("_installer");
    {
        ServerConnection admin(pgAdminUrl());
        admin.exec(QStringLiteral("CREATE ROLE %1 LOGIN CREATEROLE PASSWORD 'installer-pw'").arg(installer));
        admin.exec(QStringLiteral("ALTER DATABASE %1 OWNER TO %2").arg(database, installer));
    }
    const QString url = serverUrlAs(server.url, installer, QStringLiteral("installer-pw"));
    REQUIRE(run({QStringLiteral("server"), QStringLiteral("init"), url}).exitCode == 0);
    const QString forcedSql = QStringLiteral(
        "SELECT string_agg(relname::text, ' ' ORDER BY relname) FROM pg_class WHERE relforcerowsecurity");
    const QString forcedAfterInit = sqlOutput(server.url, forcedSql);
    CHECK(forcedAfterInit.startsWith(QStringLiteral("audit_log ")));
    const CliRun push = run({QStringLiteral("server"), QStringLiteral("push"), file, url});
    INFO(push.err.toStdString());
    REQUIRE(push.exitCode == 0);
    CHECK(run({QStringLiteral("verify"), url}).exitCode == 0);
    CHECK(sqlOutput(server.url, forcedSql) == forcedAfterInit);
    CHECK(stats(url, QStringLiteral("unit"), QStringLiteral("2021-01-15")).out ==
          stats(file, QStringLiteral("unit"), QStringLiteral("2021-01-15")).out);
}

TEST_CASE("server push into a register that holds data exits 2 and changes nothing", "[.pgonly][pg_cli]")
{
    REQUIRE(testOnServer());
    QTemporaryDir dir;
    const QString file = demoFile(dir);
    ServerDatabase server;
    REQUIRE(run({QStringLiteral("server"), QStringLiteral("init"), server.url}).exitCode == 0);
    REQUIRE(run({QStringLiteral("import"), server.url,
                 sharedData(QStringLiteral("ledgers/transport-bureau-ledger.xlsx")), QStringLiteral("--unit"),
                 s("市交通运输局党组"), QStringLiteral("--feedback-date"), QStringLiteral("2021-01-10")})
                .exitCode == 0);
    const QString before = stats(server.url, QStringLiteral("unit"), QStringLiteral("2021-01-15")).out;
    REQUIRE(total(before).value(QStringLiteral("problems")).toInt() == 24);
    const CliRun verifyBefore = run({QStringLiteral("verify"), server.url});
    REQUIRE(verifyBefore.exitCode == 0);
    const QString rowsBefore = sqlOutput(
        server.url, QStringLiteral("SELECT (SELECT count(*) FROM problems) || ' ' || (SELECT count(*) "
                                   "FROM units) || ' ' || (SELECT count(*) FROM audit_log)"));

    const CliRun push = run({QStringLiteral("server"), QStringLiteral("push"), file, server.url});
    CHECK(push.exitCode == 2);
    CHECK(push.out.isEmpty());
    CHECK(push.err.startsWith(QStringLiteral("rectrack-cli: ")));
    CHECK(push.err.contains(QStringLiteral("postgresql://")));
    CHECK(stats(server.url, QStringLiteral("unit"), QStringLiteral("2021-01-15")).out == before);
    CHECK(run({QStringLiteral("verify"), server.url}).out == verifyBefore.out);
    CHECK(sqlOutput(server.url,
                    QStringLiteral("SELECT (SELECT count(*) FROM problems) || ' ' || (SELECT count(*) "
                                   "FROM units) || ' ' || (SELECT count(*) FROM audit_log)")) == rowsBefore);

    // A server register with nothing but its standard categories takes the push; a second push into
    // it is refused the same way.
    ServerDatabase fresh;
    pushDemo(file, fresh.url);
    const QString pushed = stats(fresh.url, QStringLiteral("unit"), QStringLiteral("2021-01-15")).out;
    CHECK(run({QStringLiteral("server"), QStringLiteral("push"), file, fresh.url}).exitCode == 2);
    CHECK(stats(fresh.url, QStringLiteral("unit"), QStringLiteral("2021-01-15")).out == pushed);
    CHECK(run({QStringLiteral("verify"), fresh.url}).exitCode == 0);

    // Usage: push takes a file and a URL, in that order.
    CHECK(run({QStringLiteral("server"), QStringLiteral("push"), fresh.url, file}).exitCode == 1);
    CHECK(run({QStringLiteral("server"), QStringLiteral("push"), file}).exitCode == 1);
}

TEST_CASE("server push of a file whose audit chain was altered exits 2 and leaves the server register "
          "as server init made it",
          "[.pgonly][pg_cli]")
{
    REQUIRE(testOnServer());
    QTemporaryDir dir;
    const QString file = demoFile(dir);
    // One audit entry's logged state changed behind the program's back: its hash no longer matches.
    REQUIRE(
        runSqlite(file, QStringLiteral("UPDATE audit_log SET after_json = replace(after_json, '局', '厅') "
                                       "WHERE id = 50")) == 0);
    REQUIRE(sqlOutput(file, QStringLiteral("SELECT entity FROM audit_log WHERE id = 50")) ==
            QStringLiteral("units\n"));
    REQUIRE(run({QStringLiteral("verify"), file}).exitCode == 3);

    ServerDatabase server;
    REQUIRE(run({QStringLiteral("server"), QStringLiteral("init"), server.url}).exitCode == 0);
    const QString counts = QStringLiteral(
        "SELECT (SELECT count(*) FROM problems) || ' ' || (SELECT count(*) FROM units) || ' ' || (SELECT "
        "count(*) FROM measures) || ' ' || (SELECT count(*) FROM categories) || ' ' || (SELECT count(*) FROM "
        "audit_log) || ' ' || (SELECT count(*) FROM problem_facts) || ' ' || (SELECT count(*) FROM meta)");
    const QString initial = sqlOutput(server.url, counts);
    REQUIRE(initial.startsWith(QStringLiteral("0 0 0 ")));

    const CliRun push = run({QStringLiteral("server"), QStringLiteral("push"), file, server.url});
    CHECK(push.exitCode == 2);
    CHECK(push.out.isEmpty());
    CHECK(push.err.contains(QStringLiteral("Audit log entry 50 was altered")));
    CHECK(push.err.contains(QStringLiteral("Nothing was written to the server.")));
    CHECK(sqlOutput(server.url, counts) == initial);
    CHECK(run({QStringLiteral("verify"), server.url}).exitCode == 0);
}

TEST_CASE("server push copies a row changed behind the program's back as it is, and verify of the server "
          "register reports it as verify of the file does",
          "[.pgonly][pg_cli]")
{
    REQUIRE(testOnServer());
    QTemporaryDir dir;
    const QString file = demoFile(dir);
    REQUIRE(runSqlite(file, QStringLiteral("UPDATE units SET name = name || '（改）' WHERE id = 3")) == 0);
    const CliRun fileVerify = run({QStringLiteral("verify"), file});
    REQUIRE(fileVerify.exitCode == 3);
    CHECK(fileVerify.err.contains(QStringLiteral("Row 3 of units differs from its last logged state")));

    ServerDatabase server;
    pushDemo(file, server.url);
    CHECK(sqlOutput(server.url, QStringLiteral("SELECT name FROM units WHERE id = 3")) ==
          sqlOutput(file, QStringLiteral("SELECT name FROM units WHERE id = 3")));
    const CliRun serverVerify = run({QStringLiteral("verify"), server.url});
    CHECK(serverVerify.exitCode == 3);
    CHECK(serverVerify.err.contains(QStringLiteral("Row 3 of units differs from its last logged state")));
}

TEST_CASE("server init refuses a database holding other tables, one with LC_CTYPE C, and a second init",
          "[.pgonly][pg_cli]")
{
    REQUIRE(testOnServer());
    {
        ServerDatabase server;
        REQUIRE(runSqlite(server.url, QStringLiteral("CREATE TABLE notes (id integer, text text)")) == 0);
        const CliRun init = run({QStringLiteral("server"), QStringLiteral("init"), server.url});
        CHECK(init.exitCode == 4);
        CHECK(init.err == QStringLiteral("rectrack-cli: The database %1 holds 1 other table(s): it is not a "
                                         "Rectrack register. Use an empty database.\n")
                              .arg(server.url));
        CHECK(publicTables(server.url) == 1);
        // Nor does any other command make a register there.
        CHECK(run({QStringLiteral("stats"), server.url}).exitCode == 4);
        CHECK(run({QStringLiteral("init"), server.url}).exitCode == 4);
        CHECK(publicTables(server.url) == 1);
    }
    {
        const QString name =
            QStringLiteral("rt_%1").arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'));
        {
            ServerConnection admin(pgAdminUrl());
            admin.exec(QStringLiteral("CREATE DATABASE %1 TEMPLATE template0 ENCODING 'UTF8' LC_CTYPE 'C' "
                                      "LC_COLLATE 'C'")
                           .arg(name));
        }
        ServerDatabase server(onDatabase(name));
        const CliRun init = run({QStringLiteral("server"), QStringLiteral("init"), server.url});
        CHECK(init.exitCode == 2);
        CHECK(init.err.contains(QStringLiteral("LC_CTYPE")));
        CHECK(init.err.contains(QStringLiteral("“C”")));
        CHECK(init.out.isEmpty());
        CHECK(publicTables(server.url) == 0);
        const CliRun zh = run({QStringLiteral("server"), QStringLiteral("init"), server.url,
                               QStringLiteral("--lang"), QStringLiteral("zh_CN")});
        CHECK(zh.exitCode == 2);
        CHECK(zh.err.contains(s("的字符分类（LC_CTYPE）为“C”，在此设置下服务器无法检索中文")));
        CHECK(publicTables(server.url) == 0);
    }
    {
        ServerDatabase server;
        REQUIRE(run({QStringLiteral("server"), QStringLiteral("init"), server.url}).exitCode == 0);
        const CliRun again = run({QStringLiteral("server"), QStringLiteral("init"), server.url});
        CHECK(again.exitCode == 2);
        CHECK(again.err.contains(QStringLiteral("already holds a register")));
        // Nor do init and demo, which refuse an existing file, write into it.
        for (const QString &command : {QStringLiteral("init"), QStringLiteral("demo")}) {
            const CliRun r = run({command, server.url});
            CHECK(r.exitCode == 2);
            CHECK(
                r.err ==
                QStringLiteral("rectrack-cli: The database %1 already holds a register.\n").arg(server.url));
        }
        const CliRun zh =
            run({QStringLiteral("demo"), server.url, QStringLiteral("--lang"), QStringLiteral("zh_CN")});
        CHECK(zh.err == QStringLiteral("rectrack-cli: 数据库 %1 中已有台账。\n").arg(server.url));
        // The standard categories once, not twice, and no demo problems.
        CHECK(sqlOutput(server.url, QStringLiteral("SELECT count(*) FROM categories")).trimmed() ==
              QStringLiteral("4"));
        CHECK(sqlOutput(server.url, QStringLiteral("SELECT count(*) FROM problems")).trimmed() ==
              QStringLiteral("0"));
        CHECK(run({QStringLiteral("server"), QStringLiteral("init"), QStringLiteral("/tmp/x.rtreg")})
                  .exitCode == 1);
    }
}

TEST_CASE("an unreachable server or a missing database gives exit 4 naming it, never the password",
          "[.pgonly][pg_cli]")
{
    REQUIRE(testOnServer());
    // postgresql:///postgres?host=/tmp/rectrack-pg.…&port=N&user=postgres
    const QString admin = pgAdminUrl();
    const QString query = admin.section(u'?', 1);
    const QString missingDb = QStringLiteral("postgresql://postgres:secret@/rt_no_such_database?") + query;
    QString wrongPort = QStringLiteral("postgresql://postgres:secret@/postgres?") + query;
    wrongPort.replace(QRegularExpression(QStringLiteral("port=[0-9]+")), QStringLiteral("port=1"));
    REQUIRE(wrongPort != QStringLiteral("postgresql://postgres:secret@/postgres?") + query);
    const QString passwordItem =
        QStringLiteral("postgresql:///rt_no_such_database?") + query + QStringLiteral("&password=secret");
    QTemporaryDir dir;
    for (const QString &url : {missingDb, wrongPort, passwordItem}) {
        for (const QStringList &args :
             {QStringList{QStringLiteral("stats"), url}, QStringList{QStringLiteral("verify"), url},
              QStringList{QStringLiteral("server"), QStringLiteral("init"), url},
              QStringList{QStringLiteral("backup"), url, dir.filePath(QStringLiteral("b.rtreg"))},
              QStringList{QStringLiteral("import"), url,
                          sharedData(QStringLiteral("ledgers/transport-bureau-ledger.xlsx")),
                          QStringLiteral("--unit"), s("市交通运输局党组")}}) {
            const CliRun r = runCli(args);
            INFO(args.join(u' ').toStdString() << "\n" << r.err.toStdString());
            CHECK(r.exitCode == 4);
            CHECK(r.out.isEmpty());
            CHECK(r.err.startsWith(
                QStringLiteral("rectrack-cli: Cannot connect to the server register postgresql://")));
            CHECK_FALSE(r.err.contains(QStringLiteral("secret")));
            if (url == wrongPort)
                CHECK(r.err.contains(QStringLiteral("port=1")));
            else
                CHECK(r.err.contains(QStringLiteral("rt_no_such_database")));
        }
    }
    CHECK_FALSE(QFile::exists(dir.filePath(QStringLiteral("b.rtreg"))));
    // Chinese by default.
    const CliRun zh =
        runCli({QStringLiteral("stats"), missingDb, QStringLiteral("--lang"), QStringLiteral("zh_CN")});
    CHECK(zh.exitCode == 4);
    CHECK_FALSE(zh.err.contains(QStringLiteral("secret")));
    CHECK(zh.err.startsWith(
        s("rectrack-cli: 无法连接服务器上的台账 postgresql://postgres@/rt_no_such_database?")));
}

TEST_CASE("server user: a unit login's stats and SQL cover its unit's 14 problems only (roles)",
          "[.pgonly][pg_cli]")
{
    REQUIRE(testOnServer());
    QTemporaryDir dir;
    const QString file = demoFile(dir);
    ServerDatabase server;
    pushDemo(file, server.url);
    const QString login = QStringLiteral("u1_%1").arg(QRandomGenerator::global()->generate() % 100000000);
    const CliRun add =
        runCli({QStringLiteral("server"), QStringLiteral("user"), QStringLiteral("add"), server.url, login,
                QStringLiteral("--role"), QStringLiteral("unit"), QStringLiteral("--unit"), s("市卫健委党组"),
                QStringLiteral("--password-stdin")},
               120000, QByteArrayLiteral("s3cret-口令\n"));
    INFO(add.err.toStdString());
    REQUIRE(add.exitCode == 0);
    CHECK(run({QStringLiteral("server"), QStringLiteral("user"), QStringLiteral("list"), server.url})
              .out.contains(login + s("\tunit\t市卫健委党组\n")));
    const QString unitUrl = serverUrlAs(server.url, login, s("s3cret-口令"));

    const CliRun st =
        run({QStringLiteral("stats"), unitUrl, QStringLiteral("--format"), QStringLiteral("json")});
    REQUIRE(st.exitCode == 0);
    const QJsonObject total =
        QJsonDocument::fromJson(st.out.toUtf8()).object().value(QLatin1String("total")).toObject();
    CHECK(total.value(QLatin1String("problems")).toInt() == 14);
    CHECK(sqlOutput(unitUrl, QStringLiteral("select count(*) from problems")) == QStringLiteral("14\n"));
    CHECK(sqlOutput(unitUrl, QStringLiteral("with u as (update problems set note = note returning 1) select "
                                            "count(*) from u")) == QStringLiteral("14\n"));
    // The audit-log entries it sees are all of its unit's problems, and there are some.
    const QString entryProblem =
        QStringLiteral("case when a.entity = 'problems' then a.entity_id else coalesce((nullif(a.after_json, "
                       "'')::jsonb ->> 'problem_id')::bigint, (nullif(a.before_json, '')::jsonb ->> "
                       "'problem_id')::bigint) end");
    CHECK(
        sqlOutput(unitUrl, QStringLiteral("select count(*) from audit_log a where not exists (select 1 from "
                                          "problems p join units u on u.id = p.unit_id where u.name = "
                                          "'市卫健委党组' and p.id = %1)")
                               .arg(entryProblem)) == QStringLiteral("0\n"));
    CHECK(sqlOutput(unitUrl, QStringLiteral("select count(*) > 14 from audit_log")) == QStringLiteral("t\n"));
    // Its report covers its unit (named as the scope) and leaves the office's registers out; the
    // supervision summary, which is the office's registers only, is refused, never given as zeros.
    const QString pdf = dir.filePath(QStringLiteral("unit.pdf"));
    REQUIRE(run({QStringLiteral("report"), unitUrl, QStringLiteral("-o"), pdf}).exitCode == 0);
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    REQUIRE(text.waitForFinished(60000));
    const QString reportText = QString::fromUtf8(text.readAllStandardOutput());
    CHECK(reportText.contains(s("Scope: 市卫健委党组")));
    CHECK(reportText.contains(QStringLiteral("the register holds 14 problems")));
    CHECK_FALSE(reportText.contains(QStringLiteral("Supervision and outcomes")));
    const CliRun summary = run({QStringLiteral("summary"), unitUrl});
    CHECK(summary.exitCode == 2);
    CHECK(summary.out.isEmpty());
    CHECK(summary.err.contains(QStringLiteral("may not do this in the register")));
    // Another login's work: refused, with the reason in words.
    const CliRun notSecadmin =
        run({QStringLiteral("server"), QStringLiteral("user"), QStringLiteral("add"), unitUrl,
             QStringLiteral("x") + login, QStringLiteral("--role"), QStringLiteral("office")});
    CHECK(notSecadmin.exitCode == 2);
    CHECK(notSecadmin.err.contains(QStringLiteral("Only the security administrator may manage logins")));
    // A wrong password is refused (exit 4), the password never shown.
    const CliRun wrong =
        run({QStringLiteral("stats"), serverUrlAs(server.url, login, QStringLiteral("wrong-pw"))});
    CHECK(wrong.exitCode == 4);
    CHECK_FALSE(wrong.err.contains(QStringLiteral("wrong-pw")));

    // verify names the register by its address without the password (it printed the argument).
    const CliRun verified =
        run({QStringLiteral("verify"), server.url + QStringLiteral("&password=pw-hidden")});
    CHECK(verified.exitCode == 0);
    CHECK(verified.out.contains(QStringLiteral("integrity, schema and audit chain are in order")));
    CHECK_FALSE(verified.out.contains(QStringLiteral("pw-hidden")));

    CHECK(run({QStringLiteral("server"), QStringLiteral("user"), QStringLiteral("remove"), server.url, login})
              .exitCode == 0);
    CHECK_FALSE(run({QStringLiteral("server"), QStringLiteral("user"), QStringLiteral("list"), server.url})
                    .out.contains(login));
    CHECK(run({QStringLiteral("stats"), unitUrl}).exitCode == 4);
}

TEST_CASE("server user: an office login imports a ledger, every audit entry its own (roles)",
          "[.pgonly][pg_cli]")
{
    REQUIRE(testOnServer());
    ServerDatabase server;
    REQUIRE(run({QStringLiteral("server"), QStringLiteral("init"), server.url}).exitCode == 0);
    const QString login = QStringLiteral("office_%1").arg(QRandomGenerator::global()->generate() % 100000000);
    REQUIRE(
        runCli({QStringLiteral("server"), QStringLiteral("user"), QStringLiteral("add"), server.url, login,
                QStringLiteral("--role"), QStringLiteral("office"), QStringLiteral("--password-stdin")},
               120000, QByteArrayLiteral("pw-office\n"))
            .exitCode == 0);
    const QString office = serverUrlAs(server.url, login, QStringLiteral("pw-office"));
    // The bulk path: rows and audit entries in multi-row statements, each entry checked by the
    // server (it names the login, continues the chain, carries its true hash).
    const CliRun imported = run({QStringLiteral("import"), office,
                                 sharedData(QStringLiteral("ledgers/transport-bureau-ledger.xlsx")),
                                 QStringLiteral("--unit"), s("市交通运输局党组")});
    REQUIRE(imported.exitCode == 0);
    const CliRun st =
        run({QStringLiteral("stats"), office, QStringLiteral("--format"), QStringLiteral("json")});
    REQUIRE(st.exitCode == 0);
    const QJsonObject total =
        QJsonDocument::fromJson(st.out.toUtf8()).object().value(QLatin1String("total")).toObject();
    CHECK(total.value(QLatin1String("problems")).toInt() == 24);
    CHECK(total.value(QLatin1String("measures")).toInt() == 53);
    CHECK(run({QStringLiteral("verify"), office}).exitCode == 0);
    // Every entry after init's is the office login's.
    CHECK(sqlOutput(
              server.url,
              QStringLiteral("select count(*) from audit_log where actor <> '%1' and id > 4").arg(login)) ==
          QStringLiteral("0\n"));
    CHECK(run({QStringLiteral("server"), QStringLiteral("user"), QStringLiteral("remove"), server.url, login})
              .exitCode == 0);
}
