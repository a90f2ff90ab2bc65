#include "csvreader.h"

#include "csvtext.h"
#include "safefile.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QRegularExpression>
#include <QStringDecoder>
#include <algorithm>

namespace rectrack::core {

namespace {

constexpr qint64 kMaxCsvSize = SafeFile::kMaxInputBytes;
constexpr int kMaxColumns = 16384;

std::optional<QString> decodeStrict(QByteArrayView data, QStringConverter::Encoding encoding)
{
    QStringDecoder dec(encoding, QStringConverter::Flag::Stateless);
    QString s = dec.decode(data);
    if (dec.hasError())
        return std::nullopt;
    return s;
}

/// The separator of the file: of comma, tab and semicolon, the one that most records (outside
/// quotes, among the first 200) hold the same number of times. A title line above the header
/// (no separator at all, or a comma in its text) does not decide it. Ties go to the comma.
QChar detectSeparator(const QString &text)
{
    const QChar candidates[] = {u',', u'\t', u';'};
    QHash<int, int> histogram[3]; // per candidate: count per record → number of records
    int counts[3] = {0, 0, 0};
    bool quoted = false;
    int records = 0;
    auto endRecord = [&]() {
        for (int k = 0; k < 3; ++k) {
            if (counts[k] > 0)
                ++histogram[k][counts[k]];
            counts[k] = 0;
        }
        ++records;
    };
    for (qsizetype i = 0; i < text.size() && records < 200; ++i) {
        const QChar ch = text[i];
        if (ch == u'"') {
            quoted = !quoted;
        } else if (!quoted && (ch == u'\n' || ch == u'\r')) {
            if (ch == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n')
                ++i;
            endRecord();
        } else if (!quoted) {
            for (int k = 0; k < 3; ++k)
                counts[k] += ch == candidates[k] ? 1 : 0;
        }
    }
    endRecord();
    QChar best = u',';
    int bestRecords = 0;
    int bestCount = 0;
    for (int k = 0; k < 3; ++k) {
        for (auto it = histogram[k].cbegin(); it != histogram[k].cend(); ++it) {
            if (it.value() > bestRecords || (it.value() == bestRecords && it.key() > bestCount)) {
                best = candidates[k];
                bestRecords = it.value();
                bestCount = it.key();
            }
        }
    }
    return best;
}

} // namespace

std::optional<QString> CsvReader::decode(const QByteArray &data, QString *encoding)
{
    auto set = [encoding](const char *name) {
        if (encoding)
            *encoding = QString::fromLatin1(name);
    };
    if (data.startsWith("\xEF\xBB\xBF")) {
        set("UTF-8 BOM");
        return decodeStrict(QByteArrayView(data).sliced(3), QStringConverter::Utf8);
    }
    if (data.startsWith("\xFF\xFE") || data.startsWith("\xFE\xFF")) {
        set("UTF-16");
        const auto enc = data.startsWith("\xFF\xFE") ? QStringConverter::Utf16LE : QStringConverter::Utf16BE;
        return decodeStrict(QByteArrayView(data).sliced(2), enc);
    }
    if (data.contains('\0'))
        return std::nullopt; // text in these encodings never holds NUL bytes: a binary file
    if (auto s = decodeStrict(data, QStringConverter::Utf8)) {
        set("UTF-8");
        return s;
    }
    QStringDecoder gb("GB18030", QStringConverter::Flag::Stateless);
    if (!gb.isValid())
        return std::nullopt;
    QString s = gb.decode(data);
    if (gb.hasError() || s.contains(QChar::ReplacementCharacter))
        return std::nullopt;
    set("GB18030");
    return s;
}

Result<Workbook> CsvReader::read(const QString &path, const QString &displayName)
{
    const QString name = displayName.isEmpty() ? QFileInfo(path).fileName() : displayName;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{ErrorCode::InputRefused, tr("%1 cannot be read: %2").arg(name, f.errorString())};
    if (f.size() > kMaxCsvSize)
        return Error{ErrorCode::InputRefused, tr("%1 is too large to be a ledger.").arg(name)};
    // The file's size and one byte more (to see it grow), not the limit: a buffer of the limit
    // would be allocated whole for any file.
    QByteArray data = f.read(std::min(f.size(), qint64(kMaxCsvSize)) + 1);
    f.close();
    if (data.size() > kMaxCsvSize) // grew while being read
        return Error{ErrorCode::InputRefused, tr("%1 is too large to be a ledger.").arg(name)};
    return parse(std::move(data), name);
}

Result<Workbook> CsvReader::parse(QByteArray data, const QString &fileName)
{
    if (data.trimmed().isEmpty() || data == "\xEF\xBB\xBF")
        return Error{ErrorCode::InputRefused, tr("%1 is empty.").arg(fileName)};
    auto decoded = decode(data);
    if (!decoded)
        return Error{
            ErrorCode::InputRefused,
            tr("%1 is not a ledger: it is neither an .xlsx workbook nor text in UTF-8 or GB18030 (a binary "
               "file?).")
                .arg(fileName)};
    // Moved, not shared: a shared text would be copied whole by the first non-const access.
    QString text = std::move(*decoded);
    decoded.reset();
    data = QByteArray(); // the bytes are no longer needed: only the text and the cells are held
    qsizetype controls = 0;
    for (const QChar ch : text)
        controls += (ch.unicode() < 0x20 && ch != u'\t' && ch != u'\n' && ch != u'\r') ? 1 : 0;
    if (controls > 0 && controls * 100 >= text.size())
        return Error{
            ErrorCode::InputRefused,
            tr("%1 is not a ledger: it is neither an .xlsx workbook nor text in UTF-8 or GB18030 (a binary "
               "file?).")
                .arg(fileName)};
    // Excel's separator line (sep=;) names the separator; Excel does not show it as a row.
    QChar sep;
    static const QRegularExpression sepLine(QStringLiteral("^\"?sep=(.)\"?[ \\t]*(?:\r\n|\n|\r|$)"));
    if (const auto m = sepLine.match(text); m.hasMatch()) {
        sep = m.captured(1).at(0);
        text.remove(0, m.capturedLength(0));
    } else {
        sep = detectSeparator(text);
    }

    Workbook wb;
    wb.fileName = fileName;
    wb.isCsv = true;
    Sheet sheet;
    QList<Cell> record;
    QString field;
    bool quoted = false;    // inside a quoted field
    bool wasQuoted = false; // the current field started with a quote
    int quoteStartRecord = 0;
    qint64 cells = 0;
    std::optional<Error> limit;
    auto endField = [&]() {
        Cell c;
        // Every field counts, empty ones (and blank lines) too: each takes a cell in memory.
        if (++cells > SafeFile::kMaxCells && !limit)
            limit =
                SafeFile::limitError(fileName, tr("%1 cells").arg(QLocale().toString(SafeFile::kMaxCells)));
        if (!field.isEmpty()) {
            if (field.size() > SafeFile::kMaxCellChars && !limit)
                limit = SafeFile::limitError(fileName, tr("%1 characters in one cell (row %2)")
                                                           .arg(QLocale().toString(SafeFile::kMaxCellChars))
                                                           .arg(sheet.rows.size() + 1));
            c.kind = Cell::Kind::Text;
            // '=… as Rectrack (or any OWASP-minded program) writes a formula-like text.
            c.text = CsvText::restored(field);
            c.text.squeeze(); // no growth slack kept per cell (issue #20's memory bound)
        }
        // Excel's 16,384 columns: a record past it is no ledger row (and would hold its cells twice).
        if (record.size() >= kMaxColumns && !limit)
            limit = SafeFile::limitError(fileName, tr("%1 fields in one row (row %2)")
                                                       .arg(QLocale().toString(kMaxColumns))
                                                       .arg(sheet.rows.size() + 1));
        record.append(c);
        field.clear();
        wasQuoted = false;
    };
    auto endRecord = [&]() {
        endField();
        SheetRow row;
        row.number = int(sheet.rows.size()) + 1;
        // A record of one empty field is a blank line: keep it as an empty row.
        const qsizetype width = record.size();
        if (!(width == 1 && record.first().isEmpty())) {
            row.cells = std::move(record);
            row.cells.squeeze(); // exactly its cells: a million cells' growth slack is ~40 MB
        }
        sheet.rows.append(std::move(row));
        record = QList<Cell>();
        record.reserve(width);
    };
    const qsizetype n = text.size();
    const QChar *chars = text.constData();
    for (qsizetype i = 0; i < n && !limit; ++i) {
        const QChar ch = chars[i];
        if (quoted) {
            if (ch == u'"') {
                if (i + 1 < n && chars[i + 1] == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                // The run up to the next quote at once (character by character was most of parsing).
                qsizetype j = i + 1;
                while (j < n && chars[j] != u'"')
                    ++j;
                field.append(chars + i, j - i);
                i = j - 1;
            }
            continue;
        }
        if (ch != u'"' && ch != sep && ch != u'\r' && ch != u'\n') {
            qsizetype j = i + 1;
            while (j < n && chars[j] != u'"' && chars[j] != sep && chars[j] != u'\r' && chars[j] != u'\n')
                ++j;
            field.append(chars + i, j - i);
            i = j - 1;
            continue;
        }
        if (ch == u'"' && field.isEmpty() && !wasQuoted) {
            quoted = true;
            wasQuoted = true;
            quoteStartRecord = int(sheet.rows.size()) + 1;
        } else if (ch == sep) {
            endField();
        } else if (ch == u'\r' || ch == u'\n') {
            if (ch == u'\r' && i + 1 < n && chars[i + 1] == u'\n')
                ++i;
            endRecord();
        } else {
            field += ch;
        }
    }
    if (limit)
        return *limit;
    if (quoted)
        return Error{ErrorCode::InputRefused,
                     tr("%1, row %2: a quoted field is not closed before the end of the file.")
                         .arg(fileName)
                         .arg(quoteStartRecord)};
    if (!field.isEmpty() || !record.isEmpty())
        endRecord();
    // Trailing blank rows carry nothing.
    while (!sheet.rows.isEmpty() && sheet.rows.last().cells.isEmpty())
        sheet.rows.removeLast();
    if (sheet.rows.isEmpty())
        return Error{ErrorCode::InputRefused, tr("%1 is empty.").arg(fileName)};
    wb.sheets.append(sheet);
    return wb;
}

} // namespace rectrack::core
