#include "navigationpane.h"

#include "exchange/sitescope.h"
#include "models/labels.h"
#include "models/registermodel.h"
#include "workflow/organizationservice.h"
#include "workflow/registerlevel.h"
#include "workflow/savedviewservice.h"

#include <QAction>
#include <QHash>
#include <QHeaderView>
#include <QJsonDocument>
#include <QScrollBar>
#include <QSet>
#include <QTreeWidgetItemIterator>

namespace rectrack::ui {

namespace {
constexpr int kKindRole = Qt::UserRole + 1;
constexpr int kFilterRole = Qt::UserRole + 2;
constexpr int kIdRole = Qt::UserRole + 3;
} // namespace

NavigationPane::NavigationPane(QWidget *parent) : QTreeWidget(parent)
{
    setHeaderHidden(true);
    setColumnCount(1);
    setUniformRowHeights(true);
    setExpandsOnDoubleClick(true);
    connect(this, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem *current) { onCurrentChanged(current); });
    setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *remove = new QAction(tr("Delete saved view"), this);
    connect(remove, &QAction::triggered, this, [this] {
        QTreeWidgetItem *item = currentItem();
        if (item && Kind(item->data(0, kKindRole).toInt()) == Kind::SavedView)
            Q_EMIT removeViewRequested(item->data(0, kIdRole).toLongLong(), item->text(0));
    });
    addAction(remove);
}

core::LedgerFilter NavigationPane::smartListFilter(SmartList list)
{
    core::LedgerFilter f;
    switch (list) {
    case SmartList::All:
        break;
    case SmartList::Overdue:
        f.light = core::WarningLight::Red;
        break;
    case SmartList::AwaitingCloseOut:
        f.states = {core::ProblemState::Completed};
        break;
    case SmartList::LongTerm:
        f.states = {core::ProblemState::LongTerm};
        break;
    }
    return f;
}

QTreeWidgetItem *NavigationPane::addItem(QTreeWidgetItem *parent, const QString &text, Kind kind,
                                         const core::LedgerFilter &f, qint64 id)
{
    auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(this);
    item->setText(0, text);
    item->setToolTip(0, text);
    item->setData(0, kKindRole, int(kind));
    item->setData(0, kFilterRole, QJsonDocument(f.toJson()).toJson(QJsonDocument::Compact));
    item->setData(0, kIdRole, id);
    return item;
}

void NavigationPane::setDatabase(core::Database *db)
{
    m_db = db;
    QSignalBlocker blocker(this);
    clear();
    m_smart.clear();
    m_registers.clear();
    m_views = nullptr;
    if (!db)
        return;
    auto *smart = addItem(nullptr, tr("Smart lists"), Kind::Group, {});
    smart->setFlags(Qt::ItemIsEnabled);
    const QList<std::pair<SmartList, QString>> lists{{SmartList::All, tr("All problems")},
                                                     {SmartList::Overdue, tr("Overdue")},
                                                     {SmartList::AwaitingCloseOut, tr("Awaiting close-out")},
                                                     {SmartList::LongTerm, tr("Long-term")}};
    for (const auto &[list, name] : lists)
        m_smart << addItem(smart, name, Kind::SmartList, smartListFilter(list));

    core::OrganizationService org(*db);
    const QList<core::InspectionNode> inspections = core::LedgerQuery(*db).inspections();
    const QList<core::Round> rounds = org.rounds();
    // The register's own level goes without saying; an inspection of another level carries its
    // level's name (in a district register: 市委巡察).
    const core::SourceLevel ownLevel = core::registerSourceLevel(*db);
    // The city's view (issue #26): which site owns each term, round and inspection ("" = this
    // register's own); with other sites' rows here, each site's branch holds its own.
    QHash<QString, QHash<qint64, QString>> ownerOf; // table → id → owning site UUID
    QList<core::exchange::SiteScope> sites;
    if (db->mayRead(QStringLiteral("exchange_rows"))) {
        if (auto owning = core::exchange::SiteScopes::owning(*db); owning && owning->size() > 1)
            sites = *owning;
        for (const char *table : {"terms", "rounds", "inspections"}) {
            if (sites.isEmpty())
                break;
            QHash<qint64, QString> &owners = ownerOf[QLatin1String(table)];
            (void)db->forEachRow(QStringLiteral("SELECT t.id, x.owner_site FROM %1 t JOIN exchange_rows x ON "
                                                "x.uuid = t.uuid")
                                     .arg(QLatin1String(table)),
                                 {}, [&](const core::SqlRow &r) { owners.insert(r.integer(0), r.text(1)); });
        }
    }
    auto ownedBy = [&](const char *table, qint64 id, const QString &site) {
        return sites.isEmpty() || ownerOf.value(QLatin1String(table)).value(id) == site;
    };
    auto addInspections = [&](QTreeWidgetItem *parent, qint64 roundId, const QString &site) {
        for (const core::InspectionNode &n : inspections) {
            if (n.roundId != roundId || (roundId == 0 && !ownedBy("inspections", n.id, site)))
                continue;
            core::LedgerFilter f;
            f.inspectionId = n.id;
            QString text = n.unit;
            if (n.source != ownLevel)
                text += QStringLiteral("（%1）").arg(Labels::source(n.source));
            else if (n.kind != core::InspectionKind::Regular)
                text += QStringLiteral("（%1）").arg(Labels::kind(n.kind));
            addItem(parent, tr("%1 · %n problem(s)", nullptr, int(n.problems)).arg(text), Kind::Inspection, f,
                    n.id);
        }
    };
    auto addRounds = [&](QTreeWidgetItem *parent, qint64 termId, const QString &site) {
        for (const core::Round &r : rounds) {
            if (r.termId != termId || (termId == 0 && !ownedBy("rounds", r.id, site)))
                continue;
            core::LedgerFilter f;
            f.roundId = r.id;
            addInspections(addItem(parent, r.label, Kind::Round, f, r.id), r.id, site);
        }
    };
    // Terms → rounds → inspections, and the feedback outside them, of one site under @p parent
    // (nullptr: at the top, when the register holds its own rows only).
    auto addRegister = [&](QTreeWidgetItem *parent, const QString &site) {
        for (const core::Term &t : org.terms()) {
            if (!ownedBy("terms", t.id, site))
                continue;
            core::LedgerFilter f;
            f.termId = t.id;
            QTreeWidgetItem *term = addItem(parent, t.name, Kind::Term, f, t.id);
            addRounds(term, t.id, site);
            term->setExpanded(true);
        }
        bool orphanRounds = false;
        for (const core::Round &r : rounds)
            orphanRounds = orphanRounds || (r.termId == 0 && ownedBy("rounds", r.id, site));
        bool outside = false;
        for (const core::InspectionNode &n : inspections)
            outside = outside || (n.roundId == 0 && ownedBy("inspections", n.id, site));
        if (orphanRounds || outside) {
            QTreeWidgetItem *other = addItem(parent, tr("Other feedback"), Kind::Group, {});
            other->setFlags(Qt::ItemIsEnabled);
            addRounds(other, 0, site);
            addInspections(other, 0, site);
            other->setExpanded(true);
        }
    };
    if (sites.isEmpty()) {
        addRegister(nullptr, QString());
    } else {
        for (const core::exchange::SiteScope &site : std::as_const(sites)) {
            QTreeWidgetItem *branch =
                addItem(nullptr, site.self ? tr("%1 (this register)").arg(site.office) : site.office,
                        Kind::Group, {});
            branch->setFlags(Qt::ItemIsEnabled);
            addRegister(branch, site.self ? QString() : site.siteUuid);
            branch->setExpanded(true);
        }
    }
    smart->setExpanded(true);
    // The supervision registers kept beside the ledgers.
    QTreeWidgetItem *registers = addItem(nullptr, tr("Supervision registers"), Kind::Group, {});
    registers->setFlags(Qt::ItemIsEnabled);
    for (RegisterModel::Register reg : RegisterModel::all())
        m_registers << addItem(registers, RegisterModel::title(reg), Kind::Register, {}, int(reg));
    registers->setExpanded(true);
    // The office's registers: not for a login that may not read them (a unit login on a server).
    registers->setHidden(m_db && !m_db->mayRead(QStringLiteral("clues")));
    reloadSavedViews();
    blocker.unblock();
    setCurrentItem(m_smart.first());
}

void NavigationPane::refresh()
{
    if (!m_db)
        return;
    // Items are known by kind and id; groups (id 0) by their text.
    const auto keyOf = [](const QTreeWidgetItem *item) {
        return QStringLiteral("%1:%2:%3")
            .arg(item->data(0, kKindRole).toInt())
            .arg(item->data(0, kIdRole).toLongLong())
            .arg(item->data(0, kIdRole).toLongLong() == 0 ? item->text(0) : QString());
    };
    QSet<QString> collapsed;
    for (QTreeWidgetItemIterator it(this); *it; ++it)
        if ((*it)->childCount() > 0 && !(*it)->isExpanded())
            collapsed.insert(keyOf(*it));
    const QString current = currentItem() ? keyOf(currentItem()) : QString();
    const int scroll = verticalScrollBar()->value();

    const QSignalBlocker blocker(this);
    setDatabase(m_db);
    for (QTreeWidgetItemIterator it(this); *it; ++it) {
        const QString key = keyOf(*it);
        if (collapsed.contains(key))
            (*it)->setExpanded(false);
        if (key == current)
            setCurrentItem(*it);
    }
    verticalScrollBar()->setValue(scroll);
}

void NavigationPane::reloadSavedViews()
{
    if (!m_db)
        return;
    if (!m_views) {
        m_views = addItem(nullptr, tr("Saved views"), Kind::Group, {});
        m_views->setFlags(Qt::ItemIsEnabled);
    }
    qDeleteAll(m_views->takeChildren());
    for (const core::SavedView &v : core::SavedViewService(*m_db).views())
        addItem(m_views, v.name, Kind::SavedView, v.filter, v.id);
    m_views->setExpanded(true);
}

void NavigationPane::selectSmartList(SmartList list)
{
    if (int(list) < m_smart.size())
        setCurrentItem(m_smart.at(int(list)));
}

void NavigationPane::selectRegister(int reg)
{
    if (reg >= 0 && reg < m_registers.size())
        setCurrentItem(m_registers.at(reg));
}

void NavigationPane::onCurrentChanged(QTreeWidgetItem *item)
{
    if (!item)
        return;
    const Kind kind = Kind(item->data(0, kKindRole).toInt());
    if (kind == Kind::Group)
        return;
    if (kind == Kind::Register) {
        Q_EMIT registerSelected(item->data(0, kIdRole).toInt());
        return;
    }
    const core::LedgerFilter f = core::LedgerFilter::fromJson(
        QJsonDocument::fromJson(item->data(0, kFilterRole).toByteArray()).object());
    Q_EMIT scopeSelected(f, item->text(0), kind == Kind::SavedView);
}

} // namespace rectrack::ui
