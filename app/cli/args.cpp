#include "args.h"

namespace rectrack::cli {

Args::Args(const QStringList &args, const QSet<QString> &valued, const QSet<QString> &flags)
{
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (!a.startsWith(QLatin1String("-")) || a == QLatin1String("-")) {
            m_positional << a;
            continue;
        }
        QString name = a;
        QString value;
        bool inlineValue = false;
        if (const int eq = a.indexOf(u'='); eq > 0 && a.startsWith(QLatin1String("--"))) {
            name = a.left(eq);
            value = a.mid(eq + 1);
            inlineValue = true;
        }
        if (valued.contains(name)) {
            if (!inlineValue) {
                if (i + 1 >= args.size()) {
                    m_error = name;
                    m_missingValue = true;
                    return;
                }
                value = args[++i];
            }
            m_values[name] << value;
        } else if (flags.contains(name) && !inlineValue) {
            m_flags.insert(name);
        } else {
            m_error = a;
            return;
        }
    }
}

QString Args::value(const QString &option, const QString &fallback) const
{
    const QStringList v = m_values.value(option);
    return v.isEmpty() ? fallback : v.last();
}

} // namespace rectrack::cli
