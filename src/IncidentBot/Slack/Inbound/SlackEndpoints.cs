using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace IncidentBot.Slack.Inbound;

/// <summary>
/// The three request URLs Slack calls, all behind <see cref="SlackSignatureFilter"/>. They read HTTP's wire format and
/// hand the payload to <see cref="SlackDispatcher"/>, the same code path Socket Mode envelopes take.
/// </summary>
public static class SlackEndpoints
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

    private static async Task<IResult> CommandAsync(HttpContext context, SlackDispatcher dispatcher)
    {
        var command = SlashCommand.Parse(Encoding.UTF8.GetString(SlackSignatureFilter.VerifiedBody(context)));
        if (command is null)
        {
            return Results.BadRequest("not a slash command: user_id, channel_id and command are required");
        }

        return (await dispatcher.ReplyAsync(command, context.RequestAborted).ConfigureAwait(false)).ToResult();
    }

    private static async Task<IResult> EventAsync(HttpContext context, SlackDispatcher dispatcher)
    {
        JsonDocument doc;
        EnvelopeHead? head;
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
            try
            {
                // A type or challenge that is not a string, or a string that is not text, is no envelope.
                head = root.ValueKind == JsonValueKind.Object ? root.Deserialize(SlackInboundContext.Default.EnvelopeHead) : null;
            }
            catch (JsonException)
            {
                return Results.BadRequest("the envelope's type or challenge is not a string");
            }

            var type = head?.Type;
            if (type == "url_verification")
            {
                return head?.Challenge is { } challenge
                    ? Results.Json(new ChallengeReply(challenge), SlackInboundContext.Default.ChallengeReply)
                    : Results.BadRequest("challenge is missing");
            }

            if (type != "event_callback")
            {
                return Results.BadRequest($"unsupported envelope type '{type}'");
            }

            var result = await dispatcher.EventAsync(root, context.RequestAborted).ConfigureAwait(false);
            return result.Outcome switch
            {
                SlackDispatchOutcome.Malformed => Results.BadRequest("malformed event_callback"),
                // An answer that makes Slack send the event again (X-Slack-Retry-Num), which a failed handler needs, as does
                // an event another replica is still handling: not handled yet, rather than a fault of the server.
                SlackDispatchOutcome.Failed => Results.Text("not handled yet; send it again", statusCode: StatusCodes.Status503ServiceUnavailable),
                _ => Results.Ok(),
            };
        }
    }

    private static async Task<IResult> InteractionAsync(HttpContext context, SlackDispatcher dispatcher)
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
            var result = await dispatcher.InteractionAsync(doc.RootElement, context.RequestAborted).ConfigureAwait(false);
            return result switch
            {
                { Outcome: SlackDispatchOutcome.Malformed } => Results.BadRequest("malformed interaction payload"),
                { Response: { } response } => Results.Json(response),
                _ => Results.Ok(),
            };
        }
    }
}
