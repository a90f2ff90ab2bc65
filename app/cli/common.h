#pragma once

#include "exchange/sitescope.h"

#include "command.h"

#include "storage/database.h"

#include <QDate>

#include <memory>
#include <optional>

namespace rectrack::cli {

/// How a command uses the register it opens.
enum class Access
{
    Read, ///< reads only
    Write ///< writes: refused on a read-only register; warns when the clock is behind the log
};

/**
 * Opens an existing register for a command; on failure prints the reason and sets @p exitCode (4).
 * Warnings about where the file lives (network drive, FAT32 near 4 GB) go to stderr. With
 * Access::Write, a read-only register is refused (exit 2, nothing changed) and a system clock
 * earlier than the newest audit entry gives a warning on stderr (the exit code is not affected).
 */
std::unique_ptr<core::Database> openRegister(Context &ctx, const QString &path, int &exitCode,
                                             Access access = Access::Read);

/// A date written exactly YYYY-MM-DD (no time, no trailing text) and valid; else an invalid QDate.
QDate parseIsoDate(const QString &text);

/// Parses --as-of (YYYY-MM-DD, parseIsoDate); empty gives the register's default as-of date.
std::optional<QDate> parseAsOf(Context &ctx, const QString &text, const core::Database &db);

/// Up to @p count of @p names closest to @p name: names containing it (or contained in it) first,
/// then by edit distance (characters).
QStringList closestNames(const QString &name, const QStringList &names, int count);

/// ExitOk when @p unit is empty or a unit of the register; else prints "no unit named …" with the
/// closest unit names and returns 2 (as export does).
int checkUnitName(Context &ctx, core::Database &db, const QString &unit);

/// `--site NAME` (issue #26): when @p name is not empty, the exchange site of that office name or
/// UUID into @p scope (core::exchange::SiteScopes::find); ExitOk, or 2 with the message naming the
/// sites there are.
int siteOption(Context &ctx, core::Database &db, const QString &name,
               std::optional<core::exchange::SiteScope> &scope);

} // namespace rectrack::cli
