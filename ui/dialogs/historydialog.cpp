#include "historydialog.h"

#include "help/manualbrowser.h"
#include "workflow/problemservice.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rectrack::ui {

HistoryDialog::HistoryDialog(core::Database &db, qint64 problemId, QWidget *parent) : QDialog(parent)
{
    const auto problem = core::ProblemService(db).problem(problemId);
    const QString name = problem ? (problem->registrationNo.isEmpty() ? problem->description.left(40)
                                                                      : problem->registrationNo)
                                 : QString::number(problemId);
    setWindowTitle(tr("History of %1").arg(name));
    installContextHelp(this, QStringLiteral("as-of")); // F1: the manual's page
    auto *layout = new QVBoxLayout(this);
    if (problem) {
        auto *title = new QLabel(problem->description, this);
        title->setWordWrap(true);
        title->setStyleSheet(QStringLiteral("font-weight: bold"));
        layout->addWidget(title);
    }
    const QList<core::HistoryLine> lines = core::AuditHistory::forProblem(db, problemId);
    m_table = new QTableWidget(int(lines.size()), 6, this);
    m_table->setHorizontalHeaderLabels(
        {tr("When"), tr("Who"), tr("Record"), tr("Field"), tr("Old value"), tr("New value")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    qint64 previousEntry = -1;
    for (int row = 0; row < lines.size(); ++row) {
        const core::HistoryLine &l = lines.at(row);
        // When, who and record are written once per audit entry, so that entries stand out.
        const bool first = l.entryId != previousEntry;
        previousEntry = l.entryId;
        const QStringList cells{first ? l.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                                      : QString(),
                                first ? l.actor : QString(),
                                first ? l.record : QString(),
                                l.fieldLabel,
                                l.oldValue,
                                l.newValue};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (c >= 4)
                item->setToolTip(cells.at(c));
            m_table->setItem(row, c, item);
        }
    }
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->resizeColumnsToContents();
    for (int c = 4; c < 6; ++c)
        m_table->setColumnWidth(c, qMin(m_table->columnWidth(c), 320));
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);
    if (lines.isEmpty())
        layout->addWidget(new QLabel(tr("No changes are recorded for this problem."), this));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(1100, 600);
}

} // namespace rectrack::ui
