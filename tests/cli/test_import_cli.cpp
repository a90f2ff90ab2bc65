#include <catch2/catch.hpp>

#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace rectrack::test;

namespace {

QString s(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return QJsonDocument::fromJson(f.readAll()).object();
}

QJsonObject statsTotal(const QString &db)
{
    const CliRun r =
        runCli({QStringLiteral("stats"), db, QStringLiteral("--format"), QStringLiteral("json")});
    REQUIRE(r.exitCode == 0);
    return QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("total")).toObject();
}

QString auditLength(const QString &db)
{
    const CliRun r = runCli({QStringLiteral("verify"), db});
    return r.out + QString::number(r.exitCode);
}

void writeBytes(const QString &path, const QByteArray &data)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(data);
}

} // namespace

TEST_CASE("the shared ledgers import to exactly their expected statistics", "[cli][import]")
{
    const QDir ledgers(sharedData(QStringLiteral("ledgers")));
    const QStringList expectations = ledgers.entryList({QStringLiteral("*.expected.json")});
    REQUIRE(expectations.size() >= 2);
    for (const QString &name : expectations) {
        const QJsonObject expected = readJson(ledgers.filePath(name));
        const QString stem = name.left(name.size() - int(QStringLiteral(".expected.json").size()));
        const QStringList files = ledgers.entryList({stem + QStringLiteral(".*")});
        QString ledger;
        for (const QString &f : files) {
            if (!f.endsWith(QLatin1String(".json")))
                ledger = ledgers.filePath(f);
        }
        REQUIRE_FALSE(ledger.isEmpty());
        INFO(ledger.toStdString());
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("r.rtreg"));
        REQUIRE(runCli({QStringLiteral("init"), db}).exitCode == 0);
        const CliRun imp = runCli({QStringLiteral("import"), db, ledger, QStringLiteral("--unit"),
                                   expected.value(QStringLiteral("unit")).toString()});
        INFO(imp.err.toStdString());
        REQUIRE(imp.exitCode == 0);
        const QJsonObject total = statsTotal(db);
        for (const char *key :
             {"problems", "measures", "completed", "closedOut", "longTerm", "inProgress", "registered"})
            CHECK(total.value(QLatin1String(key)).toInt() == expected.value(QLatin1String(key)).toInt());
        CHECK(total.value(QStringLiteral("completionRate")).toDouble() ==
              Approx(expected.value(QStringLiteral("completionRate")).toDouble()).margin(1e-9));

        const CliRun byCat =
            runCli({QStringLiteral("stats"), db, QStringLiteral("--by"), QStringLiteral("category"),
                    QStringLiteral("--format"), QStringLiteral("json")});
        REQUIRE(byCat.exitCode == 0);
        QStringList keys;
        // The categories with problems (init adds the four standard ones, listed with 0 problems
        // unless the ledger uses them).
        for (const QJsonValue &g :
             QJsonDocument::fromJson(byCat.out.toUtf8()).object().value(QStringLiteral("groups")).toArray()) {
            if (g.toObject().value(QStringLiteral("problems")).toInt() > 0)
                keys << g.toObject().value(QStringLiteral("key")).toString();
        }
        QStringList want;
        for (const QJsonValue &v : expected.value(QStringLiteral("categories")).toArray())
            want << v.toString();
        keys.sort();
        want.sort();
        CHECK(keys == want);

        // Importing the same ledger again changes nothing.
        const CliRun again = runCli({QStringLiteral("import"), db, ledger, QStringLiteral("--unit"),
                                     expected.value(QStringLiteral("unit")).toString()});
        REQUIRE(again.exitCode == 0);
        CHECK(statsTotal(db).value(QStringLiteral("problems")).toInt() ==
              expected.value(QStringLiteral("problems")).toInt());
    }
}

TEST_CASE("bad files are refused with exit code 2, named row and column, and the register unchanged",
          "[cli][import]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("r.rtreg"));
    REQUIRE(runCli({QStringLiteral("init"), db}).exitCode == 0);
    REQUIRE(runCli({QStringLiteral("import"), db,
                    sharedData(QStringLiteral("ledgers/agriculture-bureau-ledger-gbk.csv")),
                    QStringLiteral("--unit"), s("市农业农村局党组")})
                .exitCode == 0);
    const QJsonObject before = statsTotal(db);
    const QString auditBefore = auditLength(db);

    QFile ledger(sharedData(QStringLiteral("ledgers/transport-bureau-ledger.xlsx")));
    REQUIRE(ledger.open(QIODevice::ReadOnly));
    const QByteArray xlsx = ledger.readAll();

    struct Bad
    {
        QString name;
        QByteArray data;
        QStringList mustMention;
    };
    QList<Bad> bad{
        {QStringLiteral("truncated.xlsx"), xlsx.left(xlsx.size() / 2), {QStringLiteral("truncated.xlsx")}},
        {QStringLiteral("empty.csv"), QByteArray(), {QStringLiteral("empty")}},
        {QStringLiteral("noise.bin"), QByteArray(), {QStringLiteral("binary")}},
        {QStringLiteral("noproblem.csv"),
         s("序号,整改措施,整改时限,完成情况\n1,措施,2021-01-01,已完成\n").toUtf8(),
         {QStringLiteral("row 1"), QStringLiteral("problem column")}},
        {QStringLiteral("dates.csv"),
         s("序号,问题描述,整改时限,完成情况\n1,问题甲,2021年13月5日,整改中\n2,问题乙,2021-06-30\n").toUtf8(),
         {QStringLiteral("row 2, column \"") + s("整改时限"),
          QStringLiteral("row 3, column \"") + s("完成情况")}},
    };
    for (int i = 0; i < 4096; ++i)
        bad[2].data.append(char((i * 7919) % 256));
    // A zip that is not a workbook: the ledger's bytes with its relationship parts renamed.
    QByteArray foreign = xlsx;
    foreign.replace("_rels/.rels", "_rels/.xxxx");
    foreign.replace("xl/workbook.xml", "xl/notabook.xml");
    bad << Bad{QStringLiteral("foreign.xlsx"), foreign, {QStringLiteral("foreign.xlsx")}};

    for (const Bad &b : bad) {
        INFO(b.name.toStdString());
        const QString path = dir.filePath(b.name);
        writeBytes(path, b.data);
        const CliRun r =
            runCli({QStringLiteral("import"), db, path, QStringLiteral("--unit"), QStringLiteral("X")});
        INFO(r.err.toStdString());
        CHECK(r.exitCode == 2);
        for (const QString &m : b.mustMention)
            CHECK(r.err.contains(m));
        CHECK(statsTotal(db) == before);
        CHECK(auditLength(db) == auditBefore);
    }

    // --sheet on a text file: there are no sheets to choose from.
    const CliRun sheet = runCli({QStringLiteral("import"), db, dir.filePath(QStringLiteral("dates.csv")),
                                 QStringLiteral("--unit"), QStringLiteral("X"), QStringLiteral("--sheet"),
                                 s("整改台账"), QStringLiteral("--lang"), QStringLiteral("zh_CN")});
    CHECK(sheet.exitCode == 2);
    CHECK(sheet.err.contains(s("dates.csv 是文本文件，没有工作表；--sheet 只适用于 .xlsx 工作簿。")));
    CHECK(statsTotal(db) == before);

    // Chinese messages by default: rows as 第N行.
    const CliRun zh = runCli({QStringLiteral("import"), db, dir.filePath(QStringLiteral("dates.csv")),
                              QStringLiteral("--unit"), QStringLiteral("X"), QStringLiteral("--lang"),
                              QStringLiteral("zh_CN")});
    CHECK(zh.exitCode == 2);
    CHECK(zh.err.contains(s("第2行")));
    CHECK(zh.err.contains(s("第3行")));
    // The glossary's word for the register (台账), not 登记簿.
    CHECK(zh.err.contains(s("dates.csv：共 2 处错误；未导入该文件，台账未作任何改动。")));
}

TEST_CASE("export → import through the command line, dry run, usage errors", "[cli][import]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("r.rtreg"));
    const QString copy = dir.filePath(QStringLiteral("c.rtreg"));
    REQUIRE(runCli({QStringLiteral("init"), db}).exitCode == 0);
    REQUIRE(runCli({QStringLiteral("init"), copy}).exitCode == 0);
    const QString unit = s("市交通运输局党组");
    REQUIRE(
        runCli({QStringLiteral("import"), db,
                sharedData(QStringLiteral("ledgers/transport-bureau-ledger.xlsx")), QStringLiteral("--unit"),
                unit, QStringLiteral("--round"), s("第十轮"), QStringLiteral("--source"),
                QStringLiteral("municipal"), QStringLiteral("--feedback-date"), QStringLiteral("2021-01-10")})
            .exitCode == 0);
    const QString out = dir.filePath(QStringLiteral("problems.xlsx"));
    const CliRun exp =
        runCli({QStringLiteral("export"), db, QStringLiteral("--ledger"), QStringLiteral("problems"),
                QStringLiteral("-o"), out, QStringLiteral("--round"), s("第十轮")});
    INFO(exp.err.toStdString());
    REQUIRE(exp.exitCode == 0);
    const CliRun dry = runCli({QStringLiteral("import"), copy, out, QStringLiteral("--unit"), unit,
                               QStringLiteral("--dry-run"), QStringLiteral("--feedback-date"),
                               QStringLiteral("2021-01-10")});
    REQUIRE(dry.exitCode == 0);
    CHECK(dry.out.contains(QStringLiteral("Dry run")));
    CHECK(dry.out.contains(QStringLiteral("row 3:")));
    CHECK(statsTotal(copy).value(QStringLiteral("problems")).toInt() == 0);
    REQUIRE(runCli({QStringLiteral("import"), copy, out, QStringLiteral("--unit"), unit,
                    QStringLiteral("--feedback-date"), QStringLiteral("2021-01-10")})
                .exitCode == 0);
    CHECK(statsTotal(copy) == statsTotal(db));

    for (const char *ledger : {"measures", "clues"}) {
        const QString csv = dir.filePath(QLatin1String(ledger) + QStringLiteral(".csv"));
        CHECK(runCli({QStringLiteral("export"), db, QStringLiteral("--ledger"), QLatin1String(ledger),
                      QStringLiteral("-o"), csv})
                  .exitCode == 0);
        CHECK(QFile::exists(csv));
    }
    CHECK(runCli({QStringLiteral("export"), db, QStringLiteral("-o"), dir.filePath(QStringLiteral("x.pdf"))})
              .exitCode == 1);
    // A folder that does not exist: refused in Chinese, with none of libxlsxwriter's English.
    const QString nowhere = dir.filePath(s("没有 这个文件夹/问题台账.xlsx"));
    const CliRun missing =
        runCli({QStringLiteral("export"), db, QStringLiteral("--ledger"), QStringLiteral("problems"),
                QStringLiteral("-o"), nowhere, QStringLiteral("--lang"), QStringLiteral("zh_CN")});
    CHECK(missing.exitCode == 2);
    CHECK(missing.err.contains(s("无法写入 ") + nowhere + s("：文件夹不存在")));
    CHECK_FALSE(missing.err.contains(QStringLiteral("ERROR")));
    CHECK_FALSE(missing.err.contains(QStringLiteral("permissions")));
    // Exporting over an existing workbook replaces it and leaves no temporary file behind.
    REQUIRE(runCli({QStringLiteral("export"), db, QStringLiteral("--ledger"), QStringLiteral("measures"),
                    QStringLiteral("-o"), out})
                .exitCode == 0);
    CHECK(QDir(dir.path())
              .entryList(QDir::Files | QDir::Hidden)
              .filter(QStringLiteral(".rectrack-export"))
              .isEmpty());
    // … with the permissions of any new file (not the temporary file's 0600).
    QFile plain(dir.filePath(QStringLiteral("plain.txt")));
    REQUIRE(plain.open(QIODevice::WriteOnly));
    plain.close();
    CHECK(QFileInfo(out).permissions() == QFileInfo(plain.fileName()).permissions());
    CHECK(runCli({QStringLiteral("import"), db, out}).exitCode == 1);
    CHECK(runCli({QStringLiteral("import"), db, out, QStringLiteral("--unit"), unit, QStringLiteral("--map"),
                  QStringLiteral("A=nonsense")})
              .exitCode == 1);
}
