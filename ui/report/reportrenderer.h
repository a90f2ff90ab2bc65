#pragma once

/**
 * Renders report content (core::ReportContent) as the committee-meeting report (DESIGN.md §7).
 *
 * The body is generated from the content as a sequence of parts: runs of HTML (headings,
 * paragraphs, the headline figures, charts as images named chart:N) and tables (ReportTable).
 *  - PDF: an A4 QPdfWriter (300 dpi) with margins in the spirit of GB/T 9704. Each HTML run is
 *    laid out by a QTextDocument and placed on the pages element by element (a paragraph or
 *    figure that does not fit starts the next page; a heading keeps room below it); the chart
 *    images are swapped for text objects that render the charts' scenes straight into the PDF
 *    painter, so charts are vectors with selectable text. Tables are painted row by row
 *    (ReportTablePainter: header row on every page, rows never split). A cover (confidentiality
 *    marking, centred title, issuing body, as-of date) is painted on page 1; every later page
 *    gets a running header and a page number (— 1 —). The PDF's Info dictionary (title, subject,
 *    creator) is rewritten as UTF-16 hex strings, because Qt 6.4's QPdfWriter has no subject.
 *  - .odt: the same body as one HTML document (tables as HTML tables) with the cover in front
 *    and the charts as PNG images, written by QTextDocumentWriter for WPS or LibreOffice.
 * Every text uses reportFontFamily() (WenQuanYi Micro Hei) so the PDF text layer round-trips.
 */

#include "report/reportcontent.h"
#include "report/reporttable.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QTextDocument;

namespace rectrack::ui {

/// Writes one report's content as PDF or .odt; holds the report's charts while it lives.
class ReportRenderer
{
    Q_DECLARE_TR_FUNCTIONS(ReportRenderer)
public:
    /// Called with 0–100 while a file is written.
    using Progress = std::function<void(int percent)>;

    explicit ReportRenderer(core::ReportContent content);
    ~ReportRenderer();
    ReportRenderer(const ReportRenderer &) = delete;
    ReportRenderer &operator=(const ReportRenderer &) = delete;

    /// Writes an A4 PDF. Errors: InputRefused when the file cannot be written (a full disk named as
    /// such) or is a register (core::SafeFile::checkOutput). The file is written beside @p path and
    /// renamed into place when complete (core::SafeOutput): never a half-written report.
    core::Status writePdf(const QString &path, const Progress &progress = {});
    /// Writes an OpenDocument text (.odt) with the charts as images; errors and writing as writePdf.
    core::Status writeOdt(const QString &path, const Progress &progress = {});
    /// writePdf or writeOdt by the file's suffix (.pdf, .odt); Usage error for another suffix.
    core::Status write(const QString &path, const Progress &progress = {});

    /// Pages of the last PDF written (cover included), 0 before.
    int pageCount() const { return m_pageCount; }

    /// The report body as HTML (charts as <img src="chart:N">); @p withCover puts the cover first.
    QString html(bool withCover) const;
    /// The PDF subject: scope and as-of date, e.g. 全部台账 截至2021年1月15日.
    QString subject() const;
    /// A date as the report writes it (2021年1月15日 in Chinese).
    static QString formatDate(const QDate &date);

private:
    /// The writers proper, to the temporary file @p file; messages name @p shown.
    core::Status writePdfFile(const QString &file, const QString &shown, const Progress &progress);
    core::Status writeOdtFile(const QString &file, const QString &shown, const Progress &progress);
    /// A run of the body: HTML (headings, paragraphs, figures, charts) or a table.
    struct BodyPart
    {
        QString html;
        std::optional<ReportTable> table;
    };
    /// The body in order; @p withCover puts the .odt's cover first.
    QList<BodyPart> bodyParts(bool withCover) const;
    /// <html><head> with the style sheet, and <body>.
    static QString htmlHead();

    struct Charts;
    core::ReportContent m_content;
    std::unique_ptr<Charts> m_charts;
    int m_pageCount = 0;
};

/**
 * Rewrites the Info dictionary of the PDF at @p path through an incremental update: Title,
 * Subject, Creator and Producer as UTF-16BE hex strings, which every reader decodes exactly
 * (不 and 名 included). Returns false when the file is not a PDF this function understands.
 */
bool setPdfInfo(const QString &path, const QString &title, const QString &subject, const QString &creator);

} // namespace rectrack::ui
