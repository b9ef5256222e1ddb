using IncidentBot.Slack;
using IncidentBot.Slack.Inbound;

namespace IncidentBot.AppHome;

/// <summary>
/// <c>app_home_opened</c> on the Home tab: the person joins <see cref="HomeViewers"/> and <see cref="HomeRefreshService"/>
/// publishes their tab, off the request path (views.publish needs no trigger, so it need not be made within Slack's 3 s).
/// </summary>
public sealed class HomeOpenedSubscriber(HomeViewers viewers) : ISlackEventSubscriber
{
    public string EventType => "app_home_opened";

    public Task HandleAsync(SlackEvent slackEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slackEvent);
        var ev = slackEvent.Event;

        // The Messages tab opens the same event; only the Home tab shows the bot's view.
        if (SlackJson.Text(ev, "user") is { Length: > 0 } user && SlackJson.Text(ev, "tab") is null or "home")
        {
            viewers.Open(new SlackUserId(user));
        }

        return Task.CompletedTask;
    }
}
