#include "mainwindow.h"

#include "stats/statistics.h"

#include <QLabel>
#include <QMessageBox>
#include <QStatusBar>

namespace rectrack::ui {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Rectrack - inspection rectification register"));
    resize(1280, 800);
}

MainWindow::~MainWindow() = default;

bool MainWindow::openRegister(const QString &path)
{
    auto db = core::Database::open(path, core::Database::OpenMode::Existing);
    if (!db) {
        QMessageBox::critical(this, tr("Cannot open the register"), db.error().message);
        return false;
    }
    m_db = std::move(db).value();
    auto stats = core::Statistics::compute(*m_db, m_db->defaultAsOf());
    if (stats) {
        const core::Counts &c = stats->total;
        statusBar()->showMessage(tr("Problems %1 · done %2 · completion rate %3 · overdue %4")
                                     .arg(c.problems)
                                     .arg(c.done())
                                     .arg(core::Statistics::formatPercent(c.completionRate()))
                                     .arg(c.overdue));
    }
    return true;
}

} // namespace rectrack::ui
