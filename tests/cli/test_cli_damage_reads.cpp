// A damaged page is never a shorter answer (issue #19, docs/reliability.md): with one damaged leaf
// page of any table, every command either exits 4 with no output (stdout empty, no output file)
// or, when it did not read that page, gives exactly the answer of the undamaged register. The
// register's bytes are never changed and no write-ahead log is left behind.
#include <catch2/catch.hpp>

#include "storage/database.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

using rectrack::core::Database;
using rectrack::test::overwrite;
using rectrack::test::runCli;

namespace {

constexpr int kPageSize = 4096;

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// The text of a PDF as pdftotext reads it (the file's bytes hold a creation time).
QString pdfText(const QString &path)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

struct Command
{
    QString name;
    QStringList args; ///< after the register; OUT stands for the output file
    QString output;   ///< file name of the output, empty when it prints to stdout
    bool pdf = false;
};

/// One leaf page (not the root) of each table with more than one page in the demo register, the
/// middle one of its leaves: the tables the commands read, the statistics tables included.
QList<std::pair<QString, int>> leafPages(const QString &db)
{
    QList<std::pair<QString, int>> out;
    auto r = Database::open(db);
    REQUIRE(r.ok());
    QStringList tables;
    REQUIRE(
        (*r)->forEachRow(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                                        "LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' ORDER BY name"),
                         {}, [&](const rectrack::core::SqlRow &row) { tables << row.text(0); })
            .ok());
    for (const QString &t : std::as_const(tables)) {
        QList<int> leaves;
        REQUIRE((*r)->forEachRow(
                        QStringLiteral("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' "
                                       "AND pageno <> (SELECT rootpage FROM sqlite_master WHERE name = ?) "
                                       "ORDER BY pageno"),
                        {t, t}, [&](const rectrack::core::SqlRow &row) { leaves << row.int32(0); })
                    .ok());
        if (!leaves.isEmpty())
            out.append({t, leaves.at(leaves.size() / 2)});
    }
    return out;
}

} // namespace

TEST_CASE("a damaged leaf page gives exit 4 and no output, or the whole answer: never a shorter one",
          "[cli][damage][reads]")
{
    QTemporaryDir dir;
    const QString demo = dir.filePath(QStringLiteral("demo.rtreg"));
    REQUIRE(runCli({QStringLiteral("demo"), demo}).exitCode == 0);
    const QList<std::pair<QString, int>> leaves = leafPages(demo);
    QStringList names;
    for (const auto &l : leaves)
        names << l.first;
    INFO(names.join(u' ').toStdString());
    // The tables of the cases are among them.
    for (const char *t : {"problems", "measures", "units", "problem_facts", "problem_tally", "problem_states",
                          "progress_entries", "audit_log"})
        REQUIRE(names.contains(QLatin1String(t)));

    const QList<Command> commands{
        {QStringLiteral("stats"), {QStringLiteral("--format"), QStringLiteral("json")}, {}},
        {QStringLiteral("stats"),
         {QStringLiteral("--by"), QStringLiteral("unit"), QStringLiteral("--format"), QStringLiteral("json")},
         {}},
        {QStringLiteral("stats"),
         {QStringLiteral("--by"), QStringLiteral("round"), QStringLiteral("--as-of"),
          QStringLiteral("2020-06-30"), QStringLiteral("--format"), QStringLiteral("json")},
         {}},
        {QStringLiteral("overdue"), {QStringLiteral("--format"), QStringLiteral("json")}, {}},
        {QStringLiteral("summary"), {QStringLiteral("--format"), QStringLiteral("json")}, {}},
        {QStringLiteral("export"),
         {QStringLiteral("--ledger"), QStringLiteral("problems"), QStringLiteral("-o"),
          QStringLiteral("OUT")},
         QStringLiteral("p.csv")},
        {QStringLiteral("export"),
         {QStringLiteral("--ledger"), QStringLiteral("measures"), QStringLiteral("-o"),
          QStringLiteral("OUT")},
         QStringLiteral("m.csv")},
    };
    // The report draws charts (slower): run it on the tables that carry its figures.
    const Command report{QStringLiteral("report"),
                         {QStringLiteral("-o"), QStringLiteral("OUT")},
                         QStringLiteral("r.pdf"),
                         true};
    const QStringList reportTables{QStringLiteral("problems"), QStringLiteral("units"),
                                   QStringLiteral("problem_facts"), QStringLiteral("measures")};

    auto argsFor = [&](const Command &c, const QString &db, const QString &out) {
        QStringList a{c.name, db};
        for (const QString &x : c.args)
            a << (x == QLatin1String("OUT") ? out : x);
        return a;
    };
    // The undamaged answers.
    QHash<int, QString> baseOut;
    QHash<int, QByteArray> baseFile;
    QList<Command> all = commands;
    all << report;
    for (int i = 0; i < all.size(); ++i) {
        // The same output path as the damaged runs: commands name it in what they print.
        const QString out = dir.filePath(all[i].output.isEmpty() ? QStringLiteral("none") : all[i].output);
        const auto run = runCli(argsFor(all[i], demo, out));
        INFO(all[i].name.toStdString() << ' ' << run.err.toStdString());
        REQUIRE(run.exitCode == 0);
        baseOut[i] = run.out;
        if (!all[i].output.isEmpty())
            baseFile[i] = all[i].pdf ? pdfText(out).toUtf8() : readAll(out);
        QFile::remove(out);
    }

    int refused = 0;
    int whole = 0;
    QStringList refusals; // "table:command/first value"
    for (const auto &[table, page] : leaves) {
        const QString copy = dir.filePath(QStringLiteral("damaged-%1.rtreg").arg(table));
        QFile::remove(copy);
        REQUIRE(QFile::copy(demo, copy));
        overwrite(copy, qint64(page - 1) * kPageSize, QByteArray(8, '\xff'));
        const QByteArray before = fileHash(copy);
        for (int i = 0; i < all.size(); ++i) {
            const Command &c = all[i];
            if (c.pdf && !reportTables.contains(table))
                continue;
            const QString out = dir.filePath(c.output.isEmpty() ? QStringLiteral("none") : c.output);
            QFile::remove(out);
            const auto run = runCli(argsFor(c, copy, out));
            INFO(table.toStdString() << " page " << page << ": "
                                     << argsFor(c, copy, out).join(u' ').toStdString() << "\nexit "
                                     << run.exitCode << "\n"
                                     << run.err.toStdString());
            REQUIRE((run.exitCode == 4 || run.exitCode == 0));
            if (run.exitCode == 4) {
                ++refused;
                refusals << table + u':' + c.name + (c.args.size() > 1 ? u'/' + c.args.at(1) : QString());
                CHECK(run.out.isEmpty());
                CHECK(run.err.contains(copy));
                CHECK(run.err.contains(QStringLiteral("damaged")));
                if (!c.output.isEmpty())
                    CHECK_FALSE(QFileInfo::exists(out));
            } else {
                ++whole;
                CHECK(run.out == baseOut[i]);
                if (!c.output.isEmpty())
                    CHECK((c.pdf ? pdfText(out).toUtf8() : readAll(out)) == baseFile[i]);
            }
            CHECK(fileHash(copy) == before);
            CHECK(QFileInfo(copy + QStringLiteral("-wal")).size() == 0);
        }
        // verify reads every page: it finds the damage (3), or open refuses the file (4).
        const auto v = runCli({QStringLiteral("verify"), copy});
        INFO(table.toStdString() << " verify: " << v.out.toStdString() << v.err.toStdString());
        CHECK((v.exitCode == 3 || v.exitCode == 4));
        CHECK(fileHash(copy) == before);
    }
    // The pages each command reads: every figure the commands print comes from these tables.
    INFO(refusals.join(u' ').toStdString());
    for (const char *expected :
         {"problems:export/problems", "measures:export/measures", "units:stats/json", "units:stats/unit",
          "problem_facts:stats/round", "problem_facts:overdue/json", "problem_tally:stats/unit",
          "problems:overdue/json", "inspections:stats/json", "referrals:summary/json", "problems:report/OUT",
          "units:report/OUT", "problem_facts:report/OUT"})
        CHECK(refusals.contains(QLatin1String(expected)));
    CHECK(refused + whole > 100);

    // The two cases, exactly.
    for (const auto &[table, page] : leaves) {
        if (table != QLatin1String("problems") && table != QLatin1String("units"))
            continue;
        const QString copy = dir.filePath(QStringLiteral("damaged-%1.rtreg").arg(table));
        if (table == QLatin1String("problems")) {
            const QString out = dir.filePath(QStringLiteral("t.csv"));
            const auto run = runCli({QStringLiteral("export"), copy, QStringLiteral("--ledger"),
                                     QStringLiteral("problems"), QStringLiteral("-o"), out});
            CHECK(run.exitCode == 4);
            CHECK_FALSE(QFileInfo::exists(out));
        } else {
            const auto run =
                runCli({QStringLiteral("stats"), copy, QStringLiteral("--format"), QStringLiteral("json")});
            CHECK(run.exitCode == 4);
            CHECK(run.out.isEmpty());
        }
    }
}
