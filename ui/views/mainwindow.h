#pragma once

#include "storage/database.h"

#include <QMainWindow>

#include <memory>

namespace rectrack::ui {

/// The main window: navigation, the two ledgers, the detail pane and the headline figures.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens the register at @p path; shows a message and returns false when it cannot be opened.
    bool openRegister(const QString &path);

private:
    std::unique_ptr<core::Database> m_db;
};

} // namespace rectrack::ui
