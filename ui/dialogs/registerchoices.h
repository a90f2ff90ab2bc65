#pragma once

#include "domain/entities.h"
#include "workflow/oversightregisters.h"

#include <QDate>

class QComboBox;
class QDateEdit;
class QWidget;

namespace rectrack::ui {

/**
 * What the register editors offer for picking (units, inspections, problems, rounds, campaign
 * names), read through core by the caller; the dialogs never touch SQL.
 */
struct RegisterChoices
{
    QList<core::Unit> units;
    QList<core::InspectionChoice> inspections;
    QList<core::ProblemChoice> problems;
    QList<core::Round> rounds;
    QStringList campaigns;
    QDate asOf; ///< the date new records default to
    /// The level of the register's own inspections (core::registerSourceLevel): the 集成整改
    /// dialog links its problems to those of the higher levels.
    core::SourceLevel ownSource = core::SourceLevel::Municipal;
};

namespace RegisterEditing {

/// A date editor with a calendar pop-up, yyyy-MM-dd, named @p name.
QDateEdit *dateEdit(const QDate &date, const QString &name, QWidget *parent);
/// Selects the item whose data is @p id (the first item, "none", when there is none).
void selectId(QComboBox *combo, qint64 id);
/// The id held by the current item of @p combo (0 for "none").
qint64 currentId(const QComboBox *combo);
/// "A-12 · 单位 · description…" for problem pickers.
QString problemLabel(const core::ProblemChoice &p);

} // namespace RegisterEditing

} // namespace rectrack::ui
