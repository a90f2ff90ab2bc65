#include "importpackagedialog.h"

#include "exchange/sites.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rectrack::ui {

ImportPackageDialog::ImportPackageDialog(core::Database &db, QWidget *parent)
    : QDialog(parent), m_db(db), m_path(new QLineEdit(this)), m_sender(new QLabel(this)),
      m_marking(new QLabel(this)), m_fingerprintCaption(new QLabel(this)), m_fingerprint(new QLabel(this)),
      m_trust(new QCheckBox(this)), m_preview(new QTableWidget(this)), m_message(new QLabel(this)),
      m_import(new QPushButton(tr("&Import"), this))
{
    setWindowTitle(tr("Import exchange package"));
    auto *layout = new QVBoxLayout(this);
    auto *fileRow = new QHBoxLayout;
    m_path->setObjectName(QStringLiteral("packagePath"));
    m_path->setPlaceholderText(tr("A package file (.rtx) from the partner's office"));
    auto *browseButton = new QPushButton(tr("&Choose…"), this);
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(browseButton);
    layout->addLayout(fileRow);
    auto *form = new QFormLayout;
    form->addRow(tr("Sender:"), m_sender);
    form->addRow(tr("Security marking:"), m_marking);
    layout->addLayout(form);
    m_fingerprintCaption->setWordWrap(true);
    layout->addWidget(m_fingerprintCaption);
    // The fingerprint large and in a fixed-width font, to be read out digit by digit.
    QFont big = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    big.setPointSize(20);
    big.setBold(true);
    m_fingerprint->setFont(big);
    m_fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fingerprint->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_fingerprint);
    m_trust->setText(
        tr("I compared this fingerprint with the sending office (by phone or on paper) and it matches"));
    layout->addWidget(m_trust);
    m_preview->setColumnCount(6);
    m_preview->setHorizontalHeaderLabels(
        {tr("Unit"), tr("New"), tr("Updated"), tr("Deleted"), tr("Unchanged"), tr("Conflicts")});
    m_preview->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_preview->verticalHeader()->hide();
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_preview, 1);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_import, QDialogButtonBox::AcceptRole);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_import, &QPushButton::clicked, this, &ImportPackageDialog::importNow);
    connect(browseButton, &QPushButton::clicked, this, &ImportPackageDialog::browse);
    connect(m_path, &QLineEdit::editingFinished, this, [this] {
        if (m_path->text() != m_file)
            setPackage(m_path->text());
    });
    connect(m_trust, &QCheckBox::toggled, this, &ImportPackageDialog::updateButton);
    m_trust->hide();
    m_fingerprintCaption->hide();
    m_fingerprint->hide();
    updateButton();
    resize(760, 560);
}

void ImportPackageDialog::browse()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Import exchange package"), QFileInfo(m_file).absolutePath(),
                                     tr("Exchange packages (*.rtx)"));
    if (!path.isEmpty())
        setPackage(path);
}

void ImportPackageDialog::showError(const QString &message)
{
    m_message->setStyleSheet(QStringLiteral("color: #b3261e"));
    m_message->setText(message);
    m_applicable = false;
    updateButton();
}

void ImportPackageDialog::setPackage(const QString &path)
{
    m_file = path;
    m_path->setText(path);
    m_preview->setRowCount(0);
    m_sender->clear();
    m_marking->clear();
    m_trust->setChecked(false);
    m_trust->hide();
    m_fingerprintCaption->hide();
    m_fingerprint->hide();
    m_message->setStyleSheet(QString());
    m_message->clear();
    m_applicable = false;
    auto checked = core::exchange::Exchange::checkPackage(path);
    if (!checked) {
        showError(checked.error().message);
        return;
    }
    const QJsonObject sender = checked->manifest.value(QLatin1String("sender")).toObject();
    const QString office = sender.value(QLatin1String("office")).toString();
    m_sender->setText(
        tr("%1, package %2").arg(office).arg(checked->manifest.value(QLatin1String("seq")).toInteger()));
    const QString marking = checked->manifest.value(QLatin1String("marking")).toString();
    m_marking->setText(marking.isEmpty() ? tr("(none)") : marking);
    // A first package: the sender is not yet known here by this key.
    auto partner = core::exchange::Sites::findPartner(m_db, sender.value(QLatin1String("site")).toString());
    m_firstPackage = !partner || !*partner || (*partner)->publicKey.isEmpty();
    m_fingerprint->setText(checked->fingerprint);
    m_fingerprint->show();
    m_fingerprintCaption->show();
    m_fingerprintCaption->setText(
        m_firstPackage
            ? tr("This is the first package from %1. Before importing it, read this fingerprint of its "
                 "signing key out to that office (by phone or on a signed paper form); import only if "
                 "it matches theirs:")
                  .arg(office)
            : tr("Fingerprint of the key of %1 (known here; the package is signed by it):").arg(office));
    m_trust->setVisible(m_firstPackage);
    // The preview: everything the import would do, rolled back.
    auto dry = core::exchange::Exchange::importPackage(m_db, path, true, true);
    if (!dry) {
        showError(dry.error().message);
        return;
    }
    if (dry->outcome == core::exchange::ImportResult::Outcome::AlreadyCovered) {
        m_message->setText(
            tr("Package %1 from %2 is already covered (the last one applied from there is %3); "
               "importing it changes nothing.")
                .arg(dry->seq)
                .arg(dry->sender)
                .arg(dry->lastApplied));
        updateButton();
        return;
    }
    auto row = [this](const QString &name, const core::exchange::ImportCounts &c, bool bold) {
        const int r = m_preview->rowCount();
        m_preview->insertRow(r);
        const QList<qint64> values{c.added, c.updated, c.deleted, c.unchanged, c.conflicts};
        auto *nameItem = new QTableWidgetItem(name);
        m_preview->setItem(r, 0, nameItem);
        for (int i = 0; i < values.size(); ++i) {
            auto *item = new QTableWidgetItem(QString::number(values.at(i)));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_preview->setItem(r, i + 1, item);
        }
        if (bold)
            for (int i = 0; i < m_preview->columnCount(); ++i) {
                QFont f = m_preview->item(r, i)->font();
                f.setBold(true);
                m_preview->item(r, i)->setFont(f);
            }
    };
    for (auto it = dry->byUnit.cbegin(); it != dry->byUnit.cend(); ++it)
        row(it.key().isEmpty() ? tr("(reference data)") : it.key(), *it, false);
    row(tr("Total"), dry->total, true);
    QString text = tr("Preview: nothing has changed yet. Importing applies all of it in one step.");
    if (dry->total.conflicts > 0)
        text += u' ' + tr("%1 conflicting rows go to the conflict list (File → Exchange → Exchange status "
                          "and conflicts) for a "
                          "person to decide; rows of this register are never overwritten.")
                           .arg(dry->total.conflicts);
    if (dry->evidenceAwaited > 0)
        text += u' ' + tr("%1 evidence rows wait for their files (the package was made without them).")
                           .arg(dry->evidenceAwaited);
    m_message->setText(text);
    m_applicable = true;
    updateButton();
}

void ImportPackageDialog::updateButton()
{
    m_import->setEnabled(m_applicable && (!m_firstPackage || m_trust->isChecked()));
}

bool ImportPackageDialog::trusted() const
{
    return m_firstPackage && m_trust->isChecked();
}

void ImportPackageDialog::importNow()
{
    m_undo = {};
    auto r = core::exchange::Exchange::importPackage(m_db, m_file, false, trusted(), &m_undo);
    if (!r) {
        showError(r.error().message);
        return;
    }
    m_result = *r;
    accept();
}

} // namespace rectrack::ui
