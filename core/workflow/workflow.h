#pragma once

/**
 * The rectification workflow as pure rules (no storage): which state changes are legal and
 * why not, and the traffic-light warning of an unfinished item (DESIGN.md §1.5, §5).
 *
 *   registered → in progress → completed → closed out (销号)
 *                     ↕            ↓ review rejected
 *                 long-term ←──────┘ (back to in progress)
 *
 * Marking the rectification complete needs at least one measure on record (the plan splits each
 * problem into measures; without any there is nothing to be complete) and none unfinished.
 * Closing out needs every measure completed and the three review steps approved (unit leader,
 * unit rectification group, inspection office). Imports record a ledger's state as history and
 * bypass these checks (DESIGN.md §6); later edits do not.
 */

#include "domain/result.h"
#include "domain/types.h"

#include <QCoreApplication>
#include <QDate>

namespace rectrack::core {

/// Facts about a problem that decide whether a transition is allowed.
struct TransitionContext
{
    int measures = 0;             ///< measures on record (none: nothing to be complete, issue #21)
    int unfinishedMeasures = 0;   ///< measures neither completed nor long-term
    int longTermMeasures = 0;     ///< measures of type or state long-term
    bool reviewsApproved = false; ///< all three review steps approved since the last completion
};

/// Days-left thresholds of the warning lights; defaults from DESIGN.md §1.5, settings per office.
struct WarningThresholds
{
    int greenDays = 20;  ///< green at this many days left or fewer
    int yellowDays = 10; ///< yellow at this many days left or fewer; red once the deadline has passed
};

class Workflow
{
    Q_DECLARE_TR_FUNCTIONS(Workflow)
public:
    /// Ok when @p from → @p to is allowed in @p ctx; else InputRefused with a message saying why.
    static Status checkTransition(ProblemState from, ProblemState to, const TransitionContext &ctx);

    /**
     * Warning light of an item on @p asOf: None when done or long-term or without a dated
     * deadline; Red when the deadline has passed (overdue); Yellow/Green within the thresholds;
     * Normal otherwise. Dates only: the same in every time zone.
     */
    static WarningLight light(ProblemState state, const QDate &deadline, const QDate &asOf,
                              const WarningThresholds &thresholds = {});

    /// Days past the deadline on @p asOf (0 when not overdue or no deadline).
    static int overdueDays(const QDate &deadline, const QDate &asOf);

    /// Whether an item in @p state with @p deadline is overdue on @p asOf (DESIGN.md §5).
    static bool isOverdue(ProblemState state, const QDate &deadline, const QDate &asOf);
};

} // namespace rectrack::core
