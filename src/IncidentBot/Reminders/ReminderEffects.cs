using IncidentBot.Changes;
using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Storage;
using NodaTime;

namespace IncidentBot.Reminders;

/// <summary>
/// An update answers every open reminder, whichever way it was posted (the command, the form, an API): each is edited
/// to say who posted it, without its buttons, so no reminder keeps asking for an update that came. An incident that ends
/// closes them the same way, as nobody owes it updates any more.
/// </summary>
public sealed class ReminderEffects(IncidentMessages messages) : IDecisionEffects
{
    public IEnumerable<OutboxMessage> Follow(Incident incident, Decision decision, ResponderId actor, Instant now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(decision);
        var what = decision.Facts.OfType<StatusMoved>().LastOrDefault() is { } moved && !IncidentLifecycle.IsOpen(moved.To)
            ? $"marked {incident.Id} {IncidentLifecycle.Word(moved.To)}"
            : decision.Facts.OfType<UpdatePosted>().Any() ? "posted an update" : null;
        return what is null ? [] : [OutboxMessage.For(incident.Id, new CloseReminders(messages.ReminderDone(incident, actor, what, now)), now)];
    }
}
