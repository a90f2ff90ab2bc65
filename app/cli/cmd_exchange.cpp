// exchange setup, export, import, status: signed packages between registers (issue #25,
// docs/exchange.md).
#include "args.h"
#include "common.h"
#include "table.h"

#include "exchange/exchange.h"
#include "exchange/sites.h"

namespace rectrack::cli {

namespace {

using core::exchange::Exchange;
using core::exchange::Sites;

int runSetup(Context &ctx, const QStringList &argv)
{
    const Args args(argv, {QStringLiteral("--office")});
    if (!args.ok() || args.positional().size() != 1 || !args.has(QStringLiteral("--office")))
        return usage(ctx, args, Cli::tr("Usage: rectrack-cli exchange setup DB --office NAME"));
    int code = 0;
    auto db = openRegister(ctx, args.positional().first(), code, Access::Write);
    if (!db)
        return code;
    if (const core::Status s = Sites::setup(*db, args.value(QStringLiteral("--office"))); !s)
        return fail(ctx, s.error());
    auto me = Sites::self(*db);
    if (!me)
        return fail(ctx, me.error());
    ctx.out << Cli::tr("This register is now the site %1 (%2).").arg(me->office, me->siteUuid) << '\n'
            << Cli::tr("Fingerprint of its signing key: %1").arg(me->fingerprint) << '\n';
    return ExitOk;
}

int runExport(Context &ctx, const QStringList &argv)
{
    const Args args(argv, {QStringLiteral("--to"), QStringLiteral("-o"), QStringLiteral("--include")},
                    {QStringLiteral("--no-evidence"), QStringLiteral("--full")});
    if (!args.ok() || args.positional().size() != 1 || !args.has(QStringLiteral("--to")) ||
        !args.has(QStringLiteral("-o")))
        return usage(
            ctx, args,
            Cli::tr("Usage: rectrack-cli exchange export DB --to SITE -o DIR|FILE.rtx [--no-evidence] "
                    "[--include clues,referrals,rules,accountability,evaluations] [--full]"));
    int code = 0;
    auto db = openRegister(ctx, args.positional().first(), code, Access::Write);
    if (!db)
        return code;
    core::exchange::ExportOptions o;
    o.to = args.value(QStringLiteral("--to"));
    o.output = args.value(QStringLiteral("-o"));
    o.evidence = !args.has(QStringLiteral("--no-evidence"));
    o.full = args.has(QStringLiteral("--full"));
    for (const QString &v : args.values(QStringLiteral("--include")))
        for (const QString &g : v.split(u',', Qt::SkipEmptyParts))
            o.include << g.trimmed();
    auto r = Exchange::exportPackage(*db, o);
    if (!r)
        return fail(ctx, r.error());
    ctx.out << (r->rebuilt ? Cli::tr("Nothing changed since package %1 to %2: wrote it again, %3.")
                                 .arg(r->seq)
                                 .arg(r->receiver, r->file)
                           : Cli::tr("Wrote package %1 to %2: %3.").arg(r->seq).arg(r->receiver, r->file))
            << '\n'
            << Cli::tr("%1 rows (%2 deletions), %3 evidence files; SHA-256 %4")
                   .arg(r->rows)
                   .arg(r->tombstones)
                   .arg(r->evidenceFiles)
                   .arg(r->sha256)
            << '\n';
    return ExitOk;
}

int runImport(Context &ctx, const QStringList &argv)
{
    const Args args(argv, {}, {QStringLiteral("--dry-run"), QStringLiteral("--trust")});
    if (!args.ok() || args.positional().size() != 2)
        return usage(ctx, args,
                     Cli::tr("Usage: rectrack-cli exchange import DB FILE.rtx [--dry-run] [--trust]"));
    const bool dryRun = args.has(QStringLiteral("--dry-run"));
    int code = 0;
    auto db = openRegister(ctx, args.positional().first(), code, dryRun ? Access::Read : Access::Write);
    if (!db)
        return code;
    auto r =
        Exchange::importPackage(*db, args.positional().at(1), dryRun, args.has(QStringLiteral("--trust")));
    if (!r)
        return fail(ctx, r.error());
    if (r->outcome == core::exchange::ImportResult::Outcome::AlreadyCovered) {
        ctx.out
            << Cli::tr(
                   "Package %1 from %2 is already covered (the last one applied from there is %3); nothing "
                   "changed.")
                   .arg(r->seq)
                   .arg(r->sender)
                   .arg(r->lastApplied)
            << '\n';
        return ExitOk;
    }
    if (r->trustedNow)
        ctx.out << (dryRun ? Cli::tr("The key of %1 (fingerprint %2) would be trusted; a dry run stores "
                                     "nothing.")
                           : Cli::tr("Trusted the key of %1 (fingerprint %2)."))
                       .arg(r->sender, r->senderFingerprint)
                << '\n';
    QList<QStringList> t{{Cli::tr("Unit"), Cli::tr("New"), Cli::tr("Updated"), Cli::tr("Deleted"),
                          Cli::tr("Unchanged"), Cli::tr("Conflicts")}};
    auto row = [&](const QString &name, const core::exchange::ImportCounts &c) {
        t.append({name, QString::number(c.added), QString::number(c.updated), QString::number(c.deleted),
                  QString::number(c.unchanged), QString::number(c.conflicts)});
    };
    for (auto it = r->byUnit.cbegin(); it != r->byUnit.cend(); ++it)
        row(it.key().isEmpty() ? Cli::tr("(reference data)") : it.key(), *it);
    row(Cli::tr("Total"), r->total);
    printTable(ctx.out, t);
    if (r->evidenceAwaited > 0)
        ctx.out << Cli::tr("%1 evidence rows wait for their files (the package was made with --no-evidence); "
                           "the sender's next export --full brings them.")
                       .arg(r->evidenceAwaited)
                << '\n';
    ctx.out << (dryRun ? Cli::tr("Dry run: package %1 from %2 checked; nothing was written.")
                       : Cli::tr("Applied package %1 from %2."))
                   .arg(r->seq)
                   .arg(r->sender)
            << '\n';
    return ExitOk;
}

int runStatus(Context &ctx, const QStringList &argv)
{
    const Args args(argv, {});
    if (!args.ok() || args.positional().size() != 1)
        return usage(ctx, args, Cli::tr("Usage: rectrack-cli exchange status DB"));
    int code = 0;
    auto db = openRegister(ctx, args.positional().first(), code);
    if (!db)
        return code;
    auto me = Sites::self(*db);
    if (!me)
        return fail(ctx, me.error());
    ctx.out << Cli::tr("Site %1 (%2), key fingerprint %3").arg(me->office, me->siteUuid, me->fingerprint)
            << '\n';
    auto partners = Sites::partners(*db);
    if (!partners)
        return fail(ctx, partners.error());
    if (partners->isEmpty()) {
        ctx.out << Cli::tr("No partner sites yet.") << '\n';
        return ExitOk;
    }
    QList<QStringList> t{{Cli::tr("Partner"), Cli::tr("Fingerprint"), Cli::tr("Last sent"),
                          Cli::tr("Acknowledged"), Cli::tr("Not acknowledged"), Cli::tr("Last received")}};
    for (const core::exchange::Site &p : *partners)
        t.append({p.office, p.fingerprint.isEmpty() ? Cli::tr("(no package received yet)") : p.fingerprint,
                  QString::number(p.lastSentSeq), QString::number(p.ackedSeq),
                  QString::number(std::max<qint64>(0, p.lastSentSeq - p.ackedSeq)),
                  QString::number(p.lastReceivedSeq)});
    printTable(ctx.out, t);
    return ExitOk;
}

int runExchange(Context &ctx, const QStringList &argv)
{
    const QString sub = argv.value(0);
    if (sub == QLatin1String("setup"))
        return runSetup(ctx, argv.mid(1));
    if (sub == QLatin1String("export"))
        return runExport(ctx, argv.mid(1));
    if (sub == QLatin1String("import"))
        return runImport(ctx, argv.mid(1));
    if (sub == QLatin1String("status"))
        return runStatus(ctx, argv.mid(1));
    return usage(ctx, Cli::tr("Usage: rectrack-cli exchange setup|export|import|status DB …"));
}

const bool registered = registerCommand(
    {QStringLiteral("exchange"),
     QStringLiteral(
         "exchange setup DB --office NAME | exchange export DB --to SITE -o DIR|FILE.rtx "
         "[--no-evidence] [--include LIST] [--full] | exchange import DB FILE.rtx [--dry-run] [--trust] | "
         "exchange status DB"),
     QT_TRANSLATE_NOOP("rectrack::cli::Cli",
                       "signed exchange packages between registers (district and city offices): set up this "
                       "site, write a package for a partner, take one in, show the partners"),
     false, runExchange});

} // namespace

} // namespace rectrack::cli
