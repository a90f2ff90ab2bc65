#include "table.h"

#include <QRegularExpression>

namespace rectrack::cli {

int displayWidth(const QString &text)
{
    int w = 0;
    for (const QChar c : text) {
        const ushort u = c.unicode();
        const bool wide = (u >= 0x1100 && u <= 0x115F) || (u >= 0x2E80 && u <= 0xA4CF) ||
                          (u >= 0xAC00 && u <= 0xD7A3) || (u >= 0xF900 && u <= 0xFAFF) ||
                          (u >= 0xFE30 && u <= 0xFE4F) || (u >= 0xFF00 && u <= 0xFF60) ||
                          (u >= 0xFFE0 && u <= 0xFFE6);
        w += wide ? 2 : 1;
    }
    return w;
}

void printTable(QTextStream &out, const QList<QStringList> &rows)
{
    if (rows.isEmpty())
        return;
    QList<int> widths;
    for (const QStringList &r : rows) {
        for (int i = 0; i < r.size(); ++i) {
            if (widths.size() <= i)
                widths << 0;
            widths[i] = std::max(widths[i], displayWidth(r[i]));
        }
    }
    static const QRegularExpression number(QStringLiteral("^-?[0-9.,]+%?$"));
    for (int ri = 0; ri < rows.size(); ++ri) {
        const QStringList &r = rows[ri];
        QString line;
        for (int i = 0; i < r.size(); ++i) {
            const QString pad(widths[i] - displayWidth(r[i]), u' ');
            const bool right = ri > 0 && number.match(r[i]).hasMatch();
            line += right ? pad + r[i] : r[i] + pad;
            if (i + 1 < r.size())
                line += QStringLiteral("  ");
        }
        while (line.endsWith(u' '))
            line.chop(1);
        out << line << '\n';
    }
}

void printCsv(QTextStream &out, const QList<QStringList> &rows)
{
    for (const QStringList &r : rows) {
        QStringList cells;
        for (QString c : r) {
            if (c.contains(u',') || c.contains(u'"') || c.contains(u'\n')) {
                c.replace(QStringLiteral("\""), QStringLiteral("\"\""));
                c = u'"' + c + u'"';
            }
            cells << c;
        }
        out << cells.join(u',') << "\r\n";
    }
}

} // namespace rectrack::cli
