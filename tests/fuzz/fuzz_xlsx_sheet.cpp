// libFuzzer target: the SpreadsheetML side of XlsxReader (docs/fuzzing.md). Mutating a whole
// .xlsx mostly breaks the zip's checksums, so this target packs the input, split at the first
// NUL byte, as the worksheet XML and the shared strings of a valid workbook (styles with date
// formats included) and reads it, then recognises the sheet as a ledger. Any input must give a
// workbook or an InputRefused error; recognised rows must lie inside the sheet.
#include "../core/importfixtures.h"

#include "io/ledgerrecognizer.h"
#include "io/xlsxreader.h"

#include <QDir>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace rectrack::core;
    static const QString path = []() -> QString {
        const QString dir =
            QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm") : QDir::tempPath();
        return dir + QStringLiteral("/rectrack-fuzz-sheet-%1.xlsx").arg(::getpid());
    }();
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype nul = bytes.indexOf('\0');
    const QByteArray sheetXml = nul < 0 ? bytes : bytes.left(nul);
    const QByteArray strings = nul < 0 ? QByteArray() : bytes.mid(nul + 1);
    if (!rectrack::test::writeZip(
            path, rectrack::test::workbookParts({{QStringLiteral("Sheet1"), sheetXml}}, strings))) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        std::abort();
    }
    const auto wb = XlsxReader::read(path, QStringLiteral("fuzz.xlsx"));
    if (!wb)
        return 0;
    RecognizerOptions options;
    options.fallbackYear = 2021;
    for (const Sheet &sheet : wb->sheets) {
        const RecognizedLedger ledger = LedgerRecognizer::recognize(*wb, sheet, options);
        for (const LedgerRow &row : ledger.rows) {
            if (row.rowNumber < 1 || row.rowNumber > sheet.rows.size())
                std::abort();
        }
    }
    return 0;
}
