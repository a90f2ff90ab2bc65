// Exchange packages between registers (issue #25): sites, packages, export, import, and a seeded
// simulation of one city and three districts.
#include <catch2/catch.hpp>

#include "exchange/exchange.h"
#include "exchange/package.h"
#include "exchange/signing.h"
#include "exchange/sites.h"
#include "exchangefixtures.h"
#include "stats/statistics.h"
#include "storage/auditlog.h"
#include "storage/registercopy.h"
#include "storage/schema.h"
#include "testsupport.h"
#include "workflow/categoryservice.h"
#include "workflow/organizationservice.h"
#include "workflow/problemservice.h"
#include "workflow/supervisionservice.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

#include <memory>

using namespace rectrack::core;
using namespace rectrack::core::exchange;
using rectrack::test::readAll;
using rectrack::test::TempRegister;
using rectrack::test::writeAll;

namespace {

QString auditHead(Database &db)
{
    return db.scalar(QStringLiteral("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1")).toString();
}

/// One register that is a site, with a unit of its own.
struct SiteRegister
{
    explicit SiteRegister(const QString &office, const QString &unitName)
    {
        REQUIRE(CategoryService(*reg.db).addStandardCategories().ok());
        REQUIRE(Sites::setup(*reg.db, office).ok());
        auto u = OrganizationService(*reg.db).ensureUnit(unitName);
        REQUIRE(u.ok());
        unit = *u;
        self = *Sites::self(*reg.db);
    }
    Database &db() { return *reg.db; }

    qint64 addProblem(const QString &text, int measures)
    {
        Problem p;
        p.unitId = unit;
        p.registrationNo = QStringLiteral("R-%1").arg(++serial);
        p.description = text;
        p.feedbackDate = QDate(2020, 4, 10);
        p.deadline = QDate(2020, 12, 31);
        p.categoryId =
            db().scalar(QStringLiteral("SELECT id FROM categories WHERE uuid = ?"),
                        {CategoryService::standardUuid(CategoryService::standardNames().at(serial % 4))})
                .toLongLong();
        QList<Measure> ms;
        for (int i = 0; i < measures; ++i) {
            Measure m;
            m.content = QStringLiteral("%1 措施%2").arg(text).arg(i + 1);
            m.deadline = QDate(2020, 10, 31);
            ms << m;
        }
        auto id = ProblemService(db()).registerProblem(p, ms);
        REQUIRE(id.ok());
        return *id;
    }

    QString exportTo(const QString &to, const QString &dir, bool evidence = true)
    {
        ExportOptions o;
        o.to = to;
        o.output = dir;
        o.evidence = evidence;
        auto r = Exchange::exportPackage(db(), o);
        REQUIRE(r.ok());
        return r->file;
    }

    /// This site's own rows (canonical form) by UUID.
    QMap<QString, QString> ownRows()
    {
        auto held = Exchange::heldRows(db());
        REQUIRE(held.ok());
        QMap<QString, QString> out;
        for (auto it = held->cbegin(); it != held->cend(); ++it)
            if (it->owner == self.siteUuid)
                out.insert(it.key(), it->json);
        return out;
    }

    TempRegister reg{QDate(2020, 9, 1)};
    qint64 unit = 0;
    int serial = 0;
    Site self;
};

} // namespace

TEST_CASE("a site has one identity with an Ed25519 key pair", "[exchange]")
{
    TempRegister reg;
    CHECK(Sites::self(*reg.db).error().code == ErrorCode::InputRefused);
    REQUIRE(Sites::setup(*reg.db, QStringLiteral("  思明区委巡察办 ")).ok());
    const Site me = *Sites::self(*reg.db);
    CHECK(me.office == QStringLiteral("思明区委巡察办"));
    CHECK(me.siteUuid.size() == 36);
    CHECK(me.publicKey.size() == 32);
    CHECK(me.privateKey.size() == 32);
    CHECK(me.fingerprint == fingerprint(me.publicKey));
    CHECK(me.fingerprint.size() == 39); // 8 groups of 4 hex digits
    // Made once: a second setup is refused and changes nothing.
    const qint64 entries = AuditLog::length(*reg.db);
    CHECK(Sites::setup(*reg.db, QStringLiteral("别的办")).error().code == ErrorCode::InputRefused);
    CHECK(AuditLog::length(*reg.db) == entries);
    // The private key is not in the audit log; the register still verifies.
    CHECK(reg.db
              ->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE after_json LIKE ?"),
                       {QStringLiteral("%private_key%")})
              .toInt() == 0);
    CHECK(Verifier::verify(*reg.db).ok());

    const QByteArray message("manifest");
    const QByteArray sig = sign(me.privateKey, message);
    CHECK(sig.size() == 64);
    CHECK(verify(me.publicKey, message, sig));
    CHECK_FALSE(verify(me.publicKey, QByteArray("manifesT"), sig));
    const KeyPair other = generateKeyPair();
    CHECK_FALSE(verify(other.publicKey, message, sig));
}

TEST_CASE("the package archive is canonical: every changed byte is found", "[exchange]")
{
    const PackageEntries entries{{QStringLiteral("manifest.json"), QByteArray("{\"a\": 1}\n")},
                                 {QStringLiteral("说明.txt"), QStringLiteral("说明").toUtf8()},
                                 {QStringLiteral("evidence/00"), QByteArray()}};
    auto bytes = PackageArchive::write(entries);
    REQUIRE(bytes.ok());
    CHECK(*PackageArchive::write(entries) == *bytes);
    auto back = PackageArchive::read(*bytes, QStringLiteral("p.rtx"));
    REQUIRE(back.ok());
    CHECK(*back == entries);
    std::vector<long long> unseen; // offsets whose change was not found
    for (int i = 0; i < bytes->size(); ++i) {
        QByteArray bad = *bytes;
        bad[i] = char(bad[i] ^ 0x01);
        if (PackageArchive::read(bad, QStringLiteral("p.rtx")).ok())
            unseen.push_back(i);
    }
    CHECK(bytes->size() > 200);
    CHECK(unseen == std::vector<long long>{});
}

TEST_CASE("a district's package brings the city level, and a second import changes nothing", "[exchange]")
{
    SiteRegister d(QStringLiteral("思明区委巡察办"), QStringLiteral("思明区教育局"));
    SiteRegister c(QStringLiteral("市委巡察办"), QStringLiteral("市财政局"));
    const qint64 p1 = d.addProblem(QStringLiteral("食堂管理不规范"), 2);
    const qint64 p2 = d.addProblem(QStringLiteral("公务接待超标准"), 1);
    ProblemService problems(d.db());
    REQUIRE(problems.addProgress({0, p1, 0, QDate(2020, 5, 1), QStringLiteral("已制定方案"), {}}).ok());
    REQUIRE(problems.addEvidence(p1, 0, QStringLiteral("方案.pdf"), QByteArray("%PDF-1.4 evidence")).ok());
    REQUIRE(
        problems.addEvidence(p2, 0, QStringLiteral("同一文件.pdf"), QByteArray("%PDF-1.4 evidence")).ok());
    c.addProblem(QStringLiteral("市财政局自己的问题"), 1);

    QTemporaryDir out;
    const QString file = d.exportTo(QStringLiteral("市委巡察办"), out.path());
    CHECK(QFileInfo(file).fileName().startsWith(QStringLiteral("思明区委巡察办-市委巡察办-000001-")));
    // The same package again (nothing changed): the same bytes under the same sequence.
    const QByteArray first = readAll(file);
    QTemporaryDir again;
    const QString file2 = d.exportTo(QStringLiteral("市委巡察办"), again.path());
    CHECK(QFileInfo(file2).fileName() == QFileInfo(file).fileName());
    CHECK(readAll(file2) == first);
    // The evidence file travels once under its SHA-256.
    auto entries = PackageArchive::read(first, QStringLiteral("p"));
    REQUIRE(entries.ok());
    int evidenceFiles = 0;
    for (const auto &e : *entries)
        evidenceFiles += e.first.startsWith(QLatin1String("evidence/")) ? 1 : 0;
    CHECK(evidenceFiles == 1);
    CHECK(entries->at(0).first == QStringLiteral("manifest.json"));

    // Not yet trusted: refused, nothing written, the fingerprint named.
    const qint64 before = AuditLog::length(c.db());
    auto untrusted = Exchange::importPackage(c.db(), file, false, false);
    REQUIRE_FALSE(untrusted.ok());
    CHECK(untrusted.error().code == ErrorCode::InputRefused);
    CHECK(untrusted.error().message.contains(d.self.fingerprint));
    CHECK(AuditLog::length(c.db()) == before);

    // A dry run counts per unit and writes nothing.
    auto dry = Exchange::importPackage(c.db(), file, true, true);
    REQUIRE(dry.ok());
    CHECK(dry->byUnit.value(QStringLiteral("思明区教育局")).added == dry->total.added);
    CHECK(AuditLog::length(c.db()) == before);

    auto applied = Exchange::importPackage(c.db(), file, false, true);
    REQUIRE(applied.ok());
    CHECK(applied->outcome == ImportResult::Outcome::Applied);
    CHECK(applied->trustedNow);
    CHECK(applied->total.added == dry->total.added);
    CHECK(applied->total.conflicts == 0);
    // Unit, 2 problems, 3 measures, their state rows, a progress entry, 2 evidence rows.
    CHECK(c.db().scalar(QStringLiteral("SELECT count(*) FROM problems")).toInt() == 3);
    CHECK(c.db().scalar(QStringLiteral("SELECT count(*) FROM measures")).toInt() == 4);
    CHECK(c.db().scalar(QStringLiteral("SELECT count(*) FROM evidence")).toInt() == 2);
    CHECK(c.db()
              .scalar(QStringLiteral("SELECT count(*) FROM exchange_rows WHERE owner_site = ?"),
                      {d.self.siteUuid})
              .toInt() == applied->total.added);
    // Every row of the district is identical in the city.
    auto held = Exchange::heldRows(c.db());
    REQUIRE(held.ok());
    const QMap<QString, QString> districtRows = d.ownRows();
    for (auto it = districtRows.cbegin(); it != districtRows.cend(); ++it) {
        INFO(it.key().toStdString());
        REQUIRE(held->contains(it.key()));
        CHECK(held->value(it.key()).json == *it);
        CHECK(held->value(it.key()).owner == d.self.siteUuid);
    }
    CHECK(Verifier::verify(c.db()).ok());
    // The statistics of the district's unit are the same on both.
    auto cu = Statistics::compute(c.db(), QDate(2020, 9, 1), GroupBy::Unit);
    auto du = Statistics::compute(d.db(), QDate(2020, 9, 1), GroupBy::Unit);
    REQUIRE(cu.ok());
    REQUIRE(du.ok());
    CHECK(cu->total.problems == 3);
    CHECK(du->total.problems == 2);
    auto groupOf = [](const StatsResult &r, const QString &key) {
        for (const GroupCounts &g : r.groups)
            if (g.key == key)
                return g.counts;
        return Counts{};
    };
    const Counts inCity = groupOf(*cu, QStringLiteral("思明区教育局"));
    const Counts inDistrict = groupOf(*du, QStringLiteral("思明区教育局"));
    CHECK(inCity.problems == 2);
    CHECK(inCity.measures == 3);
    CHECK(inCity.inProgress == inDistrict.inProgress);
    CHECK(inCity.registered == inDistrict.registered);
    CHECK(inCity.overdue == inDistrict.overdue);

    // A second import is a no-op: already covered, the same audit head.
    const QString head = auditHead(c.db());
    auto second = Exchange::importPackage(c.db(), file, false, false);
    REQUIRE(second.ok());
    CHECK(second->outcome == ImportResult::Outcome::AlreadyCovered);
    CHECK(auditHead(c.db()) == head);

    // A tombstone: the district removes a measure; the next package removes it in the city.
    const qint64 measure = problems.measures(p1).first().id;
    const QString measureUuid =
        d.db().scalar(QStringLiteral("SELECT uuid FROM measures WHERE id = ?"), {measure}).toString();
    REQUIRE(problems.removeMeasure(measure).ok());
    QTemporaryDir out3;
    const QString file3 = d.exportTo(QStringLiteral("市委巡察办"), out3.path());
    CHECK(QFileInfo(file3).fileName().contains(QStringLiteral("-000002-")));
    auto third = Exchange::importPackage(c.db(), file3, false, false);
    REQUIRE(third.ok());
    CHECK(third->total.deleted == 1);
    CHECK(c.db()
              .scalar(QStringLiteral("SELECT count(*) FROM measures WHERE uuid = ?"), {measureUuid})
              .toInt() == 0);
    CHECK(c.db()
              .scalar(QStringLiteral("SELECT deleted FROM exchange_rows WHERE uuid = ?"), {measureUuid})
              .toInt() == 1);
    CHECK(Verifier::verify(c.db()).ok());
    CHECK(Verifier::verify(d.db()).ok());
}

TEST_CASE("a package changed anywhere, or signed by another key, is refused and changes nothing",
          "[exchange]")
{
    SiteRegister d(QStringLiteral("思明区委巡察办"), QStringLiteral("思明区教育局"));
    SiteRegister c(QStringLiteral("市委巡察办"), QStringLiteral("市财政局"));
    d.addProblem(QStringLiteral("食堂管理不规范"), 2);
    QTemporaryDir out;
    const QString file = d.exportTo(QStringLiteral("市委巡察办"), out.path());
    REQUIRE(Exchange::importPackage(c.db(), file, false, true).ok());
    d.addProblem(QStringLiteral("公务用车管理不严"), 1);
    QTemporaryDir out2;
    const QString file2 = d.exportTo(QStringLiteral("市委巡察办"), out2.path());
    const QByteArray good = readAll(file2);
    const QString head = auditHead(c.db());
    const QString bad = out2.filePath(QStringLiteral("bad.rtx"));

    // One flipped byte anywhere (every 7th byte, and the last one).
    std::vector<qsizetype> offsets;
    for (qsizetype i = 0; i < good.size(); i += 7)
        offsets.push_back(i);
    offsets.push_back(good.size() - 1);
    std::vector<long long> unseen; // offsets whose change was not refused
    for (const qsizetype i : offsets) {
        QByteArray b = good;
        b[i] = char(b[i] ^ 0x20);
        writeAll(bad, b);
        auto r = Exchange::importPackage(c.db(), bad, false, true);
        if (r.ok() || r.error().code != ErrorCode::InputRefused)
            unseen.push_back(i);
    }
    CHECK(offsets.size() > 100);
    CHECK(unseen == std::vector<long long>{});
    CHECK(auditHead(c.db()) == head);

    // Signed by another key: the manifest re-signed with a new key that claims the district's site.
    auto entries = PackageArchive::read(good, QStringLiteral("p"));
    REQUIRE(entries.ok());
    QJsonObject manifest = QJsonDocument::fromJson(entries->at(0).second).object();
    const KeyPair other = generateKeyPair();
    QJsonObject sender = manifest.value(QLatin1String("sender")).toObject();
    sender.insert(QStringLiteral("publicKey"), QString::fromLatin1(other.publicKey.toBase64()));
    manifest.insert(QStringLiteral("sender"), sender);
    const QByteArray json = QJsonDocument(manifest).toJson(QJsonDocument::Indented);
    PackageEntries forged = *entries;
    forged[0].second = json;
    forged[1].second = sign(other.privateKey, json).toBase64() + '\n';
    writeAll(bad, *PackageArchive::write(forged));
    for (bool trust : {false, true}) {
        auto r = Exchange::importPackage(c.db(), bad, false, trust);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::InputRefused);
        CHECK(r.error().message.contains(fingerprint(other.publicKey)));
    }
    CHECK(auditHead(c.db()) == head);

    // Addressed to another register: refused.
    SiteRegister e(QStringLiteral("湖里区委巡察办"), QStringLiteral("湖里区民政局"));
    auto wrong = Exchange::importPackage(e.db(), file2, false, true);
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().message.contains(QStringLiteral("市委巡察办")));

    // The intact package still applies.
    auto ok = Exchange::importPackage(c.db(), file2, false, false);
    REQUIRE(ok.ok());
    CHECK(ok->total.added > 0);
}

TEST_CASE("rows the receiver owns are never overwritten: the attempt is a conflict", "[exchange]")
{
    SiteRegister d(QStringLiteral("思明区委巡察办"), QStringLiteral("思明区教育局"));
    SiteRegister c(QStringLiteral("市委巡察办"), QStringLiteral("市财政局"));
    d.addProblem(QStringLiteral("食堂管理不规范"), 1);
    const qint64 cityProblem = c.addProblem(QStringLiteral("市财政局自己的问题"), 1);
    const QString cityUuid =
        c.db().scalar(QStringLiteral("SELECT uuid FROM problems WHERE id = ?"), {cityProblem}).toString();
    const QMap<QString, QString> cityRows = c.ownRows();

    // The district's package, with a row that claims the city's problem, signed with the district's key.
    QTemporaryDir out;
    const QString file = d.exportTo(QStringLiteral("市委巡察办"), out.path());
    auto entries = PackageArchive::read(readAll(file), QStringLiteral("p"));
    REQUIRE(entries.ok());
    QJsonObject claim;
    for (const auto &[name, bytes] : *entries) {
        if (name == QLatin1String("rows.json"))
            claim = QJsonDocument::fromJson(bytes)
                        .object()
                        .value(QLatin1String("tables"))
                        .toObject()
                        .value(QLatin1String("problems"))
                        .toArray()
                        .at(0)
                        .toObject();
    }
    REQUIRE_FALSE(claim.isEmpty());
    claim.insert(QStringLiteral("uuid"), cityUuid);
    claim.insert(QStringLiteral("version"), 999999);
    const QString forged = rectrack::test::withExtraProblems(file, {claim}, d.self.privateKey,
                                                             out.filePath(QStringLiteral("forged.rtx")));

    auto r = Exchange::importPackage(c.db(), forged, false, true);
    REQUIRE(r.ok());
    CHECK(r->total.conflicts == 1);
    CHECK(c.ownRows() == cityRows);
    CHECK(c.db()
              .scalar(QStringLiteral("SELECT kind FROM exchange_conflicts WHERE row_uuid = ?"), {cityUuid})
              .toString() == QStringLiteral("owned_here"));
    CHECK(Verifier::verify(c.db()).ok());
}

TEST_CASE(
    "seeded simulation: one city, three districts, 20 rounds of lost, duplicated, reordered and replayed "
    "packages converge",
    "[exchange][simulation]")
{
    QRandomGenerator rng(20251206);
    const QStringList offices{QStringLiteral("市委巡察办"), QStringLiteral("思明区委巡察办"),
                              QStringLiteral("湖里区委巡察办"), QStringLiteral("集美区委巡察办")};
    const QStringList unitNames{QStringLiteral("市财政局"), QStringLiteral("思明区教育局"),
                                QStringLiteral("湖里区民政局"), QStringLiteral("集美区卫健局")};
    std::vector<std::unique_ptr<SiteRegister>> sites;
    for (int i = 0; i < 4; ++i)
        sites.push_back(std::make_unique<SiteRegister>(offices.at(i), unitNames.at(i)));
    QTemporaryDir mail;
    struct Parcel
    {
        int from;
        int to;
        QString file;
    };
    QList<Parcel> sentEver;
    QSet<QString> hardDeleted; // uuids removed by their owner
    int parcelNo = 0;
    auto partnersOf = [](int i) { return i == 0 ? QList<int>{1, 2, 3} : QList<int>{0}; };
    auto deliver = [&](const Parcel &p) {
        SiteRegister &to = *sites[size_t(p.to)];
        const QMap<QString, QString> own = to.ownRows();
        auto r = Exchange::importPackage(to.db(), p.file, false, true);
        REQUIRE(r.ok());
        // No row the receiver owns was touched.
        CHECK(to.ownRows() == own);
    };
    auto sendAll = [&]() {
        QList<Parcel> out;
        for (int i = 0; i < 4; ++i)
            for (int j : partnersOf(i)) {
                const QString dir = mail.filePath(QString::number(++parcelNo));
                out << Parcel{i, j, sites[size_t(i)]->exportTo(offices.at(j), dir)};
            }
        return out;
    };
    // Random edits of a site's own rows.
    auto edit = [&](int i) {
        SiteRegister &s = *sites[size_t(i)];
        ProblemService problems(s.db());
        SupervisionService supervision(s.db());
        QList<qint64> mine;
        s.db().forEachRow(
            QStringLiteral("SELECT id FROM problems WHERE unit_id = ? AND deleted_at IS NULL ORDER BY id"),
            {s.unit}, [&](const SqlRow &r) { mine << r.integer(0); });
        const int n = int(rng.bounded(4));
        for (int k = 0; k < n; ++k) {
            const int op = int(rng.bounded(7));
            if (op == 0 || mine.isEmpty()) {
                mine << s.addProblem(QStringLiteral("%1 问题%2").arg(unitNames.at(i)).arg(s.serial + 1),
                                     int(rng.bounded(3)));
                continue;
            }
            const qint64 p = mine.at(int(rng.bounded(int(mine.size()))));
            if (op == 1) {
                REQUIRE(problems
                            .addProgress({0,
                                          p,
                                          0,
                                          QDate(2020, 5, 1).addDays(rng.bounded(100)),
                                          QStringLiteral("进展%1").arg(rng.bounded(1000)),
                                          {}})
                            .ok());
            } else if (op == 2) {
                (void)supervision.changeState(p, ProblemState::InProgress, QDate(2020, 6, 1));
            } else if (op == 3) {
                const QList<Measure> ms = problems.measures(p);
                if (!ms.isEmpty()) {
                    const QString uuid =
                        s.db()
                            .scalar(QStringLiteral("SELECT uuid FROM measures WHERE id = ?"), {ms.first().id})
                            .toString();
                    if (problems.removeMeasure(ms.first().id).ok())
                        hardDeleted.insert(uuid);
                }
            } else if (op == 4) {
                REQUIRE(problems
                            .addEvidence(p, 0, QStringLiteral("佐证%1.pdf").arg(rng.bounded(5)),
                                         QByteArray("evidence ") + QByteArray::number(rng.bounded(5)))
                            .ok());
            } else if (op == 5) {
                std::optional<Problem> pr = problems.problem(p);
                REQUIRE(pr);
                pr->note = QStringLiteral("备注%1").arg(rng.bounded(1000));
                REQUIRE(problems.updateProblem(*pr).ok());
            } else if (i == 0) {
                // The city supervises a problem it holds, its own or a district's.
                QList<qint64> held;
                s.db().forEachRow(
                    QStringLiteral("SELECT id FROM problems WHERE deleted_at IS NULL ORDER BY id"), {},
                    [&](const SqlRow &r) { held << r.integer(0); });
                SupervisionAction a;
                a.problemId = held.at(int(rng.bounded(int(held.size()))));
                a.date = QDate(2020, 7, 1);
                a.note = QStringLiteral("督办%1").arg(rng.bounded(1000));
                REQUIRE(supervision.addAction(a).ok());
            } else {
                REQUIRE(problems.deleteProblem(p).ok());
                mine.removeAll(p);
            }
        }
    };

    // Round 0 without loss: every site learns its partners' keys.
    for (const Parcel &p : sendAll())
        deliver(p);
    for (int round = 1; round <= 20; ++round) {
        for (int i = 0; i < 4; ++i)
            edit(i);
        QList<Parcel> box;
        for (const Parcel &p : sendAll()) {
            sentEver << p;
            const quint32 fate = rng.bounded(10);
            if (fate < 2)
                continue; // lost
            box << p;
            if (fate == 2)
                box << p; // duplicated
        }
        // Replays of old packages, then everything in a random order.
        for (int k = 0; k < 2 && !sentEver.isEmpty(); ++k)
            box << sentEver.at(int(rng.bounded(int(sentEver.size()))));
        for (qsizetype k = box.size() - 1; k > 0; --k)
            box.swapItemsAt(k, qsizetype(rng.bounded(int(k + 1))));
        for (const Parcel &p : std::as_const(box))
            deliver(p);
    }
    // The last round loses nothing.
    for (const Parcel &p : sendAll())
        deliver(p);

    QList<QMap<QString, Exchange::HeldRow>> held;
    for (auto &s : sites) {
        auto h = Exchange::heldRows(s->db());
        REQUIRE(h.ok());
        held << *h;
        INFO(s->self.office.toStdString());
        const VerifyReport v = Verifier::verify(s->db());
        CHECK(v.faults.join(u'\n') == QString());
    }
    qint64 compared = 0;
    for (int owner = 0; owner < 4; ++owner) {
        const QString site = sites[size_t(owner)]->self.siteUuid;
        for (auto it = held[owner].cbegin(); it != held[owner].cend(); ++it) {
            if (it->owner != site)
                continue;
            for (int other : partnersOf(owner)) {
                // A city row about another district's problem does not go to this district.
                if (!held[other].contains(it.key())) {
                    CHECK(owner == 0);
                    CHECK(it->table == QStringLiteral("supervision_actions"));
                    continue;
                }
                INFO(it->table.toStdString() << " " << it.key().toStdString());
                CHECK(held[other].value(it.key()).json == it->json);
                CHECK(held[other].value(it.key()).owner == site);
                ++compared;
            }
        }
    }
    CHECK(compared > 100);
    // No tombstone undone: a row its owner removed is nowhere.
    CHECK_FALSE(hardDeleted.isEmpty());
    for (const QString &uuid : std::as_const(hardDeleted))
        for (int i = 0; i < 4; ++i)
            CHECK_FALSE(held[i].contains(uuid));
}

TEST_CASE("a package without evidence files (--no-evidence) keeps the hashes, the files follow with --full, "
          "and --include sends a register",
          "[exchange]")
{
    SiteRegister d(QStringLiteral("思明区委巡察办"), QStringLiteral("思明区教育局"));
    SiteRegister c(QStringLiteral("市委巡察办"), QStringLiteral("市财政局"));
    const qint64 p = d.addProblem(QStringLiteral("食堂管理不规范"), 1);
    ProblemService problems(d.db());
    REQUIRE(problems.addEvidence(p, 0, QStringLiteral("方案.pdf"), QByteArray("%PDF-1.4 plan")).ok());
    // A clue, written as the oversight registers write it.
    auto clue = AuditLog::insert(d.db(), QStringLiteral("clues"),
                                 {{QStringLiteral("summary"), QStringLiteral("某科长违规收受礼金")},
                                  {QStringLiteral("disposal_state"), QStringLiteral("pending")}});
    REQUIRE(clue.ok());

    QTemporaryDir out;
    const QString file = d.exportTo(QStringLiteral("市委巡察办"), out.path(), false);
    auto entries = PackageArchive::read(readAll(file), QStringLiteral("p"));
    REQUIRE(entries.ok());
    for (const auto &e : *entries)
        CHECK_FALSE(e.first.startsWith(QLatin1String("evidence/")));
    auto r = Exchange::importPackage(c.db(), file, false, true);
    REQUIRE(r.ok());
    // The evidence row waits for its file; the clue was not asked for.
    CHECK(r->evidenceAwaited == 1);
    CHECK(c.db().scalar(QStringLiteral("SELECT count(*) FROM evidence")).toInt() == 0);
    CHECK(c.db().scalar(QStringLiteral("SELECT count(*) FROM clues")).toInt() == 0);
    CHECK(c.db().scalar(QStringLiteral("SELECT count(*) FROM problems")).toInt() == 1);

    ExportOptions o;
    o.to = QStringLiteral("市委巡察办");
    o.output = out.filePath(QStringLiteral("full"));
    o.full = true;
    o.include = {QStringLiteral("clues")};
    auto full = Exchange::exportPackage(d.db(), o);
    REQUIRE(full.ok());
    CHECK(full->seq == 2);
    CHECK(full->evidenceFiles == 1);
    auto r2 = Exchange::importPackage(c.db(), full->file, false, false);
    REQUIRE(r2.ok());
    CHECK(r2->total.added == 2); // the evidence row and the clue
    CHECK(r2->total.conflicts == 0);
    CHECK(c.db().scalar(QStringLiteral("SELECT count(*) FROM clues")).toInt() == 1);
    CHECK(c.db().scalar(QStringLiteral("SELECT size FROM evidence")).toInt() == 13);
    CHECK(Verifier::verify(c.db()).ok());

    o.include = {QStringLiteral("minutes")};
    auto unknown = Exchange::exportPackage(d.db(), o);
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().code == ErrorCode::InputRefused);
}

TEST_CASE("a server register made at schema 6 gets the exchange tables on open", "[.pgonly][server]")
{
    TempRegister reg;
    const QString url = reg.path;
    reg.db.reset();
    {
        rectrack::test::ServerConnection admin(url);
        // Schema 6 had neither the exchange tables nor the live updates of step 7 → 8.
        for (const char *t : {"exchange_sites", "exchange_packages", "exchange_rows", "exchange_conflicts"})
            admin.exec(QStringLiteral("DROP TABLE %1").arg(QLatin1String(t)));
        admin.exec(QStringLiteral("DROP FUNCTION rt_notify_change() CASCADE"));
        admin.exec(QStringLiteral("UPDATE schema_version SET version = 6"));
    }
    auto db = Database::open(url);
    REQUIRE(db.ok());
    CHECK((*db)->schemaVersion() == schema::kVersion);
    REQUIRE(Sites::setup(**db, QStringLiteral("市委巡察办")).ok());
    CHECK(Sites::self(**db)->office == QStringLiteral("市委巡察办"));
    CHECK(Verifier::verify(**db).ok());
    rectrack::test::ServerConnection admin(url);
    const QString office = admin.scalar(QStringLiteral("SELECT current_database() || '_office'")).toString();
    CHECK(
        admin
            .scalar(QStringLiteral("SELECT has_table_privilege('%1', 'exchange_rows', 'INSERT')").arg(office))
            .toBool());
    const QString unit = admin.scalar(QStringLiteral("SELECT current_database() || '_unit'")).toString();
    CHECK_FALSE(
        admin.scalar(QStringLiteral("SELECT has_table_privilege('%1', 'exchange_sites', 'SELECT')").arg(unit))
            .toBool());
}

TEST_CASE("a site copied to the server keeps its identity and builds the same package", "[.pgonly][server]")
{
    REQUIRE(rectrack::test::testOnServer());
    SiteRegister d(QStringLiteral("思明区委巡察办"), QStringLiteral("思明区教育局"));
    d.addProblem(QStringLiteral("食堂管理不规范"), 2);
    // The file twin of the server register d: a register file with the same rows, copied to a server.
    QTemporaryDir dir;
    auto file = Database::open(dir.filePath(QStringLiteral("f.rtreg")), Database::OpenMode::CreateIfMissing);
    REQUIRE(file);
    REQUIRE(RegisterCopy::copy(d.db(), **file));
    TempRegister server;
    // The creation time in the manifest is the clock's: one fixed clock for both.
    FixedClock clock(QDate(2020, 9, 1));
    (*file)->setClock(&clock);
    server.db->setClock(&clock);
    REQUIRE(RegisterCopy::copy(**file, *server.db));
    const Site onServer = *Sites::self(*server.db);
    CHECK(onServer.siteUuid == d.self.siteUuid);
    CHECK(onServer.privateKey == d.self.privateKey);
    CHECK(Verifier::verify(*server.db).ok());
    QTemporaryDir a;
    QTemporaryDir b;
    const QString fromFile = [&] {
        ExportOptions o;
        o.to = QStringLiteral("市委巡察办");
        o.output = a.path();
        auto r = Exchange::exportPackage(**file, o);
        REQUIRE(r.ok());
        return r->file;
    }();
    const QString fromServer = [&] {
        ExportOptions o;
        o.to = QStringLiteral("市委巡察办");
        o.output = b.path();
        auto r = Exchange::exportPackage(*server.db, o);
        REQUIRE(r.ok());
        return r->file;
    }();
    CHECK(QFileInfo(fromFile).fileName() == QFileInfo(fromServer).fileName());
    CHECK(readAll(fromFile) == readAll(fromServer));
}
