#include "signing.h"

#include "storage/sha256.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>

#include <QStringList>

#include <memory>

namespace rectrack::core::exchange {

namespace {

struct PkeyFree
{
    void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
};
struct MdCtxFree
{
    void operator()(EVP_MD_CTX *c) const { EVP_MD_CTX_free(c); }
};
struct PkeyCtxFree
{
    void operator()(EVP_PKEY_CTX *c) const { EVP_PKEY_CTX_free(c); }
};
struct BioFree
{
    void operator()(BIO *b) const { BIO_free(b); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;
using MdCtx = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;
using PkeyCtx = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree>;
using Bio = std::unique_ptr<BIO, BioFree>;

const unsigned char *bytes(const QByteArray &a)
{
    return reinterpret_cast<const unsigned char *>(a.constData());
}

/// A memory BIO's content.
QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    return n > 0 ? QByteArray(data, int(n)) : QByteArray();
}

/// An SM2 key from its DER SubjectPublicKeyInfo; null unless it is an SM2 key.
Pkey sm2Public(const QByteArray &der)
{
    const unsigned char *p = bytes(der);
    Pkey key(d2i_PUBKEY(nullptr, &p, long(der.size())));
    if (!key || !EVP_PKEY_is_a(key.get(), "SM2") || p != bytes(der) + der.size())
        return nullptr;
    return key;
}

/// A message digest context for an SM2 signature over SM3 with the distinguishing ID kSm2Id set
/// (the ID enters the hash Z_A, so it must be the one the verifier uses). @p pctx keeps the key
/// context, which the digest context does not own.
bool sm2Context(EVP_PKEY *key, EVP_MD_CTX *ctx, PkeyCtx &pctx, bool signing)
{
    pctx.reset(EVP_PKEY_CTX_new(key, nullptr));
    if (!pctx || EVP_PKEY_CTX_set1_id(pctx.get(), kSm2Id, sizeof(kSm2Id) - 1) <= 0)
        return false;
    EVP_MD_CTX_set_pkey_ctx(ctx, pctx.get());
    return signing ? EVP_DigestSignInit(ctx, nullptr, EVP_sm3(), nullptr, key) == 1
                   : EVP_DigestVerifyInit(ctx, nullptr, EVP_sm3(), nullptr, key) == 1;
}

KeyPair generateSm2()
{
    PkeyCtx ctx(EVP_PKEY_CTX_new_from_name(nullptr, "SM2", nullptr));
    EVP_PKEY *raw = nullptr;
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1 || EVP_PKEY_generate(ctx.get(), &raw) != 1)
        return {};
    Pkey key(raw);
    unsigned char *der = nullptr;
    const int n = i2d_PUBKEY(key.get(), &der);
    if (n <= 0)
        return {};
    const QByteArray pub(reinterpret_cast<const char *>(der), n);
    OPENSSL_free(der);
    Bio bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return {};
    return {pub, bioBytes(bio.get())};
}

} // namespace

Algorithm algorithmOf(const QByteArray &key)
{
    return key.size() == 32 ? Algorithm::Ed25519 : Algorithm::Sm2;
}

QString algorithmName(Algorithm algorithm)
{
    return algorithm == Algorithm::Sm2 ? QStringLiteral("SM2-SM3") : QStringLiteral("Ed25519");
}

QByteArray publicKeyPem(const QByteArray &publicKey)
{
    Pkey key = sm2Public(publicKey);
    Bio bio(BIO_new(BIO_s_mem()));
    if (!key || !bio || PEM_write_bio_PUBKEY(bio.get(), key.get()) != 1)
        return {};
    return bioBytes(bio.get());
}

KeyPair generateKeyPair(Algorithm algorithm)
{
    if (algorithm == Algorithm::Sm2)
        return generateSm2();
    QByteArray seed(32, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char *>(seed.data()), int(seed.size())) != 1)
        return {};
    Pkey key(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, bytes(seed), size_t(seed.size())));
    if (!key)
        return {};
    QByteArray pub(32, '\0');
    size_t len = size_t(pub.size());
    if (EVP_PKEY_get_raw_public_key(key.get(), reinterpret_cast<unsigned char *>(pub.data()), &len) != 1 ||
        len != 32)
        return {};
    return {pub, seed};
}

QByteArray sign(const QByteArray &privateKey, const QByteArray &message)
{
    if (algorithmOf(privateKey) == Algorithm::Sm2) {
        Bio bio(BIO_new_mem_buf(privateKey.constData(), int(privateKey.size())));
        Pkey key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
        MdCtx ctx(EVP_MD_CTX_new());
        PkeyCtx pctx;
        if (!key || !EVP_PKEY_is_a(key.get(), "SM2") || !ctx || !sm2Context(key.get(), ctx.get(), pctx, true))
            return {};
        size_t len = 0;
        if (EVP_DigestSign(ctx.get(), nullptr, &len, bytes(message), size_t(message.size())) != 1)
            return {};
        QByteArray sig(qsizetype(len), '\0');
        if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(sig.data()), &len, bytes(message),
                           size_t(message.size())) != 1)
            return {};
        sig.resize(qsizetype(len));
        return sig;
    }
    Pkey key(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, bytes(privateKey), 32));
    MdCtx ctx(EVP_MD_CTX_new());
    if (!key || !ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1)
        return {};
    QByteArray sig(64, '\0');
    size_t len = size_t(sig.size());
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(sig.data()), &len, bytes(message),
                       size_t(message.size())) != 1 ||
        len != 64)
        return {};
    return sig;
}

bool verify(const QByteArray &publicKey, const QByteArray &message, const QByteArray &signature)
{
    if (algorithmOf(publicKey) == Algorithm::Sm2) {
        Pkey key = sm2Public(publicKey);
        MdCtx ctx(EVP_MD_CTX_new());
        PkeyCtx pctx;
        if (!key || !ctx || signature.isEmpty() || !sm2Context(key.get(), ctx.get(), pctx, false))
            return false;
        return EVP_DigestVerify(ctx.get(), bytes(signature), size_t(signature.size()), bytes(message),
                                size_t(message.size())) == 1;
    }
    if (signature.size() != 64)
        return false;
    Pkey key(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, bytes(publicKey), 32));
    MdCtx ctx(EVP_MD_CTX_new());
    if (!key || !ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1)
        return false;
    return EVP_DigestVerify(ctx.get(), bytes(signature), size_t(signature.size()), bytes(message),
                            size_t(message.size())) == 1;
}

QString fingerprint(const QByteArray &publicKey)
{
    const QString hex = QString::fromLatin1(Sha256::hexOf(publicKey)).left(32).toUpper();
    QStringList groups;
    for (int i = 0; i < hex.size(); i += 4)
        groups << hex.mid(i, 4);
    return groups.join(u' ');
}

} // namespace rectrack::core::exchange
