// template: a blank problem ledger in the standard layout, with lists and instructions.
#include "args.h"
#include "common.h"

#include "io/ledgertemplate.h"

namespace rectrack::cli {

/// Translation context of the template command's messages.
class TemplateCmd
{
    Q_DECLARE_TR_FUNCTIONS(rectrack::cli::TemplateCmd)
};

namespace {

int runTemplate(Context &ctx, const QStringList &argv)
{
    const QString synopsis = TemplateCmd::tr("Usage: rectrack-cli template -o FILE.xlsx [--unit NAME]");
    Args args(argv, {QStringLiteral("-o"), QStringLiteral("--output"), QStringLiteral("--unit")});
    if (!args.ok() || !args.positional().isEmpty())
        return usage(ctx, args, synopsis);
    const QString out = args.value(QStringLiteral("-o"), args.value(QStringLiteral("--output")));
    if (out.isEmpty())
        return usage(ctx, TemplateCmd::tr("Name the file to write with -o FILE.xlsx.") + u'\n' + synopsis);
    if (!out.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive))
        return usage(ctx, TemplateCmd::tr("%1: the file name must end in .xlsx.").arg(out));
    core::TemplateOptions o;
    o.unit = args.value(QStringLiteral("--unit")).trimmed();
    if (const core::Status s = core::LedgerTemplate::write(out, o); !s)
        return fail(ctx, s.error());
    ctx.out << TemplateCmd::tr("Blank ledger template written to %1.").arg(out) << '\n';
    return ExitOk;
}

const bool registered = registerCommand(
    {QStringLiteral("template"), QStringLiteral("template -o FILE.xlsx [--unit NAME]"),
     QT_TRANSLATE_NOOP("rectrack::cli::Cli", "write a blank ledger template to fill in and import"), false,
     runTemplate});

} // namespace

} // namespace rectrack::cli
