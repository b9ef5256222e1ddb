using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentBot.Messaging;
using IncidentBot.Slack;
using IncidentBot.Slack.Outbound;
using IncidentBot.Storage;
using NodaTime;

namespace IncidentBot.Outbox;

/// <summary>
/// The Slack calls outbox steps share: a post made once (after a crash, found again by the outbox id in its message
/// metadata instead of posted twice), a best-effort ephemeral, and Slack errors that mean the work is already done.
/// </summary>
public sealed partial class OutboxSlack(ISlackApi slack, ILogger<OutboxSlack> logger)
{
    public const string MetadataEventType = "incidentbot_message";

    /// <summary>
    /// Posts <paramref name="rendered"/> in <paramref name="channel"/> with the message's metadata and returns its ts;
    /// when <paramref name="lookFirst"/> (a resumed attempt), first looks for the post an earlier attempt made.
    /// </summary>
    public async Task<string> PostOnceAsync(OutboxAttempt attempt, SlackChannelId channel, RenderedMessage rendered, bool lookFirst, CancellationToken ct, bool linkNames = false)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(rendered);
        var message = attempt.Message;
        if (lookFirst && await FindPostedAsync(message, channel, ct).ConfigureAwait(false) is { } postedTs)
        {
            return postedTs;
        }

        var posted = await slack.PostMessageAsync(new SlackMessage(channel, rendered.Text, rendered.Blocks, Metadata: Metadata(attempt), LinkNames: linkNames), ct).ConfigureAwait(false);
        return posted.Ts;
    }

    /// <summary>
    /// Posts <paramref name="rendered"/> as a reply in the thread of <paramref name="threadTs"/>, once: a resumed attempt
    /// first looks among the thread's replies (history does not show them) for the reply an earlier attempt made.
    /// </summary>
    public async Task<string> PostOnceInThreadAsync(OutboxAttempt attempt, SlackChannelId channel, string threadTs, RenderedMessage rendered, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(rendered);
        if (attempt.Resumed)
        {
            var replies = await slack.GetRepliesAsync(channel, threadTs, ct).ConfigureAwait(false);
            if (replies.FirstOrDefault(m => IsOurs(m.Metadata, attempt.Message.Id)) is { } posted)
            {
                return posted.Ts;
            }
        }

        var reply = new SlackMessage(channel, rendered.Text, rendered.Blocks, ThreadTs: threadTs, Metadata: Metadata(attempt));
        return (await slack.PostMessageAsync(reply, ct).ConfigureAwait(false)).Ts;
    }

    /// <summary>Best effort: the person is told if Slack lets the bot, and the log has it either way.</summary>
    public async Task TellAsync(SlackChannelId channel, SlackUserId user, string text, CancellationToken ct)
    {
        try
        {
            await slack.PostEphemeralAsync(new SlackMessage(channel, text), user, ct).ConfigureAwait(false);
        }
        catch (SlackApiException ex)
        {
            LogNotTold(user.Value, ex.Error);
        }
    }

    /// <summary>Awaits <paramref name="call"/>, taking Slack's <paramref name="harmless"/> errors as success.</summary>
    public static async Task IgnoringAsync(Task call, params string[] harmless)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            await call.ConfigureAwait(false);
        }
        catch (SlackApiException ex) when (harmless.Contains(ex.Error))
        {
            // Slack says the work is already done; that is the outcome the step wants.
        }
    }

    /// <summary>Whether <paramref name="metadata"/> is the bot's own, of <paramref name="incident"/>.</summary>
    public static bool IsOfIncident(JsonElement? metadata, string incident) =>
        Payload(metadata) is { } payload && payload.TryGetProperty("incident", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() == incident;

    private async Task<string?> FindPostedAsync(OutboxMessage message, SlackChannelId channel, CancellationToken ct)
    {
        var since = (message.FirstAttemptAt ?? message.CreatedAt) - Duration.FromMinutes(1);
        var oldest = since.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var history = await slack.GetHistoryAsync(channel, oldest, 200, ct).ConfigureAwait(false);
        return history.FirstOrDefault(m => IsOurs(m.Metadata, message.Id))?.Ts;
    }

    private static JsonObject Metadata(OutboxAttempt attempt) => new()
    {
        ["event_type"] = MetadataEventType,
        ["event_payload"] = new JsonObject { ["incident"] = attempt.Incident.Id.ToString(), ["outbox_id"] = attempt.Message.Id },
    };

    private static bool IsOurs(JsonElement? metadata, long outboxId) =>
        Payload(metadata) is { } payload && payload.TryGetProperty("outbox_id", out var id) && id.ValueKind == JsonValueKind.Number && id.GetInt64() == outboxId;

    private static JsonElement? Payload(JsonElement? metadata) =>
        metadata is { ValueKind: JsonValueKind.Object } m
        && m.TryGetProperty("event_type", out var type) && type.GetString() == MetadataEventType
        && m.TryGetProperty("event_payload", out var payload) && payload.ValueKind == JsonValueKind.Object
            ? payload
            : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell {User} of a failure: {Error}")]
    private partial void LogNotTold(string user, string error);
}
