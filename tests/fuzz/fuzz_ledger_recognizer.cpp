// libFuzzer target: ledger recognition (LedgerRecognizer::chooseSheet + recognize) on a
// workbook read from arbitrary bytes (docs/fuzzing.md). Inputs starting with "PK" are read as
// .xlsx (through a scratch file), everything else as CSV, so the seeds of both readers serve.
// Every ImportIssue must name a row inside the sheet, and every LedgerRow a real row.
#include "io/csvreader.h"
#include "io/ledgerrecognizer.h"
#include "io/xlsxreader.h"

#include <QDir>
#include <QFile>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>

namespace {

rectrack::core::Result<rectrack::core::Workbook> readBytes(const QByteArray &bytes)
{
    using namespace rectrack::core;
    if (!bytes.startsWith("PK"))
        return CsvReader::parse(bytes, QStringLiteral("fuzz.csv"));
    static const QString path = []() -> QString {
        const QString dir =
            QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm") : QDir::tempPath();
        return dir + QStringLiteral("/rectrack-fuzz-ledger-%1.xlsx").arg(::getpid());
    }();
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        std::fprintf(stderr, "cannot write %s: %s\n", qPrintable(path), qPrintable(f.errorString()));
        std::abort();
    }
    f.write(bytes);
    f.close();
    return XlsxReader::read(path, QStringLiteral("fuzz.xlsx"));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace rectrack::core;
    const auto wb = readBytes(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!wb)
        return 0;
    RecognizerOptions options;
    options.fallbackYear = 2021;
    Error error;
    const int chosen = LedgerRecognizer::chooseSheet(*wb, {}, options, &error);
    if (chosen >= wb->sheets.size())
        std::abort();
    for (const Sheet &sheet : wb->sheets) {
        const RecognizedLedger ledger = LedgerRecognizer::recognize(*wb, sheet, options);
        const int rows = int(sheet.rows.size());
        for (const LedgerRow &row : ledger.rows) {
            if (row.rowNumber < 1 || row.rowNumber > rows)
                std::abort();
        }
        for (const ImportIssue &issue : ledger.errors + ledger.warnings) {
            if (issue.row < 0 || issue.row > rows)
                std::abort();
        }
    }
    return 0;
}
