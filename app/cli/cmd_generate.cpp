// generate: a synthetic register for scale tests (DESIGN.md §8).
#include "args.h"
#include "common.h"

#include "demo/syntheticregister.h"

#include <QElapsedTimer>
#include <QFileInfo>

namespace rectrack::cli {

namespace {

int runGenerate(Context &ctx, const QStringList &argv)
{
    Args args(argv, {QStringLiteral("--problems"), QStringLiteral("--seed")}, {QStringLiteral("--quiet")});
    bool okN = false;
    bool okSeed = true;
    const int n = args.value(QStringLiteral("--problems")).toInt(&okN);
    const uint seed =
        args.has(QStringLiteral("--seed")) ? args.value(QStringLiteral("--seed")).toUInt(&okSeed) : 1;
    if (!args.ok() || args.positional().size() != 1 || !okN || n < 1 || !okSeed)
        return usage(ctx, args, Cli::tr("Usage: rectrack-cli generate DB --problems N [--seed S]"));
    const QString path = args.positional().first();
    if (QFileInfo::exists(path))
        return fail(
            ctx,
            core::Error{core::ErrorCode::InputRefused,
                        Cli::tr("The file %1 already exists; generate creates a new register.").arg(path)});
    auto db = core::Database::open(path, core::Database::OpenMode::CreateIfMissing);
    if (!db)
        return fail(ctx, db.error());
    QElapsedTimer timer;
    timer.start();
    const bool quiet = args.has(QStringLiteral("--quiet"));
    const core::Status s = core::SyntheticRegister::generate(**db, n, seed, [&](int done, int total) {
        if (!quiet && (done % 10000 == 0 || done == total)) {
            ctx.err << Cli::tr("%1 of %2 problems written").arg(done).arg(total) << '\n';
            ctx.err.flush();
        }
    });
    if (!s)
        return fail(ctx, s.error());
    ctx.out << Cli::tr("Generated %1 problems in %2 s into %3.")
                   .arg(n)
                   .arg(timer.elapsed() / 1000.0, 0, 'f', 1)
                   .arg(path)
            << '\n';
    return ExitOk;
}

const bool registered =
    registerCommand({QStringLiteral("generate"), QStringLiteral("generate DB --problems N [--seed S]"),
                     QT_TRANSLATE_NOOP("rectrack::cli::Cli", "write a synthetic register for scale tests"),
                     false, runGenerate});

} // namespace

} // namespace rectrack::cli
