// manual: the user manual (操作手册) as an A4 PDF (issue #28), in the CLI's language.
#include "args.h"
#include "common.h"

#include "io/safefile.h"
#include "report/manualrenderer.h"

namespace rectrack::cli {

namespace {

int runManual(Context &ctx, const QStringList &argv)
{
    const QString synopsis = Cli::tr("Usage: rectrack-cli manual -o FILE.pdf [--lang zh_CN|en]");
    Args args(argv, {QStringLiteral("-o"), QStringLiteral("--output")});
    if (!args.ok() || !args.positional().isEmpty())
        return usage(ctx, args, synopsis);
    const QString out = args.value(QStringLiteral("-o"), args.value(QStringLiteral("--output")));
    if (out.isEmpty())
        return usage(ctx, Cli::tr("Name the file to write with -o FILE.pdf.") + u'\n' + synopsis);
    if (!out.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
        return usage(ctx, Cli::tr("%1: the file name must end in .pdf.").arg(out));
    ui::ManualRenderer renderer(ctx.language);
    if (const core::Status s = renderer.writePdf(out); !s)
        return fail(ctx, s.error());
    ctx.out << Cli::tr("Wrote the user manual %1 (%2 pages, %3 screenshots).")
                   .arg(out)
                   .arg(renderer.pageCount())
                   .arg(renderer.imageCount())
            << '\n';
    return ExitOk;
}

const bool registered = registerCommand(
    {QStringLiteral("manual"), QStringLiteral("manual -o FILE.pdf"),
     QT_TRANSLATE_NOOP("rectrack::cli::Cli", "write the user manual as an A4 PDF"), true, runManual});

} // namespace

} // namespace rectrack::cli
