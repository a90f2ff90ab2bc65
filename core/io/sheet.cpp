#include "sheet.h"

namespace rectrack::core {

const Cell &Sheet::cell(int row, int column) const
{
    static const Cell empty;
    if (row < 0 || row >= rows.size() || column < 0)
        return empty;
    const QList<Cell> &cells = rows[row].cells;
    return column < cells.size() ? cells[column] : empty;
}

int Sheet::columnCount() const
{
    qsizetype n = 0;
    for (const SheetRow &r : rows)
        n = std::max(n, r.cells.size());
    for (const CellRange &m : merges)
        n = std::max<qsizetype>(n, m.right + 1);
    return int(n);
}

const CellRange *Sheet::mergeAt(int row, int column) const
{
    for (const CellRange &m : merges) {
        if (m.contains(row, column))
            return &m;
    }
    return nullptr;
}

QString columnLetters(int column)
{
    QString s;
    int n = column + 1;
    while (n > 0) {
        const int rem = (n - 1) % 26;
        s.prepend(QChar(u'A' + rem));
        n = (n - 1) / 26;
    }
    return s;
}

} // namespace rectrack::core
