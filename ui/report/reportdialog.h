#pragma once

#include "report/reportcontent.h"

#include <QDialog>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;

namespace rectrack::ui {

/// What File → Export report… asks for: the report's options and where to write it.
struct ReportRequest
{
    core::ReportOptions options;
    QString path; ///< ends in .pdf or .odt (the chosen format)
    bool odt = false;
};

/**
 * File → Export report…: scope (whole register, a round, a unit, a source level), as-of date,
 * optional compare-with date, confidentiality marking, appendix yes/no, PDF or .odt and the
 * file. The dialog never touches the register: Export emits exportRequested() with the choices;
 * the caller builds and writes the report (writeReport), reporting progress through
 * setProgress() and the outcome through finish(), which closes the dialog on success and shows
 * the message otherwise. Used modally:
 * @code
 *   ReportDialog dlg(units, rounds, db.defaultAsOf(), this);
 *   connect(&dlg, &ReportDialog::exportRequested, &dlg, [&](const ReportRequest &r) {
 *       dlg.finish(writeReport(db, r.options, r.path, [&](int p) { dlg.setProgress(p); }));
 *   });
 *   dlg.exec();
 * @endcode
 */
class ReportDialog : public QDialog
{
    Q_OBJECT
public:
    /// @p units and @p rounds fill the scope choices; @p asOf is the default as-of date.
    ReportDialog(const QStringList &units, const QStringList &rounds, const QDate &asOf,
                 QWidget *parent = nullptr);

    /// Pre-selects a scope (e.g. the main window's current filter).
    void setScope(const core::StatsFilter &scope);
    /// The current choices, or nullopt while they are incomplete (no file, bad dates).
    std::optional<ReportRequest> request() const;
    /// Why request() is empty, for the message line; empty when it is not.
    QString problem() const;

public Q_SLOTS:
    /// Progress of the running export, 0–100.
    void setProgress(int percent);
    /// Ends a running export: accepts the dialog on success, shows the error otherwise.
    void finish(const core::Status &status);

Q_SIGNALS:
    /// The user pressed Export with complete choices.
    void exportRequested(const rectrack::ui::ReportRequest &request);

private:
    void updateState();
    void chooseFile();
    void startExport();

    QComboBox *m_scopeKind;
    QComboBox *m_scopeValue;
    QDateEdit *m_asOf;
    QCheckBox *m_compare;
    QDateEdit *m_since;
    QComboBox *m_marking;
    QLineEdit *m_title;
    QCheckBox *m_appendix;
    QComboBox *m_format;
    QLineEdit *m_path;
    QProgressBar *m_progress;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
    QStringList m_units;
    QStringList m_rounds;
};

/**
 * Builds the report for @p options from @p db and writes it to @p path (.pdf or .odt),
 * calling @p progress with 0–100. Errors as from ReportBuilder::build and ReportRenderer::write.
 */
core::Status writeReport(core::Database &db, const core::ReportOptions &options, const QString &path,
                         const std::function<void(int)> &progress = {});

} // namespace rectrack::ui
