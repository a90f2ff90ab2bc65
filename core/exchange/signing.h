#pragma once

/**
 * Ed25519 signatures for exchange packages (issue #25), through OpenSSL 3's libcrypto
 * (EVP_PKEY_ED25519, RFC 8032). Keys are the raw 32-byte forms; a signature is 64 bytes.
 */

#include <QByteArray>
#include <QString>

namespace rectrack::core::exchange {

struct KeyPair
{
    QByteArray publicKey;  ///< 32 bytes
    QByteArray privateKey; ///< 32 bytes (the seed)
};

/// A new random key pair; empty keys when libcrypto failed (no entropy).
KeyPair generateKeyPair();
/// The Ed25519 signature (64 bytes) of @p message with @p privateKey; empty on failure.
QByteArray sign(const QByteArray &privateKey, const QByteArray &message);
/// Whether @p signature is @p publicKey's valid signature of @p message.
bool verify(const QByteArray &publicKey, const QByteArray &message, const QByteArray &signature);
/// The public key's fingerprint as people compare it by phone or on paper: the first 32 hex digits
/// of its SHA-256, upper case, in groups of four ("3F2A 9C01 …").
QString fingerprint(const QByteArray &publicKey);

} // namespace rectrack::core::exchange
