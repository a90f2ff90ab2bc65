#pragma once

#include <QString>

namespace rectrack {

/**
 * Installs the translators of @p language on the running QCoreApplication: every embedded
 * :/i18n/<area>_<language>.qm (core, io, ui, cli) and Qt's own qtbase translation. Chinese ("zh_CN")
 * is the default of the app and the CLI; "en" installs nothing (the sources are English).
 * Returns false when a language other than en has no translation.
 */
bool installTranslations(const QString &language);

/// The language chosen by `--lang` on @p args (also `--lang=xx`), else @p fallback.
QString languageFromArguments(const QStringList &args, const QString &fallback = QStringLiteral("zh_CN"));

} // namespace rectrack
