<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>rectrack::cli::Cli</name>
    <message>
        <source>This register is now the site %1 (%2).</source>
        <translation>本台账现为站点“%1”（%2）。</translation>
    </message>
    <message>
        <source>Nothing changed since package %1 to %2: wrote it again, %3.</source>
        <translation>自发给%2的第 %1 号包以来没有变化：已重新写出该包，%3。</translation>
    </message>
    <message>
        <source>Wrote package %1 to %2: %3.</source>
        <translation>已写出发给%2的第 %1 号包：%3。</translation>
    </message>
    <message>
        <source>%1 rows (%2 deletions), %3 evidence files; SHA-256 %4</source>
        <translation>数据 %1 行（其中删除标记 %2 行），佐证材料文件 %3 个；SHA-256 %4</translation>
    </message>
    <message>
        <source>Usage: rectrack-cli exchange import DB FILE.rtx [--dry-run] [--trust]</source>
        <translation>用法：rectrack-cli exchange import 台账文件 交换包.rtx [--dry-run] [--trust]</translation>
    </message>
    <message>
        <source>Package %1 from %2 is already covered (the last one applied from there is %3); nothing changed.</source>
        <translation>来自%2的第 %1 号包已包含在已导入的数据中（已导入该站点的包至第 %3 号）；未做任何修改。</translation>
    </message>
    <message>
        <source>Trusted the key of %1 (fingerprint %2).</source>
        <translation>已信任%1的密钥（指纹 %2）。</translation>
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
        <translation>未变</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
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
        <source>Dry run: package %1 from %2 checked; nothing was written.</source>
        <translation>试导入：已核对来自%2的第 %1 号包；未写入任何内容。</translation>
    </message>
    <message>
        <source>Applied package %1 from %2.</source>
        <translation>已导入来自%2的第 %1 号包。</translation>
    </message>
    <message>
        <source>Usage: rectrack-cli exchange status DB</source>
        <translation>用法：rectrack-cli exchange status 台账文件</translation>
    </message>
    <message>
        <source>Site %1 (%2), key fingerprint %3</source>
        <translation>站点“%1”（%2），密钥指纹 %3</translation>
    </message>
    <message>
        <source>No partner sites yet.</source>
        <translation>尚无交换对象站点。</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>交换对象</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>密钥指纹</translation>
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
        <source>(no package received yet)</source>
        <translation>（尚未收到对方的包）</translation>
    </message>
    <message>
        <source>%1 evidence rows wait for their files (the package was made with --no-evidence); the sender&apos;s next export --full brings them.</source>
        <translation>有 %1 条佐证材料记录等待其文件（该包生成时使用了 --no-evidence）；发送方下次以 export --full 导出即可补齐。</translation>
    </message>
    <message>
        <source>The key of %1 (fingerprint %2) would be trusted; a dry run stores nothing.</source>
        <translation>将信任%1的密钥（指纹 %2）；试导入不保存任何内容。</translation>
    </message>
    <message>
        <source>Usage: rectrack-cli exchange export DB --to SITE -o DIR|FILE.rtx [--no-evidence] [--include clues,referrals,rules,accountability,evaluations] [--full] [--marking TEXT]</source>
        <translation>用法：rectrack-cli exchange export 台账文件 --to 站点 -o 文件夹|文件.rtx [--no-evidence] [--include clues,referrals,rules,accountability,evaluations] [--full] [--marking 密级标注]</translation>
    </message>
    <message>
        <source>Security marking: %1</source>
        <translation>密级/知悉范围：%1</translation>
    </message>
    <message>
        <source>%1 decisions on conflicts with %2 go back with it.</source>
        <translation>随包发回对%2冲突的处理决定 %1 项。</translation>
    </message>
    <message>
        <source>Security marking of the package: %1</source>
        <translation>交换包的密级/知悉范围：%1</translation>
    </message>
    <message>
        <source>%1 decisions of %2 on conflicts about rows of this register recorded (exchange conflicts DB --all lists them).</source>
        <translation>已记录%2对涉及本台账记录的冲突所作的处理决定 %1 项（exchange conflicts 台账文件 --all 可查看）。</translation>
    </message>
    <message>
        <source>Conflicts go to a person: rectrack-cli exchange conflicts DB</source>
        <translation>冲突须由人处理：rectrack-cli exchange conflicts 台账文件</translation>
    </message>
    <message>
        <source>Usage: rectrack-cli exchange conflicts DB [--all] | exchange conflicts DB --resolve ID --keep|--accept|--edit FIELD=VALUE</source>
        <translation>用法：rectrack-cli exchange conflicts 台账文件 [--all] | exchange conflicts 台账文件 --resolve 编号 --keep|--accept|--edit 字段=值</translation>
    </message>
    <message>
        <source>--resolve takes the number of a conflict as exchange conflicts lists it.</source>
        <translation>--resolve 后面写冲突编号（exchange conflicts 列出的序号）。</translation>
    </message>
    <message>
        <source>--edit takes FIELD=VALUE, e.g. --edit deadline=2021-06-30.</source>
        <translation>--edit 后面写 字段=值，例如 --edit deadline=2021-06-30。</translation>
    </message>
    <message>
        <source>Conflict %1 decided; it goes back to the partner with the next package. %2 open.</source>
        <translation>冲突 %1 已处理，处理决定随下一个交换包发回对方。尚有 %2 项待处理。</translation>
    </message>
    <message>
        <source>No open conflicts.</source>
        <translation>没有待处理的冲突。</translation>
    </message>
    <message>
        <source>%1 open conflicts.</source>
        <translation>待处理冲突 %1 项。</translation>
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
        <translation>本台账</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>交换包</translation>
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
        <source>Decision</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Decide each with: rectrack-cli exchange conflicts DB --resolve No. --keep | --accept | --edit FIELD=VALUE</source>
        <translation>逐项处理：rectrack-cli exchange conflicts 台账文件 --resolve 编号 --keep（保留本台账）| --accept（采用对方）| --edit 字段=值（修改）</translation>
    </message>
    <message>
        <source>Usage: rectrack-cli exchange inspect FILE.rtx</source>
        <translation>用法：rectrack-cli exchange inspect 文件.rtx</translation>
    </message>
    <message>
        <source>Package %1</source>
        <translation>交换包 %1</translation>
    </message>
    <message>
        <source>SHA-256 of the file: %1</source>
        <translation>文件 SHA-256：%1</translation>
    </message>
    <message>
        <source>Sender: %1 (site %2)</source>
        <translation>发送方：%1（站点 %2）</translation>
    </message>
    <message>
        <source>Receiver: %1</source>
        <translation>接收方：%1</translation>
    </message>
    <message>
        <source>Sequence %1, acknowledging %2; created %3 (UTC); schema %4</source>
        <translation>包序号 %1，已收到对方的包至第 %2 号；生成于 %3（UTC）；数据库结构版本 %4</translation>
    </message>
    <message>
        <source>%1 rows (%2 deletions), %3 evidence files</source>
        <translation>数据 %1 行（其中删除标记 %2 行），佐证材料文件 %3 个</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小（字节）</translation>
    </message>
    <message>
        <source>The archive is intact, the signature matches the manifest and every entry matches its SHA-256. Compare the fingerprint with the sender before a first import.</source>
        <translation>压缩包完整，签名与清单相符，每个文件与其 SHA-256 一致。首次导入前请与发送方核对公钥指纹。</translation>
    </message>
    <message>
        <source>Usage: rectrack-cli exchange setup DB --office NAME [--algorithm ed25519|sm2]</source>
        <translation>用法：rectrack-cli exchange setup 台账文件 --office 巡察办名称 [--algorithm ed25519|sm2]</translation>
    </message>
    <message>
        <source>Unknown signature algorithm &quot;%1&quot; (ed25519 or sm2).</source>
        <translation>未知签名算法“%1”（可用 ed25519 或 sm2）。</translation>
    </message>
    <message>
        <source>Fingerprint of its signing key (%1): %2</source>
        <translation>其签名密钥指纹（%1）：%2</translation>
    </message>
    <message>
        <source>Fingerprint of the sender&apos;s key (%1): %2</source>
        <translation>发送方公钥指纹（%1）：%2</translation>
    </message>
    <message>
        <source>%1 units of %2 have the name of a unit here: possible duplicates for a person to merge or keep apart (rectrack-cli exchange duplicates DB).</source>
        <translation>%2 的 %1 个单位与本台账中的单位同名：作为疑似重复单位，由人工决定合并或保持独立（rectrack-cli exchange duplicates DB）。</translation>
    </message>
    <message>
        <source>Usage: rectrack-cli exchange duplicates DB [--format table|json] | exchange duplicates DB --merge ID | --keep-apart ID</source>
        <translation>用法：rectrack-cli exchange duplicates 台账文件 [--format table|json] | exchange duplicates 台账文件 --merge 编号 | --keep-apart 编号</translation>
    </message>
    <message>
        <source>--merge and --keep-apart take the number of a possible duplicate unit as exchange duplicates lists it.</source>
        <translation>--merge 和 --keep-apart 后面写 exchange duplicates 列出的疑似重复单位编号。</translation>
    </message>
    <message>
        <source>Possible duplicate unit %1 merged: the two units count as one in the statistics. %2 open.</source>
        <translation>疑似重复单位 %1 已合并：两个单位在统计中按一个单位计算。还有 %2 项待处理。</translation>
    </message>
    <message>
        <source>Possible duplicate unit %1 kept apart: two units, not offered again. %2 open.</source>
        <translation>疑似重复单位 %1 已保持独立：仍为两个单位，不再提示。还有 %2 项待处理。</translation>
    </message>
    <message>
        <source>No open possible duplicate units.</source>
        <translation>没有待处理的疑似重复单位。</translation>
    </message>
    <message>
        <source>%1 open possible duplicate units.</source>
        <translation>%1 项疑似重复单位待处理。</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>巡察办</translation>
    </message>
    <message>
        <source>Same name</source>
        <translation>同名单位</translation>
    </message>
    <message>
        <source>Found (UTC)</source>
        <translation>发现时间（UTC）</translation>
    </message>
    <message>
        <source>Decide each with: rectrack-cli exchange duplicates DB --merge No. | --keep-apart No.</source>
        <translation>逐项处理：rectrack-cli exchange duplicates DB --merge 编号 | --keep-apart 编号</translation>
    </message>
    <message>
        <source>Usage: rectrack-cli exchange setup|export|import|status|conflicts|duplicates DB …, exchange inspect FILE.rtx</source>
        <translation>用法：rectrack-cli exchange setup|export|import|status|conflicts|duplicates 台账文件 …，exchange inspect 文件.rtx</translation>
    </message>
    <message>
        <source>signed exchange packages between registers (district and city offices): set up this site, write a package for a partner, take one in, show the partners, decide conflicts and possible duplicate units, check a package without a register</source>
        <translation>台账之间的签名交换包（区县与市级巡察办）：设置本站点、为对方生成交换包、导入交换包、查看交换对象、处理冲突和疑似重复单位、不打开台账检查交换包</translation>
    </message>
</context>
<context>
    <name>rectrack::core::exchange::Conflicts</name>
    <message>
        <source>kept this register&apos;s row</source>
        <translation>保留本台账的记录</translation>
    </message>
    <message>
        <source>took the partner&apos;s values</source>
        <translation>采用对方的值</translation>
    </message>
    <message>
        <source>set %1 to &quot;%2&quot;</source>
        <translation>将 %1 改为“%2”</translation>
    </message>
    <message>
        <source>%1 decided: %2</source>
        <translation>%1 的处理：%2</translation>
    </message>
    <message>
        <source>the package changes a row this register owns</source>
        <translation>交换包要修改本台账自有的记录</translation>
    </message>
    <message>
        <source>the package changes a row held here for a third site</source>
        <translation>交换包要修改本台账代第三方站点保存的记录</translation>
    </message>
    <message>
        <source>the name is already taken here by another row (a possible duplicate; references go to the row here)</source>
        <translation>本台账已有同名记录（可能重复；引用指向本台账的记录）</translation>
    </message>
    <message>
        <source>a row it refers to is not here</source>
        <translation>所引用的记录不在本台账</translation>
    </message>
    <message>
        <source>the package deletes a row that rows here still refer to</source>
        <translation>交换包要删除本台账仍在引用的记录</translation>
    </message>
    <message>
        <source>the partner&apos;s decision on a conflict about a row of this register</source>
        <translation>对方对涉及本台账记录的冲突所作的处理决定</translation>
    </message>
    <message>
        <source>There is no conflict %1.</source>
        <translation>没有编号为 %1 的冲突。</translation>
    </message>
    <message>
        <source>Conflict %1 is already decided.</source>
        <translation>冲突 %1 已经处理过。</translation>
    </message>
    <message>
        <source>Conflict %1 is not about a row this register owns (%2): it can only be kept.</source>
        <translation>冲突 %1 不涉及本台账自有的记录（%2），只能保留本台账现状。</translation>
    </message>
    <message>
        <source>The row of conflict %1 is no longer in this register: it can only be kept.</source>
        <translation>冲突 %1 涉及的记录已不在本台账，只能保留现状。</translation>
    </message>
    <message>
        <source>Conflict %1: the row that %2 refers to is not here; keep the row or edit it.</source>
        <translation>冲突 %1：%2 所引用的记录不在本台账，请保留或修改。</translation>
    </message>
    <message>
        <source>%1 is not a field of this row that can be edited here.</source>
        <translation>%1 不是该记录中可在此修改的字段。</translation>
    </message>
    <message>
        <source>%1 takes a number, not &quot;%2&quot;.</source>
        <translation>%1 须填数字，不能是“%2”。</translation>
    </message>
    <message>
        <source>The package holds a decision on a conflict without its UUID or table.</source>
        <translation>交换包中有一项冲突处理决定缺少 UUID 或表名。</translation>
    </message>
</context>
<context>
    <name>rectrack::core::exchange::Exchange</name>
    <message>
        <source>Unknown register &quot;%1&quot; for --include; known: %2.</source>
        <translation>--include 中的“%1”不是可选的台账；可选：%2。</translation>
    </message>
    <message>
        <source>Name the receiving site (--to OFFICE).</source>
        <translation>请指明接收站点（--to 巡察办名称）。</translation>
    </message>
    <message>
        <source>A register cannot send a package to itself.</source>
        <translation>台账不能给自己发交换包。</translation>
    </message>
    <message>
        <source>The package could not be signed (OpenSSL).</source>
        <translation>无法为交换包签名（OpenSSL）。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Cannot write the package %1: %2</source>
        <translation>无法写出交换包 %1：%2</translation>
    </message>
    <message>
        <source>The package holds rows of an unknown table %1.</source>
        <translation>交换包中含有未知数据表 %1 的数据行。</translation>
    </message>
    <message>
        <source>The package holds a row of %1 without its UUID or version.</source>
        <translation>交换包中 %1 的一行数据缺少 UUID 或版本号。</translation>
    </message>
    <message>
        <source>Cannot read the package %1: %2</source>
        <translation>无法读取交换包 %1：%2</translation>
    </message>
    <message>
        <source>%1 is refused: %2</source>
        <translation>拒收 %1：%2</translation>
    </message>
    <message>
        <source>the entry %1 is there twice.</source>
        <translation>其中的文件 %1 重复出现。</translation>
    </message>
    <message>
        <source>it has no signed manifest; it is not a Rectrack exchange package.</source>
        <translation>缺少签名清单，不是本系统的数据交换包。</translation>
    </message>
    <message>
        <source>its manifest is not a Rectrack exchange manifest.</source>
        <translation>其清单不是本系统的数据交换清单。</translation>
    </message>
    <message>
        <source>it is of package format %1, which this program does not read.</source>
        <translation>其包格式版本为 %1，本程序无法读取。</translation>
    </message>
    <message>
        <source>its signature does not match its manifest (the package was changed or damaged).</source>
        <translation>签名与清单不符（交换包被改动或已损坏）。</translation>
    </message>
    <message>
        <source>the entry %1 that its manifest lists is missing.</source>
        <translation>清单所列文件 %1 缺失。</translation>
    </message>
    <message>
        <source>the entry %1 does not match its SHA-256 in the manifest.</source>
        <translation>文件 %1 与清单中的 SHA-256 不符。</translation>
    </message>
    <message>
        <source>the entry %1 is not in its manifest.</source>
        <translation>文件 %1 不在清单中。</translation>
    </message>
    <message>
        <source>it carries no rows.json.</source>
        <translation>缺少 rows.json。</translation>
    </message>
    <message>
        <source>it was made by a register of schema %1; this program is at schema %2. Update the older program first.</source>
        <translation>它由数据结构版本 %1 的台账生成，本程序的数据结构版本为 %2。请先升级版本较旧的程序。</translation>
    </message>
    <message>
        <source>its manifest does not name the sending site.</source>
        <translation>清单中没有写明发送站点。</translation>
    </message>
    <message>
        <source>it was sent by this register itself.</source>
        <translation>它是本台账自己发出的。</translation>
    </message>
    <message>
        <source>it is addressed to %1, not to this register (%2).</source>
        <translation>它是发给%1的，不是发给本台账（%2）的。</translation>
    </message>
    <message>
        <source>its sequence number is missing.</source>
        <translation>缺少包序号。</translation>
    </message>
    <message>
        <source>it is signed by another key than the one known for %1 (fingerprint %2, known %3).</source>
        <translation>其签名密钥不是已登记的%1的密钥（指纹 %2，已登记 %3）。</translation>
    </message>
    <message>
        <source>%1 comes from %2, a site not yet trusted here. Compare the fingerprint of its key with that office (by phone or on paper): %3. If it matches, import again with --trust.</source>
        <translation>%1 来自尚未信任的站点“%2”。请通过电话或纸质回执与该巡察办核对其密钥指纹：%3。核对一致后，加 --trust 重新导入。</translation>
    </message>
    <message>
        <source>its manifest names the signature algorithm %1, which its key is not.</source>
        <translation>其清单写明的签名算法为 %1，但其密钥不是该算法的。</translation>
    </message>
    <message>
        <source>There is no package import to undo.</source>
        <translation>没有可撤销的交换包导入。</translation>
    </message>
    <message>
        <source>The package import cannot be undone: the record %1 #%2 it wrote was changed since.</source>
        <translation>无法撤销该交换包的导入：它写入的记录 %1 #%2 此后已被修改。</translation>
    </message>
</context>
<context>
    <name>rectrack::core::exchange::PackageArchive</name>
    <message>
        <source>No temporary folder for the package: %1</source>
        <translation>无法为交换包创建临时文件夹：%1</translation>
    </message>
    <message>
        <source>Cannot write the package archive %1.</source>
        <translation>无法写出交换包压缩文件 %1。</translation>
    </message>
    <message>
        <source>%1 is not an intact exchange package (the archive is damaged or was changed).</source>
        <translation>%1 不是完整的数据交换包（压缩文件已损坏或被改动）。</translation>
    </message>
    <message>
        <source>Cannot read the package %1.</source>
        <translation>无法读取交换包 %1。</translation>
    </message>
</context>
<context>
    <name>rectrack::core::exchange::SiteScopes</name>
    <message>
        <source>(this register)</source>
        <translation>（本台账）</translation>
    </message>
    <message>
        <source>No site named &quot;%1&quot;: this register is not set up for exchange and has no partners.</source>
        <translation>没有名为“%1”的站点：本台账尚未设置数据交换，也没有交换对象。</translation>
    </message>
    <message>
        <source>No site named &quot;%1&quot; here; the sites are: %2.</source>
        <translation>本台账没有名为“%1”的站点；现有站点：%2。</translation>
    </message>
    <message>
        <source>This record belongs to %1 (it came in an exchange package) and is read-only in this register: only %1 can change or delete it, and its next package brings the change.</source>
        <translation>此记录属于%1（经数据交换包收到），在本台账中只读：只有%1能修改或删除，修改随其下一个交换包送达。</translation>
    </message>
</context>
<context>
    <name>rectrack::core::exchange::Sites</name>
    <message>
        <source>The office name must not be empty.</source>
        <translation>巡察办名称不能为空。</translation>
    </message>
    <message>
        <source>This register is already the site of %1; its identity is made once, since its partners know it by its key.</source>
        <translation>本台账已是“%1”的站点；站点身份只能设置一次，因为交换对象凭其密钥识别它。</translation>
    </message>
    <message>
        <source>No signing key could be made (OpenSSL).</source>
        <translation>无法生成签名密钥（OpenSSL）。</translation>
    </message>
    <message>
        <source>The register %1 is not set up for exchange: give it an office name first (rectrack-cli exchange setup DB --office NAME).</source>
        <translation>台账 %1 尚未设置为交换站点：请先为其设置巡察办名称（rectrack-cli exchange setup 台账文件 --office 巡察办名称）。</translation>
    </message>
</context>
<context>
    <name>rectrack::core::exchange::UnitDuplicates</name>
    <message>
        <source>merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <source>kept apart</source>
        <translation>保持独立</translation>
    </message>
    <message>
        <source>open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>There is no possible duplicate unit %1.</source>
        <translation>没有编号为 %1 的疑似重复单位。</translation>
    </message>
    <message>
        <source>The possible duplicate unit %1 is already decided (%2).</source>
        <translation>疑似重复单位 %1 已处理（%2）。</translation>
    </message>
    <message>
        <source>The possible duplicate unit %1 is not decided.</source>
        <translation>疑似重复单位 %1 尚未处理。</translation>
    </message>
</context>
</TS>
