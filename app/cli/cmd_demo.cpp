// demo: the demo register of DESIGN.md §9.
#include "args.h"
#include "common.h"

#include "demo/demoregister.h"
#include "domain/types.h"

#include <QFileInfo>

namespace rectrack::cli {

namespace {

int runDemo(Context &ctx, const QStringList &argv)
{
    Args args(argv, {});
    if (!args.ok() || args.positional().size() != 1)
        return usage(ctx, args, Cli::tr("Usage: rectrack-cli demo DB"));
    const QString path = args.positional().first();
    if (QFileInfo::exists(path))
        return fail(
            ctx, core::Error{core::ErrorCode::InputRefused,
                             Cli::tr("The file %1 already exists; demo creates a new register.").arg(path)});
    auto db = core::Database::open(path, core::Database::OpenMode::CreateIfMissing);
    if (!db)
        return fail(ctx, db.error());
    // A server database is not a file that exists or not: one that already holds a register is
    // refused here, not filled with the demo on top of its data.
    if (!(*db)->createdHere())
        return fail(
            ctx,
            core::Error{core::ErrorCode::InputRefused,
                        core::Database::isServerLocation(path)
                            ? Cli::tr("The database %1 already holds a register.").arg((*db)->path())
                            : Cli::tr("The file %1 already exists; demo creates a new register.").arg(path)});
    if (const core::Status s = core::DemoRegister::build(**db); !s)
        return fail(ctx, s.error());
    ctx.out << Cli::tr("Created the demo register %1 (reference date %2).")
                   .arg(path, core::toIso(core::DemoRegister::referenceDate()))
            << '\n';
    return ExitOk;
}

const bool registered = registerCommand(
    {QStringLiteral("demo"), QStringLiteral("demo DB"),
     QT_TRANSLATE_NOOP("rectrack::cli::Cli", "create the demo register (Xiamen's 2020 rectification work)"),
     false, runDemo});

} // namespace

} // namespace rectrack::cli
