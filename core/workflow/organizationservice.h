#pragma once

#include "domain/entities.h"
#include "storage/database.h"

#include <QCoreApplication>

namespace rectrack::core {

/**
 * The organisation the register is kept for: terms, rounds/batches, teams, units (with the
 * term's must-cover list), inspections and the category tree. Every change is one transaction
 * with its audit-log entries.
 */
class OrganizationService
{
    Q_DECLARE_TR_FUNCTIONS(OrganizationService)
public:
    explicit OrganizationService(Database &db) : m_db(db) {}

    Result<qint64> addTerm(const Term &term);
    Result<qint64> addRound(const Round &round);
    /// Finds a team by name or creates it.
    Result<qint64> ensureTeam(const QString &name);
    /// Finds a unit by name or creates it with @p category (an existing unit keeps its category).
    Result<qint64> ensureUnit(const QString &name, const QString &category = {});
    /// Puts a unit on (or off) the must-cover list of a term (巡察全覆盖).
    Status setMustCover(qint64 termId, qint64 unitId, bool mustCover = true);
    Result<qint64> addInspection(const Inspection &inspection);
    /// Finds a category by name under @p parentId (0 = top level) or creates it.
    Result<qint64> ensureCategory(const QString &name, qint64 parentId = 0);

    std::optional<Unit> unitByName(const QString &name);
    std::optional<Round> roundByLabel(const QString &label);
    QList<Unit> units();
    QList<Round> rounds();
    QList<Term> terms();
    QList<Inspection> inspections();
    QString categoryName(qint64 id);

private:
    Database &m_db;
};

} // namespace rectrack::core
