using IncidentBot.Changes;
using IncidentBot.Commands;
using IncidentBot.Incidents;
using IncidentBot.Slack;
using IncidentBot.Slack.Inbound;

namespace IncidentBot.Lifecycle;

/// <summary><c>/incident update &lt;text&gt;</c>: posts a templated update; it is the update the cadence asks for, so the next one is due a full interval later.</summary>
public sealed class UpdateHandler(IncidentActions actions, SeverityScheme scheme) : IIncidentCommandHandler
{
    public IReadOnlyCollection<string> Verbs { get; } = ["update"];

    public async Task<SlackReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = actions.Find(context, "rolled back, errors falling");
        if (target.Incident is not { } incident)
        {
            return target.Problem!;
        }

        var text = target.Arguments;
        return await actions.ApplyAsync(
            context,
            incident,
            Authorize.Contribute("post updates to"),
            i => i.PostUpdate(text, scheme.Named(i.Severity), context.User, context.Now),
            i => i.NextUpdateDue is { } due ? $"Update posted. Next update due {SlackText.Date(due)}." : "Update posted.", postedInWarRoom: true).ConfigureAwait(false);
    }
}
