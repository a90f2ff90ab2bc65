#include "common.h"

#include "table.h"

#include "exchange/unitduplicates.h"
#include "storage/clockcheck.h"

#include <QRegularExpression>

#include <algorithm>

namespace rectrack::cli {

std::unique_ptr<core::Database> openRegister(Context &ctx, const QString &path, int &exitCode, Access access)
{
    auto db = core::Database::open(path, core::Database::OpenMode::Existing);
    if (!db) {
        exitCode = fail(ctx, db.error());
        return nullptr;
    }
    if (access == Access::Write && (*db)->readOnly()) {
        exitCode = fail(ctx, core::Error{core::ErrorCode::InputRefused,
                                         Cli::tr("The register %1 is read-only (the file, its folder or the "
                                                 "drive cannot be written); nothing was changed.")
                                             .arg(path)});
        return nullptr;
    }
    for (const QString &w : (*db)->openWarnings())
        ctx.err << "rectrack-cli: " << Cli::tr("warning: %1").arg(w) << '\n';
    if (access == Access::Write) {
        if (const QString w = core::ClockCheck::warning(**db); !w.isEmpty())
            ctx.err << "rectrack-cli: " << Cli::tr("warning: %1").arg(w) << '\n';
    }
    ctx.err.flush();
    exitCode = ExitOk;
    return std::move(db).value();
}

QDate parseIsoDate(const QString &text)
{
    static const QRegularExpression form(QStringLiteral("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"));
    if (!form.match(text).hasMatch())
        return {};
    return QDate::fromString(text, QStringLiteral("yyyy-MM-dd"));
}

std::optional<QDate> parseAsOf(Context &ctx, const QString &text, const core::Database &db)
{
    if (text.isEmpty())
        return db.defaultAsOf();
    const QDate d = parseIsoDate(text);
    if (!d.isValid()) {
        usage(ctx, Cli::tr("The date \"%1\" is not valid; write it as YYYY-MM-DD.").arg(text));
        return std::nullopt;
    }
    return d;
}

QStringList closestNames(const QString &name, const QStringList &names, int count)
{
    // Levenshtein distance on characters; a name containing the text (or contained in it) first.
    const auto distance = [](const QString &a, const QString &b) {
        QList<int> prev(b.size() + 1), cur(b.size() + 1);
        for (qsizetype j = 0; j <= b.size(); ++j)
            prev[j] = int(j);
        for (qsizetype i = 1; i <= a.size(); ++i) {
            cur[0] = int(i);
            for (qsizetype j = 1; j <= b.size(); ++j)
                cur[j] =
                    std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            std::swap(prev, cur);
        }
        return prev[b.size()];
    };
    QList<std::pair<int, QString>> scored;
    for (const QString &n : names) {
        const bool contains = !name.isEmpty() && (n.contains(name) || name.contains(n));
        scored.append({contains ? -1 : distance(name, n), n});
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    QStringList out;
    for (qsizetype i = 0; i < scored.size() && i < count; ++i)
        out << scored[i].second;
    return out;
}

int checkUnitName(Context &ctx, core::Database &db, const QString &unit)
{
    if (unit.isEmpty())
        return ExitOk;
    // Names as the statistics by unit give them (a partner's unit kept apart with its office).
    const auto found = db.value(
        QStringLiteral("SELECT count(*) FROM (%1) x").arg(core::exchange::UnitDuplicates::unitsNamedSql(db)),
        {unit});
    if (!found)
        return fail(ctx, found.error());
    if (found->toLongLong() > 0)
        return ExitOk;
    QStringList names;
    if (const core::Status s = db.forEachRow(QStringLiteral("SELECT name FROM (%1) x ORDER BY id")
                                                 .arg(core::exchange::UnitDuplicates::groupNamesSql(db)),
                                             {},
                                             [&names](const core::SqlRow &r) {
                                                 names << r.text(0);
                                                 return true;
                                             });
        !s)
        return fail(ctx, s.error());
    const QStringList near = closestNames(unit, names, 3);
    QString message = Cli::tr("The register has no unit named \"%1\".").arg(terminalText(unit));
    if (!near.isEmpty())
        message += u' ' + Cli::tr("Closest: %1.").arg(terminalText(near.join(QStringLiteral("、"))));
    return fail(ctx, core::Error{core::ErrorCode::InputRefused, message});
}

int siteOption(Context &ctx, core::Database &db, const QString &name,
               std::optional<core::exchange::SiteScope> &scope)
{
    if (name.trimmed().isEmpty())
        return ExitOk;
    auto site = core::exchange::SiteScopes::find(db, name);
    if (!site)
        return fail(ctx, site.error());
    scope = *site;
    return ExitOk;
}

} // namespace rectrack::cli
