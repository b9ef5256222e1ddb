using IncidentBot.Incidents;
using IncidentBot.Outbox;
using IncidentBot.Slack;
using IncidentBot.Slack.Outbound;
using IncidentBot.Storage;

namespace IncidentBot.WarRooms;

/// <summary>
/// Creates the war room. Each name is remembered before Slack is asked, so after a crash a <c>name_taken</c> for a
/// name tried before is recognised as the bot's own channel (by name and creator) instead of making a second one.
/// </summary>
public sealed class CreateWarRoomStep(IIncidentStore store, ISlackApi slack, WarRoomFailure failure) : TypedOutboxStep<CreateWarRoom>
{
    private const int MaxNameTries = 20;
    private SlackUserId? botUserId;

    public override bool MayDuplicate => true;

    public override bool LearnsWarRoom => true;

    public override bool CreatesWarRoom => true;

    protected override async Task RunAsync(OutboxAttempt attempt, CreateWarRoom payload, CancellationToken cancellationToken)
    {
        var incident = attempt.Incident;
        var room = incident.WarRoom;
        if (room.ChannelId is not null)
        {
            return;
        }

        var name = room.TriedNames.Count > 0 ? room.TriedNames[^1] : room.PlannedName;
        for (var tries = 1; tries <= MaxNameTries; tries++)
        {
            var triedBefore = room.TriedNames.Contains(name);
            if (!triedBefore)
            {
                // Remember the name before asking Slack, so after a crash a name_taken can be recognised as our own.
                room.TriedNames.Add(name);
                await store.SaveOutboxAsync(attempt.Message, incident.WarRoom).ConfigureAwait(false);
            }

            try
            {
                var channel = await slack.CreateConversationAsync(name, incident.IsPrivate, cancellationToken).ConfigureAwait(false);
                (room.ChannelId, room.Name) = (channel.Id.Value, channel.Name);
                return;
            }
            catch (SlackApiException ex) when (ex.Error == "name_taken")
            {
                if (triedBefore && await FindOwnChannelAsync(name, cancellationToken).ConfigureAwait(false) is { } own)
                {
                    (room.ChannelId, room.Name) = (own.Id.Value, own.Name);
                    return;
                }

                name = WarRoomNames.WithSuffix(room.PlannedName, tries + 1);
            }
        }

        throw new SlackApiException("conversations.create", "name_taken");
    }

    protected override Task RefusedAsync(OutboxAttempt attempt, CreateWarRoom payload, string slackError, CancellationToken cancellationToken) =>
        failure.HandleAsync(attempt.Incident, slackError, cancellationToken);

    protected override CreateWarRoom Upgrade(OutboxMessageV1 stored) => new();

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
}
