<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>rectrack::cli::Cli</name>
    <message>
        <source>export a ledger as .xlsx or .csv</source>
        <translation>将台账导出为 .xlsx 或 .csv</translation>
    </message>
    <message>
        <source>write a blank ledger template to fill in and import</source>
        <translation>生成空白台账模板，供填写后导入</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>import a ledger: .xlsx, .xls, .docx table or .csv (all-or-nothing)</source>
        <translation>导入台账：.xlsx、.xls、.docx 表格或 .csv（全部成功或全部不变）</translation>
    </message>
    <message>
        <source>The date &quot;%1&quot; is not valid; write it as YYYY-MM-DD.</source>
        <translation>日期“%1”无效，请写成 YYYY-MM-DD。</translation>
    </message>
</context>
<context>
    <name>rectrack::cli::ExportCmd</name>
    <message>
        <source>Unknown ledger &quot;%1&quot; (problems, measures or clues).</source>
        <translation>未知的台账“%1”（problems、measures 或 clues）。</translation>
    </message>
    <message>
        <source>Name the file to write with -o FILE.xlsx or -o FILE.csv.</source>
        <translation>请用 -o 文件.xlsx 或 -o 文件.csv 指定要写入的文件。</translation>
    </message>
    <message>
        <source>%1: the file name must end in .xlsx or .csv.</source>
        <translation>%1：文件名必须以 .xlsx 或 .csv 结尾。</translation>
    </message>
    <message>
        <source>Unknown state &quot;%1&quot; (registered, in_progress, long_term, completed, closed_out).</source>
        <translation>未知的状态“%1”（registered、in_progress、long_term、completed、closed_out）。</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) written to %1.</source>
        <translation>
            <numerusform>已向 %1 写入 %n 行。</numerusform>
        </translation>
    </message>
    <message>
        <source>--by-unit writes the problem or the rectification ledger, not clues.</source>
        <translation>--by-unit 只能导出问题台账或整改台账，不能导出线索台账。</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n row(s) written to %2.</source>
        <translation>
            <numerusform>%1：%n 行已写入 %2。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ledger(s) written to %1.</source>
        <translation>
            <numerusform>%n 份台账已写入 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: rectrack-cli export DB --ledger problems|measures|clues -o FILE.xlsx|FILE.csv [--unit NAME] [--round LABEL] [--state STATE] [--as-of YYYY-MM-DD] [--site OFFICE]
       rectrack-cli export DB --ledger problems|measures --by-unit -o DIR [--unit NAME] [--round LABEL] [--state STATE] [--site OFFICE]</source>
        <translation>用法：rectrack-cli export 数据库 --ledger problems|measures|clues -o 文件.xlsx|文件.csv [--unit 单位] [--round 轮次] [--state 状态] [--as-of 年-月-日] [--site 巡察办]
       rectrack-cli export 数据库 --ledger problems|measures --by-unit -o 文件夹 [--unit 单位] [--round 轮次] [--state 状态] [--site 巡察办]</translation>
    </message>
</context>
<context>
    <name>rectrack::cli::ImportCmd</name>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>Unknown source level &quot;%1&quot; (central, provincial, municipal or district).</source>
        <translation>未知的来源层级“%1”（central、provincial、municipal 或 district）。</translation>
    </message>
    <message>
        <source>The date &quot;%1&quot; is not valid; write it as YYYY-MM-DD.</source>
        <translation>日期“%1”无效，请写成 YYYY-MM-DD。</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n error(s); the ledger was not imported and the register is unchanged.</source>
        <translation>
            <numerusform>%1：共 %n 处错误；未导入该文件，台账未作任何改动。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, sheet %2: header in row %3</source>
        <translation>%1，工作表“%2”：表头在第%3行</translation>
    </message>
    <message>
        <source>%1: header in row %2</source>
        <translation>%1：表头在第%2行</translation>
    </message>
    <message>
        <source>Dry run: nothing was changed. The import would make:</source>
        <translation>试运行：未作任何改动。导入将会：</translation>
    </message>
    <message>
        <source>New unit: %1</source>
        <translation>新建单位：%1</translation>
    </message>
    <message>
        <source>New round: %1</source>
        <translation>新建轮次：%1</translation>
    </message>
    <message>
        <source>%1 problems: %2 new (%3 measures), %4 updated, %5 unchanged; %6 categories; %7 rows skipped (title, section, blank, hidden and summary rows).</source>
        <translation>共 %1 个问题：新增 %2 个（%3 项措施），更新 %4 个，未变 %5 个；%6 个问题类别；跳过 %7 行（标题、分类、空白、隐藏和合计行）。</translation>
    </message>
    <message>
        <source>--map %1: write HEADER=field, field one of seq, registrationNo, category, problem, measures, leadLeader, responsibleOffice, responsiblePerson, unit, deadline, progress, status, evidence, note, ignore.</source>
        <translation>--map %1：请写成 表头=字段，字段为 seq、registrationNo、category、problem、measures、leadLeader、responsibleOffice、responsiblePerson、unit、deadline、progress、status、evidence、note、ignore 之一。</translation>
    </message>
    <message>
        <source>Usage: rectrack-cli import DB FILE [--unit NAME] [--round LABEL] [--source central|provincial|municipal|district] [--feedback-date YYYY-MM-DD] [--sheet NAME] [--map HEADER=field]... [--dry-run]</source>
        <translation>用法：rectrack-cli import 数据库 文件 [--unit 单位] [--round 轮次] [--source central|provincial|municipal|district] [--feedback-date YYYY-MM-DD] [--sheet 工作表] [--map 表头=字段]... [--dry-run]</translation>
    </message>
    <message numerus="yes">
        <source>row %1: %2, %3, %4, %n measure(s), %5</source>
        <translation>
            <numerusform>第%1行：%2，编号 %3，%4，%n 项措施，%5</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 new (%3 measures), %4 updated, %5 unchanged</source>
        <translation>%1：新增 %2 个（%3 项措施），更新 %4 个，未变 %5 个</translation>
    </message>
</context>
<context>
    <name>rectrack::cli::TemplateCmd</name>
    <message>
        <source>Usage: rectrack-cli template -o FILE.xlsx [--unit NAME]</source>
        <translation>用法：rectrack-cli template -o 文件.xlsx [--unit 单位名称]</translation>
    </message>
    <message>
        <source>Name the file to write with -o FILE.xlsx.</source>
        <translation>请用 -o 文件.xlsx 指定要写入的文件。</translation>
    </message>
    <message>
        <source>%1: the file name must end in .xlsx.</source>
        <translation>%1：文件名须以 .xlsx 结尾。</translation>
    </message>
    <message>
        <source>Blank ledger template written to %1.</source>
        <translation>空白台账模板已写入 %1。</translation>
    </message>
</context>
<context>
    <name>rectrack::core::CompoundFile</name>
    <message>
        <source>%1 is an Office compound file that cannot be read: %2.</source>
        <translation>%1 是无法读取的 Office 复合文档：%2。</translation>
    </message>
    <message>
        <source>the header is missing</source>
        <translation>缺少文件头</translation>
    </message>
    <message>
        <source>the header is damaged</source>
        <translation>文件头已损坏</translation>
    </message>
    <message>
        <source>the file is truncated</source>
        <translation>文件不完整</translation>
    </message>
    <message>
        <source>the allocation table is larger than the file</source>
        <translation>分配表比文件本身还大</translation>
    </message>
    <message>
        <source>the allocation table is damaged</source>
        <translation>分配表已损坏</translation>
    </message>
    <message>
        <source>the directory is damaged</source>
        <translation>目录已损坏</translation>
    </message>
    <message>
        <source>the directory has no root entry</source>
        <translation>目录中没有根条目</translation>
    </message>
    <message>
        <source>the small-stream allocation table is damaged</source>
        <translation>小数据流分配表已损坏</translation>
    </message>
    <message>
        <source>the small-stream container is damaged</source>
        <translation>小数据流容器已损坏</translation>
    </message>
    <message>
        <source>%1 is an Office compound file that cannot be read: a stream is damaged.</source>
        <translation>%1 是无法读取的 Office 复合文档：其中的数据流已损坏。</translation>
    </message>
    <message>
        <source>%1 has no %2 stream.</source>
        <translation>%1 中没有 %2 数据流。</translation>
    </message>
</context>
<context>
    <name>rectrack::core::CsvReader</name>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is too large to be a ledger.</source>
        <translation>%1 过大，不是台账文件。</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 是空文件。</translation>
    </message>
    <message>
        <source>%1 is not a ledger: it is neither an .xlsx workbook nor text in UTF-8 or GB18030 (a binary file?).</source>
        <translation>%1 不是台账：既不是 .xlsx 工作簿，也不是 UTF-8 或 GB18030 编码的文本（二进制文件？）。</translation>
    </message>
    <message>
        <source>%1, row %2: a quoted field is not closed before the end of the file.</source>
        <translation>%1，第%2行：引号括起的单元格直到文件末尾都没有闭合。</translation>
    </message>
    <message>
        <source>%1 cells</source>
        <translation>%1 个单元格</translation>
    </message>
    <message>
        <source>%1 characters in one cell (row %2)</source>
        <translation>单个单元格 %1 个字符（第%2行）</translation>
    </message>
    <message>
        <source>%1 fields in one row (row %2)</source>
        <translation>每行 %1 个字段（第%2行）</translation>
    </message>
</context>
<context>
    <name>rectrack::core::DocxReader</name>
    <message>
        <source>%1 is damaged: the part %2 cannot be read.</source>
        <translation>%1 已损坏：无法读取部件 %2。</translation>
    </message>
    <message>
        <source>%1: the part %2 is too large to be a ledger.</source>
        <translation>%1：部件 %2 过大，不是台账。</translation>
    </message>
    <message>
        <source>%1 is not a readable .docx document: the zip archive is damaged or incomplete.</source>
        <translation>%1 不是可读取的 .docx 文档：zip 压缩包已损坏或不完整。</translation>
    </message>
    <message>
        <source>%1 is not a complete Word document: the part %2 is missing.</source>
        <translation>%1 不是完整的 Word 文档：缺少部件 %2。</translation>
    </message>
    <message>
        <source>%1 holds more than %2 table cells, far more than a ledger.</source>
        <translation>%1 的表格单元格超过 %2 个，远超台账的规模。</translation>
    </message>
    <message>
        <source>Table %1</source>
        <translation>表格%1</translation>
    </message>
    <message>
        <source>%1 is damaged: its document is not well-formed XML (line %2: %3).</source>
        <translation>%1 已损坏：文档内容不是格式正确的 XML（第%2行：%3）。</translation>
    </message>
</context>
<context>
    <name>rectrack::core::LedgerExporter</name>
    <message>
        <source>The register has no unit named &quot;%1&quot;.</source>
        <translation>台账中没有名为“%1”的单位。</translation>
    </message>
    <message>
        <source>The register has no round labelled &quot;%1&quot;.</source>
        <translation>台账中没有名为“%1”的轮次。</translation>
    </message>
    <message>
        <source>--state applies to the problem and rectification ledgers, not to clues.</source>
        <translation>--state 只适用于问题台账和整改台账，不适用于线索台账。</translation>
    </message>
    <message>
        <source>Register of transferred problem clues</source>
        <translation>问题线索移交台账</translation>
    </message>
    <message>
        <source>Clue register</source>
        <translation>线索台账</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Inspected unit</source>
        <translation>被巡察单位</translation>
    </message>
    <message>
        <source>Clue summary</source>
        <translation>线索摘要</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>涉及人数</translation>
    </message>
    <message>
        <source>Persons&apos; posts</source>
        <translation>涉及人员职务</translation>
    </message>
    <message>
        <source>Transferred to</source>
        <translation>移交对象</translation>
    </message>
    <message>
        <source>Transfer date</source>
        <translation>移交日期</translation>
    </message>
    <message>
        <source>Disposal due</source>
        <translation>办结时限</translation>
    </message>
    <message>
        <source>Disposal state</source>
        <translation>处置状态</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>处置结果</translation>
    </message>
    <message>
        <source>Result date</source>
        <translation>结果日期</translation>
    </message>
    <message>
        <source>Problem ledger of %1</source>
        <translation>%1问题台账</translation>
    </message>
    <message>
        <source>Problem ledger</source>
        <translation>问题台账</translation>
    </message>
    <message>
        <source>Registration no.</source>
        <translation>问题编号</translation>
    </message>
    <message>
        <source>Problem category</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <source>Problem description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <source>Rectification measures</source>
        <translation>整改措施</translation>
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
        <source>Progress</source>
        <translation>整改进展</translation>
    </message>
    <message>
        <source>Completion status</source>
        <translation>完成情况</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Rectification ledger of %1</source>
        <translation>%1整改台账</translation>
    </message>
    <message>
        <source>Rectification ledger</source>
        <translation>整改台账</translation>
    </message>
    <message>
        <source>Measure no.</source>
        <translation>措施序号</translation>
    </message>
    <message>
        <source>Rectification measure</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Measure type</source>
        <translation>措施类型</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Measure status</source>
        <translation>措施状态</translation>
    </message>
    <message>
        <source>Completed on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>%1: the file name must end in .xlsx or .csv.</source>
        <translation>%1：文件名必须以 .xlsx 或 .csv 结尾。</translation>
    </message>
    <message>
        <source>row %1, column %2: %3 characters, cut to Excel&apos;s limit of %4; export as .csv to keep the whole text.</source>
        <translation>第%1行，“%2”列：共 %3 个字符，超过 Excel 单元格上限，已截为 %4 个字符；如需保留全文，请导出为 .csv 文件。</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
</context>
<context>
    <name>rectrack::core::LedgerFile</name>
    <message>
        <source>%1 is protected with a password to open; remove the password in Excel/WPS and save the file again.</source>
        <translation>%1 设置了打开密码，请在 Excel/WPS 中取消密码后另存，再导入。</translation>
    </message>
    <message>
        <source>%1 is a Word document without a ledger table (a table with a problem column).</source>
        <translation>%1 是 Word 文档，其中没有台账表格（含问题列的表格）。</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 是空文件。</translation>
    </message>
    <message>
        <source>%1 is an OpenDocument file (.ods/.odt); save it as .xlsx or .docx in WPS or LibreOffice, then import it.</source>
        <translation>%1 是 OpenDocument 文件（.ods/.odt），请在 WPS 或 LibreOffice 中另存为 .xlsx 或 .docx 后再导入。</translation>
    </message>
    <message>
        <source>%1 is larger than 512 MB, far more than a ledger.</source>
        <translation>%1 大于 512 MB，远超台账的规模。</translation>
    </message>
    <message>
        <source>%1 is a Word 97–2003 or WPS text document (.doc/.wps); save it as .docx in Word/WPS, then import it.</source>
        <translation>%1 是 Word 97–2003 或 WPS 文字文档（.doc/.wps），请在 Word/WPS 中另存为 .docx 后再导入。</translation>
    </message>
    <message>
        <source>%1 is an Office or WPS file that holds no workbook. If it is a WPS spreadsheet (.et), open it in WPS and save it as .xlsx (File → Save As → Excel workbook).</source>
        <translation>%1 是 Office 或 WPS 文件，其中没有工作簿。如果是 WPS 表格文件（.et），请在 WPS 中打开并另存为 .xlsx（文件 → 另存为 → Excel 文件）。</translation>
    </message>
    <message>
        <source>%1 is a PDF file; import the ledger kept in Excel, WPS Spreadsheets or Word.</source>
        <translation>%1 是 PDF 文件，请导入 Excel、WPS 表格或 Word 中的台账。</translation>
    </message>
    <message>
        <source>%1 is an image (%2); import the ledger kept in Excel, WPS Spreadsheets or Word.</source>
        <translation>%1 是图片（%2），请导入 Excel、WPS 表格或 Word 中的台账。</translation>
    </message>
    <message>
        <source>%1 is a Word document in RTF; save it as .docx in Word/WPS, then import it.</source>
        <translation>%1 是 RTF 格式的 Word 文档，请在 Word/WPS 中另存为 .docx 后再导入。</translation>
    </message>
    <message>
        <source>%1 is an Excel 2003 XML spreadsheet; open it in Excel/WPS and save it as .xlsx, then import it.</source>
        <translation>%1 是 Excel 2003 XML 表格，请在 Excel/WPS 中打开并另存为 .xlsx 后再导入。</translation>
    </message>
    <message>
        <source>%1 is a web page (HTML), not a workbook; open it in Excel/WPS and save it as .xlsx, then import it.</source>
        <translation>%1 是网页（HTML），不是工作簿，请在 Excel/WPS 中打开并另存为 .xlsx 后再导入。</translation>
    </message>
    <message>
        <source>%1 is a WPS spreadsheet (.et) that cannot be read (%2). Open it in WPS and save it as .xlsx (File → Save As → Excel workbook), then import it.</source>
        <translation>%1 是无法读取的 WPS 表格文件（.et）（%2）。请在 WPS 中打开并另存为 .xlsx（文件 → 另存为 → Excel 文件）后再导入。</translation>
    </message>
    <message>
        <source>%1 is not a readable .xlsx workbook: it is not a zip archive.</source>
        <translation>%1 不是可读取的 .xlsx 工作簿：它不是 zip 压缩包。</translation>
    </message>
</context>
<context>
    <name>rectrack::core::LedgerImporter</name>
    <message>
        <source>--map names a header the ledger does not have.</source>
        <translation>--map 指定的表头在台账中不存在。</translation>
    </message>
    <message>
        <source>problem #%1 cannot be read.</source>
        <translation>无法读取问题 #%1。</translation>
    </message>
    <message>
        <source>the problem %1 was deleted from the register on %2, so this row is skipped; restore it (Edit → Deleted problems) to update it from the ledger.</source>
        <translation>问题 %1 已于 %2 从台账中删除，本行已跳过；如需按本台账更新，请先恢复该问题（编辑 → 已删除的问题）。</translation>
    </message>
    <message>
        <source>the unit the ledger belongs to is missing (--unit); the ledger has no unit column (被巡察单位) that names it.</source>
        <translation>未指定台账所属单位（--unit），台账中也没有注明单位的列（被巡察单位）。</translation>
    </message>
    <message numerus="yes">
        <source>the register has no unit named %1; the import creates %n new unit(s) under the names as the ledger writes them.</source>
        <translation>
            <numerusform>台账中还没有单位 %1，导入将按文件中的写法新建 %n 个单位。</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1……（另有 %n 个）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rectrack::core::LedgerRecognizer</name>
    <message>
        <source>%1, sheet %2</source>
        <translation>%1，工作表“%2”</translation>
    </message>
    <message>
        <source>%1, row %2</source>
        <translation>%1，第%2行</translation>
    </message>
    <message>
        <source>%1, column &quot;%2&quot;</source>
        <translation>%1，“%2”列</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 has no sheet named &quot;%2&quot; (sheets: %3).</source>
        <translation>%1 中没有名为“%2”的工作表（现有工作表：%3）。</translation>
    </message>
    <message>
        <source>%1 has no visible sheet.</source>
        <translation>%1 中没有可见的工作表。</translation>
    </message>
    <message>
        <source>the header row has no problem column (问题描述, 反馈问题, 问题表现 or 问题内容); name it with --map HEADER=problem.</source>
        <translation>表头行中没有问题列（问题描述、反馈问题、问题表现或问题内容）；请用 --map 表头=problem 指定。</translation>
    </message>
    <message>
        <source>no header row was found in the first %1 rows (a row naming the problem column and at least one other, such as 问题描述 and 整改措施).</source>
        <translation>前 %1 行中找不到表头行（表头行应含问题列和至少一个其他列，如“问题描述”和“整改措施”）。</translation>
    </message>
    <message>
        <source>the column is not recognised; its values are kept as notes (use --map &quot;%1=FIELD&quot; to assign it).</source>
        <translation>无法识别该列，其内容作为备注保留（可用 --map &quot;%1=字段&quot; 指定）。</translation>
    </message>
    <message>
        <source>a second %1 column; its values are kept as notes.</source>
        <translation>又一个“%1”列，其内容作为备注保留。</translation>
    </message>
    <message>
        <source>the problem text is empty.</source>
        <translation>问题内容为空。</translation>
    </message>
    <message>
        <source>the row is short: %1 fields where the header has %2 (a missing separator or a line break outside quotes?).</source>
        <translation>该行列数不足：只有 %1 列，表头有 %2 列（缺少分隔符，或引号外有换行？）。</translation>
    </message>
    <message>
        <source>the row has more fields than the header (%1 where the header has %2).</source>
        <translation>该行列数多于表头（%1 列，表头有 %2 列）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid date.</source>
        <translation>“%1”不是有效日期。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is read as words, not as a date.</source>
        <translation>“%1”按文字保留，未识别为日期。</translation>
    </message>
    <message>
        <source>the status &quot;%1&quot; is not recognised; the problem is imported as registered.</source>
        <translation>无法识别完成情况“%1”，该问题按“未启动”导入。</translation>
    </message>
    <message>
        <source>the registration number %1 is also used in row %2.</source>
        <translation>问题编号 %1 在第%2行也已使用。</translation>
    </message>
    <message>
        <source>the ledger has a header but no problem rows.</source>
        <translation>台账有表头，但没有问题行。</translation>
    </message>
    <message>
        <source>%1 is a text file and has no sheets; --sheet applies to .xlsx workbooks only.</source>
        <translation>%1 是文本文件，没有工作表；--sheet 只适用于 .xlsx 工作簿。</translation>
    </message>
    <message>
        <source>the unit cell is empty; write the unit the problem belongs to, or name it with --unit.</source>
        <translation>单位为空；请填写该问题所属单位，或用 --unit 指定。</translation>
    </message>
    <message>
        <source>the problem text and responsible office are the same as in row %1, so both rows would be one problem; merge the rows, or give each a registration number.</source>
        <translation>问题描述和责任单位与第%1行相同，两行会被当作同一个问题；请合并这两行，或为每行填写问题编号。</translation>
    </message>
</context>
<context>
    <name>rectrack::core::LedgerRules</name>
    <message>
        <source>ignored</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>row number</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>registration number</source>
        <translation>问题编号</translation>
    </message>
    <message>
        <source>category</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <source>problem</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <source>measures</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>lead leader</source>
        <translation>牵头领导</translation>
    </message>
    <message>
        <source>responsible office</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>deadline</source>
        <translation>整改时限</translation>
    </message>
    <message>
        <source>progress</source>
        <translation>整改进展</translation>
    </message>
    <message>
        <source>status</source>
        <translation>完成情况</translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未启动</translation>
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
        <source>inspected unit</source>
        <translation>被巡察单位</translation>
    </message>
</context>
<context>
    <name>rectrack::core::LedgerTemplate</name>
    <message>
        <source>%1 cannot be written.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>填表说明</translation>
    </message>
    <message>
        <source>Choose one of: %1.</source>
        <translation>请从以下选项中选择：%1。</translation>
    </message>
    <message>
        <source>Not a category of the list; keep it anyway?</source>
        <translation>该类别不在列表中，是否仍然保留？</translation>
    </message>
    <message>
        <source>How to fill in this ledger</source>
        <translation>填表说明</translation>
    </message>
    <message>
        <source>Write one problem per row on the sheet &quot;%1&quot;, starting below the header; keep the title and header rows as they are.</source>
        <translation>在“%1”工作表中自表头下方起每行填写一个问题；请勿改动标题行和表头行。</translation>
    </message>
    <message>
        <source>%1: a row number only (may stay empty).</source>
        <translation>%1：仅为行号（可不填）。</translation>
    </message>
    <message>
        <source>%1: the number the problem was registered under, if any; a re-imported ledger updates the problems by this number.</source>
        <translation>%1：问题挂号的编号（如有）；再次导入更新后的台账时按此编号更新问题。</translation>
    </message>
    <message>
        <source>%1: choose from the list, or write your own.</source>
        <translation>%1：从下拉列表中选择，也可自行填写。</translation>
    </message>
    <message>
        <source>%1: required; one problem per row.</source>
        <translation>%1：必填，每行一个问题。</translation>
    </message>
    <message>
        <source>%1: number several measures inside one cell (1. … 2. … or 一是…二是…).</source>
        <translation>%1：多条措施在同一单元格内编号填写（1. … 2. … 或 一是…二是…）。</translation>
    </message>
    <message>
        <source>%1, %2, %3: names as you write them.</source>
        <translation>%1、%2、%3：按实际名称填写。</translation>
    </message>
    <message>
        <source>%1: a date (2021-06-30, 2021/6/30, 2021年6月30日, 6月底前) or words such as 立行立改 or 长期坚持.</source>
        <translation>%1：日期（2021-06-30、2021/6/30、2021年6月30日、6月底前）或“立行立改”“长期坚持”等。</translation>
    </message>
    <message>
        <source>%1: the latest progress in a few sentences.</source>
        <translation>%1：简要填写最新整改进展。</translation>
    </message>
    <message>
        <source>%1: choose from the list: %2.</source>
        <translation>%1：从下拉列表中选择：%2。</translation>
    </message>
    <message>
        <source>%1: anything else.</source>
        <translation>%1：其他需要说明的情况。</translation>
    </message>
    <message>
        <source>Do not insert columns between the columns above; add extra columns at the right: they are kept as notes.</source>
        <translation>请勿在上述各列之间插入列；需要增加的列请加在最右侧，导入时作为备注保留。</translation>
    </message>
    <message>
        <source>Save as .xlsx (or .csv) and send the file back; the office imports it with Rectrack.</source>
        <translation>填好后保存为 .xlsx（或 .csv）报回，由巡察办导入本系统。</translation>
    </message>
</context>
<context>
    <name>rectrack::core::LedgerUpdateUndo</name>
    <message>
        <source>Problem #%1 of the import has been deleted since; the import cannot be undone.</source>
        <translation>本次导入的问题 #%1 已被删除，无法撤销导入。</translation>
    </message>
</context>
<context>
    <name>rectrack::core::SafeFile</name>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file.</source>
        <translation>%1 是文件夹，不是文件。</translation>
    </message>
    <message>
        <source>%1 is not a regular file (a pipe, a device or a socket); only files are read.</source>
        <translation>%1 不是普通文件（而是管道、设备或套接字）；只能读取普通文件。</translation>
    </message>
    <message>
        <source>%1 is %2 MB, more than the limit of %3 MB for a file to import.</source>
        <translation>%1 大小为 %2 MB，超过了导入文件 %3 MB 的上限。</translation>
    </message>
    <message>
        <source>%1 is the register %2 or one of its files; it is never overwritten by an output. Nothing was written; choose another file name.</source>
        <translation>%1 是台账 %2 或其附属文件；输出永远不会覆盖台账。未写入任何内容，请另选文件名。</translation>
    </message>
    <message>
        <source>%1 cannot be written: not enough disk space in %2. Nothing was written.</source>
        <translation>无法写入 %1：%2 中磁盘空间不足。未写入任何内容。</translation>
    </message>
    <message>
        <source>%1 cannot be written: the file would be larger than this system allows. Nothing was written.</source>
        <translation>无法写入 %1：文件将超过本系统允许的大小。未写入任何内容。</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>%1 cannot be written: the folder %2 does not exist.</source>
        <translation>无法写入 %1：文件夹不存在（%2）。</translation>
    </message>
    <message>
        <source>The file %1 already exists.</source>
        <translation>文件 %1 已存在。</translation>
    </message>
    <message>
        <source>%1 holds more than %2, the limit for a file to import; it was not imported. Split the ledger into smaller files.</source>
        <translation>%1 超过了导入文件的上限（%2），未导入。请把台账拆分成较小的文件。</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>权限不足</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>文件或文件夹不存在</translation>
    </message>
    <message>
        <source>the drive is read-only</source>
        <translation>磁盘为只读</translation>
    </message>
    <message>
        <source>a part of the path is not a folder</source>
        <translation>路径中有一部分不是文件夹</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>这是一个文件夹</translation>
    </message>
    <message>
        <source>the file name is too long</source>
        <translation>文件名过长</translation>
    </message>
    <message>
        <source>input/output error (a damaged disk or a lost connection)</source>
        <translation>输入/输出错误（磁盘损坏或连接中断）</translation>
    </message>
</context>
<context>
    <name>rectrack::core::XlsReader</name>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is an Office compound file without a workbook: it is not an Excel (.xls) file.</source>
        <translation>%1 是 Office 复合文档，但其中没有工作簿：它不是 Excel（.xls）文件。</translation>
    </message>
    <message>
        <source>%1 is not a readable .xls workbook: %2.</source>
        <translation>%1 不是可读取的 .xls 工作簿：%2。</translation>
    </message>
    <message>
        <source>the workbook stream does not begin with a BOF record</source>
        <translation>工作簿数据流不以 BOF 记录开头</translation>
    </message>
    <message>
        <source>it was saved in an Excel version older than Excel 5.0</source>
        <translation>它由 Excel 5.0 之前的版本保存</translation>
    </message>
    <message>
        <source>a sheet entry is damaged</source>
        <translation>工作表条目已损坏</translation>
    </message>
    <message>
        <source>the shared string table is damaged</source>
        <translation>共享字符串表已损坏</translation>
    </message>
    <message>
        <source>the workbook stream is truncated</source>
        <translation>工作簿数据流不完整</translation>
    </message>
    <message>
        <source>sheet %1 cannot be found in the workbook stream</source>
        <translation>在工作簿数据流中找不到工作表 %1</translation>
    </message>
    <message>
        <source>sheet %1 is truncated</source>
        <translation>工作表 %1 不完整</translation>
    </message>
    <message>
        <source>it holds more than %1 cells, far more than a ledger</source>
        <translation>其单元格超过 %1 个，远超台账的规模</translation>
    </message>
    <message>
        <source>it has no worksheet</source>
        <translation>其中没有工作表</translation>
    </message>
</context>
<context>
    <name>rectrack::core::XlsxReader</name>
    <message>
        <source>%1 is not a readable .xlsx workbook: the zip archive is damaged or incomplete.</source>
        <translation>%1 不是可读取的 .xlsx 工作簿：zip 压缩包已损坏或不完整。</translation>
    </message>
    <message>
        <source>%1 is not a complete workbook: the part %2 is missing.</source>
        <translation>%1 不是完整的工作簿：缺少部件 %2。</translation>
    </message>
    <message>
        <source>%1 is damaged: the part %2 cannot be read (zip error %3).</source>
        <translation>%1 已损坏：无法读取部件 %2（zip 错误 %3）。</translation>
    </message>
    <message>
        <source>%1 is damaged: the part %2 is not well-formed XML (line %3: %4).</source>
        <translation>%1 已损坏：部件 %2 不是格式正确的 XML（第%3行：%4）。</translation>
    </message>
    <message>
        <source>%1 is damaged: sheet %2 has an invalid row number.</source>
        <translation>%1 已损坏：工作表“%2”中有无效的行号。</translation>
    </message>
    <message>
        <source>%1 is damaged: sheet %2 has an invalid cell reference %3.</source>
        <translation>%1 已损坏：工作表“%2”中有无效的单元格引用 %3。</translation>
    </message>
    <message>
        <source>%1 is damaged: cell %2 of sheet %3 refers to a missing shared string.</source>
        <translation>%1 已损坏：工作表“%3”的单元格 %2 引用了不存在的共享字符串。</translation>
    </message>
    <message>
        <source>%1 is a zip archive but not an Excel workbook (no workbook part is referenced).</source>
        <translation>%1 是 zip 压缩包，但不是 Excel 工作簿（没有引用工作簿部件）。</translation>
    </message>
    <message>
        <source>%1 is a zip archive but not an Excel workbook.</source>
        <translation>%1 是 zip 压缩包，但不是 Excel 工作簿。</translation>
    </message>
    <message>
        <source>%1 has no worksheet.</source>
        <translation>%1 中没有工作表。</translation>
    </message>
    <message>
        <source>%1 MB of XML in the part %2 once expanded</source>
        <translation>部件 %2 解压后 %1 MB 的 XML</translation>
    </message>
    <message>
        <source>%1 characters of shared strings</source>
        <translation>共享字符串共 %1 个字符</translation>
    </message>
    <message>
        <source>%1 characters in one cell (%2 of sheet %3)</source>
        <translation>单个单元格 %1 个字符（工作表 %3 的 %2）</translation>
    </message>
    <message>
        <source>%1 cells</source>
        <translation>%1 个单元格</translation>
    </message>
</context>
</TS>
