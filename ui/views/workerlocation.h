#pragma once

#include "storage/database.h"

#include <QString>

namespace rectrack::ui {

/**
 * Where a worker thread (status-bar figures, dashboard) opens its own connection to the register
 * @p db: the location it was opened from. For a server register opened with a password typed into
 * the app that is its URL with the password, which Database::path() leaves out; it is kept in
 * this process's memory only (never in the settings, the recent list or a title). Otherwise
 * Database::path().
 */
QString workerLocation(const core::Database &db);
/// Remembers that @p db was opened from @p location (MainWindow, when it shows a register).
void setWorkerLocation(const core::Database &db, const QString &location);
/// Forgets @p db's location (the register is closed).
void forgetWorkerLocation(const core::Database &db);

} // namespace rectrack::ui
