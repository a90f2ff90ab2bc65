#include "backup.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlError>

namespace rectrack::core {

Status Backup::writeCopy(Database &db, const QString &destination)
{
    if (QFileInfo::exists(destination))
        return Error{ErrorCode::InputRefused, tr("The backup file %1 already exists.").arg(destination)};
    if (db.transactionDepth() > 0)
        return Error{ErrorCode::Usage, tr("A backup cannot be taken inside a transaction.")};
    {
        QSqlQuery q(db.sql());
        q.prepare(QStringLiteral("VACUUM INTO ?"));
        q.addBindValue(destination);
        if (!q.exec())
            return Error{ErrorCode::InputRefused,
                         tr("The backup %1 could not be written: %2").arg(destination, q.lastError().text())};
    }
    auto copy = Database::open(destination, Database::OpenMode::Existing);
    if (!copy) {
        QFile::remove(destination);
        return Error{ErrorCode::VerifyFault,
                     tr("The backup %1 does not check out: %2").arg(destination, copy.error().message)};
    }
    const QString check = (*copy)->scalar(QStringLiteral("PRAGMA integrity_check")).toString();
    (*copy)->close();
    if (check != QLatin1String("ok")) {
        QFile::remove(destination);
        return Error{ErrorCode::VerifyFault,
                     tr("The backup %1 does not check out: %2").arg(destination, check)};
    }
    return okStatus();
}

} // namespace rectrack::core
