#include <catch2/catch.hpp>

#include "domain/types.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTranslator>

// The zh_CN translation is complete (DESIGN.md, STYLE.md): no unfinished or empty message in any
// area's .ts file, and the embedded .qm files load.
TEST_CASE("every zh_CN message is translated", "[i18n]")
{
    const QDir dir(QStringLiteral(RECTRACK_SOURCE_DIR "/resources/translations"));
    const QStringList files = dir.entryList({QStringLiteral("*_zh_CN.ts")}, QDir::Files);
    REQUIRE(files.size() >= 2);
    static const QRegularExpression message(QStringLiteral("<message.*?</message>"),
                                            QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression empty(
        QStringLiteral(R"(<translation[^>]*/>|<translation[^>]*>\s*</translation>|type="unfinished")"));
    int messages = 0;
    QStringList untranslated;
    for (const QString &name : files) {
        QFile f(dir.filePath(name));
        REQUIRE(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        auto it = message.globalMatch(text);
        while (it.hasNext()) {
            const QString m = it.next().captured(0);
            ++messages;
            if (empty.match(m).hasMatch())
                untranslated << name + QStringLiteral(": ") + m.left(160);
        }
    }
    CHECK(messages > 100);
    CHECK(untranslated.join(u'\n').toStdString() == "");
}

TEST_CASE("the embedded Chinese translation names the source levels as notices do", "[i18n]")
{
    QTranslator t;
    REQUIRE(t.load(QStringLiteral(":/i18n/core_zh_CN.qm")));
    QCoreApplication::installTranslator(&t);
    CHECK(rectrack::core::Names::display(rectrack::core::SourceLevel::Central) == QStringLiteral("中央巡视"));
    CHECK(rectrack::core::Names::display(rectrack::core::SourceLevel::District) ==
          QStringLiteral("区县委巡察"));
    CHECK(rectrack::core::Names::display(rectrack::core::ProblemState::ClosedOut) ==
          QStringLiteral("已销号"));
    QCoreApplication::removeTranslator(&t);
    CHECK(rectrack::core::Names::display(rectrack::core::SourceLevel::Central) == QStringLiteral("central"));
}
