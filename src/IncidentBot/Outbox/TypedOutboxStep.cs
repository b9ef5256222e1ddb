using IncidentBot.Storage;

namespace IncidentBot.Outbox;

/// <summary>An <see cref="IOutboxStep"/> whose messages carry a <typeparamref name="TPayload"/>.</summary>
public abstract class TypedOutboxStep<TPayload> : IOutboxStep
    where TPayload : IOutboxPayload
{
    public string Kind => TPayload.Kind;

    public virtual bool MayDuplicate => false;

    public bool NeedsWarRoom => TPayload.NeedsWarRoom;

    public bool ShowsCurrentState => TPayload.ShowsCurrentState;

    public bool EndsWarRoom => TPayload.EndsWarRoom;

    public virtual bool LearnsWarRoom => false;

    public virtual bool CreatesWarRoom => false;

    public Task RunAsync(OutboxAttempt attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return RunAsync(attempt, attempt.Message.PayloadAs<TPayload>(), cancellationToken);
    }

    public Task RefusedAsync(OutboxAttempt attempt, string slackError, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return RefusedAsync(attempt, attempt.Message.PayloadAs<TPayload>(), slackError, cancellationToken);
    }

    public string? UpgradePayload(OutboxMessageV1 stored) => Upgrade(stored) is { } payload ? OutboxMessage.Serialize(payload) : null;

    protected abstract Task RunAsync(OutboxAttempt attempt, TPayload payload, CancellationToken cancellationToken);

    protected virtual Task RefusedAsync(OutboxAttempt attempt, TPayload payload, string slackError, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The payload of a message stored before payloads, from the shared fields it had then. Only the kinds of that
    /// version override it: a kind added since was born with its payload, so no message of it was stored without one.
    /// </summary>
    protected virtual TPayload? Upgrade(OutboxMessageV1 stored) => default;
}
