// libFuzzer target: the .xls reader on arbitrary bytes (docs/fuzzing.md). Bytes that begin with
// the compound-file signature are read as a whole .xls (container, then the workbook stream);
// any other bytes as the BIFF workbook stream itself, because a mutated container rarely keeps
// a valid sector chain to the stream behind it. Any input must give a workbook or an
// InputRefused error whose rows are numbered 1…n and whose cells lie inside 256 columns.
#include "io/compoundfile.h"
#include "io/xlsreader.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace rectrack::core;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto wb = CompoundFile::hasSignature(bytes)
                        ? XlsReader::parse(bytes, QStringLiteral("fuzz.xls"))
                        : XlsReader::parseWorkbookStream(bytes, QStringLiteral("fuzz.xls"));
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
            if (r.top > r.bottom || r.left > r.right || sheet.mergeAt(r.top, r.left) == nullptr)
                std::abort();
        }
    }
    return 0;
}
