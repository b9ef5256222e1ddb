using IncidentBot.Outbox;
using IncidentBot.Slack.Outbound;
using IncidentBot.Storage;

namespace IncidentBot.Announcements;

/// <summary>
/// Announces the incident, once per channel, where it belongs and is not announced yet, and stores each announcement's
/// ts at once, so every later change can edit it and add to its thread. A retry finds a post an earlier attempt made.
/// </summary>
public sealed class AnnounceStep(OutboxSlack slack, AnnouncementMessages messages, AnnouncementChannels channels, IIncidentStore store) : TypedOutboxStep<Announce>
{
    public override bool MayDuplicate => true;

    protected override async Task RunAsync(OutboxAttempt attempt, Announce payload, CancellationToken cancellationToken)
    {
        var incident = attempt.Incident;
        SlackApiException? refused = null;
        foreach (var channel in channels.For(incident).Where(c => incident.AnnouncementIn(c.Value) is null))
        {
            try
            {
                var ts = await slack.PostOnceAsync(attempt, channel, messages.Announcement(incident, attempt.Now), attempt.Resumed, cancellationToken).ConfigureAwait(false);
                await store.LearnAsync(incident.Id, i => i.RecordAnnouncement(channel.Value, ts)).ConfigureAwait(false);
                incident.RecordAnnouncement(channel.Value, ts);
            }
            catch (SlackApiException ex) when (!ex.IsTransient)
            {
                // One channel refusing (the bot is not in it) keeps no other channel from its announcement.
                refused ??= ex;
            }
        }

        if (refused is not null)
        {
            throw refused;
        }
    }

    protected override Announce Upgrade(OutboxMessageV1 stored) => new();
}
