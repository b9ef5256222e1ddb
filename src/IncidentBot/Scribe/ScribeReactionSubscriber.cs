using IncidentBot.Incidents;
using IncidentBot.Slack.Inbound;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;

namespace IncidentBot.Scribe;

/// <summary><c>reaction_added</c> / <c>reaction_removed</c> of the scribe emoji in a war room puts a message on the timeline, or takes it off once nobody marks it.</summary>
public sealed class ScribeReactionSubscriber(string eventType, IIncidentStore store, NoteTaker noteTaker, IOptions<IncidentsOptions> options) : ISlackEventSubscriber
{
    public string EventType => eventType;

    public async Task HandleAsync(SlackEvent slackEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slackEvent);
        var reaction = ReactionEvent.Parse(slackEvent.Event);
        if (reaction is null
            || !string.Equals(reaction.Reaction, options.Value.ScribeReaction, StringComparison.Ordinal)
            // The bot's own confirming reaction marks nothing: it follows the people's.
            || reaction.User == slackEvent.BotUserId
            || store.FindByWarRoom(reaction.Channel) is not { Status: not IncidentStatus.Closed } incident)
        {
            return;
        }

        if (reaction.Added)
        {
            await noteTaker.MarkAsync(incident, reaction.Ts, new ResponderId(reaction.User.Value), reaction.ItemUser is { } author ? new ResponderId(author.Value) : null).ConfigureAwait(false);
        }
        else
        {
            await noteTaker.ReleaseAsync(incident, reaction.Ts, new ResponderId(reaction.User.Value)).ConfigureAwait(false);
        }
    }
}
