#pragma once

#include "storage/database.h"
#include "storage/ledgerquery.h"

#include <QTextBrowser>

namespace rectrack::ui {

/**
 * Read-only detail of the selected ledger row: the problem with its registration facts, its
 * measures (the selected one highlighted), dated progress, the evidence list, deadline
 * extensions and the close-out reviews. Reads through the core services; never edits.
 */
class DetailPane : public QTextBrowser
{
    Q_OBJECT
public:
    explicit DetailPane(QWidget *parent = nullptr);

    /// Shows problem @p problemId of @p db, highlighting measure @p measureId (0 = none). With a
    /// historical @p context, as it stood on its as-of date: its state, deadline and dates on that
    /// day, and only the progress, evidence, extensions and reviews dated by then.
    void showProblem(core::Database &db, qint64 problemId, qint64 measureId = 0,
                     const core::LedgerContext &context = {});
    /// Shows a hint instead of a problem.
    void showNothing();
};

} // namespace rectrack::ui
