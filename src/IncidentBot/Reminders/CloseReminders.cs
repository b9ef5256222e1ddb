using System.Text.Json.Serialization;
using IncidentBot.Messaging;
using IncidentBot.Storage;

namespace IncidentBot.Reminders;

/// <summary>
/// Edit every open reminder of the incident (see <see cref="Incidents.Incident.OpenReminders"/>), and the one at
/// <paramref name="Ts"/> when given (the reminder whose button was clicked), to <paramref name="Message"/>: the answer,
/// without buttons.
/// </summary>
public sealed record CloseReminders(RenderedMessage Message, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Ts = null) : IOutboxPayload
{
    public static string Kind => "CloseReminders";
}
