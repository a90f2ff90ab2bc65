// summary: supervision figures beside the ledgers (issue "Supervision beyond the ledger").
#include "args.h"
#include "common.h"

#include "stats/supervisionsummary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace rectrack::cli {

namespace {

using core::Statistics;

int runSummary(Context &ctx, const QStringList &argv)
{
    Args args(argv, {QStringLiteral("--as-of"), QStringLiteral("--format")});
    const QString format = args.value(QStringLiteral("--format"), QStringLiteral("json"));
    if (!args.ok() || args.positional().size() != 1 || format != QLatin1String("json"))
        return usage(ctx, Cli::tr("Usage: rectrack-cli summary DB [--as-of YYYY-MM-DD] --format json"));
    int code = 0;
    auto db = openRegister(ctx, args.positional().first(), code);
    if (!db)
        return code;
    const auto asOf = parseAsOf(ctx, args.value(QStringLiteral("--as-of")), *db);
    if (!asOf)
        return ExitUsage;
    const core::SupervisionSummary s = core::SupervisionSummary::compute(*db, *asOf);
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
    {QStringLiteral("summary"), QStringLiteral("summary DB [--as-of YYYY-MM-DD] --format json"),
     QT_TRANSLATE_NOOP("rectrack::cli::Cli",
                       "supervision figures: referrals, clues, evaluations, coverage, outcomes"),
     false, runSummary});

} // namespace

} // namespace rectrack::cli
