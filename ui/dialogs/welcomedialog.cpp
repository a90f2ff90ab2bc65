#include "welcomedialog.h"

#include "help/manualbrowser.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace rectrack::ui {

namespace {

QString fileFilter()
{
    return WelcomeDialog::tr("Rectrack registers (*.rtreg);;All files (*)");
}

} // namespace

WelcomeDialog::WelcomeDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Welcome to Rectrack"));
    installContextHelp(this, QStringLiteral("first-use")); // F1: the manual's page
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("Welcome to Rectrack, the inspection rectification register"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    title->setFont(big);
    layout->addWidget(title);
    auto *about = new QLabel(
        tr("A register is one file that holds an inspection office's whole ledger: every problem fed "
           "back, its rectification measures, progress, evidence and reviews.\nIt stays on this "
           "computer — nothing is sent over a network — and can be backed up or copied like any "
           "file."),
        this);
    about->setWordWrap(true);
    layout->addWidget(about);

    auto *create = new QGroupBox(tr("Create a new register"), this);
    auto *form = new QFormLayout(create);
    m_termName = new QLineEdit(create);
    m_termName->setPlaceholderText(tr("e.g. the 12th municipal committee"));
    form->addRow(tr("Committee and term:"), m_termName);
    m_office = new QLineEdit(create);
    m_office->setPlaceholderText(
        tr("e.g. the district inspection office; needed to exchange packages with other offices"));
    form->addRow(tr("Inspection office:"), m_office);
    // The site's signature (issue #26): chosen once, with the site; it needs the office.
    m_algorithm = new QComboBox(create);
    m_algorithm->setObjectName(QStringLiteral("welcomeAlgorithm"));
    m_algorithm->addItem(tr("Ed25519 (standard)"), int(core::exchange::Algorithm::Ed25519));
    m_algorithm->addItem(tr("SM2 with SM3 (national algorithms)"), int(core::exchange::Algorithm::Sm2));
    m_algorithm->setToolTip(tr("How this office signs its exchange packages; it cannot be changed later. "
                               "Choose SM2 with SM3 when the office must use national algorithms."));
    form->addRow(tr("Signature algorithm:"), m_algorithm);
    auto *pathRow = new QHBoxLayout;
    m_path = new QLineEdit(create);
    const QString docs = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    m_path->setText(
        QDir(docs.isEmpty() ? QDir::homePath() : docs).filePath(tr("register") + QStringLiteral(".rtreg")));
    auto *browse = new QPushButton(tr("Browse…"), create);
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    form->addRow(tr("Save as:"), pathRow);
    m_create = new QPushButton(tr("Create"), create);
    m_create->setDefault(true);
    form->addRow(QString(), m_create);
    layout->addWidget(create);

    auto *others = new QHBoxLayout;
    m_open = new QPushButton(tr("Open an existing register…"), this);
    m_connect = new QPushButton(tr("Connect to a server…"), this);
    m_connect->setObjectName(QStringLiteral("welcomeConnect"));
    m_connect->setToolTip(tr("A register on the office's PostgreSQL server, shared with other clerks"));
    m_demo = new QPushButton(tr("Open the demo register"), this);
    m_demo->setToolTip(tr("Xiamen's 2020 rectification work, as of 2021-01-15"));
    others->addWidget(m_open);
    others->addWidget(m_connect);
    others->addWidget(m_demo);
    others->addStretch(1);
    layout->addLayout(others);

    connect(m_termName, &QLineEdit::textChanged, this, &WelcomeDialog::updateButtons);
    connect(m_path, &QLineEdit::textChanged, this, &WelcomeDialog::updateButtons);
    connect(m_office, &QLineEdit::textChanged, this, &WelcomeDialog::updateButtons);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString p =
            QFileDialog::getSaveFileName(this, tr("New register"), m_path->text(), fileFilter());
        if (!p.isEmpty())
            m_path->setText(p);
    });
    connect(m_create, &QPushButton::clicked, this, [this] { finish(Choice::Create); });
    connect(m_open, &QPushButton::clicked, this, [this] {
        const QString p = QFileDialog::getOpenFileName(this, tr("Open register"), QString(), fileFilter());
        if (!p.isEmpty()) {
            m_openPath = p;
            finish(Choice::Open);
        }
    });
    connect(m_demo, &QPushButton::clicked, this, [this] { finish(Choice::Demo); });
    connect(m_connect, &QPushButton::clicked, this, [this] { finish(Choice::Connect); });
    updateButtons();
    resize(640, sizeHint().height());
}

QString WelcomeDialog::termName() const
{
    return m_termName->text().trimmed();
}

QString WelcomeDialog::office() const
{
    return m_office->text().trimmed();
}

core::exchange::Algorithm WelcomeDialog::algorithm() const
{
    return core::exchange::Algorithm(m_algorithm->currentData().toInt());
}

QString WelcomeDialog::path() const
{
    if (m_choice == Choice::Open)
        return m_openPath;
    QString p = m_path->text().trimmed();
    if (!p.isEmpty() && QFileInfo(p).suffix().isEmpty())
        p += QStringLiteral(".rtreg");
    return p;
}

void WelcomeDialog::updateButtons()
{
    m_create->setEnabled(!m_termName->text().trimmed().isEmpty() && !m_path->text().trimmed().isEmpty());
    m_algorithm->setEnabled(!m_office->text().trimmed().isEmpty());
}

void WelcomeDialog::finish(Choice choice)
{
    m_choice = choice;
    accept();
}

} // namespace rectrack::ui
