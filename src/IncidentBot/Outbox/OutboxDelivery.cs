using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Metrics;
using IncidentBot.Postmortems;
using IncidentBot.Scribe;
using IncidentBot.Slack;
using IncidentBot.Slack.Outbound;
using IncidentBot.StatusPages;
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
    ScribeOutboxSteps scribe,
    PostmortemUpload postmortems,
    Webhooks.WebhookSender webhooks,
    Paging.PagerClient pagers,
    ReviewUpload reviews,
    INoteStore notes,
    WarRoomFailure warRoomFailure,
    AnnouncementRefresh announcement,
    StoreSignals signals,
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
        if (incident is null && message.Kind != OutboxKind.UploadReview)
        {
            return await FinishAsync(message, null, OutboxStep.Failed, "incident_not_found").ConfigureAwait(false);
        }

        var resumed = message.Attempts > 0;
        message.Attempts++;
        message.FirstAttemptAt ??= clock.GetCurrentInstant();
        if (MayDuplicate(message.Kind))
        {
            // Recorded before the call: after a crash, this says Slack may already have done it, so look first.
            await store.SaveOutboxAsync(message).ConfigureAwait(false);
        }
        try
        {
            if (incident is null)
            {
                await reviews.UploadAsync(message, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await RunAsync(message, incident, resumed, cancellationToken).ConfigureAwait(false);
            }

            return await FinishAsync(message, incident, OutboxStep.Done, null).ConfigureAwait(false);
        }
        catch (SlackApiException ex) when (ex.IsTransient)
        {
            return await RetryLaterAsync(message, ex.Error).ConfigureAwait(false);
        }
        catch (OutboundException ex) when (ex.IsTransient)
        {
            return await RetryLaterAsync(message, ex.Error).ConfigureAwait(false);
        }
        catch (OutboundException ex)
        {
            LogOutboundFailed(message.Id, message.Kind, new IncidentId(message.IncidentId), ex.Target, ex.Error);
            return await FinishAsync(message, incident, OutboxStep.Failed, ex.Error).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or SlackApiException))
        {
            // A fault of ours (a template, the database): keep the message and back off rather than drop what was promised.
            LogUnexpected(ex, message.Id, message.Kind);
            return await RetryLaterAsync(message, ex.GetType().Name).ConfigureAwait(false);
        }
        catch (SlackApiException ex)
        {
            LogFailed(message.Id, message.Kind, new IncidentId(message.IncidentId), ex.Method, ex.Error);
            if (incident is null)
            {
                await TellAsync(message.Target ?? "", message.Users.FirstOrDefault() ?? "", $"I could not share the monthly review: Slack said `{ex.Error}`. Is the bot in this channel? Invite it, then ask again.", cancellationToken).ConfigureAwait(false);
            }
            else if (message.Kind == OutboxKind.CreateWarRoom)
            {
                await warRoomFailure.HandleAsync(incident, ex.Error, cancellationToken).ConfigureAwait(false);
            }
            else if (message.Kind == OutboxKind.FetchNoteText && message.Users is [var reactor] && incident.WarRoom.ChannelId is { } room)
            {
                await notes.RemoveAsync(message.NoteKey ?? "").ConfigureAwait(false);
                await TellAsync(room, reactor, $"I could not read that message (Slack said `{ex.Error}`), so it is not on {incident.Id}'s timeline. Add it by hand: `/incident note &lt;what it said&gt;`.", cancellationToken).ConfigureAwait(false);
            }

            return await FinishAsync(message, incident, OutboxStep.Failed, ex.Error).ConfigureAwait(false);
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
            case OutboxKind.PostStatusPage:
                var draft = message.BlocksJson is null ? null : JsonNode.Parse(message.BlocksJson)!.AsArray();
                var destination = StatusPageHandler.Destination(incident, options.Value) is { } statusChannel ? new SlackChannelId(statusChannel) : WarRoom(incident);
                await PostOnceAsync(message, incident, destination, new RenderedMessage(message.Text ?? "", draft ?? []), resumed, ct).ConfigureAwait(false);
                break;
            case OutboxKind.RefreshDeclaration when incident.WarRoom.DeclarationTs is { } ts:
                var declaration = messages.Declaration(incident, now);
                await slack.UpdateMessageAsync(new SlackMessage(WarRoom(incident), declaration.Text, declaration.Blocks), ts, ct).ConfigureAwait(false);
                break;
            case OutboxKind.RefreshAnnouncement:
                await announcement.RunAsync(incident, now, ct).ConfigureAwait(false);
                break;
            case OutboxKind.ArchiveWarRoom:
                await IgnoringAsync(slack.ArchiveConversationAsync(WarRoom(incident), ct), "already_archived").ConfigureAwait(false);
                break;
            case OutboxKind.UpdateMessage when message.TargetTs is { } target:
                var replacement = message.BlocksJson is null ? null : JsonNode.Parse(message.BlocksJson)!.AsArray();
                await slack.UpdateMessageAsync(new SlackMessage(WarRoom(incident), message.Text ?? "", replacement), target, ct).ConfigureAwait(false);
                break;
            case OutboxKind.Ephemeral when message.Users is [var user]:
                await IgnoringAsync(slack.PostEphemeralAsync(new SlackMessage(WarRoom(incident), message.Text ?? ""), new SlackUserId(user), ct), "user_not_in_channel").ConfigureAwait(false);
                break;
            case OutboxKind.ConfirmNote or OutboxKind.FetchNoteText or OutboxKind.UnconfirmNote:
                await scribe.RunAsync(message, WarRoom(incident), ct).ConfigureAwait(false);
                break;
            case OutboxKind.UploadPostmortem:
                await postmortems.UploadAsync(message, incident, ct).ConfigureAwait(false);
                break;
            case OutboxKind.Notify:
                await NotifyAsync(message, incident, resumed, ct).ConfigureAwait(false);
                break;
            case OutboxKind.Webhook:
                await webhooks.SendAsync(message, ct).ConfigureAwait(false);
                break;
            case OutboxKind.Page or OutboxKind.Unpage:
                await pagers.SendAsync(message, incident, ct).ConfigureAwait(false);
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
                await store.SaveOutboxAsync(message, incident.WarRoom).ConfigureAwait(false);
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

    /// <summary>
    /// An escalation notice: in the war room, a channel, or a DM. Only the war room's history is searched after a crash
    /// mid-call: reading a DM needs <c>im:history</c> and another channel membership, so there a rare repeat is accepted.
    /// </summary>
    private async Task NotifyAsync(OutboxMessage message, Incident incident, bool resumed, CancellationToken ct)
    {
        var channel = message.Target switch
        {
            null => WarRoom(incident),
            ['U' or 'W', ..] user => await slack.OpenDirectMessageAsync(new SlackUserId(user), ct).ConfigureAwait(false),
            var other => new SlackChannelId(other),
        };
        var blocks = message.BlocksJson is null ? null : JsonNode.Parse(message.BlocksJson)!.AsArray();
        await PostOnceAsync(message, incident, channel, new RenderedMessage(message.Text ?? "", blocks ?? []), resumed && message.Target is null, ct, linkNames: true).ConfigureAwait(false);
    }

    private async Task<string> PostOnceAsync(OutboxMessage message, Incident incident, SlackChannelId channel, RenderedMessage rendered, bool resumed, CancellationToken ct, bool linkNames = false)
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
        var posted = await slack.PostMessageAsync(new SlackMessage(channel, rendered.Text, rendered.Blocks, Metadata: metadata, LinkNames: linkNames), ct).ConfigureAwait(false);
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

    /// <summary>Best effort: the person is told if Slack lets the bot, and the log has it either way.</summary>
    private async Task TellAsync(string channel, string user, string text, CancellationToken ct)
    {
        try
        {
            await slack.PostEphemeralAsync(new SlackMessage(new SlackChannelId(channel), text), new SlackUserId(user), ct).ConfigureAwait(false);
        }
        catch (SlackApiException ex)
        {
            LogNotTold(user, ex.Error);
        }
    }

    /// <summary>Steps that would be done twice if simply repeated; every other step is idempotent at Slack's end.</summary>
    private static bool MayDuplicate(OutboxKind kind) =>
        kind is OutboxKind.CreateWarRoom or OutboxKind.PostDeclaration or OutboxKind.Announce or OutboxKind.Post or OutboxKind.Notify or OutboxKind.PostStatusPage;

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

    private async Task<OutboxStep> RetryLaterAsync(OutboxMessage message, string error)
    {
        var wait = Duration.FromSeconds(Math.Min(300, 1 << Math.Min(message.Attempts, 8)));
        message.NextAttemptAt = clock.GetCurrentInstant() + wait;
        message.Error = error;
        await store.SaveOutboxAsync(message).ConfigureAwait(false);
        LogRetryLater(message.Id, message.Kind, new IncidentId(message.IncidentId), error, wait.TotalSeconds);
        return OutboxStep.RetryLater;
    }

    private async Task<OutboxStep> FinishAsync(OutboxMessage message, Incident? incident, OutboxStep step, string? error)
    {
        message.State = step == OutboxStep.Done ? OutboxState.Done : OutboxState.Failed;
        message.Error = error;

        // Only the steps that learn something about the war room write it; lanes run side by side, and a stale copy
        // from another step must not overwrite what was just learnt.
        var learnt = message.Kind is OutboxKind.CreateWarRoom or OutboxKind.PostDeclaration ? incident?.WarRoom : null;
        await store.SaveOutboxAsync(message, learnt).ConfigureAwait(false);
        if (message.Kind == OutboxKind.CreateWarRoom)
        {
            if (step == OutboxStep.Failed)
            {
                // Without a war room nothing else of this incident can reach Slack: set it aside, with the reason.
                await store.FailPendingAsync(message.IncidentId, "war_room_not_created").ConfigureAwait(false);
            }

            // The steps waiting for the channel can go now (or are failed): wake the outbox.
            signals.Outbox.Notify();
        }

        return step;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {MessageId} ({Kind}) of {Incident} will be retried: {Error}; next try in {Seconds}s")]
    private partial void LogRetryLater(long messageId, OutboxKind kind, IncidentId incident, string error, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox {MessageId} ({Kind}) failed unexpectedly; it will be retried")]
    private partial void LogUnexpected(Exception ex, long messageId, OutboxKind kind);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox {MessageId} ({Kind}) of {Incident} failed: Slack {Method} said {Error}")]
    private partial void LogFailed(long messageId, OutboxKind kind, IncidentId incident, string method, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox {MessageId} ({Kind}) of {Incident} failed for good: {Target} said {Error}")]
    private partial void LogOutboundFailed(long messageId, OutboxKind kind, IncidentId incident, string target, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell {User} of a failure: {Error}")]
    private partial void LogNotTold(string user, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Invitees already in {Channel}")]
    private partial void LogAlreadyIn(string channel);
}
