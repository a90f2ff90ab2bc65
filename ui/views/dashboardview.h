#pragma once

/**
 * The dashboard page of the main window: where rectification stands, at a glance (issue 7).
 *
 * Headline figures (problems, done, completion rate, long-term, overdue, close-out rate,
 * coverage) with the change since a compare-with date, and the report's charts (ReportCharts):
 * completion rate by round, by unit and by source level, the status donut, cumulative done vs
 * registered, overdue ageing, and the traffic-light counts of the ledger.
 *
 * The figures follow the ledger scope the main window passes in (unit, round, inspection and
 * source level; other filters such as search or state cannot be expressed in the statistics and
 * are named in a note) and its as-of date. They are computed by core::ReportBuilder in a worker
 * QThread on its own Database connection opened on the same file, with a busy indicator, so the
 * window stays usable on a large register.
 *
 * Clicking a bar or a slice emits drillDown() with a ledger filter that selects exactly the
 * problems behind it (a round's, a unit's, a source level's, a state's, an ageing bucket's, a
 * light's). Every chart can be copied to the clipboard or saved as PNG.
 */

#include "report/reportcontent.h"
#include "storage/ledgerquery.h"

#include <QFrame>
#include <QMap>
#include <QWidget>

#include <memory>
#include <optional>

class QChart;
class QChartView;
class QCheckBox;
class QDateEdit;
class QGridLayout;
class QLabel;
class QProgressBar;
class QPrinter;
class QThread;

namespace rectrack::ui {

/// Figures of the dashboard, computed off the GUI thread.
struct DashboardData
{
    core::ReportContent content;
    qint64 red = 0; ///< problems with a red light in the ledger on the as-of date
    qint64 yellow = 0;
    qint64 green = 0;
    QString error; ///< non-empty when the computation failed
};

/**
 * One chart of the dashboard in a framed card, with buttons to copy it to the clipboard and to
 * save it as PNG. The card owns its chart view; the chart is replaced on every refresh.
 */
class ChartCard : public QFrame
{
    Q_OBJECT
public:
    explicit ChartCard(QWidget *parent = nullptr);

    /// Shows @p chart (ownership passes to the card) and sizes the card to its preferred height.
    void setChart(QChart *chart);
    QChart *chart() const;
    QChartView *view() const { return m_view; }
    /// The chart as an image (QWidget::grab of the view).
    QImage image() const;
    /// Copies the chart as an image to the clipboard.
    void copyToClipboard();
    /// Saves the chart as PNG at @p path; returns false on a write error.
    bool savePng(const QString &path) const;

private:
    void saveDialog();
    QChartView *m_view;
};

class DashboardView : public QWidget
{
    Q_OBJECT
public:
    /// The charts of the dashboard.
    enum class Chart
    {
        ByRound,
        ByUnit,
        BySource,
        Status,
        Cumulative,
        Ageing,
        Lights,
        BySite ///< the city's comparison of offices; shown only when the register holds other sites' rows
    };

    explicit DashboardView(QWidget *parent = nullptr);
    ~DashboardView() override;

    /**
     * Uses @p db (nullptr = none) for the scope's names and for the worker's file path. The
     * worker opens its own connection; @p db is only read in the GUI thread.
     */
    void setDatabase(core::Database *db);

    /**
     * Recomputes the figures for the ledger scope @p scope as of @p asOf, with the ledger's
     * traffic-light thresholds @p thresholds. Returns at once; updated() is emitted when the
     * figures are shown. A request made while one runs replaces any request still waiting.
     */
    void refresh(const core::LedgerFilter &scope, const QDate &asOf,
                 const core::WarningThresholds &thresholds);

    /// The compare-with date (the last meeting); invalid when the comparison is off.
    QDate since() const;
    /// Sets the compare-with date (invalid = off) and recomputes.
    void setSince(const QDate &date);

    /// True while the worker computes.
    bool isBusy() const;
    /// The figures shown (valid after updated()).
    const DashboardData &data() const { return m_data; }
    /// The chart shown as @p which (nullptr before the first update).
    QChart *chart(Chart which) const;
    /// The card of @p which.
    ChartCard *card(Chart which) const { return m_cards.value(which); }
    /// The headline figures as text (tests).
    QString headlineText() const;
    /// The ledger scope as the statistics see it: unit, round and source of @p scope only.
    core::LedgerFilter statsScope() const { return m_base; }

    /// Prints the whole dashboard: the scope and headline figures, then the charts two by two
    /// (drawn from their scenes, so a PDF keeps their text); returns the number of pages.
    int print(QPrinter *printer) const;
    /// Shows a print preview of the whole dashboard (landscape A4).
    void printPreview();

Q_SIGNALS:
    /// The figures of the latest request are shown.
    void updated();
    /// The user clicked a bar or slice: show the problems of @p filter, described by @p title.
    void drillDown(const core::LedgerFilter &filter, const QString &title);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Request
    {
        QString path;
        core::ReportOptions options;
        core::LedgerFilter base;
        core::WarningThresholds thresholds;
    };
    void start(const Request &request);
    void finished(const std::shared_ptr<DashboardData> &data, const Request &request);
    void showData(const DashboardData &data);
    void showHeadline();
    void relayout();
    void connectClicks();
    void drill(const core::LedgerFilter &extra, const QString &title);
    qint64 unitId(const QString &name) const;
    qint64 roundId(const QString &label) const;

    core::Database *m_db = nullptr;
    DashboardData m_data;
    core::LedgerFilter m_base; ///< the part of the ledger scope the statistics cover
    core::WarningThresholds m_thresholds;
    QDate m_asOf;
    std::optional<Request> m_last;
    std::optional<Request> m_pending;
    QThread *m_thread = nullptr;
    int m_columns = 0;

    QLabel *m_scopeLabel;
    QLabel *m_note;
    QCheckBox *m_compare;
    QDateEdit *m_sinceEdit;
    QProgressBar *m_progress;
    QLabel *m_busyLabel;
    QList<QLabel *> m_figures;
    QWidget *m_chartArea;
    QGridLayout *m_grid;
    QGridLayout *m_figureGrid;
    QMap<Chart, ChartCard *> m_cards;
};

} // namespace rectrack::ui
