#include "common.h"

namespace rectrack::cli {

std::unique_ptr<core::Database> openRegister(Context &ctx, const QString &path, int &exitCode)
{
    auto db = core::Database::open(path, core::Database::OpenMode::Existing);
    if (!db) {
        exitCode = fail(ctx, db.error());
        return nullptr;
    }
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
