#include "ledgerquery.h"

#include "postgres/postgresschema.h"

#include <QCollator>
#include <QHash>
#include <QJsonArray>
#include <QLocale>
#include <QSqlDriver>
#include <QSqlError>

#include <sqlite3.h>

#include <algorithm>
#include <functional>
#include <numeric>

namespace rectrack::core {

namespace {

const char *const kProblemFrom =
    " FROM problems p LEFT JOIN inspections i ON i.id = p.inspection_id "
    "LEFT JOIN rounds r ON r.id = i.round_id LEFT JOIN units u ON u.id = p.unit_id "
    "LEFT JOIN categories c ON c.id = p.category_id";
const char *const kMeasureFrom =
    " FROM measures m JOIN problems p ON p.id = m.problem_id "
    "LEFT JOIN inspections i ON i.id = p.inspection_id "
    "LEFT JOIN rounds r ON r.id = i.round_id LEFT JOIN units u ON u.id = p.unit_id "
    "LEFT JOIN categories c ON c.id = p.category_id";

/// kProblemFrom or kMeasureFrom, with the tables as they stood on the as-of date when @p ctx is
/// historical.
QString fromSql(const char *from, const LedgerContext &ctx)
{
    QString f = QString::fromLatin1(from);
    if (ctx.historical && ctx.asOf.isValid()) {
        f.replace(QStringLiteral(" problems p "),
                  QLatin1Char(' ') + LedgerQuery::problemsAsOf(ctx.asOf) + QStringLiteral(" p "));
        f.replace(QStringLiteral(" measures m "),
                  QLatin1Char(' ') + LedgerQuery::measuresAsOf(ctx.asOf) + QStringLiteral(" m "));
    }
    return f;
}

/// Quotes a term as an FTS5 phrase (the trigram tokenizer matches it as a substring).
QString ftsPhrase(const QString &term)
{
    QString t = term;
    t.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + t + QLatin1Char('"');
}

QString iso(const QDate &d)
{
    return d.toString(Qt::ISODate);
}

/// SQL CASE giving the light of a row as an integer (WarningLight's order: 0 none … 4 red).
/// @p done is a condition true for rows without a light; dates are ISO literals from QDate.
QString lightExpr(const QString &deadline, const QString &done, const LedgerContext &ctx)
{
    const QDate asOf = ctx.asOf.isValid() ? ctx.asOf : QDate::currentDate();
    return QStringLiteral("(CASE WHEN %1 OR %2 IS NULL THEN 0 WHEN %2 < '%3' THEN 4 WHEN %2 <= '%4' THEN 3 "
                          "WHEN %2 <= '%5' THEN 2 ELSE 1 END)")
        .arg(done, deadline, iso(asOf), iso(asOf.addDays(ctx.thresholds.yellowDays)),
             iso(asOf.addDays(ctx.thresholds.greenDays)));
}

QString problemLight(const LedgerContext &ctx)
{
    return lightExpr(QStringLiteral("p.deadline"),
                     QStringLiteral("p.state IN ('completed', 'closed_out', 'long_term')"), ctx);
}

QString measureLightSql(const LedgerContext &ctx)
{
    return lightExpr(QStringLiteral("m.deadline"), QStringLiteral("m.state IN ('completed', 'long_term')"),
                     ctx);
}

const char *const kProblemStateRank = "(CASE p.state WHEN 'registered' THEN 0 WHEN 'in_progress' THEN 1 WHEN "
                                      "'long_term' THEN 2 WHEN 'completed' THEN 3 ELSE 4 END)";
const char *const kMeasureStateRank = "(CASE m.state WHEN 'pending' THEN 0 WHEN 'in_progress' THEN 1 WHEN "
                                      "'long_term' THEN 2 ELSE 3 END)";
const char *const kSourceRank = "(CASE p.source_level WHEN 'central' THEN 0 WHEN 'provincial' THEN 1 WHEN "
                                "'municipal' THEN 2 ELSE 3 END)";

/// WHERE clause (starting with " WHERE p.deleted_at IS NULL") of @p f; user text goes to @p binds.
QString whereSql(const Dialect &dialect, Ledger ledger, const LedgerFilter &f, const LedgerContext &ctx,
                 QVariantList &binds)
{
    // Soft-deleted problems (and their measures) are not on the ledgers.
    QString w = QStringLiteral(" WHERE p.deleted_at IS NULL");
    if (f.termId > 0) {
        w += QStringLiteral(" AND r.term_id = ?");
        binds << f.termId;
    }
    if (f.roundId > 0) {
        w += QStringLiteral(" AND i.round_id = ?");
        binds << f.roundId;
    }
    if (f.inspectionId > 0) {
        w += QStringLiteral(" AND p.inspection_id = ?");
        binds << f.inspectionId;
    }
    if (f.unitId > 0) {
        w += QStringLiteral(" AND p.unit_id = ?");
        binds << f.unitId;
    }
    if (f.categoryId > 0) {
        w += QStringLiteral(" AND (p.category_id = ? OR c.parent_id = ?)");
        binds << f.categoryId << f.categoryId;
    }
    if (!f.office.isEmpty()) {
        w += QStringLiteral(" AND p.responsible_office = ?");
        binds << f.office;
    }
    if (!f.leader.isEmpty()) {
        w += QStringLiteral(" AND p.lead_leader = ?");
        binds << f.leader;
    }
    if (f.source) {
        w += QStringLiteral(" AND p.source_level = ?");
        binds << Names::key(*f.source);
    }
    if (!f.states.isEmpty()) {
        QStringList keys;
        for (ProblemState s : f.states)
            keys << QLatin1Char('\'') + Names::key(s) + QLatin1Char('\'');
        w += QStringLiteral(" AND p.state IN (%1)").arg(keys.join(QLatin1String(", ")));
    }
    const QString deadlineCol =
        ledger == Ledger::Problems ? QStringLiteral("p.deadline") : QStringLiteral("m.deadline");
    if (f.light) {
        w += QStringLiteral(" AND %1 = %2")
                 .arg(ledger == Ledger::Problems ? problemLight(ctx) : measureLightSql(ctx))
                 .arg(int(*f.light));
    }
    if (f.deadlineFrom.isValid()) {
        w += QStringLiteral(" AND %1 >= ?").arg(deadlineCol);
        binds << iso(f.deadlineFrom);
    }
    if (f.deadlineTo.isValid()) {
        w += QStringLiteral(" AND %1 <= ?").arg(deadlineCol);
        binds << iso(f.deadlineTo);
    }
    for (const QString &term : LedgerQuery::searchTerms(f.search)) {
        if (term.size() >= 3 && dialect.kind() == Dialect::Kind::File) {
            // The file's FTS5 trigram tables (schema.cpp).
            const QString phrase = ftsPhrase(term);
            if (ledger == Ledger::Problems) {
                w += QStringLiteral(
                    " AND (p.id IN (SELECT rowid FROM problems_fts WHERE problems_fts MATCH ?) OR p.id IN "
                    "(SELECT problem_id FROM measures WHERE id IN (SELECT rowid FROM measures_fts WHERE "
                    "measures_fts MATCH ?)) OR p.registration_no = ?)");
            } else {
                w += QStringLiteral(
                    " AND (m.id IN (SELECT rowid FROM measures_fts WHERE measures_fts MATCH ?) OR "
                    "m.problem_id IN (SELECT rowid FROM problems_fts WHERE problems_fts MATCH ?) OR "
                    "p.registration_no = ?)");
            }
            binds << phrase << phrase << term;
        } else if (term.size() < 3 && dialect.kind() == Dialect::Kind::Server) {
            // A term of one or two characters on a server: the GIN indexes over the texts'
            // characters (postgres::textCharacters(), schema step 10) find the rows holding each of
            // its characters, strpos() keeps those holding the term itself: the rows of the LIKE
            // below, without reading every text (pg_trgm's index has no trigram of such a term and
            // would return every row). strpos, not LIKE, so that the planner does not pick the
            // trigram index for it.
            auto has = [&](const QString &table, const QString &alias, const QStringList &columns) {
                QStringList found;
                for (const QString &c : columns)
                    found << QStringLiteral("strpos(%1.%2, ?) > 0").arg(alias, c);
                return QStringLiteral("%1 @> string_to_array(?::text, NULL) AND (%2)")
                    .arg(postgres::textCharacters(table, alias), found.join(QStringLiteral(" OR ")));
            };
            const QString inProblems =
                has(QStringLiteral("problems"), QStringLiteral("pp"),
                    {QStringLiteral("description"), QStringLiteral("example"), QStringLiteral("progress")});
            const QString inMeasures =
                has(QStringLiteral("measures"), QStringLiteral("mm"), {QStringLiteral("content")});
            if (ledger == Ledger::Problems) {
                w += QStringLiteral(
                         " AND (p.id IN (SELECT pp.id FROM problems pp WHERE %1) OR p.registration_no "
                         "= ? OR p.id IN (SELECT mm.problem_id FROM measures mm WHERE %2))")
                         .arg(inProblems, inMeasures);
                binds << term << term << term << term << term << term << term;
            } else {
                w += QStringLiteral(
                         " AND (m.problem_id IN (SELECT pp.id FROM problems pp WHERE (%1) OR "
                         "pp.registration_no = ?) OR m.id IN (SELECT mm.id FROM measures mm WHERE %2))")
                         .arg(inProblems, inMeasures);
                binds << term << term << term << term << term << term << term;
            }
        } else {
            // Terms under three characters (the trigram index cannot answer them), and every term on
            // a server, whose pg_trgm indexes answer the LIKE of three or more characters. Each
            // table is scanned once (uncorrelated IN lists) rather than looked up per row: at
            // 100,000 problems 0.12 s instead of 0.32 s CPU for the problem ledger and 0.16 s
            // instead of 0.28 s for the rectification ledger (sqlite3 shell).
            const QString pattern = dialect.containsPattern(term);
            auto contains = [&](const QString &column) { return dialect.containsCondition(column); };
            const QString problemText =
                QStringLiteral("%1 OR %2 OR %3 OR %4.registration_no = ?")
                    .arg(contains(QStringLiteral("%4.description")), contains(QStringLiteral("%4.example")),
                         contains(QStringLiteral("%4.progress")));
            if (ledger == Ledger::Problems) {
                w += QStringLiteral(" AND (%1 OR p.id IN (SELECT mm.problem_id FROM measures mm WHERE %2))")
                         .arg(QString(problemText).replace(QStringLiteral("%4"), QStringLiteral("p")),
                              contains(QStringLiteral("mm.content")));
            } else {
                w += QStringLiteral(" AND (m.problem_id IN (SELECT pp.id FROM problems pp WHERE %1) OR %2)")
                         .arg(QString(problemText).replace(QStringLiteral("%4"), QStringLiteral("pp")),
                              contains(QStringLiteral("m.content")));
            }
            binds << pattern << pattern << pattern << term;
            binds << pattern;
        }
    }
    return w;
}

/// SQL expression of a sort key; text keys are marked in @p text (sorted with the collator).
QString sortExpr(Ledger ledger, LedgerSort sort, const LedgerContext &ctx, bool &text)
{
    text = false;
    const bool m = ledger == Ledger::Measures;
    auto textKey = [&text](const char *expr) {
        text = true;
        return QString::fromLatin1(expr);
    };
    switch (sort) {
    case LedgerSort::Id:
        return m ? QStringLiteral("p.id * 100000 + m.seq") : QStringLiteral("p.id");
    case LedgerSort::RegistrationNo:
        return textKey("p.registration_no");
    case LedgerSort::Unit:
        return textKey("u.name");
    case LedgerSort::Round:
        // Round and batch numbers as fixed-width text (7 digits below a million), in SQL both
        // backends speak (SQLite has no lpad, PostgreSQL no printf).
        return QStringLiteral(
            "COALESCE(r.start_date, '9999') || CAST(1000000 + COALESCE(r.round_no, 0) AS TEXT) "
            "|| CAST(1000000 + COALESCE(r.batch_no, 0) AS TEXT) || COALESCE(r.label, '')");
    case LedgerSort::Source:
        return QString::fromLatin1(kSourceRank);
    case LedgerSort::Category:
        return textKey("c.name");
    case LedgerSort::Description:
        return textKey("p.description");
    case LedgerSort::Office:
        return textKey("p.responsible_office");
    case LedgerSort::Leader:
        return textKey("p.lead_leader");
    case LedgerSort::Person:
        return textKey("p.responsible_person");
    case LedgerSort::Deadline:
        return m ? QStringLiteral("COALESCE(m.deadline, '9999')")
                 : QStringLiteral("COALESCE(p.deadline, '9999')");
    case LedgerSort::State:
        return QString::fromLatin1(kProblemStateRank);
    case LedgerSort::Light:
        return m ? measureLightSql(ctx) : problemLight(ctx);
    case LedgerSort::MeasureCount:
        return QStringLiteral("(SELECT count(*) FROM measures mc WHERE mc.problem_id = p.id)");
    case LedgerSort::Progress:
        return textKey("p.progress");
    case LedgerSort::FeedbackDate:
        return QStringLiteral("p.feedback_date");
    case LedgerSort::MeasureSeq:
        return m ? QStringLiteral("p.id * 100000 + m.seq") : QStringLiteral("p.id");
    case LedgerSort::MeasureContent:
        return m ? textKey("m.content") : textKey("p.description");
    case LedgerSort::MeasureType:
        return m ? QStringLiteral("(CASE m.type WHEN 'immediate' THEN 0 WHEN 'deadline' THEN 1 ELSE 2 END)")
                 : QStringLiteral("p.id");
    case LedgerSort::MeasureOwner:
        return m ? textKey("m.owner") : textKey("p.responsible_person");
    case LedgerSort::MeasureState:
        return m ? QString::fromLatin1(kMeasureStateRank) : QString::fromLatin1(kProblemStateRank);
    }
    return QStringLiteral("p.id");
}

/**
 * The rows of an id query (SELECT id, key …): each row's id and its key, an integer or the index
 * of a distinct text value. Read through the connection's own sqlite3 handle when there is one:
 * QSqlQuery makes a QVariant of every column of every row, which was most of the cost of reading
 * 300,000 ids.
 */
struct KeyedRows
{
    enum Kind : qint8
    {
        Null,
        Number,
        Text,
    };
    struct Row
    {
        qint64 id = 0;
        qint64 value = 0; ///< the integer, or the index in texts
        Kind kind = Null;
    };
    QList<Row> rows;
    QList<QByteArray> texts; ///< distinct text keys, UTF-8
};

/// Adds a text key to @p out (deduplicated through @p index) and returns its row entry.
KeyedRows::Row textRow(KeyedRows &out, QHash<QByteArray, int> &index, qint64 id, const QByteArray &bytes)
{
    auto it = index.constFind(bytes);
    if (it == index.constEnd()) {
        const QByteArray copy(bytes.constData(), bytes.size()); // @p bytes may be raw statement data
        it = index.insert(copy, int(out.texts.size()));
        out.texts << copy;
    }
    return {id, *it, KeyedRows::Text};
}

int bindRaw(sqlite3_stmt *stmt, int i, const QVariant &v)
{
    if (v.isNull())
        return sqlite3_bind_null(stmt, i);
    if (v.typeId() == QMetaType::QString) {
        const QByteArray utf8 = v.toString().toUtf8();
        return sqlite3_bind_text(stmt, i, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    }
    return sqlite3_bind_int64(stmt, i, v.toLongLong());
}

/// Runs @p sql (SELECT id, key …); @p asText reads every non-NULL key as text.
Result<KeyedRows> readKeyedRows(Database &db, const QString &sql, const QVariantList &binds, bool asText)
{
    KeyedRows out;
    QHash<QByteArray, int> index;
    const QVariant handle = db.sql().driver() ? db.sql().driver()->handle() : QVariant();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0) {
        sqlite3 *h = *static_cast<sqlite3 *const *>(handle.constData());
        sqlite3_stmt *stmt = nullptr;
        auto fail = [&] {
            const Error e =
                db.sqliteError(sqlite3_extended_errcode(h), QString::fromUtf8(sqlite3_errmsg(h)), sql);
            sqlite3_finalize(stmt);
            return e;
        };
        if (sqlite3_prepare_v2(h, sql.toUtf8().constData(), -1, &stmt, nullptr) != SQLITE_OK)
            return fail();
        for (int i = 0; i < binds.size(); ++i) {
            if (bindRaw(stmt, i + 1, binds[i]) != SQLITE_OK)
                return fail();
        }
        int rc = SQLITE_ROW;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            const qint64 id = sqlite3_column_int64(stmt, 0);
            const int type = sqlite3_column_type(stmt, 1);
            switch (asText && type != SQLITE_NULL ? SQLITE_TEXT : type) {
            case SQLITE_NULL:
                out.rows << KeyedRows::Row{id, 0, KeyedRows::Null};
                break;
            case SQLITE_INTEGER:
            case SQLITE_FLOAT: // no key is fractional
                out.rows << KeyedRows::Row{id, sqlite3_column_int64(stmt, 1), KeyedRows::Number};
                break;
            default: {
                const auto *bytes = reinterpret_cast<const char *>(sqlite3_column_text(stmt, 1));
                const int size = sqlite3_column_bytes(stmt, 1);
                out.rows << textRow(out, index, id, QByteArray::fromRawData(bytes, size));
                break;
            }
            }
        }
        if (rc != SQLITE_DONE)
            return fail();
        sqlite3_finalize(stmt);
        return out;
    }
    const Status s = db.forEachRow(sql, binds, [&](const SqlRow &r) {
        const qint64 id = r.integer(0);
        const QVariant v = r.value(1);
        if (v.isNull())
            out.rows << KeyedRows::Row{id, 0, KeyedRows::Null};
        else if (asText || v.typeId() == QMetaType::QString)
            out.rows << textRow(out, index, id, v.toString().toUtf8());
        else
            out.rows << KeyedRows::Row{id, v.toLongLong(), KeyedRows::Number};
    });
    if (!s)
        return s.error();
    return out;
}

/**
 * The ids of @p keyed in order. Plain keys sort as SQLite's ORDER BY key, id would (NULL, then
 * numbers, then text by bytes; descending reverses the key, ties stay by ascending id).
 * @p collated keys are text ranked with a Chinese collator (pinyin order, numbers by value,
 * compared on their first 64 characters), empty values last in either direction, ties by id.
 */
QList<qint64> orderKeyedRows(KeyedRows &keyed, bool collated, Qt::SortOrder order)
{
    // Rank the distinct texts once; rows then compare integers.
    QList<int> rank(keyed.texts.size());
    QList<bool> empty(keyed.texts.size());
    {
        QList<int> byValue(keyed.texts.size());
        std::iota(byValue.begin(), byValue.end(), 0);
        if (collated) {
            QCollator collator(QLocale(QLocale::Chinese, QLocale::China));
            collator.setNumericMode(true);
            QList<QCollatorSortKey> keys;
            keys.reserve(keyed.texts.size());
            for (const QByteArray &t : std::as_const(keyed.texts))
                keys << collator.sortKey(QString::fromUtf8(t).left(64));
            std::sort(byValue.begin(), byValue.end(),
                      [&](int a, int b) { return keys[a].compare(keys[b]) < 0; });
        } else {
            std::sort(byValue.begin(), byValue.end(),
                      [&](int a, int b) { return keyed.texts[a] < keyed.texts[b]; });
        }
        for (int r = 0; r < byValue.size(); ++r)
            rank[byValue[r]] = r;
        for (int i = 0; i < keyed.texts.size(); ++i)
            empty[i] = keyed.texts[i].isEmpty();
    }
    const bool descending = order == Qt::DescendingOrder;
    struct Entry
    {
        int group; ///< compared first, never reversed
        qint64 value;
        qint64 id;
    };
    QList<Entry> entries;
    entries.reserve(keyed.rows.size());
    for (const KeyedRows::Row &r : std::as_const(keyed.rows)) {
        Entry e{0, 0, r.id};
        if (collated) {
            // Numbers were read as their text; NULL and '' go last.
            const bool last = r.kind == KeyedRows::Null || (r.kind == KeyedRows::Text && empty[r.value]);
            e.group = last ? 1 : 0;
            e.value = r.kind == KeyedRows::Text ? rank[r.value] : r.value;
        } else {
            e.group = int(r.kind);
            e.value = r.kind == KeyedRows::Text ? rank[r.value] : r.value;
            if (descending)
                e.group = -e.group;
        }
        if (descending)
            e.value = -e.value;
        entries << e;
    }
    keyed.rows.clear();
    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) {
        if (a.group != b.group)
            return a.group < b.group;
        if (a.value != b.value)
            return a.value < b.value;
        return a.id < b.id;
    });
    QList<qint64> out;
    out.reserve(entries.size());
    for (const Entry &e : std::as_const(entries))
        out << e.id;
    return out;
}

QString idList(const QList<qint64> &ids)
{
    QStringList parts;
    parts.reserve(ids.size());
    for (qint64 id : ids)
        parts << QString::number(id);
    return parts.join(QLatin1Char(','));
}

QStringList distinctSorted(Database &db, const QString &column)
{
    QStringList out;
    // A read error is recorded by the runner (Database::damageSeen()): these lists fill filters.
    const Status s = db.forEachRow(
        QStringLiteral(
            "SELECT DISTINCT %1 FROM problems WHERE %1 IS NOT NULL AND %1 <> '' AND deleted_at IS NULL")
            .arg(column),
        {}, [&](const SqlRow &r) { out << r.text(0); });
    if (!s)
        return {};
    QCollator collator(QLocale(QLocale::Chinese, QLocale::China));
    std::sort(out.begin(), out.end(),
              [&](const QString &a, const QString &b) { return collator.compare(a, b) < 0; });
    return out;
}

} // namespace

bool LedgerFilter::isEmpty() const
{
    return *this == LedgerFilter{};
}

QJsonObject LedgerFilter::toJson() const
{
    QJsonObject o;
    auto putId = [&o](const char *key, qint64 v) {
        if (v > 0)
            o.insert(QLatin1String(key), double(v));
    };
    auto putText = [&o](const char *key, const QString &v) {
        if (!v.isEmpty())
            o.insert(QLatin1String(key), v);
    };
    putId("term", termId);
    putId("round", roundId);
    putId("inspection", inspectionId);
    putId("unit", unitId);
    putId("category", categoryId);
    putText("office", office);
    putText("leader", leader);
    if (source)
        o.insert(QLatin1String("source"), Names::key(*source));
    if (!states.isEmpty()) {
        QJsonArray a;
        for (ProblemState s : states)
            a.append(Names::key(s));
        o.insert(QLatin1String("states"), a);
    }
    if (light)
        o.insert(QLatin1String("light"), Names::key(*light));
    if (deadlineFrom.isValid())
        o.insert(QLatin1String("deadlineFrom"), iso(deadlineFrom));
    if (deadlineTo.isValid())
        o.insert(QLatin1String("deadlineTo"), iso(deadlineTo));
    putText("search", search);
    return o;
}

LedgerFilter LedgerFilter::fromJson(const QJsonObject &o)
{
    LedgerFilter f;
    f.termId = qint64(o.value(QLatin1String("term")).toDouble());
    f.roundId = qint64(o.value(QLatin1String("round")).toDouble());
    f.inspectionId = qint64(o.value(QLatin1String("inspection")).toDouble());
    f.unitId = qint64(o.value(QLatin1String("unit")).toDouble());
    f.categoryId = qint64(o.value(QLatin1String("category")).toDouble());
    f.office = o.value(QLatin1String("office")).toString();
    f.leader = o.value(QLatin1String("leader")).toString();
    f.source = Names::sourceLevel(o.value(QLatin1String("source")).toString());
    for (const QJsonValue &v : o.value(QLatin1String("states")).toArray()) {
        if (auto s = Names::problemState(v.toString()))
            f.states << *s;
    }
    const QString light = o.value(QLatin1String("light")).toString();
    for (WarningLight w : {WarningLight::None, WarningLight::Normal, WarningLight::Green,
                           WarningLight::Yellow, WarningLight::Red}) {
        if (!light.isEmpty() && Names::key(w) == light)
            f.light = w;
    }
    f.deadlineFrom = QDate::fromString(o.value(QLatin1String("deadlineFrom")).toString(), Qt::ISODate);
    f.deadlineTo = QDate::fromString(o.value(QLatin1String("deadlineTo")).toString(), Qt::ISODate);
    f.search = o.value(QLatin1String("search")).toString();
    return f;
}

QStringList LedgerQuery::searchTerms(const QString &text)
{
    return text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

Result<QList<qint64>> LedgerQuery::ids(Ledger ledger, const LedgerFilter &filter,
                                       const LedgerContext &context, LedgerSort sort, Qt::SortOrder order)
{
    QVariantList binds;
    bool text = false;
    const QString key = sortExpr(ledger, sort, context, text);
    const bool problems = ledger == Ledger::Problems;
    const QString idCol = problems ? QStringLiteral("p.id") : QStringLiteral("m.id");
    const QString where = whereSql(m_db.dialect(), ledger, filter, context, binds);
    QString from = fromSql(problems ? kProblemFrom : kMeasureFrom, context);
    // SQLite drops the unused joins of units, rounds and categories but keeps inspections (rounds
    // are joined through it), and then scans the problems through their inspection index: at
    // 100,000 problems that doubled the cost of ordering all ids (0.19 s against 0.11 s CPU in the
    // sqlite3 shell). Leave both out when neither the key nor the filter names them ("i." or "r."
    // anywhere keeps them, so a false match only costs the join).
    const QString named = key + where;
    if (!named.contains(QLatin1String("i.")) && !named.contains(QLatin1String("r.")))
        from.remove(QStringLiteral("LEFT JOIN inspections i ON i.id = p.inspection_id "))
            .remove(QStringLiteral("LEFT JOIN rounds r ON r.id = i.round_id "));
    // No ORDER BY: SQLite's sorter took 0.2–0.3 s CPU for the 300,000 rows of the rectification
    // ledger at 100,000 problems, sorting (key, id) pairs here takes a tenth of that.
    const QString sql = QStringLiteral("SELECT %1, %2").arg(idCol, key) + from + where;
    auto rows = readKeyedRows(m_db, sql, binds, text);
    if (!rows)
        return rows.error();
    return orderKeyedRows(*rows, text, order);
}

QString LedgerQuery::problemsAsOf(const QDate &asOf)
{
    const QString d = QLatin1Char('\'') + iso(asOf) + QLatin1Char('\'');
    // The state and deadline expressions are those of Statistics (kStateFromHistory and
    // kDeadlineWithExtensions), so that the ledger and the dashboard count the same problems.
    return QStringLiteral(
               "(SELECT p0.id, p0.uuid, p0.registration_no, p0.inspection_id, p0.unit_id, p0.source_level, "
               "p0.category_id, p0.description, p0.example, p0.root_cause, p0.responsible_office, "
               "p0.lead_leader, p0.responsible_person, COALESCE((SELECT e.requested_deadline FROM "
               "extension_requests e WHERE e.problem_id = p0.id AND e.measure_id IS NULL AND e.decision = "
               "'approved' AND e.decided_on <= %1 ORDER BY e.decided_on DESC, e.id DESC LIMIT 1), "
               "p0.original_deadline) AS deadline, p0.original_deadline, p0.deadline_note, COALESCE((SELECT "
               "s.state FROM problem_states s WHERE s.problem_id = p0.id AND s.changed_on <= %1 ORDER BY "
               "s.changed_on DESC, s.id DESC LIMIT 1), 'registered') AS state, p0.systemic, p0.immediate, "
               "p0.feedback_date, CASE WHEN p0.completed_date <= %1 THEN p0.completed_date END AS "
               "completed_date, CASE WHEN p0.closed_out_date <= %1 THEN p0.closed_out_date END AS "
               "closed_out_date, COALESCE((SELECT g.text FROM progress_entries g WHERE g.problem_id = p0.id "
               "AND g.entry_date <= %1 ORDER BY g.entry_date DESC, g.id DESC LIMIT 1), CASE WHEN NOT EXISTS "
               "(SELECT 1 FROM progress_entries g WHERE g.problem_id = p0.id) THEN p0.progress END) AS "
               "progress, p0.note, p0.version, p0.repeats_problem_id, p0.deleted_at FROM problems p0 WHERE "
               "p0.feedback_date || '' <= %1)")
        .arg(d);
}

QString LedgerQuery::measuresAsOf(const QDate &asOf)
{
    const QString d = QLatin1Char('\'') + iso(asOf) + QLatin1Char('\'');
    return QStringLiteral(
               "(SELECT m0.id, m0.uuid, m0.problem_id, m0.seq, m0.content, m0.type, m0.owner, "
               "m0.deadline, m0.deadline_note, CASE WHEN m0.state = 'completed' AND m0.completed_date "
               "> %1 THEN 'in_progress' ELSE m0.state END AS state, CASE WHEN m0.completed_date <= "
               "%1 THEN m0.completed_date END AS completed_date, m0.version FROM measures m0)")
        .arg(d);
}

Result<QList<ProblemRow>> LedgerQuery::problemRows(const QList<qint64> &ids, const LedgerContext &context)
{
    QList<ProblemRow> out;
    if (ids.isEmpty())
        return out;
    const QString sql =
        QStringLiteral(
            "SELECT p.id, p.registration_no, u.name, r.label, p.source_level, c.name, p.description, "
            "p.responsible_office, p.lead_leader, p.responsible_person, p.deadline, p.original_deadline, "
            "p.deadline_note, p.state, (SELECT count(*) FROM measures mc WHERE mc.problem_id = p.id), "
            "p.progress, p.feedback_date") +
        fromSql(kProblemFrom, context) + QStringLiteral(" WHERE p.id IN (%1)").arg(idList(ids));
    QHash<qint64, ProblemRow> byId;
    const Status s = m_db.forEachRow(sql, {}, [&](const SqlRow &q) {
        ProblemRow r;
        r.id = q.value(0).toLongLong();
        r.registrationNo = q.value(1).toString();
        r.unit = q.value(2).toString();
        r.round = q.value(3).toString();
        r.source = Names::sourceLevel(q.value(4).toString()).value_or(SourceLevel::Municipal);
        r.category = q.value(5).toString();
        r.description = q.value(6).toString();
        r.office = q.value(7).toString();
        r.leader = q.value(8).toString();
        r.person = q.value(9).toString();
        r.deadline = fromIso(q.value(10).toString());
        r.originalDeadline = fromIso(q.value(11).toString());
        r.deadlineNote = q.value(12).toString();
        r.state = Names::problemState(q.value(13).toString()).value_or(ProblemState::Registered);
        r.measureCount = q.value(14).toInt();
        r.progress = q.value(15).toString();
        r.feedbackDate = fromIso(q.value(16).toString());
        byId.insert(r.id, r);
    });
    if (!s)
        return s.error();
    out.reserve(ids.size());
    for (qint64 id : ids) {
        auto it = byId.constFind(id);
        if (it != byId.constEnd())
            out << *it;
    }
    return out;
}

Result<QList<MeasureRow>> LedgerQuery::measureRows(const QList<qint64> &ids, const LedgerContext &context)
{
    QList<MeasureRow> out;
    if (ids.isEmpty())
        return out;
    const QString sql =
        QStringLiteral(
            "SELECT m.id, m.problem_id, p.registration_no, u.name, r.label, p.description, m.seq, m.content, "
            "m.type, m.owner, p.responsible_office, p.lead_leader, m.deadline, m.deadline_note, m.state, "
            "p.state") +
        fromSql(kMeasureFrom, context) + QStringLiteral(" WHERE m.id IN (%1)").arg(idList(ids));
    QHash<qint64, MeasureRow> byId;
    const Status s = m_db.forEachRow(sql, {}, [&](const SqlRow &q) {
        MeasureRow r;
        r.id = q.value(0).toLongLong();
        r.problemId = q.value(1).toLongLong();
        r.registrationNo = q.value(2).toString();
        r.unit = q.value(3).toString();
        r.round = q.value(4).toString();
        r.problem = q.value(5).toString();
        r.seq = q.value(6).toInt();
        r.content = q.value(7).toString();
        r.type = Names::measureType(q.value(8).toString()).value_or(core::MeasureType::Deadline);
        r.owner = q.value(9).toString();
        r.office = q.value(10).toString();
        r.leader = q.value(11).toString();
        r.deadline = fromIso(q.value(12).toString());
        r.deadlineNote = q.value(13).toString();
        r.state = Names::measureState(q.value(14).toString()).value_or(core::MeasureState::Pending);
        r.problemState = Names::problemState(q.value(15).toString()).value_or(ProblemState::Registered);
        byId.insert(r.id, r);
    });
    if (!s)
        return s.error();
    out.reserve(ids.size());
    for (qint64 id : ids) {
        auto it = byId.constFind(id);
        if (it != byId.constEnd())
            out << *it;
    }
    return out;
}

QStringList LedgerQuery::offices()
{
    return distinctSorted(m_db, QStringLiteral("responsible_office"));
}

QStringList LedgerQuery::leaders()
{
    return distinctSorted(m_db, QStringLiteral("lead_leader"));
}

QList<InspectionNode> LedgerQuery::inspections()
{
    QList<InspectionNode> out;
    const Status s = m_db.forEachRow(
        // The live problems per inspection from problem_tally (schema step 4: kept by triggers
        // per inspection and state; its key is quote(inspection_id)), looked up by its primary
        // key: at 100,000 problems 11 ms against 70 ms for counting the problem rows, which
        // the tree did on every open and after every edit. (A grouped subquery joined on the
        // value instead took 1.1 s: SQLite re-ran it for every inspection.)
        QStringLiteral("SELECT i.id, i.round_id, r.term_id, i.unit_id, u.name, i.kind, i.source_level, "
                       "%1 FROM inspections i "
                       "LEFT JOIN rounds r ON r.id = i.round_id LEFT JOIN units u ON u.id = i.unit_id "
                       "ORDER BY i.round_id, i.id")
            .arg(m_db.seesWholeRegister()
                     ? QStringLiteral("coalesce((SELECT sum(t.problems) FROM problem_tally t WHERE t.dim = "
                                      "'inspection' AND t.key = %1), 0)")
                           .arg(m_db.dialect().tallyKey(QStringLiteral("i.id")))
                     // A unit login (issue #23) counts its own problems: the tally is over all units.
                     : QStringLiteral("(SELECT count(*) FROM problems p WHERE p.inspection_id = i.id AND "
                                      "p.deleted_at IS NULL)")),
        {}, [&](const SqlRow &q) {
            InspectionNode n;
            n.id = q.value(0).toLongLong();
            n.roundId = q.value(1).toLongLong();
            n.termId = q.value(2).toLongLong();
            n.unitId = q.value(3).toLongLong();
            n.unit = q.value(4).toString();
            n.kind = Names::inspectionKind(q.value(5).toString()).value_or(InspectionKind::Regular);
            n.source = Names::sourceLevel(q.value(6).toString()).value_or(SourceLevel::Municipal);
            n.problems = q.value(7).toLongLong();
            out << n;
        });
    if (!s)
        return {}; // recorded by the runner (Database::damageSeen())
    return out;
}

QList<std::tuple<qint64, QString, int>> LedgerQuery::categories()
{
    QList<std::tuple<qint64, QString, int>> out;
    QList<std::tuple<qint64, qint64, QString>> all;
    const Status s =
        m_db.forEachRow(QStringLiteral("SELECT id, parent_id, name FROM categories ORDER BY sort_order, id"),
                        {}, [&](const SqlRow &q) {
                            all << std::tuple{q.integer(0), q.integer(1), q.text(2)};
                        });
    if (!s)
        return out; // recorded by the runner (Database::damageSeen())
    // Depth-first from the roots, children after their parent.
    std::function<void(qint64, int)> walk = [&](qint64 parent, int depth) {
        for (const auto &[id, p, name] : all) {
            if (p == parent) {
                out << std::tuple{id, name, depth};
                if (depth < 8)
                    walk(id, depth + 1);
            }
        }
    };
    walk(0, 0);
    return out;
}

ProblemState LedgerQuery::asProblemState(core::MeasureState state)
{
    switch (state) {
    case core::MeasureState::Pending:
        return ProblemState::Registered;
    case core::MeasureState::InProgress:
        return ProblemState::InProgress;
    case core::MeasureState::LongTerm:
        return ProblemState::LongTerm;
    case core::MeasureState::Completed:
        return ProblemState::Completed;
    }
    return ProblemState::Registered;
}

WarningLight LedgerQuery::measureLight(core::MeasureState state, const QDate &deadline, const QDate &asOf,
                                       const WarningThresholds &thresholds)
{
    return Workflow::light(asProblemState(state), deadline, asOf, thresholds);
}

} // namespace rectrack::core
