using IncidentBot.Slack;
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

    public async Task HandleAsync(SlackEvent slackEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slackEvent);
        var ev = slackEvent.Event;
        if (SlackJson.Text(ev, "channel") is not { } id || store.FindByWarRoom(new SlackChannelId(id)) is not { } incident)
        {
            return;
        }

        var channel = new SlackChannelId(id);
        switch (SlackJson.Text(ev, "subtype"))
        {
            case "message_changed" when ev.TryGetProperty("message", out var changed) && SlackJson.Text(changed, "ts") is { } ts:
                var text = SlackJson.Text(changed, "text") ?? "";
                await KeepAsync(channel, ts, SlackJson.Text(changed, "thread_ts"), SlackJson.Text(changed, "user"), text).ConfigureAwait(false);
                await noteTaker.EditAsync(incident, ts, text).ConfigureAwait(false);
                break;
            case "message_deleted" when SlackJson.Text(ev, "deleted_ts") is { } deleted:
                // The note, if any, stays: the timeline is the record of what was said.
                await notes.ForgetMessageAsync(channel, deleted).ConfigureAwait(false);
                break;
            case "channel_join" or "channel_leave" or "channel_topic" or "channel_purpose" or "pinned_item":
                break;
            default:
                if (SlackJson.Text(ev, "ts") is { } newTs)
                {
                    await KeepAsync(channel, newTs, SlackJson.Text(ev, "thread_ts"), SlackJson.Text(ev, "user"), SlackJson.Text(ev, "text") ?? "").ConfigureAwait(false);
                }

                break;
        }
    }

    private Task KeepAsync(SlackChannelId channel, string ts, string? threadTs, string? user, string text) => notes.KeepAsync(new CachedMessage
    {
        Channel = channel,
        Ts = ts,
        ThreadTs = threadTs == ts ? null : threadTs,
        User = user is null ? null : new SlackUserId(user),
        Text = text,
        SeenAt = clock.GetCurrentInstant(),
    });
}
