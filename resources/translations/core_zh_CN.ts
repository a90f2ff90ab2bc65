<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuditHistory</name>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation>问题编号</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>巡察</translation>
    </message>
    <message>
        <source>Inspected unit</source>
        <translation>被巡察单位</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>问题来源</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>问题类别</translation>
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
        <translation>责任部门</translation>
    </message>
    <message>
        <source>Leader in charge</source>
        <translation>牵头领导</translation>
    </message>
    <message>
        <source>Person responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Original deadline</source>
        <translation>原整改时限</translation>
    </message>
    <message>
        <source>Systemic</source>
        <translation>共性问题</translation>
    </message>
    <message>
        <source>Rectify immediately</source>
        <translation>立行立改</translation>
    </message>
    <message>
        <source>Feedback date</source>
        <translation>反馈日期</translation>
    </message>
    <message>
        <source>Closed-out date</source>
        <translation>销号日期</translation>
    </message>
    <message>
        <source>Latest progress</source>
        <translation>最新进展</translation>
    </message>
    <message>
        <source>Repeats problem</source>
        <translation>重复问题</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Number</source>
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
        <source>Progress</source>
        <translation>整改进展</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>报告人</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>File type</source>
        <translation>文件类型</translation>
    </message>
    <message>
        <source>Size (bytes)</source>
        <translation>大小（字节）</translation>
    </message>
    <message>
        <source>Added on</source>
        <translation>添加日期</translation>
    </message>
    <message>
        <source>Progress entry</source>
        <translation>整改进展</translation>
    </message>
    <message>
        <source>Review step</source>
        <translation>审核环节</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Review date</source>
        <translation>审核日期</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>审核意见</translation>
    </message>
    <message>
        <source>Requested on</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <source>Requested deadline</source>
        <translation>申请延至</translation>
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
        <source>Decided on</source>
        <translation>审批日期</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>专项督办</translation>
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
        <source>State</source>
        <translation>状态</translation>
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
        <source>Completed on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>State history</source>
        <translation>状态记录</translation>
    </message>
    <message>
        <source>Integrated measure</source>
        <translation>集成整改</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Extension request</source>
        <translation>延期申请</translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation>督办</translation>
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
        <source>Measure %1</source>
        <translation>整改措施 %1</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>The record %1 #%2 does not exist.</source>
        <translation>记录 %1 #%2 不存在。</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>The backup file %1 already exists.</source>
        <translation>备份文件 %1 已存在。</translation>
    </message>
    <message>
        <source>A backup cannot be taken inside a transaction.</source>
        <translation>不能在事务进行中备份。</translation>
    </message>
    <message>
        <source>The backup %1 does not check out: %2</source>
        <translation>备份 %1 未通过校验：%2</translation>
    </message>
    <message>
        <source>Name the backup file to write.</source>
        <translation>请指定要写入的备份文件名。</translation>
    </message>
</context>
<context>
    <name>BackupSet</name>
    <message>
        <source>The backup folder %1 cannot be created.</source>
        <translation>无法创建备份文件夹 %1。</translation>
    </message>
    <message>
        <source>The backup cannot be copied next to the register %1.</source>
        <translation>无法将备份复制到台账文件 %1 所在文件夹。</translation>
    </message>
    <message>
        <source>The register %1 is still open in another program; close it there, then restore.</source>
        <translation>台账文件 %1 仍在其他程序中打开；请先在那里关闭，再恢复。</translation>
    </message>
    <message>
        <source>The register %1 cannot be replaced.</source>
        <translation>无法替换台账文件 %1。</translation>
    </message>
</context>
<context>
    <name>BulkInserter</name>
    <message>
        <source>Database error: %1 (%2)</source>
        <translation>数据库错误：%1（%2）</translation>
    </message>
</context>
<context>
    <name>CategoryService</name>
    <message>
        <source>A category needs a name.</source>
        <translation>问题类别需要名称。</translation>
    </message>
    <message>
        <source>There is already a category named %1 at this level.</source>
        <translation>同一级别下已有名为“%1”的问题类别。</translation>
    </message>
    <message>
        <source>The parent category no longer exists.</source>
        <translation>上级问题类别已不存在。</translation>
    </message>
    <message>
        <source>The category no longer exists.</source>
        <translation>该问题类别已不存在。</translation>
    </message>
    <message>
        <source>A category cannot be placed under itself or one of its subcategories.</source>
        <translation>问题类别不能放在它自身或其下级类别之下。</translation>
    </message>
    <message>
        <source>A category cannot be merged into itself.</source>
        <translation>问题类别不能合并到它自身。</translation>
    </message>
    <message>
        <source>%1 cannot be merged into its own subcategory %2.</source>
        <translation>“%1”不能合并到它的下级类别“%2”。</translation>
    </message>
    <message numerus="yes">
        <source>%1 is used by %n problem(s); merge it into another category instead.</source>
        <translation>
            <numerusform>“%1”已有 %n 个问题使用，不能删除；可将其合并到其他类别。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has subcategories; move or delete them first.</source>
        <translation>“%1”有下级类别，请先移走或删除下级类别。</translation>
    </message>
</context>
<context>
    <name>ClockCheck</name>
    <message>
        <source>The computer&apos;s clock says %1, but the register already holds a change made at %2. Check the date and time of this computer before saving: changes made now would carry the wrong date.</source>
        <translation>本机时钟显示 %1，但台账中已有 %2 所做的修改。保存前请检查本机的日期和时间：现在所做的修改将带有错误的日期。</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>The file %1 does not exist.</source>
        <translation>文件 %1 不存在。</translation>
    </message>
    <message>
        <source>The file %1 cannot be read: %2</source>
        <translation>无法读取文件 %1：%2</translation>
    </message>
    <message>
        <source>The file %1 is not a Rectrack register (it is not an SQLite database).</source>
        <translation>文件 %1 不是 Rectrack 台账文件（不是 SQLite 数据库）。</translation>
    </message>
    <message>
        <source>The file %1 is damaged: its header is invalid.</source>
        <translation>文件 %1 已损坏：文件头无效。</translation>
    </message>
    <message>
        <source>The file %1 is damaged: it is shorter than its header says (truncated?).</source>
        <translation>文件 %1 已损坏：文件长度短于文件头记载（可能被截断）。</translation>
    </message>
    <message>
        <source>The file %1 is damaged: its size is not a whole number of pages.</source>
        <translation>文件 %1 已损坏：文件大小不是整页数。</translation>
    </message>
    <message>
        <source>The file %1 is an SQLite database of another program, not a Rectrack register.</source>
        <translation>文件 %1 是其他程序的 SQLite 数据库，不是 Rectrack 台账文件。</translation>
    </message>
    <message>
        <source>%1 is a folder, not a register file.</source>
        <translation>%1 是文件夹，不是台账文件。</translation>
    </message>
    <message>
        <source>The file %1 cannot be opened: %2</source>
        <translation>无法打开文件 %1：%2</translation>
    </message>
    <message>
        <source>The file %1 is damaged or not a register: %2</source>
        <translation>文件 %1 已损坏或不是台账文件：%2</translation>
    </message>
    <message>
        <source>The register %1 was written by a newer version of Rectrack (schema %2; this program reads up to %3). Please update Rectrack.</source>
        <translation>台账文件 %1 由更新版本的 Rectrack 写入（数据结构版本 %2，本程序最高支持 %3）。请升级 Rectrack。</translation>
    </message>
    <message>
        <source>The file %1 is not a Rectrack register.</source>
        <translation>文件 %1 不是 Rectrack 台账文件。</translation>
    </message>
    <message>
        <source>Cannot create the register %1: %2</source>
        <translation>无法创建台账文件 %1：%2</translation>
    </message>
    <message>
        <source>Cannot copy %1 before upgrading it: %2</source>
        <translation>升级前无法备份 %1：%2</translation>
    </message>
    <message>
        <source>Upgrading %1 to schema %2 failed: %3</source>
        <translation>将 %1 升级到数据结构版本 %2 失败：%3</translation>
    </message>
    <message>
        <source>Database error: %1 (%2)</source>
        <translation>数据库错误：%1（%2）</translation>
    </message>
    <message>
        <source>The file %1 cannot be opened: the header of its write-ahead log %2 is damaged, so the changes in the log would be lost. Keep both files and restore a backup, or move %2 aside to open the register without those changes.</source>
        <translation>无法打开文件 %1：其预写日志 %2 的文件头已损坏，日志中的修改将会丢失。请保留这两个文件并恢复备份，或将 %2 移到别处，以不含这些修改的状态打开台账。</translation>
    </message>
    <message>
        <source>The file %1 cannot be opened: its write-ahead log %2 is damaged at frame %3, and changes committed after that frame would be lost. Keep both files and restore a backup, or move %2 aside to open the register without the changes in the log.</source>
        <translation>无法打开文件 %1：其预写日志 %2 在第 %3 帧处损坏，该帧之后已提交的修改将会丢失。请保留这两个文件并恢复备份，或将 %2 移到别处，以不含日志中修改的状态打开台账。</translation>
    </message>
    <message>
        <source>The file %1 is damaged: %2 cannot be read (%3). Restore a backup.</source>
        <translation>文件 %1 已损坏：无法读取 %2（%3）。请恢复备份。</translation>
    </message>
    <message>
        <source>The file %1 is damaged (%2). Restore a backup; rectrack-cli verify on a copy lists the damage.</source>
        <translation>文件 %1 已损坏（%2）。请恢复备份；对副本运行 rectrack-cli verify 可列出损坏之处。</translation>
    </message>
    <message>
        <source>The file %1 is empty (0 bytes): it is not a Rectrack register. Was a copy interrupted? Restore the register from a backup.</source>
        <translation>文件 %1 是空文件（0 字节），不是 Rectrack 台账文件。是否复制时中断？请从备份恢复台账。</translation>
    </message>
    <message>
        <source>The register %1 cannot be created: the folder or drive is read-only.</source>
        <translation>无法创建台账文件 %1：文件夹或磁盘为只读。</translation>
    </message>
    <message>
        <source>The register %1 is read-only and its last changes are still in its write-ahead log %1-wal, which cannot be read here. Copy both files to a folder you can write to and open the copy.</source>
        <translation>台账文件 %1 为只读，而其最近的修改仍在预写日志 %1-wal 中，此处无法读取。请将这两个文件复制到可写入的文件夹，然后打开副本。</translation>
    </message>
    <message>
        <source>The register %1 was written by an older version of Rectrack and must be upgraded, but it is read-only. Copy it to a folder you can write to.</source>
        <translation>台账文件 %1 由旧版本 Rectrack 写入，需要升级，但它是只读的。请将其复制到可写入的文件夹。</translation>
    </message>
    <message>
        <source>The disk holding %1 is full: the change was not saved (everything saved before is intact). Free some space, then try again.</source>
        <translation>台账文件 %1 所在磁盘已满：本次修改未保存（此前保存的内容完好无损）。请清理出空间后重试。</translation>
    </message>
    <message>
        <source>The register %1 is read-only: the change was not saved.</source>
        <translation>台账文件 %1 为只读：本次修改未保存。</translation>
    </message>
    <message>
        <source>The register %1 could not be written (input/output error: %2): the change was not saved (everything saved before is intact).</source>
        <translation>无法写入台账文件 %1（输入输出错误：%2）：本次修改未保存（此前保存的内容完好无损）。</translation>
    </message>
    <message>
        <source>%1 is not a PostgreSQL address of the form postgresql://user@host:port/database.</source>
        <translation>%1 不是 postgresql://用户@主机:端口/数据库 形式的 PostgreSQL 地址。</translation>
    </message>
    <message>
        <source>The server address has an invalid parameter “%1”.</source>
        <translation>服务器地址含有无效参数“%1”。</translation>
    </message>
    <message>
        <source>Cannot open %1: Qt&apos;s PostgreSQL driver is not installed (Debian package libqt6sql6-psql).</source>
        <translation>无法打开 %1：未安装 Qt 的 PostgreSQL 驱动（Debian 软件包 libqt6sql6-psql）。</translation>
    </message>
    <message>
        <source>Cannot connect to the server register %1: %2</source>
        <translation>无法连接服务器上的台账 %1：%2</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>The database %1 holds %n other table(s): it is not a Rectrack register. Use an empty database.</source>
        <translation>
            <numerusform>数据库 %1 中已有 %n 个其他数据表，不是 Rectrack 台账。请使用空数据库。</numerusform>
        </translation>
    </message>
    <message>
        <source>The database %1 holds no register yet. Create one there with rectrack-cli server init.</source>
        <translation>数据库 %1 中还没有台账。请先用 rectrack-cli server init 创建。</translation>
    </message>
    <message>
        <source>The database %1 has the character classification (LC_CTYPE) “%2”, under which the server cannot search Chinese text. Create the database with LC_CTYPE C.UTF-8 or zh_CN.UTF-8, e.g. CREATE DATABASE … TEMPLATE template0 LC_CTYPE &apos;C.UTF-8&apos; LC_COLLATE &apos;C.UTF-8&apos;.</source>
        <translation>数据库 %1 的字符分类（LC_CTYPE）为“%2”，在此设置下服务器无法检索中文。请以 LC_CTYPE 为 C.UTF-8 或 zh_CN.UTF-8 创建数据库，例如 CREATE DATABASE … TEMPLATE template0 LC_CTYPE &apos;C.UTF-8&apos; LC_COLLATE &apos;C.UTF-8&apos;。</translation>
    </message>
    <message>
        <source>The database %1 is not a Rectrack register.</source>
        <translation>数据库 %1 不是 Rectrack 台账。</translation>
    </message>
    <message>
        <source>The login %1 has no role in the register %2. The security administrator gives it one with rectrack-cli server user add.</source>
        <translation>登录名 %1 在台账 %2 中没有角色。请安全保密管理员用 rectrack-cli server user add 为其分配角色。</translation>
    </message>
    <message>
        <source>The server register %1 was busy with another change; this one was not saved. Try again.</source>
        <translation>服务器上的台账 %1 正忙于另一项修改，本次修改未保存。请重试。</translation>
    </message>
    <message>
        <source>The login %1 may only read this register: the change was not saved.</source>
        <translation>登录名 %1 对本台账只有查看权限，修改未保存。</translation>
    </message>
    <message>
        <source>Only the inspection office may close out a problem or reopen a closed-out one; the login %1 may not. Nothing was changed.</source>
        <translation>只有巡察办可以对问题销号或重新打开已销号的问题，登录名 %1 无此权限。未作任何修改。</translation>
    </message>
    <message>
        <source>Only the inspection office may record the inspection office&apos;s review; the login %1 may not. Nothing was changed.</source>
        <translation>只有巡察办可以登记巡察办审核意见，登录名 %1 无此权限。未作任何修改。</translation>
    </message>
    <message>
        <source>Only the inspection office may delete or restore a problem; the login %1 may not. Nothing was changed.</source>
        <translation>只有巡察办可以删除或恢复问题，登录名 %1 无此权限。未作任何修改。</translation>
    </message>
    <message>
        <source>Only the security administrator may manage logins; the login %1 may not.</source>
        <translation>只有安全保密管理员可以管理登录名，登录名 %1 无此权限。</translation>
    </message>
    <message>
        <source>Unknown role: use sysadmin, secadmin, auditor, office, unit or leader.</source>
        <translation>未知角色：请使用 sysadmin（系统管理员）、secadmin（安全保密管理员）、auditor（安全审计员）、office（巡察办）、unit（被巡察单位）或 leader（领导）。</translation>
    </message>
    <message>
        <source>A unit login needs at least one --unit; other roles take none.</source>
        <translation>被巡察单位的登录名至少需要一个 --unit；其他角色不能指定单位。</translation>
    </message>
    <message>
        <source>The register has no unit named “%1”.</source>
        <translation>台账中没有名为“%1”的单位。</translation>
    </message>
    <message>
        <source>That name belongs to a server role that is not a login, or to a superuser.</source>
        <translation>该名称属于服务器上一个不能登录的角色或超级用户。</translation>
    </message>
    <message>
        <source>A security administrator cannot remove their own login.</source>
        <translation>安全保密管理员不能删除自己的登录名。</translation>
    </message>
    <message>
        <source>That login has no role in this register.</source>
        <translation>该登录名在本台账中没有角色。</translation>
    </message>
    <message>
        <source>The database name is too long for its role names (at most 54 bytes).</source>
        <translation>数据库名称过长，无法据此命名角色（最多 54 个字节）。</translation>
    </message>
    <message>
        <source>The login %1 may not do this in the register (%2): refused by the server. Nothing was changed.</source>
        <translation>登录名 %1 无权在本台账中执行此操作（%2），已被服务器拒绝。未作任何修改。</translation>
    </message>
    <message>
        <source>The connection to the server register %1 was lost: the change was not saved.</source>
        <translation>与服务器上的台账 %1 的连接已中断，修改未保存。</translation>
    </message>
    <message>
        <source>The server register %1 was made by a development version of Rectrack without logins and roles. Create it again with rectrack-cli server init and server push.</source>
        <translation>服务器上的台账 %1 由不含登录名和角色的 Rectrack 开发版本创建。请用 rectrack-cli server init 和 server push 重新创建。</translation>
    </message>
    <message>
        <source>A login name is letters, digits or _ . @ -, at most 63 bytes (21 Chinese characters), does not start with pg_ and is not a group role of the register.</source>
        <translation>登录名由字母、数字或 _ . @ - 组成，最多 63 个字节（21 个汉字），不能以 pg_ 开头，也不能是本台账的组角色名。</translation>
    </message>
    <message>
        <source>Upgrading %1 failed: the foreign keys cannot be switched off.</source>
        <translation>升级 %1 失败：无法关闭外键检查。</translation>
    </message>
    <message>
        <source>Upgrading %1 failed: the foreign keys cannot be switched on.</source>
        <translation>升级 %1 失败：无法重新开启外键检查。</translation>
    </message>
    <message>
        <source>Upgrading %1 failed: a reference no longer points at a row.</source>
        <translation>升级 %1 失败：有引用不再指向任何记录。</translation>
    </message>
</context>
<context>
    <name>DemoRegister</name>
    <message>
        <source>The register already holds problems; the demo needs an empty one.</source>
        <translation>台账中已有问题，示例台账需要空白台账文件。</translation>
    </message>
    <message>
        <source>Inspection office clerk</source>
        <translation>巡察办工作人员</translation>
    </message>
</context>
<context>
    <name>FileLocationWarnings</name>
    <message>
        <source>The register %1 is on a network drive (%2). It is opened in the slower rollback-journal mode, because the write-ahead log does not work across machines. Copy it to a local disk to work faster and more safely.</source>
        <translation>台账文件 %1 位于网络驱动器（%2）上。由于预写日志无法跨计算机工作，已改用较慢的回滚日志模式打开。将其复制到本地磁盘可更快、更安全地使用。</translation>
    </message>
    <message>
        <source>The register %1 is read-only (the file, its folder or the drive cannot be written). You can read it, but changes cannot be saved.</source>
        <translation>台账文件 %1 为只读（文件、所在文件夹或磁盘不可写入）。可以查阅，但无法保存修改。</translation>
    </message>
    <message>
        <source>The register %1 is %2 MB on a FAT32 drive, which cannot hold files of 4 GB or more. Move it to a drive formatted with NTFS, exFAT or ext4 before it grows further.</source>
        <translation>台账文件 %1 已达 %2 MB，位于 FAT32 磁盘上，而 FAT32 不能存放 4 GB 及以上的文件。请在其继续增大前将其移到 NTFS、exFAT 或 ext4 格式的磁盘。</translation>
    </message>
</context>
<context>
    <name>Names</name>
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
        <source>Immediate</source>
        <translation>立行立改</translation>
    </message>
    <message>
        <source>By deadline</source>
        <translation>限期整改</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未启动</translation>
    </message>
    <message>
        <source>central</source>
        <translation>中央巡视</translation>
    </message>
    <message>
        <source>provincial</source>
        <translation>省委巡视</translation>
    </message>
    <message>
        <source>municipal</source>
        <translation>市委巡察</translation>
    </message>
    <message>
        <source>district</source>
        <translation>区县委巡察</translation>
    </message>
    <message>
        <source>Regular</source>
        <translation>常规巡察</translation>
    </message>
    <message>
        <source>Thematic</source>
        <translation>专项巡察</translation>
    </message>
    <message>
        <source>Elevated</source>
        <translation>提级巡察</translation>
    </message>
    <message>
        <source>Flexible</source>
        <translation>机动巡察</translation>
    </message>
    <message>
        <source>Cross</source>
        <translation>交叉巡察</translation>
    </message>
    <message>
        <source>Follow-up review</source>
        <translation>巡察“回头看”</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>绿灯</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>黄灯</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>红灯</translation>
    </message>
    <message>
        <source>Unit leader</source>
        <translation>单位主要负责人</translation>
    </message>
    <message>
        <source>Unit rectification group</source>
        <translation>单位整改工作领导小组</translation>
    </message>
    <message>
        <source>Inspection office</source>
        <translation>巡察办</translation>
    </message>
    <message>
        <source>Urging</source>
        <translation>催办</translation>
    </message>
    <message>
        <source>Reminder letter</source>
        <translation>提醒书</translation>
    </message>
    <message>
        <source>Warning letter</source>
        <translation>告诫书</translation>
    </message>
    <message>
        <source>Supervision letter</source>
        <translation>督办函</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>约谈</translation>
    </message>
    <message>
        <source>Return visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Completed, awaiting close-out</source>
        <translation>已完成待销号</translation>
    </message>
</context>
<context>
    <name>OrganizationService</name>
    <message>
        <source>A round needs a label.</source>
        <translation>巡察轮次需要名称。</translation>
    </message>
    <message>
        <source>A unit needs a name.</source>
        <translation>单位需要名称。</translation>
    </message>
    <message>
        <source>An inspection needs an inspected unit.</source>
        <translation>巡察需要指定被巡察单位。</translation>
    </message>
    <message>
        <source>A category needs a name.</source>
        <translation>问题类别需要名称。</translation>
    </message>
</context>
<context>
    <name>OversightService</name>
    <message>
        <source>Referral sheet</source>
        <translation>抄告单</translation>
    </message>
    <message>
        <source>Thematic report</source>
        <translation>专题报告</translation>
    </message>
    <message>
        <source>Key-situation report</source>
        <translation>要情专报</translation>
    </message>
    <message>
        <source>A clue needs a summary.</source>
        <translation>问题线索需要填写内容摘要。</translation>
    </message>
    <message>
        <source>A clue needs its transfer date.</source>
        <translation>问题线索需要填写移交日期。</translation>
    </message>
    <message>
        <source>A disposal needs its result and date.</source>
        <translation>处置情况需要填写结果和日期。</translation>
    </message>
    <message>
        <source>A referral needs a subject.</source>
        <translation>抄告或报告需要填写事由。</translation>
    </message>
    <message>
        <source>An evaluation needs the evaluated unit.</source>
        <translation>整改效果评价需要指定被评价单位。</translation>
    </message>
    <message>
        <source>A campaign needs a name.</source>
        <translation>专项督办需要名称。</translation>
    </message>
    <message>
        <source>A return visit needs the unit and the date.</source>
        <translation>回访需要指定单位和日期。</translation>
    </message>
    <message>
        <source>A problem cannot repeat itself.</source>
        <translation>问题不能与自身关联。</translation>
    </message>
    <message>
        <source>A rule needs a name.</source>
        <translation>制度需要名称。</translation>
    </message>
    <message>
        <source>Accountability needs its form and at least one person.</source>
        <translation>问责需要填写问责方式且至少涉及一人。</translation>
    </message>
    <message>
        <source>Recovered funds must be a positive amount.</source>
        <translation>追缴（挽回）资金须为正数。</translation>
    </message>
    <message>
        <source>The number of persons involved cannot be negative.</source>
        <translation>涉及人数不能为负数。</translation>
    </message>
    <message>
        <source>Record the persons&apos; roles only, never ID numbers.</source>
        <translation>只记录涉及人员的职务，不得填写身份证号码。</translation>
    </message>
    <message>
        <source>The due date cannot be before the transfer date.</source>
        <translation>办理时限不能早于移交日期。</translation>
    </message>
    <message>
        <source>The disposal cannot be before the transfer.</source>
        <translation>办结日期不能早于移交日期。</translation>
    </message>
    <message>
        <source>A disposal date needs the disposal result.</source>
        <translation>填写办结日期时需填写办理结果。</translation>
    </message>
    <message>
        <source>The problem #%1 does not exist.</source>
        <translation>问题 #%1 不存在。</translation>
    </message>
    <message>
        <source>Both problems must exist.</source>
        <translation>两个问题都必须存在。</translation>
    </message>
    <message>
        <source>Unknown outcome table %1.</source>
        <translation>未知的整改成果表 %1。</translation>
    </message>
    <message>
        <source>A campaign needs at least one round.</source>
        <translation>专项督办至少需要一个轮次。</translation>
    </message>
    <message>
        <source>The round #%1 does not exist.</source>
        <translation>轮次 #%1 不存在。</translation>
    </message>
    <message numerus="yes">
        <source>The campaign has %n return visit(s); delete them first.</source>
        <translation>
            <numerusform>该专项督办有 %n 次回访，请先删除回访。</numerusform>
        </translation>
    </message>
    <message>
        <source>The performance-assessment period must be 1 to 36 months.</source>
        <translation>纳入绩效考核的期限须为 1 至 36 个月。</translation>
    </message>
    <message>
        <source>The response cannot be before the referral was issued.</source>
        <translation>反馈日期不能早于印发日期。</translation>
    </message>
    <message>
        <source>A campaign cannot end before it starts.</source>
        <translation>专项督办的结束日期不能早于开始日期。</translation>
    </message>
    <message>
        <source>A %1 problem can only repeat a problem fed back by a higher level than %1.</source>
        <translation>%1问题只能与高于%1的层级反馈的问题集成整改。</translation>
    </message>
</context>
<context>
    <name>ProblemFactsDeferral</name>
    <message>
        <source>The statistics table can only be deferred inside a transaction.</source>
        <translation>统计表只能在事务内推迟更新。</translation>
    </message>
</context>
<context>
    <name>ProblemService</name>
    <message>
        <source>A problem needs a description.</source>
        <translation>问题需要填写问题描述。</translation>
    </message>
    <message>
        <source>A problem needs the unit it was fed back to.</source>
        <translation>问题需要指定被反馈单位。</translation>
    </message>
    <message>
        <source>A problem needs its feedback (registration) date.</source>
        <translation>问题需要填写反馈（挂号）日期。</translation>
    </message>
    <message>
        <source>The registration number %1 is already used in this unit.</source>
        <translation>问题编号 %1 在本单位已被使用。</translation>
    </message>
    <message>
        <source>Imported ledger</source>
        <translation>导入台账</translation>
    </message>
    <message>
        <source>Closed out according to the imported ledger</source>
        <translation>根据导入台账记载已销号</translation>
    </message>
    <message>
        <source>The problem #%1 does not exist.</source>
        <translation>问题 #%1 不存在。</translation>
    </message>
    <message>
        <source>A measure needs a text.</source>
        <translation>整改措施需要填写内容。</translation>
    </message>
    <message>
        <source>A progress entry needs a text.</source>
        <translation>整改进展需要填写内容。</translation>
    </message>
    <message>
        <source>Progress cannot be dated before the problem&apos;s feedback date %1.</source>
        <translation>整改进展的日期不能早于问题反馈日期 %1。</translation>
    </message>
    <message>
        <source>An evidence file needs a name.</source>
        <translation>佐证材料需要文件名。</translation>
    </message>
    <message>
        <source>The problem #%1 is already deleted.</source>
        <translation>问题 #%1 已删除。</translation>
    </message>
    <message>
        <source>The problem #%1 is not deleted.</source>
        <translation>问题 #%1 未被删除。</translation>
    </message>
    <message>
        <source>The measure #%1 does not exist.</source>
        <translation>整改措施 #%1 不存在。</translation>
    </message>
    <message>
        <source>The progress entry #%1 does not exist.</source>
        <translation>整改进展 #%1 不存在。</translation>
    </message>
    <message>
        <source>The evidence file #%1 does not exist.</source>
        <translation>佐证材料 #%1 不存在。</translation>
    </message>
    <message>
        <source>A close-out is a record and cannot be undone; correct it by a new entry.</source>
        <translation>销号是正式记录，不能撤销；如有错误，请以新的记录更正。</translation>
    </message>
    <message>
        <source>The problem&apos;s state has changed since; this change can no longer be taken back.</source>
        <translation>问题状态此后已有变化，这一更改已无法撤回。</translation>
    </message>
    <message>
        <source>The measure</source>
        <translation>该整改措施</translation>
    </message>
    <message>
        <source>The problem</source>
        <translation>该问题</translation>
    </message>
    <message>
        <source>%1 was changed by someone else since it was opened; reload it first.</source>
        <translation>%1在打开后已被他人修改；请先重新载入。</translation>
    </message>
    <message>
        <source>%1 was changed by %2 at %3 since you opened it; reload it to see the change, then edit again.</source>
        <translation>%1在您打开后已于 %3 被 %2 修改；请重新载入查看该修改后再编辑。</translation>
    </message>
    <message>
        <source>Changed: %1.</source>
        <translation>修改的字段：%1。</translation>
    </message>
</context>
<context>
    <name>RegisterCopy</name>
    <message>
        <source>The copy was cancelled.</source>
        <translation>复制已取消。</translation>
    </message>
    <message>
        <source>Both registers must have schema version %1 (open %2 with this program once to upgrade it).</source>
        <translation>两个台账的数据结构版本都须为 %1（请先用本程序打开一次 %2 以完成升级）。</translation>
    </message>
    <message>
        <source>The register %1 already holds data (%2 rows in %3): a register is copied into a new, empty one only.</source>
        <translation>台账 %1 中已有数据（%3 表中 %2 行）：台账只能复制到新建的空台账中。</translation>
    </message>
    <message>
        <source>The register %1 already holds data (its audit log has %2 entries): a register is copied into a new, empty one only.</source>
        <translation>台账 %1 中已有数据（审计日志有 %2 条）：台账只能复制到新建的空台账中。</translation>
    </message>
    <message>
        <source>The copy of %1 has %2 rows instead of %3.</source>
        <translation>复制后的 %1 表有 %2 行，应为 %3 行。</translation>
    </message>
    <message>
        <source>The copy does not verify: %1</source>
        <translation>复制结果未通过校验：%1</translation>
    </message>
    <message>
        <source>The copy&apos;s audit chain ends at %1:%2, the original&apos;s at %3:%4.</source>
        <translation>复制结果的审计链止于 %1:%2，原台账止于 %3:%4。</translation>
    </message>
    <message>
        <source>Audit log entry %1 does not follow the entry before it (an entry was removed or inserted).</source>
        <translation>审计日志第 %1 条与前一条不衔接（有记录被删除或插入）。</translation>
    </message>
    <message>
        <source>Audit log entry %1 was altered (its hash does not match).</source>
        <translation>审计日志第 %1 条已被篡改（哈希值不符）。</translation>
    </message>
    <message>
        <source>Evidence file #%1 does not match its SHA-256.</source>
        <translation>佐证材料 #%1 与其 SHA-256 校验值不符。</translation>
    </message>
    <message>
        <source>The copy of %1 differs from the original (its rows&apos; digest).</source>
        <translation>复制结果中 %1 表的数据与原台账不一致（数据行摘要不符）。</translation>
    </message>
    <message>
        <source>The statistics tables of the copy differ from its rows in %1 row(s).</source>
        <translation>复制结果的统计表与其数据行有 %1 行不一致。</translation>
    </message>
</context>
<context>
    <name>SavedViewService</name>
    <message>
        <source>A saved view needs a name.</source>
        <translation>保存的视图需要名称。</translation>
    </message>
</context>
<context>
    <name>SearchIndexSuspension</name>
    <message>
        <source>The search index can only be suspended inside a transaction.</source>
        <translation>只能在事务中暂停全文检索索引。</translation>
    </message>
</context>
<context>
    <name>ServerLogins</name>
    <message>
        <source>Logins and roles exist only in a register on a server; a register file has one operator.</source>
        <translation>登录名和角色只存在于服务器上的台账中；台账文件只有一名操作员。</translation>
    </message>
    <message>
        <source>The password is empty.</source>
        <translation>密码为空。</translation>
    </message>
    <message>
        <source>The password could not be encrypted: %1</source>
        <translation>无法加密密码：%1</translation>
    </message>
</context>
<context>
    <name>SettingsService</name>
    <message>
        <source>The yellow warning must start later than the green one: 0 &lt; yellow days ≤ green days ≤ 365.</source>
        <translation>黄灯天数须不超过绿灯天数：0 &lt; 黄灯天数 ≤ 绿灯天数 ≤ 365。</translation>
    </message>
    <message>
        <source>%1 is not a colour of the form #rrggbb.</source>
        <translation>%1 不是 #rrggbb 形式的颜色。</translation>
    </message>
    <message>
        <source>The registration-number pattern needs a {seq} part.</source>
        <translation>编号规则须包含 {seq}。</translation>
    </message>
    <message>
        <source>Deadlines are between 1 and 12 months.</source>
        <translation>时限须在 1 至 12 个月之间。</translation>
    </message>
    <message>
        <source>Deadlines of %1 are between 1 and 12 months.</source>
        <translation>%1 的时限须在 1 至 12 个月之间。</translation>
    </message>
</context>
<context>
    <name>Statistics</name>
    <message>
        <source>(not set)</source>
        <translation>（未填写）</translation>
    </message>
</context>
<context>
    <name>SupervisionService</name>
    <message>
        <source>The problem #%1 does not exist.</source>
        <translation>问题 #%1 不存在。</translation>
    </message>
    <message>
        <source>Only a completed problem can be reviewed for close-out; this one is %1.</source>
        <translation>只有已完成整改的问题才能进行销号审核；该问题当前为“%1”。</translation>
    </message>
    <message>
        <source>A review needs the reviewer&apos;s name.</source>
        <translation>审核需要填写审核人姓名。</translation>
    </message>
    <message>
        <source>The review by the %1 must come first.</source>
        <translation>须先经%1审核。</translation>
    </message>
    <message>
        <source>A completed problem needs no extension.</source>
        <translation>已完成整改的问题无需延期。</translation>
    </message>
    <message>
        <source>The new deadline must be later than the current one (%1).</source>
        <translation>新的整改时限必须晚于当前时限（%1）。</translation>
    </message>
    <message>
        <source>The extension request #%1 does not exist.</source>
        <translation>延期申请 #%1 不存在。</translation>
    </message>
    <message>
        <source>The extension request has already been decided.</source>
        <translation>该延期申请已审批。</translation>
    </message>
    <message>
        <source>A supervision action concerns a problem or a unit.</source>
        <translation>督办事项须针对问题或单位。</translation>
    </message>
    <message>
        <source>The supervision action #%1 does not exist.</source>
        <translation>督办记录 #%1 不存在。</translation>
    </message>
</context>
<context>
    <name>SyntheticRegister</name>
    <message>
        <source>The number of problems must be at least 1.</source>
        <translation>问题数量至少为 1。</translation>
    </message>
    <message>
        <source>The register already holds problems; generate needs an empty one.</source>
        <translation>台账中已有问题，生成合成台账需要空白台账文件。</translation>
    </message>
    <message numerus="yes">
        <source>Synthetic register (%n problems)</source>
        <translation>
            <numerusform>合成台账（%n 个问题）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Transaction</name>
    <message>
        <source>The register is busy or cannot be written: %1</source>
        <translation>台账文件正忙或无法写入：%1</translation>
    </message>
    <message>
        <source>Saving failed: %1</source>
        <translation>保存失败：%1</translation>
    </message>
</context>
<context>
    <name>Verifier</name>
    <message>
        <source>The integrity check could not run: %1</source>
        <translation>无法进行完整性检查：%1</translation>
    </message>
    <message>
        <source>SQLite integrity check: %1</source>
        <translation>SQLite 完整性检查：%1</translation>
    </message>
    <message>
        <source>Unexpected schema version %1 (expected %2).</source>
        <translation>数据结构版本 %1 不符（应为 %2）。</translation>
    </message>
    <message>
        <source>The application id is not Rectrack&apos;s.</source>
        <translation>应用标识不是 Rectrack 的。</translation>
    </message>
    <message>
        <source>Table %1 is missing.</source>
        <translation>缺少数据表 %1。</translation>
    </message>
    <message>
        <source>Audit log entry %1 does not follow the entry before it (an entry was removed or inserted).</source>
        <translation>审计日志第 %1 条与前一条不衔接（有记录被删除或插入）。</translation>
    </message>
    <message>
        <source>Audit log entry %1 was altered (its hash does not match).</source>
        <translation>审计日志第 %1 条已被篡改（哈希值不符）。</translation>
    </message>
    <message>
        <source>Row %1 of %2 is not in the audit log (written behind the program&apos;s back).</source>
        <translation>%2 表第 %1 行不在审计日志中（被绕过程序写入）。</translation>
    </message>
    <message>
        <source>Row %1 of %2 differs from its last logged state (changed behind the program&apos;s back).</source>
        <translation>%2 表第 %1 行与审计日志最后记录的状态不符（被绕过程序修改）。</translation>
    </message>
    <message>
        <source>Row %1 of %2 was deleted behind the program&apos;s back.</source>
        <translation>%2 表第 %1 行被绕过程序删除。</translation>
    </message>
    <message>
        <source>Evidence file #%1 does not match its SHA-256.</source>
        <translation>佐证材料 #%1 与其 SHA-256 校验值不符。</translation>
    </message>
    <message>
        <source>Audit log entry %1 no longer has the hash noted for it (%2): the history up to it was rewritten.</source>
        <translation>审计日志第 %1 条的哈希值与记录的值（%2）不符：截至该条的历史已被改写。</translation>
    </message>
    <message>
        <source>Audit log entry %1, noted with its hash, is missing: the log was cut short or rewritten.</source>
        <translation>已记录哈希值的审计日志第 %1 条不存在：日志被截短或改写。</translation>
    </message>
    <message numerus="yes">
        <source>The statistics tables (problem_latest_state, problem_facts, problem_tally) differ from the problems, their state history and measures in %n row(s), so the figures may be wrong. Restore a backup, or report it to the Rectrack team.</source>
        <translation>
            <numerusform>统计用数据表（problem_latest_state、problem_facts、problem_tally）与问题、状态记录和整改措施有 %n 行不一致，统计数字可能有误。请从备份恢复台账，或将此情况报告 Rectrack 开发组。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Workflow</name>
    <message>
        <source>The problem is already closed out; a closed-out problem cannot change state.</source>
        <translation>该问题已销号，已销号问题不能再变更状态。</translation>
    </message>
    <message>
        <source>A problem cannot go back to registered once work on it has been recorded.</source>
        <translation>问题已有整改记录，不能退回“已挂号”状态。</translation>
    </message>
    <message>
        <source>A completed problem awaiting close-out cannot become long-term; reject its review first.</source>
        <translation>待销号的已完成问题不能改为长期坚持，请先退回其审核。</translation>
    </message>
    <message numerus="yes">
        <source>The problem cannot be marked completed: %n measure(s) are not finished.</source>
        <translation>
            <numerusform>该问题不能标记为已完成：还有 %n 项整改措施未完成。</numerusform>
        </translation>
    </message>
    <message>
        <source>Only a completed problem can be closed out; this one is %1.</source>
        <translation>只有已完成整改的问题才能销号；该问题当前为“%1”。</translation>
    </message>
    <message numerus="yes">
        <source>The problem cannot be closed out: %n measure(s) are not finished.</source>
        <translation>
            <numerusform>该问题不能销号：还有 %n 项整改措施未完成。</numerusform>
        </translation>
    </message>
    <message>
        <source>The problem cannot be closed out before the unit leader, the unit rectification group and the inspection office have approved it.</source>
        <translation>该问题须经单位主要负责人、单位整改工作领导小组和巡察办审核同意后方可销号。</translation>
    </message>
    <message>
        <source>Unknown state.</source>
        <translation>未知状态。</translation>
    </message>
    <message>
        <source>The problem cannot be marked completed: it has no rectification measures yet; add them on the Measures tab.</source>
        <translation>该问题不能标记为已完成：尚无整改措施，请先在“整改措施”页添加。</translation>
    </message>
</context>
</TS>
