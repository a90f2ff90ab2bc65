// exchange setup, export, import, status: signed packages between registers (issue #25,
// docs/exchange.md).
#include "args.h"
#include "common.h"
#include "table.h"

#include "exchange/conflicts.h"
#include "exchange/exchange.h"
#include "exchange/sites.h"
#include "exchange/unitduplicates.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace rectrack::cli {

namespace {

using core::exchange::Conflicts;
using core::exchange::Exchange;
using core::exchange::Sites;
using core::exchange::UnitDuplicates;

int runSetup(Context &ctx, const QStringList &argv)
{
    const Args args(argv, {QStringLiteral("--office"), QStringLiteral("--algorithm")});
    if (!args.ok() || args.positional().size() != 1 || !args.has(QStringLiteral("--office")))
        return usage(
            ctx, args,
            Cli::tr("Usage: rectrack-cli exchange setup DB --office NAME [--algorithm ed25519|sm2]"));
    const QString algorithm = args.value(QStringLiteral("--algorithm"), QStringLiteral("ed25519")).toLower();
    if (algorithm != QLatin1String("ed25519") && algorithm != QLatin1String("sm2"))
        return usage(ctx, Cli::tr("Unknown signature algorithm \"%1\" (ed25519 or sm2).")
                              .arg(args.value(QStringLiteral("--algorithm"))));
    int code = 0;
    auto db = openRegister(ctx, args.positional().first(), code, Access::Write);
    if (!db)
        return code;
    if (const core::Status s =
            Sites::setup(*db, args.value(QStringLiteral("--office")),
                         algorithm == QLatin1String("sm2") ? core::exchange::Algorithm::Sm2
                                                           : core::exchange::Algorithm::Ed25519);
        !s)
        return fail(ctx, s.error());
    auto me = Sites::self(*db);
    if (!me)
        return fail(ctx, me.error());
    ctx.out << Cli::tr("This register is now the site %1 (%2).").arg(me->office, me->siteUuid) << '\n'
            << Cli::tr("Fingerprint of its signing key (%1): %2")
                   .arg(core::exchange::algorithmName(me->algorithm()), me->fingerprint)
            << '\n';
    return ExitOk;
}

int runExport(Context &ctx, const QStringList &argv)
{
    const Args args(argv,
                    {QStringLiteral("--to"), QStringLiteral("-o"), QStringLiteral("--include"),
                     QStringLiteral("--marking")},
                    {QStringLiteral("--no-evidence"), QStringLiteral("--full")});
    if (!args.ok() || args.positional().size() != 1 || !args.has(QStringLiteral("--to")) ||
        !args.has(QStringLiteral("-o")))
        return usage(
            ctx, args,
            Cli::tr(
                "Usage: rectrack-cli exchange export DB --to SITE -o DIR|FILE.rtx [--no-evidence] "
                "[--include clues,referrals,rules,accountability,evaluations] [--full] [--marking TEXT]"));
    int code = 0;
    auto db = openRegister(ctx, args.positional().first(), code, Access::Write);
    if (!db)
        return code;
    core::exchange::ExportOptions o;
    o.to = args.value(QStringLiteral("--to"));
    o.output = args.value(QStringLiteral("-o"));
    o.evidence = !args.has(QStringLiteral("--no-evidence"));
    o.full = args.has(QStringLiteral("--full"));
    o.marking = args.value(QStringLiteral("--marking"));
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
    if (!o.marking.trimmed().isEmpty())
        ctx.out << Cli::tr("Security marking: %1").arg(o.marking.trimmed()) << '\n';
    if (r->decisions > 0)
        ctx.out << Cli::tr("%1 decisions on conflicts with %2 go back with it.")
                       .arg(r->decisions)
                       .arg(r->receiver)
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
    if (!r->marking.isEmpty())
        ctx.out << Cli::tr("Security marking of the package: %1").arg(r->marking) << '\n';
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
    if (r->decisionsReceived > 0)
        ctx.out << Cli::tr("%1 decisions of %2 on conflicts about rows of this register recorded (exchange "
                           "conflicts DB --all lists them).")
                       .arg(r->decisionsReceived)
                       .arg(r->sender)
                << '\n';
    if (r->total.conflicts > 0 && !dryRun)
        ctx.out << Cli::tr("Conflicts go to a person: rectrack-cli exchange conflicts DB") << '\n';
    if (r->possibleDuplicates > 0)
        ctx.out << Cli::tr("%1 units of %2 have the name of a unit here: possible duplicates for a person to "
                           "merge or keep apart (rectrack-cli exchange duplicates DB).")
                       .arg(r->possibleDuplicates)
                       .arg(r->sender)
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
            << ' ' << QStringLiteral("(%1)").arg(core::exchange::algorithmName(me->algorithm())) << '\n';
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

int runConflicts(Context &ctx, const QStringList &argv)
{
    const Args args(argv, {QStringLiteral("--resolve"), QStringLiteral("--edit")},
                    {QStringLiteral("--all"), QStringLiteral("--keep"), QStringLiteral("--accept")});
    const int decisions = int(args.has(QStringLiteral("--keep"))) +
                          int(args.has(QStringLiteral("--accept"))) + int(args.has(QStringLiteral("--edit")));
    const bool resolving = args.has(QStringLiteral("--resolve"));
    if (!args.ok() || args.positional().size() != 1 || (resolving && decisions != 1) ||
        (!resolving && decisions != 0))
        return usage(
            ctx, args,
            Cli::tr("Usage: rectrack-cli exchange conflicts DB [--all] | exchange conflicts DB --resolve ID "
                    "--keep|--accept|--edit FIELD=VALUE"));
    int code = 0;
    auto db = openRegister(ctx, args.positional().first(), code, resolving ? Access::Write : Access::Read);
    if (!db)
        return code;
    if (resolving) {
        bool ok = false;
        const qint64 id = args.value(QStringLiteral("--resolve")).toLongLong(&ok);
        if (!ok || id <= 0)
            return usage(ctx,
                         Cli::tr("--resolve takes the number of a conflict as exchange conflicts lists it."));
        Conflicts::Decision d = Conflicts::Decision::Keep;
        QString field, value;
        if (args.has(QStringLiteral("--accept")))
            d = Conflicts::Decision::Accept;
        if (args.has(QStringLiteral("--edit"))) {
            const QString e = args.value(QStringLiteral("--edit"));
            const auto eq = e.indexOf(u'=');
            if (eq <= 0)
                return usage(ctx, Cli::tr("--edit takes FIELD=VALUE, e.g. --edit deadline=2021-06-30."));
            d = Conflicts::Decision::Edit;
            field = e.left(eq).trimmed();
            value = e.mid(eq + 1);
        }
        if (const core::Status s = Conflicts::resolve(*db, id, d, field, value); !s)
            return fail(ctx, s.error());
        auto open = Conflicts::openCount(*db);
        if (!open)
            return fail(ctx, open.error());
        ctx.out << Cli::tr("Conflict %1 decided; it goes back to the partner with the next package. %2 open.")
                       .arg(id)
                       .arg(*open)
                << '\n';
        return ExitOk;
    }
    auto list = Conflicts::list(*db, args.has(QStringLiteral("--all")));
    if (!list)
        return fail(ctx, list.error());
    auto open = Conflicts::openCount(*db);
    if (!open)
        return fail(ctx, open.error());
    ctx.out << (*open == 0 ? Cli::tr("No open conflicts.") : Cli::tr("%1 open conflicts.").arg(*open))
            << '\n';
    if (list->isEmpty())
        return ExitOk;
    QList<QStringList> t{{Cli::tr("No."), Cli::tr("Record"), Cli::tr("Field"), Cli::tr("This register"),
                          Cli::tr("Package"), Cli::tr("Other site"), Cli::tr("Recorded (UTC)"),
                          Cli::tr("Decision")}};
    for (const core::exchange::Conflict &c : *list) {
        const QString record = QStringLiteral("%1 (%2)").arg(c.record, c.entity);
        const QString decision = c.open() ? Cli::tr("open") : c.decisionText;
        if (c.fields.isEmpty()) {
            t.append({QString::number(c.id), record, Conflicts::kindText(c.kind), QString(), QString(),
                      c.partnerOffice, c.recordedAt, decision});
            continue;
        }
        bool first = true;
        for (const core::exchange::ConflictField &f : c.fields) {
            t.append({first ? QString::number(c.id) : QString(), first ? record : QString(), f.field, f.ours,
                      f.theirs, first ? c.partnerOffice : QString(), first ? c.recordedAt : QString(),
                      first ? decision : QString()});
            first = false;
        }
    }
    printTable(ctx.out, t);
    if (*open > 0)
        ctx.out
            << Cli::tr(
                   "Decide each with: rectrack-cli exchange conflicts DB --resolve No. --keep | --accept | "
                   "--edit FIELD=VALUE")
            << '\n';
    return ExitOk;
}

int runDuplicates(Context &ctx, const QStringList &argv)
{
    const Args args(argv,
                    {QStringLiteral("--format"), QStringLiteral("--merge"), QStringLiteral("--keep-apart")});
    const bool merging = args.has(QStringLiteral("--merge"));
    const bool keeping = args.has(QStringLiteral("--keep-apart"));
    const QString format = args.value(QStringLiteral("--format"), QStringLiteral("table"));
    if (!args.ok() || args.positional().size() != 1 || (merging && keeping) ||
        (format != QLatin1String("table") && format != QLatin1String("json")))
        return usage(ctx, args,
                     Cli::tr("Usage: rectrack-cli exchange duplicates DB [--format table|json] | exchange "
                             "duplicates DB --merge ID | --keep-apart ID"));
    const bool deciding = merging || keeping;
    int code = 0;
    auto db = openRegister(ctx, args.positional().first(), code, deciding ? Access::Write : Access::Read);
    if (!db)
        return code;
    if (deciding) {
        bool ok = false;
        const qint64 id =
            args.value(merging ? QStringLiteral("--merge") : QStringLiteral("--keep-apart")).toLongLong(&ok);
        if (!ok || id <= 0)
            return usage(ctx,
                         Cli::tr("--merge and --keep-apart take the number of a possible duplicate unit as "
                                 "exchange duplicates lists it."));
        if (const core::Status s = UnitDuplicates::decide(
                *db, id, merging ? UnitDuplicates::Decision::Merge : UnitDuplicates::Decision::KeepApart);
            !s)
            return fail(ctx, s.error());
        auto open = UnitDuplicates::openCount(*db);
        if (!open)
            return fail(ctx, open.error());
        ctx.out << (merging
                        ? Cli::tr("Possible duplicate unit %1 merged: the two units count as one in the "
                                  "statistics. %2 open.")
                        : Cli::tr("Possible duplicate unit %1 kept apart: two units, not offered again. %2 "
                                  "open."))
                       .arg(id)
                       .arg(*open)
                << '\n';
        return ExitOk;
    }
    auto list = UnitDuplicates::list(*db, true);
    if (!list)
        return fail(ctx, list.error());
    qint64 open = 0;
    for (const core::exchange::UnitDuplicate &d : *list)
        open += d.open() ? 1 : 0;
    if (format == QLatin1String("json")) {
        QJsonArray items;
        for (const core::exchange::UnitDuplicate &d : *list)
            items.append(QJsonObject{{QStringLiteral("id"), d.id},
                                     {QStringLiteral("unit"), d.unitName},
                                     {QStringLiteral("unitOffice"), d.unitOffice},
                                     {QStringLiteral("otherUnit"), d.otherUnitName},
                                     {QStringLiteral("otherOffice"), d.otherOffice},
                                     {QStringLiteral("foundAt"), d.foundAt},
                                     {QStringLiteral("decision"), d.decision},
                                     {QStringLiteral("open"), d.open()},
                                     {QStringLiteral("decidedBy"), d.decidedBy},
                                     {QStringLiteral("decidedAt"), d.decidedAt}});
        ctx.out << QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("open"), open}, {QStringLiteral("duplicates"), items}})
                .toJson(QJsonDocument::Indented));
        return ExitOk;
    }
    ctx.out << (open == 0 ? Cli::tr("No open possible duplicate units.")
                          : Cli::tr("%1 open possible duplicate units.").arg(open))
            << '\n';
    if (list->isEmpty())
        return ExitOk;
    QList<QStringList> t{{Cli::tr("No."), Cli::tr("Unit"), Cli::tr("Office"), Cli::tr("Same name"),
                          Cli::tr("Other site"), Cli::tr("Found (UTC)"), Cli::tr("Decision")}};
    for (const core::exchange::UnitDuplicate &d : *list)
        t.append({QString::number(d.id), d.unitName, d.unitOffice, d.otherUnitName, d.otherOffice, d.foundAt,
                  d.open() ? Cli::tr("open") : UnitDuplicates::decisionText(d.decision)});
    printTable(ctx.out, t);
    if (open > 0)
        ctx.out << Cli::tr(
                       "Decide each with: rectrack-cli exchange duplicates DB --merge No. | --keep-apart No.")
                << '\n';
    return ExitOk;
}

int runInspect(Context &ctx, const QStringList &argv)
{
    const Args args(argv, {});
    if (!args.ok() || args.positional().size() != 1)
        return usage(ctx, args, Cli::tr("Usage: rectrack-cli exchange inspect FILE.rtx"));
    auto p = Exchange::checkPackage(args.positional().first());
    if (!p)
        return fail(ctx, p.error());
    const QJsonObject &m = p->manifest;
    const QJsonObject sender = m.value(QLatin1String("sender")).toObject();
    const QJsonObject receiver = m.value(QLatin1String("receiver")).toObject();
    const QJsonObject counts = m.value(QLatin1String("counts")).toObject();
    ctx.out << Cli::tr("Package %1").arg(p->fileName) << '\n'
            << Cli::tr("SHA-256 of the file: %1").arg(p->sha256) << '\n';
    if (const QString marking = m.value(QLatin1String("marking")).toString(); !marking.isEmpty())
        ctx.out << Cli::tr("Security marking: %1").arg(marking) << '\n';
    ctx.out << Cli::tr("Sender: %1 (site %2)")
                   .arg(sender.value(QLatin1String("office")).toString(),
                        sender.value(QLatin1String("site")).toString())
            << '\n'
            << Cli::tr("Fingerprint of the sender's key (%1): %2")
                   .arg(core::exchange::algorithmName(core::exchange::algorithmOf(p->publicKey)),
                        p->fingerprint)
            << '\n'
            << Cli::tr("Receiver: %1").arg(receiver.value(QLatin1String("office")).toString()) << '\n'
            << Cli::tr("Sequence %1, acknowledging %2; created %3 (UTC); schema %4")
                   .arg(m.value(QLatin1String("seq")).toInteger())
                   .arg(m.value(QLatin1String("ack")).toInteger())
                   .arg(m.value(QLatin1String("created")).toString())
                   .arg(m.value(QLatin1String("schemaVersion")).toInteger())
            << '\n'
            << Cli::tr("%1 rows (%2 deletions), %3 evidence files")
                   .arg(counts.value(QLatin1String("rows")).toInteger())
                   .arg(counts.value(QLatin1String("tombstones")).toInteger())
                   .arg(counts.value(QLatin1String("evidenceFiles")).toInteger())
            << '\n';
    QList<QStringList> t{{Cli::tr("Entry"), Cli::tr("Size"), QStringLiteral("SHA-256")}};
    for (const QJsonValue &v : m.value(QLatin1String("entries")).toArray()) {
        const QJsonObject e = v.toObject();
        t.append({e.value(QLatin1String("name")).toString(),
                  QString::number(e.value(QLatin1String("size")).toInteger()),
                  e.value(QLatin1String("sha256")).toString()});
    }
    printTable(ctx.out, t);
    ctx.out << Cli::tr(
                   "The archive is intact, the signature matches the manifest and every entry matches its "
                   "SHA-256. Compare the fingerprint with the sender before a first import.")
            << '\n';
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
    if (sub == QLatin1String("conflicts"))
        return runConflicts(ctx, argv.mid(1));
    if (sub == QLatin1String("duplicates"))
        return runDuplicates(ctx, argv.mid(1));
    if (sub == QLatin1String("inspect"))
        return runInspect(ctx, argv.mid(1));
    return usage(ctx,
                 Cli::tr("Usage: rectrack-cli exchange setup|export|import|status|conflicts|duplicates DB …, "
                         "exchange inspect FILE.rtx"));
}

const bool registered = registerCommand(
    {QStringLiteral("exchange"),
     QStringLiteral("exchange setup DB --office NAME | exchange export DB --to SITE -o DIR|FILE.rtx "
                    "[--no-evidence] [--include LIST] [--full] [--marking TEXT] | exchange import DB "
                    "FILE.rtx [--dry-run] "
                    "[--trust] | exchange status DB | exchange conflicts DB [--all] [--resolve ID "
                    "--keep|--accept|--edit "
                    "FIELD=VALUE] | exchange duplicates DB [--format table|json] [--merge ID | --keep-apart "
                    "ID] | exchange inspect FILE.rtx"),
     QT_TRANSLATE_NOOP(
         "rectrack::cli::Cli",
         "signed exchange packages between registers (district and city offices): set up this "
         "site, write a package for a partner, take one in, show the partners, decide conflicts and "
         "possible duplicate units, check a package without a register"),
     false, runExchange});

} // namespace

} // namespace rectrack::cli
