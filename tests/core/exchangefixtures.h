#pragma once

// Helpers shared by the exchange tests (tests/core/test_exchange*.cpp): whole files read and
// written, and packages forged the way an attacker or a copied register would send them.

#include <catch2/catch.hpp>

#include "exchange/package.h"
#include "exchange/signing.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace rectrack::test {

inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

inline void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(f.write(bytes) == bytes.size());
}

/**
 * The package @p file with the problem rows @p extra added to its rows.json, the manifest's hash
 * and size of rows.json updated and the manifest signed again with @p privateKey (the sender's
 * Ed25519 key): a correctly signed package that claims rows it should not (rows the receiver owns,
 * as a register copied from another one would send). Written to @p forgedPath, which is returned.
 */
inline QString withExtraProblems(const QString &file, const QList<QJsonObject> &extra,
                                 const QByteArray &privateKey, const QString &forgedPath)
{
    auto entries = core::exchange::PackageArchive::read(readAll(file), QStringLiteral("p"));
    REQUIRE(entries.ok());
    qsizetype rowsAt = -1;
    for (qsizetype i = 0; i < entries->size(); ++i)
        if (entries->at(i).first == QLatin1String("rows.json"))
            rowsAt = i;
    REQUIRE(rowsAt > 0);
    QJsonObject rows = QJsonDocument::fromJson(entries->at(rowsAt).second).object();
    QJsonObject tables = rows.value(QLatin1String("tables")).toObject();
    QJsonArray problems = tables.value(QLatin1String("problems")).toArray();
    for (const QJsonObject &row : extra)
        problems.append(row);
    tables.insert(QStringLiteral("problems"), problems);
    rows.insert(QStringLiteral("tables"), tables);
    const QByteArray rowsJson = QJsonDocument(rows).toJson(QJsonDocument::Compact);
    (*entries)[rowsAt].second = rowsJson;
    QJsonObject manifest = QJsonDocument::fromJson(entries->at(0).second).object();
    QJsonArray listed = manifest.value(QLatin1String("entries")).toArray();
    for (qsizetype i = 0; i < listed.size(); ++i) {
        QJsonObject e = listed.at(i).toObject();
        if (e.value(QLatin1String("name")).toString() == QLatin1String("rows.json")) {
            e.insert(
                QStringLiteral("sha256"),
                QString::fromLatin1(QCryptographicHash::hash(rowsJson, QCryptographicHash::Sha256).toHex()));
            e.insert(QStringLiteral("size"), qint64(rowsJson.size()));
            listed.replace(i, e);
        }
    }
    manifest.insert(QStringLiteral("entries"), listed);
    const QByteArray json = QJsonDocument(manifest).toJson(QJsonDocument::Indented);
    (*entries)[0].second = json;
    (*entries)[1].second = core::exchange::sign(privateKey, json).toBase64() + '\n';
    writeAll(forgedPath, *core::exchange::PackageArchive::write(*entries));
    return forgedPath;
}

} // namespace rectrack::test
