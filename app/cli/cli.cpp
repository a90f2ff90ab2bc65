#include "command.h"

#include "args.h"
#include "i18n.h"
#include "storage/database.h"
#include "table.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <cstdio>
#include <memory>

namespace rectrack::cli {

namespace {

QList<Command> &table()
{
    static QList<Command> t;
    return t;
}

// Commands of DESIGN.md §9 that arrive with later issues answer "not available yet".
const QStringList kPlanned;

void printHelp(Context &ctx)
{
    ctx.out << Cli::tr("Usage: rectrack-cli COMMAND [ARGUMENTS] [--lang zh_CN|en]") << '\n'
            << Cli::tr("Commands:") << '\n';
    for (const Command &c : commands())
        ctx.out << "  " << c.synopsis << "\n      "
                << QCoreApplication::translate("rectrack::cli::Cli", c.summary) << '\n';
    ctx.out
        << Cli::tr(
               "Exit codes: 0 ok, 1 usage, 2 input refused (nothing changed), 3 verification found a fault, "
               "4 the database cannot be opened.")
        << '\n';
}

/**
 * Qt's own warnings (font database, QPA, SQL drivers …) are English developer text: not for the
 * user's terminal. They are dropped unless RECTRACK_QT_MESSAGES is set (then shown escaped); a
 * critical or fatal message is shown escaped, as one line naming it as Qt's.
 */
void cliMessageHandler(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    static const bool show = !qEnvironmentVariableIsEmpty("RECTRACK_QT_MESSAGES");
    if (type != QtCriticalMsg && type != QtFatalMsg && !show)
        return;
    const QByteArray line = "rectrack-cli: Qt: " + terminalText(message).toUtf8() + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

} // namespace

bool registerCommand(const Command &command)
{
    table().append(command);
    return true;
}

const Command *findCommand(const QString &name)
{
    for (const Command &c : table()) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

QList<Command> commands()
{
    QList<Command> all = table();
    std::sort(all.begin(), all.end(), [](const Command &a, const Command &b) { return a.name < b.name; });
    return all;
}

int fail(Context &ctx, const core::Error &error)
{
    ctx.err << "rectrack-cli: " << terminalText(error.message, true) << '\n';
    ctx.err.flush();
    switch (error.code) {
    case core::ErrorCode::Usage:
        return ExitUsage;
    case core::ErrorCode::InputRefused:
        return ExitRefused;
    case core::ErrorCode::VerifyFault:
        return ExitVerify;
    case core::ErrorCode::CannotOpen:
        return ExitCannotOpen;
    case core::ErrorCode::Internal:
        return ExitRefused;
    }
    return ExitRefused;
}

int usage(Context &ctx, const QString &message)
{
    ctx.err << "rectrack-cli: " << terminalText(message, true) << '\n';
    ctx.err.flush();
    return ExitUsage;
}

int usage(Context &ctx, const Args &args, const QString &message)
{
    if (!args.ok()) {
        const QString what = args.missingValue() ? Cli::tr("The option %1 needs a value.").arg(args.error())
                                                 : Cli::tr("Unknown option \"%1\".").arg(args.error());
        ctx.err << "rectrack-cli: " << terminalText(what, true) << '\n';
    }
    return usage(ctx, message);
}

int runCli(int argc, char **argv)
{
    // Look at the command first: only reports need a QApplication (Qt Charts), and then offscreen.
    qInstallMessageHandler(cliMessageHandler);
    const QString name = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    const Command *cmd = findCommand(name);
    std::unique_ptr<QCoreApplication> app;
    if (cmd && cmd->needsGui) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("rectrack"));
    QCoreApplication::setOrganizationName(QStringLiteral("Rectrack"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RECTRACK_VERSION));

    QStringList args = QCoreApplication::arguments().mid(1);
    // --lang as the last word (or --lang= with nothing after it) has no value: a usage error naming it.
    const bool langWithoutValue = (!args.isEmpty() && args.last() == QLatin1String("--lang")) ||
                                  args.contains(QStringLiteral("--lang="));
    if (langWithoutValue) {
        args.removeAll(QStringLiteral("--lang"));
        args.removeAll(QStringLiteral("--lang="));
    }
    const QString language = languageFromArguments(args);
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--lang") && i + 1 < args.size()) {
            args.remove(i, 2);
            break;
        }
        if (args[i].startsWith(QLatin1String("--lang="))) {
            args.remove(i);
            break;
        }
    }
    // An unknown language (--lang fr) has no translation: refused in the default language rather
    // than answered silently in English.
    const bool known = installTranslations(language);
    if (!known)
        installTranslations(QStringLiteral("zh_CN"));

    // What a command prints goes to stdout only when it succeeds without having met a damaged
    // page (below): a shorter answer must not reach a pipe or a file as if it were whole.
    struct StdoutBuffer
    {
        QByteArray bytes;
        bool discard = false;
        ~StdoutBuffer()
        {
            if (!discard) {
                std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
                std::fflush(stdout);
            }
        }
    } printed;
    QTextStream out(&printed.bytes, QIODevice::WriteOnly);
    QTextStream err(stderr);
    out.setEncoding(QStringConverter::Utf8);
    err.setEncoding(QStringConverter::Utf8);
    Context ctx{out, err, known ? language : QStringLiteral("zh_CN")};
    if (!known)
        return usage(ctx, Cli::tr("Unknown language \"%1\" (zh_CN or en).").arg(language));
    if (langWithoutValue)
        return usage(ctx, Cli::tr("The option %1 needs a value.").arg(QStringLiteral("--lang")) + u' ' +
                              Cli::tr("Usage: rectrack-cli COMMAND [ARGUMENTS] [--lang zh_CN|en]"));

    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h") ||
        args.first() == QLatin1String("help")) {
        printHelp(ctx);
        return args.isEmpty() ? ExitUsage : ExitOk;
    }
    if (args.first() == QLatin1String("--version")) {
        out << "rectrack-cli " << RECTRACK_VERSION << '\n';
        return ExitOk;
    }
    const QString command = args.takeFirst();
    if (!cmd) {
        if (kPlanned.contains(command))
            return usage(ctx,
                         Cli::tr("The command \"%1\" is not available yet in this version.").arg(command));
        printHelp(ctx);
        return usage(ctx, Cli::tr("Unknown command \"%1\".").arg(command));
    }
    // An output file named with -o that the command created is removed again when the command
    // met damage (issue #19: exit 4 and no output file).
    QString output;
    for (int i = 0; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("-o") || args[i] == QLatin1String("--output"))
            output = args[i + 1];
    }
    const bool outputExisted = !output.isEmpty() && QFileInfo::exists(output);
    int code = cmd->run(ctx, args);
    out.flush();
    // The runner reports a damaged page to its caller (Database::eachRow); a read that could not
    // return its error (Database::scalar) is caught here, so no command reports success after one.
    if (core::Database::damageSeen() && code != ExitCannotOpen && code != ExitVerify) {
        if (!output.isEmpty() && !outputExisted)
            QFile::remove(output);
        code = fail(ctx, core::Error{core::ErrorCode::CannotOpen, core::Database::damageMessage()});
    }
    // The same for a statement the server refused (the login's role) or lost on the way.
    if (core::Database::refusalSeen() && code == ExitOk) {
        if (!output.isEmpty() && !outputExisted)
            QFile::remove(output);
        code = fail(ctx, core::Error{core::ErrorCode::InputRefused, core::Database::refusalMessage()});
    }
    printed.discard = core::Database::damageSeen() || core::Database::refusalSeen();
    err.flush();
    return code;
}

} // namespace rectrack::cli
