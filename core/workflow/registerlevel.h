#pragma once

/**
 * The source levels (中央巡视, 省委巡视, 市委巡察, 区县委巡察) in the one order every list shows
 * them, and the level of the register's own inspections (issue #21, item 6): a district office
 * (思明区委巡察办, 十二届区委) registers 区县委巡察 feedback by default, a city office 市委巡察.
 */

#include "domain/types.h"

#include <array>
#include <optional>

namespace rectrack::core {

class Database;

/// The source levels in the order every dialog, filter, chart and report lists them: from the
/// highest level down (中央巡视, 省委巡视, 市委巡察, 区县委巡察).
inline constexpr std::array<SourceLevel, 4> sourceLevelOrder{SourceLevel::Central, SourceLevel::Provincial,
                                                             SourceLevel::Municipal, SourceLevel::District};

/**
 * The level a committee or office name names: 区委/县委/区县/旗委 (district and county
 * committees, tried first because 思明区委 also contains 市 in 厦门市思明区委) → District;
 * 市委/州委/盟委 → Municipal; 省委/自治区党委 → Provincial; 中央 → Central. nullopt when the
 * name names no level (an empty name, 巡察办).
 */
std::optional<SourceLevel> sourceLevelNamedIn(const QString &name);

/**
 * The level of the register's own inspections, read from what the register says of itself, in
 * this order: the office name of its exchange site (思明区委巡察办, given when the register was
 * created), the issuing body and the title of its reports (meta issuing_body, register_title),
 * the names of its terms (十二届区委), newest first. The first
 * that names a level wins; Municipal when none does (the level Rectrack was first written for).
 * Read errors count as "names no level".
 */
SourceLevel registerSourceLevel(Database &db);

} // namespace rectrack::core
