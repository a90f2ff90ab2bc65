#include "ledgerexporter.h"

#include "exchange/unitduplicates.h"

#include "csvtext.h"
#include "storage/ledgerquery.h"

#include "ledgerrules.h"
#include "safefile.h"
#include "workflow/organizationservice.h"
#include "xlsxformats.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <QTemporaryFile>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sys/stat.h>

namespace rectrack::core {

namespace {

constexpr int kExcelCellLimit = 32767;

QString joinWhere(const QStringList &conditions)
{
    return conditions.isEmpty() ? QString()
                                : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
}

QString numberedMeasures(const QStringList &items)
{
    if (items.size() == 1)
        return items.first();
    QStringList lines;
    for (int i = 0; i < items.size(); ++i)
        lines << QString::number(i + 1) + QStringLiteral(". ") + items[i];
    return lines.join(u'\n');
}

/// A CSV field: text neutralised against formula injection, numbers and dates as they are.
QString csvField(const QVariant &v)
{
    if (v.typeId() == QMetaType::QDate)
        return v.toDate().toString(Qt::ISODate);
    if (v.typeId() == QMetaType::QString)
        return CsvText::field(v.toString());
    return v.toString();
}

/// @p text without the characters XML 1.0 cannot hold, not cut to a length.
QString withoutXmlInvalid(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar ch = text[i];
        const char16_t u = ch.unicode();
        if (ch.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            out += ch;
            out += text[++i];
            continue;
        }
        if (ch.isSurrogate() || u == 0xFFFE || u == 0xFFFF)
            continue;
        if (u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r')
            continue;
        out += ch;
    }
    return out;
}

} // namespace

QString LedgerExporter::xmlSafe(const QString &text)
{
    QString out = withoutXmlInvalid(text);
    if (out.size() > kExcelCellLimit)
        out.truncate(kExcelCellLimit);
    return out;
}

QString LedgerExporter::sheetName(const QString &name)
{
    QString s = name;
    for (QChar &ch : s) {
        if (QStringView(u"[]:*?/\\").contains(ch))
            ch = u'_';
    }
    s = xmlSafe(s).trimmed();
    if (s.startsWith(u'\''))
        s[0] = u'_';
    if (s.endsWith(u'\''))
        s[s.size() - 1] = u'_';
    if (s.isEmpty())
        s = QStringLiteral("Sheet1");
    return s.left(31);
}

Result<LedgerTable> LedgerExporter::build(Database &db, const ExportOptions &o)
{
    QStringList where;
    QVariantList binds;
    if (!o.unit.isEmpty()) {
        // The unit as the statistics by unit name it: with the partners' units merged into it, a
        // partner's unit kept apart by its name with its office (exchange::UnitDuplicates).
        const QString named = exchange::UnitDuplicates::unitsNamedSql(db);
        const auto unit =
            db.value(QStringLiteral("SELECT count(*) FROM (%1) x").arg(named), {o.unit.trimmed()});
        if (!unit)
            return unit.error();
        if (unit->toLongLong() == 0)
            return Error{ErrorCode::InputRefused, tr("The register has no unit named \"%1\".").arg(o.unit)};
        where << QStringLiteral("u.id IN (%1)").arg(named);
        binds << o.unit.trimmed();
    }
    if (!o.round.isEmpty()) {
        const auto round =
            db.value(QStringLiteral("SELECT 1 FROM rounds WHERE label = ?"), {o.round.trimmed()});
        if (!round)
            return round.error();
        if (!round->isValid())
            return Error{ErrorCode::InputRefused,
                         tr("The register has no round labelled \"%1\".").arg(o.round)};
        where << QStringLiteral("r.label = ?");
        binds << o.round.trimmed();
    }
    const bool oneUnit = !o.unit.isEmpty();
    const bool unitColumn = !oneUnit || o.unitColumn;
    LedgerTable t;
    if (o.site) {
        where << (o.kind == LedgerKind::Clues ? o.site->ownsSql(QStringLiteral("c.uuid"), binds)
                                              : o.site->ownsProblemSql(QStringLiteral("p.id"), binds));
    }

    if (o.kind == LedgerKind::Clues) {
        if (o.state)
            return Error{ErrorCode::Usage,
                         tr("--state applies to the problem and rectification ledgers, not to clues.")};
        t.title = tr("Register of transferred problem clues");
        t.sheetName = sheetName(tr("Clue register"));
        t.headers = QStringList{tr("No."),           tr("Inspected unit"), tr("Clue summary"),
                                tr("Persons"),       tr("Persons' posts"), tr("Transferred to"),
                                tr("Transfer date"), tr("Disposal due"),   tr("Disposal state"),
                                tr("Result"),        tr("Result date")};
        t.widths = {6, 20, 50, 8, 20, 16, 12, 12, 12, 40, 12};
        auto q = db.exec(
            QStringLiteral("SELECT coalesce(u.name, ''), c.summary, c.persons_count, c.persons_roles, "
                           "c.receiver, c.transfer_date, c.due_date, c.disposal_state, c.result, "
                           "c.result_date FROM clues c LEFT JOIN inspections i ON i.id = c.inspection_id "
                           "LEFT JOIN units u ON u.id = i.unit_id LEFT JOIN rounds r ON r.id = "
                           "i.round_id") +
                joinWhere(where) + QStringLiteral(" ORDER BY c.id"),
            binds);
        if (!q)
            return q.error();
        int n = 0;
        const Status s = db.eachRow(*q, [&](const SqlRow &r) {
            t.rows << QVariantList{++n,
                                   r.text(0),
                                   r.text(1),
                                   r.isNull(2) ? QVariant(QString()) : QVariant(r.int32(2)),
                                   r.text(3),
                                   r.text(4),
                                   QVariant(fromIso(r.text(5))),
                                   QVariant(fromIso(r.text(6))),
                                   r.text(7),
                                   r.text(8),
                                   QVariant(fromIso(r.text(9)))};
        });
        if (!s)
            return s.error();
        return t;
    }

    where << QStringLiteral("p.deleted_at IS NULL"); // soft-deleted problems are not exported
    if (o.ids) {
        QStringList ids;
        for (qint64 id : *o.ids)
            ids << QString::number(id);
        where << QStringLiteral("%1.id IN (%2)")
                     .arg(o.kind == LedgerKind::Problems ? QLatin1String("p") : QLatin1String("m"))
                     .arg(ids.isEmpty() ? QStringLiteral("NULL") : ids.join(u','));
    }
    if (o.state) {
        where << QStringLiteral("p.state = ?");
        binds << Names::key(*o.state);
    }
    // As of a past date, the problems (and measures) as they stood that day.
    const QString problemTable = o.asOf.isValid() ? LedgerQuery::problemsAsOf(o.asOf) + QStringLiteral(" p")
                                                  : QStringLiteral("problems p");
    const QString measureTable = o.asOf.isValid() ? LedgerQuery::measuresAsOf(o.asOf) + QStringLiteral(" m")
                                                  : QStringLiteral("measures m");
    const QString from =
        QStringLiteral(" FROM ") + problemTable +
        QStringLiteral(" JOIN units u ON u.id = p.unit_id LEFT JOIN inspections i ON "
                       "i.id = p.inspection_id LEFT JOIN rounds r ON r.id = i.round_id LEFT JOIN "
                       "categories c ON c.id = p.category_id") +
        joinWhere(where);
    auto dateOr = [](const QString &iso, const QString &note) {
        const QDate d = fromIso(iso);
        return d.isValid() ? QVariant(d) : QVariant(note);
    };

    if (o.kind == LedgerKind::Problems) {
        t.title = oneUnit ? tr("Problem ledger of %1").arg(o.unit) : tr("Problem ledger");
        t.sheetName = sheetName(tr("Problem ledger"));
        t.headers = QStringList{tr("No."), tr("Registration no.")};
        t.widths = {6, 12};
        if (unitColumn) {
            t.headers << tr("Inspected unit");
            t.widths << 20;
        }
        t.headers << QStringList{tr("Problem category"),
                                 tr("Problem description"),
                                 tr("Rectification measures"),
                                 tr("Lead leader"),
                                 tr("Responsible office"),
                                 tr("Responsible person"),
                                 tr("Deadline"),
                                 tr("Progress"),
                                 tr("Completion status"),
                                 tr("Note")};
        t.widths << QList<int>{20, 50, 60, 16, 16, 12, 14, 40, 12, 24};
        auto q = db.exec(
            QStringLiteral("SELECT p.id, coalesce(p.registration_no, ''), u.name, coalesce(c.name, ''), "
                           "p.description, coalesce(p.lead_leader, ''), coalesce(p.responsible_office, "
                           "''), coalesce(p.responsible_person, ''), p.deadline, "
                           "coalesce(p.deadline_note, ''), coalesce(p.progress, ''), p.state, "
                           "coalesce(p.note, '')") +
                from + QStringLiteral(" ORDER BY u.name, p.id"),
            binds);
        if (!q)
            return q.error();
        int n = 0;
        const Status s = db.eachRow(*q, [&](const SqlRow &r) -> Status {
            QStringList measures;
            if (const Status ms = db.forEachRow(
                    QStringLiteral("SELECT content FROM measures WHERE problem_id = ? ORDER BY seq, id"),
                    {r.value(0)}, [&](const SqlRow &m) { measures << m.text(0); });
                !ms)
                return ms;
            QVariantList row{++n, r.text(1)};
            if (unitColumn)
                row << r.text(2);
            const ProblemState state = Names::problemState(r.text(11)).value_or(ProblemState::Registered);
            row << QVariantList{r.text(3),
                                r.text(4),
                                numberedMeasures(measures),
                                r.text(5),
                                r.text(6),
                                r.text(7),
                                dateOr(r.text(8), r.text(9)),
                                r.text(10),
                                LedgerRules::wordForState(state),
                                r.text(12)};
            t.rows << row;
            return okStatus();
        });
        if (!s)
            return s.error();
        return t;
    }

    // Rectification ledger: one row per measure.
    t.title = oneUnit ? tr("Rectification ledger of %1").arg(o.unit) : tr("Rectification ledger");
    t.sheetName = sheetName(tr("Rectification ledger"));
    t.headers = QStringList{tr("No."), tr("Registration no.")};
    t.widths = {6, 12};
    if (unitColumn) {
        t.headers << tr("Inspected unit");
        t.widths << 20;
    }
    t.headers << QStringList{tr("Problem description"), tr("Measure no."), tr("Rectification measure"),
                             tr("Measure type"),        tr("Owner"),       tr("Deadline"),
                             tr("Measure status"),      tr("Completed on")};
    t.widths << QList<int>{40, 8, 60, 12, 16, 14, 12, 14};
    auto q = db.exec(
        QStringLiteral("SELECT coalesce(p.registration_no, ''), u.name, p.description, m.seq, m.content, "
                       "m.type, coalesce(m.owner, ''), m.deadline, coalesce(m.deadline_note, ''), "
                       "m.state, m.completed_date FROM ") +
            measureTable + QStringLiteral(" JOIN ") + problemTable +
            QStringLiteral(
                " ON p.id = m.problem_id JOIN units u ON u.id = p.unit_id LEFT JOIN inspections i ON "
                "i.id = p.inspection_id LEFT JOIN rounds r ON r.id = i.round_id") +
            joinWhere(where) + QStringLiteral(" ORDER BY u.name, p.id, m.seq, m.id"),
        binds);
    if (!q)
        return q.error();
    int n = 0;
    const Status s = db.eachRow(*q, [&](const SqlRow &r) {
        QVariantList row{++n, r.text(0)};
        if (unitColumn)
            row << r.text(1);
        const MeasureType type = Names::measureType(r.text(5)).value_or(MeasureType::Deadline);
        const MeasureState state = Names::measureState(r.text(9)).value_or(MeasureState::Pending);
        row << QVariantList{r.text(2),
                            r.int32(3),
                            r.text(4),
                            Names::display(type),
                            r.text(6),
                            dateOr(r.text(7), r.text(8)),
                            Names::display(state),
                            QVariant(fromIso(r.text(10)))};
        t.rows << row;
    });
    if (!s)
        return s.error();
    return t;
}

Status LedgerExporter::writeXlsx(const LedgerTable &t, const QString &path, const QString &registerPath)
{
    // libxlsxwriter writes the file itself: it is given a temporary file in the target folder,
    // renamed over the target only when the workbook is complete (SafeOutput). So a missing or
    // read-only folder is reported in the user's language before anything is written, and a failed
    // export keeps an older file.
    SafeOutput output(path, registerPath);
    if (const Status s = output.open(); !s)
        return s;
    const QByteArray file = QFile::encodeName(output.tempPath());
    const QuietStderr quiet; // libxlsxwriter's English [ERROR] lines; its errors are reported below
    lxw_workbook *wb = workbook_new(file.constData());
    if (!wb)
        return output.failure({});
    const auto utf8 = [](const QString &s) { return xmlSafe(s).toUtf8(); };
    const QByteArray sheet = utf8(sheetName(t.sheetName));
    lxw_worksheet *ws = workbook_add_worksheet(wb, sheet.constData());

    const LedgerCellFormats formats = addLedgerCellFormats(wb, CellBorders::Thin);

    const int cols = int(t.headers.size());
    if (cols > 1) {
        const QByteArray title = utf8(t.title);
        worksheet_merge_range(ws, 0, 0, 0, lxw_col_t(cols - 1), title.constData(), formats.title);
    } else {
        worksheet_write_string(ws, 0, 0, utf8(t.title).constData(), formats.title);
    }
    worksheet_set_row(ws, 0, 30, nullptr);
    for (int c = 0; c < cols; ++c) {
        worksheet_write_string(ws, 1, lxw_col_t(c), utf8(t.headers[c]).constData(), formats.header);
        worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), c < t.widths.size() ? t.widths[c] : 12, nullptr);
    }
    worksheet_freeze_panes(ws, 2, 0);
    for (int r = 0; r < t.rows.size(); ++r) {
        const lxw_row_t row = lxw_row_t(r + 2);
        const QVariantList &values = t.rows[r];
        for (int c = 0; c < values.size() && c < cols; ++c) {
            const QVariant &v = values[c];
            if (v.typeId() == QMetaType::QDate) {
                const QDate d = v.toDate();
                if (d.isValid()) {
                    lxw_datetime dt{d.year(), d.month(), d.day(), 0, 0, 0};
                    worksheet_write_datetime(ws, row, lxw_col_t(c), &dt, formats.date);
                } else {
                    worksheet_write_blank(ws, row, lxw_col_t(c), formats.text);
                }
            } else if (v.typeId() == QMetaType::Int || v.typeId() == QMetaType::LongLong) {
                worksheet_write_number(ws, row, lxw_col_t(c), v.toDouble(), formats.text);
            } else {
                const QString s = v.toString();
                if (s.isEmpty())
                    worksheet_write_blank(ws, row, lxw_col_t(c), formats.text);
                else
                    worksheet_write_string(ws, row, lxw_col_t(c), utf8(s).constData(), formats.text);
            }
        }
    }
    if (cols > 0)
        worksheet_autofilter(ws, 1, 0, lxw_row_t(std::max<qsizetype>(1, t.rows.size() + 1)),
                             lxw_col_t(cols - 1));
    const lxw_error err = workbook_close(wb);
    if (err != LXW_NO_ERROR)
        return output.failure(QString::fromUtf8(lxw_strerror(err)));
    return output.commit();
}

Status LedgerExporter::writeCsv(const LedgerTable &t, const QString &path, const QString &registerPath)
{
    SafeOutput output(path, registerPath);
    if (const Status s = output.open(); !s)
        return s;
    QString text;
    QStringList header;
    for (const QString &h : t.headers)
        header << csvField(h);
    text += header.join(u',') + QStringLiteral("\r\n");
    for (const QVariantList &row : t.rows) {
        QStringList fields;
        for (const QVariant &v : row)
            fields << csvField(v);
        text += fields.join(u',') + QStringLiteral("\r\n");
    }
    if (const Status s = output.append(QByteArray("\xEF\xBB\xBF") + text.toUtf8()); !s)
        return s;
    return output.commit();
}

Result<int> LedgerExporter::exportTo(Database &db, const ExportOptions &options, const QString &path,
                                     QStringList *warnings)
{
    const bool xlsx = path.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive);
    const bool csv = path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive);
    if (!xlsx && !csv)
        return Error{ErrorCode::Usage, tr("%1: the file name must end in .xlsx or .csv.").arg(path)};
    auto table = build(db, options);
    if (!table)
        return table.error();
    const Status s = xlsx ? writeXlsx(*table, path, db.path()) : writeCsv(*table, path, db.path());
    if (!s)
        return s.error();
    if (xlsx && warnings)
        *warnings = longCellWarnings(*table);
    return int(table->rows.size());
}

QString LedgerExporter::safeFileName(const QString &name)
{
    QString s = name.simplified();
    for (QChar &ch : s) {
        if (ch.unicode() < 0x20 || QStringView(u"\\/:*?\"<>|").contains(ch))
            ch = u'_';
    }
    while (s.startsWith(u'.') || s.startsWith(u' '))
        s.remove(0, 1);
    while (s.endsWith(u'.') || s.endsWith(u' '))
        s.chop(1);
    s = s.left(100);
    // Names Windows keeps for devices.
    static const QRegularExpression device(QStringLiteral("^(?:con|prn|aux|nul|com\\d|lpt\\d)$"),
                                           QRegularExpression::CaseInsensitiveOption);
    if (s.isEmpty() || device.match(s).hasMatch())
        s.prepend(u'_');
    return s;
}

Result<QList<UnitLedgerFile>> LedgerExporter::exportByUnit(Database &db, const ExportOptions &options,
                                                           const QString &dir, QStringList *warnings)
{
    const QDir folder(dir);
    if (dir.isEmpty() || !folder.exists())
        return Error{ErrorCode::InputRefused, tr("The folder %1 does not exist.").arg(dir)};
    QStringList names;
    if (!options.unit.isEmpty()) {
        names << options.unit.trimmed();
    } else {
        for (const Unit &u : OrganizationService(db).units())
            names << u.name;
    }
    QList<UnitLedgerFile> files;
    QSet<QString> used; // file names, case-insensitively (Windows and macOS folders)
    for (const QString &unit : std::as_const(names)) {
        ExportOptions o = options;
        o.unit = unit;
        o.unitColumn = true; // each file names its unit, so it imports back without --unit
        auto table = build(db, o);
        if (!table)
            return table.error();
        if (table->rows.isEmpty())
            continue;
        const QString base = safeFileName(unit);
        QString file = base + QStringLiteral(".xlsx");
        for (int n = 2; used.contains(file.toLower()); ++n)
            file = QStringLiteral("%1 (%2).xlsx").arg(base).arg(n);
        used.insert(file.toLower());
        const QString path = folder.filePath(file);
        if (const Status s = writeXlsx(*table, path); !s)
            return s.error();
        if (warnings) {
            for (const QString &w : longCellWarnings(*table))
                *warnings << QStringLiteral("%1: %2").arg(file, w);
        }
        files << UnitLedgerFile{unit, path, int(table->rows.size())};
    }
    return files;
}

QStringList LedgerExporter::longCellWarnings(const LedgerTable &table)
{
    QStringList out;
    const QLocale locale;
    for (int r = 0; r < table.rows.size(); ++r) {
        const QVariantList &values = table.rows[r];
        for (int c = 0; c < values.size() && c < table.headers.size(); ++c) {
            if (values[c].typeId() != QMetaType::QString)
                continue;
            const qsizetype length = withoutXmlInvalid(values[c].toString()).size();
            if (length > kExcelCellLimit)
                out << tr("row %1, column %2: %3 characters, cut to Excel's limit of %4; export as .csv to "
                          "keep the whole text.")
                           .arg(r + 3)
                           .arg(table.headers[c], locale.toString(qint64(length)),
                                locale.toString(kExcelCellLimit));
        }
    }
    return out;
}

} // namespace rectrack::core
