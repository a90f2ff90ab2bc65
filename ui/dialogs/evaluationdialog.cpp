#include "evaluationdialog.h"

#include "help/manualbrowser.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>

namespace rectrack::ui {

using namespace RegisterEditing;

EvaluationDialog::EvaluationDialog(const core::Evaluation &initial, const RegisterChoices &choices,
                                   const core::EvaluationTemplate &tmpl, QWidget *parent)
    : QDialog(parent), m_initial(initial), m_template(tmpl), m_choices(choices)
{
    setObjectName(QStringLiteral("evaluationDialog"));
    setWindowTitle(initial.id ? tr("Edit evaluation") : tr("New evaluation"));
    installContextHelp(this, QStringLiteral("supervision")); // F1: the manual's page
    m_unit = new QComboBox(this);
    m_unit->setObjectName(QStringLiteral("evaluationUnit"));
    m_unit->addItem(tr("(choose a unit)"), qint64(0));
    for (const core::Unit &u : choices.units)
        m_unit->addItem(u.name, u.id);
    selectId(m_unit, initial.unitId);
    m_inspection = new QComboBox(this);
    m_inspection->setObjectName(QStringLiteral("evaluationInspection"));
    m_date = dateEdit(initial.evaluatedOn.isValid() ? initial.evaluatedOn : choices.asOf,
                      QStringLiteral("evaluationDate"), this);
    auto *criteria = new QGroupBox(tr("Deductions (template: %1)").arg(tmpl.name), this);
    auto *criteriaForm = new QFormLayout(criteria);
    for (int i = 0; i < tmpl.criteria.size(); ++i) {
        auto *spin = new QDoubleSpinBox(criteria);
        spin->setObjectName(QStringLiteral("evaluationDeduction%1").arg(i));
        spin->setDecimals(1);
        spin->setSingleStep(0.5);
        spin->setRange(0, tmpl.maxDeduction.value(i));
        spin->setValue(initial.deductions.value(i));
        spin->setSuffix(tr(" of %1").arg(QLocale().toString(tmpl.maxDeduction.value(i), 'f', 0)));
        criteriaForm->addRow(tmpl.criteria[i] + QLatin1Char(':'), spin);
        m_deductions << spin;
        connect(spin, &QDoubleSpinBox::valueChanged, this, &EvaluationDialog::update);
    }
    m_score = new QLabel(this);
    m_score->setObjectName(QStringLiteral("evaluationScore"));
    m_grade = new QLabel(this);
    m_grade->setObjectName(QStringLiteral("evaluationGrade"));
    QFont bold = m_grade->font();
    bold.setBold(true);
    m_score->setFont(bold);
    m_grade->setFont(bold);
    m_second = new QLabel(this);
    m_second->setObjectName(QStringLiteral("evaluationSecondRectification"));
    m_second->setWordWrap(true);
    m_note = new QLineEdit(initial.note, this);
    m_note->setObjectName(QStringLiteral("evaluationNote"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);

    auto *form = new QFormLayout;
    form->addRow(tr("Unit:"), m_unit);
    form->addRow(tr("Inspection:"), m_inspection);
    form->addRow(tr("Evaluation date:"), m_date);
    auto *result = new QFormLayout;
    result->addRow(tr("Score:"), m_score);
    result->addRow(tr("Grade:"), m_grade);
    result->addRow(QString(), m_second);
    result->addRow(tr("Note:"), m_note);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(criteria);
    layout->addLayout(result);
    layout->addWidget(m_buttons);
    setMinimumWidth(480);

    connect(m_unit, &QComboBox::currentIndexChanged, this, [this] {
        fillInspections();
        update();
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    fillInspections();
    selectId(m_inspection, initial.inspectionId);
    update();
}

void EvaluationDialog::fillInspections()
{
    const qint64 unit = currentId(m_unit);
    const qint64 keep = currentId(m_inspection);
    const QSignalBlocker block(m_inspection);
    m_inspection->clear();
    m_inspection->addItem(tr("(none)"), qint64(0));
    for (const core::InspectionChoice &i : m_choices.inspections) {
        if (i.unitId == unit)
            m_inspection->addItem(i.label, i.id);
    }
    // The latest inspection of the unit by default.
    if (keep)
        selectId(m_inspection, keep);
    else
        m_inspection->setCurrentIndex(m_inspection->count() - 1);
}

core::Evaluation EvaluationDialog::evaluation() const
{
    core::Evaluation e = m_initial;
    e.unitId = currentId(m_unit);
    e.inspectionId = currentId(m_inspection);
    e.evaluatedOn = m_date->date();
    e.templateName = m_template.name;
    e.deductions.clear();
    for (const QDoubleSpinBox *spin : m_deductions)
        e.deductions << spin->value();
    e.score = m_template.score(e.deductions);
    e.grade = m_template.grade(e.score);
    e.secondRectification = core::EvaluationTemplate::needsSecondRectification(e.grade);
    e.note = m_note->text().trimmed();
    return e;
}

QString EvaluationDialog::scoreText() const
{
    return m_score->text();
}

QString EvaluationDialog::gradeText() const
{
    return m_grade->text();
}

void EvaluationDialog::update()
{
    const core::Evaluation e = evaluation();
    m_score->setText(QLocale().toString(e.score, 'f', 1));
    m_grade->setText(e.grade);
    m_second->setText(e.secondRectification ? tr("A grade of 一般 or 差 opens a second rectification.")
                                            : QString());
    m_second->setStyleSheet(e.secondRectification ? QStringLiteral("color: #b3261e") : QString());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(e.unitId > 0);
}

} // namespace rectrack::ui
