namespace IncidentBot.Storage;

/// <summary>
/// What one kind of outbox step needs to know, stored as JSON in <see cref="OutboxMessage.Payload"/>. Each kind is a
/// small record in the folder that owns its step (see <c>Outbox.IOutboxStep</c>); its <see cref="Kind"/> is the key the
/// delivery finds that step by.
/// </summary>
public interface IOutboxPayload
{
    /// <summary>The step's key, stored with the message: never renamed, as stored messages carry it.</summary>
    static abstract string Kind { get; }

    /// <summary>Whether the step waits for the war room to exist, and fails with it when Slack refuses it.</summary>
    static virtual bool NeedsWarRoom => true;

    /// <summary>
    /// Whether the step shows the incident as it is when sent (the topic, an edit of the pinned declaration or of the
    /// announcements), so that a later message of the same kind and payload in the lane does everything this one would.
    /// </summary>
    static virtual bool ShowsCurrentState => false;

    /// <summary>
    /// Whether the step leaves the war room read-only (its archive): it waits until no other lane of the incident has a
    /// message for the war room, which would otherwise fail once it is done.
    /// </summary>
    static virtual bool EndsWarRoom => false;
}
