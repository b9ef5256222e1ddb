using IncidentBot.Slack.Inbound;
using IncidentBot.Storage;
using NodaTime;

namespace IncidentBot.Scribe;

/// <summary>
/// <c>message</c> events in war rooms: the bot keeps its own copy of what is said (new, edited, deleted, threads), so a
/// scribe reaction finds the text without a history call, and an edit of a captured message updates the timeline.
/// </summary>
public sealed class MessageSubscriber(IIncidentStore store, INoteStore notes, NoteTaker noteTaker, IClock clock) : ISlackEventSubscriber
{
    public string EventType => "message";

    public Task HandleAsync(SlackEvent slackEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slackEvent);
        var ev = slackEvent.Event;
        var channel = SlackJson.Text(ev, "channel");
        if (channel is null || store.FindByWarRoom(channel) is not { } incident)
        {
            return Task.CompletedTask;
        }

        switch (SlackJson.Text(ev, "subtype"))
        {
            case "message_changed" when ev.TryGetProperty("message", out var changed) && SlackJson.Text(changed, "ts") is { } ts:
                var text = SlackJson.Text(changed, "text") ?? "";
                Keep(channel, ts, SlackJson.Text(changed, "thread_ts"), SlackJson.Text(changed, "user"), text);
                noteTaker.Edit(incident, ts, text);
                break;
            case "message_deleted" when SlackJson.Text(ev, "deleted_ts") is { } deleted:
                // The note, if any, stays: the timeline is the record of what was said.
                notes.ForgetMessage(channel, deleted);
                break;
            case "channel_join" or "channel_leave" or "channel_topic" or "channel_purpose" or "pinned_item":
                break;
            default:
                if (SlackJson.Text(ev, "ts") is { } newTs)
                {
                    Keep(channel, newTs, SlackJson.Text(ev, "thread_ts"), SlackJson.Text(ev, "user"), SlackJson.Text(ev, "text") ?? "");
                }

                break;
        }

        return Task.CompletedTask;
    }

    private void Keep(string channel, string ts, string? threadTs, string? user, string text) => notes.Keep(new CachedMessage
    {
        Channel = channel,
        Ts = ts,
        ThreadTs = threadTs == ts ? null : threadTs,
        User = user,
        Text = text,
        SeenAt = clock.GetCurrentInstant(),
    });
}
