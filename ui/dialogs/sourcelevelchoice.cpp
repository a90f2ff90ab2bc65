#include "sourcelevelchoice.h"

#include "models/labels.h"
#include "workflow/registerlevel.h"

#include <QComboBox>
#include <QSettings>

namespace rectrack::ui::SourceLevelChoice {

namespace {

QString settingsKey(core::SourceLevel own)
{
    return QStringLiteral("feedback/source/") + core::Names::key(own);
}

} // namespace

void fill(QComboBox *combo)
{
    combo->clear();
    for (const core::SourceLevel s : core::sourceLevelOrder)
        combo->addItem(Labels::source(s), int(s));
}

void select(QComboBox *combo, core::SourceLevel level)
{
    const int i = combo->findData(int(level));
    if (i >= 0)
        combo->setCurrentIndex(i);
}

core::SourceLevel defaultFor(core::SourceLevel own)
{
    return core::Names::sourceLevel(QSettings().value(settingsKey(own)).toString()).value_or(own);
}

void remember(core::SourceLevel own, core::SourceLevel chosen)
{
    QSettings().setValue(settingsKey(own), core::Names::key(chosen));
}

} // namespace rectrack::ui::SourceLevelChoice
