using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Postmortems;
using IncidentBot.Slack;
using IncidentBot.Slack.Outbound;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;
using NodaTime;

namespace IncidentBot.Outbox;

/// <summary>
/// Carries out one outbox message against Slack, idempotently: each step remembers what it produced (channel id,
/// declaration ts) and, when a previous attempt may have reached Slack before a crash, looks for its own work first
/// (its channel by name and creator, its message by the outbox id in the message metadata) instead of doing it twice.
/// </summary>
public sealed partial class OutboxDelivery(
    IIncidentStore store,
    ISlackApi slack,
    IncidentMessages messages,
    IOptions<IncidentsOptions> options,
    PostmortemUpload postmortems,
    IClock clock,
    ILogger<OutboxDelivery> logger)
{
    public const string MetadataEventType = "incidentbot_message";
    private const int MaxNameTries = 20;
    private string? botUserId;

    public async Task<OutboxStep> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var incident = store.Find(new IncidentId(message.IncidentId));
        if (incident is null)
        {
            return Finish(message, null, OutboxStep.Failed, "incident_not_found");
        }

        var resumed = message.Attempts > 0;
        message.Attempts++;
        message.FirstAttemptAt ??= clock.GetCurrentInstant();
        store.SaveOutbox(message);
        try
        {
            await RunAsync(message, incident, resumed, cancellationToken).ConfigureAwait(false);
            return Finish(message, incident, OutboxStep.Done, null);
        }
        catch (SlackApiException ex) when (ex.IsTransient)
        {
            return RetryLater(message, incident, ex.Error);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or SlackApiException))
        {
            // A fault of ours (a template, the database): keep the message and back off rather than drop what was promised.
            LogUnexpected(ex, message.Id, message.Kind);
            return RetryLater(message, incident, ex.GetType().Name);
        }
        catch (SlackApiException ex)
        {
            LogFailed(message.Id, message.Kind, incident.Id, ex.Method, ex.Error);
            if (message.Kind == OutboxKind.CreateWarRoom)
            {
                await TellReporterAsync(incident, $"I could not create the war room for {incident.Id}: Slack said `{ex.Error}`. The incident is recorded; ask your Slack admin, then declare again.", cancellationToken).ConfigureAwait(false);
            }

            return Finish(message, incident, OutboxStep.Failed, ex.Error);
        }
    }

    private async Task RunAsync(OutboxMessage message, Incident incident, bool resumed, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        switch (message.Kind)
        {
            case OutboxKind.CreateWarRoom:
                await CreateWarRoomAsync(message, incident, ct).ConfigureAwait(false);
                break;
            case OutboxKind.Invite:
                await InviteAsync(WarRoom(incident), message.Users, ct).ConfigureAwait(false);
                break;
            case OutboxKind.PostDeclaration when incident.WarRoom.DeclarationTs is null:
                incident.WarRoom.DeclarationTs = await PostOnceAsync(message, incident, WarRoom(incident), messages.Declaration(incident, now), resumed, ct).ConfigureAwait(false);
                break;
            case OutboxKind.PinDeclaration when incident.WarRoom.DeclarationTs is { } pinTs:
                await IgnoringAsync(slack.AddPinAsync(WarRoom(incident), pinTs, ct), "already_pinned").ConfigureAwait(false);
                break;
            case OutboxKind.SetTopic:
                await slack.SetTopicAsync(WarRoom(incident), IncidentMessages.Topic(incident), ct).ConfigureAwait(false);
                break;
            case OutboxKind.Announce when options.Value.AnnouncementChannel.Length > 0 && !incident.IsPrivate:
                await PostOnceAsync(message, incident, new SlackChannelId(options.Value.AnnouncementChannel), messages.Announcement(incident, now), resumed, ct).ConfigureAwait(false);
                break;
            case OutboxKind.Post:
                var blocks = message.BlocksJson is null ? null : JsonNode.Parse(message.BlocksJson)!.AsArray();
                await PostOnceAsync(message, incident, WarRoom(incident), new RenderedMessage(message.Text ?? "", blocks ?? []), resumed, ct).ConfigureAwait(false);
                break;
            case OutboxKind.RefreshDeclaration when incident.WarRoom.DeclarationTs is { } ts:
                var declaration = messages.Declaration(incident, now);
                await slack.UpdateMessageAsync(new SlackMessage(WarRoom(incident), declaration.Text, declaration.Blocks), ts, ct).ConfigureAwait(false);
                break;
            case OutboxKind.ArchiveWarRoom:
                await IgnoringAsync(slack.ArchiveConversationAsync(WarRoom(incident), ct), "already_archived").ConfigureAwait(false);
                break;
            case OutboxKind.UploadPostmortem:
                await postmortems.UploadAsync(message, incident, ct).ConfigureAwait(false);
                break;
            default:
                // The step has nothing left to do: its result is already recorded, or it does not apply (a private incident is not announced).
                break;
        }
    }

    private async Task CreateWarRoomAsync(OutboxMessage message, Incident incident, CancellationToken ct)
    {
        var room = incident.WarRoom;
        if (room.ChannelId is not null)
        {
            return;
        }

        var name = room.TriedNames.Count > 0 ? room.TriedNames[^1] : room.PlannedName;
        for (var attempt = 1; attempt <= MaxNameTries; attempt++)
        {
            var triedBefore = room.TriedNames.Contains(name);
            if (!triedBefore)
            {
                // Remember the name before asking Slack, so after a crash a name_taken can be recognised as our own.
                room.TriedNames.Add(name);
                store.SaveOutbox(message, incident.WarRoom);
            }

            try
            {
                var channel = await slack.CreateConversationAsync(name, incident.IsPrivate, ct).ConfigureAwait(false);
                (room.ChannelId, room.Name) = (channel.Id, channel.Name);
                return;
            }
            catch (SlackApiException ex) when (ex.Error == "name_taken")
            {
                if (triedBefore && await FindOwnChannelAsync(name, ct).ConfigureAwait(false) is { } own)
                {
                    (room.ChannelId, room.Name) = (own.Id, own.Name);
                    return;
                }

                name = WarRoomNames.WithSuffix(room.PlannedName, attempt + 1);
            }
        }

        throw new SlackApiException("conversations.create", "name_taken");
    }

    private async Task<SlackChannel?> FindOwnChannelAsync(string name, CancellationToken ct)
    {
        botUserId ??= (await slack.AuthTestAsync(ct).ConfigureAwait(false)).UserId;
        string? cursor = null;
        do
        {
            var page = await slack.ListConversationsAsync("public_channel,private_channel", cursor, ct).ConfigureAwait(false);
            var own = page.Channels.FirstOrDefault(c => c.Name == name && c.Creator == botUserId);
            if (own is not null)
            {
                return own;
            }

            cursor = page.NextCursor;
        }
        while (!string.IsNullOrEmpty(cursor));
        return null;
    }

    private async Task InviteAsync(SlackChannelId channel, List<string> users, CancellationToken ct)
    {
        try
        {
            await slack.InviteToConversationAsync(channel, users.Select(u => new SlackUserId(u)).ToList(), ct).ConfigureAwait(false);
        }
        catch (SlackApiException ex) when (ex.Error is "already_in_channel" or "cant_invite_self" && users.Count > 1)
        {
            // One member already in the channel fails the whole call; invite one at a time so the rest still get in.
            foreach (var user in users)
            {
                await IgnoringAsync(slack.InviteToConversationAsync(channel, [new SlackUserId(user)], ct), "already_in_channel", "cant_invite_self").ConfigureAwait(false);
            }
        }
        catch (SlackApiException ex) when (ex.Error is "already_in_channel" or "cant_invite_self")
        {
            LogAlreadyIn(channel.Value);
        }
    }

    private async Task<string> PostOnceAsync(OutboxMessage message, Incident incident, SlackChannelId channel, RenderedMessage rendered, bool resumed, CancellationToken ct)
    {
        if (resumed && await FindPostedAsync(message, channel, ct).ConfigureAwait(false) is { } postedTs)
        {
            return postedTs;
        }

        var metadata = new JsonObject
        {
            ["event_type"] = MetadataEventType,
            ["event_payload"] = new JsonObject { ["incident"] = incident.Id.ToString(), ["outbox_id"] = message.Id },
        };
        var posted = await slack.PostMessageAsync(new SlackMessage(channel, rendered.Text, rendered.Blocks, Metadata: metadata), ct).ConfigureAwait(false);
        return posted.Ts;
    }

    private async Task<string?> FindPostedAsync(OutboxMessage message, SlackChannelId channel, CancellationToken ct)
    {
        var since = (message.FirstAttemptAt ?? message.CreatedAt) - Duration.FromMinutes(1);
        var oldest = since.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var history = await slack.GetHistoryAsync(channel, oldest, 200, ct).ConfigureAwait(false);
        return history.FirstOrDefault(m => IsOurs(m.Metadata, message.Id))?.Ts;
    }

    private static bool IsOurs(JsonElement? metadata, long outboxId) =>
        metadata is { ValueKind: JsonValueKind.Object } m
        && m.TryGetProperty("event_type", out var type) && type.GetString() == MetadataEventType
        && m.TryGetProperty("event_payload", out var payload) && payload.ValueKind == JsonValueKind.Object
        && payload.TryGetProperty("outbox_id", out var id) && id.ValueKind == JsonValueKind.Number && id.GetInt64() == outboxId;

    private async Task TellReporterAsync(Incident incident, string text, CancellationToken ct)
    {
        try
        {
            await slack.PostEphemeralAsync(new SlackMessage(new SlackChannelId(incident.OriginChannel), text), new SlackUserId(incident.Reporter.Value), ct).ConfigureAwait(false);
        }
        catch (SlackApiException ex)
        {
            LogFailed(0, OutboxKind.Post, incident.Id, ex.Method, ex.Error);
        }
    }

    private static SlackChannelId WarRoom(Incident incident) =>
        incident.WarRoom.ChannelId is { } id ? new SlackChannelId(id) : throw new SlackApiException("war_room", "war_room_not_created");

    private static async Task IgnoringAsync(Task call, params string[] harmless)
    {
        try
        {
            await call.ConfigureAwait(false);
        }
        catch (SlackApiException ex) when (harmless.Contains(ex.Error))
        {
            // Slack says the work is already done; that is the outcome this step wants.
        }
    }

    private OutboxStep RetryLater(OutboxMessage message, Incident incident, string error)
    {
        var wait = Duration.FromSeconds(Math.Min(300, 1 << Math.Min(message.Attempts, 8)));
        message.NextAttemptAt = clock.GetCurrentInstant() + wait;
        message.Error = error;
        store.SaveOutbox(message);
        LogRetryLater(message.Id, message.Kind, incident.Id, error, wait.TotalSeconds);
        return OutboxStep.RetryLater;
    }

    private OutboxStep Finish(OutboxMessage message, Incident? incident, OutboxStep step, string? error)
    {
        message.State = step == OutboxStep.Done ? OutboxState.Done : OutboxState.Failed;
        message.Error = error;
        store.SaveOutbox(message, incident?.WarRoom);
        return step;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {MessageId} ({Kind}) of {Incident} will be retried: {Error}; next try in {Seconds}s")]
    private partial void LogRetryLater(long messageId, OutboxKind kind, IncidentId incident, string error, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox {MessageId} ({Kind}) failed unexpectedly; it will be retried")]
    private partial void LogUnexpected(Exception ex, long messageId, OutboxKind kind);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox {MessageId} ({Kind}) of {Incident} failed: Slack {Method} said {Error}")]
    private partial void LogFailed(long messageId, OutboxKind kind, IncidentId incident, string method, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Invitees already in {Channel}")]
    private partial void LogAlreadyIn(string channel);
}
