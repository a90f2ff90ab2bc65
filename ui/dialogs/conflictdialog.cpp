#include "conflictdialog.h"

#include "help/manualbrowser.h"
#include "models/labels.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <functional>

namespace rectrack::ui {

namespace {

/// One editable field of a problem: its label, its value as text, and how to copy it across.
struct Field
{
    QString label;
    std::function<QString(const core::Problem &)> text;
    std::function<void(core::Problem &, const core::Problem &)> copy;
};

QString yesNo(bool b)
{
    return b ? ConflictDialog::tr("yes") : ConflictDialog::tr("no");
}

const QList<Field> &fields()
{
#define RT_FIELD(member) [](core::Problem &to, const core::Problem &from) { to.member = from.member; }
    static const QList<Field> list{
        {ConflictDialog::tr("Registration no."), [](const core::Problem &p) { return p.registrationNo; },
         RT_FIELD(registrationNo)},
        {ConflictDialog::tr("Source"), [](const core::Problem &p) { return Labels::source(p.source); },
         RT_FIELD(source)},
        {ConflictDialog::tr("Category"), [](const core::Problem &p) { return QString::number(p.categoryId); },
         RT_FIELD(categoryId)},
        {ConflictDialog::tr("Problem"), [](const core::Problem &p) { return p.description; },
         RT_FIELD(description)},
        {ConflictDialog::tr("Typical example"), [](const core::Problem &p) { return p.example; },
         RT_FIELD(example)},
        {ConflictDialog::tr("Root cause"), [](const core::Problem &p) { return p.rootCause; },
         RT_FIELD(rootCause)},
        {ConflictDialog::tr("Responsible office"), [](const core::Problem &p) { return p.responsibleOffice; },
         RT_FIELD(responsibleOffice)},
        {ConflictDialog::tr("Lead leader"), [](const core::Problem &p) { return p.leadLeader; },
         RT_FIELD(leadLeader)},
        {ConflictDialog::tr("Responsible person"), [](const core::Problem &p) { return p.responsiblePerson; },
         RT_FIELD(responsiblePerson)},
        {ConflictDialog::tr("Deadline"), [](const core::Problem &p) { return Labels::date(p.deadline); },
         RT_FIELD(deadline)},
        {ConflictDialog::tr("Deadline note"), [](const core::Problem &p) { return p.deadlineNote; },
         RT_FIELD(deadlineNote)},
        {ConflictDialog::tr("Immediate"), [](const core::Problem &p) { return yesNo(p.immediate); },
         RT_FIELD(immediate)},
        {ConflictDialog::tr("Systemic"), [](const core::Problem &p) { return yesNo(p.systemic); },
         RT_FIELD(systemic)},
        {ConflictDialog::tr("Note"), [](const core::Problem &p) { return p.note; }, RT_FIELD(note)},
        {ConflictDialog::tr("State"), [](const core::Problem &p) { return Labels::state(p.state); }, nullptr},
        {ConflictDialog::tr("Progress"), [](const core::Problem &p) { return p.progress; }, nullptr},
    };
#undef RT_FIELD
    return list;
}

} // namespace

ConflictDialog::ConflictDialog(const core::Problem &read, const core::Problem &mine,
                               const core::Problem &theirs, const QString &staleChange,
                               const QHash<qint64, QString> &categories, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("conflictDialog"));
    setWindowTitle(tr("Someone else changed this problem"));
    installContextHelp(this, QStringLiteral("server")); // F1: the manual's page
    auto *layout = new QVBoxLayout(this);
    const QJsonObject change = QJsonDocument::fromJson(staleChange.toUtf8()).object();
    const QString actor = change.value(QLatin1String("actor")).toString();
    const QDateTime at = QDateTime::fromString(change.value(QLatin1String("at")).toString(), Qt::ISODate);
    m_who = new QLabel(this);
    m_who->setObjectName(QStringLiteral("conflictWho"));
    m_who->setWordWrap(true);
    m_who->setText(
        actor.isEmpty()
            ? tr("Another person saved this problem after you opened it. Your changes are not saved yet and "
                 "nothing you typed is lost: choose how to go on.")
            : tr("%1 saved this problem at %2, after you opened it. Your changes are not saved yet and "
                 "nothing "
                 "you typed is lost: choose how to go on.")
                  .arg(actor, at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
    layout->addWidget(m_who);

    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("conflictTable"));
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels(
        {tr("Field"), actor.isEmpty() ? tr("Their version") : tr("Their version (%1)").arg(actor),
         tr("Your version")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    for (const Field &f : fields()) {
        const bool category = f.label == tr("Category");
        auto shown = [&](const core::Problem &p) {
            return category ? categories.value(p.categoryId, tr("(none)")) : f.text(p);
        };
        const QString was = shown(read);
        const QString now = shown(theirs);
        const QString typed = f.copy ? shown(mine) : was;
        if (now == was && typed == was)
            continue;
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(f.label));
        auto *theirItem = new QTableWidgetItem(now);
        auto *myItem = new QTableWidgetItem(typed);
        // Changed by them: amber; changed by you: blue.
        if (now != was)
            theirItem->setBackground(QColor(0xfe, 0xf0, 0xc7));
        if (typed != was)
            myItem->setBackground(QColor(0xe8, 0xf0, 0xfe));
        if (now != was)
            theirItem->setToolTip(tr("Was: %1").arg(was));
        m_table->setItem(row, 1, theirItem);
        m_table->setItem(row, 2, myItem);
    }
    // Row heights follow the wrapped text once the columns have their widths.
    connect(m_table->horizontalHeader(), &QHeaderView::sectionResized, m_table,
            [this] { m_table->resizeRowsToContents(); });
    layout->addWidget(m_table, 1);

    auto *legend =
        new QLabel(tr("Amber: changed by them. Blue: changed by you. Keep mine saves the fields you "
                      "changed over their version and keeps their other changes."),
                   this);
    legend->setWordWrap(true);
    layout->addWidget(legend);
    auto *buttons = new QHBoxLayout;
    m_keepMine = new QPushButton(tr("Keep mine"), this);
    m_keepMine->setObjectName(QStringLiteral("keepMine"));
    m_takeTheirs = new QPushButton(tr("Take theirs"), this);
    m_takeTheirs->setObjectName(QStringLiteral("takeTheirs"));
    m_edit = new QPushButton(tr("Edit"), this);
    m_edit->setObjectName(QStringLiteral("editMerge"));
    m_edit->setToolTip(tr("Edit on top of their version; what you typed stays in the fields."));
    buttons->addStretch(1);
    buttons->addWidget(m_keepMine);
    buttons->addWidget(m_takeTheirs);
    buttons->addWidget(m_edit);
    layout->addLayout(buttons);
    m_keepMine->setDefault(true);
    auto choose = [this](Choice c) {
        Q_EMIT chosen(c);
        accept();
    };
    connect(m_keepMine, &QPushButton::clicked, this, [choose] { choose(Choice::KeepMine); });
    connect(m_takeTheirs, &QPushButton::clicked, this, [choose] { choose(Choice::TakeTheirs); });
    connect(m_edit, &QPushButton::clicked, this, [choose] { choose(Choice::Edit); });
    // Closing the window is "edit": nothing saved, nothing typed lost.
    connect(this, &QDialog::rejected, this, [this] { Q_EMIT chosen(Choice::Edit); });
    resize(860, 460);
}

QString ConflictDialog::whoText() const
{
    return m_who->text();
}

core::Problem ConflictDialog::merged(const core::Problem &read, const core::Problem &mine,
                                     const core::Problem &theirs)
{
    core::Problem out = theirs;
    for (const Field &f : fields())
        if (f.copy && f.text(mine) != f.text(read))
            f.copy(out, mine);
    return out;
}

} // namespace rectrack::ui
