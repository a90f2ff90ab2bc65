#pragma once

#include "domain/types.h"

#include <QCoreApplication>
#include <QDate>

namespace rectrack::ui {

/**
 * Display names of the domain enums as the desktop app shows them (short forms that fit a
 * ledger column: 红灯, 整改中, 市委巡察 …), translated through the ui catalogue.
 */
class Labels
{
    Q_DECLARE_TR_FUNCTIONS(Labels)
public:
    static QString state(core::ProblemState s);
    static QString measureState(core::MeasureState s);
    static QString measureType(core::MeasureType t);
    static QString source(core::SourceLevel s);
    static QString kind(core::InspectionKind k);
    static QString light(core::WarningLight w);
    static QString reviewStep(core::ReviewStep s);
    /// A date as the ledgers show it (2021-03-31), empty when invalid.
    static QString date(const QDate &d);
    /// A moment the register keeps as ISO 8601 text in UTC (2026-12-06T23:54:08Z) in this
    /// machine's local time, yyyy-MM-dd HH:mm:ss; text that is no valid moment as it is.
    static QString localTime(const QString &isoUtc);
};

} // namespace rectrack::ui
