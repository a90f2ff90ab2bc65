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

/// Problems per group of `stats --by WHAT --format json`: "key=count" lines, sorted.
QStringList problemsBy(const QString &db, const QString &what)
{
    const CliRun r = runCli({QStringLiteral("stats"), db, QStringLiteral("--by"), what,
                             QStringLiteral("--format"), QStringLiteral("json")});
    REQUIRE(r.exitCode == 0);
    QStringList out;
    for (const QJsonValue &g :
         QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("groups")).toArray()) {
        const int problems = g.toObject().value(QStringLiteral("problems")).toInt();
        if (problems > 0)
            out << QStringLiteral("%1=%2")
                       .arg(g.toObject().value(QStringLiteral("key")).toString())
                       .arg(problems);
    }
    out.sort();
    return out;
}

/// Problems per unit from `stats --by unit --format json`: "unit=count" lines, sorted.
QStringList problemsByUnit(const QString &db)
{
    return problemsBy(db, QStringLiteral("unit"));
}

/// Registration numbers of every row of `export --ledger problems` as .csv: the empty ones count.
int rowsWithoutNumber(const QString &db, const QString &csv)
{
    REQUIRE(runCli({QStringLiteral("export"), db, QStringLiteral("--ledger"), QStringLiteral("problems"),
                    QStringLiteral("-o"), csv})
                .exitCode == 0);
    QFile f(csv);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QStringList lines =
        QString::fromUtf8(f.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    REQUIRE(lines.size() > 1);
    int empty = 0;
    for (const QString &line : lines.mid(1)) // the header, then "No.,Registration no.,…"
        empty += line.section(u',', 1, 1).isEmpty() ? 1 : 0;
    return empty;
}

} // namespace

TEST_CASE("a combined ledger imports without --unit, unit by unit, and goes back out one file per unit",
          "[cli][import][units][pg]")
{
    RegisterLocation reg(QStringLiteral("r.rtreg"));
    const QTemporaryDir &dir = reg.dir;
    const QString db = reg.path;
    REQUIRE(runCli({QStringLiteral("init"), db}).exitCode == 0);
    const QString ledger = dir.filePath(s("汇总台账.csv"));
    writeBytes(ledger, s("序号,被巡察单位,问题描述,责任单位,整改措施,完成情况\n"
                         "1,市水利局党组,问题甲,办公室,措施一,已完成\n"
                         "2,中共市水利局党组,问题乙,人事处,\"1.措施二 2.措施三\",整改中\n"
                         "3,市交通运输局党组,问题甲,办公室,措施四,计划6月底前完成\n"
                         "4,市财政局党组,问题丁,办公室,措施五,已销号\n"
                         "5,市财政局党组,问题戊,财务处,措施六,未启动\n"
                         "6,市财政局党组,问题己,财务处,措施七,未启动\n")
                           .toUtf8());
    const CliRun dry = runCli({QStringLiteral("import"), db, ledger, QStringLiteral("--dry-run")});
    REQUIRE(dry.exitCode == 0);
    CHECK(dry.out.contains(s("市财政局党组: 3 new (3 measures), 0 updated, 0 unchanged")));
    CHECK(dry.out.contains(s("市水利局党组: 2 new (3 measures), 0 updated, 0 unchanged")));
    const CliRun imp = runCli({QStringLiteral("import"), db, ledger});
    INFO(imp.err.toStdString());
    REQUIRE(imp.exitCode == 0);
    CHECK(imp.err.contains(s("市水利局党组, 市交通运输局党组, 市财政局党组")));
    const QStringList expected{s("市交通运输局党组=1"), s("市水利局党组=2"), s("市财政局党组=3")};
    CHECK(problemsByUnit(db) == expected);
    CHECK(rowsWithoutNumber(db, dir.filePath(QStringLiteral("numbers.csv"))) == 0);

    // The exported problem ledger imports into an empty register with the same units and counts.
    const QString all = dir.filePath(QStringLiteral("all.xlsx"));
    REQUIRE(runCli({QStringLiteral("export"), db, QStringLiteral("--ledger"), QStringLiteral("problems"),
                    QStringLiteral("-o"), all})
                .exitCode == 0);
    RegisterLocation copyReg(QStringLiteral("copy.rtreg"));
    const QString copy = copyReg.path;
    REQUIRE(runCli({QStringLiteral("init"), copy}).exitCode == 0);
    REQUIRE(runCli({QStringLiteral("import"), copy, all}).exitCode == 0);
    CHECK(problemsByUnit(copy) == expected);

    // --by-unit: one file per unit, named after it, each importing back to its unit's count.
    const QString out = dir.filePath(QStringLiteral("by-unit"));
    REQUIRE(QDir().mkpath(out));
    const CliRun byUnit =
        runCli({QStringLiteral("export"), db, QStringLiteral("--ledger"), QStringLiteral("problems"),
                QStringLiteral("--by-unit"), QStringLiteral("-o"), out});
    INFO(byUnit.err.toStdString());
    REQUIRE(byUnit.exitCode == 0);
    const QStringList files = QDir(out).entryList(QDir::Files, QDir::Name);
    CHECK(files == QStringList{s("市交通运输局党组.xlsx"), s("市水利局党组.xlsx"), s("市财政局党组.xlsx")});
    RegisterLocation eachReg(QStringLiteral("each.rtreg"));
    const QString each = eachReg.path;
    REQUIRE(runCli({QStringLiteral("init"), each}).exitCode == 0);
    for (const QString &f : files)
        REQUIRE(runCli({QStringLiteral("import"), each, QDir(out).filePath(f)}).exitCode == 0);
    CHECK(problemsByUnit(each) == expected);
    CHECK(rowsWithoutNumber(each, dir.filePath(QStringLiteral("each.csv"))) == 0);
}

TEST_CASE("without --source, an import is filed at the register's own level", "[cli][import]")
{
    // A district office's register (issue #21 item 6): its units' ledgers are 区县委巡察 feedback,
    // as the app's import wizard defaults; --source still names another level.
    RegisterLocation reg(QStringLiteral("d.rtreg"));
    const QString db = reg.path;
    REQUIRE(runCli({QStringLiteral("init"), db, QStringLiteral("--office"), s("思明区委巡察办")}).exitCode ==
            0);
    const QString ledger = reg.dir.filePath(QStringLiteral("l.csv"));
    writeBytes(ledger, s("问题描述,整改措施\n问题一,措施一\n").toUtf8());
    REQUIRE(runCli({QStringLiteral("import"), db, ledger, QStringLiteral("--unit"), s("甲")}).exitCode == 0);
    const QString other = reg.dir.filePath(QStringLiteral("m.csv"));
    writeBytes(other, s("问题描述,整改措施\n问题二,措施二\n").toUtf8());
    REQUIRE(runCli({QStringLiteral("import"), db, other, QStringLiteral("--unit"), s("甲"),
                    QStringLiteral("--source"), QStringLiteral("municipal")})
                .exitCode == 0);
    CHECK(problemsBy(db, QStringLiteral("source")) ==
          QStringList{QStringLiteral("district=1"), QStringLiteral("municipal=1")});
}

TEST_CASE("the shared ledgers import to exactly their expected statistics", "[cli][import][pg]")
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
        RegisterLocation reg(QStringLiteral("r.rtreg"));
        const QString db = reg.path;
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
          "[cli][import][pg]")
{
    RegisterLocation reg(QStringLiteral("r.rtreg"));
    const QTemporaryDir &dir = reg.dir;
    const QString db = reg.path;
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

TEST_CASE("export → import through the command line, dry run, usage errors", "[cli][import][pg]")
{
    RegisterLocation reg(QStringLiteral("r.rtreg"));
    RegisterLocation copyReg(QStringLiteral("c.rtreg"));
    const QTemporaryDir &dir = reg.dir;
    const QString db = reg.path;
    const QString copy = copyReg.path;
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
    // --unit is optional for a ledger with a unit column only: without either the file is refused.
    const CliRun noUnit = runCli(
        {QStringLiteral("import"), db, sharedData(QStringLiteral("ledgers/transport-bureau-ledger.xlsx"))});
    CHECK(noUnit.exitCode == 2);
    CHECK(noUnit.err.contains(QStringLiteral("--unit")));
    CHECK(runCli({QStringLiteral("import"), db, out, QStringLiteral("--unit"), unit, QStringLiteral("--map"),
                  QStringLiteral("A=nonsense")})
              .exitCode == 1);
}
