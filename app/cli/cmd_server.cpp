// server init, server push: a register on the office's PostgreSQL server (issue #22);
// server user add/list/remove: its logins and roles (issue #23).
#include "args.h"
#include "common.h"

#include "stats/statistics.h"
#include "storage/postgres/serverlogins.h"
#include "storage/registercopy.h"
#include "workflow/categoryservice.h"

#include <iostream>
#include <string>

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
    // 0.06 s; docs/benchmarks.md). The copied tables arrive frozen and all-visible (COPY … FREEZE,
    // PostgresDialect::beforeCopy), so VACUUM skips their pages and is mostly the ANALYZE; the
    // statistics tables the copy filled and the few rows it updated are vacuumed here. Outside the
    // copy's transaction, as VACUUM must be; the register is complete and checked already, so a
    // failure here is only a warning.
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

QString userUsage()
{
    return Cli::tr("Usage: rectrack-cli server user add URL LOGIN --role "
                   "sysadmin|secadmin|auditor|office|unit|leader [--unit NAME]... [--password-stdin] | "
                   "server user list URL | server user remove URL LOGIN");
}

int runServerUser(Context &ctx, const QStringList &argv)
{
    const QString sub = argv.value(0);
    const Args args(argv.mid(1), {QStringLiteral("--role"), QStringLiteral("--unit")},
                    {QStringLiteral("--password-stdin")});
    const QStringList pos = args.positional();
    if (!args.ok() || pos.isEmpty() || !core::Database::isServerLocation(pos.at(0)))
        return usage(ctx, args, userUsage());
    const bool add = sub == QLatin1String("add");
    const bool remove = sub == QLatin1String("remove");
    const bool list = sub == QLatin1String("list");
    if ((add && (pos.size() != 2 || !args.has(QStringLiteral("--role")))) || (remove && pos.size() != 2) ||
        (list && pos.size() != 1) || (!add && !remove && !list) ||
        (!add && (args.has(QStringLiteral("--role")) || args.has(QStringLiteral("--unit")) ||
                  args.has(QStringLiteral("--password-stdin")))))
        return usage(ctx, args, userUsage());
    std::optional<QString> password;
    if (add && args.has(QStringLiteral("--password-stdin"))) {
        // One line, as `docker login --password-stdin`: the password never shows in the process list.
        std::string line;
        std::getline(std::cin, line);
        QString text = QString::fromStdString(line);
        if (text.endsWith(u'\r'))
            text.chop(1);
        password = text;
    }
    int code = 0;
    auto db = openRegister(ctx, pos.at(0), code, list ? Access::Read : Access::Write);
    if (!db)
        return code;
    if (list) {
        auto logins = core::ServerLogins::list(*db);
        if (!logins)
            return fail(ctx, logins.error());
        for (const core::ServerLogin &l : *logins)
            ctx.out << l.login << '\t' << l.role << '\t' << l.units.join(u',') << '\n';
        return ExitOk;
    }
    const QString login = pos.at(1);
    if (remove) {
        if (const core::Status s = core::ServerLogins::remove(*db, login); !s)
            return fail(ctx, s.error());
        ctx.out << Cli::tr("Removed the login %1 from the register %2.").arg(login, db->path()) << '\n';
        return ExitOk;
    }
    const QString role = args.value(QStringLiteral("--role"));
    if (const core::Status s =
            core::ServerLogins::add(*db, login, role, args.values(QStringLiteral("--unit")), password);
        !s)
        return fail(ctx, s.error());
    ctx.out << Cli::tr("The login %1 has the role %2 in the register %3.").arg(login, role, db->path())
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
    if (sub == QLatin1String("user"))
        return runServerUser(ctx, argv.mid(1));
    return usage(ctx,
                 Cli::tr("Usage: rectrack-cli server init URL | server push FILE.rtreg URL | server user "
                         "add|list|remove URL …"));
}

const bool registered = registerCommand(
    {QStringLiteral("server"),
     QStringLiteral(
         "server init URL | server push FILE.rtreg URL | server user add URL LOGIN --role ROLE "
         "[--unit NAME]... [--password-stdin] | server user list URL | server user remove URL LOGIN"),
     QT_TRANSLATE_NOOP(
         "rectrack::cli::Cli",
         "a register on the office's PostgreSQL server: create one, copy a register file there, manage its "
         "logins and roles"),
     false, runServer});

} // namespace

} // namespace rectrack::cli
