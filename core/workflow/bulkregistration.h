#pragma once

#include "domain/entities.h"
#include "storage/bulkinserter.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <memory>

namespace rectrack::core {

/**
 * Registers many problems in one caller's transaction (ledger imports of thousands of rows).
 *
 * Writes the same rows as ProblemService::registerProblem: the problem (with the state, completed
 * and closed-out dates it ends in), its state history ("registered" on the feedback date, then the
 * ledger's state on @p stateDate), its measures and, for a closed-out row, the import record that
 * stands in for its reviews (DESIGN.md §6). The inserts are prepared once and audited through
 * BulkInserter, so `rectrack-cli verify` accepts the result; the only difference from the row-by-row
 * path is that the audit log holds one insert per problem with its final state instead of an insert
 * followed by an update. Problems registered by other means during the session are not seen by
 * the registration-number check. Use inside a Transaction (all-or-nothing stays the caller's), ideally with
 * the search index deferred (SearchIndexDeferral).
 */
class BulkRegistration
{
    Q_DECLARE_TR_FUNCTIONS(rectrack::core::BulkRegistration)
public:
    explicit BulkRegistration(Database &db);
    ~BulkRegistration();

    /// As ProblemService::registerProblem, with the same checks and errors (InputRefused when
    /// the description, unit or feedback date is missing or the registration number is already
    /// used in the unit). Returns the new problem's id.
    Result<qint64> registerProblem(const Problem &p, const QList<Measure> &measures = {},
                                   QDate stateDate = {});

    /// The rows the coming registerProblem() calls will write at most: @p problems problems, @p states
    /// state-history rows, @p measures measures, @p reviews import records. On a server their ids
    /// are then drawn ahead, one statement per table (BulkInserter::expect), not one per row.
    void expect(qint64 problems, qint64 states, qint64 measures, qint64 reviews);

    /// The registration numbers the problems of @p unitId had when the caller read them in this
    /// transaction (an importer's lookups): taken instead of reading them again, one query per unit
    /// that on a server would also send the rows held back so far (BulkInserter).
    void knowNumbers(qint64 unitId, const QSet<QString> &numbers);

    /// As OrganizationService::ensureUnit for a name the register does not have (the caller looked
    /// it up, e.g. through UnitNames): the same row (the name trimmed, no category), audited alike,
    /// through BulkInserter. Returns the new unit's id; InputRefused for an empty name.
    Result<qint64> addUnit(const QString &name);
    /// As OrganizationService::addInspection: the same row, audited alike, through BulkInserter.
    /// Returns the new inspection's id; InputRefused without a unit.
    Result<qint64> addInspection(const Inspection &i);
    /// The rows the coming addUnit() and addInspection() calls will write at most (see expect()).
    void expectUnits(qint64 units, qint64 inspections);

private:
    /// Prepares the inserts of units and inspections (once).
    void prepareUnits();
    /// Prepares the inserts (once).
    void prepare();
    /// The registration numbers used in @p unitId: read once per unit (one query instead of one
    /// per row, which scanned the unit's problems), then kept up to date with this session's rows.
    /// The read error (a damaged page: CannotOpen) when the numbers cannot be read.
    Result<const QSet<QString> *> usedNumbers(qint64 unitId);

    Database &m_db;
    QHash<qint64, QSet<QString>> m_numbers;
    std::unique_ptr<BulkInserter> m_problems;
    std::unique_ptr<BulkInserter> m_states;
    std::unique_ptr<BulkInserter> m_measures;
    std::unique_ptr<BulkInserter> m_reviews;
    std::unique_ptr<BulkInserter> m_units;
    std::unique_ptr<BulkInserter> m_inspections;
};

} // namespace rectrack::core
