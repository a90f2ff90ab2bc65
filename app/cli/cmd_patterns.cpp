// patterns: common and recurring problems (共性问题, 屡查屡犯, issue #27).
#include "args.h"
#include "common.h"
#include "table.h"

#include "patterns/patternservice.h"
#include "stats/statistics.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace rectrack::cli {

namespace {

using core::PatternFigures;
using core::Statistics;

QJsonObject toJson(const PatternFigures &f)
{
    QJsonArray members;
    for (const core::PatternMember &m : f.members)
        members.append(QJsonObject{{QStringLiteral("registrationNo"), m.problem.registrationNo},
                                   {QStringLiteral("unit"), m.problem.unit},
                                   {QStringLiteral("text"), m.problem.text},
                                   {QStringLiteral("similarity"), Statistics::round4(m.similarity)}});
    return QJsonObject{{QStringLiteral("name"), f.name},
                       {QStringLiteral("suggested"), f.suggested},
                       {QStringLiteral("common"), f.common},
                       {QStringLiteral("units"), f.units},
                       {QStringLiteral("rounds"), f.rounds},
                       {QStringLiteral("problems"), f.problems},
                       {QStringLiteral("closedOut"), f.closedOut},
                       {QStringLiteral("closeOutRate"), Statistics::round4(f.closeOutRate)},
                       {QStringLiteral("recurrenceUnits"), f.recurrenceUnits},
                       {QStringLiteral("recurrenceEvents"), f.recurrenceEvents},
                       {QStringLiteral("members"), members}};
}

void printPatternTable(Context &ctx, const QList<PatternFigures> &list)
{
    QList<QStringList> rows{{Cli::tr("Pattern"), Cli::tr("Common"), Cli::tr("Units"), Cli::tr("Rounds"),
                             Cli::tr("Problems"), Cli::tr("Closed out"), Cli::tr("Close-out rate"),
                             Cli::tr("Recurrences (units/events)"), Cli::tr("Not rectified (units/events)")}};
    for (const PatternFigures &f : list)
        rows.append({f.suggested ? Cli::tr("%1 (suggested)").arg(f.name) : f.name,
                     f.common ? Cli::tr("yes") : Cli::tr("no"), QString::number(f.units),
                     QString::number(f.rounds), QString::number(f.problems), QString::number(f.closedOut),
                     Statistics::formatPercent(f.closeOutRate),
                     QStringLiteral("%1/%2").arg(f.recurrenceUnits).arg(f.recurrenceEvents),
                     QStringLiteral("%1/%2").arg(f.unrectifiedUnits).arg(f.unrectifiedEvents)});
    printTable(ctx.out, rows);
}

int runPatterns(Context &ctx, const QStringList &argv)
{
    Args args(argv, {QStringLiteral("--format"), QStringLiteral("--as-of")},
              {QStringLiteral("--suggest"), QStringLiteral("--accept")});
    const QString format = args.value(QStringLiteral("--format"), QStringLiteral("table"));
    const QString synopsis = Cli::tr(
        "Usage: rectrack-cli patterns DB [--suggest [--accept]] [--as-of YYYY-MM-DD] [--format table|json]");
    if (!args.ok() || args.positional().size() != 1)
        return usage(ctx, args, synopsis);
    if (format != QLatin1String("json") && format != QLatin1String("table"))
        return usage(ctx, Cli::tr("Unknown format \"%1\" (table or json).").arg(format));
    const bool suggest = args.has(QStringLiteral("--suggest"));
    const bool accept = args.has(QStringLiteral("--accept"));
    if (accept && !suggest)
        return usage(ctx, Cli::tr("--accept goes with --suggest."));
    int code = 0;
    auto db = openRegister(ctx, args.positional().first(), code, accept ? Access::Write : Access::Read);
    if (!db)
        return code;
    const auto asOf = parseAsOf(ctx, args.value(QStringLiteral("--as-of")), *db);
    if (!asOf)
        return ExitUsage;
    core::PatternService service(*db);
    if (accept) {
        const auto accepted = service.acceptAll(*asOf);
        if (!accepted)
            return fail(ctx, accepted.error());
        ctx.err << Cli::tr("Accepted %n pattern(s).", nullptr, *accepted) << '\n';
    }
    const auto list = suggest && !accept ? service.suggestions(*asOf) : service.figures(*asOf);
    if (!list)
        return fail(ctx, list.error());
    if (format == QLatin1String("table")) {
        printPatternTable(ctx, *list);
        return ExitOk;
    }
    QJsonArray patterns;
    for (const PatternFigures &f : *list)
        patterns.append(toJson(f));
    ctx.out << QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("patterns"), patterns}}).toJson(QJsonDocument::Indented));
    return ExitOk;
}

const bool registered = registerCommand(
    {QStringLiteral("patterns"),
     QStringLiteral("patterns DB [--suggest [--accept]] [--as-of YYYY-MM-DD] [--format table|json]"),
     QT_TRANSLATE_NOOP("rectrack::cli::Cli",
                       "common and recurring problems: confirmed patterns, or suggested ones (--suggest)"),
     false, runPatterns});

} // namespace

} // namespace rectrack::cli
