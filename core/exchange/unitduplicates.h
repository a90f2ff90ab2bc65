#pragma once

/**
 * Possible duplicate units (疑似重复单位, issue #26, docs/exchange.md "Possible duplicate units").
 *
 * A unit that a partner site registered under a name (compared trimmed and in Unicode NFKC) that a
 * unit of another site here already has is taken in by the exchange import as a unit of its own,
 * owned by that site like every held row, and a record pairs the two (unit_duplicates: unit_id the
 * unit that was here first, other_unit_id the partner's). Nothing is merged silently: a person
 * merges the pair or keeps the two apart. Merged, the partner's unit counts as the unit here in the
 * statistics by unit (its problems under the unit's name); its held rows stay as the partner sent
 * them (they are read-only here, and the partner's next package would otherwise conflict). Each
 * decision is an audited change of the record, and can be undone (reopened).
 */

#include "storage/database.h"

#include <QCoreApplication>
#include <QList>

namespace rectrack::core::exchange {

/// One record of a possible duplicate unit.
struct UnitDuplicate
{
    qint64 id = 0;          ///< unit_duplicates.id: what `exchange duplicates --merge ID` takes
    qint64 unitId = 0;      ///< the unit that was here first (this register's or an earlier partner's)
    QString unitName;       ///< its name as written
    QString unitOffice;     ///< the office that owns it
    qint64 otherUnitId = 0; ///< the partner's unit of the same name
    QString otherUnitName;
    QString otherOffice;
    QString foundAt;   ///< UTC, ISO 8601: the import that found it
    QString decision;  ///< open, merged or kept_apart
    QString decidedBy; ///< the audit actor of the decision (empty while open)
    QString decidedAt; ///< UTC, ISO 8601 (empty while open)
    bool open() const { return decision == QLatin1String("open"); }
};

class UnitDuplicates
{
    Q_DECLARE_TR_FUNCTIONS(rectrack::core::exchange::UnitDuplicates)
public:
    enum class Decision
    {
        Merge,     ///< the two units count as one (the first one) in statistics
        KeepApart, ///< two units; the pair is not offered again
    };

    /// A unit name as two sites' names are compared: NFKC (full-width forms as ASCII), trimmed.
    static QString normalisedName(const QString &name);

    /// The records, open ones first, then by id; @p all includes decided ones. Records whose
    /// units are gone (a tombstone) are left out.
    static Result<QList<UnitDuplicate>> list(Database &db, bool all = false);
    /// How many are open (0 where the login may not read the table).
    static Result<qint64> openCount(Database &db);
    /// A decision as its stored word (merged, kept_apart) and back.
    static QString decisionWord(Decision d);
    /// The stored decision word as a short phrase (Chinese under the zh_CN translation).
    static QString decisionText(const QString &word);

    /**
     * Decides record @p id: an audited change of the record (decision, decided_by = the audit
     * actor, decided_at = now, UTC) in one transaction. InputRefused (nothing changed) for an
     * unknown or already decided record.
     */
    static Status decide(Database &db, qint64 id, Decision decision);
    /// Takes the decision on record @p id back (the app's 撤销): open again, audited.
    /// InputRefused when the record is unknown or open.
    static Status reopen(Database &db, qint64 id);

    /**
     * The SQL of a derived table (id, name) naming every unit as the statistics by unit group
     * it: a unit merged into another by its name; the partner's unit of an open or kept-apart
     * pair by its name and its office in brackets (思明区教育局（思明区委巡察办）); any other unit by
     * its name. Plain units where the login may not read the exchange tables.
     */
    static QString groupNamesSql(Database &db);

    /**
     * The SQL of a subquery of unit ids: the units a name given by the user (`--unit NAME`, one
     * bound value) stands for, as groupNamesSql names them: the unit of that name here with the
     * partners' units merged into it, or a partner's unit kept apart by its name with its office.
     * Every filter by unit name uses it, so that a figure for one unit equals that unit's row of
     * the statistics by unit.
     */
    static QString unitsNamedSql(Database &db);

    /// The name groupNamesSql gives unit @p unitId (what a `--unit` filter for it takes); empty
    /// for an unknown unit or a read error.
    static QString groupName(Database &db, qint64 unitId);
    /// Every distinct name of groupNamesSql, in the order of the units' ids (a scope chooser).
    static QStringList groupNames(Database &db);
};

} // namespace rectrack::core::exchange
