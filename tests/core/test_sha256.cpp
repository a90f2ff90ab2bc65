#include <catch2/catch.hpp>

#include "storage/auditlog.h"
#include "storage/sha256.h"

#include <QCryptographicHash>

using namespace rectrack::core;

TEST_CASE("Sha256 gives QCryptographicHash's SHA-256 digests", "[audit][sha256]")
{
    // FIPS 180-2 test vector, then messages around the 64-byte block boundary and a long one.
    CHECK(Sha256::hexOf("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(Sha256::hexOf({}) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    for (int size : {1, 55, 56, 63, 64, 65, 119, 120, 128, 1000, 100000}) {
        QByteArray data(size, Qt::Uninitialized);
        for (int i = 0; i < size; ++i)
            data[i] = char((i * 31 + size) & 0xff);
        INFO(size);
        CHECK(Sha256::hexOf(data) == QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
        // Fed in parts, the same digest; the object is reusable after hex().
        Sha256 sha;
        sha.add(QByteArrayView(data).first(size / 3));
        sha.add(QByteArrayView(data).sliced(size / 3));
        CHECK(sha.hex() == QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
        sha.add("abc");
        CHECK(sha.hex() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
    // The audit chain's hash over UTF-8 text with the unit separator.
    const QString before = QString::fromUtf8("{\"a\":\"整改\"}");
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData((AuditLog::kGenesisHash + QChar(0x1f) + QStringLiteral("2021-01-15T00:00:00.000Z") +
               QChar(0x1f) + QStringLiteral("王某") + QChar(0x1f) + QStringLiteral("problems") + QChar(0x1f) +
               QStringLiteral("7") + QChar(0x1f) + QStringLiteral("update") + QChar(0x1f) + before +
               QChar(0x1f))
                  .toUtf8());
    CHECK(AuditLog::chainHash(AuditLog::kGenesisHash, QStringLiteral("2021-01-15T00:00:00.000Z"),
                              QStringLiteral("王某"), QStringLiteral("problems"), 7, QStringLiteral("update"),
                              before, QString()) == QString::fromLatin1(h.result().toHex()));
}
