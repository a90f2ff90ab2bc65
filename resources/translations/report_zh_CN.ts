<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ReportBuilder</name>
    <message>
        <source>Report on the Rectification of Inspection Findings</source>
        <translation>巡察整改工作情况报告</translation>
    </message>
    <message>
        <source>Office of the Inspection Work Leading Group</source>
        <translation>巡察工作领导小组办公室</translation>
    </message>
    <message>
        <source>Referral sheets</source>
        <translation>抄告单</translation>
    </message>
    <message>
        <source>Thematic reports</source>
        <translation>专题报告</translation>
    </message>
    <message>
        <source>Key-situation reports</source>
        <translation>要情专报</translation>
    </message>
    <message>
        <source>The report needs a valid as-of date.</source>
        <translation>报告需要有效的统计截止日期。</translation>
    </message>
    <message>
        <source>The comparison date %1 must be before the as-of date %2.</source>
        <translation>比较日期%1必须早于统计截止日期%2。</translation>
    </message>
    <message>
        <source>The register has no unit named &quot;%1&quot;.</source>
        <translation>台账中没有名为“%1”的单位。</translation>
    </message>
    <message>
        <source>The register has no round labelled &quot;%1&quot;.</source>
        <translation>台账中没有“%1”这一轮次。</translation>
    </message>
    <message>
        <source>Whole register</source>
        <translation>全部台账</translation>
    </message>
</context>
<context>
    <name>ReportCharts</name>
    <message>
        <source>%1 (0%)</source>
        <translation>%1（0%）</translation>
    </message>
    <message>
        <source>Completion rate</source>
        <translation>完成率</translation>
    </message>
    <message>
        <source>Central inspection</source>
        <translation>中央巡视</translation>
    </message>
    <message>
        <source>Provincial inspection</source>
        <translation>省委巡视</translation>
    </message>
    <message>
        <source>Municipal inspection</source>
        <translation>市委巡察</translation>
    </message>
    <message>
        <source>District inspection</source>
        <translation>区县委巡察</translation>
    </message>
    <message>
        <source>over %1 days</source>
        <translation>%1天以上</translation>
    </message>
    <message>
        <source>%1–%2 days</source>
        <translation>%1–%2天</translation>
    </message>
    <message>
        <source>Completion rate by round</source>
        <translation>各轮次问题整改完成率</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2个）</translation>
    </message>
    <message>
        <source>Completion rate by source of the problems</source>
        <translation>各来源问题整改完成率</translation>
    </message>
    <message>
        <source>Completion rate by unit</source>
        <translation>各单位问题整改完成率</translation>
    </message>
    <message>
        <source>Completion rate of the %1 units below 100% (of %2 units with problems)</source>
        <translation>完成率未达100%的%1个单位（共%2个单位有问题）</translation>
    </message>
    <message>
        <source>Completion rate of the %1 units with the lowest rates</source>
        <translation>完成率最低的%1个单位</translation>
    </message>
    <message>
        <source>Problems by state</source>
        <translation>问题整改状态分布</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1：%2个（%3）</translation>
    </message>
    <message>
        <source>Problems registered and done, cumulative</source>
        <translation>累计挂号与累计完成问题数</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>累计挂号</translation>
    </message>
    <message>
        <source>Done (completed and closed out)</source>
        <translation>累计完成（含销号）</translation>
    </message>
    <message>
        <source>Overdue problems by days past the deadline</source>
        <translation>逾期问题超期天数分布</translation>
    </message>
    <message>
        <source>Overdue problems</source>
        <translation>逾期问题</translation>
    </message>
    <message>
        <source>Problems by inspection office</source>
        <translation>各巡察办问题整改情况</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题总数</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Closed out</source>
        <translation>已销号</translation>
    </message>
    <message>
        <source>completion %1</source>
        <translation>完成率 %1</translation>
    </message>
</context>
<context>
    <name>ReportRenderer</name>
    <message>
        <source>%1-%2-%3</source>
        <comment>date: year, month, day</comment>
        <translation>%1年%2月%3日</translation>
    </message>
    <message>
        <source>%1, as of %2</source>
        <translation>%1&#x3000;截至%2</translation>
    </message>
    <message>
        <source>Scope: %1</source>
        <translation>范围：%1</translation>
    </message>
    <message>
        <source>Figures as of %1</source>
        <translation>数据截至%1</translation>
    </message>
    <message>
        <source>Compared with %1</source>
        <translation>比较日期：%1</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <comment>section number and title</comment>
        <translation>%1、%2</translation>
    </message>
    <message>
        <source>Overall situation</source>
        <translation>总体情况</translation>
    </message>
    <message>
        <source>As of %1, the register holds %2 problems; %3 are done (%4 of them closed out), a completion rate of %5. %6 are long-term, %7 in progress and %8 not started; %9 are overdue.</source>
        <translation>截至%1，台账共登记问题%2个，已完成%3个（其中已销号%4个），完成率%5；长期坚持%6个，正在整改%7个，尚未启动%8个；逾期未完成%9个。</translation>
    </message>
    <message>
        <source>%1 %2 of %3 (%4)</source>
        <translation>%1%2/%3（%4）</translation>
    </message>
    <message>
        <source>other units</source>
        <translation>其他单位</translation>
    </message>
    <message>
        <source>Inspection coverage of %1: %2 of the %3 units on the must-cover list have been inspected, a coverage rate of %4 (%5).</source>
        <translation>%1巡察全覆盖情况：应覆盖单位%3个，已巡察%2个，全覆盖率%4（%5）。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Since %1, %2 more problems have been done and %3 registered; the completion rate went from %4 to %5 (%6 percentage points).</source>
        <translation>%1以来，新增完成问题%2个，新增挂号问题%3个；完成率由%4变为%5（%6个百分点）。</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题总数</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Completion rate</source>
        <translation>完成率</translation>
    </message>
    <message>
        <source>Closed out</source>
        <translation>已销号</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Coverage rate</source>
        <translation>巡察全覆盖率</translation>
    </message>
    <message>
        <source>Rectification by source of the problems</source>
        <translation>分来源整改情况</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>问题来源</translation>
    </message>
    <message>
        <source>Long-term</source>
        <translation>长期坚持</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Progress by round and over time</source>
        <translation>分轮次整改情况和整改进度</translation>
    </message>
    <message>
        <source>Rectification by unit</source>
        <translation>各单位整改情况</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Table: rectification of every unit (%1 units)</source>
        <translation>各单位整改情况表（共%1个单位）</translation>
    </message>
    <message>
        <source>Done = completed and closed out; long-term problems are not counted as done. Completion rate = done ÷ problems. — = no problems registered.</source>
        <translation>注：已完成＝已完成待销号＋已销号，长期坚持问题不计入已完成；完成率＝已完成÷问题总数；“—”表示尚未登记问题。</translation>
    </message>
    <message>
        <source>Overdue problems and the leaders responsible</source>
        <translation>逾期问题及责任领导（点人点事）</translation>
    </message>
    <message>
        <source>As of %1, no problem is past its deadline.</source>
        <translation>截至%1，没有超过整改时限未完成的问题。</translation>
    </message>
    <message>
        <source>As of %1, %2 problems are past their deadline and not done. The %3 most overdue are listed with their lead leaders.</source>
        <translation>截至%1，超过整改时限未完成的问题共%2个，现将超期时间最长的%3个问题及其牵头领导列示如下。</translation>
    </message>
    <message>
        <source>Reg. no.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改时限</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Lead leader</source>
        <translation>牵头领导</translation>
    </message>
    <message>
        <source>Responsible office</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <source>A further %1 overdue problems are not listed here; see the problem ledger.</source>
        <translation>另有%1个逾期问题未列出，详见问题台账。</translation>
    </message>
    <message>
        <source>Supervision and outcomes</source>
        <translation>督办和整改成效</translation>
    </message>
    <message>
        <source>Problem clues transferred</source>
        <translation>问题线索移交处置</translation>
    </message>
    <message>
        <source>%1 problem clues have been transferred; disposal has been reported for %2, %3 are pending, of which %4 are past the three-month due date.</source>
        <translation>共移交问题线索%1件，已反馈处置结果%2件，尚未反馈%3件，其中超过三个月办理时限%4件。</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>接收单位</translation>
    </message>
    <message>
        <source>Clues</source>
        <translation>线索数</translation>
    </message>
    <message>
        <source>Disposal reported</source>
        <translation>已反馈处置</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未填写）</translation>
    </message>
    <message>
        <source>Referral sheets and reports</source>
        <translation>抄告单和专题报告</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>发出数</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已回复</translation>
    </message>
    <message>
        <source>Rectification-effect evaluations</source>
        <translation>整改效果评价</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>(no grade)</source>
        <translation>（未评等次）</translation>
    </message>
    <message>
        <source>%1 evaluations, average score %2 (%3); %4 units must rectify a second time.</source>
        <translation>共开展整改效果评价%1次，平均得分%2（%3）；需开展二次整改的%4个。</translation>
    </message>
    <message>
        <source>Rules established</source>
        <translation>建章立制</translation>
    </message>
    <message>
        <source>%1 rules and regulations have been established or revised.</source>
        <translation>共建立完善制度%1项。</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>制度名称</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>The %1 most recent of %2 are listed.</source>
        <translation>列示最近的%1项（共%2项）。</translation>
    </message>
    <message>
        <source>Accountability</source>
        <translation>追责问责</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>问责方式</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Funds recovered</source>
        <translation>追缴挽回资金</translation>
    </message>
    <message>
        <source>%1 recoveries, %2 yuan in all.</source>
        <translation>共追缴挽回资金%1笔，合计%2元。</translation>
    </message>
    <message>
        <source>Appendix: problem ledger (%1 problems)</source>
        <translation>附件：问题台账（共%1个问题）</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Cannot write a report as &quot;%1&quot;: the file name must end in .pdf or .odt.</source>
        <translation>无法将报告写为“%1”：文件名须以 .pdf 或 .odt 结尾。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>截至%1</translation>
    </message>
    <message>
        <source>%1 · as of %2</source>
        <translation>%1&#x3000;截至%2</translation>
    </message>
    <message>
        <source>Cannot set the document properties of %1.</source>
        <translation>无法设置%1的文档属性。</translation>
    </message>
    <message>
        <source>I</source>
        <translation>一</translation>
    </message>
    <message>
        <source>II</source>
        <translation>二</translation>
    </message>
    <message>
        <source>III</source>
        <translation>三</translation>
    </message>
    <message>
        <source>IV</source>
        <translation>四</translation>
    </message>
    <message>
        <source>V</source>
        <translation>五</translation>
    </message>
    <message>
        <source>VI</source>
        <translation>六</translation>
    </message>
    <message>
        <source>VII</source>
        <translation>七</translation>
    </message>
    <message>
        <source>VIII</source>
        <translation>八</translation>
    </message>
    <message>
        <source>IX</source>
        <translation>九</translation>
    </message>
    <message>
        <source>X</source>
        <translation>十</translation>
    </message>
    <message>
        <source>Newly done</source>
        <translation>新增完成</translation>
    </message>
    <message>
        <source> Newly done = done since %1.</source>
        <translation>新增完成为%1以来新增完成的问题数。</translation>
    </message>
    <message>
        <source>Responsible office and person</source>
        <translation>责任部门／责任人</translation>
    </message>
    <message>
        <source>Cannot set the Chinese fonts of %1.</source>
        <translation>无法设置%1的中文字体。</translation>
    </message>
    <message>
        <source>These characters have no glyph in the fonts installed on this computer and print as empty boxes: %1. Install a font that has them (for example fonts-hanazono) and write the report again.</source>
        <translation>以下字符在本机已安装的字体中没有字形，打印为空白方框：%1。请安装含有这些字符的字体（如 fonts-hanazono）后重新生成报告。</translation>
    </message>
    <message>
        <source>Table: rectification by inspection office (%1 offices)</source>
        <translation>各巡察办整改情况表（共%1个巡察办）</translation>
    </message>
    <message>
        <source>Inspection office</source>
        <translation>巡察办</translation>
    </message>
</context>
<context>
    <name>rectrack::cli::Cli</name>
    <message>
        <source>The report file must end in .pdf or .odt: %1</source>
        <translation>报告文件名须以 .pdf 或 .odt 结尾：%1</translation>
    </message>
    <message>
        <source>Unknown source &quot;%1&quot; (central, provincial, municipal or district).</source>
        <translation>未知的问题来源“%1”（可选 central、provincial、municipal、district）。</translation>
    </message>
    <message>
        <source>The date &quot;%1&quot; is not valid; write it as YYYY-MM-DD.</source>
        <translation>日期“%1”无效，请写作 YYYY-MM-DD。</translation>
    </message>
    <message>
        <source>Wrote the report %1 (%2 pages).</source>
        <translation>已生成报告 %1（共 %2 页）。</translation>
    </message>
    <message>
        <source>Wrote the report %1.</source>
        <translation>已生成报告 %1。</translation>
    </message>
    <message>
        <source>the committee-meeting report as PDF or editable .odt</source>
        <translation>生成供会议使用的整改情况报告（PDF 或可编辑的 .odt）</translation>
    </message>
    <message>
        <source>Usage: rectrack-cli report DB -o FILE.pdf|FILE.odt [--as-of YYYY-MM-DD] [--since YYYY-MM-DD] [--unit NAME] [--round LABEL] [--source central|provincial|municipal|district] [--site OFFICE] [--marking TEXT] [--title TEXT] [--appendix]</source>
        <translation>用法：rectrack-cli report 台账文件 -o 文件.pdf|文件.odt [--as-of YYYY-MM-DD] [--since YYYY-MM-DD] [--unit 单位] [--round 轮次] [--source central|provincial|municipal|district] [--site 巡察办] [--marking 密级] [--title 标题] [--appendix]</translation>
    </message>
</context>
<context>
    <name>rectrack::ui::ManualRenderer</name>
    <message>
        <source>This program holds no user manual.</source>
        <translation>本程序中没有操作手册。</translation>
    </message>
    <message>
        <source>— %1 —</source>
        <translation>— %1 —</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Rectrack inspection rectification register</source>
        <translation>Rectrack 巡察整改监督台账</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>Runs offline: one local register file, nothing sent anywhere.</source>
        <translation>完全离线运行：一个台账即一个本机文件，不经过任何网络。</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>目&#x3000;录</translation>
    </message>
    <message>
        <source>Cannot set the document properties of %1.</source>
        <translation>无法设置%1的文档属性。</translation>
    </message>
</context>
<context>
    <name>rectrack::ui::ReportDialog</name>
    <message>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>Whole register</source>
        <translation>全部台账</translation>
    </message>
    <message>
        <source>One round or batch</source>
        <translation>某一轮次（批次）</translation>
    </message>
    <message>
        <source>One unit</source>
        <translation>某一单位</translation>
    </message>
    <message>
        <source>One source level</source>
        <translation>某一问题来源</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>与此日期比较</translation>
    </message>
    <message>
        <source>Internal material, keep safe</source>
        <translation>内部资料&#x3000;注意保存</translation>
    </message>
    <message>
        <source>Internal material</source>
        <translation>内部资料</translation>
    </message>
    <message>
        <source>Append the full problem ledger</source>
        <translation>附完整问题台账</translation>
    </message>
    <message>
        <source>PDF for printing (.pdf)</source>
        <translation>用于打印的 PDF（.pdf）</translation>
    </message>
    <message>
        <source>Editable document for WPS or LibreOffice (.odt)</source>
        <translation>可在 WPS 或 LibreOffice 中编辑的文档（.odt）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Scope:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>As of:</source>
        <translation>统计截止日期：</translation>
    </message>
    <message>
        <source>Change since:</source>
        <translation>变化比较：</translation>
    </message>
    <message>
        <source>Marking:</source>
        <translation>密级标注：</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>The comparison date must be before the as-of date.</source>
        <translation>比较日期必须早于统计截止日期。</translation>
    </message>
    <message>
        <source>Choose what the report covers.</source>
        <translation>请选择报告范围。</translation>
    </message>
    <message>
        <source>Choose the file to write.</source>
        <translation>请选择要保存的文件。</translation>
    </message>
    <message>
        <source>OpenDocument text (*.odt)</source>
        <translation>OpenDocument 文本（*.odt）</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF（*.pdf）</translation>
    </message>
</context>
</TS>
