#pragma once

// Cell formats of the .xlsx ledgers Rectrack writes (libxlsxwriter): the exported ledgers and the
// blank ledger template share one look, so a template filled in and a ledger exported later read
// alike. Internal to core/io.

#include <xlsxwriter.h>

namespace rectrack::core {

/// Whether text and date cells get thin borders: exported ledgers draw them around every cell;
/// the blank template leaves its empty rows unruled (its header row keeps its border).
enum class CellBorders
{
    Thin,
    None
};

/// The formats of one workbook, owned by it (freed by workbook_close).
struct LedgerCellFormats
{
    lxw_format *title = nullptr;  ///< bold 14 pt, centred: the merged title row
    lxw_format *header = nullptr; ///< bold, wrapped, centred, bordered, light blue (#D9E1F2)
    lxw_format *text = nullptr;   ///< wrapped, top-aligned
    lxw_format *date = nullptr;   ///< yyyy-mm-dd, top-left aligned
};

/// Adds the ledger formats to @p workbook (not null).
LedgerCellFormats addLedgerCellFormats(lxw_workbook *workbook, CellBorders borders);

} // namespace rectrack::core
