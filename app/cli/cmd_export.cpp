// export: the problem ledger, the rectification ledger or the clue register as .xlsx or .csv.
#include "args.h"
#include "common.h"

#include "io/ledgerexporter.h"
#include "io/ledgerrules.h"
#include "io/safefile.h"

namespace rectrack::cli {

/// Translation context of the export command's messages.
class ExportCmd
{
    Q_DECLARE_TR_FUNCTIONS(rectrack::cli::ExportCmd)
};

namespace {

/// A state given as its key (completed, in_progress …) or as a status word (已完成, 整改中 …).
std::optional<core::ProblemState> parseState(const QString &text)
{
    if (auto s = core::Names::problemState(text.trimmed()))
        return s;
    bool known = false;
    const core::ProblemState s = core::LedgerRules::stateForWord(text, &known);
    if (known && !text.trimmed().isEmpty())
        return s;
    return std::nullopt;
}

int runExport(Context &ctx, const QStringList &argv)
{
    const QString synopsis = ExportCmd::tr(
        "Usage: rectrack-cli export DB --ledger problems|measures|clues -o "
        "FILE.xlsx|FILE.csv [--unit NAME] [--round LABEL] [--state STATE] [--as-of YYYY-MM-DD] [--site "
        "OFFICE]\n"
        "       rectrack-cli export DB --ledger problems|measures --by-unit -o DIR [--unit NAME] "
        "[--round LABEL] [--state STATE] [--site OFFICE]");
    Args args(argv,
              {QStringLiteral("--ledger"), QStringLiteral("-o"), QStringLiteral("--output"),
               QStringLiteral("--unit"), QStringLiteral("--round"), QStringLiteral("--state"),
               QStringLiteral("--as-of"), QStringLiteral("--site")},
              {QStringLiteral("--by-unit")});
    if (!args.ok() || args.positional().size() != 1)
        return usage(ctx, args, synopsis);
    core::ExportOptions o;
    const QString ledger = args.value(QStringLiteral("--ledger"), QStringLiteral("problems"));
    if (ledger == QLatin1String("problems"))
        o.kind = core::LedgerKind::Problems;
    else if (ledger == QLatin1String("measures"))
        o.kind = core::LedgerKind::Measures;
    else if (ledger == QLatin1String("clues"))
        o.kind = core::LedgerKind::Clues;
    else
        return usage(ctx, ExportCmd::tr("Unknown ledger \"%1\" (problems, measures or clues).").arg(ledger));
    const QString out = args.value(QStringLiteral("-o"), args.value(QStringLiteral("--output")));
    if (out.isEmpty())
        return usage(ctx, ExportCmd::tr("Name the file to write with -o FILE.xlsx or -o FILE.csv.") + u'\n' +
                              synopsis);
    const bool byUnit = args.has(QStringLiteral("--by-unit"));
    if (byUnit && o.kind == core::LedgerKind::Clues)
        return usage(ctx,
                     ExportCmd::tr("--by-unit writes the problem or the rectification ledger, not clues."));
    if (!byUnit && !out.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive) &&
        !out.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
        return usage(ctx, ExportCmd::tr("%1: the file name must end in .xlsx or .csv.").arg(out));
    o.unit = args.value(QStringLiteral("--unit")).trimmed();
    o.round = args.value(QStringLiteral("--round")).trimmed();
    if (args.has(QStringLiteral("--state"))) {
        o.state = parseState(args.value(QStringLiteral("--state")));
        if (!o.state)
            return usage(ctx,
                         ExportCmd::tr("Unknown state \"%1\" (registered, in_progress, long_term, completed, "
                                       "closed_out).")
                             .arg(args.value(QStringLiteral("--state"))));
    }
    if (const core::Status s = core::SafeFile::checkOutput(out, args.positional().first()); !s)
        return fail(ctx, s.error());
    if (args.has(QStringLiteral("--as-of"))) {
        o.asOf = parseIsoDate(args.value(QStringLiteral("--as-of")));
        if (!o.asOf.isValid())
            return usage(ctx, Cli::tr("The date \"%1\" is not valid; write it as YYYY-MM-DD.")
                                  .arg(args.value(QStringLiteral("--as-of"))));
    }
    int code = 0;
    auto db = openRegister(ctx, args.positional().first(), code);
    if (!db)
        return code;
    if (const int c = siteOption(ctx, *db, args.value(QStringLiteral("--site")), o.site); c != ExitOk)
        return c;
    QStringList warnings;
    if (byUnit) {
        // One ledger per unit, named after it, to send back for the monthly update.
        auto files = core::LedgerExporter::exportByUnit(*db, o, out, &warnings);
        if (!files)
            return fail(ctx, files.error());
        for (const QString &w : warnings)
            ctx.err << "rectrack-cli: " << Cli::tr("warning: %1").arg(w) << '\n';
        for (const core::UnitLedgerFile &f : *files)
            ctx.out << ExportCmd::tr("%1: %n row(s) written to %2.", "", f.rows).arg(f.unit, f.path) << '\n';
        ctx.out << ExportCmd::tr("%n ledger(s) written to %1.", "", int(files->size())).arg(out) << '\n';
        return ExitOk;
    }
    auto rows = core::LedgerExporter::exportTo(*db, o, out, &warnings);
    if (!rows)
        return fail(ctx, rows.error());
    for (const QString &w : warnings)
        ctx.err << "rectrack-cli: " << Cli::tr("warning: %1").arg(w) << '\n';
    ctx.out << ExportCmd::tr("%n row(s) written to %1.", "", *rows).arg(out) << '\n';
    return ExitOk;
}

const bool registered = registerCommand(
    {QStringLiteral("export"),
     QStringLiteral(
         "export DB --ledger problems|measures|clues -o FILE.xlsx|FILE.csv [--unit NAME] [--round LABEL] "
         "[--state STATE] [--site OFFICE] [--by-unit (-o DIR: one .xlsx per unit)]"),
     QT_TRANSLATE_NOOP("rectrack::cli::Cli", "export a ledger as .xlsx or .csv"), false, runExport});

} // namespace

} // namespace rectrack::cli
