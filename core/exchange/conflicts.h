#pragma once

/**
 * The conflict queue of the exchange (冲突待处理, issue #26, docs/exchange.md "Conflicts"): the rows
 * a package could not apply, recorded by the import in exchange_conflicts (a row this register owns,
 * one held for a third site, a name already taken here, a missing reference, a deletion of a row
 * still referred to). Nothing about a conflict is decided silently: a person keeps this register's
 * value, accepts the partner's, or edits the value; each decision is an audited change of the
 * conflict row (and, for accept and edit, of the row itself), and travels back to the partner in
 * the next package to it ("decisions" in rows.json), where it is recorded as the partner's decision
 * (kind partner_decision, already closed).
 */

#include "storage/database.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QList>

namespace rectrack::core::exchange {

/// One field on which the two versions differ.
struct ConflictField
{
    QString field;  ///< column name (description, deadline …)
    QString ours;   ///< this register's value, as text ("" for null)
    QString theirs; ///< the package's value
};

/// One row of the conflict queue.
struct Conflict
{
    qint64 id = 0; ///< exchange_conflicts.id: what `exchange conflicts --resolve ID` takes
    QString uuid;
    QString partnerOffice; ///< the other site
    qint64 seq = 0;        ///< the package that brought it
    QString entity;        ///< table (problems, units …)
    QString rowUuid;
    QString kind;   ///< owned_here, owned_by_other_site, name_taken, missing_reference, still_referenced,
                    ///< partner_decision
    QString record; ///< a readable name of the row (registration number and text, a unit's name …)
    QList<ConflictField> fields; ///< the fields that differ (owned_here, owned_by_other_site, name_taken)
    QString recordedAt;          ///< UTC, ISO 8601
    QString decision;            ///< empty while open; keep, accept or edit
    QString decisionText;        ///< the decision as a sentence (with the field and value of an edit)
    bool open() const { return decision.isEmpty(); }
};

class Conflicts
{
    Q_DECLARE_TR_FUNCTIONS(rectrack::core::exchange::Conflicts)
public:
    enum class Decision
    {
        Keep,   ///< this register's row stays as it is
        Accept, ///< the partner's values are written into this register's row (owned_here only)
        Edit,   ///< one field gets a value a person typed (owned_here only)
    };

    /// The conflicts, oldest first; @p all includes decided ones and the partners' decisions.
    static Result<QList<Conflict>> list(Database &db, bool all = false);
    /// How many are open.
    static Result<qint64> openCount(Database &db);
    /// A conflict kind as a short sentence (Chinese under the zh_CN translation).
    static QString kindText(const QString &kind);

    /**
     * Decides conflict @p id in one transaction: the decision is written to the conflict row
     * through the audit log; Accept writes the package's values of the differing fields into this
     * register's row, Edit writes @p value into column @p field (a field the row has, not a
     * reference). InputRefused (nothing changed) for an unknown or already decided conflict, for
     * Accept or Edit on a conflict that is not about a row this register owns, and for an unknown
     * field.
     */
    static Status resolve(Database &db, qint64 id, Decision decision, const QString &field = {},
                          const QString &value = {});

    /// The decisions on conflicts with partner row @p partnerRow (exchange_sites.uuid), for the
    /// next package to it, sorted by conflict UUID.
    static Result<QJsonArray> decisionsFor(Database &db, const QString &partnerRow);
    /// Records the decisions @p decisions of partner @p partnerRow that came with package @p seq
    /// (once each: a replay adds none); returns how many were new.
    static Result<qint64> recordPartnerDecisions(Database &db, const QString &partnerRow, qint64 seq,
                                                 const QJsonArray &decisions);
};

} // namespace rectrack::core::exchange
