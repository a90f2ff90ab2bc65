// libFuzzer target: CsvReader::parse on arbitrary bytes (docs/fuzzing.md).
// Any input must give either a workbook or an InputRefused error: never a crash, a hang or a
// sanitizer report. The sheet's invariants (row numbers 1..n) are checked too.
#include "io/csvreader.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace rectrack::core;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto wb = CsvReader::parse(bytes, QStringLiteral("fuzz.csv"));
    if (!wb)
        return 0;
    for (const Sheet &sheet : wb->sheets) {
        for (qsizetype i = 0; i < sheet.rows.size(); ++i) {
            if (sheet.rows[i].number != i + 1)
                std::abort();
        }
        (void)sheet.columnCount();
    }
    return 0;
}
