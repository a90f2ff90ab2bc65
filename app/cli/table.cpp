#include "table.h"

#include "io/csvtext.h"

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

QString terminalText(const QString &text, bool keepNewlines)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool control = u < 0x20 || u == 0x7F || (u >= 0x80 && u <= 0x9F);
        // Bidirectional embeddings, overrides, isolates and marks: shown, never obeyed.
        const bool bidi = (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069) || u == 0x200E ||
                          u == 0x200F || u == 0x061C;
        if (keepNewlines && (u == u'\n' || u == u'\t')) {
            out += c;
        } else if (u == u'\n') {
            out += QStringLiteral("\\n");
        } else if (u == u'\r') {
            out += QStringLiteral("\\r");
        } else if (u == u'\t') {
            out += QStringLiteral("\\t");
        } else if (control) {
            out += QStringLiteral("\\x%1").arg(int(u), 2, 16, QLatin1Char('0'));
        } else if (bidi) {
            out += QStringLiteral("\\u%1").arg(int(u), 4, 16, QLatin1Char('0'));
        } else {
            out += c;
        }
    }
    return out;
}

void printTable(QTextStream &out, const QList<QStringList> &raw)
{
    if (raw.isEmpty())
        return;
    QList<QStringList> rows;
    for (const QStringList &r : raw) {
        QStringList cells;
        for (const QString &c : r)
            cells << terminalText(c);
        rows << cells;
    }
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
        for (const QString &c : r)
            cells << core::CsvText::field(c);
        out << cells.join(u',') << "\r\n";
    }
}

} // namespace rectrack::cli
