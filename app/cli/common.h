#pragma once

#include "command.h"

#include "storage/database.h"

#include <QDate>

#include <memory>
#include <optional>

namespace rectrack::cli {

/// Opens an existing register for a command; on failure prints the reason and sets @p exitCode (4).
std::unique_ptr<core::Database> openRegister(Context &ctx, const QString &path, int &exitCode);

/// Parses --as-of (YYYY-MM-DD); empty gives the register's default as-of date.
std::optional<QDate> parseAsOf(Context &ctx, const QString &text, const core::Database &db);

} // namespace rectrack::cli
