#include "exportpackagedialog.h"

#include "exchange/sites.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace rectrack::ui {

namespace {

/// The optional registers with their labels, in the order --include lists them.
QList<std::pair<QString, const char *>> optionalRegisters()
{
    return {
        {QStringLiteral("clues"), QT_TRANSLATE_NOOP("rectrack::ui::ExportPackageDialog", "Problem clues")},
        {QStringLiteral("referrals"),
         QT_TRANSLATE_NOOP("rectrack::ui::ExportPackageDialog", "Referral sheets and reports")},
        {QStringLiteral("rules"),
         QT_TRANSLATE_NOOP("rectrack::ui::ExportPackageDialog", "Rules established")},
        {QStringLiteral("accountability"),
         QT_TRANSLATE_NOOP("rectrack::ui::ExportPackageDialog", "Accountability and funds recovered")},
        {QStringLiteral("evaluations"),
         QT_TRANSLATE_NOOP("rectrack::ui::ExportPackageDialog", "Rectification-effect evaluations")}};
}

} // namespace

ExportPackageDialog::ExportPackageDialog(core::Database &db, QWidget *parent)
    : QDialog(parent), m_db(db), m_partner(new QComboBox(this)), m_evidence(new QCheckBox(this)),
      m_marking(new QComboBox(this)), m_folder(new QLineEdit(this)), m_message(new QLabel(this)),
      m_export(new QPushButton(tr("&Write package"), this))
{
    setWindowTitle(tr("Write exchange package"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_partner->setEditable(true);
    m_partner->setObjectName(QStringLiteral("partner"));
    if (auto partners = core::exchange::Sites::partners(db))
        for (const core::exchange::Site &p : *partners)
            m_partner->addItem(p.office);
    m_partner->lineEdit()->setPlaceholderText(tr("e.g. 市委巡察办 (a first package may name the office)"));
    form->addRow(tr("&To:"), m_partner);
    m_evidence->setText(tr("With the evidence files (else only their SHA-256; the files can follow later)"));
    m_evidence->setChecked(true);
    form->addRow(QString(), m_evidence);
    auto *include = new QVBoxLayout;
    for (const auto &[name, label] : optionalRegisters()) {
        auto *box = new QCheckBox(tr(label), this);
        box->setObjectName(name);
        m_include << box;
        include->addWidget(box);
    }
    form->addRow(tr("Also send:"), include);
    m_marking->setEditable(true);
    m_marking->addItems({QString(), QStringLiteral("内部资料"), QStringLiteral("工作秘密")});
    m_marking->lineEdit()->setPlaceholderText(tr("密级/知悉范围, e.g. 内部资料"));
    form->addRow(tr("Security &marking:"), m_marking);
    auto *folderRow = new QHBoxLayout;
    m_folder->setText(QDir::homePath());
    auto *browse = new QPushButton(tr("&Choose…"), this);
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    form->addRow(tr("&Folder:"), folderRow);
    layout->addLayout(form);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_export, QDialogButtonBox::ActionRole);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_export, &QPushButton::clicked, this, &ExportPackageDialog::exportNow);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Folder for the package"), m_folder->text());
        if (!dir.isEmpty())
            m_folder->setText(dir);
    });
    connect(m_partner, &QComboBox::editTextChanged, this, &ExportPackageDialog::updateButton);
    connect(m_folder, &QLineEdit::textChanged, this, &ExportPackageDialog::updateButton);
    updateButton();
    resize(640, 460);
}

QCheckBox *ExportPackageDialog::includeBox(const QString &name) const
{
    for (QCheckBox *b : m_include)
        if (b->objectName() == name)
            return b;
    return nullptr;
}

core::exchange::ExportOptions ExportPackageDialog::options() const
{
    core::exchange::ExportOptions o;
    o.to = m_partner->currentText().trimmed();
    o.output = m_folder->text().trimmed();
    o.evidence = m_evidence->isChecked();
    for (const QCheckBox *b : m_include)
        if (b->isChecked())
            o.include << b->objectName();
    o.marking = m_marking->currentText().trimmed();
    return o;
}

void ExportPackageDialog::updateButton()
{
    m_export->setEnabled(!m_partner->currentText().trimmed().isEmpty() &&
                         !m_folder->text().trimmed().isEmpty());
}

void ExportPackageDialog::exportNow()
{
    auto r = core::exchange::Exchange::exportPackage(m_db, options());
    if (!r) {
        m_message->setStyleSheet(QStringLiteral("color: #b3261e"));
        m_message->setText(r.error().message);
        return;
    }
    m_result = *r;
    m_message->setStyleSheet(QString());
    m_message->setText((r->rebuilt ? tr("Nothing changed since package %1 to %2: wrote it again.")
                                   : tr("Wrote package %1 for %2."))
                           .arg(r->seq)
                           .arg(r->receiver) +
                       u'\n' + QDir::toNativeSeparators(r->file) + u'\n' +
                       tr("%1 rows (%2 deletions), %3 evidence files.")
                           .arg(r->rows)
                           .arg(r->tombstones)
                           .arg(r->evidenceFiles) +
                       u'\n' + tr("SHA-256 for the transfer log: %1").arg(r->sha256));
}

} // namespace rectrack::ui
