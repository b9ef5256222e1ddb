using System.Text.Json.Nodes;
using IncidentBot.Incidents;
using NodaTime;

namespace IncidentBot.Outbox;

/// <summary>The <see cref="IIncidentEventSink"/> while no webhook or pager delivery is configured: events stay in Slack.</summary>
public sealed class NoIncidentEvents : IIncidentEventSink
{
    public IEnumerable<OutboxMessage> Emit(Incident incident, string eventType, JsonObject data, Instant now) => [];
}
