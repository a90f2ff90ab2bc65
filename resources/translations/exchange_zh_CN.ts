<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>rectrack::cli::Cli</name>
    <message>
        <source>Usage: rectrack-cli exchange setup DB --office NAME</source>
        <translation>用法：rectrack-cli exchange setup 台账文件 --office 巡察办名称</translation>
    </message>
    <message>
        <source>This register is now the site %1 (%2).</source>
        <translation>本台账现为站点“%1”（%2）。</translation>
    </message>
    <message>
        <source>Fingerprint of its signing key: %1</source>
        <translation>其签名密钥指纹：%1</translation>
    </message>
    <message>
        <source>Usage: rectrack-cli exchange export DB --to SITE -o DIR|FILE.rtx [--no-evidence] [--include clues,referrals,rules,accountability,evaluations] [--full]</source>
        <translation>用法：rectrack-cli exchange export 台账文件 --to 站点 -o 文件夹|文件.rtx [--no-evidence] [--include clues,referrals,rules,accountability,evaluations] [--full]</translation>
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
        <source>Usage: rectrack-cli exchange setup|export|import|status DB …</source>
        <translation>用法：rectrack-cli exchange setup|export|import|status 台账文件 …</translation>
    </message>
    <message>
        <source>signed exchange packages between registers (district and city offices): set up this site, write a package for a partner, take one in, show the partners</source>
        <translation>台账之间的签名数据交换包（区县与市巡察办之间）：设置本站点、为交换对象生成交换包、导入交换包、查看交换对象</translation>
    </message>
    <message>
        <source>%1 evidence rows wait for their files (the package was made with --no-evidence); the sender&apos;s next export --full brings them.</source>
        <translation>有 %1 条佐证材料记录等待其文件（该包生成时使用了 --no-evidence）；发送方下次以 export --full 导出即可补齐。</translation>
    </message>
    <message>
        <source>The key of %1 (fingerprint %2) would be trusted; a dry run stores nothing.</source>
        <translation>将信任%1的密钥（指纹 %2）；试导入不保存任何内容。</translation>
    </message>
</context>
<context>
    <name>rectrack::core::exchange::Exchange</name>
    <message>
        <source>Unknown register &quot;%1&quot; for --include; known: %2.</source>
        <translation>--include 中的“%1”不是可选登记簿；可选：%2。</translation>
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
</TS>
