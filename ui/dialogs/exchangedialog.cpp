#include "exchangedialog.h"

#include "commands/unitduplicatecommand.h"
#include "exchange/sites.h"
#include "models/labels.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace rectrack::ui {

namespace {

QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *t = new QTableWidget(parent);
    t->setColumnCount(int(headers.size()));
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->horizontalHeader()->setStretchLastSection(true);
    t->setWordWrap(true);
    return t;
}

void setRow(QTableWidget *t, int r, const QStringList &values, qint64 id = 0)
{
    for (int c = 0; c < values.size(); ++c) {
        auto *item = new QTableWidgetItem(values.at(c));
        item->setData(Qt::UserRole, id);
        item->setToolTip(values.at(c));
        t->setItem(r, c, item);
    }
}

} // namespace

ExchangeDialog::ExchangeDialog(core::Database &db, QWidget *parent)
    : QDialog(parent), m_db(db), m_site(new QLabel(this)), m_tabs(new QTabWidget(this)),
      m_partners(makeTable({tr("Partner"), tr("Key fingerprint"), tr("Last sent"), tr("Acknowledged"),
                            tr("Not acknowledged"), tr("Last received")},
                           this)),
      m_packages(makeTable(
          {tr("Direction"), tr("Partner"), tr("Sequence"), tr("Created (UTC)"), tr("File"), tr("SHA-256")},
          this)),
      m_conflicts(makeTable({tr("No."), tr("Record"), tr("Field"), tr("This register"), tr("Package"),
                             tr("Other site"), tr("Recorded (UTC)"), tr("What happened")},
                            this)),
      m_count(new QLabel(this)), m_message(new QLabel(this)),
      m_keep(new QPushButton(tr("&Keep this register's"), this)),
      m_accept(new QPushButton(tr("&Accept the partner's"), this)),
      m_edit(new QPushButton(tr("&Edit value…"), this)),
      m_duplicates(makeTable({tr("No."), tr("Unit here"), tr("Its office"), tr("Unit of the same name"),
                              tr("Other site"), tr("Found (UTC)"), tr("Decision")},
                             this)),
      m_duplicateCount(new QLabel(this)), m_merge(new QPushButton(tr("&Merge"), this)),
      m_keepApart(new QPushButton(tr("Keep a&part"), this))
{
    setWindowTitle(tr("Exchange"));
    auto *layout = new QVBoxLayout(this);
    m_site->setWordWrap(true);
    m_site->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_site);
    m_tabs->addTab(m_partners, tr("Partners"));
    m_tabs->addTab(m_packages, tr("Packages sent and received"));
    auto *conflictsPage = new QWidget(this);
    auto *conflictsLayout = new QVBoxLayout(conflictsPage);
    conflictsLayout->addWidget(m_count);
    conflictsLayout->addWidget(m_conflicts, 1);
    auto *decide = new QHBoxLayout;
    decide->addWidget(m_keep);
    decide->addWidget(m_accept);
    decide->addWidget(m_edit);
    decide->addStretch(1);
    conflictsLayout->addLayout(decide);
    m_message->setWordWrap(true);
    conflictsLayout->addWidget(m_message);
    m_tabs->addTab(conflictsPage, tr("Conflicts to decide"));
    auto *duplicatesPage = new QWidget(this);
    auto *duplicatesLayout = new QVBoxLayout(duplicatesPage);
    m_duplicateCount->setWordWrap(true);
    duplicatesLayout->addWidget(m_duplicateCount);
    duplicatesLayout->addWidget(m_duplicates, 1);
    auto *decideDuplicates = new QHBoxLayout;
    decideDuplicates->addWidget(m_merge);
    decideDuplicates->addWidget(m_keepApart);
    decideDuplicates->addStretch(1);
    duplicatesLayout->addLayout(decideDuplicates);
    m_tabs->addTab(duplicatesPage, tr("Possible duplicate units"));
    layout->addWidget(m_tabs, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_keep, &QPushButton::clicked, this,
            [this] { decideSelected(core::exchange::Conflicts::Decision::Keep); });
    connect(m_accept, &QPushButton::clicked, this,
            [this] { decideSelected(core::exchange::Conflicts::Decision::Accept); });
    connect(m_edit, &QPushButton::clicked, this, &ExchangeDialog::editSelected);
    connect(m_conflicts, &QTableWidget::itemSelectionChanged, this, &ExchangeDialog::updateButtons);
    connect(m_merge, &QPushButton::clicked, this,
            [this] { decideDuplicate(core::exchange::UnitDuplicates::Decision::Merge); });
    connect(m_keepApart, &QPushButton::clicked, this,
            [this] { decideDuplicate(core::exchange::UnitDuplicates::Decision::KeepApart); });
    connect(m_duplicates, &QTableWidget::itemSelectionChanged, this, &ExchangeDialog::updateButtons);
    m_duplicates->setColumnWidth(0, 50);
    m_duplicates->setColumnWidth(1, 200);
    m_duplicates->setColumnWidth(2, 150);
    m_duplicates->setColumnWidth(3, 200);
    m_duplicates->setColumnWidth(4, 150);
    m_duplicates->setColumnWidth(5, 170);
    m_confirm = [this](const QString &text) {
        return QMessageBox::question(this, tr("Merge units"), text) == QMessageBox::Yes;
    };
    m_conflicts->setColumnWidth(0, 50);
    m_conflicts->setColumnWidth(1, 200);
    m_conflicts->setColumnWidth(2, 100);
    m_conflicts->setColumnWidth(3, 160);
    m_conflicts->setColumnWidth(4, 160);
    m_conflicts->setColumnWidth(5, 120);
    m_conflicts->setColumnWidth(6, 150);
    m_partners->setColumnWidth(0, 160);
    m_partners->setColumnWidth(1, 360);
    m_packages->setColumnWidth(1, 150);
    m_packages->setColumnWidth(3, 170);
    m_packages->setColumnWidth(4, 330);
    reload();
    resize(1180, 620);
}

ExchangeDialog::~ExchangeDialog()
{
    m_conflicts->disconnect(this);
    m_duplicates->disconnect(this);
}

void ExchangeDialog::reload()
{
    auto me = core::exchange::Sites::self(m_db);
    m_site->setText(me ? tr("This site: %1 (site %2). Fingerprint of its signing key: %3")
                             .arg(me->office, me->siteUuid, me->fingerprint)
                       : me.error().message);
    m_partners->setRowCount(0);
    if (auto partners = core::exchange::Sites::partners(m_db)) {
        m_partners->setRowCount(int(partners->size()));
        for (int r = 0; r < partners->size(); ++r) {
            const core::exchange::Site &p = partners->at(r);
            setRow(m_partners, r,
                   {p.office, p.fingerprint.isEmpty() ? tr("(no package received yet)") : p.fingerprint,
                    QString::number(p.lastSentSeq), QString::number(p.ackedSeq),
                    QString::number(std::max<qint64>(0, p.lastSentSeq - p.ackedSeq)),
                    QString::number(p.lastReceivedSeq)});
        }
    }
    m_packages->setRowCount(0);
    if (auto packages = core::exchange::Sites::packages(m_db)) {
        m_packages->setRowCount(int(packages->size()));
        for (int r = 0; r < packages->size(); ++r) {
            const core::exchange::PackageRecord &p = packages->at(r);
            setRow(m_packages, r,
                   {p.sent ? tr("sent to") : tr("received from"), p.partnerOffice, QString::number(p.seq),
                    Labels::localTime(p.created), p.fileName, p.sha256});
        }
    }
    fillConflicts();
    fillDuplicates();
}

void ExchangeDialog::fillDuplicates()
{
    m_duplicates->setRowCount(0);
    auto list = core::exchange::UnitDuplicates::list(m_db, true);
    m_duplicateList = list ? *list : QList<core::exchange::UnitDuplicate>{};
    qint64 open = 0;
    for (const core::exchange::UnitDuplicate &d : std::as_const(m_duplicateList))
        open += d.open() ? 1 : 0;
    m_duplicateCount->setText(
        !list ? list.error().message
        : open == 0
            ? tr("No open possible duplicate units.")
            : tr("%1 open possible duplicate units: a unit of another site has the name of a unit here. "
                 "Nothing is merged until a person decides.")
                  .arg(open));
    m_tabs->setTabText(DuplicatesTab, open == 0 ? tr("Possible duplicate units")
                                                : tr("Possible duplicate units (%1)").arg(open));
    m_duplicates->setRowCount(int(m_duplicateList.size()));
    for (int r = 0; r < m_duplicateList.size(); ++r) {
        const core::exchange::UnitDuplicate &d = m_duplicateList.at(r);
        setRow(m_duplicates, r,
               {QString::number(d.id), d.unitName, d.unitOffice, d.otherUnitName, d.otherOffice,
                Labels::localTime(d.foundAt), core::exchange::UnitDuplicates::decisionText(d.decision)},
               d.id);
    }
    m_duplicates->resizeRowsToContents();
    updateButtons();
}

qint64 ExchangeDialog::selectedDuplicate() const
{
    const QList<QTableWidgetItem *> items = m_duplicates->selectedItems();
    return items.isEmpty() ? 0 : items.first()->data(Qt::UserRole).toLongLong();
}

void ExchangeDialog::setUndoStack(QUndoStack *stack, std::function<core::Database *()> database,
                                  std::function<void()> changed)
{
    m_undoStack = stack;
    m_database = std::move(database);
    m_changed = std::move(changed);
}

bool ExchangeDialog::decideDuplicate(core::exchange::UnitDuplicates::Decision decision)
{
    const qint64 id = selectedDuplicate();
    const core::exchange::UnitDuplicate *d = nullptr;
    for (const core::exchange::UnitDuplicate &one : std::as_const(m_duplicateList))
        if (one.id == id)
            d = &one;
    if (!d || !d->open())
        return false;
    using core::exchange::UnitDuplicates;
    if (decision == UnitDuplicates::Decision::Merge &&
        !m_confirm(tr("Merge %1 of %2 into %3 of %4? The two then count as one unit in the statistics; the "
                      "rows of %2 stay as it sent them. The merge can be undone (Edit → Undo).")
                       .arg(d->otherUnitName, d->otherOffice, d->unitName, d->unitOffice)))
        return false;
    const core::Status s = UnitDuplicates::decide(m_db, id, decision);
    if (!s) {
        m_message->setStyleSheet(QStringLiteral("color: #b3261e"));
        m_message->setText(s.error().message);
        m_duplicateCount->setText(s.error().message);
        return false;
    }
    if (m_undoStack)
        m_undoStack->push(new UnitDuplicateCommand(
            m_database ? m_database : std::function<core::Database *()>([this] { return &m_db; }),
            m_db.path(), id, decision, m_changed ? m_changed : std::function<void()>([] {}),
            [this](const QString &message) {
                QMessageBox::warning(this, tr("Possible duplicate units"), message);
            }));
    fillDuplicates();
    Q_EMIT registerChanged();
    return true;
}

void ExchangeDialog::fillConflicts()
{
    m_conflicts->setRowCount(0);
    m_open.clear();
    auto list = core::exchange::Conflicts::list(m_db);
    if (!list) {
        m_count->setText(list.error().message);
        updateButtons();
        return;
    }
    m_open = *list;
    m_count->setText(m_open.isEmpty()
                         ? tr("No open conflicts.")
                         : tr("%1 open conflicts: nothing about them is decided until a person "
                              "decides here; each decision is recorded in the audit log and goes "
                              "back to the partner with the next package.")
                               .arg(m_open.size()));
    m_tabs->setTabText(ConflictsTab, m_open.isEmpty() ? tr("Conflicts to decide")
                                                      : tr("Conflicts to decide (%1)").arg(m_open.size()));
    for (const core::exchange::Conflict &c : std::as_const(m_open)) {
        const QString record = c.record;
        if (c.fields.isEmpty()) {
            const int r = m_conflicts->rowCount();
            m_conflicts->insertRow(r);
            setRow(m_conflicts, r,
                   {QString::number(c.id), record, QString(), QString(), QString(), c.partnerOffice,
                    Labels::localTime(c.recordedAt), core::exchange::Conflicts::kindText(c.kind)},
                   c.id);
            continue;
        }
        bool first = true;
        for (const core::exchange::ConflictField &f : c.fields) {
            const int r = m_conflicts->rowCount();
            m_conflicts->insertRow(r);
            setRow(m_conflicts, r,
                   {first ? QString::number(c.id) : QString(), first ? record : QString(), f.field, f.ours,
                    f.theirs, first ? c.partnerOffice : QString(),
                    first ? Labels::localTime(c.recordedAt) : QString(),
                    first ? core::exchange::Conflicts::kindText(c.kind) : QString()},
                   c.id);
            first = false;
        }
    }
    m_conflicts->resizeRowsToContents();
    updateButtons();
}

qint64 ExchangeDialog::selectedConflict() const
{
    const QList<QTableWidgetItem *> items = m_conflicts->selectedItems();
    return items.isEmpty() ? 0 : items.first()->data(Qt::UserRole).toLongLong();
}

void ExchangeDialog::updateButtons()
{
    const qint64 id = selectedConflict();
    bool owned = false;
    for (const core::exchange::Conflict &c : std::as_const(m_open))
        if (c.id == id)
            owned = c.kind == QLatin1String("owned_here");
    m_keep->setEnabled(id > 0);
    m_accept->setEnabled(id > 0 && owned);
    m_edit->setEnabled(id > 0 && owned);
    const qint64 duplicate = selectedDuplicate();
    bool openDuplicate = false;
    for (const core::exchange::UnitDuplicate &d : std::as_const(m_duplicateList))
        if (d.id == duplicate)
            openDuplicate = d.open();
    m_merge->setEnabled(openDuplicate);
    m_keepApart->setEnabled(openDuplicate);
}

bool ExchangeDialog::decideSelected(core::exchange::Conflicts::Decision decision, const QString &field,
                                    const QString &value)
{
    const qint64 id = selectedConflict();
    if (id <= 0)
        return false;
    const core::Status s = core::exchange::Conflicts::resolve(m_db, id, decision, field, value);
    if (!s) {
        m_message->setStyleSheet(QStringLiteral("color: #b3261e"));
        m_message->setText(s.error().message);
        return false;
    }
    m_message->setStyleSheet(QString());
    m_message->setText(tr("Conflict %1 decided; the decision goes back with the next package.").arg(id));
    fillConflicts();
    if (decision != core::exchange::Conflicts::Decision::Keep)
        Q_EMIT registerChanged();
    return true;
}

void ExchangeDialog::editSelected()
{
    const qint64 id = selectedConflict();
    const QList<QTableWidgetItem *> items = m_conflicts->selectedItems();
    if (id <= 0 || items.size() < 5)
        return;
    const int row = items.first()->row();
    const QString field = m_conflicts->item(row, 2)->text();
    bool ok = false;
    const QString value = QInputDialog::getText(this, tr("Edit value"), tr("New value of %1:").arg(field),
                                                QLineEdit::Normal, m_conflicts->item(row, 3)->text(), &ok);
    if (ok)
        decideSelected(core::exchange::Conflicts::Decision::Edit, field, value);
}

} // namespace rectrack::ui
