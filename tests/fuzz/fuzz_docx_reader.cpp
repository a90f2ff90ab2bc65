// libFuzzer target: DocxReader::parseDocument on arbitrary bytes as the main document part
// (docs/fuzzing.md); the zip layer under it is minizip's, fuzzed through fuzz_xlsx_reader. Any
// input must give a workbook (one sheet per table, rows numbered 1…n, cells inside 256 columns,
// merges inside their sheet) or an InputRefused error.
#include "io/docxreader.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace rectrack::core;
    const QByteArray xml(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto wb = DocxReader::parseDocument(xml, QStringLiteral("fuzz.docx"));
    if (!wb) {
        if (wb.error().code != ErrorCode::InputRefused)
            std::abort();
        return 0;
    }
    for (const Sheet &sheet : wb->sheets) {
        for (qsizetype i = 0; i < sheet.rows.size(); ++i) {
            if (sheet.rows[i].number != i + 1 || sheet.rows[i].cells.size() > 256)
                std::abort();
        }
        for (const CellRange &r : sheet.merges) {
            if (r.top > r.bottom || r.left > r.right || r.bottom >= sheet.rows.size() || r.right >= 256)
                std::abort();
        }
    }
    return 0;
}
