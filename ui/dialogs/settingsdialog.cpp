#include "settingsdialog.h"

#include "help/manualbrowser.h"

#include <QColorDialog>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace rectrack::ui {

namespace {
const char *const kColour = "rectrackColour";

QSpinBox *spin(int min, int max, int value, const QString &suffix, QWidget *parent)
{
    auto *s = new QSpinBox(parent);
    s->setRange(min, max);
    s->setValue(value);
    s->setSuffix(suffix);
    return s;
}
} // namespace

SettingsDialog::SettingsDialog(const Values &initial, QWidget *parent)
    : QDialog(parent), m_initial(initial.reg)
{
    setWindowTitle(tr("Settings"));
    installContextHelp(this, QStringLiteral("first-use")); // F1: the manual's page
    auto *layout = new QVBoxLayout(this);
    auto *columns = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    auto *right = new QVBoxLayout;
    m_right = right;
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);
    layout->addLayout(columns);

    auto *warning = new QGroupBox(tr("Traffic-light warnings"), this);
    auto *wf = new QFormLayout(warning);
    m_green = spin(1, 365, initial.reg.thresholds.greenDays, tr(" days"), warning);
    m_yellow = spin(1, 365, initial.reg.thresholds.yellowDays, tr(" days"), warning);
    wf->addRow(tr("Green at days left or fewer:"), m_green);
    wf->addRow(tr("Yellow at days left or fewer:"), m_yellow);
    wf->addRow(new QLabel(tr("Red once the deadline has passed (overdue)."), warning));
    m_redColour = colourButton(initial.reg.redColor);
    m_yellowColour = colourButton(initial.reg.yellowColor);
    m_greenColour = colourButton(initial.reg.greenColor);
    wf->addRow(tr("Red colour:"), m_redColour);
    wf->addRow(tr("Yellow colour:"), m_yellowColour);
    wf->addRow(tr("Green colour:"), m_greenColour);
    left->addWidget(warning);

    auto *numbering = new QGroupBox(tr("Registration numbers"), this);
    auto *nf = new QFormLayout(numbering);
    m_pattern = new QLineEdit(initial.reg.registrationPattern, numbering);
    nf->addRow(tr("Pattern:"), m_pattern);
    auto *hint = new QLabel(tr("{unit} unit, {yyyy} year, {seq:3} number with 3 digits"), numbering);
    hint->setWordWrap(true);
    nf->addRow(hint);
    left->addWidget(numbering);

    auto *user = new QGroupBox(tr("This computer"), this);
    auto *uf = new QFormLayout(user);
    m_operator = new QLineEdit(initial.operatorName, user);
    m_operator->setPlaceholderText(tr("Name written into the audit log"));
    uf->addRow(tr("Operator:"), m_operator);
    m_language = new QComboBox(user);
    m_language->addItem(QStringLiteral("中文（简体）"), QStringLiteral("zh_CN"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->setCurrentIndex(initial.language.startsWith(QLatin1String("en")) ? 1 : 0);
    uf->addRow(tr("Language (after restart):"), m_language);
    left->addWidget(user);

    auto *backups = new QGroupBox(tr("Automatic backups"), this);
    auto *bf = new QFormLayout(backups);
    m_backupInterval = spin(0, 24 * 60, initial.backupIntervalMinutes, tr(" min"), backups);
    m_backupInterval->setSpecialValueText(tr("off"));
    m_backupKeep = spin(1, 200, initial.backupKeep, {}, backups);
    bf->addRow(tr("Back up on opening and every:"), m_backupInterval);
    bf->addRow(tr("Backups kept per register:"), m_backupKeep);
    auto *where =
        new QLabel(tr("Backups go to the folder \"<register>.backups\" beside the register file."), backups);
    where->setWordWrap(true);
    bf->addRow(where);
    left->addWidget(backups);
    left->addStretch(1);

    auto *deadlines = new QGroupBox(tr("Rectification deadlines"), this);
    auto *dl = new QVBoxLayout(deadlines);
    auto *df = new QFormLayout;
    m_plan = spin(1, 12, initial.reg.defaultPlanMonths, tr(" month(s)"), deadlines);
    m_concentrated = spin(1, 12, initial.reg.defaultConcentratedMonths, tr(" month(s)"), deadlines);
    df->addRow(tr("Plan due after feedback (new rounds):"), m_plan);
    df->addRow(tr("Report due after feedback (new rounds):"), m_concentrated);
    dl->addLayout(df);
    m_rounds = new QTableWidget(int(initial.reg.rounds.size()), 3, deadlines);
    m_rounds->setHorizontalHeaderLabels({tr("Round"), tr("Plan (months)"), tr("Report (months)")});
    m_rounds->verticalHeader()->hide();
    m_rounds->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_rounds->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_rounds->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_rounds->setSelectionMode(QAbstractItemView::NoSelection);
    for (int i = 0; i < initial.reg.rounds.size(); ++i) {
        const core::RoundDeadlines &r = initial.reg.rounds.at(i);
        auto *label = new QTableWidgetItem(r.label);
        label->setFlags(Qt::ItemIsEnabled);
        m_rounds->setItem(i, 0, label);
        auto *plan = spin(1, 12, r.planMonths, {}, m_rounds);
        auto *report = spin(1, 12, r.concentratedMonths, {}, m_rounds);
        m_rounds->setCellWidget(i, 1, plan);
        m_rounds->setCellWidget(i, 2, report);
        connect(plan, &QSpinBox::valueChanged, this, &SettingsDialog::validate);
        connect(report, &QSpinBox::valueChanged, this, &SettingsDialog::validate);
    }
    dl->addWidget(m_rounds, 1);
    right->addWidget(deadlines, 1);

    m_message = new QLabel(this);
    m_message->setStyleSheet(QStringLiteral("color: #c0392b"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    for (QSpinBox *s : {m_green, m_yellow, m_plan, m_concentrated})
        connect(s, &QSpinBox::valueChanged, this, &SettingsDialog::validate);
    connect(m_pattern, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    resize(960, 560);
    validate();
}

QPushButton *SettingsDialog::colourButton(const QString &colour)
{
    auto *b = new QPushButton(this);
    b->setMinimumWidth(120);
    setButtonColour(b, colour);
    connect(b, &QPushButton::clicked, this, [this, b] {
        const QColor c = QColorDialog::getColor(QColor(b->property(kColour).toString()), this);
        if (c.isValid()) {
            setButtonColour(b, c.name());
            validate();
        }
    });
    return b;
}

void SettingsDialog::setButtonColour(QPushButton *button, const QString &colour)
{
    button->setProperty(kColour, colour);
    button->setText(colour);
    button->setStyleSheet(
        QStringLiteral("background-color: %1; color: white; font-weight: bold").arg(colour));
}

void SettingsDialog::addCategoryEditor(QWidget *editor)
{
    auto *box = new QGroupBox(tr("Problem categories"), this);
    auto *l = new QVBoxLayout(box);
    l->addWidget(editor);
    m_right->addWidget(box, 2);
    resize(std::max(width(), 1000), std::max(height(), 700));
}

SettingsDialog::Values SettingsDialog::values() const
{
    Values v;
    v.reg = m_initial;
    v.reg.thresholds.greenDays = m_green->value();
    v.reg.thresholds.yellowDays = m_yellow->value();
    v.reg.redColor = m_redColour->property(kColour).toString();
    v.reg.yellowColor = m_yellowColour->property(kColour).toString();
    v.reg.greenColor = m_greenColour->property(kColour).toString();
    v.reg.registrationPattern = m_pattern->text().trimmed();
    v.reg.defaultPlanMonths = m_plan->value();
    v.reg.defaultConcentratedMonths = m_concentrated->value();
    for (int i = 0; i < v.reg.rounds.size(); ++i) {
        v.reg.rounds[i].planMonths = static_cast<QSpinBox *>(m_rounds->cellWidget(i, 1))->value();
        v.reg.rounds[i].concentratedMonths = static_cast<QSpinBox *>(m_rounds->cellWidget(i, 2))->value();
    }
    v.operatorName = m_operator->text().trimmed();
    v.language = m_language->currentData().toString();
    v.backupIntervalMinutes = m_backupInterval->value();
    v.backupKeep = m_backupKeep->value();
    return v;
}

void SettingsDialog::validate()
{
    const core::Status s = core::SettingsService::validate(values().reg);
    m_message->setText(s ? QString() : s.error().message);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(s.ok());
}

} // namespace rectrack::ui
