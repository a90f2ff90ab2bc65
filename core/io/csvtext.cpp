#include "csvtext.h"

#include <QRegularExpression>

namespace rectrack::core::CsvText {

namespace {

bool formulaLead(QChar ch)
{
    return ch == u'=' || ch == u'+' || ch == u'-' || ch == u'@' || ch == u'\t' || ch == u'\r';
}

} // namespace

bool startsFormula(const QString &cell)
{
    if (cell.isEmpty() || !formulaLead(cell.front()))
        return false;
    static const QRegularExpression number(QStringLiteral("^[+-]?[0-9]+(\\.[0-9]+)?%?$"));
    return !number.match(cell).hasMatch();
}

QString neutralised(const QString &cell)
{
    return startsFormula(cell) ? u'\'' + cell : cell;
}

QString restored(const QString &cell)
{
    if (cell.size() >= 2 && cell.front() == u'\'' && formulaLead(cell.at(1)))
        return cell.mid(1);
    return cell;
}

QString field(const QString &cell)
{
    QString s = neutralised(cell);
    if (s.contains(u',') || s.contains(u'"') || s.contains(u'\n') || s.contains(u'\r')) {
        s.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        return u'"' + s + u'"';
    }
    return s;
}

} // namespace rectrack::core::CsvText
