using IncidentBot.Incidents;
using IncidentBot.Slack;
using IncidentBot.Slack.Outbound;
using IncidentBot.Storage;
using NodaTime;

namespace IncidentBot.Outbox;

/// <summary>One attempt at an outbox message, as a step sees it.</summary>
public sealed class OutboxAttempt(OutboxMessage message, Incident? incident, bool resumed, Instant now)
{
    public OutboxMessage Message { get; } = message;

    /// <summary>The incident as it is now; a message of <see cref="OutboxMessage.NoIncident"/> has none.</summary>
    public Incident Incident => incident ?? throw new InvalidOperationException($"Outbox message {Message.Id} belongs to no incident.");

    /// <summary>An earlier attempt was started: a crash may have left Slack ahead of the outbox.</summary>
    public bool Resumed { get; } = resumed;

    public Instant Now { get; } = now;

    /// <summary>The incident's war room; Slack's own error when it was never created.</summary>
    public SlackChannelId WarRoom =>
        Incident.WarRoom.ChannelId is { } id ? new SlackChannelId(id) : throw new SlackApiException("war_room", "war_room_not_created");
}
