using IncidentBot.Commands;
using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Slack.Inbound;
using IncidentBot.Storage;

namespace IncidentBot.Lifecycle;

/// <summary><c>/incident timeline</c>: the whole timeline, bot events and scribe notes, newest last, times in the reader's zone.</summary>
public sealed class TimelineHandler(IncidentActions actions, IIncidentStore store, INoteStore notes, IncidentMessages messages) : IIncidentCommandHandler
{
    /// <summary>Enough to read at a glance and well inside an ephemeral message; the post-mortem has everything.</summary>
    private const int MaxLines = 60;

    public IReadOnlyCollection<string> Verbs { get; } = ["timeline"];

    public Task<SlackReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = actions.Find(context, "");
        if (target.Incident is not { } incident)
        {
            return Task.FromResult(target.Problem!);
        }

        var lines = TimelineLine.Merge(store.Timeline(incident.Id), notes.ForIncident(incident.Id));
        return Task.FromResult(new SlackReply(messages.Timeline(incident, lines, context.Now, MaxLines)));
    }
}
