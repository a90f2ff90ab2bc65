#include "ledgertemplate.h"

#include "ledgerexporter.h"
#include "ledgerrules.h"
#include "safefile.h"
#include "xlsxformats.h"

#include <QFile>

#include <vector>

namespace rectrack::core {

namespace {

// Columns of the template (indexes into headers()).
constexpr int kCategoryColumn = 2;
constexpr int kDeadlineColumn = 8;
constexpr int kStatusColumn = 10;

} // namespace

QStringList LedgerTemplate::headers()
{
    // The words of LedgerExporter's problem ledger for one unit, so that both read back alike.
    return {LedgerExporter::tr("No."),
            LedgerExporter::tr("Registration no."),
            LedgerExporter::tr("Problem category"),
            LedgerExporter::tr("Problem description"),
            LedgerExporter::tr("Rectification measures"),
            LedgerExporter::tr("Lead leader"),
            LedgerExporter::tr("Responsible office"),
            LedgerExporter::tr("Responsible person"),
            LedgerExporter::tr("Deadline"),
            LedgerExporter::tr("Progress"),
            LedgerExporter::tr("Completion status"),
            LedgerExporter::tr("Note")};
}

QStringList LedgerTemplate::defaultCategories()
{
    return {QString::fromUtf8("落实党的路线方针政策和党中央重大决策部署方面"),
            QString::fromUtf8("落实全面从严治党战略部署方面"),
            QString::fromUtf8("落实新时代党的组织路线方面"),
            QString::fromUtf8("落实巡视巡察整改和主题教育整改方面")};
}

QStringList LedgerTemplate::registerCategories(Database &db)
{
    QStringList names;
    // No way to return an error here: a read error gives the names read so far, and a damaged page
    // is recorded by the database (Database::damageSeen()).
    (void)db.forEachRow(
        QStringLiteral("SELECT name FROM categories WHERE parent_id IS NULL ORDER BY sort_order, id"), {},
        [&](const SqlRow &r) { names << r.text(0); });
    return names;
}

Status LedgerTemplate::write(const QString &path, const TemplateOptions &options)
{
    const auto utf8 = [](const QString &s) { return LedgerExporter::xmlSafe(s).toUtf8(); };
    SafeOutput output(path);
    if (const Status s = output.open(); !s)
        return s;
    const QByteArray file = QFile::encodeName(output.tempPath());
    const QuietStderr quiet; // libxlsxwriter's English [ERROR] lines; its errors are reported below
    lxw_workbook *wb = workbook_new(file.constData());
    if (!wb)
        return Error{ErrorCode::InputRefused, tr("%1 cannot be written.").arg(path)};

    const QStringList cols = headers();
    const QList<int> widths{6, 12, 20, 50, 60, 16, 16, 12, 14, 40, 12, 24};
    const QString ledgerName = LedgerExporter::sheetName(LedgerExporter::tr("Problem ledger"));
    const QString listsName = LedgerExporter::sheetName(tr("Lists"));
    const QByteArray ledgerSheet = utf8(ledgerName);
    const QByteArray helpSheet = utf8(LedgerExporter::sheetName(tr("Instructions")));
    const QByteArray listsSheet = utf8(listsName);
    lxw_worksheet *ws = workbook_add_worksheet(wb, ledgerSheet.constData());
    lxw_worksheet *help = workbook_add_worksheet(wb, helpSheet.constData());
    lxw_worksheet *lists = workbook_add_worksheet(wb, listsSheet.constData());

    const LedgerCellFormats formats = addLedgerCellFormats(wb, CellBorders::None);

    // 1. The ledger: title, header, formats of the columns.
    const QString title = options.unit.trimmed().isEmpty()
                              ? LedgerExporter::tr("Problem ledger")
                              : LedgerExporter::tr("Problem ledger of %1").arg(options.unit.trimmed());
    worksheet_merge_range(ws, 0, 0, 0, lxw_col_t(cols.size() - 1), utf8(title).constData(), formats.title);
    worksheet_set_row(ws, 0, 30, nullptr);
    for (int c = 0; c < cols.size(); ++c) {
        worksheet_write_string(ws, 1, lxw_col_t(c), utf8(cols[c]).constData(), formats.header);
        worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), widths.value(c, 12),
                             c == kDeadlineColumn ? formats.date : formats.text);
    }
    worksheet_freeze_panes(ws, 2, 0);

    // 2. The lists (hidden): states in column A, categories in column B.
    const QStringList states{LedgerRules::wordForState(ProblemState::Registered),
                             LedgerRules::wordForState(ProblemState::InProgress),
                             LedgerRules::wordForState(ProblemState::LongTerm),
                             LedgerRules::wordForState(ProblemState::Completed),
                             LedgerRules::wordForState(ProblemState::ClosedOut)};
    QStringList categories;
    for (const QString &c : options.categories.isEmpty() ? defaultCategories() : options.categories) {
        if (!c.trimmed().isEmpty() && !categories.contains(c.trimmed()))
            categories << c.trimmed();
    }
    worksheet_write_string(lists, 0, 0, utf8(LedgerExporter::tr("Completion status")).constData(), nullptr);
    worksheet_write_string(lists, 0, 1, utf8(LedgerExporter::tr("Problem category")).constData(), nullptr);
    for (int i = 0; i < states.size(); ++i)
        worksheet_write_string(lists, lxw_row_t(i + 1), 0, utf8(states[i]).constData(), nullptr);
    for (int i = 0; i < categories.size(); ++i)
        worksheet_write_string(lists, lxw_row_t(i + 1), 1, utf8(categories[i]).constData(), nullptr);
    worksheet_set_column(lists, 0, 1, 40, nullptr);
    worksheet_hide(lists);

    const lxw_row_t first = 2;
    const lxw_row_t last = lxw_row_t(1 + std::max(1, options.rows));
    const QString quoted = u'\'' + QString(listsName).replace(u'\'', QStringLiteral("''")) + u'\'';
    const QByteArray stateRange = utf8(QStringLiteral("=%1!$A$2:$A$%2").arg(quoted).arg(states.size() + 1));
    const QByteArray stateTitle = utf8(LedgerExporter::tr("Completion status"));
    const QByteArray stateMessage = utf8(tr("Choose one of: %1.").arg(states.join(QStringLiteral(", "))));
    lxw_data_validation stateRule{};
    stateRule.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
    stateRule.value_formula = const_cast<char *>(stateRange.constData());
    stateRule.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
    stateRule.error_title = const_cast<char *>(stateTitle.constData());
    stateRule.error_message = const_cast<char *>(stateMessage.constData());
    worksheet_data_validation_range(ws, first, kStatusColumn, last, kStatusColumn, &stateRule);
    if (!categories.isEmpty()) {
        const QByteArray catRange =
            utf8(QStringLiteral("=%1!$B$2:$B$%2").arg(quoted).arg(categories.size() + 1));
        const QByteArray catTitle = utf8(LedgerExporter::tr("Problem category"));
        const QByteArray catMessage = utf8(tr("Not a category of the list; keep it anyway?"));
        lxw_data_validation catRule{};
        catRule.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
        catRule.value_formula = const_cast<char *>(catRange.constData());
        catRule.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
        catRule.error_title = const_cast<char *>(catTitle.constData());
        catRule.error_message = const_cast<char *>(catMessage.constData());
        worksheet_data_validation_range(ws, first, kCategoryColumn, last, kCategoryColumn, &catRule);
    }

    // 3. The instructions.
    const QStringList lines{
        tr("How to fill in this ledger"),
        tr("Write one problem per row on the sheet \"%1\", starting below the header; keep the title "
           "and header rows as they are.")
            .arg(ledgerName),
        tr("%1: a row number only (may stay empty).").arg(cols[0]),
        tr("%1: the number the problem was registered under, if any; a re-imported ledger updates the "
           "problems by this number.")
            .arg(cols[1]),
        tr("%1: choose from the list, or write your own.").arg(cols[2]),
        tr("%1: required; one problem per row.").arg(cols[3]),
        tr("%1: number several measures inside one cell (1. … 2. … or 一是…二是…).").arg(cols[4]),
        tr("%1, %2, %3: names as you write them.").arg(cols[5], cols[6], cols[7]),
        tr("%1: a date (2021-06-30, 2021/6/30, 2021年6月30日, 6月底前) or words such as 立行立改 or "
           "长期坚持.")
            .arg(cols[8]),
        tr("%1: the latest progress in a few sentences.").arg(cols[9]),
        tr("%1: choose from the list: %2.").arg(cols[10], states.join(QStringLiteral(", "))),
        tr("%1: anything else.").arg(cols[11]),
        tr("Do not insert columns between the columns above; add extra columns at the right: they are kept "
           "as notes."),
        tr("Save as .xlsx (or .csv) and send the file back; the office imports it with Rectrack."),
    };
    worksheet_set_column(help, 0, 0, 110, formats.text);
    for (int i = 0; i < lines.size(); ++i)
        worksheet_write_string(help, lxw_row_t(i), 0, utf8(lines[i]).constData(),
                               i == 0 ? formats.title : formats.text);

    worksheet_activate(ws);
    const lxw_error err = workbook_close(wb);
    if (err != LXW_NO_ERROR)
        return output.failure(QString::fromUtf8(lxw_strerror(err)));
    return output.commit();
}

} // namespace rectrack::core
