#pragma once

/**
 * rectrack-cli's command table. Each command lives in its own cmd_<name>.cpp and registers
 * itself with a static Registration, so a new command is a new file. Exit codes follow
 * DESIGN.md §9: 0 ok, 1 usage, 2 input refused, 3 verification fault, 4 cannot open.
 */

#include "domain/result.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

#include <functional>

namespace rectrack::cli {

enum Exit
{
    ExitOk = 0,
    ExitUsage = 1,
    ExitRefused = 2,
    ExitVerify = 3,
    ExitCannotOpen = 4
};

/// Standard streams in UTF-8 and the chosen language, handed to every command.
struct Context
{
    QTextStream &out;
    QTextStream &err;
    QString language; ///< zh_CN (default) or en
};

/// Writes "rectrack-cli: <message>" to stderr and returns the exit code of @p error.
int fail(Context &ctx, const core::Error &error);
/// Usage error: prints @p message and the command's synopsis, returns 1.
int usage(Context &ctx, const QString &message);
class Args;
/// Usage error of a command's arguments: names what was wrong in @p args (an unknown option,
/// an option without its value) when it holds an error, then prints @p message; returns 1.
int usage(Context &ctx, const Args &args, const QString &message);

struct Command
{
    QString name;
    QString synopsis;      ///< e.g. "stats DB [--by …]" (not translated)
    const char *summary;   ///< translated through QT_TRANSLATE_NOOP("rectrack::cli::Cli", …)
    bool needsGui = false; ///< needs a QApplication (Qt Charts for reports)
    std::function<int(Context &, const QStringList &args)> run; ///< args without the command name
};

/// Adds a command to the table; use through a static Registration in the command's file.
bool registerCommand(const Command &command);
const Command *findCommand(const QString &name);
QList<Command> commands();

/// Runs rectrack-cli with the full argument list; returns the exit code.
int runCli(int argc, char **argv);

class Cli
{
    Q_DECLARE_TR_FUNCTIONS(rectrack::cli::Cli)
};

} // namespace rectrack::cli
