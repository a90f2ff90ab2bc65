#include "xlsxformats.h"

namespace rectrack::core {

LedgerCellFormats addLedgerCellFormats(lxw_workbook *workbook, CellBorders borders)
{
    LedgerCellFormats f;
    f.title = workbook_add_format(workbook);
    format_set_bold(f.title);
    format_set_font_size(f.title, 14);
    format_set_align(f.title, LXW_ALIGN_CENTER);
    format_set_align(f.title, LXW_ALIGN_VERTICAL_CENTER);

    f.header = workbook_add_format(workbook);
    format_set_bold(f.header);
    format_set_text_wrap(f.header);
    format_set_border(f.header, LXW_BORDER_THIN);
    format_set_align(f.header, LXW_ALIGN_CENTER);
    format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);
    format_set_bg_color(f.header, 0xD9E1F2);

    f.text = workbook_add_format(workbook);
    format_set_text_wrap(f.text);
    format_set_align(f.text, LXW_ALIGN_VERTICAL_TOP);

    f.date = workbook_add_format(workbook);
    format_set_num_format(f.date, "yyyy-mm-dd");
    format_set_align(f.date, LXW_ALIGN_VERTICAL_TOP);
    format_set_align(f.date, LXW_ALIGN_LEFT);

    if (borders == CellBorders::Thin) {
        format_set_border(f.text, LXW_BORDER_THIN);
        format_set_border(f.date, LXW_BORDER_THIN);
    }
    return f;
}

} // namespace rectrack::core
