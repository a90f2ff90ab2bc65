#include "common.h"

#include "storage/clockcheck.h"

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

std::optional<QDate> parseAsOf(Context &ctx, const QString &text, const core::Database &db)
{
    if (text.isEmpty())
        return db.defaultAsOf();
    const QDate d = QDate::fromString(text, Qt::ISODate);
    if (!d.isValid()) {
        usage(ctx, Cli::tr("The date \"%1\" is not valid; write it as YYYY-MM-DD.").arg(text));
        return std::nullopt;
    }
    return d;
}

} // namespace rectrack::cli
