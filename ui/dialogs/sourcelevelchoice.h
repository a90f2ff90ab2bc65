#pragma once

#include "domain/types.h"

class QComboBox;

namespace rectrack::ui {

/**
 * The source-level choice of the dialogs that register feedback (登记反馈问题, the import wizard):
 * the levels in core::sourceLevelOrder, defaulting to the register's own level
 * (core::registerSourceLevel: 区县委巡察 in a district register) or to the level last chosen in a
 * register of that level (QSettings feedback/source/<own level's key>), issue #21.
 */
namespace SourceLevelChoice {

/// Fills @p combo with the source levels in core::sourceLevelOrder (item data: int(level)).
void fill(QComboBox *combo);
/// Selects @p level in a combo filled by fill().
void select(QComboBox *combo, core::SourceLevel level);
/// The level a new feedback or import defaults to in a register of level @p own: the last level
/// chosen in a register of that level, else @p own.
core::SourceLevel defaultFor(core::SourceLevel own);
/// Remembers @p chosen as the last level chosen in a register of level @p own.
void remember(core::SourceLevel own, core::SourceLevel chosen);

} // namespace SourceLevelChoice

} // namespace rectrack::ui
