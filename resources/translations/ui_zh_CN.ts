<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Commands</name>
    <message>
        <source>The problem #%1 no longer exists.</source>
        <translation>问题 #%1 已不存在。</translation>
    </message>
    <message>
        <source>Edit problem %1</source>
        <translation>编辑问题 %1</translation>
    </message>
    <message>
        <source>Register problems</source>
        <translation>登记问题</translation>
    </message>
    <message>
        <source>Delete problem %1</source>
        <translation>删除问题 %1</translation>
    </message>
    <message>
        <source>Restore problem %1</source>
        <translation>恢复问题 %1</translation>
    </message>
    <message>
        <source>Set state to %1</source>
        <translation>将状态改为%1</translation>
    </message>
    <message>
        <source>Add measure</source>
        <translation>添加整改措施</translation>
    </message>
    <message>
        <source>Edit measure</source>
        <translation>编辑整改措施</translation>
    </message>
    <message>
        <source>Set measure state to %1</source>
        <translation>将措施状态改为%1</translation>
    </message>
    <message>
        <source>Remove measure</source>
        <translation>删除整改措施</translation>
    </message>
    <message>
        <source>Move measure</source>
        <translation>调整措施顺序</translation>
    </message>
    <message>
        <source>Add progress</source>
        <translation>添加整改进展</translation>
    </message>
    <message>
        <source>Attach evidence %1</source>
        <translation>添加佐证材料 %1</translation>
    </message>
    <message>
        <source>Remove evidence %1</source>
        <translation>删除佐证材料 %1</translation>
    </message>
    <message>
        <source>Record %1</source>
        <translation>记录%1</translation>
    </message>
    <message>
        <source>Request extension</source>
        <translation>申请延期</translation>
    </message>
</context>
<context>
    <name>Labels</name>
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
        <source>Demo register</source>
        <translation>示例台账</translation>
    </message>
    <message>
        <source>Open the demo register (created on first use).</source>
        <translation>打开示例台账（首次使用时创建）。</translation>
    </message>
    <message>
        <source>Register file, or server register (postgresql://login@host/database).</source>
        <translation>台账文件，或服务器上的台账（postgresql://登录名@主机/数据库）。</translation>
    </message>
</context>
<context>
    <name>rectrack::ui::AuditLogView</name>
    <message>
        <source>Audit log and login history (the 2,000 newest entries of each)</source>
        <translation>审计日志和登录记录（各显示最近 2000 条）</translation>
    </message>
    <message>
        <source>Filter by login, action or table…</source>
        <translation>按登录名、操作或数据表筛选…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>程序</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Login history</source>
        <translation>登录记录</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>rectrack::ui::CampaignDialog</name>
    <message>
        <source>Edit supervision campaign</source>
        <translation>编辑专项督办</translation>
    </message>
    <message>
        <source>New supervision campaign</source>
        <translation>新建专项督办</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Start:</source>
        <translation>开始日期：</translation>
    </message>
    <message>
        <source>End:</source>
        <translation>结束日期：</translation>
    </message>
    <message>
        <source>Rounds covered:</source>
        <translation>督办轮次：</translation>
    </message>
    <message numerus="yes">
        <source>Units with open problems: %n</source>
        <translation>
            <numerusform>有未完成整改问题的单位：%n 个</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rectrack::ui::CategoryEditor</name>
    <message>
        <source>Category</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题数</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Add subcategory…</source>
        <translation>添加下级类别…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>合并到…</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Nest under the one above</source>
        <translation>降为上一类别的下级</translation>
    </message>
    <message>
        <source>Lift one level</source>
        <translation>升一级</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Changes to the categories take effect at once and can be undone.</source>
        <translation>对问题类别的修改立即生效，可以撤销（Ctrl+Z）。</translation>
    </message>
    <message>
        <source>Add category %1</source>
        <translation>添加问题类别“%1”</translation>
    </message>
    <message>
        <source>Choose a category first.</source>
        <translation>请先选择一个问题类别。</translation>
    </message>
    <message>
        <source>Rename category %1</source>
        <translation>重命名问题类别“%1”</translation>
    </message>
    <message>
        <source>Move category %1 up</source>
        <translation>上移问题类别“%1”</translation>
    </message>
    <message>
        <source>Move category %1 down</source>
        <translation>下移问题类别“%1”</translation>
    </message>
    <message>
        <source>%1 has no category above it at its level to go under.</source>
        <translation>“%1”在同一级别中上方没有类别，无法降级。</translation>
    </message>
    <message>
        <source>Nest category %1</source>
        <translation>将问题类别“%1”降级</translation>
    </message>
    <message>
        <source>Lift category %1</source>
        <translation>将问题类别“%1”升级</translation>
    </message>
    <message>
        <source>Merge category %1 into %2</source>
        <translation>将问题类别“%1”合并到“%2”</translation>
    </message>
    <message>
        <source>Delete category %1</source>
        <translation>删除问题类别“%1”</translation>
    </message>
    <message>
        <source>Add subcategory</source>
        <translation>添加下级类别</translation>
    </message>
    <message>
        <source>Add category</source>
        <translation>添加问题类别</translation>
    </message>
    <message>
        <source>Name of the category:</source>
        <translation>类别名称：</translation>
    </message>
    <message>
        <source>Rename category</source>
        <translation>重命名问题类别</translation>
    </message>
    <message>
        <source>Merge category</source>
        <translation>合并问题类别</translation>
    </message>
    <message>
        <source>Merge %1 into (its problems and subcategories move there, then it is deleted):</source>
        <translation>将“%1”合并到（其问题和下级类别移入所选类别，随后删除“%1”）：</translation>
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
    <name>rectrack::ui::ClueDialog</name>
    <message>
        <source>Edit clue</source>
        <translation>编辑问题线索</translation>
    </message>
    <message>
        <source>New clue</source>
        <translation>新增问题线索</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Roles only, e.g. 科长2名; never ID numbers</source>
        <translation>只填职务，如“科长2名”；不得填写身份证号码</translation>
    </message>
    <message>
        <source>Discipline inspection and supervision commission</source>
        <translation>纪委监委</translation>
    </message>
    <message>
        <source>Organisation department</source>
        <translation>组织部</translation>
    </message>
    <message>
        <source>纪委监委, 组织部 or another receiver (type its name)</source>
        <translation>纪委监委、组织部或其他接收单位（可直接输入名称）</translation>
    </message>
    <message>
        <source>Disposal is due 3 months after the transfer unless set otherwise.</source>
        <translation>除另行设定外，办理时限为移交后3个月。</translation>
    </message>
    <message>
        <source>Disposal result reported</source>
        <translation>已反馈办理结果</translation>
    </message>
    <message>
        <source>Clue:</source>
        <translation>问题线索：</translation>
    </message>
    <message>
        <source>Source inspection:</source>
        <translation>来源巡察：</translation>
    </message>
    <message>
        <source>Persons involved:</source>
        <translation>涉及人数：</translation>
    </message>
    <message>
        <source>Their roles:</source>
        <translation>涉及人员职务：</translation>
    </message>
    <message>
        <source>Receiver:</source>
        <translation>接收单位：</translation>
    </message>
    <message>
        <source>Transfer date:</source>
        <translation>移交日期：</translation>
    </message>
    <message>
        <source>Due date:</source>
        <translation>办理时限：</translation>
    </message>
    <message>
        <source>Disposal result:</source>
        <translation>办理结果：</translation>
    </message>
    <message>
        <source>Result date:</source>
        <translation>办结日期：</translation>
    </message>
</context>
<context>
    <name>rectrack::ui::ConflictDialog</name>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Registration no.</source>
        <translation>编号</translation>
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
        <source>Typical example</source>
        <translation>典型事例</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>问题根源</translation>
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
        <source>Deadline note</source>
        <translation>时限说明</translation>
    </message>
    <message>
        <source>Immediate</source>
        <translation>立行立改</translation>
    </message>
    <message>
        <source>Systemic</source>
        <translation>系统性问题</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>最新进展</translation>
    </message>
    <message>
        <source>Someone else changed this problem</source>
        <translation>该问题已被他人修改</translation>
    </message>
    <message>
        <source>Another person saved this problem after you opened it. Your changes are not saved yet and nothing you typed is lost: choose how to go on.</source>
        <translation>您打开该问题后，其他人保存了修改。您的修改尚未保存，输入的内容不会丢失：请选择如何处理。</translation>
    </message>
    <message>
        <source>%1 saved this problem at %2, after you opened it. Your changes are not saved yet and nothing you typed is lost: choose how to go on.</source>
        <translation>您打开该问题后，%1 于 %2 保存了修改。您的修改尚未保存，输入的内容不会丢失：请选择如何处理。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Their version</source>
        <translation>对方的版本</translation>
    </message>
    <message>
        <source>Their version (%1)</source>
        <translation>对方的版本（%1）</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>您的版本</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Was: %1</source>
        <translation>原为：%1</translation>
    </message>
    <message>
        <source>Amber: changed by them. Blue: changed by you. Keep mine saves the fields you changed over their version and keeps their other changes.</source>
        <translation>黄色：对方修改的字段；蓝色：您修改的字段。“保留我的”在对方版本的基础上保存您修改的字段，对方的其他修改保留不变。</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>采用对方的</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>继续编辑</translation>
    </message>
    <message>
        <source>Edit on top of their version; what you typed stays in the fields.</source>
        <translation>在对方版本的基础上继续编辑；您输入的内容保留在各字段中。</translation>
    </message>
</context>
<context>
    <name>rectrack::ui::ConnectDialog</name>
    <message>
        <source>Connect to a server register</source>
        <translation>连接服务器上的台账</translation>
    </message>
    <message>
        <source>A register on the office&apos;s PostgreSQL server, shared by every clerk with a login of their own. Your IT staff give you the address and the login.</source>
        <translation>台账保存在本单位的 PostgreSQL 服务器上，每位工作人员用自己的登录名共同使用。服务器地址和登录名由信息技术人员提供。</translation>
    </message>
    <message>
        <source>e.g. db.office.local</source>
        <translation>例如：db.office.local</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>登录名：</translation>
    </message>
    <message>
        <source>empty: from ~/.pgpass or PGPASSWORD</source>
        <translation>留空则使用 ~/.pgpass 或 PGPASSWORD</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>The password is used for this connection only and is never saved.</source>
        <translation>密码只用于本次连接，不会保存。</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>local</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>%1 @ %2</source>
        <translation>%1 @ %2</translation>
    </message>
    <message>
        <source>Remember the password in the system keychain</source>
        <translation>在系统密钥环中记住密码</translation>
    </message>
    <message>
        <source>The password is used for this connection only and never written to a file; ticked, it is kept in the system keychain.</source>
        <translation>密码只用于本次连接，不写入任何文件；勾选“记住密码”时保存在系统密钥环中。</translation>
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
    <name>rectrack::ui::DeletedProblemsDialog</name>
    <message>
        <source>Deleted problems</source>
        <translation>已删除的问题</translation>
    </message>
    <message>
        <source>Deleted problems are kept in the register with their history but left out of the ledgers, statistics and reports. Restore one to bring it back.</source>
        <translation>已删除的问题连同其历史记录仍保存在台账文件中，但不计入台账、统计和报告。恢复后即重新纳入。</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Problem description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <source>Deleted at</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
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
    <message>
        <source>As it stood on %1</source>
        <translation>%1 当日情况</translation>
    </message>
    <message>
        <source>%1 · closed out %2</source>
        <translation>%1 · %2销号</translation>
    </message>
    <message>
        <source>%1 · completed %2</source>
        <translation>%1 · %2完成</translation>
    </message>
</context>
<context>
    <name>rectrack::ui::EditingController</name>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;New problem…</source>
        <translation>新增问题(&amp;N)…</translation>
    </message>
    <message>
        <source>Register the problems of a feedback</source>
        <translation>登记一次反馈的问题</translation>
    </message>
    <message>
        <source>&amp;Open problem (Enter)</source>
        <translation>打开问题(&amp;O)（回车）</translation>
    </message>
    <message>
        <source>&amp;Delete problem…</source>
        <translation>删除问题(&amp;D)…</translation>
    </message>
    <message>
        <source>Deleted &amp;problems…</source>
        <translation>已删除的问题(&amp;P)…</translation>
    </message>
    <message>
        <source>No register is open.</source>
        <translation>尚未打开台账文件。</translation>
    </message>
    <message>
        <source>Register feedback</source>
        <translation>登记反馈问题</translation>
    </message>
    <message>
        <source>Delete problem</source>
        <translation>删除问题</translation>
    </message>
    <message>
        <source>Delete the problem %1 (%2)?

It leaves the ledgers and statistics; Edit → Deleted problems restores it, and Undo takes the deletion back.</source>
        <translation>删除问题 %1（%2）？

删除后不再计入台账和统计；可通过“编辑 → 已删除的问题”恢复，也可撤销本次删除。</translation>
    </message>
    <message>
        <source>Restore problem</source>
        <translation>恢复问题</translation>
    </message>
</context>
<context>
    <name>rectrack::ui::EvaluationDialog</name>
    <message>
        <source>Edit evaluation</source>
        <translation>编辑整改效果评价</translation>
    </message>
    <message>
        <source>New evaluation</source>
        <translation>新增整改效果评价</translation>
    </message>
    <message>
        <source>(choose a unit)</source>
        <translation>（请选择单位）</translation>
    </message>
    <message>
        <source>Deductions (template: %1)</source>
        <translation>扣分（评价模板：%1）</translation>
    </message>
    <message>
        <source> of %1</source>
        <translation> / %1 分</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <source>Inspection:</source>
        <translation>巡察：</translation>
    </message>
    <message>
        <source>Evaluation date:</source>
        <translation>评价日期：</translation>
    </message>
    <message>
        <source>Score:</source>
        <translation>得分：</translation>
    </message>
    <message>
        <source>Grade:</source>
        <translation>等级：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>A grade of 一般 or 差 opens a second rectification.</source>
        <translation>评价等级为“一般”或“差”的，启动二次整改。</translation>
    </message>
</context>
<context>
    <name>rectrack::ui::ExchangeDialog</name>
    <message>
        <source>Partner</source>
        <translation>交换对象</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>公钥指纹</translation>
    </message>
    <message>
        <source>Last sent</source>
        <translation>最近发出</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>对方已确认</translation>
    </message>
    <message>
        <source>Not acknowledged</source>
        <translation>未确认</translation>
    </message>
    <message>
        <source>Last received</source>
        <translation>最近收到</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Created (UTC)</source>
        <translation>生成时间（UTC）</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
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
        <source>This register</source>
        <translation>本台账的值</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>交换包中的值</translation>
    </message>
    <message>
        <source>Other site</source>
        <translation>对方站点</translation>
    </message>
    <message>
        <source>Recorded (UTC)</source>
        <translation>记录时间（UTC）</translation>
    </message>
    <message>
        <source>&amp;Keep this register&apos;s</source>
        <translation>保留本台账(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Accept the partner&apos;s</source>
        <translation>采用对方(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Edit value…</source>
        <translation>修改值(&amp;E)…</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>数据交换</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>交换对象</translation>
    </message>
    <message>
        <source>Packages sent and received</source>
        <translation>收发的交换包</translation>
    </message>
    <message>
        <source>Conflicts to decide</source>
        <translation>冲突待处理</translation>
    </message>
    <message>
        <source>This site: %1 (site %2). Fingerprint of its signing key: %3</source>
        <translation>本站点：%1（站点 %2）。签名公钥指纹：%3</translation>
    </message>
    <message>
        <source>(no package received yet)</source>
        <translation>（尚未收到交换包）</translation>
    </message>
    <message>
        <source>sent to</source>
        <translation>发往</translation>
    </message>
    <message>
        <source>received from</source>
        <translation>收自</translation>
    </message>
    <message>
        <source>No open conflicts.</source>
        <translation>没有待处理的冲突。</translation>
    </message>
    <message>
        <source>%1 open conflicts: nothing about them is decided until a person decides here; each decision is recorded in the audit log and goes back to the partner with the next package.</source>
        <translation>待处理冲突 %1 项：在此由人作出处理之前，程序不作任何决定；每项处理都记入审计日志，并随下一个交换包发回对方。</translation>
    </message>
    <message>
        <source>Conflicts to decide (%1)</source>
        <translation>冲突待处理（%1）</translation>
    </message>
    <message>
        <source>Conflict %1 decided; the decision goes back with the next package.</source>
        <translation>冲突 %1 已处理，处理决定随下一个交换包发回对方。</translation>
    </message>
    <message>
        <source>Edit value</source>
        <translation>修改值</translation>
    </message>
    <message>
        <source>New value of %1:</source>
        <translation>%1 的新值：</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>情况</translation>
    </message>
    <message>
        <source>Unit here</source>
        <translation>本台账单位</translation>
    </message>
    <message>
        <source>Its office</source>
        <translation>所属巡察办</translation>
    </message>
    <message>
        <source>Unit of the same name</source>
        <translation>同名单位</translation>
    </message>
    <message>
        <source>Found (UTC)</source>
        <translation>发现时间（UTC）</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>合并(&amp;M)</translation>
    </message>
    <message>
        <source>Keep a&amp;part</source>
        <translation>保持独立(&amp;P)</translation>
    </message>
    <message>
        <source>Possible duplicate units</source>
        <translation>疑似重复单位</translation>
    </message>
    <message>
        <source>Merge units</source>
        <translation>合并单位</translation>
    </message>
    <message>
        <source>No open possible duplicate units.</source>
        <translation>没有待处理的疑似重复单位。</translation>
    </message>
    <message>
        <source>%1 open possible duplicate units: a unit of another site has the name of a unit here. Nothing is merged until a person decides.</source>
        <translation>%1 项疑似重复单位待处理：其他站点的单位与本台账中的单位同名。在有人决定之前不会合并。</translation>
    </message>
    <message>
        <source>Possible duplicate units (%1)</source>
        <translation>疑似重复单位（%1）</translation>
    </message>
    <message>
        <source>Merge %1 of %2 into %3 of %4? The two then count as one unit in the statistics; the rows of %2 stay as it sent them. The merge can be undone (Edit → Undo).</source>
        <translation>将%2的“%1”合并到%4的“%3”？合并后两者在统计中按一个单位计算；%2的数据保持其发来的原样。合并可以撤销（编辑 → 撤销）。</translation>
    </message>
</context>
<context>
    <name>rectrack::ui::ExchangeImportCommand</name>
    <message>
        <source>Import of exchange package %1 from %2</source>
        <translation>导入%2的交换包（序号 %1）</translation>
    </message>
    <message>
        <source>The register the package was imported into is no longer open.</source>
        <translation>导入该交换包的台账已不再打开。</translation>
    </message>
    <message>
        <source>The package %1 is already covered: it was not imported again.</source>
        <translation>序号为 %1 的交换包已导入过，未再次导入。</translation>
    </message>
</context>
<context>
    <name>rectrack::ui::ExportPackageDialog</name>
    <message>
        <source>Problem clues</source>
        <translation>问题线索</translation>
    </message>
    <message>
        <source>Referral sheets and reports</source>
        <translation>抄告单和专报</translation>
    </message>
    <message>
        <source>Rules established</source>
        <translation>建章立制</translation>
    </message>
    <message>
        <source>Accountability and funds recovered</source>
        <translation>问责和追缴资金</translation>
    </message>
    <message>
        <source>Rectification-effect evaluations</source>
        <translation>整改效果评价</translation>
    </message>
    <message>
        <source>&amp;Write package</source>
        <translation>生成(&amp;W)</translation>
    </message>
    <message>
        <source>Write exchange package</source>
        <translation>生成交换包</translation>
    </message>
    <message>
        <source>e.g. 市委巡察办 (a first package may name the office)</source>
        <translation>例如 市委巡察办（首个交换包可只写对方单位名称）</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>发往(&amp;T)：</translation>
    </message>
    <message>
        <source>With the evidence files (else only their SHA-256; the files can follow later)</source>
        <translation>附佐证材料文件（不附时只含其 SHA-256，文件可以以后补发）</translation>
    </message>
    <message>
        <source>Also send:</source>
        <translation>同时发送：</translation>
    </message>
    <message>
        <source>密级/知悉范围, e.g. 内部资料</source>
        <translation>密级/知悉范围，例如 内部资料</translation>
    </message>
    <message>
        <source>Security &amp;marking:</source>
        <translation>密级/知悉范围(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>保存到文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>Folder for the package</source>
        <translation>交换包保存的文件夹</translation>
    </message>
    <message>
        <source>Nothing changed since package %1 to %2: wrote it again.</source>
        <translation>自发往%2的第 %1 号交换包以来没有变化：已重新生成该包。</translation>
    </message>
    <message>
        <source>Wrote package %1 for %2.</source>
        <translation>已生成发往%2的第 %1 号交换包。</translation>
    </message>
    <message>
        <source>%1 rows (%2 deletions), %3 evidence files.</source>
        <translation>数据 %1 行（其中删除标记 %2 行），佐证材料文件 %3 个。</translation>
    </message>
    <message>
        <source>SHA-256 for the transfer log: %1</source>
        <translation>供登记的 SHA-256：%1</translation>
    </message>
</context>
<context>
    <name>rectrack::ui::FeedbackDialog</name>
    <message>
        <source>Register feedback</source>
        <translation>登记反馈问题</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>巡察</translation>
    </message>
    <message>
        <source>e.g. 第十五轮第三批; empty outside a round</source>
        <translation>如 第十五轮第三批；不属于轮次的留空</translation>
    </message>
    <message>
        <source>The inspected unit (party organisation)</source>
        <translation>被巡察单位（党组织）</translation>
    </message>
    <message>
        <source>Theme of a thematic inspection, e.g. 乡村振兴</source>
        <translation>专项巡察的主题，如 乡村振兴</translation>
    </message>
    <message>
        <source>Round/batch</source>
        <translation>轮次/批次</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>巡察组</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>巡察类型</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Feedback date</source>
        <translation>反馈日期</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Problem description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <source>Lead leader</source>
        <translation>牵头领导</translation>
    </message>
    <message>
        <source>Responsible office</source>
        <translation>责任单位</translation>
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
        <source>Add row</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>删除一行</translation>
    </message>
    <message>
        <source>Paste problems</source>
        <translation>粘贴问题</translation>
    </message>
    <message>
        <source>One problem per line; columns separated by tabs, in the table&apos;s order after the number (as copied from Excel or WPS)</source>
        <translation>每行一个问题；各列以制表符分隔，顺序同表格中编号之后的各列（从 Excel 或 WPS 复制即可）</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message numerus="yes">
        <source>Numbers follow the pattern %1 (Settings); type over a number to set it by hand. Deadline: end of the concentrated rectification period, %n month(s) after feedback.</source>
        <translation>
            <numerusform>编号按格式 %1 生成（见“设置”）；直接改写编号即可手工指定。整改时限默认为集中整改期结束，即反馈后 %n 个月。</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the inspected unit.</source>
        <translation>请填写被巡察单位。</translation>
    </message>
    <message>
        <source>Enter at least one problem description.</source>
        <translation>请至少填写一个问题描述。</translation>
    </message>
    <message>
        <source>The number %1 is used twice.</source>
        <translation>编号 %1 重复使用。</translation>
    </message>
    <message>
        <source>Immediate</source>
        <translation>立行立改</translation>
    </message>
    <message>
        <source>Row %1: the deadline &quot;%2&quot; is not a valid date.</source>
        <translation>第%1行：整改时限“%2”不是有效日期。</translation>
    </message>
    <message>
        <source>Row %1: the deadline %2 is before the feedback date %3.</source>
        <translation>第%1行：整改时限 %2 早于反馈日期 %3。</translation>
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
    <message>
        <source>Dashboard click-through: %1 (Clear shows the filter again)</source>
        <translation>看板下钻：%1（点“清除”恢复筛选）</translation>
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
    <name>rectrack::ui::ImportPackageDialog</name>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Import exchange package</source>
        <translation>导入交换包</translation>
    </message>
    <message>
        <source>A package file (.rtx) from the partner&apos;s office</source>
        <translation>对方巡察办发来的交换包文件（.rtx）</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <source>Sender:</source>
        <translation>发送方：</translation>
    </message>
    <message>
        <source>Security marking:</source>
        <translation>密级/知悉范围：</translation>
    </message>
    <message>
        <source>I compared this fingerprint with the sending office (by phone or on paper) and it matches</source>
        <translation>我已通过电话或纸质回执与发送方核对此指纹，完全一致</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>无变化</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Exchange packages (*.rtx)</source>
        <translation>数据交换包 (*.rtx)</translation>
    </message>
    <message>
        <source>%1, package %2</source>
        <translation>%1，第 %2 号交换包</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>This is the first package from %1. Before importing it, read this fingerprint of its signing key out to that office (by phone or on a signed paper form); import only if it matches theirs:</source>
        <translation>这是%1发来的第一个交换包。导入前，请通过电话或签字的纸质回执与对方逐位核对其签名公钥指纹，一致才能导入：</translation>
    </message>
    <message>
        <source>Fingerprint of the key of %1 (known here; the package is signed by it):</source>
        <translation>%1的公钥指纹（本台账已登记，交换包由此密钥签名）：</translation>
    </message>
    <message>
        <source>Package %1 from %2 is already covered (the last one applied from there is %3); importing it changes nothing.</source>
        <translation>%2的第 %1 号交换包已导入过（已导入至第 %3 号），再次导入不会改变任何内容。</translation>
    </message>
    <message>
        <source>(reference data)</source>
        <translation>（基础数据）</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Preview: nothing has changed yet. Importing applies all of it in one step.</source>
        <translation>预览：尚未做任何改动。点“导入”后一次性全部导入。</translation>
    </message>
    <message>
        <source>%1 conflicting rows go to the conflict list (File → Exchange → Exchange status and conflicts) for a person to decide; rows of this register are never overwritten.</source>
        <translation>%1 行有冲突，将列入冲突待处理清单（文件 → 数据交换 → 冲突待处理）由人处理；本台账的记录不会被覆盖。</translation>
    </message>
    <message>
        <source>%1 evidence rows wait for their files (the package was made without them).</source>
        <translation>%1 条佐证材料记录等待其文件（该交换包未附文件）。</translation>
    </message>
</context>
<context>
    <name>rectrack::ui::ImportWizard</name>
    <message>
        <source>Import ledgers</source>
        <translation>导入台账</translation>
    </message>
    <message>
        <source>Choose the ledgers</source>
        <translation>选择台账文件</translation>
    </message>
    <message>
        <source>Add the ledgers the units sent back (.xlsx, .xls, .et, .docx or .csv); each file is imported on its own, all or nothing.</source>
        <translation>添加各单位报回的台账（.xlsx、.xls、.et、.docx 或 .csv）；每个文件单独导入，要么全部导入，要么不作任何改动。</translation>
    </message>
    <message>
        <source>&amp;Add files…</source>
        <translation>添加文件(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Add ledgers</source>
        <translation>添加台账</translation>
    </message>
    <message>
        <source>Ledgers (*.xlsx *.xls *.et *.docx *.csv *.txt);;All files (*)</source>
        <translation>台账 (*.xlsx *.xls *.et *.docx *.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Round / batch:</source>
        <translation>轮次/批次：</translation>
    </message>
    <message>
        <source>Source level:</source>
        <translation>问题来源：</translation>
    </message>
    <message>
        <source>Feedback date of new problems:</source>
        <translation>新问题的反馈日期：</translation>
    </message>
    <message>
        <source>Sheet, unit and columns</source>
        <translation>工作表、单位和列</translation>
    </message>
    <message>
        <source>Check for each file the sheet, the unit it belongs to and what each column holds. Columns that were not recognised are marked and kept as notes unless you assign them.</source>
        <translation>逐个文件核对工作表、所属单位以及各列内容。未能识别的列已标出，如不指定将作为备注保留。</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Header in the ledger</source>
        <translation>台账表头</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>对应字段</translation>
    </message>
    <message>
        <source>First values</source>
        <translation>前几行内容</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Cells with errors are red, warnings yellow. Files with errors are skipped; the other ticked files are imported, each file all or nothing.</source>
        <translation>有错误的单元格标红，有提醒的标黄。有错误的文件将跳过，其余勾选的文件逐个导入，每个文件要么全部导入，要么不作任何改动。</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Registration no.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>台账</translation>
    </message>
    <message>
        <source>Errors and warnings</source>
        <translation>错误和提醒</translation>
    </message>
    <message>
        <source>Changes to the register</source>
        <translation>对台账库的变化</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>This file cannot be read and will be skipped: %1</source>
        <translation>无法读取该文件，将跳过：%1</translation>
    </message>
    <message>
        <source>(CSV)</source>
        <translation>（CSV）</translation>
    </message>
    <message>
        <source>No header row was found on this sheet.</source>
        <translation>该工作表中未找到表头行。</translation>
    </message>
    <message>
        <source>Not recognised: kept as a note unless you choose what it holds.</source>
        <translation>未识别：如不指定对应字段，将作为备注保留。</translation>
    </message>
    <message numerus="yes">
        <source>Header in row %1; %n column(s) recognised</source>
        <translation>
            <numerusform>表头在第%1行；已识别 %n 列</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n not recognised (marked)</source>
        <translation>
            <numerusform>，%n 列未识别（已标出）</numerusform>
        </translation>
    </message>
    <message>
        <source>. Title: %1</source>
        <translation>。标题：%1</translation>
    </message>
    <message>
        <source>no unit</source>
        <translation>未指定单位</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s): skipped</source>
        <translation>
            <numerusform>%n 处错误：跳过</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) ready</source>
        <translation>
            <numerusform>%n 个问题待导入</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 cannot be imported: %2</source>
        <translation>%1 无法导入：%2</translation>
    </message>
    <message>
        <source>State changes</source>
        <translation>状态变化</translation>
    </message>
    <message>
        <source>New progress</source>
        <translation>新增进展</translation>
    </message>
    <message>
        <source>New problems</source>
        <translation>新增问题</translation>
    </message>
    <message>
        <source>No longer in the ledger (left as they are)</source>
        <translation>台账中已无（保持不变）</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>无变化</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>; progress: %1</source>
        <translation>；进展：%1</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>第%1行</translation>
    </message>
    <message>
        <source>in the register</source>
        <translation>台账库中</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n error(s). The file will be skipped; correct it and import it again.</source>
        <translation>
            <numerusform>%1：%n 处错误。该文件将跳过，请修改后重新导入。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 updates %2: %3 new, %4 state change(s), %5 with new progress, %6 unchanged, %7 no longer in the ledger.</source>
        <translation>%1 更新%2：新增 %3 个，状态变化 %4 个，新增进展 %5 个，无变化 %6 个，台账中已无 %7 个。</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n new problem(s) for %2.</source>
        <translation>
            <numerusform>%1：为%2新增 %n 个问题。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s).</source>
        <translation>
            <numerusform>%n 处提醒。</numerusform>
        </translation>
    </message>
    <message>
        <source>Errors and warnings (%1)</source>
        <translation>错误和提醒（%1）</translation>
    </message>
    <message>
        <source>Add at least one ledger.</source>
        <translation>请至少添加一个台账文件。</translation>
    </message>
    <message>
        <source>Name the unit %1 belongs to.</source>
        <translation>请填写 %1 所属的单位。</translation>
    </message>
    <message>
        <source>No file can be imported: every file has errors or is unticked.</source>
        <translation>没有可导入的文件：所有文件都有错误或未勾选。</translation>
    </message>
    <message>
        <source>Importing %1 for %2…</source>
        <translation>正在为%2导入 %1…</translation>
    </message>
    <message>
        <source>  %1 new, %2 updated, %3 unchanged.</source>
        <translation>  新增 %1 个，更新 %2 个，无变化 %3 个。</translation>
    </message>
    <message>
        <source>  Nothing of this file was imported.</source>
        <translation>  该文件未导入任何内容。</translation>
    </message>
    <message>
        <source>Done: %1 file(s) imported, %2 failed, %3 skipped.</source>
        <translation>完成：导入 %1 个文件，失败 %2 个，跳过 %3 个。</translation>
    </message>
    <message>
        <source>Undo import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <source>Redo import</source>
        <translation>重做导入</translation>
    </message>
    <message>
        <source>Export template</source>
        <translation>导出台账模板</translation>
    </message>
    <message>
        <source>ledger template</source>
        <translation>台账模板</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>&amp;Import ledgers…</source>
        <translation>导入台账(&amp;I)…</translation>
    </message>
    <message>
        <source>Export &amp;template…</source>
        <translation>导出台账模板(&amp;T)…</translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n 个单位</numerusform>
        </translation>
    </message>
    <message>
        <source>units of the ledger</source>
        <translation>按台账中的单位</translation>
    </message>
    <message numerus="yes">
        <source>%1 holds %n unit(s):</source>
        <translation>
            <numerusform>%1 包含 %n 个单位：</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 new, %3 state change(s), %4 with new progress, %5 unchanged, %6 no longer in the ledger.</source>
        <translation>%1：新增 %2 个，状态变化 %3 个，有新进展 %4 个，未变 %5 个，台账中已没有 %6 个。</translation>
    </message>
    <message>
        <source>New units: %1</source>
        <translation>新建单位：%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>    %1: %2 new, %3 updated, %4 unchanged.</source>
        <translation>    %1：新增 %2 个，更新 %3 个，未变 %4 个。</translation>
    </message>
    <message>
        <source>Export ledgers by unit</source>
        <translation>按单位导出台账</translation>
    </message>
    <message numerus="yes">
        <source>%n ledger(s), one per unit, written to %1.</source>
        <translation>
            <numerusform>已按单位写出 %n 份台账到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export ledgers by &amp;unit…</source>
        <translation>按单位导出台账(&amp;U)…</translation>
    </message>
</context>
<context>
    <name>rectrack::ui::LedgerImportCommand</name>
    <message numerus="yes">
        <source>Import of %n ledger(s) (%1)</source>
        <translation>
            <numerusform>导入 %n 个台账（%1）</numerusform>
        </translation>
    </message>
    <message>
        <source>The register the ledgers were imported into is no longer open.</source>
        <translation>导入台账时打开的台账库已关闭。</translation>
    </message>
</context>
<context>
    <name>rectrack::ui::LiveUpdates</name>
    <message>
        <source>The connection to the server is lost (tried again at %1). Rectrack keeps trying; what you typed is kept and can be saved once the server is back.</source>
        <translation>与服务器的连接已断开（%1 重试未成功）。程序将继续重试；您输入的内容已保留，服务器恢复后即可保存。</translation>
    </message>
    <message>
        <source>The connection to the server is lost. Rectrack is reconnecting; what you typed is kept and can be saved once the server is back.</source>
        <translation>与服务器的连接已断开，正在重新连接；您输入的内容已保留，服务器恢复后即可保存。</translation>
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
    <message>
        <source>Common problems</source>
        <translation>共性问题</translation>
    </message>
    <message>
        <source>Back to today</source>
        <translation>回到今天</translation>
    </message>
    <message>
        <source>The register as it stood on %1 is read-only; go back to today to edit.</source>
        <translation>%1 的历史台账为只读；回到今天后才能编辑。</translation>
    </message>
    <message>
        <source>As of %1: the register as it stood that day (problems fed back by then, each with its state, deadline and warning light on that day). Read-only.</source>
        <translation>截至 %1：显示当日的台账（当日及以前反馈的问题，各问题的状态、整改时限和预警灯均为当日情况）。只读。</translation>
    </message>
    <message>
        <source>Export &amp;ledger…</source>
        <translation>导出台账(&amp;L)…</translation>
    </message>
    <message>
        <source>No problems yet. Press Ctrl+N to register the first feedback.</source>
        <translation>还没有问题。按 Ctrl+N 登记第一批反馈问题。</translation>
    </message>
    <message>
        <source>Nothing matches the filter on this date.</source>
        <translation>截至该日没有符合筛选条件的记录。</translation>
    </message>
    <message>
        <source>No register is open.</source>
        <translation>没有打开的台账。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Export ledger</source>
        <translation>导出台账</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) written to %1</source>
        <translation>
            <numerusform>已向 %1 写入 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Connected to the server again.</source>
        <translation>已重新连接到服务器。</translation>
    </message>
    <message>
        <source>Connect to &amp;server…</source>
        <translation>连接服务器(&amp;S)…</translation>
    </message>
    <message>
        <source>Connect to a server register</source>
        <translation>连接服务器上的台账</translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation>%1 的密码：</translation>
    </message>
    <message>
        <source>inspection office</source>
        <translation>巡察办工作人员</translation>
    </message>
    <message>
        <source>unit clerk</source>
        <translation>单位工作人员</translation>
    </message>
    <message>
        <source>leader</source>
        <translation>领导</translation>
    </message>
    <message>
        <source>security auditor</source>
        <translation>安全审计员</translation>
    </message>
    <message>
        <source>security administrator</source>
        <translation>安全保密管理员</translation>
    </message>
    <message>
        <source>system administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <source>Updated with changes saved by others.</source>
        <translation>已显示他人保存的最新修改。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 — %2 - Rectrack inspection rectification register</source>
        <translation>%1 — %2 - 巡察整改监督台账</translation>
    </message>
    <message>
        <source>Server %1 · login %2</source>
        <translation>服务器 %1 · 登录 %2</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>服务器：%1</translation>
    </message>
    <message>
        <source>&amp;Administration</source>
        <translation>管理(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Users and rights…</source>
        <translation>用户和权限(&amp;U)…</translation>
    </message>
    <message>
        <source>Users and rights</source>
        <translation>用户和权限</translation>
    </message>
    <message>
        <source>Connected, but the password could not be kept in the system keychain: %1</source>
        <translation>已连接，但无法在系统密钥环中保存密码：%1</translation>
    </message>
    <message>
        <source>&amp;User manual</source>
        <translation>操作手册(&amp;M)</translation>
    </message>
    <message>
        <source>E&amp;xchange</source>
        <translation>数据交换(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Write exchange package…</source>
        <translation>生成交换包(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Import exchange package…</source>
        <translation>导入交换包(&amp;I)…</translation>
    </message>
    <message>
        <source>Exchange &amp;status…</source>
        <translation>交换情况(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Conflicts to decide…</source>
        <translation>冲突待处理(&amp;C)…</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>数据交换</translation>
    </message>
    <message>
        <source>Import exchange package</source>
        <translation>导入交换包</translation>
    </message>
    <message>
        <source>Exchange packages (*.rtx)</source>
        <translation>数据交换包 (*.rtx)</translation>
    </message>
    <message>
        <source>Applied package %1 from %2: %3 new, %4 updated, %5 conflicts.</source>
        <translation>已导入%2的第 %1 号交换包：新增 %3，更新 %4，冲突 %5。</translation>
    </message>
    <message>
        <source>First %1 of %2 rows; narrow the filter to print the rest.</source>
        <translation>仅打印前 %1 行（共 %2 行）；请缩小筛选范围后打印其余部分。</translation>
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
    <name>rectrack::ui::MustCoverDialog</name>
    <message>
        <source>Add to the must-cover list</source>
        <translation>加入应覆盖名单</translation>
    </message>
    <message>
        <source>(choose a unit)</source>
        <translation>（请选择单位）</translation>
    </message>
    <message>
        <source>Term:</source>
        <translation>届次：</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>单位：</translation>
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
    <message>
        <source>%1 (this register)</source>
        <translation>%1（本台账）</translation>
    </message>
</context>
<context>
    <name>rectrack::ui::OperatorDialog</name>
    <message>
        <source>Operator</source>
        <translation>操作人员</translation>
    </message>
    <message>
        <source>Every change to the register is recorded in the audit log with the name of the person who made it. Please enter your name:</source>
        <translation>对台账的每一项修改都会连同操作人员姓名记入审计日志。
请输入您的姓名：</translation>
    </message>
</context>
<context>
    <name>rectrack::ui::OutcomeDialog</name>
    <message>
        <source>Edit outcome</source>
        <translation>编辑整改成果</translation>
    </message>
    <message>
        <source>New outcome</source>
        <translation>新增整改成果</translation>
    </message>
    <message>
        <source>Rule established</source>
        <translation>建章立制</translation>
    </message>
    <message>
        <source>Accountability</source>
        <translation>问责</translation>
    </message>
    <message>
        <source>Funds recovered</source>
        <translation>追缴资金</translation>
    </message>
    <message>
        <source> yuan</source>
        <translation> 元</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>People held accountable:</source>
        <translation>问责人数：</translation>
    </message>
    <message>
        <source>Amount recovered:</source>
        <translation>追缴金额：</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Linked problem:</source>
        <translation>关联问题：</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <source>Form:</source>
        <translation>问责方式：</translation>
    </message>
    <message>
        <source>Rule:</source>
        <translation>制度名称：</translation>
    </message>
    <message>
        <source>e.g. 诫勉谈话, 党纪处分</source>
        <translation>如：诫勉谈话、党纪处分</translation>
    </message>
</context>
<context>
    <name>rectrack::ui::PasswordStore</name>
    <message>
        <source>This build of Rectrack has no access to the system keychain.</source>
        <translation>此版本的 Rectrack 无法使用系统密钥环。</translation>
    </message>
</context>
<context>
    <name>rectrack::ui::ProblemEditor</name>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Progress and evidence</source>
        <translation>整改进展与佐证材料</translation>
    </message>
    <message>
        <source>Supervision and extension</source>
        <translation>督办与延期</translation>
    </message>
    <message>
        <source>Review and close-out</source>
        <translation>审核与销号</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Changes are saved as you make them; Ctrl+Z undoes the last one.</source>
        <translation>修改即时保存；Ctrl+Z 撤销上一步。</translation>
    </message>
    <message>
        <source>e.g. 长期坚持 when there is no fixed date</source>
        <translation>无固定日期时填写，如 长期坚持</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改时限</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Start rectification</source>
        <translation>开始整改</translation>
    </message>
    <message>
        <source>Mark long-term</source>
        <translation>转为长期坚持</translation>
    </message>
    <message>
        <source>Mark rectification complete</source>
        <translation>标记整改完成</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
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
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Edit a cell to change it; the type and state change at once.</source>
        <translation>双击单元格即可修改；类型和状态选择后立即生效。</translation>
    </message>
    <message>
        <source>New measure</source>
        <translation>新增整改措施</translation>
    </message>
    <message>
        <source>What will be done</source>
        <translation>整改措施内容</translation>
    </message>
    <message>
        <source>Add measure</source>
        <translation>添加整改措施</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>整改进展</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>填报人</translation>
    </message>
    <message>
        <source>What has been done</source>
        <translation>已开展的工作</translation>
    </message>
    <message>
        <source>Add progress</source>
        <translation>添加整改进展</translation>
    </message>
    <message>
        <source>Evidence (drop files here)</source>
        <translation>佐证材料（可将文件拖到此处）</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Supervision actions</source>
        <translation>督办记录</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>督办方式</translation>
    </message>
    <message>
        <source>By</source>
        <translation>督办人</translation>
    </message>
    <message>
        <source>Record action</source>
        <translation>记录督办</translation>
    </message>
    <message>
        <source>Deadline extension</source>
        <translation>申请延期</translation>
    </message>
    <message>
        <source>Requested on</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <source>New deadline</source>
        <translation>新的时限</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>审批结果</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Request extension</source>
        <translation>申请延期</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>不同意</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>审核环节</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>审核意见</translation>
    </message>
    <message>
        <source>Review step</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Reject (back to in progress)</source>
        <translation>不同意（退回整改）</translation>
    </message>
    <message>
        <source>Review decisions and close-out are records: they cannot be undone; a wrong decision is corrected by a new review.</source>
        <translation>审核结论和销号是正式记录，不能撤销；如有错误，以新的审核记录更正。</translation>
    </message>
    <message>
        <source>The problem #%1 no longer exists.</source>
        <translation>问题 #%1 已不存在。</translation>
    </message>
    <message>
        <source>Problem %1 — %2</source>
        <translation>问题 %1 — %2</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>（已删除）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>original deadline %1, extended</source>
        <translation>原定时限 %1，已延期</translation>
    </message>
    <message>
        <source>%1 · registered %2</source>
        <translation>%1 · %2 挂号</translation>
    </message>
    <message>
        <source> · closed out %1</source>
        <translation> · %1 销号</translation>
    </message>
    <message>
        <source>%1  (%2, added %3)</source>
        <translation>%1（%2，%3 添加）</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>不同意</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>A completed problem needs no extension.</source>
        <translation>已完成整改的问题无需延期。</translation>
    </message>
    <message>
        <source>Closed out on %1</source>
        <translation>已于 %1 销号</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>尚未开始</translation>
    </message>
    <message>
        <source>The review starts when the rectification is marked complete (now: %1).</source>
        <translation>标记整改完成后开始审核（当前：%1）。</translation>
    </message>
    <message>
        <source>Step %1 of 3: %2</source>
        <translation>第 %1 步（共 3 步）：%2</translation>
    </message>
    <message>
        <source>All three steps approved</source>
        <translation>三个环节均已同意</translation>
    </message>
    <message>
        <source>The problem can be closed out.</source>
        <translation>该问题可以销号。</translation>
    </message>
    <message>
        <source>Back to in progress</source>
        <translation>恢复整改</translation>
    </message>
    <message>
        <source>A completed problem goes back to in progress through a rejected review.</source>
        <translation>已完成的问题只能经审核不同意退回整改。</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 不是文件。</translation>
    </message>
    <message>
        <source>%1 is larger than %2 and is not stored in the register.</source>
        <translation>%1 超过 %2，未存入台账。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Attach evidence</source>
        <translation>添加佐证材料</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>No program opens %1; use Save as… instead.</source>
        <translation>没有可以打开 %1 的程序，请使用“另存为…”。</translation>
    </message>
    <message>
        <source>Save evidence</source>
        <translation>保存佐证材料</translation>
    </message>
    <message>
        <source>Immediate rectification</source>
        <translation>立行立改</translation>
    </message>
    <message>
        <source>Systemic problem</source>
        <translation>系统性问题（治本）</translation>
    </message>
    <message>
        <source>Close out</source>
        <translation>销号</translation>
    </message>
    <message>
        <source>Current deadline %1 · original deadline %2</source>
        <translation>当前时限 %1 · 原定时限 %2</translation>
    </message>
    <message>
        <source>Current deadline %1</source>
        <translation>当前时限 %1</translation>
    </message>
    <message>
        <source>Registration no.:</source>
        <translation>编号：</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>问题类别：</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>问题描述：</translation>
    </message>
    <message>
        <source>Typical example:</source>
        <translation>典型事例：</translation>
    </message>
    <message>
        <source>Root cause:</source>
        <translation>问题根源：</translation>
    </message>
    <message>
        <source>Responsible office:</source>
        <translation>责任单位：</translation>
    </message>
    <message>
        <source>Lead leader:</source>
        <translation>牵头领导：</translation>
    </message>
    <message>
        <source>Responsible person:</source>
        <translation>责任人：</translation>
    </message>
    <message>
        <source>Deadline:</source>
        <translation>整改时限：</translation>
    </message>
    <message>
        <source>Deadline note:</source>
        <translation>时限说明：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Next step:</source>
        <translation>当前环节：</translation>
    </message>
    <message>
        <source>Reviewer:</source>
        <translation>审核人：</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Opinion:</source>
        <translation>审核意见：</translation>
    </message>
    <message>
        <source>Record step %1 of 3 (%2) for %3: %4 by %5 on %6, opinion &quot;%7&quot;?

A review decision is a record and cannot be undone; a mistake is corrected by a new review.</source>
        <translation>记录问题 %3 第 %1 步审核（共 3 步，%2）：%4，审核人 %5，日期 %6，意见“%7”？

审核结论一经记录不能撤销；如有差错，须另行审核更正。</translation>
    </message>
    <message>
        <source>rejected (back to in progress)</source>
        <translation>不同意（退回整改中）</translation>
    </message>
    <message>
        <source>Approve review</source>
        <translation>审核同意</translation>
    </message>
    <message>
        <source>Reject review</source>
        <translation>审核不同意</translation>
    </message>
    <message>
        <source>Close out %1 on %2 (销号)?

Closing out is a record and cannot be undone.</source>
        <translation>于 %2 对问题 %1 销号？

销号一经记录不能撤销。</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source> · completed %1</source>
        <translation> · %1 完成</translation>
    </message>
    <message>
        <source>Someone else has just changed this problem. What you typed is kept; saving it shows both versions.</source>
        <translation>其他人刚刚修改了该问题。您输入的内容已保留；保存时将并列显示双方的版本。</translation>
    </message>
    <message>
        <source>Your text is kept in the fields; it is saved onto their version when you leave a field.</source>
        <translation>您输入的内容保留在各字段中；离开字段时将在对方版本的基础上保存。</translation>
    </message>
    <message>
        <source>%1 (%2, read-only here)</source>
        <translation>%1（%2，本台账只读）</translation>
    </message>
    <message>
        <source>This problem belongs to %1: it is read-only here, and only %1 changes it (its next exchange package brings the change). This office&apos;s supervision and reviews of it can still be added.</source>
        <translation>此问题属于%1：在本台账中只读，只能由%1修改（其下一个交换包会带来修改）。本办对它的督办和审核仍可添加。</translation>
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
    <name>rectrack::ui::ReferralDialog</name>
    <message>
        <source>Edit referral or report</source>
        <translation>编辑抄告或专报</translation>
    </message>
    <message>
        <source>New referral or report</source>
        <translation>新增抄告或专报</translation>
    </message>
    <message>
        <source>Filter problems by number, unit or text</source>
        <translation>按编号、单位或内容筛选问题</translation>
    </message>
    <message>
        <source>Response received</source>
        <translation>已收到反馈</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>文号：</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Recipient:</source>
        <translation>接收单位：</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>事由：</translation>
    </message>
    <message>
        <source>Problems concerned:</source>
        <translation>关联问题：</translation>
    </message>
    <message>
        <source>Response:</source>
        <translation>反馈情况：</translation>
    </message>
    <message>
        <source>Response date:</source>
        <translation>反馈日期：</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) concerned</source>
        <translation>
            <numerusform>关联问题 %n 个</numerusform>
        </translation>
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
    <message>
        <source>Inspection coverage</source>
        <translation>巡察全覆盖</translation>
    </message>
    <message>
        <source>Integrated rectification</source>
        <translation>集成整改</translation>
    </message>
    <message>
        <source>Unit category</source>
        <translation>单位类别</translation>
    </message>
    <message>
        <source>Covered</source>
        <translation>是否已覆盖</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>届次</translation>
    </message>
    <message>
        <source>Registration no.</source>
        <translation>问题编号</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Repeats (source)</source>
        <translation>重复问题来源</translation>
    </message>
    <message>
        <source>Repeated problem no.</source>
        <translation>被重复问题编号</translation>
    </message>
    <message>
        <source>Repeated problem</source>
        <translation>被重复问题</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>尚未覆盖</translation>
    </message>
    <message>
        <source>Copy to</source>
        <translation>抄送</translation>
    </message>
    <message>
        <source>Response due</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <source>Common problem</source>
        <translation>同类问题</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
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
    <message>
        <source>Filter rows…</source>
        <translation>筛选…</translation>
    </message>
    <message>
        <source>New campaign…</source>
        <translation>新建专项督办…</translation>
    </message>
    <message>
        <source>Follow-up reviews (回头看) count</source>
        <translation>“回头看”计入覆盖</translation>
    </message>
    <message>
        <source>Whether a follow-up review of a unit counts towards the term&apos;s coverage (register setting coverage_counts_follow_up).</source>
        <translation>对单位开展的“回头看”是否计入本届巡察全覆盖（台账设置 coverage_counts_follow_up）。</translation>
    </message>
    <message>
        <source>Performance assessment after</source>
        <translation>纳入绩效考核期限</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>A unit is in performance assessment when a problem fed back more than this many months ago is not closed out (register setting performance_assessment_months).</source>
        <translation>单位有问题反馈超过该月数仍未销号的，纳入绩效考核（台账设置 performance_assessment_months）。</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Referrals and reports issued per year, by kind</source>
        <translation>各年度按类型统计的抄告和专报数量</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Rule established</source>
        <translation>建章立制</translation>
    </message>
    <message>
        <source>Accountability</source>
        <translation>问责</translation>
    </message>
    <message>
        <source>Funds recovered</source>
        <translation>追缴资金</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>仅显示逾期</translation>
    </message>
    <message>
        <source>Still to cover only</source>
        <translation>仅显示尚未覆盖</translation>
    </message>
    <message>
        <source>Second rectification only</source>
        <translation>仅显示二次整改</translation>
    </message>
    <message>
        <source>Add unit…</source>
        <translation>添加单位…</translation>
    </message>
    <message>
        <source>Link…</source>
        <translation>关联…</translation>
    </message>
    <message>
        <source>Remove from list</source>
        <translation>移出名单</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>取消关联</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 of %n row(s)</source>
        <translation>
            <numerusform>%1 · 共 %n 条，显示 %2 条</numerusform>
        </translation>
    </message>
    <message>
        <source>As of %1: %2 clues transferred, %3 disposed, %4 overdue (due date passed without a result).</source>
        <translation>截至 %1：移交问题线索 %2 件，已办结 %3 件，逾期 %4 件（超过办理时限未反馈结果）。</translation>
    </message>
    <message>
        <source>Issued as of %1: %2 referral sheets, %3 thematic reports, %4 key-situation reports.</source>
        <translation>截至 %1：印发抄告单 %2 份、专题报告 %3 份、要情专报 %4 份。</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 units evaluated; grades: %2. A grade of 一般 or 差 opens a second rectification.</source>
        <translation>已评价单位 %1 个；等级：%2。评价等级为“一般”或“差”的，启动二次整改。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n unit(s) with open problems</source>
        <translation>
            <numerusform>%1：有未完成整改问题的单位 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Units in performance assessment: %1</source>
        <translation>纳入绩效考核的单位：%1 个</translation>
    </message>
    <message numerus="yes">
        <source>Units in performance assessment: units with at least one problem fed back more than %n month(s) before %1 that is not closed out on that date (register setting performance_assessment_months).</source>
        <translation>
            <numerusform>纳入绩效考核的单位：至少有一个问题在 %1 之前超过 %n 个月反馈、且截至该日尚未销号的单位（台账设置 performance_assessment_months）。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 rules established · %2 people held accountable · %3 yuan recovered</source>
        <translation>建章立制 %1 项 · 问责 %2 人 · 追缴资金 %3 元</translation>
    </message>
    <message>
        <source>%1 %2/%3 (%4)</source>
        <translation>%1 %2/%3（%4）</translation>
    </message>
    <message>
        <source>%1: coverage %2 (%3 of %4 units); %5</source>
        <translation>%1：全覆盖率 %2（应覆盖 %4 个单位，已覆盖 %3 个）；%5</translation>
    </message>
    <message>
        <source>Regular, thematic, elevated, flexible and cross inspections entered by the date count; follow-up reviews (回头看) count when the register setting coverage_counts_follow_up is on.</source>
        <translation>截至该日已进驻的常规、专项、提级、机动和交叉巡察计入覆盖；台账设置 coverage_counts_follow_up 开启时，“回头看”也计入。</translation>
    </message>
    <message>
        <source>Municipal problems rectified together with the central or provincial problem they repeat. Statistics count each problem once, in its own source level.</source>
        <translation>市委巡察问题与其重复的中央、省委巡视问题一并整改。统计时每个问题只计一次，计入其本身的来源。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>No term has begun by %1.</source>
        <translation>截至 %1 尚无已开始的届次。</translation>
    </message>
    <message>
        <source>Take “%1” off the term&apos;s must-cover list?</source>
        <translation>将“%1”移出本届应覆盖名单？</translation>
    </message>
    <message>
        <source>Unlink problem %1 from the problem it repeats?</source>
        <translation>取消问题 %1 与其重复问题的关联？</translation>
    </message>
    <message>
        <source>Delete “%1” from the %2? This cannot be undone here; the audit log keeps the record.</source>
        <translation>从%2中删除“%1”？此操作无法在此撤销；审计日志保留该记录。</translation>
    </message>
    <message>
        <source>Edit “%1”…</source>
        <translation>编辑“%1”…</translation>
    </message>
    <message>
        <source>Delete “%1”</source>
        <translation>删除“%1”</translation>
    </message>
    <message>
        <source>Delete the campaign “%1”?</source>
        <translation>删除专项督办“%1”？</translation>
    </message>
</context>
<context>
    <name>rectrack::ui::RepeatLinkDialog</name>
    <message>
        <source>Integrated rectification</source>
        <translation>集成整改</translation>
    </message>
    <message>
        <source>Repeats:</source>
        <translation>重复的问题：</translation>
    </message>
    <message>
        <source>(choose a %1 problem)</source>
        <translation>（选择%1问题）</translation>
    </message>
    <message>
        <source>(choose a problem of %1)</source>
        <translation>（选择%1问题）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>The %1 problem is rectified together with the problem it repeats; statistics still count each problem once, in its own source level.</source>
        <translation>该%1问题与其重复的问题一并整改；统计时每个问题仍只在其本身的来源中计算一次。</translation>
    </message>
    <message>
        <source>%1 problem:</source>
        <translation>%1问题：</translation>
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
    <name>rectrack::ui::ReturnVisitDialog</name>
    <message>
        <source>Edit return visit</source>
        <translation>编辑回访</translation>
    </message>
    <message>
        <source>New return visit</source>
        <translation>新增回访</translation>
    </message>
    <message>
        <source>Campaign:</source>
        <translation>专项督办：</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <source>Visit date:</source>
        <translation>回访日期：</translation>
    </message>
    <message>
        <source>Visitors:</source>
        <translation>回访人员：</translation>
    </message>
    <message>
        <source>Findings:</source>
        <translation>发现问题：</translation>
    </message>
    <message>
        <source>Satisfaction:</source>
        <translation>满意度：</translation>
    </message>
    <message>
        <source>Follow-up:</source>
        <translation>后续措施：</translation>
    </message>
    <message>
        <source>(choose a unit)</source>
        <translation>（请选择单位）</translation>
    </message>
</context>
<context>
    <name>rectrack::ui::SafetyController</name>
    <message>
        <source>Hide this warning</source>
        <translation>隐藏此提示</translation>
    </message>
    <message>
        <source>%1 Lists and figures on screen may be incomplete. Close the register and restore a backup; automatic backups are stopped so that they keep the good copies.</source>
        <translation>%1 屏幕上的列表和数字可能不完整。请关闭台账并从备份恢复；自动备份已停止，以保留完好的备份。</translation>
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
        <source>Red once the deadline has passed (overdue).</source>
        <translation>超过整改时限即亮红灯（逾期）。</translation>
    </message>
    <message>
        <source>Registration numbers</source>
        <translation>挂号编号</translation>
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
        <source>Rectification deadlines</source>
        <translation>整改时限</translation>
    </message>
    <message>
        <source> month(s)</source>
        <translation>个月</translation>
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
        <source>Backups go to the folder &quot;&lt;register&gt;.backups&quot; beside the register file.</source>
        <translation>备份保存在台账文件旁的“&lt;台账文件名&gt;.backups”文件夹中。</translation>
    </message>
    <message>
        <source>Green at days left or fewer:</source>
        <translation>绿灯（剩余天数不超过）：</translation>
    </message>
    <message>
        <source>Yellow at days left or fewer:</source>
        <translation>黄灯（剩余天数不超过）：</translation>
    </message>
    <message>
        <source>Red colour:</source>
        <translation>红灯颜色：</translation>
    </message>
    <message>
        <source>Yellow colour:</source>
        <translation>黄灯颜色：</translation>
    </message>
    <message>
        <source>Green colour:</source>
        <translation>绿灯颜色：</translation>
    </message>
    <message>
        <source>Pattern:</source>
        <translation>编号规则：</translation>
    </message>
    <message>
        <source>Operator:</source>
        <translation>操作人员：</translation>
    </message>
    <message>
        <source>Language (after restart):</source>
        <translation>界面语言（重启后生效）：</translation>
    </message>
    <message>
        <source>Back up on opening and every:</source>
        <translation>打开时备份，之后每隔：</translation>
    </message>
    <message>
        <source>Backups kept per register:</source>
        <translation>每个台账保留备份数：</translation>
    </message>
    <message>
        <source>Plan due after feedback (new rounds):</source>
        <translation>整改方案报送时限（新轮次）：</translation>
    </message>
    <message>
        <source>Report due after feedback (new rounds):</source>
        <translation>整改报告报送时限（新轮次）：</translation>
    </message>
    <message>
        <source>Problem categories</source>
        <translation>问题类别</translation>
    </message>
</context>
<context>
    <name>rectrack::ui::UnitDuplicateCommand</name>
    <message>
        <source>Merge possible duplicate unit %1</source>
        <translation>合并疑似重复单位 %1</translation>
    </message>
    <message>
        <source>Keep possible duplicate unit %1 apart</source>
        <translation>疑似重复单位 %1 保持独立</translation>
    </message>
    <message>
        <source>The register in which the possible duplicate unit was decided is no longer open.</source>
        <translation>处理该疑似重复单位的台账已不再打开。</translation>
    </message>
</context>
<context>
    <name>rectrack::ui::UsersPage</name>
    <message>
        <source>Users and rights of this register</source>
        <translation>本台账的用户和权限</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Add a login or give it a role</source>
        <translation>新增登录名或授予角色</translation>
    </message>
    <message>
        <source>e.g. wang.fang</source>
        <translation>例如：wang.fang</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>登录名：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>unit names, separated by 、</source>
        <translation>单位名称，用“、”分隔</translation>
    </message>
    <message>
        <source>Units (unit login):</source>
        <translation>所属单位（单位工作人员）：</translation>
    </message>
    <message>
        <source>empty: keep an existing login&apos;s password</source>
        <translation>留空则保留已有登录名的密码</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove the selected login…</source>
        <translation>移除所选登录名…</translation>
    </message>
    <message>
        <source>The login %1 now has the role %2.</source>
        <translation>登录名 %1 已授予角色“%2”。</translation>
    </message>
    <message>
        <source>Remove login</source>
        <translation>移除登录名</translation>
    </message>
    <message>
        <source>Take every role in this register from %1?</source>
        <translation>收回 %1 在本台账中的全部角色？</translation>
    </message>
    <message>
        <source>The login %1 was removed from this register.</source>
        <translation>已从本台账移除登录名 %1。</translation>
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
    <message>
        <source>Connect to a server…</source>
        <translation>连接服务器…</translation>
    </message>
    <message>
        <source>A register on the office&apos;s PostgreSQL server, shared with other clerks</source>
        <translation>保存在本单位 PostgreSQL 服务器上、与其他工作人员共用的台账</translation>
    </message>
    <message>
        <source>e.g. the district inspection office; needed to exchange packages with other offices</source>
        <translation>例如：思明区委巡察办；与其他巡察办交换数据包时需要填写</translation>
    </message>
    <message>
        <source>Inspection office:</source>
        <translation>巡察办名称：</translation>
    </message>
    <message>
        <source>Ed25519 (standard)</source>
        <translation>Ed25519（标准）</translation>
    </message>
    <message>
        <source>SM2 with SM3 (national algorithms)</source>
        <translation>SM2/SM3（国密算法）</translation>
    </message>
    <message>
        <source>How this office signs its exchange packages; it cannot be changed later. Choose SM2 with SM3 when the office must use national algorithms.</source>
        <translation>本巡察办签名交换包所用的算法，以后不能更改。须使用国密算法的单位请选择 SM2/SM3。</translation>
    </message>
    <message>
        <source>Signature algorithm:</source>
        <translation>签名算法：</translation>
    </message>
</context>
</TS>
