using System.Globalization;
using IncidentBot.Incidents;
using IncidentBot.Outbox;
using IncidentBot.Slack;
using IncidentBot.Slack.Outbound;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;
using NodaTime;

namespace IncidentBot.Announcements;

/// <summary>
/// Edits every announcement of the incident to show how it stands now. An incident announced before the bot kept the
/// announcement's ts is found once in the announcement channel by the incident in the message metadata (one history
/// call), and its ts is kept from then on.
/// </summary>
public sealed class RefreshAnnouncementStep(ISlackApi slack, AnnouncementMessages messages, IOptions<IncidentsOptions> options, IIncidentStore store) : TypedOutboxStep<RefreshAnnouncement>
{
    protected override async Task RunAsync(OutboxAttempt attempt, RefreshAnnouncement payload, CancellationToken cancellationToken)
    {
        var incident = attempt.Incident;
        if (incident.IsPrivate || incident.IsDrill)
        {
            return;
        }

        var posts = incident.Announcements.Count > 0 ? incident.Announcements : await FindAsync(incident, cancellationToken).ConfigureAwait(false);
        var rendered = messages.Announcement(incident, attempt.Now);
        SlackApiException? refused = null;
        foreach (var post in posts)
        {
            try
            {
                await slack.UpdateMessageAsync(new SlackMessage(new SlackChannelId(post.Channel), rendered.Text, rendered.Blocks), post.Ts, cancellationToken).ConfigureAwait(false);
            }
            catch (SlackApiException ex) when (!ex.IsTransient)
            {
                // An announcement someone deleted keeps the others from nothing.
                refused ??= ex;
            }
        }

        if (refused is not null)
        {
            throw refused;
        }
    }

    private async Task<List<AnnouncementPost>> FindAsync(Incident incident, CancellationToken cancellationToken)
    {
        if (options.Value.AnnouncementChannel.Length == 0)
        {
            return [];
        }

        var channel = new SlackChannelId(options.Value.AnnouncementChannel);
        var oldest = (incident.DeclaredAt - Duration.FromMinutes(1)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var history = await slack.GetHistoryAsync(channel, oldest, 200, cancellationToken).ConfigureAwait(false);

        // Newest first: the announcement is the incident's first message there.
        if (history.LastOrDefault(m => OutboxSlack.IsOfIncident(m.Metadata, incident.Id.ToString())) is not { } found)
        {
            return [];
        }

        await store.LearnAsync(incident.Id, i => i.RecordAnnouncement(channel.Value, found.Ts)).ConfigureAwait(false);
        return [new AnnouncementPost(channel.Value, found.Ts)];
    }

    protected override RefreshAnnouncement Upgrade(OutboxMessageV1 stored) => new();
}
