using System.Diagnostics;
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

    /// <summary>The message a step acts on (chat.update, reactions).</summary>
    public string? TargetTs { get; set; }

    /// <summary>
    /// Where a step goes outside the war room: a channel or user (notify), a webhook URL, a pager service, the channel a
    /// monthly review was asked for in.
    /// </summary>
    public string? Target { get; set; }

    /// <summary>The scribe note a step completes.</summary>
    public string? NoteKey { get; set; }

    /// <summary>
    /// Lanes of one incident run side by side, each strictly in order: <see cref="MainLane"/> for what people read in
    /// the war room, <see cref="ScribeLane"/> for note confirmations, so a burst of reactions never delays an update,
    /// and a side lane of its own for each of the declaration's steps that need only the channel (invite, topic,
    /// announcement), so they run at the same time as each other and as the declaration's post → pin.
    /// </summary>
    public int Lane { get; set; }

    public const int MainLane = 0;
    public const int ScribeLane = 1;

    /// <summary>The declaration's side steps, each in a lane of its own (see <see cref="Aside"/>).</summary>
    public const int InviteLane = 2;
    public const int TopicLane = 3;
    public const int AnnounceLane = 4;

    /// <summary>The incident id of messages that belong to no incident.</summary>
    public const int NoIncident = 0;

    /// <summary>Pager triggers and resolutions of an incident, in order, never held up by Slack.</summary>
    public const int PagerLane = 5;

    /// <summary>The first of the webhook lanes, one per receiver, so a receiver that is down delays only itself.</summary>
    public const int FirstWebhookLane = 10;

    /// <summary>Waits for the war room to exist before it can run; webhooks, pagers and monthly reviews never do.</summary>
    public bool NeedsWarRoom => Kind is not (OutboxKind.CreateWarRoom or OutboxKind.Webhook or OutboxKind.Page or OutboxKind.Unpage or OutboxKind.UploadReview);

    /// <summary>Moves an invite, topic or announcement to its own side lane: it depends on nothing but the war room.</summary>
    public OutboxMessage Aside()
    {
        Lane = Kind switch
        {
            OutboxKind.Invite => InviteLane,
            OutboxKind.SetTopic => TopicLane,
            OutboxKind.Announce => AnnounceLane,
            _ => throw new InvalidOperationException($"{Kind} depends on the main lane's order and cannot go aside."),
        };
        return this;
    }

    public OutboxState State { get; set; }

    /// <summary>How many times a call was started; above zero, a crash may have left Slack ahead of us.</summary>
    public int Attempts { get; set; }

    public Instant CreatedAt { get; set; }

    public Instant NextAttemptAt { get; set; }

    public Instant? FirstAttemptAt { get; set; }

    public string? Error { get; set; }

    /// <summary>The W3C trace context of the span that decided the message; its delivery continues that trace.</summary>
    public string? TraceParent { get; set; }

    public static OutboxMessage For(int incidentId, OutboxKind kind, Instant now) =>
        new() { IncidentId = incidentId, Kind = kind, CreatedAt = now, NextAttemptAt = now, TraceParent = Activity.Current?.Id };

    /// <summary>A message rendered now, as the decision stood, to be posted in the war room.</summary>
    public static OutboxMessage Post(int incidentId, Messaging.RenderedMessage message, Instant now)
    {
        ArgumentNullException.ThrowIfNull(message);
        var post = For(incidentId, OutboxKind.Post, now);
        post.Text = message.Text;
        post.BlocksJson = message.Blocks.ToJsonString();
        return post;
    }

    /// <summary>Replaces the war-room message at <paramref name="ts"/> with <paramref name="message"/>.</summary>
    public static OutboxMessage Update(int incidentId, string ts, Messaging.RenderedMessage message, Instant now)
    {
        ArgumentNullException.ThrowIfNull(message);
        var update = For(incidentId, OutboxKind.UpdateMessage, now);
        update.TargetTs = ts;
        update.Text = message.Text;
        update.BlocksJson = message.Blocks.ToJsonString();
        return update;
    }

    public static OutboxMessage Ephemeral(int incidentId, string user, string text, Instant now)
    {
        var ephemeral = For(incidentId, OutboxKind.Ephemeral, now);
        ephemeral.Users = [user];
        ephemeral.Text = text;
        return ephemeral;
    }

    public static OutboxMessage Scribe(int incidentId, OutboxKind kind, string noteKey, string ts, Instant now)
    {
        var step = For(incidentId, kind, now);
        step.Lane = ScribeLane;
        step.NoteKey = noteKey;
        step.TargetTs = ts;
        return step;
    }

    public static OutboxMessage Invite(int incidentId, IEnumerable<string> users, Instant now)
    {
        var invite = For(incidentId, OutboxKind.Invite, now);
        invite.Users = users.Distinct(StringComparer.Ordinal).ToList();
        return invite;
    }
}
