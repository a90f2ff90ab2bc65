// import: an office's .xlsx/.xls/.docx/.csv ledger into the register (DESIGN.md §6, §9).
#include "args.h"
#include "common.h"
#include "table.h"

#include "io/ledgerimporter.h"
#include "workflow/registerlevel.h"

namespace rectrack::cli {

/// Translation context of the import command's messages.
class ImportCmd
{
    Q_DECLARE_TR_FUNCTIONS(rectrack::cli::ImportCmd)
};

namespace {

using core::ImportedProblem;
using core::LedgerField;
using core::LedgerRules;

QString actionWord(ImportedProblem::Action a)
{
    switch (a) {
    case ImportedProblem::Action::Created:
        return ImportCmd::tr("new");
    case ImportedProblem::Action::Updated:
        return ImportCmd::tr("updated");
    case ImportedProblem::Action::Unchanged:
        return ImportCmd::tr("unchanged");
    }
    return {};
}

QString shortText(const QString &s, int n = 30)
{
    QString t = s.simplified();
    return t.size() > n ? t.left(n - 1) + QChar(0x2026) : t;
}

int runImport(Context &ctx, const QStringList &argv)
{
    const QString synopsis = ImportCmd::tr(
        "Usage: rectrack-cli import DB FILE [--unit NAME] [--round LABEL] "
        "[--source central|provincial|municipal|district] [--feedback-date YYYY-MM-DD] [--sheet NAME] "
        "[--map HEADER=field]... [--dry-run]");
    Args args(argv,
              {QStringLiteral("--unit"), QStringLiteral("--round"), QStringLiteral("--source"),
               QStringLiteral("--feedback-date"), QStringLiteral("--sheet"), QStringLiteral("--map")},
              {QStringLiteral("--dry-run")});
    if (!args.ok() || args.positional().size() != 2)
        return usage(ctx, args, synopsis);
    core::ImportOptions o;
    // Optional: a combined ledger (汇总台账) names each row's unit; the importer refuses a ledger
    // without a unit column when it is missing.
    o.unit = args.value(QStringLiteral("--unit")).trimmed();
    o.round = args.value(QStringLiteral("--round")).trimmed();
    o.sheet = args.value(QStringLiteral("--sheet"));
    o.dryRun = args.has(QStringLiteral("--dry-run"));
    if (args.has(QStringLiteral("--source"))) {
        const auto s = core::Names::sourceLevel(args.value(QStringLiteral("--source")));
        if (!s)
            return usage(ctx, ImportCmd::tr(
                                  "Unknown source level \"%1\" (central, provincial, municipal or district).")
                                  .arg(args.value(QStringLiteral("--source"))));
        o.source = *s;
    }
    if (args.has(QStringLiteral("--feedback-date"))) {
        o.feedbackDate = parseIsoDate(args.value(QStringLiteral("--feedback-date")));
        if (!o.feedbackDate.isValid())
            return usage(ctx, ImportCmd::tr("The date \"%1\" is not valid; write it as YYYY-MM-DD.")
                                  .arg(args.value(QStringLiteral("--feedback-date"))));
    }
    for (const QString &m : args.values(QStringLiteral("--map"))) {
        const qsizetype eq = m.lastIndexOf(u'=');
        const auto field = eq > 0 ? LedgerRules::fieldFromKey(m.mid(eq + 1)) : std::nullopt;
        if (!field)
            return usage(
                ctx,
                ImportCmd::tr("--map %1: write HEADER=field, field one of seq, registrationNo, category, "
                              "problem, measures, leadLeader, responsibleOffice, responsiblePerson, unit, "
                              "deadline, progress, status, evidence, note, ignore.")
                    .arg(m));
        o.map.insert(m.left(eq).trimmed(), *field);
    }

    int code = 0;
    auto db = openRegister(ctx, args.positional().at(0), code, o.dryRun ? Access::Read : Access::Write);
    if (!db)
        return code;
    // Without --source, the register's own level (a district office's register: 区县委巡察), as the
    // app's import wizard defaults (core/workflow/registerlevel.h).
    if (!args.has(QStringLiteral("--source")))
        o.source = core::registerSourceLevel(*db);
    const core::ImportReport r = core::LedgerImporter::importFile(*db, args.positional().at(1), o);

    for (const core::ImportIssue &w : r.warnings)
        ctx.err << terminalText(ImportCmd::tr("warning: %1").arg(w.toString()), true) << '\n';
    if (!r.ok()) {
        for (const core::ImportIssue &e : r.errors)
            ctx.err << terminalText(ImportCmd::tr("error: %1").arg(e.toString()), true) << '\n';
        ctx.err << ImportCmd::tr(
                       "%1: %n error(s); the ledger was not imported and the register is unchanged.", "",
                       int(r.errors.size()))
                       .arg(terminalText(r.file))
                << '\n';
        ctx.err.flush();
        return ExitRefused;
    }

    if (!r.sheet.isEmpty())
        ctx.out << ImportCmd::tr("%1, sheet %2: header in row %3")
                       .arg(terminalText(r.file), terminalText(r.sheet))
                       .arg(r.headerRow)
                << '\n';
    else
        ctx.out << ImportCmd::tr("%1: header in row %2").arg(terminalText(r.file)).arg(r.headerRow) << '\n';
    for (const core::LedgerColumn &c : r.columns)
        ctx.out << "  " << terminalText(c.header) << " → " << LedgerRules::fieldName(c.field) << '\n';
    if (o.dryRun) {
        ctx.out << ImportCmd::tr("Dry run: nothing was changed. The import would make:") << '\n';
        for (const ImportedProblem &p : r.problems)
            ctx.out << "  "
                    << ImportCmd::tr("row %1: %2, %3, %4, %n measure(s), %5", "", p.measures)
                           .arg(p.row)
                           .arg(actionWord(p.action), terminalText(p.registrationNo),
                                LedgerRules::wordForState(p.state), terminalText(shortText(p.description)))
                    << '\n';
        for (const QString &u : r.newUnits)
            ctx.out << ImportCmd::tr("New unit: %1").arg(terminalText(u)) << '\n';
        if (r.roundCreated)
            ctx.out << ImportCmd::tr("New round: %1").arg(terminalText(o.round)) << '\n';
    }
    ctx.out << ImportCmd::tr(
                   "%1 problems: %2 new (%3 measures), %4 updated, %5 unchanged; %6 categories; %7 rows "
                   "skipped (title, section, blank, hidden and summary rows).")
                   .arg(r.problems.size())
                   .arg(r.created)
                   .arg(r.measures)
                   .arg(r.updated)
                   .arg(r.unchanged)
                   .arg(r.categories.size())
                   .arg(r.skippedRows)
            << '\n';
    if (r.units.size() > 1) {
        for (const core::ImportedUnit &u : r.units)
            ctx.out << "  "
                    << ImportCmd::tr("%1: %2 new (%3 measures), %4 updated, %5 unchanged")
                           .arg(terminalText(u.name))
                           .arg(u.created)
                           .arg(u.measures)
                           .arg(u.updated)
                           .arg(u.unchanged)
                    << '\n';
    }
    return ExitOk;
}

const bool registered = registerCommand(
    {QStringLiteral("import"),
     QStringLiteral(
         "import DB FILE [--unit NAME] [--round LABEL] [--source central|provincial|municipal|district] "
         "[--feedback-date YYYY-MM-DD] [--sheet NAME] [--map HEADER=field]... [--dry-run]"),
     QT_TRANSLATE_NOOP("rectrack::cli::Cli",
                       "import a ledger: .xlsx, .xls, .docx table or .csv (all-or-nothing)"),
     false, runImport});

} // namespace

} // namespace rectrack::cli
