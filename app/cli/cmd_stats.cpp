// stats, overdue: the figures of DESIGN.md §5 as table, JSON or CSV.
#include "args.h"
#include "common.h"
#include "table.h"

#include "stats/statistics.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace rectrack::cli {

namespace {

using core::Statistics;

QJsonObject countsJson(const core::Counts &c)
{
    return QJsonObject{{QStringLiteral("problems"), c.problems},
                       {QStringLiteral("measures"), c.measures},
                       {QStringLiteral("completed"), c.completed},
                       {QStringLiteral("closedOut"), c.closedOut},
                       {QStringLiteral("longTerm"), c.longTerm},
                       {QStringLiteral("inProgress"), c.inProgress},
                       {QStringLiteral("registered"), c.registered},
                       {QStringLiteral("overdue"), c.overdue},
                       {QStringLiteral("completionRate"), Statistics::round4(c.completionRate())},
                       {QStringLiteral("closeOutRate"), Statistics::round4(c.closeOutRate())}};
}

QStringList countsHeader(const QString &first)
{
    return {first, Cli::tr("Problems"), Cli::tr("Measures"),
            // State names from core's one table (Names::display): 已完成待销号 … 未启动.
            core::Names::display(core::ProblemState::Completed),
            core::Names::display(core::ProblemState::ClosedOut),
            core::Names::display(core::ProblemState::LongTerm),
            core::Names::display(core::ProblemState::InProgress),
            core::Names::display(core::ProblemState::Registered), Cli::tr("Overdue"),
            Cli::tr("Completion rate"), Cli::tr("Close-out rate")};
}

QStringList countsRow(const QString &key, const core::Counts &c, bool percent)
{
    auto rate = [percent](double f) {
        return percent ? Statistics::formatPercent(f) : QString::number(Statistics::round4(f));
    };
    return {key,
            QString::number(c.problems),
            QString::number(c.measures),
            QString::number(c.completed),
            QString::number(c.closedOut),
            QString::number(c.longTerm),
            QString::number(c.inProgress),
            QString::number(c.registered),
            QString::number(c.overdue),
            rate(c.completionRate()),
            rate(c.closeOutRate())};
}

core::StatsFilter filterFrom(const Args &args)
{
    core::StatsFilter f;
    f.unit = args.value(QStringLiteral("--unit"));
    f.round = args.value(QStringLiteral("--round"));
    return f;
}

int runStats(Context &ctx, const QStringList &argv)
{
    Args args(argv, {QStringLiteral("--by"), QStringLiteral("--as-of"), QStringLiteral("--format"),
                     QStringLiteral("--unit"), QStringLiteral("--round"), QStringLiteral("--site")});
    if (!args.ok() || args.positional().size() != 1)
        return usage(
            ctx, args,
            Cli::tr("Usage: rectrack-cli stats DB [--by round|unit|office|source|category|kind|leader|site] "
                    "[--as-of YYYY-MM-DD] [--format table|json|csv] [--unit NAME] [--round LABEL] [--site "
                    "OFFICE]"));
    const QString format = args.value(QStringLiteral("--format"), QStringLiteral("table"));
    if (format != QLatin1String("table") && format != QLatin1String("json") && format != QLatin1String("csv"))
        return usage(ctx, Cli::tr("Unknown format \"%1\" (table, json or csv).").arg(format));
    const auto by = Statistics::groupByFromKey(args.value(QStringLiteral("--by"), QStringLiteral("none")));
    if (!by)
        return usage(ctx,
                     Cli::tr("Unknown grouping \"%1\" (round, unit, office, source, category, kind, leader, "
                             "site).")
                         .arg(args.value(QStringLiteral("--by"))));
    int code = 0;
    auto db = openRegister(ctx, args.positional().first(), code);
    if (!db)
        return code;
    const auto asOf = parseAsOf(ctx, args.value(QStringLiteral("--as-of")), *db);
    if (!asOf)
        return ExitUsage;
    core::StatsFilter filter = filterFrom(args);
    if (const int c = checkUnitName(ctx, *db, filter.unit); c != ExitOk)
        return c;
    if (const int c = siteOption(ctx, *db, args.value(QStringLiteral("--site")), filter.site); c != ExitOk)
        return c;
    auto result = Statistics::compute(*db, *asOf, *by, filter);
    if (!result)
        return fail(ctx, result.error());
    const core::StatsResult &r = *result;

    if (format == QLatin1String("json")) {
        QJsonArray groups;
        for (const core::GroupCounts &g : r.groups) {
            QJsonObject o = countsJson(g.counts);
            o.insert(QStringLiteral("key"), g.key);
            groups.append(o);
        }
        QJsonArray byCategory;
        for (const core::CoverageGroup &g : r.coverage.byCategory)
            byCategory.append(QJsonObject{{QStringLiteral("category"), g.category},
                                          {QStringLiteral("mustCover"), g.mustCover},
                                          {QStringLiteral("covered"), g.covered},
                                          {QStringLiteral("rate"), Statistics::round4(g.rate())}});
        const QJsonObject root{{QStringLiteral("asOf"), core::toIso(r.asOf)},
                               {QStringLiteral("total"), countsJson(r.total)},
                               {QStringLiteral("groups"), groups},
                               {QStringLiteral("coverage"),
                                QJsonObject{{QStringLiteral("term"), r.coverage.term},
                                            {QStringLiteral("mustCover"), r.coverage.mustCover},
                                            {QStringLiteral("covered"), r.coverage.covered},
                                            {QStringLiteral("rate"), Statistics::round4(r.coverage.rate())},
                                            {QStringLiteral("byCategory"), byCategory}}}};
        ctx.out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
        return ExitOk;
    }
    QList<QStringList> rows;
    const bool table = format == QLatin1String("table");
    rows << countsHeader(*by == core::GroupBy::None ? Cli::tr("Scope") : Cli::tr("Group"));
    for (const core::GroupCounts &g : r.groups)
        rows << countsRow(g.key, g.counts, table);
    rows << countsRow(Cli::tr("Total"), r.total, table);
    if (table) {
        ctx.out << Cli::tr("As of %1").arg(core::toIso(r.asOf)) << '\n';
        printTable(ctx.out, rows);
        if (r.coverage.mustCover > 0) {
            ctx.out << Cli::tr("Coverage (%1): %2 of %3 units on the must-cover list, %4")
                           .arg(terminalText(r.coverage.term))
                           .arg(r.coverage.covered)
                           .arg(r.coverage.mustCover)
                           .arg(Statistics::formatPercent(r.coverage.rate()))
                    << '\n';
            for (const core::CoverageGroup &g : r.coverage.byCategory)
                ctx.out << "  " << terminalText(g.category) << ": " << g.covered << '/' << g.mustCover << ", "
                        << Statistics::formatPercent(g.rate()) << '\n';
        }
    } else {
        printCsv(ctx.out, rows);
    }
    return ExitOk;
}

int runOverdue(Context &ctx, const QStringList &argv)
{
    Args args(argv, {QStringLiteral("--as-of"), QStringLiteral("--format"), QStringLiteral("--unit"),
                     QStringLiteral("--round"), QStringLiteral("--site")});
    if (!args.ok() || args.positional().size() != 1)
        return usage(
            ctx, args,
            Cli::tr("Usage: rectrack-cli overdue DB [--as-of YYYY-MM-DD] [--format table|json|csv] [--unit "
                    "NAME] [--round LABEL] [--site OFFICE]"));
    const QString format = args.value(QStringLiteral("--format"), QStringLiteral("table"));
    if (format != QLatin1String("table") && format != QLatin1String("json") && format != QLatin1String("csv"))
        return usage(ctx, Cli::tr("Unknown format \"%1\" (table, json or csv).").arg(format));
    int code = 0;
    auto db = openRegister(ctx, args.positional().first(), code);
    if (!db)
        return code;
    const auto asOf = parseAsOf(ctx, args.value(QStringLiteral("--as-of")), *db);
    if (!asOf)
        return ExitUsage;
    core::StatsFilter filter = filterFrom(args);
    if (const int c = checkUnitName(ctx, *db, filter.unit); c != ExitOk)
        return c;
    if (const int c = siteOption(ctx, *db, args.value(QStringLiteral("--site")), filter.site); c != ExitOk)
        return c;
    auto items = Statistics::overdue(*db, *asOf, filter);
    if (!items)
        return fail(ctx, items.error());
    if (format == QLatin1String("json")) {
        QJsonArray arr;
        for (const core::OverdueItem &i : *items)
            arr.append(QJsonObject{{QStringLiteral("registrationNo"), i.registrationNo},
                                   {QStringLiteral("unit"), i.unit},
                                   {QStringLiteral("description"), i.description},
                                   {QStringLiteral("responsibleOffice"), i.responsibleOffice},
                                   {QStringLiteral("leadLeader"), i.leadLeader},
                                   {QStringLiteral("responsiblePerson"), i.responsiblePerson},
                                   {QStringLiteral("deadline"), core::toIso(i.deadline)},
                                   {QStringLiteral("daysOverdue"), i.daysOverdue},
                                   {QStringLiteral("state"), core::Names::key(i.state)}});
        const QJsonObject root{{QStringLiteral("asOf"), core::toIso(*asOf)},
                               {QStringLiteral("count"), qint64(items->size())},
                               {QStringLiteral("problems"), arr}};
        ctx.out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
        return ExitOk;
    }
    QList<QStringList> rows;
    rows << QStringList{Cli::tr("No."),
                        Cli::tr("Unit"),
                        Cli::tr("Problem"),
                        Cli::tr("Deadline"),
                        Cli::tr("Days overdue"),
                        Cli::tr("Lead leader"),
                        Cli::tr("Responsible office"),
                        Cli::tr("Responsible person")};
    const bool table = format == QLatin1String("table");
    for (const core::OverdueItem &i : *items) {
        QString text = i.description;
        if (table && text.size() > 24)
            text = text.left(23) + QChar(0x2026);
        rows << QStringList{i.registrationNo,
                            i.unit,
                            text,
                            core::toIso(i.deadline),
                            QString::number(i.daysOverdue),
                            i.leadLeader,
                            i.responsibleOffice,
                            i.responsiblePerson};
    }
    if (table) {
        ctx.out << Cli::tr("Overdue problems as of %1: %2").arg(core::toIso(*asOf)).arg(items->size())
                << '\n';
        printTable(ctx.out, rows);
    } else {
        printCsv(ctx.out, rows);
    }
    return ExitOk;
}

const bool registered =
    registerCommand(
        {QStringLiteral("stats"),
         QStringLiteral(
             "stats DB [--by round|unit|office|source|category|kind|leader|site] [--as-of "
             "YYYY-MM-DD] [--format table|json|csv] [--unit NAME] [--round LABEL] [--site OFFICE]"),
         QT_TRANSLATE_NOOP("rectrack::cli::Cli", "counts, completion and close-out rates, coverage"), false,
         runStats}) &&
    registerCommand(
        {QStringLiteral("overdue"),
         QStringLiteral("overdue DB [--as-of YYYY-MM-DD] [--format table|json|csv] [--unit NAME] [--round "
                        "LABEL] [--site OFFICE]"),
         QT_TRANSLATE_NOOP("rectrack::cli::Cli", "overdue problems with the responsible leaders"), false,
         runOverdue});

} // namespace

} // namespace rectrack::cli
