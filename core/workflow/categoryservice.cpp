#include "categoryservice.h"

#include "storage/auditlog.h"

#include <QSet>
#include <QUuid>

#include <algorithm>

#include <functional>

namespace rectrack::core {

namespace {

const char *const kNodeColumns =
    "SELECT c.id, c.uuid, c.parent_id, c.name, c.sort_order, (SELECT count(*) FROM problems p WHERE "
    "p.category_id = c.id), (SELECT count(*) FROM categories k WHERE k.parent_id = c.id) FROM categories c";

CategoryNode nodeOf(const SqlRow &q)
{
    CategoryNode n;
    n.id = q.value(0).toLongLong();
    n.uuid = q.value(1).toString();
    n.parentId = q.value(2).toLongLong();
    n.name = q.value(3).toString();
    n.sortOrder = q.value(4).toInt();
    n.problems = q.value(5).toLongLong();
    n.children = q.value(6).toLongLong();
    return n;
}

Error refused(const QString &message)
{
    return Error{ErrorCode::InputRefused, message};
}

} // namespace

QStringList CategoryService::standardNames()
{
    return {QStringLiteral("落实党的路线方针政策和党中央重大决策部署方面"),
            QStringLiteral("落实全面从严治党战略部署方面"), QStringLiteral("落实新时代党的组织路线方面"),
            QStringLiteral("落实巡视巡察整改和主题教育整改方面")};
}

QString CategoryService::standardUuid(const QString &name)
{
    // RFC 4122 appendix C: the URL namespace.
    static const QUuid kUrlNamespace(QStringLiteral("6ba7b811-9dad-11d1-80b4-00c04fd430c8"));
    return QUuid::createUuidV5(kUrlNamespace, QStringLiteral("rectrack:category:") + name)
        .toString(QUuid::WithoutBraces);
}

Status CategoryService::addStandardCategories()
{
    return withTransaction(m_db, [&]() -> Status {
        for (const QString &name : standardNames()) {
            if (m_db.scalar(QStringLiteral("SELECT 1 FROM categories WHERE parent_id IS NULL AND name = ?"),
                            {name})
                    .isValid())
                continue;
            if (m_db.scalar(QStringLiteral("SELECT 1 FROM categories WHERE uuid = ?"), {standardUuid(name)})
                    .isValid())
                continue; // renamed here: the register keeps its own name for it
            auto r = add(name, 0, standardUuid(name));
            if (!r)
                return r.error();
        }
        return okStatus();
    });
}

QList<CategoryNode> CategoryService::tree()
{
    QList<CategoryNode> all;
    // A read error is recorded by the runner (Database::damageSeen()): the editor shows the list.
    (void)m_db.forEachRow(QString::fromLatin1(kNodeColumns) + QStringLiteral(" ORDER BY c.sort_order, c.id"),
                          {}, [&](const SqlRow &r) { all << nodeOf(r); });
    QList<CategoryNode> out;
    // Depth-first from the roots, children after their parent (a parent that no longer exists
    // counts as the top level).
    QSet<qint64> ids;
    for (const CategoryNode &n : std::as_const(all))
        ids.insert(n.id);
    std::function<void(qint64, int)> walk = [&](qint64 parent, int depth) {
        for (const CategoryNode &n : std::as_const(all)) {
            const qint64 p = ids.contains(n.parentId) ? n.parentId : 0;
            if (p == parent) {
                CategoryNode c = n;
                c.depth = depth;
                out << c;
                if (depth < 8)
                    walk(n.id, depth + 1);
            }
        }
    };
    walk(0, 0);
    return out;
}

std::optional<CategoryNode> CategoryService::byId(qint64 id)
{
    std::optional<CategoryNode> out;
    (void)m_db.forEachRow(QString::fromLatin1(kNodeColumns) + QStringLiteral(" WHERE c.id = ?"), {id},
                          [&](const SqlRow &r) { out = nodeOf(r); });
    return out;
}

std::optional<CategoryNode> CategoryService::byUuid(const QString &uuid)
{
    std::optional<CategoryNode> out;
    (void)m_db.forEachRow(QString::fromLatin1(kNodeColumns) + QStringLiteral(" WHERE c.uuid = ?"), {uuid},
                          [&](const SqlRow &r) { out = nodeOf(r); });
    return out;
}

QList<qint64> CategoryService::siblings(qint64 parentId, qint64 except)
{
    QList<qint64> out;
    auto q = parentId > 0
                 ? m_db.exec(QStringLiteral("SELECT id FROM categories WHERE parent_id = ? AND id <> ? "
                                            "ORDER BY sort_order, id"),
                             {parentId, except})
                 : m_db.exec(QStringLiteral("SELECT id FROM categories WHERE parent_id IS NULL AND "
                                            "id <> ? ORDER BY sort_order, id"),
                             {except});
    if (q)
        (void)m_db.eachRow(*q, [&](const SqlRow &r) { out << r.integer(0); });
    return out;
}

Status CategoryService::checkSiblingName(qint64 parentId, const QString &name, qint64 except)
{
    if (name.isEmpty())
        return refused(tr("A category needs a name."));
    const QVariant clash =
        parentId > 0
            ? m_db.scalar(QStringLiteral("SELECT 1 FROM categories WHERE parent_id = ? AND name = ? "
                                         "AND id <> ?"),
                          {parentId, name, except})
            : m_db.scalar(QStringLiteral("SELECT 1 FROM categories WHERE parent_id IS NULL AND name = "
                                         "? AND id <> ?"),
                          {name, except});
    if (clash.isValid())
        return refused(tr("There is already a category named %1 at this level.").arg(name));
    return okStatus();
}

Status CategoryService::renumber(const QList<qint64> &order)
{
    for (int i = 0; i < order.size(); ++i) {
        if (m_db.scalar(QStringLiteral("SELECT sort_order FROM categories WHERE id = ?"), {order[i]})
                .toInt() == i)
            continue;
        if (const Status s = AuditLog::update(m_db, QStringLiteral("categories"), order[i],
                                              {{QStringLiteral("sort_order"), i}});
            !s)
            return s;
    }
    return okStatus();
}

Result<qint64> CategoryService::add(const QString &name, qint64 parentId, const QString &uuid, int position,
                                    qint64 id)
{
    const QString n = name.trimmed();
    if (parentId > 0 && !byId(parentId))
        return refused(tr("The parent category no longer exists."));
    if (const Status s = checkSiblingName(parentId, n, 0); !s)
        return s.error();
    return withTransaction(m_db, [&]() -> Result<qint64> {
        QList<qint64> order = siblings(parentId, 0);
        QVariantMap values{{QStringLiteral("name"), n},
                           {QStringLiteral("parent_id"), sqlId(parentId)},
                           {QStringLiteral("sort_order"), int(order.size())}};
        if (!uuid.isEmpty())
            values.insert(QStringLiteral("uuid"), uuid);
        if (id > 0 && !byId(id))
            values.insert(QStringLiteral("id"), id);
        auto added = AuditLog::insert(m_db, QStringLiteral("categories"), values);
        if (!added)
            return added;
        if (position >= 0 && position < order.size()) {
            order.insert(position, *added);
            if (const Status s = renumber(order); !s)
                return s.error();
        }
        return added;
    });
}

Status CategoryService::rename(qint64 id, const QString &name)
{
    const auto node = byId(id);
    if (!node)
        return refused(tr("The category no longer exists."));
    const QString n = name.trimmed();
    if (const Status s = checkSiblingName(node->parentId, n, id); !s)
        return s;
    return withTransaction(m_db, [&] {
        return AuditLog::update(m_db, QStringLiteral("categories"), id, {{QStringLiteral("name"), n}});
    });
}

Status CategoryService::move(qint64 id, qint64 parentId, int position)
{
    const auto node = byId(id);
    if (!node)
        return refused(tr("The category no longer exists."));
    for (qint64 p = parentId; p > 0;
         p = m_db.scalar(QStringLiteral("SELECT parent_id FROM categories WHERE id = ?"), {p}).toLongLong()) {
        if (p == id)
            return refused(tr("A category cannot be placed under itself or one of its subcategories."));
    }
    if (parentId > 0 && !byId(parentId))
        return refused(tr("The parent category no longer exists."));
    if (const Status s = checkSiblingName(parentId, node->name, id); !s)
        return s;
    return withTransaction(m_db, [&]() -> Status {
        if (node->parentId != parentId) {
            if (const Status s = AuditLog::update(m_db, QStringLiteral("categories"), id,
                                                  {{QStringLiteral("parent_id"), sqlId(parentId)}});
                !s)
                return s;
            if (const Status s = renumber(siblings(node->parentId, id)); !s)
                return s;
        }
        QList<qint64> order = siblings(parentId, id);
        order.insert(position < 0 ? order.size() : std::clamp(position, 0, int(order.size())), id);
        return renumber(order);
    });
}

Result<CategoryMerge> CategoryService::merge(qint64 fromId, qint64 intoId)
{
    const auto from = byId(fromId);
    const auto into = byId(intoId);
    if (!from || !into)
        return refused(tr("The category no longer exists."));
    if (fromId == intoId)
        return refused(tr("A category cannot be merged into itself."));
    for (qint64 p = intoId; p > 0;
         p = m_db.scalar(QStringLiteral("SELECT parent_id FROM categories WHERE id = ?"), {p}).toLongLong()) {
        if (p == fromId)
            return refused(
                tr("%1 cannot be merged into its own subcategory %2.").arg(from->name, into->name));
    }
    return withTransaction(m_db, [&]() -> Result<CategoryMerge> {
        CategoryMerge m;
        m.removed = *from;
        if (const Status s =
                m_db.forEachRow(QStringLiteral("SELECT id FROM problems WHERE category_id = ? ORDER BY id"),
                                {fromId}, [&](const SqlRow &r) { m.problems << r.integer(0); });
            !s)
            return s.error();
        m.children = siblings(fromId, 0);
        for (qint64 p : std::as_const(m.problems)) {
            if (const Status s = AuditLog::update(m_db, QStringLiteral("problems"), p,
                                                  {{QStringLiteral("category_id"), intoId}});
                !s)
                return s.error();
        }
        QList<qint64> order = siblings(intoId, 0);
        for (qint64 c : std::as_const(m.children)) {
            if (const Status s = AuditLog::update(m_db, QStringLiteral("categories"), c,
                                                  {{QStringLiteral("parent_id"), intoId}});
                !s)
                return s.error();
            order << c;
        }
        if (const Status s = renumber(order); !s)
            return s.error();
        if (const Status s = AuditLog::remove(m_db, QStringLiteral("categories"), fromId); !s)
            return s.error();
        if (const Status s = renumber(siblings(from->parentId, 0)); !s)
            return s.error();
        return m;
    });
}

Status CategoryService::unmerge(const CategoryMerge &merge)
{
    const CategoryNode &c = merge.removed;
    return withTransaction(m_db, [&]() -> Status {
        auto id = add(c.name, c.parentId, c.uuid, c.sortOrder, c.id);
        if (!id)
            return id.error();
        for (qint64 p : merge.problems) {
            if (const Status s = AuditLog::update(m_db, QStringLiteral("problems"), p,
                                                  {{QStringLiteral("category_id"), *id}});
                !s)
                return s;
        }
        for (qint64 k : merge.children) {
            if (const Status s = AuditLog::update(m_db, QStringLiteral("categories"), k,
                                                  {{QStringLiteral("parent_id"), *id}});
                !s)
                return s;
        }
        return okStatus();
    });
}

Status CategoryService::remove(qint64 id)
{
    const auto node = byId(id);
    if (!node)
        return refused(tr("The category no longer exists."));
    if (node->problems > 0)
        return refused(tr("%1 is used by %n problem(s); merge it into another category instead.", nullptr,
                          int(node->problems))
                           .arg(node->name));
    if (node->children > 0)
        return refused(tr("%1 has subcategories; move or delete them first.").arg(node->name));
    return withTransaction(m_db, [&]() -> Status {
        if (const Status s = AuditLog::remove(m_db, QStringLiteral("categories"), id); !s)
            return s;
        return renumber(siblings(node->parentId, 0));
    });
}

} // namespace rectrack::core
