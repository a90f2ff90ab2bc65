#include "conflicts.h"

#include "exchangetables.h"

#include "storage/auditlog.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace rectrack::core::exchange {

namespace {

QString textOf(const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined())
        return {};
    if (v.isDouble()) {
        const double d = v.toDouble();
        return d == double(qint64(d)) ? QString::number(qint64(d)) : QString::number(d);
    }
    if (v.isBool())
        return v.toBool() ? QStringLiteral("1") : QStringLiteral("0");
    return v.toString();
}

/// A readable name of a row from its values: registration number and text, a name, a label.
QString recordOf(const QString &entity, const QJsonObject &values)
{
    QStringList parts;
    for (const char *key : {"registration_no", "name", "label"})
        if (const QString t = textOf(values.value(QLatin1String(key))); !t.isEmpty())
            parts << t;
    for (const char *key : {"description", "content", "summary", "note"})
        if (const QString t = textOf(values.value(QLatin1String(key))); !t.isEmpty()) {
            parts << (t.size() > 30 ? t.left(29) + QChar(0x2026) : t);
            break;
        }
    return parts.isEmpty() ? entity : parts.join(u' ');
}

QString decisionKey(Conflicts::Decision d)
{
    switch (d) {
    case Conflicts::Decision::Keep:
        return QStringLiteral("keep");
    case Conflicts::Decision::Accept:
        return QStringLiteral("accept");
    case Conflicts::Decision::Edit:
        break;
    }
    return QStringLiteral("edit");
}

/// The decision of a resolution JSON as a sentence.
QString decisionSentence(const QJsonObject &r, bool partners, const QString &partner)
{
    const QString d = r.value(QLatin1String("decision")).toString();
    QString s;
    if (d == QLatin1String("keep"))
        s = Conflicts::tr("kept this register's row");
    else if (d == QLatin1String("accept"))
        s = Conflicts::tr("took the partner's values");
    else
        s = Conflicts::tr("set %1 to \"%2\"")
                .arg(r.value(QLatin1String("field")).toString(), r.value(QLatin1String("value")).toString());
    if (partners)
        return Conflicts::tr("%1 decided: %2").arg(partner, s);
    return s;
}

} // namespace

QString Conflicts::kindText(const QString &kind)
{
    if (kind == QLatin1String("owned_here"))
        return tr("the package changes a row this register owns");
    if (kind == QLatin1String("owned_by_other_site"))
        return tr("the package changes a row held here for a third site");
    if (kind == QLatin1String("name_taken"))
        return tr("the name is already taken here by another row (a possible duplicate; references go to "
                  "the row here)");
    if (kind == QLatin1String("missing_reference"))
        return tr("a row it refers to is not here");
    if (kind == QLatin1String("still_referenced"))
        return tr("the package deletes a row that rows here still refer to");
    if (kind == QLatin1String("partner_decision"))
        return tr("the partner's decision on a conflict about a row of this register");
    return kind;
}

Result<QList<Conflict>> Conflicts::list(Database &db, bool all)
{
    QList<Conflict> out;
    QList<QJsonObject> incoming;
    const Status s = db.forEachRow(
        QStringLiteral(
            "SELECT c.id, c.uuid, coalesce(s.office, ''), c.seq, c.entity, c.row_uuid, c.kind, "
            "coalesce(c.incoming_json, ''), coalesce(c.recorded_at, ''), coalesce(c.resolution, '') "
            "FROM exchange_conflicts c LEFT JOIN exchange_sites s ON s.uuid = c.partner%1 ORDER BY "
            "c.id")
            .arg(all ? QString() : QStringLiteral(" WHERE c.resolution IS NULL")),
        {}, [&](const SqlRow &r) {
            Conflict c;
            c.id = r.integer(0);
            c.uuid = r.text(1);
            c.partnerOffice = r.text(2);
            c.seq = r.integer(3);
            c.entity = r.text(4);
            c.rowUuid = r.text(5);
            c.kind = r.text(6);
            c.recordedAt = r.text(8);
            const QJsonObject resolution = QJsonDocument::fromJson(r.text(9).toUtf8()).object();
            c.decision = resolution.value(QLatin1String("decision")).toString();
            if (!c.decision.isEmpty())
                c.decisionText = decisionSentence(resolution, c.kind == QLatin1String("partner_decision"),
                                                  c.partnerOffice);
            out << c;
            incoming << QJsonDocument::fromJson(r.text(7).toUtf8()).object();
        });
    if (!s)
        return s.error();
    RowReader reader(db);
    for (qsizetype i = 0; i < out.size(); ++i) {
        Conflict &c = out[i];
        if (c.kind == QLatin1String("partner_decision")) {
            auto ours = reader.values(c.entity, c.rowUuid);
            if (!ours)
                return ours.error();
            c.record = *ours ? recordOf(c.entity, **ours) : c.entity;
            const QJsonObject d = incoming.at(i);
            if (!d.value(QLatin1String("field")).toString().isEmpty())
                c.fields << ConflictField{d.value(QLatin1String("field")).toString(), QString(),
                                          d.value(QLatin1String("value")).toString()};
            continue;
        }
        const QJsonObject theirs = incoming.at(i).value(QLatin1String("values")).toObject();
        const TableSpec *spec = specOf(c.entity);
        std::optional<QJsonObject> ours;
        if (c.kind == QLatin1String("name_taken") && spec && !spec->uniqueName.isEmpty()) {
            const QString alias =
                db.scalar(QStringLiteral("SELECT uuid FROM %1 WHERE %2 = ?").arg(c.entity, spec->uniqueName),
                          {theirs.value(spec->uniqueName).toString()})
                    .toString();
            if (!alias.isEmpty()) {
                auto v = reader.values(c.entity, alias);
                if (!v)
                    return v.error();
                ours = *v;
            }
        } else {
            auto v = reader.values(c.entity, c.rowUuid);
            if (!v)
                return v.error();
            ours = *v;
        }
        c.record = recordOf(c.entity, ours ? *ours : theirs);
        if (ours && !theirs.isEmpty()) {
            QStringList keys = theirs.keys();
            for (const QString &k : ours->keys())
                if (!keys.contains(k))
                    keys << k;
            for (const QString &k : std::as_const(keys))
                if (ours->value(k) != theirs.value(k))
                    c.fields << ConflictField{k, textOf(ours->value(k)), textOf(theirs.value(k))};
        }
    }
    return out;
}

Result<qint64> Conflicts::openCount(Database &db)
{
    auto v = db.value(QStringLiteral("SELECT count(*) FROM exchange_conflicts WHERE resolution IS NULL"));
    if (!v)
        return v.error();
    return v->toLongLong();
}

Status Conflicts::resolve(Database &db, qint64 id, Decision decision, const QString &field,
                          const QString &value)
{
    return withTransaction(db, [&]() -> Status {
        QString entity, rowUuid, kind, incomingJson;
        bool found = false, decided = false;
        if (const Status s = db.forEachRow(
                QStringLiteral("SELECT entity, row_uuid, kind, coalesce(incoming_json, ''), resolution FROM "
                               "exchange_conflicts WHERE id = ?"),
                {id},
                [&](const SqlRow &r) {
                    found = true;
                    entity = r.text(0);
                    rowUuid = r.text(1);
                    kind = r.text(2);
                    incomingJson = r.text(3);
                    decided = !r.isNull(4);
                });
            !s)
            return s;
        if (!found)
            return Error{ErrorCode::InputRefused, tr("There is no conflict %1.").arg(id)};
        if (decided)
            return Error{ErrorCode::InputRefused, tr("Conflict %1 is already decided.").arg(id)};
        QJsonObject resolution{{QStringLiteral("decision"), decisionKey(decision)},
                               {QStringLiteral("decidedAt"), db.clock().now().toUTC().toString(Qt::ISODate)}};
        if (decision != Decision::Keep) {
            if (kind != QLatin1String("owned_here"))
                return Error{
                    ErrorCode::InputRefused,
                    tr("Conflict %1 is not about a row this register owns (%2): it can only be kept.")
                        .arg(id)
                        .arg(kindText(kind))};
            const TableSpec *spec = specOf(entity);
            const qint64 rowId =
                db.scalar(QStringLiteral("SELECT id FROM %1 WHERE uuid = ?").arg(entity), {rowUuid})
                    .toLongLong();
            if (!spec || rowId <= 0)
                return Error{
                    ErrorCode::InputRefused,
                    tr("The row of conflict %1 is no longer in this register: it can only be kept.").arg(id)};
            RowReader reader(db);
            auto ours = reader.values(entity, rowUuid);
            if (!ours)
                return ours.error();
            const QJsonObject theirs = QJsonDocument::fromJson(incomingJson.toUtf8())
                                           .object()
                                           .value(QLatin1String("values"))
                                           .toObject();
            auto isReference = [&](const QString &column) {
                for (const auto &fk : spec->foreignKeys)
                    if (fk.first == column)
                        return true;
                return false;
            };
            QVariantMap binds;
            if (decision == Decision::Accept) {
                for (auto it = theirs.begin(); it != theirs.end(); ++it) {
                    if (*ours && (**ours).value(it.key()) == it.value())
                        continue;
                    if (isReference(it.key())) {
                        const TableSpec *target = nullptr;
                        for (const auto &fk : spec->foreignKeys)
                            if (fk.first == it.key())
                                target = specOf(fk.second);
                        if (it.value().isNull()) {
                            binds.insert(it.key(), QVariant());
                            continue;
                        }
                        const QString ref = it.value().toString();
                        const QString alias =
                            db.scalar(QStringLiteral("SELECT alias_of FROM exchange_rows WHERE uuid = ?"),
                                      {ref})
                                .toString();
                        const QVariant local =
                            db.scalar(QStringLiteral("SELECT id FROM %1 WHERE uuid = ?").arg(target->name),
                                      {alias.isEmpty() ? ref : alias});
                        if (!local.isValid())
                            return Error{
                                ErrorCode::InputRefused,
                                tr("Conflict %1: the row that %2 refers to is not here; keep the row "
                                   "or edit it.")
                                    .arg(id)
                                    .arg(it.key())};
                        binds.insert(it.key(), local.toLongLong());
                    } else {
                        binds.insert(it.key(), bindOf(it.value()));
                    }
                }
            } else {
                if (!*ours || !(**ours).contains(field) || isReference(field))
                    return Error{ErrorCode::InputRefused,
                                 tr("%1 is not a field of this row that can be edited here.").arg(field)};
                const QJsonValue old = (**ours).value(field);
                QVariant bound = value;
                if (old.isDouble() || theirs.value(field).isDouble()) {
                    bool ok = false;
                    const double d = value.toDouble(&ok);
                    if (!ok)
                        return Error{ErrorCode::InputRefused,
                                     tr("%1 takes a number, not \"%2\".").arg(field, value)};
                    bound = bindOf(QJsonValue(d));
                }
                binds.insert(field, bound);
                resolution.insert(QStringLiteral("field"), field);
                resolution.insert(QStringLiteral("value"), value);
            }
            if (!binds.isEmpty())
                if (const Status s = AuditLog::update(db, entity, rowId, binds); !s)
                    return s;
        }
        return AuditLog::update(db, QStringLiteral("exchange_conflicts"), id,
                                {{QStringLiteral("resolution"), AuditLog::compactJson(resolution)}});
    });
}

Result<QJsonArray> Conflicts::decisionsFor(Database &db, const QString &partnerRow)
{
    QJsonArray out;
    const Status s = db.forEachRow(
        QStringLiteral(
            "SELECT uuid, entity, row_uuid, kind, seq, resolution FROM exchange_conflicts WHERE partner "
            "= ? AND resolution IS NOT NULL AND kind <> 'partner_decision' ORDER BY uuid"),
        {partnerRow}, [&](const SqlRow &r) {
            QJsonObject d = QJsonDocument::fromJson(r.text(5).toUtf8()).object();
            d.insert(QStringLiteral("conflict"), r.text(0));
            d.insert(QStringLiteral("entity"), r.text(1));
            d.insert(QStringLiteral("row"), r.text(2));
            d.insert(QStringLiteral("kind"), r.text(3));
            d.insert(QStringLiteral("seq"), r.integer(4));
            out << d;
        });
    if (!s)
        return s.error();
    return out;
}

Result<qint64> Conflicts::recordPartnerDecisions(Database &db, const QString &partnerRow, qint64 seq,
                                                 const QJsonArray &decisions)
{
    qint64 added = 0;
    for (const QJsonValue &v : decisions) {
        const QJsonObject d = v.toObject();
        const QString uuid = d.value(QLatin1String("conflict")).toString();
        const QString entity = d.value(QLatin1String("entity")).toString();
        if (uuid.isEmpty() || !specOf(entity))
            return Error{ErrorCode::InputRefused, tr("The package holds a decision on a conflict without its "
                                                     "UUID or table.")};
        auto known = db.value(QStringLiteral("SELECT 1 FROM exchange_conflicts WHERE uuid = ?"), {uuid});
        if (!known)
            return known.error();
        if (known->isValid())
            continue;
        const QString json = AuditLog::compactJson(d);
        auto id =
            AuditLog::insert(db, QStringLiteral("exchange_conflicts"),
                             {{QStringLiteral("uuid"), uuid},
                              {QStringLiteral("partner"), partnerRow},
                              {QStringLiteral("seq"), seq},
                              {QStringLiteral("entity"), entity},
                              {QStringLiteral("row_uuid"), d.value(QLatin1String("row")).toString()},
                              {QStringLiteral("kind"), QStringLiteral("partner_decision")},
                              {QStringLiteral("incoming_json"), json},
                              {QStringLiteral("recorded_at"), db.clock().now().toUTC().toString(Qt::ISODate)},
                              {QStringLiteral("resolution"), json}});
        if (!id)
            return id.error();
        ++added;
    }
    return added;
}

} // namespace rectrack::core::exchange
