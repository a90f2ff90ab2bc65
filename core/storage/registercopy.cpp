#include "registercopy.h"

#include "auditlog.h"
#include "problemfacts.h"
#include "schema.h"

#include <QSqlError>

#include <algorithm>

namespace rectrack::core {

namespace {

/// Columns that point at a row of their own table, whose target may come later in id order (a
/// category nested under one created after it, a problem repeating a later-numbered one): copied
/// as NULL, then set once every row is there. Foreign keys are checked at once on both backends.
const QHash<QString, QString> &selfReferences()
{
    static const QHash<QString, QString> refs{
        {QStringLiteral("categories"), QStringLiteral("parent_id")},
        {QStringLiteral("problems"), QStringLiteral("repeats_problem_id")}};
    return refs;
}

/// Bound values per INSERT: few round trips to a server, under SQLite's 32,766 bound values.
constexpr int kBatchValues = 30000;
/// Rows per INSERT at most (a statement of audit entries stays about 1 MB).
constexpr int kBatchRows = 1000;

Status run(Database &db, const QString &sql, const QVariantList &binds = {})
{
    if (auto r = db.exec(sql, binds); !r)
        return r.error();
    return okStatus();
}

/// The columns copied from @p table: its own (the server's rowid key aside) and, for the tables
/// keyed by two columns, the row key the audit log names (SQLite's rowid, the server's rowid).
Result<QStringList> copiedColumns(Database &db, const QString &table)
{
    const auto columns = db.dialect().columns(db, table);
    if (!columns)
        return columns.error();
    QStringList out;
    for (const TableColumn &c : *columns)
        out << c.name;
    if (schema::keyColumn(table) == QLatin1String("rowid"))
        out.prepend(QStringLiteral("rowid"));
    return out;
}

/// Copies the rows of @p table in key order, in batches of up to kBatchRows (Dialect::insertRows).
Status copyTable(Database &from, Database &to, const QString &table, const RegisterCopy::Progress &progress,
                 qint64 &done, qint64 total)
{
    auto columns = copiedColumns(from, table);
    if (!columns)
        return columns.error();
    const QString selfRef = selfReferences().value(table);
    const int selfIndex = selfRef.isEmpty() ? -1 : int(columns->indexOf(selfRef));
    // meta and exchange_rows are keyed by text (a setting's key, a row's UUID).
    const QString key = table == QLatin1String("meta")            ? QStringLiteral("key")
                        : table == QLatin1String("exchange_rows") ? QStringLiteral("uuid")
                                                                  : schema::keyColumn(table);
    const int batchRows = std::clamp(kBatchValues / int(columns->size()), 1, kBatchRows);
    QVariantList binds;
    int rows = 0;
    QList<std::pair<qint64, QVariant>> links; // (key, self reference) set after the copy
    auto flush = [&]() -> Status {
        if (rows == 0)
            return okStatus();
        const Status s = to.dialect().insertRows(to, table, *columns, binds);
        binds.clear();
        done += rows;
        rows = 0;
        if (s && progress && !progress(done, total))
            return Error{ErrorCode::InputRefused, RegisterCopy::tr("The copy was cancelled.")};
        return s;
    };
    const Status read =
        from.forEachRow(QStringLiteral("SELECT %1 FROM %2 ORDER BY %3").arg(columns->join(u','), table, key),
                        {}, [&](const SqlRow &r) -> Status {
                            for (int c = 0; c < columns->size(); ++c) {
                                QVariant v = r.value(c);
                                if (c == selfIndex && !v.isNull()) {
                                    links.append({r.integer(int(columns->indexOf(key))), v});
                                    v = QVariant();
                                }
                                binds << v;
                            }
                            if (++rows == batchRows)
                                return flush();
                            return okStatus();
                        });
    if (!read)
        return read;
    if (const Status s = flush(); !s)
        return s;
    for (const auto &[id, target] : std::as_const(links)) {
        if (const Status s =
                run(to, QStringLiteral("UPDATE %1 SET %2 = ? WHERE %3 = ?").arg(table, selfRef, key),
                    {target, id});
            !s)
            return s;
    }
    return okStatus();
}

Result<qint64> count(Database &db, const QString &table)
{
    auto n = db.value(QStringLiteral("SELECT count(*) FROM %1").arg(table));
    if (!n)
        return n.error();
    return n->toLongLong();
}

} // namespace

QStringList RegisterCopy::tables()
{
    return {QStringLiteral("meta"),
            QStringLiteral("terms"),
            QStringLiteral("rounds"),
            QStringLiteral("teams"),
            QStringLiteral("units"),
            QStringLiteral("term_units"),
            QStringLiteral("inspections"),
            QStringLiteral("categories"),
            QStringLiteral("problems"),
            QStringLiteral("problem_states"),
            QStringLiteral("measures"),
            QStringLiteral("measure_problems"),
            QStringLiteral("progress_entries"),
            QStringLiteral("evidence"),
            QStringLiteral("reviews"),
            QStringLiteral("extension_requests"),
            QStringLiteral("supervision_actions"),
            QStringLiteral("campaigns"),
            QStringLiteral("campaign_rounds"),
            QStringLiteral("clues"),
            QStringLiteral("patterns"),
            QStringLiteral("pattern_members"),
            QStringLiteral("referrals"),
            QStringLiteral("referral_problems"),
            QStringLiteral("rules_established"),
            QStringLiteral("accountability"),
            QStringLiteral("funds_recovered"),
            QStringLiteral("evaluations"),
            QStringLiteral("saved_views"),
            QStringLiteral("exchange_sites"),
            QStringLiteral("exchange_packages"),
            QStringLiteral("exchange_rows"),
            QStringLiteral("exchange_conflicts"),
            QStringLiteral("unit_duplicates"),
            QStringLiteral("audit_log")};
}

Status RegisterCopy::copy(Database &from, Database &to, const Check &check, const Progress &progress)
{
    if (from.schemaVersion() != schema::kVersion || to.schemaVersion() != schema::kVersion)
        return Error{ErrorCode::InputRefused,
                     tr("Both registers must have schema version %1 (open %2 with this program once to "
                        "upgrade it).")
                         .arg(schema::kVersion)
                         .arg(from.schemaVersion() != schema::kVersion ? from.path() : to.path())};
    // One snapshot of the source while it is read (others may write a server register meanwhile).
    const bool snapshot = from.transactionDepth() == 0 && from.exec(from.dialect().beginReadSnapshot()).ok();
    struct EndSnapshot
    {
        Database &db;
        bool open;
        ~EndSnapshot()
        {
            if (open)
                db.exec(QStringLiteral("ROLLBACK"));
        }
    } endSnapshot{from, snapshot};

    Transaction tx(to);
    if (!tx.active())
        return tx.error();
    // A new register holds at most what creating it wrote: its standard categories and their log.
    for (const QString &table : tables()) {
        if (table == QLatin1String("meta") || table == QLatin1String("categories") ||
            table == QLatin1String("audit_log"))
            continue;
        auto n = count(to, table);
        if (!n)
            return n.error();
        if (*n > 0)
            return Error{ErrorCode::InputRefused,
                         tr("The register %1 already holds data (%2 rows in %3): a register is copied "
                            "into a new, empty one only.")
                             .arg(to.path())
                             .arg(*n)
                             .arg(table)};
    }
    auto foreign = to.value(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity <> 'categories' OR "
                                           "action <> 'insert'"));
    if (!foreign)
        return foreign.error();
    if (foreign->toLongLong() > 0)
        return Error{ErrorCode::InputRefused,
                     tr("The register %1 already holds data (its audit log has %2 entries): a register is "
                        "copied into a new, empty one only.")
                         .arg(to.path())
                         .arg(foreign->toLongLong())};
    for (const char *clear : {"DELETE FROM audit_log", "DELETE FROM categories", "DELETE FROM meta"}) {
        if (const Status s = run(to, QString::fromLatin1(clear)); !s)
            return s;
    }

    QHash<QString, qint64> counts;
    qint64 total = 0;
    for (const QString &table : tables()) {
        auto n = count(from, table);
        if (!n)
            return n.error();
        counts.insert(table, *n);
        total += *n;
    }
    qint64 done = 0;
    // The statistics rows of the copied problems: one grouped fill at the end, not row by row.
    ProblemFactsDeferral facts(to);
    if (!facts.active())
        return facts.error();
    if (const Status s = to.dialect().beforeCopy(to); !s)
        return s;
    for (const QString &table : tables()) {
        if (const Status s = copyTable(from, to, table, progress, done, total); !s)
            return s;
    }
    if (const Status s = facts.finish(); !s)
        return s;
    if (const Status s = to.dialect().afterCopy(to); !s)
        return s;
    to.setCachedAuditHead(QString());

    // The checks, inside the transaction: a failure leaves nothing behind.
    for (const QString &table : tables()) {
        auto n = count(to, table);
        if (!n)
            return n.error();
        if (*n != counts.value(table))
            return Error{
                ErrorCode::VerifyFault,
                tr("The copy of %1 has %2 rows instead of %3.").arg(table).arg(*n).arg(counts.value(table))};
    }
    const VerifyReport report = Verifier::verify(to);
    if (!report.ok())
        return Error{
            ErrorCode::VerifyFault,
            tr("The copy does not verify: %1").arg(report.faults.mid(0, 5).join(QStringLiteral("; ")))};
    qint64 sourceHeadId = 0;
    QString sourceHead;
    if (const Status s =
            from.forEachRow(QStringLiteral("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"), {},
                            [&](const SqlRow &r) {
                                sourceHeadId = r.integer(0);
                                sourceHead = r.text(1);
                            });
        !s)
        return s;
    if (sourceHeadId != report.headId || sourceHead != report.headHash)
        return Error{ErrorCode::VerifyFault,
                     tr("The copy's audit chain ends at %1:%2, the original's at %3:%4.")
                         .arg(report.headId)
                         .arg(report.headHash)
                         .arg(sourceHeadId)
                         .arg(sourceHead)};
    if (check) {
        if (const Status s = check(from, to); !s)
            return s;
    }
    return tx.commit();
}

} // namespace rectrack::core
