#include "package.h"

#include <unzip.h>
#include <zip.h>

#include <QFile>
#include <QTemporaryDir>

namespace rectrack::core::exchange {

namespace {

// 1980-01-01 00:00:00 in MS-DOS form (date in the high word): the earliest a zip can say.
constexpr uLong kDosDate = uLong((1 << 5) | 1) << 16;
// General purpose flag bit 11: names are UTF-8 (说明.txt).
constexpr uLong kUtf8Names = 0x800;
// The largest package read into memory (a CD-R holds 700 MB).
constexpr qint64 kMaxEntryBytes = qint64(1) << 30;

} // namespace

Result<QByteArray> PackageArchive::write(const PackageEntries &entries)
{
    QTemporaryDir dir;
    if (!dir.isValid())
        return Error{ErrorCode::Internal,
                     tr("No temporary folder for the package: %1").arg(dir.errorString())};
    const QString path = dir.filePath(QStringLiteral("p.zip"));
    zipFile zf = zipOpen64(QFile::encodeName(path).constData(), APPEND_STATUS_CREATE);
    if (!zf)
        return Error{ErrorCode::Internal, tr("Cannot write the package archive %1.").arg(path)};
    bool ok = true;
    for (const auto &[name, data] : entries) {
        zip_fileinfo info{};
        info.dosDate = kDosDate;
        const QByteArray utf8 = name.toUtf8();
        ok = zipOpenNewFileInZip4_64(zf, utf8.constData(), &info, nullptr, 0, nullptr, 0, nullptr, 0, 0, 0,
                                     -MAX_WBITS, DEF_MEM_LEVEL, Z_DEFAULT_STRATEGY, nullptr, 0, 0, kUtf8Names,
                                     0) == ZIP_OK;
        if (ok && !data.isEmpty())
            ok = zipWriteInFileInZip(zf, data.constData(), unsigned(data.size())) == ZIP_OK;
        if (ok)
            ok = zipCloseFileInZip(zf) == ZIP_OK;
        if (!ok)
            break;
    }
    ok = zipClose(zf, nullptr) == ZIP_OK && ok;
    QFile f(path);
    if (!ok || !f.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Internal, tr("Cannot write the package archive %1.").arg(path)};
    return f.readAll();
}

Result<PackageEntries> PackageArchive::read(const QByteArray &bytes, const QString &shown)
{
    const Error damaged{
        ErrorCode::InputRefused,
        tr("%1 is not an intact exchange package (the archive is damaged or was changed).").arg(shown)};
    QTemporaryDir dir;
    if (!dir.isValid())
        return Error{ErrorCode::Internal,
                     tr("No temporary folder for the package: %1").arg(dir.errorString())};
    const QString path = dir.filePath(QStringLiteral("p.zip"));
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            return Error{ErrorCode::Internal, tr("Cannot read the package %1.").arg(shown)};
    }
    unzFile uf = unzOpen64(QFile::encodeName(path).constData());
    if (!uf)
        return damaged;
    PackageEntries out;
    bool ok = true;
    for (int rc = unzGoToFirstFile(uf); rc == UNZ_OK && ok; rc = unzGoToNextFile(uf)) {
        unz_file_info64 info;
        char name[1024];
        if (unzGetCurrentFileInfo64(uf, &info, name, sizeof name, nullptr, 0, nullptr, 0) != UNZ_OK ||
            qint64(info.uncompressed_size) > kMaxEntryBytes || info.compression_method != 0 ||
            unzOpenCurrentFile(uf) != UNZ_OK) {
            ok = false;
            break;
        }
        QByteArray data;
        data.reserve(qsizetype(info.uncompressed_size));
        char buf[65536];
        int n = 0;
        while ((n = unzReadCurrentFile(uf, buf, sizeof buf)) > 0)
            data.append(buf, n);
        // unzCloseCurrentFile checks the CRC of an entry read to its end.
        ok = n == 0 && unzCloseCurrentFile(uf) == UNZ_OK && quint64(data.size()) == info.uncompressed_size;
        out.append({QString::fromUtf8(name), data});
    }
    unzClose(uf);
    if (!ok || out.isEmpty())
        return damaged;
    // The canonical check: the same entries written again give exactly these bytes.
    auto again = write(out);
    if (!again)
        return again.error();
    if (*again != bytes)
        return damaged;
    return out;
}

} // namespace rectrack::core::exchange
