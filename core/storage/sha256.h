#pragma once

#include <QByteArray>
#include <QByteArrayView>

struct evp_md_ctx_st;

namespace rectrack::core {

/**
 * SHA-256 through OpenSSL's libcrypto, which uses the CPU's SHA instructions where it has them.
 * QCryptographicHash (Qt 6.4) hashes in portable C at about a tenth of that speed, and the audit
 * chain hashes every change: a fifth of a 10,000-row import was QCryptographicHash. The digests
 * are the same (SHA-256 is SHA-256); tests/core/test_sha256.cpp compares both.
 *
 * One object hashes one message at a time: add() the parts, then hex() (which starts the next
 * message). Not thread-safe; one per thread or per writer.
 */
class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    /// Appends @p data to the message.
    void add(QByteArrayView data);
    /// Finishes the message: its digest as 64 lowercase hex digits (as
    /// QCryptographicHash::result().toHex()), and resets for the next message.
    QByteArray hex();

    /// The hex digest of @p data in one call.
    static QByteArray hexOf(QByteArrayView data);

private:
    evp_md_ctx_st *m_ctx = nullptr;
    bool m_started = false;
};

} // namespace rectrack::core
