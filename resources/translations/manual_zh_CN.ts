<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>rectrack::cli::Cli</name>
    <message>
        <source>Usage: rectrack-cli manual -o FILE.pdf [--lang zh_CN|en]</source>
        <translation>用法：rectrack-cli manual -o 文件.pdf [--lang zh_CN|en]</translation>
    </message>
    <message>
        <source>Name the file to write with -o FILE.pdf.</source>
        <translation>请用 -o 文件.pdf 指定要写入的文件。</translation>
    </message>
    <message>
        <source>%1: the file name must end in .pdf.</source>
        <translation>%1：文件名必须以 .pdf 结尾。</translation>
    </message>
    <message>
        <source>Wrote the user manual %1 (%2 pages, %3 screenshots).</source>
        <translation>已写出操作手册 %1（共 %2 页，截图 %3 幅）。</translation>
    </message>
    <message>
        <source>write the user manual as an A4 PDF</source>
        <translation>将操作手册写成 A4 PDF 文件</translation>
    </message>
</context>
<context>
    <name>rectrack::ui::Manual</name>
    <message>
        <source>Rectrack user manual</source>
        <translation>巡察整改监督台账 操作手册</translation>
    </message>
</context>
<context>
    <name>rectrack::ui::ManualBrowser</name>
    <message>
        <source>User manual</source>
        <translation>操作手册</translation>
    </message>
    <message>
        <source>Search the manual</source>
        <translation>在手册中搜索</translation>
    </message>
    <message numerus="yes">
        <source>Found on %n page(s); Enter finds the next.</source>
        <translation>
            <numerusform>在 %n 页中找到；按回车查找下一处。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not found in the manual.</source>
        <translation>手册中没有找到。</translation>
    </message>
</context>
</TS>
