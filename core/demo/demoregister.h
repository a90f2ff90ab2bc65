#pragma once

/**
 * The demo register (`rectrack-cli demo`, and what the app opens when the user has none yet),
 * built from the public account of Xiamen's 2020 inspection-rectification work, with reference
 * date 2021-01-15. As of that date:
 *  - term 十二届市委 (2016-11-01 … 2021-10-31), 105 units on the must-cover list in two
 *    categories (70 党政机关, 35 企事业单位), 99 covered: coverage 94.3%;
 *  - rounds one to twelve (2017–2019) and, in 2020, seven batches of regular inspections over
 *    27 units; the fifteenth round's third batch started 2020-12-28 on 市委宣传部, 市委政研室,
 *    市委台港澳办, 市民宗局党组 and 驻京办党组 (no feedback yet);
 *  - a thematic inspection of epidemic prevention (problems in 4 aspects) and one of rural
 *    revitalisation over the six districts (8 aspects) and 14 municipal lead units;
 *  - 20 problems fed back by the central inspection and 22 by the provincial one, all done.
 * Problem texts, measures and people (roles such as 王某某（办公室主任）) are written for the demo.
 */

#include "storage/database.h"

#include <QCoreApplication>

namespace rectrack::core {

class DemoRegister
{
    Q_DECLARE_TR_FUNCTIONS(DemoRegister)
public:
    /// Reference date of the demo register.
    static QDate referenceDate() { return QDate(2021, 1, 15); }

    /// Fills an empty register with the demo content in one transaction.
    /// Errors: InputRefused when the register already holds problems.
    static Status build(Database &db);
};

} // namespace rectrack::core
