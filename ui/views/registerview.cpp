#include "registerview.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace rectrack::ui {

RegisterView::RegisterView(QWidget *parent) : QWidget(parent)
{
    for (Register reg : RegisterModel::all())
        m_models << new RegisterModel(reg, this);
    m_title = new QLabel(this);
    QFont f = m_title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.15);
    m_title->setFont(f);
    m_title->setContentsMargins(8, 6, 8, 6);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("registerTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_title);
    layout->addWidget(m_table, 1);
    showRegister(Register::Clues);
}

void RegisterView::setDatabase(core::Database *db, const QDate &asOf)
{
    for (RegisterModel *m : m_models)
        m->load(db, asOf);
    showRegister(m_current);
}

void RegisterView::showRegister(Register reg)
{
    m_current = reg;
    RegisterModel *m = model(reg);
    if (m_table->model() != m)
        m_table->setModel(m);
    // Fit the columns to their contents, within reason; long texts keep their tooltip.
    QHeaderView *h = m_table->horizontalHeader();
    for (int c = 0; c < m->columnCount(); ++c) {
        m_table->resizeColumnToContents(c);
        h->resizeSection(c, std::min(h->sectionSize(c), 360));
    }
    updateTitle();
}

QString RegisterView::titleText() const
{
    return m_title->text();
}

void RegisterView::updateTitle()
{
    RegisterModel *m = model(m_current);
    m_title->setText(tr("%1 · %n row(s)", nullptr, m->rowCount()).arg(RegisterModel::title(m_current)));
}

} // namespace rectrack::ui
