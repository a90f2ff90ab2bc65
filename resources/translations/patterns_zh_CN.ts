<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PatternReportText</name>
    <message>
        <source>Common and recurring problems</source>
        <translation>共性问题和屡查屡犯问题</translation>
    </message>
    <message>
        <source>%1 patterns of the same problem have been confirmed; %2 of those listed are common to several units, and problems were found again after close-out %3 times in %4 units.</source>
        <translation>经确认的同类问题共%1类，所列问题中共性问题%2类；销号后再次发现问题%3次，涉及%4个单位。</translation>
    </message>
    <message>
        <source>The %1 most widespread are listed.</source>
        <translation>列出涉及面最广的%1类。</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>问题类型</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单位数</translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation>轮次数</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题数</translation>
    </message>
    <message>
        <source>Closed out</source>
        <translation>已销号</translation>
    </message>
    <message>
        <source>Close-out rate</source>
        <translation>销号率</translation>
    </message>
    <message>
        <source>Found again (units/times)</source>
        <translation>屡查屡犯（单位/次）</translation>
    </message>
    <message>
        <source>Referrals and rules</source>
        <translation>抄告和建章立制</translation>
    </message>
    <message>
        <source>%1 (common)</source>
        <translation>%1（共性）</translation>
    </message>
    <message>
        <source>not rectified %1/%2</source>
        <translation>未整改到位 %1/%2</translation>
    </message>
    <message>
        <source>Referral: %1</source>
        <translation>抄告单：%1</translation>
    </message>
    <message>
        <source>Rule: %1</source>
        <translation>建章立制：%1</translation>
    </message>
    <message>
        <source>Method: problems whose texts share character pairs (Dice coefficient of character bigrams at least %1, each member at least %2 with the most typical problem) are suggested as one pattern and count only once a person has confirmed them; a pattern is common when it spans at least %3 units; found again means fed back in a unit after a problem of the same pattern there had been closed out.</source>
        <translation>方法：问题表述的相邻字对相似（字二元组Dice系数不低于%1，且每个问题与最典型问题的相似度不低于%2）的问题被建议为同类问题，经人工确认后方计入；涉及不少于%3个单位的为共性问题；同一单位同类问题销号后又被反馈的，计为屡查屡犯。</translation>
    </message>
</context>
<context>
    <name>PatternService</name>
    <message>
        <source>The similarity thresholds must satisfy 0 &lt; possible ≤ suggest ≤ 1.</source>
        <translation>相似度阈值须满足 0 &lt; 疑似阈值 ≤ 建议阈值 ≤ 1。</translation>
    </message>
    <message>
        <source>A common problem must span 2 to 100 units.</source>
        <translation>共性问题的单位数须在2至100之间。</translation>
    </message>
    <message>
        <source>The pattern %1 has referrals or rules raised from it and cannot be removed.</source>
        <translation>同类问题“%1”已据以发出抄告单或建章立制，不能删除。</translation>
    </message>
    <message>
        <source>A pattern needs a name.</source>
        <translation>同类问题须有名称。</translation>
    </message>
    <message>
        <source>The pattern %1 has no problems left.</source>
        <translation>同类问题“%1”已没有问题。</translation>
    </message>
    <message>
        <source>Problem #%1 does not exist.</source>
        <translation>问题 #%1 不存在。</translation>
    </message>
    <message>
        <source>The problem %1 would belong to two patterns.</source>
        <translation>问题 %1 将同时属于两类同类问题。</translation>
    </message>
    <message>
        <source>A pattern needs at least one problem.</source>
        <translation>同类问题至少须有一个问题。</translation>
    </message>
    <message>
        <source>Pattern #%1 does not exist.</source>
        <translation>同类问题 #%1 不存在。</translation>
    </message>
    <message>
        <source>Problem #%1 is not a member of the pattern %2.</source>
        <translation>问题 #%1 不属于同类问题“%2”。</translation>
    </message>
    <message>
        <source>Choose two different patterns to merge.</source>
        <translation>请选择两类不同的同类问题进行合并。</translation>
    </message>
    <message>
        <source>A split leaves problems on both sides.</source>
        <translation>拆分后两边都须有问题。</translation>
    </message>
    <message>
        <source>The due date cannot be before the referral was issued.</source>
        <translation>反馈期限不能早于抄告单发出日期。</translation>
    </message>
    <message>
        <source>A rule-building item needs a name.</source>
        <translation>建章立制事项须有名称。</translation>
    </message>
</context>
<context>
    <name>SimilarProblems</name>
    <message>
        <source>Similar problems</source>
        <translation>相似问题</translation>
    </message>
    <message>
        <source>No similar problem in the register.</source>
        <translation>台账中没有相似问题。</translation>
    </message>
    <message>
        <source>possible, %1</source>
        <translation>疑似，%1</translation>
    </message>
    <message>
        <source>same pattern, %1</source>
        <translation>同类，%1</translation>
    </message>
    <message>
        <source>pattern: %1</source>
        <translation>同类问题：%1</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>……另有 %n 个。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rectrack::cli::Cli</name>
    <message>
        <source>Pattern</source>
        <translation>问题类型</translation>
    </message>
    <message>
        <source>Common</source>
        <translation>共性</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单位数</translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation>轮次数</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题数</translation>
    </message>
    <message>
        <source>Closed out</source>
        <translation>已销号</translation>
    </message>
    <message>
        <source>Close-out rate</source>
        <translation>销号率</translation>
    </message>
    <message>
        <source>Recurrences (units/events)</source>
        <translation>屡查屡犯（单位/次）</translation>
    </message>
    <message>
        <source>Not rectified (units/events)</source>
        <translation>未整改到位（单位/次）</translation>
    </message>
    <message>
        <source>%1 (suggested)</source>
        <translation>%1（建议）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Usage: rectrack-cli patterns DB [--suggest [--accept]] [--as-of YYYY-MM-DD] [--format table|json]</source>
        <translation>用法：rectrack-cli patterns 台账文件 [--suggest [--accept]] [--as-of YYYY-MM-DD] [--format table|json]</translation>
    </message>
    <message>
        <source>Unknown format &quot;%1&quot; (table or json).</source>
        <translation>未知格式“%1”（table 或 json）。</translation>
    </message>
    <message>
        <source>--accept goes with --suggest.</source>
        <translation>--accept 须与 --suggest 同用。</translation>
    </message>
    <message numerus="yes">
        <source>Accepted %n pattern(s).</source>
        <translation>
            <numerusform>已确认 %n 类同类问题。</numerusform>
        </translation>
    </message>
    <message>
        <source>common and recurring problems: confirmed patterns, or suggested ones (--suggest)</source>
        <translation>共性问题和屡查屡犯：已确认的同类问题，或建议的同类问题（--suggest）</translation>
    </message>
</context>
<context>
    <name>rectrack::ui::PatternsView</name>
    <message>
        <source>Refresh suggestions</source>
        <translation>重新查找相似问题</translation>
    </message>
    <message>
        <source>Accept…</source>
        <translation>确认…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Split…</source>
        <translation>拆分…</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <source>Move…</source>
        <translation>移动…</translation>
    </message>
    <message>
        <source>Exclude</source>
        <translation>排除</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Referral sheet…</source>
        <translation>生成抄告单…</translation>
    </message>
    <message>
        <source>Rule building…</source>
        <translation>建章立制…</translation>
    </message>
    <message>
        <source>Pattern / problem</source>
        <translation>同类问题 / 问题</translation>
    </message>
    <message>
        <source>Common</source>
        <translation>共性</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单位数</translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation>轮次数</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题数</translation>
    </message>
    <message>
        <source>Closed out</source>
        <translation>已销号</translation>
    </message>
    <message>
        <source>Close-out rate</source>
        <translation>销号率</translation>
    </message>
    <message>
        <source>Recurrences</source>
        <translation>屡查屡犯</translation>
    </message>
    <message>
        <source>Not rectified</source>
        <translation>未整改到位</translation>
    </message>
    <message>
        <source>Referrals and rules</source>
        <translation>抄告和建章立制</translation>
    </message>
    <message>
        <source>%1 confirmed patterns, %2 of them common (共性); %3 units with recurrences (屡查屡犯); %4 suggestions to review. Similar texts are only suggestions: a pattern counts once a person accepts it.</source>
        <translation>已确认同类问题%1类，其中共性问题%2类；屡查屡犯涉及%3个单位；待审核建议%4条。相似表述仅为建议，经人工确认后方计入。</translation>
    </message>
    <message>
        <source>Add to: %1</source>
        <translation>并入：%1</translation>
    </message>
    <message>
        <source>common</source>
        <translation>共性</translation>
    </message>
    <message>
        <source>recurrence</source>
        <translation>屡查屡犯</translation>
    </message>
    <message>
        <source>not rectified</source>
        <translation>未整改到位</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>%1 similar</source>
        <translation>相似度 %1</translation>
    </message>
    <message>
        <source>Confirmed patterns (%1)</source>
        <translation>已确认的同类问题（%1）</translation>
    </message>
    <message>
        <source>Suggestions (%1)</source>
        <translation>建议（%1）</translation>
    </message>
    <message>
        <source>Common problems</source>
        <translation>共性问题</translation>
    </message>
    <message>
        <source>No register is open.</source>
        <translation>没有打开台账。</translation>
    </message>
    <message>
        <source>Choose a suggestion.</source>
        <translation>请选择一条建议。</translation>
    </message>
    <message>
        <source>Add problems to pattern %1</source>
        <translation>将问题并入同类问题“%1”</translation>
    </message>
    <message>
        <source>Accept pattern %1</source>
        <translation>确认同类问题“%1”</translation>
    </message>
    <message>
        <source>Accept pattern</source>
        <translation>确认同类问题</translation>
    </message>
    <message>
        <source>Name of the pattern:</source>
        <translation>同类问题名称：</translation>
    </message>
    <message>
        <source>Rename pattern</source>
        <translation>重命名同类问题</translation>
    </message>
    <message>
        <source>Rename pattern %1</source>
        <translation>重命名同类问题为“%1”</translation>
    </message>
    <message>
        <source>Split pattern</source>
        <translation>拆分同类问题</translation>
    </message>
    <message>
        <source>Name of the new pattern:</source>
        <translation>新同类问题名称：</translation>
    </message>
    <message>
        <source>Merge patterns</source>
        <translation>合并同类问题</translation>
    </message>
    <message>
        <source>Merge into this pattern:</source>
        <translation>并入本类的同类问题：</translation>
    </message>
    <message>
        <source>Move problems</source>
        <translation>移动问题</translation>
    </message>
    <message>
        <source>Move to the pattern:</source>
        <translation>移至同类问题：</translation>
    </message>
    <message>
        <source>Exclude problem</source>
        <translation>排除问题</translation>
    </message>
    <message>
        <source>Delete pattern</source>
        <translation>删除同类问题</translation>
    </message>
    <message>
        <source>Delete this pattern? Its problems stay in the register.</source>
        <translation>删除该同类问题？其中的问题仍保留在台账中。</translation>
    </message>
    <message>
        <source>Referral sheet from a common problem</source>
        <translation>就共性问题生成抄告单</translation>
    </message>
    <message>
        <source>Referral on %1</source>
        <translation>关于%1问题的抄告单</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>事由：</translation>
    </message>
    <message>
        <source>Responsible department:</source>
        <translation>主送（责任部门）：</translation>
    </message>
    <message>
        <source>Copy to:</source>
        <translation>抄送：</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>编号：</translation>
    </message>
    <message>
        <source>Issued on:</source>
        <translation>发出日期：</translation>
    </message>
    <message>
        <source>Response due:</source>
        <translation>反馈期限：</translation>
    </message>
    <message numerus="yes">
        <source>Linked to the pattern&apos;s %n problem(s).</source>
        <translation>
            <numerusform>关联该类的 %n 个问题。</numerusform>
        </translation>
    </message>
    <message>
        <source>Rule building from a common problem</source>
        <translation>就共性问题建章立制</translation>
    </message>
    <message>
        <source>Rule to establish:</source>
        <translation>拟建立的制度：</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>责任单位：</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>完成时限：</translation>
    </message>
    <message>
        <source>Looking for similar problems in the whole register; the suggestions follow.</source>
        <translation>正在全库查找相似问题，建议稍后显示。</translation>
    </message>
</context>
</TS>
