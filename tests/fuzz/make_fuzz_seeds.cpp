// Writes the seed inputs of fuzz_xls_reader and fuzz_docx_reader (docs/fuzzing.md) into the two
// directories named on the command line: the .xls and Word ledgers the tests build
// (tests/core/xlsfixtures.h, docxfixtures.h), so no binary seed is kept in the repository.
#include "../core/docxfixtures.h"
#include "../core/xlsfixtures.h"

#include <QDir>
#include <QFile>

#include <cstdio>

int main(int argc, char **argv)
{
    using namespace rectrack::test;
    if (argc != 3) {
        std::fprintf(stderr, "usage: make_fuzz_seeds XLS_DIR DOCX_DIR\n");
        return 2;
    }
    const QDir xls(QString::fromLocal8Bit(argv[1]));
    const QDir docx(QString::fromLocal8Bit(argv[2]));
    XlsSheet dates;
    dates.name = QStringLiteral("S");
    dates.rows = {{QStringLiteral("#d:42915"), QStringLiteral("#c:44561"), QStringLiteral("#n:1"),
                   QStringLiteral("#n:2"), QStringLiteral("#n:2.5"), QStringLiteral("#f:x")}};
    bool ok = writeFile(xls.filePath(QStringLiteral("ledger.xls")), xlsFile({sampleLedgerXls(), dates}));
    ok = writeFile(xls.filePath(QStringLiteral("ledger-1904.xls")), xlsFile({dates}, true)) && ok;
    ok = writeFile(xls.filePath(QStringLiteral("ledger-biff5.xls")),
                   xlsFile({sampleLedgerXls()}, false, true)) &&
         ok;
    ok = writeFile(xls.filePath(QStringLiteral("stream.bin")),
                   xlsWorkbookStream({sampleLedgerXls(), dates})) &&
         ok;
    ok = writeFile(docx.filePath(QStringLiteral("document.xml")),
                   docxParts(sampleLedgerDocxBody()).value(QStringLiteral("word/document.xml"))) &&
         ok;
    return ok ? 0 : 1;
}
