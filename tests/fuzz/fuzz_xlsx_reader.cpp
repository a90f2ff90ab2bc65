// libFuzzer target: XlsxReader::read on arbitrary bytes (docs/fuzzing.md).
// The reader opens a path (minizip), so each input is written to one scratch file in /dev/shm
// (or the temp folder) first. Any input must give a workbook or an InputRefused error.
#include "io/xlsxreader.h"

#include <QDir>
#include <QFile>

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
        return dir + QStringLiteral("/rectrack-fuzz-xlsx-%1.xlsx").arg(::getpid());
    }();
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            std::fprintf(stderr, "cannot write %s: %s\n", qPrintable(path), qPrintable(f.errorString()));
            std::abort();
        }
        f.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    const auto wb = XlsxReader::read(path, QStringLiteral("fuzz.xlsx"));
    if (wb) {
        for (const Sheet &sheet : wb->sheets) {
            for (qsizetype i = 0; i < sheet.rows.size(); ++i) {
                if (sheet.rows[i].number != i + 1)
                    std::abort();
            }
            for (const CellRange &r : sheet.merges)
                (void)sheet.mergeAt(r.top, r.left);
        }
    }
    return 0;
}
