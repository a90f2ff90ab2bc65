#pragma once

#include "storage/database.h"

#include <QDate>
#include <QString>

namespace rectrack::core {

/**
 * Registration numbers (挂号编号) of new problems from the register's pattern
 * (RegisterSettings::registrationPattern). Placeholders:
 *   {round}  the round/batch label (e.g. 第十五轮第三批), empty outside a round
 *   {unit}   the unit's name
 *   {yyyy}   the feedback year
 *   {seq:N}  the running number padded with zeros to N digits ({seq:03} reads the same as {seq:3};
 *            {seq} is not padded)
 * The running number continues from the highest number already registered that the pattern
 * matches with the same round, unit and year, so numbers stay unique within a unit.
 */
class RegistrationNumber
{
public:
    /// The values that fill the pattern's placeholders other than {seq}.
    struct Fields
    {
        QString round;
        QString unit;
        QDate feedbackDate;
    };

    /// @p pattern with every placeholder filled; unknown placeholders are kept as written.
    static QString format(const QString &pattern, const Fields &fields, int seq);

    /// The running number that @p registrationNo carries under @p pattern and @p fields, or 0
    /// when it does not match.
    static int seqOf(const QString &pattern, const Fields &fields, const QString &registrationNo);

    /// The next free running number (1 when none matches) among the register's problems,
    /// deleted ones included (their numbers stay taken).
    static int nextSeq(Database &db, const QString &pattern, const Fields &fields);
};

} // namespace rectrack::core
