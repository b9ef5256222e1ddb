using IncidentBot.Storage;

namespace IncidentBot.Outbox;

/// <summary>
/// One kind of outbox step: what it does at Slack (or a webhook receiver, a pager) for a message of its
/// <see cref="Kind"/>. Steps are a keyed index (<see cref="OutboxSteps"/>), registered by the folder that owns them;
/// <see cref="OutboxDelivery"/> only runs them and keeps the lifecycle (attempts, retries, finishing).
/// </summary>
public interface IOutboxStep
{
    /// <summary>The <see cref="IOutboxPayload.Kind"/> of the messages this step carries out.</summary>
    string Kind { get; }

    /// <summary>
    /// True when a repeat could do the work twice (a second channel, a second post): the attempt is recorded before the
    /// call, so after a crash the step knows to look for its own work first. Every other step may be repeated safely.
    /// </summary>
    bool MayDuplicate { get; }

    /// <summary>Whether the step waits for the war room (see <see cref="IOutboxPayload.NeedsWarRoom"/>).</summary>
    bool NeedsWarRoom { get; }

    /// <summary>Whether the step shows the incident as it is when sent (see <see cref="IOutboxPayload.ShowsCurrentState"/>).</summary>
    bool ShowsCurrentState => false;

    /// <summary>Whether the step leaves the war room read-only (see <see cref="IOutboxPayload.EndsWarRoom"/>).</summary>
    bool EndsWarRoom => false;

    /// <summary>
    /// The step writes what it learnt into <see cref="Incidents.Incident.WarRoom"/> (its channel, its declaration), which
    /// is stored with the message as it finishes. Other steps never write the war room, so a stale copy cannot win.
    /// </summary>
    bool LearnsWarRoom => false;

    /// <summary>The step that creates the war room: when it fails for good, everything that needs the room fails too.</summary>
    bool CreatesWarRoom => false;

    /// <summary>Does the work; a <see cref="Slack.Outbound.SlackApiException"/> or <see cref="OutboundException"/> says why not.</summary>
    Task RunAsync(OutboxAttempt attempt, CancellationToken cancellationToken);

    /// <summary>Slack refused the step for good with <paramref name="slackError"/>: tell whoever should know.</summary>
    Task RefusedAsync(OutboxAttempt attempt, string slackError, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The payload, as JSON, of a message stored before steps had payloads (see <see cref="OutboxMessageV1"/>); null
    /// for a kind added since, which that version never stored.
    /// </summary>
    string? UpgradePayload(OutboxMessageV1 stored);
}
