#pragma once

// One run of a program, measured: its exit code, its peak resident memory and its standard error.
// Header-only and free of Catch2, for the tests (tests/cli/test_cli_hostile.cpp) and the benchmarks
// (tests/bench/rectrack_bench.cpp) alike.

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <vector>

namespace rectrack::test {

struct MeasuredRun
{
    int exitCode = -1; ///< -1 when the program did not start or did not exit normally
    double peakMb = 0; ///< wait4's ru_maxrss of the program alone (its children not counted), MB
    QString err;       ///< its standard error (UTF-8); standard output goes to /dev/null
};

/// Runs @p program with @p args and waits for it (no time limit).
inline MeasuredRun runMeasured(const QString &program, const QStringList &args)
{
    QTemporaryDir dir;
    const QByteArray errPath = QFile::encodeName(dir.filePath(QStringLiteral("err")));
    QList<QByteArray> words{QFile::encodeName(program)};
    for (const QString &a : args)
        words << a.toUtf8();
    std::vector<char *> argv;
    for (QByteArray &w : words)
        argv.push_back(w.data());
    argv.push_back(nullptr);
    MeasuredRun m;
    // posix_spawn, not fork: a forked child's peak memory would count the parent's pages it
    // shares until exec (ru_maxrss survives exec), the benchmark's 300 MB among them.
    posix_spawn_file_actions_t files;
    ::posix_spawn_file_actions_init(&files);
    ::posix_spawn_file_actions_addopen(&files, 2, errPath.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::posix_spawn_file_actions_addopen(&files, 1, "/dev/null", O_WRONLY, 0);
    pid_t pid = -1;
    const int spawned = ::posix_spawn(&pid, argv[0], &files, nullptr, argv.data(), environ);
    ::posix_spawn_file_actions_destroy(&files);
    if (spawned != 0)
        return m;
    int status = 0;
    struct rusage ru
    {
    };
    if (::wait4(pid, &status, 0, &ru) != pid)
        return m;
    m.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    m.peakMb = double(ru.ru_maxrss) / 1024.0;
    QFile f(QFile::decodeName(errPath));
    if (f.open(QIODevice::ReadOnly))
        m.err = QString::fromUtf8(f.readAll());
    return m;
}

} // namespace rectrack::test
