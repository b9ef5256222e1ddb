using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentBot.Slack.Inbound;

namespace IncidentBot.Slack.SocketMode;

/// <summary>
/// Turns one Socket Mode envelope into the same <see cref="SlackDispatcher"/> call its HTTP twin makes, and
/// acknowledges it: an event once its handlers succeeded (an envelope left unacknowledged is what makes Slack deliver
/// it again, so a failed handler gets its retry); a button click at once; else with the answer (a slash command's
/// reply, a form's <c>response_action</c>) as soon as the handler gives it.
/// </summary>
public sealed partial class SocketEnvelopeHandler(SlackDispatcher dispatcher, RecentEnvelopes recent, ILogger<SocketEnvelopeHandler> logger)
{
    /// <summary>
    /// Handles <paramref name="envelope"/> once, however often Slack delivers it, and acknowledges through
    /// <paramref name="acknowledge"/> every delivery but that of an event whose handler failed.
    /// </summary>
    public async Task HandleAsync(SocketModeFrame envelope, Func<JsonObject, Task> acknowledge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(acknowledge);
        var id = envelope.EnvelopeId ?? throw new ArgumentException("not an envelope", nameof(envelope));
        if (envelope.Type == "events_api")
        {
            // Deduplicated by event id, which also joins the same event arriving over HTTP, so not by envelope.
            await EventAsync(envelope, id, acknowledge, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!envelope.AcceptsResponsePayload)
        {
            // Nothing to answer, so Slack's 3 s never depend on how long the handlers take.
            await acknowledge(Ack(id, null)).ConfigureAwait(false);
        }

        var (run, first) = recent.Begin(id, () => ProcessAsync(envelope, cancellationToken));
        if (!first)
        {
            LogRepeat(envelope.Type, id, envelope.RetryAttempt);
            if (!envelope.AcceptsResponsePayload)
            {
                return;
            }
        }

        var outcome = await run.ConfigureAwait(false);
        if (outcome.Claim == DeliveryClaimState.Busy)
        {
            // Left unacknowledged, so Slack delivers it again: by then the other replica has its answer, or is gone.
            LogRunningElsewhere(envelope.Type, id, envelope.RetryAttempt);
            return;
        }

        if (first && outcome.Claim == DeliveryClaimState.Done)
        {
            LogRepeat(envelope.Type, id, envelope.RetryAttempt);
        }

        if (envelope.AcceptsResponsePayload)
        {
            // A redelivery gets the first delivery's answer: the command ran once.
            await acknowledge(Ack(id, outcome.Answer)).ConfigureAwait(false);
        }
    }

    private async Task EventAsync(SocketModeFrame envelope, string id, Func<JsonObject, Task> acknowledge, CancellationToken cancellationToken)
    {
        var handled = await dispatcher.EventAsync(envelope.Payload, cancellationToken).ConfigureAwait(false);
        switch (handled.Outcome)
        {
            case SlackDispatchOutcome.Failed:
                LogEventNotAcknowledged(id, envelope.RetryAttempt);
                return;
            case SlackDispatchOutcome.Malformed:
                LogMalformed(envelope.Type, id);
                break;
            case SlackDispatchOutcome.Duplicate:
                LogRepeat(envelope.Type, id, envelope.RetryAttempt);
                break;
        }

        await acknowledge(Ack(id, null)).ConfigureAwait(false);
    }

    private static JsonObject Ack(string envelopeId, JsonObject? payload) =>
        JsonSerializer.SerializeToNode(new SocketModeAck(envelopeId, payload), SlackInboundContext.Default.SocketModeAck)!.AsObject();

    private async Task<JsonObject?> ProcessAsync(SocketModeFrame envelope, CancellationToken cancellationToken)
    {
        var id = envelope.EnvelopeId!;
        try
        {
            switch (envelope.Type)
            {
                case "slash_commands":
                    var command = SlashCommand.FromJson(envelope.Payload);
                    if (command is null)
                    {
                        LogMalformed(envelope.Type, id);
                        return null;
                    }

                    return await dispatcher.CommandAsync(command, cancellationToken).ConfigureAwait(false);
                case "interactive":
                    var result = await dispatcher.InteractionAsync(envelope.Payload, cancellationToken).ConfigureAwait(false);
                    if (result.Outcome == SlackDispatchOutcome.Malformed)
                    {
                        LogMalformed(envelope.Type, id);
                    }

                    return result.Response;
                default:
                    LogUnsupported(envelope.Type, id);
                    return null;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Over HTTP this would be a 500; here the envelope is still acknowledged, or Slack would deliver it again.
            LogFailed(ex, envelope.Type, id);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Socket Mode {Type} envelope {EnvelopeId} delivered again (retry {RetryAttempt}); handled once")]
    private partial void LogRepeat(string type, string envelopeId, int retryAttempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Socket Mode {Type} envelope {EnvelopeId} (retry {RetryAttempt}) could not be claimed here (another replica is on it, or the shared store is unreachable); left for Slack to send again")]
    private partial void LogRunningElsewhere(string type, string envelopeId, int retryAttempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode {Type} envelope {EnvelopeId} is malformed; acknowledged and dropped")]
    private partial void LogMalformed(string type, string envelopeId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Socket Mode envelope type {Type} ({EnvelopeId}) is not handled; acknowledged")]
    private partial void LogUnsupported(string type, string envelopeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode events_api envelope {EnvelopeId} (retry {RetryAttempt}) not acknowledged: a handler failed, so Slack sends it again")]
    private partial void LogEventNotAcknowledged(string envelopeId, int retryAttempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling Socket Mode {Type} envelope {EnvelopeId} failed")]
    private partial void LogFailed(Exception ex, string type, string envelopeId);
}
