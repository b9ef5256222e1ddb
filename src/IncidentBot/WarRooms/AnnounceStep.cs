using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Outbox;
using IncidentBot.Slack;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;

namespace IncidentBot.WarRooms;

/// <summary>Announces the declaration, once, in the announcement channel; a private incident is not announced.</summary>
public sealed class AnnounceStep(OutboxSlack slack, IncidentMessages messages, IOptions<IncidentsOptions> options) : TypedOutboxStep<Announce>
{
    public override bool MayDuplicate => true;

    protected override async Task RunAsync(OutboxAttempt attempt, Announce payload, CancellationToken cancellationToken)
    {
        var incident = attempt.Incident;
        if (options.Value.AnnouncementChannel.Length > 0 && !incident.IsPrivate)
        {
            var channel = new SlackChannelId(options.Value.AnnouncementChannel);
            await slack.PostOnceAsync(attempt, channel, messages.Announcement(incident, attempt.Now), attempt.Resumed, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override Announce Upgrade(OutboxMessageV1 stored) => new();
}
