#include "sha256.h"

#include <openssl/evp.h>

namespace rectrack::core {

namespace {

/// The SHA-256 implementation, fetched once: an implicit fetch at every EVP_DigestInit_ex (or the
/// one-shot SHA256(), which fetches by name) costs about as much as hashing a short message.
const EVP_MD *sha256Md()
{
    static EVP_MD *md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return md;
}

} // namespace

Sha256::Sha256() : m_ctx(EVP_MD_CTX_new()) {}

Sha256::~Sha256()
{
    EVP_MD_CTX_free(m_ctx);
}

void Sha256::add(QByteArrayView data)
{
    if (!m_started) {
        EVP_DigestInit_ex2(m_ctx, sha256Md(), nullptr);
        m_started = true;
    }
    EVP_DigestUpdate(m_ctx, data.data(), size_t(data.size()));
}

QByteArray Sha256::hex()
{
    if (!m_started)
        add({});
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(m_ctx, digest, &length);
    m_started = false;
    static const char kHex[] = "0123456789abcdef";
    QByteArray out(qsizetype(length) * 2, Qt::Uninitialized);
    char *o = out.data();
    for (unsigned int i = 0; i < length; ++i) {
        *o++ = kHex[digest[i] >> 4];
        *o++ = kHex[digest[i] & 0xf];
    }
    return out;
}

QByteArray Sha256::hexOf(QByteArrayView data)
{
    thread_local Sha256 sha;
    sha.add(data);
    return sha.hex();
}

} // namespace rectrack::core
