#include <catch2/catch.hpp>

#include "importfixtures.h"
#include "testsupport.h"

#include "io/ledgerexporter.h"
#include "io/ledgerimporter.h"
#include "io/xlsxreader.h"
#include "workflow/problemservice.h"

#include <QFile>

using namespace rectrack::core;
using namespace rectrack::test;

namespace {

QString s(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

/// Problems with their measures, states and deadlines, in a comparable form.
QStringList registerContent(Database &db)
{
    QStringList out;
    auto q = db.exec(
        QStringLiteral("SELECT p.id, p.registration_no, p.description, p.state, p.deadline, "
                       "p.deadline_note, p.lead_leader, p.responsible_office, p.responsible_person, "
                       "p.progress, c.name FROM problems p LEFT JOIN categories c ON c.id = p.category_id "
                       "ORDER BY p.description"));
    while (q && q->next()) {
        QStringList row;
        for (int i = 1; i < 11; ++i)
            row << q->value(i).toString();
        auto m =
            db.exec(QStringLiteral("SELECT content, state FROM measures WHERE problem_id = ? ORDER BY seq"),
                    {q->value(0)});
        while (m && m->next())
            row << m->value(0).toString() + u'/' + m->value(1).toString();
        out << row.join(u'|');
    }
    return out;
}

void importShared(TempRegister &reg, const char *file, const char *unit)
{
    ImportOptions o;
    o.unit = s(unit);
    o.feedbackDate = QDate(2021, 1, 10);
    const ImportReport r =
        LedgerImporter::importFile(*reg.db, sharedData(QStringLiteral("ledgers/") + s(file)), o);
    REQUIRE(r.ok());
}

} // namespace

TEST_CASE("export → import into an empty register gives the same problems, measures, states and deadlines",
          "[export]")
{
    TempRegister source;
    importShared(source, "transport-bureau-ledger.xlsx", "市交通运输局党组");
    const QStringList expected = registerContent(*source.db);
    REQUIRE(expected.size() == 24);

    for (const QString &ext : {QStringLiteral("xlsx"), QStringLiteral("csv")}) {
        const QString path = source.dir.filePath(QStringLiteral("out.") + ext);
        ExportOptions eo;
        eo.unit = s("市交通运输局党组");
        auto n = LedgerExporter::exportTo(*source.db, eo, path);
        REQUIRE(n.ok());
        CHECK(*n == 24);
        TempRegister target;
        ImportOptions o;
        o.unit = s("市交通运输局党组");
        o.feedbackDate = QDate(2021, 1, 10);
        const ImportReport r = LedgerImporter::importFile(*target.db, path, o);
        for (const ImportIssue &w : r.warnings)
            UNSCOPED_INFO(w.toString().toStdString());
        REQUIRE(r.ok());
        CHECK(r.warnings.isEmpty());
        CHECK(registerContent(*target.db) == expected);
    }
}

TEST_CASE("xlsx export: title row, frozen bold header, dates as dates, filters", "[export]")
{
    TempRegister reg;
    importShared(reg, "agriculture-bureau-ledger-gbk.csv", "市农业农村局党组");
    const QString path = reg.dir.filePath(QStringLiteral("p.xlsx"));
    ExportOptions eo;
    eo.state = ProblemState::Completed;
    auto n = LedgerExporter::exportTo(*reg.db, eo, path);
    REQUIRE(n.ok());
    CHECK(*n == 8);
    auto wb = XlsxReader::read(path);
    REQUIRE(wb.ok());
    const Sheet &sh = wb->sheets.first();
    CHECK(sh.name.size() <= 31);
    CHECK(sh.cell(0, 0).text.contains(QStringLiteral("Problem ledger")));
    CHECK(sh.cell(1, 2).text == QStringLiteral("Inspected unit"));
    REQUIRE(sh.merges.size() == 1);
    // Row 3 is the first problem; its deadline (2021年6月30日前) is a real date.
    bool sawDate = false;
    for (int c = 0; c < sh.columnCount(); ++c)
        sawDate =
            sawDate || (sh.cell(2, c).kind == Cell::Kind::Date && sh.cell(2, c).date == QDate(2021, 6, 30));
    CHECK(sawDate);

    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    f.close();
    eo.kind = LedgerKind::Measures;
    eo.state.reset();
    const QString csv = reg.dir.filePath(QStringLiteral("m.csv"));
    auto m = LedgerExporter::exportTo(*reg.db, eo, csv);
    REQUIRE(m.ok());
    CHECK(*m == 39);
    QFile c(csv);
    REQUIRE(c.open(QIODevice::ReadOnly));
    CHECK(c.read(3) == QByteArray("\xEF\xBB\xBF"));

    eo.unit = s("没有这个单位");
    CHECK_FALSE(LedgerExporter::build(*reg.db, eo).ok());
    eo.unit.clear();
    eo.kind = LedgerKind::Clues;
    auto clues = LedgerExporter::build(*reg.db, eo);
    REQUIRE(clues.ok());
    CHECK(clues->rows.isEmpty());
}

TEST_CASE("export text is cleaned for XML and sheet names fit Excel's rules", "[export]")
{
    CHECK(LedgerExporter::xmlSafe(QStringLiteral("a\x01"
                                                 "b\tc\nd") +
                                  QChar(0xFFFE)) == QStringLiteral("ab\tc\nd"));
    QString lone = QStringLiteral("x");
    lone += QChar(0xD800);
    CHECK(LedgerExporter::xmlSafe(lone) == QStringLiteral("x"));
    CHECK(LedgerExporter::sheetName(QStringLiteral("a/b[c]:d*e?f\\g")) == QStringLiteral("a_b_c__d_e_f_g"));
    CHECK(LedgerExporter::sheetName(QString(40, u'问')).size() == 31);

    TempRegister reg;
    ProblemService ps(*reg.db);
    reg.db->exec(QStringLiteral("INSERT INTO units (uuid, name) VALUES ('u1', 'U')"));
    Problem p;
    p.unitId = reg.db->scalar(QStringLiteral("SELECT id FROM units")).toLongLong();
    p.description = QStringLiteral("bad\x02text");
    p.feedbackDate = QDate(2021, 1, 1);
    REQUIRE(ps.registerProblem(p, {}).ok());
    const QString path = reg.dir.filePath(QStringLiteral("x.xlsx"));
    REQUIRE(LedgerExporter::exportTo(*reg.db, {}, path).ok());
    auto wb = XlsxReader::read(path);
    REQUIRE(wb.ok());
    CHECK(wb->sheets[0].cell(2, 4).text == QStringLiteral("badtext"));
}

TEST_CASE(
    "a cell longer than Excel allows is cut in .xlsx with a warning naming row and column, kept in .csv",
    "[export]")
{
    TempRegister reg;
    ProblemService ps(*reg.db);
    reg.db->exec(QStringLiteral("INSERT INTO units (uuid, name) VALUES ('u1', 'U')"));
    const qint64 unit = reg.db->scalar(QStringLiteral("SELECT id FROM units")).toLongLong();
    Problem shortOne;
    shortOne.unitId = unit;
    shortOne.registrationNo = QStringLiteral("A-1");
    shortOne.description = QStringLiteral("short");
    shortOne.feedbackDate = QDate(2021, 1, 1);
    REQUIRE(ps.registerProblem(shortOne, {}).ok());
    Problem longOne = shortOne;
    longOne.registrationNo = QStringLiteral("A-2");
    longOne.description = QString(40000, u'问');
    REQUIRE(ps.registerProblem(longOne, {}).ok());

    const QString xlsx = reg.dir.filePath(QStringLiteral("long.xlsx"));
    QStringList warnings;
    REQUIRE(LedgerExporter::exportTo(*reg.db, {}, xlsx, &warnings).ok());
    REQUIRE(warnings.size() == 1);
    // Row 4: title, header, A-1, then A-2; the problem text is in the column "Problem description".
    CHECK(warnings[0] ==
          QStringLiteral("row 4, column Problem description: 40,000 characters, cut to Excel's limit "
                         "of 32,767; export as .csv to keep the whole text."));
    auto wb = XlsxReader::read(xlsx);
    REQUIRE(wb.ok());
    CHECK(wb->sheets[0].cell(3, 4).text.size() == 32767);

    const QString csv = reg.dir.filePath(QStringLiteral("long.csv"));
    warnings = {QStringLiteral("stale")};
    REQUIRE(LedgerExporter::exportTo(*reg.db, {}, csv, &warnings).ok());
    CHECK(warnings == QStringList{QStringLiteral("stale")}); // untouched: no warning for .csv
    QFile f(csv);
    REQUIRE(f.open(QIODevice::ReadOnly));
    CHECK(QString::fromUtf8(f.readAll()).contains(QString(40000, u'问')));
}
