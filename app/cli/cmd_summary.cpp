// summary: supervision figures beside the ledgers (issue "Supervision beyond the ledger").
#include "args.h"
#include "common.h"
#include "table.h"

#include "stats/supervisionsummary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace rectrack::cli {

namespace {

using core::Statistics;

/// The figures of @p s as a two-column table (figure, value), in the order of the JSON object.
void printSummaryTable(Context &ctx, const core::SupervisionSummary &s, const QDate &asOf)
{
    const auto n = [](qint64 v) { return QString::number(v); };
    QList<QStringList> rows{{Cli::tr("Figure"), Cli::tr("Value")},
                            {Cli::tr("As of"), core::toIso(asOf)},
                            {Cli::tr("Referral sheets"), n(s.referralSheets)},
                            {Cli::tr("Thematic reports"), n(s.thematicReports)},
                            {Cli::tr("Key-situation reports"), n(s.keySituationReports)},
                            {Cli::tr("Clues"), n(s.cluesTotal)},
                            {Cli::tr("Clues disposed of"), n(s.cluesDisposed)},
                            {Cli::tr("Clues overdue"), n(s.cluesOverdue)},
                            {Cli::tr("Units evaluated"), n(s.unitsEvaluated)}};
    for (auto it = s.evaluationsByGrade.cbegin(); it != s.evaluationsByGrade.cend(); ++it)
        rows.append({Cli::tr("Units graded %1").arg(it.key()), n(it.value())});
    rows.append({Cli::tr("Units with problems open past the assessment period"), n(s.unitsPastSixMonths)});
    rows.append({Cli::tr("Coverage"), QStringLiteral("%1/%2 (%3)")
                                          .arg(s.coverage.covered)
                                          .arg(s.coverage.mustCover)
                                          .arg(Statistics::formatPercent(s.coverage.rate()))});
    for (const core::CoverageGroup &g : s.coverage.byCategory)
        rows.append({Cli::tr("Coverage: %1").arg(g.category), QStringLiteral("%1/%2 (%3)")
                                                                  .arg(g.covered)
                                                                  .arg(g.mustCover)
                                                                  .arg(Statistics::formatPercent(g.rate()))});
    rows.append({Cli::tr("Rules established"), n(s.rulesEstablished)});
    rows.append({Cli::tr("People held accountable"), n(s.peopleHeldAccountable)});
    rows.append({Cli::tr("Funds recovered (yuan)"), QString::number(s.fundsRecoveredYuan, 'f', 2)});
    printTable(ctx.out, rows);
}

int runSummary(Context &ctx, const QStringList &argv)
{
    Args args(argv, {QStringLiteral("--as-of"), QStringLiteral("--format")});
    const QString format = args.value(QStringLiteral("--format"), QStringLiteral("json"));
    if (!args.ok() || args.positional().size() != 1)
        return usage(ctx, args,
                     Cli::tr("Usage: rectrack-cli summary DB [--as-of YYYY-MM-DD] [--format json|table]"));
    if (format != QLatin1String("json") && format != QLatin1String("table"))
        return usage(ctx, Cli::tr("Unknown format \"%1\" (json or table).").arg(format));
    int code = 0;
    auto db = openRegister(ctx, args.positional().first(), code);
    if (!db)
        return code;
    const auto asOf = parseAsOf(ctx, args.value(QStringLiteral("--as-of")), *db);
    if (!asOf)
        return ExitUsage;
    const core::SupervisionSummary s = core::SupervisionSummary::compute(*db, *asOf);
    if (format == QLatin1String("table")) {
        printSummaryTable(ctx, s, *asOf);
        return ExitOk;
    }
    QJsonObject byGrade;
    for (auto it = s.evaluationsByGrade.cbegin(); it != s.evaluationsByGrade.cend(); ++it)
        byGrade.insert(it.key(), it.value());
    QJsonArray byCategory;
    for (const core::CoverageGroup &g : s.coverage.byCategory)
        byCategory.append(QJsonObject{{QStringLiteral("category"), g.category},
                                      {QStringLiteral("mustCover"), g.mustCover},
                                      {QStringLiteral("covered"), g.covered},
                                      {QStringLiteral("rate"), Statistics::round4(g.rate())}});
    const QJsonObject root{
        {QStringLiteral("asOf"), core::toIso(*asOf)},
        {QStringLiteral("referrals"),
         QJsonObject{{QStringLiteral("referralSheet"), s.referralSheets},
                     {QStringLiteral("thematicReport"), s.thematicReports},
                     {QStringLiteral("keySituationReport"), s.keySituationReports}}},
        {QStringLiteral("clues"), QJsonObject{{QStringLiteral("total"), s.cluesTotal},
                                              {QStringLiteral("disposed"), s.cluesDisposed},
                                              {QStringLiteral("overdue"), s.cluesOverdue}}},
        {QStringLiteral("evaluations"),
         QJsonObject{{QStringLiteral("units"), s.unitsEvaluated}, {QStringLiteral("byGrade"), byGrade}}},
        {QStringLiteral("unitsPastSixMonths"), s.unitsPastSixMonths},
        {QStringLiteral("coverage"),
         QJsonObject{{QStringLiteral("mustCover"), s.coverage.mustCover},
                     {QStringLiteral("covered"), s.coverage.covered},
                     {QStringLiteral("rate"), Statistics::round4(s.coverage.rate())},
                     {QStringLiteral("byCategory"), byCategory}}},
        {QStringLiteral("outcomes"),
         QJsonObject{{QStringLiteral("rulesEstablished"), s.rulesEstablished},
                     {QStringLiteral("peopleHeldAccountable"), s.peopleHeldAccountable},
                     {QStringLiteral("fundsRecoveredYuan"), s.fundsRecoveredYuan}}}};
    ctx.out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
    return ExitOk;
}

const bool registered = registerCommand(
    {QStringLiteral("summary"), QStringLiteral("summary DB [--as-of YYYY-MM-DD] [--format json|table]"),
     QT_TRANSLATE_NOOP("rectrack::cli::Cli",
                       "supervision figures: referrals, clues, evaluations, coverage, outcomes"),
     false, runSummary});

} // namespace

} // namespace rectrack::cli
