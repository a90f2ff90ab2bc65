#include "testsupport.h"

#include "workflow/organizationservice.h"

#include <QDir>
#include <QFile>
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

void overwrite(const QString &path, qint64 offset, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite) || !f.seek(offset) || f.write(bytes) != bytes.size())
        throw std::runtime_error("cannot damage " + path.toStdString());
}

void copyRegister(const QString &path, const QString &copy)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(copy + suffix);
    for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
        if (QFile::exists(path + suffix) && !QFile::copy(path + suffix, copy + suffix))
            throw std::runtime_error("cannot copy " + path.toStdString());
    }
}

QString copyWithWal(const QString &path, const QString &copy, int commits)
{
    auto db = core::Database::open(path, core::Database::OpenMode::Existing);
    if (!db)
        throw std::runtime_error(db.error().message.toStdString());
    // No automatic checkpoint: the frames stay in the WAL as after a crash.
    (*db)->exec(QStringLiteral("PRAGMA wal_autocheckpoint=0"));
    core::OrganizationService org(**db);
    const QString batch = core::Database::newUuid().left(8);
    for (int i = 0; i < commits; ++i) {
        if (!org.ensureUnit(QStringLiteral("WAL 测试单位 %1-%2").arg(batch).arg(i)))
            throw std::runtime_error("cannot write");
    }
    copyRegister(path, copy);
    return copy;
}

} // namespace rectrack::test
