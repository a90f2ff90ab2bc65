// init, verify, backup: the register file itself.
#include "args.h"
#include "common.h"

#include "exchange/signing.h"
#include "exchange/sites.h"
#include "storage/auditlog.h"
#include "storage/backup.h"
#include "workflow/categoryservice.h"

#include <QFile>
#include <QFileInfo>

#include <optional>

namespace rectrack::cli {

namespace {

int runInit(Context &ctx, const QStringList &argv)
{
    Args args(argv, {QStringLiteral("--office"), QStringLiteral("--algorithm")});
    if (!args.ok() || args.positional().size() != 1)
        return usage(ctx, args,
                     Cli::tr("Usage: rectrack-cli init DB [--office NAME [--algorithm ed25519|sm2]]"));
    const QString path = args.positional().first();
    if (args.has(QStringLiteral("--office")) && args.value(QStringLiteral("--office")).trimmed().isEmpty())
        return usage(ctx, Cli::tr("The office name must not be empty."));
    // The site's signature algorithm (issue #26): Ed25519, or SM2 with SM3 (national algorithms).
    const QString algorithm = args.value(QStringLiteral("--algorithm"), QStringLiteral("ed25519")).toLower();
    if (args.has(QStringLiteral("--algorithm")) && !args.has(QStringLiteral("--office")))
        return usage(ctx,
                     Cli::tr("--algorithm chooses the signature algorithm of the site: it needs --office."));
    if (algorithm != QLatin1String("ed25519") && algorithm != QLatin1String("sm2"))
        return usage(ctx, Cli::tr("Unknown signature algorithm \"%1\" (ed25519 or sm2).")
                              .arg(args.value(QStringLiteral("--algorithm"))));
    const core::Error exists{core::ErrorCode::InputRefused,
                             Cli::tr("The file %1 already exists; init creates a new register.").arg(path)};
    if (QFileInfo::exists(path))
        return fail(ctx, exists);
    // A file is claimed before it is created: of two inits of one path started at once, the one
    // that does not get the new (empty) file is refused at once, instead of waiting on the other's
    // lock while it writes the schema ("database is locked" on a loaded machine). An empty file is
    // what Database::open creates a register in.
    const bool claimed = !core::Database::isServerLocation(path) && QFile(path).open(QIODevice::NewOnly);
    if (!core::Database::isServerLocation(path) && !claimed && QFileInfo::exists(path))
        return fail(ctx, exists);
    auto db = core::Database::open(path, core::Database::OpenMode::CreateIfMissing);
    if (!db) {
        if (claimed && QFileInfo(path).size() == 0)
            QFile::remove(path); // nothing of ours is left behind
        return fail(ctx, db.error());
    }
    if (!(*db)->createdHere()) { // another init of the same path got there first, or a server register
        return fail(ctx,
                    core::Database::isServerLocation(path)
                        ? core::Error{core::ErrorCode::InputRefused,
                                      Cli::tr("The database %1 already holds a register.").arg((*db)->path())}
                        : exists);
    }
    if (const core::Status s = core::CategoryService(**db).addStandardCategories(); !s)
        return fail(ctx, s.error());
    ctx.out << Cli::tr("Created the register %1.").arg(path) << '\n';
    if (args.has(QStringLiteral("--office"))) {
        // The register's site for exchange packages (issue #25).
        if (const core::Status s = core::exchange::Sites::setup(**db, args.value(QStringLiteral("--office")),
                                                                algorithm == QLatin1String("sm2")
                                                                    ? core::exchange::Algorithm::Sm2
                                                                    : core::exchange::Algorithm::Ed25519);
            !s)
            return fail(ctx, s.error());
        auto me = core::exchange::Sites::self(**db);
        if (!me)
            return fail(ctx, me.error());
        ctx.out << Cli::tr("This register is now the site %1 (%2).").arg(me->office, me->siteUuid) << '\n'
                << Cli::tr("Fingerprint of its signing key (%1): %2")
                       .arg(core::exchange::algorithmName(me->algorithm()), me->fingerprint)
                << '\n';
    }
    return ExitOk;
}

int runVerify(Context &ctx, const QStringList &argv)
{
    Args args(argv, {QStringLiteral("--anchor")});
    if (!args.ok() || args.positional().size() != 1)
        return usage(ctx, args, Cli::tr("Usage: rectrack-cli verify DB [--anchor ID:HASH]"));
    std::optional<core::AuditAnchor> anchor;
    if (args.has(QStringLiteral("--anchor"))) {
        anchor = core::AuditAnchor::parse(args.value(QStringLiteral("--anchor")));
        if (!anchor)
            return usage(ctx, Cli::tr("The anchor \"%1\" is not valid; write it as ID:HASH, as verify prints "
                                      "it (a number, a colon and 64 hexadecimal digits).")
                                  .arg(args.value(QStringLiteral("--anchor"))));
    }
    int code = 0;
    auto db = openRegister(ctx, args.positional().first(), code);
    if (!db)
        return code;
    const core::VerifyReport report = core::Verifier::verify(*db, anchor);
    if (!report.ok()) {
        for (const QString &f : report.faults)
            ctx.err << "rectrack-cli: " << f << '\n';
        // A server address without its password (db->path()).
        ctx.err << Cli::tr("Verification of %1 found %n fault(s).", nullptr, int(report.faults.size()))
                       .arg(db->onServer() ? db->path() : args.positional().first())
                << '\n';
        return ExitVerify;
    }
    ctx.out << Cli::tr(
                   "%1: integrity, schema and audit chain are in order (%2 audit entries, %3 rows checked).")
                   .arg(db->onServer() ? db->path() : args.positional().first())
                   .arg(report.auditEntries)
                   .arg(report.rowsChecked)
            << '\n';
    if (report.headId > 0) {
        // Noted outside the register, the head pins the whole history (see core::AuditAnchor).
        ctx.out << Cli::tr("Audit chain head (note it in the minutes; verify --anchor checks it later): "
                           "%1:%2")
                       .arg(report.headId)
                       .arg(report.headHash)
                << '\n';
    }
    return ExitOk;
}

int runBackup(Context &ctx, const QStringList &argv)
{
    Args args(argv, {});
    if (!args.ok() || args.positional().size() != 2 || args.positional().at(0).isEmpty() ||
        args.positional().at(1).isEmpty())
        return usage(ctx, args, Cli::tr("Usage: rectrack-cli backup DB DEST"));
    int code = 0;
    auto db = openRegister(ctx, args.positional().first(), code);
    if (!db)
        return code;
    if (const core::Status s = core::Backup::writeCopy(*db, args.positional().at(1)); !s)
        return fail(ctx, s.error());
    ctx.out << Cli::tr("Wrote and verified the backup %1.").arg(args.positional().at(1)) << '\n';
    return ExitOk;
}

const bool registered =
    registerCommand({QStringLiteral("init"),
                     QStringLiteral("init DB [--office NAME [--algorithm ed25519|sm2]]"),
                     QT_TRANSLATE_NOOP("rectrack::cli::Cli", "create an empty register"), false, runInit}) &&
    registerCommand(
        {QStringLiteral("verify"), QStringLiteral("verify DB [--anchor ID:HASH]"),
         QT_TRANSLATE_NOOP("rectrack::cli::Cli", "integrity check, schema check, audit-chain check"), false,
         runVerify}) &&
    registerCommand({QStringLiteral("backup"), QStringLiteral("backup DB DEST"),
                     QT_TRANSLATE_NOOP("rectrack::cli::Cli", "write a verified copy of the register"), false,
                     runBackup});

} // namespace

} // namespace rectrack::cli
