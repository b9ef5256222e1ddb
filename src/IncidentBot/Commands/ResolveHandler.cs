using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Slack.Inbound;

namespace IncidentBot.Commands;

/// <summary><c>/incident resolve [resolution]</c>: resolves, and posts the duration, the resolution and the post-mortem rule.</summary>
public sealed class ResolveHandler(IncidentActions actions, IncidentMessages messages) : IIncidentCommandHandler
{
    public IReadOnlyCollection<string> Verbs { get; } = ["resolve"];

    public async Task<SlackReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = actions.Find(context, "rolled back the deploy");
        if (target.Incident is not { } incident)
        {
            return target.Problem!;
        }

        return await actions.AuthorizeAsync(context, incident, "resolve").ConfigureAwait(false)
            ?? await StatusHandler.ChangeAsync(actions, messages, context, incident, IncidentStatus.Resolved, target.Arguments).ConfigureAwait(false);
    }
}
