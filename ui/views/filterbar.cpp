#include "filterbar.h"

#include "models/labels.h"
#include "workflow/organizationservice.h"
#include "workflow/registerlevel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>

namespace rectrack::ui {

namespace {
void selectData(QComboBox *box, const QVariant &value)
{
    const int i = box->findData(value);
    box->setCurrentIndex(i >= 0 ? i : 0);
}
} // namespace

FilterBar::FilterBar(QWidget *parent) : QWidget(parent)
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(4, 4, 4, 4);
    grid->setHorizontalSpacing(6);
    grid->setVerticalSpacing(4);

    m_search = new QLineEdit(this);
    m_search->setClearButtonEnabled(true);
    m_search->setPlaceholderText(tr("Search problems and measures (Ctrl+F)"));
    m_search->setMinimumWidth(160);
    grid->addWidget(new QLabel(tr("Search"), this), 0, 0);
    grid->addWidget(m_search, 0, 1, 1, 3);
    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(300);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, &FilterBar::emitChanged);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchTimer->stop();
        emitChanged();
    });

    // Three rows of four label-choice pairs, so that the bar fits beside the side panes.
    m_round = addCombo(tr("Round"), grid, 0, 4);
    m_unit = addCombo(tr("Unit"), grid, 0, 6);
    m_office = addCombo(tr("Office"), grid, 1, 0);
    m_leader = addCombo(tr("Leader"), grid, 1, 2);
    m_source = addCombo(tr("Source"), grid, 1, 4);
    m_source->setObjectName(QStringLiteral("filterSource"));
    m_category = addCombo(tr("Category"), grid, 1, 6);
    m_state = addCombo(tr("State"), grid, 2, 0);
    m_light = addCombo(tr("Warning"), grid, 2, 2);

    auto *deadline = new QWidget(this);
    auto *dl = new QHBoxLayout(deadline);
    dl->setContentsMargins(0, 0, 0, 0);
    m_useDeadline = new QCheckBox(tr("Deadline"), deadline);
    m_from = new QDateEdit(QDate::currentDate(), deadline);
    m_to = new QDateEdit(QDate::currentDate(), deadline);
    for (QDateEdit *e : {m_from, m_to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        e->setEnabled(false);
        connect(e, &QDateEdit::dateChanged, this, &FilterBar::emitChanged);
    }
    connect(m_useDeadline, &QCheckBox::toggled, this, [this](bool on) {
        m_from->setEnabled(on);
        m_to->setEnabled(on);
        emitChanged();
    });
    dl->addWidget(m_useDeadline);
    dl->addWidget(m_from);
    dl->addWidget(new QLabel(QStringLiteral("–"), deadline));
    dl->addWidget(m_to);
    grid->addWidget(deadline, 2, 4, 1, 2);

    auto *buttons = new QWidget(this);
    auto *bl = new QHBoxLayout(buttons);
    bl->setContentsMargins(0, 0, 0, 0);
    auto *clear = new QPushButton(tr("Clear"), buttons);
    auto *save = new QPushButton(tr("Save view…"), buttons);
    bl->addWidget(clear);
    bl->addWidget(save);
    grid->addWidget(buttons, 2, 6, 1, 2);
    connect(clear, &QPushButton::clicked, this, [this] {
        setFilter({});
        emitChanged();
    });
    connect(save, &QPushButton::clicked, this, &FilterBar::saveViewRequested);
    m_drill = new QLabel(this);
    m_drill->setObjectName(QStringLiteral("drillDown"));
    m_drill->setWordWrap(true);
    m_drill->setStyleSheet(QStringLiteral("background: #fff3c4; padding: 3px 6px;"));
    m_drill->hide();
    grid->addWidget(m_drill, 3, 0, 1, 8);
    // ~100 units: type to find one (any part of its name).
    m_unit->setEditable(true);
    m_unit->setInsertPolicy(QComboBox::NoInsert);
    m_unit->completer()->setFilterMode(Qt::MatchContains);
    m_unit->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_unit->setMinimumContentsLength(12);
    for (int c : {1, 3, 5, 7})
        grid->setColumnStretch(c, 1);
    setDatabase(nullptr);
}

void FilterBar::setDrillDown(const QString &title)
{
    m_drill->setText(title.isEmpty()
                         ? QString()
                         : tr("Dashboard click-through: %1 (Clear shows the filter again)").arg(title));
    m_drill->setVisible(!title.isEmpty());
}

QString FilterBar::drillDown() const
{
    return m_drill->isVisible() ? m_drill->text() : QString();
}

QComboBox *FilterBar::addCombo(const QString &label, QGridLayout *grid, int row, int column)
{
    auto *box = new QComboBox(this);
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(5);
    box->setMaxVisibleItems(20);
    grid->addWidget(new QLabel(label, this), row, column);
    grid->addWidget(box, row, column + 1);
    connect(box, &QComboBox::currentIndexChanged, this, &FilterBar::emitChanged);
    return box;
}

void FilterBar::setDatabase(core::Database *db)
{
    m_quiet = true;
    const QString all = tr("All");
    for (QComboBox *b : {m_round, m_unit, m_office, m_leader, m_source, m_category, m_state, m_light}) {
        b->clear();
        b->addItem(all, QVariant());
    }
    for (core::SourceLevel s : core::sourceLevelOrder)
        m_source->addItem(Labels::source(s), int(s));
    for (core::ProblemState s :
         {core::ProblemState::Registered, core::ProblemState::InProgress, core::ProblemState::LongTerm,
          core::ProblemState::Completed, core::ProblemState::ClosedOut})
        m_state->addItem(Labels::state(s), int(s));
    m_state->addItem(tr("Not done"), -1);
    for (core::WarningLight w : {core::WarningLight::Red, core::WarningLight::Yellow,
                                 core::WarningLight::Green, core::WarningLight::Normal})
        m_light->addItem(Labels::light(w), int(w));
    m_light->addItem(tr("No light"), int(core::WarningLight::None));
    if (db) {
        core::OrganizationService org(*db);
        for (const core::Round &r : org.rounds())
            m_round->addItem(r.label, r.id);
        for (const core::Unit &u : org.units())
            m_unit->addItem(u.name, u.id);
        core::LedgerQuery query(*db);
        for (const QString &o : query.offices())
            m_office->addItem(o, o);
        for (const QString &l : query.leaders())
            m_leader->addItem(l, l);
        for (const auto &[id, name, depth] : query.categories())
            m_category->addItem(QString(depth * 2, QLatin1Char(' ')) + name, id);
    }
    m_search->clear();
    m_useDeadline->setChecked(false);
    const QDate asOf = db ? db->defaultAsOf() : QDate::currentDate();
    m_from->setDate(asOf);
    m_to->setDate(asOf.addMonths(1));
    m_quiet = false;
}

core::LedgerFilter FilterBar::filter() const
{
    core::LedgerFilter f;
    f.search = m_search->text().trimmed();
    f.roundId = m_round->currentData().toLongLong();
    f.unitId = m_unit->currentData().toLongLong();
    f.office = m_office->currentData().toString();
    f.leader = m_leader->currentData().toString();
    f.categoryId = m_category->currentData().toLongLong();
    if (m_source->currentData().isValid())
        f.source = core::SourceLevel(m_source->currentData().toInt());
    if (m_state->currentData().isValid()) {
        const int s = m_state->currentData().toInt();
        if (s < 0)
            f.states = {core::ProblemState::Registered, core::ProblemState::InProgress,
                        core::ProblemState::LongTerm};
        else
            f.states = {core::ProblemState(s)};
    }
    if (m_light->currentData().isValid())
        f.light = core::WarningLight(m_light->currentData().toInt());
    if (m_useDeadline->isChecked()) {
        f.deadlineFrom = m_from->date();
        f.deadlineTo = m_to->date();
    }
    return f;
}

void FilterBar::setFilter(const core::LedgerFilter &f)
{
    m_quiet = true;
    m_searchTimer->stop();
    m_search->setText(f.search);
    selectData(m_round, f.roundId > 0 ? QVariant(f.roundId) : QVariant());
    selectData(m_unit, f.unitId > 0 ? QVariant(f.unitId) : QVariant());
    selectData(m_office, f.office.isEmpty() ? QVariant() : QVariant(f.office));
    selectData(m_leader, f.leader.isEmpty() ? QVariant() : QVariant(f.leader));
    selectData(m_category, f.categoryId > 0 ? QVariant(f.categoryId) : QVariant());
    selectData(m_source, f.source ? QVariant(int(*f.source)) : QVariant());
    if (f.states.size() == 1)
        selectData(m_state, int(f.states.first()));
    else if (f.states.size() > 1)
        selectData(m_state, -1);
    else
        selectData(m_state, QVariant());
    selectData(m_light, f.light ? QVariant(int(*f.light)) : QVariant());
    m_useDeadline->setChecked(f.deadlineFrom.isValid() || f.deadlineTo.isValid());
    if (f.deadlineFrom.isValid())
        m_from->setDate(f.deadlineFrom);
    if (f.deadlineTo.isValid())
        m_to->setDate(f.deadlineTo);
    m_searchTimer->stop();
    m_quiet = false;
}

void FilterBar::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void FilterBar::emitChanged()
{
    if (!m_quiet)
        Q_EMIT filterChanged();
}

} // namespace rectrack::ui
