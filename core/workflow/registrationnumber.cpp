#include "registrationnumber.h"

#include <QRegularExpression>

#include <algorithm>

namespace rectrack::core {

namespace {

const QRegularExpression &seqToken()
{
    static const QRegularExpression re(QStringLiteral("\\{seq(?::0*(\\d+))?\\}"));
    return re;
}

QString fillFixed(QString pattern, const RegistrationNumber::Fields &f)
{
    pattern.replace(QLatin1String("{round}"), f.round);
    pattern.replace(QLatin1String("{unit}"), f.unit);
    pattern.replace(QLatin1String("{yyyy}"),
                    f.feedbackDate.isValid() ? QString::number(f.feedbackDate.year()) : QString());
    return pattern;
}

} // namespace

QString RegistrationNumber::format(const QString &pattern, const Fields &fields, int seq)
{
    QString out = fillFixed(pattern, fields);
    QString result;
    qsizetype last = 0;
    auto it = seqToken().globalMatch(out);
    while (it.hasNext()) {
        const auto m = it.next();
        result += out.mid(last, m.capturedStart() - last);
        const int width = m.captured(1).isEmpty() ? 0 : std::min(m.captured(1).toInt(), 12);
        result += QStringLiteral("%1").arg(seq, width, 10, QLatin1Char('0'));
        last = m.capturedEnd();
    }
    result += out.mid(last);
    return result;
}

int RegistrationNumber::seqOf(const QString &pattern, const Fields &fields, const QString &registrationNo)
{
    const QString filled = fillFixed(pattern, fields);
    QString re = QStringLiteral("^");
    qsizetype last = 0;
    auto it = seqToken().globalMatch(filled);
    int groups = 0;
    while (it.hasNext()) {
        const auto m = it.next();
        re += QRegularExpression::escape(filled.mid(last, m.capturedStart() - last));
        re += groups++ == 0 ? QStringLiteral("(\\d+)") : QStringLiteral("\\d+");
        last = m.capturedEnd();
    }
    if (groups == 0)
        return 0;
    re += QRegularExpression::escape(filled.mid(last)) + QLatin1Char('$');
    const auto m = QRegularExpression(re).match(registrationNo);
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

int RegistrationNumber::nextSeq(Database &db, const QString &pattern, const Fields &fields)
{
    // The fixed text before {seq} narrows the scan to numbers that can match.
    const QString filled = fillFixed(pattern, fields);
    const qsizetype at = filled.indexOf(seqToken());
    const QString prefix = at < 0 ? filled : filled.left(at);
    int highest = 0;
    // A proposal for a form, no error to return: a damaged page is recorded by the database
    // (Database::damageSeen()), and the number is checked again when the problem is saved.
    (void)db.forEachRow(
        QStringLiteral("SELECT registration_no FROM problems WHERE substr(registration_no, 1, ?) = ?"),
        {prefix.size(), prefix},
        [&](const SqlRow &q) { highest = std::max(highest, seqOf(pattern, fields, q.text(0))); });
    return highest + 1;
}

} // namespace rectrack::core
