#pragma once

#include "patterns/patternservice.h"

#include <QDate>
#include <QWidget>

class QLabel;
class QPushButton;
class QProgressBar;
class QThread;
class QTreeWidget;
class QTreeWidgetItem;

namespace rectrack::ui {

class EditContext;

/**
 * The 共性问题 page (issue #27): confirmed patterns of common and recurring problems with their
 * units, rounds, problems, closed out, close-out rate, recurrences (屡查屡犯) and 未整改到位, and
 * below them the suggestions the similarity search makes (new groups and additions to confirmed
 * patterns). Each pattern expands to its problems (drill-down: double-click opens a problem).
 *
 * A person decides: Accept confirms a suggestion (named after its medoid's text, renamable),
 * Rename, Split (the selected problems into a new pattern), Merge (another pattern into this one),
 * Move (the selected problem into another pattern), Exclude (out of the pattern, never suggested
 * for it again) and Delete. Each decision is one undoable command on the editing undo stack
 * (core::PatternChange); 生成抄告单 raises a referral linked to the pattern's problems and 建章立制
 * a rule-building item with owner and due date (core::PatternService::raiseReferral / raiseRule).
 * Suggestions are computed when the page is shown or on Refresh suggestions, not on every edit.
 */
class PatternsView : public QWidget
{
    Q_OBJECT
public:
    /// Columns of the tree.
    enum Column
    {
        NameColumn,
        CommonColumn,
        UnitsColumn,
        RoundsColumn,
        ProblemsColumn,
        ClosedOutColumn,
        RateColumn,
        RecurrenceColumn,
        UnrectifiedColumn,
        OutcomesColumn,
        ColumnCount
    };
    /// Item data roles (column 0).
    enum Role
    {
        PatternIdRole = Qt::UserRole + 1, ///< the pattern of a pattern row (0 for a new suggestion)
        ProblemIdRole,                    ///< the problem of a member row
        SuggestionRole                    ///< index into suggestions() of a suggestion row, else -1
    };

    explicit PatternsView(QWidget *parent = nullptr);
    /// Waits for a running similarity search and drops its result.
    ~PatternsView() override;

    /// Reads the patterns of @p db (nullptr empties the page) on @p asOf, now when the page is
    /// visible, else when it is next shown (the search takes seconds at 100,000 problems); decisions
    /// are pushed to @p context's undo stack.
    void setDatabase(core::Database *db, EditContext *context, const QDate &asOf);
    /// Reads the confirmed patterns again (after an edit or undo); @p withSuggestions also reruns
    /// the similarity search, on a worker thread with a connection of its own (15–45 s at 100,000
    /// problems on two cores, docs/benchmarks.md): the page says it is searching and stays usable,
    /// and the suggestions are shown when it ends. A register in memory is searched at once.
    void reload(bool withSuggestions = false);
    /// Whether a similarity search is running (its suggestions not shown yet).
    bool searching() const { return m_search != nullptr; }
    /// Blocks until the running similarity search (and any asked for meanwhile) has ended and its
    /// suggestions are shown.
    void waitForSuggestions();
    /// Shows the patterns' figures on @p asOf (the main window's 截至): members fed back by then,
    /// in their state on that day. @p readOnly (a past date) turns every decision off, as the
    /// ledgers are read-only then; the suggestions found stay as they are.
    void setAsOf(const QDate &asOf, bool readOnly);

    QTreeWidget *tree() const { return m_tree; }
    const QList<core::PatternFigures> &patterns() const { return m_patterns; }
    const QList<core::PatternFigures> &suggestions() const { return m_suggestions; }
    /// The summary line above the tree (plain text).
    QString summaryText() const;

    /// Accepts the suggestion @p index under @p name (empty: its own name). Undoable.
    core::Status acceptSuggestion(int index, const QString &name = {});
    /// Runs @p change as one undoable command titled @p text.
    core::Status runChange(const core::Result<core::PatternChange> &change, const QString &text);

protected:
    /// Reads the patterns and runs the similarity search on the first show after setDatabase().
    void showEvent(QShowEvent *event) override;

Q_SIGNALS:
    /// The user asked to open a problem (double-click on a member row).
    void problemActivated(qint64 problemId);
    /// A referral or rule was raised (the supervision registers reload).
    void registersChanged();

private:
    void fill();
    void updateButtons();
    qint64 currentPattern() const;
    int currentSuggestion() const;
    QList<qint64> selectedProblems() const;
    void accept();
    void rename();
    void split();
    void merge();
    void move();
    void exclude();
    void remove();
    void raiseReferral();
    void raiseRule();
    void report(const core::Status &status);
    void startSearch();
    /// @p found without the suggestions every member of which has been decided on since.
    QList<core::PatternFigures> undecided(const QList<core::PatternFigures> &found) const;

    core::Database *m_db = nullptr;
    EditContext *m_context = nullptr;
    QDate m_asOf;
    bool m_readOnly = false;     ///< a past 截至: no decisions
    bool m_stale = false;        ///< setDatabase() since the last read: read when shown
    bool m_figuresStale = false; ///< another 截至 since the last read: figures read when shown
    QList<core::PatternFigures> m_patterns;
    QList<core::PatternFigures> m_suggestions;
    QThread *m_search = nullptr; ///< the running similarity search
    bool m_searchAgain = false;  ///< another search asked for while one ran
    quint64 m_generation = 0;    ///< bumped by setDatabase(): older searches' results are dropped
    QLabel *m_summary;
    QProgressBar *m_busy;
    QTreeWidget *m_tree;
    QPushButton *m_refresh, *m_accept, *m_rename, *m_split, *m_merge, *m_move, *m_exclude, *m_remove,
        *m_referral, *m_rule;
};

} // namespace rectrack::ui
