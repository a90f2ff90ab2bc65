// server init, server push: a register on the office's PostgreSQL server (issue #22).
#include "args.h"
#include "common.h"

#include "stats/statistics.h"
#include "storage/registercopy.h"
#include "workflow/categoryservice.h"

namespace rectrack::cli {

namespace {

/// The statistics of @p to equal those of @p from by every grouping on the source's default as-of
/// date, and the overdue lists too: what the committee sees does not change with the move.
core::Status sameFigures(core::Database &from, core::Database &to)
{
    const QDate asOf = from.defaultAsOf();
    auto same = [](const core::Counts &a, const core::Counts &b) {
        return a.problems == b.problems && a.measures == b.measures && a.completed == b.completed &&
               a.closedOut == b.closedOut && a.longTerm == b.longTerm && a.inProgress == b.inProgress &&
               a.registered == b.registered && a.overdue == b.overdue;
    };
    for (const core::GroupBy by :
         {core::GroupBy::None, core::GroupBy::Round, core::GroupBy::Unit, core::GroupBy::Office,
          core::GroupBy::Source, core::GroupBy::Category, core::GroupBy::Kind, core::GroupBy::Leader}) {
        auto a = core::Statistics::compute(from, asOf, by);
        if (!a)
            return a.error();
        auto b = core::Statistics::compute(to, asOf, by);
        if (!b)
            return b.error();
        bool equal = same(a->total, b->total) && a->groups.size() == b->groups.size() &&
                     a->coverage.covered == b->coverage.covered &&
                     a->coverage.mustCover == b->coverage.mustCover;
        for (qsizetype i = 0; equal && i < a->groups.size(); ++i)
            equal = a->groups[i].key == b->groups[i].key && same(a->groups[i].counts, b->groups[i].counts);
        if (!equal)
            return core::Error{
                core::ErrorCode::VerifyFault,
                QCoreApplication::translate("rectrack::cli::Cli",
                                            "The statistics of the copy differ from the original's.")};
    }
    auto a = core::Statistics::overdue(from, asOf);
    auto b = core::Statistics::overdue(to, asOf);
    if (!a || !b || a->size() != b->size())
        return core::Error{
            core::ErrorCode::VerifyFault,
            QCoreApplication::translate("rectrack::cli::Cli",
                                        "The overdue problems of the copy differ from the original's.")};
    return core::okStatus();
}

int runServerInit(Context &ctx, const QStringList &argv)
{
    const QString url = argv.value(0);
    if (argv.size() != 1 || !core::Database::isServerLocation(url))
        return usage(ctx, Cli::tr("Usage: rectrack-cli server init postgresql://USER@HOST:PORT/DATABASE"));
    auto db = core::Database::open(url, core::Database::OpenMode::CreateIfMissing);
    if (!db)
        return fail(ctx, db.error());
    if (!(*db)->createdHere())
        return fail(ctx,
                    core::Error{core::ErrorCode::InputRefused,
                                Cli::tr("The database %1 already holds a register.").arg((*db)->path())});
    if (const core::Status s = core::CategoryService(**db).addStandardCategories(); !s)
        return fail(ctx, s.error());
    ctx.out << Cli::tr("Created the register on the server: %1.").arg((*db)->path()) << '\n';
    return ExitOk;
}

int runServerPush(Context &ctx, const QStringList &argv)
{
    if (argv.size() != 2 || core::Database::isServerLocation(argv.at(0)) ||
        !core::Database::isServerLocation(argv.at(1)))
        return usage(
            ctx, Cli::tr("Usage: rectrack-cli server push FILE.rtreg postgresql://USER@HOST:PORT/DATABASE"));
    int code = 0;
    auto from = openRegister(ctx, argv.at(0), code);
    if (!from)
        return code;
    auto to = openRegister(ctx, argv.at(1), code, Access::Write);
    if (!to)
        return code;
    if (const core::Status s = core::RegisterCopy::copy(*from, *to, sameFigures); !s)
        return fail(ctx,
                    s.error().code == core::ErrorCode::VerifyFault
                        ? core::Error{core::ErrorCode::InputRefused,
                                      Cli::tr("%1 Nothing was written to the server.").arg(s.error().message)}
                        : s.error());
    // The planner's statistics and the visibility map of the tables just filled: without them the
    // first queries plan blind and write hint bits on every page they read (at 100,000 problems,
    // open + first ledger page 0.50 s instead of 0.24 s, a 4-character search 0.23 s instead of
    // 0.06 s; docs/benchmarks.md). Outside the copy's transaction, as VACUUM must be; the register
    // is complete and checked already, so a failure here is only a warning.
    // The register's own tables only: the shared catalogs are the superuser's (a warning each).
    const QStringList tables = core::RegisterCopy::tables()
                               << QStringLiteral("problem_latest_state") << QStringLiteral("problem_facts")
                               << QStringLiteral("problem_tally");
    if (auto r = to->exec(QStringLiteral("VACUUM (ANALYZE) ") + tables.join(QStringLiteral(", "))); !r)
        ctx.err << "rectrack-cli: " << Cli::tr("warning: %1").arg(r.error().message) << '\n';
    ctx.out << Cli::tr("Copied %1 to the server register %2 and checked it (rows, audit chain, statistics).")
                   .arg(argv.at(0), to->path())
            << '\n';
    return ExitOk;
}

int runServer(Context &ctx, const QStringList &argv)
{
    const QString sub = argv.value(0);
    if (sub == QLatin1String("init"))
        return runServerInit(ctx, argv.mid(1));
    if (sub == QLatin1String("push"))
        return runServerPush(ctx, argv.mid(1));
    return usage(ctx, Cli::tr("Usage: rectrack-cli server init URL | server push FILE.rtreg URL"));
}

const bool registered = registerCommand(
    {QStringLiteral("server"), QStringLiteral("server init URL | server push FILE.rtreg URL"),
     QT_TRANSLATE_NOOP(
         "rectrack::cli::Cli",
         "a register on the office's PostgreSQL server: create one, or copy a register file there"),
     false, runServer});

} // namespace

} // namespace rectrack::cli
