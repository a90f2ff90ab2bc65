#include "registerview.h"

#include "dialogs/campaigndialog.h"
#include "dialogs/cluedialog.h"
#include "dialogs/evaluationdialog.h"
#include "dialogs/outcomedialog.h"
#include "dialogs/referraldialog.h"
#include "dialogs/registerchoices.h"
#include "dialogs/repeatlinkdialog.h"
#include "dialogs/returnvisitdialog.h"
#include "models/labels.h"
#include "models/registerfilterproxy.h"
#include "stats/statistics.h"
#include "stats/supervisionsummary.h"
#include "workflow/organizationservice.h"
#include "workflow/oversightregisters.h"
#include "workflow/oversightservice.h"
#include "workflow/registerlevel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rectrack::ui {

namespace {

QString percent(double rate)
{
    return QLocale().toString(rate * 100, 'f', 1) + QLatin1Char('%');
}

} // namespace

RegisterView::RegisterView(QWidget *parent) : QWidget(parent)
{
    for (Register reg : RegisterModel::all())
        m_models << new RegisterModel(reg, this);
    m_proxy = new RegisterFilterProxy(this);
    m_title = new QLabel(this);
    QFont f = m_title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.15);
    m_title->setFont(f);
    m_title->setContentsMargins(8, 6, 8, 2);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("registerFilter"));
    m_filter->setPlaceholderText(tr("Filter rows…"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMinimumWidth(220);
    m_flaggedOnly = new QCheckBox(this);
    m_flaggedOnly->setObjectName(QStringLiteral("registerFlaggedOnly"));
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("registerKind"));
    m_campaign = new QPushButton(tr("New campaign…"), this);
    m_campaign->setObjectName(QStringLiteral("registerCampaign"));
    m_followUpCounts = new QCheckBox(tr("Follow-up reviews (回头看) count"), this);
    m_followUpCounts->setObjectName(QStringLiteral("registerFollowUpCounts"));
    m_followUpCounts->setToolTip(tr("Whether a follow-up review of a unit counts towards the term's coverage "
                                    "(register setting coverage_counts_follow_up)."));
    m_monthsLabel = new QLabel(tr("Performance assessment after"), this);
    m_months = new QSpinBox(this);
    m_months->setObjectName(QStringLiteral("registerAssessmentMonths"));
    m_months->setRange(1, 36);
    m_months->setSuffix(tr(" months"));
    m_months->setToolTip(
        tr("A unit is in performance assessment when a problem fed back more than this many "
           "months ago is not closed out (register setting performance_assessment_months)."));
    m_add = new QPushButton(tr("Add…"), this);
    m_add->setObjectName(QStringLiteral("registerAdd"));
    m_edit = new QPushButton(tr("Edit…"), this);
    m_edit->setObjectName(QStringLiteral("registerEdit"));
    m_delete = new QPushButton(tr("Delete"), this);
    m_delete->setObjectName(QStringLiteral("registerDelete"));
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(8, 2, 8, 4);
    bar->addWidget(m_filter);
    bar->addWidget(m_kind);
    bar->addWidget(m_flaggedOnly);
    bar->addWidget(m_followUpCounts);
    bar->addWidget(m_monthsLabel);
    bar->addWidget(m_months);
    bar->addStretch(1);
    bar->addWidget(m_campaign);
    bar->addWidget(m_add);
    bar->addWidget(m_edit);
    bar->addWidget(m_delete);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("registerSummary"));
    m_summary->setWordWrap(true);
    m_summary->setContentsMargins(8, 0, 8, 4);
    m_referralYears = new QTableWidget(this);
    m_referralYears->setObjectName(QStringLiteral("referralYears"));
    m_referralYears->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_referralYears->setSelectionMode(QAbstractItemView::NoSelection);
    m_referralYears->verticalHeader()->hide();
    m_referralYears->setToolTip(tr("Referrals and reports issued per year, by kind"));

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("registerTable"));
    m_table->setModel(m_proxy);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(false);
    m_table->setWordWrap(false);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // the register's own order until a header is clicked
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSortIndicatorShown(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_title);
    layout->addLayout(bar);
    layout->addWidget(m_summary);
    auto *years = new QHBoxLayout;
    years->setContentsMargins(8, 0, 8, 6);
    years->addWidget(m_referralYears);
    years->addStretch(1);
    layout->addLayout(years);
    layout->addWidget(m_table, 1);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setText(text);
        updateTitle();
    });
    connect(m_flaggedOnly, &QCheckBox::toggled, this, [this](bool on) {
        m_proxy->setFlaggedOnly(on);
        updateTitle();
    });
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setKind(m_kind->currentData().isValid() ? m_kind->currentData().toInt() : -1);
        updateTitle();
    });
    connect(m_add, &QPushButton::clicked, this, &RegisterView::addRecord);
    connect(m_edit, &QPushButton::clicked, this, &RegisterView::editRecord);
    connect(m_delete, &QPushButton::clicked, this, &RegisterView::deleteRecord);
    connect(m_campaign, &QPushButton::clicked, this, &RegisterView::showCampaignMenu);
    connect(m_followUpCounts, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_db)
            return;
        core::OversightService o(*m_db);
        if (o.coverageCountsFollowUp() == on)
            return;
        const core::Status s = o.setCoverageCountsFollowUp(on);
        if (report(s))
            reload();
    });
    connect(m_months, &QSpinBox::valueChanged, this, [this](int months) {
        if (!m_db)
            return;
        core::OversightService o(*m_db);
        if (o.performanceAssessmentMonths() == months)
            return;
        const core::Status s = o.setPerformanceAssessmentMonths(months);
        if (report(s))
            reload();
    });
    connect(m_table, &QAbstractItemView::activated, this, &RegisterView::editRecord);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RegisterView::updateControls);
    showRegister(Register::Clues);
}

RegisterView::~RegisterView() = default;

void RegisterView::setDatabase(core::Database *db, const QDate &asOf)
{
    m_db = db;
    m_asOf = asOf;
    for (RegisterModel *m : m_models)
        m->load(db, asOf);
    showRegister(m_current);
}

void RegisterView::showRegister(Register reg)
{
    const bool switched = reg != m_current || m_proxy->sourceModel() != model(reg);
    m_current = reg;
    RegisterModel *m = model(reg);
    if (switched) {
        const QSignalBlocker b1(m_filter), b2(m_flaggedOnly), b3(m_kind);
        m_filter->clear();
        m_flaggedOnly->setChecked(false);
        m_kind->clear();
        m_kind->addItem(tr("All kinds"));
        if (reg == Register::Referrals) {
            for (core::ReferralKind k :
                 {core::ReferralKind::ReferralSheet, core::ReferralKind::ThematicReport,
                  core::ReferralKind::KeySituationReport})
                m_kind->addItem(core::referralKindName(k), int(k));
        } else if (reg == Register::Outcomes) {
            m_kind->addItem(tr("Rule established"), int(core::OutcomeRow::Kind::RuleEstablished));
            m_kind->addItem(tr("Accountability"), int(core::OutcomeRow::Kind::Accountability));
            m_kind->addItem(tr("Funds recovered"), int(core::OutcomeRow::Kind::FundsRecovered));
        }
        m_proxy->setText({});
        m_proxy->setFlaggedOnly(false);
        m_proxy->setKind(-1);
        m_proxy->setSourceModel(m);
        m_table->sortByColumn(-1, Qt::AscendingOrder);
        m_proxy->sort(-1);
    }
    m_kind->setVisible(reg == Register::Referrals || reg == Register::Outcomes);
    m_flaggedOnly->setVisible(reg == Register::Clues || reg == Register::Coverage ||
                              reg == Register::Evaluations);
    m_flaggedOnly->setText(reg == Register::Clues      ? tr("Overdue only")
                           : reg == Register::Coverage ? tr("Still to cover only")
                                                       : tr("Second rectification only"));
    m_campaign->setVisible(reg == Register::ReturnVisits);
    m_followUpCounts->setVisible(reg == Register::Coverage);
    m_monthsLabel->setVisible(reg == Register::ReturnVisits);
    m_months->setVisible(reg == Register::ReturnVisits);
    if (m_db) {
        core::OversightService o(*m_db);
        const QSignalBlocker b1(m_followUpCounts), b2(m_months);
        m_followUpCounts->setChecked(o.coverageCountsFollowUp());
        m_months->setValue(o.performanceAssessmentMonths());
    }
    m_add->setText(reg == Register::Coverage      ? tr("Add unit…")
                   : reg == Register::RepeatLinks ? tr("Link…")
                                                  : tr("Add…"));
    m_delete->setText(reg == Register::Coverage      ? tr("Remove from list")
                      : reg == Register::RepeatLinks ? tr("Unlink")
                                                     : tr("Delete"));
    // Fit the columns to their contents, within reason; long texts keep their tooltip.
    QHeaderView *h = m_table->horizontalHeader();
    for (int c = 0; c < m->columnCount(); ++c) {
        m_table->resizeColumnToContents(c);
        h->resizeSection(c, std::min(h->sectionSize(c), 360));
    }
    updateSummary();
    updateTitle();
    updateControls();
}

QString RegisterView::titleText() const
{
    return m_title->text();
}

QString RegisterView::summaryText() const
{
    return m_summary->text();
}

void RegisterView::updateTitle()
{
    RegisterModel *m = model(m_current);
    const int shown = m_proxy->rowCount();
    if (shown == m->rowCount())
        m_title->setText(tr("%1 · %n row(s)", nullptr, m->rowCount()).arg(RegisterModel::title(m_current)));
    else
        m_title->setText(tr("%1 · %2 of %n row(s)", nullptr, m->rowCount())
                             .arg(RegisterModel::title(m_current))
                             .arg(shown));
}

void RegisterView::updateControls()
{
    const bool open = m_db != nullptr;
    const bool row = selected().first > 0;
    m_add->setEnabled(open);
    m_campaign->setEnabled(open);
    m_followUpCounts->setEnabled(open);
    m_months->setEnabled(open);
    m_edit->setEnabled(open && row && m_current != Register::Coverage);
    m_edit->setVisible(m_current != Register::Coverage);
    m_delete->setEnabled(open && row);
}

void RegisterView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_summaryStale)
        updateSummary();
}

void RegisterView::updateSummary()
{
    // The figures read the whole register: only for the page on screen (not at every open).
    m_summaryStale = !isVisible();
    if (m_summaryStale)
        return;
    m_referralYears->setVisible(false);
    m_summary->setToolTip({});
    if (!m_db) {
        m_summary->clear();
        m_summary->setVisible(false);
        return;
    }
    const core::SupervisionSummary s = core::SupervisionSummary::compute(*m_db, m_asOf);
    const QLocale locale;
    QString text;
    switch (m_current) {
    case Register::Clues:
        text =
            tr("As of %1: %2 clues transferred, %3 disposed, %4 overdue (due date passed without a result).")
                .arg(Labels::date(m_asOf))
                .arg(s.cluesTotal)
                .arg(s.cluesDisposed)
                .arg(s.cluesOverdue);
        break;
    case Register::Referrals: {
        text = tr("Issued as of %1: %2 referral sheets, %3 thematic reports, %4 key-situation reports.")
                   .arg(Labels::date(m_asOf))
                   .arg(s.referralSheets)
                   .arg(s.thematicReports)
                   .arg(s.keySituationReports);
        const QList<core::ReferralYear> years = core::OversightRegisters::referralsByYear(*m_db, m_asOf);
        m_referralYears->clear();
        m_referralYears->setColumnCount(5);
        m_referralYears->setHorizontalHeaderLabels(
            {tr("Year"), core::referralKindName(core::ReferralKind::ReferralSheet),
             core::referralKindName(core::ReferralKind::ThematicReport),
             core::referralKindName(core::ReferralKind::KeySituationReport), tr("Total")});
        m_referralYears->setRowCount(int(years.size()));
        for (int r = 0; r < years.size(); ++r) {
            const core::ReferralYear &y = years[r];
            const int values[] = {y.year, y.referralSheets, y.thematicReports, y.keySituationReports,
                                  y.total()};
            for (int c = 0; c < 5; ++c) {
                auto *item = new QTableWidgetItem(QString::number(values[c]));
                item->setTextAlignment(c == 0 ? Qt::Alignment(Qt::AlignCenter)
                                              : (Qt::AlignRight | Qt::AlignVCenter));
                m_referralYears->setItem(r, c, item);
            }
        }
        m_referralYears->resizeColumnsToContents();
        m_referralYears->resizeRowsToContents();
        int width = 2 * m_referralYears->frameWidth();
        for (int c = 0; c < 5; ++c)
            width += m_referralYears->columnWidth(c);
        int height = 2 * m_referralYears->frameWidth() + m_referralYears->horizontalHeader()->height();
        for (int r = 0; r < m_referralYears->rowCount(); ++r)
            height += m_referralYears->rowHeight(r);
        m_referralYears->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        m_referralYears->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        m_referralYears->setFixedSize(width, height);
        m_referralYears->setVisible(!years.isEmpty());
        break;
    }
    case Register::Evaluations: {
        QStringList grades;
        for (const QString &g :
             {QStringLiteral("好"), QStringLiteral("较好"), QStringLiteral("一般"), QStringLiteral("差")})
            grades << tr("%1 %2").arg(g).arg(s.evaluationsByGrade.value(g));
        text = tr("%1 units evaluated; grades: %2. A grade of 一般 or 差 opens a second rectification.")
                   .arg(s.unitsEvaluated)
                   .arg(grades.join(tr(", ")));
        break;
    }
    case Register::ReturnVisits: {
        const int months = std::max(
            1, m_db->meta(QStringLiteral("performance_assessment_months"), QStringLiteral("6")).toInt());
        QStringList lines;
        core::OversightService oversight(*m_db);
        for (const core::Campaign &c : oversight.campaigns())
            lines << tr("%1: %n unit(s) with open problems", nullptr,
                        int(oversight.unitsWithUnfinishedProblems(c.id, m_asOf).size()))
                         .arg(c.name);
        lines << tr("Units in performance assessment: %1").arg(s.unitsPastSixMonths);
        text = lines.join(QStringLiteral(" · "));
        m_summary->setToolTip(tr("Units in performance assessment: units with at least one problem fed back "
                                 "more than %n month(s) "
                                 "before %1 that is not closed out on that date (register setting "
                                 "performance_assessment_months).",
                                 nullptr, months)
                                  .arg(Labels::date(m_asOf)));
        break;
    }
    case Register::Outcomes:
        text = tr("%1 rules established · %2 people held accountable · %3 yuan recovered")
                   .arg(s.rulesEstablished)
                   .arg(s.peopleHeldAccountable)
                   .arg(locale.toString(s.fundsRecoveredYuan, 'f', 2));
        break;
    case Register::Coverage: {
        QStringList parts;
        for (const core::CoverageGroup &g : s.coverage.byCategory)
            parts << tr("%1 %2/%3 (%4)")
                         .arg(g.category)
                         .arg(g.mustCover ? g.covered : 0)
                         .arg(g.mustCover)
                         .arg(percent(g.rate()));
        text = tr("%1: coverage %2 (%3 of %4 units); %5")
                   .arg(s.coverage.term, percent(s.coverage.rate()))
                   .arg(s.coverage.covered)
                   .arg(s.coverage.mustCover)
                   .arg(parts.join(QStringLiteral(" · ")));
        m_summary->setToolTip(tr("Regular, thematic, elevated, flexible and cross inspections entered by the "
                                 "date count; follow-up reviews (回头看) count when the register setting "
                                 "coverage_counts_follow_up is on."));
        break;
    }
    case Register::RepeatLinks:
        text = tr("Municipal problems rectified together with the central or provincial problem they repeat. "
                  "Statistics count each problem once, in its own source level.");
        break;
    }
    m_summary->setText(text);
    m_summary->setVisible(!text.isEmpty());
}

RegisterChoices RegisterView::choices() const
{
    RegisterChoices c;
    c.asOf = m_asOf.isValid() ? m_asOf : QDate::currentDate();
    if (!m_db)
        return c;
    core::OrganizationService org(*m_db);
    c.units = org.units();
    c.rounds = org.rounds();
    c.inspections = core::OversightRegisters::inspectionChoices(*m_db);
    c.problems = core::OversightRegisters::problemChoices(*m_db);
    c.ownSource = core::registerSourceLevel(*m_db);
    for (const core::Campaign &k : core::OversightService(*m_db).campaigns())
        c.campaigns << k.name;
    return c;
}

std::pair<qint64, int> RegisterView::selected() const
{
    const QModelIndexList rows =
        m_table->selectionModel() ? m_table->selectionModel()->selectedRows() : QModelIndexList{};
    if (rows.isEmpty())
        return {0, -1};
    const QModelIndex i = rows.first();
    return {i.data(RegisterModel::IdRole).toLongLong(), i.data(RegisterModel::KindRole).toInt()};
}

bool RegisterView::report(bool ok, const QString &message)
{
    if (!ok)
        QMessageBox::warning(this, tr("Not saved"), message);
    return ok;
}

bool RegisterView::report(const core::Status &s)
{
    return report(s.ok(), s ? QString() : s.error().message);
}

bool RegisterView::report(const core::Result<qint64> &r)
{
    return report(r.ok(), r ? QString() : r.error().message);
}

void RegisterView::refreshKeepingSelection()
{
    if (!m_db)
        return;
    const QModelIndex current = m_table->currentIndex();
    const qint64 id =
        current.isValid() ? current.siblingAtColumn(0).data(RegisterModel::IdRole).toLongLong() : 0;
    const int scroll = m_table->verticalScrollBar()->value();
    reload(id);
    m_table->verticalScrollBar()->setValue(scroll);
}

void RegisterView::reload(qint64 selectId)
{
    for (RegisterModel *m : m_models)
        m->load(m_db, m_asOf);
    updateSummary();
    updateTitle();
    if (selectId > 0) {
        for (int r = 0; r < m_proxy->rowCount(); ++r) {
            if (m_proxy->index(r, 0).data(RegisterModel::IdRole).toLongLong() == selectId) {
                m_table->selectRow(r);
                m_table->scrollTo(m_proxy->index(r, 0));
                break;
            }
        }
    }
    updateControls();
    Q_EMIT changed();
}

void RegisterView::addRecord()
{
    if (!m_db)
        return;
    core::OversightService oversight(*m_db);
    const RegisterChoices ch = choices();
    switch (m_current) {
    case Register::Clues: {
        ClueDialog d(core::Clue{}, ch, this);
        if (d.exec() != QDialog::Accepted)
            return;
        auto id = oversight.addClue(d.clue());
        if (report(id))
            reload(*id);
        break;
    }
    case Register::Referrals: {
        ReferralDialog d(core::Referral{}, ch, this);
        if (d.exec() != QDialog::Accepted)
            return;
        auto id = oversight.addReferral(d.referral());
        if (report(id))
            reload(*id);
        break;
    }
    case Register::Evaluations: {
        EvaluationDialog d(core::Evaluation{}, ch, core::EvaluationTemplate::builtIn(), this);
        if (d.exec() != QDialog::Accepted)
            return;
        auto id = oversight.addEvaluation(d.evaluation());
        if (report(id))
            reload(*id);
        break;
    }
    case Register::ReturnVisits: {
        ReturnVisitDialog d(
            core::ReturnVisit{}, ch, [this](const QString &name) { return campaignUnits(name); }, this);
        if (d.exec() != QDialog::Accepted)
            return;
        auto id = oversight.addReturnVisit(d.visit());
        if (report(id))
            reload(*id);
        break;
    }
    case Register::Outcomes: {
        core::OutcomeRow initial;
        if (m_kind->currentData().isValid())
            initial.kind = core::OutcomeRow::Kind(m_kind->currentData().toInt());
        OutcomeDialog d(initial, false, ch, this);
        if (d.exec() != QDialog::Accepted)
            return;
        const core::OutcomeRow o = d.outcome();
        core::Result<qint64> id =
            o.kind == core::OutcomeRow::Kind::RuleEstablished
                ? oversight.addRuleEstablished(o.problemId, o.unitId, o.name, o.date)
            : o.kind == core::OutcomeRow::Kind::Accountability
                ? oversight.addAccountability(o.problemId, o.unitId, o.name, int(o.amount), o.date)
                : oversight.addFundsRecovered(o.problemId, o.unitId, o.amount, o.date);
        if (report(id))
            reload(*id);
        break;
    }
    case Register::Coverage: {
        const qint64 term = core::Statistics::coverageTerm(*m_db, m_asOf);
        if (term <= 0) {
            report(false, tr("No term has begun by %1.").arg(Labels::date(m_asOf)));
            return;
        }
        QSet<qint64> listed;
        QString termName;
        for (const core::CoverageUnitRow &r : core::OversightRegisters::coverageUnits(*m_db, m_asOf)) {
            listed.insert(r.unitId);
            termName = r.term;
        }
        QList<core::Unit> offered;
        for (const core::Unit &u : ch.units) {
            if (!listed.contains(u.id))
                offered << u;
        }
        MustCoverDialog d(termName.isEmpty() ? core::Statistics::coverage(*m_db, m_asOf).term : termName,
                          offered, this);
        if (d.exec() != QDialog::Accepted)
            return;
        auto s = core::OrganizationService(*m_db).setMustCover(term, d.unitId(), true);
        if (report(s))
            reload(d.unitId());
        break;
    }
    case Register::RepeatLinks: {
        RepeatLinkDialog d(0, 0, ch, this);
        if (d.exec() != QDialog::Accepted)
            return;
        auto s = oversight.linkRepeatedProblem(d.problemId(), d.repeatedId());
        if (report(s))
            reload(d.problemId());
        break;
    }
    }
}

void RegisterView::editRecord()
{
    const auto [id, kind] = selected();
    if (!m_db || id <= 0)
        return;
    core::OversightService oversight(*m_db);
    const RegisterChoices ch = choices();
    switch (m_current) {
    case Register::Clues: {
        const QList<core::Clue> clues = oversight.clues();
        auto it =
            std::find_if(clues.cbegin(), clues.cend(), [id = id](const core::Clue &c) { return c.id == id; });
        if (it == clues.cend())
            return;
        ClueDialog d(*it, ch, this);
        if (d.exec() != QDialog::Accepted)
            return;
        auto s = oversight.updateClue(d.clue());
        if (report(s))
            reload(id);
        break;
    }
    case Register::Referrals: {
        const auto ref = oversight.referral(id);
        if (!ref)
            return;
        ReferralDialog d(*ref, ch, this);
        if (d.exec() != QDialog::Accepted)
            return;
        auto s = oversight.updateReferral(d.referral());
        if (report(s))
            reload(id);
        break;
    }
    case Register::Evaluations: {
        const auto e = oversight.evaluation(id);
        if (!e)
            return;
        EvaluationDialog d(*e, ch, core::EvaluationTemplate::builtIn(), this);
        if (d.exec() != QDialog::Accepted)
            return;
        auto s = oversight.updateEvaluation(d.evaluation());
        if (report(s))
            reload(id);
        break;
    }
    case Register::ReturnVisits: {
        const QList<core::ReturnVisitRow> visits = core::OversightRegisters::returnVisits(*m_db);
        auto it = std::find_if(visits.cbegin(), visits.cend(),
                               [id = id](const core::ReturnVisitRow &v) { return v.visit.id == id; });
        if (it == visits.cend())
            return;
        ReturnVisitDialog d(
            it->visit, ch, [this](const QString &name) { return campaignUnits(name); }, this);
        if (d.exec() != QDialog::Accepted)
            return;
        auto s = oversight.updateReturnVisit(d.visit());
        if (report(s))
            reload(id);
        break;
    }
    case Register::Outcomes: {
        const QList<core::OutcomeRow> outcomes = core::OversightRegisters::outcomes(*m_db);
        auto it = std::find_if(
            outcomes.cbegin(), outcomes.cend(),
            [id = id, kind = kind](const core::OutcomeRow &o) { return o.id == id && int(o.kind) == kind; });
        if (it == outcomes.cend())
            return;
        OutcomeDialog d(*it, true, ch, this);
        if (d.exec() != QDialog::Accepted)
            return;
        const core::OutcomeRow o = d.outcome();
        core::Status s =
            o.kind == core::OutcomeRow::Kind::RuleEstablished
                ? oversight.updateRuleEstablished(o.id, o.problemId, o.unitId, o.name, o.date)
            : o.kind == core::OutcomeRow::Kind::Accountability
                ? oversight.updateAccountability(o.id, o.problemId, o.unitId, o.name, int(o.amount), o.date)
                : oversight.updateFundsRecovered(o.id, o.problemId, o.unitId, o.amount, o.date);
        if (report(s))
            reload(id);
        break;
    }
    case Register::Coverage:
        break;
    case Register::RepeatLinks: {
        qint64 repeated = 0;
        for (const core::RepeatLinkRow &l : core::OversightRegisters::repeatLinks(*m_db)) {
            if (l.problemId == id)
                repeated = l.repeatedId;
        }
        RepeatLinkDialog d(id, repeated, ch, this);
        if (d.exec() != QDialog::Accepted)
            return;
        auto s = oversight.linkRepeatedProblem(d.problemId(), d.repeatedId());
        if (report(s))
            reload(id);
        break;
    }
    }
}

void RegisterView::deleteRecord()
{
    const auto [id, kind] = selected();
    if (!m_db || id <= 0)
        return;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    const QString what = rows.first()
                             .siblingAtColumn(m_current == Register::Clues       ? 1
                                              : m_current == Register::Referrals ? 4
                                                                                 : 0)
                             .data()
                             .toString()
                             .left(60);
    QString question;
    switch (m_current) {
    case Register::Coverage:
        question = tr("Take “%1” off the term's must-cover list?")
                       .arg(rows.first().siblingAtColumn(1).data().toString());
        break;
    case Register::RepeatLinks:
        question = tr("Unlink problem %1 from the problem it repeats?").arg(what);
        break;
    default:
        question = tr("Delete “%1” from the %2? This cannot be undone here; the audit log keeps the record.")
                       .arg(what, RegisterModel::title(m_current));
        break;
    }
    if (QMessageBox::question(this, tr("Delete"), question, QMessageBox::Yes | QMessageBox::No,
                              QMessageBox::No) != QMessageBox::Yes)
        return;
    core::OversightService oversight(*m_db);
    core::Status s = core::okStatus();
    switch (m_current) {
    case Register::Clues:
        s = oversight.deleteClue(id);
        break;
    case Register::Referrals:
        s = oversight.deleteReferral(id);
        break;
    case Register::Evaluations:
        s = oversight.deleteEvaluation(id);
        break;
    case Register::ReturnVisits:
        s = oversight.deleteReturnVisit(id);
        break;
    case Register::Outcomes:
        s = oversight.deleteOutcome(core::outcomeTable(core::OutcomeRow::Kind(kind)), id);
        break;
    case Register::Coverage:
        s = core::OrganizationService(*m_db).setMustCover(core::Statistics::coverageTerm(*m_db, m_asOf), id,
                                                          false);
        break;
    case Register::RepeatLinks:
        s = oversight.unlinkRepeatedProblem(id);
        break;
    }
    if (report(s))
        reload();
}

QList<qint64> RegisterView::campaignUnits(const QString &campaign) const
{
    core::OversightService o(*m_db);
    for (const core::Campaign &c : o.campaigns()) {
        if (c.name == campaign)
            return o.unitsWithUnfinishedProblems(c.id, m_asOf);
    }
    return {};
}

QStringList RegisterView::unitNamesWithOpenProblems(const QList<qint64> &roundIds) const
{
    QHash<qint64, QString> names;
    for (const core::Unit &u : core::OrganizationService(*m_db).units())
        names.insert(u.id, u.name);
    QStringList out;
    for (qint64 id : core::OversightService(*m_db).unitsWithUnfinishedProblemsInRounds(roundIds, m_asOf))
        out << names.value(id);
    return out;
}

std::optional<core::Campaign> RegisterView::runCampaignDialog(const core::Campaign &initial)
{
    CampaignDialog d(
        initial, choices(), [this](const QList<qint64> &rounds) { return unitNamesWithOpenProblems(rounds); },
        this);
    if (d.exec() != QDialog::Accepted)
        return std::nullopt;
    return d.campaign();
}

void RegisterView::showCampaignMenu()
{
    if (!m_db)
        return;
    const QList<core::Campaign> campaigns = core::OversightService(*m_db).campaigns();
    if (campaigns.isEmpty()) {
        addCampaign();
        return;
    }
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("campaignMenu"));
    menu.addAction(tr("New campaign…"), this, &RegisterView::addCampaign);
    menu.addSeparator();
    for (const core::Campaign &c : campaigns) {
        menu.addAction(tr("Edit “%1”…").arg(c.name), this, [this, id = c.id] { editCampaign(id); });
        menu.addAction(tr("Delete “%1”").arg(c.name), this, [this, id = c.id] { deleteCampaign(id); });
    }
    menu.exec(m_campaign->mapToGlobal(QPoint(0, m_campaign->height())));
}

void RegisterView::addCampaign()
{
    if (!m_db)
        return;
    const auto c = runCampaignDialog(core::Campaign{});
    if (!c)
        return;
    auto id = core::OversightService(*m_db).addCampaign(*c);
    if (report(id))
        reload();
}

void RegisterView::editCampaign(qint64 campaignId)
{
    if (!m_db)
        return;
    for (const core::Campaign &stored : core::OversightService(*m_db).campaigns()) {
        if (stored.id != campaignId)
            continue;
        const auto c = runCampaignDialog(stored);
        if (!c)
            return;
        const core::Status s = core::OversightService(*m_db).updateCampaign(*c);
        if (report(s))
            reload();
        return;
    }
}

void RegisterView::deleteCampaign(qint64 campaignId)
{
    if (!m_db)
        return;
    QString name;
    for (const core::Campaign &c : core::OversightService(*m_db).campaigns()) {
        if (c.id == campaignId)
            name = c.name;
    }
    if (name.isEmpty() ||
        QMessageBox::question(this, tr("Delete"), tr("Delete the campaign “%1”?").arg(name),
                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes)
        return;
    const core::Status s = core::OversightService(*m_db).deleteCampaign(campaignId);
    if (report(s))
        reload();
}

bool RegisterView::saveEditorScreenshots(const QString &dir)
{
    if (!m_db)
        return false;
    bool ok = true;
    const RegisterChoices ch = choices();
    core::OversightService oversight(*m_db);
    auto shoot = [&](QDialog *d, const QString &key) {
        d->show();
        d->adjustSize();
        for (int i = 0; i < 5; ++i)
            QCoreApplication::processEvents();
        ok = d->grab().save(QDir(dir).filePath(QStringLiteral("register-editor-%1.png").arg(key))) && ok;
        d->close();
    };
    {
        const QList<core::Clue> clues = oversight.clues();
        ClueDialog d(clues.isEmpty() ? core::Clue{} : clues.last(), ch, this);
        shoot(&d, RegisterModel::key(Register::Clues));
    }
    {
        const QList<core::ReferralRow> rows = core::OversightRegisters::referrals(*m_db);
        const auto ref = rows.isEmpty() ? std::nullopt : oversight.referral(rows.first().referral.id);
        ReferralDialog d(ref.value_or(core::Referral{}), ch, this);
        shoot(&d, RegisterModel::key(Register::Referrals));
    }
    {
        const QList<core::EvaluationRow> rows = core::OversightRegisters::evaluations(*m_db);
        std::optional<core::Evaluation> e;
        for (const core::EvaluationRow &r : rows) {
            if (r.evaluation.secondRectification)
                e = oversight.evaluation(r.evaluation.id);
        }
        EvaluationDialog d(e.value_or(core::Evaluation{}), ch, core::EvaluationTemplate::builtIn(), this);
        shoot(&d, RegisterModel::key(Register::Evaluations));
    }
    {
        const QList<core::ReturnVisitRow> rows = core::OversightRegisters::returnVisits(*m_db);
        ReturnVisitDialog d(rows.isEmpty() ? core::ReturnVisit{} : rows.first().visit, ch, {}, this);
        shoot(&d, RegisterModel::key(Register::ReturnVisits));
    }
    {
        core::Campaign c;
        for (int i = 0; i < ch.rounds.size() && i < 8; ++i)
            c.roundIds << ch.rounds[i].id;
        c.name = QStringLiteral("前八轮巡察整改进展情况专项督办");
        CampaignDialog d(
            c, ch, [this](const QList<qint64> &rounds) { return unitNamesWithOpenProblems(rounds); }, this);
        shoot(&d, QStringLiteral("campaign"));
    }
    {
        const QList<core::OutcomeRow> rows = core::OversightRegisters::outcomes(*m_db);
        auto it = std::find_if(rows.cbegin(), rows.cend(), [](const core::OutcomeRow &o) {
            return o.kind == core::OutcomeRow::Kind::Accountability;
        });
        OutcomeDialog d(it == rows.cend() ? core::OutcomeRow{} : *it, it != rows.cend(), ch, this);
        shoot(&d, RegisterModel::key(Register::Outcomes));
    }
    {
        QList<core::Unit> offered = ch.units;
        MustCoverDialog d(core::Statistics::coverage(*m_db, m_asOf).term, offered, this);
        shoot(&d, RegisterModel::key(Register::Coverage));
    }
    {
        qint64 repeated = 0;
        for (const core::ProblemChoice &p : ch.problems) {
            if (p.source != ch.ownSource && !repeated)
                repeated = p.id;
        }
        RepeatLinkDialog d(0, repeated, ch, this);
        shoot(&d, RegisterModel::key(Register::RepeatLinks));
    }
    return ok;
}

} // namespace rectrack::ui
