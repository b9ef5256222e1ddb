using System.Text.Json.Nodes;
using IncidentBot.Incidents;
using IncidentBot.Storage;
using NodaTime;

namespace IncidentBot.Outbox;

/// <summary>
/// Where incident events go beyond Slack (outgoing webhooks, pagers). An event becomes outbox messages that are stored
/// in the same transaction as the change that raised it, so it is never lost and never sent for a change that was not
/// kept. <c>Webhooks.WebhookEvents</c> sends them to every configured receiver (none: nothing is sent).
/// </summary>
public interface IIncidentEventSink
{
    /// <param name="incident">The incident as changed.</param>
    /// <param name="eventType">Dotted name, e.g. <c>statuspage.draft</c>.</param>
    /// <param name="data">The event's own fields (the sink adds the incident's id and whatever else its receivers need).</param>
    /// <param name="now">When the event happened.</param>
    IEnumerable<OutboxMessage> Emit(Incident incident, string eventType, JsonObject data, Instant now);
}
