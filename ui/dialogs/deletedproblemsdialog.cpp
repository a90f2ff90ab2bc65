#include "deletedproblemsdialog.h"

#include "help/manualbrowser.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rectrack::ui {

DeletedProblemsDialog::DeletedProblemsDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("deletedProblemsDialog"));
    setWindowTitle(tr("Deleted problems"));
    installContextHelp(this, QStringLiteral("registration")); // F1: the manual's page
    auto *text = new QLabel(tr("Deleted problems are kept in the register with their history but left out of "
                               "the ledgers, statistics and reports. Restore one to bring it back."),
                            this);
    text->setWordWrap(true);
    m_table = new QTableWidget(0, 4, this);
    m_table->setObjectName(QStringLiteral("deletedProblems"));
    m_table->setHorizontalHeaderLabels({tr("No."), tr("Unit"), tr("Problem description"), tr("Deleted at")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    const int em = fontMetrics().horizontalAdvance(QChar(0x4E2D));
    m_table->setColumnWidth(0, 8 * em);
    m_table->setColumnWidth(1, 9 * em);
    m_table->setColumnWidth(3, 10 * em);
    m_restore = new QPushButton(tr("Restore"), this);
    m_restore->setObjectName(QStringLiteral("restoreProblem"));
    m_restore->setEnabled(false);
    connect(m_table, &QTableWidget::currentCellChanged, this,
            [this](int row) { m_restore->setEnabled(row >= 0 && row < m_rows.size()); });
    connect(m_restore, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row >= 0 && row < m_rows.size())
            Q_EMIT restoreRequested(m_rows[row].first.id);
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_restore, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(860, 420);
}

void DeletedProblemsDialog::setProblems(const QList<Row> &rows)
{
    m_rows = rows;
    m_table->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        const core::Problem &p = rows[r].first;
        const QStringList cells{p.registrationNo, rows[r].second, p.description,
                                p.deletedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            item->setToolTip(cells[c]);
            m_table->setItem(r, c, item);
        }
    }
    m_restore->setEnabled(false);
}

} // namespace rectrack::ui
