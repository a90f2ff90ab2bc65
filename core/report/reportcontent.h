#pragma once

/**
 * Content of the committee-meeting report (DESIGN.md §7) as plain data: every figure, table and
 * chart series the report shows, computed by ReportBuilder from the statistics of one scope
 * (whole register, a round, a unit, a source level) as of one date. Nothing here knows about
 * fonts, pages or charts: ui/report renders it to PDF and .odt, ui/charts draws its series, and
 * the dashboard can reuse both. Words (section titles, captions) are the renderer's business;
 * the content carries names as stored (unit names, round labels) and numbers.
 *
 * "Change since" figures compare the as-of date with an earlier date (the last meeting), both
 * computed from the dated state history, so a report can be rebuilt for any past date.
 */

#include "patterns/patternservice.h"
#include "stats/statistics.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace rectrack::core {

/// What a report covers and how it is labelled (the choices of File → Export report… and
/// `rectrack-cli report`).
struct ReportOptions
{
    StatsFilter scope;     ///< empty = whole register; unit, round and source narrow it
    QDate asOf;            ///< figures as of this date (required)
    QDate since;           ///< "change since" date (the last meeting); invalid = none
    QString title;         ///< empty = the default title
    QString issuer;        ///< issuing body; empty = the register's setting issuing_body, else the default
    QString marking;       ///< confidentiality marking, e.g. 内部资料 注意保存; empty = none
    bool appendix = false; ///< include the full problem ledger of the scope as an appendix
    int overdueLimit = 50; ///< the most overdue problems listed by name; the rest are counted
};

/// One row of the per-unit table: a unit of the scope, with or without problems.
struct UnitReportRow
{
    QString unit;
    QString category; ///< coverage category of the unit (市直单位 …), may be empty
    Counts counts;
    std::optional<Counts> since; ///< counts on the "since" date when one was given
    bool inspectedThisTerm = false;
};

/// A point of the cumulative series: problems registered and done by the end of a month.
struct CumulativePoint
{
    QDate date; ///< month end (the last point is the as-of date)
    qint64 registered = 0;
    qint64 done = 0; ///< completed + closed out on that date
};

/// Overdue ageing: how many overdue problems are late by 0–30, 31–90, 91–180 and over 180 days.
struct AgeingBucket
{
    int fromDays = 0; ///< inclusive
    int toDays = -1;  ///< inclusive; -1 = no upper bound
    qint64 count = 0;
};

/// A name with a number (a referral kind and its count, an accountability form and its persons …).
struct NamedCount
{
    QString name;
    qint64 count = 0;
    qint64 extra = 0; ///< second figure where the section has one (cases, responses, score sum …)
};

/// 问题线索: clues transferred and their disposal (reported within 3 months of transfer).
struct ClueFigures
{
    qint64 total = 0;
    qint64 disposed = 0;          ///< disposal reported by the as-of date
    qint64 pending = 0;           ///< not yet reported
    qint64 pendingOverdue = 0;    ///< not reported and past the due date
    QList<NamedCount> byReceiver; ///< count = clues, extra = disposed
};

/// 整改效果评价 by grade.
struct EvaluationFigures
{
    qint64 total = 0;
    double averageScore = 0.0; ///< over evaluations with a score
    qint64 secondRectification = 0;
    QList<NamedCount> byGrade; ///< in the order 好, 较好, 一般, 差, then others
};

/// 建章立制: one rule established.
struct RuleRow
{
    QString unit;
    QString name;
    QDate date;
};

/**
 * Supervision outcomes where the register holds them (tables clues, referrals, evaluations,
 * rules_established, accountability, funds_recovered), counted up to the as-of date. A section
 * with no rows is left out of the report.
 */
struct SupervisionFigures
{
    ClueFigures clues;
    QList<NamedCount> referralsByKind; ///< kind key as stored, count = referrals, extra = answered
    EvaluationFigures evaluations;
    qint64 rulesCount = 0;
    QList<RuleRow> rules;                   ///< the first 30, newest first
    QList<NamedCount> accountabilityByForm; ///< count = persons, extra = decisions
    qint64 fundsCount = 0;
    double fundsYuan = 0.0;

    bool hasClues() const { return clues.total > 0; }
    bool hasReferrals() const { return !referralsByKind.isEmpty(); }
    bool hasEvaluations() const { return evaluations.total > 0; }
    bool hasRules() const { return rulesCount > 0; }
    bool hasAccountability() const { return !accountabilityByForm.isEmpty(); }
    bool hasFunds() const { return fundsCount > 0; }
    bool isEmpty() const
    {
        return !hasClues() && !hasReferrals() && !hasEvaluations() && !hasRules() && !hasAccountability() &&
               !hasFunds();
    }
};

/// One problem of the appendix ledger, as it stood on the as-of date.
struct AppendixRow
{
    QString registrationNo;
    QString unit;
    SourceLevel source = SourceLevel::Municipal;
    QString description;
    QString responsibleOffice;
    QString leadLeader;
    QDate deadline;
    QString deadlineNote;
    ProblemState state = ProblemState::Registered;
};

/// Everything the report shows; built by ReportBuilder::build.
struct ReportContent
{
    ReportOptions options; ///< as given, with title and issuer filled in
    QString scopeLabel;    ///< 全部, the round label, the unit name or the source level's name
    QDate asOf;
    QDate since; ///< invalid = no comparison

    Counts total;                     ///< headline counts as of asOf
    std::optional<Counts> totalSince; ///< the same on the since date
    Coverage coverage;                ///< coverage of the term running on asOf
    std::optional<Coverage> coverageSince;

    QList<GroupCounts> byRound;  ///< rounds/batches with problems, in time order
    QList<GroupCounts> bySource; ///< source levels with problems (中央巡视 first)
    /// The city's view (issue #26): one group per owning office (this register's own first, then
    /// the partners in pinyin order, GroupBy::Site) when the register holds rows of other sites and
    /// the scope is not one office; empty otherwise (no per-office table then).
    QList<GroupCounts> bySite;
    QList<UnitReportRow> units; ///< every unit of the scope, in pinyin order, with or without problems

    QList<OverdueItem> overdue; ///< the most overdue problems (at most options.overdueLimit)
    qint64 overdueTotal = 0;    ///< all overdue problems of the scope
    qint64 overdueRest() const { return overdueTotal - overdue.size(); }
    QList<AgeingBucket> ageing; ///< 0–30, 31–90, 91–180, >180 days

    QList<CumulativePoint> cumulative; ///< month by month from the first feedback to asOf

    SupervisionFigures supervision;
    QList<AppendixRow> appendix; ///< filled only when options.appendix
    /// 共性问题 (issue #27): the register's confirmed patterns on asOf, common ones first, at most
    /// kReportPatterns; patterns span units and rounds, so the list does not narrow with the scope.
    QList<PatternFigures> patterns;
    int patternsTotal = 0;           ///< all confirmed patterns
    PatternSettings patternSettings; ///< the thresholds the method note names
    static constexpr int kReportPatterns = 10;
};

/// Builds report content from the register. Read-only; one consistent read of the database.
class ReportBuilder
{
    Q_DECLARE_TR_FUNCTIONS(ReportBuilder)
public:
    /**
     * Computes the report for @p options.scope as of @p options.asOf. Errors: Usage when the
     * as-of date is invalid or the since date is not before it, InputRefused when the unit or
     * round named in the scope does not exist, Internal on a failed query.
     */
    static Result<ReportContent> build(Database &db, const ReportOptions &options);

    /// The default report title (巡察整改工作情况报告 in Chinese).
    static QString defaultTitle();
    /// The default issuing body when the register names none (巡察工作领导小组办公室).
    static QString defaultIssuer();
    /// Display name of a referral kind key as stored (referral_sheet → 抄告单 …); unknown keys unchanged.
    static QString referralKindName(const QString &key);
};

} // namespace rectrack::core
