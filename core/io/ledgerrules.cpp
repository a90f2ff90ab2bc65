#include "ledgerrules.h"

#include <QRegularExpression>

namespace rectrack::core {

namespace {

bool containsAny(const QString &text, std::initializer_list<const char16_t *> words)
{
    for (const char16_t *w : words) {
        if (text.contains(QStringView(w)))
            return true;
    }
    return false;
}

/// The status-word rules with their patterns compiled once.
const QList<std::pair<StateRule, QRegularExpression>> &compiledStateRules();

/// Text without any whitespace, in half-width forms: what keyword rules look at.
QString compact(const QString &text)
{
    static const QRegularExpression space(QStringLiteral("\\s+")); // compiled once: called per cell
    QString s = LedgerRules::toHalfWidth(text);
    s.remove(space);
    return s;
}

int chineseNumber(QStringView s)
{
    // 一 … 九十九: enough for section and item numbers.
    static const QString digits = QStringLiteral("零一二三四五六七八九");
    if (s.isEmpty())
        return -1;
    int value = 0;
    int current = 0;
    for (const QChar ch : s) {
        if (ch == u'十') {
            value += (current == 0 ? 1 : current) * 10;
            current = 0;
        } else if (ch == u'〇') {
            current = 0;
        } else {
            const qsizetype d = digits.indexOf(ch);
            if (d < 0)
                return -1;
            current = int(d);
        }
    }
    return value + current;
}

QDate lastDayOfMonth(int year, int month)
{
    const QDate first(year, month, 1);
    return first.isValid() ? QDate(year, month, first.daysInMonth()) : QDate();
}

enum class MarkerStyle
{
    Arabic,
    ArabicParen,
    Circled,
    ParenthesizedDigit,
    NegativeCircled,
    ChineseShi,
    ChineseParen,
    ChineseComma
};

struct Marker
{
    qsizetype pos = 0;
    qsizetype length = 0;
    MarkerStyle style = MarkerStyle::Arabic;
    int number = 0;
    bool loose = false; ///< "2." right after a word, with no separator before it
};

/// A numbering marker starting at @p i of @p s (already half-width), if any.
std::optional<Marker> markerAt(const QString &s, qsizetype i)
{
    static const QRegularExpression arabic(QStringLiteral("\\G(\\d{1,2})\\s*(?:[.、)]|\\.(?!\\d))(?!\\d)"));
    static const QRegularExpression arabicParen(QStringLiteral("\\G[(](\\d{1,2})[)]"));
    static const QRegularExpression chineseShi(QStringLiteral("\\G([一二三四五六七八九十]{1,3})是"));
    static const QRegularExpression chineseParen(QStringLiteral("\\G[(]([一二三四五六七八九十]{1,3})[)]"));
    static const QRegularExpression chineseComma(QStringLiteral("\\G([一二三四五六七八九十]{1,3})、"));
    const QChar ch = s[i];
    const char16_t u = ch.unicode();
    if (u >= 0x2460 && u <= 0x2473) // ① … ⑳
        return Marker{i, 1, MarkerStyle::Circled, u - 0x2460 + 1};
    if (u >= 0x2474 && u <= 0x2487) // ⑴ … ⒇
        return Marker{i, 1, MarkerStyle::ParenthesizedDigit, u - 0x2474 + 1};
    if (u >= 0x2776 && u <= 0x277F) // ❶ … ❿
        return Marker{i, 1, MarkerStyle::NegativeCircled, u - 0x2776 + 1};
    if (u >= 0x2780 && u <= 0x2789) // ➀ … ➉
        return Marker{i, 1, MarkerStyle::Circled, u - 0x2780 + 1};
    if (u >= 0x24F5 && u <= 0x24FE) // ⓵ … ⓾
        return Marker{i, 1, MarkerStyle::Circled, u - 0x24F5 + 1};
    // Every pattern below starts with an ASCII digit, "(" or a Chinese numeral: skip the five
    // matches at the other positions (splitting measures tries every character).
    static constexpr QStringView numerals = u"一二三四五六七八九十";
    const bool digit = u >= u'0' && u <= u'9';
    const bool paren = u == u'(';
    if (!digit && !paren && !numerals.contains(ch))
        return std::nullopt;
    // Only the patterns that can match here: a digit starts only "N.", "(" only the bracketed
    // ones, a numeral only "一是" and "一、", and those only when 1–3 numerals are followed by 是
    // or 、 (numerals are common in the text itself: a fifth of a ledger import was these matches).
    bool chineseFollowed = false;
    if (!digit && !paren) {
        qsizetype end = i;
        while (end < s.size() && end - i <= 3 && numerals.contains(s[end]))
            ++end;
        chineseFollowed = end - i <= 3 && end < s.size() && (s[end] == u'是' || s[end] == u'、');
        if (!chineseFollowed)
            return std::nullopt;
    }
    struct Try
    {
        const QRegularExpression *re;
        MarkerStyle style;
        bool possible;
    };
    for (const Try &t :
         {Try{&arabic, MarkerStyle::Arabic, digit}, Try{&arabicParen, MarkerStyle::ArabicParen, paren},
          Try{&chineseShi, MarkerStyle::ChineseShi, chineseFollowed},
          Try{&chineseParen, MarkerStyle::ChineseParen, paren},
          Try{&chineseComma, MarkerStyle::ChineseComma, chineseFollowed}}) {
        if (!t.possible)
            continue;
        const QRegularExpressionMatch m =
            t.re->match(s, i, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
        if (m.hasMatch()) {
            const bool arabicStyle = t.style == MarkerStyle::Arabic || t.style == MarkerStyle::ArabicParen;
            const int n = arabicStyle ? m.captured(1).toInt() : chineseNumber(m.capturedView(1));
            if (n > 0)
                return Marker{i, m.capturedLength(0), t.style, n};
        }
    }
    return std::nullopt;
}

bool isBoundary(QChar ch)
{
    return ch.isSpace() || QStringView(u"；;。，,：:、!！?？").contains(ch);
}

QString trimItem(QString s)
{
    s = s.trimmed();
    while (!s.isEmpty() && QStringView(u"；;，,、").contains(s.back()))
        s.chop(1);
    return s.trimmed();
}

const QList<std::pair<StateRule, QRegularExpression>> &compiledStateRules()
{
    static const QList<std::pair<StateRule, QRegularExpression>> compiled = [] {
        QList<std::pair<StateRule, QRegularExpression>> out;
        for (const StateRule &r : LedgerRules::stateRules())
            out.append({r, QRegularExpression(r.pattern)});
        return out;
    }();
    return compiled;
}

} // namespace

QString LedgerRules::unitKey(const QString &name)
{
    QString k = compact(name);
    static const QRegularExpression quotes(QStringLiteral("[\"'“”‘’「」《》]"));
    k.remove(quotes);
    static const QRegularExpression party(QStringLiteral("^(?:中国共产党|中共)"));
    k.remove(party);
    return k.toLower();
}

QString LedgerRules::toHalfWidth(const QString &text)
{
    QString s = text;
    for (QChar &ch : s) {
        const char16_t u = ch.unicode();
        if (u >= 0xFF01 && u <= 0xFF5E)
            ch = QChar(char16_t(u - 0xFEE0));
        else if (u == 0x3000)
            ch = u' ';
    }
    return s;
}

std::optional<LedgerField> LedgerRules::fieldForHeader(const QString &header)
{
    const QString h = compact(header);
    if (h.isEmpty() || h.size() > 30)
        return std::nullopt;
    const QString l = h.toLower();
    // Order matters: the more specific words first (问题类别 before 问题, 完成时限 before 完成情况).
    if (containsAny(h, {u"序号"}) || l == u"no." || l == u"no" || l == u"#" || l == u"seq")
        return LedgerField::Seq;
    if (containsAny(h, {u"编号", u"挂号", u"问题号"}) || l.contains(u"registrationno") || l == u"number")
        return LedgerField::RegistrationNo;
    // The unit a row belongs to (a combined ledger, 汇总台账); not 责任单位 or 牵头单位, the office
    // inside the unit.
    if (containsAny(h, {u"被巡察单位", u"被巡察党组织", u"被巡视单位", u"被巡视党组织", u"被巡察对象",
                        u"被巡视对象", u"单位名称", u"所属单位", u"党组织名称"}) ||
        h == u"单位" || l == u"unit" || l == u"inspectedunit") {
        if (!containsAny(h, {u"责任", u"牵头", u"承办", u"主责", u"配合"}))
            return LedgerField::Unit;
    }
    if (containsAny(h, {u"佐证", u"证明材料", u"附件"}) || l.contains(u"evidence"))
        return LedgerField::Evidence;
    if (containsAny(h, {u"备注"}) || l == u"note" || l == u"notes" || l == u"remarks")
        return LedgerField::Note;
    // A column about each measure rather than its text (措施状态, 措施完成时限, 措施类型 in a
    // rectification ledger of one measure per row) is that field of the row, not the measures.
    // A header naming both (整改措施及时限, 措施及完成情况) stays the measures.
    if (containsAny(h, {u"措施", u"举措"}) && !containsAny(h, {u"及", u"和", u"与", u"、", u"/"})) {
        if (containsAny(h, {u"状态", u"完成情况", u"是否完成", u"办结情况"}))
            return LedgerField::Status;
        if (containsAny(h, {u"时限", u"期限", u"完成时间", u"截止"}))
            return LedgerField::Deadline;
        if (containsAny(h, {u"类型", u"类别"}))
            return std::nullopt;
    }
    if (l.contains(u"measurestatus") || l.contains(u"measurestate"))
        return LedgerField::Status;
    if (l.contains(u"measuretype") || l.contains(u"measureno") || l.contains(u"measurenumber"))
        return std::nullopt;
    if (containsAny(h, {u"措施", u"举措", u"整改任务", u"整改内容", u"整改方案"}) || l.contains(u"measure"))
        return LedgerField::Measures;
    if (containsAny(h, {u"类别", u"类型", u"分类", u"问题领域"}) || l.contains(u"category"))
        return LedgerField::Category;
    if (containsAny(h, {u"时限", u"时间节点", u"完成时间", u"完成期限", u"整改期限", u"截止", u"期限",
                        u"时间要求", u"整改时间"}) ||
        l.contains(u"deadline"))
        return LedgerField::Deadline;
    if (containsAny(h, {u"进展", u"进度", u"落实情况"}) || l.contains(u"progress"))
        return LedgerField::Progress;
    if (containsAny(h, {u"完成情况", u"整改结果", u"状态", u"是否完成", u"办结情况", u"整改情况"}) ||
        l.contains(u"status") || l == u"state")
        return LedgerField::Status;
    if (containsAny(h, {u"牵头领导", u"责任领导", u"分管领导", u"领导"}) || l.contains(u"leader"))
        return LedgerField::LeadLeader;
    // The office before the person: 责任单位及责任人 and 责任单位（人） name the office first.
    if (containsAny(h, {u"责任单位", u"责任部门", u"责任处室", u"责任科室", u"牵头单位", u"牵头部门",
                        u"承办单位", u"主责单位", u"责任主体"}) ||
        l.contains(u"office"))
        return LedgerField::ResponsibleOffice;
    if (containsAny(h, {u"责任人", u"经办人", u"具体负责人", u"负责人"}) || l.contains(u"person") ||
        l == u"owner")
        return LedgerField::ResponsiblePerson;
    // 问题 alone names the problem only as the header's noun (问题, 存在的问题, 巡察发现问题); 问题来源,
    // 问题性质 and the like describe the problem and are kept as notes.
    static const QRegularExpression bracketed(QStringLiteral("[(\\[【][^)\\]】]*[)\\]】]"));
    QString noun = h;
    noun.remove(bracketed);
    if (containsAny(h, {u"问题描述", u"反馈问题", u"问题表现", u"问题内容", u"存在问题", u"主要问题",
                        u"具体问题", u"问题清单", u"问题事项", u"问题简述", u"问题摘要"}) ||
        noun.endsWith(u"问题") ||
        (h.contains(u"问题") && containsAny(h, {u"描述", u"表现", u"内容", u"情形"})) ||
        l.contains(u"problem"))
        return LedgerField::Problem;
    return std::nullopt;
}

namespace {
const std::pair<LedgerField, const char *> kFieldKeys[] = {
    {LedgerField::Ignore, "ignore"},
    {LedgerField::Seq, "seq"},
    {LedgerField::RegistrationNo, "registrationNo"},
    {LedgerField::Category, "category"},
    {LedgerField::Problem, "problem"},
    {LedgerField::Measures, "measures"},
    {LedgerField::LeadLeader, "leadLeader"},
    {LedgerField::ResponsibleOffice, "responsibleOffice"},
    {LedgerField::ResponsiblePerson, "responsiblePerson"},
    {LedgerField::Unit, "unit"},
    {LedgerField::Deadline, "deadline"},
    {LedgerField::Progress, "progress"},
    {LedgerField::Status, "status"},
    {LedgerField::Evidence, "evidence"},
    {LedgerField::Note, "note"},
};
} // namespace

std::optional<LedgerField> LedgerRules::fieldFromKey(const QString &key)
{
    for (const auto &[field, k] : kFieldKeys) {
        if (key.trimmed().compare(QLatin1String(k), Qt::CaseInsensitive) == 0)
            return field;
    }
    return std::nullopt;
}

QString LedgerRules::fieldKey(LedgerField field)
{
    for (const auto &[f, k] : kFieldKeys) {
        if (f == field)
            return QLatin1String(k);
    }
    return {};
}

QString LedgerRules::fieldName(LedgerField field)
{
    switch (field) {
    case LedgerField::Ignore:
        return tr("ignored");
    case LedgerField::Seq:
        return tr("row number");
    case LedgerField::RegistrationNo:
        return tr("registration number");
    case LedgerField::Category:
        return tr("category");
    case LedgerField::Problem:
        return tr("problem");
    case LedgerField::Measures:
        return tr("measures");
    case LedgerField::LeadLeader:
        return tr("lead leader");
    case LedgerField::ResponsibleOffice:
        return tr("responsible office");
    case LedgerField::ResponsiblePerson:
        return tr("responsible person");
    case LedgerField::Unit:
        return tr("inspected unit");
    case LedgerField::Deadline:
        return tr("deadline");
    case LedgerField::Progress:
        return tr("progress");
    case LedgerField::Status:
        return tr("status");
    case LedgerField::Evidence:
        return tr("evidence");
    case LedgerField::Note:
        return tr("note");
    }
    return {};
}

ProblemState LedgerRules::stateForWord(const QString &word, bool *recognised, const QString &header)
{
    const QString w = compact(word);
    const QString l = w.toLower();
    auto result = [recognised](ProblemState s, bool ok = true) {
        if (recognised)
            *recognised = ok;
        return s;
    };
    if (w.isEmpty())
        return result(ProblemState::Registered);
    // A yes/no answer (是/否, √/×) to the question its column asks: 是否完成, 是否销号, 是否整改到位.
    const bool yes = QStringList{QStringLiteral("是"), QStringLiteral("已"),  QStringLiteral("√"),
                                 QStringLiteral("✓"),  QStringLiteral("✔"),   QStringLiteral("☑"),
                                 QStringLiteral("y"),  QStringLiteral("yes"), QStringLiteral("true")}
                         .contains(l);
    const bool no =
        QStringList{QStringLiteral("否"), QStringLiteral("未"),   QStringLiteral("×"), QStringLiteral("✗"),
                    QStringLiteral("✘"),  QStringLiteral("☒"),    QStringLiteral("x"), QStringLiteral("n"),
                    QStringLiteral("no"), QStringLiteral("false")}
            .contains(l);
    if (yes || no) {
        const QString h = compact(header);
        const qsizetype q = h.indexOf(u"是否");
        const QString asked = q >= 0 ? h.mid(q + 2) : QString();
        if (no)
            return result(asked.contains(u"销号") ? ProblemState::Completed : ProblemState::InProgress);
        bool known = false;
        const ProblemState s = asked.isEmpty() ? ProblemState::Completed : stateForWord(asked, &known);
        return result(known && s != ProblemState::Registered ? s : ProblemState::Completed);
    }
    const QString key = w.toLower();
    for (const auto &[rule, re] : compiledStateRules()) {
        if (re.match(key).hasMatch())
            return result(rule.state);
    }
    return result(ProblemState::Registered, false);
}

const QList<StateRule> &LedgerRules::stateRules()
{
    // Read top to bottom: the first rule whose pattern is found in the word decides. Patterns
    // see the word without spaces, in half-width forms and lower case. To add a wording, add it
    // to the rule it belongs to (or a new row where its order matters) and a test row to
    // "every status rule has a test row" in tests/core/test_import_semantics.cpp.
    static const QList<StateRule> rules{
        {ProblemState::Completed, QStringLiteral("未销号|待销号|申请销号|拟销号|提请销号"),
         QStringLiteral("closing out is pending: the work is complete, the close-out is not")},
        {ProblemState::InProgress,
         QStringLiteral(
             "(?:(?<!按)计划|预计|争取|力争|拟于|拟在|将于|将在|预期|有望).*(?:完成|销号|办结|到位)"),
         QStringLiteral("a plan or an expectation (计划…完成, 预计…前完成, 争取/力争…完成) is not done yet")},
        {ProblemState::ClosedOut, QStringLiteral("销号|closed"), QStringLiteral("closed out (已销号)")},
        {ProblemState::LongTerm, QStringLiteral("长期坚持|基本完成|持续整改|长期整改|持续推进|long-?term"),
         QStringLiteral("basically complete, kept up long-term")},
        {ProblemState::Registered,
         QStringLiteral("未启动|待整改|未开始|待启动|未整改|notstarted|^registered$|^pending$"),
         QStringLiteral("not started")},
        {ProblemState::InProgress,
         QStringLiteral(
             "正在|整改中|推进中|进行中|未完成|办理中|落实中|尚未|部分完成|部分整改|未全部|没有完成|"
             "inprogress|ongoing"),
         QStringLiteral("under way, or only partly done")},
        {ProblemState::Completed, QStringLiteral("完成|已整改|办结|整改到位|已落实|已解决|complete|^done$"),
         QStringLiteral("done")},
    };
    return rules;
}

QString LedgerRules::wordForState(ProblemState state)
{
    switch (state) {
    case ProblemState::Registered:
        return tr("Not started");
    case ProblemState::InProgress:
        return tr("In progress");
    case ProblemState::LongTerm:
        return tr("Long-term");
    case ProblemState::Completed:
        return tr("Completed");
    case ProblemState::ClosedOut:
        return tr("Closed out");
    }
    return {};
}

DeadlineValue LedgerRules::parseDeadline(const QString &text, int defaultYear)
{
    DeadlineValue v;
    const QString raw = text.trimmed();
    // The common case, an ISO date (YYYY-MM-DD), as the full-date rule below reads it.
    if (raw.size() == 10 && raw[4] == u'-' && raw[7] == u'-') {
        bool digits = true;
        for (qsizetype k : {0, 1, 2, 3, 5, 6, 8, 9})
            digits = digits && raw[k] >= u'0' && raw[k] <= u'9';
        if (digits) {
            v.date = QDate(QStringView(raw).mid(0, 4).toInt(), QStringView(raw).mid(5, 2).toInt(),
                           QStringView(raw).mid(8, 2).toInt());
            v.invalid = !v.date.isValid();
            return v;
        }
    }
    // A time after the date (2021-06-30 00:00:00, as text exported from a date cell) is dropped.
    static const QRegularExpression time(
        QStringLiteral("(?<=\\d)(?:\\s+|T)\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?$"));
    QString s = compact(toHalfWidth(raw).remove(time));
    if (s.isEmpty())
        return v;
    // A period (2021年3月-6月, 2021年3月至6月底, 2021.3~2021.6) ends on its last date; the end
    // takes the start's year when it has none. "-" separates only after 月 or 日 (not 2021-06-30).
    static const QRegularExpression range(
        QStringLiteral("^(.*\\d.*?)(?:至|到|~|～|—|–|(?<=[月日])-{1,2})(.*\\d.*)$"));
    if (const auto m = range.match(s); m.hasMatch()) {
        static const QRegularExpression startYear(QStringLiteral("(\\d{4})\\s*[-/.年]"));
        const auto y = startYear.match(m.captured(1));
        QString end = m.captured(2);
        static const QRegularExpression hasYear(QStringLiteral("\\d{4}"));
        if (y.hasMatch() && !end.contains(hasYear))
            end = y.captured(1) + u'年' + end;
        DeadlineValue e = parseDeadline(end, y.hasMatch() ? y.captured(1).toInt() : defaultYear);
        if (e.date.isValid() || e.invalid)
            return e;
    }
    // A year alone (2021年, 2021年度内, 2021年前) ends on 31 December.
    static const QRegularExpression yearOnly(
        QStringLiteral("^(\\d{4})年度?(?:内|前|底前|完成|内完成|前完成)?$"));
    if (const auto m = yearOnly.match(s); m.hasMatch()) {
        v.date = QDate(m.captured(1).toInt(), 12, 31);
        return v;
    }
    static const QRegularExpression full(QStringLiteral("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})(?!\\d)"));
    static const QRegularExpression compactDate(QStringLiteral("^(\\d{4})(\\d{2})(\\d{2})$"));
    static const QRegularExpression yearMonth(QStringLiteral("(\\d{4})[-/.年](\\d{1,2})(?!\\d)(?:月)?"));
    static const QRegularExpression monthDay(QStringLiteral("(?<!\\d)(\\d{1,2})月(\\d{1,2})日"));
    static const QRegularExpression monthEnd(
        QStringLiteral("(?<![\\d.])(\\d{1,2})月(?:底|末|份|中旬|下旬)?"));
    static const QRegularExpression yearEnd(QStringLiteral("(?:(\\d{4})年)?(?:年底|年末|年内|底|末|全年)"));
    static const QRegularExpression quarter(QStringLiteral("(?:(\\d{4})年)?第?([一二三四1-4])季度"));
    static const QRegularExpression half(QStringLiteral("(?:(\\d{4})年)?(上|下)半年"));
    static const QRegularExpression serial(QStringLiteral("^\\d{5}(?:\\.\\d+)?$"));

    auto date = [&v](int y, int m, int d) {
        v.date = QDate(y, m, d);
        v.invalid = !v.date.isValid();
        return v;
    };
    if (auto m = full.match(s); m.hasMatch())
        return date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    if (auto m = compactDate.match(s); m.hasMatch())
        return date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    if (auto m = monthDay.match(s); m.hasMatch())
        return date(defaultYear, m.captured(1).toInt(), m.captured(2).toInt());
    if (serial.match(s).hasMatch()) {
        const double n = s.toDouble();
        if (n >= 20000 && n <= 80000) {
            v.date = QDate(1899, 12, 30).addDays(qint64(n));
            return v;
        }
    }
    if (auto m = yearMonth.match(s); m.hasMatch()) {
        const int month = m.captured(2).toInt();
        v.date = lastDayOfMonth(m.captured(1).toInt(), month);
        v.invalid = !v.date.isValid();
        return v;
    }
    const bool recurring = containsAny(s, {u"每", u"定期", u"常态"});
    if (!recurring) {
        if (auto m = quarter.match(s); m.hasMatch()) {
            const int year = m.captured(1).isEmpty() ? defaultYear : m.captured(1).toInt();
            const QString q = m.captured(2);
            const int n = q.at(0).isDigit() ? q.toInt() : chineseNumber(q);
            v.date = lastDayOfMonth(year, n * 3);
            return v;
        }
        if (auto m = half.match(s); m.hasMatch()) {
            const int year = m.captured(1).isEmpty() ? defaultYear : m.captured(1).toInt();
            v.date = m.captured(2) == u"上" ? QDate(year, 6, 30) : QDate(year, 12, 31);
            return v;
        }
        if (auto m = monthEnd.match(s); m.hasMatch()) {
            const int month = m.captured(1).toInt();
            v.date = lastDayOfMonth(defaultYear, month);
            v.invalid = !v.date.isValid();
            return v;
        }
        if (auto m = yearEnd.match(s);
            m.hasMatch() &&
            (containsAny(s, {u"年底", u"年末", u"年内", u"全年"}) || !m.captured(1).isEmpty())) {
            const int year = m.captured(1).isEmpty() ? defaultYear : m.captured(1).toInt();
            v.date = QDate(year, 12, 31);
            return v;
        }
    }
    // No fixed date: keep the words.
    v.note = raw;
    v.immediate = containsAny(s, {u"立行立改", u"立即", u"即知即改", u"立查立改", u"马上"});
    v.longTerm = containsAny(s, {u"长期", u"持续", u"常态"}) || s.toLower().contains(u"long");
    static const QRegularExpression digit(QStringLiteral("\\d"));
    v.unrecognised = s.contains(digit) && !recurring;
    return v;
}

QStringList LedgerRules::splitMeasures(const QString &text)
{
    const QString original = text.trimmed();
    if (original.isEmpty())
        return {};
    // Half-width conversion keeps every index: markers found in s cut the original text.
    const QString s = toHalfWidth(original);
    QList<Marker> candidates;
    for (qsizetype i = 0; i < s.size(); ++i) {
        auto m = markerAt(s, i);
        if (!m)
            continue;
        // "1." and "一是" need a boundary before them; ① and bracketed numbers mark an item anywhere.
        const bool bracketed = m->style == MarkerStyle::Circled || m->style == MarkerStyle::ArabicParen ||
                               m->style == MarkerStyle::ChineseParen ||
                               m->style == MarkerStyle::ParenthesizedDigit ||
                               m->style == MarkerStyle::NegativeCircled;
        if (i == 0 || bracketed || isBoundary(s[i - 1])) {
            candidates.append(*m);
        } else if (m->style == MarkerStyle::Arabic && s[i + m->length - 1] == u'.' &&
                   s[i - 1].unicode() >= 0x4E00 && s[i - 1].unicode() <= 0x9FFF) {
            // "1.加强学习2.完善制度": a pasted cell that lost its line breaks. Only "N." after a
            // word, never the first item, and only as the next number of the sequence.
            m->loose = true;
            candidates.append(*m);
        }
    }
    // The style is that of the first marker numbered 1; its markers must count 1, 2, 3 …
    QList<Marker> accepted;
    for (const Marker &first : std::as_const(candidates)) {
        if (first.number != 1 || first.loose)
            continue;
        int expected = 1;
        for (const Marker &m : std::as_const(candidates)) {
            if (m.pos < first.pos || m.style != first.style || m.number != expected)
                continue;
            accepted.append(m);
            ++expected;
        }
        break;
    }
    if (accepted.isEmpty())
        return {trimItem(original)};
    QStringList items;
    const QString prefix = trimItem(original.left(accepted.first().pos));
    for (qsizetype k = 0; k < accepted.size(); ++k) {
        const qsizetype start = accepted[k].pos + accepted[k].length;
        const qsizetype end = k + 1 < accepted.size() ? accepted[k + 1].pos : original.size();
        QString item = trimItem(original.mid(start, end - start));
        if (k == 0 && !prefix.isEmpty())
            item = prefix + u' ' + item;
        if (!item.isEmpty())
            items.append(item);
    }
    return items.isEmpty() ? QStringList{trimItem(original)} : items;
}

QString LedgerRules::cleanCategory(const QString &text)
{
    static const QRegularExpression leading(
        QStringLiteral("^\\s*(?:第[一二三四五六七八九十百零〇\\d]+(?:部分|类|方面|章|节|项)?\\s*[、.．:：]?|"
                       "[（(]\\s*[一二三四五六七八九十百零〇\\d]+\\s*[）)]\\s*[、.．]?|"
                       "[一二三四五六七八九十百零〇]+\\s*[、.．:：]|"
                       "[0-9０-９]+\\s*[、．:：]|[0-9０-９]+\\.(?![0-9])|"
                       "[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩIVX]+\\s*[、.．])\\s*"));
    static const QRegularExpression trailing(
        QStringLiteral("\\s*[（(]\\s*(?:共|计)?\\s*[0-9０-９]+\\s*(?:个|项|条)?\\s*(?:问题)?\\s*[）)]\\s*[:"
                       "：]?\\s*$|\\s*[:：]\\s*$"));
    QString s = text.trimmed();
    QString cleaned = s;
    cleaned.remove(leading);
    cleaned.remove(trailing);
    cleaned = cleaned.trimmed();
    return cleaned.isEmpty() ? s : cleaned;
}

bool LedgerRules::looksLikeSection(const QString &text)
{
    static const QRegularExpression ordinal(QStringLiteral(
        "^\\s*(?:第[一二三四五六七八九十百]+(?:部分|类|方面|章|节)|[（(][一二三四五六七八九十]+[）)]|"
        "[一二三四五六七八九十]+\\s*[、.．:：]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+\\s*[、.．])"));
    static const QRegularExpression count(
        QStringLiteral("[（(]\\s*(?:共|计)\\s*[0-9０-９]+\\s*(?:个|项|条)"));
    const QString t = text.trimmed();
    if (t.isEmpty())
        return false;
    return ordinal.match(t).hasMatch() || count.match(t).hasMatch() ||
           (t.size() <= 40 && (t.endsWith(u"方面") || t.endsWith(u"方面问题")));
}

bool LedgerRules::isSummary(const QString &text)
{
    const QString s = compact(text);
    return s.startsWith(u"合计") || s.startsWith(u"总计") || s.startsWith(u"小计") || s.startsWith(u"共计") ||
           s.startsWith(u"总数") || s.startsWith(u"汇总") || s.toLower().startsWith(u"total");
}

QDate LedgerRules::findDate(const QString &text)
{
    static const QRegularExpression full(QStringLiteral("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})"));
    const auto m = full.match(compact(text));
    return m.hasMatch() ? QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt())
                        : QDate();
}

} // namespace rectrack::core
