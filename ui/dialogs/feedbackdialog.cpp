#include "feedbackdialog.h"

#include "help/manualbrowser.h"
#include "io/ledgerrules.h"
#include "models/labels.h"
#include "sourcelevelchoice.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace rectrack::ui {

namespace {

/// Marks a number or deadline cell as filled in by the dialog (it follows the inspection fields).
constexpr int kAutoRole = Qt::UserRole + 1;

QComboBox *editableCombo(const QStringList &items, const QString &name, QWidget *parent)
{
    auto *c = new QComboBox(parent);
    c->setObjectName(name);
    c->setEditable(true);
    c->addItems(items);
    c->setCurrentIndex(-1);
    c->setInsertPolicy(QComboBox::NoInsert);
    return c;
}

/// Dates as a spreadsheet writes them: 2021-03-31, 2021/3/31, 2021.3.31, 2021年3月31日.
QDate parseDate(QString text)
{
    text = text.trimmed();
    for (const QString &f : {QStringLiteral("yyyy-M-d"), QStringLiteral("yyyy/M/d"),
                             QStringLiteral("yyyy.M.d"), QStringLiteral("yyyy年M月d日")}) {
        const QDate d = QDate::fromString(text, f);
        if (d.isValid())
            return d;
    }
    return {};
}

bool truthy(const QString &text)
{
    const QString t = text.trimmed();
    return t == u"是" || t == u"√" || t == u"1" || t.compare(u"yes", Qt::CaseInsensitive) == 0 ||
           t == u"立行立改";
}

} // namespace

FeedbackDialog::FeedbackDialog(const Choices &choices, QWidget *parent) : QDialog(parent), m_choices(choices)
{
    setObjectName(QStringLiteral("feedbackDialog"));
    setWindowTitle(tr("Register feedback"));
    installContextHelp(this, QStringLiteral("registration")); // F1: the manual's page

    auto *inspection = new QGroupBox(tr("Inspection"), this);
    m_round = editableCombo(choices.rounds, QStringLiteral("feedbackRound"), inspection);
    m_round->lineEdit()->setPlaceholderText(tr("e.g. 第十五轮第三批; empty outside a round"));
    m_unit = editableCombo(choices.units, QStringLiteral("feedbackUnit"), inspection);
    m_unit->lineEdit()->setPlaceholderText(tr("The inspected unit (party organisation)"));
    m_team = editableCombo(choices.teams, QStringLiteral("feedbackTeam"), inspection);
    m_kind = new QComboBox(inspection);
    m_kind->setObjectName(QStringLiteral("feedbackKind"));
    for (core::InspectionKind k :
         {core::InspectionKind::Regular, core::InspectionKind::Thematic, core::InspectionKind::Elevated,
          core::InspectionKind::Flexible, core::InspectionKind::Cross, core::InspectionKind::FollowUp})
        m_kind->addItem(Labels::kind(k), int(k));
    m_source = new QComboBox(inspection);
    m_source->setObjectName(QStringLiteral("feedbackSource"));
    SourceLevelChoice::fill(m_source);
    SourceLevelChoice::select(m_source, choices.source);
    m_theme = new QLineEdit(inspection);
    m_theme->setObjectName(QStringLiteral("feedbackTheme"));
    m_theme->setPlaceholderText(tr("Theme of a thematic inspection, e.g. 乡村振兴"));
    m_date = new QDateEdit(choices.today, inspection);
    m_date->setObjectName(QStringLiteral("feedbackDate"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));

    auto *grid = new QGridLayout(inspection);
    grid->addWidget(new QLabel(tr("Round/batch"), inspection), 0, 0);
    grid->addWidget(m_round, 0, 1);
    grid->addWidget(new QLabel(tr("Unit"), inspection), 0, 2);
    grid->addWidget(m_unit, 0, 3);
    grid->addWidget(new QLabel(tr("Team"), inspection), 0, 4);
    grid->addWidget(m_team, 0, 5);
    grid->addWidget(new QLabel(tr("Kind"), inspection), 1, 0);
    grid->addWidget(m_kind, 1, 1);
    grid->addWidget(new QLabel(tr("Source"), inspection), 1, 2);
    grid->addWidget(m_source, 1, 3);
    grid->addWidget(new QLabel(tr("Feedback date"), inspection), 1, 4);
    grid->addWidget(m_date, 1, 5);
    grid->addWidget(new QLabel(tr("Theme"), inspection), 2, 0);
    grid->addWidget(m_theme, 2, 1, 1, 5);
    grid->setColumnStretch(1, 2);
    grid->setColumnStretch(3, 2);
    grid->setColumnStretch(5, 1);

    m_pattern = new QLabel(this);
    m_pattern->setObjectName(QStringLiteral("feedbackPattern"));
    m_pattern->setWordWrap(true);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("feedbackProblems"));
    m_table->setHorizontalHeaderLabels({tr("No."), tr("Problem description"), tr("Category"),
                                        tr("Lead leader"), tr("Responsible office"), tr("Responsible person"),
                                        tr("Deadline"), tr("Immediate")});
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 14);
    const int em = fontMetrics().horizontalAdvance(QChar(0x4E2D));
    m_table->horizontalHeader()->setSectionResizeMode(DescriptionColumn, QHeaderView::Stretch);
    const int widths[] = {10, 0, 8, 5, 7, 5, 7, 4};
    for (int c = 0; c < ColumnCount; ++c) {
        if (widths[c] == 0)
            continue;
        // Wide enough for the header too (English headers are longer than Chinese ones).
        const int header = fontMetrics().horizontalAdvance(m_table->horizontalHeaderItem(c)->text()) + 16;
        m_table->setColumnWidth(c, std::max(widths[c] * em + 12, header));
    }
    m_table->setTabKeyNavigation(true);
    connect(m_table, &QTableWidget::cellChanged, this, [this](int row, int column) {
        if (m_updating)
            return;
        if (column == NumberColumn || column == DeadlineColumn) {
            // Typed over: it no longer follows the inspection fields.
            const QSignalBlocker block(m_table);
            m_table->item(row, column)->setData(kAutoRole, false);
        }
        validate();
    });

    auto *add = new QPushButton(tr("Add row"), this);
    add->setObjectName(QStringLiteral("feedbackAddRow"));
    add->setAutoDefault(false);
    auto *remove = new QPushButton(tr("Remove row"), this);
    remove->setObjectName(QStringLiteral("feedbackRemoveRow"));
    remove->setAutoDefault(false);
    auto *paste = new QPushButton(tr("Paste problems"), this);
    paste->setObjectName(QStringLiteral("feedbackPaste"));
    paste->setAutoDefault(false);
    paste->setToolTip(tr("One problem per line; columns separated by tabs, in the table's order after the "
                         "number (as copied from Excel or WPS)"));
    connect(add, &QPushButton::clicked, this, &FeedbackDialog::addRow);
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_table->currentRow() >= 0)
            m_table->removeRow(m_table->currentRow());
        renumber();
    });
    connect(paste, &QPushButton::clicked, this, &FeedbackDialog::pasteClipboard);
    auto *rowButtons = new QHBoxLayout;
    rowButtons->addWidget(add);
    rowButtons->addWidget(remove);
    rowButtons->addWidget(paste);
    rowButtons->addStretch(1);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("feedbackMessage"));
    m_message->setStyleSheet(QStringLiteral("color: #b42318;"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Register"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("feedbackRegister"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(inspection);
    layout->addWidget(m_pattern);
    layout->addWidget(m_table, 1);
    layout->addLayout(rowButtons);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);

    for (QComboBox *c : {m_round, m_unit})
        connect(c, &QComboBox::currentTextChanged, this, &FeedbackDialog::renumber);
    connect(m_date, &QDateEdit::dateChanged, this, &FeedbackDialog::renumber);

    setTabOrder(m_round, m_unit);
    setTabOrder(m_unit, m_team);
    setTabOrder(m_team, m_kind);
    setTabOrder(m_kind, m_source);
    setTabOrder(m_source, m_date);
    setTabOrder(m_date, m_theme);
    setTabOrder(m_theme, m_table);
    setTabOrder(m_table, add);
    resize(1180, 640);
    addRow();
    m_round->setFocus();
}

void FeedbackDialog::setInspection(const QString &round, const QString &unit, core::SourceLevel source,
                                   core::InspectionKind kind, const QDate &feedbackDate)
{
    m_round->setCurrentText(round);
    m_unit->setCurrentText(unit);
    m_source->setCurrentIndex(m_source->findData(int(source)));
    m_kind->setCurrentIndex(m_kind->findData(int(kind)));
    if (feedbackDate.isValid())
        m_date->setDate(feedbackDate);
    renumber();
}

void FeedbackDialog::addRow()
{
    m_updating = true;
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    for (int c = 0; c < ColumnCount; ++c) {
        if (c == CategoryColumn || c == ImmediateColumn)
            continue;
        auto *item = new QTableWidgetItem;
        if (c == NumberColumn || c == DeadlineColumn)
            item->setData(kAutoRole, true);
        m_table->setItem(row, c, item);
    }
    auto *category = new QComboBox(m_table);
    category->setObjectName(QStringLiteral("feedbackCategory"));
    category->addItem(QString(), qint64(0));
    for (const auto &[id, name, depth] : m_choices.categories)
        category->addItem(QString(depth, QChar(0x3000)) + name, id);
    m_table->setCellWidget(row, CategoryColumn, category);
    auto *immediate = new QTableWidgetItem;
    immediate->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    immediate->setCheckState(Qt::Unchecked);
    m_table->setItem(row, ImmediateColumn, immediate);
    m_updating = false;
    renumber();
    m_table->setCurrentCell(row, DescriptionColumn);
}

void FeedbackDialog::setCategory(int row, const QString &name)
{
    auto *combo = qobject_cast<QComboBox *>(m_table->cellWidget(row, CategoryColumn));
    if (!combo || name.trimmed().isEmpty())
        return;
    for (int i = 0; i < combo->count(); ++i) {
        if (combo->itemText(i).trimmed() == name.trimmed()) {
            combo->setCurrentIndex(i);
            return;
        }
    }
}

int FeedbackDialog::pasteRows(const QString &text)
{
    int added = 0;
    // Reuse an empty last row (the one the dialog opens with).
    auto lastEmpty = [this] {
        const int r = m_table->rowCount() - 1;
        return r >= 0 && m_table->item(r, DescriptionColumn)->text().trimmed().isEmpty();
    };
    for (QString line : text.split(QLatin1Char('\n'))) {
        line.remove(QLatin1Char('\r'));
        if (line.trimmed().isEmpty())
            continue;
        if (!lastEmpty())
            addRow();
        const int row = m_table->rowCount() - 1;
        const QStringList cells = line.split(QLatin1Char('\t'));
        m_updating = true;
        for (int i = 0; i < cells.size() && DescriptionColumn + i < ColumnCount; ++i) {
            const int column = DescriptionColumn + i;
            const QString cell = cells[i].trimmed();
            if (column == CategoryColumn)
                setCategory(row, cell);
            else if (column == ImmediateColumn)
                m_table->item(row, column)->setCheckState(truthy(cell) ? Qt::Checked : Qt::Unchecked);
            else if (column == DeadlineColumn) {
                if (cell.isEmpty())
                    continue;
                const QDate d = parseDate(cell);
                m_table->item(row, column)->setText(d.isValid() ? d.toString(Qt::ISODate) : cell);
                m_table->item(row, column)->setData(kAutoRole, false);
            } else
                m_table->item(row, column)->setText(cell);
        }
        m_updating = false;
        ++added;
    }
    renumber();
    return added;
}

int FeedbackDialog::pasteClipboard()
{
    return pasteRows(QApplication::clipboard()->text());
}

int FeedbackDialog::concentratedMonths() const
{
    for (const core::RoundDeadlines &r : m_choices.settings.rounds)
        if (r.label == m_round->currentText().trimmed())
            return r.concentratedMonths;
    return m_choices.settings.defaultConcentratedMonths;
}

QDate FeedbackDialog::defaultDeadline() const
{
    return m_date->date().addMonths(concentratedMonths());
}

void FeedbackDialog::renumber()
{
    if (m_updating)
        return;
    m_updating = true;
    const core::RegistrationNumber::Fields fields{m_round->currentText().trimmed(),
                                                  m_unit->currentText().trimmed(), m_date->date()};
    const QString pattern = m_choices.settings.registrationPattern;
    int seq = m_choices.nextSeq ? m_choices.nextSeq(fields) : 1;
    const QString deadline = defaultDeadline().toString(Qt::ISODate);
    for (int r = 0; r < m_table->rowCount(); ++r) {
        QTableWidgetItem *number = m_table->item(r, NumberColumn);
        if (number->data(kAutoRole).toBool())
            number->setText(core::RegistrationNumber::format(pattern, fields, seq++));
        QTableWidgetItem *date = m_table->item(r, DeadlineColumn);
        if (date->data(kAutoRole).toBool())
            date->setText(deadline);
    }
    m_pattern->setText(
        tr("Numbers follow the pattern %1 (Settings); type over a number to set it by hand. "
           "Deadline: end of the concentrated rectification period, %n month(s) after feedback.",
           nullptr, concentratedMonths())
            .arg(pattern));
    m_updating = false;
    validate();
}

void FeedbackDialog::validate()
{
    QString why;
    const FeedbackDraft d = draft();
    if (d.unit.isEmpty())
        why = tr("Enter the inspected unit.");
    else if (d.problems.isEmpty())
        why = tr("Enter at least one problem description.");
    else {
        QSet<QString> seen;
        for (const core::Problem &p : d.problems) {
            if (!p.registrationNo.isEmpty() && seen.contains(p.registrationNo)) {
                why = tr("The number %1 is used twice.").arg(p.registrationNo);
                break;
            }
            seen.insert(p.registrationNo);
        }
        // An impossible date (2021-02-30) is refused as the importer refuses it, rather than
        // kept silently as a deadline note with no date.
        for (int r = 0; why.isEmpty() && r < m_table->rowCount(); ++r) {
            const QString deadline = m_table->item(r, DeadlineColumn)->text().trimmed();
            if (m_table->item(r, DescriptionColumn)->text().trimmed().isEmpty() || deadline.isEmpty() ||
                parseDate(deadline).isValid())
                continue;
            if (core::LedgerRules::parseDeadline(deadline, d.feedbackDate.year()).invalid)
                why = tr("Row %1: the deadline \"%2\" is not a valid date.").arg(r + 1).arg(deadline);
        }
        // A deadline before the feedback is a typing slip (or 6月底前 read in the wrong year).
        for (int r = 0, i = 0; why.isEmpty() && r < m_table->rowCount(); ++r) {
            if (m_table->item(r, DescriptionColumn)->text().trimmed().isEmpty())
                continue;
            const core::Problem &p = d.problems.at(i++);
            if (p.deadline.isValid() && p.deadline < d.feedbackDate)
                why = tr("Row %1: the deadline %2 is before the feedback date %3.")
                          .arg(r + 1)
                          .arg(p.deadline.toString(Qt::ISODate), d.feedbackDate.toString(Qt::ISODate));
        }
    }
    m_message->setText(why);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
}

FeedbackDraft FeedbackDialog::draft() const
{
    FeedbackDraft d;
    d.round = m_round->currentText().trimmed();
    d.unit = m_unit->currentText().trimmed();
    d.team = m_team->currentText().trimmed();
    d.kind = core::InspectionKind(m_kind->currentData().toInt());
    d.source = core::SourceLevel(m_source->currentData().toInt());
    d.theme = m_theme->text().trimmed();
    d.feedbackDate = m_date->date();
    for (int r = 0; r < m_table->rowCount(); ++r) {
        core::Problem p;
        p.description = m_table->item(r, DescriptionColumn)->text().trimmed();
        if (p.description.isEmpty())
            continue;
        p.registrationNo = m_table->item(r, NumberColumn)->text().trimmed();
        if (auto *c = qobject_cast<QComboBox *>(m_table->cellWidget(r, CategoryColumn)))
            p.categoryId = c->currentData().toLongLong();
        p.leadLeader = m_table->item(r, LeaderColumn)->text().trimmed();
        p.responsibleOffice = m_table->item(r, OfficeColumn)->text().trimmed();
        p.responsiblePerson = m_table->item(r, PersonColumn)->text().trimmed();
        const QString deadline = m_table->item(r, DeadlineColumn)->text().trimmed();
        p.deadline = parseDate(deadline);
        if (!p.deadline.isValid() &&
            !deadline.isEmpty()) // 6月底前, 年底前, 第三季度 … as the importer reads them
            p.deadline = core::LedgerRules::parseDeadline(deadline, d.feedbackDate.year()).date;
        if (!p.deadline.isValid())
            p.deadlineNote = deadline;
        p.immediate = m_table->item(r, ImmediateColumn)->checkState() == Qt::Checked;
        p.source = d.source;
        p.feedbackDate = d.feedbackDate;
        d.problems << p;
    }
    return d;
}

} // namespace rectrack::ui
