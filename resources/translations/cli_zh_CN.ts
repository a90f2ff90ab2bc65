<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>rectrack::cli::Cli</name>
    <message>
        <source>Usage: rectrack-cli COMMAND [ARGUMENTS] [--lang zh_CN|en]</source>
        <translation>用法：rectrack-cli 命令 [参数] [--lang zh_CN|en]</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>Exit codes: 0 ok, 1 usage, 2 input refused (nothing changed), 3 verification found a fault, 4 the database cannot be opened.</source>
        <translation>退出码：0 成功；1 用法错误；2 输入被拒绝（未做任何修改）；3 校验发现问题；4 无法打开台账文件。</translation>
    </message>
    <message>
        <source>The command &quot;%1&quot; is not available yet in this version.</source>
        <translation>本版本暂不提供命令“%1”。</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>未知命令“%1”。</translation>
    </message>
    <message>
        <source>The date &quot;%1&quot; is not valid; write it as YYYY-MM-DD.</source>
        <translation>日期“%1”无效，请按 YYYY-MM-DD 格式填写。</translation>
    </message>
    <message>
        <source>The file %1 already exists; init creates a new register.</source>
        <translation>文件 %1 已存在；init 只创建新的台账文件。</translation>
    </message>
    <message>
        <source>Created the register %1.</source>
        <translation>已创建台账文件 %1。</translation>
    </message>
    <message numerus="yes">
        <source>Verification of %1 found %n fault(s).</source>
        <translation>
            <numerusform>校验 %1 发现 %n 处问题。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: integrity, schema and audit chain are in order (%2 audit entries, %3 rows checked).</source>
        <translation>%1：完整性、数据结构和审计链均正常（审计记录 %2 条，已核对 %3 行）。</translation>
    </message>
    <message>
        <source>Usage: rectrack-cli backup DB DEST</source>
        <translation>用法：rectrack-cli backup 台账文件 备份文件</translation>
    </message>
    <message>
        <source>Wrote and verified the backup %1.</source>
        <translation>已写入并校验备份 %1。</translation>
    </message>
    <message>
        <source>create an empty register</source>
        <translation>创建空白台账文件</translation>
    </message>
    <message>
        <source>integrity check, schema check, audit-chain check</source>
        <translation>完整性检查、数据结构检查、审计链检查</translation>
    </message>
    <message>
        <source>write a verified copy of the register</source>
        <translation>写入经过校验的台账备份</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题数</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>措施数</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Completion rate</source>
        <translation>完成率</translation>
    </message>
    <message>
        <source>Close-out rate</source>
        <translation>销号率</translation>
    </message>
    <message>
        <source>Unknown format &quot;%1&quot; (table, json or csv).</source>
        <translation>未知格式“%1”（可用 table、json 或 csv）。</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>截至 %1</translation>
    </message>
    <message>
        <source>Coverage (%1): %2 of %3 units on the must-cover list, %4</source>
        <translation>巡察全覆盖（%1）：应覆盖单位 %3 个，已覆盖 %2 个，覆盖率 %4</translation>
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
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Overdue problems as of %1: %2</source>
        <translation>截至 %1 逾期问题：%2 个</translation>
    </message>
    <message>
        <source>counts, completion and close-out rates, coverage</source>
        <translation>问题数量、完成率、销号率、巡察全覆盖率</translation>
    </message>
    <message>
        <source>overdue problems with the responsible leaders</source>
        <translation>逾期问题及责任领导</translation>
    </message>
    <message>
        <source>Usage: rectrack-cli demo DB</source>
        <translation>用法：rectrack-cli demo 台账文件</translation>
    </message>
    <message>
        <source>The file %1 already exists; demo creates a new register.</source>
        <translation>文件 %1 已存在；demo 只创建新的台账文件。</translation>
    </message>
    <message>
        <source>Created the demo register %1 (reference date %2).</source>
        <translation>已创建示例台账 %1（基准日期 %2）。</translation>
    </message>
    <message>
        <source>create the demo register (Xiamen&apos;s 2020 rectification work)</source>
        <translation>创建示例台账（厦门市 2020 年巡察整改工作）</translation>
    </message>
    <message>
        <source>Usage: rectrack-cli generate DB --problems N [--seed S]</source>
        <translation>用法：rectrack-cli generate 台账文件 --problems 数量 [--seed 种子]</translation>
    </message>
    <message>
        <source>The file %1 already exists; generate creates a new register.</source>
        <translation>文件 %1 已存在；generate 只创建新的台账文件。</translation>
    </message>
    <message>
        <source>%1 of %2 problems written</source>
        <translation>已写入 %1 / %2 个问题</translation>
    </message>
    <message>
        <source>Generated %1 problems in %2 s into %3.</source>
        <translation>已在 %2 秒内生成 %1 个问题，写入 %3。</translation>
    </message>
    <message>
        <source>write a synthetic register for scale tests</source>
        <translation>生成用于规模测试的合成台账</translation>
    </message>
    <message>
        <source>supervision figures: referrals, clues, evaluations, coverage, outcomes</source>
        <translation>监督工作数据：抄告报告、问题线索、整改评价、全覆盖、整改成果</translation>
    </message>
    <message>
        <source>Usage: rectrack-cli verify DB [--anchor ID:HASH]</source>
        <translation>用法：rectrack-cli verify 台账文件 [--anchor 编号:哈希值]</translation>
    </message>
    <message>
        <source>The anchor &quot;%1&quot; is not valid; write it as ID:HASH, as verify prints it (a number, a colon and 64 hexadecimal digits).</source>
        <translation>锚点“%1”无效；请按 verify 输出的格式书写为 编号:哈希值（一个数字、一个冒号和 64 位十六进制数字）。</translation>
    </message>
    <message>
        <source>Audit chain head (note it in the minutes; verify --anchor checks it later): %1:%2</source>
        <translation>审计链链头（请记入会议纪要，今后可用 verify --anchor 核对）：%1:%2</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot; (zh_CN or en).</source>
        <translation>未知语言“%1”（可用 zh_CN 或 en）。</translation>
    </message>
    <message>
        <source>The register %1 is read-only (the file, its folder or the drive cannot be written); nothing was changed.</source>
        <translation>台账文件 %1 为只读（文件、所在文件夹或磁盘不可写入）；未做任何修改。</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>The option %1 needs a value.</source>
        <translation>选项 %1 需要一个值。</translation>
    </message>
    <message>
        <source>Unknown option &quot;%1&quot;.</source>
        <translation>未知选项“%1”。</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>统计截止日期</translation>
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
        <source>Clues</source>
        <translation>问题线索</translation>
    </message>
    <message>
        <source>Clues disposed of</source>
        <translation>已办结问题线索</translation>
    </message>
    <message>
        <source>Clues overdue</source>
        <translation>逾期未办结问题线索</translation>
    </message>
    <message>
        <source>Units evaluated</source>
        <translation>已评估单位</translation>
    </message>
    <message>
        <source>Units graded %1</source>
        <translation>评估等次为“%1”的单位</translation>
    </message>
    <message>
        <source>Units with problems open past the assessment period</source>
        <translation>超过绩效考核期限仍有问题未销号的单位</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>巡察全覆盖</translation>
    </message>
    <message>
        <source>Coverage: %1</source>
        <translation>巡察全覆盖：%1</translation>
    </message>
    <message>
        <source>Rules established</source>
        <translation>建章立制</translation>
    </message>
    <message>
        <source>People held accountable</source>
        <translation>问责人数</translation>
    </message>
    <message>
        <source>Funds recovered (yuan)</source>
        <translation>追缴资金（元）</translation>
    </message>
    <message>
        <source>Usage: rectrack-cli summary DB [--as-of YYYY-MM-DD] [--format json|table]</source>
        <translation>用法：rectrack-cli summary 台账文件 [--as-of YYYY-MM-DD] [--format json|table]</translation>
    </message>
    <message>
        <source>Unknown format &quot;%1&quot; (json or table).</source>
        <translation>未知格式“%1”（可用 json 或 table）。</translation>
    </message>
    <message>
        <source>The register has no unit named &quot;%1&quot;.</source>
        <translation>台账中没有名为“%1”的单位。</translation>
    </message>
    <message>
        <source>Closest: %1.</source>
        <translation>最接近的有：%1。</translation>
    </message>
    <message>
        <source>generate writes at most %1 problems.</source>
        <translation>generate 最多生成 %1 个问题。</translation>
    </message>
    <message>
        <source>Not enough disk space in %1 for %2 problems: about %3 MB are needed, %4 MB are free. Nothing was written.</source>
        <translation>%1 磁盘空间不足，无法生成 %2 个问题：约需 %3 MB，可用 %4 MB。未写入任何内容。</translation>
    </message>
    <message>
        <source>The file name %1 is too long.</source>
        <translation>文件名 %1 过长。</translation>
    </message>
    <message>
        <source>Usage: rectrack-cli server init postgresql://USER@HOST:PORT/DATABASE</source>
        <translation>用法：rectrack-cli server init postgresql://用户@主机:端口/数据库</translation>
    </message>
    <message>
        <source>The database %1 already holds a register.</source>
        <translation>数据库 %1 中已有台账。</translation>
    </message>
    <message>
        <source>Created the register on the server: %1.</source>
        <translation>已在服务器上创建台账：%1。</translation>
    </message>
    <message>
        <source>Usage: rectrack-cli server push FILE.rtreg postgresql://USER@HOST:PORT/DATABASE</source>
        <translation>用法：rectrack-cli server push 文件.rtreg postgresql://用户@主机:端口/数据库</translation>
    </message>
    <message>
        <source>%1 Nothing was written to the server.</source>
        <translation>%1 未向服务器写入任何内容。</translation>
    </message>
    <message>
        <source>Copied %1 to the server register %2 and checked it (rows, audit chain, statistics).</source>
        <translation>已将 %1 复制到服务器台账 %2 并完成核对（数据行、审计链、统计数据）。</translation>
    </message>
    <message>
        <source>The statistics of the copy differ from the original&apos;s.</source>
        <translation>复制结果的统计数据与原台账不一致。</translation>
    </message>
    <message>
        <source>The overdue problems of the copy differ from the original&apos;s.</source>
        <translation>复制结果的逾期问题与原台账不一致。</translation>
    </message>
    <message>
        <source>Usage: rectrack-cli server user add URL LOGIN --role sysadmin|secadmin|auditor|office|unit|leader [--unit NAME]... [--password-stdin] | server user list URL | server user remove URL LOGIN</source>
        <translation>用法：rectrack-cli server user add 地址 登录名 --role sysadmin|secadmin|auditor|office|unit|leader [--unit 单位名称]... [--password-stdin] | server user list 地址 | server user remove 地址 登录名</translation>
    </message>
    <message>
        <source>Removed the login %1 from the register %2.</source>
        <translation>已从台账 %2 中删除登录名 %1。</translation>
    </message>
    <message>
        <source>The login %1 has the role %2 in the register %3.</source>
        <translation>登录名 %1 在台账 %3 中的角色为 %2。</translation>
    </message>
    <message>
        <source>Usage: rectrack-cli server init URL | server push FILE.rtreg URL | server user add|list|remove URL …</source>
        <translation>用法：rectrack-cli server init 地址 | server push 台账文件.rtreg 地址 | server user add|list|remove 地址 …</translation>
    </message>
    <message>
        <source>a register on the office&apos;s PostgreSQL server: create one, copy a register file there, manage its logins and roles</source>
        <translation>巡察办 PostgreSQL 服务器上的台账：创建台账、将台账文件复制到服务器、管理登录名和角色</translation>
    </message>
    <message>
        <source>The office name must not be empty.</source>
        <translation>巡察办名称不能为空。</translation>
    </message>
    <message>
        <source>This register is now the site %1 (%2).</source>
        <translation>本台账现为站点“%1”（%2）。</translation>
    </message>
    <message>
        <source>Usage: rectrack-cli stats DB [--by round|unit|office|source|category|kind|leader|site] [--as-of YYYY-MM-DD] [--format table|json|csv] [--unit NAME] [--round LABEL] [--site OFFICE]</source>
        <translation>用法：rectrack-cli stats 台账文件 [--by round|unit|office|source|category|kind|leader|site] [--as-of YYYY-MM-DD] [--format table|json|csv] [--unit 单位] [--round 轮次] [--site 巡察办]</translation>
    </message>
    <message>
        <source>Unknown grouping &quot;%1&quot; (round, unit, office, source, category, kind, leader, site).</source>
        <translation>未知分组“%1”（可用 round、unit、office、source、category、kind、leader、site）。</translation>
    </message>
    <message>
        <source>Usage: rectrack-cli overdue DB [--as-of YYYY-MM-DD] [--format table|json|csv] [--unit NAME] [--round LABEL] [--site OFFICE]</source>
        <translation>用法：rectrack-cli overdue 台账文件 [--as-of YYYY-MM-DD] [--format table|json|csv] [--unit 单位] [--round 轮次] [--site 巡察办]</translation>
    </message>
    <message>
        <source>Usage: rectrack-cli init DB [--office NAME [--algorithm ed25519|sm2]]</source>
        <translation>用法：rectrack-cli init 台账 [--office 巡察办名称 [--algorithm ed25519|sm2]]</translation>
    </message>
    <message>
        <source>--algorithm chooses the signature algorithm of the site: it needs --office.</source>
        <translation>--algorithm 选择站点的签名算法，须同时给出 --office。</translation>
    </message>
    <message>
        <source>Unknown signature algorithm &quot;%1&quot; (ed25519 or sm2).</source>
        <translation>未知签名算法“%1”（可用 ed25519 或 sm2）。</translation>
    </message>
    <message>
        <source>Fingerprint of its signing key (%1): %2</source>
        <translation>其签名密钥指纹（%1）：%2</translation>
    </message>
</context>
</TS>
