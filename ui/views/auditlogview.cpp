#include "auditlogview.h"

#include "models/labels.h"

#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rectrack::ui {

namespace {

QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *t = new QTableWidget(parent);
    t->setColumnCount(int(headers.size()));
    t->setHorizontalHeaderLabels(headers);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

QString csvField(QString s)
{
    if (s.contains(u',') || s.contains(u'"') || s.contains(u'\n')) {
        s.replace(QLatin1String("\""), QLatin1String("\"\""));
        s = u'"' + s + u'"';
    }
    return s;
}

} // namespace

AuditLogView::AuditLogView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("auditLogView"));
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("Audit log and login history (the 2,000 newest entries of each)"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    layout->addWidget(title);
    auto *row = new QHBoxLayout;
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("auditFilter"));
    m_filter->setPlaceholderText(tr("Filter by login, action or table…"));
    m_filter->setClearButtonEnabled(true);
    row->addWidget(m_filter, 1);
    auto *exportButton = new QPushButton(tr("Export CSV…"), this);
    row->addWidget(exportButton);
    layout->addLayout(row);
    m_tabs = new QTabWidget(this);
    m_audit = makeTable({tr("Time"), tr("Login"), tr("Action"), tr("Table"), tr("Row")}, this);
    m_audit->setObjectName(QStringLiteral("auditTable"));
    m_logins = makeTable({tr("Time"), tr("Login"), tr("Address"), tr("Program")}, this);
    m_logins->setObjectName(QStringLiteral("loginHistoryTable"));
    m_tabs->addTab(m_audit, tr("Audit log"));
    m_tabs->addTab(m_logins, tr("Login history"));
    layout->addWidget(m_tabs, 1);
    connect(m_filter, &QLineEdit::textChanged, this, &AuditLogView::applyFilter);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Export CSV"), QString(), tr("CSV (*.csv)"));
        if (path.isEmpty())
            return;
        QString error;
        if (!exportCsv(path, &error))
            QMessageBox::warning(this, tr("Export CSV"), error);
    });
}

void AuditLogView::setDatabase(core::Database *db)
{
    m_db = db;
    reload();
}

void AuditLogView::reload()
{
    m_audit->setRowCount(0);
    m_logins->setRowCount(0);
    if (!m_db)
        return;
    auto fill = [this](QTableWidget *t, const QString &sql, int timeColumn) {
        if (!m_db->mayRead(t == m_audit ? QStringLiteral("audit_log") : QStringLiteral("login_history")))
            return;
        QList<QStringList> rows;
        const core::Status s = m_db->forEachRow(sql, {}, [&](const core::SqlRow &r) {
            QStringList cells;
            for (int c = 0; c < t->columnCount(); ++c)
                cells << (c == timeColumn ? Labels::localTime(r.text(c)) : r.text(c));
            rows << cells;
        });
        if (!s) {
            t->setRowCount(1);
            t->setItem(0, 0, new QTableWidgetItem(s.error().message));
            return;
        }
        t->setRowCount(int(rows.size()));
        for (int r = 0; r < rows.size(); ++r)
            for (int c = 0; c < rows[r].size(); ++c)
                t->setItem(r, c, new QTableWidgetItem(rows[r][c]));
        t->resizeColumnsToContents();
    };
    fill(m_audit,
         QStringLiteral(
             "SELECT at, actor, action, entity, entity_id FROM audit_log ORDER BY id DESC LIMIT 2000"),
         0);
    fill(m_logins,
         QStringLiteral("SELECT at, login, address, client FROM login_history ORDER BY id DESC LIMIT 2000"),
         0);
    applyFilter();
}

void AuditLogView::applyFilter()
{
    const QString needle = m_filter->text().trimmed();
    for (QTableWidget *t : {m_audit, m_logins}) {
        for (int r = 0; r < t->rowCount(); ++r) {
            bool match = needle.isEmpty();
            for (int c = 1; c < t->columnCount() && !match; ++c)
                match = t->item(r, c) && t->item(r, c)->text().contains(needle, Qt::CaseInsensitive);
            t->setRowHidden(r, !match);
        }
    }
}

bool AuditLogView::exportCsv(const QString &path, QString *error) const
{
    const QTableWidget *t = m_tabs->currentIndex() == 0 ? m_audit : m_logins;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = tr("Cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    QStringList lines;
    QStringList header;
    for (int c = 0; c < t->columnCount(); ++c)
        header << csvField(t->horizontalHeaderItem(c)->text());
    lines << header.join(u',');
    for (int r = 0; r < t->rowCount(); ++r) {
        if (t->isRowHidden(r))
            continue;
        QStringList cells;
        for (int c = 0; c < t->columnCount(); ++c)
            cells << csvField(t->item(r, c) ? t->item(r, c)->text() : QString());
        lines << cells.join(u',');
    }
    const QByteArray bytes =
        "\xEF\xBB\xBF" + (lines.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n")).toUtf8();
    if (f.write(bytes) != bytes.size() || !f.flush()) {
        *error = tr("Cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

} // namespace rectrack::ui
