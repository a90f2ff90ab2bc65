#pragma once

/**
 * The container of an exchange package (.rtx, issue #25, docs/exchange.md): a zip archive whose
 * entries are stored uncompressed, in a fixed order, with a fixed time stamp (1980-01-01 00:00)
 * and UTF-8 names. Writing the same entries always gives the same bytes, whatever the zlib
 * version, so that building a package twice gives the same file, and a reader can rebuild the
 * archive from the entries it read and compare it with the file byte for byte: a changed byte
 * anywhere (in an entry, a header, the central directory) is found, not only in the entries the
 * signed manifest lists.
 */

#include "domain/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>

namespace rectrack::core::exchange {

/// Entries of a package in archive order: name (UTF-8, '/' separated) and content.
using PackageEntries = QList<QPair<QString, QByteArray>>;

class PackageArchive
{
    Q_DECLARE_TR_FUNCTIONS(rectrack::core::exchange::PackageArchive)
public:
    /// The archive bytes of @p entries (minizip, stored, fixed time stamps). Internal on an I/O error.
    static Result<QByteArray> write(const PackageEntries &entries);
    /**
     * Reads the archive @p bytes (named @p shown in messages): every entry, with its CRC checked,
     * and then the canonical check (write() of those entries gives @p bytes again). InputRefused
     * naming the file when it is not such an archive or anything in it was changed.
     */
    static Result<PackageEntries> read(const QByteArray &bytes, const QString &shown);
};

} // namespace rectrack::core::exchange
