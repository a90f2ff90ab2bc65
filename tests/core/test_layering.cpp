#include <catch2/catch.hpp>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>

// DESIGN.md §3: core never depends on QtGui, QtWidgets or QtCharts. The build also fails if a
// GUI module's define reaches a core source (domain/types.h); this test reads the sources.
TEST_CASE("core includes no GUI, widget or chart headers and links only Core and Sql", "[layering]")
{
    const QDir core(QStringLiteral(RECTRACK_SOURCE_DIR "/core"));
    REQUIRE(core.exists());
    static const QRegularExpression gui(QStringLiteral(
        R"(#\s*include\s*[<"](QtGui|QtWidgets|QtCharts|QtPrintSupport|QWidget|QMainWindow|QDialog|QChart|QPainter|QImage|QPixmap|QColor|QFont|QPdfWriter|QTextDocument)\b)"));
    QStringList offenders;
    int files = 0;
    QDirIterator it(core.path(), {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        REQUIRE(f.open(QIODevice::ReadOnly));
        ++files;
        if (gui.match(QString::fromUtf8(f.readAll())).hasMatch())
            offenders << path;
    }
    CHECK(files > 10);
    CHECK(offenders.join(u'\n').toStdString() == "");

    QFile cmake(core.filePath(QStringLiteral("CMakeLists.txt")));
    REQUIRE(cmake.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(cmake.readAll());
    for (const char *forbidden : {"Qt6::Gui", "Qt6::Widgets", "Qt6::Charts", "Qt6::PrintSupport"})
        CHECK_FALSE(text.contains(QLatin1String(forbidden)));
}

TEST_CASE("no test case name holds a semicolon, which would split it into tests that run nothing",
          "[layering]")
{
    // catch_discover_tests hands the names to CTest as a CMake list: "a; b" became two CTest tests
    // whose filters matched no test case, and Catch2 exits 0 when nothing ran.
    static const QRegularExpression testCase(QStringLiteral(R"(TEST_CASE\(((?:\s*"(?:[^"\\]|\\.)*")+))"));
    QStringList offending;
    QDirIterator it(QStringLiteral(RECTRACK_SOURCE_DIR "/tests"), {QStringLiteral("*.cpp")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        REQUIRE(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        for (auto m = testCase.globalMatch(text); m.hasNext();) {
            const QString name = m.next().captured(1);
            if (name.contains(u';'))
                offending << path + QStringLiteral(": ") + name.simplified();
        }
    }
    INFO(offending.join(u'\n').toStdString());
    CHECK(offending.isEmpty());
}
