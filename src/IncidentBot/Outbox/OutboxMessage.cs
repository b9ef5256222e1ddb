using NodaTime;

namespace IncidentBot.Outbox;

/// <summary>
/// A Slack side effect decided in a request and stored in the same transaction as the incident change.
/// <see cref="Id"/> grows with every message, so ordering by it is the order things were decided.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public int IncidentId { get; set; }

    public OutboxKind Kind { get; set; }

    public string? Text { get; set; }

    public string? BlocksJson { get; set; }

    public List<string> Users { get; set; } = [];

    public OutboxState State { get; set; }

    /// <summary>How many times a call was started; above zero, a crash may have left Slack ahead of us.</summary>
    public int Attempts { get; set; }

    public Instant CreatedAt { get; set; }

    public Instant NextAttemptAt { get; set; }

    public Instant? FirstAttemptAt { get; set; }

    public string? Error { get; set; }

    public static OutboxMessage For(int incidentId, OutboxKind kind, Instant now) =>
        new() { IncidentId = incidentId, Kind = kind, CreatedAt = now, NextAttemptAt = now };

    /// <summary>A message rendered now, as the decision stood, to be posted in the war room.</summary>
    public static OutboxMessage Post(int incidentId, Messaging.RenderedMessage message, Instant now)
    {
        ArgumentNullException.ThrowIfNull(message);
        var post = For(incidentId, OutboxKind.Post, now);
        post.Text = message.Text;
        post.BlocksJson = message.Blocks.ToJsonString();
        return post;
    }

    public static OutboxMessage Invite(int incidentId, IEnumerable<string> users, Instant now)
    {
        var invite = For(incidentId, OutboxKind.Invite, now);
        invite.Users = users.Distinct(StringComparer.Ordinal).ToList();
        return invite;
    }
}
