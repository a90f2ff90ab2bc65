#pragma once

/**
 * The user manual as an A4 PDF (`rectrack-cli manual`, issue #28), drawn by the report's pipeline
 * (ReportRenderer): a QPdfWriter at 300 dpi with the report's margins, reportFontFamily()
 * (WenQuanYi Micro Hei, so Chinese stays selectable, searchable text), each Markdown page laid out
 * by a QTextDocument and placed on the PDF pages element by element through ReportPageFlow (a
 * paragraph or screenshot that does not fit starts the next page, a heading keeps room below it),
 * and the document properties written by setPdfInfo().
 *
 * Layout: a cover (title, version), the contents (every page title and section with its page
 * number and dot leaders), then each manual page from a new PDF page. Every page after the cover
 * carries a running header (manual title, page title) and its number (— 3 —), the number a PDF
 * viewer shows. The contents' numbers come from a first pass that lays the body out without
 * painting it. The cover and the contents speak the language of the installed translation (the
 * CLI's --lang), the pages that of the manual chosen.
 */

#include "domain/result.h"
#include "help/manual.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace rectrack::ui {

class ManualRenderer
{
    Q_DECLARE_TR_FUNCTIONS(rectrack::ui::ManualRenderer)
public:
    /// The manual of @p language (zh_CN or en) from the program's resources.
    explicit ManualRenderer(const QString &language);

    /// Writes the PDF to @p path (through core::SafeOutput: never half written). Errors:
    /// InputRefused when the file cannot be written; Usage when the program holds no manual.
    core::Status writePdf(const QString &path);

    /// Pages of the last PDF written (cover and contents included).
    int pageCount() const { return m_pageCount; }
    /// Screenshots placed in the last PDF written.
    int imageCount() const { return m_imageCount; }

private:
    core::Status writePdfFile(const QString &file, const QString &shown);

    QString m_language;
    QList<ManualPage> m_pages;
    int m_pageCount = 0;
    int m_imageCount = 0;
};

} // namespace rectrack::ui
