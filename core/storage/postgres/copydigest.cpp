#include "copydigest.h"

#include "postgresdialect.h"
#include "storage/sha256.h"

#include <QLocale>
#include <QSqlError>

#include <libpq-fe.h>

#include <cmath>
#include <cstdlib>

namespace rectrack::core::postgres {

namespace {

/// @p d as PostgreSQL 15's float8 output writes it (extra_float_digits 1, the default): the
/// shortest digits that read back exactly, in fixed notation for a decimal exponent from -4 to 14
/// and as d.ddde±XX (two exponent digits at least) otherwise; NaN, Infinity, -Infinity, -0.
QByteArray pgFloat8(double d)
{
    if (std::isnan(d))
        return QByteArrayLiteral("NaN");
    if (std::isinf(d))
        return d > 0 ? QByteArrayLiteral("Infinity") : QByteArrayLiteral("-Infinity");
    if (d == 0)
        return std::signbit(d) ? QByteArrayLiteral("-0") : QByteArrayLiteral("0");
    // Qt's shortest round-trip digits in exponent form, e.g. "-1.2345e+17".
    QByteArray e = QByteArray::number(d, 'e', QLocale::FloatingPointShortest);
    QByteArray out;
    if (e.startsWith('-')) {
        out += '-';
        e.remove(0, 1);
    }
    const qsizetype ePos = e.indexOf('e');
    QByteArray digits = e.left(ePos);
    digits.replace(".", "");
    const int exponent = e.mid(ePos + 1).toInt();
    if (exponent < -4 || exponent >= 15) {
        out += digits.left(1);
        if (digits.size() > 1)
            out += '.' + digits.mid(1);
        out += exponent < 0 ? "e-" : "e+";
        const QByteArray magnitude = QByteArray::number(std::abs(exponent));
        if (magnitude.size() < 2)
            out += '0';
        out += magnitude;
    } else if (exponent >= 0) {
        if (digits.size() <= exponent + 1)
            out += digits + QByteArray(exponent + 1 - digits.size(), '0');
        else
            out += digits.left(exponent + 1) + '.' + digits.mid(exponent + 1);
    } else {
        out += "0." + QByteArray(-exponent - 1, '0') + digits;
    }
    return out;
}

/// Runs @p sql, which returns no rows, on the libpq connection @p conn.
Status command(Database &db, PGconn *conn, const QString &sql)
{
    PGresult *result = PQexec(conn, sql.toUtf8().constData());
    if (PQresultStatus(result) != PGRES_COMMAND_OK)
        return libpqError(db, conn, result, sql);
    PQclear(result);
    return okStatus();
}

} // namespace

void appendCopyValue(QByteArray &out, const QVariant &value)
{
    if (value.isNull()) {
        out += "\\N";
        return;
    }
    switch (value.typeId()) {
    case QMetaType::QByteArray:
        out += "\\\\x";
        out += value.toByteArray().toHex();
        return;
    case QMetaType::Bool:
        out += value.toBool() ? 't' : 'f';
        return;
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        out += QByteArray::number(value.toLongLong());
        return;
    case QMetaType::Double:
        out += pgFloat8(value.toDouble());
        return;
    default:
        break;
    }
    const QByteArray text = value.toString().toUtf8();
    // The text between the characters to escape goes in as whole runs: one append per run, not
    // one per byte (the 1.7 million audit entries of a 100,000-problem register are mostly JSON).
    const char *const begin = text.constData();
    const char *const end = begin + text.size();
    const char *run = begin;
    for (const char *c = begin; c != end; ++c) {
        const char escaped = *c == '\\' ? '\\' : *c == '\t' ? 't' : *c == '\n' ? 'n' : *c == '\r' ? 'r' : 0;
        if (!escaped)
            continue;
        out.append(run, c - run);
        out += '\\';
        out += escaped;
        run = c + 1;
    }
    out.append(run, end - run);
}

Status copyInStart(Database &db, const QString &table, const QStringList &columns)
{
    PGconn *conn = libpqHandle(db);
    if (!conn)
        return Error{ErrorCode::Internal, QStringLiteral("COPY %1: no libpq connection").arg(table)};
    // The tables PostgresDialect::beforeCopy() emptied by TRUNCATE in this transaction.
    PGresult *frozen = PQexec(
        conn, QStringLiteral("SELECT current_setting('%1', true)").arg(kCopyFrozen).toUtf8().constData());
    if (PQresultStatus(frozen) != PGRES_TUPLES_OK)
        return libpqError(db, conn, frozen, QStringLiteral("current_setting"));
    const bool freeze =
        QString::fromUtf8(PQgetvalue(frozen, 0, 0)).split(QLatin1String(", ")).contains(table);
    PQclear(frozen);
    const QString sql = QStringLiteral("COPY %1 (%2) FROM STDIN%3")
                            .arg(table, columns.join(u','), freeze ? QStringLiteral(" (FREEZE)") : QString());
    PGresult *start = PQexec(conn, sql.toUtf8().constData());
    if (PQresultStatus(start) != PGRES_COPY_IN)
        return libpqError(db, conn, start, sql);
    PQclear(start);
    return okStatus();
}

Status copyInSend(Database &db, const QByteArray &rows)
{
    PGconn *conn = libpqHandle(db);
    if (rows.isEmpty())
        return okStatus();
    if (!conn || PQputCopyData(conn, rows.constData(), int(rows.size())) != 1)
        return libpqError(db, conn, nullptr, QStringLiteral("COPY … FROM STDIN"));
    return okStatus();
}

Status copyInEnd(Database &db, const QString &table, bool complete)
{
    PGconn *conn = libpqHandle(db);
    const QString sql = QStringLiteral("COPY %1 FROM STDIN").arg(table);
    if (!conn)
        return Error{ErrorCode::Internal, QStringLiteral("%1: no libpq connection").arg(sql)};
    if (PQputCopyEnd(conn, complete ? nullptr : "rectrack: the copy was stopped") != 1)
        return libpqError(db, conn, nullptr, sql);
    // The COPY's result, then the null that ends the command.
    PGresult *result = PQgetResult(conn);
    Status status = PQresultStatus(result) == PGRES_COMMAND_OK || !complete
                        ? okStatus()
                        : libpqError(db, conn, result, sql);
    if (status)
        PQclear(result);
    while (PGresult *more = PQgetResult(conn))
        PQclear(more);
    return status;
}

Result<CopyDigest> copyOutDigest(Database &db, const QString &table, const QStringList &columns,
                                 const QString &key)
{
    PGconn *conn = libpqHandle(db);
    if (!conn)
        return Error{ErrorCode::Internal,
                     QStringLiteral("COPY %1 TO STDOUT: no libpq connection").arg(table)};
    // Qt's QPSQL reads bytea in the escape form and sets it for its session; COPY writes hex here,
    // as the copier sends it, and the session's setting comes back after.
    if (const Status s = command(db, conn, QStringLiteral("SET LOCAL bytea_output = hex")); !s)
        return s.error();
    const QString sql =
        QStringLiteral("COPY (SELECT %1 FROM %2 ORDER BY %3) TO STDOUT").arg(columns.join(u','), table, key);
    PGresult *start = PQexec(conn, sql.toUtf8().constData());
    if (PQresultStatus(start) != PGRES_COPY_OUT)
        return libpqError(db, conn, start, sql);
    PQclear(start);
    Sha256 hash;
    qint64 rows = 0;
    char *buffer = nullptr;
    int size = 0;
    // Each piece of a COPY TO's data is one row (libpq's PQgetCopyData).
    while ((size = PQgetCopyData(conn, &buffer, 0)) > 0) {
        hash.add(QByteArrayView(buffer, size));
        ++rows;
        PQfreemem(buffer);
    }
    // -1: the rows are all there, and the COPY's own result follows; -2: the connection failed.
    PGresult *result = PQgetResult(conn);
    if (size == -2 || PQresultStatus(result) != PGRES_COMMAND_OK)
        return libpqError(db, conn, result, sql);
    PQclear(result);
    while (PGresult *more = PQgetResult(conn))
        PQclear(more);
    if (const Status s = command(db, conn, QStringLiteral("SET LOCAL bytea_output = escape")); !s)
        return s.error();
    return CopyDigest{hash.hex(), rows};
}

} // namespace rectrack::core::postgres
