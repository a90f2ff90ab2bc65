#pragma once

/**
 * The history of one problem from the audit log (issue #13): every entry of the problem itself
 * and of the rows that belong to it (state history, measures, progress entries, evidence,
 * reviews, extension requests, supervision actions, measure links), in the log's order (its
 * sequence number, not its time), split field by field into who / when / field / old / new.
 */

#include "database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

namespace rectrack::core {

/// One changed field of one audit entry.
struct HistoryLine
{
    qint64 entryId = 0; ///< audit_log.id: the order of the history
    QDateTime at;       ///< UTC, as the writer's clock said
    QString actor;
    QString table;      ///< audited table (problems, measures …)
    qint64 rowId = 0;   ///< the row in that table
    QString action;     ///< insert, update, delete
    QString record;     ///< translated name of the row ("Problem", "Measure 2", "Progress entry" …)
    QString field;      ///< column name (empty for a deleted row's summary line)
    QString fieldLabel; ///< translated column name
    QString oldValue;   ///< as shown to people: enum keys translated, empty for none
    QString newValue;
};

class AuditHistory
{
    Q_DECLARE_TR_FUNCTIONS(AuditHistory)
public:
    /**
     * The history of problem @p problemId, oldest first. An insert gives one line per field that
     * has a value (old empty), an update one line per changed field, a delete one line per field
     * that had a value (new empty). Bookkeeping columns (id, uuid, version, problem_id, sha256)
     * are left out. Reads only; an empty list for an unknown problem.
     */
    static QList<HistoryLine> forProblem(Database &db, qint64 problemId);
    /// The query forProblem runs (two binds: the problem id twice), for tests of its plan.
    static QString problemEntriesSql(const Dialect &dialect);

    /// Translated label of @p column of @p table (the column name when unknown).
    static QString fieldLabel(const QString &table, const QString &column);
    /// Translated name of a row of @p table (e.g. "Measure").
    static QString recordLabel(const QString &table);
    /// A stored value as shown to people: state/type keys as their display names.
    static QString displayValue(const QString &table, const QString &column, const QJsonValue &value);
};

} // namespace rectrack::core
