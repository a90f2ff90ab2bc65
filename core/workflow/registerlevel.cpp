#include "registerlevel.h"

#include "storage/database.h"

namespace rectrack::core {

std::optional<SourceLevel> sourceLevelNamedIn(const QString &name)
{
    const auto any = [&](std::initializer_list<const char16_t *> words) {
        for (const char16_t *w : words)
            if (name.contains(QString::fromUtf16(w)))
                return true;
        return false;
    };
    if (any({u"区委", u"县委", u"区县", u"旗委"}))
        return SourceLevel::District;
    if (any({u"市委", u"州委", u"盟委"}))
        return SourceLevel::Municipal;
    if (any({u"省委", u"自治区党委"}))
        return SourceLevel::Provincial;
    if (any({u"中央"}))
        return SourceLevel::Central;
    return std::nullopt;
}

SourceLevel registerSourceLevel(Database &db)
{
    QStringList names;
    // A register without an exchange site, or one read before the exchange tables, names none.
    (void)db.forEachRow(QStringLiteral("SELECT office FROM exchange_sites WHERE is_self = 1"), {},
                        [&](const SqlRow &r) { names << r.text(0); });
    names << db.meta(QStringLiteral("issuing_body")) << db.meta(QStringLiteral("register_title"));
    (void)db.forEachRow(QStringLiteral("SELECT name FROM terms ORDER BY start_date DESC, id DESC"), {},
                        [&](const SqlRow &r) { names << r.text(0); });
    for (const QString &n : names)
        if (const auto level = sourceLevelNamedIn(n))
            return *level;
    return SourceLevel::Municipal;
}

} // namespace rectrack::core
