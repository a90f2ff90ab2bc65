#include "registerfilterproxy.h"

#include "registermodel.h"

#include <QDate>
#include <QLocale>

namespace rectrack::ui {

RegisterFilterProxy::RegisterFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent), m_collator(QLocale(QLocale::Chinese, QLocale::China))
{
    setSortRole(RegisterModel::SortRole);
    m_collator.setNumericMode(true);
}

void RegisterFilterProxy::setText(const QString &text)
{
    if (text.trimmed() == m_text)
        return;
    m_text = text.trimmed();
    invalidateFilter();
}

void RegisterFilterProxy::setFlaggedOnly(bool on)
{
    if (on == m_flaggedOnly)
        return;
    m_flaggedOnly = on;
    invalidateFilter();
}

void RegisterFilterProxy::setKind(int kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    invalidateFilter();
}

bool RegisterFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *m = sourceModel();
    const QModelIndex first = m->index(sourceRow, 0, sourceParent);
    if (m_flaggedOnly && !first.data(RegisterModel::FlaggedRole).toBool())
        return false;
    if (m_kind >= 0 && first.data(RegisterModel::KindRole).toInt() != m_kind)
        return false;
    if (m_text.isEmpty())
        return true;
    for (int c = 0; c < m->columnCount(sourceParent); ++c) {
        if (m->index(sourceRow, c, sourceParent).data().toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool RegisterFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data(sortRole());
    const QVariant r = right.data(sortRole());
    if (l.typeId() == QMetaType::QString || r.typeId() == QMetaType::QString)
        return m_collator.compare(l.toString(), r.toString()) < 0;
    if (l.typeId() == QMetaType::QDate || r.typeId() == QMetaType::QDate) {
        // Undated rows sort first.
        const QDate a = l.toDate(), b = r.toDate();
        return a.isValid() != b.isValid() ? !a.isValid() : a < b;
    }
    return QVariant::compare(l, r) == QPartialOrdering::Less;
}

} // namespace rectrack::ui
