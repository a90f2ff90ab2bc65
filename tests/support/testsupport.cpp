#include "testsupport.h"

#include <QDir>
#include <QProcess>

#include <stdexcept>

namespace rectrack::test {

TempRegister::TempRegister(QDate today) : clock(today)
{
    path = dir.filePath(QStringLiteral("register.rtreg"));
    auto r = core::Database::open(path, core::Database::OpenMode::CreateIfMissing);
    if (!r)
        throw std::runtime_error(r.error().message.toStdString());
    db = std::move(r).value();
    db->setClock(&clock);
    db->setActor(QStringLiteral("tester"));
}

TempRegister::~TempRegister()
{
    db.reset();
}

void TempRegister::reopen()
{
    db.reset();
    auto r = core::Database::open(path, core::Database::OpenMode::Existing);
    if (!r)
        throw std::runtime_error(r.error().message.toStdString());
    db = std::move(r).value();
    db->setClock(&clock);
    db->setActor(QStringLiteral("tester"));
}

CliRun runCli(const QStringList &args, int timeoutMs)
{
    QProcess p;
    QStringList full = args;
    bool hasLang = false;
    for (const QString &a : args)
        hasLang = hasLang || a.startsWith(QLatin1String("--lang"));
    if (!hasLang)
        full << QStringLiteral("--lang") << QStringLiteral("en");
    p.start(QStringLiteral(RECTRACK_CLI_PATH), full);
    CliRun run;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        run.err = QStringLiteral("timeout");
        return run;
    }
    run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    run.out = QString::fromUtf8(p.readAllStandardOutput());
    run.err = QString::fromUtf8(p.readAllStandardError());
    return run;
}

QString sharedData(const QString &relative)
{
    return QDir(QStringLiteral(RECTRACK_SHARED_DATA_DIR)).filePath(relative);
}

int runSqlite(const QString &db, const QString &sql)
{
    QProcess p;
    p.start(QStringLiteral("sqlite3"), {db, sql});
    p.waitForFinished(60000);
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace rectrack::test
