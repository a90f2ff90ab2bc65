#include "manualrenderer.h"

#include "charts/reportcharts.h"
#include "io/safefile.h"
#include "report/reportrenderer.h"
#include "report/reporttable.h"

#include <QAbstractTextDocumentLayout>
#include <QFontDatabase>
#include <QImage>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QUrl>

#include <cerrno>
#include <memory>
#include <vector>

namespace rectrack::ui {

namespace {

using namespace reportpage; // the report's page geometry: kDpi, margins, mm()

/// A heading met while the body was laid out: its level (1 = page title), text and PDF page.
struct Heading
{
    int level = 1;
    QString text;
    int page = 0;
};

/// One top-level element of a laid-out page: its extent and whether it is a heading.
struct Element
{
    QRectF rect;
    int heading = 0; ///< heading level, 0 for body text and figures
    QString text;
};

/// A manual page laid out for the PDF.
struct PageDoc
{
    QString title;
    std::unique_ptr<QTextDocument> doc;
    QList<Element> elements;
};

/**
 * Lays @p markdown out as a document of @p width device pixels on @p device: report font, code in
 * WenQuanYi Micro Hei Mono where installed (its Chinese round-trips too), screenshots from the
 * resources scaled to at most the text width and 45% of the text height. Adds the screenshots
 * placed to @p images.
 */
std::unique_ptr<QTextDocument> layoutPage(const QString &markdown, QPaintDevice *device, qreal width,
                                          qreal maxImageHeight, int &images)
{
    auto doc = std::make_unique<QTextDocument>();
    doc->documentLayout()->setPaintDevice(device);
    const QString family = reportFontFamily();
    QFont base(family);
    base.setPointSizeF(10.5);
    doc->setDefaultFont(base);
    doc->setDocumentMargin(0);
    doc->setTextWidth(width);
    doc->setMarkdown(markdown);

    const QString mono = QFontDatabase::hasFamily(QStringLiteral("WenQuanYi Micro Hei Mono"))
                             ? QStringLiteral("WenQuanYi Micro Hei Mono")
                             : family;
    // Device pixels per CSS pixel: image sizes in a QTextImageFormat are CSS pixels (96 per inch).
    const qreal scale = device->logicalDpiX() / 96.0;
    QTextCursor cursor(doc.get());
    for (int n = 0; n < doc->blockCount(); ++n) {
        const QTextBlock block = doc->findBlockByNumber(n);
        QTextBlockFormat bf = block.blockFormat();
        // A fenced code block (commands): Qt's Markdown reader marks it by its fence.
        const bool code = bf.hasProperty(QTextFormat::BlockCodeFence) || bf.nonBreakableLines();
        if (code) {
            bf.setBackground(QColor(0xf2, 0xf2, 0xf2));
            bf.setLeftMargin(6);
            bf.setBottomMargin(0);
        } else if (bf.headingLevel() == 0 && !block.textList()) {
            bf.setLineHeight(135, QTextBlockFormat::ProportionalHeight);
            bf.setBottomMargin(4);
        }
        cursor.setPosition(block.position());
        cursor.setBlockFormat(bf);
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            QTextCharFormat format = fragment.charFormat();
            cursor.setPosition(fragment.position());
            cursor.setPosition(fragment.position() + fragment.length(), QTextCursor::KeepAnchor);
            if (format.isImageFormat()) {
                QTextImageFormat image = format.toImageFormat();
                const QString name = image.name();
                const QString file = Manual::screenshotFolder() + u'/' + name.mid(name.lastIndexOf(u'/') + 1);
                QImage picture(file);
                if (picture.isNull())
                    continue;
                // The width of a screen at 150 dpi, at most the text width and 45% of its height.
                qreal w = picture.width() * kDpi / 150.0;
                w = std::min(w, width);
                qreal h = w * picture.height() / picture.width();
                if (h > maxImageHeight) {
                    h = maxImageHeight;
                    w = h * picture.width() / picture.height();
                }
                // Stored at 150 dpi of the printed size: legible on paper, a small file.
                const int pixels = int(w * 150 / kDpi);
                if (picture.width() > pixels)
                    picture = picture.scaledToWidth(pixels, Qt::SmoothTransformation);
                doc->addResource(QTextDocument::ImageResource, QUrl(name), picture);
                image.setWidth(w / scale);
                image.setHeight(h / scale);
                cursor.setCharFormat(image);
                ++images;
                continue;
            }
            QTextCharFormat fonts;
            fonts.setFontFamilies(QStringList{code || format.fontFixedPitch() ? mono : family});
            if (code)
                fonts.setFontPointSize(8.5);
            if (bf.headingLevel() > 0) {
                fonts.setFontWeight(QFont::Bold);
                fonts.setFontPointSize(bf.headingLevel() == 1 ? 18 : bf.headingLevel() == 2 ? 13.5 : 11.5);
            }
            cursor.mergeCharFormat(fonts);
        }
    }
    // Headings: room above, a little below; the page title in the report's red.
    for (int n = 0; n < doc->blockCount(); ++n) {
        const QTextBlock block = doc->findBlockByNumber(n);
        const int level = block.blockFormat().headingLevel();
        if (level == 0)
            continue;
        QTextBlockFormat bf = block.blockFormat();
        bf.setTopMargin(level == 1 ? 0 : 14);
        bf.setBottomMargin(level == 1 ? 14 : 6);
        cursor.setPosition(block.position());
        cursor.setBlockFormat(bf);
        if (level == 1) {
            cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
            QTextCharFormat red;
            red.setForeground(QColor(0xb0, 0x1c, 0x1c));
            cursor.mergeCharFormat(red);
        }
    }
    return doc;
}

/// The top-level elements of @p doc with their extents (a frame, such as a table, as one).
QList<Element> elementsOf(QTextDocument &doc)
{
    QAbstractTextDocumentLayout *layout = doc.documentLayout();
    QList<Element> elements;
    for (auto it = doc.rootFrame()->begin(); !it.atEnd(); ++it) {
        Element e;
        if (QTextFrame *frame = it.currentFrame()) {
            e.rect = layout->frameBoundingRect(frame);
        } else {
            const QTextBlock block = it.currentBlock();
            if (block.text().isEmpty() && block.length() <= 1)
                continue;
            e.rect = layout->blockBoundingRect(block);
            e.heading = block.blockFormat().headingLevel();
            e.text = block.text().trimmed();
        }
        elements << e;
    }
    return elements;
}

} // namespace

ManualRenderer::ManualRenderer(const QString &language)
    : m_language(language.startsWith(QLatin1String("en")) ? QStringLiteral("en") : QStringLiteral("zh_CN")),
      m_pages(Manual::pages(m_language))
{
}

core::Status ManualRenderer::writePdf(const QString &path)
{
    if (m_pages.isEmpty())
        return core::Error{core::ErrorCode::Usage, tr("This program holds no user manual.")};
    core::SafeOutput output(path);
    if (const core::Status s = output.open(); !s)
        return s;
    if (const core::Status s = writePdfFile(output.tempPath(), path); !s)
        return s;
    return output.commit();
}

core::Status ManualRenderer::writePdfFile(const QString &path, const QString &shown)
{
    const QString title = Manual::title();
    QPdfWriter writer(path);
    writer.setResolution(kDpi);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("Rectrack ") + QStringLiteral(RECTRACK_VERSION));
    const QRectF page(0, 0, writer.width(), writer.height());
    const QRectF body(mm(kLeftMm), mm(kTopMm), page.width() - mm(kLeftMm) - mm(kRightMm),
                      page.height() - mm(kTopMm) - mm(kBottomMm));
    const QString family = reportFontFamily();
    auto pointFont = [&](double pt, bool bold = false) {
        QFont f(family);
        f.setPointSizeF(pt);
        f.setBold(bold);
        return f;
    };

    // Lay every page out once; both passes place the same elements.
    std::vector<PageDoc> docs;
    m_imageCount = 0;
    for (const ManualPage &p : std::as_const(m_pages)) {
        PageDoc d;
        d.title = p.title;
        d.doc = layoutPage(p.markdown, &writer, body.width(), body.height() * 0.45, m_imageCount);
        d.elements = elementsOf(*d.doc);
        docs.push_back(std::move(d));
    }

    // The contents: one line per page title and section; lines per contents page.
    const qreal lineHeight = mm(6.4);
    const qreal contentsTop = mm(18);
    int entries = 0;
    for (const PageDoc &d : docs)
        for (const Element &e : d.elements)
            entries += (e.heading == 1 || e.heading == 2) ? 1 : 0;
    const int linesPerPage = int((body.height() - contentsTop) / lineHeight);
    const int contentsPages = std::max(1, (entries + linesPerPage - 1) / linesPerPage);
    const int firstBodyPage = 1 + contentsPages + 1; // cover, contents, then the body

    QPainter painter;
    QString runningTitle;
    // Places the body; paints it when @p paint, else only records the headings' pages.
    auto placeBody = [&](bool paint, QList<Heading> &headings) {
        ReportPageFlow flow(body, [&](int bodyPage) {
            if (!paint)
                return;
            writer.newPage();
            reportpage::paintFurniture(painter, family, body, page.height(), title, runningTitle,
                                       firstBodyPage - 1 + bodyPage);
        });
        for (PageDoc &d : docs) {
            runningTitle = d.title;
            flow.newPage(); // every manual page starts a PDF page
            QAbstractTextDocumentLayout *layout = d.doc->documentLayout();
            qreal previousBottom = 0;
            for (const Element &e : std::as_const(d.elements)) {
                const QRectF &r = e.rect;
                const qreal gap = std::max<qreal>(0, r.top() - previousBottom);
                previousBottom = r.bottom();
                const qreal keep = e.heading ? mm(30) : 0;
                if (flow.y() > 0 && flow.y() + gap + r.height() + keep > body.height())
                    flow.newPage();
                const qreal y = flow.y() > 0 ? flow.y() + gap : 0;
                if (e.heading == 1 || e.heading == 2)
                    headings << Heading{e.heading, e.text, firstBodyPage - 1 + flow.pages()};
                if (paint) {
                    painter.save();
                    painter.translate(body.left(), body.top() + y - r.top());
                    QAbstractTextDocumentLayout::PaintContext ctx;
                    ctx.clip = QRectF(-mm(0.5), r.top(), body.width() + mm(1), r.height());
                    ctx.palette.setColor(QPalette::Text, Qt::black);
                    painter.setClipRect(ctx.clip);
                    layout->draw(&painter, ctx);
                    painter.restore();
                }
                flow.setY(y + r.height());
            }
        }
        return flow.pages();
    };

    QList<Heading> headings;
    placeBody(false, headings);

    if (!painter.begin(&writer))
        return core::SafeFile::writeError(shown, errno, tr("Cannot write %1.").arg(shown));
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);

    // Cover.
    {
        painter.setPen(QColor(0xb0, 0x1c, 0x1c));
        painter.setFont(pointFont(26, true));
        painter.drawText(QRectF(mm(kLeftMm), mm(85), body.width(), mm(40)),
                         Qt::AlignHCenter | Qt::AlignVCenter | Qt::TextWordWrap, title);
        QPen rule(QColor(0xb0, 0x1c, 0x1c));
        rule.setWidthF(mm(0.6));
        painter.setPen(rule);
        painter.drawLine(QPointF(mm(kLeftMm), mm(130)), QPointF(page.width() - mm(kRightMm), mm(130)));
        painter.setPen(Qt::black);
        painter.setFont(pointFont(15));
        painter.drawText(QRectF(mm(kLeftMm), mm(140), body.width(), mm(12)),
                         Qt::AlignHCenter | Qt::AlignVCenter,
                         tr("Rectrack inspection rectification register"));
        painter.drawText(QRectF(mm(kLeftMm), mm(153), body.width(), mm(12)),
                         Qt::AlignHCenter | Qt::AlignVCenter,
                         tr("Version %1").arg(QStringLiteral(RECTRACK_VERSION)));
        painter.setFont(pointFont(12));
        painter.drawText(QRectF(mm(kLeftMm), mm(235), body.width(), mm(20)),
                         Qt::AlignHCenter | Qt::AlignVCenter | Qt::TextWordWrap,
                         tr("Runs offline: one local register file, nothing sent anywhere."));
    }

    // Contents, with dot leaders to the page numbers.
    {
        int line = 0;
        int contentsPage = 0;
        auto startContentsPage = [&] {
            writer.newPage();
            ++contentsPage;
            painter.setPen(Qt::black);
            painter.setFont(pointFont(11));
            painter.drawText(QRectF(body.left(), page.height() - mm(kBottomMm) + mm(8), body.width(), mm(8)),
                             Qt::AlignHCenter | Qt::AlignVCenter, tr("— %1 —").arg(1 + contentsPage));
            if (contentsPage == 1) {
                painter.setFont(pointFont(18, true));
                painter.drawText(QRectF(body.left(), body.top(), body.width(), mm(12)),
                                 Qt::AlignHCenter | Qt::AlignTop, tr("Contents"));
            }
            line = 0;
        };
        startContentsPage();
        for (const Heading &h : std::as_const(headings)) {
            if (line >= linesPerPage)
                startContentsPage();
            const qreal y = body.top() + contentsTop + line * lineHeight;
            const qreal indent = h.level == 1 ? 0 : mm(8);
            // A long title is set smaller (down to 8 pt) to keep it whole on its line.
            QFont font = pointFont(h.level == 1 ? 11.5 : 10.5, h.level == 1);
            const QString number = QString::number(h.page);
            auto tooWide = [&] {
                const QFontMetricsF m(font, &writer);
                return m.horizontalAdvance(h.text) + m.horizontalAdvance(number) + mm(12) >
                       body.width() - indent;
            };
            while (font.pointSizeF() > 8 && tooWide())
                font.setPointSizeF(font.pointSizeF() - 0.5);
            painter.setFont(font);
            const QFontMetricsF fm(font, &writer);
            const qreal numberWidth = fm.horizontalAdvance(number);
            const QString text =
                fm.elidedText(h.text, Qt::ElideRight, body.width() - indent - numberWidth - mm(12));
            const QRectF row(body.left() + indent, y, body.width() - indent, lineHeight);
            painter.drawText(row, Qt::AlignLeft | Qt::AlignVCenter, text);
            painter.drawText(row, Qt::AlignRight | Qt::AlignVCenter, number);
            // Dot leaders between the text and the number.
            const qreal from = row.left() + fm.horizontalAdvance(text) + mm(2);
            const qreal to = row.right() - numberWidth - mm(2);
            painter.setPen(QColor(0x80, 0x80, 0x80));
            for (qreal x = from; x < to; x += mm(1.6))
                painter.drawEllipse(QPointF(x, row.center().y() + fm.ascent() * 0.35), mm(0.18), mm(0.18));
            painter.setPen(Qt::black);
            ++line;
        }
        while (contentsPage < contentsPages)
            startContentsPage();
    }

    QList<Heading> painted;
    const int bodyPages = placeBody(true, painted);
    if (!painter.end())
        return core::SafeFile::writeError(shown, errno, tr("Cannot write %1.").arg(shown));
    m_pageCount = 1 + contentsPages + bodyPages;
    if (!setPdfInfo(path, title, title, QStringLiteral("Rectrack ") + QStringLiteral(RECTRACK_VERSION)))
        return core::SafeFile::writeError(shown, errno,
                                          tr("Cannot set the document properties of %1.").arg(shown));
    return core::okStatus();
}

} // namespace rectrack::ui
