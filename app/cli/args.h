#pragma once

#include <QHash>
#include <QSet>
#include <QStringList>

namespace rectrack::cli {

/**
 * Arguments of one command: positional words and --options. Options listed in @p valued take
 * the next word (or --opt=value) and may repeat (--map A=b --map C=d); others are flags.
 * An option not in @p valued or @p flags is an error.
 */
class Args
{
public:
    Args(const QStringList &args, const QSet<QString> &valued, const QSet<QString> &flags = {});

    bool ok() const { return m_error.isEmpty(); }
    /// The offending word when !ok().
    QString error() const { return m_error; }
    /// Whether the error is a known option given without its value (else an unknown option).
    bool missingValue() const { return m_missingValue; }
    const QStringList &positional() const { return m_positional; }
    bool has(const QString &option) const { return m_values.contains(option) || m_flags.contains(option); }
    QString value(const QString &option, const QString &fallback = {}) const;
    QStringList values(const QString &option) const { return m_values.value(option); }

private:
    QStringList m_positional;
    QHash<QString, QStringList> m_values;
    QSet<QString> m_flags;
    QString m_error;
    bool m_missingValue = false;
};

} // namespace rectrack::cli
