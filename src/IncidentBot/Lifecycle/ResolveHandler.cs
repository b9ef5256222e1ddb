using IncidentBot.Changes;
using IncidentBot.Commands;
using IncidentBot.Slack.Inbound;

namespace IncidentBot.Lifecycle;

/// <summary><c>/incident resolve [resolution]</c>: resolves, and posts the duration, the resolution and the post-mortem rule.</summary>
public sealed class ResolveHandler(IncidentActions actions) : IIncidentCommandHandler
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

        return await actions.ApplyAsync(
            context,
            incident,
            Authorize.Steer("resolve"),
            i => i.Resolve(target.Arguments, context.User, context.Now),
            i => $"{i.Id} is resolved.", postedInWarRoom: true).ConfigureAwait(false);
    }
}
