#include "filesize.h"

#include <QLocale>

namespace rectrack::ui {

QString fileSizeText(qint64 bytes)
{
    const double kb = double(std::max<qint64>(bytes, 0)) / 1024.0;
    QLocale c = QLocale::c(); // digits as the ledgers print them: 2,048 in every language
    c.setNumberOptions(QLocale::DefaultNumberOptions);
    if (kb < 100)
        return QStringLiteral("%1 KB").arg(c.toString(kb, 'f', 1));
    return QStringLiteral("%1 KB").arg(c.toString(qRound64(kb)));
}

} // namespace rectrack::ui
