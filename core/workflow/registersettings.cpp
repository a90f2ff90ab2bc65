#include "registersettings.h"

#include "storage/auditlog.h"

#include <QRegularExpression>

namespace rectrack::core {

namespace {

const QString kGreenDays = QStringLiteral("warning_green_days");
const QString kYellowDays = QStringLiteral("warning_yellow_days");
const QString kRed = QStringLiteral("warning_color_red");
const QString kYellow = QStringLiteral("warning_color_yellow");
const QString kGreen = QStringLiteral("warning_color_green");
const QString kPattern = QStringLiteral("registration_pattern");
const QString kPlan = QStringLiteral("default_plan_months");
const QString kConcentrated = QStringLiteral("default_concentrated_months");

int metaInt(Database &db, const QString &key, int fallback)
{
    bool ok = false;
    const int v = db.meta(key).toInt(&ok);
    return ok ? v : fallback;
}

} // namespace

WarningThresholds SettingsService::thresholds(Database &db)
{
    WarningThresholds t;
    t.greenDays = metaInt(db, kGreenDays, t.greenDays);
    t.yellowDays = metaInt(db, kYellowDays, t.yellowDays);
    return t;
}

RegisterSettings SettingsService::load()
{
    RegisterSettings s;
    s.thresholds = thresholds(m_db);
    s.redColor = m_db.meta(kRed, s.redColor);
    s.yellowColor = m_db.meta(kYellow, s.yellowColor);
    s.greenColor = m_db.meta(kGreen, s.greenColor);
    s.registrationPattern = m_db.meta(kPattern, s.registrationPattern);
    s.defaultPlanMonths = metaInt(m_db, kPlan, s.defaultPlanMonths);
    s.defaultConcentratedMonths = metaInt(m_db, kConcentrated, s.defaultConcentratedMonths);
    // The settings carry no error: a read error gives the rounds read before it, and a damaged page
    // is recorded by the database (Database::damageSeen()).
    (void)m_db.forEachRow(QStringLiteral("SELECT id, label, plan_months, concentrated_months FROM rounds "
                                         "ORDER BY start_date, round_no, batch_no, id"),
                          {}, [&](const SqlRow &r) {
                              s.rounds << RoundDeadlines{r.integer(0), r.text(1), r.int32(2), r.int32(3)};
                          });
    return s;
}

Status SettingsService::validate(const RegisterSettings &s)
{
    if (s.thresholds.yellowDays <= 0 || s.thresholds.greenDays > 365 ||
        s.thresholds.yellowDays > s.thresholds.greenDays)
        return Error{ErrorCode::InputRefused, tr("The yellow warning must start later than the green one: 0 "
                                                 "< yellow days ≤ green days ≤ 365.")};
    static const QRegularExpression colour(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    for (const QString &c : {s.redColor, s.yellowColor, s.greenColor}) {
        if (!colour.match(c).hasMatch())
            return Error{ErrorCode::InputRefused, tr("%1 is not a colour of the form #rrggbb.").arg(c)};
    }
    if (!s.registrationPattern.contains(QLatin1String("{seq")))
        return Error{ErrorCode::InputRefused, tr("The registration-number pattern needs a {seq} part.")};
    auto monthsOk = [](int m) { return m >= 1 && m <= 12; };
    if (!monthsOk(s.defaultPlanMonths) || !monthsOk(s.defaultConcentratedMonths))
        return Error{ErrorCode::InputRefused, tr("Deadlines are between 1 and 12 months.")};
    for (const RoundDeadlines &r : s.rounds) {
        if (!monthsOk(r.planMonths) || !monthsOk(r.concentratedMonths))
            return Error{ErrorCode::InputRefused,
                         tr("Deadlines of %1 are between 1 and 12 months.").arg(r.label)};
    }
    return okStatus();
}

Status SettingsService::save(const RegisterSettings &s)
{
    if (const Status v = validate(s); !v)
        return v;
    const RegisterSettings old = load();
    return withTransaction(m_db, [&]() -> Status {
        const QList<std::pair<QString, QString>> values{
            {kGreenDays, QString::number(s.thresholds.greenDays)},
            {kYellowDays, QString::number(s.thresholds.yellowDays)},
            {kRed, s.redColor},
            {kYellow, s.yellowColor},
            {kGreen, s.greenColor},
            {kPattern, s.registrationPattern},
            {kPlan, QString::number(s.defaultPlanMonths)},
            {kConcentrated, QString::number(s.defaultConcentratedMonths)}};
        for (const auto &[key, value] : values) {
            if (const Status st = m_db.setMeta(key, value); !st)
                return st;
        }
        for (const RoundDeadlines &r : s.rounds) {
            if (old.rounds.contains(r))
                continue;
            if (const Status st =
                    AuditLog::update(m_db, QStringLiteral("rounds"), r.roundId,
                                     {{QStringLiteral("plan_months"), r.planMonths},
                                      {QStringLiteral("concentrated_months"), r.concentratedMonths}});
                !st)
                return st;
        }
        return okStatus();
    });
}

} // namespace rectrack::core
