using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace IncidentBot.Slack.Inbound;

/// <summary>The three request URLs Slack calls, all behind <see cref="SlackSignatureFilter"/>.</summary>
public static partial class SlackEndpoints
{
    public static RouteGroupBuilder MapSlack(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/slack");
        group.AddEndpointFilter<SlackSignatureFilter>();
        group.MapPost("/commands", CommandAsync);
        group.MapPost("/events", EventAsync);
        group.MapPost("/interactions", InteractionAsync);
        return group;
    }

    private static async Task<IResult> CommandAsync(HttpContext context, ISlashCommandHandler handler)
    {
        var command = SlashCommand.Parse(Encoding.UTF8.GetString(SlackSignatureFilter.VerifiedBody(context)));
        if (command is null)
        {
            return Results.BadRequest("not a slash command: user_id, channel_id and command are required");
        }

        var reply = await handler.HandleAsync(command, context.RequestAborted).ConfigureAwait(false);
        return Results.Json(reply.ToJson());
    }

    private static async Task<IResult> EventAsync(
        HttpContext context,
        IEventDeduplicator deduplicator,
        IEnumerable<ISlackEventSubscriber> subscribers,
        ILoggerFactory loggers)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(SlackSignatureFilter.VerifiedBody(context));
        }
        catch (JsonException)
        {
            return Results.BadRequest("body is not JSON");
        }

        using (doc)
        {
            var root = doc.RootElement;
            var type = root.ValueKind == JsonValueKind.Object ? SlackJson.Text(root, "type") : null;
            if (type == "url_verification")
            {
                var challenge = SlackJson.Text(root, "challenge");
                return challenge is null ? Results.BadRequest("challenge is missing") : Results.Json(new JsonObject { ["challenge"] = challenge });
            }

            if (type != "event_callback")
            {
                return Results.BadRequest($"unsupported envelope type '{type}'");
            }

            SlackEvent slackEvent;
            try
            {
                slackEvent = SlackEvent.Parse(root);
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                return Results.BadRequest("malformed event_callback");
            }

            var logger = loggers.CreateLogger(typeof(SlackEndpoints));
            if (!deduplicator.TryRecord(slackEvent.EventId))
            {
                LogDuplicate(logger, slackEvent.EventId);
                return Results.Ok();
            }

            foreach (var subscriber in subscribers.Where(s => s.EventType == slackEvent.Type))
            {
                try
                {
                    await subscriber.HandleAsync(slackEvent, context.RequestAborted).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The event id is already recorded, so a Slack retry would be dropped anyway: log it, answer 200.
                    LogHandlerFailed(logger, ex, slackEvent.Type, slackEvent.EventId);
                }
            }

            return Results.Ok();
        }
    }

    private static async Task<IResult> InteractionAsync(
        HttpContext context,
        IEnumerable<IBlockActionHandler> actionHandlers,
        IEnumerable<IViewSubmissionHandler> viewHandlers,
        ILoggerFactory loggers)
    {
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(SlackSignatureFilter.VerifiedBody(context)));
        if (!form.TryGetValue("payload", out var payloadText))
        {
            return Results.BadRequest("form field 'payload' is missing");
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(payloadText.ToString());
        }
        catch (JsonException)
        {
            return Results.BadRequest("payload is not JSON");
        }

        using (doc)
        {
            try
            {
                var root = doc.RootElement;
                switch (SlackJson.Text(root, "type"))
                {
                    case "block_actions":
                        var payload = BlockActionsPayload.Parse(root);
                        foreach (var action in payload.Actions)
                        {
                            var handler = actionHandlers.FirstOrDefault(h => h.ActionIds.Contains(action.ActionId));
                            if (handler is not null)
                            {
                                await handler.HandleAsync(payload, action, context.RequestAborted).ConfigureAwait(false);
                            }
                        }

                        return Results.Ok();
                    case "view_submission":
                        var submission = ViewSubmissionPayload.Parse(root);
                        var viewHandler = viewHandlers.FirstOrDefault(h => h.CallbackId == submission.CallbackId);
                        if (viewHandler is null)
                        {
                            return Results.Ok();
                        }

                        var errors = await viewHandler.HandleAsync(submission, context.RequestAborted).ConfigureAwait(false);
                        return errors.Count == 0
                            ? Results.Ok()
                            : Results.Json(new JsonObject
                            {
                                ["response_action"] = "errors",
                                ["errors"] = new JsonObject(errors.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)e.Value))),
                            });
                    default:
                        return Results.Ok();
                }
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                return Results.BadRequest("malformed interaction payload");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Slack shows its own "something went wrong" for a failed interaction; a 500 would add nothing but noise.
                LogInteractionFailed(loggers.CreateLogger(typeof(SlackEndpoints)), ex);
                return Results.Ok();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling {EventType} event {EventId} failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception ex, string eventType, string eventId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling an interaction failed")]
    private static partial void LogInteractionFailed(ILogger logger, Exception ex);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped repeated event {EventId}")]
    private static partial void LogDuplicate(ILogger logger, string eventId);
}
