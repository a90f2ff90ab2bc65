#include "passwordstore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QUrl>
#include <QUrlQuery>

#ifdef RECTRACK_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace rectrack::ui {

namespace {

const QString kService = QStringLiteral("Rectrack server registers");

#ifdef RECTRACK_HAVE_KEYCHAIN
/// Runs @p job to its end in a local event loop (the keychain answers over D-Bus).
void runJob(QKeychain::Job *job)
{
    job->setAutoDelete(false);
    QEventLoop loop;
    QObject::connect(job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job->start();
    loop.exec(QEventLoop::ExcludeUserInputEvents);
}
#endif

} // namespace

bool PasswordStore::available()
{
#ifdef RECTRACK_HAVE_KEYCHAIN
    return true;
#else
    return false;
#endif
}

QString PasswordStore::key(const QString &location)
{
    QUrl url(location);
    url.setPassword(QString());
    QUrlQuery query(url);
    query.removeAllQueryItems(QStringLiteral("password"));
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

QString PasswordStore::read(const QString &location)
{
#ifdef RECTRACK_HAVE_KEYCHAIN
    QKeychain::ReadPasswordJob job(kService);
    job.setKey(key(location));
    runJob(&job);
    return job.error() == QKeychain::NoError ? job.textData() : QString();
#else
    Q_UNUSED(location)
    return {};
#endif
}

bool PasswordStore::write(const QString &location, const QString &password, QString *error)
{
#ifdef RECTRACK_HAVE_KEYCHAIN
    QKeychain::WritePasswordJob job(kService);
    job.setKey(key(location));
    job.setTextData(password);
    runJob(&job);
    if (job.error() != QKeychain::NoError) {
        *error = job.errorString();
        return false;
    }
    return true;
#else
    Q_UNUSED(location)
    Q_UNUSED(password)
    *error = QCoreApplication::translate("rectrack::ui::PasswordStore",
                                         "This build of Rectrack has no access to the system keychain.");
    return false;
#endif
}

void PasswordStore::remove(const QString &location)
{
#ifdef RECTRACK_HAVE_KEYCHAIN
    QKeychain::DeletePasswordJob job(kService);
    job.setKey(key(location));
    runJob(&job);
#else
    Q_UNUSED(location)
#endif
}

} // namespace rectrack::ui
