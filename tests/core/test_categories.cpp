#include <catch2/catch.hpp>

#include "stats/statistics.h"
#include "storage/auditlog.h"
#include "testsupport.h"
#include "workflow/categoryservice.h"
#include "workflow/organizationservice.h"
#include "workflow/problemservice.h"

using namespace rectrack::core;
using rectrack::test::TempRegister;

namespace {

QStringList names(CategoryService &s)
{
    QStringList out;
    for (const CategoryNode &n : s.tree())
        out << QString(n.depth, QLatin1Char('-')) + n.name;
    return out;
}

qint64 problemIn(Database &db, qint64 unit, qint64 category, const QString &text)
{
    Problem p;
    p.unitId = unit;
    p.categoryId = category;
    p.description = text;
    p.feedbackDate = QDate(2020, 4, 10);
    p.deadline = QDate(2020, 7, 10);
    return *ProblemService(db).registerProblem(p, {});
}

} // namespace

TEST_CASE("a new register gets the four standard categories with fixed UUIDs", "[categories]")
{
    TempRegister reg;
    CategoryService s(*reg.db);
    REQUIRE(s.addStandardCategories());
    REQUIRE(names(s) == CategoryService::standardNames());
    REQUIRE(CategoryService::standardNames().first() ==
            QStringLiteral("落实党的路线方针政策和党中央重大决策部署方面"));
    // Name-based UUID v5: the same in every register, and version 5.
    const QString uuid = CategoryService::standardUuid(QStringLiteral("落实新时代党的组织路线方面"));
    REQUIRE(uuid.size() == 36);
    REQUIRE(uuid.at(14) == QLatin1Char('5'));
    REQUIRE(reg.db
                ->scalar(QStringLiteral("SELECT uuid FROM categories WHERE name = ?"),
                         {QStringLiteral("落实新时代党的组织路线方面")})
                .toString() == uuid);
    // Adding them again changes nothing; ensureCategory of a standard name finds the row.
    const qint64 audit = AuditLog::length(*reg.db);
    REQUIRE(s.addStandardCategories());
    REQUIRE(AuditLog::length(*reg.db) == audit);
    REQUIRE(s.tree().size() == 4);
    REQUIRE(*OrganizationService(*reg.db).ensureCategory(QStringLiteral("落实新时代党的组织路线方面")) ==
            s.tree().at(2).id);

    // stats --by category lists every category, those without problems with zero counts.
    auto stats = Statistics::compute(*reg.db, QDate(2021, 1, 15), GroupBy::Category);
    REQUIRE(stats);
    REQUIRE(stats->groups.size() == 4);
    for (const GroupCounts &g : stats->groups) {
        REQUIRE(CategoryService::standardNames().contains(g.key));
        REQUIRE(g.counts.problems == 0);
    }
}

TEST_CASE("the category editor's operations: add, rename, reorder, nest, merge, delete", "[categories]")
{
    TempRegister reg;
    CategoryService s(*reg.db);
    REQUIRE(s.addStandardCategories());
    const QList<CategoryNode> std4 = s.tree();

    auto extra = s.add(QStringLiteral("作风建设方面"));
    REQUIRE(extra);
    REQUIRE(names(s).last() == QStringLiteral("作风建设方面"));
    // A sibling of the same name, and an empty name, are refused.
    REQUIRE(s.add(QStringLiteral("作风建设方面")).error().code == ErrorCode::InputRefused);
    REQUIRE_FALSE(s.add(QStringLiteral("  ")));
    REQUIRE(s.rename(*extra, QStringLiteral("落实中央八项规定精神方面")));

    // Move to the front, then nest under the first standard category.
    REQUIRE(s.move(*extra, 0, 0));
    REQUIRE(names(s).first() == QStringLiteral("落实中央八项规定精神方面"));
    REQUIRE(s.move(*extra, std4[0].id, -1));
    REQUIRE(names(s) == QStringList{QStringLiteral("落实党的路线方针政策和党中央重大决策部署方面"),
                                    QStringLiteral("-落实中央八项规定精神方面"),
                                    QStringLiteral("落实全面从严治党战略部署方面"),
                                    QStringLiteral("落实新时代党的组织路线方面"),
                                    QStringLiteral("落实巡视巡察整改和主题教育整改方面")});
    // A category cannot go under itself or its own child.
    REQUIRE(s.move(std4[0].id, *extra, 0).error().code == ErrorCode::InputRefused);

    // Merge the subcategory (with two problems) into the second standard category.
    const qint64 unit = *OrganizationService(*reg.db).ensureUnit(QStringLiteral("市某局党组"));
    const qint64 p1 = problemIn(*reg.db, unit, *extra, QStringLiteral("公务接待管理不规范"));
    const qint64 p2 = problemIn(*reg.db, unit, *extra, QStringLiteral("公车使用管理不规范"));
    REQUIRE(s.remove(*extra).error().message.contains(QStringLiteral("2")));
    auto merged = s.merge(*extra, std4[1].id);
    REQUIRE(merged);
    REQUIRE(merged->problems == QList<qint64>{p1, p2});
    REQUIRE(s.tree().size() == 4);
    REQUIRE(s.byId(std4[1].id)->problems == 2);
    // Undo of the merge: the category is back with its UUID, id and problems.
    REQUIRE(s.unmerge(*merged));
    REQUIRE(s.byId(*extra)->problems == 2);
    REQUIRE(s.byId(*extra)->uuid == merged->removed.uuid);
    REQUIRE(s.byId(*extra)->parentId == std4[0].id);
    REQUIRE(s.byId(std4[1].id)->problems == 0);

    // An unused category is deleted; a used one is not.
    REQUIRE(s.remove(std4[3].id));
    REQUIRE(s.tree().size() == 4);
    REQUIRE_FALSE(s.byId(std4[3].id));
    // Each change is in the audit log (the category rows are audited).
    REQUIRE(reg.db
                ->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'categories' AND "
                                        "action = 'delete'"))
                .toInt() == 2);
}
