#pragma once

#include "registerchoices.h"
#include "workflow/oversightservice.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;

namespace rectrack::ui {

/**
 * Editor of one rectification-effect evaluation (整改效果评价): the unit, the inspection, the
 * template (the built-in one: deduction from 100 over five indicators) and a deduction per
 * criterion, each limited to its maximum. Score, grade and whether a second rectification opens
 * (一般 or 差) are shown live with core::EvaluationTemplate; core rescoring on save is the same.
 */
class EvaluationDialog : public QDialog
{
    Q_OBJECT
public:
    EvaluationDialog(const core::Evaluation &initial, const RegisterChoices &choices,
                     const core::EvaluationTemplate &tmpl = core::EvaluationTemplate::builtIn(),
                     QWidget *parent = nullptr);

    /// The evaluation as entered, with score, grade and second-rectification flag from the template.
    core::Evaluation evaluation() const;
    /// The score and grade shown ("84.0", "较好").
    QString scoreText() const;
    QString gradeText() const;

private:
    void fillInspections();
    void update();

    core::Evaluation m_initial;
    core::EvaluationTemplate m_template;
    RegisterChoices m_choices;
    QComboBox *m_unit;
    QComboBox *m_inspection;
    QDateEdit *m_date;
    QList<QDoubleSpinBox *> m_deductions;
    QLabel *m_score;
    QLabel *m_grade;
    QLabel *m_second;
    QLineEdit *m_note;
    QDialogButtonBox *m_buttons;
};

} // namespace rectrack::ui
