using System.Globalization;
using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Outbox;
using IncidentBot.Slack;
using IncidentBot.Slack.Outbound;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;
using NodaTime;

namespace IncidentBot.WarRooms;

/// <summary>
/// Edits the incident's announcement to show how it stands now (e.g. cancelled). The bot keeps no ts of the
/// announcement, so it finds its own message in the announcement channel by the incident in the message metadata: one
/// history call, made only for an incident's rare end.
/// </summary>
public sealed class RefreshAnnouncementStep(ISlackApi slack, IncidentMessages messages, IOptions<IncidentsOptions> options) : TypedOutboxStep<RefreshAnnouncement>
{
    protected override async Task RunAsync(OutboxAttempt attempt, RefreshAnnouncement payload, CancellationToken cancellationToken)
    {
        var incident = attempt.Incident;
        if (options.Value.AnnouncementChannel.Length == 0 || incident.IsPrivate || incident.IsDrill)
        {
            return;
        }

        var channel = new SlackChannelId(options.Value.AnnouncementChannel);
        var oldest = (incident.DeclaredAt - Duration.FromMinutes(1)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var history = await slack.GetHistoryAsync(channel, oldest, 200, cancellationToken).ConfigureAwait(false);

        // Newest first: the announcement is the incident's first message there.
        if (history.LastOrDefault(m => OutboxSlack.IsOfIncident(m.Metadata, incident.Id.ToString())) is { } announcement)
        {
            var rendered = messages.Announcement(incident, attempt.Now);
            await slack.UpdateMessageAsync(new SlackMessage(channel, rendered.Text, rendered.Blocks), announcement.Ts, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override RefreshAnnouncement Upgrade(OutboxMessageV1 stored) => new();
}
