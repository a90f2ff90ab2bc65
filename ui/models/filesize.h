#pragma once

#include <QString>

namespace rectrack::ui {

/**
 * A file size as every screen shows it (evidence in the detail pane and the editor, backups):
 * in KB (1 KB = 1,024 bytes), one decimal below 100 KB (0.4 KB, 12.5 KB), whole kilobytes with
 * digit grouping above (2,048 KB), so that sizes in one list compare at a glance.
 */
QString fileSizeText(qint64 bytes);

} // namespace rectrack::ui
