#pragma once

#include "domain/result.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QStringList>

namespace rectrack::core {

/// What a blank ledger template holds (`rectrack-cli template`, File → Export template…).
struct TemplateOptions
{
    QString unit; ///< named in the title ("XX问题台账"), so the import wizard proposes it; empty = none
    /// Choices of the category column's list; empty = the four aspects of a regular inspection
    /// (落实党的路线方针政策和党中央重大决策部署方面 …), as the demo register and most offices use.
    QStringList categories;
    int rows = 500; ///< data rows covered by the validation lists (below the header)
};

/**
 * Writes a blank problem ledger in the standard column layout (the layout LedgerExporter writes
 * for one unit, DESIGN.md §6), so that a filled-in template imports without any mapping.
 *
 * The workbook has three sheets: the ledger (title row, frozen header, column widths, a date
 * format on the deadline column), the instructions (填表说明: one line per column, the status
 * words and the date forms the importer reads) and a hidden sheet of the lists. The status
 * column (完成情况) has a data validation list of the five words LedgerRules::wordForState writes
 * (stop on other values); the category column has a list of @c categories (a warning only,
 * because offices keep their own wording). Errors: InputRefused when the file cannot be written.
 */
class LedgerTemplate
{
    Q_DECLARE_TR_FUNCTIONS(rectrack::core::LedgerTemplate)
public:
    static Status write(const QString &path, const TemplateOptions &options = {});

    /// The header row of the template, in the current language (序号, 编号, 问题类别, …).
    static QStringList headers();
    /// The top-level categories of a register (by sort order), for the category list of File →
    /// Export template….
    static QStringList registerCategories(Database &db);
    /// The four aspects of a regular inspection, the default category list.
    static QStringList defaultCategories();
};

} // namespace rectrack::core
