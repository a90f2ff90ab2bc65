// report: the committee-meeting report as PDF or .odt (DESIGN.md §7, §9).
#include "args.h"
#include "common.h"

#include "io/safefile.h"
#include "report/reportcontent.h"
#include "report/reportrenderer.h"

#include <QFileInfo>

namespace rectrack::cli {

namespace {

int runReport(Context &ctx, const QStringList &argv)
{
    Args args(argv,
              {QStringLiteral("-o"), QStringLiteral("--output"), QStringLiteral("--as-of"),
               QStringLiteral("--since"), QStringLiteral("--unit"), QStringLiteral("--round"),
               QStringLiteral("--source"), QStringLiteral("--marking"), QStringLiteral("--title"),
               QStringLiteral("--site")},
              {QStringLiteral("--appendix")});
    const QString output = args.value(QStringLiteral("-o"), args.value(QStringLiteral("--output")));
    if (!args.ok() || args.positional().size() != 1 || output.isEmpty())
        return usage(
            ctx, args,
            Cli::tr("Usage: rectrack-cli report DB -o FILE.pdf|FILE.odt [--as-of YYYY-MM-DD] [--since "
                    "YYYY-MM-DD] [--unit NAME] [--round LABEL] [--source "
                    "central|provincial|municipal|district] [--site OFFICE] [--marking TEXT] [--title "
                    "TEXT] [--appendix]"));
    const QString suffix = QFileInfo(output).suffix().toLower();
    if (suffix != QLatin1String("pdf") && suffix != QLatin1String("odt"))
        return usage(ctx, Cli::tr("The report file must end in .pdf or .odt: %1").arg(output));

    core::ReportOptions options;
    options.scope.unit = args.value(QStringLiteral("--unit"));
    options.scope.round = args.value(QStringLiteral("--round"));
    if (args.has(QStringLiteral("--source"))) {
        options.scope.source = core::Names::sourceLevel(args.value(QStringLiteral("--source")));
        if (!options.scope.source)
            return usage(ctx, Cli::tr("Unknown source \"%1\" (central, provincial, municipal or district).")
                                  .arg(args.value(QStringLiteral("--source"))));
    }
    options.marking = args.value(QStringLiteral("--marking"));
    options.title = args.value(QStringLiteral("--title"));
    options.appendix = args.has(QStringLiteral("--appendix"));

    // The register (or its -wal …) given as the output, by name or through a link: refused.
    if (const core::Status s = core::SafeFile::checkOutput(output, args.positional().first()); !s)
        return fail(ctx, s.error());
    int code = 0;
    auto db = openRegister(ctx, args.positional().first(), code);
    if (!db)
        return code;
    const auto asOf = parseAsOf(ctx, args.value(QStringLiteral("--as-of")), *db);
    if (!asOf)
        return ExitUsage;
    options.asOf = *asOf;
    if (const int c = siteOption(ctx, *db, args.value(QStringLiteral("--site")), options.scope.site);
        c != ExitOk)
        return c;
    if (args.has(QStringLiteral("--since"))) {
        options.since = parseIsoDate(args.value(QStringLiteral("--since")));
        if (!options.since.isValid())
            return usage(ctx, Cli::tr("The date \"%1\" is not valid; write it as YYYY-MM-DD.")
                                  .arg(args.value(QStringLiteral("--since"))));
    }

    auto content = core::ReportBuilder::build(*db, options);
    if (!content)
        return fail(ctx, content.error());
    db.reset();
    ui::ReportRenderer renderer(std::move(content).value());
    if (const core::Status s = renderer.write(output); !s)
        return fail(ctx, s.error());
    if (suffix == QLatin1String("pdf"))
        ctx.out << Cli::tr("Wrote the report %1 (%2 pages).").arg(output).arg(renderer.pageCount()) << '\n';
    else
        ctx.out << Cli::tr("Wrote the report %1.").arg(output) << '\n';
    return ExitOk;
}

const bool registered = registerCommand(
    {QStringLiteral("report"),
     QStringLiteral(
         "report DB -o FILE.pdf|FILE.odt [--as-of YYYY-MM-DD] [--since YYYY-MM-DD] [--unit NAME] [--round "
         "LABEL] [--source LEVEL] [--site OFFICE] [--marking TEXT] [--title TEXT] [--appendix]"),
     QT_TRANSLATE_NOOP("rectrack::cli::Cli", "the committee-meeting report as PDF or editable .odt"), true,
     runReport});

} // namespace

} // namespace rectrack::cli
