#pragma once

#include "domain/result.h"
#include "sheet.h"

#include <QByteArray>
#include <QCoreApplication>

namespace rectrack::core {

/**
 * Reads the tables of a Word document (.docx as saved by Word, WPS and LibreOffice, transitional
 * or strict namespaces) into a Workbook: one sheet per top-level table (w:tbl), named 表格1,
 * 表格2 … (Table 1 … in English), with Workbook::isDocument set.
 *
 * The main document part is found through the package relationships (_rels/.rels →
 * officeDocument; word/document.xml when there is none). Each sheet begins with the last
 * kTitleParagraphs non-empty paragraphs above its table (the title and the fill-in line, one row
 * each, text in column A); the table's rows follow. A cell's paragraphs are joined with line
 * breaks (empty paragraphs dropped; w:br is a line break, w:tab a tab); a cell spanning grid
 * columns (w:gridSpan) and cells merged down (w:vMerge restart … continue) become merged ranges,
 * w:gridBefore shifts a row's first cell. A table that follows another with no text between them
 * and has the same grid is that table's continuation (Word splits a table in two when a
 * paragraph mark gets between its rows); its rows repeating one of the first rows of the table
 * (a header repeated by hand) are dropped. Deleted text (w:del, w:moveFrom) and the fallback copy
 * of alternate content (mc:Fallback) are not read; the text of a table nested in a cell is part
 * of that cell. At most 256 grid columns are read.
 *
 * Errors (ErrorCode::InputRefused, message naming the file): a damaged zip, no main document
 * part, XML that is not well-formed, a part too large for a ledger, a document without any
 * table (LedgerFile::noLedgerTableMessage).
 */
class DocxReader
{
    Q_DECLARE_TR_FUNCTIONS(rectrack::core::DocxReader)
public:
    /// Paragraphs above a table read as its title rows, at most.
    static constexpr int kTitleParagraphs = 5;

    /// Reads the .docx at @p path; @p displayName (default: the file name) is used in messages.
    static Result<Workbook> read(const QString &path, const QString &displayName = {});
    /// Reads the main document part's XML (word/document.xml) already in memory.
    static Result<Workbook> parseDocument(const QByteArray &xml, const QString &fileName);
};

} // namespace rectrack::core
