#include "backup.h"

#include "io/safefile.h"
#include "registercopy.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlError>

namespace rectrack::core {

Status Backup::writeCopy(Database &db, const QString &destination)
{
    if (destination.isEmpty())
        return Error{ErrorCode::Usage, tr("Name the backup file to write.")};
    if (QFileInfo::exists(destination) || QFileInfo(destination).isSymLink())
        return Error{ErrorCode::InputRefused, tr("The backup file %1 already exists.").arg(destination)};
    if (db.transactionDepth() > 0)
        return Error{ErrorCode::Usage, tr("A backup cannot be taken inside a transaction.")};
    // VACUUM INTO a temporary file beside the destination (an empty file, which SQLite accepts),
    // checked there, then linked into place: a failed or interrupted backup leaves no file that
    // looks like a backup, and the register itself is never the destination.
    SafeOutput output(destination, db.path());
    if (const Status s = output.open(); !s)
        return s;
    if (db.onServer()) {
        // A server register into a register file: every row copied and checked (RegisterCopy).
        auto copy = Database::open(output.tempPath(), Database::OpenMode::CreateIfMissing);
        if (!copy)
            return output.failure(copy.error().message);
        (*copy)->setClock(&db.clock());
        if (const Status s = RegisterCopy::copy(db, **copy); !s) {
            (*copy)->close();
            return s.error().code == ErrorCode::VerifyFault
                       ? Error{ErrorCode::VerifyFault,
                               tr("The backup %1 does not check out: %2").arg(destination, s.error().message)}
                       : output.failure(s.error().message);
        }
        (*copy)->close();
        return output.commit(false);
    }
    {
        QSqlQuery q(db.sql());
        q.prepare(QStringLiteral("VACUUM INTO ?"));
        q.addBindValue(output.tempPath());
        if (!q.exec())
            return output.failure(q.lastError().text());
    }
    auto copy = Database::open(output.tempPath(), Database::OpenMode::Existing);
    if (!copy)
        return Error{ErrorCode::VerifyFault,
                     tr("The backup %1 does not check out: %2").arg(destination, copy.error().message)};
    const QString check = (*copy)->scalar(QStringLiteral("PRAGMA integrity_check")).toString();
    (*copy)->close();
    if (check != QLatin1String("ok"))
        return Error{ErrorCode::VerifyFault,
                     tr("The backup %1 does not check out: %2").arg(destination, check)};
    return output.commit(false);
}

} // namespace rectrack::core
