#include "registerchoices.h"

#include <QComboBox>
#include <QDateEdit>

namespace rectrack::ui::RegisterEditing {

QDateEdit *dateEdit(const QDate &date, const QString &name, QWidget *parent)
{
    auto *e = new QDateEdit(date.isValid() ? date : QDate::currentDate(), parent);
    e->setObjectName(name);
    e->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    e->setCalendarPopup(true);
    return e;
}

void selectId(QComboBox *combo, qint64 id)
{
    const int i = combo->findData(id);
    combo->setCurrentIndex(i >= 0 ? i : 0);
}

qint64 currentId(const QComboBox *combo)
{
    return combo->currentData().toLongLong();
}

QString problemLabel(const core::ProblemChoice &p)
{
    QString text = p.description.simplified();
    if (text.size() > 40)
        text = text.left(40) + QChar(0x2026);
    return QStringLiteral("%1 · %2 · %3").arg(p.registrationNo, p.unit, text);
}

} // namespace rectrack::ui::RegisterEditing
