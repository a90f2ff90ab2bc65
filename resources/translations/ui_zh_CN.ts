<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Labels</name>
    <message>
        <source>Registered</source>
        <translation>已挂号</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>整改中</translation>
    </message>
    <message>
        <source>Long-term</source>
        <translation>长期坚持</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Closed out</source>
        <translation>已销号</translation>
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
        <source>Unit leader</source>
        <translation>单位领导审核</translation>
    </message>
    <message>
        <source>Unit rectification group</source>
        <translation>单位整改工作领导小组审核</translation>
    </message>
    <message>
        <source>Inspection office</source>
        <translation>巡察办审核</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Inspection rectification supervision register</source>
        <translation>巡察整改监督台账</translation>
    </message>
    <message>
        <source>Language: zh_CN or en.</source>
        <translation>界面语言：zh_CN 或 en。</translation>
    </message>
    <message>
        <source>Save screenshots to DIR and quit.</source>
        <translation>保存截图到 DIR 后退出。</translation>
    </message>
    <message>
        <source>Register file to open.</source>
        <translation>要打开的台账文件。</translation>
    </message>
    <message>
        <source>Demo register</source>
        <translation>示例台账</translation>
    </message>
    <message>
        <source>Open the demo register (created on first use).</source>
        <translation>打开示例台账（首次使用时创建）。</translation>
    </message>
</context>
<context>
    <name>rectrack::ui::ChartCard</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the chart to the clipboard as an image</source>
        <translation>将图表作为图片复制到剪贴板</translation>
    </message>
    <message>
        <source>Save PNG…</source>
        <translation>保存 PNG…</translation>
    </message>
    <message>
        <source>Save the chart as a PNG image</source>
        <translation>将图表保存为 PNG 图片</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
</context>
<context>
    <name>rectrack::ui::DashboardView</name>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Change since</source>
        <translation>对比日期</translation>
    </message>
    <message>
        <source>Show the change since this date (the last meeting)</source>
        <translation>显示自该日期（上次会议）以来的变化</translation>
    </message>
    <message>
        <source>term</source>
        <translation>届次</translation>
    </message>
    <message>
        <source>category</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <source>responsible office</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>lead leader</source>
        <translation>牵头领导</translation>
    </message>
    <message>
        <source>state</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>traffic light</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>deadline</source>
        <translation>整改时限</translation>
    </message>
    <message>
        <source>search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Scope: %1 · as of %2</source>
        <translation>范围：%1 · 截至 %2</translation>
    </message>
    <message>
        <source>whole register</source>
        <translation>全部问题</translation>
    </message>
    <message>
        <source>The dashboard covers the unit, round and source level of the current filter; these filters do not apply to it: %1.</source>
        <translation>仪表盘只按当前筛选的单位、轮次和来源统计，以下筛选条件不适用：%1。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Traffic lights on %1</source>
        <translation>%1 预警情况</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题数</translation>
    </message>
    <message>
        <source>Click a bar or a slice to open the problems behind it</source>
        <translation>点击柱形或扇区可查看对应的问题</translation>
    </message>
    <message>
        <source>Overdue %1</source>
        <translation>逾期 %1</translation>
    </message>
    <message>
        <source>Dashboard: %1</source>
        <translation>仪表盘：%1</translation>
    </message>
    <message>
        <source>%1 points</source>
        <translation>%1 个百分点</translation>
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
        <source>Long-term</source>
        <translation>长期坚持</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Close-out rate</source>
        <translation>销号率</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>巡察覆盖率</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 of %2 units to cover in the term %3 are covered</source>
        <translation>%3应覆盖单位 %2 个，已覆盖 %1 个</translation>
    </message>
    <message>
        <source>Problems registered by the as-of date in the scope</source>
        <translation>截至统计日期范围内登记的问题</translation>
    </message>
    <message>
        <source>Deadline passed and not done (long-term problems are not overdue)</source>
        <translation>已过整改时限且未完成（长期坚持的问题不计逾期）</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Print the whole dashboard (preview first)</source>
        <translation>打印整个仪表盘（先预览）</translation>
    </message>
    <message>
        <source>Print dashboard</source>
        <translation>打印仪表盘</translation>
    </message>
</context>
<context>
    <name>rectrack::ui::DetailPane</name>
    <message>
        <source>Select a row to see the problem in detail.</source>
        <translation>选择一行，查看问题详情。</translation>
    </message>
    <message>
        <source>Inspected unit</source>
        <translation>被巡察单位</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <source>Responsible office</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Lead leader</source>
        <translation>牵头领导</translation>
    </message>
    <message>
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Feedback date</source>
        <translation>反馈日期</translation>
    </message>
    <message>
        <source> (originally %1)</source>
        <translation>（原时限 %1）</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改时限</translation>
    </message>
    <message>
        <source>Completed on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>Closed out on</source>
        <translation>销号日期</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>具体表现</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>问题根源</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>整改进展</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <source>Deadline extensions</source>
        <translation>延期申请</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>销号审核</translation>
    </message>
</context>
<context>
    <name>rectrack::ui::FilterBar</name>
    <message>
        <source>Search problems and measures (Ctrl+F)</source>
        <translation>搜索问题和整改措施（Ctrl+F）</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>牵头领导</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改时限</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Save view…</source>
        <translation>保存视图…</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>No light</source>
        <translation>无预警</translation>
    </message>
</context>
<context>
    <name>rectrack::ui::HistoryDialog</name>
    <message>
        <source>History of %1</source>
        <translation>%1 的修改记录</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>No changes are recorded for this problem.</source>
        <translation>该问题没有修改记录。</translation>
    </message>
</context>
<context>
    <name>rectrack::ui::LedgerView</name>
    <message>
        <source>First %1 of %2 rows; narrow the filter to print the rest.</source>
        <translation>仅打印前 %1 行（共 %2 行）；请缩小筛选范围后打印其余部分。</translation>
    </message>
</context>
<context>
    <name>rectrack::ui::MainWindow</name>
    <message>
        <source>Rectrack registers (*.rtreg *.db *.sqlite);;All files (*)</source>
        <translation>台账文件 (*.rtreg *.db *.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Problem ledger</source>
        <translation>问题台账</translation>
    </message>
    <message>
        <source>Rectification ledger</source>
        <translation>整改台账</translation>
    </message>
    <message>
        <source>Figures and traffic lights as of this date</source>
        <translation>统计数字和红黄绿灯均截至此日期</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>Sorting…</source>
        <translation>正在排序…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New register…</source>
        <translation>新建台账(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open register…</source>
        <translation>打开台账(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Print preview…</source>
        <translation>打印预览(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Copy rows</source>
        <translation>复制选中行(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Copy rows</source>
        <translation>复制选中行</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Problem ledger</source>
        <translation>问题台账(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Rectification ledger</source>
        <translation>整改台账(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save current view…</source>
        <translation>保存当前视图(&amp;S)…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Rectrack</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>New register</source>
        <translation>新建台账</translation>
    </message>
    <message>
        <source>The file %1 already exists.</source>
        <translation>文件 %1 已存在。</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Cannot open the register</source>
        <translation>无法打开台账</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Problems %1 · done %2 · completion rate %3 · overdue %4</source>
        <translation>问题 %1 个 · 已完成 %2 个 · 完成率 %3 · 逾期 %4 个</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) shown</source>
        <translation>
            <numerusform>显示 %n 个问题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n measure(s) shown</source>
        <translation>
            <numerusform>显示 %n 条措施</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 - Rectrack inspection rectification register</source>
        <translation>%1 - 巡察整改监督台账</translation>
    </message>
    <message>
        <source>Rectrack inspection rectification register</source>
        <translation>巡察整改监督台账</translation>
    </message>
    <message>
        <source>Open register</source>
        <translation>打开台账</translation>
    </message>
    <message>
        <source>Save view</source>
        <translation>保存视图</translation>
    </message>
    <message>
        <source>Name of the view:</source>
        <translation>视图名称：</translation>
    </message>
    <message>
        <source>Delete saved view</source>
        <translation>删除已保存视图</translation>
    </message>
    <message>
        <source>Delete the saved view %1?</source>
        <translation>删除已保存视图“%1”？</translation>
    </message>
    <message>
        <source>All problems</source>
        <translation>全部问题</translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation>截至 %1</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>Preparing the print preview…</source>
        <translation>正在准备打印预览…</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) copied</source>
        <translation>
            <numerusform>已复制 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>About Rectrack</source>
        <translation>关于巡察整改监督台账</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Rectrack %1&lt;/h3&gt;&lt;p&gt;Inspection rectification supervision register: the problem ledger and the rectification ledger on one platform.&lt;/p&gt;&lt;p&gt;Runs offline; the register is one local file.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;巡察整改监督台账 %1&lt;/h3&gt;&lt;p&gt;一平台两台账：问题台账与整改台账。&lt;/p&gt;&lt;p&gt;离线运行，台账保存在一个本地文件中。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Export &amp;report…</source>
        <translation>导出报告(&amp;R)…</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>报告已写入 %1</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>仪表盘</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>仪表盘(&amp;D)</translation>
    </message>
    <message>
        <source>Supervision registers</source>
        <translation>监督台账</translation>
    </message>
    <message>
        <source>Restore &amp;backup…</source>
        <translation>恢复备份(&amp;B)…</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>修改记录…</translation>
    </message>
</context>
<context>
    <name>rectrack::ui::MeasureLedgerModel</name>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>已逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Problem no.</source>
        <translation>问题编号</translation>
    </message>
    <message>
        <source>Seq.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改时限</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <source>Inspected unit</source>
        <translation>被巡察单位</translation>
    </message>
    <message>
        <source>Responsible office</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Lead leader</source>
        <translation>牵头领导</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
</context>
<context>
    <name>rectrack::ui::NavigationPane</name>
    <message>
        <source>Delete saved view</source>
        <translation>删除已保存视图</translation>
    </message>
    <message>
        <source>Smart lists</source>
        <translation>智能列表</translation>
    </message>
    <message>
        <source>All problems</source>
        <translation>全部问题</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Awaiting close-out</source>
        <translation>待销号</translation>
    </message>
    <message>
        <source>Long-term</source>
        <translation>长期坚持</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n problem(s)</source>
        <translation>
            <numerusform>%1 · %n 个问题</numerusform>
        </translation>
    </message>
    <message>
        <source>Other feedback</source>
        <translation>其他反馈</translation>
    </message>
    <message>
        <source>Saved views</source>
        <translation>已保存视图</translation>
    </message>
    <message>
        <source>Supervision registers</source>
        <translation>监督台账</translation>
    </message>
</context>
<context>
    <name>rectrack::ui::ProblemLedgerModel</name>
    <message>
        <source>Extended; original deadline %1</source>
        <translation>已延期，原时限 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>已逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Inspected unit</source>
        <translation>被巡察单位</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <source>Responsible office</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Lead leader</source>
        <translation>牵头领导</translation>
    </message>
    <message>
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改时限</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Latest progress</source>
        <translation>最新进展</translation>
    </message>
    <message>
        <source>Feedback date</source>
        <translation>反馈日期</translation>
    </message>
</context>
<context>
    <name>rectrack::ui::RegisterModel</name>
    <message>
        <source>Clue register</source>
        <translation>线索台账</translation>
    </message>
    <message>
        <source>Referrals and reports</source>
        <translation>抄告和专报</translation>
    </message>
    <message>
        <source>Rectification-effect evaluations</source>
        <translation>整改效果评价</translation>
    </message>
    <message>
        <source>Supervision campaigns and return visits</source>
        <translation>专项督办与回访</translation>
    </message>
    <message>
        <source>Rectification outcomes</source>
        <translation>整改成果</translation>
    </message>
    <message>
        <source>Transfer date</source>
        <translation>移交日期</translation>
    </message>
    <message>
        <source>Clue summary</source>
        <translation>线索摘要</translation>
    </message>
    <message>
        <source>Persons involved</source>
        <translation>涉及人数</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>接收单位</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <source>Disposal state</source>
        <translation>办理状态</translation>
    </message>
    <message>
        <source>Disposal result</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>接收单位</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>关联问题数</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>反馈</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Evaluation date</source>
        <translation>评价日期</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Second rectification</source>
        <translation>是否二次整改</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>督办名称</translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation>回访日期</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>回访人员</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>发现问题</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>后续措施</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Name / form</source>
        <translation>名称/方式</translation>
    </message>
    <message>
        <source>People or amount</source>
        <translation>人数或金额</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Disposed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Rule established</source>
        <translation>建章立制</translation>
    </message>
    <message>
        <source>Accountability</source>
        <translation>问责</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n 人</numerusform>
        </translation>
    </message>
    <message>
        <source>Funds recovered</source>
        <translation>追缴资金</translation>
    </message>
    <message>
        <source>%1 yuan</source>
        <translation>%1 元</translation>
    </message>
</context>
<context>
    <name>rectrack::ui::RegisterView</name>
    <message numerus="yes">
        <source>%1 · %n row(s)</source>
        <translation>
            <numerusform>%1 · %n 条</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rectrack::ui::RestoreBackupDialog</name>
    <message>
        <source>Restore backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Backups of %1 in %2. Restoring replaces the register by the chosen backup; the register as it is now is backed up first.</source>
        <translation>台账文件 %1 的备份，位于 %2。恢复时用所选备份替换台账文件；替换前会先备份台账的当前状态。</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题数</translation>
    </message>
    <message>
        <source>Completion rate</source>
        <translation>完成率</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>There are no backups of this register yet.</source>
        <translation>该台账还没有备份。</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
</context>
<context>
    <name>rectrack::ui::SafetyController</name>
    <message>
        <source>Hide this warning</source>
        <translation>隐藏此提示</translation>
    </message>
    <message>
        <source>The automatic backup failed: %1</source>
        <translation>自动备份失败：%1</translation>
    </message>
    <message>
        <source>Backup written: %1</source>
        <translation>已写入备份：%1</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Replace the register %1 by the backup %2?

The register as it is now is backed up first, so this can be undone by restoring that backup.</source>
        <translation>用备份 %2 替换台账文件 %1？

替换前会先备份台账的当前状态，恢复该备份即可撤销本次操作。</translation>
    </message>
    <message>
        <source>The backup %1 was restored. The register as it was before is kept as %2.</source>
        <translation>已恢复备份 %1。恢复前的台账保存为 %2。</translation>
    </message>
</context>
<context>
    <name>rectrack::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Traffic-light warnings</source>
        <translation>红黄绿灯预警</translation>
    </message>
    <message>
        <source> days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>Green at days left or fewer</source>
        <translation>绿灯：剩余天数不超过</translation>
    </message>
    <message>
        <source>Yellow at days left or fewer</source>
        <translation>黄灯：剩余天数不超过</translation>
    </message>
    <message>
        <source>Red once the deadline has passed (overdue).</source>
        <translation>超过整改时限即亮红灯（逾期）。</translation>
    </message>
    <message>
        <source>Red colour</source>
        <translation>红灯颜色</translation>
    </message>
    <message>
        <source>Yellow colour</source>
        <translation>黄灯颜色</translation>
    </message>
    <message>
        <source>Green colour</source>
        <translation>绿灯颜色</translation>
    </message>
    <message>
        <source>Registration numbers</source>
        <translation>挂号编号</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>编号规则</translation>
    </message>
    <message>
        <source>{unit} unit, {yyyy} year, {seq:3} number with 3 digits</source>
        <translation>{unit} 单位，{yyyy} 年份，{seq:3} 三位流水号</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Name written into the audit log</source>
        <translation>写入审计日志的姓名</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Language (after restart)</source>
        <translation>界面语言（重启后生效）</translation>
    </message>
    <message>
        <source>Rectification deadlines</source>
        <translation>整改时限</translation>
    </message>
    <message>
        <source> month(s)</source>
        <translation>个月</translation>
    </message>
    <message>
        <source>Plan due after feedback (new rounds)</source>
        <translation>整改方案报送时限（新轮次）</translation>
    </message>
    <message>
        <source>Report due after feedback (new rounds)</source>
        <translation>整改报告报送时限（新轮次）</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Plan (months)</source>
        <translation>方案（月）</translation>
    </message>
    <message>
        <source>Report (months)</source>
        <translation>报告（月）</translation>
    </message>
    <message>
        <source>Automatic backups</source>
        <translation>自动备份</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Back up on opening and every</source>
        <translation>打开时备份，之后每隔</translation>
    </message>
    <message>
        <source>Backups kept per register</source>
        <translation>每个台账保留备份数</translation>
    </message>
    <message>
        <source>Backups go to the folder &quot;&lt;register&gt;.backups&quot; beside the register file.</source>
        <translation>备份保存在台账文件旁的“&lt;台账文件名&gt;.backups”文件夹中。</translation>
    </message>
</context>
<context>
    <name>rectrack::ui::WelcomeDialog</name>
    <message>
        <source>Rectrack registers (*.rtreg);;All files (*)</source>
        <translation>Rectrack 台账文件 (*.rtreg);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Welcome to Rectrack</source>
        <translation>欢迎使用 Rectrack</translation>
    </message>
    <message>
        <source>Welcome to Rectrack, the inspection rectification register</source>
        <translation>欢迎使用巡察整改监督台账（Rectrack）</translation>
    </message>
    <message>
        <source>A register is one file that holds an inspection office&apos;s whole ledger: every problem fed back, its rectification measures, progress, evidence and reviews.
It stays on this computer — nothing is sent over a network — and can be backed up or copied like any file.</source>
        <translation>台账文件是一个文件，保存巡察机构的全部台账：每个反馈问题及其整改措施、整改进展、佐证材料和销号审核。
文件只保存在本机，不通过网络发送，可以像普通文件一样备份和复制。</translation>
    </message>
    <message>
        <source>Create a new register</source>
        <translation>新建台账</translation>
    </message>
    <message>
        <source>e.g. the 12th municipal committee</source>
        <translation>例如：十二届市委</translation>
    </message>
    <message>
        <source>Committee and term:</source>
        <translation>党委及届次：</translation>
    </message>
    <message>
        <source>register</source>
        <translation>巡察整改台账</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>保存位置：</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Open an existing register…</source>
        <translation>打开已有台账…</translation>
    </message>
    <message>
        <source>Open the demo register</source>
        <translation>打开示例台账</translation>
    </message>
    <message>
        <source>Xiamen&apos;s 2020 rectification work, as of 2021-01-15</source>
        <translation>厦门市 2020 年巡察整改工作，截至 2021-01-15</translation>
    </message>
    <message>
        <source>New register</source>
        <translation>新建台账</translation>
    </message>
    <message>
        <source>Open register</source>
        <translation>打开台账</translation>
    </message>
</context>
</TS>
