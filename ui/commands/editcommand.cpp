#include "editcommand.h"

#include <QUndoStack>

namespace rectrack::ui {

EditContext::EditContext(QObject *parent) : QObject(parent), m_stack(new QUndoStack(this))
{
    m_stack->setObjectName(QStringLiteral("undoStack"));
}

qint64 EditContext::resolve(const QString &table, qint64 id) const
{
    // Follow the chain: a row re-created by one command's undo may be re-created again by another's.
    for (int hops = 0; hops < 1000; ++hops) {
        const auto it = m_ids.constFind(table + QLatin1Char(':') + QString::number(id));
        if (it == m_ids.constEnd() || *it == id)
            break;
        id = *it;
    }
    return id;
}

void EditContext::remap(const QString &table, qint64 original, qint64 current)
{
    m_ids.insert(table + QLatin1Char(':') + QString::number(original), current);
}

core::Status EditContext::run(QUndoCommand *command)
{
    auto *service = dynamic_cast<ServiceCommand *>(command);
    const core::Status s = service ? service->firstRun() : core::okStatus();
    if (!s) {
        delete command;
        return s;
    }
    m_stack->push(command);
    Q_EMIT changed();
    return s;
}

void EditContext::reportFailure(const core::Error &error)
{
    Q_EMIT failed(error.message);
}

ServiceCommand::ServiceCommand(EditContext *context, const QString &text, Step apply, Step revert)
    : m_context(context), m_apply(std::move(apply)), m_revert(std::move(revert))
{
    setText(text);
}

core::Status ServiceCommand::firstRun()
{
    return m_apply();
}

void ServiceCommand::redo()
{
    if (!m_pushed) { // QUndoStack::push calls redo(): the first run already happened
        m_pushed = true;
        return;
    }
    if (const core::Status s = m_apply(); !s)
        m_context->reportFailure(s.error());
    m_context->notifyChanged();
}

void ServiceCommand::undo()
{
    if (const core::Status s = m_revert(); !s)
        m_context->reportFailure(s.error());
    m_context->notifyChanged();
}

} // namespace rectrack::ui
