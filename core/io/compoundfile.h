#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace rectrack::core {

/**
 * Reads the streams of a Compound File Binary container ([MS-CFB]; "OLE2"): the container of
 * Excel 97–2003 (.xls), Word 97–2003 (.doc), WPS (.et, .wps) and of password-protected Office
 * Open XML files (EncryptionInfo + EncryptedPackage).
 *
 * Only what the ledger readers need: the names of the streams directly under the root storage
 * and the bytes of one of them (regular sectors through the FAT, small streams through the
 * mini FAT and the mini stream). Versions 3 (512-byte sectors) and 4 (4096-byte sectors).
 * Every sector number, chain and size is checked against the file: a chain that loops or
 * leaves the file, a directory that refers to itself or a stream longer than its chain make
 * the container (or the stream) unreadable, never a crash or a large allocation (a stream is
 * at most the file's own size).
 *
 * Errors (ErrorCode::InputRefused, message naming the file): not a compound file, a damaged
 * header, FAT or directory.
 */
class CompoundFile
{
    Q_DECLARE_TR_FUNCTIONS(rectrack::core::CompoundFile)
public:
    /// Whether @p head (the first bytes of a file) is a compound file's signature.
    static bool hasSignature(const QByteArray &head);

    /// Parses the container in @p data; @p fileName is used in messages.
    static Result<CompoundFile> parse(const QByteArray &data, const QString &fileName);

    /// Names of the streams directly under the root storage, in the order of the directory tree.
    QStringList streamNames() const;
    /// Whether the root storage holds a stream named @p name (case-insensitive, as in [MS-CFB]).
    bool hasStream(const QString &name) const;
    /// The bytes of the root-level stream @p name (case-insensitive); InputRefused when it is
    /// missing or its sector chain is damaged.
    Result<QByteArray> stream(const QString &name) const;

private:
    struct Entry
    {
        QString name;
        quint32 start = 0;
        quint64 size = 0;
    };
    Result<QByteArray> readChain(quint32 start, quint64 size, bool mini) const;

    QByteArray m_data;
    QString m_fileName;
    int m_sectorShift = 9;
    int m_miniShift = 6;
    quint32 m_miniCutoff = 4096;
    QList<quint32> m_fat;
    QList<quint32> m_miniFat;
    QByteArray m_miniStream;
    QList<Entry> m_streams; ///< root-level streams
};

} // namespace rectrack::core
