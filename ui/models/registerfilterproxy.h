#pragma once

#include <QCollator>
#include <QSortFilterProxyModel>

namespace rectrack::ui {

/**
 * Sorting and filtering of a RegisterModel for its view: a text filter over every column
 * (case-insensitive substring), an "only flagged" switch (overdue clues, units still to cover;
 * RegisterModel::FlaggedRole) and a kind (RegisterModel::KindRole, -1 = all). Columns sort by
 * RegisterModel::SortRole: dates and numbers by value, texts in Chinese (pinyin) order.
 */
class RegisterFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit RegisterFilterProxy(QObject *parent = nullptr);

    void setText(const QString &text);
    void setFlaggedOnly(bool on);
    /// Keeps rows of kind @p kind only (-1 = every kind).
    void setKind(int kind);

    QString text() const { return m_text; }
    bool flaggedOnly() const { return m_flaggedOnly; }
    int kind() const { return m_kind; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_text;
    bool m_flaggedOnly = false;
    int m_kind = -1;
    QCollator m_collator;
};

} // namespace rectrack::ui
