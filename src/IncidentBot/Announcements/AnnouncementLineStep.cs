using IncidentBot.Outbox;
using IncidentBot.Slack;
using IncidentBot.Slack.Outbound;

namespace IncidentBot.Announcements;

/// <summary>
/// Replies in the thread of each announcement of the incident with the change's line, once per thread: a retry looks
/// among the thread's replies for the line an earlier attempt posted.
/// </summary>
public sealed class AnnouncementLineStep(OutboxSlack slack) : TypedOutboxStep<AnnouncementLine>
{
    public override bool MayDuplicate => true;

    protected override async Task RunAsync(OutboxAttempt attempt, AnnouncementLine payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(payload);
        var incident = attempt.Incident;
        if (incident.IsPrivate || incident.IsDrill)
        {
            return;
        }

        SlackApiException? refused = null;
        foreach (var post in incident.Announcements)
        {
            try
            {
                await slack.PostOnceInThreadAsync(attempt, new SlackChannelId(post.Channel), post.Ts, payload.Line, cancellationToken).ConfigureAwait(false);
            }
            catch (SlackApiException ex) when (!ex.IsTransient)
            {
                // A stakeholder channel that refuses keeps the others from nothing.
                refused ??= ex;
            }
        }

        if (refused is not null)
        {
            throw refused;
        }
    }
}
