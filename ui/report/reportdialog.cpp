#include "reportdialog.h"

#include "help/manualbrowser.h"
#include "reportrenderer.h"
#include "workflow/registerlevel.h"

#include "charts/reportcharts.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace rectrack::ui {

namespace {

enum ScopeKind
{
    WholeRegister,
    ByRound,
    ByUnit,
    BySource
};

} // namespace

ReportDialog::ReportDialog(const QStringList &units, const QStringList &rounds, const QDate &asOf,
                           QWidget *parent)
    : QDialog(parent), m_units(units), m_rounds(rounds)
{
    setWindowTitle(tr("Export report"));
    installContextHelp(this, QStringLiteral("dashboard-report")); // F1: the manual's page
    m_scopeKind = new QComboBox(this);
    m_scopeKind->addItem(tr("Whole register"), WholeRegister);
    m_scopeKind->addItem(tr("One round or batch"), ByRound);
    m_scopeKind->addItem(tr("One unit"), ByUnit);
    m_scopeKind->addItem(tr("One source level"), BySource);
    m_scopeValue = new QComboBox(this);
    m_scopeValue->setMinimumContentsLength(16);

    m_asOf = new QDateEdit(asOf.isValid() ? asOf : QDate::currentDate(), this);
    m_asOf->setCalendarPopup(true);
    m_asOf->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_compare = new QCheckBox(tr("Compare with"), this);
    m_compare->setObjectName(QStringLiteral("compare"));
    m_since = new QDateEdit(m_asOf->date().addMonths(-1), this);
    m_since->setCalendarPopup(true);
    m_since->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_since->setEnabled(false);
    m_since->setObjectName(QStringLiteral("since"));

    m_marking = new QComboBox(this);
    m_marking->setEditable(true);
    m_marking->addItems({tr("Internal material, keep safe"), tr("Internal material"), QString()});
    m_title = new QLineEdit(this);
    m_title->setPlaceholderText(core::ReportBuilder::defaultTitle());
    m_appendix = new QCheckBox(tr("Append the full problem ledger"), this);

    m_format = new QComboBox(this);
    m_format->addItem(tr("PDF for printing (.pdf)"), QStringLiteral("pdf"));
    m_format->addItem(tr("Editable document for WPS or LibreOffice (.odt)"), QStringLiteral("odt"));
    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("file"));
    auto *browse = new QPushButton(tr("Choose…"), this);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(browse);
    auto *compareRow = new QHBoxLayout;
    compareRow->addWidget(m_compare);
    compareRow->addWidget(m_since, 1);

    auto *form = new QFormLayout;
    form->addRow(tr("Scope:"), m_scopeKind);
    form->addRow(QString(), m_scopeValue);
    form->addRow(tr("As of:"), m_asOf);
    form->addRow(tr("Change since:"), compareRow);
    form->addRow(tr("Marking:"), m_marking);
    form->addRow(tr("Title:"), m_title);
    form->addRow(QString(), m_appendix);
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("File:"), fileRow);

    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 100);
    m_progress->setVisible(false);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);

    connect(m_scopeKind, &QComboBox::currentIndexChanged, this, [this] {
        m_scopeValue->clear();
        switch (m_scopeKind->currentData().toInt()) {
        case ByRound:
            m_scopeValue->addItems(m_rounds);
            break;
        case ByUnit:
            m_scopeValue->addItems(m_units);
            break;
        case BySource:
            for (auto level : core::sourceLevelOrder)
                m_scopeValue->addItem(ReportCharts::sourceName(level), core::Names::key(level));
            break;
        default:
            break;
        }
        m_scopeValue->setEnabled(m_scopeKind->currentData().toInt() != WholeRegister);
        updateState();
    });
    connect(m_compare, &QCheckBox::toggled, m_since, &QWidget::setEnabled);
    connect(m_compare, &QCheckBox::toggled, this, &ReportDialog::updateState);
    connect(m_asOf, &QDateEdit::dateChanged, this, &ReportDialog::updateState);
    connect(m_since, &QDateEdit::dateChanged, this, &ReportDialog::updateState);
    connect(m_path, &QLineEdit::textChanged, this, &ReportDialog::updateState);
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        // Keep the file name's suffix in step with the format.
        const QString suffix = m_format->currentData().toString();
        QString p = m_path->text();
        if (!p.isEmpty()) {
            const QFileInfo fi(p);
            p = fi.path() + u'/' + fi.completeBaseName() + u'.' + suffix;
            m_path->setText(QDir::cleanPath(p));
        }
        updateState();
    });
    connect(browse, &QPushButton::clicked, this, &ReportDialog::chooseFile);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ReportDialog::startExport);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_scopeValue->setEnabled(false);
    updateState();
}

void ReportDialog::setScope(const core::StatsFilter &scope)
{
    if (!scope.unit.isEmpty()) {
        m_scopeKind->setCurrentIndex(m_scopeKind->findData(ByUnit));
        m_scopeValue->setCurrentText(scope.unit);
    } else if (!scope.round.isEmpty()) {
        m_scopeKind->setCurrentIndex(m_scopeKind->findData(ByRound));
        m_scopeValue->setCurrentText(scope.round);
    } else if (scope.source) {
        m_scopeKind->setCurrentIndex(m_scopeKind->findData(BySource));
        m_scopeValue->setCurrentIndex(m_scopeValue->findData(core::Names::key(*scope.source)));
    } else {
        m_scopeKind->setCurrentIndex(m_scopeKind->findData(WholeRegister));
    }
    updateState();
}

QString ReportDialog::problem() const
{
    if (m_compare->isChecked() && m_since->date() >= m_asOf->date())
        return tr("The comparison date must be before the as-of date.");
    if (m_scopeKind->currentData().toInt() != WholeRegister && m_scopeValue->currentText().isEmpty())
        return tr("Choose what the report covers.");
    if (m_path->text().trimmed().isEmpty())
        return tr("Choose the file to write.");
    return {};
}

std::optional<ReportRequest> ReportDialog::request() const
{
    if (!problem().isEmpty())
        return std::nullopt;
    ReportRequest r;
    switch (m_scopeKind->currentData().toInt()) {
    case ByRound:
        r.options.scope.round = m_scopeValue->currentText();
        break;
    case ByUnit:
        r.options.scope.unit = m_scopeValue->currentText();
        break;
    case BySource:
        r.options.scope.source = core::Names::sourceLevel(m_scopeValue->currentData().toString());
        break;
    default:
        break;
    }
    r.options.asOf = m_asOf->date();
    if (m_compare->isChecked())
        r.options.since = m_since->date();
    r.options.marking = m_marking->currentText().trimmed();
    r.options.title = m_title->text().trimmed();
    r.options.appendix = m_appendix->isChecked();
    r.odt = m_format->currentData().toString() == QLatin1String("odt");
    r.path = m_path->text().trimmed();
    const QString suffix = r.odt ? QStringLiteral("odt") : QStringLiteral("pdf");
    if (QFileInfo(r.path).suffix().toLower() != suffix)
        r.path += u'.' + suffix;
    return r;
}

void ReportDialog::setProgress(int percent)
{
    m_progress->setVisible(true);
    m_progress->setValue(percent);
    QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
}

void ReportDialog::finish(const core::Status &status)
{
    m_buttons->setEnabled(true);
    if (status) {
        m_progress->setValue(100);
        accept();
        return;
    }
    m_progress->setVisible(false);
    m_message->setText(status.error().message);
}

void ReportDialog::updateState()
{
    const QString why = problem();
    m_message->setText(m_path->text().isEmpty() ? QString() : why);
    for (QAbstractButton *b : m_buttons->buttons()) {
        if (m_buttons->buttonRole(b) == QDialogButtonBox::AcceptRole)
            b->setEnabled(why.isEmpty());
    }
}

void ReportDialog::chooseFile()
{
    const bool odt = m_format->currentData().toString() == QLatin1String("odt");
    const QString filter = odt ? tr("OpenDocument text (*.odt)") : tr("PDF (*.pdf)");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export report"), m_path->text(), filter);
    if (!path.isEmpty())
        m_path->setText(path);
}

void ReportDialog::startExport()
{
    const auto r = request();
    if (!r)
        return;
    m_buttons->setEnabled(false);
    m_message->clear();
    setProgress(0);
    Q_EMIT exportRequested(*r);
}

core::Status writeReport(core::Database &db, const core::ReportOptions &options, const QString &path,
                         const std::function<void(int)> &progress)
{
    if (progress)
        progress(0);
    auto content = core::ReportBuilder::build(db, options);
    if (!content)
        return content.error();
    if (progress)
        progress(15);
    ReportRenderer renderer(std::move(content).value());
    return renderer.write(path, [&](int p) {
        if (progress)
            progress(15 + p * 85 / 100);
    });
}

} // namespace rectrack::ui
