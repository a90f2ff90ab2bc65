#include "registercopy.h"

#include "auditlog.h"
#include "postgres/copydigest.h"
#include "problemfacts.h"
#include "schema.h"
#include "sha256.h"

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

/// The column @p table is read and copied in order of: meta and exchange_rows are keyed by text (a
/// setting's key, a row's UUID).
QString copyKey(const QString &table)
{
    return table == QLatin1String("meta")            ? QStringLiteral("key")
           : table == QLatin1String("exchange_rows") ? QStringLiteral("uuid")
                                                     : schema::keyColumn(table);
}

/**
 * What a copy onto a server checks while it reads the source (RegisterCopy::copy): the digest of
 * every table's rows in COPY's text form (compared with the server's afterwards), the audit chain
 * (every entry's hash and link, as Verifier::verify checks it) and every evidence file against its
 * SHA-256. The first fault stops the copy.
 */
struct SourceCheck
{
    QHash<QString, QByteArray> digests; ///< table -> hex SHA-256 of its rows as sent
    QString headHash = AuditLog::kGenesisHash;
    qint64 headId = 0;
};

/// The first fault of @p row of @p table (columns @p columns) for SourceCheck, or an empty string;
/// advances the chain head.
QString sourceFault(SourceCheck &check, const QString &table, const QStringList &columns, const SqlRow &row)
{
    if (table == QLatin1String("audit_log")) {
        auto text = [&](const char *column) {
            return row.value(int(columns.indexOf(QLatin1String(column)))).toString();
        };
        const qint64 id = row.value(int(columns.indexOf(QLatin1String("id")))).toLongLong();
        const QString prevHash = text("prev_hash");
        const QString hash = text("hash");
        if (prevHash != check.headHash)
            return RegisterCopy::tr("Audit log entry %1 does not follow the entry before it (an entry was "
                                    "removed or inserted).")
                .arg(id);
        if (AuditLog::chainHash(prevHash, text("at"), text("actor"), text("entity"),
                                row.value(int(columns.indexOf(QLatin1String("entity_id")))).toLongLong(),
                                text("action"), text("before_json"), text("after_json")) != hash)
            return RegisterCopy::tr("Audit log entry %1 was altered (its hash does not match).").arg(id);
        check.headHash = hash;
        check.headId = id;
    } else if (table == QLatin1String("evidence")) {
        const QByteArray data = row.value(int(columns.indexOf(QLatin1String("data")))).toByteArray();
        if (QString::fromLatin1(Sha256::hexOf(data)) !=
                row.value(int(columns.indexOf(QLatin1String("sha256")))).toString() ||
            data.size() != row.value(int(columns.indexOf(QLatin1String("size")))).toLongLong())
            return RegisterCopy::tr("Evidence file #%1 does not match its SHA-256.")
                .arg(row.value(int(columns.indexOf(QLatin1String("id")))).toLongLong());
    }
    return QString();
}

/// Copies the rows of @p table in key order, in batches of up to kBatchRows (Dialect::insertRows);
/// with @p check (a server destination), checks and hashes them on the way (SourceCheck).
Status copyTable(Database &from, Database &to, const QString &table, const RegisterCopy::Progress &progress,
                 qint64 &done, qint64 total, SourceCheck *check)
{
    auto columns = copiedColumns(from, table);
    if (!columns)
        return columns.error();
    const QString selfRef = selfReferences().value(table);
    const int selfIndex = selfRef.isEmpty() ? -1 : int(columns->indexOf(selfRef));
    const QString key = copyKey(table);
    const int batchRows = std::clamp(kBatchValues / int(columns->size()), 1, kBatchRows);
    const QString select =
        QStringLiteral("SELECT %1 FROM %2 ORDER BY %3").arg(columns->join(u','), table, key);
    QList<std::pair<qint64, QVariant>> links; // (key, self reference) set after the copy
    // @p rows more rows are on the server: counted, reported, and the copy cancelled when asked.
    auto advance = [&](int &rows) -> Status {
        done += rows;
        rows = 0;
        if (progress && !progress(done, total))
            return Error{ErrorCode::InputRefused, RegisterCopy::tr("The copy was cancelled.")};
        return okStatus();
    };
    if (check) {
        // Onto a server: one COPY for the whole table, fed as the source is read, so that the
        // server stores rows while the next ones are read and hashed here.
        if (const Status s = postgres::copyInStart(to, table, *columns); !s)
            return s;
        Sha256 digest;
        QByteArray line;
        QByteArray pending;
        int rows = 0;
        auto send = [&]() -> Status {
            const Status s = postgres::copyInSend(to, pending);
            pending.resize(0); // keeps its buffer for the next rows
            return s ? advance(rows) : s;
        };
        const Status read = from.forEachRow(select, {}, [&](const SqlRow &r) -> Status {
            if (const QString fault = sourceFault(*check, table, *columns, r); !fault.isEmpty())
                return Error{ErrorCode::VerifyFault, fault};
            // The row as the server's COPY TO writes it afterwards: its final values.
            line.resize(0);
            for (int c = 0; c < columns->size(); ++c) {
                if (c > 0)
                    line += '\t';
                postgres::appendCopyValue(line, r.value(c));
            }
            line += '\n';
            digest.add(line);
            if (selfIndex >= 0 && !r.value(selfIndex).isNull()) {
                links.append({r.integer(int(columns->indexOf(key))), r.value(selfIndex)});
                for (int c = 0; c < columns->size(); ++c) {
                    if (c > 0)
                        pending += '\t';
                    postgres::appendCopyValue(pending, c == selfIndex ? QVariant() : r.value(c));
                }
                pending += '\n';
            } else {
                pending += line;
            }
            if (++rows == batchRows)
                return send();
            return okStatus();
        });
        Status sent = read ? send() : read;
        if (const Status s = postgres::copyInEnd(to, table, sent.ok()); sent && !s)
            sent = s;
        if (!sent)
            return sent;
        check->digests.insert(table, digest.hex());
    } else {
        QVariantList binds;
        int rows = 0;
        auto flush = [&]() -> Status {
            if (rows == 0)
                return okStatus();
            const Status s = to.dialect().insertRows(to, table, *columns, binds);
            binds.clear();
            return s ? advance(rows) : s;
        };
        const Status read = from.forEachRow(select, {}, [&](const SqlRow &r) -> Status {
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
    }
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
    // Onto a server, the source is checked while it is read and the copy compared with it by
    // digests (SourceCheck); into a file, the copy is verified as a whole below.
    SourceCheck sourceCheck;
    SourceCheck *checked = to.onServer() ? &sourceCheck : nullptr;
    for (const QString &table : tables()) {
        if (const Status s = copyTable(from, to, table, progress, done, total, checked); !s)
            return s;
    }
    // afterCopy() first (the indexes and foreign keys back); the facts' fill then computes
    // problem_latest_state, problem_facts and problem_tally of every copied problem.
    if (const Status s = to.dialect().afterCopy(to); !s)
        return s;
    if (const Status s = facts.finish(); !s)
        return s;
    to.setCachedAuditHead(QString());

    // The checks, inside the transaction: a failure leaves nothing behind.
    auto countFault = [&](const QString &table, qint64 n) {
        return Error{
            ErrorCode::VerifyFault,
            tr("The copy of %1 has %2 rows instead of %3.").arg(table).arg(n).arg(counts.value(table))};
    };
    if (checked) {
        // The server's rows equal the source's, table by table, and the source's chain held (checked
        // as it was read): so the copy's chain is the same valid chain, with the same head. The rows
        // of each table are counted as they stream back for its digest (no count(*) pass).
        for (const QString &table : tables()) {
            auto columns = copiedColumns(from, table);
            if (!columns)
                return columns.error();
            auto digest = postgres::copyOutDigest(to, table, *columns, copyKey(table));
            if (!digest)
                return digest.error();
            if (digest->rows != counts.value(table))
                return countFault(table, digest->rows);
            if (digest->sha256 != sourceCheck.digests.value(table))
                return Error{ErrorCode::VerifyFault,
                             tr("The copy of %1 differs from the original (its rows' digest).").arg(table)};
        }
        // The statistics tables the destination's triggers and fill computed, against a
        // recomputation from the copied rows (Verifier::verify's last step).
        const qint64 stale = ProblemFactsDeferral::staleLatestStates(to) +
                             ProblemFactsDeferral::staleFacts(to) + ProblemFactsDeferral::staleTally(to);
        if (stale > 0)
            return Error{
                ErrorCode::VerifyFault,
                tr("The statistics tables of the copy differ from its rows in %1 row(s).").arg(stale)};
    } else {
        for (const QString &table : tables()) {
            auto n = count(to, table);
            if (!n)
                return n.error();
            if (*n != counts.value(table))
                return countFault(table, *n);
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
    }
    if (check) {
        if (const Status s = check(from, to); !s)
            return s;
    }
    return tx.commit();
}

} // namespace rectrack::core
