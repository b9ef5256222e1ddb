using IncidentBot.Messaging;
using IncidentBot.Storage;

namespace IncidentBot.Reminders;

/// <summary>Post the update reminder <paramref name="Message"/> (with its buttons) in the war room, and remember it as open.</summary>
public sealed record PostReminder(RenderedMessage Message) : IOutboxPayload
{
    public static string Kind => "PostReminder";
}
