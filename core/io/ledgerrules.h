#pragma once

#include "domain/types.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>

namespace rectrack::core {

/// What a ledger column holds (DESIGN.md §6). Keys for `--map HEADER=field` in brackets.
enum class LedgerField
{
    Ignore,            ///< [ignore] dropped without a warning
    Seq,               ///< [seq] 序号: a row number only
    RegistrationNo,    ///< [registrationNo] 编号 / 问题编号
    Category,          ///< [category] 问题类别 / 类型
    Problem,           ///< [problem] 问题描述 / 反馈问题 / 问题表现 / 问题内容
    Measures,          ///< [measures] 整改措施 / 整改举措
    LeadLeader,        ///< [leadLeader] 牵头领导 / 责任领导
    ResponsibleOffice, ///< [responsibleOffice] 责任单位 / 责任部门 / 责任处室
    ResponsiblePerson, ///< [responsiblePerson] 责任人
    Unit, ///< [unit] 被巡察单位 / 单位名称 / 被巡察党组织: the unit a row belongs to (汇总台账)
    Deadline, ///< [deadline] 整改时限 / 完成时限 / 时间节点
    Progress, ///< [progress] 整改进展 / 进展
    Status,   ///< [status] 完成情况 / 整改结果 / 状态
    Evidence, ///< [evidence] 佐证材料
    Note,     ///< [note] 备注, and every unrecognised column
};

/// A deadline cell read by LedgerRules::parseDeadline.
struct DeadlineValue
{
    QDate date;                ///< the date, when the cell names one
    QString note;              ///< the words kept when there is no fixed date (长期坚持, 每季度 …)
    bool immediate = false;    ///< 立行立改
    bool longTerm = false;     ///< 长期坚持 / 持续 / 常态化
    bool invalid = false;      ///< looks like a date but is impossible (2021年13月5日)
    bool unrecognised = false; ///< has digits but no date could be read; kept as a note
};

/// One rule of the status words (LedgerRules::stateRules): a word whose compact, half-width,
/// lower-case form matches @c pattern means @c state. The rules are tried in order; the first
/// that matches decides.
struct StateRule
{
    ProblemState state;
    QString pattern; ///< a regular expression searched in the word (not anchored unless it says so)
    QString reason;  ///< what the rule stands for, in one line (for readers and tests)
};

/**
 * The rules that read an office's own wording (DESIGN.md §6): header keywords, status words,
 * date words, numbered measures, section and summary rows. Pure functions of text, so that
 * each rule is tested on its own and the same rules serve the GUI's mapping step.
 */
class LedgerRules
{
    Q_DECLARE_TR_FUNCTIONS(rectrack::core::LedgerRules)
public:
    /// Full-width ASCII forms (０-９, Ａ-Ｚ, ．／－：（） …) as ASCII and the ideographic space as a
    /// space; used for parsing only, stored text keeps the office's punctuation.
    static QString toHalfWidth(const QString &text);

    /// The field a header names, by keyword, not by exact text (问题描述/反馈问题/问题表现/问题内容 →
    /// problem, 整改措施/整改举措 → measures, 整改时限/完成时限/时间节点 → deadline, 类型/类别 → category,
    /// 编号 → registration number, 序号 → row number, …; English headers as the exporter writes them
    /// under --lang en too). Empty when no keyword matches.
    static std::optional<LedgerField> fieldForHeader(const QString &header);

    /// The field of a `--map` key (problem, measures, deadline, …, see LedgerField), case-insensitive.
    static std::optional<LedgerField> fieldFromKey(const QString &key);
    static QString fieldKey(LedgerField field);
    /// Translated name of a field for messages.
    static QString fieldName(LedgerField field);

    /**
     * The state a status word means, by the first rule of stateRules() that matches it (a
     * sentence about a plan, 计划/预计/争取/力争…完成, is in progress; containing 销号 → closed
     * out, 未销号/待销号 → completed; 长期坚持/基本完成/持续整改 → long-term; 未启动/待整改/未开始 or
     * empty → registered; 正在/整改中/推进中/进行中/未完成 → in progress; 完成/已整改/完成整改/已办结 →
     * completed). English words of the exporter are read too; 部分完成 is in progress. A yes/no answer
     * (是/否, √/×) answers the question of its column's @p header: 是 in 是否完成 → completed, in 是否销号 →
     * closed out; 否 → in progress (否 in 是否销号 → completed); without a 是否 header 是/√ mean
     * completed. @p recognised is false for a word no rule covers (the state is then Registered).
     */
    static ProblemState stateForWord(const QString &word, bool *recognised = nullptr,
                                     const QString &header = {});

    /// The status-word rules in the order they are tried (DESIGN.md §6, docs/ledger-import.md):
    /// the one table to read and extend. Each rule has a test row in test_import_semantics.cpp.
    static const QList<StateRule> &stateRules();

    /**
     * The key under which two ways of writing one unit's name are the same (DESIGN.md §6,
     * 汇总台账): half-width, without spaces, without a leading 中国共产党 or 中共 and without
     * quotation marks, so 市水利局党组, 中共市水利局党组 and "中共 市水利局党组" are one unit.
     */
    static QString unitKey(const QString &name);

    /// The status word the exporter writes for a state (zh: 未启动, 整改中, 长期坚持, 已完成, 已销号).
    static QString wordForState(ProblemState state);

    /**
     * Reads a deadline cell: 2021-03-31, 2021/3/31, 2021.3.31, 2021年3月31日(前), full-width
     * digits, 20210331, 2021年6月(底), 6月底前 and 6月30日前 (in @p defaultYear), 年底前/年内 →
     * 31 December, 上半年 → 30 June, 第三季度 → the quarter's last day, a year alone (2021年,
     * 2021年度内) → its 31 December, a period (2021年3月-6月, 3月至6月底) → its end. Words with no
     * fixed date (立行立改, 即知即改, 长期坚持, 每季度 …) are kept as the note.
     */
    static DeadlineValue parseDeadline(const QString &text, int defaultYear);

    /**
     * Splits a measures cell into its numbered items (1. / 1、 / 1） / （1） / ① / ⑴ / ❶ / 一是 /
     * （一）); "一是…二是…三是…", the usual style of official writing, is split like any numbering;
     * numbers must run 1, 2, 3 … in one style, so "12.6万元" or a stray "2." is not a split.
     * Markers and separators (；;，) at an item's end are removed. An unnumbered cell is one
     * measure; an empty cell none.
     */
    static QStringList splitMeasures(const QString &text);

    /// A category as written, without its numbering or count: "一、落实…方面（共8个问题）" → "落实…方面".
    static QString cleanCategory(const QString &text);

    /// Whether a lone text in a row reads as a section heading (一、… / （一）… / 第一部分 / …方面 /
    /// （共N个问题）), i.e. a category row rather than a problem.
    static bool looksLikeSection(const QString &text);

    /// Whether a row starting with @p text is a summary row (合计, 总计, 小计, 共计, 汇总, Total).
    static bool isSummary(const QString &text);

    /// The first date written in free text (a title's or a fill-in row's "填报日期：2021年6月30日").
    static QDate findDate(const QString &text);
};

} // namespace rectrack::core
