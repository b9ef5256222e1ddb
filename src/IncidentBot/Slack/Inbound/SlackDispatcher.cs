using System.Text.Json;
using System.Text.Json.Nodes;

namespace IncidentBot.Slack.Inbound;

/// <summary>
/// The work behind every payload Slack sends, whichever transport brought it (an HTTP request or a Socket Mode
/// envelope): a slash command to its handler, an event to its subscribers once per event id, an interaction to the
/// handler of its action or form. Transports check where the payload came from and read their wire format; the
/// handlers see no difference.
/// </summary>
public sealed partial class SlackDispatcher(
    ISlashCommandHandler commands,
    IEventDeduplicator deduplicator,
    IEnumerable<ISlackEventSubscriber> subscribers,
    IEnumerable<IBlockActionHandler> actionHandlers,
    IEnumerable<IViewSubmissionHandler> viewHandlers,
    ILogger<SlackDispatcher> logger,
    IEnumerable<IMessageShortcutHandler>? shortcutHandlers = null)
{
    /// <summary>The reply to a slash command, as the JSON Slack shows the caller; null for <see cref="SlackReply.None"/>, answered with an empty body.</summary>
    public async Task<JsonObject?> CommandAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        var reply = await ReplyAsync(command, cancellationToken).ConfigureAwait(false);
        return reply.IsNone ? null : reply.ToJson();
    }

    /// <summary>The reply to a slash command, for a transport that writes it itself.</summary>
    public Task<SlackReply> ReplyAsync(SlashCommand command, CancellationToken cancellationToken) =>
        commands.HandleAsync(command, cancellationToken);

    /// <summary>
    /// An Events API <c>event_callback</c> envelope: dropped if its event id was handled, joined if it is being handled,
    /// else to every subscriber of its type; <see cref="SlackDispatchOutcome.Failed"/> when one of them failed.
    /// </summary>
    public async Task<SlackDispatchResult> EventAsync(JsonElement envelope, CancellationToken cancellationToken)
    {
        SlackEvent slackEvent;
        try
        {
            if (!SlackJson.IsReadable(envelope))
            {
                return SlackDispatchResult.Malformed;
            }

            slackEvent = SlackEvent.Parse(envelope);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return SlackDispatchResult.Malformed;
        }

        var outcome = await deduplicator.HandleOnceAsync(slackEvent.EventId, () => RunSubscribersAsync(slackEvent, cancellationToken)).ConfigureAwait(false);
        switch (outcome)
        {
            case SlackDispatchOutcome.Duplicate:
                LogDuplicate(slackEvent.EventId);
                return SlackDispatchResult.Duplicate;
            case SlackDispatchOutcome.Failed:
                return SlackDispatchResult.Failed;
            default:
                return SlackDispatchResult.Handled;
        }
    }

    /// <summary>True when every subscriber handled the event; each runs even when one before it failed.</summary>
    private async Task<bool> RunSubscribersAsync(SlackEvent slackEvent, CancellationToken cancellationToken)
    {
        var handled = true;
        foreach (var subscriber in subscribers.Where(s => s.EventType == slackEvent.Type))
        {
            try
            {
                await subscriber.HandleAsync(slackEvent, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException)
            {
                // An event without the fields its handler needs: sending it again would not mend it.
                LogEventMalformed(ex, slackEvent.Type, slackEvent.EventId);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Not counted as seen: Slack's retry runs the subscribers again, and each of them is idempotent.
                LogHandlerFailed(ex, slackEvent.Type, slackEvent.EventId);
                handled = false;
            }
        }

        return handled;
    }

    /// <summary>
    /// An interaction payload (block_actions, view_submission, message_action; other kinds are ignored). The response is set only when
    /// a form must stay open with field errors (<c>response_action: errors</c>): the handler's own, or, when the handler
    /// failed, one saying so, as an empty answer would close the form with nothing done and nothing said.
    /// </summary>
    public async Task<SlackDispatchResult> InteractionAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        try
        {
            if (!SlackJson.IsReadable(payload))
            {
                return SlackDispatchResult.Malformed;
            }

            var head = payload.ValueKind == JsonValueKind.Object ? payload.Deserialize(SlackInboundContext.Default.EnvelopeHead) : null;
            switch (head?.Type)
            {
                case "block_actions":
                    return await ActionsAsync(BlockActionsPayload.Parse(payload), cancellationToken).ConfigureAwait(false);
                case "view_submission":
                    return await SubmissionAsync(ViewSubmissionPayload.Parse(payload), cancellationToken).ConfigureAwait(false);
                case "message_action":
                    return await ShortcutAsync(MessageShortcutPayload.Parse(payload), cancellationToken).ConfigureAwait(false);
                default:
                    return SlackDispatchResult.Handled;
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return SlackDispatchResult.Malformed;
        }
    }

    private async Task<SlackDispatchResult> ActionsAsync(BlockActionsPayload clicked, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var action in clicked.Actions)
            {
                var handler = actionHandlers.FirstOrDefault(h => h.ActionIds.Contains(action.ActionId));
                if (handler is not null)
                {
                    await handler.HandleAsync(clicked, action, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Slack shows its own "something went wrong" for a failed click; an error answer would add only noise.
            LogInteractionFailed(ex);
        }

        return SlackDispatchResult.Handled;
    }

    private async Task<SlackDispatchResult> ShortcutAsync(MessageShortcutPayload shortcut, CancellationToken cancellationToken)
    {
        if ((shortcutHandlers ?? []).FirstOrDefault(h => h.CallbackId == shortcut.CallbackId) is { } handler)
        {
            try
            {
                await handler.HandleAsync(shortcut, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // As for a click: Slack tells the person it did not work.
                LogInteractionFailed(ex);
            }
        }

        return SlackDispatchResult.Handled;
    }

    private async Task<SlackDispatchResult> SubmissionAsync(ViewSubmissionPayload submission, CancellationToken cancellationToken)
    {
        var handler = viewHandlers.FirstOrDefault(h => h.CallbackId == submission.CallbackId);
        if (handler is null)
        {
            return SlackDispatchResult.Handled;
        }

        IReadOnlyDictionary<string, string> errors;
        try
        {
            errors = await handler.HandleAsync(submission, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogInteractionFailed(ex);
            var block = handler.FailureBlockId ?? submission.Values.Keys.FirstOrDefault();
            if (block is null)
            {
                return SlackDispatchResult.Handled;
            }

            errors = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [block] = "Sorry, something went wrong on my side and this form was not processed. Submit it again; if it keeps failing, use the /incident command instead.",
            };
        }

        return errors.Count == 0
            ? SlackDispatchResult.Handled
            : new SlackDispatchResult(
                SlackDispatchOutcome.Handled,
                JsonSerializer.SerializeToNode(new ViewErrorsReply("errors", errors), SlackInboundContext.Default.ViewErrorsReply)!.AsObject());
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling {EventType} event {EventId} failed")]
    private partial void LogHandlerFailed(Exception ex, string eventType, string eventId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{EventType} event {EventId} lacks what its handler needs; dropped")]
    private partial void LogEventMalformed(Exception ex, string eventType, string eventId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling an interaction failed")]
    private partial void LogInteractionFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped repeated event {EventId}")]
    private partial void LogDuplicate(string eventId);
}
