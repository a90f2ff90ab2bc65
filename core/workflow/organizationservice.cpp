#include "organizationservice.h"

#include "categoryservice.h"
#include "storage/auditlog.h"

namespace rectrack::core {

Result<qint64> OrganizationService::addTerm(const Term &t)
{
    return withTransaction(m_db, [&] {
        return AuditLog::insert(m_db, QStringLiteral("terms"),
                                {{QStringLiteral("name"), t.name},
                                 {QStringLiteral("start_date"), sqlDate(t.start)},
                                 {QStringLiteral("end_date"), sqlDate(t.end)}});
    });
}

Result<qint64> OrganizationService::addRound(const Round &r)
{
    if (r.label.trimmed().isEmpty())
        return Error{ErrorCode::InputRefused, tr("A round needs a label.")};
    return withTransaction(m_db, [&] {
        return AuditLog::insert(m_db, QStringLiteral("rounds"),
                                {{QStringLiteral("term_id"), sqlId(r.termId)},
                                 {QStringLiteral("label"), r.label.trimmed()},
                                 {QStringLiteral("round_no"), r.roundNo},
                                 {QStringLiteral("batch_no"), r.batchNo},
                                 {QStringLiteral("start_date"), sqlDate(r.start)},
                                 {QStringLiteral("plan_months"), r.planMonths},
                                 {QStringLiteral("concentrated_months"), r.concentratedMonths}});
    });
}

Result<qint64> OrganizationService::ensureTeam(const QString &name)
{
    const QVariant id = m_db.scalar(QStringLiteral("SELECT id FROM teams WHERE name = ?"), {name.trimmed()});
    if (id.isValid())
        return id.toLongLong();
    return withTransaction(m_db, [&] {
        return AuditLog::insert(m_db, QStringLiteral("teams"), {{QStringLiteral("name"), name.trimmed()}});
    });
}

namespace {

/// ORDER BY terms putting this register's own units before units of the same name held for a
/// partner site (a possible duplicate unit, exchange::UnitDuplicates): a name given here means
/// the unit here. Empty where the login may not read exchange_rows.
QString ownUnitsFirst(Database &db)
{
    return db.mayRead(QStringLiteral("exchange_rows"))
               ? QStringLiteral("CASE WHEN uuid IN (SELECT uuid FROM exchange_rows) THEN 1 ELSE 0 END,")
               : QString();
}

} // namespace

Result<qint64> OrganizationService::ensureUnit(const QString &name, const QString &category)
{
    const QString n = name.trimmed();
    if (n.isEmpty())
        return Error{ErrorCode::InputRefused, tr("A unit needs a name.")};
    const QVariant id = m_db.scalar(
        QStringLiteral("SELECT id FROM units WHERE name = ? ORDER BY %1 id LIMIT 1").arg(ownUnitsFirst(m_db)),
        {n});
    if (id.isValid())
        return id.toLongLong();
    return withTransaction(m_db, [&] {
        return AuditLog::insert(m_db, QStringLiteral("units"),
                                {{QStringLiteral("name"), n},
                                 {QStringLiteral("category"), category.isEmpty() ? QVariant() : category}});
    });
}

Status OrganizationService::setMustCover(qint64 termId, qint64 unitId, bool mustCover)
{
    Transaction tx(m_db);
    if (!tx.active())
        return tx.error();
    const QVariant rowid = m_db.scalar(
        QStringLiteral("SELECT rowid FROM term_units WHERE term_id = ? AND unit_id = ?"), {termId, unitId});
    if (rowid.isValid()) {
        if (const Status s = AuditLog::update(m_db, QStringLiteral("term_units"), rowid.toLongLong(),
                                              {{QStringLiteral("must_cover"), mustCover ? 1 : 0}});
            !s)
            return s;
    } else {
        auto r = AuditLog::insert(m_db, QStringLiteral("term_units"),
                                  {{QStringLiteral("term_id"), termId},
                                   {QStringLiteral("unit_id"), unitId},
                                   {QStringLiteral("must_cover"), mustCover ? 1 : 0}});
        if (!r)
            return r.error();
    }
    return tx.commit();
}

Result<qint64> OrganizationService::addInspection(const Inspection &i)
{
    if (i.unitId <= 0)
        return Error{ErrorCode::InputRefused, tr("An inspection needs an inspected unit.")};
    return withTransaction(m_db, [&] {
        return AuditLog::insert(m_db, QStringLiteral("inspections"),
                                {{QStringLiteral("round_id"), sqlId(i.roundId)},
                                 {QStringLiteral("unit_id"), i.unitId},
                                 {QStringLiteral("team_id"), sqlId(i.teamId)},
                                 {QStringLiteral("kind"), Names::key(i.kind)},
                                 {QStringLiteral("source_level"), Names::key(i.source)},
                                 {QStringLiteral("theme"), i.theme.isEmpty() ? QVariant() : i.theme},
                                 {QStringLiteral("entry_date"), sqlDate(i.entryDate)},
                                 {QStringLiteral("feedback_date"), sqlDate(i.feedbackDate)},
                                 {QStringLiteral("plan_due"), sqlDate(i.planDue)},
                                 {QStringLiteral("report_due"), sqlDate(i.reportDue)}});
    });
}

Result<qint64> OrganizationService::ensureCategory(const QString &name, qint64 parentId)
{
    const QString n = name.trimmed();
    if (n.isEmpty())
        return Error{ErrorCode::InputRefused, tr("A category needs a name.")};
    const QVariant id =
        parentId > 0
            ? m_db.scalar(QStringLiteral("SELECT id FROM categories WHERE name = ? AND parent_id = ?"),
                          {n, parentId})
            : m_db.scalar(QStringLiteral("SELECT id FROM categories WHERE name = ? AND parent_id IS NULL"),
                          {n});
    if (id.isValid())
        return id.toLongLong();
    const int order = m_db.scalar(QStringLiteral("SELECT count(*) FROM categories")).toInt();
    return withTransaction(m_db, [&] {
        QVariantMap values{{QStringLiteral("name"), n},
                           {QStringLiteral("parent_id"), sqlId(parentId)},
                           {QStringLiteral("sort_order"), order}};
        // A standard category gets its fixed UUID, shared by every register (CategoryService).
        if (parentId <= 0 && CategoryService::standardNames().contains(n) &&
            !m_db.scalar(QStringLiteral("SELECT 1 FROM categories WHERE uuid = ?"),
                         {CategoryService::standardUuid(n)})
                 .isValid())
            values.insert(QStringLiteral("uuid"), CategoryService::standardUuid(n));
        return AuditLog::insert(m_db, QStringLiteral("categories"), values);
    });
}

std::optional<Unit> OrganizationService::unitByName(const QString &name)
{
    // The lookups of this service return plain values: a read error gives what was read before it
    // (here no unit), and a damaged page is recorded by the database (Database::damageSeen()).
    std::optional<Unit> unit;
    (void)m_db.forEachRow(
        QStringLiteral("SELECT id, name, category, district FROM units WHERE name = ? ORDER BY "
                       "%1 id")
            .arg(ownUnitsFirst(m_db)),
        {name.trimmed()}, [&](const SqlRow &r) {
            unit = Unit{r.integer(0), r.text(1), r.text(2), r.text(3)};
            return false;
        });
    return unit;
}

std::optional<Round> OrganizationService::roundByLabel(const QString &label)
{
    for (const Round &r : rounds()) {
        if (r.label == label.trimmed())
            return r;
    }
    return std::nullopt;
}

QList<Unit> OrganizationService::units()
{
    QList<Unit> out;
    (void)m_db.forEachRow(QStringLiteral("SELECT id, name, category, district FROM units ORDER BY id"), {},
                          [&](const SqlRow &r) {
                              out.append(Unit{r.integer(0), r.text(1), r.text(2), r.text(3)});
                          });
    return out;
}

QList<Round> OrganizationService::rounds()
{
    QList<Round> out;
    (void)m_db.forEachRow(
        QStringLiteral("SELECT id, term_id, label, round_no, batch_no, start_date, plan_months, "
                       "concentrated_months FROM rounds ORDER BY start_date, id"),
        {}, [&](const SqlRow &r) {
            Round x;
            x.id = r.integer(0);
            x.termId = r.integer(1);
            x.label = r.text(2);
            x.roundNo = r.int32(3);
            x.batchNo = r.int32(4);
            x.start = fromIso(r.text(5));
            x.planMonths = r.int32(6);
            x.concentratedMonths = r.int32(7);
            out.append(x);
        });
    return out;
}

QList<Term> OrganizationService::terms()
{
    QList<Term> out;
    (void)m_db.forEachRow(
        QStringLiteral("SELECT id, name, start_date, end_date FROM terms ORDER BY start_date, id"), {},
        [&](const SqlRow &r) {
            out.append(Term{r.integer(0), r.text(1), fromIso(r.text(2)), fromIso(r.text(3))});
        });
    return out;
}

QList<Inspection> OrganizationService::inspections()
{
    QList<Inspection> out;
    (void)m_db.forEachRow(
        QStringLiteral("SELECT id, round_id, unit_id, team_id, kind, source_level, theme, entry_date, "
                       "feedback_date, plan_due, report_due FROM inspections ORDER BY id"),
        {}, [&](const SqlRow &r) {
            Inspection i;
            i.id = r.integer(0);
            i.roundId = r.integer(1);
            i.unitId = r.integer(2);
            i.teamId = r.integer(3);
            i.kind = Names::inspectionKind(r.text(4)).value_or(InspectionKind::Regular);
            i.source = Names::sourceLevel(r.text(5)).value_or(SourceLevel::Municipal);
            i.theme = r.text(6);
            i.entryDate = fromIso(r.text(7));
            i.feedbackDate = fromIso(r.text(8));
            i.planDue = fromIso(r.text(9));
            i.reportDue = fromIso(r.text(10));
            out.append(i);
        });
    return out;
}

QString OrganizationService::categoryName(qint64 id)
{
    return m_db.scalar(QStringLiteral("SELECT name FROM categories WHERE id = ?"), {id}).toString();
}

} // namespace rectrack::core
