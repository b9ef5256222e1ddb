using System.Diagnostics;
using System.Text.Json;
using IncidentBot.Incidents;
using IncidentBot.Slack;
using NodaTime;

namespace IncidentBot.Storage;

/// <summary>
/// A Slack side effect decided in a request and stored in the same transaction as the incident change.
/// <see cref="Id"/> grows with every message, so ordering by it is the order things were decided.
/// </summary>
public sealed class OutboxMessage
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters =
        {
            new StringIdJsonConverter<SlackUserId>(id => new SlackUserId(id), id => id.Value),
            new StringIdJsonConverter<SlackChannelId>(id => new SlackChannelId(id), id => id.Value),
        },
    };

    public long Id { get; set; }

    public IncidentId IncidentId { get; set; }

    /// <summary>The <see cref="IOutboxPayload.Kind"/> of <see cref="Payload"/>: which outbox step (<c>Outbox.IOutboxStep</c>) carries it out.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The step's payload record as JSON (see <see cref="PayloadAs{TPayload}"/>).</summary>
    public string Payload { get; set; } = "{}";

    /// <summary>
    /// Lanes of one incident run side by side, each strictly in order: <see cref="MainLane"/> for what people read in
    /// the war room, <see cref="ScribeLane"/> for note confirmations, so a burst of reactions never delays an update,
    /// and a side lane of its own for each of the declaration's steps that need only the channel (invite, topic,
    /// announcement), so they run at the same time as each other and as the declaration's post → pin.
    /// </summary>
    public int Lane { get; set; }

    public const int MainLane = 0;
    public const int ScribeLane = 1;

    /// <summary>The declaration's side steps, each in a lane of its own (see <see cref="InLane"/>).</summary>
    public const int InviteLane = 2;
    public const int TopicLane = 3;
    public const int AnnounceLane = 4;

    /// <summary>The incident id of messages that belong to no incident.</summary>
    public static readonly IncidentId NoIncident = new(0);

    /// <summary>Pager triggers and resolutions of an incident, in order, never held up by Slack.</summary>
    public const int PagerLane = 5;

    /// <summary>The first of the webhook lanes, one per receiver, so a receiver that is down delays only itself.</summary>
    public const int FirstWebhookLane = 10;

    /// <summary>Waits for the war room to exist before it can run; webhooks, pagers and monthly reviews never do.</summary>
    public bool NeedsWarRoom { get; set; }

    /// <summary>
    /// Moves the message to <paramref name="lane"/>: an invite, topic or announcement of a declaration goes to a side lane
    /// of its own, as it depends on nothing but the war room.
    /// </summary>
    public OutboxMessage InLane(int lane)
    {
        Lane = lane;
        return this;
    }

    public OutboxState State { get; set; }

    /// <summary>How many times a call was started; above zero, a crash may have left Slack ahead of us.</summary>
    public int Attempts { get; set; }

    /// <summary>
    /// Attempts that do not count toward <c>Outbox:MaxAttempts</c>: those Slack refused for the bot token (delivery paused),
    /// and all made before an operator put it back from <see cref="OutboxState.Parked"/>.
    /// </summary>
    public int UncountedAttempts { get; set; }

    public Instant CreatedAt { get; set; }

    public Instant NextAttemptAt { get; set; }

    public Instant? FirstAttemptAt { get; set; }

    public string? Error { get; set; }

    /// <summary>The W3C trace context of the span that decided the message; its delivery continues that trace.</summary>
    public string? TraceParent { get; set; }

    /// <summary>A step decided at <paramref name="now"/>, carried out by the outbox step (<c>Outbox.IOutboxStep</c>) of its payload's kind.</summary>
    public static OutboxMessage For<TPayload>(IncidentId incidentId, TPayload payload, Instant now)
        where TPayload : IOutboxPayload =>
        new() { IncidentId = incidentId, Kind = TPayload.Kind, Payload = Serialize(payload), NeedsWarRoom = TPayload.NeedsWarRoom, CreatedAt = now, NextAttemptAt = now, TraceParent = Activity.Current?.Id };

    public TPayload PayloadAs<TPayload>()
        where TPayload : IOutboxPayload =>
        Kind == TPayload.Kind
            ? JsonSerializer.Deserialize<TPayload>(Payload, Json) ?? throw new JsonException($"Outbox message {Id} has no payload.")
            : throw new InvalidOperationException($"Outbox message {Id} is a {Kind}, not a {TPayload.Kind}.");

    public static string Serialize<TPayload>(TPayload payload)
        where TPayload : IOutboxPayload => JsonSerializer.Serialize(payload, Json);
}
