#pragma once

#include "database.h"

#include <QCoreApplication>

namespace rectrack::core {

/// Copies of a register (DESIGN.md §4): `VACUUM INTO`, then the copy is opened and checked.
class Backup
{
    Q_DECLARE_TR_FUNCTIONS(Backup)
public:
    /**
     * Writes a consistent copy of @p db to @p destination (which must not exist) and verifies
     * it (opens as a register, PRAGMA integrity_check). Must run outside a transaction.
     * Errors: InputRefused when the destination exists or cannot be written; VerifyFault when
     * the copy does not check out (it is then removed).
     */
    static Status writeCopy(Database &db, const QString &destination);
};

} // namespace rectrack::core
