#pragma once

/**
 * Signatures for exchange packages, through OpenSSL 3's libcrypto. Two algorithms, chosen per site
 * when it is set up (issue #26) and told apart by the key's form:
 *  - Ed25519 (issue #25; EVP_PKEY_ED25519, RFC 8032): keys in their raw 32-byte forms, 64-byte
 *    signatures;
 *  - SM2 with SM3 (GB/T 32918, GB/T 32905), for offices that must use national algorithms: the
 *    public key as DER SubjectPublicKeyInfo (91 bytes), the private key as PKCS#8 PEM, signatures
 *    DER-encoded (about 71 bytes); the distinguishing ID is set explicitly to the standard's
 *    default 1234567812345678 (kSm2Id), so that other SM2 tools verify the signature (`openssl
 *    pkeyutl -verify -rawin -digest sm3 -pkeyopt distid:1234567812345678`).
 */

#include <QByteArray>
#include <QString>

namespace rectrack::core::exchange {

enum class Algorithm
{
    Ed25519,
    Sm2, ///< SM2 signature over SM3, distinguishing ID kSm2Id
};

/// The SM2 distinguishing ID (GB/T 32918.2's default user ID).
inline constexpr char kSm2Id[] = "1234567812345678";

struct KeyPair
{
    QByteArray publicKey;  ///< Ed25519: 32 bytes; SM2: DER SubjectPublicKeyInfo
    QByteArray privateKey; ///< Ed25519: 32 bytes (the seed); SM2: PKCS#8 PEM
};

/// A new random key pair; empty keys when libcrypto failed (no entropy).
KeyPair generateKeyPair(Algorithm algorithm = Algorithm::Ed25519);
/// The algorithm of a public or private key, by its form (32 bytes: Ed25519; else SM2).
Algorithm algorithmOf(const QByteArray &key);
/// The algorithm's name as the manifest and `exchange status` give it: "Ed25519" or "SM2-SM3".
QString algorithmName(Algorithm algorithm);
/// The signature of @p message with @p privateKey (the algorithm by the key's form); empty on failure.
QByteArray sign(const QByteArray &privateKey, const QByteArray &message);
/// Whether @p signature is @p publicKey's valid signature of @p message (an SM2 key must be one).
bool verify(const QByteArray &publicKey, const QByteArray &message, const QByteArray &signature);
/// An SM2 public key (DER) as PEM, for other tools (`openssl pkeyutl -pubin -inkey`); empty for
/// an Ed25519 key.
QByteArray publicKeyPem(const QByteArray &publicKey);
/// The public key's fingerprint as people compare it by phone or on paper: the first 32 hex digits
/// of its SHA-256, upper case, in groups of four ("3F2A 9C01 …").
QString fingerprint(const QByteArray &publicKey);

} // namespace rectrack::core::exchange
