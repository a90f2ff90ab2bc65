#pragma once

/**
 * Plain value types of the register, one per table (DESIGN.md §1–2). Ids are SQLite rowids
 * (0 = not stored yet); dates are calendar dates (invalid = not set).
 */

#include "types.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

namespace rectrack::core {

/// 届: a party committee's term, e.g. 十二届市委 2016-11-01 … 2021-10-31.
struct Term
{
    qint64 id = 0;
    QString name;
    QDate start;
    QDate end;
};

/// 轮/批: one batch of a round, e.g. label 第十五轮第三批.
struct Round
{
    qint64 id = 0;
    qint64 termId = 0;
    QString label;
    int roundNo = 0;
    int batchNo = 0;
    QDate start;
    int planMonths = 1;         ///< rectification plan due this many months after feedback
    int concentratedMonths = 3; ///< 集中整改期: report due this many months after feedback
};

/// 被巡察单位 (党组织).
struct Unit
{
    qint64 id = 0;
    QString name;
    QString category; ///< coverage category, e.g. 市直单位
    QString district;
};

/// 巡察: one team sent into one unit.
struct Inspection
{
    qint64 id = 0;
    qint64 roundId = 0; ///< 0 for feedback outside a round (central/provincial inspections)
    qint64 unitId = 0;
    qint64 teamId = 0;
    InspectionKind kind = InspectionKind::Regular;
    SourceLevel source = SourceLevel::Municipal;
    QString theme; ///< for thematic inspections, e.g. 疫情防控
    QDate entryDate;
    QDate feedbackDate;
    QDate planDue;
    QDate reportDue;
};

/// 问题: one registered problem.
struct Problem
{
    qint64 id = 0;
    QString registrationNo;
    qint64 inspectionId = 0;
    qint64 unitId = 0;
    SourceLevel source = SourceLevel::Municipal;
    qint64 categoryId = 0;
    QString description;
    QString example;
    QString rootCause;
    QString responsibleOffice;
    QString leadLeader;
    QString responsiblePerson;
    QDate deadline;         ///< current deadline (after approved extensions)
    QDate originalDeadline; ///< deadline as registered, kept visible after an extension
    QString deadlineNote;   ///< a deadline word with no fixed date (长期坚持, 立行立改)
    ProblemState state = ProblemState::Registered;
    bool systemic = false;
    bool immediate = false; ///< 立行立改
    QDate feedbackDate;     ///< registration date
    QDate completedDate;
    QDate closedOutDate;
    QString progress; ///< latest progress summary as shown in the ledger
    QString note;
    int version = 1;
    QDateTime deletedAt; ///< when it was soft-deleted (schema 2); invalid for a live problem
};

/// 整改措施
struct Measure
{
    qint64 id = 0;
    qint64 problemId = 0;
    int seq = 1;
    QString content;
    MeasureType type = MeasureType::Deadline;
    QString owner;
    QDate deadline;
    QString deadlineNote;
    MeasureState state = MeasureState::Pending;
    QDate completedDate;
    int version = 1; ///< row version as read; a save over a newer version is refused (stale edit)
};

/// 整改进展: a dated progress report.
struct ProgressEntry
{
    qint64 id = 0;
    qint64 problemId = 0;
    qint64 measureId = 0;
    QDate date;
    QString text;
    QString author;
};

/// 佐证材料 stored in the register; data is loaded only on request.
struct Evidence
{
    qint64 id = 0;
    qint64 problemId = 0;
    qint64 measureId = 0;
    QString originalName;
    QString mimeType;
    qint64 size = 0;
    QString sha256;
    QDate addedOn;
};

/// 审核: one close-out review step.
struct Review
{
    qint64 id = 0;
    qint64 problemId = 0;
    ReviewStep step = ReviewStep::UnitLeader;
    QString reviewer;
    QDate date;
    bool approved = false;
    QString opinion;
};

/// 申请延期
struct ExtensionRequest
{
    qint64 id = 0;
    qint64 problemId = 0;
    QDate requestedOn;
    QDate requestedDeadline;
    QString reason;
    QString decision; ///< pending | approved | rejected
    QDate decidedOn;
    QString decidedBy;
};

/// 督办 action (催办, 提醒书, 告诫书, 督办函, 约谈, 回访).
struct SupervisionAction
{
    qint64 id = 0;
    qint64 problemId = 0;
    qint64 unitId = 0;
    SupervisionKind kind = SupervisionKind::Urge;
    QDate date;
    QString actor;
    QString note;
    QString campaign;
};

/// 问题线索 transferred (移交) to the discipline commission, the organisation department or others.
struct Clue
{
    qint64 id = 0;
    qint64 inspectionId = 0;
    QString summary;
    int personsCount = 0;
    QString personsRoles; ///< roles only (e.g. 科长2名), never ID numbers
    QString receiver;     ///< 纪委监委, 组织部, …
    QDate transferDate;
    QDate dueDate;         ///< disposal due, 3 months after transfer by default
    QString disposalState; ///< pending | disposed
    QString result;
    QDate resultDate;
};

/// Kinds of referral (抄告单, 专题报告, 要情专报).
enum class ReferralKind
{
    ReferralSheet,
    ThematicReport,
    KeySituationReport
};

/// A referral sheet or report to another body, concerning some problems.
struct Referral
{
    qint64 id = 0;
    ReferralKind kind = ReferralKind::ReferralSheet;
    QString number;
    QDate issuedOn;
    QString recipient;
    QString subject;
    QString response;
    QDate responseDate;
    QList<qint64> problemIds;
};

/// 整改效果评价 of one unit for one inspection.
struct Evaluation
{
    qint64 id = 0;
    qint64 inspectionId = 0;
    qint64 unitId = 0;
    QString templateName;
    QList<double> deductions; ///< points deducted per criterion, in the template's order
    double score = 0;
    QString grade; ///< 好 / 较好 / 一般 / 差
    QDate evaluatedOn;
    bool secondRectification = false; ///< opened by a grade of 一般 or 差
    QString note;
};

/// 专项督办 campaign over a set of rounds (e.g. 前八轮巡察整改进展情况专项督办).
struct Campaign
{
    qint64 id = 0;
    QString name;
    QDate start;
    QDate end;
    QList<qint64> roundIds;
};

/// 回访 of a unit within a campaign.
struct ReturnVisit
{
    qint64 id = 0;
    qint64 unitId = 0;
    QString campaign;
    QDate date;
    QString visitors;
    QString findings;
    QString satisfaction; ///< e.g. 满意 / 基本满意 / 不满意
    QString followUp;
};

} // namespace rectrack::core
