using IncidentBot.Incidents;
using IncidentBot.Slack;
using IncidentBot.Slack.Inbound;
using IncidentBot.Storage;

namespace IncidentBot.Scribe;

/// <summary><c>pin_added</c> in a war room: a pinned message is one the team wants remembered, so it goes on the timeline.</summary>
public sealed class PinSubscriber(IIncidentStore store, NoteTaker noteTaker) : ISlackEventSubscriber
{
    public string EventType => "pin_added";

    public Task HandleAsync(SlackEvent slackEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slackEvent);
        var ev = slackEvent.Event;
        if (!ev.TryGetProperty("item", out var item) || SlackJson.Text(item, "type") != "message" || !item.TryGetProperty("message", out var message))
        {
            return Task.CompletedTask;
        }

        var channel = SlackJson.Text(ev, "channel_id") ?? SlackJson.Text(item, "channel");
        var ts = SlackJson.Text(message, "ts");
        var pinnedBy = SlackJson.Text(ev, "user");
        if (channel is null || ts is null || pinnedBy is null || store.FindByWarRoom(new SlackChannelId(channel)) is not { Status: not IncidentStatus.Closed } incident)
        {
            return Task.CompletedTask;
        }

        return noteTaker.CaptureAsync(incident, ts, new ResponderId(pinnedBy), NoteSource.Pin, SlackJson.Text(message, "text"), SlackJson.Text(message, "user") is { } author ? new ResponderId(author) : null);
    }
}
