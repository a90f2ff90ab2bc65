#include "ledgerrecognizer.h"

#include "ledgerfile.h"
#include "ledgerstages.h"
#include "xlsxreader.h"

#include <QRegularExpression>
#include <QScopeGuard>

namespace rectrack::core {

namespace {

constexpr int kHeaderSearchRows = 30;

QString compactKey(const QString &s)
{
    QString k = LedgerRules::toHalfWidth(s);
    k.remove(QRegularExpression(QStringLiteral("\\s+")));
    return k.toLower();
}

QString raw(const Sheet &sheet, int row, int column)
{
    return sheet.cell(row, column).text.trimmed();
}

/// The value a reader sees in a cell: a merged range shows its top-left value in its first
/// column (down the rows it spans) and nothing in its other columns.
QString merged(const Sheet &sheet, int row, int column)
{
    if (const CellRange *m = sheet.mergeAt(row, column)) {
        if (column != m->left)
            return {};
        return raw(sheet, m->top, m->left);
    }
    return raw(sheet, row, column);
}

struct HeaderCandidate
{
    int firstRow = -1;
    int lastRow = -1;
    QList<LedgerColumn> columns;
    int score = 0;
    bool hasProblem = false;
};

std::optional<LedgerField> mappedField(const RecognizerOptions &o, const QStringList &names)
{
    for (auto it = o.map.cbegin(); it != o.map.cend(); ++it) {
        const QString key = compactKey(it.key());
        for (const QString &n : names) {
            if (!n.isEmpty() && compactKey(n) == key)
                return it.value();
        }
    }
    return std::nullopt;
}

/// How a header candidate is read: one row, two rows whose parent cells are merged over their
/// children, or two rows without merges (a CSV, or a sheet whose parent cell is simply left of
/// empty cells): a parent then stands over the empty cells to its right that have a child.
enum class HeaderShape
{
    OneRow,
    MergedTwoRow,
    PlainTwoRow
};

HeaderCandidate evaluate(const Sheet &sheet, int r, HeaderShape shape, int width, const RecognizerOptions &o)
{
    const bool twoRow = shape == HeaderShape::MergedTwoRow;
    HeaderCandidate h;
    h.firstRow = r;
    h.lastRow = shape == HeaderShape::OneRow ? r : r + 1;
    QString carried; // PlainTwoRow: the parent over the empty cells to its right
    for (int c = 0; c < width; ++c) {
        if (sheet.hiddenColumns.contains(c))
            continue;
        QString parent;
        QString child;
        const CellRange *pm = shape == HeaderShape::PlainTwoRow ? nullptr : sheet.mergeAt(r, c);
        bool plainSpan = false;
        if (shape == HeaderShape::PlainTwoRow) {
            const QString top = raw(sheet, r, c);
            child = raw(sheet, r + 1, c);
            if (!top.isEmpty()) {
                parent = top;
                carried = child.isEmpty() ? QString() : top;
                plainSpan = !child.isEmpty();
            } else if (!child.isEmpty()) {
                parent = carried;
                plainSpan = !carried.isEmpty();
            }
        } else if (pm && pm->top < r && pm->left == c)
            parent = raw(sheet, pm->top, pm->left); // a header cell merged down from above
        else if (pm)
            parent = raw(sheet, pm->top, pm->left);
        else
            parent = raw(sheet, r, c);
        const bool spansChildren = plainSpan || (pm && pm->right > pm->left && pm->bottom == r);
        if (pm && !spansChildren && c != pm->left)
            parent.clear();
        if (twoRow && !(pm && pm->bottom > r)) {
            const CellRange *cm = sheet.mergeAt(r + 1, c);
            child = cm ? (c == cm->left ? raw(sheet, cm->top, cm->left) : QString()) : raw(sheet, r + 1, c);
        }
        if (pm && spansChildren && child.isEmpty() && c != pm->left)
            continue; // the parent is already counted in its first column
        LedgerColumn col;
        col.index = c;
        std::optional<LedgerField> f;
        if (!child.isEmpty()) {
            const QString joined = parent.isEmpty() ? child : parent + child;
            col.header = spansChildren ? child : joined;
            f = mappedField(o, {child, joined, parent + u'/' + child});
            col.mapped = f.has_value();
            if (!f)
                f = LedgerRules::fieldForHeader(child);
            if (!f && !parent.isEmpty())
                f = LedgerRules::fieldForHeader(joined);
        } else {
            if (parent.isEmpty())
                continue;
            col.header = parent;
            f = mappedField(o, {parent});
            col.mapped = f.has_value();
            if (!f)
                f = LedgerRules::fieldForHeader(parent);
        }
        static const QRegularExpression fillIn(QStringLiteral("[:：]\\s*\\S"));
        if (!col.mapped && (col.header.size() > 40 || col.header.contains(fillIn)))
            f.reset(); // a sentence or a fill-in field (填报单位：…), not a header
        if (f) {
            col.field = *f;
            if (*f != LedgerField::Ignore)
                ++h.score;
            h.hasProblem = h.hasProblem || *f == LedgerField::Problem;
        } else {
            col.field = LedgerField::Note;
            col.mapped = false;
        }
        h.columns.append(col);
    }
    return h;
}

/// Whether row @p r has a merged cell over several (but not nearly all) columns: a parent header.
bool hasParentMerge(const Sheet &sheet, int r, int width)
{
    for (const CellRange &m : sheet.merges) {
        if (m.top == r && m.bottom == r && m.right > m.left && (m.right - m.left + 1) * 10 < width * 8)
            return true;
    }
    return false;
}

bool isDigits(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^\\d+(\\.0)?$"));
    return re.match(LedgerRules::toHalfWidth(s)).hasMatch();
}

/// Whether row @p r reads as the child row of a header without merges: at least two of its
/// cells, and two thirds of them, name fields, and none is a number or a date (as data rows hold).
bool looksLikeHeaderRow(const Sheet &sheet, int r, int width)
{
    int filled = 0;
    int named = 0;
    for (int c = 0; c < width; ++c) {
        const Cell &cell = sheet.cell(r, c);
        const QString t = cell.text.trimmed();
        if (t.isEmpty() || sheet.hiddenColumns.contains(c))
            continue;
        if (cell.kind == Cell::Kind::Number || cell.kind == Cell::Kind::Date || isDigits(t) ||
            LedgerRules::findDate(t).isValid())
            return false;
        ++filled;
        named += LedgerRules::fieldForHeader(t).has_value() ? 1 : 0;
    }
    return named >= 2 && named * 3 >= filled * 2;
}

/// A note, signature or fill-in line below or above the ledger (注：…, 填表人：…, 联系电话：…).
bool isFootnote(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(
        "^(?:注|说明|备注|填表说明|填表人|填报人|制表人|制表|审核人|审核|审批人|签发人|联系人|联系电话|电话|"
        "手机|负责人|单位负责人|主要负责人|分管领导|签字|填报日期|填表日期|填报时间|报送日期|日期|填报单位|"
        "报送单位)\\s*\\d?\\s*(?:[(][^)]*[)])?\\s*[:：]"));
    return re.match(LedgerRules::toHalfWidth(text.trimmed())).hasMatch();
}

/// Stage "find the title and header rows": the first of the top kHeaderSearchRows rows that names
/// the problem and at least one other field, read as one row or as two (a parent merged over its
/// children, or a CSV that lost the merge). Its firstRow is -1 when there is none; @p best is then
/// the first header-like row without a problem column (for the error message).
HeaderCandidate findHeader(const Sheet &sheet, const RecognizerOptions &o, HeaderCandidate *best)
{
    const int width = sheet.columnCount();
    const int rowCount = int(sheet.rows.size());
    for (int r = 0; r < std::min(rowCount, kHeaderSearchRows); ++r) {
        HeaderCandidate single = evaluate(sheet, r, HeaderShape::OneRow, width, o);
        HeaderCandidate chosen = single;
        if (r + 1 < rowCount && hasParentMerge(sheet, r, width)) {
            HeaderCandidate two = evaluate(sheet, r, HeaderShape::MergedTwoRow, width, o);
            if (two.hasProblem && (!single.hasProblem || two.score > single.score))
                chosen = two;
        } else if (r + 1 < rowCount && single.score >= 1 && looksLikeHeaderRow(sheet, r + 1, width)) {
            HeaderCandidate two = evaluate(sheet, r, HeaderShape::PlainTwoRow, width, o);
            if (two.hasProblem && (!single.hasProblem || two.score > single.score))
                chosen = two;
        }
        const bool mappedProblem =
            std::any_of(chosen.columns.cbegin(), chosen.columns.cend(),
                        [](const LedgerColumn &c) { return c.mapped && c.field == LedgerField::Problem; });
        if (chosen.hasProblem && (chosen.score >= 2 || mappedProblem))
            return chosen;
        if (chosen.score >= 2) {
            *best = chosen; // the first header-like row names no problem column: stop there
            break;
        }
    }
    return {};
}

} // namespace

namespace LedgerStages {

RowTexts rowTexts(const Sheet &sheet, int r)
{
    // The row's own cells: Sheet::columnCount() walks every row, and called per row it made
    // recognition quadratic in the rows.
    RowTexts texts;
    const int width = r >= 0 && r < sheet.rows.size() ? int(sheet.rows[r].cells.size()) : 0;
    for (int c = 0; c < width; ++c) {
        if (sheet.hiddenColumns.contains(c))
            continue;
        const QString t = raw(sheet, r, c);
        if (!t.isEmpty())
            texts.append({c, t});
    }
    return texts;
}

bool isSummaryOrNote(const Sheet &sheet, int r, const RowTexts &texts, bool firstDataRow,
                     const QString &problemText, int measuresColumn)
{
    if (texts.isEmpty())
        return false;
    static const QRegularExpression countLine(QStringLiteral("^\\s*(?:共|合|总)\\s*\\d+\\s*(?:个|项|条|件)"));
    const QString first = LedgerRules::toHalfWidth(texts.first().second);
    if (LedgerRules::isSummary(texts.first().second) ||
        (countLine.match(first).hasMatch() &&
         (measuresColumn < 0 || merged(sheet, r, measuresColumn).isEmpty())))
        return true;
    if (firstDataRow && texts.size() >= 3 && std::all_of(texts.cbegin(), texts.cend(), [](const auto &t) {
            static const QRegularExpression columnNumber(QStringLiteral("^(?:\\d{1,2}|[A-Za-z])$"));
            return columnNumber.match(LedgerRules::toHalfWidth(t.second)).hasMatch();
        }))
        return true;
    return (problemText.isEmpty() || isFootnote(problemText)) &&
           std::all_of(texts.cbegin(), texts.cend(), [](const auto &t) { return isFootnote(t.second); });
}

std::optional<QString> sectionHeading(const Sheet &sheet, int r, const RowTexts &texts, int seqCol,
                                      int categoryCol, int problemCol)
{
    static const QRegularExpression headingNumber(QStringLiteral(
        "^(?:[一二三四五六七八九十]+\\s*[、.．]?|第[一二三四五六七八九十]+(?:部分|类|方面|章|节))$"));
    QStringList distinct;
    int textCol = -1;
    bool seqIsOrdinal = false;
    for (const auto &[c, t] : texts) {
        if (c == seqCol && !isDigits(t)) {
            seqIsOrdinal = headingNumber.match(t).hasMatch();
            if (texts.size() > 1)
                continue;
        }
        if (!distinct.contains(t)) {
            distinct << t;
            textCol = c;
        }
    }
    if (distinct.size() != 1)
        return std::nullopt;
    const QString t = distinct.first();
    const CellRange *m = sheet.mergeAt(r, textCol);
    const bool wide = m && m->right > m->left;
    const bool placed = textCol == seqCol || textCol == categoryCol || textCol == problemCol;
    if (LedgerRules::looksLikeSection(t) || seqIsOrdinal || wide || (placed && textCol != problemCol))
        return LedgerRules::cleanCategory(t);
    return std::nullopt;
}

void settleStatusColumns(QList<LedgerColumn> &columns)
{
    static const QRegularExpression strong(QStringLiteral("完成|状态|是否|结果|销号|status|state"));
    QList<LedgerColumn *> statuses;
    bool hasProgress = false;
    for (LedgerColumn &c : columns) {
        if (c.field == LedgerField::Status && !c.mapped)
            statuses << &c;
        hasProgress = hasProgress || c.field == LedgerField::Progress;
    }
    const auto isStrong = [](const LedgerColumn *c) { return compactKey(c->header).contains(strong); };
    const auto main = std::find_if(statuses.cbegin(), statuses.cend(), isStrong);
    if (statuses.size() > 1 && !hasProgress && main != statuses.cend()) {
        for (LedgerColumn *c : std::as_const(statuses)) {
            if (c != *main && !isStrong(c)) {
                c->field = LedgerField::Progress;
                break;
            }
        }
    }
}

QHash<LedgerField, int> assignColumns(QList<LedgerColumn> &columns, RecognizedLedger &L)
{
    QHash<LedgerField, int> columnOf;
    for (LedgerColumn &c : columns) {
        if (c.field == LedgerField::Note && !c.mapped && !LedgerRules::fieldForHeader(c.header)) {
            L.warnings << ImportIssue{
                L.file, L.sheet, L.headerRow, c.header,
                LedgerRecognizer::tr("the column is not recognised; its values are kept as "
                                     "notes (use --map \"%1=FIELD\" to assign it).")
                    .arg(c.header)};
        } else if (c.field != LedgerField::Note && c.field != LedgerField::Ignore) {
            if (columnOf.contains(c.field)) {
                L.warnings << ImportIssue{
                    L.file, L.sheet, L.headerRow, c.header,
                    LedgerRecognizer::tr("a second %1 column; its values are kept as notes.")
                        .arg(LedgerRules::fieldName(c.field))};
                c.field = LedgerField::Note;
            } else {
                columnOf.insert(c.field, c.index);
            }
        }
    }
    return columnOf;
}

int readTitleRows(const Sheet &sheet, int headerRow, RecognizedLedger &L)
{
    static const QRegularExpression attachment(QStringLiteral("^附件\\s*[0-9一二三四五六七八九十-]*$"));
    static const QRegularExpression titleYear(QStringLiteral("(\\d{4})\\s*年"));
    const int width = sheet.columnCount();
    int textYear = 0;
    for (int r = 0; r < headerRow; ++r) {
        for (int c = 0; c < width; ++c) {
            const QString t = raw(sheet, r, c);
            if (t.isEmpty())
                continue;
            if (L.title.isEmpty() && !attachment.match(LedgerRules::toHalfWidth(t)).hasMatch() &&
                !isFootnote(t))
                L.title = t;
            if (!L.fillInDate.isValid())
                L.fillInDate = LedgerRules::findDate(t);
            if (textYear == 0) {
                const auto m = titleYear.match(LedgerRules::toHalfWidth(t));
                if (m.hasMatch())
                    textYear = m.captured(1).toInt();
            }
        }
    }
    return textYear;
}

void readDeadline(const Workbook &wb, const Sheet &sheet, int r, int dc, int year, const QString &header,
                  LedgerRow &row, RecognizedLedger &L)
{
    const CellRange *dm = sheet.mergeAt(r, dc);
    const Cell &cell = dm ? sheet.cell(dm->top, dm->left) : sheet.cell(r, dc);
    if (dm && dc != dm->left)
        return; // the deadline is in another column's merge
    if (cell.kind == Cell::Kind::Date) {
        // A date shown as a month (2021年6月) means the month's end, as the words 2021年6月 do.
        row.deadline =
            cell.monthOnly ? QDate(cell.date.year(), cell.date.month(), cell.date.daysInMonth()) : cell.date;
    } else if (cell.kind == Cell::Kind::Number && cell.number >= 1 && cell.number < 2958466 &&
               cell.number >= 20000) {
        row.deadline = XlsxReader::dateFromSerial(cell.number, wb.date1904);
    } else if (!cell.isEmpty()) {
        const DeadlineValue d = LedgerRules::parseDeadline(cell.text, year);
        if (d.invalid) {
            L.errors << ImportIssue{
                L.file, L.sheet, row.rowNumber, header,
                LedgerRecognizer::tr("\"%1\" is not a valid date.").arg(cell.text.trimmed())};
            return;
        }
        row.deadline = d.date;
        row.deadlineNote = d.note;
        row.immediate = d.immediate;
        row.longTerm = d.longTerm;
        if (d.unrecognised)
            L.warnings << ImportIssue{
                L.file, L.sheet, row.rowNumber, header,
                LedgerRecognizer::tr("\"%1\" is read as words, not as a date.").arg(cell.text.trimmed())};
    }
}

void readState(const QString &statusHeader, const QString &statusWord, LedgerRow &row, RecognizedLedger &L)
{
    bool known = true;
    if (!statusHeader.isEmpty()) {
        row.statusWord = statusWord;
        row.state = LedgerRules::stateForWord(row.statusWord, &known, statusHeader);
        if (!known)
            L.warnings << ImportIssue{
                L.file, L.sheet, row.rowNumber, statusHeader,
                LedgerRecognizer::tr(
                    "the status \"%1\" is not recognised; the problem is imported as registered.")
                    .arg(row.statusWord)};
    } else if (!row.progress.isEmpty()) {
        row.state = LedgerRules::stateForWord(row.progress, &known);
        if (!known)
            row.state = ProblemState::InProgress;
    }
}

QString notesOf(const Sheet &sheet, int r, const QList<LedgerColumn> &columns)
{
    QStringList notes;
    for (const LedgerColumn &c : columns) {
        if (c.field != LedgerField::Note && c.field != LedgerField::Evidence)
            continue;
        const QString v = merged(sheet, r, c.index);
        if (v.isEmpty())
            continue;
        const bool plain =
            c.field == LedgerField::Note && LedgerRules::fieldForHeader(c.header) == LedgerField::Note;
        notes << (plain ? v : c.header + QStringLiteral("：") + v);
    }
    return notes.join(u'\n');
}

} // namespace LedgerStages

QString ImportIssue::toString() const
{
    // A message about the whole file that already names it ("x.xlsx is damaged: …") is not
    // prefixed with the name again.
    if (sheet.isEmpty() && row <= 0 && column.isEmpty() && !file.isEmpty() && message.startsWith(file))
        return message;
    QString where = file;
    if (!sheet.isEmpty())
        where = LedgerRecognizer::tr("%1, sheet %2").arg(where, sheet);
    if (row > 0)
        where = LedgerRecognizer::tr("%1, row %2").arg(where).arg(row);
    if (!column.isEmpty())
        where = LedgerRecognizer::tr("%1, column \"%2\"").arg(where, column);
    return LedgerRecognizer::tr("%1: %2").arg(where, message);
}

bool RecognizedLedger::hasProblemColumn() const
{
    return std::any_of(columns.cbegin(), columns.cend(),
                       [](const LedgerColumn &c) { return c.field == LedgerField::Problem; });
}

int LedgerRecognizer::chooseSheet(const Workbook &wb, const QString &sheetName,
                                  const RecognizerOptions &options, Error *error)
{
    if (!sheetName.isEmpty()) {
        for (int i = 0; i < wb.sheets.size(); ++i) {
            if (wb.sheets[i].name == sheetName)
                return i;
        }
        QStringList names;
        for (const Sheet &s : wb.sheets)
            names << s.name;
        if (error && names.join(QString()).isEmpty()) { // a .csv/.txt: one sheet without a name
            *error = Error{ErrorCode::InputRefused,
                           tr("%1 is a text file and has no sheets; --sheet applies to .xlsx workbooks only.")
                               .arg(wb.fileName)};
            return -1;
        }
        if (error)
            *error = Error{ErrorCode::InputRefused,
                           tr("%1 has no sheet named \"%2\" (sheets: %3).")
                               .arg(wb.fileName, sheetName, names.join(QStringLiteral(", ")))};
        return -1;
    }
    // Sheets of instructions or a filled-in example (说明, 填表说明, 示例, 模板) come after the others.
    static const QRegularExpression aside(
        QStringLiteral("说明|示例|样表|样例|模板|范例|填表|instruction|example"),
        QRegularExpression::CaseInsensitiveOption);
    int firstVisible = -1;
    int firstAside = -1;
    for (int i = 0; i < wb.sheets.size(); ++i) {
        if (wb.sheets[i].hidden)
            continue;
        if (firstVisible < 0)
            firstVisible = i;
        // Only the header decides (it is searched in the first kHeaderSearchRows rows, and the
        // columns are fixed from it): recognising every row here doubled the cost of an import.
        Sheet head = wb.sheets[i];
        head.rows = head.rows.mid(0, kHeaderSearchRows + 1);
        if (!recognize(wb, head, options).hasProblemColumn())
            continue;
        if (!aside.match(wb.sheets[i].name).hasMatch())
            return i;
        if (firstAside < 0)
            firstAside = i;
    }
    if (firstAside >= 0)
        return firstAside;
    if (wb.isDocument) { // a Word document's tables: none of them is a ledger
        if (error)
            *error = Error{ErrorCode::InputRefused, LedgerFile::noLedgerTableMessage(wb.fileName)};
        return -1;
    }
    if (firstVisible < 0 && error)
        *error = Error{ErrorCode::InputRefused, tr("%1 has no visible sheet.").arg(wb.fileName)};
    return firstVisible; // its recognition reports what is missing
}

RecognizedLedger LedgerRecognizer::recognize(const Workbook &wb, const Sheet &sheet,
                                             const RecognizerOptions &o)
{
    return recognizeSheet(wb, sheet, o, nullptr);
}

RecognizedLedger LedgerRecognizer::recognize(Workbook &&workbook, int sheetIndex, const RecognizerOptions &o)
{
    Workbook wb = std::move(workbook); // freed on return
    Sheet &sheet = wb.sheets[sheetIndex];
    return recognizeSheet(wb, sheet, o, &sheet.rows);
}

RecognizedLedger LedgerRecognizer::recognizeSheet(const Workbook &wb, const Sheet &sheet,
                                                  const RecognizerOptions &o, QList<SheetRow> *release)
{
    using namespace LedgerStages;
    RecognizedLedger L;
    L.file = wb.fileName;
    L.sheet = wb.isCsv ? QString() : sheet.name;
    auto issue = [&L](int row, const QString &column, const QString &message) {
        return ImportIssue{L.file, L.sheet, row, column, message};
    };
    const int rowCount = int(sheet.rows.size());

    // 1. The header row.
    HeaderCandidate best;
    HeaderCandidate header = findHeader(sheet, o, &best);
    if (header.firstRow < 0) {
        if (best.score >= 2)
            L.errors << issue(
                sheet.rows[best.firstRow].number, {},
                tr("the header row has no problem column (问题描述, 反馈问题, 问题表现 or 问题内容); name "
                   "it with --map HEADER=problem."));
        else
            L.errors << issue(
                0, {},
                tr("no header row was found in the first %1 rows (a row naming the problem column "
                   "and at least one other, such as 问题描述 and 整改措施).")
                    .arg(kHeaderSearchRows));
        return L;
    }
    L.headerRow = sheet.rows[header.lastRow].number;

    settleStatusColumns(header.columns);

    const QHash<LedgerField, int> columnOf = assignColumns(header.columns, L);
    L.columns = header.columns;
    const auto col = [&columnOf](LedgerField f) { return columnOf.value(f, -1); };
    const auto headerOf = [&L](int index) {
        for (const LedgerColumn &c : L.columns) {
            if (c.index == index)
                return c.header;
        }
        return columnLetters(index);
    };

    // 2. Title and fill-in rows.
    const int textYear = readTitleRows(sheet, header.firstRow, L);
    int year = o.year;
    if (year == 0 && L.fillInDate.isValid())
        year = L.fillInDate.year();
    if (year == 0)
        year = textYear;
    if (year == 0)
        year = o.fallbackYear;

    // 3. Data rows.
    const int problemCol = col(LedgerField::Problem);
    const int seqCol = col(LedgerField::Seq);
    const int categoryCol = col(LedgerField::Category);
    const int unitCol = col(LedgerField::Unit);
    int lastIndex = 0;
    for (const LedgerColumn &c : L.columns)
        lastIndex = std::max(lastIndex, c.index);
    QString section;
    QString columnCategory;  // the last category written in the category column, filled down
    int lastProblemRow = -1; // sheet row index of the last problem row or of its continuation
    // Identity within a unit (DESIGN.md §6): (unit, registration number), else (unit, problem
    // text, responsible office); the row that first had it.
    QHash<std::pair<QString, QString>, int> rowOfNumber;
    QHash<std::pair<QString, QString>, qsizetype> indexOfNumber; // into L.rows
    QHash<QStringList, int> rowOfText;
    auto addCategory = [&L](const QString &c) {
        if (!c.isEmpty() && !L.categories.contains(c))
            L.categories << c;
    };

    // One measure per row under a problem cell merged down (the common layout of Word ledgers):
    // a row's own status and deadline are its measures'; LedgerImporter derives the problem's
    // state from them. A row without a status or deadline of its own takes the problem row's.
    auto addMeasureRow = [&](LedgerRow &problem, int r, qsizetype added) {
        if (added == 0)
            return;
        if (problem.measureStates.isEmpty()) {
            problem.measureStates.fill(problem.state, problem.measures.size() - added);
            problem.measureDeadlines.fill(problem.deadline, problem.measures.size() - added);
        }
        ProblemState state = problem.state;
        if (const int sc = col(LedgerField::Status); sc >= 0) {
            bool known = true;
            const QString word = merged(sheet, r, sc);
            const ProblemState s = LedgerRules::stateForWord(word, &known, headerOf(sc));
            if (!word.isEmpty() && known)
                state = s;
        }
        QDate deadline = problem.deadline;
        if (const int dc = col(LedgerField::Deadline); dc >= 0 && !sheet.mergeAt(r, dc)) {
            const Cell &cell = sheet.cell(r, dc);
            if (cell.kind == Cell::Kind::Date)
                deadline = cell.monthOnly
                               ? QDate(cell.date.year(), cell.date.month(), cell.date.daysInMonth())
                               : cell.date;
            else if (const DeadlineValue d = LedgerRules::parseDeadline(cell.text, year);
                     !cell.isEmpty() && !d.invalid && d.date.isValid())
                deadline = d.date;
        }
        for (qsizetype i = 0; i < added; ++i) {
            problem.measureStates << state;
            problem.measureDeadlines << deadline;
        }
    };

    // A further row of a problem in the rectification ledger: its measures, each in that row's
    // own state and by its own deadline.
    auto addMeasuresOfRow = [](LedgerRow &problem, const LedgerRow &row) {
        if (row.measures.isEmpty())
            return;
        if (problem.measureStates.isEmpty()) {
            problem.measureStates.fill(problem.state, problem.measures.size());
            problem.measureDeadlines.fill(problem.deadline, problem.measures.size());
        }
        for (const QString &m : row.measures) {
            problem.measures << m;
            problem.measureStates << row.state;
            problem.measureDeadlines << row.deadline;
        }
    };

    L.rows.reserve(rowCount - header.lastRow); // one allocation: a 100,000-row ledger's rows are ~50 MB
    // Rows whose cells a later row reads: the top row of a range merged down (merged()).
    QSet<int> readLater;
    if (release) {
        for (const CellRange &m : sheet.merges) {
            if (m.bottom > m.top && m.bottom > header.lastRow)
                readLater.insert(m.top);
        }
    }
    for (int r = header.lastRow + 1; r < rowCount; ++r) {
        // Each row's cells are freed once it is read (the consuming recognize()), on every path.
        const auto freeRow = qScopeGuard([release, &readLater, r] {
            if (release && !readLater.contains(r))
                (*release)[r].cells = QList<Cell>();
        });
        const SheetRow &sr = sheet.rows[r];
        const int rowNo = sr.number;
        if (sr.hidden) {
            ++L.skippedRows;
            continue;
        }
        const RowTexts texts = rowTexts(sheet, r);
        const QString problemMerged = problemCol >= 0 ? merged(sheet, r, problemCol) : QString();
        const CellRange *problemMerge = problemCol >= 0 ? sheet.mergeAt(r, problemCol) : nullptr;
        if (texts.isEmpty() && !(problemMerge && problemMerge->top < r && problemMerge->left == problemCol)) {
            ++L.skippedRows;
            continue;
        }
        if (isSummaryOrNote(sheet, r, texts, r == header.lastRow + 1, problemMerged,
                            col(LedgerField::Measures))) {
            ++L.skippedRows;
            continue;
        }
        // A problem cell merged down several rows: this row adds measures to that problem.
        if (problemMerge && problemMerge->top < r && problemMerge->left == problemCol &&
            problemMerge->bottom >= r && !L.rows.isEmpty() &&
            L.rows.last().rowNumber == sheet.rows[problemMerge->top].number) {
            const int mc = col(LedgerField::Measures);
            if (mc >= 0 && !(sheet.mergeAt(r, mc) && sheet.mergeAt(r, mc)->top < r)) {
                const QStringList added = LedgerRules::splitMeasures(raw(sheet, r, mc));
                L.rows.last().measures << added;
                addMeasureRow(L.rows.last(), r, added.size());
            }
            lastProblemRow = r;
            continue;
        }
        // A row with measures but neither problem text, row number nor registration number, right
        // below a problem, adds measures to it: a problem cell merged down its measures' rows and
        // saved as CSV, or an office that writes a problem once over several measure rows.
        if (const int mc = col(LedgerField::Measures);
            problemMerged.isEmpty() && lastProblemRow == r - 1 && mc >= 0 &&
            !merged(sheet, r, mc).isEmpty() && (seqCol < 0 || raw(sheet, r, seqCol).isEmpty()) &&
            (col(LedgerField::RegistrationNo) < 0 ||
             merged(sheet, r, col(LedgerField::RegistrationNo)).isEmpty())) {
            L.rows.last().measures << LedgerRules::splitMeasures(merged(sheet, r, mc));
            lastProblemRow = r;
            continue;
        }
        if (const auto heading = sectionHeading(sheet, r, texts, seqCol, categoryCol, problemCol)) {
            section = *heading;
            columnCategory.clear();
            addCategory(section);
            ++L.skippedRows;
            continue;
        }
        // Only the row number or a category merged down from above: nothing to import.
        bool content = false;
        for (const auto &[c, t] : texts)
            content = content || (c != seqCol && c != categoryCol && c != unitCol);
        if (!content && problemMerged.isEmpty()) {
            ++L.skippedRows;
            continue;
        }

        LedgerRow row;
        row.rowNumber = rowNo;
        const auto value = [&](LedgerField f) {
            const int c = col(f);
            return c >= 0 ? merged(sheet, r, c) : QString();
        };
        row.description = problemMerged;
        if (row.description.isEmpty()) {
            L.errors << issue(rowNo, headerOf(problemCol), tr("the problem text is empty."));
            continue;
        }
        if (wb.isCsv) {
            const int fields = int(sr.cells.size());
            if (fields <= lastIndex)
                L.errors << issue(
                    rowNo, headerOf(fields),
                    tr("the row is short: %1 fields where the header has %2 (a missing separator or "
                       "a line break outside quotes?).")
                        .arg(fields)
                        .arg(lastIndex + 1));
            for (int c = lastIndex + 1; c < fields; ++c) {
                if (!sr.cells[c].isEmpty()) {
                    L.errors << issue(
                        rowNo, columnLetters(c),
                        tr("the row has more fields than the header (%1 where the header has %2).")
                            .arg(fields)
                            .arg(lastIndex + 1));
                    break;
                }
            }
        }
        row.registrationNo = LedgerRules::toHalfWidth(value(LedgerField::RegistrationNo)).trimmed();
        row.unit = value(LedgerField::Unit).simplified();
        if (row.unit.isEmpty())
            row.unit = o.unit.trimmed();
        if (row.unit.isEmpty() && unitCol >= 0) {
            L.errors << issue(rowNo, headerOf(unitCol),
                              tr("the unit cell is empty; write the unit the problem belongs to, or name "
                                 "it with --unit."));
            continue;
        }
        // An empty category cell is read as the category above it (a merged cell saved as CSV, or
        // an office that writes each category once), until a section row starts another.
        const QString cat = value(LedgerField::Category);
        if (!cat.isEmpty())
            columnCategory = LedgerRules::cleanCategory(cat);
        row.category = columnCategory.isEmpty() ? section : columnCategory;
        addCategory(row.category);
        row.measures = LedgerRules::splitMeasures(value(LedgerField::Measures));
        row.leadLeader = value(LedgerField::LeadLeader);
        row.responsibleOffice = value(LedgerField::ResponsibleOffice);
        row.responsiblePerson = value(LedgerField::ResponsiblePerson);
        row.progress = value(LedgerField::Progress);
        row.evidence = value(LedgerField::Evidence);

        if (const int dc = col(LedgerField::Deadline); dc >= 0)
            readDeadline(wb, sheet, r, dc, year, headerOf(dc), row, L);

        readState(col(LedgerField::Status) >= 0 ? headerOf(col(LedgerField::Status)) : QString(),
                  value(LedgerField::Status), row, L);

        row.note = notesOf(sheet, r, L.columns);

        const QString unitKey = LedgerRules::unitKey(row.unit);
        if (!row.registrationNo.isEmpty()) {
            const std::pair<QString, QString> key{unitKey, row.registrationNo};
            // The rectification ledger (整改台账, `export --ledger measures`) writes one row per
            // measure and repeats the problem's number and text on each: a row with the number
            // and the text of an earlier row is that problem's next measure, with its own state
            // and deadline. The same number over another text stays an error.
            if (const auto at = indexOfNumber.constFind(key);
                at != indexOfNumber.cend() &&
                L.rows[*at].description.trimmed() == row.description.trimmed()) {
                addMeasuresOfRow(L.rows[*at], row);
                lastProblemRow = r;
                continue;
            }
            if (rowOfNumber.contains(key)) {
                L.errors << issue(rowNo, headerOf(col(LedgerField::RegistrationNo)),
                                  tr("the registration number %1 is also used in row %2.")
                                      .arg(row.registrationNo)
                                      .arg(rowOfNumber.value(key)));
                continue;
            }
            rowOfNumber.insert(key, rowNo);
            indexOfNumber.insert(key, L.rows.size());
        } else {
            // Two rows that would match one problem are never merged silently (issue #18): the
            // second row's measures and deadline would be lost.
            const QStringList key{unitKey, row.description.trimmed(), row.responsibleOffice};
            if (rowOfText.contains(key)) {
                L.errors << issue(rowNo, headerOf(problemCol),
                                  tr("the problem text and responsible office are the same as in row %1, so "
                                     "both rows would be one problem; merge the rows, or give each a "
                                     "registration number.")
                                      .arg(rowOfText.value(key)));
                continue;
            }
            rowOfText.insert(key, rowNo);
        }
        L.rows.append(row);
        lastProblemRow = r;
    }
    if (L.rows.isEmpty() && L.errors.isEmpty())
        L.errors << issue(L.headerRow, {}, tr("the ledger has a header but no problem rows."));
    return L;
}

} // namespace rectrack::core
