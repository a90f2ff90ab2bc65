#include "patternsview.h"

#include "commands/editcommand.h"
#include "models/labels.h"
#include "stats/statistics.h"
#include "views/workerlocation.h"

#include <QCoreApplication>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QThread>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <memory>

namespace rectrack::ui {

namespace {

QString percent(double rate)
{
    return core::Statistics::formatPercent(rate);
}

QString pair(int units, int events)
{
    return events ? QStringLiteral("%1/%2").arg(units).arg(events) : QStringLiteral("0");
}

} // namespace

PatternsView::PatternsView(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0); // no steps to count: the search's pairs are not known ahead
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(8);
    m_busy->hide();
    layout->addWidget(m_busy);

    // Two rows: finding and deciding the patterns, then acting on one. One row of all ten buttons
    // made the page (and so the main window, whose tab pages all share one minimum width) wider
    // than a 1024-pixel screen.
    auto *buttons = new QHBoxLayout;
    auto *acting = new QHBoxLayout;
    const auto button = [&](QPushButton *&b, const QString &text, void (PatternsView::*slot)()) {
        b = new QPushButton(text, this);
        buttons->addWidget(b);
        connect(b, &QPushButton::clicked, this, slot);
    };
    m_refresh = new QPushButton(tr("Refresh suggestions"), this);
    buttons->addWidget(m_refresh);
    connect(m_refresh, &QPushButton::clicked, this, [this] { reload(true); });
    button(m_accept, tr("Accept…"), &PatternsView::accept);
    button(m_rename, tr("Rename…"), &PatternsView::rename);
    button(m_split, tr("Split…"), &PatternsView::split);
    button(m_merge, tr("Merge…"), &PatternsView::merge);
    button(m_move, tr("Move…"), &PatternsView::move);
    button(m_exclude, tr("Exclude"), &PatternsView::exclude);
    button(m_remove, tr("Delete"), &PatternsView::remove);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    button(m_referral, tr("Referral sheet…"), &PatternsView::raiseReferral);
    button(m_rule, tr("Rule building…"), &PatternsView::raiseRule);
    for (QPushButton *b : {m_referral, m_rule})
        acting->addWidget(b); // moves them from the first row
    acting->addStretch(1);
    layout->addLayout(acting);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("patterns"));
    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels({tr("Pattern / problem"), tr("Common"), tr("Units"), tr("Rounds"), tr("Problems"),
                             tr("Closed out"), tr("Close-out rate"), tr("Recurrences"), tr("Not rectified"),
                             tr("Referrals and rules")});
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setColumnWidth(NameColumn, 380);
    for (int c = CommonColumn; c < OutcomesColumn; ++c)
        m_tree->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    layout->addWidget(m_tree, 1);
    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, &PatternsView::updateButtons);
    connect(m_tree, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        const qint64 problem = item->data(NameColumn, ProblemIdRole).toLongLong();
        if (problem > 0)
            Q_EMIT problemActivated(problem);
    });
    updateButtons();
}

PatternsView::~PatternsView()
{
    if (m_search) {
        m_search->disconnect(this);
        m_search->wait();
        delete m_search;
    }
}

void PatternsView::setDatabase(core::Database *db, EditContext *context, const QDate &asOf)
{
    ++m_generation;
    m_searchAgain = false;
    m_db = db;
    m_context = context;
    m_asOf = asOf;
    m_suggestions.clear();
    m_patterns.clear();
    m_stale = db != nullptr;
    if (m_stale && isVisible())
        reload(true);
    else
        fill();
}

void PatternsView::setAsOf(const QDate &asOf, bool readOnly)
{
    const bool changed = asOf != m_asOf;
    m_asOf = asOf;
    m_readOnly = readOnly;
    if (changed && m_db) {
        if (isVisible())
            reload(false);
        else
            m_figuresStale = true;
    }
    updateButtons();
}

void PatternsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        reload(true);
    else if (m_figuresStale)
        reload(false);
}

void PatternsView::reload(bool withSuggestions)
{
    m_stale = false;
    m_figuresStale = false;
    m_patterns.clear();
    if (!m_db) {
        m_suggestions.clear();
        fill();
        return;
    }
    core::PatternService service(*m_db);
    if (auto f = service.figures(m_asOf))
        m_patterns = *f;
    if (withSuggestions)
        startSearch(); // the suggestions follow
    else
        m_suggestions = undecided(m_suggestions); // the others stay until the next search
    fill();
}

QList<core::PatternFigures> PatternsView::undecided(const QList<core::PatternFigures> &found) const
{
    QSet<qint64> decided;
    for (const core::Pattern &p : core::PatternService(*m_db).patterns())
        for (const qint64 m : p.members + p.excluded)
            decided.insert(m);
    QList<core::PatternFigures> left;
    for (const core::PatternFigures &s : found) {
        bool open = false;
        for (const core::PatternMember &m : s.members)
            open = open || (!decided.contains(m.problem.id) && (s.patternId == 0 || m.added));
        if (open)
            left << s;
    }
    return left;
}

void PatternsView::startSearch()
{
    const QString location = workerLocation(*m_db);
    if (location.isEmpty() || location == QLatin1String(":memory:")) {
        if (auto s = core::PatternService(*m_db).suggestions(m_asOf))
            m_suggestions = *s;
        return;
    }
    if (m_search) {
        m_searchAgain = true; // the register changed meanwhile: search again when this one ends
        return;
    }
    using Found = core::Result<QList<core::PatternFigures>>;
    auto result = std::make_shared<std::optional<Found>>();
    const QDate asOf = m_asOf;
    m_search = QThread::create([result, location, asOf] {
        auto db = core::Database::open(location, core::Database::OpenMode::Existing);
        if (!db)
            *result = Found(db.error());
        else
            *result = core::PatternService(**db).suggestions(asOf);
    });
    const quint64 generation = m_generation;
    connect(m_search, &QThread::finished, this, [this, result, generation] {
        m_search->deleteLater();
        m_search = nullptr;
        if (std::exchange(m_searchAgain, false) && m_db) {
            startSearch();
            fill();
            return;
        }
        if (generation != m_generation || !m_db)
            return; // another register since
        if (*result && **result)
            m_suggestions = undecided(***result);
        else if (*result)
            report((*result)->error());
        fill();
        updateButtons();
    });
    m_search->start(QThread::LowPriority);
    updateButtons();
}

void PatternsView::waitForSuggestions()
{
    while (m_search) {
        m_search->wait();
        // Deliver its (queued) finished signal now: it shows the suggestions or starts the next search.
        QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
    }
}

QString PatternsView::summaryText() const
{
    int common = 0, recurrenceUnits = 0;
    for (const core::PatternFigures &f : m_patterns) {
        common += f.common ? 1 : 0;
        recurrenceUnits += f.recurrenceUnits;
    }
    const QString text =
        tr("%1 confirmed patterns, %2 of them common (共性); %3 units with recurrences (屡查屡犯); %4 "
           "suggestions to review. Similar texts are only suggestions: a pattern counts once a person "
           "accepts it.")
            .arg(m_patterns.size())
            .arg(common)
            .arg(recurrenceUnits)
            .arg(m_suggestions.size());
    return m_search ? text + QLatin1Char(' ') +
                          tr("Looking for similar problems in the whole register; the suggestions follow.")
                    : text;
}

void PatternsView::fill()
{
    m_tree->clear();
    m_summary->setText(summaryText());
    m_busy->setVisible(m_search != nullptr);
    const auto addPattern = [this](QTreeWidgetItem *parent, const core::PatternFigures &f, int suggestion) {
        auto *item = new QTreeWidgetItem(parent);
        QString name = f.name;
        if (f.suggested && f.patternId)
            name = tr("Add to: %1").arg(f.name);
        item->setText(NameColumn, name);
        item->setToolTip(NameColumn, f.name);
        item->setText(CommonColumn, f.common ? tr("common") : QString());
        item->setText(UnitsColumn, QString::number(f.units));
        item->setText(RoundsColumn, QString::number(f.rounds));
        item->setText(ProblemsColumn, QString::number(f.problems));
        item->setText(ClosedOutColumn, QString::number(f.closedOut));
        item->setText(RateColumn, percent(f.closeOutRate));
        item->setText(RecurrenceColumn, pair(f.recurrenceUnits, f.recurrenceEvents));
        item->setText(UnrectifiedColumn, pair(f.unrectifiedUnits, f.unrectifiedEvents));
        item->setText(OutcomesColumn, (f.referrals + f.rules).join(QStringLiteral("；")));
        for (int c = UnitsColumn; c <= UnrectifiedColumn; ++c)
            item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
        item->setData(NameColumn, PatternIdRole, f.patternId);
        item->setData(NameColumn, SuggestionRole, suggestion);
        if (f.common) {
            QFont bold = item->font(NameColumn);
            bold.setBold(true);
            item->setFont(NameColumn, bold);
        }
        for (const core::PatternMember &m : f.members) {
            auto *child = new QTreeWidgetItem(item);
            QStringList marks;
            if (m.recurrence)
                marks << tr("recurrence");
            if (m.unrectified)
                marks << tr("not rectified");
            if (m.added)
                marks << tr("new");
            child->setText(NameColumn,
                           QStringLiteral("%1  %2").arg(m.problem.registrationNo, m.problem.text));
            child->setToolTip(NameColumn, m.problem.text);
            child->setText(CommonColumn, marks.join(u' '));
            child->setText(UnitsColumn, m.problem.unit);
            child->setText(RoundsColumn, m.problem.round);
            child->setText(ProblemsColumn, tr("%1 similar").arg(m.similarity, 0, 'f', 2));
            child->setText(ClosedOutColumn, Labels::state(m.problem.state));
            child->setText(RateColumn, Labels::date(m.problem.feedbackDate));
            child->setData(NameColumn, ProblemIdRole, m.problem.id);
            child->setData(NameColumn, PatternIdRole, f.suggested ? 0 : f.patternId);
            child->setData(NameColumn, SuggestionRole, suggestion);
        }
    };
    auto *confirmed = new QTreeWidgetItem(m_tree, {tr("Confirmed patterns (%1)").arg(m_patterns.size())});
    confirmed->setData(NameColumn, SuggestionRole, -1);
    for (const core::PatternFigures &f : std::as_const(m_patterns))
        addPattern(confirmed, f, -1);
    auto *suggested = new QTreeWidgetItem(m_tree, {tr("Suggestions (%1)").arg(m_suggestions.size())});
    suggested->setData(NameColumn, SuggestionRole, -1);
    for (int i = 0; i < m_suggestions.size(); ++i)
        addPattern(suggested, m_suggestions[i], i);
    confirmed->setExpanded(true);
    suggested->setExpanded(true);
    updateButtons();
}

qint64 PatternsView::currentPattern() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    if (!item || item->data(NameColumn, SuggestionRole).toInt() >= 0)
        return 0;
    return item->data(NameColumn, PatternIdRole).toLongLong();
}

int PatternsView::currentSuggestion() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    if (!item || !item->data(NameColumn, SuggestionRole).isValid())
        return -1;
    return item->data(NameColumn, SuggestionRole).toInt();
}

QList<qint64> PatternsView::selectedProblems() const
{
    QList<qint64> out;
    for (const QTreeWidgetItem *item : m_tree->selectedItems()) {
        const qint64 id = item->data(NameColumn, ProblemIdRole).toLongLong();
        if (id > 0)
            out << id;
    }
    return out;
}

void PatternsView::updateButtons()
{
    const bool db = m_db && m_context;
    const bool pattern = db && currentPattern() > 0;
    const bool member = pattern && !selectedProblems().isEmpty();
    m_refresh->setEnabled(m_db != nullptr && !m_search);
    // At a past 截至 the page shows the patterns as they stood; decisions are made today.
    const bool decide = !m_readOnly;
    m_accept->setEnabled(decide && db && currentSuggestion() >= 0);
    m_rename->setEnabled(decide && pattern);
    m_split->setEnabled(decide && member);
    m_merge->setEnabled(decide && pattern && m_patterns.size() > 1);
    m_move->setEnabled(decide && member && m_patterns.size() > 1);
    m_exclude->setEnabled(decide && member);
    m_remove->setEnabled(decide && pattern);
    m_referral->setEnabled(decide && pattern);
    m_rule->setEnabled(decide && pattern);
}

void PatternsView::report(const core::Status &status)
{
    if (!status)
        QMessageBox::warning(this, tr("Common problems"), status.error().message);
}

core::Status PatternsView::runChange(const core::Result<core::PatternChange> &change, const QString &text)
{
    if (!change)
        return change.error();
    if (!m_db || !m_context)
        return core::Error{core::ErrorCode::Usage, tr("No register is open.")};
    core::Database *db = m_db;
    auto forward = std::make_shared<core::PatternChange>(*change);
    auto *command = new ServiceCommand(
        m_context, text,
        [db, forward]() -> core::Status {
            auto r = core::PatternService(*db).apply(*forward);
            if (!r)
                return r.error();
            *forward = *r; // new patterns keep their ids on redo
            return core::okStatus();
        },
        [db, forward]() -> core::Status {
            auto r = core::PatternService(*db).apply(forward->reversed());
            if (!r)
                return r.error();
            return core::okStatus();
        });
    const core::Status s = m_context->run(command);
    if (s)
        reload();
    return s;
}

core::Status PatternsView::acceptSuggestion(int index, const QString &name)
{
    if (!m_db || index < 0 || index >= m_suggestions.size())
        return core::Error{core::ErrorCode::Usage, tr("Choose a suggestion.")};
    const core::PatternFigures &s = m_suggestions[index];
    QList<qint64> ids;
    for (const core::PatternMember &m : s.members)
        ids << m.problem.id;
    core::PatternService service(*m_db);
    if (s.patternId)
        return runChange(service.addChange(s.patternId, ids), tr("Add problems to pattern %1").arg(s.name));
    const QString n = name.trimmed().isEmpty() ? s.name : name.trimmed();
    return runChange(service.acceptChange(n, ids), tr("Accept pattern %1").arg(n));
}

void PatternsView::accept()
{
    const int index = currentSuggestion();
    if (index < 0 || index >= m_suggestions.size())
        return;
    QString name = m_suggestions[index].name;
    if (!m_suggestions[index].patternId) {
        bool ok = false;
        name = QInputDialog::getText(this, tr("Accept pattern"), tr("Name of the pattern:"),
                                     QLineEdit::Normal, name, &ok);
        if (!ok)
            return;
    }
    report(acceptSuggestion(index, name));
}

void PatternsView::rename()
{
    const qint64 id = currentPattern();
    const auto p = core::PatternService(*m_db).pattern(id);
    if (!p)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename pattern"), tr("Name of the pattern:"),
                                               QLineEdit::Normal, p->name, &ok);
    if (ok)
        report(
            runChange(core::PatternService(*m_db).renameChange(id, name), tr("Rename pattern %1").arg(name)));
}

void PatternsView::split()
{
    const qint64 id = currentPattern();
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Split pattern"), tr("Name of the new pattern:"),
                                               QLineEdit::Normal, {}, &ok);
    if (ok)
        report(runChange(core::PatternService(*m_db).splitChange(id, selectedProblems(), name),
                         tr("Split pattern")));
}

namespace {

// Asks for another pattern than @p except; 0 when cancelled.
qint64 pickPattern(QWidget *parent, const QList<core::PatternFigures> &patterns, qint64 except,
                   const QString &title, const QString &label)
{
    QStringList names;
    QList<qint64> ids;
    for (const core::PatternFigures &f : patterns)
        if (f.patternId != except) {
            names << f.name;
            ids << f.patternId;
        }
    bool ok = false;
    const QString chosen = QInputDialog::getItem(parent, title, label, names, 0, false, &ok);
    return ok && names.contains(chosen) ? ids.at(names.indexOf(chosen)) : 0;
}

} // namespace

void PatternsView::merge()
{
    const qint64 id = currentPattern();
    const qint64 other =
        pickPattern(this, m_patterns, id, tr("Merge patterns"), tr("Merge into this pattern:"));
    if (other)
        report(runChange(core::PatternService(*m_db).mergeChange(id, other), tr("Merge patterns")));
}

void PatternsView::move()
{
    const QList<qint64> problems = selectedProblems();
    if (problems.isEmpty())
        return;
    const qint64 to =
        pickPattern(this, m_patterns, currentPattern(), tr("Move problems"), tr("Move to the pattern:"));
    if (to)
        report(runChange(core::PatternService(*m_db).addChange(to, problems), tr("Move problems")));
}

void PatternsView::exclude()
{
    const qint64 id = currentPattern();
    for (const qint64 problem : selectedProblems())
        report(runChange(core::PatternService(*m_db).excludeChange(id, problem), tr("Exclude problem")));
}

void PatternsView::remove()
{
    const qint64 id = currentPattern();
    if (QMessageBox::question(this, tr("Delete pattern"),
                              tr("Delete this pattern? Its problems stay in the register.")) !=
        QMessageBox::Yes)
        return;
    report(runChange(core::PatternService(*m_db).removeChange(id), tr("Delete pattern")));
}

void PatternsView::raiseReferral()
{
    const qint64 id = currentPattern();
    const auto p = core::PatternService(*m_db).pattern(id);
    if (!p)
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Referral sheet from a common problem"));
    auto *form = new QFormLayout(&dialog);
    auto *subject = new QLineEdit(tr("Referral on %1").arg(p->name), &dialog);
    auto *recipient = new QLineEdit(&dialog);
    auto *copyTo = new QLineEdit(&dialog);
    auto *number = new QLineEdit(&dialog);
    auto *issued = new QDateEdit(m_asOf, &dialog);
    auto *due = new QDateEdit(m_asOf.addMonths(1), &dialog);
    issued->setCalendarPopup(true);
    due->setCalendarPopup(true);
    form->addRow(tr("Subject:"), subject);
    form->addRow(tr("Responsible department:"), recipient);
    form->addRow(tr("Copy to:"), copyTo);
    form->addRow(tr("Number:"), number);
    form->addRow(tr("Issued on:"), issued);
    form->addRow(tr("Response due:"), due);
    form->addRow(
        new QLabel(tr("Linked to the pattern's %n problem(s).", nullptr, int(p->members.size())), &dialog));
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(box);
    connect(box, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    core::PatternReferral r;
    r.referral.subject = subject->text();
    r.referral.recipient = recipient->text().trimmed();
    r.referral.number = number->text().trimmed();
    r.referral.issuedOn = issued->date();
    r.copyTo = copyTo->text();
    r.dueDate = due->date();
    const auto id2 = core::PatternService(*m_db).raiseReferral(id, r);
    if (!id2) {
        report(id2.error());
        return;
    }
    if (m_context)
        m_context->notifyChanged();
    Q_EMIT registersChanged();
    reload();
}

void PatternsView::raiseRule()
{
    const qint64 id = currentPattern();
    const auto p = core::PatternService(*m_db).pattern(id);
    if (!p)
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Rule building from a common problem"));
    auto *form = new QFormLayout(&dialog);
    auto *name = new QLineEdit(&dialog);
    auto *owner = new QLineEdit(&dialog);
    auto *due = new QDateEdit(m_asOf.addMonths(3), &dialog);
    due->setCalendarPopup(true);
    form->addRow(tr("Rule to establish:"), name);
    form->addRow(tr("Owner:"), owner);
    form->addRow(tr("Due:"), due);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(box);
    connect(box, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const auto r = core::PatternService(*m_db).raiseRule(id, {name->text(), owner->text(), due->date()});
    if (!r) {
        report(r.error());
        return;
    }
    if (m_context)
        m_context->notifyChanged();
    Q_EMIT registersChanged();
    reload();
}

} // namespace rectrack::ui
