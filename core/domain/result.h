#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace rectrack::core {

/// Why an operation failed; the codes map one to one onto rectrack-cli exit codes (DESIGN.md §9).
enum class ErrorCode
{
    Usage = 1,        ///< wrong arguments or an operation that does not apply
    InputRefused = 2, ///< bad input or an illegal transition; nothing was changed
    VerifyFault = 3,  ///< verification found a fault
    CannotOpen = 4,   ///< corrupt file, not a Rectrack register, or newer than this program
    Internal = 5,     ///< an unexpected SQL or I/O failure
};

/// A failure with a translated, user-facing message.
struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message;
    /// True when a save was refused because the row changed since it was read (a stale edit);
    /// editors offer to reload. The code stays InputRefused.
    bool staleEdit = false;
    /// With staleEdit: the change made since the row was read, as compact JSON
    /// {"actor": login, "at": ISO UTC time, "fields": {column: {"was": value read, "now": value
    /// saved}}}, from the audit log, so that an editor can show both sides.
    QString staleChange = {};
    /// True for a failure that running the same transaction again may cure: a serialization failure
    /// or a deadlock on the server (SQLSTATE 40001, 40P01). withTransaction() retries these.
    bool transient = false;
};

/**
 * Value-or-error return type used across core (a small stand-in for C++23 std::expected,
 * which GCC 12 does not ship). Core never shows dialogs: callers turn an Error into a
 * message box or a stderr line and exit code.
 */
template <typename T> class Result
{
public:
    Result(T value) : m_data(std::move(value)) {}
    Result(Error error) : m_data(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<T>(m_data); }
    T &value() & { return std::get<T>(m_data); }
    T &&value() && { return std::get<T>(std::move(m_data)); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }
    const Error &error() const { return std::get<Error>(m_data); }

private:
    std::variant<T, Error> m_data;
};

/// Result of an operation that returns nothing on success.
using Status = Result<std::monostate>;

inline Status okStatus()
{
    return Status(std::monostate{});
}

} // namespace rectrack::core
