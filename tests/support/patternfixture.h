#pragma once

/**
 * The register of issue #27's acceptance: ten problems (a1 … a5, b1, b2, c1 … c3) of units 甲乙丙丁
 * in rounds R1 (feedback 2019-03-01), R2 (2019-09-01) and R3 (2020-06-01); closed out: a1 and a2 on
 * 2019-08-01, b2 on 2020-01-01, a5 on 2020-11-01; the others open (registered). Registration numbers
 * are the names (a1 …). Used by the core, cli and ui tests of patterns.
 */

#include "domain/entities.h"
#include "storage/database.h"
#include "workflow/organizationservice.h"
#include "workflow/problemservice.h"

#include <QHash>
#include <QString>

namespace rectrack::test {

/// Problem ids of the acceptance register by name (a1 …).
inline QHash<QString, qint64> buildPatternRegister(core::Database &db)
{
    using namespace core;
    OrganizationService org(db);
    ProblemService problems(db);
    QHash<QString, qint64> rounds;
    const QList<std::pair<QString, QDate>> roundDates = {{QStringLiteral("R1"), QDate(2019, 3, 1)},
                                                         {QStringLiteral("R2"), QDate(2019, 9, 1)},
                                                         {QStringLiteral("R3"), QDate(2020, 6, 1)}};
    for (const auto &[label, date] : roundDates) {
        Round r;
        r.label = label;
        r.start = date.addDays(-60);
        rounds.insert(label, org.addRound(r).value());
    }
    struct Row
    {
        const char *name;
        const char *text;
        const char *unit;
        const char *round;
        QDate closedOut;
    };
    const QString a1 = QStringLiteral("公务用车管理不规范，存在未按规定登记使用车辆的情况");
    const QString a2 = QStringLiteral("公务用车管理不规范，未按规定登记使用车辆");
    const Row rows[] = {
        {"a1", nullptr, "甲", "R1", QDate(2019, 8, 1)},
        {"a2", nullptr, "乙", "R1", QDate(2019, 8, 1)},
        {"a3", "公务用车管理不规范", "丙", "R2", {}},
        {"a4", nullptr, "甲", "R3", {}},
        {"a5", nullptr, "丁", "R3", QDate(2020, 11, 1)},
        {"b1", "理论学习中心组学习流于形式", "乙", "R2", {}},
        {"b2", "理论学习中心组学习不深入，流于形式", "丙", "R2", QDate(2020, 1, 1)},
        {"c1", "“三重一大”决策制度执行不到位", "丁", "R1", {}},
        {"c2", "落实意识形态工作责任制不到位", "丙", "R3", {}},
        {"c3", "落实全面从严治党主体责任不到位", "乙", "R3", {}},
    };
    QHash<QString, qint64> inspections; // unit|round → id
    QHash<QString, qint64> ids;
    for (const Row &row : rows) {
        const QString name = QString::fromUtf8(row.name);
        const QString unit = QString::fromUtf8(row.unit);
        const QString round = QString::fromUtf8(row.round);
        const qint64 unitId = org.ensureUnit(unit).value();
        const QString key = unit + u'|' + round;
        const QDate feedback = roundDates[round == QLatin1String("R1")   ? 0
                                          : round == QLatin1String("R2") ? 1
                                                                         : 2]
                                   .second;
        if (!inspections.contains(key)) {
            Inspection i;
            i.roundId = rounds.value(round);
            i.unitId = unitId;
            i.feedbackDate = feedback;
            inspections.insert(key, org.addInspection(i).value());
        }
        Problem p;
        p.registrationNo = name;
        p.unitId = unitId;
        p.inspectionId = inspections.value(key);
        p.feedbackDate = feedback;
        p.description = row.text ? QString::fromUtf8(row.text)
                        : (name == QLatin1String("a1") || name == QLatin1String("a5")) ? a1
                                                                                       : a2;
        p.state = row.closedOut.isValid() ? ProblemState::ClosedOut : ProblemState::Registered;
        ids.insert(name, problems.registerProblem(p, {}, row.closedOut).value());
    }
    return ids;
}

} // namespace rectrack::test
