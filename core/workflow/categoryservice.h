#pragma once

/**
 * The 问题类别 tree of a register: the standard categories a new register starts with and the
 * edits of the category editor in 设置 (add, rename, reorder, nest, merge two, delete an unused
 * one). Every edit is one transaction with its audit-log entries; the editor's undo calls these
 * services with the values from before the edit, so an undo is audited too.
 *
 * Categories are identified across edits by their UUID: an undone delete re-creates the row with
 * its old UUID (and a new integer id). The four standard categories of political inspection
 * (the "four implementations", 四个落实) have fixed UUIDs, the name-based UUID v5 of their names
 * (standardUuid), so that every register shares them and an exchange package can match them.
 */

#include "storage/database.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <optional>

namespace rectrack::core {

/// One category as the editor shows it.
struct CategoryNode
{
    qint64 id = 0;
    QString uuid;
    qint64 parentId = 0; ///< 0 = top level
    QString name;
    int sortOrder = 0;   ///< position among its siblings
    int depth = 0;       ///< 0 = top level (in tree())
    qint64 problems = 0; ///< problems that name it (soft-deleted ones included: they keep it)
    qint64 children = 0;
};

/// What a merge changed, so that an undo can take it back.
struct CategoryMerge
{
    CategoryNode removed;   ///< the category merged away, as it was
    QList<qint64> problems; ///< problems moved from it to the target
    QList<qint64> children; ///< child categories moved under the target
};

class CategoryService
{
    Q_DECLARE_TR_FUNCTIONS(CategoryService)
public:
    explicit CategoryService(Database &db) : m_db(db) {}

    /// The standard categories of political inspection (the four implementations), in order.
    static QStringList standardNames();
    /// The fixed UUID of a top-level category named @p name: UUID v5 (RFC 4122, SHA-1) of
    /// "rectrack:category:" + name in the URL namespace, written as every uuid column is.
    static QString standardUuid(const QString &name);

    /// Adds the standard categories that the register lacks (by name at the top level), with their
    /// fixed UUIDs. Called for a new register (`rectrack-cli init`, 文件 → 新建登记簿).
    Status addStandardCategories();

    /// The tree depth-first, siblings by sort order then id, each with its problem count.
    QList<CategoryNode> tree();
    std::optional<CategoryNode> byId(qint64 id);
    std::optional<CategoryNode> byUuid(const QString &uuid);

    /**
     * Adds a category named @p name under @p parentId (0 = top level) as its last child; with
     * @p uuid (an undone delete) the row gets that UUID, @p position its place and @p id (when
     * no other row has it) its old integer id. Errors:
     * InputRefused for an empty name, a name its siblings already have, or an unknown parent.
     */
    Result<qint64> add(const QString &name, qint64 parentId = 0, const QString &uuid = {}, int position = -1,
                       qint64 id = 0);
    /// Renames a category. Errors: InputRefused for an empty name or one a sibling has.
    Status rename(qint64 id, const QString &name);
    /**
     * Puts a category under @p parentId (0 = top level) at @p position among its new siblings
     * (clamped; -1 = last), renumbering the siblings' sort order. Errors: InputRefused when the
     * parent is the category itself or one of its descendants, or a sibling has the same name.
     */
    Status move(qint64 id, qint64 parentId, int position);
    /**
     * Merges @p fromId into @p intoId: its problems take @p intoId, its children move under
     * @p intoId, and it is deleted. Errors: InputRefused when the two are the same or @p intoId
     * lies under @p fromId.
     */
    Result<CategoryMerge> merge(qint64 fromId, qint64 intoId);
    /// Takes a merge back: re-creates the merged category and returns its problems and children.
    Status unmerge(const CategoryMerge &merge);
    /// Deletes a category no problem names and with no children. Errors: InputRefused otherwise,
    /// naming how many problems use it.
    Status remove(qint64 id);

private:
    Status checkSiblingName(qint64 parentId, const QString &name, qint64 except);
    /// Sets the sort order of @p order (sibling ids) to their positions, auditing each change.
    Status renumber(const QList<qint64> &order);
    QList<qint64> siblings(qint64 parentId, qint64 except);

    Database &m_db;
};

} // namespace rectrack::core
