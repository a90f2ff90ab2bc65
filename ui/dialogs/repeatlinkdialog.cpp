#include "repeatlinkdialog.h"

#include "help/manualbrowser.h"
#include "models/labels.h"
#include "workflow/registerlevel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>

namespace rectrack::ui {

using namespace RegisterEditing;

RepeatLinkDialog::RepeatLinkDialog(qint64 problemId, qint64 repeatedId, const RegisterChoices &choices,
                                   QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("repeatLinkDialog"));
    setWindowTitle(tr("Integrated rectification"));
    installContextHelp(this, QStringLiteral("dashboard-report")); // F1: the manual's page
    m_problem = new QComboBox(this);
    m_problem->setObjectName(QStringLiteral("repeatProblem"));
    m_repeated = new QComboBox(this);
    m_repeated->setObjectName(QStringLiteral("repeatTarget"));
    // 集成整改: a problem of the register's own level repeats one fed back by a higher level.
    const QString own = Labels::source(choices.ownSource);
    QList<core::SourceLevel> higher;
    QStringList higherNames;
    for (const core::SourceLevel s : core::sourceLevelOrder) {
        if (s == choices.ownSource)
            break;
        higher << s;
        higherNames << Labels::source(s);
    }
    m_problem->addItem(tr("(choose a %1 problem)").arg(own), qint64(0));
    m_repeated->addItem(tr("(choose a problem of %1)").arg(higherNames.join(tr(", "))), qint64(0));
    for (const core::ProblemChoice &p : choices.problems) {
        if (p.source == choices.ownSource)
            m_problem->addItem(problemLabel(p), p.id);
        else if (higher.contains(p.source))
            m_repeated->addItem(QStringLiteral("%1 · %2").arg(Labels::source(p.source), problemLabel(p)),
                                p.id);
    }
    for (QComboBox *c : {m_problem, m_repeated}) {
        c->setMinimumContentsLength(48);
        c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    }
    selectId(m_problem, problemId);
    selectId(m_repeated, repeatedId);
    m_problem->setEnabled(problemId == 0);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *note = new QLabel(
        tr("The %1 problem is rectified together with the problem it repeats; statistics still count "
           "each problem once, in its own source level.")
            .arg(own),
        this);
    note->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("%1 problem:").arg(own), m_problem);
    form->addRow(tr("Repeats:"), m_repeated);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    setMinimumWidth(720);
    layout->addWidget(m_buttons);
    auto validate = [this] {
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(this->problemId() > 0 && this->repeatedId() > 0);
    };
    connect(m_problem, &QComboBox::currentIndexChanged, this, validate);
    connect(m_repeated, &QComboBox::currentIndexChanged, this, validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

qint64 RepeatLinkDialog::problemId() const
{
    return currentId(m_problem);
}

qint64 RepeatLinkDialog::repeatedId() const
{
    return currentId(m_repeated);
}

MustCoverDialog::MustCoverDialog(const QString &term, const QList<core::Unit> &offered, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("mustCoverDialog"));
    setWindowTitle(tr("Add to the must-cover list"));
    installContextHelp(this, QStringLiteral("dashboard-report")); // F1: the manual's page
    m_unit = new QComboBox(this);
    m_unit->setObjectName(QStringLiteral("mustCoverUnit"));
    m_unit->addItem(tr("(choose a unit)"), qint64(0));
    for (const core::Unit &u : offered)
        m_unit->addItem(u.category.isEmpty() ? u.name : QStringLiteral("%1 (%2)").arg(u.name, u.category),
                        u.id);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *form = new QFormLayout;
    form->addRow(tr("Term:"), new QLabel(term, this));
    form->addRow(tr("Unit:"), m_unit);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    setMinimumWidth(420);
    auto validate = [this] { m_buttons->button(QDialogButtonBox::Ok)->setEnabled(unitId() > 0); };
    connect(m_unit, &QComboBox::currentIndexChanged, this, validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

qint64 MustCoverDialog::unitId() const
{
    return currentId(m_unit);
}

} // namespace rectrack::ui
