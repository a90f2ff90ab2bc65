#include "unitduplicates.h"

#include "storage/auditlog.h"

namespace rectrack::core::exchange {

namespace {

/// The office that owns unit row u (SQL over units u): the partner's for a held unit, else this
/// register's own office.
const char *const kOfficeOf =
    "coalesce((SELECT s.office FROM exchange_rows x JOIN exchange_sites s ON s.site_uuid = x.owner_site "
    "WHERE x.uuid = %1.uuid), (SELECT office FROM exchange_sites WHERE is_self = 1), '')";

QString officeOf(const QString &alias)
{
    return QString::fromLatin1(kOfficeOf).arg(alias);
}

} // namespace

QString UnitDuplicates::normalisedName(const QString &name)
{
    return name.normalized(QString::NormalizationForm_KC).trimmed();
}

QString UnitDuplicates::decisionWord(Decision d)
{
    return d == Decision::Merge ? QStringLiteral("merged") : QStringLiteral("kept_apart");
}

QString UnitDuplicates::decisionText(const QString &word)
{
    if (word == QLatin1String("merged"))
        return tr("merged");
    if (word == QLatin1String("kept_apart"))
        return tr("kept apart");
    return tr("open");
}

Result<QList<UnitDuplicate>> UnitDuplicates::list(Database &db, bool all)
{
    QList<UnitDuplicate> out;
    if (!db.mayRead(QStringLiteral("unit_duplicates")))
        return out;
    const QString sql =
        QStringLiteral(
            "SELECT d.id, d.unit_id, u.name, %1, d.other_unit_id, o.name, %2, d.found_at, d.decision, "
            "d.decided_by, d.decided_at FROM unit_duplicates d JOIN units u ON u.id = d.unit_id JOIN "
            "units o ON o.id = d.other_unit_id %3 ORDER BY CASE d.decision WHEN 'open' THEN 0 ELSE 1 "
            "END, d.id")
            .arg(officeOf(QStringLiteral("u")), officeOf(QStringLiteral("o")),
                 all ? QString() : QStringLiteral("WHERE d.decision = 'open'"));
    const Status s = db.forEachRow(sql, {}, [&](const SqlRow &r) {
        UnitDuplicate d;
        d.id = r.integer(0);
        d.unitId = r.integer(1);
        d.unitName = r.text(2);
        d.unitOffice = r.text(3);
        d.otherUnitId = r.integer(4);
        d.otherUnitName = r.text(5);
        d.otherOffice = r.text(6);
        d.foundAt = r.text(7);
        d.decision = r.text(8);
        d.decidedBy = r.text(9);
        d.decidedAt = r.text(10);
        out << d;
    });
    if (!s)
        return s.error();
    return out;
}

Result<qint64> UnitDuplicates::openCount(Database &db)
{
    auto open = list(db, false);
    if (!open)
        return open.error();
    return qint64(open->size());
}

Status UnitDuplicates::decide(Database &db, qint64 id, Decision decision)
{
    return withTransaction(db, [&]() -> Status {
        auto current = db.value(QStringLiteral("SELECT decision FROM unit_duplicates WHERE id = ?"), {id});
        if (!current)
            return current.error();
        if (!current->isValid())
            return Error{ErrorCode::InputRefused, tr("There is no possible duplicate unit %1.").arg(id)};
        if (current->toString() != QLatin1String("open"))
            return Error{ErrorCode::InputRefused,
                         tr("The possible duplicate unit %1 is already decided (%2).")
                             .arg(id)
                             .arg(decisionText(current->toString()))};
        return AuditLog::update(
            db, QStringLiteral("unit_duplicates"), id,
            {{QStringLiteral("decision"), decisionWord(decision)},
             {QStringLiteral("decided_by"), db.actor()},
             {QStringLiteral("decided_at"), db.clock().now().toUTC().toString(Qt::ISODate)}});
    });
}

Status UnitDuplicates::reopen(Database &db, qint64 id)
{
    return withTransaction(db, [&]() -> Status {
        auto current = db.value(QStringLiteral("SELECT decision FROM unit_duplicates WHERE id = ?"), {id});
        if (!current)
            return current.error();
        if (!current->isValid() || current->toString() == QLatin1String("open"))
            return Error{ErrorCode::InputRefused,
                         tr("The possible duplicate unit %1 is not decided.").arg(id)};
        return AuditLog::update(db, QStringLiteral("unit_duplicates"), id,
                                {{QStringLiteral("decision"), QStringLiteral("open")},
                                 {QStringLiteral("decided_by"), QVariant()},
                                 {QStringLiteral("decided_at"), QVariant()}});
    });
}

QString UnitDuplicates::groupNamesSql(Database &db)
{
    if (!db.mayRead(QStringLiteral("unit_duplicates")) || !db.mayRead(QStringLiteral("exchange_rows")))
        return QStringLiteral("SELECT id, name FROM units");
    // A unit merged into another takes that unit's name (the first merge, should there be two);
    // the partner's unit of an undecided or kept-apart pair its name with its office.
    return QStringLiteral(
               "SELECT u.id, coalesce((SELECT m.name FROM unit_duplicates d JOIN units m ON m.id = d.unit_id "
               "WHERE d.other_unit_id = u.id AND d.decision = 'merged' ORDER BY d.id LIMIT 1), CASE WHEN "
               "EXISTS (SELECT 1 FROM unit_duplicates d WHERE d.other_unit_id = u.id) THEN u.name || '（' || "
               "%1 || '）' ELSE u.name END) AS name FROM units u")
        .arg(officeOf(QStringLiteral("u")));
}

QString UnitDuplicates::unitsNamedSql(Database &db)
{
    return QStringLiteral("SELECT named.id FROM (%1) named WHERE named.name = ?").arg(groupNamesSql(db));
}

QString UnitDuplicates::groupName(Database &db, qint64 unitId)
{
    return db
        .scalar(QStringLiteral("SELECT name FROM (%1) g WHERE g.id = ?").arg(groupNamesSql(db)), {unitId})
        .toString();
}

QStringList UnitDuplicates::groupNames(Database &db)
{
    QStringList names;
    (void)db.forEachRow(QStringLiteral("SELECT name FROM (%1) g ORDER BY g.id").arg(groupNamesSql(db)), {},
                        [&names](const SqlRow &r) {
                            if (!names.contains(r.text(0)))
                                names << r.text(0);
                            return true;
                        });
    return names;
}

} // namespace rectrack::core::exchange
