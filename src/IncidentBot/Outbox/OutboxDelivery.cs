using IncidentBot.Incidents;
using IncidentBot.Slack.Outbound;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;
using NodaTime;

namespace IncidentBot.Outbox;

/// <summary>
/// Carries out one outbox message by the <see cref="IOutboxStep"/> of its kind, and keeps its lifecycle: the attempt is
/// counted (and, for a step that may do its work twice, stored before the call, so after a crash the step looks for its
/// own work first), a transient failure backs off and retries, a refusal finishes the message as failed, and when the
/// war room cannot be created, everything of the incident that needs it fails with it. After
/// <see cref="OutboxOptions.MaxAttempts"/> failed attempts a message is parked with its error; an attempt Slack refused
/// for the bot token is not counted, and the message waits, pending, until the token is accepted again.
/// </summary>
public sealed partial class OutboxDelivery(
    IIncidentStore store, OutboxSteps steps, StoreSignals signals, SlackTokenState token, IOptions<OutboxOptions> options, IClock clock, ILogger<OutboxDelivery> logger)
{
    public async Task<OutboxStep> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (steps.Find(message.Kind) is not { } step)
        {
            LogUnknownKind(message.Id, message.Kind);
            return await FinishAsync(message, null, null, OutboxStep.Failed, "unknown_step").ConfigureAwait(false);
        }

        var incident = store.Find(message.IncidentId);
        if (incident is null && message.IncidentId != OutboxMessage.NoIncident)
        {
            return await FinishAsync(message, step, null, OutboxStep.Failed, "incident_not_found").ConfigureAwait(false);
        }

        var attempt = new OutboxAttempt(message, incident, message.Attempts > 0, clock.GetCurrentInstant());
        message.Attempts++;
        message.FirstAttemptAt ??= attempt.Now;
        if (step.MayDuplicate)
        {
            // Recorded before the call: after a crash, this says Slack may already have done it, so look first.
            await store.SaveOutboxAsync(message).ConfigureAwait(false);
        }

        // The Slack client's retry lines name the incident and the kind they retry for.
        using var origin = SlackCallOrigin.Begin(message.IncidentId.ToString(), message.Kind);
        try
        {
            await step.RunAsync(attempt, cancellationToken).ConfigureAwait(false);
            return await FinishAsync(message, step, incident, OutboxStep.Done, null).ConfigureAwait(false);
        }
        catch (SlackApiException ex) when (ex.IsTokenRefused || token.IsPaused)
        {
            // Not this message's fault: every lane waits for the token (SlackTokenState said so once), and this attempt is not counted.
            message.UncountedAttempts++;
            message.Error = ex.Error;
            await store.SaveOutboxAsync(message).ConfigureAwait(false);
            return OutboxStep.RetryLater;
        }
        catch (SlackApiException ex) when (ex.IsTransient)
        {
            return await RetryLaterAsync(message, "Slack " + ex.Method, ex.Error, ex).ConfigureAwait(false);
        }
        catch (OutboundException ex) when (ex.IsTransient)
        {
            return await RetryLaterAsync(message, ex.Target, ex.Error, ex).ConfigureAwait(false);
        }
        catch (OutboundException ex)
        {
            LogOutboundFailed(ex, message.Id, message.Kind, message.IncidentId, ex.Target, ex.Error);
            return await FinishAsync(message, step, incident, OutboxStep.Failed, ex.Error).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or SlackApiException))
        {
            // A fault of ours (a template, the database): keep the message and back off rather than drop what was promised.
            // Its stack is logged once, when the message is parked; each retry is one line.
            return await RetryLaterAsync(message, "its step", ex.GetType().Name, ex).ConfigureAwait(false);
        }
        catch (SlackApiException ex)
        {
            LogFailed(ex, message.Id, message.Kind, message.IncidentId, ex.Method, ex.Error);
            await step.RefusedAsync(attempt, ex.Error, cancellationToken).ConfigureAwait(false);
            return await FinishAsync(message, step, incident, OutboxStep.Failed, ex.Error).ConfigureAwait(false);
        }
    }

    /// <summary>Whether <paramref name="message"/>'s step leaves the war room read-only (see <see cref="IOutboxStep.EndsWarRoom"/>).</summary>
    public bool EndsWarRoom(OutboxMessage message) => steps.EndsWarRoom(message.Kind);

    /// <summary>
    /// What of <paramref name="batch"/>, one lane's pending messages in order, is still to be delivered. A lane that fell
    /// behind a run of changes (Slack slow or rate limiting, the token refused for a while) sends the topic and the edits of
    /// the pinned declaration and the announcements once, for the incident as it is then, not once per change: a message
    /// that shows the current state, not yet tried, with a later one of its kind and payload behind it is finished without
    /// a call, all of them in one round of writes. Everything else goes, in order, as decided.
    /// </summary>
    public async Task<IReadOnlyList<OutboxMessage>> WithoutSupersededAsync(IReadOnlyList<OutboxMessage> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var later = new HashSet<(string Kind, string Payload)>();
        var superseded = new List<OutboxMessage>();
        for (var i = batch.Count - 1; i >= 0; i--)
        {
            var message = batch[i];
            if (steps.Find(message.Kind) is { ShowsCurrentState: true } && !later.Add((message.Kind, message.Payload)) && message.Attempts == 0)
            {
                message.State = OutboxState.Done;
                superseded.Add(message);
            }
        }

        if (superseded.Count == 0)
        {
            return batch;
        }

        await Task.WhenAll(superseded.Select(message => store.SaveOutboxAsync(message))).ConfigureAwait(false);
        return [.. batch.Where(message => message.State == OutboxState.Pending)];
    }

    /// <summary>Backs off, one Warning line without a stack; parks the message after the last attempt, with the stack of <paramref name="cause"/>.</summary>
    private async Task<OutboxStep> RetryLaterAsync(OutboxMessage message, string failed, string error, Exception cause)
    {
        if (message.Attempts - message.UncountedAttempts >= options.Value.MaxAttempts)
        {
            // Set aside, said in the log and in /health: the lane goes on, and an operator puts it back (GET /admin/outbox).
            message.State = OutboxState.Parked;
            message.Error = error;
            await store.SaveOutboxAsync(message).ConfigureAwait(false);
            LogParked(cause, message.Id, message.Kind, message.IncidentId, message.Attempts - message.UncountedAttempts, failed, error);
            return OutboxStep.Failed;
        }

        var wait = Duration.FromSeconds(Math.Min(300, 1 << Math.Min(message.Attempts, 8)));
        message.NextAttemptAt = clock.GetCurrentInstant() + wait;
        message.Error = error;
        await store.SaveOutboxAsync(message).ConfigureAwait(false);
        LogRetryLater(message.Id, message.Kind, message.IncidentId, failed, error, wait.TotalSeconds);
        return OutboxStep.RetryLater;
    }

    private async Task<OutboxStep> FinishAsync(OutboxMessage message, IOutboxStep? step, Incident? incident, OutboxStep outcome, string? error)
    {
        message.State = outcome == OutboxStep.Done ? OutboxState.Done : OutboxState.Failed;
        message.Error = error;

        // Only the steps that learn something about the war room write it; lanes run side by side, and a stale copy
        // from another step must not overwrite what was just learnt.
        var learnt = step is { LearnsWarRoom: true } ? incident?.WarRoom : null;
        await store.SaveOutboxAsync(message, learnt).ConfigureAwait(false);
        if (step is { CreatesWarRoom: true })
        {
            if (outcome == OutboxStep.Failed)
            {
                // Without a war room nothing else of this incident can reach Slack: set it aside, with the reason.
                await store.FailPendingAsync(message.IncidentId, "war_room_not_created").ConfigureAwait(false);
            }

            // The steps waiting for the channel can go now (or are failed): wake the outbox.
            signals.Outbox.Notify();
        }

        return outcome;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {MessageId} ({Kind}) of {Incident} will be retried: {Method} said {Error}; next try in {Seconds}s")]
    private partial void LogRetryLater(long messageId, string kind, IncidentId incident, string method, string error, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox {MessageId} ({Kind}) of {Incident} is parked after {Attempts} failed attempts: {Method} said {Error}; see GET /admin/outbox")]
    private partial void LogParked(Exception ex, long messageId, string kind, IncidentId incident, int attempts, string method, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox {MessageId} ({Kind}) of {Incident} failed: Slack {Method} said {Error}")]
    private partial void LogFailed(Exception ex, long messageId, string kind, IncidentId incident, string method, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox {MessageId} ({Kind}) of {Incident} failed for good: {Target} said {Error}")]
    private partial void LogOutboundFailed(Exception ex, long messageId, string kind, IncidentId incident, string target, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox {MessageId} is a {Kind}, which no outbox step carries out; it is set aside")]
    private partial void LogUnknownKind(long messageId, string kind);
}
