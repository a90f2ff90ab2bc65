// generate: a synthetic register for scale tests (DESIGN.md §8).
#include "args.h"
#include "common.h"

#include "demo/syntheticregister.h"

#include "io/safefile.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace rectrack::cli {

namespace {

/// Most problems generate writes: 1,000,000 (about 13 GB; DESIGN.md §8 measures up to 100,000).
constexpr int kMaxProblems = 1000000;
/// Disk needed per problem, with room for the WAL: the 100,000-problem register is 1.3 GB.
constexpr qint64 kBytesPerProblem = 20 * 1024;

/// The temporary register and its companions, removed when generate is interrupted (SIGINT,
/// SIGTERM, SIGHUP): fixed buffers, since only async-signal-safe calls may run in the handler.
char g_temp[4][4096];

extern "C" void removeTempAndExit(int sig)
{
    for (const char *p : g_temp) {
        if (p[0])
            ::unlink(p);
    }
    ::signal(sig, SIG_DFL);
    ::raise(sig);
}

int runGenerate(Context &ctx, const QStringList &argv)
{
    Args args(argv, {QStringLiteral("--problems"), QStringLiteral("--seed")}, {QStringLiteral("--quiet")});
    bool okN = false;
    bool okSeed = true;
    const int n = args.value(QStringLiteral("--problems")).toInt(&okN);
    const uint seed =
        args.has(QStringLiteral("--seed")) ? args.value(QStringLiteral("--seed")).toUInt(&okSeed) : 1;
    if (!args.ok() || args.positional().size() != 1 || args.positional().first().isEmpty() || !okN || n < 1 ||
        !okSeed)
        return usage(ctx, args, Cli::tr("Usage: rectrack-cli generate DB --problems N [--seed S]"));
    if (n > kMaxProblems)
        return usage(ctx,
                     Cli::tr("generate writes at most %1 problems.").arg(QLocale().toString(kMaxProblems)));
    const QString path = args.positional().first();
    if (QFileInfo::exists(path) || QFileInfo(path).isSymLink())
        return fail(
            ctx,
            core::Error{core::ErrorCode::InputRefused,
                        Cli::tr("The file %1 already exists; generate creates a new register.").arg(path)});
    const QFileInfo target(path);
    const qint64 free = core::SafeFile::freeBytes(target.absolutePath());
    const qint64 needed = qint64(n) * kBytesPerProblem;
    if (free >= 0 && free < needed)
        return fail(ctx, core::Error{core::ErrorCode::InputRefused,
                                     Cli::tr("Not enough disk space in %1 for %2 problems: about %3 MB are "
                                             "needed, %4 MB are free. Nothing was written.")
                                         .arg(target.absolutePath(), QLocale().toString(n),
                                              QLocale().toString((needed + (qint64(1) << 20) - 1) >> 20),
                                              QLocale().toString(free >> 20))});
    // Built under a hidden name beside the target and linked into place when complete: an
    // interrupted generate leaves no register that a rerun would refuse (a signal removes the
    // temporary file; after SIGKILL only the hidden file is left, which a rerun does not meet).
    const QString temp = target.absoluteDir().filePath(
        QStringLiteral(".%1.generating-%2").arg(target.fileName()).arg(QCoreApplication::applicationPid()));
    const QStringList temps{temp, temp + QStringLiteral("-wal"), temp + QStringLiteral("-shm"),
                            temp + QStringLiteral("-journal")};
    for (int i = 0; i < 4; ++i) {
        const QByteArray t = QFile::encodeName(temps[i]);
        if (t.size() >= qsizetype(sizeof g_temp[i]))
            return usage(ctx, Cli::tr("The file name %1 is too long.").arg(path));
        std::memcpy(g_temp[i], t.constData(), size_t(t.size()) + 1);
        ::unlink(g_temp[i]);
    }
    for (const int sig : {SIGINT, SIGTERM, SIGHUP})
        ::signal(sig, removeTempAndExit);
    const auto removeTemp = [&]() {
        for (const QString &t : temps)
            QFile::remove(t);
    };
    QElapsedTimer timer;
    timer.start();
    {
        auto db = core::Database::open(temp, core::Database::OpenMode::CreateIfMissing);
        if (!db) {
            removeTemp();
            return fail(ctx, db.error());
        }
        const bool quiet = args.has(QStringLiteral("--quiet"));
        const core::Status s = core::SyntheticRegister::generate(**db, n, seed, [&](int done, int total) {
            if (!quiet && (done % 10000 == 0 || done == total)) {
                ctx.err << Cli::tr("%1 of %2 problems written").arg(done).arg(total) << '\n';
                ctx.err.flush();
            }
        });
        if (!s) {
            (*db)->close();
            removeTemp();
            return fail(ctx, s.error());
        }
        (*db)->close();
    }
    // link() refuses a file that appeared meanwhile instead of replacing it.
    bool linked = ::link(g_temp[0], QFile::encodeName(path).constData()) == 0;
    int linkError = errno;
    if (!linked && (linkError == EPERM || linkError == ENOTSUP || linkError == EOPNOTSUPP)) {
        // No hard links on this file system (FAT32, some shares): rename unless the name appeared.
        if (QFileInfo::exists(path)) {
            linkError = EEXIST;
        } else {
            linked = std::rename(g_temp[0], QFile::encodeName(path).constData()) == 0;
            linkError = linked ? 0 : errno;
        }
    }
    removeTemp();
    for (const int sig : {SIGINT, SIGTERM, SIGHUP})
        ::signal(sig, SIG_DFL);
    if (!linked)
        return fail(ctx, linkError == EEXIST
                             ? core::Error{core::ErrorCode::InputRefused,
                                           Cli::tr("The file %1 already exists; generate creates "
                                                   "a new register.")
                                               .arg(path)}
                             : core::SafeFile::writeError(path, linkError));
    ctx.out << Cli::tr("Generated %1 problems in %2 s into %3.")
                   .arg(n)
                   .arg(timer.elapsed() / 1000.0, 0, 'f', 1)
                   .arg(path)
            << '\n';
    return ExitOk;
}

const bool registered =
    registerCommand({QStringLiteral("generate"), QStringLiteral("generate DB --problems N [--seed S]"),
                     QT_TRANSLATE_NOOP("rectrack::cli::Cli", "write a synthetic register for scale tests"),
                     false, runGenerate});

} // namespace

} // namespace rectrack::cli
