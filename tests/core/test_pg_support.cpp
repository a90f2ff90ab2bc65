// The PostgreSQL test support (tests/support/testsupport.h) against the throw-away server that the
// pg_server_start test starts (tests/pg/pgserver.sh). Tagged [.pgonly]: hidden from the file run and
// from a plain run of the binary, registered only in the pg run (tests/CMakeLists.txt, "pg:" prefix).
#include <catch2/catch.hpp>

#include "testsupport.h"

#include <QRegularExpression>

using namespace rectrack::test;

TEST_CASE("pg_support: a test database on the server is UTF-8 C.UTF-8 and pg_trgm makes Chinese trigrams",
          "[.pgonly][pg_support]")
{
    REQUIRE(testOnServer());
    const QString admin = pgAdminUrl();
    REQUIRE(admin.startsWith(QLatin1String("postgresql:///postgres?host=/tmp/rectrack-pg.")));

    const QString url = createServerDatabase();
    const QRegularExpression form(QStringLiteral("^postgresql:///(rt_[0-9a-f]{16})\\?"));
    const auto match = form.match(url);
    REQUIRE(match.hasMatch());
    const QString name = match.captured(1);
    // The admin URL with only the database name changed.
    CHECK(url == QString(admin).replace(QLatin1String("///postgres?"), QStringLiteral("///%1?").arg(name)));

    {
        ServerConnection db(url);
        CHECK(db.scalar(QStringLiteral("SELECT current_database()")).toString() == name);
        CHECK(db.scalar(QStringLiteral("SHOW lc_ctype")).toString() == QLatin1String("C.UTF-8"));
        CHECK(
            db.scalar(QStringLiteral("SELECT datcollate FROM pg_database WHERE datname = current_database()"))
                .toString() == QLatin1String("C.UTF-8"));
        CHECK(db.scalar(QStringLiteral("SHOW server_encoding")).toString() == QLatin1String("UTF8"));
        CHECK(
            db.scalar(QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).toInt() ==
            0);
        db.exec(QStringLiteral("CREATE EXTENSION pg_trgm"));
        // Six characters give seven trigrams (two padded at the start, one at the end); under an
        // LC_CTYPE of C there would be none.
        CHECK(db.scalar(QStringLiteral("SELECT array_length(show_trgm('巡察整改台账'), 1)")).toInt() == 7);
        // 4 shared of 8 distinct trigrams.
        CHECK(db.scalar(QStringLiteral("SELECT similarity('巡察整改台账', '巡察整改')")).toDouble() ==
              Approx(0.5));
        // Text round-trips through QPSQL unchanged.
        CHECK(db.scalar(QStringLiteral("SELECT '含''引号的整改台账'::text")).toString() ==
              QStringLiteral("含'引号的整改台账"));
    }

    // A second database has another name; both are dropped, one while a session is still open on it.
    const QString other = createServerDatabase();
    REQUIRE(other != url);
    {
        ServerConnection open(other);
        CHECK(open.scalar(QStringLiteral("SELECT 1")).toInt() == 1);
        dropServerDatabase(other);
    }
    dropServerDatabase(url);
    ServerConnection server(admin);
    const QString otherName = form.match(other).captured(1);
    CHECK(server
              .scalar(QStringLiteral("SELECT count(*) FROM pg_database WHERE datname IN ('%1', '%2')")
                          .arg(name, otherName))
              .toInt() == 0);

    // Only databases made here may be dropped.
    CHECK_THROWS_WITH(dropServerDatabase(admin), Catch::Contains("refusing to drop database 'postgres'"));
}

TEST_CASE("pg_support: the server's admin URL names its file when the file is missing",
          "[.pgonly][pg_support]")
{
    const QByteArray saved = qgetenv("RECTRACK_TEST_PG_URL_FILE");
    qputenv("RECTRACK_TEST_PG_URL_FILE", "/nonexistent/pg/url");
    CHECK_THROWS_WITH(pgAdminUrl(),
                      Catch::Contains("/nonexistent/pg/url") && Catch::Contains("pg_server_start"));
    qputenv("RECTRACK_TEST_PG_URL_FILE", saved);
    CHECK(pgAdminUrl().startsWith(QLatin1String("postgresql:///postgres?")));
}
